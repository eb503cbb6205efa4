"""CLV Desk's Excel functions (xlwings UDFs): the module named in xlwings' ``UDF Modules``.

Each function is a thin layer over :mod:`clvdesk.core`: cells in, core call, cells out. Inputs
go through :mod:`excel_addin.cells` (numbers as text with decimal commas, dates as serial
numbers, empty cells, error cells), every function is wrapped by
:func:`excel_addin.safety.excel_safe` so a cell gets an error string such as
``"#VALUE! aov must be a number"`` instead of a traceback, and fitted models are cached by the
content of their input (:mod:`excel_addin.model_cache`).

Ranges arrive as lists of lists (``ndim=2``) with error cells as text (``err_to_str``); the
closed-form functions broadcast cell by cell, the table functions spill a table with a header
row. The docstring of each function is the description Excel shows (at most 255 characters).
"""

from __future__ import annotations

import xlwings as xw

from clvdesk.core import formulas
from excel_addin.cells import CellArg, CellResult
from excel_addin.elementwise import OMIT, Arg, apply
from excel_addin.safety import excel_safe

CATEGORY = "CLV"
#: Read every argument as a 2-D range with error cells as text ("#N/A").
RANGE = {"ndim": 2, "err_to_str": True}


@xw.func(category=CATEGORY)
@xw.arg("aov", doc="Average order value (currency), a number or a range.", **RANGE)
@xw.arg("frequency", doc="Purchases per customer per year.", **RANGE)
@xw.arg("lifespan", doc="Customer lifespan in years.", **RANGE)
@xw.arg("cac", doc="Optional: acquisition cost per customer (currency); empty = 0.", **RANGE)
@xw.arg("margin", doc="Optional: gross margin as a fraction (0.3 = 30 %); empty = 1 (revenue).",
        **RANGE)
@excel_safe
def CLV_SIMPLE(aov: CellArg, frequency: CellArg, lifespan: CellArg, cac: CellArg = None,
               margin: CellArg = None) -> CellResult:
    """Simple CLV = margin x average order value x purchases per year x lifespan in years - acquisition cost (Kumar 2006; Gupta & Lehmann 2003). Ranges give a range of results."""
    return apply(formulas.simple_clv, [
        Arg("aov", aov), Arg("frequency", frequency), Arg("lifespan", lifespan),
        Arg("cac", cac, 0.0), Arg("margin", margin, 1.0),
    ])


@xw.func(category=CATEGORY)
@xw.arg("margin", doc="Margin per customer per period (currency), e.g. per year.", **RANGE)
@xw.arg("retention", doc="Fraction of customers kept each period (0.8 = 80 %).", **RANGE)
@xw.arg("discount_rate", doc="Discount rate per period (0.1 = 10 %).", **RANGE)
@xw.arg("periods", doc="Optional: number of periods; empty = an unlimited horizon.", **RANGE)
@excel_safe
def CLV_RETENTION(margin: CellArg, retention: CellArg, discount_rate: CellArg,
                  periods: CellArg = None) -> CellResult:
    """Retention CLV = sum over periods t of margin x retention^t / (1 + discount rate)^t; unlimited: margin x r / (1 + d - r) (Gupta & Lehmann 2003, eq. 2)."""
    return apply(formulas.retention_clv, [
        Arg("margin", margin), Arg("retention", retention),
        Arg("discount_rate", discount_rate), Arg("periods", periods, OMIT),
    ])


@xw.func(category=CATEGORY)
@xw.arg("clv", doc="Customer lifetime value before acquisition cost (currency).", **RANGE)
@xw.arg("cac", doc="Acquisition cost per customer (currency, above 0).", **RANGE)
@excel_safe
def LTV_CAC(clv: CellArg, cac: CellArg) -> CellResult:
    """LTV:CAC ratio = lifetime value / acquisition cost; 3 or more is commonly read as healthy."""
    return apply(formulas.ltv_cac_ratio, [Arg("clv", clv), Arg("cac", cac)])


@xw.func(category=CATEGORY)
@xw.arg("cac", doc="Acquisition cost per customer (currency).", **RANGE)
@xw.arg("monthly_revenue", doc="Revenue per customer per month (currency).", **RANGE)
@xw.arg("margin", doc="Optional: gross margin as a fraction; empty = 1 (revenue).", **RANGE)
@excel_safe
def CAC_PAYBACK(cac: CellArg, monthly_revenue: CellArg, margin: CellArg = None) -> CellResult:
    """Months until a customer repays the acquisition cost = cac / (monthly revenue x margin); #NUM! when it never pays back."""
    return apply(formulas.cac_payback_months, [
        Arg("cac", cac), Arg("monthly_revenue", monthly_revenue), Arg("margin", margin, 1.0),
    ])
