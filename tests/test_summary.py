"""Order log -> customer summary: the published CDNOW summary and a hand-made log."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clvdesk.core.datasets import CDNOW_END, CDNOW_HOLDOUT_END, load_cdnow
from clvdesk.core.errors import DataError, InputError
from clvdesk.core.summary import summarize, valid_orders


@pytest.fixture(scope="module")
def cdnow_summary():
    return summarize(load_cdnow(), period="weeks", end=CDNOW_END)


def test_reproduces_published_cdnow_summary_row_for_row(cdnow_summary, data_dir):
    ref = pd.read_csv(data_dir / "cdnow_customers_summary_with_transactions.csv",
                      dtype={"ID": str}).set_index("ID")
    assert len(cdnow_summary) == len(ref) == 2357
    assert set(cdnow_summary.index) == set(ref.index)
    ours = cdnow_summary.loc[ref.index]
    np.testing.assert_array_equal(ours["frequency"].to_numpy(), ref["x"].to_numpy())
    # the published recency and T are rounded to 2 decimals
    np.testing.assert_array_equal(ours["recency"].round(2).to_numpy(), ref["t_x"].to_numpy())
    np.testing.assert_array_equal(ours["T"].round(2).to_numpy(), ref["T"].to_numpy())
    # spend to the cent (the file rounds half-cents either way)
    assert np.abs(ours["monetary_value"].to_numpy() - ref["zbar"].to_numpy()).max() <= 0.005 + 1e-9


def test_cdnow_totals_from_the_papers(cdnow_summary):
    # FHL 2005: 2,357 customers, 2,457 repeat purchases in the 39-week calibration period
    assert cdnow_summary["frequency"].sum() == 2457
    assert cdnow_summary["T"].max() == pytest.approx(272 / 7)
    assert cdnow_summary.attrs["period"] == "weeks"
    assert cdnow_summary.attrs["end"] == pd.Timestamp("1997-09-30")
    assert cdnow_summary.index.name == "customer_id"


def test_first_customers_in_file_order(cdnow_summary):
    assert list(cdnow_summary.index[:3]) == ["1", "2", "3"]
    first = cdnow_summary.loc["1"]
    # customer 1: 1997-01-01 (29.33), 01-18 (29.73), 08-02 (14.96), 12-12 (26.48) after the end
    assert first["frequency"] == 2
    assert first["recency"] == pytest.approx(213 / 7)
    assert first["monetary_value"] == pytest.approx((29.73 + 14.96) / 2)
    assert first["n_orders"] == 3
    assert first["total_spend"] == pytest.approx(29.33 + 29.73 + 14.96)
    assert first["first_purchase"] == pd.Timestamp("1997-01-01")
    assert first["last_purchase"] == pd.Timestamp("1997-08-02")


def _log():
    rows = [
        ("a", "2024-01-01", 10.0), ("a", "2024-01-01", 5.0),   # same day: one purchase of 15
        ("a", "2024-01-15", 20.0), ("a", "2024-01-29", 40.0),
        ("a", "2024-02-20", 7.0), ("a", "2024-03-01", 3.0),    # holdout
        ("b", "2024-01-10", 100.0),
        ("b", "2024-02-25", 50.0), ("b", "2024-02-25", 25.0),  # holdout, one day
        ("c", "2024-01-31", 8.0),
        ("d", "2024-02-10", 60.0),                             # first buys in the holdout
        ("e", "2024-03-15", 1.0),                              # after the holdout
    ]
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def test_hand_made_log_with_holdout():
    s = summarize(_log(), period="days", end="2024-01-31", holdout_end="2024-03-01")
    assert list(s.index) == ["a", "b", "c"]
    assert s["frequency"].tolist() == [2, 0, 0]
    assert s["recency"].tolist() == [28.0, 0.0, 0.0]
    assert s["T"].tolist() == [30.0, 21.0, 0.0]
    assert s["monetary_value"].tolist() == [30.0, 0.0, 0.0]
    assert s["n_orders"].tolist() == [4, 1, 1]
    assert s["total_spend"].tolist() == [75.0, 100.0, 8.0]
    assert s["frequency_holdout"].tolist() == [2, 1, 0]
    assert s["monetary_value_holdout"].tolist() == [5.0, 75.0, 0.0]
    assert s["duration_holdout"].tolist() == [30.0, 30.0, 30.0]
    assert s.attrs["holdout_end"] == pd.Timestamp("2024-03-01")


def test_weeks_and_months():
    weeks = summarize(_log(), period="weeks", end="2024-01-31")
    months = summarize(_log(), period="maanden", end="2024-01-31")
    assert weeks.loc["a", "T"] == pytest.approx(30 / 7)
    assert months.loc["a", "T"] == pytest.approx(30 / 30.4375)
    assert months.attrs["period"] == "months"


def test_end_defaults_to_last_order():
    s = summarize(_log(), period="days")
    assert s.attrs["end"] == pd.Timestamp("2024-03-15")
    assert s.loc["e", "T"] == 0.0


def test_other_column_names_text_dates_and_missing_values():
    log = _log().rename(columns={"customer_id": "klant", "date": "datum", "amount": "bedrag"})
    log["datum"] = log["datum"].dt.strftime("%Y-%m-%d")
    log.loc[len(log)] = ["x", None, 5.0]
    log.loc[len(log)] = [None, "2024-01-02", 5.0]
    s = summarize(log, period="days", end="2024-01-31", customer_col="klant", date_col="datum",
                  amount_col="bedrag")
    assert list(s.index) == ["a", "b", "c"]
    assert s.attrs["dropped_orders"] == 2


def test_integer_customer_ids_keep_their_type():
    log = _log()
    log["customer_id"] = log["customer_id"].map({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5})
    s = summarize(log, period="days", end="2024-01-31")
    assert s.index.tolist() == [1, 2, 3]


def test_errors():
    with pytest.raises(InputError, match="column 'bedrag' not found; columns are: customer_id"):
        summarize(_log(), amount_col="bedrag")
    with pytest.raises(DataError, match="no orders on or before the end date 2023-01-01"):
        summarize(_log(), end="2023-01-01")
    with pytest.raises(InputError, match=r"end of the holdout period \(2024-01-01\) must be "
                                         r"after the end of the calibration period \(2024-01-31\)"):
        summarize(_log(), end="2024-01-31", holdout_end="2024-01-01")
    with pytest.raises(InputError, match="a holdout period needs an end date"):
        summarize(_log(), holdout_end="2024-03-01")
    with pytest.raises(InputError, match="end of the calibration period must be a date"):
        summarize(_log(), end="soon")
    with pytest.raises(InputError, match="unknown time unit"):
        summarize(_log(), period="fortnights")
    bad = _log().assign(amount="ten")
    with pytest.raises(InputError, match="column 'amount' must hold numbers"):
        summarize(bad)
    with pytest.raises(DataError, match="no orders"):
        summarize(_log().iloc[:0])


def test_valid_orders_agrees_with_summary():
    frame, end = valid_orders(_log(), end="2024-01-31")
    assert end == pd.Timestamp("2024-01-31")
    assert frame["customer_id"].tolist() == ["a", "a", "a", "a", "b", "c"]
    assert frame["amount"].sum() == summarize(_log(), end="2024-01-31")["total_spend"].sum()


def test_vectorised_on_many_orders():
    rng = np.random.default_rng(1)
    n = 200_000
    log = pd.DataFrame({
        "customer_id": rng.integers(0, 20_000, n).astype(str),
        "date": pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D"),
        "amount": rng.gamma(2.0, 20.0, n).round(2),
    })
    s = summarize(log, end="2021-06-30", holdout_end="2021-11-30")
    calib = log[log["date"] <= "2021-06-30"]
    days = calib.groupby("customer_id")["date"].nunique()
    assert (s["frequency"] == days.reindex(s.index) - 1).all()
    assert s["total_spend"].sum() == pytest.approx(calib["amount"].sum())


def test_cdnow_holdout_matches_an_independent_count():
    orders = load_cdnow()
    s = summarize(orders, end=CDNOW_END, holdout_end=CDNOW_HOLDOUT_END)
    assert (s["duration_holdout"] == 39.0).all()
    holdout = orders[(orders["date"] > CDNOW_END) & (orders["date"] <= CDNOW_HOLDOUT_END)]
    per_day = holdout.groupby(["customer_id", "date"])["amount"].sum()
    days = per_day.groupby(level="customer_id").size()
    mean = per_day.groupby(level="customer_id").mean()
    assert (s["frequency_holdout"] == days.reindex(s.index).fillna(0)).all()
    np.testing.assert_allclose(s["monetary_value_holdout"],
                               mean.reindex(s.index).fillna(0.0), rtol=1e-12)


def _netted_days(orders):
    """A slow, obvious reference of the netting rule (no order ids): net amount per purchase
    day, whether it is a purchase, and the amounts of returns that found no purchase."""
    buys = orders[orders["amount"] >= 0].groupby("date")["amount"].sum()
    refunded = dict.fromkeys(buys.index, False)
    loose = 0.0
    for day, amount in orders.loc[orders["amount"] < 0, ["date", "amount"]].itertuples(
            index=False):
        before = [d for d in buys.index if d <= day]
        if before:
            buys[max(before)] += amount
            refunded[max(before)] = True
        else:
            loose += amount
    kept = buys[[not refunded[d] or buys[d] > 0 for d in buys.index]]
    return kept.sort_index(), buys.sum() + loose


def _naive_summary(log, end, holdout_end):
    """A slow, obvious reference: per customer, loop over their purchase days."""
    rows = {}
    for customer, orders in log.groupby("customer_id", sort=False):
        calib = orders[orders["date"] <= end]
        days, spend = _netted_days(calib)
        if days.empty:
            continue
        hold = orders[(orders["date"] > end) & (orders["date"] <= holdout_end)]
        hold_days, _ = _netted_days(hold)
        rows[customer] = {
            "frequency": len(days) - 1,
            "recency": (days.index[-1] - days.index[0]).days,
            "T": (end - days.index[0]).days,
            "monetary_value": days.iloc[1:].mean() if len(days) > 1 else 0.0,
            "n_orders": int((calib["amount"] >= 0).sum()),
            "total_spend": spend,
            "frequency_holdout": len(hold_days),
            "monetary_value_holdout": hold_days.mean() if len(hold_days) else 0.0,
        }
    return pd.DataFrame.from_dict(rows, orient="index")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d", "klant-10", "é"]),
                          st.integers(0, 60), st.integers(-500, 20_000)),
                min_size=1, max_size=40),
       st.integers(0, 45))
def test_summary_matches_a_naive_reference(rows, end_offset):
    start = pd.Timestamp("2024-01-01")
    log = pd.DataFrame({
        "customer_id": [r[0] for r in rows],
        "date": [start + pd.Timedelta(days=r[1]) for r in rows],
        "amount": [r[2] / 100 for r in rows],
    })
    end = start + pd.Timedelta(days=end_offset)
    holdout_end = end + pd.Timedelta(days=10)
    expected = _naive_summary(log, end, holdout_end)
    if expected.empty:  # no purchase on or before the end (none at all, or only returns)
        with pytest.raises(DataError):
            summarize(log, period="days", end=end, holdout_end=holdout_end)
        return
    ours = summarize(log, period="days", end=end, holdout_end=holdout_end)
    assert list(ours.index) == list(expected.index)
    for column in expected.columns:
        np.testing.assert_allclose(ours[column].to_numpy(dtype=float),
                                   expected[column].to_numpy(dtype=float), atol=1e-9,
                                   err_msg=column)


def test_engine_read_parquet_trims_text_ids_like_the_readers(tmp_path):
    """Ids read by the engine from a Parquet file: spaces, tabs and line breaks around an id
    are trimmed (two spellings of one customer merge), a blank id is a missing id; other
    characters stay."""
    from clvdesk.core.orderlog import OrderLog

    frame = pd.DataFrame({
        "customer_id": [" a", "a\t", "", "\nb\r", "c\x01", "c\x01", "é", None],
        "date": pd.to_datetime(["2024-01-01", "2024-01-05", "2024-01-02", "2024-01-03",
                                "2024-01-01", "2024-01-04", "2024-01-02", "2024-01-02"]),
        "amount": [10.0, 20.0, 5.0, 7.0, 1.0, 2.0, 3.0, 4.0],
    })
    path = tmp_path / "orders.parquet"
    frame.to_parquet(path)
    with OrderLog.from_file(path) as log:
        assert log.dropped == 2
        summary = summarize(log, period="days")
    assert summary.index.tolist() == ["a", "b", "c\x01", "é"]
    assert summary["frequency"].tolist() == [1, 0, 1, 0]
