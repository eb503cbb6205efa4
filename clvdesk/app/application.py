"""Start the desktop app: QApplication, language, error hook, main window; or a screenshot.

:func:`run` is what ``clvdesk gui`` calls. With ``screenshot`` it renders one page offscreen to a
PNG and returns without entering the event loop: the demo (or a given file) is loaded and
analysed synchronously first, so the page shows real results.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from pathlib import Path

from clvdesk.app.page_names import PAGE_NAMES
from clvdesk.core.errors import InputError

PROJECT_SUFFIXES = (".clvproj", ".json")


def application(argv: list[str] | None = None):
    """The running QApplication, created if needed (with the app's name and style)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
        app.setApplicationName("CLV Desk")
        app.setOrganizationName("CLV Desk")
        app.setApplicationDisplayName("CLV Desk")
        app.setStyle("Fusion")
    return app


def create_window(language: str | None = None, *, recovery_dir: Path | None = None,
                  settings=None):
    """Build the main window with its language chosen (argument, saved choice or system)."""
    from PySide6.QtCore import QSettings

    from clvdesk.app.errors import install_excepthook
    from clvdesk.app.i18n import LANGUAGES, LanguageManager, system_language
    from clvdesk.app.main_window import MainWindow

    app = application()
    settings = settings or QSettings("CLV Desk", "CLV Desk")
    languages = app.findChild(LanguageManager) or LanguageManager(app)  # one per application
    chosen = language or settings.value("language", "") or system_language()
    languages.set_language(chosen if chosen in LANGUAGES else "en")
    window = MainWindow(languages, settings=settings, recovery_dir=recovery_dir)
    install_excepthook(window.reporter)
    return window


def run(file: str | None = None, *, demo: bool = False, screenshot: str | None = None,
        page: str | None = None, language: str | None = None) -> int:
    """Open the window (or render a screenshot); returns the exit code."""
    if page is not None and page not in PAGE_NAMES:
        raise InputError(f"unknown page {page!r}; pages are: {', '.join(PAGE_NAMES)}")
    if language is not None and language not in ("en", "nl"):
        raise InputError(f"unknown language {language!r}; use en or nl")
    if file is not None and not Path(file).exists():
        raise InputError(f"file not found: {file}")
    if screenshot is not None:
        target = Path(screenshot)
        if target.suffix.lower() != ".png":
            raise InputError("the screenshot file name must end in .png")
        if not target.parent.exists():
            raise InputError(f"output folder does not exist: {target.parent}")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return _screenshot(file, demo, target, page or "data", language)

    app = application()
    window = create_window(language)
    window.show()
    threading.Thread(target=warm_up, name="clvdesk-warm-up", daemon=True).start()
    if not window.offer_recovery():
        if file is not None:
            open_file(window, Path(file))
        elif demo:
            window.open_demo()
    return app.exec()


def warm_up() -> None:
    """Import the calculation libraries in the background once the window is on screen.

    The window opens without pandas (about a second of imports); this loads it before the
    user's first import or demo needs it, without holding up the first window.
    """
    import importlib

    for name in ("numpy", "pandas", "clvdesk.core.scenarios", "clvdesk.core.pipeline",
                 "clvdesk.core.io.readers"):
        importlib.import_module(name)


def open_file(window, path: Path) -> None:
    """A project file is opened; any other file goes through the import dialog."""
    if path.suffix.lower() in PROJECT_SUFFIXES:
        window.open_project(path)
    else:
        window.pages["data"].import_file(path)


def _screenshot(file: str | None, demo: bool, target: Path, page: str,
                language: str | None) -> int:
    from PySide6.QtCore import QSettings

    from clvdesk.app import jobs
    from clvdesk.app.demo import demo_project
    from clvdesk.app.i18n import LanguageManager
    from clvdesk.app.project import DataSource, load_project

    existing = application().findChild(LanguageManager)
    previous_language = existing.language if existing is not None else "en"
    with tempfile.TemporaryDirectory(prefix="clvdesk-shot-") as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window(language or "en", recovery_dir=Path(scratch), settings=settings)
        window.reporter.show_dialogs = False
        project = None
        bare_file = False  # an order file, not a project: its settings come from its data
        if file is not None:
            path = Path(file)
            if path.suffix.lower() in PROJECT_SUFFIXES:
                project = load_project(path)
            else:
                from clvdesk.app.project import Project

                project = Project(source=DataSource(kind="file", path=str(path)))
                bare_file = True
        elif demo:
            project = demo_project()
        if project is not None:
            window.session.replace_project(project)
            if project.source.kind != "none":
                loaded = jobs.read_source(project.source,
                                          fallback_currency=window.locale_currency())
                if bare_file:
                    window.session.start_analysis(loaded)
                else:
                    window.session.headers = dict(loaded.headers or {})
                    window.session.set_orders(loaded.orders, loaded.quality, None)
                window.session.set_result(jobs.analyse(loaded.orders, window.session.assumptions))
        window.go_to(page)
        window.resize(1360, 860)
        window.show()
        _settle()
        window.grab().save(str(target), "PNG")
        window.session.set_dirty(False)
        window.close()
        window.languages.set_language(previous_language)  # the app may render more
    if not target.exists():
        raise InputError(f"could not write the screenshot {target}")
    return 0


def _settle() -> None:
    """Let layouts and charts finish drawing before grabbing the window."""
    from PySide6.QtWidgets import QApplication

    from clvdesk.app.charts import wait_rendered

    for _ in range(5):
        QApplication.processEvents()
    wait_rendered()
    QApplication.processEvents()
