"""An ingest analyses again only the groups of documents its new documents join (by event), and the store
then holds exactly what a full `tracker reanalyze` gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.corpus import news_documents, write_jsonl
from tests.store.stored_rows import stored_rows
from tracker.store.engine import make_engine
from tracker.store.ingest import IngestRun, ingest_paths, reextract
from tracker.store.persist_analysis import AnalysisCounts, refresh_analysis
from tracker.store.reanalyze import reanalyze
from tracker.store.writer import SourceRegistry

ANALYSIS_TABLES = ("events", "statistics", "claims", "mentions", "discrepancies", "revisions", "syndication",
                   "figures")


def _analyse(db: str, *, everything: bool = False) -> AnalysisCounts:
    engine = make_engine(db, writer=True)
    try:
        with engine.connect() as conn:
            return refresh_analysis(conn, SourceRegistry(), everything=everything)
    finally:
        engine.dispose()


def _ingest(tmp_path: Path, db: str, name: str, docs: list[dict[str, str]]) -> None:
    result = ingest_paths([write_jsonl(tmp_path / f"{name}.jsonl", docs)], db)
    assert result.ok, result.summary_line()


@pytest.mark.parametrize(
    ("batches", "seed"),
    [
        pytest.param((30, 10, 1), 3, id="thirty-then-ten-then-one"),
        pytest.param((5, 5, 5, 5), 11, id="four-small-batches"),
        pytest.param((25, 8), 29, id="twenty-five-then-eight"),
    ],
)
def test_incremental_ingests_store_what_a_full_reanalysis_stores(
    tmp_path: Path, batches: tuple[int, ...], seed: int
) -> None:
    db = str(tmp_path / "tracker.db")
    first = 0
    for i, size in enumerate(batches):
        _ingest(tmp_path, db, f"batch-{i}", news_documents(size, seed=seed + i, first=first))
        first += size
    incremental = stored_rows(db, ANALYSIS_TABLES)
    assert incremental["statistics"] and incremental["revisions"] and incremental["discrepancies"]
    reanalyze(db)
    assert stored_rows(db, ANALYSIS_TABLES) == incremental


def _kharkiv(count: int, first: int) -> list[dict[str, str]]:
    return [d for d in news_documents(200, seed=6, first=first) if "Kharkiv" in d["text"]][:count]


def test_new_documents_of_one_event_are_analysed_with_their_group_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "tracker.db")
    stories = news_documents(40, seed=5)
    _ingest(tmp_path, db, "first", stories)
    assert _analyse(db).groups_analysed == 0  # nothing new: nothing to do
    everything = _analyse(db, everything=True)
    monkeypatch.setattr(IngestRun, "analyse", lambda self: None)
    _ingest(tmp_path, db, "more", _kharkiv(3, first=40))
    counts = _analyse(db)
    assert counts.groups_analysed == 1
    assert counts.documents_analysed == 3 + sum("Kharkiv" in d["text"] for d in stories)
    assert everything.groups_analysed > 1 and everything.documents_analysed == 40
    after = stored_rows(db, ANALYSIS_TABLES)
    reanalyze(db)
    assert stored_rows(db, ANALYSIS_TABLES) == after


def test_a_reextracted_store_is_analysed_again(tmp_path: Path) -> None:
    db = str(tmp_path / "tracker.db")
    _ingest(tmp_path, db, "first", news_documents(12, seed=8))
    before = stored_rows(db, ANALYSIS_TABLES)
    assert reextract(db).ok
    assert stored_rows(db, ("events", "statistics", "claims", "discrepancies", "revisions")) == {
        t: before[t] for t in ("events", "statistics", "claims", "discrepancies", "revisions")
    }
