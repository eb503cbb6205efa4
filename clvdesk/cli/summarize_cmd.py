"""Order file -> tables: ``summarize`` (one row per customer), ``segments`` (three-factor CLV
per segment) and ``cohorts`` (by month of first order).

Each reads the file with :func:`clvdesk.core.io.readers.read_orders` (columns and format
detected, or given with the shared import flags of :func:`clvdesk.cli.quality_cmd.add_import_arguments`:
``--customer-col``/``--date-col``/``--amount-col``, ``--map``, ``--sheet``, ``--header-row``,
``--decimal``, ``--dayfirst``/``--monthfirst``, ``--encoding``, ``--delimiter``), prints an overview or ``--json``, and
writes the table with ``-o`` (csv, xlsx or parquet by extension). The order file is never
written to.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from clvdesk.cli.arguments import amount, count, rate
from clvdesk.cli.output import add_json_flag, output_path, print_json
from clvdesk.cli.quality_cmd import add_import_arguments, import_options

if TYPE_CHECKING:
    import pandas as pd


def register(subparsers) -> None:
    """Add the ``summarize``, ``segments`` and ``cohorts`` subcommands."""
    parser = subparsers.add_parser(
        "summarize",
        help="order file -> one row per customer (frequency, recency, T, monetary value)",
        description="Summarise an order file (csv, xlsx or parquet) to one row per customer: "
        "repeat purchases (same-day orders merged), recency, T, mean repeat spend, first and "
        "last purchase, orders and total spend; optionally with a holdout period.",
    )
    _add_file_arguments(parser)
    parser.add_argument("--period", default="weeks",
                        help="time unit of recency and T: days, weeks or months (default weeks)")
    parser.add_argument("--end", help="last day of the observation period, YYYY-MM-DD "
                        "(default: the last order date)")
    parser.add_argument("--holdout-end", help="last day of a holdout period after --end, "
                        "YYYY-MM-DD; adds holdout frequency and spend per customer")
    parser.add_argument("-o", "--output", help="write the summary here (.csv, .xlsx, .parquet)")
    add_engine_arguments(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=_summarize)

    segments = subparsers.add_parser(
        "segments",
        help="three-factor CLV per segment of an order file (AOV x frequency x lifespan)",
        description="Simple CLV per segment: average order value x orders per customer-year x "
        "lifespan (observed tenure, or --lifespan), on margin, minus CAC. A customer belongs "
        "to the segment of their first order.",
    )
    _add_file_arguments(segments)
    segments.add_argument("--segment-col", help="column to group by (default: the file's "
                          "segment column; 'none' for all customers together)")
    segments.add_argument("--end", help="last day of the observation period, YYYY-MM-DD")
    segments.add_argument("--lifespan", type=amount,
                          help="assumed lifespan in years (default: observed)")
    segments.add_argument("--margin", type=rate,
                          help="gross margin, 0.3 or 30%% (default: from the "
                          "file's margin or cost column, else 100%%)")
    segments.add_argument("--cac", type=amount,
                          help="acquisition cost per customer (default: the file's "
                          "acquisition_cost column, else 0)")
    segments.add_argument("--segment-cac", action="append", default=[], metavar="NAME=VALUE",
                          help="acquisition cost of one segment (repeatable)")
    segments.add_argument("-o", "--output", help="write the table here (.csv, .xlsx, .parquet)")
    add_json_flag(segments)
    segments.set_defaults(handler=_segments)

    cohorts = subparsers.add_parser(
        "cohorts",
        help="cohort table by month of first order: repeat rate, revenue per customer, payback",
        description="Customers grouped by the month of their first order: customers, repeat "
        "rate, cumulative revenue per customer by months since the first order, and the month "
        "each cohort paid back its acquisition cost.",
    )
    _add_file_arguments(cohorts)
    cohorts.add_argument("--end", help="last day of the observation period, YYYY-MM-DD")
    cohorts.add_argument("--margin", type=rate,
                         help="gross margin, 0.3 or 30%% (default: from the file's "
                         "margin or cost column, else 100%%)")
    cohorts.add_argument("--cac", type=amount,
                         help="acquisition cost per customer, for the payback month")
    cohorts.add_argument("--max-months", type=count, help="months since the first order to show")
    cohorts.add_argument("-o", "--output", help="write the table here (.csv, .xlsx, .parquet): "
                         "one row per cohort, then cumulative revenue per customer by month")
    add_json_flag(cohorts)
    cohorts.set_defaults(handler=_cohorts)


def add_engine_arguments(parser) -> None:
    """The order-log engine flags: ``--engine``, ``--memory-limit``, ``--temp-dir``,
    ``--threads`` (see :mod:`clvdesk.core.orderlog`)."""
    group = parser.add_argument_group("order-log engine")
    group.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb",
                       help="duckdb (embedded, default) or spark (the same SQL on Apache "
                       "Spark; the session comes from your Spark config, local[*] by default)")
    group.add_argument("--memory-limit", metavar="SIZE", help="DuckDB memory limit such as "
                       "4GB or 40%%; beyond it DuckDB spills to a temporary folder (default: 80%% "
                       "of RAM)")
    group.add_argument("--temp-dir", metavar="FOLDER", help="where DuckDB may spill (a private "
                       "folder inside it is removed afterwards; default: the system's "
                       "temporary folder)")
    group.add_argument("--threads", type=int, metavar="N", help="DuckDB threads (default: all "
                       "cores)")


def _order_log(args: argparse.Namespace):
    """The order file validated into an order log: a Parquet file with typed date and amount
    columns is read by the engine itself (no pandas copy of its rows); other files go through
    the reader (formats, Dutch numbers and dates, title rows) and then into the engine.
    Returns ``(log, rows_read, rows_left_out)``."""
    from clvdesk.core.orderlog import EngineSettings, OrderLog

    settings = EngineSettings(memory_limit=args.memory_limit, temp_directory=args.temp_dir,
                              threads=args.threads)
    columns = _typed_parquet_columns(args)
    if args.engine == "spark":
        from clvdesk.core.orderlog.spark import SparkOrderLog

        if columns is not None:
            log = SparkOrderLog.from_file(args.orders, columns=columns)
        else:
            imported = _read(args)
            log = SparkOrderLog.from_frame(imported.orders)
            return log, len(imported.orders) + len(imported.dropped), len(
                imported.dropped) + log.dropped
        return log, log.rows + log.dropped, log.dropped
    if columns is not None:  # rows with every column empty are not rows, as for the reader
        log = OrderLog.from_file(args.orders, columns=columns, settings=settings)
        left_out = log.drop_record.total
        return log, log.rows + left_out, left_out
    imported = _read(args)
    log = OrderLog.from_frame(imported.orders, settings=settings)
    return log, len(imported.orders) + len(imported.dropped), len(imported.dropped) + log.dropped


def _typed_parquet_columns(args: argparse.Namespace) -> dict[str, str] | None:
    """Canonical -> file column when the engine reads the order file itself
    (:func:`clvdesk.core.orderlog.files.engine_columns`: a typed Parquet file, no reader
    option given); else None (the reader reads it)."""
    from clvdesk.core.orderlog.files import READER_OPTIONS, engine_columns

    mapping = {role: getattr(args, flag) for role, flag in (
        ("customer_id", "customer_col"), ("date", "date_col"), ("amount", "amount_col"))
        if getattr(args, flag, None)}
    for item in getattr(args, "map", None) or []:
        role, _, column = item.partition("=")
        if column.strip():
            mapping[role.strip()] = column.strip()
    options = {name: getattr(args, name, None) for name in READER_OPTIONS}
    return engine_columns(args.orders, mapping, options)


def _add_file_arguments(parser) -> None:
    parser.add_argument("orders", metavar="ORDERS", help="order file (csv, txt, xlsx, parquet)")
    add_import_arguments(parser)


def _target(args: argparse.Namespace) -> Path | None:
    """The checked ``-o`` path: a table format, an existing folder, not the order file."""
    from clvdesk.core.io.tables import TABLE_FORMATS

    if not args.output:
        return None
    return output_path(args.output, [args.orders], TABLE_FORMATS)


def _read(args: argparse.Namespace, mapping: dict[str, str] | None = None):
    """The order file read with the import flags; ``mapping`` adds to (and beats) ``--map``."""
    from clvdesk.core.dates import parse_date
    from clvdesk.core.io.readers import read_orders

    for flag in ("end", "holdout_end"):  # checked before the file is read
        parse_date(f"--{flag.replace('_', '-')}", getattr(args, flag, None))
    options = import_options(args)
    if mapping:
        options["mapping"] = {**options.get("mapping", {}), **mapping}
    imported = read_orders(args.orders, **options)
    if len(imported.dropped) and not args.json:
        print(f"note: {len(imported.dropped)} row(s) of {args.orders} left out "
              "(run `clvdesk quality` for the reasons)", file=sys.stderr)
    return imported


def _summarize(args: argparse.Namespace) -> int:
    from clvdesk.core import units
    from clvdesk.core.errors import InputError
    from clvdesk.core.io.tables import write_table
    from clvdesk.core.summary import summarize

    period = units.parse_unit(args.period)
    if period == "years":
        raise InputError("period must be days, weeks or months")
    target = _target(args)
    log, rows_read, left_out = _order_log(args)
    try:
        summary = summarize(log, period=period, end=args.end, holdout_end=args.holdout_end)
    finally:
        log.close()
    if target is not None:
        write_table(summary, target)
    overview = _overview(summary, rows_read, left_out)
    if args.json:
        print_json({**overview, "output": None if target is None else str(target)})
        return 0
    width = max(len(k) for k in overview)
    for key, value in overview.items():
        print(f"{key.replace('_', ' '):<{width}}  {value}")
    if target is not None:
        print(f"wrote {len(summary):,} customers to {target}")
    return 0


def _segments(args: argparse.Namespace) -> int:
    from clvdesk.cli.scenarios_cmd import print_grid
    from clvdesk.core.errors import InputError
    from clvdesk.core.io.mapping import CANONICAL
    from clvdesk.core.io.tables import write_table
    from clvdesk.core.numbers import parse_user_number
    from clvdesk.core.segments import segment_clv

    target = _target(args)
    column = args.segment_col
    mapping = None
    if column is not None and column.lower() != "none" and column not in CANONICAL:
        mapping = {"segment": column}  # a column of the file: read it as the segment
    imported = _read(args, mapping)
    orders = imported.orders
    if column is None:
        column = "segment" if "segment" in orders.columns else None
    elif column.lower() == "none":
        column = None
    elif mapping is not None:
        column = "segment"
    cac = args.cac
    if args.segment_cac:
        by_segment = {}
        for item in args.segment_cac:
            name, sep, value = item.rpartition("=")
            if not sep or not name:
                raise InputError(f"--segment-cac takes NAME=VALUE, got {item!r}")
            by_segment[name] = parse_user_number(f"--segment-cac {name}", value)
        cac = by_segment if cac is None else {**_all_segments(orders, column, cac), **by_segment}
    table = segment_clv(
        orders, column, end=args.end,
        lifespan_years=args.lifespan, margin=args.margin, cac=cac,
    )
    if target is not None:
        write_table(table, target)
    if args.json:
        print_json({"segments": table.reset_index().to_dict(orient="records"),
                    "output": None if target is None else str(target)})
        return 0
    header = ["segment", "customers", "revenue", "AOV", "orders/yr", "years", "LTV", "CAC",
              "CLV", "LTV:CAC", "payback (mo)"]
    rows = [[str(name), f"{row['customers']:,}", f"{row['revenue']:,.2f}", f"{row['aov']:,.2f}",
             f"{row['frequency_per_year']:.2f}", f"{row['lifespan_years']:.2f}",
             f"{row['ltv']:,.2f}", f"{row['cac']:,.2f}", f"{row['clv']:,.2f}",
             "-" if row["ltv_cac"] != row["ltv_cac"] else f"{row['ltv_cac']:.2f}",
             _months(row["payback_months"])]
            for name, row in table.iterrows()]
    print_grid(header, rows)
    if target is not None:
        print(f"wrote {len(table)} segments to {target}")
    return 0


def _all_segments(orders, column, cac: float) -> dict[str, float]:
    """``cac`` for every segment value of ``column`` (before per-segment overrides)."""
    from clvdesk.core.segments import MISSING_LABEL

    if column is None:
        return {}
    values = orders[column].astype("string").str.strip()
    names = set(values.dropna()) - {""}
    if values.isna().any() or (values == "").any():
        names.add(MISSING_LABEL)
    return dict.fromkeys(names, cac)


def _cohorts(args: argparse.Namespace) -> int:
    from clvdesk.cli.scenarios_cmd import print_grid
    from clvdesk.core.cohorts import cohort_table
    from clvdesk.core.io.tables import write_table

    target = _target(args)
    imported = _read(args)
    table = cohort_table(
        imported.orders, end=args.end,
        margin=args.margin, cac=args.cac, max_months=args.max_months,
    )
    wide = table.summary.join(table.revenue.add_prefix("revenue_month_"))
    if target is not None:
        write_table(wide, target)
    if args.json:
        print_json({name: frame.reset_index().to_dict(orient="records")
                    for name, frame in table.frames().items()}
                   | {"output": None if target is None else str(target)})
        return 0
    months = list(table.revenue.columns)
    shown = months if len(months) <= 8 else sorted({*months[:4], *months[-4:]})
    header = ["cohort", "customers", "repeat", *[f"m{m}" for m in shown], "payback month"]
    rows = []
    for name, row in table.summary.iterrows():
        revenue = table.revenue.loc[name]
        rows.append([str(name), f"{int(row['customers']):,}", f"{row['repeat_rate']:.0%}",
                     *["-" if revenue[m] != revenue[m] else f"{revenue[m]:,.2f}" for m in shown],
                     "-" if row["payback_month"] != row["payback_month"]
                     else f"{row['payback_month']:.0f}"])
    print("cumulative revenue per customer by months since the first order (m0 = that month)")
    print_grid(header, rows)
    if target is not None:
        print(f"wrote {len(wide)} cohorts to {target}")
    return 0


def _months(value: float) -> str:
    if value != value:
        return "-"
    return "never" if value == float("inf") else f"{value:.1f}"


def _overview(summary: pd.DataFrame, rows_read: int, left_out: int) -> dict:
    """Headline figures of a summary, for the terminal and --json.

    ``orders`` counts the order rows up to the end date; ``rows_read`` all data rows of the file.
    """
    from clvdesk.core.summary import repeat_customers

    attrs = summary.attrs
    overview = {
        "customers": len(summary),
        "orders": int(summary["n_orders"].sum()),
        "rows_read": rows_read,
        "rows_left_out": left_out,
        "repeat_customers": repeat_customers(summary),
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
