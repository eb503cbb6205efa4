"""The main window: navigation through the six steps, menus, progress bar and cancel.

Left, the steps of the flow (Data, Quality, Costs and assumptions, Results, Scenarios, Export);
right, the page of the chosen step. The window owns the :class:`~clvdesk.app.session.Session`,
runs the long jobs (:mod:`clvdesk.app.jobs`) through a :class:`~clvdesk.app.workers.TaskRunner`
with a progress bar and a Cancel button in the status bar, saves and opens projects, autosaves
to a recovery file, and asks before closing with unsaved changes.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from clvdesk.app import charts, jobs
from clvdesk.app.errors import ErrorReporter
from clvdesk.app.file_dialogs import open_file_name, save_file_name
from clvdesk.app.formatting import Formatter
from clvdesk.app.i18n import LANGUAGES, LanguageManager
from clvdesk.app.progress_message import progress_message
from clvdesk.app.project import SUFFIX, DataSource, Project, load_project, save_project
from clvdesk.app.session import Session
from clvdesk.app.workers import ProcessJob, TaskRunner
from clvdesk.core.io.atomic import write_text_atomic

#: Seconds between autosaves of unsaved work to the recovery file.
AUTOSAVE_SECONDS = 30
RECOVERY_NAME = "recovery.clvproj"


def default_recovery_dir() -> Path:
    """Per-user folder for the recovery file (e.g. ~/.local/share/CLV Desk)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(folder or Path.home() / ".clvdesk")


