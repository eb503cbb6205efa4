"""CLV functions for Excel without Python: named LAMBDA formulas for Excel 365 and Excel on the web.

Each :class:`LambdaFunction` is the text of one workbook-scoped defined name such as
``CLV.SIMPLE`` whose formula is a ``LAMBDA``: once a workbook carries the names, ``=CLV.SIMPLE(
50,4,5,100)`` works in any cell of it, with no add-in, macro or Python (``clvdesk
excel-functions`` and the report workbook write them; :mod:`clvdesk.core.io.report_functions`).
Every function computes what the core function named in :attr:`LambdaFunction.core` computes,
with the core's input rules: an error value in an input is passed on, text, a logical or an empty
required cell gives ``#VALUE!``, a number out of range (a negative order value, a margin above 1,
recency after T) gives ``#NUM!``. Optional arguments (in brackets in the syntax) may be left out
or point to an empty cell; both mean the default.

The series of the Gaussian hypergeometric function 2F1 (BG/NBD's conditional expectation, sBG's
discounted lifetimes) are summed backwards in Horner form with ``REDUCE`` over a ``SEQUENCE`` of
a fixed length chosen from the convergence rate, so every term is added to a partial sum of the
same sign where the core's closed form allows (see :func:`_bgnbd_expected_body`).

Excel stores formulas in a file differently from how they are typed: functions newer than Excel
2007 carry the ``_xlfn.`` prefix (``_xlfn._xlws.`` for SORT and FILTER), LAMBDA and LET
parameters ``_xlpm.``, and an optional LAMBDA parameter is declared as ``_xlop.name`` (without
its brackets) and used as ``_xlpm.name``. Without the prefixes Excel reads ``LAMBDA`` as an
unknown function and shows ``#NAME?``. :func:`stored_form` converts; tests compare it with
IronCalc's own writer and evaluate the stored names in IronCalc.

Parameter names follow Excel's rules for names: ``r`` (R1C1 shorthand) and the names of Excel
functions (``T``, ``GAMMA``) are not allowed, so the papers' ``r``, ``T`` and ``gamma`` are
``r_``, ``T_`` and ``gamma_`` here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

#: Functions added after Excel 2007, stored with the ``_xlfn.`` prefix (Microsoft, "Issue: An
#: _xlfn. prefix is displayed in front of a formula"; the list XlsxWriter keeps for them).
FUTURE_FUNCTIONS: frozenset[str] = frozenset({
    "LAMBDA", "LET", "ISOMITTED", "SEQUENCE", "REDUCE", "SCAN", "MAP", "BYROW", "BYCOL",
    "MAKEARRAY", "IFS", "IFNA", "SWITCH", "XLOOKUP", "XMATCH", "GAMMALN.PRECISE", "CONCAT",
    "TEXTJOIN", "SORTBY", "UNIQUE",
})
#: Future functions stored with the worksheet namespace as well.
WORKSHEET_FUNCTIONS: frozenset[str] = frozenset({"SORT", "FILTER"})
#: Functions of Excel 2007 and before that the definitions below use (stored as typed).
CLASSIC_FUNCTIONS: frozenset[str] = frozenset({
    "IF", "AND", "OR", "NOT", "ISNUMBER", "ISERROR", "ISBLANK", "ABS", "LN", "EXP", "INT",
    "MIN", "MAX", "ROUNDUP",
})

#: Horner series longer than this give #NUM! instead of a slow sum (an sBG discount rate below
#: about 0.004 % per period, a BG/NBD horizon tens of thousands of times alpha + T).
MAX_TERMS = 1_000_000


@dataclass(frozen=True)
class Param:
    """One argument: its name in Excel, what it is (with units) and its rule.

    ``rule``: ``"any"`` (a number), ``">=0"``, ``">0"``, ``"0..1"``, ``"(0,1]"``, ``">-1"`` or
    ``"whole"`` (a whole number, 0 or more). ``default``: Excel text of the value used when the
    argument is left out or its cell is empty; ``None`` for a required argument, ``""`` for an
    optional one whose absence changes the formula (``periods`` of CLV.RETENTION).
    """

    name: str
    doc: str
    rule: str = "any"
    default: str | None = None

    @property
    def optional(self) -> bool:
        return self.default is not None


@dataclass(frozen=True)
class LambdaFunction:
    """One named LAMBDA: its name, arguments, calculation and documentation.

    ``body`` is the calculation in English function names with ``,`` separators, using the
    argument names (optional ones already replaced by their defaults); ``checks`` are extra
    conditions, beyond each argument's rule, that give ``#NUM!`` when false. ``core`` is the
    clvdesk core function computing the same value (called with ``None`` for an omitted
    argument), ``examples`` sample argument lists shown on the functions sheet, with the Excel
    error each should give (``None`` for a number).
    """

    name: str
    params: tuple[Param, ...]
    body: str
    description: str
    core: Callable[..., float]
    examples: tuple[tuple[tuple, str | None], ...]
    checks: tuple[str, ...] = field(default=())

    @property
    def syntax(self) -> str:
        """``CLV.SIMPLE(aov, frequency, lifespan, [cac], ...)`` as Excel's tooltip shows it."""
        names = [f"[{p.name}]" if p.optional else p.name for p in self.params]
        return f"{self.name}({', '.join(names)})"

    @property
    def formula(self) -> str:
        """The LAMBDA as a user types it in the Name Manager (without the leading ``=``)."""
        declared = ",".join(f"[{p.name}]" if p.optional else p.name for p in self.params)
        return f"LAMBDA({declared},{_guarded(self)})"

    @property
    def stored(self) -> str:
        """The LAMBDA as Excel stores it in ``xl/workbook.xml`` (see :func:`stored_form`)."""
        return stored_form(self.formula)

    def call(self, *args) -> str:
        """The formula text of a call, e.g. ``=CLV.SIMPLE(50,4,5)`` (text arguments quoted)."""
        return f"={self.name}({','.join(_excel_literal(a) for a in args)})"


