"""The order-log SQL, written once in DuckDB's dialect (Spark runs it transpiled by sqlglot).

Every query reads the validated order table :data:`VALID` (built once by :func:`validate`)
with the columns ``row_no`` (position in the source, for the order of first appearance),
``customer_id``, ``day`` (days since 1970-01-01, INTEGER), ``amount`` (DOUBLE), optionally
``order_id`` (VARCHAR) and the pass-through columns (``segment``, ``margin``, ``cost``,
``acquisition_cost``, ...). Day numbers given to the builders are Python ints and are written
into the text as literals, so one text runs on both engines.

Only portable constructs are used: CTEs, joins, ``GROUP BY``, aggregate ``FILTER``,
``ARG_MIN`` (Spark ``MIN_BY``), ``CASE``, ``DATE_DIFF`` (Spark ``DATEDIFF``), ``TRY_CAST``; a finite
amount is ``ABS(amount) <= 1.79e308`` (NaN compares above every number in both engines).

Returns netting (:func:`netted_days`), one rule for the summary, cohorts and segments:

- a negative amount (a return) is netted into the order with the same ``order_id`` of the
  same customer when the table has an order column and the id matches (``how = 'order'``);
- otherwise into that customer's latest purchase day on or before the return
  (``how = 'date'``);
- a return before any purchase of the customer (``how = 'unmatched'``) nets into nothing: its
  amount counts in the customer's spend, it makes no purchase day;
- netting stays inside one period (calibration, holdout): a return matched to an order of the
  other period is not netted (``how = 'other_period'``), so the holdout never changes the
  calibration summary;
- a purchase day (a day with an order of amount >= 0) that received a return and whose net
  amount is zero or less is no purchase: it is not in frequency, recency or the first purchase;
  its amounts still count in the total spend. Orders of amount 0 without a return stay purchases.
"""

from __future__ import annotations

#: Name of the validated order table every query reads.
VALID = "clv_valid"
#: Name of the source relation :func:`validate` reads (a registered frame or a file scan).
SOURCE = "clv_source"

#: Period numbers of :func:`netted_days`: calibration, holdout, after the last day of interest.
CALIBRATION, HOLDOUT, AFTER = 0, 1, 2
#: The characters text ids are trimmed of (as the readers strip them): space, tab, line breaks.
WHITESPACE = "' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)"


def validate(*, customer: str, has_order_id: bool, extras: tuple[str, ...]) -> str:
    """Source rows -> valid orders: customer, date and a finite amount present and readable.

    ``customer`` is the SQL expression of the id (text ids from files are trimmed there, with
    blanks made NULL). ``day`` is the date floored to the day. Dates and amounts that do not
    read (text in a file) count as missing. The source has the canonical column names and
    ``row_no``.
    """
    inner = ["row_no", f"{customer} AS customer_id", "TRY_CAST(date AS DATE) AS date",
             "TRY_CAST(amount AS DOUBLE) AS amount"]
    outer = ["row_no", "customer_id",
             "CAST(DATE_DIFF('day', DATE '1970-01-01', date) AS INTEGER) AS day", "amount"]
    if has_order_id:
        inner.append("NULLIF(TRIM(CAST(order_id AS VARCHAR)), '') AS order_id")
        outer.append("order_id")
    quoted = [f'"{name}"' for name in extras]
    inner += quoted
    outer += quoted
    return (
        f"SELECT {', '.join(outer)} FROM (SELECT {', '.join(inner)} FROM {SOURCE}) s "
        "WHERE customer_id IS NOT NULL AND date IS NOT NULL AND amount IS NOT NULL "
        "AND ABS(amount) <= 1.7976931348623157e308"
    )


def counts() -> str:
    """Rows, first and last day of the valid orders, and ``returns``: rows of amount < 0."""
    return (f"SELECT COUNT(*) AS n, MIN(day) AS first_day, MAX(day) AS last_day, "
            f"COUNT(*) FILTER (WHERE amount < 0) AS returns FROM {VALID}")


def rows_until(last_day: int) -> str:
    """Positions (``row_no``) of the valid orders up to ``last_day``, in source order."""
    return f"SELECT row_no FROM {VALID} WHERE day <= {int(last_day)} ORDER BY row_no"


