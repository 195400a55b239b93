"""Discrepancies: claims of one statistic whose bounds do not overlap, or one value given two sources."""

from __future__ import annotations

import math
from collections.abc import Sequence

from tracker.analysis.claims import ClaimGroup
from tracker.analysis.types import ClaimOut, DiscrepancyOut

#: Claims of one statistic compared pairwise, the best supported first (bounds the work per statistic).
MAX_CLAIMS_COMPARED = 30

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


def _support(claim: ClaimOut) -> tuple[int, int, str]:
    return (-claim.n_origins, -claim.n_documents, claim.key)


def find_discrepancies(
    statistic_key: str, claims: Sequence[tuple[ClaimOut, ClaimGroup]]
) -> list[DiscrepancyOut]:
    """The value and source discrepancies among one statistic's claims, each pair once."""
    ranked = sorted(claims, key=lambda item: _support(item[0]))[:MAX_CLAIMS_COMPARED]
    found: list[DiscrepancyOut] = []
    for i, (a, group_a) in enumerate(ranked):
        for b, group_b in ranked[i + 1 :]:
            if not group_a.interval.known or not group_b.interval.known:
                continue
            if not group_a.interval.overlaps(group_b.interval):
                found.append(DiscrepancyOut(
                    statistic_key, "value", a.key, b.key,
                    f"{describe_claim(a)} vs {describe_claim(b)}: the bounds do not overlap",
                ))
            elif _same_value_other_source(a, group_a, b, group_b):
                found.append(DiscrepancyOut(
                    statistic_key, "source", a.key, b.key,
                    f"{_number(a.value or 0)} attributed to {a.source} and to {b.source} in other documents",
                ))
    return found


def _same_value_other_source(a: ClaimOut, group_a: ClaimGroup, b: ClaimOut, group_b: ClaimGroup) -> bool:
    """One stated value that documents attribute to two different named sources."""
    if a.source is None or b.source is None or a.source == b.source:
        return False
    if a.value is None or b.value is None or a.value != b.value or "vague" in (a.qualifier, b.qualifier):
        return False
    docs_a = {m.document_id for m in group_a.mentions}
    docs_b = {m.document_id for m in group_b.mentions}
    return docs_a.isdisjoint(docs_b)
