"""One date given by the user (an end date, a holdout end), read the same way everywhere."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from clvdesk.core.errors import InputError

#: Years a user-given date may have (the order dates' range, ``parse.YEAR_RANGE``).
YEARS = (1900, 2200)


def parse_date(name: str, value) -> dt.date | None:
    """``value`` (ISO text such as ``"1997-09-30"``, a date, datetime or Timestamp) as a day.

    None or blank text give None (no date given). A time of day is dropped; a time zone is
    ignored, the day is the one on the value's own clock. Raises :class:`InputError` naming
    ``name`` for anything that is not a date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and "\0" in value:
        raise InputError(code="not_a_date", name=name, value=repr(value))
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError, NotImplementedError, AttributeError):
        raise InputError(code="not_a_date", name=name, value=repr(value)) from None
    if pd.isna(stamp):
        raise InputError(code="not_a_date", name=name, value=repr(value))
    if not YEARS[0] <= stamp.year <= YEARS[1]:
        raise InputError(code="date_out_of_range", name=name, value=str(value), low=YEARS[0],
                         high=YEARS[1])
    return stamp.date()


__all__ = ["parse_date"]
