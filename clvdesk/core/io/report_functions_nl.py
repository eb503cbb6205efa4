"""Dutch words of the functions sheet: what each LAMBDA function computes and its arguments.

The English texts live with the functions (:data:`clvdesk.core.io.excel_lambdas.FUNCTIONS`,
``description`` and each ``Param.doc``); a Dutch report shows these instead
(:func:`clvdesk.core.io.report_functions.write_functions`). Argument names stay as Excel shows
them in the function's tooltip.
"""

from __future__ import annotations

#: What each function computes, by function name.
DESCRIPTIONS: dict[str, str] = {
    "CLV.SIMPLE": "Eenvoudige CLV = marge x gemiddelde orderwaarde x aankopen per jaar x "
                  "levensduur in jaren + waarde van doorverwijzingen - acquisitiekosten; "
                  "optioneel met jaarlijkse groei van de besteding en disconteren (aan het "
                  "eind van elk jaar).",
    "CLV.RETENTION": "Retentie-CLV (Gupta & Lehmann 2003): marges m, behouden met retentie r "
                     "en verdisconteerd met d per periode, m r/(1+d-r); met n perioden de som "
                     "van m r^t/(1+d)^t voor t = 1..n.",
    "CLV.LIFESPAN": "Verwachte levensduur van een klant = 1 / verloop, in de periode van het "
                    "verloop (een jaarlijks verloop van 0,2 geeft 5 jaar).",
    "LTV.CAC": "LTV:CAC = klantwaarde (vóór acquisitiekosten) / acquisitiekosten; 3 of meer is de "
               "gangbare vuistregel voor gezond.",
    "CAC.PAYBACK": "Maanden tot de marge van een klant de acquisitiekosten terugverdient: CAC / "
                   "(maandomzet x marge); #DEEL/0! als er geen marge is (nooit).",
    "BGNBD.PALIVE": "BG/NBD-kans dat een klant nog actief is (Fader, Hardie & Lee 2005, vgl. "
                    "12), uit r, alpha, a en b van het model en de frequentie, recentheid en T "
                    "van de klant.",
    "BGNBD.EXPECTED": "BG/NBD verwachte aankopen van een klant in de komende horizon perioden "
                      "(Fader, Hardie & Lee 2005, vgl. 10), de 2F1 als reeks opgeteld.",
    "GG.SPEND": "Gamma-Gamma verwachte besteding per order, p (gamma + x m) / (p x + q - 1) "
                "(Fader, Hardie & Lee 2005, vgl. 5); zonder herhaalaankopen het gemiddelde van "
                "alle klanten.",
    "SBG.SURVIVAL": "sBG-aandeel van een cohort dat na het gegeven aantal perioden nog actief "
                    "is, S(t) = B(alpha, beta+t)/B(alpha, beta) (Fader & Hardie 2007).",
    "SBG.DEL": "sBG verdisconteerde verwachte levensduur van een nieuwe klant, eerste betaling "
               "nu: 2F1(1, beta; alpha+beta; 1/(1+d)) (Fader & Hardie 2010). CLV = betaling x "
               "DEL.",
    "SBG.DERL": "sBG verdisconteerde verwachte resterende levensduur van een klant met het "
                "gegeven aantal verlengingen, vlak vóór de volgende verlenging (Fader & Hardie "
                "2010, vgl. 6).",
}

#: What each argument is, by function name and argument name.
ARGUMENTS: dict[str, dict[str, str]] = {
    "CLV.SIMPLE": {
        "aov": "gemiddelde orderwaarde (valuta)",
        "frequency": "aankopen per klant per jaar",
        "lifespan": "levensduur van een klant in jaren (breuken mogen)",
        "cac": "acquisitiekosten per klant (valuta); standaard 0",
        "margin": "brutomarge als fractie (0,3 = 30 %); standaard 1 (omzet)",
        "referral_value": "waarde van doorverwijzingen per klant, op marge; standaard 0",
        "growth_rate": "jaarlijkse groei van de besteding (0,05 = +5 %); standaard 0",
        "discount_rate": "jaarlijkse disconteringsvoet; standaard 0",
    },
    "CLV.RETENTION": {
        "margin": "marge per klant per periode (valuta)",
        "retention": "aandeel klanten dat elke periode blijft (0,8 = 80 %)",
        "discount_rate": "disconteringsvoet per periode",
        "periods": "aantal perioden; weggelaten: een oneindige horizon",
    },
    "CLV.LIFESPAN": {
        "churn_rate": "aandeel klanten dat per periode vertrekt, boven 0 en hoogstens 1",
    },
    "LTV.CAC": {
        "ltv": "klantwaarde vóór acquisitiekosten (valuta)",
        "cac": "acquisitiekosten per klant (valuta), boven 0",
    },
    "CAC.PAYBACK": {
        "cac": "acquisitiekosten per klant (valuta)",
        "monthly_revenue": "omzet per klant per maand (valuta)",
        "margin": "brutomarge als fractie; standaard 1 (omzet)",
    },
    "BGNBD.PALIVE": {
        "r_": "BG/NBD r (vorm van het aankoopritme)",
        "alpha": "BG/NBD alpha (schaal, in de tijdseenheid van recency en T)",
        "a": "BG/NBD a (uitval)",
        "b": "BG/NBD b (uitval)",
        "frequency": "herhaalaankopen (geheel getal)",
        "recency": "leeftijd bij de laatste aankoop (0 zonder herhaalaankopen)",
        "T_": "leeftijd van de klant aan het eind van de gegevens",
    },
    "BGNBD.EXPECTED": {
        "r_": "BG/NBD r",
        "alpha": "BG/NBD alpha",
        "a": "BG/NBD a",
        "b": "BG/NBD b",
        "horizon": "perioden vooruit, in de tijdseenheid van recency en T",
        "frequency": "herhaalaankopen (geheel getal)",
        "recency": "leeftijd bij de laatste aankoop",
        "T_": "leeftijd van de klant aan het eind van de gegevens",
    },
    "GG.SPEND": {
        "p": "Gamma-Gamma p",
        "q": "Gamma-Gamma q",
        "gamma_": "Gamma-Gamma gamma",
        "frequency": "herhaalaankopen (geheel getal)",
        "monetary_value": "gemiddelde waarde van de herhaalaankopen (valuta)",
    },
    "SBG.SURVIVAL": {
        "alpha": "sBG alpha",
        "beta": "sBG beta",
        "periods": "perioden sinds de start (geheel getal)",
    },
    "SBG.DEL": {
        "alpha": "sBG alpha",
        "beta": "sBG beta",
        "discount_rate": "disconteringsvoet per periode, boven 0",
    },
    "SBG.DERL": {
        "alpha": "sBG alpha",
        "beta": "sBG beta",
        "discount_rate": "disconteringsvoet per periode, boven 0",
        "renewals": "verlengingen tot nu toe (geheel getal); standaard 0",
    },
}
