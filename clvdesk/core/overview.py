"""The figures behind the result overview: the cards' repeat buyers and the inputs of the CLV
distribution and P(alive) charts, computed once with the analysis (in the worker).

Drawing then needs no pass over the customers: at 11M customers these passes (a percentile,
a histogram, a count of repeat buyers, a frequency percentile) and SciPy's import for the
P(alive) grid held the window for most of a second when they ran there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from clvdesk.core.summary import repeat_customers

#: Bins of the CLV distribution (the app's chart and the report's live table).
CLV_BINS = 12
#: With at least :data:`CLV_TAIL_MIN_CUSTOMERS` customers the regular bins reach this
#: percentile of CLV; the open-ended top bin holds the tail.
CLV_TOP = 0.99
CLV_TAIL_MIN_CUSTOMERS = 100
#: The P(alive) grid shows repeat purchases up to this percentile of the customers' frequency.
FREQUENCY_TOP = 0.99
#: Columns (recency values) of the P(alive) grid.
RECENCY_STEPS = 60


@dataclass(frozen=True)
class ClvDistribution:
    """Customers per CLV bin (:func:`clv_bin_edges`): ``counts[i]`` customers of CLV in
    ``[edges[i], edges[i + 1])`` (currency units), except that the lowest bin is open below
    and the highest open above, as the report's live counts are (``COUNTIFS``); customers
    without a finite CLV are left out."""

    counts: np.ndarray
    edges: np.ndarray


@dataclass(frozen=True)
class PAliveGrid:
    """P(alive) of a customer aged ``age`` periods (the oldest customer's T) by repeat purchases
    (rows: 0 .. ``max_frequency``) and recency (columns: ``recency``, periods). Without repeat
    purchases recency is 0 by definition: row 0 is one value throughout."""

    age: float
    max_frequency: int
    recency: np.ndarray
    p: np.ndarray


@dataclass(frozen=True)
class Overview:
    """What the result overview shows besides the tables (module doc): ``customers``,
    ``repeat_customers`` (frequency > 0), ``clv`` (None without a spend model) and
    ``p_alive`` (None for a model without P(alive))."""

    customers: int
    repeat_customers: int
    clv: ClvDistribution | None
    p_alive: PAliveGrid | None


def overview_of(summary: pd.DataFrame, predictions: pd.DataFrame, model) -> Overview:
    """The :class:`Overview` of an analysis: its summary, predictions and transaction model."""
    frequency = summary["frequency"].to_numpy()
    clv = (clv_distribution(predictions["clv"].to_numpy(dtype=float))
           if "clv" in predictions else None)
    grid = p_alive_grid(model, frequency, summary["T"].to_numpy(dtype=float)) if len(
        summary) and hasattr(model, "p_alive") else None
    return Overview(customers=len(summary), repeat_customers=repeat_customers(summary),
                    clv=clv, p_alive=grid)


def clv_distribution(clv: np.ndarray, bins: int = CLV_BINS) -> ClvDistribution:
    """:class:`ClvDistribution` of per-customer CLVs (currency units)."""
    values = clv[np.isfinite(clv)]
    edges = clv_bin_edges(values, bins)
    # bin i holds edges[i] <= clv < edges[i + 1]; below edges[1] the first, from edges[-2] on
    # the last
    index = np.searchsorted(edges[1:-1], values, side="right")
    return ClvDistribution(counts=np.bincount(index, minlength=bins), edges=edges)


def clv_bin_edges(clv: np.ndarray, bins: int = CLV_BINS) -> np.ndarray:
    """``bins + 1`` readable bin edges for the CLV distribution (step 1, 2, 2.5 or 5 x 10^k).

    CLV is strongly right-skewed, so with at least :data:`CLV_TAIL_MIN_CUSTOMERS` customers
    the edges span the smallest CLV to the :data:`CLV_TOP` percentile instead of the largest
    (else one bin would hold nearly everyone); the top bin is open ended and counts the tail.
    """
    finite = clv[np.isfinite(clv)]
    if finite.size == 0:
        return np.arange(bins + 1, dtype=float)
    low = float(finite.min())
    high = float(np.quantile(finite, CLV_TOP) if finite.size >= CLV_TAIL_MIN_CUSTOMERS
                 else finite.max())
    raw = max(high - low, 1e-9) / bins
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    while start + bins * step <= high:
        step = next(m * magnitude for m in (1, 2, 2.5, 5, 10, 20, 25, 50) if m * magnitude > step)
        start = math.floor(low / step) * step
    return start + step * np.arange(bins + 1)


def p_alive_grid(model, frequency: np.ndarray, T: np.ndarray,
                 steps: int = RECENCY_STEPS) -> PAliveGrid:
    """:class:`PAliveGrid` of a fitted model for customers of the given repeat purchases and
    ages ``T`` (periods): the age is the oldest customer's, repeat purchases go up to the
    :data:`FREQUENCY_TOP` percentile (at least 1)."""
    age = float(np.max(T))
    max_frequency = int(max(whole_quantile(frequency, FREQUENCY_TOP), 1))
    repeats = np.arange(1, max_frequency + 1, dtype=float)
    recency = np.linspace(age / steps, age, steps)
    grid_f, grid_r = np.meshgrid(repeats, recency, indexing="ij")
    repeaters = np.asarray(model.p_alive(grid_f.ravel(), grid_r.ravel(),
                                         np.full(grid_f.size, age)), dtype=float)
    first = float(np.asarray(model.p_alive(np.zeros(1), np.zeros(1), np.full(1, age)))[0])
    p = np.vstack([np.full((1, steps), first), repeaters.reshape(grid_f.shape)])
    return PAliveGrid(age=age, max_frequency=max_frequency, recency=recency, p=p)


def whole_quantile(values: np.ndarray, q: float) -> float:
    """``np.quantile(values, q)`` of whole numbers >= 0 by counting them (no sort of millions
    of customers): the same linear interpolation between the two order statistics around
    position ``q (n - 1)``."""
    counts = np.bincount(np.asarray(values, dtype=np.int64))
    position = q * (int(counts.sum()) - 1)
    below = int(np.floor(position))
    ranks = np.cumsum(counts)
    low = int(np.searchsorted(ranks, below, side="right"))
    high = int(np.searchsorted(ranks, min(below + 1, int(ranks[-1]) - 1), side="right"))
    return low + (position - below) * (high - low)
