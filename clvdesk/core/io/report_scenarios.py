"""The Scenarios sheet: closed-form scenarios side by side, and a sensitivity (tornado) table.

The same table as :func:`clvdesk.core.scenarios.compare`, as live formulas: the first row is the
base case and follows the assumptions sheet (its inputs are ``=AvgOrderValue``, ``=Margin``,
...); the other rows are the user's scenarios with their own inputs (blue cells). For every row:

* ``LTV = margin x revenue + referral_value`` (revenue with growth and discounting as
  :func:`clvdesk.core.formulas.simple_clv`), ``CLV = LTV - CAC``;
* ``LTV:CAC = LTV / CAC`` and payback months ``= CAC / (AOV x frequency / 12 x margin)``;
* CLV against the base row, in currency and as a fraction of the base CLV.

Below it, :func:`clvdesk.core.scenarios.sensitivity` of the base row: each driver moved down and
up by the step cell (10 %; margin capped at 100 %), with the CLV at both ends, also live.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from clvdesk.core.io import report_formulas as excel
from clvdesk.core.io.report_cells import (
    INPUT_FILL,
    INPUT_FONT,
    SECTION_FONT,
    Column,
    Formula,
    absolute,
    put,
    put_header,
    put_note,
    put_title,
    restrict,
)
from clvdesk.core.io.report_charts import bar_chart
from clvdesk.core.io.report_labels import Labels, NumberFormats
from clvdesk.core.scenarios import DRIVERS, RETENTION_CAP, Scenario

HEADER_ROW = 4
#: Column of each input of a scenario row (B..I), in the order of ``scenarios.DRIVERS``.
INPUT_COLUMNS: dict[str, int] = {driver: 2 + i for i, driver in enumerate(DRIVERS)}
LTV_COL, CLV_COL, RATIO_COL, PAYBACK_COL, DIFF_COL, DIFF_PCT_COL = range(10, 16)
#: Drivers of the sensitivity table (those the base case can have non-zero).
SENSITIVITY_DRIVERS = ("aov", "frequency", "lifespan", "cac", "margin")
#: Defined name of the sensitivity step cell.
STEP_NAME = "SensitivityStep"


def write_scenarios(ws: Worksheet, labels: Labels, formats: NumberFormats, *,
                    names: dict[str, str], scenarios: Sequence[Scenario] = (),
                    step: float = 0.10) -> int:
    """Fill the Scenarios sheet; return the row of the base case.

    ``names``: defined names of the assumption cells (keys ``aov``, ``frequency_per_year``,
    ``lifespan_years``, ``cac``, ``margin``). ``scenarios``: the user's scenarios, written
    after the base case.
    """
    put_title(ws, labels["title_scenarios"])
    put_note(ws, 2, 1, labels["note_scenarios"])
    input_formats = {"aov": formats.money, "frequency": formats.number,
                     "lifespan": formats.number, "cac": formats.money,
                     "margin": formats.percent, "referral_value": formats.money,
                     "growth_rate": formats.percent, "discount_rate": formats.percent}
    columns = [Column(labels["scenario"], width=28)]
    columns += [Column(labels[f"driver_{d}"], input_formats[d], 13) for d in DRIVERS]
    columns += [Column(labels["clv_gross"], formats.money, 14),
                Column(labels["clv"], formats.money, 14),
                Column(labels["ltv_cac"], formats.ratio, 10),
                Column(labels["payback_months"], formats.number, 13),
                Column(labels["clv_vs_base"], formats.money, 14),
                Column(labels["clv_vs_base_pct"], formats.percent, 12)]
    put_header(ws, HEADER_ROW, columns)

    base_row = HEADER_ROW + 1
    base_inputs = {"aov": f"={names['aov']}", "frequency": f"={names['frequency_per_year']}",
                   "lifespan": f"={names['lifespan_years']}", "cac": f"={names['cac']}",
                   "margin": f"={names['margin']}"}
    put(ws, base_row, 1, labels["base"])
    for driver, col in INPUT_COLUMNS.items():
        value = Formula(base_inputs[driver]) if driver in base_inputs else 0.0
        put(ws, base_row, col, value, input_formats[driver])
    _put_results(ws, base_row, base_row, formats)

    row = base_row
    for scenario in scenarios:
        row += 1
        put(ws, row, 1, scenario.name)
        for driver, col in INPUT_COLUMNS.items():
            put(ws, row, col, float(getattr(scenario, driver)), input_formats[driver],
                font=INPUT_FONT, fill=INPUT_FILL)
        _put_results(ws, row, base_row, formats)
    last = row
    if last > base_row:
        _restrict_inputs(ws, base_row + 1, last, labels)
    ws.freeze_panes = ws.cell(row=base_row, column=2)
    bar_chart(ws, title=labels["chart_scenarios"], y_title=labels["clv"],
              categories=(1, base_row, last), series=[(CLV_COL, HEADER_ROW, last)],
              number_format=formats.money, anchor=f"B{last + 3}")
    _write_sensitivity(ws, last + 22, base_row, step, labels, formats, input_formats)
    return base_row


def _put_retention(ws: Worksheet, r: int, base: dict[str, str], labels: Labels,
                   formats: NumberFormats) -> None:
    """The retention bar of :func:`clvdesk.core.scenarios.sensitivity`, as live formulas.

    Yearly retention ``rho = 1 - 1/lifespan`` moved by the step (capped at
    :data:`~clvdesk.core.scenarios.RETENTION_CAP`), the lifespan following as ``1/(1 - rho)``.
    A base lifespan of one year or less retains no one: the row then shows 0 % and no swing.
    """
    lifespan = base["lifespan"]
    put(ws, r, 1, labels["driver_retention"])
    put(ws, r, 2, Formula(f"=IF({lifespan}>1,1-1/{lifespan},0)"), formats.percent)
    put(ws, r, 3, Formula(f"=B{r}*(1-{STEP_NAME})"), formats.percent)
    put(ws, r, 4, Formula(f"=MIN(B{r}*(1+{STEP_NAME}),{RETENTION_CAP})"), formats.percent)
    base_clv = excel.simple_clv(
        base["aov"], base["frequency"], lifespan, base["cac"], base["margin"],
        referral_value=base["referral_value"], growth_rate=base["growth_rate"],
        discount_rate=base["discount_rate"])[1:]
    for col, rate in ((5, f"C{r}"), (6, f"D{r}")):
        moved = excel.simple_clv(
            base["aov"], base["frequency"], f"(1/(1-{rate}))", base["cac"], base["margin"],
            referral_value=base["referral_value"], growth_rate=base["growth_rate"],
            discount_rate=base["discount_rate"])[1:]
        put(ws, r, col, Formula(f"=IF($B{r}>0,{moved},{base_clv})"), formats.money)
    put(ws, r, 7, Formula(f"=ABS(F{r}-E{r})"), formats.money)


def _restrict_inputs(ws: Worksheet, first: int, last: int, labels: Labels) -> None:
    """Data validation of the scenario inputs, the ranges of ``scenarios.Scenario``."""
    for driver, col in INPUT_COLUMNS.items():
        cells = f"{get_column_letter(col)}{first}:{get_column_letter(col)}{last}"
        if driver == "margin":
            restrict(ws, cells, labels["invalid_fraction"], high=1.0)
        elif driver == "growth_rate":
            restrict(ws, cells, labels["invalid_growth"], low=-0.99)
        else:
            restrict(ws, cells, labels["invalid_amount"])


def _put_results(ws: Worksheet, r: int, base_row: int, formats: NumberFormats) -> None:
    ref = {d: f"{get_column_letter(c)}{r}" for d, c in INPUT_COLUMNS.items()}
    ltv = excel.simple_clv(ref["aov"], ref["frequency"], ref["lifespan"], None, ref["margin"],
                           referral_value=ref["referral_value"], growth_rate=ref["growth_rate"],
                           discount_rate=ref["discount_rate"])
    ltv_cell, clv_cell = f"{get_column_letter(LTV_COL)}{r}", f"{get_column_letter(CLV_COL)}{r}"
    base_clv = f"${get_column_letter(CLV_COL)}${base_row}"
    diff_cell = f"{get_column_letter(DIFF_COL)}{r}"
    put(ws, r, LTV_COL, ltv, formats.money)
    put(ws, r, CLV_COL, Formula(f"={ltv_cell}-{ref['cac']}"), formats.money)
    put(ws, r, RATIO_COL, excel.ltv_cac_ratio(ltv_cell, ref["cac"]), formats.ratio)
    put(ws, r, PAYBACK_COL, excel.cac_payback_months(ref["cac"], ref["aov"], ref["frequency"],
                                                     ref["margin"]), formats.number)
    put(ws, r, DIFF_COL, Formula(f"={clv_cell}-{base_clv}"), formats.money)
    put(ws, r, DIFF_PCT_COL, Formula(f'=IF({base_clv}<>0,{diff_cell}/ABS({base_clv}),"")'),
        formats.percent)


def _write_sensitivity(ws: Worksheet, top: int, base_row: int, step: float, labels: Labels,
                       formats: NumberFormats, input_formats: dict[str, str]) -> None:
    put(ws, top, 1, labels["sensitivity"], font=SECTION_FONT)
    put(ws, top + 1, 1, labels["step"])
    put(ws, top + 1, 2, step, formats.percent, font=INPUT_FONT, fill=INPUT_FILL)
    restrict(ws, f"B{top + 1}", labels["invalid_fraction"], high=1.0)
    ws.parent.defined_names[STEP_NAME] = DefinedName(STEP_NAME,
                                                     attr_text=absolute(ws, top + 1, 2))
    header = top + 3
    columns = [Column(labels["driver"]), Column(labels["value"]), Column(labels["low_value"]),
               Column(labels["high_value"]), Column(labels["clv_low_end"]),
               Column(labels["clv_high_end"]), Column(labels["swing"])]
    put_header(ws, header, columns)
    base = {d: f"${get_column_letter(c)}${base_row}" for d, c in INPUT_COLUMNS.items()}
    for i, driver in enumerate(SENSITIVITY_DRIVERS):
        r = header + 1 + i
        number_format = input_formats[driver]
        put(ws, r, 1, labels[f"driver_{driver}"])
        put(ws, r, 2, Formula(f"={base[driver]}"), number_format)
        put(ws, r, 3, Formula(f"=B{r}*(1-{STEP_NAME})"), number_format)
        high = f"B{r}*(1+{STEP_NAME})"
        put(ws, r, 4, Formula(f"=MIN({high},1)" if driver == "margin" else f"={high}"),
            number_format)
        for col, value_cell in ((5, f"C{r}"), (6, f"D{r}")):
            moved = {**base, driver: value_cell}
            put(ws, r, col, excel.simple_clv(
                moved["aov"], moved["frequency"], moved["lifespan"], moved["cac"],
                moved["margin"], referral_value=moved["referral_value"],
                growth_rate=moved["growth_rate"], discount_rate=moved["discount_rate"]),
                formats.money)
        put(ws, r, 7, Formula(f"=ABS(F{r}-E{r})"), formats.money)
    last = header + len(SENSITIVITY_DRIVERS) + 1
    _put_retention(ws, last, base, labels, formats)
    chart = bar_chart(ws, title=labels["chart_sensitivity"], y_title=labels["clv"],
                      categories=(1, header + 1, last),
                      series=[(5, header, last), (6, header, last)],
                      number_format=formats.money, anchor=f"I{top}")
    chart.type = "bar"  # horizontal bars: the tornado
