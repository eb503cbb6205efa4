"""The words of every error a user can cause, once, by code: English here, Dutch in the app.

A core error carries a ``code`` and the ``values`` its message quotes (see
:class:`clvdesk.core.errors.CLVError`). :data:`MESSAGES` holds the English template of each
code, with ``{name}`` fields for those values. The command line and the Excel functions show the
English line; the desktop app looks the same template up in its Dutch translation (context
``messages`` of ``clvdesk_nl.ts``, extracted from this table by ``clvdesk.app.i18n.build``) and
fills in the same values, so both faces say the same thing in the user's language.

Values are in the user's terms: the file's own column header, the file's line number as a text
editor or spreadsheet shows it, the customer id as written in the file. A setting is passed by
its core name under one of :data:`SETTING_KEYS` (``name="holdout_end"``); each face shows it
under its own label: the CLI its flag (``--holdout-end``), an Excel function its argument
(``end_date``), the app its field (context ``settings``), and where a face has no label for it
(and in the English message, the logs) its words in :data:`SETTING_NAMES` (:func:`english`).
The rows an import left out are worded by :func:`dropped_rows` (reasons in
:data:`DROP_REASONS`, Dutch in context ``drop_reasons``).

Only the standard library is imported here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

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
    "model_unknown": "unknown model {value}; choose one of {models}",
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
    "sheet_in_text": "a sheet applies to Excel workbooks only; {file} is a text (CSV) file",
    "sheet_in_parquet": "a sheet applies to Excel workbooks only; {file} is a Parquet file",
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
    "engine_read_failed": "cannot read {file}: {detail}",
    "temp_dir_missing": "temporary folder {folder} does not exist",
    "memory_limit_invalid": "memory limit must be a size such as 4GB or a share of the memory such as 40%, not {value}",
    "too_many_draws": "the number of parameter draws must be at most {limit} (more does not make the interval better, only slower); got {value}",
    "bad_penalty": "penalty must be a number, 0 or more (0: no penalty), got {penalty}",
    "bad_decimal": "decimal separator must be '.' or ',', not {value}",
    "bad_header_row": "header row must be a row number from 1 to {limit}, not {value}",
    "unknown_encoding": "unknown encoding {value}; use e.g. utf-8, cp1252 or latin-1",
    "not_text_encoding": "{value} is not a text encoding; use e.g. utf-8, cp1252 or latin-1",
    "output_folder_missing": "output folder does not exist: {folder}",
    "output_is_folder": "{file} is a folder; give a file name",
    "output_is_input": "the output file is the input file {input} itself; choose another name (input files are never overwritten)",
    "sheet_too_large": "{file}: a sheet spans {rows} rows x {columns} columns (over {limit} cells); refused",
    "xml_bomb": "{file} contains a DOCTYPE or entity declaration in {part} (an XML bomb?); refused",
    "workbook_damaged": "{file} is damaged: {part} is not a usable workbook part",
    "project_not_project": "this file is not a CLV Desk project (no 'format: clvdesk-project')",
    "project_newer": "the project file's version {version} is newer than this CLV Desk "
                     "understands ({supported}); update CLV Desk",
    "project_not_object": "project file: '{field}' must be an object",
    "project_unknown_source": "project file: '{field}' is an unknown data source kind ({kind})",
    "project_not_path": "project file: '{field}' must be a file path (text without NUL "
                        "characters)",
    "project_not_list_of_objects": "project file: '{field}' must be a list of objects",
    "project_field_not_text": "project file: '{field}' must be text",
    "project_bad_currency": "project file: '{field}' must be a symbol or code of at most 5 "
                            "characters, like € or USD",
    "project_unknown_assumption": "project file: '{field}' is not an assumption CLV Desk knows",
    "project_not_column_name": "project file: '{field}' must be a column name (text) or null",
    "project_not_cost_map": "project file: '{field}' must map segment names to amounts",
    "project_not_model_list": "project file: '{field}' must be a list of model names",
    "project_not_single": "project file: '{field}' must be a single value, not a list or object",
    "project_wrong_value": "project file: '{field}' is wrong: {reason}",
    "project_wrong_type": "project file: '{field}' has a value of the wrong type",
    "project_not_column_map": "project file: '{field}' must map names to column names",
    "project_unknown_option": "project file: '{field}' is not a reader option (options are: "
                              "{options})",
    "project_not_one_character": "project file: '{field}' must be one character",
    "project_not_a_number": "project file: '{field}' must be a number",
    "project_not_rows": "project file: '{field}' must be a list of rows",
    "project_too_deep": "{file} is not a CLV Desk project: nested too deep",
    "project_too_large": "{file} is too large for a project file",
    "project_not_json": "{file} is not valid JSON (line {line})",
    "project_not_text": "{file} is not a CLV Desk project (not UTF-8 text)",
    "file_unreadable": "cannot read {file}: {problem}",
    "not_a_regular_file": "{file} is not a regular file (a device, pipe or folder); choose a .clvproj file",
    "model_not_fitted": "the {model} model has not been fitted yet",
    "actions_model_unsupported": "churn risk and next purchase need a transaction model (bgnbd, mbgnbd or pareto-nbd), not {model}",
    "churn_window_invalid": "the churn window must be zero or more",
    "tier_cuts_invalid": "tier cut points must be increasing shares between 0 and 1, e.g. 0.10, 0.30",
    "churn_bands_invalid": "churn bands must be two probabilities, medium from and high from (e.g. 0.5, 0.8)",
    "tier_invalid": "priority tiers must be whole tier numbers (1 = top)",
    "tier_values_invalid": "values to tier must be finite numbers",
    "action_list_format": "the customer list must be a .csv or .xlsx file, not '{file}'",
    # reading order files
    "not_a_number_got": "{name} must be a number, not {value}",
    "not_a_share": "{name} must be a number, e.g. 0.3, 0,3 or 30%, not {value}",
    "not_a_path": "not a file path: {value}",
    "path_has_nul": "the file name contains a NUL character",
    "not_in_encoding": "{file} is not valid {encoding} text (byte {byte}); choose another "
                       "encoding",
    "markup_page": "{file} is an HTML or XML page, not a table of text (some systems export "
                   "those under an Excel name): open it in Excel and save it as .xlsx or .csv",
    "no_separator": "could not find the column separator (tried ; , tab |): is this an order "
                    "table?",
    "bad_separator": "the separator must be one character, not {value}",
    "header_row_positive": "the header row must be 1 or more",
    "no_header_row": "{file} has no header row",
    "table_unreadable": "{file} could not be read as a table: {problem}",
    "parquet_unreadable": "{file} could not be read as Parquet: {problem}",
    "no_usable_orders": "{file} has no usable orders: {reasons}",
    "dropped_rows": "{count} {reason}",
    "dropped_rows_in_column": "{count} {reason} in column '{column}'",
    "dropped_rows_example": "{count} {reason} (e.g. {example})",
    "dropped_rows_in_column_example": "{count} {reason} in column '{column}' (e.g. {example})",
    "workbook_too_many_parts": "{file} is not a usable workbook: {parts} parts",
    "binary_workbook": "{file} is a binary workbook (.xlsb), which cannot be checked for "
                       "safety; save it as .xlsx",
    "workbook_incomplete": "{file} is damaged or incomplete (not a readable workbook)",
    "workbook_zip_unsupported": "{file} is damaged, encrypted or uses an unsupported zip format",
    "zip_bomb_size": "{file} unpacks to more than {limit} MB (a zip bomb?); refused",
    "zip_bomb_ratio": "{file} has a part that unpacks over {ratio} times its size (a zip "
                      "bomb?); refused",
    "workbook_part_empty": "{file} is damaged: part {part} has no XML content",
    "not_a_workbook": "{file} is not an Excel workbook (or it is damaged)",
    "workbook_password": "{file} is password-protected; save it without a password",
    "workbook_unreadable": "{file} could not be read as a workbook: {problem}",
    "sheet_unreadable": "{file}: sheet '{sheet}' could not be read: {problem}",
    "no_sheets": "{file} has no sheets",
    "sheet_empty": "sheet '{sheet}' of {file} is empty",
    "sheet_has_no_row": "sheet '{sheet}' of {file} has no row {row}",
    "orders_not_a_table": "the orders must be a table",
    "unknown_assumptions": "unknown assumption(s): {unknown}",
    "bad_auto_penalty": "automatic penalty must be on or off (true or false)",
    "engine_settings": "cannot start the order-log engine: {detail}",
    "spark_missing": "--engine spark needs pyspark: pip install clvdesk[cluster]",
    "spark_quality": "the Spark engine summarises; run the quality report on DuckDB",
    # writing outputs
    "output_format": "cannot write '{file}': use a file name ending in {formats}",
    "unknown_csv_style": "unknown CSV style {value}; use {styles}",
    "no_rows_to_write": "no rows to write",
    "too_many_rows_for_xlsx": "{rows} rows do not fit in an xlsx sheet (at most {limit}); write "
                              "csv or parquet instead",
    "too_many_customers_for_sheet": "{customers} customers do not fit on one Excel sheet (at "
                                    "most {limit}); write the predictions to csv or parquet "
                                    "instead",
    "cannot_write": "cannot write '{path}': {problem}",
    "bad_currency": "currency must be a symbol or code of at most 5 characters, like € or EUR, "
                    "not {value}",
    "report_not_xlsx": "the report must be an .xlsx file, got '{path}'",
    "unknown_report_language": "the report language must be one of {languages}, got {value}",
    # model inputs: a summary table's columns, an Excel range's rows, parameters
    "input_not_numbers": "{column} must be numbers",
    "input_not_finite": "{column} must be finite numbers (row {row} is not)",
    "input_not_positive": "{column} must be positive (row {row} is {value:g})",
    "input_negative": "{column} must be zero or more (row {row} is {value:g})",
    "input_not_whole": "{column} must be whole numbers (row {row} is {value:g})",
    "input_length": "{column} has {count} values for {rows} rows",
    "inputs_differ_in_length": "columns must have the same length; got {lengths}",
    "columns_differ_in_rows": "columns given together must have the same rows",
    "recency_above_age": "recency must not exceed T (row {row}: recency {recency:g} > T "
                         "{age:g})",
    "recency_without_repeats": "recency must be 0 for customers without repeat purchases (row "
                               "{row}: frequency 0, recency {recency:g})",
    "spend_not_positive": "{column} must be positive for repeat buyers (row {row} has "
                          "{value:g})",
    "summary_not_a_table": "the customer summary must be a table with frequency, recency and T",
    "summary_without_unit": "the customer summary does not say its time unit",
    "summary_without_end": "the customer summary does not say when the calibration period ends",
    "summary_column_missing": "the customer summary has no column '{column}'",
    "summary_column_not_numbers": "column '{column}' of the customer summary has missing or "
                                  "non-numeric values",
    "segment_not_a_column": "the segments must be a column of segment names by customer id",
    "params_not_pairs": "parameters must be given as name/value pairs: {names}",
    "params_missing": "missing parameter(s) {missing}; this model needs {names}",
    "params_unknown": "unknown parameter(s) {unknown}; this model needs {names}",
    "param_not_a_number": "parameter {param} must be a number, got {value}",
    "param_not_positive": "parameter {param} must be a positive number, got {value}",
    "std_errors_not_pairs": "standard errors must be given as name/value pairs",
    "std_error_not_a_number": "standard error of {param} must be a number",
    "std_error_negative": "standard error of {param} must be zero or more",
    "draws_not_whole": "number of parameter draws must be a whole number, got {value}",
    "draws_at_least_1": "number of parameter draws must be at least 1",
    "horizon_negative": "the prediction horizon must be zero or more",
    "horizon_too_long": "a horizon of {value:g} {unit} is too long",
    "retention_without_discount": "retention 1 without discounting has no finite lifetime value; "
                                  "give a discount rate above 0 or a number of periods",
    # fits that fail
    "no_uncertainty": "no parameter uncertainty available for this model (fit it on data or "
                      "give standard errors)",
    "fit_not_finite": "the {model} fit did not reach a finite likelihood; check the data",
    "fit_params_unbounded": "the {model} fit did not converge: parameter(s) {params} run off to "
                            "0 or infinity; the data cannot identify them (too few customers or "
                            "too little repeat behaviour for this model)",
    "fit_not_converged": "the {model} fit did not converge (the optimiser stopped away from an "
                         "optimum)",
    "fit_not_unique": "the {model} fit found no unique optimum: the data cannot pin down "
                      "{params} (too few customers or too little variety in their behaviour "
                      "for this model)",
    "no_repeat_purchases": "no repeat purchases: every customer bought only once, so {model} "
                           "cannot estimate purchase or dropout rates",
    "age_all_zero": "every customer has T = 0; the observation period is empty",
    "no_repeat_spend": "no repeat spend: no customer has a repeat purchase, so the Gamma-Gamma "
                       "spend model cannot be fitted",
    "too_few_repeat_buyers": "too few repeat buyers to fit gamma-gamma ({customers:g}; need at "
                             "least {needed})",
    "spend_does_not_vary": "every repeat buyer has the same mean spend; the Gamma-Gamma model "
                           "needs spend that varies between customers",
    "spend_mean_infinite": "the fitted spend distribution has no finite mean (q = {q:.3g} <= 1), "
                           "so customers without repeat purchases have no expected spend",
    # notes on a result (not errors): what the computation left out or changed
    "no_interval": "no CLV interval: the models carry no parameter uncertainty",
    "spend_left_out": "{count} repeat buyer(s) with a mean repeat spend of 0 or less (e.g. "
                      "after returns) are left out of the spend model and get the population "
                      "mean spend",
    "tiers_by_purchases": "no spend model: tiers rank customers by expected purchases, and the "
                          "levers need CLV",
    "nps_ignored": "{count} NPS score(s) outside the whole numbers 0 to 10 are ignored",
    "regularised_as_set": "the {model} estimate is regularised (penalty {penalty:g}, as set in "
                          "the assumptions)",
    "regularised_auto": "the {model} estimate is regularised (penalty {penalty:g}) because the "
                        "data alone do not identify it: {reason}",
    # actions and simulation
    "status_unknown": "unknown status {status}; statuses are {statuses}",
    "action_setting_unknown": "unknown action setting(s): {setting}",
    "bad_period": "the time unit must be days, weeks or months, not {period}",
    "acquisition_after_end": "the acquisition period ({acquisition:g} periods) must not exceed "
                             "the calibration period ({calibration:g} periods)",
    "unknown_simulation_model": "the simulator draws from {models}; got {model}",
    "spend_q_too_small": "spend parameter q must be above 1 for a finite mean spend (got {q:g})",
    "bad_whole_number": "{name} must be a whole number of at least {low}, got {value}",
    "bad_duration": "{name} must be a number of periods, 0 or more, got {value}",
    "bad_duration_positive": "{name} must be a number of periods above 0, got {value}",
    "bad_share": "{name} must be a share between 0 and 1 (0.02 = 2 %), got {value}",
    "dropout_probability_needs_bgnbd": "one dropout probability for everyone is a BG/NBD base",
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
    "monthly_revenue": "monthly revenue",
    "clv": "lifetime value",
    "ltv": "lifetime value",
    "max_months": "number of months",
    "step": "step",
    "today": "today's date",
    "start": "start date",
    "n_customers": "number of customers",
    "acquisition_periods": "acquisition period",
    "calibration_periods": "calibration period",
    "holdout_periods": "holdout period",
    "future_periods": "future period",
    "dropout_probability": "dropout probability",
    "returns": "share of returns",
    "duplicates": "share of duplicate rows",
    "same_day": "share of same-day orders",
}


#: Why the importer leaves a row out (the ``reason`` of ``ImportResult.dropped``), in English.
DROP_REASONS: dict[str, str] = {
    "malformed_row": "the line does not split into the header's columns",
    "missing_customer_id": "no customer id",
    "customer_id_too_long": "customer id longer than 32,767 characters (Excel's cell limit)",
    "missing_date": "no date",
    "unparseable_date": "date cannot be read",
    "date_out_of_range": "date outside the years 1900-2200",
    "missing_amount": "no amount",
    "unparseable_amount": "amount cannot be read",
    "amount_out_of_range": "amount beyond a trillion (1e12)",
}


#: The English words for the column roles a file must provide (``no_required_columns``).
ROLE_NAMES: dict[str, str] = {
    "customer_id": "customer (e.g. klantnummer)",
    "date": "date (e.g. orderdatum)",
    "amount": "amount (e.g. bedrag)",
}


#: The values that name a setting (the app shows them as the setting's field label).
SETTING_KEYS: tuple[str, ...] = ("name", "setting", "input")


def english(values: Mapping[str, object]) -> dict[str, object]:
    """``values`` with a setting's core name (``holdout_end``) replaced by its English words."""
    return {key: SETTING_NAMES.get(value, value)
            if key in SETTING_KEYS and isinstance(value, str) else value
            for key, value in values.items()}


