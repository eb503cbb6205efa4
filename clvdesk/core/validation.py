"""Model checks on a calibration/holdout split, and a table comparing models.

The checks of Fader, Hardie & Lee (2005a, "Counting your customers the easy way", figures 2-4)
on CDNOW: the model is fitted on the calibration period only, then

- :func:`holdout_by_frequency`: mean actual purchases in the holdout against the model's
  conditional expectation ``E[Y(t) | x, t_x, T]`` (t = holdout length), grouped by the number of
  repeat purchases in calibration ``x = 0, 1, ..., 7+`` (figure 4);
- :func:`tracking`: actual against expected repeat transactions of the whole base per period
  and cumulative, through calibration and holdout (figures 2 and 3);
- :func:`holdout_errors` and :func:`compare_models`: per-customer holdout error (MAE, RMSE),
  total predicted against actual, and log-likelihood, AIC and BIC per model, so a user can
  choose one.

The summary must come from :func:`clvdesk.core.summary.summarize` with ``holdout_end``
(columns ``frequency_holdout`` and ``duration_holdout``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from clvdesk.core import units
from clvdesk.core.clv import expected_base_transactions
from clvdesk.core.errors import Cancelled, CLVError, DataError, InputError
from clvdesk.core.messages import MESSAGES, Notice
from clvdesk.core.orderlog import opened, queries

#: The transaction models a comparison fits by default (CLI names).
TRANSACTION_MODELS: tuple[str, ...] = ("bgnbd", "mbgnbd", "pareto-nbd")

#: Columns of :func:`compare_models`.
COMPARISON_COLUMNS: tuple[str, ...] = (
    "model", "n_params", "log_likelihood", "aic", "bic", "holdout_mae", "holdout_rmse",
    "predicted_holdout", "actual_holdout", "holdout_error_pct", "note",
)


def holdout_by_frequency(model, summary: pd.DataFrame, *, max_frequency: int = 7) -> pd.DataFrame:
    """Mean actual and predicted holdout purchases by calibration frequency (FHL 2005a fig. 4).

    One row per group ``"0"``, ``"1"``, ..., ``"7+"`` (customers with at least
    ``max_frequency`` repeat purchases pooled) with ``customers``, ``actual`` and ``predicted``
    (mean purchases per customer in the holdout), ``actual_total`` and ``predicted_total``.
    """
    if not isinstance(max_frequency, int) or max_frequency < 1:
        raise ValueError("max_frequency must be a whole number of 1 or more")  # a caller's bug
    frequency, recency, age, actual, duration = _holdout_columns(summary)
    predicted = _conditional_expectation(model, duration, frequency, recency, age)
    group = np.minimum(frequency, max_frequency).astype(int)
    labels = [str(k) for k in range(max_frequency)] + [f"{max_frequency}+"]
    counts = np.bincount(group, minlength=max_frequency + 1)
    actual_total = np.bincount(group, weights=actual, minlength=max_frequency + 1)
    predicted_total = np.bincount(group, weights=predicted, minlength=max_frequency + 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        table = pd.DataFrame({
            "frequency": labels,
            "customers": counts,
            "actual": np.where(counts > 0, actual_total / np.maximum(counts, 1), 0.0),
            "predicted": np.where(counts > 0, predicted_total / np.maximum(counts, 1), 0.0),
            "actual_total": actual_total,
            "predicted_total": predicted_total,
        })
    return table


def holdout_errors(model, summary: pd.DataFrame) -> dict[str, float]:
    """Per-customer holdout error of ``model``'s conditional expectations.

    Returns ``mae`` and ``rmse`` (purchases per customer), ``predicted`` and ``actual`` (total
    holdout purchases of all customers) and ``error_pct`` (100 * (predicted - actual) / actual).
    """
    frequency, recency, age, actual, duration = _holdout_columns(summary)
    predicted = _conditional_expectation(model, duration, frequency, recency, age)
    error = predicted - actual
    total_actual = float(actual.sum())
    total_predicted = float(predicted.sum())
    return {
        "mae": float(np.mean(np.abs(error))),
        "rmse": float(np.sqrt(np.mean(error**2))),
        "predicted": total_predicted,
        "actual": total_actual,
        "error_pct": (100.0 * (total_predicted - total_actual) / total_actual
                      if total_actual > 0 else math.nan),
    }


def actual_repeat_transactions(
    orders, summary: pd.DataFrame, *, n_periods: int | None = None
) -> pd.DataFrame:
    """Actual repeat transactions of the summary's customers per period since the first entry.

    Purchases are counted as in the summary: the validated orders with returns netted
    (:mod:`clvdesk.core.orderlog.queries`), one per customer per purchase day, the first
    purchase day of each customer excluded. A purchase dated day ``d`` lies in ``[d, d + 1)``,
    so period ``k`` holds the days ``(k - 1) p .. k p - 1`` after the earliest first purchase
    (``p`` days per period: week ``k`` holds days 7(k-1) .. 7k-1), as BTYD's walkthrough bins
    its daily tracking data into weeks (Dziurzynski, Wadsworth & McCarthy, "BTYD: Implementing
    Buy 'til You Die Models", the CDNOW tracking data). Orders after the holdout end (or the
    calibration end without holdout) are ignored. ``orders``: a pandas order table or an
    :class:`~clvdesk.core.orderlog.OrderLog`. Returns ``period``, ``actual`` and
    ``actual_cumulative``.
    """
    period = _period(summary)
    days_per_period = units.DAYS_PER_UNIT[period]
    end = pd.Timestamp(summary.attrs.get("end"))
    last = summary.attrs.get("holdout_end") or end
    last = pd.Timestamp(last)
    t_max = float(summary["T"].max())
    start_day = _day(end) - round(t_max * days_per_period)
    if n_periods is None:
        n_periods = max(1, math.ceil((_day(last) - start_day + 1) / days_per_period - 1e-9))

    with opened(orders) as log:
        days = log.fetch(queries.repeat_days(_day(end), _day(last),
                                             has_order_id=log.has_order_id,
                                             returns=log.returns > 0))["day"]
    slot = np.floor((days.astype(np.int64) - start_day) / days_per_period + 1e-9).astype(int) + 1
    slot = slot[(slot >= 1) & (slot <= n_periods)]
    counts = np.bincount(slot - 1, minlength=n_periods)[:n_periods].astype(float)
    return pd.DataFrame({
        "period": np.arange(1, n_periods + 1),
        "actual": counts,
        "actual_cumulative": np.cumsum(counts),
    })


def tracking(model, summary: pd.DataFrame, orders) -> pd.DataFrame:
    """Actual against expected repeat transactions per period and cumulative (FHL 2005a fig. 2-3).

    Columns: ``period``, ``period_end`` (date), ``actual``, ``expected``, ``actual_cumulative``,
    ``expected_cumulative`` and ``holdout`` (True for periods after the end of calibration).
    Runs through the holdout when the summary has one, else through calibration.
    """
    period = _period(summary)
    end = pd.Timestamp(summary.attrs.get("end"))
    holdout_end = summary.attrs.get("holdout_end")
    after = 0.0
    if holdout_end is not None:
        after = (_day(pd.Timestamp(holdout_end)) - _day(end)) / units.DAYS_PER_UNIT[period]
    expected = expected_base_transactions(model, summary, periods_after_end=after)
    actual = actual_repeat_transactions(orders, summary, n_periods=len(expected))
    table = expected.merge(actual, on="period", how="left")
    # a period belongs to the holdout when it starts at or after the end of calibration
    table["holdout"] = table["period"] - 1 >= expected.attrs["calibration_periods"] - 1e-9
    order = ["period", "period_end", "actual", "expected", "actual_cumulative",
             "expected_cumulative", "holdout"]
    table = table[[c for c in order if c in table.columns]]
    table.attrs["period"] = period
    return table


def compare_models(
    summary: pd.DataFrame,
    *,
    models: Iterable[str] = TRANSACTION_MODELS,
    fitted: Mapping[str, object] | None = None,
    progress: Callable[[float, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> pd.DataFrame:
    """Fit each transaction model on the calibration columns and compare them.

    One row per model with the columns :data:`COMPARISON_COLUMNS`: ``n_params``,
    ``log_likelihood``, ``aic`` = 2k - 2LL, ``bic`` = k ln(n) - 2LL (n customers), the holdout
    errors of :func:`holdout_errors`, and ``note`` (empty, or why the model could not be
    fitted). ``fitted`` passes models already fitted on this summary (by CLI name), which are
    not refitted. Rows are sorted by BIC, best first; models that failed come last.
    """
    from clvdesk.core.models import get_model

    names = list(models)
    if not names:
        raise InputError(code="no_models_to_compare")
    frequency, recency, age, _, _ = _holdout_columns(summary)
    fitted = dict(fitted or {})
    classes = {name: get_model(name) for name in names if name not in fitted}
    rows = []
    for i, name in enumerate(names):
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None:
            progress(i / len(names), f"fitting {name}")
        row = dict.fromkeys(COMPARISON_COLUMNS, math.nan)
        row.update(model=name, note="")
        try:
            model = fitted.get(name)
            if model is None:
                model = classes[name]().fit(frequency, recency, age, cancel=cancel)
            errors = holdout_errors(model, summary)
        except CLVError as exc:  # the note keeps the error's code: each face words it
            row["note"] = Notice(exc.code, **exc.values) if exc.code in MESSAGES else str(exc)
            rows.append(row)
            continue
        row.update(
            n_params=len(model.params),
            log_likelihood=float(model.log_likelihood),
            aic=float(model.aic),
            bic=float(model.bic),
            holdout_mae=errors["mae"],
            holdout_rmse=errors["rmse"],
            predicted_holdout=errors["predicted"],
            actual_holdout=errors["actual"],
            holdout_error_pct=errors["error_pct"],
        )
        rows.append(row)
    if progress is not None:
        progress(1.0, "models compared")
    table = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))
    table["n_params"] = table["n_params"].astype("Int64")
    # object dtype: a text column would drop the notes' codes (clvdesk.core.messages.Notice)
    table["note"] = pd.Series([row["note"] for row in rows], dtype=object)
    failed = table["log_likelihood"].isna()
    return pd.concat([table[~failed].sort_values("bic"), table[failed]], ignore_index=True)


# --------------------------------------------------------------------------------------------
# helpers


def _period(summary: pd.DataFrame) -> str:
    period = summary.attrs.get("period")
    if period is None:
        raise InputError(code="summary_without_unit")
    if summary.attrs.get("end") is None:
        raise InputError(code="summary_without_end")
    if len(summary) == 0:
        raise DataError(code="no_customers")
    return units.parse_unit(period)


def _holdout_columns(summary: pd.DataFrame):
    if not isinstance(summary, pd.DataFrame):
        raise InputError(code="summary_not_a_table")
    needed = ("frequency", "recency", "T", "frequency_holdout", "duration_holdout")
    missing = [c for c in needed if c not in summary.columns]
    if missing:
        raise InputError(code="check_needs_holdout")
    if len(summary) == 0:
        raise DataError(code="no_customers")
    return tuple(summary[c].to_numpy(dtype=float) for c in needed)


def _conditional_expectation(model, duration, frequency, recency, age) -> np.ndarray:
    """E[Y(t) | x, t_x, T] per customer, evaluated once per distinct holdout length."""
    predicted = np.empty(len(frequency))
    for t in np.unique(duration):
        rows = duration == t
        predicted[rows] = model.expected_purchases(float(t), frequency[rows], recency[rows],
                                                   age[rows])
    return predicted


def _day(stamp: pd.Timestamp) -> int:
    return int(np.datetime64(stamp.date(), "D").astype(np.int64))
