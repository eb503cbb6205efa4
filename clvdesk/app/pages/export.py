"""Step 6, Export: the report workbook for colleagues, and the tables as CSV.

The workbook is :func:`clvdesk.core.io.report.write_report` (assumptions, per-customer CLV,
segments, cohorts, scenarios, model fit and data quality, with live Excel formulas and charts),
in the interface language and the project's currency. CSV, Excel or Parquet tables are
:func:`clvdesk.core.io.tables.write_table` (cell text starting with = + - @ is escaped). Both
write atomically and run in the background.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from clvdesk.app.file_dialogs import save_file_name
from clvdesk.app.pages.base import Page

TABLES = ("customers", "segments", "orders", "cohorts")


class ExportPage(Page):
    name = "export"

    def __init__(self, window) -> None:
        super().__init__(window)
        self.report_box = QGroupBox()
        report_layout = QVBoxLayout(self.report_box)
        self.report_help = QLabel()
        self.report_help.setWordWrap(True)
        report_layout.addWidget(self.report_help)
        row = QHBoxLayout()
        self.report_button = QPushButton()
        self.report_button.clicked.connect(self.export_report_dialog)
        row.addWidget(self.report_button)
        row.addStretch(1)
        report_layout.addLayout(row)
        self.body.addWidget(self.report_box)

        self.table_box = QGroupBox()
        table_layout = QVBoxLayout(self.table_box)
        self.table_help = QLabel()
        self.table_help.setWordWrap(True)
        table_layout.addWidget(self.table_help)
        form = QFormLayout()
        self.table_combo = QComboBox()
        for name in TABLES:
            self.table_combo.addItem(name, name)
        self.table_label = QLabel()
        form.addRow(self.table_label, self.table_combo)
        table_layout.addLayout(form)
        row = QHBoxLayout()
        self.table_button = QPushButton()
        self.table_button.clicked.connect(self.export_table_dialog)
        row.addWidget(self.table_button)
        row.addStretch(1)
        table_layout.addLayout(row)
        self.body.addWidget(self.table_box)
        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        self.body.addWidget(self.last_label)
        self.body.addStretch(1)
        self.session.result_changed.connect(self._update_enabled)
        self._update_enabled()

    def title(self) -> str:
        return self.tr("Export")

    def intro(self) -> str:
        return self.tr("Take the results away: a report workbook to share, or the tables as files.")

    def retranslate(self) -> None:
        super().retranslate()
        self.report_box.setTitle(self.tr("Report workbook (Excel)"))
        self.report_help.setText(self.tr(
            "Sheets for the assumptions, CLV per customer, segments, cohorts, scenarios, model "
            "fit and data quality, with charts. The simple CLV is written as live Excel formulas: "
            "change an assumption in Excel and CLV updates without CLV Desk. Labels and number "
            "formats follow the interface language."
        ))
        self.report_button.setText(self.tr("Save report workbook..."))
        self.table_box.setTitle(self.tr("Tables (CSV, Excel or Parquet)"))
        self.table_help.setText(self.tr(
            "One table per file; the file type follows the name (.csv, .xlsx or .parquet)."
        ))
        self.table_label.setText(self.tr("Table"))
        names = {
            "customers": self.tr("CLV per customer"),
            "segments": self.tr("CLV per segment"),
            "orders": self.tr("Orders as imported"),
            "cohorts": self.tr("Cohort summary"),
        }
        for i, name in enumerate(TABLES):
            self.table_combo.setItemText(i, names[name])
        self.table_button.setText(self.tr("Save table..."))
        self._update_enabled()

    def _update_enabled(self) -> None:
        ready = self.session.result is not None
        self.report_button.setEnabled(ready)
        self.table_button.setEnabled(ready or self.session.orders is not None)
        hint = self.tr("Run the analysis first (F5) to export results.")
        if not ready:
            self.last_label.setText(hint)
        elif self.last_label.text() == hint:
            self.last_label.clear()

    # ------------------------------------------------------------------ actions
    def export_report_dialog(self) -> None:
        path = save_file_name(
            self, self.tr("Save report workbook"),
            str(self.main._last_folder() / "clv-report.xlsx"), self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            path = Path(path)
            self.export_report(path if path.suffix else path.with_suffix(".xlsx"))

    def export_report(self, path: Path) -> None:
        """Write the report workbook in the background."""
        from clvdesk.core.io.report import write_report

        result = self.localised_result()
        language = self.main.languages.language
        currency = self.session.currency
        try:
            scenarios = self.main.pages["scenarios"].core_scenarios()
        except Exception:  # noqa: BLE001 - a half-typed scenario does not block the report
            scenarios = []

        def job(progress, cancel):
            progress(0.1, "writing the report workbook")
            return write_report(path, result, language=language, scenarios=scenarios,
                                currency=currency)

        self._run(job, path, self.tr("Saving the report workbook"))

    def localised_result(self):
        """The session's result with the quality texts (issue descriptions, examples, actions)
        and the model comparison's notes in the interface language, as the Quality and Results
        pages show them, for the report's sheets."""
        import dataclasses

        from clvdesk.app.pages.quality import issue_action, issue_description, issue_example
        from clvdesk.app.pages.results import comparison_in_language

        result = self.session.result
        quality = result.quality
        if self.main.languages.language == "en":
            return result
        if result.model_comparison is not None:
            result = dataclasses.replace(
                result, model_comparison=comparison_in_language(result.model_comparison))
        if not isinstance(quality, dict):
            return result
        fmt = self.formatter
        issues = []
        for issue in quality.get("issues") or []:
            issue = dict(issue)
            kind = issue.get("kind", "")
            issue["description"] = issue_description(kind, issue.get("description") or "", fmt)
            issue["action"] = issue_action(issue.get("action") or "")
            examples = issue.get("examples") or []
            if not isinstance(examples, str):
                issue["examples"] = [issue_example(str(e), fmt) for e in examples]
            issues.append(issue)
        return dataclasses.replace(result, quality={**quality, "issues": issues})

    def export_table_dialog(self) -> None:
        name = self.table_combo.currentData()
        path = save_file_name(
            self, self.tr("Save table"), str(self.main._last_folder() / f"clv-{name}.csv"),
            self.tr("CSV (*.csv);;Excel (*.xlsx);;Parquet (*.parquet)"),
        )
        if path:
            path = Path(path)
            self.export_table(name, path if path.suffix else path.with_suffix(".csv"))

    def table(self, name: str):
        """The table called ``name`` from the session (None if not computed yet)."""
        from clvdesk.app.pages.results import cohort_frame

        result = self.session.result
        if name == "orders":
            return self.session.orders
        if result is None:
            return None
        if name == "customers":
            return result.predictions
        if name == "segments":
            return result.segments
        if name == "cohorts":
            return cohort_frame(result.cohorts, "summary")
        return None

    def headers(self, name: str) -> dict[str, str]:
        """Column headers of table ``name`` in the interface language (spreadsheet files).

        Parquet keeps the core's column names, for programs that read it.
        """
        from clvdesk.app.import_dialog import column_labels
        from clvdesk.app.pages.results import result_labels, segment_labels

        currency = self.session.currency
        if name == "orders":
            return column_labels()
        if name == "segments":
            labels = segment_labels(currency)
        elif name == "cohorts":
            money = f" ({currency})"
            labels = {
                "cohort": self.tr("Cohort (month of first order)"),
                "customers": self.tr("Customers"),
                "repeat_rate": self.tr("Bought again (share)"),
                "revenue_per_customer": self.tr("Revenue per customer") + money,
                "margin_per_customer": self.tr("Margin per customer") + money,
                "cac": self.tr("CAC") + money,
                "payback_month": self.tr("Payback month"),
            }
        else:
            labels = result_labels(currency)
        split = self.session.assumptions.get("segment_col")
        if split:
            labels["segment"] = self.session.header(split)
        return labels

    def export_table(self, name: str, path: Path) -> None:
        """Write one table in the background (CSV in the language's convention)."""
        from clvdesk.core.errors import InputError
        from clvdesk.core.io.tables import write_table

        table = self.table(name)
        if table is None:
            self.main.reporter.report(InputError(self.tr("nothing to export yet: run the analysis first")))
            return
        language = self.main.languages.language
        headers = {} if path.suffix.lower() == ".parquet" else self.headers(name)
        if name == "orders" and self.session.orders_are_preview:  # the whole table, re-read
            from clvdesk.app import jobs
            from clvdesk.app.workers import ProcessJob

            job = ProcessJob(jobs.save_orders,
                             (self.session.project.source, path, headers, language))
            self._run(job, path, self.tr("Saving {0}").format(path.name))
            return

        def job(progress, cancel):
            progress(0.1, "writing the table")
            frame = table.reset_index() if table.index.name else table
            return write_table(frame.rename(columns=headers), path, index=False,
                               csv_style=language)

        self._run(job, path, self.tr("Saving {0}").format(path.name))

    def _run(self, job, path: Path, action: str) -> None:
        from clvdesk.core.io.outputs import check_output

        try:  # never over the order file or the project file (the check the CLI uses)
            check_output(path, [self.session.project.source.path, self.session.path])
        except Exception as exc:  # noqa: BLE001 - shown as a dialog
            self.main.reporter.report(exc, action)
            return
        def finished(written) -> None:
            self.last_label.setText(self.tr("Saved {0}").format(written))
            self.main.status_label.setText(self.tr("Saved {0}").format(Path(written).name))
            self.main.settings.setValue("last_folder", str(Path(written).parent))
            self.main.job_done.emit("export", "finished")

        def failed(exc) -> None:
            self.main.reporter.report(exc, action)
            self.main.job_done.emit("export", "failed")

        self.main.runner.start(job, name="export", on_finished=finished, on_failed=failed,
                               on_cancelled=lambda: self.main.job_done.emit("export", "cancelled"))
