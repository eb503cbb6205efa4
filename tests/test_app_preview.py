"""A file larger than the window holds: the table shows its first rows, the rest stays whole.

Issue 14, point 8: on a 100M-row file the window must not hold the order table. Above
``CLVDESK_PREVIEW_ROWS`` rows (1,000,000 by default; 2,000 here, so a 6,919-row export shows
it) the worker sends the window the first rows to show, the quality counts and each split
column's values over the whole table; the analysis and the orders export read the file again in
their own worker. Every number must be that of the whole table.
"""

import pandas as pd
import pytest

from clvdesk.app import jobs
from clvdesk.app.project import DataSource
from clvdesk.core.io.readers import read_orders
from tests.app_window import quiet_window
from tests.dutch_export import CHANNELS, write_dutch_export

TIMEOUT = 180_000
PREVIEW = 2_000


def test_a_file_above_the_preview_size_is_shown_in_part_and_analysed_whole(
        qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("CLVDESK_PREVIEW_ROWS", str(PREVIEW))  # read by the worker processes
    path = tmp_path / "bestellingen.csv"
    write_dutch_export(path)
    whole = read_orders(path).orders
    assert len(whole) > 3 * PREVIEW

    window = quiet_window(qtbot, tmp_path)
    window.show()
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        window.load_source(DataSource(kind="file", path=str(path)), new=True)
    assert done.args == ["load", "finished"], window.reporter.last
    session = window.session
    assert session.orders_are_preview and len(session.orders) == PREVIEW
    assert session.total_orders == session.quality.rows == len(whole)
    assert session.segment_values == {"channel": sorted(CHANNELS)}
    pd.testing.assert_frame_equal(session.orders, whole.head(PREVIEW), check_dtype=False)
    data = window.pages["data"]
    assert data.orders_model.total_rows() == PREVIEW
    assert f"first {PREVIEW:,} orders" in data.source_label.text()
    assert f"all {len(whole):,}" in data.source_label.text()
    assert data.count_label.text() == f"{PREVIEW:,} of {len(whole):,} orders"
    assert not window.pages["scenarios"].data_button.isEnabled()

    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        window.run_analysis()
    assert done.args == ["analysis", "finished"], window.reporter.last
    expected = jobs.analyse(whole, session.assumptions)  # the core on the whole table
    pd.testing.assert_frame_equal(session.result.summary, expected.summary)
    assert len(expected.summary) > session.orders["customer_id"].nunique()

    export = window.pages["export"]
    table = tmp_path / "orders.csv"
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        export.export_table("orders", table)
    assert done.args == ["export", "finished"], window.reporter.last
    assert len(pd.read_csv(table)) == len(whole)
    session.set_dirty(False)


@pytest.mark.parametrize("rows", [PREVIEW, PREVIEW + 1])
def test_loaded_data_is_a_preview_only_above_the_limit(rows, monkeypatch):
    monkeypatch.setattr(jobs, "PREVIEW_ROWS", PREVIEW)
    frame = pd.DataFrame({"customer_id": [str(i % 7) for i in range(rows)],
                          "date": pd.Timestamp("2024-01-01"), "amount": 1.0,
                          "channel": ["Webshop", " Winkel ", ""] * (rows // 3) + [None] * (rows % 3)})
    loaded = jobs.LoadedData(orders=frame.head(jobs.PREVIEW_ROWS), quality=None,
                             source=DataSource(), total_rows=rows,
                             segment_values=jobs.split_values(frame))
    assert loaded.is_preview == (rows > PREVIEW)
    assert loaded.segment_values == {"channel": ["Webshop", "Winkel"]}
