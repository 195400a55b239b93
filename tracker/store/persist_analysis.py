"""Running the corpus analysis over the store and writing its results back, in one transaction.

The analysis (tracker.analysis.analyze_corpus) is pure: it reads DocumentInput records, streamed here from
the store in batches of documents, and returns statistics, claims, discrepancies and syndication.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from tracker.store import models
from tracker.store.writer import SourceRegistry

if TYPE_CHECKING:  # imported on use: a broken analysis package must not stop documents being stored
    from tracker.analysis.types import Analysis, DocumentInput, MentionInput

#: Documents read per batch when streaming the corpus to the analysis.
BATCH_DOCUMENTS: Final = 200

Analyzer = Callable[[Iterable["DocumentInput"]], "Analysis"]


def find_analyzer() -> Analyzer | None:
    """tracker.analysis.analyze_corpus, or None while the analysis package does not provide it."""
    import tracker.analysis

    analyzer = getattr(tracker.analysis, "analyze_corpus", None)
    return analyzer if callable(analyzer) else None


def iter_document_inputs(conn: Connection, batch: int = BATCH_DOCUMENTS) -> Iterator[DocumentInput]:
    """Every stored document as the analysis sees it, in id order, reading `batch` documents at a time."""
    from tracker.analysis.types import DocumentInput

    documents = models.DOCUMENTS
    sentences = models.SENTENCES
    figures = models.FIGURES
    sources = models.SOURCES
    last_id = 0
    while True:
        doc_rows = conn.execute(
            select(documents.c.id, documents.c.published, documents.c.outlet)
            .where(documents.c.id > last_id)
            .order_by(documents.c.id)
            .limit(batch)
        ).all()
        if not doc_rows:
            return
        low, high = doc_rows[0].id, doc_rows[-1].id
        last_id = high
        sentence_rows = conn.execute(
            select(sentences.c.document_id, sentences.c.text)
            .where(sentences.c.document_id.between(low, high))
            .order_by(sentences.c.document_id, sentences.c.index)
        ).all()
        figure_rows = conn.execute(
            select(figures, sources.c.name.label("source_name"))
            .select_from(figures.outerjoin(sources, sources.c.id == figures.c.source_id))
            .where(figures.c.document_id.between(low, high))
            .order_by(figures.c.document_id, figures.c.index)
        ).all()
        texts = {
            k: tuple(r.text for r in group) for k, group in groupby(sentence_rows, lambda r: r.document_id)
        }
        mentions = {
            k: tuple(_mention(r) for r in group) for k, group in groupby(figure_rows, lambda r: r.document_id)
        }
        for row in doc_rows:
            yield DocumentInput(
                document_id=row.id,
                published=row.published,
                outlet=row.outlet,
                sentences=texts.get(row.id, ()),
                mentions=mentions.get(row.id, ()),
            )


def _mention(row: Any) -> MentionInput:
    from tracker.analysis.types import MentionInput

    return MentionInput(
        figure_id=row.id,
        document_id=row.document_id,
        index=row.index,
        text=row.text,
        sentence=row.sentence,
        value=row.value,
        low=row.low,
        high=row.high,
        qualifier=row.qualifier,
        unit=row.unit,
        entity=row.entity,
        category=row.category,
        source=row.source_name,
        source_kind=row.source_kind,
        parent_figure_id=row.parent_id,
        scope=row.scope,
    )


def clear_analysis(conn: Connection) -> None:
    """Delete every analysis result (statistics, claims, mentions, discrepancies, syndication links)."""
    for table in (models.DISCREPANCIES, models.MENTIONS, models.CLAIMS):
        conn.execute(delete(table))
    statistics = models.STATISTICS
    conn.execute(update(statistics).values(parent_id=None))
    conn.execute(delete(statistics))
    documents = models.DOCUMENTS
    conn.execute(update(documents).where(documents.c.origin_document_id.is_not(None)).values(origin_document_id=None))


def write_analysis(conn: Connection, analysis: Analysis, sources: SourceRegistry) -> None:
    """Replace the stored analysis results with `analysis` (inside the caller's transaction)."""
    clear_analysis(conn)
    statistics = models.STATISTICS
    claims = models.CLAIMS
    statistic_ids: dict[str, int] = {}
    if analysis.statistics:
        rows = [
            {"key": s.key, "label": s.label, "category": s.category, "entity_family": s.entity_family,
             "scope": s.scope, "context": s.context}
            for s in analysis.statistics
        ]
        statement = insert(statistics).returning(statistics.c.id, sort_by_parameter_order=True)
        ids = [r.id for r in conn.execute(statement, rows)]
        statistic_ids = {s.key: i for s, i in zip(analysis.statistics, ids, strict=True)}
        parents = [
            {"sid": statistic_ids[s.key], "pid": statistic_ids[s.parent_key]}
            for s in analysis.statistics
            if s.parent_key is not None and s.parent_key in statistic_ids
        ]
        if parents:
            conn.execute(
                update(statistics)
                .where(statistics.c.id == bindparam("sid"))
                .values(parent_id=bindparam("pid")),
                parents,
            )
    claim_ids: dict[str, int] = {}
    if analysis.claims:
        claim_rows: list[dict[str, Any]] = [
            {"key": c.key, "statistic_id": statistic_ids[c.statistic_key], "value": c.value, "low": c.low,
             "high": c.high, "qualifier": c.qualifier, "unit": c.unit, "entity": c.entity,
             "source_id": sources.source_id(conn, c.source, None) if c.source else None,
             "n_documents": c.n_documents, "n_origins": c.n_origins}
            for c in analysis.claims
        ]
        statement = insert(claims).returning(claims.c.id, sort_by_parameter_order=True)
        ids = [r.id for r in conn.execute(statement, claim_rows)]
        claim_ids = {c.key: i for c, i in zip(analysis.claims, ids, strict=True)}
        mention_rows = [
            {"claim_id": claim_ids[c.key], "figure_id": figure_id}
            for c in analysis.claims
            for figure_id in dict.fromkeys(c.figure_ids)
        ]
        if mention_rows:
            conn.execute(insert(models.MENTIONS), mention_rows)
    if analysis.discrepancies:
        conn.execute(
            insert(models.DISCREPANCIES),
            [
                {"statistic_id": statistic_ids[d.statistic_key], "kind": d.kind,
                 "claim_a_id": claim_ids[d.claim_a_key], "claim_b_id": claim_ids[d.claim_b_key],
                 "description": d.description}
                for d in analysis.discrepancies
            ],
        )
    if analysis.syndication:
        documents = models.DOCUMENTS
        conn.execute(
            update(documents)
            .where(documents.c.id == bindparam("did"))
            .values(origin_document_id=bindparam("oid")),
            [{"did": s.document_id, "oid": s.origin_document_id} for s in analysis.syndication],
        )


def refresh_analysis(conn: Connection, analyzer: Analyzer, sources: SourceRegistry) -> Analysis:
    """Analyse the whole stored corpus and replace the stored results, all in one transaction."""
    try:
        with conn.begin():
            analysis = analyzer(iter_document_inputs(conn))
            write_analysis(conn, analysis, sources)
    except BaseException:
        sources.rolled_back()
        raise
    sources.committed()
    return analysis
