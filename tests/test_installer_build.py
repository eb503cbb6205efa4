"""Build the frozen desktop app with PyInstaller on this machine and run its self-test.

Slow (a minute or two on 2 cores): one build per session, shared by the tests below. Needs the
``installer`` extra (``pip install -e '.[installer]'``); without PyInstaller it skips locally and
fails in CI (``CLVDESK_REQUIRE_EXTERNAL=1``), where it must run.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_build_module():
    """installer/build.py, imported under a name that cannot clash with PyPA's ``build``."""
    spec = importlib.util.spec_from_file_location("clvdesk_installer_build", ROOT / "installer" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build_module()

pytestmark = pytest.mark.slow


def _require_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    reason = "needs PyInstaller: pip install -e '.[installer]'"
    if os.environ.get("CLVDESK_REQUIRE_EXTERNAL"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def built_app(tmp_path_factory) -> Path:
    _require_pyinstaller()
    out = tmp_path_factory.mktemp("frozen")
    started = time.perf_counter()
    app = build.build_app(out / "dist", out / "work")
    seconds = time.perf_counter() - started
    print(f"\nPyInstaller build: {seconds:.0f} s, {build.folder_size(app) / 1e6:.0f} MB")
    return app


def test_frozen_app_passes_its_selftest(built_app):
    result = subprocess.run(
        [str(built_app / build.executable_name()), "--selftest"],
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        capture_output=True, text=True, timeout=300, cwd=built_app.parent,
    )
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[-1] == "OK"
    steps = [line.split()[1] for line in lines[:-1]]
    assert steps == ["data", "summary", "parquet", "models", "clv", "window", "worker"]
    # The worker step ran the import and the analysis in spawned children of the frozen exe.
    assert "55,352 orders of 18,856 customers, BG/NBD r 0.243" in lines[-2]
    assert "Traceback" not in result.stderr


def test_frozen_app_runs_the_command_line(built_app):
    result = subprocess.run(
        [str(built_app / build.executable_name()), "--version"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"clvdesk {build.project_version()}"

    bad = subprocess.run(
        [str(built_app / build.executable_name()), "no-such-command"],
        capture_output=True, text=True, timeout=120,
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: ") and "Traceback" not in bad.stderr


def test_frozen_app_is_lean(built_app):
    internal = built_app / "_internal"
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    for unwanted in ("tkinter", "xlwings", "excel_addin", "pytest", "hypothesis",
                     "pyarrow/include", "pyarrow/tests"):
        assert not any(n == unwanted or n.startswith(unwanted + "/") for n in names), unwanted
    assert not [n for n in names if "QtWebEngine" in n or "QtQuick" in n or "Qt3D" in n]
    assert not [n for n in names if "arrow_flight" in n or "arrow_s3" in n]
    translations = [n for n in names if n.startswith("PySide6/Qt/translations/")]
    assert sorted(Path(n).name for n in translations) == [
        "qt_en.qm", "qt_nl.qm", "qtbase_en.qm", "qtbase_nl.qm"]
    assert build.folder_size(built_app) < 600e6
