"""Parse the numbers and dates of order files as Dutch, European and US exports write them.

Everything is vectorised (pandas string methods, run on the distinct values only), so a column
of a million rows parses in well under a second.

**Numbers.** Currency signs and codes (``€ $ £ EUR USD``), spaces and apostrophes are dropped;
``(12,50)`` and ``12,50-`` (accounting and SAP style) and ``−12,50`` (Unicode minus) are
negative. The decimal separator is
detected from the values (:func:`detect_decimal`):

* a value with both ``.`` and ``,`` has its decimal separator last (``1.234,56``, ``1,234.56``);
* a separator followed by other than exactly three digits is decimal (``12,5``, ``12.50``);
* a separator that occurs twice is a thousands separator (``1.234.567``);
* if no value decides (every value looks like ``1,234`` or ``1.234``), the separator is a comma
  when the file is semicolon-separated (the Dutch and European Excel export), else a point.

**Dates** (:func:`parse_dates`). ISO ``2024-01-03`` (time and zone ignored: the order's own
calendar day), ``2024/01/03``, compact ``20240103``, Excel serial day numbers (``45294`` =
2024-01-03, 1900 date system), and ``03-01-2024`` / ``03/01/24`` / ``3.1.2024`` with the order
of day and month detected (:func:`detect_dayfirst`): a first number above 12 means day first,
a second number above 12 means month first. When no value decides (every day is 12 or less) the
file is read **day first**, the Dutch and European convention; pass ``dayfirst=False`` for US
files. Named months in English or Dutch (``3 jan 2024``, ``3 mrt 2024``, ``March 3, 2024``) are
read too.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

_CURRENCY = r"(?i)(?:€|\$|£|¥|eur|euro|usd|gbp|chf|\s|\u00a0|\u202f|')"
_DAY_MONTH = r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})(?:$|[ T])"
_YEAR_FIRST = r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[ T])"
_COMPACT = r"^(\d{4})(\d{2})(\d{2})$"
_SERIAL = r"^\d{1,6}(?:\.\d+)?$"

#: Years an order date may have (else the row is left out: ``0099-05-05`` is no order date).
YEAR_RANGE = (1900, 2200)
#: Excel's day zero in the 1900 date system (serial 1 = 1900-01-01, with Lotus's leap-day bug).
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
#: Serial day numbers accepted as dates: 1950-01-01 .. 2099-12-31.
SERIAL_RANGE = (18264, 73050)

_DUTCH_MONTHS = {
    "januari": "jan", "februari": "feb", "maart": "mar", "mrt": "mar", "mei": "may",
    "juni": "jun", "juli": "jul", "augustus": "aug", "oktober": "oct", "okt": "oct",
}
_DUTCH_MONTH_RE = re.compile(r"\b(" + "|".join(_DUTCH_MONTHS) + r")\b", re.IGNORECASE)


def _text(values: pd.Series) -> pd.Series:
    """The values as stripped strings (missing stays missing)."""
    return values.astype("str").str.strip()


def _cleaned_numbers(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Strip currency and spaces; return (digits and separators only, negative flag)."""
    cleaned = text.str.replace(_CURRENCY, "", regex=True).str.replace("\u2212", "-", regex=False)
    bracketed = cleaned.str.match(r"^\(.*\)$", na=False)
    trailing_minus = cleaned.str.match(r"^[^-]*\d-$", na=False)
    cleaned = cleaned.str.replace(r"^\((.*)\)$", r"\1", regex=True)
    cleaned = cleaned.str.replace(r"^([^-]*\d)-$", r"\1", regex=True)
    return cleaned, bracketed | trailing_minus


