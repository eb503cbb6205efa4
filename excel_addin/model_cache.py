"""Fitted models and summaries kept by the content of their input, so cells share one fit.

Excel calls a UDF once per cell and recalculates often: a sheet with 500 ``CLV_PALIVE`` cells
pointing at one parameter range, or ``CLV_FIT`` and ``CLV_PREDICT`` over the same orders, must
not refit per cell or per recalculation. Every cached step is keyed by a digest of its inputs
(the bytes of the arrays, the parameter values, the options), so a changed cell gives a new
key and a fresh result, and an unchanged one a cache hit. The caches are bounded (least
recently used entries go first) and hold only results of successful calls.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from clvdesk.core.errors import DataError, InputError
from clvdesk.core.models import get_model
from clvdesk.core.pipeline import TRANSACTION_MODEL_NAMES

T = TypeVar("T")


class ContentCache:
    """A bounded least-recently-used mapping from content keys to computed results."""

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached result for ``key``, computing (and keeping) it on a miss."""
        if key in self._items:
            self._items.move_to_end(key)
            self.hits += 1
            return self._items[key]
        self.misses += 1
        value = compute()
        self._items[key] = value
        while len(self._items) > self.max_entries:
            self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget everything (and the hit counts)."""
        self._items.clear()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._items)


#: Models fitted on data (few, each costly): keyed by model name and data digest.
FITS = ContentCache(max_entries=32)
#: Models built from parameter values (cheap, many): keyed by name and parameter values.
FROM_PARAMS = ContentCache(max_entries=256)
#: Models built from parameter ranges, keyed by the cells of the range (skips re-reading it).
PARAM_RANGES = ContentCache(max_entries=256)
#: Derived tables (summaries, predictions) keyed by a digest of their inputs.
TABLES = ContentCache(max_entries=32)


def digest(*parts: Any) -> str:
    """A SHA-1 hex digest of arrays, DataFrames and plain values, for use as a cache key."""
    h = hashlib.sha1()
    for part in parts:
        if isinstance(part, pd.DataFrame):
            h.update(repr(list(part.columns)).encode())
            h.update(pd.util.hash_pandas_object(part, index=True).to_numpy().tobytes())
        elif isinstance(part, np.ndarray):
            array = np.ascontiguousarray(part)
            h.update(f"{array.dtype}{array.shape}".encode())
            h.update(array.tobytes())
        else:
            h.update(repr(part).encode())
        h.update(b"\x1f")
    return h.hexdigest()


def fitted_model(name: str, *columns: np.ndarray, weights: np.ndarray | None = None) -> Any:
    """Model ``name`` fitted on ``columns`` (and ``weights``, customers per row), from the
    cache when these exact numbers were fitted before."""
    model_class = get_model(name)
    key = ("fit", model_class.name, digest(*columns, weights))

    def fit() -> Any:
        from clvdesk.core.models.regularisation import fit_with_penalty_rule

        def plain(penalty: float) -> Any:
            model = model_class()
            if weights is None:
                return model.fit(*columns, penalty=penalty)
            return model.fit(*columns, weights, penalty=penalty)

        # as the pipeline: a fit the data do not identify is refitted with a penalty, which
        # the model carries (``penalty``, a row of CLV_FIT)
        return fit_with_penalty_rule(model_class.name, plain)[0]

    return FITS.get_or_compute(key, fit)


def fitted_transaction_model(name: str, frequency: np.ndarray, recency: np.ndarray,
                             T: np.ndarray, weights: np.ndarray | None = None) -> Any:
    """A transaction model (``bgnbd``, ``mbgnbd``, ``pareto-nbd``) fitted on the summary
    columns (cached, see :func:`fitted_model`)."""
    if get_model(name).name not in TRANSACTION_MODEL_NAMES:
        raise InputError(f"{name} does not model purchases over time like this; "
                         f"use {', '.join(TRANSACTION_MODEL_NAMES)}")
    return fitted_model(name, frequency, recency, T, weights=weights)


def fitted_spend_model(frequency: np.ndarray, monetary_value: np.ndarray,
                       weights: np.ndarray | None = None, name: str = "gamma-gamma") -> Any:
    """The spend model fitted on the repeat buyers with a positive mean repeat spend."""
    positive = (frequency > 0) & (monetary_value > 0)
    if positive.sum() < 2:
        raise DataError("the spend model needs at least two customers with repeat purchases "
                        "of a positive amount")
    return fitted_model(name, frequency[positive], monetary_value[positive],
                        weights=None if weights is None else weights[positive])


def model_from_params(name: str, params: dict[str, float]) -> Any:
    """A ready-to-predict model from parameter values (``from_params``), built once per set."""
    model_class = get_model(name)
    key = (model_class.name, tuple(sorted(params.items())))
    return FROM_PARAMS.get_or_compute(key, lambda: model_class.from_params(params))


def clear_caches() -> None:
    """Empty all caches (tests, or to free memory)."""
    for cache in (FITS, FROM_PARAMS, PARAM_RANGES, TABLES):
        cache.clear()