def _excel_literal(value) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"'
    return repr(float(value)) if isinstance(value, float) else str(value)


# --------------------------------------------------------------------------- input checks
_RULES: dict[str, str] = {
    "any": "TRUE",
    ">=0": "{v}>=0",
    ">0": "{v}>0",
    "0..1": "AND({v}>=0,{v}<=1)",
    "(0,1]": "AND({v}>0,{v}<=1)",
    ">-1": "{v}>-1",
    "whole": "AND({v}>=0,{v}=INT({v}))",
}


def _value_name(param: Param) -> str:
    """The LET name that holds an optional argument with its default applied."""
    return f"{param.name}_v"


def _guarded(function: LambdaFunction) -> str:
    """The calculation wrapped in the input checks (errors passed on, #VALUE!, #NUM!)."""
    bindings: list[str] = []
    values: list[tuple[Param, str, str | None]] = []  # (param, value text, presence test)
    for param in function.params:
        if param.default is None:
            values.append((param, param.name, None))
            continue
        present = f"{param.name}_given"
        bindings += [present, f"IF(ISOMITTED({param.name}),FALSE,NOT(ISBLANK({param.name})))"]
        if param.default == "":
            values.append((param, param.name, present))
        else:
            name = _value_name(param)
            bindings += [name, f"IF({present},{param.name},{param.default})"]
            values.append((param, name, None))
    numbers = []
    ranges = []
    errors = []
    for param, value, present in values:
        is_number = f"ISNUMBER({value})"
        in_range = _RULES[param.rule].format(v=value)
        if present is not None:  # optional without default: checked only when given
            is_number = f"IF({present},{is_number},TRUE)"
            in_range = "TRUE" if in_range == "TRUE" else f"IF({present},{in_range},TRUE)"
            errors.append((f"IF({present},ISERROR({value}),FALSE)", value))
        else:
            errors.append((f"ISERROR({value})", value))
        numbers.append(is_number)
        if in_range != "TRUE":
            ranges.append(in_range)
    ranges += list(function.checks)
    body = function.body
    if ranges:
        body = f"IF(AND({','.join(ranges)}),{body},#NUM!)"
    body = f"IF(AND({','.join(numbers)}),{body},#VALUE!)"
    for test, value in reversed(errors):
        body = f"IF({test},{value},{body})"
    if bindings:
        body = f"LET({','.join(bindings)},{body})"
    return body


