"""A fake store for the report's unit tests: the pandas API contract's DataFrames, built from small tables."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from tracker.report.export import plain_values
from tracker.store.api import (
    ACTIVITY_COLUMNS,
    CLAIM_COLUMNS,
    DISCREPANCY_COLUMNS,
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    REVISION_COLUMNS,
    STATISTIC_COLUMNS,
    typed_frame,
)


def _typed(rows: list[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    """The rows as the store's API types them (the same column contract, from tracker.store.api)."""
    return typed_frame([tuple(r.get(c) for c in columns) for r in rows], columns)


@dataclass(frozen=True)
class Doc:
    """A document of the fake corpus."""

    document_id: int
    key: str
    published: str | None
    outlet: str | None = None
    title: str | None = None
    origin_document_id: int | None = None


@dataclass(frozen=True)
class Fig:
    """A figure of the fake corpus: its sentence, the figure's words in it, and what it claims."""

    figure_id: int
    document_id: int
    sentence: str
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    category: str
    source: str | None
    claim_id: int
    statistic_id: int
    parent_id: int | None = None


@dataclass(frozen=True)
class Stat:
    """A statistic of the fake corpus."""

    statistic_id: int
    label: str
    category: str
    parent_statistic_id: int | None = None
    event_id: int | None = 1
    population: str = "people"


@dataclass(frozen=True)
class Event:
    """An event of the fake corpus."""

    event_id: int
    label: str
    type: str
    country: str | None = None
    locality: str | None = None
    start: str | None = None


@dataclass(frozen=True)
class Rev:
    """A revision of the fake corpus: one figure to the next."""

    revision_id: int
    statistic_id: int
    figure_from_id: int
    figure_to_id: int


@dataclass(frozen=True)
class Disc:
    """A discrepancy of the fake corpus."""

    discrepancy_id: int
    statistic_id: int
    kind: str
    description: str
    claim_a_id: int
    claim_b_id: int


