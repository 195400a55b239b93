"""Writing prepared documents in batches: one transaction per batch, Core `executemany`, idempotent by content hash.

Inserts that may meet a row another writer stored first (documents by content hash, sources by name,
aliases) are `INSERT ... ON CONFLICT DO NOTHING`, so that concurrent writers (Dask workers on one
PostgreSQL database) never duplicate a row. Sources and aliases, which every writer shares, are inserted
in sorted order so that two writers never deadlock on them; a deadlock on a document both insert is
retried (`write_in_batches`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, Final, TypeVar

from sqlalchemy import Connection, Insert, Table, bindparam, delete, insert, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.exc import SQLAlchemyError, StatementError

from tracker import __version__
from tracker.data_files import data_rows
from tracker.errors import TrackerError
from tracker.patterns import compile_pattern
from tracker.store import models
from tracker.store.engine import error_text

if TYPE_CHECKING:
    from tracker.store.prepare import DocumentContent, PreparedDocument

T = TypeVar("T")

#: Roles of tracker/data/attribution_cues.txt ("phrase | role") that end the source's name ("X said",
#: "X also confirmed") or open it ("according to X").
_NAME_ENDS: Final = ("verb", "strict_verb", "filler")
_NAME_FOLLOWS: Final = ("after",)


@cache
def _alias_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(opening cue at the start, first cue that ends a name), from the attribution cues data file."""
    follows: list[str] = []
    ends: list[str] = []
    for _, fields in data_rows("attribution_cues.txt", 2):
        phrase, role = fields[0], fields[1]
        if role in _NAME_FOLLOWS:
            follows.append(phrase)
        elif role in _NAME_ENDS:
            ends.append(phrase)

    def alternatives(phrases: list[str]) -> str:
        """A regex alternation of the phrases, longest first, any white space between words."""
        ordered = sorted(set(phrases), key=len, reverse=True)
        return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) or "(?!)"

    return (
        compile_pattern(rf"^(?:{alternatives(follows)})\s+", re.IGNORECASE),
        compile_pattern(rf"\s(?:{alternatives(ends)})\b", re.IGNORECASE),
    )


