"""`trie_pattern`: a factored alternation that matches exactly its words, preferring the longest."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tracker.extract.trie import trie_pattern

word = st.text(alphabet="abc.-'’", max_size=6)


@given(words=st.lists(word, max_size=12), candidate=word)
def test_matches_exactly_its_words(words: list[str], candidate: str) -> None:
    pattern = re.compile(trie_pattern(words))
    normal = {w.replace("’", "'") for w in words}
    assert bool(pattern.fullmatch(candidate)) == (candidate.replace("’", "'") in normal)


@given(words=st.lists(word.filter(bool), min_size=1, max_size=12))
def test_prefers_the_longest_word(words: list[str]) -> None:
    text = max(words, key=len)
    found = re.compile(trie_pattern(words)).match(text)
    assert found is not None and found.group() == text


def test_space_matches_the_given_pattern() -> None:
    pattern = re.compile(trie_pattern(["health ministry"], space=r"[ \t]+"))
    assert pattern.fullmatch("health \t ministry")
    assert not pattern.fullmatch("health\nministry")
