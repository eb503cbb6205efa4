"""Three-factor CLV per segment on a hand-made log, and on CDNOW against the summary."""

import numpy as np
import pandas as pd
import pytest

from clvdesk.core.datasets import load_cdnow
from clvdesk.core.errors import InputError
from clvdesk.core.segments import MISSING_LABEL, TOTAL_LABEL, segment_clv

YEAR = 365.25


def _log():
    rows = [
        # customer, date, amount, segment (a customer counts in the segment of the first order)
        ("a", "2024-01-01", 100.0, "web"),
        ("a", "2024-01-31", 50.0, "shop"),
        ("b", "2024-01-11", 30.0, "shop"),
        ("c", "2024-01-21", 20.0, "  "),
        ("c", "2024-02-05", 999.0, "shop"),  # after the end
    ]
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "amount", "segment"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def test_three_factors_by_hand():
    table = segment_clv(_log(), end="2024-01-31", margin=0.4, cac=10)
    assert list(table.index) == ["web", "shop", MISSING_LABEL, TOTAL_LABEL]
    web = table.loc["web"]
    assert (web["customers"], web["orders"], web["revenue"]) == (1, 2, 150.0)
    assert web["aov"] == 75.0
    assert web["frequency_per_year"] == pytest.approx(2 / (31 / YEAR))  # tenure 31 days
    assert web["lifespan_years"] == pytest.approx(31 / YEAR)
    assert web["lifespan_source"] == "observed"
    # observed lifespan: aov x frequency x lifespan = revenue per customer, on 40 % margin
    assert web["ltv"] == pytest.approx(0.4 * 150)
    assert web["clv"] == pytest.approx(60 - 10)
    assert web["ltv_cac"] == pytest.approx(6.0)
    monthly_margin = 75 * 2 / (31 / YEAR) / 12 * 0.4
    assert web["payback_months"] == pytest.approx(10 / monthly_margin)
    shop = table.loc["shop"]
    assert (shop["customers"], shop["orders"], shop["revenue"]) == (1, 1, 30.0)
    assert shop["frequency_per_year"] == pytest.approx(1 / (21 / YEAR))
    total = table.loc[TOTAL_LABEL]
    assert (total["customers"], total["orders"], total["revenue"]) == (3, 4, 200.0)
    assert total["frequency_per_year"] == pytest.approx(4 / ((31 + 21 + 11) / YEAR))
    assert total["ltv"] == pytest.approx(0.4 * 200 / 3)


def test_assumed_lifespan_per_segment_and_cac_per_segment():
    table = segment_clv(_log(), end="2024-01-31", lifespan_years={"web": 3}, margin=1.0,
                        cac={"web": 40, "shop": 5})
    web = table.loc["web"]
    assert web["lifespan_years"] == 3.0 and web["lifespan_source"] == "assumed"
    assert web["ltv"] == pytest.approx(75 * 2 / (31 / YEAR) * 3)
    assert web["cac"] == 40.0
    assert table.loc["shop", "lifespan_source"] == "observed"
    assert table.loc[MISSING_LABEL, "cac"] == 0.0
    total = table.loc[TOTAL_LABEL]
    assert total["lifespan_source"] == "mixed"
    assert total["cac"] == pytest.approx(45 / 3)
    assert total["lifespan_years"] == pytest.approx((3 + 21 / YEAR + 11 / YEAR) / 3)


def test_margin_and_cac_from_the_order_table():
    log = _log()
    log["cost"] = [60.0, 20.0, 3.0, 10.0, 0.0]
    log["acquisition_cost"] = [12.0, 12.0, 8.0, np.nan, np.nan]
    table = segment_clv(log, end="2024-01-31")
    assert table.loc["web", "margin"] == pytest.approx(70.0)
    assert table.loc["web", "ltv"] == pytest.approx(70.0)
    assert table.loc["web", "cac"] == 12.0
    assert table.loc[TOTAL_LABEL, "cac"] == pytest.approx(20 / 3)  # c has none: 0


def test_order_ids_count_orders_once():
    log = pd.concat([_log(), _log().iloc[[0]]], ignore_index=True)
    log["order_id"] = ["o1", "o2", "o3", "o4", "o5", "o1"]
    table = segment_clv(log, end="2024-01-31")
    assert table.loc["web", "orders"] == 2
    assert table.loc["web", "revenue"] == 250.0


def test_all_customers_only():
    table = segment_clv(_log(), None, end="2024-01-31")
    assert list(table.index) == [TOTAL_LABEL]


def test_cdnow_observed_clv_is_revenue_per_customer():
    orders = load_cdnow()
    orders["segment"] = np.where(orders["quantity"] > 1, "several", "one")
    table = segment_clv(orders, margin=1.0)
    per_customer = orders["amount"].sum() / orders["customer_id"].nunique()
    assert table.loc[TOTAL_LABEL, "ltv"] == pytest.approx(per_customer)
    assert table.loc[TOTAL_LABEL, "customers"] == 2357
    assert table.loc[["one", "several"], "customers"].sum() == 2357


def test_errors():
    with pytest.raises(InputError, match="column 'kanaal' not found"):
        segment_clv(_log(), "kanaal")
    with pytest.raises(InputError, match="acquisition cost given for unknown segment"):
        segment_clv(_log(), cac={"webb": 10})
    with pytest.raises(InputError, match="lifespan_years must be 0 or more"):
        segment_clv(_log(), lifespan_years=-2)
    with pytest.raises(InputError, match="margin must be at least 0 and at most 1"):
        segment_clv(_log(), margin=30)
