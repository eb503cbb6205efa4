"""When does a customer buy next? Churn risk and the median date of the next purchase per model.

All three transaction models (BG/NBD, MBG/NBD, Pareto/NBD) describe a customer by a purchase
rate ``lambda`` and a dropout process; given their history ``(x, t_x, T)`` the models give
P(alive at T) and, for a customer alive at T, the posterior of the rates. Everything here
follows from one identity: the probability of *no* purchase in ``(T, T+t]`` is the likelihood
of the same history observed for longer, ``L(x, t_x, T+t) / L(x, t_x, T)``, and splits into
the dead (who never buy) and the alive::

    P(no purchase in (T, T+t] | x, t_x, T) = 1 - P(alive) + P(alive) * S(t | x, T)

with ``S(t | x, T)`` the probability that a customer *alive at T* makes no purchase in the next
``t`` periods (it does not depend on ``t_x``).

BG/NBD (Fader, Hardie & Lee 2005a) and MBG/NBD (Batislam, Denizel & Filiztekin 2007): a live
customer drops out only right after a purchase, so the next purchase comes at the first event
of her Poisson process. Alive at T, her rate is ``lambda ~ Gamma(r+x, alpha+T)`` (FHL 2005a,
section 3, the posterior of lambda given the alive branch of eq. 6), and integrating
``exp(-lambda t)`` over it gives::

    S(t) = ((alpha+T) / (alpha+T+t))^(r+x)

a Lomax (Pareto II) survival function: every live customer buys again, and the median time to
the next purchase solves ``S(m) = 1/2``::

    m = (alpha+T) (2^(1/(r+x)) - 1)

(The two models differ only in P(alive); the churn risk of BG/NBD is the formula of the
issue, ``1 - P(alive) + P(alive) ((alpha+T)/(alpha+T+t))^(r+x)``.)

Pareto/NBD (Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Shang 2005): a live customer
buys at rate ``lambda`` and dies at rate ``mu``, and given alive at T the posteriors are
independent, ``lambda ~ Gamma(r+x, alpha+T)``, ``mu ~ Gamma(s, beta+T)``. The first event
after T comes at rate ``lambda + mu``; there is no purchase in ``t`` if it comes after ``t``, or
if it is the death::

    P(no purchase in t | lambda, mu) = exp(-(lambda+mu) t) + integral_0^t mu exp(-(lambda+mu) u) du

and integrating over the posteriors (the same integral as in the Pareto/NBD likelihood, shifted
to start at T)::

    S(t) = (alpha+T)^(r+x) (beta+T)^s [ (alpha+T+t)^-(r+x) (beta+T+t)^-s
                                        + s integral_T^(T+t) (alpha+u)^-(r+x) (beta+u)^-(s+1) du ]

Here a live customer may die before buying again: ``P(buys again | alive) = 1 - S(infinity)``,
``S(infinity) = s (alpha+T)^(r+x) (beta+T)^s integral_T^inf (...) du`` (the integral is
:func:`clvdesk.core.models.pareto_nbd.log_g`, FHS 2005 eq. 22-23). The next-purchase median is
taken among the live customers who do buy again: the ``m`` with
``1 - S(m) = (1 - S(infinity)) / 2``, solved by bisection on ``log m``. For BG/NBD and MBG/NBD
``S(infinity) = 0`` and this is the plain median.

Times are in the data's unit (the summary's ``period``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from clvdesk.core.errors import InputError
from clvdesk.core.models.base import as_vector, same_length, unique_rows
from clvdesk.core.models.pareto_nbd import log_g, log_interval

#: Transaction models whose live customers buy at the first event of a Poisson process
#: (dropout only after a purchase): the Lomax survival above.
LOMAX_MODELS = ("bgnbd", "mbgnbd")
PARETO_MODELS = ("pareto-nbd",)

#: Bisection steps on log m (the bracket spans e^-30 .. e^30 periods: 60 halvings give 1e-16).
_BISECTION_STEPS = 60


def _model_name(model) -> str:
    name = getattr(model, "name", None)
    if name not in LOMAX_MODELS + PARETO_MODELS:
        raise InputError(code="actions_model_unsupported", model=str(name))
    if not getattr(model, "params", None):
        raise InputError(code="model_not_fitted",
                         model=name)
    return name


def _inputs(frequency: Any, T: Any) -> tuple[np.ndarray, np.ndarray]:
    x = as_vector("frequency", frequency, integer=True)
    age = as_vector("T", T)
    same_length(frequency=x, T=age)
    return x, age


def survival_if_alive(model, t: Any, frequency: Any, T: Any) -> np.ndarray:
    """S(t | x, T): P(no purchase in the next ``t`` periods | alive at T), per customer.

    ``t`` (periods, >= 0) is a number or an array broadcast against the customers. Formulas in
    the module docstring.
    """
    name = _model_name(model)
    x, age = _inputs(frequency, T)
    t = np.asarray(t, dtype=float)
    if not np.all(np.isfinite(t)) or np.any(t < 0):
        raise InputError(code="churn_window_invalid")
    t, x, age = np.broadcast_arrays(t, x, age)
    p = model.params
    if name in LOMAX_MODELS:
        return np.exp(-(p["r"] + x) * np.log1p(t / (p["alpha"] + age)))
    return _pareto_survival(p, t, x, age)


def _pareto_survival(p: dict[str, float], t, x, age) -> np.ndarray:
    r, alpha, s, beta = p["r"], p["alpha"], p["s"], p["beta"]
    rx = r + x
    still = -rx * np.log1p(t / (alpha + age)) - s * np.log1p(t / (beta + age))
    with np.errstate(divide="ignore", invalid="ignore"):
        log_died = (np.log(s) + rx * np.log(alpha + age) + s * np.log(beta + age)
                    + log_interval(rx, s + 1.0, alpha, beta, age, age + t))
    log_died = np.where(t > 0, log_died, -np.inf)
    return np.minimum(np.exp(np.logaddexp(still, log_died)), 1.0)


def p_buy_again_if_alive(model, frequency: Any, T: Any) -> np.ndarray:
    """P(at least one more purchase | alive at T): 1 for BG/NBD and MBG/NBD, ``1 - S(inf)`` for
    Pareto/NBD (module docstring)."""
    name = _model_name(model)
    x, age = _inputs(frequency, T)
    if name in LOMAX_MODELS:
        return np.ones_like(x)
    p = model.params
    rx = x + p["r"]
    log_never = (np.log(p["s"]) + rx * np.log(p["alpha"] + age) + p["s"] * np.log(p["beta"] + age)
                 + log_g(rx, p["s"] + 1.0, p["alpha"], p["beta"], age))
    return np.clip(-np.expm1(np.minimum(log_never, 0.0)), 0.0, 1.0)


def churn_risk(model, t: Any, frequency: Any, recency: Any, T: Any) -> np.ndarray:
    """P(no purchase in the next ``t`` periods | x, t_x, T) = 1 - P(alive) + P(alive) S(t).

    ``t`` in the data's unit (e.g. 90 days as ``units.convert(90, "days", period)``).
    """
    _model_name(model)
    alive = np.asarray(model.p_alive(frequency, recency, T), dtype=float).reshape(-1)
    survive = survival_if_alive(model, t, frequency, T).reshape(-1)
    return np.clip(1.0 - alive + alive * survive, 0.0, 1.0)


def median_next_purchase(model, frequency: Any, T: Any) -> np.ndarray:
    """Median time (periods after T) to the next purchase of a customer alive at T.

    BG/NBD, MBG/NBD: ``(alpha+T)(2^(1/(r+x)) - 1)``. Pareto/NBD: among live customers who buy
    again, by bisection (module docstring).
    """
    name = _model_name(model)
    x, age = _inputs(frequency, T)
    p = model.params
    if name in LOMAX_MODELS:
        return (p["alpha"] + age) * np.expm1(np.log(2.0) / (p["r"] + x))
    (ux, uage), inverse = unique_rows(x, age)
    target = 1.0 - 0.5 * p_buy_again_if_alive(model, ux, uage)  # S at the median
    low = np.full(ux.size, -30.0)
    high = np.full(ux.size, 30.0)
    for _ in range(_BISECTION_STEPS):
        mid = 0.5 * (low + high)
        above = survival_if_alive(model, np.exp(mid), ux, uage) > target
        low = np.where(above, mid, low)
        high = np.where(above, high, mid)
    return np.exp(0.5 * (low + high))[inverse]
