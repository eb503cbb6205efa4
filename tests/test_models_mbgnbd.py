"""MBG/NBD (Batislam, Denizel & Filiztekin 2007) on the CDNOW summary (weeks)."""

import pandas as pd
import pytest
from conftest import DATA_DIR

from clvdesk.core.models import BetaGeoModel, ModifiedBetaGeoModel

#: Maximum-likelihood estimates on CDNOW; Batislam et al. fitted other (grocery) data, and
#: lifetimes' ModifiedBetaGeoFitter gives the same values on this summary.
CDNOW_MBG = {"r": 0.525, "alpha": 6.183, "a": 0.891, "b": 1.614}


@pytest.fixture(scope="module")
def fitted():
    cdnow = pd.read_csv(DATA_DIR / "cdnow_customers_summary.csv")
    return ModifiedBetaGeoModel().fit(cdnow["frequency"], cdnow["recency"], cdnow["T"])


def test_cdnow_estimates(fitted):
    assert fitted.params == pytest.approx(CDNOW_MBG, rel=2e-3)
    assert fitted.log_likelihood == pytest.approx(-9582.13, abs=0.05)
    # lifetimes' standard errors on the same data: 0.0833, 0.6956, 0.1548, 0.5375
    assert fitted.std_errors == pytest.approx(
        {"r": 0.0833, "alpha": 0.6956, "a": 0.1548, "b": 0.5375}, rel=5e-3)


def test_one_time_buyers_may_be_gone():
    # Unlike BG/NBD, a customer without repeat purchases has P(alive) < 1:
    # 1 / (1 + a/b ((alpha+T)/alpha)^r)
    model = ModifiedBetaGeoModel.from_params(CDNOW_MBG)
    r, alpha, a, b = CDNOW_MBG.values()
    expected = 1 / (1 + a / b * ((alpha + 38.86) / alpha) ** r)
    assert model.p_alive(0, 0, 38.86) == pytest.approx(expected, rel=1e-12)
    assert BetaGeoModel.from_params(CDNOW_MBG).p_alive(0, 0, 38.86) == 1.0


def test_predictions_match_lifetimes_on_the_same_parameters():
    model = ModifiedBetaGeoModel.from_params(CDNOW_MBG)
    assert model.p_alive(2, 30.43, 38.86) == pytest.approx(0.706202270, rel=1e-8)
    assert model.expected_purchases(39, 2, 30.43, 38.86) == pytest.approx(1.262960623, rel=1e-8)
    assert model.expected_purchases(39, 0, 0, 38.86) == pytest.approx(0.154012747, rel=1e-8)
    assert model.expected_purchases_new(39) == pytest.approx(1.182953666, rel=1e-8)