class FakeStore:
    """The `tracker.open()` pandas API over fixed tables (claims and statistics derived from the figures)."""

    def __init__(self, docs: list[Doc], figs: list[Fig], stats: list[Stat], discs: list[Disc],
                 events: list[Event] | None = None, revs: list[Rev] | None = None) -> None:
        self.docs, self.figs, self.stats, self.discs = docs, figs, stats, discs
        self.events_, self.revs = events or [], revs or []
        self.closed = False

    def __enter__(self) -> FakeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.closed = True

    def documents(self) -> pd.DataFrame:
        rows = []
        for d in self.docs:
            rows.append(
                {
                    "document_id": d.document_id,
                    "key": d.key,
                    "path": d.key,
                    "url": None,
                    "title": d.title,
                    "outlet": d.outlet,
                    "published": d.published,
                    "ingested_at": "2024-12-09T00:00:00Z",
                    "content_hash": f"sha256:{d.document_id:064x}",
                    "n_figures": sum(1 for f in self.figs if f.document_id == d.document_id),
                    "origin_document_id": d.origin_document_id,
                }
            )
        return _typed(rows, DOCUMENT_COLUMNS)

    def figures(self, category: Any = None, since: Any = None, source: Any = None, *,
                ids: Sequence[int] | None = None, claims: Sequence[int] | None = None,
                statistics: Sequence[int] | None = None, newest: int | None = None) -> pd.DataFrame:
        frame = self._figures()
        if ids is not None:
            frame = frame[frame["figure_id"].isin(list(ids))]
        if claims is not None:
            frame = frame[frame["claim_id"].isin(list(claims))]
        if statistics is not None:
            frame = frame[frame["statistic_id"].isin(list(statistics))]
        if newest is not None:
            latest = frame.sort_values(["published", "figure_id"], ascending=False, na_position="last").head(newest)
            frame = frame[frame["figure_id"].isin(latest["figure_id"].tolist())]
        return frame.reset_index(drop=True)

    def figure_rows(self) -> Iterator[tuple[Any, ...]]:
        frame = self._figures().sort_values("figure_id")
        yield from zip(*(plain_values(frame[c]) for c in FIGURE_COLUMNS), strict=True)

    def figure_ids(self) -> list[int]:
        return sorted(f.figure_id for f in self.figs)

    def statistic_activity(self) -> pd.DataFrame:
        figures = self._figures()
        days = pd.to_datetime(figures["published"], utc=True).dt.strftime("%Y-%m-%d")
        n_days = days.groupby(figures["statistic_id"]).nunique()
        rows = []
        for s in self.stats:
            n_revisions = sum(1 for r in self.revs if r.statistic_id == s.statistic_id)
            rows.append({"statistic_id": s.statistic_id, "n_days": int(n_days.get(s.statistic_id, 0)),
                         "n_revisions": n_revisions})
        return _typed(rows, ACTIVITY_COLUMNS)

    def _figures(self) -> pd.DataFrame:
        docs = {d.document_id: d for d in self.docs}
        rows = []
        index: dict[int, int] = {}
        for f in self.figs:
            d = docs[f.document_id]
            i = index[f.document_id] = index.get(f.document_id, -1) + 1
            s0 = 100 * (i + 1)
            start = s0 + f.sentence.index(f.text)
            rows.append(
                {
                    "figure_id": f.figure_id,
                    "document_id": f.document_id,
                    "doc": d.key,
                    "index": i,
                    "start": start,
                    "end": start + len(f.text),
                    "text": f.text,
                    "sentence": f.sentence,
                    "sentence_start": s0,
                    "sentence_end": s0 + len(f.sentence),
                    "value": f.value,
                    "low": f.low,
                    "high": f.high,
                    "qualifier": f.qualifier,
                    "unit": "count",
                    "si_value": None,
                    "entity": f.text.split()[-1],
                    "category": f.category,
                    "trend": None,
                    "source": f.source,
                    "source_text": None,
                    "source_kind": None,
                    "parent_id": f.parent_id,
                    "equivalent_of_id": None,
                    "scope": None,
                    "scope_start": None,
                    "tracker_version": "0.1.0",
                    "claim_id": f.claim_id,
                    "statistic_id": f.statistic_id,
                    "title": d.title,
                    "outlet": d.outlet,
                    "published": d.published,
                    "path": d.key,
                    "event_id": self._event_of(f.statistic_id),
                    "period": "cumulative",
                }
            )
        return _typed(rows, FIGURE_COLUMNS)

    def claims(self, category: Any = None, unit: Any = None, *, ids: Sequence[int] | None = None,
               most_reported: int | None = None) -> pd.DataFrame:
        frame = self._claims()
        for column, wanted in (("category", category), ("unit", unit)):
            if wanted is not None:
                values = [wanted] if isinstance(wanted, str) else list(wanted)
                frame = frame[frame[column].astype("object").isin(values)]
        if ids is not None:
            frame = frame[frame["claim_id"].isin(list(ids))]
        if most_reported is not None:
            size = frame["value"].fillna(frame["low"]).fillna(frame["high"])
            frame = frame[size > 0].assign(_size=size).sort_values(
                ["n_documents", "_size", "claim_id"], ascending=[False, False, True]).head(most_reported)
            frame = frame.drop(columns="_size").sort_values("claim_id")
        return frame.reset_index(drop=True)

    def claim_rows(self) -> Iterator[tuple[Any, ...]]:
        frame = self._claims()
        yield from zip(*(plain_values(frame[c]) for c in CLAIM_COLUMNS), strict=True)

    def _claims(self) -> pd.DataFrame:
        docs = {d.document_id: d for d in self.docs}
        labels = {s.statistic_id: s for s in self.stats}
        rows = []
        for claim_id in sorted({f.claim_id for f in self.figs}):
            figs = [f for f in self.figs if f.claim_id == claim_id]
            first = figs[0]
            doc_ids = {f.document_id for f in figs}
            origins = {docs[i].origin_document_id or i for i in doc_ids}
            dates = sorted(p for i in doc_ids if (p := docs[i].published))
            rows.append(
                {
                    "claim_id": claim_id,
                    "statistic_id": first.statistic_id,
                    "statistic_label": labels[first.statistic_id].label,
                    "category": first.category,
                    "value": first.value,
                    "low": first.low,
                    "high": first.high,
                    "qualifier": first.qualifier,
                    "unit": "count",
                    "entity": first.text.split()[-1],
                    "source": first.source,
                    "n_mentions": len(figs),
                    "n_documents": len(doc_ids),
                    "n_origins": len(origins),
                    "first_published": dates[0] if dates else None,
                    "last_published": dates[-1] if dates else None,
                }
            )
        return _typed(rows, CLAIM_COLUMNS)

    def _event_of(self, statistic_id: int) -> int | None:
        return next((s.event_id for s in self.stats if s.statistic_id == statistic_id), None)

    def statistics(self) -> pd.DataFrame:
        claims = self.claims()
        figures = self.figures()
        rows = []
        for s in self.stats:
            mine = claims[claims["statistic_id"] == s.statistic_id].sort_values(
                ["last_published", "claim_id"]
            )
            latest = mine.iloc[-1]
            headline = figures[figures["claim_id"] == latest["claim_id"]].iloc[-1]
            rows.append(
                {
                    "statistic_id": s.statistic_id,
                    "label": s.label,
                    "category": s.category,
                    "event_id": s.event_id,
                    "population": s.population,
                    "period": "cumulative",
                    "parent_statistic_id": s.parent_statistic_id,
                    "n_claims": len(mine),
                    "n_documents": int(mine["n_documents"].sum()),
                    "n_origins": int(mine["n_origins"].sum()),
                    "latest_figure_id": headline["figure_id"],
                    "latest_value": latest["value"],
                    "latest_low": latest["low"],
                    "latest_high": latest["high"],
                    "latest_qualifier": latest["qualifier"],
                    "latest_source": latest["source"],
                    "latest_published": latest["last_published"],
                }
            )
        return _typed(rows, STATISTIC_COLUMNS)

    def events(self) -> pd.DataFrame:
        rows = [
            {"event_id": e.event_id, "key": f"event-{e.event_id}", "label": e.label, "type": e.type,
             "country": e.country, "locality": e.locality, "start": e.start, "historical": False,
             "n_documents": len({f.document_id for f in self.figs if self._event_of(f.statistic_id) == e.event_id}),
             "n_statistics": sum(1 for s in self.stats if s.event_id == e.event_id),
             "n_figures": sum(1 for f in self.figs if self._event_of(f.statistic_id) == e.event_id)}
            for e in self.events_
        ]
        return _typed(rows, EVENT_COLUMNS)

    def revisions(self, statistics: Sequence[int] | None = None) -> pd.DataFrame:
        frame = self._revisions()
        if statistics is not None:
            frame = frame[frame["statistic_id"].isin(list(statistics))].reset_index(drop=True)
        return frame

    def _revisions(self) -> pd.DataFrame:
        figures = {f.figure_id: f for f in self.figs}
        docs = {d.document_id: d for d in self.docs}
        labels = {s.statistic_id: s for s in self.stats}
        rows = []
        for r in self.revs:
            a, b = figures[r.figure_from_id], figures[r.figure_to_id]
            rows.append({
                "revision_id": r.revision_id, "statistic_id": r.statistic_id,
                "statistic_label": labels[r.statistic_id].label, "category": labels[r.statistic_id].category,
                "event_id": labels[r.statistic_id].event_id, "source": b.source, "figure_from_id": a.figure_id,
                "value_from": a.value, "low_from": a.low, "high_from": a.high,
                "published_from": docs[a.document_id].published, "figure_to_id": b.figure_id,
                "value_to": b.value, "low_to": b.low, "high_to": b.high,
                "published_to": docs[b.document_id].published,
            })
        return _typed(rows, REVISION_COLUMNS)

    def discrepancies(self) -> pd.DataFrame:
        claims = self.claims().set_index("claim_id")
        labels = {s.statistic_id: s for s in self.stats}
        rows = []
        for d in self.discs:
            a, b = claims.loc[d.claim_a_id], claims.loc[d.claim_b_id]
            rows.append(
                {
                    "discrepancy_id": d.discrepancy_id,
                    "statistic_id": d.statistic_id,
                    "statistic_label": labels[d.statistic_id].label,
                    "category": labels[d.statistic_id].category,
                    "kind": d.kind,
                    "description": d.description,
                    "claim_a_id": d.claim_a_id,
                    "claim_b_id": d.claim_b_id,
                    "value_a": a["value"],
                    "low_a": a["low"],
                    "high_a": a["high"],
                    "source_a": a["source"],
                    "value_b": b["value"],
                    "low_b": b["low"],
                    "high_b": b["high"],
                    "source_b": b["source"],
                    "figure_a_id": next(f.figure_id for f in self.figs if f.claim_id == d.claim_a_id),
                    "figure_b_id": next(f.figure_id for f in self.figs if f.claim_id == d.claim_b_id),
                }
            )
        return _typed(rows, DISCREPANCY_COLUMNS)

    def with_docs(self, **published: str | None) -> FakeStore:
        """A copy whose documents (by key) have other publication dates."""
        docs = [replace(d, published=published.get(d.key, d.published)) for d in self.docs]
        return FakeStore(docs, self.figs, self.stats, self.discs, self.events_, self.revs)


