"""Excel formula text for the closed forms of :mod:`clvdesk.core.formulas`.

Each builder takes cell references or defined names (``"AvgOrderValue"``, ``"$B5"``) and returns
a :class:`~clvdesk.core.io.report_cells.Formula` that computes in Excel exactly what the core
function of the same name computes in Python, so a workbook recalculated after a user changed an
input agrees with CLV Desk. ``tests/test_report_libreoffice.py`` checks that agreement in a real
spreadsheet engine.
"""

from __future__ import annotations

from clvdesk.core.io.report_cells import Formula


def simple_clv_revenue(aov: str, frequency: str, lifespan: str,
                       growth_rate: str | None = None, discount_rate: str | None = None) -> str:
    """Expression of the lifetime revenue of :func:`clvdesk.core.formulas.simple_clv`.

    Without growth and discounting ``aov x frequency x lifespan``; with them (end-of-year
    convention, ``q = (1+g)/(1+d)``, ``n = INT(lifespan)``)::

        aov x frequency / (1+d) x [(q^n - 1)/(q - 1) + (lifespan - n) q^n]
    """
    if growth_rate is None and discount_rate is None:
        return f"{aov}*{frequency}*{lifespan}"
    g = growth_rate or "0"
    d = discount_rate or "0"
    q = f"((1+{g})/(1+{d}))"
    n = f"INT({lifespan})"
    series = f"IF(ABS({q}-1)<1E-12,{n},({q}^{n}-1)/({q}-1))"
    return f"{aov}*{frequency}/(1+{d})*({series}+({lifespan}-{n})*{q}^{n})"


def simple_clv(aov: str, frequency: str, lifespan: str, cac: str | None, margin: str, *,
               referral_value: str | None = None, growth_rate: str | None = None,
               discount_rate: str | None = None) -> Formula:
    """``= margin x revenue + referral_value - cac`` (see :func:`simple_clv_revenue`).

    ``cac`` None gives the value before acquisition cost (the LTV).
    """
    revenue = simple_clv_revenue(aov, frequency, lifespan, growth_rate, discount_rate)
    referral = f"+{referral_value}" if referral_value else ""
    cost = f"-{cac}" if cac else ""
    return Formula(f"={margin}*{revenue}{referral}{cost}")


def value_before_cac(clv: str, cac: str) -> Formula:
    """``= clv + cac``: the lifetime value before the acquisition cost (the LTV of LTV:CAC)."""
    return Formula(f"={clv}+{cac}")


def ltv_cac_ratio(ltv: str, cac: str) -> Formula:
    """``= ltv / cac`` (:func:`clvdesk.core.formulas.ltv_cac_ratio`); blank without a CAC or
    without a value."""
    return Formula(f'=IF(AND(ISNUMBER({ltv}),{cac}>0),{ltv}/{cac},"")')


def cac_payback_months(cac: str, aov: str, frequency: str, margin: str) -> Formula:
    """``= cac / (aov x frequency / 12 x margin)`` (:func:`clvdesk.core.formulas.cac_payback_months`
    with monthly revenue ``aov x frequency / 12``). 0 without a CAC; blank (never pays back)
    when the customer brings no margin.
    """
    per_month = f"{aov}*{frequency}/12*{margin}"
    return Formula(f'=IF({per_month}>0,{cac}/({per_month}),IF({cac}=0,0,""))')
