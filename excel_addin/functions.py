"""CLV Desk's Excel functions, each defined once, as plain Python (no xlwings needed).

Every function here is what one Excel formula computes: cells in (a scalar for one cell, a
list of rows for a range, ``None`` for an empty cell, an error cell as its text ``"#N/A"``),
core call, cells out (a value, or a list of rows that spills). On bad input it raises a
:class:`~clvdesk.core.errors.CLVError` (its ``excel_code`` is the Excel error); inside a range,
a bad cell gives an error text in that cell only (:mod:`excel_addin.elementwise`).

:func:`excel_function` records, with each function, what Excel needs to know about it: its
description (the docstring, at most 255 characters), the help text of every argument, whether
it returns a table, and whether Excel's function wizard may call it while the user types.
The two faces register these same definitions with their own decorators and error policy:

* :mod:`excel_addin.udfs`: classic xlwings on Windows (``@xw.func``/``@xw.arg``), errors as
  ``"#VALUE! message"`` text (the classic path cannot return error values, see there);
* :mod:`excel_addin.lite`: xlwings Lite (``from xlwings import func, arg``) on Windows, Mac
  and Excel on the web, errors as real Excel error values.

Heavy modules (the models, scipy, the summary engine) are imported by the functions that need
them, so the first formula of a session (``=CLV_SIMPLE(...)``) loads only numpy, pandas and
the closed forms (``benchmarks/bench_udfs.py`` measures it).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from clvdesk.core import formulas
from clvdesk.core.errors import InputError
from excel_addin.cells import (
    CellArg,
    CellResult,
    CellValue,
    as_grid,
    is_empty,
    to_cells,
    to_date,
    to_number,
    to_text,
)
from excel_addin.elementwise import OMIT, Arg, apply

if TYPE_CHECKING:
    import pandas as pd

#: The function wizard's category of every CLV Desk function.
CATEGORY = "CLV"
#: xlwings conversion options of every argument, in classic xlwings and in Lite alike: a 2-D
#: range (a list of rows, even for one cell) with error cells as their text (``"#N/A"``).
ARG_OPTIONS: dict[str, Any] = {"ndim": 2, "err_to_str": True}
#: Longest description Excel's function wizard takes (xlwings truncates to it).
MAX_DESCRIPTION = 255


@dataclass(frozen=True)
class Param:
    """One argument of an Excel function: its name, the help text Excel shows, whether it may
    be left out."""

    name: str
    doc: str
    optional: bool


@dataclass(frozen=True)
class ExcelFunction:
    """One Excel function: the Python that computes it and what Excel shows about it.

    ``table``: returns a table with a header row, which spills (a dynamic array in Excel 365
    and in xlwings Lite). ``call_in_wizard=False``: Excel's function wizard does not run it
    while the user types its arguments (fits and whole order lists take seconds).
    """

    name: str
    impl: Callable[..., CellResult]
    description: str
    params: tuple[Param, ...]
    table: bool = False
    call_in_wizard: bool = True


#: Every function by name, in the order of the README's table.
FUNCTIONS: dict[str, ExcelFunction] = {}


def excel_function(*, table: bool = False, call_in_wizard: bool = True,
                   **docs: str) -> Callable[[Callable[..., CellResult]], Callable[..., CellResult]]:
    """Record a function in :data:`FUNCTIONS`; ``docs`` gives the help text of each argument
    (every parameter must have one). Arguments with a default are optional in Excel."""

    def record(impl: Callable[..., CellResult]) -> Callable[..., CellResult]:
        parameters = inspect.signature(impl).parameters
        if set(docs) != set(parameters):
            raise TypeError(f"{impl.__name__}: help texts for {sorted(docs)}, "
                            f"parameters {list(parameters)}")
        description = inspect.cleandoc(impl.__doc__ or "")
        if not description or len(description) > MAX_DESCRIPTION:
            raise ValueError(f"{impl.__name__}: description must be 1..{MAX_DESCRIPTION} chars")
        FUNCTIONS[impl.__name__] = ExcelFunction(
            name=impl.__name__, impl=impl, description=description,
            params=tuple(Param(name, docs[name], p.default is not inspect.Parameter.empty)
                         for name, p in parameters.items()),
            table=table, call_in_wizard=call_in_wizard)
        return impl

    return record


@excel_function(
    aov='Average order value (currency), a number or a range.',
    frequency='Purchases per customer per year.',
    lifespan='Customer lifespan in years.',
    cac='Optional: acquisition cost per customer (currency); empty = 0.',
    margin='Optional: gross margin as a fraction (0.3 = 30 %); empty = 1 (revenue).',
)
def CLV_SIMPLE(aov: CellArg, frequency: CellArg, lifespan: CellArg, cac: CellArg = None,
               margin: CellArg = None) -> CellResult:
    """Simple CLV = margin x average order value x purchases per year x lifespan in years - acquisition cost (Kumar 2006; Gupta & Lehmann 2003). Ranges give a range of results."""
    return apply(formulas.simple_clv, [
        Arg("aov", aov), Arg("frequency", frequency), Arg("lifespan", lifespan),
        Arg("cac", cac, 0.0), Arg("margin", margin, 1.0),
    ])


@excel_function(
    margin='Margin per customer per period (currency), e.g. per year.',
    retention='Fraction of customers kept each period (0.8 = 80 %).',
    discount_rate='Discount rate per period (0.1 = 10 %).',
    periods='Optional: number of periods; empty = an unlimited horizon.',
)
def CLV_RETENTION(margin: CellArg, retention: CellArg, discount_rate: CellArg,
                  periods: CellArg = None) -> CellResult:
    """Retention CLV = sum over periods t of margin x retention^t / (1 + discount rate)^t; unlimited: margin x r / (1 + d - r) (Gupta & Lehmann 2003, eq. 2)."""
    return apply(formulas.retention_clv, [
        Arg("margin", margin), Arg("retention", retention),
        Arg("discount_rate", discount_rate), Arg("periods", periods, OMIT),
    ])


@excel_function(
    churn_rate='Fraction of customers lost per period (0.2 = 20 % a year).',
)
def CLV_LIFESPAN(churn_rate: CellArg) -> CellResult:
    """Expected customer lifespan = 1 / churn rate, in the period of the churn rate (20 % a year gives 5 years; Gupta & Lehmann 2003)."""
    return apply(formulas.lifespan_from_churn, [Arg("churn_rate", churn_rate)])


@excel_function(
    clv='Customer lifetime value before acquisition cost (currency).',
    cac='Acquisition cost per customer (currency, above 0).',
)
def LTV_CAC(clv: CellArg, cac: CellArg) -> CellResult:
    """LTV:CAC ratio = lifetime value / acquisition cost; 3 or more is commonly read as healthy."""
    return apply(formulas.ltv_cac_ratio, [Arg("clv", clv), Arg("cac", cac)])


@excel_function(
    cac='Acquisition cost per customer (currency).',
    monthly_revenue='Revenue per customer per month (currency).',
    margin='Optional: gross margin as a fraction; empty = 1 (revenue).',
)
def CAC_PAYBACK(cac: CellArg, monthly_revenue: CellArg, margin: CellArg = None) -> CellResult:
    """Months until a customer repays the acquisition cost = cac / (monthly revenue x margin); #NUM! when it never pays back."""
    return apply(formulas.cac_payback_months, [
        Arg("cac", cac), Arg("monthly_revenue", monthly_revenue), Arg("margin", margin, 1.0),
    ])


