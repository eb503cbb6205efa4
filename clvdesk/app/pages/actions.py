"""Actions page: who to keep, which lever pays most per segment, and the NPS groups.

Shows :attr:`clvdesk.core.pipeline.AnalysisResult.actions` (:mod:`clvdesk.core.actions`): one
sentence per segment naming the best lever, a chart of the levers per segment, the tier x status
matrix with the CLV at stake, the NPS groups, and the "high value, at risk" list with an export
to csv/xlsx in the interface language (a Dutch csv uses ``;`` and decimal commas). No numbers
are computed here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget

from clvdesk.app.charts import PALETTE, ChartView, locale_ticks, style_axes
from clvdesk.app.models.dataframe_model import ColumnKind, DataFrameModel, index_as_column
from clvdesk.app.pages.base import Page
from clvdesk.app.table_view import FastTableView

MATRIX_KINDS = {"customers": ColumnKind.INTEGER, "clv": ColumnKind.MONEY,
                "share_of_clv": ColumnKind.PERCENT}
LEVER_KINDS = {"customers": ColumnKind.INTEGER, "clv": ColumnKind.MONEY,
               "value": ColumnKind.MONEY, "value_per_customer": ColumnKind.MONEY,
               "share": ColumnKind.PERCENT}
LIST_KINDS = {"clv": ColumnKind.MONEY, "p_alive": ColumnKind.PERCENT,
              "churn_risk": ColumnKind.PERCENT, "days_since_last_purchase": ColumnKind.INTEGER,
              "next_purchase_date": ColumnKind.DATE}


class ActionsPage(Page):
    """Value tiers, churn risk, levers and NPS of the last analysis."""

    name = "actions"

    def __init__(self, window) -> None:
        super().__init__(window)
        self.sentences = QLabel()
        self.sentences.setWordWrap(True)
        self.body.addWidget(self.sentences)
        self.tabs = QTabWidget()
        self.lever_chart = ChartView()
        self.lever_model = DataFrameModel(kinds=LEVER_KINDS, formatter=self.formatter)
        self.lever_view = FastTableView()
        self.lever_view.setModel(self.lever_model)
        self.matrix_model = DataFrameModel(kinds=MATRIX_KINDS, formatter=self.formatter)
        self.matrix_view = FastTableView()
        self.matrix_view.setModel(self.matrix_model)
        self.nps_model = DataFrameModel(formatter=self.formatter)
        self.nps_view = FastTableView()
        self.nps_view.setModel(self.nps_model)
        self.list_model = DataFrameModel(kinds=LIST_KINDS, formatter=self.formatter)
        self.list_view = FastTableView()
        self.list_view.setModel(self.list_model)
        for widget in (self.lever_chart, self.lever_view, self.matrix_view, self.list_view,
                       self.nps_view):
            self.tabs.addTab(widget, "")
        self.body.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_list_dialog)
        row.addStretch(1)
        row.addWidget(self.export_button)
        self.body.addLayout(row)
        self.session.result_changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def title(self) -> str:
        return self.tr("Actions")

    def intro(self) -> str:
        return self.tr("Who to keep and where retention or growth pays most: value tiers by "
                       "predicted CLV, churn risk (no purchase in the next 90 days), status, "
                       "and what 5 % more of each lever is worth per segment.")

    def retranslate(self) -> None:
        super().retranslate()
        for i, text in enumerate((self.tr("Levers chart"), self.tr("Levers"),
                                  self.tr("Tier x status"), self.tr("High value, at risk"),
                                  self.tr("NPS"))):
            self.tabs.setTabText(i, text)
        self.export_button.setText(self.tr("Export list for CRM..."))
        self.refresh()

    def _column_labels(self) -> dict[str, str]:
        """Headers of the action tables in the interface language (core column -> label)."""
        money = self.session.currency
        labels = {
            "segment": self.tr("Segment"), "lever": self.tr("Lever"),
            "customers": self.tr("Customers"), "clv": self.tr("CLV ({0})").format(money),
            "value": self.tr("Worth ({0})").format(money),
            "value_per_customer": self.tr("Per customer ({0})").format(money),
            "share": self.tr("Share"), "tier": self.tr("Tier"), "status": self.tr("Status"),
            "share_of_clv": self.tr("Share of CLV"), "customer_id": self.tr("Customer"),
            "p_alive": self.tr("P(alive)"), "churn_risk": self.tr("Churn risk"),
            "churn_band": self.tr("Risk band"),
            "days_since_last_purchase": self.tr("Days since last purchase"),
            "next_purchase_date": self.tr("Expected next purchase"), "nps": self.tr("NPS"),
            "group": self.tr("NPS group"), "clv_total": self.tr("CLV total ({0})").format(money),
            "referral_value": self.tr("Referral value ({0})").format(money),
            "clv_with_referrals_mean": self.tr("CLV with referrals ({0})").format(money),
        }
        for key, text in (("clv", self.tr("CLV")), ("p_alive", self.tr("P(alive)")),
                          ("churn_risk", self.tr("Churn risk"))):
            labels[f"{key}_mean"] = self.tr("{0}, mean").format(text)
            labels[f"{key}_low"] = self.tr("{0}, low").format(text)
            labels[f"{key}_high"] = self.tr("{0}, high").format(text)
        return labels

    def _value_labels(self) -> dict[str, dict[str, str]]:
        """The core's fixed texts in the tables (levers, statuses, bands, NPS groups)."""
        from clvdesk.core.segments import TOTAL_LABEL

        return {
            "lever": {"retention": self.tr("retention"),
                      "frequency": self.tr("purchase frequency"),
                      "order_value": self.tr("order value"),
                      "acquisition_cost": self.tr("acquisition cost")},
            "status": {"new": self.tr("new"), "active": self.tr("active"),
                       "at_risk": self.tr("at risk"), "lapsed": self.tr("lapsed")},
            "churn_band": {"low": self.tr("low"), "medium": self.tr("medium"),
                           "high": self.tr("high")},
            "segment": {TOTAL_LABEL: self.tr("all customers")},
            "group": {"promoter": self.tr("promoter"), "passive": self.tr("passive"),
                      "detractor": self.tr("detractor")},
        }

    def formatter_changed(self) -> None:
        self.refresh()

    def _actions(self):
        result = self.session.result
        return None if result is None else getattr(result, "actions", None)

    def refresh(self) -> None:
        actions = self._actions()
        self.export_button.setEnabled(actions is not None and len(actions.priority) > 0)
        if actions is None:
            self.sentences.setText(self.tr("Run the analysis first (F5)."))
            return
        from clvdesk.core.actions import lever_sentence

        labels, values = self._column_labels(), self._value_labels()
        for model in (self.lever_model, self.matrix_model, self.list_model, self.nps_model):
            model.set_labels(labels)
            model.set_value_labels(values)

        language = self.main.languages.language
        self.sentences.setText("\n".join(
            lever_sentence(row, actions, language, self.session.currency)
            for _, row in actions.best_levers.iterrows()))
        self.lever_model.set_frame(actions.levers)
        self.matrix_model.set_frame(actions.matrix)
        self.list_model.set_frame(index_as_column(actions.priority))
        if actions.nps is not None:
            self.nps_model.set_frame(actions.nps)
        self._draw_levers(actions)

    def _draw_levers(self, actions) -> None:
        import numpy as np

        table = actions.levers
        if table.empty:
            self.lever_chart.clear()
            return
        names = {"retention": self.tr("retention"), "frequency": self.tr("purchase frequency"),
                 "order_value": self.tr("order value"),
                 "acquisition_cost": self.tr("acquisition cost")}
        segments = list(dict.fromkeys(table["segment"]))
        currency = self.session.currency
        fmt = self.formatter

        def paint(figure) -> None:
            ax = figure.add_subplot()
            x = np.arange(len(segments))
            width = 0.8 / len(names)
            for i, (lever, label) in enumerate(names.items()):
                values = table[table["lever"] == lever].set_index("segment")["value"]
                ax.bar(x + i * width, values.reindex(segments).to_numpy(dtype=float), width,
                       label=label, color=PALETTE[i])
            from clvdesk.core.segments import TOTAL_LABEL

            shown = [self.tr("all customers") if name == TOTAL_LABEL else name
                     for name in segments]
            ax.set_xticks(x + 0.4 - width / 2, shown)
            ax.set_ylabel(self.tr("CLV gain over the horizon ({0})").format(currency))
            ax.legend()
            locale_ticks(ax, fmt, "y")
            style_axes(ax)

        self.lever_chart.draw(paint)

    def export_list_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save customer list"),
            str(self.main._last_folder() / "high-value-at-risk.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            path = Path(path)
            self.export_list(path if path.suffix else path.with_suffix(".xlsx"))

    def export_list(self, path: Path) -> Path | None:
        """Write the priority list in the interface language; errors go to a dialog."""
        from clvdesk.core.io.action_list import write_action_list

        actions = self._actions()
        language = self.main.languages.language
        try:
            return write_action_list(actions.priority, path,
                                     tier_labels=actions.tier_labels(language),
                                     language=language)
        except Exception as exc:  # noqa: BLE001 - shown to the user, work kept
            self.main.reporter.report(exc, self.tr("Saving the customer list"))
            return None
