"""Pareto/NBD against Fader, Hardie & Lee (2005a) / Schmittlein et al. (1987) on CDNOW (weeks)."""

import numpy as np
import pandas as pd
import pytest
from conftest import DATA_DIR
from scipy import integrate

from clvdesk.core.errors import DataError
from clvdesk.core.models import ParetoNBDModel
from clvdesk.core.models.pareto_nbd import _log_g_quadrature, log_g

PUBLISHED = {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}


@pytest.fixture(scope="module")
def fitted():
    cdnow = pd.read_csv(DATA_DIR / "cdnow_customers_summary.csv")
    return ParetoNBDModel().fit(cdnow["frequency"], cdnow["recency"], cdnow["T"])


def test_reproduces_published_estimates(fitted):
    # FHL 2005a (section 4, the Pareto/NBD benchmark): r = 0.553, alpha = 10.578, s = 0.606,
    # beta = 11.669, LL = -9595.0
    assert fitted.params == pytest.approx(PUBLISHED, rel=2e-3)
    assert fitted.log_likelihood == pytest.approx(-9595.0, abs=0.05)
    assert fitted.n_customers == 2357
    assert all(se > 0 for se in fitted.std_errors.values())
    assert fitted.std_errors["r"] == pytest.approx(0.0476, rel=0.01)


def test_p_alive_against_the_integral_it_stands_for():
    model = ParetoNBDModel.from_params(PUBLISHED)
    r, alpha, s, beta = PUBLISHED.values()
    for x, t_x, T in [(2, 30.43, 38.86), (0, 0.0, 38.86), (10, 5.0, 38.0)]:
        # P(alive) = alive term / (alive term + s * integral of the death density), FHS 2005
        alive = (alpha + T) ** -(r + x) * (beta + T) ** -s
        died = s * integrate.quad(lambda tau, x=x: (alpha + tau) ** -(r + x)
                                  * (beta + tau) ** -(s + 1), t_x, T, epsrel=1e-12)[0]
        assert model.p_alive(x, t_x, T) == pytest.approx(alive / (alive + died), rel=1e-9)


def test_predictions_match_lifetimes_on_the_published_parameters():
    # Values of lifetimes' ParetoNBDFitter for the same parameters (peer reference).
    model = ParetoNBDModel.from_params(PUBLISHED)
    assert model.p_alive(2, 30.43, 38.86) == pytest.approx(0.869167559, rel=1e-8)
    assert model.p_alive(0, 0, 38.86) == pytest.approx(0.295286605, rel=1e-8)
    assert model.expected_purchases(39, 2, 30.43, 38.86) == pytest.approx(1.455123193, rel=1e-8)
    assert model.expected_purchases_new(39) == pytest.approx(1.213002844, rel=1e-8)
    np.testing.assert_allclose(model.expected_purchases([0, 39], [2, 2], [30.43, 30.43],
                                                       [38.86, 38.86]), [0, 1.455123193],
                               rtol=1e-8)


def test_s_equal_to_one_is_the_logarithmic_limit():
    model = ParetoNBDModel.from_params({"r": 0.5, "alpha": 10.0, "s": 1.0, "beta": 12.0})
    near = ParetoNBDModel.from_params({"r": 0.5, "alpha": 10.0, "s": 1.0 + 1e-7, "beta": 12.0})
    assert model.expected_purchases_new(52) == pytest.approx(0.5 / 10 * 12 * np.log(64 / 12))
    assert model.expected_purchases(52, 3, 20, 30) == pytest.approx(
        near.expected_purchases(52, 3, 20, 30), rel=1e-6)


@pytest.mark.parametrize("alpha, beta", [(5.0, 0.5), (0.5, 5.0)])
def test_quadrature_fallback_agrees_with_the_series(alpha, beta):
    p = np.array([0.7, 3.2, 25.5])
    q = np.array([1.6, 1.6, 2.3])
    t = np.array([0.0, 10.0, 40.0])
    e_m, e_o = (p, q) if alpha >= beta else (q, p)
    quadrature = _log_g_quadrature(e_m, e_o, max(alpha, beta), min(alpha, beta), t)
    np.testing.assert_allclose(quadrature, log_g(p, q, alpha, beta, t), rtol=1e-9, atol=1e-9)


def test_degenerate_inputs():
    with pytest.raises(DataError, match="repeat"):
        ParetoNBDModel().fit([0] * 10, [0] * 10, [30] * 10)
    with pytest.raises(DataError, match="too few"):
        ParetoNBDModel().fit([1], [3.0], [30.0])
