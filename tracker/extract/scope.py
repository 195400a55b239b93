"""Scope: the period or event a figure counts over ("since the offensive began", "since 2011")."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.extract.sentences import Sentence
from tracker.figure import Figure


def resolve_scopes(text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> list[Figure]:
    """The figures with `scope` (text) and `scope_start` (ISO date, when resolvable) set."""
    return figures
