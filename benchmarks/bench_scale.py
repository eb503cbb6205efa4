"""Scale: start-up, fit against its floor, predict at 10M customers, the report at 1M.

Absolute goals of issue 14 (items 4-6), each measured as a whole fresh process (wall clock,
peak resident memory) in this run:

- ``startup``: ``clvdesk simple`` (a closed form), best of 5; goal <= 0.25 s.
- ``fit``: ``clvdesk fit bgnbd`` on a 1,000,000-customer summary CSV against its floor in the
  same run: a script that reads the file with pyarrow, compresses it with one ``np.unique`` of
  a byte key per row and runs our BG/NBD fit on the distinct rows with their counts (the
  likelihood work), nothing else; goal <= 1.5x the floor.
- ``predict``: ``clvdesk predict bgnbd SUMMARY.parquet --spend-model gamma-gamma -o
  OUT.parquet`` on 10,000,000 customers with 200-draw intervals; goals <= 40 s, <= 4 GB
  (before: 206 s, 5.6 GB).
- ``report``: ``write_report`` of a 1,000,000-customer analysis (about 4.1M orders; the analysis
  is run first in the same process and not timed); goals <= 90 s and <= 2 GB above the memory
  the analysis holds (before: 506 s, 9.5 GB).

    python benchmarks/bench_scale.py [--only startup fit predict report] [--customers N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

import harness
import synthetic

#: Runs a module's command line and prints its own peak memory as the last JSON line.
MEASURED = """
import json, resource, runpy, sys, time
started = time.perf_counter()
sys.argv = sys.argv[1:]
try:
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
except SystemExit as exc:
    if exc.code not in (0, None):
        raise
print(json.dumps({"peak_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20,
                  "seconds_inside": time.perf_counter() - started}))
"""

FLOOR = """
import json, sys
import numpy as np
import pyarrow.csv as pacsv
from clvdesk.core.models.bgnbd import BetaGeoModel
table = pacsv.read_csv(sys.argv[1], convert_options=pacsv.ConvertOptions(
    include_columns=["frequency", "recency", "T"]))
rows = np.column_stack([table.column(c).to_numpy().astype(float)
                        for c in ("frequency", "recency", "T")])
# np.unique on one 24-byte key per row (axis=0 would sort a structured view, 7x slower)
keys = np.ascontiguousarray(rows).view(np.dtype((np.void, 24))).ravel()
unique, counts = np.unique(keys, return_counts=True)
distinct = unique.view(float).reshape(-1, 3)
model = BetaGeoModel().fit(distinct[:, 0], distinct[:, 1], distinct[:, 2], weights=counts)
print(json.dumps({"params": model.params}))
"""

REPORT = """
import json, sys, threading, time
from clvdesk.core.io.readers import read_orders
from clvdesk.core.io.report import write_report
from clvdesk.core.pipeline import Assumptions, run_analysis

def rss_gb():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**30

orders = read_orders(sys.argv[1]).orders
result = run_analysis(orders, Assumptions(period="weeks"))
base = rss_gb()
peak = [base]
done = threading.Event()
def watch():
    while not done.wait(0.05):
        peak[0] = max(peak[0], rss_gb())
threading.Thread(target=watch, daemon=True).start()
started = time.perf_counter()
write_report(sys.argv[2], result)
seconds = time.perf_counter() - started
done.set()
print(json.dumps({"customers": len(result.predictions), "seconds": seconds,
                  "report_gb": max(peak[0], rss_gb()) - base, "analysis_gb": base}))
"""


def verdict(name: str, value: float, goal: float, unit: str, note: str = "") -> bool:
    met = value <= goal
    extra = f"; {note}" if note else ""
    print(f"RESULT {name}: {value:.2f} {unit} (goal <= {goal:g} {unit}, "
          f"{'goal met' if met else 'GOAL MISSED'}{extra})", flush=True)
    return met


def startup() -> bool:
    seconds, _ = harness.best_of(5, lambda: harness.timed_process(harness.clvdesk_command(
        "simple", "--aov", "50", "--frequency", "4", "--lifespan", "5", "--json")))
    return verdict("clvdesk simple, whole process", seconds, 0.25, "s")


def fit(customers: int) -> bool:
    data = harness.cached(f"bgnbd_{customers}.csv",
                          lambda p: synthetic.bgnbd_customers(customers).to_csv(p, index=False))
    ours, fitted = harness.best_of(3, lambda: harness.timed_process(
        harness.clvdesk_command("fit", "bgnbd", str(data), "--json")))
    floor, floored = harness.best_of(3, lambda: harness.timed_process(
        [sys.executable, "-c", FLOOR, str(data)]))
    print(f"  clvdesk fit {ours:.2f} s, floor {floor:.2f} s; r {fitted['params']['r']:.4f} vs "
          f"{floored['params']['r']:.4f}", flush=True)
    return verdict(f"bgnbd fit {customers:,} customers / floor", ours / floor, 1.5, "x",
                   f"clvdesk {ours:.2f} s, floor {floor:.2f} s")


def predict(customers: int) -> bool:
    data = harness.cached(f"summary_spend_{customers}.parquet",
                          lambda p: synthetic.bgnbd_summary_with_spend(customers).to_parquet(
                              p, index=False))
    out = harness.OUT / f"predictions_{customers}.parquet"
    seconds, measured = harness.timed_process(
        [sys.executable, "-c", MEASURED, "clvdesk", "predict", "bgnbd", str(data),
         "--spend-model", "gamma-gamma", "-o", str(out)])
    ok = verdict(f"predict {customers:,} customers with intervals", seconds, 40, "s")
    return verdict(f"predict {customers:,} customers, peak memory", measured["peak_gb"], 4,
                   "GB") and ok


def report(customers: int) -> bool:
    transactions = int(customers * 4.1)
    data = harness.cached(f"orders_{transactions}.parquet",
                          lambda p: synthetic.bgnbd_transactions(transactions).to_parquet(
                              p, index=False))
    out = harness.OUT / f"report_{customers}.xlsx"
    _, measured = harness.timed_process([sys.executable, "-c", REPORT, str(data), str(out)])
    print(f"  {measured['customers']:,} customers; the analysis held "
          f"{measured['analysis_gb']:.1f} GB", flush=True)
    ok = verdict(f"report workbook {measured['customers']:,} customers", measured["seconds"],
                 90, "s")
    return verdict("report workbook, memory above the analysis", measured["report_gb"], 2,
                   "GB") and ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=("startup", "fit", "predict", "report"))
    parser.add_argument("--predict-customers", type=int, default=10_000_000)
    parser.add_argument("--report-customers", type=int, default=1_000_000)
    parser.add_argument("--fit-customers", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    parts = args.only or ["startup", "fit", "predict", "report"]
    jobs = {"startup": startup, "fit": lambda: fit(args.fit_customers),
            "predict": lambda: predict(args.predict_customers),
            "report": lambda: report(args.report_customers)}
    ok = True
    for part in parts:
        print(f"{part}:", flush=True)
        started = time.perf_counter()
        try:
            ok = jobs[part]() and ok
        except (RuntimeError, subprocess.SubprocessError, KeyError, json.JSONDecodeError) as exc:
            print(f"RESULT {part}: not measured ({str(exc).strip().splitlines()[-1]})")
            ok = False
        print(f"  ({time.perf_counter() - started:.0f} s)", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
