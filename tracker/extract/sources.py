"""The source gazetteer and the words for unnamed speakers: who a news text can cite for a figure.

Data: `sources.txt` (canonical names, kinds, aliases), `attribution_short_forms.txt` ("the monitor"),
`attribution_speakers.txt` (speaker nouns, modifiers, titles). Everything is loaded once and compiled
into regular expressions built as tries, so that matching hundreds of aliases stays linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tracker.data_files import data_rows
from tracker.errors import DataFileError
from tracker.extract.trie import trie_pattern
from tracker.figure import SOURCE_KINDS

_GAZETTEER = "sources.txt"
_SHORT_FORMS = "attribution_short_forms.txt"
_SPEAKERS = "attribution_speakers.txt"
_SPEAKER_ROLES = frozenset({"continuing", "modifier", "stopword", "title", "org_word", "pronoun"})


@dataclass(frozen=True, slots=True)
class Source:
    """A source of the gazetteer: its canonical name and kind."""

    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class ShortForm:
    """A short form ("the monitor") and what it may stand for."""

    phrase: str
    kinds: tuple[str, ...]
    fallback: Source | None
    must_hold: str | None


@dataclass(frozen=True, slots=True)
class Speakers:
    """The speaker lexicon: nouns with their kind, and the word lists used to read names."""

    nouns: dict[str, str]
    modifiers: frozenset[str]
    stopwords: frozenset[str]
    titles: frozenset[str]
    org_words: frozenset[str]
    pronouns: frozenset[str]


def normalize_name(name: str) -> str:
    """A lookup key for a name: one space between words, straight apostrophes, no leading "the"."""
    key = " ".join(name.replace("’", "'").split())
    if key[:4].lower() == "the ":
        key = key[4:]
    return key


def is_acronym(alias: str) -> bool:
    """Whether an alias matches only in its exact letter case (it has no lower-case letter)."""
    return not any(c.islower() for c in alias)


@cache
def gazetteer() -> tuple[dict[str, Source], dict[str, Source]]:
    """(exact-case aliases, lower-cased aliases) -> Source, from sources.txt."""
    exact: dict[str, Source] = {}
    folded: dict[str, Source] = {}
    for lineno, fields in data_rows(_GAZETTEER, 2):
        name, kind = fields[0], fields[1]
        if kind not in SOURCE_KINDS:
            raise DataFileError(f"data file {_GAZETTEER}, line {lineno}: unknown kind {kind!r}")
        source = Source(name, kind)
        aliases = [name, *(a.strip() for a in "|".join(fields[2:]).split(";"))]
        for alias in aliases:
            key = normalize_name(alias)
            if not key:
                continue
            table, lookup = (exact, key) if is_acronym(key) else (folded, key.lower())
            if table.get(lookup, source) != source:
                raise DataFileError(
                    f"data file {_GAZETTEER}, line {lineno}: alias {alias!r} names two sources"
                )
            table[lookup] = source
    return exact, folded


def resolve_source(name: str) -> tuple[str, str] | None:
    """(canonical name, kind) of a gazetteer source named by `name` or one of its aliases, else None."""
    exact, folded = gazetteer()
    key = normalize_name(name)
    source = exact.get(key) or folded.get(key.lower())
    return (source.name, source.kind) if source else None


def canonical_sources() -> list[tuple[str, str]]:
    """Every (canonical name, kind) of the gazetteer, in file order."""
    exact, folded = gazetteer()
    seen: dict[str, str] = {}
    for source in [*folded.values(), *exact.values()]:
        seen.setdefault(source.name, source.kind)
    return list(seen.items())


@cache
def short_forms() -> dict[str, ShortForm]:
    """Lower-cased short form -> ShortForm, from attribution_short_forms.txt."""
    out: dict[str, ShortForm] = {}
    for lineno, fields in data_rows(_SHORT_FORMS, 3):
        kinds = tuple(k.strip() for k in fields[1].split(",") if k.strip())
        bad = [k for k in kinds if k not in SOURCE_KINDS]
        if bad or not kinds:
            raise DataFileError(f"data file {_SHORT_FORMS}, line {lineno}: bad kinds {fields[1]!r}")
        fallback: Source | None = None
        if fields[2] != "-":
            found = resolve_source(fields[2])
            if found is None:
                raise DataFileError(f"data file {_SHORT_FORMS}, line {lineno}: unknown source {fields[2]!r}")
            fallback = Source(*found)
        must_hold = fields[3].lower() if len(fields) > 3 and fields[3] else None
        phrase = " ".join(fields[0].split())
        out[phrase.lower()] = ShortForm(phrase, kinds, fallback, must_hold)
    return out


@cache
def speakers() -> Speakers:
    """The speaker lexicon of attribution_speakers.txt."""
    nouns: dict[str, str] = {}
    roles: dict[str, set[str]] = {role: set() for role in _SPEAKER_ROLES}
    for lineno, (word, role) in ((n, f[:2]) for n, f in data_rows(_SPEAKERS, 2)):
        if role in ("continuing", "document") or role in SOURCE_KINDS:
            nouns[word.lower()] = role
        elif role in roles:
            roles[role].add(word if role in ("stopword", "title", "org_word") else word.lower())
        else:
            raise DataFileError(f"data file {_SPEAKERS}, line {lineno}: unknown role {role!r}")
    return Speakers(
        nouns=nouns,
        modifiers=frozenset(roles["modifier"]),
        stopwords=frozenset(roles["stopword"]),
        titles=frozenset(roles["title"]),
        org_words=frozenset(roles["org_word"]),
        pronouns=frozenset(roles["pronoun"]),
    )


@cache
def alias_pattern() -> str:
    """A regular expression (no groups) matching any gazetteer alias or short form, longest first."""
    exact, folded = gazetteer()
    sensitive = trie_pattern(exact)
    insensitive = trie_pattern([*folded, *short_forms()])
    # names written out come first: "UN refugee agency" must win over the acronym "UN"
    return rf"(?:(?i:{insensitive})(?![\w])|{sensitive}(?![\w]))"


def lookup_alias(matched: str) -> Source | ShortForm | None:
    """What a piece of text matched by `alias_pattern()` names: a Source, a ShortForm, or None."""
    key = " ".join(matched.replace("’", "'").split())
    exact, folded = gazetteer()
    if key in exact:
        return exact[key]
    lowered = key.lower()
    return short_forms().get(lowered) or folded.get(lowered)
