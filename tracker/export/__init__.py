"""Open data from a store: HXL, a Frictionless data package, GeoJSON and W3C PROV, and `tracker serve`.

One module per format, each reading the store through its pandas API and SQL views only; nothing in
`tracker.store` or `tracker.analysis` imports this package.
"""

from __future__ import annotations

from typing import Final

#: The formats of `tracker export --format`, in the order they are written.
FORMATS: Final = ("hxl", "datapackage", "geojson", "prov")
#: What each format is called, for people.
FORMAT_TITLES: Final = {"hxl": "HXL", "datapackage": "Frictionless Data Package", "geojson": "GeoJSON",
                        "prov": "W3C PROV-JSON"}