# --------------------------------------------------------------------------- series helpers
def _horner(terms: str, ratio: str, *, last: int = 0) -> str:
    """``1 + q(last) (1 + q(last+1) (1 + ... q(terms-1)))``: a series in Horner form.

    ``ratio`` is the ratio of term ``k+1`` to term ``k`` in the variable ``k``; summing from the
    innermost (smallest) term outwards keeps rounding to a few units in the last place.
    """
    count = f"{terms}-{last}" if last else terms
    return (f"REDUCE(1,SEQUENCE({count},1,{terms}-1,-1),"
            f"LAMBDA(acc,k,1+({ratio})*acc))")


def _terms_for(rate: str, tail: str, power: str | None = None) -> str:
    """Series length for terms of size about ``k^power exp(-k rate)`` (``rate`` > 0) to fall
    below 1e-18 of the largest, counting the geometric tail ``1/tail`` (``tail = 1 - e^-rate``).

    Past its peak at ``k* = power/rate`` the log term falls by ``rate`` per term less
    ``power/k``; ``2 k*`` plus ``(42 + power ln(2 + (42 + power)/rate) - ln tail)/rate``
    terms leave less than ``e^-42`` of the peak term.
    """
    if power is None:
        return f"ROUNDUP((42-LN({tail}))/({rate}),0)+2"
    lift = f"MAX(0,{power})"
    return (f"ROUNDUP(2*{lift}/({rate})+(42-LN({tail})+{lift}*LN(2+(42+{lift})/({rate})))"
            f"/({rate}),0)+2")


# --------------------------------------------------------------------------- the core, per function
def _core_simple(aov, frequency, lifespan, cac=None, margin=None, referral_value=None,
                 growth_rate=None, discount_rate=None):
    from clvdesk.core.formulas import simple_clv

    return simple_clv(aov, frequency, lifespan, _or(cac, 0.0), _or(margin, 1.0),
                      _or(referral_value, 0.0), _or(growth_rate, 0.0), _or(discount_rate, 0.0))


def _core_retention(margin, retention, discount_rate, periods=None):
    from clvdesk.core.formulas import retention_clv

    return retention_clv(margin, retention, discount_rate, periods)


def _core_lifespan(churn_rate):
    from clvdesk.core.formulas import lifespan_from_churn

    return lifespan_from_churn(churn_rate)


def _core_ltv_cac(ltv, cac):
    from clvdesk.core.formulas import ltv_cac_ratio

    return ltv_cac_ratio(ltv, cac)


def _core_payback(cac, monthly_revenue, margin=None):
    from clvdesk.core.formulas import cac_payback_months

    return cac_payback_months(cac, monthly_revenue, _or(margin, 1.0))


def _bgnbd(r_, alpha, a, b):
    from clvdesk.core.models.bgnbd import BetaGeoModel

    return BetaGeoModel.from_params({"r": r_, "alpha": alpha, "a": a, "b": b})


def _core_palive(r_, alpha, a, b, frequency, recency, T_):
    return float(_bgnbd(r_, alpha, a, b).p_alive(frequency, recency, T_))


def _core_expected(r_, alpha, a, b, horizon, frequency, recency, T_):
    return float(_bgnbd(r_, alpha, a, b).expected_purchases(horizon, frequency, recency, T_))


def _core_spend(p, q, gamma_, frequency, monetary_value):
    from clvdesk.core.models.gamma_gamma import GammaGammaModel

    model = GammaGammaModel.from_params({"p": p, "q": q, "gamma": gamma_})
    return float(model.expected_spend(frequency, monetary_value))