class MainWindow(QMainWindow):
    """The CLV Desk window."""

    #: Emitted when a job ends, with the job name and "finished" | "failed" | "cancelled".
    job_done = Signal(str, str)
    #: Emitted after a new analysis result is in the session.
    analysis_ready = Signal()
    #: Emitted after new orders (and their quality report) are in the session.
    data_ready = Signal()

    def __init__(
        self,
        languages: LanguageManager,
        *,
        settings: QSettings | None = None,
        recovery_dir: Path | None = None,
        autosave_seconds: float = AUTOSAVE_SECONDS,
    ) -> None:
        super().__init__()
        self.languages = languages
        self.settings = settings or QSettings("CLV Desk", "CLV Desk")
        self.recovery_file = (recovery_dir or default_recovery_dir()) / RECOVERY_NAME
        self.session = Session(self)
        self.runner = TaskRunner(self)
        self.reporter = ErrorReporter(self)
        self.formatter = Formatter(languages.language, self.session.currency)
        self.resize(1280, 820)
        self.setMinimumSize(960, 640)

        self._build_pages()
        self._build_status_bar()
        self._build_menus()
        self.runner.busy_changed.connect(self._set_busy)
        self.runner.progress.connect(self._show_progress)
        self.session.dirty_changed.connect(lambda _dirty: self._update_title())
        self.session.path_changed.connect(lambda _path: self._update_title())
        self.session.project_changed.connect(self._project_changed)
        languages.language_changed.connect(self._language_changed)

        self._autosave = QTimer(self)
        self._autosave.setInterval(int(autosave_seconds * 1000))
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()
        self.retranslate()
        self.go_to("data")

    # ------------------------------------------------------------------ layout
    def _build_pages(self) -> None:
        from clvdesk.app.pages import PAGE_CLASSES

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(250)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet(
            "QListWidget#navigation { border: none; background: palette(window);"
            " padding-top: 12px; font-size: 11pt; }"
            "QListWidget#navigation::item { padding: 10px 14px; }"
            "QListWidget#navigation::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.stack = QStackedWidget()
        self.pages = {}
        for cls in PAGE_CLASSES:
            page = cls(self)
            self.pages[cls.name] = page
            self.stack.addWidget(page)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, cls.name)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setFixedWidth(260)
        self.progress_bar.setTextVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.runner.cancel)
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)
        self.progress_bar.hide()
        self.cancel_button.hide()

    def _build_menus(self) -> None:
        menu = self.menuBar()
        self.file_menu = menu.addMenu("")
        self.act_new = self._action(self.new_project, QKeySequence.StandardKey.New)
        self.act_open = self._action(self.open_project_dialog, QKeySequence.StandardKey.Open)
        self.act_save = self._action(self.save, QKeySequence.StandardKey.Save)
        self.act_save_as = self._action(self.save_as, QKeySequence.StandardKey.SaveAs)
        self.act_import = self._action(lambda: self.pages["data"].import_file_dialog(), "Ctrl+I")
        self.act_demo = self._action(self.open_demo)
        self.act_quit = self._action(self.close, QKeySequence.StandardKey.Quit)
        for action in (self.act_new, self.act_open, self.act_save, self.act_save_as, None,
                       self.act_import, self.act_demo, None, self.act_quit):
            self.file_menu.addAction(action) if action else self.file_menu.addSeparator()

        self.analysis_menu = menu.addMenu("")
        self.act_run = self._action(self.run_analysis, "F5")
        self.act_cancel = self._action(self.runner.cancel, "Esc")
        self.analysis_menu.addAction(self.act_run)
        self.analysis_menu.addAction(self.act_cancel)

        self.language_menu = menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_actions[self.languages.language].setChecked(True)

        self.help_menu = menu.addMenu("")
        self.act_about = self._action(self.about)
        self.help_menu.addAction(self.act_about)

    def _action(self, slot, shortcut=None) -> QAction:
        action = QAction(self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        """All texts of the window itself in the current language."""
        self.file_menu.setTitle(self.tr("&File"))
        self.act_new.setText(self.tr("&New project"))
        self.act_open.setText(self.tr("&Open project..."))
        self.act_save.setText(self.tr("&Save project"))
        self.act_save_as.setText(self.tr("Save project &as..."))
        self.act_import.setText(self.tr("&Import orders..."))
        self.act_demo.setText(self.tr("Open the &demo data (CDNOW)"))
        self.act_quit.setText(self.tr("&Quit"))
        self.analysis_menu.setTitle(self.tr("&Analysis"))
        self.act_run.setText(self.tr("&Run analysis"))
        self.act_cancel.setText(self.tr("&Cancel the running job"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.act_about.setText(self.tr("&About CLV Desk"))
        self.cancel_button.setText(self.tr("Cancel"))
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            page = self.pages[item.data(Qt.ItemDataRole.UserRole)]
            item.setText(f"{row + 1}   {page.title()}")
        for page in self.pages.values():
            page.retranslate()
        if not self.runner.busy:
            self.status_label.setText(self.tr("Ready"))
        self._update_title()

    def set_language(self, language: str) -> None:
        """Switch the interface language and remember the choice."""
        self.settings.setValue("language", language)
        self.languages.set_language(language)

    def _language_changed(self, language: str) -> None:
        self.language_actions[language].setChecked(True)
        self._refresh_formatter()
        self.retranslate()

    def _refresh_formatter(self) -> None:
        self.formatter = Formatter(self.languages.language, self.session.currency)
        for page in self.pages.values():
            page.formatter_changed()

    def _project_changed(self) -> None:
        if self.formatter.currency != self.session.currency:
            self._refresh_formatter()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ navigation
    def go_to(self, name: str) -> None:
        """Show the page called ``name`` (data, quality, assumptions, results, scenarios, export)."""
        names = list(self.pages)
        if name not in names:
            from clvdesk.core.errors import InputError

            raise InputError(f"unknown page {name!r}; pages are: {', '.join(names)}")
        self.nav.setCurrentRow(names.index(name))

    def current_page(self) -> str:
        return list(self.pages)[self.stack.currentIndex()]

    def _update_title(self) -> None:
        name = self.session.path.name if self.session.path else self.tr("Untitled project")
        self.setWindowTitle(f"{name}[*] - CLV Desk")
        self.setWindowModified(self.session.dirty)

    # ------------------------------------------------------------------ jobs
    def _set_busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.act_run.setEnabled(not busy)
        if busy:
            self.progress_bar.setValue(0)
        else:
            QApplication.restoreOverrideCursor()

    def _show_progress(self, fraction: float, message: str) -> None:
        self.progress_bar.setValue(int(fraction * 1000))
        if message:
            self.status_label.setText(progress_message(message))

    def _job_failed(self, name: str, action: str):
        def failed(exc: BaseException) -> None:
            self.status_label.setText(self.tr("Stopped: see the message"))
            self.reporter.report(exc, action)
            self.job_done.emit(name, "failed")

        return failed

    def _job_cancelled(self, name: str):
        def cancelled() -> None:
            self.status_label.setText(self.tr("Cancelled; nothing was changed"))
            self.job_done.emit(name, "cancelled")

        return cancelled

    def load_source(self, source: DataSource, *, then_analyse: bool = False, new: bool = False,
                    keep: bool = False) -> None:
        """Read the orders of ``source`` in the background, then show them (and analyse).

        ``new``: a new data source (an import, typed orders), so a new analysis whose settings
        come from the data (``keep``: the user keeps margin, rates, horizon and models);
        otherwise the project's own source is re-read and its settings stay as saved.
        """
        self.status_label.setText(self.tr("Reading orders..."))

        def finished(loaded: jobs.LoadedData) -> None:
            if new:
                self.session.start_analysis(loaded, keep=keep)
            else:
                self.session.headers = dict(loaded.headers or {})
                self.session.set_orders(loaded.orders, loaded.quality, None,
                                        total_rows=loaded.total_rows,
                                        segment_values=loaded.segment_values)
            self.status_label.setText(
                self.tr("{0} orders of {1} customers loaded").format(
                    self.formatter.integer(loaded.quality.rows),
                    self.formatter.integer(loaded.quality.customers),
                )
            )
            self.data_ready.emit()
            self.job_done.emit("load", "finished")
            if then_analyse:
                self.run_analysis()

        where = source.path or self.tr("the entered orders")
        report_failure = self._job_failed("load", self.tr("Reading {0}").format(where))

        def failed(exc: BaseException) -> None:
            from clvdesk.app.workers import WorkerDied

            if isinstance(exc, WorkerDied) and source.kind == "file":
                exc = self._unreadable_file(source.path, exc)
            report_failure(exc)

        self.runner.start(
            ProcessJob(jobs.read_source, (source,), {"fallback_currency": self.locale_currency()}),
            name="load",
            on_finished=finished,
            on_failed=failed,
            on_cancelled=self._job_cancelled("load"),
        )

    def locale_currency(self) -> str:
        """The currency of the user's locale, for data that do not show theirs."""
        from PySide6.QtCore import QLocale

        system = QLocale.system()
        symbol = system.currencySymbol() if system.language() != QLocale.Language.C else ""
        return symbol or self.formatter.locale.currencySymbol() or "€"

    def _unreadable_file(self, path: str, died) -> Exception:
        """A reader that died (any signal, out of memory): the file, not a bug, is the news."""
        from clvdesk.core.display import shown
        from clvdesk.core.errors import InputError

        return InputError(
            self.tr("the file {0} could not be read (the reader stopped, code {1}). Open it in "
                    "Excel or LibreOffice and save it again as .xlsx or .csv, or remove empty "
                    "or formatted rows and columns far below and beside the table, then import "
                    "it again.").format(shown(Path(path).name), died.exitcode),
            code="reader_died", file=Path(path).name, exitcode=died.exitcode)

    def run_analysis(self) -> None:
        """Fit the models and predict CLV in the background with the current assumptions."""
        if self.session.orders is None:
            from clvdesk.core.errors import InputError

            self.reporter.report(
                InputError(self.tr("there are no orders yet: enter or import them on the Data page"))
            )
            return
        self.pages["assumptions"].commit()
        orders, values = self.session.orders, self.session.assumptions
        if self.session.orders_are_preview:  # the whole table is read again in the worker
            orders = self.session.project.source
        self.status_label.setText(self.tr("Fitting models and predicting CLV..."))
        charts.preload()  # the results page's charts, imported while the analysis runs
        self.runner.start(
            ProcessJob(jobs.analyse, (orders, values)),
            name="analysis",
            on_finished=lambda result: self._analysis_finished(result, values),
            on_failed=self._job_failed("analysis", self.tr("Running the analysis")),
            on_cancelled=self._job_cancelled("analysis"),
        )

    def _analysis_finished(self, result, values=None) -> None:
        self.session.set_result(result, values)
        self.status_label.setText(self.tr("Analysis done"))
        self.analysis_ready.emit()
        self.job_done.emit("analysis", "finished")
        if self.current_page() in ("data", "quality", "assumptions"):
            self.go_to("results")

    def open_demo(self) -> None:
        """Load the embedded CDNOW sample with the literature's settings and analyse it."""
        if not self._may_discard_changes():
            return
        from clvdesk.app.demo import demo_project

        project = demo_project()
        self.session.replace_project(project, None, dirty=False)
        self.load_source(project.source, then_analyse=True)

    # ------------------------------------------------------------------ project files
    def new_project(self) -> None:
        if self._may_discard_changes():
            self.session.replace_project(Project())

    def open_project_dialog(self) -> None:
        if not self._may_discard_changes():
            return
        path = open_file_name(
            self, self.tr("Open project"), str(self._last_folder()),
            self.tr("CLV Desk projects (*{0} *.json)").format(SUFFIX),
        )
        if path:
            self.open_project(Path(path))

    def open_project(self, path: Path, *, dirty: bool = False) -> bool:
        """Open a project file and re-read its data; False (with a dialog) if it cannot."""
        try:
            project = load_project(path)
        except Exception as exc:  # noqa: BLE001 - shown as a dialog
            self.reporter.report(exc, self.tr("Opening {0}").format(path.name))
            return False
        self.settings.setValue("last_folder", str(path.parent))
        self.session.replace_project(project, None if dirty else path, dirty=dirty)
        if project.source.kind != "none":
            self.load_source(project.source, then_analyse=project.source.kind != "manual")
        return True

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        path = save_file_name(
            self, self.tr("Save project"), str(self._last_folder() / f"clv{SUFFIX}"),
            self.tr("CLV Desk projects (*{0})").format(SUFFIX),
        )
        if not path:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Save the project atomically; True on success (a dialog explains a failure)."""
        self.pages["data"].commit()
        self.pages["assumptions"].commit()
        self.pages["scenarios"].commit()
        try:
            save_project(self.session.project, path)
        except Exception as exc:  # noqa: BLE001 - shown as a dialog; nothing is lost
            self.reporter.report(exc, self.tr("Saving {0}").format(path.name))
            return False
        self.settings.setValue("last_folder", str(path.parent))
        self.session.set_path(path)
        self.session.set_dirty(False)
        self.remove_recovery()
        self.status_label.setText(self.tr("Saved {0}").format(path.name))
        return True

    def _last_folder(self) -> Path:
        folder = self.settings.value("last_folder", "")
        return Path(folder) if folder and Path(folder).is_dir() else Path.home()

    # ------------------------------------------------------------------ recovery
    def autosave(self) -> None:
        """Write unsaved work to the recovery file (atomic); silent unless it fails twice."""
        if not self.session.dirty:
            return
        for name in ("data", "assumptions", "scenarios"):
            self.pages[name].commit()
        data = self.session.project.to_dict()
        data["recovery"] = {
            "of": str(self.session.path) if self.session.path else None,
            "saved_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        }
        try:
            self.recovery_file.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.recovery_file, json.dumps(data, indent=2, ensure_ascii=False))
        except OSError as exc:
            self.status_label.setText(self.tr("Autosave failed: {0}").format(exc.strerror or exc))

    def remove_recovery(self) -> None:
        try:
            self.recovery_file.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            self.status_label.setText(self.tr("Could not remove the recovery file"))

    def offer_recovery(self, ask=None) -> bool:
        """If a recovery file is left from a crash, ask to restore it; True if restored.

        ``ask(saved_at) -> bool`` replaces the question dialog (for tests).
        """
        if not self.recovery_file.exists():
            return False
        try:
            data = json.loads(self.recovery_file.read_text(encoding="utf-8"))
            saved_at = (data.get("recovery") or {}).get("saved_at", "?")
            of = (data.get("recovery") or {}).get("of")
        except (OSError, ValueError, AttributeError):
            self.remove_recovery()
            return False
        if ask is None:
            answer = QMessageBox.question(
                self, self.tr("Recover unsaved work?"),
                self.tr("CLV Desk was closed without saving your work of {0}. Restore it?").format(
                    saved_at
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            restore = answer == QMessageBox.StandardButton.Yes
        else:
            restore = ask(saved_at)
        if not restore:
            self.remove_recovery()
            return False
        try:
            project = Project.from_dict(data)
        except Exception as exc:  # noqa: BLE001 - shown as a dialog
            self.reporter.report(exc, self.tr("Restoring unsaved work"))
            return False
        self.session.replace_project(project, Path(of) if of else None, dirty=True)
        if project.source.kind != "none":
            self.load_source(project.source, then_analyse=project.source.kind != "manual")
        return True

    # ------------------------------------------------------------------ closing
    def _may_discard_changes(self) -> bool:
        """Ask to save unsaved changes; False if the user cancels."""
        if not self.session.dirty:
            return True
        answer = self.ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        """The unsaved-changes question: Save, Discard or Cancel."""
        return QMessageBox.warning(
            self, self.tr("Unsaved changes"),
            self.tr("This project has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        for name in ("data", "assumptions", "scenarios"):
            self.pages[name].commit()
        if not self._may_discard_changes():
            event.ignore()
            return
        self.runner.cancel()
        self.runner.wait(5000)
        self._autosave.stop()
        self.remove_recovery()
        event.accept()

    def about(self) -> None:
        from clvdesk import __version__

        QMessageBox.about(
            self, self.tr("About CLV Desk"),
            self.tr(
                "CLV Desk {0}\n\nCustomer lifetime value: closed-form and predictive "
                "(BG/NBD, Pareto/NBD, Gamma-Gamma and more).\nDemo data: CDNOW (Fader, Hardie "
                "& Lee 2005)."
            ).format(__version__),
        )
