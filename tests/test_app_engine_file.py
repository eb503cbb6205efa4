"""A typed Parquet file larger than the window holds is read by the engine, never by pandas.

Issue 14, point 8: the 100M-row file. Above ``CLVDESK_PREVIEW_ROWS`` rows (2,000 here) a
Parquet file with typed date and amount columns goes to the engine in the worker process
(``OrderLog.from_file``, out of core): the quality report, the suggested settings and the split
values come from queries, the window gets the first valid orders, and the analysis and the
orders export query the file again. Every number must equal the importer's path on the same
file (the Dutch webshop orders with Dutch headers, returns, a missing amount and a blank id).
"""

import numpy as np
import pandas as pd
import pytest

from clvdesk.app import jobs
from clvdesk.app.project import DataSource
from clvdesk.core.io.readers import read_orders
from clvdesk.core.quality import quality_report
from tests.app_window import quiet_window
from tests.dutch_export import CHANNELS, dutch_orders

TIMEOUT = 180_000
PREVIEW = 2_000


@pytest.fixture
def typed_parquet(tmp_path):
    """The Dutch webshop orders as a typed Parquet file (integer ids, Dutch headers), with
    three returns, one order without amount and one with a blank channel."""
    orders = dutch_orders()
    returns = orders.iloc[[10, 500, 3000]].assign(
        date=lambda o: o["date"] + pd.Timedelta(days=3), amount=lambda o: -o["amount"])
    orders = pd.concat([orders, returns]).sort_values(["date", "customer_id"], kind="stable")
    orders["amount"] = orders["amount"].astype("float64")
    orders.iloc[42, orders.columns.get_loc("amount")] = np.nan
    orders.iloc[43, orders.columns.get_loc("channel")] = " "
    frame = pd.DataFrame({"Klantnummer": orders["customer_id"].astype("int64").to_numpy(),
                          "Besteldatum": orders["date"].to_numpy(),
                          "Bedrag": orders["amount"].to_numpy(),
                          "Kanaal": orders["channel"].to_numpy()})
    path = tmp_path / "bestellingen.parquet"
    frame.to_parquet(path, index=False)
    return path


def test_a_typed_parquet_file_goes_to_the_engine(typed_parquet):
    source = DataSource(kind="file", path=str(typed_parquet))
    assert jobs.engine_columns_of(source) == {
        "customer_id": "Klantnummer", "date": "Besteldatum", "amount": "Bedrag",
        "channel": "Kanaal"}
    assert jobs.engine_columns_of(DataSource(kind="file", path=str(typed_parquet),
                                             options={"decimal": ","})) is None


def test_the_window_shows_a_preview_and_analyses_the_whole_file_by_query(
        qtbot, tmp_path, monkeypatch, typed_parquet):
    monkeypatch.setenv("CLVDESK_PREVIEW_ROWS", str(PREVIEW))  # read by the worker processes
    imported = read_orders(typed_parquet)
    whole = imported.orders
    assert len(whole) > 3 * PREVIEW

    window = quiet_window(qtbot, tmp_path)
    window.show()
    messages = []
    window.runner.progress.connect(lambda fraction, message: messages.append(message))
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        window.load_source(DataSource(kind="file", path=str(typed_parquet)), new=True)
    assert done.args == ["load", "finished"], window.reporter.last
    assert any("into the engine" in m for m in messages)  # not the importer's "reading" steps
    session = window.session
    assert session.orders_are_preview and len(session.orders) == PREVIEW
    assert len(imported.dropped) == 1  # the order without amount
    assert session.total_orders == session.quality.rows == len(whole)
    got, want = session.quality.to_dict(), quality_report(imported).to_dict()
    # the engine adds amounts in parallel, in no fixed order: equal to the last digits
    assert got.pop("total_amount") == pytest.approx(want.pop("total_amount"), rel=1e-12)
    assert got == want
    assert session.segment_values == {"channel": sorted(CHANNELS)}
    assert session.assumptions["segment_col"] == "channel"
    expected = whole.head(PREVIEW)
    shown = session.orders
    assert shown["customer_id"].astype(str).tolist() == expected["customer_id"].tolist()
    pd.testing.assert_series_equal(shown["date"], expected["date"], check_dtype=False)
    pd.testing.assert_series_equal(shown["amount"], expected["amount"])
    assert window.pages["data"].count_label.text() == f"{PREVIEW:,} of {len(whole):,} orders"

    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        window.run_analysis()
    assert done.args == ["analysis", "finished"], window.reporter.last
    result = session.result
    assert result.orders is None  # the window never holds the order table
    reference = jobs.analyse(whole, session.assumptions)  # the importer's table, in pandas
    got = result.summary.copy()
    got.index = got.index.astype(str)
    pd.testing.assert_frame_equal(got, reference.summary, check_index_type=False)
    for name in ("segments", "segments_closed_form", "tracking"):
        pd.testing.assert_frame_equal(getattr(result, name).reset_index(drop=True),
                                      getattr(reference, name).reset_index(drop=True),
                                      check_dtype=False, obj=name)
    # the fit ran in the worker process, whose BLAS threads differ: the same optimum to 1e-8
    np.testing.assert_allclose(result.predictions["clv"].to_numpy(),
                               reference.predictions["clv"].to_numpy(), rtol=1e-6)

    export = window.pages["export"]
    table = tmp_path / "orders.csv"
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        export.export_table("orders", table)
    assert done.args == ["export", "finished"], window.reporter.last
    written = pd.read_csv(table)
    assert list(written.columns) == ["Customer", "Order date", "Amount", "Channel"]
    assert len(written) == len(whole)
    assert written["Amount"].sum() == pytest.approx(whole["amount"].sum())
    session.set_dirty(False)


def test_orders_of_a_large_file_are_written_in_chunks(tmp_path, monkeypatch, typed_parquet):
    monkeypatch.setattr(jobs, "EXPORT_CHUNK_ROWS", 1_000)
    source = DataSource(kind="file", path=str(typed_parquet))
    headers = {"customer_id": "Klant", "date": "Datum", "amount": "Bedrag", "channel": "Kanaal"}
    path = jobs.save_orders(source, tmp_path / "bestellingen.csv", headers, "nl")
    text = path.read_bytes()
    assert text.startswith(b"\xef\xbb\xbfKlant;Datum;Bedrag;Kanaal\n")  # one header, Dutch CSV
    assert text.count(b"Klant;") == 1
    written = pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")
    whole = read_orders(typed_parquet).orders
    assert written["Klant"].tolist() == whole["customer_id"].astype(int).tolist()
    np.testing.assert_allclose(written["Bedrag"], whole["amount"])
    parquet = jobs.save_orders(source, tmp_path / "bestellingen.parquet", headers, "en")
    assert pd.read_parquet(parquet)["Bedrag"].sum() == pytest.approx(whole["amount"].sum())
