"""The readable table format of `tracker extract`: one row per figure."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.figure import Figure

_EXCERPT = 60


def _number(f: Figure) -> str:
    if f.value is not None:
        return f"{f.value:,.10g}"
    low = "" if f.low is None else f"{f.low:,.10g}"
    high = "" if f.high is None else f"{f.high:,.10g}"
    return f"{low}..{high}"


def format_table(doc: str, figures: Sequence[Figure]) -> str:
    """A plain-text table of a document's figures: figure, value, category, unit, source, sentence excerpt."""
    lines = [f"== {doc}: {len(figures)} figure{'s' if len(figures) != 1 else ''}"]
    if figures:
        rows = [("figure", "value", "category", "unit", "source", "sentence")]
        for f in figures:
            excerpt = " ".join(f.sentence.split())
            if len(excerpt) > _EXCERPT:
                excerpt = excerpt[: _EXCERPT - 1] + "…"
            rows.append((" ".join(f.text.split()), _number(f), f.category, f.unit, f.source or "", excerpt))
        widths = [min(36, max(len(r[i]) for r in rows)) for i in range(5)]
        for r in rows:
            cells = [r[i][: widths[i]].ljust(widths[i]) for i in range(5)]
            lines.append("  ".join([*cells, r[5]]).rstrip())
    return "\n".join(lines) + "\n"
