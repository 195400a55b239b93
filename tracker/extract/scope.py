"""Scope: the period or event a figure counts over ("since the offensive began", "since 2011").

Each sentence is searched once for scope phrases; a figure takes the nearest one of its sentence.
`scope` is the phrase as written; `scope_start` its start as an ISO date when the text fixes it
("since 2011" -> 2011-01-01) or when it is relative and the publication date is known ("since October 7",
"in the past 24 hours", "this year"). The words are data (attribution_scope.txt).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from tracker.data_files import data_role_rows, data_rows
from tracker.errors import DataFileError
from tracker.extract.sentences import Sentence
from tracker.extract.trie import trie_pattern
from tracker.figure import Figure
from tracker.patterns import compile_pattern

_SCOPE = "attribution_scope.txt"
_ROLES = ("event", "began", "start", "month", "weekday", "period", "unit")
#: Figures a period does not apply to: a distance, or a duration that is itself the period.
_UNSCOPED_CATEGORIES = frozenset({"distance", "duration"})
_DETERMINER = r"(?:the|their|its|his|her|this|that|[A-Z][\w-]*['’]s)\s+"


@dataclass(frozen=True, slots=True)
class Scope:
    """A scope phrase found in text, with its start date when resolved."""

    start: int
    end: int
    text: str
    start_date: date | None


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    periods: dict[str, tuple[str, int]]
    units: dict[str, tuple[str, int]]
    numbers: dict[str, int]


def _number_word_parts() -> tuple[dict[str, int], dict[str, int]]:
    """Units ("one" .. "nineteen") and tens ("twenty" .. "ninety") from the extractor's number_words.txt."""
    units: dict[str, int] = {}
    tens: dict[str, int] = {}
    for _, fields in data_rows("number_words.txt", 3):
        if fields[2] == "unit":
            units[fields[0].lower()] = int(float(fields[1]))
        elif fields[2] == "tens":
            tens[fields[0].lower()] = int(float(fields[1]))
    return units, tens


def _number_words(units: dict[str, int], tens: dict[str, int]) -> dict[str, int]:
    """Small numbers in words ("twenty-four", "twenty four") and their values."""
    out = {**units, **tens, "a": 1, "an": 1}
    for t, tv in tens.items():
        for u, uv in units.items():
            if 0 < uv < 10:
                out[f"{t}-{u}"] = tv + uv
                out[f"{t} {u}"] = tv + uv
    return out


@cache
def _grammar() -> _Grammar:
    """The compiled scope expression (built once)."""
    words: dict[str, list[str]] = {role: [] for role in _ROLES}
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    periods: dict[str, tuple[str, int]] = {}
    units: dict[str, tuple[str, int]] = {}
    for lineno, word, role, rest in data_role_rows(_SCOPE, _ROLES):
        words[role].append(word)
        value = rest[0] if rest else ""
        try:
            if role == "month":
                months[word.lower()] = int(value)
            elif role == "weekday":
                weekdays[word.lower()] = int(value)
            elif role in ("period", "unit"):
                name, amount = value.split()
                (periods if role == "period" else units)[word.lower()] = (name, int(amount))
        except ValueError:
            raise DataFileError(f"data file {_SCOPE}, line {lineno}: bad value {value!r}") from None
    units_words, tens_words = _number_word_parts()
    numbers = _number_words(units_words, tens_words)

    alts = {role: f"(?:{trie_pattern(w.lower() for w in words[role])})" for role in _ROLES}

    def alt(role: str) -> str:
        return alts[role]

    month = rf"{alt('month')}(?!\w)"
    # "October 7", "October 2023", "October", "7 October 2023", "2023": each month list written out costs
    # compile time on first use, so the branches that start with a month share one
    day_month_year = (
        rf"(?:(?:mid|early|late)-?\s*)?(?:{month}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|(?:\s+of)?\s+\d{{4}})?"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{month}(?:,?\s+\d{{4}})?|\d{{4}})"
    )
    # "24", "twenty-four", "twenty four", "a": the words of `numbers`, written by their parts
    digits = [u for u, v in units_words.items() if 0 < v < 10]
    count = (rf"(?:\d+|(?:{trie_pattern(tens_words)})(?:(?:\s+|-)(?:{trie_pattern(digits)}))?"
             rf"|{trie_pattern([*units_words, 'a', 'an'])})")
    event = (
        rf"{_DETERMINER}(?:[\w-]+\s+){{0,2}}?(?:{alt('start')}\s+of\s+(?:{_DETERMINER})?(?:[\w-]+\s+){{0,2}}?"
        rf"{alt('event')}|{alt('event')}\s+(?:\w+\s+)?{alt('began')})"
        rf"|fighting\s+{alt('began')}"
    )
    # the first letters of the phrases below, tested once where a word starts before trying them all (a fixed
    # word added to the pattern must be added here too)
    first = {w[0].lower() for w in ["since", "from", "in", "over", "during", "within", "throughout", *words["period"]]}
    first |= {"'", "’"} if first & {"'", "’"} else set()  # trie_pattern reads either apostrophe as both
    pattern = (
        rf"(?<![\w-])(?=(?i:[{re.escape(''.join(sorted(first)))}]))(?i:(?P<since>since|from)\s+(?:(?P<event>{event})"
        rf"(?:\s+(?:on|in)\s+(?P<eventdate>{day_month_year}))?"
        rf"|(?P<weekday>{alt('weekday')})|(?P<date>{day_month_year}))"
        rf"|(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+"
        rf"(?:(?P<count>{count})\s+)?(?P<unit>{alt('unit')})"
        rf"|(?P<period>{alt('period')})"
        rf"|(?:in|during|throughout)\s+(?P<year>\d{{4}}))(?![\w-])"
    )
    return _Grammar(compile_pattern(pattern), months, weekdays, periods, units, numbers)


