"""The report's Actions sheet: live matrix counts, churn risk and next purchase formulas give the
core's numbers when LibreOffice recalculates the workbook."""

from __future__ import annotations

import numpy as np
import openpyxl
import pytest
from conftest import require_program
from test_report_libreoffice import recalculate

from clvdesk.core.datasets import load_cdnow
from clvdesk.core.io.report import write_report
from clvdesk.core.pipeline import Assumptions, run_analysis


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    orders = load_cdnow(segment=True)
    rng = np.random.default_rng(1)
    orders["nps"] = np.where(rng.random(len(orders)) < 0.3, rng.integers(0, 11, len(orders)),
                             np.nan)
    a = Assumptions.demo()
    a.n_draws = 0
    a.compare_models = ("bgnbd",)
    result = run_analysis(orders, a)
    work = tmp_path_factory.mktemp("report_actions")
    paths = [work / "en.xlsx", work / "nl.xlsx"]
    write_report(paths[0], result)
    write_report(paths[1], result, language="nl")
    written = openpyxl.load_workbook(paths[0])
    soffice = require_program("soffice", "libreoffice")
    computed = recalculate(soffice, paths, work)
    return result, written, {k: openpyxl.load_workbook(v, data_only=True)
                             for k, v in computed.items()}


def _list_rows(ws):
    header = next(c.row for c in ws["A"] if c.value in ("Customer", "Klant"))
    return header, ws.max_row


def test_customer_list_formulas_equal_the_core(books):
    result, written, computed = books
    assert written["Actions"]["I" + str(_list_rows(written["Actions"])[0] + 1)].value.startswith(
        "=1-F")
    ws = computed["en.xlsx"]["Actions"]
    header, last = _list_rows(ws)
    customers = result.actions.customers
    assert last - header == len(customers)
    ids = [str(ws.cell(r, 1).value) for r in range(header + 1, last + 1)]
    churn = np.array([ws.cell(r, 9).value for r in range(header + 1, last + 1)], dtype=float)
    days = np.array([ws.cell(r, 10).value for r in range(header + 1, last + 1)], dtype=float)
    expected = customers.loc[customers.index.astype(str).isin(ids)]
    np.testing.assert_allclose(churn, expected["churn_risk"].to_numpy(), rtol=1e-9)
    shown = expected["next_purchase_days"].to_numpy()
    ok = np.isfinite(shown)
    np.testing.assert_allclose(days[ok], shown[ok], rtol=1e-9)


@pytest.mark.parametrize("name, sheet", [("en.xlsx", "Actions"), ("nl.xlsx", "Acties")])
def test_matrix_counts_equal_the_core(books, name, sheet):
    result, _, computed = books
    ws = computed[name][sheet]
    matrix = result.actions.matrix
    header = next(c.row for c in ws["A"] if c.value in ("Tier", "Klasse"))
    for i, tier in enumerate(sorted(matrix["tier"].unique())):
        rows = matrix[matrix["tier"] == tier]
        counts = [ws.cell(header + 1 + i, 2 + j).value for j in range(4)]
        clv = [ws.cell(header + 1 + i, 6 + j).value for j in range(4)]
        assert counts == rows["customers"].tolist()
        np.testing.assert_allclose(clv, rows["clv"].to_numpy(), rtol=1e-9, atol=1e-9)


def test_lever_values_and_sentences(books):
    result, _, computed = books
    ws = computed["en.xlsx"]["Actions"]
    texts = [c.value for c in ws["A"] if isinstance(c.value, str)]
    assert any(t.startswith("Across all customers,") for t in texts)
    header = next(c.row for c in ws["A"] if c.value == "Segment")
    values = [ws.cell(header + 1 + i, 5).value for i in range(len(result.actions.levers))]
    np.testing.assert_allclose(values, result.actions.levers["value"].to_numpy(), rtol=1e-9)
