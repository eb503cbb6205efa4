"""Long tables of the report workbook, streamed into the saved file instead of held as cells.

openpyxl keeps every cell of a workbook as a Python object until it saves: about 500 bytes and
30 microseconds a cell, 9.5 GB and eight minutes for a million customers. The report's small
sheets (assumptions, segments, charts, defined names, validation) stay openpyxl cells; a long
table (the Customers sheet) is registered with :func:`defer_rows` as whole columns and written
by :func:`save` while the file is saved:

1. rows that share a row number with other content of the sheet (the CLV distribution next to
   the first customers) are written as ordinary cells, so openpyxl writes them with the rest;
2. openpyxl saves the workbook (the long table is not in it yet);
3. the saved package is copied member by member into the target; the long sheet's XML gets the
   remaining rows, generated a chunk at a time from the columns, spliced in before
   ``</sheetData>``, and its ``<dimension>`` extended.

Cells are written as the OOXML spec (ECMA-376 Part 1, 18.3.1.4 ``c``) defines them: numbers as
``<v>``, text as inline strings (``t="inlineStr"``, no shared-string table to hold in memory),
formulas as ``<f>`` without a cached value (the workbook is recalculated on open), dates as
serial day numbers with the column's date format. Each column's style (number format, and the
*quotePrefix* style for text a spreadsheet would read as a formula,
:func:`clvdesk.core.io.tables.needs_escape`) is registered in the workbook's style table through
openpyxl, so the rows look exactly like cells written by :func:`~clvdesk.core.io.report_cells.put`.
Memory: the columns (which the caller holds anyway) and one chunk of XML text.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import tempfile
import weakref
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd
from openpyxl.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from clvdesk.core.io.report_cells import Column, Formula, cell_value, put
from clvdesk.core.io.tables import FORMULA_TRIGGERS, needs_escape

#: Rows of XML generated at a time.
CHUNK_ROWS = 20_000
#: Excel's day 0 for serial dates (the 1900 date system, with its 1900 leap-year quirk).
_EPOCH = dt.datetime(1899, 12, 30)
#: Characters XML 1.0 does not allow in text.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class _Deferred:
    first_row: int
    columns: Sequence[Column]
    values: list
    first_col: int
    n_rows: int


_DEFERRED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class FormulaColumn(Sequence):
    """A column of one formula per row, made on demand from ``template`` (``{row}`` for the row
    number): a million ``=IF(ISNUMBER(K5),K5*Margin,"")`` need not exist as strings at once."""

    def __init__(self, template: str, first_row: int, n_rows: int) -> None:
        self.template, self.first_row, self.n_rows = template, first_row, n_rows

    def __len__(self) -> int:
        return self.n_rows

    def __getitem__(self, item):
        if isinstance(item, slice):
            start, stop, step = item.indices(self.n_rows)
            return FormulaColumn(self.template, self.first_row + start,
                                 len(range(start, stop, step))) if step == 1 else \
                [self[i] for i in range(start, stop, step)]
        if not -self.n_rows <= item < self.n_rows:
            raise IndexError(item)
        return Formula(self.template.format(row=self.first_row + item % self.n_rows))


def defer_rows(ws: Worksheet, first_row: int, columns: Sequence[Column], values: Sequence,
               first_col: int = 1) -> int:
    """Register a long table's rows, one sequence per column, for :func:`save` to stream.

    ``values[j]`` holds column ``j`` from ``first_row`` down: numbers, text, dates, None or
    :class:`~clvdesk.core.io.report_cells.Formula`. Returns the last row the table will take
    (``first_row - 1`` when empty). One long table per sheet, below everything else in the
    columns it takes.
    """
    if ws in _DEFERRED:
        raise ValueError(f"sheet {ws.title!r} already has a deferred table")
    lengths = {len(v) for v in values}
    if len(lengths) > 1:
        raise ValueError("deferred columns differ in length")
    n_rows = lengths.pop() if lengths else 0
    _DEFERRED[ws] = _Deferred(first_row, list(columns), list(values), first_col, n_rows)
    return first_row + n_rows - 1


def save(book, path: str | Path) -> None:
    """Save ``book`` to ``path`` with the deferred tables of its sheets streamed in."""
    streams = {}
    for index, ws in enumerate(book.worksheets, start=1):
        table = _DEFERRED.pop(ws, None)
        if table is not None and table.n_rows:
            start = _write_overlapping_rows(ws, table)
            if start < table.n_rows:
                streams[f"xl/worksheets/sheet{index}.xml"] = (table, start,
                                                              _styles(ws, book, table))
    if not streams:
        book.save(path)
        return
    with tempfile.TemporaryDirectory(prefix="clvdesk-report-") as folder:
        plain = Path(folder) / "plain.xlsx"
        book.save(plain)
        with zipfile.ZipFile(plain) as source, \
                zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
            for info in source.infolist():
                if info.filename in streams:
                    with source.open(info) as part:
                        xml = part.read().decode("utf-8")
                    with target.open(info.filename, "w", force_zip64=True) as out:
                        _splice(xml, out, *streams[info.filename])
                else:
                    with source.open(info) as part, target.open(info.filename, "w") as out:
                        shutil.copyfileobj(part, out)


def _write_overlapping_rows(ws: Worksheet, table: _Deferred) -> int:
    """Write as cells the table rows that share a row with other content; return how many."""
    taken = ws.max_row if ws._cells else 0
    n_cells = max(0, min(table.n_rows, taken - table.first_row + 1))
    for i in range(n_cells):
        for offset, (column, values) in enumerate(zip(table.columns, table.values, strict=True)):
            put(ws, table.first_row + i, table.first_col + offset, values[i],
                column.number_format)
    return n_cells


def _styles(ws: Worksheet, book, table: _Deferred) -> list[tuple[int, int]]:
    """Per column the workbook style index of its cells, plain and with quotePrefix."""
    ids = []
    for offset, column in enumerate(table.columns):
        pair = []
        for quote in (False, True):
            probe = Cell(ws, row=1, column=table.first_col + offset)
            if column.number_format:
                probe.number_format = column.number_format
            if quote:
                probe.quotePrefix = True
            pair.append(probe.style_id)
        ids.append(tuple(pair))
    return ids


def _splice(xml: str, out, table: _Deferred, start: int, styles) -> None:
    """Write the sheet ``xml`` with rows ``start..`` of ``table`` before ``</sheetData>``."""
    last_row = table.first_row + table.n_rows - 1
    last_col = get_column_letter(table.first_col + len(table.columns) - 1)
    xml = _extend_dimension(xml, last_row, last_col)
    if "<sheetData/>" in xml:
        xml = xml.replace("<sheetData/>", "<sheetData></sheetData>", 1)
    head, tail = xml.split("</sheetData>", 1)
    out.write(head.encode("utf-8"))
    letters = [get_column_letter(table.first_col + j) for j in range(len(table.columns))]
    for chunk_start in range(start, table.n_rows, CHUNK_ROWS):
        stop = min(chunk_start + CHUNK_ROWS, table.n_rows)
        cells = [_column_xml(values[chunk_start:stop], letter, style)
                 for values, letter, style in zip(table.values, letters, styles, strict=True)]
        rows = []
        for i, row_cells in enumerate(zip(*cells, strict=True)):
            number = table.first_row + chunk_start + i
            rows.append(f'<row r="{number}">' + "".join(row_cells).replace("\x00", str(number))
                        + "</row>")
        out.write("".join(rows).encode("utf-8"))
    out.write(("</sheetData>" + tail).encode("utf-8"))


def _extend_dimension(xml: str, last_row: int, last_col: str) -> str:
    """Set the sheet's ``<dimension ref>`` to reach ``last_row`` and at least ``last_col``."""
    match = re.search(r'<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\s*/>', xml)
    if match is None:
        return xml
    first = f"{match.group(1)}{match.group(2)}"
    end_col = match.group(3) or match.group(1)
    if len(last_col) > len(end_col) or (len(last_col) == len(end_col) and last_col > end_col):
        end_col = last_col
    end_row = max(int(match.group(4) or match.group(2)), last_row)
    return xml[:match.start()] + f'<dimension ref="{first}:{end_col}{end_row}"/>' \
        + xml[match.end():]


