"""The report's live formulas recalculate to the core's values in a real spreadsheet engine.

LibreOffice Calc (headless) opens the workbook written by CLV Desk, recalculates every formula
(a fresh profile per run with "recalculate on load: always") and saves it as xlsx; openpyxl
then reads the computed values. Checked against the core: the closed forms of
:mod:`clvdesk.core.formulas`, :func:`clvdesk.core.scenarios.compare` and ``sensitivity``, the
segment table of :func:`clvdesk.core.segments.segment_clv`, the cohort payback months of
:func:`clvdesk.core.cohorts.cohort_table` and the per-customer CLV of the pipeline. Then an
assumption is changed in the file (as a colleague would in Excel), the workbook recalculated
again, and CLV follows to the core's value for the new assumption.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from conftest import require_program
from test_report import HOSTILE_ID, HOSTILE_SEGMENT, hostile_orders

from clvdesk.core import formulas
from clvdesk.core.cohorts import cohort_table
from clvdesk.core.io.report import write_report
from clvdesk.core.io.report_labels import SHEETS
from clvdesk.core.pipeline import Assumptions, run_analysis
from clvdesk.core.scenarios import DEMO_SCENARIOS, Scenario, compare, sensitivity
from clvdesk.core.segments import TOTAL_LABEL

#: Registry setting of a fresh LibreOffice profile: recalculate xlsx/ods formulas on load.
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
 <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

GROWING = Scenario("Growing", aov=50, frequency=3, lifespan=4.5, cac=30, margin=0.35,
                   referral_value=5, growth_rate=0.05, discount_rate=0.08)
#: The changed assumptions: margin 30 % -> 45 %, CAC $10 -> $115, AOV -> $60. With this CAC
#: (the base's: $32.86 with the small baskets' own $5) the cohorts pay back late or not yet.
NEW_MARGIN, NEW_CAC, NEW_AOV = 0.45, 115.0, 60.0
#: Lifespan (years) of the copy whose sensitivity has a retention row (the demo's is 0.63).
LONG_LIFESPAN = 4.0


def recalculate(soffice: str, sources: list[Path], work: Path) -> dict[str, Path]:
    """Recalculate ``sources`` in LibreOffice; return the recalculated copies by file name."""
    profile = work / "lo-profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, "utf-8")
    out = work / "recalculated"
    out.mkdir()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "xlsx", "--outdir", str(out), *map(str, sources)],
        check=True, capture_output=True, timeout=180,
    )
    results = {p.name: out / p.name for p in sources}
    missing = [name for name, path in results.items() if not path.exists()]
    assert not missing, f"LibreOffice wrote no {missing}"
    return results


def name_value(book, name):
    sheet, coord = next(iter(book.defined_names[name].destinations))
    return book[sheet][coord.replace("$", "")].value


def set_name(book, name, value) -> None:
    sheet, coord = next(iter(book.defined_names[name].destinations))
    book[sheet][coord.replace("$", "")].value = value


def column(ws, header: str, header_row: int = 4) -> int:
    for cell in ws[header_row]:
        if cell.value == header:
            return cell.column
    raise AssertionError(f"no column {header!r} in {ws.title}")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    """Write the report (EN and NL), change assumptions in a copy, recalculate all three."""
    soffice = require_program("soffice", "libreoffice")
    work = tmp_path_factory.mktemp("libreoffice")
    assumptions = dataclasses.replace(
        Assumptions.demo(), segment_col="segment", cac_by_segment={"small baskets": 5.0},
        n_draws=40)
    result = run_analysis(hostile_orders(), assumptions)
    scenarios = [*DEMO_SCENARIOS, GROWING]
    en = write_report(work / "en.xlsx", result, language="en", scenarios=scenarios)
    nl = write_report(work / "nl.xlsx", result, language="nl", scenarios=scenarios)
    changed = work / "changed.xlsx"
    shutil.copyfile(en, changed)
    book = openpyxl.load_workbook(changed)
    set_name(book, "Margin", NEW_MARGIN)
    set_name(book, "AcquisitionCost", NEW_CAC)
    set_name(book, "AvgOrderValue", NEW_AOV)
    book.save(changed)
    long = work / "long.xlsx"  # a lifespan above a year: the tornado gets its retention bar
    shutil.copyfile(en, long)
    book = openpyxl.load_workbook(long)
    set_name(book, "LifespanYears", LONG_LIFESPAN)
    book.save(long)
    computed = recalculate(soffice, [en, nl, changed, long], work)
    books = {key: openpyxl.load_workbook(computed[f"{key}.xlsx"], data_only=True)
             for key in ("en", "nl", "changed", "long")}
    return result, books


def closed_form_expected(book, margin, cac, aov=None) -> dict[str, float]:
    aov = name_value(book, "AvgOrderValue") if aov is None else aov
    frequency = name_value(book, "PurchasesPerYear")
    lifespan = name_value(book, "LifespanYears")
    clv = formulas.simple_clv(aov, frequency, lifespan, cac=cac, margin=margin)
    return {
        "ClosedFormCLV": clv,
        "DiscountedCLV": formulas.simple_clv(aov, frequency, lifespan, cac=cac, margin=margin,
                                             discount_rate=0.10),
        "ValueBeforeCAC": clv + cac,
        "LtvToCac": formulas.ltv_cac_ratio(clv + cac, cac),
        "PaybackMonths": formulas.cac_payback_months(cac, aov * frequency / 12, margin),
    }


def test_closed_form_cells_equal_the_core(engine):
    _, books = engine
    book = books["en"]
    for name, expected in closed_form_expected(book, 0.3, 10.0).items():
        assert name_value(book, name) == pytest.approx(expected, rel=1e-9), name
    # the Dutch workbook (sheet "Scenario's", quoted names) computes the same numbers
    for name in ("ClosedFormCLV", "DiscountedCLV", "PaybackMonths"):
        assert name_value(books["nl"], name) == pytest.approx(name_value(book, name), rel=1e-12)


def test_changed_assumptions_update_clv_to_the_core_value(engine):
    _, books = engine
    book = books["changed"]
    expected = closed_form_expected(book, NEW_MARGIN, NEW_CAC, NEW_AOV)
    for name, value in expected.items():
        assert name_value(book, name) == pytest.approx(value, rel=1e-9), name
    assert name_value(book, "ClosedFormCLV") != pytest.approx(
        name_value(books["en"], "ClosedFormCLV"))


def base_scenario(book, margin, cac, aov) -> Scenario:
    return Scenario("Base", aov=aov, frequency=name_value(book, "PurchasesPerYear"),
                    lifespan=name_value(book, "LifespanYears"), cac=cac, margin=margin)


@pytest.mark.parametrize("key, margin, cac, aov", [
    ("en", 0.3, 10.0, None), ("changed", NEW_MARGIN, NEW_CAC, NEW_AOV),
    ("long", 0.3, 10.0, None)])
def test_scenarios_sheet_equals_compare_and_sensitivity(engine, key, margin, cac, aov):
    _, books = engine
    book = books[key]
    ws = book["Scenarios"]
    aov = name_value(book, "AvgOrderValue") if aov is None else aov
    base = base_scenario(book, margin, cac, aov)
    table = compare([base, *DEMO_SCENARIOS, GROWING])
    results = {"ltv": "Lifetime value before CAC (LTV)", "clv": "CLV", "ltv_cac": "LTV:CAC",
               "payback_months": "Payback (months)", "clv_vs_baseline": "CLV vs base",
               "clv_vs_baseline_pct": "CLV vs base (%)"}
    for offset, (_, row) in enumerate(table.iterrows()):
        for key_, header in results.items():
            got = ws.cell(5 + offset, column(ws, header)).value
            assert got == pytest.approx(row[key_], rel=1e-9), (row.name, key_)

    tornado = sensitivity(base)
    header_row = next(c.row for c in ws["A"] if c.value == "Driver")
    drivers = {"aov": "AOV", "frequency": "Orders per year", "lifespan": "Lifespan (years)",
               "cac": "CAC", "margin": "Margin", "retention": "Retention per year"}
    rows = {ws.cell(r, 1).value: r for r in range(header_row + 1, header_row + 7)}
    assert ("retention" in tornado.index) == (base.lifespan > 1) == (key == "long")
    if key != "long":  # a lifespan of a year or less retains no one: a zero bar
        r = rows.pop(drivers.pop("retention"))
        assert [ws.cell(r, col).value for col in range(2, 5)] == [0, 0, 0]
        assert ws.cell(r, 7).value == pytest.approx(0.0, abs=1e-9)
    for driver, label in drivers.items():
        r = rows[label]
        expected = tornado.loc[driver]
        for col, key_ in ((2, "value"), (3, "low_value"), (4, "high_value"), (5, "clv_low"),
                          (6, "clv_high"), (7, "swing")):
            assert ws.cell(r, col).value == pytest.approx(expected[key_], rel=1e-9), (driver,
                                                                                     key_)


@pytest.mark.parametrize("key, margin, cac", [("en", 0.3, 10.0), ("changed", NEW_MARGIN, NEW_CAC)])
def test_segments_closed_form_equals_segment_clv(engine, key, margin, cac):
    result, books = engine
    ws = books[key]["Segments"]
    table = result.segments_closed_form
    own = {"small baskets": 5.0}
    costs = []
    for offset, (segment, seg) in enumerate(table.iterrows()):
        r = 5 + offset
        expected_label = "All customers" if segment == TOTAL_LABEL else segment
        assert ws.cell(r, 1).value == expected_label
        if segment == TOTAL_LABEL:  # customer-weighted mean of the segments' CAC
            seg_cac = np.average(costs, weights=table["customers"].iloc[:-1])
        else:
            seg_cac = own.get(segment, cac)
            costs.append(seg_cac)
        ltv = formulas.simple_clv(seg["aov"], seg["frequency_per_year"], seg["lifespan_years"],
                                  margin=margin)
        assert ws.cell(r, 9).value == pytest.approx(seg_cac, rel=1e-12)
        assert ws.cell(r, 10).value == pytest.approx(ltv, rel=1e-9)
        assert ws.cell(r, 11).value == pytest.approx(ltv - seg_cac, rel=1e-9)
        assert ws.cell(r, 12).value == pytest.approx(formulas.ltv_cac_ratio(ltv, seg_cac),
                                                     rel=1e-9)
        assert ws.cell(r, 13).value == pytest.approx(formulas.cac_payback_months(
            seg_cac, seg["aov"] * seg["frequency_per_year"] / 12, margin), rel=1e-9)
    if key == "en":  # as the pipeline computed it with the same margin and costs
        np.testing.assert_allclose([ws.cell(5 + i, 11).value for i in range(len(table))],
                                   table["clv"], rtol=1e-9)


@pytest.mark.parametrize("key, margin", [("en", 0.3), ("changed", NEW_MARGIN)])
def test_customer_and_segment_clv_follow_the_margin(engine, key, margin):
    result, books = engine
    ws = books[key]["Customers"]
    clv_col = column(ws, "CLV")
    predictions = result.predictions
    clv = [ws.cell(5 + i, clv_col).value for i in range(len(predictions))]
    np.testing.assert_allclose(clv, predictions["clv"] * (margin / 0.3), rtol=1e-9)
    assert ws["A5"].value == HOSTILE_ID  # still text after a spreadsheet engine saved it
    assert HOSTILE_SEGMENT in {c.value for c in ws["B"]}

    segments = books[key]["Segments"]
    header = next(c.row for c in segments["A"] if c.value == "Segment" and c.row > 4)
    for offset, (_, seg) in enumerate(result.segments.iterrows()):
        r = header + 1 + offset
        assert segments.cell(r, 5).value == pytest.approx(seg["clv_mean"] * margin / 0.3,
                                                          rel=1e-9)
        assert segments.cell(r, 6).value == pytest.approx(seg["clv"] * margin / 0.3, rel=1e-9)
        closed_row = 5 + list(result.segments_closed_form.index).index(seg["segment"])
        cac = segments.cell(closed_row, 9).value  # the closed-form row's (live) CAC
        assert segments.cell(r, 9).value == pytest.approx(cac, rel=1e-12)
        assert segments.cell(r, 10).value == pytest.approx(seg["clv_mean"] * margin / 0.3 - cac,
                                                           rel=1e-9)
        if key == "en":  # as the pipeline computed it
            assert segments.cell(r, 9).value == pytest.approx(seg["acquisition_cost"], rel=1e-9)
        if "clv_low" in seg and key == "en":
            assert segments.cell(r, 7).value == pytest.approx(seg["clv_low"], rel=1e-9)
            assert segments.cell(r, 8).value == pytest.approx(seg["clv_high"], rel=1e-9)

    # the distribution's live counts add up to all customers
    hist_col = column(ws, "Customers")
    counts = [ws.cell(r, hist_col).value for r in range(5, 17)]
    assert sum(counts) == len(predictions)
    if key == "en":  # the same bins and counts as the app's chart (clvdesk.core.overview)
        assert counts == result.overview.clv.counts.tolist()


def as_float(values) -> np.ndarray:
    """Cell values as floats; empty cells and "" (a formula's blank) as NaN."""
    return np.array([np.nan if v in (None, "") else v for v in values], dtype=float)


@pytest.mark.parametrize("key, margin", [("en", 0.3), ("changed", NEW_MARGIN)])
def test_cohort_payback_and_margin_equal_cohort_table(engine, key, margin):
    result, books = engine
    ws = books[key]["Cohorts"]
    # the cohorts' CAC is the base's: the all-customers CAC of the segment sheet (live)
    segments = books[key]["Segments"]
    total_row = next(c.row for c in segments["A"] if c.value == "All customers")
    cac = segments.cell(total_row, 9).value
    assert ws["F5"].value == pytest.approx(cac, rel=1e-12)
    if key == "en":
        assert cac == pytest.approx(result.cohorts["summary"]["cac"].iloc[0], rel=1e-12)
    core = cohort_table(result.orders, end=result.summary.attrs["end"], margin=margin, cac=cac)
    n = len(core.summary)
    payback = as_float(ws.cell(5 + i, 7).value for i in range(n))
    np.testing.assert_allclose(payback, core.summary["payback_month"], equal_nan=True)
    if key == "changed":  # CDNOW: 1997-01 pays back in month 8, 1997-02 in 7, 1997-03 not yet
        np.testing.assert_array_equal(payback, [8, 7, np.nan])
    margin_header = next(c.row for c in ws["A"] if str(c.value).startswith(
        "Cumulative margin")) + 1
    n_months = core.margin.shape[1]
    matrix = np.array([as_float(ws.cell(margin_header + 1 + i, 2 + m).value
                                for m in range(n_months)) for i in range(n)])
    np.testing.assert_allclose(matrix, core.margin.to_numpy(), rtol=1e-9, equal_nan=True)


def test_no_formula_errors_and_dutch_computes_the_same(engine):
    _, books = engine
    for key, book in books.items():
        for ws in book:
            if ws.title in SHEETS["functions"].values():
                continue  # LibreOffice has no LAMBDA: the functions sheet shows #NAME? there
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "e", f"{key} {ws.title}!{cell.coordinate}: {cell.value}"
                    if isinstance(cell.value, str):
                        assert not cell.value.startswith(("#VALUE", "#NAME", "#REF", "#DIV",
                                                          "#NUM", "#N/A", "Err:")), (
                            f"{key} {ws.title}!{cell.coordinate}: {cell.value}")
    en, nl = books["en"], books["nl"]
    compared = 0
    for ws_en, ws_nl in zip(en.worksheets[:-1], nl.worksheets[:-1], strict=True):
        for row_en, row_nl in zip(ws_en.iter_rows(), ws_nl.iter_rows(), strict=True):
            for a, b in zip(row_en, row_nl, strict=True):
                if isinstance(a.value, int | float) and not isinstance(a.value, bool):
                    assert b.value == pytest.approx(a.value, rel=1e-12, abs=1e-12), (
                        f"{ws_nl.title}!{b.coordinate}")
                    compared += 1
    assert compared > 25_000  # every number of both workbooks, formulas included
