"""The whole predictive-CLV job, once: order table + assumptions -> :class:`AnalysisResult`.

Steps (each reports progress and checks ``cancel`` before it starts):

1. data-quality report (:func:`clvdesk.core.quality.quality_report`);
2. customer summary in the chosen time unit, with a holdout if ``holdout_end`` is set
   (:func:`clvdesk.core.summary.summarize`);
3. transaction model fit (BG/NBD by default) on frequency, recency and T;
4. spend model fit (Gamma-Gamma) on the repeat buyers' frequency and mean repeat spend;
5. per-customer and per-segment predictions with parameter-draw intervals
   (:func:`clvdesk.core.clv.forecast_clv`), acquisition cost per segment;
6. cohort tables (:mod:`clvdesk.core.cohorts`);
7. model checks: actual against expected repeat transactions over time, and with a holdout,
   holdout purchases by calibration frequency and a comparison of the transaction models
   (:mod:`clvdesk.core.validation`);
8. what to act on: value tiers, churn risk, lifecycle status, next purchase, priority list,
   levers per segment and NPS groups (:mod:`clvdesk.core.actions`).

The CLI (``demo``, ``predict``), the desktop app and the report workbook all consume the same
:class:`AnalysisResult`, so a number shown anywhere was computed here once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core import units
from clvdesk.core.actions import ActionSettings
from clvdesk.core.dates import parse_date
from clvdesk.core.errors import Cancelled, DataError, InputError
from clvdesk.core.formulas import check_scalar
from clvdesk.core.json_ready import json_ready, records
from clvdesk.core.messages import Notice
from clvdesk.core.orderlog import OrderLog
from clvdesk.core.overview import Overview, overview_of
from clvdesk.core.segments import MISSING_LABEL, TOTAL_LABEL

Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]

#: Models a pipeline can use for transactions and for spend (CLI names).
TRANSACTION_MODEL_NAMES: tuple[str, ...] = ("bgnbd", "mbgnbd", "pareto-nbd")
SPEND_MODEL_NAMES: tuple[str, ...] = ("gamma-gamma",)

#: Columns of :attr:`AnalysisResult.segments`.
SEGMENT_COLUMNS: tuple[str, ...] = (
    "segment", "customers", "repeat_customers", "historical_spend", "average_order_value",
    "expected_purchases", "clv", "clv_mean", "clv_low", "clv_high", "clv_low_mean",
    "clv_high_mean", "acquisition_cost", "clv_net_mean", "ltv_cac",
)


#: Most parameter draws for the CLV interval (each draw predicts every customer once).
MAX_DRAWS = 10_000

@dataclass
class Assumptions:
    """Everything a user sets for one analysis. Rates are fractions (0.10 = 10 % a year).

    ``period``: time unit of the summary and the models (days, weeks, months).
    ``end``: last day of the calibration period (``None``: the last order date).
    ``holdout_end``: last day of a holdout period after ``end`` for model checks (``None``: no
    holdout; predictions then start at ``end``).
    ``horizon`` ``horizon_unit``: how far ahead CLV counts (12 months).
    ``margin``: share of revenue that is profit (0.3 = 30 %).
    ``annual_discount_rate``: per year, compounded per month (:mod:`clvdesk.core.clv`).
    ``cac``: acquisition cost per customer (currency; ``None``: each customer's value of an
    ``acquisition_cost`` column if the orders have one, else 0); ``cac_by_segment`` overrides
    it for named segments of ``segment_col`` (an order-table column such as ``segment`` or
    ``channel``; a customer belongs to the segment of their first order).
    ``model``: transaction model (``bgnbd``, ``mbgnbd``, ``pareto-nbd``); ``spend_model``:
    ``gamma-gamma`` or ``None`` (no monetary CLV, only purchases and P(alive)).
    ``interval``, ``n_draws``, ``seed``: CLV interval from ``n_draws`` parameter draws
    (``n_draws`` 0: none), reproducible with ``seed``.
    ``compare_models``: transaction models fitted for the comparison table (with a holdout).
    ``penalty``: L2 penalty per customer on the models' log parameters (0: plain maximum
    likelihood); ``auto_penalty``: when a fit is not identified, refit with the smallest
    penalty that identifies it (:mod:`clvdesk.core.models.regularisation`) and say so.
    ``actions``: tiers, churn window, status thresholds, lever step and referral value of the
    action lists (:class:`clvdesk.core.actions.ActionSettings`).
    """

    period: str = "weeks"
    end: dt.date | str | None = None
    holdout_end: dt.date | str | None = None
    horizon: float = 12.0
    horizon_unit: str = "months"
    margin: float = 0.3
    annual_discount_rate: float = 0.10
    cac: float | None = None
    cac_by_segment: dict[str, float] = field(default_factory=dict)
    segment_col: str | None = None
    model: str = "bgnbd"
    spend_model: str | None = "gamma-gamma"
    interval: float = 0.90
    n_draws: int = 200
    seed: int = 2005
    compare_models: tuple[str, ...] = TRANSACTION_MODEL_NAMES
    penalty: float = 0.0
    auto_penalty: bool = True
    actions: ActionSettings = field(default_factory=ActionSettings)

    @classmethod
    def demo(cls) -> Assumptions:
        """Defaults for the embedded CDNOW data: the papers' 39 + 39 weeks, BG/NBD + Gamma-Gamma.

        Margin 30 %, 10 % a year, 12 months ahead. Results per ``segment``: the size of the
        first basket of :func:`clvdesk.core.datasets.first_basket_segments`, so the orders
        must come from ``load_cdnow(segment=True)``; the models are still fitted on all
        customers (the published estimates). Acquisition cost $10 per customer, $15 for the
        "4+ CDs" segment (illustrative figures, CDNOW's costs are not published: think of a
        first-order offer on big baskets), so the CLV after acquisition cost differs by
        segment.
        """
        from clvdesk.core.datasets import CDNOW_END, CDNOW_HOLDOUT_END

        return cls(period="weeks", end=CDNOW_END, holdout_end=CDNOW_HOLDOUT_END, cac=10.0,
                   cac_by_segment={"4+ CDs": 15.0}, segment_col="segment")

    def validated(self) -> Assumptions:
        """A copy with canonical units and checked values; raises :class:`InputError`."""
        period = units.parse_unit(self.period)
        if period == "years":
            raise InputError(code="period_not_years", name="period")
        horizon_unit = units.parse_unit(self.horizon_unit)
        horizon = check_scalar("horizon", self.horizon, low=0.0, low_open=True)
        margin = check_scalar("margin", self.margin, low=0.0, high=1.0)
        rate = check_scalar("annual_discount_rate", self.annual_discount_rate, low=0.0, high=1.0)
        cac = None if self.cac is None else check_scalar("cac", self.cac, low=0.0)
        by_segment = {str(k): check_scalar(f"cac for segment {k}", v, low=0.0)
                      for k, v in dict(self.cac_by_segment or {}).items()}
        interval = check_scalar("interval", self.interval, low=0.0, high=1.0, low_open=True,
                           high_open=True)
        model = str(self.model).strip().lower()
        if model not in TRANSACTION_MODEL_NAMES:
            raise InputError(code="unknown_model", name="model", value=repr(self.model),
                             models=", ".join(TRANSACTION_MODEL_NAMES))
        spend = None if self.spend_model in (None, "", "none") else str(self.spend_model).lower()
        if spend is not None and spend not in SPEND_MODEL_NAMES:
            raise InputError(code="unknown_spend_model", name="spend_model",
                             models=", ".join(SPEND_MODEL_NAMES))
        compare = tuple(str(m).lower() for m in self.compare_models)
        unknown = [m for m in compare if m not in TRANSACTION_MODEL_NAMES]
        if unknown:
            raise InputError(code="unknown_compare_models", models=", ".join(unknown))
        if not isinstance(self.n_draws, int) or self.n_draws < 0:
            raise InputError(code="whole_number", name="n_draws")
        if 0 < self.n_draws < 20:
            raise InputError(code="draws_at_least_20", name="n_draws")
        from clvdesk.core.models.base import check_penalty

        penalty = check_penalty(self.penalty)
        if not isinstance(self.auto_penalty, bool):
            raise InputError(code="bad_auto_penalty")
        if self.n_draws > MAX_DRAWS:
            raise InputError(code="too_many_draws", value=self.n_draws, limit=MAX_DRAWS)
        end = parse_date("end", self.end)
        holdout_end = parse_date("holdout_end", self.holdout_end)
        if holdout_end is not None and end is None:
            raise InputError(code="holdout_needs_end")
        if holdout_end is not None and holdout_end <= end:
            raise InputError(code="holdout_before_end", holdout_end=str(holdout_end), end=str(end))
        actions = (self.actions if isinstance(self.actions, ActionSettings)
                   else ActionSettings.from_dict(self.actions)).validated()
        return dataclasses.replace(
            self, period=period, horizon_unit=horizon_unit, horizon=horizon, margin=margin,
            annual_discount_rate=rate, cac=cac, cac_by_segment=by_segment, interval=interval,
            model=model, spend_model=spend, compare_models=compare, end=end,
            holdout_end=holdout_end, penalty=penalty, actions=actions,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able values (dates as ISO text), for project files and ``--json``."""
        values = dataclasses.asdict(self)
        for key in ("end", "holdout_end"):
            if values[key] is not None:
                values[key] = str(parse_date(key, values[key]))
        values["compare_models"] = list(values["compare_models"])
        values["actions"] = ActionSettings(**values["actions"]).to_dict()
        return values

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Assumptions:
        """Inverse of :meth:`to_dict`; unknown keys raise :class:`InputError`."""
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - names)
        if unknown:
            raise InputError(code="unknown_assumptions", unknown=", ".join(unknown))
        values = dict(values)
        if "compare_models" in values:
            values["compare_models"] = tuple(values["compare_models"])
        return cls(**values).validated()


