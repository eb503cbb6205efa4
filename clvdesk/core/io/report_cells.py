"""Writing cells of the report workbook: values, live formulas, escaped text and styles.

Only a :class:`Formula` is ever written as a formula. Every other text is an explicit string
cell, and text a spreadsheet would read as a formula (:func:`clvdesk.core.io.tables.needs_escape`:
starting with ``= + - @``, tab or CR) also gets the *quotePrefix* style, the way
:mod:`clvdesk.core.io.tables` writes xlsx: a customer id such as ``=HYPERLINK(...)`` or a segment
``@SUM(A1)`` from an order file is shown as that text, stays text when a colleague edits the
cell, and reads back unchanged.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from clvdesk.core.io.tables import needs_escape, xlsx_text

TITLE_FONT = Font(bold=True, size=14)
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
#: Inputs a user may change: blue text on light yellow, the financial-modelling convention.
INPUT_FONT = Font(color="0000FF")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
NOTE_FONT = Font(italic=True, color="595959")
SECTION_FONT = Font(bold=True, size=12)
WRAP = Alignment(wrap_text=True, vertical="top")


class Formula(str):
    """A live Excel formula (text starting with ``=``, English function names, ``,`` separators)."""

    def __new__(cls, text: str) -> Formula:
        if not text.startswith("="):
            text = "=" + text
        return super().__new__(cls, text)


@dataclass(frozen=True)
class Column:
    """One column of a table: its header, number format, width in characters and whether its
    cells wrap their text (lines of a multi-line text shown, top-aligned)."""

    header: str
    number_format: str | None = None
    width: float | None = None
    wrap: bool = False


def absolute(ws: Worksheet, row: int, col: int) -> str:
    """Absolute reference with sheet, e.g. ``'Model fit'!$B$3``."""
    return f"{quote_sheetname(ws.title)}!${get_column_letter(col)}${row}"


def column_range(ws: Worksheet, col: int, first_row: int, last_row: int) -> str:
    """Absolute range of one column with sheet, e.g. ``Klanten!$K$5:$K$2361``."""
    letter = get_column_letter(col)
    return f"{quote_sheetname(ws.title)}!${letter}${first_row}:${letter}${last_row}"


def cell_value(value):
    """Convert ``value`` to what openpyxl writes: Python numbers, datetimes, text or None.

    NaN, NaT, None and infinities become empty cells (a blank, not a misleading number).
    """
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, Formula):
        return str(value)
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        value = float(value)
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().replace(tzinfo=None)
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else pd.Timestamp(value).to_pydatetime()
    if isinstance(value, dt.datetime | dt.date):
        return value
    return xlsx_text(str(value))


def put(ws: Worksheet, row: int, col: int, value, number_format: str | None = None,
        *, font: Font | None = None, fill: PatternFill | None = None):
    """Write one cell; only a :class:`Formula` becomes a formula, other text stays text."""
    cell = ws.cell(row=row, column=col)
    converted = cell_value(value)
    cell.value = converted
    if isinstance(converted, str) and not isinstance(value, Formula):
        cell.data_type = "s"  # never let openpyxl guess a formula from text
        if needs_escape(converted):
            cell.quotePrefix = True
    if number_format:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


def new_workbook() -> Workbook:
    """An empty workbook (no sheets) that recalculates every formula when it is opened."""
    book = Workbook()
    book.remove(book.active)
    book.properties.creator = "CLV Desk"
    book.calculation.fullCalcOnLoad = True
    return book


def define_name(ws: Worksheet, name: str, formula: str, comment: str | None = None) -> None:
    """A workbook-scoped defined name in the workbook of ``ws``.

    ``formula`` is the text as Excel stores it, without ``=`` (a reference such as
    ``Aannames!$B$5``, or a LAMBDA in stored form: :func:`clvdesk.core.io.excel_lambdas.
    stored_form`); ``comment`` is what Excel's Name Manager and formula autocomplete show (at
    most 255 characters).
    """
    if comment is not None and len(comment) > 255:
        raise ValueError(f"the comment of name {name} is longer than Excel's 255 characters")
    ws.parent.defined_names[name] = DefinedName(name, attr_text=formula, comment=comment)


def restrict(ws: Worksheet, cells: str, message: str, *, low: float = 0.0,
             high: float | None = None) -> None:
    """Excel data validation on input ``cells`` (e.g. ``"B5"`` or ``"B6:I9"``): a number of at
    least ``low`` (and at most ``high``); anything else is refused with ``message``."""
    if high is None:
        rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1=f"{low!r}")
    else:
        rule = DataValidation(type="decimal", operator="between", formula1=f"{low!r}",
                              formula2=f"{high!r}")
    rule.error = message
    rule.showErrorMessage = True
    rule.add(cells)
    ws.add_data_validation(rule)


def put_title(ws: Worksheet, text: str, row: int = 1) -> None:
    put(ws, row, 1, text, font=TITLE_FONT)


def put_note(ws: Worksheet, row: int, col: int, text: str) -> None:
    put(ws, row, col, text, font=NOTE_FONT)


def put_header(ws: Worksheet, row: int, columns: Sequence[Column], first_col: int = 1) -> None:
    """Write a header row and set the column widths."""
    for offset, column in enumerate(columns):
        cell = put(ws, row, first_col + offset, column.header, font=HEADER_FONT, fill=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        width = column.width or max(10.0, min(40.0, len(column.header) + 2.0))
        letter = get_column_letter(first_col + offset)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, width)


def put_rows(ws: Worksheet, first_row: int, columns: Sequence[Column],
             rows: Iterable[Sequence], first_col: int = 1) -> int:
    """Write ``rows`` below a header made of ``columns``; return the last row written."""
    row = first_row - 1
    for row_values in rows:
        row += 1
        for offset, (column, value) in enumerate(zip(columns, row_values, strict=True)):
            cell = put(ws, row, first_col + offset, value, column.number_format)
            if column.wrap:
                cell.alignment = WRAP
    return row


def put_table(ws: Worksheet, header_row: int, columns: Sequence[Column],
              rows: Iterable[Sequence], first_col: int = 1) -> int:
    """Header plus rows; return the last row written (the header row when there are none)."""
    put_header(ws, header_row, columns, first_col)
    return put_rows(ws, header_row + 1, columns, rows, first_col)


#: Words in a column name that mark money (currency units).
MONEY_WORDS = ("clv", "spend", "amount", "revenue", "aov", "cac", "monetary", "value", "cost")


def guess_format(name: str, column: pd.Series, formats) -> str | None:
    """Number format for a core table's column, from its name and dtype.

    Money for names such as ``clv``, ``expected_spend``, ``aov``; a percentage for ``p_alive``,
    ``share``, ``rate``, ``retention`` and ``margin`` (fractions); integers and dates by dtype.
    """
    lowered = str(name).lower()
    if pd.api.types.is_datetime64_any_dtype(column):
        return formats.date
    if pd.api.types.is_bool_dtype(column) or not pd.api.types.is_numeric_dtype(column):
        return None
    if lowered.startswith("p_") or any(w in lowered for w in ("share", "rate", "retention",
                                                               "margin")):
        return formats.percent
    if any(w in lowered for w in MONEY_WORDS):
        return formats.money
    if pd.api.types.is_integer_dtype(column):
        return formats.integer
    return formats.number


def put_frame(ws: Worksheet, header_row: int, frame: pd.DataFrame, labels, formats,
              *, first_col: int = 1, index: bool = False) -> int:
    """Write a core DataFrame as a table with translated headers; return the last row.

    ``index=True`` writes the index as the first column.
    """
    if index:
        frame = frame.reset_index()
    columns = [Column(labels[str(name)], guess_format(name, frame[name], formats))
               for name in frame.columns]
    rows = zip(*(_column_values(frame[name]) for name in frame.columns), strict=True)
    return put_table(ws, header_row, columns, rows, first_col)


def _column_values(column: pd.Series) -> list:
    if isinstance(column.dtype, pd.PeriodDtype):
        return [None if pd.isna(v) else str(v) for v in column]
    return column.astype(object).where(column.notna(), None).tolist()
