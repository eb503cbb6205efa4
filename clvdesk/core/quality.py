"""Data-quality report of an order table: what is in it and what is wrong with it.

:func:`quality_report` takes the :class:`~clvdesk.core.io.readers.ImportResult` of a file (or a
canonical order table, or an :class:`~clvdesk.core.orderlog.OrderLog` read from a file by
:meth:`~clvdesk.core.orderlog.OrderLog.from_file`, whose rows never come into memory) and
returns totals (rows, customers, total amount, first and last date) and a list of
:class:`QualityIssue`, each with the number of rows or customers concerned, a few examples and
the ``action``: what the computation does with them. The report and the importer agree: every
row the importer left out appears here under its reason.

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
* ``negative_amounts``: returns and credit notes (amount < 0). Kept and netted by the rule of
  :mod:`clvdesk.core.orderlog.queries` (by order id, else by date); the description says how
  many were netted each way and how many purchase days they cancelled (also in ``netting``);
* ``zero_amounts``: orders of amount 0 (free samples, fully discounted). Kept as purchases;
* ``future_dates``: orders after ``today``. Kept; they move the default end of the analysis;
* ``outliers``: positive amounts whose logarithm lies more than 3 interquartile ranges beyond
  the quartiles of the log amounts (below Q1 - 3 IQR or above Q3 + 3 IQR of ln(amount), Tukey's
  "far out" fences (Tukey 1977, Exploratory Data Analysis) on the log scale, where order values
  are roughly symmetric); needs at least 20 positive amounts. Kept;
* ``one_time_buyers``: customers with purchases on a single day only (returns netted), with their ``share`` of
  all customers; informational, always listed when there are customers;
* ``date_gaps``: calendar months between the first and last order without any order (often a
  missing export). No effect on the computation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core import display
from clvdesk.core.display import shown
from clvdesk.core.errors import InputError
from clvdesk.core.messages import ROLE_NAMES
from clvdesk.core.orderlog import OrderLog, queries
from clvdesk.core.orderlog.engine import DROP_EXAMPLES

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
        "kept and netted: each return is netted into the order with its order id, else into "
        "the customer's latest purchase day on or before it; a purchase day netted to zero "
        "or less is no purchase (its amounts still count in spend); a return before any "
        "purchase only lowers spend",
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
#: Most examples listed per issue (also those a file log records of its left-out rows).
MAX_EXAMPLES = DROP_EXAMPLES
#: Outlier fence in interquartile ranges of ln(amount), and the fewest amounts it needs.
OUTLIER_IQR = 3.0
OUTLIER_MIN_AMOUNTS = 20
#: The control characters of :func:`clvdesk.core.display.has_control` as an RE2 character class
#: (DuckDB's regular expressions write ``\u2028`` as ``\x{2028}``).
CONTROL_PATTERN = re.sub(r"\\u([0-9a-fA-F]{4})", r"\\x{\1}", display._CONTROL.pattern)


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
    measured against; ``netting``: how the returns were netted
    (:meth:`clvdesk.core.orderlog.OrderLog.netting_counts`: ``returns``, ``by_order``,
    ``by_date``, ``unmatched``, ``cancelled_days``, ``customers_without_purchase``).
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
    netting: dict[str, int] = field(default_factory=dict)

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
            "netting": dict(self.netting),
        }


def quality_report(orders_or_import_result, *, today=None,
                   log: OrderLog | None = None) -> QualityReport:
    """Report the quality of an import result, a canonical order table or an order log read
    from a file (module doc).

    An order table straight from the importer (``ImportResult.orders``) still carries the rows
    dropped at import in ``attrs["import"]``, and they are reported as from the import result.
    An :class:`~clvdesk.core.orderlog.OrderLog` from :meth:`~clvdesk.core.orderlog.OrderLog.
    from_file` is reported out of core: counts and the few example rows come from SQL, the rows
    it left out from its ``drop_record``; for a clean typed file the report equals the one of
    :func:`~clvdesk.core.io.readers.read_orders` of the same file (a Spark log, which has no
    such record, raises :class:`InputError` ``spark_quality``). An OrderLog of a frame is
    reported as its frame.

    ``today`` (date or ISO text; default: the current date) is the day after which order dates
    count as future. ``log``: the order table already validated
    (:class:`~clvdesk.core.orderlog.OrderLog` of the same orders, as :func:`run_analysis
    <clvdesk.core.pipeline.run_analysis>` passes it), used when it holds exactly the usable
    rows; otherwise the usable rows are validated here.
    """
    today = _today(today)
    if isinstance(orders_or_import_result, OrderLog):
        given = orders_or_import_result
        if given.source is None:
            return _file_report(given, today)
        orders_or_import_result, log = given.source, given
    orders, rows, dropped, blanked, blank_rows = _unpack(orders_or_import_result)
    usable, rows, own_drops = _usable(orders, rows)
    dropped = pd.concat([d for d in (dropped, own_drops) if len(d)], ignore_index=True) if (
        len(dropped) or len(own_drops)) else dropped
    own = log is None or len(own_drops) or log.rows != len(usable) or log.source is not orders
    if own:
        log = OrderLog.from_frame(usable)
    try:
        counts = dropped["reason"].value_counts().to_dict() if len(dropped) else {}
        return _report(_Table(usable, rows, today, log), dropped, counts, blanked, blank_rows)
    finally:
        if own:
            log.close()


def _file_report(log: OrderLog, today: pd.Timestamp) -> QualityReport:
    """The report of a log read from a file: its record of left-out rows, SQL for the rest."""
    record = log.drop_record
    if record is None:
        raise InputError(code="spark_quality")
    blanked = record.examples.iloc[:0]  # a typed file has no unreadable optional values
    return _report(_Table(None, None, today, log), record.examples, record.counts, blanked,
                   record.blank_rows)


def _report(table: _Table, dropped: pd.DataFrame, drop_counts: dict[str, int],
            blanked: pd.DataFrame, blank_rows: int) -> QualityReport:
    """The report: ``dropped`` lists (at least the first :data:`MAX_EXAMPLES` of) the rows left
    out by reason, ``drop_counts`` how many there are of each."""
    log = table.log
    totals = log.fetch(queries.totals())
    table.customers = int(totals["customers"][0])
    issues: list[QualityIssue] = []
    for kind in ISSUE_KINDS:
        if kind in _DROP_KINDS:
            issue = _from_rows(kind, dropped, drop_counts.get(kind, 0))
        elif kind == "unparseable_value":
            issue = _from_rows(kind, blanked, len(blanked), with_column=True)
        else:
            issue = _CHECKS[kind](table)
        if issue is not None:
            issues.append(issue)
    first, last = log.first_day, log.last_day
    dropped_rows = sum(int(n) for n in drop_counts.values())
    return QualityReport(
        rows=log.rows,
        rows_read=log.rows + dropped_rows,
        dropped_rows=dropped_rows,
        blank_rows=blank_rows,
        customers=table.customers,
        total_amount=float(totals["total_amount"][0]),
        first_date=None if first is None else pd.Timestamp(np.datetime64(first, "D")),
        last_date=None if last is None else pd.Timestamp(np.datetime64(last, "D")),
        today=table.today,
        issues=issues,
        netting=log.netting_counts(),
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
        raise TypeError("quality_report needs an order table or an import result")  # a caller's bug
    rows = np.asarray(getattr(source, "source_rows", np.arange(1, len(orders) + 1)))
    blank_rows = int(getattr(source, "options", {}).get("blank_rows", 0))
    return (orders, rows, getattr(source, "dropped", empty), getattr(source, "blanked", empty),
            blank_rows)


def _usable(orders: pd.DataFrame, rows: np.ndarray) -> tuple[pd.DataFrame, np.ndarray,
                                                              pd.DataFrame]:
    """Canonical typed columns; rows the computation would leave out, listed as dropped."""
    missing = [c for c in ("customer_id", "date", "amount") if c not in orders.columns]
    if missing:
        raise InputError(code="no_required_columns", roles=missing,
                         missing=" / ".join(ROLE_NAMES[m] for m in missing),
                         columns=", ".join(map(str, orders.columns)))
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


def _from_rows(kind: str, rows: pd.DataFrame, count: int,
               with_column: bool = False) -> QualityIssue | None:
    """The issue of the listed rows of reason ``kind`` (``count`` in all; examples: the first
    listed)."""
    if not count:
        return None
    hits = rows[rows["reason"] == kind]
    examples = []
    for _, hit in hits.head(MAX_EXAMPLES).iterrows():
        text = f"row {int(hit['row'])}"
        if with_column and isinstance(hit["column"], str):
            text += f" {hit['column']}"
        if isinstance(hit["value"], str) and hit["value"]:
            text += f": {shown(hit['value'], 60)}"
        examples.append(text)
    return _issue(kind, count, examples)


def _issue(kind: str, count: int, examples: list[str], share: float | None = None,
           ) -> QualityIssue:
    description, action = ISSUE_KINDS[kind]
    return QualityIssue(kind=kind, count=int(count), examples=examples, action=action,
                        description=description, share=share)


@dataclass
class _Table:
    """The validated order log (for the counts) and, for an in-memory table, the usable orders
    (for example texts); a log read from a file gives its example rows by SQL."""

    orders: pd.DataFrame | None  # None: a file log
    rows: np.ndarray | None  # source row number per order (None: row_no + first_row_number)
    today: pd.Timestamp
    log: OrderLog  # row_no = position in ``orders`` (a file log: position in the file)
    customers: int = 0  # distinct customer ids

    def examples(self, positions: Iterable[int]) -> list[str]:
        """``row N: customer date amount`` for the given positions (``row_no``)."""
        positions = [int(p) for p in positions]
        orders = self.orders
        if orders is None:
            found = self._file_rows(positions)
            return [f"row {p + self.log.first_row_number}: {shown(found[p][0], 60)} "
                    f"{_iso(found[p][1])} {_amount(found[p][2])}" for p in positions]
        return [
            f"row {int(self.rows[p])}: {shown(orders['customer_id'].iat[p], 60)} "
            f"{_iso(orders['date'].iat[p])} {_amount(orders['amount'].iat[p])}"
            for p in positions
        ]

    def customer_ids(self, positions: Iterable[int]) -> list[str]:
        """The customer id (as text) of the orders at the given positions."""
        positions = [int(p) for p in positions]
        if self.orders is None:
            found = self._file_rows(positions)
            return [str(found[p][0]) for p in positions]
        customers = self.orders["customer_id"]
        return [str(customers.iat[p]) for p in positions]

    def _file_rows(self, positions: list[int]) -> dict[int, tuple[Any, pd.Timestamp, float]]:
        """(customer id, date, amount) by ``row_no`` of a file log's valid orders."""
        if not positions:
            return {}
        hits = self.log.fetch(queries.rows_at(positions))
        days = np.asarray(hits["day"], dtype=np.int64).astype("datetime64[D]")
        return {int(r): (c, pd.Timestamp(d), float(a))
                for r, c, d, a in zip(hits["row_no"], hits["customer_id"], days, hits["amount"],
                                      strict=True)}

    def text_columns(self) -> list[str]:
        """A file log's validated columns held as text (customer ids, order ids, labels)."""
        described = self.log.fetch(f"SELECT column_name, column_type FROM (DESCRIBE "
                                   f"{queries.VALID})")
        return [str(name) for name, kind in zip(described["column_name"],
                                                described["column_type"], strict=True)
                if str(kind) == "VARCHAR"]

    def rows_issue(self, kind: str, condition: str) -> QualityIssue | None:
        hits = self.log.fetch(queries.rows_where(condition, MAX_EXAMPLES))
        if not hits["n"].size:
            return None
        count = int(hits["n"][0])
        return _issue(kind, count, self.examples(hits["row_no"]), share=count / self.log.rows)


