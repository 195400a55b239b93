"""Statistics: keyed by event, category, population, place scope and period; parents; labels."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.analysis.builders import document, event, mention
from tracker.analysis import analyze_corpus
from tracker.analysis.places import Place
from tracker.analysis.statistics import place_scope
from tracker.analysis.types import Analysis, DocumentInput

PAKISTAN = Place("PAK")
SINDH = Place("PAK", "Sindh")
KARACHI = Place("PAK", "Sindh", "Karachi")
TWO_COUNTRIES = Place("TUR", None, None, None, None, ("TUR", "SYR"))
FLOOD = event(0, "flood", PAKISTAN, date(2022, 6, 14))
DAY = datetime(2022, 9, 5, tzinfo=UTC)


@pytest.mark.parametrize(("figure", "event_place", "expected"), [
    pytest.param(SINDH, PAKISTAN, SINDH, id="province-of-a-national-event"),
    pytest.param(PAKISTAN, PAKISTAN, None, id="same-as-the-event"),
    pytest.param(PAKISTAN, KARACHI, None, id="wider-than-the-event"),
    pytest.param(None, PAKISTAN, None, id="no-place"),
    pytest.param(KARACHI, SINDH, KARACHI, id="town-in-the-province"),
    pytest.param(Place("SYR"), TWO_COUNTRIES, Place("SYR"), id="one-country-of-two"),
    pytest.param(TWO_COUNTRIES, TWO_COUNTRIES, None, id="both-countries"),
    pytest.param(Place("IND"), PAKISTAN, None, id="another-country-is-not-a-part"),
])
def test_place_scope(figure: Place | None, event_place: Place, expected: Place | None) -> None:
    assert place_scope(figure, event_place) == expected


def _statistic(analysis: Analysis, figure_id: int) -> str | None:
    return analysis.statistic_of_figure.get(figure_id)


def _flood_docs(*mentions_per_doc: list) -> list[DocumentInput]:  # type: ignore[type-arg]
    return [document(i, ms, published=DAY, events=[FLOOD]) for i, ms in enumerate(mentions_per_doc)]


def test_a_province_toll_is_a_child_of_the_national_toll() -> None:
    docs = _flood_docs([mention(0, 0, "1,314 people have died.", 1314.0, place=PAKISTAN),
                        mention(0, 1, "In Sindh, 646 died.", 646.0, place=SINDH)])
    analysis = analyze_corpus(docs)
    national, sindh = _statistic(analysis, 0), _statistic(analysis, 1)
    assert national != sindh
    by_key = {s.key: s for s in analysis.statistics}
    assert by_key[sindh].parent_key == national  # type: ignore[index]
    assert by_key[sindh].label.endswith("killed, Sindh")  # type: ignore[index]


def test_children_and_a_bounded_period_are_children_of_the_toll() -> None:
    docs = _flood_docs([
        mention(0, 0, "1,314 people have died.", 1314.0),
        mention(0, 1, "They include 400 children.", 400.0, entity="children"),
        mention(0, 2, "24 died in the past 24 hours.", 24.0, period="past 24 hours to 5 Sep 2022"),
    ])
    analysis = analyze_corpus(docs)
    by_key = {s.key: s for s in analysis.statistics}
    toll, children, day = (_statistic(analysis, i) for i in (0, 1, 2))
    assert len({toll, children, day}) == 3
    assert by_key[children].parent_key == toll and by_key[day].parent_key == toll  # type: ignore[index]
    assert by_key[children].population == "children"  # type: ignore[index]
    assert by_key[day].period == "past 24 hours to 5 Sep 2022"  # type: ignore[index]


@pytest.mark.parametrize(("entities", "same"), [
    pytest.param(("people", "dead"), True, id="dead-are-people"),
    pytest.param(("deaths", "lives"), True, id="deaths-and-lives"),
    pytest.param(("troops", "soldiers"), True, id="troops-and-soldiers"),
    pytest.param(("people", "soldiers"), False, id="soldiers-apart"),
    pytest.param(("people", "children"), False, id="children-apart"),
])
def test_populations(entities: tuple[str, str], same: bool) -> None:
    docs = _flood_docs([mention(0, 0, "a", 10.0, entity=entities[0])],
                       [mention(1, 0, "b", 10.0, entity=entities[1])])
    analysis = analyze_corpus(docs)
    assert (_statistic(analysis, 0) == _statistic(analysis, 100)) is same


@pytest.mark.parametrize(("event_type", "marked_subset", "apart"), [
    pytest.param("airstrike", False, False, id="strike-civilians-are-the-dead"),
    pytest.param("war", False, True, id="war-civilians-apart"),
    pytest.param("airstrike", True, True, id="marked-subset-apart"),
])
def test_civilians_are_a_row_only_where_the_coverage_tells_them_apart(
        event_type: str, marked_subset: bool, apart: bool) -> None:
    strike = event(0, event_type, Place("UKR", None, "Mariupol"), date(2022, 3, 16))
    first = [mention(0, 0, "At least 300 people died.", 300.0)]
    if marked_subset:
        first.append(mention(0, 1, "including 80 civilians", 80.0, entity="civilians", parent_figure_id=0))
    docs = [document(0, first, events=[strike]),
            document(1, [mention(1, 0, "About 600 civilians died.", 600.0, entity="civilians")], events=[strike])]
    analysis = analyze_corpus(docs)
    assert (_statistic(analysis, 100) != _statistic(analysis, 0)) is apart


@pytest.mark.parametrize(("category", "unit", "counted"), [
    pytest.param("killed", "count", True, id="killed"),
    pytest.param("damage", "count", True, id="damage"),
    pytest.param("aid", "count", True, id="aid"),
    pytest.param("money", "dollar", False, id="money"),
    pytest.param("percentage", "percent", False, id="percent"),
    pytest.param("other", "magnitude", False, id="magnitude"),
    pytest.param("distance", "kilometre", False, id="distance"),
])
def test_only_casualty_and_humanitarian_figures_are_statistics(category: str, unit: str, counted: bool) -> None:
    docs = _flood_docs([mention(0, 0, "x", 6.8, category=category, unit=unit)])
    assert (_statistic(analyze_corpus(docs), 0) is not None) is counted


def test_figures_of_another_event_are_another_statistic() -> None:
    past = event(1, "other", PAKISTAN, year=2010, historical=True)
    docs = [document(0, [mention(0, 0, "1,314 died", 1314.0), mention(0, 1, "In 2010, 1,700 died", 1700.0,
                                                                        event_index=1)],
                     published=DAY, events=[FLOOD, past])]
    analysis = analyze_corpus(docs)
    assert analysis.event_of_figure[0] != analysis.event_of_figure[1]
    assert _statistic(analysis, 0) != _statistic(analysis, 1)


def test_headline_is_the_latest_figure() -> None:
    later = datetime(2022, 9, 16, tzinfo=UTC)
    docs = [document(0, [mention(0, 0, "1,314 died", 1314.0, source="NDMA")], published=DAY, events=[FLOOD]),
            document(1, [mention(1, 0, "1,508 died", 1508.0, source="NDMA")], published=later, events=[FLOOD])]
    (statistic,) = analyze_corpus(docs).statistics
    assert statistic.headline_figure_id == 100


def test_a_place_beside_the_whole_toll_is_not_a_breakdown() -> None:
    docs = _flood_docs([mention(0, 0, "2,000 fighters were deployed.", 2000.0, category="deployed")],
                       [mention(1, 0, "2,000 fighters left positions around Karachi.", 2000.0, category="deployed",
                                place=KARACHI)])
    analysis = analyze_corpus(docs)
    assert _statistic(analysis, 0) == _statistic(analysis, 100)


def test_a_bare_number_counts_the_noun_of_the_number_of() -> None:
    docs = _flood_docs([mention(0, 0, "The number of houses damaged rose to 1.8 million.", 1.8e6, category="damage",
                                entity=None, text="1.8 million"),
                        mention(0, 1, "1.7 million houses were damaged.", 1.7e6, category="damage", entity="houses")])
    analysis = analyze_corpus(docs)
    assert _statistic(analysis, 0) == _statistic(analysis, 1)
    assert next(s for s in analysis.statistics if s.key == _statistic(analysis, 0)).population == "homes"


def test_a_part_counts_where_its_whole_counts() -> None:
    sentence = "There were 536 children among the 1,508 fatalities."
    docs = _flood_docs([mention(0, 0, "22 died in Sindh.", 22.0, place=SINDH),
                        mention(0, 1, sentence, 536.0, entity="children", place=SINDH, parent_figure_id=2),
                        mention(0, 2, sentence, 1508.0, entity="fatalities", place=SINDH),
                        mention(0, 3, "The toll rose to 1,508.", 1508.0)])
    analysis = analyze_corpus(docs)
    by_key = {s.key: s for s in analysis.statistics}
    assert _statistic(analysis, 2) == _statistic(analysis, 3)  # the same number as the national toll
    children = by_key[_statistic(analysis, 1)]  # type: ignore[index]
    assert children.place == PAKISTAN and children.parent_key == _statistic(analysis, 3)


def test_a_town_named_beside_a_wider_toll_counts_the_wider_place() -> None:
    two = Place("MWI", None, None, None, None, ("MWI", "MOZ"))
    storm = event(0, "storm", Place("MWI", None, None, None, None, ("MWI", "MOZ", "MDG")), date(2023, 3, 12))
    docs = [document(0, [mention(0, 0, "toll passes 200 in Malawi and Mozambique", 200.0, place=two),
                         mention(0, 1, "the storm, which has killed over 200 people", 200.0, qualifier="more_than",
                                 high=None, place=Place("MWI", "Southern Region", "Blantyre"))],
                     events=[storm])]
    analysis = analyze_corpus(docs)
    assert _statistic(analysis, 0) == _statistic(analysis, 1)
