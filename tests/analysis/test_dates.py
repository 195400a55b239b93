"""Dates in news text: absolute ones read here, relative ones against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.analysis.dates import find_dates

PUBLISHED = date(2023, 9, 11)  # a Monday


@pytest.mark.parametrize(("text", "published", "expected"), [
    pytest.param("The quake struck on September 8, killing hundreds.", PUBLISHED,
                 [("September 8", date(2023, 9, 8), 2023, False)], id="month-day-takes-publication-year"),
    pytest.param("The quake struck on September 8.", None, [("September 8", None, None, False)],
                 id="month-day-without-publication"),
    pytest.param("It was flooded on 6 February 2023 and again later.", None,
                 [("6 February 2023", date(2023, 2, 6), 2023, False)], id="day-month-year"),
    pytest.param("A storm hit on December 30 last year.", date(2024, 1, 2),
                 [("December 30", date(2023, 12, 30), 2023, False), ("last year", date(2023, 1, 2), 2023, False)],
                 id="month-day-of-last-year"),
    pytest.param("In October 2002, militants seized a theatre.", PUBLISHED,
                 [("October 2002", None, 2002, False)], id="month-year"),
    pytest.param("The war has killed half a million since 2011.", None, [("2011", None, 2011, True)],
                 id="since-year"),
    pytest.param("Tolls counted from February 6 onwards.", date(2023, 2, 20),
                 [("from February 6", date(2023, 2, 6), 2023, True)], id="from-date"),
    pytest.param("the 2004 tsunami killed 230,000 people", PUBLISHED, [("2004", None, 2004, False)],
                 id="year-before-event-noun"),
    pytest.param("2022 has been especially bad.", None, [("2022", None, 2022, False)], id="bare-year-subject"),
    pytest.param("2000 troops crossed the border.", None, [], id="count-not-year"),
    # a year is singular: "were" makes the number a count ("2000 were displaced")
    pytest.param("Some 2000 were displaced by the floods.", None, [], id="count-with-plural-verb-not-year"),
    pytest.param("The death toll rose 15% in 2023.", None, [("2023", None, 2023, False)], id="year-after-in"),
    pytest.param("Friday's attack killed 12.", PUBLISHED, [("Friday's", date(2023, 9, 8), 2023, False)],
                 id="weekday-possessive"),
    pytest.param("Rescuers said on Sunday that 40 were missing.", PUBLISHED,
                 [("on Sunday", date(2023, 9, 10), 2023, False)], id="weekday"),
    pytest.param("Rescuers said on Sunday that 40 were missing.", None, [("on Sunday", None, None, False)],
                 id="weekday-undated"),
    pytest.param("Officials said yesterday that 3 died.", PUBLISHED,
                 [("yesterday", date(2023, 9, 10), 2023, False)], id="yesterday"),
    pytest.param("The fire started two days ago.", PUBLISHED, [("two days ago", date(2023, 9, 9), 2023, False)],
                 id="days-ago"),
])
def test_find_dates(text: str, published: date | None,
                    expected: list[tuple[str, date | None, int | None, bool]]) -> None:
    found = [(d.text, d.day, d.year, d.since) for d in find_dates(text, published)]
    assert found == expected


def test_offsets_point_at_the_date() -> None:
    text = "Officials said the blast on March 3, 2021 killed nine."
    (found,) = find_dates(text)
    assert text[found.start:found.end] == found.text == "March 3, 2021"


def test_relative_dates_are_flagged() -> None:
    relative = [d.relative for d in find_dates("On Friday and on 6 May 2020.", PUBLISHED)]
    assert relative == [True, False]
