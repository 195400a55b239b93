"""Intervals a mention asserts, and whether two of them agree."""

from __future__ import annotations

import math

import pytest

from tests.analysis.builders import mention
from tracker.analysis.bounds import Interval, magnitude, magnitude_ratio, mention_interval

INF = math.inf


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # from SPEC.md's bounds and qualifiers
        pytest.param({"value": 826, "low": 826, "high": 826}, Interval(826, 826), id="exact"),
        pytest.param(
            {"value": 826, "low": 826, "high": None, "qualifier": "at_least"},
            Interval(826, INF),
            id="at-least-open-above",
        ),
        pytest.param(
            {"value": 40, "low": None, "high": 40, "qualifier": "up_to"}, Interval(-INF, 40), id="up-to"
        ),
        pytest.param(
            {"value": None, "low": 200, "high": 999, "qualifier": "vague"},
            Interval(200, 999),
            id="vague-hundreds",
        ),
        pytest.param(
            {"value": 2000, "low": 2000, "high": 2000, "qualifier": "approximately"},
            Interval(1800, 2200),
            id="approximate-widened",
        ),
        # records with bounds missing
        pytest.param(
            {"value": 340, "low": None, "high": None, "qualifier": "more_than"},
            Interval(340, INF),
            id="bounds-missing-more-than",
        ),
        pytest.param({"value": 7, "low": None, "high": None}, Interval(7, 7), id="bounds-missing-exact"),
        pytest.param(
            {"value": None, "low": None, "high": None}, Interval(-INF, INF, known=False), id="no-number"
        ),
        pytest.param(
            {"value": None, "low": 40, "high": 30, "qualifier": "range"},
            Interval(30, 40),
            id="reversed-range",
        ),
    ],
)
def test_mention_interval(fields: dict[str, object], expected: Interval) -> None:
    assert mention_interval(mention(0, 0, "s", **fields)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        pytest.param(Interval(200, 999), Interval(2000, 2000), False, id="hundreds-vs-2000"),
        pytest.param(Interval(826, INF), Interval(826, 826), True, id="at-least-vs-exact"),
        pytest.param(Interval(1800, 2200), Interval(2000, 2000), True, id="about-vs-exact"),
        pytest.param(Interval(0, 0, known=False), Interval(0, 0, known=False), False, id="unknown-never"),
    ],
)
def test_overlaps(a: Interval, b: Interval, overlap: bool) -> None:
    assert a.overlaps(b) is overlap
    assert b.overlaps(a) is overlap


@pytest.mark.parametrize(
    ("fields", "size"),
    [
        pytest.param({"value": 826}, 826, id="value"),
        pytest.param(
            {"value": None, "low": 200, "high": 800, "qualifier": "vague"}, 400, id="geometric-middle"
        ),
        pytest.param({"value": None, "low": 20, "high": None, "qualifier": "at_least"}, 20, id="one-bound"),
        pytest.param({"value": None, "low": None, "high": None}, None, id="nothing"),
    ],
)
def test_magnitude(fields: dict[str, object], size: float | None) -> None:
    assert magnitude(mention(0, 0, "s", **fields)) == pytest.approx(size)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "ratio"),
    [
        pytest.param(826, 500_000, 500_000 / 826, id="offensive-vs-war"),
        pytest.param(None, 5, 1.0, id="unknown"),
        pytest.param(0, 0, 1.0, id="zeros"),
        pytest.param(0, 3, INF, id="zero-vs-some"),
    ],
)
def test_magnitude_ratio(a: float | None, b: float | None, ratio: float) -> None:
    assert magnitude_ratio(a, b) == pytest.approx(ratio)
