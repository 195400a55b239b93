"""Revisions: one source's running toll moving over time ("1,200" then "1,234"; "640, revised down to 512").

Only cumulative statistics have running tolls. A statistic's figures are split into voices: one per
named source, official bodies of a state together (tracker.analysis.timeline); the outlets' own
unattributed tolls join the main voice. Each text gives a voice one current statement (its best: a
body's sentence, an exact number, an attributed figure), and the figures it marks as earlier ("grew from
50") or moved ("rose to 57"). They are put in time order: by publication day, then by those marks; when
some documents are undated, a running toll is read as rising, so by size (but a count a text marks as earlier
stays just before that text's current count). Consecutive figures that agree
(compatible bounds, about one size) are one step; each document's figure of a step leads to the statement
of the next step. A step inside one document counts only where the text marks it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from datetime import date

from tracker.analysis.bounds import magnitude, magnitude_ratio
from tracker.analysis.claims import QUALIFIER_PRECISION
from tracker.analysis.timeline import Dated, interval, is_carried_over, is_headline, is_part, same_source, voice
from tracker.analysis.types import CUMULATIVE, RevisionOut

#: Figures of one voice this close in size (and with compatible bounds) state one step of its toll.
SAME_STEP_RATIO = 1.02
#: ... and a lower bound with a number just above it ("more than 60", "62").
SAME_BOUND_STEP_RATIO = 1.05


def _voices(dated: Sequence[Dated], event_country: str | None,
            officials: frozenset[str]) -> list[tuple[str | None, list[Dated]]]:
    """The statistic's figures split by who gives them (see the module docstring); the outlets' own
    unattributed figures join the voice most of the row's figures come from (they repeat the toll of the
    day), else form a voice of their own."""
    voices: list[tuple[str | None, list[Dated]]] = []
    unattributed: list[Dated] = []
    for d in dated:
        if d.mention.qualifier == "vague" or not interval(d.mention).known or is_part(d.mention):
            continue
        if d.source is None:
            unattributed.append(d)
            continue
        name = voice(d.mention, event_country, officials)
        for known, members in voices:
            official = known is not None and known.startswith("official:")
            if (official and known == name) or (not official and same_source(known, name)):
                members.append(d)
                break
        else:
            voices.append((name, [d]))
    if unattributed:
        if voices:
            max(voices, key=lambda v: len(v[1]))[1].extend(unattributed)
        else:
            voices.append((None, unattributed))
    return voices


def _in_time_order(members: list[Dated]) -> list[Dated]:
    if all(d.day is not None for d in members):
        return sorted(members, key=lambda d: (d.day or date.min, d.mention.stage, d.order, d.mention.index))
    # By size, as a rising toll; but a count the text marks as earlier ("nearly 500 ... originally described")
    # stands just before the same text's current count, whatever its size: the text says which came first.
    current = {d.mention.document_id: magnitude(d.mention) or 0.0 for d in members if d.mention.stage == 0}
    return sorted(members, key=lambda d: (
        current.get(d.mention.document_id, magnitude(d.mention) or 0.0) if d.mention.stage < 0
        else magnitude(d.mention) or 0.0, d.mention.stage, d.order, d.mention.index))


def _one_statement_per_text(members: Sequence[Dated]) -> list[Dated]:
    """A voice's figures with one figure per text for what the text states as current ("1,682,726 houses"
    and "1.6 million houses" in one article are two statements of one count, not two steps): its best
    statement, and the figures the text marks as earlier or moved."""
    best: dict[int, Dated] = {}
    marked: list[Dated] = []
    for d in members:
        if d.mention.stage != 0:
            marked.append(d)
        elif d.mention.document_id not in best or _precision(d) < _precision(best[d.mention.document_id]):
            best[d.mention.document_id] = d
    return [*best.values(), *marked]


def _precision(d: Dated) -> tuple[bool, int, bool, bool, int, int]:
    """The figure that best states a step first: a body's sentence before a headline (which rounds: "nears
    3000"), an exact number before a bound, an attributed figure before the outlet's own, the source's own
    statement before the outlet's restatement of it, then text order."""
    return (is_headline(d.mention), QUALIFIER_PRECISION.get(d.mention.qualifier, 5), d.source is None,
            is_carried_over(d.mention), d.order, d.mention.index)


def _stated(step: list[Dated]) -> Dated:
    """The figure that states a step: its most precise."""
    return min(step, key=_precision)


def _same_step(a: Dated, b: Dated) -> bool:
    """Whether two figures state one stage of a toll: compatible bounds and about the same size ("more than
    60" and "62"; not "at least 2,122" and "at least 2,901")."""
    ia, ib = interval(a.mention), interval(b.mention)
    bounded = math.isinf(ia.high) or math.isinf(ib.high)  # "more than 60": any number just above it
    limit = SAME_BOUND_STEP_RATIO if bounded else SAME_STEP_RATIO
    return ia.overlaps(ib) and magnitude_ratio(magnitude(a.mention), magnitude(b.mention)) <= limit


def _voice_name(name: str | None, members: Sequence[Dated]) -> str | None:
    if name is None or not name.startswith("official:"):
        return name
    names = [d.source for d in members if d.source]
    return names[-1] if names else None


def find_revisions(statistic_key: str, period: str, dated: Sequence[Dated],
                   event_country: str | None = None, officials: frozenset[str] = frozenset()) -> list[RevisionOut]:
    """The steps of each voice's running toll in one statistic (see the module docstring)."""
    if period != CUMULATIVE:
        return []
    out: list[RevisionOut] = []
    for name_of_voice, members in _voices(dated, event_country, officials):
        ordered = _in_time_order(_one_statement_per_text(members))
        steps: list[list[Dated]] = []
        for d in ordered:
            if steps and _same_step(steps[-1][0], d):
                steps[-1].append(d)
            else:
                steps.append([d])
        name = _voice_name(name_of_voice, members)
        for before, after in itertools.pairwise(steps):
            target = _stated(after)
            seen: set[int] = set()
            for d in sorted(before, key=_precision):
                if d.mention.document_id in seen:
                    continue
                seen.add(d.mention.document_id)
                if d.mention.document_id == target.mention.document_id \
                        and d.mention.stage >= 0 and target.mention.stage <= 0:
                    continue  # two numbers of one text, neither marked as the earlier or the moved one
                out.append(RevisionOut(statistic_key, name, d.mention.figure_id, target.mention.figure_id))
    return out
