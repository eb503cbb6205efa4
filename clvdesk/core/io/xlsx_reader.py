"""Read Excel workbooks (XLSX, XLSM, XLS, ODS) with python-calamine, behind zip and XML guards.

Binary workbooks (XLSB) are refused: their sheets cannot be checked before calamine reads them.

Before calamine sees a zip-based workbook (:func:`guard_workbook`), every part is streamed once:

* the file must be a zip (else: not a workbook, or damaged/truncated; the CRC of every part is
  checked while streaming, so a cut-off file is caught here);
* at most :data:`MAX_PARTS` parts, together at most :data:`MAX_UNCOMPRESSED` bytes once
  unpacked, counted while unpacking (declared sizes can lie), and no part of more than 1 MB that
  unpacks to over :data:`MAX_RATIO` times its packed size (a zip bomb; real sheets pack 5-30x);
* every sheet the workbook names may span at most
  :data:`~clvdesk.core.io.sheet_extent.MAX_CELLS` cells, measured by a streaming XML parse
  (:mod:`~clvdesk.core.io.sheet_extent`; .ods repeats multiplied out): calamine allocates the
  whole rectangle, so a single cell at ``XFD1048576`` would otherwise take hundreds of GB;
* every XML part is parsed by defusedxml up to its root element with DTDs, entity declarations
  and external references forbidden. A DOCTYPE can only stand before the root element, so this
  rejects entity ("billion laughs") and external-entity attacks in the whole part.

The header row is the first of the top rows that names the customer, date and amount columns
(a title above the table is skipped). Without a chosen sheet, the first sheet with such a header
is read (else the first sheet). Cells keep their types: numbers, dates and text.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core.errors import InputError
from clvdesk.core.extras import optional_module
from clvdesk.core.io.raw import (
    HEADER_SEARCH_ROWS,
    CancelCheck,
    HeaderTest,
    Progress,
    RawTable,
    check_cancel,
    filled,
    find_header_row,
    header_names,
    report,
)
from clvdesk.core.io.sheet_extent import check_extent

_WORKBOOKS = "reading Excel workbooks (.xlsx, .xls, .ods)"
python_calamine = optional_module("python_calamine", _WORKBOOKS)
defusedxml = optional_module("defusedxml", _WORKBOOKS)
defused_tree = optional_module("defusedxml.ElementTree", _WORKBOOKS)

#: Most parts a workbook zip may have.
MAX_PARTS = 10_000
#: Most bytes all parts may unpack to together (2 GiB: a sheet of several million rows).
MAX_UNCOMPRESSED = 2 * 1024**3
#: Highest unpacked/packed size ratio of a part larger than 1 MB.
MAX_RATIO = 200
#: Bytes of an XML part's start within which its root element must begin.
MAX_PROLOG = 1024 * 1024
_CHUNK = 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
_BINARY_SHEET = re.compile(r"xl/worksheets/[^/]+\.bin")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class _RootSeen(Exception):
    """Raised by the XML target at the root element: the prolog was clean."""


class _StopAtRoot:
    def start(self, tag: str, attrib: dict) -> None:
        raise _RootSeen

    def end(self, tag: str) -> None:  # pragma: no cover - never reached
        pass

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        return None


def guard_workbook(path: Path) -> None:
    """Check a zip-based workbook against zip and XML bombs (module doc); InputError if not safe."""
    name = path.name
    try:
        with zipfile.ZipFile(path, "r") as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                raise InputError(code="workbook_too_many_parts", file=name, parts=len(infos))
            if any(_BINARY_SHEET.fullmatch(info.filename.lower()) for info in infos):
                raise InputError(code="binary_workbook", file=name)
            total = 0
            for info in infos:
                total = _check_part(archive, info, total, name)
            check_extent(archive, name)
    except (zipfile.BadZipFile, zlib.error):
        raise InputError(code="workbook_incomplete", file=name) from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, RuntimeError):
        raise InputError(code="workbook_zip_unsupported", file=name) from None


def _check_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, total: int, name: str) -> int:
    is_xml = info.filename.lower().endswith((".xml", ".rels", ".vml"))
    parser = _prolog_parser() if is_xml else None
    unpacked = 0
    with archive.open(info, "r") as part:
        while True:
            chunk = part.read(_CHUNK)
            if not chunk:
                break
            unpacked += len(chunk)
            total += len(chunk)
            if total > MAX_UNCOMPRESSED:
                raise InputError(code="zip_bomb_size", file=name, limit=MAX_UNCOMPRESSED >> 20)
            if unpacked > _CHUNK and unpacked > MAX_RATIO * max(info.compress_size, 1):
                raise InputError(code="zip_bomb_ratio", file=name, ratio=MAX_RATIO)
            if parser is not None:
                parser = _feed_prolog(parser, chunk, unpacked, info.filename, name)
    if parser is not None and unpacked:
        raise InputError(code="workbook_part_empty", file=name, part=info.filename)
    return total


def _prolog_parser():
    return defused_tree.XMLParser(target=_StopAtRoot(), forbid_dtd=True, forbid_entities=True,
                     forbid_external=True)


def _feed_prolog(parser, chunk: bytes, unpacked: int, part: str, name: str):
    """Feed the XML parser until the root element; None once it was seen."""
    try:
        parser.feed(chunk)
    except _RootSeen:
        return None
    except defusedxml.DefusedXmlException:
        raise InputError(code="xml_bomb", file=name, part=part) from None
    except defused_tree.ParseError:
        raise InputError(code="workbook_damaged", file=name, part=part) from None
    if unpacked > MAX_PROLOG:
        raise InputError(code="workbook_damaged", file=name, part=part)
    return parser


def is_zip(head: bytes) -> bool:
    return head.startswith(_ZIP_MAGIC)


def is_ole(head: bytes) -> bool:
    return head.startswith(_OLE_MAGIC)


def _open(path: Path) -> python_calamine.CalamineWorkbook:
    with path.open("rb") as fh:
        head = fh.read(8)
    if not head:
        raise InputError(code="file_empty", file=path.name)
    if is_zip(head):
        guard_workbook(path)
    elif not is_ole(head):
        raise InputError(code="not_a_workbook", file=path.name)
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise InputError(code="workbook_password", file=path.name) from None
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        raise InputError(code="workbook_unreadable", file=path.name, problem=_line(exc)) from None


def list_workbook_sheets(path: Path) -> list[str]:
    """Names of the worksheets of a workbook, in order."""
    workbook = _open(path)
    try:
        return list(workbook.sheet_names)
    finally:
        workbook.close()


def _sheet(workbook: python_calamine.CalamineWorkbook, sheet: str,
           name: str) -> python_calamine.CalamineSheet:
    """Load one sheet (calamine parses the whole sheet here, once)."""
    try:
        return workbook.get_sheet_by_name(sheet)
    except (python_calamine.CalamineError, ValueError, OverflowError) as exc:
        raise InputError(code="sheet_unreadable", file=name, sheet=sheet,
                         problem=_line(exc)) from None


def _rows(data: python_calamine.CalamineSheet, nrows: int | None, name: str) -> list[list[Any]]:
    """Rows of a loaded sheet from row 1 (empty leading rows kept, so row numbers hold)."""
    try:
        if nrows is not None:
            return data.to_python(skip_empty_area=False, nrows=nrows)
        return data.to_python(skip_empty_area=False)
    except (python_calamine.CalamineError, ValueError, OverflowError) as exc:
        raise InputError(code="sheet_unreadable", file=name, sheet=data.name,
                         problem=_line(exc)) from None


def _pick_sheet(sheets: list[str], sheet: str | int | None, name: str) -> str | None:
    if sheet is None:
        return None
    if str(sheet) in sheets:
        return str(sheet)
    text = str(sheet).strip()
    for candidate in sheets:
        if candidate.strip().lower() == text.lower():
            return candidate
    if text.isdigit() and 1 <= int(text) <= len(sheets):
        return sheets[int(text) - 1]
    raise InputError(code="sheet_not_found", sheet=text, file=name, sheets=", ".join(sheets))


def read_workbook_table(path: Path, *, is_header: HeaderTest, sheet: str | int | None = None,
                        header_row: int | None = None, nrows: int | None = None,
                        progress: Progress | None = None, cancel: CancelCheck | None = None,
                        ) -> RawTable:
    """Read one sheet into a :class:`RawTable` with typed cells (module doc).

    ``sheet`` is a name or a 1-based position (None: detected); ``header_row`` the 1-based
    row of the header (None: detected); ``nrows`` limits the data rows (for previews).
    """
    name = path.name
    report(progress, 0.02, "checking workbook")
    workbook = _open(path)
    try:
        sheets = list(workbook.sheet_names)
        if not sheets:
            raise InputError(code="no_sheets", file=name)
        chosen = _pick_sheet(sheets, sheet, name)
        check_cancel(cancel)
        report(progress, 0.1, "reading sheet")
        limit = None if nrows is None else (header_row or HEADER_SEARCH_ROWS) + nrows + 1
        if chosen is None:
            chosen, rows = _detect_sheet(workbook, sheets, is_header, limit, name)
        else:
            rows = _rows(_sheet(workbook, chosen, name), limit, name)
    finally:
        workbook.close()
    check_cancel(cancel)
    if not any(any(filled(c) for c in row) for row in rows[:HEADER_SEARCH_ROWS * 1000]):
        raise InputError(code="sheet_empty", sheet=chosen, file=name)
    if header_row is None:
        header_index = find_header_row(rows, is_header)
    else:
        header_index = header_row - 1
        if not 0 <= header_index < len(rows):
            raise InputError(code="sheet_has_no_row", sheet=chosen, file=name, row=header_row)
    body = rows[header_index + 1:]
    if nrows is not None:
        body = body[:nrows]
    columns = header_names(rows[header_index])
    report(progress, 0.4, "converting cells")
    frame = pd.DataFrame(body, columns=columns) if body else pd.DataFrame(
        {c: pd.Series(dtype="object") for c in columns}
    )
    frame = _typed(frame)
    row_numbers = header_index + 2 + np.arange(len(frame))
    options = {"format": "workbook", "encoding": None, "delimiter": None,
               "header_row": header_index + 1, "sheet": chosen}
    return RawTable(frame=frame, row_numbers=row_numbers, options=options, sheets=sheets)


def _detect_sheet(workbook, sheets: list[str], is_header: HeaderTest, limit: int | None,
                  name: str) -> tuple[str, list[list[Any]]]:
    """The first sheet whose top rows name all order columns (else the first), and its rows."""
    for candidate in sheets:
        data = _sheet(workbook, candidate, name)
        if any(is_header(row) == 2 for row in _rows(data, HEADER_SEARCH_ROWS, name)):
            return candidate, _rows(data, limit, name)
    return sheets[0], _rows(_sheet(workbook, sheets[0], name), limit, name)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Empty cells (calamine gives ``""``) become missing; columns get their natural dtype."""
    out = {}
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            values = values.where(values != "")
        out[column] = values
    return pd.DataFrame(out).infer_objects()


def _line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
