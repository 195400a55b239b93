"""End to end: the real extractor on seeds/*.txt, then the analysis; the same expectations as the gold.

These fail until the extractor finds the seed figures (that is the point: they track it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

import pytest

from tests.analysis.expectations import SEED_CHECKS
from tests.analysis.seed_inputs import figures_to_document, seed_paths
from tracker.analysis import analyze_corpus
from tracker.analysis.types import Analysis, DocumentInput
from tracker.extract import extract

Check = Callable[[Analysis, Sequence[DocumentInput]], None]


@cache
def extracted() -> tuple[DocumentInput, ...]:
    docs = []
    for doc_id, path in enumerate(seed_paths()):
        text = path.read_text(encoding="utf-8")
        docs.append(figures_to_document(doc_id, text, extract(text, doc=str(path))))
    return tuple(docs)


@pytest.mark.parametrize("check", [pytest.param(c, id=c.__name__) for c in SEED_CHECKS])
def test_extracted_seeds(check: Check) -> None:
    docs = extracted()
    check(analyze_corpus(docs), docs)
