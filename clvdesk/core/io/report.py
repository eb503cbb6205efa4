"""The report workbook: one analysis as an Excel file a colleague can open, check and change.

:func:`write_report` writes the :class:`~clvdesk.core.pipeline.AnalysisResult` of
:func:`~clvdesk.core.pipeline.run_analysis` to an ``.xlsx`` (openpyxl for the small sheets, the
customer rows streamed in by :mod:`clvdesk.core.io.report_stream`; written atomically) with
eight sheets:

========================  =========================================================================
Assumptions / Aannames    named input cells (margin, discount rate, horizon, CAC, AOV, orders per
                          year, lifespan) and the closed-form CLV, LTV:CAC and payback as formulas
Customers / Klanten       per customer: repeat purchases, recency, T, P(alive), expected purchases,
                          expected spend, CLV and its interval (CLV = revenue x ``Margin``, live);
                          CLV distribution (live counts) with a bar chart
Segments / Segmenten      three-factor CLV per segment as formulas of the segment's inputs and the
                          margin/CAC cells; predictive CLV per segment; bar charts
Cohorts / Cohorten        per cohort of first-order month: summary, cumulative revenue, margin
                          (live) and activity per month, payback month (live); line chart
Scenarios / Scenario's    base case (follows the assumptions) and the user's scenarios as formulas,
                          CLV against the base, sensitivity (tornado); bar charts
Model fit / Modelfit      parameters, standard errors, log-likelihood, AIC/BIC, model comparison,
                          holdout check with its chart
Data quality              the data-quality report: overview and issues with what CLV Desk does
Actions / Acties          tier x status matrix (live counts), levers per segment with a sentence
                          each, NPS groups, customer list with live churn risk and next purchase
                          (:mod:`clvdesk.core.io.report_actions`)
Functions / Functies      the named LAMBDA functions (CLV.SIMPLE, BGNBD.PALIVE, ...) of
                          :mod:`clvdesk.core.io.report_functions`, usable in any cell
========================  =========================================================================

Live formulas use the defined names of the assumption cells (``Margin``, ``AcquisitionCost``,
``AvgOrderValue``, ``PurchasesPerYear``, ``LifespanYears``, ``DiscountRate``, ``Horizon``), so
changing an assumption in Excel updates every closed-form CLV without Python; the model's
predictions themselves (P(alive), expected purchases and spend) are values computed by CLV Desk.
Text from the user's data is never evaluated (see :mod:`clvdesk.core.io.report_cells`). Labels
and formats follow ``language`` (see :mod:`clvdesk.core.io.report_labels`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from clvdesk.core.errors import InputError
from clvdesk.core.io import report_stream
from clvdesk.core.io.atomic import write_atomic
from clvdesk.core.io.report_actions import write_actions
from clvdesk.core.io.report_assumptions import NAMES, AssumptionValues, write_assumptions
from clvdesk.core.io.report_cohorts import write_cohorts
from clvdesk.core.io.report_customers import write_customers
from clvdesk.core.io.report_functions import write_functions
from clvdesk.core.io.report_labels import SHEETS, labels_for, number_formats
from clvdesk.core.io.report_model_fit import write_model_fit
from clvdesk.core.io.report_quality import write_quality
from clvdesk.core.io.report_scenarios import write_scenarios
from clvdesk.core.io.report_segments import write_segments
from clvdesk.core.scenarios import Scenario
from clvdesk.core.segments import TOTAL_LABEL

#: Order of the sheets in the workbook.
SHEET_ORDER: tuple[str, ...] = ("assumptions", "customers", "segments", "cohorts", "scenarios",
                                "model_fit", "quality", "actions", "functions")

#: Fields of ``AnalysisResult`` the report reads.
RESULT_FIELDS: tuple[str, ...] = (
    "assumptions", "orders", "quality", "summary", "model", "spend_model", "predictions",
    "segments", "segments_closed_form", "cohorts", "tracking", "holdout_by_frequency",
    "model_comparison",
)


def write_report(path: str | os.PathLike, result, *, language: str = "en",
                 scenarios: Sequence[Scenario] | None = None, currency: str = "€") -> Path:
    """Write the report workbook of ``result`` (an ``AnalysisResult``) to ``path`` (``.xlsx``).

    ``language``: ``"en"`` or ``"nl"`` (sheet names, headers, money and date formats).
    ``scenarios``: closed-form scenarios (:class:`clvdesk.core.scenarios.Scenario`) shown next to
    the base case. ``currency``: the symbol of money cells (the data's currency; euro by
    default). Returns the path written; raises :class:`InputError` for a bad path or option.
    The file appears complete or not at all (written to a temporary file, then renamed).
    """
    target = _check_target(path)
    missing = [name for name in RESULT_FIELDS if not hasattr(result, name)]
    if missing:
        raise TypeError("the report needs the result of run_analysis (missing: "  # a bug
                        f"{', '.join(missing)})")
    labels = labels_for(language)
    if not isinstance(currency, str) or not currency.strip() or len(currency) > 5:
        raise InputError(code="bad_currency", value=repr(currency))
    formats = number_formats(labels.language, currency.strip())
    scenarios = list(scenarios or [])
    if not all(isinstance(s, Scenario) for s in scenarios):
        raise TypeError("scenarios must be Scenario objects (see clvdesk.core.scenarios)")  # a bug
    book = build_workbook(result, labels, formats, scenarios, currency.strip())
    try:
        return write_atomic(target, lambda tmp: report_stream.save(book, tmp))
    except PermissionError:
        raise InputError(code="permission_denied", path=str(target)) from None
    except OSError as exc:
        raise InputError(code="cannot_write", path=str(target),
                         problem=str(exc.strerror or exc)) from None


def build_workbook(result, labels, formats, scenarios: Sequence[Scenario],
                   currency: str = "€") -> Workbook:
    """The report as an openpyxl :class:`Workbook` (not saved); see :func:`write_report`.

    The customer rows are not cells of it: they are streamed in by
    :func:`clvdesk.core.io.report_stream.save`, which must be used to save it.
    """
    a = result.assumptions
    book = Workbook()
    book.remove(book.active)
    sheets = {key: book.create_sheet(SHEETS[key][labels.language]) for key in SHEET_ORDER}
    book.properties.creator = "CLV Desk"
    book.properties.title = labels["title_assumptions"]
    book.calculation.fullCalcOnLoad = True  # no cached results in the file: compute on open

    segment_table = result.segments_closed_form
    total = segment_table.iloc[-1]
    # without one CAC for all, the base's is the mean of the customers' (from the data)
    base_cac = float(a.cac) if a.cac is not None else float(total["cac"])
    period = result.summary.attrs.get("period", getattr(a, "period", None))
    values = AssumptionValues(
        margin=a.margin, annual_discount_rate=a.annual_discount_rate, horizon=a.horizon,
        horizon_unit=a.horizon_unit, cac=base_cac, aov=float(total["aov"]),
        frequency_per_year=float(total["frequency_per_year"]),
        lifespan_years=float(total["lifespan_years"]), period=period,
        end=_timestamp(result.summary.attrs.get("end", a.end)),
        holdout_end=_timestamp(a.holdout_end), model=getattr(result.model, "name", a.model),
        spend_model=getattr(result.spend_model, "name", None), cac_from_data=a.cac is None,
    )
    write_assumptions(sheets["assumptions"], values, labels, formats)

    predictions = result.predictions
    segments = predictions["segment"] if "segment" in predictions else None
    customers = write_customers(
        sheets["customers"], predictions.drop(columns="segment", errors="ignore"), labels,
        formats, margin=a.margin, margin_name=NAMES["margin"], segments=segments, period=period,
        history=result.summary)

    total_cac = write_segments(sheets["segments"], segment_table, labels, formats, names=NAMES,
                               global_cac=base_cac, total_label=TOTAL_LABEL,
                               customers=customers, predictive=result.segments)
    write_cohorts(sheets["cohorts"], result.cohorts, labels, formats,
                  margin_name=NAMES["margin"], cac_ref=total_cac,
                  cac_value=float(segment_table["cac"].iloc[-1]))
    write_scenarios(sheets["scenarios"], labels, formats, names=NAMES, scenarios=scenarios)
    write_model_fit(sheets["model_fit"], labels, formats,
                    models=[(labels["model"], result.model),
                            (labels["spend_model"], result.spend_model)],
                    comparison=result.model_comparison, holdout=result.holdout_by_frequency,
                    tracking=result.tracking,
                    regularisation=getattr(result, "regularisation", None),
                    spend_fit=getattr(result, "spend_fit", None))
    write_quality(sheets["quality"], result.quality, labels, formats)
    if getattr(result, "actions", None) is not None:
        write_actions(sheets["actions"], result, labels, formats, currency)
    else:
        book.remove(sheets.pop("actions"))
    write_functions(sheets["functions"], labels, formats)
    for sheet in sheets.values():
        _print_setup(sheet)
    return book


def _print_setup(ws) -> None:
    """Print landscape, one page wide (as many pages down as needed), header row repeated."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def _check_target(path) -> Path:
    try:
        target = Path(path)
    except TypeError:
        raise InputError(code="not_a_path", value=repr(path)) from None
    if target.suffix.lower() != ".xlsx":
        raise InputError(code="report_not_xlsx", path=target.name)
    if target.is_dir():
        raise InputError(code="output_is_folder", file=str(target))
    if not target.parent.is_dir():
        raise InputError(code="output_folder_missing", folder=str(target.parent))
    return target


def _timestamp(value):
    if value is None:
        return None
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(stamp) else stamp.to_pydatetime()
