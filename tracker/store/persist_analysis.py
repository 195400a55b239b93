"""Running the analysis over the store and writing its results back.

Two stages. Per document (tracker.analysis.document, needs the text): each stored document whose analysis
is missing or was made by another tracker version gets its events, and its figures their place, event,
period and stage, one transaction per batch of documents. Over the corpus (tracker.analysis.analyze): every
stored document event is clustered into events, which join the documents into groups; the groups whose
events changed (new documents, documents analysed again, events that gained or lost documents) are read
from the store a batch at a time and analysed again, and their events, statistics, claims, discrepancies,
revisions and syndication links replace the stored ones, all in one transaction. The other groups' results
stay as they are: they would come out the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from tracker import __version__
from tracker.store import models
from tracker.store.writer import SourceRegistry

if TYPE_CHECKING:  # imported on use: a broken analysis package must not stop documents being stored
    from tracker.analysis.analyze import Clustering
    from tracker.analysis.document import DocumentAnalysis
    from tracker.analysis.places import Place
    from tracker.analysis.types import Analysis, DocumentEvent, DocumentInput, EventOut, MentionInput
    from tracker.figure import Figure

#: Documents read per batch when streaming the corpus to the analysis.
BATCH_DOCUMENTS: Final = 200

#: A whole-corpus analysis (documents in, everything found out), in place of the tracker's own.
CorpusAnalyzer = Callable[[Iterable["DocumentInput"]], "Analysis"]


def find_analyzer() -> CorpusAnalyzer | None:
    """A whole-corpus analysis to run instead of the tracker's own incremental one; None (the default) runs
    the tracker's own. The store's tests plug in a small predictable analysis here."""
    return None

# --- per-document analysis -------------------------------------------------------------------------------

def _figure_of(row: Any, index_of: dict[int, int]) -> Figure:
    """The figure record of a stored figure row (parent and equivalent as indexes in its document)."""
    from tracker.figure import Figure

    return Figure(
        doc=row.doc, start=row.start, end=row.end, text=row.text, sentence=row.sentence,
        sentence_start=row.sentence_start, sentence_end=row.sentence_end, value=row.value, low=row.low,
        high=row.high, qualifier=row.qualifier, unit=row.unit, si_value=row.si_value, entity=row.entity,
        category=row.category, trend=row.trend, source=row.source_name, source_text=row.source_text,
        source_kind=row.source_kind, channel=row.channel,
        parent=index_of.get(row.parent_id) if row.parent_id else None,
        equivalent_of=index_of.get(row.equivalent_of_id) if row.equivalent_of_id else None, scope=row.scope,
        scope_start=row.scope_start, tracker_version=row.tracker_version,
    )


def _place_columns(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"country": None, "admin1": None, "locality": None, "lat": None, "lon": None, "countries": None}
    return {
        "country": place.country, "admin1": place.admin1, "locality": place.locality, "lat": place.lat,
        "lon": place.lon, "countries": " ".join(place.countries) if place.countries else None,
    }


def document_event_rows(found: DocumentAnalysis) -> tuple[dict[str, Any], ...]:
    """The document_events-table columns of a document's events (without document_id)."""
    return tuple(
        {"index": e.index, "type": e.type, "trigger": e.trigger, "name": e.name, **_place_columns(e.place),
         "start": e.start, "year": e.year, "historical": e.historical, "event_id": None}
        for e in found.events
    )


def figure_analysis_columns(found: DocumentAnalysis) -> list[dict[str, Any]]:
    """The figures-table columns the document's analysis fills, one dict per figure in order."""
    return [
        {**_place_columns(a.place), "event_index": a.event_index, "period": a.period, "stage": a.stage,
         "own_place": a.own_place}
        for a in found.figures
    ]


