"""The source gazetteer and the words for unnamed speakers: who a news text can cite for a figure.

Data: `sources.txt` (canonical names, kinds, aliases), `attribution_short_forms.txt` ("the monitor"),
`attribution_speakers.txt` (speaker nouns, modifiers, titles). Everything is loaded once. Phrases are
found in text by a `PhraseFinder`: a dictionary lookup of each word that may open one, which matches like
an alternation of the phrases in a regular expression but needs no compiling (hundreds of aliases would
take tens of milliseconds to compile as one expression) and stays linear in the text.
"""

from __future__ import annotations

import sys
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress, islice

from tracker.data_files import data_rows
from tracker.errors import DataFileError
from tracker.figure import SOURCE_KINDS
from tracker.patterns import compile_pattern

_GAZETTEER = "sources.txt"
_STATES = "states.txt"
#: Country names that are mostly something else in news text ("New Jersey").
_NOT_SPEAKERS = frozenset({"Jersey", "Guernsey"})
_SHORT_FORMS = "attribution_short_forms.txt"
_SPEAKERS = "attribution_speakers.txt"
_SPEAKER_ROLES = frozenset({"continuing", "modifier", "stopword", "title", "org_word", "pronoun", "time"})
#: Speaker kinds that name a body rather than a person ("the fire service", not "a firefighter").
BODY_KINDS = frozenset({
    "government", "ministry", "police", "military", "hospital", "ngo", "monitor", "organization", "news_agency",
    "un_agency", "armed_group",
})


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
    time_words: frozenset[str]
    in_own_right: frozenset[str]


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
    """(exact-case aliases, lower-cased aliases) -> Source, from sources.txt and states.txt."""
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
    for _, fields in data_rows(_STATES, 2):  # every country, unless sources.txt names it already
        source = Source(fields[0], "state")
        key = normalize_name(fields[0])
        table, lookup = (exact, key) if is_acronym(key) else (folded, key.lower())
        table.setdefault(lookup, source)
    return exact, folded


def render_states() -> str:
    """The text of data/states.txt: the countries of ISO 3166 (pycountry), by their common English names."""
    import pycountry  # a development dependency: only regenerating the file needs it

    names = set()
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        name = name.split(" (")[0]
        if "," not in name and name not in _NOT_SPEAKERS:
            names.add(name)
    lines = [
        "# Countries, as speakers (\"Malawi said\", \"Japan pledged\"): the ISO 3166 countries by their common English",
        "# names, from pycountry. A country that sources.txt names (with its aliases) keeps that row.",
        "# Syntax: name | state",
        "# Regenerate with: python -m tracker.extract.sources > tracker/data/states.txt",
    ]
    return "\n".join([*lines, *(f"{n} | state" for n in sorted(names))]) + "\n"


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
    own: set[str] = set()
    roles: dict[str, set[str]] = {role: set() for role in _SPEAKER_ROLES}
    for lineno, fields in data_rows(_SPEAKERS, 2):
        word, role = fields[0], fields[1]
        if len(fields) > 2 and fields[2]:
            if fields[2] != "in_own_right":
                raise DataFileError(f"data file {_SPEAKERS}, line {lineno}: unknown flag {fields[2]!r}")
            own.add(word.lower())
        if role in ("continuing", "document") or role in SOURCE_KINDS:
            nouns[word.lower()] = role
        elif role in roles:
            roles[role].add(word if role in ("stopword", "title", "org_word", "time") else word.lower())
        else:
            raise DataFileError(f"data file {_SPEAKERS}, line {lineno}: unknown role {role!r}")
    return Speakers(
        nouns=nouns,
        modifiers=frozenset(roles["modifier"]),
        stopwords=frozenset(roles["stopword"]),
        titles=frozenset(roles["title"]),
        org_words=frozenset(roles["org_word"]),
        pronouns=frozenset(roles["pronoun"]),
        time_words=frozenset(roles["time"]),
        in_own_right=frozenset(own),
    )


