"""``clvdesk demo``: the whole job on the embedded CDNOW data, printed as a readable summary.

Shows the data (customers, orders, revenue), the simple three-factor CLV per segment (the
core's demo segments: customers grouped by the number of CDs of their first basket,
:func:`clvdesk.core.datasets.first_basket_segments`), the cohort table by month of first order,
the scenario example (a repeat buyer against a one-time buyer) and, through
:func:`clvdesk.core.pipeline.run_analysis` with :meth:`~clvdesk.core.pipeline.Assumptions.demo`,
the fitted models and predicted CLV of the same segments. :func:`build_demo` computes
everything once; output options format that one result.
"""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass
from typing import Any

from clvdesk.cli.output import add_json_flag, print_json
from clvdesk.cli.scenarios_cmd import print_grid

#: Months since the first order shown in the printed cohort table.
COHORT_MONTHS_SHOWN = (0, 1, 2, 3, 6, 8)


def register(subparsers) -> None:
    """Add the ``demo`` subcommand."""
    parser = subparsers.add_parser(
        "demo",
        help="run CLV Desk on the embedded CDNOW demo data and print a summary",
        description="Run the analysis on the embedded CDNOW data (2,357 customers of an online "
        "CD store, 1997-1998; Fader, Hardie & Lee 2005): simple CLV per segment, cohorts, "
        "scenarios and predicted CLV.",
    )
    parser.add_argument("--no-predict", action="store_true",
                        help="skip the model fits (closed-form CLV, cohorts and scenarios only)")
    parser.add_argument("-o", "--output", metavar="REPORT.xlsx",
                        help="also write the report workbook (live Excel formulas, charts)")
    parser.add_argument("--language", choices=("en", "nl"), default="en",
                        help="language of the report workbook (default en)")
    from clvdesk.cli.fit_cmd import add_penalty_arguments

    add_penalty_arguments(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=_demo)


@dataclass
class Demo:
    """Everything the demo computed (one result for every output format).

    The closed-form tables cover the calibration period of the papers (to 1997-09-30), like
    the predictive analysis, so that every figure agrees with the report of the same run.
    ``analysis`` is the :class:`~clvdesk.core.pipeline.AnalysisResult` (None with
    ``--no-predict``); ``cohorts`` the dict of :func:`clvdesk.core.cohorts.cohort_tables`;
    ``assumptions`` the validated :meth:`~clvdesk.core.pipeline.Assumptions.demo` (margin,
    acquisition cost overall and per segment).
    """

    orders: Any
    summary: Any
    segments: Any
    cohorts: dict[str, Any]
    scenarios: Any
    assumptions: Any
    source: str
    analysis: Any | None = None


def build_demo(predict: bool = True, *, penalty: float = 0.0,
               auto_penalty: bool = True) -> Demo:
    """Run the demo: the pipeline on the CDNOW sample, or only the closed-form core tables.

    Both use :meth:`~clvdesk.core.pipeline.Assumptions.demo` on ``load_cdnow(segment=True)``,
    so the segments, margin and acquisition costs are those of the app's demo and report.
    ``penalty``, ``auto_penalty``: as in :class:`~clvdesk.core.pipeline.Assumptions`.
    """
    import dataclasses

    from clvdesk.core.datasets import SOURCE, load_cdnow
    from clvdesk.core.pipeline import Assumptions, run_analysis
    from clvdesk.core.scenarios import DEMO_SCENARIOS, compare

    orders = load_cdnow(segment=True)
    assumptions = dataclasses.replace(Assumptions.demo(), penalty=penalty,
                                      auto_penalty=auto_penalty).validated()
    analysis = run_analysis(orders, assumptions) if predict else None
    if analysis is None:
        summary, segments, cohorts = _closed_forms(orders, assumptions)
    else:
        summary, segments, cohorts = (analysis.summary, analysis.segments_closed_form,
                                      analysis.cohorts)
    return Demo(orders=orders, summary=summary, segments=segments, cohorts=cohorts,
                scenarios=compare(DEMO_SCENARIOS), assumptions=assumptions, source=SOURCE,
                analysis=analysis)


def _closed_forms(orders, assumptions):
    """Summary, segment and cohort tables of the calibration period without the models.

    The acquisition cost of each segment is the demo's ``cac`` unless ``cac_by_segment``
    names the segment, as in :func:`clvdesk.core.pipeline.run_analysis`.
    """
    from clvdesk.core.cohorts import cohort_tables
    from clvdesk.core.segments import TOTAL_LABEL, segment_clv
    from clvdesk.core.summary import summarize

    a = assumptions
    summary = summarize(orders, period=a.period, end=a.end)
    labels = orders.groupby("customer_id")[a.segment_col].first()
    cost = labels.map(a.cac_by_segment).astype(float).fillna(a.cac)
    cac = {TOTAL_LABEL: float(cost.mean()),
           **{str(k): float(v) for k, v in cost.groupby(labels).mean().items()}}
    return (
        summary,
        segment_clv(orders, a.segment_col, end=a.end, margin=a.margin, cac=cac),
        cohort_tables(orders, end=a.end, margin=a.margin, cac=cac[TOTAL_LABEL]),
    )