def write_document_analysis(conn: Connection, document_id: int, figure_ids: Sequence[int],
                            found: DocumentAnalysis) -> None:
    """Store one document's analysis: its events, and its figures' place, event, period and stage."""
    events = models.DOCUMENT_EVENTS
    conn.execute(delete(events).where(events.c.document_id == document_id))
    if found.events:
        conn.execute(insert(events), [{"document_id": document_id, **row} for row in document_event_rows(found)])
    if figure_ids:
        figures = models.FIGURES
        conn.execute(
            update(figures).where(figures.c.id == bindparam("fid")).values(
                country=bindparam("country"), admin1=bindparam("admin1"), locality=bindparam("locality"),
                lat=bindparam("lat"), lon=bindparam("lon"), countries=bindparam("countries"),
                event_index=bindparam("event_index"), period=bindparam("period"), stage=bindparam("stage"),
                own_place=bindparam("own_place"),
            ),
            [{"fid": fid, **columns} for fid, columns in zip(figure_ids, figure_analysis_columns(found), strict=True)],
        )
    documents = models.DOCUMENTS
    conn.execute(update(documents).where(documents.c.id == document_id).values(analyzed_version=__version__))


def _figure_rows(conn: Connection, ids: Sequence[int]) -> Sequence[Any]:
    """The stored figures of documents `ids` with their source's name, in document and output order."""
    figures, sources = models.FIGURES, models.SOURCES
    return conn.execute(
        select(figures, sources.c.name.label("source_name"))
        .select_from(figures.outerjoin(sources, sources.c.id == figures.c.source_id))
        .where(figures.c.document_id.in_(ids))
        .order_by(figures.c.document_id, figures.c.index)
    ).all()


def analyze_documents(conn: Connection, *, everything: bool = False, batch: int = BATCH_DOCUMENTS) -> int:
    """Run the per-document analysis where it is missing or stale (`everything`: on every document), one
    transaction per batch; how many documents it analysed."""
    from tracker.analysis.document import analyze_document

    documents = models.DOCUMENTS
    done = 0
    last_id = 0
    while True:
        with conn.begin():
            query = select(documents.c.id, documents.c.text, documents.c.title, documents.c.published).where(
                documents.c.id > last_id)
            if not everything:
                query = query.where(
                    (documents.c.analyzed_version.is_(None)) | (documents.c.analyzed_version != __version__))
            doc_rows = conn.execute(query.order_by(documents.c.id).limit(batch)).all()
            if not doc_rows:
                return done
            last_id = doc_rows[-1].id
            ids = [r.id for r in doc_rows]
            figure_rows = _figure_rows(conn, ids)
            by_document = {k: list(g) for k, g in groupby(figure_rows, lambda r: r.document_id)}
            for row in doc_rows:
                rows = by_document.get(row.id, [])
                index_of: dict[int, int] = {r.id: r._mapping["index"] for r in rows}
                found = analyze_document(row.text, [_figure_of(r, index_of) for r in rows], title=row.title,
                                         published=row.published)
                write_document_analysis(conn, row.id, [r.id for r in rows], found)
                done += 1


# --- the corpus analysis ---------------------------------------------------------------------------------

def _place_of(row: Any) -> Place | None:
    from tracker.analysis.places import Place

    if row.country is None:
        return None
    countries = tuple(row.countries.split()) if row.countries else ()
    return Place(row.country, row.admin1, row.locality, row.lat, row.lon, countries)


def _document_event(row: Any) -> DocumentEvent:
    from tracker.analysis.types import DocumentEvent

    return DocumentEvent(row.index, row.type, row.trigger, row.name, _place_of(row), row.start, row.year,
                         bool(row.historical))


def iter_document_inputs(conn: Connection, batch: int = BATCH_DOCUMENTS) -> Iterator[DocumentInput]:
    """Every stored document as the analysis sees it, in id order, reading `batch` documents at a time."""
    documents = models.DOCUMENTS
    last_id = 0
    while True:
        ids = list(conn.execute(
            select(documents.c.id).where(documents.c.id > last_id).order_by(documents.c.id).limit(batch)
        ).scalars())
        if not ids:
            return
        last_id = ids[-1]
        yield from document_inputs(conn, ids)


