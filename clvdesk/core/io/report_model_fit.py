"""The Model fit sheet: parameters with standard errors, log-likelihood, AIC and BIC of the
transaction and spend models, the model comparison of :func:`clvdesk.core.validation.compare_models`
the holdout check of :func:`clvdesk.core.validation.holdout_by_frequency` (Fader, Hardie & Lee
2005a, figure 4) and the tracking of :func:`clvdesk.core.validation.tracking` (figure 3), each
with its chart.
"""

from __future__ import annotations

import pandas as pd
from openpyxl.worksheet.worksheet import Worksheet

from clvdesk.core.io.report_cells import (
    SECTION_FONT,
    Column,
    put,
    put_frame,
    put_note,
    put_table,
    put_title,
)
from clvdesk.core.io.report_charts import bar_chart, column_line_chart
from clvdesk.core.io.report_labels import Labels, NumberFormats, model_name


def write_model_fit(ws: Worksheet, labels: Labels, formats: NumberFormats, *, models: list,
                    comparison: pd.DataFrame | None = None,
                    holdout: pd.DataFrame | None = None,
                    tracking: pd.DataFrame | None = None,
                    regularisation: list[dict] | None = None,
                    spend_fit: dict | None = None) -> None:
    """Fill the Model fit sheet.

    ``regularisation`` (``AnalysisResult.regularisation``) and ``spend_fit``
    (``AnalysisResult.spend_fit``) become notes under the title: which estimates are
    regularised and why, and how many customers get the population mean spend.

    ``models``: ``(title, model)`` pairs of fitted models (``params``, ``std_errors``,
    ``log_likelihood``, ``n_customers``, ``aic``, ``bic``); ``comparison``: the table of
    ``compare_models``; ``holdout``: the table of ``holdout_by_frequency``; ``tracking``: the
    table of ``validation.tracking`` (actual against expected repeat transactions per period).
    """
    put_title(ws, labels["title_model_fit"])
    row = 3
    for entry in regularisation or []:
        if entry.get("regularised"):
            key = "regularised_auto" if entry.get("automatic") else "regularised_user"
            put_note(ws, row, 1, labels[key].format(entry["model"], entry["penalty"]))
            row += 1
    if spend_fit:
        put_note(ws, row, 1, labels["spend_population_mean"].format(
            spend_fit["fitted_on"], spend_fit["population_mean_customers"],
            spend_fit["repeat_buyers_left_out"]))
        row += 1
    row += 1 if row > 3 else 0
    for title, model in models:
        if model is None:
            continue
        row = _write_model(ws, row, title, model, labels, formats) + 2

    put(ws, row, 1, labels["model_comparison"], font=SECTION_FONT)
    if comparison is not None and len(comparison):
        if "model" in comparison.columns:
            comparison = comparison.assign(model=comparison["model"].map(model_name))
        row = put_frame(ws, row + 1, comparison, labels, formats) + 2
    else:
        put_note(ws, row + 1, 1, labels["not_available"])
        row += 3

    put(ws, row, 1, labels["holdout_check"], font=SECTION_FONT)
    if holdout is not None and len(holdout):
        header = row + 1
        last = put_frame(ws, header, holdout, labels, formats)
        columns = list(holdout.columns)
        if {"frequency", "actual", "predicted"} <= set(columns):
            bar_chart(ws, title=labels["holdout_check"], y_title=labels["expected_purchases"],
                      categories=(columns.index("frequency") + 1, header + 1, last),
                      series=[(columns.index("actual") + 1, header, last),
                              (columns.index("predicted") + 1, header, last)],
                      anchor=f"I{row}")
    else:
        put_note(ws, row + 1, 1, labels["not_available"])
        row += 1
    if tracking is not None and len(tracking):
        _write_tracking(ws, max(row + 20, ws.max_row + 3), tracking, labels, formats)
    ws.column_dimensions["A"].width = 24


def _write_tracking(ws: Worksheet, row: int, tracking: pd.DataFrame, labels: Labels,
                    formats: NumberFormats) -> None:
    """Cumulative repeat transactions of the whole base, actual against the model's expectation
    (Fader, Hardie & Lee 2005a, figure 3), through calibration and holdout, with a line chart."""
    put(ws, row, 1, labels["tracking"], font=SECTION_FONT)
    header = row + 1
    tracking = tracking.rename(columns={"period": "period_number", "actual": "actual_in_period",
                                        "expected": "expected_in_period"})
    last = put_frame(ws, header, tracking, labels, formats)
    columns = list(tracking.columns)
    wanted = [c for c in ("actual_cumulative", "expected_cumulative") if c in columns]
    if "period_number" in columns and wanted:
        column_line_chart(ws, title=labels["tracking"], x_title=labels["period_number"],
                          y_title=labels["repeat_transactions"],
                          categories=(columns.index("period_number") + 1, header + 1, last),
                          series=[(columns.index(c) + 1, header, last) for c in wanted],
                          anchor=f"I{row}")


def _write_model(ws: Worksheet, row: int, title: str, model, labels: Labels,
                 formats: NumberFormats) -> int:
    name = getattr(model, "name", None) or type(model).__name__
    put(ws, row, 1, f"{title}: {model_name(name)}", font=SECTION_FONT)
    params = dict(getattr(model, "params", {}) or {})
    errors = dict(getattr(model, "std_errors", {}) or {})
    columns = [Column(labels["parameter"]), Column(labels["estimate"], "0.0000", 14),
               Column(labels["std_error"], "0.0000", 14)]
    last = put_table(ws, row + 1, columns,
                     [(key, value, errors.get(key)) for key, value in params.items()])
    stats = [("log_likelihood", formats.number), ("aic", formats.number),
             ("bic", formats.number), ("n_customers", formats.integer),
             ("penalty", "0.0000")]
    for key, number_format in stats:
        value = getattr(model, key, None)
        if value is None or (key == "penalty" and not value):
            continue
        last += 1
        put(ws, last, 1, labels[key])
        put(ws, last, 2, value, number_format)
    return last
