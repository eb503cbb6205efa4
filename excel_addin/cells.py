"""Conversion between Excel cell values (as xlwings passes them) and Python values.

xlwings hands a UDF a scalar for one cell and a list of lists for a range (``ndim=2``); empty
cells arrive as ``None``, date cells as :class:`datetime.datetime`, and with ``err_to_str=True``
error cells as their text (``"#N/A"``). Users also type numbers as text, often Dutch style
(``"1.234,56"``, ``"12,5%"``, ``"€ 50"``). This module turns single cells into floats, text
and days, any argument into a rectangular grid, and results (numbers, DataFrames) back into
lists of lists Excel can show: ``None`` for blanks, ``"#NUM!"`` for NaN or infinity. Ranges
with a header row are read column by column in :mod:`excel_addin.columns`.

Nothing here computes CLV; every number comes from :mod:`clvdesk.core`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeAlias

import numpy as np
import pandas as pd

from clvdesk.core.errors import CLVError, InputError
from clvdesk.core.messages import MESSAGES, SETTING_KEYS, english, render
from clvdesk.core.numbers import parse_number_text

#: Error values Excel can hold in a cell, as text (what xlwings passes with ``err_to_str``).
EXCEL_ERRORS = frozenset(
    {"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!",
     "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#BUSY!", "#CONNECT!", "#UNKNOWN!"}
)
#: Day zero of Excel's 1900 date system: serial 1 is 1900-01-01 (Excel's fictitious
#: 1900-02-29 is why the epoch is the 30th, not the 31st, of December 1899).
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
#: One cell as xlwings passes it.
CellValue: TypeAlias = float | int | str | bool | dt.datetime | None
#: A UDF argument: one cell, or a range as a list of rows.
CellArg: TypeAlias = CellValue | list[list[CellValue]]
#: A UDF result: one value, or a table (list of rows) that spills.
CellResult: TypeAlias = CellValue | list[list[CellValue]]
#: What a NaN or infinite result shows as.
NUM_ERROR = "#NUM!"
#: The argument of a function that holds a core setting under another name (``end_date`` for
#: the core's ``end``); a setting named like its argument needs no entry.
ARGUMENT_NAMES: dict[str, str] = {
    "end": "end_date", "annual_discount_rate": "discount_rate", "ltv": "clv",
    "segment_col": "segment_column",
}
#: The argument names of the function being computed (set by :func:`named_arguments`).
_ARGUMENTS: ContextVar[frozenset[str]] = ContextVar("udf_arguments", default=frozenset())


@contextmanager
def named_arguments(names: Iterable[str]) -> Iterator[None]:
    """While computing a function with arguments ``names``, its errors name a setting by the
    argument the user filled in (``end_date``), see :func:`error_text`."""
    token = _ARGUMENTS.set(frozenset(names))
    try:
        yield
    finally:
        _ARGUMENTS.reset(token)



class CellError(InputError):
    """An input cell holds an Excel error (``#N/A``, ``#REF!``...): the result shows the same
    error, as Excel's own functions do, with a message naming the argument."""

    def __init__(self, excel_code: str, message: str) -> None:
        super().__init__(message)
        self.excel_code = excel_code


def error_text(exc: BaseException) -> str:
    """The text a cell shows for ``exc``: ``"#VALUE! aov must be a number"``.

    :class:`CLVError` subclasses carry their Excel code (``excel_code``); a setting the error
    names is called by the function's argument for it (``end_date``), else by its English
    words (``end of the calibration period``). Anything else is a bug and shows as
    ``#VALUE! internal error: ...`` on one line, never a traceback.
    """
    if isinstance(exc, CLVError):
        code = getattr(exc, "excel_code", "#VALUE!")
        message = _one_line(_in_argument_terms(exc))
        return f"{code} {message}" if message else code
    detail = _one_line(str(exc)) or type(exc).__name__
    return f"#VALUE! internal error: {type(exc).__name__}: {detail}"


def _in_argument_terms(exc: CLVError) -> str:
    arguments = _ARGUMENTS.get()
    named = {}
    for key in SETTING_KEYS:
        name = exc.values.get(key)
        if not isinstance(name, str):
            continue
        argument = name if name in arguments else ARGUMENT_NAMES.get(name)
        if argument in arguments:
            named[key] = argument
    if named and exc.code in MESSAGES:
        return render(exc.code, english(exc.values) | named)
    return str(exc)


def _one_line(text: str) -> str:
    from clvdesk.core.display import safe_message

    return " ".join(safe_message(text).split())


def is_empty(value: Any) -> bool:
    """True for what Excel passes for an empty cell: ``None`` or an empty/blank string."""
    return value is None or (isinstance(value, str) and not value.strip())


def excel_error_in(value: Any) -> str | None:
    """The Excel error code held by ``value`` (``"#N/A"``), or None if it is not an error.

    Also recognises an error followed by a message, as our own UDFs return them
    (``"#VALUE! aov must be a number"``), so errors propagate through chained formulas.
    """
    if not isinstance(value, str):
        return None
    head = value.strip().split(" ", 1)[0].upper()
    return head if head in EXCEL_ERRORS else None


def to_number(value: Any, name: str, default: float | None = None) -> float:
    """One cell value as a float; ``name`` is the argument's name for the error message.

    Empty -> ``default``, or ``#N/A <name> is missing`` when there is none. An error cell
    gives the same error back. Booleans and dates are not numbers here.
    """
    if is_empty(value):
        if default is None:
            raise CellError("#N/A", f"{name} is missing")
        return float(default)
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time)):
        raise InputError(f"{name} must be a number")
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        if math.isnan(number):
            raise InputError(f"{name} must be a number")
        return number
    if isinstance(value, str):
        code = excel_error_in(value)
        if code:
            raise CellError(code, f"{name} is {code}")
        number = parse_number_text(value)
        if number is not None:
            return number
    raise InputError(f"{name} must be a number")


