"""Data-quality report of an order table: what is in it and what is wrong with it.

:func:`quality_report` takes the :class:`~clvdesk.core.io.readers.ImportResult` of a file (or a
canonical order table) and returns totals (rows, customers, total amount, first and last date)
and a list of :class:`QualityIssue`, each with the number of rows or customers concerned, a few
examples and the ``action``: what the computation does with them. The report and the importer
agree: every row the importer left out appears here under its reason.

Issue kinds (:data:`ISSUE_KINDS`), checked in this order:

* ``malformed_row``, ``missing_customer_id``, ``customer_id_too_long`` (over Excel's
  32,767-character cell limit), ``missing_date``, ``unparseable_date``, ``date_out_of_range``
  (years outside 1900-2200), ``missing_amount``, ``unparseable_amount``,
  ``amount_out_of_range`` (beyond 1e12: sums would overflow): rows left out of every
  computation;
* ``control_characters``: rows whose id or text holds ESC, NUL or another control character;
  kept, shown escaped and written to xlsx as ``_xHHHH_``;
* ``unparseable_value``: an optional column (quantity, cost, ...) whose value could not be read;
  the row is kept and the value treated as missing;
* ``duplicate_orders``: rows identical in every column to an earlier row (the extra copies are
  counted). Kept; the summary adds a customer's orders of one day together, so a double export
  inflates spend;
* ``negative_amounts``: returns and credit notes (amount < 0). Kept and netted into spend;
* ``zero_amounts``: orders of amount 0 (free samples, fully discounted). Kept as purchases;
* ``future_dates``: orders after ``today``. Kept; they move the default end of the analysis;
* ``outliers``: positive amounts whose logarithm lies more than 3 interquartile ranges beyond
  the quartiles of the log amounts (below Q1 - 3 IQR or above Q3 + 3 IQR of ln(amount), Tukey's
  "far out" fences (Tukey 1977, Exploratory Data Analysis) on the log scale, where order values
  are roughly symmetric); needs at least 20 positive amounts. Kept;
* ``one_time_buyers``: customers with purchases on a single day only, with their ``share`` of
  all customers; informational, always listed when there are customers;
* ``date_gaps``: calendar months between the first and last order without any order (often a
  missing export). No effect on the computation.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core.display import has_control, shown
from clvdesk.core.errors import InputError

#: Issue kinds and what the computation does with the rows concerned.
ISSUE_KINDS: dict[str, tuple[str, str]] = {
    "malformed_row": (
        "rows that do not split into the header's columns",
        "excluded: left out of every computation",
    ),
    "missing_customer_id": ("rows without a customer id", "excluded: left out of every computation"),
    "customer_id_too_long": (
        "customer ids longer than Excel's cell limit (32,767 characters)",
        "excluded: left out of every computation and every output",
    ),
    "missing_date": ("rows without a date", "excluded: left out of every computation"),
    "unparseable_date": ("dates that cannot be read", "excluded: left out of every computation"),
    "date_out_of_range": (
        "dates outside the years 1900-2200", "excluded: left out of every computation",
    ),
    "missing_amount": ("rows without an amount", "excluded: left out of every computation"),
    "unparseable_amount": (
        "amounts that cannot be read", "excluded: left out of every computation",
    ),
    "amount_out_of_range": (
        "amounts beyond a trillion (1e12) or not finite", "excluded: left out of every computation",
    ),
    "control_characters": (
        "customer ids or text with control characters (ESC, NUL, ...)",
        "kept: shown escaped (\\x1b) on screen and written to xlsx as _x001B_",
    ),
    "unparseable_value": (
        "values of optional columns that cannot be read",
        "kept: the row is used, the unreadable value is treated as missing",
    ),
    "duplicate_orders": (
        "rows identical to an earlier row",
        "kept: counted as orders; a customer's orders of one day are added into one purchase, "
        "so a double export inflates spend (remove the copies in the source if they are errors)",
    ),
    "negative_amounts": (
        "returns and negative amounts",
        "kept and netted: they lower the customer's spend; a return on a day without a "
        "purchase still counts as a purchase day",
    ),
    "zero_amounts": (
        "orders with amount 0",
        "kept: counted as purchases of value 0 (they lower the average order value)",
    ),
    "future_dates": (
        "orders dated after today",
        "kept: the analysis ends at the last order date unless an end date is set, so these "
        "move the end into the future; fix the dates or set the end date",
    ),
    "outliers": (
        "amounts far from the usual ones (beyond 3 IQR of the log amounts)",
        "kept: used as is; check them for typing errors such as a missing decimal comma",
    ),
    "one_time_buyers": (
        "customers who bought on one day only",
        "kept: they count in every model with no repeat purchases; the spend model "
        "(Gamma-Gamma) learns order values from repeat buyers only",
    ),
    "date_gaps": (
        "months without any order between the first and last order",
        "no effect on the computation; a month without orders often means a missing export",
    ),
}

#: Kinds of rows the importer leaves out (reported from its dropped rows).
_DROP_KINDS = frozenset({"malformed_row", "missing_customer_id", "customer_id_too_long",
                         "missing_date", "unparseable_date", "date_out_of_range",
                         "missing_amount", "unparseable_amount", "amount_out_of_range"})
#: Most examples listed per issue.
MAX_EXAMPLES = 5
#: Outlier fence in interquartile ranges of ln(amount), and the fewest amounts it needs.
OUTLIER_IQR = 3.0
OUTLIER_MIN_AMOUNTS = 20


@dataclass
class QualityIssue:
    """One kind of problem: ``count`` rows (customers for ``one_time_buyers``, months for
    ``date_gaps``), up to five ``examples`` as text, the ``action`` the computation takes,
    a one-line ``description`` and, where meaningful, the ``share`` of rows or customers."""

    kind: str
    count: int
    examples: list[str]
    action: str
    description: str = ""
    share: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class QualityReport:
    """Totals of the usable orders and the list of issues (see module doc).

    ``rows``: usable order rows; ``rows_read``: data rows in the source (usable + dropped);
    ``dropped_rows``: rows left out; ``blank_rows``: empty rows skipped; ``customers``: distinct
    customer ids; ``total_amount``: sum of amounts (returns netted), currency units;
    ``first_date``/``last_date``: first and last order day; ``today``: the day future dates are
    measured against.
    """

    rows: int
    rows_read: int
    dropped_rows: int
    blank_rows: int
    customers: int
    total_amount: float
    first_date: pd.Timestamp | None
    last_date: pd.Timestamp | None
    today: pd.Timestamp
    issues: list[QualityIssue] = field(default_factory=list)

    def issue(self, kind: str) -> QualityIssue | None:
        """The issue of ``kind``, or None when there is none."""
        return next((i for i in self.issues if i.kind == kind), None)

    def count(self, kind: str) -> int:
        """How many rows (customers, months) the issue ``kind`` concerns; 0 without it."""
        found = self.issue(kind)
        return 0 if found is None else found.count

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (dates as ISO ``YYYY-MM-DD``)."""
        return {
            "rows": self.rows,
            "rows_read": self.rows_read,
            "dropped_rows": self.dropped_rows,
            "blank_rows": self.blank_rows,
            "customers": self.customers,
            "total_amount": self.total_amount,
            "first_date": _iso(self.first_date),
            "last_date": _iso(self.last_date),
            "today": _iso(self.today),
            "issues": [issue.to_dict() for issue in self.issues],
        }


