"""schemas/figure.schema.json: the JSON Schema of the figure record, checked against Figure and the extractor."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tracker.extract import extract
from tracker.figure import CATEGORIES, FIELD_NAMES, QUALIFIERS, SOURCE_KINDS, Figure

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "schemas" / "figure.schema.json"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SENTENCE = "At least 826 people, including 111 civilians, have been killed, the Observatory said."


@cache
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _figure(**changes: Any) -> Figure:
    base = Figure(
        doc="seeds/001.txt",
        start=0,
        end=19,
        text="At least 826 people",
        sentence=SENTENCE,
        sentence_start=0,
        sentence_end=len(SENTENCE),
        value=826.0,
        low=826.0,
        high=None,
        qualifier="at_least",
        unit="count",
        entity="people",
        category="killed",
        source="Syrian Observatory for Human Rights",
        source_text="the Observatory said",
        source_kind="monitor",
        tracker_version="0.1.0",
    )
    return base.replace(**changes)


def test_schema_describes_every_field_of_the_record() -> None:
    schema = validator().schema
    assert list(schema["properties"]) == list(FIELD_NAMES)
    assert schema["properties"]["qualifier"]["enum"] == list(QUALIFIERS)
    assert schema["properties"]["category"]["enum"] == list(CATEGORIES)
    assert schema["properties"]["source_kind"]["enum"] == [*SOURCE_KINDS, None]


@pytest.mark.parametrize(
    "figure",
    [
        pytest.param(_figure(), id="at-least-with-source"),
        pytest.param(
            _figure(
                start=38,
                end=51,
                text="111 civilians",
                value=111.0,
                low=111.0,
                high=111.0,
                qualifier="exact",
                entity="civilians",
                parent=0,
            ),
            id="part-of-a-larger-figure",
        ),
        pytest.param(
            _figure(text="hundreds of people", value=None, low=200.0, high=999.0, qualifier="vague"),
            id="vague-without-value",
        ),
        pytest.param(
            _figure(
                text="140 kilometres",
                unit="kilometre",
                si_value=140000.0,
                entity=None,
                category="distance",
                source=None,
                source_text=None,
                source_kind=None,
            ),
            id="physical-unit-in-own-voice",
        ),
        pytest.param(
            _figure(
                text="85 miles", unit="mile", si_value=136794.24, entity=None, category="distance", equivalent_of=0
            ),
            id="equivalent-in-other-units",
        ),
        pytest.param(
            _figure(
                text="up 2.1%",
                value=2.1,
                low=2.1,
                high=2.1,
                qualifier="exact",
                unit="percent",
                entity=None,
                category="percentage",
                trend="up",
            ),
            id="trend",
        ),
    ],
)
def test_hand_built_figures_are_valid(figure: Figure) -> None:
    validator().validate(figure.to_dict())


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"qualifier": "roughly"}, id="unknown-qualifier"),
        pytest.param({"category": "deaths"}, id="unknown-category"),
        pytest.param({"start": -1}, id="negative-offset"),
        pytest.param({"value": "826"}, id="value-as-text"),
        pytest.param({"trend": "sideways"}, id="unknown-trend"),
        pytest.param({"text": ""}, id="empty-text"),
    ],
)
def test_invalid_records_are_refused(change: dict[str, Any]) -> None:
    record = {**_figure().to_dict(), **change}
    assert list(validator().iter_errors(record))


def test_a_record_missing_a_contract_field_is_refused() -> None:
    record = _figure().to_dict()
    del record["sentence"]
    assert list(validator().iter_errors(record))


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name[:3]) for p in SEEDS])
def test_extractor_output_on_the_seeds_is_valid(path: Path) -> None:
    for figure in extract(path.read_text(encoding="utf-8"), doc=str(path)):
        errors = [e.message for e in validator().iter_errors(figure.to_dict())]
        assert errors == [], (figure.text, errors)
