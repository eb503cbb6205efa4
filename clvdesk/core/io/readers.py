"""Import order files into the canonical order table: :func:`read_orders`, :func:`preview_file`.

Formats: delimited text (``.csv .tsv .txt``; :mod:`~clvdesk.core.io.csv_reader`), Excel
workbooks (``.xlsx .xlsm .xls .ods``; :mod:`~clvdesk.core.io.xlsx_reader`) and Parquet
(:mod:`~clvdesk.core.io.parquet_reader`); the format is taken from the file's first bytes, the
extension only decides between text and unknown. Columns are mapped from English and Dutch
headers (:mod:`~clvdesk.core.io.mapping`), numbers and dates parsed as Dutch, European and US
exports write them (:mod:`~clvdesk.core.io.parse`).

Rows are never silently lost: a row without a customer id, a date or an amount, or with a date
or amount that cannot be read, or a text line that does not split into the header's columns,
is left out of :attr:`ImportResult.orders` and listed in :attr:`ImportResult.dropped` with its
source row number and reason (the data-quality report shows them). Blank rows are skipped and
counted. Negative, zero and future amounts are kept (the quality report flags them). An optional
column value that cannot be read becomes missing and is listed in :attr:`ImportResult.blanked`.

Row numbers (``header_row``, ``dropped.row``) are 1-based, as a spreadsheet or text editor
shows them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core.errors import Cancelled, CLVError, InputError
from clvdesk.core.io.arrow_text import string_chunks
from clvdesk.core.io.mapping import (
    CANONICAL,
    NUMERIC,
    REQUIRED,
    header_score,
    resolve_mapping,
    suggest_mapping,
)
from clvdesk.core.io.parquet_reader import PARQUET_MAGIC, read_parquet_table
from clvdesk.core.io.parse import (
    detect_dayfirst,
    detect_decimal,
    parse_dates,
    parse_numbers,
    year_out_of_range,
)
from clvdesk.core.io.raw import CancelCheck, Progress, RawTable, check_cancel, report
from clvdesk.core.messages import DROP_REASONS, dropped_rows

#: Extensions read as workbooks when the content does not say otherwise.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".ods")
PARQUET_SUFFIXES = (".parquet", ".pq")

#: Reasons a row is dropped, in the order they are checked (one reason per row).
#: Longest customer id kept: Excel's cell limit, so every output holds the same ids.
MAX_ID_LENGTH = 32_767
#: Largest order amount taken as real (larger ones make sums overflow to infinity).
MAX_AMOUNT = 1e12
_DROPPED_COLUMNS = ["row", "reason", "column", "value"]


@dataclass
class ImportResult:
    """An imported order file.

    ``orders``: the canonical order table (``customer_id`` str, ``date`` datetime64 at midnight,
    ``amount`` float, and the optional columns found). ``raw``: the table as read (text files:
    strings; workbooks and Parquet: cell values shown as text), for previews; ``source_table``
    the same with the cells as read (typed for workbooks and Parquet). ``mapping``: canonical name ->
    source column. ``options``: what was used or detected (``format``, ``encoding``,
    ``delimiter``, ``decimal``, ``dayfirst``, ``sheet``, ``header_row`` 1-based, ``sheets``,
    ``blank_rows``). ``dropped``: rows left out (``row``, ``reason`` (a key of
    :data:`DROP_REASONS`), ``column``, ``value``). ``blanked``: optional-column values that could
    not be read and became missing (same columns, reason ``unparseable_value``).
    ``source_rows[i]`` is the source row number of ``orders.iloc[i]``. ``orders.attrs["import"]``
    carries the dropped rows along (:class:`ImportRecord`).
    """

    orders: pd.DataFrame
    source_table: pd.DataFrame
    mapping: dict[str, str]
    options: dict[str, Any]
    dropped: pd.DataFrame
    blanked: pd.DataFrame
    source_rows: np.ndarray
    path: Path | None = None
    _raw_text: pd.DataFrame | None = field(default=None, repr=False, compare=False)

    @property
    def raw(self) -> pd.DataFrame:
        """The source table with every cell as text (built on first use: big files cost)."""
        if self._raw_text is None:
            self._raw_text = _as_text(self.source_table)
        return self._raw_text

    @property
    def rows_read(self) -> int:
        """Data rows found in the file (kept + dropped, blank rows not counted)."""
        return len(self.orders) + len(self.dropped)


class ImportRecord:
    """What the importer set aside, carried in ``orders.attrs["import"]``.

    So that a quality report of the bare order table (as the pipeline makes it) still lists the
    rows dropped at import. pandas deep-copies ``attrs`` on most operations; this record is
    shared instead (it is never modified), so carrying it costs nothing.
    """

    def __init__(self, dropped: pd.DataFrame, blanked: pd.DataFrame, source_rows: np.ndarray,
                 blank_rows: int) -> None:
        self.dropped = dropped
        self.blanked = blanked
        self.source_rows = source_rows
        self.blank_rows = blank_rows

    def __deepcopy__(self, memo: dict) -> ImportRecord:
        return self

    def __repr__(self) -> str:
        return f"ImportRecord({len(self.source_rows)} rows kept, {len(self.dropped)} dropped)"


@dataclass
class FilePreview:
    """The first rows of a file with what the import would detect, for the import dialog.

    ``rows``: the first data rows as strings (source column names). ``mapping``: suggested
    canonical -> source column (may lack required columns: ``missing`` lists those).
    ``options``: detected options as in :attr:`ImportResult.options`. ``sheets``: worksheet names
    (empty for text and Parquet).
    """

    rows: pd.DataFrame
    columns: list[str]
    mapping: dict[str, str]
    missing: list[str]
    options: dict[str, Any]
    sheets: list[str] = field(default_factory=list)


def list_sheets(path: str | os.PathLike) -> list[str]:
    """Worksheet names of a workbook (an empty list for text and Parquet files)."""
    path = _existing(path)
    def sheets() -> list[str]:
        if _kind(path) != "workbook":
            return []
        from clvdesk.core.io.xlsx_reader import list_workbook_sheets

        return list_workbook_sheets(path)

    return _guarded(path, sheets)


def read_orders(path: str | os.PathLike, *, customer_col: str | None = None,
                date_col: str | None = None, amount_col: str | None = None,
                sheet: str | int | None = None, mapping: Mapping[str, str | None] | None = None,
                header_row: int | None = None, decimal: str | None = None,
                dayfirst: bool | None = None, encoding: str | None = None,
                delimiter: str | None = None, progress: Progress | None = None,
                cancel: CancelCheck | None = None) -> ImportResult:
    """Read an order file into the canonical order table (module doc for the rules).

    ``customer_col``/``date_col``/``amount_col`` and ``mapping`` (canonical -> source column,
    None to leave an optional column out) override the automatic mapping; ``sheet`` is a sheet
    name or 1-based position; ``header_row`` the 1-based row of the header; ``decimal`` ``"."``
    or ``","``; ``dayfirst`` the order of day and month in ``03-01-2024``-style dates (None:
    detected, day first if undecided). Raises :class:`InputError` for unreadable files, missing
    columns and files without one usable order; :class:`Cancelled` if ``cancel()`` turns true.
    """
    _check_options(decimal, header_row, encoding)
    path = _existing(path)
    overrides = _overrides(mapping, customer_col, date_col, amount_col)
    if sheet is not None:
        _check_sheet_applies(path)
    raw = _guarded(path, lambda: _read_raw(path, overrides, sheet, header_row, encoding,
                                           delimiter, None, progress, cancel))
    check_cancel(cancel)
    report(progress, 0.6, "mapping columns")
    resolved = resolve_mapping(list(raw.frame.columns), overrides)
    if raw.frame.empty and not raw.bad_rows:
        raise InputError(code="no_order_rows", file=path.name)
    result = _build_orders(raw, resolved, decimal, dayfirst, progress, cancel)
    result.path = path
    if result.orders.empty:
        raise _nothing_usable(path.name, result)
    report(progress, 1.0, "done")
    return result


def preview_file(path: str | os.PathLike, n: int = 50, *, sheet: str | int | None = None,
                 mapping: Mapping[str, str | None] | None = None, header_row: int | None = None,
                 decimal: str | None = None, dayfirst: bool | None = None,
                 encoding: str | None = None, delimiter: str | None = None) -> FilePreview:
    """The first ``n`` data rows with the detected options and suggested mapping.

    Unlike :func:`read_orders` an incomplete mapping is no error: ``missing`` names the required
    columns not found, so the dialog can ask for them.
    """
    _check_options(decimal, header_row, encoding)
    path = _existing(path)
    overrides = {k: v for k, v in (mapping or {}).items() if v is not None}
    raw = _guarded(path, lambda: _read_raw(path, overrides, sheet, header_row, encoding,
                                           delimiter, max(int(n), 1), None, None))
    columns = list(raw.frame.columns)
    suggested = suggest_mapping(columns)
    for canonical, source in overrides.items():
        if canonical in CANONICAL and source in columns:
            suggested = {k: v for k, v in suggested.items() if v != source}
            suggested[canonical] = source
    options = dict(raw.options)
    options["sheets"] = raw.sheets
    options["decimal"] = decimal or _detect_decimal(raw, suggested)
    if dayfirst is None and "date" in suggested:
        dayfirst = detect_dayfirst(raw.frame[suggested["date"]])
    options["dayfirst"] = True if dayfirst is None else dayfirst
    ordered = {c: suggested[c] for c in CANONICAL if c in suggested}
    return FilePreview(rows=_as_text(raw.frame), columns=columns, mapping=ordered,
                       missing=[c for c in REQUIRED if c not in ordered], options=options,
                       sheets=raw.sheets)


def _existing(path: str | os.PathLike) -> Path:
    try:
        path = Path(path)
    except TypeError:
        raise InputError(code="not_a_path", value=repr(path)) from None
    if not path.exists():
        raise InputError(code="file_not_found", file=str(path))
    if path.is_dir():
        raise InputError(code="input_is_folder", file=str(path))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(code="file_unreadable", file=str(path),
                         problem=str(exc.strerror or exc)) from None
    if size == 0:
        raise InputError(code="file_empty", file=path.name)
    return path


def _kind(path: Path) -> str:
    """``"workbook"``, ``"parquet"`` or ``"text"``: by the first bytes, then the extension.

    A file named ``.xls``/``.xlsx`` whose start is text (many systems export CSV or HTML under
    an Excel name) is read as text.
    """
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(PARQUET_MAGIC):
        return "parquet"
    # the text and workbook readers are imported when needed: a Parquet import does not load them
    from clvdesk.core.io.xlsx_reader import is_ole, is_zip

    if is_zip(head) or is_ole(head):
        return "workbook"
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return "text" if _looks_like_text(head) else "workbook"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    return "text"


def _looks_like_text(head: bytes) -> bool:
    """No NUL bytes and hardly any control characters (any 8-bit text encoding passes)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\0" in head:
        return False
    control = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13))
    return control <= len(head) // 100


