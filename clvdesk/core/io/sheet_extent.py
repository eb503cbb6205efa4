"""How many cells a workbook's sheets span, measured by a streaming XML parse before calamine reads.

calamine allocates a sheet's whole used rectangle (first to last cell), so one cell at
``XFD1048576`` or a 15 KB .ods whose cells repeat 16,000 times asks for tens of GB and aborts
the process. :func:`check_extent` refuses such a workbook with one :class:`InputError` line.

The parts measured are the ones calamine reads, found as it finds them:

* **xlsx/xlsm**: the worksheets the workbook's relationships name (``_rels/.rels`` ->
  the workbook part -> its ``.rels``, relationship type ``.../worksheet``), plus every part
  ``[Content_Types].xml`` declares a worksheet and every ``xl/worksheets/*.xml``, wherever they
  are stored. Each is parsed by expat element by element (no DTD, no entities: see :func:`_parse`);
  ``<dimension ref>``, ``<row r>`` and ``<c r>`` count in any quoting, spacing or namespace
  prefix, and a row or cell without ``r`` takes the next position, as calamine does. A cell
  reference that is no A1 reference (``AAAA1``, ``A0``) is refused as damaged.
* **ods**: ``content.xml``; ``table:number-rows-repeated`` and ``table:number-columns-repeated``
  are multiplied out. Repeated *empty* rows and trailing empty cells (which LibreOffice writes
  for formatting to the sheet's end) cost calamine nothing and are not counted.

Measuring streams each part once and keeps no tree: memory stays flat whatever the part's size.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterable
from xml.parsers import expat

from clvdesk.core.errors import InputError

#: Most cells a sheet's used range may span (calamine allocates the whole rectangle).
MAX_CELLS = 30_000_000
_CHUNK = 1024 * 1024
_REF = re.compile(r"\$?([A-Za-z]{1,10})\$?([0-9]{1,15})")
#: Relationship types of sheet parts (macro and dialog sheets hold cells too).
_WORKSHEET_REL = ("/worksheet", "/xlMacrosheet", "/xlIntlMacrosheet", "/dialogsheet")
_WORKSHEET_TYPES = ("sheet.main+xml", "worksheet+xml", "sheet.macroEnabled.main+xml",
                    "template.main+xml", "macrosheet+xml", "dialogsheet+xml")
_OFFICE_DOCUMENT_REL = "/officeDocument"


class _Refused(Exception):
    """Raised inside the XML callbacks to stop at the first sign of a too-large sheet."""


def check_extent(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a workbook (xlsx or ods) with a sheet spanning over :data:`MAX_CELLS` cells."""
    names = set(archive.namelist())
    if "content.xml" in names and "xl/workbook.xml" not in names:
        parts: Iterable[str] = ["content.xml"]
        measure = _OdsExtent
    else:
        parts = sorted(worksheet_parts(archive, name))
        measure = _XlsxExtent
    for part in parts:
        target = measure()
        _parse(archive, part, target, name)
        target.finish()
        rows, columns = target.extent()
        if rows * columns > MAX_CELLS:
            raise InputError(
                code="sheet_too_large", file=name, rows=rows, columns=columns,
                limit=MAX_CELLS)


def worksheet_parts(archive: zipfile.ZipFile, name: str) -> set[str]:
    """Names of the zip members that hold worksheets (module doc), as stored in the zip."""
    stored = {member.lower(): member for member in archive.namelist()}
    found: set[str] = set()
    for member in stored.values():
        if re.fullmatch(r"xl/worksheets/[^/]+\.xml", member, flags=re.IGNORECASE):
            found.add(member)
    types = _small_xml(archive, stored, "[content_types].xml", name)
    for tag, attrib in types:
        if tag == "Override" and attrib.get("ContentType", "").endswith(_WORKSHEET_TYPES):
            _add(found, stored, attrib.get("PartName", ""), "")
    workbooks = {"xl/workbook.xml"}
    for tag, attrib in _small_xml(archive, stored, "_rels/.rels", name):
        if tag == "Relationship" and attrib.get("Type", "").endswith(_OFFICE_DOCUMENT_REL):
            workbooks.add(_join("", attrib.get("Target", "")))
    for workbook in workbooks:
        folder, base = posixpath.split(workbook)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        for tag, attrib in _small_xml(archive, stored, rels.lower(), name):
            if tag == "Relationship" and attrib.get("Type", "").endswith(_WORKSHEET_REL) \
                    and attrib.get("TargetMode", "") != "External":
                _add(found, stored, attrib.get("Target", ""), folder)
    return found


