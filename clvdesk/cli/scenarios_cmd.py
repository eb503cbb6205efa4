"""``clvdesk scenarios``: compare what-if scenarios of the simple CLV from a TOML or JSON file."""

from __future__ import annotations

import argparse
import math
from typing import TYPE_CHECKING

from clvdesk.cli.arguments import rate
from clvdesk.cli.output import add_json_flag, output_path, print_json

if TYPE_CHECKING:
    import pandas as pd


def register(subparsers) -> None:
    """Add the ``scenarios`` subcommand."""
    parser = subparsers.add_parser(
        "scenarios",
        help="compare CLV scenarios from a TOML or JSON file",
        description="Compare named sets of simple-CLV inputs side by side: CLV, LTV:CAC, "
        "payback and the difference to a baseline. Without FILE: the built-in example (a "
        "repeat buyer against a one-time buyer). File format: TOML [[scenario]] tables (or a "
        "JSON list) with name, aov, frequency, lifespan and optional cac, margin, "
        "referral_value, growth_rate, discount_rate; rates as 0.3 or \"30%\".",
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help="scenario file (.toml, .json)")
    parser.add_argument("--baseline", metavar="NAME",
                        help="scenario to compare against (default: the first)")
    parser.add_argument("--sensitivity", action="store_true",
                        help="also show each driver of the baseline -/+ the step")
    parser.add_argument("--step", type=rate, default="0.10",
                        help="sensitivity step (default 0.10 = 10%%)")
    parser.add_argument("-o", "--output", help="write the comparison here (.csv, .xlsx, .parquet)")
    add_json_flag(parser)
    parser.set_defaults(handler=_scenarios)


def _scenarios(args: argparse.Namespace) -> int:
    from clvdesk.core.io.tables import TABLE_FORMATS, write_table
    from clvdesk.core.scenarios import DEMO_SCENARIOS, compare, load_scenarios, sensitivity

    target = None if not args.output else output_path(args.output, [args.file], TABLE_FORMATS)
    scenarios = list(DEMO_SCENARIOS) if args.file is None else load_scenarios(args.file)
    table = compare(scenarios, baseline=args.baseline)
    base_name = table.attrs["baseline"]
    tornado = None
    if args.sensitivity:
        step = args.step
        tornado = sensitivity(next(s for s in scenarios if s.name == base_name), step=step)
    if args.output:
        write_table(table, target)
    if args.json:
        result = {"baseline": base_name,
                  "scenarios": table.reset_index().to_dict(orient="records")}
        if tornado is not None:
            result["sensitivity"] = tornado.reset_index().to_dict(orient="records")
        print_json(result)
        return 0
    print_comparison(table)
    if tornado is not None:
        print()
        print_sensitivity(tornado)
    if args.output:
        print(f"wrote {len(table)} scenarios to {args.output}")
    return 0


def print_comparison(table: pd.DataFrame) -> None:
    """Print a :func:`~clvdesk.core.scenarios.compare` table as readable columns."""
    base = table.attrs.get("baseline")
    header = ["scenario", "AOV", "per year", "years", "margin", "CAC", "CLV", "LTV:CAC",
              "payback (mo)", f"vs {base}"]
    rows = []
    for name, row in table.iterrows():
        rows.append([
            str(name), f"{row['aov']:,.2f}", f"{row['frequency']:g}", f"{row['lifespan']:g}",
            f"{row['margin']:.0%}", f"{row['cac']:,.2f}", f"{row['clv']:,.2f}",
            "-" if math.isnan(row["ltv_cac"]) else f"{row['ltv_cac']:.2f}",
            "never" if math.isinf(row["payback_months"]) else f"{row['payback_months']:.1f}",
            "baseline" if name == base else f"{row['clv_vs_baseline']:+,.2f}",
        ])
    print_grid(header, rows)


def print_sensitivity(tornado: pd.DataFrame) -> None:
    """Print a :func:`~clvdesk.core.scenarios.sensitivity` table, largest swing first."""
    step = tornado.attrs.get("step", 0.10)
    print(f"Sensitivity of '{tornado.attrs.get('scenario')}': each driver -/+ {step:.0%}")
    header = ["driver", "value", "CLV at -", "CLV at +", "swing"]
    rows = [[str(driver), f"{row['value']:g}", f"{row['clv_low']:,.2f}",
             f"{row['clv_high']:,.2f}", f"{row['swing']:,.2f}"]
            for driver, row in tornado.iterrows()]
    print_grid(header, rows)


def print_grid(header: list[str], rows: list[list[str]]) -> None:
    """Print rows of text cells as aligned columns: the first left, the others right."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for line in [header, *rows]:
        cells = [line[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(line[1:], widths[1:],
                                                                         strict=True)]
        print("  ".join(cells).rstrip())
