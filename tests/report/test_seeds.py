"""The report of real stores: the seed corpus end to end, hostile text through ingest, the nightly run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.report.conftest import SEEDS
from tracker.cli import cli
from tracker.report.build import ReportResult, build_report, run_nightly
from tracker.store.ingest import ingest_paths


def _section(page: str, section_id: str) -> str:
    match = re.search(rf'<section id="{section_id}">(.*?)</section>', page, re.S)
    assert match, f"no section {section_id}"
    return match.group(1)


def _masked(folder: Path) -> dict[str, bytes]:
    stamp = rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"
    return {p.name: re.sub(stamp, b"<built>", p.read_bytes()) if p.suffix in (".html", ".json")
            else p.read_bytes() for p in sorted(folder.iterdir())}


def test_seeds_report_folder(seeds_report: ReportResult) -> None:
    assert seeds_report.report_date == "2024-12-08"
    assert {p.name for p in seeds_report.folder.iterdir()} >= {
        "index.html", "casualties.png", "figures.csv", "claims.csv", "discrepancies.csv", "manifest.json"}
    manifest = json.loads((seeds_report.folder / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["documents"]) == 5
    assert manifest["n_figures"] == seeds_report.n_figures > 0
    assert sum(last - first + 1 for first, last in manifest["figure_id_ranges"]) == manifest["n_figures"]


def test_seeds_headline_and_provenance(seeds_report: ReportResult) -> None:
    page = seeds_report.path.read_text(encoding="utf-8")
    headline = _section(page, "headline")
    assert "at least 826" in headline and "111" in headline and "370,000" in headline
    provenance = _section(page, "provenance")
    assert "<mark>at least 826 people</mark>" in provenance
    assert "<mark>111 civilians</mark>" in provenance
    assert "<mark>370,000 people</mark>" in provenance


def test_seeds_discrepancies(seeds_report: ReportResult) -> None:
    section = _section(seeds_report.path.read_text(encoding="utf-8"), "discrepancies")
    assert "(value discrepancy)" in section and "<mark>hundreds of Syrian soldiers</mark>" in section
    assert "<mark>2,000 troops</mark>" in section


def test_same_database_same_report(seeds_db: str, tmp_path: Path) -> None:
    a = build_report(seeds_db, str(tmp_path / "a"), None)
    b = build_report(seeds_db, str(tmp_path / "b"), None)
    assert _masked(a.folder) == _masked(b.folder)


HOSTILE_TEXT = (
    "Officials said <script>alert('pwned')</script> at least 40 people were killed on Monday.\n\n"
    'A photo <img src=x onerror="alert(1)"> showed 12 people injured in the blast.\n'
)


def test_hostile_document_is_shown_as_text(tmp_path: Path) -> None:
    doc = tmp_path / "hostile.txt"
    doc.write_text(HOSTILE_TEXT, encoding="utf-8")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(json.dumps({
        "id": "<script>alert('id')</script>",
        "text": "At least 30 people were killed, <b>officials</b> said.",
        "title": "<img src=x onerror=alert('title')>", "outlet": "<script>outlet()</script>",
        "published": "2024-12-08",
    }) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert ingest_paths([str(doc), str(jsonl)], db, progress=False).ok
    page = build_report(db, str(tmp_path / "reports"), None).path.read_text(encoding="utf-8")
    for raw in ("<script>alert(", "<img src=x", "<b>officials</b>", "<script>outlet()"):
        assert raw not in page
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
    assert "&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(&#39;title&#39;)&gt;" in page
    assert "&lt;script&gt;outlet()&lt;/script&gt;" in page
    assert "<script" not in page


def test_nightly_reports_what_succeeded_and_fails(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    result = run_nightly([str(SEEDS), missing], str(tmp_path / "t.db"), str(tmp_path / "reports"), None)
    assert not result.ok
    assert [f.path for f in result.failures] == [missing]
    assert result.report.path.is_file() and result.report.n_documents == 5
    assert "2024-12-08" in result.summary_line()


def test_nightly_command_exit_status(tmp_path: Path) -> None:
    runner = CliRunner()
    db, out = str(tmp_path / "t.db"), str(tmp_path / "reports")
    ok = runner.invoke(cli, ["nightly", str(SEEDS), "--db", db, "--out", out])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "reports" / "2024-12-08" / "index.html").is_file()
    bad = runner.invoke(cli, ["nightly", str(SEEDS), str(tmp_path / "nope.txt"), "--db", db, "--out", out])
    assert bad.exit_code == 1
    assert "nope.txt" in bad.output and "Traceback" not in bad.output


@pytest.mark.parametrize(("args", "exit_code", "expected"), [
    pytest.param(["--date", "2024-12-09"], 0, "report 2024-12-09", id="given-date"),
    pytest.param(["--date", "yesterday"], 1, "tracker: report date 'yesterday': expected YYYY-MM-DD",
                 id="bad-date"),
])
def test_report_command(seeds_db: str, tmp_path: Path, args: list[str], exit_code: int,
                        expected: str) -> None:
    result = CliRunner().invoke(cli, ["report", "--db", seeds_db, "--out", str(tmp_path), *args])
    assert result.exit_code == exit_code
    assert expected in result.output and "Traceback" not in result.output
