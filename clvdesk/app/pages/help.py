"""Help: what the numbers mean where users misread them (the same texts as the tooltips)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from clvdesk.app.explanations import TOPICS, explanation
from clvdesk.app.pages.base import Page


class HelpPage(Page):
    name = "help"

    def __init__(self, window) -> None:
        super().__init__(window)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 12, 0)
        layout.setSpacing(6)
        self.headings: dict[str, QLabel] = {}
        self.texts: dict[str, QLabel] = {}
        for topic in TOPICS:
            heading, text = QLabel(), QLabel()
            heading.setStyleSheet("font-size: 12pt; font-weight: 600; margin-top: 8px;")
            heading.setWordWrap(True)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(heading)
            layout.addWidget(text)
            self.headings[topic], self.texts[topic] = heading, text
        layout.addStretch(1)
        scroll.setWidget(content)
        self.body.addWidget(scroll, 1)

    def title(self) -> str:
        return self.tr("Help")

    def intro(self) -> str:
        return self.tr("What the numbers mean, where they are easy to misread. The same "
                       "explanations show as tooltips where the numbers are.")

    def retranslate(self) -> None:
        super().retranslate()
        for topic in TOPICS:
            title, text = explanation(topic)
            self.headings[topic].setText(title)
            self.texts[topic].setText(text)
