"""The pandas API of the store: `tracker.open(db)` -> `Store`, whose methods return typed DataFrames.

This is the contract the report and the notebooks read: column names and dtypes are fixed (nullable Int64
and Float64 numbers, categoricals for category/qualifier/unit/source_kind/kind/status, datetime64[ns, UTC]
for times, object for text).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import ColumnElement, Select, bindparam, distinct, func, select
from sqlalchemy.exc import SQLAlchemyError

from tracker.errors import ParseError, StoreError
from tracker.figure import CATEGORIES, EVENT_TYPES, QUALIFIERS, SOURCE_KINDS
from tracker.store import models
from tracker.store.engine import describe, error_text, make_engine, resolve_db_url, sqlite_file
from tracker.store.metadata import parse_published
from tracker.store.migrate import current_revision, head_revision

if TYPE_CHECKING:
    import pandas as pd

UTC_TIME: Final = "datetime64[ns, UTC]"
#: Fixed categories of the categorical columns ("unit" takes the values present).
CATEGORY_VALUES: Final[dict[str, tuple[str, ...]]] = {
    "category": CATEGORIES,
    "qualifier": QUALIFIERS,
    "source_kind": SOURCE_KINDS,
    "discrepancy_kind": ("value", "source"),
    "run_kind": ("ingest", "reextract"),
    "run_status": ("running", "ok", "partial", "failed"),
    "event_type": EVENT_TYPES,
}

# Column -> dtype: "Int64", "Float64", "object", "time", "cat" (values present), "cat:<CATEGORY_VALUES key>".
FIGURE_COLUMNS: Final = {
    "figure_id": "Int64", "document_id": "Int64", "doc": "object", "index": "Int64", "start": "Int64",
    "end": "Int64", "text": "object", "sentence": "object", "sentence_start": "Int64",
    "sentence_end": "Int64", "value": "Float64", "low": "Float64", "high": "Float64",
    "qualifier": "cat:qualifier", "unit": "cat", "si_value": "Float64", "entity": "object",
    "category": "cat:category", "trend": "object", "source": "object", "source_text": "object",
    "source_kind": "cat:source_kind", "parent_id": "Int64", "equivalent_of_id": "Int64", "scope": "object",
    "scope_start": "object", "tracker_version": "object", "claim_id": "Int64", "statistic_id": "Int64",
    "title": "object", "outlet": "object", "published": "time", "path": "object", "channel": "object",
    "event_id": "Int64", "country": "object", "admin1": "object", "locality": "object", "lat": "Float64",
    "lon": "Float64", "period": "object",
}
STATISTIC_COLUMNS: Final = {
    "statistic_id": "Int64", "label": "object", "category": "cat:category", "event_id": "Int64",
    "population": "object", "period": "object", "country": "object", "admin1": "object", "locality": "object",
    "parent_statistic_id": "Int64", "n_claims": "Int64", "n_documents": "Int64", "n_origins": "Int64",
    "latest_figure_id": "Int64", "latest_value": "Float64", "latest_low": "Float64", "latest_high": "Float64",
    "latest_qualifier": "cat:qualifier", "latest_source": "object", "latest_published": "time",
}
EVENT_COLUMNS: Final = {
    "event_id": "Int64", "key": "object", "label": "object", "type": "cat:event_type", "country": "object",
    "admin1": "object", "locality": "object", "lat": "Float64", "lon": "Float64", "start": "time",
    "historical": "boolean", "n_documents": "Int64", "n_statistics": "Int64", "n_figures": "Int64",
}
REVISION_COLUMNS: Final = {
    "revision_id": "Int64", "statistic_id": "Int64", "statistic_label": "object", "category": "cat:category",
    "event_id": "Int64", "source": "object", "figure_from_id": "Int64", "value_from": "Float64",
    "low_from": "Float64", "high_from": "Float64", "published_from": "time", "figure_to_id": "Int64",
    "value_to": "Float64", "low_to": "Float64", "high_to": "Float64", "published_to": "time",
}
CLAIM_COLUMNS: Final = {
    "claim_id": "Int64", "statistic_id": "Int64", "statistic_label": "object", "category": "cat:category",
    "value": "Float64", "low": "Float64", "high": "Float64", "qualifier": "cat:qualifier", "unit": "cat",
    "entity": "object", "source": "object", "n_mentions": "Int64", "n_documents": "Int64",
    "n_origins": "Int64", "first_published": "time", "last_published": "time",
}
DISCREPANCY_COLUMNS: Final = {
    "discrepancy_id": "Int64", "statistic_id": "Int64", "statistic_label": "object",
    "category": "cat:category", "kind": "cat:discrepancy_kind", "description": "object",
    "claim_a_id": "Int64", "claim_b_id": "Int64", "value_a": "Float64", "low_a": "Float64",
    "high_a": "Float64", "source_a": "object", "value_b": "Float64", "low_b": "Float64",
    "high_b": "Float64", "source_b": "object", "figure_a_id": "Int64", "figure_b_id": "Int64",
}
ACTIVITY_COLUMNS: Final = {"statistic_id": "Int64", "n_days": "Int64", "n_revisions": "Int64"}
#: Rows read at a time by `figure_rows()` and `claim_rows()`.
CHUNK_ROWS: Final = 10_000
DOCUMENT_COLUMNS: Final = {
    "document_id": "Int64", "key": "object", "path": "object", "url": "object", "title": "object",
    "outlet": "object", "published": "time", "ingested_at": "time", "content_hash": "object",
    "n_figures": "Int64", "origin_document_id": "Int64",
}
RUN_COLUMNS: Final = {
    "run_id": "Int64", "kind": "cat:run_kind", "tracker_version": "object", "settings_hash": "object",
    "started": "time", "finished": "time", "status": "cat:run_status", "n_documents": "Int64",
    "n_skipped": "Int64", "n_failed": "Int64", "n_figures": "Int64", "message": "object",
}


def typed_frame(rows: Sequence[Any], columns: dict[str, str]) -> pd.DataFrame:
    """A DataFrame of `rows` (tuples in column order) with the contract's dtypes, also when empty."""
    import pandas as pd

    frame = pd.DataFrame.from_records([tuple(r) for r in rows], columns=list(columns))
    for column, spec in columns.items():
        values = frame[column]
        if spec == "time":
            frame[column] = pd.to_datetime(values, utc=True).astype(UTC_TIME)
        elif spec == "boolean":
            frame[column] = values.astype("object").where(values.notna(), None).astype("boolean")
        elif spec == "cat":
            frame[column] = values.astype("object").astype("category")
        elif spec.startswith("cat:"):
            frame[column] = pd.Categorical(values.astype("object"), categories=CATEGORY_VALUES[spec[4:]])
        elif spec == "object":
            frame[column] = values.astype("object").where(values.notna(), None)
        else:
            dtype: Any = spec
            frame[column] = values.astype("object").where(values.notna(), None).astype(dtype)
    return frame


