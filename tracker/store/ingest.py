"""`tracker ingest` and `tracker reextract`: documents -> figures -> store, in batches of whole documents.

A document is keyed by the SHA-256 of its text: ingesting it again adds nothing. Documents are prepared
(extracted and checked, tracker.store.prepare) on worker processes and written in batches, one transaction
per batch (tracker.store.writer): a crash loses at most the open batch, never half a document. A document
that fails (unreadable input, a value the store cannot hold, an extractor error) leaves no rows and does not
stop the others. After the documents, the corpus analysis is refreshed in one transaction. Every run is
recorded.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from importlib import resources
from typing import Any, Final, Protocol

from sqlalchemy import Connection, Engine, func, select, update
from sqlalchemy.exc import SQLAlchemyError

from tracker import __version__
from tracker.documents import Document, read_documents
from tracker.errors import InputError, StoreError
from tracker.extract.batch import default_jobs, map_in_order, max_jobs
from tracker.store import models
from tracker.store.engine import describe, error_text, make_engine, resolve_db_url, sqlite_file
from tracker.store.migrate import ensure_schema
from tracker.store.partition import (
    Partition,
    PartitionInterrupted,
    ordered_writes,
    reextract_partition,
    reextract_partition_at,
    store_partition,
    store_partition_at,
)
from tracker.store.persist_analysis import find_analyzer, refresh_analysis
from tracker.store.writer import BatchOutcome, SourceRegistry, run_values

#: Documents per partition: prepared and written in one transaction.
BATCH_DOCUMENTS: Final = 32
#: Stores with fewer documents are re-extracted in this process.
PARALLEL_MIN_DOCUMENTS: Final = 100


@dataclass
class IngestResult:
    """What one ingest or reextract run did."""

    kind: str
    run_id: int
    n_documents: int = 0  # new (ingest) or re-extracted (reextract) documents
    n_skipped: int = 0  # already stored (ingest)
    n_figures: int = 0
    failures: list[InputError] = field(default_factory=list)
    analysis_message: str = ""
    analysis_failed: bool = False

    @property
    def ok(self) -> bool:
        """Whether every input was stored (or already there) and the analysis ran or was not available."""
        return not self.failures and not self.analysis_failed

    @property
    def status(self) -> str:
        """ok, partial (some documents failed) or failed (nothing could be stored)."""
        if self.ok:
            return "ok"
        if self.n_documents or self.n_skipped:
            return "partial"
        return "failed"

    def summary_line(self) -> str:
        """One line for people: what was stored, skipped and failed."""
        plural = "" if self.n_documents == 1 else "s"
        if self.kind == "reextract":
            head = f"{self.n_documents} document{plural} re-extracted"
        else:
            head = f"{self.n_documents} new document{plural}, {self.n_skipped} already stored"
        parts = [head, f"{len(self.failures)} failed", f"{self.n_figures} figures stored"]
        if self.analysis_message:
            parts.append(self.analysis_message)
        return f"{self.kind}: {', '.join(parts)} (run {self.run_id})"


def settings_hash() -> str:
    """SHA-256 of what decides the extractor's output: the tracker version and its data files."""
    digest = hashlib.sha256(__version__.encode())
    data = resources.files("tracker").joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


class _ProgressBar(Protocol):
    def update(self, n: int = 1) -> object: ...

    def close(self) -> None: ...


class _NoBar:
    def update(self, n: int = 1) -> object:
        return None

    def close(self) -> None:
        return None


def _progress_bar(enabled: bool) -> _ProgressBar:
    """A progress bar on stderr counting inputs as they are done (one that shows nothing when not `enabled`)."""
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True)


