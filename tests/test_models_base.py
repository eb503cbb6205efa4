"""The shared fitting base: compression, registry, parameters, gradients, uncertainty, errors."""

import json
import sys

import numpy as np
import pandas as pd
import pytest
from conftest import DATA_DIR

from clvdesk.core.errors import Cancelled, ConvergenceError, DataError, InputError
from clvdesk.core.models import (
    MODELS,
    BetaGeoModel,
    GammaGammaModel,
    bgbb,
    bgnbd,
    compress,
    gamma_gamma,
    get_model,
    mbgnbd,
    newton,
    pareto_nbd,
    sbg,
)
from clvdesk.core.models.base import unique_rows


@pytest.fixture(scope="module")
def cdnow():
    return pd.read_csv(DATA_DIR / "cdnow_customers_summary.csv")


@pytest.fixture(scope="module")
def fitted_bgnbd(cdnow):
    return BetaGeoModel().fit(cdnow["frequency"], cdnow["recency"], cdnow["T"])


def test_compress_sums_weights_of_identical_rows():
    (x, t), counts = compress(np.array([1, 0, 1, 2, 1]), np.array([3.0, 0, 3, 5, 4]),
                              weights=np.array([1, 2, 3, 0, 5]))
    rows = {(a, b): c for a, b, c in zip(x, t, counts, strict=True)}
    assert rows == {(0.0, 0.0): 2.0, (1.0, 3.0): 4.0, (1.0, 4.0): 5.0}  # zero weight dropped
    (x, t), counts = compress(np.array([1, 1, 2]), np.array([3.0, 3.0, 3.0]))
    assert sorted(zip(x, t, counts, strict=True)) == [(1.0, 3.0, 2.0), (2.0, 3.0, 1.0)]


@pytest.mark.parametrize("pandas_loaded", [True, False])
def test_unique_rows_inverse_rebuilds_the_table(monkeypatch, pandas_loaded):
    if not pandas_loaded:  # small tables are then coded by np.unique, pandas stays unloaded
        monkeypatch.delitem(sys.modules, "pandas")
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, 5, 1000).astype(float), rng.integers(0, 7, 1000) / 7.0
    (ua, ub), inverse = unique_rows(a, b)
    assert len(set(zip(ua, ub, strict=True))) == ua.size
    np.testing.assert_array_equal(ua[inverse], a)
    np.testing.assert_array_equal(ub[inverse], b)
    assert ("pandas" in sys.modules) is pandas_loaded


def test_registry_uses_the_cli_names():
    assert set(MODELS) == {"bgnbd", "mbgnbd", "pareto-nbd", "bgbb", "gamma-gamma", "sbg"}
    assert get_model("Pareto_NBD") is MODELS["pareto-nbd"]
    for name, cls in MODELS.items():
        assert cls.name == name
    with pytest.raises(InputError, match="unknown model 'bg'; choose one of bgnbd"):
        get_model("bg")


def test_from_params_checks_names_and_values():
    with pytest.raises(InputError, match="missing parameter"):
        BetaGeoModel.from_params({"r": 1, "alpha": 2, "a": 1})
    with pytest.raises(InputError, match="unknown parameter"):
        BetaGeoModel.from_params({"r": 1, "alpha": 2, "a": 1, "b": 1, "c": 3})
    with pytest.raises(InputError, match="parameter a must be a positive number"):
        BetaGeoModel.from_params({"r": 1, "alpha": 2, "a": -1, "b": 1})
    with pytest.raises(InputError, match="parameter b must be a number"):
        BetaGeoModel.from_params({"r": 1, "alpha": 2, "a": 1, "b": "x"})
    model = BetaGeoModel.from_params({"r": "0.5", "alpha": 2, "a": 1, "b": 1})
    assert model.params["r"] == 0.5 and model.log_likelihood is None and model.aic is None
    with pytest.raises(DataError, match="no parameter uncertainty"):
        model.sample_params(10)


def test_sample_params_follow_the_asymptotic_normal_of_the_logs(fitted_bgnbd):
    draws = fitted_bgnbd.sample_params(20000, np.random.default_rng(1))
    assert set(draws) == {"r", "alpha", "a", "b"}
    logs = np.log(np.column_stack([draws[k] for k in fitted_bgnbd.param_names]))
    np.testing.assert_allclose(logs.mean(axis=0),
                               np.log(list(fitted_bgnbd.params.values())), atol=0.01)
    se_log = np.sqrt(np.diag(fitted_bgnbd._log_cov))
    np.testing.assert_allclose(logs.std(axis=0), se_log, rtol=0.03)
    # delta method: se(param) = param * se(log param)
    for j, name in enumerate(fitted_bgnbd.param_names):
        assert fitted_bgnbd.std_errors[name] == pytest.approx(
            fitted_bgnbd.params[name] * se_log[j])
    again = fitted_bgnbd.sample_params(5, 7)
    np.testing.assert_array_equal(again["r"], fitted_bgnbd.sample_params(5, 7)["r"])
    with_se = BetaGeoModel.from_params(fitted_bgnbd.params, fitted_bgnbd.std_errors)
    assert with_se.sample_params(3, 0)["a"].shape == (3,)


def test_to_dict_is_json(fitted_bgnbd):
    as_json = json.loads(json.dumps(fitted_bgnbd.to_dict(), allow_nan=False))
    assert as_json["model"] == "bgnbd"
    assert as_json["params"]["r"] == pytest.approx(0.2426, abs=1e-4)
    assert {"log_likelihood", "std_errors", "n_customers", "aic", "bic"} <= set(as_json)


