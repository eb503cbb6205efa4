"""Numbers, money, percentages and dates shown in the app, formatted per language with QLocale.

Dutch: ``€ 1.234,56``, ``12,5 %``, dates ``31-12-2024`` (dd-mm-jjjj); English: ``€1,234.56``,
``12.5%``, dates ISO ``2024-12-31``. Negative money is shown with a leading minus sign
(``-€ 12,00``), not in accounting brackets. Missing values show as an empty string.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale

#: The QLocale used for each interface language.
LOCALE_NAMES: dict[str, str] = {"en": "en_GB", "nl": "nl_NL"}
#: Date formats per language: strftime and Qt's (QDateEdit.setDisplayFormat).
DATE_FORMATS: dict[str, tuple[str, str]] = {"en": ("%Y-%m-%d", "yyyy-MM-dd"),
                                            "nl": ("%d-%m-%Y", "dd-MM-yyyy")}


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

    @property
    def qt_date_format(self) -> str:
        """The date format of date fields (``dd-MM-yyyy`` in Dutch)."""
        return DATE_FORMATS.get(self.language, DATE_FORMATS["en"])[1]

    def day(self, iso: str) -> str:
        """An ISO day text (``2024-12-31``, as numpy writes one) in the language's format."""
        if self.language == "nl" and len(iso) == 10:
            return f"{iso[8:10]}-{iso[5:7]}-{iso[0:4]}"
        return iso

    def date(self, value) -> str:
        """A date: ``31-12-2024`` in Dutch, ISO ``2024-12-31`` in English."""
        if value is None:
            return ""
        try:
            import pandas as pd

            stamp = pd.Timestamp(value)
        except (TypeError, ValueError):
            return str(value)
        if pd.isna(stamp):
            return ""
        return stamp.strftime(DATE_FORMATS.get(self.language, DATE_FORMATS["en"])[0])

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