def _sbg(alpha, beta):
    from clvdesk.core.models.sbg import ShiftedBetaGeoModel

    return ShiftedBetaGeoModel.from_params({"alpha": alpha, "beta": beta})


def _core_survival(alpha, beta, periods):
    return float(_sbg(alpha, beta).survival(periods))


def _core_del(alpha, beta, discount_rate):
    return float(_sbg(alpha, beta).discounted_expected_lifetime(discount_rate))


def _core_derl(alpha, beta, discount_rate, renewals=None):
    return float(_sbg(alpha, beta).discounted_residual_lifetime(discount_rate, _or(renewals, 0)))


def _or(value, default):
    return default if value is None else value


# --------------------------------------------------------------------------- model bodies
_RFM_CHECKS = ("recency<=T_*(1+1E-9)+1E-9", "OR(frequency>0,recency=0)")


def _palive_expression() -> str:
    """P(alive) of BG/NBD (FHL 2005a eq. 12) through a logit that never overflows; ``tx`` is
    recency capped at T as in the core."""
    log_odds = "LN(a)-LN(b+frequency-1)+(r_+frequency)*(LN(alpha+T_)-LN(alpha+tx))"
    return (f"IF(frequency=0,1,LET(lo,{log_odds},"
            "IF(lo>0,EXP(-lo)/(1+EXP(-lo)),1/(1+EXP(lo)))))")


def _bgnbd_expected_body() -> str:
    """E[Y(t) | x, t_x, T] of BG/NBD (FHL 2005a eq. 10) without a removable singularity.

    With ``A = a+b-1-r``, ``B = a-1``, ``C = a+b+x-1``, ``z = t/(alpha+T+t)`` and Euler's
    transformation (as the core), ``E = P(alive) C/B (1 - (1-z)^B 2F1(A, B; C; z))``. Writing
    ``2F1 - 1 = (B/C) H`` with ``H = sum_{k>=1} (A)_k (B+1)_{k-1} / ((C+1)_{k-1} k!) z^k`` and
    ``E1 = (1 - (1-z)^B)/B`` gives ``E = P(alive) (C E1 - (1-z)^B H)``: no division by
    ``B = a-1`` or ``C`` (both may be 0), ``E1 -> -ln(1-z)`` as ``a -> 1`` (a Taylor series of
    ``expm1`` for small ``B ln(1-z)``). ``H`` is summed in Horner form; its term ratio is
    ``(A+k)(B+k)/((C+k)(k+1)) z`` and its terms fall like ``k^(A+B-C-1) z^k``, which sets the
    number of terms. The core evaluates the same quantity with scipy's 2F1.
    """
    horner = _horner("n", "(ua+k)*(ub+k)/((uc+k)*(k+1))*z", last=1)
    expm1_over = "-log_rest*(1+u/2+u^2/6+u^3/24+u^4/120+u^5/720)"
    return ("LET(tx,MIN(recency,T_),pa,{palive},ua,a+b-1-r_,ub,a-1,uc,a+b+frequency-1,"
            "z,horizon/(alpha+T_+horizon),log_rest,LN(alpha+T_)-LN(alpha+T_+horizon),u,ub*log_rest,"
            "first_part,IF(ABS(u)<1E-3,{expm1},(1-EXP(u))/ub),"
            "n,MAX(2,{terms}),"
            "IF(horizon=0,0,IF(n>{cap},#NUM!,pa*(uc*first_part-EXP(u)*ua*z*{horner}))))"
            ).format(palive=_palive_expression(), expm1=expm1_over,
                     terms=_terms_for("-LN(z)", "1-z", "ua+ub-uc-1"), cap=MAX_TERMS,
                     horner=horner)


def _sbg_series(b: str, c: str) -> str:
    """2F1(1, b; c; z) = sum_k (b)_k/(c)_k z^k with z = 1/(1+d) (Fader & Hardie 2010), in
    Horner form; terms fall at least as fast as ``z^k`` (b < c)."""
    return ("LET(z,1/(1+discount_rate),n,{terms},IF(n>{cap},#NUM!,{horner}))"
            ).format(terms=_terms_for("LN(1+discount_rate)", "discount_rate/(1+discount_rate)"),
                     cap=MAX_TERMS,
                     horner=_horner("n", f"({b}+k)/({c}+k)*z"))


