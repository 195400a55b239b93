"""GeoJSON (RFC 7946): one Feature per event, with its headline figures and their sources, and one per
located figure, each a Point at the place's longitude and latitude (WGS 84).

An event without coordinates is kept, with a null geometry (an unlocated feature, RFC 7946 section 3.2);
a figure without coordinates is left out of figures.geojson (it is in every other export).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from tracker.export.values import records, write_text

if TYPE_CHECKING:
    import pandas as pd

    from tracker.store.api import Store

FOLDER = "geojson"

#: event_summary columns in an event's properties (lat and lon are its geometry).
EVENT_PROPERTIES: Final = (
    "event_id", "event_key", "label", "type", "start", "historical", "country", "admin1", "locality",
    "killed", "killed_low", "killed_source", "injured", "injured_low", "injured_source",
    "displaced", "displaced_low", "displaced_source", "n_documents",
)
#: figure_provenance columns in a figure's properties.
FIGURE_PROPERTIES: Final = (
    "figure_id", "text", "value", "low", "high", "qualifier", "unit", "category", "entity", "source",
    "source_text", "channel", "event_id", "event", "statistic_id", "statistic", "period", "country", "admin1",
    "locality", "sentence", "document_id", "document_key", "document_title", "outlet", "published", "url",
    "tracker_version",
)


def _features(frame: pd.DataFrame, properties: Sequence[str], times: Sequence[str] = (),
              booleans: Sequence[str] = ()) -> list[dict[str, Any]]:
    rows = records(frame, [*properties, "lat", "lon"], times, booleans)
    features = []
    for row in rows:
        *values, lat, lon = row
        geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
        features.append({"type": "Feature", "geometry": geometry, "properties": dict(zip(properties, values,
                                                                                         strict=True))})
    return features


def _collection(name: str, features: list[dict[str, Any]]) -> str:
    collection = {"type": "FeatureCollection", "name": name, "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_geojson(store: Store, out: Path) -> list[Path]:
    """Write geojson/events.geojson and geojson/figures.geojson into `out`; the paths written."""
    folder = out / FOLDER
    events = _features(store.sql("SELECT * FROM event_summary ORDER BY event_id"), EVENT_PROPERTIES,
                       times=("start",), booleans=("historical",))
    figures = _features(
        store.sql("SELECT * FROM figure_provenance WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY figure_id"),
        FIGURE_PROPERTIES, times=("published",),
    )
    return [write_text(folder / "events.geojson", _collection("events", events)),
            write_text(folder / "figures.geojson", _collection("figures", figures))]
