"""An editable table for typing orders by hand (a few hundred rows at most).

Each row is one order: customer, date, amount and optional segment and channel. Cells hold the
text as typed; invalid cells are tinted and listed by :meth:`OrderEntryModel.problems`, and
:meth:`OrderEntryModel.to_orders` turns the rows into the core's canonical order table.
There is always one empty row at the bottom to type into.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from clvdesk.core.errors import InputError

_Index = QModelIndex | QPersistentModelIndex

#: Canonical column names, in display order.
COLUMNS: tuple[str, ...] = ("customer_id", "date", "amount", "segment", "channel")
_REQUIRED = ("customer_id", "date", "amount")
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")
_INVALID_BRUSH = QColor(255, 220, 220)


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
        return _problems(self._rows, self.tr)

    def to_orders(self) -> pd.DataFrame:
        """The rows as a canonical order table; raises InputError listing the first problems."""
        return records_to_orders(self._rows)

    def _cell(self, row: int, column: int) -> str:
        return self._rows[row][column] if row < len(self._rows) else ""

    def _cell_error(self, row: int, column: int) -> str:
        name = COLUMNS[column]
        text = self._rows[row][column]
        return _text_error(name, text, self.tr)


def records_to_orders(records: list[list[str]]) -> pd.DataFrame:
    """Typed rows (customer, date, amount, segment, channel) as a canonical order table.

    Amounts may use a decimal comma or point (``12,50`` or ``12.50``); dates ``YYYY-MM-DD`` or
    day first (``31-12-2024``, ``31/12/2024``, ``31.12.2024``). Raises InputError naming the
    first invalid cells.
    """
    rows = [[str(r[i]).strip() if i < len(r) else "" for i in range(len(COLUMNS))] for r in records]
    rows = [r for r in rows if any(r)]
    if not rows:
        raise InputError("no orders entered yet: type at least one row")
    problems = _problems(rows, lambda text: text)
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise InputError("; ".join(problems[:3]) + more)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    orders = pd.DataFrame(
        {
            "customer_id": frame["customer_id"].astype(str),
            "date": pd.to_datetime([_parse_date(t) for t in frame["date"]]),
            "amount": [parse_amount(t) for t in frame["amount"]],
        }
    )
    orders["amount"] = orders["amount"].astype(float)
    for optional in ("segment", "channel"):
        if (frame[optional] != "").any():
            orders[optional] = frame[optional].replace("", "unknown").astype(str)
    return orders


def parse_amount(text: str) -> float | None:
    """A typed amount: ``1234.5``, ``1234,5``, ``1.234,50``, ``1,234.50``, ``€ 12``."""
    text = text.strip().replace("\u00a0", "").replace(" ", "").lstrip("€$£")
    if not text:
        return None
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _problems(rows: list[list[str]], tr) -> list[str]:
    out = []
    for r, row in enumerate(rows):
        for name, text in zip(COLUMNS, row, strict=True):
            error = _text_error(name, text, tr)
            if error:
                out.append(tr("row {0}, {1}: {2}").format(r + 1, name, error))
    return out


def _text_error(name: str, text: str, tr) -> str:
    if not text:
        return tr("required") if name in _REQUIRED else ""
    if name == "amount" and parse_amount(text) is None:
        return tr("'{0}' is not a number").format(text)
    if name == "date" and _parse_date(text) is None:
        return tr("'{0}' is not a date (use YYYY-MM-DD or DD-MM-YYYY)").format(text)
    return ""


def _parse_date(text: str) -> dt.date | None:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None
