"""The nightly report links the exports written beside it; `tracker nightly --export` writes them."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from tests.export.conftest import SEEDS, run_tracker
from tests.report.fakes import seed_like_store
from tracker.report.build import build_report, write_report

NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def page_links(page: str) -> list[str]:
    match = re.search(r'<p class="meta" id="open-data">(.*?)</p>', page, re.S)
    assert match, "the page has no open-data paragraph"
    return re.findall(r'href="([^"]+)"', match.group(1))


def fake_exporter(folder: Path) -> Mapping[str, Sequence[Path]]:
    """Writes one small file per format, as the real writers do, into its subfolder."""
    files = {}
    for name, file in (("hxl", "events.csv"), ("geojson", "events.geojson")):
        path = folder / name / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n", encoding="utf-8")
        files[name] = [path]
    return files


def test_report_links_the_exports_it_wrote(tmp_path: Path) -> None:
    result = write_report(seed_like_store(), tmp_path / "reports", now=NOW, exporter=fake_exporter)
    page = result.path.read_text(encoding="utf-8")
    links = page_links(page)
    assert links == ["hxl/events.csv", "geojson/events.geojson"]
    assert all((result.folder / link).is_file() for link in links)
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["exports"] == {"hxl": ["hxl/events.csv"], "geojson": ["geojson/events.geojson"]}


def test_no_exports_no_links(tmp_path: Path) -> None:
    result = write_report(seed_like_store(), tmp_path / "reports", now=NOW)
    assert 'id="open-data"' not in result.path.read_text(encoding="utf-8")
    assert json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))["exports"] == {}


def test_build_report_writes_real_exports_beside_the_report(seeds_db: str, tmp_path: Path) -> None:
    result = build_report(seeds_db, str(tmp_path / "reports"), None, ("hxl", "datapackage"))
    links = page_links(result.path.read_text(encoding="utf-8"))
    assert "hxl/events.csv" in links and "datapackage/datapackage.json" in links
    assert all((result.folder / link).is_file() for link in links)
    assert not (result.folder / "geojson").exists()


def test_nightly_with_an_unknown_export_stops_before_the_ingest(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    done = run_tracker("nightly", str(SEEDS), "--db", str(db), "--out", str(tmp_path / "reports"),
                       "--export", "hxl,shapefile")
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert line == "tracker: unknown export format 'shapefile' (choose from hxl, datapackage, geojson, prov)"
    assert not db.exists() and not (tmp_path / "reports").exists()
