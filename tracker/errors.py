"""The one error tree of the tracker: every error that leaves the public API is a `TrackerError`."""

from __future__ import annotations


class TrackerError(Exception):
    """Base of every error the tracker raises on purpose."""


class ParseError(ValueError, TrackerError):
    """Text that should hold a number, a unit or a date could not be read."""


class InputError(TrackerError):
    """An input path cannot be read as a document (missing, a directory, binary, bad encoding, bad JSONL)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class DataFileError(TrackerError):
    """A data file shipped in the package (lexicon, gazetteer, units) is malformed."""


class StoreError(TrackerError):
    """The database cannot be opened, migrated or written."""


class ValueNotStorableError(ValueError, StoreError):
    """A value the store cannot hold as given (NaN, infinity, an integer past 2**63)."""


class ReportError(TrackerError):
    """The report cannot be built."""


class ExportError(TrackerError):
    """An export (HXL, data package, GeoJSON, PROV) or `tracker serve` cannot be done."""
