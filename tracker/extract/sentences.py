"""Sentence splitting with exact character offsets, built for news text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tracker.data_files import data_lines
from tracker.frozen import quick_init
from tracker.patterns import compile_pattern


@quick_init
@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: `text == document[start:end]`; `paragraph` counts the document's non-blank lines."""

    start: int
    end: int
    text: str
    paragraph: int


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(line for _, line in data_lines("abbreviations.txt"))


# A candidate end: terminal punctuation, closing quotes or brackets, then space and what may open a sentence.
_END = compile_pattern(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_WORD_BEFORE = compile_pattern(r"([\w.]+)$")
_LINE = compile_pattern(r"[^\n]+")
_INITIALS = compile_pattern(r"(?:[A-Za-z]\.)*[A-Z]")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation rather than a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    abbreviations = _abbreviations()
    if word in abbreviations or word.rstrip(".") in abbreviations:
        return True
    # initials and dotted acronyms: "J.", "U.S.", "a.m."
    return bool(_INITIALS.fullmatch(word))


def _split_line(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    out: list[Sentence] = []
    pos = start
    for m in _END.finditer(text, start, end):
        dot = m.start()
        # a single full stop may close an abbreviation ("..." and "?" always end a sentence)
        if text[dot] == "." and text[dot + 1] != "." and _is_abbreviation(text, dot):
            continue
        out.append(_make(text, pos, m.end(), paragraph))
        pos = m.end()
    out.append(_make(text, pos, end, paragraph))
    return [s for s in out if s.text]


def _make(text: str, start: int, end: int, paragraph: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end], paragraph)


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a document in order; every line (headline, dateline, paragraph) ends a sentence."""
    out: list[Sentence] = []
    paragraph = 0
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        out.extend(_split_line(text, line.start(), line.end(), paragraph))
        paragraph += 1
    return out
