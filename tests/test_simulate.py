"""The simulator: its bases look like their parameters, and fits on them recover the truth."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clvdesk.core.errors import InputError
from clvdesk.core.models import BetaGeoModel, GammaGammaModel, ParetoNBDModel
from clvdesk.core.simulate import TRUTH_COLUMNS, simulate
from clvdesk.core.summary import summarize

MODELS = {"bgnbd": BetaGeoModel, "pareto-nbd": ParetoNBDModel}


def fit_all(base):
    """Transaction model and Gamma-Gamma fitted on the calibration summary of a base."""
    summary = summarize(base.orders, period=base.period, end=base.end)
    model = MODELS[base.model]().fit(summary["frequency"], summary["recency"], summary["T"])
    repeat = (summary["frequency"] > 0) & (summary["monetary_value"] > 0)
    spend = GammaGammaModel().fit(summary.loc[repeat, "frequency"],
                                  summary.loc[repeat, "monetary_value"])
    return summary, model, spend


@pytest.mark.parametrize("name", ["bgnbd", "pareto-nbd"])
def test_20000_customers_recover_every_parameter_within_3_se(name):
    base = simulate(20_000, model=name, seed=0)
    _, model, spend = fit_all(base)
    truth = {**base.params, **base.spend_params}
    for fitted in (model, spend):
        for key, value in fitted.params.items():
            z = (value - truth[key]) / fitted.std_errors[key]
            assert abs(z) < 3, (key, value, truth[key], fitted.std_errors[key])


@pytest.mark.slow
def test_95_percent_intervals_cover_the_truth_in_90_to_99_percent_of_100_runs():
    """Wald intervals on the log scale (the fit's parametrisation), exp(theta +- 1.96 se)."""
    covered: dict[str, int] = {}
    for seed in range(100):
        base = simulate(2000, seed=1000 + seed)
        _, model, spend = fit_all(base)
        truth = {**base.params, **base.spend_params}
        for fitted in (model, spend):
            for key, value in fitted.params.items():
                se_log = fitted.std_errors[key] / value
                low, high = value * np.exp(-1.96 * se_log), value * np.exp(1.96 * se_log)
                covered[key] = covered.get(key, 0) + int(low <= truth[key] <= high)
    assert set(covered) == {"r", "alpha", "a", "b", "p", "q", "gamma"}
    for key, hits in covered.items():
        assert 90 <= hits <= 99, (key, hits)


def test_truth_agrees_with_the_log():
    base = simulate(3000, seed=4, holdout_periods=13, future_periods=13)
    assert list(base.truth.columns) == list(TRUTH_COLUMNS)
    summary = summarize(base.orders, period="weeks", end=base.end, holdout_end=base.holdout_end)
    truth = base.truth.loc[summary.index]
    # every drawn purchase is in the log: the summary counts exactly the true purchases
    assert (summary["frequency"] == truth["repeat_purchases"]).all()
    assert (summary["frequency_holdout"] == truth["holdout_purchases"]).all()
    assert (truth["first_purchase"] == summary["first_purchase"]).all()
    # a customer who bought after a day was alive then; the dead buy nothing later
    dead = ~truth["alive_at_holdout_end"]
    assert (truth.loc[dead, "future_purchases"] == 0).all()
    assert truth["next_purchase"].notna().sum() == (truth["future_purchases"] > 0).sum()
    assert (truth["next_purchase"].dropna() > pd.Timestamp(base.holdout_end)).all()
    assert (truth["next_purchase"].dropna() <= pd.Timestamp(base.future_end)).all()
    assert base.orders["date"].max() <= pd.Timestamp(base.holdout_end)
    # BG/NBD: nobody without repeat purchases dropped out before the end
    one_time = truth["repeat_purchases"] == 0
    assert truth.loc[one_time, "alive_at_end"].all()


def test_alive_share_matches_the_model_expectation():
    """Pareto/NBD: P(alive at age t) = (beta/(beta+t))^s for a new customer."""
    base = simulate(20_000, model="pareto-nbd", seed=5, acquisition_periods=1,
                    calibration_periods=27)
    params = base.params
    age = (pd.Timestamp(base.end) - base.truth["first_purchase"]).dt.days.to_numpy() + 1
    expected = np.mean((params["beta"] / (params["beta"] + age / 7)) ** params["s"])
    assert base.truth["alive_at_end"].mean() == pytest.approx(expected, abs=0.01)


def test_returns_duplicates_and_same_day_orders_keep_the_true_amounts():
    clean = simulate(2000, seed=7)
    messy = simulate(2000, seed=7, returns=0.05, duplicates=0.02, same_day=0.03)
    pd.testing.assert_frame_equal(clean.truth, messy.truth)
    orders = messy.orders
    refunds = orders[orders["amount"] < 0]
    assert 0.03 < len(refunds.drop_duplicates()) / len(clean.orders) < 0.07
    refunded = orders.drop_duplicates().groupby("order_id")["amount"]
    assert (refunded.sum()[refunds["order_id"].unique()] > 0).all()  # partial returns
    # dropping exact duplicate rows and netting by order id, then per customer and day, gives
    # the clean log's purchases back to the cent
    def per_day(log):
        return (log.groupby(["customer_id", "date"])["amount"].sum().round(2))

    netted = orders.drop_duplicates()
    netted = netted.groupby("order_id").agg(customer_id=("customer_id", "first"),
                                            date=("date", "min"), amount=("amount", "sum"))
    pd.testing.assert_series_equal(per_day(netted), per_day(clean.orders))
    assert orders.duplicated().sum() > 0
    assert (orders.drop_duplicates().groupby(["customer_id", "date"])["order_id"].nunique()
            > 1).sum() > 0


def test_a_log_with_returns_gives_the_parameters_of_the_log_without():
    clean = simulate(5000, seed=8)
    messy = simulate(5000, seed=8, returns=0.05)
    _, model, spend = fit_all(clean)
    _, model_r, spend_r = fit_all(messy)
    for fitted, other in ((model, model_r), (spend, spend_r)):
        for key, value in fitted.params.items():
            assert abs(other.params[key] - value) < fitted.std_errors[key], key


def test_same_seed_same_base_and_no_order_ids():
    a = simulate(200, seed=1)
    b = simulate(200, seed=1, order_ids=False)
    assert "order_id" not in b.orders
    pd.testing.assert_frame_equal(a.orders.drop(columns="order_id"), b.orders)


@pytest.mark.parametrize("kwargs", [
    {"model": "bgbb"}, {"params": {"r": 1.0}}, {"spend_params": {"p": 1, "q": 0.5, "gamma": 1}},
    {"returns": 1.5}, {"n_customers": 0}, {"acquisition_periods": 50},
    {"period": "years"},
])
def test_bad_options_raise_input_error(kwargs):
    kwargs = {"n_customers": 10, **kwargs}
    with pytest.raises(InputError):
        simulate(**kwargs)


def test_cli_writes_orders_and_truth(tmp_path, capsys):
    from tests.cli_run import run_json

    out, truth = tmp_path / "orders.csv", tmp_path / "truth.csv"
    result = run_json(capsys, "simulate", "--customers", "300", "--model", "pareto-nbd",
                      "--params", "r=0.5,alpha=8,s=0.5,beta=10", "--returns", "0.05",
                      "--future", "13", "--seed", "3", "-o", str(out), "--truth", str(truth))
    assert result["customers"] == 300 and result["params"]["alpha"] == 8.0
    orders = pd.read_csv(out)
    assert list(orders.columns) == ["customer_id", "order_id", "date", "amount"]
    assert (orders["amount"] < 0).any()
    assert len(pd.read_csv(truth)) == 300


def test_cli_bad_parameters_is_one_line_error(capsys):
    from tests.cli_run import run_error

    message = run_error(capsys, "simulate", "--params", "r=x", "-o", "orders.csv")
    assert "--params" in message


def test_cli_shares_take_percentages_and_decimal_commas(tmp_path, capsys):
    from tests.cli_run import run_json

    logs = []
    for returns, future in (("0.05", "13"), ("5%", "13,0")):
        out = tmp_path / f"orders{len(logs)}.csv"
        run_json(capsys, "simulate", "--customers", "200", "--returns", returns, "--future",
                 future, "--seed", "4", "-o", str(out))
        logs.append(pd.read_csv(out))
    pd.testing.assert_frame_equal(logs[0], logs[1])
