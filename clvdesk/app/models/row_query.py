"""Which rows a table shows and in which order, computed off the window thread when it is big.

A :class:`RowQuery` is a snapshot of what the user asked for (sort column and direction, text
filter, value range) over one DataFrame; :func:`answer` turns it into the positions of the rows
to show (:class:`RowAnswer`). It touches no widget and holds no state of its own beyond the
query's ``cache`` (per frame: numeric columns, the last sort order and the last masks), so
:class:`~clvdesk.app.models.dataframe_model.DataFrameModel` runs it in a background thread for
tables of :data:`BACKGROUND_ROWS` rows or more.

Everything heavy releases Python's lock, so the window keeps drawing meanwhile: numpy's sort,
comparisons and gathers, and pyarrow's string kernels (``sort_indices`` for text columns,
``match_substring`` for the text filter). At 10M customers pandas' Categorical of the ids,
used before for text sort keys, held the lock for 0.9 s at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

#: Tables with at least this many rows are sorted and filtered in a background thread.
BACKGROUND_ROWS = 100_000


@dataclass(frozen=True)
class RowQuery:
    """What to show of ``frame``: ``sort`` is (column position, descending) or None for the
    table's own order; ``text`` (needle, column positions) keeps rows whose text in one of the
    columns contains the needle, case-insensitive; ``value_range`` (column position, low,
    high) keeps rows whose number lies in [low, high] (None: that end open)."""

    generation: int
    frame: pd.DataFrame
    text_columns: frozenset[int]
    sort: tuple[int, bool] | None = None
    text: tuple[str, tuple[int, ...]] | None = None
    value_range: tuple[int, float | None, float | None] | None = None
    cache: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class RowAnswer:
    """The rows a :class:`RowQuery` shows: ``rows`` are positions in its frame in display
    order (a ``range`` when neither sorted nor filtered)."""

    query: RowQuery
    rows: np.ndarray | range


def answer(query: RowQuery) -> RowAnswer:
    """The rows to show for ``query`` (see the module doc); missing values sort last."""
    import numpy as np

    order = _cached(query, "order", query.sort, lambda: _sort_order(query))
    masks = [
        _cached(query, "text", query.text, lambda: _text_mask(query)),
        _cached(query, "range", query.value_range, lambda: _range_mask(query)),
    ]
    masks = [mask for mask in masks if mask is not None]
    if order is None:
        order = range(len(query.frame))
    if not masks:
        return RowAnswer(query, order)
    mask = masks[0] if len(masks) == 1 else masks[0] & masks[1]
    if isinstance(order, range):  # unsorted: the kept positions in the table's order
        return RowAnswer(query, np.flatnonzero(mask))
    return RowAnswer(query, order[mask[order]])


def numeric_column(frame: pd.DataFrame, column: int, cache: dict) -> np.ndarray:
    """Column ``column`` of ``frame`` as floats (dates as nanoseconds, missing as NaN), kept
    in ``cache`` for the next sort or range filter of the same frame."""
    import numpy as np
    import pandas as pd

    key = ("numeric", column)
    if key not in cache:
        series = frame.iloc[:, column]
        if pd.api.types.is_datetime64_any_dtype(series):
            values = series.to_numpy(dtype="datetime64[ns]").astype(np.int64).astype(float)
            values[series.isna().to_numpy()] = np.nan
        else:
            values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float,
                                                                     na_value=np.nan)
        cache[key] = values
    return cache[key]


def _cached(query: RowQuery, slot: str, spec, compute):
    """The cached result of ``spec`` in ``slot`` (one per slot: a 10M-row order is 80 MB),
    else ``compute()``; None when ``spec`` is None (nothing asked)."""
    if spec is None:
        return None
    held = query.cache.get(slot)
    if held is not None and held[0] == spec:
        return held[1]
    value = compute()
    query.cache[slot] = (spec, value)
    return value


def _sort_order(query: RowQuery) -> np.ndarray:
    import numpy as np
    import pandas as pd

    column, descending = query.sort
    series = query.frame.iloc[:, column]
    numeric = pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)
    if column in query.text_columns and not numeric:  # identifiers stored as numbers: numbers
        import pyarrow.compute as pc

        order = pc.array_sort_indices(_arrow_text(series),
                                      order="descending" if descending else "ascending",
                                      null_placement="at_end")
        return order.to_numpy().astype(np.int64, copy=False)
    keys = numeric_column(query.frame, column, query.cache)
    missing = np.isnan(keys)
    ordered = np.argsort(-keys if descending else keys, kind="stable")
    return np.concatenate([ordered[~missing[ordered]], np.flatnonzero(missing)])


def _text_mask(query: RowQuery) -> np.ndarray:
    import numpy as np
    import pyarrow.compute as pc

    needle, columns = query.text
    mask = np.zeros(len(query.frame), dtype=bool)
    for column in columns:
        hit = pc.match_substring(_arrow_text(query.frame.iloc[:, column]), needle,
                                 ignore_case=True)
        mask |= hit.fill_null(False).to_numpy(zero_copy_only=False)
    return mask


def _range_mask(query: RowQuery) -> np.ndarray:
    import numpy as np

    column, low, high = query.value_range
    values = numeric_column(query.frame, column, query.cache)
    mask = ~np.isnan(values)
    if low is not None:
        mask &= values >= low
    if high is not None:
        mask &= values <= high
    return mask


def _arrow_text(series: pd.Series):
    """``series`` as an Arrow string array: zero-copy for pandas' Arrow-backed strings; other
    columns (numbers, dates, objects) as their text."""
    import pyarrow as pa

    if not _is_arrow_text(series):
        series = series.astype("string[pyarrow]")
    return pa.array(series.array)


def _is_arrow_text(series: pd.Series) -> bool:
    import pandas as pd

    dtype = series.dtype
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"