def detect_decimal(values: pd.Series, *, semicolon_file: bool = False) -> str:
    """The decimal separator (``"."`` or ``","``) of the text numbers in ``values`` (module doc)."""
    values = values.dropna()
    if values.dtype == object:  # workbook cells: numbers are numbers already
        values = values[values.map(lambda v: isinstance(v, str))]
    text = _text(values)
    text = text[text.str.contains(r"[.,]", regex=True, na=False)]
    if text.empty:
        return "," if semicolon_file else "."
    cleaned, _ = _cleaned_numbers(pd.Series(text.unique(), dtype="str"))
    votes = {".": 0, ",": 0}
    both = cleaned.str.contains(".", regex=False) & cleaned.str.contains(",", regex=False)
    last_comma = cleaned.str.rfind(",") > cleaned.str.rfind(".")
    votes[","] += int((both & last_comma).sum())
    votes["."] += int((both & ~last_comma).sum())
    for sep, other in ((",", "."), (".", ",")):
        only = cleaned.str.contains(sep, regex=False) & ~cleaned.str.contains(other, regex=False)
        counts = cleaned.str.count(re.escape(sep))
        decimal_like = only & (counts == 1) & ~cleaned.str.contains(
            re.escape(sep) + r"\d{3}$", regex=True
        )
        thousands_like = only & (counts > 1)
        votes[sep] += int(decimal_like.sum())
        votes[other] += int(thousands_like.sum())
    if votes[","] == votes["."]:
        return "," if semicolon_file else "."
    return "," if votes[","] > votes["."] else "."


