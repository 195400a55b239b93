"""The counted entity: the head noun of the phrase a number counts ("2,000 Syrian troops" -> troops)."""

from __future__ import annotations

import re
from functools import cache

from tracker.data_files import data_lines

_MAX_WORDS = 4
_WORD = re.compile(r"[ \t\u00a0]+(?:of[ \t\u00a0]+)?|[A-Za-z][A-Za-z'’\-]*")
_TOKEN = re.compile(r"([ \t\u00a0]*)([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_OF = re.compile(r"[ \t\u00a0]+of(?=[ \t\u00a0])")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(line.lower() for _, line in data_lines("entity_stopwords.txt"))


@cache
def _adjectival_nouns() -> frozenset[str]:
    return frozenset(line.lower() for _, line in data_lines("adjectival_nouns.txt"))


def counted_entity(text: str, pos: int, limit: int, *, after_of: bool = False) -> tuple[str, int] | None:
    """(entity as written, end offset) of the noun phrase at `pos`, or None when no noun follows.

    With `after_of`, the phrase may start with "of" ("thousands of detainees", "a dozen of them").
    """
    stop = _stopwords()
    if after_of:
        m = _OF.match(text, pos, limit)
        if m:
            pos = m.end()
    words: list[tuple[str, int]] = []
    i = pos
    while len(words) < _MAX_WORDS:
        m = _TOKEN.match(text, i, limit)
        if not m or (not m.group(1) and words):
            break
        if not m.group(1) and not words and i > 0 and text[i - 1].isalnum():
            break
        word = m.group(2)
        low = word.lower()
        if low in stop:
            break
        if words:
            prev = words[-1][0]
            if word[0].isupper() and not prev[0].isupper():
                break  # a new name starts: "2,000 fighters Syria"
            if low.endswith("ly") or (low.endswith(("ed", "ing")) and low not in _adjectival_nouns()):
                break  # "people killed", "soldiers fleeing"
        elif low.endswith("ly") or (low.endswith(("ed", "ing")) and low not in _adjectival_nouns()
                                    and not word[0].isupper()):
            return None
        words.append((word, m.end()))
        i = m.end()
    if not words:
        return None
    # the head is the last word; drop trailing capitalised names after a lowercase noun
    head, end = words[-1]
    if head[0].isupper() and len(words) > 1 and not words[0][0][0].isupper():
        head, end = words[-2]
    return head.lower() if not head.isupper() or len(head) <= 1 else head, end
