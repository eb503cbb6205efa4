"""The conversion layer between Excel cells and Python values (excel_addin.cells)."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clvdesk.core.errors import DataError, InputError
from excel_addin.cells import (
    CellError,
    as_grid,
    broadcast_shape,
    error_text,
    excel_error_in,
    parse_number_text,
    to_cell,
    to_cells,
    to_date,
    to_number,
)
from excel_addin.safety import excel_safe


@pytest.mark.parametrize("text, expected", [
    ("12,5", 12.5),
    ("12.5", 12.5),
    ("1.234,56", 1234.56),
    ("1,234.56", 1234.56),
    ("1.234.567", 1234567.0),
    ("1,234,567", 1234567.0),
    ("€ 50", 50.0),
    ("EUR 1.250,00", 1250.0),
    ("$1,250.00", 1250.0),
    ("30%", 0.30),
    ("12,5 %", 0.125),
    ("-7", -7.0),
    ("(50)", -50.0),
    ("1e3", 1000.0),
    ("  42 ", 42.0),
    ("1\u00a0234,5", 1234.5),
])
def test_text_numbers_english_and_dutch(text, expected):
    assert parse_number_text(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["abc", "", "12a", "1,2,3.4.5", "--5", "%"])
def test_text_that_is_not_a_number(text):
    assert parse_number_text(text) is None


def test_to_number_cells():
    assert to_number(50, "aov") == 50.0
    assert to_number(50.5, "aov") == 50.5
    assert to_number(np.float32(2.5), "aov") == 2.5
    assert to_number("12,5", "aov") == 12.5
    assert to_number(None, "cac", 0.0) == 0.0
    assert to_number("  ", "cac", 1.0) == 1.0


def test_to_number_rejects_with_excel_codes():
    with pytest.raises(CellError) as missing:
        to_number(None, "aov")
    assert error_text(missing.value) == "#N/A aov is missing"
    with pytest.raises(CellError) as propagated:
        to_number("#DIV/0!", "aov")
    assert error_text(propagated.value) == "#DIV/0! aov is #DIV/0!"
    for bad in ("abc", True, dt.datetime(2024, 1, 1), float("nan")):
        with pytest.raises(InputError) as exc:
            to_number(bad, "aov")
        assert error_text(exc.value) == "#VALUE! aov must be a number"


def test_our_own_error_results_propagate_as_errors():
    assert excel_error_in("#VALUE! aov must be a number") == "#VALUE!"
    assert excel_error_in("#N/A") == "#N/A"
    assert excel_error_in("#hashtag") is None
    assert excel_error_in(12) is None


@pytest.mark.parametrize("value, expected", [
    (dt.datetime(1997, 9, 30, 13, 45), "1997-09-30"),
    (dt.date(1997, 9, 30), "1997-09-30"),
    (35703, "1997-09-30"),  # Excel serial number, 1900 date system
    (35703.75, "1997-09-30"),  # a time of day is dropped
    (45292, "2024-01-01"),
    ("1997-09-30", "1997-09-30"),
    ("30-09-1997", "1997-09-30"),  # Dutch day-month-year
    ("03-04-2024", "2024-04-03"),  # ambiguous: day first, the Dutch way
    ("35703", "1997-09-30"),  # a serial number typed as text
])
def test_dates_from_cells(value, expected):
    assert to_date(value, "end_date") == pd.Timestamp(expected)


def test_bad_dates():
    with pytest.raises(InputError, match="end_date must be a date"):
        to_date("not a date", "end_date")
    with pytest.raises(InputError, match="end_date must be a date"):
        to_date(-5, "end_date")
    with pytest.raises(CellError) as exc:
        to_date("#REF!", "end_date")
    assert exc.value.excel_code == "#REF!"


def test_grids_and_broadcasting():
    assert as_grid(5) == [[5]]
    assert as_grid([1, 2, 3]) == [[1], [2], [3]]  # a flat list is a column
    assert as_grid([[1, 2], [3]]) == [[1, 2], [3, None]]
    assert broadcast_shape([[[1]], [[1], [2], [3]]], ["a", "b"]) == (3, 1)
    assert broadcast_shape([[[1, 2]], [[1], [2], [3]]], ["a", "b"]) == (3, 2)
    with pytest.raises(InputError, match="b has 2 rows but another argument has 3"):
        broadcast_shape([[[1], [2], [3]], [[1], [2]]], ["a", "b"])


def test_results_as_cells():
    assert to_cell(np.float64(1.5)) == 1.5
    assert to_cell(np.array(2.0)) == 2.0
    assert to_cell(math.nan) == "#NUM!"
    assert to_cell(math.inf) == "#NUM!"
    assert to_cell(None) is None
    assert to_cell(pd.NaT) is None
    assert to_cell(pd.Timestamp("2024-01-02")) == dt.datetime(2024, 1, 2)
    frame = pd.DataFrame({"x": [1.0, np.nan]}, index=pd.Index(["a", "b"], name="id"))
    assert to_cells(frame) == [["id", "x"], ["a", 1.0], ["b", "#NUM!"]]


def test_error_text_is_one_line_and_never_a_traceback():
    assert error_text(DataError("no repeat\nbuyers")) == "#NUM! no repeat buyers"
    assert error_text(KeyError("x")) == "#VALUE! internal error: KeyError: 'x'"

    @excel_safe
    def broken(x):
        """Fails the way a bug would."""
        return {}[x]

    assert broken("key") == "#VALUE! internal error: KeyError: 'key'"
    assert broken.__name__ == "broken" and broken.__doc__ == "Fails the way a bug would."
    assert broken.__annotations__ == {}  # xlwings reads type hints as converters


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False))
def test_numbers_formatted_the_dutch_or_english_way_read_back(x):
    english = f"{x:,.2f}"  # 1,234,567.89
    dutch = english.replace(",", "_").replace(".", ",").replace("_", ".")  # 1.234.567,89
    expected = float(f"{x:.2f}")
    assert parse_number_text(english) == pytest.approx(expected)
    assert parse_number_text(dutch) == pytest.approx(expected)
    assert parse_number_text(f"€ {dutch}") == pytest.approx(expected)