class IngestRun:
    """The state of one run: engine, connection, sources cache, progress bar, result."""

    def __init__(self, db: str | None, kind: str, *, progress: bool = False) -> None:
        self.url = resolve_db_url(db)
        self.progress = progress
        self.bar: _ProgressBar = _NoBar()
        self.engine: Engine = make_engine(self.url, writer=True)
        self.sources = SourceRegistry()
        self.conn: Connection | None = None
        self.kind = kind
        self.result = IngestResult(kind=kind, run_id=0)
        self.finished = False

    def __enter__(self) -> IngestRun:
        try:
            ensure_schema(self.engine)
            self.conn = self.engine.connect()
            self.bar = _progress_bar(self.progress)
            runs = models.RUNS
            with self.conn.begin():
                values = run_values(self.kind, __version__, settings_hash(), _now())
                self.result.run_id = int(
                    self.conn.execute(runs.insert().values(**values).returning(runs.c.id)).scalar_one()
                )
        except SQLAlchemyError as exc:
            self._close()
            raise StoreError(f"cannot open database {describe(self.url)}: {error_text(exc)}") from None
        except BaseException:
            self._close()
            raise
        self.finished = False
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, _tb: Any) -> None:
        try:
            if exc is not None and not self.finished:
                self._record_abort(exc)
        finally:
            self._close()

    def _close(self) -> None:
        self.bar.close()
        if self.conn is not None:
            self.conn.close()
        self.engine.dispose()

    def _record_abort(self, exc: BaseException) -> None:
        """An interrupted or crashed run is recorded as failed, with the reason (best effort)."""
        reason = "interrupted" if isinstance(exc, KeyboardInterrupt) else f"{type(exc).__name__}: {exc}"
        runs = models.RUNS
        try:
            conn = self.connection
            if conn.in_transaction():
                conn.rollback()
            with conn.begin():
                conn.execute(update(runs).where(runs.c.id == self.result.run_id).values(
                    finished=_now(), status="failed", n_documents=self.result.n_documents,
                    n_skipped=self.result.n_skipped, n_failed=len(self.result.failures),
                    n_figures=self.result.n_figures, message=f"run stopped: {reason}",
                ))
        except SQLAlchemyError:
            pass  # the run row keeps status "running": still truthful

    @property
    def connection(self) -> Connection:
        """The run's open connection."""
        assert self.conn is not None  # noqa: S101 - set by __enter__
        return self.conn

    def record(self, outcome: BatchOutcome) -> None:
        """Count what a partition did."""
        result = self.result
        result.n_documents += outcome.n_documents
        result.n_skipped += outcome.n_skipped
        result.n_figures += outcome.n_figures
        result.failures.extend(InputError(f.name, f.reason) for f in outcome.failures)
        self.bar.update(outcome.n_documents + outcome.n_skipped + len(outcome.failures))

    def record_input_error(self, error: InputError) -> None:
        """Count an input that could not be read."""
        self.result.failures.append(error)
        self.bar.update(1)

    def analyse(self) -> None:
        """Refresh the corpus analysis; a failure is reported in the summary and makes the run not ok."""
        try:
            counts = refresh_analysis(self.connection, self.sources, analyzer=find_analyzer())
        except Exception as exc:  # the documents are stored; the run reports the analysis failure
            self.result.analysis_failed = True
            self.result.analysis_message = f"analysis failed: {type(exc).__name__}: {exc}"
            return
        self.result.analysis_message = (
            f"{counts.claims} claims, {counts.discrepancies} discrepancies"
        )

    def analyse_after_ingest(self) -> None:
        """Refresh the analysis when this ingest stored documents, or when there is none yet."""
        if self.result.n_documents or not self._analysis_exists():
            self.analyse()

    def _analysis_exists(self) -> bool:
        statistics = models.STATISTICS
        with self.connection.begin():
            return self.connection.execute(select(statistics.c.id).limit(1)).first() is not None

    def finish(self) -> IngestResult:
        """Record the run's outcome."""
        result = self.result
        messages = [str(f) for f in result.failures[:20]]
        if len(result.failures) > 20:
            messages.append(f"... and {len(result.failures) - 20} more failures")
        if result.analysis_message:
            messages.append(result.analysis_message)
        runs = models.RUNS
        with self.connection.begin():
            self.connection.execute(
                update(runs)
                .where(runs.c.id == result.run_id)
                .values(
                    finished=_now(), status=result.status, n_documents=result.n_documents,
                    n_skipped=result.n_skipped, n_failed=len(result.failures), n_figures=result.n_figures,
                    message="\n".join(messages) or None,
                )
            )
        self.finished = True
        return result


