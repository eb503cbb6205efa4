"""The import dialog: a preview of the file and the column mapping, before reading it all.

The core detects the format, delimiter, decimal separator, date order, header row and the
mapping from English and Dutch headers (:func:`clvdesk.core.io.readers.preview_file`); the user
sees the first rows and may override the sheet, header row, decimal separator, date order and
which column is which. The result is a :class:`~clvdesk.app.project.DataSource` that the window
reads in the background with :func:`clvdesk.core.io.readers.read_orders`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clvdesk.app.errors import ErrorReporter
from clvdesk.app.models import DataFrameModel
from clvdesk.app.project import DataSource

#: Canonical columns offered in the mapping, required first.
REQUIRED = ("customer_id", "date", "amount")
OPTIONAL = ("segment", "channel", "order_id", "quantity", "cost", "margin", "nps",
            "acquisition_cost")


class ImportDialog(QDialog):
    """Preview ``path`` and choose how to read it; :meth:`source` gives the choice."""

    def __init__(self, path: Path, reporter: ErrorReporter, parent: QWidget | None = None,
                 *, initial: DataSource | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.reporter = reporter
        self.preview = None
        self._options: dict = dict(initial.options) if initial else {}
        self._mapping: dict[str, str] = dict(initial.mapping) if initial else {}
        self._sheet: str | None = initial.sheet if initial else None
        self.setWindowTitle(self.tr("Import {0}").format(self.path.name))
        self.resize(1000, 680)

        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        settings = QGroupBox(self.tr("How to read the file"))
        form = QFormLayout(settings)
        self.sheet_box = QComboBox()
        self.header_spin = QSpinBox()
        self.header_spin.setRange(0, 1000)
        self.header_spin.setSpecialValueText(self.tr("detect"))
        self.decimal_box = QComboBox()
        self.decimal_box.addItem(self.tr("detect"), None)
        self.decimal_box.addItem(self.tr("point (1,234.56)"), ".")
        self.decimal_box.addItem(self.tr("comma (1.234,56)"), ",")
        self.dayfirst_box = QComboBox()
        self.dayfirst_box.addItem(self.tr("detect"), None)
        self.dayfirst_box.addItem(self.tr("day first (31-12-2024)"), True)
        self.dayfirst_box.addItem(self.tr("month first (12/31/2024)"), False)
        form.addRow(self.tr("Sheet"), self.sheet_box)
        form.addRow(self.tr("Header row"), self.header_spin)
        form.addRow(self.tr("Decimal separator"), self.decimal_box)
        form.addRow(self.tr("Dates"), self.dayfirst_box)

        mapping = QGroupBox(self.tr("Which column is which"))
        grid = QGridLayout(mapping)
        self.mapping_boxes: dict[str, QComboBox] = {}
        labels = column_labels()
        for i, name in enumerate(REQUIRED + OPTIONAL):
            box = QComboBox()
            box.setMinimumWidth(160)
            self.mapping_boxes[name] = box
            text = labels[name] + (" *" if name in REQUIRED else "")
            grid.addWidget(QLabel(text), i % 6, 2 * (i // 6))
            grid.addWidget(box, i % 6, 2 * (i // 6) + 1)
        top = QHBoxLayout()
        top.addWidget(settings)
        top.addWidget(mapping, 1)
        layout.addLayout(top)

        self.table_model = DataFrameModel()
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAlternatingRowColors(True)
        layout.addWidget(QLabel(self.tr("First rows of the file:")))
        layout.addWidget(self.table, 1)

        self.keep_check = QCheckBox(self.tr(
            "Keep my margin, discount rate, horizon, models and acquisition cost (dates, split "
            "and currency always come from this file)"))
        self.keep_check.setChecked(False)
        layout.addWidget(self.keep_check)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if "header_row" in self._options:
            self.header_spin.setValue(int(self._options["header_row"]))
        _select(self.decimal_box, self._options.get("decimal"))
        _select(self.dayfirst_box, self._options.get("dayfirst"))
        self.refresh()
        for box in self.mapping_boxes.values():
            box.currentIndexChanged.connect(self._update_summary)
        self.sheet_box.currentIndexChanged.connect(self._reading_changed)
        self.header_spin.valueChanged.connect(self._reading_changed)
        self.decimal_box.currentIndexChanged.connect(self._reading_changed)
        self.dayfirst_box.currentIndexChanged.connect(self._reading_changed)

    # ------------------------------------------------------------------ preview
    def _reading_options(self) -> dict:
        options = {}
        if self.header_spin.value() > 0:
            options["header_row"] = self.header_spin.value()
        if self.decimal_box.currentData() is not None:
            options["decimal"] = self.decimal_box.currentData()
        if self.dayfirst_box.currentData() is not None:
            options["dayfirst"] = self.dayfirst_box.currentData()
        return options

    def _reading_changed(self) -> None:
        if self.sheet_box.count():
            self._sheet = self.sheet_box.currentText()
        self._options = self._reading_options()
        self._mapping = self.mapping()
        self.refresh()

    def refresh(self) -> bool:
        """Read the preview again with the current settings; False (and a dialog) on error."""
        from clvdesk.core.io.readers import preview_file

        try:
            self.preview = preview_file(self.path, 50, sheet=self._sheet, mapping=self._mapping,
                                        **self._options)
        except Exception as exc:  # noqa: BLE001 - shown as a dialog
            self.reporter.report(exc, self.tr("Reading {0}").format(self.path.name))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return False
        preview = self.preview
        for box in (self.sheet_box, *self.mapping_boxes.values()):
            box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(preview.sheets)
        self.sheet_box.setEnabled(bool(preview.sheets))
        if preview.options.get("sheet") in preview.sheets:
            self.sheet_box.setCurrentText(str(preview.options["sheet"]))
        for name, box in self.mapping_boxes.items():
            box.clear()
            box.addItem(self.tr("(not in the file)"), None)
            for column in preview.columns:
                box.addItem(str(column), str(column))
            _select(box, preview.mapping.get(name))
        for box in (self.sheet_box, *self.mapping_boxes.values()):
            box.blockSignals(False)
        self.table_model.set_frame(preview.rows)
        self.table.resizeColumnsToContents()
        self._update_summary()
        return True

    def _update_summary(self) -> None:
        if self.preview is None:
            return
        options = self.preview.options
        details = [self.tr("format: {0}").format(options.get("format", "?"))]
        for key, label in (("encoding", self.tr("encoding")), ("delimiter", self.tr("delimiter")),
                           ("header_row", self.tr("header on row"))):
            if options.get(key) not in (None, ""):
                value = options[key]
                details.append(f"{label}: {value!r}" if key == "delimiter" else f"{label}: {value}")
        missing = [column_labels()[n] for n in REQUIRED if self.mapping_boxes[n].currentData() is None]
        text = self.tr("Detected {0}.").format(", ".join(details))
        if missing:
            text += " " + self.tr("Choose the column for: {0}.").format(", ".join(missing))
        self.summary.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)

    # ------------------------------------------------------------------ result
    def mapping(self) -> dict[str, str]:
        """Canonical -> source column, as chosen."""
        return {name: box.currentData() for name, box in self.mapping_boxes.items()
                if box.currentData() is not None}

    def keep_settings(self) -> bool:
        """True if the user keeps their current settings instead of starting from the data."""
        return self.keep_check.isChecked()

    def source(self) -> DataSource:
        """The data source to read: this file with the chosen sheet, options and mapping."""
        return DataSource(kind="file", path=str(self.path), sheet=self._sheet,
                          mapping=self.mapping(), options=self._reading_options())


def column_labels() -> dict[str, str]:
    """Readable names of the canonical order columns, in the interface language."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {
        "customer_id": translate("ColumnLabels", "Customer"),
        "date": translate("ColumnLabels", "Order date"),
        "amount": translate("ColumnLabels", "Amount"),
        "segment": translate("ColumnLabels", "Segment"),
        "channel": translate("ColumnLabels", "Channel"),
        "order_id": translate("ColumnLabels", "Order number"),
        "quantity": translate("ColumnLabels", "Quantity"),
        "cost": translate("ColumnLabels", "Cost"),
        "margin": translate("ColumnLabels", "Margin"),
        "nps": translate("ColumnLabels", "NPS score"),
        "acquisition_cost": translate("ColumnLabels", "Acquisition cost"),
    }


def _select(box: QComboBox, value) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))
