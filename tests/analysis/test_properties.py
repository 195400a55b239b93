"""Properties of analyze_corpus over random corpora (hypothesis)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.analysis.builders import document, event, mention
from tracker.analysis import analyze_corpus
from tracker.analysis.places import Place
from tracker.analysis.statistics import STATISTIC_CATEGORIES
from tracker.analysis.types import CUMULATIVE, Analysis, DocumentInput, MentionInput

WORDS = ["Aleppo", "Homs", "offensive", "border", "prison", "shelling", "Gaza", "convoy", "strike", "camp"]
CATEGORIES = ["killed", "injured", "displaced", "fled", "other"]
ENTITIES = ["people", "civilians", "troops", "soldiers", "detainees", None]
SOURCES = [None, "United Nations", "Syrian Observatory for Human Rights", "Hezbollah"]
SCOPES = [None, None, "since 2011", "since the offensive began"]
VALUES = [None, 5.0, 12.0, 111.0, 826.0, 2000.0, 370000.0]
PLACES = [None, Place("SYR"), Place("SYR", "Aleppo Governorate"), Place("SYR", None, "Homs"), Place("IRQ")]
EVENT_TYPES = ["airstrike", "offensive", "earthquake", "war", "other"]
PERIODS = [CUMULATIVE, CUMULATIVE, "past 24 hours to 8 Dec 2024"]
DAYS = [None, date(2024, 12, 1), date(2024, 12, 2), date(2024, 12, 20)]


@st.composite
def mention_fields(draw: st.DrawFn) -> dict[str, Any]:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5))
    value = draw(st.sampled_from(VALUES))
    qualifier = draw(st.sampled_from(["exact", "approximately", "at_least", "vague"]))
    low, high = (value, None) if qualifier == "at_least" else (value, value)
    if value is None:
        qualifier, low, high = "vague", 200.0, 999.0
    return {
        "sentence": " ".join(words) + f" {value} killed.",
        "value": value,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "category": draw(st.sampled_from(CATEGORIES)),
        "entity": draw(st.sampled_from(ENTITIES)),
        "source": draw(st.sampled_from(SOURCES)),
        "scope": draw(st.sampled_from(SCOPES)),
        "place": draw(st.sampled_from(PLACES)),
        "period": draw(st.sampled_from(PERIODS)),
        "stage": draw(st.sampled_from([0, 0, -1, 1])),
        "event_index": draw(st.sampled_from([0, 0, 1, None])),
    }


@st.composite
def corpora(draw: st.DrawFn) -> list[DocumentInput]:
    n_docs = draw(st.integers(1, 6))
    docs: list[DocumentInput] = []
    for doc_id in range(n_docs):
        fields = draw(st.lists(mention_fields(), max_size=6))
        mentions = []
        for i, f in enumerate(fields):
            parent = draw(st.sampled_from([None, *range(i)]))
            mentions.append(
                mention(doc_id, i, parent_figure_id=None if parent is None else doc_id * 100 + parent, **f)
            )
        filler = [
            f"Filler sentence number {doc_id} {k} about the {w} situation today."
            for k, w in enumerate(draw(st.lists(st.sampled_from(WORDS), max_size=4)))
        ]
        copies: bool = draw(st.booleans())
        if docs and copies:  # a wire copy of an earlier document
            source_doc = docs[draw(st.integers(0, len(docs) - 1))]
            filler = list(source_doc.sentences) + filler
        day = draw(st.sampled_from(DAYS))
        events = [
            event(0, draw(st.sampled_from(EVENT_TYPES)), draw(st.sampled_from(PLACES)), day),
            event(1, "other", draw(st.sampled_from(PLACES)), year=draw(st.sampled_from([2004, 2011])),
                  historical=draw(st.booleans())),
        ]
        published = datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None
        docs.append(document(doc_id, mentions, filler, published, events))
    return docs


@st.composite
def corpus_and_permutation(draw: st.DrawFn) -> tuple[list[DocumentInput], list[DocumentInput]]:
    docs = draw(corpora())
    permuted = [
        DocumentInput(
            d.document_id, d.published, d.outlet, d.sentences, tuple(draw(st.permutations(d.mentions))),
            d.events, d.key,
        )
        for d in draw(st.permutations(docs))
    ]
    return docs, permuted


def _claims_by_figure(analysis: Analysis) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for claim in analysis.claims:
        for figure_id in claim.figure_ids:
            out.setdefault(figure_id, []).append(claim.key)
    return out


@settings(max_examples=60, deadline=None)
@given(corpus_and_permutation())
def test_input_order_does_not_change_the_analysis(
    pair: tuple[list[DocumentInput], list[DocumentInput]],
) -> None:
    docs, permuted = pair
    assert analyze_corpus(permuted) == analyze_corpus(docs)


def _counted(m: MentionInput) -> bool:
    """Whether a mention is a statistic's: a casualty or humanitarian figure of an event, with a number."""
    stated = m.value is not None or m.low is not None or m.high is not None
    return m.category in STATISTIC_CATEGORIES and m.event_index is not None and stated


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_every_counted_mention_is_in_exactly_one_claim_and_statistic(docs: list[DocumentInput]) -> None:
    analysis = analyze_corpus(docs)
    claims = _claims_by_figure(analysis)
    for doc in docs:
        for m in doc.mentions:
            assert len(claims.get(m.figure_id, [])) == (1 if _counted(m) else 0)
            assert (m.figure_id in analysis.statistic_of_figure) is _counted(m)
            assert (m.figure_id in analysis.event_of_figure) is (m.event_index is not None)


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_claims_of_one_statistic_share_category_and_family(docs: list[DocumentInput]) -> None:
    analysis = analyze_corpus(docs)
    statistics = {s.key: s for s in analysis.statistics}
    assert len(statistics) == len(analysis.statistics)
    mentions = {m.figure_id: m for d in docs for m in d.mentions}
    for claim in analysis.claims:
        statistic = statistics[claim.statistic_key]
        assert {mentions[f].category for f in claim.figure_ids} == {statistic.category}
        assert {mentions[f].period for f in claim.figure_ids} == {statistic.period}
        assert {analysis.event_of_figure[f] for f in claim.figure_ids} == {statistic.event_key}
        assert len({mentions[f].source for f in claim.figure_ids}) == 1
        assert claim.n_origins <= claim.n_documents <= len(claim.figure_ids)
    for statistic in analysis.statistics:
        assert statistic.parent_key is None or (
            statistic.parent_key in statistics and statistic.parent_key != statistic.key
        )


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_discrepancy_pairs_belong_to_their_statistic(docs: list[DocumentInput]) -> None:
    analysis = analyze_corpus(docs)
    statistic_of_claim = {c.key: c.statistic_key for c in analysis.claims}
    for d in analysis.discrepancies:
        assert d.kind in ("value", "source")
        assert d.claim_a_key != d.claim_b_key
        assert statistic_of_claim[d.claim_a_key] == statistic_of_claim[d.claim_b_key] == d.statistic_key


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_syndication_points_at_originals(docs: list[DocumentInput]) -> None:
    analysis = analyze_corpus(docs)
    ids = {d.document_id for d in docs}
    copies = {s.document_id for s in analysis.syndication}
    for s in analysis.syndication:
        assert s.document_id in ids and s.origin_document_id in ids
        assert s.document_id != s.origin_document_id
        assert s.origin_document_id not in copies
        assert 0.5 <= s.shared_fraction <= 1.0


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_revisions_step_within_one_cumulative_statistic(docs: list[DocumentInput]) -> None:
    analysis = analyze_corpus(docs)
    statistics = {s.key: s for s in analysis.statistics}
    for r in analysis.revisions:
        assert r.figure_from_id != r.figure_to_id
        assert analysis.statistic_of_figure[r.figure_from_id] == analysis.statistic_of_figure[r.figure_to_id]
        assert statistics[r.statistic_key].period == CUMULATIVE


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_historical_events_never_merge_with_current_ones(docs: list[DocumentInput]) -> None:
    analysis = analyze_corpus(docs)
    historical = {e.key: e.historical for e in analysis.events}
    for doc in docs:
        for e in doc.events:
            key = analysis.event_of_document_event[(doc.document_id, e.index)]
            assert historical[key] == e.historical