def _demo(args: argparse.Namespace) -> int:
    from clvdesk.cli.output import output_path
    from clvdesk.core.errors import InputError

    out = output_path(args.output) if args.output else None
    if out is not None and args.no_predict:
        raise InputError("the report workbook needs the predictions: leave out --no-predict")
    if out is not None and out.suffix.lower() != ".xlsx":
        raise InputError(f"the report must be an .xlsx file, got '{out.name}'")
    demo = build_demo(predict=not args.no_predict, penalty=args.penalty,
                      auto_penalty=args.auto_penalty)
    if out is not None:
        _write_report(demo, out, args.language)
    if args.json:
        result = demo_dict(demo)
        if out is not None:
            result["report"] = str(out)
        print_json(result)
    else:
        print_demo(demo)
        if out is not None:
            print(f"\nwrote {out} (report workbook)")
    return 0


def _write_report(demo: Demo, out, language: str) -> None:
    """The report workbook of the demo: the pipeline's result and the example scenarios."""
    from clvdesk.core.errors import InputError
    from clvdesk.core.io.report import write_report
    from clvdesk.core.scenarios import DEMO_SCENARIOS

    if demo.analysis is None:
        raise InputError("the report workbook needs the predictive pipeline, which this "
                         "build lacks")
    write_report(out, demo.analysis, language=language, scenarios=DEMO_SCENARIOS,
                 currency="$")  # CDNOW amounts are US dollars


def demo_dict(demo: Demo) -> dict[str, Any]:
    """The demo as plain JSON-able data."""
    result = {
        "data": _data_figures(demo),
        "segments": _records(demo.segments),
        "cohorts": _records(demo.cohorts["summary"]),
        "scenarios": _records(demo.scenarios),
    }
    if demo.analysis is not None:
        result["predicted"] = {**_predicted_figures(demo.analysis),
                               "segments": _records(demo.analysis.segments),
                               "regularised": demo.analysis.regularised,
                               "regularisation": demo.analysis.regularisation,
                               "spend_fit": demo.analysis.spend_fit}
    return result


def print_demo(demo: Demo) -> None:
    """Print the demo as sections of readable text."""
    from clvdesk.cli.scenarios_cmd import print_comparison

    data = _data_figures(demo)
    _title("CLV Desk demo: CDNOW online CD store, first-time buyers of Q1 1997")
    print(f"source: {demo.source}")
    print(f"{data['customers']:,} customers, {data['orders']:,} orders, revenue "
          f"${data['revenue']:,.2f}, {data['first_order']} to {data['last_order']}")
    print(f"{data['repeat_customers']:,} customers ({data['repeat_share']:.0%}) bought again "
          f"in the first 39 weeks (to {data['calibration_end']})")

    _title(f"Simple CLV per segment to {data['calibration_end']} (CDs in the first basket; "
           f"margin {demo.assumptions.margin:.0%}, {_cac_text(demo.assumptions)}, observed "
           f"lifespan)")
    print("Simple CLV looks back: the averages observed so far (order value x orders per year x\n"
          "years as a customer x margin - CAC), as if every customer stays as long as observed.")
    header = ["segment", "customers", "AOV", "orders/yr", "years", "CAC", "CLV", "LTV:CAC"]
    rows = [[str(name), f"{row['customers']:,}", f"{row['aov']:,.2f}",
             f"{row['frequency_per_year']:.2f}", f"{row['lifespan_years']:.2f}",
             f"{row['cac']:,.2f}", f"{row['clv']:,.2f}", _fmt(row["ltv_cac"], ".1f")]
            for name, row in demo.segments.iterrows()]
    print_grid(header, rows)

    _title(f"Cohorts by month of first order: cumulative revenue per customer ($) to "
           f"{data['calibration_end']}")
    cohort_revenue = demo.cohorts["revenue"]
    shown = [m for m in COHORT_MONTHS_SHOWN if m in cohort_revenue.columns]
    header = ["cohort", "customers", "repeat", *[f"month {m}" for m in shown], "payback"]
    rows = []
    for name, row in demo.cohorts["summary"].iterrows():
        revenue = cohort_revenue.loc[name]
        rows.append([str(name), f"{int(row['customers']):,}", f"{row['repeat_rate']:.0%}",
                     *[_fmt(revenue[m], ",.2f") for m in shown],
                     _fmt(row["payback_month"], ".0f", prefix="month ")])
    print_grid(header, rows)

    _title("Scenarios: a repeat buyer against a one-time buyer")
    print_comparison(demo.scenarios)

    if demo.analysis is not None:
        predicted = _predicted_figures(demo.analysis)
        _title(f"Predicted CLV, next {predicted['horizon']}")
        print(f"Predicted CLV looks ahead: what the fitted models expect each customer to bring "
              f"in the\nnext {predicted['horizon']} only, weighted by the chance they are still a "
              f"customer (P(alive)),\ndiscounted, on margin. It is not comparable with the "
              f"simple CLV above, which counts the\nwhole observed lifespan. low-high: the "
              f"{demo.analysis.assumptions.interval:.0%} interval from the parameters' "
              f"uncertainty.\nA one-time buyer has P(alive) 100 %: BG/NBD lets customers drop "
              f"out only right after a\nrepeat purchase, so nobody without one can have left "
              f"yet (MBG/NBD and Pareto/NBD do not\nassume this).")
        params = ", ".join(f"{k} = {v:.4g}" for k, v in predicted["model_params"].items())
        print(f"{predicted['model']}: {params}")
        if predicted.get("spend_params"):
            params = ", ".join(f"{k} = {v:.4g}" for k, v in predicted["spend_params"].items())
            print(f"{predicted['spend_model']}: {params}")
        if "clv_mean" in predicted:
            print(f"mean predicted CLV per customer ${predicted['clv_mean']:,.2f}, all customers "
                  f"${predicted['clv_total']:,.2f}")
        print(f"expected purchases per customer {predicted['expected_purchases_mean']:.3f}, "
              f"mean P(alive) {predicted['p_alive_mean']:.3f}")
        _print_predicted_segments(demo.analysis.segments)


