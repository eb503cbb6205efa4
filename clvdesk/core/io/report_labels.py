"""Words and number formats of the report workbook, per language (English ``"en"``, Dutch ``"nl"``).

What "per language" means for the report:

* **Labels**: sheet names, column headers, row labels and notes are English or Dutch.
* **Currency**: money cells carry a number format with the currency symbol placed the way the
  language writes it: English ``€1,234.56`` (symbol glued to the number), Dutch ``€ 1.234,56``
  (symbol, space, number). The symbol defaults to the euro and can be chosen (``currency="$"``).
* **Dates**: English ``yyyy-mm-dd`` (ISO), Dutch ``dd-mm-jjjj`` (stored as ``dd-mm-yyyy``).
* **Decimal and thousands separators** are NOT chosen by the file: xlsx number format codes are
  locale independent (always ``#,##0.00`` in the file) and Excel or LibreOffice show them with
  the separators of the reader's own locale, so a Dutch Excel shows ``1.234,56`` and an English
  one ``1,234.56`` for the very same file. That is what a colleague expects when they open it.
"""

from __future__ import annotations

from dataclasses import dataclass

from clvdesk.core.errors import InputError

LANGUAGES: tuple[str, ...] = ("en", "nl")


@dataclass(frozen=True)
class NumberFormats:
    """xlsx number format codes of one language (see the module docstring)."""

    money: str
    number: str
    integer: str
    percent: str
    ratio: str
    date: str


def money_format(symbol: str, language: str) -> str:
    """Number format code for money in ``symbol`` written the way ``language`` places it.

    The symbol is quoted so that any text (``"€"``, ``"$"``, ``"EUR"``) is shown literally.
    Negative amounts keep the symbol in front: ``-€12.00`` / ``€ -12,00``.
    """
    quoted = '"' + symbol.replace('"', "") + '"'
    if language == "nl":
        return f'{quoted} #,##0.00;{quoted} -#,##0.00'
    return f"{quoted}#,##0.00;-{quoted}#,##0.00"


def number_formats(language: str, currency: str = "€") -> NumberFormats:
    """Return the number formats for ``language`` with money in ``currency``."""
    language = check_language(language)
    return NumberFormats(
        money=money_format(currency, language),
        number="#,##0.00",
        integer="#,##0",
        percent="0.0%",
        ratio="0.00",
        date="dd-mm-yyyy" if language == "nl" else "yyyy-mm-dd",
    )


def check_language(language: str) -> str:
    """Return ``language`` normalised to ``"en"`` or ``"nl"``; :class:`InputError` otherwise."""
    if not isinstance(language, str) or language.strip().lower() not in LANGUAGES:
        raise InputError(code="unknown_report_language", languages=", ".join(LANGUAGES),
                         value=repr(language))
    return language.strip().lower()


#: How a reader knows each model (the CLI's and the code's names are ``bgnbd``, ``gamma-gamma``).
MODEL_NAMES: dict[str, str] = {
    "bgnbd": "BG/NBD", "mbgnbd": "MBG/NBD", "pareto-nbd": "Pareto/NBD", "bgbb": "BG/BB",
    "sbg": "sBG", "gamma-gamma": "Gamma-Gamma",
}


def model_name(name: object) -> object:
    """The published name of model ``name`` (``"bgnbd"`` -> ``"BG/NBD"``); others unchanged."""
    return MODEL_NAMES.get(name, name) if isinstance(name, str) else name


#: Sheet names. Excel limits them to 31 characters and forbids []:*?/\ in them.
SHEETS: dict[str, dict[str, str]] = {
    "assumptions": {"en": "Assumptions", "nl": "Aannames"},
    "customers": {"en": "Customers", "nl": "Klanten"},
    "segments": {"en": "Segments", "nl": "Segmenten"},
    "cohorts": {"en": "Cohorts", "nl": "Cohorten"},
    "scenarios": {"en": "Scenarios", "nl": "Scenario's"},
    "model_fit": {"en": "Model fit", "nl": "Modelfit"},
    "quality": {"en": "Data quality", "nl": "Datakwaliteit"},
    "actions": {"en": "Actions", "nl": "Acties"},
    "functions": {"en": "Functions", "nl": "Functies"},
}

