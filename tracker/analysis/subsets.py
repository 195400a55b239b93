"""Subset links the extractor left out: "826 people ... including 111 civilians" in one sentence.

A figure without a parent gets one when the same sentence holds a figure of the same category whose
entity family is an ancestor of its own (civilians -> people, in entity_families.txt) and that is at
least as large. The extractor's own links (`parent_figure_id`) always win.
"""

from __future__ import annotations

import dataclasses

from tracker.analysis.bounds import magnitude
from tracker.analysis.families import entity_family, load_families
from tracker.analysis.types import DocumentInput, MentionInput


def ancestor_families(family: str | None) -> tuple[str, ...]:
    """The families a family is a subset of, nearest first (none for unknown families)."""
    parents = load_families().parent_of
    out: list[str] = []
    current = parents.get(family) if family else None
    while current is not None and current not in out:
        out.append(current)
        current = parents.get(current)
    return tuple(out)


def _implied_parent(m: MentionInput, same_sentence: list[MentionInput]) -> int | None:
    ancestors = ancestor_families(entity_family(m.entity)) if m.unit == "count" else ()
    if not ancestors:
        return None
    size = magnitude(m)
    for family in ancestors:
        for other in same_sentence:
            if other.figure_id == m.figure_id or other.category != m.category or other.unit != "count":
                continue
            other_size = magnitude(other)
            large_enough = size is None or other_size is None or other_size >= size
            if entity_family(other.entity) == family and large_enough:
                return other.figure_id
    return None


def with_implied_parents(doc: DocumentInput) -> DocumentInput:
    """The document with subset links filled in where the text implies them (see the module docstring)."""
    by_sentence: dict[str, list[MentionInput]] = {}
    for m in sorted(doc.mentions, key=lambda m: (m.index, m.figure_id)):
        by_sentence.setdefault(m.sentence, []).append(m)
    changed = False
    mentions = []
    for m in doc.mentions:
        if m.parent_figure_id is None and len(by_sentence[m.sentence]) > 1:
            parent = _implied_parent(m, by_sentence[m.sentence])
            if parent is not None:
                m = dataclasses.replace(m, parent_figure_id=parent)
                changed = True
        mentions.append(m)
    return dataclasses.replace(doc, mentions=tuple(mentions)) if changed else doc
