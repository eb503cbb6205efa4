"""Property tests: whatever bytes a file holds, the importer gives a valid table or a CLVError."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clvdesk.core.errors import CLVError, InputError
from clvdesk.core.io.readers import preview_file, read_orders
from clvdesk.core.quality import quality_report

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
#: Tests that build a table or workbook per example: fewer examples keep the suite fast.
FEWER = settings(SETTINGS, max_examples=50)


def check(content: bytes, suffix: str) -> None:
    """Import ``content`` as a file with ``suffix``: a valid order table or a CLVError."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"orders{suffix}"
        path.write_bytes(content)
        try:
            result = read_orders(path)
        except CLVError as exc:
            message = str(exc)
            assert message and "\n" not in message
        else:
            assert_valid(result)
            report = quality_report(result)
            assert report.rows == len(result.orders)
            assert report.dropped_rows == len(result.dropped)
        try:
            preview_file(path, n=5)
        except CLVError:
            pass
        assert path.read_bytes() == content


def assert_valid(result) -> None:
    orders = result.orders
    assert len(orders) > 0
    assert list(orders.columns[:3]) == ["customer_id", "date", "amount"]
    assert orders["customer_id"].notna().all()
    assert orders["date"].dtype.kind == "M" and orders["date"].notna().all()
    assert (orders["date"] == orders["date"].dt.normalize()).all()
    assert orders["amount"].dtype == "float64" and orders["amount"].notna().all()
    assert len(result.source_rows) == len(orders)


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from([".csv", ".txt", ".xlsx"]))
def test_any_bytes(content, suffix):
    check(content, suffix)


CELL = st.one_of(
    st.text(max_size=12),
    st.from_regex(r"-?[0-9]{1,4}([.,][0-9]{1,3})?", fullmatch=True),
    st.from_regex(r"[0-3]?[0-9][-/.][01]?[0-9][-/.](19|20)?[0-9]{2}", fullmatch=True),
    st.sampled_from(["", "€ 1.234,56", "2024-02-30", "45294", "(3,00)", "nan", "inf", "\""]),
)


@FEWER
@given(
    rows=st.lists(st.lists(CELL, min_size=1, max_size=5), max_size=12),
    sep=st.sampled_from([";", ",", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_table_like_text(rows, sep, encoding):
    lines = [sep.join(["klant", "datum", "bedrag"])] + [sep.join(row) for row in rows]
    try:
        content = "\n".join(lines).encode(encoding)
    except UnicodeEncodeError:
        content = "\n".join(lines).encode("utf-8")
    check(content, ".csv")


def _workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Klant", "Datum", "Bedrag"])
    for i in range(20):
        ws.append([i, f"0{1 + i % 9}-01-2024", 10.5 + i])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


WORKBOOK = _workbook()


@FEWER
@given(st.lists(st.tuples(st.integers(0, len(WORKBOOK) - 1), st.integers(0, 255)),
                min_size=1, max_size=8))
def test_damaged_workbooks(changes):
    data = bytearray(WORKBOOK)
    for position, value in changes:
        data[position] = value
    check(bytes(data), ".xlsx")


@FEWER
@given(st.lists(st.lists(st.one_of(st.none(), st.integers(-10**6, 10**6),
                                   st.floats(allow_nan=True, allow_infinity=True),
                                   st.text(max_size=8), st.dates()),
                         min_size=3, max_size=3), max_size=10))
def test_workbook_cells(rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["customer", "date", "amount"])
    for row in rows:
        ws.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    wb.save(buffer)
    check(buffer.getvalue(), ".xlsx")


def _cell(value):
    if isinstance(value, float) and pd.isna(value) or value in (float("inf"), float("-inf")):
        return None
    if isinstance(value, str):
        return "".join(ch for ch in value if ch.isprintable())
    return value


def test_workbook_zip_parts_are_streamed_not_trusted():
    """A part whose checksum does not match is caught while unpacking, before calamine."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        source = zipfile.ZipFile(io.BytesIO(WORKBOOK))
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    data = bytearray(out.getvalue())
    name_in_directory = data.rfind(b"xl/worksheets/sheet1.xml")
    # corrupt the sheet's CRC in the central directory (the one unpacking checks against)
    crc_at = data.rfind(b"PK\x01\x02", 0, name_in_directory) + 16
    data[crc_at:crc_at + 4] = bytes(b ^ 0xFF for b in data[crc_at:crc_at + 4])
    check(bytes(data), ".xlsx")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "orders.xlsx"
        path.write_bytes(bytes(data))
        with pytest.raises(InputError, match="damaged or incomplete"):
            read_orders(path)


def _dutch(value: float) -> str:
    return f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


@FEWER
@given(st.lists(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False),
                min_size=1, max_size=30),
       st.sampled_from(["dutch", "english", "plain"]))
def test_numbers_round_trip(values, style):
    """Amounts written Dutch (1.234,56), English (1,234.56) or plain read back exactly."""
    from clvdesk.core.io.parse import detect_decimal, parse_numbers

    floats = [float(v) for v in values]
    if style == "dutch":
        text, decimal = [_dutch(v) for v in floats], ","
    elif style == "english":
        text, decimal = [f"{v:,.2f}" for v in floats], "."
    else:
        text, decimal = [f"{v:.2f}" for v in floats], "."
    series = pd.Series(text, dtype="str")
    assert detect_decimal(series) == decimal
    numbers, bad = parse_numbers(series, decimal)
    assert not bad.any()
    assert numbers.tolist() == pytest.approx(floats, abs=1e-9)


@FEWER
@given(st.lists(st.dates(min_value=pd.Timestamp("1950-01-01").date(),
                         max_value=pd.Timestamp("2099-12-31").date()), min_size=1, max_size=30),
       st.sampled_from(["%d-%m-%Y", "%m/%d/%Y", "%Y-%m-%d", "%d.%m.%Y", "%Y%m%d"]))
def test_dates_round_trip(dates, fmt):
    """Dates written in a common format read back; day/month order follows the detection rule."""
    from clvdesk.core.io.parse import detect_dayfirst, parse_dates

    series = pd.Series([d.strftime(fmt) for d in dates], dtype="str")
    detected = detect_dayfirst(series)
    month_first = fmt.startswith("%m")
    parsed, bad = parse_dates(series, dayfirst=not month_first if detected is None else None)
    assert not bad.any()
    if month_first and detected is None:
        assert all(d.day <= 12 for d in dates)  # undecided: every day could be a month
    assert parsed.tolist() == [pd.Timestamp(d) for d in dates]
