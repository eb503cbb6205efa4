"""Predictions at scale give the same numbers as before: streamed, per distinct row, exact.

The reference file holds the per-customer predictions of the code before the scale work on the
CDNOW sample (tests/data/SOURCE.md, written by tests/data/make_predictions_before_scale.py);
today's computation (draws evaluated once per distinct (frequency, recency, T, monetary value)
row, vectorised over draws, streamed in chunks) must reproduce them, for BG/NBD (broadcast
P(alive)) and Pareto/NBD (draw by draw): bit for bit on the machine that wrote the file, to
:data:`LAST_BITS` on another CPU (numpy picks its exp/log/power kernels by the CPU's vector
instructions, AVX-512 or AVX2, which differ in the last bit: 4.6e-16 seen here). Both use the fixed parameters of
:data:`PUBLISHED`, so the reference does not depend on where a fit stops to the last digit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import DATA_DIR

from clvdesk.core import clv
from clvdesk.core.models import get_model
from clvdesk.core.models.gamma_gamma import GammaGammaModel

#: Published CDNOW estimates (BG/NBD and Gamma-Gamma: Fader, Hardie & Lee 2005; Pareto/NBD:
#: Fader, Hardie & Lee 2005b, "RFM and CLV"), with standard errors of their order.
PUBLISHED = {
    "bgnbd": ({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426},
              {"r": 0.013, "alpha": 0.38, "a": 0.19, "b": 0.71}),
    "pareto-nbd": ({"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669},
                   {"r": 0.048, "alpha": 0.84, "s": 0.19, "beta": 6.66}),
    "gamma-gamma": ({"p": 6.25, "q": 3.74, "gamma": 15.44},
                    {"p": 0.29, "q": 0.17, "gamma": 1.95}),
}
#: Relative tolerance for the reference: a few units in the last place of a double.
LAST_BITS = 1e-14
COLUMNS = ["p_alive", "expected_purchases", "expected_spend", "clv", "clv_low", "clv_high"]


def _summary() -> pd.DataFrame:
    summary = pd.read_csv(DATA_DIR / "cdnow_customers_summary_with_transactions.csv")
    summary = summary.rename(columns={"ID": "customer_id", "x": "frequency", "t_x": "recency",
                                      "zbar": "monetary_value"}).set_index("customer_id")
    summary.attrs["period"] = "weeks"
    return summary


def _models(name: str, summary: pd.DataFrame):
    model = get_model(name)().fit(summary["frequency"], summary["recency"], summary["T"])
    repeat = summary["frequency"] > 0
    spend = get_model("gamma-gamma")().fit(summary.loc[repeat, "frequency"],
                                           summary.loc[repeat, "monetary_value"])
    return model, spend


def reference_forecast(name: str, summary: pd.DataFrame) -> clv.CLVForecast:
    """The forecast the reference file holds: :data:`PUBLISHED` parameters, margin 0.3, 200
    draws of seed 2005, segments by customer id modulo 3."""
    model = get_model(name).from_params(*PUBLISHED[name])
    spend = get_model("gamma-gamma").from_params(*PUBLISHED["gamma-gamma"])
    segment = pd.Series(np.where(summary.index.to_numpy() % 3 == 0, "a", "b"),
                        index=summary.index)
    return clv.forecast_clv(model, spend, summary, margin=0.3, n_draws=200, rng=2005,
                            segment=segment)


@pytest.mark.parametrize("name", ["bgnbd", "pareto-nbd"])
def test_predictions_identical_to_before(name):
    summary = _summary()
    forecast = reference_forecast(name, summary)
    before = pd.read_parquet(DATA_DIR / "cdnow_predictions_before_scale.parquet")
    before = before.loc[before["model"] == name, COLUMNS]
    assert len(before) == len(summary) == 2357
    for column in COLUMNS:
        np.testing.assert_allclose(forecast.customers[column].to_numpy(),
                                   before[column].to_numpy(), rtol=LAST_BITS, atol=0,
                                   err_msg=column)
    # the whole-base interval is the interval of the total, around the total
    total = forecast.segments.iloc[-1]
    assert total["clv_low"] < total["clv"] < total["clv_high"]
    assert total["clv"] == pytest.approx(before["clv"].sum(), rel=1e-12)


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_streamed_file_equals_in_memory(tmp_path, suffix):
    summary = _summary()
    model, spend = _models("bgnbd", summary)
    expected = clv.forecast_clv(model, spend, summary, margin=0.3, rng=7)
    path = tmp_path / f"predictions{suffix}"
    streamed = clv.write_predictions(path, model, spend, summary, margin=0.3, rng=7,
                                     chunk_rows=500)
    assert streamed.customers is None
    read = pd.read_parquet(path) if suffix == ".parquet" else pd.read_csv(path)
    assert list(read.columns) == ["customer_id", *expected.customers.columns]
    assert read["customer_id"].tolist() == summary.index.tolist()
    for column in expected.customers.columns:
        np.testing.assert_allclose(read[column], expected.customers[column],
                                   rtol=0 if suffix == ".parquet" else 1e-15)
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        assert pq.ParquetFile(path).num_row_groups == 5  # 2357 customers in chunks of 500
    for column in ("customers", "expected_purchases", "clv", "clv_low", "clv_high"):
        assert streamed.segments.iloc[0][column] == pytest.approx(
            expected.segments.iloc[-1][column], rel=1e-12)
    assert streamed.settings == expected.settings


def test_interval_once_per_distinct_row(monkeypatch):
    """1000 copies of the CDNOW base cost the draws of one copy: the spend draws see each
    distinct (frequency, recency, T, monetary value) row once."""
    summary = _summary()
    model, spend = _models("bgnbd", summary)
    many = pd.concat([summary] * 20)
    many.index = pd.RangeIndex(len(many), name="customer_id")
    many.attrs = summary.attrs
    seen = []
    original = GammaGammaModel.expected_spend_of_draws

    def counting(draws, frequency, monetary_value):
        seen.append(len(frequency))
        return original(draws, frequency, monetary_value)

    monkeypatch.setattr(GammaGammaModel, "expected_spend_of_draws", staticmethod(counting))
    one = clv.forecast_clv(model, spend, summary, rng=3).customers
    distinct = sum(seen)
    seen.clear()
    twenty = clv.forecast_clv(model, spend, many, rng=3).customers
    assert sum(seen) == distinct <= len(summary)
    np.testing.assert_array_equal(twenty["clv_low"].to_numpy()[-len(summary):],
                                  one["clv_low"].to_numpy())


def test_interval_without_tables_is_the_same(monkeypatch):
    """When the per-row tables of the interval would exceed their memory bound, each block
    evaluates its distinct rows instead: the same numbers bit for bit."""
    summary = _summary()
    model, spend = _models("bgnbd", summary)
    tabulated = clv.forecast_clv(model, spend, summary, margin=0.3, rng=11).customers
    monkeypatch.setattr(clv, "_TABLE_VALUES", 0)
    per_block = clv.forecast_clv(model, spend, summary, margin=0.3, rng=11).customers
    for column in ("clv_low", "clv_high"):
        np.testing.assert_array_equal(per_block[column].to_numpy(),
                                      tabulated[column].to_numpy(), err_msg=column)
