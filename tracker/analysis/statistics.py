"""Statistics: group the mentions that measure the same thing (category, entity family, scope, context).

Mentions are bucketed by category and entity family (or unit), copies of one sentence are collapsed,
and within a bucket each mention is compared only with earlier mentions that share its rarest context
words or its value (an inverted index), so the work grows with the corpus, not with its square.
Linked mentions are joined with union-find; the linking rule is:

* scopes must not conflict ("since 2011" vs "since the offensive began"), a figure never joins the
  figure it is a subset of, and sizes more than `MAX_MAGNITUDE_RATIO` apart never join;
* the same value needs one shared context word, compatible bounds two, and bounds that disagree
  (a discrepancy in the making) three, each time with enough rarity-weighted overlap.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from tracker.analysis.bounds import Interval, magnitude, magnitude_ratio, mention_interval
from tracker.analysis.context import (
    Scope,
    excluded_stems,
    parse_scope,
    scopes_conflict,
    sentence_words,
    source_words,
)
from tracker.analysis.families import entity_family, family_words
from tracker.analysis.types import DocumentInput, MentionInput

#: A context of fewer informative words than this borrows the previous sentence's ("put the figure at").
MIN_OWN_CONTEXT_WORDS = 3
#: Figures whose sizes differ more than this many times are never one statistic.
MAX_MAGNITUDE_RATIO = 20.0
#: (shared words, rarity-weighted overlap) needed to link: same value, compatible bounds, disagreeing bounds.
LINK_SAME_VALUE = (1, 2.0)
LINK_COMPATIBLE = (2, 4.0)
LINK_DISAGREEING = (3, 6.0)
#: Bounds that disagree also need this share of the smaller context in common (overlap coefficient).
MIN_OVERLAP_DISAGREEING = 0.6
#: Candidate search: the rarest words of a mention looked up, and the most recent entries read per word.
QUERY_WORDS = 6
POSTING_WINDOW = 64
MAX_CANDIDATES = 24


@dataclass(slots=True)
class Unit:
    """Mentions that are one comparison unit: same bucket, same context, same bounds, same source."""

    bucket: tuple[str, str | None]
    family: str | None
    words: frozenset[str]
    surface: dict[str, str]
    scope: Scope | None
    interval: Interval
    magnitude: float | None
    value: float | None
    mentions: list[MentionInput] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StatisticGroup:
    """The mentions of one statistic, with what the analysis needs to describe it."""

    category: str
    family: str | None
    unit: str
    mentions: tuple[MentionInput, ...]
    context: tuple[str, ...]  # surface forms, most shared first


def is_analyzed(m: MentionInput) -> bool:
    """Whether a mention takes part in the analysis ("other" figures without an entity are skipped)."""
    return not (m.category == "other" and not m.entity)


def bucket_of(m: MentionInput) -> tuple[tuple[str, str | None], str | None]:
    """(bucket, family): counts are bucketed by entity family, measures by unit."""
    if m.unit == "count":
        family = entity_family(m.entity)
        return (m.category, family), family
    return (m.category, m.unit), None


class _ContextBuilder:
    """Context words of mentions, borrowing the previous sentence when a sentence says too little."""

    def __init__(self, docs: Sequence[DocumentInput]) -> None:
        self.previous: dict[int, dict[str, str]] = {}
        for doc in docs:
            prev: dict[str, str] = {}
            for before, sentence in zip(("", *doc.sentences), doc.sentences, strict=False):
                prev.setdefault(sentence, before)
            self.previous[doc.document_id] = prev

    def words(self, m: MentionInput, family: str | None) -> dict[str, str]:
        """Stem -> surface form of the mention's informative context words."""
        counted = family_words(family) if m.unit == "count" else frozenset({m.unit, m.unit + "s"})
        drop = excluded_stems(counted) | source_words(m.source)
        own = {s: w for s, w in sentence_words(m.sentence).surface.items() if s not in drop}
        if len(own) < MIN_OWN_CONTEXT_WORDS:
            before = self.previous.get(m.document_id, {}).get(m.sentence, "")
            if before:
                for s, w in sentence_words(before).surface.items():
                    if s not in drop:
                        own.setdefault(s, w)
        return own


def _units(docs: Sequence[DocumentInput]) -> list[Unit]:
    """The analyzed mentions in (document, index) order, collapsed into comparison units."""
    builder = _ContextBuilder(docs)
    mentions = sorted(
        (m for doc in docs for m in doc.mentions if is_analyzed(m)),
        key=lambda m: (m.document_id, m.index, m.figure_id),
    )
    units: dict[tuple[object, ...], Unit] = {}
    for m in mentions:
        bucket, family = bucket_of(m)
        surface = builder.words(m, family)
        words = frozenset(surface)
        scope = parse_scope(m.scope, m.sentence)
        interval = mention_interval(m)
        key = (bucket, words, scope, interval, m.qualifier, m.source, m.parent_figure_id is None)
        unit = units.get(key)
        if unit is None:
            unit = units[key] = Unit(bucket, family, words, surface, scope, interval, magnitude(m), m.value)
        unit.mentions.append(m)
    return list(units.values())


