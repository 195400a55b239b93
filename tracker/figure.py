"""The figure record: one number the text asserts, with its evidence (the contract of SPEC.md)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Final, Literal

from tracker.frozen import quick_init

Qualifier = Literal[
    "exact", "approximately", "at_least", "more_than", "at_most", "less_than", "up_to", "range", "vague"
]
QUALIFIERS: Final = (
    "exact", "approximately", "at_least", "more_than", "at_most", "less_than", "up_to", "range", "vague",
)

CATEGORIES: Final = (
    "killed", "injured", "missing", "detained", "released", "displaced", "refugees", "evacuated",
    "affected", "deployed", "fled", "aid", "damage", "distance", "duration", "money", "percentage", "other",
)
#: The headline categories: what the report leads with.
CASUALTY_CATEGORIES: Final = CATEGORIES[: CATEGORIES.index("fled") + 1]

#: What an event is (SPEC, "Events, places and statistics").
EVENT_TYPES: Final = (
    "earthquake", "flood", "storm", "landslide", "fire", "explosion", "airstrike", "shelling", "missile strike",
    "bombing", "shooting", "massacre", "offensive", "clashes", "war", "famine", "epidemic", "displacement", "other",
)

SOURCE_KINDS: Final = (
    "monitor", "un_agency", "ministry", "government", "armed_group", "ngo", "news_agency", "hospital",
    "police", "military", "person", "anonymous", "organization", "state",
)


@quick_init
@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: one mention of a number in one sentence of one document, with its evidence."""

    doc: str
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    sentence_end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    si_value: float | None = None
    entity: str | None = None
    category: str = "other"
    trend: str | None = None
    source: str | None = None
    source_text: str | None = None
    source_kind: str | None = None
    channel: str | None = None
    parent: int | None = None
    equivalent_of: int | None = None
    scope: str | None = None
    scope_start: str | None = None
    tracker_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict, in field order (the JSONL contract)."""
        return dict(zip(FIELD_NAMES, _field_values(self), strict=True))

    def replace(self, **changes: Any) -> Figure:
        """A copy with some fields changed (an unknown field is a TypeError, as in `dataclasses.replace`)."""
        values = list(_field_values(self))  # faster than dataclasses.replace, which re-reads the fields each call
        for name, value in changes.items():
            index = _FIELD_INDEX.get(name)
            if index is None:
                raise TypeError(f"Figure has no field {name!r}")
            values[index] = value
        return Figure(*values)


FIELD_NAMES: Final = tuple(f.name for f in dataclasses.fields(Figure))
_FIELD_INDEX: Final = {name: i for i, name in enumerate(FIELD_NAMES)}
_field_values = attrgetter(*FIELD_NAMES)
