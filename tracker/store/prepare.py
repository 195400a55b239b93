"""The per-document work of an ingest, done in worker processes: text -> the rows the store will hold.

`prepare_document` is pure (no database): it reads the document's metadata, splits its sentences, extracts
its figures and checks every value the store must hold, so that a document that cannot be stored fails
here, alone, before any batch is written. It also runs the document's own analysis (its events, and each
figure's place, event, period and stage), so that the ingest's process analyses only across documents.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from tracker import __version__
from tracker.documents import Document
from tracker.errors import StoreError, TrackerError
from tracker.extract import extract
from tracker.extract.sentences import split_sentences
from tracker.figure import Figure
from tracker.store.metadata import metadata_from_text, parse_published
from tracker.store.types import check_float, check_int
from tracker.store.writer import DocumentFailure, alias_of, content_hash

_INT_COLUMNS = ("start", "end", "sentence_start", "sentence_end")
_FLOAT_COLUMNS = ("value", "low", "high", "si_value")
_TEXT_COLUMNS = ("doc", "text", "sentence", "qualifier", "unit", "entity", "category", "trend",
                 "source_text", "source_kind", "channel", "scope", "scope_start", "tracker_version")


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure as the store holds it: checked column values, and what links it to other rows."""

    values: dict[str, Any]  # the figures-table columns other than ids and links
    sentence_index: int | None  # index of the document's sentence that holds the figure
    source: str | None  # canonical source name (sources.name)
    source_kind: str | None
    alias: str | None  # the source's name as written ("the Observatory")
    parent: int | None  # index of the figure this one is a part of, in the same document
    equivalent_of: int | None


@dataclass(frozen=True, slots=True)
class DocumentContent:
    """What the tracker finds in one text: its sentences and its figures, ready to be written."""

    sentences: tuple[dict[str, Any], ...]  # sentences-table columns other than ids, in order
    figures: tuple[FigureRow, ...]  # in the extractor's output order (figures.index)
    # document_events-table columns other than ids; None when the document's analysis failed (the corpus
    # analysis then runs it again, and reports the failure)
    events: tuple[dict[str, Any], ...] | None = None


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A new document ready to be written: its row values, its content hash and its content."""

    name: str  # how messages name it (the document id)
    content_hash: str
    row: dict[str, Any]  # documents-table columns other than id, run_id and ingested_at
    content: DocumentContent


def figure_row(figure: Figure, number: int, sentence_starts: list[int], sentence_ends: list[int],
               n_figures: int) -> FigureRow:
    """The checked row of one figure; a value the store cannot hold raises `ValueNotStorableError`."""
    where = f"figure {number} ({figure.text!r})"
    values: dict[str, Any] = {"index": number}
    for name in _INT_COLUMNS:
        values[name] = check_int(getattr(figure, name), f"{where} {name}")
    for name in _FLOAT_COLUMNS:
        values[name] = check_float(getattr(figure, name), f"{where} {name}")
    for name in _TEXT_COLUMNS:
        values[name] = getattr(figure, name)
    for name in ("parent", "equivalent_of"):
        target = getattr(figure, name)
        if target is not None and not 0 <= target < n_figures:
            raise StoreError(f"{where}: {name} {target} is not in this document")
    return FigureRow(
        values=values,
        sentence_index=_sentence_at(sentence_starts, sentence_ends, figure.start),
        source=figure.source or None,
        source_kind=figure.source_kind,
        alias=(alias_of(figure.source_text) or None) if figure.source and figure.source_text else None,
        parent=figure.parent,
        equivalent_of=figure.equivalent_of,
    )


def _sentence_at(starts: list[int], ends: list[int], offset: int) -> int | None:
    """The index of the sentence that holds character `offset`, if any."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and starts[i] <= offset < max(ends[i], starts[i] + 1):
        return i
    return None


def prepare_content(text: str, key: str, published: datetime | None, title: str | None = None) -> DocumentContent:
    """Sentences, checked figure rows and the document's own analysis of one text (raises a `TrackerError`
    when it cannot be stored)."""
    sentences = split_sentences(text)
    figures = extract(text, doc=key, published=published, sentences=sentences)
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    rows = tuple(figure_row(f, i, starts, ends, len(figures)) for i, f in enumerate(figures))
    events: tuple[dict[str, Any], ...] | None = None
    try:
        from tracker.analysis.document import analyze_document
        from tracker.store.persist_analysis import document_event_rows, figure_analysis_columns

        found = analyze_document(text, figures, title=title, published=published, sentences=sentences)
        events = document_event_rows(found)
        rows = tuple(dataclasses.replace(row, values={**row.values, **columns})
                     for row, columns in zip(rows, figure_analysis_columns(found), strict=True))
    except Exception:  # noqa: S110 - the document is stored unanalysed; the corpus analysis retries and reports
        pass
    return DocumentContent(
        sentences=tuple(
            {"index": i, "start": s.start, "end": s.end, "text": s.text, "paragraph": s.paragraph}
            for i, s in enumerate(sentences)
        ),
        figures=rows,
        events=events,
    )


def document_row(doc: Document, digest: str) -> dict[str, Any]:
    """The documents-row values of an input document: JSONL metadata first, then what its text states."""
    stated = metadata_from_text(doc.text)
    try:
        published = parse_published(doc.published)
    except TrackerError:
        published = None
    return {
        "content_hash": digest,
        "key": doc.id,
        "path": doc.path,
        "url": doc.url,
        "outlet": doc.outlet or stated.outlet,
        "title": doc.title or stated.title,
        "published": published or stated.published,
        "text": doc.text,
    }


def prepare_document(doc: Document) -> PreparedDocument:
    """Everything the store will hold about one input document (raises a `TrackerError` if it cannot)."""
    digest = content_hash(doc.text)
    row = document_row(doc, digest)
    content = prepare_content(doc.text, doc.id, row["published"], row["title"])
    row["analyzed_version"] = __version__ if content.events is not None else None
    return PreparedDocument(doc.id, digest, row, content)


def failure_reason(exc: Exception) -> str:
    """How a failed document is reported: the tracker's own message, or the extractor's error."""
    if isinstance(exc, TrackerError):
        return str(exc)
    return f"extraction failed: {type(exc).__name__}: {exc}"


def prepare_or_fail(doc: Document) -> PreparedDocument | DocumentFailure:
    """`prepare_document`, with a failure as a value: one bad document must not stop the others."""
    try:
        return prepare_document(doc)
    except Exception as exc:  # an extractor bug must not stop the night's run
        return DocumentFailure(doc.id, failure_reason(exc))


class StoredText(NamedTuple):
    """A stored document as `tracker reextract` reads it."""

    document_id: int
    key: str
    text: str
    published: datetime | None
    title: str | None


def prepare_stored_or_fail(stored: StoredText) -> tuple[int, DocumentContent] | DocumentFailure:
    """The content of a stored document extracted again, with its id, or why it failed."""
    try:
        return stored.document_id, prepare_content(stored.text, stored.key, stored.published, stored.title)
    except Exception as exc:  # as in prepare_or_fail
        return DocumentFailure(f"document {stored.document_id}", failure_reason(exc))
