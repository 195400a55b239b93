"""`tracker ingest PATH... --dask ADDRESS`: partitions of the inputs extracted and stored on a Dask cluster.

The client (this process) reads the inputs, cuts them into partitions of documents and submits each to the
cluster; a Dask worker runs `tracker.store.partition.store_partition_at` on it: it skips the texts stored
already, prepares the rest and writes them to the shared PostgreSQL database in one transaction,
idempotent by content hash (`INSERT ... ON CONFLICT DO NOTHING`). A worker that dies loses only its open
transaction: Dask runs the partition again elsewhere, and running the same command again stores what is
missing and nothing twice. The analysis then runs here, on the client.

Only this module imports Dask (the `cluster` extra), and only `tracker ingest --dask` imports this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import Connection, func, select
from sqlalchemy.engine import make_url

from tracker.documents import Document, read_documents
from tracker.errors import InputError, StoreError
from tracker.store import models
from tracker.store.engine import describe, is_sqlite, resolve_db_url
from tracker.store.ingest import IngestResult, IngestRun, partitions, settings_hash
from tracker.store.partition import Partition, store_partition_at
from tracker.store.writer import (
    BatchOutcome,
    DocumentFailure,
    content_hash,
    reserve_document_ids,
    stored_hashes,
)

if TYPE_CHECKING:
    from distributed import Client

#: Documents per Dask task: each is one transaction on the database.
PARTITION_DOCUMENTS: Final = 500
#: How long to wait for the scheduler to answer and for a first worker to join it.
CONNECT_TIMEOUT_SECONDS: Final = 10.0
#: Partitions submitted per worker thread before waiting for one to finish (the client's memory bound).
PARTITIONS_PER_THREAD: Final = 2


def check_cluster_database(db: str | None) -> str:
    """The database URL, refused unless it is PostgreSQL: every worker writes to it at once."""
    url = resolve_db_url(db)
    if is_sqlite(url):
        raise StoreError(
            f"--dask needs a PostgreSQL database every worker can reach (--db postgresql+psycopg://...), "
            f"not the SQLite file {describe(url)}"
        )
    if make_url(url).get_backend_name() != "postgresql":
        raise StoreError(f"--dask needs a PostgreSQL database (--db postgresql+psycopg://...), not {describe(url)}")
    return url


def connect(scheduler: str, timeout: float) -> Client:
    """A Dask client of the scheduler at `scheduler`, with at least one worker running this tracker."""
    try:
        from distributed import Client
        from distributed.comm.addressing import resolve_address
    except ImportError:
        raise StoreError("--dask needs the cluster extra: pip install 'tracker[cluster]'") from None
    try:
        address = resolve_address(scheduler)
    except ValueError as exc:
        raise StoreError(f"--dask {scheduler}: not a scheduler address ({exc})") from None
    except OSError as exc:
        raise StoreError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise StoreError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=timeout)
        _check_workers(client, scheduler)
    except TimeoutError:
        client.close()
        raise StoreError(
            f"the Dask scheduler at {scheduler} has no workers (start one: dask worker {scheduler})"
        ) from None
    except BaseException:
        client.close()
        raise
    return client


def _check_workers(client: Client, scheduler: str) -> None:
    """Every worker must extract exactly as this process does: the same tracker version and data files."""
    mine = settings_hash()
    try:
        theirs: dict[str, Any] = client.run(settings_hash)
    except Exception as exc:  # a worker without the tracker cannot even unpickle the call
        raise StoreError(
            f"the Dask workers of {scheduler} cannot run the tracker ({type(exc).__name__}: {exc}); "
            "install this tracker version on every worker"
        ) from None
    different = sorted(address for address, value in theirs.items() if value != mine)
    if different:
        raise StoreError(
            f"Dask worker {different[0]} runs another tracker version or other data files than this client; "
            "install the same tracker on every worker"
        )


def _new_documents(conn: Connection, partition: Partition, seen: set[str]) -> tuple[Partition, BatchOutcome]:
    """The partition without the texts stored or sent already, with ids reserved for its documents in order.

    Reserved ids make document ids follow the input order whichever worker commits first, as a
    single-process ingest's do (the analysis reads documents in id order).
    """
    digests = [content_hash(doc.text) for doc in partition.documents]
    with conn.begin():
        stored = stored_hashes(conn, set(digests))
        new = []
        for doc, digest in zip(partition.documents, digests, strict=True):
            if digest not in stored and digest not in seen:
                seen.add(digest)
                new.append(doc)
        ids = reserve_document_ids(conn, len(new))
    skipped = BatchOutcome(n_skipped=len(partition.documents) - len(new))
    return Partition(partition.number, new, tuple(ids)), skipped


def _count_what_the_run_stored(run: IngestRun) -> None:
    """Take the run's counts from the store: a worker killed after its commit reports nothing, and the
    partition's rerun finds its documents stored, so the futures alone would count them as skipped."""
    d, f = models.DOCUMENTS, models.FIGURES
    result = run.result
    with run.connection.begin():
        stored = run.connection.execute(
            select(func.count(d.c.id)).where(d.c.run_id == result.run_id)
        ).scalar_one()
        figures = run.connection.execute(
            select(func.count(f.c.id)).select_from(f.join(d, d.c.id == f.c.document_id))
            .where(d.c.run_id == result.run_id)
        ).scalar_one()
    result.n_skipped -= int(stored) - result.n_documents
    result.n_documents, result.n_figures = int(stored), int(figures)


