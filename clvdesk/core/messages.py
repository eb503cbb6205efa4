"""The words of every error a user can cause, once, by code: English here, Dutch in the app.

A core error carries a ``code`` and the ``values`` its message quotes (see
:class:`clvdesk.core.errors.CLVError`). :data:`MESSAGES` holds the English template of each
code, with ``{name}`` fields for those values. The command line and the Excel functions show the
English line; the desktop app looks the same template up in its Dutch translation (context
``messages`` of ``clvdesk_nl.ts``, extracted from this table by ``clvdesk.app.i18n.build``) and
fills in the same values, so both faces say the same thing in the user's language.

Values are in the user's terms: the file's own column header, the file's line number as a text
editor or spreadsheet shows it, the customer id as written in the file. A setting is named by
``setting`` (``"margin"``, ``"holdout_end"``); each face shows it under its own label (the CLI's
flag, the app's field), see :data:`SETTING_NAMES` for the English words.

Only the standard library is imported here.
"""

from __future__ import annotations

from collections.abc import Mapping

#: English template of each error code. Fields in braces are the error's values.
MESSAGES: dict[str, str] = {
    # numbers and settings
    "not_a_number": "{name} must be a number",
    "not_finite": "{name} must be finite",
    "at_least": "{name} must be {low:g} or more, got {got:g}",
    "greater_than": "{name} must be greater than {low:g}, got {got:g}",
    "at_most": "{name} must be {high:g} or less, got {got:g}",
    "below": "{name} must be below {high:g}, got {got:g}",
    "between": "{name} must be at least {low:g} and at most {high:g}, got {got:g}",
    "between_open_low": "{name} must be greater than {low:g} and at most {high:g}, got {got:g}",
    "between_open_high": "{name} must be at least {low:g} and below {high:g}, got {got:g}",
    "between_open_low_open_high": "{name} must be greater than {low:g} and below {high:g}, got "
                                  "{got:g}",
    "not_a_date": "{name} must be a date like 1997-09-30, got {value}",
    "holdout_before_end": "the end of the holdout period ({holdout_end}) must be after the end "
                          "of the calibration period ({end})",
    "holdout_needs_end": "a holdout period needs an end date for the calibration period",
    "unknown_time_unit": "unknown time unit {value}; use days, weeks, months or years",
    # columns and files
    "column_not_found": "column '{column}' not found; columns are: {columns}",
    "column_ambiguous": "column '{column}' matches several columns: {columns}",
    "segment_column_not_found": "segment column '{column}' not found; columns are: {columns}",
    "no_required_columns": "no {missing} column found; columns are: {columns} (choose them with "
                           "the column options)",
    "file_not_found": "file not found: {file}",
    "file_empty": "{file} is empty",
    "no_order_rows": "{file} has a header but no order rows",
    "sheet_not_found": "sheet '{sheet}' not found in {file}; sheets are: {sheets}",
    # data that cannot support the job
    "no_orders": "the order table has no orders with a customer, date and amount",
    "no_orders_before_end": "no orders on or before the end date {end}; the data run from "
                            "{first} to {last}",
    "no_repeat_buyers": "no customer bought more than once in the calibration period, so no "
                        "model can learn how often customers come back",
    "too_few_customers": "{customers} customer(s) in the calibration period: too few to fit a "
                         "model",
    "unknown_segments": "{what} given for unknown segment(s): {segments}",
    "cac_needs_segments": "acquisition costs per segment need a segment column",
    "no_display": "no display to open the desktop app on (DISPLAY is not set); use the command "
                  "line instead, e.g. clvdesk demo, clvdesk quality ORDERS, clvdesk predict bgnbd "
                  "ORDERS -o clv.csv (clvdesk --help lists every command)",
}

#: The English words for settings that messages name (``{name}`` or ``{setting}``).
SETTING_NAMES: dict[str, str] = {
    "margin": "gross margin",
    "annual_discount_rate": "discount rate",
    "discount_rate": "discount rate",
    "horizon": "horizon",
    "end": "end of the calibration period",
    "holdout_end": "end of the holdout period",
    "interval": "interval width",
    "n_draws": "number of parameter draws",
    "cac": "acquisition cost",
    "monetary_value": "average repeat order value",
    "aov": "average order value",
    "frequency": "purchases per year",
    "lifespan": "lifespan",
    "churn_rate": "churn rate",
    "retention": "retention",
    "growth_rate": "spend growth",
    "referral_value": "referral value",
    "penalty": "penalty",
}


def render(code: str, values: Mapping[str, object], template: str | None = None) -> str:
    """The message of ``code`` with ``values`` filled in.

    ``template`` replaces the English one (the app passes its translation); a template that
    does not fit the values (a translator's typo) falls back to English, and a field without a
    value stays as ``{field}``, so rendering never fails.
    """
    english = MESSAGES.get(code, "")
    for text in (template, english):
        if text:
            try:
                return text.format_map(_Values(values))
            except (ValueError, IndexError, TypeError):
                continue
    return english


class _Values(dict):
    """Format values where a missing field shows as ``{field}`` instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