def quality_report(orders_or_import_result, *, today=None) -> QualityReport:
    """Report the quality of an import result or a canonical order table (module doc).

    An order table straight from the importer (``ImportResult.orders``) still carries the rows
    dropped at import in ``attrs["import"]``, and they are reported as from the import result.

    ``today`` (date or ISO text; default: the current date) is the day after which order dates
    count as future.
    """
    today = _today(today)
    orders, rows, dropped, blanked, blank_rows = _unpack(orders_or_import_result)
    orders, rows, own_drops = _usable(orders, rows)
    dropped = pd.concat([d for d in (dropped, own_drops) if len(d)], ignore_index=True) if (
        len(dropped) or len(own_drops)) else dropped
    table = _Table.of(orders, rows, today)
    issues: list[QualityIssue] = []
    for kind in ISSUE_KINDS:
        if kind in _DROP_KINDS:
            issue = _from_rows(kind, dropped)
        elif kind == "unparseable_value":
            issue = _from_rows(kind, blanked, with_column=True)
        else:
            issue = _CHECKS[kind](table)
        if issue is not None:
            issues.append(issue)
    dates = orders["date"]
    return QualityReport(
        rows=len(orders),
        rows_read=len(orders) + len(dropped),
        dropped_rows=len(dropped),
        blank_rows=blank_rows,
        customers=len(table.customer_ids),
        total_amount=float(orders["amount"].sum()),
        first_date=None if dates.empty else pd.Timestamp(dates.min()),
        last_date=None if dates.empty else pd.Timestamp(dates.max()),
        today=today,
        issues=issues,
    )