def _column_xml(values, letter: str, style: tuple[int, int]) -> list[str]:
    """XML of one column's cells; ``\\x00`` stands for the row number."""
    plain, quoted = style
    ref = f'{letter}\x00'
    if isinstance(values, FormulaColumn):
        template = escape(values.template[1:] if values.template.startswith("=")
                          else values.template)
        opening, closing = f'<c r="{ref}" s="{plain}"><f>', "</f></c>"
        return [opening + template.format(row=row) + closing
                for row in range(values.first_row, values.first_row + values.n_rows)]
    array = values if isinstance(values, np.ndarray) else None
    if array is not None and array.dtype.kind in "fiu":
        numbers = array.astype(float)
        opening, closing = f'<c r="{ref}" s="{plain}"><v>', "</v></c>"
        cells = [opening + text + closing for text in map(repr, numbers.tolist())]
        for row in np.flatnonzero(~np.isfinite(numbers)).tolist():
            cells[row] = f'<c r="{ref}" s="{plain}"/>'
        return cells
    text_opening = f'<c r="{ref}" s="{plain}" t="inlineStr"><is><t>'
    return [text_opening + _text(value) + "</t></is></c>"
            if type(value) is str and _plain_text(value) else
            _cell_xml(value, ref, plain, quoted) for value in values]


