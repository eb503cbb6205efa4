"""``--engine spark``: the order-log SQL transpiled to Spark SQL gives DuckDB's summary, on
CDNOW and on a generated log with returns, order ids and a holdout (issue 14 item 3).

Needs pyspark and a Java runtime; skipped without them, except in CI
(``CLVDESK_REQUIRE_EXTERNAL=1``), where .ci/run installs default-jre-headless."""

from __future__ import annotations

import os
import shutil

import numpy as np
import pandas as pd
import pytest

from clvdesk.core.datasets import CDNOW_END, CDNOW_HOLDOUT_END, load_cdnow
from clvdesk.core.summary import summarize

REQUIRED = os.environ.get("CLVDESK_REQUIRE_EXTERNAL") == "1"


def _spark_available() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install clvdesk[cluster])"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java runtime (install default-jre-headless)"
    return None


@pytest.fixture(scope="module")
def spark():
    reason = _spark_available()
    if reason is not None:
        if REQUIRED:
            pytest.fail(f"CLVDESK_REQUIRE_EXTERNAL=1 but {reason}")
        pytest.skip(reason)
    from clvdesk.core.orderlog.spark import spark_session

    session = spark_session("local[2]")
    session.conf.set("spark.sql.shuffle.partitions", "4")
    session.conf.set("spark.sql.session.timeZone", "UTC")
    yield session


def _generated_log(seed=10):
    """2,000 customers, order ids, 8 % returns (of a random earlier order, partly bigger than
    it), same-day orders, over two years."""
    rng = np.random.default_rng(seed)
    rows = []
    for customer in range(2_000):
        n = 1 + rng.poisson(3)
        days = np.sort(rng.integers(0, 700, n))
        for k, day in enumerate(days):
            order = f"{customer}-{k}"
            amount = float(np.round(rng.gamma(2, 20), 2))
            rows.append((f"K{customer:05d}", day, amount, order))
            if rng.random() < 0.08:
                share = rng.choice([0.5, 1.0, 1.3])
                rows.append((f"K{customer:05d}", day + int(rng.integers(0, 20)),
                             -round(amount * share, 2), order if rng.random() < 0.7 else None))
    frame = pd.DataFrame(rows, columns=["customer_id", "day", "amount", "order_id"])
    frame["date"] = pd.Timestamp("2023-01-01") + pd.to_timedelta(frame.pop("day"), unit="D")
    return frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)


def _same(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
    assert list(ours.index) == list(theirs.index)
    assert list(ours.columns) == list(theirs.columns)
    for column in ours.columns:
        if pd.api.types.is_float_dtype(ours[column]):
            np.testing.assert_allclose(ours[column], theirs[column], rtol=1e-12, atol=1e-9,
                                       err_msg=column)
        else:
            assert ours[column].tolist() == theirs[column].tolist(), column
    assert ours.attrs == theirs.attrs


def test_cdnow_on_spark_equals_duckdb(spark):
    from clvdesk.core.orderlog.spark import SparkOrderLog

    orders = load_cdnow()
    with SparkOrderLog.from_frame(orders, master="local[2]") as log:
        on_spark = summarize(log, end=CDNOW_END, holdout_end=CDNOW_HOLDOUT_END)
    _same(on_spark, summarize(orders, end=CDNOW_END, holdout_end=CDNOW_HOLDOUT_END))
    assert on_spark["frequency"].sum() == 2457


def test_generated_log_with_returns_on_spark_equals_duckdb(spark, tmp_path):
    from clvdesk.core.orderlog import OrderLog
    from clvdesk.core.orderlog.spark import SparkOrderLog

    orders = _generated_log()
    assert (orders["amount"] < 0).sum() > 400
    options = dict(period="days", end="2024-06-30", holdout_end="2024-12-31")
    with SparkOrderLog.from_frame(orders, master="local[2]") as log:
        on_spark = summarize(log, **options)
        spark_netting = log.netting_counts()
    with OrderLog.from_frame(orders) as log:
        duck_netting = log.netting_counts()
    _same(on_spark, summarize(orders, **options))
    assert spark_netting == duck_netting and duck_netting["by_order"] > 0
    # a Parquet file read by Spark itself
    path = tmp_path / "orders.parquet"
    orders.to_parquet(path)
    with SparkOrderLog.from_file(path, master="local[2]") as log:
        from_file = summarize(log, **options)
    with OrderLog.from_file(path) as log:
        duck_file = summarize(log, **options)
    _same(from_file, duck_file)
    assert list(from_file.index) == list(on_spark.index)


def test_cohorts_and_first_orders_on_spark_equal_duckdb(spark):
    """The cohort grid and each customer's first-order values, the same SQL on both engines
    (the generated log has returns, order ids, a segment with blanks and acquisition costs)."""
    from clvdesk.core.cohorts import cohort_tables
    from clvdesk.core.orderlog import OrderLog, queries
    from clvdesk.core.orderlog.spark import SparkOrderLog

    orders = _generated_log()
    rng = np.random.default_rng(4)
    orders["segment"] = np.where(rng.random(len(orders)) < 0.6, "web", None)
    orders["acquisition_cost"] = np.where(rng.random(len(orders)) < 0.5,
                                          np.round(rng.gamma(2, 5, len(orders)), 2), np.nan)
    firsts = queries.first_order_values(segment="segment", acquisition_cost=True,
                                        with_ids=False)
    results = []
    for make in (lambda: SparkOrderLog.from_frame(orders, master="local[2]"),
                 lambda: OrderLog.from_frame(orders)):
        with make() as log:
            cohorts = cohort_tables(log, end="2024-06-30", margin=0.4)
            first = log.fetch_frame(firsts).sort_values("customer", ignore_index=True)
        results.append((cohorts, first))
    (spark_cohorts, spark_first), (duck_cohorts, duck_first) = results
    for name, table in duck_cohorts.items():
        pd.testing.assert_frame_equal(spark_cohorts[name], table, check_dtype=False,
                                      rtol=1e-12)
    assert duck_cohorts["summary"]["cac"].notna().all()
    pd.testing.assert_frame_equal(spark_first, duck_first, check_dtype=False)
    assert duck_first["segment"].isna().any() and duck_first["segment"].notna().any()