@cache
def alias_finder() -> PhraseFinder:
    """The finder of gazetteer aliases and short forms: written-out names (any letter case) before acronyms."""
    exact, folded = gazetteer()
    # names written out come first: "UN refugee agency" must win over the acronym "UN"
    return PhraseFinder([(folded.keys() | short_forms().keys(), True), (exact.keys(), False)],
                        not_before="'’-")


def lookup_alias(matched: str) -> Source | ShortForm | None:
    """What a piece of text found by `alias_finder()` names: a Source, a ShortForm, or None."""
    key = " ".join(matched.replace("’", "'").split())
    exact, folded = gazetteer()
    if key in exact:
        return exact[key]
    lowered = key.lower()
    return short_forms().get(lowered) or folded.get(lowered)


# --- finding phrases in text -------------------------------------------------------------------------

_WORD = compile_pattern(r"\w+")
_WORD_BEFORE = compile_pattern(r"\w+$")
_SPACE = compile_pattern(r"\s+")


def _is_word(c: str) -> bool:
    """Whether a character is a word character (what `\\w` matches)."""
    return c.isalnum() or c == "_"


def _folded(text: str) -> str:
    """`text` in lower case, character for character (so that offsets stay the same)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)  # "İ" lowers to two characters


class PhraseFinder:
    """Finds phrases of word lists in text, as a regular expression alternating them would, longest first.

    Each table is a list of phrases and whether it ignores letter case. A phrase matches on whole words:
    a space in it matches any run of white space and an apostrophe ' or ’; no word character nor any of
    `not_before` may stand right before it, nor any of `not_after` right after it. Where phrases of
    several tables start at one place, the first table that has one wins, and within a table the longest.
    A phrase is looked up by its first two words (runs of word characters), so there is nothing to compile.
    """

    __slots__ = ("not_after", "not_before", "openers", "pairs", "singles", "tables")

    def __init__(self, tables: Sequence[tuple[Iterable[str], bool]], not_before: str = "",
                 not_after: str = "") -> None:
        self.tables: list[tuple[dict[str, dict[str, list[tuple[str, ...]]]], bool]] = []
        for phrases, fold in tables:
            keys = {" ".join(p.replace("’", "'").split()) for p in phrases}
            by_words: dict[str, dict[str, list[str]]] = {}
            for key in (k.lower() for k in keys) if fold else keys:
                words = _WORD.findall(key)
                if not words or not key.startswith(words[0]):
                    raise DataFileError(f"phrase {key!r} does not start with a word character")
                by_words.setdefault(words[0], {}).setdefault(words[1] if len(words) > 1 else "", []).append(key)
            table: dict[str, dict[str, list[tuple[str, ...]]]] = {}
            for first, by_second in by_words.items():
                one_word = by_second.get("", [])  # phrases of one word may match whatever follows
                table[first] = {
                    second: [tuple(k.split(" ")) for k in sorted({*found, *one_word}, key=len, reverse=True)]
                    for second, found in by_second.items()
                }
            self.tables.append((table, fold))
        # in lower case: the first words of phrases; those that make a phrase alone; first and second words
        self.openers = frozenset(first.lower() for table, _ in self.tables for first in table)
        self.singles = frozenset(first.lower() for table, _ in self.tables for first in table if "" in table[first])
        self.pairs = frozenset((first.lower(), second.lower()) for table, _ in self.tables
                               for first in table for second in table[first] if second)
        self.not_before = not_before.replace("’", "'")
        self.not_after = not_after

    def scan(self, words: TextWords) -> PhraseScan:
        """The phrases of a text, ready to be listed region by region."""
        return PhraseScan(self, words)


class _WordBreaks(dict[int, str]):
    """A `str.translate` table that turns every character but word characters into a space."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        self[code] = c if _is_word(c) else " "
        return self[code]


_WORD_BREAKS = _WordBreaks()


class TextWords:
    """A text split into words once, for the phrase finders that read it."""

    __slots__ = ("folded", "lengths", "straight", "words")

    def __init__(self, text: str) -> None:
        self.straight = text.replace("’", "'")
        self.folded = _folded(self.straight)
        #: the runs of word characters, in lower case, and an empty word between two other characters
        self.words = self.folded.translate(_WORD_BREAKS).split(" ")
        self.lengths = list(accumulate(map(len, self.words), initial=0))


