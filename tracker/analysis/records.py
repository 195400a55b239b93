"""`tracker analyze`: documents -> figures -> per-document and corpus analysis -> SPEC's JSON records.

Figures are printed per document in input order, each with its event, statistic and place; then the
events, statistics, discrepancies and revisions. Nothing is stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from tracker.analysis.analyze import analyze_corpus
from tracker.analysis.document import analyze_document
from tracker.analysis.places import Place
from tracker.analysis.types import Analysis, DocumentInput, EventOut, MentionInput, StatisticOut
from tracker.documents import Document
from tracker.errors import InputError, TrackerError
from tracker.extract import extract
from tracker.extract.sentences import split_sentences
from tracker.figure import Figure
from tracker.store.metadata import metadata_from_text, parse_published


@dataclass(frozen=True, slots=True)
class _Read:
    key: str
    figures: list[Figure]
    input: DocumentInput


def _place(place: Place | None) -> dict[str, Any] | None:
    return None if place is None else place.to_dict()


def read_document(document_id: int, doc: Document) -> _Read:
    """Extract and analyse one document into the analysis's input record."""
    stated = metadata_from_text(doc.text)
    try:
        published = parse_published(doc.published) or stated.published
    except TrackerError:
        published = stated.published
    sentences = split_sentences(doc.text)
    figures = extract(doc.text, doc=doc.id, published=published)
    found = analyze_document(doc.text, figures, title=doc.title or stated.title, published=published,
                             sentences=sentences)
    base = document_id * 1_000_000
    mentions = tuple(
        MentionInput(
            figure_id=base + i, document_id=document_id, index=i, text=f.text, sentence=f.sentence,
            value=f.value, low=f.low, high=f.high, qualifier=f.qualifier, unit=f.unit, entity=f.entity,
            category=f.category, source=f.source, source_kind=f.source_kind,
            parent_figure_id=None if f.parent is None else base + f.parent, scope=f.scope, start=f.start,
            end=f.end, trend=f.trend, place=a.place, event_index=a.event_index, period=a.period, stage=a.stage,
            own_place=a.own_place, source_text=f.source_text,
        )
        for i, (f, a) in enumerate(zip(figures, found.figures, strict=True))
    )
    return _Read(doc.id, figures, DocumentInput(
        document_id=document_id, published=published, outlet=doc.outlet or stated.outlet,
        sentences=tuple(s.text for s in sentences), mentions=mentions, events=found.events, key=doc.id,
    ))


def _event_record(e: EventOut) -> dict[str, Any]:
    place = e.place
    record: dict[str, Any] = {
        "record": "event", "id": e.key, "label": e.label, "type": e.type,
        "country": place.country if place else None, "admin1": place.admin1 if place else None,
        "locality": place.locality if place else None, "lat": place.lat if place else None,
        "lon": place.lon if place else None, "start": e.start.isoformat() if e.start else None,
        "historical": e.historical,
    }
    if place is not None and place.countries:
        record["countries"] = list(place.countries)
    return record


def _statistic_record(s: StatisticOut) -> dict[str, Any]:
    return {
        "record": "statistic", "id": s.key, "event": s.event_key, "category": s.category,
        "population": s.population, "place": _place(s.place), "period": s.period, "parent": s.parent_key,
        "label": s.label,
    }


def analysis_records(items: Iterable[Document | InputError]) -> Iterator[dict[str, Any] | InputError]:
    """The records of `tracker analyze` for the readable documents; unreadable inputs pass through."""
    read: list[_Read] = []
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        read.append(read_document(len(read), item))
    analysis = analyze_corpus(r.input for r in read)
    yield from _records(read, analysis)


def _records(read: list[_Read], analysis: Analysis) -> Iterator[dict[str, Any]]:
    where: dict[int, dict[str, Any]] = {}
    for r in read:
        for m, f in zip(r.input.mentions, r.figures, strict=True):
            where[m.figure_id] = {"doc": f.doc, "start": f.start, "end": f.end}
            record: dict[str, Any] = {"record": "figure", **f.to_dict()}
            record["event"] = analysis.event_of_figure.get(m.figure_id)
            record["statistic"] = analysis.statistic_of_figure.get(m.figure_id)
            record["place"] = _place(analysis.place_of_figure.get(m.figure_id, m.place))
            yield record
    for e in analysis.events:
        yield _event_record(e)
    for s in analysis.statistics:
        yield _statistic_record(s)
    for d in analysis.discrepancies:
        yield {"record": "discrepancy", "statistic": d.statistic_key, "kind": d.kind,
               "a": where[d.figure_a_id], "b": where[d.figure_b_id], "description": d.description}
    for v in analysis.revisions:
        yield {"record": "revision", "statistic": v.statistic_key, "source": v.source,
               "from": where[v.figure_from_id], "to": where[v.figure_to_id]}
