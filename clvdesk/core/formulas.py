"""Closed-form CLV: the formulas analysts know from the textbooks, exact and vectorised.

Every function accepts plain numbers, numpy arrays and pandas Series (broadcast against each
other, like numpy). Plain numbers give a plain ``float`` back through a fast path without numpy
or pandas, because the Excel add-in calls these once per cell. Arrays give arrays; if any input
is a Series the result is a Series on its index. Missing values (NaN) inside arrays propagate to
NaN results; a scalar that is not a finite number, or any value out of range, raises
:class:`~clvdesk.core.errors.InputError` with a one-line message such as
``"aov must be a number"``.

Units: money in currency units (euro, dollar), ``frequency`` in purchases per year, ``lifespan``
in years, rates as fractions (0.10 = 10 %). Time is explicit in every name below.
"""

from __future__ import annotations

import math
import sys
from numbers import Real
from typing import TYPE_CHECKING, TypeAlias

from clvdesk.core.errors import InputError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

#: Anything a formula accepts for one input: a number, a numpy array or a pandas Series.
Numeric: TypeAlias = "float | int | np.ndarray | pd.Series"


def _loaded_pandas():
    """pandas if it is already imported, else None.

    A Series can only come from a process that imported pandas, so the closed forms (and
    ``clvdesk simple`` & co.) never import it themselves: that saves half a second of start-up.
    numpy, likewise, is imported only on the paths that take arrays.
    """
    return sys.modules.get("pandas")

_SCALAR_TYPES = (float, int)


def check_number(
    name: str,
    value,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
):
    """Validate one formula input; return it as ``float`` (scalars) or a float ndarray.

    ``low``/``high`` bound the allowed range, closed unless ``low_open``/``high_open``.
    Raises :class:`InputError` naming the input: ``"aov must be a number"``,
    ``"lifespan must be 0 or more, got -1"``. Series come back as their values; callers use
    :func:`_wrap` to restore the index.
    """
    if type(value) in _SCALAR_TYPES or (isinstance(value, Real) and not isinstance(value, bool)):
        number = float(value)
        if not math.isfinite(number):
            raise InputError(code="not_a_number_got", name=name, value=repr(value))
        _check_range(name, number, number, low, high, low_open, high_open)
        return number
    if isinstance(value, bool) or value is None or isinstance(value, str | bytes):
        raise InputError(code="not_a_number", name=name)
    import numpy as np

    pd = _loaded_pandas()
    try:
        if pd is not None and isinstance(value, pd.Series | pd.Index):
            if not pd.api.types.is_numeric_dtype(value.dtype) or value.dtype == bool:
                raise TypeError(value.dtype)
            array = value.to_numpy(dtype=float, na_value=np.nan)
        else:
            raw = np.asarray(value)
            if raw.dtype.kind in "USbMm":  # text, bytes, booleans, dates
                raise TypeError(raw.dtype)
            array = raw.astype(float)
    except (TypeError, ValueError):
        raise InputError(code="not_a_number", name=name) from None
    if np.isinf(array).any():
        raise InputError(code="not_finite", name=name)
    if array.size and not np.isnan(array).all():
        _check_range(name, np.nanmin(array), np.nanmax(array), low, high, low_open, high_open)
    return array


