"""Relations between figures of one document: subsets (`parent`) and restatements (`equivalent_of`)."""

from __future__ import annotations

from tracker.figure import Figure


def link_figures(text: str, figures: list[Figure]) -> list[Figure]:
    """The figures with `parent` and `equivalent_of` set (indices into this list)."""
    return figures
