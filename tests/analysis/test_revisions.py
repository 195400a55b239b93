"""Revisions: one source's running toll moving over time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from tests.analysis.builders import document, event, mention
from tracker.analysis import analyze_corpus
from tracker.analysis.places import Place
from tracker.analysis.types import DocumentInput, MentionInput

QUAKE = event(0, "earthquake", Place("MAR"), date(2023, 9, 8))


def _day(day: int) -> datetime:
    return datetime(2023, 9, day, tzinfo=UTC)


def _fig(doc: int, index: int, value: float, source: str | None = None, **fields: Any) -> MentionInput:
    return mention(doc, index, f"figure {doc}.{index}", value, source=source, **fields)


def _steps(*docs: DocumentInput) -> list[tuple[int, int]]:
    return sorted((r.figure_from_id, r.figure_to_id) for r in analyze_corpus(docs).revisions)


def _doc(doc: int, published: datetime | None, *mentions: MentionInput) -> DocumentInput:
    return document(doc, mentions, published=published, events=[QUAKE])


def test_a_running_toll_across_days() -> None:
    steps = _steps(_doc(0, _day(9), _fig(0, 0, 2000.0, "Interior Ministry")),
                   _doc(1, _day(10), _fig(1, 0, 2122.0, "Interior Ministry", qualifier="at_least", high=None)),
                   _doc(2, _day(12), _fig(2, 0, 2901.0, "Interior Ministry", qualifier="at_least", high=None)))
    assert steps == [(0, 100), (100, 200)]


def test_a_toll_revised_down_in_one_text() -> None:
    steps = _steps(_doc(0, _day(9), _fig(0, 0, 640.0, "ministry", stage=-1),
                        _fig(0, 1, 512.0, "ministry", trend="down", stage=1)))
    assert steps == [(0, 1)]


def test_two_numbers_of_one_text_unmarked_are_no_step() -> None:
    assert _steps(_doc(0, _day(9), _fig(0, 0, 640.0, "ministry"), _fig(0, 1, 512.0, "ministry"))) == []


def test_official_bodies_of_a_state_are_one_voice() -> None:
    steps = _steps(_doc(0, _day(9), _fig(0, 0, 12391.0, "disaster agency", source_kind="government")),
                   _doc(1, _day(14), _fig(1, 0, 35418.0, "President", source_kind="government")))
    assert steps == [(0, 100)]


def test_two_sources_are_two_voices() -> None:
    assert _steps(_doc(0, _day(9), _fig(0, 0, 300.0, "city council", source_kind="government")),
                  _doc(1, _day(10), _fig(1, 0, 600.0, "Associated Press", source_kind="news_agency"))) == []


def test_undated_reports_read_as_a_rising_toll() -> None:
    steps = _steps(_doc(0, None, _fig(0, 0, 57.0, "officials")), _doc(1, None, _fig(1, 0, 50.0, "officials")))
    assert steps == [(100, 0)]


def test_bounded_periods_have_no_running_toll() -> None:
    period = "past 24 hours to 9 Sep 2023"
    assert _steps(_doc(0, _day(9), _fig(0, 0, 24.0, "ministry", period=period)),
                  _doc(1, _day(10), _fig(1, 0, 30.0, "ministry", period=period))) == []


def test_each_text_of_a_step_leads_to_the_next() -> None:
    steps = _steps(_doc(0, _day(9), _fig(0, 0, 62.0, "authorities")),
                   _doc(1, _day(9), _fig(1, 0, 60.0, "authorities", qualifier="more_than", high=None)),
                   _doc(2, _day(11), _fig(2, 0, 137.0, "authorities")))
    assert steps == [(0, 200), (100, 200)]


def test_an_agency_and_a_president_of_one_state_are_one_voice() -> None:
    two = Place("TUR", countries=("TUR", "SYR"))
    quake = event(0, "earthquake", two, date(2023, 2, 6))
    docs = [document(0, [_fig(0, 0, 12391.0, "Turkey's disaster management authority", source_kind="organization")],
                     published=_day(9), events=[quake]),
            document(1, [mention(1, 0, "Turkish President Tayyip Erdogan said 35,418 people were killed.", 35418.0,
                                 source="Tayyip Erdogan", source_kind="person",
                                 source_text="Turkish President Tayyip Erdogan said")],
                     published=_day(14), events=[quake])]
    analysis = analyze_corpus(docs)
    assert [(r.figure_from_id, r.figure_to_id) for r in analysis.revisions] == [(0, 100)]
    assert analysis.statistic_of_figure[0] == analysis.statistic_of_figure[100]  # both count Turkey
    assert analysis.statistic_of_figure[0].endswith("/turkey")


def test_a_part_is_no_step_of_the_toll() -> None:
    steps = _steps(_doc(0, _day(9), _fig(0, 0, 2122.0, "ministry")),
                   _doc(1, _day(10), _fig(1, 0, 2884.0, "ministry", text="2,884 of the people"),
                        _fig(1, 1, 2901.0, "ministry")))
    assert steps == [(0, 101)]


def test_a_source_s_own_statement_leads_to_its_next_step_not_the_outlet_s_restatement() -> None:
    lead = _fig(0, 0, 60.0, "Investigative Committee", qualifier="more_than", high=None,
                source_text="said Investigative Committee (carried over from “more than 60 people”)")
    quoted = _fig(0, 1, 60.0, "Investigative Committee", qualifier="more_than", high=None,
                  source_text="said Investigative Committee")
    steps = _steps(_doc(0, _day(9), lead, quoted),
                   _doc(1, _day(10), _fig(1, 0, 137.0, "Investigative Committee")))
    assert steps == [(1, 100)]


def test_an_undated_text_s_earlier_count_comes_before_its_current_one_whatever_their_sizes() -> None:
    # "far fewer than the nearly 500 deaths the ministry originally described ... officials say at least 471"
    steps = _steps(_doc(0, None, _fig(0, 0, 500.0, "health ministry", qualifier="approximately", stage=-1),
                        _fig(0, 1, 471.0, "health ministry", qualifier="at_least", high=None)))
    assert steps == [(0, 1)]
