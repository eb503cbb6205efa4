"""Hostile and broken order files: one line ``error: ...``, non-zero exit, fast, file untouched."""

from __future__ import annotations

import hashlib
import io
import os
import sys
import time
import zipfile

import openpyxl
import pytest

from clvdesk.cli import main
from clvdesk.core.errors import InputError
from clvdesk.core.io.readers import read_orders

GOOD_CSV = "klant;datum;bedrag\nA;03-01-2024;12,50\nB;04-01-2024;7,00\n"

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n'
              for i in range(1, 10))
    + ']>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
      'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
)
XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t>'
    "</si></sst>"
)


def workbook_bytes() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["klant", "datum", "bedrag"])
    ws.append(["A", "03-01-2024", 12.5])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def replace_part(data: bytes, part: str, text: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info.filename, source.read(info))
        target.writestr(part, text.encode())
    return out.getvalue()


def far_cell_workbook() -> bytes:
    """Two real rows and one cell at XFD1048576: calamine would allocate 17 billion cells."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["klant", "datum", "bedrag"])
    ws.append(["A", "03-01-2024", 12.5])
    ws["XFD1048576"] = "x"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        source = zipfile.ZipFile(io.BytesIO(workbook_bytes()))
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr("xl/media/image1.bin", b"\0" * (64 * 1024 * 1024))
    return out.getvalue()


def hostile_files() -> dict[str, tuple[str, bytes, str]]:
    """name -> (file name, content, expected words in the message)."""
    good_xlsx = workbook_bytes()
    rng = __import__("random").Random(4)
    return {
        "empty": ("orders.csv", b"", "is empty"),
        "whitespace": ("orders.csv", b"  \n\n \r\n", "is empty"),
        "random bytes csv": ("orders.csv", bytes(rng.randrange(256) for _ in range(20000)),
                             "binary"),
        "random bytes xlsx": ("orders.xlsx", bytes(rng.randrange(256) for _ in range(20000)),
                              "not an Excel workbook"),
        "header only": ("orders.csv", b"klant;datum;bedrag\n", "no order rows"),
        "text in amount": ("orders.csv",
                           b"klant;datum;bedrag\nA;03-01-2024;veel\nB;04-01-2024;weinig\n",
                           "2 amount cannot be read in column 'bedrag' (e.g. 'veel')"),
        "no date column": ("orders.csv", b"klant;bedrag\nA;12\n",
                           "no date (e.g. orderdatum) column found; columns are: klant, bedrag"),
        "entity bomb xlsx": ("orders.xlsx",
                             replace_part(good_xlsx, "xl/sharedStrings.xml", BILLION_LAUGHS),
                             "DOCTYPE or entity declaration in xl/sharedStrings.xml"),
        "external entity xlsx": ("orders.xlsx",
                                 replace_part(good_xlsx, "xl/sharedStrings.xml", XXE),
                                 "XML bomb"),
        "truncated xlsx": ("orders.xlsx", good_xlsx[: len(good_xlsx) // 2],
                           "damaged or incomplete"),
        "corrupted xlsx part": ("orders.xlsx",
                                replace_part(good_xlsx, "xl/workbook.xml", "<workbook"),
                                "is damaged"),
        "zip bomb": ("orders.xlsx", zip_bomb(), "zip bomb"),
        "html named xls": ("orders.xls", b"<html><body><table><tr><td>klant</td></tr></table>",
                           "is an HTML or XML page"),
        "xlsb": ("orders.xlsb", replace_part(good_xlsx, "xl/worksheets/sheet1.bin", "\0\1"),
                 "binary workbook (.xlsb)"),
        "far-away cell xlsx": ("orders.xlsx", far_cell_workbook(),
                               "a sheet spans 1048576 rows x 16384 columns"),
        "unterminated quote": ("orders.csv", b'klant;datum;bedrag\n"A;03-01-2024;1\n' + b"x" * 10**6,
                               "could not be read as a table"),
        "single column": ("orders.csv", b"klant\nA\nB\n", "column separator"),
        "parquet garbage": ("orders.parquet", b"PAR1" + b"\1" * 1000 + b"PAR1",
                            "could not be read as Parquet"),
        "utf-16 garbage": ("orders.txt", b"\xff\xfe" + b"\x00\xd8" * 50, "not valid utf-16"),
    }


CASES = hostile_files()


def run_cli(args: list[str], capsys) -> tuple[int, str, str, float]:
    start = time.perf_counter()
    code = main(args)
    elapsed = time.perf_counter() - start
    captured = capsys.readouterr()
    return code, captured.out, captured.err, elapsed


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_gives_one_error_line(case, tmp_path, capsys):
    name, content, words = CASES[case]
    path = tmp_path / name
    path.write_bytes(content)
    os.chmod(path, 0o444)
    digest = hashlib.sha256(content).hexdigest()
    mtime = path.stat().st_mtime_ns
    with OpenWatch(path) as watch:
        code, out, err, elapsed = run_cli(["quality", str(path)], capsys)
    assert code == 2, err
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "internal error" not in err and "Traceback" not in err
    assert words in err
    assert elapsed < 10
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert path.stat().st_mtime_ns == mtime
    assert all(not set(mode) & set("wax+") for mode in watch.modes)


def test_missing_file_and_folder(tmp_path, capsys):
    code, _, err, _ = run_cli(["quality", str(tmp_path / "nope.csv")], capsys)
    assert code == 2 and err.startswith("error: file not found:") and err.count("\n") == 1
    code, _, err, _ = run_cli(["quality", str(tmp_path)], capsys)
    assert code == 2 and "is a folder" in err


def test_good_file_is_opened_read_only_and_untouched(tmp_path, capsys):
    path = tmp_path / "orders.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    before = path.read_bytes()
    with OpenWatch(path) as watch:
        code, out, err, _ = run_cli(["quality", str(path)], capsys)
    assert code == 0, err
    assert "customers:    2" in out
    assert path.read_bytes() == before
    assert watch.modes and all(not set(mode) & set("wax+") for mode in watch.modes)


def test_bombs_are_refused_by_the_reader_itself(tmp_path):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(CASES["entity bomb xlsx"][1])
    with pytest.raises(InputError, match="XML bomb"):
        read_orders(path)
    sheet_bomb = replace_part(workbook_bytes(), "xl/worksheets/sheet1.xml",
                              BILLION_LAUGHS.replace("sst", "worksheet"))
    path.write_bytes(sheet_bomb)
    with pytest.raises(InputError, match="sheet1.xml"):
        read_orders(path)


class OpenWatch:
    """Record the modes ``path`` is opened with (Python's ``open`` audit event)."""

    _active: list[OpenWatch] = []
    _installed = False

    def __init__(self, path) -> None:
        self.path = os.path.realpath(path)
        self.modes: list[str] = []

    def __enter__(self) -> OpenWatch:
        if not OpenWatch._installed:
            sys.addaudithook(OpenWatch._hook)
            OpenWatch._installed = True
        OpenWatch._active.append(self)
        return self

    def __exit__(self, *exc) -> None:
        OpenWatch._active.remove(self)

    @staticmethod
    def _hook(event: str, args: tuple) -> None:
        if event != "open" or not OpenWatch._active:
            return
        target, mode = args[0], args[1]
        if not isinstance(target, str | bytes | os.PathLike):
            return
        try:
            real = os.path.realpath(os.fsdecode(target))
        except (TypeError, ValueError):
            return
        for watch in OpenWatch._active:
            if real == watch.path:
                watch.modes.append(mode if isinstance(mode, str) else "r")
