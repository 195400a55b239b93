"""`tracker export` as a user runs it: every format into its folder, and one clear line for bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.export.conftest import run_tracker
from tracker.errors import ExportError
from tracker.export import FORMATS
from tracker.export.write import parse_formats
from tracker.store.migrate import upgrade


def digest(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_export_writes_each_format_in_its_folder(seeds_db: str, tmp_path: Path) -> None:
    before = digest(seeds_db)
    done = run_tracker("export", "--format", "geojson,hxl", "--db", seeds_db, "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["geojson", "hxl"]
    assert (tmp_path / "hxl" / "events.csv").exists() and (tmp_path / "geojson" / "events.geojson").exists()
    assert done.stderr.startswith("export: ") and len(done.stderr.strip().splitlines()) == 1
    assert digest(seeds_db) == before, "the export changed the database"


def make_missing(tmp_path: Path) -> str:
    return str(tmp_path / "no-such.db")


def make_zero_bytes(tmp_path: Path) -> str:
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    return str(path)


def make_store_without_documents(tmp_path: Path) -> str:
    path = str(tmp_path / "fresh.db")
    upgrade(path)
    return path


def make_not_a_database(tmp_path: Path) -> str:
    path = tmp_path / "notes.db"
    path.write_text("this is not SQLite\n" * 100, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("make_db", "formats", "words"), [
    pytest.param(make_missing, "hxl", "no tracker database", id="missing database"),
    pytest.param(make_zero_bytes, "hxl", "no tracker schema", id="empty file"),
    pytest.param(make_store_without_documents, "datapackage", "no documents", id="store without documents"),
    pytest.param(make_not_a_database, "geojson", "cannot open database", id="not a database"),
    pytest.param(make_store_without_documents, "csv", "unknown export format 'csv'", id="unknown format"),
    pytest.param(make_store_without_documents, "hxl,kml", "unknown export format 'kml'", id="one unknown of two"),
    pytest.param(make_store_without_documents, ",", "no export format", id="no format"),
])
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, make_db: object, formats: str, words: str) -> None:
    db = make_db(tmp_path)  # type: ignore[operator]
    done = run_tracker("export", "--format", formats, "--db", db, "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tracker: "), done.stderr
    assert words in lines[0]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists(), "a failed export left files behind"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("hxl", ("hxl",), id="one"),
    pytest.param("prov, HXL", ("hxl", "prov"), id="spaces, case, in the canonical order"),
    pytest.param("geojson,geojson", ("geojson",), id="repeated once"),
    pytest.param(",".join(reversed(FORMATS)), FORMATS, id="all"),
])
def test_parse_formats(text: str, expected: tuple[str, ...]) -> None:
    assert parse_formats(text) == expected


@pytest.mark.parametrize("text", ["", " , ", "xml", "hxl;prov"])
def test_parse_formats_refuses(text: str) -> None:
    with pytest.raises(ExportError):
        parse_formats(text)


def test_same_store_same_files(seeds_db: str, tmp_path: Path) -> None:
    from tracker.export.write import export_store

    first = export_store(seeds_db, ",".join(FORMATS), tmp_path / "a")
    second = export_store(seeds_db, ",".join(FORMATS), tmp_path / "b")
    for name in FORMATS:
        for a, b in zip(first.files[name], second.files[name], strict=True):
            assert a.relative_to(tmp_path / "a") == b.relative_to(tmp_path / "b")
            assert a.read_bytes() == b.read_bytes(), a.name