@excel_function(
    orders='Orders with a header row: customer, date and amount columns (English or Dutch headers).',
    end_date='Optional: last day of the observation period; empty = the last order date.',
    period='Optional: time unit of recency and T: days, weeks or months; empty = weeks.',
    table=True,
    call_in_wizard=False,
)
def CLV_SUMMARY(orders: CellArg, end_date: CellArg = None, period: CellArg = None) -> CellResult:
    """One row per customer from an order list: repeat purchases (frequency), recency, age T, mean repeat spend, first and last purchase, orders and total spend."""
    from excel_addin import analysis

    summary = analysis.customer_summary(orders, end=_one_date(end_date, "end_date"),
                                        period=_one_text(period, "period", "weeks"))
    columns = [c for c in analysis.SUMMARY_COLUMNS if c in summary.columns]
    return to_cells(summary[columns], index_label="customer_id")


@excel_function(
    orders='Orders with a header row: customer, date and amount (and a segment column).',
    segment_column='Optional: header of the column that groups customers (e.g. segment, kanaal); empty = all customers.',
    margin='Optional: gross margin fraction; empty = from a margin or cost column, else 1.',
    cac='Optional: acquisition cost per customer: a number, or a 2-column range of segment and cost.',
    lifespan_years='Optional: assumed lifespan in years (number or segment/years range); empty = observed tenure.',
    end_date='Optional: last day of the observation period; empty = the last order date.',
    table=True,
    call_in_wizard=False,
)
def CLV_SEGMENTS(orders: CellArg, segment_column: CellArg = None, margin: CellArg = None,
                 cac: CellArg = None, lifespan_years: CellArg = None,
                 end_date: CellArg = None) -> CellResult:
    """Three-factor CLV per segment: average order value x purchases per year x lifespan, with margin, CAC, LTV:CAC and payback months (Kumar 2006)."""
    from excel_addin import analysis

    table = analysis.segments_table(
        orders, _one_text(segment_column, "segment_column"),
        margin=_one_number(margin, "margin"),
        cac=_number_or_mapping(cac, "cac"),
        lifespan_years=_number_or_mapping(lifespan_years, "lifespan_years"),
        end=_one_date(end_date, "end_date"),
    )
    return to_cells(table, index_label="segment")


