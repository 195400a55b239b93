"""What discrepancies and revisions share: when a figure was given, by whom, and whether two sources are one.

A figure is dated by its document's publication day; a document without one is undated. Two source names
are one source when they are equal or one's words hold the other's ("the Gaza Health Ministry", "the
health ministry"). For a running toll, official bodies of one side (government, ministry, police,
military, state) are one voice: AFAD's toll and the president's are steps of one official count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from tracker.analysis.bounds import INF, Interval, mention_interval
from tracker.analysis.types import MentionInput

#: Source kinds that speak for a state; their tolls chain into one official count.
OFFICIAL_KINDS = frozenset({"government", "ministry", "police", "military", "state"})
#: Counted nouns that are a floor of the toll, not a toll: the bodies someone saw or recovered.
_FLOOR_ENTITIES = frozenset({"bodies", "body", "corpses", "corpse"})
_STOP = frozenset({"the", "of", "a", "an", "and", "for", "s"})


@dataclass(frozen=True, slots=True)
class Dated:
    """A mention with its document's day and order (for ordering figures in time)."""

    mention: MentionInput
    day: date | None
    order: int  # the document's position among the corpus's documents, oldest first

    @property
    def source(self) -> str | None:
        """The mention's source."""
        return self.mention.source


def interval(m: MentionInput) -> Interval:
    """The values a figure allows, as a toll: approximations widened, bodies seen a floor."""
    found = mention_interval(m)
    if found.known and m.entity and m.entity.lower().split()[-1] in _FLOOR_ENTITIES:
        return Interval(found.low, INF)
    return found


@lru_cache(maxsize=8192)
def _words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", name.lower().replace("'s", " ")) if w not in _STOP)


def same_source(a: str | None, b: str | None) -> bool:
    """Whether two source names are one source (equal, or one's words inside the other's)."""
    if a is None or b is None:
        return a is b
    if a.lower() == b.lower():
        return True
    wa, wb = _words(a), _words(b)
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def is_official(m: MentionInput) -> bool:
    """Whether a figure comes from a body that speaks for a state."""
    return m.source is not None and m.source_kind in OFFICIAL_KINDS


def days_apart(a: Dated, b: Dated) -> int | None:
    """Days between two figures' documents; None when either is undated."""
    if a.day is None or b.day is None:
        return None
    return abs((a.day - b.day).days)
