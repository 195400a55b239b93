"""Discrepancies: real disagreements within one statistic, and every "never" case of the issue."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from tests.analysis.builders import document, event, mention
from tracker.analysis import analyze_corpus
from tracker.analysis.places import Place
from tracker.analysis.types import DocumentInput, MentionInput

STRIKE = event(0, "missile strike", Place("UKR", "Donetsk Oblast", "Kramatorsk"), date(2022, 4, 8))
FLOOD = event(0, "flood", Place("PAK"), date(2022, 4, 1))
APRIL_8 = datetime(2022, 4, 8, tzinfo=UTC)
APRIL_9 = datetime(2022, 4, 9, tzinfo=UTC)
APRIL_20 = datetime(2022, 4, 20, tzinfo=UTC)


def _fig(doc: int, index: int, value: float | None, source: str | None = None, **fields: Any) -> MentionInput:
    return mention(doc, index, f"figure {doc}.{index}", value, source=source, **fields)


def _kinds(*docs: DocumentInput) -> list[tuple[str, int, int]]:
    return sorted((d.kind, d.figure_a_id, d.figure_b_id) for d in analyze_corpus(docs).discrepancies)


def _doc(doc: int, published: datetime | None, *mentions: MentionInput) -> DocumentInput:
    return document(doc, mentions, published=published, events=[STRIKE])


def test_two_sources_the_same_day_that_cannot_both_hold() -> None:
    found = _kinds(_doc(0, APRIL_8, _fig(0, 0, 35.0, "railway company")),
                   _doc(1, APRIL_8, _fig(1, 0, 50.0, "regional officials", qualifier="at_least", high=None)))
    assert found == [("value", 0, 100)]


def test_one_text_two_sources() -> None:
    found = _kinds(_doc(0, APRIL_8, _fig(0, 0, 300.0, "civil defence"), _fig(0, 1, 500.0, "health ministry")))
    assert found == [("value", 0, 1)]


def test_a_source_and_a_second_source_of_one_description_in_one_text() -> None:
    found = _kinds(_doc(0, APRIL_8, _fig(0, 0, None, "security source", qualifier="vague", low=200.0, high=999.0),
                        _fig(0, 1, 2000.0, "security source")))
    assert found == [("value", 0, 1)]


def test_one_number_credited_to_two_sources_in_two_texts() -> None:
    found = _kinds(_doc(0, APRIL_8, _fig(0, 0, 370000.0, "United Nations", category="displaced")),
                   _doc(1, APRIL_9, _fig(1, 0, 370000.0, "the Observatory", category="displaced")))
    assert found == [("source", 0, 100)]


@pytest.mark.parametrize(("docs",), [
    pytest.param([_doc(0, APRIL_8, _fig(0, 0, 826.0, "monitor"),
                       _fig(0, 1, 111.0, "monitor", entity="civilians", parent_figure_id=0))],
                 id="subset-and-total"),
    pytest.param([document(0, [_fig(0, 0, 646.0, "ministry", place=Place("PAK", "Sindh"))], published=APRIL_8,
                           events=[FLOOD]),
                  document(1, [_fig(1, 0, 306.0, "agency", place=Place("PAK", "Balochistan"))], published=APRIL_8,
                           events=[FLOOD])],
                 id="two-places"),
    pytest.param([_doc(0, APRIL_8, _fig(0, 0, 1508.0, "ministry"),
                       _fig(0, 1, 22.0, "agency", period="past 24 hours to 8 Apr 2022"))],
                 id="two-periods"),
    pytest.param([_doc(0, APRIL_8, _fig(0, 0, 1200.0, "ministry", qualifier="more_than", high=None)),
                  _doc(1, APRIL_8, _fig(1, 0, 1234.0, "agency"))],
                 id="more-than-and-a-larger-number"),
    pytest.param([_doc(0, APRIL_8, _fig(0, 0, 600.0, "ministry", qualifier="approximately")),
                  _doc(1, APRIL_8, _fig(1, 0, 583.0, "agency"))],
                 id="about-and-exact-that-round-to-each-other"),
    pytest.param([_doc(0, APRIL_8, _fig(0, 0, 35.0, "officials")),
                  _doc(1, APRIL_20, _fig(1, 0, 57.0, "railway company"))],
                 id="twelve-days-apart"),
    pytest.param([_doc(0, APRIL_8, _fig(0, 0, 35.0, "officials")), _doc(1, APRIL_9, _fig(1, 0, 57.0, "officials"))],
                 id="one-source-revising-its-toll"),
    pytest.param([_doc(0, APRIL_8, _fig(0, 0, 35.0, "officials")), _doc(1, APRIL_8, _fig(1, 0, 57.0))],
                 id="the-outlet-own-voice-is-not-a-source"),
    pytest.param([_doc(0, None, _fig(0, 0, 35.0, "railway company")),
                  _doc(1, None, _fig(1, 0, 57.0, "officials", trend="up", stage=1))],
                 id="undated-later-toll-marked-as-moved"),
    pytest.param([_doc(0, APRIL_8, _fig(0, 0, 500.0, "ministry", stage=-1), _fig(0, 1, 471.0, "ministry"))],
                 id="earlier-count-in-one-text"),
    pytest.param([_doc(0, APRIL_8, _fig(0, 0, 370000.0, "United Nations", category="displaced"),
                       _fig(0, 1, 370000.0, "the Observatory", category="displaced"))],
                 id="same-number-two-sources-one-text"),
    pytest.param([_doc(0, APRIL_8, _fig(0, 0, 300.0, "officials")),
                  _doc(1, APRIL_8, _fig(1, 0, 300.0, "officials"))],
                 id="agreement"),
])
def test_never_a_discrepancy(docs: list[DocumentInput]) -> None:
    assert _kinds(*docs) == []


def test_bodies_seen_are_a_floor_not_a_toll() -> None:
    found = _kinds(_doc(0, APRIL_8, _fig(0, 0, 20.0, "reporters", entity="bodies"), _fig(0, 1, 35.0, "railway")))
    assert found == []


def test_one_discrepancy_per_pair_of_claims() -> None:
    found = _kinds(_doc(0, APRIL_8, _fig(0, 0, 35.0, "railway"), _fig(0, 1, 35.0, "railway")),
                   _doc(1, APRIL_8, _fig(1, 0, 50.0, "officials")))
    assert len(found) == 1 and found[0][0] == "value"


def test_an_earlier_estimate_against_a_later_finding_in_one_text() -> None:
    found = _kinds(_doc(0, None, _fig(0, 0, 300.0, "city officials", qualifier="approximately", stage=-1),
                        _fig(0, 1, 600.0, "Associated Press", source_kind="news_agency")))
    assert found == [("value", 0, 1)]


def test_an_earlier_count_the_same_voice_updates_is_superseded() -> None:
    found = _kinds(_doc(0, None, _fig(0, 0, 500.0, "health ministry", stage=-1),
                        _fig(0, 1, 471.0, "health ministry", qualifier="at_least", high=None),
                        _fig(0, 2, 200.0, "US intelligence", low=100.0, high=300.0, qualifier="range")))
    assert found == [("value", 1, 2)]


def test_the_outlet_own_number_against_a_source_in_one_text() -> None:
    found = _kinds(_doc(0, APRIL_8, _fig(0, 0, 1.6e6), _fig(0, 1, 1682726.0, "disaster authority")))
    assert found == [("value", 0, 1)]


def test_counts_many_times_apart_are_different_things() -> None:
    assert _kinds(_doc(0, APRIL_8, _fig(0, 0, 145.0, "ministry"), _fig(0, 1, 5.0, "hospital"))) == []