def _unpack(source) -> tuple[pd.DataFrame, np.ndarray, pd.DataFrame, pd.DataFrame, int]:
    """(orders, source row numbers, dropped rows, blanked values, blank rows) of the input."""
    empty = pd.DataFrame({"row": pd.Series(dtype="int64"), "reason": pd.Series(dtype="object"),
                          "column": pd.Series(dtype="object"), "value": pd.Series(dtype="object")})
    if isinstance(source, pd.DataFrame):
        record = source.attrs.get("import")
        if record is not None and len(getattr(record, "source_rows", ())) == len(source):
            return (source, np.asarray(record.source_rows), record.dropped, record.blanked,
                    int(record.blank_rows))
        return source, np.arange(1, len(source) + 1), empty, empty, 0
    orders = getattr(source, "orders", None)
    if not isinstance(orders, pd.DataFrame):
        raise InputError("quality_report needs an order table or an import result")
    rows = np.asarray(getattr(source, "source_rows", np.arange(1, len(orders) + 1)))
    blank_rows = int(getattr(source, "options", {}).get("blank_rows", 0))
    return (orders, rows, getattr(source, "dropped", empty), getattr(source, "blanked", empty),
            blank_rows)


def _usable(orders: pd.DataFrame, rows: np.ndarray) -> tuple[pd.DataFrame, np.ndarray,
                                                              pd.DataFrame]:
    """Canonical typed columns; rows the computation would leave out, listed as dropped."""
    missing = [c for c in ("customer_id", "date", "amount") if c not in orders.columns]
    if missing:
        raise InputError(f"the order table has no column {', '.join(missing)}; columns are: "
                         f"{', '.join(map(str, orders.columns))}")
    customers = orders["customer_id"].astype("str").str.strip()
    customers = customers.where(customers != "")
    raw_dates = orders["date"]
    dates = pd.to_datetime(raw_dates, errors="coerce")
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    dates = dates.dt.normalize()
    amounts = pd.to_numeric(orders["amount"], errors="coerce").astype("float64")
    amounts = amounts.where(np.isfinite(amounts))
    checks = (
        ("missing_customer_id", customers.isna(), orders["customer_id"]),
        ("missing_date", dates.isna() & raw_dates.isna(), raw_dates),
        ("unparseable_date", dates.isna() & raw_dates.notna(), raw_dates),
        ("missing_amount", amounts.isna() & orders["amount"].isna(), orders["amount"]),
        ("unparseable_amount", amounts.isna() & orders["amount"].notna(), orders["amount"]),
    )
    reason = pd.Series(None, index=orders.index, dtype="object")
    values = pd.Series("", index=orders.index, dtype="object")
    for kind, mask, source in checks:
        hit = mask & reason.isna()
        reason[hit] = kind
        values[hit] = source[hit].astype("str")
    bad = reason.notna().to_numpy()
    drops = pd.DataFrame({"row": rows[bad], "reason": reason[bad].to_numpy(),
                          "column": None, "value": values[bad].to_numpy()})
    clean = orders.assign(customer_id=customers, date=dates, amount=amounts)
    return clean.loc[~bad].reset_index(drop=True), rows[~bad], drops


