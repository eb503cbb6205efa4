"""Settings derived from the data (issue 11, point 1): a new file is a new analysis."""

import datetime as dt

import pandas as pd
import pytest

from clvdesk.core.io.readers import read_orders
from clvdesk.core.pipeline import run_analysis
from clvdesk.core.scenarios import observed_scenarios
from clvdesk.core.segments import TOTAL_LABEL
from clvdesk.core.suggest import detect_currency, propose_holdout, suggest_assumptions
from tests.dutch_export import CHANNELS, write_dutch_export


@pytest.mark.parametrize("first, last, expected", [
    ("1997-01-01", "1998-06-30", ("1997-12-31", "1998-06-30")),  # CDNOW: last third
    ("2023-01-01", "2024-06-30", ("2023-12-31", "2024-06-30")),
    ("2024-03-05", "2024-03-25", ("2024-03-18", "2024-03-25")),  # under two months: the day
])
def test_holdout_is_the_last_third_ending_on_a_month_end(first, last, expected):
    calibration, holdout = propose_holdout(dt.date.fromisoformat(first),
                                           dt.date.fromisoformat(last))
    assert (calibration.isoformat(), holdout.isoformat()) == expected
    assert propose_holdout(dt.date(2024, 1, 1), dt.date(2024, 1, 2)) is None


def test_currency_from_the_amounts_or_the_header():
    assert detect_currency(["€ 12,50", "€ 3,00", "$ 4"]) == "€"
    assert detect_currency(["12.50 USD"]) == "$"
    assert detect_currency(["12,50"], header="Bedrag (EUR)") == "€"
    assert detect_currency(["12,50"], header="Bedrag") is None


def test_a_dutch_export_gives_its_own_settings_and_runs(tmp_path):
    path = tmp_path / "export.csv"
    written = write_dutch_export(path)
    imported = read_orders(path)
    suggestion = suggest_assumptions(imported, fallback_currency="$")
    a = suggestion.assumptions
    assert a.end == written["date"].max().date() == suggestion.last_date
    assert a.holdout_end is None
    assert a.segment_col == "channel" and suggestion.segment_header == "Kanaal"
    assert suggestion.segment_values == tuple(sorted(CHANNELS))
    assert a.cac_by_segment == {} and a.cac == 0.0
    assert suggestion.currency == "€" and suggestion.currency_from_data
    calibration, holdout = suggestion.holdout
    assert calibration == dt.date(2023, 12, 31) and holdout == a.end
    result = run_analysis(imported.orders, a)
    assert set(result.segments["segment"]) == {*CHANNELS, TOTAL_LABEL}
    # without a currency sign in the file, the frontend's own currency
    plain = suggest_assumptions(imported.orders, fallback_currency="$")
    assert plain.currency == "$" and not plain.currency_from_data
    assert plain.segment_header == "channel"


def test_scenarios_from_the_data_reconcile_with_revenue_per_customer(tmp_path):
    path = tmp_path / "export.csv"
    write_dutch_export(path, returns=0)
    orders = read_orders(path).orders
    scenarios = observed_scenarios(orders, "channel", margin=0.3, cac={"Webshop": 20.0})
    assert list(scenarios)[-1] == TOTAL_LABEL and set(scenarios) == {*CHANNELS, TOTAL_LABEL}
    web = scenarios["Webshop"]
    part = orders[orders["channel"] == "Webshop"]
    customers = part["customer_id"].nunique()
    # aov x purchases per year x observed lifespan = revenue per customer so far
    assert web.aov * web.frequency * web.lifespan == pytest.approx(
        part["amount"].sum() / customers)
    assert web.cac == 20.0 and web.margin == pytest.approx(0.3)
    assert web.clv() == pytest.approx(0.3 * part["amount"].sum() / customers - 20.0)
    everyone = observed_scenarios(orders)[TOTAL_LABEL]
    assert everyone.aov == pytest.approx(orders["amount"].mean())
    assert everyone.cac == 0.0 and everyone.margin == 1.0
    assert isinstance(pd.Timestamp(orders["date"].max()), pd.Timestamp)
