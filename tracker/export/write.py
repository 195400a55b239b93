"""`tracker export`: write chosen open-data formats of a store into a folder, one subfolder per format."""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from tracker.errors import ExportError, TrackerError
from tracker.export import FORMATS

if TYPE_CHECKING:
    from tracker.store.api import Store

#: format -> "module:function" writing it (imported on use: `prov` loads only when PROV is asked for).
WRITERS: Final = {
    "hxl": "tracker.export.hxl:write_hxl",
    "datapackage": "tracker.export.datapackage:write_datapackage",
    "geojson": "tracker.export.geojson:write_geojson",
    "prov": "tracker.export.prov:write_prov",
}


def parse_formats(text: str) -> tuple[str, ...]:
    """The formats of a comma-separated list ("hxl,datapackage"), in the order of FORMATS, each once."""
    asked = [name.strip().lower() for name in text.split(",") if name.strip()]
    if not asked:
        raise ExportError(f"no export format given (choose from {', '.join(FORMATS)})")
    unknown = [name for name in asked if name not in FORMATS]
    if unknown:
        raise ExportError(f"unknown export format {unknown[0]!r} (choose from {', '.join(FORMATS)})")
    return tuple(name for name in FORMATS if name in asked)


def _writer(name: str) -> Callable[[Store, Path], list[Path]]:
    module, function = WRITERS[name].split(":")
    writer: Callable[[Store, Path], list[Path]] = getattr(importlib.import_module(module), function)
    return writer


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The files each format wrote, and how long each took."""

    folder: Path
    files: dict[str, list[Path]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def summary_line(self) -> str:
        """One line for people: each format with its files and time."""
        parts = [f"{name} ({len(paths)} files, {self.seconds[name]:.1f} s)" for name, paths in self.files.items()]
        return f"export: {', '.join(parts)} -> {self.folder}"


def write_exports(store: Store, formats: Sequence[str], out: str | Path) -> ExportResult:
    """Write each of `formats` of the open `store` into its subfolder of `out`."""
    result = ExportResult(Path(out))
    for name in formats:
        if name not in WRITERS:
            raise ExportError(f"unknown export format {name!r} (choose from {', '.join(FORMATS)})")
        started = time.perf_counter()
        try:
            result.files[name] = _writer(name)(store, result.folder)
        except TrackerError:
            raise
        except (KeyError, ValueError, TypeError) as exc:
            raise ExportError(f"cannot write the {name} export: {type(exc).__name__}: {exc}") from exc
        result.seconds[name] = time.perf_counter() - started
    return result


def export_store(db: str | None, formats: str, out: str | Path) -> ExportResult:
    """`tracker export`: open the store `db`, refuse an empty one, write `formats` into `out`."""
    from tracker.store import open as open_store
    from tracker.store.engine import describe

    chosen = parse_formats(formats)
    with open_store(db) as store:
        if store.documents().empty:
            raise ExportError(f"database {describe(store.url)} holds no documents: nothing to export "
                              "(run `tracker ingest` first)")
        return write_exports(store, chosen, out)
