"""A store built by the 0.1.0 release upgrades in place: the same documents and figures, now analysed.

`data/tracker-0.1.0.db` is the seeds ingested by tracker 0.1.0 (commit 0aba389, `tracker ingest seeds`).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.store.migrate import head_revision

RELEASE_DB = Path(__file__).parent / "data" / "tracker-0.1.0.db"

#: What 0.1.0 stored about each document and figure; the upgrade must keep every value of these columns.
KEPT = {
    "documents": "SELECT id, content_hash, key, path, url, outlet, title, published, text FROM documents",
    "sentences": "SELECT id, document_id, \"index\", start, \"end\", text FROM sentences",
    "figures": (
        "SELECT id, document_id, \"index\", start, \"end\", text, value, low, high, qualifier, unit, entity, "
        "category, source_id, source_text, parent_id FROM figures"
    ),
    "sources": "SELECT id, name FROM sources",
    "runs": "SELECT id, kind, tracker_version, n_documents, n_figures FROM runs",
}


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        return {table: sorted(conn.execute(sql).fetchall(), key=repr) for table, sql in KEPT.items()}


@pytest.fixture
def release_db(tmp_path: Path) -> Path:
    db = tmp_path / "tracker.db"
    shutil.copyfile(RELEASE_DB, db)
    return db


def test_the_release_store_is_at_the_first_revision(release_db: Path) -> None:
    with sqlite3.connect(release_db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]


def test_upgrade_keeps_documents_and_figures_and_analyses_them(release_db: Path) -> None:
    before = _rows(release_db)
    result = CliRunner().invoke(cli, ["db", "upgrade", "--db", str(release_db)])
    assert result.exit_code == 0, result.output
    assert _rows(release_db) == before
    with sqlite3.connect(release_db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
        n_events = conn.execute("SELECT count(*) FROM events WHERE historical = 0").fetchone()[0]
        placed = conn.execute("SELECT count(*) FROM figures WHERE country = 'SYR'").fetchone()[0]
        in_statistics = conn.execute("SELECT count(*) FROM figures WHERE statistic_id IS NOT NULL").fetchone()[0]
        analysed = conn.execute("SELECT count(*) FROM documents WHERE analyzed_version IS NULL").fetchone()[0]
    assert n_events >= 1
    assert placed > 0 and in_statistics > 0
    assert analysed == 0, "every stored document gets its analysis on upgrade"


def test_upgraded_store_reports_the_same_documents_and_figures(release_db: Path, tmp_path: Path) -> None:
    before = _rows(release_db)
    assert CliRunner().invoke(cli, ["db", "upgrade", "--db", str(release_db)]).exit_code == 0
    result = CliRunner().invoke(cli, ["report", "--db", str(release_db), "--out", str(tmp_path / "reports")])
    assert result.exit_code == 0, result.output
    (page,) = (tmp_path / "reports").glob("*/index.html")
    html = page.read_text(encoding="utf-8")
    for (_, _, key, *_rest) in before["documents"]:
        assert str(key) in html
    with sqlite3.connect(release_db) as conn:
        assert conn.execute("SELECT count(*) FROM figures").fetchone()[0] == len(before["figures"])