def _duplicates(table: _Table) -> QualityIssue | None:
    """Rows equal in every column to an earlier row (a file log: every validated column)."""
    log = table.log
    if log.rows == 0:
        return None
    if table.orders is None:
        columns = ["customer_id", "day", "amount", *(["order_id"] if log.has_order_id else []),
                   *log.extras]
        hits = log.fetch(queries.duplicate_rows(columns, MAX_EXAMPLES, relation=queries.VALID))
    else:
        hits = log.fetch_with(table.orders, queries.duplicate_rows(
            [str(c).replace('"', '""') for c in table.orders.columns], MAX_EXAMPLES))
    if not hits["n"].size:
        return None
    count = int(hits["n"][0])
    return _issue("duplicate_orders", count, table.examples(hits["row_no"]),
                  share=count / table.log.rows)


def _negative(table: _Table) -> QualityIssue | None:
    issue = table.rows_issue("negative_amounts", "amount < 0")
    if issue is not None:
        n = table.log.netting_counts()
        issue.description += (
            f": {n['by_order']} netted by order id, {n['by_date']} by date, "
            f"{n['unmatched']} before any purchase; {n['cancelled_days']} purchase days "
            "cancelled")
    return issue


def _zero(table: _Table) -> QualityIssue | None:
    return table.rows_issue("zero_amounts", "amount = 0")


