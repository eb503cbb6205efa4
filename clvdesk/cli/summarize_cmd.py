"""``clvdesk summarize``: an order file -> one row per customer (frequency, recency, T, ...)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clvdesk.cli.output import add_json_flag, output_path, print_json


def register(subparsers) -> None:
    """Add the ``summarize`` subcommand."""
    parser = subparsers.add_parser(
        "summarize",
        help="order file -> one row per customer (frequency, recency, T, monetary value)",
        description="Summarise an order file (csv, xlsx or parquet) to one row per customer: "
        "repeat purchases (same-day orders merged), recency, T, mean repeat spend, first and "
        "last purchase, orders and total spend; optionally with a holdout period.",
    )
    parser.add_argument("orders", metavar="ORDERS", help="order file (csv, txt, xlsx, parquet)")
    parser.add_argument("--customer-col", help="column with the customer id (default: detected)")
    parser.add_argument("--date-col", help="column with the order date (default: detected)")
    parser.add_argument("--amount-col", help="column with the order amount (default: detected)")
    parser.add_argument("--sheet", help="worksheet name or 1-based number (xlsx)")
    parser.add_argument("--period", default="weeks",
                        help="time unit of recency and T: days, weeks or months (default weeks)")
    parser.add_argument("--end", help="last day of the observation period, YYYY-MM-DD "
                        "(default: the last order date)")
    parser.add_argument("--holdout-end", help="last day of a holdout period after --end, "
                        "YYYY-MM-DD; adds holdout frequency and spend per customer")
    parser.add_argument("-o", "--output", help="write the summary here (.csv, .xlsx, .parquet)")
    add_json_flag(parser)
    parser.set_defaults(handler=_summarize)


def _summarize(args: argparse.Namespace) -> int:
    from clvdesk.core import units
    from clvdesk.core.errors import InputError
    from clvdesk.core.io.readers import read_orders
    from clvdesk.core.io.tables import TABLE_FORMATS, write_table
    from clvdesk.core.summary import summarize

    period = units.parse_unit(args.period)
    if period == "years":
        raise InputError("period must be days, weeks or months")
    target = None
    if args.output:
        target = output_path(args.output)
        if target.suffix.lower() not in TABLE_FORMATS:
            raise InputError(f"cannot write '{target.name}': use a file name ending in "
                             f"{', '.join(TABLE_FORMATS)}")
        if target.exists() and Path(args.orders).exists() and target.samefile(args.orders):
            raise InputError("the output file is the order file itself; choose another name "
                             "(input files are never overwritten)")
    sheet = int(args.sheet) if args.sheet and args.sheet.isdigit() else args.sheet
    imported = read_orders(args.orders, customer_col=args.customer_col, date_col=args.date_col,
                           amount_col=args.amount_col, sheet=sheet)
    summary = summarize(imported.orders, period=period, end=args.end,
                        holdout_end=args.holdout_end)
    if target is not None:
        write_table(summary, target)
    overview = _overview(summary, len(imported.orders), len(imported.dropped))
    if args.json:
        print_json({**overview, "output": None if target is None else str(target)})
        return 0
    if len(imported.dropped):
        print(f"note: {len(imported.dropped)} row(s) of {args.orders} left out "
              "(run `clvdesk quality` for the reasons)", file=sys.stderr)
    width = max(len(k) for k in overview)
    for key, value in overview.items():
        print(f"{key.replace('_', ' '):<{width}}  {value}")
    if target is not None:
        print(f"wrote {len(summary):,} customers to {target}")
    return 0


def _overview(summary, n_orders: int, n_dropped: int) -> dict:
    """Headline figures of a summary, for the terminal and --json.

    ``orders`` counts the order rows up to the end date; ``rows_read`` all data rows of the file.
    """
    attrs = summary.attrs
    overview = {
        "customers": len(summary),
        "orders": int(summary["n_orders"].sum()),
        "rows_read": n_orders + n_dropped,
        "rows_left_out": n_dropped,
        "repeat_customers": int((summary["frequency"] > 0).sum()),
        "repeat_purchases": int(summary["frequency"].sum()),
        "total_spend": round(float(summary["total_spend"].sum()), 2),
        "period": attrs["period"],
        "first_purchase": summary["first_purchase"].min().date().isoformat(),
        "end": attrs["end"].date().isoformat(),
    }
    if attrs.get("holdout_end") is not None:
        overview["holdout_end"] = attrs["holdout_end"].date().isoformat()
        overview["holdout_purchases"] = int(summary["frequency_holdout"].sum())
    return overview
