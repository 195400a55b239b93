"""The interval a figure asserts, for comparing figures: do their bounds overlap, how far apart are they."""

from __future__ import annotations

import math
from dataclasses import dataclass

from tracker.analysis.types import MentionInput

INF = math.inf
#: "about 2,000" and "around 1,900" agree: an approximate figure is widened by this fraction each way.
APPROXIMATE_TOLERANCE = 0.1

_OPEN_ABOVE = frozenset({"at_least", "more_than"})
_OPEN_BELOW = frozenset({"at_most", "less_than", "up_to"})


@dataclass(frozen=True, slots=True)
class Interval:
    """Closed bounds [low, high] (infinite when open); `known` is False when the figure states no number."""

    low: float
    high: float
    known: bool = True

    def overlaps(self, other: Interval) -> bool:
        """Whether two intervals share a value (an unknown interval overlaps nothing)."""
        return self.known and other.known and self.low <= other.high and other.low <= self.high

    def intersection(self, other: Interval) -> Interval:
        """The values both intervals allow (call only when they overlap)."""
        return Interval(max(self.low, other.low), min(self.high, other.high), self.known and other.known)


def mention_interval(m: MentionInput, tolerant: bool = True) -> Interval:
    """The bounds a mention asserts; approximate figures widened by the tolerance when `tolerant`."""
    low, high = m.low, m.high
    if low is None and high is None:
        if m.value is None:
            return Interval(-INF, INF, known=False)
        if m.qualifier in _OPEN_ABOVE:
            low = m.value
        elif m.qualifier in _OPEN_BELOW:
            high = m.value
        else:
            low = high = m.value
    lo = -INF if low is None else float(low)
    hi = INF if high is None else float(high)
    if lo > hi:
        lo, hi = hi, lo
    if math.isnan(lo) or math.isnan(hi):
        return Interval(-INF, INF, known=False)
    if tolerant and m.qualifier == "approximately":
        lo, hi = lo - abs(lo) * APPROXIMATE_TOLERANCE, hi + abs(hi) * APPROXIMATE_TOLERANCE
    return Interval(lo, hi)


def magnitude(m: MentionInput) -> float | None:
    """One number standing for a mention's size: its value, else the middle (geometric) of its bounds."""
    if m.value is not None and math.isfinite(m.value):
        return abs(m.value)
    bounds = [abs(b) for b in (m.low, m.high) if b is not None and math.isfinite(b)]
    if len(bounds) == 2 and bounds[0] > 0 and bounds[1] > 0:
        return math.sqrt(bounds[0] * bounds[1])
    return bounds[0] if bounds else None


def magnitude_ratio(a: float | None, b: float | None) -> float:
    """How many times larger the larger magnitude is (1.0 when either is unknown)."""
    if a is None or b is None:
        return 1.0
    small, large = sorted((a, b))
    if small == 0:
        return 1.0 if large == 0 else INF
    return large / small
