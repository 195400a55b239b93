"""Loading the rule tables shipped in `tracker/data/`: each read once and cached."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from tracker.errors import DataFileError

_DATA = Path(__file__).parent / "data"  # the package is always installed as files (setuptools package-data)


@cache
def read_data_text(name: str) -> str:
    """The text of one data file in the package."""
    try:
        return (_DATA / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"data file {name}: {exc}") from None


def data_lines(name: str) -> Iterator[tuple[int, str]]:
    """(line number, stripped line) for each line of a data file that is not blank or a `#` comment."""
    for lineno, raw in enumerate(read_data_text(name).splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            yield lineno, line


def data_rows(name: str, columns: int, sep: str = "|") -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of a data file of `sep`-separated rows, each with at least `columns` fields."""
    for lineno, line in data_lines(name):
        fields = [f.strip() for f in line.split(sep)]
        if len(fields) < columns:
            raise DataFileError(f"data file {name}, line {lineno}: expected {columns} fields: {line!r}")
        yield lineno, fields


def data_role_rows(name: str, roles: Iterable[str]) -> Iterator[tuple[int, str, str, list[str]]]:
    """(line number, phrase with its blanks folded, role, further fields) of a `phrase | role | ...` file.

    A role outside `roles` is a `DataFileError` naming the file and the line.
    """
    known = frozenset(roles)
    for lineno, fields in data_rows(name, 2):
        phrase, role = " ".join(fields[0].split()), fields[1]
        if role not in known:
            raise DataFileError(f"data file {name}, line {lineno}: unknown role {role!r}")
        yield lineno, phrase, role, fields[2:]
