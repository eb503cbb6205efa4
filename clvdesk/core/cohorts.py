"""Cohort tables: customers grouped by the calendar month of their first order.

For each cohort (``"1997-01"``) and each month since the first order (month 0 = the calendar
month of the first order, month 1 the next calendar month, ...):

- ``revenue``: cumulative revenue per cohort customer up to and including that month;
- ``margin``: the same for gross margin (see :func:`clvdesk.core.segments.order_margins`);
- ``active``: share of the cohort's customers who ordered in that month.

Returns are netted as in the summary (:mod:`clvdesk.core.orderlog.queries`): revenue and margin
are net of them, in the month of the purchase they refund (a return before the first purchase in
the month of acquisition); a cohort is the month of the first purchase day that was not
cancelled, and "active" means a purchase day in that month. The rows come from the validated
order log.

Months after the end of the observation period are NaN (a month counts as observed when it
has started on or before ``end``, so the last month may be partial). Per cohort the summary
gives ``customers``, ``repeat_rate`` (share of customers who bought again on a later day up to
``end``), revenue and margin per customer to date, ``cac`` and ``payback_month``: the first
month since the first order in which the cumulative margin per customer reaches the CAC (NaN if
not yet reached, 0 if it is reached in the month of acquisition). The standard layout of cohort
analysis, e.g. Fader, "Customer Centricity" (2012), and Gupta et al. (2006), "Modeling Customer
Lifetime Value", J. Service Research 9(2).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from clvdesk.core import formulas
from clvdesk.core.orderlog import margin_sql, opened, queries

#: Columns of :attr:`CohortTable.summary`.
COHORT_SUMMARY_COLUMNS = (
    "customers", "repeat_rate", "revenue_per_customer", "margin_per_customer", "cac",
    "payback_month",
)


@dataclass(frozen=True)
class CohortTable:
    """The cohort analysis: one summary row per cohort and three cohort x month matrices.

    All frames are indexed by ``cohort`` (text ``"YYYY-MM"``, oldest first); the matrices have
    integer columns ``month`` (0 = month of the first order).
    """

    summary: pd.DataFrame
    revenue: pd.DataFrame
    margin: pd.DataFrame
    active: pd.DataFrame
    end: pd.Timestamp

    def frames(self) -> dict[str, pd.DataFrame]:
        """The four tables by name: ``summary``, ``revenue``, ``margin``, ``active``."""
        return {"summary": self.summary, "revenue": self.revenue, "margin": self.margin,
                "active": self.active}


def cohort_tables(orders: pd.DataFrame, **options) -> dict[str, pd.DataFrame]:
    """:func:`cohort_table` as a dict of DataFrames (see :meth:`CohortTable.frames`)."""
    return cohort_table(orders, **options).frames()


def cohort_table(
    orders: pd.DataFrame,
    *,
    end=None,
    margin: float | None = None,
    cac: float | None = None,
    max_months: int | None = None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str = "amount",
) -> CohortTable:
    """Cohort analysis of an order log by month of first order.

    ``end`` closes the observation period (inclusive; default the last order date), ``margin``
    the gross margin fraction (``None``: from the table's ``margin``/``cost`` columns, else 1),
    ``cac`` acquisition cost per customer (currency; ``None``: the cohort's mean of an
    ``acquisition_cost`` column if there is one, else no payback month), ``max_months`` cuts
    the matrices after that many months since the first order.
    """
    if max_months is not None:
        max_months = int(formulas.check_number("max_months", max_months, low=0.0))
    if margin is not None:
        margin = formulas.check_number("margin", margin, low=0.0, high=1.0)
    with opened(orders, customer_col=customer_col, date_col=date_col,
                amount_col=amount_col) as log:
        end_day = log.end_day(end)
        with_costs = cac is None and "acquisition_cost" in log.extras
        cells = log.fetch(queries.cohort_cells(
            end_day, has_order_id=log.has_order_id, value=margin_sql(log, margin),
            returns=log.returns > 0, acquisition_cost=with_costs))
    end_stamp = pd.Timestamp(np.datetime64(end_day, "D"))
    end_month = end_stamp.year * 12 + end_stamp.month - 1
    cohort_of_cell = cells["cohort"].astype(np.int64)
    age = cells["age"].astype(np.int64)
    cohorts = np.unique(cohort_of_cell)
    row = np.searchsorted(cohorts, cohort_of_cell)
    at_start = age == 0  # every customer is active in the month of their first purchase
    sizes = np.bincount(row[at_start], weights=cells["active"][at_start].astype(float),
                        minlength=len(cohorts))
    repeaters = np.bincount(row[at_start], weights=cells["repeaters"][at_start].astype(float),
                            minlength=len(cohorts))

    n_months = int(end_month - cohorts.min()) + 1
    if max_months is not None:
        n_months = min(n_months, max_months + 1)
    months = np.arange(n_months)
    observed = (cohorts[:, None] + months[None, :]) <= end_month
    labels = pd.Index([_month_label(m) for m in cohorts], name="cohort")
    columns = pd.Index(months, name="month")
    in_range = age < n_months

    def grid(values: np.ndarray, *, cumulative: bool) -> pd.DataFrame:
        cells_grid = np.zeros((len(cohorts), n_months))
        np.add.at(cells_grid, (row[in_range], age[in_range]), values[in_range])
        if cumulative:
            cells_grid = np.cumsum(cells_grid, axis=1)
        return pd.DataFrame(np.where(observed, cells_grid / sizes[:, None], np.nan),
                            index=labels, columns=columns)

    net = cells["net"].astype(float)
    net_margin = cells["net_value"].astype(float)
    revenue = grid(net, cumulative=True)
    margin_matrix = grid(net_margin, cumulative=True)
    active = grid(cells["active"].astype(float), cumulative=False)
    if cac is not None:
        cohort_cac = np.full(len(cohorts), formulas.check_number("cac", cac, low=0.0))
    elif with_costs:
        cohort_cac = np.full(len(cohorts), np.nan)
        cohort_cac[row] = cells["cohort_cac"].astype(float)
    else:
        cohort_cac = np.full(len(cohorts), np.nan)
    summary = pd.DataFrame(
        {
            "customers": sizes.astype(np.int64),
            "repeat_rate": repeaters / sizes,
            "revenue_per_customer": np.bincount(row, weights=net, minlength=len(cohorts))
            / sizes,
            "margin_per_customer": np.bincount(row, weights=net_margin,
                                               minlength=len(cohorts)) / sizes,
            "cac": cohort_cac,
            "payback_month": _payback_months(margin_matrix.to_numpy(), cohort_cac),
        },
        index=labels,
        columns=list(COHORT_SUMMARY_COLUMNS),
    )
    return CohortTable(summary=summary, revenue=revenue, margin=margin_matrix, active=active,
                       end=end_stamp)


def _payback_months(cumulative_margin: np.ndarray, cac: np.ndarray) -> np.ndarray:
    """First month index where the cumulative margin per customer reaches the CAC, else NaN."""
    reached = cumulative_margin >= cac[:, None]
    first = np.argmax(reached, axis=1).astype(float)
    first[~reached.any(axis=1) | np.isnan(cac)] = np.nan
    return first


def _month_label(month_number: int) -> str:
    year, month = divmod(int(month_number), 12)
    return f"{year:04d}-{month + 1:02d}"