def document_inputs(conn: Connection, ids: Sequence[int]) -> list[DocumentInput]:
    """The stored documents `ids` as the analysis sees them, in id order."""
    from tracker.analysis.types import DocumentInput

    documents, sentences, events = models.DOCUMENTS, models.SENTENCES, models.DOCUMENT_EVENTS
    doc_rows = conn.execute(
        select(documents.c.id, documents.c.key, documents.c.published, documents.c.outlet)
        .where(documents.c.id.in_(ids))
        .order_by(documents.c.id)
    ).all()
    sentence_rows = conn.execute(
        select(sentences.c.document_id, sentences.c.text)
        .where(sentences.c.document_id.in_(ids))
        .order_by(sentences.c.document_id, sentences.c.index)
    ).all()
    figure_rows = _figure_rows(conn, ids)
    event_rows = conn.execute(
        select(events).where(events.c.document_id.in_(ids)).order_by(events.c.document_id, events.c.index)
    ).all()
    # Rows repeat the same strings and places (a sentence per figure, "count", "killed", a town): each is
    # kept once, which holds a large group of documents in a fraction of the memory.
    pool: dict[Any, Any] = {}
    texts = {k: tuple(pool.setdefault(r.text, r.text) for r in group)
             for k, group in groupby(sentence_rows, lambda r: r.document_id)}
    mentions = {
        k: tuple(_mention(r, pool) for r in group) for k, group in groupby(figure_rows, lambda r: r.document_id)
    }
    doc_events = {
        k: tuple(_document_event(r) for r in group) for k, group in groupby(event_rows, lambda r: r.document_id)
    }
    return [
        DocumentInput(
            document_id=row.id, published=row.published, outlet=row.outlet, sentences=texts.get(row.id, ()),
            mentions=mentions.get(row.id, ()), events=doc_events.get(row.id, ()), key=row.key,
        )
        for row in doc_rows
    ]


def _mention(row: Any, pool: dict[Any, Any]) -> MentionInput:
    """A stored figure row as the analysis sees it; equal strings and places come from `pool` (one object)."""
    from tracker.analysis.types import CUMULATIVE, MentionInput

    def shared(value: Any) -> Any:
        return value if value is None else pool.setdefault(value, value)

    place = _place_of(row)
    return MentionInput(
        figure_id=row.id,
        document_id=row.document_id,
        index=row.index,
        text=row.text,
        sentence=shared(row.sentence),
        value=row.value,
        low=row.low,
        high=row.high,
        qualifier=shared(row.qualifier),
        unit=shared(row.unit),
        entity=shared(row.entity),
        category=shared(row.category),
        source=shared(row.source_name),
        source_kind=shared(row.source_kind),
        parent_figure_id=row.parent_id,
        scope=shared(row.scope),
        start=row.start,
        end=row.end,
        trend=shared(row.trend),
        place=shared(place),
        event_index=row.event_index,
        period=shared(row.period or CUMULATIVE),
        stage=row.stage or 0,
        own_place=row.own_place is not False,
        source_text=shared(row.source_text),
    )


def clear_analysis(conn: Connection) -> None:
    """Delete every corpus-analysis result (events, statistics, claims, discrepancies, revisions, links)."""
    for table in (models.REVISIONS, models.DISCREPANCIES, models.MENTIONS, models.CLAIMS):
        conn.execute(delete(table))
    figures, statistics, events = models.FIGURES, models.STATISTICS, models.EVENTS
    conn.execute(update(figures).where(figures.c.event_id.is_not(None) | figures.c.statistic_id.is_not(None))
                 .values(event_id=None, statistic_id=None))
    conn.execute(update(statistics).values(parent_id=None, headline_figure_id=None))
    conn.execute(delete(statistics))
    document_events = models.DOCUMENT_EVENTS
    conn.execute(update(document_events).where(document_events.c.event_id.is_not(None)).values(event_id=None))
    conn.execute(delete(events))
    documents = models.DOCUMENTS
    conn.execute(update(documents).where(documents.c.origin_document_id.is_not(None)).values(origin_document_id=None))


