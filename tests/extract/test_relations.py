"""Relations between figures: subsets (`parent`) and restatements in other units (`equivalent_of`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.extract.relations import link_figures, quantities_agree
from tracker.extract.sentences import split_sentences
from tracker.figure import Figure

SI = {"kilometre": 1000.0, "mile": 1609.344, "metre": 1.0, "foot": 0.3048, "tonne": 1000.0, "kilogram": 1.0,
      "hectare": 10000.0, "acre": 4046.8564224}


def fig(text: str, quote: str, value: float | None, unit: str = "count", qualifier: str = "exact",
        low: float | None = None, high: float | None = None, nth: int = 0) -> Figure:
    """A Figure for the `nth` occurrence of `quote`, with bounds from the qualifier unless given."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    sentence = next(s for s in split_sentences(text) if s.start <= start < s.end)
    if low is None and high is None and value is not None:
        low = value if qualifier in ("exact", "approximately", "at_least", "more_than") else None
        high = value if qualifier in ("exact", "approximately", "at_most", "less_than", "up_to") else None
    si = value * SI[unit] if unit in SI and value is not None else None
    return Figure(
        doc="t", start=start, end=start + len(quote), text=quote, sentence=sentence.text,
        sentence_start=sentence.start, sentence_end=sentence.end, value=value, low=low, high=high,
        qualifier=qualifier, unit=unit, si_value=si,
    )


def links(text: str, figures: list[Figure]) -> list[tuple[int | None, int | None]]:
    return [(f.parent, f.equivalent_of) for f in link_figures(text, figures)]


SUBSETS = [
    pytest.param("At least 826 people, mostly combatants but also including 111 civilians, have been killed.",
                 [("At least 826 people", 826, "at_least"), ("111 civilians", 111, "exact")],
                 [(None, None), (0, None)], id="mostly-but-also-including"),
    pytest.param("Israeli strikes killed 45 people, of whom 30 were children, the ministry said.",
                 [("45 people", 45, "exact"), ("30 were", 30, "exact")], [(None, None), (0, None)],
                 id="of-whom"),
    pytest.param("The floods killed 120 people, among them 12 women.",
                 [("120 people", 120, "exact"), ("12 women", 12, "exact")], [(None, None), (0, None)],
                 id="among-them"),
    pytest.param("The quake killed 2,000 people, 600 of them children.",
                 [("2,000 people", 2000, "exact"), ("600", 600, "exact")], [(None, None), (0, None)],
                 id="n-of-them"),
    pytest.param("The strike killed 826 people, including 111 civilians and 30 children.",
                 [("826 people", 826, "exact"), ("111 civilians", 111, "exact"),
                  ("30 children", 30, "exact")],
                 [(None, None), (0, None), (0, None)], id="list-after-including"),
    pytest.param("The strike killed 50 people and wounded 120, including 30 children.",
                 [("50 people", 50, "exact"), ("120", 120, "exact"), ("30 children", 30, "exact")],
                 [(None, None), (None, None), (1, None)], id="nearest-larger-figure"),
    pytest.param("The raid killed 12 people, including 40 children.",
                 [("12 people", 12, "exact"), ("40 children", 40, "exact")], [(None, None), (None, None)],
                 id="larger-subset-refused"),
    pytest.param("The war killed 30 people. Including 12 children, dozens were hurt.",
                 [("30 people", 30, "exact"), ("12 children", 12, "exact")], [(None, None), (None, None)],
                 id="not-across-sentences"),
    pytest.param("Fighting killed 30 people and displaced 5,000 others.",
                 [("30 people", 30, "exact"), ("5,000 others", 5000, "exact")], [(None, None), (None, None)],
                 id="no-cue-no-link"),
]


@pytest.mark.parametrize(("text", "quotes", "expected"), SUBSETS)
def test_subsets_point_at_their_larger_figure(text: str, quotes: list[tuple[str, float, str]],
                                              expected: list[tuple[int | None, int | None]]) -> None:
    figures = [fig(text, q, v, qualifier=qual) for q, v, qual in quotes]
    assert links(text, figures) == expected


def test_a_vague_parent_bounds_its_subsets() -> None:
    text = "Thousands were detained, including 300 women."
    figures = [fig(text, "Thousands", None, qualifier="vague", low=2000, high=9999),
               fig(text, "300 women", 300)]
    assert links(text, figures) == [(None, None), (0, None)]


