"""The store's tables as typed SQLAlchemy models: documents, sentences, figures and what is built on them.

Changing a model needs a new Alembic revision (tracker/store/migrations/versions/) and a regenerated
schemas/store.sql (`python -m tracker.store.ddl > schemas/store.sql`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, MetaData, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from tracker.store.types import FiniteFloat, Int64, UTCDateTime

#: Constraint names fixed by convention, so migrations (batch mode on SQLite) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of the store's models."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Run(Base):
    """One run of `tracker ingest` or `tracker reextract`: when, which version, what came of it."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # ingest | reextract
    tracker_version: Mapped[str] = mapped_column(String(32))
    settings_hash: Mapped[str] = mapped_column(String(64))
    started: Mapped[datetime] = mapped_column(UTCDateTime)
    finished: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))  # running | ok | partial | failed
    n_documents: Mapped[int] = mapped_column(Integer, default=0)  # new (or re-extracted) documents
    n_skipped: Mapped[int] = mapped_column(Integer, default=0)  # already stored
    n_failed: Mapped[int] = mapped_column(Integer, default=0)
    n_figures: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text)


class Document(Base):
    """One article, keyed by the SHA-256 of its text, with its metadata and full text."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    key: Mapped[str] = mapped_column(Text, index=True)  # the document id as given (path or JSONL id)
    path: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(Text)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"), index=True)
    origin_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    # the tracker version whose per-document analysis (places, events, periods) is stored; None: not yet
    analyzed_version: Mapped[str | None] = mapped_column(String(32), index=True)


class Sentence(Base):
    """One sentence of a document (tracker.extract.sentences.split_sentences), with its offsets."""

    __tablename__ = "sentences"
    __table_args__ = (UniqueConstraint("document_id", "index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Int64)
    end: Mapped[int] = mapped_column(Int64)
    text: Mapped[str] = mapped_column(Text)
    paragraph: Mapped[int] = mapped_column(Integer)


class Source(Base):
    """Who a figure is attributed to, by canonical name."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    kind: Mapped[str | None] = mapped_column(String(32))


class SourceAlias(Base):
    """A way a source is written in the text ("the Observatory", "SOHR")."""

    __tablename__ = "source_aliases"
    __table_args__ = (UniqueConstraint("source_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text)


class Figure(Base):
    """One figure record (tracker.figure.Figure) linked to its document, sentence and source."""

    __tablename__ = "figures"
    __table_args__ = (
        UniqueConstraint("document_id", "index"),
        Index("ix_figures_category_value", "category", "value"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    sentence_id: Mapped[int | None] = mapped_column(
        ForeignKey("sentences.id", ondelete="SET NULL"), index=True
    )
    index: Mapped[int] = mapped_column(Integer)  # position in the document's output order
    doc: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Int64)
    end: Mapped[int] = mapped_column(Int64)
    text: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Int64)
    sentence_end: Mapped[int] = mapped_column(Int64)
    value: Mapped[float | None] = mapped_column(FiniteFloat)
    low: Mapped[float | None] = mapped_column(FiniteFloat)
    high: Mapped[float | None] = mapped_column(FiniteFloat)
    qualifier: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(String(64))
    si_value: Mapped[float | None] = mapped_column(FiniteFloat)
    entity: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(16))
    trend: Mapped[str | None] = mapped_column(String(8))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"), index=True)
    source_text: Mapped[str | None] = mapped_column(Text)
    source_kind: Mapped[str | None] = mapped_column(String(32))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("figures.id", ondelete="SET NULL"), index=True)
    equivalent_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("figures.id", ondelete="SET NULL"), index=True
    )
    scope: Mapped[str | None] = mapped_column(Text)
    scope_start: Mapped[str | None] = mapped_column(Text)
    tracker_version: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str | None] = mapped_column(Text)  # who carried the statement ("AFP"), not its source
    # the document's analysis of the figure: where it counts, which of the document's events, which period
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    admin1: Mapped[str | None] = mapped_column(Text)
    locality: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(FiniteFloat)
    lon: Mapped[float | None] = mapped_column(FiniteFloat)
    countries: Mapped[str | None] = mapped_column(Text)  # ISO3 codes, space separated, for several countries
    event_index: Mapped[int | None] = mapped_column(Integer)  # document_events.index of its document
    period: Mapped[str | None] = mapped_column(Text)  # "cumulative" or a bounded period
    stage: Mapped[int | None] = mapped_column(Integer)  # -1 an earlier count, 1 a moved toll, 0 neither
    own_place: Mapped[bool | None] = mapped_column(Boolean)  # the text places it; else it counts at its event
    # the corpus analysis: the event and statistic the figure counts
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)
    statistic_id: Mapped[int | None] = mapped_column(
        ForeignKey("statistics.id", ondelete="SET NULL"), index=True
    )