def _period(end_day: int, last_day: int, day: str = "day") -> str:
    """The period number of ``day`` (see :data:`CALIBRATION`)."""
    return (f"CASE WHEN {day} <= {int(end_day)} THEN {CALIBRATION} "
            f"WHEN {day} <= {int(last_day)} THEN {HOLDOUT} ELSE {AFTER} END")


def netting(end_day: int, last_day: int, *, has_order_id: bool, value: str = "amount",
            returns: bool = True) -> str:
    """The CTEs of the netting rule (module doc), ending in ``days`` and ``refunds_matched``.

    ``days``: one row per customer, day and period with ``net`` (sum of the amounts netted
    into that day), ``n_orders`` (orders of amount >= 0 on it), ``first_row`` (first source
    position of the customer's rows on it), ``refunded`` (1 if a return was netted into it) and
    ``purchase`` (whether it counts as a purchase day). Returns not netted into a purchase day
    form their own rows with ``n_orders = 0`` and ``purchase = false``, so spend totals stay
    whole. ``refunds_matched``: one row per return in calibration or holdout with ``how``
    (``order``, ``date``, ``other_period``, ``unmatched``) and ``target`` (the day it nets
    into, NULL if none). ``value`` is an SQL expression per order (a margin) netted along
    with the amount into ``net_value``.

    ``returns`` False (the log has no amount below 0, :attr:`OrderLog.returns`): nothing is
    netted, so ``days`` is one grouping of the orders, every day a purchase, without the
    matching joins (``refunds_matched`` is then not defined).
    """
    if not returns:
        return f"""
v AS (
    SELECT row_no, customer_id, day, amount, {value} AS value, {_period(end_day, last_day)} AS part
    FROM {VALID}
),
days AS (
    SELECT customer_id, day, part, SUM(amount) AS net, SUM(value) AS net_value,
        COUNT(*) AS n_orders, 0 AS refunded, MIN(row_no) AS first_row, TRUE AS purchase
    FROM v GROUP BY customer_id, day, part
)"""
    order_col = ", order_id" if has_order_id else ""
    by_order = (
        "by_order AS (SELECT r.row_no, MIN(b.day) AS target FROM refunds r JOIN buys b "
        "ON b.customer_id = r.customer_id AND b.order_id = r.order_id GROUP BY r.row_no),"
        if has_order_id else
        "by_order AS (SELECT row_no, CAST(NULL AS INTEGER) AS target FROM refunds WHERE 1 = 0),"
    )
    return f"""
v AS (
    SELECT row_no, customer_id, day, amount, {value} AS value{order_col},
        {_period(end_day, last_day)} AS part
    FROM {VALID}
),
buys AS (
    SELECT row_no, customer_id, day, part, amount, value{order_col} FROM v WHERE amount >= 0
),
buy_days AS (SELECT DISTINCT customer_id, day, part FROM buys WHERE part < {AFTER}),
refunds AS (
    SELECT row_no, customer_id, day, part, amount, value{order_col} FROM v
    WHERE amount < 0 AND part < {AFTER}
),
{by_order}
by_date AS (
    SELECT r.row_no, MAX(b.day) AS target FROM refunds r JOIN buy_days b
    ON b.customer_id = r.customer_id AND b.part = r.part AND b.day <= r.day
    GROUP BY r.row_no
),
refunds_matched AS (
    SELECT r.row_no, r.customer_id, r.day, r.part, r.amount, r.value,
        CASE WHEN o.target IS NOT NULL THEN
                CASE WHEN ({_period(end_day, last_day, 'o.target')}) = r.part
                     THEN 'order' ELSE 'other_period' END
             WHEN d.target IS NOT NULL THEN 'date' ELSE 'unmatched' END AS how,
        CASE WHEN o.target IS NOT NULL THEN
                CASE WHEN ({_period(end_day, last_day, 'o.target')}) = r.part
                     THEN o.target END
             ELSE d.target END AS target
    FROM refunds r LEFT JOIN by_order o ON o.row_no = r.row_no
    LEFT JOIN by_date d ON d.row_no = r.row_no
),
entries AS (
    SELECT customer_id, day, part, amount, value, row_no, 1 AS is_order, 0 AS is_refund
    FROM buys
    UNION ALL
    SELECT customer_id, COALESCE(target, day) AS day, part, amount, value, row_no,
        0 AS is_order, CASE WHEN target IS NULL THEN 0 ELSE 1 END AS is_refund
    FROM refunds_matched
    UNION ALL
    SELECT customer_id, day, part, amount, value, row_no, 0, 0 FROM v
    WHERE amount < 0 AND part = {AFTER}
),
grouped AS (
    SELECT customer_id, day, part, SUM(amount) AS net, SUM(value) AS net_value,
        SUM(is_order) AS n_orders, MAX(is_refund) AS refunded, MIN(row_no) AS first_row
    FROM entries GROUP BY customer_id, day, part
),
days AS (
    SELECT customer_id, day, part, net, net_value, n_orders, refunded, first_row,
        (n_orders > 0 AND (refunded = 0 OR net > 0)) AS purchase
    FROM grouped
)"""


