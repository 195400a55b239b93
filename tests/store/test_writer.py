"""Helpers of the document writer: content hashes and source aliases as written."""

from __future__ import annotations

import hashlib

import pytest

from tracker.store.writer import alias_of, content_hash


@pytest.mark.parametrize(
    ("source_text", "alias"),
    [
        # attributions as the extractor reports them on the seeds
        pytest.param("the Observatory said", "the Observatory", id="seed-subject-verb"),
        pytest.param("according to the Observatory", "the Observatory", id="seed-according-to"),
        pytest.param("The monitor also confirmed", "The monitor", id="seed-filler-before-verb"),
        pytest.param("A source close to Hezbollah earlier said", "A source close to Hezbollah", id="seed-earlier"),
        pytest.param("A second source put the figure at", "A second source", id="seed-put-the-figure-at"),
        pytest.param("An Iraqi security source told", "An Iraqi security source", id="seed-told"),
        # other wordings
        pytest.param("data released by the UN refugee agency", "the UN refugee agency", id="data-released-by"),
        pytest.param("OSDH", "OSDH", id="bare-name"),
        pytest.param("  SOHR said,", "SOHR", id="spaces-and-punctuation"),
    ],
)
def test_alias_of(source_text: str, alias: str) -> None:
    assert alias_of(source_text) == alias


def test_content_hash_is_sha256_of_utf8() -> None:
    text = "Damas — 826 morts"
    assert content_hash(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert content_hash(text) != content_hash(text + " ")
