"""Numerical stability on a large synthetic base with frequencies in the hundreds.

1,000,000 customers are drawn (vectorised) from each model with heavy buyers. They join in
weekly cohorts (T whole weeks) and buy on whole days (recency in days / 7), so the compressed
table is far smaller than the customer count.
"""

import numpy as np
import pytest

from clvdesk.core.models import BetaGeoModel, ParetoNBDModel
from clvdesk.core.models import bgnbd as bgnbd_module
from clvdesk.core.models import pareto_nbd as pareto_module
from clvdesk.core.models.base import compress

N_CUSTOMERS = 1_000_000
#: Many customers buying several times a week: frequencies in the hundreds.
PARETO_TRUE = {"r": 2.0, "alpha": 1.0, "s": 0.4, "beta": 20.0}
BGNBD_TRUE = {"r": 2.0, "alpha": 1.0, "a": 0.5, "b": 60.0}


def _ages(rng, n):
    """T in whole weeks: customers joined over 52 weeks, observed to week 104."""
    return 104.0 - rng.integers(0, 52, n)


def _last_arrival(rng, count, span, kept):
    """Time of the kept-th of count uniform arrivals on (0, span), floored to whole days."""
    out = np.zeros(count.size)
    has = kept > 0
    out[has] = span[has] * rng.beta(kept[has], count[has] - kept[has] + 1)
    return np.floor(out * 7.0) / 7.0


def pareto_sample(n, seed=11):
    rng = np.random.default_rng(seed)
    p = PARETO_TRUE
    age = _ages(rng, n)
    rate = rng.gamma(p["r"], 1 / p["alpha"], n)
    life = np.minimum(rng.exponential(1 / rng.gamma(p["s"], 1 / p["beta"], n)), age)
    x = rng.poisson(rate * life)
    return x.astype(float), _last_arrival(rng, x, life, x), age


def bgnbd_sample(n, seed=12):
    rng = np.random.default_rng(seed)
    p = BGNBD_TRUE
    age = _ages(rng, n)
    rate = rng.gamma(p["r"], 1 / p["alpha"], n)
    arrivals = rng.poisson(rate * age)
    x = np.minimum(arrivals, rng.geometric(rng.beta(p["a"], p["b"], n)))
    return x.astype(float), _last_arrival(rng, arrivals, age, x), age


@pytest.mark.parametrize("model_class, sample, truth", [
    (ParetoNBDModel, pareto_sample, PARETO_TRUE),
    (BetaGeoModel, bgnbd_sample, BGNBD_TRUE),
], ids=["pareto-nbd", "bgnbd"])
def test_million_customers_with_frequencies_in_the_hundreds(model_class, sample, truth):
    x, t_x, age = sample(N_CUSTOMERS)
    assert np.percentile(x, 90) >= 100 and x.max() >= 500
    model = model_class().fit(x, t_x, age)
    assert model.converged and model.n_customers == N_CUSTOMERS
    assert np.isfinite(model.log_likelihood)
    # maximum likelihood recovers the parameters the data were drawn from
    for name, value in truth.items():
        assert model.params[name] == pytest.approx(value, rel=0.1), name
    assert all(np.isfinite(se) and se > 0 for se in model.std_errors.values())

    (ux, ut, ua), counts = compress(x, t_x, age)
    alive = model.p_alive(ux, ut, ua)
    assert np.all(np.isfinite(alive)) and np.all((alive >= 0) & (alive <= 1))
    for horizon in (1.0, 52.0, 520.0):
        expected = model.expected_purchases(horizon, ux, ut, ua)
        assert np.all(np.isfinite(expected)) and np.all(expected >= 0)
    assert np.all(np.isfinite(model.expected_purchases_new([1.0, 52.0, 520.0])))


@pytest.mark.parametrize("module, params", [
    (pareto_module, [0.3, 0.01, 5.0, 200.0]),   # alpha << beta
    (pareto_module, [0.3, 500.0, 0.2, 0.01]),   # alpha >> beta
    (bgnbd_module, [0.3, 0.01, 0.2, 500.0]),
], ids=["pareto-alpha-small", "pareto-beta-small", "bgnbd"])
def test_extreme_rows_give_finite_likelihood_and_gradient(module, params):
    x = np.array([0.0, 1.0, 300.0, 2000.0, 2000.0, 5000.0])
    t_x = np.array([0.0, 0.01, 1.0, 0.5, 99.9, 10.0])
    age = np.array([0.01, 100.0, 100.0, 100.0, 100.0, 1000.0])
    loglik = module._loglik_function(x, t_x, age, np.ones(x.size))
    value, grad = loglik(np.log(params))
    assert np.isfinite(value) and np.all(np.isfinite(grad))