def check_scalar(name: str, value, **bounds) -> float:
    """Validate one scalar setting (not text, bool or an array) with :func:`check_number`'s rules.

    For inputs that must be a single number, such as a pipeline's margin or horizon.
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise InputError(code="not_a_number", name=name)
    return check_number(name, value, **bounds)


def _check_range(name, smallest, largest, low, high, low_open, high_open) -> None:
    bad_low = low is not None and (smallest <= low if low_open else smallest < low)
    bad_high = high is not None and (largest >= high if high_open else largest > high)
    if not (bad_low or bad_high):
        return
    got = smallest if bad_low else largest
    if low is not None and high is not None:
        code = "between" + ("_open_low" if low_open else "") + ("_open_high" if high_open else "")
    elif low is not None:
        code = "greater_than" if low_open else "at_least"
    else:
        code = "below" if high_open else "at_most"
    raise InputError(code=code, name=name, low=low, high=high, got=float(got))


def _wrap(result, *inputs):
    """Give ``result`` the shape of the inputs: float for scalars, Series if any input was one."""
    if isinstance(result, float):
        return result
    import numpy as np

    index = None
    pd = _loaded_pandas()
    for item in inputs if pd is not None else ():
        if isinstance(item, pd.Series):
            if index is None:
                index = item.index
            elif not item.index.equals(index):
                raise InputError(code="columns_differ_in_rows")
    if index is not None:
        return pd.Series(np.broadcast_to(result, (len(index),)), index=index, name="value")
    if np.ndim(result) == 0:
        return float(result)
    return result


def simple_clv(
    aov: Numeric,
    frequency: Numeric,
    lifespan: Numeric,
    cac: Numeric = 0.0,
    margin: Numeric = 1.0,
    referral_value: Numeric = 0.0,
    growth_rate: Numeric = 0.0,
    discount_rate: Numeric = 0.0,
) -> Numeric:
    """Simple (three-factor) CLV: average order value x purchases per year x lifespan - CAC.

    ``aov`` average order value (currency), ``frequency`` purchases per year, ``lifespan`` in
    years (fractions allowed), ``cac`` acquisition cost per customer (currency), ``margin``
    gross margin as a fraction of revenue (1.0 = revenue based), ``referral_value`` value per
    customer of the customers they bring in (currency, already on margin, added once),
    ``growth_rate`` growth of yearly spend (upsell, cross-sell; 0.05 = +5 % a year),
    ``discount_rate`` yearly discount rate (0 = undiscounted).

    With yearly spend ``S = aov * frequency``, lifespan ``L = n + f`` (``n`` whole years, last
    year a fraction ``f``), growth ``g`` and discount ``d``, year ``k = 1..n`` brings
    ``S (1+g)^(k-1)`` and the partial year ``k = n+1`` brings ``f S (1+g)^n``; each year's
    revenue is discounted to today by ``(1+d)^k`` (end-of-year convention, as in
    :func:`retention_clv`). With ``q = (1+g)/(1+d)``::

        revenue = S/(1+d) * [(q^n - 1)/(q - 1) + f q^n]      (= S * L when g = d = 0)
        CLV     = margin * revenue + referral_value - cac

    Without growth and discounting this is the textbook formula (e.g. Kumar, "Customer Lifetime
    Value", Foundations and Trends in Marketing 1(1), 2006; Gupta & Lehmann, "Customers as
    Assets", J. Interactive Marketing 17(1), 2003): 50 x 4 x 5 - 100 = 900.
    """
    aov_v = check_number("aov", aov, low=0.0)
    freq_v = check_number("frequency", frequency, low=0.0)
    life_v = check_number("lifespan", lifespan, low=0.0)
    cac_v = check_number("cac", cac, low=0.0)
    margin_v = check_number("margin", margin, low=0.0, high=1.0)
    referral_v = check_number("referral_value", referral_value, low=0.0)
    growth_v = check_number("growth_rate", growth_rate, low=-1.0, low_open=True)
    discount_v = check_number("discount_rate", discount_rate, low=0.0)
    if type(growth_v) is float and type(discount_v) is float and growth_v == discount_v == 0.0:
        revenue = aov_v * freq_v * life_v
    else:
        revenue = aov_v * freq_v * _lifetime_factor(life_v, growth_v, discount_v)
    result = margin_v * revenue + referral_v - cac_v
    return _wrap(result, aov, frequency, lifespan, cac, margin, referral_value, growth_rate,
                 discount_rate)


def _lifetime_factor(lifespan, growth, discount):
    """Sum of growing, discounted year weights over a lifespan in years (see simple_clv)."""
    if type(lifespan) is float and type(growth) is float and type(discount) is float:
        whole = math.floor(lifespan)
        part = lifespan - whole
        q = (1.0 + growth) / (1.0 + discount)
        if abs(q - 1.0) < 1e-12:
            series = float(whole)
        else:
            series = (q**whole - 1.0) / (q - 1.0)
        return (series + part * q**whole) / (1.0 + discount)
    import numpy as np

    lifespan, growth, discount = np.broadcast_arrays(
        np.asarray(lifespan, float), np.asarray(growth, float), np.asarray(discount, float)
    )
    whole = np.floor(lifespan)
    part = lifespan - whole
    q = (1.0 + growth) / (1.0 + discount)
    near_one = np.abs(q - 1.0) < 1e-12
    with np.errstate(divide="ignore", invalid="ignore"):
        series = np.where(near_one, whole, (q**whole - 1.0) / np.where(near_one, 1.0, q - 1.0))
    return (series + part * q**whole) / (1.0 + discount)


def lifespan_from_churn(churn_rate: Numeric) -> Numeric:
    """Expected customer lifespan from a constant churn rate: ``1 / churn_rate``.

    The lifespan is in the period of the churn rate (a yearly churn of 0.2 gives 5 years): the
    mean of the geometric distribution of the number of periods a customer stays when each
    period a fraction ``churn_rate`` leaves (e.g. Gupta & Lehmann 2003). ``churn_rate`` must be
    in (0, 1].
    """
    churn = check_number("churn_rate", churn_rate, low=0.0, high=1.0, low_open=True)
    return _wrap(1.0 / churn, churn_rate)


def retention_clv(
    margin: Numeric,
    retention: Numeric,
    discount_rate: Numeric,
    periods: Numeric | None = None,
) -> Numeric:
    """Retention-based CLV of one customer: margins that survive with retention ``r`` per period.

    ``margin`` is the margin per customer per period (currency, e.g. euro per year),
    ``retention`` the fraction of customers kept each period, ``discount_rate`` the discount rate
    per period. Convention of Gupta & Lehmann (2003, "Customers as Assets", J. Interactive
    Marketing 17(1), eq. 2): the customer has just been acquired (the margin of period 0 is not
    counted), the margin of period ``t`` arrives at its end if the customer is still there
    (probability ``r^t``) and is discounted by ``(1+d)^t``::

        finite  (periods = n):  CLV = sum_{t=1..n} m r^t / (1+d)^t
                                    = m rho (1 - rho^n) / (1 - rho),  rho = r / (1+d)
        infinite (periods=None): CLV = m r / (1 + d - r)

    The infinite form is the limit of the finite one; it needs ``d > 0`` or ``r < 1``.
    """
    m = check_number("margin", margin)
    r = check_number("retention", retention, low=0.0, high=1.0)
    d = check_number("discount_rate", discount_rate, low=0.0)
    scalar = type(r) is float and type(d) is float
    if not scalar:
        import numpy as np
    rho = r / (1.0 + d) if scalar else np.divide(r, 1.0 + d)
    if periods is None:
        if (rho >= 1.0) if scalar else np.any(np.asarray(rho) >= 1.0):
            raise InputError(code="retention_without_discount")
        result = m * r / (1.0 + d - r)
        return _wrap(result, margin, retention, discount_rate)
    n = check_number("periods", periods, low=0.0)
    if type(n) is float and n != math.floor(n):
        raise InputError(code="periods_whole")
    if type(rho) is float and type(n) is float:
        total = m * n if rho == 1.0 else m * rho * (1.0 - rho**n) / (1.0 - rho)
        return _wrap(total, margin)
    import numpy as np

    if np.any(np.asarray(n) != np.floor(n)):
        raise InputError(code="periods_whole")
    rho_b, n_b = np.broadcast_arrays(np.asarray(rho, float), np.asarray(n, float))
    one = rho_b == 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        geometric = rho_b * (1.0 - rho_b**n_b) / np.where(one, 1.0, 1.0 - rho_b)
    result = np.multiply(m, np.where(one, n_b, geometric))
    return _wrap(result, margin, retention, discount_rate, periods)


def ltv_cac_ratio(clv: Numeric, cac: Numeric) -> Numeric:
    """LTV:CAC, lifetime value per unit of acquisition cost: ``clv / cac``.

    ``clv`` is the lifetime value before subtracting CAC (currency), ``cac`` the acquisition
    cost per customer (currency, > 0). A common rule of thumb reads 3 or more as healthy
    (e.g. Skok, "SaaS Metrics 2.0", 2013).
    """
    value = check_number("clv", clv)
    cost = check_number("cac", cac, low=0.0, low_open=True)
    if type(value) is float and type(cost) is float:
        return value / cost
    import numpy as np

    return _wrap(np.divide(value, cost), clv, cac)


def cac_payback_months(cac: Numeric, monthly_revenue: Numeric, margin: Numeric = 1.0) -> Numeric:
    """Months until a customer's margin repays their acquisition cost.

    ``payback = cac / (monthly_revenue * margin)``, with ``cac`` in currency per customer,
    ``monthly_revenue`` revenue per customer per month (currency) and ``margin`` the gross
    margin fraction (1.0 = revenue based payback). A customer who brings no margin never pays
    back: the result is ``inf``.
    """
    cost = check_number("cac", cac, low=0.0)
    revenue = check_number("monthly_revenue", monthly_revenue, low=0.0)
    margin_v = check_number("margin", margin, low=0.0, high=1.0)
    if type(cost) is float and type(revenue) is float and type(margin_v) is float:
        per_month = revenue * margin_v
        if per_month == 0.0:
            return 0.0 if cost == 0.0 else math.inf
        return cost / per_month
    import numpy as np

    per_month = np.multiply(revenue, margin_v)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.where(per_month > 0, np.divide(cost, np.where(per_month > 0, per_month, 1.0)),
                          np.where(np.asarray(cost) == 0.0, 0.0, np.inf))
    result = np.where(np.isnan(per_month) | np.isnan(cost), np.nan, result)
    return _wrap(result, cac, monthly_revenue, margin)
