"""``clvdesk actions ORDERS``: who to keep, what each lever is worth, and the NPS link.

Runs the whole analysis on an order file (import flags as ``clvdesk quality``; model settings as
``clvdesk predict``) and prints the action lists: customers per value tier and lifecycle
status with the CLV at stake, the lever that pays most per segment, NPS groups when the orders
have a score. ``-o LIST`` writes the "high value, at risk" customers
(``--tiers``, ``--statuses``) for a CRM campaign, ``.csv`` or ``.xlsx`` in ``--language`` (a
Dutch csv: ``;``, decimal comma). ``--json`` prints everything, ``--customers`` with one row per
customer.
"""

from __future__ import annotations

import argparse

from clvdesk.cli.arguments import amount, rate
from clvdesk.cli.fit_cmd import TRANSACTION_MODELS, add_period_options, load_summary
from clvdesk.cli.output import add_json_flag, output_path, print_json
from clvdesk.cli.quality_cmd import add_import_arguments, import_options


def _floats(text: str) -> tuple[float, ...]:
    """Cut points as ``0.10,0.30``, ``10%,30%`` or ``0,1;0,3`` (``;`` between decimal commas)."""
    parts = text.split(";") if ";" in text else text.split(",")
    return tuple(rate(v) for v in parts if v.strip())


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "actions", help="value tiers, churn risk, customers to keep, levers per segment, NPS",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("orders", metavar="ORDERS", help="order file")
    parser.add_argument("--model", default="bgnbd", type=str.lower,
                        help=f"transaction model: {', '.join(TRANSACTION_MODELS)} (default bgnbd)")
    parser.add_argument("--horizon", type=amount, default=12.0, help="CLV horizon (default 12)")
    parser.add_argument("--horizon-unit", default="months", type=str.lower,
                        help="unit of --horizon (default months)")
    add_period_options(parser)
    parser.add_argument("--margin", type=rate, default=1.0,
                        help="margin: 0.3, 0,3 or 30%% (default 1 = 100 %%)")
    parser.add_argument("--discount-rate", type=rate, default=0.10,
                        help="annual discount rate (default 0.10)")
    parser.add_argument("--cac", type=amount, help="acquisition cost per customer")
    parser.add_argument("--segment-column", metavar="COLUMN", help="order column of segments")
    parser.add_argument("--tier-cuts", default="0.10,0.30", type=_floats,
                        help="cumulative shares closing the value tiers (default 0.10,0.30)")
    parser.add_argument("--churn-days", type=amount, default=90.0,
                        help="churn risk window in days (default 90)")
    parser.add_argument("--lever-step", type=rate, default=0.05,
                        help="lever step (default 0.05 = 5 %%)")
    parser.add_argument("--referral-value", type=amount, default=0.0,
                        help="value of referrals per promoter, added to their CLV (default 0)")
    parser.add_argument("--tiers", default="1", help="tiers of the list (default 1 = top)")
    parser.add_argument("--statuses", default="at_risk",
                        help="statuses of the list: new, active, at_risk, lapsed (default at_risk)")
    parser.add_argument("--language", choices=("en", "nl"), default="en",
                        help="language and locale of the list and the sentences (default en)")
    parser.add_argument("--currency", default="€", help="currency symbol (default €)")
    parser.add_argument("--customers", action="store_true",
                        help="with --json: one row per customer")
    parser.add_argument("-o", "--output", metavar="LIST",
                        help="write the customer list (.csv or .xlsx)")
    add_import_arguments(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from clvdesk.core.actions import ActionSettings, lever_sentence
    from clvdesk.core.errors import InputError
    from clvdesk.core.io.action_list import write_action_list
    from clvdesk.core.pipeline import Assumptions, run_analysis

    settings = ActionSettings(
        tier_cuts=args.tier_cuts, churn_days=args.churn_days, lever_step=args.lever_step,
        referral_value=args.referral_value,
        priority_tiers=tuple(int(float(v)) for v in args.tiers.split(",") if v.strip()),
        priority_statuses=tuple(v.strip() for v in args.statuses.split(",") if v.strip()))
    out = output_path(args.output) if args.output else None
    data = load_summary(args.orders, ("frequency", "recency", "T"), period=args.period,
                        end=args.end, with_ids=True, segment_col=args.segment_column,
                        read_options=import_options(args))
    if data.orders is None:
        raise InputError("actions need an order file (the NPS and segments come from the "
                         "orders), not a summary file", code="actions_need_orders")
    orders, segment_col = data.orders, data.segment_col
    assumptions = Assumptions(
        period=args.period, end=args.end, horizon=args.horizon, horizon_unit=args.horizon_unit,
        margin=args.margin, annual_discount_rate=args.discount_rate, cac=args.cac,
        segment_col=segment_col, model=args.model, n_draws=0, compare_models=(),
        actions=settings)
    result = run_analysis(orders, assumptions)
    actions = result.actions
    if out is not None:
        write_action_list(actions.priority, out, tier_labels=actions.tier_labels(args.language),
                          language=args.language)
    if args.json:
        data = actions.to_dict(customers=args.customers)
        data["sentences"] = [lever_sentence(row, actions, args.language, args.currency)
                             for _, row in actions.best_levers.iterrows()]
        data["output"] = None if out is None else str(out)
        data["priority_customers"] = len(actions.priority)
        print_json(data)
        return 0
    _print_text(actions, args.language, args.currency)
    if out is not None:
        print(f"wrote {out} ({len(actions.priority):,} customers)")
    return 0


def _print_text(actions, language: str, currency: str) -> None:
    from clvdesk.core.actions import STATUSES, lever_sentence

    labels = actions.tier_labels(language)
    matrix = actions.matrix
    print("customers (CLV at stake) by value tier and status")
    print(f"{'':>16}" + "".join(f"{s:>22}" for s in STATUSES))
    for tier, rows in matrix.groupby("tier"):
        cells = "".join(f"{int(r.customers):>8,} ({currency}{r.clv:>10,.0f})"
                        for r in rows.itertuples())
        print(f"{labels[tier]:>16}{cells}")
    print()
    for _, row in actions.best_levers.iterrows():
        print(lever_sentence(row, actions, language, currency))
    if actions.nps is not None:
        print()
        print(f"NPS {actions.nps_score:.0f}")
        for r in actions.nps.itertuples():
            print(f"{r.group:>10}: {r.customers:,} customers, CLV {currency}{r.clv_mean:,.2f} "
                  f"({r.clv_low:,.2f} - {r.clv_high:,.2f}), P(alive) {r.p_alive_mean:.2f}, "
                  f"churn risk {r.churn_risk_mean:.2f}")
    print(f"\n{len(actions.priority):,} customers on the list")
