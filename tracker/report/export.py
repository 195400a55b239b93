"""DataFrame columns as plain Python values, and the report's CSV files (large tables written row by row)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC
from pathlib import Path
from typing import Any

import pandas as pd

from tracker.errors import ReportError


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


def _cell_converter(spec: str) -> Callable[[Any], Any] | None:
    """How a value of a column of the store's contract (tracker.store.api) becomes what `csv` writes as
    `write_csv` would (None: as it is; `csv` writes None as empty, a float as its repr and the rest as str)."""
    if spec == "time":
        return _utc_text()
    if spec == "Float64":
        return float
    return None


def _utc_text() -> Callable[[Any], str]:
    """A time as ISO 8601 in UTC; consecutive rows often share a time (the figures of one document), so the last
    one is remembered."""
    last: list[Any] = [None, ""]

    def convert(value: Any) -> str:
        if value != last[0]:
            last[0], last[1] = value, value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return str(last[1])

    return convert


def write_csv_rows(rows: Iterable[Sequence[Any]], path: Path, columns: Mapping[str, str]) -> int:
    """Write rows of plain values (None where missing) as CSV, one row at a time, cells as `write_csv` writes
    them; `columns` maps each column to its dtype in the store's contract. The number of rows written."""
    converters = [(i, c) for i, spec in enumerate(columns.values()) if (c := _cell_converter(spec)) is not None]
    n_rows = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(list(columns))
        for row in rows:
            cells = list(row)
            if len(cells) != len(columns):
                raise ReportError(f"{path}: a row of {len(cells)} values for {len(columns)} columns")
            for i, convert in converters:
                if cells[i] is not None:
                    cells[i] = convert(cells[i])
            writer.writerow(cells)
            n_rows += 1
    return n_rows
