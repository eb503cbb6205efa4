"""Simulated order logs with known truth: BG/NBD or Pareto/NBD purchasing, Gamma-Gamma spend.

What it is for:

- **Planning** ("what would a base like this look like"): give the parameters you expect (or
  those fitted on another base) and see the order log, the share of one-time buyers, the
  revenue per month, what a holdout check would show, before any data exist.
- **Testing**: every fitted number can be compared with the truth it came from, per customer
  (who is still alive, their purchase rate, whether they buy in the next 90 days and when).

The generative stories, with parameters named as in the papers (rates per ``period``):

- ``bgnbd`` (Fader, Hardie & Lee 2005a): a customer buys as a Poisson process with rate
  ``lambda ~ Gamma(r, alpha)`` (shape r, rate alpha); after every *repeat* purchase she drops
  out with probability ``p ~ Beta(a, b)``. So she makes ``J ~ Geometric(p)`` repeat purchases
  at most and dies right after the J-th; her dropout time is that purchase's time.
- ``pareto-nbd`` (Schmittlein, Morrison & Colombo 1987): purchases as above while alive; she
  lives an exponential time with rate ``mu ~ Gamma(s, beta)``.
- spend (Fader, Hardie & Lee 2005b; Fader & Hardie 2013): every transaction value is
  ``z ~ Gamma(p, nu)`` (shape p, rate nu) with ``nu ~ Gamma(q, gamma)`` across customers, so a
  customer's mean spend is ``p / nu`` and the population mean ``p gamma / (q - 1)``.

Calendar: first purchases fall uniformly on the days of the first ``acquisition_periods``
from ``start``; time 0 of a customer is her first purchase day and a purchase at continuous time
``t`` (periods) is dated ``t * days per period`` days later, rounded to the nearest day (so
recency is unbiased). A day log cannot tell two purchases of one customer on one day apart,
so a purchase that would share a day with an earlier one moves to the next free day: every
drawn purchase stays in the log and the summary's frequency is the true count, which is what
lets a fit recover the parameters (with same-day merging, 1-2 % of a CDNOW-like base's repeat
purchases vanish and alpha comes out about 2 standard errors too high at 20,000 customers).

Data-quality options keep the truth intact, so a correct import and summary recover it:

- ``returns``: share of purchases that carry an extra item returned a few days later: the
  order row shows the true amount plus the item, and a row with the same order id and minus
  the item's value follows 1-14 days later (never after the log's last day). Netting returns
  into the purchase they refund gives back the true amounts.
- ``duplicates``: share of order rows exported twice (identical rows).
- ``same_day``: share of purchases split into two orders (own order ids) on the same day,
  amounts summing to the true amount.
- ``holdout_periods``: the log runs that much past ``end``; the truth counts the holdout
  purchases. ``future_periods``: a window after the log whose purchases are not in the log but
  in the truth (``future_purchases``, ``next_purchase``, ``future_spend``).

Amounts are rounded to cents. :func:`simulate` is deterministic for a given ``seed``.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core import units
from clvdesk.core.dates import parse_date
from clvdesk.core.errors import InputError

#: The papers' parameter names of each purchase model.
PURCHASE_PARAMS: dict[str, tuple[str, ...]] = {
    "bgnbd": ("r", "alpha", "a", "b"),
    "pareto-nbd": ("r", "alpha", "s", "beta"),
}
SPEND_PARAMS: tuple[str, ...] = ("p", "q", "gamma")

#: Defaults: the published CDNOW estimates in weeks (BG/NBD and Pareto/NBD: Fader, Hardie &
#: Lee 2005a; Gamma-Gamma: Fader, Hardie & Lee 2005b), so a default base looks like CDNOW.
DEFAULT_PARAMS: dict[str, dict[str, float]] = {
    "bgnbd": {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426},
    "pareto-nbd": {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669},
}
DEFAULT_SPEND: dict[str, float] = {"p": 6.25, "q": 3.74, "gamma": 15.44}

#: Days after a purchase on which its return can arrive (inclusive range).
RETURN_DELAY_DAYS = (1, 14)

#: Columns of :attr:`SimulatedBase.truth`.
TRUTH_COLUMNS = (
    "first_purchase", "lambda", "p", "mu", "nu", "mean_spend", "dropout_time", "dropout_date",
    "alive_at_end", "alive_at_holdout_end", "repeat_purchases", "holdout_purchases",
    "future_purchases", "next_purchase", "future_spend",
)


@dataclass
class SimulatedBase:
    """A simulated base: the order log as an export would hold it, and the truth behind it.

    ``orders``: canonical order table (``customer_id``, ``order_id`` unless
    ``order_ids=False``, ``date``, ``amount``), sorted by date, up to ``holdout_end`` (or
    ``end`` without a holdout). ``truth``: one row per customer (index ``customer_id``):

    - ``first_purchase`` (date); ``lambda`` purchase rate per period; ``p`` dropout
      probability per repeat purchase (BG/NBD; NaN for Pareto/NBD); ``mu`` dropout rate per
      period (Pareto/NBD; NaN for BG/NBD); ``nu`` spend rate and ``mean_spend = p_spend / nu``
      (currency per transaction; NaN without spend);
    - ``dropout_time``: periods from the first purchase to dropout, ``dropout_date`` its day
      (as dated in the log: BG/NBD customers drop out on the day of their last purchase);
    - ``alive_at_end``: dropout after ``end`` (the calibration end), so buying later is
      possible; a customer not alive at ``end`` has no order after it;
      ``alive_at_holdout_end`` the same at ``holdout_end`` (= ``alive_at_end`` without one);
    - ``repeat_purchases``: repeat purchases up to ``end``; ``holdout_purchases`` in
      (``end``, ``holdout_end``]; ``future_purchases`` in the future window after the log
      (``log_end``, ``future_end``], ``next_purchase`` the date of the first of them (NaT when
      none), ``future_spend`` their total amount.

    ``params`` the purchase parameters, ``spend_params`` those of the spend (None without),
    ``settings`` every option used (JSON-ready), ``period`` the unit of all rates and times.
    """

    orders: pd.DataFrame
    truth: pd.DataFrame
    model: str
    params: dict[str, float]
    spend_params: dict[str, float] | None
    period: str
    start: dt.date
    end: dt.date
    holdout_end: dt.date | None
    future_end: dt.date | None
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def log_end(self) -> dt.date:
        """Last day in the order log: ``holdout_end`` if there is a holdout, else ``end``."""
        return self.holdout_end or self.end


def simulate(
    n_customers: int = 2000,
    *,
    model: str = "bgnbd",
    params: dict[str, float] | None = None,
    spend_params: dict[str, float] | None | bool = True,
    period: str = "weeks",
    start: dt.date | str = "2024-01-01",
    acquisition_periods: float = 12.0,
    calibration_periods: float = 39.0,
    holdout_periods: float = 0.0,
    future_periods: float = 0.0,
    returns: float = 0.0,
    duplicates: float = 0.0,
    same_day: float = 0.0,
    order_ids: bool = True,
    dropout_probability: float | None = None,
    seed: int | None = None,
) -> SimulatedBase:
    """Draw an order log of ``n_customers`` from a purchase model and Gamma-Gamma spend.

    ``model``: ``"bgnbd"`` or ``"pareto-nbd"``; ``params`` its parameters by the papers' names
    (default :data:`DEFAULT_PARAMS`, CDNOW in weeks); rates are per ``period`` (days, weeks,
    months). ``spend_params``: ``{"p", "q", "gamma"}`` (True: :data:`DEFAULT_SPEND`; None or
    False: every order 1.00). ``start``: first possible first purchase;
    ``acquisition_periods``: first purchases spread over that long; ``calibration_periods``:
    from ``start`` to ``end``; ``holdout_periods``: log continues past ``end``;
    ``future_periods``: truth-only window after the log. ``returns``, ``duplicates``,
    ``same_day``: shares (0..1) as in the module docstring. ``order_ids``: give the log an
    ``order_id`` column. ``dropout_probability``: BG/NBD with one dropout probability for
    everyone (the limit a, b -> infinity with a/(a+b) fixed, a base the BG/NBD likelihood
    cannot identify); ``params`` then holds r and alpha only. ``seed``: for a reproducible
    base. Raises :class:`InputError` for bad options.
    """
    model = _model_name(model)
    names = PURCHASE_PARAMS[model]
    defaults = DEFAULT_PARAMS[model]
    if dropout_probability is not None:
        if model != "bgnbd":
            raise InputError(code="dropout_probability_needs_bgnbd")
        dropout_probability = _share("dropout_probability", dropout_probability)
        names, defaults = ("r", "alpha"), {k: defaults[k] for k in ("r", "alpha")}
    params = _params(names, defaults if params is None else params, "purchase")
    if spend_params is True:
        spend = dict(DEFAULT_SPEND)
    elif spend_params is None or spend_params is False:
        spend = None
    else:
        spend = _params(SPEND_PARAMS, spend_params, "spend")
    n = _whole("n_customers", n_customers, low=1)
    period = units.parse_unit(period)
    if period == "years":
        raise InputError(code="bad_period",
                         period=period)
    day_length = units.DAYS_PER_UNIT[period]
    start_date = parse_date("start", start)
    acquisition = _duration("acquisition_periods", acquisition_periods, positive=True)
    calibration = _duration("calibration_periods", calibration_periods, positive=True)
    holdout = _duration("holdout_periods", holdout_periods)
    future = _duration("future_periods", future_periods)
    if acquisition > calibration:
        raise InputError(code="acquisition_after_end", acquisition=acquisition,
                         calibration=calibration)
    shares = {name: _share(name, value) for name, value in
              (("returns", returns), ("duplicates", duplicates), ("same_day", same_day))}
    rng = np.random.default_rng(seed)

    acquisition_days = max(1, int(round(acquisition * day_length)))
    end_day = int(round(calibration * day_length)) - 1  # days since start, inclusive
    holdout_day = end_day + int(round(holdout * day_length))
    future_day = holdout_day + int(round(future * day_length))
    birth = rng.integers(0, min(acquisition_days, end_day + 1), size=n)
    horizon = (future_day - birth) / day_length  # periods each customer is simulated for

    lam = np.maximum(rng.gamma(params["r"], 1.0 / params["alpha"], size=n), 1e-12)
    if model == "bgnbd":
        p_drop = (np.full(n, dropout_probability) if dropout_probability is not None
                  else rng.beta(params["a"], params["b"], size=n))
        mu = np.full(n, np.nan)
        max_repeats = rng.geometric(np.maximum(p_drop, 1e-300))
        lifetime = np.full(n, np.inf)
    else:
        p_drop = np.full(n, np.nan)
        mu = rng.gamma(params["s"], 1.0 / params["beta"], size=n)
        lifetime = rng.exponential(1.0 / np.maximum(mu, 1e-300))
        max_repeats = np.full(n, np.iinfo(np.int64).max)
    customer, times, lifetime = _purchase_times(rng, lam, max_repeats, lifetime, horizon)

    if spend is None:
        nu = np.full(n, np.nan)
        first_amount = np.ones(n)
        repeat_amount = np.ones(times.size)
    else:
        nu = rng.gamma(spend["q"], 1.0 / spend["gamma"], size=n)
        first_amount = rng.gamma(spend["p"], 1.0 / nu)
        repeat_amount = rng.gamma(spend["p"], 1.0 / nu[customer])
    first_amount = np.maximum(np.round(first_amount, 2), 0.01)
    repeat_amount = np.maximum(np.round(repeat_amount, 2), 0.01)

    # purchases as days since start: the first on the birth day, repeats t * days later
    purchase_customer = np.concatenate([np.arange(n), customer])
    repeat_day = birth[customer] + _distinct_days(customer, np.rint(
        np.round(times * day_length, 9)).astype(np.int64))
    purchase_day = np.concatenate([birth, repeat_day])
    purchase_amount = np.concatenate([first_amount, repeat_amount])
    is_repeat = np.concatenate([np.zeros(n, bool), np.ones(times.size, bool)])

    truth = _truth(n, start_date, birth, day_length, lam, p_drop, mu, nu, spend, lifetime,
                   purchase_customer, purchase_day, purchase_amount, is_repeat,
                   end_day, holdout_day, future_day, holdout > 0, future > 0)
    in_log = purchase_day <= holdout_day
    orders = _order_log(rng, start_date, purchase_customer[in_log], purchase_day[in_log],
                        purchase_amount[in_log], holdout_day, shares, order_ids)
    ids = truth.index.to_numpy()
    orders["customer_id"] = ids[orders.pop("customer").to_numpy()]
    orders = orders[["customer_id"] + (["order_id"] if order_ids else []) + ["date", "amount"]]

    def date(day: int) -> dt.date:
        return start_date + dt.timedelta(days=int(day))

    settings = {
        "n_customers": n, "model": model, "params": params, "spend_params": spend,
        "period": period, "start": start_date.isoformat(), "end": date(end_day).isoformat(),
        "holdout_end": date(holdout_day).isoformat() if holdout > 0 else None,
        "future_end": date(future_day).isoformat() if future > 0 else None,
        "acquisition_periods": acquisition, "calibration_periods": calibration,
        "holdout_periods": holdout, "future_periods": future, **shares,
        "order_ids": bool(order_ids), "dropout_probability": dropout_probability,
        "seed": seed,
    }
    return SimulatedBase(
        orders=orders, truth=truth, model=model, params=params, spend_params=spend,
        period=period, start=start_date, end=date(end_day),
        holdout_end=date(holdout_day) if holdout > 0 else None,
        future_end=date(future_day) if future > 0 else None, settings=settings,
    )


# --------------------------------------------------------------------------------------------
# the purchase process


def _purchase_times(rng, lam, max_repeats, lifetime, horizon):
    """Repeat purchase times (periods since each customer's first purchase) up to ``horizon``.

    Poisson arrivals at rate ``lam`` drawn in rounds (one interarrival per still-active customer
    per round). A customer stops at ``lifetime`` (Pareto/NBD) or right after her
    ``max_repeats``-th repeat purchase (BG/NBD, whose dropout time is then that purchase's
    time). For BG/NBD customers still alive at their horizon the dropout time lies beyond:
    by the memoryless Poisson process it is the horizon plus a Gamma(remaining purchases,
    1/lam) time. Returns ``(customer of each purchase, its time, dropout time per customer)``.
    """
    n = lam.size
    lifetime = lifetime.copy()
    now = np.zeros(n)
    made = np.zeros(n, dtype=np.int64)
    active = np.flatnonzero(lam > 0)
    customers, times = [], []
    while active.size:
        now[active] += rng.exponential(1.0 / lam[active])
        ok = (now[active] <= horizon[active]) & (now[active] <= lifetime[active])
        bought = active[ok]
        customers.append(bought)
        times.append(now[bought])
        made[bought] += 1
        died = bought[made[bought] >= max_repeats[bought]]
        lifetime[died] = now[died]  # BG/NBD: drops out right after this purchase
        active = bought[made[bought] < max_repeats[bought]]
    open_ended = ~np.isfinite(lifetime)  # BG/NBD, alive at the horizon
    if open_ended.any():
        idx = np.flatnonzero(open_ended)
        remaining = (max_repeats[idx] - made[idx]).astype(float)
        with np.errstate(divide="ignore"):
            lifetime[idx] = horizon[idx] + rng.gamma(remaining, 1.0 / lam[idx])
    customer = np.concatenate(customers) if customers else np.zeros(0, dtype=np.int64)
    time = np.concatenate(times) if times else np.zeros(0)
    return customer, time, lifetime


def _distinct_days(customer: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Repeat purchase days (since the first purchase) moved so no two of a customer coincide.

    A day log cannot tell two purchases on one day apart (the summary merges them), so a
    repeat purchase on the day of an earlier one (or of the first purchase) moves to the next
    free day: per customer, ``d_k = max(d_k, d_(k-1) + 1)`` in time order, ``d_0 = 0`` the
    first purchase. It keeps every customer's number of purchases, which the fit relies on
    most; the dates move by a day or so for the heaviest buyers only.
    """
    order = np.lexsort((day, customer))
    c, d = customer[order], day[order]
    starts = np.ones(c.size, dtype=bool)
    starts[1:] = c[1:] != c[:-1]
    group_start = np.maximum.accumulate(np.where(starts, np.arange(c.size), 0))
    rank = np.arange(c.size) - group_start + 1  # 1 for a customer's first repeat purchase
    shifted = d - rank  # strictly increasing d  <=>  non-decreasing d - rank, with d_0 = 0
    # a running maximum that restarts per customer: offset each customer's values
    offset = np.cumsum(starts) * (int(np.abs(shifted).max(initial=0)) + 1)
    running = np.maximum.accumulate(np.maximum(shifted, 0) + offset) - offset
    out = np.empty_like(day)
    out[order] = running + rank
    return out


def _truth(n, start, birth, day_length, lam, p_drop, mu, nu, spend, lifetime,
           purchase_customer, purchase_day, amount, is_repeat, end_day, holdout_day,
           future_day, has_holdout, has_future) -> pd.DataFrame:
    """The per-customer truth table (:data:`TRUTH_COLUMNS`)."""
    ids = _customer_ids(n)
    base = pd.Timestamp(start)
    # the dropout day as dated: never before the customer's last (dated) purchase, so a
    # customer dead by a day buys nothing after it
    last_day = birth.copy()
    np.maximum.at(last_day, purchase_customer, purchase_day)
    dropout_day = np.maximum(birth + np.rint(np.minimum(lifetime, 1e7) * day_length), last_day)

    def count(mask):
        return np.bincount(purchase_customer[mask], minlength=n)

    in_future = purchase_day > holdout_day
    next_day = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(next_day, purchase_customer[in_future], purchase_day[in_future])
    next_purchase = pd.to_datetime(
        np.where(next_day < np.iinfo(np.int64).max, next_day, -1), unit="D", origin=base)
    next_purchase = next_purchase.where(next_day < np.iinfo(np.int64).max)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_spend = spend["p"] / nu if spend is not None else np.full(n, np.nan)
    truth = pd.DataFrame({
        "first_purchase": pd.to_datetime(birth, unit="D", origin=base),
        "lambda": lam,
        "p": p_drop,
        "mu": mu,
        "nu": nu,
        "mean_spend": mean_spend,
        "dropout_time": lifetime,
        "dropout_date": pd.to_datetime(np.where(dropout_day <= 1e6, dropout_day, np.nan),
                                       unit="D", origin=base),
        "alive_at_end": dropout_day > end_day,
        "alive_at_holdout_end": dropout_day > (holdout_day if has_holdout else end_day),
        "repeat_purchases": count(is_repeat & (purchase_day <= end_day)),
        "holdout_purchases": count((purchase_day > end_day) & (purchase_day <= holdout_day)),
        "future_purchases": count(in_future),
        "next_purchase": next_purchase,
        "future_spend": np.bincount(purchase_customer[in_future], weights=amount[in_future],
                                    minlength=n),
    }, index=pd.Index(ids, name="customer_id"))
    if not has_future:
        truth = truth.drop(columns=["future_purchases", "next_purchase", "future_spend"])
    if not has_holdout:
        truth = truth.drop(columns=["holdout_purchases"])
    return truth


# --------------------------------------------------------------------------------------------
# the export: order rows, returns, duplicates, same-day splits


def _order_log(rng, start, customer, day, amount, last_day, shares, order_ids) -> pd.DataFrame:
    """Order rows of the purchases, with the data-quality options of the module docstring."""
    n = customer.size
    split = rng.random(n) < shares["same_day"]
    part = np.round(amount[split] * rng.uniform(0.2, 0.8, size=int(split.sum())), 2)
    part = np.clip(part, 0.01, np.maximum(amount[split] - 0.01, 0.01))
    rows_customer = np.concatenate([customer, customer[split]])
    rows_day = np.concatenate([day, day[split]])
    rows_amount = np.concatenate([amount, part])
    rows_amount[np.flatnonzero(split)] -= part
    rows_amount = np.round(rows_amount, 2)
    rows = pd.DataFrame({"customer": rows_customer, "day": rows_day, "amount": rows_amount})
    rows["order_id"] = _order_ids(len(rows))

    returned = rng.random(len(rows)) < shares["returns"]
    extra = np.round(rows["amount"].to_numpy()[returned]
                     * rng.uniform(0.1, 0.6, size=int(returned.sum())), 2)
    extra = np.maximum(extra, 0.01)
    rows.loc[returned, "amount"] = np.round(rows["amount"].to_numpy()[returned] + extra, 2)
    delay = rng.integers(RETURN_DELAY_DAYS[0], RETURN_DELAY_DAYS[1] + 1, size=extra.size)
    refunds = pd.DataFrame({
        "customer": rows["customer"].to_numpy()[returned],
        "day": np.minimum(rows["day"].to_numpy()[returned] + delay, last_day),
        "amount": -extra,
        "order_id": rows["order_id"].to_numpy()[returned],
    })
    log = pd.concat([rows, refunds], ignore_index=True)
    doubled = rng.random(len(log)) < shares["duplicates"]
    log = pd.concat([log, log.loc[doubled]], ignore_index=True)
    log = log.sort_values(["day", "customer", "order_id"], kind="stable", ignore_index=True)
    log["date"] = pd.to_datetime(log.pop("day"), unit="D", origin=pd.Timestamp(start))
    if not order_ids:
        log = log.drop(columns="order_id")
    return log


def _customer_ids(n: int) -> np.ndarray:
    width = max(5, len(str(n)))
    return np.array([f"C{i:0{width}d}" for i in range(1, n + 1)], dtype=object)


def _order_ids(n: int) -> np.ndarray:
    width = max(6, len(str(n)))
    return np.array([f"O{i:0{width}d}" for i in range(1, n + 1)], dtype=object)


# --------------------------------------------------------------------------------------------
# checks


def _model_name(model: str) -> str:
    key = str(model).strip().lower().replace("_", "-")
    if key not in PURCHASE_PARAMS:
        raise InputError(code="unknown_simulation_model", model=repr(model),
                         models=", ".join(PURCHASE_PARAMS))
    return key


def _params(names: tuple[str, ...], given: Any, what: str) -> dict[str, float]:
    from clvdesk.core.models.base import check_params

    params = check_params(names, given)
    if what == "spend" and params["q"] <= 1:
        raise InputError(code="spend_q_too_small", q=params["q"])
    return params


def _whole(name: str, value: Any, *, low: int) -> int:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or number != round(number) or number < low:
        raise InputError(code="bad_whole_number", name=name, low=low, value=repr(value))
    return int(number)


def _duration(name: str, value: Any, *, positive: bool = False) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or number < 0 or (positive and number == 0) or number > 1e5:
        raise InputError(code="bad_duration_positive" if positive else "bad_duration", name=name,
                         value=repr(value))
    return number


def _share(name: str, value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or not 0 <= number <= 1:
        raise InputError(code="bad_share", name=name, value=repr(value))
    return number