def _word_after(words: list[str], k: int) -> str:
    """The word after word `k` ("": none)."""
    for word in islice(words, k + 1, None):
        if word:
            return word
    return ""


class PhraseScan:
    """The phrases a `PhraseFinder` finds in one text: the places they may start are looked up once."""

    __slots__ = ("_finder", "_openings", "_starts", "_views")

    def __init__(self, finder: PhraseFinder, text: TextWords) -> None:
        self._finder = finder
        self._views = [text.folded if fold else text.straight for _, fold in finder.tables]
        words, lengths, folded, not_before = text.words, text.lengths, text.folded, finder.not_before
        #: where a phrase may start by its first word; and by its first two, unless the text is cut short
        self._openings: list[int] = []
        self._starts: list[int] = []
        for k in compress(range(len(words)), map(finder.openers.__contains__, words)):
            i = lengths[k] + k  # the words before it, and one character after each
            if i and folded[i - 1] in not_before:
                continue
            self._openings.append(i)
            if words[k] in finder.singles or (words[k], _word_after(words, k)) in finder.pairs:
                self._starts.append(i)

    def _free_before(self, view: str, i: int) -> bool:
        """Whether a phrase may start at `i`: no word character (nor any of `not_before`) before it."""
        return not i or not (_is_word(view[i - 1]) or view[i - 1] in self._finder.not_before)

    def _match_at(self, i: int, endpos: int) -> int:
        """The end of the phrase at `i`, in a text that ends at `endpos` (-1: none)."""
        for (table, _), view in zip(self._finder.tables, self._views, strict=True):
            opening = _WORD.match(view, i, endpos)
            by_second = table.get(opening.group()) if opening else None
            if opening is None or by_second is None:
                continue
            phrases = by_second.get("")
            if phrases is None or len(by_second) > 1:  # phrases of more than one word: read the second
                second = _WORD.search(view, opening.end(), endpos)
                phrases = by_second.get(second.group() if second else "") or phrases or []
            for pieces in phrases:
                end = _phrase_end(view, i, endpos, pieces)
                if end >= 0 and (end == endpos or not (_is_word(view[end]) or view[end] in self._finder.not_after)):
                    return end
        return -1

    def finditer(self, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of each phrase in the text between `pos` and `endpos`, left to right, not overlapping."""
        view = self._views[0]
        endpos = len(view) if endpos is None else min(endpos, len(view))
        starts = self._starts[bisect_left(self._starts, pos):bisect_left(self._starts, endpos)]
        if pos < endpos < len(view) and _is_word(view[endpos - 1]) and _is_word(view[endpos]):
            # a word cut short at `endpos` is a word of its own, which may open or continue a phrase
            cut = _WORD_BEFORE.search(view, pos, endpos)
            starts = self._openings[bisect_left(self._openings, pos):bisect_left(self._openings, endpos)]
            if cut and self._free_before(view, cut.start()):
                starts = sorted({*starts, cut.start()})
        reached = pos
        for i in starts:
            if i >= reached and (end := self._match_at(i, endpos)) >= 0:
                reached = end
                yield i, end

    def match(self, pos: int, endpos: int | None = None) -> tuple[int, int] | None:
        """(start, end) of the phrase that starts exactly at `pos` (and ends by `endpos`), if any."""
        view = self._views[0]
        endpos = len(view) if endpos is None else min(endpos, len(view))
        if pos >= endpos or not self._free_before(view, pos):
            return None
        end = self._match_at(pos, endpos)
        return (pos, end) if end >= 0 else None


def _phrase_end(view: str, i: int, endpos: int, pieces: tuple[str, ...]) -> int:
    """The end of the phrase of `pieces` (its words) if `view` holds it at `i` (before `endpos`), else -1."""
    for n, piece in enumerate(pieces):
        if n:
            gap = _SPACE.match(view, i, endpos)
            if gap is None:
                return -1
            i = gap.end()
        if not view.startswith(piece, i, endpos):
            return -1
        i += len(piece)
    return i


if __name__ == "__main__":
    sys.stdout.write(render_states())
