"""`tracker serve`: the store in Datasette, read-only, described from its schema, with a map of the events
and figures (datasette-cluster-map) and the README's SQL examples as canned queries.

Datasette and its map plugin come with the `serve` extra (`pip install 'tracker[serve]'`).
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from tracker import __version__
from tracker.errors import ExportError
from tracker.export.columns import descriptions
from tracker.export.queries import canned_queries

if TYPE_CHECKING:
    from tracker.store.api import Store

HOST: Final = "127.0.0.1"
MAP_PLUGIN: Final = "datasette-cluster-map"
#: Tables and views drawn on a map: the events and the figures, by their lat and lon columns.
MAP_TABLES: Final = ("events", "event_summary", "figures", "figure_provenance", "casualty_figures")
#: Facets Datasette offers first on a table or view.
FACETS: Final = {
    "events": ["type", "country"], "event_summary": ["type", "country"], "figures": ["category", "country"],
    "figure_provenance": ["category", "country", "source"], "casualty_figures": ["category", "source"],
    "statistics": ["category", "population"], "discrepancies": ["kind"],
}
#: The column naming a row where another table links to it.
LABEL_COLUMNS: Final = {"events": "label", "statistics": "label", "documents": "key", "sources": "name"}
HIDDEN: Final = ("alembic_version",)
#: Datasette settings: SQL gets a few seconds; no suggested facets (they cost seconds a page on 100,000 figures:
#: the facets worth having are configured).
SETTINGS: Final = {"sql_time_limit_ms": 5000, "facet_time_limit_ms": 500, "suggest_facets": False}


def schema_columns(store: Store) -> dict[str, list[str]]:
    """Each table and view of the SQLite store with its columns, read from the database itself."""
    objects = store.sql("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                        "AND name NOT LIKE 'sqlite_%' ORDER BY name")
    return {name: store.sql("SELECT name FROM pragma_table_info(:t)", t=name)["name"].tolist()
            for name in objects["name"].tolist()}


def _table_metadata(name: str, columns: list[str]) -> dict[str, Any]:
    text = descriptions()
    meta: dict[str, Any] = {}
    if description := text.table(name):
        meta["description"] = description
    meta["columns"] = {c: d for c in columns if (d := text.column(name, c))}
    units = {c: u for c in columns if (u := text.unit(name, c))}
    if units:
        meta["units"] = units
    if name in MAP_TABLES and {"lat", "lon"} <= set(columns):
        meta["plugins"] = {MAP_PLUGIN: {"latitude_column": "lat", "longitude_column": "lon"}}
    if name in FACETS:
        meta["facets"] = [f for f in FACETS[name] if f in columns]
    if name in LABEL_COLUMNS:
        meta["label_column"] = LABEL_COLUMNS[name]
    if name in HIDDEN:
        meta["hidden"] = True
    return meta


def datasette_metadata(database: str, tables: dict[str, list[str]]) -> dict[str, Any]:
    """Datasette's metadata for the store: descriptions and units of every table, view and column, the
    map plugin's columns, and the canned queries."""
    return {
        "title": "tracker: casualty and statistic figures with provenance",
        "description": (
            "Figures from news articles with their bounds, sources, places, events and statistics, "
            "each traced to its sentence. Read-only. The events and figures pages show a map."
        ),
        "source": f"tracker {__version__}",
        "databases": {
            database: {
                "description": "Each table and view is described on its page; the queries are the README's "
                               "SQL examples.",
                "tables": {name: _table_metadata(name, columns) for name, columns in tables.items()},
                "queries": {q.name: {"title": q.title, "sql": q.sql} for q in canned_queries()},
            }
        },
    }


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket listening on host:port; a port in use is an ExportError saying so."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ExportError(f"port {port} on {host} is in use: stop what listens there or pick "
                              "another with --port") from None
        raise ExportError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return sock


def _sqlite_path(store: Store) -> Path:
    from tracker.store.engine import describe, sqlite_file

    path = sqlite_file(store.url)
    if path is None:
        raise ExportError(f"tracker serve needs a SQLite file; {describe(store.url)} is not one "
                          "(tracker export writes the same data as files)")
    return path.resolve()


def serve(db: str | None, port: int, *, host: str = HOST, announce: Callable[[str], None] = print) -> None:
    """Serve the store `db` read-only with Datasette on host:port until interrupted."""
    from tracker.store import open as open_store

    with open_store(db) as store:  # refuses a missing file, a database without the schema, an old schema
        path = _sqlite_path(store)
        metadata = datasette_metadata(path.stem, schema_columns(store))
    try:
        import uvicorn
        from datasette.app import Datasette
    except ImportError:
        raise ExportError("tracker serve needs Datasette: pip install 'tracker[serve]'") from None
    sock = listening_socket(host, port)
    # Read-only: Datasette opens a file it was given as mutable with ?mode=ro for every query, and it has
    # no write endpoint of its own; the file may still grow under a nightly ingest, and Datasette sees it.
    datasette = Datasette([str(path)], metadata=metadata, settings=SETTINGS)
    server = uvicorn.Server(uvicorn.Config(datasette.app(), log_level="warning", lifespan="on"))
    announce(f"serving {path} read-only at http://{host}:{port}/{path.stem} (Ctrl+C stops)")
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