class _Components:
    """Union-find over units that also remembers which figures each component holds (subset links)."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.parent = list(range(len(units)))
        self.figures = [{m.figure_id for m in u.mentions} for u in units]
        self.parents = [{m.parent_figure_id for m in u.mentions if m.parent_figure_id is not None}
                        for u in units]

    def find(self, x: int) -> int:
        """The root of x's component."""
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        """Join two components unless one holds a figure the other is a subset of."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        subset = self.parents[ra] & self.figures[rb] or self.parents[rb] & self.figures[ra]
        if subset:
            return
        if len(self.figures[ra]) < len(self.figures[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.figures[ra] |= self.figures[rb]
        self.parents[ra] |= self.parents[rb]
        self.figures[rb] = set()
        self.parents[rb] = set()


def _should_link(a: Unit, b: Unit, idf: dict[str, float]) -> bool:
    """Whether two units of one bucket measure the same thing (the rule in the module docstring)."""
    if scopes_conflict(a.scope, b.scope):
        return False
    if magnitude_ratio(a.magnitude, b.magnitude) > MAX_MAGNITUDE_RATIO:
        return False
    shared = a.words & b.words
    weight = sum(idf[w] for w in shared)
    if a.value is not None and a.value == b.value:
        need = LINK_SAME_VALUE
    elif a.interval.overlaps(b.interval):
        need = LINK_COMPATIBLE
    else:
        smaller = min(len(a.words), len(b.words))
        if not smaller or len(shared) / smaller < MIN_OVERLAP_DISAGREEING:
            return False
        need = LINK_DISAGREEING
    return len(shared) >= need[0] and weight >= need[1]


def _cluster_bucket(units: Sequence[Unit], idf: dict[str, float], df: Counter[str]) -> list[list[int]]:
    """Components of linked units within one bucket, as lists of positions in `units`."""
    components = _Components(units)
    postings: dict[str, list[int]] = defaultdict(list)
    by_value: dict[float, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        hits: Counter[int] = Counter()
        keys = sorted((w for w in unit.words if df[w] > 1), key=lambda w: (df[w], w))[:QUERY_WORDS]
        for w in keys:
            if w in postings:
                hits.update(postings[w][-POSTING_WINDOW:])
        if unit.value is not None and unit.value in by_value:
            hits.update(by_value[unit.value][-POSTING_WINDOW:])
        if hits:
            ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))[:MAX_CANDIDATES]
            for j, _ in ranked:
                if components.find(i) != components.find(j) and _should_link(unit, units[j], idf):
                    components.union(i, j)
        for w in unit.words:
            postings[w].append(i)
        if unit.value is not None:
            by_value[unit.value].append(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(units)):
        groups[components.find(i)].append(i)
    return sorted(groups.values())


def _shared_context(units: Sequence[Unit], idf: dict[str, float], limit: int = 6) -> tuple[str, ...]:
    """The context words most shared among a statistic's units (all of them for a single unit)."""
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for unit in units:
        counts.update(unit.words)
        for s, w in unit.surface.items():
            surface.setdefault(s, w)
    least = 2 if len(units) > 1 else 1
    ranked = sorted((s for s, n in counts.items() if n >= least), key=lambda s: (-counts[s], -idf[s], s))
    return tuple(surface[s] for s in ranked[:limit])


def group_statistics(docs: Sequence[DocumentInput]) -> list[StatisticGroup]:
    """The statistics of a corpus: the analyzed mentions grouped by what they measure."""
    units = _units(docs)
    df: Counter[str] = Counter()
    for unit in units:
        df.update(unit.words)
    n = len(units)
    idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
    buckets: dict[tuple[str, str | None], list[Unit]] = defaultdict(list)
    for unit in units:
        buckets[unit.bucket].append(unit)
    groups: list[StatisticGroup] = []
    for bucket in sorted(buckets, key=lambda b: (b[0], b[1] or "")):
        members = buckets[bucket]
        for component in _cluster_bucket(members, idf, df):
            chosen = [members[i] for i in component]
            mentions = tuple(sorted((m for u in chosen for m in u.mentions),
                                    key=lambda m: (m.document_id, m.index, m.figure_id)))
            groups.append(StatisticGroup(bucket[0], chosen[0].family, mentions[0].unit, mentions,
                                         _shared_context(chosen, idf)))
    return groups
