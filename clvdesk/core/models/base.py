"""The fitting base every model shares: input checks, row compression, MLE and its uncertainty.

Fitting is maximum likelihood on the logarithms of the (positive) parameters, so the optimiser
works without constraints on ``theta = log(params)``; each model supplies the log-likelihood of
a compressed table and its gradient with respect to ``theta`` (analytic, by the chain rule
``dLL/dtheta = param * dLL/dparam``). Identical customer rows are evaluated once and weighted by
their count (:func:`compress`), which is what makes a fit on a million customers fast.

Uncertainty is asymptotic: the covariance of ``theta`` is the inverse of the observed
information (the negative Hessian of the total log-likelihood, from differences of the analytic
gradient, :func:`clvdesk.core.models.newton.information_matrix`). Standard errors are reported on the natural scale by the delta method,
``se(param) = param * se(theta)``; :meth:`ProbabilisticModel.sample_params` draws from the
normal on ``theta`` and exponentiates, so every drawn parameter is positive.

Penalised fits: every model's ``fit`` takes ``penalty=`` (default 0, a plain maximum-likelihood
fit), an L2 penalty on the log parameters as lifetimes' ``penalizer_coef`` and CLVTools'
regularisation: the fit maximises ``LL(theta) - penalty * n * sum(theta ** 2)`` with ``n`` the
number of customers (so ``penalty`` is per customer, as lifetimes adds it to the mean
log-likelihood). It pulls every parameter towards 1 in the data's time unit and makes a fit the
data cannot identify on its own finite and unique. The model then reports the unpenalised
``log_likelihood`` at the penalised optimum, ``penalty`` and standard errors from the penalised
information (the curvature the estimate actually has).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Self

import numpy as np

from clvdesk.core.errors import Cancelled, ConvergenceError, DataError, InputError
from clvdesk.core.models import newton

#: Box on the log parameters: exp(-20) .. exp(20) ~ 2e-9 .. 5e8. An optimum on the box means
#: the data do not identify the parameter.
LOG_BOUND = 20.0

#: Largest standard error of a log parameter for it to count as estimated: beyond, its 95 %
#: interval spans more than a factor e^(2 x 1.96 x 3) ~ 10^5 and the fit is rejected.
MAX_LOG_SE = 3.0

#: Total log-likelihood a step must gain, from a point whose information is weak
#: (:func:`_unidentified`), to count as headway: over :data:`newton.STALL_STEPS` steps that
#: each gain less, the likelihood rises by less than 1 / (2 MAX_LOG_SE^2), the rise of a
#: quadratic log-likelihood over one log unit when that is the parameter's standard error. Such
#: a search, moving outwards, is creeping along a ridge of equally good fits (Pareto/NBD's s and
#: beta running off together on a few customers) and stops there, not after its last iteration.
FLAT_GAIN = 1.0 / (2.0 * MAX_LOG_SE ** 2 * newton.STALL_STEPS)

#: Customers sampled for the pilot fit that gives starting values on large tables.
PILOT_ROWS = 10_000

#: Largest gradient of the mean log-likelihood per customer (in log parameters) accepted as an
#: optimum when the optimiser stops for another reason (e.g. a line search at rounding level).
_GRADIENT_TOLERANCE = 1e-5

LogLik = Callable[[np.ndarray], tuple[float, np.ndarray]]
Progress = Callable[[float, str], None] | None
Cancel = Callable[[], bool] | None


def as_vector(name: str, values: Any, *, integer: bool = False,
              positive: bool = False) -> np.ndarray:
    """``values`` as a 1-D float array, checked: numeric, finite, >= 0 (or > 0), whole if asked.

    Raises :class:`InputError` naming the column and the first offending row (counted from 1).
    """
    try:
        array = np.asarray(values, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        raise InputError(code="input_not_numbers", column=name) from None
    bad = ~np.isfinite(array)
    if bad.any():
        raise InputError(code="input_not_finite", column=name, row=int(np.argmax(bad)) + 1)
    bad = array <= 0 if positive else array < 0
    if bad.any():
        row = int(np.argmax(bad))
        raise InputError(code="input_not_positive" if positive else "input_negative",
                         column=name, row=row + 1, value=float(array[row]))
    if integer:
        bad = array != np.round(array)
        if bad.any():
            row = int(np.argmax(bad))
            raise InputError(code="input_not_whole", column=name, row=row + 1,
                             value=float(array[row]))
    return array


def as_weights(weights: Any, n_rows: int) -> np.ndarray:
    """Customer counts per row (all ones when ``weights`` is None), checked against ``n_rows``."""
    if weights is None:
        return np.ones(n_rows)
    counts = as_vector("weights", weights)
    if counts.size != n_rows:
        raise InputError(code="input_length", column="weights", count=counts.size, rows=n_rows)
    return counts


def same_length(**columns: np.ndarray) -> None:
    """Raise :class:`InputError` unless all ``columns`` have the same length."""
    lengths = {name: col.size for name, col in columns.items()}
    if len(set(lengths.values())) > 1:
        shown = ", ".join(f"{name} {n}" for name, n in lengths.items())
        raise InputError(code="inputs_differ_in_length", lengths=shown)


#: From this many values on, :func:`_factorize` imports pandas for its hash-based factorize:
#: sorting a million values costs ~0.1 s more than hashing them, about the ~0.35 s pandas takes
#: to import; below it, a fit on a summary file runs without loading pandas at all.
HASH_MIN_VALUES = 500_000


def _factorize(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, uniques)`` of a 1-d array, ``uniques[codes] == values``.

    Hash-based ``pandas.factorize`` (no sorting) when pandas is loaded already or the array is
    large (``HASH_MIN_VALUES``); otherwise the sorting ``np.unique``, which spares a command that
    never needs pandas its import time.
    """
    pd = sys.modules.get("pandas")
    if pd is None and values.size >= HASH_MIN_VALUES:
        import pandas as pd
    if pd is not None:
        return pd.factorize(values)
    uniques, codes = np.unique(values, return_inverse=True)
    return codes.reshape(-1).astype(np.int64, copy=False), uniques


