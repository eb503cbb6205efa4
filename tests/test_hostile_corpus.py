"""The hostile corpus of issue 13, built at run time: one case (at least) per point.

Command cases run ``python -m clvdesk`` in a child process under an address-space limit
(``RLIMIT_AS``) and a time limit, as the corpus that found the holes did, and assert: the exit
code, exactly one ``error:`` line on stderr (or a clean success where the case must work), no
traceback, and every input file unchanged.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from clvdesk.app.project import load_project
from clvdesk.core.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
#: Address space a command may use (the corpus ran under 6 GB; a refusal needs far less).
MEMORY_LIMIT = 3 * 1024**3
#: Seconds a command may take (a refusal is immediate; the rest is Python's start-up).
TIME_LIMIT = 60


def run(args: list[str], *inputs: Path, cwd: Path, umask: int = 0o022,
        expect: int = 2, as_user: bool = False) -> subprocess.CompletedProcess:
    """Run ``clvdesk ARGS`` under the limits; check exit code, stderr shape, inputs unchanged."""
    before = {path: _digest(path) for path in inputs}
    code = textwrap.dedent(f"""
        import os, resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT}))
        os.umask({umask})
        from clvdesk.cli import build_parser, main
        if {as_user} and os.geteuid() == 0:  # root reads any file: be an ordinary user
            build_parser()  # import what the command needs while the libraries are readable
            import clvdesk.core.io.readers, clvdesk.core.io.csv_reader, clvdesk.core.pipeline
            os.setgid(65534)
            os.setuid(65534)
        sys.exit(main(sys.argv[1:]))
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT), CLVDESK_DEBUG="")
    env.pop("CLVDESK_DEBUG")
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=TIME_LIMIT)
    assert time.monotonic() - start < TIME_LIMIT
    assert done.returncode == expect, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr + done.stdout
    if expect == 2:
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
        assert "internal error" not in done.stderr
    for path, digest in before.items():
        assert _digest(path) == digest, f"{path.name} was modified"
    return done


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- builders
def workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Orders"
    ws.append(["klant", "datum", "bedrag"])
    ws.append(["A", "03-01-2024", 12.5])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def patched(data: bytes, sheet_xml, move_to: str | None = None) -> bytes:
    """``data`` with its sheet XML changed by ``sheet_xml(text)``, optionally stored elsewhere."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            name = info.filename
            if name == "xl/worksheets/sheet1.xml":
                content = sheet_xml(content.decode()).encode()
                name = move_to or name
            elif move_to and name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
                content = content.replace(b"worksheets/sheet1.xml",
                                          move_to.removeprefix("xl/").encode())
            target.writestr(name, content)
    return out.getvalue()


def far_cell(ref_attrs: str, row_attrs: str) -> callable:
    cell = f"<row {row_attrs}><c {ref_attrs} t=\"inlineStr\"><is><t>x</t></is></c></row>"
    return lambda text: text.replace("</sheetData>", cell + "</sheetData>")


def ods(rows_xml: str) -> bytes:
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')

    def cell(value: str) -> str:
        return (f'<table:table-cell office:value-type="string"><text:p>{value}</text:p>'
                "</table:table-cell>")

    header = "<table:table-row>" + "".join(cell(v) for v in ("klant", "datum", "bedrag")) + \
        "</table:table-row>"
    row = "<table:table-row>" + "".join(cell(v) for v in ("A", "03-01-2024", "12")) + \
        "</table:table-row>"
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
               'office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="Orders">{header}{row}{rows_xml}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        target.writestr("content.xml", content)
        target.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>"))
    return out.getvalue()


def orders_csv(path: Path, extra: str = "", customers: int = 60) -> Path:
    """A small order file with repeat buyers (enough to fit BG/NBD), plus ``extra`` lines."""
    import datetime as dt
    import random

    rng = random.Random(13)
    lines = ["klant;datum;bedrag"]
    for number in range(customers):
        first = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(200))
        days = sorted({0, *(rng.randrange(1, 360) for _ in range(rng.choice((0, 0, 1, 2, 5))))})
        for offset in days:
            day = first + dt.timedelta(days=offset)
            lines.append(f"K{number};{day:%d-%m-%Y};{rng.randrange(5, 90)},50")
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


# ---------------------------------------------------------------- 1. workbook extent
EXTENT_CASES = {
    "single quotes": ("x.xlsx", lambda: patched(workbook(), far_cell(
        "r='XFD1048576'", "r='1048576'"))),
    "spaces": ("x.xlsx", lambda: patched(workbook(), far_cell(
        'r = "XFD1048576"', 'r = "1048576"'))),
    "four letters": ("x.xlsx", lambda: patched(workbook(), far_cell(
        'r="AAAA1048576"', 'r="1048576"'))),
    "a billion rows": ("x.xlsx", lambda: patched(workbook(), far_cell(
        'r="A1000000000"', 'r="1000000000"'))),
    "sheet outside xl/worksheets": ("x.xlsx", lambda: patched(workbook(), far_cell(
        "r='XFD1048576'", ""), move_to="xl/data/orders.xml")),
    "prefixed namespace": ("x.xlsx", lambda: patched(workbook(), lambda text: text.replace(
        "<worksheet ", "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/"
        "spreadsheetml/2006/main\" ").replace("</worksheet>", "</x:worksheet>").replace(
        "</sheetData>", '<x:row r="1048576"><x:c r="XFD1048576"/></x:row></sheetData>'))),
    "ods repeated cells": ("x.ods", lambda: ods(
        '<table:table-row table:number-rows-repeated="16000"><table:table-cell '
        'office:value-type="float" office:value="1" table:number-columns-repeated="16000">'
        "<text:p>1</text:p></table:table-cell></table:table-row>")),
}


@pytest.mark.parametrize("case", list(EXTENT_CASES))
def test_workbook_extent_is_measured_by_a_parser(case, tmp_path):
    name, build = EXTENT_CASES[case]
    path = tmp_path / name
    path.write_bytes(build())
    done = run(["quality", str(path)], path, cwd=tmp_path)
    assert "a sheet spans" in done.stderr and "refused" in done.stderr


def test_empty_repeated_ods_rows_cost_nothing_and_are_read(tmp_path):
    """LibreOffice's formatting to the sheet's end (empty repeated rows) is no bomb."""
    path = tmp_path / "x.ods"
    path.write_bytes(ods('<table:table-row table:number-rows-repeated="1048570">'
                         '<table:table-cell table:number-columns-repeated="1024"/>'
                         "</table:table-row>"))
    done = run(["quality", str(path), "--json"], path, cwd=tmp_path, expect=0)
    assert json.loads(done.stdout)["rows"] == 1


# ---------------------------------------------------------------- 2. output is an input
def test_no_command_writes_over_its_input(tmp_path):
    orders = orders_csv(tmp_path / "o.csv")
    (tmp_path / "link.csv").symlink_to(orders)
    os.link(orders, tmp_path / "hard.csv")
    scenarios = tmp_path / "s.json"
    scenarios.write_text(json.dumps([{"name": "a", "aov": 10, "frequency": 2, "lifespan": 3}]))
    (tmp_path / "s.csv").symlink_to(scenarios)
    for argv in (["predict", "bgnbd", "o.csv", "-o", "o.csv"],
                 ["predict", "bgnbd", "o.csv", "-o", "link.csv"],
                 ["predict", "bgnbd", "o.csv", "-o", "./sub/../hard.csv"],
                 ["summarize", "link.csv", "-o", "o.csv"],
                 ["segments", "o.csv", "-o", "hard.csv"],
                 ["cohorts", "o.csv", "-o", str(orders)],
                 ["scenarios", "s.json", "-o", "s.csv"]):
        (tmp_path / "sub").mkdir(exist_ok=True)
        done = run(argv, orders, scenarios, cwd=tmp_path)
        assert "is the input file" in done.stderr, argv


def test_the_app_export_uses_the_same_check(tmp_path):
    from clvdesk.app.project import DataSource, Project, save_project

    orders = orders_csv(tmp_path / "o.csv")
    with pytest.raises(InputError, match="is the input file"):
        save_project(Project(source=DataSource(kind="file", path=str(orders))), orders)


# ---------------------------------------------------------------- 3. control characters
def test_control_characters_are_escaped_written_and_counted(tmp_path):
    orders = orders_csv(tmp_path / "o.csv", extra="K\x1b[2J;03-01-2024;5,00\n"
                                                  "K\x1b[2J;03-03-2024;6,00\n")
    done = run(["quality", "o.csv"], orders, cwd=tmp_path, expect=0)
    assert "\x1b" not in done.stdout
    assert "control_characters: 2" in done.stdout and "K\\x1b[2J" in done.stdout
    run(["summarize", "o.csv", "-o", "s.xlsx"], orders, cwd=tmp_path, expect=0)
    ids = [c.value for c in openpyxl.load_workbook(tmp_path / "s.xlsx").active["A"]]
    assert "K_x001B_[2J" in ids
    from clvdesk.core.datasets import load_cdnow

    cdnow = load_cdnow(sample=True)[["customer_id", "date", "amount"]]
    cdnow.loc[cdnow.index[:3], "customer_id"] = "C\x1b[2J"
    cdnow.to_csv(tmp_path / "cdnow.csv", index=False)
    run(["predict", "bgnbd", "cdnow.csv", "-o", "r.xlsx", "--draws", "0"], tmp_path / "cdnow.csv",
        cwd=tmp_path, expect=0)
    customers = openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)
    assert any("C_x001B_[2J" in str(row[0]) for sheet in customers.worksheets
               for row in sheet.iter_rows(values_only=True) if row and row[0])
    done = run(["quality", "o.csv", "--customer-col", "k\x1bx"], orders, cwd=tmp_path)
    assert "\x1b" not in done.stderr and "\\x1b" in done.stderr


# ---------------------------------------------------------------- 4. clear errors
ERROR_CASES = {
    "end year 0": (["summarize", "o.csv", "--end", "0000-01-01"], "years 1900-2200"),
    "today year 0": (["quality", "o.csv", "--today", "0000-01-01"], "years 1900-2200"),
    "rot13": (["quality", "o.csv", "--encoding", "rot13"], "not a text encoding"),
    "unknown encoding": (["quality", "o.csv", "--encoding", "klingon"], "unknown encoding"),
    "draws": (["predict", "bgnbd", "o.csv", "-o", "p.csv", "--draws", "100000000"],
              "at most 10000"),
    "header row": (["quality", "o.csv", "--header-row", "1000000000"], "from 1 to 1048576"),
    "predict end year 0": (["predict", "bgnbd", "o.csv", "-o", "p.csv", "--end", "0000-01-01"],
                           "years 1900-2200"),
    "folder as input": (["predict", "bgnbd", ".", "-o", "p.csv"], ""),
}


@pytest.mark.parametrize("case", list(ERROR_CASES))
def test_each_case_is_one_clear_error_line(case, tmp_path):
    argv, words = ERROR_CASES[case]
    orders = orders_csv(tmp_path / "o.csv")
    done = run(argv, orders, cwd=tmp_path)
    assert words in done.stderr
    assert not (tmp_path / "p.csv").exists()


def test_unreadable_file_is_one_line(tmp_path):
    orders = orders_csv(tmp_path / "o.csv")
    orders.chmod(0)
    tmp_path.chmod(0o755)  # the folder open to the ordinary user, the file not
    done = run(["predict", "bgnbd", str(orders), "-o", str(tmp_path / "p.csv")], cwd=tmp_path,
               as_user=True)
    assert "permission" in done.stderr


def test_implausible_values_leave_their_rows_out_with_a_reason(tmp_path):
    orders = orders_csv(tmp_path / "o.csv", extra="X1;03-01-2024;1e308\nX2;03-01-2024;12,34,56\n"
                                                  "X3;0099-05-05;5\nX4;05-05-2201;5\n")
    done = run(["quality", "o.csv", "--json"], orders, cwd=tmp_path, expect=0)
    report = json.loads(done.stdout)
    kinds = {issue["kind"]: issue["count"] for issue in report["issues"]}
    assert kinds["amount_out_of_range"] == 1
    assert kinds["unparseable_amount"] == 1
    assert kinds["date_out_of_range"] == 2
    assert math.isfinite(report["total_amount"]) and report["total_amount"] < 1e6
    assert done.stderr == ""  # no numpy overflow warnings


def test_parquet_struct_column_and_repeated_headers_are_read(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"klant": ["A", "B"], "datum": ["2024-01-03", "2024-01-04"],
                      "bedrag": [1.5, 2.5], "extra": [{"a": 1}, {"a": 2}]})
    pq.write_table(table, tmp_path / "o.parquet")
    done = run(["quality", "o.parquet", "--json"], tmp_path / "o.parquet", cwd=tmp_path,
               expect=0)
    assert json.loads(done.stdout)["rows"] == 2
    repeated = tmp_path / "r.csv"
    repeated.write_text("klant,datum,amount,amount,amount.2\nA,2024-01-03,1,2,3\n")
    done = run(["quality", "r.csv", "--json"], repeated, cwd=tmp_path, expect=0)
    assert json.loads(done.stdout)["mapping"]["amount"] == "amount"


def test_udf_date_cells_with_nan_nat_or_nul_give_excel_errors():
    from excel_addin import udfs

    orders = [["customer_id", "date", "amount"], ["A", "2024-01-01", 1.0],
              ["A", "2024-02-01", 2.0]]
    for end in (math.nan, pd.NaT, "2024-01-\x0001", "0000-01-01"):
        result = udfs.CLV_SUMMARY(orders, end)
        assert isinstance(result, str) and result.startswith("#"), result
    bad = [["customer_id", "date", "amount"], ["A", "x" * 100_000, 1.0]]
    assert len(udfs.CLV_SUMMARY(bad)) < 300


# ---------------------------------------------------------------- 5. project files
def _project(tmp_path: Path, change) -> Path:
    data = {"format": "clvdesk-project", "version": 1, "source": {"kind": "none"},
            "assumptions": {}, "scenarios": []}
    change(data)
    path = tmp_path / "p.clvproj"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


PROJECT_CASES = {
    "horizon text": (lambda d: d["assumptions"].update(horizon="abc"), "assumptions.horizon"),
    "end object": (lambda d: d["assumptions"].update(end={}), "assumptions.end"),
    "cac list": (lambda d: d["assumptions"].update(cac_by_segment=[1]),
                 "assumptions.cac_by_segment"),
    "segment dict": (lambda d: d["assumptions"].update(segment_col={"a": 1}),
                     "assumptions.segment_col"),
    "margin 55": (lambda d: d["assumptions"].update(margin=55), "assumptions.margin"),
    "scenario aov text": (lambda d: d["scenarios"].append({"name": "x", "aov": "abc"}),
                          "scenarios[1].aov"),
    "NUL in path": (lambda d: d["source"].update(kind="file", path="a\0b.csv"), "source.path"),
    "unknown reader option": (lambda d: d["source"].update(kind="file", path="a.csv",
                                                           options={"engine": "python"}),
                              "source.options.engine"),
}


@pytest.mark.parametrize("case", list(PROJECT_CASES))
def test_bad_project_names_the_field(case, tmp_path):
    change, field = PROJECT_CASES[case]
    with pytest.raises(InputError, match=field.replace("[", r"\[").replace("]", r"\]")):
        load_project(_project(tmp_path, change))


def test_deep_fifo_and_device_projects_are_refused_without_blocking(tmp_path):
    deep = tmp_path / "deep.clvproj"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    fifo = tmp_path / "fifo.clvproj"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.clvproj"
    zero.symlink_to("/dev/zero")
    messages = {}

    def load(path: Path) -> None:
        try:
            load_project(path)
        except InputError as exc:
            messages[path.name] = str(exc)

    for path in (deep, fifo, zero):
        worker = threading.Thread(target=load, args=(path,), daemon=True)
        worker.start()
        worker.join(timeout=10)
        assert not worker.is_alive(), f"{path.name} blocked"
    assert "nested" in messages["deep.clvproj"]
    assert "not a regular file" in messages["fifo.clvproj"]
    assert "not a regular file" in messages["zero.clvproj"]


def test_bad_project_in_the_app_is_a_dialog_and_the_window_stays(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    before = window.session.project
    path = _project(tmp_path, lambda d: d["assumptions"].update(horizon="abc"))
    assert window.open_project(path) is False
    message = window.reporter.last
    assert not message.is_bug and "assumptions.horizon" in message.what
    assert window.session.project is before
    assert window.isEnabled() and window.save_to(tmp_path / "kept.clvproj")  # still usable


def _window(qtbot, tmp_path: Path):
    from PySide6.QtCore import QSettings

    from clvdesk.app.application import create_window

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window("en", recovery_dir=tmp_path / "recovery", settings=settings)
    window.reporter.show_dialogs = False
    qtbot.addWidget(window)
    return window


# ---------------------------------------------------------------- 6. outputs
@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_output_modes_follow_the_umask(tmp_path, umask, mode):
    orders = orders_csv(tmp_path / "o.csv")
    run(["summarize", "o.csv", "-o", "s.csv"], orders, cwd=tmp_path, umask=umask, expect=0)
    assert (tmp_path / "s.csv").stat().st_mode & 0o777 == mode


def test_replacing_a_file_keeps_its_mode(tmp_path):
    orders = orders_csv(tmp_path / "o.csv")
    target = tmp_path / "s.csv"
    target.write_text("old")
    target.chmod(0o640)
    run(["summarize", "o.csv", "-o", "s.csv"], orders, cwd=tmp_path, expect=0)
    assert target.stat().st_mode & 0o777 == 0o640 and target.read_text() != "old"


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT", "error"])
def test_temp_files_are_removed_on_signals_and_errors(tmp_path, how):
    code = textwrap.dedent(f"""
        import sys, time
        from clvdesk.core.io.atomic import write_atomic
        def slow(path):
            path.write_text("half")
            print("writing", flush=True)
            if {how!r} == "error":
                raise OSError("disk full")
            time.sleep(30)
        try:
            write_atomic({str(tmp_path / 'out.csv')!r}, slow)
        except (KeyboardInterrupt, OSError):
            sys.exit(3)
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert child.stdout.readline().strip() == "writing"
    if how != "error":
        child.send_signal(getattr(signal, how))
    child.wait(timeout=20)
    assert child.returncode in (3, -signal.SIGTERM)
    assert list(tmp_path.iterdir()) == []


