"""File dialogs in the interface language.

Qt's own dialogs are translated by the ``qtbase_nl.qm`` PySide6 ships (installed by
:class:`clvdesk.app.i18n.LanguageManager`). Two texts of Qt's file dialog are missing from it
(Qt 6 renamed them, the Dutch catalogue was not updated); they are translated here, in the
``QFileDialog`` context of the app's own ``.ts``, which Qt searches first. The system's native
dialog speaks the system's language, so when the interface language differs from it, Qt's own
dialog is used instead.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QWidget


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation (``pyside6-lupdate`` collects it); returns it unchanged."""
    return text


#: Texts of QFileDialog that qtbase_nl.qm (Qt 6) lacks.
QT_FILE_DIALOG_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def dialog_options() -> QFileDialog.Option:
    """Qt's own dialog when the interface language is not the system's (native otherwise)."""
    if QLocale().language() != QLocale.system().language():
        return QFileDialog.Option.DontUseNativeDialog
    return QFileDialog.Option(0)


def open_file_name(parent: QWidget, caption: str, folder: str, filters: str) -> str:
    """The file the user chose to open ("" if cancelled)."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, folder, filters,
                                          options=dialog_options())
    return path


def save_file_name(parent: QWidget, caption: str, target: str, filters: str) -> str:
    """The file the user chose to save to ("" if cancelled)."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, target, filters,
                                          options=dialog_options())
    return path
