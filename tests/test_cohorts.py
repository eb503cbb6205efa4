"""Cohort table by month of first order, on a small hand-made log with exact values."""

import numpy as np
import pandas as pd
import pytest

from clvdesk.core.cohorts import cohort_table, cohort_tables
from clvdesk.core.datasets import load_cdnow


def _log():
    rows = [
        ("a", "2024-01-05", 100.0), ("a", "2024-01-20", 20.0), ("a", "2024-03-02", 50.0),
        ("b", "2024-01-25", 40.0),
        ("c", "2024-02-10", 60.0), ("c", "2024-02-10", 10.0),  # one purchase day
        ("c", "2024-04-01", 30.0),                             # after the end
    ]
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def _rows(frame):
    return [[None if np.isnan(v) else v for v in row] for row in frame.to_numpy().tolist()]


def test_cohort_matrices_by_hand():
    table = cohort_table(_log(), end="2024-03-31", margin=0.5, cac=45)
    assert list(table.revenue.index) == ["2024-01", "2024-02"]
    assert list(table.revenue.columns) == [0, 1, 2]
    # Jan: (100 + 20 + 40) / 2 in month 0, nothing in Feb, 50 / 2 more in March
    assert _rows(table.revenue) == [[80.0, 80.0, 105.0], [70.0, 70.0, None]]
    assert _rows(table.margin) == [[40.0, 40.0, 52.5], [35.0, 35.0, None]]
    assert _rows(table.active) == [[1.0, 0.0, 0.5], [1.0, 0.0, None]]


def test_cohort_summary_by_hand():
    summary = cohort_table(_log(), end="2024-03-31", margin=0.5, cac=45).summary
    assert summary["customers"].tolist() == [2, 1]
    assert summary["repeat_rate"].tolist() == [0.5, 0.0]
    assert summary["revenue_per_customer"].tolist() == [105.0, 70.0]
    assert summary["margin_per_customer"].tolist() == [52.5, 35.0]
    assert summary["cac"].tolist() == [45.0, 45.0]
    # Jan reaches 45 of margin per customer in month 2; Feb not yet
    assert _rows(summary[["payback_month"]]) == [[2.0], [None]]


def test_payback_in_month_of_acquisition_and_without_cac():
    assert cohort_table(_log(), end="2024-03-31", cac=35).summary["payback_month"].tolist() == [
        0.0, 0.0]
    assert cohort_table(_log(), end="2024-03-31").summary["payback_month"].isna().all()


def test_acquisition_cost_column_and_max_months():
    log = _log()
    log["acquisition_cost"] = [100.0, 100.0, 100.0, 60.0, 20.0, 20.0, 20.0]
    table = cohort_table(log, end="2024-04-30", max_months=1)
    assert table.summary["cac"].tolist() == [80.0, 20.0]
    assert list(table.revenue.columns) == [0, 1]
    assert table.summary["payback_month"].tolist()[1] == 0.0
    # the April order of c is in now
    assert table.summary["revenue_per_customer"].tolist() == [105.0, 100.0]


def test_dict_form():
    frames = cohort_tables(_log(), end="2024-03-31")
    assert set(frames) == {"summary", "revenue", "margin", "active"}


def test_cdnow_cohorts():
    orders = load_cdnow()
    table = cohort_table(orders)
    assert table.summary["customers"].tolist() == [781, 857, 719]
    assert table.summary["customers"].sum() == orders["customer_id"].nunique()
    assert table.revenue.shape == (3, 18)
    # the last observed cumulative revenue per customer times cohort size is all revenue
    last = [table.revenue.loc[c].dropna().iloc[-1] for c in table.revenue.index]
    assert np.dot(last, table.summary["customers"]) == pytest.approx(orders["amount"].sum())
