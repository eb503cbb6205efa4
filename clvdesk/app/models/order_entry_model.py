"""An editable table for typing orders by hand (a few hundred rows at most).

Each row is one order: customer, date, amount and optional segment and channel. Cells hold the
text as typed; invalid cells are tinted and listed by :meth:`OrderEntryModel.problems`, and
:meth:`OrderEntryModel.to_orders` turns the rows into the core's canonical order table.
There is always one empty row at the bottom to type into.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from clvdesk.app.order_records import (
    COLUMNS,
    TR_CONTEXT,
    problems,
    records_to_orders,
    text_error,
)

_Index = QModelIndex | QPersistentModelIndex
_INVALID_BRUSH = QColor(255, 220, 220)

if TYPE_CHECKING:
    import pandas as pd


class OrderEntryModel(QAbstractTableModel):
    """Orders typed by hand, validated cell by cell."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self._labels: dict[str, str] = {}

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        text = self._cell(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.BackgroundRole and index.row() < len(self._rows):
            if self._cell_error(index.row(), index.column()):
                return _INVALID_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and index.row() < len(self._rows):
            return self._cell_error(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()] == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = "" if value is None else str(value).strip()
        row = index.row()
        if row == len(self._rows):
            if not text:
                return False
            self.beginInsertRows(QModelIndex(), row + 1, row + 1)
            self._rows.append([""] * len(COLUMNS))
            self.endInsertRows()
        self._rows[row][index.column()] = text
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            name = COLUMNS[section]
            return self._labels.get(name, name)
        return "*" if section == len(self._rows) else str(section + 1)

    # ------------------------------------------------------------------ editing
    def set_labels(self, labels: dict[str, str]) -> None:
        self._labels = dict(labels)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def remove_rows(self, rows: list[int]) -> None:
        """Delete the given rows (the empty entry row cannot be deleted)."""
        for row in sorted({r for r in rows if 0 <= r < len(self._rows)}, reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def set_records(self, records: list[list[str]]) -> None:
        """Replace all rows with text records (as saved in a project file)."""
        self.beginResetModel()
        self._rows = [
            [str(r[i]) if i < len(r) and r[i] is not None else "" for i in range(len(COLUMNS))]
            for r in records
        ]
        self.endResetModel()

    def records(self) -> list[list[str]]:
        """The rows as typed, for the project file."""
        return [list(r) for r in self._rows]

    def order_count(self) -> int:
        return len(self._rows)

    # ------------------------------------------------------------------ validation
    def problems(self) -> list[str]:
        """One line per invalid cell, e.g. ``row 3, amount: '12,3x' is not a number``."""
        return problems(self._rows, _translate, self._labels)

    def to_orders(self) -> pd.DataFrame:
        """The rows as a canonical order table; raises InputError listing the first problems."""
        return records_to_orders(self._rows)

    def _cell(self, row: int, column: int) -> str:
        return self._rows[row][column] if row < len(self._rows) else ""

    def _cell_error(self, row: int, column: int) -> str:
        name = COLUMNS[column]
        text = self._rows[row][column]
        return text_error(name, text, _translate)




def _translate(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)