@excel_function(
    data='Orders (customer, date, amount) or a summary (frequency, recency, T; bgbb: periods, weights) with headers; sbg: customers still active at period 0, 1, 2...',
    model='Optional: bgnbd, mbgnbd, pareto-nbd, gamma-gamma, bgbb or sbg; empty = bgnbd.',
    end_date='Optional: last day of the calibration period for orders; empty = the last order date.',
    period='Optional: time unit for orders: days, weeks or months; empty = weeks.',
    table=True,
    call_in_wizard=False,
)
def CLV_FIT(data: CellArg, model: CellArg = None, end_date: CellArg = None,
            period: CellArg = None) -> CellResult:
    """Fit a CLV model by maximum likelihood: parameters with standard errors, log-likelihood, customers, AIC and BIC. Use the result as the parameters of CLV_PALIVE."""
    from excel_addin import analysis

    table = analysis.fit_table(data, _one_text(model, "model", analysis.DEFAULT_MODEL),
                               end=_one_date(end_date, "end_date"),
                               period=_one_text(period, "period", "weeks"))
    return to_cells(table, index=False)


@excel_function(
    parameters='The CLV_FIT result, or a 2-column range of parameter names and values.',
    frequency='Repeat purchases of the customer (a number or a range).',
    recency='Age at the last purchase, in the time unit of the fit (e.g. weeks).',
    T='Age of the customer at the end of the period, same time unit (BG/BB: the number of purchase opportunities).',
    model='Optional: the model name; empty = as in the parameters.',
)
def CLV_PALIVE(parameters: CellArg, frequency: CellArg, recency: CellArg, T: CellArg,
               model: CellArg = None) -> CellResult:
    """Probability that a customer is still active, given repeat purchases, recency and age (BG/NBD: Fader, Hardie & Lee 2005, eq. 12)."""
    fitted = _model_from_range(parameters, model)

    def p_alive(frequency, recency, T):
        return fitted.p_alive(*_as_arrays(frequency, recency, T))

    return apply(p_alive, [Arg("frequency", frequency), Arg("recency", recency), Arg("T", T)])


