"""Run every ``benchmarks/bench_*.py`` one after the other and print their results in one table.

    python benchmarks/run_all.py [--only NAME ...] [--list]

Each benchmark runs as its own process with its default arguments (the sizes of the goals);
their ``RESULT ...`` lines are collected and repeated at the end. The exit code is 0 when every
benchmark exits 0 (all goals met), else 1. Benchmarks run sequentially: timings of peers side by
side must not compete for the same cores.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def discover() -> list[Path]:
    """The benchmark scripts present, in name order."""
    return sorted(BENCH_DIR.glob("bench_*.py"))


def run(script: Path) -> tuple[int, list[str], float]:
    """Run one benchmark, echoing its output; return (exit code, RESULT lines, seconds)."""
    print(f"\n=== {script.name} ===", flush=True)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(script)], cwd=BENCH_DIR,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    results = []
    assert process.stdout is not None
    for line in process.stdout:
        print(line, end="", flush=True)
        if line.startswith("RESULT"):
            results.append(line.strip()[len("RESULT "):])
    code = process.wait()
    return code, results, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="NAME",
                        help="run only these (e.g. bench_fit or fit)")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = parser.parse_args(argv)
    scripts = discover()
    if args.only:
        wanted = {n.removesuffix(".py").removeprefix("bench_") for n in args.only}
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in wanted]
    if args.list or not scripts:
        for script in scripts:
            print(script.name)
        return 0 if scripts else 1
    summary = []
    for script in scripts:
        code, results, seconds = run(script)
        status = "ok" if code == 0 else f"exit {code}"
        summary.append((script.name, status, seconds, results))
    print("\n=== summary (ratio = peer time / clvdesk time, same run) ===")
    for name, status, seconds, results in summary:
        print(f"{name} ({status}, {seconds:.0f} s)")
        for result in results or ["(no RESULT lines)"]:
            print(f"  {result}")
    return 0 if all(status == "ok" for _, status, _, _ in summary) else 1


if __name__ == "__main__":
    sys.exit(main())
