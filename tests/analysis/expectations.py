"""The analysis expected on the five seeds, checked on any DocumentInputs built from them (gold or extracted).

Mentions are found by content (document, category, number), not by id, so the same checks run on the
gold annotation and on the real extractor's output.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.analysis.types import Analysis, ClaimOut, DocumentInput, MentionInput, StatisticOut

# Document ids: the seeds' positions in file-name order.
WIRE, WIRE_COPY, CNN_STYLE, REWRITE, FRENCH = 0, 1, 2, 3, 4


def find_mention(docs: Sequence[DocumentInput], doc_id: int, category: str, number: float) -> MentionInput:
    """The one mention of `category` in document `doc_id` whose value (or lower bound) is `number`."""
    found = [
        m for d in docs if d.document_id == doc_id for m in d.mentions
        if m.category == category and number in (m.value, m.low)
    ]
    assert found, f"no {category} figure of {number} in document {doc_id}"
    return found[0]


def claim_of(analysis: Analysis, mention: MentionInput) -> ClaimOut:
    """The claim holding a mention (exactly one)."""
    claims = [c for c in analysis.claims if mention.figure_id in c.figure_ids]
    assert len(claims) == 1, f"figure {mention.text!r} is in {len(claims)} claims"
    return claims[0]


def statistic_of(analysis: Analysis, mention: MentionInput) -> StatisticOut:
    """The statistic holding a mention."""
    key = claim_of(analysis, mention).statistic_key
    return next(s for s in analysis.statistics if s.key == key)


def check_killed_since_offensive(analysis: Analysis, docs: Sequence[DocumentInput]) -> None:
    """826 at least, by the Observatory, in documents 001 and 003; 111 civilians its subset."""
    wire = find_mention(docs, WIRE_COPY, "killed", 826)
    rewrite = find_mention(docs, REWRITE, "killed", 826)
    claim = claim_of(analysis, wire)
    assert claim is claim_of(analysis, rewrite)
    assert claim.low == 826 and claim.source == "Syrian Observatory for Human Rights"
    assert claim.n_documents == 2 and claim.n_origins == 2
    total = statistic_of(analysis, wire)
    civilians = {
        statistic_of(analysis, find_mention(docs, doc_id, "killed", 111)).key for doc_id in (WIRE_COPY, REWRITE)
    }
    assert len(civilians) == 1, "the 111 civilians of both articles are one statistic"
    subset = next(s for s in analysis.statistics if s.key in civilians)
    assert subset.key != total.key
    assert subset.parent_key == total.key


def check_displaced_source_discrepancy(analysis: Analysis, docs: Sequence[DocumentInput]) -> None:
    """370,000 displaced: the United Nations in 001, the Observatory in 003: a source discrepancy."""
    un = claim_of(analysis, find_mention(docs, WIRE_COPY, "displaced", 370_000))
    observatory = claim_of(analysis, find_mention(docs, REWRITE, "displaced", 370_000))
    assert un.statistic_key == observatory.statistic_key
    assert (un.source, observatory.source) == ("United Nations", "Syrian Observatory for Human Rights")
    kinds = {(d.kind, frozenset((d.claim_a_key, d.claim_b_key))) for d in analysis.discrepancies}
    assert ("source", frozenset((un.key, observatory.key))) in kinds


def check_fighters_deployed(analysis: Analysis, docs: Sequence[DocumentInput]) -> None:
    """2,000 Hezbollah fighters deployed: one claim in 000, 001, 003; the wire copy counts once."""
    claims = {claim_of(analysis, find_mention(docs, d, "deployed", 2000)) for d in (WIRE, WIRE_COPY, REWRITE)}
    assert len(claims) == 1
    claim = claims.pop()
    assert claim.source == "Hezbollah"
    assert (claim.n_documents, claim.n_origins) == (3, 2)


def check_soldiers_fled(analysis: Analysis, docs: Sequence[DocumentInput]) -> None:
    """Hundreds (200..999) and 2,000 troops fled to Iraq: one statistic, a value discrepancy."""
    hundreds = claim_of(analysis, find_mention(docs, WIRE, "fled", 200))
    two_thousand = claim_of(analysis, find_mention(docs, WIRE, "fled", 2000))
    unattributed = claim_of(analysis, find_mention(docs, REWRITE, "fled", 2000))
    assert hundreds.statistic_key == two_thousand.statistic_key == unattributed.statistic_key
    assert hundreds.key != two_thousand.key
    value_pairs = {
        frozenset((d.claim_a_key, d.claim_b_key)) for d in analysis.discrepancies if d.kind == "value"
    }
    assert frozenset((hundreds.key, two_thousand.key)) in value_pairs


def check_detainees_released(analysis: Analysis, docs: Sequence[DocumentInput]) -> None:
    """Thousands of detainees released: one claim in 000, 001 and 003."""
    claims = {claim_of(analysis, find_mention(docs, d, "released", 2000)) for d in (WIRE, WIRE_COPY, REWRITE)}
    assert len(claims) == 1
    assert claims.pop().n_documents == 3


def check_war_toll_apart(analysis: Analysis, docs: Sequence[DocumentInput]) -> None:
    """Half a million killed since 2011 (004) is the war's toll, not the offensive's 826."""
    war = statistic_of(analysis, find_mention(docs, FRENCH, "killed", 500_000))
    offensive = statistic_of(analysis, find_mention(docs, WIRE_COPY, "killed", 826))
    assert war.key != offensive.key
    assert war.event_key != offensive.event_key


def check_one_event(analysis: Analysis, docs: Sequence[DocumentInput]) -> None:
    """The toll, its subset, the displaced, the fled soldiers of every seed: one event, the offensive."""
    figures = [
        find_mention(docs, WIRE_COPY, "killed", 826), find_mention(docs, REWRITE, "killed", 111),
        find_mention(docs, WIRE_COPY, "displaced", 370_000), find_mention(docs, REWRITE, "displaced", 370_000),
        find_mention(docs, WIRE, "fled", 200), find_mention(docs, WIRE, "fled", 2000),
        find_mention(docs, REWRITE, "fled", 2000),
    ]
    events = {analysis.event_of_figure.get(m.figure_id) for m in figures}
    assert len(events) == 1 and None not in events
    (key,) = events
    event = next(e for e in analysis.events if e.key == key)
    assert event.type == "offensive" and event.place is not None and event.place.country == "SYR"


def check_wire_copy(analysis: Analysis, docs: Sequence[DocumentInput]) -> None:
    """000 and 001 are one wire story; no other seed copies another."""
    assert [(s.document_id, s.origin_document_id) for s in analysis.syndication] == [(WIRE_COPY, WIRE)]
    assert analysis.syndication[0].shared_fraction >= 0.5


SEED_CHECKS = [
    check_killed_since_offensive,
    check_displaced_source_discrepancy,
    check_fighters_deployed,
    check_soldiers_fled,
    check_detainees_released,
    check_war_toll_apart,
    check_wire_copy,
    check_one_event,
]
