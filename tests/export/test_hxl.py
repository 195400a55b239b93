"""HXL export: libhxl reads the files, finds the hashtags, and the values are the store's."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

import tracker
from tracker.export.hxl import EVENT_TAGS, FIGURE_TAGS
from tracker.export.write import ExportResult

hxl = pytest.importorskip("hxl")
from hxl.input import InputOptions  # noqa: E402 - after the skip

LOCAL = InputOptions(allow_local=True, encoding="utf-8")

#: What a humanitarian analyst filters on, as the issue names them.
EVENT_HASHTAGS = ("#event", "#date", "#country+code", "#adm1+name", "#loc+name", "#geo+lat", "#geo+lon",
                  "#affected+killed", "#affected+injured", "#affected+displaced")
FIGURE_HASHTAGS = ("#meta+source", "#org+name", "#meta+url", "#geo+lat", "#geo+lon", "#event+id",
                   "#indicator+category", "#country+code")

#: A HXL schema (libhxl's validation rules) every export must pass.
RULES = [
    ["#valid_tag", "#valid_required", "#valid_datatype", "#valid_value+min", "#valid_value+max",
     "#valid_value+regex"],
    ["#geo+lat", "", "number", "-90", "90", ""],
    ["#geo+lon", "", "number", "-180", "180", ""],
    ["#affected", "", "number", "0", "", ""],
    ["#country+code", "", "", "", "", "^[A-Z]{3}$"],
    ["#date", "", "date", "", "", ""],
    ["#event+id", "", "number", "", "", ""],
]


def hxl_file(exported: ExportResult, name: str) -> Path:
    (path,) = [p for p in exported.files["hxl"] if p.name == name]
    return path


def known(value: Any) -> Any:
    """A store value, None where it is missing (pandas gives NaN for some)."""
    return None if value is None or value != value else value


def validation_errors(data: Any) -> list[tuple[str, str]]:
    errors: list[Any] = []
    schema = hxl.schema(hxl.data(RULES), callback=errors.append)
    schema.validate(data)
    return [(e.message, e.value) for e in errors]


@pytest.mark.parametrize(("name", "hashtags"), [
    pytest.param("events.csv", EVENT_HASHTAGS, id="events"),
    pytest.param("figures.csv", FIGURE_HASHTAGS, id="figures"),
])
def test_libhxl_finds_the_hashtags(exported: ExportResult, name: str, hashtags: tuple[str, ...]) -> None:
    data = hxl.data(str(hxl_file(exported, name)), LOCAL)
    found = {column.display_tag for column in data.columns}
    for hashtag in hashtags:
        assert any(hxl.model.TagPattern.parse(hashtag).match(column) for column in data.columns), (
            f"{hashtag} not among {sorted(found)}")


@pytest.mark.parametrize(("name", "tags"), [
    pytest.param("events.csv", EVENT_TAGS, id="events"), pytest.param("figures.csv", FIGURE_TAGS, id="figures"),
])
def test_every_column_has_its_hashtag(exported: ExportResult, name: str, tags: tuple[tuple[str, str], ...]) -> None:
    data = hxl.data(str(hxl_file(exported, name)), LOCAL)
    assert [c.header for c in data.columns] == [column for column, _ in tags]
    assert [c.display_tag for c in data.columns] == [tag for _, tag in tags]


@pytest.mark.parametrize("name", ["events.csv", "figures.csv"])
def test_files_pass_a_hxl_schema(exported: ExportResult, name: str) -> None:
    assert validation_errors(hxl.data(str(hxl_file(exported, name)), LOCAL)) == []


def test_the_schema_catches_bad_values(exported: ExportResult) -> None:
    rows = list(csv.reader(hxl_file(exported, "events.csv").open(encoding="utf-8")))
    header = rows[0]
    rows[2][header.index("lat")] = "123"
    rows[2][header.index("killed")] = "-5"
    rows[2][header.index("country")] = "Syria"
    assert len(validation_errors(hxl.data(rows))) == 3


def test_event_rows_are_the_stores_event_summary(exported: ExportResult, seeds_db: str) -> None:
    with tracker.open(seeds_db) as store:
        summary = store.sql("SELECT * FROM event_summary ORDER BY event_id")
    rows = list(hxl.data(str(hxl_file(exported, "events.csv")), LOCAL))
    assert len(rows) == len(summary) > 0
    for row, expected in zip(rows, summary.to_dict("records"), strict=True):
        assert int(row.get("#event+id")) == expected["event_id"]
        assert row.get("#event+name") == expected["label"]
        for category in ("killed", "injured", "displaced"):
            value = row.get(f"#affected+{category}")
            if known(expected[category]) is None:
                assert not value
            else:
                assert float(value) == expected[category]
            assert (row.get(f"#org+name+{category}") or None) == known(expected[f"{category}_source"])


def test_figure_rows_carry_source_outlet_and_place(exported: ExportResult, seeds_db: str) -> None:
    with tracker.open(seeds_db) as store:
        provenance = store.sql("SELECT * FROM figure_provenance ORDER BY figure_id").to_dict("records")
    rows = list(hxl.data(str(hxl_file(exported, "figures.csv")), LOCAL))
    assert len(rows) == len(provenance) > 0
    assert any(row.get("#org+name") for row in rows), "no figure with its attributing organisation"
    for row, expected in zip(rows, provenance, strict=True):
        assert int(row.get("#meta+id")) == expected["figure_id"]
        assert (row.get("#org+name") or None) == known(expected["source"])
        assert (row.get("#meta+source") or None) == known(expected["outlet"])
        assert row.get("#meta+text") == expected["text"]
        if row.get("#geo+lat"):
            assert -90 <= float(row.get("#geo+lat")) <= 90 and -180 <= float(row.get("#geo+lon")) <= 180
