"""The Segments sheet: three-factor CLV per segment as live formulas, next to predictive CLV.

Inputs per segment come from :func:`clvdesk.core.segments.segment_clv` (customers, orders,
revenue, AOV, purchases per year, lifespan in years). The closed form is written as formulas of
those cells and of the assumption cells, the same formulas as
:func:`clvdesk.core.formulas.simple_clv`, ``ltv_cac_ratio`` and ``cac_payback_months``:

* ``LTV = margin x AOV x frequency x lifespan`` (margin: the ``Margin`` cell);
* ``CLV = LTV - CAC`` (CAC: the ``AcquisitionCost`` cell unless the segment has its own; for
  all customers then the customer-weighted mean, as the pipeline computes it);
* ``LTV:CAC = LTV / CAC``; payback months ``= CAC / (AOV x frequency / 12 x margin)``.

Below, the pipeline's predictive CLV per segment: mean and total are ``SUMPRODUCT`` over the
Customers sheet, so they follow the margin cell too; the interval of the segment total keeps its
ratio to the total; CLV after CAC and LTV:CAC as formulas.
"""

from __future__ import annotations

import math

import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from clvdesk.core.io import report_formulas as excel
from clvdesk.core.io.report_cells import (
    INPUT_FILL,
    INPUT_FONT,
    SECTION_FONT,
    Column,
    Formula,
    absolute,
    put,
    put_note,
    put_table,
    put_title,
    restrict,
)
from clvdesk.core.io.report_charts import bar_chart
from clvdesk.core.io.report_customers import CustomerColumns
from clvdesk.core.io.report_labels import Labels, NumberFormats

HEADER_ROW = 4
#: Rows left free under a table for its chart.
CHART_ROWS = 20


def write_segments(ws: Worksheet, table: pd.DataFrame, labels: Labels, formats: NumberFormats,
                   *, names: dict[str, str], global_cac: float, total_label: str | None = None,
                   customers: CustomerColumns | None = None,
                   predictive: pd.DataFrame | None = None) -> str | None:
    """Fill the Segments sheet.

    ``table``: a ``segment_clv`` table (index: segment, last row ``total_label`` for all
    customers) computed with the margin of the assumptions sheet. ``names``: defined names of
    the assumption cells (keys ``margin``, ``cac``). ``global_cac``: the value of the CAC cell;
    segments whose CAC differs from it (set per segment, or from the data's acquisition costs)
    keep their own CAC as an input cell, the others refer to the ``AcquisitionCost`` cell, and
    the row for all customers then takes the customer-weighted mean. ``customers``: where the
    Customers sheet put
    CLV and segment. ``predictive``: the pipeline's per-segment predictions
    (``AnalysisResult.segments``). Returns the absolute reference of the all-customers CAC
    cell (the base's acquisition cost, live), or None without such a row.
    """
    put_title(ws, labels["title_segments"])
    put_note(ws, 2, 1, labels["clv_closed"])
    own_cac = {segment: float(cac) for segment, cac in table["cac"].items()
               if segment != total_label and not math.isclose(float(cac), global_cac,
                                                             rel_tol=1e-12, abs_tol=1e-12)}
    last, total_cac = _closed_form(ws, table, labels, formats, names, own_cac, total_label)
    # the predictive rows take their CAC from the closed-form rows of the same segment (live)
    cac_cells = {segment: f"$I${HEADER_ROW + 1 + i}" for i, segment in enumerate(table.index)}
    if predictive is not None and len(predictive):
        top = last + CHART_ROWS + 3
        put(ws, top, 1, labels["predictive_segments"], font=SECTION_FONT)
        _predictive_table(ws, top + 1, predictive, labels, formats, cac_cells, total_label,
                          customers)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)
    ws.column_dimensions[get_column_letter(1)].width = 20
    return total_cac


