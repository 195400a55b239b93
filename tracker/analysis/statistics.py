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

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from tracker.analysis.bounds import Interval, magnitude, magnitude_ratio, mention_interval
from tracker.analysis.context import (
    Scope,
    excluded_stems,
    parse_scope,
    scopes_conflict,
    sentence_stems,
    source_words,
    surface_forms,
)
from tracker.analysis.families import entity_family, family_words
from tracker.analysis.types import DocumentInput, MentionInput

#: A context of fewer informative words than this borrows the previous sentence's ("put the figure at").
MIN_OWN_CONTEXT_WORDS = 3
#: Figures whose sizes differ more than this many times are never one statistic.
MAX_MAGNITUDE_RATIO = 20.0
#: What linking needs, for the same value, compatible bounds, disagreeing bounds: (shared words,
#: rarity-weighted overlap, share of the smaller context in common).
LINK_SAME_VALUE = (1, 2.0, 0.3)
LINK_COMPATIBLE = (2, 4.0, 0.4)
LINK_DISAGREEING = (3, 6.0, 0.6)
#: Candidate search: the rarest words of a mention looked up, and the most recent entries read per word.
QUERY_WORDS = 4
POSTING_WINDOW = 16
MAX_CANDIDATES = 8


@dataclass(slots=True)
class Unit:
    """Mentions that are one comparison unit: same bucket, same context, same bounds, same source."""

    bucket: tuple[str, str | None]
    family: str | None
    words: frozenset[str]
    sentences: tuple[str, ...]  # where the words come from: the sentence, and the one before if borrowed
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
        self.docs = {doc.document_id: doc for doc in docs}
        self.previous: dict[int, dict[str, str]] = {}

    def previous_sentence(self, m: MentionInput) -> str:
        """The sentence before the mention's in its document ("" when first or not found)."""
        prev = self.previous.get(m.document_id)
        if prev is None:
            prev = self.previous[m.document_id] = {}
            sentences = self.docs[m.document_id].sentences if m.document_id in self.docs else ()
            for before, sentence in zip(("", *sentences), sentences, strict=False):
                prev.setdefault(sentence, before)
        return prev.get(m.sentence, "")

    def words(self, m: MentionInput, family: str | None) -> tuple[frozenset[str], tuple[str, ...]]:
        """The stems of the mention's informative context words, and the sentences they come from."""
        drop = _dropped_words(m.unit, family, m.source)
        own = sentence_stems(m.sentence) - drop
        if len(own) < MIN_OWN_CONTEXT_WORDS:
            before = self.previous_sentence(m)
            if before:
                return own | (sentence_stems(before) - drop), (m.sentence, before)
        return own, (m.sentence,)


@lru_cache(maxsize=4096)
def _dropped_words(unit: str, family: str | None, source: str | None) -> frozenset[str]:
    """Words left out of a context: the counted noun's family (or the unit) and the source's name."""
    counted = family_words(family) if unit == "count" else frozenset({unit, unit + "s"})
    return excluded_stems(counted) | source_words(source)


def _units(docs: Sequence[DocumentInput]) -> list[Unit]:
    """The analyzed mentions in (document, index) order, collapsed into comparison units."""
    builder = _ContextBuilder(docs)
    mentions = sorted(
        (m for doc in docs for m in doc.mentions if is_analyzed(m)),
        key=lambda m: (m.document_id, m.index, m.figure_id),
    )
    units: dict[tuple[object, ...], Unit] = {}
    for m in mentions:
        # copies of one sentence (wire stories) are one unit: the first copy's context stands for all
        key = (m.category, m.unit, m.entity, m.sentence, m.scope, m.value, m.low, m.high, m.qualifier,
               m.source, m.parent_figure_id is None)
        unit = units.get(key)
        if unit is None:
            bucket, family = bucket_of(m)
            words, sentences = builder.words(m, family)
            unit = units[key] = Unit(bucket, family, words, sentences, parse_scope(m.scope, m.sentence),
                                     mention_interval(m), magnitude(m), m.value)
        unit.mentions.append(m)
    return list(units.values())


