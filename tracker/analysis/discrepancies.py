"""Discrepancies: two figures of one statistic that cannot both be true, given by different sources.

* `value`: their bounds do not overlap (approximate figures widened by the tolerance; "more than 1,200"
  and "1,234" overlap), both are attributed, and they were given about the same time: in one document
  (where even one description may be two people: "a source ... a second source put the figure at"),
  or by two sources that are not one, in documents at most `SAME_TIME_DAYS` apart or undated where
  neither figure is marked as a moved or an earlier count (a later toll is a revision, not a
  contradiction).
* `source`: one number, stated alike, credited in different documents to two sources that have names of
  their own (not "officials") and are not one state's officials.

Figures of one voice in different documents are a running toll (tracker.analysis.revisions), not rivals;
figures many times apart, or a figure the text gives as a part of another, count different things.

A subset and its total, two places and two periods are different statistics, so never compared. A figure
with no source is the outlet's own voice, not a second source. One discrepancy is kept per pair of claims,
shown by its closest pair of figures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from tracker.analysis.bounds import Interval, magnitude, magnitude_ratio
from tracker.analysis.timeline import Dated, days_apart, interval, is_headline, is_part, same_source, voice
from tracker.analysis.types import ClaimOut, DiscrepancyOut

#: Figures from documents at most this many days apart were given about the same time.
SAME_TIME_DAYS = 2
#: Discrepancies kept per statistic (the closest first), so a contested toll does not list every pair.
MAX_PER_STATISTIC = 12
#: Claims of one statistic compared (the best supported), and documents per claim (the newest): this
#: bounds the work on a toll reported thousands of times.
MAX_CLAIMS_COMPARED = 40
MAX_DOCUMENTS_PER_CLAIM = 4
MAX_FIGURES_PER_DOCUMENT = 3
#: Figures of one statistic this many times apart count different things (a count of the critically hurt
#: among the injured), not rival tolls.
MAX_VALUE_RATIO = 5.0

_QUALIFIER_WORDS = {
    "approximately": "about ", "at_least": "at least ", "more_than": "more than ", "at_most": "at most ",
    "less_than": "less than ", "up_to": "up to ",
}


def _number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def describe_claim(claim: ClaimOut) -> str:
    """A claim in words: "at least 826 (Syrian Observatory for Human Rights)", "200-999 (unattributed)"."""
    if claim.value is not None and math.isfinite(claim.value):
        stated = _QUALIFIER_WORDS.get(claim.qualifier, "") + _number(claim.value)
    elif claim.low is not None and claim.high is not None:
        stated = f"{_number(claim.low)}-{_number(claim.high)}"
    elif claim.low is not None:
        stated = f"at least {_number(claim.low)}"
    elif claim.high is not None:
        stated = f"at most {_number(claim.high)}"
    else:
        stated = "an unstated number"
    return f"{stated} ({claim.source or 'unattributed'})"


def _headline(d: Dated) -> bool:
    return is_headline(d.mention)


def _same_time(a: Dated, b: Dated) -> bool:
    """Whether two rival figures were given about the same time: in one text (an earlier estimate set
    against a later finding still disagrees with it), in texts dated at most `SAME_TIME_DAYS` apart, or
    in undated texts where neither toll is shown as having moved on ("rose to 57")."""
    if a.mention.document_id == b.mention.document_id:
        return True
    apart = days_apart(a, b)
    if apart is not None:
        return apart <= SAME_TIME_DAYS
    return a.mention.stage < 1 and b.mention.stage < 1


def _closeness(a: Dated, b: Dated) -> tuple[int, int, int, int, int]:
    same_document = a.mention.document_id == b.mention.document_id
    apart = days_apart(a, b)
    return (0 if same_document else 1, apart if apart is not None else SAME_TIME_DAYS + 1,
            _headline(a) + _headline(b), min(a.order, b.order), a.mention.index + b.mention.index)


def _representatives(named: Sequence[Dated], claim_of: Mapping[int, ClaimOut]) -> list[list[Dated]]:
    """Per claim (best supported first, at most `MAX_CLAIMS_COMPARED`), its figures in its newest
    `MAX_DOCUMENTS_PER_CLAIM` documents, a few each: what a disagreement between two claims is shown by."""
    by_claim: dict[str, dict[int, list[Dated]]] = {}
    for d in named:
        by_claim.setdefault(claim_of[d.mention.figure_id].key, {}).setdefault(d.mention.document_id, []).append(d)
    ranked = sorted(by_claim.items(), key=lambda item: (-len(item[1]), item[0]))[:MAX_CLAIMS_COMPARED]
    out = []
    for _, docs in ranked:
        newest = sorted(docs.values(), key=lambda figures: -figures[0].order)[:MAX_DOCUMENTS_PER_CLAIM]
        out.append([d for figures in newest for d in figures[:MAX_FIGURES_PER_DOCUMENT]])
    return out


def find_discrepancies(
    statistic_key: str, dated: Sequence[Dated], claim_of: Mapping[int, ClaimOut], event_country: str | None = None,
    officials: frozenset[str] = frozenset(),
) -> list[DiscrepancyOut]:
    """The value and source discrepancies among one statistic's figures (see the module docstring)."""
    ids = {d.mention.figure_id for d in dated}
    named = [d for d in dated if interval(d.mention).known
             and d.mention.parent_figure_id not in ids  # a part of a figure of this row is not a rival toll
             and not is_part(d.mention)]
    # a voice's earlier count that the same text updates ("originally nearly 500 ... at least 471") is
    # superseded: only its later figure stands against other sources
    voices = {d.mention.figure_id: voice(d.mention, event_country, officials) for d in named}
    current = {(d.mention.document_id, voices[d.mention.figure_id]) for d in named if d.mention.stage >= 0}
    named = [d for d in named
             if d.mention.stage >= 0 or (d.mention.document_id, voices[d.mention.figure_id]) not in current]
    claims = _representatives(named, claim_of)
    intervals = {d.mention.figure_id: interval(d.mention) for group in claims for d in group}
    best: dict[tuple[str, str, str, tuple[int, ...]], tuple[tuple[int, int, int, int, int], Dated, Dated]] = {}
    for i, group_a in enumerate(claims):
        for group_b in claims[i + 1:]:
            for a in group_a:
                for b in group_b:
                    kind = _disagreement(a, b, voices, intervals)
                    if kind is None:
                        continue
                    ca, cb = claim_of[a.mention.figure_id], claim_of[b.mention.figure_id]
                    first, second = (a, b) if ca.key < cb.key else (b, a)
                    documents = tuple(sorted((a.mention.document_id, b.mention.document_id)))
                    pair = (kind, min(ca.key, cb.key), max(ca.key, cb.key), documents)
                    rank = _closeness(a, b)
                    if pair not in best or rank < best[pair][0]:
                        best[pair] = (rank, first, second)
    found = sorted(best.items(), key=lambda item: item[1][0])[:MAX_PER_STATISTIC]
    out = []
    for (kind, _, _, _), (_, a, b) in found:
        ca, cb = claim_of[a.mention.figure_id], claim_of[b.mention.figure_id]
        if kind == "value":
            text = f"{describe_claim(ca)} vs {describe_claim(cb)}: the bounds do not overlap"
        else:
            text = f"{_number(a.mention.value or 0)} attributed to {a.source} and to {b.source}"
        out.append(DiscrepancyOut(statistic_key, kind, ca.key, cb.key, text, a.mention.figure_id,
                                  b.mention.figure_id))
    return sorted(out, key=lambda d: (d.kind, d.claim_a_key, d.claim_b_key))


