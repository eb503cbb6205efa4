"""Summarising 5,000,000 transactions from Parquet: clvdesk against lifetimes.

Both sides run as fresh processes on the same Parquet order log (customer_id, date, amount;
drawn from BG/NBD + Gamma-Gamma, benchmarks/synthetic.py) and produce the per-customer
frequency, recency, T and monetary value in days: clvdesk as ``clvdesk summarize`` and the app
run it on a typed Parquet file (the engine reads the file, ``OrderLog.from_file`` with the
columns of ``engine_columns``, then ``clvdesk.core.summary.summarize``); lifetimes
reads it with ``pandas.read_parquet`` and calls ``summary_data_from_transaction_data`` (freq
"D", monetary_value_col "amount"). Goal (issue 3): >= 5x.

    python benchmarks/bench_summarize.py [--transactions 5000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys

import harness
import synthetic

GOAL = 5.0

OURS = """
import json, sys, time
started = time.perf_counter()
from clvdesk.cli import numeric_environment
numeric_environment()  # what the clvdesk command sets before numpy loads
from clvdesk.core.orderlog import OrderLog
from clvdesk.core.orderlog.files import engine_columns
from clvdesk.core.summary import summarize
with OrderLog.from_file(sys.argv[1], columns=engine_columns(sys.argv[1])) as log:
    summary = summarize(log, period="days")
print(json.dumps({"customers": len(summary), "repeat": int((summary["frequency"] > 0).sum()),
                  "seconds_inside": time.perf_counter() - started}))
"""


def bench(transactions: int, runs: int) -> bool:
    print(f"summarise {transactions:,} transactions from Parquet:", flush=True)
    data = harness.cached(
        f"orders_{transactions}.parquet",
        lambda path: synthetic.bgnbd_transactions(transactions).to_parquet(path, index=False),
    )
    peer = harness.peer_python()
    ours_s, ours = harness.best_of(
        runs, lambda: harness.timed_process([sys.executable, "-c", OURS, str(data)]))
    print(f"  clvdesk   {ours_s:7.2f} s  {ours['customers']:,} customers, "
          f"{ours['repeat']:,} repeat buyers", flush=True)
    peer_s, theirs = harness.timed_process([peer, str(harness.BENCH_DIR / "peer_lifetimes.py"),
                                            "summarize", str(data)])
    print(f"  lifetimes {peer_s:7.2f} s  {theirs['customers']:,} customers, "
          f"{theirs['repeat']:,} repeat buyers", flush=True)
    same = (ours["customers"], ours["repeat"]) == (theirs["customers"], theirs["repeat"])
    if not same:
        print("  the two summaries DISAGREE on customers or repeat buyers", flush=True)
    return harness.report(f"summarise {transactions:,} transactions", ours_s, peer_s,
                          GOAL) and same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=5_000_000)
    parser.add_argument("--runs", type=int, default=3, help="clvdesk runs (the best counts)")
    args = parser.parse_args(argv)
    try:
        return 0 if bench(args.transactions, args.runs) else 1
    except RuntimeError as exc:
        print(f"RESULT summarise: not measured ({str(exc).strip().splitlines()[-1]})")
        return 1


if __name__ == "__main__":
    sys.exit(main())