def summary(end_day: int, last_day: int, *, has_order_id: bool, with_ids: bool,
            returns: bool = True, whole_log: bool = False) -> str:
    """One row per customer with a purchase day up to ``end_day``, in no particular order
    (``first_row`` gives the order of first appearance; sorting 1.2M rows is cheaper in numpy
    than in the engine).

    Integer columns: ``first_row``, ``n_days`` (purchase days), ``first_day``, ``last_day``,
    ``n_orders``, ``n_days_holdout``; DOUBLE: ``spend_days`` (net of the purchase days),
    ``first_spend`` (net of the first), ``total_spend`` (all calibration amounts),
    ``spend_holdout`` (net of the holdout purchase days). ``customer_id`` too with ``with_ids``.
    ``returns``: as in :func:`netting`. ``whole_log``: every valid order is on or before
    ``end_day`` and there is no holdout (``last_day == end_day``); with ``returns`` False too,
    every order is in a calibration purchase day and the summary is one grouping by customer
    and day and one by customer (:func:`_plain_summary`), the same numbers without the period
    and purchase filters.
    """
    if whole_log and not returns and last_day == end_day:
        return _plain_summary(with_ids)
    cal = f"part = {CALIBRATION} AND purchase"
    hold = f"part = {HOLDOUT} AND purchase"
    ids = "customer_id, " if with_ids else ""
    return f"""WITH {netting(end_day, last_day, has_order_id=has_order_id, returns=returns)},
customers AS (
    SELECT customer_id,
        MIN(first_row) AS first_row,
        COUNT(*) FILTER (WHERE {cal}) AS n_days,
        MIN(day) FILTER (WHERE {cal}) AS first_day,
        MAX(day) FILTER (WHERE {cal}) AS last_day,
        SUM(net) FILTER (WHERE {cal}) AS spend_days,
        ARG_MIN(net, day) FILTER (WHERE {cal}) AS first_spend,
        CAST(SUM(n_orders) FILTER (WHERE part = {CALIBRATION}) AS BIGINT) AS n_orders,
        SUM(net) FILTER (WHERE part = {CALIBRATION}) AS total_spend,
        COUNT(*) FILTER (WHERE {hold}) AS n_days_holdout,
        SUM(net) FILTER (WHERE {hold}) AS spend_holdout
    FROM days GROUP BY customer_id
)
SELECT {ids}first_row, n_days, first_day, last_day, spend_days, first_spend, n_orders,
    total_spend, n_days_holdout, COALESCE(spend_holdout, 0.0) AS spend_holdout
FROM customers WHERE n_days > 0"""


def _plain_summary(with_ids: bool) -> str:
    """:func:`summary` of a log whose orders are all calibration purchases (no returns, none
    after the end, no holdout): its columns but the holdout ones and ``total_spend``, which
    equals ``spend_days`` here."""
    ids = "customer_id, " if with_ids else ""
    return f"""WITH days AS (
    SELECT customer_id, day, SUM(amount) AS net, COUNT(*) AS n_orders, MIN(row_no) AS first_row
    FROM {VALID} GROUP BY customer_id, day
)
SELECT {ids}MIN(first_row) AS first_row, COUNT(*) AS n_days, MIN(day) AS first_day,
    MAX(day) AS last_day, SUM(net) AS spend_days, ARG_MIN(net, day) AS first_spend,
    CAST(SUM(n_orders) AS BIGINT) AS n_orders
FROM days GROUP BY customer_id"""