def content_hash(text: str) -> str:
    """The document's key in the store: SHA-256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def alias_of(source_text: str) -> str:
    """The name part of an attribution as written: "the Observatory said" -> "the Observatory"."""
    opening, ending = _alias_patterns()
    text = source_text.strip()
    if m := opening.match(text):
        return text[m.end():].strip(" ,.;:")
    if m := ending.search(text):
        return text[: m.start()].strip(" ,.;:")
    return text.strip(" ,.;:")


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    """A document that could not be stored, and why (plain data: it crosses process boundaries)."""

    name: str
    reason: str


def insert_new(conn: Connection, table: Table, unique: Sequence[str]) -> Insert | None:
    """`INSERT ... ON CONFLICT (unique) DO NOTHING` on SQLite and PostgreSQL; None on other databases."""
    dialect = conn.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table).on_conflict_do_nothing(index_elements=list(unique))
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table).on_conflict_do_nothing(index_elements=list(unique))
    return None


class SourceRegistry:
    """Source ids by canonical name, created on first use; the cache follows commits and rollbacks."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._aliases: set[tuple[int, str]] = set()
        self._pending_ids: dict[str, int] = {}
        self._pending_aliases: set[tuple[int, str]] = set()

    def _known(self, name: str) -> int | None:
        return self._ids.get(name) or self._pending_ids.get(name)

    def source_id(self, conn: Connection, name: str, kind: str | None) -> int:
        """The id of the source called `name`, inserting it (with `kind`) if it is new."""
        return self.source_ids(conn, {name: kind})[name]

    def source_ids(self, conn: Connection, kinds: Mapping[str, str | None]) -> dict[str, int]:
        """The ids of the sources named in `kinds` (name -> kind), inserting the new ones with their kind.

        A source stored without a kind takes the kind given here; a stored kind is never changed.
        """
        ids = {name: known for name in kinds if (known := self._known(name)) is not None}
        missing = sorted(name for name in kinds if name not in ids)
        if not missing:
            return ids
        table = models.SOURCES
        rows = [{"name": name, "kind": kinds[name]} for name in missing]
        statement = insert_new(conn, table, ["name"])
        if statement is None:
            stored = set(conn.execute(select(table.c.name).where(table.c.name.in_(missing))).scalars())
            rows = [row for row in rows if row["name"] not in stored]
            statement = insert(table)
        if rows:
            conn.execute(statement, rows)
        found = conn.execute(select(table.c.id, table.c.name, table.c.kind).where(table.c.name.in_(missing))).all()
        kind_updates = [
            {"sid": row.id, "kind": kinds[row.name]}
            for row in sorted(found, key=lambda r: r.name)
            if row.kind is None and kinds[row.name] is not None
        ]
        if kind_updates:
            conn.execute(_SET_SOURCE_KIND, kind_updates)
        for row in found:
            self._pending_ids[row.name] = row.id
            ids[row.name] = row.id
        return ids

    def add_aliases(self, conn: Connection, aliases: Iterable[tuple[int, str]]) -> None:
        """Record that each (source id, alias) is how that source is written somewhere (once)."""
        new = sorted(
            {key for key in aliases if key[1] and key not in self._aliases and key not in self._pending_aliases}
        )
        if not new:
            return
        table = models.SOURCE_ALIASES
        rows = [{"source_id": source_id, "alias": alias} for source_id, alias in new]
        statement = insert_new(conn, table, ["source_id", "alias"])
        if statement is None:
            ids = {source_id for source_id, _ in new}
            stored = set(
                conn.execute(select(table.c.source_id, table.c.alias).where(table.c.source_id.in_(ids))).tuples()
            )
            rows = [row for row in rows if (row["source_id"], row["alias"]) not in stored]
            statement = insert(table)
        if rows:
            conn.execute(statement, rows)
        self._pending_aliases.update(new)

    def committed(self) -> None:
        """The transaction committed: what it created is now known for good."""
        self._ids.update(self._pending_ids)
        self._aliases.update(self._pending_aliases)
        self.rolled_back()

    def rolled_back(self) -> None:
        """The transaction rolled back: forget what it created."""
        self._pending_ids.clear()
        self._pending_aliases.clear()


_SET_SOURCE_KIND: Final = (
    update(models.SOURCES)
    .where(models.SOURCES.c.id == bindparam("sid"), models.SOURCES.c.kind.is_(None))
    .values(kind=bindparam("kind"))
)
_LINK_FIGURES: Final = (
    update(models.FIGURES)
    .where(models.FIGURES.c.id == bindparam("fid"))
    .values(parent_id=bindparam("pid"), equivalent_of_id=bindparam("eid"))
)


def stored_hashes(conn: Connection, hashes: Collection[str]) -> set[str]:
    """Which of these content hashes are stored already."""
    if not hashes:
        return set()
    documents = models.DOCUMENTS
    found = conn.execute(select(documents.c.content_hash).where(documents.c.content_hash.in_(list(hashes))))
    return set(found.scalars())


def reserve_document_ids(conn: Connection, count: int) -> list[int]:
    """`count` new document ids from PostgreSQL's sequence, in increasing order, never given out again."""
    if count == 0:
        return []
    statement = sql_text("SELECT nextval(pg_get_serial_sequence('documents', 'id')) FROM generate_series(1, :n)")
    return sorted(int(i) for i in conn.execute(statement, {"n": count}).scalars())


