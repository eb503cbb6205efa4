"""The overview figures (cards and chart inputs) computed with the analysis, on CDNOW."""

from __future__ import annotations

import numpy as np
import pytest

from clvdesk.core.datasets import load_cdnow
from clvdesk.core.overview import CLV_BINS, clv_distribution, overview_of, whole_quantile
from clvdesk.core.pipeline import Assumptions, run_analysis


@pytest.fixture(scope="module")
def result():
    assumptions = Assumptions.demo()
    assumptions.n_draws = 0
    return run_analysis(load_cdnow(segment=True), assumptions)


def test_cards_and_charts_come_with_the_result(result):
    figures = result.overview
    summary, predictions = result.summary, result.predictions
    assert figures.customers == len(summary) == 2357
    assert figures.repeat_customers == int((summary["frequency"] > 0).sum())

    clv = predictions["clv"].to_numpy(dtype=float)
    distribution = figures.clv
    assert distribution.counts.sum() == np.isfinite(clv).sum() == 2357
    assert len(distribution.counts) == CLV_BINS and len(distribution.edges) == CLV_BINS + 1
    assert distribution.upper == pytest.approx(np.quantile(clv, 0.99))
    assert distribution.edges[0] == pytest.approx(clv.min())
    assert distribution.edges[-1] == pytest.approx(distribution.upper)
    # the top 1 % (24 customers) sit in the last bin with those just below the percentile
    assert distribution.counts[-1] >= int(np.sum(clv > distribution.upper))

    grid = figures.p_alive
    assert grid.age == pytest.approx(summary["T"].max())
    assert grid.max_frequency == max(int(np.quantile(summary["frequency"], 0.99)), 1)
    assert grid.p.shape == (grid.max_frequency + 1, 60)
    model = result.model
    expected = model.p_alive(np.array([2.0]), np.array([grid.recency[29]]),
                             np.array([grid.age]))[0]
    assert grid.p[2, 29] == pytest.approx(expected)
    assert np.all(grid.p[0] == model.p_alive(np.zeros(1), np.zeros(1), np.full(1, grid.age))[0])
    assert np.all((grid.p >= 0) & (grid.p <= 1))


def test_without_a_spend_model_there_is_no_clv_chart(result):
    predictions = result.predictions.drop(columns=["clv"])
    figures = overview_of(result.summary, predictions, result.model)
    assert figures.clv is None and figures.p_alive is not None


def test_customers_without_a_finite_clv_are_left_out_of_the_distribution():
    distribution = clv_distribution(np.array([1.0, np.nan, 3.0, np.inf, 2.0]), bins=2)
    assert distribution.counts.tolist() == [1, 2]  # 1 | 2 and 3 (the last bin is closed)


def test_whole_number_quantile_by_counting_equals_numpy():
    rng = np.random.default_rng(1)
    for n in (1, 2, 3, 10, 101, 12_345):
        values = rng.integers(0, 40, n)
        for q in (0.0, 0.5, 0.99, 1.0):
            assert whole_quantile(values, q) == pytest.approx(np.quantile(values, q), abs=1e-9)
