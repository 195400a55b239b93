"""Context words: what a figure's sentence says about WHAT is counted (places, event nouns), as stems.

Two figures of one category and entity family measure the same thing when their context words
overlap enough; scope words ("since 2011" vs "since the offensive began") keep apart what must stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from tracker.data_files import data_lines
from tracker.figure import CATEGORIES

STOPWORDS_FILE = "context_stopwords.txt"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d{4}")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_SINCE_YEAR = re.compile(r"\b(?:since|from)\s+(?:early\s+|late\s+|mid-?)?((?:1[89]|20)\d\d)\b", re.IGNORECASE)
_SCOPE_YEAR = re.compile(r"\b((?:1[89]|20)\d\d)\b")
_SUFFIXES = ("ings", "ing", "ed", "es", "s")


@cache
def stopwords() -> frozenset[str]:
    """The context stopwords shipped in tracker/data/context_stopwords.txt, plus the category names."""
    words: set[str] = set()
    for _, line in data_lines(STOPWORDS_FILE):
        words.update(line.lower().split())
    words.update(c for c in CATEGORIES if c != "other")
    return frozenset(words)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, stable stem: lower case, no possessive, no common suffix ("Syrian" -> "syria")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if _YEAR.match(w):
        return w
    if len(w) > 5 and w.endswith("ian"):  # demonyms: Syrian -> syria
        return w[:-1]
    if len(w) > 4 and w.endswith("i") and word[:1].isupper():  # Iraqi -> iraq
        return w[:-1]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("us", "ss", "is")):
        return w
    for suffix in _SUFFIXES:
        if len(w) - len(suffix) >= 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


# Splitting on bytes is several times faster than a regular expression: ASCII characters other than
# letters, digits and the apostrophe become spaces; non-ASCII characters stay and are cleaned per token.
_KEEP = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'")
_SPLIT_TABLE = bytes(b if (b in _KEEP or b >= 0x80) else 0x20 for b in range(256))
#: raw token -> (stem, lower-case surface form), or None for a token that says nothing. A memo only:
#: what it holds depends on the token alone, so results never depend on what was analyzed before.
_TOKENS: dict[bytes, tuple[str, str] | None] = {}
_STEMS: dict[bytes, str | None] = {}
_MAX_CACHED_TOKENS = 1_000_000


def _token_word(raw: bytes) -> tuple[str, str] | None:
    """(stem, surface) of one raw token, or None when it says nothing (stopword, number, too short)."""
    text = raw.decode("utf-8", "ignore").replace("’", "'")
    for m in _WORD.finditer(text):  # the token's first real word ("“Assad" -> "Assad")
        token = m.group()
        lower = token.lower()
        if lower.endswith("'s"):
            lower = lower[:-2]
        if len(lower) < 3 or lower in stopwords():
            return None
        if lower.isdigit() and not _YEAR.match(lower):
            return None
        s = stem(token)
        return None if s in stopwords() else (s, lower)
    return None


def _tokens(sentence: str) -> list[bytes]:
    """The raw tokens of a sentence, each known to the token memo."""
    raw = sentence.encode("utf-8").translate(_SPLIT_TABLE).split()
    missing = set(raw).difference(_STEMS)
    if missing:
        if len(_STEMS) > _MAX_CACHED_TOKENS:
            _STEMS.clear()
            _TOKENS.clear()
            missing = set(raw)
        for token in missing:
            word = _TOKENS[token] = _token_word(token)
            _STEMS[token] = None if word is None else word[0]
    return raw


@lru_cache(maxsize=131072)
def sentence_stems(sentence: str) -> frozenset[str]:
    """The informative words of a sentence as stems (stopwords, short words and numbers dropped)."""
    stems = set(map(_STEMS.__getitem__, _tokens(sentence)))
    stems.discard(None)
    return frozenset(stems)  # type: ignore[arg-type]


def surface_forms(stems: Iterable[str], sentences: Iterable[str]) -> dict[str, str]:
    """Stem -> how the sentences write it: the first form met, reading the sentences in the order given."""
    wanted = set(stems)
    out: dict[str, str] = {}
    for sentence in sentences:
        for token in _tokens(sentence):
            word = _TOKENS.get(token)
            if word is not None and word[0] in wanted:
                wanted.discard(word[0])
                out[word[0]] = word[1]
        if not wanted:
            break
    return out


@cache
def excluded_stems(words: frozenset[str]) -> frozenset[str]:
    """The stems of a set of words (an entity family, a source name) to leave out of a context."""
    out: set[str] = set()
    for w in words:
        for token in _WORD.findall(w):
            out.add(stem(token))
            out.add(token.lower())
    return frozenset(out)


@lru_cache(maxsize=4096)
def source_words(source: str | None) -> frozenset[str]:
    """The words of a canonical source name, which say who counts, not what is counted."""
    if not source:
        return frozenset()
    return excluded_stems(frozenset(source.split()))


@dataclass(frozen=True, slots=True)
class Scope:
    """A scope reduced for comparison: its years and its informative word stems."""

    years: frozenset[str]
    words: frozenset[str]

    def conflicts_with(self, other: Scope) -> bool:
        """Whether two scopes name different periods ("since 2011" vs "since the offensive began")."""
        if self.years and other.years:
            return self.years.isdisjoint(other.years)
        return self.words.isdisjoint(other.words) and self.years != other.years


@lru_cache(maxsize=65536)
def parse_scope(scope: str | None, sentence: str) -> Scope | None:
    """The scope of a figure: its `scope` field, else a "since YEAR" in its sentence, else None."""
    if scope:
        years = frozenset(_SCOPE_YEAR.findall(scope))
        return Scope(years, sentence_stems(scope) - years)
    m = _SINCE_YEAR.search(sentence)
    if m:
        return Scope(frozenset({m.group(1)}), frozenset())
    return None


def scopes_conflict(a: Scope | None, b: Scope | None) -> bool:
    """Whether two (possibly unknown) scopes conflict; an unknown scope conflicts with nothing."""
    return a is not None and b is not None and a.conflicts_with(b)