def _guarded(path: Path, read):
    """Run a reader; a library failure on a hostile file becomes one readable InputError."""
    try:
        return read()
    except (CLVError, Cancelled):
        raise
    except PermissionError:
        raise InputError(code="no_read_permission", file=str(path)) from None
    except MemoryError:
        raise InputError(code="file_too_large", file=path.name) from None
    except (ValueError, OverflowError, IndexError, KeyError, TypeError, UnicodeError,
            OSError) as exc:
        text = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise InputError(code="file_unreadable", file=path.name, problem=text) from None


def _overrides(mapping: Mapping[str, str | None] | None, customer_col: str | None,
               date_col: str | None, amount_col: str | None) -> dict[str, str | None]:
    overrides: dict[str, str | None] = dict(mapping or {})
    for canonical, column in (("customer_id", customer_col), ("date", date_col),
                              ("amount", amount_col)):
        if column is not None:
            overrides[canonical] = column
    return overrides


#: Highest header row accepted (a sheet's last row; checked before the file is read).
MAX_HEADER_ROW = 1_048_576


def _check_options(decimal: str | None, header_row: int | None,
                   encoding: str | None = None) -> None:
    """Options checked before any work: a bad one costs no read of the file."""
    if decimal is not None and decimal not in (".", ","):
        raise InputError(code="bad_decimal", value=str(decimal))
    if header_row is not None and (not isinstance(header_row, int | np.integer)
                                   or isinstance(header_row, bool) or header_row < 1
                                   or header_row > MAX_HEADER_ROW):
        raise InputError(code="bad_header_row", value=str(header_row),
                         limit=MAX_HEADER_ROW)
    if encoding is not None:
        check_encoding(encoding)


