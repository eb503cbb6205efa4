"""Run core computations off the GUI thread (or in a child process), with progress and cancel.

A :class:`Task` wraps a function ``fn(progress, cancel) -> result`` whose two callbacks follow
the core's contract (``progress(fraction 0..1, message)``, ``cancel() -> bool``; the core raises
:class:`~clvdesk.core.errors.Cancelled` when ``cancel()`` is true). It runs on the global
``QThreadPool``; its :class:`TaskSignals` arrive in the GUI thread through queued connections:
``progress(float, str)``, then exactly one of ``finished(object)``, ``failed(object)`` (the
exception) or ``cancelled()``. Progress is throttled to at most ``max_rate`` signals a second so
a chatty computation cannot flood the event loop; a new message (the next step) always passes.

A :class:`ProcessJob` runs instead in a child process (``spawn``): pandas and numpy hold the
GIL through long single calls (hashing a million ids, parsing a million dates), which would
freeze the window for hundreds of milliseconds if they ran in a thread of this process. The
pool thread then only waits on a queue: it relays progress, sets a cancel event the child's
``cancel()`` reads (and ends the child if it does not stop within :data:`CANCEL_GRACE`
seconds), and unpickles the result. The function and its arguments must be picklable
(module-level function, plain data).
"""

from __future__ import annotations

import os
import pickle
import queue as queue_module
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from clvdesk.core.errors import Cancelled

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]

#: Seconds a child process gets to stop after cancel before it is terminated.
CANCEL_GRACE = 3.0

#: How much lower the child's CPU priority is than the window's (POSIX ``nice`` increment).
#: On two busy cores the window's paints then come first; the job loses a few percent.
CHILD_NICENESS = 5


@dataclass
class ProcessJob:
    """``fn(*args, progress=..., cancel=...)`` to run in a child process."""

    fn: Callable[..., Any]
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


class WorkerDied(RuntimeError):
    """The child process ended without a result (killed, out of memory, crashed).

    ``exitcode`` is the child's exit code (negative: the signal that ended it, e.g. -6 for an
    abort inside a reader library).
    """

    def __init__(self, message: str = "", exitcode: int | None = None) -> None:
        super().__init__(message)
        self.exitcode = exitcode


Job = Callable[[ProgressFn, CancelFn], Any] | ProcessJob


#: Tables with at least this many rows cross between processes as Arrow (Feather) files.
FRAME_FILE_ROWS = 50_000


class _FramePickler(pickle.Pickler):
    """Pickles large DataFrames as Feather files in ``folder`` instead of inline bytes.

    Unpickling a million-row table holds the GIL for a few hundred milliseconds (the window
    would freeze); reading Arrow files releases it. Frames Arrow cannot store stay inline.
    """

    def __init__(self, file, folder: str) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.folder = folder
        self.count = 0

    def reducer_override(self, obj):
        # without pandas loaded there is no DataFrame: the window's first job (a file to
        # load) would otherwise import pandas here, holding the GIL for 0.1 s in pyarrow's init
        pd = sys.modules.get("pandas")
        if pd is None or type(obj) is not pd.DataFrame or len(obj) < FRAME_FILE_ROWS:
            return NotImplemented
        from pyarrow import feather

        self.count += 1
        path = os.path.join(self.folder, f"frame{self.count}.feather")
        try:
            with warnings.catch_warnings():  # attrs travel in the pickle, not in the file
                warnings.simplefilter("ignore", UserWarning)
                feather.write_feather(obj, path, compression="uncompressed")
        except Exception:  # noqa: BLE001 - e.g. mixed-type columns: pickle inline instead
            return NotImplemented
        return _read_frame, (path, dict(obj.attrs))


def _read_frame(path: str, attrs: dict):
    """Rebuild a DataFrame written by :class:`_FramePickler` (the file is removed)."""
    from pyarrow import feather

    frame = feather.read_feather(path, use_threads=False)  # one core: the other is the window's
    os.remove(path)
    frame.attrs.update(attrs)
    return frame


