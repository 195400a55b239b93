"""The counted entity: the head noun of the phrase a number counts ("2,000 Syrian troops" -> troops)."""

from __future__ import annotations

from functools import cache

from tracker.data_files import data_lines, data_rows
from tracker.patterns import compile_pattern

_MAX_WORDS = 4
_TOKEN = compile_pattern(r"([ \t\u00a0]*)([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_ACRONYM_PLURAL = compile_pattern(r"[A-Z]{2,}s")
_OF = compile_pattern(r"[ \t\u00a0]+of(?=[ \t\u00a0])")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(line.lower() for _, line in data_lines("entity_stopwords.txt"))


@cache
def _adjectival_nouns() -> frozenset[str]:
    return frozenset(line.lower() for _, line in data_lines("adjectival_nouns.txt"))


@cache
def _plural_nouns() -> dict[str, bool]:
    """The listed plurals, each with whether it is an adjective used as a noun (plural_nouns.txt)."""
    return {fields[0].lower(): fields[1:] == ["adjective"] for _, fields in data_rows("plural_nouns.txt", 1)}


def _is_plural(word: str) -> bool:
    low = word.lower()
    if low in _plural_nouns():
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))


def _is_modifier_only(low: str) -> bool:
    """Adverbs and participles: they may stand before the head ("rushing yards") but are never it."""
    return low.endswith("ly") or (low.endswith(("ed", "ing")) and low not in _adjectival_nouns())


def _next_word(text: str, pos: int, limit: int) -> str:
    """The word after `pos` when a space separates them, else ""."""
    m = _TOKEN.match(text, pos, limit)
    return m.group(2) if m and m.group(1) else ""


def _modifies_next(text: str, pos: int, limit: int, low: str) -> bool:
    """Whether a listed plural modifies a plural after it ("police officers", "displaced families",
    "displaced people")."""
    if low not in _plural_nouns():
        return False
    nxt = _next_word(text, pos, limit)
    return nxt.islower() and nxt not in _stopwords() and _is_plural(nxt) and not _is_modifier_only(nxt) \
        and (nxt not in _plural_nouns() or _plural_nouns()[low])


def _ends_proper_plural(text: str, pos: int, limit: int) -> bool:
    """Whether a capitalised plural heads its phrase: no plural noun follows it ("12 Palestinians overnight";
    "20 Hamas fighters" goes on to "fighters")."""
    nxt = _next_word(text, pos, limit)
    return nxt.islower() and not _is_plural(nxt)


def counted_entity(text: str, pos: int, limit: int, *, after_of: bool = False) -> tuple[str, int] | None:
    """(entity as written, end offset) of the noun phrase at `pos`, or None when no noun follows.

    The phrase is at most four words up to a stop word or punctuation; its head is its first plural
    noun ("14 first-team players left" -> players), else its last word. With `after_of`, the phrase
    may start with "of" ("thousands of detainees").
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
        if not m or (not m.group(1) and (words or (i > 0 and text[i - 1].isalnum()))):
            break
        word = m.group(2)
        low = word.lower()
        if low in stop:
            break
        words.append((word, m.end()))
        i = m.end()
        if _is_plural(word) and (not word[0].isupper() or _ACRONYM_PLURAL.fullmatch(word)
                                 or _ends_proper_plural(text, i, limit)) \
                and not _modifies_next(text, i, limit, low):
            break  # the head: "2,000 Syrian troops", "1.1 million IDPs", "12 Palestinians overnight"
    while words and _is_modifier_only(words[-1][0].lower()):
        words.pop()
    if not words:
        return None
    head, end = words[-1]
    return (head if head.isupper() and len(head) > 1 else head.lower()), end
