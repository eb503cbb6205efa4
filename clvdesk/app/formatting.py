"""Numbers, money, percentages and dates shown in the app, formatted per language with QLocale.

Dutch: ``€ 1.234,56``, ``12,5 %``; English: ``€1,234.56``, ``12.5%``. Negative money is shown
with a leading minus sign (``-€ 12,00``), not in accounting brackets. Missing values show as
an empty string.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale

#: The QLocale used for each interface language.
LOCALE_NAMES: dict[str, str] = {"en": "en_GB", "nl": "nl_NL"}


class Formatter:
    """Format values for display in one language and currency."""

    def __init__(self, language: str = "en", currency: str = "€") -> None:
        self.language = language
        self.currency = currency
        self.locale = QLocale(LOCALE_NAMES.get(language, "en_GB"))

    @staticmethod
    def _missing(value) -> bool:
        try:
            return value is None or math.isnan(float(value))
        except (TypeError, ValueError):
            return True

    def number(self, value, decimals: int = 2) -> str:
        """A plain number with the locale's grouping and decimal separators."""
        if self._missing(value):
            return ""
        return self.locale.toString(float(value), "f", decimals)

    def integer(self, value) -> str:
        """A whole number with grouping (``23.570`` in Dutch)."""
        if self._missing(value):
            return ""
        return self.locale.toString(int(round(float(value))))

    def money(self, value, decimals: int = 2) -> str:
        """An amount of money in :attr:`currency`: ``€ 1.234,56`` (nl), ``€1,234.56`` (en)."""
        if self._missing(value):
            return ""
        value = float(value)
        text = self.locale.toCurrencyString(abs(value), self.currency, decimals)
        return f"-{text}" if value < 0 and round(abs(value), decimals) > 0 else text

    def percent(self, fraction, decimals: int = 1) -> str:
        """A fraction (0.125) as a percentage: ``12,5 %`` (nl), ``12.5%`` (en)."""
        if self._missing(fraction):
            return ""
        number = self.locale.toString(float(fraction) * 100.0, "f", decimals)
        return f"{number}\u00a0%" if self.language == "nl" else f"{number}%"

    def date(self, value) -> str:
        """A date as ISO ``YYYY-MM-DD`` (unambiguous in both languages)."""
        if value is None:
            return ""
        try:
            import pandas as pd

            stamp = pd.Timestamp(value)
        except (TypeError, ValueError):
            return str(value)
        if pd.isna(stamp):
            return ""
        return stamp.strftime("%Y-%m-%d")

    def parse_number(self, text: str) -> float | None:
        """Parse a number typed in either convention (``1.234,56`` or ``1,234.56``)."""
        text = text.strip().replace("\u00a0", "").replace(" ", "").lstrip(self.currency)
        if not text:
            return None
        value, ok = self.locale.toDouble(text)
        if ok:
            return value
        value, ok = QLocale.c().toDouble(text.replace(",", "")) if "." in text else (0.0, False)
        if ok:
            return value
        if text.count(",") == 1 and "." not in text:
            try:
                return float(text.replace(",", "."))
            except ValueError:
                return None
        return None
