"""A big order file in the app: the analysis (summary first) runs in the worker process with
progress and Cancel, and the data table hands its rows to the view lazily (issue 14.8).

A 1,000,000-order Parquet file stands in for the 100M-row one: the mechanism is the same (the
analysis runs in a child process; Cancel stops it, by its own cancel checks between steps or
by ending the child after ``workers.CANCEL_GRACE`` seconds inside a long summary query).
"""

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QTimer

from clvdesk.app.models.dataframe_model import FETCH_ROWS
from clvdesk.app.project import DataSource
from clvdesk.app.workers import CANCEL_GRACE
from tests.app_window import quiet_window

ROWS = 1_000_000


@pytest.fixture(scope="module")
def big_orders(tmp_path_factory):
    rng = np.random.default_rng(14)
    frame = pd.DataFrame({
        "customer_id": rng.integers(1, 300_000, ROWS).astype(str),
        "date": pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, ROWS),
                                                              unit="D"),
        "amount": np.round(rng.gamma(2.0, 25.0, ROWS), 2),
    })
    path = tmp_path_factory.mktemp("big") / "orders.parquet"
    frame.to_parquet(path)
    return path


@pytest.mark.slow
def test_big_file_rows_lazily_and_analysis_cancels(qtbot, tmp_path, big_orders):
    window = quiet_window(qtbot, tmp_path)
    with qtbot.waitSignal(window.job_done, timeout=120_000) as done:
        window.load_source(DataSource(kind="file", path=str(big_orders)))
    assert done.args == ["load", "finished"]
    orders_model = window.pages["data"].orders_model
    assert orders_model.shown_rows() == ROWS
    assert orders_model.rowCount() == FETCH_ROWS  # the view holds the first batch only
    assert orders_model.canFetchMore()

    progress = []
    window.runner.progress.connect(lambda fraction, message: progress.append(message))
    with qtbot.waitSignal(window.job_done, timeout=(CANCEL_GRACE + 60) * 1000) as done:
        window.run_analysis()
        assert window.runner.busy and not window.cancel_button.isHidden()
        QTimer.singleShot(1_500, window.cancel_button.click)  # while it summarises
    assert done.args == ["analysis", "cancelled"]
    assert progress  # the worker reported where it was before Cancel
    assert window.session.result is None  # nothing half-computed is shown
    assert window.session.orders is not None and len(window.session.orders) == ROWS
    assert window.reporter.last is None  # cancelling is not an error


@pytest.mark.slow
def test_a_file_read_by_the_engine_cancels_and_keeps_the_preview(qtbot, tmp_path, monkeypatch,
                                                                 big_orders):
    """Above the preview size the typed Parquet file goes to the engine (the 100M-row path):
    the same progress and Cancel, the window keeps its first rows."""
    monkeypatch.setenv("CLVDESK_PREVIEW_ROWS", "200000")  # read by the worker processes
    window = quiet_window(qtbot, tmp_path)
    messages = []
    window.runner.progress.connect(lambda fraction, message: messages.append(message))
    with qtbot.waitSignal(window.job_done, timeout=120_000) as done:
        window.load_source(DataSource(kind="file", path=str(big_orders)), new=True)
    assert done.args == ["load", "finished"], window.reporter.last
    assert "reading the order file into the engine" in messages
    assert window.session.total_orders == ROWS and len(window.session.orders) == 200_000
    assert window.pages["data"].orders_model.rowCount() == FETCH_ROWS

    messages.clear()
    with qtbot.waitSignal(window.job_done, timeout=(CANCEL_GRACE + 60) * 1000) as done:
        window.run_analysis()
        assert window.runner.busy and not window.cancel_button.isHidden()
        QTimer.singleShot(1_500, window.cancel_button.click)
    assert done.args == ["analysis", "cancelled"], window.reporter.last
    assert "reading the order file into the engine" in messages
    assert window.session.result is None
    assert len(window.session.orders) == 200_000  # the preview stays
    assert window.reporter.last is None
    window.session.set_dirty(False)
