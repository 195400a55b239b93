"""`tracker reanalyze`: run the whole analysis again on the stored documents and figures.

After a tracker upgrade the per-document analysis (places, events, periods) and the corpus analysis
(events, statistics, discrepancies, revisions) may differ; this redoes both without extracting again.
`tracker db upgrade` runs it when a migration has emptied the analysis tables.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from tracker.errors import StoreError
from tracker.store import models
from tracker.store.engine import describe, error_text, make_engine, resolve_db_url, sqlite_file
from tracker.store.migrate import current_revision, head_revision
from tracker.store.persist_analysis import find_analyzer, refresh_analysis
from tracker.store.writer import SourceRegistry


def reanalyze(db: str | None, *, everything: bool = True) -> str:
    """Analyse the stored corpus again (every document's own analysis too, unless `everything` is False);
    one line saying what it found."""
    url = resolve_db_url(db)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        raise StoreError(f"no tracker database at {path}: nothing to analyse")
    engine = make_engine(url, writer=True)
    try:
        with engine.connect() as conn:
            revision = current_revision(conn)
            conn.commit()
            if revision != head_revision():
                raise StoreError(f"database {describe(url)} is at schema revision {revision}; "
                                 "run `tracker db upgrade` first")
            counts = refresh_analysis(conn, SourceRegistry(), everything=everything, analyzer=find_analyzer())
            with conn.begin():
                n_documents = conn.execute(select(func.count()).select_from(models.DOCUMENTS)).scalar_one()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot analyse database {describe(url)}: {error_text(exc)}") from None
    finally:
        engine.dispose()
    return (
        f"{describe(url)}: {n_documents} documents analysed: {counts.events} events, "
        f"{counts.statistics} statistics, {counts.discrepancies} discrepancies, {counts.revisions} revisions"
    )