def _closed_form(ws, table, labels, formats, names, own_cac, total_label
                 ) -> tuple[int, str | None]:
    columns = [
        Column(labels["segment"], width=18), Column(labels["customers"], formats.integer),
        Column(labels["orders"], formats.integer), Column(labels["revenue_total"], formats.money),
        Column(labels["aov"], formats.money),
        Column(f"{labels['frequency_per_year']} ({labels['per_year']})", formats.number),
        Column(labels["lifespan_years"] + f" ({labels['years']})", formats.number),
        Column(labels["margin"], formats.percent), Column(labels["cac"], formats.money),
        Column(labels["clv_gross"], formats.money), Column(labels["clv_formula"], formats.money),
        Column(labels["ltv_cac"], formats.ratio),
        Column(labels["payback_months"], formats.number),
    ]
    first = HEADER_ROW + 1
    n_segments = len(table) - (1 if total_label in table.index else 0)
    rows = []
    for offset, (segment, seg) in enumerate(table.iterrows()):
        r = first + offset
        if segment == total_label:
            label = labels["all_customers"]
            cac = (Formula(f"=SUMPRODUCT(B{first}:B{first + n_segments - 1},"
                           f"I{first}:I{first + n_segments - 1})/SUM(B{first}:"
                           f"B{first + n_segments - 1})")
                   if own_cac and n_segments else Formula(f"={names['cac']}"))
        else:
            label = segment
            cac = (float(own_cac[segment]) if segment in own_cac
                   else Formula(f"={names['cac']}"))
        rows.append([label, seg["customers"], seg["orders"], seg["revenue"], seg["aov"],
                     seg["frequency_per_year"], seg["lifespan_years"],
                     Formula(f"={names['margin']}"), cac,
                     excel.simple_clv(f"E{r}", f"F{r}", f"G{r}", None, f"H{r}"),
                     Formula(f"=J{r}-I{r}"),
                     excel.ltv_cac_ratio(f"J{r}", f"I{r}"),
                     excel.cac_payback_months(f"I{r}", f"E{r}", f"F{r}", f"H{r}")])
    last = put_table(ws, HEADER_ROW, columns, rows)
    for offset, segment in enumerate(table.index):
        if segment in own_cac:
            cell = ws.cell(row=first + offset, column=9)
            cell.font, cell.fill = INPUT_FONT, INPUT_FILL
            restrict(ws, cell.coordinate, labels["invalid_amount"])
    if n_segments:
        bar_chart(ws, title=labels["chart_segments_closed"], y_title=labels["clv"],
                  categories=(1, first, first + n_segments - 1),
                  series=[(11, HEADER_ROW, first + n_segments - 1)],
                  number_format=formats.money, anchor=f"A{last + 2}")
    total_cac = None
    if total_label in table.index:
        total_cac = absolute(ws, first + list(table.index).index(total_label), 9)
    return last, total_cac


def _predictive_table(ws, header, table, labels, formats, cac_cells, total_label,
                      customers) -> None:
    live = customers is not None and customers.clv is not None and "clv_mean" in table
    columns = [Column(labels["segment"], width=18), Column(labels["customers"], formats.integer),
               Column(labels["repeat_customers"], formats.integer),
               Column(labels["expected_purchases"], formats.number)]
    if live:
        columns += [Column(labels["predicted_clv_mean"], formats.money),
                    Column(labels["predicted_clv_total"], formats.money),
                    Column(labels["clv_total_low"], formats.money),
                    Column(labels["clv_total_high"], formats.money),
                    Column(labels["cac"], formats.money),
                    Column(labels["clv_net_mean"], formats.money),
                    Column(labels["ltv_cac"], formats.ratio)]
    rows = []
    segment_rows = []
    for offset, (_, seg) in enumerate(table.iterrows()):
        r = header + 1 + offset
        is_total = seg["segment"] == total_label
        row = [labels["all_customers"] if is_total else seg["segment"], seg.get("customers"),
               seg.get("repeat_customers"), seg.get("expected_purchases")]
        if not is_total:
            segment_rows.append(r)
        if live:
            cac = (Formula(f"={cac_cells[seg['segment']]}") if seg["segment"] in cac_cells
                   else seg.get("acquisition_cost"))
            row += [*_predictive(is_total, f"A{r}", customers),
                    _scaled(seg.get("clv_low"), seg.get("clv"), f"F{r}"),
                    _scaled(seg.get("clv_high"), seg.get("clv"), f"F{r}"),
                    cac, Formula(f"=IF(ISNUMBER(E{r}),E{r}-I{r},\"\")"),
                    excel.ltv_cac_ratio(f"E{r}", f"I{r}")]
        rows.append(row)
    last = put_table(ws, header, columns, rows)
    if live and segment_rows:
        bar_chart(ws, title=labels["chart_segments"], y_title=labels["clv"],
                  categories=(1, header + 1, segment_rows[-1]),
                  series=[(5, header, segment_rows[-1]), (10, header, segment_rows[-1])],
                  number_format=formats.money, anchor=f"A{last + 2}")


def _scaled(bound, total, total_cell: str):
    """An interval bound that follows the live total: ``total_cell x bound / total``.

    The bounds are quantiles of the segment total over parameter draws, all scaled by the same
    margin, so their ratio to the total does not depend on the margin.
    """
    if bound is None or total is None or pd.isna(bound) or pd.isna(total) or total == 0:
        return bound
    return Formula(f"={total_cell}*{float(bound) / float(total)!r}")

def _predictive(is_total: bool, segment_cell: str, customers: CustomerColumns) -> list[Formula]:
    if is_total or customers.segment is None:
        return [Formula(f"=IFERROR(AVERAGE({customers.clv}),\"\")"),
                Formula(f"=SUM({customers.clv})")]
    # SUMPRODUCT compares exactly: COUNTIFS/AVERAGEIFS would read a segment named ">100",
    # "=x" or "a*" as a condition or a wildcard
    match = f"({customers.segment}={segment_cell})"
    return [
        Formula(f"=IFERROR(SUMPRODUCT({match}*{customers.clv})/SUMPRODUCT({match}*1),\"\")"),
        Formula(f"=SUMPRODUCT({match}*{customers.clv})"),
    ]