def parse_numbers(values: pd.Series, decimal: str = ".") -> tuple[pd.Series, pd.Series]:
    """Parse ``values`` (text or numbers) as float64 with the given decimal separator.

    Returns ``(numbers, unparseable)``: ``numbers`` is NaN where a value is missing or cannot be
    read; ``unparseable`` is True where a non-empty value could not be read.
    """
    if decimal not in (".", ","):
        raise ValueError("decimal must be '.' or ','")
    if pd.api.types.is_bool_dtype(values):
        values = values.astype("float64")
    if pd.api.types.is_numeric_dtype(values):
        numbers = values.astype("float64")
        finite = np.isfinite(numbers.to_numpy(dtype="float64", na_value=np.nan))
        return numbers.where(finite), pd.Series(~finite & numbers.notna().to_numpy(),
                                                index=values.index)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    unique_values = pd.Series(uniques, dtype="object")
    is_number = unique_values.map(lambda v: isinstance(v, int | float | np.number)
                                  and not isinstance(v, bool))
    text = _text(unique_values)
    cleaned, negative = _cleaned_numbers(text)
    thousands = "." if decimal == "," else ","
    # thousands separators only between groups of three digits: 12,34,56 is no number
    grouped = cleaned.str.contains(thousands, regex=False, na=False)
    well_grouped = cleaned.str.fullmatch(
        r"[-+]?\d{1,3}(?:" + re.escape(thousands) + r"\d{3})+(?:" + re.escape(decimal)
        + r"\d*)?", na=False)
    cleaned = cleaned.where(~grouped | well_grouped, "x")
    cleaned = cleaned.str.replace(thousands, "", regex=False)
    if decimal == ",":
        cleaned = cleaned.str.replace(",", ".", regex=False)
    valid = cleaned.str.fullmatch(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", na=False)
    parsed = pd.to_numeric(cleaned.where(valid), errors="coerce").astype("float64")
    parsed = parsed.where(~negative, -parsed.abs())
    direct = pd.to_numeric(unique_values.where(is_number), errors="coerce").astype("float64")
    parsed = parsed.where(~is_number, direct)
    parsed = parsed.where(np.isfinite(parsed.to_numpy(dtype="float64", na_value=np.nan)))
    empty = (text == "") | text.isna()
    unique_bad = (parsed.isna() & ~empty).to_numpy(dtype=bool)
    unique_parsed = parsed.to_numpy(dtype="float64", na_value=np.nan)
    unique_empty = empty.to_numpy(dtype=bool)
    unique_parsed = np.where(unique_empty, np.nan, unique_parsed)
    valid_code = codes >= 0
    safe = np.where(valid_code, codes, 0)
    numbers = np.where(valid_code, unique_parsed[safe] if len(uniques) else np.nan, np.nan)
    bad = np.where(valid_code, unique_bad[safe] if len(uniques) else False, False)
    return (pd.Series(numbers, index=values.index, dtype="float64"),
            pd.Series(bad, index=values.index, dtype=bool))


def detect_dayfirst(values: pd.Series) -> bool | None:
    """Whether ``dd-mm-yyyy``-style dates in ``values`` put the day first.

    True if some first number exceeds 12, False if some second number does (and no first
    one), None if the values do not decide (no such dates, or every day is 12 or less).
    """
    text = _text(pd.Series(values.dropna().unique(), dtype="object"))
    parts = text.str.extract(_DAY_MONTH)
    if parts.empty or parts[0].isna().all():
        return None
    first = pd.to_numeric(parts[0], errors="coerce")
    second = pd.to_numeric(parts[1], errors="coerce")
    if (first > 12).any():
        return True
    if (second > 12).any():
        return False
    return None


def parse_dates(values: pd.Series, dayfirst: bool | None = None) -> tuple[pd.Series, pd.Series]:
    """Parse ``values`` (text, Excel serial numbers or datetimes) to calendar days.

    Returns ``(dates, unparseable)``: ``dates`` is datetime64 at midnight (NaT where missing or
    unreadable); ``unparseable`` is True where a non-empty value could not be read. ``dayfirst``
    None detects the order of day and month (see module doc; undecided means day first).
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        dates = values
        if getattr(dates.dt, "tz", None) is not None:
            dates = dates.dt.tz_localize(None)
        outside = ~dates.dt.year.between(*YEAR_RANGE) & dates.notna()
        return _to_day(dates.where(~outside)), outside.astype(bool)
    if dayfirst is None:
        dayfirst = detect_dayfirst(values)
        dayfirst = True if dayfirst is None else dayfirst
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    unique_dates, unique_bad = _parse_unique_dates(pd.Series(uniques, dtype="object"), dayfirst)
    valid_code = codes >= 0
    safe = np.where(valid_code, codes, 0)
    if len(uniques):
        dates = np.where(valid_code, unique_dates[safe], np.datetime64("NaT"))
        bad = np.where(valid_code, unique_bad[safe], False)
    else:
        dates = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[us]")
        bad = np.zeros(len(values), dtype=bool)
    return (pd.Series(dates.astype("datetime64[us]"), index=values.index),
            pd.Series(bad, index=values.index, dtype=bool))


def _to_day(dates: pd.Series) -> pd.Series:
    dates = dates.astype("datetime64[us]")
    return dates.dt.normalize()


def _parse_unique_dates(values: pd.Series, dayfirst: bool) -> tuple[np.ndarray, np.ndarray]:
    """Parse distinct values; returns (datetime64[us] array, unparseable mask)."""
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[us]")
    kinds = values.map(_kind)
    # datetimes and dates from workbooks
    stamps = kinds == "datetime"
    if stamps.any():
        result[stamps] = values[stamps].map(_in_range_stamp).astype("datetime64[us]")
    numbers = kinds == "number"
    if numbers.any():
        result[numbers] = _from_serial(pd.to_numeric(values[numbers], errors="coerce"))
    text_mask = kinds == "text"
    text = _text(values[text_mask])
    if not text.empty:
        result[text_mask] = _parse_text_dates(text, dayfirst)
    empty = (kinds == "empty") | (text_mask & (_text(values) == ""))
    bad = result.isna() & ~empty
    days = result.dt.normalize().to_numpy(dtype="datetime64[us]")
    return days, bad.to_numpy(dtype=bool)


def _in_range_stamp(value) -> pd.Timestamp:
    """A date or datetime cell as a Timestamp; NaT outside :data:`YEAR_RANGE`."""
    try:
        year = int(value.year)
    except (AttributeError, TypeError, ValueError):
        return pd.NaT
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return pd.NaT
    try:
        return pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return pd.NaT


_YEAR_TEXT = re.compile(r"^\s*(\d{4})[-/.]|[-/. ](\d{4})(?:\s|$)|^\s*(\d{4})\d{4}\s*$")


def year_out_of_range(values: pd.Series) -> pd.Series:
    """True where a value is a date whose year lies outside :data:`YEAR_RANGE` (for the reason
    a row is left out: "date outside the years 1900-2200" rather than "cannot be read")."""
    def outside(value) -> bool:
        if hasattr(value, "year") and not isinstance(value, str):
            try:
                return not YEAR_RANGE[0] <= int(value.year) <= YEAR_RANGE[1]
            except (TypeError, ValueError):
                return False
        if not isinstance(value, str):
            return False
        match = _YEAR_TEXT.search(value)
        if match is None:
            return False
        year = int(next(g for g in match.groups() if g))
        return not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]

    if pd.api.types.is_datetime64_any_dtype(values):
        return (~values.dt.year.between(*YEAR_RANGE) & values.notna()).astype(bool)
    codes, uniques = pd.factorize(values)
    flags = np.fromiter((outside(v) for v in uniques), dtype=bool, count=len(uniques))
    mask = (codes >= 0) & (flags[np.maximum(codes, 0)] if len(uniques) else False)
    return pd.Series(mask, index=values.index, dtype=bool)


def _kind(value: object) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return "empty"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "other"
    if isinstance(value, int | float | np.number):
        return "number"
    if hasattr(value, "year") and hasattr(value, "month") and hasattr(value, "day"):
        return "datetime"
    return "other"


def _from_serial(serial: pd.Series) -> pd.Series:
    """Excel 1900-system serial day numbers to dates; outside :data:`SERIAL_RANGE` -> NaT."""
    low, high = SERIAL_RANGE
    ok = serial.between(low, high)
    days = np.floor(serial.where(ok).to_numpy(dtype="float64", na_value=np.nan))
    out = EXCEL_EPOCH + pd.to_timedelta(days, unit="D")
    return pd.Series(out, index=serial.index).astype("datetime64[us]")


def _ymd(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    two_digit = year.str.len() == 2  # 24 -> 2024, 99 -> 1999; 0099 is the year 99
    year = pd.to_numeric(year, errors="coerce")
    year = year.where(~two_digit, year + np.where(year < 70, 2000, 1900))
    frame = pd.DataFrame({"year": year, "month": pd.to_numeric(month, errors="coerce"),
                          "day": pd.to_numeric(day, errors="coerce")})
    ok = frame.notna().all(axis=1) & frame["year"].between(*YEAR_RANGE)
    out = pd.Series(pd.NaT, index=year.index, dtype="datetime64[us]")
    if ok.any():
        out[ok] = pd.to_datetime(frame[ok].astype("int64"), errors="coerce")
    return out


def _parse_text_dates(text: pd.Series, dayfirst: bool) -> pd.Series:
    out = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    todo = pd.Series(True, index=text.index)

    iso = text.str.extract(_YEAR_FIRST)
    hit = iso[0].notna()
    if hit.any():
        out[hit] = _ymd(iso.loc[hit, 0], iso.loc[hit, 1], iso.loc[hit, 2])
        todo &= ~hit

    dmy = text.str.extract(_DAY_MONTH)
    hit = dmy[0].notna() & todo
    if hit.any():
        day, month = (0, 1) if dayfirst else (1, 0)
        out[hit] = _ymd(dmy.loc[hit, 2], dmy.loc[hit, month], dmy.loc[hit, day])
        todo &= ~hit

    compact = text.str.extract(_COMPACT)
    hit = compact[0].notna() & todo
    if hit.any():
        out[hit] = _ymd(compact.loc[hit, 0], compact.loc[hit, 1], compact.loc[hit, 2])
        todo &= ~hit

    serial = text.str.fullmatch(_SERIAL, na=False) & todo
    if serial.any():
        out[serial] = _from_serial(pd.to_numeric(text[serial], errors="coerce"))
        todo &= ~serial

    named = todo & text.str.contains(r"[A-Za-z]{3}", regex=True, na=False)
    if named.any():
        english = text[named].str.replace(
            _DUTCH_MONTH_RE, lambda m: _DUTCH_MONTHS[m.group(1).lower()], regex=True
        )
        out[named] = english.map(lambda s: _named_month_date(s, dayfirst))
    return out


def _named_month_date(text: str, dayfirst: bool) -> pd.Timestamp:
    """``3 jan 2024`` / ``March 3, 2024`` (a few hundred distinct values at most per file)."""
    if not re.search(r"\d{4}", text) or len(text) > 40:
        return pd.NaT
    try:
        stamp = pd.to_datetime(text, dayfirst=dayfirst, errors="coerce")
    except (ValueError, OverflowError, TypeError):
        return pd.NaT
    if stamp is pd.NaT:
        return pd.NaT
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return stamp.normalize()
