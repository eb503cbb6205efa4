"""Closed-form CLV on the command line: ``simple``, ``retention``, ``lifespan``, ``ltv-cac``,
``payback``.

Numbers may use a decimal comma (``12,5``); rates and margins may be given as percentages
(``30%``). Each command prints a small readable table, or a JSON object with ``--json``.
"""

from __future__ import annotations

import argparse
import math

from clvdesk.cli.arguments import amount, rate
from clvdesk.cli.output import add_json_flag, print_json


def register(subparsers) -> None:
    """Add the closed-form subcommands."""
    simple = subparsers.add_parser(
        "simple",
        help="simple CLV = AOV x purchases per year x lifespan x margin - CAC",
        description="Simple CLV: average order value x purchases per year x lifespan in years, "
        "on gross margin, plus referral value, minus acquisition cost. Optional yearly spend "
        "growth and discounting (end-of-year convention).",
    )
    simple.add_argument("--aov", type=amount, required=True, help="average order value (currency)")
    simple.add_argument("--frequency", type=amount, required=True,
                        help="purchases per customer per year")
    life = simple.add_mutually_exclusive_group(required=True)
    life.add_argument("--lifespan", type=amount, help="customer lifespan in years")
    life.add_argument("--churn-rate", type=rate,
                      help="yearly churn, 0.2 or 20%% (lifespan = 1 / churn)")
    simple.add_argument("--cac", type=amount, default="0",
                        help="acquisition cost per customer (default 0)")
    simple.add_argument("--margin", type=rate, default="1",
                        help="gross margin, 0.3 or 30%% (default 1)")
    simple.add_argument("--referral-value", type=amount, default="0",
                        help="value of referrals per customer (currency, default 0)")
    simple.add_argument("--growth-rate", type=rate, default="0",
                        help="yearly growth of spend, 0.05 or 5%% (default 0)")
    simple.add_argument("--discount-rate", type=rate, default="0",
                        help="yearly discount rate, 0.1 or 10%% (default 0)")
    add_json_flag(simple)
    simple.set_defaults(handler=_simple)

    retention = subparsers.add_parser(
        "retention",
        help="retention CLV = m r / (1 + d - r), or a finite sum over periods",
        description="Retention-based CLV (Gupta & Lehmann 2003): margin per period, retention "
        "and discount rate per period; infinite horizon unless --periods is given.",
    )
    retention.add_argument("--margin", type=amount, required=True,
                           help="margin per customer per period (currency)")
    retention.add_argument("--retention", type=rate, required=True,
                           help="retention per period, 0.8 or 80%%")
    retention.add_argument("--discount-rate", type=rate, required=True,
                           help="discount rate per period, 0.1 or 10%%")
    retention.add_argument("--periods", type=amount,
                           help="number of periods (default: infinite horizon)")
    add_json_flag(retention)
    retention.set_defaults(handler=_retention)

    lifespan = subparsers.add_parser(
        "lifespan", help="expected lifespan = 1 / churn rate",
        description="Expected customer lifespan from a churn rate, in the churn rate's period.",
    )
    lifespan.add_argument("--churn-rate", type=rate, required=True,
                          help="churn per period, 0.2 or 20%%")
    add_json_flag(lifespan)
    lifespan.set_defaults(handler=_lifespan)

    ratio = subparsers.add_parser(
        "ltv-cac", help="LTV:CAC ratio", description="Lifetime value (before CAC) divided by CAC."
    )
    ratio.add_argument("--ltv", type=amount, required=True,
                       help="lifetime value before CAC (currency)")
    ratio.add_argument("--cac", type=amount, required=True,
                       help="acquisition cost per customer (currency)")
    add_json_flag(ratio)
    ratio.set_defaults(handler=_ltv_cac)

    payback = subparsers.add_parser(
        "payback", help="CAC payback in months",
        description="Months until the margin of a customer repays the acquisition cost.",
    )
    payback.add_argument("--cac", type=amount, required=True,
                         help="acquisition cost per customer (currency)")
    payback.add_argument("--monthly-revenue", type=amount, required=True,
                         help="revenue per customer per month (currency)")
    payback.add_argument("--margin", type=rate, default="1",
                         help="gross margin, 0.3 or 30%% (default 1)")
    add_json_flag(payback)
    payback.set_defaults(handler=_payback)


