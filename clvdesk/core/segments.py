"""Three-factor CLV per customer segment: average spend x purchase frequency x duration.

The textbook decomposition analysts use per customer group (e.g. Kumar 2006, "Customer Lifetime
Value", Foundations and Trends in Marketing 1(1); Gupta & Lehmann 2003). For each segment:

- ``aov`` average spend per order = revenue / orders (currency);
- ``frequency_per_year`` = orders / customer-years, where a customer's years are their tenure so
  far, (end - first order + 1 day) / 365.25: the pooled yearly purchase rate;
- ``lifespan_years`` either assumed (given) or *observed*: the mean tenure so far, a lower bound
  of the lifespan of customers who are still active;
- ``ltv`` = margin x aov x frequency_per_year x lifespan_years (before acquisition cost) and
  ``clv`` = ltv - cac, both by :func:`clvdesk.core.formulas.simple_clv`; ``ltv_cac`` =
  ltv / cac and ``payback_months`` = cac / (monthly margin), by the functions of
  :mod:`clvdesk.core.formulas`.

With the observed lifespan aov x frequency x lifespan is exactly the revenue per customer so
far, so the table reconciles with the books. A customer belongs to the segment of their first
order (the acquisition segment or channel); customers without a value (empty or blank) are in
``"(none)"``.
Orders are counted by ``order_id`` when the table has one (several rows of one order count
once), else by rows; returns are not orders. Returns are netted as in the summary
(:mod:`clvdesk.core.orderlog.queries`): revenue and margin are net of them, a customer's first
order is their first purchase day that was not cancelled, and customers left without a purchase
are in no segment. The totals are queried from the validated order log.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from clvdesk.core import formulas, units
from clvdesk.core.errors import InputError
from clvdesk.core.orderlog import margin_sql, opened

#: Row label of the line for all customers together.
TOTAL_LABEL = "all customers"
#: Segment label of customers whose segment column is empty.
MISSING_LABEL = "(none)"

SEGMENT_COLUMNS = (
    "customers", "orders", "revenue", "margin", "aov", "frequency_per_year", "lifespan_years",
    "lifespan_source", "ltv", "cac", "clv", "ltv_cac", "payback_months",
)


def order_margins(frame: pd.DataFrame, margin: float | None) -> np.ndarray:
    """Gross margin per order (currency) of a canonical order table.

    ``margin`` a fraction of revenue applies to every order. ``None`` takes the table's own
    figures: its ``margin`` column (a margin amount per order) if present, else
    ``amount - cost`` from a ``cost`` column, else the revenue itself (margin 100 %).
    """
    amount = frame["amount"].to_numpy(dtype=float)
    if margin is not None:
        return amount * formulas.check_number("margin", margin, low=0.0, high=1.0)
    if "margin" in frame.columns and pd.api.types.is_numeric_dtype(frame["margin"]):
        return frame["margin"].to_numpy(dtype=float)
    if "cost" in frame.columns and pd.api.types.is_numeric_dtype(frame["cost"]):
        return amount - frame["cost"].to_numpy(dtype=float)
    return amount


def segment_clv(
    orders: pd.DataFrame,
    segment_col: str | None = "segment",
    *,
    end=None,
    lifespan_years: float | Mapping[str, float] | None = None,
    margin: float | None = None,
    cac: float | Mapping[str, float] | None = None,
    include_total: bool = True,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Three-factor CLV per segment of ``segment_col`` (any column; ``None`` for all customers).

    ``end`` closes the observation period (inclusive, default the last order date).
    ``lifespan_years`` assumed lifespan in years, one number or one per segment; ``None`` uses
    the observed mean tenure. ``margin`` gross margin fraction (``None``: from the table's
    ``margin``/``cost`` columns, else 1). ``cac`` acquisition cost per customer, one number or
    one per segment; ``None`` takes the mean of an ``acquisition_cost`` column if there is one,
    else 0. Returns one row per segment (index ``segment``, largest revenue first) with the
    columns of :data:`SEGMENT_COLUMNS`, plus a row :data:`TOTAL_LABEL` when ``include_total``.
    """
    extras = () if segment_col is None or segment_col in (customer_col, date_col,
                                                          amount_col) else (segment_col,)
    if margin is not None:
        margin = formulas.check_number("margin", margin, low=0.0, high=1.0)
    with opened(orders, customer_col=customer_col, date_col=date_col, amount_col=amount_col,
                extras=extras) as log:
        end_day = log.end_day(end)
        segment_source = None if segment_col is None else (
            segment_col if extras else "customer_id")
        facts = log.calibration_customers(
            end_day, margin=margin_sql(log, margin), segment=segment_source,
            acquisition_cost=True).sort_index()
    end_stamp = pd.Timestamp(np.datetime64(end_day, "D"))
    per_customer = _per_customer(facts)
    if segment_col is None:
        per_customer["segment"] = TOTAL_LABEL
    else:
        per_customer["segment"] = segment_labels(facts["segment"]).reindex(per_customer.index)
    tenure_days = (end_stamp - per_customer["first"]).dt.days + 1
    per_customer["years"] = tenure_days / units.DAYS_PER_UNIT["years"]
    table_cac = (facts["acquisition_cost"].reindex(per_customer.index).astype(float)
                 if "acquisition_cost" in facts else np.nan)
    per_customer["cac"] = _by_segment(cac, per_customer["segment"], "cac", table_cac).fillna(0.0)
    per_customer["lifespan"] = _by_segment(
        lifespan_years, per_customer["segment"], "lifespan_years", np.nan
    )

    groups = {name: part for name, part in per_customer.groupby("segment", sort=False)}
    order = sorted(groups, key=lambda name: -groups[name]["revenue"].sum())
    if include_total and segment_col is not None:
        groups[TOTAL_LABEL] = per_customer
        order.append(TOTAL_LABEL)
    rows = [_segment_row(groups[name]) for name in order]
    table = pd.DataFrame(rows, index=pd.Index(order, name="segment"),
                         columns=list(SEGMENT_COLUMNS))
    table.attrs.update(end=end_stamp, segment_col=segment_col)
    return table


