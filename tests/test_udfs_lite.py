"""The xlwings Lite functions (excel_addin/lite/main.py) called with values as Office.js passes
them: every argument a list of rows, numbers as floats, dates as serial numbers, empty cells as
"" or None, error cells as Excel's error entities; errors returned as bare error codes, which
xlwings Lite shows as real error values (xlwings/pro/_xlofficejs.py, errorstr_to_errortype)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import clvdesk
from clvdesk.core.datasets import load_cdnow
from excel_addin import lite_udfs, udfs
from excel_addin.functions import ARG_OPTIONS, FUNCTIONS

ROOT = Path(__file__).resolve().parents[1]
LITE = ROOT / "excel_addin" / "lite"
#: Excel's serial day numbers (1900 system): 1997-09-30 is 35703.
EPOCH = dt.date(1899, 12, 30)
NA_ENTITY = {"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}


def serial(day: dt.date) -> float:
    return float((day - EPOCH).days)


class RecordingDecorators:
    """Stands in for ``from xlwings import func, arg`` in Lite: records what main.py declares."""

    def __init__(self):
        self.functions, self.args = {}, {}

    def func(self, f):
        self.functions[f.__name__] = f
        return f

    def arg(self, name, **options):
        def record(f):
            self.args.setdefault(f.__name__, {})[name] = options
            return f
        return record


@pytest.fixture(scope="module")
def lite():
    """main.py executed as xlwings Lite imports it, with recording decorators."""
    recorder = RecordingDecorators()
    stub = types.ModuleType("xlwings")
    stub.func, stub.arg = recorder.func, recorder.arg
    saved = sys.modules.get("xlwings")
    sys.modules["xlwings"] = stub
    try:
        namespace: dict = {"__name__": "main"}
        exec(compile((LITE / "main.py").read_text(), "main.py", "exec"), namespace)
    finally:
        if saved is None:
            sys.modules.pop("xlwings", None)
        else:
            sys.modules["xlwings"] = saved
    return recorder, types.SimpleNamespace(**{k: v for k, v in namespace.items()
                                              if k in FUNCTIONS})


def test_main_py_is_generated_from_the_one_definition_and_up_to_date():
    assert (LITE / "main.py").read_text() == lite_udfs.main_py(), (
        "excel_addin/lite/main.py is stale: run `python -m excel_addin.lite_udfs`")


def test_main_py_declares_every_function_with_its_help(lite):
    recorder, _ = lite
    assert list(recorder.functions) == list(FUNCTIONS)
    for name, function in FUNCTIONS.items():
        declared = recorder.functions[name]
        assert declared.__doc__ == function.description
        params = list(__import__("inspect").signature(declared).parameters.values())
        assert [p.name for p in params] == [p.name for p in function.params]
        assert [p.default is None for p in params] == [p.optional for p in function.params]
        for param in function.params:
            assert recorder.args[name][param.name] == {**ARG_OPTIONS, "doc": param.doc}


def test_requirements_pin_this_version_and_nothing_pyodide_lacks():
    lines = [line.strip() for line in (LITE / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines == [f"clvdesk=={clvdesk.__version__}"]


# ----------------------------------------------------------------------------- closed forms


def test_scalars_as_one_by_one_matrices(lite):
    _, f = lite
    assert f.CLV_SIMPLE([[50.0]], [[4.0]], [[5.0]], [[100.0]], None) == 900.0
    assert f.CLV_SIMPLE(50.0, 4.0, 5.0, None, [[0.3]]) == pytest.approx(300.0)  # after to_scalar
    assert f.CLV_RETENTION([[100.0]], [[0.8]], [[0.1]], [[""]]) == pytest.approx(100 * 0.8 / 0.3)
    assert f.CLV_LIFESPAN([[0.2]]) == pytest.approx(5.0)
    assert f.LTV_CAC([[900.0]], [[300.0]]) == pytest.approx(3.0)
    assert f.CAC_PAYBACK([[100.0]], [[25.0]], [[0.4]]) == pytest.approx(10.0)


def test_a_column_with_empty_and_error_cells_gives_error_values_in_place(lite, capsys):
    _, f = lite
    result = f.CLV_SIMPLE([[50.0], [""], [NA_ENTITY], ["x"], [None], [-5.0]], [[4.0]], [[5.0]],
                          None, None)
    assert result == [[1000.0], ["#N/A"], ["#N/A"], ["#VALUE!"], ["#N/A"], ["#VALUE!"]]
    printed = capsys.readouterr().out.splitlines()
    assert printed == ["CLV_SIMPLE: aov is missing", "CLV_SIMPLE: aov is #N/A",
                       "CLV_SIMPLE: aov must be a number", "CLV_SIMPLE: aov must be 0 or more, got -5"]


def test_a_whole_call_error_is_an_error_value_with_its_message_printed(lite, capsys):
    _, f = lite
    assert f.CLV_SIMPLE([["fifty"]], [[4.0]], [[5.0]], None, None) == "#VALUE!"
    assert f.CAC_PAYBACK([[100.0]], [[0.0]], None) == "#NUM!"
    out = capsys.readouterr().out
    assert "CLV_SIMPLE: aov must be a number" in out and out.count("\n") == 2


def test_codes_lite_cannot_show_become_value_errors():
    assert lite_udfs._bare_errors([["#SPILL! from a cell", "#N/A", "text", 1.0]], {}) == [
        ["#VALUE!", "#N/A", "text", 1.0]]


def test_every_function_survives_what_office_js_can_send(lite):
    _, f = lite
    weird = [None, "", [[""]], [[None]], [[NA_ENTITY]], [["abc"]], [[True]], [[-1.0]],
             [[1.0, 2.0], [3.0, 4.0]], [[{"type": "Double", "basicValue": 2.0}]]]
    for name, function in FUNCTIONS.items():
        n = len(function.params)
        for value in weird:
            for position in range(n):
                args = [value if i == position else [[1.0]] for i in range(n)]
                result = getattr(f, name)(*args)
                cells = result if isinstance(result, list) else [[result]]
                for row in cells:
                    for cell in row:
                        if isinstance(cell, str) and cell.startswith("#"):
                            assert cell in lite_udfs.LITE_ERRORS, (name, value, cell)


# ----------------------------------------------------------------------------- tables, dates


@pytest.fixture(scope="module")
def officejs_orders():
    """The CDNOW sample as Office.js passes a range: ids and amounts as floats, the date cells
    as serial numbers (Office.js gives numbers, not dates), a trailing row of empty strings."""
    orders = load_cdnow()
    rows = [[float(c), serial(d.date()), float(a)]
            for c, d, a in zip(orders["customer_id"], orders["date"], orders["amount"],
                               strict=True)]
    return [["customer_id", "date", "amount"], *rows, ["", "", ""]]


def test_summary_from_serial_dates_equals_the_classic_one_from_date_cells(lite, officejs_orders):
    _, f = lite
    end = serial(dt.date(1997, 9, 30))
    assert end == 35703.0
    lite_table = f.CLV_SUMMARY(officejs_orders, [[end]], [["weeks"]])
    date_cells = [officejs_orders[0]] + [
        [c, dt.datetime(1899, 12, 30) + dt.timedelta(days=d), a]
        for c, d, a in officejs_orders[1:-1]]
    classic = udfs.CLV_SUMMARY(date_cells, dt.datetime(1997, 9, 30), "weeks")
    assert lite_table == classic
    assert len(lite_table) == 2357 + 1 and lite_table[0][:4] == ["customer_id", "frequency",
                                                                 "recency", "T"]


def test_fit_from_serial_dates_reproduces_the_paper(lite, officejs_orders):
    _, f = lite
    table = f.CLV_FIT(officejs_orders, [["bgnbd"]], [[35703.0]], None)
    values = {row[0]: row[1] for row in table[1:]}
    # Fader, Hardie & Lee (2005), section 5
    for name, expected in {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}.items():
        assert values[name] == pytest.approx(expected, abs=2e-3)
    assert f.CLV_PALIVE(table, [[2.0]], [[30.43]], [[38.86]], None) == pytest.approx(
        udfs.CLV_PALIVE(table, 2, 30.43, 38.86))
    spilled = f.CLV_EXPECTED_PURCHASES(table, [[2.0], [0.0]], [[30.43], [0.0]],
                                       [[38.86], [38.86]], [[39.0]], None)
    assert spilled[0][0] == pytest.approx(1.226, abs=2e-3)  # FHL 2005: 1.226 in 39 weeks
    assert len(spilled) == 2 and len(spilled[0]) == 1


def test_table_functions_return_lists_of_rows_that_spill(lite, officejs_orders):
    _, f = lite
    scenarios = [["scenario", "aov", "frequency", "lifespan", "cac", "margin"],
                 ["Repeat", 40.0, 4.0, 5.0, 50.0, 0.4], ["One-time", 150.0, 1.0, 1.0, 50.0, ""]]
    for result in (f.CLV_SCENARIOS(scenarios, None),
                   f.CLV_SEGMENTS(officejs_orders, None, [[0.3]], [[10.0]], None, None),
                   f.CLV_SURVIVAL([["alpha", 0.704], ["beta", 1.182]], [[0.0], [1.0], [5.0]])):
        assert isinstance(result, list) and all(isinstance(row, list) for row in result)
        assert len({len(row) for row in result}) == 1  # rectangular


def test_the_functions_need_no_package_pyodide_lacks(tmp_path, officejs_orders):
    """Every Lite function runs with xlwings, pyarrow, python-calamine, openpyxl, XlsxWriter,
    Qt, matplotlib and polars unimportable: the light core (numpy, pandas, scipy, duckdb, all
    Pyodide packages) is all the browser needs."""
    (tmp_path / "orders.json").write_text(json.dumps(officejs_orders[:2000]))
    script = tmp_path / "run.py"
    script.write_text(
        "import sys\n"
        "BLOCKED = {'xlwings', 'pyarrow', 'python_calamine', 'openpyxl', 'xlsxwriter', 'PySide6',\n"
        "           'shiboken6', 'defusedxml', 'matplotlib', 'polars', 'pyspark'}\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in BLOCKED:\n"
        "            raise ImportError(f'{name} is not available in Pyodide')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from excel_addin.lite_udfs import call\n"
        "import json\n"
        f"orders = json.loads(open({str(tmp_path / 'orders.json')!r}).read())\n"
        "print(call('CLV_SIMPLE', [[50.0]], [[4.0]], [[5.0]], None, None))\n"
        "for name in ('CLV_SUMMARY', 'CLV_SEGMENTS', 'CLV_FIT'):\n"
        "    table = call(name, orders)\n"
        "    assert isinstance(table, list), (name, table)\n"
        "print(call('CLV_PALIVE', call('CLV_FIT', orders), [[1.0]], [[10.0]], [[20.0]]))\n"
        "assert isinstance(call('CLV_PREDICT', orders), list)\n"
        "print('ok', sorted(m for m in sys.modules if m.split('.')[0] in BLOCKED))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            timeout=300, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == "1000.0"
    assert result.stdout.strip().endswith("ok []")
