"""Claims: within one statistic, the mentions from one source that assert compatible bounds."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tracker.analysis.bounds import Interval, mention_interval
from tracker.analysis.timeline import same_source
from tracker.analysis.types import ClaimOut, MentionInput

#: Which stated form best represents a claim when its mentions differ: the most precise first.
QUALIFIER_PRECISION = {
    "exact": 0, "approximately": 1, "range": 2, "at_least": 3, "more_than": 3, "at_most": 3,
    "less_than": 3, "up_to": 3, "vague": 4,
}


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """The mentions of one claim and the bounds they all allow (tolerance for approximate figures)."""

    mentions: tuple[MentionInput, ...]
    interval: Interval


def mention_order(m: MentionInput) -> tuple[int, int, int]:
    """The canonical order of mentions: by document, then position in the document."""
    return (m.document_id, m.index, m.figure_id)


def group_claims(mentions: Sequence[MentionInput]) -> list[ClaimGroup]:
    """Split one statistic's mentions into claims: one source (names that are one source, as "US
    intelligence" and "the US intelligence community", count once), bounds that overlap one another."""
    by_source: dict[str, list[MentionInput]] = defaultdict(list)
    canonical: dict[str, str] = {}
    for name in sorted({m.source for m in mentions if m.source}, key=lambda n: (len(n), n)):
        canonical[name] = next((c for c in canonical.values() if same_source(c, name)), name)
    for m in mentions:
        by_source[canonical.get(m.source, "") if m.source else ""].append(m)
    claims: list[ClaimGroup] = []
    for source in sorted(by_source):
        intervals = [(mention_interval(m), m) for m in by_source[source]]
        unknown = [m for interval, m in intervals if not interval.known]
        known = sorted(
            ((i, m) for i, m in intervals if i.known),
            key=lambda item: (item[0].low, item[0].high, mention_order(item[1])),
        )
        current: list[MentionInput] = []
        together = Interval(0.0, 0.0, known=False)
        for interval, m in known:
            if current and together.overlaps(interval):
                current.append(m)
                together = together.intersection(interval)
                continue
            if current:
                claims.append(ClaimGroup(tuple(sorted(current, key=mention_order)), together))
            current, together = [m], interval
        if current:
            claims.append(ClaimGroup(tuple(sorted(current, key=mention_order)), together))
        if unknown:
            claims.append(ClaimGroup(tuple(sorted(unknown, key=mention_order)), Interval(0.0, 0.0, False)))
    return claims


def representative(mentions: Sequence[MentionInput]) -> MentionInput:
    """The mention that states a claim: its most common form, then the most precise, then the first."""
    forms = Counter((m.value, m.low, m.high, m.qualifier) for m in mentions)
    return min(
        mentions,
        key=lambda m: (
            -forms[(m.value, m.low, m.high, m.qualifier)],
            QUALIFIER_PRECISION.get(m.qualifier, 5),
            mention_order(m),
        ),
    )


def claim_out(statistic_key: str, group: ClaimGroup, origin_of: Mapping[int, int]) -> ClaimOut:
    """The output record of one claim, keyed after its first mention."""
    first = group.mentions[0]
    rep = representative(group.mentions)
    entities = Counter(m.entity for m in group.mentions if m.entity)
    entity = min(entities, key=lambda e: (-entities[e], e)) if entities else None
    documents = {m.document_id for m in group.mentions}
    return ClaimOut(
        key=f"{statistic_key}#{first.document_id}.{first.index}",
        statistic_key=statistic_key,
        value=rep.value,
        low=rep.low,
        high=rep.high,
        qualifier=rep.qualifier,
        unit=rep.unit,
        entity=entity,
        source=first.source,
        figure_ids=tuple(sorted(m.figure_id for m in group.mentions)),
        n_documents=len(documents),
        n_origins=len({origin_of.get(d, d) for d in documents}),
    )
