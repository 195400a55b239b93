"""`tracker ingest` and `tracker reextract`: documents -> figures -> store, one transaction per document.

A document is keyed by the SHA-256 of its text: ingesting it again adds nothing. A document that fails
(unreadable input, a value the store cannot hold, an extractor error) leaves no rows and does not stop the
others. After the documents, the corpus analysis is refreshed in one transaction. Every run is recorded.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from typing import Any, Final, TypeVar

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.exc import SQLAlchemyError, StatementError

from tracker import __version__
from tracker.documents import Document, read_documents
from tracker.errors import InputError, StoreError, TrackerError
from tracker.extract import extract
from tracker.extract.sentences import split_sentences
from tracker.store import models
from tracker.store.engine import describe, error_text, make_engine, resolve_db_url, sqlite_file
from tracker.store.metadata import metadata_from_text, parse_published
from tracker.store.migrate import ensure_schema
from tracker.store.persist_analysis import find_analyzer, refresh_analysis
from tracker.store.writer import SourceRegistry, content_hash, insert_document, replace_content, run_values

#: Documents re-extracted per page when walking the store.
REEXTRACT_PAGE: Final = 500

T = TypeVar("T")


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


def _progress(items: Iterable[T], enabled: bool, unit: str, total: int | None = None) -> Iterable[T]:
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, unit=unit, total=total, file=sys.stderr, dynamic_ncols=True)


def _store_error_message(exc: Exception) -> str:
    """The readable reason behind a store error (SQLAlchemy wraps errors raised by column types)."""
    if isinstance(exc, StatementError) and isinstance(exc.orig, TrackerError):
        return str(exc.orig)
    if isinstance(exc, SQLAlchemyError):
        return f"cannot be stored: {error_text(exc)}"
    return str(exc)


class _Runner:
    """The state of one run: engine, connection, sources cache, result."""

    def __init__(self, db: str | None, kind: str) -> None:
        self.url = resolve_db_url(db)
        self.engine: Engine = make_engine(self.url, writer=True)
        self.sources = SourceRegistry()
        self.conn: Connection | None = None
        self.kind = kind
        self.result = IngestResult(kind=kind, run_id=0)
        self.finished = False

    def __enter__(self) -> _Runner:
        try:
            ensure_schema(self.engine)
            self.conn = self.engine.connect()
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

    def in_transaction(self, work: Any, name: str) -> Any:
        """Run `work(conn)` in its own transaction; a failure is recorded under `name` and leaves no rows."""
        conn = self.connection
        try:
            with conn.begin():
                value = work(conn)
        except (TrackerError, SQLAlchemyError) as exc:
            self.sources.rolled_back()
            self.result.failures.append(InputError(name, _store_error_message(exc)))
            return None
        except Exception as exc:  # an extractor bug must not stop the night's run
            self.sources.rolled_back()
            self.result.failures.append(InputError(name, f"extraction failed: {type(exc).__name__}: {exc}"))
            return None
        self.sources.committed()
        return value

    def analyse(self) -> None:
        """Refresh the corpus analysis; a failure is reported in the summary and makes the run not ok."""
        try:
            analyzer = find_analyzer()
            if analyzer is None:
                self.result.analysis_message = "analysis not available in this version"
                return
            analysis = refresh_analysis(self.connection, analyzer, self.sources)
        except Exception as exc:  # the documents are stored; the run reports the analysis failure
            self.result.analysis_failed = True
            self.result.analysis_message = f"analysis failed: {type(exc).__name__}: {exc}"
            return
        self.result.analysis_message = (
            f"{len(analysis.claims)} claims, {len(analysis.discrepancies)} discrepancies"
        )

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


def document_values(doc: Document, digest: str, run_id: int) -> dict[str, Any]:
    """The documents-row values of an input document: JSONL metadata first, then what its text states."""
    stated = metadata_from_text(doc.text)
    try:
        published = parse_published(doc.published)
    except TrackerError:
        published = None
    return {
        "content_hash": digest,
        "key": doc.id,
        "path": doc.path,
        "url": doc.url,
        "outlet": doc.outlet or stated.outlet,
        "title": doc.title or stated.title,
        "published": published or stated.published,
        "ingested_at": _now(),
        "text": doc.text,
        "run_id": run_id,
    }


def _is_stored(conn: Connection, digest: str) -> bool:
    documents = models.DOCUMENTS
    return conn.execute(select(documents.c.id).where(documents.c.content_hash == digest)).first() is not None


def ingest_documents(
    items: Iterable[Document | InputError], db: str | None, *, progress: bool = False
) -> IngestResult:
    """Store documents (and record input errors) as one ingest run, then refresh the analysis."""
    with _Runner(db, "ingest") as runner:
        result = runner.result
        for item in _progress(items, progress, "doc"):
            if isinstance(item, InputError):
                result.failures.append(item)
                continue
            digest = content_hash(item.text)
            stored = runner.in_transaction(
                lambda conn, doc=item, d=digest: _store_new(conn, runner, doc, d), item.id
            )
            if stored is None:
                continue
            if stored < 0:  # the same text is already stored (under any name)
                result.n_skipped += 1
                continue
            result.n_documents += 1
            result.n_figures += stored
        if result.n_documents or not _analysis_exists(runner.connection):
            runner.analyse()
        return runner.finish()


def _analysis_exists(conn: Connection) -> bool:
    statistics = models.STATISTICS
    with conn.begin():
        return conn.execute(select(statistics.c.id).limit(1)).first() is not None


def _store_new(conn: Connection, runner: _Runner, doc: Document, digest: str) -> int:
    """Extract and store one new document; its number of figures, or -1 when it is already stored."""
    if _is_stored(conn, digest):
        return -1
    values = document_values(doc, digest, runner.result.run_id)
    figures = extract(doc.text, doc=doc.id, published=values["published"])
    sentences = split_sentences(doc.text)
    document_id = insert_document(conn, values)
    return replace_content(conn, document_id, sentences, figures, runner.sources)


def ingest_paths(paths: Sequence[str], db: str | None, *, progress: bool = False) -> IngestResult:
    """`tracker ingest PATH...`: files, directories and JSONL files into the store at `db`."""
    return ingest_documents(read_documents(paths, directories=True), db, progress=progress)


def _document_ids(conn: Connection) -> Iterator[int]:
    documents = models.DOCUMENTS
    last = 0
    while True:
        with conn.begin():
            page = conn.execute(
                select(documents.c.id)
                .where(documents.c.id > last)
                .order_by(documents.c.id)
                .limit(REEXTRACT_PAGE)
            ).scalars().all()
        if not page:
            return
        yield from page
        last = page[-1]


def _reextract_one(conn: Connection, runner: _Runner, document_id: int) -> int:
    documents = models.DOCUMENTS
    row = conn.execute(
        select(documents.c.key, documents.c.text, documents.c.published).where(documents.c.id == document_id)
    ).one()
    figures = extract(row.text, doc=row.key, published=row.published)
    return replace_content(conn, document_id, split_sentences(row.text), figures, runner.sources, replace=True)


def reextract(db: str | None, *, progress: bool = False) -> IngestResult:
    """`tracker reextract`: extract every stored document again with this version, one transaction each."""
    path = sqlite_file(resolve_db_url(db))
    if path is not None and not path.exists():
        raise StoreError(f"no tracker database at {path}: nothing to re-extract")
    with _Runner(db, "reextract") as runner:
        result = runner.result
        for document_id in _progress(_document_ids(runner.connection), progress, "doc"):
            stored = runner.in_transaction(
                lambda conn, i=document_id: _reextract_one(conn, runner, i), f"document {document_id}"
            )
            if stored is not None:
                result.n_documents += 1
                result.n_figures += stored
        runner.analyse()
        return runner.finish()
