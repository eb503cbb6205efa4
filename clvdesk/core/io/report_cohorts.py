"""The Cohorts sheet: customers by month of first order (:mod:`clvdesk.core.cohorts`).

Layout: the summary per cohort (customers, repeat rate, revenue and margin per customer to
date, CAC, payback month), then cohort x month matrices: cumulative revenue per customer
(values), cumulative margin per customer (live: revenue x the ``Margin`` cell) and the share of
customers active in each month. The payback month is live as well: the first month whose
cumulative margin reaches the CAC (``MATCH(1, INDEX(ISNUMBER(row) * (row >= CAC), 0), 0) - 1``,
blank if not yet reached), as :func:`clvdesk.core.cohorts.cohort_table` defines it. A line chart draws the
cumulative revenue curves of the (at most :data:`MAX_CHART_COHORTS` latest) cohorts.
"""

from __future__ import annotations

import math

import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from clvdesk.core.io.report_cells import (
    SECTION_FONT,
    Column,
    Formula,
    put,
    put_note,
    put_table,
    put_title,
)
from clvdesk.core.io.report_charts import line_chart
from clvdesk.core.io.report_labels import Labels, NumberFormats

#: Cohorts drawn in the chart (the latest ones); more lines would not be readable.
MAX_CHART_COHORTS = 12


def write_cohorts(ws: Worksheet, cohorts, labels: Labels, formats: NumberFormats, *,
                  margin_name: str | None, cac_ref: str | None, cac_value: float | None
                  ) -> None:
    """Fill the Cohorts sheet from a cohort analysis.

    ``cohorts``: a :class:`clvdesk.core.cohorts.CohortTable` or a dict with the same parts
    (``summary``, ``revenue``, ``margin``, ``active``). ``margin_name``: defined name of the
    margin cell when one margin applies to all orders (else the margin matrix is written as
    values); ``cac_ref``/``cac_value``: a live CAC cell (the base's acquisition cost) and its
    value, referred to by the cohorts whose CAC equals it.
    """
    put_title(ws, labels["title_cohorts"])
    parts = _parts(cohorts)
    summary = parts.get("summary")
    revenue = parts.get("revenue")
    if summary is None or revenue is None or not len(revenue):
        put_note(ws, 3, 1, labels["not_available"])
        return
    months = list(revenue.columns)
    n_cohorts = len(revenue)
    header = 4
    # rows of the matrices below the summary, whose formulas refer to them
    revenue_header = header + n_cohorts + 3
    margin_header = revenue_header + n_cohorts + 3
    active_header = margin_header + n_cohorts + 3
    last_col = get_column_letter(1 + len(months))

    columns = [Column(labels["cohort"], width=12), Column(labels["customers"], formats.integer),
               Column(labels["repeat_rate"], formats.percent),
               Column(labels["revenue_per_customer"], formats.money),
               Column(labels["margin_per_customer"], formats.money),
               Column(labels["cac"], formats.money), Column(labels["payback_month"],
                                                            formats.integer)]
    rows = []
    for i, (cohort, row) in enumerate(summary.iterrows()):
        margin_row = margin_header + 1 + i
        cac = row.get("cac")
        if (cac_ref and cac_value is not None and pd.notna(cac)
                and math.isclose(float(cac), cac_value, rel_tol=1e-12, abs_tol=1e-12)):
            cac = Formula(f"={cac_ref}")
        cac_cell = f"F{header + 1 + i}"
        margin_cells = f"$B{margin_row}:${last_col}{margin_row}"
        # months not yet observed are "" and text compares above any number in Excel,
        # so only numbers count; INDEX(..., 0) evaluates the array without Ctrl+Shift+Enter
        payback = Formula(f'=IF(ISNUMBER({cac_cell}),IFERROR(MATCH(1,INDEX(ISNUMBER('
                          f'{margin_cells})*({margin_cells}>={cac_cell}),0),0)-1,""),"")')
        margin_total = (Formula(f"=D{header + 1 + i}*{margin_name}") if margin_name
                        else row.get("margin_per_customer"))
        rows.append((cohort, row.get("customers"), row.get("repeat_rate"),
                     row.get("revenue_per_customer"), margin_total, cac, payback))
    put_table(ws, header, columns, rows)

    month_columns = [Column(labels["cohort"], width=12)] + [
        Column(f"{labels['month']} {m}", None, 9) for m in months]
    put(ws, revenue_header - 1, 1, labels["cumulative_revenue"], font=SECTION_FONT)
    revenue_rows = [[cohort, *values] for cohort, values in
                    zip(revenue.index, revenue.to_numpy(dtype=float), strict=True)]
    _put_matrix(ws, revenue_header, month_columns, revenue_rows, formats.money)

    put(ws, margin_header - 1, 1, labels["cumulative_margin"], font=SECTION_FONT)
    if margin_name:
        margin_rows = []
        for i, cohort in enumerate(revenue.index):
            source = revenue_header + 1 + i
            margin_rows.append([cohort] + [
                Formula(f'=IF(ISNUMBER({get_column_letter(c + 2)}{source}),'
                        f'{get_column_letter(c + 2)}{source}*{margin_name},"")')
                for c in range(len(months))])
    else:
        matrix = parts.get("margin")
        margin_rows = [[cohort, *values] for cohort, values in
                       zip(matrix.index, matrix.to_numpy(dtype=float), strict=True)]
    _put_matrix(ws, margin_header, month_columns, margin_rows, formats.money)

    active = parts.get("active")
    if active is not None and len(active):
        put(ws, active_header - 1, 1, labels["active_share"], font=SECTION_FONT)
        active_rows = [[cohort, *values] for cohort, values in
                       zip(active.index, active.to_numpy(dtype=float), strict=True)]
        _put_matrix(ws, active_header, month_columns, active_rows, formats.percent)
    ws.freeze_panes = ws.cell(row=header + 1, column=2)
    _chart(ws, revenue_header, n_cohorts, len(months), labels, formats)


def _put_matrix(ws: Worksheet, header: int, columns: list[Column], rows: list[list],
                number_format: str) -> None:
    formatted = [columns[0]] + [Column(c.header, number_format, c.width) for c in columns[1:]]
    put_table(ws, header, formatted, rows)


def _chart(ws: Worksheet, revenue_header: int, n_cohorts: int, n_months: int, labels: Labels,
           formats: NumberFormats) -> None:
    """Line chart: one line per cohort (the latest ones) over months since the first order."""
    first = revenue_header + 1 + max(0, n_cohorts - MAX_CHART_COHORTS)
    line_chart(ws, title=labels["chart_cohorts"], x_title=labels["months_since_first"],
               y_title=labels["revenue_per_customer"],
               categories=(revenue_header, 2, 1 + n_months),
               rows=(first, revenue_header + n_cohorts, 1 + n_months),
               number_format=formats.money, anchor=f"{get_column_letter(n_months + 3)}4")


def _parts(cohorts) -> dict[str, pd.DataFrame]:
    """The parts of a cohort analysis, whether given as a ``CohortTable`` or a dict."""
    if cohorts is None:
        return {}
    if isinstance(cohorts, dict):
        return {key: value for key, value in cohorts.items() if isinstance(value, pd.DataFrame)}
    return {key: getattr(cohorts, key) for key in ("summary", "revenue", "margin", "active")
            if isinstance(getattr(cohorts, key, None), pd.DataFrame)}
