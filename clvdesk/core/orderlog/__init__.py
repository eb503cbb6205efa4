"""The order-log engine: the relational work on the order table, as SQL on DuckDB.

:class:`OrderLog` holds the order table validated once (from a pandas frame, or a CSV/Parquet
file DuckDB reads itself) in an embedded, out-of-core DuckDB database;
:mod:`clvdesk.core.orderlog.queries` holds the SQL, written once in DuckDB's dialect, that the
summary, the returns netting, cohorts, segment totals and quality counts run on it. The same
text runs on Apache Spark through :mod:`clvdesk.core.orderlog.spark` (transpiled by sqlglot).
"""

from clvdesk.core.orderlog.engine import EngineSettings, OrderLog, margin_sql, opened

__all__ = ["EngineSettings", "OrderLog", "margin_sql", "opened"]
