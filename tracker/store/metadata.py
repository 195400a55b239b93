"""Document metadata (published time, outlet, title) from JSONL fields or from what the text itself states.

Only what is written is read: a first line `date 2024-12-08`, a dateline `(APP - Outlet - 8th Dec, 2024)`,
a line `Dec 8, 2024 - 12:23`, a headline line. What is not stated stays None; nothing is guessed.
Times without a zone are taken as UTC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Final

from tracker.errors import ParseError
from tracker.patterns import compile_pattern

_MONTHS: Final = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
#: How many non-blank lines at the top of a document may hold its date.
HEAD_LINES: Final = 12
#: A first line longer than this (in words) is a paragraph, not a headline.
MAX_TITLE_WORDS: Final = 25

_MONTH = r"(?P<month>[A-Z][a-z]{2,8})\.?"
_DATE_LINE = compile_pattern(r"^\s*date\s+(?P<iso>\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_DATELINE = compile_pattern(
    r"\((?P<agency>[A-Z][A-Za-z]{1,15})\s+-\s+(?P<outlet>[^()\n]+?)\s+-\s+"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\)"
)
_MONTH_DAY_LINE = compile_pattern(
    r"^\s*" + _MONTH + r"\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})"
    r"(?:\s+-\s+(?P<hour>\d{1,2}):(?P<minute>\d{2}))?\s*$"
)


@dataclass(frozen=True, slots=True)
class TextMetadata:
    """What a document's text states about itself."""

    published: datetime | None = None
    outlet: str | None = None
    title: str | None = None


def _month_number(name: str) -> int | None:
    lowered = name.lower()
    for number, month in enumerate(_MONTHS, start=1):
        if len(lowered) >= 3 and month.startswith(lowered):
            return number
    return None


def _make_time(
    year: str, month: str, day: str, hour: str | None = None, minute: str | None = None
) -> datetime | None:
    number = _month_number(month)
    if number is None:
        return None
    try:
        return datetime(int(year), number, int(day), int(hour or 0), int(minute or 0), tzinfo=UTC)
    except ValueError:
        return None


def parse_published(value: str | None) -> datetime | None:
    """A JSONL `published` value (ISO date or datetime) as an aware UTC datetime; None when absent.

    Raises ParseError when the value is present but not an ISO date or datetime.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ParseError(f"published {value!r} is not an ISO date or datetime") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _head_lines(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[:HEAD_LINES]


def _title(first_line: str) -> str | None:
    line = first_line.strip()
    if _DATE_LINE.match(line) or _MONTH_DAY_LINE.match(line) or _DATELINE.search(line):
        return None
    if len(line.split()) > MAX_TITLE_WORDS or line.endswith((".", "!", "?", ":", ";", ",")):
        return None
    return line


def metadata_from_text(text: str) -> TextMetadata:
    """The published time, outlet and headline a document's text states in its first lines."""
    head = _head_lines(text)
    if not head:
        return TextMetadata()
    published: datetime | None = None
    outlet: str | None = None
    for line in head:
        if m := _DATE_LINE.match(line):
            try:
                day = date.fromisoformat(m.group("iso"))
            except ValueError:
                continue
            published = published or datetime(day.year, day.month, day.day, tzinfo=UTC)
        elif m := _MONTH_DAY_LINE.match(line):
            moment = _make_time(m["year"], m["month"], m["day"], m["hour"], m["minute"])
            published = published or moment
        if m := _DATELINE.search(line):
            outlet = outlet or m.group("outlet").strip()
            published = published or _make_time(m["year"], m["month"], m["day"])
    return TextMetadata(published=published, outlet=outlet, title=_title(head[0]))