OBS = "Syrian Observatory for Human Rights"
KILLED = (
    "Since the offensive began, at least 826 people, mostly combatants but also including 111 civilians, "
    "have been killed, the Observatory said."
)
KILLED_2 = (
    "The HTS offensive has led to significant casualties, with at least 826 people killed, including "
    "111 civilians, and has displaced 370,000 people, according to the Observatory."
)
DISPLACED = "The United Nations said the violence has displaced 370,000 people."
FLED_A = (
    'An Iraqi security source told AFP that Baghdad has allowed in hundreds of Syrian soldiers, who "fled '
    'the front lines", through the Al-Qaim border crossing.'
)
FLED_B = "A second source put the figure at 2,000 troops, including officers."


def seed_like_store() -> FakeStore:
    """The seeds' story in miniature: 826 killed (111 civilians), 370,000 displaced, soldiers who fled."""
    docs = [
        Doc(1, "seeds/001.txt", "2024-12-08T10:00:00Z", "AFP", "Rebels enter Damascus"),
        Doc(2, "seeds/003.txt", "2024-12-08T18:00:00Z", "Example News", "Assad flees"),
        Doc(
            3,
            "seeds/000.txt",
            "2024-12-08T08:00:00Z",
            "UrduPoint",
            "Gunfire in Damascus",
            origin_document_id=1,
        ),
    ]
    stats = [
        Stat(1, "killed: people since the offensive began", "killed"),
        Stat(2, "killed: civilians since the offensive began", "killed", parent_statistic_id=1),
        Stat(3, "displaced: people", "displaced"),
        Stat(4, "fled: soldiers to Iraq", "fled"),
    ]
    figs = [
        Fig(1, 1, KILLED, "at least 826 people", 826, 826, None, "at_least", "killed", OBS, 1, 1),
        Fig(2, 1, KILLED, "111 civilians", 111, 111, 111, "exact", "killed", OBS, 2, 2, parent_id=1),
        Fig(
            3,
            1,
            DISPLACED,
            "370,000 people",
            370000,
            370000,
            370000,
            "exact",
            "displaced",
            "United Nations",
            3,
            3,
        ),
        Fig(4, 2, KILLED_2, "at least 826 people", 826, 826, None, "at_least", "killed", OBS, 1, 1),
        Fig(5, 2, KILLED_2, "111 civilians", 111, 111, 111, "exact", "killed", OBS, 2, 2, parent_id=4),
        Fig(6, 2, KILLED_2, "370,000 people", 370000, 370000, 370000, "exact", "displaced", OBS, 4, 3),
        Fig(
            7,
            3,
            FLED_A,
            "hundreds of Syrian soldiers",
            None,
            200,
            999,
            "vague",
            "fled",
            "Iraqi security source",
            5,
            4,
        ),
        Fig(8, 3, FLED_B, "2,000 troops", 2000, 2000, 2000, "exact", "fled", "Iraqi security source", 6, 4),
    ]
    discs = [
        Disc(1, 3, "source", "United Nations and the Observatory both give 370,000", 3, 4),
        Disc(2, 4, "value", "hundreds of soldiers (200-999) against 2,000 troops", 5, 6),
    ]
    events = [Event(1, "Damascus offensive, 27 Nov 2024", "offensive", "SYR", "Damascus", "2024-11-27")]
    return FakeStore(docs, figs, stats, discs, events)


XSS_SENTENCE = (
    'Officials said <script>alert("x")</script> at least 40 people <img src=x onerror=alert(1)> died.'
)


def hostile_store() -> FakeStore:
    """A corpus whose text, titles, keys and sources carry HTML that must show as text."""
    docs = [
        Doc(
            1,
            "<script>alert('key')</script>.txt",
            "2024-12-08T00:00:00Z",
            "<b>Outlet</b>",
            "<img src=x onerror=alert('title')>",
        )
    ]
    stats = [Stat(1, "killed: <i>people</i>", "killed")]
    figs = [
        Fig(
            1,
            1,
            XSS_SENTENCE,
            "at least 40 people",
            40,
            40,
            None,
            "at_least",
            "killed",
            "<script>src()</script>",
            1,
            1,
        )
    ]
    return FakeStore(docs, figs, stats, [], [Event(1, "<b>Event</b>", "other")])
