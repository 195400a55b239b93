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


@dataclass(frozen=True, slots=True)
class SentenceWords:
    """The informative words of one sentence: stem -> the first surface form (lower case) seen."""

    surface: dict[str, str]


@lru_cache(maxsize=131072)
def sentence_words(sentence: str) -> SentenceWords:
    """The informative words of a sentence as stems (stopwords, short words and numbers dropped)."""
    stops = stopwords()
    surface: dict[str, str] = {}
    for m in _WORD.finditer(sentence):
        token = m.group()
        lower = token.lower().replace("’", "'")
        if lower.endswith("'s"):
            lower = lower[:-2]
        if len(lower) < 3 or lower in stops:
            continue
        if lower.isdigit() and not _YEAR.match(lower):
            continue
        s = stem(token)
        if s not in stops:
            surface.setdefault(s, lower)
    return SentenceWords(surface)


@cache
def excluded_stems(words: frozenset[str]) -> frozenset[str]:
    """The stems of a set of words (an entity family, a source name) to leave out of a context."""
    out: set[str] = set()
    for w in words:
        for token in _WORD.findall(w):
            out.add(stem(token))
            out.add(token.lower())
    return frozenset(out)


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
        words = frozenset(sentence_words(scope).surface) - years
        return Scope(years, frozenset(words))
    m = _SINCE_YEAR.search(sentence)
    if m:
        return Scope(frozenset({m.group(1)}), frozenset())
    return None


def scopes_conflict(a: Scope | None, b: Scope | None) -> bool:
    """Whether two (possibly unknown) scopes conflict; an unknown scope conflicts with nothing."""
    return a is not None and b is not None and a.conflicts_with(b)


def surface_forms(items: Iterable[SentenceWords]) -> dict[str, str]:
    """Stem -> surface form over several sentences (the first sentence to use a stem names it)."""
    out: dict[str, str] = {}
    for words in items:
        for s, w in words.surface.items():
            out.setdefault(s, w)
    return out
