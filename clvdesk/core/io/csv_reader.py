"""Read delimited text order files (CSV, TSV, TXT): encoding, separator and header row detected.

**Encoding** (:func:`detect_encoding`): a byte-order mark decides (UTF-8, UTF-16 LE/BE: Excel's
"Unicode text" is UTF-16LE with tabs); without one, NUL bytes in alternate positions mean UTF-16
without a mark; else UTF-8 if the bytes are valid UTF-8, else Windows-1252 (Excel's "CSV" on a
Western European Windows), else Latin-1.

**Separator**: Excel's hint line ``sep=;`` if the file starts with one, else
(:func:`sniff_delimiter`) of ``; , tab |`` the one that splits the first lines into the same
number (above one) of fields most consistently; ties go to more fields.

**Header row**: the first of the top lines whose cells name the customer, date and amount
columns (a title line above the header is skipped); see :func:`~clvdesk.core.io.raw.find_header_row`.

The parsing is pyarrow's multi-threaded CSV parser (every cell as text; a million rows in
about half a second). If a row does not have the header's number of fields (blank lines
included), the file is parsed again with pandas' C parser in chunks, which names the lines:
such rows are set aside with their line number (reported as dropped), never silently shifted.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from clvdesk.core.errors import InputError
from clvdesk.core.io.raw import (
    CancelCheck,
    HeaderTest,
    Progress,
    RawTable,
    check_cancel,
    find_header_row,
    header_names,
    report,
)

#: Separators tried, in order of preference on a tie.
DELIMITERS: tuple[str, ...] = (";", ",", "\t", "|")
#: Characters of the file's start used to detect the separator and header.
SAMPLE_CHARS = 64 * 1024
#: Bytes read from the file's start for a preview (the rest is not needed).
PREVIEW_BYTES = 1024 * 1024
#: Rows per parsing chunk (between chunks: progress and cancel).
CHUNK_ROWS = 250_000
_MARKUP = re.compile(r"\s*<(?:!doctype|html|\?xml|table|\?mso)", re.IGNORECASE)
#: Excel's separator hint on the first line of a CSV (``sep=;``).
_SEP_HINT = re.compile(r"sep=(.)")
_UNNAMED = re.compile(r"Unnamed: \d+")
_BAD_LINE = re.compile(r"line (\d+): expected (\d+) fields?, saw (\d+)")


def detect_encoding(data: bytes) -> str:
    """The text encoding of ``data`` (see module doc); BOM-carrying codecs consume the mark."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:4096]
    if len(head) >= 4:
        even_nul = head[0::2].count(0) / max(len(head[0::2]), 1)
        odd_nul = head[1::2].count(0) / max(len(head[1::2]), 1)
        if odd_nul > 0.3 and even_nul < 0.05:
            return "utf-16-le"
        if even_nul > 0.3 and odd_nul < 0.05:
            return "utf-16-be"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def decode(data: bytes, encoding: str | None, name: str) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding used). Binary content raises InputError."""
    if encoding is None:
        encoding = detect_encoding(data)
    else:
        from clvdesk.core.io.readers import check_encoding

        encoding = check_encoding(encoding)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(code="not_in_encoding", file=name, encoding=encoding,
                         byte=exc.start) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    sample = text[:SAMPLE_CHARS]
    control = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    if "\x00" in sample or control > max(3, len(sample) // 100):
        raise InputError(code="binary_file", file=name)
    if _MARKUP.match(sample):
        raise InputError(code="markup_page", file=name)
    return text, encoding


def sniff_delimiter(lines: list[str]) -> str:
    """The separator of the table in ``lines`` (see module doc)."""
    lines = [line for line in lines if line.strip()]
    best: tuple[float, int, int] | None = None
    choice = None
    for preference, delimiter in enumerate(DELIMITERS):
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        if not counts:
            continue
        width, hits = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        score = (hits / len(counts), width, -preference)
        if best is None or score > best:
            best, choice = score, delimiter
    if choice is None:
        raise InputError(code="no_separator")
    return choice


def read_text_table(path: Path, *, is_header: HeaderTest, encoding: str | None = None,
                    delimiter: str | None = None, header_row: int | None = None,
                    nrows: int | None = None, progress: Progress | None = None,
                    cancel: CancelCheck | None = None) -> RawTable:
    """Read a delimited text file into a :class:`RawTable` of strings (see module doc).

    ``header_row`` is the 1-based line of the header (None: detected); ``nrows`` limits the
    data rows read (for previews).
    """
    name = path.name
    with path.open("rb") as fh:
        data = fh.read() if nrows is None else fh.read(PREVIEW_BYTES)
    if nrows is not None and len(data) == PREVIEW_BYTES:
        data = _whole_lines(data)
    if not data.strip():
        raise InputError(code="file_empty", file=name)
    text, used_encoding = decode(data, encoding, name)
    if not text.strip():
        raise InputError(code="file_empty", file=name)
    sample_lines = text[:SAMPLE_CHARS].splitlines()[:200]
    hint = _SEP_HINT.fullmatch(sample_lines[0].strip()) if sample_lines else None
    if delimiter is None and hint:
        delimiter = hint.group(1)
    if delimiter is None:
        delimiter = sniff_delimiter(sample_lines[1:] if hint else sample_lines)
    elif delimiter in ("tab", "\\t"):
        delimiter = "\t"
    if len(delimiter) != 1 or delimiter in "\"\r\n":
        raise InputError(code="bad_separator", value=repr(delimiter))
    head_rows = list(csv.reader(sample_lines[:60], delimiter=delimiter))
    if header_row is None:
        header_index = find_header_row(head_rows, is_header)
    else:
        header_index = header_row - 1
        if header_index < 0:
            raise InputError(code="header_row_positive")
    report(progress, 0.05, "reading rows")
    check_cancel(cancel)
    if nrows is None and header_index < len(head_rows):
        fast = _read_with_arrow(data if used_encoding in ("utf-8", "utf-8-sig") else None,
                                text, delimiter, header_index, head_rows[header_index])
        if fast is not None:
            check_cancel(cancel)
            return _raw_table(fast, header_index, [], used_encoding, delimiter)
    bad_rows: list[tuple[int, str]] = []
    chunks: list[pd.DataFrame] = []
    total_lines = max(text.count("\n"), 1)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            reader = pd.read_csv(
                io.StringIO(text), sep=delimiter, header=0, skiprows=header_index, dtype=str,
                keep_default_na=False, na_values=[""], skip_blank_lines=False,
                on_bad_lines="warn", engine="c", quotechar='"', nrows=nrows,
                chunksize=CHUNK_ROWS, low_memory=False,
            )
            with reader:
                done = 0
                for chunk in reader:
                    check_cancel(cancel)
                    chunks.append(chunk)
                    done += len(chunk)
                    report(progress, 0.05 + 0.5 * min(done / total_lines, 1.0), "reading rows")
        for warning in caught:
            for line, expected, saw in _BAD_LINE.findall(str(warning.message)):
                bad_rows.append(
                    (int(line), f"{saw} fields where the header has {expected}")
                )
    except pd.errors.EmptyDataError:
        raise InputError(code="no_header_row", file=name) from None
    except (pd.errors.ParserError, csv.Error) as exc:
        raise InputError(code="table_unreadable", file=name, problem=_first_line(exc)) from None
    frame = pd.concat(chunks, ignore_index=True) if chunks else pd.DataFrame()
    frame.columns = header_names(
        ["" if _UNNAMED.fullmatch(str(c)) else c for c in frame.columns]
    )
    for column in frame.columns:
        if frame[column].dtype != "str":
            frame[column] = frame[column].astype("str")
    return _raw_table(frame, header_index, bad_rows, used_encoding, delimiter)


def _whole_lines(data: bytes) -> bytes:
    """``data`` up to its last line end (a cut-off start of a file, for previews)."""
    cut = data.rfind(b"\n")
    if cut <= 0:
        return data
    head = data[:cut + 1]
    sample = head[:4096]
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        sample.count(0) > len(sample) // 4)
    if utf16 and len(head) % 2:
        head = data[:cut + 2]
    return head


def _raw_table(frame: pd.DataFrame, header_index: int, bad_rows: list[tuple[int, str]],
               encoding: str, delimiter: str) -> RawTable:
    row_numbers = header_index + 2 + np.arange(len(frame))
    for line, _ in sorted(bad_rows):
        row_numbers[row_numbers >= line] += 1
    options = {"format": "text", "encoding": encoding, "delimiter": delimiter,
               "header_row": header_index + 1, "sheet": None}
    return RawTable(frame=frame, row_numbers=row_numbers, options=options, bad_rows=bad_rows)


def _read_with_arrow(data: bytes | None, text: str, delimiter: str, header_index: int,
                     header: list[str]) -> pd.DataFrame | None:
    """The fast path: pyarrow's multi-threaded CSV parser, every cell as text.

    Returns None (the caller then uses pandas' parser, which reports line numbers) when any
    row does not have the header's number of fields, blank lines included, or pyarrow fails.
    """
    try:  # the io extra; without it pandas' parser reads every file
        import pyarrow as pa
        from pyarrow import csv as pa_csv
    except ImportError:
        return None
    if data is None:
        data = text.encode("utf-8")
    elif data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    names = header_names(header)
    invalid: list[int] = []

    def on_invalid(row) -> str:
        invalid.append(1)
        return "skip"

    try:
        table = pa_csv.read_csv(
            pa.py_buffer(data),
            read_options=pa_csv.ReadOptions(skip_rows=header_index + 1, column_names=names,
                                            use_threads=True),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, quote_char='"',
                                              newlines_in_values=True, ignore_empty_lines=False,
                                              invalid_row_handler=on_invalid),
            convert_options=pa_csv.ConvertOptions(
                column_types={name: pa.string() for name in names}, strings_can_be_null=True,
                null_values=[""], quoted_strings_can_be_null=True),
        )
    except (pa.ArrowException, ValueError):
        return None
    if invalid:
        return None
    string = pd.StringDtype("pyarrow", na_value=np.nan)
    frame = table.to_pandas(types_mapper=lambda t: string if t == pa.string() else None)
    frame.columns = names
    return frame


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__
