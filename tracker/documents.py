"""Reading input paths into documents: `.txt` files, `.jsonl` files (one document per line), directories."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import InputError

#: Bytes that never occur in text: a file holding one is binary.
_BINARY_MARKERS = (b"\x00",)
_TEXT_SUFFIXES = (".txt", ".text", ".md", ".jsonl")


@dataclass(frozen=True, slots=True)
class Document:
    """One input document: its id (path or JSONL id), its text exactly as decoded, and optional metadata."""

    id: str
    text: str
    path: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 text of a file's bytes, refusing binary data and invalid UTF-8 with an `InputError`."""
    if any(marker in data for marker in _BINARY_MARKERS):
        raise InputError(path, "binary file (holds NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid UTF-8 at byte {exc.start}") from None


def _read_bytes(path: Path, shown: str) -> bytes:
    if not path.exists():
        raise InputError(shown, "no such file")
    if path.is_dir():
        raise InputError(shown, "is a directory, not a file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(shown, exc.strerror or "cannot be read") from None


def _optional_str(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    return None if value is None else str(value)


def _jsonl_document(line: str, where: str, shown: str) -> Document | InputError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(where, f"invalid JSON ({exc.msg})")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return InputError(where, 'a JSONL line must be an object with a string "text"')
    doc_id = record.get("id")
    return Document(
        id=str(doc_id) if doc_id is not None else where,
        text=record["text"],
        path=shown,
        title=_optional_str(record, "title"),
        url=_optional_str(record, "url"),
        outlet=_optional_str(record, "outlet"),
        published=_optional_str(record, "published"),
    )


def parse_jsonl(text: str, shown: str) -> Iterator[Document | InputError]:
    """Documents of a JSONL text, one `{"id", "text", ...}` object per line; bad lines become errors."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _jsonl_document(line, f"{shown}:{lineno}", shown)


def _stream_jsonl(path: Path, shown: str) -> Iterator[Document | InputError]:
    """Documents of a JSONL file read line by line, so a large file never sits in memory whole."""
    try:
        with path.open("rb") as f:
            for lineno, raw in enumerate(f, start=1):
                where = f"{shown}:{lineno}"
                try:
                    line = decode_text(raw, where)
                except InputError as exc:
                    yield exc
                    continue
                if line.strip():
                    yield _jsonl_document(line, where, shown)
    except OSError as exc:
        yield InputError(shown, exc.strerror or "cannot be read")


def read_path(path: str) -> Iterator[Document | InputError]:
    """The documents of one file path (a `.jsonl` file gives one per line); errors are yielded, not raised."""
    p = Path(path)
    if path.endswith(".jsonl") and p.is_file():
        yield from _stream_jsonl(p, path)
        return
    try:
        data = _read_bytes(p, path)
        text = decode_text(data, path)
    except InputError as exc:
        yield exc
        return
    yield Document(id=path, text=text, path=path)


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Paths with each directory replaced by the text and JSONL files below it, in sorted order."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix in _TEXT_SUFFIXES)
            yield from found
        else:
            yield path


def read_documents(paths: Iterable[str], *, directories: bool = False) -> Iterator[Document | InputError]:
    """Documents of all paths in order; with `directories`, a directory stands for the files below it."""
    for path in expand_paths(paths) if directories else paths:
        yield from read_path(path)
