"""CLV Desk's Excel functions over :mod:`clvdesk.core`, for classic xlwings and xlwings Lite.

``functions``    every function, defined once as plain Python, with its help texts and options
``udfs``         classic xlwings (Windows): the module named in xlwings' ``UDF Modules``
``lite_udfs``    xlwings Lite (Windows, Mac, the web): Office.js values, real error values;
                 generates ``lite/main.py`` (``python -m excel_addin.lite_udfs``)
``cells``        cell values <-> Python values (numbers as text, dates, empty and error cells)
``columns``      ranges with a header row read column by column
``ranges``       ranges as the core's tables: orders, summaries, parameters, scenarios
``elementwise``  closed-form formulas cell by cell over ranges, with per-cell errors
``analysis``     the table functions' core calls (summary, fit, predictions, segments)
``model_cache``  fits and models kept by the content of their input
``safety``       the classic guard that turns any exception into an Excel error text
``signatures``   what Excel needs to know about each function, read from ``functions``
``vba``          the generated VBA wrapper ``clvdesk_udfs.bas`` (``python -m excel_addin.vba``)
``template``     the workbook ``clvdesk_template.xlsm`` (``python -m excel_addin.template``)
"""
