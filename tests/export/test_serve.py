"""`tracker serve`: Datasette on the store, read-only, with its metadata, canned queries and a map.

The server runs as a user starts it (a subprocess on a free loopback port); its JSON API is read with
urllib and its map page in headless Chromium, with every host name but the loopback's unresolvable (the
map tiles stay blank; the markers must not).
"""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import tracker
from tests.browser import headless_chromium
from tests.export.conftest import ROOT, run_tracker
from tracker.export.queries import canned_queries
from tracker.export.serve import MAP_PLUGIN, datasette_metadata, schema_columns

pytest.importorskip("datasette")
pytest.importorskip("datasette_cluster_map")

STARTUP_SECONDS = 60
#: Chromium resolves no host name but the loopback's: nothing leaves the machine.
OFFLINE_FLAG = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - a loopback URL of the test
        return json.load(response)


class Server:
    """A running `tracker serve` and its base URL."""

    def __init__(self, db: str) -> None:
        self.port = free_port()
        self.db = db
        self.name = Path(db).stem
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tracker", "serve", "--db", db, "--port", str(self.port)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def wait(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"tracker serve exited: {self.process.communicate()[1]}")
            try:
                get_json(f"{self.base}/-/versions.json")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        pytest.fail(f"tracker serve did not answer within {STARTUP_SECONDS} s")

    def rows(self, table: str, **params: str) -> list[dict[str, Any]]:
        query = urllib.parse.urlencode({"_shape": "array", "_size": "max", **params})
        rows: list[dict[str, Any]] = get_json(f"{self.base}/{self.name}/{table}.json?{query}")
        return rows

    def stop(self) -> str:
        self.process.terminate()
        try:
            _, stderr = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, stderr = self.process.communicate()
        return stderr


def digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def server(seeds_db: str) -> Iterator[Server]:
    before = digest(seeds_db)
    running = Server(seeds_db)
    try:
        running.wait()
        yield running
    finally:
        stderr = running.stop()
    assert "read-only" in stderr.splitlines()[0]
    assert digest(seeds_db) == before, "serving changed the database"


def test_event_summary_through_the_json_api(server: Server, seeds_db: str) -> None:
    with tracker.open(seeds_db) as store:
        expected = store.sql("SELECT event_id, label, lat, lon FROM event_summary ORDER BY event_id")
    rows = server.rows("event_summary", _sort="event_id")
    assert [(r["event_id"], r["label"]) for r in rows] == list(zip(expected["event_id"], expected["label"],
                                                                   strict=True))
    assert any(r["lat"] is not None for r in rows)


def test_figure_provenance_through_the_json_api(server: Server, seeds_db: str) -> None:
    with tracker.open(seeds_db) as store:
        figures = store.figures()
    rows = server.rows("figure_provenance", _sort="figure_id")
    assert [r["figure_id"] for r in rows] == sorted(figures["figure_id"].tolist())
    assert {"source", "sentence", "event", "statistic", "lat", "lon", "url"} <= rows[0].keys()


def test_canned_queries_are_served(server: Server) -> None:
    for query in canned_queries():
        assert server.rows(query.name), f"canned query {query.name} returned nothing"


def test_metadata_describes_tables_and_columns(server: Server) -> None:
    metadata = get_json(f"{server.base}/-/metadata.json")
    tables = metadata["databases"][server.name]["tables"]
    assert tables["figures"]["columns"]["category"].count(",") > 10  # SPEC's category list
    assert tables["events"]["units"]["lat"] == "degree"
    for name in ("events", "figures", "event_summary", "figure_provenance"):
        assert tables[name]["plugins"][MAP_PLUGIN] == {"latitude_column": "lat", "longitude_column": "lon"}


def test_writes_are_refused(server: Server) -> None:
    query = urllib.parse.urlencode({"sql": "DELETE FROM figures", "_shape": "array"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        get_json(f"{server.base}/{server.name}.json?{query}")
    assert refused.value.code == 400
    assert server.rows("figures", _size="1")


def test_metadata_covers_every_table_with_a_map_for_events_and_figures(seeds_db: str) -> None:
    with tracker.open(seeds_db) as store:
        tables = schema_columns(store)
    metadata = datasette_metadata("seeds", tables)["databases"]["seeds"]
    assert set(metadata["tables"]) == set(tables)
    for name, meta in metadata["tables"].items():
        assert meta["description"] and set(meta["columns"]) == set(tables[name]), name
    assert {q.name for q in canned_queries()} == set(metadata["queries"])


def test_a_port_in_use_is_one_line(seeds_db: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = run_tracker("serve", "--db", seeds_db, "--port", str(port), timeout=60)
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("tracker: ") and "in use" in line and str(port) in line


@pytest.mark.parametrize("db", ["missing.db", "postgresql+psycopg://nobody@127.0.0.1:1/none"])
def test_no_store_is_one_line(tmp_path: Path, db: str) -> None:
    target = str(tmp_path / db) if "://" not in db else db
    done = run_tracker("serve", "--db", target, "--port", str(free_port()), timeout=60)
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("tracker: ")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """Headless Chromium that resolves no host but the loopback's."""
    with headless_chromium(tmp_path / "chromium-profile", OFFLINE_FLAG) as driver:
        yield driver


# Markers drawn on the map: a lone marker is an <img class="leaflet-marker-icon">, a cluster a <div> whose
# text is how many markers it holds.
COUNT_MARKERS = """
const lone = document.querySelectorAll('.leaflet-marker-pane img.leaflet-marker-icon').length;
const clusters = Array.from(document.querySelectorAll('.leaflet-marker-pane .marker-cluster'))
    .map(c => parseInt(c.textContent, 10) || 0);
return [lone, clusters.length, clusters.reduce((a, b) => a + b, 0)];
"""


@pytest.mark.browser
def test_map_page_shows_the_event_markers(server: Server, browser: Any, seeds_db: str, tmp_path: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    with tracker.open(seeds_db) as store:
        events = store.events()
    located = int((events["lat"].notna() & events["lon"].notna()).sum())
    assert located > 0
    browser.get(f"{server.base}/{server.name}/event_summary")
    WebDriverWait(browser, 30).until(lambda b: sum(b.execute_script(COUNT_MARKERS)[::2]) >= located)
    lone, n_clusters, clustered = browser.execute_script(COUNT_MARKERS)
    browser.execute_script("document.querySelector('.leaflet-container').scrollIntoView({block: 'center'});")
    png = browser.get_screenshot_as_png()
    shot = tmp_path / "event-map.png"
    shot.write_bytes(png)
    print(f"map screenshot: {shot}")
    assert lone + clustered == located, (lone, n_clusters, clustered)
    map_box = browser.execute_script(
        "const m = document.querySelector('.leaflet-container'); const r = m.getBoundingClientRect();"
        "return [r.width, r.height];")
    assert map_box[0] > 300 and map_box[1] > 200


def test_without_datasette_says_which_extra(seeds_db: str) -> None:
    script = ("import sys; sys.modules['datasette'] = None; from tracker.cli import main; "
              f"sys.argv = ['tracker', 'serve', '--db', {seeds_db!r}, '--port', '{free_port()}']; main()")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 1
    assert done.stderr.strip() == "tracker: tracker serve needs Datasette: pip install 'tracker[serve]'"
