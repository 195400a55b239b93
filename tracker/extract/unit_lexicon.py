"""The unit lexicon generated from quantulum3's catalogue of units and currencies (data/unit_lexicon.txt).

quantulum3 keeps a well-kept catalogue: unit names with their plural surface forms, symbols, what each
measures, and currencies with their codes. The tracker reads it once, at build time, into
`data/unit_lexicon.txt`; nothing of quantulum3 runs when text is read. Regenerate with
`python -m tracker.extract.unit_lexicon > tracker/data/unit_lexicon.txt` after upgrading quantulum3 (a
test fails when the file drifts). The project's own tables (units.txt, currencies.txt) take precedence:
see `units.tables()`.

Forms that would misread ordinary text are left out here, by rules rather than by hand:
- one-character forms ("m", "t", "R", "p"): the project's table lists the few it wants, case-sensitively;
- forms that are common English words (quantulum3's own list of the 10,000 commonest: "bar", "span",
  "quarter", "second", "pound"), unless the project's table lists them;
- symbols that the catalogue gives to two units ("kb": kilobarn, kilo base pair): ambiguous;
- two capitals alone ("TV" teravolt, "PA" petaampere): abbreviations more often than units;
- a few more words listed in data/unit_lexicon_excluded.txt ("quartets", "moles");
- quantities that news never measures with a number after it (dimensionless counts, typographical and
  angular units, lumber volume).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from tracker.data_files import data_lines

#: quantulum3's entity (what a unit measures) -> the tracker's unit kind (units.txt); None: left out.
ENTITY_KIND: dict[str, str | None] = {
    "length": "distance", "area": "area", "volume": "volume", "mass": "mass", "speed": "speed",
    "time": "duration", "temperature": "temperature", "power": "power", "energy": "energy",
    "data storage": "data", "data transfer rate": "data rate", "frequency": "frequency", "pressure": "pressure",
    "force": "force", "torque": "torque", "electric potential": "electric", "current": "electric",
    "charge": "electric", "electrical resistance": "electric", "capacitance": "electric", "currency": "money",
    "acceleration": "acceleration", "radioactivity": "radiation", "radiation absorbed dose": "radiation",
    "radiation exposure": "radiation", "volumetric flow": "flow", "mass flow": "flow", "density": "density",
    "sound level": "sound", "luminous flux": "light", "illuminance": "light", "luminous intensity": "light",
    "amount of substance": "amount",
    # left out: counts and words ("pair", "dozen"), typography ("point"), angles (the "degree" of a
    # temperature), board feet
    "dimensionless": None, "typographical element": None, "angle": None, "volume (lumber)": None,
    "instance frequency": None,
}

_HEADER = """\
# Unit lexicon generated from quantulum3's catalogue of units and currencies. Generated: do not edit.
# Regenerate with: python -m tracker.extract.unit_lexicon > tracker/data/unit_lexicon.txt
# The project's own tables (units.txt, currencies.txt) come first: a unit named there, or a form listed
# there, is read as they say; this file adds the rest of the catalogue.
# Syntax: canonical name | kind | pint expression | names | symbols
#   canonical name: quantulum3's name, British spelling; kind: as in units.txt ("money" for currencies).
#   pint expression: pint's name for the unit, for the SI value (`-`: none, as for money).
#   names: comma-separated written-out forms, singular and plural, matched case-insensitively after a number.
#   symbols: comma-separated symbols, matched exactly (case-sensitive): after a number, and for money also
#            before it ("A$5").
"""


@dataclass(frozen=True, slots=True)
class LexiconUnit:
    """One unit of the catalogue as the tracker keeps it."""

    name: str
    kind: str
    pint: str | None
    names: tuple[str, ...]
    symbols: tuple[str, ...]


def _british(name: str) -> str:
    """British spelling of a unit name ("kilometer per hour" -> "kilometre per hour")."""
    for us, uk in (("meter", "metre"), ("liter", "litre"), ("gramme", "gram")):
        name = name.replace(us, uk)
    return name.replace("metres of ", "metre of ")


def _usable(form: str, common: frozenset[str], *, symbol: bool = False) -> bool:
    """A form that cannot be mistaken for text: two characters or more, no separator, not a common word
    (nor the plural of one). A symbol with a capital after its first letter ("kV", "MPa", "USD") is no word,
    but two capitals alone are as often an abbreviation ("TV", "PA", "VA") as a unit."""
    stripped = form.strip()
    low = form.lower()
    words = {low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low}
    looks_like_word = not (symbol and any(c.isupper() for c in form[1:]))
    if symbol and len(form) == 2 and form.isupper():
        return False
    return (len(stripped) >= 2 and stripped == form and not any(c in form for c in ",|#\n")
            and " " * 2 not in form and not (looks_like_word and words & common))


def _pint_name(name: str, ureg: Any) -> str | None:
    """pint's expression for a unit name, or None when pint does not know it."""
    base = name.replace("ångström", "angstrom")
    for candidate in (base.replace(" per ", "/").replace(" ", "_").replace("-", "_"), base.replace(" ", "_")):
        try:
            unit = ureg.Unit(candidate)
        except Exception:  # noqa: S112  # pint raises several error types for an unknown name
            continue
        return candidate if unit is not None else None
    return None


