"""Shared fixtures of the export tests: every export of the seeds store (tests/conftest.py builds it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tracker.export import FORMATS
from tracker.export.write import ExportResult, export_store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def exported(seeds_db: str, tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    """Every export format of the seeds store, written once."""
    return export_store(seeds_db, ",".join(FORMATS), tmp_path_factory.mktemp("exports"))


def run_tracker(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """The `tracker` command in a subprocess, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, check=False)