def netting_counts(last_day: int, *, has_order_id: bool) -> str:
    """Returns by how they were netted, and purchase days they cancelled, over the whole log.

    One row: ``returns``, ``by_order``, ``by_date``, ``unmatched``, ``cancelled_days``
    (purchase days whose net became zero or less) and ``customers_without_purchase``
    (customers all of whose purchase days were cancelled or who only returned).
    """
    return f"""WITH {netting(last_day, last_day, has_order_id=has_order_id)},
per_customer AS (
    SELECT customer_id, COUNT(*) FILTER (WHERE purchase) AS n_days FROM days
    WHERE part = {CALIBRATION} GROUP BY customer_id
)
SELECT
    (SELECT COUNT(*) FROM refunds_matched) AS returns,
    (SELECT COUNT(*) FROM refunds_matched WHERE how = 'order') AS by_order,
    (SELECT COUNT(*) FROM refunds_matched WHERE how = 'date') AS by_date,
    (SELECT COUNT(*) FROM refunds_matched WHERE how = 'unmatched') AS unmatched,
    (SELECT COUNT(*) FROM days WHERE n_orders > 0 AND refunded = 1 AND NOT purchase)
        AS cancelled_days,
    (SELECT COUNT(*) FROM per_customer WHERE n_days = 0) AS customers_without_purchase"""


# -------------------------------------------------------------------------------------------
# quality counts (clvdesk.core.quality): each gives the count and the first rows as examples


def totals() -> str:
    """Customers, total amount (returns netted), first and last day of the valid orders."""
    return (f"SELECT COUNT(DISTINCT customer_id) AS customers, COALESCE(SUM(amount), 0.0) "
            f"AS total_amount, MIN(day) AS first_day, MAX(day) AS last_day FROM {VALID}")


def rows_where(condition: str, limit: int) -> str:
    """Valid orders meeting ``condition``: the first ``limit`` (``row_no``) and ``n``, how many
    there are in all (no rows when there are none)."""
    return (f"SELECT row_no, COUNT(*) OVER () AS n FROM {VALID} WHERE {condition} "
            f"ORDER BY row_no LIMIT {int(limit)}")


def log_amount_quartiles() -> str:
    """Quartiles of ln(amount) over the positive amounts (linear interpolation, as numpy's
    ``percentile``), and how many positive amounts there are."""
    return (f"SELECT COUNT(*) AS n, QUANTILE_CONT(LN(amount), 0.25) AS q1, "
            f"QUANTILE_CONT(LN(amount), 0.75) AS q3 FROM {VALID} WHERE amount > 0")


def farthest_rows(low: float, high: float, limit: int) -> str:
    """Positive amounts outside ``low .. high``: the ``limit`` farthest from the usual amounts
    on the log scale (ties in source order) and ``n``, how many in all."""
    return (f"SELECT row_no, COUNT(*) OVER () AS n FROM {VALID} "
            f"WHERE amount > 0 AND (amount < {low!r} OR amount > {high!r}) "
            f"ORDER BY ABS(LN(amount)) DESC, row_no LIMIT {int(limit)}")


def one_time_buyers(last_day: int, *, has_order_id: bool, limit: int,
                    returns: bool = True) -> str:
    """Customers with exactly one purchase day (returns netted, the whole log as one period):
    ``first_row`` of the first ``limit`` in order of first appearance, and ``n`` in all."""
    return f"""WITH {netting(last_day, last_day, has_order_id=has_order_id, returns=returns)},
per_customer AS (
    SELECT customer_id, COUNT(*) FILTER (WHERE purchase) AS n_days, MIN(first_row) AS first_row
    FROM days GROUP BY customer_id
)
SELECT first_row, COUNT(*) OVER () AS n FROM per_customer WHERE n_days = 1
ORDER BY first_row LIMIT {int(limit)}"""


