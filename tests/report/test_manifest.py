"""The manifest's figure ids as ranges, and counting the ids a previous report did not have."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.report.manifest import count_not_in, id_ranges


@pytest.mark.parametrize(("ids", "ranges"), [
    pytest.param([], [], id="none"),
    pytest.param([5], [[5, 5]], id="one"),
    pytest.param([3, 1, 2], [[1, 3]], id="consecutive-in-any-order"),
    pytest.param([1, 2, 3, 7, 9, 10], [[1, 3], [7, 7], [9, 10]], id="gaps"),
    pytest.param([4, 4, 5], [[4, 5]], id="repeated"),
])
def test_id_ranges(ids: list[int], ranges: list[list[int]]) -> None:
    assert id_ranges(ids) == ranges


@pytest.mark.parametrize(("now", "before", "new"), [
    pytest.param([[1, 10]], [], 10, id="first-report"),
    pytest.param([[1, 10]], [[1, 8]], 2, id="two-added"),
    pytest.param([[1, 3], [9, 12]], [[1, 12]], 0, id="some-deleted-none-added"),
    pytest.param([[1, 20]], [[2, 3], [5, 5], [18, 30]], 14, id="before-overlaps-the-edges"),
    pytest.param([[1, 2], [4, 5]], [[2, 4]], 2, id="one-range-before-spans-two-now"),
])
def test_count_not_in(now: list[list[int]], before: list[list[int]], new: int) -> None:
    assert count_not_in(now, before) == new


@given(st.sets(st.integers(1, 200)), st.sets(st.integers(1, 200)))
def test_counting_by_ranges_is_counting_the_ids(now: set[int], before: set[int]) -> None:
    assert count_not_in(id_ranges(now), id_ranges(before)) == len(now - before)
