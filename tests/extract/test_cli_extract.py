"""`tracker extract` as the acceptance scripts run it: a subprocess, JSONL on stdout, one line per bad input.

SPEC.md, "CLI contract": a path that cannot be read gets one clear line on stderr naming it, the other
inputs are still processed, and the exit status is 1; never a traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = "seeds/000_dcda9545b384c12c.txt"
GOOD_TEXT = "At least 826 people were killed, the Observatory said.\n"


def run_extract(*args: str, fmt: str = "jsonl") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tracker", "extract", *args, "--format", fmt],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )


def records(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def good(tmp_path: Path) -> str:
    path = tmp_path / "good.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return str(path)


def make_missing(tmp_path: Path) -> Path:
    return tmp_path / "no-such-file.txt"


def make_directory(tmp_path: Path) -> Path:
    path = tmp_path / "a-directory"
    path.mkdir()
    return path


def make_binary(tmp_path: Path) -> Path:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"At least 5 people\x00\x01\x02 were killed.")
    return path


def make_bad_utf8(tmp_path: Path) -> Path:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9: 12 people were hurt.".encode("latin-1"))
    return path


@pytest.mark.parametrize(("make", "reason"), [
    pytest.param(make_missing, "no such file", id="missing-path"),
    pytest.param(make_directory, "directory", id="directory"),
    pytest.param(make_binary, "binary", id="binary-nul-bytes"),
    pytest.param(make_bad_utf8, "utf-8", id="invalid-utf8"),
])
@pytest.mark.parametrize("bad_first", [pytest.param(True, id="bad-first"), pytest.param(False, id="bad-last")])
def test_unreadable_input(tmp_path: Path, good: str, make: Any, reason: str, bad_first: bool) -> None:
    bad = str(make(tmp_path))
    paths = [bad, good] if bad_first else [good, bad]
    result = run_extract(*paths)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert bad in lines[0]
    assert reason in lines[0].lower(), lines[0]
    got = records(result.stdout)
    assert got, "the good input was not processed"
    assert {r["doc"] for r in got} == {good}
    assert got[0]["text"] == "At least 826 people"


def test_unreadable_input_in_table_format(tmp_path: Path, good: str) -> None:
    bad = str(make_missing(tmp_path))
    result = run_extract(bad, good, fmt="table")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert bad in result.stderr
    assert "826" in result.stdout


def test_every_bad_input_gets_its_own_line(tmp_path: Path, good: str) -> None:
    bads = [str(make(tmp_path)) for make in (make_missing, make_directory, make_binary, make_bad_utf8)]
    result = run_extract(bads[0], good, *bads[1:])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == len(bads)
    for bad, line in zip(bads, lines, strict=True):
        assert bad in line
    assert {r["doc"] for r in records(result.stdout)} == {good}


def test_jsonl_with_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "first", "text": "At least 5 people were killed."}\n'
        "this is not json\n"
        "\n"
        '{"id": "third", "text": "Some 20 homes burned."}\n'
        '["a list", "not an object"]\n'
        '{"id": "no-text"}\n',
        encoding="utf-8",
    )
    result = run_extract(str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 3, result.stderr  # lines 2, 5 and 6; the blank line 3 is no document
    assert all(str(path) in line for line in lines)
    assert [f"{path}:{n}" in line for n, line in zip((2, 5, 6), lines, strict=True)] == [True] * 3
    assert "json" in lines[0].lower()
    got = records(result.stdout)
    assert [r["doc"] for r in got] == ["first", "third"]
    assert [r["text"] for r in got] == ["At least 5 people", "Some 20 homes"]


def test_jsonl_offsets_are_in_the_line_text(tmp_path: Path) -> None:
    text = "Caf\u00e9 \u2014 \u00a0about 140 km north.\n\nAt least 3 people died."
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": text}) + "\n", encoding="utf-8")
    result = run_extract(str(path))
    assert result.returncode == 0, result.stderr
    got = records(result.stdout)
    assert got
    for r in got:
        assert text[r["start"]:r["end"]] == r["text"]
        assert text[r["sentence_start"]:r["sentence_end"]] == r["sentence"]


def test_seed_jsonl_output() -> None:
    result = run_extract(SEED)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines
    text = (ROOT / SEED).read_text(encoding="utf-8")
    starts = []
    for line in lines:
        record = json.loads(line)  # one whole record per line
        assert record["doc"] == SEED
        assert text[record["start"]:record["end"]] == record["text"]
        assert text[record["sentence_start"]:record["sentence_end"]] == record["sentence"]
        for field in ("value", "low", "high", "qualifier", "unit", "entity", "category", "trend", "source",
                      "source_text", "parent", "equivalent_of"):
            assert field in record
        starts.append(record["start"])
    assert starts == sorted(starts), "figures are not in text order"


def test_documents_in_the_order_given(tmp_path: Path) -> None:
    seeds = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "seeds").glob("*.txt"))[:3]
    assert len(seeds) == 3
    order = [seeds[2], seeds[0], seeds[1]]
    result = run_extract(*order)
    assert result.returncode == 0, result.stderr
    docs = [r["doc"] for r in records(result.stdout)]
    seen = list(dict.fromkeys(docs))
    assert seen == order
    assert docs == sorted(docs, key=order.index), "a document's records are interleaved with another's"


def test_same_path_twice_is_two_documents(good: str) -> None:
    result = run_extract(good, good)
    assert result.returncode == 0
    assert [r["doc"] for r in records(result.stdout)] == [good, good]


def test_no_paths_is_a_usage_error() -> None:
    result = run_extract()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