# --------------------------------------------------------------------------- the functions
_MONEY = "currency"
FUNCTIONS: tuple[LambdaFunction, ...] = (
    LambdaFunction(
        name="CLV.SIMPLE",
        params=(
            Param("aov", "average order value (" + _MONEY + ")", ">=0"),
            Param("frequency", "purchases per customer per year", ">=0"),
            Param("lifespan", "customer lifespan in years (fractions allowed)", ">=0"),
            Param("cac", "acquisition cost per customer (" + _MONEY + "); default 0", ">=0",
                  "0"),
            Param("margin", "gross margin as a fraction (0.3 = 30 %); default 1 (revenue)",
                  "0..1", "1"),
            Param("referral_value", "value of referrals per customer, on margin; default 0",
                  ">=0", "0"),
            Param("growth_rate", "yearly growth of spend (0.05 = +5 %); default 0", ">-1", "0"),
            Param("discount_rate", "yearly discount rate; default 0", ">=0", "0"),
        ),
        body=("LET(q,(1+growth_rate_v)/(1+discount_rate_v),n,INT(lifespan),part,lifespan-n,"
              "series,IF(ABS(q-1)<1E-12,n,(q^n-1)/(q-1)),"
              "factor,IF(AND(growth_rate_v=0,discount_rate_v=0),lifespan,"
              "(series+part*q^n)/(1+discount_rate_v)),"
              "margin_v*(aov*frequency*factor)+referral_value_v-cac_v)"),
        description=("Simple CLV = margin x average order value x purchases per year x "
                     "lifespan in years + referral value - acquisition cost; optional yearly "
                     "spend growth and discounting (end of year)."),
        core=_core_simple,
        examples=(((50, 4, 5, 100), None), ((50, 4, 5, 100, 0.3), None),
                  ((50, 4, 5.5, 100, 0.3, 0, 0.05, 0.1), None), (("fifty", 4, 5), "#VALUE!"),
                  ((-50, 4, 5), "#NUM!")),
    ),
    LambdaFunction(
        name="CLV.RETENTION",
        params=(
            Param("margin", "margin per customer per period (" + _MONEY + ")"),
            Param("retention", "share of customers kept each period (0.8 = 80 %)", "0..1"),
            Param("discount_rate", "discount rate per period", ">=0"),
            Param("periods", "number of periods; left out: an infinite horizon", "whole", ""),
        ),
        body=("LET(rho,retention/(1+discount_rate),IF(periods_given,"
              "IF(rho=1,margin*periods,margin*rho*(1-rho^periods)/(1-rho)),"
              "IF(rho>=1,#NUM!,margin*retention/(1+discount_rate-retention))))"),
        description=("Retention CLV (Gupta & Lehmann 2003): margins m kept with retention r "
                     "and discounted at d per period, m r/(1+d-r); with periods n the sum of "
                     "m r^t/(1+d)^t for t = 1..n."),
        core=_core_retention,
        examples=(((100, 0.8, 0.1), None), ((100, 0.8, 0.1, 5), None),
                  ((100, 1, 0), "#NUM!"), ((100, "80%", 0.1), "#VALUE!")),
    ),
    LambdaFunction(
        name="CLV.LIFESPAN",
        params=(Param("churn_rate", "share of customers lost per period, above 0 and at most 1",
                      "(0,1]"),),
        body="1/churn_rate",
        description=("Expected customer lifespan = 1 / churn rate, in the period of the churn "
                     "rate (a yearly churn of 0.2 gives 5 years)."),
        core=_core_lifespan,
        examples=(((0.2,), None), ((0,), "#NUM!")),
    ),
    LambdaFunction(
        name="LTV.CAC",
        params=(Param("ltv", "lifetime value before acquisition cost (" + _MONEY + ")"),
                Param("cac", "acquisition cost per customer (" + _MONEY + "), above 0", ">0")),
        body="ltv/cac",
        description="LTV:CAC = lifetime value (before acquisition cost) / acquisition cost; "
                    "3 or more is the usual rule of thumb for healthy.",
        core=_core_ltv_cac,
        examples=(((300, 100), None), ((300, 0), "#NUM!")),
    ),
    LambdaFunction(
        name="CAC.PAYBACK",
        params=(Param("cac", "acquisition cost per customer (" + _MONEY + ")", ">=0"),
                Param("monthly_revenue", "revenue per customer per month (" + _MONEY + ")",
                      ">=0"),
                Param("margin", "gross margin as a fraction; default 1 (revenue)", "0..1", "1")),
        body=("LET(per_month,monthly_revenue*margin_v,"
              "IF(per_month=0,IF(cac=0,0,#DIV/0!),cac/per_month))"),
        description=("Months until a customer's margin repays the acquisition cost: CAC / "
                     "(monthly revenue x margin); #DIV/0! when there is no margin (never)."),
        core=_core_payback,
        examples=(((120, 40, 0.25), None), ((120, 0), "#DIV/0!")),
    ),
    LambdaFunction(
        name="BGNBD.PALIVE",
        params=(
            Param("r_", "BG/NBD r (shape of the purchase rate)", ">0"),
            Param("alpha", "BG/NBD alpha (scale, in the time unit of recency and T)", ">0"),
            Param("a", "BG/NBD a (dropout)", ">0"),
            Param("b", "BG/NBD b (dropout)", ">0"),
            Param("frequency", "repeat purchases (whole number)", "whole"),
            Param("recency", "age at the last purchase (0 without repeats)", ">=0"),
            Param("T_", "customer age at the end of the data", ">=0"),
        ),
        body=f"LET(tx,MIN(recency,T_),{_palive_expression()})",
        checks=_RFM_CHECKS,
        description=("BG/NBD probability that a customer is still active (Fader, Hardie & Lee "
                     "2005, eq. 12), from the model's r, alpha, a, b and the customer's "
                     "frequency, recency and T."),
        core=_core_palive,
        examples=(((0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86), None),
                  ((0.243, 4.414, 0.793, 2.426, 2, 40, 38.86), "#NUM!")),
    ),
    LambdaFunction(
        name="BGNBD.EXPECTED",
        params=(
            Param("r_", "BG/NBD r", ">0"), Param("alpha", "BG/NBD alpha", ">0"),
            Param("a", "BG/NBD a", ">0"), Param("b", "BG/NBD b", ">0"),
            Param("horizon", "periods ahead, in the time unit of recency and T", ">=0"),
            Param("frequency", "repeat purchases (whole number)", "whole"),
            Param("recency", "age at the last purchase", ">=0"),
            Param("T_", "customer age at the end of the data", ">=0"),
        ),
        body=_bgnbd_expected_body(),
        checks=_RFM_CHECKS,
        description=("BG/NBD expected purchases of a customer in the next horizon periods (Fader, "
                     "Hardie & Lee 2005, eq. 10), its 2F1 summed as a series."),
        core=_core_expected,
        examples=(((0.243, 4.414, 0.793, 2.426, 39, 2, 30.43, 38.86), None),
                  ((0.243, 4.414, 0.793, 2.426, 52, 0, 0, 38.86), None)),
    ),
    LambdaFunction(
        name="GG.SPEND",
        params=(
            Param("p", "Gamma-Gamma p", ">0"), Param("q", "Gamma-Gamma q", ">0"),
            Param("gamma_", "Gamma-Gamma gamma", ">0"),
            Param("frequency", "repeat purchases (whole number)", "whole"),
            Param("monetary_value", "mean value of the repeat purchases (" + _MONEY + ")",
                  ">=0"),
        ),
        body=("LET(spend,IF(frequency>0,monetary_value,0),denominator,p*frequency+q-1,"
              "IF(denominator<=0,#NUM!,p*(gamma_+frequency*spend)/denominator))"),
        description=("Gamma-Gamma expected spend per order, p (gamma + x m) / (p x + q - 1) "
                     "(Fader, Hardie & Lee 2005, eq. 5); without repeats the population mean."),
        core=_core_spend,
        examples=(((6.25, 3.74, 15.44, 2, 30), None), ((6.25, 3.74, 15.44, 0, 0), None)),
    ),
    LambdaFunction(
        name="SBG.SURVIVAL",
        params=(Param("alpha", "sBG alpha", ">0"), Param("beta", "sBG beta", ">0"),
                Param("periods", "periods since the start (whole number)", "whole")),
        body=("IF(periods=0,1,REDUCE(1,SEQUENCE(periods,1,0),"
              "LAMBDA(acc,k,acc*(beta+k)/(alpha+beta+k))))"),
        description=("sBG share of a cohort still active after the given periods, S(t) = B(alpha, "
                     "beta+t)/B(alpha, beta) (Fader & Hardie 2007)."),
        core=_core_survival,
        examples=(((0.704, 1.182, 5), None), ((0.704, 1.182, 2.5), "#NUM!")),
    ),
    LambdaFunction(
        name="SBG.DEL",
        params=(Param("alpha", "sBG alpha", ">0"), Param("beta", "sBG beta", ">0"),
                Param("discount_rate", "discount rate per period, above 0", ">0")),
        body=_sbg_series("beta", "alpha+beta"),
        description=("sBG discounted expected lifetime of a new customer, first payment now: "
                     "2F1(1, beta; alpha+beta; 1/(1+d)) (Fader & Hardie 2010). CLV = payment x "
                     "DEL."),
        core=_core_del,
        examples=(((0.704, 1.182, 0.1), None), ((0.704, 1.182, 0), "#NUM!")),
    ),
    LambdaFunction(
        name="SBG.DERL",
        params=(Param("alpha", "sBG alpha", ">0"), Param("beta", "sBG beta", ">0"),
                Param("discount_rate", "discount rate per period, above 0", ">0"),
                Param("renewals", "renewals so far (whole number); default 0", "whole", "0")),
        body=("LET(m,renewals_v+1,(beta+m-1)/(alpha+beta+m-1)*"
              + _sbg_series("beta+m", "alpha+beta+m") + ")"),
        description=("sBG discounted expected residual lifetime of a customer with the given "
                     "renewals, just before the next renewal (Fader & Hardie 2010, eq. 6)."),
        core=_core_derl,
        examples=(((0.704, 1.182, 0.1), None), ((0.704, 1.182, 0.1, 4), None)),
    ),
)

