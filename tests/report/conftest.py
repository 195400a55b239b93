"""Shared fixtures of the report tests: the report of the seeds store (tests/conftest.py builds the store)."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, SEEDS
from tracker.report.build import ReportResult, build_report

__all__ = ["ROOT", "SEEDS"]  # the report tests import them from here


@pytest.fixture(scope="session")
def seeds_report(seeds_db: str, tmp_path_factory: pytest.TempPathFactory) -> ReportResult:
    """The report of the seeds store."""
    return build_report(seeds_db, str(tmp_path_factory.mktemp("seeds-report")), None)
