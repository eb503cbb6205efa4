"""Special functions for the models: log-gamma and digamma in numpy, the rest from scipy lazily.

``gammaln`` and ``digamma`` are all a BG/NBD, MBG/NBD or Gamma-Gamma fit needs; computed here
(shift the argument to x >= 8 with the recurrences, then the asymptotic series; Abramowitz &
Stegun 6.1.41 and 6.3.18, relative error ~1e-15) they spare a command-line fit the import of
``scipy.special`` (about 0.2 s). Any other name (``hyp2f1``, ``betaln``, ``expit``,
``betaincinv``) is looked up in ``scipy.special`` on first use (PEP 562).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

#: Arguments are shifted up to at least this before the asymptotic series.
_SHIFT_TO = 8.0

_HALF_LOG_TWO_PI = 0.5 * math.log(2.0 * math.pi)


def gammaln(x: Any) -> np.ndarray:
    """ln Gamma(x) for x > 0 (A&S 6.1.41 after ln G(x) = ln G(x+n) - sum ln(x+k))."""
    x = np.array(x, dtype=float)
    correction = np.zeros_like(x)
    small = x < _SHIFT_TO
    while np.any(small):
        correction[small] -= np.log(x[small])
        x[small] += 1.0
        small = x < _SHIFT_TO
    inverse = 1.0 / x
    inverse_sq = inverse * inverse
    series = inverse * (1.0 / 12 - inverse_sq * (1.0 / 360 - inverse_sq * (
        1.0 / 1260 - inverse_sq * (1.0 / 1680 - inverse_sq / 1188))))
    return (x - 0.5) * np.log(x) - x + _HALF_LOG_TWO_PI + series + correction


def digamma(x: Any) -> np.ndarray:
    """psi(x) = d ln Gamma(x)/dx for x > 0 (A&S 6.3.18 after psi(x) = psi(x+1) - 1/x)."""
    x = np.array(x, dtype=float)
    correction = np.zeros_like(x)
    small = x < _SHIFT_TO
    while np.any(small):
        correction[small] -= 1.0 / x[small]
        x[small] += 1.0
        small = x < _SHIFT_TO
    inverse_sq = 1.0 / (x * x)
    series = inverse_sq * (1.0 / 12 - inverse_sq * (1.0 / 120 - inverse_sq * (
        1.0 / 252 - inverse_sq * (1.0 / 240 - inverse_sq / 132))))
    return np.log(x) - 0.5 / x - series + correction


def __getattr__(name: str):
    if name.startswith("__"):  # the import system probes e.g. __path__: not a scipy function
        raise AttributeError(name)
    import scipy.special

    return getattr(scipy.special, name)
