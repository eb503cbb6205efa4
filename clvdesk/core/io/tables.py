"""Write a table to csv, xlsx or parquet (chosen by extension), atomically and injection-safe.

Formula injection (OWASP "CSV Injection"): a spreadsheet treats cell text starting with
``=``, ``+``, ``-`` or ``@`` (and tab or carriage return, which some programs skip before such
a character) as a formula. Customer names and ids come from users' own files, so exported text
is neutralised:

- **csv**: such text gets a leading single quote (``=1+1`` is written as ``'=1+1``), the OWASP
  recommendation; Excel and LibreOffice show it as text. :func:`escape_cell_text` does this and
  is reused by the other writers of the project.
- **xlsx**: the text is kept exactly as it is but stored as an explicit string cell (openpyxl
  otherwise turns any string starting with ``=`` into a formula) with the *quotePrefix* style
  set, so Excel shows it as text and keeps it text when the user edits the cell. Reading the
  workbook back gives the original text.
- **parquet** is not opened by spreadsheets and stores values unchanged.

Numbers are never altered (``-5`` stays a number). Dates are written as dates.

CSV follows the reader's spreadsheet convention (:data:`CSV_STYLES`): English ``,`` between
fields and a decimal point; Dutch ``;`` and a decimal comma with a UTF-8 byte order mark, so
Dutch Excel opens the file in columns with numbers as numbers (Excel picks the delimiter from
the Windows list separator, ``;`` where the decimal sign is a comma).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from clvdesk.core.errors import InputError
from clvdesk.core.extras import require
from clvdesk.core.io.atomic import atomic_path

#: First characters that make a spreadsheet read cell text as a formula (OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: Extensions :func:`write_table` understands.
TABLE_FORMATS = (".csv", ".xlsx", ".parquet")
#: The optional package (``io`` extra) each format other than csv is written with.
_NEEDS = {".xlsx": ("openpyxl", "writing .xlsx tables"),
          ".parquet": ("pyarrow", "writing Parquet files")}
#: CSV conventions by language: field separator, decimal sign, UTF-8 byte order mark.
CSV_STYLES: dict[str, dict[str, object]] = {
    "en": {"sep": ",", "decimal": ".", "bom": False},
    "nl": {"sep": ";", "decimal": ",", "bom": True},
}
#: Rows an xlsx worksheet holds, including the header row.
XLSX_MAX_ROWS = 1_048_576


def escape_cell_text(value):
    """Return ``value`` safe for a csv cell: text starting with = + - @ tab or CR gets a ``'``.

    Anything that is not text (numbers, dates, None) is returned unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


#: Most characters an Excel cell holds.
XLSX_MAX_TEXT = 32_767
#: Characters XML 1.0 cannot carry (all C0 controls but tab, LF, CR), and Excel's own
#: ``_xHHHH_`` escape already in the text (which Excel would decode).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def xlsx_text(text: str) -> str:
    """Cell text as an xlsx file can hold it: the one helper of every xlsx writer.

    Control characters XML cannot carry (ESC, NUL, ...) are written as Excel's escape
    ``_xHHHH_`` (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), which Excel and LibreOffice show as the
    character; an underscore that would start such an escape is itself escaped (``_x005F_``).
    Text over Excel's 32,767-character cell limit is cut to it (customer ids that long never
    reach an output: the importer leaves them out, see ``readers.DROP_REASONS``).
    """
    if _XML_ILLEGAL.search(text):
        text = _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    return text[:XLSX_MAX_TEXT]


def needs_escape(value) -> bool:
    """True if ``value`` is text a spreadsheet would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def write_table(
    table: pd.DataFrame,
    path: str | os.PathLike,
    *,
    index: bool | None = None,
    sheet_name: str = "Sheet1",
    csv_style: str = "en",
) -> Path:
    """Write ``table`` to ``path`` as csv, xlsx or parquet (by extension), atomically.

    ``index``: write the index as the first column(s); by default when it is named or is not
    a plain 0..n-1 range (a summary's ``customer_id`` index is written, a default index is
    not). ``csv_style``: the language whose CSV convention to write (:data:`CSV_STYLES`).
    Returns the path written. Raises :class:`InputError` for an unknown extension, a
    missing folder, or more rows than an xlsx sheet holds.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_FORMATS:
        raise InputError(code="output_format", file=path.name, formats=", ".join(TABLE_FORMATS))
    if not path.parent.exists():
        raise InputError(code="output_folder_missing", folder=str(path.parent))
    if index is None:
        index = any(name is not None for name in table.index.names) or not isinstance(
            table.index, pd.RangeIndex
        )
    frame = table.reset_index() if index else table.reset_index(drop=True)
    frame.columns = [str(c) for c in frame.columns]
    if suffix in _NEEDS:  # before the file is touched: a missing extra is one line
        require(*_NEEDS[suffix])
    if csv_style not in CSV_STYLES:
        raise InputError(code="unknown_csv_style", value=repr(csv_style), styles=", ".join(CSV_STYLES))
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            _write_csv(frame, tmp, **CSV_STYLES[csv_style])
        else:
            {".xlsx": _write_xlsx, ".parquet": _write_parquet}[suffix](frame, tmp, sheet_name)
    return path


