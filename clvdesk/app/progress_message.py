"""Progress messages of the core and the jobs in the interface language.

The core reports English messages (:mod:`clvdesk.core.progress_texts`); :func:`progress_message`
words one from the translation of its template (context ``progress``) with the same values.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clvdesk.core import progress_texts


def progress_message(message: str) -> str:
    """``message`` in the interface language ("fitting bg-nbd" -> "bg-nbd schatten")."""
    found = progress_texts.match(message)
    if found is None:
        return message
    template, values = found
    return QCoreApplication.translate("progress", template).format(**values)