def distinct_days() -> str:
    """The distinct order days of the valid orders."""
    return f"SELECT DISTINCT day FROM {VALID}"


def duplicate_rows(columns: list[str], limit: int, relation: str = SOURCE) -> str:
    """Rows of ``relation`` (:data:`SOURCE` or :data:`VALID`) equal in every one of
    ``columns`` to an earlier row: the first ``limit`` (``row_no``) and ``n`` in all."""
    keys = ", ".join(f'"{c}"' for c in columns)
    return f"""WITH numbered AS (
    SELECT row_no, ROW_NUMBER() OVER (PARTITION BY {keys} ORDER BY row_no) AS copy
    FROM {relation}
)
SELECT row_no, COUNT(*) OVER () AS n FROM numbered WHERE copy > 1
ORDER BY row_no LIMIT {int(limit)}"""


def rows_at(row_nos) -> str:
    """``row_no``, ``customer_id``, ``day`` and ``amount`` of the valid orders at the given
    source positions (for example texts), in no particular order."""
    listed = ", ".join(str(int(r)) for r in row_nos) or "NULL"
    return f"SELECT row_no, customer_id, day, amount FROM {VALID} WHERE row_no IN ({listed})"


def control_character_rows(columns: list[str], pattern: str, limit: int,
                           relation: str = SOURCE) -> str:
    """Rows of ``relation`` whose value in one of the text ``columns`` matches the regular
    expression ``pattern`` (RE2 syntax; tested once per distinct value): the first ``limit``
    (``row_no``) and ``n`` in all (no rows when there are none)."""
    literal = pattern.replace("'", "''")
    flagged = [
        f'"{c}" IN (SELECT v FROM (SELECT DISTINCT "{c}" AS v FROM {relation}) d '
        f"WHERE regexp_matches(v, '{literal}'))"
        for c in columns
    ]
    return (f"SELECT row_no, COUNT(*) OVER () AS n FROM {relation} "
            f"WHERE {' OR '.join(flagged)} ORDER BY row_no LIMIT {int(limit)}")


# -------------------------------------------------------------------------------------------
# rows a file validation leaves out (OrderLog.from_file), by the readers' reasons


def delete_beyond_limits(*, first_day: int, last_day: int, max_amount: float,
                         max_id_length: int | None) -> str:
    """Delete the valid orders the readers leave out although they read: a day outside
    ``first_day .. last_day`` (days since 1970), an amount beyond ``max_amount`` in size, an id
    longer than ``max_id_length`` characters (None: ids are no text). Returns the count."""
    conditions = [f"day < {int(first_day)}", f"day > {int(last_day)}",
                  f"ABS(amount) > {float(max_amount)!r}"]
    if max_id_length is not None:
        conditions.append(f"LENGTH(customer_id) > {int(max_id_length)}")
    return f"DELETE FROM {VALID} WHERE {' OR '.join(conditions)}"


