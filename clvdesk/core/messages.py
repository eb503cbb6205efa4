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
    "whole_number": "{name} must be a whole number, 0 or more",
    "draws_at_least_20": "{name} must be at least 20 for a meaningful interval (or 0 for none)",
    "period_not_years": "{name} must be days, weeks or months",
    "unknown_model": "{name} must be one of {models}; got {value}",
    "unknown_spend_model": "{name} must be one of {models} or none",
    "unknown_compare_models": "cannot compare unknown models: {models}",
    "date_out_of_range": "{name} must be a date in the years {low}-{high}, got {value}",
    "not_a_date": "{name} must be a date like 1997-09-30, got {value}",
    "holdout_before_end": "the end of the holdout period ({holdout_end}) must be after the end "
                          "of the calibration period ({end})",
    "holdout_needs_end": "a holdout period needs an end date for the calibration period",
    "unknown_time_unit": "unknown time unit {value}; use days, weeks, months or years",
    "time_unit_not_text": "time unit must be text, got {value}",
    # columns and files
    "column_not_found": "column '{column}' not found; columns are: {columns}",
    "column_ambiguous": "column '{column}' matches several columns: {columns}",
    "segment_column_not_found": "segment column '{column}' not found; columns are: {columns}",
    "no_required_columns": "no {missing} column found; columns are: {columns} (choose them with "
                           "the column options)",
    "file_not_found": "file not found: {file}",
    "file_empty": "{file} is empty",
    "no_order_rows": "{file} has a header but no order rows",
    "input_is_folder": "{file} is a folder, not an order file",
    "no_read_permission": "no permission to read {file}",
    "file_too_large": "{file} is too large to read into memory",
    "sheet_needs_workbook": "a sheet applies to Excel workbooks only; {file} is not one",
    "binary_file": "{file} is not a text table: it contains binary data",
    "sheet_not_found": "sheet '{sheet}' not found in {file}; sheets are: {sheets}",
    "not_xlsx": "the functions workbook must be an .xlsx file, got '{path}'",
    "folder_not_found": "output folder does not exist: {path}",
    "permission_denied": "cannot write '{path}': permission denied (is it open in Excel?)",
    "missing_extra": "{purpose} needs the '{extra}' extra: pip install \"clvdesk[{extra}]\"",
    "segment_column_ambiguous": "segment column '{column}' matches several columns: {columns}",
    "unknown_column_role": "unknown column role {role}; roles are: {roles}",
    "not_utf8_text": "{file} is not a UTF-8 text file",
    "invalid_toml": "{file} is not valid TOML: {problem}",
    "invalid_json": "{file} is not valid JSON: {problem} at line {line}",
    # scenarios
    "no_scenarios": "no scenarios to compare",
    "unknown_baseline": "baseline '{baseline}' is not a scenario; scenarios are: {scenarios}",
    "scenario_file_not_found": "scenario file not found: {file}",
    "scenario_file_type": "scenario files are .toml or .json, not '{suffix}'",
    "no_scenarios_in_file": "{file} has no scenarios; add [[scenario]] tables (TOML) or a list "
                            "of objects (JSON)",
    "scenario_not_a_table": "scenario {number} must be a table of inputs",
    "scenario_unknown_input": "scenario '{scenario}': unknown input {unknown}; inputs are: "
                              "{inputs}",
    "scenario_missing_inputs": "scenario '{scenario}' needs {missing}",
    "scenario_not_a_number": "scenario '{scenario}': {input} must be a number",
    "scenario_invalid": "scenario '{scenario}': {error}",
    "duplicate_scenario": "two scenarios are named '{scenario}'; names must be unique",
    # model inputs (cells of a summary table, alive counts)
    "frequency_above_recency": "frequency must not exceed recency (row {row}: frequency "
                               "{frequency:g}, recency {recency:g}, periods {periods:g})",
    "recency_above_periods": "recency must not exceed the number of periods (row {row}: "
                             "frequency {frequency:g}, recency {recency:g}, periods {periods:g})",
    "recency_without_transactions": "recency must be 0 without transactions (row {row}: "
                                    "frequency {frequency:g}, recency {recency:g}, periods "
                                    "{periods:g})",
    "no_recency_with_transactions": "recency must be at least 1 with transactions (row {row}: "
                                    "frequency {frequency:g}, recency {recency:g}, periods "
                                    "{periods:g})",
    # summary files and ranges: the place of a row (customer id, file line or row), then the
    # problem (an error of its own, worded in the same language)
    "summary_at_customer_line": "customer {customer}, line {line}: {problem}",
    "summary_at_line": "line {line}: {problem}",
    "summary_at_customer_row": "customer {customer}, row {row}: {problem}",
    "summary_at_row": "row {row}: {problem}",
    "summary_at_customer_range_row": "customer {customer}, row {row} of the range: {problem}",
    "summary_at_range_row": "row {row} of the range: {problem}",
    "summary_at_customer": "customer {customer}: {problem}",
    "summary_not_a_number": "{column} must be a number, not '{value}'",
    "summary_missing_value": "{column} is empty",
    "summary_error_cell": "{column} is {value}",
    "summary_not_whole": "{column} must be a whole number, 0 or more (is {value:g})",
    "summary_negative": "{column} must be 0 or more (is {value:g})",
    "summary_not_finite": "{column} must be a finite number (is {value:g})",
    "summary_recency_after_T": "recency {recency:g} is after T {T:g}",
    "summary_recency_after_periods": "recency {recency:g} is after periods {periods:g}",
    "summary_recency_without_repeat": "recency {recency:g} without repeat purchases "
                                      "(frequency 0)",
    "summary_frequency_above_recency": "frequency {frequency:g} is above recency {recency:g} "
                                       "(one transaction per period at most)",
    "future_whole": "number of future opportunities must be a whole number, 0 or more",
    "periods_whole": "periods must be whole numbers, 0 or more",
    "retention_from_period_1": "retention is defined from period 1 on",
    "churn_from_period_1": "churn is defined from period 1 on",
    "discount_positive": "discount rate per period must be positive for a discounted lifetime",
    "sbg_first_count": "the first alive count (the cohort at period 0) must be positive",
    "alive_counts_rise": "alive counts must not increase (period {period}: {before:g} -> "
                         "{after:g})",
    "no_models_to_compare": "give at least one model to compare",
    "check_needs_holdout": "a model check needs a holdout period: give an end of the holdout "
                           "period after the end of the calibration period",
    # data that cannot support the job
    "no_orders": "the order table has no orders with a customer, date and amount",
    "no_orders_entered": "no orders entered yet: type at least one row",
    "no_data_file": "no data file chosen",
    "no_customers": "no customers to fit or check the model on",
    "too_few_to_fit": "too few customers to fit {model} ({customers:g}; need at least {needed})",
    "bgbb_no_transactions": "no transactions: every customer has frequency 0, so bgbb cannot "
                            "estimate transaction or dropout probabilities",
    "bgbb_every_opportunity": "every customer transacted at every opportunity; bgbb cannot "
                              "estimate dropout from such data",
    "sbg_needs_counts": "need the cohort size and at least one later alive count",
    "sbg_no_churn": "no customer was lost; the sBG model needs some churn to fit",
    "sbg_one_period": "the whole cohort churned in one period; the data cannot separate alpha "
                      "and beta",
    "infinite_lifetime": "the expected lifetime is infinite for alpha = {alpha:.3g} <= 1; use the "
                         "discounted expected lifetime (with a discount rate)",
    "no_orders_before_end": "no orders on or before the end date {end}; the data run from "
                            "{first} to {last}",
    "no_purchases": "no purchases on or before the end date {end} (only returns)",
    "interval_unusable": "the parameter draws give no usable CLV interval; the fit is too "
                         "uncertain",
    "no_repeat_buyers": "no customer bought more than once in the calibration period, so no "
                        "model can learn how often customers come back",
    "too_few_customers": "{customers} customer(s) in the calibration period: too few to fit a "
                         "model",
    "unknown_segments": "{name} given for unknown segment(s): {segments}",
    "spend_needs_repeat_buyers": "the spend model needs at least two customers with repeat "
                                 "purchases of a positive amount",
    "cac_needs_segments": "acquisition costs per segment need a segment column",
    # reading files, writing outputs, projects, actions (codes set by their modules)
    "column_not_dates": "column '{column}' does not hold dates",
    "column_not_numbers": "column '{column}' must hold numbers (amounts)",
    "engine_file_format": "the order engine reads .parquet and .csv files, not {file}",
    "engine_read_failed": "cannot read {file}",
    "temp_dir_missing": "temporary folder {folder} does not exist",
    "memory_limit_invalid": "memory limit must be a size such as 4GB, not {value}",
    "too_many_draws": "the number of parameter draws must be at most {limit} (more does not make the interval better, only slower); got {value}",
    "bad_penalty": "penalty must be a number, 0 or more (0: no penalty), got {penalty}",
    "bad_decimal": "decimal separator must be '.' or ',', not {value}",
    "bad_header_row": "header row must be a row number from 1 to {limit}, not {value}",
    "unknown_encoding": "unknown encoding {value}; use e.g. utf-8, cp1252 or latin-1",
    "output_folder_missing": "output folder does not exist: {folder}",
    "output_is_folder": "{file} is a folder; give a file name",
    "output_is_input": "the output file is the input file {input} itself; choose another name (input files are never overwritten)",
    "sheet_too_large": "{file}: a sheet spans {rows} rows x {columns} columns (over {limit} cells); refused",
    "xml_bomb": "{file} contains a DOCTYPE or entity declaration in {part} (an XML bomb?); refused",
    "workbook_damaged": "{file} is damaged: {part} is not a usable workbook part",
    "project_too_deep": "{file} is not a CLV Desk project: nested too deep",
    "project_too_large": "{file} is too large for a project file",
    "project_not_json": "{file} is not valid JSON (line {line})",
    "project_not_text": "{file} is not a CLV Desk project (not UTF-8 text)",
    "file_unreadable": "cannot read {file}",
    "not_a_regular_file": "{file} is not a regular file (a device, pipe or folder); choose a .clvproj file",
    "model_not_fitted": "the {model} model has not been fitted yet",
    "actions_model_unsupported": "churn risk and next purchase need a transaction model (bgnbd, mbgnbd or pareto-nbd), not {model}",
    "churn_window_invalid": "the churn window must be zero or more",
    "tier_cuts_invalid": "tier cut points must be increasing shares between 0 and 1, e.g. 0.10, 0.30",
    "churn_bands_invalid": "churn bands must be two probabilities, medium from and high from (e.g. 0.5, 0.8)",
    "tier_invalid": "priority tiers must be whole tier numbers (1 = top)",
    "tier_values_invalid": "values to tier must be finite numbers",
    "action_list_format": "the customer list must be a .csv or .xlsx file, not '{file}'",
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
    "period": "time unit of the model",
    "model": "transaction model",
    "spend_model": "spend model",
}


#: The English words for the column roles a file must provide (``no_required_columns``).
ROLE_NAMES: dict[str, str] = {
    "customer_id": "customer (e.g. klantnummer)",
    "date": "date (e.g. orderdatum)",
    "amount": "amount (e.g. bedrag)",
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