def check_encoding(encoding: str) -> str:
    """``encoding`` if it names a text encoding Python knows (``rot13``, ``zlib`` do not count)."""
    import codecs

    if not isinstance(encoding, str) or not encoding.strip() or len(encoding) > 40:
        raise InputError(code="unknown_encoding",
                         value=str(encoding))
    try:
        info = codecs.lookup(encoding.strip())
    except (LookupError, ValueError):
        raise InputError(code="unknown_encoding", value=encoding) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(code="not_text_encoding", value=encoding)
    return encoding.strip()


def _check_sheet_applies(path: Path) -> None:
    """Raise :class:`InputError` when a sheet is asked of a file that is no workbook."""
    kind = _guarded(path, lambda: _kind(path))
    if kind != "workbook":
        raise InputError(code="sheet_in_parquet" if kind == "parquet" else "sheet_in_text",
                         file=path.name)


def _read_raw(path: Path, overrides: Mapping[str, str | None], sheet, header_row, encoding,
              delimiter, nrows, progress, cancel) -> RawTable:
    chosen = {k: v for k, v in overrides.items() if v is not None and k in CANONICAL}

    def is_header(cells) -> int:
        return header_score(cells, chosen)

    kind = _kind(path)
    if kind == "workbook":
        from clvdesk.core.io.xlsx_reader import read_workbook_table

        return read_workbook_table(path, is_header=is_header, sheet=sheet, header_row=header_row,
                                   nrows=nrows, progress=progress, cancel=cancel)
    if kind == "parquet":
        return read_parquet_table(path, nrows=nrows, progress=progress, cancel=cancel)
    from clvdesk.core.io.csv_reader import read_text_table

    return read_text_table(path, is_header=is_header, encoding=encoding, delimiter=delimiter,
                           header_row=header_row, nrows=nrows, progress=progress, cancel=cancel)


