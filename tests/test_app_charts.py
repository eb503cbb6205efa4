"""Charts render in a background thread and show as images at the view's size (issue 14, 8).

matplotlib's layout and rendering of one chart (0.1-0.25 s here) ran in the window thread and
held the window when the results arrived; now the window thread only shows the finished image.
"""

import threading

import pytest

from clvdesk.app import charts
from clvdesk.app.charts import ChartView


@pytest.fixture
def view(qtbot):
    widget = ChartView("nothing yet")
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def bars(figure) -> None:
    figure.add_subplot().bar(["a", "b"], [1, 2])


def test_paint_runs_in_the_render_thread_and_draw_returns_at_once(qtbot, view):
    may_finish = threading.Event()
    painted_in: list[str] = []

    def slow(figure) -> None:
        painted_in.append(threading.current_thread().name)
        assert may_finish.wait(10)  # still rendering while the window thread goes on
        bars(figure)

    view.draw(slow)
    assert view.has_chart and view.rendering and view.figure is None
    may_finish.set()
    qtbot.waitUntil(lambda: not view.rendering, timeout=10_000)
    assert painted_in == ["chart-render"]
    assert [patch.get_height() for patch in view.figure.axes[0].patches] == [1, 2]
    image = view._image.pixmap()
    ratio = view.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(400 * ratio), round(300 * ratio))


def test_a_resized_chart_is_rendered_again_at_its_new_size(qtbot, view):
    view.draw(bars)
    qtbot.waitUntil(lambda: not view.rendering, timeout=10_000)
    first = view.figure
    view.resize(600, 250)
    assert view.rendering  # the old image stays until the resizing pauses
    qtbot.waitUntil(lambda: not view.rendering, timeout=10_000)
    assert view.figure is not first
    width, height = view.figure.get_size_inches() * charts.CHART_DPI
    assert (round(width), round(height)) == (600, 250)


def test_only_the_latest_draw_is_shown(qtbot, view):
    view.draw(bars)
    view.draw(lambda figure: figure.add_subplot().plot([0, 1], [3, 4]))
    qtbot.waitUntil(lambda: not view.rendering, timeout=10_000)
    axes = view.figure.axes[0]
    assert not axes.patches and len(axes.lines) == 1


def test_clear_while_rendering_keeps_the_placeholder(qtbot, view):
    view.draw(bars)
    view.clear()
    assert not view.has_chart and not view.rendering
    qtbot.wait(500)  # the render under way arrives and is dropped
    assert view.figure is None
    assert view._stack.currentWidget() is view._placeholder


def test_a_hidden_chart_is_rendered_when_shown(qtbot, view):
    view.hide()
    view.draw(bars)
    qtbot.wait(300)
    assert view.figure is None and view.rendering
    view.show()
    qtbot.waitUntil(lambda: not view.rendering, timeout=10_000)
    assert view.figure.axes


def test_a_failing_chart_is_reported_and_leaves_the_placeholder(qtbot, view, monkeypatch):
    reported: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, exc, tb: reported.append(exc))

    def broken(figure) -> None:
        raise ValueError("no data to plot")

    view.draw(broken)
    qtbot.waitUntil(lambda: bool(reported), timeout=10_000)
    assert str(reported[0]) == "no data to plot"
    assert not view.has_chart
    assert view._stack.currentWidget() is view._placeholder
