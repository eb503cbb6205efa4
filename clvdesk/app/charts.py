"""Matplotlib charts, rendered by the Agg backend in a background thread and shown as images.

A :class:`ChartView` is a placeholder text until :meth:`ChartView.draw` gets a function that
fills a fresh ``Figure``. When the view is visible, that function runs and matplotlib lays out
and renders the figure in one render thread (:class:`_RenderThread`, one chart at a time), at the
view's size and the screen's pixel ratio; the window thread then only shows the finished image.
One chart takes matplotlib 0.1-0.25 s here; in the window thread that held the window for as
long, in the render thread Python's lock passes to the window every few milliseconds. A view
that is resized is rendered again at its new size once the resizing pauses
(:data:`RESIZE_PAUSE_MS`).

``paint`` runs in the render thread: it must only read the data it was given (they are not
changed after) and must not touch widgets. matplotlib is imported there too, or in the
background when an analysis starts (:func:`preload`), never in the window thread. Charts follow
the interface language through the formatter the caller uses for tick labels.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QStackedLayout, QWidget

#: Colours used across the app's charts (colour-blind safe, Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")

#: Milliseconds a view's size must stay the same before it is rendered again at that size.
RESIZE_PAUSE_MS = 150

#: Dots per inch of a chart at a pixel ratio of 1 (sizes of fonts and lines follow it).
CHART_DPI = 100

Paint = Callable[[object], None]


class ChartView(QWidget):
    """A widget showing one matplotlib figure, rendered in the background on demand.

    ``figure`` is the last figure rendered (None before the first); :attr:`has_chart` is true
    from :meth:`draw` on, while the chart waits to be shown or rendered too.
    """

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = QStackedLayout(self)
        self._placeholder = QLabel(placeholder)
        self._placeholder.setWordWrap(True)
        self._placeholder.setStyleSheet("color: palette(mid); padding: 24px;")
        self._image = QLabel()
        self._image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # the image follows the view's size, never the other way round
        self._image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(self._image)
        self._paint: Paint | None = None  # what the chart shows, kept to render other sizes
        self._stale = False  # the image is not (yet) of the current paint and size
        self._rendered_size = QSize()
        self._generation = 0  # a render of an older generation is dropped when it arrives
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.timeout.connect(self._render_if_stale)
        self.figure = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)

    def set_placeholder(self, text: str) -> None:
        self._placeholder.setText(text)

    def draw(self, paint: Paint) -> None:
        """Show the chart ``paint(figure)`` draws: rendered now if visible, else when shown."""
        self._paint = paint
        self._stale = True
        self._render_if_stale()

    def clear(self) -> None:
        """Back to the placeholder text."""
        self._paint = None
        self._stale = False
        self._generation += 1  # a render under way is not shown
        self.figure = None
        self._image.clear()
        self._stack.setCurrentWidget(self._placeholder)

    @property
    def has_chart(self) -> bool:
        """Whether a chart is shown, being rendered or waiting to be shown."""
        return self._paint is not None

    @property
    def rendering(self) -> bool:
        """Whether the chart shown is not yet of the latest :meth:`draw` and size."""
        return self._stale and self._paint is not None

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._render_if_stale()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self._paint is not None and event.size() != self._rendered_size:
            self._stale = True  # the first image comes as soon as the layout has settled
            self._resized.start(0 if self.figure is None else RESIZE_PAUSE_MS)

    def _render_if_stale(self) -> None:
        if not (self._stale and self._paint is not None and self.isVisible()):
            return
        if self._resized.isActive():  # still being resized: rendered when it pauses
            return
        self._generation += 1
        size = self.size()
        ratio = self.devicePixelRatioF()
        _renderer().submit(_Job(self, self._generation, self._paint,
                                size.width(), size.height(), ratio))

    def _show_render(self, job: _Job, figure, image: QImage) -> None:
        if job.generation != self._generation:
            return  # drawn again or cleared meanwhile
        self.figure = figure
        self._rendered_size = QSize(job.width, job.height)
        self._stale = self.size() != self._rendered_size
        self._image.setPixmap(QPixmap.fromImage(image))
        self._stack.setCurrentWidget(self._image)
        if self._stale:  # resized while it rendered
            self._resized.start(RESIZE_PAUSE_MS)


@dataclass(frozen=True)
class _Job:
    """One render: ``paint`` at ``width`` x ``height`` logical pixels and pixel ratio ``ratio``."""

    view: ChartView
    generation: int
    paint: Paint
    width: int
    height: int
    ratio: float


class _RenderThread(QObject):
    """Renders charts one at a time in a daemon thread; results come back as queued signals."""

    rendered = Signal(object, object, object)  # job, figure, QImage
    failed = Signal(object, object)  # job, exception

    def __init__(self) -> None:
        super().__init__()
        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self.rendered.connect(self._deliver)
        self.failed.connect(self._report)
        threading.Thread(target=self._run, name="chart-render", daemon=True).start()

    def submit(self, job: _Job) -> None:
        self._jobs.put(job)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job.generation != job.view._generation:  # superseded before it started
                self.rendered.emit(job, None, None)
                continue
            try:
                figure, image = _render(job)
            except Exception as exc:  # noqa: BLE001 - reported in the window thread
                self.failed.emit(job, exc)
            else:
                self.rendered.emit(job, figure, image)

    def _deliver(self, job: _Job, figure, image) -> None:
        if image is not None and _alive(job.view):
            job.view._show_render(job, figure, image)

    def _report(self, job: _Job, exc: BaseException) -> None:
        if not _alive(job.view):
            return  # its window closed while it rendered: nobody to show it to
        if job.generation == job.view._generation:
            job.view.clear()
        sys.excepthook(type(exc), exc, exc.__traceback__)  # the app's error dialog


def _render(job: _Job):
    """``job.paint`` on a new figure of the job's size, rendered by Agg into a QImage."""
    _import_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    dpi = CHART_DPI * job.ratio
    figure = Figure(figsize=(max(job.width, 50) / CHART_DPI, max(job.height, 50) / CHART_DPI),
                    dpi=dpi, layout="constrained")
    canvas = FigureCanvasAgg(figure)
    job.paint(figure)
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    pixels = canvas.buffer_rgba()
    image = QImage(pixels, width, height, QImage.Format.Format_RGBA8888).copy()  # owns its data
    image.setDevicePixelRatio(job.ratio)
    return figure, image


