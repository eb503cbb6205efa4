"""UDFs of the action lists (issue 15): churn risk, next purchase and value tiers in cells.

Kept apart from :mod:`excel_addin.udfs` while that module is restructured; to load them in
Excel, ``UDF Modules`` in ``xlwings.conf`` must list ``excel_addin.action_udfs`` too
(``excel_addin.udfs;excel_addin.action_udfs``) and the VBA wrapper must be regenerated. The
numbers come from :mod:`clvdesk.core.next_purchase` and :mod:`clvdesk.core.actions`.
"""

from __future__ import annotations

import numpy as np
import xlwings as xw

from clvdesk.core.errors import InputError
from excel_addin.cells import CellArg, CellResult, as_grid
from excel_addin.elementwise import Arg, apply
from excel_addin.safety import excel_safe
from excel_addin.udfs import CATEGORY, RANGE, _as_arrays, _is_empty_arg, _model_from_range


@xw.func(category=CATEGORY)
@xw.arg("parameters", doc="The CLV_FIT result of a BG/NBD, MBG/NBD or Pareto/NBD fit, or a 2-column range of parameter names and values.", **RANGE)
@xw.arg("frequency", doc="Repeat purchases of the customer (a number or a range).", **RANGE)
@xw.arg("recency", doc="Age at the last purchase, in the time unit of the fit (e.g. weeks).", **RANGE)
@xw.arg("T", doc="Age of the customer at the end of the period, same time unit.", **RANGE)
@xw.arg("periods", doc="Churn window in the time unit of the fit (90 days = 12.86 weeks).", **RANGE)
@xw.arg("model", doc="Optional: the model name; empty = as in the parameters.", **RANGE)
@excel_safe
def CLV_CHURN_RISK(parameters: CellArg, frequency: CellArg, recency: CellArg, T: CellArg,
                   periods: CellArg, model: CellArg = None) -> CellResult:
    """Probability of no purchase in the next periods: 1 - P(alive) + P(alive) x P(no purchase | alive) (BG/NBD: ((alpha+T)/(alpha+T+t))^(r+x))."""
    from clvdesk.core.next_purchase import churn_risk

    fitted = _model_from_range(parameters, model, ("bgnbd", "mbgnbd", "pareto-nbd"))

    def risk(frequency, recency, T, periods):
        x, t_x, age, t = np.broadcast_arrays(*_as_arrays(frequency, recency, T, periods))
        return churn_risk(fitted, t.reshape(-1), x.reshape(-1), t_x.reshape(-1),
                          age.reshape(-1)).reshape(x.shape)

    return apply(risk, [Arg("frequency", frequency), Arg("recency", recency), Arg("T", T),
                        Arg("periods", periods)])


@xw.func(category=CATEGORY)
@xw.arg("parameters", doc="The CLV_FIT result of a BG/NBD, MBG/NBD or Pareto/NBD fit, or a 2-column range of parameter names and values.", **RANGE)
@xw.arg("frequency", doc="Repeat purchases of the customer (a number or a range).", **RANGE)
@xw.arg("T", doc="Age of the customer at the end of the period, in the time unit of the fit.", **RANGE)
@xw.arg("model", doc="Optional: the model name; empty = as in the parameters.", **RANGE)
@excel_safe
def CLV_NEXT_PURCHASE(parameters: CellArg, frequency: CellArg, T: CellArg,
                      model: CellArg = None) -> CellResult:
    """Median time to the next purchase of a customer still active, in the time unit of the fit (BG/NBD: (alpha+T)(2^(1/(r+x))-1)); add it to the end date for a date."""
    from clvdesk.core.next_purchase import median_next_purchase

    fitted = _model_from_range(parameters, model, ("bgnbd", "mbgnbd", "pareto-nbd"))

    def median(frequency, T):
        x, age = np.broadcast_arrays(*_as_arrays(frequency, T))
        return median_next_purchase(fitted, x.reshape(-1), age.reshape(-1)).reshape(x.shape)

    return apply(median, [Arg("frequency", frequency), Arg("T", T)])


@xw.func(category=CATEGORY)
@xw.arg("values", doc="Predicted CLV of every customer (a column range; a header row is skipped).", **RANGE)
@xw.arg("cut_points", doc="Optional: cumulative shares closing the tiers, e.g. 0.1 and 0.3 in two cells; empty = top 10 %, next 20 %, rest.", **RANGE)
@xw.ret(expand="table")
@excel_safe
def CLV_TIERS(values: CellArg, cut_points: CellArg = None) -> CellResult:
    """Value tier of each customer by CLV, 1 = top: top 10 %, next 20 %, rest (ties in the order of the range); spills one tier per value."""
    from clvdesk.core.actions import value_tiers

    grid = as_grid(values)
    if grid and all(isinstance(cell, str) for cell in grid[0]):
        grid = grid[1:]  # a header row
    flat = [cell for row in grid for cell in row]
    if any(not isinstance(v, int | float) or isinstance(v, bool) for v in flat):
        raise InputError("CLV_TIERS needs a range of numbers (no empty or text cells)",
                         code="tiers_need_numbers")
    cuts = (0.10, 0.30)
    if not _is_empty_arg(cut_points):
        cuts = tuple(float(c) for row in as_grid(cut_points) for c in row if c is not None)
    from clvdesk.core.actions import ActionSettings

    cuts = ActionSettings(tier_cuts=cuts).validated().tier_cuts
    tiers = value_tiers(np.asarray(flat, dtype=float), cuts)
    width = len(grid[0]) if grid else 1
    return [[int(t) for t in tiers[i:i + width]] for i in range(0, len(tiers), width)]
