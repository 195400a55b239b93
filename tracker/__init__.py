"""tracker: casualty and statistic figures from news text, with provenance."""

from __future__ import annotations

__version__ = "0.1.0"

from tracker.errors import TrackerError
from tracker.extract import extract
from tracker.figure import Figure
from tracker.store import open

__all__ = ["Figure", "TrackerError", "__version__", "extract", "open"]
