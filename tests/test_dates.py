"""``clvdesk.core.dates.parse_date``: the one reader of a user-given date (end, holdout end)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from clvdesk.core.dates import parse_date
from clvdesk.core.errors import InputError
from clvdesk.core.pipeline import Assumptions
from clvdesk.core.summary import summarize


@pytest.mark.parametrize("value", [
    "1997-09-30", " 1997-09-30 ", dt.date(1997, 9, 30), dt.datetime(1997, 9, 30, 23, 59),
    pd.Timestamp("1997-09-30 12:00", tz="Europe/Amsterdam"), "1997-09-30T08:00:00",
])
def test_dates_times_and_text_give_the_day(value):
    assert parse_date("end", value) == dt.date(1997, 9, 30)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_nothing_given_is_none(value):
    assert parse_date("end", value) is None


@pytest.mark.parametrize("value", ["someday", "1997-13-45", 1.5e300, pd.NaT, [1997]])
def test_anything_else_is_one_input_error_naming_the_field(value):
    with pytest.raises(InputError, match=r"^end of the holdout period must be a date like 1997-09-30, got "):
        parse_date("holdout_end", value)


def test_summary_and_assumptions_read_dates_alike():
    orders = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [10.0, 20.0, 5.0],
                           "date": pd.to_datetime(["1997-01-01", "1997-02-01", "1997-03-01"])})
    summary = summarize(orders, period="days", end="1997-03-31T18:00")
    assert summary.attrs["end"] == pd.Timestamp("1997-03-31")
    assert Assumptions(end="1997-03-31T18:00").validated().end == dt.date(1997, 3, 31)
    for check in (lambda: summarize(orders, end="31 februari"),
                  lambda: Assumptions(end="31 februari").validated()):
        with pytest.raises(InputError, match="^end of the calibration period must be a date like "
                                             "1997-09-30, got "
                                             "'31 februari'$"):
            check()
