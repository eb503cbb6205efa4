"""The rule that refits a model with a penalty when the data do not identify it on their own.

Small bases (a few hundred B2B accounts, 50 customers) and homogeneous ones (everyone with the
same dropout probability, where the Beta's a and b run off to infinity) have no unique
maximum-likelihood estimate: the fit raises :class:`~clvdesk.core.errors.ConvergenceError`.
The pipeline (app, ``clvdesk predict``/``demo``, the Excel functions) then refits with an L2
penalty on the log parameters (:mod:`clvdesk.core.models.base`), chosen by this rule:

    the smallest penalty of :data:`PENALTY_LADDER` (per customer, lifetimes'
    ``penalizer_coef`` scale) above the user's own penalty for which the fit is identified.

The smallest one that works moves the estimate least from what the data say. An identified fit
is never penalised unless the user asks for it (``penalty`` > 0), so published estimates stay
as published. The returned :class:`Regularisation` says whether, how much and why, for the
``--json`` flag, the Results page and the report. ``auto=False`` turns the rule off: the
original error stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from clvdesk.core.errors import ConvergenceError
from clvdesk.core.messages import Notice
from clvdesk.core.models.base import check_penalty

#: Penalties tried in turn, smallest first, when a fit is not identified.
PENALTY_LADDER: tuple[float, ...] = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)


@dataclass
class Regularisation:
    """How a model was fitted: ``penalty`` used, ``regularised`` (penalty > 0), ``automatic``
    (chosen by the rule because the plain fit was not identified) and ``reason`` (one line for
    the user; None for a plain fit), ``error`` the plain fit's error it stems from."""

    model: str
    penalty: float = 0.0
    automatic: bool = False
    reason: str | None = None
    error: ConvergenceError | None = field(default=None, repr=False, compare=False)

    @property
    def regularised(self) -> bool:
        return self.penalty > 0

    def to_dict(self) -> dict[str, Any]:
        return {"model": self.model, "regularised": self.regularised, "penalty": self.penalty,
                "automatic": self.automatic, "reason": self.reason}

    def note(self) -> Notice | None:
        """The user's note: what was regularised and why (None for a plain fit)."""
        if not self.regularised:
            return None
        if not self.automatic:
            return Notice("regularised_as_set", model=self.model, penalty=self.penalty)
        return Notice("regularised_auto", model=self.model, penalty=self.penalty,
                      reason=self.error or self.reason)


def fit_with_penalty_rule(name: str, fit: Callable[[float], Any], *, penalty: Any = 0.0,
                          auto: bool = True) -> tuple[Any, Regularisation]:
    """``fit(penalty) -> fitted model``, refitted by the rule above when not identified.

    Returns ``(model, Regularisation)``. Raises the first :class:`ConvergenceError` when
    ``auto`` is False or no penalty of the ladder helps.
    """
    penalty = check_penalty(penalty)
    try:
        return fit(penalty), Regularisation(name, penalty)
    except ConvergenceError as first:
        if not auto:
            raise
        reason = " ".join(str(first).split())
        for candidate in (p for p in PENALTY_LADDER if p > penalty):
            try:
                model = fit(candidate)
            except ConvergenceError:
                continue
            return model, Regularisation(name, candidate, automatic=True, reason=reason,
                                         error=first)
        raise
