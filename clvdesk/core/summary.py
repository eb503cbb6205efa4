"""Order log -> one row per customer (the RFM summary the models fit on).

Conventions (those of Fader, Hardie & Lee 2005 and of the ``lifetimes`` package, which reproduce
the published CDNOW numbers):

- orders of one customer on the same day are merged into one purchase (amounts summed);
- ``frequency`` = number of *repeat* purchases = distinct purchase days - 1;
- ``recency`` = time from the first to the last purchase, ``T`` = time from the first purchase
  to the end of the observation period, both as days / days-per-period (weeks = days / 7,
  months = days / 30.4375; see :mod:`clvdesk.core.units`), not rounded;
- ``monetary_value`` = mean amount of the repeat purchases (the first purchase excluded),
  0 for customers without repeat purchases;
- ``first_purchase``, ``last_purchase``, ``n_orders`` (order rows before merging) and
  ``total_spend`` (all purchases including the first) describe the calibration period.

With ``holdout_end`` the orders after ``end`` up to ``holdout_end`` form the holdout period,
as in ``lifetimes.utils.calibration_and_holdout_data``: ``frequency_holdout`` (purchase days in
the holdout), ``monetary_value_holdout`` (their mean amount, 0 without) and
``duration_holdout`` (holdout length in periods). Customers whose first purchase falls after
``end`` are not in the summary.

Returns are netted into the purchase they refund before anything is counted (the rule of
:mod:`clvdesk.core.orderlog.queries`: by order id, else into the latest purchase day on or before
the return; a purchase day netted to zero or less is no purchase, its amounts stay in
``total_spend``). ``n_orders`` counts the order rows of amount >= 0 (returns are not orders).

The work is SQL on DuckDB (:class:`clvdesk.core.orderlog.OrderLog`, the order table validated
once), so a hundred million orders summarise out of core. ``summarize`` takes a pandas order
table or an ``OrderLog``.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from clvdesk.core import units
from clvdesk.core.dates import parse_date
from clvdesk.core.errors import DataError, InputError
from clvdesk.core.orderlog import OrderLog, opened, queries

#: Columns of every summary, in this order.
SUMMARY_COLUMNS = (
    "frequency", "recency", "T", "monetary_value",
    "first_purchase", "last_purchase", "n_orders", "total_spend",
)
#: Columns a summary with ``holdout_end`` adds.
HOLDOUT_COLUMNS = ("frequency_holdout", "monetary_value_holdout", "duration_holdout")


def summarize(
    orders: pd.DataFrame | OrderLog,
    *,
    period: str = "weeks",
    end=None,
    holdout_end=None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Summarise an order log to one row per customer (index ``customer_id``).

    ``period`` is the time unit of ``recency``, ``T`` and ``duration_holdout`` (``"days"``,
    ``"weeks"``, ``"months"``; Dutch names accepted). ``end`` is the last day of the
    (calibration) observation period, inclusive; default the last order date. ``holdout_end``
    (after ``end``) adds the holdout columns. Rows without customer, date or amount are left
    out and counted in ``attrs["dropped_orders"]``. The result carries ``attrs["period"]``,
    ``attrs["end"]`` and ``attrs["holdout_end"]`` (``pd.Timestamp`` or ``None``). Customers are
    in the order of their first appearance in ``orders``. ``orders`` is a pandas order table
    (the ``*_col`` arguments name its columns) or an :class:`~clvdesk.core.orderlog.OrderLog`.
    """
    period = units.parse_unit(period)
    with opened(orders, customer_col=customer_col, date_col=date_col,
                amount_col=amount_col) as log:
        return _summary(log, period, end, holdout_end)


