"""Figures read with the words around them: partitives, a lone "one" that is a casualty, bounding verbs,
hyphenated ranges, rates after "per", units in title-case headlines, South Asian multipliers."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def texts(sentence: str) -> list[str]:
    return [f.text for f in extract(sentence)]


FOUND = [
    pytest.param("Four of them were children, the mayor said.", "Four of them", "count", None,
                 id="partitive-of-them"),
    pytest.param("Eleven of the new victims were found near the river.", "Eleven of the new victims", "count",
                 "victims", id="partitive-of-the-noun"),
    pytest.param("Five of the 12 climbers died.", "Five", "count", None, id="partitive-before-a-number"),
    pytest.param("One firefighter was killed in the collapse.", "One firefighter", "count", "firefighter",
                 id="lone-one-killed"),
    pytest.param("One child is in critical condition, the hospital said.", "One child", "count", "child",
                 id="lone-one-in-critical-condition"),
    pytest.param("Markets Lose 12 Percent In A Week", "12 Percent", "percent", None,
                 id="unit-in-a-title-case-headline"),
    pytest.param("The guard averaged 21.5 points per game.", "21.5 points per game", "point per game", None,
                 id="per-any-noun-is-a-rate"),
    pytest.param("The fee is 4% per the contract.", "4%", "percent", None, id="per-the-is-no-rate"),
    pytest.param("Twelve police officers were hurt.", "Twelve police officers", "count", "officers",
                 id="police-modifies-officers"),
    pytest.param("About 900 displaced families live in the school.", "About 900 displaced families", "count",
                 "families", id="displaced-modifies-families"),
    pytest.param("Some 4,000 people displaced by the floods have returned.", "Some 4,000 people", "count", "people",
                 id="participle-after-people-is-no-head"),
    pytest.param("The 60,000 displaced includes 20,000 children.", "60,000 displaced", "count", "displaced",
                 id="a-verb-in-s-after-the-noun-is-no-head"),
    pytest.param("Those 1,200 injured include 300 children.", "1,200 injured", "count", "injured",
                 id="include-ends-the-noun-phrase"),
    pytest.param("Air strikes killed 12 Palestinians overnight.", "12 Palestinians", "count", "palestinians",
                 id="a-people-named-by-its-demonym"),
    pytest.param("The army said it killed 20 Hamas fighters.", "20 Hamas fighters", "count", "fighters",
                 id="a-name-before-the-plural-noun"),
    pytest.param("About 600 internally displaced people live there.", "About 600 internally displaced people",
                 "count", "people", id="displaced-modifies-people"),
    pytest.param("Some 300 wounded children were flown out.", "Some 300 wounded children", "count", "children",
                 id="wounded-modifies-children"),
    pytest.param("About 40 police staff were hurt.", "About 40 police", "count", "police",
                 id="police-before-a-listed-plural-stays-the-head"),
    pytest.param("Two 10-year-old boys were killed in the shelling.", "Two 10-year-old boys", "count", "boys",
                 id="a-count-across-an-age"),
    pytest.param("The jet dropped two 500 kilogram bombs.", "two 500 kilogram bombs", "count", "bombs",
                 id="a-count-across-a-weight"),
    pytest.param("The jet dropped two 500 kilogram bombs.", "500 kilogram", "kilogram", None,
                 id="the-weight-stays-a-figure"),
    pytest.param("Five 40-foot containers of aid arrived.", "Five 40-foot containers", "count", "containers",
                 id="a-count-across-a-length"),
    pytest.param("Two died on the way to hospital.", "Two", "count", None, id="a-word-number-that-died"),
    pytest.param("A family of five was killed in the strike.", "five", "count", None,
                 id="a-family-of-five-was-killed"),
    pytest.param("Eleven remain missing, the coast guard said.", "Eleven", "count", None,
                 id="a-word-number-that-remains-missing"),
]


@pytest.mark.parametrize(("sentence", "text", "unit", "entity"), FOUND)
def test_figure_is_found(sentence: str, text: str, unit: str, entity: str | None) -> None:
    hits = [f for f in extract(sentence) if f.text == text]
    assert hits, texts(sentence)
    assert (hits[0].unit, hits[0].entity) == (unit, entity)


NOT_FOUND = [
    pytest.param("One resident said the water rose fast.", "One", id="lone-one-naming-a-person"),
    pytest.param("Mosul, one of the largest cities in Iraq, was retaken.", "one", id="one-of-the-largest"),
    pytest.param("A woman who lost one of her sons wept.", "one", id="one-of-her-sons"),
    pytest.param("The club finished in the bottom three.", "three", id="a-word-number-without-a-predicate"),
    pytest.param("The other two said nothing.", "two", id="a-word-number-with-another-predicate"),
    pytest.param("The iPhone 11 Pro cameras are better.", "11", id="a-model-after-a-camel-case-brand"),
    pytest.param("Sales of the PlayStation 5 Pro rose.", "5", id="a-model-between-names"),
]


@pytest.mark.parametrize(("sentence", "word"), NOT_FOUND)
def test_not_a_figure(sentence: str, word: str) -> None:
    pos = sentence.index(word)
    assert not [f for f in extract(sentence) if f.start <= pos < f.end], texts(sentence)


BOUNDS = [
    pytest.param("The death toll passed 1,200 on Friday.", "1,200", 1200.0, None, "more_than",
                 id="passed-bounds-below"),
    pytest.param("Losses have exceeded 40 million.", "40 million", 4.0e7, None, "more_than", id="exceeded"),
    pytest.param("The count soared past 600 by noon.", "600", 600.0, None, "more_than", id="soared-past"),
    pytest.param("In the past 48 hours, 30 people died.", "30 people", 30.0, 30.0, "exact",
                 id="in-the-past-is-no-bound"),
    pytest.param("Analysts see a 200-to-450 range.", "200-to-450 range", 200.0, 450.0, "range",
                 id="hyphenated-to-range"),
    pytest.param("Over 2.5 Lakh families were affected.", "Over 2.5 Lakh families", 250_000.0, None, "more_than",
                 id="capitalised-lakh"),
    pytest.param("Damage is put at 3 Crore rupees.", "3 Crore rupees", 30_000_000.0, 30_000_000.0,
                 "exact", id="capitalised-crore"),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "qualifier"), BOUNDS)
def test_bounds(sentence: str, text: str, low: float, high: float | None, qualifier: str) -> None:
    hits = [f for f in extract(sentence) if f.text == text]
    assert hits, texts(sentence)
    assert (hits[0].low, hits[0].high, hits[0].qualifier) == (low, high, qualifier)


def test_bounding_verb_stays_out_of_the_text() -> None:
    sentence = "The toll surpassed 3,000 on Sunday."
    fig = extract(sentence)[0]
    assert fig.text == "3,000"
    assert sentence[fig.start:fig.end] == "3,000"