def _read_date(text: str, published: date | None) -> date | None:
    """The date a phrase like "October 7", "7 October 2023", "April 2023" or "2011" names."""
    g = _grammar()
    parts = re.findall(r"[A-Za-z]+\.?|\d+", text)
    year = next((int(p) for p in parts if p.isdigit() and len(p) == 4), None)
    day = next((int(p) for p in parts if p.isdigit() and len(p) <= 2), None)
    month = next((g.months[p.lower()] for p in parts if p.lower() in g.months), None)
    if month is None:
        return date(year, 1, 1) if year else None
    if day is None:
        day = 15 if re.search(r"(?i)\bmid", text) else 1
    if year is None:
        if published is None:
            return None
        year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _relative(name: str, amount: int, published: date) -> date:
    """The start of a period `amount` units back from the publication date."""
    if name == "hour":
        return published - timedelta(days=amount // 24)
    if name == "day":
        return published - timedelta(days=amount)
    if name == "month":
        first = _shift_months(published, -amount)
        return first.replace(day=min(published.day, 28))
    return published.replace(year=published.year - amount, day=min(published.day, 28))


def _anchor(name: str, offset: int, published: date) -> date:
    """The start of "this year", "last month", "this week", ... relative to the publication date."""
    if name == "year":
        return date(published.year + offset, 1, 1)
    if name == "month":
        return _shift_months(published, offset)
    if name == "week":
        return published - timedelta(days=published.weekday() - 7 * offset)
    return published + timedelta(days=offset)


def _resolve(m: re.Match[str], published: date | None) -> date | None:
    g = _grammar()
    if m.group("date"):
        return _read_date(m.group("date"), published)
    if m.group("eventdate"):
        return _read_date(m.group("eventdate"), published)
    if m.group("year"):
        return date(int(m.group("year")), 1, 1)
    if published is None:
        return None
    if m.group("weekday"):
        back = (published.weekday() - g.weekdays[m.group("weekday").lower()]) % 7
        return published - timedelta(days=back)
    if m.group("unit"):
        name, size = g.units[m.group("unit").lower()]
        count = m.group("count")
        n = 1 if count is None else int(count) if count.isdigit() else g.numbers.get(count.lower(), 1)
        return _relative(name, n * size, published)
    if m.group("period"):
        name, offset = g.periods[" ".join(m.group("period").lower().split())]
        return _anchor(name, offset, published)
    return None


def find_scopes(text: str, start: int, end: int, published: date | None = None) -> list[Scope]:
    """The scope phrases in `text[start:end]`, in text order, with their start dates when resolvable."""
    out = []
    for m in _grammar().pattern.finditer(text, start, end):
        when = _resolve(m, published)
        out.append(Scope(m.start(), m.end(), " ".join(m.group().split()), when))
    return out


def _nearest(scopes: list[Scope], starts: list[int], f: Figure) -> Scope | None:
    """The scope nearest the figure that does not overlap it (scopes sorted by start: a few probes)."""
    k = bisect_left(starts, f.start)
    candidates = [s for s in scopes[max(0, k - 3):k + 3] if not (s.start < f.end and f.start < s.end)]
    if not candidates:
        return None
    return min(candidates, key=lambda s: max(s.start - f.end, f.start - s.end, 0))


def publication_date(published: date | str | None) -> date | None:
    """A publication date from a date or a string that starts with an ISO date ("2024-12-08T10:00Z")."""
    if published is None or isinstance(published, date):
        return published
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def resolve_scopes(text: str, sentences: Sequence[Sentence], figures: list[Figure], *,
                   published: date | str | None = None) -> list[Figure]:
    """The figures with `scope` (text) and `scope_start` (ISO date, when resolvable) set.

    `published` (a date, or a string starting with an ISO date as in a JSONL input) resolves relative
    periods ("since October 7", "this year"); without it they keep their text and no start.
    """
    published = publication_date(published)
    out = list(figures)
    cache: dict[int, tuple[list[Scope], list[int]]] = {}
    for i, f in enumerate(figures):
        if f.category in _UNSCOPED_CATEGORIES:
            continue
        if f.sentence_start not in cache:
            found = find_scopes(text, f.sentence_start, f.sentence_end, published)
            cache[f.sentence_start] = (found, [s.start for s in found])
        scopes, starts = cache[f.sentence_start]
        nearest = _nearest(scopes, starts, f) if scopes else None  # most sentences have no scope
        if nearest is None:
            continue
        out[i] = f.replace(scope=nearest.text,
                           scope_start=nearest.start_date.isoformat() if nearest.start_date else None)
    return out
