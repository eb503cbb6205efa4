"""``clvdesk quality ORDERS``: what is in an order file and what is wrong with it.

Also home of the import options every command that reads an order file shares:
:func:`add_import_arguments` adds ``--customer-col --date-col --amount-col --map --sheet
--header-row --decimal --dayfirst/--monthfirst --encoding --delimiter`` to a parser and
:func:`import_options` turns the parsed flags into keyword arguments of
:func:`clvdesk.core.io.readers.read_orders`.
"""

from __future__ import annotations

import argparse
from typing import Any

from clvdesk.cli.output import add_json_flag, print_json


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the order-file import flags (see module doc) to ``parser``."""
    group = parser.add_argument_group("reading the order file (detected when not given)")
    group.add_argument("--customer-col", metavar="NAME", help="column with the customer id")
    group.add_argument("--date-col", metavar="NAME", help="column with the order date")
    group.add_argument("--amount-col", metavar="NAME", help="column with the order amount")
    group.add_argument("--map", metavar="ROLE=NAME", action="append", default=[],
                       help="map any column, e.g. --map segment=Klantgroep --map cost=Inkoop "
                       "(roles: segment channel order_id quantity cost margin nps "
                       "acquisition_cost); ROLE= leaves an optional column out")
    group.add_argument("--sheet", metavar="NAME", help="worksheet name or number (workbooks)")
    group.add_argument("--header-row", metavar="N", type=int,
                       help="row number of the header, 1 = first row")
    group.add_argument("--decimal", choices=[".", ","], help="decimal separator of the numbers")
    order = group.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", dest="dayfirst", action="store_const", const=True,
                       default=None, help="read 03-01-2024 as 3 January (default if undecided)")
    order.add_argument("--monthfirst", dest="dayfirst", action="store_const", const=False,
                       help="read 03-01-2024 as March 1 (US files)")
    group.add_argument("--encoding", metavar="NAME", help="text encoding, e.g. utf-8, cp1252")
    group.add_argument("--delimiter", metavar="CHAR", help="column separator: ; , tab |")


def import_options(args: argparse.Namespace) -> dict[str, Any]:
    """Keyword arguments of ``read_orders`` from flags added by :func:`add_import_arguments`."""
    from clvdesk.core.errors import InputError

    mapping: dict[str, str | None] = {}
    for item in getattr(args, "map", None) or []:
        role, sep, column = item.partition("=")
        if not sep or not role.strip():
            raise InputError(f"--map takes ROLE=COLUMN, not {item!r}")
        mapping[role.strip()] = column.strip() or None
    options: dict[str, Any] = {
        "customer_col": args.customer_col, "date_col": args.date_col,
        "amount_col": args.amount_col, "sheet": args.sheet, "header_row": args.header_row,
        "decimal": args.decimal, "dayfirst": args.dayfirst, "encoding": args.encoding,
        "delimiter": args.delimiter, "mapping": mapping or None,
    }
    return {key: value for key, value in options.items() if value is not None}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "quality", help="check an order file: totals and data-quality issues",
        description="Read an order file (CSV/TSV/TXT, XLSX/XLSM/XLS, Parquet) and report rows, "
        "customers, total amount, first and last date, and the issues found (missing or "
        "unreadable values, duplicates, returns, zero amounts, future dates, outliers, "
        "one-time buyers, months without orders) with what the computation does with them.",
    )
    parser.add_argument("orders", metavar="ORDERS", help="order file")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="dates after this day count as future (default: today)")
    add_import_arguments(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from clvdesk.core.dates import parse_date
    from clvdesk.core.io.readers import read_orders
    from clvdesk.core.quality import quality_report

    parse_date("--today", args.today)  # before the file is read
    result = read_orders(args.orders, **import_options(args))
    report = quality_report(result, today=args.today)
    if args.json:
        payload = report.to_dict()
        payload["file"] = str(args.orders)
        payload["mapping"] = result.mapping
        payload["options"] = {k: v for k, v in result.options.items() if k != "sheets"}
        print_json(payload)
        return 0
    print(_text(report, result))
    return 0


def _text(report, result) -> str:
    data = report.to_dict()
    options = result.options
    read_as = [f"format {options.get('format')}"]
    for key in ("sheet", "encoding", "delimiter", "decimal"):
        if options.get(key):
            shown = "tab" if options[key] == "\t" else options[key]
            read_as.append(f"{key} {shown!r}")
    read_as.append("day first" if options.get("dayfirst") else "month first")
    if options.get("header_row"):
        read_as.append(f"header on row {options['header_row']}")
    lines = [
        f"read as:      {', '.join(read_as)}",
        "columns:      " + ", ".join(f"{k} <- {v!r}" for k, v in result.mapping.items()),
        f"rows:         {data['rows']:,} used of {data['rows_read']:,} "
        f"({data['dropped_rows']:,} left out, {data['blank_rows']:,} blank skipped)",
        f"customers:    {data['customers']:,}",
        f"total amount: {data['total_amount']:,.2f}",
        f"dates:        {data['first_date']} .. {data['last_date']}",
    ]
    if not data["issues"]:
        lines.append("issues:       none")
        return "\n".join(lines)
    lines.append("issues:")
    for issue in data["issues"]:
        share = "" if issue["share"] is None else f" ({issue['share']:.1%})"
        lines.append(f"  {issue['kind']}: {issue['count']:,}{share} - {issue['description']}")
        if issue["examples"]:
            lines.append(f"      e.g. {'; '.join(issue['examples'])}")
        lines.append(f"      action: {issue['action']}")
    return "\n".join(lines)