def to_text(value: Any, name: str, default: str | None = None) -> str:
    """One cell as text (``"bgnbd"``); empty -> ``default`` or ``#N/A <name> is missing``."""
    if is_empty(value):
        if default is None:
            raise CellError("#N/A", f"{name} is missing")
        return default
    code = excel_error_in(value)
    if code:
        raise CellError(code, f"{name} is {code}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def to_date(value: Any, name: str) -> pd.Timestamp:
    """One cell as a day: a date cell, an Excel serial number, or text (ISO or Dutch d-m-y)."""
    if is_empty(value) or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        raise CellError("#N/A", f"{name} is missing")
    if isinstance(value, str) and "\0" in value:
        raise InputError(f"{name} must be a date, got text with a NUL character")
    if isinstance(value, pd.Timestamp):
        return value.normalize()
    if isinstance(value, dt.datetime):
        return pd.Timestamp(value).normalize()
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    if isinstance(value, str):
        code = excel_error_in(value)
        if code:
            raise CellError(code, f"{name} is {code}")
        text = value.strip()
        iso = re.match(r"^\d{4}-\d{1,2}-\d{1,2}", text) is not None
        try:
            stamp = pd.Timestamp(pd.to_datetime(text, dayfirst=not iso))
            if pd.isna(stamp):
                raise ValueError(text)
            return stamp.normalize()
        except (ValueError, TypeError, OverflowError, NotImplementedError):
            number = parse_number_text(text)
            if number is None:
                raise InputError(f"{name} must be a date, got {value!r}") from None
            value = number
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return serial_to_timestamp(float(value), name)
    raise InputError(f"{name} must be a date, got {value!r}")


def serial_to_timestamp(serial: float, name: str = "date") -> pd.Timestamp:
    """An Excel serial day number (1900 date system) as a day: 45292 -> 2024-01-01."""
    if not (1 <= serial < 2958466):  # Excel's range: 1900-01-01 .. 9999-12-31
        raise InputError(f"{name} must be a date, got the number {serial:g}")
    return pd.Timestamp(EXCEL_EPOCH + dt.timedelta(days=math.floor(serial)))


def as_grid(value: Any) -> list[list[Any]]:
    """Any argument as a rectangular list of lists: a scalar is 1x1, a flat list one column.

    xlwings gives a flat list for a one-row or one-column range unless ``ndim=2`` is set; a
    flat list is taken as a column, the common case of a list of customers.
    """
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        if not value:
            return [[None]]
        if all(isinstance(row, (list, tuple)) for row in value):
            width = max((len(row) for row in value), default=0)
            if width == 0:
                return [[None]]
            return [list(row) + [None] * (width - len(row)) for row in value]
        return [[v] for v in value]
    return [[value]]


def broadcast_shape(grids: Sequence[list[list[Any]]], names: Sequence[str]) -> tuple[int, int]:
    """The common shape of argument ranges, broadcasting 1-cell and 1-row/1-column ranges.

    Follows Excel's array rules: a single cell goes with anything, a column goes with a row
    (giving a table), otherwise the sizes must match.
    """
    rows, cols = 1, 1
    for grid, name in zip(grids, names, strict=True):
        r, c = len(grid), len(grid[0])
        if r != 1:
            if rows not in (1, r):
                raise InputError(f"{name} has {r} rows but another argument has {rows}")
            rows = r
        if c != 1:
            if cols not in (1, c):
                raise InputError(f"{name} has {c} columns but another argument has {cols}")
            cols = c
    return rows, cols


def cell_at(grid: list[list[Any]], row: int, col: int) -> Any:
    """The value of ``grid`` at (row, col), repeating a 1-row or 1-column grid."""
    r = row if len(grid) > 1 else 0
    c = col if len(grid[0]) > 1 else 0
    return grid[r][c]


def to_cell(value: Any) -> Any:
    """One result as a cell value: floats stay floats, NaN/inf -> ``"#NUM!"``, None stays blank,
    timestamps become datetimes (Excel shows them as dates), numpy scalars become Python ones.
    """
    if value is None:
        return None
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.item()
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return number if math.isfinite(number) else NUM_ERROR
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime()
    if value is pd.NaT:
        return None
    if isinstance(value, (dt.date, str)):
        return value
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    return str(value)


def to_cells(table: pd.DataFrame, *, index: bool = True, index_label: str | None = None
             ) -> list[list[Any]]:
    """A DataFrame as a list of lists with a header row, ready to spill into the sheet.

    With ``index=True`` the index becomes the first column, headed by ``index_label`` or the
    index's name.
    """
    frame = table.reset_index() if index else table
    if index and index_label:
        frame = frame.rename(columns={frame.columns[0]: index_label})
    header = [str(c) for c in frame.columns]
    rows = [[to_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    return [header, *rows]


def result_for(grid_shape: tuple[int, int], cells: list[list[Any]]) -> Any:
    """Return a single value for a 1x1 result and the list of lists otherwise."""
    if grid_shape == (1, 1):
        return cells[0][0]
    return cells
