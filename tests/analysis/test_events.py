"""A document's events: the main event, past events it names, and which sentence speaks of which."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.analysis.events import document_events, event_types, find_event_words
from tracker.analysis.places import find_places
from tracker.extract.sentences import split_sentences


def _events(text: str, published: date | None = None, title: str | None = None):
    return document_events(text, split_sentences(text), find_places(text), title, published)


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("A missile strike on the station", [("missile strike", "missile strike")], id="longest-phrase"),
    pytest.param("an air raid and a car bomb", [("air raid", "airstrike"), ("car bomb", "bombing")],
                 id="two-phrases"),
    pytest.param("The war monitor said war crimes were committed", [], id="blocked-phrases"),
    pytest.param("a hunger strike and a ceasefire", [], id="not-events"),
    pytest.param("Flash-floods and mudslides", [("Flash-floods", "flood"), ("mudslides", "landslide")],
                 id="hyphen-as-space"),
    pytest.param("the earthquakes' toll", [("earthquakes", "earthquake")], id="plural"),
])
def test_find_event_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(w.text, w.type) for w in find_event_words(text)] == expected


def test_every_event_word_names_a_known_type() -> None:
    assert {"earthquake", "war", "attack", "other"} <= set(event_types())
    assert event_types()["war"].window is None and event_types()["war"].background
    assert event_types()["airstrike"].family == event_types()["shooting"].family == "attack"


@pytest.mark.parametrize(("text", "main_type", "historical_types"), [
    pytest.param("An earthquake struck Turkey on Monday, killing at least 1,200 people.\n"
                 "In 1999, a quake near Izmit killed 17,000 people.",
                 "earthquake", ["earthquake"], id="past-quake-is-its-own-event"),
    pytest.param("Floods swept through Sindh on Sunday, killing 40 people.\n"
                 "It was the worst flooding in Pakistan since 2010, officials said.",
                 "flood", [], id="since-after-superlative-is-a-comparison"),
    pytest.param("Gunmen attacked a concert hall near Moscow, killing 60 people.\n"
                 "In 2004, militants seized a school in Beslan. The siege ended two days later. "
                 "More than 330 people died.\nInvestigators said 11 suspects were detained.",
                 "shooting", ["other"], id="paragraph-continues-the-past-event"),
])
def test_past_events(text: str, main_type: str, historical_types: list[str]) -> None:
    found = _events(text, date(2024, 3, 23))
    assert found.events[0].type == main_type and not found.events[0].historical
    assert [e.type for e in found.events[1:] if e.historical] == historical_types


def test_sentences_of_a_past_paragraph_count_the_past_event() -> None:
    text = ("Gunmen attacked a concert hall near Moscow, killing 60 people.\n"
            "In 2004, militants seized a school in Beslan. The siege ended two days later. More than 330 died.\n"
            "Investigators said 11 suspects were detained.")
    found = _events(text, date(2024, 3, 23))
    assert found.sentence_event == (0, 1, 1, 1, 0)
    assert found.events[1].year == 2004


def test_a_war_behind_a_strike_is_its_own_event() -> None:
    text = ("A missile strike on a railway station in Kramatorsk killed 50 people on Friday.\n"
            "The war has killed more than 10,000 civilians since 2022, the United Nations says.")
    found = _events(text, date(2022, 4, 10))
    assert found.events[0].type == "missile strike"
    assert found.events[1].type == "war" and not found.events[1].historical and found.events[1].year == 2022
    assert found.sentence_event == (0, 1)


def test_an_outbreak_counted_since_last_year_is_its_own_event() -> None:
    text = ("Cyclone Idai killed 100 people in Malawi this week.\n"
            "The country is also fighting a cholera outbreak that has killed 1,600 people since last year.")
    found = _events(text, date(2023, 3, 14))
    assert found.events[0].type == "storm" and found.events[0].name == "Cyclone Idai"
    assert found.events[1].type == "epidemic" and found.events[1].year == 2022
    assert found.sentence_event == (0, 1)


def test_a_background_war_does_not_name_the_event() -> None:
    text = "Amid the war, an airstrike on a market in Aleppo killed 20 people. The war continues."
    assert _events(text).events[0].type == "airstrike"


def test_the_start_is_read_against_the_publication_date() -> None:
    text = "Friday's earthquake in Morocco has killed more than 2,000 people, the ministry said on Sunday."
    assert _events(text, date(2023, 9, 10)).events[0].start == date(2023, 9, 8)


def test_a_toll_since_a_date_fixes_the_start() -> None:
    text = "Monsoon floods in Pakistan have killed 1,500 people.\nThe toll counts deaths since June 14."
    assert _events(text, date(2022, 9, 16)).events[0].start == date(2022, 6, 14)


def test_undated_text_has_no_start() -> None:
    assert _events("An earthquake on Friday killed 20 people in Turkey.").events[0].start is None


def test_a_text_with_no_event_word_or_place() -> None:
    found = _events("Prices rose 3% in March, the statistics office said.")
    assert [(e.type, e.place) for e in found.events] == [("other", None)]
    assert found.sentence_event == (0,)
