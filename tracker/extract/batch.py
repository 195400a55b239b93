"""Extracting many documents: in order, on several processes when the input is large."""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterable, Iterator

from tracker.documents import Document
from tracker.errors import InputError
from tracker.extract.pipeline import extract
from tracker.figure import Figure

#: Inputs smaller than this are extracted in this process: starting workers would cost more.
PARALLEL_MIN_BYTES = 256 * 1024
_CHUNK = 32
_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps with options builds a new one per call


def jsonl_lines(doc_id: str, text: str, published: str | None = None) -> str:
    """The figure records of one document as JSONL text (the `tracker extract --format jsonl` contract)."""
    figures = extract(text, doc=doc_id, published=published)
    return "".join(_JSON.encode(f.to_dict()) + "\n" for f in figures)


def _work(item: tuple[str, str, str | None]) -> str:
    return jsonl_lines(*item)


def default_jobs(paths: Iterable[str]) -> int:
    """How many processes suit these inputs: one for small inputs, else one per core (at most 8)."""
    size = 0
    for p in paths:
        try:
            size += os.path.getsize(p)
        except OSError:
            continue
    cores = os.cpu_count() or 1
    return 1 if size < PARALLEL_MIN_BYTES or cores < 2 else min(cores, 8)


def extract_jsonl(items: Iterable[Document | InputError], jobs: int = 1) -> Iterator[Document | InputError | str]:
    """Errors as they come, and for each document its JSONL records, in input order.

    With `jobs` > 1 the documents are extracted by that many forked worker processes (which share the
    loaded rule tables); the output order is the input order either way.
    """
    if jobs <= 1:
        for item in items:
            yield item if isinstance(item, InputError) else jsonl_lines(item.id, item.text, item.published)
        return
    ctx = multiprocessing.get_context("fork")
    extract("")  # load the tables once, before forking, so every worker inherits them
    with ctx.Pool(jobs) as pool:
        pending: list[Document | InputError] = []

        def flush() -> Iterator[InputError | str]:
            docs = [(d.id, d.text, d.published) for d in pending if isinstance(d, Document)]
            results = iter(pool.imap(_work, docs, chunksize=max(1, len(docs) // (jobs * 4))))
            for d in pending:
                yield d if isinstance(d, InputError) else next(results)
            pending.clear()

        for item in items:
            pending.append(item)
            if len(pending) >= _CHUNK * jobs * 8:
                yield from flush()
        yield from flush()


def extract_documents(items: Iterable[Document | InputError]) -> Iterator[tuple[Document, list[Figure]] | InputError]:
    """(document, figures) for each document, and errors as they come, in input order (one process)."""
    for item in items:
        if isinstance(item, InputError):
            yield item
        else:
            yield item, extract(item.text, doc=item.id, published=item.published)
