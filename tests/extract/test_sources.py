"""The source gazetteer: canonical names, kinds, aliases in the forms news uses, letter-case rules."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.data_files import data_rows
from tracker.errors import DataFileError
from tracker.extract import sources as sources_module
from tracker.extract.sources import (
    PhraseFinder,
    TextWords,
    alias_finder,
    canonical_sources,
    gazetteer,
    resolve_source,
    short_forms,
    speakers,
)
from tracker.extract.trie import trie_pattern
from tracker.figure import SOURCE_KINDS

ALIASES = [
    # Syria
    pytest.param("SOHR", "Syrian Observatory for Human Rights", "monitor", id="sohr-acronym"),
    pytest.param("OSDH", "Syrian Observatory for Human Rights", "monitor", id="osdh-french-acronym"),
    pytest.param("the Observatory", "Syrian Observatory for Human Rights", "monitor", id="the-observatory"),
    pytest.param("Britain-based monitor", "Syrian Observatory for Human Rights", "monitor",
                 id="britain-based"),
    pytest.param("the war monitor", "Syrian Observatory for Human Rights", "monitor", id="war-monitor"),
    pytest.param("HTS", "Hayat Tahrir al-Sham", "armed_group", id="hts"),
    pytest.param("Hezbollah", "Hezbollah", "armed_group", id="hezbollah"),
    pytest.param("White Helmets", "Syria Civil Defence", "ngo", id="white-helmets"),
    # United Nations
    pytest.param("UN", "United Nations", "un_agency", id="un"),
    pytest.param("U.N.", "United Nations", "un_agency", id="u-n-dotted"),
    pytest.param("the United Nations", "United Nations", "un_agency", id="the-united-nations"),
    pytest.param("OCHA", "United Nations Office for the Coordination of Humanitarian Affairs", "un_agency",
                 id="ocha"),
    pytest.param("UN refugee agency", "United Nations High Commissioner for Refugees", "un_agency",
                 id="un-refugee-agency"),
    pytest.param("IOM", "International Organization for Migration", "un_agency", id="iom"),
    pytest.param("WHO", "World Health Organization", "un_agency", id="who-acronym"),
    pytest.param("World Health Organisation", "World Health Organization", "un_agency", id="who-british"),
    pytest.param("UNICEF", "United Nations Children's Fund", "un_agency", id="unicef"),
    pytest.param("UN children’s agency", "United Nations Children's Fund", "un_agency",
                 id="curly-apostrophe"),
    pytest.param("WFP", "World Food Programme", "un_agency", id="wfp"),
    pytest.param("UNRWA", "United Nations Relief and Works Agency for Palestine Refugees", "un_agency",
                 id="unrwa"),
    # NGOs and monitors
    pytest.param("ICRC", "International Committee of the Red Cross", "ngo", id="icrc"),
    pytest.param("MSF", "Médecins Sans Frontières", "ngo", id="msf"),
    pytest.param("Doctors Without Borders", "Médecins Sans Frontières", "ngo", id="msf-english"),
    pytest.param("Amnesty", "Amnesty International", "ngo", id="amnesty"),
    pytest.param("HRW", "Human Rights Watch", "ngo", id="hrw"),
    pytest.param("ACLED", "Armed Conflict Location & Event Data Project", "monitor", id="acled"),
    pytest.param("IDMC", "Internal Displacement Monitoring Centre", "monitor", id="idmc"),
    pytest.param("Airwars", "Airwars", "monitor", id="airwars"),
    pytest.param("Syrian Arab Red Crescent", "Syrian Arab Red Crescent", "ngo", id="sarc"),
    # Gaza, Israel, Lebanon, Yemen
    pytest.param("Gaza health ministry", "Gaza Health Ministry", "ministry", id="gaza-health-ministry"),
    pytest.param("Hamas-run health ministry", "Gaza Health Ministry", "ministry", id="hamas-run-ministry"),
    pytest.param("IDF", "Israel Defense Forces", "military", id="idf"),
    pytest.param("Israeli military", "Israel Defense Forces", "military", id="israeli-military"),
    pytest.param("Hamas", "Hamas", "armed_group", id="hamas"),
    pytest.param("Houthis", "Houthis", "armed_group", id="houthis"),
    pytest.param("Ansar Allah", "Houthis", "armed_group", id="ansar-allah"),
    # Ukraine and Russia
    pytest.param("Ukraine's defence ministry", "Ukrainian Defence Ministry", "ministry", id="ukraine-mod"),
    pytest.param("Russian defense ministry", "Russian Defence Ministry", "ministry", id="russia-mod-us"),
    pytest.param("Ukraine's General Staff", "General Staff of the Armed Forces of Ukraine", "military",
                 id="ukraine-general-staff"),
    # Africa, Asia, the Americas
    pytest.param("RSF", "Rapid Support Forces", "armed_group", id="rsf"),
    pytest.param("SAF", "Sudanese Armed Forces", "military", id="saf"),
    pytest.param("M23", "M23", "armed_group", id="m23"),
    pytest.param("al-Shabab", "al-Shabaab", "armed_group", id="al-shabab-spelling"),
    pytest.param("Taliban", "Taliban", "armed_group", id="taliban"),
    pytest.param("Tatmadaw", "Myanmar military", "military", id="tatmadaw"),
    pytest.param("Haitian National Police", "Haitian National Police", "police", id="haiti-police"),
    pytest.param("USGS", "United States Geological Survey", "government", id="usgs"),
    pytest.param("AFAD", "Disaster and Emergency Management Presidency", "government", id="afad"),
    # news agencies
    pytest.param("AFP", "Agence France-Presse", "news_agency", id="afp"),
    pytest.param("Reuters", "Reuters", "news_agency", id="reuters"),
    pytest.param("AP", "Associated Press", "news_agency", id="ap"),
    pytest.param("Xinhua", "Xinhua", "news_agency", id="xinhua"),
]


@pytest.mark.parametrize(("alias", "canonical", "kind"), ALIASES)
def test_aliases_resolve_to_the_canonical_name(alias: str, canonical: str, kind: str) -> None:
    assert resolve_source(alias) == (canonical, kind)


@pytest.mark.parametrize("word", [
    pytest.param("who", id="who-lower-is-a-pronoun"),
    pytest.param("Who", id="who-capitalised"),
    pytest.param("ap", id="ap-lower"),
    pytest.param("un", id="un-lower"),
    pytest.param("Ministry of Silly Walks", id="unknown-organisation"),
    pytest.param("", id="empty"),
])
def test_acronyms_match_only_in_capitals_and_unknown_names_do_not_resolve(word: str) -> None:
    assert resolve_source(word) is None


def test_written_out_names_match_in_any_letter_case() -> None:
    assert resolve_source("syrian observatory for human rights") == resolve_source("SOHR")
    assert resolve_source("GAZA   HEALTH\nMINISTRY") == ("Gaza Health Ministry", "ministry")


def test_the_gazetteer_holds_at_least_80_sources_of_known_kinds() -> None:
    sources = canonical_sources()
    assert len(sources) >= 80
    assert {kind for _, kind in sources} <= set(SOURCE_KINDS)
    for name, kind in sources:
        assert resolve_source(name) == (name, kind)


def test_every_gazetteer_row_declares_a_known_kind() -> None:
    rows = [fields for _, fields in data_rows("sources.txt", 2)]
    assert all(fields[1] in SOURCE_KINDS for fields in rows)
    assert len({fields[0] for fields in rows}) == len(rows)


def test_short_forms_name_known_kinds_and_fallbacks() -> None:
    forms = short_forms()
    assert forms["the monitor"].fallback is not None
    assert forms["the monitor"].fallback.name == "Syrian Observatory for Human Rights"
    assert forms["the ministry"].fallback is None
    assert forms["the health ministry"].must_hold == "health"
    assert all(set(f.kinds) <= set(SOURCE_KINDS) for f in forms.values())


def test_speaker_lexicon_has_nouns_and_word_lists() -> None:
    lexicon = speakers()
    assert lexicon.nouns["source"] == "continuing"
    assert lexicon.nouns["police"] == "police"
    assert "local" in lexicon.modifiers
    assert "Minister" in lexicon.titles
    assert "Ministry" in lexicon.org_words


def test_speaker_lexicon_marks_officials_in_their_own_right_and_time_words() -> None:
    lexicon = speakers()
    assert {"governor", "minister", "mayor"} <= lexicon.in_own_right
    assert not {"spokesman", "spokeswoman", "official"} & lexicon.in_own_right  # they speak for a body
    assert {"Monday", "March", "Yesterday"} <= lexicon.time_words
    assert all(lexicon.nouns.get(word) is not None for word in lexicon.in_own_right)


def test_an_unknown_flag_in_the_speaker_lexicon_is_a_data_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources_module, "data_rows", lambda name, columns: iter([(3, ["mayor", "government", "x"])]))
    speakers.cache_clear()
    try:
        with pytest.raises(DataFileError, match="line 3: unknown flag"):
            speakers()
    finally:
        speakers.cache_clear()


@pytest.mark.parametrize(("name", "resolved"), [
    pytest.param("Malawi", ("Malawi", "state"), id="a-country-from-pycountry"),
    pytest.param("Israel", ("Israel", "state"), id="sources-txt-keeps-its-row"),
    pytest.param("Kremlin", ("Russia", "state"), id="sources-txt-aliases-kept"),
    pytest.param("Jersey", None, id="not-a-speaker"),
])
def test_every_country_is_a_state_speaker(name: str, resolved: tuple[str, str] | None) -> None:
    assert resolve_source(name) == resolved


def test_channel_words_are_data_with_a_header() -> None:
    rows = [fields for _, fields in data_rows("attribution_channels.txt", 2)]
    assert ["told", "before"] in rows and ["in an interview with", "before"] in rows
    assert {fields[1] for fields in rows} == {"before"}


@pytest.mark.parametrize(("words", "text", "matched"), [
    pytest.param(["UN", "UN refugee agency"], "the UN refugee agency said", "UN refugee agency",
                 id="longest-first"),
    pytest.param(["UN", "UN refugee agency"], "the UN said", "UN", id="shorter-when-longer-fails"),
    pytest.param(["Children's Fund"], "Children’s Fund", "Children’s Fund", id="curly-apostrophe"),
    pytest.param(["health ministry"], "health\n ministry", "health\n ministry", id="any-white-space"),
])
def test_trie_pattern_matches_the_longest_word(words: list[str], text: str, matched: str) -> None:
    found = re.search(trie_pattern(words), text)
    assert found is not None and found.group() == matched


# --- the phrase finder matches as the regular expression of a trie of the same phrases would -----------

_FOLDED = ["UN refugee agency", "the monitor", "the war monitor", "health ministry", "Children's Fund",
           "according to", "a tally by", "so-called group", "x"]
_EXACT = ["UN", "U.N.", "WHO", "M23", "UN OCHA"]


def _regex_spans(text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<![\w'’-])(?:(?i:{trie_pattern(p.lower() for p in _FOLDED)})(?![\w])"
                         rf"|{trie_pattern(_EXACT)}(?![\w]))")
    return [m.span() for m in pattern.finditer(text, pos, endpos)]


_PIECES = st.sampled_from([*_FOLDED, *_EXACT, *(w for p in _FOLDED + _EXACT for w in p.split()),
                           " ", "  ", "\n", "’", "'", "-", ".", ",", "(", "s", "The", "HEALTH", "İ", "un"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join), st.data())
def test_phrase_finder_finds_what_the_trie_expression_finds(text: str, data: st.DataObject) -> None:
    finder = PhraseFinder([(_FOLDED, True), (_EXACT, False)], not_before="'’-")
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    assert list(finder.scan(TextWords(text)).finditer(pos, endpos)) == _regex_spans(text, pos, endpos)


@pytest.mark.parametrize(("text", "found"), [
    pytest.param("The UN refugee agency said", "UN refugee agency", id="written-out-before-acronym"),
    pytest.param("the UN’s office", "UN", id="acronym-before-apostrophe"),
    pytest.param("the Health\n  Ministry in Gaza", "the Health\n  Ministry", id="white-space-and-case"),
    pytest.param("the un said", None, id="acronym-in-lower-case"),
    pytest.param("pro-UN groups", None, id="not-after-hyphen"),
])
def test_alias_finder_on_the_gazetteer(text: str, found: str | None) -> None:
    spans = list(alias_finder().scan(TextWords(text)).finditer())
    assert (text[spans[0][0]:spans[0][1]] if spans else None) == found


def test_alias_finder_knows_every_alias() -> None:
    exact, folded = gazetteer()
    for alias in [*exact, *folded, *short_forms()]:
        text = f"({alias})"
        assert list(alias_finder().scan(TextWords(text)).finditer()) == [(1, len(text) - 1)], alias
