"""Act on CLV: value tiers, churn risk, lifecycle status, a priority list, levers and NPS.

One function, :func:`compute_actions`, turns a fitted analysis (the model, the spend model, the
customer summary and predictions of :func:`clvdesk.core.pipeline.run_analysis`) into what a
loyalty team acts on; the app's Actions page, the report's Actions sheet, ``clvdesk actions``
and the ``CLV_TIER``/``CLV_CHURN_RISK``/... UDFs all show its numbers. Settings are an
:class:`ActionSettings` (every threshold below is one of its fields).

**Value tier** (per customer). Customers ranked by predicted CLV (expected purchases when no
spend model was fitted), highest first, ties by customer id; with cut points ``tier_cuts``
``(0.10, 0.30)`` tier 1 is the top 10 % of customers, tier 2 the next 20 %, tier 3 the rest
(Shopify's "predicted spend tier"). Tier ``k`` holds the customers whose rank ``i`` (1-based) has
``cut_{k-1} n < i <= cut_k n``.

**Churn risk** (per customer): P(no purchase in the next ``churn_days`` days), from the fitted
transaction model, ``1 - P(alive) + P(alive) S(t)``; the derivation for BG/NBD, MBG/NBD and
Pareto/NBD is in :mod:`clvdesk.core.next_purchase`. Banded (Klaviyo's low/medium/high) by
``churn_bands`` ``(0.5, 0.8)``: low below 0.5, medium below 0.8, high from 0.8.

**Lifecycle status** (Optimove's stages), the first rule that holds:

1. ``new``: first purchase at most ``new_days`` (90) days before the end of the data;
2. ``lapsed``: P(alive) below ``lapsed_p_alive`` (0.30), or no purchase for ``lapsed_days``
   (365) days (BG/NBD keeps one-time buyers at P(alive) 1 forever; recency catches them);
3. ``at_risk``: P(alive) below ``at_risk_p_alive`` (0.70), or churn risk at least
   ``at_risk_churn`` (0.90);
4. ``active``: everyone else.

**Next purchase** (per customer): the median time to the next purchase *if the customer is
alive* (:func:`clvdesk.core.next_purchase.median_next_purchase`) as a date after the end of the
data; shown next to P(alive), which says how likely that "if" is.

**Priority list**: the tier x status matrix (customers and CLV at stake per cell), and the
customers in ``priority_tiers`` (tier 1) with a status in ``priority_statuses`` (at risk), by
CLV, for a CRM campaign.

**Levers** (per segment and for all customers): what ``lever_step`` (+5 %) is worth in total
CLV over the horizon, recomputed on the fitted model with each customer's own history (their
P(alive) and posterior rates stay; only the future changes). With ``c = 1 + lever_step`` and
``E[Y(t)]`` the model's conditional expected purchases:

* ``retention``: the dropout process ``c`` times slower: each customer's dropout rate (BG/NBD,
  MBG/NBD: the probability p of leaving after a purchase, p ~ Beta(a, b+x) given alive;
  Pareto/NBD: the death rate mu ~ Gamma(s, beta+T)) divided by ``c``, so the expected lifetime
  is ``c`` times longer. For Pareto/NBD that is ``beta + T -> c (beta + T)``; for the beta
  dropout no pair (a, b) scales p exactly, so it is applied through the identity
  ``E[Y(t) | lambda, p/c] = c E[Y(t/c) | lambda, p]`` (BG/NBD: ``E[Y(t)|lambda,p] = (1 -
  exp(-lambda p t))/p``; Pareto/NBD: ``lambda/mu (1 - exp(-mu t))``), exact in all three
  models;
* ``frequency``: each customer's purchase rate lambda times ``c``, i.e. ``alpha + T -> (alpha
  + T)/c``; BG/NBD, MBG/NBD: ``E[Y(t) | c lambda, p] = E[Y(c t) | lambda, p]`` (purchasing is a
  time change); Pareto/NBD: ``c E[Y(t)]``;
* ``order_value``: spend per order times ``c`` (Gamma-Gamma ``gamma -> c gamma``, so every
  customer's expected spend ``E[M | m_x, x]`` is ``c`` times higher): CLV times ``c``;
* ``acquisition_cost``: ``lever_step`` lower acquisition cost: ``lever_step x CAC`` per customer
  acquired like these (the CLV of customers already won does not change; this is the saving on
  the next cohort of the same size).

Each is discounted as the CLV itself (:mod:`clvdesk.core.clv`, same steps, horizon, margin and
rate), so the euro values add to the segment's CLV.

**NPS** (when the orders have an ``nps`` column, 0-10): each customer's latest score up to the
end of the data makes them a promoter (9-10), passive (7-8) or detractor (0-6) (Reichheld 2003,
"The One Number You Need to Grow", HBR). Per group: customers, mean CLV, P(alive) and churn risk
with ``interval`` confidence intervals of the mean (Student t, ``mean +- t sd / sqrt(n)``: how
sure the group means are, so groups can be compared), tier shares, and the NPS itself (% promoters
- % detractors). ``referral_value`` (currency per promoter, default 0) is an assumption the user
states: the value of the customers a promoter brings in, added once to each promoter's CLV in
``clv_with_referrals``.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core import next_purchase, units
from clvdesk.core.errors import InputError
from clvdesk.core.formulas import check_scalar
from clvdesk.core.json_ready import json_ready, records
from clvdesk.core.messages import Notice
from clvdesk.core.models.base import unique_rows
from clvdesk.core.segments import TOTAL_LABEL

STATUSES: tuple[str, ...] = ("new", "active", "at_risk", "lapsed")
CHURN_BANDS: tuple[str, ...] = ("low", "medium", "high")
LEVERS: tuple[str, ...] = ("retention", "frequency", "order_value", "acquisition_cost")
NPS_GROUPS: tuple[str, ...] = ("promoter", "passive", "detractor")

#: Columns of :attr:`Actions.customers`.
CUSTOMER_COLUMNS: tuple[str, ...] = (
    "segment", "clv", "p_alive", "tier", "churn_risk", "churn_band", "status",
    "days_since_last_purchase", "next_purchase_days", "next_purchase_date", "p_buy_again",
    "nps", "nps_group",
)
#: Dates further ahead than this are not shown (a "next purchase" in 100 years is no date).
MAX_NEXT_PURCHASE_DAYS = 36_525.0


@dataclass(frozen=True)
class ActionSettings:
    """Thresholds and steps of :func:`compute_actions` (defaults in the module docstring).

    ``tier_cuts``: increasing cumulative shares of customers in (0, 1) closing each tier but the
    last. ``churn_days``: churn window in days. ``churn_bands``: (medium from, high from).
    ``new_days``, ``lapsed_days``: days. ``lapsed_p_alive``, ``at_risk_p_alive``,
    ``at_risk_churn``: probabilities. ``lever_step``: relative step (0.05 = 5 %).
    ``referral_value``: currency per promoter. ``priority_tiers``: tier numbers (1 = top);
    ``priority_statuses``: statuses of :data:`STATUSES`.
    """

    tier_cuts: tuple[float, ...] = (0.10, 0.30)
    churn_days: float = 90.0
    churn_bands: tuple[float, float] = (0.5, 0.8)
    new_days: float = 90.0
    lapsed_days: float = 365.0
    lapsed_p_alive: float = 0.30
    at_risk_p_alive: float = 0.70
    at_risk_churn: float = 0.90
    lever_step: float = 0.05
    referral_value: float = 0.0
    priority_tiers: tuple[int, ...] = (1,)
    priority_statuses: tuple[str, ...] = ("at_risk",)

    def validated(self) -> ActionSettings:
        """A checked copy (tuples, floats); raises :class:`InputError` naming the setting."""
        cuts = tuple(check_scalar("tier cut point", c, low=0.0, high=1.0, low_open=True,
                                  high_open=True) for c in _sequence("tier_cuts", self.tier_cuts))
        if not cuts or list(cuts) != sorted(set(cuts)):
            raise InputError(code="tier_cuts_invalid")
        bands = tuple(check_scalar("churn band", b, low=0.0, high=1.0)
                      for b in _sequence("churn_bands", self.churn_bands))
        if len(bands) != 2 or bands[0] > bands[1]:
            raise InputError(code="churn_bands_invalid")
        statuses = tuple(str(s).strip().lower().replace(" ", "_")
                         for s in _sequence("priority_statuses", self.priority_statuses))
        unknown = [s for s in statuses if s not in STATUSES]
        if unknown:
            raise InputError(code="status_unknown",
                             status=", ".join(unknown), statuses=", ".join(STATUSES))
        tiers = []
        for tier in _sequence("priority_tiers", self.priority_tiers):
            number = check_scalar("priority tier", tier, low=1.0, high=len(cuts) + 1.0)
            if number != int(number):
                raise InputError(code="tier_invalid")
            tiers.append(int(number))
        probability = {"low": 0.0, "high": 1.0}
        return dataclasses.replace(
            self, tier_cuts=cuts, churn_bands=bands, priority_statuses=statuses,
            priority_tiers=tuple(tiers),
            churn_days=check_scalar("churn window (days)", self.churn_days, low=0.0,
                                    low_open=True),
            new_days=check_scalar("new customer window (days)", self.new_days, low=0.0),
            lapsed_days=check_scalar("lapsed after (days)", self.lapsed_days, low=0.0,
                                     low_open=True),
            lapsed_p_alive=check_scalar("lapsed below P(alive)", self.lapsed_p_alive,
                                        **probability),
            at_risk_p_alive=check_scalar("at risk below P(alive)", self.at_risk_p_alive,
                                         **probability),
            at_risk_churn=check_scalar("at risk from churn risk", self.at_risk_churn,
                                       **probability),
            lever_step=check_scalar("lever step", self.lever_step, low=0.0, high=1.0,
                                    low_open=True, high_open=True),
            referral_value=check_scalar("referral value per promoter", self.referral_value,
                                        low=0.0),
        )

    def to_dict(self) -> dict[str, Any]:
        values = dataclasses.asdict(self)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}

    @classmethod
    def from_dict(cls, values: dict[str, Any] | None) -> ActionSettings:
        """Inverse of :meth:`to_dict`; unknown keys raise :class:`InputError`."""
        values = dict(values or {})
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - names)
        if unknown:
            raise InputError(code="action_setting_unknown", setting=", ".join(unknown))
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
                   ).validated()


def _sequence(name: str, value) -> tuple:
    if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
        value = (value,)
    return tuple(value)


@dataclass
class Actions:
    """Result of :func:`compute_actions`.

    ``customers``: per customer (index ``customer_id``), columns :data:`CUSTOMER_COLUMNS`
    (``tier`` 1 = top, ``status`` one of :data:`STATUSES`, days and dates after the end of the
    data; ``nps``/``nps_group`` empty without an NPS column). ``matrix``: one row per tier x
    status (``tier``, ``status``, ``customers``, ``clv``, ``share_of_clv``). ``priority``: the
    customers to act on (:class:`ActionSettings` ``priority_*``), highest CLV first.
    ``levers``: one row per segment x lever (``segment``, ``lever``, ``customers``, ``clv``,
    ``value`` (total CLV gain, currency), ``value_per_customer``, ``share`` (of the segment's
    CLV)); last segment :data:`TOTAL_LABEL`. ``best_levers``: per segment the lever that pays
    most and the runner-up. ``nps``: one row per NPS group (None without scores);
    ``nps_score``. ``horizon``/``horizon_unit``: of the CLV. ``warnings``: notes.
    """

    settings: ActionSettings
    customers: pd.DataFrame
    matrix: pd.DataFrame
    priority: pd.DataFrame
    levers: pd.DataFrame
    best_levers: pd.DataFrame
    nps: pd.DataFrame | None = None
    nps_score: float | None = None
    horizon: float = 12.0
    horizon_unit: str = "months"
    value_column: str = "clv"
    warnings: list[str] = field(default_factory=list)

    def tier_labels(self, language: str = "en") -> dict[int, str]:
        return tier_labels(self.settings.tier_cuts, language)

    def to_dict(self, *, customers: bool = False) -> dict[str, Any]:
        """JSON-ready (NaN -> None); the per-customer table only if asked."""
        result = {
            "settings": self.settings.to_dict(),
            "horizon": self.horizon, "horizon_unit": self.horizon_unit,
            "value_column": self.value_column,
            "tiers": {str(k): v for k, v in self.tier_labels().items()},
            "status_counts": self.customers["status"].value_counts().reindex(
                list(STATUSES), fill_value=0).to_dict(),
            "matrix": records(self.matrix),
            "priority": records(self.priority.reset_index()),
            "levers": records(self.levers),
            "best_levers": records(self.best_levers),
            "sentences": [lever_sentence(row, self, "en") for _, row in
                          self.best_levers.iterrows()],
            "nps": None if self.nps is None else records(self.nps),
            "nps_score": self.nps_score,
            "warnings": list(self.warnings),
        }
        if customers:
            result["customers"] = records(self.customers.reset_index())
        return json_ready(result)


def tier_labels(cuts: tuple[float, ...], language: str = "en") -> dict[int, str]:
    """``{1: "Top 10 %", 2: "Next 20 %", 3: "Rest (70 %)"}`` (Dutch: Top, Volgende, Overige)."""
    words = {"en": ("Top", "Next", "Rest"), "nl": ("Top", "Volgende", "Overige")}[
        "nl" if language == "nl" else "en"]
    edges = (0.0, *cuts, 1.0)
    labels = {}
    for k in range(1, len(edges)):
        share = _percent(edges[k] - edges[k - 1], language)
        word = words[0] if k == 1 else words[2] if k == len(edges) - 1 else words[1]
        labels[k] = f"{word} ({share})" if k == len(edges) - 1 else f"{word} {share}"
    return labels


def _percent(value: float, language: str) -> str:
    text = f"{100 * value:.1f}".rstrip("0").rstrip(".")
    return (text.replace(".", ",") if language == "nl" else text) + " %"


# --------------------------------------------------------------------------------------------
# per customer


def value_tiers(values: Any, cuts: tuple[float, ...] = (0.10, 0.30),
                index: pd.Index | None = None) -> np.ndarray:
    """Tier (1 = top) of each value: ranked highest first (ties by position), cut at ``cuts``.

    Tier ``k`` holds ranks ``i`` (1-based) with ``cuts[k-2] n < i <= cuts[k-1] n``.
    """
    v = np.asarray(values, dtype=float).reshape(-1)
    if not np.all(np.isfinite(v)):
        raise InputError(code="tier_values_invalid")
    order = np.lexsort((np.arange(v.size), -v)) if index is None else \
        np.lexsort((np.asarray(index.astype(str)), -v))
    rank = np.empty(v.size, dtype=float)
    rank[order] = np.arange(1, v.size + 1)
    bounds = np.asarray(cuts, dtype=float) * v.size
    # a rank exactly on a bound belongs to the tier it closes (rounding guard 1e-9)
    return 1 + np.searchsorted(bounds + 1e-9, rank, side="left")


def churn_bands(risk: Any, bands: tuple[float, float] = (0.5, 0.8)) -> np.ndarray:
    """``"low"`` below ``bands[0]``, ``"medium"`` below ``bands[1]``, else ``"high"``."""
    r = np.asarray(risk, dtype=float)
    return np.where(r >= bands[1], "high", np.where(r >= bands[0], "medium", "low"))


def lifecycle_status(*, p_alive: Any, churn_risk: Any, days_since_first: Any,
                     days_since_last: Any, settings: ActionSettings) -> np.ndarray:
    """Status per customer by the rules of the module docstring (first that holds)."""
    alive = np.asarray(p_alive, dtype=float)
    risk = np.asarray(churn_risk, dtype=float)
    first = np.asarray(days_since_first, dtype=float)
    last = np.asarray(days_since_last, dtype=float)
    s = settings
    return np.select(
        [first <= s.new_days,
         (alive < s.lapsed_p_alive) | (last >= s.lapsed_days),
         (alive < s.at_risk_p_alive) | (risk >= s.at_risk_churn)],
        ["new", "lapsed", "at_risk"], default="active")


# --------------------------------------------------------------------------------------------
# the whole job


def compute_actions(*, model, spend_model, summary: pd.DataFrame, predictions: pd.DataFrame,
                    segments: pd.DataFrame | None = None, orders: pd.DataFrame | None = None,
                    nps: pd.Series | None = None,
                    forecast_settings: dict[str, Any], interval: float = 0.90,
                    settings: ActionSettings | None = None) -> Actions:
    """Tiers, churn risk, status, next purchase, matrix, priority list, levers and NPS.

    ``model``/``spend_model``, ``summary``, ``predictions``, ``segments`` (for acquisition
    costs), ``nps`` (each customer's latest score, :func:`latest_nps`; else found in
    ``orders``) and ``forecast_settings`` (horizon, margin, discounting) are those of an
    :class:`~clvdesk.core.pipeline.AnalysisResult`; ``interval`` the width of the NPS groups'
    intervals.
    """
    s = (settings or ActionSettings()).validated()
    warnings: list[str] = []
    period = units.parse_unit(summary.attrs.get("period", forecast_settings.get("period")))
    day = units.DAYS_PER_UNIT[period]
    end = pd.Timestamp(summary.attrs["end"]) if summary.attrs.get("end") is not None else None
    x = summary["frequency"].to_numpy(dtype=float)
    t_x = summary["recency"].to_numpy(dtype=float)
    age = summary["T"].to_numpy(dtype=float)

    value_column = "clv" if "clv" in predictions else "expected_purchases"
    if value_column != "clv":
        warnings.append(Notice("tiers_by_purchases"))
    value = predictions[value_column].to_numpy(dtype=float)
    p_alive = predictions["p_alive"].to_numpy(dtype=float)
    (ux, utx, uage), inverse = unique_rows(x, t_x, age)
    window = float(units.convert(s.churn_days, "days", period))
    risk = next_purchase.churn_risk(model, window, ux, utx, uage)[inverse]
    (vx, vage), inverse_xt = unique_rows(x, age)
    median = next_purchase.median_next_purchase(model, vx, vage)[inverse_xt] * day
    again = next_purchase.p_buy_again_if_alive(model, vx, vage)[inverse_xt]

    table = pd.DataFrame(index=summary.index.copy())
    table["segment"] = (predictions["segment"].astype(str) if "segment" in predictions
                        else TOTAL_LABEL)
    table["clv"] = value
    table["p_alive"] = p_alive
    table["tier"] = value_tiers(value, s.tier_cuts, summary.index)
    table["churn_risk"] = risk
    table["churn_band"] = churn_bands(risk, s.churn_bands)
    since_last = np.round((age - t_x) * day, 6)
    table["status"] = lifecycle_status(p_alive=p_alive, churn_risk=risk, days_since_first=age * day,
                                       days_since_last=since_last, settings=s)
    table["days_since_last_purchase"] = since_last
    shown = np.where(median <= MAX_NEXT_PURCHASE_DAYS, median, np.nan)
    table["next_purchase_days"] = shown
    table["next_purchase_date"] = (end + pd.to_timedelta(np.round(shown), unit="D")
                                   if end is not None else pd.NaT)
    table["p_buy_again"] = again
    scores = nps if nps is not None else latest_nps(orders, summary, warnings)
    table["nps"] = np.nan if scores is None else scores.reindex(summary.index).to_numpy()
    table["nps_group"] = nps_groups(table["nps"])
    if value_column != "clv":
        table = table.rename(columns={"clv": "expected_purchases"})

    levers = (lever_table(model, spend_model, summary, predictions, segments,
                          forecast_settings, s.lever_step, table["segment"])
              if value_column == "clv" else _empty_levers())
    nps_table, nps_score = (None, None)
    if scores is not None and scores.notna().any():
        nps_table, nps_score = nps_summary(table, value_column, s, interval)
    return Actions(
        settings=s, customers=table, matrix=tier_status_matrix(table, value_column, s),
        priority=priority_list(table, value_column, s), levers=levers,
        best_levers=best_levers(levers), nps=nps_table, nps_score=nps_score,
        horizon=float(forecast_settings.get("horizon", 12.0)),
        horizon_unit=str(forecast_settings.get("horizon_unit", "months")),
        value_column=value_column, warnings=warnings,
    )


def actions_for(result, settings: ActionSettings | None = None) -> Actions:
    """:func:`compute_actions` on an :class:`~clvdesk.core.pipeline.AnalysisResult` (no refit)."""
    return compute_actions(
        model=result.model, spend_model=result.spend_model, summary=result.summary,
        predictions=result.predictions, segments=result.segments, orders=result.orders,
        nps=result.nps,
        forecast_settings=result.settings, interval=result.assumptions.interval,
        settings=settings if settings is not None else result.assumptions.actions)


# --------------------------------------------------------------------------------------------
# priority list


def tier_status_matrix(customers: pd.DataFrame, value_column: str = "clv",
                       settings: ActionSettings | None = None) -> pd.DataFrame:
    """One row per tier x status: ``customers``, ``clv`` (sum) and ``share_of_clv``."""
    s = settings or ActionSettings()
    tiers = range(1, len(s.tier_cuts) + 2)
    grid = pd.MultiIndex.from_product([tiers, STATUSES], names=["tier", "status"])
    grouped = customers.groupby(["tier", "status"])[value_column].agg(["size", "sum"])
    grouped = grouped.reindex(grid, fill_value=0)
    total = float(customers[value_column].sum())
    out = pd.DataFrame({"customers": grouped["size"].astype(int),
                        "clv": grouped["sum"].astype(float)}, index=grid).reset_index()
    out["share_of_clv"] = out["clv"] / total if total else np.nan
    return out


#: Columns of :attr:`Actions.priority` (the CRM list), after the customer id.
PRIORITY_COLUMNS: tuple[str, ...] = ("segment", "tier", "status", "clv", "p_alive",
                                     "churn_risk", "churn_band", "days_since_last_purchase",
                                     "next_purchase_date", "nps")


def priority_list(customers: pd.DataFrame, value_column: str = "clv",
                  settings: ActionSettings | None = None) -> pd.DataFrame:
    """The customers to keep: tier in ``priority_tiers``, status in ``priority_statuses``."""
    s = settings or ActionSettings()
    chosen = customers[customers["tier"].isin(s.priority_tiers)
                       & customers["status"].isin(s.priority_statuses)]
    columns = [value_column if c == "clv" else c for c in PRIORITY_COLUMNS]
    return chosen.sort_values(value_column, ascending=False, kind="stable")[columns]


# --------------------------------------------------------------------------------------------
# levers


def _empty_levers() -> pd.DataFrame:
    return pd.DataFrame(columns=["segment", "lever", "customers", "clv", "value",
                                 "value_per_customer", "share"])


def discounted_purchases(model, step_ends: np.ndarray, weights: np.ndarray, x, t_x, age, *,
                         lever: str | None = None, step: float = 0.0) -> np.ndarray:
    """Discounted expected purchases over the horizon per customer, with a lever applied.

    ``sum_k w_k (E'[Y(t_k)] - E'[Y(t_{k-1})])`` with ``E'`` the model's conditional
    expectation under ``lever`` (``None``, ``"retention"`` or ``"frequency"``; module
    docstring). Without a lever this is the ``det`` of :mod:`clvdesk.core.clv`.
    """
    c = 1.0 + step
    pareto = model.name in next_purchase.PARETO_MODELS

    def cumulative(t: float) -> np.ndarray:
        if lever == "retention":
            return c * model.expected_purchases(t / c, x, t_x, age)
        if lever == "frequency":
            return (c * model.expected_purchases(t, x, t_x, age) if pareto
                    else model.expected_purchases(c * t, x, t_x, age))
        return model.expected_purchases(t, x, t_x, age)

    cum = np.vstack([np.asarray(cumulative(float(t)), dtype=float) for t in step_ends])
    return weights @ np.diff(cum, axis=0, prepend=0.0)


def lever_table(model, spend_model, summary: pd.DataFrame, predictions: pd.DataFrame,
                segments: pd.DataFrame | None, forecast_settings: dict[str, Any], step: float,
                segment: pd.Series) -> pd.DataFrame:
    """CLV gain of each lever per segment (and :data:`TOTAL_LABEL`); module docstring."""
    from clvdesk.core.clv import discount_factors, discount_steps

    period = units.parse_unit(forecast_settings["period"])
    step_ends = discount_steps(float(forecast_settings["horizon_periods"]), period,
                               forecast_settings.get("discount_step", "months"))
    weights = discount_factors(step_ends, period, float(forecast_settings["annual_discount_rate"]))
    margin = float(forecast_settings["margin"])
    (ux, utx, uage), inverse = unique_rows(*(summary[c].to_numpy(dtype=float)
                                             for c in ("frequency", "recency", "T")))
    base = discounted_purchases(model, step_ends, weights, ux, utx, uage)
    spend = predictions["expected_spend"].to_numpy(dtype=float)
    clv = predictions["clv"].to_numpy(dtype=float)
    gains = {"order_value": step * clv}
    for lever in ("retention", "frequency"):
        moved = discounted_purchases(model, step_ends, weights, ux, utx, uage, lever=lever,
                                     step=step)
        gains[lever] = margin * spend * (moved - base)[inverse]
    frame = pd.DataFrame({"segment": segment.astype(str).to_numpy(), "clv": clv, **gains})
    per_segment = frame.groupby("segment", sort=True).agg(
        customers=("clv", "size"), clv=("clv", "sum"),
        **{lever: (lever, "sum") for lever in gains})
    total = frame.drop(columns="segment").sum()
    per_segment.loc[TOTAL_LABEL] = [len(frame), total["clv"], *(total[k] for k in gains)]
    cac = _segment_cac(segments, per_segment.index)
    per_segment["acquisition_cost"] = step * cac * per_segment["customers"]
    rows = []
    for name, row in per_segment.iterrows():
        for lever in LEVERS:
            gain = float(row[lever])
            rows.append({"segment": name, "lever": lever, "customers": int(row["customers"]),
                         "clv": float(row["clv"]), "value": gain,
                         "value_per_customer": gain / row["customers"],
                         "share": gain / row["clv"] if row["clv"] else np.nan})
    table = pd.DataFrame(rows)
    table.attrs["step"] = step
    return table


def _segment_cac(segments: pd.DataFrame | None, names: pd.Index) -> np.ndarray:
    """Mean acquisition cost per customer of each segment (0 where unknown)."""
    if segments is None or "acquisition_cost" not in segments:
        return np.zeros(len(names))
    by_name = segments.set_index(segments["segment"].astype(str))["acquisition_cost"]
    return by_name.reindex(names).fillna(0.0).to_numpy(dtype=float)


def best_levers(levers: pd.DataFrame) -> pd.DataFrame:
    """Per segment: ``best`` lever and its ``best_value``, ``second`` and ``second_value``."""
    rows = []
    for name, group in levers.groupby("segment", sort=False):
        ranked = group.sort_values("value", ascending=False, kind="stable")
        best, second = ranked.iloc[0], ranked.iloc[1] if len(ranked) > 1 else None
        rows.append({"segment": name, "customers": int(best["customers"]),
                     "best": best["lever"], "best_value": float(best["value"]),
                     "best_value_per_customer": float(best["value_per_customer"]),
                     "second": None if second is None else second["lever"],
                     "second_value": np.nan if second is None else float(second["value"])})
    return pd.DataFrame(rows, columns=["segment", "customers", "best", "best_value",
                                       "best_value_per_customer", "second", "second_value"])


#: Words of :func:`lever_sentence`: what "+5 %" of a lever is called.
LEVER_WORDS = {
    "en": {"retention": "better retention", "frequency": "higher purchase frequency",
           "order_value": "higher order value", "acquisition_cost": "lower acquisition cost"},
    "nl": {"retention": "betere retentie", "frequency": "hogere aankoopfrequentie",
           "order_value": "hogere orderwaarde", "acquisition_cost": "lagere acquisitiekosten"},
}
_UNITS_NL = {"days": "dagen", "weeks": "weken", "months": "maanden", "years": "jaar"}


def lever_sentence(row, actions: Actions, language: str = "en", currency: str = "€",
                   all_label: str | None = None) -> str:
    """One sentence naming the lever that pays most in a segment (a :func:`best_levers` row).

    "In Webshop, 5 % better retention is worth €12,400 over 12 months; 5 % higher order value
    €8,100." (Dutch: "In Webshop is 5 % betere retentie € 12.400 waard over 12 maanden; ...").
    The acquisition-cost lever saves on the next customers won, so it is worded as a saving.
    """
    nl = language == "nl"
    words = LEVER_WORDS["nl" if nl else "en"]
    step = _percent(actions.settings.lever_step, language)
    horizon = f"{actions.horizon:g}".replace(".", ",") if nl else f"{actions.horizon:g}"
    unit = _UNITS_NL.get(actions.horizon_unit, actions.horizon_unit) if nl else \
        actions.horizon_unit
    if row["segment"] == TOTAL_LABEL:
        where = all_label or ("Over alle klanten" if nl else "Across all customers")
    else:
        where = f"In {row['segment']}"

    def money(value: float) -> str:
        return _money(value, currency, language)

    def phrase(lever: str, value: float, first: bool) -> str:
        what, amount = f"{step} {words[lever]}", money(value)
        if lever == "acquisition_cost":  # Dutch verb before the (plural) subject when first
            if nl:
                return (f"besparen {what} {amount} op evenveel nieuwe klanten" if first
                        else f"{what} besparen {amount}")
            return f"{what} saves {amount}" + (" on as many new customers" if first else "")
        if not first:
            return f"{what} {amount}"
        return (f"is {what} {amount} waard over {horizon} {unit}" if nl
                else f"{what} is worth {amount} over {horizon} {unit}")

    text = f"{where}{'' if nl else ','} {phrase(row['best'], row['best_value'], True)}"
    if row.get("second") is not None and not pd.isna(row["second_value"]):
        text += "; " + phrase(row["second"], row["second_value"], False)
    return text + "."


def _money(value: float, currency: str, language: str) -> str:
    text = f"{abs(value):,.0f}"
    if language == "nl":
        text = text.replace(",", ".")
    sign = "-" if value < -0.5 else ""
    return f"{sign}{currency}{text}" if language != "nl" else f"{sign}{currency} {text}"


# --------------------------------------------------------------------------------------------
# NPS


def latest_nps(orders, summary: pd.DataFrame,
               warnings: list[str] | None = None) -> pd.Series | None:
    """Each customer's latest NPS score (0-10) up to the end of the data; None without a column.

    ``orders``: the order table, or an :class:`~clvdesk.core.orderlog.OrderLog` carrying an
    ``nps`` column (asked by query). The latest is by date, then by position in the source.
    Scores that are not whole numbers 0..10 are ignored (with a note in ``warnings``).
    """
    from clvdesk.core.orderlog import OrderLog, queries

    if isinstance(orders, OrderLog):
        if "nps" not in orders.extras:
            return None
        end = summary.attrs.get("end")
        end_day = orders.last_day if end is None else int(
            np.datetime64(pd.Timestamp(end).date(), "D").astype(np.int64))
        rows = orders.fetch(queries.latest_scores("nps", end_day, low=0, high=10))
        bad = int(np.nansum(rows["ignored"]))
        if bad and warnings is not None:
            warnings.append(Notice("nps_ignored", count=bad))
        latest = pd.Series(rows["score"], index=pd.Index(rows["customer_id"]), name="nps")
        latest = latest.dropna()
        latest.index = latest.index.astype(summary.index.dtype)
        return latest.reindex(summary.index)
    if orders is None or "nps" not in orders.columns:
        return None
    frame = orders[["customer_id", "date", "nps"]].copy()
    frame["nps"] = pd.to_numeric(frame["nps"], errors="coerce")
    end = summary.attrs.get("end")
    if end is not None:
        frame = frame[frame["date"] <= pd.Timestamp(end)]
    given = frame["nps"].notna()
    valid = given & frame["nps"].between(0, 10) & (frame["nps"] == frame["nps"].round())
    bad = int((given & ~valid).sum())
    if bad and warnings is not None:
        warnings.append(Notice("nps_ignored", count=bad))
    frame = frame[valid].sort_values("date", kind="stable")
    latest = frame.drop_duplicates("customer_id", keep="last").set_index("customer_id")["nps"]
    latest.index = latest.index.astype(summary.index.dtype)
    return latest.reindex(summary.index)


def nps_groups(scores: Any) -> np.ndarray:
    """``promoter`` (9-10), ``passive`` (7-8), ``detractor`` (0-6), None without a score."""
    v = np.asarray(scores, dtype=float)
    group = np.where(v >= 9, "promoter", np.where(v >= 7, "passive", "detractor")).astype(object)
    group[np.isnan(v)] = None
    return group


def mean_interval(values: Any, interval: float = 0.90) -> tuple[float, float, float]:
    """Mean and its ``interval`` confidence bounds, ``mean +- t_{n-1} sd / sqrt(n)``.

    NaN bounds for fewer than two values.
    """
    from scipy.stats import t as student

    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if v.size == 0:
        return math.nan, math.nan, math.nan
    mean = float(v.mean())
    if v.size < 2:
        return mean, math.nan, math.nan
    half = float(student.ppf(0.5 + interval / 2, v.size - 1) * v.std(ddof=1) / math.sqrt(v.size))
    return mean, mean - half, mean + half


def nps_summary(customers: pd.DataFrame, value_column: str, settings: ActionSettings,
                interval: float = 0.90) -> tuple[pd.DataFrame, float]:
    """Per NPS group: customers, share, CLV, P(alive), churn risk (means with intervals), tier
    shares, referral value and CLV with referrals; and the NPS (% promoters - % detractors)."""
    scored = customers[customers["nps_group"].notna()]
    n = len(scored)
    tiers = range(1, len(settings.tier_cuts) + 2)
    rows = []
    for group in NPS_GROUPS:
        part = scored[scored["nps_group"] == group]
        row: dict[str, Any] = {"group": group, "customers": len(part),
                               "share": len(part) / n if n else np.nan}
        for column, key in ((value_column, "clv"), ("p_alive", "p_alive"),
                            ("churn_risk", "churn_risk")):
            mean, low, high = mean_interval(part[column], interval)
            row.update({f"{key}_mean": mean, f"{key}_low": low, f"{key}_high": high})
        row["clv_total"] = float(part[value_column].sum())
        for tier in tiers:
            row[f"tier_{tier}_share"] = float((part["tier"] == tier).mean()) if len(part) \
                else np.nan
        referral = settings.referral_value if group == "promoter" else 0.0
        row["referral_value"] = referral
        row["clv_with_referrals_mean"] = row["clv_mean"] + referral
        rows.append(row)
    table = pd.DataFrame(rows)
    score = 100.0 * (float((scored["nps_group"] == "promoter").mean())
                     - float((scored["nps_group"] == "detractor").mean())) if n else math.nan
    return table, score


def clv_with_referrals(customers: pd.DataFrame, referral_value: float,
                       value_column: str = "clv") -> pd.Series:
    """CLV plus ``referral_value`` for promoters (the stated referral assumption)."""
    return customers[value_column] + np.where(customers["nps_group"] == "promoter",
                                              referral_value, 0.0)
