"""The report's manifest.json (what went in) and what changed since the previous report in the same folder."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from tracker.report.formatting import format_date, py
from tracker.report.model import HeadlineRow

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1


def build_manifest(*, report_date: str, built_at: str, tracker_version: str, documents: pd.DataFrame,
                   figure_ids: list[int], headline: list[HeadlineRow],
                   exports: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The manifest of one report: documents with content hashes, figure ids, headline values, versions,
    and the open-data exports written beside it (format -> files)."""
    docs = documents.sort_values(["key", "document_id"]) if not documents.empty else documents
    return {
        "format": MANIFEST_FORMAT,
        "report_date": report_date,
        "built_at": built_at,
        "tracker_version": tracker_version,
        "documents": [
            {
                "document_id": int(rec["document_id"]),
                "key": str(rec["key"]),
                "content_hash": py(rec["content_hash"]),
                "published": format_date(rec["published"]) or None,
                "n_figures": int(py(rec["n_figures"]) or 0),
            }
            for rec in docs.to_dict("records")
        ],
        "figure_ids": sorted(figure_ids),
        "headline": {row.label: row.bounds for row in headline},
        "exports": exports or {},
    }


def write_manifest(manifest: dict[str, Any], folder: Path) -> Path:
    """Write manifest.json into the report folder (stable key order)."""
    path = folder / MANIFEST_NAME
    text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def previous_manifest(out: Path, report_date: str) -> dict[str, Any] | None:
    """The manifest of the newest report in `out` dated before `report_date` (unreadable ones skipped)."""
    candidates = sorted(
        (p for p in out.glob(f"*/{MANIFEST_NAME}") if p.parent.name < report_date),
        key=lambda p: p.parent.name, reverse=True,
    )
    for path in candidates:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            return data
    return None


@dataclass(frozen=True, slots=True)
class HeadlineChange:
    """A headline statistic whose latest value changed (before is "" when the statistic is new)."""

    label: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Changes:
    """What is new since the previous report."""

    previous_date: str | None
    new_documents: list[str] = field(default_factory=list)
    n_new_figures: int = 0
    headline_changes: list[HeadlineChange] = field(default_factory=list)

    @property
    def first_report(self) -> bool:
        """Whether there was no earlier report to compare with."""
        return self.previous_date is None


def compare_manifests(current: dict[str, Any], previous: dict[str, Any] | None) -> Changes:
    """The documents, figures and headline values in `current` that `previous` did not have."""
    if previous is None:
        return Changes(previous_date=None)
    before_docs = {(d.get("key"), d.get("content_hash")) for d in previous.get("documents", [])}
    new_docs = [d["key"] for d in current["documents"] if (d["key"], d["content_hash"]) not in before_docs]
    before_figures = set(previous.get("figure_ids", []))
    n_new = sum(1 for f in current["figure_ids"] if f not in before_figures)
    before_headline = previous.get("headline", {})
    changes = [
        HeadlineChange(label, str(before_headline.get(label, "")), after)
        for label, after in current["headline"].items()
        if before_headline.get(label) != after
    ]
    return Changes(str(previous.get("report_date", "")), new_docs, n_new, changes)
