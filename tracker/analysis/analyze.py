"""`analyze_corpus`: documents with their figures -> statistics, claims, discrepancies, syndication."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from tracker.analysis.claims import claim_out, group_claims
from tracker.analysis.discrepancies import find_discrepancies
from tracker.analysis.statistics import StatisticGroup, group_statistics
from tracker.analysis.subsets import with_implied_parents
from tracker.analysis.syndication import find_syndication
from tracker.analysis.types import Analysis, ClaimOut, DiscrepancyOut, DocumentInput, StatisticOut


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def statistic_key(group: StatisticGroup) -> str:
    """A statistic's key: category, family (or unit), and its first mention (document.index)."""
    first = group.mentions[0]
    return f"{group.category}/{group.family or group.unit}/{first.document_id}.{first.index}"


def _label(group: StatisticGroup, scope: str | None) -> str:
    what = group.family or group.unit
    if scope:
        return f"{group.category}: {what} {scope}"
    if group.context:
        return f"{group.category}: {what} ({', '.join(group.context[:3])})"
    return f"{group.category}: {what}"


def analyze_corpus(docs: Iterable[DocumentInput]) -> Analysis:
    """Statistics, claims, discrepancies and syndication over a corpus (pure; input order does not matter)."""
    documents = sorted((with_implied_parents(d) for d in docs), key=lambda d: d.document_id)
    syndication = find_syndication(documents)
    groups = group_statistics(documents)

    keys = [statistic_key(g) for g in groups]
    statistic_of_figure = {m.figure_id: key for g, key in zip(groups, keys, strict=True) for m in g.mentions}
    statistics: list[StatisticOut] = []
    claims: list[ClaimOut] = []
    discrepancies: list[DiscrepancyOut] = []
    for group, key in zip(groups, keys, strict=True):
        scope = _most_common(m.scope for m in group.mentions)
        parent_key = _most_common(
            statistic_of_figure.get(m.parent_figure_id)
            for m in group.mentions
            if m.parent_figure_id is not None
        )
        statistics.append(StatisticOut(
            key=key,
            label=_label(group, scope),
            category=group.category,
            entity_family=group.family,
            scope=scope,
            context=" ".join(group.context),
            parent_key=parent_key if parent_key != key else None,
        ))
        with_groups = [(claim_out(key, c, syndication.origin_of), c) for c in group_claims(group.mentions)]
        claims.extend(c for c, _ in with_groups)
        discrepancies.extend(find_discrepancies(key, with_groups))

    return Analysis(
        statistics=tuple(sorted(statistics, key=lambda s: s.key)),
        claims=tuple(sorted(claims, key=lambda c: (c.statistic_key, c.key))),
        discrepancies=tuple(sorted(discrepancies, key=lambda d: (d.statistic_key, d.kind, d.claim_a_key,
                                                                 d.claim_b_key))),
        syndication=syndication.copies,
    )
