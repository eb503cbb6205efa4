"""Step 2, Quality: the core's data-quality report, with what is excluded and why.

Totals (rows read, used and left out, customers, revenue, date range) and one row per issue:
what it is, how many rows (customers, months), examples, and what the calculation does with
them (:func:`clvdesk.core.quality.quality_report`).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
)

from clvdesk.app.pages.base import Page


def issue_title(kind: str) -> str:
    """The name of an issue kind of :data:`clvdesk.core.quality.ISSUE_KINDS`, translated."""
    translate = QCoreApplication.translate
    titles = {
        "malformed_row": translate("QualityIssues", "Rows that do not fit the header"),
        "missing_customer_id": translate("QualityIssues", "Rows without a customer"),
        "missing_date": translate("QualityIssues", "Rows without a date"),
        "unparseable_date": translate("QualityIssues", "Dates that cannot be read"),
        "missing_amount": translate("QualityIssues", "Rows without an amount"),
        "unparseable_amount": translate("QualityIssues", "Amounts that cannot be read"),
        "unparseable_value": translate("QualityIssues", "Unreadable values in optional columns"),
        "duplicate_orders": translate("QualityIssues", "Duplicate rows"),
        "negative_amounts": translate("QualityIssues", "Returns and negative amounts"),
        "zero_amounts": translate("QualityIssues", "Orders of amount 0"),
        "future_dates": translate("QualityIssues", "Orders dated in the future"),
        "outliers": translate("QualityIssues", "Unusual amounts (outliers)"),
        "one_time_buyers": translate("QualityIssues", "One-time buyers"),
        "date_gaps": translate("QualityIssues", "Months without orders"),
    }
    return titles.get(kind, kind)


def issue_description(kind: str, description: str, fmt) -> str:
    """The one-line description of an issue kind, translated (the core writes it in English).

    The core's ``outliers`` description ends in its fences, ``: outside 1.23 .. 456.78``; they
    are kept and shown with the interface language's separators.
    """
    translate = QCoreApplication.translate
    texts = {
        "malformed_row": translate("QualityDescriptions",
                                   "rows that do not split into the header's columns"),
        "missing_customer_id": translate("QualityDescriptions", "rows without a customer id"),
        "missing_date": translate("QualityDescriptions", "rows without a date"),
        "unparseable_date": translate("QualityDescriptions", "dates that cannot be read"),
        "missing_amount": translate("QualityDescriptions", "rows without an amount"),
        "unparseable_amount": translate("QualityDescriptions", "amounts that cannot be read"),
        "unparseable_value": translate("QualityDescriptions",
                                       "values of optional columns that cannot be read"),
        "duplicate_orders": translate("QualityDescriptions", "rows identical to an earlier row"),
        "negative_amounts": translate("QualityDescriptions", "returns and negative amounts"),
        "zero_amounts": translate("QualityDescriptions", "orders with amount 0"),
        "future_dates": translate("QualityDescriptions", "orders dated after today"),
        "outliers": translate("QualityDescriptions",
                              "amounts far from the usual ones (beyond 3 IQR of the log amounts)"),
        "one_time_buyers": translate("QualityDescriptions",
                                     "customers who bought on one day only"),
        "date_gaps": translate("QualityDescriptions",
                               "months without any order between the first and last order"),
    }
    text = texts.get(kind)
    if text is None:
        return description
    fences = _FENCES.search(description)
    if fences:
        text = translate("QualityDescriptions", "{0}: outside {1} .. {2}").format(
            text, _local_amount(fences[1], fmt), _local_amount(fences[2], fmt))
    return text


# The core's example texts: ``row 12: C001 2024-01-31 1,234.50`` (a usable order) and
# ``row 12 date: 31/31/2024`` (a row left out, with its column and value).
_ORDER_EXAMPLE = re.compile(r"^row (\d+): (.*) (\d{4}-\d{2}-\d{2}) (-?[\d,]+\.\d+)$", re.S)
_ROW_EXAMPLE = re.compile(r"^row (\d+)(.*)$", re.S)
_FENCES = re.compile(r": outside (-?[\d,]+\.\d+) \.\. (-?[\d,]+\.\d+)$")


def _local_amount(text: str, fmt) -> str:
    return fmt.number(float(text.replace(",", "")), 2)


def issue_example(example: str, fmt) -> str:
    """One of the core's examples with ``row`` translated and the amount in the interface
    language's separators; other examples (customer ids, months) as the core wrote them."""
    translate = QCoreApplication.translate
    order = _ORDER_EXAMPLE.match(example)
    if order:
        return translate("QualityExamples", "row {0}: {1} {2} {3}").format(
            order[1], order[2], order[3], _local_amount(order[4], fmt))
    row = _ROW_EXAMPLE.match(example)
    if row:
        return translate("QualityExamples", "row {0}").format(row[1]) + row[2]
    return example


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation; returns it unchanged."""
    return text


#: The core's action texts (:data:`clvdesk.core.quality.ISSUE_KINDS`), marked for translation.
#: A text the core changes and this list lacks is shown as the core wrote it.
ACTION_TEXTS = (
    QT_TRANSLATE_NOOP("QualityActions", "excluded: left out of every computation"),
    QT_TRANSLATE_NOOP("QualityActions",
                      "kept: the row is used, the unreadable value is treated as missing"),
    QT_TRANSLATE_NOOP("QualityActions",
                      "kept: counted as orders; a customer's orders of one day are added into "
                      "one purchase, so a double export inflates spend (remove the copies in "
                      "the source if they are errors)"),
    QT_TRANSLATE_NOOP("QualityActions",
                      "kept and netted: each return is netted into the order with its order id, "
                      "else into the customer's latest purchase day on or before it; a "
                      "purchase day netted to zero or less is no purchase (its amounts still "
                      "count in spend); a return before any purchase only lowers spend"),
    QT_TRANSLATE_NOOP("QualityActions",
                      "kept: counted as purchases of value 0 (they lower the average order "
                      "value)"),
    QT_TRANSLATE_NOOP("QualityActions",
                      "kept: the analysis ends at the last order date unless an end date is "
                      "set, so these move the end into the future; fix the dates or set the "
                      "end date"),
    QT_TRANSLATE_NOOP("QualityActions",
                      "kept: used as is; check them for typing errors such as a missing "
                      "decimal comma"),
    QT_TRANSLATE_NOOP("QualityActions",
                      "kept: they count in every model with no repeat purchases; the spend "
                      "model (Gamma-Gamma) learns order values from repeat buyers only"),
    QT_TRANSLATE_NOOP("QualityActions",
                      "no effect on the computation; a month without orders often means a "
                      "missing export"),
)


def issue_action(action: str) -> str:
    """The core's action text in the interface language (as is when not translated)."""
    return QCoreApplication.translate("QualityActions", action)


