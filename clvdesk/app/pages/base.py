"""The common frame of a page: a title, a one-line explanation and the page's content."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from clvdesk.app.main_window import MainWindow


class Page(QWidget):
    """One step of the flow. Subclasses fill :attr:`body` and implement :meth:`retranslate`."""

    #: Name used by ``--page`` and the navigation (data, quality, assumptions, ...).
    name: ClassVar[str] = ""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main = window
        self.session = window.session
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(10)
        self._title = QLabel()
        self._title.setObjectName("pageTitle")
        self._title.setStyleSheet("font-size: 17pt; font-weight: 600;")
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self._intro.setStyleSheet("color: #505050;")
        outer.addWidget(self._title)
        outer.addWidget(self._intro)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer.addLayout(self.body, 1)

    @property
    def formatter(self):
        return self.main.formatter

    def title(self) -> str:
        """The page's name in the navigation and its heading (translated)."""
        raise NotImplementedError

    def intro(self) -> str:
        """One or two sentences under the heading: what this page is for."""
        return ""

    def retranslate(self) -> None:
        """Set every text again in the current language (called on LanguageChange)."""
        self._title.setText(self.title())
        self._intro.setText(self.intro())

    def formatter_changed(self) -> None:
        """The language or currency changed: re-show numbers."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
