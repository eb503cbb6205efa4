"""A damped Newton maximiser for the few (2-4) log parameters of a model.

Newton's method with a Levenberg-Marquardt damping (Nocedal & Wright 2006, "Numerical
Optimization", sections 3.4 and 10.3): the step solves ``(I + mu D) step = g`` with ``I`` the
observed information (minus the Hessian, from forward differences of the analytic gradient),
``D`` its diagonal and ``g`` the gradient; ``mu`` grows until a step improves the likelihood
and shrinks after every success, so far from the optimum the method moves like a scaled
gradient ascent and near it converges quadratically. A known information matrix (e.g. from a
fit on a subset of the data) can be given and is then used as a fixed metric, which costs one
pass over the data per step.

A fit the data do not identify never converges: the parameters creep along a flat ridge (in
Pareto/NBD on a few customers, ``s`` and ``beta`` run off to infinity together, each step
gaining next to nothing and costing more than the last). The caller can say what "flat" and
"weak" mean (``flat_gain``, ``weak``): after :data:`STALL_STEPS` steps without headway that each
gain less than ``flat_gain``, from a point where the information is weak, and move the parameters
further out (away from 0 on the log scale, towards 0 or infinity on theirs), the search stops with
``stalled`` set instead of spending its remaining iterations. A search that overshot onto the
ridge and is coming back to an optimum moves inwards and goes on.

Written for this package instead of calling ``scipy.optimize`` because that import alone takes
about half a second, a large share of a whole command-line fit on a million customers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Objective = Callable[[np.ndarray], tuple[float, np.ndarray]]

#: Largest change of any log parameter in one step (a factor e^3 ~ 20 on the parameter).
MAX_STEP = 3.0

#: Steps taken with a given fixed metric before recomputing the information every step.
FIXED_METRIC_STEPS = 4

#: Relative step of the forward differences that give the information matrix.
HESSIAN_STEP = 1e-4

#: Steps that gain less than ``flat_gain`` on a weak information, moving outwards, with no
#: headway in between, before a search counts as stalled on a ridge.
STALL_STEPS = 5


@dataclass
class NewtonResult:
    """Where the maximiser stopped: parameters, value, gradient and whether it converged.

    ``stalled``: stopped early on a flat ridge (see the module docstring); not converged.
    """

    theta: np.ndarray
    value: float
    grad: np.ndarray
    converged: bool
    iterations: int
    stalled: bool = False


def information_matrix(fn: Objective, theta: np.ndarray, grad: np.ndarray | None = None,
                       step: float = HESSIAN_STEP) -> np.ndarray:
    """Minus the Hessian of ``fn`` at ``theta`` from differences of its gradient, symmetrised.

    With ``grad`` (the gradient at ``theta``) forward differences (k gradient evaluations),
    without it central differences (2k, error of order step^2 instead of step).
    """
    k = theta.size
    hessian = np.empty((k, k))
    for j in range(k):
        shift = np.zeros(k)
        shift[j] = step * max(1.0, abs(theta[j]))
        with np.errstate(all="ignore"):
            _, plus = fn(theta + shift)
            if grad is None:
                _, minus = fn(theta - shift)
                hessian[:, j] = (np.asarray(plus) - np.asarray(minus)) / (2.0 * shift[j])
            else:
                hessian[:, j] = (np.asarray(plus) - grad) / shift[j]
    return -0.5 * (hessian + hessian.T)


def maximize(fn: Objective, theta: np.ndarray, *, bound: float, information=None,
             max_iter: int = 200, tolerance: float = 1e-12, flat_gain: float = 0.0,
             weak: Callable[[np.ndarray], bool] | None = None) -> NewtonResult:
    """Maximise ``fn(theta) -> (value, gradient)`` over the box ``|theta| <= bound``.

    ``information``: a fixed metric to use instead of recomputing the information for the
    first :data:`FIXED_METRIC_STEPS` steps (dropped earlier if it fails to give an improving
    step). Stops when a step gains less than ``tolerance * max(1, |value|)`` and was either
    undamped (a full Newton or fixed-metric step) or moved no parameter by more than 1e-6, or
    when the gradient is below 1e-11 in every component. With ``value`` a mean log-likelihood
    per customer, the total then lies within about ``n * tolerance * |value|`` of the optimum.
    Non-finite values count as failed steps.

    ``weak(information) -> bool`` and ``flat_gain``: stop with ``stalled`` (not converged)
    after :data:`STALL_STEPS` steps that each gain less than ``flat_gain`` from a point whose
    information ``weak`` calls weak and move ``theta`` further from 0, with no step gaining
    ``flat_gain`` or more in between (only with recomputed information, not with the fixed
    metric).
    """
    theta = np.clip(np.asarray(theta, dtype=float), -bound, bound)
    value, grad = _evaluate(fn, theta)
    if not np.isfinite(value):
        return NewtonResult(theta, value, grad, False, 0)
    fixed = information is not None
    damping = 0.0 if fixed else 1e-3
    flat_steps = 0
    for iteration in range(1, max_iter + 1):
        if iteration > FIXED_METRIC_STEPS:
            fixed = False  # converging only linearly: switch to true Newton steps
        metric = information if fixed else information_matrix(fn, theta, grad)
        trial = _improving_step(fn, theta, value, grad, metric, damping, bound)
        if trial is None:
            if fixed:
                fixed, damping = False, 1e-3
                continue
            small = bool(np.max(np.abs(grad)) < 1e-7)
            return NewtonResult(theta, value, grad, small, iteration)
        new_theta, new_value, new_grad, used = trial
        gain, moved = new_value - value, np.max(np.abs(new_theta - theta))
        outward = bool(np.linalg.norm(new_theta) > np.linalg.norm(theta))
        theta, value, grad = new_theta, new_value, new_grad
        damping = used / 10.0 if used > 1e-12 else 0.0
        # a full (undamped) step that gains next to nothing, or a tiny step, ends the search
        if (gain <= tolerance * max(1.0, abs(value)) and (used == 0.0 or moved < 1e-6)) \
                or np.max(np.abs(grad)) < 1e-11:
            return NewtonResult(theta, value, grad, True, iteration)
        if weak is not None and not fixed:
            # headway resets the count; a flat step that is not clearly on the ridge (the
            # information looks fine, or it moves inwards: noise far out) leaves it as it is
            if gain >= flat_gain:
                flat_steps = 0
            elif outward and weak(metric):
                flat_steps += 1
            if flat_steps >= STALL_STEPS:
                return NewtonResult(theta, value, grad, False, iteration, stalled=True)
    return NewtonResult(theta, value, grad, False, max_iter)


def _evaluate(fn: Objective, theta: np.ndarray) -> tuple[float, np.ndarray]:
    with np.errstate(all="ignore"):
        value, grad = fn(theta)
    grad = np.asarray(grad, dtype=float)
    if not np.isfinite(value) or not np.all(np.isfinite(grad)):
        return -np.inf, grad
    return float(value), grad


def _improving_step(fn, theta, value, grad, metric, damping, bound):
    """The first damped Newton step that does not lower ``fn``, or None after 40 tries."""
    if not np.all(np.isfinite(metric)):
        return None
    scale = np.maximum(np.abs(np.diag(metric)), 1e-12)
    for _ in range(40):
        matrix = metric + damping * np.diag(scale)
        try:
            factor = np.linalg.cholesky(matrix)
        except np.linalg.LinAlgError:
            damping = max(10.0 * damping, 1e-6)
            continue
        step = np.linalg.solve(factor.T, np.linalg.solve(factor, grad))
        longest = np.max(np.abs(step))
        if longest > MAX_STEP:
            step *= MAX_STEP / longest
        trial = np.clip(theta + step, -bound, bound)
        if np.array_equal(trial, theta):
            return None
        trial_value, trial_grad = _evaluate(fn, trial)
        if np.isfinite(trial_value) and trial_value >= value:
            return trial, trial_value, trial_grad, damping
        damping = max(10.0 * damping, 1e-6)
    return None
