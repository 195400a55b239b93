"""Properties: finite numbers come back from the store exactly as stored; the rest is refused."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, insert, select

from tests.store.conftest import postgres_unavailable
from tracker.errors import ValueNotStorableError
from tracker.store import models
from tracker.store.engine import make_engine
from tracker.store.migrate import ensure_schema
from tracker.store.types import check_float, check_int

finite = st.floats(allow_nan=False, allow_infinity=False)


@pytest.fixture
def connection(db: str) -> Iterator[Connection]:
    """A connection to a migrated store with one statistic to hang claims on."""
    engine = make_engine(db, writer=True)
    ensure_schema(engine)
    with engine.connect() as conn:
        with conn.begin():
            conn.execute(insert(models.STATISTICS).values(key="s", label="s", category="killed", population="people",
                                                        period="cumulative"))
        yield conn
    engine.dispose()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=finite, low=st.none() | finite, high=st.none() | finite)
def test_finite_values_round_trip(connection: Connection, value: float, low: float | None, high: float | None) -> None:
    claims = models.CLAIMS
    trans = connection.begin()
    try:
        claim_id = connection.execute(
            insert(claims)
            .values(
                key="c",
                statistic_id=1,
                value=value,
                low=low,
                high=high,
                qualifier="exact",
                unit="count",
                n_documents=1,
                n_origins=1,
            )
            .returning(claims.c.id)
        ).scalar_one()
        row = connection.execute(
            select(claims.c.value, claims.c.low, claims.c.high).where(claims.c.id == claim_id)
        ).one()
    finally:
        trans.rollback()
    assert tuple(row) == (value, low, high)


@given(st.sampled_from([math.nan, math.inf, -math.inf]) | st.floats(allow_nan=True).filter(math.isnan))
def test_non_finite_floats_are_always_refused(value: float) -> None:
    with pytest.raises(ValueNotStorableError):
        check_float(value)


@given(st.integers(min_value=2**63) | st.integers(max_value=-(2**63) - 1))
def test_integers_past_64_bits_are_always_refused(value: int) -> None:
    with pytest.raises(ValueNotStorableError):
        check_int(value)


def test_unreachable_postgres_gives_a_reason_to_skip() -> None:
    reason = postgres_unavailable("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert reason is not None and "unreachable" in reason
    assert postgres_unavailable(None) == "TRACKER_TEST_POSTGRES_URL is not set"
