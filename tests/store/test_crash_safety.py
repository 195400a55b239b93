"""Crash safety and concurrent reads on SQLite: a killed ingest leaves whole documents; readers never fail."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.store.conftest import query
from tests.store.corpus import small_documents, write_jsonl
from tracker.extract import extract
from tracker.extract.sentences import split_sentences
from tracker.store import ingest as ingest_module
from tracker.store.api import Store
from tracker.store.ingest import ingest_paths
from tracker.store.migrate import upgrade

PROJECT = Path(__file__).resolve().parents[2]
#: Upper bound on waiting for the child process (not a timed assertion: the test fails only if it hangs).
PATIENCE_SECONDS = 120


def _start_ingest(corpus: str, db: str, *options: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tracker", "ingest", corpus, "--db", db, *options],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the test kills the ingest with its workers
    )


def _stored_documents(db: str) -> int:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize(
    "options",
    [
        pytest.param((), id="one-process"),
        pytest.param(("--jobs", "2", "--partition-size", "10"), id="two-worker-processes"),
    ],
)
def test_a_killed_ingest_leaves_only_whole_documents_and_a_rerun_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: tuple[str, ...]
) -> None:
    docs = small_documents(1000)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", docs)
    db = str(tmp_path / "tracker.db")
    upgrade(db)
    child = _start_ingest(corpus, db, *options)
    deadline = time.monotonic() + PATIENCE_SECONDS
    while _stored_documents(db) < 20 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.killpg(child.pid, signal.SIGKILL)  # the ingest and its worker processes at once, as a crash does
    child.wait()
    assert child.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store(db) as store:  # opens cleanly through the API too
        assert len(store.documents()) >= 20
    by_key = {d["id"]: d["text"] for d in docs}
    stored = query(db, "SELECT id, key, text FROM documents ORDER BY id")
    assert 20 <= len(stored) < 1000
    for row in stored:
        assert row.text == by_key[row.key]
        expected = [(f.start, f.end, f.value, f.category) for f in extract(row.text, doc=row.key)]
        figures = query(
            db,
            'SELECT start, "end", value, category FROM figures WHERE document_id = :d ORDER BY "index"',
            d=row.id,
        )
        assert [tuple(f) for f in figures] == expected, row.key
        n_sentences = query(db, "SELECT count(*) AS n FROM sentences WHERE document_id = :d", d=row.id)[0].n
        assert n_sentences == len(split_sentences(row.text))
    killed_run = query(db, "SELECT status, finished FROM runs ORDER BY id")[-1]
    assert (killed_run.status, killed_run.finished) == ("running", None)

    monkeypatch.setattr(ingest_module.IngestRun, "analyse", lambda self: None)  # this test is about the documents
    rerun = ingest_paths([corpus], db)
    assert rerun.ok, rerun.failures
    assert (rerun.n_documents, rerun.n_skipped) == (1000 - len(stored), len(stored))
    assert _stored_documents(db) == 1000


def test_readers_never_fail_while_an_ingest_writes(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", small_documents(200, seed=11))
    db = str(tmp_path / "tracker.db")
    upgrade(db)
    errors: list[BaseException] = []
    seen: list[int] = []
    stop = threading.Event()

    def read_in_a_loop() -> None:
        try:
            with Store(db) as store:
                while not stop.is_set():
                    seen.append(int(store.sql("SELECT count(*) AS n FROM figure_provenance")["n"].iloc[0]))
                    store.figures(category="killed")
        except BaseException as exc:  # any error at all fails the test
            errors.append(exc)

    reader = threading.Thread(target=read_in_a_loop)
    reader.start()
    child = _start_ingest(corpus, db)
    try:
        _, stderr = child.communicate(timeout=PATIENCE_SECONDS)
    finally:
        stop.set()
        reader.join()
    assert child.returncode == 0, stderr.decode()
    assert errors == []
    assert seen == sorted(seen)  # each read sees a whole committed state, never a partial one going back
    assert len(set(seen)) > 2  # the reads did happen while the ingest was writing
    assert _stored_documents(db) == 200