@dataclass
class AnalysisResult:
    """Everything :func:`run_analysis` computed; plain DataFrames and dicts.

    ``orders``: the order table as given. ``quality``: the data-quality report
    (``clvdesk.core.quality.quality_report(orders).to_dict()``). ``summary``: one row per customer
    (:func:`clvdesk.core.summary.summarize`, with ``segment`` when ``segment_col`` is set).
    ``model``/``spend_model``: fitted models (``spend_model`` None without one).
    ``predictions``: per customer (index ``customer_id``): ``frequency``, ``recency``, ``T``,
    ``p_alive``, ``expected_purchases`` and with a spend model ``expected_spend``, ``clv``,
    ``clv_low``, ``clv_high`` (see :func:`clvdesk.core.clv.predict_clv`), plus ``segment``.
    ``segments``: predictive CLV per segment, one row per segment and a last row
    :data:`clvdesk.core.segments.TOTAL_LABEL`, columns :data:`SEGMENT_COLUMNS` (money in
    currency units; ``clv_low``/``clv_high`` bound the segment total, ``*_mean`` per customer;
    ``acquisition_cost`` mean per customer; ``clv_net_mean`` = ``clv_mean - acquisition_cost``;
    ``ltv_cac`` = ``clv_mean / acquisition_cost``). ``segments_closed_form``: the three-factor
    table of :func:`clvdesk.core.segments.segment_clv` (aov x frequency x observed lifespan) on
    the calibration orders with the same margin and acquisition costs.
    ``cohorts``: the cohort tables of the calibration orders by name (``summary``, ``revenue``,
    ``margin``, ``active``; :func:`clvdesk.core.cohorts.cohort_tables`).
    ``tracking``: actual against expected repeat transactions per period
    (:func:`clvdesk.core.validation.tracking`). With a holdout: ``holdout_by_frequency``
    (:func:`clvdesk.core.validation.holdout_by_frequency`) and ``model_comparison``
    (:func:`clvdesk.core.validation.compare_models`); otherwise None.
    ``settings``: horizon in data units, discounting steps and draws actually used.
    ``warnings``: one-line notes for the user (e.g. customers left out of the spend model,
    a regularised estimate). ``regularisation``: per fitted model (transaction, spend) the
    :meth:`clvdesk.core.models.regularisation.Regularisation.to_dict` (``regularised``,
    ``penalty``, ``automatic``, ``reason``). ``spend_fit``: how the spend model was used
    (:func:`spend_fit_counts`; None without one).
    ``actions``: tiers, churn risk, status, priority list, levers and NPS groups
    (:func:`clvdesk.core.actions.compute_actions` with ``assumptions.actions``).
    ``nps``: each customer's latest NPS score (:func:`clvdesk.core.actions.latest_nps`), None
    without an ``nps`` column. ``overview``: the cards' and charts' figures
    (:func:`clvdesk.core.overview.overview_of`), computed here so no view scans the customers.
    """

    assumptions: Assumptions
    orders: pd.DataFrame | None
    quality: dict[str, Any]
    summary: pd.DataFrame
    model: Any
    spend_model: Any | None
    predictions: pd.DataFrame
    segments: pd.DataFrame
    segments_closed_form: pd.DataFrame
    cohorts: dict[str, pd.DataFrame]
    tracking: pd.DataFrame
    holdout_by_frequency: pd.DataFrame | None = None
    model_comparison: pd.DataFrame | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    actions: Any = None
    regularisation: list[dict[str, Any]] = field(default_factory=list)
    spend_fit: dict[str, Any] | None = None
    nps: pd.Series | None = None
    overview: Overview | None = None

    @property
    def regularised(self) -> bool:
        """True when any model's estimate is penalised (by the user or the rule)."""
        return any(entry["regularised"] for entry in self.regularisation)

    def to_dict(self, *, customers: bool = False) -> dict[str, Any]:
        """JSON-able dict (NaN becomes None, dates ISO text); per-customer rows if asked."""
        summary = self.summary
        result = {
            "assumptions": self.assumptions.to_dict(),
            "data": {
                "orders": self.quality.get("rows_read", 0) if self.orders is None
                else len(self.orders),
                "customers": len(summary),
                "repeat_customers": int((summary["frequency"] > 0).sum()),
                "period": summary.attrs.get("period"),
                "end": summary.attrs.get("end"),
                "holdout_end": summary.attrs.get("holdout_end"),
            },
            "quality": self.quality,
            "model": self.model.to_dict(),
            "spend_model": None if self.spend_model is None else self.spend_model.to_dict(),
            "settings": self.settings,
            "segments": records(self.segments),
            "segments_closed_form": records(self.segments_closed_form.reset_index()),
            "cohorts": {name: records(table.reset_index())
                        for name, table in self.cohorts.items()},
            "tracking": records(self.tracking),
            "holdout_by_frequency": records(self.holdout_by_frequency),
            "model_comparison": records(self.model_comparison),
            "warnings": list(self.warnings),
            "regularised": self.regularised,
            "regularisation": list(self.regularisation),
            "spend_fit": self.spend_fit,
            "actions": None if self.actions is None else self.actions.to_dict(),
        }
        if customers:
            result["customers"] = records(self.predictions.reset_index())
        return json_ready(result)


