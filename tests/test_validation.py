"""Model checks on the CDNOW calibration/holdout split (Fader, Hardie & Lee 2005a, figures 2-4).

Data facts of the CDNOW 1/10 sample in weeks with calibration to 1997-09-30 and holdout to
1998-06-30: 2,357 customers, 1,411 without a repeat purchase in calibration, 2,457 repeat
purchase days in calibration and 1,882 purchase days in the holdout. Published estimates:
BG/NBD LL -9582.4 (FHL 2005a), Pareto/NBD LL -9595.0 (FHL 2005b), so BG/NBD ranks first.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from clvdesk.core import validation
from clvdesk.core.datasets import CDNOW_END, CDNOW_HOLDOUT_END, load_cdnow
from clvdesk.core.errors import InputError
from clvdesk.core.models import get_model
from clvdesk.core.summary import summarize


@pytest.fixture(scope="module")
def orders() -> pd.DataFrame:
    return load_cdnow()


@pytest.fixture(scope="module")
def summary(orders) -> pd.DataFrame:
    return summarize(orders, period="weeks", end=CDNOW_END, holdout_end=CDNOW_HOLDOUT_END)


@pytest.fixture(scope="module")
def bgnbd(summary):
    return get_model("bgnbd")().fit(summary["frequency"], summary["recency"], summary["T"])


def test_holdout_by_calibration_frequency(summary, bgnbd):
    table = validation.holdout_by_frequency(bgnbd, summary)
    assert list(table["frequency"]) == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert table["customers"].sum() == 2357
    assert table["customers"].iloc[0] == 1411
    assert table["actual_total"].sum() == 1882
    # FHL 2005a figure 4: the model tracks the group means; x = 0 predicted 0.23 vs actual 0.24
    assert table["actual"].iloc[0] == pytest.approx(334 / 1411)
    assert table["predicted"].iloc[0] == pytest.approx(0.225, abs=0.005)
    direct = bgnbd.expected_purchases(39.0, summary["frequency"], summary["recency"],
                                      summary["T"])
    assert table["predicted_total"].sum() == pytest.approx(direct.sum())
    assert (np.diff(table["predicted"]) > 0).all()


def test_holdout_errors(summary, bgnbd):
    errors = validation.holdout_errors(bgnbd, summary)
    assert errors["actual"] == 1882
    assert 1500 < errors["predicted"] < 1900
    assert errors["error_pct"] == pytest.approx(100 * (errors["predicted"] - 1882) / 1882)
    assert 0 < errors["mae"] < errors["rmse"]


def test_tracking_weekly_and_cumulative(summary, orders, bgnbd):
    table = validation.tracking(bgnbd, summary, orders)
    assert len(table) == 78
    assert list(table.columns) == ["period", "period_end", "actual", "expected",
                                   "actual_cumulative", "expected_cumulative", "holdout"]
    assert table["period_end"].iloc[0] == pd.Timestamp("1997-01-08")
    # every repeat purchase day of calibration and holdout, counted once
    assert table["actual_cumulative"].iloc[-1] == 2457 + 1882
    assert table["actual"].sum() == table["actual_cumulative"].iloc[-1]
    assert table["holdout"].sum() == 39 and not table["holdout"].iloc[:39].any()
    # FHL 2005a figure 3: cumulative expected within a few % of actual at the end of the holdout
    assert table["expected_cumulative"].iloc[-1] == pytest.approx(4339, rel=0.06)


def test_tracking_without_holdout_covers_calibration(orders):
    calibration = summarize(orders, period="weeks", end=CDNOW_END)
    model = get_model("bgnbd")().fit(calibration["frequency"], calibration["recency"],
                                     calibration["T"])
    table = validation.tracking(model, calibration, orders)
    assert len(table) == 39
    assert not table["holdout"].any()
    assert table["actual_cumulative"].iloc[-1] == calibration["frequency"].sum()


def test_model_comparison_ranks_by_bic(summary, bgnbd):
    table = validation.compare_models(summary, models=["pareto-nbd", "bgnbd"],
                                      fitted={"bgnbd": bgnbd})
    assert list(table.columns) == list(validation.COMPARISON_COLUMNS)
    assert list(table["model"]) == ["bgnbd", "pareto-nbd"]
    ll = dict(zip(table["model"], table["log_likelihood"], strict=True))
    assert ll["bgnbd"] == pytest.approx(-9582.4, abs=0.1)
    assert ll["pareto-nbd"] == pytest.approx(-9595.0, abs=0.1)
    row = table.iloc[0]
    assert row["n_params"] == 4
    assert row["aic"] == pytest.approx(8 - 2 * row["log_likelihood"])
    assert row["bic"] == pytest.approx(4 * np.log(2357) - 2 * row["log_likelihood"])
    assert (table["actual_holdout"] == 1882).all()
    assert (table["note"] == "").all()


def test_model_that_cannot_be_fitted_gets_a_note(summary):
    tiny = summary.iloc[:3].copy()
    tiny.attrs = dict(summary.attrs)
    table = validation.compare_models(tiny, models=["bgnbd"])
    assert np.isnan(table["log_likelihood"].iloc[0])
    assert "too few customers" in table["note"].iloc[0]


def test_checks_need_a_holdout(orders, bgnbd):
    calibration = summarize(orders, period="weeks", end=CDNOW_END)
    with pytest.raises(InputError, match="holdout"):
        validation.holdout_by_frequency(bgnbd, calibration)
    with pytest.raises(InputError, match="holdout"):
        validation.compare_models(calibration)
    with pytest.raises(InputError, match="unknown model"):
        validation.compare_models(summary_with_holdout(orders), models=["nope"])


def summary_with_holdout(orders):
    return summarize(orders, period="weeks", end=CDNOW_END, holdout_end=CDNOW_HOLDOUT_END)


def test_tracking_counts_only_complete_orders(summary, orders, bgnbd):
    broken = pd.concat([orders, pd.DataFrame({
        "customer_id": ["1", "1", None], "date": [pd.NaT, pd.Timestamp("1997-05-05"),
                                                 pd.Timestamp("1997-05-06")],
        "quantity": [1, 1, 1], "amount": [5.0, np.nan, 5.0]})], ignore_index=True)
    clean = validation.actual_repeat_transactions(orders, summary)
    noisy = validation.actual_repeat_transactions(broken, summary)
    pd.testing.assert_frame_equal(clean, noisy)


DATA = Path(__file__).parent / "data"


def test_weekly_tracking_bins_match_btyd_walkthrough():
    """Actual repeat transactions per week on CDNOW as BTYD bins them: a purchase on day d lies
    in [d, d+1), week k holds days 7(k-1) .. 7k-1 since 1997-01-01 (Dziurzynski, Wadsworth &
    McCarthy, "BTYD: Implementing Buy 'til You Die Models", walkthrough, Pareto/NBD
    "Plotting/Goodness-of-fit": d.track.data summed over days j*7-6 .. j*7; printed output of
    inc.tracking[,20:25] and cum.tracking[,20:25], and "nobody made 2 transactions within the
    first week")."""
    orders = load_cdnow()
    summary = summarize(orders, end=CDNOW_END, holdout_end=CDNOW_HOLDOUT_END)
    actual = validation.actual_repeat_transactions(orders, summary)
    assert len(actual) == 78
    assert actual["actual"].iloc[0] == 0
    assert actual["actual"].iloc[19:25].tolist() == [73, 55, 70, 33, 56, 99]
    assert actual["actual_cumulative"].iloc[19:25].tolist() == [1359, 1414, 1484, 1517, 1573,
                                                                 1672]
    # week 39 ends on 1997-09-30: all 2,457 calibration repeat purchases (FHL 2005)
    assert actual["actual_cumulative"].iloc[38] == 2457
    # every week, calibration and holdout, equals the data shipped with BTYD
    btyd = pd.read_csv(DATA / "btyd_cdnow_cu_tracking.csv")
    assert actual["actual_cumulative"].tolist() == btyd["cumulative_repeat_transactions"].tolist()
    # the walkthrough's own procedure, written out: repeat days, then 7-day sums from day 0
    days = orders.drop_duplicates(["customer_id", "date"]).copy()
    days = days[days["date"] <= CDNOW_HOLDOUT_END]
    first = days.groupby("customer_id")["date"].transform("min")
    offset = (days.loc[days["date"] > first, "date"] - pd.Timestamp("1997-01-01")).dt.days
    weekly = np.bincount(offset.to_numpy() // 7, minlength=78)[:78]
    assert actual["actual"].tolist() == weekly.tolist()
