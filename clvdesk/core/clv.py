"""Predictive CLV from a fitted transaction model and a spend model.

Per customer, over a horizon given in user terms (``12`` ``"months"``) whatever the data's time
unit (``summary.attrs["period"]``)::

    CLV_i = margin * E[spend_i] * sum_k (E[Y_i(t_k)] - E[Y_i(t_{k-1})]) / (1 + d) ** years(t_k)

with ``E[Y_i(t)]`` the model's conditional expected number of purchases in ``(0, t]`` after the
end of calibration (BG/NBD: Fader, Hardie & Lee 2005a, eq. 10; Pareto/NBD: Schmittlein et al.
1987), ``E[spend_i]`` the Gamma-Gamma conditional expected spend per transaction (Fader, Hardie
& Lee 2005b, eq. 5; the population mean for one-time buyers and for repeat buyers whose mean
repeat spend is 0 or less, :func:`spend_from_own_history`), ``d`` the annual discount rate and ``t_k`` the ends of the discounting
steps (by default months: ``t_k = k`` months, the last step cut at the horizon). Each step's
expected purchases are discounted from the end of that step. This is the discrete version of
the discounted expected transactions (DET) of Fader, Hardie & Lee (2005b, "RFM and CLV", eq. 2)
and the convention of lifetimes' ``customer_lifetime_value`` (monthly steps, discounted from
the end of each month); with ``annual_discount_rate`` 0.10 a month is discounted at
``1.10 ** (1/12) - 1`` = 0.797 %.

Intervals: the models' ``sample_params(n, rng)`` draw parameter sets from the asymptotic normal
distribution of the log parameters (from the Hessian at the optimum). Recomputing CLV for each
draw of both the transaction and the spend model gives a distribution of each customer's
*expected* CLV; ``clv_low``/``clv_high`` are its central ``interval`` quantiles. They express
uncertainty about the parameters, not the spread of what one customer will actually spend. Per
segment the draws are summed over the segment's customers first and the quantiles taken after,
so a segment interval is the interval of the segment total (not a sum of per-customer bounds,
which would be far too wide).

The whole-base tracking curve (expected repeat transactions per period and cumulative for all
customers, each from their own first purchase; Fader, Hardie & Lee 2005a, figure 2) is
:func:`expected_base_transactions`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core import units
from clvdesk.core.errors import Cancelled, InputError
from clvdesk.core.formulas import check_scalar
from clvdesk.core.segments import MISSING_LABEL, TOTAL_LABEL

#: Name of the whole-base row in the segment table (as in :mod:`clvdesk.core.segments`).
ALL_CUSTOMERS = TOTAL_LABEL


@dataclass
class CLVForecast:
    """Result of :func:`forecast_clv`.

    ``customers``: one row per customer (index ``customer_id``) with the columns of
    :func:`predict_clv`. ``segments``: one row per segment plus a last row
    :data:`ALL_CUSTOMERS`, columns ``segment``, ``customers``, ``expected_purchases`` (sum over
    the horizon), ``clv`` (sum), ``clv_mean`` (per customer), ``clv_low``, ``clv_high`` (interval
    of the segment total, from aggregated draws; absent without draws). ``settings``: the horizon
    in data units, discount steps and interval used.
    """

    customers: pd.DataFrame
    segments: pd.DataFrame
    settings: dict[str, Any] = field(default_factory=dict)


def predict_clv(
    model,
    spend_model,
    summary: pd.DataFrame,
    *,
    horizon: float = 12,
    horizon_unit: str = "months",
    margin: float = 1.0,
    annual_discount_rate: float = 0.10,
    interval: float = 0.90,
    n_draws: int = 200,
    rng: np.random.Generator | int | None = None,
    discount_step: str = "months",
) -> pd.DataFrame:
    """Per-customer predictions over ``horizon`` ``horizon_unit``.

    Returns a DataFrame indexed like ``summary`` with ``frequency``, ``recency``, ``T``,
    ``p_alive``, ``expected_purchases`` (number over the horizon, undiscounted), and with a
    ``spend_model``: ``expected_spend`` (per transaction, currency), ``clv`` (discounted margin
    over the horizon, currency), ``clv_low``, ``clv_high`` (parameter-uncertainty interval,
    omitted when ``n_draws`` is 0 or the models carry no covariance). See the module docstring
    for the formula and its sources.
    """
    return forecast_clv(
        model, spend_model, summary, horizon=horizon, horizon_unit=horizon_unit, margin=margin,
        annual_discount_rate=annual_discount_rate, interval=interval, n_draws=n_draws, rng=rng,
        discount_step=discount_step,
    ).customers


def forecast_clv(
    model,
    spend_model,
    summary: pd.DataFrame,
    *,
    horizon: float = 12,
    horizon_unit: str = "months",
    margin: float = 1.0,
    annual_discount_rate: float = 0.10,
    interval: float = 0.90,
    n_draws: int = 200,
    rng: np.random.Generator | int | None = None,
    discount_step: str = "months",
    segment: pd.Series | None = None,
    progress: Callable[[float, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> CLVForecast:
    """Per-customer predictions (as :func:`predict_clv`) and the per-segment table.

    ``segment``: a Series indexed by customer id giving each customer's segment (customers
    missing from it go to :data:`clvdesk.core.segments.MISSING_LABEL`); without it the segment table has only the
    :data:`ALL_CUSTOMERS` row.
    """
    period = _summary_period(summary)
    horizon_data = _horizon_in_data_units(horizon, horizon_unit, period)
    margin, rate, interval = _checked_settings(margin, annual_discount_rate, interval, n_draws)
    rng = np.random.default_rng(rng)
    values = _distinct_predictions(
        model, spend_model, summary, period=period, horizon_data=horizon_data,
        discount_step=discount_step, rate=rate, margin=margin, interval=interval,
        n_draws=n_draws, rng=rng, segment=segment, progress=progress, cancel=cancel)
    out = values.customers(0, len(summary))
    segments = _segment_table(out, values.seg_codes, values.seg_names, values.has_draws,
                              values.seg_low, values.seg_high)
    settings = _settings(period, horizon, horizon_unit, horizon_data, discount_step,
                         values.n_steps, rate, margin, interval, n_draws, values.has_draws)
    return CLVForecast(customers=out, segments=segments, settings=settings)


def write_predictions(
    path,
    model,
    spend_model,
    summary: pd.DataFrame,
    *,
    chunk_rows: int = 1_000_000,
    horizon: float = 12,
    horizon_unit: str = "months",
    margin: float = 1.0,
    annual_discount_rate: float = 0.10,
    interval: float = 0.90,
    n_draws: int = 200,
    rng: np.random.Generator | int | None = None,
    discount_step: str = "months",
    progress: Callable[[float, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> CLVForecast:
    """:func:`forecast_clv` streamed to a ``.parquet`` or ``.csv`` file, ``chunk_rows`` at a time.

    The per-customer table (the columns of :func:`predict_clv`, ``customer_id`` first) is
    written in chunks of ``chunk_rows`` customers (Parquet row groups), so memory holds the
    distinct-row results and one chunk, never a second copy of the whole base; the numbers are
    those of :func:`forecast_clv`. Returns the forecast with ``customers`` set to None (the
    whole-base ``segments`` row and ``settings`` as usual).
    """
    from clvdesk.core.io.tables import write_table_chunks

    period = _summary_period(summary)
    horizon_data = _horizon_in_data_units(horizon, horizon_unit, period)
    margin, rate, interval = _checked_settings(margin, annual_discount_rate, interval, n_draws)
    if not isinstance(chunk_rows, int | np.integer) or chunk_rows < 1:
        raise ValueError("chunk_rows must be a whole number, 1 or more")  # a caller's bug
    values = _distinct_predictions(
        model, spend_model, summary, period=period, horizon_data=horizon_data,
        discount_step=discount_step, rate=rate, margin=margin, interval=interval,
        n_draws=n_draws, rng=np.random.default_rng(rng), segment=None, progress=progress,
        cancel=cancel)
    n = len(summary)
    clv_total = [0.0]

    def chunks():
        for start in range(0, max(n, 1), chunk_rows):
            chunk = values.customers(start, min(start + chunk_rows, n))
            if "clv" in chunk:
                clv_total[0] += float(chunk["clv"].sum())
            yield chunk

    write_table_chunks(chunks(), path)
    totals = _segment_totals(values, clv_total[0])
    settings = _settings(period, horizon, horizon_unit, horizon_data, discount_step,
                         values.n_steps, rate, margin, interval, n_draws, values.has_draws)
    return CLVForecast(customers=None, segments=totals, settings=settings)


@dataclass
class _DistinctPredictions:
    """Predictions computed once per distinct row, and each customer's rows among them.

    ``keys``: distinct (frequency, recency, T); ``inverse``: each customer's row in ``keys``;
    ``p_alive``, ``expected``, ``det`` per key. With a spend model: ``spend_inverse`` and
    ``spend`` per distinct (frequency, monetary value); with draws: ``pair_of_customer`` and
    ``low``/``high`` per distinct (key, spend row) pair, and the segment intervals.
    """

    index: pd.Index
    keys: np.ndarray
    inverse: np.ndarray
    p_alive: np.ndarray
    expected: np.ndarray
    det: np.ndarray
    n_steps: int
    margin: float
    seg_codes: np.ndarray
    seg_names: list[str]
    spend_inverse: np.ndarray | None = None
    spend: np.ndarray | None = None
    pair_of_customer: np.ndarray | None = None
    low: np.ndarray | None = None
    high: np.ndarray | None = None
    seg_low: np.ndarray | None = None
    seg_high: np.ndarray | None = None

    @property
    def has_draws(self) -> bool:
        return self.low is not None

    def customers(self, start: int, stop: int) -> pd.DataFrame:
        """Per-customer rows ``start:stop`` (the columns of :func:`predict_clv`)."""
        rows = self.inverse[start:stop]
        columns = {"frequency": self.keys[rows, 0], "recency": self.keys[rows, 1],
                   "T": self.keys[rows, 2], "p_alive": self.p_alive[rows],
                   "expected_purchases": self.expected[rows]}
        if self.spend is not None:
            spend = self.spend[self.spend_inverse[start:stop]]
            clv = self.margin * self.det[rows] * spend
            columns.update(expected_spend=spend, clv=clv)
            if self.has_draws:
                pairs = self.pair_of_customer[start:stop]
                columns.update(clv_low=np.minimum(self.low[pairs], clv),
                               clv_high=np.maximum(self.high[pairs], clv))
        return pd.DataFrame(columns, index=self.index[start:stop].copy(), copy=False)


def _checked_settings(margin, annual_discount_rate, interval, n_draws):
    """Checked (margin, annual rate, interval) and ``n_draws``; raises :class:`InputError`."""
    margin = _fraction("margin", margin, allow_zero=True)
    rate = check_scalar("annual_discount_rate", annual_discount_rate)
    if rate < 0 or rate > 1:
        raise InputError(code="between", name="annual_discount_rate", low=0.0, high=1.0, got=rate)
    interval = _fraction("interval", interval, allow_zero=False)
    if interval >= 1:
        raise InputError(code="below", name="interval", high=1.0, got=interval)
    if not isinstance(n_draws, int | np.integer) or n_draws < 0:
        raise InputError(code="whole_number", name="n_draws")
    if n_draws and n_draws < 20:
        raise InputError(code="draws_at_least_20", name="n_draws")
    return margin, rate, interval


def _settings(period, horizon, horizon_unit, horizon_data, discount_step, n_steps, rate, margin,
              interval, n_draws, has_draws) -> dict[str, Any]:
    return {
        "period": period,
        "horizon": float(horizon),
        "horizon_unit": units.parse_unit(horizon_unit),
        "horizon_periods": float(horizon_data),
        "discount_step": units.parse_unit(discount_step),
        "n_discount_steps": int(n_steps),
        "annual_discount_rate": float(rate),
        "margin": float(margin),
        "interval": float(interval),
        "n_draws": int(n_draws) if has_draws else 0,
    }


def _distinct_predictions(model, spend_model, summary, *, period, horizon_data, discount_step,
                          rate, margin, interval, n_draws, rng, segment, progress,
                          cancel) -> _DistinctPredictions:
    """Everything :func:`forecast_clv` needs, computed once per distinct customer row."""
    frequency, recency, age = _frf(summary)
    step_ends = discount_steps(horizon_data, period, discount_step)
    weights = discount_factors(step_ends, period, rate)
    _report(progress, 0.0, "predicting purchases")

    keys, inverse = _unique_rows(np.column_stack([frequency, recency, age]))
    del frequency, recency, age
    u_f, u_r, u_t = keys[:, 0], keys[:, 1], keys[:, 2]
    p_alive = np.asarray(model.p_alive(u_f, u_r, u_t), dtype=float)
    cum = _cumulative_purchases(model, step_ends, u_f, u_r, u_t)
    seg_codes, seg_names = _segment_codes(summary.index, segment)
    values = _DistinctPredictions(
        index=summary.index, keys=keys, inverse=inverse, p_alive=p_alive, expected=cum[-1],
        det=_discounted(cum, weights), n_steps=len(step_ends), margin=margin,
        seg_codes=seg_codes, seg_names=seg_names)
    if spend_model is None:
        _report(progress, 1.0, "predictions done")
        return values
    monetary = _column(summary, "monetary_value")
    # repeat buyers with a mean repeat spend of 0 or less (returns netted against their
    # purchases) carry no spend information the model can use: like one-time buyers they get
    # the population mean, E[M | x = 0], as the pipeline leaves them out of the spend fit
    frequency = keys[inverse, 0]
    own = spend_from_own_history(frequency, monetary)
    spend_keys, spend_inverse = _unique_rows(np.column_stack(
        [np.where(own, frequency, 0.0), np.where(own, monetary, 0.0)]))
    del monetary, own, frequency
    values.spend_inverse = spend_inverse
    values.spend = np.asarray(
        spend_model.expected_spend(spend_keys[:, 0], spend_keys[:, 1]), dtype=float)
    if n_draws:
        draws = _draw_models(model, spend_model, n_draws, rng)
        if draws is not None:
            (values.pair_of_customer, values.low, values.high, values.seg_low,
             values.seg_high) = _interval_from_draws(
                draws, keys, inverse, spend_keys, spend_inverse, step_ends, weights, margin,
                interval, seg_codes, len(seg_names), progress, cancel)
    _report(progress, 1.0, "predictions done")
    return values


def _segment_totals(values: _DistinctPredictions, total: float) -> pd.DataFrame:
    """The whole-base row of :func:`_segment_table` from the distinct rows and the CLV total
    summed over the written chunks (no customer table)."""
    counts = np.bincount(values.inverse, minlength=len(values.keys))
    row = {"segment": ALL_CUSTOMERS, "customers": int(len(values.inverse)),
           "expected_purchases": float(np.dot(counts, values.expected))}
    if values.spend is not None:
        row.update(clv=total, clv_mean=total / max(len(values.inverse), 1))
        if values.has_draws:
            row.update(clv_low=min(float(values.seg_low[-1]), total),
                       clv_high=max(float(values.seg_high[-1]), total))
    return pd.DataFrame([row])


def spend_from_own_history(frequency: np.ndarray, monetary_value: np.ndarray) -> np.ndarray:
    """True where a customer's expected spend uses her own repeat purchases (Gamma-Gamma).

    Those are the repeat buyers with a mean repeat spend above 0, the customers the spend
    model is fitted on; everyone else gets the population mean spend per transaction.
    """
    return (np.asarray(frequency, dtype=float) > 0) & (np.asarray(monetary_value, dtype=float) > 0)


def discount_steps(horizon_periods: float, period: str, step: str = "months") -> np.ndarray:
    """Ends of the discounting steps, in data periods: ``step``, 2 ``step``, ..., the horizon.

    The last step is cut at the horizon (``horizon_periods`` in data units ``period``).
    """
    length = float(units.convert(1.0, step, period))
    n = max(1, math.ceil(horizon_periods / length - 1e-9))
    ends = np.minimum(np.arange(1, n + 1) * length, horizon_periods)
    return ends


def discount_factors(step_ends: np.ndarray, period: str, annual_rate: float) -> np.ndarray:
    """Present-value factors ``(1 + annual_rate) ** -years(t_k)`` for the step ends ``t_k``."""
    years = units.convert(np.asarray(step_ends, dtype=float), period, "years")
    return (1.0 + annual_rate) ** (-years)


def expected_base_transactions(
    model, summary: pd.DataFrame, *, periods_after_end: float = 0.0
) -> pd.DataFrame:
    """Expected repeat transactions of the whole customer base, per data period and cumulative.

    Each customer enters at their first purchase, ``T_i`` periods before the end of
    calibration; at calendar time ``tau`` (periods since the earliest first purchase) the base is
    expected to have made ``sum_i E[X(tau - b_i)]`` repeat purchases, with ``E[X(t)]`` the
    model's unconditional expectation for a new customer (``expected_purchases_new``; BG/NBD:
    Fader, Hardie & Lee 2005a eq. 9) and ``b_i`` the customer's entry time. This is the
    tracking curve of Fader, Hardie & Lee (2005a, figure 2) for CDNOW.

    Returns one row per period ``k = 1, 2, ...`` up to ``periods_after_end`` periods past the end
    of calibration, with ``period`` (k), ``period_end`` (calendar date, if ``summary.attrs`` has
    ``end``), ``expected`` (repeat transactions in period k) and ``expected_cumulative``.
    """
    period = _summary_period(summary)
    _, _, age = _frf(summary)
    if len(age) == 0:
        raise InputError(code="no_customers")
    after = check_scalar("periods_after_end", periods_after_end)
    if after < 0:
        raise ValueError("periods_after_end must be 0 or more")  # computed by the caller
    t_max = float(age.max())
    births, counts = np.unique(np.round(t_max - age, 9), return_counts=True)
    n_periods = max(1, math.ceil(t_max + after - 1e-9))
    grid = np.arange(1, n_periods + 1, dtype=float)
    cumulative = np.zeros(n_periods)
    for birth, count in zip(births, counts, strict=True):
        since = grid - birth
        alive_from = since > 0
        if alive_from.any():
            values = np.asarray(model.expected_purchases_new(since[alive_from]), dtype=float)
            cumulative[alive_from] += count * values
    table = pd.DataFrame({
        "period": np.arange(1, n_periods + 1),
        "expected": np.diff(cumulative, prepend=0.0),
        "expected_cumulative": cumulative,
    })
    end = summary.attrs.get("end")
    if end is not None:
        start = pd.Timestamp(end) - pd.to_timedelta(t_max * units.DAYS_PER_UNIT[period], "D")
        table.insert(1, "period_end", (start + pd.to_timedelta(
            grid * units.DAYS_PER_UNIT[period], "D")).normalize())
    table.attrs["period"] = period
    table.attrs["calibration_periods"] = t_max
    return table


# --------------------------------------------------------------------------------------------
# helpers


def _summary_period(summary: pd.DataFrame) -> str:
    if not isinstance(summary, pd.DataFrame):
        raise InputError(code="summary_not_a_table")
    period = summary.attrs.get("period")
    if period is None:
        raise InputError(code="summary_without_unit")
    return units.parse_unit(period)


def _horizon_in_data_units(horizon, horizon_unit: str, period: str) -> float:
    value = check_scalar("horizon", horizon)
    if value <= 0:
        raise InputError(code="greater_than", name="horizon", low=0.0, got=value)
    converted = float(units.convert(value, horizon_unit, period))
    if converted > 1e5:
        raise InputError(code="horizon_too_long", value=value, unit=horizon_unit)
    return converted


def _fraction(name: str, value, *, allow_zero: bool) -> float:
    value = check_scalar(name, value)
    if value < 0 or value > 1 or (value == 0 and not allow_zero):
        raise InputError(code="between" if allow_zero else "between_open_low", name=name, low=0.0,
                         high=1.0, got=value)
    return value


def _column(summary: pd.DataFrame, name: str) -> np.ndarray:
    if name not in summary.columns:
        raise InputError(code="summary_column_missing", column=name)
    column = summary[name]
    if not pd.api.types.is_numeric_dtype(column.dtype):
        # (to_numeric only for text: on a number column it costs a hash of a long index)
        column = pd.to_numeric(column, errors="coerce")
    values = column.to_numpy(dtype=float, na_value=np.nan)
    if not np.isfinite(values).all():
        raise InputError(code="summary_column_not_numbers", column=name)
    return values


def _frf(summary: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return _column(summary, "frequency"), _column(summary, "recency"), _column(summary, "T")


def _unique_rows(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unique rows of a float matrix (sorted) and the index of each original row among them.

    Each column is coded by hashing (``pandas.factorize``, sorted codes), the codes combine into
    one integer per row and that is coded again: linear time, where a lexsort of ten million
    rows takes seconds. Falls back to one lexsort when the combined code could overflow.
    """
    n = len(matrix)
    if n == 0:
        return matrix, np.zeros(0, dtype=np.intp)
    codes, uniques = [], []
    for column in matrix.T:
        code, unique = pd.factorize(column, sort=True)
        codes.append(code.astype(np.int64))
        uniques.append(np.asarray(unique, dtype=float))
    sizes = [len(u) for u in uniques]
    if math.prod(sizes) >= 2**62:
        return _unique_rows_lexsort(matrix)
    combined = codes[0]
    for code, size in zip(codes[1:], sizes[1:], strict=True):
        combined = combined * size + code
    inverse, distinct = pd.factorize(combined, sort=True)
    distinct = np.asarray(distinct, dtype=np.int64)
    columns = []
    for unique, size in zip(uniques[::-1], sizes[::-1], strict=True):
        columns.append(unique[distinct % size])
        distinct = distinct // size
    return np.column_stack(columns[::-1]), inverse.astype(np.intp)


