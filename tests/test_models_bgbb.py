"""BG/BB against Fader, Hardie & Shang (2010) on the donation data (6 opportunities)."""

import numpy as np
import pandas as pd
import pytest
from conftest import DATA_DIR
from scipy.special import beta as beta_fn

from clvdesk.core.errors import DataError, InputError
from clvdesk.core.models import BetaGeoBetaBinomModel

PUBLISHED = {"alpha": 1.204, "beta": 0.750, "gamma": 0.657, "delta": 2.783}


@pytest.fixture(scope="module")
def donations():
    return pd.read_csv(DATA_DIR / "donations.csv")


@pytest.fixture(scope="module")
def fitted(donations):
    d = donations
    return BetaGeoBetaBinomModel().fit(d["frequency"], d["recency"], d["periods"], d["weights"])


def test_reproduces_published_estimates(fitted):
    # FHS 2010, table 2: alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, LL -33,225.6
    assert fitted.params == pytest.approx(PUBLISHED, rel=2e-3)
    assert fitted.log_likelihood == pytest.approx(-33225.6, abs=0.05)
    assert fitted.n_customers == 11104
    assert all(se > 0 for se in fitted.std_errors.values())


def test_likelihood_of_one_pattern_by_hand():
    # x = 1, t_x = 2, n = 3: alive throughout, or died after opportunity 2
    model = BetaGeoBetaBinomModel.from_params(PUBLISHED)
    a, b, g, d = PUBLISHED.values()
    by_hand = (beta_fn(a + 1, b + 2) / beta_fn(a, b) * beta_fn(g, d + 3) / beta_fn(g, d)
               + beta_fn(a + 1, b + 1) / beta_fn(a, b) * beta_fn(g + 1, d + 2) / beta_fn(g, d))
    alive = beta_fn(a + 1, b + 2) / beta_fn(a, b) * beta_fn(g, d + 4) / beta_fn(g, d)
    assert model.p_alive(1, 2, 3) == pytest.approx(alive / by_hand, rel=1e-12)


def test_predictions_match_lifetimes_on_the_published_parameters():
    model = BetaGeoBetaBinomModel.from_params(PUBLISHED)
    x, t_x, n = np.array([3, 0, 6]), np.array([4, 0, 6]), np.array([6, 6, 6])
    np.testing.assert_allclose(model.p_alive(x, t_x, n), [0.43946286, 0.10801658, 0.93040254],
                               rtol=1e-7)
    np.testing.assert_allclose(model.expected_purchases(5, x, t_x, n),
                               [1.0342285, 0.07280288, 3.75211561], rtol=1e-7)


def test_expected_purchases_new_sums_the_survival_of_each_opportunity():
    model = BetaGeoBetaBinomModel.from_params(PUBLISHED)
    a, b, g, d = PUBLISHED.values()
    # E[X(n)] = E[p] * sum_{t=1..n} E[(1-theta)^t] = a/(a+b) * sum B(g, d+t)/B(g, d)
    by_sum = a / (a + b) * sum(beta_fn(g, d + t) / beta_fn(g, d) for t in range(1, 7))
    assert model.expected_purchases_new(6) == pytest.approx(by_sum, rel=1e-12)
    one = BetaGeoBetaBinomModel.from_params({**PUBLISHED, "gamma": 1.0})
    by_sum_one = a / (a + b) * sum(beta_fn(1.0, d + t) / beta_fn(1.0, d) for t in range(1, 7))
    assert one.expected_purchases_new(6) == pytest.approx(by_sum_one, rel=1e-10)


def test_degenerate_inputs():
    with pytest.raises(DataError, match="no transactions"):
        BetaGeoBetaBinomModel().fit([0, 0], [0, 0], [6, 6], [50, 50])
    with pytest.raises(DataError, match="every opportunity"):
        BetaGeoBetaBinomModel().fit([6, 3], [6, 3], [6, 3], [50, 50])
    with pytest.raises(InputError, match="recency must not exceed"):
        BetaGeoBetaBinomModel().fit([1, 2], [7, 2], [6, 6], [50, 50])
    with pytest.raises(InputError, match="frequency must not exceed recency"):
        BetaGeoBetaBinomModel().fit([3, 2], [2, 2], [6, 6], [50, 50])
    with pytest.raises(DataError, match="too few"):
        BetaGeoBetaBinomModel().fit([1], [1], [6])
