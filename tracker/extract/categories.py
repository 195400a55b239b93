"""The category of a figure (SPEC list) from the words around it; the cues live in data/categories.txt."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from tracker.data_files import data_rows
from tracker.extract.trie import trie_pattern
from tracker.extract.units import KIND_CATEGORY

#: How much farther a counted-noun cue may stand than an event word and still lose to it.
_NOUN_PENALTY = 1000


@dataclass(frozen=True, slots=True)
class _Cues:
    pattern: re.Pattern[str]
    lower_pattern: re.Pattern[str]  # the same cues, for searching lower-cased text (faster: no IGNORECASE)
    exact: dict[str, tuple[str, str]]
    prefixes: tuple[tuple[str, str, str], ...]
    nouns: dict[str, str]


@cache
def _cues() -> _Cues:
    exact: dict[str, tuple[str, str]] = {}
    prefixes: list[tuple[str, str, str]] = []
    nouns: dict[str, str] = {}
    for _, (cue, category, kind) in data_rows("categories.txt", 3):
        low = cue.lower()
        if low.endswith("*"):
            prefixes.append((low[:-1], category, kind))
        else:
            exact[low] = (category, kind)
        if kind == "noun":
            nouns[low] = category
    space = r"\s+"  # \s includes the no-break space
    # stems ("displac*") may be glued to the word before them, as PDF text often is ("weredisplaced")
    stems = trie_pattern((p for p, _, _ in prefixes), space)
    pattern = rf"(?:{stems})\w*|\b(?:{trie_pattern(exact, space)})\b"
    first = "".join(sorted({c[0] for c in [*exact, *(p for p, _, _ in prefixes)]}))
    return _Cues(re.compile(pattern, re.IGNORECASE), re.compile(f"(?=[{re.escape(first)}])(?:{pattern})"),
                 exact, tuple(prefixes), nouns)


def _lookup(surface: str) -> tuple[str, str] | None:
    cues = _cues()
    low = " ".join(surface.lower().split())
    hit = cues.exact.get(low)
    if hit:
        return hit
    for prefix, category, kind in cues.prefixes:
        if low.startswith(prefix):
            return category, kind
    return None


@dataclass(frozen=True, slots=True)
class CategoryCue:
    """A category cue found in a sentence: where it is, what it says, and its kind."""

    start: int
    end: int
    category: str
    kind: str


def find_cues(text: str, start: int, end: int, lower: str | None = None) -> list[CategoryCue]:
    """Every category cue in `text[start:end]`; `lower`, if given, is `text.lower()` of the same length."""
    out = []
    cues = _cues()
    searched, pattern = (text, cues.pattern) if lower is None else (lower, cues.lower_pattern)
    for m in pattern.finditer(searched, start, end):
        hit = _lookup(m.group())
        if hit:
            out.append(CategoryCue(m.start(), m.end(), hit[0], hit[1]))
    return out


def categorize(unit_kind: str | None, entity: str | None, span: tuple[int, int],
               cues: list[CategoryCue]) -> str:
    """The category of a figure at `span` with this unit kind and entity, given the sentence's cues.

    A figure with a physical or money unit takes its unit's category; a count takes the nearest event
    word of its sentence, else the category its counted noun implies, else "other". A restating cue
    ("put the figure at") is reported as "=" for the caller to resolve.
    """
    if unit_kind is not None and unit_kind != "count":
        return KIND_CATEGORY.get(unit_kind, "other")
    events = [c for c in cues if c.kind != "noun"]  # cues come in text order
    restated = next((c for c in events if c.kind == "restate"), None)
    best: tuple[int, str] | None = None
    if restated is not None:
        best = (-1, restated.category)  # "put the figure at 2,000": the restatement decides
    elif events:
        # the nearest event word is the last one starting before the figure's end or the first after it
        i = bisect_left([c.start for c in events], span[1])
        for cue in events[max(0, i - 2):i + 1]:
            if cue.end <= span[0]:
                distance = span[0] - cue.end
            elif cue.start >= span[1]:
                distance = cue.start - span[1]
            else:
                distance = 0
            if best is None or distance < best[0]:
                best = (distance, cue.category)
    if best is not None:
        return best[1]
    if entity:
        noun = _cues().nouns.get(entity.lower())
        if noun:
            return noun
    # no event word: a counted noun elsewhere in the sentence ("returnees ... now 253,000")
    nouns = [c for c in cues if c.kind == "noun"]
    if nouns:
        return min(nouns, key=lambda c: abs(c.start - span[0])).category
    return "other"
