"""Writing one document (its row, sentences, figures, sources) inside the caller's transaction."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any, Final

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from tracker.data_files import data_rows
from tracker.errors import StoreError
from tracker.extract.sentences import Sentence as SplitSentence
from tracker.figure import Figure
from tracker.store import models
from tracker.store.types import check_float, check_int

#: Roles of tracker/data/attribution_cues.txt ("phrase | role") that end the source's name ("X said",
#: "X also confirmed") or open it ("according to X").
_NAME_ENDS: Final = ("verb", "strict_verb", "filler")
_NAME_FOLLOWS: Final = ("after",)


@cache
def _alias_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(opening cue at the start, first cue that ends a name), from the attribution cues data file."""
    follows: list[str] = []
    ends: list[str] = []
    for _, fields in data_rows("attribution_cues.txt", 2):
        phrase, role = fields[0], fields[1]
        if role in _NAME_FOLLOWS:
            follows.append(phrase)
        elif role in _NAME_ENDS:
            ends.append(phrase)

    def alternatives(phrases: list[str]) -> str:
        """A regex alternation of the phrases, longest first, any white space between words."""
        ordered = sorted(set(phrases), key=len, reverse=True)
        return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) or "(?!)"

    return (
        re.compile(rf"^(?:{alternatives(follows)})\s+", re.IGNORECASE),
        re.compile(rf"\s(?:{alternatives(ends)})\b", re.IGNORECASE),
    )


def content_hash(text: str) -> str:
    """The document's key in the store: SHA-256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def alias_of(source_text: str) -> str:
    """The name part of an attribution as written: "the Observatory said" -> "the Observatory"."""
    opening, ending = _alias_patterns()
    text = source_text.strip()
    if m := opening.match(text):
        return text[m.end():].strip(" ,.;:")
    if m := ending.search(text):
        return text[: m.start()].strip(" ,.;:")
    return text.strip(" ,.;:")


class SourceRegistry:
    """Source ids by canonical name, created on first use; the cache follows commits and rollbacks."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._aliases: set[tuple[int, str]] = set()
        self._pending_ids: dict[str, int] = {}
        self._pending_aliases: set[tuple[int, str]] = set()

    def source_id(self, conn: Connection, name: str, kind: str | None) -> int:
        """The id of the source called `name`, inserting it (with `kind`) if it is new."""
        found = self._ids.get(name) or self._pending_ids.get(name)
        if found is not None:
            return found
        table = models.SOURCES
        row = conn.execute(select(table.c.id, table.c.kind).where(table.c.name == name)).first()
        if row is None:
            statement = insert(table).values(name=name, kind=kind).returning(table.c.id)
            new_id = conn.execute(statement).scalar_one()
        else:
            new_id = row.id
            if row.kind is None and kind is not None:
                conn.execute(update(table).where(table.c.id == new_id).values(kind=kind))
        self._pending_ids[name] = new_id
        return new_id

    def add_alias(self, conn: Connection, source_id: int, alias: str) -> None:
        """Record that `source_id` is written `alias` somewhere (once)."""
        key = (source_id, alias)
        if not alias or key in self._aliases or key in self._pending_aliases:
            return
        table = models.SOURCE_ALIASES
        exists = conn.execute(
            select(table.c.id).where(table.c.source_id == source_id, table.c.alias == alias)
        ).first()
        if exists is None:
            conn.execute(insert(table).values(source_id=source_id, alias=alias))
        self._pending_aliases.add(key)

    def committed(self) -> None:
        """The transaction committed: what it created is now known for good."""
        self._ids.update(self._pending_ids)
        self._aliases.update(self._pending_aliases)
        self.rolled_back()

    def rolled_back(self) -> None:
        """The transaction rolled back: forget what it created."""
        self._pending_ids.clear()
        self._pending_aliases.clear()


def _figure_row(figure: Figure, number: int) -> dict[str, Any]:
    """The checked column values of one figure (without ids); refuses values the store cannot hold."""
    where = f"figure {number} ({figure.text!r})"
    row: dict[str, Any] = {}
    for name in ("start", "end", "sentence_start", "sentence_end"):
        row[name] = check_int(getattr(figure, name), f"{where} {name}")
    for name in ("value", "low", "high", "si_value"):
        row[name] = check_float(getattr(figure, name), f"{where} {name}")
    for name in ("doc", "text", "sentence", "qualifier", "unit", "entity", "category", "trend",
                 "source_text", "source_kind", "channel", "scope", "scope_start", "tracker_version"):
        row[name] = getattr(figure, name)
    return row