@excel_function(
    parameters='The CLV_FIT result, or a 2-column range of parameter names and values.',
    frequency='Repeat purchases of the customer (a number or a range).',
    recency='Age at the last purchase, in the time unit of the fit (e.g. weeks).',
    T='Age of the customer at the end of the period, same time unit (BG/BB: the number of purchase opportunities).',
    horizon='Length of the future period, same time unit (e.g. 52 weeks; BG/BB: future opportunities).',
    model='Optional: the model name; empty = as in the parameters.',
)
def CLV_EXPECTED_PURCHASES(parameters: CellArg, frequency: CellArg, recency: CellArg,
                           T: CellArg, horizon: CellArg, model: CellArg = None) -> CellResult:
    """Expected purchases of a customer in the next horizon periods, given repeat purchases, recency and age (BG/NBD: Fader, Hardie & Lee 2005, eq. 10)."""
    fitted = _model_from_range(parameters, model)

    def expected(frequency, recency, T, horizon):
        return fitted.expected_purchases(*_as_arrays(horizon, frequency, recency, T))

    return apply(expected, [Arg("frequency", frequency), Arg("recency", recency), Arg("T", T),
                            Arg("horizon", horizon)])


@excel_function(
    parameters='sBG parameters (alpha, beta): the CLV_FIT result for model sbg, or a 2-column range of names and values.',
    periods='Periods since the start of the contract (0, 1, 2, ...), a number or a range.',
)
def CLV_SURVIVAL(parameters: CellArg, periods: CellArg) -> CellResult:
    """Share of a contract cohort still active after t periods, S(t) = B(alpha, beta + t) / B(alpha, beta) (shifted-beta-geometric; Fader & Hardie 2007)."""
    fitted = _model_from_range(parameters, None, ("sbg",))

    def survival(periods):
        return fitted.survival(*_as_arrays(periods))

    return apply(survival, [Arg("periods", periods)])


@excel_function(
    orders='Orders with a header row: customer, date and amount columns.',
    horizon='Optional: months ahead the CLV counts; empty = 12.',
    margin='Optional: gross margin fraction (0.3 = 30 %); empty = 1 (revenue).',
    discount_rate='Optional: discount rate per year (0.1 = 10 %); empty = 0.1.',
    model='Optional: bgnbd, mbgnbd or pareto-nbd; empty = bgnbd. Spend: Gamma-Gamma.',
    end_date='Optional: last day of the calibration period; empty = the last order date.',
    table=True,
    call_in_wizard=False,
)
def CLV_PREDICT(orders: CellArg, horizon: CellArg = None, margin: CellArg = None,
                discount_rate: CellArg = None, model: CellArg = None,
                end_date: CellArg = None) -> CellResult:
    """Predictive CLV per customer: P(alive), expected purchases and spend, discounted CLV over the horizon with a 90 % interval (clv_low, clv_high) from the parameter uncertainty."""
    from excel_addin import analysis

    table = analysis.predictions(
        orders,
        horizon_months=_one_number(horizon, "horizon", 12.0),
        margin=_one_number(margin, "margin", 1.0),
        discount_rate=_one_number(discount_rate, "discount_rate", 0.10),
        model_name=_one_text(model, "model", analysis.DEFAULT_MODEL),
        end=_one_date(end_date, "end_date"),
        period="weeks",
    )
    return to_cells(table, index_label="customer_id")


