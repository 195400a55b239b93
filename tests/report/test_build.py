"""The report folder built from a fake store: files, sections, escaping, reproducibility, what is new."""

from __future__ import annotations

import csv
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from tests.report.fakes import FakeStore, hostile_store, seed_like_store
from tracker.errors import ReportError
from tracker.report.build import report_date_for, write_report
from tracker.report.model import PageLimits

NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
EXPECTED_FILES = {"index.html", "casualties.png", "figures.csv", "claims.csv", "discrepancies.csv",
                  "manifest.json"}


def _section(page: str, section_id: str) -> str:
    match = re.search(rf'<section id="{section_id}">(.*?)</section>', page, re.S)
    assert match, f"no section {section_id}"
    return match.group(1)


@pytest.fixture
def seed_report(tmp_path: Path) -> tuple[Path, str]:
    result = write_report(seed_like_store(), tmp_path / "reports", now=NOW)
    return result.folder, result.path.read_text(encoding="utf-8")


def test_writes_the_folder_of_the_newest_document_date(tmp_path: Path) -> None:
    result = write_report(seed_like_store(), tmp_path / "reports", now=NOW)
    assert result.folder == tmp_path / "reports" / "2024-12-08"
    assert result.path == result.folder / "index.html"
    assert {p.name for p in result.folder.iterdir()} == EXPECTED_FILES
    assert "2024-12-08" in result.summary_line() and "2 discrepancies" in result.summary_line()


def test_headline_shows_latest_claims_with_bounds_sources_and_counts(seed_report: tuple[Path, str]) -> None:
    headline = _section(seed_report[1], "headline")
    rows = re.findall(r"<tr.*?</tr>", headline, re.S)
    killed = next(r for r in rows if "killed: people since" in r)
    assert "at least 826" in killed and "Syrian Observatory for Human Rights" in killed
    assert re.search(r'class="num">2</td>\s*<td class="num">2</td>', killed)  # 2 documents, 2 origins
    civilians = next(r for r in rows if "civilians" in r)
    assert 'class="child"' in civilians and "part of: killed: people since the offensive began" in civilians
    assert "370,000" in headline
    fled = next(r for r in rows if "fled: soldiers" in r)
    assert "2,000" in fled or "200–999 (hundreds)" in fled


def test_discrepancies_quote_both_sides(seed_report: tuple[Path, str]) -> None:
    section = _section(seed_report[1], "discrepancies")
    assert "(source discrepancy)" in section and "(value discrepancy)" in section
    assert "The United Nations said the violence has displaced <mark>370,000 people</mark>." in section
    assert "according to the Observatory" in section
    assert "<mark>hundreds of Syrian soldiers</mark>" in section
    assert "A second source put the figure at <mark>2,000 troops</mark>, including officers." in section
    assert "200–999 (hundreds)" in section


def test_provenance_lists_every_figure_with_its_sentence(seed_report: tuple[Path, str]) -> None:
    section = _section(seed_report[1], "provenance")
    rows = re.findall(r'<tr id="f(\d+)">(.*?)</tr>', section, re.S)
    assert sorted(int(i) for i, _ in rows) == list(range(1, 9))
    for _, row in rows:
        assert row.count("<mark>") == 1
    first = dict(rows)["1"]
    assert "<mark>at least 826 people</mark>" in first and "seeds/001.txt" in first and "AFP" in first
    assert "2024-12-08" in first and "Syrian Observatory for Human Rights" in first


#: Limits smaller than the seed-like store, as a store of a million figures is larger than the default ones.
SMALL = PageLimits(discrepancies=1, discrepancies_per_event=1, documents=2, provenance_newest=1)


@pytest.fixture
def small_report(tmp_path: Path) -> tuple[Path, str]:
    result = write_report(seed_like_store(), tmp_path / "reports", now=NOW, limits=SMALL)
    return result.folder, result.path.read_text(encoding="utf-8")


def test_provenance_of_a_large_store_lists_the_headline_figures_and_the_newest(
        small_report: tuple[Path, str]) -> None:
    folder, page = small_report
    section = _section(page, "provenance")
    # the latest figure of each headline statistic (4, 5, 6, 8) and the newest figure (6, document 2)
    assert [int(i) for i in re.findall(r'<tr id="f(\d+)">', section)] == [8, 4, 5, 6]  # by publication
    assert re.search(r"Shown: 4 of the 8 figures.*Every figure, with its sentence, is in\s+<a href=\"figures.csv\">",
                     section, re.S)
    with (folder / "figures.csv").open(encoding="utf-8") as fh:
        assert [int(r["figure_id"]) for r in csv.DictReader(fh)] == list(range(1, 9))


