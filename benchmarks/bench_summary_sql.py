"""The customer summary against plain DuckDB SQL and polars written here, same data, same run.

Each side is one fresh process that reads the same Parquet order log (5,000,000 orders drawn
from BG/NBD + Gamma-Gamma, benchmarks/synthetic.py) and returns exactly our summary: one row
per customer, in the order of the customer's first row in the file, of the rows with a customer,
a date and a finite amount, with frequency (repeat purchase days, same-day orders merged),
recency and T in days (T to the last order date), monetary value (mean of the repeat purchase
days' totals, 0 without repeats), first and last purchase day, orders and total spend:

- clvdesk: what ``clvdesk summarize`` and the app run on a typed Parquet file: the engine
  reads and validates it (``OrderLog.from_file`` with the columns of ``engine_columns``), then
  ``summarize(period="days")`` returns the pandas summary, with the numeric environment the
  ``clvdesk`` command sets (``clvdesk.cli.numeric_environment``);
- DuckDB: one SQL query over ``read_parquet`` written here, fetched as an Arrow table;
- polars: the same as a lazy polars query written here.

The peers do not trim text ids (the file has none to trim; clvdesk checks) and keep no record
of the rows left out. The three must agree: customers, repeat buyers, the sums of frequency,
T, monetary value, orders and total spend, and the first and last customer id. Goal (issue
14.7): clvdesk at most 1.2x the plain DuckDB time. Ratios are clvdesk / peer.

    python benchmarks/bench_summary_sql.py [--transactions 5000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys

import harness
import synthetic

GOAL = 1.2

OURS = """
import json, sys
from clvdesk.cli import numeric_environment
numeric_environment()  # what the clvdesk command sets before numpy loads
from clvdesk.core.orderlog import OrderLog
from clvdesk.core.orderlog.files import engine_columns
from clvdesk.core.summary import summarize
with OrderLog.from_file(sys.argv[1], columns=engine_columns(sys.argv[1])) as log:
    s = summarize(log, period="days")
print(json.dumps({"customers": len(s), "repeat": int((s["frequency"] > 0).sum()),
                  "frequency": float(s["frequency"].sum()),
                  "monetary": float(s["monetary_value"].sum()), "T": float(s["T"].sum()),
                  "orders": int(s["n_orders"].sum()), "spend": float(s["total_spend"].sum()),
                  "ids": [str(s.index[0]), str(s.index[-1])]}))
"""

DUCKDB = """
import json, sys
import duckdb
query = '''
WITH orders AS (
    SELECT file_row_number AS row_no, customer_id, CAST(date AS DATE) AS day, amount
    FROM read_parquet(?, file_row_number = true)
    WHERE customer_id IS NOT NULL AND date IS NOT NULL AND isfinite(amount)),
days AS (
    SELECT customer_id, day, SUM(amount) AS amount, COUNT(*) AS n_orders,
           MIN(row_no) AS first_row
    FROM orders GROUP BY customer_id, day),
ends AS (SELECT MAX(day) AS last_day FROM days)
SELECT customer_id,
       COUNT(*) - 1 AS frequency,
       DATE_DIFF('day', MIN(day), MAX(day)) AS recency,
       DATE_DIFF('day', MIN(day), ANY_VALUE(last_day)) AS T,
       COALESCE((SUM(amount) - ARG_MIN(amount, day)) / NULLIF(COUNT(*) - 1, 0), 0)
           AS monetary_value,
       MIN(day) AS first_purchase, MAX(day) AS last_purchase,
       SUM(n_orders) AS n_orders, SUM(amount) AS total_spend
FROM days, ends GROUP BY customer_id ORDER BY MIN(first_row)
'''
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
source = "'" + sys.argv[1].replace("'", "''") + "'"
result = con.sql(query.replace("?", source))
s = (result.to_arrow_table() if hasattr(result, "to_arrow_table")
     else result.arrow())  # the name of DuckDB 2 and of 1.x
import pyarrow.compute as pc
print(json.dumps({"customers": s.num_rows,
                  "repeat": int(pc.sum(pc.greater(s["frequency"], 0)).as_py()),
                  "frequency": float(pc.sum(s["frequency"]).as_py()),
                  "monetary": float(pc.sum(s["monetary_value"]).as_py()),
                  "T": float(pc.sum(s["T"]).as_py()),
                  "orders": int(pc.sum(s["n_orders"]).as_py()),
                  "spend": float(pc.sum(s["total_spend"]).as_py()),
                  "ids": [s["customer_id"][0].as_py(), s["customer_id"][-1].as_py()]}))
