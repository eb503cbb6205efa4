"""Shared helpers of the benchmarks: data cache, timed processes, the peer interpreter, results.

Every benchmark prints its verdicts as lines ``RESULT <name>: <ratio>x ...`` so that
``run_all.py`` can collect them into one table; a ratio is peer time / our time, measured in
the same run on the same machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
#: Generated data and the peer venv live here (git-ignored).
OUT = BENCH_DIR / "out"
PEER_VENV = OUT / ".venv-peer"


def cached(name: str, make: Callable[[Path], None]) -> Path:
    """Path of ``OUT/name``, created once by ``make(path)`` (seeded generators: same data)."""
    OUT.mkdir(exist_ok=True)
    path = OUT / name
    if not path.exists():
        started = time.perf_counter()
        tmp = path.with_name(path.name + ".tmp")
        make(tmp)
        tmp.replace(path)
        print(f"  generated {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def peer_python() -> str:
    """An interpreter that can import lifetimes: this one, else ``benchmarks/out/.venv-peer``.

    lifetimes 0.11 runs on this project's numpy 2 / pandas 3 as installed by ``pip install
    -e '.[bench]'``; should a future release of either break it, the separate venv is built
    here with the last versions lifetimes supports.
    """
    if _imports_lifetimes(sys.executable):
        return sys.executable
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        print("  building benchmarks/out/.venv-peer for lifetimes ...", flush=True)
        OUT.mkdir(exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "lifetimes",
                        "numpy<2", "pandas<2.2", "scipy<1.13", "pyarrow"], check=True)
    return str(python)


def _imports_lifetimes(python: str) -> bool:
    probe = subprocess.run([python, "-c", "import lifetimes, lifetimes.utils"],
                           capture_output=True, text=True)
    return probe.returncode == 0


def timed_process(args: list[str], *, env: dict | None = None) -> tuple[float, dict]:
    """Run a process to the end; return (wall seconds, its last stdout line parsed as JSON)."""
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})})
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args[:4]))} failed:\n{done.stderr[-2000:]}")
    text = done.stdout.strip()
    try:
        payload = json.loads(text)
    except json.JSONDecodeError:
        payload = json.loads(text.splitlines()[-1]) if text else {}
    return seconds, payload


def best_of(runs: int, measure: Callable[[], tuple[float, dict]]) -> tuple[float, dict]:
    """The fastest of ``runs`` measurements (the least disturbed by the rest of the machine)."""
    results = [measure() for _ in range(runs)]
    return min(results, key=lambda r: r[0])


def clvdesk_command(*args: str) -> list[str]:
    """The ``clvdesk`` command line run by this interpreter."""
    return [sys.executable, "-m", "clvdesk", *args]


def report(name: str, ours: float, peer: float, goal: float, note: str = "") -> bool:
    """Print one ``RESULT`` line; True if the goal (peer / ours >= goal) is met."""
    ratio = peer / ours if ours > 0 else float("inf")
    met = ratio >= goal
    verdict = "goal met" if met else "GOAL MISSED"
    extra = f"; {note}" if note else ""
    print(f"RESULT {name}: {ratio:.1f}x faster (clvdesk {ours:.2f} s, lifetimes {peer:.2f} s; "
          f"goal >= {goal:g}x, {verdict}{extra})", flush=True)
    return met
