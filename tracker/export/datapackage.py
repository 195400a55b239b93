"""A Frictionless Data Package: datapackage.json and one CSV per table, with typed Table Schemas.

The resources are the pandas API's documents, events, statistics and figures, their columns and types
taken from the API's column contract (tracker.store.api), their descriptions from tracker/data/columns.txt,
with primary keys and the foreign keys that link them. `frictionless validate datapackage.json` checks it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from tracker import __version__
from tracker.export.columns import descriptions
from tracker.export.values import records, write_rows, write_text
from tracker.store.api import (
    CATEGORY_VALUES,
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    STATISTIC_COLUMNS,
)

if TYPE_CHECKING:
    import pandas as pd

    from tracker.store.api import Store

FOLDER = "datapackage"
DESCRIPTOR = "datapackage.json"

#: The API's dtypes as Table Schema types ("cat:..." are strings with an enum constraint).
_TYPES: Final = {"Int64": "integer", "Float64": "number", "time": "datetime", "boolean": "boolean",
                 "object": "string", "cat": "string"}
#: Columns the API gives as times that hold a day.
_DATES: Final = {("events", "start")}
_PATTERNS: Final = {"content_hash": "[0-9a-f]{64}", "country": "[A-Z]{3}"}
_RANGES: Final = {"lat": (-90, 90), "lon": (-180, 180)}


@dataclass(frozen=True, slots=True)
class Resource:
    """One table of the package: where its rows come from, its columns and its keys."""

    name: str
    read: Callable[[Store], pd.DataFrame]
    columns: dict[str, str]  # column -> API dtype
    primary_key: str
    foreign_keys: tuple[tuple[str, str, str], ...]  # (column, resource, its column); "" is this resource
    leave_out: tuple[str, ...] = ()


RESOURCES: Final = (
    Resource("documents", lambda s: s.documents(), DOCUMENT_COLUMNS, "document_id",
             (("origin_document_id", "", "document_id"),)),
    Resource("events", lambda s: s.events(), EVENT_COLUMNS, "event_id", ()),
    Resource("statistics", lambda s: s.statistics(), STATISTIC_COLUMNS, "statistic_id",
             (("event_id", "events", "event_id"), ("parent_statistic_id", "", "statistic_id"),
              ("latest_figure_id", "figures", "figure_id"))),
    Resource("figures", lambda s: s.figures(), FIGURE_COLUMNS, "figure_id",
             (("document_id", "documents", "document_id"), ("event_id", "events", "event_id"),
              ("statistic_id", "statistics", "statistic_id"), ("parent_id", "", "figure_id"),
              ("equivalent_of_id", "", "figure_id")),
             leave_out=("claim_id",)),  # claims are not in the package
)


def _field(resource: Resource, column: str, dtype: str) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column}
    kind = dtype.split(":", 1)[0]
    field["type"] = "date" if (resource.name, column) in _DATES else _TYPES[kind]
    text = descriptions().column(resource.name, column)
    if text:
        field["description"] = text
    constraints: dict[str, Any] = {}
    if column == resource.primary_key:
        constraints["required"] = True
    if dtype.startswith("cat:"):
        constraints["enum"] = list(CATEGORY_VALUES[dtype[4:]])
    if column in _PATTERNS:
        constraints["pattern"] = _PATTERNS[column]
    if column in _RANGES:
        constraints["minimum"], constraints["maximum"] = _RANGES[column]
    if column.startswith("n_") and kind == "Int64":
        constraints["minimum"] = 0
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(resource: Resource) -> dict[str, Any]:
    """The Table Schema of one resource: typed fields, primary key, foreign keys."""
    return {
        "fields": [_field(resource, c, t) for c, t in resource.columns.items() if c not in resource.leave_out],
        "missingValues": [""],
        "primaryKey": [resource.primary_key],
        "foreignKeys": [
            {"fields": [column], "reference": {"resource": target, "fields": [target_column]}}
            for column, target, target_column in resource.foreign_keys
        ],
    }


def descriptor() -> dict[str, Any]:
    """datapackage.json (without the data): the package and each resource with its schema."""
    return {
        "profile": "tabular-data-package",
        "name": "tracker",
        "title": "Casualty and statistic figures from news articles, with their provenance",
        "description": (
            f"Written by tracker {__version__}. Each figure is one number stated in one sentence of one "
            "article, with its bounds, its source, its place, the event and statistic it counts towards, "
            "and the document it comes from."
        ),
        "resources": [
            {
                "name": r.name,
                "path": f"{r.name}.csv",
                "profile": "tabular-data-resource",
                "description": descriptions().table(r.name) or r.name,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(r),
            }
            for r in RESOURCES
        ],
    }


def write_datapackage(store: Store, out: Path) -> list[Path]:
    """Write datapackage/datapackage.json and its CSV files into `out`; the paths written."""
    folder = out / FOLDER
    package = descriptor()
    written = []
    for resource, entry in zip(RESOURCES, package["resources"], strict=True):
        columns = [f["name"] for f in entry["schema"]["fields"]]
        frame = resource.read(store).sort_values(resource.primary_key, kind="stable")
        rows = records(frame, columns)
        for index, field in enumerate(entry["schema"]["fields"]):
            if field["type"] == "date":
                for row in rows:
                    row[index] = row[index] and row[index][:10]
        written.append(write_rows(folder / entry["path"], [columns], rows))
    text = json.dumps(package, indent=1, ensure_ascii=False) + "\n"
    written.insert(0, write_text(folder / DESCRIPTOR, text))
    return written
