"""The Excel functions called as Excel calls them (scalars, lists of lists, empty cells, text in
number cells, error values), compared with the core and with the literature."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from clvdesk.core import formulas
from clvdesk.core.datasets import CDNOW_END, load_cdnow
from clvdesk.core.scenarios import Scenario, compare
from clvdesk.core.segments import segment_clv
from clvdesk.core.summary import summarize
from excel_addin import model_cache, udfs
from excel_addin.functions import ARG_OPTIONS, FUNCTIONS
from excel_addin.signatures import udf_specs

# ----------------------------------------------------------------------------- closed forms


def test_clv_simple_scalars_match_core_and_textbook():
    assert udfs.CLV_SIMPLE(50, 4, 5, 100) == 900.0  # 50 x 4 x 5 - 100
    assert udfs.CLV_SIMPLE(50, 4, 5) == 1000.0  # empty cac = 0
    assert udfs.CLV_SIMPLE(50, 4, 5, None, 0.3) == pytest.approx(300.0)
    assert udfs.CLV_SIMPLE(50.5, 3.2, 2.5, 12, 0.4) == pytest.approx(
        formulas.simple_clv(50.5, 3.2, 2.5, 12, 0.4))


def test_clv_simple_text_numbers_as_typed_by_dutch_users():
    assert udfs.CLV_SIMPLE("50,00", "4", "5", "€ 100") == 900.0
    assert udfs.CLV_SIMPLE("1.250,50", 1, 1) == pytest.approx(1250.5)
    assert udfs.CLV_SIMPLE(50, 4, 5, 0, "30%") == pytest.approx(300.0)


def test_clv_simple_column_gives_column_with_errors_in_place():
    aov = [[50], [60], ["x"], [None], ["#N/A"], [-5], ["70,5"]]
    result = udfs.CLV_SIMPLE(aov, 4, 5, [[100]])
    assert result == [
        [900.0], [1100.0], ["#VALUE! aov must be a number"], ["#N/A aov is missing"],
        ["#N/A aov is #N/A"], ["#VALUE! aov must be 0 or more, got -5"],
        [pytest.approx(70.5 * 20 - 100)],
    ]


def test_numeric_range_out_of_range_cell_is_found():
    # all numbers (the vectorised path), one out of range: only that cell shows the error
    assert udfs.CLV_SIMPLE([[50.0], [-5.0], [60]], 4, 5) == [
        [1000.0], ["#VALUE! aov must be 0 or more, got -5"], [1200.0]]
    assert udfs.CLV_SIMPLE([[50.0], [60.0]], 4, 5, [[None]], [[None]]) == [[1000.0], [1200.0]]


def test_clv_simple_row_times_column_gives_table():
    result = udfs.CLV_SIMPLE([[50, 60, 70]], [[1], [2]], 5)
    assert result == [[250.0, 300.0, 350.0], [500.0, 600.0, 700.0]]
    expected = formulas.simple_clv(np.array([[50, 60, 70]]), np.array([[1], [2]]), 5.0)
    assert np.allclose(result, expected)


def test_clv_simple_shape_mismatch_and_bad_types():
    assert udfs.CLV_SIMPLE([[1], [2], [3]], [[1], [2]], 5) == (
        "#VALUE! frequency has 2 rows but another argument has 3")
    assert udfs.CLV_SIMPLE("abc", 4, 5) == "#VALUE! aov must be a number"
    assert udfs.CLV_SIMPLE(True, 4, 5) == "#VALUE! aov must be a number"
    assert udfs.CLV_SIMPLE(50, 4, 5, None, 1.5) == "#VALUE! margin must be at least 0 and at most 1, got 1.5"
    assert udfs.CLV_SIMPLE(None, 4, 5) == "#N/A aov is missing"
    assert udfs.CLV_SIMPLE("#REF!", 4, 5) == "#REF! aov is #REF!"


def test_clv_retention_matches_core():
    assert udfs.CLV_RETENTION(100, 0.8, 0.1) == pytest.approx(100 * 0.8 / (1.1 - 0.8))
    assert udfs.CLV_RETENTION(100, "80%", "10%", 3) == pytest.approx(
        formulas.retention_clv(100.0, 0.8, 0.1, 3.0))
    column = udfs.CLV_RETENTION(100, 0.8, 0.1, [[None], [3], [2.5]])
    assert column[0][0] == pytest.approx(formulas.retention_clv(100.0, 0.8, 0.1))
    assert column[1][0] == pytest.approx(formulas.retention_clv(100.0, 0.8, 0.1, 3.0))
    assert column[2][0] == "#VALUE! periods must be whole numbers, 0 or more"
    assert udfs.CLV_RETENTION(100, 1, 0).startswith("#VALUE! retention 1 without discounting")


def test_clv_lifespan_matches_core():
    assert udfs.CLV_LIFESPAN(0.2) == pytest.approx(5.0)
    assert udfs.CLV_LIFESPAN("20%") == pytest.approx(formulas.lifespan_from_churn(0.2))
    assert udfs.CLV_LIFESPAN([[0.5], [0], ["x"]]) == [
        [2.0], ["#VALUE! churn_rate must be greater than 0 and at most 1, got 0"],
        ["#VALUE! churn_rate must be a number"]]


def test_ltv_cac_and_payback():
    assert udfs.LTV_CAC(900, 300) == 3.0
    assert udfs.LTV_CAC([[900], [600]], "300") == [[3.0], [2.0]]
    assert udfs.LTV_CAC(900, 0) == "#VALUE! cac must be greater than 0, got 0"
    assert udfs.CAC_PAYBACK(100, 25) == 4.0
    assert udfs.CAC_PAYBACK(100, "12,5", [[0.5], [1]]) == [[16.0], [8.0]]
    assert udfs.CAC_PAYBACK(100, 0) == "#NUM!"  # never pays back


# ----------------------------------------------------------------------------- order tables


@pytest.fixture(scope="module")
def cdnow():
    return load_cdnow()


@pytest.fixture(scope="module")
def orders_grid(cdnow):
    """The CDNOW sample as an Excel range: Dutch headers, numeric ids, date cells."""
    rows = [[float(c), d.to_pydatetime(), float(a)]
            for c, d, a in zip(cdnow["customer_id"], cdnow["date"], cdnow["amount"], strict=True)]
    return [["Klantnummer", "Orderdatum", "Bedrag"], *rows]


@pytest.fixture(scope="module")
def summary_grid(orders_grid):
    return udfs.CLV_SUMMARY(orders_grid, dt.datetime(1997, 9, 30))


def test_clv_summary_matches_core(cdnow, summary_grid):
    core = summarize(cdnow, period="weeks", end=CDNOW_END)
    header, *rows = summary_grid
    assert header == ["customer_id", "frequency", "recency", "T", "monetary_value",
                      "first_purchase", "last_purchase", "n_orders", "total_spend"]
    assert len(rows) == len(core) == 2357
    first = dict(zip(header, rows[0], strict=True))
    assert first["customer_id"] == "1"
    assert first["frequency"] == 2 and first["recency"] == pytest.approx(30.4286, abs=1e-4)
    assert first["T"] == pytest.approx(38.8571, abs=1e-4)
    assert first["first_purchase"] == dt.datetime(1997, 1, 1)
    values = np.array([r[1:5] for r in rows], dtype=float)
    assert np.allclose(values, core[["frequency", "recency", "T", "monetary_value"]].to_numpy())


def test_clv_summary_reads_serials_text_dates_and_decimal_commas():
    grid = [["customer", "date", "amount"],
            ["A", 35431, "10,50"],  # 1997-01-01 as a serial number
            ["A", "15-01-1997", "20,00"],
            ["A", dt.datetime(1997, 2, 1), 30],
            ["B", "1997-01-10", "5"],
            [None, None, None]]  # the empty tail of a selection
    header, *rows = udfs.CLV_SUMMARY(grid, "1997-02-28", "days")
    by_id = {r[0]: dict(zip(header, r, strict=True)) for r in rows}
    assert by_id["A"]["frequency"] == 2 and by_id["A"]["recency"] == 31
    assert by_id["A"]["T"] == 58 and by_id["A"]["monetary_value"] == pytest.approx(25.0)
    assert by_id["B"]["frequency"] == 0 and by_id["B"]["T"] == 49


def test_order_range_errors_name_the_row():
    grid = [["customer", "date", "amount"], ["A", "1997-01-01", 10], ["A", "1997-01-05", "#N/A"]]
    assert udfs.CLV_SUMMARY(grid) == "#N/A orders: row 3: amount is #N/A"
    grid[2][2] = "ten"
    assert udfs.CLV_SUMMARY(grid) == "#VALUE! orders: row 3: amount must be a number, got 'ten'"
    grid[2][2], grid[2][1] = 10, "someday"
    assert udfs.CLV_SUMMARY(grid) == "#VALUE! orders: row 3: date must be a date, got 'someday'"
    headerless = [["A", dt.datetime(1997, 1, 1), 10.0], ["B", dt.datetime(1997, 1, 2), 5.0]]
    assert udfs.CLV_SUMMARY(headerless) == ("#VALUE! the first row of orders must hold the "
                                            "column headers; include the header row in the range")
    no_amount = [["customer", "date"], ["A", "1997-01-01"]]
    assert udfs.CLV_SUMMARY(no_amount).startswith("#VALUE! no amount (e.g. bedrag) column found")
    assert udfs.CLV_SUMMARY([["customer", "date", "amount"]]).startswith("#VALUE! orders needs")
    assert udfs.CLV_SUMMARY(grid, None, "fortnights").startswith("#VALUE! unknown time unit")


# ----------------------------------------------------------------------------- models

#: BG/NBD on CDNOW, 39 weeks: Fader, Hardie & Lee (2005a), "Counting your customers the easy
#: way", Marketing Science 24(2), section 5: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426,
#: LL = -9582.4.
FHL_2005 = {"r": 0.2426, "alpha": 4.4136, "a": 0.7929, "b": 2.4259}


def _fit_dict(table):
    return {row[0]: row[1] for row in table[1:]}


def test_clv_fit_from_orders_reproduces_the_paper(orders_grid):
    table = udfs.CLV_FIT(orders_grid, "bgnbd", "30-09-1997")
    assert table[0] == ["parameter", "value", "std_error"]
    values = _fit_dict(table)
    for name, expected in FHL_2005.items():
        assert values[name] == pytest.approx(expected, abs=2e-3)
    assert values["log-likelihood"] == pytest.approx(-9582.4, abs=0.1)
    assert values["customers"] == 2357
    assert values["model"] == "bgnbd" and values["period"] == "weeks"
    std_errors = {row[0]: row[2] for row in table[1:5]}
    assert all(isinstance(v, float) and v > 0 for v in std_errors.values())


def test_clv_fit_from_a_summary_range(data_dir):
    frame = pd.read_csv(data_dir / "cdnow_customers_summary.csv")
    grid = [list(frame.columns), *frame.astype(object).values.tolist()]
    values = _fit_dict(udfs.CLV_FIT(grid))
    for name, expected in FHL_2005.items():
        assert values[name] == pytest.approx(expected, abs=2e-3)


def test_clv_fit_pareto_nbd_reproduces_the_literature(data_dir):
    """Fader, Hardie & Lee (2005), "A Note on Implementing the Pareto/NBD Model in MATLAB":
    r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, LL = -9595.0 on CDNOW."""
    frame = pd.read_csv(data_dir / "cdnow_customers_summary.csv")
    grid = [list(frame.columns), *frame.astype(object).values.tolist()]
    table = udfs.CLV_FIT(grid, "pareto-nbd")
    values = _fit_dict(table)
    expected = {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}
    for name, value in expected.items():
        assert values[name] == pytest.approx(value, rel=1e-2)
    assert values["log-likelihood"] == pytest.approx(-9595.0, abs=0.1)
    # the parameter table names its model, so CLV_PALIVE needs no model argument
    assert udfs.CLV_PALIVE(table, 0, 0, 38.86) == pytest.approx(
        float(model_cache.model_from_params("pareto-nbd", {k: values[k] for k in expected})
              .p_alive(0, 0, 38.86)))


def _grid(frame: pd.DataFrame) -> list[list]:
    return [list(frame.columns), *frame.astype(object).values.tolist()]


def test_clv_fit_gamma_gamma_reproduces_the_literature(data_dir):
    """Fader, Hardie & Lee (2005b), "RFM and CLV", on CDNOW's repeat buyers: p = 6.25,
    q = 3.74, gamma = 15.44 (Hardie's x / t_x / zbar headers are understood)."""
    frame = pd.read_csv(data_dir / "cdnow_customers_summary_with_transactions.csv")
    values = _fit_dict(udfs.CLV_FIT(_grid(frame), "gamma-gamma"))
    for name, expected in {"p": 6.25, "q": 3.74, "gamma": 15.44}.items():
        assert values[name] == pytest.approx(expected, rel=1e-2)
    assert values["model"] == "gamma-gamma"
    palive = udfs.CLV_PALIVE(udfs.CLV_FIT(_grid(frame), "gamma-gamma"), 1, 1, 2)
    assert palive.startswith("#VALUE! these are gamma-gamma parameters")


def test_clv_fit_bgbb_on_donations(data_dir):
    """Fader, Hardie & Shang (2010): alpha 1.204, beta 0.750, gamma 0.657, delta 2.783,
    LL -33225.6 on 11,104 donors (rows weighted by the number of donors)."""
    values = _fit_dict(udfs.CLV_FIT(_grid(pd.read_csv(data_dir / "donations.csv")), "bgbb"))
    for name, expected in {"alpha": 1.204, "beta": 0.750, "gamma": 0.657,
                           "delta": 2.783}.items():
        assert values[name] == pytest.approx(expected, rel=3e-3)
    assert values["log-likelihood"] == pytest.approx(-33225.6, abs=0.1)
    assert values["customers"] == 11104
    assert "period" not in values
    assert udfs.CLV_FIT([["frequency", "recency", "T"], [1, 1, 2]], "bgbb").startswith(
        "#VALUE! bgbb fits on a summary range with columns frequency, recency, periods")


def test_clv_fit_sbg_on_alive_counts(data_dir):
    """Fader & Hardie (2007), 'regular' cohort, years 0-7: alpha 0.704, beta 1.182 (the
    'high end' cohort, retaining far more, has alpha 0.668, beta 3.806)."""
    published = {"alpha": 0.704, "beta": 1.182}
    counts = [[1000], [631], [468], [382], [326], [289], [262], [241]]
    values = _fit_dict(udfs.CLV_FIT([["alive"], *counts], "sbg"))
    for name, expected in published.items():
        assert values[name] == pytest.approx(expected, rel=3e-3)
    # the same cohort as percentages beside the year, as the paper's table shows it
    table = pd.read_csv(data_dir / "retention.csv").iloc[:8, :2]
    values = _fit_dict(udfs.CLV_FIT(_grid(table), "sbg"))
    for name, expected in published.items():
        assert values[name] == pytest.approx(expected, rel=3e-3)
    assert udfs.CLV_FIT([[1000, 631, 468]], "sbg") == udfs.CLV_FIT([[1000], [631], [468]], "sbg")
    assert udfs.CLV_FIT([[1000]], "sbg").startswith("#VALUE! data needs the customers active")


def test_bgbb_parameters_give_palive_and_expected_purchases_like_the_core(data_dir):
    table = udfs.CLV_FIT(_grid(pd.read_csv(data_dir / "donations.csv")), "bgbb")
    params = {k: v for k, v in _fit_dict(table).items() if k in ("alpha", "beta", "gamma", "delta")}
    model = model_cache.model_from_params("bgbb", params)
    x, t_x, n = np.array([3.0, 1.0, 6.0]), np.array([5.0, 2.0, 6.0]), np.array([6.0, 6.0, 6.0])
    palive = udfs.CLV_PALIVE(table, [[3], [1], [6]], [[5], [2], [6]], 6)
    assert np.allclose(np.array(palive, dtype=float).ravel(), model.p_alive(x, t_x, n))
    # one cell at a time, as most sheets call it
    assert udfs.CLV_PALIVE(table, 3, 5, 6) == pytest.approx(model.p_alive(x, t_x, n)[0])
    expected = udfs.CLV_EXPECTED_PURCHASES(table, 3, 5, 6, [[1, 5]])
    assert expected[0] == pytest.approx(list(model.expected_purchases(
        np.array([1.0, 5.0]), np.array([3.0, 3.0]), np.array([5.0, 5.0]), np.array([6.0, 6.0]))))


def test_clv_survival_of_an_sbg_cohort():
    table = udfs.CLV_FIT([["alive"], [1000], [631], [468], [382], [326], [289], [262], [241]],
                         "sbg")
    survival = udfs.CLV_SURVIVAL(table, [[0], [1], [7], ["x"]])
    assert survival[0][0] == 1.0
    assert survival[1][0] == pytest.approx(0.631, abs=0.01)  # fits the cohort's 63.1 %
    assert survival[2][0] == pytest.approx(0.241, abs=0.01)  # and 24.1 % after 7 years
    assert survival[3][0] == "#VALUE! periods must be a number"
    assert udfs.CLV_SURVIVAL([["r", 1], ["alpha", 1], ["a", 1], ["b", 1]], 1) == (
        "#VALUE! these are bgnbd parameters; this function needs sbg parameters")


def test_clv_fit_is_cached_by_content(orders_grid):
    model_cache.clear_caches()
    first = udfs.CLV_FIT(orders_grid, "bgnbd", "1997-09-30")
    misses = model_cache.FITS.misses
    assert udfs.CLV_FIT(orders_grid, "BGNBD", dt.datetime(1997, 9, 30)) == first
    assert model_cache.FITS.misses == misses  # same content: no refit
    udfs.CLV_FIT(orders_grid, "bgnbd", "1997-09-29")
    assert model_cache.FITS.misses == misses + 1  # other data: a new fit


def test_clv_fit_bad_input():
    assert udfs.CLV_FIT([["customer", "date", "amount"], ["A", "1997-01-01", 1]], "nope") \
        .startswith("#VALUE! unknown model 'nope'")
    one_time = [["customer", "date", "amount"], ["A", "1997-01-01", 1], ["B", "1997-01-02", 1]]
    result = udfs.CLV_FIT(one_time)
    assert isinstance(result, str) and result.split(" ")[0] in ("#NUM!", "#VALUE!")


@pytest.fixture(scope="module")
def fitted(orders_grid):
    return udfs.CLV_FIT(orders_grid, "bgnbd", "1997-09-30")


def test_palive_and_expected_purchases_match_the_paper(fitted):
    # FHL (2005a), customer with x = 2, t_x = 30.43, T = 38.86: 1.226 purchases in 39 weeks
    assert udfs.CLV_EXPECTED_PURCHASES(fitted, 2, 30.43, 38.86, 39) == pytest.approx(1.226, abs=2e-3)
    p = udfs.CLV_PALIVE(fitted, 2, 30.43, 38.86)
    model = model_cache.model_from_params("bgnbd", {k: v for k, v in _fit_dict(fitted).items()
                                                    if k in FHL_2005})
    assert p == pytest.approx(float(model.p_alive(2, 30.43, 38.86)))
    assert udfs.CLV_PALIVE(fitted, 0, 0, 38.86) == 1.0  # BG/NBD: no repeats, alive


def test_palive_over_ranges_with_a_two_column_parameter_range():
    params = [["r", "0,2426"], ["alpha", 4.4136], ["a", 0.7929], ["b", 2.4259]]
    result = udfs.CLV_PALIVE(params, [[0], [2], [5], ["x"], [None]], [[0], [30.43], [40], [1], [1]],
                             38.86)
    model = model_cache.model_from_params("bgnbd", {"r": 0.2426, "alpha": 4.4136, "a": 0.7929,
                                                    "b": 2.4259})
    assert result[0][0] == 1.0
    assert result[1][0] == pytest.approx(float(model.p_alive(2, 30.43, 38.86)))
    assert result[2][0].startswith("#VALUE! recency must not exceed T")
    assert result[3][0] == "#VALUE! frequency must be a number"
    assert result[4][0] == "#N/A frequency is missing"


def test_parameters_may_run_across_a_row():
    across = [["r", "alpha", "a", "b"], [0.2426, 4.4136, 0.7929, 2.4259]]
    down = [["r", 0.2426], ["alpha", 4.4136], ["a", 0.7929], ["b", 2.4259]]
    assert udfs.CLV_PALIVE(across, 2, 30.43, 38.86) == udfs.CLV_PALIVE(down, 2, 30.43, 38.86)


def test_palive_cells_share_one_model():
    params = [["parameter", "value"], ["r", 0.25], ["alpha", 4.0], ["a", 0.8], ["b", 2.5]]
    model_cache.clear_caches()
    for x in range(50):
        udfs.CLV_PALIVE(params, x % 5, 20, 38)
    assert model_cache.PARAM_RANGES.misses == 1 and model_cache.PARAM_RANGES.hits == 49
    assert model_cache.FROM_PARAMS.misses == 1


def test_parameter_range_errors():
    assert udfs.CLV_PALIVE([["r", 1], ["alpha", 2]], 1, 1, 2).startswith(
        "#VALUE! no model has the parameters r, alpha")
    assert udfs.CLV_PALIVE([["r", 1], ["alpha", "#N/A"]], 1, 1, 2).startswith("#N/A")
    assert udfs.CLV_PALIVE([["r", -1], ["alpha", 2], ["a", 1], ["b", 1]], 1, 1, 2).startswith(
        "#VALUE! parameter r must be a positive number")
    assert udfs.CLV_PALIVE(5, 1, 1, 2).startswith("#VALUE! parameters must be two columns")


def test_clv_predict_matches_core(orders_grid, cdnow):
    from clvdesk.core.clv import predict_clv
    from clvdesk.core.models import get_model

    table = udfs.CLV_PREDICT(orders_grid, 12, "30%", 0.1, None, "1997-09-30")
    assert isinstance(table, list), table
    header, *rows = table
    assert header[:1] == ["customer_id"]
    for column in ("p_alive", "expected_purchases", "expected_spend", "clv", "clv_low",
                   "clv_high"):
        assert column in header
    summary = summarize(cdnow, period="weeks", end=CDNOW_END)
    x, t_x, age = (summary[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T"))
    model = get_model("bgnbd")().fit(x, t_x, age)
    repeat = (x > 0) & (summary["monetary_value"].to_numpy() > 0)
    spend = get_model("gamma-gamma")().fit(x[repeat], summary["monetary_value"].to_numpy()[repeat])
    core = predict_clv(model, spend, summary, horizon=12, margin=0.3, annual_discount_rate=0.1,
                       n_draws=0)
    clv = np.array([r[header.index("clv")] for r in rows], dtype=float)
    assert np.allclose(clv, core["clv"].to_numpy(), rtol=1e-6)
    low = np.array([r[header.index("clv_low")] for r in rows], dtype=float)
    high = np.array([r[header.index("clv_high")] for r in rows], dtype=float)
    assert np.all(low <= clv + 1e-9) and np.all(clv <= high + 1e-9)


# ----------------------------------------------------------------------------- segments, scenarios


def test_clv_segments_matches_core():
    grid = [["klant", "datum", "bedrag", "kanaal"],
            ["A", "2024-01-05", "100", "web"], ["A", "2024-03-01", 50, "web"],
            ["B", "2024-02-01", 80, "winkel"], ["C", "2024-02-10", 20, "web"],
            ["C", "2024-05-10", 40, "winkel"]]
    header, *rows = udfs.CLV_SEGMENTS(grid, "kanaal", 0.4, [["web", 10], ["winkel", 20]])
    assert header[0] == "segment"
    orders = pd.DataFrame({
        "customer_id": ["A", "A", "B", "C", "C"],
        "date": pd.to_datetime(["2024-01-05", "2024-03-01", "2024-02-01", "2024-02-10",
                                "2024-05-10"]),
        "amount": [100.0, 50, 80, 20, 40], "channel": ["web", "web", "winkel", "web", "winkel"]})
    core = segment_clv(orders, "channel", margin=0.4, cac={"web": 10, "winkel": 20})
    assert [r[0] for r in rows] == list(core.index)
    for row, (_, expected) in zip(rows, core.iterrows(), strict=True):
        got = dict(zip(header[1:], row[1:], strict=True))
        assert got["clv"] == pytest.approx(expected["clv"])
        assert got["customers"] == expected["customers"]
    assert udfs.CLV_SEGMENTS(grid, "regio").startswith("#VALUE! segment column 'regio' not found")


def test_clv_scenarios_by_row_and_by_column():
    by_row = [["scenario", "aov", "frequency", "lifespan", "cac", "margin"],
              ["Repeat buyer", 40, 4, 5, 50, "40%"], ["One-time buyer", "150", 1, 1, 50, 0.4]]
    core = compare([Scenario("Repeat buyer", 40, 4, 5, 50, 0.4),
                    Scenario("One-time buyer", 150, 1, 1, 50, 0.4)])
    header, *rows = udfs.CLV_SCENARIOS(by_row)
    assert header[0] == "scenario" and [r[0] for r in rows] == list(core.index)
    assert rows[0][header.index("clv")] == pytest.approx(270.0)
    assert rows[1][header.index("clv_vs_baseline")] == pytest.approx(core["clv_vs_baseline"].iloc[1])
    by_column = [list(col) for col in zip(*by_row, strict=True)]
    transposed = udfs.CLV_SCENARIOS(by_column, "One-time buyer")
    assert transposed[0] == ["input", "Repeat buyer", "One-time buyer"]
    clv_row = next(r for r in transposed if r[0] == "clv")
    assert clv_row[1:] == [pytest.approx(270.0), pytest.approx(10.0)]
    assert udfs.CLV_SCENARIOS([["a", "b"], [1, 2]]).startswith("#VALUE! scenarios: no 'aov'")


# ----------------------------------------------------------------------------- every UDF is safe

WEIRD_INPUTS = [None, "", "#N/A", "#VALUE! from another cell", "abc", True, -1, 0, math.nan,
                [[None]], [[1, 2], [3, 4]], [[]], [], dt.datetime(2024, 1, 1), {"a": 1}, object()]


@pytest.mark.parametrize("spec", udf_specs(), ids=lambda s: s.name)
def test_no_input_raises_or_returns_a_traceback(spec):
    func = getattr(udfs, spec.name)
    n_args = len(spec.args)
    for weird in WEIRD_INPUTS:
        for position in range(n_args):
            args = [weird if i == position else 1 for i in range(n_args)]
            result = func(*args)
            text = str(result)
            assert "Traceback" not in text and "\n" not in text
            if isinstance(result, str) and result.startswith("#"):
                assert result.split(" ")[0] in {"#N/A", "#VALUE!", "#NUM!", "#REF!", "#DIV/0!"}


# ----------------------------------------------------------------------------- registration


def test_every_udf_is_registered_and_documented():
    specs = udf_specs()
    assert [s.name for s in specs] == sorted(s.name for s in specs)
    assert {s.name for s in specs} == {
        "CLV_SIMPLE", "CLV_RETENTION", "CLV_LIFESPAN", "LTV_CAC", "CAC_PAYBACK", "CLV_SUMMARY", "CLV_SEGMENTS",
        "CLV_FIT", "CLV_PALIVE", "CLV_EXPECTED_PURCHASES", "CLV_SURVIVAL", "CLV_PREDICT",
        "CLV_SCENARIOS", "CLV_CHURN_RISK", "CLV_NEXT_PURCHASE", "CLV_TIERS"}
    for spec in specs:
        assert spec.name.isupper() and spec.category == "CLV" and not spec.volatile
        assert 20 < len(spec.description) <= 255, spec.name  # Excel's wizard takes 255
        for arg in spec.args:
            assert not arg.doc.startswith("Positional argument"), (spec.name, arg.name)
            assert len(arg.doc) <= 255
            assert arg.optional == arg.doc.startswith("Optional"), (spec.name, arg.name)
    # one definition: the classic functions are the guarded definitions of excel_addin.functions
    assert set(udfs.__all__) == set(FUNCTIONS) == {s.name for s in specs}
    for name, function in FUNCTIONS.items():
        assert getattr(udfs, name).__wrapped__ is function.impl
    assert ARG_OPTIONS == {"ndim": 2, "err_to_str": True}


def test_first_closed_form_call_loads_no_model_code():
    """The first formula of a session imports only what it needs (lazy imports; the time is
    measured in benchmarks/bench_udfs.py): no models, scipy, summary engine or report code."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    code = ("import sys; import excel_addin.udfs as u; "
            "assert u.CLV_SIMPLE([[50.0]], [[4.0]], [[5.0]], [[100.0]], [[None]]) == 900.0; "
            "heavy = ('scipy', 'excel_addin.analysis', 'clvdesk.core.models', "
            "'clvdesk.core.summary', 'clvdesk.core.pipeline', 'openpyxl', 'duckdb'); "
            "print(sorted(m for m in sys.modules if m.startswith(heavy)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(root)}, cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_classic_module_imports_and_computes_without_xlwings():
    """``pip install clvdesk`` without the excel extra: excel_addin.udfs still imports, and its
    functions are the plain guarded functions (what xlwings' pass-throughs give on Linux)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    code = ("import sys\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] == 'xlwings':\n"
            "            raise ImportError(name)\n"
            "sys.meta_path.insert(0, Block())\n"
            "import excel_addin.udfs as u\n"
            "print(u.xw, u.CLV_SIMPLE(50, 4, 5, 100), u.CLV_SIMPLE('x', 4, 5))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(root)}, cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None 900.0 #VALUE! aov must be a number"


def test_iferror_friendly_form_of_classic_error_texts():
    """What the README promises for the classic add-in's error texts, checked in a real formula
    engine (IronCalc): IFERROR and ISERROR miss the text, SUM skips it, and the ``--`` form
    turns it into a real error while leaving a number as it is."""
    ic = pytest.importorskip("ironcalc", reason="IronCalc (PyPI ironcalc) is the formula engine")
    error, number = udfs.CLV_SIMPLE("fifty", 4, 5), udfs.CLV_SIMPLE(50, 4, 5, 100)
    assert error == "#VALUE! aov must be a number" and number == 900.0
    model = ic.create("errors", "en", "UTC")
    model.set_user_input(0, 1, 1, error)
    model.set_user_input(0, 2, 1, str(number))
    formulas_and_values = [("=ISERROR(A1)", False), ("=IFERROR(A1,0)", error),
                           ("=SUM(A1:A2)", 900.0), ("=IFERROR(--A1,0)", 0.0),
                           ("=IFERROR(--A2,0)", 900.0), ("=ISERROR(--A1)", True),
                           ("=ISNUMBER(A1)", False)]
    for row, (formula, _) in enumerate(formulas_and_values, start=1):
        model.set_user_input(0, row, 2, formula)
    model.evaluate()
    assert [model.get_cell_value(0, row, 2) for row in range(1, 8)] == [
        value for _, value in formulas_and_values]
