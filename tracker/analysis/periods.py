"""The period a figure counts over, and whether the text marks it as an earlier or a moved count.

A toll is cumulative unless its clause bounds it in time: "in the past 24 hours", "over the last three
days", "on Sunday alone", "between late June and mid-July", or it is an increase ("rose by 3,000"). A
window applies to the increments of its sentence ("22 more", "another 9", "new deaths") and their subsets;
when the sentence has none, to the figure nearest to it. A bounded period's label ends with the
publication day when the window is relative to it ("past 24 hours to 16 Sep 2022").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import cache

from tracker.analysis.types import CUMULATIVE
from tracker.data_files import data_rows
from tracker.extract.trie import trie_pattern
from tracker.figure import Figure
from tracker.patterns import compile_pattern

_NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few)"
_WINDOW = compile_pattern(
    rf"""\b(?:
        (?:in|over|during|within)\s+the\s+(?:last|past|previous|preceding)\s+(?:{_NUMBER}\s+)?(?:hours?|days?|weeks?|months?)
      | in\s+the\s+{_NUMBER}\s+(?:hours?|days?)\s+(?:to|until|up\s+to)\b[^,.;]{{0,30}}
      | (?:on|by)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+alone
      | (?:since|in|over)\s+(?:the\s+)?(?:last|past)\s+(?:24|48|72)\s+hours
      | between\s+(?:early|mid|late)?[\s-]*(?:january|february|march|april|may|june|july|august|september
            |october|november|december)\b[^,.;]{{0,30}}?\s+and\s+(?:early|mid|late)?[\s-]*(?:january|february
            |march|april|may|june|july|august|september|october|november|december)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "115 were injured in the same period": the window the text named last
_SAME_WINDOW = compile_pattern(
    r"\b(?:in|during|over|within)\s+the\s+same\s+(?:time\s+)?(?:period|span|time|hours|days)\b",
    re.IGNORECASE)
_INCREMENT_BEFORE = compile_pattern(r"\b(?:another|a\s+further|an\s+additional|additional)\s+\Z", re.IGNORECASE)
_INCREMENT_AFTER = compile_pattern(r"[^\d.,;:]{0,16}?\b(?:more|new|additional|further)\b", re.IGNORECASE)
_BY_INCREASE = compile_pattern(
    r"\b(?:rose|risen|rising|rises|increased|increasing|increases|jumped|surged|climbed|grew|went\s+up|soared)"
    r"\s+by\s+\Z",
    re.IGNORECASE,
)
_EARLIER_BEFORE = compile_pattern(
    r"\b(?:originally|initially|earlier|previously)\s+(?:\w+\s+){0,2}\Z", re.IGNORECASE
)
# "Initial reports said 62 people were killed": a first count, superseded
_FIRST_REPORTS = compile_pattern(
    r"\b(?:initial|preliminary|early|earlier|first)\s+(?:reports?|figures?|counts?|estimates?"
    r"|tolls?|tallies)\b[^.;]{0,80}\Z", re.IGNORECASE)
_EARLIER_AFTER = compile_pattern(r"[^.;]{0,80}?\b(?:originally|initially|earlier|previously)\b", re.IGNORECASE)
_QUALIFIER = r"(?:(?:about|around|some|nearly|almost|at\s+least|more\s+than|over|roughly)\s+)?"
#: Figures a time window never applies to: durations and distances ("in the past 24 hours" is one).
_UNBOUNDED = frozenset({"duration", "distance", "percentage", "money"})


@cache
def _moves() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"rose to 57" (a moved toll) and "grew from 50" (its earlier count): the change verbs of
    trend_words.txt followed by "to" or "from" right before the number."""
    verbs = trie_pattern(phrase for _, (phrase, *_rest) in data_rows("trend_words.txt", 2))
    moved = compile_pattern(rf"\b(?:{verbs})\s+(?:\w+\s+)?to\s+{_QUALIFIER}\Z", re.IGNORECASE)
    earlier = compile_pattern(rf"\b(?:(?:{verbs})\s+(?:\w+\s+)?)?from\s+{_QUALIFIER}\Z", re.IGNORECASE)
    return moved, earlier


def _label(window: str, published: date | None) -> str:
    words = " ".join(window.split())
    for prefix in ("in the ", "over the ", "during the ", "within the ", "since the ", "on ", "by ", "in ", "over ",
                   "since "):
        if words.lower().startswith(prefix):
            words = words[len(prefix):]
            break
    relative = re.match(r"(?:last|past|previous|preceding)\b", words, re.IGNORECASE)
    if relative and published is not None:
        return f"{words} to {published.day} {published.strftime('%b %Y')}"
    return words


def _increase(published: date | None) -> str:
    return "increase" + (f" to {published.day} {published.strftime('%b %Y')}" if published else "")


def _is_increment(text: str, figures: Sequence[Figure], i: int) -> bool:
    """"22 more deaths", "another 9 died", "rose by 3,000": a count added to a toll of its own category
    ("another 109 were wounded" after a death toll adds the wounded to the dead: not an increment)."""
    f = figures[i]
    if _BY_INCREASE.search(text, max(0, f.start - 30), f.start):
        return True
    marked = _INCREMENT_BEFORE.search(text, max(0, f.start - 20), f.start) or _INCREMENT_AFTER.match(
        text, f.start + len(f.text.split()[0]) if f.text else f.end, f.end + 12)
    if not marked:
        return False
    before = next((figures[j] for j in range(i - 1, -1, -1) if figures[j].category not in _UNBOUNDED), None)
    return before is None or before.category == f.category


def figure_periods(text: str, figures: Sequence[Figure], published: date | None) -> list[str]:
    """For each figure, CUMULATIVE or the label of the bounded period it counts over."""
    periods = [CUMULATIVE] * len(figures)
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(figures):
        by_sentence.setdefault(f.sentence_start, []).append(i)
    increment_windows: dict[str, set[str]] = {}
    pending: list[int] = []  # increments of a sentence with no window of their own
    last_label: str | None = None
    for start, members in by_sentence.items():
        end = figures[members[0]].sentence_end
        members = [i for i in members if figures[i].category not in _UNBOUNDED]
        if not members:
            continue
        windows = list(_WINDOW.finditer(text, start, end))
        if not windows and last_label is not None:
            windows = list(_SAME_WINDOW.finditer(text, start, end))
        increments = [i for i in members if _is_increment(text, figures, i)]
        for i in increments:
            if _BY_INCREASE.search(text, max(0, figures[i].start - 30), figures[i].start):
                periods[i] = _increase(published)
        if not windows:
            pending.extend(i for i in increments if periods[i] == CUMULATIVE)
            continue
        label = last_label if _SAME_WINDOW.match(windows[0].group()) and last_label else _label(
            windows[0].group(), published)
        last_label = label
        targets = increments or [min(members, key=lambda i: min(abs(figures[i].start - w.start()) for w in windows))]
        for i in targets:
            periods[i] = label
            increment_windows.setdefault(figures[i].category, set()).add(label)
    for i in pending:  # "22 more deaths" in a headline: the increment the body counts over its window
        labels = increment_windows.get(figures[i].category, set())
        periods[i] = next(iter(labels)) if len(labels) == 1 else _increase(published)
    for i, f in enumerate(figures):  # a subset counts over its whole's period ("22 more, including six children")
        if f.parent is not None and periods[i] == CUMULATIVE and 0 <= f.parent < len(figures):
            periods[i] = periods[f.parent]
    return periods


def figure_stages(text: str, figures: Sequence[Figure]) -> list[int]:
    """-1 where the text marks a figure as an earlier count ("grew from 50", "originally put at"), 1 where it
    shows it as having moved ("rose to 57", a trend), else 0."""
    moved, earlier = _moves()
    out = []
    for f in figures:
        before = max(f.sentence_start, f.start - 40)
        if earlier.search(text, before, f.start) or _EARLIER_BEFORE.search(text, before, f.start) \
                or _FIRST_REPORTS.search(text, max(f.sentence_start, f.start - 120), f.start) \
                or _EARLIER_AFTER.match(text, f.end, f.sentence_end):
            out.append(-1)
        elif f.trend is not None or moved.search(text, before, f.start):
            out.append(1)
        else:
            out.append(0)
    return out
