"""The committed workbook template: xlwings settings, a worked example of every UDF, up to date."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlwings
from conftest import require_program

from excel_addin.signatures import udf_specs
from excel_addin.template import CONF_SHEET, TEMPLATE_PATH, build_template

UDF_NAMES = [spec.name for spec in udf_specs()]


@pytest.fixture(scope="module")
def book():
    return openpyxl.load_workbook(TEMPLATE_PATH, keep_vba=True)


def _settings(sheet) -> dict:
    return {row[0]: row[1] for row in sheet.iter_rows(min_row=1, max_col=2, values_only=True)
            if row[0] is not None}


def test_xlwings_conf_sheet_names_the_udf_module(book):
    assert CONF_SHEET == "xlwings.conf" and CONF_SHEET in book.sheetnames
    settings = _settings(book[CONF_SHEET])
    assert settings["UDF Modules"] == "udfs"
    assert settings["Interpreter_Win"] == "python"
    quickstart = openpyxl.load_workbook(Path(xlwings.__file__).with_name("quickstart.xlsm"))
    expected_keys = [k for k in _settings(quickstart["_xlwings.conf"]) if k != "Instructions:"]
    assert all(key in settings for key in expected_keys)  # xlwings' own keys, spelled as it does


def test_template_keeps_the_quickstart_vba_project():
    with zipfile.ZipFile(TEMPLATE_PATH) as archive:
        assert "xl/vbaProject.bin" in archive.namelist()


def test_every_udf_has_a_worked_example(book):
    start_names = [row[0] for row in book["Start"].iter_rows(values_only=True)]
    for name in UDF_NAMES:
        assert name in book.sheetnames, name
        assert name in start_names
        formulas = [c.value for row in book[name].iter_rows() for c in row if c.data_type == "f"]
        assert any(f.startswith(f"={name}(") for f in formulas), name
    used = {m for row in book.worksheets for r in row.iter_rows() for c in r
            if c.data_type == "f" for m in re.findall(r"([A-Z_]+)\(", c.value)}
    assert used <= set(UDF_NAMES)


def test_examples_show_values_computed_by_the_addin(book):
    simple = book["CLV_SIMPLE"]
    built = {row[0]: row[1] for row in simple.iter_rows(values_only=True)}
    assert built["Value when built"] == 900
    palive = [row for row in book["CLV_EXPECTED_PURCHASES"].iter_rows(values_only=True)
              if row[0] == 2 and row[1] == 30.43]
    assert palive and palive[0][4] == pytest.approx(1.226, abs=2e-3)  # FHL 2005


def test_committed_template_is_up_to_date(book, tmp_path):
    fresh = openpyxl.load_workbook(build_template(tmp_path / "fresh.xlsm"), keep_vba=True)
    assert fresh.sheetnames == book.sheetnames
    for sheet in book.worksheets:
        old = [[_comparable(c.value) for c in row] for row in sheet.iter_rows()]
        new = [[_comparable(c.value) for c in row] for row in fresh[sheet.title].iter_rows()]
        assert old == new, f"sheet {sheet.title} differs: run `python -m excel_addin.template`"


def _comparable(value):
    """Floats to 6 significant digits: values computed at build time may differ in the last
    digits between machines and numerical methods."""
    return float(f"{value:.6g}") if isinstance(value, float) else value


def test_libreoffice_opens_the_template(tmp_path):
    soffice = require_program("soffice", "libreoffice")
    result = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "xlsx", "--outdir", str(tmp_path), str(TEMPLATE_PATH)],
        capture_output=True, text=True, timeout=120)
    converted = tmp_path / "clvdesk_template.xlsx"
    assert converted.exists(), result.stderr
    reopened = openpyxl.load_workbook(converted)
    assert set(UDF_NAMES) <= set(reopened.sheetnames)
    orders = reopened["Orders"]
    assert [c.value for c in orders[1]] == ["customer_id", "date", "amount", "basket"]


def _evaluate(book, sheet, formula: str):
    """Call the UDF of ``formula`` with its arguments read from the workbook as xlwings would
    pass them (every argument a list of rows, empty cells None)."""
    from excel_addin import udfs

    name, inner = re.fullmatch(r"=([A-Z_]+)\((.*)\)", formula).groups()
    args = []
    for text in inner.split(","):
        ref = text.replace("$", "")
        target, _, cells = ref.rpartition("!")
        ws = book[target] if target else sheet
        if ":" not in cells:
            cells = f"{cells}:{cells}"
        args.append([[c.value for c in row] for row in ws[cells]])
    return getattr(udfs, name)(*args)


def test_every_example_formula_computes_on_the_template_data(book):
    """Each live formula, fed with the template's own cells, gives a result, not an error."""
    for name in UDF_NAMES:
        sheet = book[name]
        formulas = [c.value for row in sheet.iter_rows() for c in row
                    if c.data_type == "f" and c.value.startswith(f"={name}(")]
        for formula in formulas:
            result = _evaluate(book, sheet, formula)
            assert not (isinstance(result, str) and result.startswith("#")), (formula, result)
            if isinstance(result, list):
                assert len(result) >= 2 and len(result[0]) >= 2  # a header row and data
