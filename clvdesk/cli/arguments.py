"""Flag values as people type them, for every subcommand: rates, amounts and counts.

``--margin 30%``, ``--margin 0,3`` and ``--margin 0.3`` are the same flag value everywhere;
amounts take a decimal comma and thousands separators (``--cac 1.250,50``). The reading itself
is :func:`clvdesk.core.numbers.parse_number_text`, the one the Excel functions use too. Used as
``type=`` of ``add_argument``, so a bad value is one usage line naming the flag, before any work
starts.
"""

from __future__ import annotations

import argparse

from clvdesk.core.numbers import parse_number_text, quote


def rate(text: str) -> float:
    """A rate or share: ``0.3``, ``0,3`` or ``30%`` (all 0.30)."""
    value = parse_number_text(text)
    if value is None:
        raise argparse.ArgumentTypeError(
            f"must be a number such as 0.3, 0,3 or 30%, not {quote(text)}")
    return value


def amount(text: str) -> float:
    """A number or amount: ``12.5``, ``12,5``, ``1.250,50``, ``€ 15``."""
    value = parse_number_text(text)
    if value is None or text.strip().endswith("%"):
        raise argparse.ArgumentTypeError(f"must be a number such as 12.5 or 12,5, not "
                                         f"{quote(text)}")
    return value


def count(text: str) -> int:
    """A whole number of at least 0 (``200``, ``1.000``)."""
    value = parse_number_text(text)
    if value is None or value != int(value) or value < 0 or text.strip().endswith("%"):
        raise argparse.ArgumentTypeError(f"must be a whole number, not {quote(text)}")
    return int(value)