class Event(Base):
    """An event across documents: what happened, where and when (tracker.analysis.event_clusters)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    label: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(32), index=True)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    admin1: Mapped[str | None] = mapped_column(Text)
    locality: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(FiniteFloat)
    lon: Mapped[float | None] = mapped_column(FiniteFloat)
    countries: Mapped[str | None] = mapped_column(Text)
    start: Mapped[date | None] = mapped_column(Date, index=True)
    historical: Mapped[bool] = mapped_column(Boolean)
    n_documents: Mapped[int] = mapped_column(Integer)


class DocumentEvent(Base):
    """An event as one document reports it (tracker.analysis.events), linked to the event it is part of."""

    __tablename__ = "document_events"
    __table_args__ = (UniqueConstraint("document_id", "index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column(Integer)  # 0: the document's main event
    type: Mapped[str] = mapped_column(String(32))
    trigger: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3))
    admin1: Mapped[str | None] = mapped_column(Text)
    locality: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(FiniteFloat)
    lon: Mapped[float | None] = mapped_column(FiniteFloat)
    countries: Mapped[str | None] = mapped_column(Text)
    start: Mapped[date | None] = mapped_column(Date)
    year: Mapped[int | None] = mapped_column(Integer)
    historical: Mapped[bool] = mapped_column(Boolean)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)


class Statistic(Base):
    """One cell of a casualty table: an event, a category, a population, a place scope and a period."""

    __tablename__ = "statistics"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    label: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(16), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    population: Mapped[str] = mapped_column(Text)
    period: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3))
    admin1: Mapped[str | None] = mapped_column(Text)
    locality: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(FiniteFloat)
    lon: Mapped[float | None] = mapped_column(FiniteFloat)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("statistics.id", ondelete="SET NULL"), index=True
    )
    # the figure that states its current value: the latest, best supported
    headline_figure_id: Mapped[int | None] = mapped_column(
        ForeignKey("figures.id", ondelete="SET NULL", use_alter=True), index=True
    )


class Claim(Base):
    """Mentions asserting the same value of one statistic from one source."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    statistic_id: Mapped[int] = mapped_column(ForeignKey("statistics.id", ondelete="CASCADE"), index=True)
    value: Mapped[float | None] = mapped_column(FiniteFloat)
    low: Mapped[float | None] = mapped_column(FiniteFloat)
    high: Mapped[float | None] = mapped_column(FiniteFloat)
    qualifier: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"), index=True)
    n_documents: Mapped[int] = mapped_column(Integer)
    n_origins: Mapped[int] = mapped_column(Integer)


class Mention(Base):
    """A figure that asserts a claim."""

    __tablename__ = "mentions"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    figure_id: Mapped[int] = mapped_column(
        ForeignKey("figures.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Discrepancy(Base):
    """Two claims of one statistic that disagree on the value or on the source."""

    __tablename__ = "discrepancies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statistic_id: Mapped[int] = mapped_column(ForeignKey("statistics.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # value | source
    claim_a_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    claim_b_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    figure_a_id: Mapped[int | None] = mapped_column(ForeignKey("figures.id", ondelete="CASCADE"), index=True)
    figure_b_id: Mapped[int | None] = mapped_column(ForeignKey("figures.id", ondelete="CASCADE"), index=True)


class Revision(Base):
    """One step of a source's running toll: the figure it gave, then the one it gave next."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statistic_id: Mapped[int] = mapped_column(ForeignKey("statistics.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"), index=True)
    figure_from_id: Mapped[int] = mapped_column(ForeignKey("figures.id", ondelete="CASCADE"), index=True)
    figure_to_id: Mapped[int] = mapped_column(ForeignKey("figures.id", ondelete="CASCADE"), index=True)


METADATA = Base.metadata


def table_of(model: type[Base]) -> Table:
    """The Core table of a model (for bulk statements)."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to a table")
    return table


RUNS: Final = table_of(Run)
DOCUMENTS: Final = table_of(Document)
SENTENCES: Final = table_of(Sentence)
SOURCES: Final = table_of(Source)
SOURCE_ALIASES: Final = table_of(SourceAlias)
FIGURES: Final = table_of(Figure)
STATISTICS: Final = table_of(Statistic)
CLAIMS: Final = table_of(Claim)
MENTIONS: Final = table_of(Mention)
DISCREPANCIES: Final = table_of(Discrepancy)
EVENTS: Final = table_of(Event)
DOCUMENT_EVENTS: Final = table_of(DocumentEvent)
REVISIONS: Final = table_of(Revision)
