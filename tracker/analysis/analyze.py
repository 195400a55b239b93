"""`analyze_corpus`: documents with their figures and events -> events, statistics, claims, discrepancies,
revisions, syndication (pure: the same input in any order gives the same output).

The events are clustered over the whole corpus; everything else is found per group of documents that
share an event (`analyze_group`), so a store that adds documents re-analyses only the groups they join."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from tracker.analysis.bounds import magnitude
from tracker.analysis.claims import claim_out, group_claims
from tracker.analysis.discrepancies import find_discrepancies
from tracker.analysis.event_clusters import cluster_events
from tracker.analysis.places import Place
from tracker.analysis.revisions import find_revisions
from tracker.analysis.statistics import build_statistics, statistic_keys
from tracker.analysis.subsets import with_implied_parents
from tracker.analysis.syndication import find_syndication
from tracker.analysis.timeline import Dated, official_people
from tracker.analysis.types import (
    Analysis,
    ClaimOut,
    DiscrepancyOut,
    DocumentEvent,
    DocumentInput,
    EventOut,
    MentionInput,
    RevisionOut,
    StatisticOut,
    SyndicationOut,
)


def _day(published: datetime | None) -> date | None:
    if published is None:
        return None
    return (published if published.tzinfo is None else published.astimezone(UTC)).date()


def _headline(dated: list[Dated]) -> int:
    """The figure that states a statistic's current value: the latest, then the most moved, the largest."""
    best = max(dated, key=lambda d: (d.day is not None, d.day or date.min, d.mention.stage,
                                     magnitude(d.mention) or 0.0, d.order, -d.mention.index))
    return best.mention.figure_id


@dataclass(frozen=True, slots=True)
class Clustering:
    """The events across a corpus, each document event's event, and the groups of documents the events
    join: documents that share an event, directly or through other documents, form one group."""

    events: tuple[EventOut, ...]
    event_of_document_event: dict[tuple[int, int], str]
    groups: tuple[tuple[int, ...], ...]  # document ids, ascending; groups with at least one event only
    events_of_document: dict[int, tuple[EventOut, ...]]

    def events_of(self, group: Iterable[int]) -> list[EventOut]:
        """The events of one group's documents, by key."""
        found = {e.key: e for document_id in group for e in self.events_of_document.get(document_id, ())}
        return [found[k] for k in sorted(found)]


def cluster_corpus(doc_events: Iterable[tuple[int, datetime | None, DocumentEvent]]) -> Clustering:
    """Cluster every document event of a corpus into events, and the documents into groups by event."""
    events, event_of_document_event = cluster_events(doc_events)
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for event in events:
        first = find(event.document_ids[0])
        for document_id in event.document_ids[1:]:
            other = find(document_id)
            if other != first:
                parent[max(first, other)] = first = min(first, other)
    groups: dict[int, list[int]] = defaultdict(list)
    for document_id in sorted(parent):
        groups[find(document_id)].append(document_id)
    events_of_document: dict[int, list[EventOut]] = defaultdict(list)
    for event in events:
        for document_id in event.document_ids:
            events_of_document[document_id].append(event)
    return Clustering(tuple(events), event_of_document_event, tuple(sorted(tuple(g) for g in groups.values())),
                      {d: tuple(e) for d, e in events_of_document.items()})


def analyze_corpus(docs: Iterable[DocumentInput]) -> Analysis:
    """Everything the analysis finds over a corpus (see tracker.analysis)."""
    documents = sorted(docs, key=lambda d: d.document_id)
    clustering = cluster_corpus((d.document_id, d.published, e) for d in documents for e in d.events)
    by_id = {d.document_id: d for d in documents}
    parts = [analyze_group([by_id[i] for i in group], clustering) for group in clustering.groups]
    return merge_analyses(clustering.events, parts)