BY_NAME: dict[str, LambdaFunction] = {f.name: f for f in FUNCTIONS}


def core_value(function: LambdaFunction, args: Sequence) -> float | str:
    """What the core gives for ``args``: a number, or the Excel error the LAMBDA shows instead.

    An input the core refuses (:class:`~clvdesk.core.errors.CLVError`) is an error; an infinite
    payback is ``#DIV/0!``. Text and logicals are refused as Excel refuses them.
    """
    from clvdesk.core.errors import CLVError

    if any(isinstance(a, str | bool) for a in args):
        return "#VALUE!"
    try:
        value = float(function.core(*args))
    except CLVError as exc:
        return exc.excel_code
    if math.isinf(value):
        return "#DIV/0!"
    return value


# --------------------------------------------------------------------------- stored form
_TOKEN = re.compile(r"""
    (?P<string>"(?:[^"]|"")*")
  | (?P<error>\#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|CALC!|SPILL!|GETTING_DATA))
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[Ee][+-]?\d+)?)
  | (?P<name>[A-Za-z_\\][A-Za-z0-9_.]*)
  | (?P<space>\s+)
  | (?P<other>.)
""", re.VERBOSE)


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(text)]


def _declarations(tokens: list[tuple[str, str]]) -> tuple[set[str], set[int]]:
    """Names bound by LAMBDA or LET (upper case), and token positions of optional declarations.

    For every call of LAMBDA its arguments but the last are parameters (``[x]`` optional); for
    LET the arguments at even positions but the last are names.
    """
    bound: set[str] = set()
    optional_at: set[int] = set()
    for i, (kind, text) in enumerate(tokens):
        if kind != "name" or text.upper() not in ("LAMBDA", "LET"):
            continue
        j = i + 1
        while j < len(tokens) and tokens[j][0] == "space":
            j += 1
        if j >= len(tokens) or tokens[j][1] != "(":
            continue
        args = _arguments(tokens, j)
        for n, arg in enumerate(args[:-1]):
            if text.upper() == "LET" and n % 2:
                continue
            parts = [k for k in arg if tokens[k][0] != "space"]
            if len(parts) == 1 and tokens[parts[0]][0] == "name":
                bound.add(tokens[parts[0]][1].upper())
            elif (text.upper() == "LAMBDA" and len(parts) == 3 and tokens[parts[0]][1] == "["
                  and tokens[parts[2]][1] == "]"):
                bound.add(tokens[parts[1]][1].upper())
                optional_at.update(parts)
    return bound, optional_at


