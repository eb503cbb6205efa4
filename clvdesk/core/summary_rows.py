"""Which customer, on which line of the user's file, each row of a customer summary is.

A summary file (one row per customer: ``frequency``, ``recency``, ``T``, ``monetary_value``;
for BG/BB ``periods``) may have title rows above its header and blank rows between its
customers, so its data rows are not its lines. The reader records where each row came from
(:class:`SourceRows`, kept in ``summary.attrs["source_rows"]``); :func:`check_summary_columns`
checks the values and names, in every error, the customer id and that place: the line of a
text file or the row of a worksheet or Parquet file as the user's editor or spreadsheet shows it
(1-based, header and title rows counted), or the row of an Excel range (its header row is 1).

Errors are coded (:mod:`clvdesk.core.messages`): the problem (``summary_negative``...) is wrapped
in a place (``summary_at_customer_line``...), so each face words both in its language.

Only numpy is imported here: ``clvdesk fit`` on a summary file runs without pandas.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from clvdesk.core.errors import CLVError, DataError

#: The kinds of place a summary row has: a text file's line, a worksheet's or Parquet file's
#: row, a row of an Excel range.
PLACES = ("line", "row", "range_row")


class SourceRows:
    """Where the rows of a summary table came from: ``kind`` (one of :data:`PLACES`) and each
    row's number, either ``numbers[i]`` or ``first + i`` (a file without skipped rows).

    ``named``: the table's index holds the customer ids (False: the file had no id column).
    Shared, not copied, when pandas copies a frame's ``attrs``; it belongs to the table it was
    made for (:func:`source_rows` checks the index).
    """

    def __init__(self, kind: str, *, numbers: Any = None, first: int = 1,
                 named: bool = True) -> None:
        if kind not in PLACES:
            raise ValueError(f"kind must be one of {PLACES}, not {kind!r}")
        self.kind = kind
        self.numbers = None if numbers is None else np.asarray(numbers, dtype=np.int64)
        self.first = first
        self.named = named
        self.index: Any = None  # the index of the table these rows describe

    def at(self, position: int) -> int:
        """The number (line or row) of row ``position`` (0-based) of the table."""
        if self.numbers is not None:
            return int(self.numbers[position])
        return self.first + int(position)

    def __deepcopy__(self, memo: dict) -> SourceRows:
        return self

    def __repr__(self) -> str:
        return f"SourceRows({self.kind}, first {self.first}, named {self.named})"


def attach(frame: Any, rows: SourceRows) -> None:
    """Record ``rows`` as the source rows of the DataFrame ``frame`` (``frame.attrs``)."""
    rows.index = frame.index
    frame.attrs["source_rows"] = rows


def source_rows(frame: Any) -> SourceRows | None:
    """The :class:`SourceRows` of ``frame``, or None when it has none or its rows were
    reordered or subset since (then its index is no longer the one they were made for)."""
    rows = frame.attrs.get("source_rows")
    if not isinstance(rows, SourceRows) or rows.index is None:
        return None
    if frame.index is rows.index or frame.index.equals(rows.index):
        return rows
    return None


def located(problem: CLVError, ids: Any, rows: SourceRows | None, position: int) -> CLVError:
    """``problem`` (a coded error about one row) as the same kind of error naming the row's
    customer id (from ``ids``, if any) and its line or row (from ``rows``, if any)."""
    customer = _id_at(ids, position) if rows is None or rows.named else None
    values: dict[str, object] = {"problem": problem}
    if customer is not None:
        values["customer"] = customer
    if rows is not None:
        values["line" if rows.kind == "line" else "row"] = rows.at(position)
        place = "_" + rows.kind
    else:
        place = ""
    code = "summary_at" + ("_customer" if customer is not None else "") + place
    if code == "summary_at":
        return problem  # nothing to name
    return type(problem)(code=code, **values)


def _id_at(ids: Any, position: int) -> str | None:
    """The customer id of row ``position`` as text (None without ids or for an empty id)."""
    if ids is None:
        return None
    value = ids[position]
    value = value.as_py() if hasattr(value, "as_py") else value  # an Arrow scalar
    try:
        if value is None or value != value:  # None, NaN
            return None
    except TypeError:  # pandas' NA: its comparisons have no truth value
        return None
    text = str(value).strip()
    return text or None


def check_summary_columns(columns: Mapping[str, Any], ids: Any = None,
                          rows: SourceRows | None = None,
                          labels: Mapping[str, str] | None = None) -> None:
    """Raise :class:`DataError` for the first unusable value, naming its customer and place.

    ``columns``: numeric columns by canonical name (any of ``frequency``, ``recency``, ``T``,
    ``periods``, ``monetary_value``, ``weights``); ``ids``: the customer ids by row (a list,
    array or Arrow column; None if unknown); ``labels``: the file's own header of a column
    where it differs from the canonical name (``x`` for ``frequency``). Checked:
    ``frequency`` and ``periods`` (and for BG/BB, with ``periods`` instead of ``T``,
    ``recency``) whole numbers, 0 or more; ``recency``, ``T`` and ``weights`` 0 or more;
    ``monetary_value`` finite (0 or less is allowed: after returns, such repeat buyers get the
    population mean spend); recency not after T (BG/BB: not after periods, and frequency not
    above recency); recency 0 without repeat purchases. The first offending row in file order
    is named; within a row, the checks in that order.
    """
    arrays = {name: np.asarray(values, dtype=float).reshape(-1)
              for name, values in columns.items() if values is not None}
    checks: list[tuple[np.ndarray, Any]] = []
    discrete = "periods" in arrays and "T" not in arrays  # BG/BB counts opportunities
    for name, values in arrays.items():
        label = (labels or {}).get(name, name)
        if name in ("frequency", "periods") or (discrete and name == "recency"):
            bad = ~np.isfinite(values) | (values < 0) | (values != np.round(values))
            checks.append((bad, _value_problem("summary_not_whole", label, values)))
        elif name in ("recency", "T", "weights"):
            bad = ~np.isfinite(values) | (values < 0)
            checks.append((bad, _value_problem("summary_negative", label, values)))
        elif name == "monetary_value":
            checks.append((~np.isfinite(values),
                           _value_problem("summary_not_finite", label, values)))
    f, r = arrays.get("frequency"), arrays.get("recency")
    end_name = "T" if "T" in arrays else "periods" if "periods" in arrays else None
    with np.errstate(invalid="ignore"):
        if r is not None and end_name is not None:
            end = arrays[end_name]
            checks.append((r > end * (1 + 1e-9) + 1e-9,
                           lambda i: DataError(code=f"summary_recency_after_{end_name}",
                                               recency=float(r[i]), **{end_name: float(end[i])})))
        if f is not None and r is not None:
            checks.append(((f == 0) & (r > 0),
                           lambda i: DataError(code="summary_recency_without_repeat",
                                               recency=float(r[i]))))
            if end_name == "periods":  # BG/BB: one transaction per opportunity at most
                checks.append((f > r, lambda i: DataError(
                    code="summary_frequency_above_recency", frequency=float(f[i]),
                    recency=float(r[i]))))
    first = None
    for bad, _ in checks:
        hits = np.flatnonzero(bad)
        if hits.size and (first is None or hits[0] < first):
            first = int(hits[0])
    if first is None:
        return
    problem = next(make(first) for bad, make in checks if bad[first])
    raise located(problem, ids, rows, first)


def _value_problem(code: str, column: str, values: np.ndarray):
    """``row -> DataError`` of the problem ``code`` with ``column``'s value on that row."""
    return lambda i: DataError(code=code, column=column, value=float(values[i]))
