"""Predictive CLV: horizon and discounting in user terms, intervals, whole-base tracking.

Golden values: Fader, Hardie & Lee (2005a) BG/NBD on the CDNOW sample (r 0.243, alpha 4.414,
a 0.793, b 2.426) and Hardie's note "Implementing the BG/NBD model in Excel": the customer with
x = 2, t_x = 30.43, T = 38.86 is expected to make 1.226 purchases in the next 39 weeks. The
discounted values follow the convention of lifetimes' ``customer_lifetime_value`` (monthly
steps discounted from the end of each month); the reference numbers were computed with
lifetimes 0.11.3 at 10 % a year (monthly rate 1.1 ** (1/12) - 1, ``freq="W"``: its month is
4.345 weeks, ours 365.25 / 12 / 7 = 4.348, hence the 0.15 % tolerance).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import DATA_DIR

from clvdesk.core import clv, units
from clvdesk.core.errors import InputError
from clvdesk.core.models import get_model
from clvdesk.core.segments import TOTAL_LABEL


class ConstantSpend:
    """A spend model with one known spend per transaction (isolates the discounting)."""

    def __init__(self, spend: float = 10.0) -> None:
        self.spend = spend

    def expected_spend(self, frequency, monetary_value):
        return np.full(np.shape(frequency), self.spend)


class LinearPurchases:
    """A transaction model buying ``rate`` per period for sure: E[Y(t)] = rate * t."""

    def __init__(self, rate: float) -> None:
        self.rate = rate

    def p_alive(self, frequency, recency, T):
        return np.ones(np.shape(frequency))

    def expected_purchases(self, t, frequency, recency, T):
        return np.full(np.shape(frequency), self.rate * t)


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    table = pd.read_csv(DATA_DIR / "cdnow_customers_summary_with_transactions.csv")
    summary = table.rename(columns={"x": "frequency", "t_x": "recency", "zbar": "monetary_value"})
    summary = summary.set_index("ID")
    summary.attrs["period"] = "weeks"
    return summary


@pytest.fixture(scope="module")
def bgnbd(cdnow):
    return get_model("bgnbd")().fit(cdnow["frequency"], cdnow["recency"], cdnow["T"])


def test_published_conditional_expectation_through_predict_clv(cdnow, bgnbd):
    assert bgnbd.params["r"] == pytest.approx(0.243, abs=5e-4)
    out = clv.predict_clv(bgnbd, None, cdnow, horizon=39, horizon_unit="weeks", n_draws=0)
    assert out.loc[1, "expected_purchases"] == pytest.approx(1.226, abs=5e-4)
    assert out.loc[1, "p_alive"] == pytest.approx(0.7266, abs=5e-4)
    assert list(out.columns) == ["frequency", "recency", "T", "p_alive", "expected_purchases"]


@pytest.mark.parametrize(("customer", "expected"), [
    (1, 14.889732786146734), (2, 2.4820451855292256), (3, 2.4017732158996834),
    (18, 3.6362214285317673), (1516, 246.51658198265548),
])
def test_discounted_clv_matches_lifetimes_convention(cdnow, bgnbd, customer, expected):
    out = clv.predict_clv(bgnbd, ConstantSpend(10.0), cdnow, horizon=12, horizon_unit="months",
                          annual_discount_rate=0.10, n_draws=0)
    assert out.loc[customer, "clv"] == pytest.approx(expected, rel=1.5e-3)
    assert out.loc[customer, "expected_spend"] == 10.0


def test_discounting_formula_exactly():
    # 2 purchases a week for 12 months at 10 % a year, spend 5, margin 0.3:
    # sum over months k of 0.3 * 5 * 2 * (weeks in month) / 1.1 ** (k / 12)
    summary = pd.DataFrame({"frequency": [1.0], "recency": [1.0], "T": [2.0],
                            "monetary_value": [5.0]}, index=pd.Index(["a"], name="customer_id"))
    summary.attrs["period"] = "weeks"
    out = clv.predict_clv(LinearPurchases(2.0), ConstantSpend(5.0), summary, horizon=12,
                          margin=0.3, annual_discount_rate=0.10, n_draws=0)
    weeks_per_month = 365.25 / 12 / 7
    expected = sum(0.3 * 5 * 2 * weeks_per_month / 1.1 ** (k / 12) for k in range(1, 13))
    assert out.loc["a", "clv"] == pytest.approx(expected, rel=1e-12)
    assert out.loc["a", "expected_purchases"] == pytest.approx(2 * 12 * weeks_per_month)


def test_partial_last_step_and_zero_rate():
    summary = pd.DataFrame({"frequency": [0.0], "recency": [0.0], "T": [1.0],
                            "monetary_value": [0.0]})
    summary.attrs["period"] = "days"
    # 45 days = one whole month and a partial one; without discounting CLV = spend * purchases
    out = clv.predict_clv(LinearPurchases(1.0), ConstantSpend(2.0), summary, horizon=45,
                          horizon_unit="days", annual_discount_rate=0.0, n_draws=0)
    assert out["expected_purchases"].iloc[0] == pytest.approx(45.0)
    assert out["clv"].iloc[0] == pytest.approx(90.0)
    steps = clv.discount_steps(45.0, "days", "months")
    assert steps == pytest.approx([30.4375, 45.0])


def test_same_clv_whatever_the_time_unit_of_the_data():
    from clvdesk.core.datasets import CDNOW_END, load_cdnow
    from clvdesk.core.summary import summarize

    orders = load_cdnow()
    values = {}
    for period in ("days", "weeks"):
        summary = summarize(orders, period=period, end=CDNOW_END)
        model = get_model("bgnbd")().fit(summary["frequency"], summary["recency"], summary["T"])
        out = clv.predict_clv(model, ConstantSpend(), summary, horizon=1, horizon_unit="years",
                              n_draws=0)
        values[period] = out["clv"]
    assert values["days"].to_numpy() == pytest.approx(values["weeks"].to_numpy(), rel=2e-3)


def test_discount_factors_compound_the_annual_rate():
    factors = clv.discount_factors(np.array([52.17857142857143]), "weeks", 0.10)
    assert factors[0] == pytest.approx(1 / 1.1)
    per_month = units.rate_per_period(0.10, "months")
    assert clv.discount_factors(np.array([1.0]), "months", 0.10)[0] == pytest.approx(
        1 / (1 + per_month))


def test_intervals_per_customer_and_per_segment(cdnow, bgnbd):
    spend = get_model("gamma-gamma")()
    repeat = cdnow[cdnow["frequency"] > 0]
    spend.fit(repeat["frequency"], repeat["monetary_value"])
    segment = pd.Series(np.where(cdnow["frequency"] > 0, "repeat", "one-time"),
                        index=cdnow.index)
    forecast = clv.forecast_clv(bgnbd, spend, cdnow, margin=0.3, segment=segment, n_draws=100,
                                rng=7)
    out = forecast.customers
    assert {"expected_spend", "clv", "clv_low", "clv_high"} <= set(out.columns)
    assert np.isfinite(out[["clv", "clv_low", "clv_high"]].to_numpy()).all()
    assert (out["clv_low"] <= out["clv"]).all() and (out["clv"] <= out["clv_high"]).all()
    assert (out["clv_high"] > out["clv_low"]).all()

    table = forecast.segments.set_index("segment")
    assert list(table.index) == ["one-time", "repeat", TOTAL_LABEL]
    total = table.loc[TOTAL_LABEL]
    assert total["clv"] == pytest.approx(out["clv"].sum())
    assert table.loc[["one-time", "repeat"], "clv"].sum() == pytest.approx(total["clv"])
    assert total["clv_low"] <= total["clv"] <= total["clv_high"]
    # aggregate draws, not sums of per-customer bounds: the segment interval is narrower
    assert total["clv_high"] - total["clv_low"] < out["clv_high"].sum() - out["clv_low"].sum()
    # parameter uncertainty of 2,357 customers: the total is known to within some tens of %
    assert 0.5 < total["clv_low"] / total["clv"] < 1.0 < total["clv_high"] / total["clv"] < 1.5

    again = clv.forecast_clv(bgnbd, spend, cdnow, margin=0.3, segment=segment, n_draws=100,
                             rng=7)
    pd.testing.assert_frame_equal(again.customers, out)


def test_no_interval_without_parameter_uncertainty(cdnow, bgnbd):
    model = type(bgnbd).from_params(bgnbd.params)
    out = clv.predict_clv(model, ConstantSpend(), cdnow, n_draws=50)
    assert "clv" in out and "clv_low" not in out


@pytest.mark.parametrize(("options", "message"), [
    ({"horizon": 0}, "horizon must be greater than 0"),
    ({"horizon": "12"}, "horizon must be a number"),
    ({"horizon_unit": "fortnights"}, "unknown time unit"),
    ({"margin": 30}, "margin must be at least 0 and at most 1"),
    ({"annual_discount_rate": -0.1}, "^discount rate must be at least 0 and at most 1"),
    ({"interval": 1.0}, "^interval width must be below 1"),
    ({"n_draws": 5}, "^number of parameter draws must be at least 20"),
])
def test_bad_options_are_one_line_input_errors(cdnow, bgnbd, options, message):
    with pytest.raises(InputError, match=message):
        clv.predict_clv(bgnbd, ConstantSpend(), cdnow, **options)


def test_summary_without_time_unit_is_refused(cdnow, bgnbd):
    bare = cdnow.copy()
    bare.attrs = {}
    with pytest.raises(InputError, match="time unit"):
        clv.predict_clv(bgnbd, None, bare)


def test_base_tracking_adds_up_new_customer_expectations(cdnow, bgnbd):
    summary = cdnow.copy()
    summary.attrs.update(period="weeks", end=pd.Timestamp("1997-09-30"))
    table = clv.expected_base_transactions(bgnbd, summary, periods_after_end=39)
    assert len(table) == 78
    assert table["expected"].sum() == pytest.approx(table["expected_cumulative"].iloc[-1])
    t_max = summary["T"].max()
    # at calendar week 78 each customer has been around for 78 - (t_max - T_i) weeks
    direct = bgnbd.expected_purchases_new(78 - (t_max - summary["T"].to_numpy())).sum()
    assert table["expected_cumulative"].iloc[-1] == pytest.approx(direct, rel=1e-9)
    assert (table["expected"] >= 0).all()


def test_interval_narrows_with_more_customers():
    """Parameter uncertainty shrinks like 1/sqrt(n): the full CDNOW log (23,570 customers) gives
    a total-CLV interval about sqrt(10) times narrower, relative to the total, than its 1/10
    sample (2,357 customers)."""
    from clvdesk.core.datasets import CDNOW_END, load_cdnow
    from clvdesk.core.summary import summarize

    widths = {}
    for sample in (True, False):
        summary = summarize(load_cdnow(sample=sample), period="weeks", end=CDNOW_END)
        model = get_model("bgnbd")().fit(summary["frequency"], summary["recency"], summary["T"])
        repeat = summary[(summary["frequency"] > 0) & (summary["monetary_value"] > 0)]
        spend = get_model("gamma-gamma")().fit(repeat["frequency"], repeat["monetary_value"])
        total = clv.forecast_clv(model, spend, summary, n_draws=200, rng=11).segments.iloc[-1]
        widths[sample] = (total["clv_high"] - total["clv_low"]) / total["clv"]
    assert 2.0 < widths[True] / widths[False] < 5.0
