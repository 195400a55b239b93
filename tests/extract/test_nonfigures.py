"""What is not a figure (SPEC.md, "What counts as a figure"): dates and times, years used as names,
ordinals, a lone "one" naming an individual, page furniture, phone numbers, resolution and article numbers.

Each case gives a document, the words that are no figure, and a real figure next to them that must still
be found (None when the document holds no figure at all).
"""

from __future__ import annotations

import pytest

from tracker.extract import extract
from tracker.figure import Figure


def span(doc: str, quote: str) -> tuple[int, int]:
    start = doc.index(quote)
    return start, start + len(quote)


def overlapping(figures: list[Figure], where: tuple[int, int]) -> list[Figure]:
    return [f for f in figures if f.start < where[1] and where[0] < f.end]


DATES_AND_TIMES = [
    pytest.param("On November 27, rebels seized 12 villages.", "November 27", "12 villages", id="month-day"),
    pytest.param("Dec 8, 2024 - 12:23\nAt least 5 people were killed.", "Dec 8, 2024 - 12:23",
                 "At least 5 people", id="dateline-date-and-time"),
    pytest.param("Published Dec 8, 2024 - 12:23 GMT", "Dec 8, 2024 - 12:23", None, id="published-line"),
    pytest.param("Updated 8 December 2024, 14:05 GMT", "8 December 2024, 14:05", None, id="updated-line"),
    pytest.param("On 8 March, 20 people were killed.", "8 March", "20 people", id="day-month"),
    pytest.param("On 2024-12-08 at least 9 people died.", "2024-12-08", "at least 9 people", id="iso-date"),
    pytest.param("Gaza | 12/08/2024 | 45 people killed", "12/08/2024", "45 people", id="slashed-date"),
    pytest.param("The attack happened at 10:30 and 4 people died.", "10:30", "4 people", id="clock-time"),
    pytest.param("The meeting ended at 2.15pm, after 45 minutes.", "2.15pm", "45 minutes", id="time-pm"),
    pytest.param("Talks resumed at 9 a.m. with 12 delegates.", "9 a.m.", "12 delegates", id="time-a-m"),
]

YEARS = [
    pytest.param("In 2011, 300 people were detained.", "2011", "300 people", id="in-2011"),
    pytest.param("The war began in 2011 and killed 500,000 people.", "2011", "500,000 people", id="began-in-2011"),
    pytest.param("Since the 2011 uprising, 6 million people have fled.", "2011", "6 million people",
                 id="the-2011-uprising"),
    pytest.param("Under a 2015 Security Council resolution, 2,000 troops were deployed.", "2015",
                 "2,000 troops", id="a-2015-resolution"),
    pytest.param("In the 1980s, 20,000 people were killed in Hama.", "1980s", "20,000 people", id="decade"),
    pytest.param("The 2014-2017 period saw 1,000 deaths.", "2014-2017", "1,000 deaths", id="year-span"),
    pytest.param("Between 2014 and 2017, 1,000 people died.", "2014 and 2017", "1,000 people",
                 id="between-years"),
    pytest.param("The 2012-13 season ended with 3 titles.", "2012-13", "3 titles", id="season"),
]

ORDINALS = [
    pytest.param("Homs, Syria's third city, saw 200 people killed.", "third", "200 people", id="third-city"),
    pytest.param("Aleppo is the fourth-largest city and 30 homes burned.", "fourth", "30 homes",
                 id="fourth-largest"),
    pytest.param("A second source put the figure at 2,000 troops.", "second", "2,000 troops", id="a-second-source"),
    pytest.param("The first attack killed 9 people.", "first", "9 people", id="first"),
    pytest.param("The 1st Armored Division lost 3 tanks.", "1st", "3 tanks", id="digit-ordinal-1st"),
    pytest.param("It was the 21st attack this year, killing 8 people.", "21st", "8 people", id="21st"),
    pytest.param("The Ukrainian 93rd brigade said 50 soldiers were captured.", "93rd", "50 soldiers",
                 id="93rd-brigade"),
]

