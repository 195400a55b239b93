"""Elided units: a bare number paired with a measured one in a list, contrast or from-to pair takes its
unit; a bare number that heads its own clause or counts people keeps its own reading."""

from __future__ import annotations

import pytest

from tracker.extract import extract
from tracker.figure import Figure


def figure_of(sentence: str, number: str) -> Figure:
    """The figure whose span holds the start of `number` (its last occurrence) in `sentence`."""
    pos = sentence.rindex(number)
    hits = [f for f in extract(sentence) if f.start <= pos < f.end]
    assert hits, f"no figure over {number!r} in {sentence!r}: {[f.text for f in extract(sentence)]}"
    return hits[0]


SHARED = [
    pytest.param("Wheat rose by 3 percent while maize fell by 2.", "2", "percent", "percentage",
                 id="contrast-of-two-changes"),
    pytest.param("The river stood 4.2 metres high on Monday and 5.1 on Tuesday.", "5.1", "metre", "distance",
                 id="list-of-levels"),
    pytest.param("Rents went from 800-900 euros to 1,200 in a year.", "1,200", "euro", "money", id="from-to-pair"),
    pytest.param("The fund has spent 40 million of the 90 million euros it was promised.", "40 million",
                 "euro", "money", id="part-of-a-whole"),
    pytest.param("Snow was 30 cm deep in the hills, compared with 12 in the valley.", "12", "centimetre", "distance",
                 id="compared-with"),
]


@pytest.mark.parametrize(("sentence", "number", "unit", "category"), SHARED)
def test_bare_number_takes_the_unit_of_its_pair(sentence: str, number: str, unit: str, category: str) -> None:
    f = figure_of(sentence, number)
    assert (f.unit, f.category) == (unit, category)


KEPT = [
    pytest.param("Prices rose 5% to 300.", "300", id="change-then-level"),
    pytest.param("The camp is 5 km wide and 3,000 live there.", "3,000", id="subject-of-its-own-verb"),
    pytest.param("The blast was 5 km away and 3 were killed.", "3", id="casualty-count"),
    pytest.param("The lorry carried 20 tonnes of flour and 12 aid workers.", "12", id="counted-noun"),
    pytest.param("The road is 40 km long; 300 families use it.", "300", id="no-coordinator"),
]


@pytest.mark.parametrize(("sentence", "number"), KEPT)
def test_number_keeps_its_own_reading(sentence: str, number: str) -> None:
    assert figure_of(sentence, number).unit == "count"


FROM_TO = [
    pytest.param("The toll climbed from 12 to 20 overnight.", "12", None, id="from-to-levels"),
    pytest.param("Output fell from 8 tonnes to 5.5 tonnes.", "8", None, id="from-to-with-units"),
    pytest.param("Output fell 3 tonnes to 5.5 tonnes.", "3", "down", id="change-amount"),
    pytest.param("Output fell by between 2 and 3 tonnes.", "2", "down", id="range-of-change"),
]


@pytest.mark.parametrize(("sentence", "number", "trend"), FROM_TO)
def test_from_to_pair_is_two_levels_not_a_change(sentence: str, number: str, trend: str | None) -> None:
    assert figure_of(sentence, number).trend == trend


PARTITIVES = [
    pytest.param("Shelling killed at least 22 people in the market.\n\nSix of them were children, the mayor said.",
                 "Six of them", "killed", True, id="of-them-in-the-next-paragraph"),
    pytest.param("Police detained 40 protesters. Ten of those were later charged.", "Ten of those", "detained", True,
                 id="of-those-after-detained"),
    pytest.param("The floods forced 3,000 people from their homes. Rescuers said five hundred of them are in tents.",
                 "five hundred of them", "displaced", False, id="own-clause-wins"),
    pytest.param("The ministry ordered 12 new trucks. Four of them arrived on Monday.", "Four of them", "other", False,
                 id="no-casualty-group"),
]


@pytest.mark.parametrize(("text", "quote", "category", "linked"), PARTITIVES)
def test_of_them_counts_what_its_group_counts(text: str, quote: str, category: str, linked: bool) -> None:
    figures = extract(text)
    f = next(f for f in figures if f.text == quote)
    assert f.category == category
    assert (f.parent is not None) == linked
    if linked:
        assert figures[f.parent].category == category  # type: ignore[index]
