"""Settings derived from the data: a new order file starts a new analysis.

:func:`suggest_assumptions` turns an order table (or an :class:`~clvdesk.core.io.readers.ImportResult`)
into a :class:`Suggestion`: :class:`~clvdesk.core.pipeline.Assumptions` whose dates, split and
acquisition costs come from these orders and from nothing else (not the demo, not the previous
file), plus what a frontend shows around them (the file's own header of the split column, its
values, the currency). The CLI and the app both call it, so a file gives the same settings in
both.

Rules:

- ``end`` is the last order date; no holdout. :func:`propose_holdout` gives the dates to use
  when the user switches a holdout on: the last third of the data, calibration ending on a month
  end (e.g. orders 2023-01-01 .. 2024-06-30 -> calibration to 2023-12-31, holdout to 2024-06-30).
- The split (``segment_col``) is a mapped ``segment`` column, else a mapped ``channel`` column,
  when it has 2 to :data:`MAX_SEGMENTS` distinct values; ``segment_header`` is its header in the
  file (``"Kanaal"``). ``cac_by_segment`` is empty: the segments are listed
  (``segment_values``) for the user to give each a cost.
- ``cac`` is ``None`` (each customer's cost from the data) with a mapped ``acquisition_cost``
  column, else 0.
- ``currency`` is the symbol the amounts carry in the file (``€ 12,50``, ``EUR``, or a header
  ``Bedrag (EUR)``), else ``fallback_currency`` (the frontend's locale).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core.errors import InputError

#: Most distinct values a column may have to be offered as the split of the results.
MAX_SEGMENTS = 50
#: Share of the order period held out when a holdout is switched on.
HOLDOUT_SHARE = 1.0 / 3.0
#: Raw amount cells looked at for a currency sign.
CURRENCY_SAMPLE = 2000

_CURRENCY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("€", re.compile(r"€|\bEUR\b|\beuro?s?\b", re.IGNORECASE)),
    ("£", re.compile(r"£|\bGBP\b", re.IGNORECASE)),
    ("$", re.compile(r"\$|\bUSD\b", re.IGNORECASE)),
    ("CHF", re.compile(r"\bCHF\b", re.IGNORECASE)),
)


@dataclass(frozen=True)
class Suggestion:
    """Settings for a new analysis of one order table (see the module doc for the rules).

    ``assumptions``: the pipeline's inputs (dates as :class:`datetime.date`). ``currency``: the
    money symbol; ``currency_from_data`` says whether the file showed it. ``segment_header``: the
    file's header of ``assumptions.segment_col`` (the canonical name when there is no file);
    ``segment_values``: its distinct values, sorted. ``first_date``/``last_date``: the order
    period. ``holdout``: (calibration end, holdout end) for when a holdout is switched on, or
    None when the period is too short.
    """

    assumptions: Any
    currency: str
    currency_from_data: bool
    first_date: dt.date
    last_date: dt.date
    holdout: tuple[dt.date, dt.date] | None
    segment_header: str | None = None
    segment_values: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values (dates as ISO text)."""
        return {
            "assumptions": self.assumptions.to_dict(),
            "currency": self.currency,
            "currency_from_data": self.currency_from_data,
            "first_date": self.first_date.isoformat(),
            "last_date": self.last_date.isoformat(),
            "holdout": None if self.holdout is None else [d.isoformat() for d in self.holdout],
            "segment_header": self.segment_header,
            "segment_values": list(self.segment_values),
            "headers": dict(self.headers),
        }


def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def propose_holdout(first: dt.date, last: dt.date, share: float = HOLDOUT_SHARE
                    ) -> tuple[dt.date, dt.date] | None:
    """(calibration end, holdout end) holding out the last ``share`` of ``first`` .. ``last``.

    The calibration ends on the month end nearest the cut (at or before it when the cut's own
    month end would reach the last order), so the holdout covers whole months; a period of less
    than two months is cut on the exact day. The holdout ends on ``last``. None when the period
    is shorter than 3 days (nothing to hold out).
    """
    first, last = pd.Timestamp(first).date(), pd.Timestamp(last).date()
    span = (last - first).days
    if span < 3:
        return None
    cut = first + dt.timedelta(days=round(span * (1.0 - share)))
    if span >= 60:
        after = month_end(cut)
        before = month_end(cut.replace(day=1) - dt.timedelta(days=1))
        candidates = [d for d in (after, before) if first < d < last]
        if candidates:
            cut = min(candidates, key=lambda d: abs((d - cut).days))
    cut = min(max(cut, first + dt.timedelta(days=1)), last - dt.timedelta(days=1))
    return cut, last


