"""A document's events: the event it reports, and the others it names (a past disaster, a war behind a strike).

The main event is named by the document's event words (event_words.txt), the headline and lead first; its
place is the document's main place; its start is the earliest day its lead fixes, else the publication
date. A sentence that dates what it tells before the main event ("In October 2002, ...", "the 2004
tsunami", "has killed 1,600 since last year") opens a past event of its own, which the next sentences of
its paragraph continue; a comparison ("the deadliest since 1999") does not. Each sentence gets the index
of the event it speaks of; the figures of a sentence count that event.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from tracker.analysis.dates import DateMention, find_dates
from tracker.analysis.places import Place, PlaceMention, main_place
from tracker.analysis.types import EVENT_TYPES, DocumentEvent
from tracker.data_files import data_rows
from tracker.errors import DataFileError
from tracker.extract.sentences import Sentence
from tracker.extract.trie import trie_pattern
from tracker.patterns import compile_pattern

#: The generic words ("attack", "strike") that a more specific word of their family names better.
GENERIC_TYPES = frozenset({"attack", "other"})
#: Sentences at the top of a document that say what it is about (with the headline).
LEAD_SENTENCES = 3
#: How much a headline's event words weigh against the body's, and the first sentences' (then 1 each).
TITLE_WEIGHT = 4.0
LEAD_WEIGHTS = (3.0, 2.0, 2.0)
#: How long after an event a report of it may come (a follow-up on a strike a week later).
FOLLOW_UP_DAYS = 30
#: A date this close (characters) to the main event's word dates the event ("Friday's earthquake").
NEAR_EVENT_WORD = 60
_SPACE_OR_HYPHEN = r"[\s-]+"


@dataclass(frozen=True, slots=True)
class EventType:
    """How events of one type merge and are named (event_types.txt)."""

    name: str
    family: str
    window: int | None  # days; None: open-ended
    label: str
    background: bool  # names a document's event only when no other event word does


@dataclass(frozen=True, slots=True)
class EventWord:
    """A word or phrase in the text that names an event."""

    start: int
    end: int
    text: str
    type: str


@cache
def event_types() -> dict[str, EventType]:
    """The event types of event_types.txt, read once."""
    out: dict[str, EventType] = {}
    for lineno, row in data_rows("event_types.txt", 4):
        name, family, window, label = row[:4]
        background = len(row) > 4 and row[4] == "background"
        if name not in EVENT_TYPES and name != "attack":
            raise DataFileError(f"data file event_types.txt, line {lineno}: unknown event type {name!r}")
        if window != "open" and not window.isdigit():
            raise DataFileError(f"data file event_types.txt, line {lineno}: window {window!r} is not a number")
        out[name] = EventType(name, family, None if window == "open" else int(window), label, background)
    return out


@cache
def _event_lexicon() -> tuple[re.Pattern[str], dict[str, str]]:
    types = event_types()
    words: dict[str, str] = {}
    for lineno, (phrase, kind) in ((n, r[:2]) for n, r in data_rows("event_words.txt", 2)):
        if kind != "-" and kind not in types:
            raise DataFileError(f"data file event_words.txt, line {lineno}: unknown event type {kind!r}")
        words[" ".join(phrase.lower().replace("-", " ").split())] = kind
    alternatives = trie_pattern(words, space=_SPACE_OR_HYPHEN)
    pattern = compile_pattern(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    return pattern, words


def find_event_words(text: str, start: int = 0, end: int | None = None) -> list[EventWord]:
    """The words naming events in `text[start:end]`, longest phrase first ("missile strike", not "strike")."""
    pattern, words = _event_lexicon()
    out = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        kind = words[" ".join(m.group().lower().replace("-", " ").split())]
        if kind != "-":
            out.append(EventWord(m.start(), m.end(), m.group(), kind))
    return out


_STORM_NAME = compile_pattern(
    r"\b(?:Tropical\s+Storm|Tropical\s+Cyclone|Cyclone|Hurricane|Typhoon|Storm|Super\s+Typhoon)\s+[A-Z][a-z]+\b"
)
# "the deadliest quake since 1999", "the worst floods in 30 years": a comparison, not a past event
_COMPARISON = compile_pattern(r"\b(?:\w+est|most|worst|first|highest|biggest|largest|heaviest)\b[^.;:]{0,60}\Z",
                              re.IGNORECASE)
_PAST_PHRASE = compile_pattern(r"\b(?:last\s+year|(?:\d+|two|three|four|five|several|many)\s+years\s+ago)\b",
                               re.IGNORECASE)
_BACK_TO_NOW = compile_pattern(r"\b(?:this\s+time|now|today|currently|so\s+far)\b", re.IGNORECASE)


def _type_of(words: Sequence[tuple[EventWord, float, int]]) -> EventWord | None:
    """The word naming the most prominent event: its family by the weight of the sentences that name it
    (each sentence once: "a cholera outbreak" is one mention), then the most specific type in it."""
    if not words:
        return None
    types = event_types()
    foreground = [item for item in words if not types[item[0].type].background]
    pool = foreground or list(words)
    sentence_weight: dict[tuple[str, int], float] = {}
    for word, weight, unit in pool:
        key = (types[word.type].family, unit)
        sentence_weight[key] = max(sentence_weight.get(key, 0.0), weight)
    family_weight: dict[str, float] = {}
    for (family, _), weight in sentence_weight.items():
        family_weight[family] = family_weight.get(family, 0.0) + weight
    first: dict[str, int] = {}
    for i, (word, _, _) in enumerate(pool):
        first.setdefault(types[word.type].family, i)
    family = max(family_weight, key=lambda f: (family_weight[f], -first[f]))
    in_family = [(w, weight) for w, weight, _ in pool if types[w.type].family == family]
    specific = [(w, weight) for w, weight in in_family if w.type not in GENERIC_TYPES] or in_family
    type_weight: dict[str, float] = {}
    for w, weight in specific:
        type_weight[w.type] = type_weight.get(w.type, 0.0) + weight
    best = max(type_weight, key=lambda t: type_weight[t])
    return next(w for w, _ in specific if w.type == best)


def final_type(kind: str) -> str:
    """The SPEC type of a lexicon type ("attack" alone is "other")."""
    return "other" if kind == "attack" else kind


def _is_past(d: DateMention, text: str, main_year: int | None, main_start: date | None, window: int | None) -> bool:
    """Whether a date in a sentence tells of a time before the main event (not a comparison)."""
    if _COMPARISON.search(text, max(0, d.start - 60), d.start):
        return False
    if main_start is not None and d.day is not None:
        limit = 366 if window is None else max(window, 30)
        return d.day < main_start - timedelta(days=limit)
    if d.year is not None and main_year is not None:
        return d.year < main_year and window is not None
    return False


def _place_in(mentions: Sequence[PlaceMention], start: int, end: int) -> Place | None:
    inside = [m for m in mentions if start <= m.start < end and not m.demonym]
    if not inside:
        inside = [m for m in mentions if start <= m.start < end]
    if not inside:
        return None
    levels = {"locality": 0, "admin1": 1, "country": 2}
    return min(inside, key=lambda m: (levels.get(m.level, 3), m.start)).place


def _multi_country(text: str, mentions: Sequence[PlaceMention], start: int, end: int,
                   place: Place | None) -> Place | None:
    """"Turkey and Syria", "Malawi, Mozambique": a headline naming countries together names all of them."""
    countries = [m for m in mentions if start <= m.start < end and m.level == "country" and not m.demonym]
    codes: list[str] = []
    for a, b in itertools.pairwise(countries):
        between = text[a.end:b.start].strip().lower()
        if between in ("and", ",", "-", "&", "/", "and the", ", and") or between.startswith("-"):
            for code in (a.place.country, b.place.country):
                if code not in codes:
                    codes.append(code)
    if len(codes) < 2:
        return place
    first = place.country if place is not None and place.country in codes else codes[0]
    ordered = tuple([first, *[c for c in codes if c != first]])
    return Place(first, None, None, None, None, ordered)


@dataclass(frozen=True, slots=True)
class DocumentEvents:
    """A document's events and, for each sentence, the index of the event it speaks of (None: none)."""

    events: tuple[DocumentEvent, ...]
    sentence_event: tuple[int | None, ...]