"""

POLARS = """
import json, sys
import polars as pl
days = (pl.scan_parquet(sys.argv[1]).with_row_index("row_no")
        .filter(pl.col("customer_id").is_not_null() & pl.col("date").is_not_null()
                & pl.col("amount").is_finite())
        .with_columns(pl.col("date").dt.date().alias("day"))
        .group_by("customer_id", "day")
        .agg(pl.col("amount").sum(), n_orders=pl.len(), first_row=pl.col("row_no").min()))
last_day = days.select(pl.col("day").max()).collect().item()
s = (days.group_by("customer_id")
     .agg(n=pl.len(), first=pl.col("day").min(), last=pl.col("day").max(),
          total=pl.col("amount").sum(), first_amount=pl.col("amount").sort_by("day").first(),
          n_orders=pl.col("n_orders").sum(), first_row=pl.col("first_row").min())
     .sort("first_row")
     .with_columns(frequency=pl.col("n") - 1,
                   recency=(pl.col("last") - pl.col("first")).dt.total_days(),
                   T=(pl.lit(last_day) - pl.col("first")).dt.total_days(),
                   monetary_value=pl.when(pl.col("n") > 1)
                   .then((pl.col("total") - pl.col("first_amount")) / (pl.col("n") - 1))
                   .otherwise(0.0))
     .select("customer_id", "frequency", "recency", "T", "monetary_value",
             pl.col("first").alias("first_purchase"), pl.col("last").alias("last_purchase"),
             "n_orders", pl.col("total").alias("total_spend")).collect())
print(json.dumps({"customers": s.height, "repeat": int((s["frequency"] > 0).sum()),
                  "frequency": float(s["frequency"].sum()),
                  "monetary": float(s["monetary_value"].sum()), "T": float(s["T"].sum()),
                  "orders": int(s["n_orders"].sum()), "spend": float(s["total_spend"].sum()),
                  "ids": [s["customer_id"][0], s["customer_id"][-1]]}))
"""


def bench(transactions: int, runs: int) -> bool:
    print(f"summarise {transactions:,} orders from Parquet:", flush=True)
    data = harness.cached(
        f"orders_{transactions}.parquet",
        lambda path: synthetic.bgnbd_transactions(transactions).to_parquet(path, index=False))
    times, outputs = {}, {}
    for name, script in (("clvdesk", OURS), ("duckdb", DUCKDB), ("polars", POLARS)):
        times[name], outputs[name] = harness.best_of(
            runs, lambda script=script: harness.timed_process(
                [sys.executable, "-c", script, str(data)]))
        print(f"  {name:8s} {times[name]:7.2f} s  {outputs[name]}", flush=True)
    reference = outputs["duckdb"]
    agree = all(o["customers"] == reference["customers"] and o["repeat"] == reference["repeat"]
                and abs(o["frequency"] - reference["frequency"]) < 0.5
                and abs(o["T"] - reference["T"]) <= 1e-6 * reference["T"]
                and abs(o["monetary"] - reference["monetary"]) <= 1e-6 * reference["monetary"]
                and o["orders"] == reference["orders"] and o["ids"] == reference["ids"]
                and abs(o["spend"] - reference["spend"]) <= 1e-6 * abs(reference["spend"])
                for o in outputs.values())
    if not agree:
        print("  the summaries DISAGREE", flush=True)
    ratio = times["clvdesk"] / times["duckdb"]
    met = ratio <= GOAL
    print(f"RESULT summary vs plain DuckDB SQL: {ratio:.2f}x the DuckDB time (clvdesk "
          f"{times['clvdesk']:.2f} s, DuckDB {times['duckdb']:.2f} s; goal <= {GOAL}x, "
          f"{'goal met' if met else 'GOAL MISSED'}{'' if agree else '; RESULTS DISAGREE'})",
          flush=True)
    print(f"RESULT summary vs polars: {times['clvdesk'] / times['polars']:.2f}x the polars time "
          f"(polars {times['polars']:.2f} s; no goal)", flush=True)
    return met and agree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=5_000_000)
    parser.add_argument("--runs", type=int, default=3, help="runs per side (the best counts)")
    args = parser.parse_args(argv)
    try:
        return 0 if bench(args.transactions, args.runs) else 1
    except RuntimeError as exc:
        print(f"RESULT summary vs DuckDB: not measured ({str(exc).strip().splitlines()[-1]})")
        return 1


if __name__ == "__main__":
    sys.exit(main())
