"""`tracker ingest --dask`: a LocalCluster of two worker processes stores into PostgreSQL exactly what one
process stores, and a worker killed mid-run loses nothing once the same command is run again."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.store.conftest import POSTGRES_ENV, postgres_unavailable
from tests.store.corpus import small_documents, write_jsonl
from tests.store.stored_rows import DOCUMENT_TABLES, stored_rows
from tracker.store.cluster import ingest_paths_with_dask
from tracker.store.ingest import ingest_paths

pytestmark = pytest.mark.postgres

PROJECT = Path(__file__).resolve().parents[2]
N_DOCUMENTS = 2000
#: Upper bound on waiting for the command (not a timed assertion: the test fails only if it hangs).
PATIENCE_SECONDS = 300


def _postgres() -> str:
    base = os.environ.get(POSTGRES_ENV)
    reason = postgres_unavailable(base)
    if reason is not None:
        pytest.skip(reason)
    assert base is not None
    return base


@contextmanager
def _schema_database(base: str) -> Iterator[str]:
    """A database URL whose search_path is a fresh schema of its own, dropped afterwards."""
    schema = f"t_dask_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False
        )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    """2,000 generated documents as JSONL."""
    return write_jsonl(tmp_path_factory.mktemp("dask") / "corpus.jsonl", small_documents(N_DOCUMENTS, seed=12))


@pytest.fixture(scope="module")
def single_process(corpus: str) -> Iterator[dict[str, list[Any]]]:
    """Every row a single-process ingest of the corpus stores in PostgreSQL."""
    with _schema_database(_postgres()) as db:
        result = ingest_paths([corpus], db, jobs=1)
        assert result.ok and result.n_documents == N_DOCUMENTS, result.summary_line()
        yield stored_rows(db)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a LocalCluster with two worker processes, one thread each."""
    _postgres()
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster:
        yield cluster.scheduler_address


def _count(db: str, sql: str) -> int:
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar_one())
    finally:
        engine.dispose()


def test_a_cluster_stores_exactly_the_rows_one_process_stores(
    scheduler: str, corpus: str, single_process: dict[str, list[Any]]
) -> None:
    with _schema_database(_postgres()) as db:
        result = ingest_paths_with_dask([corpus], db, scheduler, partition_size=125)
        assert result.ok, result.summary_line()
        assert (result.n_documents, result.n_skipped) == (N_DOCUMENTS, 0)
        rows = stored_rows(db)
        assert rows["claims"], "the analysis found nothing to compare"
        assert rows == single_process
        again = ingest_paths_with_dask([corpus], db, scheduler, partition_size=125)
        assert (again.ok, again.n_documents, again.n_skipped) == (True, 0, N_DOCUMENTS)
        assert stored_rows(db) == single_process


def test_a_worker_killed_mid_run_loses_nothing_once_the_command_runs_again(
    scheduler: str, corpus: str, single_process: dict[str, list[Any]]
) -> None:
    from distributed import Client

    with _schema_database(_postgres()) as db, Client(scheduler, set_as_default=False) as client:
        command = [sys.executable, "-m", "tracker", "ingest", corpus, "--dask", scheduler, "--db", db,
                   "--partition-size", "50"]
        first = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + PATIENCE_SECONDS
        stored = 0
        while first.poll() is None and time.monotonic() < deadline:
            try:
                stored = _count(db, "SELECT count(*) FROM documents")
            except Exception:  # the schema is not created yet
                stored = 0
            if stored >= 100:
                break
            time.sleep(0.02)
        victim = sorted(client.run(os.getpid).values())[0]
        os.kill(victim, signal.SIGKILL)
        assert 100 <= stored < N_DOCUMENTS, "the run ended before a worker could be killed"
        _, stderr = first.communicate(timeout=PATIENCE_SECONDS)
        assert first.returncode in (0, 1), stderr.decode()  # ok, or partial with one line per lost document

        rerun = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, timeout=PATIENCE_SECONDS)
        assert rerun.returncode == 0, rerun.stderr
        assert "0 failed" in rerun.stderr
        assert stored_rows(db, DOCUMENT_TABLES) == {t: single_process[t] for t in DOCUMENT_TABLES}
        stored_by_runs = _count(db, "SELECT sum(n_documents) FROM runs WHERE kind = 'ingest'")
        assert stored_by_runs == N_DOCUMENTS  # each document stored by exactly one run
