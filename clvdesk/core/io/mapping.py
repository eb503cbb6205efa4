"""Map the columns of an order file to the canonical order table, from English and Dutch headers.

A header is normalised (lower case, accents dropped, units in brackets dropped, every run of
other characters turned into ``_``: ``"Bedrag (EUR)"`` -> ``bedrag``, ``"Klant ID"`` ->
``klant_id``) and looked up in :data:`SYNONYMS`. Each canonical column takes the source column
that matches its highest-ranked synonym; a source column is used at most once. The user can
override any part of the suggestion (``mapping={"amount": "Netto"}``); names the user gives that
are not in the file raise :class:`~clvdesk.core.errors.InputError` naming the available columns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from clvdesk.core import display
from clvdesk.core.errors import InputError
from clvdesk.core.messages import ROLE_NAMES

#: Canonical columns every order table must have.
REQUIRED: tuple[str, ...] = ("customer_id", "date", "amount")
#: Canonical columns an order table may have.
OPTIONAL: tuple[str, ...] = (
    "segment", "channel", "order_id", "quantity", "cost", "margin", "nps", "acquisition_cost",
)
CANONICAL: tuple[str, ...] = REQUIRED + OPTIONAL
#: Canonical columns that hold numbers (parsed with the file's decimal separator).
NUMERIC: tuple[str, ...] = ("amount", "quantity", "cost", "margin", "nps", "acquisition_cost")

#: Accepted header names per canonical column, normalised, best match first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "customer_id": (
        "customer_id", "customerid", "customer", "customer_number", "customer_no", "customer_nr",
        "cust_id", "custid", "customer_code", "client_id", "client", "clientnummer",
        "klant_id", "klantid", "klantnummer", "klantnr", "klant_nr", "klant_nummer", "klantcode",
        "klant", "debiteur", "debiteurnummer", "debiteurnr", "debiteur_nr", "relatienummer",
        "relatienr", "relatie", "relatie_id", "account_id", "account", "member_id", "lidnummer",
        "contact_id", "user_id", "userid", "buyer_id", "shopper_id", "email", "e_mail",
        "emailadres", "e_mailadres",
    ),
    "date": (
        "date", "order_date", "orderdate", "purchase_date", "transaction_date", "invoice_date",
        "sale_date", "sales_date", "datum", "orderdatum", "order_datum", "besteldatum",
        "factuurdatum", "factuur_datum", "aankoopdatum", "transactiedatum", "verkoopdatum",
        "boekdatum", "date_of_purchase", "created_at", "order_created", "created", "timestamp",
        "datetime", "day", "dag",
    ),
    "amount": (
        "amount", "revenue", "total", "order_total", "order_value", "order_amount", "net_amount",
        "amount_excl_vat", "revenue_excl_vat", "sales", "sales_amount", "net_sales", "turnover",
        "invoice_amount", "invoice_total", "spend", "monetary_value", "dollar_value", "value",
        "subtotal", "line_total", "gross_amount", "amount_incl_vat",
        "bedrag", "bedrag_excl_btw", "omzet", "omzet_excl_btw", "netto_omzet", "netto_bedrag",
        "totaal", "totaalbedrag", "totaal_bedrag", "orderbedrag", "orderwaarde", "factuurbedrag",
        "verkoopbedrag", "waarde", "bedrag_incl_btw", "omzet_incl_btw", "totaal_incl_btw",
        "bruto_omzet",
    ),
    "segment": (
        "segment", "customer_segment", "klantsegment", "klant_segment", "customer_group",
        "klantgroep", "klant_groep", "doelgroep", "tier", "customer_type", "klanttype",
    ),
    "channel": (
        "channel", "sales_channel", "kanaal", "verkoopkanaal", "verkoop_kanaal", "order_channel",
        "bestelkanaal",
    ),
    "order_id": (
        "order_id", "orderid", "order_number", "order_no", "order_nr", "order", "ordernummer",
        "ordernr", "order_nummer", "bestelnummer", "invoice_id", "invoice_number", "invoice_no",
        "invoice", "factuurnummer", "factuurnr", "factuur", "transaction_id", "transactie_id",
        "transactienummer", "receipt_id", "bonnummer",
    ),
    "quantity": (
        "quantity", "qty", "units", "items", "number_of_items", "number_of_cds", "aantal",
        "aantal_stuks", "stuks", "hoeveelheid",
    ),
    "cost": (
        "cost", "costs", "cogs", "cost_price", "cost_of_goods", "kosten", "kostprijs",
        "inkoopprijs", "inkoopwaarde", "inkoopkosten",
    ),
    "margin": (
        "margin", "gross_margin", "profit", "gross_profit", "marge", "brutomarge", "bruto_marge",
        "winst", "brutowinst",
    ),
    "nps": (
        "nps", "nps_score", "net_promoter_score", "recommend_score", "aanbevelingsscore",
        "aanbeveling",
    ),
    "acquisition_cost": (
        "acquisition_cost", "acquisition_costs", "cac", "cpa", "cost_per_acquisition",
        "acquisitiekosten", "acquisitie_kosten", "wervingskosten", "werving_kosten",
    ),
}

_BRACKETS = re.compile(r"[\(\[\{].*?[\)\]\}]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalize_header(name: object) -> str:
    """``"Bedrag (EUR)"`` -> ``"bedrag"``; ``"Klant-ID"`` -> ``"klant_id"``; ``"Datum "`` -> ``"datum"``."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii")
    text = _BRACKETS.sub(" ", text.lower())
    text = text.replace("#", " nr ").replace("%", " pct ")
    return _NON_WORD.sub("_", text).strip("_")


