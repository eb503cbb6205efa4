"""Typed Parquet columns give the same canonical order table as the same orders in a CSV file.

Parquet is converted column-wise from Arrow (integer and text ids, date32 dates, timestamps with
a time zone, missing values), CSV by parsing text: both must end in the same ``customer_id``
(str), ``date`` (datetime64 at midnight), ``amount`` (float) and the same dropped rows.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clvdesk.core.io.readers import read_orders
from clvdesk.core.summary import summarize


def _csv(tmp_path, rows: list[tuple[str, str, str]]):
    path = tmp_path / "orders.csv"
    lines = ["customer_id,date,amount"] + [",".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_orders(path)


def _parquet(tmp_path, table: pa.Table):
    path = tmp_path / "orders.parquet"
    pq.write_table(table, path)
    return read_orders(path)


def _same_orders(parquet, csv) -> None:
    pd.testing.assert_frame_equal(parquet.orders[["customer_id", "date", "amount"]],
                                  csv.orders[["customer_id", "date", "amount"]])
    assert parquet.orders["customer_id"].dtype == "str"
    assert parquet.orders["date"].dtype == "datetime64[us]"
    # Parquet rows are numbered from 1, CSV data rows from 2 (line 1 is the header)
    assert parquet.dropped["reason"].tolist() == csv.dropped["reason"].tolist()
    assert (parquet.dropped["row"] + 1).tolist() == csv.dropped["row"].tolist()
    assert (parquet.source_rows + 1).tolist() == csv.source_rows.tolist()


def test_integer_ids_and_date32_dates(tmp_path):
    table = pa.table({
        "customer_id": pa.array([7, 12, 7, 30], pa.int64()),
        "date": pa.array([dt.date(2024, 1, 3), dt.date(2023, 12, 31), dt.date(1969, 7, 20),
                          dt.date(2024, 2, 29)], pa.date32()),
        "amount": pa.array([10.5, 20.0, 3.25, 0.0], pa.float64()),
    })
    parquet = _parquet(tmp_path, table)
    csv = _csv(tmp_path, [("7", "2024-01-03", "10.5"), ("12", "2023-12-31", "20.0"),
                          ("7", "1969-07-20", "3.25"), ("30", "2024-02-29", "0")])
    _same_orders(parquet, csv)
    assert parquet.orders["customer_id"].tolist() == ["7", "12", "7", "30"]
    assert parquet.orders["date"].iloc[2] == pd.Timestamp("1969-07-20")
    assert parquet.raw["date"].tolist() == ["2024-01-03", "2023-12-31", "1969-07-20",
                                            "2024-02-29"]


def test_timestamps_with_time_zone_keep_the_local_day(tmp_path):
    local = pd.DatetimeIndex(["2024-01-03 23:30", "2024-01-04 00:15", "2024-06-30 12:00"],
                             tz="Europe/Amsterdam")
    table = pa.table({
        "customer_id": pa.array(["A1", "B2", "A1"]),
        "date": pa.array(local, pa.timestamp("us", tz="Europe/Amsterdam")),
        "amount": pa.array([1.0, 2.0, 3.0]),
    })
    parquet = _parquet(tmp_path, table)
    csv = _csv(tmp_path, [("A1", "2024-01-03T23:30:00+01:00", "1"),
                          ("B2", "2024-01-04T00:15:00+01:00", "2"),
                          ("A1", "2024-06-30T12:00:00+02:00", "3")])
    _same_orders(parquet, csv)
    assert parquet.orders["date"].tolist() == [pd.Timestamp("2024-01-03"),
                                               pd.Timestamp("2024-01-04"),
                                               pd.Timestamp("2024-06-30")]


def test_missing_values_drop_the_same_rows(tmp_path):
    table = pa.table({
        "customer_id": pa.array([1, None, 3, 4, 5], pa.int32()),
        "date": pa.array([dt.datetime(2024, 1, 1, 10), dt.datetime(2024, 1, 2), None,
                          dt.datetime(2024, 1, 4), dt.datetime(2024, 1, 5, 23, 59)],
                         pa.timestamp("ms")),
        "amount": pa.array([1.0, 2.0, 3.0, None, float("nan")]),
    })
    parquet = _parquet(tmp_path, table)
    csv = _csv(tmp_path, [("1", "2024-01-01 10:00", "1"), ("", "2024-01-02", "2"),
                          ("3", "", "3"), ("4", "2024-01-04", ""), ("5", "2024-01-05", "")])
    _same_orders(parquet, csv)
    assert parquet.dropped["reason"].tolist() == [
        "missing_customer_id", "missing_date", "missing_amount", "missing_amount"]
    assert parquet.dropped["row"].tolist() == [2, 3, 4, 5]
    assert parquet.orders["customer_id"].tolist() == ["1"]


def test_large_integer_ids_with_missing_values_stay_exact(tmp_path):
    big = 2**53 + 1  # not representable as float64
    table = pa.table({
        "customer_id": pa.array([big, None, big + 2], pa.int64()),
        "date": pa.array([dt.date(2024, 1, 1)] * 3, pa.date32()),
        "amount": pa.array([1.0, 2.0, 3.0]),
    })
    parquet = _parquet(tmp_path, table)
    assert parquet.orders["customer_id"].tolist() == [str(big), str(big + 2)]
    assert parquet.dropped["reason"].tolist() == ["missing_customer_id"]


@pytest.mark.parametrize("ids", [
    [" C1", "C2 ", "\u00a0C3", "", "C1"],  # padding, a no-break space, an empty id
    ["C1", "C2", "C3", None, "C1"],  # clean text with a missing id
])
def test_text_ids_are_stripped_and_empty_ids_dropped(tmp_path, ids):
    table = pa.table({
        "customer_id": pa.array(ids, pa.large_string()),
        "date": pa.array([dt.datetime(2024, 3, day) for day in range(1, 6)],
                         pa.timestamp("us")),
        "amount": pa.array([5.0, 6.0, 7.0, 8.0, 9.0]),
    })
    parquet = _parquet(tmp_path, table)
    assert parquet.orders["customer_id"].tolist() == ["C1", "C2", "C3", "C1"]
    assert parquet.dropped["reason"].tolist() == ["missing_customer_id"]
    assert parquet.dropped["row"].tolist() == [4]
    summary = summarize(parquet.orders, period="days")
    assert summary.index.tolist() == ["C1", "C2", "C3"]
    assert summary.loc["C1", "frequency"] == 1
    assert summary.loc["C1", "recency"] == 4


def test_ids_over_several_row_groups_keep_their_order_of_appearance(tmp_path):
    """Ids of different widths over several row groups."""
    ids = ["B7", "A", "B7", "CCC1", "A", "D", "EEEEEEEE", "CCC1", "F22", "A", "G", "B7"]
    table = pa.table({
        "customer_id": pa.array(ids),
        "date": pa.array([dt.date(2024, 1, 1 + i) for i in range(len(ids))], pa.date32()),
        "amount": pa.array([float(i) for i in range(len(ids))]),
    })
    path = tmp_path / "orders.parquet"
    pq.write_table(table, path, row_group_size=3)
    assert pq.ParquetFile(path).num_row_groups == 4
    orders = read_orders(path).orders
    assert orders["customer_id"].tolist() == ids
    summary = summarize(orders, period="days")
    assert summary.index.tolist() == list(dict.fromkeys(ids))
    assert summary.loc["B7", "frequency"] == 2
    assert summary.loc["B7", "recency"] == 11
    assert summary.loc["A", "monetary_value"] == (4.0 + 9.0) / 2


@pytest.mark.parametrize("chunks", [
    [["B7", "A", "B7"], [], ["CCC1", "A", "", "EEEEEEEE"], ["F22", "B7"]],
    [["12345678"] * 3, ["12345678", "87654321"]],  # equal widths: the bytes reshaped as they are
    [["", ""], ["x"]],
])
def test_customers_of_chunked_arrow_text_in_order_of_first_appearance(chunks):
    """Ids over a chunked Arrow array (as Parquet and pyarrow hand them over) summarise to the
    customers ``pd.factorize`` finds, in its order, each with its own number of orders."""
    array = pa.chunked_array([pa.array(chunk, pa.large_string()) for chunk in chunks])
    ids = pd.Series(pd.arrays.ArrowStringArray(array))
    log = pd.DataFrame({"customer_id": ids, "date": pd.Timestamp("2024-01-01"), "amount": 1.0})
    summary = summarize(log, period="days")
    codes, uniques = pd.factorize(ids)
    assert summary.index.tolist() == list(uniques)
    assert summary["n_orders"].tolist() == np.bincount(codes).tolist()


def test_id_edges_outside_printable_ascii_are_stripped_as_str_strip_does(tmp_path):
    """A tab is stripped, a control character is kept, a non-ASCII letter is kept."""
    ids = ["\tC1", "C2\x01", "Ç3", "C1\u2003"]  # \u2003: em space, Unicode whitespace
    table = pa.table({
        "customer_id": pa.array(ids),
        "date": pa.array([dt.date(2024, 5, day) for day in range(1, 5)], pa.date32()),
        "amount": pa.array([1.0, 2.0, 3.0, 4.0]),
    })
    orders = _parquet(tmp_path, table).orders
    assert orders["customer_id"].tolist() == [value.strip() for value in ids]
    assert orders["customer_id"].tolist() == ["C1", "C2\x01", "Ç3", "C1"]
