"""BG/NBD against Fader, Hardie & Lee (2005a) on the CDNOW 1/10 sample (weeks)."""

import numpy as np
import pandas as pd
import pytest
from conftest import DATA_DIR

from clvdesk.core.errors import DataError, InputError
from clvdesk.core.models import BetaGeoModel


@pytest.fixture(scope="module")
def cdnow():
    return pd.read_csv(DATA_DIR / "cdnow_customers_summary.csv")


@pytest.fixture(scope="module")
def fitted(cdnow):
    return BetaGeoModel().fit(cdnow["frequency"], cdnow["recency"], cdnow["T"])


def test_reproduces_published_estimates(fitted):
    # FHL 2005a, section 4: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4
    assert fitted.params == pytest.approx(
        {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, rel=2e-3)
    assert fitted.log_likelihood == pytest.approx(-9582.4, abs=0.05)
    assert fitted.n_customers == 2357
    assert fitted.converged


def test_standard_errors_and_criteria(fitted):
    # Inverse observed information; lifetimes' BetaGeoFitter reports the same on these data:
    # se(r) 0.01256, se(alpha) 0.3782, se(a) 0.1857, se(b) 0.7053.
    assert fitted.std_errors == pytest.approx(
        {"r": 0.01256, "alpha": 0.3782, "a": 0.1857, "b": 0.7053}, rel=5e-3)
    assert fitted.aic == pytest.approx(2 * 4 + 2 * 9582.4256, abs=1e-3)
    assert fitted.bic == pytest.approx(4 * np.log(2357) + 2 * 9582.4256, abs=1e-3)
    as_json = fitted.to_dict()
    assert as_json["model"] == "bgnbd" and as_json["n_customers"] == 2357
    assert set(as_json["std_errors"]) == {"r", "alpha", "a", "b"}


def test_weighted_fit_equals_full_fit(cdnow, fitted):
    table = cdnow.groupby(["frequency", "recency", "T"]).size().reset_index(name="n")
    weighted = BetaGeoModel().fit(table["frequency"], table["recency"], table["T"], table["n"])
    assert weighted.params == pytest.approx(fitted.params, rel=1e-5)
    assert weighted.log_likelihood == pytest.approx(fitted.log_likelihood, abs=1e-6)


def test_conditional_expectation_published_example():
    # FHL 2005a, section 4: a customer with x = 2, t_x = 30.43, T = 38.86 is expected to make
    # 1.226 purchases in the 39-week holdout period.
    model = BetaGeoModel.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    assert model.expected_purchases(39, 2, 30.43, 38.86) == pytest.approx(1.226, abs=5e-4)
    # P(alive) from eq. 12: 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))
    odds = 0.793 / (2.426 + 1) * ((4.414 + 38.86) / (4.414 + 30.43)) ** 2.243
    assert model.p_alive(2, 30.43, 38.86) == pytest.approx(1 / (1 + odds), rel=1e-12)
    assert model.p_alive(0, 0, 38.86) == 1.0


def test_expected_purchases_new_matches_eq9_series():
    r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
    model = BetaGeoModel.from_params({"r": r, "alpha": alpha, "a": a, "b": b})
    t = 39.0
    z = t / (alpha + t)
    # eq. 9 with the Gaussian hypergeometric series summed directly (z < 0.9: converges)
    term, series = 1.0, 0.0
    for j in range(5000):
        series += term
        term *= (r + j) * (b + j) / ((a + b - 1 + j) * (j + 1)) * z
    expected = (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * series)
    assert model.expected_purchases_new(t) == pytest.approx(expected, rel=1e-10)
    np.testing.assert_allclose(model.expected_purchases_new([0.0, t]), [0.0, expected])


def test_removable_singularities_and_negative_c():
    # a = 1 (0/0 in eq. 10) is bridged, a + b < 1 gives c < 0 for x = 0 (analytic
    # continuation); check against neighbouring parameters and brute-force integration.
    near = BetaGeoModel.from_params({"r": 0.5, "alpha": 3.0, "a": 1.0 + 2e-6, "b": 2.0})
    exact = BetaGeoModel.from_params({"r": 0.5, "alpha": 3.0, "a": 1.0, "b": 2.0})
    x, t_x, T = np.array([0, 1, 5]), np.array([0.0, 4.0, 20.0]), np.array([10.0, 20.0, 30.0])
    np.testing.assert_allclose(exact.expected_purchases(26, x, t_x, T),
                               near.expected_purchases(26, x, t_x, T), rtol=1e-5)
    small = BetaGeoModel.from_params({"r": 0.5, "alpha": 3.0, "a": 0.3, "b": 0.6})
    value = small.expected_purchases(26, 0, 0, 10)
    # same quantity by brute-force integration over p ~ Beta(0.3, 0.6)
    from scipy import integrate, stats

    def integrand(p):
        return (1 - (1 + p * 26 / 13.0) ** -0.5) / p * stats.beta.pdf(p, 0.3, 0.6)

    reference = integrate.quad(integrand, 0, 1, limit=200)[0]
    assert value == pytest.approx(reference, rel=1e-6)
    # c = a + b - 1 = 0 exactly for x = 0: continuous with its neighbours
    edge = BetaGeoModel.from_params({"r": 0.5, "alpha": 3.0, "a": 0.4, "b": 0.6})
    beside = BetaGeoModel.from_params({"r": 0.5, "alpha": 3.0, "a": 0.4, "b": 0.6001})
    assert edge.expected_purchases(26, 0, 0, 10) == pytest.approx(
        beside.expected_purchases(26, 0, 0, 10), rel=1e-3)


def test_degenerate_inputs():
    with pytest.raises(DataError, match="repeat"):
        BetaGeoModel().fit([0, 0, 0, 0, 0, 0, 0, 0, 0], [0] * 9, [10] * 9)
    with pytest.raises(DataError, match="too few customers"):
        BetaGeoModel().fit([2], [5.0], [10.0])
    with pytest.raises(InputError, match="recency must not exceed T"):
        BetaGeoModel().fit([1, 2], [11.0, 5.0], [10.0, 10.0])
    with pytest.raises(InputError, match="finite"):
        BetaGeoModel().fit([1, np.nan], [1.0, 5.0], [10.0, 10.0])
    with pytest.raises(InputError, match="zero or more"):
        BetaGeoModel().fit([1, -2], [1.0, 5.0], [10.0, 10.0])
    with pytest.raises(InputError, match="whole numbers"):
        BetaGeoModel().fit([1, 2.5], [1.0, 5.0], [10.0, 10.0])
    with pytest.raises(InputError, match="same length"):
        BetaGeoModel().fit([1, 2], [1.0], [10.0, 10.0])
    with pytest.raises(InputError, match="not been fitted"):
        BetaGeoModel().p_alive(1, 1, 2)


def test_extreme_dropout_parameters_stay_finite():
    # a in the hundreds with a horizon far beyond alpha + T: scipy's 2F1 returns NaN there and
    # the Beta-quantile integral takes over (accurate to about 1e-5); the answer must stay
    # finite and not fall with t.
    model = BetaGeoModel.from_params({"r": 2.04, "alpha": 0.0408, "a": 126.0, "b": 3.13})
    x = np.array([0, 1, 5, 50, 300, 2000])
    values = np.array([model.expected_purchases(t, x, np.minimum(x, 0.05), 0.053)
                       for t in (1.0, 244.0, 2000.0)])
    assert np.all(np.isfinite(values)) and np.all(values > 0)
    assert np.all(values[-1] >= values[0] * (1 - 1e-4))
