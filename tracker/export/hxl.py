"""HXL: the events and figures as CSV files with a row of HXL hashtags under the header.

HXL (the Humanitarian Exchange Language, hxlstandard.org) tags each column with a hashtag and
attributes that HDX and the HXL tools read: `#affected+killed`, `#geo+lat`, `#org+name`. The files are
plain CSV; any spreadsheet opens them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from tracker.export.values import records, write_rows

if TYPE_CHECKING:
    from tracker.store.api import Store

FOLDER = "hxl"

#: event_summary column -> HXL hashtag: one row per event, its place, start and headline figures.
EVENT_TAGS: Final = (
    ("event_id", "#event+id"),
    ("label", "#event+name"),
    ("type", "#event+type"),
    ("start", "#date"),
    ("country", "#country+code"),
    ("admin1", "#adm1+name"),
    ("locality", "#loc+name"),
    ("lat", "#geo+lat"),
    ("lon", "#geo+lon"),
    ("killed", "#affected+killed"),
    ("killed_low", "#affected+killed+min"),
    ("killed_source", "#org+name+killed"),
    ("injured", "#affected+injured"),
    ("injured_low", "#affected+injured+min"),
    ("injured_source", "#org+name+injured"),
    ("displaced", "#affected+displaced"),
    ("displaced_low", "#affected+displaced+min"),
    ("displaced_source", "#org+name+displaced"),
    ("historical", "#meta+historical"),
    ("n_documents", "#meta+documents+num"),
)

#: figure_provenance column -> HXL hashtag: one row per figure with its statistic, place and provenance.
#: #org+name is who the text attributes the figure to; #meta+source is the outlet that published it.
FIGURE_TAGS: Final = (
    ("figure_id", "#meta+id"),
    ("published", "#date+reported"),
    ("event_id", "#event+id"),
    ("event", "#event+name"),
    ("statistic_id", "#indicator+id"),
    ("statistic", "#indicator+name"),
    ("category", "#indicator+category"),
    ("value", "#indicator+value+num"),
    ("low", "#indicator+value+min"),
    ("high", "#indicator+value+max"),
    ("qualifier", "#indicator+qualifier"),
    ("unit", "#indicator+unit"),
    ("entity", "#indicator+entity"),
    ("period", "#indicator+period"),
    ("country", "#country+code"),
    ("admin1", "#adm1+name"),
    ("locality", "#loc+name"),
    ("lat", "#geo+lat"),
    ("lon", "#geo+lon"),
    ("source", "#org+name"),
    ("source_text", "#meta+attribution"),
    ("channel", "#meta+channel"),
    ("outlet", "#meta+source"),
    ("document_title", "#meta+title"),
    ("url", "#meta+url"),
    ("document_key", "#meta+document"),
    ("text", "#meta+text"),
    ("sentence", "#description"),
    ("tracker_version", "#meta+version"),
)


def _write_tagged(store: Store, path: Path, query: str, tags: Sequence[tuple[str, str]],
                  times: Sequence[str] = (), booleans: Sequence[str] = ()) -> Path:
    columns = [column for column, _ in tags]
    rows = records(store.sql(query), columns, times, booleans)
    return write_rows(path, [columns, [tag for _, tag in tags]], rows)


def write_hxl(store: Store, out: Path) -> list[Path]:
    """Write hxl/events.csv and hxl/figures.csv into `out`; the paths written."""
    folder = out / FOLDER
    return [
        _write_tagged(store, folder / "events.csv", "SELECT * FROM event_summary ORDER BY event_id", EVENT_TAGS,
                      times=("start",), booleans=("historical",)),
        _write_tagged(store, folder / "figures.csv", "SELECT * FROM figure_provenance ORDER BY figure_id",
                      FIGURE_TAGS, times=("published",)),
    ]
