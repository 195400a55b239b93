"""DataFrame columns as plain Python values, and the report's CSV files: fast on 100,000 rows."""

from __future__ import annotations

import csv
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
