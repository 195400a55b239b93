"""What the report shows, from a store's DataFrames: headline, chart rows, timelines, quotes, provenance."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import pandas as pd
from markupsafe import Markup

from tracker.figure import CASUALTY_CATEGORIES
from tracker.report.formatting import (
    format_bounds,
    format_date,
    highlight,
    py,
    representative_value,
    to_float,
)
from tracker.store.api import FIGURE_COLUMNS

#: How many claims the casualty chart draws (the rest are in the tables and claims.csv).
CHART_MAX_BARS = 30
#: How many statistics get a timeline chart.
TIMELINE_MAX_STATISTICS = 8
#: How many sentences each side of a discrepancy quotes.
QUOTES_PER_SIDE = 3
#: How many events the report leads with (the most reported; the rest are listed in a table).
EVENTS_SHOWN = 12
#: How many statistics of one event get a revision chart.
REVISION_CHARTS_PER_EVENT = 4
#: How many discrepancies the discrepancies section quotes (those of the most reported statistics), and how
#: many each event shows; all are in discrepancies.csv.
DISCREPANCIES_SHOWN = 50
DISCREPANCIES_PER_EVENT = 6
#: How many documents the documents table lists (the newest; manifest.json lists them all).
DOCUMENTS_SHOWN = 500
#: How many of the most recently published figures the provenance appendix lists, besides the figure behind
#: each headline statistic (figures.csv holds them all).
PROVENANCE_NEWEST = 500


class ReportSource(Protocol):
    """What the report reads: the pandas API of `tracker.open()` (a `Store`).

    Tables that grow with the figures (figures, claims, revisions) are read in part: the rows a page shows,
    chosen by the store, and the full tables in chunks for the CSV files.
    """

    def figures(self, category: Any = None, since: Any = None, source: Any = None, *,
                ids: Sequence[int] | None = None, claims: Sequence[int] | None = None,
                statistics: Sequence[int] | None = None, newest: int | None = None) -> pd.DataFrame:
        """One row per figure, filtered."""
        ...

    def figure_rows(self) -> Iterator[tuple[Any, ...]]:
        """Every figure as a tuple of plain values (FIGURE_COLUMNS), by figure id."""
        ...

    def figure_ids(self) -> list[int]:
        """The ids of every figure."""
        ...

    def statistics(self) -> pd.DataFrame:
        """One row per statistic."""
        ...

    def statistic_activity(self) -> pd.DataFrame:
        """Per statistic: days reported and revisions."""
        ...

    def claims(self, category: Any = None, unit: Any = None, *, ids: Sequence[int] | None = None,
               most_reported: int | None = None) -> pd.DataFrame:
        """One row per claim, filtered."""
        ...

    def claim_rows(self) -> Iterator[tuple[Any, ...]]:
        """Every claim as a tuple of plain values (CLAIM_COLUMNS), by claim id."""
        ...

    def discrepancies(self) -> pd.DataFrame:
        """One row per discrepancy."""
        ...

    def documents(self) -> pd.DataFrame:
        """One row per document."""
        ...

    def events(self) -> pd.DataFrame:
        """One row per event."""
        ...

    def revisions(self, statistics: Sequence[int] | None = None) -> pd.DataFrame:
        """One row per revision, optionally of some statistics only."""
        ...


@dataclass(frozen=True, slots=True)
class HeadlineRow:
    """One casualty statistic with its latest claim."""

    statistic_id: int
    label: str
    category: str
    bounds: str
    source: str
    published: str
    n_documents: int
    n_origins: int
    n_claims: int
    parent_label: str


@dataclass(frozen=True, slots=True)
class ChartBar:
    """One claim drawn in the casualty chart: a value with its bounds (high None: open upper bound)."""

    label: str
    category: str
    value: float
    low: float | None
    high: float | None
    open_upper: bool
    text: str


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """One mention of a statistic on its publication date."""

    when: pd.Timestamp
    source: str
    value: float
    low: float | None
    high: float | None
    open_upper: bool


@dataclass(frozen=True, slots=True)
class Timeline:
    """A statistic's mentions over time."""

    statistic_id: int
    label: str
    points: tuple[TimelinePoint, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A sentence that carries one side of a discrepancy."""

    sentence: Markup
    doc: str
    outlet: str
    published: str


@dataclass(frozen=True, slots=True)
class DiscrepancyView:
    """A discrepancy with each side's claim and the sentences that state it."""

    statistic_label: str
    kind: str
    description: str
    bounds_a: str
    source_a: str
    quotes_a: tuple[Quote, ...]
    bounds_b: str
    source_b: str
    quotes_b: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class RevisionLine:
    """One source's running toll of one statistic: its values in time order (x: date, or step number)."""

    source: str
    points: tuple[tuple[pd.Timestamp | None, float], ...]


@dataclass(frozen=True, slots=True)
class RevisionChart:
    """A statistic's revisions, one line per source."""

    statistic_id: int
    label: str
    lines: tuple[RevisionLine, ...]


@dataclass(frozen=True, slots=True)
class EventView:
    """An event as the report leads with it: its statistics, their revisions and its discrepancies."""

    event_id: int
    label: str
    type: str
    place: str
    start: str
    n_documents: int
    headline: tuple[HeadlineRow, ...]
    revision_charts: tuple[RevisionChart, ...]
    discrepancies: tuple[DiscrepancyView, ...]


@dataclass(frozen=True, slots=True)
class PageLimits:
    """How many rows of the tables that grow with the store the page shows (the CSVs and manifest.json hold all)."""

    discrepancies: int = DISCREPANCIES_SHOWN
    discrepancies_per_event: int = DISCREPANCIES_PER_EVENT
    documents: int = DOCUMENTS_SHOWN
    provenance_newest: int = PROVENANCE_NEWEST


@dataclass(slots=True)
class ReportData:
    """Everything the page and the charts show, computed from one store."""

    documents: pd.DataFrame
    statistics: pd.DataFrame
    discrepancies: pd.DataFrame
    events: pd.DataFrame
    figure_ids: list[int] = field(default_factory=list)
    n_claims: int = 0
    event_views: list[EventView] = field(default_factory=list)
    headline: list[HeadlineRow] = field(default_factory=list)
    chart_bars: list[ChartBar] = field(default_factory=list)
    n_chart_candidates: int = 0
    timelines: list[Timeline] = field(default_factory=list)
    discrepancy_views: list[DiscrepancyView] = field(default_factory=list)
    provenance: pd.DataFrame | None = None  # the figures the appendix lists
    limits: PageLimits = field(default_factory=PageLimits)

    @property
    def n_figures(self) -> int:
        """How many figures the store holds."""
        return len(self.figure_ids)


def _text(value: Any, missing: str = "") -> str:
    value = py(value)
    return missing if value is None else str(value)


def _int(value: Any) -> int:
    value = py(value)
    return 0 if value is None else int(value)


def _open_upper(qualifier: Any, high: Any) -> bool:
    return _text(qualifier) in ("at_least", "more_than") and to_float(high) is None


def _is_casualty(frame: pd.DataFrame) -> pd.Series:
    return frame["category"].astype("object").isin(CASUALTY_CATEGORIES)


def _category_rank(frame: pd.DataFrame) -> pd.Series:
    order = {c: i for i, c in enumerate(CASUALTY_CATEGORIES)}
    return frame["category"].astype("object").map(order).fillna(len(order)).astype(int)


def _magnitude(frame: pd.DataFrame, value: str, low: str, high: str) -> pd.Series:
    out = pd.to_numeric(frame[value], errors="coerce").astype("float64")
    for col in (low, high):
        out = out.fillna(pd.to_numeric(frame[col], errors="coerce").astype("float64"))
    return out.fillna(0.0)


def headline_rows(statistics: pd.DataFrame) -> list[HeadlineRow]:
    """The casualty statistics with their current value, by category then size; children after parents."""
    stats = statistics[_is_casualty(statistics)].copy()
    if stats.empty:
        return []
    stats["_rank"] = _category_rank(stats)
    stats["_size"] = _magnitude(stats, "latest_value", "latest_low", "latest_high")
    stats = stats.sort_values(["_rank", "_size", "label", "statistic_id"],
                              ascending=[True, False, True, True])
    labels = dict(zip(statistics["statistic_id"].tolist(), statistics["label"].tolist(), strict=True))
    rows = []
    for rec in stats.to_dict("records"):
        parent = py(rec["parent_statistic_id"])
        rows.append(HeadlineRow(
            statistic_id=int(rec["statistic_id"]),
            label=_text(rec["label"]),
            category=_text(rec["category"]),
            bounds=format_bounds(rec["latest_value"], rec["latest_low"], rec["latest_high"],
                                 rec["latest_qualifier"]),
            source=_text(rec["latest_source"], "unattributed"),
            published=format_date(rec["latest_published"]),
            n_documents=_int(rec["n_documents"]),
            n_origins=_int(rec["n_origins"]),
            n_claims=_int(rec["n_claims"]),
            parent_label=_text(labels.get(parent)) if parent is not None else "",
        ))
    return rows


def revision_charts(revisions: pd.DataFrame, statistics: pd.DataFrame) -> dict[int, list[RevisionChart]]:
    """Per event, the revision charts of its most revised statistics (a line per source, in time order)."""
    if revisions.empty:
        return {}
    labels = dict(zip(statistics["statistic_id"].tolist(), statistics["label"].tolist(), strict=True))
    charts: dict[int, list[RevisionChart]] = {}
    counts = revisions.groupby("statistic_id").size().sort_values(ascending=False, kind="stable")
    event_of = dict(zip(revisions["statistic_id"].tolist(), revisions["event_id"].tolist(), strict=True))
    for statistic_id in counts.index:
        event_id = py(event_of.get(statistic_id))
        if event_id is None or len(charts.get(int(event_id), [])) >= REVISION_CHARTS_PER_EVENT:
            continue
        rows = revisions[revisions["statistic_id"] == statistic_id]
        lines = []
        for source, group in rows.groupby(rows["source"].astype("object").fillna("unattributed"), sort=True):
            chain: dict[int, tuple[pd.Timestamp | None, float]] = {}
            for rec in group.to_dict("records"):
                for side in ("from", "to"):
                    value = representative_value(rec[f"value_{side}"], rec[f"low_{side}"], rec[f"high_{side}"])
                    when = rec[f"published_{side}"]
                    if value is not None:
                        chain.setdefault(int(rec[f"figure_{side}_id"]), (None if pd.isna(when) else when, value))
            ordered = _chain_order(group, chain)
            lines.append(RevisionLine(str(source), tuple(chain[f] for f in ordered)))
        charts.setdefault(int(event_id), []).append(
            RevisionChart(int(statistic_id), _text(labels.get(statistic_id)), tuple(lines)))
    return charts


def _chain_order(rows: pd.DataFrame, chain: dict[int, tuple[pd.Timestamp | None, float]]) -> list[int]:
    """The figures of one source's revisions from first to last (following from -> to)."""
    after = dict(zip(rows["figure_from_id"].astype(int).tolist(), rows["figure_to_id"].astype(int).tolist(),
                     strict=True))
    targets = set(after.values())
    order: list[int] = []
    for start in sorted((f for f in after if f not in targets), key=lambda f: (chain[f][0] is None, chain[f][1])):
        current: int | None = start
        while current is not None and current not in order:
            order.append(current)
            current = after.get(current)
    order.extend(f for f in chain if f not in order)
    return [f for f in order if f in chain]


def chosen_events(events: pd.DataFrame, headline: list[HeadlineRow], statistics: pd.DataFrame,
                  limit: int = EVENTS_SHOWN) -> tuple[pd.DataFrame, dict[int, list[HeadlineRow]]]:
    """The events the report leads with (current ones with casualty statistics, the most reported first) and
    the headline rows of each event."""
    if events.empty:
        return events, {}
    event_of_statistic = _event_of_statistic(statistics)
    rows_of: dict[int, list[HeadlineRow]] = {}
    for row in headline:
        event_id = event_of_statistic.get(row.statistic_id)
        if event_id is not None:
            rows_of.setdefault(event_id, []).append(row)
    shown = events[events["event_id"].isin(list(rows_of))]
    shown = shown.assign(_past=shown["historical"].fillna(False).astype(bool))
    shown = shown.sort_values(["_past", "n_documents", "n_figures", "event_id"],
                              ascending=[True, False, False, True]).head(limit)
    return shown, rows_of


def event_views(shown: pd.DataFrame, rows_of: dict[int, list[HeadlineRow]],
                discrepancies_of: dict[int, list[DiscrepancyView]],
                charts: dict[int, list[RevisionChart]]) -> list[EventView]:
    """The views of the chosen events: their statistics, revision charts and discrepancies."""
    views = []
    for rec in shown.to_dict("records"):
        event_id = int(rec["event_id"])
        place = ", ".join(x for x in (_text(rec["locality"]), _text(rec["admin1"]), _text(rec["country"])) if x)
        views.append(EventView(
            event_id=event_id, label=_text(rec["label"]), type=_text(rec["type"]), place=place,
            start=format_date(rec["start"]), n_documents=_int(rec["n_documents"]),
            headline=tuple(rows_of[event_id]), revision_charts=tuple(charts.get(event_id, [])),
            discrepancies=tuple(discrepancies_of.get(event_id, [])),
        ))
    return views


def _event_of_statistic(statistics: pd.DataFrame) -> dict[int, int]:
    return {int(s): int(e) for s, e in zip(statistics["statistic_id"].tolist(), statistics["event_id"].tolist(),
                                           strict=True) if py(e) is not None}


def most_revised(statistics: pd.DataFrame, activity: pd.DataFrame, event_ids: Sequence[int],
                 per_event: int = REVISION_CHARTS_PER_EVENT) -> list[int]:
    """The statistics whose revisions are charted: each event's `per_event` most revised (ties: lowest id)."""
    revised = activity[activity["n_revisions"] > 0][["statistic_id", "n_revisions"]]
    frame = revised.merge(statistics[["statistic_id", "event_id"]], on="statistic_id")
    frame = frame[frame["event_id"].isin(list(event_ids))]
    frame = frame.sort_values(["n_revisions", "statistic_id"], ascending=[False, True])
    return [int(i) for i in frame.groupby("event_id").head(per_event)["statistic_id"].tolist()]


def most_dated(statistics: pd.DataFrame, activity: pd.DataFrame, limit: int = TIMELINE_MAX_STATISTICS) -> list[int]:
    """The casualty statistics that get a timeline: reported on more than one day, the most days first."""
    casualty = statistics[_is_casualty(statistics)]["statistic_id"]
    frame = activity[(activity["n_days"] > 1) & activity["statistic_id"].isin(casualty.tolist())]
    frame = frame.sort_values(["n_days", "statistic_id"], ascending=[False, True]).head(limit)
    return [int(i) for i in frame["statistic_id"].tolist()]


def chosen_discrepancies(discrepancies: pd.DataFrame, statistics: pd.DataFrame, event_ids: Sequence[int],
                         limit: int = DISCREPANCIES_SHOWN,
                         per_event: int = DISCREPANCIES_PER_EVENT) -> tuple[list[int], dict[int, list[int]]]:
    """The discrepancies the page quotes: the section's (those of the `limit` most reported statistics' first),
    and each shown event's first `per_event`; ids in the order the page shows them."""
    if discrepancies.empty:
        return [], {}
    ordered = ordered_discrepancies(discrepancies)
    documents = statistics.set_index("statistic_id")["n_documents"]
    ranked = ordered.assign(_docs=ordered["statistic_id"].map(documents).fillna(0).astype(int),
                            _pos=range(len(ordered)))
    section = ranked.sort_values(["_docs", "_pos"], ascending=[False, True]).head(limit).sort_values("_pos")
    event_of = _event_of_statistic(statistics)
    of_event: dict[int, list[int]] = {}
    for discrepancy_id, statistic_id in zip(ordered["discrepancy_id"].tolist(), ordered["statistic_id"].tolist(),
                                            strict=True):
        event_id = event_of.get(int(statistic_id))
        if event_id is not None and event_id in event_ids and len(of_event.setdefault(event_id, [])) < per_event:
            of_event[event_id].append(int(discrepancy_id))
    return [int(i) for i in section["discrepancy_id"].tolist()], of_event


def chart_bars(claims: pd.DataFrame, limit: int = CHART_MAX_BARS) -> tuple[list[ChartBar], int]:
    """The casualty claims to draw (the `limit` most reported, then largest) and how many there were."""
    counted = claims["unit"].astype("object").fillna("count") == "count"
    casualty = claims[_is_casualty(claims) & counted].copy()
    casualty["_size"] = _magnitude(casualty, "value", "low", "high")
    casualty = casualty[casualty["_size"] > 0]
    total = len(casualty)
    casualty["_docs"] = pd.to_numeric(casualty["n_documents"], errors="coerce").fillna(0)
    top = casualty.sort_values(["_docs", "_size", "claim_id"], ascending=[False, False, True]).head(limit)
    top = top.assign(_rank=_category_rank(top)).sort_values(["_rank", "_size", "claim_id"],
                                                            ascending=[True, True, True])
    bars = []
    for rec in top.to_dict("records"):
        value = representative_value(rec["value"], rec["low"], rec["high"])
        if value is None:
            continue
        qualifier = _text(rec["qualifier"], "exact")
        bars.append(ChartBar(
            label=f"{_text(rec['statistic_label'])} ({_text(rec['source'], 'unattributed')})",
            category=_text(rec["category"]),
            value=value,
            low=to_float(rec["low"]),
            high=to_float(rec["high"]),
            open_upper=_open_upper(qualifier, rec["high"]),
            text=format_bounds(rec["value"], rec["low"], rec["high"], qualifier),
        ))
    return bars, total


def spans_several_days(documents: pd.DataFrame) -> bool:
    """Whether the documents' publication dates cover more than one day."""
    published = pd.to_datetime(documents["published"], utc=True, errors="coerce").dropna()
    return published.dt.date.nunique() > 1


def timelines(figures: pd.DataFrame, limit: int = TIMELINE_MAX_STATISTICS) -> list[Timeline]:
    """Per casualty statistic reported on more than one day: its mentions by date (most-dated first)."""
    frame = figures[_is_casualty(figures)].copy()
    frame["_when"] = pd.to_datetime(frame["published"], utc=True, errors="coerce")
    frame = frame[frame["_when"].notna() & frame["statistic_id"].notna()]
    if frame.empty:
        return []
    frame["_day"] = frame["_when"].dt.date
    days = frame.groupby("statistic_id")["_day"].nunique()
    chosen = days[days > 1].sort_index().sort_values(ascending=False, kind="stable").head(limit)
    out = []
    for statistic_id in chosen.index:
        rows = frame[frame["statistic_id"] == statistic_id].sort_values(["_when", "figure_id"])
        points = []
        for rec in rows.to_dict("records"):
            value = representative_value(rec["value"], rec["low"], rec["high"])
            if value is None:
                continue
            points.append(TimelinePoint(
                when=rec["_when"], source=_text(rec["source"], "unattributed"), value=value,
                low=to_float(rec["low"]), high=to_float(rec["high"]),
                open_upper=_open_upper(rec["qualifier"], rec["high"]),
            ))
        label = _text(rows["category"].iloc[0])
        if "statistic_label" in rows:
            label = _text(rows["statistic_label"].iloc[0], label)
        out.append(Timeline(int(statistic_id), label, tuple(points)))
    return out


def _quotes_by_claim(figures: pd.DataFrame, claim_ids: set[Any]) -> dict[Any, tuple[Quote, ...]]:
    rows = figures[figures["claim_id"].isin(list(claim_ids))] if claim_ids else figures.iloc[0:0]
    rows = rows.sort_values(["claim_id", "published", "doc", "index"], na_position="last")
    quotes: dict[Any, list[Quote]] = {}
    seen: set[tuple[Any, str]] = set()
    for rec in rows.to_dict("records"):
        cid = py(rec["claim_id"])
        key = (cid, _text(rec["sentence"]))
        if key in seen or len(quotes.get(cid, [])) >= QUOTES_PER_SIDE:
            continue
        seen.add(key)
        quotes.setdefault(cid, []).append(Quote(
            sentence=highlight(rec["sentence"], rec["text"], rec["start"], rec["end"], rec["sentence_start"]),
            doc=_text(rec["doc"]), outlet=_text(rec["outlet"]), published=format_date(rec["published"]),
        ))
    return {cid: tuple(q) for cid, q in quotes.items()}


def discrepancy_views(discrepancies: pd.DataFrame, claims: pd.DataFrame,
                      figures: pd.DataFrame) -> list[DiscrepancyView]:
    """The discrepancies with both sides' bounds, sources and quoted sentences, by statistic then kind."""
    if discrepancies.empty:
        return []
    ordered = ordered_discrepancies(discrepancies)
    claim_ids = {py(c) for c in ordered["claim_a_id"]} | {py(c) for c in ordered["claim_b_id"]}
    quotes = _quotes_by_claim(figures, claim_ids - {None})
    qualifiers = dict(zip(claims["claim_id"].tolist(), claims["qualifier"].astype("object").tolist(),
                          strict=True))
    views = []
    for rec in ordered.to_dict("records"):
        a, b = py(rec["claim_a_id"]), py(rec["claim_b_id"])
        views.append(DiscrepancyView(
            statistic_label=_text(rec["statistic_label"]),
            kind=_text(rec["kind"]),
            description=_text(rec["description"]),
            bounds_a=format_bounds(rec["value_a"], rec["low_a"], rec["high_a"], qualifiers.get(a)),
            source_a=_text(rec["source_a"], "unattributed"),
            quotes_a=quotes.get(a, ()),
            bounds_b=format_bounds(rec["value_b"], rec["low_b"], rec["high_b"], qualifiers.get(b)),
            source_b=_text(rec["source_b"], "unattributed"),
            quotes_b=quotes.get(b, ()),
        ))
    return views


def ordered_discrepancies(discrepancies: pd.DataFrame) -> pd.DataFrame:
    """The discrepancies in the order the report shows them: by statistic, then kind."""
    return discrepancies.sort_values(["statistic_label", "kind", "discrepancy_id"])


def wrap_label(label: str, width: int = 38) -> str:
    """A long chart label broken onto lines of at most `width` characters."""
    return "\n".join(textwrap.wrap(label, width)) or label


def provenance_figure_ids(statistics: pd.DataFrame) -> list[int]:
    """The figures behind the headline statistics: each casualty statistic's latest figure."""
    latest = statistics[_is_casualty(statistics)]["latest_figure_id"].dropna()
    return sorted({int(i) for i in latest.tolist()})


def _with_labels(figures: pd.DataFrame, statistics: pd.DataFrame) -> pd.DataFrame:
    """The figures with their statistic's label (column statistic_label)."""
    if "statistic_label" in figures.columns:
        return figures
    labels = statistics.set_index("statistic_id")["label"] if not statistics.empty else pd.Series(dtype="object")
    return figures.assign(statistic_label=figures["statistic_id"].map(labels).astype("object"))


def figure_rows(store: ReportSource, statistics: pd.DataFrame) -> Iterator[tuple[Any, ...]]:
    """Every figure as plain values (FIGURE_COLUMNS), then its statistic's label, by figure id (figures.csv)."""
    labels = dict(zip(statistics["statistic_id"].tolist(), statistics["label"].tolist(), strict=True))
    position = list(FIGURE_COLUMNS).index("statistic_id")
    for row in store.figure_rows():
        yield (*row, labels.get(row[position]))


def load_report_data(store: ReportSource, limits: PageLimits | None = None) -> ReportData:
    """Read what the page shows from the store: the small tables whole, of the large ones the rows shown."""
    limits = limits or PageLimits()
    documents = store.documents()
    statistics = store.statistics()
    discrepancies = store.discrepancies()
    events = store.events()
    activity = store.statistic_activity()
    data = ReportData(documents, statistics, discrepancies, events, figure_ids=store.figure_ids(),
                      n_claims=int(statistics["n_claims"].sum()) if not statistics.empty else 0, limits=limits)
    data.headline = headline_rows(statistics)
    casualty = list(CASUALTY_CATEGORIES)
    data.chart_bars, _ = chart_bars(store.claims(casualty, "count", most_reported=CHART_MAX_BARS))
    data.n_chart_candidates = int(statistics[_is_casualty(statistics)]["n_claims"].sum())
    if spans_several_days(documents) and (dated := most_dated(statistics, activity)):
        data.timelines = timelines(_with_labels(store.figures(statistics=dated), statistics))
    shown, rows_of = chosen_events(events, data.headline, statistics)
    event_ids = [int(i) for i in shown["event_id"].tolist()]
    section_ids, event_discrepancy_ids = chosen_discrepancies(discrepancies, statistics, event_ids,
                                                              limits.discrepancies, limits.discrepancies_per_event)
    wanted = set(section_ids).union(*event_discrepancy_ids.values())
    views = discrepancy_views_of(store, discrepancies[discrepancies["discrepancy_id"].isin(list(wanted))])
    data.discrepancy_views = [views[i] for i in section_ids]
    discrepancies_of = {e: [views[i] for i in ids] for e, ids in event_discrepancy_ids.items()}
    revised = most_revised(statistics, activity, event_ids)
    charts = revision_charts(store.revisions(statistics=revised), statistics) if revised else {}
    data.event_views = event_views(shown, rows_of, discrepancies_of, charts)
    headline_figures = store.figures(ids=provenance_figure_ids(statistics))
    newest = store.figures(newest=limits.provenance_newest)
    frames = [f for f in (headline_figures, newest) if not f.empty] or [newest]
    data.provenance = pd.concat(frames, ignore_index=True).drop_duplicates("figure_id")
    return data


def discrepancy_views_of(store: ReportSource, discrepancies: pd.DataFrame) -> dict[int, DiscrepancyView]:
    """The views of some discrepancies (by id), their quotes and qualifiers read from the store."""
    if discrepancies.empty:
        return {}
    claim_ids = sorted({int(c) for c in discrepancies["claim_a_id"].dropna()}
                       | {int(c) for c in discrepancies["claim_b_id"].dropna()})
    views = discrepancy_views(discrepancies, store.claims(ids=claim_ids), store.figures(claims=claim_ids))
    ids = ordered_discrepancies(discrepancies)["discrepancy_id"].tolist()
    return {int(i): v for i, v in zip(ids, views, strict=True)}
