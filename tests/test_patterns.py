"""The pattern cache: what compile_pattern returns behaves as re.compile's pattern, from a cache hit or a miss."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker import patterns
from tracker.patterns import cache_file, compile_pattern

ROOT = Path(__file__).resolve().parents[1]

CASES = [
    pytest.param(r"(?P<n>\d+)\s+(?P<what>people|troops)", 0, id="named-groups"),
    pytest.param(r"\bkilled\b", re.IGNORECASE, id="ignorecase-flag"),
    pytest.param(r"(?i:at\s+least)\s+\d+", 0, id="scoped-inline-flag"),
    pytest.param(r"(?<![\w-])\d{1,3}(?:,\d{3})+(?!\d)", 0, id="lookarounds"),
    pytest.param(r"""
        (?P<num>\d+)   # the number
        \s* (?:km|kilometres?)
    """, re.VERBOSE, id="verbose"),
    pytest.param(r"(?:a|b)*c|[^\W\d_]+", re.UNICODE, id="classes"),
]
SAMPLES = ["At least 12 people were killed", "2,000 TROOPS", "140 km north", "KILLED: 1,234,567 of them",
           "Ölçek 3 kilometres", "", "aabac"]


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh cache directory for this test, and a module that has loaded nothing yet."""
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path))
    patterns.reset()
    yield tmp_path
    patterns.reset()


def _same_behaviour(a: re.Pattern[str], b: re.Pattern[str], texts: list[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in texts:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        assert [m.groupdict() for m in a.finditer(text)] == [m.groupdict() for m in b.finditer(text)]


@pytest.mark.parametrize(("pattern", "flags"), CASES)
def test_a_miss_and_a_hit_behave_as_re_compile(cache_dir: Path, pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    _same_behaviour(compile_pattern(pattern, flags), expected, SAMPLES)
    patterns.save()
    patterns.reset()  # as a new process would: the entry now comes from the file
    _same_behaviour(compile_pattern(pattern, flags), expected, SAMPLES)


def test_a_saved_pattern_is_not_compiled_again(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compile_pattern(r"(\d+) dead")
    patterns.save()
    assert cache_file() is not None and cache_file().exists()  # type: ignore[union-attr]
    patterns.reset()

    def no_compiling(pattern: str, flags: int) -> None:
        raise AssertionError(f"compiled again: {pattern}")

    monkeypatch.setattr(patterns, "_entry", no_compiling)
    assert compile_pattern(r"(\d+) dead").match("12 dead").group(1) == "12"  # type: ignore[union-attr]


@pytest.mark.parametrize("damage", [
    pytest.param(lambda data: data[:-7], id="truncated"),
    pytest.param(lambda data: data[:40] + bytes([data[40] ^ 0xFF]) + data[41:], id="flipped-byte"),
    pytest.param(lambda data: b"not a cache file", id="other-file"),
    pytest.param(lambda data: b"", id="empty"),
])
def test_a_damaged_cache_file_is_ignored(cache_dir: Path, damage) -> None:
    compile_pattern(r"(?P<n>\d+) injured")
    patterns.save()
    path = cache_file()
    assert path is not None
    path.write_bytes(damage(path.read_bytes()))
    patterns.reset()
    assert compile_pattern(r"(?P<n>\d+) injured").match("7 injured")["n"] == "7"  # type: ignore[index]
    patterns.save()  # the damaged file is replaced by a good one
    patterns.reset()
    assert patterns._cached()


def test_an_empty_cache_dir_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_CACHE_DIR", "")
    patterns.reset()
    try:
        assert cache_file() is None
        assert compile_pattern(r"\d+ homes").search("300 homes") is not None
        patterns.save()  # nothing to write, nothing raised
    finally:
        patterns.reset()


def test_a_cache_dir_that_cannot_be_written_costs_nothing_but_time(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(blocker / "cache"))
    patterns.reset()
    try:
        assert compile_pattern(r"\d+ displaced").search("40 displaced") is not None
        patterns.save()  # the directory cannot be made: no error
        assert not (blocker / "cache").exists()
    finally:
        patterns.reset()


def test_a_bad_pattern_raises_re_error(cache_dir: Path) -> None:
    with pytest.raises(re.error):
        compile_pattern(r"(unclosed")


def test_a_full_cache_keeps_this_runs_patterns(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        compile_pattern(rf"old{i}")
    patterns.save()
    path = cache_file()
    assert path is not None
    monkeypatch.setattr(patterns, "MAX_BYTES", path.stat().st_size)  # one more entry would pass it
    patterns.reset()
    compile_pattern(r"new")
    compile_pattern(r"old0")
    patterns.save()
    patterns.reset()
    assert set(patterns._cached()) == {("new", 0), ("old0", 0)}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab()|*+?[]^$.\\dw{}1,", min_size=1, max_size=12), st.text(alphabet="ab1 _-", max_size=12))
def test_any_pattern_behaves_as_re_compile(pattern: str, text: str) -> None:
    try:
        expected = re.compile(pattern)
    except re.error:
        with pytest.raises(re.error):
            compile_pattern(pattern)
        return
    _same_behaviour(compile_pattern(pattern), expected, [text])


def test_every_pattern_of_the_package_goes_through_the_cache() -> None:
    """A pattern compiled with re.compile would be compiled again by every run."""
    offenders = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "tracker").rglob("*.py"))
                 if path.name != "patterns.py"
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "re.compile(" in line]
    assert offenders == []


def test_extraction_is_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("At least 826 people, including 111 civilians, have been killed, the Observatory said. "
                   "The violence has displaced 370,000 people over 140 kilometres (85 miles).\n", encoding="utf-8")

    def run(cache: str) -> list[dict]:
        env = {**os.environ, "TRACKER_CACHE_DIR": cache}
        out = subprocess.run([sys.executable, "-m", "tracker", "extract", str(doc), "--format", "jsonl"],
                             capture_output=True, text=True, env=env, check=True)
        return [json.loads(line) for line in out.stdout.splitlines()]

    cache = str(tmp_path / "cache")
    without = run("")
    first = run(cache)  # compiles and writes the file
    assert list(Path(cache).glob("patterns-*.marshal"))
    second = run(cache)  # reads it
    assert len(without) >= 4
    assert without == first == second


def test_a_remembered_text_is_built_once_per_cache(cache_dir: Path) -> None:
    built: list[str] = []

    def build() -> str:
        built.append("x")
        return "(?:killed|wounded)"

    assert patterns.remembered_text("trie", ("killed", "wounded"), build) == "(?:killed|wounded)"
    patterns.save()
    patterns.reset()
    assert patterns.remembered_text("trie", ("killed", "wounded"), build) == "(?:killed|wounded)"
    assert built == ["x"]
    assert patterns.remembered_text("trie", ("killed",), build) == "(?:killed|wounded)"  # another key: built
    assert built == ["x", "x"]


def test_a_trie_is_the_same_from_the_cache(cache_dir: Path) -> None:
    from tracker.extract.trie import trie_pattern

    words = ["al-Shifa", "Khan Younis", "Rafah", "Khan Yunis", "Deir al-Balah", "Rafah"]
    first = trie_pattern(words)
    patterns.save()
    patterns.reset()
    assert trie_pattern(reversed(words)) == first  # the set of words decides, not their order
    assert compile_pattern(first).fullmatch("Khan  Younis") is not None