def test_documents_table_of_a_large_store_lists_the_newest(small_report: tuple[Path, str]) -> None:
    section = _section(small_report[1], "documents")
    assert re.findall(r"<tr><td>(seeds/\d+\.txt)</td>", section) == ["seeds/001.txt", "seeds/003.txt"]
    assert re.search(r"the 2 most recently published of the\s+3 documents", section)


def test_discrepancies_of_a_large_store_are_those_of_the_most_reported_statistics(
        small_report: tuple[Path, str]) -> None:
    folder, page = small_report
    section = _section(page, "discrepancies")
    assert "(source discrepancy)" in section and "(value discrepancy)" not in section
    assert re.search(r"Shown: 1 of the 2\s+discrepancies", section) and 'href="discrepancies.csv"' in section
    assert len(pd.read_csv(folder / "discrepancies.csv")) == 2
    event = _section(page, "events")
    assert event.count('class="discrepancy"') == 1


def test_a_page_that_shows_everything_says_no_more_is_elsewhere(seed_report: tuple[Path, str]) -> None:
    page = seed_report[1]
    for limited in ("provenance-shown", "documents-shown", "discrepancies-shown"):
        assert f'id="{limited}"' not in page


def test_page_needs_no_network(seed_report: tuple[Path, str]) -> None:
    folder, page = seed_report
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "<script" not in page
    for ref in re.findall(r'(?:src|href)="([^"#:]+)"', page):
        assert (folder / ref).is_file(), ref


def test_csvs_hold_the_tables(seed_report: tuple[Path, str]) -> None:
    folder = seed_report[0]
    with (folder / "figures.csv").open(encoding="utf-8") as fh:
        figures = list(csv.DictReader(fh))
    assert [int(r["figure_id"]) for r in figures] == list(range(1, 9))
    assert figures[0]["text"] == "at least 826 people"
    claims = pd.read_csv(folder / "claims.csv")
    assert len(claims) == 6
    discrepancies = pd.read_csv(folder / "discrepancies.csv")
    assert set(discrepancies["kind"]) == {"value", "source"}


