"""Numbers, bounds and sentences as the report shows them: thousands separators, qualifiers, <mark>."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import pandas as pd
from markupsafe import Markup

from tracker.data_files import data_rows
from tracker.errors import DataFileError

_QUALIFIER_WORDS = {
    "approximately": "about",
    "at_least": "at least",
    "more_than": "more than",
    "at_most": "at most",
    "less_than": "less than",
    "up_to": "up to",
}
EN_DASH = "\u2013"


def py(value: Any) -> Any:
    """A DataFrame cell as a plain Python value: NA, NaN and NaT become None."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, str | int):
        return value
    if isinstance(value, float):
        return None if value != value else value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    return value


def escape_text(text: str) -> str:
    """Text made safe inside HTML elements and quoted attributes (the same entities as markupsafe)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def to_float(value: Any) -> float | None:
    """A DataFrame cell as a float, or None when it is missing or not finite."""
    value = py(value)
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def format_number(value: float | None) -> str:
    """A number with thousands separators: 370000 -> "370,000", 1.5 -> "1.5", None -> "?"."""
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e15 else f"{value:,.0f}"


@cache
def vague_words() -> dict[tuple[float, float], str]:
    """The vague words by their bounds, from the extractor's `tracker/data/vague.txt` (first phrase wins)."""
    words: dict[tuple[float, float], str] = {}
    try:
        rows = list(data_rows("vague.txt", 3))
    except DataFileError:
        return words
    for _lineno, (phrase, low, high, *_) in rows:
        try:
            bounds = (float(low), float(high))
        except ValueError:
            continue
        words.setdefault(bounds, phrase.removesuffix(" of"))
    return words


def format_bounds(value: Any, low: Any, high: Any, qualifier: Any, unit: Any = "count") -> str:
    """A claim as people read it: "826", "at least 826", "30–40", "200–999 (hundreds)"."""
    v, lo, hi = to_float(value), to_float(low), to_float(high)
    qual = py(qualifier) or "exact"
    unit_name = py(unit)
    suffix = "" if unit_name in (None, "count") else f" {unit_name}"
    if qual == "vague":
        word = vague_words().get((lo, hi), "vague") if lo is not None and hi is not None else "vague"
        return f"{format_number(lo)}{EN_DASH}{format_number(hi)} ({word}){suffix}"
    if qual == "range":
        return f"{format_number(lo)}{EN_DASH}{format_number(hi)}{suffix}"
    if qual in ("at_least", "more_than"):
        return f"{_QUALIFIER_WORDS[qual]} {format_number(lo if lo is not None else v)}{suffix}"
    if qual in ("at_most", "less_than", "up_to"):
        return f"{_QUALIFIER_WORDS[qual]} {format_number(hi if hi is not None else v)}{suffix}"
    shown = v if v is not None else (lo if lo is not None else hi)
    prefix = "about " if qual == "approximately" else ""
    return f"{prefix}{format_number(shown)}{suffix}"


def representative_value(value: Any, low: Any, high: Any) -> float | None:
    """The one number that stands for a claim in a chart: its value, else its low bound, else its high."""
    for candidate in (value, low, high):
        number = to_float(candidate)
        if number is not None:
            return number
    return None


def highlight_html(sentence: str, text: str, start: int | None, end: int | None,
                   sentence_start: int | None) -> str:
    """The sentence as escaped HTML with the figure's text in <mark>, located by the offsets (else searched)."""
    a = b = -1
    if sentence_start is not None and start is not None and end is not None:
        a, b = start - sentence_start, end - sentence_start
    if not (0 <= a <= b <= len(sentence)) or (text and sentence[a:b] != text):
        a = sentence.find(text) if text else -1
        b = a + len(text)
    if a < 0 or a == b:
        return escape_text(sentence)
    return (f"{escape_text(sentence[:a])}<mark>{escape_text(sentence[a:b])}</mark>"
            f"{escape_text(sentence[b:])}")


def highlight(sentence: Any, text: Any, start: Any, end: Any, sentence_start: Any) -> Markup:
    """The sentence, escaped, with the figure's text wrapped in <mark> (located by the sentence offsets)."""
    s0, s, e = py(sentence_start), py(start), py(end)
    return Markup(highlight_html(str(py(sentence) or ""), str(py(text) or ""),  # noqa: S704 - escaped inside
                                 None if s is None else int(s), None if e is None else int(e),
                                 None if s0 is None else int(s0)))


def format_date(value: Any) -> str:
    """A timestamp as YYYY-MM-DD, or "" when missing."""
    value = py(value)
    if value is None:
        return ""
    return str(pd.Timestamp(value).date())
