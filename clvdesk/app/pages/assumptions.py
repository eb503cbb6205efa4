"""Step 3, Costs and assumptions: what the analysis needs besides the orders.

Time unit of the data, calibration end and optional holdout (for the model check), horizon and
its unit, gross margin, yearly discount rate, acquisition cost (overall, from the data, or per
segment or channel), the models and the currency symbol. Values go to the session as the
names of :class:`clvdesk.core.pipeline.Assumptions`; rates are stored as fractions.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from clvdesk.app.pages.base import Page

PERIODS = ("days", "weeks", "months")
HORIZON_UNITS = ("days", "weeks", "months", "years")
MODELS = ("bgnbd", "mbgnbd", "pareto-nbd")
#: Order-table columns offered to split acquisition cost and results by.
SEGMENT_COLUMNS = ("segment", "channel")


class AssumptionsPage(Page):
    name = "assumptions"

    def __init__(self, window) -> None:
        super().__init__(window)
        self._loading = False
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.body.addLayout(columns, 1)

        # time
        self.time_box = QGroupBox()
        time_form = QFormLayout(self.time_box)
        self.period_box = QComboBox()
        self.end_auto = QCheckBox()
        self.end_edit = _date_edit()
        self.holdout_check = QCheckBox()
        self.holdout_edit = _date_edit()
        self.horizon_spin = QDoubleSpinBox()
        self.horizon_spin.setRange(0.5, 1200)
        self.horizon_spin.setDecimals(1)
        self.horizon_unit_box = QComboBox()
        horizon_row = QHBoxLayout()
        horizon_row.addWidget(self.horizon_spin)
        horizon_row.addWidget(self.horizon_unit_box)
        end_row = QHBoxLayout()
        end_row.addWidget(self.end_edit)
        end_row.addWidget(self.end_auto)
        holdout_row = QHBoxLayout()  # the switch above its date: long texts fit (Dutch)
        holdout_row.addWidget(self.holdout_edit)
        holdout_row.addStretch(1)
        self.period_label, self.end_label = QLabel(), QLabel()
        self.holdout_label, self.horizon_label = QLabel(), QLabel()
        time_form.addRow(self.period_label, self.period_box)
        time_form.addRow(self.end_label, end_row)
        time_form.addRow("", self.holdout_check)
        time_form.addRow(self.holdout_label, holdout_row)
        time_form.addRow(self.horizon_label, horizon_row)
        left.addWidget(self.time_box)

        # money
        self.money_box = QGroupBox()
        money_form = QFormLayout(self.money_box)
        self.margin_spin = _percent_spin()
        self.discount_spin = _percent_spin()
        self.currency_edit = QLineEdit()
        self.currency_edit.setMaxLength(4)
        self.currency_edit.setFixedWidth(60)
        self.margin_label, self.discount_label, self.currency_label = QLabel(), QLabel(), QLabel()
        money_form.addRow(self.margin_label, self.margin_spin)
        money_form.addRow(self.discount_label, self.discount_spin)
        money_form.addRow(self.currency_label, self.currency_edit)
        left.addWidget(self.money_box)

        # models
        self.model_box = QGroupBox()
        model_form = QFormLayout(self.model_box)
        self.model_combo = QComboBox()
        self.spend_combo = QComboBox()
        self.model_label, self.spend_label = QLabel(), QLabel()
        model_form.addRow(self.model_label, self.model_combo)
        model_form.addRow(self.spend_label, self.spend_combo)
        # regularisation (clvdesk.core.models.regularisation): a fixed penalty, and the rule
        self.penalty_spin = QDoubleSpinBox()
        self.penalty_spin.setRange(0.0, 10.0)
        self.penalty_spin.setDecimals(4)
        self.penalty_spin.setSingleStep(0.001)
        self.penalty_label, self.auto_penalty_check = QLabel(), QCheckBox()
        model_form.addRow(self.penalty_label, self.penalty_spin)
        model_form.addRow("", self.auto_penalty_check)
        left.addWidget(self.model_box)
        left.addStretch(1)

        # acquisition cost
        self.cac_box = QGroupBox()
        cac_layout = QVBoxLayout(self.cac_box)
        cac_form = QFormLayout()
        self.cac_spin = QDoubleSpinBox()
        self.cac_spin.setRange(0, 1e9)
        self.cac_spin.setDecimals(2)
        self.cac_from_data = QCheckBox()
        self.segment_combo = QComboBox()
        self.cac_label, self.segment_label = QLabel(), QLabel()
        cac_form.addRow(self.cac_label, self.cac_spin)
        cac_form.addRow("", self.cac_from_data)
        cac_form.addRow(self.segment_label, self.segment_combo)
        cac_layout.addLayout(cac_form)
        self.segment_help = QLabel()
        self.segment_help.setWordWrap(True)
        cac_layout.addWidget(self.segment_help)
        self.segment_table = QTableWidget(0, 2)
        self.segment_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch
        )
        self.segment_table.verticalHeader().hide()
        cac_layout.addWidget(self.segment_table, 1)
        right.addWidget(self.cac_box, 1)

        run_row = QHBoxLayout()
        run_row.addStretch(1)
        self.run_button = QPushButton()
        self.run_button.setMinimumHeight(36)
        self.run_button.setStyleSheet("font-weight: 600; padding: 6px 18px;")
        self.run_button.clicked.connect(window.run_analysis)
        run_row.addWidget(self.run_button)
        self.body.addLayout(run_row)

        for combo, values in ((self.period_box, PERIODS), (self.horizon_unit_box, HORIZON_UNITS),
                              (self.model_combo, MODELS)):
            for value in values:
                combo.addItem(value, value)
        self.spend_combo.addItem("gamma-gamma", "gamma-gamma")
        self.spend_combo.addItem("", None)
        self.segment_combo.addItem("", None)

        for signal in (self.period_box.currentIndexChanged, self.horizon_unit_box.currentIndexChanged,
                       self.model_combo.currentIndexChanged, self.spend_combo.currentIndexChanged,
                       self.end_auto.toggled, self.holdout_check.toggled, self.cac_from_data.toggled,
                       self.end_edit.dateChanged, self.holdout_edit.dateChanged,
                       self.horizon_spin.valueChanged, self.margin_spin.valueChanged,
                       self.discount_spin.valueChanged, self.cac_spin.valueChanged,
                       self.currency_edit.editingFinished, self.segment_table.itemChanged,
                       self.penalty_spin.valueChanged, self.auto_penalty_check.toggled):
            signal.connect(self._edited)
        self.segment_combo.currentIndexChanged.connect(self._segment_column_changed)
        self.end_auto.toggled.connect(lambda on: self.end_edit.setEnabled(not on))
        self.holdout_check.toggled.connect(self.holdout_edit.setEnabled)
        self.holdout_check.toggled.connect(self._holdout_toggled)
        self.cac_from_data.toggled.connect(lambda on: self.cac_spin.setEnabled(not on))

        self.session.project_changed.connect(self.load_values)
        self.session.orders_changed.connect(self._orders_changed)
        for edit in (self.end_edit, self.holdout_edit):
            edit.setDisplayFormat(self.formatter.qt_date_format)
        self.load_values()

    # ------------------------------------------------------------------ texts
    def title(self) -> str:
        return self.tr("Costs and assumptions")

    def intro(self) -> str:
        return self.tr(
            "What CLV needs besides the orders: the time unit of the data, how far ahead to look, "
            "the margin on revenue, the discount rate and what a new customer costs to acquire."
        )

    def retranslate(self) -> None:
        super().retranslate()
        self.time_box.setTitle(self.tr("Time"))
        self.period_label.setText(self.tr("Time unit of the data"))
        self.end_label.setText(self.tr("End of calibration"))
        self.end_auto.setText(self.tr("last order date"))
        self.holdout_label.setText(self.tr("End of holdout"))
        self.holdout_check.setText(self.tr("check the model on a holdout"))
        from clvdesk.app.explanations import tooltip

        for widget in (self.end_label, self.holdout_label, self.holdout_check, self.end_edit,
                       self.holdout_edit):
            widget.setToolTip(tooltip("calibration_holdout"))
        self.horizon_label.setText(self.tr("Horizon (how far ahead)"))
        self.money_box.setTitle(self.tr("Money"))
        self.margin_label.setText(self.tr("Gross margin (% of revenue)"))
        self.discount_label.setText(self.tr("Discount rate (% per year)"))
        self.currency_label.setText(self.tr("Currency symbol"))
        self.model_box.setTitle(self.tr("Models"))
        self.model_label.setText(self.tr("Purchases"))
        self.spend_label.setText(self.tr("Spend per order"))
        self.spend_combo.setItemText(1, self.tr("none (purchases and P(alive) only)"))
        self.penalty_label.setText(self.tr("Penalty (regularisation)"))
        self.penalty_spin.setToolTip(self.tr(
            "L2 penalty on the models' log parameters; 0 = plain maximum likelihood"))
        self.auto_penalty_check.setText(self.tr("add one when needed"))
        self.auto_penalty_check.setToolTip(self.tr(
            "add a penalty when the data cannot pin the model down"))
        for i, unit in enumerate(PERIODS):
            self.period_box.setItemText(i, unit_name(unit))
        for i, unit in enumerate(HORIZON_UNITS):
            self.horizon_unit_box.setItemText(i, unit_name(unit))
        for i, model in enumerate(MODELS):
            self.model_combo.setItemText(i, model_name(model))
        self.cac_box.setTitle(self.tr("Acquisition cost (CAC)"))
        self.cac_label.setText(self.tr("CAC per new customer ({0})").format(self.session.currency))
        self.cac_from_data.setText(self.tr("use the acquisition cost column of the data"))
        self.segment_label.setText(self.tr("Split results by"))
        for i in range(1, self.segment_combo.count()):
            self.segment_combo.setItemText(i, self._column_title(self.segment_combo.itemData(i)))
        self.segment_combo.setItemText(0, self.tr("(no split)"))
        self.segment_help.setText(self.tr(
            "With a split, CLV is shown per segment or channel, and you can give each its own "
            "acquisition cost below (empty: the overall CAC). A customer belongs to the segment "
            "of the first order."
        ))
        split = self.segment_combo.currentData()
        self.segment_table.setHorizontalHeaderLabels(
            [self._column_title(split) if split else self.tr("Segment or channel"),
             self.tr("CAC ({0})").format(self.session.currency)]
        )
        self.run_button.setText(self.tr("Run analysis  (F5)"))

    def formatter_changed(self) -> None:
        locale = self.formatter.locale
        for spin in (self.horizon_spin, self.margin_spin, self.discount_spin, self.cac_spin):
            spin.setLocale(locale)
        for edit in (self.end_edit, self.holdout_edit):
            edit.setLocale(locale)
            edit.setDisplayFormat(self.formatter.qt_date_format)
        self.retranslate()

    def _holdout_toggled(self, on: bool) -> None:
        """Switched on by the user: propose a holdout inside the data (the core's rule)."""
        quality = self.session.quality
        if self._loading or not on or quality is None or quality.last_date is None:
            return
        import pandas as pd

        from clvdesk.core.suggest import propose_holdout

        first, last = pd.Timestamp(quality.first_date).date(), pd.Timestamp(quality.last_date).date()
        proposal = propose_holdout(first, last)
        if proposal is None:
            return
        end = _pydate(self.end_edit.date())
        self._loading = True
        try:
            if self.end_auto.isChecked() or not first < end < last:
                self.end_auto.setChecked(False)
                self.end_edit.setDate(_qdate(proposal[0]))
            self.holdout_edit.setDate(_qdate(last))
        finally:
            self._loading = False
        self.commit()

    # ------------------------------------------------------------------ values
    def load_values(self) -> None:
        """Show the session's assumptions in the widgets."""
        values = self.session.assumptions
        self._loading = True
        try:
            _select(self.period_box, values["period"])
            self.end_auto.setChecked(values["end"] is None)
            last = self.session.quality.last_date if self.session.quality is not None else None
            if values["end"] is not None or last is not None:
                self.end_edit.setDate(_qdate(values["end"] if values["end"] is not None else last))
            self.holdout_check.setChecked(values["holdout_end"] is not None)
            if values["holdout_end"] is not None:
                self.holdout_edit.setDate(_qdate(values["holdout_end"]))
            elif last is not None:  # switched off: show the data's last day, not today
                self.holdout_edit.setDate(_qdate(last))
            self.holdout_edit.setEnabled(values["holdout_end"] is not None)
            self.horizon_spin.setValue(float(values["horizon"]))
            _select(self.horizon_unit_box, values["horizon_unit"])
            self.margin_spin.setValue(100.0 * float(values["margin"]))
            self.discount_spin.setValue(100.0 * float(values["annual_discount_rate"]))
            self.currency_edit.setText(str(values.get("currency") or "€"))
            self.cac_from_data.setChecked(values["cac"] is None)
            self.cac_spin.setValue(float(values["cac"] or 0.0))
            self.cac_spin.setEnabled(values["cac"] is not None)
            _select(self.model_combo, values["model"])
            _select(self.spend_combo, values["spend_model"])
            self.penalty_spin.setValue(float(values.get("penalty") or 0.0))
            self.auto_penalty_check.setChecked(bool(values.get("auto_penalty", True)))
            self._fill_segment_columns(values.get("segment_col"))
            self._fill_segment_table(values.get("cac_by_segment") or {})
            self.end_edit.setEnabled(not self.end_auto.isChecked())
        finally:
            self._loading = False
        self.retranslate()

    def values(self) -> dict:
        """The widgets' values as assumption names (rates as fractions)."""
        by_segment = {}
        for row in range(self.segment_table.rowCount()):
            name = self.segment_table.item(row, 0).text()
            cell = self.segment_table.item(row, 1)
            number = self.formatter.parse_number(cell.text()) if cell and cell.text() else None
            if number is not None:
                by_segment[name] = number
        return {
            "period": self.period_box.currentData(),
            "end": None if self.end_auto.isChecked() else _iso(self.end_edit.date()),
            "holdout_end": _iso(self.holdout_edit.date()) if self.holdout_check.isChecked() else None,
            "horizon": self.horizon_spin.value(),
            "horizon_unit": self.horizon_unit_box.currentData(),
            "margin": round(self.margin_spin.value() / 100.0, 6),
            "annual_discount_rate": round(self.discount_spin.value() / 100.0, 6),
            "cac": None if self.cac_from_data.isChecked() else self.cac_spin.value(),
            "cac_by_segment": by_segment,
            "segment_col": self.segment_combo.currentData(),
            "model": self.model_combo.currentData(),
            "spend_model": self.spend_combo.currentData(),
            "penalty": round(self.penalty_spin.value(), 6),
            "auto_penalty": self.auto_penalty_check.isChecked(),
            "currency": self.currency_edit.text().strip() or "€",
        }

    def commit(self) -> None:
        """Store the widgets' values in the session (marks it dirty if they changed)."""
        if not self._loading:
            self.session.set_assumptions(self.values())

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.commit()

    # ------------------------------------------------------------------ segments
    def _orders_changed(self) -> None:
        self._loading = True
        try:
            self._fill_segment_columns(self.session.assumptions.get("segment_col"))
            self._fill_segment_table(self.session.assumptions.get("cac_by_segment") or {})
            orders = self.session.orders
            if orders is not None and self.session.quality is not None:
                last = self.session.quality.last_date
                if last is not None and self.end_auto.isChecked():
                    self.end_edit.setDate(_qdate(last))
        finally:
            self._loading = False

    def _fill_segment_columns(self, current: str | None) -> None:
        orders = self.session.orders
        available = [c for c in SEGMENT_COLUMNS if orders is not None and c in orders.columns]
        if current and current not in available:
            available.append(current)
        self.segment_combo.blockSignals(True)
        while self.segment_combo.count() > 1:
            self.segment_combo.removeItem(1)
        for column in available:
            self.segment_combo.addItem(self._column_title(column), column)
        _select(self.segment_combo, current)
        self.segment_combo.blockSignals(False)

    def _column_title(self, column: str) -> str:
        """A split column as the user knows it: the file's header, else its translated name."""
        from clvdesk.app.import_dialog import column_labels

        if column in self.session.headers:
            return self.session.headers[column]
        return column_labels().get(column, column)

    def _segment_column_changed(self) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            self._fill_segment_table({})
        finally:
            self._loading = False
        self.commit()
        self.retranslate()

    def _fill_segment_table(self, costs: dict) -> None:
        column = self.segment_combo.currentData()
        names: list[str] = sorted(str(k) for k in costs)
        if column:  # the values of the whole table, listed by the reader's worker
            names = sorted(set(self.session.segment_values.get(column, ())) | set(names))
        self.segment_table.blockSignals(True)
        self.segment_table.setRowCount(len(names))
        for row, name in enumerate(names):
            item = QTableWidgetItem(name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.segment_table.setItem(row, 0, item)
            value = costs.get(name)
            cost = QTableWidgetItem("" if value is None else self.formatter.number(value))
            cost.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.segment_table.setItem(row, 1, cost)
        self.segment_table.blockSignals(False)
        self.segment_table.setEnabled(bool(column))


def unit_name(unit: str) -> str:
    """A time unit in the interface language."""
    from PySide6.QtCore import QCoreApplication

    names = {
        "days": QCoreApplication.translate("Units", "days"),
        "weeks": QCoreApplication.translate("Units", "weeks"),
        "months": QCoreApplication.translate("Units", "months"),
        "years": QCoreApplication.translate("Units", "years"),
    }
    return names.get(unit, unit)


def model_name(model: str) -> str:
    """A transaction model's name as the literature writes it."""
    from clvdesk.core.io.report_labels import MODEL_NAMES  # one list for the report and the app

    return MODEL_NAMES.get(model, model)


def _percent_spin() -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.0, 100.0)
    spin.setDecimals(1)
    spin.setSuffix(" %")
    return spin


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.currentDate())
    return edit


def _qdate(value) -> QDate:
    import pandas as pd

    day = pd.Timestamp(value).date()
    return QDate(day.year, day.month, day.day)


def _pydate(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


def _iso(date: QDate) -> str:
    return _pydate(date).isoformat()


def _select(box: QComboBox, value) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