def _detect_decimal(raw: RawTable, mapping: Mapping[str, str]) -> str:
    numeric = [mapping[c] for c in NUMERIC if c in mapping]
    semicolon = raw.options.get("delimiter") == ";"
    texts = [raw.frame[c] for c in numeric if not pd.api.types.is_numeric_dtype(raw.frame[c])]
    if not texts:
        return "," if semicolon else "."
    sample = pd.concat([t.iloc[:200_000] for t in texts], ignore_index=True)
    return detect_decimal(sample, semicolon_file=semicolon)


def _build_orders(raw: RawTable, mapping: dict[str, str], decimal: str | None,
                  dayfirst: bool | None, progress: Progress | None,
                  cancel: CancelCheck | None) -> ImportResult:
    frame = raw.frame
    decimal = decimal or _detect_decimal(raw, mapping)
    date_source = frame[mapping["date"]]
    if dayfirst is None:
        # typed dates have no order of day and month to detect (their text is ISO)
        detected = (None if pd.api.types.is_datetime64_any_dtype(date_source)
                    else detect_dayfirst(date_source))
        dayfirst = True if detected is None else detected
    options = dict(raw.options, decimal=decimal, dayfirst=dayfirst, sheets=raw.sheets)

    blank = _all_blank_text(frame, mapping)
    customers = _customer_ids(frame[mapping["customer_id"]])
    report(progress, 0.7, "reading dates")
    dates, bad_dates = parse_dates(date_source, dayfirst)
    check_cancel(cancel)
    report(progress, 0.85, "reading amounts")
    amounts, bad_amounts = parse_numbers(frame[mapping["amount"]], decimal)

    # one reason per row: the first check that hits (numpy codes, no object columns)
    reason_code = np.zeros(len(frame), dtype=np.int8)
    checks = (
        ("missing_customer_id", "customer_id", lambda: customers.isna()),
        ("customer_id_too_long", "customer_id", lambda: _too_long(customers)),
        ("missing_date", "date", lambda: dates.isna() & ~bad_dates),
        ("date_out_of_range", "date", lambda: bad_dates & year_out_of_range(date_source)),
        ("unparseable_date", "date", lambda: bad_dates),
        ("missing_amount", "amount", lambda: amounts.isna() & ~bad_amounts),
        ("unparseable_amount", "amount", lambda: bad_amounts),
        ("amount_out_of_range", "amount", lambda: amounts.abs() > MAX_AMOUNT),
    )
    for code, (_, _, mask) in enumerate(checks, start=1):
        hit = mask().to_numpy(dtype=bool) & ~blank
        if hit.any():
            reason_code[hit & (reason_code == 0)] = code
    dropped_mask = reason_code > 0
    keep = ~dropped_mask & ~blank
    every_row = bool(keep.all())

    def kept(values: pd.Series) -> pd.Series:
        return values if every_row else values[keep]

    orders = pd.DataFrame({
        "customer_id": kept(customers).astype("str"),
        "date": kept(dates),
        "amount": kept(amounts),
    }, copy=False)
    blanked_parts = []
    for canonical in CANONICAL:
        if canonical in REQUIRED or canonical not in mapping:
            continue
        source = frame[mapping[canonical]]
        if canonical in NUMERIC:
            values, bad = parse_numbers(source, decimal)
            if bad[keep].any():
                blanked_parts.append(_rows_frame(raw, bad.to_numpy() & keep,
                                                 "unparseable_value", mapping[canonical]))
            orders[canonical] = kept(values)
        else:
            orders[canonical] = kept(_text_values(source))
    orders = orders.reset_index(drop=True)

    dropped_parts = []
    if raw.bad_rows:
        dropped_parts.append(pd.DataFrame(
            {"row": [r for r, _ in raw.bad_rows], "reason": "malformed_row", "column": None,
             "value": [text for _, text in raw.bad_rows]}
        ))
    if dropped_mask.any():
        part = _rows_frame(raw, dropped_mask, None, None)
        codes = reason_code[dropped_mask]
        names = np.array([None] + [reason for reason, _, _ in checks], dtype=object)
        sources = np.array([None] + [mapping[canonical] for _, canonical, _ in checks],
                           dtype=object)
        part["reason"] = names[codes]
        part["column"] = sources[codes]
        positions = np.flatnonzero(dropped_mask)
        values = np.empty(len(positions), dtype=object)
        for code in np.unique(codes):
            same = codes == code
            cells = frame[sources[code]].iloc[positions[same]]
            values[same] = [_show(v) for v in cells]
        part["value"] = values
        dropped_parts.append(part)
    dropped = _concat(dropped_parts).sort_values("row", kind="stable").reset_index(drop=True)
    options["blank_rows"] = int(blank.sum())
    blanked = _concat(blanked_parts)
    source_rows = raw.row_numbers if every_row else raw.row_numbers[keep]
    orders.attrs["import"] = ImportRecord(dropped, blanked, source_rows, options["blank_rows"])
    orders.attrs["headers"] = dict(mapping)  # canonical column -> the file's header, for messages
    return ImportResult(orders=orders, source_table=frame, mapping=mapping, options=options,
                        dropped=dropped, blanked=blanked, source_rows=source_rows)


