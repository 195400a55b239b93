"""How the report writes numbers, bounds and highlighted sentences."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.report.formatting import format_bounds, format_date, format_number, highlight, py, to_float


@pytest.mark.parametrize(("value", "expected"), [
    pytest.param(826, "826", id="small-integer"),
    pytest.param(370000.0, "370,000", id="thousands-separator"),
    pytest.param(1_500_000, "1,500,000", id="millions"),
    pytest.param(1.5, "1.5", id="decimal"),
    pytest.param(12345.25, "12,345.2", id="decimal-with-separator"),
    pytest.param(None, "?", id="missing"),
])
def test_format_number(value: float | None, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(("value", "low", "high", "qualifier", "unit", "expected"), [
    # SPEC.md, "Bounds and qualifiers"
    pytest.param(826, 826, 826, "exact", "count", "826", id="spec-exact"),
    pytest.param(826, 826, None, "at_least", "count", "at least 826", id="spec-at-least"),
    pytest.param(340, 340, None, "more_than", "count", "more than 340", id="spec-more-than"),
    pytest.param(40, None, 40, "up_to", "count", "up to 40", id="spec-up-to"),
    pytest.param(10, None, 10, "less_than", "count", "less than 10", id="spec-less-than"),
    pytest.param(5, None, 5, "at_most", "count", "at most 5", id="spec-at-most"),
    pytest.param(500000, 500000, 500000, "approximately", "count", "about 500,000", id="spec-about"),
    pytest.param(None, 30, 40, "range", "count", "30–40", id="spec-range"),
    pytest.param(35, 30, 40, "range", "count", "30–40", id="spec-range-midpoint"),
    pytest.param(None, 200, 999, "vague", "count", "200–999 (hundreds)", id="spec-vague-hundreds"),
    pytest.param(None, 24, 99, "vague", "count", "24–99 (dozens)", id="spec-vague-dozens"),
    pytest.param(None, 20000, 99999, "vague", "count", "20,000–99,999 (tens of thousands)",
                 id="spec-vague-tens-of-thousands"),
    pytest.param(None, 7, 70, "vague", "count", "7–70 (vague)", id="vague-unknown-bounds"),
    # other units and missing cells (pandas NA from nullable columns)
    pytest.param(140, 140, 140, "approximately", "kilometre", "about 140 kilometre", id="unit-shown"),
    pytest.param(pd.NA, 826, pd.NA, "at_least", "count", "at least 826", id="na-value"),
    pytest.param(pd.NA, pd.NA, pd.NA, pd.NA, pd.NA, "?", id="all-missing"),
])
def test_format_bounds(value: object, low: object, high: object, qualifier: object, unit: object,
                       expected: str) -> None:
    assert format_bounds(value, low, high, qualifier, unit) == expected


SENT = "Since the offensive began, at least 826 people have been killed."


@pytest.mark.parametrize(("sentence", "text", "start", "end", "s0", "expected"), [
    pytest.param(SENT, "at least 826 people", 127, 146, 100,
                 "Since the offensive began, <mark>at least 826 people</mark> have been killed.",
                 id="offsets"),
    pytest.param(SENT, "at least 826 people", 5, 9, 100,
                 "Since the offensive began, <mark>at least 826 people</mark> have been killed.",
                 id="bad-offsets-fall-back-to-search"),
    pytest.param(SENT, "999 people", 0, 0, 0, html.escape(SENT), id="text-not-in-sentence"),
    pytest.param("a <b>5</b> c", "5", 4, 5, 0, "a &lt;b&gt;<mark>5</mark>&lt;/b&gt; c", id="escaped-around"),
    pytest.param("x <5> y", "<5>", 2, 5, 0, "x <mark>&lt;5&gt;</mark> y", id="escaped-inside"),
    pytest.param(pd.NA, pd.NA, pd.NA, pd.NA, pd.NA, "", id="missing"),
])
def test_highlight(sentence: object, text: object, start: object, end: object, s0: object,
                   expected: str) -> None:
    assert str(highlight(sentence, text, start, end, s0)) == expected


@given(st.text(max_size=60), st.data())
def test_highlight_keeps_the_sentence_and_escapes_it(sentence: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(sentence)))
    b = data.draw(st.integers(a, len(sentence)))
    out = str(highlight(sentence, sentence[a:b], a + 7, b + 7, 7))
    assert html.unescape(re.sub(r"</?mark>", "", out)) == sentence
    assert re.sub(r"</?mark>", "", out).count("<") == 0
    assert out.count("<mark>") == (1 if sentence[a:b] else 0)


@pytest.mark.parametrize(("cell", "expected"), [
    pytest.param(pd.NA, None, id="na"),
    pytest.param(float("nan"), None, id="nan"),
    pytest.param(pd.NaT, None, id="nat"),
    pytest.param(3, 3, id="int"),
    pytest.param("x", "x", id="text"),
])
def test_py(cell: object, expected: object) -> None:
    assert py(cell) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    pytest.param(float("inf"), None, id="infinite"),
    pytest.param("abc", None, id="not-a-number"),
    pytest.param(pd.NA, None, id="na"),
    pytest.param(2, 2.0, id="int"),
])
def test_to_float(cell: object, expected: float | None) -> None:
    assert to_float(cell) == expected


@pytest.mark.parametrize(("cell", "expected"), [
    pytest.param(pd.Timestamp("2024-12-08T23:30:00Z"), "2024-12-08", id="utc"),
    pytest.param(pd.NaT, "", id="missing"),
])
def test_format_date(cell: object, expected: str) -> None:
    assert format_date(cell) == expected
