"""The main window as the app tests need it: settings in a temporary folder, no dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from clvdesk.app.application import create_window
from clvdesk.app.main_window import MainWindow


def quiet_window(qtbot, folder: Path, language: str = "en", *,
                answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Discard
                ) -> MainWindow:
    """A window whose errors are recorded (``reporter.last``), not shown, and whose "save
    changes?" question gets ``answer``; its settings and recovery file live in ``folder``."""
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(language, recovery_dir=folder / "recovery", settings=settings)
    window.reporter.show_dialogs = False
    window.ask_save_changes = lambda: answer
    qtbot.addWidget(window)
    return window
