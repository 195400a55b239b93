"""Carry-over: a figure stated in the article's own voice takes the source that the same article gives to
the same number of the same category elsewhere.

"At least 61 people died" in a lead and "the health ministry said 61 people had died" further down are
one figure, reported twice: the lead's 61 is the ministry's. A headline rounds ("Death toll passes 2,000",
"Toll nears 3000"): a headline figure also takes the source of a figure of its category that it rounds
(2,122 is "over 2,000"; 2,901 "nears 3000"), unless the article states the headline's number again in its
own voice ("passed 200" in the body: the headline repeats the article's own sum). The figure's
`source_text` says where the attribution came from. Categories that are no event's toll (durations,
distances, "other") are never carried over.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.figure import Figure

#: How a carried-over `source_text` says where its attribution came from (it ends "... (carried over from “N”)").
CARRIED_OVER_MARK = "(carried over from "

_NOT_CARRIED = frozenset({"other", "duration", "distance"})
#: How far from the round number a rounded figure may lie, as a share of it.
_ROUNDING_SHARE = 0.1


def _headline(text: str, f: Figure) -> bool:
    """Whether a figure stands in a headline or a subheading: a line of its own with no closing full stop."""
    line_start = text.rfind("\n", 0, f.sentence_start) + 1
    line_end = text.find("\n", f.sentence_end)
    line_end = len(text) if line_end < 0 else line_end
    return f.sentence_start == line_start and f.sentence_end == line_end and text[f.sentence_end - 1] not in ".!?\"”’"


def _step(value: float) -> float:
    """The rounding step of a round number: 3000 -> 1000, 1500 -> 100, 40 -> 10; 0 when it is not round."""
    if value <= 0 or value != int(value):
        return 0.0
    n, step = int(value), 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return float(step) if step > 1 else 0.0


def _rounds(f: Figure, g: Figure) -> bool:
    """Whether headline figure `f` rounds `g`: "over 2,000" for 2,122, "nears 3000" for 2,901."""
    if f.value is None or g.value is None or g.value == f.value:
        return False
    step = _step(f.value)
    if not step or abs(g.value - f.value) > _ROUNDING_SHARE * f.value:
        return False
    if f.qualifier in ("more_than", "at_least"):
        return f.value < g.value < f.value + step
    if f.trend == "up":  # "passes 2,000", "exceeds 1,500": what it passed
        return f.value <= g.value < f.value + step
    if f.trend == "down":
        return f.value - step < g.value <= f.value
    if f.qualifier in ("approximately", "exact"):
        return abs(g.value - f.value) <= step / 2  # "Death toll nears 3000" for 2,901
    return False


def _same_number(f: Figure, g: Figure) -> bool:
    """Whether two figures state the same number (the same bounds when they have no value)."""
    if f.value is not None or g.value is not None:
        return f.value == g.value
    return (f.low, f.high) == (g.low, g.high)


def _donor(text: str, f: Figure, attributed: Sequence[Figure], figures: Sequence[Figure]) -> Figure | None:
    """The attributed figure whose source `f` takes: the nearest of the same number, else one it rounds
    (when the article does not state the headline's number again in its own voice)."""
    same = [g for g in attributed if g.category == f.category and g.unit == f.unit]
    exact = [g for g in same if _same_number(f, g)]
    if not exact and _headline(text, f) and not any(
            g is not f and g.unit == f.unit and _same_number(f, g) and not _headline(text, g) for g in figures):
        exact = [g for g in same if _rounds(f, g)]
    if not exact:
        return None
    return min(exact, key=lambda g: abs(g.start - f.start))


def carry_over_sources(text: str, figures: list[Figure]) -> list[Figure]:
    """The figures, those stated in the article's own voice with the source of the same figure elsewhere."""
    attributed = [f for f in figures if f.source is not None and f.category not in _NOT_CARRIED]
    if not attributed:
        return figures
    out: list[Figure] = []
    for f in figures:
        if f.source is None and f.category not in _NOT_CARRIED:
            donor = _donor(text, f, attributed, figures)
            if donor is not None:
                f = f.replace(source=donor.source, source_kind=donor.source_kind, channel=donor.channel,
                              source_text=f"{donor.source_text} {CARRIED_OVER_MARK}“{donor.text}”)")
        out.append(f)
    return out
