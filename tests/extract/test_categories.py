"""Category cues: found the same in the text and in its lower-cased copy (the fast path)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tracker.extract.categories import find_cues

WORDS = ["Killed", "killed", "DISPLACED", "weredisplaced", "fled", "Refugees", "evacuated", "wounded",
         "injured", "people", "homes", "destroyed", "missing", "the", "were", "2,000", " ", "  ", ",", ".", "\n",
         "\u00a0", "aid", "troops", "deployed", "Detained", "released"]


@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
def test_lower_cased_search_finds_the_same_cues(text: str) -> None:
    assert find_cues(text, 0, len(text), text.lower()) == find_cues(text, 0, len(text))


def test_cues_carry_their_category() -> None:
    text = "At least 826 people were killed and 370,000 displaced."
    found = [(text[c.start:c.end], c.category) for c in find_cues(text, 0, len(text), text.lower())]
    assert ("killed", "killed") in found and ("displaced", "displaced") in found
