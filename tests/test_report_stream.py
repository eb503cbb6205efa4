"""The report's customer rows are streamed into the file; past Excel's rows, the top by CLV.

The streamed rows must read back as ordinary cells (values, styles, text kept as text, live
formulas): tests/test_report.py checks that on every row of the demo; here the limit of Excel's
rows (made small) and the XML of odd values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import openpyxl
import pytest

from clvdesk.core.datasets import load_cdnow
from clvdesk.core.io import report_customers, report_stream
from clvdesk.core.io.report import write_report
from clvdesk.core.io.report_cells import Column, Formula
from clvdesk.core.pipeline import Assumptions, run_analysis


@pytest.fixture(scope="module")
def result():
    return run_analysis(load_cdnow(segment=True),
                        dataclasses.replace(Assumptions.demo(), n_draws=20))


def test_past_the_row_limit_the_sheet_keeps_the_top_customers(result, tmp_path, monkeypatch):
    monkeypatch.setattr(report_customers, "MAX_CUSTOMERS", 100)
    path = write_report(tmp_path / "top.xlsx", result)
    ws = openpyxl.load_workbook(path)["Customers"]
    assert "100 of the 2,357 customers" in ws["A3"].value
    ids = [ws.cell(r, 1).value for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value]
    top = result.predictions["clv"].nlargest(100)
    assert len(ids) == 100
    assert set(ids) == set(top.index.astype(str))
    # in their original order, not re-sorted
    assert ids == [i for i in result.predictions.index.astype(str) if i in set(ids)]


def test_streamed_cells_read_back(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws["H1"] = "next to the table"
    columns = [Column("id"), Column("amount", "0.00"), Column("day", "yyyy-mm-dd"),
               Column("formula")]
    n = report_stream.CHUNK_ROWS + 5  # more than one chunk
    ids = np.array([f"c{i}" for i in range(n)], dtype=object)
    ids[3] = "=1+1"
    ids[4] = " padded <&> "
    ids[5] = None
    amounts = np.arange(n, dtype=float)
    amounts[6] = np.nan
    days = np.full(n, (dt.datetime(2024, 2, 29) - dt.datetime(1899, 12, 30)).days, dtype=float)
    formulas = [Formula(f"=B{r}*2") for r in range(1, n + 1)]
    last = report_stream.defer_rows(ws, 1, columns, [ids, amounts, days, formulas])
    assert last == n
    report_stream.save(book, tmp_path / "t.xlsx")
    back = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert back.max_row == n
    assert back["H1"].value == "next to the table"
    assert back["A1"].value == "c0"  # the first row shares its row with H1: an ordinary cell
    assert back["A4"].value == "=1+1" and back["A4"].data_type == "s" and back["A4"].quotePrefix
    assert back["A5"].value == " padded <&> "
    assert back["A6"].value is None
    assert back["B7"].value is None
    assert back["B9"].value == 8 and back["B9"].number_format == "0.00"
    assert back["C9"].value == dt.datetime(2024, 2, 29) and back["C9"].number_format == "yyyy-mm-dd"
    assert back["D9"].value == "=B9*2"
    assert back[f"A{n}"].value == f"c{n - 1}"