def _from_rows(kind: str, rows: pd.DataFrame, with_column: bool = False) -> QualityIssue | None:
    hits = rows[rows["reason"] == kind] if len(rows) else rows
    if hits.empty:
        return None
    examples = []
    for _, hit in hits.head(MAX_EXAMPLES).iterrows():
        text = f"row {int(hit['row'])}"
        if with_column and isinstance(hit["column"], str):
            text += f" {hit['column']}"
        if isinstance(hit["value"], str) and hit["value"]:
            text += f": {shown(hit['value'], 60)}"
        examples.append(text)
    return _issue(kind, len(hits), examples)


def _issue(kind: str, count: int, examples: list[str], share: float | None = None,
           ) -> QualityIssue:
    description, action = ISSUE_KINDS[kind]
    return QualityIssue(kind=kind, count=int(count), examples=examples, action=action,
                        description=description, share=share)


@dataclass
class _Table:
    """The usable orders and what several checks share: customer codes and day numbers."""

    orders: pd.DataFrame
    rows: np.ndarray  # source row number per order
    today: pd.Timestamp
    codes: np.ndarray  # customer code per order, 0 .. len(customer_ids) - 1
    customer_ids: pd.Index
    days: np.ndarray  # order day, days since 1970-01-01

    @classmethod
    def of(cls, orders: pd.DataFrame, rows: np.ndarray, today: pd.Timestamp) -> _Table:
        codes, customer_ids = pd.factorize(orders["customer_id"])
        days = orders["date"].to_numpy().astype("datetime64[D]").astype(np.int64)
        return cls(orders, rows, today, codes, pd.Index(customer_ids), days)

    def examples(self, mask: np.ndarray) -> list[str]:
        """``row N: customer date amount`` for the first rows of ``mask``."""
        orders = self.orders
        return [
            f"row {int(self.rows[p])}: {shown(orders['customer_id'].iat[p], 60)} "
            f"{_iso(orders['date'].iat[p])} {_amount(orders['amount'].iat[p])}"
            for p in np.flatnonzero(mask)[:MAX_EXAMPLES]
        ]

    def rows_issue(self, kind: str, mask: np.ndarray) -> QualityIssue | None:
        if not mask.any():
            return None
        return _issue(kind, mask.sum(), self.examples(mask), share=mask.sum() / len(mask))


def _duplicates(table: _Table) -> QualityIssue | None:
    """Rows equal in every column to an earlier row (compared as codes: one hash per column)."""
    orders = table.orders
    if orders.empty:
        return None
    columns = {"customer_id": table.codes, "date": table.days,
               "amount": orders["amount"].to_numpy()}
    for name in orders.columns:
        if name not in columns:
            columns[name] = pd.factorize(orders[name])[0]
    mask = pd.DataFrame(columns).duplicated(keep="first").to_numpy()
    return table.rows_issue("duplicate_orders", mask)


def _negative(table: _Table) -> QualityIssue | None:
    return table.rows_issue("negative_amounts", (table.orders["amount"] < 0).to_numpy())


def _zero(table: _Table) -> QualityIssue | None:
    return table.rows_issue("zero_amounts", (table.orders["amount"] == 0).to_numpy())


def _future(table: _Table) -> QualityIssue | None:
    return table.rows_issue("future_dates", (table.orders["date"] > table.today).to_numpy())