def drop_reasons(*, optional: tuple[str, ...], text: frozenset[str], years: tuple[int, int],
                 max_amount: float, max_id_length: int, limit: int, as_text: bool) -> str:
    """Why :data:`SOURCE` rows are not valid orders, one aggregate scan: per ``reason``, ``n``
    (how many rows) and the first ``limit`` rows (``row_no``, ``customer_id``, ``date``,
    ``amount`` as in the source; as text with ``as_text``), one result row per example.

    Reasons, the first that applies, in the order of the readers
    (:data:`clvdesk.core.messages.DROP_REASONS`): ``blank`` (every column of the source empty:
    the readers skip and count such rows), ``missing_customer_id`` (NULL or blank),
    ``customer_id_too_long``, ``missing_date``, ``date_out_of_range`` (the year outside
    ``years``), ``unparseable_date``, ``missing_amount`` (NULL, blank or NaN),
    ``unparseable_amount`` (not a number, or infinite), ``amount_out_of_range`` (beyond
    ``max_amount``). ``text``: the canonical columns held as text (blank means empty there);
    ``optional``: the further columns of the source.
    """
    # TRIM (slow: 0.5 s for 5M ids) only where the first character may be whitespace or the
    # id may be too long; a CASE makes DuckDB skip it elsewhere (an AND does not)
    def empty(name: str) -> str:
        column = f'"{name}"'
        if name in text:
            return (f"({column} IS NULL OR CASE WHEN ASCII({column}) <= 32 "
                    f"THEN TRIM({column}, {WHITESPACE}) = '' ELSE FALSE END)")
        return f"{column} IS NULL"

    day, number = "TRY_CAST(date AS DATE)", "TRY_CAST(amount AS DOUBLE)"
    too_long = (f"WHEN CASE WHEN STRLEN(customer_id) > {int(max_id_length)} "  # bytes >= chars
                f"THEN LENGTH(TRIM(customer_id, {WHITESPACE})) > {int(max_id_length)} "
                "ELSE FALSE END THEN 'customer_id_too_long' " if "customer_id" in text else "")
    blank = " AND ".join(empty(c) for c in ("customer_id", "date", "amount", *optional))
    reason = (
        f"CASE WHEN {blank} THEN 'blank' "
        f"WHEN {empty('customer_id')} THEN 'missing_customer_id' {too_long}"
        f"WHEN {empty('date')} THEN 'missing_date' "
        f"WHEN YEAR({day}) NOT BETWEEN {int(years[0])} AND {int(years[1])} "
        "THEN 'date_out_of_range' "
        f"WHEN {day} IS NULL THEN 'unparseable_date' "
        f"WHEN {empty('amount')} OR ISNAN({number}) THEN 'missing_amount' "
        f"WHEN {number} IS NULL OR ISINF({number}) THEN 'unparseable_amount' "
        f"WHEN ABS({number}) > {float(max_amount)!r} THEN 'amount_out_of_range' END")
    fields = ", ".join(f"'{c}': " + (f"CAST({c} AS VARCHAR)" if as_text else c)
                       for c in ("customer_id", "date", "amount"))
    return f"""WITH reasons AS (
    SELECT row_no, customer_id, date, amount, {reason} AS reason FROM {SOURCE}
),
per_reason AS (
    SELECT reason, COUNT(*) AS n, ARG_MIN({{'row_no': row_no, {fields}}}, row_no, {int(limit)})
        AS firsts
    FROM reasons WHERE reason IS NOT NULL GROUP BY reason
)
SELECT reason, n, UNNEST(firsts, recursive := true) FROM per_reason"""


# -------------------------------------------------------------------------------------------
# cohorts and segments (clvdesk.core.cohorts, clvdesk.core.segments), up to end_day


def customer_totals(end_day: int, *, has_order_id: bool, value: str,
                    returns: bool = True) -> str:
    """Per customer with a purchase day up to ``end_day`` (returns netted): ``customer``
    (their first source position up to ``end_day``), ``first_day`` (first purchase day),
    ``revenue`` (net of all their calibration amounts) and ``margin`` (netted ``value``, the
    SQL of each order's margin)."""
    return f"""WITH {netting(end_day, end_day, has_order_id=has_order_id, value=value,
                             returns=returns)}
SELECT MIN(first_row) AS customer, MIN(day) FILTER (WHERE purchase) AS first_day,
    SUM(net) AS revenue, SUM(net_value) AS margin
FROM days WHERE part = {CALIBRATION} GROUP BY customer_id
HAVING COUNT(*) FILTER (WHERE purchase) > 0"""


def customer_facts(end_day: int, *, has_order_id: bool, segment: str | None,
                   acquisition_cost: bool) -> str:
    """Per customer with orders up to ``end_day``: ``customer`` (first source position),
    ``orders`` (orders of amount >= 0: distinct order ids, a row without one counts alone),
    ``segment`` (the value of ``segment`` on the first order, by date then source order) and
    ``acquisition_cost`` (the first given value)."""
    rank = "CAST(day AS BIGINT) * 4294967296 + row_no"
    # without an order column every row is an order (no text key to count distinct)
    orders = ("COUNT(DISTINCT COALESCE(order_id, 'row ' || CAST(row_no AS VARCHAR))) "
              "FILTER (WHERE amount >= 0)" if has_order_id
              else "COUNT(*) FILTER (WHERE amount >= 0)")
    columns = ["MIN(row_no) AS customer", f"{orders} AS orders"]
    if segment is not None:
        columns.append(f'ARG_MIN("{segment}", {rank}) FILTER (WHERE amount >= 0) AS segment')
    if acquisition_cost:
        columns.append(f"ARG_MIN(acquisition_cost, {rank}) FILTER "
                       "(WHERE acquisition_cost IS NOT NULL) AS acquisition_cost")
    return (f"SELECT {', '.join(columns)} FROM {VALID} WHERE day <= {int(end_day)} "
            "GROUP BY customer_id")