def unique_rows(*columns: np.ndarray) -> tuple[tuple[np.ndarray, ...], np.ndarray]:
    """Distinct rows of equally long ``columns`` and, per input row, the index of its row.

    Per-column codes (:func:`_factorize`) are combined into one integer key, re-coded after
    each column so the key stays small (densely through a bincount when its range is small,
    else by factorizing again); much faster than a row-wise ``np.unique(axis=0)``.
    """
    arrays = [np.asarray(c, dtype=float).reshape(-1) for c in columns]
    key = np.zeros(arrays[0].size if arrays else 0, dtype=np.int64)
    n_keys = 1
    for array in arrays:
        codes, values = _factorize(array)
        combined = key * len(values) + codes
        span = n_keys * len(values)
        if span <= 4 * combined.size + 1024:  # small range: dense relabelling, no hashing
            present = np.bincount(combined, minlength=span) > 0
            key = (np.cumsum(present) - 1)[combined]
            n_keys = int(present.sum())
        else:
            key, uniques = _factorize(combined)
            n_keys = len(uniques)
    n_unique = n_keys if key.size else 0
    representative = np.empty(n_unique, dtype=np.int64)
    representative[key] = np.arange(key.size)  # rows with one key are identical: any will do
    return tuple(a[representative] for a in arrays), key


