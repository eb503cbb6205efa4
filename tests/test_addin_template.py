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
from openpyxl.worksheet.formula import ArrayFormula

from excel_addin.signatures import udf_specs
from excel_addin.template import CONF_SHEET, TEMPLATE_PATH, build_template, evaluate_formula

UDF_NAMES = [spec.name for spec in udf_specs()]


@pytest.fixture(scope="module")
def book():
    return openpyxl.load_workbook(TEMPLATE_PATH, keep_vba=True)


def _settings(sheet) -> dict:
    return {row[0]: row[1] for row in sheet.iter_rows(min_row=1, max_col=2, values_only=True)
            if row[0] is not None}


def test_xlwings_conf_sheet_names_the_udf_module_and_no_interpreter(book):
    """xlwings' VBA reads A1 down to the first empty cell of the xlwings.conf sheet, and a key
    found there beats the user's xlwings.conf (xlwings/addin/Config.bas), even with an empty
    value: the sheet must hold UDF Modules and nothing that overrides the installer's Python."""
    assert CONF_SHEET == "xlwings.conf" and CONF_SHEET in book.sheetnames
    sheet = book[CONF_SHEET]
    read_by_xlwings = []
    for key, value in sheet.iter_rows(min_row=1, max_col=2, values_only=True):
        if key is None:
            break
        read_by_xlwings.append((key.upper(), value))
    assert read_by_xlwings == [("UDF MODULES", "excel_addin.udfs")]
    every_key = {str(row[0]).upper() for row in sheet.iter_rows(max_col=1, values_only=True)
                 if row[0] is not None}
    assert not every_key & {"INTERPRETER_WIN", "INTERPRETER", "INTERPRETER_MAC", "CONDA PATH",
                            "CONDA ENV", "PYTHONPATH"}
    quickstart = openpyxl.load_workbook(Path(xlwings.__file__).with_name("quickstart.xlsm"))
    assert "UDF Modules" in _settings(quickstart["_xlwings.conf"])  # xlwings' own spelling


def _vba_project_entries(data: bytes) -> list[str]:
    """The ``Document=``/``Module=`` lines of a vbaProject.bin's PROJECT stream (MS-OVBA
    2.3.1: plain text, not compressed, so readable from the compound file's sectors)."""
    return [m.decode("ascii") for m in re.findall(rb"(?:Document|Module|Class)=[\w/&]+", data)]


def test_template_vba_project_is_the_quickstart_one_without_the_udf_module():
    """No tool here writes a VBA project Excel is known to accept, so the template carries
    xlwings' quickstart project unchanged (it references the xlwings add-in, which runs the
    UDFs) and the user imports clvdesk_udfs.bas once (README)."""
    with zipfile.ZipFile(TEMPLATE_PATH) as archive:
        ours = archive.read("xl/vbaProject.bin")
    with zipfile.ZipFile(Path(xlwings.__file__).with_name("quickstart.xlsm")) as archive:
        assert ours == archive.read("xl/vbaProject.bin")
    entries = _vba_project_entries(ours)
    assert "Module=Module1" in entries and "Document=ThisWorkbook/&H00000000" in entries
    assert not any("xlwings_udfs" in e for e in entries)


def test_every_udf_has_a_worked_example(book):
    start_names = [row[0] for row in book["Start"].iter_rows(values_only=True)]
    for name in UDF_NAMES:
        assert name in book.sheetnames, name
        assert name in start_names
        assert any(f.startswith(f"={name}(") for f in _formulas(book[name])), name
    used = {m for sheet in book.worksheets for f in _formulas(sheet)
            for m in re.findall(r"([A-Z_]+)\(", f)}
    assert used <= set(UDF_NAMES)


def _formulas(sheet) -> list[str]:
    """The live formulas of a sheet (array formulas by their text)."""
    return [c.value.text if isinstance(c.value, ArrayFormula) else c.value
            for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_table_functions_are_array_formulas_over_their_whole_result(book):
    for name in ("CLV_SUMMARY", "CLV_SEGMENTS", "CLV_FIT", "CLV_PREDICT", "CLV_SCENARIOS"):
        arrays = [c.value for row in book[name].iter_rows() for c in row
                  if isinstance(c.value, ArrayFormula)]
        assert len(arrays) == 1, name
        result = evaluate_formula(book, book[name], arrays[0].text)
        first, last = arrays[0].ref.split(":")
        rows = int(re.sub(r"[A-Z]", "", last)) - int(re.sub(r"[A-Z]", "", first)) + 1
        assert rows == len(result), name
    fit = next(c.value for row in book["CLV_FIT"].iter_rows() for c in row
               if isinstance(c.value, ArrayFormula))
    assert fit.ref.endswith(":C23")  # parameter, value, std_error; 4 parameters + 6 rows


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
    if isinstance(value, ArrayFormula):
        return ("array", value.ref, value.text)
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


def test_every_example_formula_computes_on_the_template_data(book):
    """Each live formula, fed with the template's own cells, gives a result, not an error."""
    for name in UDF_NAMES:
        sheet = book[name]
        for formula in [f for f in _formulas(sheet) if f.startswith(f"={name}(")]:
            result = evaluate_formula(book, sheet, formula)
            assert not (isinstance(result, str) and result.startswith("#")), (formula, result)
            if name == "CLV_TIERS":  # one tier per value of the ten customers, top 10 % first
                assert result == [[1], [2], [2]] + [[3]] * 7
            elif isinstance(result, list):
                assert len(result) >= 2 and len(result[0]) >= 2  # a header row and data
