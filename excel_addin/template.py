"""Build the add-in's workbook template ``excel_addin/clvdesk_template.xlsm``.

Starts from xlwings' own ``quickstart.xlsm`` (its VBA project references the xlwings add-in, and
holds no ``xlwings_udfs`` module: see below), turns on its settings sheet as ``xlwings.conf``
with one setting, ``UDF Modules = excel_addin.udfs``, and adds:

* ``Start``: what the workbook is, how to connect it, and every function with its description;
* ``Orders``: part of the CDNOW order log (Fader, Hardie & Lee 2005) to point the functions at;
* one sheet per function, named after it: the arguments with their help text, example inputs
  and the live formula. Single-value functions show the value CLV Desk computed when the
  template was built, to check the connection against; table functions are entered as array
  formulas over exactly the table they return for the template's data, so the whole table shows
  in every Excel version (openpyxl cannot write Excel 365's spilling formulas).

The settings sheet holds nothing but ``UDF Modules``. xlwings' VBA reads a setting from the
workbook's ``xlwings.conf`` sheet before the user's ``%USERPROFILE%\\.xlwings\\xlwings.conf``
(xlwings/addin/Config.bas, ``GetConfig``: sheet, then directory, then user file), and a key
present with an empty value still counts. So any ``Interpreter_Win`` here, even an empty one,
would override the private Python the Windows installer registers; the interpreter is left to
the user's settings (the installer's, or the xlwings ribbon's). ``GetConfigFromSheet`` reads
from A1 down to the first empty cell, so the quickstart's other rows are removed, not blanked.

The ``xlwings_udfs`` VBA module (what *Import Functions* writes) is not in the template: a VBA
project is a compound file with compiled p-code that only Office writes reliably, and no tool
here can produce one Excel is known to accept. The one-time step is therefore to import
``clvdesk_udfs.bas`` (the README, *Excel add-in*).

Regenerate with ``python -m excel_addin.template``; a test checks the committed file against a
fresh build.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import xlwings
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.worksheet import Worksheet

from clvdesk.core.datasets import load_cdnow
from clvdesk.core.io.atomic import write_atomic
from excel_addin import udfs
from excel_addin.signatures import UdfSpec, udf_specs
from excel_addin.vba import MODULE_NAME

TEMPLATE_PATH = Path(__file__).with_name("clvdesk_template.xlsm")
CONF_SHEET = "xlwings.conf"
#: The settings of the xlwings.conf sheet (key spelled as in xlwings' quickstart), from A1 down.
CONF_SETTINGS = {"UDF Modules": MODULE_NAME}
#: Customers of the CDNOW sample copied into the Orders sheet (ids 1..N).
N_CUSTOMERS = 300
#: The CDNOW calibration period ends here (39 weeks, FHL 2005).
CALIBRATION_END = dt.datetime(1997, 9, 30)
#: BG/NBD parameters for CDNOW from Fader, Hardie & Lee (2005a), section 5.
FHL_PARAMS = (("r", 0.243), ("alpha", 4.414), ("a", 0.793), ("b", 2.426))
#: sBG parameters of the 'regular' cohort of Fader & Hardie (2007).
SBG_PARAMS = (("alpha", 0.704), ("beta", 1.182))

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)


@dataclass
class Example:
    """A worked example: input cells (label, value) and the formula that uses them."""

    inputs: list[tuple[str, Any]]
    formula: str
    note: str = ""
    extra_rows: list[list[Any]] = field(default_factory=list)
    #: Model parameters written in E5:F..; the formula then runs once per row of extra_rows.
    params: tuple[tuple[str, float], ...] = ()


def build_template(path: Path = TEMPLATE_PATH) -> Path:
    """Write the template to ``path`` (atomically)."""
    book = openpyxl.load_workbook(Path(xlwings.__file__).with_name("quickstart.xlsm"),
                                  keep_vba=True)
    _configure(book)
    start = book["Sheet1"]
    start.title = "Start"
    n_orders = _orders_sheet(book.create_sheet("Orders"))
    specs = {spec.name: spec for spec in udf_specs()}
    examples = _examples(n_orders)
    missing = sorted(set(specs) - set(examples))
    if missing:
        raise ValueError(f"no template example for {', '.join(missing)}")
    ordered = [specs[name] for name in examples]  # the order of the README's table
    _start_sheet(start, ordered)
    for spec in ordered:
        _function_sheet(book.create_sheet(spec.name), spec, examples[spec.name])
    book.move_sheet(CONF_SHEET, offset=len(book.sheetnames))
    return write_atomic(path, book.save)


def _configure(book: openpyxl.Workbook) -> None:
    sheet = book["_xlwings.conf"]
    sheet.title = CONF_SHEET  # without the underscore the settings are active
    first_blank = next(row[0].row for row in sheet.iter_rows(max_col=1) if row[0].value is None)
    sheet.delete_rows(1, first_blank - 1)  # the quickstart's settings; its instructions stay
    sheet.insert_rows(1, len(CONF_SETTINGS))
    for row, (key, value) in enumerate(CONF_SETTINGS.items(), start=1):
        sheet.cell(row=row, column=1, value=key)
        sheet.cell(row=row, column=2, value=value)


def _orders_sheet(sheet: Worksheet) -> int:
    """Orders of the first customers of the CDNOW sample; returns the number of orders."""
    orders = load_cdnow()
    orders = orders[orders["customer_id"].astype(int) <= N_CUSTOMERS]
    sheet.append(["customer_id", "date", "amount", "basket"])
    for cell in sheet[1]:
        cell.font = BOLD
    for customer, date, amount, quantity in zip(orders["customer_id"], orders["date"],
                                                orders["amount"], orders["quantity"],
                                                strict=True):
        basket = "single CD" if quantity == 1 else "several CDs"
        sheet.append([int(customer), date.to_pydatetime(), float(amount), basket])
    for row in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].number_format = "yyyy-mm-dd"
    sheet.column_dimensions["B"].width = 12
    return len(orders)


#: Where the per-customer examples take frequency, recency and T from.
_CUSTOMER_POINTERS = [("frequency", "column A below"), ("recency", "column B below"),
                      ("T", "column C below")]


def _examples(n_orders: int) -> dict[str, Example]:
    """The example of each function. In ``formula``, ``{name}`` is the cell of argument
    ``name``, ``{table}`` the block of ``extra_rows`` and ``{row}`` a row of that block."""
    orders = f"Orders!$A$1:$D${n_orders + 1}"
    customers = [["frequency", "recency", "T"], [2, 30.43, 38.86], [0, 0, 38.86],
                 [5, 20.0, 38.86], [10, 38.0, 38.86]]
    per_customer = ("Per customer (one formula per row, column D; all rows share one model). One "
                    "formula over the whole columns is faster (README, Speed in Excel):")
    return {
        "CLV_SIMPLE": Example(
            [("aov", 50), ("frequency", 4), ("lifespan", 5), ("cac", 100), ("margin", None)],
            "=CLV_SIMPLE({aov},{frequency},{lifespan},{cac},{margin})",
            "50 x 4 x 5 - 100 = 900; an empty margin counts as 100 %."),
        "CLV_RETENTION": Example(
            [("margin", 100), ("retention", 0.8), ("discount_rate", 0.1), ("periods", 10)],
            "=CLV_RETENTION({margin},{retention},{discount_rate},{periods})",
            "Leave periods empty for an unlimited horizon."),
        "CLV_LIFESPAN": Example([("churn_rate", 0.2)], "=CLV_LIFESPAN({churn_rate})",
                                "20 % churn a year: customers stay 5 years on average; use it "
                                "as the lifespan of CLV_SIMPLE."),
        "LTV_CAC": Example([("clv", 900), ("cac", 300)], "=LTV_CAC({clv},{cac})",
                           "3 or more is commonly read as healthy."),
        "CAC_PAYBACK": Example(
            [("cac", 100), ("monthly_revenue", 25), ("margin", 0.4)],
            "=CAC_PAYBACK({cac},{monthly_revenue},{margin})", "Months to earn back the CAC."),
        "CLV_SUMMARY": Example(
            [("orders", orders), ("end_date", CALIBRATION_END), ("period", "weeks")],
            f"=CLV_SUMMARY({orders},{{end_date}},{{period}})", "Spills one row per customer."),
        "CLV_SEGMENTS": Example(
            [("orders", orders), ("segment_column", "basket"), ("margin", 0.3), ("cac", 10),
             ("lifespan_years", None), ("end_date", None)],
            f"=CLV_SEGMENTS({orders},{{segment_column}},{{margin}},{{cac}},{{lifespan_years}},"
            "{end_date})",
            "Customers are grouped by the basket of their first order."),
        "CLV_FIT": Example(
            [("data", orders), ("model", "bgnbd"), ("end_date", CALIBRATION_END),
             ("period", "weeks")],
            f"=CLV_FIT({orders},{{model}},{{end_date}},{{period}})",
            "Spills the parameter table; point CLV_PALIVE at it."),
        "CLV_PALIVE": Example(
            [("parameters", "E5:F8"), *_CUSTOMER_POINTERS, ("model", "bgnbd")],
            "=CLV_PALIVE($E$5:$F$8,A{row},B{row},C{row},{model})",
            "Parameters in E5:F8: BG/NBD on CDNOW (Fader, Hardie & Lee 2005). " + per_customer,
            extra_rows=customers, params=FHL_PARAMS),
        "CLV_EXPECTED_PURCHASES": Example(
            [("parameters", "E5:F8"), *_CUSTOMER_POINTERS, ("horizon", 39),
             ("model", "bgnbd")],
            "=CLV_EXPECTED_PURCHASES($E$5:$F$8,A{row},B{row},C{row},{horizon},{model})",
            "Purchases in the next 39 weeks; the paper gives 1.226 for the first customer. "
            + per_customer, extra_rows=customers, params=FHL_PARAMS),
        "CLV_CHURN_RISK": Example(
            [("parameters", "E5:F8"), *_CUSTOMER_POINTERS, ("periods", 12.86),
             ("model", "bgnbd")],
            "=CLV_CHURN_RISK($E$5:$F$8,A{row},B{row},C{row},{periods},{model})",
            "Chance of no purchase in the next 90 days (12.86 weeks). " + per_customer,
            extra_rows=customers, params=FHL_PARAMS),
        "CLV_NEXT_PURCHASE": Example(
            [("parameters", "E5:F8"), ("frequency", "column A below"),
             ("T", "column C below"), ("model", "bgnbd")],
            "=CLV_NEXT_PURCHASE($E$5:$F$8,A{row},C{row},{model})",
            "Median weeks to the next purchase of a customer still active; add it to the end "
            "date for a date. " + per_customer,
            extra_rows=customers, params=FHL_PARAMS),
        "CLV_TIERS": Example(
            [("values", "column A below"), ("cut_points", None)],
            "=CLV_TIERS({table})",
            "Value tier by CLV (1 = top 10 %, 2 = next 20 %, 3 = rest); spills one tier per "
            "customer:",
            extra_rows=[["clv"], [120.5], [80.0], [45.2], [30.1], [12.0], [9.5], [7.0], [5.5],
                        [3.0], [1.0]]),
        "CLV_SURVIVAL": Example(
            [("parameters", "E5:F6"), ("periods", "column A below")],
            "=CLV_SURVIVAL($E$5:$F$6,A{row})",
            "sBG parameters in E5:F6: the 'regular' cohort of Fader & Hardie (2007). "
            "Share still active after each year:",
            extra_rows=[["periods"], [0], [1], [2], [5], [10]], params=SBG_PARAMS),
        "CLV_PREDICT": Example(
            [("orders", orders), ("horizon", 12), ("margin", 0.3), ("discount_rate", 0.1),
             ("model", "bgnbd"), ("end_date", CALIBRATION_END)],
            f"=CLV_PREDICT({orders},{{horizon}},{{margin}},{{discount_rate}},{{model}},"
            "{end_date})",
            "Spills CLV per customer over 12 months with a 90 % interval (clv_low, clv_high)."),
        "CLV_SCENARIOS": Example(
            [("scenarios", "the table below"), ("baseline", "Repeat buyer")],
            "=CLV_SCENARIOS({table},{baseline})",
            "Scenarios may also run across the columns.",
            extra_rows=[["scenario", "aov", "frequency", "lifespan", "cac", "margin"],
                        ["Repeat buyer", 40, 4, 5, 50, 0.4],
                        ["One-time buyer", 150, 1, 1, 50, 0.4]]),
    }


def _start_sheet(sheet: Worksheet, specs: list[UdfSpec]) -> None:
    sheet["A1"] = "CLV Desk functions for Excel"
    sheet["A1"].font = TITLE
    lines = [
        "Connect once (Windows, classic xlwings): press Alt+F11, select this workbook's "
        "VBAProject, File > Import File..., choose clvdesk_udfs.bas (see the README), close the "
        "editor and save. Or, with Trust access to the VBA project object model on, click "
        "Import Functions on the xlwings tab.",
        f"The sheet xlwings.conf names the UDF module ({MODULE_NAME}); the Python that runs it "
        "is the one the CLV Desk installer (or the xlwings tab's Interpreter) set. Mac and "
        "Excel on the web: use xlwings Lite (excel_addin/lite).",
        "Each function has its own sheet with a worked example. Dutch Excel: use ; between "
        "arguments, e.g. =CLV_SIMPLE(50;4;5;100).",
        "Table functions here are array formulas sized to their result, so they show in every "
        "Excel. In your own sheets Excel 365 spills them as dynamic arrays; in older Excel "
        "select the output range, type the formula and press Ctrl+Shift+Enter.",
    ]
    for i, line in enumerate(lines, start=3):
        sheet.cell(row=i, column=1, value=line)
    header_row = len(lines) + 4
    for col, text in enumerate(["Function", "Arguments", "Description"], start=1):
        sheet.cell(row=header_row, column=col, value=text).font = BOLD
    for i, spec in enumerate(specs, start=header_row + 1):
        link = sheet.cell(row=i, column=1, value=spec.name)
        link.hyperlink = f"#'{spec.name}'!A1"
        args = ", ".join(f"[{a.name}]" if a.optional else a.name for a in spec.args)
        sheet.cell(row=i, column=2, value=args)
        sheet.cell(row=i, column=3, value=spec.description)
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 60


def _function_sheet(sheet: Worksheet, spec: UdfSpec, example: Example) -> None:
    sheet["A1"] = spec.name
    sheet["A1"].font = TITLE
    sheet["A2"] = spec.description
    for col, text in enumerate(["Argument", "Example", "Help"], start=1):
        sheet.cell(row=4, column=col, value=text).font = BOLD
    values = dict(example.inputs)
    refs: dict[str, str] = {}
    for row, arg in enumerate(spec.args, start=5):
        refs[arg.name] = f"$B${row}"
        sheet.cell(row=row, column=1, value=arg.name + (" (optional)" if arg.optional else ""))
        value = values.get(arg.name)
        target = sheet.cell(row=row, column=2, value=value)
        if isinstance(value, dt.datetime):
            target.number_format = "yyyy-mm-dd"
        sheet.cell(row=row, column=3, value=arg.doc)
    formula_row = 5 + len(spec.args) + 1
    block_row = formula_row + 4
    if example.extra_rows:
        last_col = chr(ord("A") + len(example.extra_rows[0]) - 1)
        refs["table"] = f"A{block_row}:{last_col}{block_row + len(example.extra_rows) - 1}"
    if example.params:
        _parameters_block(sheet, example.params)
        _per_row_formulas(sheet, spec, example, refs, block_row)
        return _widths(sheet)
    formula = example.formula.format(**refs)
    sheet.cell(row=formula_row, column=1, value="Formula").font = BOLD
    sheet.cell(row=formula_row + 1, column=1, value=example.note)
    if example.extra_rows:
        _block(sheet, example.extra_rows, block_row)
    if _spills(spec):
        result_row = (block_row + len(example.extra_rows) + 1 if example.extra_rows
                      else formula_row + 3)
        _array_result(sheet, spec, formula, formula_row, result_row)
        return _widths(sheet)
    sheet.cell(row=formula_row, column=2, value=formula).font = BOLD
    shown = sheet.cell(row=formula_row, column=3, value=formula)
    shown.data_type = "s"  # the formula's text beside the live formula
    sheet.cell(row=formula_row + 2, column=1, value="Value when built")
    literal = [values.get(arg.name) for arg in spec.args]
    sheet.cell(row=formula_row + 2, column=2, value=getattr(udfs, spec.name)(*literal))
    return _widths(sheet)


def _array_result(sheet: Worksheet, spec: UdfSpec, formula: str, formula_row: int,
                  result_row: int) -> None:
    """The table function's formula as an array formula over exactly the table it returns
    for the template's data (computed now), so it shows in full in every Excel version."""
    shown = sheet.cell(row=formula_row, column=2, value=formula)
    shown.data_type = "s"  # the formula's text; the live one is the array below
    result = evaluate_formula(sheet.parent, sheet, formula)
    if not isinstance(result, list):
        raise ValueError(f"the {spec.name} example gives {result!r}")
    last = f"{get_column_letter(len(result[0]))}{result_row + len(result) - 1}"
    ref = f"A{result_row}:{last}"
    sheet.cell(row=result_row - 1, column=1,
               value=f"Result: an array formula over {ref} (select it and re-enter the formula "
                     "with Ctrl+Shift+Enter over a larger range when your data grow):")
    sheet.cell(row=result_row, column=1).value = ArrayFormula(ref, formula)