@excel_function(
    scenarios='Scenarios with labelled inputs aov, frequency, lifespan (cac, margin...): one per row or per column, named in the first column or row.',
    baseline='Optional: name of the scenario the others are compared with; empty = the first.',
    table=True,
)
def CLV_SCENARIOS(scenarios: CellArg, baseline: CellArg = None) -> CellResult:
    """Compare what-if scenarios of the simple CLV side by side: LTV, CLV, LTV:CAC, payback months and the difference with the baseline."""
    from clvdesk.core.scenarios import compare, scenario_from_dict
    from excel_addin.ranges import scenarios_from_range


    entries, across_columns = scenarios_from_range(scenarios)
    table = compare([scenario_from_dict(e, n) for n, e in enumerate(entries, start=1)],
                    baseline=_one_text(baseline, "baseline"))
    if across_columns:
        table = table.T.rename_axis("scenario")
        return to_cells(table.astype(object), index_label="input")
    return to_cells(table, index_label="scenario")

# ----------------------------------------------------------------------------- argument helpers

@excel_function(
    parameters='The CLV_FIT result of a BG/NBD, MBG/NBD or Pareto/NBD fit, or a 2-column range of parameter names and values.',
    frequency='Repeat purchases of the customer (a number or a range).',
    recency='Age at the last purchase, in the time unit of the fit (e.g. weeks).',
    T='Age of the customer at the end of the period, same time unit.',
    periods='Churn window in the time unit of the fit (90 days = 12.86 weeks).',
    model='Optional: the model name; empty = as in the parameters.',
)
def CLV_CHURN_RISK(parameters: CellArg, frequency: CellArg, recency: CellArg, T: CellArg,
                   periods: CellArg, model: CellArg = None) -> CellResult:
    """Probability of no purchase in the next periods: 1 - P(alive) + P(alive) x P(no purchase | alive) (BG/NBD: ((alpha+T)/(alpha+T+t))^(r+x))."""
    from clvdesk.core.next_purchase import churn_risk

    fitted = _model_from_range(parameters, model)

    def risk(frequency, recency, T, periods):
        x, t_x, age, t = np.broadcast_arrays(*_as_arrays(frequency, recency, T, periods))
        return churn_risk(fitted, t.reshape(-1), x.reshape(-1), t_x.reshape(-1),
                          age.reshape(-1)).reshape(x.shape)

    return apply(risk, [Arg("frequency", frequency), Arg("recency", recency), Arg("T", T),
                        Arg("periods", periods)])


@excel_function(
    parameters='The CLV_FIT result of a BG/NBD, MBG/NBD or Pareto/NBD fit, or a 2-column range of parameter names and values.',
    frequency='Repeat purchases of the customer (a number or a range).',
    T='Age of the customer at the end of the period, in the time unit of the fit.',
    model='Optional: the model name; empty = as in the parameters.',
)
def CLV_NEXT_PURCHASE(parameters: CellArg, frequency: CellArg, T: CellArg,
                      model: CellArg = None) -> CellResult:
    """Median time to the next purchase of a customer still active, in the time unit of the fit (BG/NBD: (alpha+T)(2^(1/(r+x))-1)); add it to the end date for a date."""
    from clvdesk.core.next_purchase import median_next_purchase

    fitted = _model_from_range(parameters, model)

    def median(frequency, T):
        x, age = np.broadcast_arrays(*_as_arrays(frequency, T))
        return median_next_purchase(fitted, x.reshape(-1), age.reshape(-1)).reshape(x.shape)

    return apply(median, [Arg("frequency", frequency), Arg("T", T)])


