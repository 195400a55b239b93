"""Schema migrations (Alembic, shipped in tracker/store/migrations/), run from the library: no alembic.ini."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from tracker.errors import StoreError
from tracker.store.engine import describe, error_text, make_engine, resolve_db_url

#: Revisions whose migration empties the analysis tables: upgrading from them runs the analysis again.
REANALYZE_AFTER = frozenset({"0001"})


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at the migrations inside the package (and at `connection`)."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("tracker.store") / "migrations"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision the package ships."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise StoreError("the package ships no store migrations")
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at, or None for an empty database."""
    return MigrationContext.configure(connection).get_current_revision()


def _sqlite_foreign_keys(connection: Connection, *, on: bool) -> None:
    """Switch SQLite's foreign key enforcement for this connection (between transactions)."""
    driver = connection.connection.driver_connection
    if driver is not None:
        driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def upgrade_engine(engine: Engine) -> tuple[str | None, str]:
    """Migrate the database behind `engine` to the newest revision; (revision before, revision after)."""
    try:
        with engine.connect() as connection:
            before = current_revision(connection)
            connection.commit()
            if before != head_revision():
                sqlite = connection.dialect.name == "sqlite"
                if sqlite:
                    # SQLite rebuilds an altered table by copying it and dropping the old one; with foreign keys
                    # on, that drop would empty the columns that point into the table (figures.parent_id).
                    # The pragma is a no-op inside a transaction: run it on the driver's connection, outside one.
                    _sqlite_foreign_keys(connection, on=False)
                command.upgrade(alembic_config(connection), "head")
                connection.commit()
                if sqlite:
                    _sqlite_foreign_keys(connection, on=True)
            after = current_revision(connection)
            connection.commit()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate database {describe(str(engine.url))}: {error_text(exc)}") from None
    return before, after or ""


def ensure_schema(engine: Engine) -> None:
    """Create or migrate the schema when the database is not at the newest revision (ingest does this)."""
    upgrade_engine(engine)


def upgrade(db: str | None) -> str:
    """Create the store or migrate it to the newest schema; one line saying what happened."""
    url = resolve_db_url(db)
    engine = make_engine(url)
    try:
        before, after = upgrade_engine(engine)
    finally:
        engine.dispose()
    where = describe(url)
    if before == after:
        return f"{where}: already at the newest schema (revision {after})"
    if before is None:
        return f"{where}: created the store (revision {after})"
    line = f"{where}: migrated from revision {before} to {after}"
    if before in REANALYZE_AFTER:
        from tracker.store.reanalyze import reanalyze

        line += f"; {reanalyze(db).split(': ', 1)[1]}"
    return line
