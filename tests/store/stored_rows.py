"""Everything a store holds, keyed by what it means rather than by row ids (which depend on write order).

Two ingests of the same inputs must store the same rows whichever order their partitions were written in:
documents by content hash, sentences and figures by (content hash, index), sources by name, analysis rows
by their keys, and every link (a figure's sentence, source and parent; a claim's statistic and figures) by
those keys. Run ids and ingest times are left out.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select

from tracker.store import models
from tracker.store.engine import make_engine

D, S, F, SRC = models.DOCUMENTS, models.SENTENCES, models.FIGURES, models.SOURCES
ORIGIN, PARENT, EQUIVALENT = D.alias("origin"), F.alias("parent"), F.alias("equivalent")
ST, PARENT_ST, C = models.STATISTICS, models.STATISTICS.alias("parent_statistic"), models.CLAIMS
CLAIM_A, CLAIM_B = C.alias("claim_a"), C.alias("claim_b")
EV = models.EVENTS
FIGURE_EVENT, FIGURE_STATISTIC = EV.alias("figure_event"), ST.alias("figure_statistic")
FROM_F, TO_F, FROM_D, TO_D = F.alias("figure_from"), F.alias("figure_to"), D.alias("doc_from"), D.alias("doc_to")
FIGURE_COLUMNS = [c for c in F.c if not c.name.endswith("id")]


def _queries() -> dict[str, Select[Any]]:
    return {
        "documents": select(
            D.c.content_hash, D.c.key, D.c.path, D.c.url, D.c.outlet, D.c.title, D.c.published, D.c.text
        ),
        "sentences": select(D.c.content_hash, S.c.index, S.c.start, S.c.end, S.c.text, S.c.paragraph).join(
            D, D.c.id == S.c.document_id
        ),
        "figures": select(
            D.c.content_hash, *FIGURE_COLUMNS, S.c.index.label("sentence_index"), SRC.c.name.label("source"),
            PARENT.c.index.label("parent_index"), EQUIVALENT.c.index.label("equivalent_index"),
            FIGURE_EVENT.c.key.label("event"), FIGURE_STATISTIC.c.key.label("statistic"),
        )
        .join(D, D.c.id == F.c.document_id)
        .outerjoin(S, S.c.id == F.c.sentence_id)
        .outerjoin(SRC, SRC.c.id == F.c.source_id)
        .outerjoin(PARENT, PARENT.c.id == F.c.parent_id)
        .outerjoin(EQUIVALENT, EQUIVALENT.c.id == F.c.equivalent_of_id)
        .outerjoin(FIGURE_EVENT, FIGURE_EVENT.c.id == F.c.event_id)
        .outerjoin(FIGURE_STATISTIC, FIGURE_STATISTIC.c.id == F.c.statistic_id),
        "sources": select(SRC.c.name, SRC.c.kind),
        "source_aliases": select(SRC.c.name, models.SOURCE_ALIASES.c.alias).join(
            SRC, SRC.c.id == models.SOURCE_ALIASES.c.source_id
        ),
        "statistics": select(
            ST.c.key, ST.c.label, ST.c.category, EV.c.key.label("event"), ST.c.population, ST.c.period,
            ST.c.country, ST.c.admin1, ST.c.locality, PARENT_ST.c.key.label("parent"),
        )
        .outerjoin(PARENT_ST, PARENT_ST.c.id == ST.c.parent_id)
        .outerjoin(EV, EV.c.id == ST.c.event_id),
        "events": select(
            EV.c.key, EV.c.label, EV.c.type, EV.c.country, EV.c.admin1, EV.c.locality, EV.c.countries,
            EV.c.start, EV.c.historical, EV.c.n_documents,
        ),
        "revisions": select(
            ST.c.key, SRC.c.name, FROM_F.c.index, FROM_D.c.content_hash, TO_F.c.index, TO_D.c.content_hash,
        )
        .select_from(models.REVISIONS)
        .join(ST, ST.c.id == models.REVISIONS.c.statistic_id)
        .outerjoin(SRC, SRC.c.id == models.REVISIONS.c.source_id)
        .join(FROM_F, FROM_F.c.id == models.REVISIONS.c.figure_from_id)
        .join(FROM_D, FROM_D.c.id == FROM_F.c.document_id)
        .join(TO_F, TO_F.c.id == models.REVISIONS.c.figure_to_id)
        .join(TO_D, TO_D.c.id == TO_F.c.document_id),
        "claims": select(
            C.c.key, ST.c.key.label("statistic"), C.c.value, C.c.low, C.c.high, C.c.qualifier, C.c.unit,
            C.c.entity, SRC.c.name.label("source"), C.c.n_documents, C.c.n_origins,
        )
        .join(ST, ST.c.id == C.c.statistic_id)
        .outerjoin(SRC, SRC.c.id == C.c.source_id),
        "mentions": select(C.c.key, D.c.content_hash, F.c.index)
        .select_from(models.MENTIONS)
        .join(C, C.c.id == models.MENTIONS.c.claim_id)
        .join(F, F.c.id == models.MENTIONS.c.figure_id)
        .join(D, D.c.id == F.c.document_id),
        "syndication": select(D.c.content_hash, ORIGIN.c.content_hash).join(
            ORIGIN, ORIGIN.c.id == D.c.origin_document_id
        ),
        "discrepancies": select(
            ST.c.key, models.DISCREPANCIES.c.kind, CLAIM_A.c.key.label("a"), CLAIM_B.c.key.label("b"),
            models.DISCREPANCIES.c.description,
        )
        .join(ST, ST.c.id == models.DISCREPANCIES.c.statistic_id)
        .join(CLAIM_A, CLAIM_A.c.id == models.DISCREPANCIES.c.claim_a_id)
        .join(CLAIM_B, CLAIM_B.c.id == models.DISCREPANCIES.c.claim_b_id),
    }


def _sortable(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple((value is None, "" if value is None else str(value)) for value in row)


def stored_rows(db: str, tables: tuple[str, ...] | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Each table's rows (all of them, or `tables`) as sorted tuples of meaningful values."""
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            return {
                table: sorted((tuple(row) for row in conn.execute(query)), key=_sortable)
                for table, query in _queries().items()
                if tables is None or table in tables
            }
    finally:
        engine.dispose()


#: The tables the ingest writes (the others are the analysis's).
DOCUMENT_TABLES = ("documents", "sentences", "figures", "sources", "source_aliases")
