"""Step 5, Scenarios: what-if inputs of the simple CLV side by side, and what drives them.

Each row is a :class:`clvdesk.core.scenarios.Scenario` (average order value x purchases per year
x lifespan in years, with margin, acquisition cost, referral value, growth and discount). The
comparison (CLV, LTV:CAC, payback, difference to the baseline) is
:func:`clvdesk.core.scenarios.compare`; the tornado chart shows
:func:`clvdesk.core.scenarios.sensitivity` (each driver -10 % / +10 %). The demo opens with the
repeat buyer against the one-time buyer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clvdesk.app.charts import PALETTE, ChartView, locale_ticks, style_axes
from clvdesk.app.file_dialogs import open_file_name
from clvdesk.app.pages.base import Page

#: Scenario inputs in table order; True marks fractions shown as percentages.
INPUTS: tuple[tuple[str, bool], ...] = (
    ("aov", False), ("frequency", False), ("lifespan", False), ("cac", False), ("margin", True),
    ("referral_value", False), ("growth_rate", True), ("discount_rate", True),
)
DEFAULTS = {"aov": 50.0, "frequency": 2.0, "lifespan": 3.0, "cac": 0.0, "margin": 1.0,
            "referral_value": 0.0, "growth_rate": 0.0, "discount_rate": 0.0}
#: Result rows of the comparison table.
RESULTS = ("ltv", "clv", "ltv_cac", "payback_months", "clv_vs_baseline", "clv_vs_baseline_pct")


def input_label(name: str, currency: str) -> str:
    """Header of a scenario input with its unit."""
    translate = QCoreApplication.translate
    labels = {
        "aov": translate("ScenarioLabels", "Average order ({0})"),
        "frequency": translate("ScenarioLabels", "Purchases per year"),
        "lifespan": translate("ScenarioLabels", "Lifespan (years)"),
        "cac": translate("ScenarioLabels", "CAC ({0})"),
        "margin": translate("ScenarioLabels", "Margin (%)"),
        "referral_value": translate("ScenarioLabels", "Referral value ({0})"),
        "growth_rate": translate("ScenarioLabels", "Growth (%/year)"),
        "discount_rate": translate("ScenarioLabels", "Discount (%/year)"),
        "retention": translate("ScenarioLabels", "Retention (%/year)"),
        "ltv": translate("ScenarioLabels", "LTV before CAC ({0})"),
        "clv": translate("ScenarioLabels", "CLV after CAC ({0})"),
        "ltv_cac": translate("ScenarioLabels", "LTV:CAC"),
        "payback_months": translate("ScenarioLabels", "CAC payback (months)"),
        "clv_vs_baseline": translate("ScenarioLabels", "CLV vs baseline ({0})"),
        "clv_vs_baseline_pct": translate("ScenarioLabels", "CLV vs baseline (%)"),
    }
    return labels.get(name, name).format(currency)


def two_lines(text: str) -> str:
    """``text`` on two lines, broken at the space nearest its middle (narrow table headers)."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if len(text) < 12 or not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1:]


