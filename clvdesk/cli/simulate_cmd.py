"""``clvdesk simulate -o orders.csv``: draw an order log with known truth (planning, testing).

Purchases from BG/NBD (``--model bgnbd``, parameters r, alpha, a, b) or Pareto/NBD
(``--model pareto-nbd``: r, alpha, s, beta), spend from Gamma-Gamma (p, q, gamma), all per
``--period``; defaults are the published CDNOW estimates in weeks, so
``clvdesk simulate -o orders.csv`` gives a CDNOW-like base of 2,000 customers.
``--returns``, ``--duplicates`` and ``--same-day`` add the mess of a real export;
``--holdout`` extends the log past the calibration end, ``--future`` simulates a window after
the log whose purchases only the truth file shows. ``--truth FILE`` writes the truth per
customer (alive at the end, dropout date, purchase rate, future purchases and next purchase
date).

Example: ``clvdesk simulate --customers 500 --params r=0.5,alpha=8,a=1,b=3 --spend
p=5,q=4,gamma=60 --returns 0.03 --future 13 -o b2b.csv --truth b2b_truth.csv``.
"""

from __future__ import annotations

import argparse

from clvdesk.cli.arguments import amount, rate
from clvdesk.cli.output import add_json_flag, output_path, print_json


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "simulate", help="draw a simulated order log (BG/NBD or Pareto/NBD, Gamma-Gamma spend)",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--model", default="bgnbd", type=str.lower,
                        help="purchase model: bgnbd (default) or pareto-nbd")
    parser.add_argument("--customers", type=int, default=2000,
                        help="number of customers (default 2000)")
    parser.add_argument("--params", metavar="NAME=VALUE,...",
                        help="purchase parameters by name (default: CDNOW's published ones)")
    parser.add_argument("--spend", metavar="p=..,q=..,gamma=..",
                        help="Gamma-Gamma spend parameters (default p=6.25,q=3.74,gamma=15.44)")
    parser.add_argument("--no-spend", action="store_true",
                        help="every order is 1.00 (purchases only)")
    parser.add_argument("--period", default="weeks", type=str.lower,
                        help="time unit of the rates and of the durations below (default weeks)")
    parser.add_argument("--start", default="2024-01-01", metavar="YYYY-MM-DD",
                        help="first day of the log (default 2024-01-01)")
    parser.add_argument("--acquisition", type=amount, default=12.0, metavar="PERIODS",
                        help="first purchases spread over this many periods (default 12)")
    parser.add_argument("--calibration", type=amount, default=39.0, metavar="PERIODS",
                        help="periods from --start to the calibration end (default 39)")
    parser.add_argument("--holdout", type=amount, default=0.0, metavar="PERIODS",
                        help="log continues this long after the calibration end (default 0)")
    parser.add_argument("--future", type=amount, default=0.0, metavar="PERIODS",
                        help="truth-only window after the log (default 0)")
    parser.add_argument("--returns", type=rate, default=0.0, metavar="SHARE",
                        help="share of orders with a partial return a few days later")
    parser.add_argument("--duplicates", type=rate, default=0.0, metavar="SHARE",
                        help="share of rows exported twice")
    parser.add_argument("--same-day", type=rate, default=0.0, metavar="SHARE",
                        help="share of purchases split into two orders on one day")
    parser.add_argument("--no-order-ids", action="store_true",
                        help="leave out the order_id column")
    parser.add_argument("--seed", type=int, help="random seed (for a reproducible base)")
    parser.add_argument("-o", "--output", required=True, metavar="ORDERS",
                        help="order log: .csv, .xlsx or .parquet")
    parser.add_argument("--truth", metavar="FILE",
                        help="also write the truth per customer (.csv, .xlsx or .parquet)")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def parse_pairs(text: str | None, flag: str) -> dict[str, float] | None:
    """``"r=0.24,alpha=4.4"`` -> ``{"r": 0.24, "alpha": 4.4}``; InputError naming ``flag``."""
    from clvdesk.core.errors import InputError

    if text is None:
        return None
    pairs = {}
    for item in text.replace(";", ",").split(","):
        if not item.strip():
            continue
        name, sep, value = item.partition("=")
        try:
            if not sep:
                raise ValueError
            pairs[name.strip()] = float(value)
        except ValueError:
            raise InputError(f"{flag} must be name=value pairs separated by commas, like "
                             f"r=0.24,alpha=4.4; got {item.strip()!r}",
                             code="bad_parameter_pairs", flag=flag, item=item.strip()) from None
    return pairs


def run(args) -> int:
    from clvdesk.core.errors import InputError
    from clvdesk.core.io.tables import write_table
    from clvdesk.core.simulate import simulate

    out = output_path(args.output)
    truth_path = output_path(args.truth) if args.truth else None
    for path in (out, truth_path):
        if path is not None and path.suffix.lower() not in (".csv", ".xlsx", ".parquet"):
            raise InputError(f"{path.name}: the file must end in .csv, .xlsx or .parquet",
                             code="bad_output_extension", file=path.name)
    if args.no_spend and args.spend:
        raise InputError("give --spend or --no-spend, not both", code="spend_and_no_spend")
    spend = False if args.no_spend else (parse_pairs(args.spend, "--spend") or True)
    base = simulate(
        args.customers, model=args.model, params=parse_pairs(args.params, "--params"),
        spend_params=spend, period=args.period, start=args.start,
        acquisition_periods=args.acquisition, calibration_periods=args.calibration,
        holdout_periods=args.holdout, future_periods=args.future, returns=args.returns,
        duplicates=args.duplicates, same_day=args.same_day, order_ids=not args.no_order_ids,
        seed=args.seed,
    )
    write_table(base.orders, out)
    if truth_path is not None:
        write_table(base.truth.reset_index(), truth_path)
    if args.json:
        truth = base.truth
        print_json({
            "output": str(out), "truth": None if truth_path is None else str(truth_path),
            "orders": len(base.orders), "customers": len(truth),
            "alive_at_end": int(truth["alive_at_end"].sum()),
            "repeat_buyers": int((truth["repeat_purchases"] > 0).sum()),
            **base.settings,
        })
    else:
        print(f"wrote {out} ({len(base.orders):,} order rows, {len(base.truth):,} customers, "
              f"calibration end {base.end}" + (f", log end {base.log_end}" if base.holdout_end
                                               else "") + ")")
        if truth_path is not None:
            print(f"wrote {truth_path} (truth per customer)")
    return 0
