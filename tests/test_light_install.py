"""The light core install (issue 12, point 2): ``pip install clvdesk`` without any extra.

A fresh virtual environment gets the package from this source tree with pip's ordinary
resolver (the configured index, no ``--no-deps``), so only the core dependencies of
``pyproject.toml`` arrive. There, ``clvdesk demo`` runs the whole analysis, the Excel functions
(``excel_addin.functions``, the one definition behind the classic and the Lite add-in) compute
as plain Python without xlwings, and features of an extra say which extra to install.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Packages of the extras: none may be installed by ``pip install clvdesk``.
OPTIONAL = ("PySide6", "matplotlib", "xlwings", "python_calamine", "defusedxml", "pyarrow",
            "openpyxl", "xlsxwriter", "pyspark")

pytestmark = pytest.mark.slow


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A new venv with ``pip install <this tree>``; its bin folder."""
    home = tmp_path_factory.mktemp("light")
    made = _run([sys.executable, "-m", "venv", str(home / "venv")])
    assert made.returncode == 0, made.stderr
    bin_dir = home / "venv" / ("Scripts" if os.name == "nt" else "bin")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    installed = _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(ROOT)],
                     env=env, cwd=home)
    if installed.returncode != 0:
        reason = f"pip could not install the package: {installed.stderr.strip()[-500:]}"
        if os.environ.get("CLVDESK_REQUIRE_EXTERNAL") or "No matching distribution" not in \
                installed.stderr:
            pytest.fail(reason)
        pytest.skip(reason + " (no package index reachable)")
    return bin_dir


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def test_core_dependencies_are_the_light_ones():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = sorted(d.split(">")[0].split("=")[0].strip().lower() for d in project["dependencies"])
    assert names == ["duckdb", "numpy", "pandas", "scipy", "shtab"]
    extras = project["optional-dependencies"]
    assert {"app", "excel", "io", "cluster", "all"} <= extras.keys()
    assert extras["all"] == ["clvdesk[app,excel,io,cluster]"]
    assert "make" in (ROOT / "Makefile").read_text() and ".[all,test]" in \
        (ROOT / "Makefile").read_text()


def test_nothing_optional_is_installed(venv):
    probe = "import importlib.util, json, sys; print(json.dumps([m for m in sys.argv[1:] " \
            "if importlib.util.find_spec(m)]))"
    result = _run([str(venv / "python"), "-c", probe, *OPTIONAL], env=_clean_env())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_demo_runs(venv):
    result = _run([str(venv / "clvdesk"), "demo", "--json"], env=_clean_env())
    assert result.returncode == 0, result.stderr
    demo = json.loads(result.stdout)
    assert demo["data"]["customers"] == 2357 and demo["data"]["orders"] == 6919
    assert demo["predicted"]["model_params"]["r"] == pytest.approx(0.243, abs=0.001)


@pytest.mark.parametrize(("argv", "extra"), [
    (["demo", "-o", "report.xlsx"], "io"),
    (["excel-functions", "-o", "functions.xlsx"], "io"),
    (["gui"], "app"),
    ([], "app"),
])
def test_features_of_an_extra_name_it(venv, tmp_path, argv, extra):
    result = _run([str(venv / "clvdesk"), *argv], env=_clean_env(), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert f"needs the '{extra}' extra: pip install \"clvdesk[{extra}]\"" in result.stderr
    assert not list(tmp_path.iterdir())  # nothing half-written


@pytest.fixture(scope="module")
def order_files(tmp_path_factory) -> Path:
    """The CDNOW sample as an .xlsx workbook and a CSV (written by this process)."""
    from clvdesk.core.datasets import load_cdnow
    from clvdesk.core.io.tables import write_table

    folder = tmp_path_factory.mktemp("orders")
    orders = load_cdnow().head(200)
    write_table(orders, folder / "orders.xlsx")
    write_table(orders, folder / "orders.csv")
    return folder


def test_csv_reads_and_workbooks_name_the_io_extra(venv, order_files, tmp_path):
    result = _run([str(venv / "clvdesk"), "quality", str(order_files / "orders.csv"), "--json"],
                  env=_clean_env())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["rows"] == 200
    for argv in (["quality", str(order_files / "orders.xlsx")],
                 ["summarize", str(order_files / "orders.csv"), "-o",
                  str(tmp_path / "summary.parquet")]):
        result = _run([str(venv / "clvdesk"), *argv], env=_clean_env())
        assert result.returncode == 2, result.stderr
        assert "needs the 'io' extra: pip install \"clvdesk[io]\"" in result.stderr
        assert result.stderr.count("\n") == 1
    assert not list(tmp_path.iterdir())


def test_excel_functions_as_python_without_xlwings(venv):
    """The UDFs' single definitions, called with what Excel passes, agree with this process."""
    script = textwrap.dedent("""
        import json
        from clvdesk.core.datasets import load_cdnow
        from excel_addin import functions as f
        orders = load_cdnow()
        serial = (orders["date"] - __import__("pandas").Timestamp("1899-12-30")).dt.days
        rows = [["customer", "date", "amount"]] + [
            [c, float(d), float(a)] for c, d, a in zip(orders["customer_id"], serial,
                                                      orders["amount"])]
        params = [["r", 0.243], ["alpha", 4.414], ["a", 0.793], ["b", 2.426]]
        print(json.dumps({
            "simple": f.CLV_SIMPLE(50, 4, 5, 100),
            "simple_range": f.CLV_SIMPLE([[50], [60], [None]], 4, 5),
            "retention": f.CLV_RETENTION(100, 0.8, 0.1),
            "palive": f.CLV_PALIVE(params, 2, 30.43, 38.86),
            "fit": f.CLV_FIT(rows, "bgnbd", 35703.0),  # end 1997-09-30
        }, default=str))
        try:
            f.CLV_SIMPLE("fifty", 4, 5)
        except Exception as exc:
            print(type(exc).__name__, exc.excel_code)
        import sys
        assert "xlwings" not in sys.modules
    """)
    result = _run([str(venv / "python"), "-c", script], env=_clean_env())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    values = json.loads(lines[0])
    assert values["simple"] == 900.0
    assert values["simple_range"][:2] == [[1000.0], [1200.0]]
    assert values["retention"] == pytest.approx(266.6666666666667, rel=1e-12)
    assert values["palive"] == pytest.approx(0.7265785700806728, rel=1e-12)
    fit = {row[0]: row[1] for row in values["fit"][1:] if isinstance(row[1], float)}
    assert fit["r"] == pytest.approx(0.243, abs=0.001)  # FHL 2005a: r 0.243, alpha 4.414
    assert fit["log-likelihood"] == pytest.approx(-9582.4, abs=0.1)
    assert lines[1] == "InputError #VALUE!"
