"""Database URLs, SQLite settings, real transactions (savepoints, rollback mid-document), refused values."""

from __future__ import annotations

import math
from typing import Any

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import StatementError

from tracker.errors import ValueNotStorableError
from tracker.store import models
from tracker.store.engine import make_engine, resolve_db_url
from tracker.store.migrate import ensure_schema
from tracker.store.types import check_float, check_int


@pytest.mark.parametrize(
    ("db", "env", "expected"),
    [
        pytest.param(None, None, "sqlite:///tracker.db", id="default-file-in-working-directory"),
        pytest.param(None, "/data/t.db", "sqlite:////data/t.db", id="env-variable"),
        pytest.param("x.db", "/data/t.db", "sqlite:///x.db", id="argument-beats-env"),
        pytest.param("sub/dir/x.db", None, "sqlite:///sub/dir/x.db", id="relative-path"),
        pytest.param("postgresql+psycopg://u@h/db", None, "postgresql+psycopg://u@h/db", id="url-kept"),
        pytest.param(None, "sqlite:///:memory:", "sqlite:///:memory:", id="env-url"),
    ],
)
def test_resolve_db_url(monkeypatch: pytest.MonkeyPatch, db: str | None, env: str | None, expected: str) -> None:
    if env is None:
        monkeypatch.delenv("TRACKER_DB", raising=False)
    else:
        monkeypatch.setenv("TRACKER_DB", env)
    assert resolve_db_url(db) == expected


def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(sqlite_db: str) -> None:
    engine = make_engine(sqlite_db)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
            assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert conn.execute(text("PRAGMA busy_timeout")).scalar_one() >= 1000
    finally:
        engine.dispose()


def _document(key: str) -> dict[str, Any]:
    from datetime import UTC, datetime

    return {"content_hash": key * 4, "key": key, "text": "t", "ingested_at": datetime.now(UTC)}


def test_savepoint_rollback_keeps_the_outer_transaction(db: str) -> None:
    engine = make_engine(db, writer=True)
    ensure_schema(engine)
    try:
        with engine.connect() as conn:
            with conn.begin():
                conn.execute(insert(models.DOCUMENTS).values(**_document("a")))
                savepoint = conn.begin_nested()
                conn.execute(insert(models.DOCUMENTS).values(**_document("b")))
                savepoint.rollback()
                conn.execute(insert(models.DOCUMENTS).values(**_document("c")))
            keys = conn.execute(select(models.DOCUMENTS.c.key).order_by(models.DOCUMENTS.c.key)).scalars().all()
            conn.rollback()
        assert keys == ["a", "c"]
    finally:
        engine.dispose()


def test_ddl_is_transactional(db: str) -> None:
    engine = make_engine(db, writer=True)
    try:
        with engine.connect() as conn:
            trans = conn.begin()
            conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
            trans.rollback()
            with conn.begin():
                conn.execute(text("CREATE TABLE scratch (x INTEGER)"))  # fails if the first one was kept
    finally:
        engine.dispose()


def test_foreign_keys_are_enforced(db: str) -> None:
    from sqlalchemy.exc import IntegrityError

    engine = make_engine(db, writer=True)
    ensure_schema(engine)
    try:
        with engine.connect() as conn, pytest.raises(IntegrityError), conn.begin():
            conn.execute(
                insert(models.SENTENCES).values(document_id=9999, index=0, start=0, end=1, text="x", paragraph=0)
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(math.nan, id="nan"),
        pytest.param(math.inf, id="infinity"),
        pytest.param(-math.inf, id="minus-infinity"),
    ],
)
def test_non_finite_floats_are_refused_not_stored_as_null(db: str, value: float) -> None:
    engine = make_engine(db, writer=True)
    ensure_schema(engine)
    try:
        with engine.connect() as conn:
            with pytest.raises(StatementError) as caught, conn.begin():
                conn.execute(insert(models.STATISTICS).values(
                    key="k", label="l", category="killed", population="people", period="cumulative"))
                conn.execute(
                    insert(models.CLAIMS).values(
                        key="c",
                        statistic_id=1,
                        value=value,
                        qualifier="exact",
                        unit="count",
                        n_documents=1,
                        n_origins=1,
                    )
                )
            assert isinstance(caught.value.orig, ValueNotStorableError)
            assert conn.execute(text("SELECT count(*) FROM claims")).scalar_one() == 0
            conn.rollback()
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("check", "value"),
    [
        pytest.param(check_float, math.nan, id="float-nan"),
        pytest.param(check_float, math.inf, id="float-inf"),
        pytest.param(check_float, "12", id="float-from-text"),
        pytest.param(check_int, 2**63, id="int-past-2-63"),
        pytest.param(check_int, -(2**63) - 1, id="int-below-minus-2-63"),
        pytest.param(check_int, 1.5, id="int-from-float"),
    ],
)
def test_checks_refuse_unstorable_values(check: Any, value: Any) -> None:
    with pytest.raises(ValueNotStorableError, match="value"):
        check(value)


@pytest.mark.parametrize(
    ("check", "value"),
    [
        pytest.param(check_float, 1e308, id="large-float"),
        pytest.param(check_float, None, id="float-none"),
        pytest.param(check_int, 2**63 - 1, id="int-max"),
        pytest.param(check_int, -(2**63), id="int-min"),
    ],
)
def test_checks_keep_storable_values(check: Any, value: Any) -> None:
    assert check(value) == value


def test_big_integers_are_refused_by_the_column_type(sqlite_db: str) -> None:
    engine = make_engine(sqlite_db, writer=True)
    ensure_schema(engine)
    try:
        with engine.connect() as conn:
            conn.execute(insert(models.DOCUMENTS).values(**_document("a")))
            with pytest.raises(StatementError) as caught:
                conn.execute(
                    insert(models.SENTENCES).values(document_id=1, index=0, start=2**64, end=1, text="x", paragraph=0)
                )
            assert isinstance(caught.value.orig, ValueNotStorableError)
            conn.rollback()
    finally:
        engine.dispose()


def test_in_memory_sqlite_url_works() -> None:
    engine = make_engine("sqlite:///:memory:")
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        engine.dispose()
