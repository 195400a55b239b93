"""Revisions: one source's running toll moving over time ("1,200" then "1,234"; "640, revised down to 512").

Only cumulative statistics have running tolls. A statistic's figures are split into voices: one per
named source, official bodies of a state together (tracker.analysis.timeline), and the outlets' own
unattributed tolls. A voice's figures are put in time order: by publication day, then by what the text
marks ("grew from 50" before "rose to 57"); when some documents are undated, a running toll is read as
rising, so by size. Consecutive figures that agree (compatible bounds, about one size) are one step; each
document's figure of a step leads to the first figure of the next step. A step inside one document counts
only where the text marks it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date

from tracker.analysis.bounds import magnitude, magnitude_ratio
from tracker.analysis.timeline import Dated, interval, is_official, same_source
from tracker.analysis.types import CUMULATIVE, RevisionOut

_OFFICIAL = "\x00official"
#: Figures of one voice this close in size (and with compatible bounds) state one step of its toll.
SAME_STEP_RATIO = 1.1


def _voices(dated: Sequence[Dated]) -> list[tuple[str | None, list[Dated]]]:
    """The statistic's figures split by who gives them (see the module docstring)."""
    voices: list[tuple[str | None, list[Dated]]] = []
    for d in dated:
        if d.mention.qualifier == "vague" or not interval(d.mention).known:
            continue
        name = _OFFICIAL if is_official(d.mention) else d.source
        for voice, members in voices:
            if (voice == _OFFICIAL and name == _OFFICIAL) or (
                    voice != _OFFICIAL and name != _OFFICIAL and same_source(voice, name)):
                members.append(d)
                break
        else:
            voices.append((name, [d]))
    return voices


def _in_time_order(members: list[Dated]) -> list[Dated]:
    if all(d.day is not None for d in members):
        return sorted(members, key=lambda d: (d.day or date.min, d.mention.stage, d.order, d.mention.index))
    return sorted(members, key=lambda d: (magnitude(d.mention) or 0.0, d.mention.stage, d.order, d.mention.index))


def _same_step(a: Dated, b: Dated) -> bool:
    """Whether two figures state one stage of a toll: compatible bounds and about the same size ("more than
    60" and "62"; not "at least 2,122" and "at least 2,901")."""
    return interval(a.mention).overlaps(interval(b.mention)) and magnitude_ratio(
        magnitude(a.mention), magnitude(b.mention)) <= SAME_STEP_RATIO


def _voice_name(voice: str | None, members: Sequence[Dated]) -> str | None:
    if voice != _OFFICIAL:
        return voice
    names = [d.source for d in members if d.source]
    return names[-1] if names else None


def find_revisions(statistic_key: str, period: str, dated: Sequence[Dated]) -> list[RevisionOut]:
    """The steps of each voice's running toll in one statistic (see the module docstring)."""
    if period != CUMULATIVE:
        return []
    out: list[RevisionOut] = []
    for voice, members in _voices(dated):
        ordered = _in_time_order(members)
        steps: list[list[Dated]] = []
        for d in ordered:
            if steps and _same_step(steps[-1][-1], d):
                steps[-1].append(d)
            else:
                steps.append([d])
        name = _voice_name(voice, members)
        for before, after in itertools.pairwise(steps):
            target = after[0]
            seen: set[int] = set()
            for d in before:
                if d.mention.document_id in seen:
                    continue
                seen.add(d.mention.document_id)
                if d.mention.document_id == target.mention.document_id \
                        and d.mention.stage >= 0 and target.mention.stage <= 0:
                    continue  # two numbers of one text, neither marked as the earlier or the moved one
                out.append(RevisionOut(statistic_key, name, d.mention.figure_id, target.mention.figure_id))
    return out
