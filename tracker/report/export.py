"""DataFrame columns as plain Python values, and the report's CSV files (large tables written row by row)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC
from pathlib import Path
from typing import Any

import pandas as pd


def is_time(series: pd.Series) -> bool:
    """Whether a column holds timestamps."""
    return isinstance(series.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_any_dtype(series.dtype)


def plain_values(series: pd.Series) -> list[Any]:
    """A column as a list of plain Python values: NA, NaN and NaT become None, categories their values."""
    values = series.astype("object")
    return values.where(series.notna(), None).tolist()


def date_strings(series: pd.Series, fmt: str = "%Y-%m-%d") -> list[str]:
    """A time column formatted in UTC ("" where missing)."""
    times = pd.to_datetime(series, utc=True, errors="coerce")
    return times.dt.strftime(fmt).fillna("").tolist()


def _csv_cells(series: pd.Series) -> list[str]:
    if is_time(series):
        return date_strings(series, "%Y-%m-%dT%H:%M:%SZ")
    if pd.api.types.is_float_dtype(series.dtype):
        return ["" if v is None else repr(float(v)) for v in plain_values(series)]
    return ["" if v is None else str(v) for v in plain_values(series)]


def write_csv(frame: pd.DataFrame, path: Path, sort_by: str | None = None) -> None:
    """Write a table as CSV (header row, UTC times as ISO 8601, missing values empty), rows sorted by `sort_by`."""
    if sort_by is not None and sort_by in frame.columns:
        frame = frame.sort_values(sort_by, kind="stable")
    columns = [_csv_cells(frame[name]) for name in frame.columns]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow([str(c) for c in frame.columns])
        writer.writerows(zip(*columns, strict=True))


def _cell_writer(spec: str) -> Callable[[Any], str]:
    """How a plain value of a column of the store's contract (tracker.store.api) is written in a CSV cell."""
    if spec == "time":
        return lambda v: v.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if spec == "Float64":
        return lambda v: repr(float(v))
    return str


def write_csv_rows(rows: Iterable[Sequence[Any]], path: Path, columns: Mapping[str, str]) -> int:
    """Write rows of plain values (None where missing) as CSV, one row at a time, cells as `write_csv` writes
    them; `columns` maps each column to its dtype in the store's contract. The number of rows written."""
    writers = [_cell_writer(spec) for spec in columns.values()]
    n_rows = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(list(columns))
        for row in rows:
            writer.writerow(["" if v is None else w(v) for w, v in zip(writers, row, strict=True)])
            n_rows += 1
    return n_rows
