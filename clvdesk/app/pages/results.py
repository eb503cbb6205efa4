"""Step 4, Results: CLV per segment and per customer, and the charts that explain it.

Every number is the core's (:class:`clvdesk.core.pipeline.AnalysisResult`): the segment table,
the per-customer predictions (sortable and filterable at a million rows), the CLV distribution,
P(alive) by frequency and recency from the fitted model (FHL 2005a, eq. 12), cumulative
revenue per customer by cohort, and the model check against the holdout (FHL 2005a, figures
2-4) with the model comparison table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clvdesk.app.charts import PALETTE, ChartView, locale_ticks, style_axes
from clvdesk.app.errors import core_message
from clvdesk.app.models import ColumnKind, DataFrameModel
from clvdesk.app.pages.assumptions import model_name, unit_name
from clvdesk.app.pages.base import Page
from clvdesk.app.table_view import FastTableView

if TYPE_CHECKING:
    import pandas as pd

MONEY = ColumnKind.MONEY
NUMBER = ColumnKind.NUMBER
INTEGER = ColumnKind.INTEGER
PERCENT = ColumnKind.PERCENT

SEGMENT_KINDS = {
    "customers": INTEGER, "repeat_customers": INTEGER, "historical_spend": MONEY,
    "average_order_value": MONEY, "expected_purchases": NUMBER, "clv": MONEY, "clv_mean": MONEY,
    "clv_low": MONEY, "clv_high": MONEY, "clv_low_mean": MONEY, "clv_high_mean": MONEY,
    "acquisition_cost": MONEY, "clv_net_mean": MONEY, "ltv_cac": NUMBER,
}
CUSTOMER_KINDS = {
    "frequency": INTEGER, "recency": NUMBER, "T": NUMBER, "p_alive": PERCENT,
    "expected_purchases": NUMBER, "expected_spend": MONEY, "clv": MONEY, "clv_low": MONEY,
    "clv_high": MONEY,
}
#: Segment table columns in the order shown: what compares segments first (CLV per customer
#: with its range, CAC, CLV after CAC, LTV:CAC), then the totals and their inputs. Columns the
#: core adds later are shown after these.
SEGMENT_ORDER = (
    "segment", "customers", "clv_mean", "clv_low_mean", "clv_high_mean", "acquisition_cost",
    "clv_net_mean", "ltv_cac", "repeat_customers", "average_order_value", "expected_purchases",
    "historical_spend", "clv", "clv_low", "clv_high",
)
COMPARISON_KINDS = {
    "n_params": INTEGER, "log_likelihood": NUMBER, "aic": NUMBER, "bic": NUMBER,
    "holdout_mae": NUMBER, "holdout_rmse": NUMBER, "predicted_holdout": NUMBER,
    "actual_holdout": NUMBER, "holdout_error_pct": NUMBER,
}


def cohort_frame(cohorts, name: str):
    """One table of the result's cohorts (a dict of frames or a CohortTable)."""
    if cohorts is None:
        return None
    if isinstance(cohorts, dict):
        return cohorts.get(name)
    return getattr(cohorts, name, None)


