"""Ingest in partitions: worker processes store what one process stores, in the same order; a failing
partition is written document by document; concurrent writers never store a text or a source twice."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.store.conftest import fake_extract, query, row_counts
from tests.store.corpus import small_documents, write_jsonl
from tests.store.stored_rows import DOCUMENT_TABLES, stored_rows
from tracker.cli import cli
from tracker.documents import Document
from tracker.errors import StoreError
from tracker.extract import extract
from tracker.figure import Figure
from tracker.store import ingest as ingest_module
from tracker.store import prepare as prepare_module
from tracker.store import writer as writer_module
from tracker.store.ingest import ingest_paths, reextract
from tracker.store.partition import Partition, ordered_writes, store_partition_at
from tracker.store.prepare import DocumentContent

PROJECT = Path(__file__).resolve().parents[2]
#: Upper bound on waiting for a thread (not a timed assertion: the test fails only if it hangs).
PATIENCE_SECONDS = 120


@pytest.fixture
def no_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the documents: the analysis is not run."""
    monkeypatch.setattr(ingest_module.IngestRun, "analyse", lambda self: None)


def _corpus(tmp_path: Path, count: int, seed: int = 7) -> str:
    return write_jsonl(tmp_path / f"corpus-{count}-{seed}.jsonl", small_documents(count, seed=seed))


@pytest.mark.parametrize(
    ("jobs", "batch_size"),
    [
        pytest.param(2, 7, id="two-workers-small-partitions"),
        pytest.param(1, 7, id="one-process-small-partitions"),
        pytest.param(2, 500, id="two-workers-one-partition"),
    ],
)
def test_partitions_and_workers_store_what_one_document_at_a_time_stores(
    db: str, tmp_path: Path, no_analysis: None, jobs: int, batch_size: int
) -> None:
    corpus = _corpus(tmp_path, 120)
    reference = str(tmp_path / "reference.db")
    assert ingest_paths([corpus], reference, jobs=1, batch_size=1).ok
    result = ingest_paths([corpus], db, jobs=jobs, batch_size=batch_size)
    assert (result.ok, result.n_documents, result.n_skipped) == (True, 120, 0)
    assert result.n_figures == row_counts(reference)["figures"]
    expected = stored_rows(reference, DOCUMENT_TABLES)
    assert stored_rows(db, DOCUMENT_TABLES) == expected
    keys = [row.key for row in query(db, "SELECT key FROM documents ORDER BY id")]
    assert keys == [f"gen-{i:05d}" for i in range(120)]  # ids follow the input order, whoever wrote first


def test_worker_processes_run_the_same_analysis_as_one_process(tmp_path: Path, fake_pipeline: None) -> None:
    corpus = _corpus(tmp_path, 80, seed=3)
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    assert ingest_paths([corpus], one, jobs=1).ok
    assert ingest_paths([corpus], two, jobs=2, batch_size=5).ok
    rows = stored_rows(one)
    assert rows["claims"], "the stand-in analysis found nothing to compare"
    assert stored_rows(two) == rows


