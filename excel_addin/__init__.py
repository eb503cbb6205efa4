"""CLV Desk's Excel add-in: xlwings user-defined functions over :mod:`clvdesk.core`.

``udfs``         the functions (the module named in xlwings' ``UDF Modules``)
``cells``        cell values <-> Python values (numbers as text, dates, empty and error cells)
``columns``      ranges with a header row read column by column
``ranges``       ranges as the core's tables: orders, summaries, parameters, scenarios
``elementwise``  closed-form formulas cell by cell over ranges, with per-cell errors
``analysis``     the table functions' core calls (summary, fit, predictions, segments)
``model_cache``  fits and models kept by the content of their input
``safety``       the guard that turns any exception into an Excel error string
``signatures``   what Excel needs to know about each function, read from ``udfs``
``vba``          the generated VBA wrapper ``clvdesk_udfs.bas`` (``python -m excel_addin.vba``)
``template``     the workbook ``clvdesk_template.xlsm`` (``python -m excel_addin.template``)
"""
