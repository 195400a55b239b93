"""Small constructors of analysis inputs for tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from tracker.analysis.types import DocumentInput, MentionInput


def mention(doc: int, index: int, sentence: str, value: float | None = None, **fields: Any) -> MentionInput:
    """A count mention (figure id = doc * 100 + index); bounds default to the value."""
    record: dict[str, Any] = {
        "figure_id": doc * 100 + index, "document_id": doc, "index": index, "text": str(value),
        "sentence": sentence, "value": value, "low": value, "high": value, "qualifier": "exact",
        "unit": "count", "entity": "people", "category": "killed", "source": None, "source_kind": None,
        "parent_figure_id": None, "scope": None,
    }
    record.update(fields)
    return MentionInput(**record)


def document(doc: int, mentions: Sequence[MentionInput], sentences: Sequence[str] = (),
             published: datetime | None = None) -> DocumentInput:
    """A document whose sentences are `sentences` plus its mentions' sentences."""
    all_sentences = list(sentences) + [m.sentence for m in mentions if m.sentence not in sentences]
    return DocumentInput(doc, published, None, tuple(all_sentences), tuple(mentions))
