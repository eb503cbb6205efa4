"""Startup of the desktop app to its first shown window, against a bare PySide6 window.

Goal (issue 6): under 2 s from starting the process to the first window on screen. Each run
starts a fresh Python process (``--child app`` or ``--child peer``) that prints a line once its
window is shown and painted; the parent times process start to that line. The peer is the
smallest PySide6 program that shows a QMainWindow, so the ratio shows what CLV Desk adds on top
of Qt itself. Offscreen by default (``QT_QPA_PLATFORM`` is respected if set).

Run: ``python benchmarks/bench_startup.py [--runs 5]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_SECONDS = 2.0


def _child(kind: str) -> None:
    from PySide6.QtCore import QTimer

    if kind == "app":
        from clvdesk.app.application import application, create_window

        app = application()
        window = create_window("en", recovery_dir=Path(os.environ["CLVDESK_BENCH_DIR"]))
    else:
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication([sys.argv[0]])
        window = QMainWindow()
        window.resize(1280, 820)
    window.show()

    def shown() -> None:
        print("shown", flush=True)
        if kind == "app":
            window.session.set_dirty(False)
        app.quit()

    QTimer.singleShot(0, shown)  # runs after the first show and paint events
    app.exec()


def _time_once(kind: str, scratch: Path) -> float:
    env = dict(os.environ, CLVDESK_BENCH_DIR=str(scratch))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--child", kind],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT, env=env,
    )
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError(f"{kind} did not show a window (exit code {process.returncode})")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=("app", "peer"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child)
        return 0
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        _time_once("app", Path(scratch))  # warm the file cache and bytecode
        app = [_time_once("app", Path(scratch)) for _ in range(args.runs)]
        peer = [_time_once("peer", Path(scratch)) for _ in range(args.runs)]
    app_median, peer_median = statistics.median(app), statistics.median(peer)
    print(f"startup to first window, median of {args.runs} runs")
    print(f"  CLV Desk          {app_median:6.2f} s   (goal < {GOAL_SECONDS:.0f} s)")
    print(f"  bare PySide6      {peer_median:6.2f} s")
    print(f"  ratio app / bare  {app_median / peer_median:6.2f}x")
    print("  goal met" if app_median < GOAL_SECONDS else "  GOAL MISSED")
    return 0 if app_median < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