def insert_documents(
    conn: Connection,
    docs: Sequence[PreparedDocument],
    run_id: int,
    ingested_at: datetime,
    ids: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """Insert the documents rows (with the `ids` reserved for their content hashes, if given).

    Content hash -> id of the documents stored now (not of those stored before).
    """
    first_of_each: dict[str, PreparedDocument] = {}
    for doc in docs:
        first_of_each.setdefault(doc.content_hash, doc)
    # in input order, so that ids follow it; concurrent writers that deadlock on a text both hold are retried
    rows = [{**doc.row, "run_id": run_id, "ingested_at": ingested_at} for doc in first_of_each.values()]
    if ids is not None:
        for row in rows:
            row["id"] = ids[row["content_hash"]]
    documents = models.DOCUMENTS
    statement = insert_new(conn, documents, ["content_hash"])
    if statement is None:  # another database: the check and the insert share this writer's transaction
        stored = stored_hashes(conn, first_of_each)
        rows = [row for row in rows if row["content_hash"] not in stored]
        statement = insert(documents)
    if not rows:
        return {}
    result = conn.execute(statement.returning(documents.c.id, documents.c.content_hash), rows)
    return {row.content_hash: row.id for row in result}


def write_content(
    conn: Connection,
    contents: Sequence[tuple[int, DocumentContent]],
    sources: SourceRegistry,
    *,
    replace: bool = False,
) -> int:
    """Store the sentences and figures of documents (`replace`: delete their old ones first); how many figures."""
    figure_table = models.FIGURES
    sentence_table = models.SENTENCES
    if replace and contents:
        ids = [document_id for document_id, _ in contents]
        conn.execute(delete(figure_table).where(figure_table.c.document_id.in_(ids)))
        conn.execute(delete(sentence_table).where(sentence_table.c.document_id.in_(ids)))
        conn.execute(delete(models.DOCUMENT_EVENTS).where(models.DOCUMENT_EVENTS.c.document_id.in_(ids)))
        # the new figures' own analysis came with them; where it failed, the corpus analysis runs it again
        documents = models.DOCUMENTS
        for analysed in (True, False):
            chosen = [d for d, content in contents if (content.events is not None) is analysed]
            if chosen:
                conn.execute(update(documents).where(documents.c.id.in_(chosen))
                             .values(analyzed_version=__version__ if analysed else None))
    event_rows = [
        {**event, "document_id": document_id}
        for document_id, content in contents if content.events for event in content.events
    ]
    if event_rows:
        conn.execute(insert(models.DOCUMENT_EVENTS), event_rows)

    sentence_rows = [
        {**sentence, "document_id": document_id} for document_id, content in contents for sentence in content.sentences
    ]
    sentence_ids: dict[tuple[int, int], int] = {}
    if sentence_rows:
        statement = insert(sentence_table).returning(
            sentence_table.c.id, sentence_table.c.document_id, sentence_table.c.index.label("position")
        )
        sentence_ids = {(r.document_id, r.position): r.id for r in conn.execute(statement, sentence_rows)}

    kinds: dict[str, str | None] = {}
    for _, content in contents:
        for figure in content.figures:
            if figure.source is not None and kinds.get(figure.source) is None:
                kinds[figure.source] = figure.source_kind
    source_ids = sources.source_ids(conn, kinds) if kinds else {}
    sources.add_aliases(
        conn,
        (
            (source_ids[figure.source], figure.alias)
            for _, content in contents
            for figure in content.figures
            if figure.source is not None and figure.alias
        ),
    )

    figure_rows = [
        {
            **figure.values,
            "document_id": document_id,
            "sentence_id": None if figure.sentence_index is None else sentence_ids[document_id, figure.sentence_index],
            "source_id": None if figure.source is None else source_ids[figure.source],
        }
        for document_id, content in contents
        for figure in content.figures
    ]
    if not figure_rows:
        return 0
    statement = insert(figure_table).returning(
        figure_table.c.id, figure_table.c.document_id, figure_table.c.index.label("position")
    )
    figure_ids = {(r.document_id, r.position): r.id for r in conn.execute(statement, figure_rows)}
    links = [
        {
            "fid": figure_ids[document_id, index],
            "pid": None if figure.parent is None else figure_ids[document_id, figure.parent],
            "eid": None if figure.equivalent_of is None else figure_ids[document_id, figure.equivalent_of],
        }
        for document_id, content in contents
        for index, figure in enumerate(content.figures)
        if figure.parent is not None or figure.equivalent_of is not None
    ]
    if links:
        conn.execute(_LINK_FIGURES, links)
    return len(figure_rows)


@dataclass
class BatchOutcome:
    """What writing one batch did: documents stored now, already stored, figures, failed documents."""

    n_documents: int = 0
    n_skipped: int = 0
    n_figures: int = 0
    failures: list[DocumentFailure] = field(default_factory=list)

    def add(self, other: BatchOutcome) -> None:
        """Count another outcome in this one."""
        self.n_documents += other.n_documents
        self.n_skipped += other.n_skipped
        self.n_figures += other.n_figures
        self.failures.extend(other.failures)


def store_error_message(exc: BaseException) -> str:
    """The readable reason behind a store error (SQLAlchemy wraps errors raised by column types)."""
    if isinstance(exc, StatementError) and isinstance(exc.orig, TrackerError):
        return str(exc.orig)
    if isinstance(exc, SQLAlchemyError):
        return f"cannot be stored: {error_text(exc)}"
    if isinstance(exc, TrackerError):
        return str(exc)
    return f"cannot be stored: {type(exc).__name__}: {exc}"


#: PostgreSQL's "deadlock detected" and "could not serialize": the transaction may simply be tried again.
_TRANSIENT_SQLSTATES: Final = frozenset({"40P01", "40001"})
TRANSIENT_RETRIES: Final = 3


def _is_transient(exc: BaseException) -> bool:
    return isinstance(exc, SQLAlchemyError) and getattr(getattr(exc, "orig", None), "sqlstate", None) in (
        _TRANSIENT_SQLSTATES
    )


def write_in_batches(
    conn: Connection,
    items: Sequence[T],
    write: Callable[[Connection, Sequence[T]], BatchOutcome],
    name: Callable[[T], str],
    sources: SourceRegistry,
) -> BatchOutcome:
    """`write(conn, items)` in one transaction; if that fails, each item in its own, so one bad item fails alone.

    A deadlock or serialization failure is retried a few times first. Nothing of a failed transaction stays.
    """
    for attempt in range(TRANSIENT_RETRIES + 1):
        try:
            with conn.begin():
                outcome = write(conn, items)
        except Exception as exc:  # any failure (a bug too) fails these items, never the run
            sources.rolled_back()
            if _is_transient(exc) and attempt < TRANSIENT_RETRIES:
                continue
            if len(items) == 1:
                return BatchOutcome(failures=[DocumentFailure(name(items[0]), store_error_message(exc))])
            break
        except BaseException:
            sources.rolled_back()
            raise
        sources.committed()
        return outcome
    total = BatchOutcome()
    for item in items:
        total.add(write_in_batches(conn, [item], write, name, sources))
    return total


def store_documents(
    conn: Connection,
    docs: Sequence[PreparedDocument],
    run_id: int,
    ingested_at: datetime,
    sources: SourceRegistry,
    reserved_ids: Mapping[str, int] | None = None,
) -> BatchOutcome:
    """Write new documents (whole: row, sentences, figures) in one transaction; those already stored are skipped.

    `reserved_ids` (content hash -> id) gives the documents ids reserved for them in input order.
    """

    def write(conn: Connection, batch: Sequence[PreparedDocument]) -> BatchOutcome:
        ids = insert_documents(conn, batch, run_id, ingested_at, reserved_ids)
        stored = [(ids[doc.content_hash], doc.content) for doc in batch if doc.content_hash in ids]
        ids.clear()  # a text given twice in one batch is stored once
        n_figures = write_content(conn, stored, sources)
        return BatchOutcome(n_documents=len(stored), n_skipped=len(batch) - len(stored), n_figures=n_figures)

    if not docs:
        return BatchOutcome()
    return write_in_batches(conn, docs, write, lambda doc: doc.name, sources)


def replace_contents(
    conn: Connection, contents: Sequence[tuple[int, DocumentContent]], sources: SourceRegistry
) -> BatchOutcome:
    """Replace the sentences and figures of stored documents (`tracker reextract`), one transaction per batch."""

    def write(conn: Connection, batch: Sequence[tuple[int, DocumentContent]]) -> BatchOutcome:
        return BatchOutcome(n_documents=len(batch), n_figures=write_content(conn, batch, sources, replace=True))

    return write_in_batches(conn, contents, write, lambda item: f"document {item[0]}", sources)


def run_values(kind: str, tracker_version: str, settings_hash: str, started: datetime) -> dict[str, Any]:
    """The column values of a run that has just started."""
    return {
        "kind": kind, "tracker_version": tracker_version, "settings_hash": settings_hash, "started": started,
        "finished": None, "status": "running", "n_documents": 0, "n_skipped": 0, "n_failed": 0,
        "n_figures": 0, "message": None,
    }
