"""``clvdesk predict MODEL ORDERS -o OUT``: per-customer P(alive), purchases and CLV.

ORDERS is an order file (csv/tsv/txt, xlsx, parquet; read with the import flags shared by every
command that reads orders, see ``clvdesk quality --help``), summarised in ``--period`` up to
``--end``; the whole analysis runs as in the app (:func:`clvdesk.core.pipeline.run_analysis`).
A summary file (frequency, recency, T, and monetary_value for a spend model) works too.
OUT by extension: ``.csv``/``.parquet`` one row per customer (customer_id, frequency, recency, T,
p_alive, expected_purchases, and with ``--spend-model`` expected_spend, clv, clv_low, clv_high);
``.xlsx`` the full report workbook (from an order file; money in ``--currency``, euro by
default). The horizon is in ``--horizon-unit``
whatever the data's period; CLV is the margin on expected spend, discounted monthly at
``--discount-rate`` a year.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

from clvdesk.cli.fit_cmd import TRANSACTION_MODELS, add_period_options, load_summary
from clvdesk.cli.output import add_json_flag, output_path, print_json
from clvdesk.cli.quality_cmd import add_import_arguments, import_options

#: Currency of the report workbook's money cells unless ``--currency`` says otherwise (the
#: default of :func:`clvdesk.core.io.report.write_report`).
DEFAULT_CURRENCY = "€"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "predict", help="predict P(alive), purchases and CLV per customer into a file",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("model", metavar="MODEL", type=str.lower,
                        help=f"transaction model: {', '.join(TRANSACTION_MODELS)}")
    parser.add_argument("orders", metavar="ORDERS", help="order file (or customer summary file)")
    parser.add_argument("--horizon", type=float, default=12.0,
                        help="how far ahead to predict (default 12)")
    parser.add_argument("--horizon-unit", default="months", type=str.lower,
                        help="unit of --horizon: days, weeks, months (default) or years")
    add_period_options(parser)
    parser.add_argument("--holdout-end", metavar="YYYY-MM-DD",
                        help="hold out the orders after --end up to this day for the model check "
                             "in the report")
    parser.add_argument("--spend-model", choices=("gamma-gamma", "none"), default="none",
                        help="spend model for expected spend and CLV (default none: purchases "
                             "only)")
    parser.add_argument("--margin", type=float, default=1.0,
                        help="share of revenue that is profit, 0..1 (default 1: CLV as revenue)")
    parser.add_argument("--discount-rate", type=float, default=0.10,
                        help="annual discount rate, 0..1 (default 0.10 = 10 %% a year)")
    parser.add_argument("--interval", type=float, default=0.90,
                        help="width of the CLV interval (default 0.90)")
    parser.add_argument("--draws", type=int, default=200,
                        help="parameter draws for the CLV interval (default 200; 0: none)")
    parser.add_argument("--seed", type=int, default=2005, help="random seed of the draws")
    parser.add_argument("--segment-column", metavar="COLUMN",
                        help="order column that splits customers into segments (e.g. channel)")
    parser.add_argument("--cac", type=float,
                        help="acquisition cost per customer (default: from an acquisition_cost "
                             "column, else 0)")
    parser.add_argument("--language", choices=("en", "nl"), default="en",
                        help="language of the report workbook (default en)")
    parser.add_argument("--currency", default=DEFAULT_CURRENCY, metavar="SYMBOL",
                        help="currency of the money cells in the .xlsx report, as shown: a "
                             "symbol or code of at most 5 characters, e.g. $, £, USD "
                             f"(default {DEFAULT_CURRENCY})")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="output file: .csv, .parquet, or .xlsx for the report workbook")
    add_import_arguments(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from clvdesk.core.errors import InputError
    from clvdesk.core.pipeline import Assumptions

    if args.model not in TRANSACTION_MODELS:
        raise InputError(f"predict needs a transaction model: {', '.join(TRANSACTION_MODELS)}")
    out = output_path(args.output, [args.orders], (".csv", ".parquet", ".xlsx"))
    suffix = out.suffix.lower()
    currency = _currency(args.currency)
    spend_model = None if args.spend_model == "none" else args.spend_model
    assumptions = Assumptions(
        period=args.period, end=args.end, holdout_end=args.holdout_end, horizon=args.horizon,
        horizon_unit=args.horizon_unit, margin=args.margin,
        annual_discount_rate=args.discount_rate, cac=args.cac,
        segment_col=args.segment_column, model=args.model, spend_model=spend_model,
        interval=args.interval, n_draws=args.draws, seed=args.seed,
    ).validated()
    required = ("frequency", "recency", "T") + (("monetary_value",) if spend_model else ())
    data = load_summary(args.orders, required, period=assumptions.period,
                        end=args.end, holdout_end=args.holdout_end, with_ids=True,
                        segment_col=args.segment_column, read_options=import_options(args))
    if data.orders is not None:
        assumptions = dataclasses.replace(assumptions, segment_col=data.segment_col)
        predictions, totals, report = _from_orders(data.orders, assumptions, out, args.language,
                                                   currency)
    else:
        if suffix == ".xlsx":
            raise InputError("the report workbook needs an order file; for a summary file "
                             "write .csv or .parquet")
        if args.segment_column or args.holdout_end:
            raise InputError("--segment-column and --holdout-end need an order file")
        predictions, totals = _from_summary(data.summary, assumptions)
        report = None
    if report is None:
        from clvdesk.core.io.tables import write_table

        write_table(predictions, out)
    if args.json:
        print_json(_overview(predictions, totals, assumptions, out, data.info()))
    else:
        what = "report workbook" if report is not None else f"{len(predictions):,} customers"
        print(f"wrote {out} ({what})")
    return 0


def _currency(text: str) -> str:
    """The ``--currency`` symbol, checked before any work (the rule of ``write_report``)."""
    from clvdesk.core.errors import InputError

    symbol = text.strip()
    if not symbol or len(symbol) > 5 or any(not c.isprintable() for c in symbol):
        raise InputError(f"--currency must be a symbol or code of at most 5 characters, like € "
                         f"or USD, not {text!r}")
    return symbol


def _from_orders(orders, assumptions, out, language: str, currency: str):
    """Run the pipeline; write the report workbook for .xlsx.

    Returns (predictions, segment table, report path or None).
    """
    from clvdesk.core.pipeline import run_analysis

    result = run_analysis(orders, assumptions)
    for warning in result.warnings:
        print(f"note: {warning}", file=sys.stderr)
    if out.suffix.lower() != ".xlsx":
        return result.predictions, result.segments, None
    from clvdesk.core.io.report import write_report

    write_report(out, result, language=language, currency=currency)
    return result.predictions, result.segments, out


def _from_summary(summary, assumptions):
    """Fit and predict on a summary file (no orders: no quality, cohorts or segments).

    Returns (predictions, whole-base table of :func:`clvdesk.core.clv.forecast_clv`).
    """
    import numpy as np

    from clvdesk.core.clv import forecast_clv
    from clvdesk.core.models import get_model
    from clvdesk.core.pipeline import fit_spend_model, fit_transaction_model

    model = fit_transaction_model(get_model(assumptions.model), summary)
    spend = None
    if assumptions.spend_model is not None:
        spend = fit_spend_model(get_model(assumptions.spend_model), summary, [])
    forecast = forecast_clv(
        model, spend, summary, horizon=assumptions.horizon,
        horizon_unit=assumptions.horizon_unit, margin=assumptions.margin,
        annual_discount_rate=assumptions.annual_discount_rate, interval=assumptions.interval,
        n_draws=assumptions.n_draws, rng=np.random.default_rng(assumptions.seed),
    )
    return forecast.customers, forecast.segments


def _overview(predictions, totals, assumptions, out, source: dict) -> dict:
    """Totals for ``--json``: the interval of the total CLV comes from aggregated draws."""
    from clvdesk.core.segments import TOTAL_LABEL

    everyone = totals.loc[totals["segment"] == TOTAL_LABEL].iloc[0]
    overview = {
        "output": str(out),
        "customers": len(predictions),
        "model": assumptions.model,
        "spend_model": assumptions.spend_model,
        "horizon": assumptions.horizon,
        "horizon_unit": assumptions.horizon_unit,
        "expected_purchases": float(predictions["expected_purchases"].sum()),
        **source,
    }
    for column in ("clv", "clv_low", "clv_high"):
        if column in everyone:
            overview[f"total_{column}"] = float(everyone[column])
    return overview