@excel_function(
    values='Predicted CLV of every customer (a column range; a header row is skipped).',
    cut_points='Optional: cumulative shares closing the tiers, e.g. 0.1 and 0.3 in two cells; empty = top 10 %, next 20 %, rest.',
    table=True,
)
def CLV_TIERS(values: CellArg, cut_points: CellArg = None) -> CellResult:
    """Value tier of each customer by CLV, 1 = top: top 10 %, next 20 %, rest (ties in the order of the range); spills one tier per value."""
    from clvdesk.core.actions import ActionSettings, value_tiers

    grid = as_grid(values)
    if grid and all(isinstance(cell, str) for cell in grid[0]):
        grid = grid[1:]  # a header row
    flat = [cell for row in grid for cell in row]
    if not flat or any(not isinstance(v, int | float) or isinstance(v, bool) for v in flat):
        raise InputError("CLV_TIERS needs a range of numbers (no empty or text cells)",
                         code="tiers_need_numbers")
    cuts = (0.10, 0.30)
    if not _is_empty_arg(cut_points):
        cuts = tuple(to_number(c, "cut_points") for row in as_grid(cut_points) for c in row
                     if not is_empty(c))
    cuts = ActionSettings(tier_cuts=cuts).validated().tier_cuts
    tiers = value_tiers(np.asarray(flat, dtype=float), cuts)
    width = len(grid[0])
    return [[int(t) for t in tiers[i:i + width]] for i in range(0, len(tiers), width)]


def _single(value: CellArg, name: str) -> CellValue:
    """The one cell of an argument that must be a single cell."""
    grid = as_grid(value)
    if len(grid) > 1 or len(grid[0]) > 1:
        raise InputError(f"{name} takes one cell, not a range")
    return grid[0][0]


def _is_empty_arg(value: CellArg) -> bool:
    """True for an omitted argument or an empty single cell."""
    grid = as_grid(value)
    return len(grid) == 1 and len(grid[0]) == 1 and is_empty(grid[0][0])


def _one_number(value: CellArg, name: str, default: float | None = None) -> float | None:
    """A one-cell argument as a number; empty gives ``default``."""
    return default if _is_empty_arg(value) else to_number(_single(value, name), name)


def _one_text(value: CellArg, name: str, default: str | None = None) -> str | None:
    """A one-cell argument as text; empty gives ``default``."""
    return default if _is_empty_arg(value) else to_text(_single(value, name), name)


def _one_date(value: CellArg, name: str) -> pd.Timestamp | None:
    """A one-cell argument as a day; empty gives None."""
    return None if _is_empty_arg(value) else to_date(_single(value, name), name)


def _model_from_range(parameters: CellArg, model: CellArg,
                      allowed: tuple[str, ...] | None = None):
    """The model of a parameter range (one of ``allowed``, default the purchase models); the
    same cells give the same model without re-reading the range (hundreds of CLV_PALIVE cells
    point at one range)."""
    from excel_addin import analysis, model_cache
    from excel_addin.ranges import params_from_range

    allowed = analysis.PURCHASE_MODELS if allowed is None else allowed
    name = _one_text(model, "model")
    grid = as_grid(parameters)

    def build():
        return analysis.model_for_params(*params_from_range(grid), name, allowed)

    try:
        key = (name, allowed, tuple(tuple(row) for row in grid))
        hash(key)
    except TypeError:  # an unhashable cell value: read the range every time
        return build()
    return model_cache.PARAM_RANGES.get_or_compute(key, build)


def _as_arrays(*values: Any) -> list[np.ndarray]:
    """Model inputs as arrays (one cell as a 1-element array): the models' array path is the
    one every model implements the same way."""
    return [np.atleast_1d(np.asarray(v, dtype=float)) for v in values]


def _number_or_mapping(value: CellArg, name: str) -> float | dict[str, float] | None:
    """One number, or a 2-column range of label and number (per segment); empty = None."""
    if _is_empty_arg(value):
        return None
    grid = as_grid(value)
    if len(grid) == 1 and len(grid[0]) == 1:
        return to_number(grid[0][0], name)
    if len(grid[0]) != 2:
        raise InputError(f"{name} must be one number or two columns: segment and value")
    mapping = {}
    for label, number in grid:
        if is_empty(label) and is_empty(number):
            continue
        try:
            mapping[to_text(label, f"{name} segment")] = to_number(number, f"{name} {label}")
        except InputError:
            if not mapping and isinstance(number, str):  # a header row: segment | cac
                continue
            raise
    return mapping
