"""Pareto/NBD: Poisson purchasing with an exponential lifetime, both rates heterogeneous.

Schmittlein, D. C., Morrison, D. G. & Colombo, R. (1987), "Counting Your Customers: Who Are
They and What Will They Do Next?", Management Science 33(1), 1-24; likelihood as in Fader,
Hardie & Shang (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions", and
Fader, Hardie & Lee (2005a), Marketing Science 24(2).

While alive a customer buys at rate ``lambda ~ Gamma(r, alpha)``; she stays alive for an
exponential time with rate ``mu ~ Gamma(s, beta)``. For ``x`` repeat purchases, the last at
``t_x``, observed for ``T``::

    L = G(r+x) alpha^r beta^s / G(r) * [ (alpha+T)^-(r+x) (beta+T)^-s + s I ]
    I = integral from t_x to T of (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau

The integral is ``G(t_x) - G(T)`` with ``G(t) = integral from t to infinity``, a Gaussian
hypergeometric function (FHS 2005, eq. 22-23, the cases alpha >= beta and alpha < beta)::

    G(t) = (m+t)^-(r+s+x) 2F1(r+s+x, B; r+s+x+1; |alpha-beta|/(m+t)) / (r+s+x)

with ``m = max(alpha, beta)`` and ``B = s+1`` if alpha >= beta else ``r+x``. It is evaluated in
logs after Euler's transformation ``2F1(A, B; A+1; z) = (1-z)^(1-B) 2F1(1, A+1-B; A+1; z)``,
whose series has bounded terms, so frequencies in the hundreds give neither overflow nor NaN.

Published estimates on CDNOW (weeks): r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669,
LL = -9595.0.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from clvdesk.core.models import special
from clvdesk.core.models.base import (
    TransactionModel,
    group_by_value,
    unique_rows,
)
from clvdesk.core.models.special import digamma, gammaln

#: Relative step of the central differences in r and s (derivatives of 2F1 in its parameters
#: have no closed form); the derivatives in alpha and beta are analytic.
_STEP = 1e-6


def _loglik_function(x, t_x, age, counts):
    """The log-likelihood function of one compressed table, ``theta -> (LL, gradient)``.

    ``G`` depends on a row through ``(x, t_x)`` at the upper end and ``(x, T)`` at the lower
    one; real summaries have far fewer distinct pairs than rows, so ``G`` is evaluated once per
    distinct pair.
    """
    x_groups = group_by_value(x, counts)
    (x_up, t_up), to_up = unique_rows(x, t_x)
    (x_low, t_low), to_low = unique_rows(x, age)

    def grouped_interval(r, q, alpha, beta, shift_p=0.0):
        upper = log_g(r + x_up + shift_p, q, alpha, beta, t_up)
        lower = log_g(r + x_low + shift_p, q, alpha, beta, t_low)
        return _log_difference(upper[to_up], lower[to_low])

    return lambda theta: _loglik_and_grad(theta, x, age, counts, x_groups, grouped_interval)


class ParetoNBDModel(TransactionModel):
    """Pareto/NBD model (Schmittlein, Morrison & Colombo 1987); parameters ``r, alpha, s, beta``."""

    name = "pareto-nbd"
    param_names = ("r", "alpha", "s", "beta")
    loglik_function = staticmethod(_loglik_function)

    @staticmethod
    def _start(x: np.ndarray, age: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """Log starting values: r = s = 1, alpha = 1 / (purchase rate), beta = mean T."""
        mean_t = float(np.sum(counts * age) / np.sum(counts))
        rate = float(np.sum(counts * x) / np.sum(counts * age))
        return np.log([1.0, 1.0 / max(rate, 1e-6), 1.0, mean_t])

    # ------------------------------------------------------------------ predictions
    def p_alive(self, frequency: Any, recency: Any, T: Any) -> np.ndarray:
        """P(alive at T | x, t_x, T) = first likelihood term / both terms (FHS 2005, eq. 18)."""
        r, alpha, s, beta = self._param_array()
        x, t_x, age, shape = self._broadcast_rfm(frequency, recency, T)
        log_alive, log_dead = _log_terms(r, alpha, s, beta, x, t_x, age)
        with np.errstate(invalid="ignore"):
            alive = np.exp(log_alive - np.logaddexp(log_alive, log_dead))
        return alive.reshape(shape)

    def expected_purchases(self, t: Any, frequency: Any, recency: Any, T: Any) -> np.ndarray:
        """E[Y(t) | x, t_x, T] (Schmittlein et al. 1987; FHS 2005, eq. 20)::

            P(alive) (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)]
        """
        r, alpha, s, beta = self._param_array()
        horizon = self._horizon(t)
        x, t_x, age, shape = self._broadcast_rfm(frequency, recency, T)
        alive = self.p_alive(x, t_x, age).reshape(shape)
        x, age = x.reshape(shape), age.reshape(shape)
        rate = (r + x) / (alpha + age)
        return alive * rate * _lifetime_integral(s, beta + age, horizon)

    def expected_purchases_new(self, t: Any) -> np.ndarray:
        """E[X(t)] = r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)] (FHS 2005, eq. 17)."""
        r, alpha, s, beta = self._param_array()
        horizon = self._horizon(t)
        return r / alpha * _lifetime_integral(s, beta, horizon)


def _lifetime_integral(s, scale, t):
    """``scale/(s-1) [1 - (scale/(scale+t))^(s-1)]``: expected time alive in (0, t].

    The limit s -> 1, ``scale ln(1 + t/scale)``, is taken smoothly with expm1.
    """
    log_ratio = np.log1p(np.asarray(t, dtype=float) / scale)
    k = s - 1.0
    if abs(k) < 1e-12:
        return scale * log_ratio
    return scale * -np.expm1(-k * log_ratio) / k


def log_g(p, q, alpha, beta, t):
    """log G(t), G(t) = integral from t to infinity of (alpha+tau)^-p (beta+tau)^-q dtau.

    Public: the churn risk and next-purchase formulas (:mod:`clvdesk.core.next_purchase`) use
    the same integral as the likelihood. ``p``, ``q`` and ``t`` (periods) broadcast.

    By symmetry (swap alpha <-> beta and p <-> q) let m = max(alpha, beta) carry exponent
    ``e_m`` and the other ``e_o``; with ``A = p + q - 1`` and ``z = |alpha-beta|/(m+t)``::

        G = (m+t)^-A / A * (1-z)^(1-e_o) * 2F1(1, e_m; A+1; z)

    Where scipy's 2F1 fails (z near 1 with large e_m, or c - a - b a whole number, where it
    returns inf or NaN), the integral is taken numerically instead (:func:`_log_g_quadrature`).
    """
    p, q, t = np.broadcast_arrays(np.asarray(p, float), np.asarray(q, float),
                                  np.asarray(t, float))
    alpha_larger = alpha >= beta
    m = max(alpha, beta)
    e_m = p if alpha_larger else q
    e_o = q if alpha_larger else p
    a_sum = p + q - 1.0
    z = abs(alpha - beta) / (m + t)
    with np.errstate(all="ignore"):
        series = special.hyp2f1(1.0, e_m, a_sum + 1.0, z)
        value = (-a_sum * np.log(m + t) - np.log(a_sum) + (1.0 - e_o) * np.log1p(-z)
                 + np.log(series))
    failed = ~np.isfinite(value) | ~(series >= 1.0)  # 2F1(1, b; c; z >= 0) >= 1
    if failed.any():
        value = np.array(value, dtype=float)
        value[failed] = _log_g_quadrature(e_m[failed], e_o[failed], m, min(alpha, beta),
                                          t[failed])
    return value


#: Gauss-Legendre rule used on each panel of :func:`_log_g_quadrature`.
_GL_NODES, _GL_WEIGHTS = np.polynomial.legendre.leggauss(8)
#: Panels of the quadrature: [0, S 2^-15], [S 2^-15, S 2^-14], ..., [S/2, S].
_PANEL_EDGES = np.concatenate([[0.0], 2.0 ** np.arange(-15, 1)])


def _log_g_quadrature(e_m, e_o, m, c, t):
    """log G(t) by quadrature, for rows where the 2F1 series fails.

    With ``tau = t + (c+t)(e^s - 1)``, c = min(alpha, beta) and ``w = (c+t)/(m+t)`` <= 1::

        G = (c+t)^(1-e_o) (m+t)^-e_m * integral_0^inf exp(-(e_o-1) s
                                                         - e_m ln(1 + w (e^s - 1))) ds

    The integrand is log-concave and decays at rate A = e_m + e_o - 1 once w e^s > 1, so the
    range is cut at ``S = ln(1/w) + 1 + 50/A`` (the rest is below e^-50 of the peak) and
    integrated in logs with Gauss-Legendre on geometrically growing panels, which resolves
    scales from S/32768 to S.
    """
    w = (c + t) / (m + t)
    a_sum = e_m + e_o - 1.0
    span = np.minimum(-np.log(w) + 1.0 + 50.0 / a_sum, 700.0)
    lo, hi = _PANEL_EDGES[:-1], _PANEL_EDGES[1:]
    nodes = ((hi - lo)[:, None] * (_GL_NODES + 1.0) / 2.0 + lo[:, None]).reshape(-1)
    weights = ((hi - lo)[:, None] * _GL_WEIGHTS / 2.0).reshape(-1)
    s = span[:, None] * nodes[None, :]
    with np.errstate(divide="ignore"):
        log_base = np.logaddexp(np.log1p(-w)[:, None], np.log(w)[:, None] + s)
    log_integrand = -(e_o[:, None] - 1.0) * s - e_m[:, None] * log_base
    log_integral = np.log(span) + np.logaddexp.reduce(log_integrand + np.log(weights), axis=1)
    return (1.0 - e_o) * np.log(c + t) - e_m * np.log(m + t) + log_integral


def _log_difference(log_upper, log_lower):
    """log(exp(log_upper) - exp(log_lower)) for upper >= lower; -inf when they are equal."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return log_upper + np.log(-np.expm1(np.minimum(log_lower - log_upper, 0.0)))