def document_events(
    text: str,
    sentences: Sequence[Sentence],
    places: Sequence[PlaceMention],
    title: str | None = None,
    published: date | None = None,
) -> DocumentEvents:
    """The events one document reports (see the module docstring)."""
    words = find_event_words(text)
    dates = find_dates(text, published)
    if not words and not sentences:
        return DocumentEvents((), ())
    lead_end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1].end if sentences else len(text)
    title_words = find_event_words(title) if title else []
    starts = [s.start for s in sentences]
    weighted = [(w, TITLE_WEIGHT, -1) for w in title_words]
    for w in words:
        unit = max(0, bisect_right(starts, w.start) - 1)
        weighted.append((w, LEAD_WEIGHTS[unit] if unit < len(LEAD_WEIGHTS) else 1.0, unit))
    main_word = _type_of(weighted)
    types = event_types()
    main_type = main_word.type if main_word else "other"
    main_family = types[main_type].family
    window = types[main_type].window

    place = main_place(text, places, title)
    head_end = sentences[0].end if sentences else len(text)
    place = _multi_country(text, places, 0, head_end, place)
    name_match = _STORM_NAME.search(title or "") or _STORM_NAME.search(text)
    name = " ".join(name_match.group().split()) if name_match else None

    start = _main_start(text, sentences, dates, words, main_word, lead_end, published, window)
    known_year = start.year if start else (published.year if published else _latest_year(dates, lead_end))
    # what an undated text counts as "now" when it dates a sentence: the latest year it names
    main_year = known_year or _latest_year(dates, len(text))
    main = DocumentEvent(0, main_type, main_word.text.lower() if main_word else "", name, place, start,
                         known_year, historical=False)
    if main_word is None and not places:
        main = DocumentEvent(0, "other", "", None, None, start, main_year, historical=False)

    events: list[DocumentEvent] = [main]
    sentence_event: list[int | None] = []
    current: int | None = 0
    current_paragraph = -1
    past_key: dict[tuple[int | None, str | None, str], int] = {}
    for sent in sentences:
        if sent.paragraph != current_paragraph:
            current, current_paragraph = 0, sent.paragraph
        anchor = _past_anchor(text, sent, dates, main_year, known_year, start, main_family, window)
        if anchor is not None:
            year, since, where = anchor
            word = _anchor_word(text, sent, where, main_family)
            kind = word.type if word else ("war" if since else "other")
            here = _place_in(places, sent.start, sent.end) or place
            key = (year, here.country if here else None, kind)
            if key not in past_key:
                past_key[key] = len(events)
                events.append(DocumentEvent(
                    len(events), kind, word.text.lower() if word else "", None, here, None, year,
                    historical=not since,
                ))
            current = past_key[key]
        elif current != 0 and _BACK_TO_NOW.search(sent.text):
            current = 0
        sentence_event.append(current)
    return DocumentEvents(tuple(events), tuple(sentence_event))


