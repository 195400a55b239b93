"""What the store's tables, views and columns hold, in words (tracker/data/columns.txt).

`tracker serve` shows these descriptions in Datasette and the data package writes them into its Table
Schemas; both take the names themselves from the store's schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tracker.data_files import data_rows
from tracker.errors import DataFileError
from tracker.figure import CASUALTY_CATEGORIES, CATEGORIES

DATA_FILE = "columns.txt"
_TABLE_PREFIX = "table:"


def category_list() -> str:
    """SPEC's categories in words, the headline (casualty) ones named as such."""
    return (f"{', '.join(CATEGORIES)} (the casualty categories, {CASUALTY_CATEGORIES[0]} through "
            f"{CASUALTY_CATEGORIES[-1]}, are the headline)")


@dataclass(frozen=True, slots=True)
class Descriptions:
    """Descriptions of tables and views, and of columns by name or by `table.column`, with their units."""

    tables: dict[str, str]
    columns: dict[str, str]
    units: dict[str, str]

    def table(self, table: str) -> str | None:
        """The description of a table or view, or None."""
        return self.tables.get(table)

    def column(self, table: str, column: str) -> str | None:
        """The description of `column` in `table` (its own line first, else the column name's), or None."""
        return self.columns.get(f"{table}.{column}", self.columns.get(column))

    def unit(self, table: str, column: str) -> str | None:
        """The unit of `column` in `table`, or None."""
        return self.units.get(f"{table}.{column}", self.units.get(column))


@cache
def descriptions() -> Descriptions:
    """The descriptions of tracker/data/columns.txt (read once); a repeated name is a DataFileError."""
    tables: dict[str, str] = {}
    columns: dict[str, str] = {}
    units: dict[str, str] = {}
    categories = category_list()
    for lineno, (name, unit, text, *_) in data_rows(DATA_FILE, 3):
        target = tables if name.startswith(_TABLE_PREFIX) else columns
        key = name.removeprefix(_TABLE_PREFIX)
        if key in target:
            raise DataFileError(f"data file {DATA_FILE}, line {lineno}: {name!r} is described twice")
        if not text:
            raise DataFileError(f"data file {DATA_FILE}, line {lineno}: {name!r} has no description")
        target[key] = text.replace("{categories}", categories)
        if unit:
            units[key] = unit
    return Descriptions(tables, columns, units)