def _alive(widget: QWidget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


_thread: _RenderThread | None = None


def _renderer() -> _RenderThread:
    global _thread
    if _thread is None:
        _thread = _RenderThread()
    return _thread


def wait_rendered(timeout_ms: int = 10_000) -> bool:
    """Process events until every chart asked for is shown (for screenshots); False on timeout."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(timeout_ms)
    while any(widget.rendering for widget in QApplication.allWidgets()
              if isinstance(widget, ChartView) and widget.isVisible()):
        if deadline.hasExpired():
            return False
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)  # the render thread's turn
    return True


def style_axes(ax) -> None:
    """The app's chart look: light grid, no top/right spines, readable fonts."""
    ax.grid(True, color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8)
    ax.title.set_fontsize(10)
    ax.xaxis.label.set_fontsize(9)
    ax.yaxis.label.set_fontsize(9)


def locale_ticks(ax, fmt, axis: str = "both") -> None:
    """Number tick labels of ``axis`` ("x", "y" or "both") in the interface language
    (1.234,5 in Dutch) through ``fmt`` (:class:`clvdesk.app.formatting.Formatter`): whole
    numbers from 10 on, one decimal below."""
    from matplotlib.ticker import FuncFormatter

    def number(value, _pos):
        return fmt.number(value, 0 if abs(value) >= 10 or value == int(value) else 1)

    for name in ("x", "y") if axis == "both" else (axis,):
        getattr(ax, f"{name}axis").set_major_formatter(FuncFormatter(number))


def preload() -> None:
    """Import matplotlib in a background thread, once (about 0.5 s of imports).

    Called when an analysis starts, so the first chart of its results needs no import.
    """
    global _preloading
    if _preloading is None:
        _preloading = threading.Thread(target=_import_matplotlib, name="matplotlib-import",
                                       daemon=True)
        _preloading.start()


def _import_matplotlib() -> None:
    import matplotlib
    import matplotlib.backends.backend_agg  # noqa: F401
    import matplotlib.figure  # noqa: F401

    matplotlib.rcParams["text.parse_math"] = False  # "$" is a currency, not TeX math


_preloading: threading.Thread | None = None