def _plain_text(text: str) -> bool:
    """Text that needs neither quotePrefix, a kept-space marker nor illegal-character removal."""
    return (not text.startswith(FORMULA_TRIGGERS) and text == text.strip()
            and not _ILLEGAL.search(text))


def _text(text: str) -> str:
    """``text`` escaped for XML character data."""
    if "&" in text or "<" in text or ">" in text:
        return escape(text)
    return text


def _cell_xml(value, ref: str, plain: int, quoted: int) -> str:
    if isinstance(value, Formula):
        return f'<c r="{ref}" s="{plain}"><f>{escape(str(value)[1:])}</f></c>'
    converted = cell_value(value)
    if converted is None:
        return f'<c r="{ref}" s="{plain}"/>'
    if isinstance(converted, bool):
        return f'<c r="{ref}" s="{plain}" t="b"><v>{int(converted)}</v></c>'
    if isinstance(converted, int | float):
        return f'<c r="{ref}" s="{plain}"><v>{converted!r}</v></c>'
    if isinstance(converted, dt.datetime | dt.date):
        if not isinstance(converted, dt.datetime):
            converted = dt.datetime.combine(converted, dt.time())
        serial = (converted - _EPOCH) / dt.timedelta(days=1)
        return f'<c r="{ref}" s="{plain}"><v>{_serial(serial)}</v></c>'
    text = _ILLEGAL.sub("", str(converted))
    style = quoted if needs_escape(text) else plain
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return (f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{escape(text)}</t></is>'
            "</c>")


def _serial(value: float) -> str:
    whole = math.floor(value)
    return str(whole) if value == whole else repr(value)


def column_values(column: pd.Series) -> np.ndarray:
    """A frame column as :func:`defer_rows` takes it: numbers as floats (dates as Excel serial
    days, NaN for missing), anything else as objects with None for missing values."""
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        days = (column.dt.tz_localize(None) if getattr(column.dt, "tz", None) else column)
        return ((days - pd.Timestamp(_EPOCH)) / pd.Timedelta(days=1)).to_numpy(
            dtype=float, na_value=np.nan)
    if pd.api.types.is_float_dtype(column.dtype) or pd.api.types.is_integer_dtype(column.dtype):
        return column.to_numpy(dtype=float, na_value=np.nan)
    return column.astype(object).where(column.notna(), None).to_numpy()
