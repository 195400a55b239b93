"""A partition: a group of input documents prepared and written in one transaction by whichever process runs it.

The same functions run in the ingest's own process, in its forked worker processes and on Dask workers
(tracker.store.cluster): a partition skips the texts stored already (one query), prepares the rest
(tracker.store.prepare) and writes them in one transaction (tracker.store.writer), so a crash loses at most
the partitions being written and never leaves half a document.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, select

from tracker.documents import Document
from tracker.store import models
from tracker.store.engine import is_sqlite, make_engine
from tracker.store.prepare import (
    DocumentContent,
    PreparedDocument,
    StoredText,
    prepare_or_fail,
    prepare_stored_or_fail,
)
from tracker.store.writer import (
    BatchOutcome,
    DocumentFailure,
    SourceRegistry,
    content_hash,
    replace_contents,
    store_documents,
    store_error_message,
    stored_hashes,
)


@dataclass(frozen=True, slots=True)
class Partition:
    """Input documents written in one transaction: the `number`-th partition of a run, in input order."""

    number: int
    documents: list[Document]
    document_ids: tuple[int, ...] | None = None  # ids reserved for the documents, in order (tracker.store.cluster)


class PartitionInterrupted(KeyboardInterrupt):
    """Ctrl-C during a partition, after what it had prepared was written (`outcome`)."""

    def __init__(self, outcome: BatchOutcome) -> None:
        super().__init__()
        self.outcome = outcome


class WriteTurns:
    """Partitions 0, 1, 2... commit in that order, whichever worker process prepared them first.

    The current analysis reads documents in id order, so ids must follow the input order for its results
    not to depend on which worker was faster. Created before the workers fork: they inherit it.
    """

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._next = context.RawValue("q", 0)
        self._changed = context.Condition()

    def of(self, number: int) -> Turn:
        """The turn of partition `number`: it must be taken or passed exactly once."""
        return Turn(self, number)

    def _wait_for(self, number: int) -> None:
        with self._changed:
            self._changed.wait_for(lambda: self._next.value == number)

    def _pass(self, number: int) -> None:
        with self._changed:
            self._next.value = number + 1
            self._changed.notify_all()


class Turn:
    """One partition's turn to write (see `WriteTurns`)."""

    def __init__(self, turns: WriteTurns, number: int) -> None:
        self._turns = turns
        self._number = number
        self._used = False

    @contextmanager
    def held(self) -> Iterator[None]:
        """Wait until every partition before this one has written; write; then pass the turn on."""
        self._used = True
        self._turns._wait_for(self._number)
        try:
            yield
        finally:
            self._turns._pass(self._number)

    def pass_on(self) -> None:
        """Pass the turn on without writing, when it was not taken (a partition that failed early)."""
        if not self._used:
            with self.held():
                pass


#: Set by `ordered_writes` before the workers fork; None in Dask workers (their ids are reserved instead).
_TURNS: WriteTurns | None = None


@contextmanager
def ordered_writes() -> Iterator[WriteTurns]:
    """Worker processes started inside this block commit their partitions in partition order."""
    global _TURNS
    _TURNS = WriteTurns()
    try:
        yield _TURNS
    finally:
        _TURNS = None


def _prepare_new(
    reader: Connection, docs: Sequence[Document]
) -> tuple[BatchOutcome, list[PreparedDocument], bool]:
    """(skipped and failed documents, the prepared ones, whether Ctrl-C stopped the preparing)."""
    with reader.begin():
        stored = stored_hashes(reader, {content_hash(doc.text) for doc in docs})
    outcome = BatchOutcome()
    prepared: list[PreparedDocument] = []
    try:
        for doc in docs:
            if content_hash(doc.text) in stored:
                outcome.n_skipped += 1
                continue
            result = prepare_or_fail(doc)
            if isinstance(result, DocumentFailure):
                outcome.failures.append(result)
            else:
                prepared.append(result)
    except KeyboardInterrupt:
        return outcome, prepared, True
    return outcome, prepared, False


