"""A read-only table model over a pandas DataFrame that stays fast at a million rows.

Nothing is done per row at load: the model keeps the DataFrame and an index array ``rows`` of
the visible rows in display order. ``data()`` formats only the cells Qt asks for (the visible
ones). Sorting is one argsort of the column, filtering one vectorised mask; both just replace
``rows`` (:mod:`clvdesk.app.models.row_query`, in a background thread for big tables, the
latest request only). No QSortFilterProxyModel and no Python objects per row.

Rows are shown lazily, Qt's incremental population (``canFetchMore``/``fetchMore``): the view
gets the first :data:`FETCH_ROWS` rows and asks for the next batch when the user scrolls near
the end, so a table of ten million customers costs the view what a hundred thousand do
(``rowCount`` is the rows fetched; :meth:`DataFrameModel.shown_rows` the rows the filter
lets through).
"""

from __future__ import annotations

import threading
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from clvdesk.app.formatting import Formatter
from clvdesk.app.models.row_query import BACKGROUND_ROWS, RowAnswer, RowQuery, answer

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_USER = Qt.ItemDataRole.UserRole
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ColumnKind(StrEnum):
    """How a column's values are shown."""

    TEXT = "text"
    MONEY = "money"
    NUMBER = "number"
    INTEGER = "integer"
    PERCENT = "percent"
    DATE = "date"


#: Columns that hold identifiers: text even when the file stores them as numbers (a customer
#: number 1653006 is shown as such, not as "1,653,006"; it still sorts as a number).
IDENTIFIER_COLUMNS = ("customer_id", "order_id")


def infer_kind(series: pd.Series) -> ColumnKind:
    """The display kind implied by a column's dtype.

    Integer dtypes (``int64``, nullable ``Int64``) are whole numbers; so is a float column
    whose values are all whole (an integer column with gaps reads as ``float64``): one
    vectorised check, no per-row Python. :data:`IDENTIFIER_COLUMNS` are text.
    """
    import numpy as np
    import pandas as pd

    if pd.api.types.is_bool_dtype(series) or series.name in IDENTIFIER_COLUMNS:
        return ColumnKind.TEXT
    if pd.api.types.is_integer_dtype(series):
        return ColumnKind.INTEGER
    if pd.api.types.is_float_dtype(series):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        finite = values[np.isfinite(values)]
        if finite.size and np.array_equal(finite, np.round(finite)):
            return ColumnKind.INTEGER
        return ColumnKind.NUMBER
    if pd.api.types.is_datetime64_any_dtype(series):
        return ColumnKind.DATE
    return ColumnKind.TEXT


_LEFT_KINDS = (ColumnKind.TEXT, ColumnKind.DATE)


