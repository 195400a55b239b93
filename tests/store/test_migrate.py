"""Migrations: an empty database upgraded to head matches the models and has the views."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect

from tests.store.conftest import query
from tracker.cli import cli
from tracker.errors import StoreError
from tracker.store.engine import make_engine
from tracker.store.migrate import head_revision, upgrade
from tracker.store.models import METADATA
from tracker.store.views import CURRENT_VIEWS

VIEWS = ("figure_provenance", "casualty_figures", "claim_summary", "discrepancy_summary", "event_summary",
         "revision_history")


def test_upgrade_creates_then_reports_nothing_to_do(db: str) -> None:
    assert "created the store" in upgrade(db)
    assert "already at the newest schema" in upgrade(db)


def test_upgraded_database_matches_the_models(db: str) -> None:
    upgrade(db)
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = compare_metadata(context, METADATA)
            assert context.get_current_revision() == head_revision()
    finally:
        engine.dispose()
    assert diffs == []


def test_upgrade_creates_the_views(db: str) -> None:
    upgrade(db)
    engine = make_engine(db)
    try:
        views = set(inspect(engine).get_view_names())
    finally:
        engine.dispose()
    assert set(VIEWS) <= views
    assert set(CURRENT_VIEWS) == set(VIEWS)
    for view in VIEWS:
        assert query(db, f"SELECT * FROM {view}") == []


def test_cli_db_upgrade(tmp_path: Path) -> None:
    target = tmp_path / "cli.db"
    result = CliRunner().invoke(cli, ["db", "upgrade", "--db", str(target)])
    assert result.exit_code == 0, result.output
    assert "created the store (revision" in result.output
    assert target.exists()


def test_upgrade_of_an_unreachable_database_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot migrate"):
        upgrade("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_casualty_view_categories_match_the_figure_contract() -> None:
    from tracker.figure import CASUALTY_CATEGORIES
    from tracker.store.views import CASUALTY_CATEGORIES_0001

    # A change to tracker.figure.CASUALTY_CATEGORIES needs a migration that recreates casualty_figures.
    assert tuple(CASUALTY_CATEGORIES) == CASUALTY_CATEGORIES_0001
    for category in CASUALTY_CATEGORIES:
        assert f"'{category}'" in CURRENT_VIEWS["casualty_figures"]


def test_downgrade_to_base_removes_everything_and_upgrade_restores_it(db: str) -> None:
    from alembic import command

    from tracker.store.migrate import alembic_config

    upgrade(db)
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            command.downgrade(alembic_config(conn), "base")
            conn.commit()
        inspector = inspect(engine)
        assert set(inspector.get_table_names()) <= {"alembic_version"}
        assert inspector.get_view_names() == []
    finally:
        engine.dispose()
    assert "created the store" in upgrade(db)


def test_cli_database_errors_are_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["db", "upgrade", "--db", str(tmp_path / "no" / "such" / "dir.db")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith("tracker: cannot migrate database")
    assert "unable to open database file" in result.output
