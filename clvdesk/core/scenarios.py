"""What-if scenarios for the simple CLV: named input sets, compared side by side.

A :class:`Scenario` holds the inputs of :func:`clvdesk.core.formulas.simple_clv` under a name.
:func:`compare` puts any number of them side by side with CLV, LTV:CAC and payback and the
difference to a baseline; :func:`sensitivity` moves each driver down and up by a step (10 %) for
a tornado chart. Scenario files are TOML or JSON::

    # scenarios.toml
    [[scenario]]
    name = "Repeat buyer"
    aov = 40          # average order value, currency
    frequency = 4     # purchases per year
    lifespan = 5      # years
    cac = 50          # optional, default 0
    margin = 0.4      # optional, default 1 (revenue based)

JSON: a list of such objects, or ``{"scenarios": [...]}``. Optional inputs: ``cac``,
``margin``, ``referral_value``, ``growth_rate``, ``discount_rate`` (yearly fractions). A value
may also be text as a person types it: ``margin = "40%"``, ``aov = "39,95"``.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

from clvdesk.core import formulas
from clvdesk.core.errors import InputError
from clvdesk.core.numbers import parse_user_number

if TYPE_CHECKING:  # pandas is imported by the functions returning tables, not at start-up
    import pandas as pd

#: Inputs a scenario needs; the others default as in simple_clv.
REQUIRED_INPUTS = ("aov", "frequency", "lifespan")
#: Inputs that are rates or shares: a scenario file may write them as "30%".
RATE_INPUTS = ("margin", "growth_rate", "discount_rate")
#: Drivers :func:`sensitivity` moves, in the order of simple_clv.
DRIVERS = ("aov", "frequency", "lifespan", "cac", "margin", "referral_value", "growth_rate",
           "discount_rate")


@dataclass(frozen=True)
class Scenario:
    """A named set of simple-CLV inputs (units as in :func:`~clvdesk.core.formulas.simple_clv`).

    ``aov`` currency per order, ``frequency`` purchases per year, ``lifespan`` years, ``cac``
    currency per customer, ``margin`` gross margin fraction, ``referral_value`` currency per
    customer, ``growth_rate`` and ``discount_rate`` fractions per year.
    """

    name: str
    aov: float
    frequency: float
    lifespan: float
    cac: float = 0.0
    margin: float = 1.0
    referral_value: float = 0.0
    growth_rate: float = 0.0
    discount_rate: float = 0.0

    def inputs(self) -> dict[str, float]:
        """The formula inputs (everything but the name)."""
        values = asdict(self)
        values.pop("name")
        return values

    def clv(self) -> float:
        """CLV after acquisition cost, by :func:`~clvdesk.core.formulas.simple_clv`."""
        return formulas.simple_clv(**self.inputs())

    def ltv(self) -> float:
        """Lifetime value before acquisition cost (the LTV of LTV:CAC)."""
        return formulas.simple_clv(**{**self.inputs(), "cac": 0.0})

    def payback_months(self) -> float:
        """Months of first-year margin needed to repay the CAC (``inf`` if it never does)."""
        return formulas.cac_payback_months(
            self.cac, self.aov * self.frequency / 12.0, self.margin
        )

    def results(self) -> dict[str, float]:
        """CLV, LTV, LTV:CAC (NaN without a CAC) and payback months."""
        ltv = self.ltv()
        return {
            "ltv": ltv,
            "clv": ltv - self.cac,
            "ltv_cac": formulas.ltv_cac_ratio(ltv, self.cac) if self.cac > 0 else float("nan"),
            "payback_months": self.payback_months(),
        }


#: The classic example: a loyal repeat buyer against a one-time buyer with a larger basket.
DEMO_SCENARIOS: tuple[Scenario, ...] = (
    Scenario("Repeat buyer", aov=40.0, frequency=4.0, lifespan=5.0, cac=50.0, margin=0.4),
    Scenario("One-time buyer", aov=150.0, frequency=1.0, lifespan=1.0, cac=50.0, margin=0.4),
)

RESULT_COLUMNS = ("ltv", "clv", "ltv_cac", "payback_months", "clv_vs_baseline",
                  "clv_vs_baseline_pct")


def compare(scenarios: Iterable[Scenario], baseline: str | None = None) -> pd.DataFrame:
    """Scenarios side by side: one row per scenario (index ``scenario``), inputs and results.

    Columns: the inputs of :data:`DRIVERS`, then ``ltv``, ``clv``, ``ltv_cac``,
    ``payback_months`` and, against the ``baseline`` scenario (default the first),
    ``clv_vs_baseline`` (currency) and ``clv_vs_baseline_pct`` (fraction; NaN when the
    baseline CLV is 0).
    """
    import pandas as pd

    scenarios = list(scenarios)
    if not scenarios:
        raise InputError(code="no_scenarios")
    names = [s.name for s in scenarios]
    _check_unique(names)
    for scenario in scenarios:
        _validate(scenario)
    base_name = names[0] if baseline is None else baseline
    if base_name not in names:
        raise InputError(code="unknown_baseline", baseline=baseline, scenarios=", ".join(names))
    rows = [{**s.inputs(), **s.results()} for s in scenarios]
    table = pd.DataFrame(rows, index=pd.Index(names, name="scenario"))
    base_clv = table.loc[base_name, "clv"]
    table["clv_vs_baseline"] = table["clv"] - base_clv
    table["clv_vs_baseline_pct"] = (
        table["clv_vs_baseline"] / abs(base_clv) if base_clv != 0 else float("nan")
    )
    table.attrs["baseline"] = base_name
    return table[list(DRIVERS) + list(RESULT_COLUMNS)]


def sensitivity(scenario: Scenario, step: float = 0.10) -> pd.DataFrame:
    """CLV with each driver moved down and up by ``step`` (relative; 0.10 = -10 % / +10 %).

    One row per driver that is not zero (index ``driver``), largest swing first, as a tornado
    chart wants it: ``value``, ``low_value``, ``high_value``, ``clv_low``, ``clv_high``,
    ``swing`` (``|clv_high - clv_low|``) and ``clv`` (the scenario's own). Margin is capped at
    1 (100 %).
    """
    import pandas as pd

    step = formulas.check_number("step", step, low=0.0, high=1.0, low_open=True, high_open=True)
    _validate(scenario)
    base = scenario.clv()
    rows = []
    for driver in DRIVERS:
        value = getattr(scenario, driver)
        if value == 0:
            continue
        low, high = value * (1 - step), value * (1 + step)
        if driver == "margin":
            high = min(high, 1.0)
        rows.append({
            "driver": driver,
            "value": value,
            "low_value": low,
            "high_value": high,
            "clv_low": replace(scenario, **{driver: low}).clv(),
            "clv_high": replace(scenario, **{driver: high}).clv(),
        })
    table = pd.DataFrame(rows, columns=["driver", "value", "low_value", "high_value", "clv_low",
                                        "clv_high"])
    table["swing"] = (table["clv_high"] - table["clv_low"]).abs()
    table["clv"] = base
    table = table.sort_values("swing", ascending=False, kind="stable").set_index("driver")
    table.attrs.update(scenario=scenario.name, step=step)
    return table


def observed_scenarios(orders: pd.DataFrame, segment_col: str | None = None, *, end=None,
                       margin: float | None = None,
                       cac: float | dict[str, float] | None = None) -> dict[str, Scenario]:
    """One scenario per segment of ``segment_col`` and one for all customers, from the orders.

    The inputs are what the data show (:func:`clvdesk.core.segments.segment_clv`): average order
    value, purchases per year and the observed lifespan (mean tenure so far, in years) of each
    segment, its acquisition cost (``cac``: one number, one per segment, or ``None`` for an
    ``acquisition_cost`` column, else 0) and ``margin`` (a fraction; ``None``: the table's own
    margin or cost columns, else 1). Keys are the segment labels, the last one
    :data:`clvdesk.core.segments.TOTAL_LABEL`; each scenario is named after its key. Sorted as
    the segment table is (largest revenue first).
    """
    import pandas as pd

    from clvdesk.core.segments import TOTAL_LABEL, segment_clv

    table = segment_clv(orders, segment_col, end=end, margin=margin, cac=cac)
    if segment_col is None:
        table.index = pd.Index([TOTAL_LABEL], name="segment")
    out = {}
    for name, row in table.iterrows():
        margin_fraction = row["margin"] / row["revenue"] if row["revenue"] > 0 else 1.0
        out[str(name)] = Scenario(
            name=str(name), aov=float(row["aov"]), frequency=float(row["frequency_per_year"]),
            lifespan=float(row["lifespan_years"]), cac=float(row["cac"]),
            margin=float(min(max(margin_fraction, 0.0), 1.0)),
        )
    return out


def load_scenarios(path: str | os.PathLike) -> list[Scenario]:
    """Read scenarios from a ``.toml`` or ``.json`` file (format in the module docstring)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(code="scenario_file_not_found", file=str(path))
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(code="not_utf8_text", file=path.name) from None
    if suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(code="invalid_toml", file=path.name, problem=str(exc)) from None
        entries = data.get("scenario", data.get("scenarios"))
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(code="invalid_json", file=path.name, problem=exc.msg,
                             line=exc.lineno) from None
        entries = data.get("scenarios") if isinstance(data, dict) else data
    else:
        raise InputError(code="scenario_file_type", suffix=path.suffix)
    if not isinstance(entries, list) or not entries:
        raise InputError(code="no_scenarios_in_file", file=path.name)
    scenarios = [scenario_from_dict(entry, n) for n, entry in enumerate(entries, 1)]
    _check_unique([s.name for s in scenarios])
    return scenarios


def scenario_from_dict(entry, number: int = 1) -> Scenario:
    """Build and validate a scenario from a mapping of input names to numbers."""
    if not isinstance(entry, dict):
        raise InputError(code="scenario_not_a_table", number=number)
    name = str(entry.get("name", f"Scenario {number}")).strip() or f"Scenario {number}"
    known = {f.name for f in fields(Scenario)}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise InputError(code="scenario_unknown_input", scenario=name,
                         unknown=", ".join(map(repr, unknown)), inputs=", ".join(DRIVERS))
    missing = [key for key in REQUIRED_INPUTS if key not in entry]
    if missing:
        raise InputError(code="scenario_missing_inputs", scenario=name, missing=", ".join(missing))
    values = {}
    for key in DRIVERS:
        if key in entry:
            value = entry[key]
            if isinstance(value, str):  # "30%", "12,50": as a person types it
                value = parse_user_number(f"scenario '{name}': {key}", value,
                                          percent=key in RATE_INPUTS)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InputError(code="scenario_not_a_number", scenario=name, input=key)
            values[key] = float(value)
    scenario = Scenario(name=name, **values)
    _validate(scenario)
    return scenario


def _validate(scenario: Scenario) -> None:
    try:
        scenario.clv()
    except InputError as exc:
        raise InputError(code="scenario_invalid", scenario=scenario.name, error=exc) from None


def _check_unique(names: Sequence[str]) -> None:
    seen = set()
    for name in names:
        if name in seen:
            raise InputError(code="duplicate_scenario", scenario=name)
        seen.add(name)
