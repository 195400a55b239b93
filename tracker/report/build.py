"""Building the report folder (index.html, charts, CSVs, manifest.json) and the nightly run."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from tracker import __version__
from tracker.errors import ReportError, TrackerError
from tracker.patterns import compile_pattern
from tracker.report.charts import casualty_chart, revisions_chart, timelines_chart
from tracker.report.export import write_csv, write_csv_rows
from tracker.report.formatting import format_date, py
from tracker.report.manifest import build_manifest, compare_manifests, previous_manifest, write_manifest
from tracker.report.model import (
    DOCUMENTS_SHOWN,
    PageLimits,
    ReportData,
    ReportSource,
    figure_rows,
    load_report_data,
)
from tracker.report.render import provenance_html, render_page
from tracker.store import open as open_store
from tracker.store.api import CLAIM_COLUMNS, FIGURE_COLUMNS

_DATE = compile_pattern(r"\d{4}-\d{2}-\d{2}")
CHART_FILE = "casualties.png"
TIMELINES_FILE = "timelines.png"
CSV_FILES = ("figures.csv", "claims.csv", "discrepancies.csv")
#: Called after each phase of a build with its name ("read", "charts", ...); the benchmark times them.
PhaseHook = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class ReportResult:
    """A written report: where it is and what it holds."""

    path: Path  # the index.html
    folder: Path  # OUT/DATE/
    report_date: str
    built_at: str
    n_documents: int
    n_figures: int
    n_statistics: int
    n_discrepancies: int

    def summary_line(self) -> str:
        """One line for people: the date, the counts and the page's path."""
        return (f"report {self.report_date}: {self.n_documents:,} documents, {self.n_figures:,} figures, "
                f"{self.n_statistics:,} statistics, {self.n_discrepancies:,} discrepancies -> {self.path}")


class IngestOutcome(Protocol):
    """What `tracker.store.ingest.ingest_paths` returns (the parts the nightly run reads)."""

    @property
    def failures(self) -> Sequence[Any]:
        """The inputs that could not be read or stored."""
        ...

    @property
    def ok(self) -> bool:
        """Whether every input was ingested."""
        ...

    def summary_line(self) -> str:
        """One line for people."""
        ...


@dataclass(frozen=True, slots=True)
class NightlyResult:
    """A nightly run: the ingest outcome and the report written after it."""

    ingest: IngestOutcome
    report: ReportResult
    failures: list[Any] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every input was ingested (the report is written either way)."""
        return bool(self.ingest.ok) and not self.failures

    def summary_line(self) -> str:
        """The ingest's summary and the report's, on one line."""
        return f"{self.ingest.summary_line()}; {self.report.summary_line()}"


def report_date_for(documents: pd.DataFrame, date: str | None, now: datetime) -> str:
    """The report's date: `date` if given (YYYY-MM-DD), else the newest document's, else the build date."""
    if date is not None:
        if not _DATE.fullmatch(date):
            raise ReportError(f"report date {date!r}: expected YYYY-MM-DD")
        try:
            datetime.strptime(date, "%Y-%m-%d")
        except ValueError:
            raise ReportError(f"report date {date!r}: no such day") from None
        return date
    if not documents.empty:
        newest = pd.to_datetime(documents["published"], utc=True, errors="coerce").max()
        if py(newest) is not None:
            return format_date(newest)
    return now.date().isoformat()


def _document_rows(documents: pd.DataFrame, limit: int = DOCUMENTS_SHOWN) -> list[dict[str, Any]]:
    """The `limit` newest documents, oldest first, as the documents table shows them."""
    keys = dict(zip(documents["document_id"].tolist(), documents["key"].tolist(), strict=True))
    newest = documents.sort_values(["published", "key"], ascending=[False, True], na_position="last",
                                   kind="stable").head(limit)
    frame = newest.sort_values(["published", "key"], na_position="last", kind="stable")
    rows = []
    for rec in frame.to_dict("records"):
        origin = py(rec["origin_document_id"])
        rows.append({
            "key": str(rec["key"]),
            "title": py(rec["title"]) or "",
            "outlet": py(rec["outlet"]) or "",
            "published": format_date(rec["published"]),
            "n_figures": int(py(rec["n_figures"]) or 0),
            "origin": str(keys.get(origin, "")) if origin is not None else "",
        })
    return rows


def _write_event_charts(data: ReportData, folder: Path) -> dict[int, str]:
    """Draw each shown event's revision chart; event id -> file name."""
    files: dict[int, str] = {}
    for view in data.event_views:
        if view.revision_charts:
            name = f"event-{view.event_id}-revisions.png"
            revisions_chart(view.revision_charts, folder / name)
            files[view.event_id] = name
    return files


def _write_charts(data: ReportData, folder: Path) -> str | None:
    """Draw the charts into the report folder; the timelines file name, or None when there is none."""
    casualty_chart(data.chart_bars, folder / CHART_FILE, total=data.n_chart_candidates)
    timelines = folder / TIMELINES_FILE
    if not data.timelines:
        timelines.unlink(missing_ok=True)
        return None
    timelines_chart(data.timelines, timelines)
    return TIMELINES_FILE


