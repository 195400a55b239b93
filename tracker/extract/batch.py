"""Work on many documents: in order, on several processes when the input is large, with bounded memory.

`ordered_map` is the one worker machinery: `tracker extract --jobs` runs the extractor through it and
`tracker ingest` its per-document preparation (tracker.store.prepare).
"""

from __future__ import annotations

import json
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Final, TypeVar, cast

from tracker.documents import Document, expand_paths
from tracker.errors import InputError
from tracker.extract.pipeline import extract
from tracker.figure import Figure

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

#: Inputs smaller than this are extracted in this process: starting workers would cost more.
PARALLEL_MIN_BYTES = 256 * 1024
#: Work items sent to a worker at once (ordered_map), and tasks in flight per worker (the bound on memory).
#: Chunks of 16 short texts cost more in messages than in work: 2,950 one-sentence texts took 10% longer.
CHUNK: Final = 64
TASKS_PER_JOB: Final = 4
#: A text with a figure and a source: extracting it loads every rule table the extractor uses.
WARM_UP_TEXT: Final = "At least 12 people were killed in the city on Sunday, the Observatory said.\n"
_PR_SET_PDEATHSIG: Final = 1  # linux/prctl.h
_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps with options builds a new one per call

A = TypeVar("A")  # an argument
W = TypeVar("W")  # a work item
P = TypeVar("P")  # an item passed through as it is
R = TypeVar("R")  # a result


def warm_up() -> None:
    """Load the extractor's tables in this process (before forking: every worker then shares them)."""
    extract(WARM_UP_TEXT)


def jsonl_lines(doc_id: str, text: str, published: str | None = None) -> str:
    """The figure records of one document as JSONL text (the `tracker extract --format jsonl` contract)."""
    figures = extract(text, doc=doc_id, published=published)
    return "".join(_JSON.encode(f.to_dict()) + "\n" for f in figures)


def _document_jsonl(doc: Document) -> str:
    return jsonl_lines(doc.id, doc.text, doc.published)


def _start_worker(parent: int) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle, and the worker dies with the parent.

    The parent stops the workers on Ctrl-C (no traceback from each of them). On Linux the kernel kills a
    worker when the process that started it dies: without that, workers of a killed `tracker ingest` would
    commit the partition they hold, then die on a broken pipe with a traceback.
    """
    import ctypes  # here: only workers need it

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: workers then end on the broken pipe
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _apply_all(func: Callable[[W], R], items: list[W]) -> list[R]:
    return [func(item) for item in items]


def input_bytes(paths: Iterable[str]) -> int:
    """The size of the inputs in bytes (directories: the text and JSONL files below them)."""
    size = 0
    for p in expand_paths(paths):
        try:
            size += os.path.getsize(p)
        except OSError:
            continue
    return size


def max_jobs() -> int:
    """One process per core, at most 8."""
    return min(os.cpu_count() or 1, 8)


def default_jobs(paths: Iterable[str]) -> int:
    """How many processes suit these inputs: one for small inputs, else one per core (at most 8)."""
    return 1 if input_bytes(paths) < PARALLEL_MIN_BYTES else max_jobs()


def map_in_order(
    func: Callable[[A], R], args: Iterable[A], jobs: int, *, warm: Callable[[], object] = warm_up
) -> Iterator[R]:
    """`func(arg)` for each arg, in order: here when `jobs` <= 1, else on that many forked worker processes.

    The workers share what `warm()` loaded before the fork; `func` must pickle (a module-level function or
    a `functools.partial` of one). At most `jobs * TASKS_PER_JOB` calls are in flight, so memory stays flat
    however long `args` is.
    """
    if jobs <= 1:
        for arg in args:
            yield func(arg)
        return
    import multiprocessing  # here: a run on one process does without it (and its 10 ms of imports)

    warm()
    with multiprocessing.get_context("fork").Pool(jobs, _start_worker, (os.getpid(),)) as pool:
        in_flight: deque[AsyncResult[R]] = deque()
        for arg in args:
            in_flight.append(pool.apply_async(func, (arg,)))
            while len(in_flight) > jobs * TASKS_PER_JOB:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()


def ordered_map(
    func: Callable[[W], R],
    items: Iterable[W | P],
    jobs: int,
    *,
    work: type[W],
    warm: Callable[[], object] = warm_up,
) -> Iterator[R | P]:
    """`func(item)` for each item that is a `work` instance, the other items as they are, in input order.

    Work items go to `map_in_order` in chunks of CHUNK (one task each).
    """
    if jobs <= 1:
        for item in items:
            yield func(item) if isinstance(item, work) else cast(P, item)
        return
    held: deque[list[W | P]] = deque()  # the chunks sent, with the items passed through, in order

    def chunks() -> Iterator[list[W]]:
        chunk: list[W | P] = []
        n_work = 0
        for item in items:
            chunk.append(item)
            n_work += isinstance(item, work)
            if n_work >= CHUNK or len(chunk) >= CHUNK * TASKS_PER_JOB:
                held.append(chunk)
                yield [item for item in chunk if isinstance(item, work)]
                chunk, n_work = [], 0
        if chunk:
            held.append(chunk)
            yield [item for item in chunk if isinstance(item, work)]

    for results in map_in_order(partial(_apply_all, func), chunks(), jobs, warm=warm):
        done = iter(results)
        for item in held.popleft():
            yield next(done) if isinstance(item, work) else cast(P, item)


def extract_jsonl(items: Iterable[Document | InputError], jobs: int = 1) -> Iterator[InputError | str]:
    """Errors as they come, and for each document its JSONL records, in input order.

    With `jobs` > 1 the documents are extracted by that many forked worker processes (which share the
    loaded rule tables); the output order is the input order either way.
    """
    return ordered_map(_document_jsonl, items, jobs, work=Document)


def extract_documents(items: Iterable[Document | InputError]) -> Iterator[tuple[Document, list[Figure]] | InputError]:
    """(document, figures) for each document, and errors as they come, in input order (one process)."""
    for item in items:
        if isinstance(item, InputError):
            yield item
        else:
            yield item, extract(item.text, doc=item.id, published=item.published)
