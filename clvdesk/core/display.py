"""Text from users' files made safe to show: control characters escaped, long values cut.

One definition for every face: the CLI's ``error:`` line and reports on a terminal, the app's
dialogs, UDF error strings. A customer id holding ESC (``\\x1b[2J``) would otherwise clear the
user's terminal, and a 1 MB id would fill a dialog.
"""

from __future__ import annotations

import re

#: Characters of input quoted in a message at most (the rest becomes ``...``).
QUOTE_LIMIT = 100
#: C0 and C1 control characters and DEL, except tab (shown as ``\\t`` too) -- all of them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control (or bidirectional-override) character."""
    return _CONTROL.search(text) is not None


def escape_control(text: str) -> str:
    """``text`` with control characters written as ``\\xHH`` / ``\\uHHHH`` (``\\n`` -> ``\\x0a``)."""
    if not has_control(text):
        return text
    return _CONTROL.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters with ``...`` (and how long it was) when longer."""
    if len(text) <= limit:
        return text
    suffix = f"... ({len(text):,} characters)"
    return text[:max(limit - len(suffix), 0)] + suffix


def shown(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A value from the input as it may be quoted in a message: escaped, then clipped."""
    return clip(escape_control(str(value)), limit)


#: A quoted stretch of a message (``'...'`` or ``"..."``): input values are quoted so.
_LONG = QUOTE_LIMIT + 1
_QUOTED = re.compile(rf"'[^']{{{_LONG},}}'|\"[^\"]{{{_LONG},}}\"")
#: Longest message shown, whatever it quotes.
MESSAGE_LIMIT = 600


def safe_message(message: str) -> str:
    """A message for a terminal, a dialog or a cell: escaped, long quotes and the whole cut."""
    text = escape_control(" ".join(message.split(None)) if has_control(message) else message)
    text = _QUOTED.sub(lambda m: m.group()[0] + clip(m.group()[1:-1]) + m.group()[0], text)
    return clip(text, MESSAGE_LIMIT)
