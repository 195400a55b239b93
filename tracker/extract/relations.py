"""Relations between figures of one document: subsets (`parent`) and restatements (`equivalent_of`).

A subset is a figure introduced as part of a larger one of its sentence ("826 people, including 111
civilians", "30 of them children"); a restatement gives the figure before it in other units ("about 140
kilometres (85 miles)") and is linked only when both measure the same kind of quantity and their SI
values (from pint, in `Figure.si_value`) agree within 5%, or when both are money in different currencies
(no exchange rates are kept). A restatement takes the hedge and the change of the figure it restates.
The linking words are data (attribution_relations.txt).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from tracker.data_files import data_role_rows
from tracker.extract.trie import trie_pattern
from tracker.extract.units import tables
from tracker.figure import Figure
from tracker.patterns import compile_pattern

_RELATIONS = "attribution_relations.txt"
_ROLES = ("subset_before", "subset_after", "restate")
#: How far two SI values may differ (relative to the larger) and still restate one quantity.
AGREEMENT = 0.05
_LIST_JOIN = compile_pattern(r"\s*(?:,\s*)?(?:and\s+)?(?:,\s*)?")
_BOUNDED = {
    "approximately": ("value", "value"),
    "at_least": ("value", None),
    "more_than": ("value", None),
    "at_most": (None, "value"),
    "less_than": (None, "value"),
    "up_to": (None, "value"),
}


@dataclass(frozen=True, slots=True)
class _Grammar:
    subset_before: re.Pattern[str]
    subset_after: re.Pattern[str]
    restate: re.Pattern[str]


@cache
def _grammar() -> _Grammar:
    """The compiled linking words (built once)."""
    phrases: dict[str, list[str]] = {role: [] for role in _ROLES}
    for _, phrase, role, _ in data_role_rows(_RELATIONS, _ROLES):
        phrases[role].append(phrase.lower())
    before, after, restate = (trie_pattern(phrases[r]) for r in _ROLES)
    return _Grammar(
        subset_before=compile_pattern(rf"(?<![\w-])(?i:{before})[\s,:]*$"),
        subset_after=compile_pattern(rf"\s*(?i:{after})(?![\w-])"),
        restate=compile_pattern(rf"\s*(?:\(\s*|(?i:{restate})\s*)"),
    )


def _lowest(f: Figure) -> float | None:
    return f.low if f.low is not None else f.value


def _highest(f: Figure) -> float:
    if f.high is not None:
        return f.high
    if f.qualifier in ("at_least", "more_than"):
        return math.inf
    return f.value if f.value is not None else math.inf


def _magnitude(f: Figure) -> float | None:
    if f.si_value is not None:
        return f.si_value
    return None


def _unit_kind(f: Figure) -> str | None:
    unit = tables().units.get(f.unit)
    return unit.kind if unit is not None else None


def quantities_agree(first: Figure, second: Figure, tolerance: float = AGREEMENT) -> bool:
    """Whether two figures state one physical quantity: same kind of unit, SI values within `tolerance`."""
    if first.unit == "count" or second.unit == "count":
        return False
    kind = _unit_kind(first)
    if kind is None or kind != _unit_kind(second):
        return False
    if first.unit == second.unit:
        a, b = first.value, second.value
    else:
        a, b = _magnitude(first), _magnitude(second)
    if a is None or b is None:
        return False
    largest = max(abs(a), abs(b))
    return largest == 0 or abs(a - b) <= tolerance * largest


def _restatement(text: str, first: Figure, second: Figure) -> bool:
    """Whether `second` restates `first`: "140 kilometres (85 miles)", "50 miles, or 80 km"."""
    joined = _grammar().restate.match(text, first.end, second.start)
    return bool(joined and joined.end() == second.start and first.unit != second.unit)


def _currency_conversion(first: Figure, second: Figure) -> bool:
    """Whether two amounts of money in different currencies restate one sum ("7.5m crowns (US $1.1m)").

    No exchange rate is kept, so the amounts are not compared: the restating words are the evidence.
    """
    return first.unit != second.unit and _unit_kind(first) == "money" and _unit_kind(second) == "money"


def _inherit_qualifier(first: Figure, second: Figure) -> Figure:
    """A restatement takes the hedge and the change of the figure it restates: "about 140 km (85 miles)",
    "more than 7.5 million crowns (US $1.1 million)", "rose 5 km (3 miles)"."""
    if second.trend is None and first.trend is not None:
        second = second.replace(trend=first.trend)
    bounds = _BOUNDED.get(first.qualifier)
    if bounds is None or second.qualifier != "exact" or second.value is None:
        return second
    low, high = (second.value if b == "value" else None for b in bounds)
    return second.replace(qualifier=first.qualifier, low=low, high=high)


def _subset_cue(text: str, parent: Figure, child: Figure) -> bool:
    g = _grammar()
    window_start = max(parent.end, child.start - 40)
    return bool(g.subset_before.search(text, window_start, child.start)
                or g.subset_after.match(text, child.end, child.sentence_end))


def _fits_inside(parent: Figure, child: Figure) -> bool:
    low = _lowest(child)
    return parent.unit == child.unit and (low is None or low <= _highest(parent))


def link_figures(text: str, figures: list[Figure]) -> list[Figure]:
    """The figures with `parent` and `equivalent_of` set (indices into this list)."""
    out = list(figures)
    for i in range(1, len(out)):
        f, previous = out[i], out[i - 1]
        if previous.sentence_start != f.sentence_start:
            continue
        if _restatement(text, previous, f):
            if quantities_agree(previous, f) or _currency_conversion(previous, f):
                out[i] = _inherit_qualifier(previous, f).replace(equivalent_of=i - 1)
            continue
        parent: int | None = None
        if _subset_cue(text, previous, f):
            for k in range(i - 1, -1, -1):
                candidate = out[k]
                if candidate.sentence_start != f.sentence_start:
                    break
                if candidate.equivalent_of is None and _fits_inside(candidate, f):
                    parent = k
                    break
        elif previous.parent is not None and _LIST_JOIN.fullmatch(text, previous.end, f.start) \
                and _fits_inside(out[previous.parent], f):
            parent = previous.parent  # "including 111 civilians and 30 children"
        if parent is not None:
            out[i] = f.replace(parent=parent)
    return out
