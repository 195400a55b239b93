"""Entity families: the data file and what the code makes of it (the populations of statistics)."""

from __future__ import annotations

import pytest

from tracker.analysis.families import entity_family, load_families, singular
from tracker.data_files import read_data_text


@pytest.mark.parametrize(("entity", "family"), [
    # the families named in the issue
    pytest.param("troops", "combatants", id="troops"),
    pytest.param("Syrian soldiers", "combatants", id="multiword-soldiers"),
    pytest.param("fighters", "combatants", id="fighters"),
    pytest.param("officers", "combatants", id="officers"),
    pytest.param("people", "people", id="people"),
    pytest.param("dead", "people", id="dead"),
    pytest.param("residents", "people", id="residents"),
    pytest.param("civilians", "civilians", id="civilians-own-family"),
    pytest.param("minors", "children", id="minors"),
    pytest.param("households", "homes", id="households"),
    pytest.param("fatalities", "people", id="fatalities"),
    pytest.param("hostages", "hostages", id="hostages-own-row"),
    pytest.param("patients", "patients", id="patients-own-row"),
    # not in the table: its own family, singular
    pytest.param("cities", "city", id="unknown-plural"),
    pytest.param("widgets", "widget", id="unknown"),
    pytest.param(None, None, id="no-entity"),
    pytest.param("", None, id="empty-entity"),
])
def test_entity_family(entity: str | None, family: str | None) -> None:
    assert entity_family(entity) == family


def test_families_subset_relation_is_data() -> None:
    families = load_families()
    assert families.parent_of["civilians"] == "people"
    assert families.parent_of["combatants"] is None


@pytest.mark.parametrize("name", ["entity_families.txt", "event_types.txt", "event_words.txt"])
def test_data_files_state_their_syntax(name: str) -> None:
    assert "Syntax:" in read_data_text(name)


@pytest.mark.parametrize(("word", "expected"), [
    pytest.param("detainees", "detainee", id="plural"),
    pytest.param("cities", "city", id="ies"),
    pytest.param("crosses", "cross", id="es"),
    pytest.param("gas", "gas", id="short-s"), pytest.param("crisis", "crisis", id="is-kept"),
])
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected
