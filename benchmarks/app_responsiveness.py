"""The window on a big order file: wall time and event-loop gaps of load, analysis and pages.

Not part of CI or ``make bench`` (minutes, gigabytes). Drives the real main window offscreen
(``QT_QPA_PLATFORM=offscreen``) as a user would: import the file (a new data source), run the
analysis with the settings suggested from the data, show every page, then sort, filter and
scroll the customer table. A 10 ms timer
measures the event loop; a gap is the time between two ticks (10 ms when nothing blocks), the
first one including the step's own call (a step that blocks shows as its gap).
The gaps around the moment the results arrive (``analysis_ready``, from 1 s before to 2 s
after) are reported apart from the rest of the analysis.

    python benchmarks/scale_100m.py generate --ids integer --out /tmp/clv100m.parquet
    python benchmarks/app_responsiveness.py /tmp/clv100m.parquet --stall-stacks /tmp/stalls.txt

``--stall-stacks`` finds what a gap was: a watchdog thread of :mod:`faulthandler` (C code, it
needs no GIL) writes every thread's Python stack to the file when the loop has not ticked for
``--stall-ms``; one dump per stall, in the order of the gaps.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import sys
import tempfile
import time
from pathlib import Path

#: Seconds before and after the results arrive whose gaps count as "results arriving".
ARRIVAL_WINDOW = (1.0, 2.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("orders", type=Path, help="order file (typed Parquet for the engine)")
    parser.add_argument("--stall-stacks", type=Path, metavar="FILE",
                        help="write every thread's stack here on each stall")
    parser.add_argument("--stall-ms", type=int, default=150,
                        help="a stall for --stall-stacks (default 150 ms)")
    args = parser.parse_args(argv)
    stalls = args.stall_stacks.open("w") if args.stall_stacks else None

    from clvdesk.cli import numeric_environment

    numeric_environment()  # as the clvdesk command sets it before numpy loads
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from clvdesk.app.application import create_window
    from clvdesk.app.project import DataSource

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="clvdesk-responsiveness-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window("en", recovery_dir=folder / "recovery", settings=settings)
    window.reporter.show_dialogs = False
    window.ask_save_changes = lambda: QMessageBox.StandardButton.Discard
    window.resize(1400, 900)
    window.show()

    started = time.perf_counter()
    ticks: list[tuple[float, int]] = []  # (seconds since start, gap in ms)
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setInterval(10)

    def tick() -> None:
        ticks.append((time.perf_counter() - started, clock.restart()))
        if stalls is not None:  # re-armed each tick: it fires only when the loop stalls
            faulthandler.dump_traceback_later(args.stall_ms / 1000, file=stalls)

    timer.timeout.connect(tick)
    arrived: list[float] = []
    window.analysis_ready.connect(lambda: arrived.append(time.perf_counter() - started))

    def settle(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def run_job(start) -> tuple[str, float, list[tuple[float, int]]]:
        loop, outcome = QEventLoop(), []

        def done(_name: str, how: str) -> None:
            outcome.append(how)
            loop.quit()

        window.job_done.connect(done)
        ticks.clear()
        clock.start()
        timer.start()
        begun = time.perf_counter()
        start()
        loop.exec()
        seconds = time.perf_counter() - begun
        window.job_done.disconnect(done)
        settle(1_000)  # the pages' first paint after the job
        timer.stop()
        faulthandler.cancel_dump_traceback_later()
        return outcome[-1], seconds, list(ticks)  # the first tick: start()'s own time

    def longest(gaps: list[tuple[float, int]]) -> str:
        top = sorted(gaps, key=lambda tick: -tick[1])[:3]
        return ", ".join(f"{gap} ms at {at:.1f} s" for at, gap in top) or "-"

    how, seconds, gaps = run_job(lambda: window.load_source(
        DataSource(kind="file", path=str(args.orders)), new=True))
    print(f"load: {how}, {seconds:.1f} s; longest gaps {longest(gaps)}", flush=True)
    if how != "finished":
        print(f"  {window.reporter.last}")
        return 1
    how, seconds, gaps = run_job(window.run_analysis)
    if how != "finished":
        print(f"analysis: {how}\n  {window.reporter.last}")
        return 1
    when = arrived[-1]
    around = [g for g in gaps if when - ARRIVAL_WINDOW[0] <= g[0] <= when + ARRIVAL_WINDOW[1]]
    before = [g for g in gaps if g[0] < when - ARRIVAL_WINDOW[0]]
    customers = len(window.session.result.predictions)
    print(f"analysis: {seconds:.1f} s, {customers:,} customers; longest gaps while it ran "
          f"{longest(before)}; when the results arrived (at {when:.1f} s) {longest(around)}",
          flush=True)
    for page in window.pages:
        ticks.clear()
        clock.start()
        timer.start()
        window.go_to(page)
        settle(700)
        timer.stop()
        faulthandler.cancel_dump_traceback_later()
        print(f"page {page}: longest gap {max(g for _, g in ticks)} ms", flush=True)
    _customer_table(window, ticks, clock, timer, settle)
    window.close()
    app.processEvents()
    return 0


def _customer_table(window, ticks, clock, timer, settle) -> None:
    """The results page's customer table as a user works it: sort by CLV and by customer,
    show only CLV >= the median, scroll to the end; wall time and longest gap of each."""
    from PySide6.QtCore import QEventLoop, Qt

    page = window.pages["results"]
    window.go_to("results")
    page.tabs.setCurrentWidget(page.customer_view.parentWidget())
    settle(500)
    model, view = page.customer_model, page.customer_view
    names = model.column_names()
    median = float(window.session.result.predictions["clv"].median())

    def shown(signal, ask) -> None:
        """``ask()``, then wait for ``signal`` (a big table answers from a thread)."""
        loop, done = QEventLoop(), []

        def arrived() -> None:
            done.append(True)
            loop.quit()

        signal.connect(arrived)
        ask()
        if not done:
            loop.exec()
        signal.disconnect(arrived)

    steps = (
        ("sort by CLV, highest first", lambda: shown(model.sorted, lambda: model.sort(
            names.index("clv"), Qt.SortOrder.DescendingOrder))),
        ("sort by customer", lambda: shown(model.sorted, lambda: model.sort(
            names.index("customer_id"), Qt.SortOrder.AscendingOrder))),
        ("CLV at least the median", lambda: shown(model.filtered,
                                                  lambda: page.min_clv.setValue(median))),
        ("customers containing 123", lambda: shown(model.filtered,
                                                   lambda: page.filter_edit.setText("123"))),
        ("scroll to the end", view.scrollToBottom),
    )
    for label, step in steps:
        ticks.clear()
        clock.start()
        timer.start()
        begun = time.perf_counter()
        step()
        seconds = time.perf_counter() - begun
        settle(700)
        timer.stop()
        faulthandler.cancel_dump_traceback_later()
        print(f"customers, {label}: {seconds:.2f} s, {model.rowCount():,} rows loaded of "
              f"{model.shown_rows():,}; longest gap {max(g for _, g in ticks)} ms",
              flush=True)


if __name__ == "__main__":
    sys.exit(main())
