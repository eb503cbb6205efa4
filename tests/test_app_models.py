"""The app's table models, formatting and typed-order parsing (no window needed)."""

import time

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from clvdesk.app.formatting import Formatter
from clvdesk.app.models import ColumnKind, DataFrameModel, OrderEntryModel
from clvdesk.app.order_records import parse_amount, records_to_orders
from clvdesk.core.errors import InputError


@pytest.fixture
def million() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    n = 1_000_000
    return pd.DataFrame({
        "customer_id": pd.array(rng.integers(1, 300_000, n).astype(str), dtype="str"),
        "clv": rng.gamma(1.5, 40.0, n),
        "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D"),
    })


def test_money_and_numbers_follow_the_language():
    nl = Formatter("nl", "€")
    en = Formatter("en", "€")
    assert nl.money(1234.56) == "€\u00a01.234,56"
    assert en.money(1234.56) == "€1,234.56"
    assert nl.money(-12) == "-€\u00a012,00"
    assert nl.number(0.5, 1) == "0,5"
    assert nl.integer(23570) == "23.570"
    assert nl.percent(0.125) == "12,5\u00a0%"
    assert en.percent(0.125) == "12.5%"
    assert nl.money(float("nan")) == ""
    assert nl.parse_number("1.234,5") == pytest.approx(1234.5)
    assert en.parse_number("1,234.5") == pytest.approx(1234.5)


def test_million_rows_load_sort_and_filter_without_per_row_python(qtbot, million):
    model = DataFrameModel(kinds={"clv": ColumnKind.MONEY}, formatter=Formatter("en", "$"))
    start = time.perf_counter()
    model.set_frame(million)
    assert time.perf_counter() - start < 0.1  # no per-row work at load
    assert model.shown_rows() == 1_000_000
    with qtbot.waitSignal(model.sorted, timeout=20_000):
        start = time.perf_counter()
        model.sort(1, Qt.SortOrder.DescendingOrder)
        assert time.perf_counter() - start < 0.05  # sorted in the background
    assert model.raw_value(0, 1) == million["clv"].max()
    top = million["clv"].max()
    assert model.data(model.index(0, 1)) == Formatter("en", "$").money(top)
    assert model.raw_value(0, 1) == top
    with qtbot.waitSignal(model.sorted, timeout=20_000):
        model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.raw_value(0, 1) == million["clv"].min()
    with qtbot.waitSignal(model.sorted, timeout=20_000):
        model.sort(0, Qt.SortOrder.AscendingOrder)  # text column
    assert model.data(model.index(0, 0)) == million["customer_id"].min()
    with qtbot.waitSignal(model.sorted, timeout=20_000):
        model.sort(1, Qt.SortOrder.AscendingOrder)
    with qtbot.waitSignal(model.filtered, timeout=20_000):
        start = time.perf_counter()
        model.set_range_filter("clv", 100.0, None)
        assert time.perf_counter() - start < 0.05  # filtered in the background
    expected = int((million["clv"] >= 100).sum())
    assert model.shown_rows() == expected
    shown = million["clv"].to_numpy()[model.visible_rows()]
    assert np.all(shown >= 100) and np.all(np.diff(shown) >= 0)  # still sorted
    with qtbot.waitSignal(model.filtered, timeout=20_000):
        model.set_text_filter("1234")
    both = (million["clv"] >= 100) & million["customer_id"].str.contains("1234", regex=False)
    assert model.shown_rows() == int(both.sum())
    with qtbot.waitSignal(model.filtered, timeout=20_000):
        model.clear_filter()
    assert model.shown_rows() == 1_000_000
    assert model.data(model.index(0, 2)) == str(million["date"].iloc[model.visible_rows()[0]].date())


def test_rows_reach_the_view_lazily_in_batches(qtbot, million):
    """Qt's incremental population: the view holds FETCH_ROWS rows and fetches more as the
    user scrolls to the end; sorting or filtering starts again from the first batch."""
    from PySide6.QtWidgets import QTableView

    from clvdesk.app.models.dataframe_model import FETCH_ROWS

    model = DataFrameModel(kinds={"clv": ColumnKind.MONEY})
    model.set_frame(million)
    assert model.rowCount() == FETCH_ROWS < model.shown_rows() == 1_000_000
    assert model.canFetchMore()
    view = QTableView()
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()  # reaching the end asks the model for the next batch
    qtbot.waitUntil(lambda: model.rowCount() == 2 * FETCH_ROWS, timeout=5_000)
    assert view.model().rowCount() == 2 * FETCH_ROWS
    last = model.rowCount() - 1
    assert model.raw_value(last, 1) == million["clv"].iloc[last]
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1_000_000 and not model.canFetchMore()
    first_batch: list[int] = []  # rows when the filter's rows are shown (the view may fetch on)
    model.filtered.connect(lambda: first_batch.append(model.rowCount()))
    with qtbot.waitSignal(model.filtered, timeout=20_000):
        model.set_range_filter("clv", 100.0, None)
    assert first_batch[-1] == min(FETCH_ROWS, model.shown_rows())
    with qtbot.waitSignal(model.filtered, timeout=20_000):
        model.set_range_filter("clv", 10_000.0, None)  # fewer than a batch: all of them
    assert model.rowCount() == model.shown_rows() == int((million["clv"] >= 10_000).sum())
    assert not model.canFetchMore()


