"""The relational store (SQLAlchemy): models, ingest, queries, and the pandas API `open`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.store.api import Store


def open(db: str | None = None) -> Store:
    """Open a tracker database for pandas: None -> $TRACKER_DB -> ./tracker.db; a path or a SQLAlchemy URL."""
    from tracker.store.api import Store  # imported on use: `import tracker` stays fast for the CLI

    return Store(db)


def resolve_db_url(db: str | None) -> str:
    """The SQLAlchemy URL of `db`: None -> $TRACKER_DB -> ./tracker.db; a plain path is a SQLite file."""
    from tracker.store.engine import resolve_db_url as resolve

    return resolve(db)


__all__ = ["open", "resolve_db_url"]
