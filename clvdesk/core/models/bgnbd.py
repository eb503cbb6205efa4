"""BG/NBD: beta-geometric / negative binomial distribution model of repeat buying.

Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005a), "'Counting Your Customers' the Easy Way:
An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275-284.

While active a customer buys as a Poisson process with rate ``lambda ~ Gamma(r, alpha)``
(``alpha`` in the data's time unit); after every purchase she drops out with probability
``p ~ Beta(a, b)``. For one customer with ``x`` repeat purchases, the last at ``t_x``, observed
for ``T`` (eq. 6)::

    L = B(a, b+x)/B(a, b) * G(r+x) alpha^r / (G(r) (alpha+T)^(r+x))
        + [x > 0] B(a+1, b+x-1)/B(a, b) * G(r+x) alpha^r / (G(r) (alpha+t_x)^(r+x))

evaluated as a log-sum-exp of the two terms. Published estimates on CDNOW (weeks):
r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from clvdesk.core.models import special
from clvdesk.core.models.base import TransactionModel, group_by_value, param_matrix
from clvdesk.core.models.special import digamma, gammaln


def _loglik_function(x, t_x, age, counts):
    """The log-likelihood function of one compressed table, ``theta -> (LL, gradient)``."""
    x_groups = group_by_value(x, counts)
    return lambda theta: _loglik_and_grad(theta, x, t_x, age, counts, x_groups)


class BetaGeoModel(TransactionModel):
    """BG/NBD model (Fader, Hardie & Lee 2005a); parameters ``r, alpha, a, b``."""

    name = "bgnbd"
    param_names = ("r", "alpha", "a", "b")
    loglik_function = staticmethod(_loglik_function)

    @classmethod
    def p_alive_of_draws(cls, draws, frequency: Any, recency: Any, T: Any) -> np.ndarray:
        """P(alive) of every model in ``draws``: (rows, draws), each column bit for bit
        ``draws[j].p_alive(...)``; the logarithms are taken once per distinct x, t_x and T."""
        x, t_x, age, _ = draws[0]._broadcast_rfm(frequency, recency, T)
        params = param_matrix(draws)
        r, alpha, a, b = (params[:, k][None, :] for k in range(4))
        return _p_alive_tabulated(r, alpha, a, b, x, t_x, age)

    # ------------------------------------------------------------------ predictions
    def p_alive(self, frequency: Any, recency: Any, T: Any) -> np.ndarray:
        """P(alive at T | x, t_x, T) (FHL 2005a, eq. 12); 1 for customers without repeats."""
        r, alpha, a, b = self._param_array()
        x, t_x, age, shape = self._broadcast_rfm(frequency, recency, T)
        return _p_alive(r, alpha, a, b, x, t_x, age).reshape(shape)

    def expected_purchases(self, t: Any, frequency: Any, recency: Any, T: Any) -> np.ndarray:
        """E[Y(t) | x, t_x, T]: expected purchases in the next ``t`` periods (eq. 10)."""
        r, alpha, a, b = self._param_array()
        horizon = self._horizon(t)
        x, t_x, age, shape = self._broadcast_rfm(frequency, recency, T)
        horizon, x, t_x, age = np.broadcast_arrays(horizon, x.reshape(shape),
                                                   t_x.reshape(shape), age.reshape(shape))
        alive = _p_alive(r, alpha, a, b, x, t_x, age)
        return alive * _expected_if_alive(r, alpha, a, b, horizon, x, age)

    def expected_purchases_new(self, t: Any) -> np.ndarray:
        """E[X(t)]: expected purchases of a new customer in ``(0, t]`` (eq. 9)."""
        r, alpha, a, b = self._param_array()
        horizon = self._horizon(t)
        zeros = np.zeros_like(horizon)
        return _expected_if_alive(r, alpha, a, b, horizon, zeros, zeros)


def _loglik_and_grad(theta, x, t_x, age, counts, x_groups):
    """Total log-likelihood and its analytic gradient in ``theta = log(r, alpha, a, b)``.

    Per row: ``LL = A(x) + logaddexp(-(r+x) ln(alpha+T), [x>0](ln a - ln(b+x-1)
    - (r+x) ln(alpha+t_x)))`` with ``A(x) = ln G(r+x) - ln G(r) + r ln alpha + ln B(a, b+x)
    - ln B(a, b)``; the terms in ``x`` alone are evaluated once per distinct frequency
    (``x_groups`` from :func:`group_by_value`).
    """
    r, alpha, a, b = np.exp(theta)
    xs, index, x_counts = x_groups
    common = (gammaln(r + xs) - gammaln(r) + r * np.log(alpha)
              + gammaln(a + b) + gammaln(b + xs) - gammaln(b) - gammaln(a + b + xs))
    repeat = x > 0
    log_b_x = np.log(np.where(xs > 0, b + xs - 1.0, 1.0))
    rx = r + x
    log_a_plus_t = np.log(alpha + age)
    log_a_plus_tx = np.log(alpha + t_x)
    log_alive = -rx * log_a_plus_t
    log_dead = np.where(repeat, np.log(a) - log_b_x[index] - rx * log_a_plus_tx, -np.inf)
    log_sum = np.logaddexp(log_alive, log_dead)
    loglik = np.dot(x_counts, common) + np.dot(counts, log_sum)
    w_alive = np.exp(log_alive - log_sum)
    w_dead = counts * (1.0 - w_alive)
    w_alive = counts * w_alive
    psi_ab, psi_abx = digamma(a + b), digamma(a + b + xs)
    d_r = (np.dot(x_counts, digamma(r + xs) - digamma(r) + np.log(alpha))
           - np.dot(w_alive, log_a_plus_t) - np.dot(w_dead, log_a_plus_tx))
    d_alpha = (x_counts.sum() * r / alpha - np.dot(w_alive, rx / (alpha + age))
               - np.dot(w_dead, rx / (alpha + t_x)))
    dead_by_x = np.bincount(index, weights=w_dead, minlength=xs.size)
    d_a = np.dot(x_counts, psi_ab - psi_abx) + dead_by_x.sum() / a
    d_b = (np.dot(x_counts, psi_ab + digamma(b + xs) - digamma(b) - psi_abx)
           - np.dot(dead_by_x, 1.0 / np.where(xs > 0, b + xs - 1.0, 1.0)))
    return loglik, np.array([d_r * r, d_alpha * alpha, d_a * a, d_b * b])


def _p_alive(r, alpha, a, b, x, t_x, age):
    """P(alive) = 1 / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)), via a stable logit."""
    with np.errstate(divide="ignore", invalid="ignore"):
        log_odds_dead = (np.log(a) - np.log(np.where(x > 0, b + x - 1.0, 1.0))
                         + (r + x) * (np.log(alpha + age) - np.log(alpha + t_x)))
    return np.where(x > 0, special.expit(-log_odds_dead), 1.0)


def _p_alive_tabulated(r, alpha, a, b, x, t_x, age):
    """:func:`_p_alive` for parameter rows ``(1, draws)`` and data columns, as a (rows, draws)
    matrix: the same operations, with each logarithm evaluated on distinct data values and
    gathered (many customers share x, t_x or T)."""
    xs, x_index = np.unique(x, return_inverse=True)
    ages, age_index = np.unique(age, return_inverse=True)
    recencies, recency_index = np.unique(t_x, return_inverse=True)
    column = x[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        first = np.log(a) - np.log(np.where(xs[:, None] > 0, b + xs[:, None] - 1.0, 1.0))
        log_age = np.log(alpha + ages[:, None])
        log_recency = np.log(alpha + recencies[:, None])
        spread = log_age[age_index]
        spread -= log_recency[recency_index]
        log_odds_dead = first[x_index] + (r + column) * spread
    np.negative(log_odds_dead, out=log_odds_dead)
    return np.where(column > 0, special.expit(log_odds_dead), 1.0)


def _expected_if_alive(r, alpha, a, b, t, x, age):
    """(a+b+x-1)/(a-1) * [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)].

    z = t/(alpha+T+t): expected purchases in the next ``t`` periods of a customer alive at T.
    The 2F1 is evaluated after Euler's transformation,
    ``(1-z)^(r+x) 2F1(r+x, b+x; c; z) = (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z)`` with
    ``c = a+b+x-1``, whose series has small parameters and a large ``c`` when x is large, so it
    neither overflows nor loses precision for frequencies in the hundreds (the original form
    grows like (1-z)^(-(r+x)) before being multiplied by a tiny power). For x = 0 and a + b < 1
    (c < 0) the same expression is the analytic continuation of the integral over the dropout
    probability, ``E_p[(1 - (1 + p t/(alpha+T))^-(r+x)) / p]``, p ~ Beta(a, b+x). Its removable
    singularities, a = 1 (0/0) and c = 0, are bridged by the mean of the values at a -+ 1e-5.
    """
    t, x, age = np.broadcast_arrays(np.asarray(t, float), np.asarray(x, float),
                                    np.asarray(age, float))
    singular = (abs(a - 1.0) < 1e-6) | (np.abs(a + b + x - 1.0) < 1e-8)
    if np.any(singular):
        step = 1e-5
        bridged = 0.5 * (_closed_form(r, alpha, a - step, b, t, x, age)
                         + _closed_form(r, alpha, a + step, b, t, x, age))
        result = np.where(singular, bridged, _closed_form(r, alpha, a, b, t, x, age))
    else:
        result = _closed_form(r, alpha, a, b, t, x, age)
    failed = ~np.isfinite(result) | (result < 0)
    if np.any(failed):
        result = np.array(result, dtype=float)
        result[failed] = _by_quantiles(r, alpha, a, b, t[failed], x[failed], age[failed])
    return np.where(t > 0, result, 0.0)


#: Gauss-Legendre rule on (0, 1) for the quantile integral of :func:`_by_quantiles`.
_U_NODES, _U_WEIGHTS = np.polynomial.legendre.leggauss(64)
_U_NODES, _U_WEIGHTS = (_U_NODES + 1.0) / 2.0, _U_WEIGHTS / 2.0


def _by_quantiles(r, alpha, a, b, t, x, age):
    """E_p[(1 - (1 + p t/(alpha+T))^-(r+x)) / p] with p ~ Beta(a, b+x), by quantiles.

    For the rare rows where scipy's 2F1 fails (very large a with z near 1): the integrand is
    bounded by (r+x) t/(alpha+T), so Gauss-Legendre over the Beta quantile ``u`` is stable.
    """
    p = special.betaincinv(a, b + x[:, None], _U_NODES[None, :])
    p = np.maximum(p, 1e-300)
    scaled = (t / (alpha + age))[:, None]
    integrand = -np.expm1(-(r + x[:, None]) * np.log1p(p * scaled)) / p
    return integrand @ _U_WEIGHTS


def _closed_form(r, alpha, a, b, t, x, age):
    c = a + b + x - 1.0
    one_minus_z = (alpha + age) / (alpha + age + t)
    z = t / (alpha + age + t)
    with np.errstate(divide="ignore", invalid="ignore"):
        tail = np.exp((a - 1.0) * np.log(one_minus_z)) * special.hyp2f1(a + b - 1.0 - r, a - 1.0, c, z)
        return c / (a - 1.0) * (1.0 - tail)
