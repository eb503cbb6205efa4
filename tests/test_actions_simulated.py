"""Actions on simulated bases with known truth (clvdesk.core.simulate, BG/NBD with CDNOW's
published parameters r=0.243, alpha=4.414, a=0.793, b=2.426, weeks): P(alive) separates the
dead from the alive, churn risk is calibrated per decile, the median next purchase is a median.

The model is fitted on the simulated log (the pipeline, as a user would run it); the truth's
future window is long enough (3,000 weeks) that almost every live customer's next purchase is
in it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clvdesk.core.pipeline import Assumptions, run_analysis
from clvdesk.core.simulate import simulate

N_CUSTOMERS = 10_000


@pytest.fixture(scope="module")
def base():
    sim = simulate(N_CUSTOMERS, model="bgnbd", spend_params=True, future_periods=3000.0,
                   seed=15)
    result = run_analysis(sim.orders, Assumptions(period="weeks", end=sim.end, n_draws=0,
                                                  compare_models=()))
    truth = sim.truth.reindex(result.summary.index)
    return sim, result, truth


def auc(score_positive: np.ndarray, score_negative: np.ndarray) -> float:
    """P(score of a positive > score of a negative), ties counted half (Mann-Whitney)."""
    scores = np.concatenate([score_positive, score_negative])
    ranks = pd.Series(scores).rank(method="average").to_numpy()
    n_pos, n_neg = len(score_positive), len(score_negative)
    return (ranks[:n_pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def test_fitted_parameters_near_the_truth(base):
    _, result, _ = base
    assert result.model.params["r"] == pytest.approx(0.243, rel=0.25)
    assert result.model.params["alpha"] == pytest.approx(4.414, rel=0.3)


def test_p_alive_ranks_the_dead_above_the_alive(base):
    _, result, truth = base
    dead = ~truth["alive_at_end"].to_numpy(dtype=bool)
    risk = 1.0 - result.actions.customers["p_alive"].to_numpy()
    assert dead.sum() > 500 and (~dead).sum() > 500
    assert auc(risk[dead], risk[~dead]) >= 0.85


def test_churn_risk_calibrated_per_decile(base):
    sim, result, truth = base
    limit = pd.Timestamp(sim.end) + pd.Timedelta(days=90)
    quiet = ~(truth["next_purchase"].notna() & (truth["next_purchase"] <= limit)).to_numpy()
    risk = result.actions.customers["churn_risk"].to_numpy()
    deciles = pd.qcut(pd.Series(risk).rank(method="first"), 10, labels=False).to_numpy()
    for d in range(10):
        chosen = deciles == d
        assert abs(quiet[chosen].mean() - risk[chosen].mean()) <= 0.05, d


def test_half_the_alive_buy_before_the_median_date(base):
    sim, result, truth = base
    alive = truth["alive_at_end"].to_numpy(dtype=bool)
    predicted = result.actions.customers["next_purchase_date"]
    # dates beyond 100 years are not shown: those customers count as "not before"
    before = (truth["next_purchase"].notna() & predicted.notna()
              & (truth["next_purchase"] <= predicted)).to_numpy()
    share = before[alive].mean()
    assert 0.45 <= share <= 0.55
