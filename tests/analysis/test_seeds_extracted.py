"""End to end: the real extractor and document analysis on seeds/*.txt, then the corpus analysis; the same
expectations as the gold.

These fail until the extractor finds the seed figures (that is the point: they track it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

import pytest

from tests.analysis.expectations import SEED_CHECKS
from tests.analysis.seed_inputs import extracted_documents
from tracker.analysis import analyze_corpus
from tracker.analysis.types import Analysis, DocumentInput

Check = Callable[[Analysis, Sequence[DocumentInput]], None]


@cache
def extracted() -> tuple[DocumentInput, ...]:
    return tuple(extracted_documents())


@pytest.mark.parametrize("check", [pytest.param(c, id=c.__name__) for c in SEED_CHECKS])
def test_extracted_seeds(check: Check) -> None:
    docs = extracted()
    check(analyze_corpus(docs), docs)