def cohort_cells(end_day: int, *, has_order_id: bool, value: str, returns: bool = True,
                 acquisition_cost: bool = False) -> str:
    """The cohort grid of the calibration orders up to ``end_day``, one row per cohort x age.

    A customer's ``cohort`` is the month (``year x 12 + month - 1``) of their first purchase
    day (returns netted, :func:`netting`); ``age`` the months since it (a return before the
    first purchase counts at age 0). Per cell: ``net`` and ``net_value`` (netted amounts and
    ``value``, a margin), ``active`` (customers with a purchase day in that month; at age 0
    every customer of the cohort) and ``repeaters`` (of those, customers with more than one
    purchase day up to ``end_day``). With ``acquisition_cost``: ``cohort_cac``, the cohort's
    mean of each customer's first given ``acquisition_cost`` (NULL without any).
    """
    month = ("YEAR(CAST('1970-01-01' AS DATE) + day) * 12 "
             "+ MONTH(CAST('1970-01-01' AS DATE) + day) - 1")
    costs = cost_join = cost_column = ""
    if acquisition_cost:
        costs = f""",
costs AS (
    SELECT customer_id, ARG_MIN(acquisition_cost, CAST(day AS BIGINT) * 4294967296 + row_no)
        FILTER (WHERE acquisition_cost IS NOT NULL) AS acquisition_cost
    FROM {VALID} WHERE day <= {int(end_day)} GROUP BY customer_id
),
cohort_costs AS (
    SELECT b.cohort, AVG(c.acquisition_cost) AS cohort_cac FROM buyers b
    JOIN costs c ON c.customer_id = b.customer_id GROUP BY b.cohort
)"""
        cost_join = " LEFT JOIN cohort_costs k ON k.cohort = g.cohort"
        cost_column = ", k.cohort_cac"
    return f"""WITH {netting(end_day, end_day, has_order_id=has_order_id, value=value,
                             returns=returns)},
customer_months AS (
    SELECT customer_id, {month} AS month, SUM(net) AS net, SUM(net_value) AS net_value,
        MAX(CASE WHEN purchase THEN 1 ELSE 0 END) AS active
    FROM days WHERE part = {CALIBRATION} GROUP BY customer_id, {month}
),
buyers AS (
    SELECT customer_id, MIN(month) FILTER (WHERE active = 1) AS cohort
    FROM customer_months GROUP BY customer_id HAVING MAX(active) = 1
),
repeat_buyers AS (
    SELECT customer_id FROM days WHERE part = {CALIBRATION} AND purchase
    GROUP BY customer_id HAVING COUNT(*) > 1
),
grid AS (
    SELECT b.cohort, GREATEST(m.month - b.cohort, 0) AS age, SUM(m.net) AS net,
        SUM(m.net_value) AS net_value, SUM(m.active) AS active,
        SUM(CASE WHEN r.customer_id IS NULL THEN 0 ELSE m.active END) AS repeaters
    FROM customer_months m JOIN buyers b ON b.customer_id = m.customer_id
    LEFT JOIN repeat_buyers r ON r.customer_id = m.customer_id
    GROUP BY b.cohort, GREATEST(m.month - b.cohort, 0)
){costs}
SELECT g.cohort, g.age, g.net, g.net_value, g.active, g.repeaters{cost_column}
FROM grid g{cost_join}"""