def evaluate_formula(book: openpyxl.Workbook, sheet: Worksheet, formula: str) -> Any:
    """Call the UDF of a template ``formula`` (``=NAME(arg,arg,...)``, arguments cell
    references or ranges) with its cells as xlwings passes them: each argument a list of
    rows, empty cells None."""
    match = re.fullmatch(r"=([A-Z_]+)\((.*)\)", formula)
    if match is None:
        raise ValueError(f"not a template formula: {formula!r}")
    name, inner = match.groups()
    args = []
    for text in inner.split(","):
        target, _, cells = text.replace("$", "").rpartition("!")
        source = book[target] if target else sheet
        if ":" not in cells:
            cells = f"{cells}:{cells}"
        args.append([[c.value for c in row] for row in source[cells]])
    return getattr(udfs, name)(*args)


def _widths(sheet: Worksheet) -> None:
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 16
    sheet.column_dimensions["C"].width = 16
    sheet.column_dimensions["D"].width = 26


def _block(sheet: Worksheet, rows: list[list[Any]], first_row: int) -> None:
    for i, row in enumerate(rows):
        for j, value in enumerate(row, start=1):
            cell = sheet.cell(row=first_row + i, column=j, value=value)
            if i == 0:
                cell.font = BOLD


def _parameters_block(sheet: Worksheet, params: tuple[tuple[str, float], ...]) -> None:
    sheet["E4"], sheet["F4"] = "parameter", "value"
    sheet["E4"].font = sheet["F4"].font = BOLD
    for row, (name, value) in enumerate(params, start=5):
        sheet.cell(row=row, column=5, value=name)
        sheet.cell(row=row, column=6, value=value)


