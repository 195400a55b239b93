"""Data package export: `frictionless validate` (the real validator, as a user runs it) reports it valid,
its keys link the tables, and the rows are the store's."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import tracker
from tracker.export.columns import descriptions
from tracker.export.datapackage import DESCRIPTOR, RESOURCES
from tracker.export.write import ExportResult

pytest.importorskip("frictionless")

#: The links the issue asks for: (resource, column) -> (resource, column).
REQUIRED_LINKS = {
    ("figures", "document_id"): ("documents", "document_id"),
    ("figures", "event_id"): ("events", "event_id"),
    ("figures", "statistic_id"): ("statistics", "statistic_id"),
    ("statistics", "event_id"): ("events", "event_id"),
}


def validate(descriptor: Path) -> dict[str, Any]:
    """The JSON report of `frictionless validate` run on a descriptor."""
    frictionless = Path(sys.executable).with_name("frictionless")
    command = [str(frictionless)] if frictionless.exists() else [sys.executable, "-m", "frictionless"]
    done = subprocess.run([*command, "validate", "--json", descriptor.name], cwd=descriptor.parent,
                          capture_output=True, text=True, timeout=300, check=False)
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def errors(report: dict[str, Any]) -> list[tuple[str, str]]:
    return [(error["type"], error.get("note", "")) for task in report["tasks"] for error in task["errors"]]


@pytest.fixture(scope="module")
def package(exported: ExportResult) -> Path:
    (path,) = [p for p in exported.files["datapackage"] if p.name == DESCRIPTOR]
    return path


def test_frictionless_validate_reports_valid(package: Path) -> None:
    report = validate(package)
    assert errors(report) == []
    assert report["valid"] is True
    assert sorted(task["name"] for task in report["tasks"]) == sorted(r.name for r in RESOURCES)


@pytest.mark.parametrize(("column", "value", "error"), [
    pytest.param("event_id", "999999", "foreign-key", id="figure of an unknown event"),
    pytest.param("category", "casualties", "constraint-error", id="category outside SPEC's list"),
    pytest.param("lat", "91.5", "constraint-error", id="latitude past the pole"),
    pytest.param("figure_id", "", "constraint-error", id="figure without its key"),
])
def test_frictionless_catches_a_broken_copy(package: Path, tmp_path: Path, column: str, value: str,
                                            error: str) -> None:
    copy = tmp_path / "package"
    shutil.copytree(package.parent, copy)
    figures = copy / "figures.csv"
    rows = list(csv.reader(figures.open(encoding="utf-8")))
    rows[1][rows[0].index(column)] = value
    with figures.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    report = validate(copy / DESCRIPTOR)
    assert report["valid"] is False
    assert error in {kind for kind, _ in errors(report)}


def test_keys_link_documents_figures_statistics_and_events(package: Path) -> None:
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    links = {}
    for name, resource in resources.items():
        schema = resource["schema"]
        assert len(schema["primaryKey"]) == 1 and schema["primaryKey"][0] in {f["name"] for f in schema["fields"]}
        for key in schema["foreignKeys"]:
            target = key["reference"]["resource"] or name
            links[name, key["fields"][0]] = (target, key["reference"]["fields"][0])
            assert links[name, key["fields"][0]][1] == resources[target]["schema"]["primaryKey"][0]
    assert REQUIRED_LINKS.items() <= links.items()


def test_every_field_is_typed_and_described(package: Path) -> None:
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert resource["description"] == descriptions().table(resource["name"])
        for field in resource["schema"]["fields"]:
            assert field["type"] in {"integer", "number", "string", "datetime", "date", "boolean"}
            assert field.get("description"), f"{resource['name']}.{field['name']} has no description"


def test_rows_are_the_stores(package: Path, seeds_db: str) -> None:
    with tracker.open(seeds_db) as store:
        expected = {"documents": store.documents()["document_id"], "events": store.events()["event_id"],
                    "statistics": store.statistics()["statistic_id"], "figures": store.figures()["figure_id"]}
    for name, ids in expected.items():
        with (package.parent / f"{name}.csv").open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        key = next(r.primary_key for r in RESOURCES if r.name == name)
        assert [int(row[key]) for row in rows] == sorted(int(i) for i in ids), name
        assert rows, f"{name}.csv is empty on the seeds"