def first_order_values(*, segment: str | None, acquisition_cost: bool, with_ids: bool) -> str:
    """Per customer of the valid orders: ``customer`` (first source position), ``segment``
    (the value of the column ``segment`` on the customer's first order, by day then source
    order, NULL when that order has none) and ``acquisition_cost`` (the first value given, in
    source order); ``customer_id`` too with ``with_ids``. The first order is found by its rank
    and joined back, as ``ARG_MIN`` skips NULL values in DuckDB but not in Spark."""
    rank = "CAST(day AS BIGINT) * 4294967296 + row_no"
    inner = ["customer_id", "MIN(row_no) AS customer", f"MIN({rank}) AS first_order"]
    outer = (["f.customer_id"] if with_ids else []) + ["f.customer"]
    join = ""
    if segment is not None:
        outer.append(f'v."{segment}" AS segment')
        join = f" JOIN {VALID} v ON v.row_no = f.first_order % 4294967296"
    if acquisition_cost:
        inner.append("ARG_MIN(acquisition_cost, row_no) FILTER (WHERE acquisition_cost IS NOT "
                     "NULL) AS acquisition_cost")
        outer.append("f.acquisition_cost")
    return (f"WITH firsts AS (SELECT {', '.join(inner)} FROM {VALID} GROUP BY customer_id) "
            f"SELECT {', '.join(outer)} FROM firsts f{join}")


def repeat_days(end_day: int, last_day: int, *, has_order_id: bool,
                returns: bool = True) -> str:
    """The repeat purchase days (``day``) of the customers with a calibration purchase, in
    calibration and holdout: their purchase days after their first, returns netted as in the
    summary."""
    return f"""WITH {netting(end_day, last_day, has_order_id=has_order_id, returns=returns)},
firsts AS (
    SELECT customer_id, MIN(day) FILTER (WHERE purchase AND part = {CALIBRATION}) AS first_day
    FROM days GROUP BY customer_id
)
SELECT d.day FROM days d JOIN firsts f ON f.customer_id = d.customer_id
WHERE d.purchase AND d.part < {AFTER} AND d.day > f.first_day"""


# -------------------------------------------------------------------------------------------
# previews and labels of a large log (the desktop app shows them without reading every row)


def first_orders(columns: tuple[str, ...], limit: int) -> str:
    """The first ``limit`` valid orders in source order: ``columns`` of :data:`VALID`."""
    picked = ", ".join(f'"{c}"' for c in columns)
    return f"SELECT {picked} FROM {VALID} ORDER BY row_no LIMIT {int(limit)}"


def distinct_labels(column: str, limit: int | None = None) -> str:
    """The distinct values of ``column`` as trimmed text, blanks left out, sorted
    (``value``); the first ``limit`` of them when given."""
    text = f'TRIM(CAST("{column}" AS VARCHAR))'
    tail = "" if limit is None else f" LIMIT {int(limit)}"
    return (f"SELECT DISTINCT {text} AS value FROM {VALID} WHERE {text} <> '' "
            f"ORDER BY value{tail}")


def has_values(column: str) -> str:
    """``n``: 1 when ``column`` holds a value (not NULL) in some valid order, else 0."""
    return f'SELECT COUNT(*) AS n FROM (SELECT 1 FROM {VALID} WHERE "{column}" IS NOT NULL LIMIT 1)'


def latest_scores(column: str, end_day: int, *, low: int, high: int) -> str:
    """Per customer with orders up to ``end_day``: ``score``, the latest value of ``column``
    (by day, then source position) that is a whole number ``low`` .. ``high``, NULL if none;
    ``ignored``, how many given values are not (text that does not read as a number too)."""
    value = f'TRY_CAST("{column}" AS DOUBLE)'
    valid = f"({value} BETWEEN {int(low)} AND {int(high)} AND {value} = ROUND({value}))"
    rank = "CAST(day AS BIGINT) * 4294967296 + row_no"
    return (f"SELECT customer_id, ARG_MAX({value}, {rank}) FILTER (WHERE {valid}) AS score, "
            f'COUNT(*) FILTER (WHERE "{column}" IS NOT NULL AND NOT COALESCE({valid}, FALSE)) '
            f"AS ignored FROM {VALID} WHERE day <= {int(end_day)} GROUP BY customer_id")