#: Every other text of the report, by key.
TEXTS: dict[str, dict[str, str]] = {
    # titles
    "title_assumptions": {"en": "CLV report: assumptions", "nl": "CLV-rapport: aannames"},
    "title_customers": {"en": "Predictive CLV per customer", "nl": "Voorspelde CLV per klant"},
    "title_segments": {"en": "CLV per segment", "nl": "CLV per segment"},
    "title_cohorts": {"en": "Cohorts by month of first order",
                      "nl": "Cohorten naar maand van eerste bestelling"},
    "title_scenarios": {"en": "Scenarios (closed-form CLV)", "nl": "Scenario's (CLV-formule)"},
    "title_model_fit": {"en": "Model fit", "nl": "Modelfit"},
    "title_quality": {"en": "Data quality", "nl": "Datakwaliteit"},
    # assumptions
    "assumption": {"en": "Assumption", "nl": "Aanname"},
    "value": {"en": "Value", "nl": "Waarde"},
    "unit": {"en": "Unit", "nl": "Eenheid"},
    "note": {"en": "Note", "nl": "Toelichting"},
    "margin": {"en": "Gross margin", "nl": "Brutomarge"},
    "annual_discount_rate": {"en": "Discount rate per year", "nl": "Disconteringsvoet per jaar"},
    "horizon": {"en": "Horizon", "nl": "Horizon"},
    "cac": {"en": "Acquisition cost (CAC)", "nl": "Acquisitiekosten (CAC)"},
    "aov": {"en": "Average order value (AOV)", "nl": "Gemiddelde orderwaarde (AOV)"},
    "frequency_per_year": {"en": "Purchase frequency", "nl": "Aankoopfrequentie"},
    "lifespan_years": {"en": "Customer lifespan", "nl": "Klantlevensduur"},
    "per_year": {"en": "orders per year", "nl": "bestellingen per jaar"},
    "years": {"en": "years", "nl": "jaar"},
    "months": {"en": "months", "nl": "maanden"},
    "weeks": {"en": "weeks", "nl": "weken"},
    "days": {"en": "days", "nl": "dagen"},
    "share": {"en": "share of revenue", "nl": "aandeel van de omzet"},
    "per_customer": {"en": "per new customer", "nl": "per nieuwe klant"},
    "period": {"en": "Period of the model", "nl": "Periode van het model"},
    "end": {"en": "End of calibration", "nl": "Einde kalibratie"},
    "holdout_end": {"en": "End of holdout", "nl": "Einde holdout"},
    "model": {"en": "Transaction model", "nl": "Transactiemodel"},
    "spend_model": {"en": "Spend model", "nl": "Bestedingsmodel"},
    "created_with": {"en": "Created with", "nl": "Gemaakt met"},
    "created_on": {"en": "Created on", "nl": "Gemaakt op"},
    "results": {"en": "Closed-form CLV (live formulas)", "nl": "CLV-formule (live formules)"},
    "clv_gross": {"en": "Lifetime value before CAC (LTV)", "nl": "Klantwaarde voor CAC (LTV)"},
    "clv_discounted": {"en": "CLV, discounted at the discount rate",
                       "nl": "CLV, verdisconteerd tegen de disconteringsvoet"},
    "clv_closed": {"en": "CLV = AOV x frequency x lifespan x margin - CAC",
                   "nl": "CLV = AOV x frequentie x levensduur x marge - CAC"},
    "ltv_cac": {"en": "LTV:CAC", "nl": "LTV:CAC"},
    "payback_months": {"en": "Payback (months)", "nl": "Terugverdientijd (maanden)"},
    "note_live": {
        "en": "Blue cells are inputs: change them and every CLV formula in this workbook follows.",
        "nl": "Blauwe cellen zijn invoer: pas ze aan en alle CLV-formules in deze werkmap volgen.",
    },
    "note_model_inputs": {
        "en": "Used by the model predictions (computed by CLV Desk); changing it here does not "
              "refit the model.",
        "nl": "Gebruikt door de modelvoorspellingen (berekend door CLV Desk); aanpassen hier "
              "past het model niet opnieuw toe.",
    },
    "note_from_data": {"en": "From the order data; you may overwrite it.",
                       "nl": "Uit de bestelgegevens; u mag het overschrijven."},
    "invalid_fraction": {"en": "Enter a percentage from 0% to 100% (30% = 0.3).",
                         "nl": "Vul een percentage van 0% tot 100% in (30% = 0,3)."},
    "invalid_amount": {"en": "Enter a number of 0 or more.",
                       "nl": "Vul een getal van 0 of meer in."},
    "invalid_growth": {"en": "Enter a growth rate above -100% (5% = 0.05).",
                       "nl": "Vul een groeipercentage boven -100% in (5% = 0,05)."},
    "note_cac_from_data": {
        "en": "Mean acquisition cost of the customers in the order data; you may overwrite it.",
        "nl": "Gemiddelde acquisitiekosten van de klanten in de bestelgegevens; u mag het "
              "overschrijven.",
    },
    # customers
    "customer_id": {"en": "Customer", "nl": "Klant"},
    "segment": {"en": "Segment", "nl": "Segment"},
    "n_orders": {"en": "Orders to date", "nl": "Bestellingen tot nu"},
    "total_spend": {"en": "Spend to date", "nl": "Besteed tot nu"},
    "first_purchase": {"en": "First order", "nl": "Eerste bestelling"},
    "last_purchase": {"en": "Last order", "nl": "Laatste bestelling"},
    "frequency": {"en": "Repeat purchases", "nl": "Herhaalaankopen"},
    "recency": {"en": "Recency", "nl": "Recentheid"},
    "T": {"en": "Age (T)", "nl": "Leeftijd (T)"},
    "monetary_value": {"en": "Average repeat order", "nl": "Gemiddelde herhaalorder"},
    "p_alive": {"en": "P(alive)", "nl": "P(actief)"},
    "expected_purchases": {"en": "Expected purchases", "nl": "Verwachte aankopen"},
    "expected_spend": {"en": "Expected spend per order", "nl": "Verwachte besteding per order"},
    "revenue": {"en": "Discounted revenue", "nl": "Verdisconteerde omzet"},
    "revenue_low": {"en": "Discounted revenue, low", "nl": "Verdisconteerde omzet, laag"},
    "revenue_high": {"en": "Discounted revenue, high", "nl": "Verdisconteerde omzet, hoog"},
    "clv": {"en": "CLV", "nl": "CLV"},
    "clv_low": {"en": "CLV low", "nl": "CLV laag"},
    "clv_high": {"en": "CLV high", "nl": "CLV hoog"},
    "clv_distribution": {"en": "Distribution of predictive CLV", "nl": "Verdeling van voorspelde CLV"},
    "bin_from": {"en": "CLV from", "nl": "CLV vanaf"},
    "bin_to": {"en": "CLV below", "nl": "CLV onder"},
    "customers": {"en": "Customers", "nl": "Klanten"},
    "note_customers": {
        "en": "CLV = discounted revenue x margin (the margin cell on the assumptions sheet).",
        "nl": "CLV = verdisconteerde omzet x marge (de margecel op het blad met aannames).",
    },
    "note_top_customers": {
        "en": "Excel holds {shown} of the {total} customers: these are the {shown} with the highest "
              "CLV. The csv or parquet output of clvdesk predict has them all.",
        "nl": "Excel past {shown} van de {total} klanten: dit zijn de {shown} met de hoogste CLV. "
              "De csv- of parquet-uitvoer van clvdesk predict bevat ze allemaal.",
    },
    # segments
    "orders": {"en": "Orders", "nl": "Bestellingen"},
    "revenue_total": {"en": "Revenue", "nl": "Omzet"},
    "clv_formula": {"en": "CLV (formula)", "nl": "CLV (formule)"},
    "predicted_clv_mean": {"en": "Predictive CLV, mean", "nl": "Voorspelde CLV, gemiddeld"},
    "predicted_clv_total": {"en": "Predictive CLV, total", "nl": "Voorspelde CLV, totaal"},
    "all_customers": {"en": "All customers", "nl": "Alle klanten"},
    "chart_segments": {"en": "Predictive CLV per customer by segment",
                       "nl": "Voorspelde CLV per klant per segment"},
    "chart_segments_closed": {"en": "Closed-form CLV by segment", "nl": "CLV-formule per segment"},
    "predictive_segments": {"en": "Predictive CLV per segment (model, over the horizon)",
                            "nl": "Voorspelde CLV per segment (model, over de horizon)"},
    "repeat_customers": {"en": "Repeat customers", "nl": "Terugkerende klanten"},
    "clv_total_low": {"en": "CLV total, low", "nl": "CLV totaal, laag"},
    "clv_total_high": {"en": "CLV total, high", "nl": "CLV totaal, hoog"},
    "clv_net_mean": {"en": "CLV per customer after CAC", "nl": "CLV per klant na CAC"},
    # cohorts
    "cohort": {"en": "Cohort", "nl": "Cohort"},
    "chart_cohorts": {"en": "Cumulative revenue per customer by cohort",
                      "nl": "Cumulatieve omzet per klant per cohort"},
    "month": {"en": "Month", "nl": "Maand"},
    "months_since_first": {"en": "Months since first order",
                           "nl": "Maanden sinds eerste bestelling"},
    "repeat_rate": {"en": "Repeat rate", "nl": "Herhaalpercentage"},
    "revenue_per_customer": {"en": "Revenue per customer", "nl": "Omzet per klant"},
    "margin_per_customer": {"en": "Margin per customer", "nl": "Marge per klant"},
    "payback_month": {"en": "Payback month", "nl": "Terugverdienmaand"},
    "cumulative_revenue": {"en": "Cumulative revenue per customer",
                           "nl": "Cumulatieve omzet per klant"},
    "cumulative_margin": {"en": "Cumulative margin per customer (live: revenue x margin)",
                          "nl": "Cumulatieve marge per klant (live: omzet x marge)"},
    "active_share": {"en": "Share of customers ordering in the month",
                     "nl": "Aandeel klanten dat in de maand bestelt"},
    # scenarios
    "scenario": {"en": "Scenario", "nl": "Scenario"},
    "base": {"en": "Base (assumptions sheet)", "nl": "Basis (blad met aannames)"},
    "chart_scenarios": {"en": "CLV by scenario", "nl": "CLV per scenario"},
    "driver_aov": {"en": "AOV", "nl": "AOV"},
    "driver_frequency": {"en": "Orders per year", "nl": "Bestellingen per jaar"},
    "driver_lifespan": {"en": "Lifespan (years)", "nl": "Levensduur (jaar)"},
    "driver_cac": {"en": "CAC", "nl": "CAC"},
    "driver_margin": {"en": "Margin", "nl": "Marge"},
    "driver_retention": {"en": "Retention per year", "nl": "Retentie per jaar"},
    "driver_referral_value": {"en": "Referral value", "nl": "Waarde doorverwijzingen"},
    "driver_growth_rate": {"en": "Growth per year", "nl": "Groei per jaar"},
    "driver_discount_rate": {"en": "Discount rate per year", "nl": "Disconteringsvoet per jaar"},
    "clv_vs_base": {"en": "CLV vs base", "nl": "CLV t.o.v. basis"},
    "clv_vs_base_pct": {"en": "CLV vs base (%)", "nl": "CLV t.o.v. basis (%)"},
    "sensitivity": {"en": "Sensitivity of the base case", "nl": "Gevoeligheid van de basis"},
    "step": {"en": "Step (down and up)", "nl": "Stap (omlaag en omhoog)"},
    "driver": {"en": "Driver", "nl": "Factor"},
    "low_value": {"en": "Low value", "nl": "Lage waarde"},
    "high_value": {"en": "High value", "nl": "Hoge waarde"},
    "clv_low_end": {"en": "CLV at low value", "nl": "CLV bij lage waarde"},
    "clv_high_end": {"en": "CLV at high value", "nl": "CLV bij hoge waarde"},
    "swing": {"en": "Swing", "nl": "Uitslag"},
    "chart_sensitivity": {"en": "Sensitivity of CLV (tornado)", "nl": "Gevoeligheid van CLV (tornado)"},
    "note_scenarios": {
        "en": "The first row follows the assumptions sheet; the others hold their own inputs.",
        "nl": "De eerste rij volgt het blad met aannames; de andere hebben hun eigen invoer.",
    },
    # model fit
    "parameter": {"en": "Parameter", "nl": "Parameter"},
    "estimate": {"en": "Estimate", "nl": "Schatting"},
    "std_error": {"en": "Std. error", "nl": "Std.fout"},
    "log_likelihood": {"en": "Log-likelihood", "nl": "Log-likelihood"},
    "aic": {"en": "AIC", "nl": "AIC"},
    "bic": {"en": "BIC", "nl": "BIC"},
    "n_customers": {"en": "Customers", "nl": "Klanten"},
    "penalty": {"en": "Penalty (L2, log parameters)", "nl": "Straf (L2, log-parameters)"},
    "regularised_auto": {
        "en": "Note: the {0} estimate is regularised (penalty {1:g}): the data alone do not "
              "identify it (too few customers or too little variety in their behaviour).",
        "nl": "Let op: de schatting van {0} is geregulariseerd (straf {1:g}): de gegevens "
              "alleen leggen het model niet vast (te weinig klanten of te weinig variatie)."},
    "regularised_user": {
        "en": "Note: the {0} estimate is regularised (penalty {1:g}, as set in the "
              "assumptions).",
        "nl": "Let op: de schatting van {0} is geregulariseerd (straf {1:g}, zoals ingesteld "
              "bij de aannames)."},
    "spend_population_mean": {
        "en": "Spend model fitted on {0} repeat buyers; {1} customers get the population mean "
              "spend per order ({2} of them repeat buyers with a mean repeat spend of 0 or "
              "less, e.g. after returns).",
        "nl": "Bestedingsmodel geschat op {0} herhaalkopers; {1} klanten krijgen de gemiddelde "
              "besteding per order van alle klanten ({2} daarvan herhaalkopers met een "
              "gemiddelde herhaalbesteding van 0 of minder, bijv. na retouren)."},
    "model_comparison": {"en": "Model comparison", "nl": "Modelvergelijking"},
    "holdout_check": {"en": "Holdout check", "nl": "Controle op holdout"},
    "tracking": {"en": "Cumulative repeat transactions: actual and expected",
                 "nl": "Cumulatieve herhaalaankopen: werkelijk en verwacht"},
    "repeat_transactions": {"en": "Repeat transactions", "nl": "Herhaalaankopen"},
    "period_end": {"en": "Period end", "nl": "Einde periode"},
    "period_number": {"en": "Period", "nl": "Periode"},
    "actual_in_period": {"en": "Actual", "nl": "Werkelijk"},
    "expected_in_period": {"en": "Expected", "nl": "Verwacht"},
    "actual_cumulative": {"en": "Actual, cumulative", "nl": "Werkelijk, cumulatief"},
    "expected_cumulative": {"en": "Expected, cumulative", "nl": "Verwacht, cumulatief"},
    "holdout": {"en": "Holdout", "nl": "Holdout"},
    "not_available": {"en": "not computed for this analysis",
                      "nl": "niet berekend voor deze analyse"},
    # quality
    "rows": {"en": "Rows", "nl": "Rijen"},
    "total_amount": {"en": "Total amount", "nl": "Totaalbedrag"},
    "first_date": {"en": "First date", "nl": "Eerste datum"},
    "last_date": {"en": "Last date", "nl": "Laatste datum"},
    "issue": {"en": "Issue", "nl": "Probleem"},
    "issues": {"en": "Issues found", "nl": "Gevonden problemen"},
    "count": {"en": "Count", "nl": "Aantal"},
    "examples": {"en": "Examples", "nl": "Voorbeelden"},
    "action": {"en": "What CLV Desk does", "nl": "Wat CLV Desk doet"},
    "no_issues": {"en": "No issues found.", "nl": "Geen problemen gevonden."},
    "rows_read": {"en": "Rows read", "nl": "Rijen gelezen"},
    "dropped_rows": {"en": "Rows left out", "nl": "Rijen weggelaten"},
    "blank_rows": {"en": "Empty rows skipped", "nl": "Lege rijen overgeslagen"},
    "description": {"en": "Description", "nl": "Omschrijving"},
    "share_of": {"en": "Share", "nl": "Aandeel"},
    "issue_malformed_row": {"en": "Malformed rows", "nl": "Onleesbare rijen"},
    "issue_missing_customer_id": {"en": "Missing customer ids", "nl": "Ontbrekende klantnummers"},
    "issue_missing_date": {"en": "Missing dates", "nl": "Ontbrekende datums"},
    "issue_unparseable_date": {"en": "Unreadable dates", "nl": "Onleesbare datums"},
    "issue_missing_amount": {"en": "Missing amounts", "nl": "Ontbrekende bedragen"},
    "issue_unparseable_amount": {"en": "Unreadable amounts", "nl": "Onleesbare bedragen"},
    "issue_unparseable_value": {"en": "Unreadable values", "nl": "Onleesbare waarden"},
    "issue_duplicate_orders": {"en": "Duplicate orders", "nl": "Dubbele bestellingen"},
    "issue_negative_amounts": {"en": "Returns and negative amounts",
                               "nl": "Retouren en negatieve bedragen"},
    "issue_zero_amounts": {"en": "Zero amounts", "nl": "Bedragen van 0"},
    "issue_future_dates": {"en": "Future dates", "nl": "Datums in de toekomst"},
    "issue_outliers": {"en": "Outliers", "nl": "Uitschieters"},
    "issue_one_time_buyers": {"en": "One-time buyers", "nl": "Eenmalige kopers"},
    "issue_date_gaps": {"en": "Gaps in the dates", "nl": "Gaten in de datums"},
    # model comparison and holdout check (columns of clvdesk.core.validation)
    "n_params": {"en": "Parameters", "nl": "Parameters"},
    "holdout_mae": {"en": "Holdout MAE", "nl": "Holdout MAE"},
    "holdout_rmse": {"en": "Holdout RMSE", "nl": "Holdout RMSE"},
    "predicted_holdout": {"en": "Predicted holdout purchases",
                          "nl": "Voorspelde aankopen holdout"},
    "actual_holdout": {"en": "Actual holdout purchases", "nl": "Werkelijke aankopen holdout"},
    "holdout_error_pct": {"en": "Error (%)", "nl": "Afwijking (%)"},
    "actual": {"en": "Actual (mean)", "nl": "Werkelijk (gemiddeld)"},
    "predicted": {"en": "Predicted (mean)", "nl": "Voorspeld (gemiddeld)"},
    "actual_total": {"en": "Actual (total)", "nl": "Werkelijk (totaal)"},
    "predicted_total": {"en": "Predicted (total)", "nl": "Voorspeld (totaal)"},
}


@dataclass(frozen=True)
class Labels:
    """The texts of one language: ``labels.sheet("customers")``, ``labels["clv"]``."""

    language: str

    def sheet(self, key: str) -> str:
        return SHEETS[key][self.language]

    def __getitem__(self, key: str) -> str:
        entry = TEXTS.get(key)
        if entry is None:  # a column the core added that has no translation yet: show its name
            return key.replace("_", " ")
        return entry[self.language]


def labels_for(language: str) -> Labels:
    """Return the :class:`Labels` of ``language`` (``"en"`` or ``"nl"``)."""
    return Labels(check_language(language))
