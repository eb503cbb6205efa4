"""No elided text (issue 11, point 6): every page at 1366x768 and 1600x1000, English and Dutch.

Each visible label, button, check box, group title, tab, combo box, navigation item and table
header text is measured with the widget's own QFontMetrics and compared with the room the
widget gives it. The demo is loaded and analysed first, so the pages show real numbers.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QStyle,
    QTabBar,
    QToolButton,
)

from clvdesk.app import jobs
from clvdesk.app.demo import demo_project
from tests.app_window import quiet_window

SIZES = ((1366, 768), (1600, 1000))


@pytest.fixture(scope="module")
def demo_data():
    project = demo_project()
    loaded = jobs.read_source(project.source)
    return loaded, jobs.analyse(loaded.orders, project.assumptions)


def _width(fm: QFontMetrics, text: str) -> int:
    return max((fm.horizontalAdvance(line) for line in text.replace("&&", "&").split("\n")),
               default=0)


def _plain(text: str) -> str:
    return text.replace("&", "") if "&&" not in text else text


def elided(root) -> list[str]:
    """Texts under ``root`` that do not fit the room their widget has."""
    problems = []

    def shown(widget) -> bool:
        return widget.isVisibleTo(root) and widget.width() > 0

    for label in root.findChildren(QLabel):
        text = label.text()
        if not shown(label) or not text or label.wordWrap() or GuiQt.mightBeRichText(text):
            continue
        room = label.contentsRect().width() - 2 * max(label.margin(), 0) - max(label.indent(), 0)
        if _width(label.fontMetrics(), text) > room:
            problems.append(f"label {text!r}: {_width(label.fontMetrics(), text)} > {room}")
    for button in root.findChildren(QAbstractButton):
        if not shown(button) or not button.text() or isinstance(button, QTabBar):
            continue
        if isinstance(button, QPushButton | QCheckBox | QToolButton):
            need = button.sizeHint().width()
            if need > button.width():
                problems.append(f"button {button.text()!r}: {need} > {button.width()}")
    for box in root.findChildren(QGroupBox):
        if shown(box) and box.title():
            need = _width(box.fontMetrics(), _plain(box.title())) + 16
            if need > box.width():
                problems.append(f"group {box.title()!r}: {need} > {box.width()}")
    for bar in root.findChildren(QTabBar):
        if not shown(bar):
            continue
        for i in range(bar.count()):
            need = _width(bar.fontMetrics(), bar.tabText(i)) + 16
            if need > bar.tabRect(i).width():
                problems.append(f"tab {bar.tabText(i)!r}: {need} > {bar.tabRect(i).width()}")
    for combo in root.findChildren(QComboBox):
        if shown(combo) and combo.currentText():
            need = _width(combo.fontMetrics(), combo.currentText()) + 28  # frame and arrow
            if need > combo.width():
                problems.append(f"combo {combo.currentText()!r}: {need} > {combo.width()}")
    for listing in root.findChildren(QListWidget):
        if not shown(listing):
            continue
        for i in range(listing.count()):
            item = listing.item(i)
            rect = listing.visualItemRect(item)
            need = _width(listing.fontMetrics(), item.text()) + 28  # item padding
            if need > rect.width():
                problems.append(f"item {item.text()!r}: {need} > {rect.width()}")
    for header in root.findChildren(QHeaderView):
        if not shown(header) or header.model() is None:
            continue
        model = header.model()
        count = model.columnCount() if header.orientation() == Qt.Orientation.Horizontal else 0
        for section in range(count):
            if header.isSectionHidden(section):
                continue
            text = model.headerData(section, Qt.Orientation.Horizontal)
            if not text:
                continue
            margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
            need = _width(header.fontMetrics(), str(text)) + 2 * margin  # as Qt paints it
            if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
                need += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None,
                                                   header) + margin
            if need > header.sectionSize(section):
                problems.append(f"header {text!r}: {need} > {header.sectionSize(section)}")
    return problems


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_text_is_cut_off_on_any_page(qtbot, tmp_path, demo_data, language):
    loaded, result = demo_data
    window = quiet_window(qtbot, tmp_path, language)
    try:
        window.session.replace_project(demo_project())
        window.session.set_orders(loaded.orders, loaded.quality, None)
        window.session.set_result(result)
        window.show()
        problems = []
        for width, height in SIZES:
            window.resize(width, height)
            for name in window.pages:
                window.go_to(name)
                for _ in range(3):
                    QApplication.processEvents()
                problems += [f"{width}x{height} {name}: {p}" for p in elided(window)]
        assert not problems, "\n".join(problems)
    finally:
        window.session.set_dirty(False)
        window.set_language("en")
