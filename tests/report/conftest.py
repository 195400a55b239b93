"""Shared fixtures of the report tests: a real store built from seeds/ and its report."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.report.build import ReportResult, build_report
from tracker.store.ingest import ingest_paths

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding the five seed articles (built once per test worker)."""
    db = str(tmp_path_factory.mktemp("seeds-db") / "tracker.db")
    result = ingest_paths([str(SEEDS)], db, progress=False)
    assert result.ok, result.summary_line()
    return db


@pytest.fixture(scope="session")
def seeds_report(seeds_db: str, tmp_path_factory: pytest.TempPathFactory) -> ReportResult:
    """The report of the seeds store."""
    return build_report(seeds_db, str(tmp_path_factory.mktemp("seeds-report")), None)