def _failed_partition(names: Sequence[str], exc: BaseException) -> BatchOutcome:
    reason = f"not stored: its Dask task failed ({type(exc).__name__}: {exc})"
    return BatchOutcome(failures=[DocumentFailure(name, reason) for name in names])


def ingest_items_with_dask(
    items: Iterable[Document | InputError],
    db: str | None,
    scheduler: str,
    *,
    partition_size: int = PARTITION_DOCUMENTS,
    progress: bool = False,
    connect_timeout: float | None = None,
) -> IngestResult:
    """Store documents as one ingest run whose partitions run on the Dask cluster, then refresh the analysis."""
    url = check_cluster_database(db)
    client = connect(scheduler, connect_timeout or CONNECT_TIMEOUT_SECONDS)
    try:
        from distributed import as_completed

        with IngestRun(db, "ingest", progress=progress) as run:
            window = PARTITIONS_PER_THREAD * max(1, sum(client.nthreads().values()))
            names: dict[Any, list[str]] = {}  # future -> the documents of its partition
            finished = as_completed(loop=client.loop)

            def collect_one() -> None:
                future = next(finished)
                partition = names.pop(future)
                try:
                    outcome = future.result()
                except Exception as exc:  # the partition's documents are not stored; a rerun stores them
                    outcome = _failed_partition(partition, exc)
                future.release()
                run.record(outcome)

            seen: set[str] = set()  # the texts of this run: a text given twice is sent once
            for partition in partitions(items, partition_size, run):
                partition, skipped = _new_documents(run.connection, partition, seen)
                run.record(skipped)
                if not partition.documents:
                    continue
                future = client.submit(store_partition_at, url, run.result.run_id, partition, pure=False)
                names[future] = [doc.id for doc in partition.documents]
                finished.add(future)
                while len(names) >= window:
                    collect_one()
            while names:
                collect_one()
            _count_what_the_run_stored(run)
            run.analyse_after_ingest()
            return run.finish()
    finally:
        client.close()


def ingest_paths_with_dask(
    paths: Sequence[str],
    db: str | None,
    scheduler: str,
    *,
    partition_size: int = PARTITION_DOCUMENTS,
    progress: bool = False,
) -> IngestResult:
    """`tracker ingest PATH... --dask ADDRESS`: files, directories and JSONL files through the Dask cluster."""
    return ingest_items_with_dask(
        read_documents(paths, directories=True), db, scheduler, partition_size=partition_size, progress=progress
    )
