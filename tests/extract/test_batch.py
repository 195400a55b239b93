"""The worker machinery: results in input order on any number of processes; workers end with their parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tracker.documents import Document
from tracker.errors import InputError
from tracker.extract.batch import extract_jsonl, map_in_order, ordered_map

PROJECT = Path(__file__).resolve().parents[2]
#: Upper bound on waiting for processes (not a timed assertion: the test fails only if they never end).
PATIENCE_SECONDS = 60


def _square(n: int) -> int:
    return n * n


def _no_warm_up() -> None:
    return None


@pytest.mark.parametrize("jobs", [pytest.param(1, id="here"), pytest.param(2, id="two-workers")])
def test_map_in_order_gives_every_result_in_input_order(jobs: int) -> None:
    assert list(map_in_order(_square, range(300), jobs, warm=_no_warm_up)) == [n * n for n in range(300)]


@pytest.mark.parametrize("jobs", [pytest.param(1, id="here"), pytest.param(2, id="two-workers")])
def test_ordered_map_passes_other_items_through_in_place(jobs: int) -> None:
    items: list[int | str] = [i if i % 7 else f"skip {i}" for i in range(200)]
    expected = [i * i if isinstance(i, int) else i for i in items]
    assert list(ordered_map(_square, items, jobs, work=int, warm=_no_warm_up)) == expected


def test_extract_jsonl_on_workers_is_what_one_process_prints() -> None:
    items: list[Document | InputError] = [
        Document(f"d{i}", f"At least {i + 2} people were killed in the town on Sunday, the Observatory said.", "x")
        for i in range(60)
    ]
    items.insert(10, InputError("bad.jsonl:3", "invalid JSON"))
    one = list(extract_jsonl(items, jobs=1))
    two = list(extract_jsonl(items, jobs=2))
    assert [str(x) for x in two] == [str(x) for x in one]
    assert isinstance(two[10], InputError)
    assert sum('"value"' in str(x) for x in two) == 60


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers end with their parent on Linux")
def test_workers_end_when_the_process_that_started_them_is_killed(tmp_path: Path) -> None:
    pids_file = tmp_path / "workers"
    program = (  # each task notes its worker's pid, then outlives the test unless the worker is killed
        "import os, time\n"
        "from tracker.extract.batch import map_in_order\n"
        "def slow(n):\n"
        f"    open({str(pids_file)!r}, 'a').write(f'{{os.getpid()}}\\n')\n"
        "    time.sleep(300)\n"
        "list(map_in_order(slow, range(10), 2, warm=lambda: None))\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", program], cwd=PROJECT)
    deadline = time.monotonic() + PATIENCE_SECONDS
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
        if pids_file.exists():
            workers = {int(line) for line in pids_file.read_text().split()}
    assert len(workers) == 2, "the workers did not start"
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False