def run_analysis(
    orders: pd.DataFrame | OrderLog,
    assumptions: Assumptions | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> AnalysisResult:
    """Run the whole analysis on a canonical order table (see docs/ARCHITECTURE.md).

    ``orders`` is the table (pandas), or an :class:`~clvdesk.core.orderlog.OrderLog` read from
    a file by the engine (:meth:`~clvdesk.core.orderlog.OrderLog.from_file`: a log too large
    for memory; every step then queries it, the result's ``orders`` is None, and the log
    stays open for the caller to close).

    Raises :class:`InputError` for bad assumptions or columns, :class:`DataError` when the data
    cannot support the models (e.g. no repeat buyers), :class:`ConvergenceError` when a fit
    fails, and :class:`Cancelled` when ``cancel()`` returns True between or inside steps.
    """
    from clvdesk.core import clv, validation
    from clvdesk.core.cohorts import cohort_tables
    from clvdesk.core.models import get_model
    from clvdesk.core.segments import segment_clv
    from clvdesk.core.summary import summarize

    a = (assumptions or Assumptions()).validated()
    steps = _Steps(progress, cancel)
    warnings: list[str] = []
    given_log = isinstance(orders, OrderLog)
    if not given_log and not isinstance(orders, pd.DataFrame):
        raise InputError(code="orders_not_a_table")
    _check_segment_column(orders, a.segment_col)

    steps.start(0.00, "checking data quality")
    # the order table validated once; every step below queries it (closed when done, or
    # when collected after an error)
    if given_log:
        log, orders = orders, None
    else:
        log = OrderLog.from_frame(orders,
                                  extras=() if a.segment_col is None else (a.segment_col,))
    quality = _quality(orders, log)

    steps.start(0.05, "summarising customers")
    summary = summarize(log, period=a.period, end=a.end, holdout_end=a.holdout_end)
    segment = _customer_segments(log, summary, a.segment_col)
    if segment is not None:
        summary["segment"] = segment

    steps.start(0.15, f"fitting {a.model}")
    fits: list = []
    model = fit_transaction_model(get_model(a.model), summary,
                                  progress=steps.sub(0.15, 0.30), cancel=cancel,
                                  penalty=a.penalty, auto_penalty=a.auto_penalty, fits=fits)

    spend_model = spend_fit = None
    if a.spend_model is not None:
        steps.start(0.30, f"fitting {a.spend_model}")
        spend_model = fit_spend_model(get_model(a.spend_model), summary, warnings,
                                      progress=steps.sub(0.30, 0.40), cancel=cancel,
                                      penalty=a.penalty, auto_penalty=a.auto_penalty, fits=fits)
        spend_fit = spend_fit_counts(spend_model, summary)
    warnings.extend(note for fit in fits if (note := fit.note()) is not None)

    steps.start(0.40, "predicting CLV")
    forecast = clv.forecast_clv(
        model, spend_model, summary, horizon=a.horizon, horizon_unit=a.horizon_unit,
        margin=a.margin, annual_discount_rate=a.annual_discount_rate, interval=a.interval,
        n_draws=a.n_draws, rng=np.random.default_rng(a.seed), segment=segment,
        progress=steps.sub(0.40, 0.75), cancel=cancel,
    )
    predictions = forecast.customers
    if segment is not None:
        predictions["segment"] = segment
    if spend_model is not None and "clv_low" not in predictions:
        warnings.append(Notice("no_interval"))
    acquisition = _customer_cac(log, summary, a)
    segments = _segment_table(forecast.segments, summary, acquisition)

    steps.start(0.75, "building segment and cohort tables")
    by_segment_cac = _segment_cac(summary, acquisition)
    closed_form = segment_clv(log, a.segment_col, end=summary.attrs["end"], margin=a.margin,
                              cac=by_segment_cac)
    cohorts = cohort_tables(log, end=summary.attrs["end"], margin=a.margin,
                                 cac=by_segment_cac[TOTAL_LABEL])

    steps.start(0.78, "listing customers to act on")
    from clvdesk.core.actions import compute_actions, latest_nps

    nps = latest_nps(log if orders is None else orders, summary, warnings)
    actions = compute_actions(
        model=model, spend_model=spend_model, summary=summary, predictions=predictions,
        segments=segments, nps=nps, forecast_settings=forecast.settings,
        interval=a.interval, settings=a.actions)
    warnings.extend(actions.warnings)

    steps.start(0.80, "checking the model against the data")
    tracking = validation.tracking(model, summary, log)
    by_frequency = comparison = None
    if a.holdout_end is not None:
        by_frequency = validation.holdout_by_frequency(model, summary)
        comparison = validation.compare_models(
            summary, models=a.compare_models, fitted={a.model: model},
            progress=steps.sub(0.82, 1.0), cancel=cancel,
        )
    if not given_log:
        log.close()
    steps.start(1.0, "done")
    return AnalysisResult(
        assumptions=a, orders=orders, quality=quality, summary=summary, model=model,
        spend_model=spend_model, predictions=predictions, segments=segments,
        segments_closed_form=closed_form, cohorts=cohorts, tracking=tracking,
        holdout_by_frequency=by_frequency,
        model_comparison=comparison, settings=forecast.settings, warnings=warnings,
        regularisation=[fit.to_dict() for fit in fits], spend_fit=spend_fit,
        actions=actions, nps=nps, overview=overview_of(summary, predictions, model),
    )


# --------------------------------------------------------------------------------------------
# steps


class _Steps:
    """Progress reporting and cancel checks between (and, via :meth:`sub`, inside) steps."""

    def __init__(self, progress: Progress | None, cancel: Cancel | None) -> None:
        self._progress = progress
        self._cancel = cancel

    def start(self, fraction: float, message: str) -> None:
        if self._cancel is not None and self._cancel():
            raise Cancelled()
        if self._progress is not None:
            self._progress(fraction, message)

    def sub(self, low: float, high: float) -> Progress | None:
        if self._progress is None:
            return None
        outer = self._progress
        return lambda f, message: outer(low + (high - low) * f, message)


def _check_segment_column(orders: pd.DataFrame | OrderLog, column: str | None) -> None:
    """InputError naming the file's own columns when the segment column is not in the data."""
    if column is None:
        return
    if isinstance(orders, OrderLog):
        if column not in orders.extras:
            raise InputError(code="segment_column_not_found",
                             column=orders.columns.get(column, column),
                             columns=", ".join(orders.columns.values()))
        return
    if column not in orders.columns:
        headers = orders.attrs.get("headers", {})  # the file's own names of the columns
        raise InputError(code="segment_column_not_found",
                         column=headers.get(column, column),
                         columns=", ".join(str(headers.get(c, c)) for c in orders.columns))


def _quality(orders: pd.DataFrame | None, log) -> dict[str, Any]:
    """The quality report of the orders, or of the file log alone when there is no frame."""
    from clvdesk.core.quality import quality_report

    if orders is None:
        return quality_report(log).to_dict()
    return quality_report(orders, log=log).to_dict()


def fit_transaction_model(model_class, summary: pd.DataFrame, *, progress: Progress | None = None,
                          cancel: Cancel | None = None, penalty: float = 0.0,
                          auto_penalty: bool = False, fits: list | None = None):
    """Fit a transaction model on a summary's frequency, recency and T (DataError if hopeless).

    ``penalty``: L2 penalty on the log parameters; ``auto_penalty``: refit by the rule of
    :mod:`clvdesk.core.models.regularisation` when the fit is not identified. The
    :class:`~clvdesk.core.models.regularisation.Regularisation` is appended to ``fits``.
    """
    from clvdesk.core.models.regularisation import fit_with_penalty_rule

    if len(summary) < 2:
        raise DataError(code="too_few_customers", customers=len(summary))
    if not (summary["frequency"] > 0).any():
        raise DataError(code="no_repeat_buyers")
    check_summary(summary)
    columns = [summary[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T")]
    model, how = fit_with_penalty_rule(
        model_class.name, lambda pen: model_class().fit(*columns, progress=progress,
                                                        cancel=cancel, penalty=pen),
        penalty=penalty, auto=auto_penalty)
    if fits is not None:
        fits.append(how)
    return model


def check_summary(summary: pd.DataFrame) -> None:
    """Raise :class:`DataError` naming the first customer (by id) whose summary is unusable,
    and the line or row of the user's file or range it came from when the summary records it
    (:func:`clvdesk.core.summary_rows.check_summary_columns`). The models' own checks count
    rows; this one speaks of the customer and the line the user knows.
    """
    from clvdesk.core.summary_rows import check_summary_columns, source_rows

    names = ("frequency", "recency", "T", "periods", "monetary_value", "weights")
    columns = {name: pd.to_numeric(summary[name], errors="coerce").to_numpy(dtype=float)
               for name in names if name in summary.columns}
    check_summary_columns(columns, summary.index, source_rows(summary))


def fit_spend_model(model_class, summary: pd.DataFrame, warnings: list[str], *,
                    progress: Progress | None = None, cancel: Cancel | None = None,
                    penalty: float = 0.0, auto_penalty: bool = False,
                    fits: list | None = None):
    """Fit a spend model on the repeat buyers with a positive mean repeat spend.

    Repeat buyers whose mean repeat spend is 0 or less are left out, with a note in
    ``warnings``; they get the population mean spend, like one-time buyers
    (:func:`clvdesk.core.clv.spend_from_own_history`). ``penalty``, ``auto_penalty``, ``fits``
    as in :func:`fit_transaction_model`.
    """
    from clvdesk.core.clv import spend_from_own_history
    from clvdesk.core.models.regularisation import fit_with_penalty_rule

    frequency = summary["frequency"].to_numpy(dtype=float)
    monetary = summary["monetary_value"].to_numpy(dtype=float)
    # numpy masks: a boolean Series in .loc makes pandas hash the customer index (seconds at
    # ten million customers)
    repeat = frequency > 0
    positive = spend_from_own_history(frequency, monetary)
    left_out = int(repeat.sum() - positive.sum())
    if left_out:
        warnings.append(Notice("spend_left_out", count=left_out))
    if positive.sum() < 2:
        raise DataError(code="spend_needs_repeat_buyers")
    frequency, monetary = frequency[positive], monetary[positive]
    model, how = fit_with_penalty_rule(
        model_class.name, lambda pen: model_class().fit(frequency, monetary, progress=progress,
                                                        cancel=cancel, penalty=pen),
        penalty=penalty, auto=auto_penalty)
    if fits is not None:
        fits.append(how)
    return model


def spend_fit_counts(spend_model, summary: pd.DataFrame) -> dict[str, Any]:
    """Who the spend model's expected spend rests on, for the results and the report.

    ``fitted_on``: repeat buyers with a positive mean repeat spend (their own history counts);
    ``population_mean_customers``: everyone else, who get ``population_mean`` (currency per
    transaction), of whom ``repeat_buyers_left_out`` are repeat buyers with a mean repeat
    spend of 0 or less (e.g. after returns).
    """
    from clvdesk.core.clv import spend_from_own_history

    frequency = summary["frequency"].to_numpy(dtype=float)
    # numpy arrays: np.asarray of a Series probes attributes that pandas looks up in the
    # customer index (a hash of every id, 11 s at ten million customers)
    own = spend_from_own_history(frequency, summary["monetary_value"].to_numpy(dtype=float))
    repeat = frequency > 0
    try:
        mean = spend_model.population_mean()
    except DataError:
        mean = None
    return {"fitted_on": int(own.sum()), "population_mean_customers": int((~own).sum()),
            "repeat_buyers_left_out": int((repeat & ~own).sum()), "population_mean": mean}


def _customer_segments(log, summary: pd.DataFrame, segment_col: str | None) -> pd.Series | None:
    """Each customer's segment: the value of ``segment_col`` on their first order (by day,
    then source order), trimmed; blank or missing is :data:`MISSING_LABEL`."""
    if segment_col is None:
        return None
    first = _first_order_values(log, summary, segment=segment_col)
    labels = first["segment"].astype("string").str.strip().fillna(MISSING_LABEL)
    labels = labels.mask(labels == "", MISSING_LABEL)
    return labels.reindex(summary.index).fillna(MISSING_LABEL).rename("segment")


def _first_order_values(log, summary: pd.DataFrame, *, segment: str | None = None,
                        acquisition_cost: bool = False) -> pd.DataFrame:
    """:func:`~clvdesk.core.orderlog.queries.first_order_values` of ``log`` indexed by customer
    id (in the summary's id type), one row per customer of the valid orders."""
    from clvdesk.core.orderlog import queries

    rows = log.fetch(queries.first_order_values(segment=segment,
                                                acquisition_cost=acquisition_cost,
                                                with_ids=log.source is None))
    ids = log.customer_ids(rows["customer"], rows.get("customer_id"))
    columns = {name: rows[name] for name in ("segment", "acquisition_cost") if name in rows}
    frame = pd.DataFrame(columns, index=ids)
    frame.index = frame.index.astype(summary.index.dtype)
    return frame


def _customer_cac(log, summary: pd.DataFrame, a: Assumptions) -> pd.Series:
    """Acquisition cost per customer (currency): segment override, overall value, the first
    value of the orders' ``acquisition_cost`` column, or 0."""
    if a.cac is not None:
        cost = pd.Series(a.cac, index=summary.index, dtype=float)
    else:
        from_data = None
        if "acquisition_cost" in log.extras:
            values = _first_order_values(log, summary, acquisition_cost=True)["acquisition_cost"]
            from_data = values.astype(float) if values.notna().any() else None
        if from_data is None:
            cost = pd.Series(0.0, index=summary.index, dtype=float)
        else:
            cost = from_data.reindex(summary.index).fillna(0.0)
    if a.cac_by_segment:
        if "segment" not in summary:
            raise InputError(code="cac_needs_segments")
        unknown = sorted(set(a.cac_by_segment) - set(summary["segment"]))
        if unknown:
            raise InputError(code="unknown_segments", name="cac",
                             segments=", ".join(map(str, unknown)))
        override = summary["segment"].map(a.cac_by_segment).astype(float)
        cost = override.where(override.notna(), cost)
    return cost


def _segment_cac(summary: pd.DataFrame, cost: pd.Series) -> dict[str, float]:
    """Mean acquisition cost per customer of each segment and of all customers."""
    means = {TOTAL_LABEL: float(cost.mean()) if len(cost) else 0.0}
    if "segment" in summary:
        means.update({str(k): float(v) for k, v in cost.groupby(summary["segment"]).mean().items()})
    return means


def _segment_table(forecast_segments: pd.DataFrame, summary: pd.DataFrame,
                   cost: pd.Series) -> pd.DataFrame:
    """The forecast's segment rows with history, acquisition cost, net CLV and LTV:CAC."""
    table = forecast_segments.copy()
    label = summary["segment"] if "segment" in summary else pd.Series(TOTAL_LABEL,
                                                                     index=summary.index)
    frame = pd.DataFrame({
        "segment": label.astype(str),
        "repeat": (summary["frequency"] > 0).astype(int),
        "spend": summary["total_spend"].astype(float),
        "orders": summary["n_orders"].astype(float),
        "cac": cost.astype(float),
    })
    per_segment = frame.groupby("segment").agg(repeat=("repeat", "sum"), spend=("spend", "sum"),
                                               orders=("orders", "sum"), cac=("cac", "mean"))
    per_segment.loc[TOTAL_LABEL] = [frame["repeat"].sum(), frame["spend"].sum(),
                                    frame["orders"].sum(), frame["cac"].mean()]
    stats = per_segment.reindex(table["segment"])
    table["repeat_customers"] = stats["repeat"].to_numpy(dtype=int)
    table["historical_spend"] = stats["spend"].to_numpy(dtype=float)
    table["average_order_value"] = (stats["spend"] / stats["orders"]).to_numpy(dtype=float)
    cac = stats["cac"].to_numpy(dtype=float)
    table["acquisition_cost"] = cac
    if "clv" in table:
        if "clv_low" in table:
            table["clv_low_mean"] = table["clv_low"] / table["customers"]
            table["clv_high_mean"] = table["clv_high"] / table["customers"]
        table["clv_net_mean"] = table["clv_mean"] - cac
        with np.errstate(divide="ignore", invalid="ignore"):
            table["ltv_cac"] = np.where(cac > 0, table["clv_mean"] / np.where(cac > 0, cac, 1),
                                        np.nan)
    return table[[c for c in SEGMENT_COLUMNS if c in table.columns]]