def segment_labels(values: pd.Series) -> pd.Series:
    """Segment labels as text, stripped; empty or missing values are :data:`MISSING_LABEL`."""
    labels = values.astype("string").str.strip()
    return labels.mask(labels == "", pd.NA).fillna(MISSING_LABEL).astype(str)


def _per_customer(facts: pd.DataFrame) -> pd.DataFrame:
    """First purchase, revenue, margin and orders per customer (in order of appearance)."""
    return pd.DataFrame({
        "first": facts["first_day"].to_numpy(dtype="int64").astype("datetime64[D]").astype(
            "datetime64[us]"),
        "revenue": facts["revenue"].to_numpy(dtype=float),
        "margin": facts["margin"].to_numpy(dtype=float),
        "orders": facts["orders"].to_numpy(dtype="int64"),
    }, index=facts.index)


def _segment_row(part: pd.DataFrame) -> dict:
    customers = len(part)
    orders = int(part["orders"].sum())
    revenue = float(part["revenue"].sum())
    margin_total = float(part["margin"].sum())
    margin_fraction = min(max(margin_total / revenue, 0.0), 1.0) if revenue > 0 else 1.0
    years = float(part["years"].sum())
    assumed = part["lifespan"].notna()
    lifespan = float(part["lifespan"].where(assumed, part["years"]).mean())
    source = "assumed" if assumed.all() else "observed" if not assumed.any() else "mixed"
    cost = float(part["cac"].mean())
    aov = revenue / orders
    frequency = orders / years
    ltv = formulas.simple_clv(aov, frequency, lifespan, margin=margin_fraction)
    return {
        "customers": customers,
        "orders": orders,
        "revenue": revenue,
        "margin": margin_total,
        "aov": aov,
        "frequency_per_year": frequency,
        "lifespan_years": lifespan,
        "lifespan_source": source,
        "ltv": ltv,
        "cac": cost,
        "clv": ltv - cost,
        "ltv_cac": formulas.ltv_cac_ratio(ltv, cost) if cost > 0 else np.nan,
        "payback_months": formulas.cac_payback_months(
            cost, aov * frequency / 12.0, margin_fraction
        ),
    }


def _by_segment(value, segments: pd.Series, what: str, default) -> pd.Series:
    """Per customer: one number for all, a segment's entry of a mapping, else ``default``."""
    if value is None:
        return pd.Series(default, index=segments.index, dtype=float)
    if isinstance(value, Mapping):
        checked = {str(k): formulas.check_number(f"{what} of '{k}'", v, low=0.0)
                   for k, v in value.items()}
        unknown = sorted(set(checked) - set(segments.unique()) - {TOTAL_LABEL})
        if unknown:
            raise InputError(code="unknown_segments", name=what, segments=", ".join(unknown))
        mapped = segments.map(checked).astype(float)
        fallback = pd.Series(default, index=segments.index, dtype=float)
        return mapped.where(mapped.notna(), fallback)
    return pd.Series(formulas.check_number(what, value, low=0.0), index=segments.index)
