"""Errors a user can cause, each carrying one readable line.

Frontends catch :class:`CLVError` and show its message as is: the CLI prints ``error: <message>``,
a UDF returns ``#VALUE! <message>`` (or ``#NUM!``/``#N/A`` by the subclass), the app shows a
dialog. Anything else that escapes the core is a bug, and the frontends still never show a
traceback for it.
"""


class CLVError(ValueError):
    """Base class: a problem with what the user gave us, with a message fit to show them.

    ``message`` is the English line (CLI, UDFs, logs). ``code`` names the problem
    (``"column_not_found"``) and ``values`` carry what the message quotes, in the user's terms
    (the file's column name, its line number, the customer id), so a frontend can word the same
    error in the interface language. Errors raised without a code are shown by their message.
    Without a message, the English text of ``code`` in :data:`clvdesk.core.messages.MESSAGES`
    is used: ``InputError(code="column_not_found", column="Bedrag", columns="...")``; a code
    with a template always uses it, a setting's name (``holdout_end``) shown in its English
    words (:data:`clvdesk.core.messages.SETTING_NAMES`), so the CLI, the Excel functions and the
    logs name settings as the app does.
    Both survive pickling (the app's worker processes send errors back to the window). The
    message has its control characters escaped and long quoted input cut
    (:func:`clvdesk.core.display.safe_message`).
    """

    excel_code = "#VALUE!"

    def __init__(self, message: str = "", *, code: str = "", **values: object) -> None:
        from clvdesk.core.display import safe_message, shown

        values = {key: shown(value) if isinstance(value, str) else value
                  for key, value in values.items()}
        if code:
            from clvdesk.core.messages import MESSAGES, english, render

            if code in MESSAGES:
                message = render(code, english(values))
        # input quoted in a message is escaped and cut to ~100 characters (a 1 MB id, ESC)
        super().__init__(safe_message(message))
        self.code = code
        self.values = values


class InputError(CLVError):
    """An input value, column, file or option is missing, malformed or out of range."""

    excel_code = "#VALUE!"


class DataError(CLVError):
    """The data are well formed but cannot support the computation (e.g. no repeat buyers)."""

    excel_code = "#NUM!"


class ConvergenceError(CLVError):
    """A model fit did not converge to a usable optimum."""

    excel_code = "#NUM!"


class Cancelled(Exception):
    """Raised inside long computations when the caller's ``cancel()`` callback returns True.

    Not a :class:`CLVError`: the user asked for it, so frontends show no error for it.
    """
