"""tracker/data/columns.txt describes the whole store: every table, view and column, and every column of
the pandas API; and nothing that is not there."""

from __future__ import annotations

import pint
import pytest

import tracker
from tracker.export.columns import category_list, descriptions
from tracker.figure import CATEGORIES
from tracker.store import api

#: API frames by their Store method, as the data file names them.
API_FRAMES = {
    "figures": api.FIGURE_COLUMNS, "statistics": api.STATISTIC_COLUMNS, "events": api.EVENT_COLUMNS,
    "revisions": api.REVISION_COLUMNS, "claims": api.CLAIM_COLUMNS, "discrepancies": api.DISCREPANCY_COLUMNS,
    "documents": api.DOCUMENT_COLUMNS, "runs": api.RUN_COLUMNS,
}


@pytest.fixture(scope="module")
def schema(seeds_db: str) -> dict[str, list[str]]:
    """Each table and view of a real store with its columns."""
    from tracker.export.serve import schema_columns

    with tracker.open(seeds_db) as store:
        return schema_columns(store)


def test_every_table_and_view_is_described(schema: dict[str, list[str]]) -> None:
    missing = [name for name in schema if not descriptions().table(name)]
    assert missing == []


def test_every_column_is_described(schema: dict[str, list[str]]) -> None:
    names = {(table, column) for table, columns in schema.items() for column in columns}
    names |= {(frame, column) for frame, columns in API_FRAMES.items() for column in columns}
    missing = sorted(f"{table}.{column}" for table, column in names if not descriptions().column(table, column))
    assert missing == []


def test_no_description_of_something_the_store_lacks(schema: dict[str, list[str]]) -> None:
    columns = {column for names in [*schema.values(), *API_FRAMES.values()] for column in names}
    tables = set(schema) | set(API_FRAMES)
    text = descriptions()
    assert sorted(set(text.tables) - tables) == []
    stale = []
    for name in text.columns:
        table, _, column = name.rpartition(".")
        if column not in columns or (table and column not in [*schema.get(table, []), *API_FRAMES.get(table, {})]):
            stale.append(name)
    assert stale == []


def test_units_are_pint_units() -> None:
    registry: pint.UnitRegistry = pint.UnitRegistry()
    assert descriptions().units, "no unit at all: the map's coordinates have one"
    for unit in descriptions().units.values():
        registry.Unit(unit)


def test_the_category_column_lists_spec_categories() -> None:
    text = descriptions().column("figures", "category") or ""
    assert category_list() in text
    for category in CATEGORIES:
        assert category in text
