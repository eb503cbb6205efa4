"""The Customers sheet: predictive CLV per customer, and the CLV distribution as a bar chart.

The model's predictions (``clvdesk.core.clv.predict_clv``) are computed by CLV Desk and written
as values: repeat purchases, recency and age T in the data's period, P(alive), expected
purchases over the horizon and expected spend per order. CLV is linear in the margin
(``CLV = margin x discounted revenue``, see :mod:`clvdesk.core.clv`), so the sheet writes the
discounted revenue and its interval bounds as values and CLV, CLV low and CLV high as live
formulas ``= revenue x Margin``: changing the margin on the assumptions sheet updates every
customer's CLV, the segment averages and the distribution chart.

Past Excel's row limit the sheet keeps the :data:`MAX_CUSTOMERS` customers with the highest
CLV (in their original order) and a note under the title says how many of how many it shows.
The rows are streamed into the file (:mod:`clvdesk.core.io.report_stream`), not held as cells.

Distribution: CLV bins with fixed edges (from the CLV at writing time, rounded to a readable
step, the top bin open for the long tail) and live ``COUNTIFS`` counts over the CLV column.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from clvdesk.core.errors import InputError
from clvdesk.core.io.report_cells import (
    Column,
    Formula,
    column_range,
    put,
    put_header,
    put_note,
    put_rows,
    put_table,
    put_title,
)
from clvdesk.core.io.report_charts import bar_chart
from clvdesk.core.io.report_labels import Labels, NumberFormats
from clvdesk.core.io.report_stream import FormulaColumn, column_values, defer_rows
from clvdesk.core.io.tables import XLSX_MAX_ROWS
from clvdesk.core.overview import clv_distribution

HEADER_ROW = 4
#: Customers that fit on the sheet below its header (Excel's 1,048,576 rows); beyond, the sheet
#: keeps the customers with the highest CLV and says so (csv/parquet outputs stay whole).
MAX_CUSTOMERS = XLSX_MAX_ROWS - HEADER_ROW


@dataclass(frozen=True)
class CustomerColumns:
    """Where the Customers sheet put what other sheets refer to (absolute ranges)."""

    clv: str | None
    segment: str | None


def write_customers(ws: Worksheet, predictions: pd.DataFrame, labels: Labels,
                    formats: NumberFormats, *, margin: float, margin_name: str,
                    segments: pd.Series | None = None, period: str | None = None,
                    history: pd.DataFrame | None = None) -> CustomerColumns:
    """Fill the Customers sheet from per-customer ``predictions`` (index: customer id).

    ``margin`` is the margin the predictions were computed with and ``margin_name`` the defined
    name of the margin cell. With ``margin`` 0 the revenue cannot be recovered from CLV, and CLV
    is written as values. ``segments``: each customer's segment (index: customer id).
    ``history``: the customer summary (``n_orders``, ``total_spend``, ``monetary_value`` (mean
    repeat order), ``first_purchase``, ``last_purchase`` of
    :func:`clvdesk.core.summary.summarize`), shown before the predictions.
    """
    put_title(ws, labels["title_customers"])
    live = margin > 0 and "clv" in predictions
    put_note(ws, 2, 1, labels["note_customers"] if live else "")
    total = len(predictions)
    if total > MAX_CUSTOMERS:
        if "clv" not in predictions:
            raise InputError(code="too_many_customers_for_sheet", customers=f"{total:,}",
                             limit=f"{MAX_CUSTOMERS:,}")
        order = np.argsort(-predictions["clv"].to_numpy(dtype=float), kind="stable")
        predictions = predictions.iloc[np.sort(order[:MAX_CUSTOMERS])]
        put_note(ws, 3, 1, labels["note_top_customers"].format(
            shown=f"{MAX_CUSTOMERS:,}", total=f"{total:,}"))
    period_unit = f" ({labels[period]})" if period else ""

    columns: list[Column] = [Column(labels["customer_id"], width=16)]
    values: list[pd.Series | np.ndarray] = [predictions.index.astype(str).to_numpy(dtype=object)]
    has_segment = segments is not None
    if has_segment:
        columns.append(Column(labels["segment"], width=16))
        values.append(column_values(segments.reindex(predictions.index)))
    if history is not None:
        for key, number_format in (("n_orders", formats.integer), ("total_spend", formats.money),
                                   ("monetary_value", formats.money),
                                   ("first_purchase", formats.date),
                                   ("last_purchase", formats.date)):
            if key in history:
                columns.append(Column(labels[key], number_format, 14))
                values.append(column_values(history[key].reindex(predictions.index)))
    plain = [
        ("frequency", formats.integer, ""),
        ("recency", formats.number, period_unit),
        ("T", formats.number, period_unit),
        ("p_alive", formats.percent, ""),
        ("expected_purchases", formats.number, ""),
        ("expected_spend", formats.money, ""),
    ]
    for key, number_format, suffix in plain:
        if key in predictions:
            columns.append(Column(labels[key] + suffix, number_format))
            values.append(predictions[key].to_numpy())

    bounds = [key for key in ("clv", "clv_low", "clv_high") if key in predictions]
    first_formula_col = len(columns) + 1 + (len(bounds) if live else 0)
    clv_col = None
    if live:
        for key in bounds:
            columns.append(Column(labels[key.replace("clv", "revenue")], formats.money))
            values.append(predictions[key].to_numpy() / margin)
        for offset, key in enumerate(bounds):
            columns.append(Column(labels[key], formats.money))
            values.append(_margin_formulas(first_formula_col - len(bounds) + offset,
                                           len(predictions), margin_name))
        clv_col = first_formula_col
    else:
        for key in bounds:
            columns.append(Column(labels[key], formats.money))
            values.append(predictions[key].to_numpy())
        if bounds:
            clv_col = len(columns) - len(bounds) + 1

    put_header(ws, HEADER_ROW, columns)
    last = defer_rows(ws, HEADER_ROW + 1, columns, values)
    first = HEADER_ROW + 1
    ws.freeze_panes = ws.cell(row=first, column=2)
    if last >= first:
        ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(columns))}{last}"
    clv_range = column_range(ws, clv_col, first, max(last, first)) if clv_col else None
    segment_range = column_range(ws, 2, first, max(last, first)) if has_segment else None
    if clv_range and last >= first:
        _write_distribution(ws, predictions["clv"].to_numpy(dtype=float), clv_range,
                            len(columns) + 2, labels, formats)
    return CustomerColumns(clv=clv_range, segment=segment_range)


def _margin_formulas(revenue_col: int, n_rows: int, margin_name: str) -> FormulaColumn:
    letter = get_column_letter(revenue_col)
    # an interval bound may be missing (blank): keep it blank rather than 0
    return FormulaColumn(f'=IF(ISNUMBER({letter}{{row}}),{letter}{{row}}*{margin_name},"")',
                         HEADER_ROW + 1, n_rows)


def _write_distribution(ws: Worksheet, clv: np.ndarray, clv_range: str, first_col: int,
                        labels: Labels, formats: NumberFormats) -> None:
    edges = clv_distribution(clv).edges  # the app's chart has the same bins
    columns = [Column(labels["bin_from"], formats.money, 12), Column(labels["bin_to"],
               formats.money, 12), Column(labels["customers"], formats.integer, 12)]
    put(ws, HEADER_ROW - 1, first_col, labels["clv_distribution"])
    from_letter = get_column_letter(first_col)
    to_letter = get_column_letter(first_col + 1)
    rows = []
    n_bins = len(edges) - 1
    for i in range(n_bins):
        row = HEADER_ROW + 1 + i
        if i == 0:  # lowest bin open below, so negative CLV after a change is still counted
            count = f"=COUNTIFS({clv_range},\"<\"&{to_letter}{row})"
        elif i == n_bins - 1:  # highest bin open above
            count = f"=COUNTIFS({clv_range},\">=\"&{from_letter}{row})"
        else:
            count = (f"=COUNTIFS({clv_range},\">=\"&{from_letter}{row},"
                     f"{clv_range},\"<\"&{to_letter}{row})")
        rows.append((edges[i], None if i == n_bins - 1 else edges[i + 1], Formula(count)))
    put_table(ws, HEADER_ROW, columns, [], first_col)
    last = put_rows(ws, HEADER_ROW + 1, columns, rows, first_col)
    bar_chart(ws, title=labels["clv_distribution"], y_title=labels["customers"],
              categories=(first_col, HEADER_ROW + 1, last),
              series=[(first_col + 2, HEADER_ROW, last)], anchor=f"{get_column_letter(first_col)}"
              f"{last + 3}", gap_width=10)