class ResultsPage(Page):
    name = "results"

    def __init__(self, window) -> None:
        super().__init__(window)
        # out of date: an assumption changed after this result was computed
        self.stale_banner = QFrame()
        self.stale_banner.setObjectName("staleBanner")
        self.stale_banner.setStyleSheet(
            "QFrame#staleBanner { background: #fff4ce; border: 1px solid #e0b400;"
            " border-radius: 6px; }")
        banner = QHBoxLayout(self.stale_banner)
        banner.setContentsMargins(12, 6, 8, 6)
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        self.rerun_button = QPushButton()
        self.rerun_button.clicked.connect(window.run_analysis)
        banner.addWidget(self.stale_label, 1)
        banner.addWidget(self.rerun_button)
        self.stale_banner.hide()
        self.body.addWidget(self.stale_banner)
        self.session.stale_changed.connect(self._show_stale)
        self.cards = QGridLayout()
        self.cards.setHorizontalSpacing(12)
        self.card_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for i, key in enumerate(("customers", "repeat", "clv_total", "clv_mean", "model")):
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            frame.setStyleSheet("QFrame { background: palette(base); border-radius: 6px; }")
            inner = QVBoxLayout(frame)
            inner.setContentsMargins(12, 8, 12, 8)
            caption, value = QLabel(), QLabel()
            caption.setStyleSheet("color: palette(dark); font-size: 9pt;")
            value.setStyleSheet("font-size: 15pt; font-weight: 600;")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            inner.addWidget(caption)
            inner.addWidget(value)
            self.cards.addWidget(frame, 0, i)
            self.card_labels[key] = (caption, value)
        self.cards.setColumnStretch(4, 2)
        self.body.addLayout(self.cards)
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.body.addWidget(self.basis)

        self.tabs = QTabWidget()
        self.body.addWidget(self.tabs, 1)
        # segments: the table, under it CLV by segment and the CLV distribution side by side
        self.overview = overview = QSplitter(Qt.Orientation.Vertical)
        self.segment_model = DataFrameModel(kinds=SEGMENT_KINDS, formatter=self.formatter)
        self.segment_view = FastTableView()
        self.segment_view.setModel(self.segment_model)
        self.segment_view.horizontalHeader().setStretchLastSection(False)
        self.segment_chart = ChartView()
        self.distribution_chart = ChartView()
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.segment_chart)
        charts.addWidget(self.distribution_chart)
        charts.setSizes([500, 500])
        overview.addWidget(self.segment_view)
        overview.addWidget(charts)
        overview.setSizes([170, 430])
        self.tabs.addTab(overview, "")
        # customers
        customers = QWidget()
        customer_layout = QVBoxLayout(customers)
        filter_row = QHBoxLayout()
        self.filter_label = QLabel()
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.min_clv_label = QLabel()
        self.min_clv = QDoubleSpinBox()
        self.min_clv.setRange(-1e9, 1e9)
        self.min_clv.setDecimals(2)
        self.min_clv.setSpecialValueText(" ")
        self.min_clv.setValue(self.min_clv.minimum())
        self.count_label = QLabel()
        filter_row.addWidget(self.filter_label)
        filter_row.addWidget(self.filter_edit, 1)
        filter_row.addWidget(self.min_clv_label)
        filter_row.addWidget(self.min_clv)
        filter_row.addWidget(self.count_label)
        customer_layout.addLayout(filter_row)
        self.customer_model = DataFrameModel(kinds=CUSTOMER_KINDS, formatter=self.formatter,
                                             show_index=True)
        self.customer_view = FastTableView()
        self.customer_view.setModel(self.customer_model)
        customer_layout.addWidget(self.customer_view)
        self.filter_edit.textChanged.connect(self._filter_customers)
        self.min_clv.valueChanged.connect(self._filter_customers)
        self.customer_model.modelReset.connect(self._update_count)
        self.customer_model.layoutChanged.connect(self._update_count)
        self.tabs.addTab(customers, "")
        # charts
        self.palive_chart = ChartView()
        self.tabs.addTab(self.palive_chart, "")
        self.cohort_chart = ChartView()
        self.tabs.addTab(self.cohort_chart, "")
        fit = QSplitter(Qt.Orientation.Vertical)
        self.fit_chart = ChartView()
        self.comparison_model = DataFrameModel(kinds=COMPARISON_KINDS, formatter=self.formatter)
        self.comparison_view = FastTableView(sortable=False)
        self.comparison_view.setModel(self.comparison_model)
        fit.addWidget(self.fit_chart)
        fit.addWidget(self.comparison_view)
        fit.setSizes([520, 140])
        self.tabs.addTab(fit, "")
        self._shown_result = None
        self.session.result_changed.connect(self.refresh)

    # ------------------------------------------------------------------ texts
    def title(self) -> str:
        return self.tr("Results")

    def intro(self) -> str:
        return self.tr(
            "Predicted customer lifetime value over the horizon, per segment and per customer, "
            "with the range from the models' uncertainty, and the checks of the model."
        )

    def retranslate(self) -> None:
        super().retranslate()
        captions = {
            "customers": self.tr("Customers"),
            "repeat": self.tr("Bought again"),
            "clv_total": self.tr("Total CLV"),
            "clv_mean": self.tr("CLV per customer"),
            "model": self.tr("Model"),
        }
        from clvdesk.app.explanations import tooltip

        tips = {"clv_total": tooltip("simple_vs_predicted"), "clv_mean": tooltip("interval"),
                "model": tooltip("regularised")}
        for key, (caption, _value) in self.card_labels.items():
            caption.setText(captions[key])
            caption.parentWidget().setToolTip(tips.get(key, ""))
        for i, text in enumerate((self.tr("Per segment"), self.tr("Per customer"),
                                  self.tr("P(alive)"),
                                  self.tr("Cohorts"), self.tr("Model fit"))):
            self.tabs.setTabText(i, text)
        self.tabs.setTabToolTip(2, tooltip("p_alive"))
        self.tabs.setTabToolTip(4, tooltip("calibration_holdout"))
        header_tips = {"p_alive": tooltip("p_alive"), "clv": tooltip("simple_vs_predicted"),
                       "clv_low": tooltip("interval"), "clv_high": tooltip("interval"),
                       "clv_low_mean": tooltip("interval"), "clv_high_mean": tooltip("interval"),
                       "clv_mean": tooltip("simple_vs_predicted")}
        for model in (self.segment_model, self.customer_model):
            model.set_header_tooltips(header_tips)
        self.stale_label.setText(self.tr(
            "These results are out of date: an assumption changed after they were computed."))
        self.rerun_button.setText(self.tr("Re-run analysis (F5)"))
        self.filter_label.setText(self.tr("Filter:"))
        self.filter_edit.setPlaceholderText(self.tr("customer or segment contains..."))
        self.min_clv_label.setText(self.tr("CLV at least ({0}):").format(self.session.currency))
        placeholder = self.tr("Run the analysis on the Costs and assumptions page (F5).")
        for chart in (self.segment_chart, self.distribution_chart, self.palive_chart,
                      self.cohort_chart, self.fit_chart):
            chart.set_placeholder(placeholder)
        labels = result_labels(self.session.currency)
        split = self.session.assumptions.get("segment_col")
        named = {"segment": self.session.header(split)} if split in self.session.headers else {}
        self.segment_model.set_labels({**segment_labels(self.session.currency), **named})
        self.customer_model.set_labels({**labels, **named})
        self.comparison_model.set_labels(labels)
        self.refresh()

    def formatter_changed(self) -> None:
        for model in (self.segment_model, self.customer_model, self.comparison_model):
            model.set_formatter(self.formatter)
        self.min_clv.setLocale(self.formatter.locale)
        self.retranslate()

    # ------------------------------------------------------------------ content
    def _show_stale(self, stale: bool) -> None:
        self.stale_banner.setVisible(stale)

    def refresh(self) -> None:
        result = self.session.result
        if result is None:
            if self._shown_result is None and self.customer_model.rowCount() == 0:
                return
            self._shown_result = None
            for _caption, value in self.card_labels.values():
                value.setText("–")
            self.basis.setText(self.tr("No results yet."))
            self.segment_model.clear()
            self.customer_model.clear()
            self.comparison_model.clear()
            for chart in (self.segment_chart, self.distribution_chart, self.palive_chart,
                          self.cohort_chart, self.fit_chart):
                chart.clear()
            return
        self._shown_result = result
        split = result.assumptions.segment_col
        if split in self.session.headers:  # the split under the file's own header ("Kanaal")
            named = {"segment": self.session.header(split)}
            self.segment_model.set_labels({**segment_labels(self.session.currency), **named})
            self.customer_model.set_labels({**result_labels(self.session.currency), **named})
        self._fill_cards(result)
        names = {"segment": segment_value_labels()}  # imports the core: only with a result
        for model in (self.segment_model, self.customer_model):
            model.set_value_labels(names)
        self.segment_model.set_frame(segment_table(result.segments))
        self.segment_view.resizeColumnsToContents()
        self._fit_segment_table()
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.customer_model.set_frame(result.predictions)
        if result.model_comparison is not None:
            self.comparison_model.set_frame(comparison_in_language(result.model_comparison))
            self.comparison_view.resizeColumnsToContents()
        self._draw_segments(result)
        self._draw_distribution(result)
        self._draw_palive(result)
        self._draw_cohorts(result)
        self._draw_fit(result)

    def _fit_segment_table(self) -> None:
        """Give the segment table the height of its rows (up to ten), the charts the rest."""
        view = self.segment_view
        rows = min(self.segment_model.rowCount(), 10)
        height = (view.horizontalHeader().sizeHint().height()
                  + rows * view.verticalHeader().defaultSectionSize()
                  + view.horizontalScrollBar().sizeHint().height() + 2 * view.frameWidth() + 8)
        total = max(sum(self.overview.sizes()), 600)
        self.overview.setSizes([height, total - height])

    def _fill_cards(self, result) -> None:
        fmt = self.formatter
        total = result.segments.iloc[-1]
        summary = result.summary
        customers, repeat = result.overview.customers, result.overview.repeat_customers
        values = {
            "customers": fmt.integer(customers),
            "repeat": f"{fmt.integer(repeat)} ({fmt.percent(repeat / max(customers, 1), 0)})",
            "clv_total": fmt.money(total["clv"], 0) if "clv" in total else "–",
            "clv_mean": fmt.money(total["clv_mean"]) if "clv_mean" in total else "–",
            "model": model_summary(result.model, fmt),
        }
        for key, (_caption, value) in self.card_labels.items():
            value.setText(values[key])
        a = result.assumptions
        text = self.tr(
            "CLV = margin on the expected spend over the next {0} {1}, at {2} gross margin, "
            "discounted at {3} a year; the range is the {4} interval from the model's "
            "uncertainty. Data in {5}, calibration to {6}."
        ).format(
            fmt.number(a.horizon, 0), unit_name(a.horizon_unit), fmt.percent(a.margin, 0),
            fmt.percent(a.annual_discount_rate, 0), fmt.percent(a.interval, 0),
            unit_name(a.period), fmt.date(summary.attrs.get("end")),
        )
        if result.spend_model is None:
            text = self.tr("No spend model: purchases and P(alive) only.")
        if result.warnings:
            text += "  " + self.tr("Note: {0}").format(
                "; ".join(core_message(note) for note in result.warnings))
        self.basis.setText(text)

    def _filter_customers(self) -> None:
        low = self.min_clv.value()
        model = self.customer_model
        if "clv" in model.column_names():
            model.set_range_filter("clv", low if low > self.min_clv.minimum() else None, None)
        model.set_text_filter(self.filter_edit.text())

    def _update_count(self) -> None:
        fmt = self.formatter
        shown, total = self.customer_model.shown_rows(), self.customer_model.total_rows()
        text = (self.tr("{0} customers").format(fmt.integer(total)) if shown == total else
                self.tr("{0} of {1} customers").format(fmt.integer(shown), fmt.integer(total)))
        self.count_label.setText(text)

    # ------------------------------------------------------------------ charts
    def _draw_segments(self, result) -> None:
        """CLV per customer by segment with its interval as error bars, and the CAC marked."""
        import numpy as np
        from matplotlib.ticker import MaxNLocator

        segments = result.segments
        needed = {"segment", "clv_mean", "clv_low_mean", "clv_high_mean"}
        if not needed <= set(segments.columns) or segments.empty:
            self.segment_chart.clear()
            return
        names = [segment_label(s) for s in segments["segment"]]
        mean = segments["clv_mean"].to_numpy(dtype=float)
        low = segments["clv_low_mean"].to_numpy(dtype=float)
        high = segments["clv_high_mean"].to_numpy(dtype=float)
        cac = (segments["acquisition_cost"].to_numpy(dtype=float)
               if "acquisition_cost" in segments else np.full(len(segments), np.nan))
        total = len(segments) - 1  # the core's last row: all customers together
        currency = self.session.currency
        fmt = self.formatter
        interval = fmt.percent(result.assumptions.interval, 0)

        def paint(figure) -> None:
            ax = figure.add_subplot()
            y = np.arange(len(names))[::-1].astype(float)
            colors = [PALETTE[0]] * total + ["#8a8a8a"]
            ax.barh(y, mean, height=0.55, color=colors, alpha=0.85)
            spread = np.vstack([np.clip(mean - low, 0, None), np.clip(high - mean, 0, None)])
            ax.errorbar(mean, y, xerr=spread, fmt="none", ecolor="#333333", elinewidth=1.1,
                        capsize=4, label=self.tr("{0} interval").format(interval))
            has_cac = np.isfinite(cac) & (cac > 0)
            if has_cac.any():
                ax.scatter(cac[has_cac], y[has_cac], marker="|", s=420, linewidths=2.2,
                           color=PALETTE[3], zorder=3, label=self.tr("CAC"))
            ax.legend(fontsize=8, loc="upper right")
            ends = np.fmax(np.fmax(high, mean), np.where(has_cac, cac, np.nan))
            for yi, value, end in zip(y, mean, ends, strict=True):
                ax.annotate(fmt.money(value), (end, yi), xytext=(6, 0),
                            textcoords="offset points", va="center", fontsize=8)
            locale_ticks(ax, fmt)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
            ax.set_yticks(y, names)
            ax.set_xlim(0, float(np.nanmax(ends)) * 1.25)
            ax.set_xlabel(self.tr("CLV per customer ({0})").format(currency))
            ax.set_title(self.tr("CLV per customer by segment"))
            ax.tick_params(axis="y", labelsize=9)
            style_axes(ax)

        self.segment_chart.draw(paint)

    def _draw_distribution(self, result) -> None:
        distribution = result.overview.clv
        if distribution is None:
            self.distribution_chart.clear()
            return
        currency = self.session.currency
        fmt = self.formatter
        mean = float(result.segments.iloc[-1]["clv_mean"])

        def paint(figure) -> None:
            ax = figure.add_subplot()
            # counted in the worker (clvdesk.core.overview) and drawn as one filled outline
            ax.stairs(distribution.counts, distribution.edges, fill=True, color=PALETTE[0],
                      alpha=0.85)
            ax.axvline(mean, color=PALETTE[3], linestyle="--", linewidth=1.2)
            ax.annotate(self.tr("mean {0}").format(fmt.money(mean)), (mean, 0.95),
                        xycoords=("data", "axes fraction"), xytext=(4, 0),
                        textcoords="offset points", color=PALETTE[3], fontsize=8)
            ax.set_xlabel(self.tr("CLV per customer ({0}); the last bar: {1} and more").format(
                currency, fmt.money(float(distribution.edges[-2]))))
            ax.set_ylabel(self.tr("Customers"))
            ax.set_title(self.tr("Distribution of predicted CLV"))
            locale_ticks(ax, fmt)
            style_axes(ax)

        self.distribution_chart.draw(paint)

    def _draw_palive(self, result) -> None:
        grid = result.overview.p_alive
        if grid is None:
            self.palive_chart.clear()
            return
        period = unit_name(result.summary.attrs.get("period", "weeks"))

        def paint(figure) -> None:
            ax = figure.add_subplot()
            image = ax.imshow(grid.p, origin="lower", aspect="auto", cmap="viridis", vmin=0,
                              vmax=1, extent=(0, grid.age, -0.5, grid.max_frequency + 0.5))
            bar = figure.colorbar(image, ax=ax)
            bar.set_label(self.tr("P(alive)"), fontsize=9)
            ax.set_xlabel(self.tr("Recency: age at last purchase ({0})").format(period))
            ax.set_ylabel(self.tr("Frequency: repeat purchases"))
            ax.set_title(self.tr("Probability a customer is still active, for a customer aged "
                                 "{0} {1}").format(self.formatter.number(grid.age, 0), period))
            ax.tick_params(labelsize=8)

        self.palive_chart.draw(paint)

    def _draw_cohorts(self, result) -> None:
        import numpy as np

        revenue = cohort_frame(result.cohorts, "revenue")
        if revenue is None or revenue.empty:
            self.cohort_chart.clear()
            return
        currency = self.session.currency
        fmt = self.formatter

        def paint(figure) -> None:
            ax = figure.add_subplot()
            months = np.asarray(revenue.columns, dtype=float)
            for i, (cohort, row) in enumerate(revenue.iterrows()):
                ax.plot(months, row.to_numpy(dtype=float), marker="o", markersize=2.5,
                        color=PALETTE[i % len(PALETTE)], label=str(cohort), linewidth=1.3)
            ax.set_xlabel(self.tr("Months since first order"))
            ax.set_ylabel(self.tr("Cumulative revenue per customer ({0})").format(currency))
            ax.set_title(self.tr("Cohorts by month of first order"))
            if len(revenue) <= 12:
                ax.legend(fontsize=7, title=self.tr("Cohort"), title_fontsize=8, ncols=2)
            locale_ticks(ax, fmt)
            style_axes(ax)

        self.cohort_chart.draw(paint)

    def _draw_fit(self, result) -> None:
        import numpy as np

        tracking = result.tracking
        by_frequency = result.holdout_by_frequency
        period = unit_name(result.summary.attrs.get("period", "weeks"))
        fmt = self.formatter

        def paint(figure) -> None:
            axes = figure.subplots(1, 2 if by_frequency is not None else 1, squeeze=False)[0]
            ax = axes[0]
            ax.plot(tracking["period"], tracking["actual_cumulative"], color=PALETTE[0],
                    label=self.tr("actual"))
            ax.plot(tracking["period"], tracking["expected_cumulative"], color=PALETTE[3],
                    linestyle="--", label=self.tr("model"))
            if tracking["holdout"].any():
                start = float(tracking.loc[tracking["holdout"], "period"].iloc[0]) - 1
                ax.axvline(start, color="#888888", linewidth=0.8)
                ax.annotate(self.tr("holdout"), (start, 0.04), xycoords=("data", "axes fraction"),
                            xytext=(4, 0), textcoords="offset points", fontsize=8,
                            color="#555555")
            ax.set_xlabel(self.tr("Time ({0})").format(period))
            ax.set_ylabel(self.tr("Cumulative repeat purchases"))
            ax.set_title(self.tr("Repeat purchases: actual and model"))
            ax.legend(fontsize=8)
            locale_ticks(ax, fmt)
            style_axes(ax)
            if by_frequency is not None:
                ax = axes[1]
                x = np.arange(len(by_frequency))
                ax.bar(x - 0.2, by_frequency["actual"], width=0.4, color=PALETTE[0],
                       label=self.tr("actual"))
                ax.bar(x + 0.2, by_frequency["predicted"], width=0.4, color=PALETTE[3],
                       label=self.tr("model"))
                ax.set_xticks(x, by_frequency["frequency"].astype(str))
                ax.set_xlabel(self.tr("Repeat purchases in calibration"))
                ax.set_ylabel(self.tr("Purchases per customer in holdout"))
                ax.set_title(self.tr("Holdout by calibration frequency"))
                ax.legend(fontsize=8)
                style_axes(ax)

        self.fit_chart.draw(paint)