def _arguments(tokens: list[tuple[str, str]], open_at: int) -> list[list[int]]:
    """Token positions of each top-level argument of the call whose ``(`` is at ``open_at``."""
    depth = 0
    args: list[list[int]] = [[]]
    for k in range(open_at, len(tokens)):
        text = tokens[k][1]
        if tokens[k][0] == "other" and text in "({":
            depth += 1
            if depth == 1:
                continue
        elif tokens[k][0] == "other" and text in ")}":
            depth -= 1
            if depth == 0:
                return args
        elif depth == 1 and tokens[k][0] == "other" and text == ",":
            args.append([])
            continue
        args[-1].append(k)
    raise ValueError("unbalanced parentheses in formula")


def stored_form(formula: str) -> str:
    """A formula as typed (English names) in the form Excel stores it in a file.

    ``LAMBDA(x,[y],IF(ISOMITTED(y),x,x+y))`` becomes
    ``_xlfn.LAMBDA(_xlpm.x,_xlop.y,IF(_xlfn.ISOMITTED(_xlpm.y),_xlpm.x,_xlpm.x+_xlpm.y))``:
    functions after Excel 2007 get ``_xlfn.`` (SORT, FILTER ``_xlfn._xlws.``), LAMBDA/LET names
    ``_xlpm.``, an optional parameter's declaration ``_xlop.`` without its brackets. Bound names
    are treated as one scope per formula (the definitions here never reuse a name).
    """
    text = formula[1:] if formula.startswith("=") else formula
    tokens = _tokens(text)
    bound, optional_at = _declarations(tokens)
    out: list[str] = []
    for i, (kind, token) in enumerate(tokens):
        if i in optional_at:
            if kind == "name":
                out.append("_xlop." + token)
            continue  # the brackets of an optional declaration
        if kind != "name":
            out.append(token)
            continue
        upper = token.upper()
        nxt = next((t for k, t in tokens[i + 1:] if k != "space"), "")
        if nxt == "(" and upper in WORKSHEET_FUNCTIONS:
            out.append("_xlfn._xlws." + upper)
        elif nxt == "(" and upper in FUTURE_FUNCTIONS:
            out.append("_xlfn." + upper)
        elif upper in bound:
            out.append("_xlpm." + token)
        else:
            out.append(token)
    return "".join(out)


def function_names(formula: str) -> set[str]:
    """Upper-case names of the functions a formula calls (for tests: every one is known)."""
    tokens = [t for t in _tokens(formula) if t[0] != "space"]
    bound, _ = _declarations(_tokens(formula))
    return {text.upper() for (kind, text), (_, nxt) in zip(tokens, tokens[1:] + [("", "")],
                                                             strict=True)
            if kind == "name" and nxt == "(" and text.upper() not in bound}
