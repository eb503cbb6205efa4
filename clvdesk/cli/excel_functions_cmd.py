"""``clvdesk excel-functions -o clv_functions.xlsx``: CLV functions for Excel without Python.

Writes a macro-free workbook whose defined names are LAMBDA functions (CLV.SIMPLE,
CLV.RETENTION, ..., BGNBD.EXPECTED, SBG.DEL) for Excel 365 and Excel on the web, with a sheet of
syntax, descriptions and sample calls (:mod:`clvdesk.core.io.report_functions`).
"""

from __future__ import annotations

import argparse

from clvdesk.cli.output import add_json_flag, print_json


def register(subparsers) -> None:
    """Add the ``excel-functions`` subcommand."""
    parser = subparsers.add_parser(
        "excel-functions",
        help="write a workbook of CLV functions for Excel 365 (LAMBDA, no Python, no macros)",
        description="Write an .xlsx whose named LAMBDA functions (CLV.SIMPLE, CLV.RETENTION, "
        "CLV.LIFESPAN, LTV.CAC, CAC.PAYBACK, BGNBD.PALIVE, BGNBD.EXPECTED, GG.SPEND, "
        "SBG.SURVIVAL, SBG.DEL, SBG.DERL) work in any cell in Excel 365 and Excel on the web. "
        "Copy its sheet into a workbook to take the functions along. LibreOffice and Excel "
        "2019 or older have no LAMBDA.",
    )
    parser.add_argument("-o", "--output", required=True, metavar="FILE.xlsx",
                        help="workbook to write")
    parser.add_argument("--language", choices=("en", "nl"), default="en",
                        help="language of the sheet (default en)")
    add_json_flag(parser)
    parser.set_defaults(handler=_excel_functions)


def _excel_functions(args: argparse.Namespace) -> int:
    from clvdesk.cli.output import output_path
    from clvdesk.core.io.excel_lambdas import FUNCTIONS
    from clvdesk.core.io.report_functions import write_functions_workbook

    path = write_functions_workbook(output_path(args.output), language=args.language)
    if args.json:
        print_json({"path": str(path), "functions": [
            {"name": f.name, "syntax": f.syntax, "description": f.description}
            for f in FUNCTIONS]})
    else:
        print(f"wrote {path}: {len(FUNCTIONS)} functions")
        for function in FUNCTIONS:
            print(f"  {function.syntax}")
    return 0
