"""Column types that refuse what the database cannot hold as given, and keep times in UTC on every dialect."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import BigInteger, DateTime, Dialect, Float, TypeDecorator

from tracker.errors import ValueNotStorableError

INT64_MIN: Final = -(2**63)
INT64_MAX: Final = 2**63 - 1


def check_float(value: float | None, what: str = "value") -> float | None:
    """`value` as a float, refusing NaN and infinities (SQLite would silently store NULL)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueNotStorableError(f"{what}: {value!r} is not a number")
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise ValueNotStorableError(f"{what}: {value!r} cannot be stored (NaN and infinity are refused)")
    return number


def check_int(value: int | None, what: str = "value") -> int | None:
    """`value` as an int, refusing integers outside the signed 64-bit range of SQL integers."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueNotStorableError(f"{what}: {value!r} is not an integer")
    if not INT64_MIN <= value <= INT64_MAX:
        raise ValueNotStorableError(f"{what}: {value} is past the 64-bit integer range and cannot be stored")
    return value


class FiniteFloat(TypeDecorator[float]):
    """A double that refuses NaN and infinity instead of storing them as NULL or dialect-specific values."""

    impl = Float
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> float | None:
        """Check the value before it reaches the driver."""
        return check_float(value)


class Int64(TypeDecorator[int]):
    """A 64-bit integer that refuses values out of range with a clear error."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        """Check the value before it reaches the driver."""
        return check_int(value)


class UTCDateTime(TypeDecorator[datetime]):
    """A point in time stored in UTC (naive text on SQLite, timestamptz on PostgreSQL), read back aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        """Aware datetimes are converted to UTC; naive ones are taken as UTC."""
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise ValueNotStorableError(f"{value!r} is not a datetime")
        aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return aware.replace(tzinfo=None) if dialect.name == "sqlite" else aware

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Always an aware UTC datetime."""
        if value is None:
            return None
        assert isinstance(value, datetime)  # noqa: S101 - the column type guarantees it
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