def _simple(args: argparse.Namespace) -> int:
    from clvdesk.core.formulas import lifespan_from_churn
    from clvdesk.core.scenarios import Scenario

    if args.churn_rate is not None:
        lifespan = lifespan_from_churn(args.churn_rate)
    else:
        lifespan = args.lifespan
    scenario = Scenario(
        name="simple",
        aov=args.aov,
        frequency=args.frequency,
        lifespan=lifespan,
        cac=args.cac,
        margin=args.margin,
        referral_value=args.referral_value,
        growth_rate=args.growth_rate,
        discount_rate=args.discount_rate,
    )
    results = scenario.results()
    if args.json:
        print_json({"clv": results["clv"], **results, "inputs": scenario.inputs()})
        return 0
    _print_rows([
        ("average order value", _money(scenario.aov)),
        ("purchases per year", f"{scenario.frequency:g}"),
        ("lifespan (years)", f"{scenario.lifespan:g}"),
        ("gross margin", f"{scenario.margin:.0%}"),
        *_optional_rows(scenario),
        ("lifetime value before CAC", _money(results["ltv"])),
        ("acquisition cost (CAC)", _money(scenario.cac)),
        ("CLV", _money(results["clv"])),
        ("LTV:CAC", _ratio(results["ltv_cac"])),
        ("CAC payback (months)", _months(results["payback_months"])),
    ])
    return 0


def _optional_rows(scenario) -> list[tuple[str, str]]:
    rows = []
    if scenario.referral_value:
        rows.append(("referral value", _money(scenario.referral_value)))
    if scenario.growth_rate:
        rows.append(("spend growth per year", f"{scenario.growth_rate:.1%}"))
    if scenario.discount_rate:
        rows.append(("discount rate per year", f"{scenario.discount_rate:.1%}"))
    return rows


def _retention(args: argparse.Namespace) -> int:
    from clvdesk.core.formulas import retention_clv

    margin = args.margin
    retention = args.retention
    discount = args.discount_rate
    periods = args.periods
    clv = retention_clv(margin, retention, discount, periods)
    if args.json:
        print_json({"clv": clv, "margin": margin, "retention": retention,
                    "discount_rate": discount, "periods": periods})
        return 0
    _print_rows([
        ("margin per period", _money(margin)),
        ("retention per period", f"{retention:.1%}"),
        ("discount rate per period", f"{discount:.1%}"),
        ("periods", "infinite" if periods is None else f"{periods:g}"),
        ("CLV", _money(clv)),
    ])
    return 0


def _lifespan(args: argparse.Namespace) -> int:
    from clvdesk.core.formulas import lifespan_from_churn

    churn = args.churn_rate
    lifespan = lifespan_from_churn(churn)
    if args.json:
        print_json({"lifespan": lifespan, "churn_rate": churn})
        return 0
    _print_rows([("churn rate", f"{churn:.1%}"),
                 ("expected lifespan (periods)", f"{lifespan:,.2f}")])
    return 0


def _ltv_cac(args: argparse.Namespace) -> int:
    from clvdesk.core.formulas import ltv_cac_ratio

    ltv = args.ltv
    cac = args.cac
    ratio = ltv_cac_ratio(ltv, cac)
    if args.json:
        print_json({"ltv_cac": ratio, "ltv": ltv, "cac": cac})
        return 0
    _print_rows([("LTV", _money(ltv)), ("CAC", _money(cac)), ("LTV:CAC", _ratio(ratio))])
    return 0


def _payback(args: argparse.Namespace) -> int:
    from clvdesk.core.formulas import cac_payback_months

    cac = args.cac
    revenue = args.monthly_revenue
    margin = args.margin
    months = cac_payback_months(cac, revenue, margin)
    if args.json:
        print_json({"payback_months": months, "cac": cac, "monthly_revenue": revenue,
                    "margin": margin})
        return 0
    _print_rows([("CAC", _money(cac)), ("revenue per month", _money(revenue)),
                 ("gross margin", f"{margin:.0%}"), ("CAC payback (months)", _months(months))])
    return 0


def _print_rows(rows: list[tuple[str, str]]) -> None:
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value:>12}")


def _money(value: float) -> str:
    return f"{value:,.2f}"


def _ratio(value: float) -> str:
    return "n/a (no CAC)" if math.isnan(value) else f"{value:,.2f}"


def _months(value: float) -> str:
    return "never" if math.isinf(value) else f"{value:,.1f}"