def _as_list(value: str | Sequence[str] | None) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


def _among(column: Any, ids: Sequence[int]) -> ColumnElement[bool]:
    """`column IN (ids)`, the ids written into the SQL (they are ints), so a list longer than the database's
    limit on bound parameters (32,766 on SQLite) still works."""
    values = [int(i) for i in ids]
    return column.in_(bindparam("ids", values, expanding=True, literal_execute=True, unique=True))


def _as_time(value: str | date | datetime) -> datetime:
    """A `since` bound as an aware UTC datetime (a date is its midnight UTC)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    moment = parse_published(str(value))
    if moment is None:
        raise ParseError(f"since: {value!r} is not a date")
    return moment


class Store:
    """A tracker database opened for reading into pandas; a context manager."""

    def __init__(self, db: str | None = None) -> None:
        self.url = resolve_db_url(db)
        path = sqlite_file(self.url)
        if path is not None and not path.exists():
            raise StoreError(f"no tracker database at {path} (run `tracker ingest` or `tracker db upgrade`)")
        self.engine = make_engine(self.url)
        try:
            with self.engine.connect() as conn:
                revision = current_revision(conn)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open database {describe(self.url)}: {error_text(exc)}") from None
        if revision != head_revision():
            self.engine.dispose()
            state = "has no tracker schema" if revision is None else f"is at schema revision {revision}"
            raise StoreError(
                f"database {describe(self.url)} {state}; this tracker needs {head_revision()} "
                "(run `tracker db upgrade`)"
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def _rows(self, statement: Select[Any]) -> list[Any]:
        try:
            with self.engine.connect() as conn:
                return list(conn.execute(statement).all())
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read database {describe(self.url)}: {error_text(exc)}") from None

    def sql(self, query: str, **params: Any) -> pd.DataFrame:
        """The result of a SQL query (e.g. on the views) as a DataFrame, untyped; writes are refused."""
        import pandas as pd
        from sqlalchemy import text

        sqlite = self.engine.dialect.name == "sqlite"
        try:
            with self.engine.connect() as conn:
                if sqlite:
                    conn.exec_driver_sql("PRAGMA query_only=ON")
                else:
                    conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                try:
                    result = conn.execute(text(query), params)
                    return pd.DataFrame(result.all(), columns=list(result.keys()))
                finally:
                    conn.rollback()
                    if sqlite:
                        conn.exec_driver_sql("PRAGMA query_only=OFF")
                        conn.rollback()
        except SQLAlchemyError as exc:
            raise StoreError(f"query failed: {error_text(exc)}") from None

    def _stream(self, statement: Select[Any], size: int) -> Iterator[tuple[Any, ...]]:
        """The rows of `statement` as tuples, fetched `size` at a time (so a large table is never all in memory)."""
        try:
            with self.engine.connect() as conn:
                result = conn.execution_options(yield_per=size).execute(statement)
                for rows in result.partitions(size):
                    yield from rows
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read database {describe(self.url)}: {error_text(exc)}") from None

    def _utc_day(self, moment: Any) -> ColumnElement[Any]:
        """The UTC calendar day of a stored time, as text (SQLite keeps UTC times as naive text)."""
        if self.engine.dialect.name == "sqlite":
            return func.substr(moment, 1, 10)
        return func.to_char(func.timezone("UTC", moment), "YYYY-MM-DD")

    def figures(
        self,
        category: str | Sequence[str] | None = None,
        since: str | date | datetime | None = None,
        source: str | Sequence[str] | None = None,
        *,
        ids: Sequence[int] | None = None,
        claims: Sequence[int] | None = None,
        statistics: Sequence[int] | None = None,
        newest: int | None = None,
    ) -> pd.DataFrame:
        """One row per figure with its sentence, source, claim and document; optionally filtered (also by figure,
        claim or statistic ids), and with `newest` only that many of them, the most recently published."""
        statement = self._figures_statement(category, since, source)
        f, d = models.FIGURES, models.DOCUMENTS
        if ids is not None:
            statement = statement.where(_among(f.c.id, ids))
        if claims is not None:
            wanted = select(models.MENTIONS.c.figure_id).where(_among(models.MENTIONS.c.claim_id, claims))
            statement = statement.where(f.c.id.in_(wanted))
        if statistics is not None:
            statement = statement.where(_among(f.c.statistic_id, statistics))
        if newest is not None:
            latest = (statement.with_only_columns(f.c.id)  # of the figures the other filters keep
                      .order_by(d.c.published.desc().nulls_last(), f.c.id.desc()).limit(newest))
            statement = statement.where(f.c.id.in_(latest.scalar_subquery()))
        return typed_frame(self._rows(statement.order_by(f.c.document_id, f.c.index)), FIGURE_COLUMNS)

    def figure_rows(self, size: int = CHUNK_ROWS) -> Iterator[tuple[Any, ...]]:
        """Every figure as a tuple of plain values (None where missing) in the order of FIGURE_COLUMNS, by figure
        id, read `size` at a time: for writing all of a large store without holding it in memory."""
        return self._stream(self._figures_statement().order_by(models.FIGURES.c.id), size)

    def figure_ids(self) -> list[int]:
        """The ids of every figure, in order."""
        try:
            with self.engine.connect() as conn:
                return list(conn.execute(select(models.FIGURES.c.id).order_by(models.FIGURES.c.id)).scalars())
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read database {describe(self.url)}: {error_text(exc)}") from None

    def _figures_statement(
        self,
        category: str | Sequence[str] | None = None,
        since: str | date | datetime | None = None,
        source: str | Sequence[str] | None = None,
    ) -> Select[Any]:
        f, d, s, m = models.FIGURES, models.DOCUMENTS, models.SOURCES, models.MENTIONS
        # the figure's first claim, looked up per figure (a grouped subquery would read every mention each time)
        claim_of = select(func.min(m.c.claim_id)).where(m.c.figure_id == f.c.id).scalar_subquery()
        statement = (
            select(
                f.c.id, f.c.document_id, f.c.doc, f.c.index, f.c.start, f.c.end, f.c.text, f.c.sentence,
                f.c.sentence_start, f.c.sentence_end, f.c.value, f.c.low, f.c.high, f.c.qualifier, f.c.unit,
                f.c.si_value, f.c.entity, f.c.category, f.c.trend, s.c.name, f.c.source_text, f.c.source_kind,
                f.c.parent_id, f.c.equivalent_of_id, f.c.scope, f.c.scope_start, f.c.tracker_version,
                claim_of, f.c.statistic_id, d.c.title, d.c.outlet, d.c.published, d.c.path,
                f.c.channel, f.c.event_id, f.c.country, f.c.admin1, f.c.locality, f.c.lat, f.c.lon, f.c.period,
            )
            .select_from(
                f.join(d, d.c.id == f.c.document_id)
                .outerjoin(s, s.c.id == f.c.source_id)
            )
        )
        if (categories := _as_list(category)) is not None:
            statement = statement.where(f.c.category.in_(categories))
        if (sources := _as_list(source)) is not None:
            statement = statement.where(s.c.name.in_(sources))
        if since is not None:
            statement = statement.where(d.c.published >= _as_time(since))
        return statement

    def claims(
        self,
        category: str | Sequence[str] | None = None,
        unit: str | Sequence[str] | None = None,
        *,
        ids: Sequence[int] | None = None,
        most_reported: int | None = None,
    ) -> pd.DataFrame:
        """One row per claim: its statistic, value, source, and how many mentions, documents, origins; optionally
        only some categories, units or ids, and with `most_reported` only that many of the claims with a positive
        value that the most documents report (then the largest value first)."""
        c, st = models.CLAIMS, models.STATISTICS
        wanted = select(c.c.id).select_from(c.join(st, st.c.id == c.c.statistic_id))
        if (categories := _as_list(category)) is not None:
            wanted = wanted.where(st.c.category.in_(categories))
        if (units := _as_list(unit)) is not None:
            wanted = wanted.where(c.c.unit.in_(units))
        if ids is not None:
            wanted = wanted.where(_among(c.c.id, ids))
        if most_reported is not None:
            size = func.coalesce(c.c.value, c.c.low, c.c.high)
            wanted = wanted.where(size > 0).order_by(c.c.n_documents.desc(), size.desc(), c.c.id).limit(most_reported)
        filtered = categories is not None or units is not None or ids is not None or most_reported is not None
        return typed_frame(self._rows(self._claims_statement(wanted if filtered else None)), CLAIM_COLUMNS)

    def claim_rows(self, size: int = CHUNK_ROWS) -> Iterator[tuple[Any, ...]]:
        """Every claim as a tuple of plain values in the order of CLAIM_COLUMNS, by claim id, read `size` at a
        time."""
        return self._stream(self._claims_statement(None), size)

    def _claims_statement(self, wanted: Select[Any] | None) -> Select[Any]:
        """The claims query, of the claims `wanted` selects (their ids) or of all."""
        c, st, s = models.CLAIMS, models.STATISTICS, models.SOURCES
        m, f, d = models.MENTIONS, models.FIGURES, models.DOCUMENTS
        per_claim_rows = (
            select(
                m.c.claim_id,
                func.count(m.c.figure_id).label("n_mentions"),
                func.min(d.c.published).label("first_published"),
                func.max(d.c.published).label("last_published"),
            )
            .select_from(m.join(f, f.c.id == m.c.figure_id).join(d, d.c.id == f.c.document_id))
            .group_by(m.c.claim_id)
        )
        chosen = wanted.subquery() if wanted is not None else None
        if chosen is not None:
            per_claim_rows = per_claim_rows.where(m.c.claim_id.in_(select(chosen.c.id)))
        per_claim = per_claim_rows.subquery()
        statement = (
            select(
                c.c.id, c.c.statistic_id, st.c.label, st.c.category, c.c.value, c.c.low, c.c.high,
                c.c.qualifier, c.c.unit, c.c.entity, s.c.name, func.coalesce(per_claim.c.n_mentions, 0),
                c.c.n_documents, c.c.n_origins, per_claim.c.first_published, per_claim.c.last_published,
            )
            .select_from(
                c.join(st, st.c.id == c.c.statistic_id)
                .outerjoin(s, s.c.id == c.c.source_id)
                .outerjoin(per_claim, per_claim.c.claim_id == c.c.id)
            )
            .order_by(c.c.id)
        )
        return statement if chosen is None else statement.where(c.c.id.in_(select(chosen.c.id)))

    def statistics(self) -> pd.DataFrame:
        """One row per statistic with its counts and its current value (the figure the analysis chose: the
        latest, best supported)."""
        st, c, f, d, s = models.STATISTICS, models.CLAIMS, models.FIGURES, models.DOCUMENTS, models.SOURCES
        per_statistic = (
            select(
                f.c.statistic_id,
                func.count(distinct(f.c.document_id)).label("n_documents"),
                func.count(distinct(func.coalesce(d.c.origin_document_id, d.c.id))).label("n_origins"),
            )
            .select_from(f.join(d, d.c.id == f.c.document_id))
            .where(f.c.statistic_id.is_not(None))
            .group_by(f.c.statistic_id)
            .subquery()
        )
        claims = select(c.c.statistic_id, func.count(c.c.id).label("n_claims")).group_by(c.c.statistic_id).subquery()
        headline, headline_document = f.alias("headline"), d.alias("headline_document")
        statement = (
            select(
                st.c.id, st.c.label, st.c.category, st.c.event_id, st.c.population, st.c.period, st.c.country,
                st.c.admin1, st.c.locality, st.c.parent_id, func.coalesce(claims.c.n_claims, 0),
                func.coalesce(per_statistic.c.n_documents, 0), func.coalesce(per_statistic.c.n_origins, 0),
                headline.c.id, headline.c.value, headline.c.low, headline.c.high, headline.c.qualifier, s.c.name,
                headline_document.c.published,
            )
            .select_from(
                st.outerjoin(per_statistic, per_statistic.c.statistic_id == st.c.id)
                .outerjoin(claims, claims.c.statistic_id == st.c.id)
                .outerjoin(headline, headline.c.id == st.c.headline_figure_id)
                .outerjoin(headline_document, headline_document.c.id == headline.c.document_id)
                .outerjoin(s, s.c.id == headline.c.source_id)
            )
            .order_by(st.c.id)
        )
        return typed_frame(self._rows(statement), STATISTIC_COLUMNS)

    def events(self) -> pd.DataFrame:
        """One row per event: what happened, where, when, and how many documents, statistics and figures."""
        e, st, f = models.EVENTS, models.STATISTICS, models.FIGURES
        n_statistics = select(st.c.event_id, func.count(st.c.id).label("n")).group_by(st.c.event_id).subquery()
        n_figures = select(f.c.event_id, func.count(f.c.id).label("n")).group_by(f.c.event_id).subquery()
        statement = (
            select(
                e.c.id, e.c.key, e.c.label, e.c.type, e.c.country, e.c.admin1, e.c.locality, e.c.lat, e.c.lon,
                e.c.start, e.c.historical, e.c.n_documents, func.coalesce(n_statistics.c.n, 0),
                func.coalesce(n_figures.c.n, 0),
            )
            .select_from(
                e.outerjoin(n_statistics, n_statistics.c.event_id == e.c.id)
                .outerjoin(n_figures, n_figures.c.event_id == e.c.id)
            )
            .order_by(e.c.start, e.c.id)
        )
        return typed_frame(self._rows(statement), EVENT_COLUMNS)

    def statistic_activity(self) -> pd.DataFrame:
        """One row per statistic: on how many days (UTC) its figures were published, and how many revisions its
        sources made."""
        f, d, r = models.FIGURES, models.DOCUMENTS, models.REVISIONS
        days = (
            select(f.c.statistic_id, func.count(distinct(self._utc_day(d.c.published))).label("n"))
            .select_from(f.join(d, d.c.id == f.c.document_id))
            .where(f.c.statistic_id.is_not(None))
            .group_by(f.c.statistic_id)
            .subquery()
        )
        revisions = select(r.c.statistic_id, func.count(r.c.id).label("n")).group_by(r.c.statistic_id).subquery()
        st = models.STATISTICS
        statement = (
            select(st.c.id, func.coalesce(days.c.n, 0), func.coalesce(revisions.c.n, 0))
            .select_from(st.outerjoin(days, days.c.statistic_id == st.c.id)
                         .outerjoin(revisions, revisions.c.statistic_id == st.c.id))
            .order_by(st.c.id)
        )
        return typed_frame(self._rows(statement), ACTIVITY_COLUMNS)

    def revisions(self, statistics: Sequence[int] | None = None) -> pd.DataFrame:
        """One row per revision: a source's running toll moving from one figure to the next; optionally only
        those of some statistics (ids)."""
        r, st, s = models.REVISIONS, models.STATISTICS, models.SOURCES
        ff, ft = models.FIGURES.alias("figure_from"), models.FIGURES.alias("figure_to")
        df, dt = models.DOCUMENTS.alias("document_from"), models.DOCUMENTS.alias("document_to")
        statement = (
            select(
                r.c.id, r.c.statistic_id, st.c.label, st.c.category, st.c.event_id, s.c.name, ff.c.id,
                ff.c.value, ff.c.low, ff.c.high, df.c.published, ft.c.id, ft.c.value, ft.c.low, ft.c.high,
                dt.c.published,
            )
            .select_from(
                r.join(st, st.c.id == r.c.statistic_id)
                .join(ff, ff.c.id == r.c.figure_from_id)
                .join(ft, ft.c.id == r.c.figure_to_id)
                .join(df, df.c.id == ff.c.document_id)
                .join(dt, dt.c.id == ft.c.document_id)
                .outerjoin(s, s.c.id == r.c.source_id)
            )
            .order_by(r.c.statistic_id, r.c.id)
        )
        if statistics is not None:
            statement = statement.where(_among(r.c.statistic_id, statistics))
        return typed_frame(self._rows(statement), REVISION_COLUMNS)

    def discrepancies(self) -> pd.DataFrame:
        """One row per discrepancy: the two claims that disagree, with their values and sources."""
        x, st = models.DISCREPANCIES, models.STATISTICS
        a, b = models.CLAIMS.alias("claim_a"), models.CLAIMS.alias("claim_b")
        sa, sb = models.SOURCES.alias("source_a"), models.SOURCES.alias("source_b")
        statement = (
            select(
                x.c.id, x.c.statistic_id, st.c.label, st.c.category, x.c.kind, x.c.description,
                x.c.claim_a_id, x.c.claim_b_id, a.c.value, a.c.low, a.c.high, sa.c.name,
                b.c.value, b.c.low, b.c.high, sb.c.name, x.c.figure_a_id, x.c.figure_b_id,
            )
            .select_from(
                x.join(st, st.c.id == x.c.statistic_id)
                .join(a, a.c.id == x.c.claim_a_id)
                .join(b, b.c.id == x.c.claim_b_id)
                .outerjoin(sa, sa.c.id == a.c.source_id)
                .outerjoin(sb, sb.c.id == b.c.source_id)
            )
            .order_by(x.c.id)
        )
        return typed_frame(self._rows(statement), DISCREPANCY_COLUMNS)

    def documents(self) -> pd.DataFrame:
        """One row per stored document with its metadata, figure count and syndication origin."""
        d, f = models.DOCUMENTS, models.FIGURES
        counts = (
            select(f.c.document_id, func.count(f.c.id).label("n_figures"))
            .group_by(f.c.document_id)
            .subquery()
        )
        statement = (
            select(
                d.c.id, d.c.key, d.c.path, d.c.url, d.c.title, d.c.outlet, d.c.published, d.c.ingested_at,
                d.c.content_hash, func.coalesce(counts.c.n_figures, 0), d.c.origin_document_id,
            )
            .select_from(d.outerjoin(counts, counts.c.document_id == d.c.id))
            .order_by(d.c.id)
        )
        return typed_frame(self._rows(statement), DOCUMENT_COLUMNS)

    def runs(self) -> pd.DataFrame:
        """One row per ingest or reextract run, oldest first."""
        r = models.RUNS
        statement = select(
            r.c.id, r.c.kind, r.c.tracker_version, r.c.settings_hash, r.c.started, r.c.finished, r.c.status,
            r.c.n_documents, r.c.n_skipped, r.c.n_failed, r.c.n_figures, r.c.message,
        ).order_by(r.c.id)
        return typed_frame(self._rows(statement), RUN_COLUMNS)


def open(db: str | None = None) -> Store:
    """Open a tracker database for pandas: None -> $TRACKER_DB -> ./tracker.db; a path or a SQLAlchemy URL."""
    return Store(db)
