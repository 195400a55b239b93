"""What the analysis reads (documents with their figures and events) and what it finds (events, statistics, ...).

The analysis is pure: it sees plain records, never the database. Per document it finds places, events and
periods (`tracker.analysis.document`); over the corpus it merges events and builds statistics, claims,
discrepancies and revisions (`tracker.analysis.analyze`). The store writes both back into its tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tracker.analysis.places import Place
from tracker.figure import EVENT_TYPES

__all__ = ["EVENT_TYPES"]

#: The period of a running toll; any other period is bounded ("past 24 hours to 16 Sep 2022").
CUMULATIVE = "cumulative"


@dataclass(frozen=True, slots=True)
class DocumentEvent:
    """An event one document reports: its main event (index 0) or another it names (a historical one)."""

    index: int
    type: str  # one of EVENT_TYPES
    trigger: str  # the words that named it: "earthquake", "rocket attack"
    name: str | None  # a proper name when the text gives one: "Cyclone Freddy"
    place: Place | None
    start: date | None  # the day it began, when the text (with the publication date) fixes it
    year: int | None  # its year, when known without the day
    historical: bool  # named as a past comparison ("the 2004 tsunami"), never today's event


@dataclass(frozen=True, slots=True)
class MentionInput:
    """One stored figure as the analysis sees it (a mention: one figure in one document)."""

    figure_id: int
    document_id: int
    index: int  # position of the figure in its document's output order
    text: str
    sentence: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    entity: str | None
    category: str
    source: str | None
    source_kind: str | None
    parent_figure_id: int | None  # the figure this one is a subset of ("including 111 civilians")
    scope: str | None
    start: int = 0  # offsets in the document text
    end: int = 0
    trend: str | None = None
    place: Place | None = None  # where the figure counts (tracker.analysis.places)
    event_index: int | None = None  # the document event it counts (DocumentInput.events), None: no event
    period: str = CUMULATIVE  # CUMULATIVE or a bounded period's label
    stage: int = 0  # -1: the text marks it as an earlier count ("grew from 50"); 1: a moved toll ("rose to 57")
    own_place: bool = True  # the text places the figure; False: it counts where its event happened
    source_text: str | None = None  # the words that carry the attribution ("said the governor of Donetsk")


@dataclass(frozen=True, slots=True)
class DocumentInput:
    """One document: its sentences (for syndication), its events and its figures."""

    document_id: int
    published: datetime | None
    outlet: str | None
    sentences: tuple[str, ...]
    mentions: tuple[MentionInput, ...]
    events: tuple[DocumentEvent, ...] = ()
    key: str = ""  # the document id as given (path or JSONL id)


@dataclass(frozen=True, slots=True)
class EventOut:
    """An event across documents: what happened, where and when."""

    key: str  # slug: "morocco-earthquake-2023"
    label: str  # "Morocco earthquake, 8 Sep 2023"
    type: str
    place: Place | None
    start: date | None
    historical: bool
    document_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class StatisticOut:
    """A statistic: one event, category, population, place scope and period, whoever claims a value."""

    key: str  # "<event>/<category>[/<population>][/<place>][/<period>]"
    label: str  # "Morocco earthquake, 8 Sep 2023: killed, Al Haouz"
    event_key: str
    category: str
    population: str
    place: Place | None  # the place it counts over (the event's, or a narrower one)
    period: str  # CUMULATIVE or a bounded period
    parent_key: str | None  # the statistic this one is a part of
    headline_figure_id: int | None  # the figure that states its current value (latest, best supported)


@dataclass(frozen=True, slots=True)
class ClaimOut:
    """A claim: mentions asserting the same value (or compatible bounds) of one statistic from one source."""

    key: str
    statistic_key: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    entity: str | None
    source: str | None
    figure_ids: tuple[int, ...]  # the mentions
    n_documents: int
    n_origins: int  # independent origins: syndicated copies of one wire story count once


@dataclass(frozen=True, slots=True)
class DiscrepancyOut:
    """Two claims of one statistic that cannot both hold: on the value, or one value from two sources."""

    statistic_key: str
    kind: str  # "value" or "source"
    claim_a_key: str
    claim_b_key: str
    description: str
    figure_a_id: int  # the two figures that disagree
    figure_b_id: int


@dataclass(frozen=True, slots=True)
class RevisionOut:
    """One step of a source's running toll: the figure it gave, then the figure it gave next."""

    statistic_key: str
    source: str | None
    figure_from_id: int
    figure_to_id: int


@dataclass(frozen=True, slots=True)
class SyndicationOut:
    """A document that copies another's wire story (they share most of their sentences)."""

    document_id: int
    origin_document_id: int
    shared_fraction: float


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the analysis finds over a corpus."""

    events: tuple[EventOut, ...]
    statistics: tuple[StatisticOut, ...]
    claims: tuple[ClaimOut, ...]
    discrepancies: tuple[DiscrepancyOut, ...]
    revisions: tuple[RevisionOut, ...]
    syndication: tuple[SyndicationOut, ...]
    event_of_figure: dict[int, str]  # figure id -> event key (figures of no event are absent)
    statistic_of_figure: dict[int, str]  # figure id -> statistic key
    event_of_document_event: dict[tuple[int, int], str]  # (document id, event index) -> event key
    place_of_figure: dict[int, Place | None]  # figures that count where their event happened -> its place
