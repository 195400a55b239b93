"""What the analysis reads (documents with their figures) and what it finds (statistics, claims, ...).

The analysis is pure: it sees plain records, never the database. The store builds the inputs from its
rows and writes the outputs back into its `statistics`, `claims`, `mentions`, `discrepancies` tables and
the documents' syndication columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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


@dataclass(frozen=True, slots=True)
class DocumentInput:
    """One stored document: its sentences (for syndication) and its figures."""

    document_id: int
    published: datetime | None
    outlet: str | None
    sentences: tuple[str, ...]
    mentions: tuple[MentionInput, ...]


@dataclass(frozen=True, slots=True)
class StatisticOut:
    """A statistic: what is measured (category, entity family, scope, context), whoever claims a value."""

    key: str  # stable id within one analysis
    label: str  # readable: "killed: people since the offensive began"
    category: str
    entity_family: str | None
    scope: str | None
    context: str  # the shared context words, space separated
    parent_key: str | None  # the statistic this one is a subset of


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
    """Two claims of one statistic that disagree: on the value (bounds that do not overlap) or the source."""

    statistic_key: str
    kind: str  # "value" or "source"
    claim_a_key: str
    claim_b_key: str
    description: str


@dataclass(frozen=True, slots=True)
class SyndicationOut:
    """A document that copies another's wire story (they share most of their sentences)."""

    document_id: int
    origin_document_id: int
    shared_fraction: float


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the analysis finds over a corpus."""

    statistics: tuple[StatisticOut, ...]
    claims: tuple[ClaimOut, ...]
    discrepancies: tuple[DiscrepancyOut, ...]
    syndication: tuple[SyndicationOut, ...]