def _per_row_formulas(sheet: Worksheet, spec: UdfSpec, example: Example, refs: dict[str, str],
                      first_row: int) -> None:
    """Input rows (e.g. frequency, recency, T) with one live formula per row beside them and
    the value CLV Desk computed at build time next to it."""
    sheet.cell(row=first_row - 2, column=1, value=example.note)
    _block(sheet, example.extra_rows, first_row)
    header = example.extra_rows[0]
    formula_col, value_col = len(header) + 1, len(header) + 2
    sheet.cell(row=first_row, column=formula_col, value=spec.name).font = BOLD
    sheet.cell(row=first_row, column=value_col, value="value when built").font = BOLD
    values = dict(example.inputs)
    params = [list(p) for p in example.params]
    for i, row in enumerate(example.extra_rows[1:], start=first_row + 1):
        sheet.cell(row=i, column=formula_col, value=example.formula.format(**refs, row=i))
        args = {**values, "parameters": params, **dict(zip(header, row, strict=True))}
        sheet.cell(row=i, column=value_col,
                   value=getattr(udfs, spec.name)(*[args.get(a.name) for a in spec.args]))


def _spills(spec: UdfSpec) -> bool:
    return spec.table


def main(argv: list[str] | None = None) -> int:
    """``python -m excel_addin.template [PATH]``: rebuild the template."""
    args = sys.argv[1:] if argv is None else argv
    path = build_template(Path(args[0]) if args else TEMPLATE_PATH)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
