"""The analysis of the five seeds, from their gold annotation: the expectations of the issue."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import pytest

from tests.analysis.expectations import SEED_CHECKS
from tests.analysis.seed_inputs import gold_documents
from tracker.analysis import analyze_corpus
from tracker.analysis.types import Analysis, DocumentInput

Check = Callable[[Analysis, Sequence[DocumentInput]], None]

# The extractor may or may not resolve scopes: the analysis must hold either way.
SCOPES = {
    "at least 826 people": "since the offensive began",
    "111 civilians": "since the offensive began",
    "half a million dead": "since 2011",
}


@pytest.mark.parametrize("check", [pytest.param(c, id=c.__name__) for c in SEED_CHECKS])
@pytest.mark.parametrize("scopes", [pytest.param(None, id="no-scopes"), pytest.param(SCOPES, id="scopes")])
def test_gold_seeds(check: Check, scopes: dict[str, str] | None) -> None:
    docs = gold_documents(scopes)
    check(analyze_corpus(docs), docs)


def test_gold_seeds_any_order_same_analysis() -> None:
    docs = gold_documents()
    shuffled = list(docs)
    random.Random(7).shuffle(shuffled)  # noqa: S311 - a fixed test order, not secrecy
    assert analyze_corpus(reversed(docs)) == analyze_corpus(docs) == analyze_corpus(iter(shuffled))


def test_gold_seeds_labels_read_like_table_rows() -> None:
    analysis = analyze_corpus(gold_documents(SCOPES))
    labels = {s.label for s in analysis.statistics}
    assert "Damascus offensive, 2024: killed" in labels
    assert "Damascus offensive, 2024: killed, civilians" in labels
    assert "Syria war, 2011: killed" in labels