def outlier_fences(amounts: pd.Series | np.ndarray) -> tuple[float, float] | None:
    """Lower and upper outlier fence in currency units (module doc), None with too few amounts.

    Fences: exp(Q1 - 3 IQR) and exp(Q3 + 3 IQR) of ln(amount) over the positive amounts.
    """
    values = np.asarray(amounts, dtype="float64")
    positive = values[np.isfinite(values) & (values > 0)]
    if positive.size < OUTLIER_MIN_AMOUNTS:
        return None
    logs = np.log(positive)
    q1, q3 = np.percentile(logs, [25, 75])
    iqr = q3 - q1
    return float(np.exp(q1 - OUTLIER_IQR * iqr)), float(np.exp(q3 + OUTLIER_IQR * iqr))


def _outliers(table: _Table) -> QualityIssue | None:
    fences = outlier_fences(table.orders["amount"])
    if fences is None:
        return None
    low, high = fences
    amounts = table.orders["amount"].to_numpy()
    mask = (amounts > 0) & ((amounts < low) | (amounts > high))
    if not mask.any():
        return None
    farthest = np.argsort(-np.abs(np.log(np.where(mask, amounts, 1.0))), kind="stable")
    shown = np.zeros_like(mask)
    shown[farthest[:MAX_EXAMPLES]] = True
    issue = _issue("outliers", mask.sum(), table.examples(shown & mask),
                   share=mask.sum() / len(mask))
    issue.description += f": outside {_amount(low)} .. {_amount(high)}"
    return issue


def _one_time(table: _Table) -> QualityIssue | None:
    """Customers with a single distinct order day."""
    if table.orders.empty:
        return None
    span = int(table.days.max() - table.days.min()) + 1
    customer_days = pd.unique(table.codes.astype(np.int64) * span + (table.days - table.days.min()))
    per_customer = np.bincount(customer_days // span, minlength=len(table.customer_ids))
    once = np.flatnonzero(per_customer == 1)
    return _issue("one_time_buyers", len(once),
                  [str(c) for c in table.customer_ids[once[:MAX_EXAMPLES]]],
                  share=len(once) / len(table.customer_ids))


def _gaps(table: _Table) -> QualityIssue | None:
    """Calendar months between the first and the last order without any order."""
    if table.orders.empty:
        return None
    months = table.orders["date"].to_numpy().astype("datetime64[M]").astype(np.int64)
    first, last = int(months.min()), int(months.max())
    present = np.zeros(last - first + 1, dtype=bool)
    present[pd.unique(months) - first] = True
    missing = np.flatnonzero(~present) + first
    if not missing.size:
        return None
    names = [str(np.datetime64(int(m), "M")) for m in missing[:MAX_EXAMPLES]]
    return _issue("date_gaps", missing.size, names, share=missing.size / present.size)


def _control_characters(table: _Table) -> QualityIssue | None:
    """Rows whose customer id or a text column holds a control character (checked on the
    distinct values only)."""
    orders = table.orders
    mask = np.zeros(len(orders), dtype=bool)
    for name in orders.columns:
        column = orders[name]
        if name == "date" or not (column.dtype == object or pd.api.types.is_string_dtype(column)):
            continue
        codes, uniques = pd.factorize(column)
        flagged = np.fromiter((isinstance(v, str) and has_control(v) for v in uniques),
                              dtype=bool, count=len(uniques))
        if flagged.any():
            mask |= (codes >= 0) & flagged[np.maximum(codes, 0)]
    return table.rows_issue("control_characters", mask)


_CHECKS = {
    "control_characters": _control_characters,
    "duplicate_orders": _duplicates,
    "negative_amounts": _negative,
    "zero_amounts": _zero,
    "future_dates": _future,
    "outliers": _outliers,
    "one_time_buyers": _one_time,
    "date_gaps": _gaps,
}


def _today(today) -> pd.Timestamp:
    if today is None:
        return pd.Timestamp.today().normalize()
    from clvdesk.core.dates import parse_date

    return pd.Timestamp(parse_date("today", today))


def _iso(value) -> str | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return None
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def _amount(value: float) -> str:
    return f"{value:,.2f}"
