"""Scope: the period or event each figure counts over, with its start date when resolvable."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.extract.scope import find_scopes, resolve_scopes
from tracker.extract.sentences import split_sentences
from tracker.figure import Figure

PUBLISHED = date(2024, 12, 8)  # a Sunday


def fig(text: str, quote: str, category: str = "killed") -> Figure:
    start = text.index(quote)
    sentence = next(s for s in split_sentences(text) if s.start <= start < s.end)
    return Figure(
        doc="t", start=start, end=start + len(quote), text=quote, sentence=sentence.text,
        sentence_start=sentence.start, sentence_end=sentence.end, value=1, low=1, high=1,
        qualifier="exact", unit="count", category=category,
    )


def scope_of(text: str, quote: str, published: date | None = PUBLISHED,
             category: str = "killed") -> tuple[str | None, str | None]:
    (f,) = resolve_scopes(text, split_sentences(text), [fig(text, quote, category)], published=published)
    return f.scope, f.scope_start


SCOPES = [
    # events: the text fixes no date
    pytest.param("Since the offensive began, at least 826 people have been killed.", "at least 826 people",
                 "Since the offensive began", None, id="since-the-offensive-began"),
    pytest.param("More than 1,200 people have died since the start of the war in Sudan.", "1,200 people",
                 "since the start of the war", None, id="since-the-start-of-the-war"),
    pytest.param("Some 10,000 civilians have been killed since Russia's full-scale invasion began.",
                 "10,000 civilians", "since Russia's full-scale invasion began", None, id="possessive-event"),
    # events with a date
    pytest.param("The rebels took 4 cities since the offensive began on November 27.", "4 cities",
                 "since the offensive began on November 27", "2024-11-27", id="event-on-date"),
    pytest.param("Over 150,000 people have fled since fighting broke out in April 2023.", "150,000 people",
                 "since fighting broke out in April 2023", "2023-04-01", id="event-in-month-year"),
    # dates
    pytest.param("The war has left half a million dead since 2011.", "half a million dead",
                 "since 2011", "2011-01-01", id="since-year"),
    pytest.param("More than 44,000 Palestinians have been killed since October 7.", "44,000 Palestinians",
                 "since October 7", "2024-10-07", id="since-month-day-needs-publication"),
    pytest.param("More than 44,000 Palestinians have been killed since 7 October 2023.",
                 "44,000 Palestinians", "since 7 October 2023", "2023-10-07", id="since-day-month-year"),
    pytest.param("Some 3,000 people have been displaced since mid-April.", "3,000 people",
                 "since mid-April", "2024-04-15", id="since-mid-month"),
    pytest.param("At least 60 people have been killed since Monday.", "At least 60 people",
                 "since Monday", "2024-12-02", id="since-weekday"),
    pytest.param("In 2023, 1,500 migrants drowned in the Mediterranean.", "1,500 migrants",
                 "In 2023", "2023-01-01", id="in-year"),
    # periods relative to publication
    pytest.param("Russia launched 98 drones in the past 24 hours.", "98 drones",
                 "in the past 24 hours", "2024-12-07", id="past-24-hours"),
    pytest.param("Over the past two weeks, 370,000 people have fled.", "370,000 people",
                 "Over the past two weeks", "2024-11-24", id="past-two-weeks"),
    pytest.param("Floods have killed 1,200 people so far this year.", "1,200 people",
                 "so far this year", "2024-01-01", id="so-far-this-year"),
    pytest.param("Police arrested 40 people last week.", "40 people", "last week", "2024-11-25",
                 id="last-week"),
    pytest.param("Some 8,000 people crossed the border last month.", "8,000 people", "last month", "2024-11-01",
                 id="last-month"),
    # no scope
    pytest.param("At least 30 people were killed in the strike.", "At least 30 people", None, None,
                 id="no-scope"),
]


@pytest.mark.parametrize(("text", "quote", "scope", "start"), SCOPES)
def test_scope_and_start(text: str, quote: str, scope: str | None, start: str | None) -> None:
    assert scope_of(text, quote) == (scope, start)


@pytest.mark.parametrize(("text", "quote", "scope"), [
    pytest.param("More than 44,000 have been killed since October 7.", "44,000", "since October 7",
                 id="month-day"),
    pytest.param("At least 60 people have been killed since Monday.", "At least 60 people", "since Monday",
                 id="weekday"),
    pytest.param("Russia launched 98 drones in the past 24 hours.", "98 drones", "in the past 24 hours",
                 id="past-hours"),
])
def test_relative_scopes_stay_unresolved_without_a_publication_date(text: str, quote: str, scope: str) -> None:
    assert scope_of(text, quote, published=None) == (scope, None)


def test_a_date_later_in_the_year_than_publication_is_last_year() -> None:
    text = "Some 2,000 people have died since December 20."
    assert scope_of(text, "2,000 people", published=date(2025, 3, 1)) == ("since December 20", "2024-12-20")


def test_distances_and_durations_take_no_scope() -> None:
    text = "Since the offensive began, the rebels advanced 140 kilometres in 10 days."
    assert scope_of(text, "140 kilometres", category="distance") == (None, None)
    assert scope_of(text, "10 days", category="duration") == (None, None)


def test_each_figure_takes_the_nearest_scope_of_its_sentence() -> None:
    text = "Floods killed 1,200 people this year and 900 people last year."
    figures = [fig(text, "1,200 people"), fig(text, "900 people")]
    out = resolve_scopes(text, split_sentences(text), figures, published=PUBLISHED)
    assert [(f.scope, f.scope_start) for f in out] == [("this year", "2024-01-01"), ("last year", "2023-01-01")]


def test_scope_does_not_leak_across_sentences() -> None:
    text = "The war began in 2011. Some 30 people were killed on Sunday."
    assert scope_of(text, "30 people") == (None, None)


@given(published=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
       month=st.integers(1, 12), day=st.integers(1, 28))
def test_since_a_day_resolves_to_the_latest_such_day_not_after_publication(published: date, month: int,
                                                                           day: int) -> None:
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
    text = f"since {names[month - 1]} {day}"
    (scope,) = find_scopes(text, 0, len(text), published)
    assert scope.start_date is not None
    assert scope.start_date <= published
    assert (scope.start_date.month, scope.start_date.day) == (month, day)
    assert (published - scope.start_date).days < 366


@pytest.mark.parametrize(("published", "start"), [
    pytest.param("2024-12-08", "2024-10-07", id="iso-date"),
    pytest.param("2024-12-08T12:23:00Z", "2024-10-07", id="iso-timestamp"),
    pytest.param("Dec 8, 2024 - 12:23", None, id="not-iso-is-ignored"),
    pytest.param("", None, id="empty"),
])
def test_publication_date_may_be_an_iso_string(published: str, start: str | None) -> None:
    text = "More than 44,000 have been killed since October 7."
    (f,) = resolve_scopes(text, split_sentences(text), [fig(text, "44,000")], published=published)
    assert f.scope_start == start
