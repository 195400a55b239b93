"""schemas/store.sql is the DDL generated from the models: it fails here when it drifts."""

from __future__ import annotations

from pathlib import Path

from tracker.store.ddl import store_ddl

STORE_SQL = Path(__file__).resolve().parents[2] / "schemas" / "store.sql"


def test_store_sql_is_up_to_date() -> None:
    assert STORE_SQL.read_text(encoding="utf-8") == store_ddl(), (
        "schemas/store.sql is out of date: regenerate it with `python -m tracker.store.ddl > schemas/store.sql`"
    )


def test_store_sql_has_every_table_and_view() -> None:
    ddl = store_ddl()
    for name in (
        "documents",
        "sentences",
        "figures",
        "sources",
        "source_aliases",
        "runs",
        "statistics",
        "claims",
        "mentions",
        "discrepancies",
    ):
        assert f"CREATE TABLE {name} (" in ddl
    for view in ("figure_provenance", "casualty_figures", "claim_summary", "discrepancy_summary"):
        assert f"CREATE VIEW {view} AS" in ddl
