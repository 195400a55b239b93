"""The store's SQL DDL from the models (SQLite dialect): `python -m tracker.store.ddl > schemas/store.sql`."""

from __future__ import annotations

import sys

from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex, CreateTable

from tracker.store.migrate import head_revision
from tracker.store.models import METADATA
from tracker.store.views import CURRENT_VIEWS, create_view_sql

HEADER = """\
-- The tracker store's schema (SQLite dialect), generated from tracker/store/models.py and views.py.
-- Do not edit: regenerate with `python -m tracker.store.ddl > schemas/store.sql`.
-- Databases are created and migrated by Alembic (`tracker db upgrade`); this file is for reading.
"""


def store_ddl() -> str:
    """CREATE TABLE, CREATE INDEX and CREATE VIEW statements of the newest schema."""
    dialect = sqlite.dialect()
    parts = [HEADER, f"-- Alembic revision: {head_revision()}\n"]
    for table in METADATA.sorted_tables:
        parts.append(str(CreateTable(table).compile(dialect=dialect)).strip() + ";\n")
        for index in sorted(table.indexes, key=lambda i: i.name or ""):
            parts.append(str(CreateIndex(index).compile(dialect=dialect)).strip() + ";\n")
    for name, select in CURRENT_VIEWS.items():
        parts.append(create_view_sql(name, select) + ";\n")
    text = "\n".join(parts)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def main() -> None:
    """Print the DDL on stdout."""
    sys.stdout.write(store_ddl())


if __name__ == "__main__":
    main()
