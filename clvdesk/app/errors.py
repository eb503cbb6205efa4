"""Every error becomes a dialog that says what happened and what to do; none ends the app.

:class:`ErrorReporter` turns an exception into a message box: the core's one-line message for
the errors a user can cause (:class:`~clvdesk.core.errors.CLVError`, missing or unreadable
files), with advice by kind; for anything else (a bug) a short apology, the advice to save, and
the technical details behind "Show Details...". :func:`install_excepthook` routes uncaught
exceptions (in slots, timers, other threads) to the reporter instead of letting them end the
process, so unsaved work stays in the window and in the recovery file.
"""

from __future__ import annotations

import re
import sys
import threading
import traceback
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from clvdesk.app.formatting import Formatter
from clvdesk.core.display import safe_message
from clvdesk.core.errors import Cancelled, CLVError, ConvergenceError, DataError, InputError
from clvdesk.core.messages import (
    MESSAGES,
    ROLE_NAMES,
    SETTING_KEYS,
    SETTING_NAMES,
    dropped_rows,
    render,
)

translate = QCoreApplication.translate
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def core_message(exc: BaseException) -> str:
    """The one-line message of a core error in the interface language.

    An error with a code in :data:`clvdesk.core.messages.MESSAGES` is worded from the
    translation of its template (context ``messages``) and its values, a setting's name
    (``margin``) shown as the field's label (context ``settings``); any other error keeps its
    own message.
    """
    code = getattr(exc, "code", "")
    if code not in MESSAGES:
        return " ".join(str(exc).split()) or type(exc).__name__
    values = {key: _shown(key, value) for key, value in getattr(exc, "values", {}).items()}
    roles = values.get("roles")
    if isinstance(roles, list | tuple):  # the column roles a file lacks, in the user's words
        values["missing"] = " / ".join(translate("roles", ROLE_NAMES.get(role, str(role)))
                                       for role in roles)
    problems = values.get("problems")
    if isinstance(problems, list):  # the rows an import left out, in the user's words
        values["reasons"] = dropped_rows(problems, translate)
    text = render(code, values, translate("messages", MESSAGES[code]))
    return " ".join(text.split())


def _shown(key: str, value: object) -> object:
    dutch = QLocale().name().startswith("nl")
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):  # a day, as the interface writes it
        return Formatter("nl" if dutch else "en").day(value)
    if dutch and isinstance(value, float):
        return _DecimalComma(value)
    if key in SETTING_KEYS and isinstance(value, str) and value in SETTING_NAMES:
        return translate("settings", SETTING_NAMES[value])
    if key in ("unit", "period") and isinstance(value, str):  # a time unit (``years``)
        from clvdesk.app.pages.assumptions import unit_name

        return unit_name(value)
    if isinstance(value, BaseException):  # an error inside another (a scenario's input)
        return core_message(value)
    return value


class _DecimalComma(float):
    """A number quoted in a Dutch message: formatted as the template asks, with a decimal comma
    (``straf 0,01``, ``regel 9: recentheid 48,5``)."""

    def __format__(self, spec: str) -> str:
        return format(float(self), spec).replace(".", ",")

    def __str__(self) -> str:
        return format(self, "")


@dataclass(frozen=True)
class ErrorMessage:
    """What the dialog shows."""

    title: str
    what: str
    advice: str
    details: str = ""
    is_bug: bool = False


def describe(exc: BaseException, action: str = "") -> ErrorMessage:
    """The dialog text for ``exc``, raised while doing ``action`` (e.g. "Importing orders.csv")."""
    prefix = f"{action}: " if action else ""
    one_line = " ".join(safe_message(core_message(exc)).split()) or type(exc).__name__
    if isinstance(exc, InputError):
        advice = translate("ErrorReporter", "Check the file, the column mapping or the value you entered, then try again.")
    elif isinstance(exc, ConvergenceError):
        advice = translate("ErrorReporter",
            "Try another model, another time unit or more data; the Quality page shows "
            "whether enough customers bought more than once."
        )
    elif isinstance(exc, DataError):
        advice = translate("ErrorReporter",
            "The data cannot support this calculation. Look at the Quality page for what is "
            "missing, or use a longer period of orders."
        )
    elif isinstance(exc, CLVError):
        advice = translate("ErrorReporter", "Check your input and try again.")
    elif isinstance(exc, FileNotFoundError):
        one_line = translate("ErrorReporter", "file not found: {0}").format(safe_message(str(exc.filename or one_line)))
        advice = translate("ErrorReporter", "Check that the file still exists, or choose another file.")
    elif isinstance(exc, PermissionError):
        one_line = translate("ErrorReporter", "no permission to use {0}").format(safe_message(str(exc.filename or one_line)))
        advice = translate("ErrorReporter", "Choose a folder you may write to, or close the file in other programs.")
    elif isinstance(exc, OSError):
        one_line = f"{exc.strerror or one_line}" + (f": {safe_message(str(exc.filename))}" if exc.filename else "")
        advice = translate("ErrorReporter", "Check the disk, the folder and the file, then try again.")
    elif isinstance(exc, MemoryError):
        one_line = translate("ErrorReporter", "not enough memory")
        advice = translate("ErrorReporter", "Close other programs or use a smaller file; your work is kept.")
    else:
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        return ErrorMessage(
            title=translate("ErrorReporter", "Unexpected problem"),
            what=prefix + translate("ErrorReporter", "CLV Desk ran into a problem it did not expect ({0}: {1}).").format(
                type(exc).__name__, one_line
            ),
            advice=translate("ErrorReporter",
                "Your work is kept. Save the project, then please report this with the "
                "details below."
            ),
            details=details,
            is_bug=True,
        )
    return ErrorMessage(title=translate("ErrorReporter", "Cannot continue"), what=prefix + one_line, advice=advice)


class ErrorReporter(QObject):
    """Shows error dialogs (window-modal, non-blocking) and remembers the last message.

    ``reported(ErrorMessage)`` lets tests and the status bar see what was shown.
    """

    reported = Signal(object)

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self._parent = parent_widget
        self.last: ErrorMessage | None = None
        self.show_dialogs = True

    def report(self, exc: BaseException, action: str = "") -> ErrorMessage | None:
        """Show ``exc``; a cancelled computation is not an error and shows nothing."""
        if isinstance(exc, Cancelled):
            return None
        message = describe(exc, action)
        self.last = message
        self.reported.emit(message)
        if self.show_dialogs:
            self._show(message)
        return message

    def _show(self, message: ErrorMessage) -> None:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Critical if message.is_bug else QMessageBox.Icon.Warning)
        box.setWindowTitle(message.title)
        box.setText(message.what)
        box.setInformativeText(message.advice)
        if message.details:
            box.setDetailedText(message.details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()


def install_excepthook(reporter: ErrorReporter) -> None:
    """Send uncaught exceptions to ``reporter`` (from any thread) instead of ending the app."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        if exc is not None and exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        # always show the dialog from the GUI thread
        QTimer.singleShot(0, reporter, lambda: reporter.report(exc))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