LONE_ONE = [
    pytest.param('"We lost everything," said one woman whose 3 sons were killed.', "one", "3 sons",
                 id="said-one-woman"),
    pytest.param("One man said 15 people were hurt.", "One", "15 people", id="one-man-said"),
    pytest.param("One of the victims was a child; 4 adults also died.", "One", "4 adults", id="one-of-the-victims"),
]

PAGE_FURNITURE = [
    pytest.param("Comments\n0\nAt least 7 people died.", "0", "At least 7 people", id="comment-counter-zero"),
    pytest.param("12 people were hurt.\n0\nShare\n", "\n0\n", "12 people", id="lone-zero-line-after"),
    pytest.param("At least 7 people died.\n\n3\n\nShare this article", "\n3\n", "At least 7 people",
                 id="lone-number-line"),
    pytest.param("Photo: AFP / 2024\nAt least 7 people died.", "2024", "At least 7 people", id="photo-credit"),
]

LABELS_AND_CODES = [
    pytest.param("Resolution 2254 calls for a ceasefire, and 40 people were released.", "2254", "40 people",
                 id="resolution-number"),
    pytest.param("Paragraph 3 of resolution 2254 requires it.", "2254", None, id="resolution-lowercase"),
    pytest.param("Article 5 of the treaty was invoked after 3 soldiers died.", "Article 5", "3 soldiers",
                 id="article-number"),
    pytest.param("Resolution 2401, adopted in 2018, demanded a 30-day truce.", "2401", "30-day",
                 id="resolution-then-duration"),
    pytest.param("UN Security Council Resolution 2254 (2015) set out a roadmap.", "2254 (2015)", None,
                 id="resolution-with-year"),
    pytest.param("Under Article 51 of the UN Charter, 12 states objected.", "Article 51", "12 states",
                 id="article-51"),
    pytest.param("Hotline: 555-0100-22. At least 4 people were rescued.", "555-0100-22", "At least 4 people",
                 id="phone-number-dashed"),
    pytest.param("COVID-19 killed 6 million people.", "19", "6 million people", id="covid-19"),
    pytest.param("An F-16 crashed, killing 2 pilots.", "16", "2 pilots", id="f-16"),
    pytest.param("The G7 pledged $600 billion.", "G7", "$600 billion", id="g7"),
    pytest.param("Flight MH17 was downed, killing 298 people.", "MH17", "298 people", id="flight-number"),
]


@pytest.mark.parametrize(("doc", "not_a_figure", "figure"),
                         DATES_AND_TIMES + YEARS + ORDINALS + LONE_ONE + PAGE_FURNITURE + LABELS_AND_CODES)
def test_not_a_figure(doc: str, not_a_figure: str, figure: str | None) -> None:
    figures = extract(doc)
    wrong = overlapping(figures, span(doc, not_a_figure))
    assert not wrong, f"{not_a_figure!r} reported as {[f.text for f in wrong]}"
    if figure is None:
        assert figures == [], [f.text for f in figures]
    else:
        assert overlapping(figures, span(doc, figure)), f"{figure!r} missed: {[f.text for f in figures]}"


@pytest.mark.parametrize(("doc", "quote", "value"), [
    pytest.param("The army sent 2000 troops to the border.", "2000 troops", 2000, id="four-digit-count"),
    pytest.param("More than 2011 people signed it.", "2011", 2011, id="year-like-count-with-qualifier"),
    pytest.param("One in five children is hungry, and 1 person died.", "1 person", 1, id="digit-one-person"),
    pytest.param("The toll rose to 3,000.\n0\n", "3,000", 3000, id="figure-before-furniture"),
    pytest.param("Only 0 of 12 ballots were valid.", "12 ballots", 12, id="zero-in-a-sentence"),
])
def test_lookalikes_that_are_figures(doc: str, quote: str, value: float) -> None:
    hits = overlapping(extract(doc), span(doc, quote))
    assert hits, f"{quote!r} missed"
    assert hits[0].value == value
