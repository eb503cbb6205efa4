"""BG/BB: beta-geometric / beta-Bernoulli model for discrete transaction opportunities.

Fader, P. S., Hardie, B. G. S. & Shang, J. (2010), "Customer-Base Analysis in a Discrete-Time
Noncontractual Setting", Marketing Science 29(6), 1086-1108.

At each of ``n`` opportunities (yearly donation drives, weekly visits...) an alive customer
transacts with probability ``p ~ Beta(alpha, beta)`` and, before the next opportunity, dies
with probability ``theta ~ Beta(gamma, delta)``. For ``x`` transactions, the last at
opportunity ``t_x``, out of ``n`` (eq. 5)::

    L = B(alpha+x, beta+n-x)/B(alpha, beta) * B(gamma, delta+n)/B(gamma, delta)
        + sum_{i=0}^{n-t_x-1} B(alpha+x, beta+t_x-x+i)/B(alpha, beta)
                              * B(gamma+1, delta+t_x+i)/B(gamma, delta)

evaluated as a log-sum-exp over its terms. Published estimates on the donation data
(11,104 donors, 6 opportunities): alpha = 1.204, beta = 0.750, gamma = 0.657, delta = 2.783,
LL = -33,225.6.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from clvdesk.core.errors import DataError, InputError
from clvdesk.core.models import special
from clvdesk.core.models.base import (
    Cancel,
    ProbabilisticModel,
    Progress,
    as_vector,
    as_weights,
    compress,
    same_length,
)
from clvdesk.core.models.special import digamma, gammaln


class BetaGeoBetaBinomModel(ProbabilisticModel):
    """BG/BB model (Fader, Hardie & Shang 2010); parameters ``alpha, beta, gamma, delta``."""

    name = "bgbb"
    param_names = ("alpha", "beta", "gamma", "delta")

    def fit(self, frequency: Any, recency: Any, n_periods: Any, weights: Any = None, *,
            progress: Progress = None, cancel: Cancel = None,
            penalty: float = 0.0) -> BetaGeoBetaBinomModel:
        """Fit on (x, t_x, n) rows, e.g. the pattern counts of the donation data as weights.

        ``frequency``: transactions x; ``recency``: opportunity of the last one t_x (0 when
        none); ``n_periods``: opportunities n; all whole numbers with x <= t_x <= n.
        ``penalty``: L2 penalty per customer on the log parameters
        (:mod:`clvdesk.core.models.base`).
        """
        x, t_x, n = _check(frequency, recency, n_periods)
        w = as_weights(weights, x.size)
        total = float(w.sum())
        if x.size == 0 or total <= 0:
            raise DataError(code="no_customers")
        if total < 2 * self.n_params:
            raise DataError(code="too_few_to_fit", model="bgbb", customers=float(total),
                            needed=2 * self.n_params)
        used = w > 0
        if not (x[used] > 0).any():
            raise DataError(code="bgbb_no_transactions")
        if (x[used] == n[used]).all():
            raise DataError(code="bgbb_every_opportunity")
        (x, t_x, n), counts = compress(x, t_x, n, weights=w)
        self._maximize(_loglik_function, (x, t_x, n), counts, np.zeros(4),
                       progress=progress, cancel=cancel, penalty=penalty)
        return self

    # ------------------------------------------------------------------ predictions
    def p_alive(self, frequency: Any, recency: Any, n_periods: Any) -> np.ndarray:
        """P(alive at opportunity n+1 | x, t_x, n) (FHS 2010, eq. 11)::

            B(alpha+x, beta+n-x)/B(alpha, beta) * B(gamma, delta+n+1)/B(gamma, delta) / L
        """
        alpha, beta, gamma, delta = self._param_array()
        x, t_x, n, shape = _broadcast(frequency, recency, n_periods)
        log_l = _log_likelihood_rows(alpha, beta, gamma, delta, x, t_x, n)
        log_alive = (special.betaln(alpha + x, beta + n - x) - special.betaln(alpha, beta)
                     + special.betaln(gamma, delta + n + 1.0) - special.betaln(gamma, delta))
        return np.exp(log_alive - log_l).reshape(shape)

    def expected_purchases(self, n_future: Any, frequency: Any, recency: Any,
                           n_periods: Any) -> np.ndarray:
        """E[X(n, n+n*) | x, t_x, n]: expected transactions in the next n* opportunities (eq. 13)::

            1/L * B(alpha+x+1, beta+n-x)/B(alpha, beta) * delta/(gamma-1)
                * G(gamma+delta)/G(1+delta)
                * [G(1+delta+n)/G(gamma+delta+n) - G(1+delta+n+n*)/G(gamma+delta+n+n*)]
        """
        alpha, beta, gamma, delta = self._param_array()
        future = _future(n_future)
        x, t_x, n, shape = _broadcast(frequency, recency, n_periods)
        future, x, t_x, n = np.broadcast_arrays(future, x.reshape(shape), t_x.reshape(shape),
                                                n.reshape(shape))
        log_l = _log_likelihood_rows(alpha, beta, gamma, delta, x, t_x, n)
        log_front = special.betaln(alpha + x + 1.0, beta + n - x) - special.betaln(alpha, beta) - log_l
        return np.exp(log_front) * _alive_sum(gamma, delta, n, future)

    def expected_purchases_new(self, n_future: Any) -> np.ndarray:
        """E[X(n)] for a new customer over n opportunities (eq. 8)::

            alpha/(alpha+beta) * delta/(gamma-1) * [1 - G(gamma+delta) G(1+delta+n)
                                                      / (G(gamma+delta+n) G(1+delta))]
        """
        alpha, beta, gamma, delta = self._param_array()
        future = _future(n_future)
        return alpha / (alpha + beta) * _alive_sum(gamma, delta, np.zeros_like(future), future)


def _alive_sum(gamma, delta, n, future):
    """Sum over opportunities n+1 .. n+n* of P(alive there | alive at n) / P(alive at n) form.

    ``delta/(gamma-1) G(gamma+delta)/G(1+delta) [G(1+delta+n)/G(gamma+delta+n)
    - G(1+delta+n+n*)/G(gamma+delta+n+n*)]``, with the limit gamma -> 1 taken through digamma.
    """
    head = gammaln(1.0 + delta + n) - gammaln(gamma + delta + n)
    tail = gammaln(1.0 + delta + n + future) - gammaln(gamma + delta + n + future)
    scale = gammaln(gamma + delta) - gammaln(1.0 + delta)
    if abs(gamma - 1.0) < 1e-8:
        return delta * (digamma(1.0 + delta + n + future) - digamma(1.0 + delta + n))
    return delta / (gamma - 1.0) * np.exp(scale + head) * -np.expm1(tail - head)


def _check(frequency, recency, n_periods):
    x = as_vector("frequency", frequency, integer=True)
    t_x = as_vector("recency", recency, integer=True)
    n = as_vector("periods", n_periods, integer=True)
    same_length(frequency=x, recency=t_x, periods=n)
    for bad, code in ((x > t_x, "frequency_above_recency"),
                      (t_x > n, "recency_above_periods"),
                      ((x == 0) & (t_x > 0), "recency_without_transactions"),
                      ((x > 0) & (t_x == 0), "no_recency_with_transactions")):
        if bad.any():
            row = int(np.argmax(bad))
            raise InputError(code=code, row=row + 1, frequency=float(x[row]),
                             recency=float(t_x[row]), periods=float(n[row]))
    return x, t_x, n


def _broadcast(frequency, recency, n_periods):
    x, t_x, n = np.broadcast_arrays(*(np.asarray(v, dtype=float)
                                      for v in (frequency, recency, n_periods)))
    shape = x.shape
    x, t_x, n = _check(x.reshape(-1), t_x.reshape(-1), n.reshape(-1))
    return x, t_x, n, shape


def _future(n_future):
    future = np.asarray(n_future, dtype=float)
    if not np.all(np.isfinite(future)) or np.any(future < 0) or np.any(future != np.round(future)):
        raise InputError(code="future_whole")
    return future


def _log_terms(alpha, beta, gamma, delta, x, t_x, n):
    """Log of every likelihood term: column 0 alive through n, columns 1.. died after t_x + i.

    Returns ``(terms, mask)``: terms (rows x (1 + max(n - t_x))) with -inf where i is out of
    range, and the boolean mask of the valid death terms.
    """
    width = int(np.max(n - t_x)) if x.size else 0
    i = np.arange(width)[None, :]
    mask = i < (n - t_x)[:, None]
    base = -special.betaln(alpha, beta) - special.betaln(gamma, delta)
    alive = special.betaln(alpha + x, beta + n - x) + special.betaln(gamma, delta + n) + base
    with np.errstate(invalid="ignore"):
        dead = (special.betaln(alpha + x[:, None], beta + (t_x - x)[:, None] + i)
                + special.betaln(gamma + 1.0, delta + t_x[:, None] + i) + base)
    return np.column_stack([alive, np.where(mask, dead, -np.inf)]), mask


def _log_likelihood_rows(alpha, beta, gamma, delta, x, t_x, n):
    terms, _ = _log_terms(alpha, beta, gamma, delta, x, t_x, n)
    return np.logaddexp.reduce(terms, axis=1)


def _loglik_function(x, t_x, n, counts):
    """The log-likelihood function of one compressed table, ``theta -> (LL, gradient)``."""
    return lambda theta: _loglik_and_grad(theta, x, t_x, n, counts)


def _loglik_and_grad(theta, x, t_x, n, counts):
    """Total log-likelihood and analytic gradient in ``log(alpha, beta, gamma, delta)``.

    Each term is a product of beta functions, d ln B(u, v)/du = psi(u) - psi(u+v); the
    gradient of the log of the sum weights each term's derivative by its share.
    """
    alpha, beta, gamma, delta = np.exp(theta)
    terms, mask = _log_terms(alpha, beta, gamma, delta, x, t_x, n)
    log_l = np.logaddexp.reduce(terms, axis=1)
    share = np.exp(terms - log_l[:, None])
    i = np.arange(terms.shape[1] - 1)[None, :]

    def d_betaln(u, v):  # d/du and d/dv of ln B(u, v)
        both = digamma(u + v)
        return digamma(u) - both, digamma(v) - both

    # purchase part: B(alpha+x, beta+k) with k = n-x (alive) or t_x-x+i (dead)
    da_alive, db_alive = d_betaln(alpha + x, beta + n - x)
    with np.errstate(invalid="ignore"):
        da_dead, db_dead = d_betaln(alpha + x[:, None], beta + (t_x - x)[:, None] + i)
        dg_dead, dd_dead = d_betaln(gamma + 1.0, delta + t_x[:, None] + i)
    dg_alive, dd_alive = d_betaln(gamma, delta + n)
    da0, db0 = d_betaln(alpha, beta)
    dg0, dd0 = d_betaln(gamma, delta)
    alive_share, dead_share = share[:, 0], np.where(mask, share[:, 1:], 0.0)

    def mix(alive_part, dead_part):
        return alive_share * alive_part + np.sum(dead_share * np.where(mask, dead_part, 0.0),
                                                 axis=1)

    grad = np.array([
        np.dot(counts, mix(da_alive, da_dead) - da0),
        np.dot(counts, mix(db_alive, db_dead) - db0),
        np.dot(counts, mix(dg_alive, dg_dead) - dg0),
        np.dot(counts, mix(dd_alive, dd_dead) - dd0),
    ])
    return float(np.dot(counts, log_l)), grad * np.array([alpha, beta, gamma, delta])
