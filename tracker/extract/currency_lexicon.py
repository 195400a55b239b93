"""The currency lexicon generated from ISO 4217 (data/currency_lexicon.txt): the world's currencies by name.

quantulum3's catalogue names two dozen currencies; news about crises reports sums in the local one ("5,000
Congolese francs", "2 million Iraqi dinars", "UGX 40 billion"). pycountry keeps ISO 4217: each currency's
code and name. The names are read the way news writes them: the country's demonym (from the gazetteer,
data/gazetteer.txt) or its name before the currency's noun ("Ugandan shillings", "Uganda shilling"), ISO's
own name, the noun alone where one currency has it ("naira", "kwanza"), and the code. Regenerate with
`python -m tracker.extract.currency_lexicon > tracker/data/currency_lexicon.txt` (a test fails when it drifts).

Left out, by rules: supranational codes and units of account (X.., "Unidad de Fomento", "WIR Euro"), except
the CFA and CFP francs and the East Caribbean dollar; a noun several currencies share, alone ("dollar",
"franc"); codes and nouns that are common English words ("ALL", "TOP", "dong"). The project's own
currencies.txt and quantulum3's catalogue come first (units.tables()): this file adds what they lack.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from tracker.data_files import data_rows
from tracker.extract.unit_lexicon import LexiconUnit, common_words, render_rows
from tracker.patterns import compile_pattern

_HEADER = """\
# Currency lexicon generated from ISO 4217 (pycountry) and the gazetteer's demonyms. Generated: do not edit.
# Regenerate with: python -m tracker.extract.currency_lexicon > tracker/data/currency_lexicon.txt
# currencies.txt and unit_lexicon.txt come first: a currency or a form named there is read as they say.
# Syntax (as unit_lexicon.txt): canonical name | kind | pint expression | names | symbols
#   canonical name: ISO's name, lower case ("uganda shilling"); the demonym and the noun where ISO gives a
#                   bare noun or writes the noun first ("angolan kwanza", "omani rial").
#   names: comma-separated forms, singular and plural, matched case-insensitively after a number.
#   symbols: the ISO code, matched exactly, before or after the number ("UGX 5,000").
"""

#: ISO names that are units of account or funds, not money people are paid in.
_NOT_MONEY = compile_pattern(r"\(|Unidad|Unit|Codes|WIR|Mvdol|SDR|Sucre|Gold|Silver|Platinum|Palladium|Next day|"
                             r"Convertible Mark|Indexadas", re.IGNORECASE)
#: Supranational currencies kept, and the name each is read by.
_SUPRANATIONAL = {"XAF": "CFA Franc", "XOF": "CFA Franc", "XCD": "East Caribbean Dollar", "XPF": "CFP Franc"}


@dataclass(slots=True)
class _Currency:
    name: str  # canonical
    noun: str
    names: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)


#: ISO names written noun first, in the country's language's order.
_NOUN_FIRST = frozenset({"Bolívar Soberano", "Cordoba Oro", "Peso Uruguayo", "Rial Omani", "Yuan Renminbi"})


def _noun(iso_name: str) -> str:
    """The currency's noun: the last word of its ISO name, the first in a name written noun first."""
    words = iso_name.lower().split()
    return words[0] if iso_name in _NOUN_FIRST else words[-1]


def _unaccented(form: str) -> str:
    """The form as news often writes it, without accents ("bolivar", "guarani")."""
    return "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))


def _plural(noun: str) -> str:
    return noun if noun.endswith("s") else noun + "s"


def _demonyms() -> dict[str, str]:
    """ISO3 -> the first demonym the gazetteer gives the country."""
    out: dict[str, str] = {}
    for _, fields in data_rows("gazetteer.txt", 2):
        if fields[0] == "D":
            out.setdefault(fields[1], fields[2])
        elif fields[0] not in ("C", "D") and out:
            break  # the demonyms come in one block, near the top
    return out


def currency_units() -> list[LexiconUnit]:
    """Every usable ISO 4217 currency (build time only: loads pycountry)."""
    import pycountry

    common = common_words()
    demonyms = _demonyms()
    listed = [(c.alpha_3, _SUPRANATIONAL.get(c.alpha_3, c.name)) for c in pycountry.currencies
              if (not c.alpha_3.startswith("X") or c.alpha_3 in _SUPRANATIONAL) and not _NOT_MONEY.search(c.name)]
    currencies: dict[str, _Currency] = {}
    for code, iso_name in sorted(listed):
        noun = _noun(iso_name)
        country = pycountry.countries.get(alpha_2=code[:2]) if code[0] != "X" else None
        demonym = demonyms.get(country.alpha_3) if country is not None else None
        # ISO's own name when it already says whose currency it is ("Congolese Franc", "Fiji Dollar"); the
        # demonym before the noun for a bare noun ("Kwanza") or a name written noun first ("Rial Omani")
        named = len(iso_name.split()) > 1 and iso_name not in _NOUN_FIRST
        canonical = iso_name.lower() if named or not demonym else f"{demonym} {noun}".lower()
        currency = currencies.setdefault(canonical, _Currency(canonical, noun))
        forms = {iso_name.lower(), canonical} | ({f"{demonym} {noun}".lower()} if demonym else set())
        if country is not None:
            short = getattr(country, "common_name", None) or country.name
            if "," not in short and "(" not in short:
                forms.add(f"{short.lower()} {noun}")
        for form in forms:
            plural = form[: -len(noun)] + _plural(noun) if form.endswith(noun) else form
            currency.names.update((form, plural, _unaccented(form), _unaccented(plural)))
        if code.lower() not in common:
            currency.codes.add(code)
    owners: dict[str, set[str]] = defaultdict(set)
    for c in currencies.values():
        owners[c.noun].add(c.name)
    out = []
    for c in sorted(currencies.values(), key=lambda c: c.name):
        names = set(c.names)
        # "naira", "kwanza": a word of one currency alone
        if len(owners[c.noun]) == 1 and c.noun not in common and _plural(c.noun) not in common and len(c.noun) >= 3:
            names.update((c.noun, _plural(c.noun), _unaccented(c.noun), _unaccented(_plural(c.noun))))
        out.append(LexiconUnit(c.name, "money", None, tuple(sorted(names)), tuple(sorted(c.codes))))
    return out


def render_currencies(units: list[LexiconUnit]) -> str:
    """The text of data/currency_lexicon.txt for these currencies."""
    return _HEADER + render_rows(units)


if __name__ == "__main__":
    sys.stdout.write(render_currencies(currency_units()))