def segment_table(segments):
    """The core's segment table with its columns in :data:`SEGMENT_ORDER` (values untouched)."""
    first = [c for c in SEGMENT_ORDER if c in segments.columns]
    return segments[first + [c for c in segments.columns if c not in first]]


def segment_labels(currency: str) -> dict[str, str]:
    """Column headers of the segment table: short, with units, so the key columns fit."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    money = f" ({currency})"
    return {
        **result_labels(currency),
        "historical_spend": translate("ResultLabels", "Revenue so far") + money,
        "average_order_value": translate("ResultLabels", "Avg. order") + money,
        "expected_purchases": translate("ResultLabels", "Exp. purchases"),
        "clv": translate("ResultLabels", "CLV total") + money,
        "clv_low": translate("ResultLabels", "Total low") + money,
        "clv_high": translate("ResultLabels", "Total high") + money,
    }


def segment_value_labels() -> dict[str, str]:
    """The core's fixed segment labels (all customers, no segment) in the interface language."""
    from PySide6.QtCore import QCoreApplication

    from clvdesk.core.segments import MISSING_LABEL, TOTAL_LABEL

    translate = QCoreApplication.translate
    return {TOTAL_LABEL: translate("ResultLabels", "all customers"),
            MISSING_LABEL: translate("ResultLabels", "(none)")}