def compress(*columns: np.ndarray,
             weights: np.ndarray | None = None) -> tuple[tuple[np.ndarray, ...], np.ndarray]:
    """Unique rows of ``columns`` and the total weight (customer count) of each.

    Returns ``(unique_columns, counts)``: one array per input column holding the distinct rows,
    and the summed ``weights`` (ones by default) of the customers on each row. Rows of zero
    weight are dropped. The likelihood of the full table is then
    ``sum(counts * loglik(unique rows))``.
    """
    weight = None if weights is None else np.asarray(weights, dtype=float)
    arrays = [np.asarray(c, dtype=float).reshape(-1) for c in columns]
    if weight is not None and not (weight > 0).all():
        keep = weight > 0
        arrays, weight = [a[keep] for a in arrays], weight[keep]
    unique, key = unique_rows(*arrays)
    return unique, np.bincount(key, weights=weight, minlength=unique[0].size if unique else 0)


def group_by_value(values: np.ndarray, counts: np.ndarray):
    """Distinct ``values``, the index of each row's value, and the summed ``counts`` per value.

    Terms of a log-likelihood that depend on one column only (e.g. ``gammaln(r + x)``) are
    evaluated once per distinct value and summed with these totals.
    """
    distinct, index = np.unique(values, return_inverse=True)
    index = index.reshape(-1)
    return distinct, index, np.bincount(index, weights=counts, minlength=distinct.size)


def check_params(names: Sequence[str], params: Any) -> dict[str, float]:
    """``params`` (a mapping) as ``{name: float}`` for exactly ``names``, all finite and > 0."""
    try:
        given = dict(params)
    except (TypeError, ValueError):
        raise InputError(code="params_not_pairs", names=", ".join(names)) from None
    missing = [n for n in names if n not in given]
    if missing:
        raise InputError(code="params_missing", missing=", ".join(missing),
                         names=", ".join(names))
    unknown = [str(n) for n in given if n not in names]
    if unknown:
        raise InputError(code="params_unknown", unknown=", ".join(unknown),
                         names=", ".join(names))
    checked = {}
    for name in names:
        value = given[name]
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise InputError(code="param_not_a_number", param=name, value=repr(value)) from None
        if not math.isfinite(number) or number <= 0:
            raise InputError(code="param_not_positive", param=name, value=repr(value))
        checked[name] = number
    return checked


