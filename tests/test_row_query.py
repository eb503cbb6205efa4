"""Sort orders and filters of the app's tables (clvdesk.app.models.row_query), by hand."""

import numpy as np
import pandas as pd
import pytest

from clvdesk.app.models.row_query import RowQuery, answer

IDS = ["b", "a", None, "B", "a", "c"]
VALUES = [3.0, np.nan, 1.0, 2.0, 5.0, 0.0]


@pytest.fixture(params=["str", object], ids=["arrow strings", "python objects"])
def frame(request) -> pd.DataFrame:
    return pd.DataFrame({"id": pd.Series(IDS, dtype=request.param), "value": VALUES})


def rows(frame, **asked) -> list[int]:
    return [int(i) for i in answer(RowQuery(1, frame, frozenset({0}), **asked)).rows]


def test_text_sorts_by_code_point_stably_with_missing_last_both_ways(frame):
    assert rows(frame, sort=(0, False)) == [3, 1, 4, 0, 5, 2]  # "B" < "a"; the two "a" in order
    assert rows(frame, sort=(0, True)) == [5, 0, 1, 4, 3, 2]


def test_numbers_sort_with_missing_last_both_ways(frame):
    assert rows(frame, sort=(1, False)) == [5, 2, 3, 0, 4, 1]
    assert rows(frame, sort=(1, True)) == [4, 0, 3, 2, 5, 1]


def test_text_filter_is_a_case_insensitive_substring_and_combines_with_a_range(frame):
    assert rows(frame, text=("B", (0,))) == [0, 3]
    assert rows(frame, text=("b", (0,)), value_range=(1, 2.5, None)) == [0]
    assert rows(frame, sort=(1, True), value_range=(1, 1.0, 3.0)) == [0, 3, 2]
    assert rows(frame, text=("x", (0,))) == []


def test_unsorted_and_unfiltered_is_the_table_itself(frame):
    assert answer(RowQuery(1, frame, frozenset({0}))).rows == range(6)


def test_a_sort_order_is_computed_once_per_frame_and_spec(frame):
    cache: dict = {}
    first = answer(RowQuery(1, frame, frozenset({0}), sort=(1, False), cache=cache)).rows
    again = answer(RowQuery(2, frame, frozenset({0}), sort=(1, False), value_range=(1, 0.5, None),
                            cache=cache)).rows
    assert cache["order"][1] is first
    assert list(again) == [2, 3, 0, 4]
