"""The Actions sheet: who to keep, what each lever is worth, and the NPS groups.

From :attr:`clvdesk.core.pipeline.AnalysisResult.actions` (:mod:`clvdesk.core.actions`):

* the tier x status matrix as live ``COUNTIFS``/``SUMIFS`` over the customer list below it;
* the levers per segment (values from the model; the order-value lever is closed form,
  ``= step x CLV of the segment``, and written as that formula), one sentence per segment;
* the NPS groups (when the orders have scores);
* the customer list: tier, status, CLV, P(alive), and for BG/NBD and MBG/NBD the churn risk
  ``1 - P(alive) + P(alive) ((alpha+T)/(alpha+T+t))^(r+x)`` and the median weeks to the next
  purchase ``(alpha+T)(2^(1/(r+x)) - 1)`` as live formulas of the parameter cells and the
  churn-window cell (Pareto/NBD needs a hypergeometric integral: values).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from clvdesk.core import units
from clvdesk.core.actions import STATUSES, lever_sentence
from clvdesk.core.io.action_list import WORDS
from clvdesk.core.io.report_cells import (
    INPUT_FILL,
    INPUT_FONT,
    SECTION_FONT,
    Column,
    Formula,
    put,
    put_header,
    put_note,
    put_title,
)
from clvdesk.core.io.report_labels import Labels, NumberFormats
from clvdesk.core.io.report_stream import FormulaColumn, column_values, defer_rows
from clvdesk.core.io.tables import XLSX_MAX_ROWS
from clvdesk.core.next_purchase import LOMAX_MODELS
from clvdesk.core.segments import TOTAL_LABEL

TEXTS = {
    "title": ("Act on CLV: who to keep, where levers pay most", "Actie op CLV: wie behouden, "
              "welke hefboom loont"),
    "note": ("Tiers by predicted CLV; churn risk = chance of no purchase in the churn window; "
             "levers on the fitted model.",
             "Klassen naar voorspelde CLV; vertrekkans = kans op geen aankoop in het venster; "
             "hefbomen op het geschatte model."),
    "window": ("Churn window (days)", "Vertrekvenster (dagen)"),
    "window_periods": ("Churn window (model periods)", "Vertrekvenster (modelperiodes)"),
    "step": ("Lever step", "Hefboomstap"),
    "matrix": ("Customers and CLV at stake by tier and status",
               "Klanten en CLV op het spel naar klasse en status"),
    "customers": ("customers", "klanten"), "clv": ("CLV", "CLV"),
    "levers": ("Levers per segment", "Hefbomen per segment"),
    "segment": ("Segment", "Segment"), "lever": ("Lever", "Hefboom"),
    "value": ("Value (total)", "Waarde (totaal)"),
    "per_customer": ("Per customer", "Per klant"), "share": ("Share of CLV", "Aandeel CLV"),
    "nps": ("NPS groups", "NPS-groepen"), "group": ("Group", "Groep"),
    "list": ("Customers", "Klanten"), "customer_id": ("Customer", "Klant"),
    "tier": ("Tier", "Klasse"), "status": ("Status", "Status"), "p_alive": ("P(alive)",
                                                                        "P(actief)"),
    "frequency": ("Repeat purchases", "Herhaalaankopen"), "T": ("T", "T"),
    "churn_risk": ("Churn risk", "Vertrekkans"),
    "next_days": ("Next purchase (days, median if active)",
                  "Volgende aankoop (dagen, mediaan indien actief)"),
    "retention": ("retention", "retentie"), "frequency_lever": ("purchase frequency",
                                                                "aankoopfrequentie"),
    "order_value": ("order value", "orderwaarde"),
    "acquisition_cost": ("acquisition cost", "acquisitiekosten"),
    "promoter": ("promoters", "promotors"), "passive": ("passives", "passieven"),
    "detractor": ("detractors", "criticasters"), "nps_score": ("NPS", "NPS"),
    "mean_low_high": ("CLV mean / low / high", "CLV gem. / laag / hoog"),
    "params": ("Model parameters", "Modelparameters"),
}


def _t(key: str, labels: Labels) -> str:
    return TEXTS[key][1 if labels.language == "nl" else 0]


def write_actions(ws: Worksheet, result, labels: Labels, formats: NumberFormats,
                  currency: str = "€") -> None:
    """Fill the Actions sheet from ``result.actions`` (an ``AnalysisResult``)."""
    actions = result.actions
    nl = labels.language == "nl"
    put_title(ws, _t("title", labels))
    put_note(ws, 2, 1, _t("note", labels))
    period = result.summary.attrs.get("period", "weeks")
    put(ws, 4, 1, _t("window", labels))
    put(ws, 4, 2, actions.settings.churn_days, formats.number, font=INPUT_FONT, fill=INPUT_FILL)
    put(ws, 5, 1, _t("window_periods", labels))
    put(ws, 5, 2, Formula(f"=B4/{units.DAYS_PER_UNIT[units.parse_unit(period)]!r}"),
        formats.number)
    put(ws, 6, 1, _t("step", labels))
    put(ws, 6, 2, actions.settings.lever_step, formats.percent)
    model = result.model
    put(ws, 8, 1, _t("params", labels), font=SECTION_FONT)
    param_cells = {}
    for i, (name, value) in enumerate(model.params.items()):
        put(ws, 9 + i, 1, name)
        put(ws, 9 + i, 2, value, formats.number)
        param_cells[name] = f"$B${9 + i}"
    row = 9 + len(model.params) + 1

    customers = actions.customers
    value_col = actions.value_column
    n = len(customers)
    list_header = row + 60  # far enough below the tables
    shown = _listed(customers, value_col, XLSX_MAX_ROWS - list_header)
    first, last = list_header + 1, list_header + len(shown)
    col = {"id": 1, "segment": 2, "tier": 3, "status": 4, "clv": 5, "p_alive": 6,
           "frequency": 7, "T": 8, "churn": 9, "next": 10}

    def rng(key: str) -> str:
        letter = get_column_letter(col[key])
        return f"${letter}${first}:${letter}${last}"

    # matrix
    put(ws, row, 1, _t("matrix", labels), font=SECTION_FONT)
    row += 1
    tier_names = actions.tier_labels(labels.language)
    status_words = [WORDS[s][1 if nl else 0] for s in STATUSES]
    put_header(ws, row, [Column(_t("tier", labels), width=16)]
               + [Column(f"{w}: {_t('customers', labels)}") for w in status_words]
               + [Column(f"{w}: {_t('clv', labels)}") for w in status_words])
    for name in tier_names.values():
        row += 1
        put(ws, row, 1, name)
        for j, word in enumerate(status_words):
            criteria = f'{rng("tier")},"{name}",{rng("status")},"{word}"'
            put(ws, row, 2 + j, Formula(f"=COUNTIFS({criteria})"), formats.integer)
            put(ws, row, 2 + len(STATUSES) + j,
                Formula(f"=SUMIFS({rng('clv')},{criteria})"), formats.money)
    row += 2

    # levers
    put(ws, row, 1, _t("levers", labels), font=SECTION_FONT)
    row += 1
    put_header(ws, row, [Column(_t("segment", labels), width=20), Column(_t("lever", labels)),
                         Column(_t("customers", labels)), Column(_t("clv", labels)),
                         Column(_t("value", labels)), Column(_t("per_customer", labels)),
                         Column(_t("share", labels))])
    lever_words = {"retention": _t("retention", labels),
                   "frequency": _t("frequency_lever", labels),
                   "order_value": _t("order_value", labels),
                   "acquisition_cost": _t("acquisition_cost", labels)}
    for lever_row in actions.levers.itertuples():
        row += 1
        label = (("alle klanten" if nl else "all customers") if lever_row.segment == TOTAL_LABEL
                 else lever_row.segment)
        put(ws, row, 1, label)
        put(ws, row, 2, lever_words[lever_row.lever])
        put(ws, row, 3, lever_row.customers, formats.integer)
        put(ws, row, 4, lever_row.clv, formats.money)
        value = (Formula(f"=$B$6*D{row}") if lever_row.lever == "order_value"
                 else lever_row.value)
        put(ws, row, 5, value, formats.money)
        put(ws, row, 6, Formula(f"=E{row}/C{row}"), formats.money)
        put(ws, row, 7, Formula(f'=IF(D{row}<>0,E{row}/D{row},"")'), formats.percent)
    row += 1
    for _, best in actions.best_levers.iterrows():
        row += 1
        put(ws, row, 1, lever_sentence(best, actions, labels.language, currency))
    row += 2

    # NPS
    if actions.nps is not None:
        put(ws, row, 1, f"{_t('nps', labels)} ({_t('nps_score', labels)} "
                        f"{actions.nps_score:.0f})", font=SECTION_FONT)
        row += 1
        headers = [_t("group", labels), _t("customers", labels), "CLV", "CLV low", "CLV high",
                   _t("p_alive", labels), _t("churn_risk", labels), "CLV + referrals"]
        put_header(ws, row, [Column(h) for h in headers])
        for g in actions.nps.itertuples():
            row += 1
            values = [_t(g.group, labels), g.customers, g.clv_mean, g.clv_low, g.clv_high,
                      g.p_alive_mean, g.churn_risk_mean, g.clv_with_referrals_mean]
            fmts = [None, formats.integer, formats.money, formats.money, formats.money,
                    formats.percent, formats.percent, formats.money]
            for j, (v, f) in enumerate(zip(values, fmts, strict=True)):
                put(ws, row, 1 + j, v, f)

    # customer list
    put(ws, list_header - 1, 1, _t("list", labels), font=SECTION_FONT)
    columns = [
        Column(_t("customer_id", labels), width=14), Column(_t("segment", labels)),
        Column(_t("tier", labels)), Column(_t("status", labels)),
        Column(_t("clv", labels), formats.money), Column(_t("p_alive", labels), formats.percent),
        Column(_t("frequency", labels), formats.integer),
        Column(f"T ({labels[period]})", formats.number),
        Column(_t("churn_risk", labels), formats.percent),
        Column(_t("next_days", labels), formats.number, width=18)]
    put_header(ws, list_header, columns)
    if len(shown) < n:
        put_note(ws, list_header - 1, 3, labels["note_top_customers"].format(
            shown=f"{len(shown):,}", total=f"{n:,}"))
    defer_rows(ws, first, columns, _list_columns(shown, value_col, result.summary, model,
                                                 param_cells, tier_names, period, first, nl))


def _listed(customers: pd.DataFrame, value_col: str, room: int) -> pd.DataFrame:
    """The customers the list shows: all, or past the sheet's last row those with the highest
    ``value_col`` (in their order), as the Customers sheet keeps them."""
    if len(customers) <= room:
        return customers
    order = np.argsort(-customers[value_col].to_numpy(dtype=float), kind="stable")
    return customers.iloc[np.sort(order[:room])]


def _list_columns(customers: pd.DataFrame, value_col: str, summary: pd.DataFrame, model,
                  p: dict[str, str], tier_names: dict[int, str], period: str, first: int,
                  nl: bool) -> list:
    """The customer list's columns (whole arrays, streamed by :func:`defer_rows`): id,
    segment (blank for all customers), tier, status, value, P(alive), repeat purchases, T,
    and churn risk and next purchase, live formulas for the Lomax models."""
    n = len(customers)
    segment = customers["segment"].astype(object)
    status = customers["status"].map({k: v[1 if nl else 0] for k, v in WORDS.items()})
    history = summary.reindex(customers.index)
    values = [customers.index.astype(str).to_numpy(dtype=object),
              column_values(segment.where(segment != TOTAL_LABEL, None)),
              column_values(customers["tier"].astype(int).map(tier_names)),
              column_values(status),
              column_values(customers[value_col]),
              column_values(customers["p_alive"]),
              column_values(history["frequency"].astype(float)),
              column_values(history["T"].astype(float))]
    if model.name in LOMAX_MODELS:
        rx = f"({p['r']}+G{{row}})"
        days = units.DAYS_PER_UNIT[units.parse_unit(period)]
        values.append(FormulaColumn(f"=1-F{{row}}+F{{row}}*(({p['alpha']}+H{{row}})/"
                                    f"({p['alpha']}+H{{row}}+$B$5))^{rx}", first, n))
        values.append(FormulaColumn(f"=({p['alpha']}+H{{row}})*(2^(1/{rx})-1)*{days!r}",
                                    first, n))
    else:
        values += [column_values(customers["churn_risk"]),
                   column_values(customers["next_purchase_days"])]
    return values
