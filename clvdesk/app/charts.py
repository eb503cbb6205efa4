"""Matplotlib charts embedded with the QtAgg backend (FigureCanvasQTAgg), created lazily.

matplotlib is imported the first time a chart is drawn, or in the background when an analysis
starts (:func:`preload`), not when the window opens, which keeps startup fast. A
:class:`ChartView` is an empty placeholder until :meth:`ChartView.draw` gets a function that
fills a fresh ``Figure``, drawn at once when visible or, when it is shown, in its own turn of
the event loop (:func:`_draw_next`); charts follow the interface language through the
formatter the caller uses for tick labels.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

#: Colours used across the app's charts (colour-blind safe, Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")


class ChartView(QWidget):
    """A widget holding one matplotlib figure, drawn on demand."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel(placeholder)
        self._placeholder.setWordWrap(True)
        self._placeholder.setStyleSheet("color: palette(mid); padding: 24px;")
        self._layout.addWidget(self._placeholder)
        self._canvas = None
        self._pending: Callable[[object], None] | None = None
        self.figure = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)

    def set_placeholder(self, text: str) -> None:
        self._placeholder.setText(text)

    def draw(self, paint: Callable[[object], None]) -> None:
        """Show the chart ``paint(figure)`` draws; painted now if visible, else when shown.

        Deferring keeps hidden tabs (and the matplotlib import) from slowing the window.
        """
        self._pending = paint
        if self.isVisible():
            self._render()

    def _render(self) -> None:
        paint, self._pending = self._pending, None
        if paint is None:
            return
        if self._canvas is None:
            _import_matplotlib()
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.figure = Figure(figsize=(5, 3.2), dpi=100, layout="constrained")
            self._canvas = FigureCanvasQTAgg(self.figure)
            self._canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self._layout.addWidget(self._canvas)
        self.figure.clear()
        paint(self.figure)
        self._placeholder.hide()
        self._canvas.show()
        self._canvas.draw_idle()  # rendered once at its final size, in the next turn

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._pending is not None and self not in _queue:
            _queue.append(self)
            if len(_queue) == 1:
                QTimer.singleShot(0, _draw_next)

    def clear(self) -> None:
        """Back to the placeholder text."""
        self._pending = None
        if self._canvas is not None:
            self.figure.clear()
            self._canvas.hide()
        self._placeholder.show()

    @property
    def has_chart(self) -> bool:
        """Whether a chart is drawn or waiting to be drawn when shown."""
        return self._pending is not None or (
            self._canvas is not None and not self._canvas.isHidden()
        )


#: Charts shown but not yet drawn. A page shows several at once (the results overview two,
#: each 0.1-0.15 s of matplotlib layout and rendering, which together held the window for
#: 0.25-0.3 s): one is built per turn and rendered by matplotlib's idle draw in the next;
#: the next chart waits :data:`NEXT_CHART_MS`, so the window paints and takes input between.
_queue: list[ChartView] = []
#: Milliseconds between building one chart shown and the next (after the first's idle draw).
NEXT_CHART_MS = 20


def _draw_next() -> None:
    view = _queue.pop(0)
    try:
        if view.isVisible():
            view._render()
    except RuntimeError:  # the widget was deleted meanwhile (its window closed)
        pass
    if _queue:
        QTimer.singleShot(NEXT_CHART_MS, _draw_next)


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


def preload() -> None:
    """Import matplotlib in a background thread, once (about 0.5 s of imports).

    Called when an analysis starts: by the time its results arrive the first chart needs no
    import, which would otherwise stall the window for that long. Python switches threads every
    few milliseconds while importing, so the window keeps drawing meanwhile.
    """
    global _preloading
    if _preloading is None:
        _preloading = threading.Thread(target=_import_matplotlib, name="matplotlib-import",
                                       daemon=True)
        _preloading.start()


def _import_matplotlib() -> None:
    import matplotlib
    import matplotlib.backends.backend_qtagg  # noqa: F401
    import matplotlib.figure  # noqa: F401

    matplotlib.rcParams["text.parse_math"] = False  # "$" is a currency, not TeX math


_preloading: threading.Thread | None = None
