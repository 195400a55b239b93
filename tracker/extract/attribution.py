"""Attribution: who each figure is said to come from (filled in by the attribution work, issue 3)."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.extract.sentences import Sentence
from tracker.figure import Figure


def attribute_figures(text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> list[Figure]:
    """The figures with `source`, `source_text` and `source_kind` set from the text around them."""
    return figures