def test_manifest_records_what_went_in(seed_report: tuple[Path, str]) -> None:
    manifest = json.loads((seed_report[0] / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["report_date"] == "2024-12-08"
    assert manifest["built_at"] == "2025-01-02T03:04:05Z"
    assert manifest["tracker_version"]
    assert manifest["figure_id_ranges"] == [[1, 8]] and manifest["n_figures"] == 8
    assert [d["key"] for d in manifest["documents"]] == ["seeds/000.txt", "seeds/001.txt", "seeds/003.txt"]
    assert all(d["content_hash"].startswith("sha256:") for d in manifest["documents"])
    assert manifest["headline"]["killed: people since the offensive began"] == "at least 826"


def _masked(folder: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        out[path.name] = re.sub(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", b"<built>", data) \
            if path.suffix in (".html", ".json") else data
    return out


def test_same_store_gives_the_same_report_apart_from_build_time(tmp_path: Path) -> None:
    store = seed_like_store().with_docs(**{"seeds/003.txt": "2024-12-10T00:00:00Z"})  # with timelines
    a = write_report(store, tmp_path / "a", now=NOW)
    b = write_report(store, tmp_path / "b", now=datetime(2026, 6, 7, 8, 9, 10, tzinfo=UTC))
    assert a.built_at != b.built_at
    assert "timelines.png" in _masked(a.folder)
    assert _masked(a.folder) == _masked(b.folder)


def test_article_text_is_escaped(tmp_path: Path) -> None:
    page = write_report(hostile_store(), tmp_path, now=NOW).path.read_text(encoding="utf-8")
    for raw in ("<script>alert", "<img src=x onerror", "<b>Outlet</b>", "<i>people</i>", "<script>src()"):
        assert raw not in page
    for escaped in ("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                    "&lt;b&gt;Outlet&lt;/b&gt;", "killed: &lt;i&gt;people&lt;/i&gt;",
                    "&lt;script&gt;alert(&#39;key&#39;)&lt;/script&gt;.txt"):
        assert escaped in page
    assert "<mark>at least 40 people</mark>" in page


def test_timelines_only_when_documents_span_several_days(tmp_path: Path) -> None:
    one_day = write_report(seed_like_store(), tmp_path / "one", now=NOW)
    assert 'id="timelines"' not in one_day.path.read_text(encoding="utf-8")
    several = write_report(seed_like_store().with_docs(**{"seeds/003.txt": "2024-12-10T00:00:00Z"}),
                           tmp_path / "several", now=NOW)
    page = several.path.read_text(encoding="utf-8")
    assert 'id="timelines"' in page
    assert (several.folder / "timelines.png").is_file() and 'src="timelines.png"' in page
    assert not (one_day.folder / "timelines.png").exists()


def test_whats_new_compares_with_the_previous_report(tmp_path: Path) -> None:
    store = seed_like_store()
    first = write_report(
        FakeStore(store.docs[:1], [f for f in store.figs if f.document_id == 1], store.stats[:3], []),
        tmp_path, "2024-12-07", now=NOW)
    assert "No earlier report" in _section(first.path.read_text(encoding="utf-8"), "new")
    second = write_report(store, tmp_path, now=NOW)
    new = _section(second.path.read_text(encoding="utf-8"), "new")
    assert "Compared with the report of 2024-12-07: 2 new documents and 5 new figures." in new
    assert "seeds/003.txt" in new and "seeds/000.txt" in new
    assert "fled: soldiers to Iraq" in new and "(new)" in new
    assert "killed: people since the offensive began" not in new  # unchanged headline value


def test_whats_new_of_a_large_store_lists_the_first_new_documents(tmp_path: Path) -> None:
    store = seed_like_store()
    write_report(FakeStore([], [], [], []), tmp_path, "2024-12-07", now=NOW)
    second = write_report(store, tmp_path, now=NOW, limits=SMALL)
    new = _section(second.path.read_text(encoding="utf-8"), "new")
    assert "3 new documents" in new
    assert re.findall(r"<li>(.*?)</li>", new) == ["seeds/000.txt", "seeds/001.txt"]
    assert re.search(r"Shown: the first 2 of the new documents by key;\s+<a href=\"manifest.json\">", new)


def test_whats_new_reads_a_previous_manifest_that_listed_every_figure_id(tmp_path: Path) -> None:
    store = seed_like_store()
    folder = tmp_path / "2024-12-07"
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({  # format 1, as release 0.1.0 wrote it
        "format": 1, "report_date": "2024-12-07", "documents": [], "figure_ids": [1, 2, 3], "headline": {},
    }), encoding="utf-8")
    new = _section(write_report(store, tmp_path, now=NOW).path.read_text(encoding="utf-8"), "new")
    assert "Compared with the report of 2024-12-07: 3 new documents and 5 new figures." in new


def test_later_reports_are_not_the_previous_one(tmp_path: Path) -> None:
    write_report(seed_like_store(), tmp_path, "2024-12-20", now=NOW)
    page = write_report(seed_like_store(), tmp_path, "2024-12-01", now=NOW).path.read_text(encoding="utf-8")
    assert "No earlier report" in _section(page, "new")


@pytest.mark.parametrize(("published", "date", "expected"), [
    pytest.param(["2024-12-08T10:00:00Z", "2024-12-09T23:00:00Z"], None, "2024-12-09", id="newest-document"),
    pytest.param(["2024-12-08T10:00:00Z", None], None, "2024-12-08", id="some-undated"),
    pytest.param([None, None], None, "2025-01-02", id="no-dates-build-date"),
    pytest.param([], None, "2025-01-02", id="no-documents-build-date"),
    pytest.param(["2024-12-08T10:00:00Z"], "2023-05-06", "2023-05-06", id="given-date"),
])
def test_report_date(published: list[str | None], date: str | None, expected: str) -> None:
    documents = pd.DataFrame({"published": pd.to_datetime(pd.Series(published, dtype="object"), utc=True)})
    assert report_date_for(documents, date, NOW) == expected


@pytest.mark.parametrize("date", [
    pytest.param("08/12/2024", id="not-iso"),
    pytest.param("2024-02-30", id="no-such-day"),
    pytest.param("../../etc", id="path-escape"),
])
def test_bad_report_date_is_a_report_error(tmp_path: Path, date: str) -> None:
    with pytest.raises(ReportError, match="report date"):
        write_report(seed_like_store(), tmp_path, date, now=NOW)


def test_empty_store_still_gives_a_page(tmp_path: Path) -> None:
    result = write_report(FakeStore([], [], [], []), tmp_path, now=NOW)
    page = result.path.read_text(encoding="utf-8")
    assert result.report_date == "2025-01-02"
    assert "No casualty figures in the store." in page and "No discrepancies" in page


def test_unwritable_output_is_a_report_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ReportError, match="cannot write the report"):
        write_report(seed_like_store(), blocker, now=NOW)