def test_leftovers_of_a_killed_writer_are_removed_by_the_next_write(tmp_path):
    from clvdesk.core.io.atomic import write_text_atomic

    sleeper = subprocess.Popen([sys.executable, "-c", "pass"])
    sleeper.wait()  # a process id that no longer runs
    stale = tmp_path / f".out.{sleeper.pid}.abc123.csv.tmp.csv"
    stale.write_text("half")
    write_text_atomic(tmp_path / "out.csv", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_ids_over_the_excel_cell_limit_are_left_out_everywhere_and_counted(tmp_path):
    long_id = "L" * 40_000
    orders = orders_csv(tmp_path / "o.csv", extra=f"{long_id};03-01-2024;5,00\n")
    done = run(["quality", "o.csv", "--json"], orders, cwd=tmp_path, expect=0)
    kinds = {issue["kind"]: issue for issue in json.loads(done.stdout)["issues"]}
    assert kinds["customer_id_too_long"]["count"] == 1
    assert all(len(e) < 200 for e in kinds["customer_id_too_long"]["examples"])
    for out in ("s.csv", "s.xlsx"):
        run(["summarize", "o.csv", "-o", out], orders, cwd=tmp_path, expect=0)
    assert long_id not in (tmp_path / "s.csv").read_text()
    ids = [c.value for c in openpyxl.load_workbook(tmp_path / "s.xlsx").active["A"]]
    assert len(ids) == 61 and max(map(len, ids)) < 100


def test_error_text_quotes_at_most_about_100_characters(tmp_path):
    orders = orders_csv(tmp_path / "o.csv")
    done = run(["quality", "o.csv", "--customer-col", "x" * 100_000], orders, cwd=tmp_path)
    assert len(done.stderr) < 400


# ---------------------------------------------------------------- 7. a reader that dies
def test_a_reader_that_dies_is_a_file_message_not_a_bug(qtbot, tmp_path, monkeypatch):
    from clvdesk.app.project import DataSource
    from clvdesk.app.workers import WorkerDied

    window = _window(qtbot, tmp_path)

    def dies(job, *, name="", on_failed=None, **_):
        on_failed(WorkerDied("the calculation stopped unexpectedly (exit code -6)", -6))

    monkeypatch.setattr(window.runner, "start", dies)
    window.load_source(DataSource(kind="file", path=str(tmp_path / "big.xlsx")))
    message = window.reporter.last
    assert not message.is_bug
    assert "big.xlsx could not be read" in message.what and "save it again" in message.what
