"""Returns netting (issue 10 item 1), hand-computed: by order id, by date, a return before any
purchase, a return bigger than its purchase, and periods kept apart. One rule for the summary,
cohorts, segments and the quality report."""

import pandas as pd
import pytest

from clvdesk.core.datasets import load_cdnow
from clvdesk.core.errors import DataError
from clvdesk.core.orderlog import OrderLog
from clvdesk.core.quality import quality_report
from clvdesk.core.summary import summarize


def _log(order_ids=True):
    rows = [
        # customer, date, amount, order id
        ("a", "2024-01-01", 100.0, "O1"),
        ("a", "2024-01-10", 50.0, "O2"),
        ("a", "2024-01-15", -100.0, "O1"),   # returns all of O1 (by order id) / of 01-10 (date)
        ("b", "2024-01-01", 80.0, "O3"),
        ("b", "2024-01-05", 40.0, "O4"),
        ("b", "2024-01-07", -10.0, None),    # no order id: latest purchase day on or before
        ("c", "2024-01-02", -20.0, "X9"),    # before any purchase, order id unknown
        ("c", "2024-01-03", 60.0, "O5"),
        ("c", "2024-01-20", 30.0, "O6"),
        ("d", "2024-01-04", -5.0, None),     # only a return: never a customer
        ("e", "2024-01-01", 50.0, "O7"),
        ("e", "2024-01-10", 30.0, "O8"),
        ("e", "2024-01-12", -45.0, "O8"),    # bigger than its purchase: 01-10 nets to -15
    ]
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "amount", "order_id"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame if order_ids else frame.drop(columns="order_id")


END = "2024-01-31"


def test_by_order_id():
    s = summarize(_log(), period="days", end=END)
    assert list(s.index) == ["a", "b", "c", "e"]  # d only returned
    a = s.loc["a"]
    # O1 (01-01) nets to 0: no purchase; 01-10 is the first and only purchase
    assert (a["frequency"], a["recency"], a["T"]) == (0, 0.0, 21.0)
    assert a["first_purchase"] == pd.Timestamp("2024-01-10")
    assert a["total_spend"] == 50.0  # 100 + 50 - 100: the cancelled day still counts
    assert a["n_orders"] == 2        # returns are not orders
    e = s.loc["e"]
    # O8 (01-10) nets to 30 - 45 = -15: cancelled; only 01-01 is left
    assert (e["frequency"], e["recency"], e["monetary_value"]) == (0, 0.0, 0.0)
    assert e["total_spend"] == 35.0


def test_by_date_without_an_order_column():
    s = summarize(_log(order_ids=False), period="days", end=END)
    a = s.loc["a"]
    # the return nets into 01-10 (latest purchase day on or before 01-15): 50 - 100 < 0
    assert (a["frequency"], a["first_purchase"]) == (0, pd.Timestamp("2024-01-01"))
    assert a["total_spend"] == 50.0
    b = s.loc["b"]
    assert (b["frequency"], b["recency"], b["monetary_value"]) == (1, 4.0, 30.0)
    assert b["total_spend"] == 110.0


def test_return_without_order_id_in_a_log_with_order_ids_nets_by_date():
    b = summarize(_log(), period="days", end=END).loc["b"]
    assert (b["frequency"], b["monetary_value"], b["total_spend"]) == (1, 30.0, 110.0)


def test_return_before_any_purchase_counts_in_spend_only():
    for log in (_log(), _log(order_ids=False)):
        c = summarize(log, period="days", end=END).loc["c"]
        assert c["first_purchase"] == pd.Timestamp("2024-01-03")
        assert (c["frequency"], c["recency"], c["monetary_value"]) == (1, 17.0, 30.0)
        assert c["total_spend"] == 70.0  # 60 + 30 - 20


def test_a_partial_return_keeps_the_purchase():
    log = pd.DataFrame({"customer_id": ["x", "x", "x"],
                        "date": pd.to_datetime(["2024-01-01", "2024-01-08", "2024-01-09"]),
                        "amount": [20.0, 50.0, -20.0]})
    x = summarize(log, period="days").loc["x"]
    assert (x["frequency"], x["recency"], x["monetary_value"], x["total_spend"]) == (
        1, 7.0, 30.0, 50.0)


