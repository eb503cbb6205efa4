"""Per-cell cost of the Excel functions over 10,000 cells: ``python benchmarks/bench_udfs.py``.

Excel calls a UDF once per cell, so what matters is the cost of one call with one cell's
inputs. Measured here, in one run on one machine:

* ``CLV_SIMPLE`` called 10,000 times with one cell each, against its peer, the core formula
  called directly (the difference is the add-in's conversion and error guard), and the same
  10,000 cells as one range call;
* ``CLV_PALIVE`` called 10,000 times with the CLV_FIT parameter table and one customer each (the
  model comes from the content cache), against the peer ``lifetimes``' BG/NBD
  ``conditional_probability_alive`` per cell (when lifetimes is installed, ``pip install -e
  '.[bench]'``), and against what a refit per cell would cost without the cache.

Prints ``RESULT <name>: <ratio>x ...`` lines (ratio = peer time / our time) like the other
benchmarks, plus microseconds per cell.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clvdesk.core import formulas  # noqa: E402
from clvdesk.core.datasets import CDNOW_END, load_cdnow  # noqa: E402
from clvdesk.core.summary import summarize  # noqa: E402
from excel_addin import model_cache, udfs  # noqa: E402

N_CELLS = 10_000
#: Per-cell goals: 10,000 CLV_SIMPLE cells in about a second, 10,000 CLV_PALIVE cells in
#: about five (most of it the core's scalar p_alive).
GOAL_US_PER_CELL = {"CLV_SIMPLE": 100.0, "CLV_PALIVE": 500.0}


def per_cell(calls: Callable[[], None], n: int, repeats: int = 3) -> float:
    """Best-of-``repeats`` seconds per call of ``calls`` (which makes ``n`` calls)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        calls()
        best = min(best, time.perf_counter() - started)
    return best / n


def line(name: str, ours: float, peer: float, peer_name: str, goal_us: float | None = None
         ) -> bool:
    """One ``RESULT`` line: ratio, both per-cell times and the per-cell goal if any; returns
    whether the goal (if any) is met."""
    ratio = peer / ours if ours > 0 else float("inf")
    goal = ""
    if goal_us is not None:
        goal = f"; goal <= {goal_us:g} us/cell, " + (
            "goal met" if ours * 1e6 <= goal_us else "GOAL MISSED")
    print(f"RESULT {name}: {ratio:.2f}x (clvdesk {ours * 1e6:.1f} us/cell, {peer_name} "
          f"{peer * 1e6:.1f} us/cell{goal})", flush=True)
    return goal_us is None or ours * 1e6 <= goal_us


def bench_clv_simple(rng: np.random.Generator) -> bool:
    aov = rng.uniform(10, 200, N_CELLS).tolist()
    frequency = rng.uniform(0.5, 12, N_CELLS).tolist()

    def cells() -> None:  # as xlwings passes one cell with ndim=2: [[value]]
        for a, f in zip(aov, frequency, strict=True):
            udfs.CLV_SIMPLE([[a]], [[f]], [[5.0]], [[100.0]], [[None]])

    def core() -> None:
        for a, f in zip(aov, frequency, strict=True):
            formulas.simple_clv(a, f, 5.0, 100.0, 1.0)

    ours, peer = per_cell(cells, N_CELLS), per_cell(core, N_CELLS)
    met = line("udf_clv_simple_per_cell", ours, peer, "core simple_clv called directly",
         GOAL_US_PER_CELL["CLV_SIMPLE"])
    column = [[a] for a in aov]
    whole = per_cell(lambda: udfs.CLV_SIMPLE(column, 4.0, 5.0, 100.0), N_CELLS)
    line("udf_clv_simple_one_range_call", whole, ours, "10,000 single-cell calls")
    return met


def bench_clv_palive() -> bool:
    summary = summarize(load_cdnow(), period="weeks", end=CDNOW_END)
    rows = summary[["frequency", "recency", "T"]].to_numpy(dtype=float)
    picks = rows[np.arange(N_CELLS) % len(rows)].tolist()
    orders = load_cdnow()
    grid = [["customer_id", "date", "amount"]] + [
        [c, d.to_pydatetime(), float(a)]
        for c, d, a in zip(orders["customer_id"], orders["date"], orders["amount"], strict=True)]
    model_cache.clear_caches()
    started = time.perf_counter()
    fit_table = udfs.CLV_FIT(grid, "bgnbd", CDNOW_END)
    fit_seconds = time.perf_counter() - started
    if isinstance(fit_table, str):
        raise SystemExit(f"CLV_FIT failed: {fit_table}")

    def cells() -> None:
        for x, t_x, age in picks:
            udfs.CLV_PALIVE(fit_table, [[x]], [[t_x]], [[age]], [[None]])

    ours = per_cell(cells, N_CELLS)
    print(f"  CLV_FIT on {len(grid) - 1} orders: {fit_seconds:.2f} s (once; cached after)")
    met = line("udf_clv_palive_vs_refit_per_cell", ours, fit_seconds, "refit per cell (no cache)",
               GOAL_US_PER_CELL["CLV_PALIVE"])
    try:
        from lifetimes import BetaGeoFitter
    except ImportError:
        print("  lifetimes not installed: pip install -e '.[bench]' for the lifetimes peer")
    else:
        params = {row[0]: row[1] for row in fit_table[1:5]}
        fitter = BetaGeoFitter()
        fitter.params_ = pd.Series(params)

        def peer_cells() -> None:
            for x, t_x, age in picks:
                fitter.conditional_probability_alive(x, t_x, age)

        line("udf_clv_palive_per_cell", ours, per_cell(peer_cells, N_CELLS),
             "lifetimes conditional_probability_alive per cell")
    print(f"  model cache: {model_cache.PARAM_RANGES.misses} model build(s), "
          f"{model_cache.PARAM_RANGES.hits} cache hit(s) over the CLV_PALIVE calls")
    return met


def main() -> int:
    """Run both benchmarks and print their RESULT lines; exit code 0 when the goals are met."""
    print(f"Excel functions, per cell over {N_CELLS:,} cells")
    simple_met = bench_clv_simple(np.random.default_rng(2005))
    palive_met = bench_clv_palive()
    return 0 if simple_met and palive_met else 1


if __name__ == "__main__":
    raise SystemExit(main())
