"""Discrepancies: claims of one statistic whose bounds do not overlap, or one value given two sources."""

from __future__ import annotations

import math
from collections.abc import Sequence

from tracker.analysis.claims import ClaimGroup
from tracker.analysis.types import ClaimOut, DiscrepancyOut

#: Claims of one statistic compared pairwise, the best supported first (bounds the work per statistic).
MAX_CLAIMS_COMPARED = 30
#: Discrepancies of each kind recorded per claim, against the best supported claims it disagrees with.
MAX_PER_CLAIM = 2

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
    """The value and source discrepancies among one statistic's claims.

    Each claim is set against the better supported claims it disagrees with, at most
    `MAX_PER_CLAIM` of each kind, so a statistic with many claims does not list every pair.
    """
    ranked = [item for item in sorted(claims, key=lambda item: _support(item[0])) if item[1].interval.known]
    ranked = ranked[:MAX_CLAIMS_COMPARED]
    documents = [frozenset(m.document_id for m in group.mentions) for _, group in ranked]
    described: dict[str, str] = {}
    found: list[DiscrepancyOut] = []
    for i, (b, group_b) in enumerate(ranked):
        n_value = n_source = 0
        for j, (a, group_a) in enumerate(ranked[:i]):
            if not group_a.interval.overlaps(group_b.interval):
                if n_value < MAX_PER_CLAIM:
                    n_value += 1
                    for c in (a, b):
                        described.setdefault(c.key, describe_claim(c))
                    found.append(DiscrepancyOut(
                        statistic_key, "value", a.key, b.key,
                        f"{described[a.key]} vs {described[b.key]}: the bounds do not overlap",
                    ))
            elif n_source < MAX_PER_CLAIM and _same_value_other_source(a, b, documents[j], documents[i]):
                n_source += 1
                found.append(DiscrepancyOut(
                    statistic_key, "source", a.key, b.key,
                    f"{_number(a.value or 0)} attributed to {a.source} and to {b.source} in other documents",
                ))
    return found


def _same_value_other_source(a: ClaimOut, b: ClaimOut, docs_a: frozenset[int], docs_b: frozenset[int]) -> bool:
    """One stated value that documents attribute to two different named sources."""
    if a.source is None or b.source is None or a.source == b.source:
        return False
    if a.value is None or b.value is None or a.value != b.value or "vague" in (a.qualifier, b.qualifier):
        return False
    return docs_a.isdisjoint(docs_b)