def _insert_ids(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [r.id for r in conn.execute(statement, rows)]


_EVENT_COLUMNS: Final = ("key", "label", "type", "country", "admin1", "locality", "lat", "lon", "countries", "start",
                         "historical", "n_documents")


def _event_row(event: EventOut) -> dict[str, Any]:
    """The events-table columns of an event (without its id)."""
    return {"key": event.key, "label": event.label, "type": event.type, **_place_columns(event.place),
            "start": event.start, "historical": event.historical, "n_documents": len(event.document_ids)}


def write_analysis(conn: Connection, analysis: Analysis, sources: SourceRegistry) -> None:
    """Add `analysis` (of a corpus, or of groups whose old results are cleared) to the store, inside the
    caller's transaction."""
    event_ids = dict(zip(
        (e.key for e in analysis.events),
        _insert_ids(conn, models.EVENTS, [_event_row(e) for e in analysis.events]),
        strict=True,
    ))
    if analysis.event_of_document_event:
        document_events = models.DOCUMENT_EVENTS
        conn.execute(
            update(document_events)
            .where(document_events.c.document_id == bindparam("did"), document_events.c.index == bindparam("idx"))
            .values(event_id=bindparam("eid")),
            [{"did": d, "idx": i, "eid": event_ids[k]} for (d, i), k in analysis.event_of_document_event.items()],
        )
    statistics = models.STATISTICS
    statistic_ids = dict(zip(
        (s.key for s in analysis.statistics),
        _insert_ids(conn, statistics, [
            {"key": s.key, "label": s.label, "category": s.category, "event_id": event_ids.get(s.event_key),
             "population": s.population, "period": s.period, **_statistic_place(s.place),
             "headline_figure_id": s.headline_figure_id}
            for s in analysis.statistics
        ]),
        strict=True,
    ))
    parents = [
        {"sid": statistic_ids[s.key], "pid": statistic_ids[s.parent_key]}
        for s in analysis.statistics
        if s.parent_key is not None and s.parent_key in statistic_ids
    ]
    if parents:
        conn.execute(
            update(statistics).where(statistics.c.id == bindparam("sid")).values(parent_id=bindparam("pid")),
            parents,
        )
    links = [
        {"fid": fid, "eid": event_ids[key], "sid": statistic_ids.get(analysis.statistic_of_figure.get(fid, ""))}
        for fid, key in analysis.event_of_figure.items()
    ]
    if links:
        figures = models.FIGURES
        conn.execute(
            update(figures).where(figures.c.id == bindparam("fid"))
            .values(event_id=bindparam("eid"), statistic_id=bindparam("sid")),
            links,
        )
    if analysis.place_of_figure:  # a figure its text does not place counts where its event happened
        figures = models.FIGURES
        conn.execute(
            update(figures).where(figures.c.id == bindparam("fid")).values(
                country=bindparam("country"), admin1=bindparam("admin1"), locality=bindparam("locality"),
                lat=bindparam("lat"), lon=bindparam("lon"), countries=bindparam("countries"),
            ),
            [{"fid": fid, **_place_columns(place)} for fid, place in analysis.place_of_figure.items()],
        )
    claim_ids = dict(zip(
        (c.key for c in analysis.claims),
        _insert_ids(conn, models.CLAIMS, [
            {"key": c.key, "statistic_id": statistic_ids[c.statistic_key], "value": c.value, "low": c.low,
             "high": c.high, "qualifier": c.qualifier, "unit": c.unit, "entity": c.entity,
             "source_id": sources.source_id(conn, c.source, None) if c.source else None,
             "n_documents": c.n_documents, "n_origins": c.n_origins}
            for c in analysis.claims
        ]),
        strict=True,
    ))
    mention_rows = [
        {"claim_id": claim_ids[c.key], "figure_id": figure_id}
        for c in analysis.claims
        for figure_id in dict.fromkeys(c.figure_ids)
    ]
    if mention_rows:
        conn.execute(insert(models.MENTIONS), mention_rows)
    if analysis.discrepancies:
        conn.execute(insert(models.DISCREPANCIES), [
            {"statistic_id": statistic_ids[d.statistic_key], "kind": d.kind,
             "claim_a_id": claim_ids[d.claim_a_key], "claim_b_id": claim_ids[d.claim_b_key],
             "description": d.description, "figure_a_id": d.figure_a_id, "figure_b_id": d.figure_b_id}
            for d in analysis.discrepancies
        ])
    if analysis.revisions:
        conn.execute(insert(models.REVISIONS), [
            {"statistic_id": statistic_ids[r.statistic_key],
             "source_id": sources.source_id(conn, r.source, None) if r.source else None,
             "figure_from_id": r.figure_from_id, "figure_to_id": r.figure_to_id}
            for r in analysis.revisions
        ])
    if analysis.syndication:
        documents = models.DOCUMENTS
        conn.execute(
            update(documents)
            .where(documents.c.id == bindparam("did"))
            .values(origin_document_id=bindparam("oid")),
            [{"did": s.document_id, "oid": s.origin_document_id} for s in analysis.syndication],
        )


def _statistic_place(place: Place | None) -> dict[str, Any]:
    columns = _place_columns(place)
    del columns["countries"]
    return columns


@dataclass(frozen=True, slots=True)
class AnalysisCounts:
    """What the store holds after an analysis, and how much of it the analysis redid."""

    events: int
    statistics: int
    claims: int
    discrepancies: int
    revisions: int
    documents_analysed: int  # documents of the groups analysed again
    groups_analysed: int


def _clustering(conn: Connection) -> Clustering:
    """Every stored document event clustered into events (light rows: no texts, no figures)."""
    from tracker.analysis.analyze import cluster_corpus

    events, documents = models.DOCUMENT_EVENTS, models.DOCUMENTS
    rows = conn.execute(
        select(events, documents.c.published)
        .select_from(events.join(documents, documents.c.id == events.c.document_id))
        .order_by(events.c.document_id, events.c.index)
    )
    return cluster_corpus((r.document_id, r.published, _document_event(r)) for r in rows)


def _groups_to_analyse(conn: Connection, clustering: Clustering) -> tuple[list[tuple[int, ...]], set[str]]:
    """The groups whose stored results differ from what the clustering gives (new or re-analysed documents,
    events that gained or lost documents), and the stored event keys their results replace."""
    events, document_events = models.EVENTS, models.DOCUMENT_EVENTS
    stored_key: dict[tuple[int, int], str | None] = {
        (r.document_id, r._mapping["index"]): r.key for r in conn.execute(
            select(document_events.c.document_id, document_events.c.index, events.c.key)
            .select_from(document_events.outerjoin(events, events.c.id == document_events.c.event_id)))
    }
    columns = [events.c[name] for name in _EVENT_COLUMNS]
    stored_event = {r.key: tuple(r) for r in conn.execute(select(*columns))}
    new_event = {e.key: tuple(_event_row(e)[name] for name in _EVENT_COLUMNS) for e in clustering.events}
    group_of_event = {e.key: i for i, group in enumerate(clustering.groups) for e in clustering.events_of(group)}
    stored_of_document: dict[int, set[str]] = defaultdict(set)
    changed: set[int] = set()  # documents with a document event whose stored event is not its event now
    for (document_id, index), key in stored_key.items():
        if key is not None:
            stored_of_document[document_id].add(key)
        if clustering.event_of_document_event.get((document_id, index)) != key:
            changed.add(document_id)
    dirty = {
        i for i, group in enumerate(clustering.groups)
        if changed.intersection(group)
        or any(stored_event.get(e.key) != new_event[e.key] for e in clustering.events_of(group))
    }
    replaced = set(stored_event) - set(new_event)  # events no document event has any more
    done: set[int] = set()
    while True:  # a stored event a dirty group held is replaced; the group that holds it now is dirty too
        for i in dirty - done:
            group = clustering.groups[i]
            replaced.update(key for d in group for key in stored_of_document.get(d, ()))
            replaced.update(e.key for e in clustering.events_of(group))
        done |= dirty
        more = {group_of_event[k] for k in replaced if k in group_of_event} - dirty
        if not more:
            return [clustering.groups[i] for i in sorted(dirty)], replaced
        dirty |= more


def _chunks(values: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for at in range(0, len(values), size):
        yield values[at:at + size]


def clear_groups(conn: Connection, document_ids: Sequence[int], event_keys: Iterable[str]) -> None:
    """Delete the stored results of some documents and events: the events, their statistics, claims,
    discrepancies and revisions, and the documents' links to them."""
    events, statistics, claims = models.EVENTS, models.STATISTICS, models.CLAIMS
    figures, document_events, documents = models.FIGURES, models.DOCUMENT_EVENTS, models.DOCUMENTS
    event_ids = [i for chunk in _chunks(sorted(event_keys)) for i in conn.execute(
        select(events.c.id).where(events.c.key.in_(chunk))).scalars()]
    statistic_ids = [i for chunk in _chunks(event_ids) for i in conn.execute(
        select(statistics.c.id).where(statistics.c.event_id.in_(chunk))).scalars()]
    # A figure's statistic is one of its event's, and a document's figures link only to its own events, which
    # are among these: one pass unlinks them all (the foreign keys' ON DELETE SET NULL stays the safety net).
    for chunk in _chunks(event_ids):
        conn.execute(update(figures).where(figures.c.event_id.in_(chunk)).values(event_id=None, statistic_id=None))
    for chunk in _chunks(statistic_ids):
        claim_ids = select(claims.c.id).where(claims.c.statistic_id.in_(chunk)).scalar_subquery()
        conn.execute(delete(models.MENTIONS).where(models.MENTIONS.c.claim_id.in_(claim_ids)))
        for table in (models.REVISIONS, models.DISCREPANCIES, claims):
            conn.execute(delete(table).where(table.c.statistic_id.in_(chunk)))
        conn.execute(update(statistics).where(statistics.c.id.in_(chunk))
                     .values(parent_id=None, headline_figure_id=None))
    for chunk in _chunks(statistic_ids):
        conn.execute(delete(statistics).where(statistics.c.id.in_(chunk)))
    for chunk in _chunks(event_ids):
        conn.execute(update(document_events).where(document_events.c.event_id.in_(chunk)).values(event_id=None))
        conn.execute(delete(events).where(events.c.id.in_(chunk)))
    for chunk in _chunks(document_ids):
        conn.execute(update(documents).where(documents.c.id.in_(chunk)).values(origin_document_id=None))


def _count(conn: Connection, table: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def refresh_analysis(conn: Connection, sources: SourceRegistry, *, everything: bool = False,
                     batch: int = BATCH_DOCUMENTS, analyzer: CorpusAnalyzer | None = None) -> AnalysisCounts:
    """Analyse the documents that need it, then the groups of documents (by event) whose results changed,
    replacing their stored results in one transaction (`everything`: every document and every group;
    `analyzer`: that analysis over the whole corpus instead)."""
    analyze_documents(conn, everything=everything)
    try:
        with conn.begin():
            if analyzer is not None:
                clear_analysis(conn)
                write_analysis(conn, analyzer(iter_document_inputs(conn, batch)), sources)
                counts = _counts(conn, [])
            else:
                counts = _refresh_groups(conn, sources, everything, batch)
    except BaseException:
        sources.rolled_back()
        raise
    sources.committed()
    return counts


def _refresh_groups(conn: Connection, sources: SourceRegistry, everything: bool, batch: int) -> AnalysisCounts:
    """Cluster the events, then analyse the groups that changed (all of them: `everything`) and store them."""
    from tracker.analysis.analyze import analyze_group

    clustering = _clustering(conn)
    if everything:
        clear_analysis(conn)
        groups = list(clustering.groups)
    else:
        groups, replaced = _groups_to_analyse(conn, clustering)
        clear_groups(conn, [d for g in groups for d in g], replaced)
    pending: list[tuple[int, ...]] = []
    for i, group in enumerate(groups):
        pending.append(group)
        if i + 1 < len(groups) and sum(map(len, pending)) + len(groups[i + 1]) <= batch:
            continue
        inputs = {d.document_id: d for d in document_inputs(conn, [d for g in pending for d in g])}
        for members in pending:
            docs = [inputs[d] for d in members]
            write_analysis(conn, _places_that_changed(analyze_group(docs, clustering), docs), sources)
        pending = []
    return _counts(conn, groups)


def _places_that_changed(analysis: Analysis, docs: Sequence[DocumentInput]) -> Analysis:
    """The analysis with only the figure places that differ from the stored ones (`docs` as read): an
    analysis again of a group mostly gives each figure the place it already has."""
    stored = {m.figure_id: m.place for d in docs for m in d.mentions}
    changed = {fid: place for fid, place in analysis.place_of_figure.items()
               if fid not in stored or stored[fid] != place}
    return replace(analysis, place_of_figure=changed)


def _counts(conn: Connection, groups: Sequence[tuple[int, ...]]) -> AnalysisCounts:
    return AnalysisCounts(
        events=_count(conn, models.EVENTS), statistics=_count(conn, models.STATISTICS),
        claims=_count(conn, models.CLAIMS), discrepancies=_count(conn, models.DISCREPANCIES),
        revisions=_count(conn, models.REVISIONS), documents_analysed=sum(map(len, groups)),
        groups_analysed=len(groups),
    )