def _future(table: _Table) -> QualityIssue | None:
    today = int(np.datetime64(table.today.date(), "D").astype(np.int64))
    return table.rows_issue("future_dates", f"day > {today}")


def outlier_fences(amounts: pd.Series | np.ndarray) -> tuple[float, float] | None:
    """Lower and upper outlier fence in currency units (module doc), None with too few amounts.

    Fences: exp(Q1 - 3 IQR) and exp(Q3 + 3 IQR) of ln(amount) over the positive amounts.
    """
    values = np.asarray(amounts, dtype="float64")
    positive = values[np.isfinite(values) & (values > 0)]
    if positive.size < OUTLIER_MIN_AMOUNTS:
        return None
    q1, q3 = np.percentile(np.log(positive), [25, 75])
    return _fences(q1, q3)


def _fences(q1: float, q3: float) -> tuple[float, float]:
    iqr = q3 - q1
    return float(np.exp(q1 - OUTLIER_IQR * iqr)), float(np.exp(q3 + OUTLIER_IQR * iqr))


def _outliers(table: _Table) -> QualityIssue | None:
    quartiles = table.log.fetch(queries.log_amount_quartiles())
    if int(quartiles["n"][0]) < OUTLIER_MIN_AMOUNTS:
        return None
    low, high = _fences(float(quartiles["q1"][0]), float(quartiles["q3"][0]))
    hits = table.log.fetch(queries.farthest_rows(low, high, MAX_EXAMPLES))
    if not hits["n"].size:
        return None
    count = int(hits["n"][0])
    # examples listed in source order, as the other issues
    issue = _issue("outliers", count, table.examples(np.sort(hits["row_no"])),
                   share=count / table.log.rows)
    issue.description += f": outside {_amount(low)} .. {_amount(high)}"
    return issue


