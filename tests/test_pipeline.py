"""The whole analysis on CDNOW with the demo assumptions, and its failure modes.

Published estimates on the CDNOW sample (39 calibration weeks): BG/NBD r 0.243, alpha 4.414,
a 0.793, b 2.426 (Fader, Hardie & Lee 2005a); Gamma-Gamma p 6.25, q 3.74, gamma 15.44 (Fader,
Hardie & Lee 2005b).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from clvdesk.core.datasets import DEMO_SEGMENTS, first_basket_segments, load_cdnow
from clvdesk.core.errors import Cancelled, DataError, InputError
from clvdesk.core.pipeline import SEGMENT_COLUMNS, AnalysisResult, Assumptions, run_analysis
from clvdesk.core.segments import TOTAL_LABEL


@pytest.fixture(scope="module")
def orders() -> pd.DataFrame:
    table = load_cdnow(segment=True)  # the demo segments, which Assumptions.demo() names
    # an acquisition channel to segment on: customers with an odd id came through search
    odd = table["customer_id"].astype(int) % 2 == 1
    table["channel"] = np.where(odd, "search", "email")
    return table


@pytest.fixture(scope="module")
def result(orders) -> AnalysisResult:
    assumptions = Assumptions.demo()
    assumptions.segment_col = "channel"
    assumptions.cac_by_segment = {"search": 12.0}
    assumptions.n_draws = 100
    return run_analysis(orders, assumptions)


def test_demo_assumptions_fit_the_papers(result):
    a = result.assumptions
    assert (a.period, str(a.end), str(a.holdout_end)) == ("weeks", "1997-09-30", "1998-06-30")
    assert (a.model, a.spend_model, a.horizon, a.horizon_unit) == ("bgnbd", "gamma-gamma", 12,
                                                                   "months")
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    for name, value in published.items():
        assert result.model.params[name] == pytest.approx(value, rel=2e-3)
    for name, value in {"p": 6.25, "q": 3.74, "gamma": 15.44}.items():
        assert result.spend_model.params[name] == pytest.approx(value, rel=5e-3)


def test_predictions_per_customer(result):
    p = result.predictions
    assert len(p) == 2357 and p.index.name == "customer_id"
    for column in ("frequency", "recency", "T", "p_alive", "expected_purchases",
                   "expected_spend", "clv", "clv_low", "clv_high", "segment"):
        assert column in p.columns
    values = p[["p_alive", "expected_purchases", "expected_spend", "clv", "clv_low",
                "clv_high"]].to_numpy()
    assert np.isfinite(values).all() and (values >= 0).all()
    assert (p["clv_low"] <= p["clv"]).all() and (p["clv"] <= p["clv_high"]).all()
    assert set(p["segment"]) == {"search", "email"}
    assert p.loc["1", "segment"] == "search"
    # CLV = margin x expected spend x discounted purchases <= margin x spend x purchases
    assert (p["clv"] <= 0.3 * p["expected_spend"] * p["expected_purchases"] + 1e-9).all()


def test_segment_table_with_acquisition_costs(result):
    table = result.segments.set_index("segment")
    assert list(result.segments.columns) == list(SEGMENT_COLUMNS)
    assert list(table.index) == ["email", "search", TOTAL_LABEL]
    assert table["customers"].sum() == 2 * 2357
    assert table.loc["search", "acquisition_cost"] == 12.0
    assert table.loc["email", "acquisition_cost"] == 10.0
    n_search = table.loc["search", "customers"]
    assert table.loc[TOTAL_LABEL, "acquisition_cost"] == pytest.approx(
        (12.0 * n_search + 10.0 * (2357 - n_search)) / 2357)
    assert table.loc["search", "clv_net_mean"] == pytest.approx(
        table.loc["search", "clv_mean"] - 12.0)
    assert table.loc["search", "ltv_cac"] == pytest.approx(table.loc["search", "clv_mean"] / 12)
    total = table.loc[TOTAL_LABEL]
    assert total["clv"] == pytest.approx(result.predictions["clv"].sum())
    assert total["clv_low"] < total["clv"] < total["clv_high"]
    assert total["historical_spend"] == pytest.approx(result.summary["total_spend"].sum())
    closed = result.segments_closed_form
    assert list(closed.index) == ["email", "search", TOTAL_LABEL] or set(closed.index) == {
        "email", "search", TOTAL_LABEL}
    assert closed.loc["search", "cac"] == pytest.approx(12.0)


def test_cohorts_tracking_and_model_checks(result):
    assert set(result.cohorts) >= {"summary", "revenue", "active"}
    assert list(result.cohorts["summary"].index) == ["1997-01", "1997-02", "1997-03"]
    assert len(result.tracking) == 78
    assert result.holdout_by_frequency["actual_total"].sum() == 1882
    comparison = result.model_comparison
    assert "bgnbd" in set(comparison["model"])
    ours = comparison.set_index("model").loc["bgnbd"]
    assert ours["log_likelihood"] == pytest.approx(result.model.log_likelihood)
    assert result.quality["rows"] == 6919
    assert result.settings["horizon_periods"] == pytest.approx(365.25 / 7)


def test_to_dict_is_plain_json(result):
    data = result.to_dict()
    text = json.dumps(data, allow_nan=False)
    assert '"customers": 2357' in text
    assert data["model"]["params"]["r"] == pytest.approx(result.model.params["r"])
    assert data["assumptions"]["end"] == "1997-09-30"
    assert data["segments"][-1]["segment"] == TOTAL_LABEL
    with_customers = result.to_dict(customers=True)
    assert len(with_customers["customers"]) == 2357
    json.dumps(with_customers, allow_nan=False)


def test_demo_segments_are_the_first_basket():
    """Same-day orders make one basket; later orders keep the customer's first segment."""
    table = pd.DataFrame({
        "customer_id": ["a", "a", "a", "b", "b", "c", "c"],
        "date": pd.to_datetime(["1997-01-02", "1997-01-02", "1997-03-01", "1997-01-05",
                                "1997-02-01", "1997-02-10", "1997-02-11"]),
        "quantity": [1, 2, 9, 1, 5, 4, 1],
        "amount": [10.0, 20.0, 90.0, 11.0, 50.0, 44.0, 12.0],
    })
    assert first_basket_segments(table).tolist() == ["2-3 CDs"] * 3 + ["1 CD"] * 2 + [
        "4+ CDs"] * 2
    demo = load_cdnow(segment=True)
    assert demo.groupby("customer_id")["segment"].nunique().max() == 1
    per_customer = demo.groupby("customer_id")["segment"].first().value_counts()
    assert per_customer[list(DEMO_SEGMENTS)].tolist() == [1177, 841, 339]
    assert Assumptions.demo().segment_col == "segment"
    assert set(Assumptions.demo().cac_by_segment) <= set(DEMO_SEGMENTS)


