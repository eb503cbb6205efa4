"""The Assumptions sheet: named input cells and the closed-form CLV as live formulas.

Every closed-form formula in the workbook refers to these cells by their defined names
(:data:`NAMES`), so ``=Margin*AvgOrderValue*PurchasesPerYear*LifespanYears-AcquisitionCost``
reads like the textbook formula and a changed input updates every sheet in Excel without Python.

Closed forms, built by :mod:`clvdesk.core.io.report_formulas` to match
:mod:`clvdesk.core.formulas` (Gupta & Lehmann 2003, "Customers as Assets", J. Interactive
Marketing 17(1)):

* ``CLV = AOV x frequency [orders/year] x lifespan [years] x margin - CAC``
* the same discounted at the yearly discount rate (end-of-year convention of ``simple_clv``)
* ``LTV:CAC = (CLV + CAC) / CAC``
* payback in months ``= CAC / (AOV x frequency / 12 x margin)``
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from clvdesk import __version__
from clvdesk.core.io import report_formulas as excel
from clvdesk.core.io.report_cells import (
    INPUT_FILL,
    INPUT_FONT,
    SECTION_FONT,
    Column,
    absolute,
    put,
    put_header,
    put_note,
    put_title,
    restrict,
)
from clvdesk.core.io.report_labels import Labels, NumberFormats, model_name

#: Defined names of the input cells, by assumption key.
NAMES: dict[str, str] = {
    "margin": "Margin",
    "annual_discount_rate": "DiscountRate",
    "horizon": "Horizon",
    "cac": "AcquisitionCost",
    "aov": "AvgOrderValue",
    "frequency_per_year": "PurchasesPerYear",
    "lifespan_years": "LifespanYears",
}

#: Inputs that are fractions (0 to 1, shown as percentages); the others are 0 or more.
FRACTIONS = ("margin", "annual_discount_rate")

#: Defined names of the result cells.
RESULT_NAMES: dict[str, str] = {
    "clv_closed": "ClosedFormCLV",
    "clv_discounted": "DiscountedCLV",
    "clv_gross": "ValueBeforeCAC",
    "ltv_cac": "LtvToCac",
    "payback_months": "PaybackMonths",
}


@dataclass(frozen=True)
class AssumptionValues:
    """The inputs shown on the sheet. Money in currency units, rates as fractions (0.3 = 30 %)."""

    margin: float
    annual_discount_rate: float
    horizon: float
    horizon_unit: str
    cac: float
    aov: float
    frequency_per_year: float
    lifespan_years: float
    period: str | None = None
    end: object = None
    holdout_end: object = None
    model: str | None = None
    spend_model: str | None = None
    cac_from_data: bool = False


def write_assumptions(ws: Worksheet, values: AssumptionValues, labels: Labels,
                      formats: NumberFormats) -> dict[str, str]:
    """Fill the Assumptions sheet; return ``{defined name: absolute reference}`` it created.

    The names are added to the workbook, so other sheets can use them in formulas.
    """
    put_title(ws, labels["title_assumptions"])
    put_note(ws, 2, 1, labels["note_live"])
    columns = [Column(labels["assumption"], width=50), Column(labels["value"], width=16),
               Column(labels["unit"], width=22), Column(labels["note"], width=60)]
    put_header(ws, 4, columns)

    horizon_unit = labels[values.horizon_unit] if values.horizon_unit else ""
    inputs = [
        ("margin", values.margin, formats.percent, labels["share"], ""),
        ("annual_discount_rate", values.annual_discount_rate, formats.percent, "",
         labels["note_model_inputs"]),
        ("horizon", values.horizon, formats.number, horizon_unit, labels["note_model_inputs"]),
        ("cac", values.cac, formats.money, labels["per_customer"],
         labels["note_cac_from_data"] if values.cac_from_data else ""),
        ("aov", values.aov, formats.money, "", labels["note_from_data"]),
        ("frequency_per_year", values.frequency_per_year, formats.number, labels["per_year"],
         labels["note_from_data"]),
        ("lifespan_years", values.lifespan_years, formats.number, labels["years"],
         labels["note_from_data"]),
    ]
    refs: dict[str, str] = {}
    row = 4
    for key, value, number_format, unit, note in inputs:
        row += 1
        put(ws, row, 1, labels[key])
        put(ws, row, 2, value, number_format, font=INPUT_FONT, fill=INPUT_FILL)
        put(ws, row, 3, unit)
        put_note(ws, row, 4, note)
        refs[NAMES[key]] = absolute(ws, row, 2)
        if key in FRACTIONS:
            restrict(ws, f"B{row}", labels["invalid_fraction"], high=1.0)
        else:
            restrict(ws, f"B{row}", labels["invalid_amount"])

    info = [
        ("period", labels[values.period] if values.period else None, None),
        ("end", values.end, formats.date),
        ("holdout_end", values.holdout_end, formats.date),
        ("model", model_name(values.model), None),
        ("spend_model", model_name(values.spend_model), None),
        ("created_with", f"CLV Desk {__version__}", None),
        ("created_on", dt.datetime.now().replace(microsecond=0), formats.date),
    ]
    for key, value, number_format in info:
        if value is None:
            continue
        row += 1
        put(ws, row, 1, labels[key])
        put(ws, row, 2, value, number_format)

    row += 2
    put(ws, row, 1, labels["results"], font=SECTION_FONT)
    n = NAMES
    closed = (n["aov"], n["frequency_per_year"], n["lifespan_years"], n["cac"], n["margin"])
    results = [
        ("clv_closed", excel.simple_clv(*closed), formats.money),
        ("clv_discounted", excel.simple_clv(*closed, discount_rate=n["annual_discount_rate"]),
         formats.money),
        ("clv_gross", excel.value_before_cac(RESULT_NAMES["clv_closed"], n["cac"]),
         formats.money),
        ("ltv_cac", excel.ltv_cac_ratio(RESULT_NAMES["clv_gross"], n["cac"]), formats.ratio),
        ("payback_months", excel.cac_payback_months(n["cac"], n["aov"], n["frequency_per_year"],
                                                    n["margin"]), formats.number),
    ]
    for key, formula, number_format in results:
        row += 1
        put(ws, row, 1, labels[key])
        put(ws, row, 2, formula, number_format)
        refs[RESULT_NAMES[key]] = absolute(ws, row, 2)

    for name, ref in refs.items():
        ws.parent.defined_names[name] = DefinedName(name, attr_text=ref)
    ws.freeze_panes = "A5"
    return refs