def detect_currency(values: Iterable[object], header: object = None) -> str | None:
    """The currency the amounts are written in (``€ 12,50``, ``12.50 EUR``), or None.

    The most common sign among ``values`` (text cells of the amount column), else one in the
    column's ``header`` (``Bedrag (EUR)``, ``Omzet €``).
    """
    found: Counter[str] = Counter()
    for value in values:
        if not isinstance(value, str) or not value:
            continue
        for symbol, pattern in _CURRENCY_PATTERNS:
            if pattern.search(value):
                found[symbol] += 1
                break
    if found:
        return found.most_common(1)[0][0]
    if header is not None:
        for symbol, pattern in _CURRENCY_PATTERNS:
            if pattern.search(str(header)):
                return symbol
    return None


def segment_candidates(orders, columns: Iterable[str] = ("segment", "channel")
                       ) -> dict[str, tuple[str, ...]]:
    """Columns of ``orders`` fit to split the results by, with their sorted distinct values.

    A column qualifies with 2 to :data:`MAX_SEGMENTS` distinct non-blank values. ``orders``
    is an order table or an :class:`~clvdesk.core.orderlog.OrderLog` (asked by query).
    """
    from clvdesk.core.orderlog import OrderLog

    out = {}
    for column in columns:
        if isinstance(orders, OrderLog):
            values = orders.labels(column, MAX_SEGMENTS + 1)
        elif column in orders.columns:
            text = orders[column].dropna().astype(str).str.strip()
            values = sorted(str(v) for v in text[text != ""].unique())
        else:
            continue
        if 2 <= len(values) <= MAX_SEGMENTS:
            out[column] = tuple(values)
    return out


def suggest_assumptions(data, mapping: Mapping[str, str] | None = None, *,
                        amounts: Iterable[object] | None = None,
                        fallback_currency: str = "€") -> Suggestion:
    """Settings for a new analysis of ``data`` (an order table, an ImportResult, or an
    :class:`~clvdesk.core.orderlog.OrderLog` read from a file, whose facts come from queries).

    ``mapping`` (canonical -> the file's header) names the columns as the user knows them; an
    ImportResult or a file log brings its own, and an ImportResult its amount cells as read
    (for the currency). ``amounts`` gives those cells for other sources (orders typed by
    hand). Raises :class:`InputError` for a table without dated orders.
    """
    from clvdesk.core.orderlog import OrderLog
    from clvdesk.core.pipeline import Assumptions

    if isinstance(data, OrderLog):
        if data.rows == 0:
            raise InputError(code="no_orders")
        headers = dict(data.columns)
        first, last = (pd.Timestamp(np.datetime64(day, "D")).date()
                       for day in (data.first_day, data.last_day))
        candidates = segment_candidates(data)
        has_cac = data.has_values("acquisition_cost")
    else:
        orders = getattr(data, "orders", data)
        if not isinstance(orders, pd.DataFrame) or "date" not in orders.columns:
            raise InputError(code="no_orders")
        headers = dict(getattr(data, "mapping", None) or {})
        if amounts is None and hasattr(data, "source_table") and "amount" in headers:
            column = headers["amount"]
            if column in data.source_table.columns:
                amounts = data.source_table[column].head(CURRENCY_SAMPLE).tolist()
        dates = pd.to_datetime(orders["date"], errors="coerce").dropna()
        if dates.empty:
            raise InputError(code="no_orders")
        first, last = dates.min().date(), dates.max().date()
        candidates = segment_candidates(orders)
        has_cac = "acquisition_cost" in orders.columns and pd.api.types.is_numeric_dtype(
            orders["acquisition_cost"]) and orders["acquisition_cost"].notna().any()
    headers.update(mapping or {})
    segment_col = next((c for c in ("segment", "channel") if c in candidates), None)
    symbol = detect_currency(amounts or (), headers.get("amount"))
    assumptions = Assumptions(
        period="days" if (last - first).days < 56 else "weeks",
        end=last, holdout_end=None, cac=None if has_cac else 0.0, cac_by_segment={},
        segment_col=segment_col,
    )
    return Suggestion(
        assumptions=assumptions,
        currency=symbol or fallback_currency,
        currency_from_data=symbol is not None,
        first_date=first,
        last_date=last,
        holdout=propose_holdout(first, last),
        segment_header=None if segment_col is None else headers.get(segment_col, segment_col),
        segment_values=candidates.get(segment_col, ()) if segment_col else (),
        headers=headers,
    )


__all__ = ["Suggestion", "detect_currency", "month_end", "propose_holdout", "segment_candidates",
           "suggest_assumptions"]
