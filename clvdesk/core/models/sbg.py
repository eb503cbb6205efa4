"""sBG: the shifted-beta-geometric model of contract renewals (members, subscribers).

Fader, P. S. & Hardie, B. G. S. (2007), "How to Project Customer Retention", Journal of
Interactive Marketing 21(1), 76-90; discounted expected residual lifetime from Fader & Hardie
(2010), "Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring
Heterogeneity", Marketing Science 29(1), 85-93.

At the end of every period a customer cancels with probability ``theta ~ Beta(alpha, beta)``.
With ``T`` the period in which she cancels (FH 2007, eq. 6-7)::

    P(T = t) = B(alpha+1, beta+t-1) / B(alpha, beta),   t = 1, 2, ...
    S(t)     = B(alpha, beta+t) / B(alpha, beta)
    r(t)     = S(t)/S(t-1) = (beta+t-1) / (alpha+beta+t-1)          retention rate

Fitted on a cohort's alive counts ``n_0, n_1, ..., n_k`` (customers still active at the start
and after each period): ``LL = sum_t (n_{t-1} - n_t) ln P(T=t) + n_k ln S(k)`` (eq. B2).
Published estimates (years 0-7 of 1000 customers): regular alpha = 0.704, beta = 1.182,
LL = -1680.3; high end alpha = 0.668, beta = 3.806, LL = -1611.2.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from clvdesk.core.errors import DataError, InputError
from clvdesk.core.models import special
from clvdesk.core.models.base import Cancel, ProbabilisticModel, Progress, as_vector
from clvdesk.core.models.special import digamma


class ShiftedBetaGeoModel(ProbabilisticModel):
    """Shifted-beta-geometric model (Fader & Hardie 2007); parameters ``alpha, beta``."""

    name = "sbg"
    param_names = ("alpha", "beta")

    def fit(self, alive: Any, *, progress: Progress = None,
            cancel: Cancel = None, penalty: float = 0.0) -> ShiftedBetaGeoModel:
        """Fit on the alive counts of one cohort: at the start (period 0), after 1, 2, ... periods.

        Counts may be fractional (e.g. percentages of a cohort) but never increase.
        ``penalty``: L2 penalty per customer on the log parameters
        (:mod:`clvdesk.core.models.base`).
        """
        counts = as_vector("alive", alive)
        if counts.size < 2:
            raise DataError(code="sbg_needs_counts")
        if counts[0] <= 0:
            raise InputError(code="sbg_first_count")
        rising = np.diff(counts) > 0
        if rising.any():
            period = int(np.argmax(rising)) + 1
            raise InputError(code="alive_counts_rise", period=period, before=float(counts[period - 1]),
                             after=float(counts[period]))
        lost = -np.diff(counts)
        if lost.sum() <= 0:
            raise DataError(code="sbg_no_churn")
        if counts[-1] <= 0 and np.count_nonzero(lost) < 2:
            raise DataError(code="sbg_one_period")
        # the compressed table: one row per (period, cancelled there or still active) pattern
        k = counts.size - 1
        periods = np.append(np.arange(1.0, k + 1.0), float(k))
        cancelled = np.append(np.ones(k), 0.0)
        weights = np.append(lost, counts[-1])
        used = weights > 0
        self._maximize(_loglik_function, (periods[used], cancelled[used]), weights[used],
                       np.zeros(2), progress=progress, cancel=cancel, penalty=penalty)
        return self

    # ------------------------------------------------------------------ predictions
    def survival(self, t: Any) -> np.ndarray:
        """S(t) = B(alpha, beta+t)/B(alpha, beta): share of the cohort still active after t."""
        alpha, beta = self._param_array()
        periods = _periods(t)
        return np.exp(special.betaln(alpha, beta + periods) - special.betaln(alpha, beta))

    def retention(self, t: Any) -> np.ndarray:
        """r(t) = (beta+t-1)/(alpha+beta+t-1): renewal rate from period t-1 to t (t >= 1)."""
        alpha, beta = self._param_array()
        periods = _periods(t)
        if np.any(periods < 1):
            raise InputError(code="retention_from_period_1")
        return (beta + periods - 1.0) / (alpha + beta + periods - 1.0)

    def churn_probability(self, t: Any) -> np.ndarray:
        """P(T = t) = B(alpha+1, beta+t-1)/B(alpha, beta): share cancelling in period t >= 1."""
        alpha, beta = self._param_array()
        periods = _periods(t)
        if np.any(periods < 1):
            raise InputError(code="churn_from_period_1")
        return np.exp(special.betaln(alpha + 1.0, beta + periods - 1.0) - special.betaln(alpha, beta))

    def expected_lifetime(self) -> float:
        """Mean number of periods paid for, E[T] = sum_t>=0 S(t) = (alpha+beta-1)/(alpha-1).

        Finite only for alpha > 1 (heavy-tailed otherwise); then :class:`DataError` points to
        the discounted lifetime, which is always finite.
        """
        alpha, beta = self._param_array()
        if alpha <= 1.0:
            raise DataError(code="infinite_lifetime", alpha=float(alpha))
        return float((alpha + beta - 1.0) / (alpha - 1.0))

    def discounted_expected_lifetime(self, discount_rate: float) -> float:
        """DEL: discounted number of payments of a new customer, the first one now.

        ``DEL = sum_{t>=0} S(t) / (1+d)^t = 2F1(1, beta; alpha+beta; 1/(1+d))`` (Fader & Hardie
        2010, eq. 4), ``d`` the discount rate per period. CLV of a new subscriber = payment per
        period * DEL.
        """
        alpha, beta = self._param_array()
        z = 1.0 / (1.0 + _discount(discount_rate))
        return float(special.hyp2f1(1.0, beta, alpha + beta, z))

    def discounted_residual_lifetime(self, discount_rate: float, renewals: Any = 0) -> np.ndarray:
        """DERL: discounted expected number of further payments of an existing customer.

        For a customer active for n = renewals + 1 periods, just before her next renewal
        decision (Fader & Hardie 2010, eq. 6), ``d`` the discount rate per period::

            DERL = sum_{t>=n} S(t)/S(n-1) / (1+d)^(t-n)
                 = (beta+n-1)/(alpha+beta+n-1) * 2F1(1, beta+n; alpha+beta+n; 1/(1+d))

        The next payment, made now if she renews, is not discounted. Residual CLV = payment
        per period * DERL; it grows with ``renewals`` as the survivors are the loyal ones.
        """
        alpha, beta = self._param_array()
        z = 1.0 / (1.0 + _discount(discount_rate))
        n = _periods(renewals) + 1.0
        return (beta + n - 1.0) / (alpha + beta + n - 1.0) * special.hyp2f1(
            1.0, beta + n, alpha + beta + n, z)


def _discount(discount_rate) -> float:
    try:
        d = float(discount_rate)
    except (TypeError, ValueError):
        raise InputError(code="not_a_number", name="discount_rate") from None
    if not math.isfinite(d) or d <= 0:
        raise InputError(code="discount_positive")
    return d


def _periods(t):
    periods = np.asarray(t, dtype=float)
    if not np.all(np.isfinite(periods)) or np.any(periods < 0) \
            or np.any(periods != np.round(periods)):
        raise InputError(code="periods_whole")
    return periods


def _loglik_function(periods, cancelled, counts):
    """The log-likelihood function of one cohort table, ``theta -> (LL, gradient)``.

    Rows: ``counts`` customers who cancelled in period ``t`` (``cancelled`` 1, term
    ln P(T=t)) or were still active after period ``t`` (``cancelled`` 0, term ln S(t)).
    """
    return lambda theta: _loglik_and_grad(theta, periods, cancelled > 0, counts)


def _loglik_and_grad(theta, periods, cancelled, counts):
    """LL and analytic gradient in ``log(alpha, beta)``; d ln B(u, v)/du = psi(u) - psi(u+v).

    ln P(T=t) = ln B(alpha+1, beta+t-1) - ln B(alpha, beta); ln S(t) = ln B(alpha, beta+t)
    - ln B(alpha, beta). Both have u+v = alpha+beta+t.
    """
    alpha, beta = np.exp(theta)
    u = np.where(cancelled, alpha + 1.0, alpha)
    v = np.where(cancelled, beta + periods - 1.0, beta + periods)
    loglik = np.dot(counts, special.betaln(u, v)) - counts.sum() * special.betaln(alpha, beta)
    psi_uv = digamma(alpha + beta + periods)
    psi_ab = digamma(alpha + beta)
    d_alpha = np.dot(counts, digamma(u) - psi_uv) - counts.sum() * (digamma(alpha) - psi_ab)
    d_beta = np.dot(counts, digamma(v) - psi_uv) - counts.sum() * (digamma(beta) - psi_ab)
    return float(loglik), np.array([d_alpha * alpha, d_beta * beta])