def _one_time(table: _Table) -> QualityIssue | None:
    """Customers with a single purchase day (returns netted as in the summary)."""
    log = table.log
    if log.rows == 0:
        return None
    hits = log.fetch(queries.one_time_buyers(log.last_day, has_order_id=log.has_order_id,
                                             limit=MAX_EXAMPLES, returns=log.returns > 0))
    count = int(hits["n"][0]) if hits["n"].size else 0
    return _issue("one_time_buyers", count, table.customer_ids(hits["first_row"]),
                  share=count / table.customers)


def _gaps(table: _Table) -> QualityIssue | None:
    """Calendar months between the first and the last order without any order."""
    if table.log.rows == 0:
        return None
    days = table.log.fetch(queries.distinct_days())["day"].astype(np.int64)
    months = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    first, last = int(months.min()), int(months.max())
    present = np.zeros(last - first + 1, dtype=bool)
    present[months - first] = True
    missing = np.flatnonzero(~present) + first
    if not missing.size:
        return None
    names = [str(np.datetime64(int(m), "M")) for m in missing[:MAX_EXAMPLES]]
    return _issue("date_gaps", missing.size, names, share=missing.size / present.size)


def _control_characters(table: _Table) -> QualityIssue | None:
    """Rows whose customer id or a text column holds a control character (checked on the
    distinct values only)."""
    orders = table.orders
    if orders is None:
        columns = table.text_columns()
        if not columns or table.log.rows == 0:
            return None
        hits = table.log.fetch(queries.control_character_rows(
            columns, CONTROL_PATTERN, MAX_EXAMPLES, relation=queries.VALID))
        if not hits["n"].size:
            return None
        count, positions = int(hits["n"][0]), hits["row_no"]
    else:
        mask = np.zeros(len(orders), dtype=bool)
        for name in orders.columns:
            column = orders[name]
            if name == "date" or not (column.dtype == object
                                      or pd.api.types.is_string_dtype(column)):
                continue
            codes, uniques = pd.factorize(column)
            flagged = np.fromiter((isinstance(v, str) and display.has_control(v)
                                   for v in uniques), dtype=bool, count=len(uniques))
            if flagged.any():
                mask |= (codes >= 0) & flagged[np.maximum(codes, 0)]
        count, positions = int(mask.sum()), np.flatnonzero(mask)[:MAX_EXAMPLES]
    if not count:
        return None
    return _issue("control_characters", count, table.examples(positions),
                  share=count / table.log.rows)


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
