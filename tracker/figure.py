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
        # the extraction replaces each figure a few times: setting the slots directly costs half of calling
        # the frozen dataclass's __init__ (one `object.__setattr__` by name per field) with every field
        new = _new_object(Figure)
        for set_slot, value in zip(_SLOT_SETTERS, _field_values(self), strict=True):
            set_slot(new, value)
        for name, value in changes.items():
            set_slot = _SLOT_SETTER_BY_NAME.get(name)
            if set_slot is None:
                raise TypeError(f"Figure has no field {name!r}")
            set_slot(new, value)
        return new


FIELD_NAMES: Final = tuple(f.name for f in dataclasses.fields(Figure))
_field_values = attrgetter(*FIELD_NAMES)
_new_object = object.__new__
#: The `__set__` of each field's slot (a member descriptor), which a frozen dataclass leaves usable.
_SLOT_SETTER_BY_NAME: Final = {name: getattr(Figure, name).__set__ for name in FIELD_NAMES}
_SLOT_SETTERS: Final = tuple(_SLOT_SETTER_BY_NAME.values())
