"""Alembic environment of the store: runs on the connection that tracker.store.migrate hands over."""

from __future__ import annotations

from alembic import context

from tracker.store.models import METADATA

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run the store's migrations through tracker.store.migrate (tracker db upgrade)")

context.configure(
    connection=connection,
    target_metadata=METADATA,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
    compare_type=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