class _Components:
    """Union-find over units that also remembers which figures each component holds (subset links)."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = units
        self.parent = list(range(len(units)))
        self.members = [[i] for i in range(len(units))]
        # the figures each component is a subset of (empty for almost all: built only where needed)
        self.parents: list[set[int]] = [set() for _ in units]
        for i, u in enumerate(units):
            for m in u.mentions:
                if m.parent_figure_id is not None:
                    self.parents[i].add(m.parent_figure_id)

    def _holds_any(self, root: int, figure_ids: set[int]) -> bool:
        return any(m.figure_id in figure_ids for i in self.members[root] for m in self.units[i].mentions)

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
        if (self.parents[ra] and self._holds_any(rb, self.parents[ra])) or (
            self.parents[rb] and self._holds_any(ra, self.parents[rb])
        ):
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members[rb])
        self.members[rb] = []
        if self.parents[rb]:
            self.parents[ra] |= self.parents[rb]
            self.parents[rb] = set()


def _should_link(a: Unit, b: Unit, idf: dict[str, float]) -> bool:
    """Whether two units of one bucket measure the same thing (the rule in the module docstring)."""
    shared = a.words & b.words
    if a.value is not None and a.value == b.value:
        need = LINK_SAME_VALUE
    elif a.interval.overlaps(b.interval):
        need = LINK_COMPATIBLE
    else:
        need = LINK_DISAGREEING
    if len(shared) < need[0] or len(shared) < need[2] * min(len(a.words), len(b.words)):
        return False
    if scopes_conflict(a.scope, b.scope) or magnitude_ratio(a.magnitude, b.magnitude) > MAX_MAGNITUDE_RATIO:
        return False
    return sum(idf[w] for w in shared) >= need[1]


def _cluster_bucket(units: Sequence[Unit], idf: dict[str, float], rank: dict[str, int]) -> list[list[int]]:
    """Components of linked units within one bucket, as lists of positions in `units`."""
    components = _Components(units)
    postings: dict[str, list[int]] = defaultdict(list)
    find = components.find
    ranked_words = rank.keys()
    values = [math.nan if u.value is None else u.value for u in units]  # NaN equals nothing
    for i, unit in enumerate(units):
        indexed = unit.words & ranked_words
        pool: list[int] = []
        for w in sorted(indexed, key=rank.__getitem__)[:QUERY_WORDS]:
            if w in postings:
                pool.extend(postings[w][-POSTING_WINDOW:])
        if pool:
            # one shared rare word is enough to look only when the value is the same (see LINK_*)
            value = values[i]
            candidates = [(-n, j) for j, n in Counter(pool).items() if n >= 2 or values[j] == value]
            if len(candidates) > 4 * MAX_CANDIDATES:
                candidates = heapq.nsmallest(4 * MAX_CANDIDATES, candidates)
            else:
                candidates.sort()
            root = find(i)
            tried: set[int] = set()
            for _, j in candidates:
                r = find(j)
                if r == root or r in tried:
                    continue  # the best candidate of each component: one link joins the component
                tried.add(r)
                if _should_link(unit, units[j], idf):
                    components.union(i, j)
                    root = find(i)
                if len(tried) >= MAX_CANDIDATES:
                    break
        for w in indexed:
            postings[w].append(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(units)):
        groups[components.find(i)].append(i)
    return sorted(groups.values())


def _shared_context(units: Sequence[Unit], idf: dict[str, float], limit: int = 6) -> tuple[str, ...]:
    """The context words most shared among a statistic's units (all of them for a single unit)."""
    counts: Counter[str] = Counter()
    for unit in units:
        counts.update(unit.words)
    least = 2 if len(units) > 1 else 1
    ranked = sorted((s for s, n in counts.items() if n >= least), key=lambda s: (-counts[s], -idf[s], s))
    chosen = ranked[:limit]
    surface = surface_forms(chosen, _context_sentences(units))
    return tuple(surface.get(s, s) for s in chosen)


def _context_sentences(units: Sequence[Unit]) -> list[str]:
    """The sentences a statistic's context words come from."""
    return sorted({s for u in units for s in u.sentences})


def group_statistics(docs: Sequence[DocumentInput]) -> list[StatisticGroup]:
    """The statistics of a corpus: the analyzed mentions grouped by what they measure."""
    units = _units(docs)
    df: Counter[str] = Counter()
    for unit in units:
        df.update(unit.words)
    n = len(units)
    idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
    # the words worth looking up, rarest first (a word in one unit only links nothing)
    rank = {w: i for i, w in enumerate(sorted((w for w, c in df.items() if c > 1), key=lambda w: (df[w], w)))}
    buckets: dict[tuple[str, str | None], list[Unit]] = defaultdict(list)
    for unit in units:
        buckets[unit.bucket].append(unit)
    groups: list[StatisticGroup] = []
    for bucket in sorted(buckets, key=lambda b: (b[0], b[1] or "")):
        members = buckets[bucket]
        for component in _cluster_bucket(members, idf, rank):
            chosen = [members[i] for i in component]
            mentions = tuple(sorted((m for u in chosen for m in u.mentions),
                                    key=lambda m: (m.document_id, m.index, m.figure_id)))
            groups.append(StatisticGroup(bucket[0], chosen[0].family, mentions[0].unit, mentions,
                                         _shared_context(chosen, idf)))
    return _merge_equal_subsets(groups)


def _merge_equal_subsets(groups: list[StatisticGroup]) -> list[StatisticGroup]:
    """Join statistics that state one value as a subset of one statistic ("including 111 civilians" of the
    same "at least 826 killed" in two articles): their own sentences may share too few words to link."""
    group_of = {m.figure_id: i for i, g in enumerate(groups) for m in g.mentions}
    first: dict[tuple[object, ...], int] = {}
    merged: dict[int, list[MentionInput]] = {}
    for i, g in enumerate(groups):
        parents = {group_of[m.parent_figure_id] for m in g.mentions if m.parent_figure_id in group_of}
        values = {m.value for m in g.mentions}
        if len(parents) != 1 or len(values) != 1 or None in values:
            continue
        key = (g.category, g.family, g.unit, values.pop(), parents.pop())
        if key in first:
            merged.setdefault(first[key], list(groups[first[key]].mentions)).extend(g.mentions)
            merged[i] = []  # folded into the first
        else:
            first[key] = i
    out: list[StatisticGroup] = []
    for i, g in enumerate(groups):
        if i not in merged:
            out.append(g)
        elif merged[i]:
            mentions = tuple(sorted(merged[i], key=lambda m: (m.document_id, m.index, m.figure_id)))
            out.append(StatisticGroup(g.category, g.family, g.unit, mentions, g.context))
    return out