#: Writes open-data exports into a report folder; format -> the files written (tracker.export.write).
Exporter = Callable[[Path], Mapping[str, Sequence[Path]]]


def _export_links(exporter: Exporter | None, folder: Path) -> dict[str, list[str]]:
    """Run the exporter into the report folder; format -> its files relative to the folder (for links)."""
    if exporter is None:
        return {}
    return {name: [p.relative_to(folder).as_posix() for p in paths] for name, paths in exporter(folder).items()}


def _format_titles() -> dict[str, str]:
    from tracker.export import FORMAT_TITLES

    return dict(FORMAT_TITLES)


def write_report(store: ReportSource, out: str | Path, date: str | None = None, *,
                 now: datetime | None = None, exporter: Exporter | None = None,
                 on_phase: PhaseHook | None = None, limits: PageLimits | None = None) -> ReportResult:
    """Write the report of everything in `store` into OUT/DATE/ and return where it went; with an
    `exporter`, the open-data exports it writes into the folder are linked from the page and the manifest;
    `limits` caps the rows the page lists of the tables that grow with the store."""
    phase = on_phase or (lambda _name: None)
    now = now or datetime.now(UTC)
    built_at = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    data = load_report_data(store, limits)
    phase("read")
    report_date = report_date_for(data.documents, date, now)
    out_dir = Path(out)
    folder = out_dir / report_date
    try:
        folder.mkdir(parents=True, exist_ok=True)
        exports = _export_links(exporter, folder)
        phase("exports")
        manifest = build_manifest(report_date=report_date, built_at=built_at, tracker_version=__version__,
                                  documents=data.documents, figure_ids=data.figure_ids, headline=data.headline,
                                  exports=exports)
        changes = compare_manifests(manifest, previous_manifest(out_dir, report_date))
        phase("manifest")
        timelines_file = _write_charts(data, folder)
        event_charts = _write_event_charts(data, folder)
        phase("charts")
        write_csv_rows(figure_rows(store, data.statistics), folder / "figures.csv",
                       {**FIGURE_COLUMNS, "statistic_label": "object"})
        write_csv_rows(store.claim_rows(), folder / "claims.csv", CLAIM_COLUMNS)
        write_csv(data.discrepancies, folder / "discrepancies.csv", "discrepancy_id")
        phase("CSVs")
        provenance = data.provenance if data.provenance is not None else pd.DataFrame(columns=list(FIGURE_COLUMNS))
        page = render_page(
            report_date=report_date, built_at=built_at, tracker_version=__version__,
            n_documents=len(data.documents), n_figures=data.n_figures, n_statistics=len(data.statistics),
            n_claims=data.n_claims, n_discrepancies=len(data.discrepancies),
            headline=data.headline, changes=changes, chart_file=CHART_FILE, timelines_file=timelines_file,
            events=data.event_views, event_charts=event_charts, n_events=len(data.events),
            timeline_labels=[t.label for t in data.timelines],
            discrepancies=data.discrepancy_views, documents=_document_rows(data.documents, data.limits.documents),
            provenance=provenance_html(provenance), n_provenance=len(provenance),
            provenance_newest=data.limits.provenance_newest, documents_shown=data.limits.documents,
            exports=exports, export_names=_format_titles(),
        )
        index = folder / "index.html"
        index.write_text(page, encoding="utf-8")
        write_manifest(manifest, folder)
        phase("page")
    except OSError as exc:
        raise ReportError(f"cannot write the report into {folder}: {exc.strerror or exc}") from None
    return ReportResult(index, folder, report_date, built_at, len(data.documents), data.n_figures,
                        len(data.statistics), len(data.discrepancies))


def build_report(db: str | None, out: str, date: str | None, exports: Sequence[str] = ()) -> ReportResult:
    """Open the store `db` (None: $TRACKER_DB, else ./tracker.db) and write its report into OUT/DATE/, with
    the open-data `exports` (tracker.export.FORMATS) beside it."""
    try:
        with open_store(db) as store:
            exporter: Exporter | None = None
            if exports:
                from tracker.export.write import write_exports

                exporter = lambda folder: write_exports(store, exports, folder).files  # noqa: E731
            return write_report(store, out, date, exporter=exporter)
    except TrackerError:
        raise
    except (KeyError, ValueError, TypeError) as exc:
        raise ReportError(f"cannot build the report: {type(exc).__name__}: {exc}") from exc


def run_nightly(paths: Sequence[str], db: str | None, out: str, date: str | None, *,
                progress: bool = False, exports: str = "") -> NightlyResult:
    """Ingest `paths`, then write the report with the `exports` ("hxl,datapackage") beside it; failed inputs
    are listed and the report is still written."""
    from tracker.export.write import parse_formats
    from tracker.store.ingest import ingest_paths

    formats = parse_formats(exports) if exports else ()  # a wrong format fails before the ingest
    ingest = ingest_paths(paths, db, progress=progress)
    report = build_report(db, out, date, formats)
    return NightlyResult(ingest, report, list(ingest.failures))