class ProbabilisticModel:
    """Shared state and machinery of the models: parameters, fit statistics, uncertainty.

    Subclasses set :attr:`name` (the CLI name), :attr:`param_names` (the papers' names, in the
    order of the log-parameter vector) and implement their own ``fit`` on top of
    :meth:`_maximize`.
    """

    name: ClassVar[str] = ""
    param_names: ClassVar[tuple[str, ...]] = ()

    def __init__(self) -> None:
        self.params: dict[str, float] = {}
        self.log_likelihood: float | None = None
        self.std_errors: dict[str, float] = {}
        self.n_customers: float | None = None
        self.converged: bool = False
        self.penalty: float = 0.0
        self._log_cov: np.ndarray | None = None

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_params(cls, params: Any, std_errors: Any = None):
        """A model with the given natural-scale parameters, ready to predict.

        ``params`` maps the papers' names to positive numbers (e.g. from an Excel range). With
        ``std_errors`` (same names, natural scale) :meth:`sample_params` can draw, treating the
        log parameters as independent; without, it raises :class:`DataError`.
        """
        model = cls()
        model.params = check_params(cls.param_names, params)
        model.converged = True
        if std_errors is not None:
            try:
                ses = dict(std_errors)
            except (TypeError, ValueError):
                raise InputError(code="std_errors_not_pairs") from None
            log_se = []
            for name in cls.param_names:
                try:
                    se = float(ses[name])
                except (KeyError, TypeError, ValueError):
                    raise InputError(code="std_error_not_a_number", param=name) from None
                if not math.isfinite(se) or se < 0:
                    raise InputError(code="std_error_negative", param=name)
                log_se.append(se / model.params[name])
            model.std_errors = {n: float(ses[n]) for n in cls.param_names}
            model._log_cov = np.diag(np.square(log_se))
        return model

    # ------------------------------------------------------------------ statistics
    @property
    def n_params(self) -> int:
        """Number of free parameters."""
        return len(self.param_names)

    @property
    def aic(self) -> float | None:
        """Akaike information criterion, ``2k - 2 LL`` (None for a model not fitted on data)."""
        if self.log_likelihood is None:
            return None
        return 2.0 * self.n_params - 2.0 * self.log_likelihood

    @property
    def bic(self) -> float | None:
        """Bayesian information criterion, ``k ln(n) - 2 LL`` with n the number of customers."""
        if self.log_likelihood is None or not self.n_customers:
            return None
        return self.n_params * math.log(self.n_customers) - 2.0 * self.log_likelihood

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary: model, params, log_likelihood, std_errors, n_customers, aic, bic."""
        def number(value):
            return None if value is None or not math.isfinite(value) else float(value)

        n = self.n_customers
        return {
            "model": self.name,
            "params": dict(self.params),
            "log_likelihood": number(self.log_likelihood),
            "std_errors": {k: number(v) for k, v in self.std_errors.items()},
            "n_customers": None if n is None else (int(n) if float(n).is_integer() else n),
            "aic": number(self.aic),
            "bic": number(self.bic),
            "converged": bool(self.converged),
            "penalty": float(self.penalty),
        }

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v:.4g}" for k, v in self.params.items()) or "not fitted"
        return f"<{type(self).__name__} {shown}>"

    # ------------------------------------------------------------------ uncertainty
    def sample_params(self, n: int, rng: Any = None) -> dict[str, np.ndarray]:
        """``n`` parameter sets drawn from the asymptotic normal of the log parameters.

        Returns ``{name: array of n natural-scale values}``. ``rng``: a numpy Generator or seed.
        Raises :class:`DataError` when the model has no covariance (built from parameters alone
        or with a singular information matrix).
        """
        self._require_fitted()
        if self._log_cov is None:
            raise DataError(code="no_uncertainty")
        try:
            n = int(n)
        except (TypeError, ValueError):
            raise InputError(code="draws_not_whole", value=repr(n)) from None
        if n < 1:
            raise InputError(code="draws_at_least_1")
        generator = np.random.default_rng(rng)
        mean = np.log([self.params[k] for k in self.param_names])
        draws = generator.multivariate_normal(mean, self._log_cov, size=n, method="eigh")
        draws = np.exp(np.clip(draws, -LOG_BOUND - 10, LOG_BOUND + 10))
        return {k: draws[:, j] for j, k in enumerate(self.param_names)}

    def _require_fitted(self) -> None:
        if not self.params:
            raise InputError(code="model_not_fitted", model=self.name)

    def _param_array(self) -> np.ndarray:
        self._require_fitted()
        return np.array([self.params[k] for k in self.param_names])

    # ------------------------------------------------------------------ fitting
    def _maximize(self, build: Callable[..., LogLik], columns: Sequence[np.ndarray],
                  counts: np.ndarray, start: np.ndarray, *, progress: Progress = None,
                  cancel: Cancel = None, penalty: Any = 0.0) -> None:
        """Maximise the total log-likelihood of a compressed table and store the results.

        ``build(*columns, counts)`` returns ``theta -> (LL, dLL/dtheta)`` for the table with
        those distinct rows and counts, ``theta = log(params)``. The maximiser
        (:func:`clvdesk.core.models.newton.maximize`, damped Newton on the box
        ``|theta| <= LOG_BOUND``) sees the mean per customer, which keeps its tolerances
        independent of the data size. Tables with more than ``2 * PILOT_ROWS`` distinct rows
        are first fitted on a seeded random sample of :data:`PILOT_ROWS` customers (weighted up
        to the whole base); from there Newton steps with the subset's information matrix need a few passes
        over the full table. Raises :class:`ConvergenceError` when the optimum is not finite,
        not reached, on the box or not unique (parameters the data do not identify).
        """
        n_customers = float(counts.sum())
        penalty = check_penalty(penalty)
        n_calls = [0]

        def per_customer(loglik: LogLik) -> LogLik:
            def mean(theta: np.ndarray) -> tuple[float, np.ndarray]:
                if cancel is not None and cancel():
                    raise Cancelled()
                n_calls[0] += 1
                if progress is not None and n_calls[0] % 5 == 0:
                    progress(min(0.9, n_calls[0] / 100.0), f"fitting {self.name}")
                value, grad = loglik(theta)
                # the L2 penalty per customer: mean LL - penalty * |theta|^2
                return (value / n_customers - penalty * float(theta @ theta),
                        np.asarray(grad, dtype=float) / n_customers - 2.0 * penalty * theta)
            return mean

        full = per_customer(build(*columns, counts))
        # a search creeping along a flat ridge stops early (FLAT_GAIN)
        ridge = {"flat_gain": FLAT_GAIN / n_customers,
                 "weak": lambda metric: bool(_unidentified(metric * n_customers))}
        start = np.clip(np.asarray(start, dtype=float), -LOG_BOUND + 1, LOG_BOUND - 1)
        result = None
        if counts.size > 2 * PILOT_ROWS:
            # a seeded sample of PILOT_ROWS customers (rows drawn in proportion to their
            # counts), weighted up to the whole base: an unbiased estimate of the likelihood
            drawn = np.random.default_rng(0).multinomial(PILOT_ROWS, counts / n_customers)
            rows = np.flatnonzero(drawn)
            pilot_counts = drawn[rows] * (n_customers / PILOT_ROWS)
            pilot = per_customer(build(*(c[rows] for c in columns), pilot_counts))
            first = newton.maximize(pilot, start, bound=LOG_BOUND, **ridge)
            if first.converged and np.all(np.abs(first.theta) < LOG_BOUND - 1):
                metric = newton.information_matrix(pilot, first.theta)
                if not _unidentified(metric * n_customers):
                    result = newton.maximize(full, first.theta, bound=LOG_BOUND,
                                             information=metric)
            if result is None and np.isfinite(first.value):
                start = first.theta
        if result is None or not result.converged:
            result = newton.maximize(full, start if result is None else result.theta,
                                     bound=LOG_BOUND, **ridge)
        theta, grad = result.theta, result.grad * n_customers
        if not np.isfinite(result.value):
            raise ConvergenceError(code="fit_not_finite", model=self.name)
        on_box = np.abs(theta) > LOG_BOUND - 0.5
        if on_box.any():
            names = ", ".join(self.param_names[j] for j in np.flatnonzero(on_box))
            raise ConvergenceError(code="fit_params_unbounded", model=self.name, params=names)
        if result.stalled:  # on a ridge of equally good fits: no unique optimum
            weak = _unidentified(n_customers * newton.information_matrix(full, theta))
            raise self._not_unique(weak or list(range(theta.size)))
        if not result.converged and np.max(np.abs(grad / n_customers)) > _GRADIENT_TOLERANCE:
            raise ConvergenceError(code="fit_not_converged", model=self.name)
        self.params = {k: float(v) for k, v in zip(self.param_names, np.exp(theta), strict=True)}
        self.log_likelihood = float((result.value + penalty * float(theta @ theta)) * n_customers)
        self.n_customers = n_customers
        self.penalty = penalty
        self.converged = True
        # central differences on small tables; forward ones (half the passes) on large ones
        information = n_customers * newton.information_matrix(
            full, theta, None if counts.size <= 2 * PILOT_ROWS else result.grad)
        weak = _unidentified(information)
        if weak:
            raise self._not_unique(weak)
        self._log_cov = np.linalg.inv(information)
        self._log_cov = 0.5 * (self._log_cov + self._log_cov.T)
        se_log = np.sqrt(np.diag(self._log_cov))
        self.std_errors = {k: float(p * s) for k, p, s in
                           zip(self.param_names, np.exp(theta), se_log, strict=True)}
        if progress is not None:
            progress(1.0, f"fitted {self.name}")

    def _not_unique(self, weak: list[int]) -> ConvergenceError:
        """The error of a fit whose optimum is not unique in the parameters ``weak`` (indices)."""
        return ConvergenceError(code="fit_not_unique", model=self.name,
                                params=", ".join(self.param_names[j] for j in weak))


def check_penalty(penalty: Any) -> float:
    """The L2 penalty as a float, 0 or more and finite (None counts as 0); else InputError."""
    if penalty is None:
        return 0.0
    try:
        value = float(penalty)
    except (TypeError, ValueError):
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise InputError(code="bad_penalty", penalty=str(penalty))
    return value


def _unidentified(information: np.ndarray) -> list[int]:
    """Indices of parameters the data do not identify (empty when the information is usable).

    The information must be finite and positive definite with every log parameter's standard
    error below :data:`MAX_LOG_SE`; otherwise the parameters with the largest share in the
    weakest direction (smallest eigenvalue) are the culprits.
    """
    k = information.shape[0]
    if not np.all(np.isfinite(information)):
        return list(range(k))
    values, vectors = np.linalg.eigh(information)
    if values[0] > 0:
        se_log = np.sqrt(np.diag(np.linalg.inv(information)))
        if np.all(se_log < MAX_LOG_SE):
            return []
        return [int(j) for j in np.flatnonzero(se_log >= MAX_LOG_SE)]
    weakest = np.abs(vectors[:, 0])
    return [int(j) for j in np.flatnonzero(weakest >= 0.5 * weakest.max())]


#: The last two lists given to :func:`param_matrix` and their matrices (newest last).
_LAST_DRAWS: list[tuple[Sequence, np.ndarray]] = []


def param_matrix(draws: Sequence[ProbabilisticModel]) -> np.ndarray:
    """Parameters of a list of models as a (draws, parameters) matrix.

    Remembers the last two lists it was given (a CLV interval alternates its transaction and
    spend draws, and the same lists come back for every block), so each matrix is built once
    per list, not once per block.
    """
    for known, matrix in _LAST_DRAWS:
        if known is draws:
            return matrix
    matrix = np.array([d._param_array() for d in draws], dtype=float)
    _LAST_DRAWS[:] = [*_LAST_DRAWS[-1:], (draws, matrix)]
    return matrix


class TransactionModel(ProbabilisticModel):
    """Base of the continuous-time non-contractual models fitted on (frequency, recency, T).

    ``frequency``: repeat purchases (whole numbers); ``recency``: time of the last purchase
    since the first; ``T``: time since the first purchase to the end of calibration; all in one
    time unit (the summary's ``period``).
    """

    @staticmethod
    def _check_rfm(frequency, recency, T, weights=None):
        """Validated float arrays ``(frequency, recency, T, weights)``."""
        x = as_vector("frequency", frequency, integer=True)
        t_x = as_vector("recency", recency)
        age = as_vector("T", T)
        same_length(frequency=x, recency=t_x, T=age)
        w = as_weights(weights, x.size)
        too_late = t_x > age * (1 + 1e-9) + 1e-9
        if too_late.any():
            row = int(np.argmax(too_late))
            raise InputError(code="recency_above_age", row=row + 1, recency=float(t_x[row]),
                             age=float(age[row]))
        stray = (x == 0) & (t_x > 0)
        if stray.any():
            row = int(np.argmax(stray))
            raise InputError(code="recency_without_repeats", row=row + 1,
                             recency=float(t_x[row]))
        return x, np.minimum(t_x, age), age, w

    #: ``(x, t_x, T, counts) -> (theta -> (LL, gradient))``: the model's log-likelihood on a
    #: compressed table, ``theta`` the log parameters; set by each model.
    loglik_function: ClassVar[Callable[..., Callable[[np.ndarray], tuple[float, np.ndarray]]]]

    def fit(self, frequency: Any, recency: Any, T: Any, weights: Any = None, *,
            progress: Progress = None, cancel: Cancel = None, penalty: float = 0.0) -> Self:
        """Maximum-likelihood fit on a customer summary (one time unit for recency and T).

        ``penalty``: L2 penalty per customer on the log parameters (module docstring).
        """
        penalty = check_penalty(penalty)
        x, t_x, age, counts = self._prepare_fit(frequency, recency, T, weights)
        self._maximize(type(self).loglik_function, (x, t_x, age), counts,
                       self._start(x, age, counts), progress=progress, cancel=cancel,
                       penalty=penalty)
        return self

    @staticmethod
    def _start(x: np.ndarray, age: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """Log starting values: r = 1, alpha = 1 / (repeat purchase rate), 1 for the rest."""
        rate = float(np.sum(counts * x) / np.sum(counts * age))
        return np.log([1.0, 1.0 / max(rate, 1e-6), 1.0, 1.0])

    def _prepare_fit(self, frequency, recency, T, weights):
        """Checked and compressed fit data ``(x, t_x, T, counts)``; raises on degenerate data."""
        x, t_x, age, w = self._check_rfm(frequency, recency, T, weights)
        n = float(w.sum())
        if x.size == 0 or n <= 0:
            raise DataError(code="no_customers")
        if n < 2 * self.n_params:
            raise DataError(code="too_few_to_fit", model=self.name, customers=n,
                            needed=2 * self.n_params)
        if not (x[w > 0] > 0).any():
            raise DataError(code="no_repeat_purchases", model=self.name)
        if not (age[w > 0] > 0).any():
            raise DataError(code="age_all_zero")
        (x, t_x, age), counts = compress(x, t_x, age, weights=w)
        return x, t_x, age, counts

    def _broadcast_rfm(self, frequency, recency, T):
        """Validated prediction inputs broadcast to one shape."""
        x, t_x, age = (np.asarray(v, dtype=float) for v in (frequency, recency, T))
        x, t_x, age = np.broadcast_arrays(x, t_x, age)
        shape = x.shape
        checked = self._check_rfm(x.reshape(-1), t_x.reshape(-1), age.reshape(-1))
        return checked[0], checked[1], checked[2], shape

    #: ``(r, alpha, a, b, x, t_x, T) -> P(alive)`` as elementwise numpy, when a model's
    #: P(alive) is one such formula (BG/NBD, MBG/NBD): :meth:`p_alive_of_draws` broadcasts it.
    p_alive_formula: ClassVar[Callable[..., np.ndarray] | None] = None

    @classmethod
    def p_alive_of_draws(cls, draws: Sequence[TransactionModel], frequency: Any, recency: Any,
                         T: Any) -> np.ndarray:
        """:meth:`p_alive` of every model in ``draws`` at once, a (rows, draws) matrix.

        Column ``j`` equals ``draws[j].p_alive(frequency, recency, T)`` bit for bit: models with
        a :attr:`p_alive_formula` evaluate it once, broadcast over the parameter draws; the
        others are called draw by draw. Used for CLV intervals.
        """
        if cls.p_alive_formula is None:
            return np.column_stack([np.asarray(d.p_alive(frequency, recency, T), dtype=float)
                                    for d in draws])
        x, t_x, age, _ = draws[0]._broadcast_rfm(frequency, recency, T)
        params = param_matrix(draws)
        columns = (params[:, k][None, :] for k in range(params.shape[1]))
        return cls.p_alive_formula(*columns, x[:, None], t_x[:, None], age[:, None])

    @staticmethod
    def _horizon(t: Any) -> np.ndarray:
        """A prediction horizon (>= 0, finite) as an array."""
        horizon = np.asarray(t, dtype=float)
        if not np.all(np.isfinite(horizon)) or np.any(horizon < 0):
            raise InputError(code="horizon_negative")
        return horizon
