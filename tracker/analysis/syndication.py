"""Syndication: documents that share most of their sentences are copies of one wire story.

Sentences are normalized (lower case, letters and digits only) and indexed by their text, so the work
grows with the number of sentences, not with the number of document pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC

from tracker.analysis.types import DocumentInput, SyndicationOut

#: A sentence shorter than this (in words) is too generic to show copying ("Image Credit: AFP").
MIN_SENTENCE_WORDS = 5
#: Two documents are copies when they share at least this fraction of the shorter one's sentences ...
MIN_SHARED_FRACTION = 0.5
#: ... and at least this many sentences.
MIN_SHARED_SENTENCES = 3
#: A sentence found in more documents than this is boilerplate (a footer), not evidence of copying.
MAX_DOCUMENTS_PER_SENTENCE = 500

# ASCII characters other than letters and digits become spaces (bytes.translate: fast); the typographic
# quotes and dashes that differ between copies of one story are mapped to spaces first.
_SPLIT_TABLE = bytes(b if (chr(b).isalnum() or b >= 0x80) else 0x20 for b in range(256))
_TYPOGRAPHY = str.maketrans({c: " " for c in "‘’“”«»–—…\u00a0"})


def normalize_sentence(sentence: str) -> str:
    """A sentence reduced for comparison: lower case, runs of non-word characters as one space."""
    raw = sentence.lower()
    if not raw.isascii():
        raw = raw.translate(_TYPOGRAPHY)
    return b" ".join(raw.encode("utf-8").translate(_SPLIT_TABLE).split()).decode("utf-8")


@dataclass(frozen=True, slots=True)
class SyndicationResult:
    """The copies found, and for every document the origin document it counts as (itself if original)."""

    copies: tuple[SyndicationOut, ...]
    origin_of: dict[int, int]


def _sort_key(doc: DocumentInput) -> tuple[bool, float, int]:
    """Earliest published first (unknown dates last), then the smallest document id."""
    if doc.published is None:
        return (True, 0.0, doc.document_id)
    published = doc.published if doc.published.tzinfo else doc.published.replace(tzinfo=UTC)
    return (False, published.timestamp(), doc.document_id)


def _find(parent: dict[int, int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def find_syndication(docs: Sequence[DocumentInput]) -> SyndicationResult:
    """Group documents that share most of their sentences; the earliest of a group is its origin."""
    sentence_sets: dict[int, frozenset[str]] = {}
    index: dict[str, list[int]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: d.document_id):
        normalized = (normalize_sentence(s) for s in doc.sentences)
        keys = frozenset(n for n in normalized if n.count(" ") + 1 >= MIN_SENTENCE_WORDS)
        sentence_sets[doc.document_id] = keys
        for key in keys:
            index[key].append(doc.document_id)

    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in index.values():
        if 1 < len(ids) <= MAX_DOCUMENTS_PER_SENTENCE:
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    shared[(a, b)] += 1

    parent = {doc_id: doc_id for doc_id in sentence_sets}
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), count in shared.items():
        smaller = min(len(sentence_sets[a]), len(sentence_sets[b]))
        share = count / smaller
        if count >= MIN_SHARED_SENTENCES and share >= MIN_SHARED_FRACTION:
            neighbours[a][b] = neighbours[b][a] = share
            ra, rb = _find(parent, a), _find(parent, b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

    groups: dict[int, list[DocumentInput]] = defaultdict(list)
    by_id = {doc.document_id: doc for doc in docs}
    for doc_id in sentence_sets:
        groups[_find(parent, doc_id)].append(by_id[doc_id])

    origin_of: dict[int, int] = {}
    copies: list[SyndicationOut] = []
    for members in groups.values():
        origin = min(members, key=_sort_key).document_id
        for doc in members:
            origin_of[doc.document_id] = origin
            if doc.document_id == origin:
                continue
            near = neighbours[doc.document_id]
            share = near.get(origin, max(near.values()))
            copies.append(SyndicationOut(doc.document_id, origin, round(share, 4)))
    copies.sort(key=lambda c: c.document_id)
    return SyndicationResult(tuple(copies), origin_of)
