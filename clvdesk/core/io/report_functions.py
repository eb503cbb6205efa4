"""The functions sheet: CLV Desk's named LAMBDA functions, documented and tried on sample calls.

:func:`write_functions` defines every function of :data:`clvdesk.core.io.excel_lambdas.
FUNCTIONS` as a workbook-scoped name (in Excel's stored form, the description as the name's
comment) and writes a sheet with each function's syntax, arguments and description, then sample
calls as live formulas next to the value CLV Desk's core computes for the same arguments and a
live check that the two agree (to 1e-9, or the same Excel error). A Dutch sheet describes the
functions and their arguments in Dutch (:mod:`clvdesk.core.io.report_functions_nl`). The sheet calls every name, so
copying the sheet into another workbook (*Move or Copy...*) takes the functions along.
:func:`write_functions_workbook` writes the sheet alone (``clvdesk excel-functions``); the report
workbook has it as its last sheet.
"""

from __future__ import annotations

import os
from pathlib import Path

from clvdesk.core.errors import InputError
from clvdesk.core.io.atomic import write_atomic
from clvdesk.core.io.excel_lambdas import FUNCTIONS, LambdaFunction, Param, core_value
from clvdesk.core.io.report_cells import (
    SECTION_FONT,
    Column,
    Formula,
    define_name,
    new_workbook,
    put,
    put_note,
    put_table,
    put_title,
)
from clvdesk.core.io.report_functions_nl import ARGUMENTS, DESCRIPTIONS
from clvdesk.core.io.report_labels import SHEETS, labels_for, number_formats

#: Texts of the sheet, by key and language.
TEXTS: dict[str, dict[str, str]] = {
    "title": {"en": "CLV functions for Excel without Python (LAMBDA)",
              "nl": "CLV-functies voor Excel zonder Python (LAMBDA)"},
    "note_use": {
        "en": "Excel 365 and Excel on the web: type =CLV.SIMPLE(50,4,5,100) in any cell of this "
              "workbook. To use them in your own workbook, copy this sheet into it (right-click "
              "the tab > Move or Copy > Create a copy): the names come along. No macros.",
        "nl": "Excel 365 en Excel voor het web: typ =CLV.SIMPLE(50;4;5;100) in een cel van deze "
              "werkmap. Voor uw eigen werkmap: kopieer dit blad erheen (rechtsklik op de tab > "
              "Verplaatsen of kopiëren > Kopie maken); de namen gaan mee. Geen macro's.",
    },
    "note_errors": {
        "en": "Text, a logical or an empty required cell gives #VALUE!, a number out of range "
              "#NUM!; an error in an input is passed on. Arguments in [brackets] are optional. "
              "LibreOffice and Excel 2019 or older have no LAMBDA (#NAME?).",
        "nl": "Tekst, een logische waarde of een lege verplichte cel geeft #WAARDE!, een getal "
              "buiten het bereik #GETAL!; een fout in een invoer wordt doorgegeven. Argumenten "
              "tussen [haken] zijn optioneel. LibreOffice en Excel 2019 of ouder kennen LAMBDA "
              "niet (#NAAM?).",
    },
    "functions": {"en": "Functions", "nl": "Functies"},
    "function": {"en": "Function", "nl": "Functie"},
    "syntax": {"en": "Syntax", "nl": "Syntaxis"},
    "arguments": {"en": "Arguments", "nl": "Argumenten"},
    "description": {"en": "What it computes", "nl": "Wat de functie berekent"},
    "examples": {"en": "Sample calls", "nl": "Voorbeelden"},
    "formula": {"en": "Formula", "nl": "Formule"},
    "result": {"en": "Result in Excel", "nl": "Uitkomst in Excel"},
    "expected": {"en": "Value from CLV Desk", "nl": "Waarde van CLV Desk"},
    "agrees": {"en": "Agrees", "nl": "Klopt"},
}

