"""The overview figures (cards and chart inputs) computed with the analysis, on CDNOW."""

from __future__ import annotations

import numpy as np
import pytest

from clvdesk.core.datasets import load_cdnow
from clvdesk.core.overview import (
    CLV_BINS,
    clv_bin_edges,
    clv_distribution,
    overview_of,
    whole_quantile,
)
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
    edges = distribution.edges
    assert edges[0] <= clv.min() and edges[-1] > np.quantile(clv, 0.99)
    # the top bin is open ended: it holds every CLV from its lower edge, the largest included
    assert distribution.counts[-1] == int(np.sum(clv >= edges[-2])) > 0
    assert clv.max() > 2 * edges[-1]  # CDNOW's tail is far beyond the regular bins
    inner = [int(np.sum((clv >= edges[i]) & (clv < edges[i + 1]))) for i in range(1, CLV_BINS - 1)]
    assert distribution.counts[1:-1].tolist() == inner

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
    assert distribution.edges.tolist() == [0.0, 2.0, 4.0]
    assert distribution.counts.tolist() == [1, 2]  # 1 | 2 and 3


def test_the_lowest_and_highest_bins_are_open_as_in_the_report():
    values = np.array([-5.0] + [10.0] * 200 + [19.0] * 300 + [1e6])  # 1e6 past the percentile
    distribution = clv_distribution(values, bins=2)
    edges = distribution.edges
    assert edges[-1] < 1e6 and distribution.counts.sum() == len(values)
    assert distribution.counts.tolist() == [int(np.sum(values < edges[1])),
                                            int(np.sum(values >= edges[1]))]


@pytest.mark.parametrize("values", [[0.0, 1.0], [-12.5, 3.0, 870.0], [5.0, 5.0], [0.01, 0.2],
                                    list(np.random.default_rng(1).lognormal(3.0, 1.2, 2000))])
def test_bin_edges_cover_the_values_with_a_readable_step(values):
    edges = clv_bin_edges(np.array(values))
    assert len(edges) == 13
    # up to the largest value, or for many customers the 99th percentile (top bin: the tail)
    top = np.quantile(values, 0.99) if len(values) >= 100 else max(values)
    assert edges[0] <= min(values) and edges[-1] > top
    if len(values) >= 100:  # skewed: the regular bins stop well before the largest CLV
        assert edges[-1] < max(values) / 2
    step = edges[1] - edges[0]
    mantissa = step / 10 ** np.floor(np.log10(step))
    assert any(np.isclose(mantissa, m) for m in (1, 2, 2.5, 5))


def test_whole_number_quantile_by_counting_equals_numpy():
    rng = np.random.default_rng(1)
    for n in (1, 2, 3, 10, 101, 12_345):
        values = rng.integers(0, 40, n)
        for q in (0.0, 0.5, 0.99, 1.0):
            assert whole_quantile(values, q) == pytest.approx(np.quantile(values, q), abs=1e-9)
