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

Everything is vectorised over the whole log (customers numbered by
:func:`clvdesk.core.customer_ids.customer_codes`, one sort of the (customer, day) pairs,
``np.bincount``), so millions of orders take seconds.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from clvdesk.core import units
from clvdesk.core.customer_ids import customer_codes
from clvdesk.core.dates import parse_date
from clvdesk.core.errors import DataError, InputError

#: Columns of every summary, in this order.
SUMMARY_COLUMNS = (
    "frequency", "recency", "T", "monetary_value",
    "first_purchase", "last_purchase", "n_orders", "total_spend",
)
#: Columns a summary with ``holdout_end`` adds.
HOLDOUT_COLUMNS = ("frequency_holdout", "monetary_value_holdout", "duration_holdout")


def summarize(
    orders: pd.DataFrame,
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
    in the order of their first appearance in ``orders``.
    """
    period = units.parse_unit(period)
    days_per_period = units.DAYS_PER_UNIT[period]
    customers, days, amounts, complete = _clean_columns(
        orders, customer_col, date_col, amount_col
    )
    dropped = int((~complete).sum())
    if days.size == 0:
        raise DataError("the order table has no orders with a customer, date and amount")

    end_date = parse_date("end", end)
    holdout_date = parse_date("holdout_end", holdout_end)
    if holdout_date is not None and end_date is None:
        raise InputError("a holdout period needs an end date for the calibration period")
    end_day = int(days.max()) if end_date is None else _epoch_day(end_date)
    holdout_day = None if holdout_date is None else _epoch_day(holdout_date)
    if holdout_day is not None and holdout_day <= end_day:
        raise InputError(
            f"holdout_end {_day_text(holdout_day)} must be after end {_day_text(end_day)}"
        )

    codes, uniques = customer_codes(customers)
    n_all = len(uniques)
    calib = days <= end_day
    if not calib.any():
        raise DataError(f"no orders on or before the end date {_day_text(end_day)}")
    if calib.all():
        cal = _purchase_days(codes, days, amounts, n_all)
    else:
        cal = _purchase_days(codes[calib], days[calib], amounts[calib], n_all)
    present = cal["n_days"] > 0
    frequency = cal["n_days"] - 1
    first = cal["first_day"]
    last = cal["last_day"]
    repeat_spend = cal["spend"] - cal["first_spend"]
    with np.errstate(divide="ignore", invalid="ignore"):
        monetary = np.where(frequency > 0, repeat_spend / np.maximum(frequency, 1), 0.0)

    columns = {
        "frequency": frequency,
        "recency": (last - first) / days_per_period,
        "T": (end_day - first) / days_per_period,
        "monetary_value": monetary,
        "first_purchase": _days_to_datetime(first),
        "last_purchase": _days_to_datetime(last),
        "n_orders": cal["n_orders"],
        "total_spend": cal["spend"],
    }
    if holdout_day is not None:
        in_holdout = (days > end_day) & (days <= holdout_day)
        hold = _purchase_days(codes[in_holdout], days[in_holdout], amounts[in_holdout], n_all)
        with np.errstate(divide="ignore", invalid="ignore"):
            hold_mean = np.where(
                hold["n_days"] > 0, hold["spend"] / np.maximum(hold["n_days"], 1), 0.0
            )
        columns["frequency_holdout"] = hold["n_days"]
        columns["monetary_value_holdout"] = hold_mean
        columns["duration_holdout"] = np.full(n_all, (holdout_day - end_day) / days_per_period)

    order = SUMMARY_COLUMNS + (HOLDOUT_COLUMNS if holdout_day is not None else ())
    if present.all():
        summary = pd.DataFrame({k: columns[k] for k in order}, index=uniques, copy=False)
    else:
        summary = pd.DataFrame({k: columns[k][present] for k in order}, index=uniques[present],
                               copy=False)
    summary.attrs.update(
        period=period,
        end=_day_timestamp(end_day),
        holdout_end=None if holdout_day is None else _day_timestamp(holdout_day),
        dropped_orders=dropped,
    )
    return summary


def valid_orders(
    orders: pd.DataFrame,
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
    order date. Used by the segment and cohort tables so that all three agree on the orders.
    """
    customers, days, amounts, complete = _clean_columns(
        orders, customer_col, date_col, amount_col
    )
    if days.size == 0:
        raise DataError("the order table has no orders with a customer, date and amount")
    end_date = parse_date("end", end)
    end_day = int(days.max()) if end_date is None else _epoch_day(end_date)
    keep = days <= end_day
    if not keep.any():
        raise DataError(f"no orders on or before the end date {_day_text(end_day)}")
    rest = orders.loc[complete].drop(columns=[customer_col, date_col, amount_col])
    rest = rest.drop(columns=[c for c in ("customer_id", "date", "amount") if c in rest.columns])
    frame = pd.DataFrame(
        {
            "customer_id": customers.to_numpy(),
            "date": _days_to_datetime(days),
            "amount": amounts,
        },
        index=rest.index,
    ).join(rest)
    frame = frame.loc[keep].reset_index(drop=True)
    frame.attrs["dropped_orders"] = int((~complete).sum())
    return frame, _day_timestamp(end_day)


def _purchase_days(codes: np.ndarray, days: np.ndarray, amounts: np.ndarray, n: int) -> dict:
    """Per customer code (0..n-1): orders, purchase days, first/last day, spend, first-day spend.

    ``np.bincount`` per customer, and one sort of the (customer, day) pairs packed in one
    integer for the distinct purchase days and the first and last of them. Customers without
    orders get ``n_days = 0``.
    """
    n_orders = np.bincount(codes, minlength=n)
    first_day = np.zeros(n, dtype=np.int64)
    last_day = np.zeros(n, dtype=np.int64)
    n_days = np.zeros(n, dtype=np.int64)
    on_first_day = np.zeros(codes.size, dtype=bool)
    if codes.size:
        low = int(days.min())
        span = int(days.max()) - low + 1
        # 32-bit keys sort and divide faster when every (customer, day) pair fits in them
        key_type = np.uint32 if n * span < 2**32 else np.int64
        pairs = codes.astype(key_type)
        pairs *= key_type(span)
        pairs += days.astype(key_type)  # modulo 2**32 for uint32: exact once low is taken off
        pairs -= key_type(low % 2**32) if key_type is np.uint32 else low
        pairs.sort()
        distinct = np.ones(pairs.size, dtype=bool)
        distinct[1:] = pairs[1:] != pairs[:-1]
        pairs = pairs[distinct]
        owner = pairs // span
        starts = np.ones(pairs.size, dtype=bool)
        starts[1:] = owner[1:] != owner[:-1]
        # each customer's run of distinct days: where it starts and ends in the sorted pairs
        start_at = np.flatnonzero(starts)
        end_at = np.append(start_at[1:], pairs.size) - 1
        seen = owner[start_at]
        first_day[seen] = (pairs[start_at] % span).astype(np.int64) + low
        last_day[seen] = (pairs[end_at] % span).astype(np.int64) + low
        n_days[seen] = end_at - start_at + 1
        # gathered from an int32 copy when the days fit: half the cache footprint
        day_table = first_day.astype(np.int32) if -2**31 < low and low + span < 2**31 \
            else first_day
        on_first_day = days == day_table[codes]
    return {
        "n_orders": n_orders,
        "n_days": n_days,
        "first_day": first_day,
        "last_day": last_day,
        "spend": np.bincount(codes, weights=amounts, minlength=n),
        "first_spend": np.bincount(codes, weights=np.where(on_first_day, amounts, 0.0),
                                   minlength=n),
    }


def _clean_columns(orders, customer_col, date_col, amount_col):
    """Customer ids, days since 1970 (int64) and amounts of the complete rows, and their mask."""
    if not isinstance(orders, pd.DataFrame):
        raise InputError("orders must be a table (DataFrame)")
    for col in (customer_col, date_col, amount_col):
        if col not in orders.columns:
            listed = ", ".join(map(str, orders.columns))
            raise InputError(f"column '{col}' not found; columns are: {listed}")
    customers = orders[customer_col]
    dates = orders[date_col]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        try:
            dates = pd.to_datetime(dates, errors="raise")
        except (ValueError, TypeError):
            raise InputError(f"column '{date_col}' does not hold dates") from None
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    amounts = orders[amount_col]
    if not pd.api.types.is_numeric_dtype(amounts) or pd.api.types.is_bool_dtype(amounts):
        raise InputError(f"column '{amount_col}' must hold numbers (amounts)")
    complete = customers.notna().to_numpy() & dates.notna().to_numpy() & amounts.notna().to_numpy()
    if complete.all():
        return customers, _day_numbers(dates.to_numpy()), amounts.to_numpy(dtype=float), complete
    return (
        customers[complete],
        _day_numbers(dates.to_numpy()[complete]),
        amounts.to_numpy(dtype=float)[complete],
        complete,
    )


def _day_numbers(stamps: np.ndarray) -> np.ndarray:
    """datetime64 values (no NaT) -> days since 1970-01-01 (int64), floored to the day."""
    unit, count = np.datetime_data(stamps.dtype)
    per_day = {"s": 86_400, "ms": 86_400_000, "us": 86_400_000_000,
               "ns": 86_400_000_000_000}.get(unit)
    if per_day is None or count != 1:
        return stamps.astype("datetime64[D]").astype(np.int64)
    return stamps.view(np.int64) // per_day


def _epoch_day(day: dt.date) -> int:
    """Days since 1970-01-01."""
    return int(np.datetime64(day, "D").astype(np.int64))


def _days_to_datetime(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[D]").astype("datetime64[us]")


def _day_timestamp(day: int) -> pd.Timestamp:
    return pd.Timestamp(np.datetime64(day, "D"))


def _day_text(day: int) -> str:
    return str(np.datetime64(day, "D"))