def _print_predicted_segments(segments) -> None:
    """Predicted CLV per customer by segment, with its interval and the CLV after CAC."""
    if "clv_mean" not in segments.columns:
        return
    print()
    header = ["segment", "customers", "CLV/customer", "low", "high", "after CAC", "LTV:CAC"]
    rows = [[str(row["segment"]), f"{int(row['customers']):,}", f"{row['clv_mean']:,.2f}",
             _fmt(row.get("clv_low_mean"), ",.2f"), _fmt(row.get("clv_high_mean"), ",.2f"),
             _fmt(row.get("clv_net_mean"), ",.2f"), _fmt(row.get("ltv_cac"), ".2f")]
            for _, row in segments.iterrows()]
    print_grid(header, rows)


def _cac_text(assumptions) -> str:
    """The demo's acquisition costs in words: ``CAC $10.00 ($15.00 for 4+ CDs)``."""
    text = f"CAC ${assumptions.cac:,.2f}"
    if assumptions.cac_by_segment:
        named = ", ".join(f"${v:,.2f} for {k}" for k, v in assumptions.cac_by_segment.items())
        text += f" ({named})"
    return text


def _data_figures(demo: Demo) -> dict[str, Any]:
    from clvdesk.core.summary import repeat_customers

    orders, summary = demo.orders, demo.summary
    repeat = repeat_customers(summary)
    return {
        "customers": int(orders["customer_id"].nunique()),
        "orders": len(orders),
        "revenue": round(float(orders["amount"].sum()), 2),
        "first_order": orders["date"].min().date().isoformat(),
        "last_order": orders["date"].max().date().isoformat(),
        "calibration_end": summary.attrs["end"].date().isoformat(),
        "repeat_customers": repeat,
        "repeat_share": repeat / len(summary),
    }


def _predicted_figures(analysis) -> dict[str, Any]:
    a = analysis.assumptions
    predictions = analysis.predictions
    figures: dict[str, Any] = {
        "model": a.model,
        "model_params": dict(analysis.model.params),
        "spend_model": a.spend_model,
        "spend_params": None if analysis.spend_model is None
        else dict(analysis.spend_model.params),
        "horizon": f"{a.horizon:g} {a.horizon_unit}",
        "expected_purchases_mean": float(predictions["expected_purchases"].mean()),
        "p_alive_mean": float(predictions["p_alive"].mean()),
    }
    if "clv" in predictions:
        figures["clv_mean"] = float(predictions["clv"].mean())
        figures["clv_total"] = float(predictions["clv"].sum())
    return figures


def _records(table) -> list[dict[str, Any]]:
    """Rows as dicts, a named index (segment, cohort, scenario) as the first field."""
    return table.reset_index(drop=table.index.name is None).to_dict(orient="records")


def _title(text: str) -> None:
    print()
    print(text)
    print("-" * len(text))


def _fmt(value, spec: str, prefix: str = "") -> str:
    import numpy as np  # the demo has computed with numpy by now; not at parser set-up

    if value is None or (isinstance(value, float | np.floating) and not math.isfinite(value)):
        return "-"
    return f"{prefix}{value:{spec}}"
