"""Text -> figure records: the extraction pipeline."""

from __future__ import annotations

from tracker.extract.pipeline import extract

__all__ = ["extract"]
