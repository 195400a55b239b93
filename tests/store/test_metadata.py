"""Document metadata from the text's own first lines, and JSONL `published` values."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tracker.errors import ParseError
from tracker.store.metadata import TextMetadata, metadata_from_text, parse_published

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[arg-type, misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seeds' three ways of stating a date
        pytest.param(
            " date 2024-12-08 (@FahadShabbir)\n\nBeirut, some text.",
            TextMetadata(_utc(2024, 12, 8)),
            id="seed-date-line",
        ),
        pytest.param(
            "Beirut, (APP - UrduPoint / Pakistan Point News - 8th Dec, 2024) Gunfire rang out.",
            TextMetadata(_utc(2024, 12, 8), "UrduPoint / Pakistan Point News"),
            id="seed-dateline",
        ),
        pytest.param(
            "Headline here\n\nDec 8, 2024 - 12:23\n 0\nBody text.",
            TextMetadata(_utc(2024, 12, 8, 12, 23), None, "Headline here"),
            id="seed-month-day-time",
        ),
        # variants
        pytest.param("December 25, 2023\nBody.", TextMetadata(_utc(2023, 12, 25)), id="month-day-no-time"),
        pytest.param(
            "(AFP - Some Paper - 1st January, 2025) Text.",
            TextMetadata(_utc(2025, 1, 1), "Some Paper"),
            id="dateline-full-month",
        ),
        pytest.param("date 2024-02-30\nBody.", TextMetadata(), id="impossible-date-stays-null"),
        pytest.param("Foo 8, 2024\nBody.", TextMetadata(None, None, None), id="unknown-month-stays-null"),
        # unknown stays null
        pytest.param("Gunfire rang out in Damascus on Sunday, residents said.", TextMetadata(), id="no-metadata"),
        pytest.param("", TextMetadata(), id="empty"),
        pytest.param(
            "In 2011 the uprising began.\nOn Dec 8, 2024 rebels entered.",
            TextMetadata(),
            id="dates-inside-sentences-are-not-read",
        ),
        # titles: a short first line without sentence punctuation
        pytest.param(
            "A war monitor reports that Assad has left\n\nBody.",
            TextMetadata(None, None, "A war monitor reports that Assad has left"),
            id="headline",
        ),
        pytest.param("Rebels enter Damascus. Assad flees.\nBody.", TextMetadata(), id="sentence-is-no-headline"),
    ],
)
def test_metadata_from_text(text: str, expected: TextMetadata) -> None:
    assert metadata_from_text(text) == expected


def test_dates_far_down_the_text_are_not_read() -> None:
    text = "\n".join(["Body line."] * 20 + ["Dec 8, 2024 - 12:23"])
    assert metadata_from_text(text).published is None


@pytest.mark.parametrize(
    ("name", "published"),
    [
        pytest.param("000_dcda9545b384c12c.txt", _utc(2024, 12, 8), id="seed-000"),
        pytest.param("001_b8d919ebe9cd4a53.txt", None, id="seed-001"),
        pytest.param("003_d5e02479a46ce486.txt", _utc(2024, 12, 8, 12, 23), id="seed-003"),
    ],
)
def test_seed_dates(name: str, published: datetime | None) -> None:
    assert metadata_from_text((SEEDS / name).read_text(encoding="utf-8")).published == published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2024-12-08", _utc(2024, 12, 8), id="date"),
        pytest.param("2024-12-08T10:30:00", _utc(2024, 12, 8, 10, 30), id="naive-datetime-is-utc"),
        pytest.param("2024-12-08T10:30:00Z", _utc(2024, 12, 8, 10, 30), id="zulu"),
        pytest.param("2024-12-08T12:30:00+02:00", _utc(2024, 12, 8, 10, 30), id="offset-converted"),
        pytest.param(None, None, id="absent"),
        pytest.param("  ", None, id="blank"),
    ],
)
def test_parse_published(value: str | None, expected: datetime | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", [pytest.param("Sunday", id="weekday"), pytest.param("8/12/2024", id="slashes")])
def test_parse_published_refuses_what_it_cannot_read(value: str) -> None:
    with pytest.raises(ParseError):
        parse_published(value)
