"""Importing order files: a 1,000,000-row Dutch CSV and a 200,000-row XLSX, against pandas.

Both files are generated once (seeded) and cached in ``benchmarks/out/``. They are written the
way Dutch exports are: semicolons, decimal commas with thousands dots (``1.234,56``), day-first
dates (``03-01-2024``), customer numbers with leading zeros; the workbook has a title row above
the header, like a report exported from an ERP.

* CSV: ``clvdesk.core.io.readers.read_orders`` (detects everything) against the pandas code an
  analyst would write knowing the format: ``pandas.read_csv(sep=";", decimal=",",
  thousands=".", dtype={"Klantnummer": str})`` plus ``pandas.to_datetime(format="%d-%m-%Y")``.
* XLSX: ``read_orders`` (python-calamine behind the zip/XML guards) against
  ``pandas.read_excel(engine="openpyxl", skiprows=1)`` plus the same date conversion. Goal
  (issue 4, point 5): at least 5x.

Each side runs in the same process, best of ``--runs``; both must agree on the row count and the
total amount. Prints ``RESULT`` lines (ratio = pandas time / clvdesk time) for ``run_all.py``.

    .venv/bin/python benchmarks/bench_import.py [--rows 1000000] [--xlsx-rows 200000] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402  (the benchmarks folder is not a package)

XLSX_GOAL = 5.0
CSV_GOAL = 1.0


def dutch_orders(rows: int, seed: int = 4) -> pd.DataFrame:
    """A seeded order log written as Dutch text: 1 customer per ~5 orders, 3 years of dates."""
    rng = np.random.default_rng(seed)
    customers = rng.integers(1, max(rows // 5, 2), rows)
    days = rng.integers(0, 3 * 365, rows)
    amounts = np.round(rng.lognormal(3.5, 1.0, rows), 2)
    dates = pd.Timestamp("2022-01-01") + pd.to_timedelta(days, unit="D")
    whole = np.floor(amounts).astype(np.int64)
    cents = np.round((amounts - whole) * 100).astype(np.int64)
    thousands = pd.Series(whole // 1000)
    rest = pd.Series(whole % 1000)
    text = np.where(thousands > 0,
                    thousands.astype(str) + "." + rest.astype(str).str.zfill(3),
                    rest.astype(str))
    return pd.DataFrame({
        "Klantnummer": pd.Series(customers).astype(str).str.zfill(7),
        "Orderdatum": dates.strftime("%d-%m-%Y"),
        "Bedrag": pd.Series(text) + "," + pd.Series(cents).astype(str).str.zfill(2),
        "Kanaal": rng.choice(np.array(["web", "winkel", "app"]), rows),
    })


def write_csv(rows: int, path: Path) -> None:
    dutch_orders(rows).to_csv(path, sep=";", index=False, encoding="utf-8")


def write_xlsx(rows: int, path: Path) -> None:
    import openpyxl

    orders = dutch_orders(rows, seed=5)
    amounts = pd.to_numeric(orders["Bedrag"].str.replace(".", "").str.replace(",", "."))
    dates = pd.to_datetime(orders["Orderdatum"], format="%d-%m-%Y")
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Orders")
    sheet.append(["Orderexport webshop"])
    sheet.append(["Klantnummer", "Orderdatum", "Bedrag", "Kanaal"])
    for row in zip(orders["Klantnummer"], dates.dt.to_pydatetime(), amounts,
                   orders["Kanaal"], strict=True):
        sheet.append(list(row))
    book.save(path)


def best(runs: int, job: Callable[[], tuple[int, float]]) -> tuple[float, tuple[int, float]]:
    """Fastest wall time of ``runs`` calls of ``job`` and its (rows, total amount)."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - started)
    return min(times), result


def ours(path: Path) -> tuple[int, float]:
    from clvdesk.core.io.readers import read_orders

    orders = read_orders(path).orders
    return len(orders), round(float(orders["amount"].sum()), 2)


def pandas_csv(path: Path) -> tuple[int, float]:
    frame = pd.read_csv(path, sep=";", decimal=",", thousands=".", dtype={"Klantnummer": str})
    frame["Orderdatum"] = pd.to_datetime(frame["Orderdatum"], format="%d-%m-%Y")
    return len(frame), round(float(frame["Bedrag"].sum()), 2)


def pandas_xlsx(path: Path) -> tuple[int, float]:
    frame = pd.read_excel(path, engine="openpyxl", skiprows=1, dtype={"Klantnummer": str})
    frame["Orderdatum"] = pd.to_datetime(frame["Orderdatum"])
    return len(frame), round(float(frame["Bedrag"].sum()), 2)


def compare(name: str, path: Path, peer: Callable[[Path], tuple[int, float]], peer_name: str,
            goal: float, runs: int, peer_runs: int) -> bool:
    ours_s, ours_result = best(runs, lambda: ours(path))
    peer_s, peer_result = best(peer_runs, lambda: peer(path))
    print(f"  clvdesk {ours_s:7.2f} s   {peer_name} {peer_s:7.2f} s   "
          f"rows {ours_result[0]:,}, total {ours_result[1]:,.2f}", flush=True)
    agree = ours_result == peer_result
    if not agree:
        print(f"  the two DISAGREE: clvdesk {ours_result}, {peer_name} {peer_result}")
    ratio = peer_s / ours_s if ours_s > 0 else float("inf")
    met = ratio >= goal and agree
    print(f"RESULT {name}: {ratio:.1f}x faster (clvdesk {ours_s:.2f} s, {peer_name} "
          f"{peer_s:.2f} s; goal >= {goal:g}x, {'goal met' if met else 'GOAL MISSED'})",
          flush=True)
    return met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="CSV rows")
    parser.add_argument("--xlsx-rows", type=int, default=200_000, help="XLSX rows")
    parser.add_argument("--runs", type=int, default=3, help="runs per side (the best counts)")
    args = parser.parse_args(argv)
    import openpyxl  # noqa: F401  (imports are not part of either measurement)

    import clvdesk.core.io.readers  # noqa: F401

    csv_path = harness.cached(f"orders_nl_{args.rows}.csv",
                              lambda path: write_csv(args.rows, path))
    xlsx_path = harness.cached(f"orders_nl_{args.xlsx_rows}.xlsx",
                               lambda path: write_xlsx(args.xlsx_rows, path))
    print(f"import a {args.rows:,}-row Dutch CSV ({csv_path.stat().st_size >> 20} MB):",
          flush=True)
    csv_ok = compare(f"import {args.rows:,}-row CSV", csv_path, pandas_csv,
                     "pandas.read_csv", CSV_GOAL, args.runs, args.runs)
    print(f"import a {args.xlsx_rows:,}-row XLSX ({xlsx_path.stat().st_size >> 20} MB):",
          flush=True)
    xlsx_ok = compare(f"import {args.xlsx_rows:,}-row XLSX", xlsx_path, pandas_xlsx,
                      "pandas.read_excel(openpyxl)", XLSX_GOAL, args.runs, 1)
    return 0 if csv_ok and xlsx_ok else 1


if __name__ == "__main__":
    sys.exit(main())
