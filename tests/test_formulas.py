"""Closed-form CLV: hand-computed values, broadcasting, and the validation messages."""

import math

import numpy as np
import pandas as pd
import pytest

from clvdesk.core.errors import InputError
from clvdesk.core.formulas import (
    cac_payback_months,
    check_number,
    lifespan_from_churn,
    ltv_cac_ratio,
    retention_clv,
    simple_clv,
)


class TestSimpleCLV:
    def test_textbook_example(self):
        # 50 per order x 4 a year x 5 years - 100 acquisition cost
        assert simple_clv(50, 4, 5, cac=100) == 900.0

    def test_margin_and_referral(self):
        # 0.3 x 1000 revenue + 25 referral - 100 CAC
        assert simple_clv(50, 4, 5, cac=100, margin=0.3, referral_value=25) == pytest.approx(225)

    def test_growth_with_fractional_last_year(self):
        # 200 a year growing 10 %: 200 (1 + 1.1 + 1.21 + 1.331 + 1.4641) + 0.5 x 200 x 1.61051
        expected = 200 * 6.1051 + 0.5 * 200 * 1.61051
        assert simple_clv(50, 4, 5.5, growth_rate=0.10) == pytest.approx(expected, rel=1e-12)

    def test_discounting_end_of_year(self):
        # 3 years of 100, discounted 10 %: 100/1.1 + 100/1.21 + 100/1.331
        expected = 100 / 1.1 + 100 / 1.21 + 100 / 1.331
        assert simple_clv(100, 1, 3, discount_rate=0.10) == pytest.approx(expected, rel=1e-12)

    def test_growth_equal_to_discount_rate(self):
        # q = 1: each year is worth S / (1 + d); 2.5 years
        assert simple_clv(100, 1, 2.5, growth_rate=0.05, discount_rate=0.05) == pytest.approx(
            250 / 1.05, rel=1e-12)

    def test_partial_year_only(self):
        assert simple_clv(100, 2, 0.25, growth_rate=0.2) == pytest.approx(50.0)

    def test_arrays_broadcast(self):
        result = simple_clv(np.array([50.0, 100.0]), 4, np.array([[1.0], [2.0]]))
        np.testing.assert_allclose(result, [[200, 400], [400, 800]])

    def test_array_growth_matches_scalar(self):
        lifespans = np.array([0.0, 0.5, 1.0, 2.75, 7.0])
        growth = np.array([0.0, 0.1, -0.2, 0.05, 0.3])
        result = simple_clv(40, 3, lifespans, growth_rate=growth, discount_rate=0.08)
        expected = [simple_clv(40, 3, float(life), growth_rate=float(g), discount_rate=0.08)
                    for life, g in zip(lifespans, growth, strict=True)]
        np.testing.assert_allclose(result, expected, rtol=1e-12)

    def test_series_keep_their_index(self):
        aov = pd.Series([10.0, 20.0], index=["a", "b"])
        result = simple_clv(aov, 2, 3, cac=5)
        assert isinstance(result, pd.Series)
        assert list(result.index) == ["a", "b"]
        assert result.tolist() == [55.0, 115.0]

    def test_series_with_different_rows_are_refused(self):
        with pytest.raises(InputError, match="same rows"):
            simple_clv(pd.Series([1.0, 2.0]), pd.Series([1.0, 2.0], index=[5, 6]), 1)

    def test_nullable_column_with_missing_value(self):
        result = simple_clv(pd.Series([50, None], dtype="Int64"), 4, 5)
        assert result.iloc[0] == 1000 and math.isnan(result.iloc[1])
        for text in (pd.Series(["50", "60"]), np.array(["50"]), np.array([True])):
            with pytest.raises(InputError, match="average order value must be a number"):
                simple_clv(text, 4, 5)
        assert simple_clv(np.array([50, None], dtype=object), 4, 5)[0] == 1000

    def test_nan_in_a_column_propagates(self):
        result = simple_clv(np.array([50.0, np.nan]), 4, 5)
        assert result[0] == 1000 and math.isnan(result[1])

    def test_scalar_result_is_a_plain_float(self):
        assert type(simple_clv(50, 4, 5)) is float
        assert type(simple_clv(np.float64(50), np.int64(4), 5)) is float