def write_table_chunks(chunks: Iterable[pd.DataFrame], path: str | os.PathLike, *,
                       csv_style: str = "en") -> Path:
    """Write a long table given as consecutive chunks to ``.parquet`` or ``.csv``, atomically.

    Each chunk's index is written as its first column when named (as :func:`write_table`
    does); every chunk must have the same columns. Parquet gets one row group per chunk and
    CSV one append per chunk, so memory holds one chunk at a time; text is escaped as in
    :func:`write_table`, and CSV follows ``csv_style`` (:data:`CSV_STYLES`). Returns the path
    written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".parquet", ".csv"):
        raise InputError(code="output_format", file=path.name, formats=".parquet, .csv")
    if not path.parent.exists():
        raise InputError(code="output_folder_missing", folder=str(path.parent))
    if csv_style not in CSV_STYLES:
        raise InputError(code="unknown_csv_style", value=repr(csv_style),
                         styles=", ".join(CSV_STYLES))
    style = CSV_STYLES[csv_style]
    if suffix == ".parquet":  # the io extra, asked for before the file is touched
        pa = require("pyarrow", "writing Parquet files")
        pq = require("pyarrow.parquet", "writing Parquet files")
    with atomic_path(path) as tmp:
        writer = None
        for number, chunk in enumerate(chunks):
            index = any(name is not None for name in chunk.index.names)
            frame = chunk.reset_index() if index else chunk.reset_index(drop=True)
            frame.columns = [str(c) for c in frame.columns]
            if suffix == ".csv":
                _csv_safe(frame).to_csv(
                    tmp, index=False, sep=style["sep"], decimal=style["decimal"],
                    encoding="utf-8-sig" if style["bom"] and number == 0 else "utf-8",
                    lineterminator="\n", mode="w" if number == 0 else "a", header=number == 0)
                continue
            table = pa.Table.from_pandas(frame, preserve_index=False)
            if writer is None:
                # no dictionary pages: ids and measurements are mostly distinct values, for
                # which pyarrow would build a dictionary per chunk and then discard it
                writer = pq.ParquetWriter(tmp, table.schema, use_dictionary=False)
            writer.write_table(table)
        if writer is not None:
            writer.close()
        elif suffix == ".parquet":
            raise InputError(code="no_rows_to_write")
    return path


def _write_csv(frame: pd.DataFrame, path: Path, *, sep: str, decimal: str, bom: bool) -> None:
    _csv_safe(frame).to_csv(path, index=False, encoding="utf-8-sig" if bom else "utf-8",
                            lineterminator="\n", sep=sep, decimal=decimal)


def _csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells and headers are escaped (:func:`escape_cell_text`)."""
    safe = frame.copy()
    for col in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[col]) or _is_datetime(safe[col])):
            safe[col] = safe[col].map(escape_cell_text, na_action="ignore")
    safe.columns = [escape_cell_text(c) for c in safe.columns]
    return safe


def _write_parquet(frame: pd.DataFrame, path: Path, _sheet: str) -> None:
    safe = frame.copy()
    safe.attrs = _plain_attrs(frame.attrs)
    for col in safe.columns:
        if isinstance(safe[col].dtype, pd.PeriodDtype):
            safe[col] = safe[col].astype(str)
    safe.to_parquet(path, index=False)


def _plain_attrs(attrs: dict) -> dict:
    """``attrs`` that pandas can store as JSON in the Parquet metadata (dates as ISO text)."""
    plain = {}
    for key, value in attrs.items():
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        if value is None or isinstance(value, bool | int | float | str):
            plain[str(key)] = value
    return plain


def _write_xlsx(frame: pd.DataFrame, path: Path, sheet_name: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    if len(frame) + 1 > XLSX_MAX_ROWS:
        raise InputError(code="too_many_rows_for_xlsx", rows=f"{len(frame):,}",
                         limit=f"{XLSX_MAX_ROWS - 1:,}")
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=sheet_name[:31] or "Sheet1")

    def cell(value):
        value = _xlsx_value(value)
        if isinstance(value, str):
            value = xlsx_text(value)
        if not needs_escape(value):
            return value
        item = WriteOnlyCell(sheet, value=value)
        item.data_type = "s"  # openpyxl would otherwise store '=...' as a formula
        item.quotePrefix = True
        return item

    sheet.append([cell(c) for c in frame.columns])
    columns = [_xlsx_column(frame[c]) for c in frame.columns]
    for row in zip(*columns, strict=True):
        sheet.append([cell(v) for v in row])
    book.save(path)


def _xlsx_column(column: pd.Series) -> list:
    if _is_datetime(column):
        if getattr(column.dt, "tz", None) is not None:
            column = column.dt.tz_localize(None)
        return [None if pd.isna(v) else v.to_pydatetime() for v in column]
    if isinstance(column.dtype, pd.PeriodDtype):
        return [None if pd.isna(v) else str(v) for v in column]
    return column.tolist()


def _xlsx_value(value):
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, bool | int | float | str | datetime | date):
        return value
    return str(value)


def _is_datetime(column: pd.Series) -> bool:
    return pd.api.types.is_datetime64_any_dtype(column)
