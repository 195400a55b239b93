"""Events across documents: one event from several outlets and days; apart when place or time differ."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.analysis.builders import event
from tracker.analysis.event_clusters import cluster_events
from tracker.analysis.places import Place
from tracker.analysis.types import DocumentEvent

KRAMATORSK = Place("UKR", "Donetsk Oblast", "Kramatorsk", 48.7, 37.6)
KHARKIV = Place("UKR", "Kharkiv Oblast", "Kharkiv", 50.0, 36.2)
MOSCOW = Place("RUS", "Moscow", "Moscow", 55.75, 37.62)
KRASNOGORSK = Place("RUS", "Moscow Oblast", "Krasnogorsk", 55.82, 37.33)
UKRAINE = Place("UKR")
TURKEY = Place("TUR")
SYRIA_TURKEY = Place("TUR", None, None, None, None, ("TUR", "SYR"))


def _groups(events: list[DocumentEvent]) -> list[set[int]]:
    """Which of the given document events (document id = position) became one event."""
    found, key_of = cluster_events((i, None, e) for i, e in enumerate(events))
    groups: dict[str, set[int]] = {}
    for (document_id, _), key in key_of.items():
        groups.setdefault(key, set()).add(document_id)
    assert len(found) == len(groups)
    return sorted(groups.values(), key=min)


@pytest.mark.parametrize(("events", "expected"), [
    pytest.param([event(0, "missile strike", KRAMATORSK, date(2022, 4, 8)),
                  event(0, "explosion", KRAMATORSK, date(2022, 4, 8)),
                  event(0, "attack", UKRAINE, date(2022, 4, 10))],
                 [{0, 1, 2}], id="one-strike-three-outlets-three-words"),
    pytest.param([event(0, "missile strike", KRAMATORSK, date(2022, 4, 8)),
                  event(0, "missile strike", KRAMATORSK, date(2022, 4, 15))],
                 [{0}, {1}], id="two-strikes-on-one-city-a-week-apart"),
    pytest.param([event(0, "airstrike", KRAMATORSK, date(2022, 4, 8)),
                  event(0, "airstrike", KHARKIV, date(2022, 4, 8))],
                 [{0}, {1}], id="two-towns-one-day"),
    pytest.param([event(0, "airstrike", KRAMATORSK, date(2022, 4, 8)),
                  event(0, "airstrike", KHARKIV, date(2022, 4, 8)),
                  event(0, "airstrike", UKRAINE, date(2022, 4, 8))],
                 [{0, 2}, {1}], id="a-report-naming-only-the-country-joins-the-first-of-two-towns"),
    pytest.param([event(0, "shooting", KRASNOGORSK, date(2024, 3, 22)),
                  event(0, "shooting", MOSCOW, date(2024, 3, 23))],
                 [{0, 1}], id="a-suburb-and-its-city"),
    pytest.param([event(0, "earthquake", TURKEY, date(2023, 2, 6)),
                  event(0, "earthquake", SYRIA_TURKEY, date(2023, 2, 16))],
                 [{0, 1}], id="quake-reports-ten-days-apart"),
    pytest.param([event(0, "earthquake", TURKEY, date(2023, 2, 6)),
                  event(0, "earthquake", TURKEY, date(2023, 11, 6))],
                 [{0}, {1}], id="two-quakes-months-apart"),
    pytest.param([event(0, "war", UKRAINE, date(2022, 2, 24)), event(0, "war", UKRAINE, date(2024, 6, 1))],
                 [{0, 1}], id="war-is-open-ended"),
    pytest.param([event(0, "flood", Place("PAK")), event(0, "storm", Place("PAK"), date(2022, 8, 30))],
                 [{0, 1}], id="undated-report-joins"),
    pytest.param([event(0, "earthquake", TURKEY, date(2023, 2, 6)), event(0, "flood", TURKEY, date(2023, 2, 7))],
                 [{0}, {1}], id="other-family"),
    pytest.param([event(0, "storm", Place("MWI"), date(2023, 3, 12), name="Cyclone Freddy"),
                  event(0, "storm", Place("MWI"), date(2023, 3, 14), name="Cyclone Gabrielle")],
                 [{0}, {1}], id="two-named-storms"),
    pytest.param([event(0, "shooting", Place("RUS", None, "Moscow"), date(2024, 3, 22)),
                  event(1, "other", Place("RUS", None, "Moscow"), year=2002, historical=True)],
                 [{0}, {1}], id="past-event-never-joins-today"),
    pytest.param([event(1, "other", Place("RUS", None, "Beslan"), year=2004, historical=True),
                  event(1, "other", Place("RUS", None, "Beslan"), year=2004, historical=True),
                  event(1, "other", Place("RUS", None, "Beslan"), year=2005, historical=True)],
                 [{0, 1}, {2}], id="past-events-by-year"),
])
def test_cluster_events(events: list[DocumentEvent], expected: list[set[int]]) -> None:
    assert _groups(events) == expected


def test_event_label_key_and_place() -> None:
    found, _ = cluster_events([
        (0, None, event(0, "missile strike", KRAMATORSK, date(2022, 4, 8))),
        (1, None, event(0, "attack", UKRAINE, None)),
    ])
    (strike,) = found
    assert strike.label == "Kramatorsk missile strike, 8 Apr 2022"
    assert strike.key == "kramatorsk-missile-strike-2022"
    assert strike.type == "missile strike" and strike.document_ids == (0, 1)
    assert strike.place is not None and strike.place.locality == "Kramatorsk" and strike.place.lat == 48.7


def test_named_storm_label_and_past_event_label() -> None:
    found, _ = cluster_events([
        (0, None, event(0, "storm", Place("MWI"), date(2023, 3, 12), name="Cyclone Freddy")),
        (0, None, event(1, "other", Place("RUS", None, "Beslan"), year=2004, historical=True)),
    ])
    labels = sorted(e.label for e in found)
    assert labels == ["Beslan, 2004", "Cyclone Freddy, 12 Mar 2023"]


def test_generic_attack_alone_is_other() -> None:
    found, _ = cluster_events([(0, None, event(0, "attack", UKRAINE, date(2022, 4, 8)))])
    assert found[0].type == "other"


def test_keys_are_unique() -> None:
    found, _ = cluster_events([
        (0, None, event(0, "airstrike", KRAMATORSK, date(2022, 4, 8))),
        (1, None, event(0, "airstrike", KRAMATORSK, date(2022, 5, 20))),
    ])
    assert len({e.key for e in found}) == 2


def _clusters_by_scanning(items: list[tuple[int, datetime | None, DocumentEvent]]) -> list[list[tuple[int, int]]]:
    """The clustering rule applied the plain way: every event tested against every cluster so far."""
    from tracker.analysis import event_clusters as ec

    clusters: list[ec._Cluster] = []
    for document_id, _, e in sorted(items, key=ec._sort_key):
        fitting = [c for c in clusters if ec._fits(c, e)]
        if fitting:
            cluster = min(fitting, key=lambda c: ec._distance(c, e))
        else:
            cluster = ec._Cluster(ec._family(e.type), e.historical)
            clusters.append(cluster)
        cluster.add(document_id, e)
    return sorted(sorted((d, e.index) for d, e in c.members) for c in clusters)


# Few values of each, so that events often meet at a window's edge or fit two clusters at one distance.
_PLACES = st.sampled_from([None, KRAMATORSK, KHARKIV, UKRAINE, TURKEY, Place("SYR"), SYRIA_TURKEY])
_TYPES = st.sampled_from(["airstrike", "explosion", "other", "flood", "storm", "war"])
_DAYS = st.one_of(st.none(), st.dates(date(2022, 1, 1), date(2022, 1, 9)),
                  st.dates(date(2022, 1, 1), date(2022, 9, 30)))
_PAST = st.sampled_from([False, False, False, True])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_TYPES, _PLACES, _DAYS, _PAST, st.sampled_from([None, None, "Freddy", "Gabrielle"])),
                min_size=2, max_size=30))
def test_indexed_clustering_equals_scanning_every_cluster(
        drawn: list[tuple[str, Place | None, date | None, bool, str | None]]) -> None:
    items = [(i, None, event(0, kind, place, day, historical=historical and day is not None, name=name))
             for i, (kind, place, day, historical, name) in enumerate(drawn)]
    _, key_of = cluster_events(items)
    groups: dict[str, list[tuple[int, int]]] = {}
    for member, key in key_of.items():
        groups.setdefault(key, []).append(member)
    assert sorted(sorted(g) for g in groups.values()) == _clusters_by_scanning(items)
