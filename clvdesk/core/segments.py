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
once), else by rows.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from clvdesk.core import formulas, units
from clvdesk.core.errors import InputError
from clvdesk.core.summary import valid_orders

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


def customer_acquisition_costs(frame: pd.DataFrame) -> pd.Series | None:
    """Acquisition cost per customer from an ``acquisition_cost`` column (first value), or None."""
    if "acquisition_cost" not in frame.columns:
        return None
    costs = frame["acquisition_cost"]
    if not pd.api.types.is_numeric_dtype(costs) or costs.notna().sum() == 0:
        return None
    return costs.groupby(frame["customer_id"], sort=False).first()


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
    frame, end_stamp = valid_orders(
        orders, end=end, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    if segment_col is not None and segment_col not in orders.columns:
        headers = orders.attrs.get("headers", {})  # the file's own names of the columns
        raise InputError(code="segment_column_not_found", column=headers.get(segment_col, segment_col),
                         columns=", ".join(str(headers.get(c, c)) for c in orders.columns))
    source_col = {customer_col: "customer_id", date_col: "date", amount_col: "amount"}.get(
        segment_col, segment_col
    )
    frame = frame.sort_values("date", kind="stable")
    frame["_margin"] = order_margins(frame, margin)
    frame["_order"] = _order_keys(frame)

    per_customer = frame.groupby("customer_id", sort=False).agg(
        first=("date", "min"),
        revenue=("amount", "sum"),
        margin=("_margin", "sum"),
        orders=("_order", "nunique"),
    )
    if segment_col is None:
        per_customer["segment"] = TOTAL_LABEL
    else:
        first_value = frame.groupby("customer_id", sort=False)[source_col].first()
        labels = first_value.astype("string").str.strip()
        per_customer["segment"] = labels.mask(labels == "", pd.NA).fillna(MISSING_LABEL).astype(
            str)
    tenure_days = (end_stamp - per_customer["first"]).dt.days + 1
    per_customer["years"] = tenure_days / units.DAYS_PER_UNIT["years"]
    costs = customer_acquisition_costs(frame)
    table_cac = np.nan if costs is None else costs.reindex(per_customer.index)
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


def _order_keys(frame: pd.DataFrame) -> pd.Series:
    """One key per order: ``order_id`` when present (per customer), else the row itself."""
    if "order_id" in frame.columns and frame["order_id"].notna().all():
        return frame["order_id"].astype(str)
    return pd.Series(np.arange(len(frame)), index=frame.index)


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