def test_holdout_returns_do_not_touch_calibration():
    log = pd.DataFrame({
        "customer_id": ["x"] * 4,
        "date": pd.to_datetime(["2024-01-01", "2024-01-20", "2024-02-05", "2024-02-10"]),
        "amount": [40.0, 25.0, -25.0, 10.0],
        "order_id": ["A", "B", "B", "C"],
    })
    s = summarize(log, period="days", end=END, holdout_end="2024-02-29")
    x = s.loc["x"]
    # B (calibration) stays a purchase: its return falls in the holdout
    assert (x["frequency"], x["monetary_value"], x["total_spend"]) == (1, 25.0, 65.0)
    # in the holdout the return matches no holdout order: C is the only holdout purchase
    assert (x["frequency_holdout"], x["monetary_value_holdout"]) == (1, 10.0)
    by_date = summarize(log.drop(columns="order_id"), period="days", end=END,
                        holdout_end="2024-02-29").loc["x"]
    assert (by_date["frequency"], by_date["total_spend"]) == (1, 65.0)
    assert (by_date["frequency_holdout"], by_date["monetary_value_holdout"]) == (1, 10.0)


def test_only_returns_is_a_data_error():
    log = _log().query("customer_id == 'd'")
    with pytest.raises(DataError, match="no purchases on or before the end date"):
        summarize(log, period="days")


def test_netting_counts():
    with OrderLog.from_frame(_log()) as log:
        assert log.netting_counts() == {
            "returns": 5, "by_order": 2, "by_date": 1, "unmatched": 2, "cancelled_days": 2,
            "customers_without_purchase": 1}
    with OrderLog.from_frame(_log(order_ids=False)) as log:
        assert log.netting_counts() == {
            "returns": 5, "by_order": 0, "by_date": 3, "unmatched": 2, "cancelled_days": 2,
            "customers_without_purchase": 1}


def test_quality_report_says_how_returns_were_netted():
    report = quality_report(_log())
    assert report.netting == {"returns": 5, "by_order": 2, "by_date": 1, "unmatched": 2,
                              "cancelled_days": 2, "customers_without_purchase": 1}
    issue = report.issue("negative_amounts")
    assert issue.count == 5
    assert "2 netted by order id, 1 by date, 2 before any purchase" in issue.description
    assert "2 purchase days cancelled" in issue.description
    assert report.to_dict()["netting"]["by_order"] == 2


def test_cdnow_has_no_returns_to_net():
    with OrderLog.from_frame(load_cdnow()) as log:
        assert set(log.netting_counts().values()) == {0}


@pytest.mark.parametrize("end, last", [(None, None), ("1997-09-30", None),
                                       ("1997-09-30", "1998-06-30")])
def test_without_returns_the_short_queries_give_the_netting_rule(end, last):
    """A log without returns skips the netting joins (and with every order in calibration,
    the period filters): row for row the summary, customer totals and repeat days of the
    full rule."""
    import numpy as np

    from clvdesk.core.orderlog import queries

    def day(text):
        return None if text is None else int(np.datetime64(text, "D").astype(np.int64))

    with OrderLog.from_frame(load_cdnow()) as log:
        assert log.returns == 0
        end_day = log.last_day if end is None else day(end)
        last_day = end_day if last is None else day(last)
        options = {"has_order_id": log.has_order_id}
        pairs = [(queries.summary(end_day, last_day, with_ids=True, **options),
                  queries.summary(end_day, last_day, with_ids=True, returns=False,
                                  whole_log=log.last_day <= end_day, **options)),
                 (queries.customer_totals(end_day, value="amount * 0.3", **options),
                  queries.customer_totals(end_day, value="amount * 0.3", returns=False,
                                          **options)),
                 (queries.repeat_days(end_day, last_day, **options),
                  queries.repeat_days(end_day, last_day, returns=False, **options)),
                 (queries.one_time_buyers(end_day, limit=10, **options),
                  queries.one_time_buyers(end_day, limit=10, returns=False, **options))]
        for full, short in pairs:
            ours, theirs = log.fetch_frame(full), log.fetch_frame(short)
            if "first_spend" in theirs and "total_spend" not in theirs:  # the plain summary
                assert (ours["n_days_holdout"] == 0).all()
                np.testing.assert_allclose(ours["total_spend"], ours["spend_days"],
                                           rtol=1e-12)
            order = list(theirs.columns)
            ours = ours[order].sort_values(order, ignore_index=True)
            theirs = theirs.sort_values(order, ignore_index=True)
            pd.testing.assert_frame_equal(ours, theirs, check_dtype=False, rtol=1e-12)