def _sentence_of(starts: Sequence[int], ends: Sequence[int], ids: Sequence[int], offset: int) -> int | None:
    """The id of the stored sentence that holds character `offset`, if any."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and starts[i] <= offset < max(ends[i], starts[i] + 1):
        return ids[i]
    return None


def insert_document(conn: Connection, values: dict[str, Any]) -> int:
    """Insert a document row; its id."""
    return int(conn.execute(_INSERT_DOCUMENT, values).scalar_one())


# Statements built once: the ingest runs them for every document.
_INSERT_DOCUMENT: Final = insert(models.DOCUMENTS).returning(models.DOCUMENTS.c.id)
_INSERT_SENTENCES: Final = insert(models.SENTENCES).returning(models.SENTENCES.c.id, sort_by_parameter_order=True)
_INSERT_FIGURES: Final = insert(models.FIGURES).returning(models.FIGURES.c.id, sort_by_parameter_order=True)
_LINK_FIGURES: Final = (
    update(models.FIGURES)
    .where(models.FIGURES.c.id == bindparam("fid"))
    .values(parent_id=bindparam("pid"), equivalent_of_id=bindparam("eid"))
)


def replace_content(
    conn: Connection,
    document_id: int,
    sentences: Sequence[SplitSentence],
    figures: Sequence[Figure],
    sources: SourceRegistry,
    *,
    replace: bool = False,
) -> int:
    """Store a document's sentences and figures (`replace`: delete the old ones first); how many figures."""
    figure_table = models.FIGURES
    sentence_table = models.SENTENCES
    if replace:
        conn.execute(delete(figure_table).where(figure_table.c.document_id == document_id))
        conn.execute(delete(sentence_table).where(sentence_table.c.document_id == document_id))

    sentence_ids: list[int] = []
    if sentences:
        rows = [
            {"document_id": document_id, "index": i, "start": s.start, "end": s.end, "text": s.text,
             "paragraph": s.paragraph}
            for i, s in enumerate(sentences)
        ]
        sentence_ids = [r.id for r in conn.execute(_INSERT_SENTENCES, rows)]
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]

    if not figures:
        return 0
    figure_rows = []
    for index, figure in enumerate(figures):
        row = _figure_row(figure, index)
        for name in ("parent", "equivalent_of"):
            target = getattr(figure, name)
            if target is not None and not 0 <= target < len(figures):
                raise StoreError(f"figure {index} ({figure.text!r}): {name} {target} is not in this document")
        row["document_id"] = document_id
        row["index"] = index
        row["sentence_id"] = _sentence_of(starts, ends, sentence_ids, figure.start)
        row["source_id"] = None
        if figure.source:
            source_id = sources.source_id(conn, figure.source, figure.source_kind)
            row["source_id"] = source_id
            if figure.source_text:
                sources.add_alias(conn, source_id, alias_of(figure.source_text))
        figure_rows.append(row)
    figure_ids = [r.id for r in conn.execute(_INSERT_FIGURES, figure_rows)]
    links = [
        {"fid": figure_ids[i], "pid": _id_at(figure_ids, f.parent),
         "eid": _id_at(figure_ids, f.equivalent_of)}
        for i, f in enumerate(figures)
        if f.parent is not None or f.equivalent_of is not None
    ]
    if links:
        conn.execute(_LINK_FIGURES, links)
    return len(figures)


def _id_at(ids: Sequence[int], index: int | None) -> int | None:
    return None if index is None else ids[index]


def run_values(kind: str, tracker_version: str, settings_hash: str, started: datetime) -> dict[str, Any]:
    """The column values of a run that has just started."""
    return {
        "kind": kind, "tracker_version": tracker_version, "settings_hash": settings_hash, "started": started,
        "finished": None, "status": "running", "n_documents": 0, "n_skipped": 0, "n_failed": 0,
        "n_figures": 0, "message": None,
    }
