"""The same order-log SQL on Apache Spark, for order logs in a data lake (``--engine spark``).

:class:`SparkOrderLog` is an :class:`~clvdesk.core.orderlog.OrderLog` whose queries run on a
SparkSession: every text of :mod:`clvdesk.core.orderlog.queries` (DuckDB dialect) is
transpiled to Spark SQL by sqlglot (https://sqlglot.com, ``transpile(sql, read="duckdb",
write="spark")``), so there is no second hand-written implementation. The validated order table
is a cached temporary view; only the per-customer result (one row per customer) comes back to
this machine, where the models fit on the compressed (frequency, recency, T) table as always.

The session is ``SparkSession.builder.getOrCreate()``: it takes the user's Spark configuration
(``spark-defaults.conf`` under ``SPARK_CONF_DIR``, ``PYSPARK_SUBMIT_ARGS``, or a session the
caller already made), and ``local[*]`` when no master is configured
(https://spark.apache.org/docs/latest/configuration.html). Needs pyspark and a Java runtime
(``pip install clvdesk[cluster]``).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd

from clvdesk.core.errors import InputError
from clvdesk.core.orderlog import queries
from clvdesk.core.orderlog.engine import PASS_THROUGH, OrderLog, frame_columns

#: Master used when the Spark configuration names none.
DEFAULT_MASTER = "local[*]"
_views = itertools.count()


def spark_session(master: str | None = None):
    """The SparkSession from the user's configuration; ``master`` (or ``local[*]`` when the
    configuration has none) otherwise."""
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError:
        raise InputError(code="spark_missing") from None
    builder = SparkSession.builder.appName("clvdesk")
    if master is not None:
        builder = builder.master(master)
    elif not SparkConf().contains("spark.master"):
        builder = builder.master(DEFAULT_MASTER)
    return builder.getOrCreate()


def to_spark_sql(sql: str) -> str:
    """One query of :mod:`clvdesk.core.orderlog.queries` in Spark's dialect."""
    import sqlglot

    return sqlglot.transpile(sql, read="duckdb", write="spark")[0]