#: Excel's error values in the order of ERROR.TYPE (1 = #NULL!, ..., 7 = #N/A), as Excel in
#: each language shows them (the sheet names the expected error in the report's language).
ERROR_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"),
    "nl": ("#LEEG!", "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!", "#N/B"),
}


def description(function: LambdaFunction, language: str) -> str:
    """What ``function`` computes, in ``language`` (``"en"`` or ``"nl"``)."""
    return DESCRIPTIONS[function.name] if language == "nl" else function.description


def argument_doc(function: LambdaFunction, param: Param, language: str) -> str:
    """What argument ``param`` of ``function`` is, in ``language``."""
    return ARGUMENTS[function.name][param.name] if language == "nl" else param.doc


def define_functions(ws, language: str = "en") -> None:
    """Define every LAMBDA function as a name of the workbook of ``ws`` (its description, in
    ``language``, as the name's comment)."""
    for function in FUNCTIONS:
        define_name(ws, function.name, function.stored,
                    comment=description(function, language))


def write_functions(ws, labels, formats) -> int:
    """Define the functions and write the functions sheet on ``ws``; return the last row."""
    language = labels.language

    def text(key: str) -> str:
        return TEXTS[key][language]

    define_functions(ws, language)
    put_title(ws, text("title"))
    put_note(ws, 2, 1, text("note_use"))
    put_note(ws, 3, 1, text("note_errors"))
    columns = [Column(text("function"), width=16, wrap=True),
               Column(text("syntax"), width=48, wrap=True),
               Column(text("arguments"), width=60, wrap=True),
               Column(text("description"), width=60, wrap=True)]
    rows = [(f.name, f.syntax,
             "\n".join(f"{p.name}: {argument_doc(f, p, language)}" for p in f.params),
             description(f, language)) for f in FUNCTIONS]
    last = put_table(ws, 5, columns, rows)

    top = last + 2
    put(ws, top, 1, text("examples"), font=SECTION_FONT)
    columns = [Column(text("function")), Column(text("formula")), Column(text("result"),
               formats.number), Column(text("expected"), formats.number),
               Column(text("agrees"))]
    examples = []
    row = top + 1
    for function in FUNCTIONS:
        for args, error in function.examples:
            row += 1
            call = function.call(*args)
            expected = core_value(function, args)
            if isinstance(expected, str) and error:  # the core refuses: the error Excel shows
                expected = ERROR_NAMES[language][ERROR_NAMES["en"].index(error)]
            examples.append((function.name, call, Formula(call), expected,
                             Formula(_agrees(f"C{row}", f"D{row}", language))))
    return put_table(ws, top + 1, columns, examples)


def _agrees(result: str, expected: str, language: str) -> str:
    """TRUE when the live result equals the core's number to 1e-9 or is the same error (the
    expected error written as Excel in ``language`` shows it)."""
    names = "{" + ",".join(f'"{name}"' for name in ERROR_NAMES[language]) + "}"
    return (f"=IF(ISNUMBER({expected}),IFERROR(ABS({result}-{expected})<=1E-9*MAX(1,"
            f"ABS({expected})),FALSE),IFERROR(ERROR.TYPE({result})=MATCH({expected},"
            f"{names},0),FALSE))")


def write_functions_workbook(path: str | os.PathLike, *, language: str = "en") -> Path:
    """Write a workbook holding only the functions sheet (``clvdesk excel-functions``).

    ``path`` must end in ``.xlsx`` (a macro-free workbook; LAMBDA names need no macros). The
    file is written atomically. Returns the path written.
    """
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise InputError(code="not_xlsx", path=str(target))
    if not target.parent.is_dir():
        raise InputError(code="folder_not_found", path=str(target.parent))
    labels = labels_for(language)
    formats = number_formats(labels.language, "€")
    book = new_workbook()
    ws = book.create_sheet(SHEETS["functions"][labels.language])
    book.properties.title = TEXTS["title"][labels.language]
    write_functions(ws, labels, formats)
    try:
        return write_atomic(target, book.save)
    except PermissionError:
        raise InputError(code="permission_denied", path=str(target)) from None
