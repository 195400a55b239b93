"""The analysis of one document: its events, and for each figure its place, event, period and stage.

This is the part of the analysis that needs the text; it runs once per document (in the extraction
workers of an ingest) and its results are stored beside the figures. The corpus analysis
(tracker.analysis.analyze) then only reads records.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from tracker.analysis.events import document_events
from tracker.analysis.periods import figure_periods, figure_stages
from tracker.analysis.places import Place, figure_places, find_places
from tracker.analysis.types import DocumentEvent
from tracker.extract.sentences import Sentence, split_sentences
from tracker.figure import Figure
from tracker.patterns import compile_pattern


@dataclass(frozen=True, slots=True)
class FigureAnalysis:
    """What the document says of one figure beyond its record: where, which event, which period."""

    place: Place | None
    event_index: int | None
    period: str
    stage: int
    own_place: bool  # the text places the figure; False: it counts where its event happened

@dataclass(frozen=True, slots=True)
class DocumentAnalysis:
    """A document's events and its figures' analysis, in figure order."""

    events: tuple[DocumentEvent, ...]
    figures: tuple[FigureAnalysis, ...]


def _day(published: date | datetime | str | None) -> date | None:
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


# "Another 134 people were injured": a sentence that adds to the count before it
_CONTINUING = compile_pattern(r"\s*(?:[\"“‘']\s*)?(?:another|a\s+further|also|further)\b", re.IGNORECASE)


def _continue_places(figures: Sequence[Figure], placed: list[Place | None], own: list[bool]) -> None:
    """A sentence that adds to the figure before it ("Malawi counted 99 deaths. Another 134 people were
    injured.") counts where that figure counts when it names no place of its own."""
    last: int | None = None
    for i, f in enumerate(figures):
        if not own[i] and last is not None and _CONTINUING.match(f.sentence) \
                and figures[last].sentence_start <= f.sentence_start:
            placed[i], own[i] = placed[last], True
        if own[i]:
            last = i


def headline_of(text: str) -> str | None:
    """A document's first line when it reads as a headline (short, no closing full stop)."""
    line = text.lstrip().split("\n", 1)[0].strip()
    if 0 < len(line) <= 200 and not line.endswith((".", ":", ";")):
        return line
    return None


def analyze_document(
    text: str,
    figures: Sequence[Figure],
    *,
    title: str | None = None,
    published: date | datetime | str | None = None,
    sentences: Sequence[Sentence] | None = None,
) -> DocumentAnalysis:
    """Events, places, periods and stages of one document's figures (see the module docstring)."""
    if sentences is None:
        sentences = split_sentences(text)
    day = _day(published)
    places = find_places(text)
    found = document_events(text, sentences, places, title or headline_of(text), day)
    starts = [s.start for s in sentences]
    event_index: list[int | None] = []
    for f in figures:
        i = bisect_right(starts, f.sentence_start) - 1
        event_index.append(found.sentence_event[i] if 0 <= i < len(found.sentence_event) else None)
    placed: list[Place | None] = [None] * len(figures)
    own: list[bool] = [False] * len(figures)
    for index in [*sorted({e for e in event_index if e is not None}), None]:
        members = [i for i, e in enumerate(event_index) if e == index]
        if not members:
            continue
        fallback = found.events[index].place if index is not None else None
        for i, place in zip(members, figure_places(text, sentences, [figures[i] for i in members], places, fallback),
                            strict=True):
            placed[i] = place
            own[i] = place is not None and place != fallback
    _continue_places(figures, placed, own)
    periods = figure_periods(text, figures, day)
    stages = figure_stages(text, figures)
    return DocumentAnalysis(
        events=found.events,
        figures=tuple(
            FigureAnalysis(placed[i], event_index[i], periods[i], stages[i], own[i]) for i in range(len(figures))
        ),
    )
