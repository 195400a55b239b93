"""The exports read the store through its API and views only, so PostgreSQL gives the same files as SQLite."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEEDS
from tests.export.test_datapackage import errors, validate
from tests.store.conftest import db  # noqa: F401 - the store's fixture: a SQLite file or a fresh PostgreSQL schema
from tracker.export.write import ExportResult, export_store
from tracker.store.ingest import ingest_paths

#: Files that hold when each document was stored, which differs between two ingests.
STORED_TIMES = {"documents.csv"}


def test_each_dialect_exports_the_same_files(db: str, exported: ExportResult, tmp_path: Path) -> None:  # noqa: F811
    assert ingest_paths([str(SEEDS)], db, progress=False).ok
    result = export_store(db, "hxl,datapackage,geojson", tmp_path)
    for name, paths in result.files.items():
        for path, expected in zip(paths, exported.files[name], strict=True):
            assert path.name == expected.name
            if path.name not in STORED_TIMES:
                assert path.read_bytes() == expected.read_bytes(), f"{name}/{path.name}"
    (descriptor,) = [p for p in result.files["datapackage"] if p.suffix == ".json"]
    assert errors(validate(descriptor)) == []
