"""The quality report of an order log read from a file by DuckDB (OrderLog.from_file, no pandas
copy of the rows) equals the report of the importer's table of the same file."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clvdesk.core.display import has_control
from clvdesk.core.errors import InputError
from clvdesk.core.io.readers import read_orders
from clvdesk.core.orderlog import OrderLog
from clvdesk.core.quality import CONTROL_PATTERN, quality_report
from clvdesk.core.simulate import simulate

TODAY = "2024-06-01"


def _messy_orders() -> pd.DataFrame:
    """40 regular orders of C0..C9 from 2024-01-05, then one row of each kind of trouble."""
    rows = [(f"C{i % 10}", pd.Timestamp("2024-01-05") + pd.Timedelta(days=i), 20.0 + i % 7,
             "gold" if i % 2 else "silver", "web") for i in range(40)]
    rows += [
        ("C1", pd.Timestamp("2024-01-06"), 21.0, "gold", "web"),        # 41: copy of row 2
        ("C1", pd.Timestamp("2024-01-06"), 21.0, "gold", "web"),        # 42: and again
        (None, pd.Timestamp("2024-01-06"), 21.0, "gold", "web"),        # 43: no id
        ("   ", pd.Timestamp("2024-01-06"), 21.0, "gold", "web"),       # 44: blank id
        (" C2 ", pd.Timestamp("2024-01-08"), -15.0, "silver", "shop"),  # 45: padded id, return
        ("C3", pd.NaT, 3.0, "gold", "web"),                             # 46: no date
        ("C3", pd.Timestamp("2024-01-09"), np.nan, "gold", "web"),      # 47: NaN amount
        ("C3", pd.Timestamp("2024-01-09"), np.inf, "gold", "web"),      # 48: infinite amount
        ("C3", pd.Timestamp("2024-01-09"), 2e12, "gold", "web"),        # 49: beyond 1e12
        ("C3", pd.Timestamp("1850-01-09"), 2.0, "gold", "web"),         # 50: year 1850
        (None, pd.NaT, np.nan, None, None),                             # 51: blank row
        ("C3", pd.Timestamp("2024-01-09"), 0.0, "gold", "web"),         # 52: zero amount
        ("C4", pd.Timestamp("2024-06-20"), 22.0, "gold", "web"),        # 53: future, Mar-May gap
        ("C5", pd.Timestamp("2024-01-10"), 25_000.0, "gold", "web"),    # 54: outlier
        ("C\x1b9", pd.Timestamp("2024-01-10"), 30.0, "gold", "web"),    # 55: ESC, one-time buyer
        ("C6", pd.Timestamp("2024-01-11"), -np.inf, "gold", "web"),     # 56: -inf amount
        ("C7", pd.Timestamp("2024-01-12"), 24.0, "gold\x07", "web"),    # 57: BEL in a segment
    ]
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount", "segment", "channel"])


def _both(path, today=TODAY):
    """(report of read_orders(path), report of OrderLog.from_file(path), the file log)."""
    frame_report = quality_report(read_orders(path), today=today)
    log = OrderLog.from_file(path)
    return frame_report, quality_report(log, today=today), log


def _assert_same(ours, theirs) -> None:
    mine, expected = ours.to_dict(), theirs.to_dict()
    assert [i["kind"] for i in mine["issues"]] == [i["kind"] for i in expected["issues"]]
    for got, want in zip(mine["issues"], expected["issues"], strict=True):
        assert got == want, got["kind"]
    assert mine == expected


def test_messy_parquet_file_log_reports_as_the_importer(tmp_path):
    path = tmp_path / "orders.parquet"
    _messy_orders().to_parquet(path)
    imported, report, log = _both(path)
    with log:
        _assert_same(report, imported)
        # counts by hand: 57 data rows, 1 blank, 8 left out (43, 44, 46-50, 56), 48 usable
        assert (report.rows, report.rows_read, report.dropped_rows, report.blank_rows) == (
            48, 56, 8, 1)
        assert log.rows == 48 and log.dropped == 9  # the blank row counts as dropped here
        assert report.customers == 11  # C0..C9 and C\x1b9; " C2 " is C2
        assert report.total_amount == pytest.approx(
            sum(20.0 + i % 7 for i in range(40)) + 2 * 21 - 15 + 0 + 22 + 25_000 + 30 + 24)
        assert {k: report.count(k) for k in (
            "missing_customer_id", "missing_date", "date_out_of_range", "missing_amount",
            "unparseable_amount", "amount_out_of_range")} == {
            "missing_customer_id": 2, "missing_date": 1, "date_out_of_range": 1,
            "missing_amount": 1, "unparseable_amount": 2, "amount_out_of_range": 1}
        assert report.issue("missing_customer_id").examples == ["row 43", "row 44:    "]
        assert report.issue("missing_date").examples == ["row 46: NaT"]
        assert report.issue("date_out_of_range").examples == ["row 50: 1850-01-09 00:00:00"]
        assert report.issue("unparseable_amount").examples == ["row 48: inf", "row 56: -inf"]
        assert report.issue("amount_out_of_range").examples == ["row 49: 2000000000000.0"]
        assert report.issue("duplicate_orders").examples == [
            "row 41: C1 2024-01-06 21.00", "row 42: C1 2024-01-06 21.00"]
        assert report.issue("negative_amounts").examples == ["row 45: C2 2024-01-08 -15.00"]
        assert report.issue("zero_amounts").examples == ["row 52: C3 2024-01-09 0.00"]
        assert report.issue("future_dates").examples == ["row 53: C4 2024-06-20 22.00"]
        assert report.issue("outliers").examples == ["row 54: C5 2024-01-10 25,000.00"]
        assert report.issue("control_characters").examples == [
            "row 55: C\\x1b9 2024-01-10 30.00", "row 57: C7 2024-01-12 24.00"]
        assert report.issue("one_time_buyers").examples == ["C\x1b9"]
        assert report.issue("date_gaps").examples == ["2024-03", "2024-04", "2024-05"]
        # the record on the log, in the importer's layout
        record = log.drop_record
        dropped = read_orders(path).dropped
        pd.testing.assert_frame_equal(record.examples, dropped)
        assert record.counts == dropped["reason"].value_counts().to_dict()
        assert record.blank_rows == 1 and record.total == 8


def test_integer_ids_date_column_and_order_ids(tmp_path):
    """Typed columns other than text and timestamps: int64 ids (text in the importer), date32
    dates, padded order ids; a missing value in each required column."""
    rng = np.random.default_rng(3)
    n = 60
    missing = np.arange(n)
    days = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 150, n), unit="D")
    table = pa.table({
        "customer_id": pa.array(rng.integers(1, 12, n), mask=missing == 3),
        "date": pa.array(days.date, pa.date32(), mask=missing == 5),
        "amount": pa.array(np.round(rng.gamma(2.0, 20.0, n), 2), mask=missing == 7),
        "order_id": pa.array([f" o{i % 55} " for i in range(n)]),
        "channel": pa.array(["web", "shop", None] * 20),
    })
    path = tmp_path / "typed.parquet"
    pq.write_table(table, path)
    imported, report, log = _both(path)
    with log:
        _assert_same(report, imported)
    assert (report.rows, report.dropped_rows) == (57, 3)
    assert report.issue("missing_date").examples == ["row 6: NaT"]


def test_csv_file_log_numbers_rows_as_lines(tmp_path):
    """A plain CSV read by DuckDB: rows numbered by their line (the header is line 1), text
    that does not read as a date or amount reported with its text."""
    text = ("customer_id,date,amount,channel\n"
            "A,2024-01-05,10.5,web\n"
            ",2024-01-06,3,web\n"
            "   ,2024-01-06,3,web\n"
            "B,,4,shop\n"
            "B,not a date,4,shop\n"
            "C,2024-02-01,,web\n"
            "C,2024-02-01,tien,web\n"
            ",,,\n"
            "D,2024-03-01,-2,web\n"
            "D,2024-03-01,-2,web\n"
            "E\x1bx,2024-03-02,5,web\n"
            "A,2024-04-09,0,web\n")
    path = tmp_path / "orders.csv"
    path.write_text(text, encoding="utf-8")
    imported, report, log = _both(path)
    with log:
        _assert_same(report, imported)
    assert (report.rows, report.dropped_rows, report.blank_rows) == (5, 6, 1)
    assert report.issue("unparseable_date").examples == ["row 6: not a date"]
    assert report.issue("unparseable_amount").examples == ["row 8: tien"]
    assert report.issue("duplicate_orders").examples == ["row 11: D 2024-03-01 -2.00"]
    assert report.issue("control_characters").examples == ["row 12: E\\x1bx 2024-03-02 5.00"]


def test_simulated_base_with_returns_and_duplicates(tmp_path):
    """A simulated base with returns, split orders and double exports: the file log's report
    equals the importer's, and its counts are the simulation's truth."""
    base = simulate(300, returns=0.1, duplicates=0.05, same_day=0.05, seed=7)
    orders = base.orders
    path = tmp_path / "simulated.parquet"
    orders.to_parquet(path)
    imported, report, log = _both(path, today=str(base.end))
    with log:
        _assert_same(report, imported)
    truth = base.truth
    assert report.rows == len(orders) and report.customers == len(truth) == 300
    assert report.count("negative_amounts") == int((orders["amount"] < 0).sum()) > 0
    assert report.count("duplicate_orders") == int(orders.duplicated().sum()) > 0
    assert report.netting["unmatched"] == 0 and report.netting["cancelled_days"] == 0
    one_time = int((truth["repeat_purchases"] == 0).sum())
    assert report.count("one_time_buyers") == one_time
    assert report.total_amount == pytest.approx(orders["amount"].sum())


def test_clean_file_records_nothing_and_a_frame_log_reports_as_its_frame(tmp_path):
    orders = _messy_orders().iloc[:40]
    path = tmp_path / "clean.parquet"
    orders.to_parquet(path)
    with OrderLog.from_file(path) as log:
        assert log.drop_record.counts == {} and log.drop_record.examples.empty
        assert log.drop_record.blank_rows == 0 and log.dropped == 0
        _assert_same(quality_report(log, today=TODAY),
                     quality_report(read_orders(path), today=TODAY))
    with OrderLog.from_frame(orders) as log:
        _assert_same(quality_report(log, today=TODAY), quality_report(orders, today=TODAY))


def test_an_id_over_the_excel_cell_limit_is_left_out_as_the_importer_does(tmp_path):
    orders = _messy_orders().iloc[:40].copy()
    orders.loc[5, "customer_id"] = "x" * 32_768
    orders.loc[6, "customer_id"] = " " + "y" * 32_767 + " "  # fits once trimmed
    path = tmp_path / "long.parquet"
    orders.to_parquet(path)
    imported, report, log = _both(path)
    with log:
        _assert_same(report, imported)
        assert log.rows == 39 and log.drop_record.counts == {"customer_id_too_long": 1}
    assert report.issue("customer_id_too_long").examples == ["row 6: " + "x" * 57 + "..."]


def test_a_log_without_a_drop_record_is_refused():
    """A log of a file read elsewhere (Spark) has no record of the rows it left out."""
    with OrderLog.from_frame(_messy_orders().iloc[:40]) as log:
        log.source = None
        with pytest.raises(InputError) as caught:
            quality_report(log)
    assert caught.value.code == "spark_quality"


def test_control_pattern_matches_the_display_rule():
    """The RE2 class the SQL uses flags, in DuckDB, exactly the characters has_control flags."""
    import duckdb

    con = duckdb.connect()
    literal = CONTROL_PATTERN.replace("'", "''")
    rows = con.execute(f"SELECT range, regexp_matches(chr(CAST(range AS INTEGER)), '{literal}') "
                       "FROM range(0, 12288)").fetchall()
    con.close()
    assert len(rows) == 12288
    assert [code for code, flagged in rows if flagged] == [
        code for code in range(12288) if has_control(chr(code))]
