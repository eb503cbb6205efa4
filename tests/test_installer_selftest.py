"""The self-test the frozen app runs (clvdesk.selftest) and the frozen entry script's dispatch."""

from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clvdesk import selftest

ROOT = Path(__file__).resolve().parents[1]


def _entry_module():
    spec = importlib.util.spec_from_file_location(
        "clvdesk_frozen_entry", ROOT / "installer" / "clvdesk_entry.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fake_steps(*steps):
    return tuple(selftest.Step(name, needs, after, run) for name, needs, after, run in steps)


def test_selftest_runs_every_step_from_the_source_tree():
    result = subprocess.run(
        [sys.executable, "-m", "clvdesk.selftest"], capture_output=True, text=True,
        timeout=300, cwd=ROOT,
    )
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[-1] == "OK"
    assert [line.split()[1] for line in lines[:-1]] == [step.name for step in selftest.STEPS]
    assert all(line.startswith("ok ") for line in lines[:-1])


def test_a_failing_step_stops_the_run_with_one_line(monkeypatch):
    ran = []

    def good(ctx):
        ran.append("good")
        return "fine"

    def bad(ctx):
        raise ValueError("the numbers\nare off")

    monkeypatch.setattr(selftest, "STEPS", _fake_steps(
        ("one", (), (), good), ("two", (), (), bad), ("three", (), (), good),
    ))
    out = io.StringIO()
    assert selftest.run(out=out) == 1
    first, second = out.getvalue().splitlines()
    assert first.startswith("ok one (") and first.endswith("): fine")
    assert second == "FAILED two: ValueError: the numbers are off"
    assert ran == ["good"]


def test_a_missing_part_fails_unless_allowed(monkeypatch):
    monkeypatch.setattr(selftest, "STEPS", _fake_steps(
        ("fit", ("clvdesk.no_such_module",), (), lambda ctx: "x"),
        ("predict", (), ("fit",), lambda ctx: "uses fit"),
        ("other", (), (), lambda ctx: "independent"),
    ))
    out = io.StringIO()
    assert selftest.run(out=out) == 1
    assert out.getvalue() == "FAILED fit: clvdesk.no_such_module is not part of this build\n"

    out = io.StringIO()
    assert selftest.run(allow_missing=True, out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == "skipped fit: clvdesk.no_such_module is not part of this build"
    assert lines[1] == "skipped predict: uses the skipped step(s) fit"
    assert lines[2].startswith("ok other (") and lines[2].endswith("independent")
    assert lines[3] == "OK (skipped: fit, predict)"


def test_selftest_forces_the_offscreen_platform(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    seen = {}
    monkeypatch.setattr(selftest, "STEPS", _fake_steps(
        ("env", (), (), lambda ctx: seen.setdefault("qpa", __import__("os").environ["QT_QPA_PLATFORM"])),
    ))
    assert selftest.run(out=io.StringIO()) == 0
    assert seen["qpa"] == "offscreen"


def test_published_check_names_the_parameter():
    with pytest.raises(selftest.SelfTestFailure, match=r"BG/NBD r = 0.3, published 0.243"):
        selftest._check_published("BG/NBD", {"r": 0.3}, {"r": 0.243})
    selftest._check_published("BG/NBD", {"r": 0.2426}, {"r": 0.243})


def test_entry_dispatches_selftest_and_command_line(monkeypatch, capsys):
    entry = _entry_module()
    calls = []
    monkeypatch.setattr(selftest, "main", lambda argv: calls.append(list(argv)) or 7)
    assert entry.main(["--selftest", "--allow-missing"]) == 7
    assert calls == [["--allow-missing"]]

    with pytest.raises(SystemExit) as exit_info:
        entry.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("clvdesk ")
    assert entry.main(["no-such-command"]) == 2


def _wait_for_cancel(progress, cancel):
    while not cancel():
        time.sleep(0.01)
    return "too late"


def test_worker_job_that_never_answers_fails_with_a_clear_message(monkeypatch, qapp):
    monkeypatch.setattr(selftest, "WORKER_TIMEOUT", 0.3)
    started = time.perf_counter()
    with pytest.raises(selftest.SelfTestFailure,
                       match=r"the import job in a worker process gave no result within 0.3 s"):
        selftest._run_app_job(_wait_for_cancel, "import")
    assert time.perf_counter() - started < 10


def test_worker_job_failure_is_raised_to_the_step(qapp):
    from clvdesk.app import jobs
    from clvdesk.app.project import DataSource
    from clvdesk.app.workers import ProcessJob
    from clvdesk.core.errors import InputError

    with pytest.raises(InputError, match="no data file chosen"):
        selftest._run_app_job(ProcessJob(jobs.read_source, (DataSource(kind="file"),)), "import")