def _too_long(customers: pd.Series) -> pd.Series:
    """Ids over :data:`MAX_ID_LENGTH` characters (checked on the byte length first: cheap).

    A UTF-8 text has at least as many bytes as characters, so when no value of an Arrow text
    column has more bytes than the limit (read from its offsets) none is too long.
    """
    chunks = string_chunks(customers)
    if chunks is not None and all(np.diff(offsets).max(initial=0) <= MAX_ID_LENGTH
                                  for offsets, _, _ in chunks):
        return pd.Series(False, index=customers.index)
    lengths = customers.str.len()
    return (lengths > MAX_ID_LENGTH).fillna(False)


def _all_blank_text(frame: pd.DataFrame, mapping: Mapping[str, str]) -> np.ndarray:
    """Rows whose mapped cells are all empty or whitespace (other columns may hold notes)."""
    blank = np.ones(len(frame), dtype=bool)
    # typed columns first: they are cheap to check and usually leave no row blank
    sources = sorted(set(mapping.values()), key=lambda source: _is_text(frame[source]))
    for source in sources:
        values = frame[source]
        if _is_text(values):
            empty = values.isna() | (values.astype("str").str.strip() == "")
        else:
            empty = values.isna()
        blank &= empty.to_numpy(dtype=bool)
        if not blank.any():
            break
    return blank