def segment_label(segment) -> str:
    """One segment's name as shown (the core's fixed labels translated)."""
    return segment_value_labels().get(segment, str(segment))


def model_summary(model, fmt) -> str:
    """``BG/NBD: r 0,243 · α 4,41 · a 0,793 · b 2,43`` for the results card."""
    info = model.to_dict()
    greek = {"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ"}
    params = " · ".join(f"{greek.get(k, k)} {fmt.number(v, 3)}" for k, v in info["params"].items())
    return f"{model_name(info.get('model', ''))}: {params}"


def result_labels(currency: str) -> dict[str, str]:
    """Column headers of the result tables, with units, in the interface language."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    money = f" ({currency})"
    return {
        "segment": translate("ResultLabels", "Segment"),
        "customer_id": translate("ResultLabels", "Customer"),
        "customers": translate("ResultLabels", "Customers"),
        "repeat_customers": translate("ResultLabels", "Bought again"),
        "historical_spend": translate("ResultLabels", "Revenue to date") + money,
        "average_order_value": translate("ResultLabels", "Average order") + money,
        "expected_purchases": translate("ResultLabels", "Expected purchases"),
        "clv": translate("ResultLabels", "CLV") + money,
        "clv_mean": translate("ResultLabels", "CLV per customer") + money,
        "clv_low": translate("ResultLabels", "CLV low") + money,
        "clv_high": translate("ResultLabels", "CLV high") + money,
        "clv_low_mean": translate("ResultLabels", "Low per customer") + money,
        "clv_high_mean": translate("ResultLabels", "High per customer") + money,
        "acquisition_cost": translate("ResultLabels", "CAC") + money,
        "clv_net_mean": translate("ResultLabels", "CLV after CAC") + money,
        "ltv_cac": translate("ResultLabels", "LTV:CAC"),
        "frequency": translate("ResultLabels", "Repeat purchases"),
        "recency": translate("ResultLabels", "Recency"),
        "T": translate("ResultLabels", "Age (T)"),
        "p_alive": translate("ResultLabels", "P(alive)"),
        "expected_spend": translate("ResultLabels", "Spend per order") + money,
        "model": translate("ResultLabels", "Model"),
        "n_params": translate("ResultLabels", "Parameters"),
        "log_likelihood": translate("ResultLabels", "Log-likelihood"),
        "aic": "AIC",
        "bic": "BIC",
        "holdout_mae": translate("ResultLabels", "Holdout MAE"),
        "holdout_rmse": translate("ResultLabels", "Holdout RMSE"),
        "predicted_holdout": translate("ResultLabels", "Predicted holdout purchases"),
        "actual_holdout": translate("ResultLabels", "Actual holdout purchases"),
        "holdout_error_pct": translate("ResultLabels", "Holdout error (%)"),
        "note": translate("ResultLabels", "Note"),
    }


def comparison_in_language(table: pd.DataFrame) -> pd.DataFrame:
    """The model comparison with its notes (why a model could not be compared) in the
    interface language, worded from their codes as the error dialogs are."""
    if "note" not in table.columns:
        return table
    return table.assign(note=[core_message(note) if getattr(note, "code", "") else note
                              for note in table["note"]])
