"""Ingest and reextract: idempotent, one transaction per document, failures isolated, analysis persisted."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.store.conftest import fake_extract, query, row_counts
from tracker.analysis.types import Analysis, SyndicationOut
from tracker.cli import cli
from tracker.extract import extract
from tracker.figure import Figure
from tracker.store import ingest as ingest_module
from tracker.store import prepare as prepare_module
from tracker.store.api import Store
from tracker.store.ingest import ingest_paths, reextract

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
KILLED = "At least 826 people, including 111 civilians, have been killed, the Observatory said.\n"
DISPLACED = "The fighting displaced about 370,000 people.\n"


def _write(folder: Path, name: str, text: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_ingesting_the_seeds_twice_adds_nothing(db: str) -> None:
    first = ingest_paths([str(SEEDS)], db)
    counts = row_counts(db)
    second = ingest_paths([str(SEEDS)], db)
    assert first.ok and second.ok
    assert first.n_documents == 5
    assert counts["documents"] == 5
    assert row_counts(db) == counts
    assert second.summary_line().startswith("ingest: 0 new documents, 5 already stored, 0 failed")


def test_seed_figure_826_has_two_provenance_rows(db: str) -> None:
    seed = (SEEDS / "001_b8d919ebe9cd4a53.txt").read_text(encoding="utf-8")
    if not any(f.value == 826 for f in extract(seed)):
        pytest.skip("the extractor does not find 826 in the seeds yet")
    ingest_paths([str(SEEDS)], db)
    rows = query(db, "SELECT * FROM figure_provenance WHERE value = 826")
    assert len(rows) == 2
    assert {row.document_key for row in rows} == {
        str(SEEDS / "001_b8d919ebe9cd4a53.txt"),
        str(SEEDS / "003_d5e02479a46ce486.txt"),
    }
    for row in rows:
        assert "826" in row.sentence
        assert row.source == "Syrian Observatory for Human Rights"
        assert row.category == "killed"


def test_unreadable_inputs_are_reported_by_name_and_do_not_stop_the_others(db: str, tmp_path: Path) -> None:
    good = _write(tmp_path / "in", "good.txt", KILLED)
    binary = tmp_path / "in" / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    latin = tmp_path / "in" / "latin.txt"
    latin.write_bytes("Caf\xe9 with 12 people".encode("latin-1"))
    result = ingest_paths([str(binary), good, str(latin), str(tmp_path / "missing.txt")], db)
    assert not result.ok
    assert result.n_documents == 1
    assert sorted(Path(f.path).name for f in result.failures) == ["binary.txt", "latin.txt", "missing.txt"]
    assert row_counts(db)["documents"] == 1
    run = query(db, "SELECT status, n_failed, n_documents, message FROM runs")[-1]
    assert (run.status, run.n_failed, run.n_documents) == ("partial", 3, 1)
    assert "binary.txt" in run.message


def test_cli_ingest_exit_status_is_nonzero_when_an_input_fails(db: str, tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", KILLED)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    result = CliRunner().invoke(cli, ["ingest", good, str(bad), "--db", db])
    assert result.exit_code == 1
    assert "bad.txt" in result.output
    assert "1 new document, 0 already stored, 1 failed" in result.output
    ok = CliRunner().invoke(cli, ["ingest", good, "--db", db])
    assert ok.exit_code == 0, ok.output
    assert "0 new documents, 1 already stored" in ok.output


def test_a_failure_in_the_middle_of_a_document_leaves_no_rows(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def breaking_extract(text: str, doc: str = "", *, published: object = None,
            sentences: object = None) -> list[Figure]:
        figures = fake_extract(text, doc)
        if "poison" in text:  # the last figure cannot be stored: NaN
            figures.append(figures[-1].replace(value=math.nan, source="Only In The Failed Document"))
        return figures

    monkeypatch.setattr(prepare_module, "extract", breaking_extract)
    good = _write(tmp_path, "good.txt", KILLED)
    poisoned = _write(tmp_path, "poison.txt", "poison: " + KILLED + DISPLACED)
    result = ingest_paths([poisoned, good], db)
    assert [Path(f.path).name for f in result.failures] == ["poison.txt"]
    assert "cannot be stored" in result.failures[0].reason
    counts = row_counts(db)
    assert counts["documents"] == 1
    assert counts["figures"] == len(fake_extract(KILLED))
    assert counts["sentences"] == 1
    assert query(db, "SELECT name FROM sources WHERE name = 'Only In The Failed Document'") == []


def test_figures_are_stored_with_every_contract_field_and_their_links(
    db: str, tmp_path: Path, fake_pipeline: None
) -> None:
    path = _write(tmp_path, "a.txt", "Headline\n\n" + KILLED + DISPLACED)
    result = ingest_paths([path], db)
    assert result.ok, result.failures
    expected = fake_extract(Path(path).read_text(encoding="utf-8"), path)
    with Store(db) as store:
        figures = store.figures()
    assert len(figures) == len(expected) == 3
    for (_, row), figure in zip(figures.iterrows(), expected, strict=True):
        for field in (
            "doc",
            "start",
            "end",
            "text",
            "sentence",
            "sentence_start",
            "sentence_end",
            "value",
            "qualifier",
            "unit",
            "entity",
            "category",
            "source",
            "source_text",
            "source_kind",
            "tracker_version",
        ):
            stored = None if _missing(row[field]) else row[field]
            assert stored == getattr(figure, field), field
        assert (None if _missing(row["high"]) else row["high"]) == figure.high
    ids = list(figures["figure_id"])
    assert figures["parent_id"].tolist()[1] == ids[0]  # "including 111 civilians" is part of 826 people
    assert _missing(figures["parent_id"].tolist()[0])
    aliases = query(db, "SELECT s.name, a.alias FROM source_aliases a JOIN sources s ON s.id = a.source_id")
    assert [(r.name, r.alias) for r in aliases] == [("Syrian Observatory for Human Rights", "the Observatory")]
    linked = query(
        db,
        "SELECT count(*) AS n FROM figures f JOIN sentences s ON s.id = f.sentence_id "
        'WHERE f.start >= s.start AND f.end <= s."end"',
    )
    assert linked[0].n == 3


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))


def test_analysis_results_are_stored(db: str, tmp_path: Path, fake_pipeline: None) -> None:
    a = _write(tmp_path, "a.txt", KILLED)
    b = _write(tmp_path, "b.txt", "Reports say 900 people have been killed.\n")
    result = ingest_paths([a, b], db)
    assert result.ok
    counts = row_counts(db)
    assert counts["statistics"] == 1  # one category in the stand-in: killed
    assert counts["claims"] == 3  # 826 (Observatory), 111 (Observatory), 900 (no source)
    assert counts["mentions"] == 3
    assert counts["discrepancies"] == 1
    summary = query(db, "SELECT * FROM discrepancy_summary")
    assert summary[0].kind == "value"


def test_syndication_links_are_stored(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def analyzer(docs: Any) -> Analysis:
        ids = [d.document_id for d in docs]
        return Analysis((), (), (), (), (), (SyndicationOut(ids[1], ids[0], 0.9),), {}, {}, {}, {})

    monkeypatch.setattr(ingest_module, "find_analyzer", lambda: analyzer)
    ingest_paths([_write(tmp_path, "a.txt", KILLED), _write(tmp_path, "b.txt", KILLED + "More.\n")], db)
    with Store(db) as store:
        docs = store.documents()
    assert _missing(docs["origin_document_id"].iloc[0])
    assert docs["origin_document_id"].iloc[1] == docs["document_id"].iloc[0]


def test_a_failing_analysis_keeps_the_documents_and_the_previous_results(
    db: str, tmp_path: Path, fake_pipeline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths([_write(tmp_path, "a.txt", KILLED)], db)
    before = row_counts(db)

    def broken(docs: Any) -> Analysis:
        list(docs)
        raise RuntimeError("boom")

    monkeypatch.setattr(ingest_module, "find_analyzer", lambda: broken)
    result = ingest_paths([_write(tmp_path, "b.txt", DISPLACED)], db)
    assert not result.ok
    assert "analysis failed: RuntimeError: boom" in result.summary_line()
    after = row_counts(db)
    assert after["documents"] == 2
    assert {k: after[k] for k in ("statistics", "claims", "mentions")} == {
        k: before[k] for k in ("statistics", "claims", "mentions")
    }


def test_reextract_replaces_figures_and_is_recorded(
    db: str, tmp_path: Path, fake_pipeline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths([_write(tmp_path, "a.txt", KILLED), _write(tmp_path, "b.txt", DISPLACED)], db)
    assert row_counts(db)["figures"] == 3

    def newer(text: str, doc: str = "", *, published: object = None, sentences: object = None) -> list[Figure]:
        return [f.replace(tracker_version="newer") for f in fake_extract(text, doc)[:1]]

    monkeypatch.setattr(prepare_module, "extract", newer)
    result = reextract(db)
    assert result.ok
    assert result.summary_line().startswith("reextract: 2 documents re-extracted, 0 failed, 2 figures stored")
    assert [r.tracker_version for r in query(db, "SELECT tracker_version FROM figures")] == ["newer", "newer"]
    assert row_counts(db)["mentions"] == 2  # the analysis was refreshed over the new figures
    runs = query(db, "SELECT kind, status, n_documents FROM runs ORDER BY id")
    assert [(r.kind, r.status, r.n_documents) for r in runs] == [("ingest", "ok", 2), ("reextract", "ok", 2)]


def test_jsonl_metadata_is_stored(db: str, tmp_path: Path, fake_pipeline: None) -> None:
    lines = [
        {
            "id": "wire-1",
            "text": KILLED,
            "title": "Rebels advance",
            "url": "https://example.org/1",
            "outlet": "Example News",
            "published": "2024-12-08T09:00:00Z",
        },
        {"id": "wire-2", "text": "date 2024-12-07\n" + DISPLACED},
        {"id": "wire-3", "text": "Nothing dated here.\n", "published": "last Sunday"},
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert ingest_paths([str(path)], db).ok
    with Store(db) as store:
        docs = store.documents()
    assert docs["key"].tolist() == ["wire-1", "wire-2", "wire-3"]
    assert docs["title"].tolist()[0] == "Rebels advance"
    assert docs["url"].tolist()[0] == "https://example.org/1"
    assert docs["outlet"].tolist()[0] == "Example News"
    assert docs["path"].tolist() == [str(path)] * 3
    published = docs["published"].tolist()
    assert str(published[0]) == "2024-12-08 09:00:00+00:00"
    assert str(published[1]) == "2024-12-07 00:00:00+00:00"
    assert _missing(published[2])  # unreadable stays null, never guessed


def test_same_text_under_another_name_is_already_stored(db: str, tmp_path: Path, fake_pipeline: None) -> None:
    first = _write(tmp_path / "x", "a.txt", KILLED)
    copy = tmp_path / "y" / "a-copy.txt"
    copy.parent.mkdir()
    shutil.copy(first, copy)
    result = ingest_paths([first, str(copy)], db)
    assert (result.n_documents, result.n_skipped) == (1, 1)


def test_a_broken_analysis_package_does_not_stop_the_documents(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unimportable() -> None:
        raise ImportError("cannot import name 'x' from 'tracker.analysis.context'")

    monkeypatch.setattr(ingest_module, "find_analyzer", unimportable)
    result = ingest_paths([_write(tmp_path, "a.txt", KILLED)], db)
    assert (result.n_documents, result.ok) == (1, False)
    assert "analysis failed: ImportError" in result.summary_line()
    assert query(db, "SELECT status FROM runs")[0].status == "partial"


def test_progress_bar_goes_to_stderr(
    db: str, tmp_path: Path, fake_pipeline: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ingest_paths([_write(tmp_path, "a.txt", KILLED)], db, progress=True).ok
    captured = capsys.readouterr()
    assert "doc" in captured.err and captured.out == ""


def test_an_interrupted_run_is_recorded_as_failed_and_keeps_whole_documents(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted_on_the_second(text: str, doc: str = "", *, published: object = None,
            sentences: object = None) -> list[Figure]:
        if doc.endswith("b.txt"):
            raise KeyboardInterrupt
        return fake_extract(text, doc)

    monkeypatch.setattr(prepare_module, "extract", interrupted_on_the_second)
    with pytest.raises(KeyboardInterrupt):
        ingest_paths([_write(tmp_path, "a.txt", KILLED), _write(tmp_path, "b.txt", DISPLACED)], db)
    run = query(db, "SELECT status, n_documents, message FROM runs")[0]
    assert (run.status, run.n_documents, run.message) == ("failed", 1, "run stopped: interrupted")
    assert row_counts(db)["documents"] == 1


def test_reextract_refuses_a_missing_database(tmp_path: Path) -> None:
    from tracker.errors import StoreError

    with pytest.raises(StoreError, match="no tracker database"):
        reextract(str(tmp_path / "absent.db"))
    assert not (tmp_path / "absent.db").exists()
