"""Step 1, Data: import an order file (preview and column mapping), open the demo, or type orders.

The loaded order table is shown as the core returns it (canonical columns), fast at a million
rows, with a text filter. Typed orders live in the project file, so they survive a restart.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clvdesk.app.file_dialogs import open_file_name
from clvdesk.app.import_dialog import ImportDialog, column_labels
from clvdesk.app.models import ColumnKind, DataFrameModel, OrderEntryModel
from clvdesk.app.pages.base import Page
from clvdesk.app.project import DataSource
from clvdesk.app.table_view import FastTableView
from clvdesk.core.errors import InputError

FILE_FILTER = "*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods *.parquet *.pq"


class DataPage(Page):
    name = "data"

    def __init__(self, window) -> None:
        super().__init__(window)
        buttons = QHBoxLayout()
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_file_dialog)
        self.demo_button = QPushButton()
        self.demo_button.clicked.connect(window.open_demo)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.body.addWidget(self.source_label)

        self.tabs = QTabWidget()
        # loaded orders
        loaded = QWidget()
        loaded_layout = QVBoxLayout(loaded)
        filter_row = QHBoxLayout()
        self.filter_label = QLabel()
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda text: self.orders_model.set_text_filter(text))
        self.count_label = QLabel()
        filter_row.addWidget(self.filter_label)
        filter_row.addWidget(self.filter_edit, 1)
        filter_row.addWidget(self.count_label)
        loaded_layout.addLayout(filter_row)
        self.orders_model = DataFrameModel(
            kinds={"amount": ColumnKind.MONEY, "cost": ColumnKind.MONEY,
                   "margin": ColumnKind.MONEY, "acquisition_cost": ColumnKind.MONEY},
            formatter=self.formatter,
        )
        self.orders_model.modelReset.connect(self._update_count)
        self.orders_view = FastTableView()
        self.orders_view.setModel(self.orders_model)
        loaded_layout.addWidget(self.orders_view)
        self.tabs.addTab(loaded, "")

        # typed orders
        typed = QWidget()
        typed_layout = QVBoxLayout(typed)
        self.entry_help = QLabel()
        self.entry_help.setWordWrap(True)
        typed_layout.addWidget(self.entry_help)
        self.entry_model = OrderEntryModel()
        self.entry_view = FastTableView(sortable=False)
        self.entry_view.setModel(self.entry_model)
        self.entry_view.verticalHeader().show()  # row numbers and * for the new row
        typed_layout.addWidget(self.entry_view, 1)
        entry_buttons = QHBoxLayout()
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self._delete_rows)
        self.use_button = QPushButton()
        self.use_button.clicked.connect(self.use_entered_orders)
        entry_buttons.addWidget(self.delete_button)
        entry_buttons.addStretch(1)
        entry_buttons.addWidget(self.use_button)
        typed_layout.addLayout(entry_buttons)
        self.tabs.addTab(typed, "")
        self.body.addWidget(self.tabs, 1)

        self.entry_model.dataChanged.connect(lambda *_: self.session.set_dirty())
        self.session.orders_changed.connect(self._show_orders)
        self.session.project_changed.connect(self._project_changed)

    # ------------------------------------------------------------------ texts
    def title(self) -> str:
        return self.tr("Data")

    def intro(self) -> str:
        return self.tr(
            "Orders are the start: one row per order with customer, date and amount (segment and "
            "channel optional). Import a CSV, Excel or Parquet export, type orders by hand, or "
            "open the CDNOW demo data."
        )

    def retranslate(self) -> None:
        super().retranslate()
        self.import_button.setText(self.tr("Import order file..."))
        self.demo_button.setText(self.tr("Open demo data (CDNOW)"))
        self.filter_label.setText(self.tr("Filter:"))
        self.filter_edit.setPlaceholderText(self.tr("customer, segment or channel contains..."))
        self.tabs.setTabText(0, self.tr("Loaded orders"))
        self.tabs.setTabText(1, self.tr("Enter orders by hand"))
        self.entry_help.setText(self.tr(
            "Type one order per row; the last row is always empty for a new order. Dates as "
            "2024-12-31 or 31-12-2024, amounts as 12.50 or 12,50. Invalid cells turn red."
        ))
        self.delete_button.setText(self.tr("Delete selected rows"))
        self.use_button.setText(self.tr("Use these orders"))
        labels = column_labels()
        self.orders_model.set_labels(labels)
        self.entry_model.set_labels(labels)
        self._update_source_label()
        self._update_count()

    def formatter_changed(self) -> None:
        self.orders_model.set_formatter(self.formatter)
        self._update_source_label()
        self._update_count()

    # ------------------------------------------------------------------ actions
    def import_file_dialog(self) -> None:
        """Ask for a file, show the import dialog, then read it in the background."""
        folder = str(self.main._last_folder())
        path = open_file_name(
            self, self.tr("Import orders"), folder,
            self.tr("Order files ({0});;All files (*)").format(FILE_FILTER),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> ImportDialog:
        """Open the preview and mapping dialog for ``path`` (window-modal, non-blocking)."""
        dialog = ImportDialog(path, self.main.reporter, self)
        dialog.accepted.connect(lambda: self.main.load_source(
            dialog.source(), new=True, keep=dialog.keep_settings()))
        dialog.open()
        return dialog

    def use_entered_orders(self) -> None:
        """Validate the typed orders and make them the session's data."""
        source = DataSource(kind="manual", records=self.entry_model.records())
        found = self.entry_model.problems()  # in the interface language, under the headers
        if found:
            more = self.tr(" (and {0} more)").format(len(found) - 3) if len(found) > 3 else ""
            self.main.reporter.report(InputError("; ".join(found[:3]) + more),
                                      self.tr("Checking the typed orders"))
            return
        try:
            from clvdesk.app.order_records import records_to_orders

            records_to_orders(source.records)
        except Exception as exc:  # noqa: BLE001 - shown as a dialog
            self.main.reporter.report(exc, self.tr("Checking the typed orders"))
            return
        # more typed rows are the same data source: the user's settings stay
        self.main.load_source(source, new=True,
                              keep=self.session.project.source.kind == "manual")

    def _delete_rows(self) -> None:
        rows = [index.row() for index in self.entry_view.selectionModel().selectedRows()]
        self.entry_model.remove_rows(rows)
        self.session.set_dirty()

    def commit(self) -> None:
        """Keep typed rows in the project when the data source is the typed table."""
        if self.session.project.source.kind == "manual":
            self.session.project.source.records = self.entry_model.records()

    # ------------------------------------------------------------------ updates
    def _project_changed(self) -> None:
        source = self.session.project.source
        if source.kind == "manual" and source.records != self.entry_model.records():
            self.entry_model.set_records(source.records)
        self._update_source_label()

    def _show_orders(self) -> None:
        orders = self.session.orders
        self.filter_edit.clear()
        if orders is None:
            self.orders_model.clear()
        else:
            self.orders_model.set_frame(orders)
        if orders is not None:
            self.orders_view.resizeColumnsToContents() if len(orders) < 5000 else None
            if self.session.project.source.kind != "manual":
                self.tabs.setCurrentIndex(0)
        self._update_source_label()

    def _update_count(self) -> None:
        shown = self.orders_model.shown_rows()
        total = self.orders_model.total_rows()
        if self.session.orders_are_preview:  # the file's other rows are not in the table
            total = self.session.total_orders
        fmt = self.formatter
        if shown == total:
            self.count_label.setText(self.tr("{0} orders").format(fmt.integer(total)))
        else:
            self.count_label.setText(
                self.tr("{0} of {1} orders").format(fmt.integer(shown), fmt.integer(total))
            )

    def _update_source_label(self) -> None:
        source = self.session.project.source
        if source.kind == "demo":
            text = self.tr("Source: CDNOW demo data (1/10 sample, Fader, Hardie & Lee 2005; "
                           "amounts in US dollars).")
        elif source.kind == "file":
            text = self.tr("Source: {0}").format(source.path)
        elif source.kind == "manual":
            text = self.tr("Source: orders typed by hand ({0} rows).").format(
                self.formatter.integer(len(source.records))
            )
        else:
            text = self.tr("No data yet.")
        quality = self.session.quality
        if self.session.orders is not None and quality is not None:
            text += " " + self.tr("{0} orders of {1} customers, {2} to {3}.").format(
                self.formatter.integer(quality.rows),
                self.formatter.integer(quality.customers),
                self.formatter.date(quality.first_date),
                self.formatter.date(quality.last_date),
            )
        if self.session.orders_are_preview:
            text += " " + self.tr(
                "The table shows the first {0} orders; the quality counts, the segments and the "
                "analysis use all {1}.").format(self.formatter.integer(len(self.session.orders)),
                                               self.formatter.integer(self.session.total_orders))
        self.source_label.setText(text)
