"""``clvdesk actions``: the same numbers as the pipeline, the CRM list in the user's locale."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from cli_run import run_error, run_json

from clvdesk.core.datasets import CDNOW_END, load_cdnow
from clvdesk.core.pipeline import Assumptions, run_analysis


@pytest.fixture(scope="module")
def orders_file(tmp_path_factory):
    orders = load_cdnow(segment=True)
    rng = np.random.default_rng(1)
    orders["nps"] = np.where(rng.random(len(orders)) < 0.3, rng.integers(0, 11, len(orders)),
                             np.nan)
    path = tmp_path_factory.mktemp("actions") / "orders.csv"
    orders.to_csv(path, index=False)
    return path, orders


def test_json_matches_the_pipeline_and_writes_the_list(capsys, orders_file, tmp_path):
    path, orders = orders_file
    out = tmp_path / "crm.csv"
    data = run_json(capsys, "actions", str(path), "--end", str(CDNOW_END), "--margin", "0.3",
                    "--cac", "10", "--segment-column", "segment", "--referral-value", "5",
                    "-o", str(out), "--language", "nl")
    result = run_analysis(orders, Assumptions(period="weeks", end=CDNOW_END, margin=0.3,
                                              cac=10.0, segment_col="segment", n_draws=0,
                                              compare_models=()))
    expected = result.actions
    assert data["priority_customers"] == len(expected.priority) > 0
    levers = pd.DataFrame(data["levers"])
    np.testing.assert_allclose(levers["value"], expected.levers["value"], rtol=1e-9)
    assert {g["group"] for g in data["nps"]} == {"promoter", "passive", "detractor"}
    promoter = next(g for g in data["nps"] if g["group"] == "promoter")
    assert promoter["clv_with_referrals_mean"] == pytest.approx(promoter["clv_mean"] + 5)
    assert data["sentences"][-1].startswith("Over alle klanten")
    text = out.read_text(encoding="utf-8-sig").splitlines()
    assert text[0].split(";")[:4] == ["klant_id", "segment", "waardeklasse", "status"]
    assert len(text) == len(expected.priority) + 1
    first = text[1].split(";")
    assert first[0] == str(expected.priority.index[0]) and first[3] == "risico"
    assert float(first[4].replace(",", ".")) == pytest.approx(expected.priority["clv"].iloc[0])


def test_xlsx_list_and_errors(capsys, orders_file, tmp_path):
    path, _ = orders_file
    out = tmp_path / "crm.xlsx"
    run_json(capsys, "actions", str(path), "--end", str(CDNOW_END), "-o", str(out),
             "--statuses", "at_risk,lapsed", "--tiers", "1,2")
    listed = pd.read_excel(out, engine="openpyxl", dtype={"customer_id": str})
    assert set(listed["status"]) <= {"at risk", "lapsed"} and len(listed) > 67
    assert "tier" in run_error(capsys, "actions", str(path), "--tiers", "9")
    assert "csv or .xlsx" in run_error(capsys, "actions", str(path), "-o",
                                       str(tmp_path / "x.parquet"))


def test_rates_and_amounts_are_taken_as_users_type_them(capsys, orders_file):
    path, _ = orders_file
    common = ("actions", str(path), "--end", str(CDNOW_END))
    plain = run_json(capsys, *common, "--margin", "0.3", "--lever-step", "0.05",
                     "--discount-rate", "0.1", "--cac", "12.5", "--tier-cuts", "0.1,0.3")
    typed = run_json(capsys, *common, "--margin", "30%", "--lever-step", "5%",
                     "--discount-rate", "0,1", "--cac", "12,50", "--tier-cuts", "10%,30%")
    assert_same(typed, plain)
    assert_same(run_json(capsys, *common, "--tier-cuts", "0,1;0,3"),
                run_json(capsys, *common, "--tier-cuts", "0.1,0.3"))


def assert_same(left, right) -> None:
    """Equal JSON, numbers to 1e-12: two runs in one busy test process were seen to differ
    in the 16th digit (14.250152996877294 and ...288), which is not what this test is about."""
    if isinstance(left, dict):
        assert left.keys() == right.keys()
        for key in left:
            assert_same(left[key], right[key])
    elif isinstance(left, list):
        assert len(left) == len(right)
        for a, b in zip(left, right, strict=True):
            assert_same(a, b)
    elif isinstance(left, float):
        assert left == pytest.approx(right, rel=1e-12, nan_ok=True)
    else:
        assert left == right