def log_interval(p, q, alpha, beta, t_x, age):
    """log of the integral over (t_x, T): log(G(t_x) - G(T)); -inf when t_x == T (public, as
    :func:`log_g`)."""
    return _log_difference(log_g(p, q, alpha, beta, t_x), log_g(p, q, alpha, beta, age))


def _log_terms(r, alpha, s, beta, x, t_x, age):
    """log of the two bracketed likelihood terms: alive at T, and died in (t_x, T]."""
    p = r + x
    log_alive = -p * np.log(alpha + age) - s * np.log(beta + age)
    log_dead = np.log(s) + log_interval(p, s + 1.0, alpha, beta, t_x, age)
    return log_alive, log_dead


def _loglik_and_grad(theta, x, age, counts, x_groups, grouped_interval):
    """Total log-likelihood and gradient in ``theta = log(r, alpha, s, beta)``.

    ``grouped_interval(r, q, alpha, beta, shift_p)`` gives log I per row for exponents
    ``p = r + x + shift_p`` and ``q``. Derivatives: analytic for the gamma terms and for alpha
    and beta (dI/d alpha = -p I(p+1, q), dI/d beta = -q I(p, q+1)); central differences of
    log I in r and s (derivatives of 2F1 in its parameters have no closed form).
    """
    r, alpha, s, beta = np.exp(theta)
    xs, index, x_counts = x_groups
    p, q = r + x, s + 1.0
    log_alive = -p * np.log(alpha + age) - s * np.log(beta + age)
    log_i = grouped_interval(r, q, alpha, beta)
    log_dead = np.log(s) + log_i
    log_sum = np.logaddexp(log_alive, log_dead)
    common = gammaln(r + xs) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    loglik = np.dot(x_counts, common) + np.dot(counts, log_sum)

    w_alive = np.exp(log_alive - log_sum)
    w_dead = 1.0 - w_alive
    died = w_dead > 0
    w_alive, w_dead = counts * w_alive, counts * w_dead

    def ratio(log_other):  # (other integral) / I, 0 where the dead term vanishes
        with np.errstate(invalid="ignore", over="ignore"):
            return np.where(died, np.exp(log_other - log_i), 0.0)

    def slope(plus, minus, step):  # central difference of log I
        with np.errstate(invalid="ignore"):
            return np.where(died, (plus - minus) / (2.0 * step), 0.0)

    h_r, h_s = _STEP * max(1.0, r), _STEP * max(1.0, s)
    d_log_i_r = slope(grouped_interval(r + h_r, q, alpha, beta),
                      grouped_interval(r - h_r, q, alpha, beta), h_r)
    d_log_i_s = slope(grouped_interval(r, q + h_s, alpha, beta),
                      grouped_interval(r, q - h_s, alpha, beta), h_s)
    d_r = (np.dot(x_counts, digamma(r + xs) - digamma(r) + np.log(alpha))
           - np.dot(w_alive, np.log(alpha + age)) + np.dot(w_dead, d_log_i_r))
    d_alpha = (x_counts.sum() * r / alpha - np.dot(w_alive, p / (alpha + age))
               - np.dot(w_dead, p * ratio(grouped_interval(r, q, alpha, beta, 1.0))))
    d_s = (x_counts.sum() * np.log(beta) - np.dot(w_alive, np.log(beta + age))
           + np.dot(w_dead, 1.0 / s + d_log_i_s))
    d_beta = (x_counts.sum() * s / beta - np.dot(w_alive, s / (beta + age))
              - np.dot(w_dead, q * ratio(grouped_interval(r, q + 1.0, alpha, beta))))
    return loglik, np.array([d_r * r, d_alpha * alpha, d_s * s, d_beta * beta])
