"""Small constructors of analysis inputs for tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from tracker.analysis.places import Place
from tracker.analysis.types import DocumentEvent, DocumentInput, MentionInput


def mention(doc: int, index: int, sentence: str, value: float | None = None, **fields: Any) -> MentionInput:
    """A count mention (figure id = doc * 100 + index) of the document's main event; bounds default to the
    value."""
    record: dict[str, Any] = {
        "figure_id": doc * 100 + index, "document_id": doc, "index": index, "text": str(value),
        "sentence": sentence, "value": value, "low": value, "high": value, "qualifier": "exact",
        "unit": "count", "entity": "people", "category": "killed", "source": None, "source_kind": None,
        "parent_figure_id": None, "scope": None, "event_index": 0,
    }
    record.update(fields)
    return MentionInput(**record)


def event(index: int = 0, type: str = "airstrike", place: Place | None = None, start: date | None = None,
          *, year: int | None = None, historical: bool = False, name: str | None = None) -> DocumentEvent:
    """A document event (its year defaults to its start's)."""
    return DocumentEvent(index, type, type, name, place, start, year or (start.year if start else None), historical)


def document(doc: int, mentions: Sequence[MentionInput], sentences: Sequence[str] = (),
             published: datetime | None = None, events: Sequence[DocumentEvent] | None = None) -> DocumentInput:
    """A document whose sentences are `sentences` plus its mentions' sentences (one event by default)."""
    all_sentences = list(sentences) + [m.sentence for m in mentions if m.sentence not in sentences]
    found = tuple(events) if events is not None else (event(),)
    return DocumentInput(doc, published, None, tuple(all_sentences), tuple(mentions), found, f"doc{doc}")