def issue_excluded(action: str) -> bool:
    """Whether the core's action text says the rows are left out."""
    return action.lower().startswith("excluded")


class QualityPage(Page):
    name = "quality"

    def __init__(self, window) -> None:
        super().__init__(window)
        self.totals = QGridLayout()
        self.totals.setHorizontalSpacing(28)
        self.total_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for i, key in enumerate(("rows_read", "rows", "dropped_rows", "customers",
                                 "total_amount", "period")):
            caption, value = QLabel(), QLabel()
            caption.setStyleSheet("color: palette(dark);")
            value.setStyleSheet("font-size: 14pt; font-weight: 600;")
            self.totals.addWidget(caption, 0, i)
            self.totals.addWidget(value, 1, i)
            self.total_labels[key] = (caption, value)
        self.body.addLayout(self.totals)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.body.addWidget(self.verdict)
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.body.addWidget(self.table, 1)
        self.session.orders_changed.connect(self.refresh)

    def title(self) -> str:
        return self.tr("Quality")

    def intro(self) -> str:
        return self.tr(
            "Check the data before trusting a number: what was read, what is wrong with it and "
            "what the calculation does with each problem. Red rows are left out."
        )

    def retranslate(self) -> None:
        super().retranslate()
        captions = {
            "rows_read": self.tr("Rows read"),
            "rows": self.tr("Orders used"),
            "dropped_rows": self.tr("Rows left out"),
            "customers": self.tr("Customers"),
            "total_amount": self.tr("Revenue ({0})").format(self.session.currency),
            "period": self.tr("First to last order"),
        }
        for key, (caption, _value) in self.total_labels.items():
            caption.setText(captions[key])
        self.table.setHorizontalHeaderLabels([
            self.tr("Issue"), self.tr("Count"), self.tr("Share"), self.tr("Examples"),
            self.tr("What the calculation does"),
        ])
        self.refresh()

    def formatter_changed(self) -> None:
        self.retranslate()

    def refresh(self) -> None:
        report = self.session.quality
        fmt = self.formatter
        if report is None:
            for _caption, value in self.total_labels.values():
                value.setText("–")
            self.verdict.setText(self.tr("No data yet: load orders on the Data page."))
            self.table.setRowCount(0)
            return
        values = {
            "rows_read": fmt.integer(report.rows_read),
            "rows": fmt.integer(report.rows),
            "dropped_rows": fmt.integer(report.dropped_rows),
            "customers": fmt.integer(report.customers),
            "total_amount": fmt.money(report.total_amount, 0),
            "period": f"{fmt.date(report.first_date)} – {fmt.date(report.last_date)}",
        }
        for key, (_caption, value) in self.total_labels.items():
            value.setText(values[key])
        excluded = [i for i in report.issues if issue_excluded(i.action)]
        if excluded:
            self.verdict.setText(self.tr(
                "{0} rows are left out of every calculation (red below). Fix them in the source "
                "file and import it again if they matter."
            ).format(fmt.integer(report.dropped_rows)))
        else:
            self.verdict.setText(self.tr("No rows had to be left out."))
        self.table.setRowCount(len(report.issues))
        for row, issue in enumerate(report.issues):
            cells = [
                issue_title(issue.kind),
                fmt.integer(issue.count),
                "" if issue.share is None else fmt.percent(issue.share),
                "; ".join(issue_example(str(e), fmt) for e in issue.examples),
                issue_action(issue.action),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if issue_excluded(issue.action):
                    item.setBackground(Qt.GlobalColor.transparent)
                    item.setForeground(Qt.GlobalColor.darkRed)
                if column == 0 and issue.description:
                    item.setToolTip(issue_description(issue.kind, issue.description, fmt))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
