"""Run core computations off the GUI thread, with progress and cancel.

A :class:`Task` wraps a function ``fn(progress, cancel) -> result`` whose two callbacks follow
the core's contract (``progress(fraction 0..1, message)``, ``cancel() -> bool``; the core raises
:class:`~clvdesk.core.errors.Cancelled` when ``cancel()`` is true). It runs on the global
``QThreadPool``; its :class:`TaskSignals` arrive in the GUI thread through queued connections:
``progress(float, str)``, then exactly one of ``finished(object)``, ``failed(object)`` (the
exception) or ``cancelled()``. Progress is throttled to at most ``max_rate`` signals a second so
a chatty computation cannot flood the event loop.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from clvdesk.core.errors import Cancelled

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]
Job = Callable[[ProgressFn, CancelFn], Any]


class TaskSignals(QObject):
    """Signals of one :class:`Task` (a QRunnable cannot carry signals itself)."""

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()  # after any of the three outcomes


class Task(QRunnable):
    """One computation in the thread pool. Keep a reference until ``signals.done``."""

    def __init__(self, job: Job, *, name: str = "", max_rate: float = 20.0) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.job = job
        self.name = name
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self._min_interval = 1.0 / max_rate
        self._last_emit = 0.0
        self._last_fraction = -1.0

    def cancel(self) -> None:
        """Ask the computation to stop at its next ``cancel()`` check."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, fraction: float, message: str = "") -> None:
        now = time.monotonic()
        fraction = min(max(float(fraction), 0.0), 1.0)
        if fraction >= 1.0 or now - self._last_emit >= self._min_interval:
            if fraction != self._last_fraction or now - self._last_emit >= self._min_interval:
                self._last_emit = now
                self._last_fraction = fraction
                self.signals.progress.emit(fraction, str(message))

    def run(self) -> None:  # noqa: D102 - QRunnable API, runs in a pool thread
        try:
            result = self.job(self._progress, self._cancel.is_set)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - every failure goes to the GUI as a dialog
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.failed.emit(exc)
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)
        finally:
            self.signals.done.emit()


class TaskRunner(QObject):
    """Start tasks and keep them alive until they finish; one at a time per runner.

    ``busy_changed(bool)`` tells the window to show or hide its progress bar and cancel button.
    """

    busy_changed = Signal(bool)
    progress = Signal(float, str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._current: Task | None = None
        self._alive: set[Task] = set()  # a pool thread may still run a cancelled task

    @property
    def busy(self) -> bool:
        return self._current is not None

    @property
    def current(self) -> Task | None:
        return self._current

    def start(
        self,
        job: Job,
        *,
        name: str = "",
        on_finished: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        """Run ``job`` in the pool; a task already running is cancelled first."""
        if self._current is not None:
            self._current.cancel()
        task = Task(job, name=name)
        task.signals.progress.connect(self.progress)
        if on_finished is not None:
            task.signals.finished.connect(on_finished)
        if on_failed is not None:
            task.signals.failed.connect(on_failed)
        if on_cancelled is not None:
            task.signals.cancelled.connect(on_cancelled)
        task.signals.done.connect(lambda t=task: self._task_done(t))
        self._current = task
        self._alive.add(task)
        self.busy_changed.emit(True)
        self._pool.start(task)
        return task

    def cancel(self) -> None:
        """Cancel the running task, if any."""
        if self._current is not None:
            self._current.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (used when closing the window)."""
        return self._pool.waitForDone(msecs)

    def _task_done(self, task: Task) -> None:
        self._alive.discard(task)
        if self._current is task:
            self._current = None
            self.busy_changed.emit(False)
