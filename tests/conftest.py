"""Fixtures shared by the test folders: a real store built from seeds/."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from tracker.store.ingest import ingest_paths

# The tests compile thousands of patterns of their own (hypothesis makes them up): they keep them in a cache
# of this run, not in the user's (tracker.patterns), and the subprocesses they start inherit it.
os.environ.setdefault("TRACKER_CACHE_DIR", tempfile.mkdtemp(prefix="tracker-test-cache-"))

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding the five seed articles, analysed (built once per test worker)."""
    db = str(tmp_path_factory.mktemp("seeds-db") / "tracker.db")
    result = ingest_paths([str(SEEDS)], db, progress=False)
    assert result.ok, result.summary_line()
    return db