def dumps(value, folder: str) -> bytes:
    """Pickle ``value`` with large DataFrames stored as Feather files in ``folder``."""
    import io

    buffer = io.BytesIO()
    _FramePickler(buffer, folder).dump(value)
    return buffer.getvalue()


def _child_main(payload: bytes, results, cancel_event, folder: str) -> None:
    """Entry point of the child process: run the job, send progress and the outcome."""
    if hasattr(os, "nice"):  # POSIX: the window's process wins when the cores are busy
        os.nice(CHILD_NICENESS)
    last = [0.0, None]  # time and message of the last progress sent
    job: ProcessJob = pickle.loads(payload)

    def progress(fraction: float, message: str = "") -> None:
        now = time.monotonic()
        if fraction >= 1.0 or message != last[1] or now - last[0] >= 0.05:
            last[0], last[1] = now, message
            results.put(("progress", float(fraction), str(message)))

    try:
        value = job.fn(*job.args, progress=progress, cancel=cancel_event.is_set, **job.kwargs)
    except Cancelled:
        results.put(("cancelled",))
    except BaseException as exc:  # noqa: BLE001 - sent to the parent, shown as a dialog
        results.put(("failed", _picklable(exc)))
    else:
        try:
            data = dumps(value, folder)
        except BaseException as exc:  # noqa: BLE001 - an unpicklable result is a bug to report
            results.put(("failed", _picklable(exc)))
        else:
            results.put(("finished", data))


def _picklable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a RuntimeError carrying its text and traceback."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any pickling failure
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return RuntimeError(f"{type(exc).__name__}: {exc}\n{text}")


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
        self._last_message: str | None = None

    def cancel(self) -> None:
        """Ask the computation to stop at its next ``cancel()`` check."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, fraction: float, message: str = "") -> None:
        now = time.monotonic()
        fraction = min(max(float(fraction), 0.0), 1.0)
        new_step = message != self._last_message  # a new step's message is never dropped
        if fraction >= 1.0 or new_step or now - self._last_emit >= self._min_interval:
            self._last_emit = now
            self._last_message = message
            self.signals.progress.emit(fraction, str(message))

    def run(self) -> None:  # noqa: D102 - QRunnable API, runs in a pool thread
        try:
            if isinstance(self.job, ProcessJob):
                result = self._run_in_process(self.job)
            else:
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


    def _run_in_process(self, job: ProcessJob) -> Any:
        import multiprocessing
        import shutil
        import tempfile

        folder = tempfile.mkdtemp(prefix="clvdesk-job-")
        try:
            return self._run_child(job, folder, multiprocessing.get_context("spawn"))
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _run_child(self, job: ProcessJob, folder: str, context) -> Any:
        results = context.Queue()
        cancel_event = context.Event()
        payload = dumps(job, folder)
        process = context.Process(target=_child_main, args=(payload, results, cancel_event, folder),
                                  daemon=True, name=f"clvdesk-{self.name or 'job'}")
        self._progress(0.0, "starting")
        process.start()
        cancel_since: float | None = None
        try:
            while True:
                try:
                    message = results.get(timeout=0.1)
                except queue_module.Empty:
                    if self._cancel.is_set():
                        cancel_event.set()
                        cancel_since = cancel_since or time.monotonic()
                        if time.monotonic() - cancel_since > CANCEL_GRACE:
                            raise Cancelled() from None
                    if not process.is_alive():
                        raise WorkerDied(
                            f"the calculation stopped unexpectedly (exit code {process.exitcode})",
                            process.exitcode,
                        ) from None
                    continue
                kind = message[0]
                if kind == "progress":
                    self._progress(message[1], message[2])
                elif kind == "finished":
                    return pickle.loads(message[1])
                elif kind == "cancelled":
                    raise Cancelled()
                else:
                    raise message[1]
        finally:
            process.join(timeout=1.0)
            if process.is_alive():
                process.terminate()
                process.join(timeout=1.0)
            results.close()


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
