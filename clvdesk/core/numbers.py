"""Numbers a person types: English or Dutch style, with currency, thousands and percent signs.

One reader for every face: the command line's flags (``--margin 30%``, ``--cac 12,50``), text
typed into Excel cells that an add-in function receives, and any other place where a person,
not a file, writes a number. Order files have their own column-wise parser
(:mod:`clvdesk.core.io.parse`), which knows the file's decimal mark.

Rules of :func:`parse_number_text`:

- a lone separator is the decimal mark: ``"0,3"`` = ``"0.3"`` = 0.3, ``"12,5"`` = 12.5;
- with both ``,`` and ``.``, the last one is the decimal mark (``"1.234,56"``, ``"1,234.56"``);
- a separator that appears more than once groups thousands, and then every group after the
  first has exactly three digits (``"1.234.567"``); ``"12,34,56"`` is no number, not a guess;
- currency signs and codes (€, $, £, ¥, EUR, USD, GBP), spaces, no-break spaces and ``'``
  are ignored; ``(50)`` is -50 (accounting); a trailing ``%`` divides by 100.

This module imports only the standard library, so closed-form commands stay fast.
"""

from __future__ import annotations

import math
import re

from clvdesk.core.display import shown
from clvdesk.core.errors import InputError

_CURRENCY_AND_SPACES = re.compile(r"[\s\u00a0\u202f'€$£¥]|EUR|USD|GBP", re.IGNORECASE)
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")

#: Characters of the user's text quoted in an error message, at most.
QUOTE_LIMIT = 40


def parse_number_text(text: str) -> float | None:
    """Read a number typed as text, English or Dutch style; ``None`` if it is not one.

    ``"12,5"`` and ``"1.234,56"`` (Dutch), ``"1,234.56"`` (English), ``"€ 50"``, ``"10%"``
    (= 0.10) and ``"1e3"`` all work; see the module docstring for the rules.
    """
    s = _CURRENCY_AND_SPACES.sub("", str(text).strip())
    percent = s.endswith("%")
    if percent:
        s = s[:-1]
    if s.startswith("(") and s.endswith(")"):  # accounting negative: (50) = -50
        s = "-" + s[1:-1]
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        thousands, decimal = (".", ",") if s.rfind(",") > s.rfind(".") else (",", ".")
        whole, _, fraction = s.rpartition(decimal)
        if s.count(decimal) > 1 or not _is_grouped(whole, thousands):
            return None
        s = whole.replace(thousands, "") + "." + fraction
    elif commas > 1 or dots > 1:
        sep = "," if commas else "."
        if not _is_grouped(s, sep):
            return None
        s = s.replace(sep, "")
    elif commas:
        s = s.replace(",", ".")
    if not _PLAIN_NUMBER.match(s):
        return None
    value = float(s)
    if not math.isfinite(value):
        return None
    return value / 100.0 if percent else value


def _is_grouped(text: str, sep: str) -> bool:
    """``text`` is digits in groups of three after the first (``1.234.567``), or has no ``sep``."""
    pattern = rf"[+-]?\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+"
    return sep not in text or re.fullmatch(pattern, text) is not None


def parse_user_number(name: str, text: object, *, percent: bool = False) -> float:
    """The number a person typed for ``name`` (a flag such as ``--margin``), or an InputError.

    ``percent``: the value is a rate or share, and ``30%`` means 0.30. Without it a ``%`` is
    refused (``--aov 30%`` is a mistake, not 0.30).
    """
    raw = str(text).strip()
    value = parse_number_text(raw)
    if value is None or (raw.endswith("%") and not percent):
        shown = quote(raw)
        raise InputError(code="not_a_share" if percent else "not_a_number_got", name=name,
                         value=shown)
    return value


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` quoted for a message: control characters escaped, at most ``limit`` characters."""
    return repr(shown(text, limit))
