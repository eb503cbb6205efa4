"""Time units used across the core, and conversions between them.

Every quantity of time in CLV Desk carries an explicit unit: ``"days"``, ``"weeks"``,
``"months"`` or ``"years"``. A month is an average calendar month, 365.25 / 12 = 30.4375 days;
a year is 365.25 days. Rates given "per year" are converted to a per-period rate by compounding:
``(1 + annual) ** (days_per_period / 365.25) - 1``.
"""

from __future__ import annotations

from typing import Literal

from clvdesk.core.errors import InputError

TimeUnit = Literal["days", "weeks", "months", "years"]

DAYS_PER_UNIT: dict[str, float] = {
    "days": 1.0,
    "weeks": 7.0,
    "months": 365.25 / 12.0,
    "years": 365.25,
}

_ALIASES = {
    "d": "days", "day": "days", "dag": "days", "dagen": "days",
    "w": "weeks", "week": "weeks", "weken": "weeks",
    "m": "months", "month": "months", "maand": "months", "maanden": "months",
    "y": "years", "year": "years", "jaar": "years", "jaren": "years",
}


def parse_unit(unit: str) -> str:
    """Return the canonical unit name for ``unit`` (English or Dutch, singular or plural)."""
    if not isinstance(unit, str):
        raise InputError(code="time_unit_not_text", value=repr(unit))
    key = unit.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in DAYS_PER_UNIT:
        raise InputError(code="unknown_time_unit", value=repr(unit))
    return key


def convert(value, from_unit: str, to_unit: str):
    """Convert a duration ``value`` from ``from_unit`` to ``to_unit`` (scalars or arrays)."""
    return value * (DAYS_PER_UNIT[parse_unit(from_unit)] / DAYS_PER_UNIT[parse_unit(to_unit)])


def rate_per_period(annual_rate, unit: str):
    """Compound an annual rate (0.10 = 10 % a year) to the equivalent rate per ``unit``."""
    years = DAYS_PER_UNIT[parse_unit(unit)] / DAYS_PER_UNIT["years"]
    return (1.0 + annual_rate) ** years - 1.0
