"""MBG/NBD: the BG/NBD model in which a customer may also drop out right after the first purchase.

Batislam, E. P., Denizel, M. & Filiztekin, A. (2007), "Empirical validation and comparison of
models for customer base analysis", International Journal of Research in Marketing 24(3),
201-209 (the same model as Hoppe & Wagner's 2007 CBG/NBD).

Purchasing as in BG/NBD (``lambda ~ Gamma(r, alpha)``), but the dropout coin
``p ~ Beta(a, b)`` is also tossed at time 0, so customers without repeat purchases need not be
alive. For ``x`` repeat purchases, the last at ``t_x``, observed for ``T``::

    L = G(r+x) alpha^r / G(r) * [ B(a, b+x+1)/B(a, b) (alpha+T)^-(r+x)
                                  + B(a+1, b+x)/B(a, b) (alpha+t_x)^-(r+x) ]

CDNOW (weeks), as fitted by this module and by lifetimes' ``ModifiedBetaGeoFitter`` on the same
summary: r = 0.525, alpha = 6.183, a = 0.891, b = 1.614, LL = -9582.1 (Batislam et al. fitted
other data; see the README).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from clvdesk.core.models import special
from clvdesk.core.models.base import TransactionModel, group_by_value
from clvdesk.core.models.bgnbd import _expected_if_alive
from clvdesk.core.models.special import digamma, gammaln


def _loglik_function(x, t_x, age, counts):
    """The log-likelihood function of one compressed table, ``theta -> (LL, gradient)``."""
    x_groups = group_by_value(x, counts)
    return lambda theta: _loglik_and_grad(theta, x, t_x, age, counts, x_groups)


class ModifiedBetaGeoModel(TransactionModel):
    """MBG/NBD model (Batislam, Denizel & Filiztekin 2007); parameters ``r, alpha, a, b``."""

    name = "mbgnbd"
    param_names = ("r", "alpha", "a", "b")
    loglik_function = staticmethod(_loglik_function)
    p_alive_formula = staticmethod(lambda *args: _p_alive(*args))

    def p_alive(self, frequency: Any, recency: Any, T: Any) -> np.ndarray:
        """P(alive) = 1 / (1 + a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x)), for every x."""
        r, alpha, a, b = self._param_array()
        x, t_x, age, shape = self._broadcast_rfm(frequency, recency, T)
        return _p_alive(r, alpha, a, b, x, t_x, age).reshape(shape)

    def expected_purchases(self, t: Any, frequency: Any, recency: Any, T: Any) -> np.ndarray:
        """E[Y(t) | x, t_x, T] = P(alive) (a+b+x)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x)
        2F1(r+x, b+x+1; a+b+x; t/(alpha+T+t))]: the BG/NBD expression with b+1 for b.
        """
        r, alpha, a, b = self._param_array()
        horizon = self._horizon(t)
        x, t_x, age, shape = self._broadcast_rfm(frequency, recency, T)
        horizon, x, t_x, age = np.broadcast_arrays(horizon, x.reshape(shape),
                                                   t_x.reshape(shape), age.reshape(shape))
        alive = _p_alive(r, alpha, a, b, x, t_x, age)
        return alive * _expected_if_alive(r, alpha, a, b + 1.0, horizon, x, age)

    def expected_purchases_new(self, t: Any) -> np.ndarray:
        """E[X(t)] = b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b+1; a+b; t/(alpha+t))].

        Batislam et al. (2007): survival of the toss at time 0, b/(a+b), times the BG/NBD
        expectation of a customer alive at 0 (dropout ~ Beta(a, b+1)).
        """
        r, alpha, a, b = self._param_array()
        horizon = self._horizon(t)
        zeros = np.zeros_like(horizon)
        return b / (a + b) * _expected_if_alive(r, alpha, a, b + 1.0, horizon, zeros, zeros)


def _p_alive(r, alpha, a, b, x, t_x, age):
    log_odds_dead = np.log(a) - np.log(b + x) + (r + x) * (np.log(alpha + age)
                                                            - np.log(alpha + t_x))
    return special.expit(-log_odds_dead)


def _loglik_and_grad(theta, x, t_x, age, counts, x_groups):
    """Total log-likelihood and its analytic gradient in ``theta = log(r, alpha, a, b)``.

    Per row: ``ln G(r+x) - ln G(r) + r ln alpha + ln B(a, b+x+1) - ln B(a, b)
    + logaddexp(-(r+x) ln(alpha+T), ln a - ln(b+x) - (r+x) ln(alpha+t_x))``.
    """
    r, alpha, a, b = np.exp(theta)
    xs, index, x_counts = x_groups
    common = (gammaln(r + xs) - gammaln(r) + r * np.log(alpha)
              + gammaln(a + b) + gammaln(b + xs + 1.0) - gammaln(b) - gammaln(a + b + xs + 1.0))
    rx = r + x
    log_a_plus_t = np.log(alpha + age)
    log_a_plus_tx = np.log(alpha + t_x)
    log_alive = -rx * log_a_plus_t
    log_dead = np.log(a) - np.log(b + xs)[index] - rx * log_a_plus_tx
    log_sum = np.logaddexp(log_alive, log_dead)
    loglik = np.dot(x_counts, common) + np.dot(counts, log_sum)
    w_alive = np.exp(log_alive - log_sum)
    w_dead = counts * (1.0 - w_alive)
    w_alive = counts * w_alive
    psi_ab, psi_abx = digamma(a + b), digamma(a + b + xs + 1.0)
    d_r = (np.dot(x_counts, digamma(r + xs) - digamma(r) + np.log(alpha))
           - np.dot(w_alive, log_a_plus_t) - np.dot(w_dead, log_a_plus_tx))
    d_alpha = (x_counts.sum() * r / alpha - np.dot(w_alive, rx / (alpha + age))
               - np.dot(w_dead, rx / (alpha + t_x)))
    dead_by_x = np.bincount(index, weights=w_dead, minlength=xs.size)
    d_a = np.dot(x_counts, psi_ab - psi_abx) + dead_by_x.sum() / a
    d_b = (np.dot(x_counts, psi_ab + digamma(b + xs + 1.0) - digamma(b) - psi_abx)
           - np.dot(dead_by_x, 1.0 / (b + xs)))
    return loglik, np.array([d_r * r, d_alpha * alpha, d_a * a, d_b * b])