def _latest_year(dates: Sequence[DateMention], lead_end: int) -> int | None:
    """An undated document's year: the latest its lead names (a year further down may be a past one)."""
    years = [d.year for d in dates if d.year is not None and d.start < lead_end]
    return max(years) if years else None


def _main_start(text: str, sentences: Sequence[Sentence], dates: Sequence[DateMention],
                words: Sequence[EventWord], main_word: EventWord | None, lead_end: int, published: date | None,
                window: int | None) -> date | None:
    """The day the main event began: the earliest day fixed in the lead, beside its event words, or that
    its toll runs "since"."""
    family = event_types()[main_word.type].family if main_word else None
    near = [w.start for w in words if event_types()[w.type].family == family]
    starts = [s.start for s in sentences]
    since_days, near_days, lead_days = [], [], []
    for d in dates:
        if d.day is None or (published is not None and d.day > published + timedelta(days=1)):
            continue
        if d.since and not _other_family_word(text, sentences[max(0, bisect_right(starts, d.start) - 1)], family):
            since_days.append(d.day)  # "deaths since June 14": the day the event's count began
            continue
        reach = max(window, FOLLOW_UP_DAYS) if window is not None else 3650
        if published is not None and d.day < published - timedelta(days=reach):
            continue  # a date long before publication: an earlier time the text compares with
        if any(abs(d.start - s) < NEAR_EVENT_WORD for s in near):
            near_days.append(d.day)
        elif d.start < lead_end:
            lead_days.append(d.day)
    for days in (since_days, near_days, lead_days):
        if days:
            return min(days)
    return published


def _past_anchor(text: str, sent: Sentence, dates: Sequence[DateMention], main_year: int | None,
                 known_year: int | None, main_start: date | None, main_family: str | None,
                 window: int | None) -> tuple[int | None, bool, int] | None:
    """(year, runs-since, where) when the sentence tells of a time before the main event; else None.

    A count "since" a date runs from the main event's start, unless the sentence names an event of
    another family ("killed 1,600 since last year" of an outbreak, "since 2011" of a war).
    """
    for d in dates:
        if d.start < sent.start or d.start >= sent.end:
            continue
        if d.since:
            if d.year is not None and _other_family_word(text, sent, main_family) \
                    and not _COMPARISON.search(text, max(0, d.start - 60), d.start):
                return d.year, True, d.start
            continue
        if _is_past(d, text, main_year, main_start, window):
            return d.year, False, d.start
    phrase = _PAST_PHRASE.search(text, sent.start, sent.end)
    if phrase is not None and window is not None and window < 365 \
            and not _COMPARISON.search(text, max(0, phrase.start() - 60), phrase.start()):
        since = text[max(sent.start, phrase.start() - 6):phrase.start()].strip().lower().endswith("since")
        if since and not _other_family_word(text, sent, main_family):
            return None
        return (known_year - 1 if known_year else None), since, phrase.start()
    return None


def _other_family_word(text: str, sent: Sentence, main_family: str | None) -> bool:
    types = event_types()
    return any(types[w.type].family != main_family for w in find_event_words(text, sent.start, sent.end))


def _anchor_word(text: str, sent: Sentence, where: int, main_family: str | None) -> EventWord | None:
    """The event word a past date speaks of: another family's first, then the nearest."""
    words = find_event_words(text, sent.start, sent.end)
    if not words:
        return None
    types = event_types()
    return min(words, key=lambda w: (types[w.type].family == main_family, abs(w.start - where)))