def excluded_forms() -> frozenset[str]:
    """Catalogue forms the tracker leaves out (data/unit_lexicon_excluded.txt), lower case."""
    return frozenset(line.lower() for _, line in data_lines("unit_lexicon_excluded.txt"))


def common_words() -> frozenset[str]:
    """quantulum3's list of the 10,000 commonest English words and the forms left out by hand, lower case
    (build time only: reads quantulum3's data)."""
    from pathlib import Path

    import quantulum3

    words_file = Path(quantulum3.__file__).parent / "_lang" / "en_US" / "common-words.txt"
    return frozenset(line.strip().lower() for line in words_file.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#")) | excluded_forms()


def catalogue_units() -> list[LexiconUnit]:
    """Every usable unit of quantulum3's catalogue (slow: loads quantulum3 and pint; build time only)."""
    import pint
    from quantulum3 import load

    common = common_words()
    catalogue = load.units("en_US")
    # one currency, one unit: "dollar" and "united states dollar" are both USD
    by_code: dict[str, str] = {}
    for name, unit in sorted(catalogue.names.items(), key=lambda kv: (len(kv[0]), kv[0])):
        if unit.currency_code:
            by_code.setdefault(unit.currency_code, name)
    owner = {name: by_code.get(unit.currency_code, name) if unit.currency_code else name
             for name, unit in catalogue.names.items()}
    surfaces: dict[str, set[str]] = defaultdict(set)
    for form, units in catalogue.surfaces.items():
        for unit in units:
            surfaces[owner[unit.name]].add(form)
    symbols: dict[str, set[str]] = defaultdict(set)
    symbol_owners: dict[str, set[str]] = defaultdict(set)
    for form, units in catalogue.symbols.items():
        for unit in units:
            symbols[owner[unit.name]].add(form)
            symbol_owners[form].add(owner[unit.name])
    ureg: Any = pint.UnitRegistry()
    out = []
    for name, unit in sorted(catalogue.names.items()):
        kind = ENTITY_KIND.get(unit.entity.name)
        if kind is None or owner[name] != name:
            continue
        names = sorted({f.lower() for f in surfaces[name] | {name} if _usable(f, common)})
        syms = sorted(s for s in symbols[name] if _usable(s, common, symbol=True) and len(symbol_owners[s]) == 1)
        if not names and not syms:
            continue
        pint_expr = None if kind == "money" else _pint_name(name, ureg)
        out.append(LexiconUnit(_british(name).lower(), kind, pint_expr, tuple(names), tuple(syms)))
    return out


def render_rows(units: list[LexiconUnit]) -> str:
    """One `name | kind | pint | names | symbols` row per unit (the syntax of the generated lexicons)."""
    lines = [f"{u.name} | {u.kind} | {u.pint or '-'} | {', '.join(u.names)} | {', '.join(u.symbols)}"
             for u in units]
    return "\n".join(lines) + "\n"


def render_lexicon(units: list[LexiconUnit]) -> str:
    """The text of data/unit_lexicon.txt for these units."""
    return _HEADER + render_rows(units)


if __name__ == "__main__":
    sys.stdout.write(render_lexicon(catalogue_units()))