def _summary(log: OrderLog, period: str, end, holdout_end) -> pd.DataFrame:
    days_per_period = units.DAYS_PER_UNIT[period]
    end_day = log.end_day(end)
    holdout_date = parse_date("holdout_end", holdout_end)
    if holdout_date is not None and end is None:
        raise InputError(code="holdout_needs_end")
    holdout_day = None if holdout_date is None else _epoch_day(holdout_date)
    if holdout_day is not None and holdout_day <= end_day:
        raise InputError(code="holdout_before_end", holdout_end=_day_text(holdout_day),
                         end=_day_text(end_day))
    last_day = end_day if holdout_day is None else holdout_day
    rows = log.fetch(queries.summary(end_day, last_day, has_order_id=log.has_order_id,
                                     with_ids=log.source is None, returns=log.returns > 0,
                                     whole_log=log.last_day <= end_day),
                     sort_by="first_row")  # customers in order of first appearance
    if rows["first_row"].size == 0:
        raise DataError(code="no_purchases", end=_day_text(end_day))
    # no copies that are not needed: every new array of 1.2M rows is fresh memory to fault in
    frequency = rows["n_days"].astype(np.int64, copy=False) - 1
    first, last = rows["first_day"], rows["last_day"]  # integer days, never NULL here
    repeat_spend = rows["spend_days"] - rows["first_spend"]
    with np.errstate(divide="ignore", invalid="ignore"):
        monetary = np.where(frequency > 0, repeat_spend / np.maximum(frequency, 1), 0.0)
    columns = {
        "frequency": frequency,
        "recency": (last - first) / days_per_period,
        "T": (end_day - first) / days_per_period,
        "monetary_value": monetary,
        "first_purchase": _days_to_datetime(first),
        "last_purchase": _days_to_datetime(last),
        "n_orders": rows["n_orders"].astype(np.int64, copy=False),
        "total_spend": rows.get("total_spend", rows["spend_days"]).astype(np.float64,
                                                                         copy=False),
    }
    order = SUMMARY_COLUMNS
    if holdout_day is not None:
        hold_days = rows["n_days_holdout"].astype(np.int64, copy=False)
        with np.errstate(divide="ignore", invalid="ignore"):
            hold_mean = np.where(hold_days > 0, rows["spend_holdout"] / np.maximum(hold_days, 1),
                                 0.0)
        columns["frequency_holdout"] = hold_days
        columns["monetary_value_holdout"] = hold_mean
        columns["duration_holdout"] = np.full(frequency.size,
                                              (holdout_day - end_day) / days_per_period)
        order = SUMMARY_COLUMNS + HOLDOUT_COLUMNS
    index = log.customer_ids(rows["first_row"], rows.get("customer_id"))
    summary = pd.DataFrame({k: columns[k] for k in order}, index=index, copy=False)
    summary.attrs.update(
        period=period,
        end=_day_timestamp(end_day),
        holdout_end=None if holdout_day is None else _day_timestamp(holdout_day),
        dropped_orders=log.dropped,
    )
    return summary


def repeat_customers(summary: pd.DataFrame) -> int:
    """Customers of a summary with at least one repeat purchase (``frequency > 0``): the
    "bought again" of the app's cards, the CLI's overviews and the self-test."""
    return int(np.count_nonzero(summary["frequency"].to_numpy() > 0))


def valid_orders(
    orders: pd.DataFrame | OrderLog,
    *,
    end=None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
) -> tuple[pd.DataFrame, pd.Timestamp]:
    """The complete orders up to ``end`` (inclusive) with canonical column names, and ``end``.

    Returns a copy with ``customer_id``, ``date`` (datetime64, day precision) and ``amount``
    (float) plus any other columns of ``orders``; rows without customer, date or amount are
    left out (their count is in ``attrs["dropped_orders"]``). ``end`` defaults to the last
    order date. The rows are those of the validated order table
    (:class:`~clvdesk.core.orderlog.OrderLog`), before returns netting.
    """
    with opened(orders, customer_col=customer_col, date_col=date_col,
                amount_col=amount_col) as log:
        end_day = log.end_day(end)
        if log.source is None:
            frame = log.fetch_frame(
                f"SELECT * EXCLUDE (row_no, day), CAST(day AS INTEGER) AS day "
                f"FROM {queries.VALID} WHERE day <= {end_day} ORDER BY row_no")
            days = frame.pop("day").to_numpy(dtype=np.int64)
            frame.insert(1, "date", _days_to_datetime(days))
        else:
            picked = log.fetch(f"SELECT row_no, day FROM {queries.VALID} "
                               f"WHERE day <= {end_day} ORDER BY row_no")
            rows = picked["row_no"]
            source = log.source
            names = log.columns
            rest = source.drop(columns=[names["customer_id"], names["date"], names["amount"]])
            rest = rest.drop(columns=[c for c in ("customer_id", "date", "amount")
                                      if c in rest.columns]).iloc[rows]
            frame = pd.DataFrame(
                {
                    "customer_id": source[names["customer_id"]].to_numpy()[rows],
                    "date": _days_to_datetime(picked["day"]),
                    "amount": source[names["amount"]].to_numpy(dtype=float)[rows],
                },
                index=rest.index,
            ).join(rest).reset_index(drop=True)
        frame.attrs["dropped_orders"] = log.dropped
        return frame, _day_timestamp(end_day)


def _epoch_day(day: dt.date) -> int:
    """Days since 1970-01-01."""
    return int(np.datetime64(day, "D").astype(np.int64))


#: Microseconds per day, the unit of the summary's and the order table's datetimes.
_US_PER_DAY = 86_400_000_000


def _days_to_datetime(days: np.ndarray) -> np.ndarray:
    """Integer days since 1970-01-01 as datetime64[us] at midnight (one new array)."""
    return np.multiply(days, _US_PER_DAY, dtype=np.int64).view("datetime64[us]")


def _day_timestamp(day: int) -> pd.Timestamp:
    return pd.Timestamp(np.datetime64(day, "D"))


def _day_text(day: int) -> str:
    return str(np.datetime64(day, "D"))