def _join(folder: str, target: str) -> str:
    target = target.replace("\\", "/")
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path).lstrip("/")


def _add(found: set[str], stored: dict[str, str], target: str, folder: str) -> None:
    member = stored.get(_join(folder, target).lower())
    if member is not None:
        found.add(member)


class _Collect:
    """XML target keeping (local tag, attributes) of every element (for small parts only)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, dict[str, str]]] = []

    def start(self, tag: str, attrib: dict) -> None:
        if len(self.items) > 100_000:
            raise _Refused
        self.items.append((_local(tag), _unprefixed(attrib)))

    def close(self) -> None:
        return None


def _small_xml(archive: zipfile.ZipFile, stored: dict[str, str], lower_name: str,
               name: str) -> list[tuple[str, dict[str, str]]]:
    member = stored.get(lower_name)
    if member is None:
        return []
    target = _Collect()
    _parse(archive, member, target, name)
    return target.items


def _parse(archive: zipfile.ZipFile, member: str, target, name: str) -> None:
    """Stream ``member`` through expat, calling ``target.start(tag, attrib)`` (and ``end``).

    Tags and attribute names arrive as written (``x:row``): targets strip prefixes
    (:func:`_local`, :func:`_unprefixed`). A DOCTYPE, an entity
    declaration or an external reference is refused (what defusedxml forbids), so no entity
    expansion can happen; expat itself is used directly because the pure-Python parser behind
    defusedxml's target interface is ten times slower on a million-row sheet.
    """
    parser = expat.ParserCreate()
    parser.buffer_text = True

    def forbidden(*_args) -> None:
        raise _Forbidden

    parser.StartElementHandler = target.start
    if hasattr(target, "end"):
        parser.EndElementHandler = target.end
    parser.StartDoctypeDeclHandler = forbidden
    parser.EntityDeclHandler = forbidden
    parser.UnparsedEntityDeclHandler = forbidden
    parser.ExternalEntityRefHandler = forbidden
    try:
        with archive.open(member, "r") as part:
            while chunk := part.read(_CHUNK):
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Refused:
        if isinstance(target, _Collect):
            raise InputError(code="workbook_damaged", file=name, part=member) from None
        return  # the target knows its extent already
    except _Forbidden:
        raise InputError(
            code="xml_bomb", file=name, part=member) from None
    except expat.ExpatError:
        raise InputError(code="workbook_damaged", file=name, part=member) from None
    except _BadReference:
        raise InputError(code="workbook_damaged", file=name,
                         part=member) from None


class _Forbidden(Exception):
    pass


class _BadReference(Exception):
    pass


def _unprefixed(attrib: dict) -> dict:
    """``attrib`` with namespace prefixes dropped from the names (``x:r`` -> ``r``)."""
    return {_local(key): value for key, value in attrib.items()}


def _local(tag: str) -> str:
    return tag.rpartition(":")[2]


def _cell_ref(text: str) -> tuple[int, int]:
    """``"XFD1048576"`` -> (row 1048576, column 16384); no A1 reference -> _BadReference."""
    match = _REF.fullmatch(text.strip())
    if match is None or int(match.group(2)) < 1:
        raise _BadReference(text)
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + ord(letter) - 64
    return int(match.group(2)), column


class _XlsxExtent:
    """Largest row and column of a worksheet's ``<dimension>``, ``<row>`` and ``<c>``.

    ``start`` runs for every element of a sheet (millions): it is kept flat, and column
    letters are converted once per distinct prefix.
    """

    def __init__(self) -> None:
        self.rows = 0
        self.columns = 0
        self._row = 0
        self._column = 0
        self._letters: dict[str, int] = {}

    def start(self, tag: str, attrib: dict) -> None:
        if tag == "v":
            return
        if ":" in tag:
            tag = _local(tag)
        if "r" not in attrib and attrib:
            attrib = _unprefixed(attrib)
        if tag == "c":
            ref = attrib.get("r")
            if ref is None:
                self._column += 1
            else:
                letters = ref.rstrip("0123456789")
                column = self._letters.get(letters)
                digits = ref[len(letters):]
                if column is None or not digits or len(digits) > 15:
                    row, column = _cell_ref(ref)
                    if letters.isalpha() and len(self._letters) < 100_000:
                        self._letters[letters] = column
                else:
                    row = int(digits)
                self._column = column
                if row > self.rows:
                    self.rows = row
            if self._column > self.columns:
                self.columns = self._column
            else:
                return
        elif tag == "row":
            ref = attrib.get("r")
            if ref is None:
                self._row += 1
            else:
                text = ref.strip()
                if not text.isdigit() or len(text) > 15 or int(text) < 1:
                    raise _BadReference(ref)
                self._row = int(text)
            self._column = 0
            if self._row > self.rows:
                self.rows = self._row
            else:
                return
        elif tag == "dimension":
            attrib = _unprefixed(attrib)
            for part in attrib.get("ref", "").split(":"):
                if part.strip():
                    row, column = _cell_ref(part)
                    self.rows, self.columns = max(self.rows, row), max(self.columns, column)
        else:
            return
        if max(self.rows, 1) * max(self.columns, 1) > MAX_CELLS:
            raise _Refused

    def finish(self) -> None:
        return None

    def extent(self) -> tuple[int, int]:
        return max(self.rows, 1), max(self.columns, 1)

    def close(self) -> None:
        return None


class _OdsExtent:
    """Rows x columns of the largest table of an ODS ``content.xml``, repeats multiplied out."""

    _TABLE, _ROW = "table", "table-row"
    _CELLS = ("table-cell", "covered-table-cell")

    def __init__(self) -> None:
        self.best = (0, 0)
        self._rows = self._columns = 0  # extent of the current table
        self._row_pos = 0
        self._row_repeat = 1
        self._row_filled = False
        self._col_pos = 0
        self._cell_repeat = 0
        self._cell_filled = False
        self._depth_in_cell = 0

    def start(self, tag: str, attrib: dict) -> None:
        local = _local(tag)
        attrib = _unprefixed(attrib)
        if self._depth_in_cell:
            self._depth_in_cell += 1
            self._cell_filled = True
            return
        if local in self._CELLS:
            self._cell_repeat = _repeat(attrib, "number-columns-repeated")
            self._cell_filled = "value-type" in attrib
            self._depth_in_cell = 1
        elif local == self._ROW:
            self._row_repeat = _repeat(attrib, "number-rows-repeated")
            self._row_filled = False
            self._col_pos = 0
        elif local == self._TABLE:
            self._rows = self._columns = self._row_pos = 0

    def end(self, tag: str) -> None:
        if self._depth_in_cell > 1:
            self._depth_in_cell -= 1
            return
        local = _local(tag)
        if self._depth_in_cell == 1 and local in self._CELLS:
            self._depth_in_cell = 0
            self._col_pos += self._cell_repeat
            if self._cell_filled:
                self._row_filled = True
                self._columns = max(self._columns, self._col_pos)
                self._check()
        elif local == self._ROW:
            self._row_pos += self._row_repeat
            if self._row_filled:
                self._rows = self._row_pos
                self._check()
        elif local == self._TABLE:
            self._keep()

    def _keep(self) -> None:
        if self._rows * self._columns > self.best[0] * self.best[1]:
            self.best = (self._rows, self._columns)

    def _check(self) -> None:
        if self._rows * self._columns > MAX_CELLS:
            self._keep()
            raise _Refused

    def data(self, text: str) -> None:
        return None

    def finish(self) -> None:
        self._keep()

    def extent(self) -> tuple[int, int]:
        return max(self.best[0], 1), max(self.best[1], 1)

    def close(self) -> None:
        return None


def _repeat(attrib: dict, name: str) -> int:
    value = attrib.get(name)
    if value is None:
        return 1
    text = value.strip()
    if not text.isdigit() or len(text) > 12:
        raise _BadReference(value)
    return max(int(text), 1)