def test_a_partition_that_cannot_be_written_is_written_one_document_at_a_time(
    db: str, tmp_path: Path, no_analysis: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = writer_module.write_content

    def refusing_poison(conn: object, contents: list[tuple[int, DocumentContent]], *args: object, **kw: object) -> int:
        if any("poison" in s["text"] for _, content in contents for s in content.sentences):
            raise StoreError("the database refused a poisoned sentence")
        return original(conn, contents, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(writer_module, "write_content", refusing_poison)
    docs = small_documents(6, seed=5)
    docs[3]["text"] = "A poison sentence.\n" + docs[3]["text"]
    corpus = write_jsonl(tmp_path / "corpus.jsonl", docs)
    result = ingest_paths([corpus], db, jobs=1, batch_size=10)
    assert [(f.path, f.reason) for f in result.failures] == [("gen-00003", "the database refused a poisoned sentence")]
    assert (result.n_documents, result.status) == (5, "partial")
    assert [r.key for r in query(db, "SELECT key FROM documents ORDER BY id")] == [
        "gen-00000", "gen-00001", "gen-00002", "gen-00004", "gen-00005"
    ]
    counts = row_counts(db)
    expected_figures = sum(len(extract(d["text"], doc=d["id"])) for i, d in enumerate(docs) if i != 3)
    assert counts["figures"] == expected_figures
    assert query(db, "SELECT count(*) AS n FROM sentences WHERE text LIKE '%poison%'")[0].n == 0


def test_a_text_given_twice_is_stored_once_even_in_partitions_written_by_different_workers(
    db: str, tmp_path: Path, no_analysis: None
) -> None:
    docs = small_documents(40, seed=9)
    docs.append({"id": "copy-of-3", "text": docs[3]["text"]})
    docs.append({"id": "copy-of-30", "text": docs[30]["text"]})
    corpus = write_jsonl(tmp_path / "corpus.jsonl", docs)
    result = ingest_paths([corpus], db, jobs=2, batch_size=1)
    assert (result.n_documents, result.n_skipped, result.ok) == (40, 2, True)
    assert row_counts(db)["documents"] == 40
    assert "copy-of-3" not in {r.key for r in query(db, "SELECT key FROM documents")}


def test_concurrent_writers_never_store_a_text_or_a_source_twice(db: str, tmp_path: Path, no_analysis: None) -> None:
    assert ingest_paths([], db).ok  # creates the store and run 1
    url = ingest_module.resolve_db_url(db)
    docs = [Document(d["id"], d["text"], "corpus") for d in small_documents(90, seed=13)]
    # overlapping halves in opposite orders: the same texts and sources reach both writers at once
    first, second = docs[:60], list(reversed(docs[30:]))
    outcomes: list[object] = []
    errors: list[BaseException] = []

    def write(part: list[Document], number: int) -> None:
        try:
            for start in range(0, len(part), 10):
                outcomes.append(store_partition_at(url, 1, Partition(number, part[start : start + 10])))
        except BaseException as exc:  # any error fails the test
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(part, n)) for n, part in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    stored = sum(o.n_documents for o in outcomes)  # type: ignore[attr-defined]
    skipped = sum(o.n_skipped for o in outcomes)  # type: ignore[attr-defined]
    assert (stored, skipped) == (90, 30)
    counts = row_counts(db)
    assert counts["documents"] == 90
    assert counts["figures"] == sum(len(extract(d.text, doc=d.id)) for d in docs)
    names = {f.source for d in docs for f in extract(d.text, doc=d.id) if f.source}
    assert sorted(r.name for r in query(db, "SELECT name FROM sources")) == sorted(names)


def test_a_partition_whose_database_fails_fails_alone_and_passes_its_turn_on(
    tmp_path: Path, no_analysis: None
) -> None:
    db = str(tmp_path / "tracker.db")
    assert ingest_paths([], db).ok  # creates the store and run 1
    url = ingest_module.resolve_db_url(db)
    unreachable = f"sqlite:///{tmp_path}/no/such/folder/tracker.db"
    docs = [Document(d["id"], d["text"], "corpus") for d in small_documents(9, seed=17)]
    parts = [Partition(n, docs[3 * n : 3 * n + 3]) for n in range(3)]
    outcomes: dict[int, Any] = {}
    with ordered_writes():
        threads = [
            threading.Thread(
                target=lambda n=n: outcomes.__setitem__(
                    n, store_partition_at(unreachable if n == 1 else url, 1, parts[n])
                )
            )
            for n in (2, 1, 0)  # started in reverse: partition 2 must wait for 0, and for 1, which fails
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=PATIENCE_SECONDS)
    assert not any(thread.is_alive() for thread in threads), "a partition waited for a turn never passed on"
    assert [f.name for f in outcomes[1].failures] == [d.id for d in parts[1].documents]
    assert "unable to open database file" in outcomes[1].failures[0].reason
    assert (outcomes[0].n_documents, outcomes[2].n_documents) == (3, 3)
    keys = [r.key for r in query(db, "SELECT key FROM documents ORDER BY id")]
    assert keys == [d.id for d in parts[0].documents + parts[2].documents]


def test_reextract_on_workers_replaces_every_document(
    db: str, tmp_path: Path, fake_pipeline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path, 120, seed=21)
    assert ingest_paths([corpus], db, jobs=1).ok

    def newer(text: str, doc: str = "", *, published: object = None, sentences: object = None) -> list[Figure]:
        return [f.replace(tracker_version="newer") for f in fake_extract(text, doc)]

    monkeypatch.setattr(prepare_module, "extract", newer)
    before = row_counts(db)["figures"]
    result = reextract(db, jobs=2)
    assert (result.ok, result.n_documents, result.n_figures) == (True, 120, before)
    versions = query(db, "SELECT tracker_version, count(*) AS n FROM figures GROUP BY tracker_version")
    assert [(r.tracker_version, r.n) for r in versions] == [("newer", before)]


def test_cli_ingest_takes_jobs_and_partition_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_module.IngestRun, "analyse", lambda self: None)
    corpus = _corpus(tmp_path, 30)
    db = str(tmp_path / "tracker.db")
    result = CliRunner().invoke(cli, ["ingest", corpus, "--db", db, "--jobs", "2", "--partition-size", "4"])
    assert result.exit_code == 0, result.output
    assert "30 new documents, 0 already stored, 0 failed" in result.output
    runs = query(db, "SELECT n_documents, status FROM runs")
    assert [(r.n_documents, r.status) for r in runs] == [(30, "ok")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--db", "{tmp}/tracker.db"], "needs a PostgreSQL database", id="sqlite-file"),
        pytest.param(["--db", "mysql://u@127.0.0.1/x"], "needs a PostgreSQL database", id="another-server"),
        pytest.param(["--db", "postgresql+psycopg://u@127.0.0.1:1/x"], "cannot reach the Dask scheduler",
                     id="unreachable-scheduler"),
        pytest.param(["--dask", "nonsense::", "--db", "postgresql+psycopg://u@127.0.0.1:1/x"],
                     "not a scheduler address", id="not-an-address"),
    ],
)
def test_cli_ingest_dask_refuses_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    from tracker.store import cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_SECONDS", 0.5)
    corpus = _corpus(tmp_path, 3)
    dask = [] if "--dask" in args else ["--dask", "tcp://127.0.0.1:1"]
    result = CliRunner().invoke(cli, ["ingest", corpus, *dask, *[a.format(tmp=tmp_path) for a in args]])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tracker: ") and message in lines[0], result.output
    assert not (tmp_path / "tracker.db").exists()


def test_cli_ingest_refuses_jobs_with_dask(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", _corpus(tmp_path, 1), "--dask", "tcp://127.0.0.1:1", "--jobs", "2"])
    assert result.exit_code == 2
    assert "--jobs" in result.output


def test_ingest_without_dask_imports_nothing_of_dask(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 5)
    program = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tracker.cli import cli\n"
        f"result = CliRunner().invoke(cli, ['ingest', {corpus!r}, '--db', {str(tmp_path / 'x.db')!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    out = subprocess.run([sys.executable, "-c", program], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
