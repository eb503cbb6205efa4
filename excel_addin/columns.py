"""Ranges with a header row as columns: find a column by its header, read it as numbers or days.

A bad cell is reported with its row as the user sees it (1-based, the header being row 1):
``"orders: row 7: amount must be a number, got 'ten'"``; an error cell passes its code on
(``#N/A``). Text numbers and dates are read by the core's parsers
(:mod:`clvdesk.core.io.parse`), so a range reads like the same table in a file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core.errors import InputError
from clvdesk.core.io.parse import detect_decimal, parse_dates, parse_numbers
from excel_addin.cells import CellError, as_grid, excel_error_in, is_empty


def header_name(value: Any) -> str:
    """A header cell as a comparable key: lower case, spaces/dashes/dots as underscores."""
    text = "" if value is None else str(value)
    return re.sub(r"[\s\-./]+", "_", text.strip().lower()).strip("_")


def table_from_grid(value: Any, name: str) -> pd.DataFrame:
    """A range with a header row as a DataFrame of raw cell values (object columns).

    Rows that are entirely empty (the tail of an over-sized selection such as ``A:C``) are
    dropped; so are columns without a header and without values. A first row holding numbers
    or dates is data, not headers: the user left the header row out of the range.
    ``attrs["range_rows"]``: each row's row in the range (the header is row 1).
    """
    grid = as_grid(value)
    if len(grid) < 2:
        raise InputError(f"{name} needs a header row and at least one row of data")
    header = grid[0]
    if any(isinstance(h, (int, float, dt.date)) and not isinstance(h, bool) for h in header):
        raise InputError(f"the first row of {name} must hold the column headers; "
                         f"include the header row in the range")
    kept = [i for i in range(1, len(grid)) if not all(is_empty(v) for v in grid[i])]
    body = [grid[i] for i in kept]
    keep = [j for j, h in enumerate(header)
            if not is_empty(h) or any(not is_empty(row[j]) for row in body)]
    if not body:
        raise InputError(f"{name} has a header row but no data rows")
    columns = []
    for j in keep:
        if is_empty(header[j]):
            raise InputError(f"{name}: column {j + 1} has values but no header")
        columns.append(str(header[j]).strip())
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise InputError(f"{name}: duplicate column header {duplicates[0]!r}")
    data = {col: [row[j] for row in body] for col, j in zip(columns, keep, strict=True)}
    table = pd.DataFrame(data, dtype=object)
    table.attrs["range_rows"] = np.array(kept, dtype=np.int64) + 1
    return table


def find_column(table: pd.DataFrame, aliases: Sequence[str], what: str, name: str,
                required: bool = True) -> str | None:
    """The column of ``table`` whose header matches one of ``aliases`` (case and spacing
    ignored); raise ``InputError`` naming the columns there are when it is required and absent.
    """
    keys = {header_name(c): c for c in table.columns}
    for alias in aliases:
        if header_name(alias) in keys:
            return keys[header_name(alias)]
    if not required:
        return None
    present = ", ".join(map(str, table.columns))
    raise InputError(f"{name}: no {what} column (e.g. {aliases[0]!r}); columns are: {present}")


def numbers_column(values: Sequence[Any], name: str, column: str, *,
                   locate: Callable[[int, InputError], InputError] | None = None) -> np.ndarray:
    """A column of cells as floats (NaN for empty cells), naming the first bad row.

    Text numbers are read by the core's parser (:func:`clvdesk.core.io.parse.parse_numbers`),
    the decimal mark detected from the text cells alone (a lone comma counts as decimal, the
    Dutch way); real number cells are taken as they are. ``locate(position, problem)``: the
    error to raise for a bad cell at ``position`` (e.g. naming the customer of a summary
    range); the problem is coded ``summary_error_cell`` or ``summary_not_a_number``.
    """
    series = pd.Series(list(values), dtype=object)
    if locate is not None:
        codes = series.map(excel_error_in)
        if codes.notna().any():
            i = int(np.flatnonzero(codes.notna().to_numpy())[0])
            error = locate(i, InputError(code="summary_error_cell", column=column,
                                         value=codes.iloc[i]))
            error.excel_code = codes.iloc[i]  # the cell's error passes on
            raise error
    _raise_on_error_cell(series, name, column)
    is_text = series.map(lambda v: isinstance(v, str))
    decimal = detect_decimal(series[is_text], semicolon_file=True)
    is_bool = series.map(lambda v: isinstance(v, bool))
    numbers, bad = parse_numbers(series.where(~is_bool, "not a number"), decimal)
    if locate is not None and bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise locate(i, InputError(code="summary_not_a_number", column=column,
                                   value=str(series.iloc[i])))
    _raise_on_bad(bad, series, name, f"{column} must be a number")
    return numbers.to_numpy(dtype=float)


def dates_column(values: Sequence[Any], name: str, column: str) -> pd.Series:
    """A column of cells as days (NaT for empty cells): date cells, Excel serial numbers or
    date text, read by the core's parser (:func:`clvdesk.core.io.parse.parse_dates`: ISO, or
    day-month-year unless the values show month first)."""
    series = pd.Series(list(values), dtype=object)
    _raise_on_error_cell(series, name, column)
    dates, bad = parse_dates(series)
    _raise_on_bad(bad, series, name, f"{column} must be a date")
    return dates


def _raise_on_error_cell(series: pd.Series, name: str, column: str) -> None:
    codes = series.map(excel_error_in)
    errors = codes.notna()
    if errors.any():
        row = int(np.flatnonzero(errors.to_numpy())[0])
        code = codes.iloc[row]
        raise CellError(code, f"{name}: row {row + 2}: {column} is {code}")


def _raise_on_bad(bad: pd.Series, series: pd.Series, name: str, message: str) -> None:
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError(f"{name}: row {row + 2}: {message}, got {series.iloc[row]!r}")
