"""Database URLs and engines: SQLite (WAL, foreign keys, real transactions) or any SQLAlchemy URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from tracker.errors import StoreError

DEFAULT_DB_FILE: Final = "tracker.db"
#: Rows per multi-row INSERT on PostgreSQL. psycopg parses every statement it is given, and a statement of
#: a thousand rows costs more to parse than to run: 25 rows a statement stored 1,000 generated documents in
#: 4.7 s against 5.6 s with SQLAlchemy's default of 1,000 (one process, extraction included).
POSTGRES_ROWS_PER_INSERT: Final = 25
DB_ENV_VAR: Final = "TRACKER_DB"
#: How long a connection waits for another writer's lock before failing (milliseconds).
BUSY_TIMEOUT_MS: Final = 30_000


def resolve_db_url(db: str | None) -> str:
    """The SQLAlchemy URL of `db`: None -> $TRACKER_DB -> ./tracker.db; a plain path is a SQLite file."""
    chosen = db if db else os.environ.get(DB_ENV_VAR) or DEFAULT_DB_FILE
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser()}"


def is_sqlite(url: str) -> bool:
    """Whether the URL names a SQLite database."""
    return url.startswith("sqlite")


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory databases and other dialects."""
    if not is_sqlite(url):
        return None
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _configure_sqlite(engine: Engine, *, immediate: bool) -> None:
    """SQLite as a real transactional store: the SQLAlchemy recipe for SAVEPOINT and transactional DDL."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        """Every new connection: driver transactions off, foreign keys, busy timeout, WAL."""
        # pysqlite's own transaction handling breaks SAVEPOINT and runs DDL outside transactions:
        # switch it off and emit BEGIN ourselves (see the "begin" listener).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        """Emit BEGIN ourselves (IMMEDIATE for writers: take the write lock up front)."""
        connection.exec_driver_sql(begin)


def make_engine(db: str | None, *, writer: bool = False) -> Engine:
    """An engine for `db` (resolved like the CLI); a `writer` takes SQLite's write lock when it begins."""
    url = resolve_db_url(db)
    try:
        if is_sqlite(url):
            engine = create_engine(
                url,
                connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            )
            _configure_sqlite(engine, immediate=writer)
        else:
            engine = create_engine(url, pool_pre_ping=True, insertmanyvalues_page_size=POSTGRES_ROWS_PER_INSERT)
    except (ArgumentError, SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot open database {url}: {error_text(exc)}") from None
    return engine


def error_text(exc: BaseException) -> str:
    """One line saying what went wrong in the database (the driver's message, without SQLAlchemy's notes)."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    return f"{type(orig).__name__}: {first}" if orig is not None else first


def describe(url: str) -> str:
    """The URL as shown to people: the file for SQLite, the URL without password otherwise."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