def _cdnow_table():
    cdnow = pd.read_csv(DATA_DIR / "cdnow_customers_summary.csv")
    (x, t_x, age), counts = compress(cdnow["frequency"], cdnow["recency"], cdnow["T"])
    return (x, t_x, age), counts


def _spend_table():
    summary = pd.read_csv(DATA_DIR / "cdnow_customers_summary_with_transactions.csv")
    repeat = summary[summary["x"] > 0]
    return compress(repeat["x"], repeat["zbar"])


def _donation_table():
    d = pd.read_csv(DATA_DIR / "donations.csv")
    return compress(d["frequency"], d["recency"], d["periods"], weights=d["weights"])


def _cohort_table():
    return ((np.array([1.0, 2, 3, 3]), np.array([1.0, 1, 1, 0])), np.array([369.0, 163, 86, 382]))


@pytest.mark.parametrize("module, table, params", [
    (bgnbd, _cdnow_table, [0.3, 5.0, 0.7, 2.0]),
    (mbgnbd, _cdnow_table, [0.6, 6.0, 0.9, 1.5]),
    (pareto_nbd, _cdnow_table, [0.5, 9.0, 0.7, 12.0]),
    (pareto_nbd, _cdnow_table, [0.5, 14.0, 0.7, 6.0]),  # the alpha >= beta branch
    (gamma_gamma, _spend_table, [6.0, 3.5, 15.0]),
    (bgbb, _donation_table, [1.1, 0.8, 0.6, 2.5]),
    (sbg, _cohort_table, [0.7, 1.2]),
], ids=["bgnbd", "mbgnbd", "pareto-nbd-beta-larger", "pareto-nbd-alpha-larger", "gamma-gamma",
        "bgbb", "sbg"])
def test_analytic_gradient_matches_finite_differences(module, table, params):
    columns, counts = table()
    loglik = module._loglik_function(*columns, counts)
    theta = np.log(params)
    _, grad = loglik(theta)
    step = 1e-6
    numeric = [(loglik(theta + step * e)[0] - loglik(theta - step * e)[0]) / (2 * step)
               for e in np.eye(theta.size)]
    np.testing.assert_allclose(grad, numeric, rtol=2e-6, atol=2e-4)


def test_fit_reports_progress_and_can_be_cancelled(cdnow):
    seen = []
    BetaGeoModel().fit(cdnow["frequency"], cdnow["recency"], cdnow["T"],
                       progress=lambda fraction, message: seen.append(fraction))
    assert seen and seen[-1] == 1.0 and all(0 <= f <= 1 for f in seen)
    with pytest.raises(Cancelled):
        BetaGeoModel().fit(cdnow["frequency"], cdnow["recency"], cdnow["T"],
                           cancel=lambda: True)


def test_unidentified_parameters_are_a_convergence_error():
    # nobody has dropped out (every last purchase at T): the dropout parameters run away
    x = [1, 2, 3, 4, 5, 6, 7, 8, 0, 0]
    with pytest.raises(ConvergenceError, match="bgnbd fit"):
        BetaGeoModel().fit(x, [10] * 8 + [0, 0], [10] * 10)
    # identical customers leave the heterogeneity unidentified
    with pytest.raises(ConvergenceError, match="gamma-gamma fit"):
        GammaGammaModel().fit([2] * 20 + [3] * 20, [30.0] * 20 + [31.0] * 20)


def test_newton_maximiser_finds_a_known_optimum():
    # log-likelihood of Gamma(shape k, rate l) for a sample with mean 2 and mean log 0.5,
    # per observation, in log parameters; the optimum solves ln k - psi(k) = ln 2 - 0.5
    from scipy.optimize import brentq
    from scipy.special import digamma, gammaln, polygamma

    def loglik(theta):
        k, rate = np.exp(theta)
        value = k * np.log(rate) - gammaln(k) + (k - 1) * 0.5 - rate * 2.0
        grad = np.array([(np.log(rate) - digamma(k) + 0.5) * k, (k / rate - 2.0) * rate])
        return value, grad

    result = newton.maximize(loglik, np.array([3.0, -3.0]), bound=20.0)
    shape = brentq(lambda k: np.log(k) - digamma(k) - (np.log(2.0) - 0.5), 1e-3, 1e3)
    assert result.converged
    np.testing.assert_allclose(np.exp(result.theta), [shape, shape / 2.0], rtol=1e-7)
    info = newton.information_matrix(loglik, result.theta)
    # exact information in log parameters at the optimum: [[k^2 psi1(k), -k], [-k, k]]
    k = shape
    np.testing.assert_allclose(info, [[k ** 2 * polygamma(1, k), -k], [-k, k]], rtol=1e-6)


def test_own_gammaln_and_digamma_match_scipy():
    import scipy.special

    from clvdesk.core.models import special

    x = np.concatenate([np.exp(np.linspace(np.log(1e-9), np.log(1e8), 4001)),
                        np.arange(0.5, 3000.0, 0.5)])
    np.testing.assert_allclose(special.gammaln(x), scipy.special.gammaln(x),
                               rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(special.digamma(x), scipy.special.digamma(x),
                               rtol=1e-12, atol=1e-12)
    assert special.hyp2f1(1.0, 1.0, 2.0, 0.5) == pytest.approx(2 * np.log(2))  # lazily scipy's
