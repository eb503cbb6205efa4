"""``clvdesk predict MODEL ORDERS -o OUT``: per-customer P(alive), purchases and CLV.

ORDERS is an order file (csv/tsv/txt, xlsx, parquet; read with the import flags shared by every
command that reads orders, see ``clvdesk quality --help``), summarised in ``--period`` up to
``--end``; the whole analysis runs as in the desktop app. A summary file (frequency, recency, T,
and monetary_value for CLV in money) works too.
OUT by extension: ``.csv``/``.parquet`` one row per customer (customer_id, frequency, recency, T,
p_alive, expected_purchases, expected_spend, clv, clv_low, clv_high); ``.xlsx`` the full report
workbook (from an order file; money in ``--currency``, euro by default).
CLV is in money by default: the Gamma-Gamma spend model gives each customer's expected spend,
CLV is ``--margin`` (default 100 %: revenue) of it over ``--horizon`` (in ``--horizon-unit``,
whatever the data's period), discounted monthly at ``--discount-rate`` a year.
``--spend-model none`` predicts purchases only.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

from clvdesk.cli.arguments import amount, count, rate
from clvdesk.cli.fit_cmd import (
    TRANSACTION_MODELS,
    add_penalty_arguments,
    add_period_options,
    load_summary,
)
from clvdesk.cli.output import add_json_flag, output_path, print_json
from clvdesk.cli.quality_cmd import add_import_arguments, import_options

#: Currency of the report workbook's money cells unless ``--currency`` says otherwise (the
#: default of :func:`clvdesk.core.io.report.write_report`).
DEFAULT_CURRENCY = "€"
#: Share of revenue counted as profit unless ``--margin`` says otherwise: all of it, so CLV is
#: revenue. Every output says which margin it used.
DEFAULT_MARGIN = 1.0


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "predict", help="predict P(alive), purchases and CLV per customer into a file",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("model", metavar="MODEL", type=str.lower,
                        help=f"transaction model: {', '.join(TRANSACTION_MODELS)}")
    parser.add_argument("orders", metavar="ORDERS", help="order file (or customer summary file)")
    parser.add_argument("--horizon", type=amount, default=12.0,
                        help="how far ahead to predict (default 12)")
    parser.add_argument("--horizon-unit", default="months", type=str.lower,
                        help="unit of --horizon: days, weeks, months (default) or years")
    add_period_options(parser)
    add_penalty_arguments(parser)
    parser.add_argument("--holdout-end", metavar="YYYY-MM-DD",
                        help="hold out the orders after --end up to this day for the model check "
                             "in the report")
    parser.add_argument("--spend-model", choices=("gamma-gamma", "none"), default=None,
                        help="spend model for expected spend and CLV in money (default "
                             "gamma-gamma when the data have amounts; none: purchases only)")
    parser.add_argument("--margin", type=rate, default=DEFAULT_MARGIN,
                        help="share of revenue that is profit: 0.3, 0,3 or 30%% (default 1 = "
                             "100 %%: CLV as revenue)")
    parser.add_argument("--discount-rate", type=rate, default=0.10,
                        help="annual discount rate: 0.1, 0,1 or 10%% (default 10 %% a year)")
    parser.add_argument("--interval", type=rate, default=0.90,
                        help="width of the CLV interval: 0.9 or 90%% (default 90 %%)")
    parser.add_argument("--draws", type=count, default=200,
                        help="parameter draws for the CLV interval (default 200; 0: none)")
    parser.add_argument("--seed", type=count, default=2005, help="random seed of the draws")
    parser.add_argument("--segment-column", metavar="COLUMN",
                        help="order column that splits customers into segments (e.g. channel)")
    parser.add_argument("--cac", type=amount,
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
    asked = {None: "gamma-gamma", "none": None}.get(args.spend_model, args.spend_model)
    assumptions = Assumptions(
        period=args.period, end=args.end, holdout_end=args.holdout_end, horizon=args.horizon,
        horizon_unit=args.horizon_unit, margin=args.margin,
        annual_discount_rate=args.discount_rate, cac=args.cac,
        segment_col=args.segment_column, model=args.model, spend_model=asked,
        interval=args.interval, n_draws=args.draws, seed=args.seed, penalty=args.penalty,
        auto_penalty=args.auto_penalty,
    ).validated()
    data = load_summary(args.orders, ("frequency", "recency", "T"), period=assumptions.period,
                        end=args.end, holdout_end=args.holdout_end, with_ids=True,
                        segment_col=args.segment_column, read_options=import_options(args),
                        optional=("monetary_value",))
    has_spend = data.orders is not None or data.column("monetary_value") is not None
    if asked is not None and not has_spend:
        if args.spend_model is not None:
            raise InputError("--spend-model gamma-gamma needs amounts: an order file, or a "
                             "summary file with a monetary_value column",
                             code="spend_model_needs_amounts")
        assumptions = dataclasses.replace(assumptions, spend_model=None)
        print("note: the summary file has no monetary_value column, so no CLV in money: "
              "purchases only", file=sys.stderr)
    if data.orders is not None:
        assumptions = dataclasses.replace(assumptions, segment_col=data.segment_col)
        predictions, totals, report, fits = _from_orders(data.orders, assumptions, out,
                                                         args.language, currency)
    else:
        if suffix == ".xlsx":
            raise InputError("the report workbook needs an order file; for a summary file "
                             "write .csv or .parquet")
        if args.segment_column or args.holdout_end:
            raise InputError("--segment-column and --holdout-end need an order file")
        totals, fits = _from_summary(data.summary, assumptions, out)
        n_customers, report = len(data.summary), None
    if data.orders is not None:
        n_customers = len(predictions)
        if report is None:
            from clvdesk.core.io.tables import write_table

            write_table(predictions, out)
    if args.json:
        print_json({**_overview(n_customers, totals, assumptions, out, data.info()), **fits})
    else:
        what = "report workbook" if report is not None else f"{n_customers:,} customers"
        print(f"wrote {out} ({what})")
        print(_clv_line(totals, assumptions))
    return 0


def _clv_line(totals, assumptions) -> str:
    """What the CLV figures are: the total with its interval, the margin and horizon used."""
    from clvdesk.core.segments import TOTAL_LABEL

    horizon = f"{assumptions.horizon:g} {assumptions.horizon_unit}"
    if assumptions.spend_model is None:
        return f"expected purchases over {horizon}; no CLV in money (no spend model)"
    everyone = totals.loc[totals["segment"] == TOTAL_LABEL].iloc[0]
    margin = ("margin 100 % (CLV as revenue; set --margin for profit)"
              if assumptions.margin == DEFAULT_MARGIN else f"margin {assumptions.margin:.0%}")
    text = f"predicted CLV over {horizon}, all customers: {everyone['clv']:,.2f}"
    if "clv_low" in everyone and everyone["clv_low"] == everyone["clv_low"]:
        text += (f" ({assumptions.interval:.0%} interval {everyone['clv_low']:,.2f} to "
                 f"{everyone['clv_high']:,.2f})")
    return f"{text}; {margin}, discounted at {assumptions.annual_discount_rate:.0%} a year"


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

    Returns (predictions, segment table, report path or None, how the models were fitted:
    ``regularised``, ``regularisation``, ``spend_fit`` as in ``AnalysisResult.to_dict``).
    """
    from clvdesk.core.pipeline import run_analysis

    result = run_analysis(orders, assumptions)
    for warning in result.warnings:
        print(f"note: {warning}", file=sys.stderr)
    fits = {"regularised": result.regularised, "regularisation": result.regularisation,
            "spend_fit": result.spend_fit}
    if out.suffix.lower() != ".xlsx":
        return result.predictions, result.segments, None, fits
    from clvdesk.core.io.report import write_report

    write_report(out, result, language=language, currency=currency)
    return result.predictions, result.segments, out, fits