def _is_text(values: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(values) or values.dtype == object


def _customer_ids(values: pd.Series) -> pd.Series:
    """Customer ids as stripped text; whole numbers from workbooks lose their ``.0``."""
    if pd.api.types.is_float_dtype(values):
        numbers = values.to_numpy(dtype="float64", na_value=np.nan)
        whole = np.isfinite(numbers) & (numbers == np.floor(numbers)) & (np.abs(numbers) < 2**53)
        as_int = pd.Series(np.where(whole, numbers, 0).astype("int64"), index=values.index)
        text = values.astype("str").where(~whole, as_int.astype("str"))
        return text.where(values.notna())
    if pd.api.types.is_integer_dtype(values) or pd.api.types.is_bool_dtype(values):
        return values.astype("str")
    if values.dtype == object:
        values = values.map(_id_text, na_action="ignore")
    text = values.astype("str")
    if _needs_strip(text):
        text = text.str.strip()
        return text.where(text != "")
    return text


def _needs_strip(text: pd.Series) -> bool:
    """Whether some value of a ``str`` column is empty or may start or end with whitespace.

    Reads the first and last byte of each value from the Arrow buffers (no Python strings):
    ASCII whitespace or a non-ASCII byte (possibly Unicode whitespace) means yes.
    """
    chunks = string_chunks(text)
    if chunks is None:
        return True
    for offsets, data, valid in chunks:
        starts, ends = offsets[:-1], offsets[1:]
        filled = ends > starts
        if valid is not None:
            if (valid & ~filled).any():
                return True
            filled &= valid
        elif not filled.all():
            return True
        if not filled.all():
            starts, ends = starts[filled], ends[filled]
        if _maybe_space(data[starts]) or _maybe_space(data[ends - 1]):
            return True
    return False


def _maybe_space(edge_bytes: np.ndarray) -> bool:
    """Whether some byte is outside printable ASCII ``!``..``~`` (33..126).

    That covers ASCII whitespace (``str.strip`` strips 9-13 and 28-32) and every non-ASCII
    byte (Unicode whitespace such as a no-break space); control characters and DEL make the
    caller strip needlessly, which changes nothing. One subtraction in uint8 (wrapping) and
    one comparison, no lookup table.
    """
    return bool(((edge_bytes - np.uint8(33)) >= 94).any())


def _id_text(value: object) -> object:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return str(value)


def _text_values(values: pd.Series) -> pd.Series:
    text = _customer_ids(values)
    return text.astype("str")


def _rows_frame(raw: RawTable, mask: np.ndarray, reason: str | None,
                column: str | None) -> pd.DataFrame:
    rows = raw.row_numbers[mask]
    part = pd.DataFrame({"row": rows, "reason": reason, "column": column})
    if column is not None:
        part["value"] = [_show(v) for v in raw.frame[column].to_numpy()[mask]]
    return part


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in _DROPPED_COLUMNS}).astype(
            {"row": "int64"}
        )
    out = pd.concat(parts, ignore_index=True)[_DROPPED_COLUMNS]
    return out.astype({"row": "int64"})


def _show(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return ""
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with every cell as text (missing stays missing), for previews."""
    out = {}
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_string_dtype(values) and values.dtype != object:
            out[column] = values
        elif pd.api.types.is_datetime64_any_dtype(values):
            midnight = (values.dropna() == values.dropna().dt.normalize()).all()
            out[column] = values.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M:%S"
                                             ).astype("str")
        else:
            out[column] = values.map(_cell_text, na_action="ignore").astype("str")
    return pd.DataFrame(out, index=frame.index)


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d" if value.time() == dt.time() else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _nothing_usable(name: str, result: ImportResult) -> InputError:
    counts = result.dropped["reason"].value_counts()
    if counts.empty:
        return InputError(code="no_order_rows", file=name)
    problems = []
    for reason, count in counts.items():
        rows = result.dropped.loc[result.dropped["reason"] == reason]
        example, column = rows["value"].iloc[0], rows["column"].iloc[0]
        problems.append({"count": int(count), "reason": str(reason),
                         "column": column if isinstance(column, str) else "",
                         "example": repr(example) if example else ""})
    return InputError(code="no_usable_orders", file=name, problems=problems,
                      reasons=dropped_rows(problems))


__all__ = ["ImportResult", "FilePreview", "read_orders", "preview_file", "list_sheets",
           "DROP_REASONS"]