class TestValidation:
    @pytest.mark.parametrize("value", ["50", None, True, "abc", [["x"]]])
    def test_non_numeric(self, value):
        with pytest.raises(InputError, match="^average order value must be a number"):
            simple_clv(value, 4, 5)

    def test_non_numeric_array(self):
        with pytest.raises(InputError, match="^purchases per year must be a number$"):
            simple_clv(50, np.array(["a", "b"]), 5)

    def test_nan_scalar(self):
        with pytest.raises(InputError, match="average order value must be a number"):
            simple_clv(float("nan"), 4, 5)

    def test_negative_lifespan(self):
        with pytest.raises(InputError, match="^lifespan must be 0 or more, got -1$"):
            simple_clv(50, 4, -1)

    def test_negative_in_array(self):
        with pytest.raises(InputError, match="purchases per year must be 0 or more, got -2"):
            simple_clv(50, np.array([1.0, -2.0]), 5)

    def test_margin_above_one(self):
        with pytest.raises(InputError, match="margin must be at least 0 and at most 1, got 1.5"):
            simple_clv(50, 4, 5, margin=1.5)

    def test_growth_of_minus_100_percent(self):
        with pytest.raises(InputError, match="spend growth must be greater than -1"):
            simple_clv(50, 4, 5, growth_rate=-1)

    def test_infinite(self):
        with pytest.raises(InputError, match="acquisition cost must be finite"):
            simple_clv(50, 4, 5, cac=np.array([np.inf]))

    def test_check_number_returns_float_or_array(self):
        assert check_number("x", 3) == 3.0
        assert check_number("x", pd.Series([1, 2])).tolist() == [1.0, 2.0]


class TestLifespanFromChurn:
    def test_values(self):
        assert lifespan_from_churn(0.2) == 5.0
        assert lifespan_from_churn(1) == 1.0
        np.testing.assert_allclose(lifespan_from_churn(np.array([0.5, 0.25])), [2.0, 4.0])

    @pytest.mark.parametrize("churn", [0, -0.1, 1.5])
    def test_out_of_range(self, churn):
        with pytest.raises(InputError, match="churn rate must be greater than 0 and at most 1"):
            lifespan_from_churn(churn)


class TestRetentionCLV:
    def test_infinite_gupta_lehmann(self):
        # m r / (1 + d - r) = 100 x 0.8 / 0.3
        assert retention_clv(100, 0.8, 0.1) == pytest.approx(800 / 3, rel=1e-14)

    def test_finite_sum(self):
        # sum_{t=1..3} 100 (0.8 / 1.1)^t, by hand
        rho = 0.8 / 1.1
        assert retention_clv(100, 0.8, 0.1, periods=3) == pytest.approx(
            100 * (rho + rho**2 + rho**3), rel=1e-14)

    def test_finite_converges_to_infinite(self):
        assert retention_clv(100, 0.8, 0.1, periods=500) == pytest.approx(
            retention_clv(100, 0.8, 0.1), rel=1e-12)

    def test_full_retention_without_discount(self):
        assert retention_clv(100, 1.0, 0.0, periods=4) == 400.0
        with pytest.raises(InputError, match="no finite lifetime value"):
            retention_clv(100, 1.0, 0.0)

    def test_zero_periods(self):
        assert retention_clv(100, 0.8, 0.1, periods=0) == 0.0

    def test_arrays(self):
        result = retention_clv(np.array([100.0, 200.0]), np.array([0.8, 1.0]), 0.0,
                               periods=np.array([2, 3]))
        np.testing.assert_allclose(result, [100 * (0.8 + 0.64), 600.0])

    def test_series(self):
        margin = pd.Series([100.0, 50.0], index=["x", "y"])
        result = retention_clv(margin, 0.5, 0.0)
        assert result.to_dict() == {"x": 100.0, "y": 50.0}

    def test_bad_inputs(self):
        with pytest.raises(InputError, match="retention must be at least 0 and at most 1"):
            retention_clv(100, 1.2, 0.1)
        with pytest.raises(InputError, match="periods must be whole numbers"):
            retention_clv(100, 0.8, 0.1, periods=2.5)
        with pytest.raises(InputError, match="discount rate must be 0 or more"):
            retention_clv(100, 0.8, -0.1)


class TestRatioAndPayback:
    def test_ltv_cac(self):
        assert ltv_cac_ratio(300, 100) == 3.0
        np.testing.assert_allclose(ltv_cac_ratio(np.array([300.0, 50.0]), 100), [3.0, 0.5])
        with pytest.raises(InputError, match="acquisition cost must be greater than 0"):
            ltv_cac_ratio(300, 0)

    def test_payback_revenue_and_margin(self):
        assert cac_payback_months(120, 40) == 3.0
        assert cac_payback_months(120, 40, margin=0.25) == 12.0

    def test_payback_never_and_free(self):
        assert cac_payback_months(100, 0) == math.inf
        assert cac_payback_months(0, 0) == 0.0
        np.testing.assert_array_equal(
            cac_payback_months(np.array([100.0, 0.0, 60.0]), np.array([0.0, 0.0, 30.0])),
            [np.inf, 0.0, 2.0])

    def test_payback_bad_input(self):
        with pytest.raises(InputError, match="monthly revenue must be 0 or more"):
            cac_payback_months(100, -5)