_RANK: dict[str, dict[str, int]] = {
    canonical: {name: rank for rank, name in enumerate(names)}
    for canonical, names in SYNONYMS.items()
}


def suggest_mapping(columns: Iterable[object]) -> dict[str, str]:
    """Suggest ``{canonical: source column}`` for the headers ``columns`` (see module doc)."""
    sources = [str(c) for c in columns]
    normalized = [normalize_header(c) for c in sources]
    mapping: dict[str, str] = {}
    used: set[int] = set()
    for canonical in CANONICAL:
        ranks = _RANK[canonical]
        best: tuple[int, int] | None = None
        for index, norm in enumerate(normalized):
            if index in used or norm not in ranks:
                continue
            if best is None or ranks[norm] < best[0]:
                best = (ranks[norm], index)
        if best is not None:
            used.add(best[1])
            mapping[canonical] = sources[best[1]]
    return mapping


def header_score(columns: Iterable[object], overrides: Mapping[str, str] | None = None) -> int:
    """How well ``columns`` (a candidate header row) names the order columns.

    2: every column the user named is there and all of :data:`REQUIRED` are mapped; 1: some
    named column is there or two required columns are recognised; 0: neither.
    """
    sources = [str(c).strip() if c is not None else "" for c in columns]
    overrides = dict(overrides or {})
    found = suggest_mapping(sources)
    present = [source for source in overrides.values() if source in sources]
    for canonical, source in overrides.items():
        if source in sources:
            found[canonical] = source
    if len(present) == len(overrides) and all(col in found for col in REQUIRED):
        return 2
    if present or sum(col in found for col in REQUIRED) >= 2:
        return 1
    return 0


def resolve_mapping(columns: Iterable[object], overrides: Mapping[str, str | None] | None = None,
                    ) -> dict[str, str]:
    """The mapping to use: the suggestion for ``columns`` with the user's ``overrides`` on top.

    ``overrides`` maps canonical names to source columns (``None`` removes an optional column).
    Raises :class:`InputError` for an unknown canonical name, a source column not in the file,
    or a required column that neither the headers nor the overrides provide.
    """
    sources = [str(c) for c in columns]
    mapping = suggest_mapping(sources)
    for canonical, source in (overrides or {}).items():
        if canonical not in CANONICAL:
            raise InputError(code="unknown_column_role", role=repr(canonical),
                             roles=", ".join(CANONICAL))
        if source is None:
            mapping.pop(canonical, None)
            continue
        source = find_column(sources, source)
        # a source column serves one role: the user's choice wins over a suggestion
        for other, taken in list(mapping.items()):
            if taken == str(source) and other != canonical:
                del mapping[other]
        mapping[canonical] = str(source)
    missing = [col for col in REQUIRED if col not in mapping]
    if missing:
        raise InputError(code="no_required_columns", roles=missing,
                         missing=" / ".join(ROLE_NAMES[m] for m in missing),
                         columns=describe_columns(sources))
    return {canonical: mapping[canonical] for canonical in CANONICAL if canonical in mapping}


def find_column(columns: Iterable[object], name: object, what: str = "column") -> str:
    """The column of ``columns`` a user means by ``name``, matched as headers are mapped.

    The exact header first; else the one header equal to ``name`` after
    :func:`normalize_header` (case, accents, spaces and punctuation ignored: ``kanaal`` finds
    ``Kanaal``, ``klant id`` finds ``Klant-ID``). Raises :class:`InputError` naming the
    available columns when none, or more than one, matches; ``what`` names the column in it
    (``"segment column"``).
    """
    sources = [str(c) for c in columns]
    wanted = str(name)
    if wanted in sources:
        return wanted
    key = normalize_header(wanted)
    matches = [source for source in sources if key and normalize_header(source) == key]
    if len(matches) == 1:
        return matches[0]
    shown = display.shown(wanted, 40)
    segment = what == "segment column"
    if matches:
        raise InputError(code="segment_column_ambiguous" if segment else "column_ambiguous",
                         column=shown, columns=describe_columns(matches))
    raise InputError(code="segment_column_not_found" if segment else "column_not_found",
                     column=shown, columns=describe_columns(sources))


def describe_columns(columns: Iterable[object], limit: int = 20) -> str:
    """A short printable list of column names for error messages (at most ``limit`` names)."""
    names = []
    for name in columns:
        text = "".join(ch if ch.isprintable() else "?" for ch in str(name))
        names.append(text[:40] + ("..." if len(text) > 40 else ""))
    shown = ", ".join(names[:limit])
    if len(names) > limit:
        shown += f", ... ({len(names)} in all)"
    return shown or "(none)"
