"""Action formulas against hand-computed values: churn risk, next purchase, tiers, status, levers,
NPS groups (clvdesk.core.next_purchase, clvdesk.core.actions)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import integrate, stats

from clvdesk.core import actions, next_purchase
from clvdesk.core.actions import ActionSettings
from clvdesk.core.errors import InputError
from clvdesk.core.models import get_model

#: Published CDNOW estimates (weeks): FHL 2005a (BG/NBD), FHS 2005 (Pareto/NBD); MBG/NBD as
#: fitted by this project and lifetimes on the same data (clvdesk.core.models.mbgnbd).
CDNOW = {
    "bgnbd": {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426},
    "mbgnbd": {"r": 0.525, "alpha": 6.183, "a": 0.891, "b": 1.614},
    "pareto-nbd": {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669},
}


def model(name):
    return get_model(name).from_params(CDNOW[name])


def test_bgnbd_churn_risk_by_hand():
    # x = 2 repeat purchases, the last at week 30.43, observed 38.86 weeks, next 13 weeks
    r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
    x, t_x, T, t = 2, 30.43, 38.86, 13.0
    p_alive = 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + t_x)) ** (r + x))
    expected = 1 - p_alive + p_alive * ((alpha + T) / (alpha + T + t)) ** (r + x)
    # by hand: P(alive) = 1 / (1 + 0.793/3.426 * (43.274/34.844)^2.243) = 0.72658
    assert p_alive == pytest.approx(0.72658, abs=1e-4)
    assert expected == pytest.approx(0.67651, abs=1e-4)
    got = next_purchase.churn_risk(model("bgnbd"), t, [x], [t_x], [T])
    assert got[0] == pytest.approx(expected, rel=1e-12)
    # one-time buyer: alive for BG/NBD, risk = ((alpha+T)/(alpha+T+t))^r
    assert next_purchase.churn_risk(model("bgnbd"), t, [0], [0], [T])[0] == pytest.approx(
        (43.274 / 56.274) ** 0.243, rel=1e-12)


def _loglik(name, x, t_x, T):
    m = model(name)
    theta = np.log([m.params[k] for k in m.param_names])
    arrays = [np.array([v], dtype=float) for v in (x, t_x, T)]
    return type(m).loglik_function(*arrays, np.ones(1))(theta)[0]


@pytest.mark.parametrize("name", ["bgnbd", "mbgnbd", "pareto-nbd"])
@pytest.mark.parametrize("x, t_x, T", [(0, 0.0, 30.0), (1, 5.0, 38.0), (4, 35.0, 39.0),
                                       (12, 20.0, 70.0)])
@pytest.mark.parametrize("t", [1.0, 13.0, 52.0])
def test_churn_risk_is_the_likelihood_ratio(name, x, t_x, T, t):
    """P(no purchase in (T, T+t]) = L(x, t_x, T+t) / L(x, t_x, T), for every model."""
    expected = math.exp(_loglik(name, x, t_x, T + t) - _loglik(name, x, t_x, T))
    got = next_purchase.churn_risk(model(name), t, [x], [t_x], [T])[0]
    assert got == pytest.approx(expected, rel=1e-8)


def _pareto_survival_by_quadrature(x, T, t):
    """E[mu/(lambda+mu) + lambda/(lambda+mu) exp(-(lambda+mu) t)] over the alive posteriors."""
    r, alpha, s, beta = CDNOW["pareto-nbd"].values()
    lam = stats.gamma(r + x, scale=1 / (alpha + T))
    mu = stats.gamma(s, scale=1 / (beta + T))

    def inner(m, lam_value):
        total = lam_value + m
        return (m / total + lam_value / total * math.exp(-total * t)) * mu.pdf(m)

    def outer(lam_value):
        return integrate.quad(inner, 0, np.inf, args=(lam_value,), limit=200)[0] * \
            lam.pdf(lam_value)

    return integrate.quad(outer, 0, np.inf, limit=200)[0]


@pytest.mark.parametrize("x, T, t", [(2, 38.86, 13.0), (0, 20.0, 52.0)])
def test_pareto_survival_if_alive_by_quadrature(x, T, t):
    got = next_purchase.survival_if_alive(model("pareto-nbd"), t, [x], [T])[0]
    assert got == pytest.approx(_pareto_survival_by_quadrature(x, T, t), abs=1e-6)


def test_pareto_buys_again_is_the_limit_of_survival():
    m = model("pareto-nbd")
    never = next_purchase.survival_if_alive(m, 1e9, [2, 0], [38.86, 10.0])
    again = next_purchase.p_buy_again_if_alive(m, [2, 0], [38.86, 10.0])
    np.testing.assert_allclose(again, 1 - never, atol=1e-5)
    assert 0 < again[1] < again[0] < 1  # more purchases, more likely to come back


def test_lomax_median_by_hand():
    # (alpha+T)(2^(1/(r+x)) - 1) = 43.274 (2^(1/2.243) - 1) = 15.669 weeks
    for name in ("bgnbd", "mbgnbd"):
        p = CDNOW[name]
        median = next_purchase.median_next_purchase(model(name), [2], [38.86])[0]
        assert median == pytest.approx((p["alpha"] + 38.86) * (2 ** (1 / (p["r"] + 2)) - 1))
        assert next_purchase.survival_if_alive(model(name), median, [2], [38.86])[0] == \
            pytest.approx(0.5)
    assert next_purchase.median_next_purchase(model("bgnbd"), [2], [38.86])[0] == \
        pytest.approx(15.6695, abs=1e-3)


def test_pareto_median_among_those_who_buy_again():
    m = model("pareto-nbd")
    x, T = np.array([0, 2, 10]), np.array([38.86, 38.86, 20.0])
    median = next_purchase.median_next_purchase(m, x, T)
    bought = 1 - next_purchase.survival_if_alive(m, median, x, T)
    np.testing.assert_allclose(bought, next_purchase.p_buy_again_if_alive(m, x, T) / 2,
                               rtol=1e-9)


def test_churn_needs_a_transaction_model():
    with pytest.raises(InputError, match="transaction model"):
        next_purchase.churn_risk(get_model("gamma-gamma").from_params(
            {"p": 6.25, "q": 3.74, "gamma": 15.44}), 13, [1], [1], [2])


# ------------------------------------------------------------------------------ tiers, status


def test_value_tiers_top_ten_next_twenty():
    values = np.arange(10.0)  # 9 is the best
    tiers = actions.value_tiers(values, (0.10, 0.30))
    assert tiers.tolist() == [3, 3, 3, 3, 3, 3, 3, 2, 2, 1]
    # 25 customers: top 2.5 -> 2, next up to 7.5 -> ranks 3..7
    tiers = actions.value_tiers(np.arange(25.0)[::-1], (0.10, 0.30))
    assert (tiers == 1).sum() == 2 and (tiers == 2).sum() == 5 and (tiers == 3).sum() == 18
    # configurable cut points: top 50 % / rest
    assert actions.value_tiers([1, 2, 3, 4], (0.5,)).tolist() == [2, 2, 1, 1]
    # ties are broken by customer id, not by chance
    index = pd.Index(["b", "a", "c"])
    assert actions.value_tiers([5, 5, 1], (1 / 3,), index).tolist() == [2, 1, 2]


def test_tier_labels():
    assert actions.tier_labels((0.10, 0.30)) == {1: "Top 10 %", 2: "Next 20 %",
                                                 3: "Rest (70 %)"}
    assert actions.tier_labels((0.25,), "nl") == {1: "Top 25 %", 2: "Overige (75 %)"}


def test_churn_bands():
    assert actions.churn_bands([0.1, 0.5, 0.79, 0.8, 1.0]).tolist() == [
        "low", "medium", "medium", "high", "high"]


def test_lifecycle_rules_in_order():
    s = ActionSettings()
    status = actions.lifecycle_status(
        p_alive=[0.9, 0.1, 0.9, 0.5, 0.9, 0.95, 0.95],
        churn_risk=[0.99, 0.5, 0.5, 0.5, 0.95, 0.5, 0.5],
        days_since_first=[30, 400, 400, 400, 400, 400, 400],
        days_since_last=[30, 100, 400, 100, 100, 100, 364],
        settings=s)
    assert status.tolist() == ["new", "lapsed", "lapsed", "at_risk", "at_risk", "active",
                               "active"]
    strict = ActionSettings(at_risk_p_alive=0.99)
    assert actions.lifecycle_status(p_alive=[0.95], churn_risk=[0.1], days_since_first=[400],
                                    days_since_last=[10], settings=strict).tolist() == ["at_risk"]


@pytest.mark.parametrize("bad, match", [
    ({"tier_cuts": (0.3, 0.1)}, "increasing"), ({"tier_cuts": (1.2,)}, "tier cut point"),
    ({"churn_bands": (0.9, 0.5)}, "churn bands"), ({"priority_statuses": ("sleeping",)},
                                                   "unknown status"),
    ({"lever_step": 0}, "lever step"), ({"churn_days": -1}, "churn window"),
    ({"priority_tiers": (4,)}, "priority tier")])
def test_settings_are_checked(bad, match):
    with pytest.raises(InputError, match=match):
        ActionSettings(**bad).validated()


def test_settings_round_trip():
    s = ActionSettings(tier_cuts=(0.2, 0.5), priority_statuses=("at risk", "lapsed"))
    again = ActionSettings.from_dict(s.to_dict())
    assert again == s.validated()
    assert again.priority_statuses == ("at_risk", "lapsed")
    with pytest.raises(InputError, match="unknown action setting"):
        ActionSettings.from_dict({"tiers": 3})


# ------------------------------------------------------------------------------ levers


def _lever(name, lever, t, x=0.0, t_x=0.0, T=0.0, step=0.05):
    """Undiscounted expected purchases in (0, t] under a lever (one step, weight 1)."""
    return actions.discounted_purchases(model(name), np.array([t]), np.array([1.0]),
                                        np.array([x]), np.array([t_x]), np.array([T]),
                                        lever=lever, step=step)[0]


def test_frequency_lever_is_alpha_over_c_for_a_new_customer():
    # at T = 0 the posterior is the prior: lambda * c <=> alpha / c, exactly
    for name in ("bgnbd", "pareto-nbd"):
        moved = dict(CDNOW[name], alpha=CDNOW[name]["alpha"] / 1.05)
        new = get_model(name).from_params(moved).expected_purchases(52.0, 0, 0, 0)
        assert _lever(name, "frequency", 52.0) == pytest.approx(float(new), rel=1e-9)


def test_pareto_retention_lever_is_beta_times_c_for_a_new_customer():
    moved = dict(CDNOW["pareto-nbd"], beta=CDNOW["pareto-nbd"]["beta"] * 1.05)
    new = get_model("pareto-nbd").from_params(moved).expected_purchases(52.0, 0, 0, 0)
    assert _lever("pareto-nbd", "retention", 52.0) == pytest.approx(float(new), rel=1e-9)


def test_bgnbd_retention_lever_by_quadrature():
    """p -> p/c: E[(c/p)(1 - (alpha/(alpha + p t/c))^r)] over p ~ Beta(a, b) at T = 0."""
    r, alpha, a, b = CDNOW["bgnbd"].values()
    c, t = 1.05, 52.0
    beta = stats.beta(a, b)
    expected = integrate.quad(
        lambda p: c / p * (1 - (alpha / (alpha + p * t / c)) ** r) * beta.pdf(p), 0, 1,
        limit=200)[0]
    assert _lever("bgnbd", "retention", t) == pytest.approx(expected, rel=1e-6)
    # more retention, more purchases; less than 5 % more within a year
    base = _lever("bgnbd", None, t)
    assert base < _lever("bgnbd", "retention", t) < 1.05 * base


def test_levers_keep_the_history():
    # a customer with history: P(alive) is untouched, so no lever revives the dead
    base = _lever("bgnbd", None, 52.0, x=3, t_x=10.0, T=39.0)
    for lever in ("frequency", "retention"):
        assert base < _lever("bgnbd", lever, 52.0, x=3, t_x=10.0, T=39.0) < 1.06 * base


# ------------------------------------------------------------------------------ NPS


def test_nps_groups_and_latest_score():
    assert actions.nps_groups([10, 9, 8, 7, 6, 0, np.nan]).tolist() == [
        "promoter", "promoter", "passive", "passive", "detractor", "detractor", None]
    orders = pd.DataFrame({
        "customer_id": ["a", "a", "b", "c", "c"],
        "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01", "2024-01-05",
                                "2024-06-01"]),
        "nps": [3, 10, np.nan, 8, 11]})
    summary = pd.DataFrame(index=pd.Index(["a", "b", "c", "d"], name="customer_id"))
    summary.attrs["end"] = "2024-12-31"
    notes = []
    latest = actions.latest_nps(orders, summary, notes)
    assert latest.dropna().to_dict() == {"a": 10.0, "c": 8.0}
    assert notes == ["1 NPS score(s) outside the whole numbers 0 to 10 are ignored"]


def test_mean_interval_by_hand():
    # 2, 4, 6: mean 4, sd 2, t_{0.95, 2} = 2.919986: 4 +- 2.919986 * 2 / sqrt(3)
    mean, low, high = actions.mean_interval([2, 4, 6], 0.90)
    assert mean == 4
    assert high - mean == pytest.approx(2.919986 * 2 / math.sqrt(3), rel=1e-6)
    assert mean - low == pytest.approx(high - mean)
    assert math.isnan(actions.mean_interval([5], 0.9)[1])


def test_nps_summary_and_referrals():
    customers = pd.DataFrame({
        "clv": [100.0, 80.0, 50.0, 10.0, 20.0],
        "p_alive": [0.9, 0.8, 0.7, 0.3, 0.5],
        "churn_risk": [0.2, 0.3, 0.5, 0.9, 0.7],
        "tier": [1, 2, 2, 3, 3],
        "nps_group": ["promoter", "promoter", "passive", "detractor", None]})
    s = ActionSettings(tier_cuts=(0.2, 0.6), referral_value=25.0)
    table, score = actions.nps_summary(customers, "clv", s, 0.90)
    assert score == pytest.approx(100 * (2 / 4 - 1 / 4))
    promoters = table.set_index("group").loc["promoter"]
    assert promoters["customers"] == 2 and promoters["clv_mean"] == 90.0
    assert promoters["clv_with_referrals_mean"] == 115.0
    assert promoters["tier_1_share"] == 0.5
    assert table.set_index("group").loc["detractor", "referral_value"] == 0.0
    with_referrals = actions.clv_with_referrals(customers, 25.0)
    assert with_referrals.tolist() == [125.0, 105.0, 50.0, 10.0, 20.0]