class ScenariosPage(Page):
    name = "scenarios"

    def __init__(self, window) -> None:
        super().__init__(window)
        self._loading = False
        self.comparison = None
        buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.data_button = QToolButton()
        self.data_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.data_menu = QMenu(self.data_button)
        self.data_menu.aboutToShow.connect(self._fill_data_menu)
        self.data_button.setMenu(self.data_menu)
        self.remove_button = QPushButton()
        self.load_button = QPushButton()
        self.baseline_label = QLabel()
        self.baseline_box = QComboBox()
        self.add_button.clicked.connect(self.add_scenario)
        self.remove_button.clicked.connect(self.remove_selected)
        self.load_button.clicked.connect(self.load_file_dialog)
        self.baseline_box.currentIndexChanged.connect(lambda _i: self.recompute())
        for widget in (self.add_button, self.data_button, self.remove_button, self.load_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.baseline_label)
        buttons.addWidget(self.baseline_box)
        self.body.addLayout(buttons)

        self.input_table = QTableWidget(0, 1 + len(INPUTS))
        self.input_table.verticalHeader().hide()
        self.input_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.input_table.verticalHeader().setDefaultSectionSize(26)
        self.input_table.itemChanged.connect(self._edited)
        self.body.addWidget(self.input_table)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.body.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.result_table = QTableWidget(0, 0)
        self.result_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.result_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        left_layout.addWidget(self.result_table, 2)
        self.bar_chart = ChartView()
        left_layout.addWidget(self.bar_chart, 3)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        tornado_row = QHBoxLayout()
        self.tornado_label = QLabel()
        self.tornado_box = QComboBox()
        self.tornado_box.currentIndexChanged.connect(lambda _i: self._draw_tornado())
        tornado_row.addWidget(self.tornado_label)
        tornado_row.addWidget(self.tornado_box, 1)
        right_layout.addLayout(tornado_row)
        self.tornado_chart = ChartView()
        right_layout.addWidget(self.tornado_chart, 1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([600, 500])
        self.body.addWidget(splitter, 1)
        self.session.project_changed.connect(self._project_changed)
        self.session.orders_changed.connect(self._update_data_button)

    # ------------------------------------------------------------------ texts
    def title(self) -> str:
        return self.tr("Scenarios")

    def intro(self) -> str:
        return self.tr(
            "What if? CLV = average order x purchases per year x lifespan x margin - acquisition "
            "cost. Edit the cells to compare scenarios side by side; the tornado chart shows "
            "which input moves CLV most (each -10 % and +10 %)."
        )

    def retranslate(self) -> None:
        super().retranslate()
        currency = self.session.currency
        self.add_button.setText(self.tr("Add scenario"))
        self.data_button.setText(self.tr("Add scenario from segment"))
        self._update_data_button()
        self.remove_button.setText(self.tr("Remove selected"))
        self.load_button.setText(self.tr("Load from file..."))
        self.baseline_label.setText(self.tr("Baseline:"))
        self.tornado_label.setText(self.tr("Sensitivity of:"))
        from clvdesk.app.explanations import tooltip

        self.result_table.setToolTip(tooltip("simple_vs_predicted"))
        self._intro.setToolTip(tooltip("simple_vs_predicted"))
        self.input_table.setHorizontalHeaderLabels(
            [self.tr("Scenario")] + [two_lines(input_label(name, currency)) for name, _pct in INPUTS]
        )
        self.recompute()

    def formatter_changed(self) -> None:
        self._load_table()
        self.retranslate()

    # ------------------------------------------------------------------ table <-> session
    def _project_changed(self) -> None:
        if self.scenarios_from_table() != self.session.project.scenarios:
            self._load_table()
            self.recompute()

    def _load_table(self) -> None:
        fmt = self.formatter
        self._loading = True
        try:
            scenarios = self.session.project.scenarios
            self.input_table.setRowCount(len(scenarios))
            for row, scenario in enumerate(scenarios):
                self.input_table.setItem(row, 0, QTableWidgetItem(str(scenario.get("name", ""))))
                for col, (name, pct) in enumerate(INPUTS, 1):
                    value = float(scenario.get(name, DEFAULTS[name]))
                    text = fmt.number(value * 100 if pct else value, 2)
                    item = QTableWidgetItem(text)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.input_table.setItem(row, col, item)
        finally:
            self._loading = False
        _fit_height(self.input_table, min_rows=2)

    def scenarios_from_table(self) -> list[dict]:
        """The table as scenario dicts (rates as fractions); unreadable numbers stay text."""
        out = []
        for row in range(self.input_table.rowCount()):
            name_item = self.input_table.item(row, 0)
            entry: dict = {"name": name_item.text().strip() if name_item else ""}
            for col, (name, pct) in enumerate(INPUTS, 1):
                item = self.input_table.item(row, col)
                text = item.text() if item else ""
                number = self.formatter.parse_number(text)
                if number is None:
                    entry[name] = text
                else:
                    entry[name] = round(number / 100.0, 10) if pct else number
            out.append(entry)
        return out

    def commit(self) -> None:
        if not self._loading:
            self.session.set_scenarios(self.scenarios_from_table())

    def _edited(self, _item) -> None:
        if self._loading:
            return
        self.commit()
        self.recompute()

    def add_scenario(self) -> None:
        scenarios = self.scenarios_from_table()
        names = {s["name"] for s in scenarios}
        number = len(scenarios) + 1
        while f"Scenario {number}" in names:
            number += 1
        base = dict(scenarios[-1]) if scenarios else dict(DEFAULTS)
        base["name"] = self.tr("Scenario {0}").format(number)
        self.session.set_scenarios([*scenarios, base])

    def observed(self) -> dict:
        """The core's observed scenarios of the session's orders, by segment label.

        Split, end, margin and acquisition costs are the Costs and assumptions page's.
        """
        from clvdesk.core.scenarios import observed_scenarios

        values = self.session.assumptions
        split = values.get("segment_col")
        if split and split not in self.session.orders.columns:
            split = None
        overall = values.get("cac")
        by_segment = dict(values.get("cac_by_segment") or {})
        cac = overall
        if split and by_segment:
            names = self.session.orders[split].dropna().astype(str).str.strip().unique()
            cac = {str(n): by_segment.get(str(n), overall or 0.0) for n in names if str(n)}
        return observed_scenarios(self.session.orders, split, end=values.get("end"),
                                  margin=values.get("margin"), cac=cac)

    def _update_data_button(self) -> None:
        """Scenarios from the data need the whole order table in the window."""
        preview = self.session.orders_are_preview
        self.data_button.setEnabled(self.session.orders is not None and not preview)
        self.data_button.setToolTip(self.tr(
            "The window holds only the first {0} orders of this file, so it cannot average "
            "them all; after the analysis, the report's Segments sheet gives each segment's "
            "observed order value, purchases per year and lifespan from the whole table.").format(
                self.formatter.integer(len(self.session.orders))) if preview else self.tr(
            "A scenario with the observed average order, purchases per year, lifespan so far "
            "and acquisition cost of one segment, or of all customers."))

    def _fill_data_menu(self) -> None:
        from clvdesk.app.pages.results import segment_label

        self.data_menu.clear()
        if self.session.orders is None:
            return
        try:
            scenarios = self.observed()
        except Exception as exc:  # noqa: BLE001 - shown as a dialog
            self.main.reporter.report(exc, self.tr("Scenarios from the data"))
            return
        for key in [*list(scenarios)[-1:], *list(scenarios)[:-1]]:  # all customers first
            action = self.data_menu.addAction(segment_label(key))
            action.triggered.connect(lambda _c=False, k=key: self.add_from_segment(k))

    def add_from_segment(self, segment: str) -> None:
        """Add the observed scenario of ``segment`` (a key of :meth:`observed`)."""
        from dataclasses import asdict

        from clvdesk.app.pages.results import segment_label

        try:
            scenario = self.observed()[segment]
        except Exception as exc:  # noqa: BLE001 - shown as a dialog
            self.main.reporter.report(exc, self.tr("Scenarios from the data"))
            return
        scenarios = self.scenarios_from_table()
        names = {s["name"] for s in scenarios}
        base = self.tr("{0} (data)").format(segment_label(segment))
        name, number = base, 2
        while name in names:
            name, number = f"{base} {number}", number + 1
        self.session.set_scenarios([*scenarios, {**asdict(scenario), "name": name}])

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.input_table.selectedIndexes()}
        scenarios = [s for i, s in enumerate(self.scenarios_from_table()) if i not in rows]
        self.session.set_scenarios(scenarios)

    def load_file_dialog(self) -> None:
        path = open_file_name(
            self, self.tr("Load scenarios"), str(self.main._last_folder()),
            self.tr("Scenario files (*.toml *.json)"),
        )
        if path:
            self.load_file(path)

    def load_file(self, path) -> bool:
        """Replace the scenarios with those of a TOML or JSON file (core format)."""
        from dataclasses import asdict

        from clvdesk.core.scenarios import load_scenarios

        try:
            scenarios = load_scenarios(path)
        except Exception as exc:  # noqa: BLE001 - shown as a dialog
            self.main.reporter.report(exc, self.tr("Loading scenarios"))
            return False
        self.session.set_scenarios([asdict(s) for s in scenarios])
        return True

    # ------------------------------------------------------------------ results
    def core_scenarios(self):
        """The table as core Scenarios; raises InputError naming the first bad cell."""
        from clvdesk.core.errors import InputError
        from clvdesk.core.scenarios import scenario_from_dict

        out = []
        for number, entry in enumerate(self.scenarios_from_table(), 1):
            for name, _pct in INPUTS:
                if isinstance(entry.get(name), str):
                    raise InputError(self.tr("scenario '{0}': {1} must be a number").format(
                        entry["name"], input_label(name, self.session.currency)))
            out.append(scenario_from_dict(entry, number))
        return out

    def recompute(self) -> None:
        """Compare the scenarios with the core and redraw; errors show under the table."""
        self.message.clear()
        self.message.hide()
        if self.input_table.rowCount() == 0:
            self.comparison = None
            self._sync_names([])
            self._show_comparison()
            self.bar_chart.clear()
            self.tornado_chart.clear()
            return
        from clvdesk.core.scenarios import compare

        try:
            scenarios = self.core_scenarios()
            names = [s.name for s in scenarios]
            self._sync_names(names)
            baseline = self.baseline_box.currentText() or None
            self.comparison = compare(scenarios, baseline=baseline) if scenarios else None
        except Exception as exc:  # noqa: BLE001 - shown under the table while typing
            from clvdesk.app.errors import describe

            message = describe(exc)
            self.message.setText(f"{message.what} {message.advice}")
            self.comparison = None
        self.message.setVisible(bool(self.message.text()))
        self._show_comparison()
        self._draw_bars()
        self._draw_tornado()

    def _sync_names(self, names: list[str]) -> None:
        for box in (self.baseline_box, self.tornado_box):
            current = box.currentText()
            if [box.itemText(i) for i in range(box.count())] != names:
                box.blockSignals(True)
                box.clear()
                box.addItems(names)
                if current in names:
                    box.setCurrentText(current)
                box.blockSignals(False)

    def _show_comparison(self) -> None:
        table = self.comparison
        if table is None:
            self.result_table.setRowCount(0)
            self.result_table.setColumnCount(0)
            return
        import numpy as np

        fmt = self.formatter
        currency = self.session.currency
        self.result_table.setColumnCount(len(table))
        self.result_table.setHorizontalHeaderLabels([str(n) for n in table.index])
        self.result_table.setRowCount(len(RESULTS))
        self.result_table.setVerticalHeaderLabels([input_label(r, currency) for r in RESULTS])
        for row, name in enumerate(RESULTS):
            for col, value in enumerate(table[name].to_numpy(dtype=float)):
                if name in ("ltv", "clv", "clv_vs_baseline"):
                    text = fmt.money(value)
                elif name == "clv_vs_baseline_pct":
                    text = fmt.percent(value)
                elif name == "payback_months" and np.isinf(value):
                    text = self.tr("never")
                else:
                    text = fmt.number(value, 1)
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if name == "clv":
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.result_table.setItem(row, col, item)
        self.result_table.resizeRowsToContents()
        _fit_height(self.result_table, min_rows=len(RESULTS))

    def _draw_bars(self) -> None:
        import numpy as np

        table = self.comparison
        if table is None:
            self.bar_chart.clear()
            return
        fmt = self.formatter
        currency = self.session.currency

        def paint(figure) -> None:
            ax = figure.add_subplot()
            x = np.arange(len(table))
            ltv = table["ltv"].to_numpy(dtype=float)
            clv = table["clv"].to_numpy(dtype=float)
            ax.bar(x - 0.2, ltv, width=0.4, color=PALETTE[5], label=self.tr("LTV before CAC"))
            bars = ax.bar(x + 0.2, clv, width=0.4, color=PALETTE[0], label=self.tr("CLV after CAC"))
            for bar, value in zip(bars, clv, strict=True):
                ax.annotate(fmt.money(value, 0), (bar.get_x() + bar.get_width() / 2, value),
                            ha="center", va="bottom" if value >= 0 else "top", fontsize=8,
                            xytext=(0, 2 if value >= 0 else -2), textcoords="offset points")
            ax.axhline(0, color="#444444", linewidth=0.8)
            ax.set_xticks(x, [str(n) for n in table.index])
            ax.set_ylabel(self.tr("Per customer ({0})").format(currency))
            ax.set_title(self.tr("Scenarios compared"))
            ax.legend(fontsize=8)

            locale_ticks(ax, fmt, "y")
            style_axes(ax)

        self.bar_chart.draw(paint)

    def _draw_tornado(self) -> None:
        from clvdesk.core.scenarios import sensitivity

        if self.comparison is None or not self.tornado_box.currentText():
            self.tornado_chart.clear()
            return
        try:
            scenarios = {s.name: s for s in self.core_scenarios()}
            table = sensitivity(scenarios[self.tornado_box.currentText()])
        except Exception:  # noqa: BLE001 - the comparison already shows the problem
            self.tornado_chart.clear()
            return
        fmt = self.formatter
        currency = self.session.currency
        pct = {**dict(INPUTS), "retention": True}  # the tornado's own retention-rate bar

        import numpy as np

        def paint(figure) -> None:
            ax = figure.add_subplot()
            base = float(table["clv"].iloc[0])
            drivers = list(table.index)[::-1]
            y = np.arange(len(drivers))
            low = table["clv_low"].reindex(drivers).to_numpy(dtype=float)
            high = table["clv_high"].reindex(drivers).to_numpy(dtype=float)
            ax.barh(y, low - base, left=base, color=PALETTE[3], label=self.tr("input -10 %"))
            ax.barh(y, high - base, left=base, color=PALETTE[2], label=self.tr("input +10 %"))
            ax.axvline(base, color="#444444", linewidth=0.9)
            labels = []
            for driver in drivers:
                value = float(table.loc[driver, "value"])
                shown = fmt.percent(value, 0) if pct.get(driver) else fmt.number(value, 2)
                labels.append(f"{input_label(driver, currency)}\n= {shown}")
            ax.set_yticks(y, labels)
            ax.set_xlabel(self.tr("CLV after CAC ({0}); line = {1}").format(
                currency, fmt.money(base)))
            ax.set_title(self.tr("What moves CLV most: {0}").format(self.tornado_box.currentText()))
            ax.legend(fontsize=8, loc="lower right")

            locale_ticks(ax, fmt, "x")
            style_axes(ax)
            ax.tick_params(axis="y", labelsize=7)

        self.tornado_chart.draw(paint)


def _fit_height(table: QTableWidget, *, min_rows: int) -> None:
    """Size ``table`` to its rows (no empty area below, no scrolling for a few rows)."""
    rows = max(table.rowCount(), min_rows)
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    height += (rows - table.rowCount()) * table.verticalHeader().defaultSectionSize()
    if table.horizontalScrollBar().isVisible():
        height += table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(min(height, 320))