def store_partition(
    conn: Connection,
    partition: Partition,
    run_id: int,
    sources: SourceRegistry,
    turn: Turn | None = None,
    reader: Connection | None = None,
) -> BatchOutcome:
    """Prepare and store the documents not stored yet, in one transaction (one per document if that fails).

    Which texts are stored already is read on `reader` (default `conn`): on SQLite a writer's transaction
    takes the write lock, which a worker must not hold while it extracts. With `turn`, the transaction waits
    until the partitions before this one are written. On Ctrl-C the documents prepared so far are written
    before the interrupt goes on: they are whole.
    """
    try:
        outcome, prepared, interrupted = _prepare_new(reader or conn, partition.documents)
    except Exception as exc:  # the store cannot be read: these documents fail, the run goes on
        return partition_failed(partition, store_error_message(exc))
    ids = None
    if partition.document_ids is not None:
        ids = {content_hash(doc.text): i for doc, i in zip(partition.documents, partition.document_ids, strict=True)}
    with turn.held() if turn is not None else nullcontext():
        outcome.add(store_documents(conn, prepared, run_id, _now(), sources, ids))
    if interrupted:
        raise PartitionInterrupted(outcome)
    return outcome


def partition_failed(partition: Partition, reason: str) -> BatchOutcome:
    """Every document of the partition failed for `reason`: none of them is stored."""
    return BatchOutcome(failures=[DocumentFailure(doc.id, reason) for doc in partition.documents])


def reextract_partition(
    conn: Connection, document_ids: Sequence[int], sources: SourceRegistry, reader: Connection | None = None
) -> BatchOutcome:
    """Extract stored documents again and replace their sentences and figures, in one transaction."""
    documents = models.DOCUMENTS
    reader = reader or conn
    try:
        with reader.begin():
            rows = reader.execute(
                select(documents.c.id, documents.c.key, documents.c.text, documents.c.published, documents.c.title)
                .where(documents.c.id.in_(list(document_ids)))
                .order_by(documents.c.id)
            ).all()
    except Exception as exc:  # the store cannot be read: these documents fail, the run goes on
        return _reextract_failed(document_ids, store_error_message(exc))
    outcome = BatchOutcome()
    contents: list[tuple[int, DocumentContent]] = []
    for row in rows:
        result = prepare_stored_or_fail(StoredText(row.id, row.key, row.text, row.published, row.title))
        if isinstance(result, DocumentFailure):
            outcome.failures.append(result)
        else:
            contents.append(result)
    outcome.add(replace_contents(conn, contents, sources))
    return outcome


def _now() -> datetime:
    return datetime.now(UTC)


class _WorkerState(threading.local):
    """This process's engines (one per database) and this thread's source caches."""

    def __init__(self) -> None:
        self.sources: dict[str, SourceRegistry] = {}


_ENGINES: dict[tuple[int, str, bool], Engine] = {}
_ENGINES_LOCK = threading.Lock()
_STATE = _WorkerState()


def _engine(url: str, writer: bool) -> Engine:
    """This process's engine for `url` (never one inherited from a parent process)."""
    key = (os.getpid(), url, writer)
    with _ENGINES_LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = _ENGINES[key] = make_engine(url, writer=writer)
    return engine


@contextmanager
def worker_connections(url: str) -> Iterator[tuple[Connection, Connection, SourceRegistry]]:
    """(writer, reader, source cache) for a worker: a separate reader on SQLite, where writers lock."""
    writer = _engine(url, writer=True)
    sources = _STATE.sources.setdefault(url, SourceRegistry())
    with writer.connect() as conn:
        if not is_sqlite(url):
            yield conn, conn, sources
            return
        with _engine(url, writer=False).connect() as reader:
            yield conn, reader, sources


def store_partition_at(url: str, run_id: int, partition: Partition) -> BatchOutcome:
    """`store_partition` on the database at `url`, from a worker process (multiprocessing or Dask).

    A partition whose database cannot be reached fails as a whole; its turn is passed on in any case.
    """
    turn = _TURNS.of(partition.number) if _TURNS is not None else None
    try:
        with worker_connections(url) as (conn, reader, sources):
            return store_partition(conn, partition, run_id, sources, turn, reader)
    except Exception as exc:  # the database cannot be reached: these documents fail, the run goes on
        return partition_failed(partition, store_error_message(exc))
    finally:
        if turn is not None:
            turn.pass_on()


def reextract_partition_at(url: str, document_ids: Sequence[int]) -> BatchOutcome:
    """`reextract_partition` on the database at `url`, from a worker process."""
    try:
        with worker_connections(url) as (conn, reader, sources):
            return reextract_partition(conn, document_ids, sources, reader)
    except Exception as exc:  # the database cannot be reached: these documents fail, the run goes on
        return _reextract_failed(document_ids, store_error_message(exc))


def _reextract_failed(document_ids: Sequence[int], reason: str) -> BatchOutcome:
    return BatchOutcome(failures=[DocumentFailure(f"document {i}", reason) for i in document_ids])