def index_as_column(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame.reset_index()`` without copying: the same columns, the index first, sharing the
    arrays (``reset_index`` copied the 10M customer ids of a result on the window's thread).
    A MultiIndex, an index named like a column or repeated column names go to pandas."""
    import pandas as pd

    name = "index" if frame.index.name is None else frame.index.name
    if (frame.index.nlevels > 1 or not frame.columns.is_unique or name in frame.columns):
        return frame.reset_index()
    columns = {name: frame.index.array}
    columns.update((column, frame[column].array) for column in frame.columns)
    return pd.DataFrame(columns, copy=False)


#: Rows handed to the view at first and per ``fetchMore`` as the user scrolls.
FETCH_ROWS = 100_000


class DataFrameModel(QAbstractTableModel):
    """Show ``frame`` (index included as the first column when ``show_index``)."""

    #: Emitted when a new sort order is shown.
    sorted = Signal()
    #: Emitted when the rows of a new filter are shown.
    filtered = Signal()
    _answered = Signal(object)  # a RowAnswer from the background thread

    def __init__(
        self,
        frame: pd.DataFrame | None = None,
        *,
        kinds: dict[str, ColumnKind] | None = None,
        labels: dict[str, str] | None = None,
        formatter: Formatter | None = None,
        show_index: bool = False,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._formatter = formatter or Formatter()
        self._labels = dict(labels or {})
        self._value_labels: dict[str, dict[str, str]] = {}
        self._header_tips: dict[str, str] = {}
        self._kinds_given = dict(kinds or {})
        self._show_index = show_index
        self._generation = 0  # of the latest RowQuery; older answers are dropped
        self._next_query: RowQuery | None = None  # for the background thread
        self._worker_running = False
        self._worker_lock = threading.Lock()
        self._answered.connect(self._show_answer)
        self._empty()
        if frame is not None:
            self.set_frame(frame, kinds=kinds)

    # ------------------------------------------------------------------ data in
    def _empty(self) -> None:
        self._source = None
        self._frame = None
        self._names: list[str] = []
        self._kinds: list[ColumnKind] = []
        self._arrays: dict = {}
        self._rows = ()
        self._fetched = 0
        self._generation += 1
        self._query = self._shown = None  # asked for, shown (RowQuery)

    def clear(self) -> None:
        """No table (pandas is not needed until a table is set)."""
        self.beginResetModel()
        self._empty()
        self.endResetModel()

    def total_rows(self) -> int:
        """Rows of the whole table, before filtering."""
        return 0 if self._frame is None else len(self._frame)

    def set_frame(self, frame: pd.DataFrame, *, kinds: dict[str, ColumnKind] | None = None) -> None:
        """Replace the table: O(number of columns), plus one vectorised scan of each float column
        without a given kind (:func:`infer_kind`)."""

        source = frame
        if self._show_index:
            frame = index_as_column(frame)
        if kinds is not None:
            self._kinds_given = dict(kinds)
        names = [str(c) for c in frame.columns]
        column_kinds = [  # a column without a given kind is scanned once (infer_kind)
            ColumnKind(self._kinds_given[name]) if name in self._kinds_given
            else infer_kind(frame.iloc[:, i])
            for i, name in enumerate(names)
        ]
        self.beginResetModel()
        self._source = source
        self._frame = frame
        self._names = names
        self._kinds = column_kinds
        self._arrays: dict[int, np.ndarray] = {}  # zero-copy views of non-text columns
        self._generation += 1
        self._query = RowQuery(self._generation, frame, frozenset(
            i for i, kind in enumerate(column_kinds) if kind is ColumnKind.TEXT))
        self._shown = self._query
        # the unsorted order is a range: no per-row array (and its page faults) on the GUI thread
        self._rows = range(len(frame))
        self._fetched = min(len(self._rows), FETCH_ROWS)
        self.endResetModel()

    def set_formatter(self, formatter: Formatter) -> None:
        """Show the same data in another language or currency."""
        self._formatter = formatter
        self._refresh()

    def set_labels(self, labels: dict[str, str]) -> None:
        """Column header texts by column name (untranslated names show as they are)."""
        self._labels = dict(labels)
        if self._names:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._names) - 1)

    def set_value_labels(self, labels: dict[str, dict[str, str]]) -> None:
        """Display texts of fixed values of text columns, by column name then value.

        For the core's fixed labels (``"all customers"``) in the interface language; the data
        itself, sorting and filtering keep the core's values.
        """
        self._value_labels = {name: dict(texts) for name, texts in labels.items()}
        self._refresh()

    @property
    def frame(self) -> pd.DataFrame | None:
        """The table as given (index included), unsorted and unfiltered; None when empty."""
        return self._source

    def column_names(self) -> list[str]:
        return list(self._names)

    def visible_rows(self) -> np.ndarray:
        """Positions in :attr:`frame` of the rows shown, in display order."""
        import numpy as np

        if isinstance(self._rows, range):
            return np.arange(len(self._rows), dtype=np.int64)
        return self._rows

    def visible_frame(self) -> pd.DataFrame:
        """The rows shown, in display order (for exporting what the user sees)."""
        return self._source.iloc[self._rows]

    # ------------------------------------------------------------------ Qt API
    def shown_rows(self) -> int:
        """Rows after filtering (all of them, fetched by the view or not)."""
        return len(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else self._fetched

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt API
        return not parent.isValid() and self._fetched < len(self._rows)

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt API
        if parent.isValid():
            return
        more = min(FETCH_ROWS, len(self._rows) - self._fetched)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._fetched, self._fetched + more - 1)
        self._fetched += more
        self.endInsertRows()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._names)

    def data(self, index: _Index, role: int = _DISPLAY):
        if role == _DISPLAY:
            return self._display(int(self._rows[index.row()]), index.column())
        if role == _ALIGNMENT:
            return _LEFT if self._kinds[index.column()] in _LEFT_KINDS else _RIGHT
        if role == _USER:
            return self.raw_value(index.row(), index.column())
        return None

    def set_header_tooltips(self, tips: dict[str, str]) -> None:
        """Tooltips of column headers by column name (explanations of what a column means)."""
        self._header_tips = dict(tips)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._names):
                return self._header_tips.get(self._names[section])
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._names):
                name = self._names[section]
                return self._labels.get(name, name)
            return None
        return self._formatter.integer(section + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``; missing values go last in both directions; ``sorted`` is
        emitted once the new order is shown (at once for a small table)."""
        if 0 <= column < len(self._names):
            self._ask(sort=(column, order == Qt.SortOrder.DescendingOrder))

    # ------------------------------------------------------------------ filtering
    def set_text_filter(self, text: str, column: str | None = None) -> None:
        """Show rows whose text in ``column`` (or any text column) contains ``text``.

        Case-insensitive, plain substring (not a regular expression). Empty text clears it.
        ``filtered`` is emitted once its rows are shown.
        """
        text = text.strip()
        if not text or self._frame is None:
            self._ask(text=None)
            return
        columns = ((self._names.index(column),) if column in self._names else ()) if column \
            else tuple(sorted(self._query.text_columns))
        self._ask(text=(text, columns))

    def set_range_filter(self, column: str, low: float | None, high: float | None) -> None:
        """Show rows whose numeric ``column`` lies in [low, high] (either end open if None).

        Combines with the text filter (both must hold).
        """
        if column not in self._names or (low is None and high is None):
            self._ask(value_range=None)
        else:
            self._ask(value_range=(self._names.index(column), low, high))

    def clear_filter(self) -> None:
        self._ask(text=None, value_range=None)

    def _ask(self, **changes) -> None:
        """Show the rows of the current query with ``changes``: at once for a small table,
        else from the background thread."""
        if self._query is None:
            return
        from dataclasses import replace

        self._generation += 1
        query = replace(self._query, generation=self._generation, **changes)
        self._query = query
        if len(query.frame) < BACKGROUND_ROWS:
            self._show_answer(answer(query))
            return
        with self._worker_lock:
            self._next_query = query
            start = not self._worker_running
            self._worker_running = True
        if start:
            threading.Thread(target=self._answer_queries, name="clvdesk-table-rows",
                             daemon=True).start()

    def _answer_queries(self) -> None:
        """Background thread: answer the latest query until none is waiting."""
        while True:
            with self._worker_lock:
                query, self._next_query = self._next_query, None
                if query is None:
                    self._worker_running = False
                    return
            result = answer(query)
            try:
                self._answered.emit(result)
            except RuntimeError:  # the model was deleted meanwhile (its window closed)
                return

    def _show_answer(self, result: RowAnswer) -> None:
        query = result.query
        if query.generation != self._generation:
            return  # a newer request or another table came meanwhile
        shown = self._shown
        self._shown = query
        if shown is not None and (shown.text, shown.value_range) == (query.text,
                                                                      query.value_range):
            self.layoutAboutToBeChanged.emit()
            self._rows = result.rows
            self._fetched = min(len(self._rows), FETCH_ROWS)  # back to the first batch
            self.layoutChanged.emit()
        else:
            self.beginResetModel()
            self._rows = result.rows
            self._fetched = min(len(self._rows), FETCH_ROWS)
            self.endResetModel()
            self.filtered.emit()
        if shown is None or shown.sort != query.sort:
            self.sorted.emit()

    # ------------------------------------------------------------------ helpers
    def raw_value(self, row: int, column: int):
        """The unformatted value at a visible row."""
        return self._frame.iat[int(self._rows[row]), column]

    def _refresh(self) -> None:
        if self._fetched and self._names:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._fetched - 1, len(self._names) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(self._fetched - 1, 0))

    def _display(self, row: int, column: int) -> str:
        import numpy as np
        import pandas as pd

        kind = self._kinds[column]
        fmt = self._formatter
        if kind is ColumnKind.TEXT:
            value = self._frame.iat[row, column]
            if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
                return ""
            texts = self._value_labels.get(self._names[column])
            return texts.get(value, str(value)) if texts else str(value)
        values = self._arrays.get(column)
        if values is None:
            values = self._arrays[column] = self._frame.iloc[:, column].to_numpy()
        value = values[row]
        if kind is ColumnKind.DATE:
            if values.dtype.kind != "M":
                return fmt.date(value)
            return "" if np.isnat(value) else fmt.day(np.datetime_as_string(value, unit="D"))
        if kind is ColumnKind.MONEY:
            return fmt.money(value)
        if kind is ColumnKind.NUMBER:
            return fmt.number(value, 2)
        if kind is ColumnKind.INTEGER:
            return fmt.integer(value)
        return fmt.percent(value)