class SparkOrderLog(OrderLog):
    """An order log validated and queried on Spark (module doc)."""

    def __init__(self, spark, source_view, *, source: pd.DataFrame | None,
                 ids: pd.Series | None, columns: dict[str, str], has_order_id: bool,
                 extras: tuple[str, ...], text_ids: bool) -> None:
        self._spark = spark
        suffix = next(_views)
        self._names = {queries.SOURCE: f"{queries.SOURCE}_{suffix}",
                       queries.VALID: f"{queries.VALID}_{suffix}"}
        source_view.createOrReplaceTempView(self._names[queries.SOURCE])
        customer = ("NULLIF(TRIM(customer_id), '')" if text_ids else "customer_id")
        valid = self._sql(queries.validate(customer=customer, has_order_id=has_order_id,
                                           extras=extras)).cache()
        valid.createOrReplaceTempView(self._names[queries.VALID])
        self._valid = valid
        self.source = source
        self._ids = ids
        self._netting = None
        self.columns = columns
        self.has_order_id = has_order_id
        self.extras = extras
        row = self.fetch(queries.counts())
        self.rows = int(row["n"][0])
        self.dropped = int(source_view.count()) - self.rows
        self.first_day = None if self.rows == 0 else int(row["first_day"][0])
        self.last_day = None if self.rows == 0 else int(row["last_day"][0])
        self.returns = int(row["returns"][0])

    @classmethod
    def from_frame(cls, orders: pd.DataFrame, *, customer_col: str = "customer_id",
                   date_col: str = "date", amount_col: str = "amount",
                   extras=(), settings=None, master: str | None = None) -> SparkOrderLog:
        """An in-memory order table sent to Spark (for tests and small logs)."""
        frame, ids, has_order_id, carried = frame_columns(orders, customer_col, date_col,
                                                          amount_col, extras)
        frame["date"] = frame["date"].astype("datetime64[us]")
        spark = spark_session(master)
        source = pd.DataFrame(frame)
        for name in source.columns:  # Spark takes text as Python objects, None for missing
            if pd.api.types.is_string_dtype(source[name]) and not pd.api.types.is_numeric_dtype(
                    source[name]):
                source[name] = source[name].astype(object).where(source[name].notna(), None)
        view = spark.createDataFrame(source)
        columns = {"customer_id": str(customer_col), "date": str(date_col),
                   "amount": str(amount_col), **{n: n for n in carried}}
        return cls(spark, view, source=orders, ids=ids, columns=columns,
                   has_order_id=has_order_id, extras=tuple(carried), text_ids=False)

    @classmethod
    def from_file(cls, path: str | Path, *, columns: dict[str, str] | None = None,
                  settings=None, master: str | None = None) -> SparkOrderLog:
        """A Parquet or CSV file (a path Spark can read: local, HDFS, S3, ...) read by Spark."""
        from pyspark.sql import functions as sf

        spark = spark_session(master)
        text = str(path)
        reader = spark.read
        frame = (reader.parquet(text) if text.lower().endswith((".parquet", ".pq")) or
                 Path(text).is_dir() else reader.csv(text, header=True, inferSchema=True))
        mapping = {"customer_id": "customer_id", "date": "date", "amount": "amount"}
        mapping.update(columns or {})
        for canonical in ("customer_id", "date", "amount"):
            if mapping[canonical] not in frame.columns:
                listed = ", ".join(frame.columns)
                raise InputError(code="column_not_found",
                                 column=mapping[canonical], columns=listed)
        optional = [c for c in ("order_id", *PASS_THROUGH) if mapping.get(c, c) in frame.columns]
        picked = [sf.col(mapping.get(c, c)).alias(c)
                  for c in ("customer_id", "date", "amount", *optional)]
        view = frame.select(sf.monotonically_increasing_id().alias("row_no"), *picked)
        text_ids = dict(view.dtypes)["customer_id"] == "string"
        used = {c: mapping.get(c, c) for c in ("customer_id", "date", "amount", *optional)}
        return cls(spark, view, source=None, ids=None, columns=used,
                   has_order_id="order_id" in optional,
                   extras=tuple(c for c in optional if c != "order_id"), text_ids=text_ids)

    def _sql(self, sql: str):
        text = to_spark_sql(sql)
        for name, unique in self._names.items():
            text = text.replace(name, unique)
        return self._spark.sql(text)

    def fetch(self, sql: str, *, sort_by: str | None = None) -> dict[str, np.ndarray]:
        """Run a query on Spark; its columns as :meth:`OrderLog.fetch` gives them."""
        frame = self.fetch_frame(sql)
        if sort_by is not None:
            frame = frame.sort_values(sort_by, kind="stable")
        return {name: _column(frame[name]) for name in frame.columns}

    def fetch_frame(self, sql: str) -> pd.DataFrame:
        return self._sql(sql).toPandas()

    def fetch_with(self, frame: pd.DataFrame, sql: str) -> dict[str, np.ndarray]:
        raise InputError(code="spark_quality")

    def close(self) -> None:
        """Drop the temporary views and the cached table (the session stays for reuse)."""
        if getattr(self, "_valid", None) is not None:
            self._valid.unpersist()
            for name in self._names.values():
                self._spark.catalog.dropTempView(name)
            self._valid = None

    @property
    def spill_folder(self) -> Path:
        raise AttributeError("Spark manages its own spill space")


def _column(values: pd.Series):
    """A pandas column from Spark as numpy (numbers with NULLs as float with NaN), text as a
    pandas array, as :meth:`OrderLog.fetch` gives them."""
    numeric = pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(
        values.dtype)
    if numeric and values.isna().any():
        return values.to_numpy(dtype="float64", na_value=np.nan)
    if pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
        return pd.Series(values.to_numpy(), copy=False).array
    return values.to_numpy()