RESTATEMENTS = [
    pytest.param("Homs lies about 140 kilometres (85 miles) north of the capital.",
                 [("about 140 kilometres", 140, "kilometre", "approximately"),
                  ("85 miles", 85, "mile", "exact")],
                 [(None, None), (None, 0)], id="km-then-miles-in-brackets"),
    pytest.param("The convoy drove 50 miles, or 80 km, to the border.",
                 [("50 miles", 50, "mile", "exact"), ("80 km", 80, "kilometre", "exact")],
                 [(None, None), (None, 0)], id="or-restatement"),
    pytest.param("The wall is 3 metres (10 feet) high.",
                 [("3 metres", 3, "metre", "exact"), ("10 feet", 10, "foot", "exact")],
                 [(None, None), (None, 0)], id="rounded-within-tolerance"),
    pytest.param("The fire burned 2,000 hectares (4,942 acres) of forest.",
                 [("2,000 hectares", 2000, "hectare", "exact"), ("4,942 acres", 4942, "acre", "exact")],
                 [(None, None), (None, 0)], id="area"),
    pytest.param("The town is 140 kilometres (40 miles) away.",
                 [("140 kilometres", 140, "kilometre", "exact"), ("40 miles", 40, "mile", "exact")],
                 [(None, None), (None, None)], id="disagreeing-refused"),
    pytest.param("Crews cleared 5 tonnes (12 metres) of debris.",
                 [("5 tonnes", 5, "tonne", "exact"), ("12 metres", 12, "metre", "exact")],
                 [(None, None), (None, None)], id="different-kinds-refused"),
    pytest.param("The aid totalled $5m (£4m).",
                 [("$5m", 5e6, "dollar", "exact"), ("£4m", 4e6, "pound sterling", "exact")],
                 [(None, None), (None, 0)], id="currency-conversion-in-brackets"),
    pytest.param("Deposits of more than 7.5 million Danish crowns (US $1.1 million) pay a fee.",
                 [("more than 7.5 million Danish crowns", 7.5e6, "danish krone", "more_than"),
                  ("US $1.1 million", 1.1e6, "dollar", "more_than")],
                 [(None, None), (None, 0)], id="conversion-takes-the-hedge"),
    pytest.param("The budget was $5m ($4m the year before).",
                 [("$5m", 5e6, "dollar", "exact"), ("$4m", 4e6, "dollar", "exact")],
                 [(None, None), (None, None)], id="same-currency-is-no-conversion"),
    pytest.param("The river rose 5 km (3 miles).",
                 [("5 km", 5, "kilometre", "exact"), ("3 miles", 3, "mile", "exact")],
                 [(None, None), (None, 0)], id="restatement-of-a-change"),
    pytest.param("Gunmen killed 12 people (30 were wounded).",
                 [("12 people", 12, "count", "exact"), ("30 were", 30, "count", "exact")],
                 [(None, None), (None, None)], id="counts-are-not-restatements"),
]


@pytest.mark.parametrize(("text", "quotes", "expected"), RESTATEMENTS)
def test_restatements_in_other_units_point_at_the_first(
        text: str, quotes: list[tuple[str, float, str, str]],
        expected: list[tuple[int | None, int | None]]) -> None:
    figures = [fig(text, q, v, unit, qual) for q, v, unit, qual in quotes]
    assert links(text, figures) == expected


def test_a_restatement_inherits_the_hedge_of_the_figure_it_restates() -> None:
    text = "Homs lies about 140 kilometres (85 miles) north of the capital."
    figures = [fig(text, "about 140 kilometres", 140, "kilometre", "approximately"),
               fig(text, "85 miles", 85, "mile")]
    restated = link_figures(text, figures)[1]
    assert (restated.qualifier, restated.value, restated.low, restated.high) == ("approximately", 85, 85, 85)


def test_a_restatement_inherits_the_change_of_the_figure_it_restates() -> None:
    text = "The river rose 5 km (3 miles)."
    figures = [fig(text, "5 km", 5, "kilometre").replace(trend="up"), fig(text, "3 miles", 3, "mile")]
    assert [f.trend for f in link_figures(text, figures)] == ["up", "up"]


def test_an_at_least_restatement_keeps_only_its_lower_bound() -> None:
    text = "The column stretched at least 60 kilometres (37 miles) along the road."
    figures = [fig(text, "at least 60 kilometres", 60, "kilometre", "at_least"),
               fig(text, "37 miles", 37, "mile")]
    restated = link_figures(text, figures)[1]
    assert (restated.qualifier, restated.low, restated.high) == ("at_least", 37, None)


@given(km=st.floats(min_value=0.5, max_value=1e5), error=st.floats(min_value=-0.2, max_value=0.2))
def test_agreement_is_symmetric_and_follows_the_tolerance(km: float, error: float) -> None:
    text = "It is 1 kilometres (2 miles) away."
    first = fig(text, "1 kilometres", km, "kilometre")
    miles = km * 1000 / 1609.344 * (1 + error)
    second = fig(text, "2 miles", miles, "mile")
    assert quantities_agree(first, second) == quantities_agree(second, first)
    if abs(error) < 0.04:
        assert quantities_agree(first, second)
    if abs(error) > 0.06:
        assert not quantities_agree(first, second)


def test_no_figures() -> None:
    assert link_figures("", []) == []