def _from_summary(summary, assumptions, out):
    """Fit and predict on a summary file (no orders: no quality, cohorts or segments).

    The per-customer predictions are streamed to ``out`` in chunks
    (:func:`clvdesk.core.clv.write_predictions`). Returns (the whole-base table, how the models
    were fitted).
    """
    import numpy as np

    from clvdesk.core.clv import write_predictions
    from clvdesk.core.models import get_model
    from clvdesk.core.pipeline import fit_spend_model, fit_transaction_model, spend_fit_counts

    fits: list = []
    options = {"penalty": assumptions.penalty, "auto_penalty": assumptions.auto_penalty,
               "fits": fits}
    model = fit_transaction_model(get_model(assumptions.model), summary, **options)
    spend = spend_fit = None
    notes: list[str] = []
    if assumptions.spend_model is not None:
        spend = fit_spend_model(get_model(assumptions.spend_model), summary, notes, **options)
        spend_fit = spend_fit_counts(spend, summary)
    notes.extend(note for fit in fits if (note := fit.note()) is not None)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    forecast = write_predictions(
        out, model, spend, summary, horizon=assumptions.horizon,
        horizon_unit=assumptions.horizon_unit, margin=assumptions.margin,
        annual_discount_rate=assumptions.annual_discount_rate, interval=assumptions.interval,
        n_draws=assumptions.n_draws, rng=np.random.default_rng(assumptions.seed),
    )
    return forecast.segments, {
        "regularised": any(f.regularised for f in fits),
        "regularisation": [f.to_dict() for f in fits], "spend_fit": spend_fit}


def _overview(n_customers: int, totals, assumptions, out, source: dict) -> dict:
    """Totals for ``--json``: the interval of the total CLV comes from aggregated draws."""
    from clvdesk.core.segments import TOTAL_LABEL

    everyone = totals.loc[totals["segment"] == TOTAL_LABEL].iloc[0]
    overview = {
        "output": str(out),
        "customers": n_customers,
        "model": assumptions.model,
        "spend_model": assumptions.spend_model,
        "margin": assumptions.margin,
        "horizon": assumptions.horizon,
        "horizon_unit": assumptions.horizon_unit,
        "expected_purchases": float(everyone["expected_purchases"]),
        **source,
    }
    for column in ("clv", "clv_low", "clv_high"):
        if column in everyone:
            overview[f"total_{column}"] = float(everyone[column])
    return overview
