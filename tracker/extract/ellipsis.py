"""Elided units: a bare number that a parallel construction pairs with a measured one takes its unit.

English states a unit once for numbers it sets side by side: "increased by 2 percent but NSADAQ
decreased by 1", "a minus-1.4 degree angle in 2018 and 2.1 last year", "from about 14-18 mpg to 24",
"raised 280 million of the 1.5 billion shekels". Only measured units (money, percent, physical) are shared
this way here: a bare count keeps its own reading, since "5 km away ... and 3 were killed" is no ellipsis.

A partitive with a pronoun ("Four of them are children") elides the group it is part of: the nearest
casualty count before it, in its sentence or the two before: it counts what that group counts, as its part.
"""

from __future__ import annotations

import re

from tracker.extract.categories import PEOPLE_OUTCOMES, categorize
from tracker.extract.units import si_value, tables
from tracker.figure import Figure
from tracker.patterns import compile_pattern

#: How far apart (in characters) the two numbers of a parallel pair may stand.
_MAX_GAP = 60

#: A coordinator between the two numbers: the later one continues the earlier one's list or contrast.
_COORDINATOR = compile_pattern(r"\b(?:and|but|while|whereas|or|versus|vs|against|compared\s+(?:with|to))\b",
                               re.IGNORECASE)
#: "from X unit to Y": the bare end of a from-to pair.
_TO_AFTER_FROM = compile_pattern(r"\A[ \t\u00a0]*(?:\w+[ \t\u00a0]+)?to[ \t\u00a0]+\Z", re.IGNORECASE)
_FROM_BEFORE = compile_pattern(r"\bfrom[ \t\u00a0]+(?:about[ \t\u00a0]+|around[ \t\u00a0]+)?\Z", re.IGNORECASE)
#: "280 million of the 1.5 billion shekels": a part of a whole stated in the whole's unit.
_S = r"[ \t\u00a0]+"
_PART_OF = compile_pattern(rf"\A{_S}(?:out{_S})?of{_S}(?:(?:the|a|its){_S})?\Z", re.IGNORECASE)

_UNSHARED = frozenset({"count", "fraction"})

#: What may follow an elided number: the end of its phrase (punctuation, a preposition, a time word), not a
#: verb whose subject it is ("5 km wide and 3,000 live there" counts people).
_PHRASE_END = compile_pattern(r"[ \t\u00a0]*(?:[.,;:)\]!?]|$|(?:in|on|at|for|by|from|to|of|per|a|an|the|last|this|next|"
                              r"each|respectively|since|until|after|before|during|over|compared|against|when|while|"
                              r"and|but|or|as)\b)", re.IGNORECASE)


def _bare(f: Figure) -> bool:
    """A number with nothing after it that says what it counts, and no casualty reading."""
    return f.unit == "count" and f.entity is None and f.qualifier != "vague" and f.category == "other"


def _pairs_back(text: str, prev: Figure, f: Figure) -> bool:
    """Whether `f` continues `prev`'s list, contrast or from-to pair (the unit written on `prev`)."""
    if not _PHRASE_END.match(text, f.end):
        return False
    if (prev.trend is None) != (f.trend is None):
        return False  # "rose 5% to 300": a change and then a level, not two of a kind
    gap = text[prev.end:f.start]
    if _TO_AFTER_FROM.match(gap):
        return bool(_FROM_BEFORE.search(text, max(prev.sentence_start, prev.start - 14), prev.start))
    return bool(_COORDINATOR.search(gap))


def _with_unit(f: Figure, name: str) -> Figure:
    unit = tables().units[name]
    return f.replace(unit=name, si_value=si_value(unit, f.value),
                     category=categorize(unit.kind, None, (f.start, f.end), []))


def share_elided_units(text: str, figures: list[Figure]) -> list[Figure]:
    """Figures in text order, a bare number taking the unit of the measured number it is paired with."""
    out = list(figures)
    for i, f in enumerate(out):
        if not _bare(f):
            continue
        prev = out[i - 1] if i > 0 else None
        nxt = out[i + 1] if i + 1 < len(out) else None
        if prev is not None and prev.sentence_start == f.sentence_start and prev.unit not in _UNSHARED \
                and f.start - prev.end <= _MAX_GAP and _pairs_back(text, prev, f):
            out[i] = _with_unit(f, prev.unit)
        elif nxt is not None and nxt.sentence_start == f.sentence_start and nxt.unit not in _UNSHARED \
                and _PART_OF.match(text[f.end:nxt.start]):
            out[i] = _with_unit(f, nxt.unit)
    return out


_OF_PRONOUN = compile_pattern(r"\bof\s+(?:them|those|these)\Z", re.IGNORECASE)
#: How many sentences back the group of "of them" may have been named.
_PARTITIVE_REACH = 2


def resolve_partitives(figures: list[Figure]) -> list[Figure]:
    """Figures in text order (indices kept), "N of them" with no category of its own as part of its group."""
    out = list(figures)
    for i, f in enumerate(out):
        if f.category != "other" or f.unit != "count" or not _OF_PRONOUN.search(f.text):
            continue
        sentences = {f.sentence_start}
        for k in range(i - 1, -1, -1):
            prev = out[k]
            sentences.add(prev.sentence_start)
            if len(sentences) > _PARTITIVE_REACH + 1:
                break
            if prev.unit == "count" and prev.category in PEOPLE_OUTCOMES:
                out[i] = f.replace(category=prev.category, parent=f.parent if f.parent is not None else k)
                break
    return out
