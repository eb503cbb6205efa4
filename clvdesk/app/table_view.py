"""A table view tuned for large models: fixed row heights, sorting through the model."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class FastTableView(QTableView):
    """QTableView that never measures rows: fixed row height, interactive column widths.

    With fixed section sizes Qt does not touch every row to lay out a million of them; the row
    number header is hidden (sizing it asks the model for many header texts).
    """

    def __init__(self, parent=None, *, sortable: bool = True) -> None:
        super().__init__(parent)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(24)
        vertical.hide()
        horizontal = self.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setDefaultSectionSize(130)
        horizontal.setStretchLastSection(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSortingEnabled(sortable)
        self.setWordWrap(False)