def _unique_rows_lexsort(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_unique_rows` by one lexsort over the columns."""
    n = len(matrix)
    order = np.lexsort(matrix.T[::-1])
    ordered = matrix[order]
    starts = np.ones(n, dtype=bool)
    starts[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
    inverse = np.empty(n, dtype=np.intp)
    inverse[order] = np.cumsum(starts) - 1
    return ordered[starts], inverse


def _cumulative_purchases(model, step_ends, frequency, recency, age) -> np.ndarray:
    """Matrix (steps x rows) of conditional expected purchases in ``(0, t_k]``.

    The project's transaction models broadcast: one call with the step ends as a column
    against the rows (each element as the model computes it for one horizon). Any other
    model is called once per step with a scalar horizon.
    """
    from clvdesk.core.models.base import TransactionModel

    if not isinstance(model, TransactionModel):
        return np.vstack([
            np.asarray(model.expected_purchases(float(t), frequency, recency, age), dtype=float)
            for t in step_ends
        ])
    steps = np.asarray(step_ends, dtype=float)[:, None]
    rows = (np.asarray(v, dtype=float)[None, :] for v in (frequency, recency, age))
    cumulative = np.asarray(model.expected_purchases(steps, *rows), dtype=float)
    return np.broadcast_to(cumulative, (len(steps), np.size(frequency)))


def _discounted(cumulative: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Discounted expected transactions: sum_k (E[t_k] - E[t_{k-1}]) * weight_k."""
    per_step = np.diff(cumulative, axis=0, prepend=0.0)
    return weights @ per_step


def _draw_models(model, spend_model, n_draws: int, rng: np.random.Generator):
    """``n_draws`` pairs of (transaction model, spend model) with drawn parameters, or None."""
    from clvdesk.core.errors import CLVError

    try:
        trans = _param_dicts(model.sample_params(n_draws, rng))
        spend = _param_dicts(spend_model.sample_params(n_draws, rng))
    except CLVError:
        return None  # e.g. a model built from parameters alone has no covariance
    return [(type(model).from_params(t), type(spend_model).from_params(s))
            for t, s in zip(trans, spend, strict=True)]


def _param_dicts(sample: dict[str, np.ndarray]) -> list[dict[str, float]]:
    """``sample_params``' ``{name: array of draws}`` as one parameter dict per draw."""
    names = list(sample)
    columns = [np.asarray(sample[n], dtype=float) for n in names]
    return [dict(zip(names, map(float, values), strict=True))
            for values in zip(*columns, strict=True)]


def _interval_from_draws(draws, keys, inverse, spend_keys, spend_inverse, step_ends, weights,
                         margin, interval, seg_codes, n_segments, progress, cancel):
    """Quantiles of CLV over parameter draws per distinct pair, and per segment.

    Customers sharing both their (frequency, recency, T) row and their (frequency, monetary
    value) row share every drawn CLV, so the draws are evaluated once per distinct pair, in
    blocks of pairs x draws that bound the memory. The two factors of a pair's drawn CLV, the
    discounted transactions of its (frequency, recency, T) row and the expected spend of its
    (frequency, monetary value) row, are tabulated once per distinct row when the table fits
    (:class:`_RowTable`), so a block only gathers and multiplies them. Per segment each draw is
    summed over the segment's customers and the quantiles are taken over those sums.

    Returns ``(pair of each customer, low and high per pair, segment lows, segment highs)``;
    the segment arrays have one entry per segment and a last one for all customers.
    """
    q = [(1 - interval) / 2, 1 - (1 - interval) / 2]
    n_draws = len(draws)
    det_of = _det_evaluator(draws, keys, step_ends, weights, progress, cancel)
    spend_of = _spend_evaluator([spend for _, spend in draws], spend_keys)
    _report(progress, 0.5, "intervals from parameter draws")
    det_rows = _RowTable(det_of, len(keys), n_draws, cancel)
    spend_rows = _RowTable(spend_of, len(spend_keys), n_draws, cancel)
    n_spend = len(spend_keys)
    pair_of_customer, pair_keys = pd.factorize(
        inverse.astype(np.int64) * n_spend + spend_inverse, sort=True)
    pair_keys = np.asarray(pair_keys, dtype=np.int64)
    # pairs are sorted by transaction row: without a table, each distinct row of a block is
    # evaluated once per draw
    pair_trans, pair_spend = pair_keys // n_spend, pair_keys % n_spend
    n_pairs = len(pair_keys)
    members = np.zeros((n_pairs, n_segments + 1))
    for s in range(n_segments):
        members[:, s] = np.bincount(pair_of_customer[seg_codes == s], minlength=n_pairs)
    members[:, n_segments] = np.bincount(pair_of_customer, minlength=n_pairs)
    low, high = np.empty(n_pairs), np.empty(n_pairs)
    seg_totals = np.zeros((n_segments + 1, n_draws))
    usable = np.ones(n_draws, dtype=bool)
    block_rows = max(1, _BLOCK_VALUES // n_draws)
    # two buffers reused by every block (a fresh 4 MB array per block costs page faults)
    buffers = np.empty((2, min(block_rows, max(n_pairs, 1)), n_draws))
    everyone = np.full(block_rows, n_draws)
    for start in range(0, n_pairs, block_rows):
        stop = min(start + block_rows, n_pairs)
        if cancel is not None and cancel():
            raise Cancelled()
        block, spend = buffers[0, :stop - start], buffers[1, :stop - start]
        with np.errstate(all="ignore"):
            det_rows.take(pair_trans[start:stop], block, sorted_rows=True)
            block *= spend_rows.take(pair_spend[start:stop], spend)
            if margin != 1.0:
                block *= margin
        # the all-customers row weighs every pair by at least 1, so its sums are finite only
        # when every value of the block is (an overflowing sum takes the exact path too);
        # einsum, not BLAS: OpenBLAS threads on a small product wait for a busy core
        partial = np.einsum("ps,pd->sd", members[start:stop], block)
        if np.isfinite(partial).all():
            seg_totals += partial
            n_finite = everyone[:stop - start]
        else:
            finite = np.isfinite(block)
            usable &= finite.all(axis=0)
            seg_totals += np.einsum("ps,pd->sd", members[start:stop],
                                    np.where(finite, block, 0.0))
            block[~finite] = np.inf  # sorted last, out of the finite quantiles
            n_finite = finite.sum(axis=1)
        block.sort(axis=1)
        low[start:stop], high[start:stop] = _sorted_quantiles(block, n_finite, q)
        _report(progress, 0.6 + 0.4 * stop / n_pairs, "intervals from parameter draws")
    if usable.sum() < 10:
        raise InputError(code="interval_unusable")
    seg_low, seg_high = np.quantile(seg_totals[:, usable], q, axis=1)
    return pair_of_customer.astype(np.intp), low, high, seg_low, seg_high


#: Numbers (pairs x draws) per block of the interval computation: 512K doubles, 4 MB, so the
#: passes over a block (gathers, product, sums, sort) mostly run in the CPU's cache.
_BLOCK_VALUES = 524_288
#: Most numbers (rows x draws) of one :class:`_RowTable`: 64M doubles, 512 MB. Ten million
#: customers have about 200,000 distinct (frequency, recency, T) and as many distinct
#: (frequency, monetary value) rows: two tables of 40M numbers.
_TABLE_VALUES = 64 * 2**20


class _RowTable:
    """Values (rows x draws) of ``evaluate(rows, cancel)`` for rows ``0..n-1``, taken by row.

    When ``n x draws`` fits :data:`_TABLE_VALUES`, every row is evaluated once, in blocks, into
    a table and :meth:`take` gathers from it; otherwise :meth:`take` evaluates the distinct
    rows asked for. Either way a row's values are those of ``evaluate`` on that row (each row
    is computed on its own), so the numbers do not depend on the path.
    """

    def __init__(self, evaluate, n: int, n_draws: int, cancel) -> None:
        self._evaluate = evaluate
        self._cancel = cancel
        self._table = None
        if n * n_draws <= _TABLE_VALUES:
            self._table = np.empty((n, n_draws))
            step = max(1, _BLOCK_VALUES // max(n_draws, 1))
            for start in range(0, n, step):
                stop = min(start + step, n)
                self._table[start:stop] = evaluate(np.arange(start, stop), cancel)

    def take(self, rows: np.ndarray, out: np.ndarray, *, sorted_rows: bool = False) -> np.ndarray:
        """The values of ``rows`` written into ``out`` (len(rows) x draws); returns ``out``.

        ``sorted_rows``: ``rows`` ascend, so their distinct values are found without a sort.
        """
        # (mode "clip": the rows are valid, and the default mode would copy through a buffer)
        if self._table is not None:
            return np.take(self._table, rows, axis=0, out=out, mode="clip")
        if sorted_rows:
            first = np.ones(len(rows), dtype=bool)
            first[1:] = rows[1:] != rows[:-1]
            distinct, where = rows[first], np.cumsum(first) - 1
        else:
            distinct, where = np.unique(rows, return_inverse=True)
        return np.take(self._evaluate(distinct, self._cancel), where, axis=0, out=out,
                       mode="clip")


def _spend_evaluator(spend_draws, spend_keys):
    """``spend_of(rows, cancel)``: (rows x draws) expected spend of every draw on ``spend_keys[rows]``.

    A spend model offering ``expected_spend_of_draws`` (Gamma-Gamma) evaluates all draws in
    one broadcast; any other is called draw by draw.
    """
    batch = getattr(type(spend_draws[0]), "expected_spend_of_draws", None)

    def spend_of(rows: np.ndarray, cancel) -> np.ndarray:
        k = spend_keys[rows]
        if batch is not None:
            return batch(spend_draws, k[:, 0], k[:, 1])
        out = np.empty((len(rows), len(spend_draws)))
        for j, spend in enumerate(spend_draws):
            if cancel is not None and cancel():
                raise Cancelled()
            out[:, j] = np.asarray(spend.expected_spend(k[:, 0], k[:, 1]), dtype=float)
        return out

    return spend_of


def _sorted_quantiles(ordered: np.ndarray, n_finite: np.ndarray, q: list[float]) -> np.ndarray:
    """Quantiles ``q`` of each row over its first ``n_finite`` values (linear interpolation).

    ``ordered``: rows sorted ascending with the non-finite values last (as ``inf``). The
    vectorised equivalent of ``np.nanquantile(axis=1)``, which loops over rows in Python.
    Rows without a finite value give NaN.
    """
    out = np.full((len(q), ordered.shape[0]), np.nan)
    has = n_finite > 0
    rows = np.flatnonzero(has)
    for i, level in enumerate(q):
        position = level * (n_finite[has] - 1)
        below = np.floor(position).astype(np.intp)
        above = np.minimum(below + 1, n_finite[has] - 1)
        low_value = ordered[rows, below]
        high_value = ordered[rows, above]
        out[i, has] = low_value + (position - below) * (high_value - low_value)
    return out


def _det_evaluator(draws, keys, step_ends, weights, progress, cancel):
    """``det_of(rows, cancel)``: (rows x draws) discounted expected transactions on ``keys[rows]``.

    For BG/NBD, MBG/NBD and Pareto/NBD the conditional expectation factorises as
    ``E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) * g(t, x, T)``: given that the customer is
    alive at T, the posterior of the purchase and dropout rates depends on x and T only (FHL
    2005a eq. 10; Schmittlein et al. 1987). ``g`` is then computed once per draw on the few
    distinct (x, T) pairs and the many (x, t_x, T) rows only need the cheap P(alive). The
    factorisation is checked numerically on the first draw; a model for which it does not hold
    is evaluated directly on every row.
    """
    x_t, x_t_index = _unique_rows(keys[:, [0, 2]])
    ref_recency = np.where(x_t[:, 0] > 0, x_t[:, 1], 0.0)
    g_det = np.empty((len(draws), len(x_t)))
    for j, (trans, _) in enumerate(draws):
        if cancel is not None and cancel():
            raise Cancelled()
        with np.errstate(all="ignore"):
            alive_ref = np.asarray(trans.p_alive(x_t[:, 0], ref_recency, x_t[:, 1]), dtype=float)
            cum = _cumulative_purchases(trans, step_ends, x_t[:, 0], ref_recency, x_t[:, 1])
            g_det[j] = _discounted(cum, weights) / alive_ref
        _report(progress, 0.1 + 0.4 * (j + 1) / len(draws), "intervals from parameter draws")

    transaction_draws = [trans for trans, _ in draws]
    batch = getattr(type(transaction_draws[0]), "p_alive_of_draws", None)
    if batch is None:  # a model outside the project's base class: draw by draw
        def batch(models, *rows):
            return np.column_stack([np.asarray(m.p_alive(*rows), dtype=float) for m in models])

    def factorised(j: int, rows: np.ndarray) -> np.ndarray:
        trans = draws[j][0]
        k = keys[rows]
        return np.asarray(trans.p_alive(k[:, 0], k[:, 1], k[:, 2]), dtype=float) * \
            g_det[j, x_t_index[rows]]

    def factorised_block(rows: np.ndarray, cancel) -> np.ndarray:
        k = keys[rows]
        return batch(transaction_draws, k[:, 0], k[:, 1], k[:, 2]) * g_det[:, x_t_index[rows]].T

    def direct(j: int, rows: np.ndarray) -> np.ndarray:
        k = keys[rows]
        cum = _cumulative_purchases(draws[j][0], step_ends, k[:, 0], k[:, 1], k[:, 2])
        return _discounted(cum, weights)

    def direct_block(rows: np.ndarray, cancel) -> np.ndarray:
        out = np.empty((len(rows), len(draws)))
        for j in range(len(draws)):
            if cancel is not None and cancel():
                raise Cancelled()
            out[:, j] = direct(j, rows)
        return out

    sample = np.linspace(0, len(keys) - 1, min(len(keys), 400)).astype(np.intp)
    with np.errstate(all="ignore"):
        exact, fast = direct(0, sample), factorised(0, sample)
    holds = np.allclose(fast, exact, rtol=1e-7, atol=1e-12, equal_nan=True)
    return factorised_block if holds else direct_block


def _segment_codes(index: pd.Index, segment: pd.Series | None) -> tuple[np.ndarray, list[str]]:
    if segment is None:
        return np.full(len(index), -1, dtype=np.intp), []
    if not isinstance(segment, pd.Series):
        raise InputError(code="segment_not_a_column")
    labels = segment.reindex(index).astype("string").fillna(MISSING_LABEL)
    codes, names = pd.factorize(labels, sort=True)
    return codes.astype(np.intp), [str(n) for n in names]


def _segment_table(out, seg_codes, seg_names, has_draws, seg_low, seg_high) -> pd.DataFrame:
    rows = []
    groups = [(name, seg_codes == s) for s, name in enumerate(seg_names)]
    groups.append((ALL_CUSTOMERS, np.ones(len(out), dtype=bool)))
    for s, (name, mask) in enumerate(groups):
        part = out.loc[mask]
        row = {"segment": name, "customers": int(mask.sum()),
               "expected_purchases": float(part["expected_purchases"].sum())}
        if "clv" in out:
            total = float(part["clv"].sum())
            row.update(clv=total, clv_mean=total / max(len(part), 1))
            if has_draws:
                row.update(clv_low=min(float(seg_low[s]), total),
                           clv_high=max(float(seg_high[s]), total))
        rows.append(row)
    return pd.DataFrame(rows)


def _report(progress, fraction: float, message: str) -> None:
    if progress is not None:
        progress(float(min(max(fraction, 0.0), 1.0)), message)