def merge_analyses(events: Sequence[EventOut], parts: Iterable[Analysis]) -> Analysis:
    """One analysis of the corpus from the analyses of its groups."""
    statistics: list[StatisticOut] = []
    claims: list[ClaimOut] = []
    discrepancies: list[DiscrepancyOut] = []
    revisions: list[RevisionOut] = []
    syndication: list[SyndicationOut] = []
    event_of: dict[int, str] = {}
    statistic_of: dict[int, str] = {}
    event_of_document_event: dict[tuple[int, int], str] = {}
    place_of_figure: dict[int, Place | None] = {}
    for part in parts:
        statistics.extend(part.statistics)
        claims.extend(part.claims)
        discrepancies.extend(part.discrepancies)
        revisions.extend(part.revisions)
        syndication.extend(part.syndication)
        event_of.update(part.event_of_figure)
        statistic_of.update(part.statistic_of_figure)
        event_of_document_event.update(part.event_of_document_event)
        place_of_figure.update(part.place_of_figure)
    return Analysis(
        events=tuple(sorted(events, key=lambda e: e.key)),
        statistics=tuple(sorted(statistics, key=lambda s: s.key)),
        claims=tuple(sorted(claims, key=lambda c: (c.statistic_key, c.key))),
        discrepancies=tuple(sorted(discrepancies, key=lambda d: (d.statistic_key, d.kind, d.claim_a_key,
                                                                 d.claim_b_key))),
        revisions=tuple(sorted(revisions, key=lambda r: (r.statistic_key, r.figure_from_id, r.figure_to_id))),
        syndication=tuple(sorted(syndication, key=lambda s: s.document_id)),
        event_of_figure=event_of,
        statistic_of_figure=statistic_of,
        event_of_document_event=event_of_document_event,
        place_of_figure=place_of_figure,
    )


def analyze_group(docs: Sequence[DocumentInput], clustering: Clustering) -> Analysis:
    """The analysis of one group of documents (see `Clustering`): its events' statistics, claims,
    discrepancies and revisions, and the copies among its documents. Nothing outside the group changes it,
    so a store re-analyses only the groups new documents join."""
    documents = sorted((with_implied_parents(d) for d in docs), key=lambda d: d.document_id)
    syndication = find_syndication(documents)
    events = clustering.events_of([d.document_id for d in documents])
    event_by_key = {e.key: e for e in events}
    event_of_document_event = {
        (d.document_id, e.index): clustering.event_of_document_event[(d.document_id, e.index)]
        for d in documents for e in d.events if (d.document_id, e.index) in clustering.event_of_document_event
    }
    event_of: dict[int, str] = {}
    for doc in documents:
        for m in doc.mentions:
            if m.event_index is not None and (doc.document_id, m.event_index) in event_of_document_event:
                event_of[m.figure_id] = event_of_document_event[(doc.document_id, m.event_index)]
    officials = official_people((m for doc in documents for m in doc.mentions),
                                {doc.document_id: doc.sentences for doc in documents})
    keys = statistic_keys(documents, event_of, event_by_key, officials)
    place_of_figure = {
        m.figure_id: event_by_key[event_of[m.figure_id]].place
        for doc in documents for m in doc.mentions if not m.own_place and m.figure_id in event_of
    }
    statistics, statistic_of = build_statistics(documents, keys, event_by_key)

    order = {d.document_id: i for i, d in enumerate(sorted(
        documents, key=lambda d: (d.published is None, _day(d.published) or date.min, d.document_id)))}
    members: dict[str, list[Dated]] = defaultdict(list)
    for doc in documents:
        day = _day(doc.published)
        for m in doc.mentions:
            key = statistic_of.get(m.figure_id)
            if key is not None:
                members[key].append(Dated(m, day, order[doc.document_id]))

    claims: list[ClaimOut] = []
    discrepancies: list[DiscrepancyOut] = []
    revisions: list[RevisionOut] = []
    out_statistics: list[StatisticOut] = []
    for statistic in statistics:
        dated = sorted(members[statistic.key], key=lambda d: (d.order, d.mention.index))
        mentions: list[MentionInput] = [d.mention for d in dated]
        claim_of: dict[int, ClaimOut] = {}
        for group in group_claims(mentions):
            claim = claim_out(statistic.key, group, syndication.origin_of)
            claims.append(claim)
            for m in group.mentions:
                claim_of[m.figure_id] = claim
        place = event_by_key[statistic.event_key].place
        country = place.country if place else None
        discrepancies.extend(find_discrepancies(statistic.key, dated, claim_of, country, officials))
        revisions.extend(find_revisions(statistic.key, statistic.period, dated, country, officials))
        out_statistics.append(dataclasses.replace(statistic, headline_figure_id=_headline(dated)))

    return Analysis(
        events=tuple(events),
        statistics=tuple(out_statistics),
        claims=tuple(sorted(claims, key=lambda c: (c.statistic_key, c.key))),
        discrepancies=tuple(sorted(discrepancies, key=lambda d: (d.statistic_key, d.kind, d.claim_a_key,
                                                                 d.claim_b_key))),
        revisions=tuple(sorted(revisions, key=lambda r: (r.statistic_key, r.figure_from_id, r.figure_to_id))),
        syndication=syndication.copies,
        event_of_figure=event_of,
        statistic_of_figure=statistic_of,
        event_of_document_event=event_of_document_event,
        place_of_figure=place_of_figure,
    )
