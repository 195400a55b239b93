"""`analyze_corpus`: documents with their figures and events -> events, statistics, claims, discrepancies,
revisions, syndication (pure: the same input in any order gives the same output)."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime

from tracker.analysis.bounds import magnitude
from tracker.analysis.claims import claim_out, group_claims
from tracker.analysis.discrepancies import find_discrepancies
from tracker.analysis.event_clusters import cluster_events
from tracker.analysis.revisions import find_revisions
from tracker.analysis.statistics import build_statistics, statistic_keys
from tracker.analysis.subsets import with_implied_parents
from tracker.analysis.syndication import find_syndication
from tracker.analysis.timeline import Dated, official_people
from tracker.analysis.types import (
    Analysis,
    ClaimOut,
    DiscrepancyOut,
    DocumentInput,
    MentionInput,
    RevisionOut,
    StatisticOut,
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


def analyze_corpus(docs: Iterable[DocumentInput]) -> Analysis:
    """Everything the analysis finds over a corpus (see tracker.analysis)."""
    documents = sorted((with_implied_parents(d) for d in docs), key=lambda d: d.document_id)
    syndication = find_syndication(documents)
    events, event_of_document_event = cluster_events(
        (d.document_id, d.published, e) for d in documents for e in d.events
    )
    event_by_key = {e.key: e for e in events}
    event_of: dict[int, str] = {}
    for doc in documents:
        for m in doc.mentions:
            if m.event_index is not None and (doc.document_id, m.event_index) in event_of_document_event:
                event_of[m.figure_id] = event_of_document_event[(doc.document_id, m.event_index)]
    keys = statistic_keys(documents, event_of, event_by_key)
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

    officials = official_people(m for doc in documents for m in doc.mentions)
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
