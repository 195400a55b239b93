"""Store values as plain JSON values and CSV cells: the one cell format every export writes.

Frames come from the pandas API (typed) or from `Store.sql` on the views (untyped: a nullable id may
arrive as a float, a time as SQLite's text); both end up as None, int, float, bool, str or ISO 8601.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from tracker.errors import ExportError


def utc_iso(moment: datetime) -> str:
    """A point in time as ISO 8601 in UTC to the second ("2024-12-08T12:23:00Z"); naive means UTC."""
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return aware.strftime("%Y-%m-%dT%H:%M:%SZ")


def _number(value: Any) -> int | float | None:
    number = float(value)
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _time(value: Any) -> str | None:
    if isinstance(value, datetime):
        return utc_iso(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    try:  # SQLite keeps times as naive UTC text ("2024-12-08 00:00:00.000000"); a plain date stays a date
        return text if len(text) == 10 else utc_iso(datetime.fromisoformat(text))
    except ValueError:
        return text


def plain(value: Any) -> Any:
    """One value as plain JSON: None for every missing value, whole numbers as int, times as ISO 8601."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime | date):
        return _time(value)
    if isinstance(value, bool):
        return value
    kind = getattr(getattr(value, "dtype", None), "kind", "")  # numpy scalars
    if kind == "b":
        return bool(value)
    if isinstance(value, int | float) or kind in ("i", "u", "f"):
        return _number(value)
    return value


def column_values(frame: pd.DataFrame, column: str, *, time: bool = False) -> list[Any]:
    """One column of a frame as plain values (see `plain`); a time column also when `time` is set."""
    series = frame[column]
    values = series.astype("object").where(series.notna(), None).tolist()
    kind = getattr(series.dtype, "kind", "O")
    if time or kind == "M":
        return [None if v is None else _time(v) for v in values]
    if kind in ("i", "u"):
        return [None if v is None else int(v) for v in values]
    if kind == "f":
        return [None if v is None else _number(v) for v in values]
    if kind == "b":
        return [None if v is None else bool(v) for v in values]
    return [v if type(v) is str else plain(v) for v in values]


def records(frame: pd.DataFrame, columns: Sequence[str], times: Iterable[str] = (),
            booleans: Iterable[str] = ()) -> list[list[Any]]:
    """The rows of `frame` as lists of plain values, in `columns` order.

    `times` and `booleans` name the columns that a view gives as text or as 0/1 on SQLite.
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ExportError(f"the store has no column {', '.join(missing)} (the export and the schema disagree)")
    timed, flags = set(times), set(booleans)
    values = []
    for column in columns:
        plain_column = column_values(frame, column, time=column in timed)
        if column in flags:
            plain_column = [None if v is None else bool(v) for v in plain_column]
        values.append(plain_column)
    return [list(row) for row in zip(*values, strict=True)]


def cell(value: Any) -> str:
    """A plain value as a CSV cell: empty for None, true/false for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_rows(path: Path, header: Sequence[Sequence[str]], rows: Iterable[Sequence[Any]]) -> Path:
    """Write a CSV file (UTF-8, \\n line ends): the header rows, then the rows as cells."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerows(header)
            writer.writerows([cell(v) for v in row] for row in rows)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def write_text(path: Path, text: str) -> Path:
    """Write a text file (UTF-8), creating its folder."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