def _disagreement(a: Dated, b: Dated, voices: Mapping[int, str | None],
                  intervals: Mapping[int, Interval]) -> str | None:
    """"value", "source" or None for two figures of two claims of one statistic."""
    one_text = a.mention.document_id == b.mention.document_id
    if a.source is None and b.source is None:
        return None  # the outlets' own numbers: no one to set against whom
    if not one_text:
        if a.source is None or b.source is None or same_source(a.source, b.source):
            return None  # an outlet's own number is not a second source
        va, vb = voices[a.mention.figure_id], voices[b.mention.figure_id]
        if va is not None and va == vb and va.startswith("official:"):
            return None  # one state's officials: a running toll, not rivals
    if one_text and (a.source is None or b.source is None) and -1 in (a.mention.stage, b.mention.stage):
        return None  # the text's own voice updating a first count ("initial reports said 62; 137 died")
    ia, ib = intervals[a.mention.figure_id], intervals[b.mention.figure_id]
    if not ia.overlaps(ib):
        if not _same_time(a, b) or magnitude_ratio(magnitude(a.mention), magnitude(b.mention)) > MAX_VALUE_RATIO:
            return None
        if one_text and same_source(a.source, b.source) and (
                a.mention.source_kind not in (None, "anonymous") or a.mention.stage != b.mention.stage):
            return None  # one body's two numbers in one text: its parts, or its revision, not a contradiction
        return "value"
    if not one_text and _same_number(a, b) and _named(a) and _named(b):
        return "source"
    return None


def _named(d: Dated) -> bool:
    """A source with a name of its own, not a description ("officials", "a security source")."""
    kind, name = d.mention.source_kind, d.mention.source or ""
    return kind != "anonymous" and (kind is not None or any(c.isupper() for c in name))


def _same_number(a: Dated, b: Dated) -> bool:
    """One stated number (not a vague quantity) in both figures."""
    ma, mb = a.mention, b.mention
    return ma.value is not None and ma.value == mb.value and ma.qualifier == mb.qualifier != "vague"