def test_sort_puts_missing_values_last_both_ways(qtbot):
    frame = pd.DataFrame({"x": [2.0, np.nan, 1.0, 3.0], "name": ["b", None, "a", "c"]})
    model = DataFrameModel(frame)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(0, order)
        assert np.isnan(model.raw_value(3, 0))
        model.sort(1, order)
        assert model.data(model.index(3, 1)) == ""
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.raw_value(i, 0) for i in range(3)] == [3.0, 2.0, 1.0]


def test_customer_numbers_are_shown_as_ids_and_sorted_as_numbers(qtbot):
    """A typed Parquet file keeps integer customer ids: shown without thousands separators,
    filtered as text, sorted 9 before 10."""
    frame = pd.DataFrame({"clv": [1.0, 2.0, 3.0]},
                         index=pd.Index([1653006, 9, 10], name="customer_id"))
    model = DataFrameModel(frame, show_index=True)
    assert model.data(model.index(0, 0)) == "1653006"
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.data(model.index(i, 0)) for i in range(3)] == ["9", "10", "1653006"]
    model.set_text_filter("165")
    assert model.shown_rows() == 1


def test_index_is_shown_as_first_column(qtbot):
    frame = pd.DataFrame({"clv": [1.0, 2.0]}, index=pd.Index(["a", "b"], name="customer_id"))
    model = DataFrameModel(frame, show_index=True, labels={"customer_id": "Customer"})
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Customer"
    assert model.data(model.index(1, 0)) == "b"
    assert model.frame is frame


def test_index_as_column_is_reset_index_without_copies():
    from clvdesk.app.models.dataframe_model import index_as_column

    frame = pd.DataFrame({
        "n": np.arange(4), "clv": [1.0, 2.5, np.nan, 4.0],
        "status": pd.array(["new", "active", None, "lapsed"], dtype="str"),
        "tier": pd.Categorical([1, 2, 1, 3]), "when": pd.date_range("2024-01-01", periods=4),
        "count": pd.array([1, None, 3, 4], dtype="Int64"), "note": [1, "x", None, 2.5],
    }, index=pd.Index(["C1", "C2", "C3", "C4"], name="customer_id"))
    shown = index_as_column(frame)
    pd.testing.assert_frame_equal(shown, frame.reset_index())
    for column in ("n", "clv", "when"):
        assert np.shares_memory(shown[column].to_numpy(), frame[column].to_numpy())
    unnamed = frame.rename_axis(None)
    pd.testing.assert_frame_equal(index_as_column(unnamed), unnamed.reset_index())
    clash = frame.rename(columns={"n": "customer_id"})  # pandas' own rule (an error) applies
    with pytest.raises(ValueError):
        index_as_column(clash)


def test_typed_orders_become_a_canonical_order_table():
    orders = records_to_orders([
        ["k1", "2024-01-05", "12,50", "retail", ""],
        ["k1", "31-01-2024", "1.234,00", "", "web"],
        ["k2", "02/02/2024", "7.5", "b2b", "shop"],
    ])
    assert list(orders.columns) == ["customer_id", "date", "amount", "segment", "channel"]
    assert orders["amount"].tolist() == [12.5, 1234.0, 7.5]
    assert orders["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-01-05", "2024-01-31", "2024-02-02"]
    assert orders["segment"].tolist() == ["retail", "unknown", "b2b"]
    assert pd.api.types.is_datetime64_any_dtype(orders["date"])


def test_typed_order_errors_name_row_and_column():
    with pytest.raises(InputError, match=r"row 2, amount: 'abc' is not a number"):
        records_to_orders([["k1", "2024-01-05", "10"], ["k2", "2024-01-06", "abc"]])
    with pytest.raises(InputError, match="no orders entered"):
        records_to_orders([])
    assert parse_amount("€ 1.234,56") == pytest.approx(1234.56)
    assert parse_amount("nan") is None


def test_entry_model_grows_and_marks_invalid_cells(qtbot):
    model = OrderEntryModel()
    assert model.rowCount() == 1  # the empty row to type in
    model.setData(model.index(0, 0), "k1")
    assert model.rowCount() == 2
    model.setData(model.index(0, 1), "2024-13-45")
    model.setData(model.index(0, 2), "9,95")
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is not None
    assert "not a date" in model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    model.setData(model.index(0, 1), "2024-12-31")
    assert model.problems() == []
    assert model.to_orders()["amount"].tolist() == [9.95]
    model.remove_rows([0])
    assert model.order_count() == 0
