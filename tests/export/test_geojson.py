"""GeoJSON export: the files parse, each feature is a Point in range (or an unlocated event), and the
properties carry the headline figures and their sources."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

import tracker
from tracker.export.write import ExportResult


def collection(exported: ExportResult, name: str) -> dict[str, Any]:
    (path,) = [p for p in exported.files["geojson"] if p.name == name]
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def check_point(geometry: dict[str, Any]) -> tuple[float, float]:
    assert geometry["type"] == "Point"
    lon, lat = geometry["coordinates"]
    assert all(isinstance(c, int | float) and math.isfinite(c) for c in (lon, lat))
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    return lon, lat


@pytest.mark.parametrize("name", ["events.geojson", "figures.geojson"])
def test_a_feature_collection_of_features(exported: ExportResult, name: str) -> None:
    data = collection(exported, name)
    assert data["type"] == "FeatureCollection"
    assert data["features"], f"{name} has no features on the seeds"
    for feature in data["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        if feature["geometry"] is not None:
            check_point(feature["geometry"])


def test_one_feature_per_event_at_its_place(exported: ExportResult, seeds_db: str) -> None:
    with tracker.open(seeds_db) as store:
        events = store.sql("SELECT * FROM event_summary ORDER BY event_id").to_dict("records")
    features = collection(exported, "events.geojson")["features"]
    assert [f["properties"]["event_id"] for f in features] == [e["event_id"] for e in events]
    located = 0
    for feature, event in zip(features, events, strict=True):
        if event["lat"] is None or math.isnan(event["lat"]):
            assert feature["geometry"] is None
            continue
        located += 1
        assert check_point(feature["geometry"]) == pytest.approx((event["lon"], event["lat"]))
    assert located > 0, "no event of the seeds is on the map"


def test_event_properties_hold_headline_figures_and_sources(exported: ExportResult) -> None:
    features = collection(exported, "events.geojson")["features"]
    for feature in features:
        for category in ("killed", "injured", "displaced"):
            assert {category, f"{category}_low", f"{category}_source"} <= feature["properties"].keys()
    with_toll = [f["properties"] for f in features if f["properties"]["killed"] is not None]
    assert with_toll, "no event of the seeds has a headline death toll"
    assert any(p["killed_source"] for p in with_toll)


def test_every_located_figure_and_only_those(exported: ExportResult, seeds_db: str) -> None:
    with tracker.open(seeds_db) as store:
        figures = store.figures()
    located = figures[figures["lat"].notna() & figures["lon"].notna()]
    features = collection(exported, "figures.geojson")["features"]
    assert [f["properties"]["figure_id"] for f in features] == sorted(located["figure_id"].tolist())
    by_id = located.set_index("figure_id")
    for feature in features:
        row = by_id.loc[feature["properties"]["figure_id"]]
        assert check_point(feature["geometry"]) == pytest.approx((row["lon"], row["lat"]))
        assert feature["properties"]["text"] == row["text"]