def test_progress_is_monotone_and_cancel_stops(orders):
    seen = []
    assumptions = Assumptions.demo()
    assumptions.n_draws = 0
    assumptions.compare_models = ("bgnbd",)
    run_analysis(orders, assumptions, progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert all(isinstance(m, str) and m for _, m in seen)

    calls = []

    def cancel_after_three() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        run_analysis(orders, assumptions, cancel=cancel_after_three)


def test_without_spend_model_or_holdout(orders):
    assumptions = Assumptions(end="1997-09-30", spend_model=None, n_draws=0)
    result = run_analysis(orders, assumptions)
    assert "clv" not in result.predictions
    assert result.model_comparison is None and result.holdout_by_frequency is None
    assert list(result.segments["segment"]) == [TOTAL_LABEL]
    json.dumps(result.to_dict(), allow_nan=False)


def test_assumptions_round_trip_and_validation():
    a = Assumptions.demo()
    again = Assumptions.from_dict(json.loads(json.dumps(a.to_dict())))
    assert again.to_dict() == a.validated().to_dict()
    with pytest.raises(InputError, match="margin"):
        Assumptions(margin=1.5).validated()
    with pytest.raises(InputError, match="model must be one of"):
        Assumptions(model="gamma-gamma").validated()
    with pytest.raises(InputError, match="end of the holdout period .* must be after the end"):
        Assumptions(end="1997-09-30", holdout_end="1997-01-01").validated()
    with pytest.raises(InputError, match="unknown assumption"):
        Assumptions.from_dict({"colour": "red"})
    with pytest.raises(InputError, match="unknown time unit"):
        Assumptions(period="fortnights").validated()
    with pytest.raises(InputError, match="number of parameter draws must be at least 20"):
        Assumptions(n_draws=5).validated()


def _orders(rows) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    table["date"] = pd.to_datetime(table["date"])
    return table


def test_degenerate_data_gets_a_clear_message():
    one_timers = _orders([(str(i), f"2024-01-{i % 28 + 1:02d}", 10.0) for i in range(50)])
    with pytest.raises(DataError, match="no customer bought more than once"):
        run_analysis(one_timers, Assumptions(n_draws=0))
    single = _orders([("a", "2024-01-01", 10.0), ("a", "2024-02-01", 12.0)])
    with pytest.raises(DataError, match="1 customer"):
        run_analysis(single, Assumptions(n_draws=0))
    with pytest.raises(InputError, match="segment column 'region' not found"):
        run_analysis(single, Assumptions(segment_col="region"))
    with pytest.raises(InputError, match="orders must be a table"):
        run_analysis("orders.csv", Assumptions())


def test_unknown_segment_in_acquisition_costs(orders):
    assumptions = Assumptions(end="1997-09-30", segment_col="channel",
                              cac_by_segment={"tv": 5.0}, spend_model=None, n_draws=0)
    with pytest.raises(InputError, match="unknown segment"):
        run_analysis(orders, assumptions)
