"""UDFs of the actions (CLV_CHURN_RISK, CLV_NEXT_PURCHASE, CLV_TIERS): the core's numbers in
cells, on scalars and ranges, with Excel errors for bad input."""

from __future__ import annotations

import pytest

from clvdesk.core import actions, next_purchase
from clvdesk.core.models import get_model
from excel_addin import action_udfs as udfs

PARAMS = [["r", 0.243], ["alpha", 4.414], ["a", 0.793], ["b", 2.426]]
MODEL = get_model("bgnbd").from_params(dict(PARAMS))


def test_churn_risk_cells_equal_the_core():
    assert udfs.CLV_CHURN_RISK(PARAMS, 2, 30.43, 38.86, 13) == pytest.approx(
        next_purchase.churn_risk(MODEL, 13, [2], [30.43], [38.86])[0], rel=1e-12)
    spilled = udfs.CLV_CHURN_RISK(PARAMS, [[2], [0]], [[30.43], [0]], [[38.86], [38.86]], 13)
    assert spilled[1][0] == pytest.approx((43.274 / 56.274) ** 0.243)


def test_next_purchase_and_tiers():
    assert udfs.CLV_NEXT_PURCHASE(PARAMS, 2, 38.86) == pytest.approx(
        43.274 * (2 ** (1 / 2.243) - 1))
    values = [[float(v)] for v in range(10)]
    assert udfs.CLV_TIERS(values) == [[int(t)] for t in actions.value_tiers(range(10))]
    assert udfs.CLV_TIERS(values, [[0.5]]) == [[2]] * 5 + [[1]] * 5


def test_bad_input_gives_excel_errors():
    assert str(udfs.CLV_CHURN_RISK(PARAMS, -1, 0, 3, 13)).startswith("#VALUE!")
    assert str(udfs.CLV_TIERS([[1.0], [None]])).startswith("#VALUE!")
    assert str(udfs.CLV_CHURN_RISK([["p", 1], ["q", 2], ["gamma", 3]], 1, 1, 2, 13)
               ).startswith("#VALUE!")
