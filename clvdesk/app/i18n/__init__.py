"""Interface languages: English (the source texts) and Dutch (Qt Linguist ``clvdesk_nl.ts``).

The Dutch texts live in ``clvdesk_nl.ts`` (edit with ``pyside6-linguist``); the compiled
``clvdesk_nl.qm`` beside it is what the app loads. ``python -m clvdesk.app.i18n.build`` refreshes
the ``.ts`` from the sources (``pyside6-lupdate``) and rebuilds the ``.qm``
(``pyside6-lrelease``); a test checks the committed ``.qm`` matches the ``.ts`` and that every
text is translated.

The language follows the system locale (Dutch for any ``nl_*`` locale, else English) unless the
user picked one in the Language menu (remembered in QSettings) or passed ``--lang``. Switching
installs the translators; Qt then sends every widget a LanguageChange event and the window
re-labels itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from clvdesk.app.formatting import LOCALE_NAMES

I18N_DIR = Path(__file__).resolve().parent
#: Language code -> name shown in the Language menu (each in its own language).
LANGUAGES: dict[str, str] = {"en": "English", "nl": "Nederlands"}


def system_language() -> str:
    """``"nl"`` when the system locale is Dutch (nl_NL, nl_BE), else ``"en"``."""
    return "nl" if QLocale.system().name().lower().startswith("nl") else "en"


def qm_path(language: str) -> Path:
    """The compiled translation of the app for ``language``."""
    return I18N_DIR / f"clvdesk_{language}.qm"


class LanguageManager(QObject):
    """Installs the translators of one language at a time on the running application."""

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = "en"
        self._translators: list[QTranslator] = []

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        """Switch the interface to ``language`` (``"en"`` or ``"nl"``)."""
        if language not in LANGUAGES:
            language = "en"
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        if language != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in ((f"qtbase_{language}", qt_dir), (f"clvdesk_{language}", str(I18N_DIR))):
                translator = QTranslator(self)
                if translator.load(name, folder):
                    app.installTranslator(translator)
                    self._translators.append(translator)
        QLocale.setDefault(QLocale(LOCALE_NAMES[language]))
        changed = language != self._language
        self._language = language
        if changed:
            self.language_changed.emit(language)
