"""The one cell format of the exports: missing values, numbers, booleans and times from either dialect."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.export.values import cell, column_values, plain, records

PLUS_TWO = timezone(timedelta(hours=2))


@pytest.mark.parametrize(("value", "expected"), [
    pytest.param(None, None, id="None"),
    pytest.param(float("nan"), None, id="NaN"),
    pytest.param(pd.NA, None, id="pandas NA"),
    pytest.param(pd.NaT, None, id="NaT"),
    pytest.param(float("inf"), None, id="infinity"),
    pytest.param(np.int64(7), 7, id="numpy int"),
    pytest.param(np.float64(826.0), 826, id="whole float"),
    pytest.param(33.5102, 33.5102, id="float"),
    pytest.param(True, True, id="bool"),
    pytest.param(np.bool_(False), False, id="numpy bool"),
    pytest.param(datetime(2024, 12, 8, 14, 23, tzinfo=PLUS_TWO), "2024-12-08T12:23:00Z", id="aware time"),
    pytest.param(datetime(2024, 12, 8, 12, 23, 5, 999), "2024-12-08T12:23:05Z", id="naive time is UTC"),
    pytest.param(pd.Timestamp("2024-12-08T12:23:00", tz="UTC"), "2024-12-08T12:23:00Z", id="pandas time"),
    pytest.param(date(2024, 11, 27), "2024-11-27", id="date"),
    pytest.param("826 people", "826 people", id="text"),
])
def test_plain(value: Any, expected: Any) -> None:
    got = plain(value)
    assert got == expected and type(got) is type(expected)


@pytest.mark.parametrize(("values", "expected"), [
    pytest.param(["2024-12-08 00:00:00.000000", None], ["2024-12-08T00:00:00Z", None], id="SQLite time text"),
    pytest.param(["2024-11-27"], ["2024-11-27"], id="SQLite date text"),
    pytest.param([datetime(2024, 12, 8, 1, 0, tzinfo=PLUS_TWO)], ["2024-12-07T23:00:00Z"], id="PostgreSQL time"),
])
def test_time_columns(values: list[Any], expected: list[Any]) -> None:
    frame = pd.DataFrame({"published": pd.Series(values, dtype="object")})
    assert column_values(frame, "published", time=True) == expected


def test_typed_columns() -> None:
    frame = pd.DataFrame({
        "id": pd.array([1, None], dtype="Int64"), "value": pd.array([826.0, None], dtype="Float64"),
        "flag": pd.array([True, None], dtype="boolean"), "label": ["a", None],
        "event_id": [1.0, float("nan")],  # an untyped nullable id, as Store.sql gives it
    })
    assert records(frame, ["id", "value", "flag", "label", "event_id"]) == [
        [1, 826, True, "a", 1], [None, None, None, None, None]]


def test_booleans_from_sqlite_integers() -> None:
    frame = pd.DataFrame({"historical": [0, 1]})
    assert records(frame, ["historical"], booleans=["historical"]) == [[False], [True]]


@pytest.mark.parametrize(("value", "text"), [
    pytest.param(None, "", id="missing"), pytest.param(True, "true", id="true"),
    pytest.param(False, "false", id="false"), pytest.param(1.5, "1.5", id="float"), pytest.param(826, "826", id="int"),
])
def test_cell(value: Any, text: str) -> None:
    assert cell(value) == text


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_a_float_keeps_its_value(value: float) -> None:
    got = plain(value)
    if not math.isfinite(value):
        assert got is None
    else:
        assert got == value and float(cell(got)) == value