class Notice(str):
    """A note for the user on a result (not an error): its English line, and the ``code`` and
    ``values`` a frontend words it from, as for a :class:`~clvdesk.core.errors.CLVError`.

    A ``str``, so a list of notes joins, prints and saves as text; the app shows each in the
    interface language (``clvdesk.app.errors.core_message``). A value may be an error (the
    reason of a regularised fit), shown by its own message.
    """

    code: str
    values: dict[str, object]

    def __new__(cls, code: str, **values: object) -> Notice:
        shown = {key: str(value) if isinstance(value, BaseException) else value
                 for key, value in english(values).items()}
        note = super().__new__(cls, render(code, shown))
        note.code, note.values = code, values
        return note

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, object]]:  # pickling
        return (self.code,), self.values


def dropped_rows(problems: list[Mapping[str, object]],
                 translate: Callable[[str, str], str] | None = None) -> str:
    """The rows an import left out, ``"3 no date in column 'Datum' (e.g. '')"``, joined by ``;``.

    ``problems``: per reason a mapping with ``count``, ``reason`` (a :data:`DROP_REASONS` key),
    ``column`` (the file's header, or empty) and ``example`` (a quoted value, or empty).
    ``translate(context, text)`` words the templates (context ``messages``) and the reasons
    (context ``drop_reasons``) in the interface language; English without it.
    """
    parts = []
    for problem in problems:
        code = ("dropped_rows" + ("_in_column" if problem.get("column") else "")
                + ("_example" if problem.get("example") else ""))
        reason = str(problem.get("reason", ""))
        words = DROP_REASONS.get(reason, reason)
        values = {**problem, "reason": translate("drop_reasons", words) if translate else words}
        parts.append(render(code, values,
                            translate("messages", MESSAGES[code]) if translate else None))
    return "; ".join(parts)


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
