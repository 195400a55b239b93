"""The report's manifest.json (what went in) and what changed since the previous report in the same folder."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from tracker.report.formatting import format_date, py
from tracker.report.model import HeadlineRow

MANIFEST_NAME = "manifest.json"
#: 2: figure ids as ranges ("figure_id_ranges"); 1 listed every id ("figure_ids"), and is still read.
MANIFEST_FORMAT = 2


def id_ranges(ids: Iterable[int]) -> list[list[int]]:
    """Ids as [first, last] runs of consecutive ids, in order ([1, 2, 3, 7] -> [[1, 3], [7, 7]])."""
    ranges: list[list[int]] = []
    for i in sorted(set(ids)):
        if ranges and i == ranges[-1][1] + 1:
            ranges[-1][1] = i
        else:
            ranges.append([i, i])
    return ranges


def _ranges_of(manifest: dict[str, Any]) -> list[list[int]]:
    """A manifest's figure ids as ranges, whichever format wrote it."""
    if "figure_id_ranges" in manifest:
        return [[int(a), int(b)] for a, b in manifest["figure_id_ranges"]]
    return id_ranges(int(i) for i in manifest.get("figure_ids", []))


def count_not_in(ranges: list[list[int]], before: list[list[int]]) -> int:
    """How many ids of `ranges` no range of `before` holds (both sorted, neither overlapping itself)."""
    n, j = 0, 0
    for first, last in ranges:
        n += last - first + 1
        while j < len(before) and before[j][1] < first:
            j += 1
        k = j
        while k < len(before) and before[k][0] <= last:
            n -= min(last, before[k][1]) - max(first, before[k][0]) + 1
            k += 1
    return n


def build_manifest(*, report_date: str, built_at: str, tracker_version: str, documents: pd.DataFrame,
                   figure_ids: Iterable[int], headline: list[HeadlineRow],
                   exports: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The manifest of one report: documents with content hashes, figure ids (as ranges), headline values,
    versions, and the open-data exports written beside it (format -> files)."""
    ranges = id_ranges(figure_ids)
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
        "n_figures": sum(last - first + 1 for first, last in ranges),
        "figure_id_ranges": ranges,
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
    n_new = count_not_in(_ranges_of(current), _ranges_of(previous))
    before_headline = previous.get("headline", {})
    changes = [
        HeadlineChange(label, str(before_headline.get(label, "")), after)
        for label, after in current["headline"].items()
        if before_headline.get(label) != after
    ]
    return Changes(str(previous.get("report_date", "")), new_docs, n_new, changes)