def partitions(items: Iterable[Document | InputError], size: int, run: IngestRun) -> Iterator[Partition]:
    """The documents in numbered partitions of `size`, in input order; input errors are recorded on the run."""
    group: list[Document] = []
    number = 0
    for item in items:
        if isinstance(item, InputError):
            run.record_input_error(item)
            continue
        group.append(item)
        if len(group) >= size:
            yield Partition(number, group)
            group = []
            number += 1
    if group:
        yield Partition(number, group)


def _run_partitions(run: IngestRun, outcomes: Iterator[BatchOutcome]) -> None:
    """Record each partition's outcome on the run (also the part of an interrupted one that was written)."""
    try:
        for outcome in outcomes:
            run.record(outcome)
    except PartitionInterrupted as interrupted:
        run.record(interrupted.outcome)
        raise


def ingest_documents(
    items: Iterable[Document | InputError],
    db: str | None,
    *,
    progress: bool = False,
    jobs: int = 1,
    batch_size: int = BATCH_DOCUMENTS,
) -> IngestResult:
    """Store documents (and record input errors) as one ingest run, then refresh the analysis.

    The documents go in partitions of `batch_size`, each prepared and written in one transaction, on
    `jobs` processes (each with its own connection) or, with `jobs` <= 1, in this one.
    """
    with IngestRun(db, "ingest", progress=progress) as run:
        run_id = run.result.run_id
        # workers open their own connections and commit in partition order; here the run's connection serves
        task: Callable[[Partition], BatchOutcome] = (
            partial(store_partition_at, run.url, run_id) if jobs > 1 else partial(_store_here, run)
        )
        with ordered_writes() if jobs > 1 else nullcontext():
            _run_partitions(run, map_in_order(task, partitions(items, batch_size, run), jobs))
        run.analyse_after_ingest()
        return run.finish()


def _store_here(run: IngestRun, partition: Partition) -> BatchOutcome:
    return store_partition(run.connection, partition, run.result.run_id, run.sources)


def ingest_paths(
    paths: Sequence[str],
    db: str | None,
    *,
    progress: bool = False,
    jobs: int = 0,
    batch_size: int = BATCH_DOCUMENTS,
) -> IngestResult:
    """`tracker ingest PATH...`: files, directories and JSONL files into the store at `db`.

    `jobs` processes extract and store the documents; 0 picks one per core for large inputs, one for small.
    """
    return ingest_documents(
        read_documents(paths, directories=True),
        db,
        progress=progress,
        jobs=jobs or default_jobs(paths),
        batch_size=batch_size,
    )


def _document_id_pages(conn: Connection, size: int) -> Iterator[list[int]]:
    """Every stored document id in order, `size` at a time."""
    documents = models.DOCUMENTS
    last = 0
    while True:
        with conn.begin():
            page = list(
                conn.execute(
                    select(documents.c.id).where(documents.c.id > last).order_by(documents.c.id).limit(size)
                ).scalars()
            )
        if not page:
            return
        yield page
        last = page[-1]


def _stored_count(conn: Connection) -> int:
    documents = models.DOCUMENTS
    with conn.begin():
        return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())


def reextract(db: str | None, *, progress: bool = False, jobs: int = 0) -> IngestResult:
    """`tracker reextract`: extract every stored document again with this version, a partition per transaction.

    `jobs` processes do the work; 0 picks one per core for large stores, one for small ones.
    """
    path = sqlite_file(resolve_db_url(db))
    if path is not None and not path.exists():
        raise StoreError(f"no tracker database at {path}: nothing to re-extract")
    with IngestRun(db, "reextract", progress=progress) as run:
        conn = run.connection
        if jobs <= 0:
            jobs = 1 if _stored_count(conn) < PARALLEL_MIN_DOCUMENTS else max_jobs()
        task: Callable[[list[int]], BatchOutcome] = (
            partial(reextract_partition_at, run.url) if jobs > 1 else partial(_reextract_here, run)
        )
        _run_partitions(run, map_in_order(task, _document_id_pages(conn, BATCH_DOCUMENTS), jobs))
        run.analyse()
        return run.finish()


def _reextract_here(run: IngestRun, document_ids: list[int]) -> BatchOutcome:
    return reextract_partition(run.connection, document_ids, run.sources)
