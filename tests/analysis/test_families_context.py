"""Entity families and context words: the data files and what the code makes of them."""

from __future__ import annotations

import pytest

from tracker.analysis.context import parse_scope, scopes_conflict, sentence_stems, stem
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


@pytest.mark.parametrize("name", ["entity_families.txt", "context_stopwords.txt"])
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


@pytest.mark.parametrize(("a", "b"), [
    pytest.param("Syrian", "Syria", id="demonym-ian"),
    pytest.param("Iraqi", "Iraq", id="demonym-i"),
    pytest.param("crossing", "crossings", id="ing"),
    pytest.param("Observatory's", "observatory", id="possessive"),
    pytest.param("Damascus", "damascus", id="us-kept"),
])
def test_stem_joins_forms(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_sentence_words_drop_numbers_stopwords_and_categories() -> None:
    words = sentence_stems("At least 826 people have been killed in Aleppo since 2011, the monitor said.")
    assert words == {"aleppo", "2011", "monitor"}


@pytest.mark.parametrize(("scope_a", "sentence_a", "scope_b", "sentence_b", "conflict"), [
    pytest.param("since 2011", "", "since the offensive began", "", True, id="year-vs-event"),
    pytest.param("since the offensive began", "", "since the start of the offensive", "", False,
                 id="same-event"),
    pytest.param("since 2011", "", "since the war began in 2011", "", False, id="same-year"),
    pytest.param("since 2011", "", "since 2015", "", True, id="other-year"),
    pytest.param(None, "half a million dead since 2011", "since the offensive began", "", True,
                 id="year-from-sentence"),
    pytest.param(None, "826 killed", "since 2011", "", False, id="unknown-conflicts-nothing"),
])
def test_scope_conflicts(scope_a: str | None, sentence_a: str, scope_b: str | None, sentence_b: str,
                         conflict: bool) -> None:
    a, b = parse_scope(scope_a, sentence_a), parse_scope(scope_b, sentence_b)
    assert scopes_conflict(a, b) is conflict
