"""Units and currencies: the tables in `data/units.txt` and `data/currencies.txt`, and matching them in text.

SI values come from pint. Building a pint registry costs half a second, too slow for a command that
extracts one sentence, so the factors pint gives are cached in `data/si_factors.txt`; regenerate it with
`python -m tracker.extract.units` after editing units.txt (a test fails when the cache drifts).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache

from tracker.data_files import data_rows
from tracker.errors import DataFileError
from tracker.extract.trie import trie_pattern

#: How each unit kind maps to a figure category; kinds not listed give "other".
KIND_CATEGORY = {"distance": "distance", "duration": "duration", "money": "money", "percent": "percentage"}

_AFTER_WORD = r"(?![A-Za-z0-9])"


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of the table: canonical name, kind, pint expression."""

    name: str
    kind: str
    pint: str | None


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit found in text: the unit and the end offset of its surface form."""

    unit: Unit
    start: int
    end: int


def _alias_pattern(aliases: list[str]) -> str:
    sensitive = [a[1:] for a in aliases if a.startswith("=")]
    folded = {a.lower() for a in aliases if not a.startswith("=")}
    # the longest match wins: try each group and let the caller compare (see _longest)
    return f"(?P<folded>(?i:{trie_pattern(folded)}))|(?P<exact>{trie_pattern(sensitive)})"


@dataclass(frozen=True, slots=True)
class _Tables:
    units: dict[str, Unit]
    by_alias: dict[str, Unit]  # alias as written in the table (with "=" stripped) -> unit
    by_alias_folded: dict[str, Unit]
    unit_re: re.Pattern[str]
    prefix_re: re.Pattern[str]
    suffix_re: re.Pattern[str]
    currency_by_prefix: dict[str, Unit]
    currency_by_suffix: dict[str, Unit]
    currency_by_suffix_folded: dict[str, Unit]


def _split_aliases(field: str) -> list[str]:
    return [a.strip() for a in field.split(",") if a.strip()]


@cache
def tables() -> _Tables:
    """The unit and currency tables, loaded once."""
    units: dict[str, Unit] = {}
    by_alias: dict[str, Unit] = {}
    folded: dict[str, Unit] = {}
    all_aliases: list[str] = []
    for lineno, (name, kind, pint_expr, aliases) in data_rows("units.txt", 4):
        if name in units:
            raise DataFileError(f"units.txt, line {lineno}: unit {name!r} defined twice")
        unit = Unit(name, kind, None if pint_expr == "-" else pint_expr)
        units[name] = unit
        for alias in _split_aliases(aliases):
            all_aliases.append(alias)
            if alias.startswith("="):
                by_alias[alias[1:]] = unit
            else:
                folded.setdefault(alias.lower(), unit)
    prefixes: dict[str, Unit] = {}
    suffixes: dict[str, Unit] = {}
    suffixes_folded: dict[str, Unit] = {}
    suffix_aliases: list[str] = []
    for _, (name, prefix_field, suffix_field) in data_rows("currencies.txt", 3):
        unit = Unit(name, "money", None)
        units.setdefault(name, unit)
        for p in _split_aliases(prefix_field):
            prefixes[p.lstrip("=")] = unit
        for s in _split_aliases(suffix_field):
            suffix_aliases.append(s)
            if s.startswith("="):
                suffixes[s[1:]] = unit
            else:
                suffixes_folded[s.lower()] = unit
    unit_re = re.compile(rf"(?:{_alias_pattern(all_aliases)}){_AFTER_WORD}")
    prefix_alt = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    # a prefix ends right before the number (a space is allowed after a code such as "USD 5")
    prefix_re = re.compile(rf"(?:{prefix_alt})[ \u00a0]?\Z")
    suffix_re = re.compile(rf"(?:{_alias_pattern(suffix_aliases)}){_AFTER_WORD}")
    return _Tables(units, by_alias, folded, unit_re, prefix_re, suffix_re, prefixes, suffixes, suffixes_folded)


def lookup_alias(surface: str) -> Unit | None:
    """The unit a surface form names, or None."""
    t = tables()
    return t.by_alias.get(surface) or t.by_alias_folded.get(surface.lower())


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The unit written at `pos` (after a number), if any."""
    m = tables().unit_re.match(text, pos)
    if not m:
        return None
    unit = lookup_alias(m.group())
    return UnitMatch(unit, m.start(), m.end()) if unit else None


def match_currency_suffix(text: str, pos: int) -> UnitMatch | None:
    """The currency name written at `pos` (after a number: "5 euros"), if any."""
    t = tables()
    m = t.suffix_re.match(text, pos)
    if not m:
        return None
    s = m.group()
    unit = t.currency_by_suffix.get(s) or t.currency_by_suffix_folded.get(s.lower())
    return UnitMatch(unit, m.start(), m.end()) if unit else None


def match_currency_prefix(text: str, start: int) -> UnitMatch | None:
    """The currency symbol or code that ends right before `start` ("$" in "$5", "US$" in "US$ 5")."""
    t = tables()
    lo = max(0, start - 6)
    m = t.prefix_re.search(text, lo, start)
    if not m:
        return None
    symbol = m.group().rstrip()
    # a letter code must not be the tail of a longer word ("ARS" in "DOLLARS")
    if symbol[0].isalpha() and m.start() > 0 and text[m.start() - 1].isalnum():
        return None
    return UnitMatch(t.currency_by_prefix[symbol], m.start(), start)


def unit_named(name: str) -> Unit:
    """The unit with this canonical name."""
    return tables().units[name]


@cache
def si_factors() -> dict[str, tuple[float, float]]:
    """name -> (factor, offset) to SI base units, from the pint cache file."""
    out: dict[str, tuple[float, float]] = {}
    for _, (name, factor, offset) in data_rows("si_factors.txt", 3):
        out[name] = (float(factor), float(offset))
    return out


def si_value(unit: Unit, value: float | None) -> float | None:
    """The value in SI base units (pint's conversion), or None for counts, money, percent."""
    if value is None or unit.pint is None:
        return None
    factor, offset = si_factors().get(unit.name, (0.0, 0.0))
    if factor == 0.0:
        return None
    return value * factor + offset


def compute_si_factors() -> dict[str, tuple[float, float]]:
    """Ask pint for each physical unit's (factor, offset) to SI base units (slow: builds a registry)."""
    import pint

    ureg: pint.UnitRegistry = pint.UnitRegistry()
    out: dict[str, tuple[float, float]] = {}
    for unit in tables().units.values():
        if unit.pint is None:
            continue
        expr = ureg.parse_expression(unit.pint)
        scale, units = (expr.magnitude, expr.units) if hasattr(expr, "units") else (1.0, unit.pint)
        q0 = ureg.Quantity(0.0, units).to_base_units().magnitude
        q1 = ureg.Quantity(scale, units).to_base_units().magnitude
        out[unit.name] = (float(q1 - q0), float(q0))
    return out


def render_si_factors(factors: dict[str, tuple[float, float]]) -> str:
    """The text of data/si_factors.txt for these factors."""
    lines = [
        "# SI factors of the physical units in units.txt, computed by pint. Generated: do not edit.",
        "# Regenerate with: python -m tracker.extract.units > tracker/data/si_factors.txt",
        "# Syntax: canonical name | factor | offset   (SI value = value * factor + offset)",
    ]
    lines += [f"{name} | {f!r} | {o!r}" for name, (f, o) in sorted(factors.items())]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render_si_factors(compute_si_factors()))
