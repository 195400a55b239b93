"""Places: where a document is, and where each of its figures counts (SPEC.md, "Events, places and statistics").

`find_places` finds every place a document names by looking up its capitalised word sequences in the
gazetteer (`tracker.analysis.gazetteer`), and decides what each ambiguous name stands for from the document's
other places. `main_place` says what place the document is mainly about; `figure_places` gives each figure
the most specific place it counts over: the nearest fitting place in its sentence, else its paragraph's, else
the place it is given (its event's).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tracker.analysis.gazetteer import Gazetteer, Reading, fold, gazetteer
from tracker.patterns import compile_pattern

if TYPE_CHECKING:
    from tracker.extract.sentences import Sentence
    from tracker.figure import Figure


@dataclass(frozen=True, slots=True)
class Place:
    """A place a figure counts over: country (ISO 3166-1 alpha-3), first-level region, locality, coordinates."""

    country: str
    admin1: str | None = None
    locality: str | None = None
    lat: float | None = None
    lon: float | None = None
    countries: tuple[str, ...] = ()  # multi-country places only ("Malawi and Mozambique"): all ISO3 codes

    def to_dict(self) -> dict[str, Any]:
        """The place as SPEC.md writes it: country, admin1, locality, lat, lon (and countries when set)."""
        out: dict[str, Any] = {"country": self.country, "admin1": self.admin1, "locality": self.locality,
                               "lat": self.lat, "lon": self.lon}
        if self.countries:
            out["countries"] = list(self.countries)
        return out

    def contains(self, other: Place) -> bool:
        """Whether `other` lies within this place (a place contains itself)."""
        if self.countries or other.countries:
            return self == other or (not other.countries and other.country in self.countries)
        if other.country != self.country:
            return False
        if self.admin1 is not None and self.admin1 != other.admin1:
            return False
        return self.locality is None or self.locality == other.locality


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place named in a document: its span, what it stands for, and how it is used there."""

    start: int
    end: int
    text: str
    place: Place
    level: str  # "country" | "admin1" | "locality"
    demonym: bool  # an adjective or noun naming a country's people ("Syrian", "Moroccans")
    in_name: bool = False  # part of a longer proper name ("Mariupol City Council", "Syrian Observatory")
    role: str = "place"  # "place"; "source" (it speaks: "Moscow said"); "speaking" ("told reporters in Geneva")
    locative: bool = False  # a word that places something stands before it ("in", "near", "the village of")

    @property
    def weak(self) -> bool:
        """Whether the mention only hints at a country (a demonym, a name inside a name, a speaker)."""
        return self.demonym or self.in_name or self.role != "place"


# --- reading the words of a document -------------------------------------------------------------------

_TOKEN = compile_pattern(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*")
_POSSESSIVE = ("'s", "’s")
_JOINING_GAP = compile_pattern(r"[ \t\u00a0]+|[ \t\u00a0]*-[ \t\u00a0]*")
_APOSTROPHES = str.maketrans("", "", "'’.")
#: lower-case words that may stand inside a place's name ("Bosnia and Herzegovina", "Rostov-on-Don")
_CONNECTORS = frozenset({"and", "of", "the", "de", "del", "la", "le", "al", "el", "da", "do", "du", "des", "on",
                         "upon", "am", "an", "der", "di", "y", "e", "en", "sur", "bin", "ibn", "ad", "ar", "as",
                         "ash", "at", "az", "ur", "es", "les", "los", "las", "dos", "das", "i"})
#: lower-case openings of a name written with its article ("al-Hol", "el-Fasher")
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "ath"})
#: capitalised words that open a sentence or a clause without belonging to the name after them
_FUNCTION_WORDS = frozenset({"the", "in", "at", "on", "from", "to", "for", "of", "and", "but", "with", "by", "near",
                             "across", "as", "after", "before", "since", "while", "when", "a", "an", "outside",
                             "inside", "into", "throughout", "around", "during", "over", "both", "neighbouring",
                             "neighboring", "between", "like", "unlike", "than", "via", "toward", "towards",
                             "including", "also", "if", "so", "yet", "or", "nor", "all", "where", "meanwhile",
                             "this", "that", "these", "those", "their", "his", "her", "its", "our", "every", "each",
                             "no", "another", "other", "some", "many", "most", "several", "few", "two",
                             "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
                             "thousands", "millions", "why", "how", "what", "who", "about", "against", "under",
                             "up", "amid", "despite", "without", "because", "although", "though", "then", "there",
                             "here", "now", "only", "even", "later", "earlier", "today", "yesterday"})
#: prepositions that place what follows: a small town after one needs no other support
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "over", "into",
                       "of", "between", "within"})
_SENTENCE_END = frozenset(".!?:")
#: words saying a place is beside a town, not in it ("near Moscow", "on the outskirts of Kyiv")
_NEAR = compile_pattern(r"\b(?:near|outside|outskirts\s+of|north|south|east|west|northeast|northwest|southeast"
                        r"|southwest)\s+(?:of\s+)?(?:the\s+)?(?:(?:\w+ern\s+)?(?:city|town|village)\s+of\s+)?\Z",
                        re.IGNORECASE)
#: month and weekday names: a town of that name needs a designator ("the town of March")
_CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
_SPEAKS = compile_pattern(r"[ \t\u00a0]+(?:(?:has|have|had|also)[ \t\u00a0]+)?", re.IGNORECASE)
_OPENERS = frozenset("\"'“‘([«—–-•*")
_COUNTRY_BONUS = 0.5
#: a locality of fewer people than this needs support: a locative word before it or its country in the text
_SMALL_TOWN = 100_000


class _Tokens:
    """The words of a document, split once: offsets, folded keys, whether each is capitalised."""

    __slots__ = ("caps", "keys", "spans", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(_TOKEN.finditer(text))
        self.words = [m.group() for m in matches]
        self.spans = [m.span() for m in matches]
        self.caps = [w[0].isupper() for w in self.words]
        self.keys = [w.lower() if w.isalpha() and w.isascii() else _word_key(w) for w in self.words]

    def start(self, i: int) -> int:
        return self.spans[i][0]

    def end(self, i: int) -> int:
        """Where word `i` ends, a possessive "'s" left out."""
        end = self.spans[i][1]
        return end - 2 if self.words[i].endswith(_POSSESSIVE) and len(self.words[i]) > 2 else end

    def key(self, i: int) -> str:
        """The folded word `i` ("" outside the text), a possessive "'s" left out."""
        return self.keys[i] if 0 <= i < len(self.keys) else ""

    def hyphened(self, i: int) -> bool:
        """Whether a hyphen joins word `i` to the word before it ("Pakistan-administered")."""
        return i > 0 and self.text[self.end(i - 1):self.start(i)] == "-"

    def joined(self, i: int) -> bool:
        """Whether word `i` follows word `i - 1` within one name (a space or a hyphen between them)."""
        return 0 < i < len(self.words) and _JOINING_GAP.fullmatch(self.text, self.end(i - 1), self.start(i)) is not None

    def starts_sentence(self, i: int) -> bool:
        """Whether word `i` opens a sentence, a line or a quotation."""
        pos = self.start(i) - 1
        text = self.text
        while pos >= 0 and (text[pos] in " \t\u00a0" or text[pos] in _OPENERS):
            pos -= 1
        return pos < 0 or text[pos] == "\n" or text[pos] in _SENTENCE_END


def _word_key(word: str) -> str:
    """The folded key of a word that is not plain ASCII letters: no possessive, apostrophes or dots."""
    if word.endswith(_POSSESSIVE) and len(word) > 2:
        word = word[:-2]
    return word.translate(_APOSTROPHES).lower() if word.isascii() else fold(word)


@dataclass(slots=True)
class _Candidate:
    """A gazetteer name found in the text, before its reading is decided."""

    first: int  # its first and last word
    last: int
    key: str
    readings: tuple[Reading, ...]
    designator: str | None = None  # "region" or "locality" (from a word after or before it), or None
    designator_word: str = ""
    in_name: bool = False
    initial: bool = False  # it opens a sentence, or stands in a headline written in capitals
    role: str = "place"
    locative: bool = False  # a locative word ("in", "near") stands before it
    end: int = 0


# --- finding places ------------------------------------------------------------------------------------

def _title_lines(tokens: _Tokens) -> list[tuple[int, int]]:
    """Lines written in title case or capitals ("Death Toll Rises In Kramatorsk"), where capitals tell nothing."""
    text, words, caps, spans = tokens.text, tokens.words, tokens.caps, tokens.spans
    out: list[tuple[int, int]] = []
    k, n = 0, len(words)
    line_start = 0
    while k < n:
        line_end = text.find("\n", spans[k][0])
        line_end = len(text) if line_end < 0 else line_end
        long = capitalised = 0
        while k < n and spans[k][0] < line_end:
            if len(words[k]) >= 4:
                long += 1
                capitalised += caps[k]
            k += 1
        if long >= 3 and capitalised >= 0.75 * long:
            out.append((line_start, line_end))
        line_start = line_end + 1
    return out


def _scan(tokens: _Tokens, gaz: Gazetteer, titles: Sequence[tuple[int, int]]) -> list[_Candidate]:
    """Every gazetteer name in the text, longest first, with the words around it read (names inside a longer
    name that opens before them, such as "Queen Elizabeth" or "Lake Chad", are left out)."""
    caps, words, key = tokens.caps, tokens.words, tokens.key
    n = len(words)
    region_words = gaz.cues["designator"]
    locality_words = gaz.cues["locality designator"]
    designators = region_words | locality_words
    out: list[_Candidate] = []
    resume = 0
    openings = [i for i, cap in enumerate(caps) if cap or words[i] in _ARTICLES]
    for i in openings:
        if i < resume:
            continue
        if not caps[i] and not (i + 1 < n and caps[i + 1] and tokens.joined(i + 1)):
            continue
        opening = key(i)
        longest = gaz.max_words.get(opening)
        if longest is None:
            continue
        run = 1  # the words that may continue a name: joined to it, capitalised or connecting
        while run < longest and i + run < n and tokens.joined(i + run) and (
                caps[i + run] or key(i + run) in _CONNECTORS or tokens.hyphened(i + run)):
            run += 1
        found = None
        for size in range(run, 0, -1):
            last = i + size - 1
            name = opening if size == 1 else " ".join(key(j) for j in range(i, last + 1))
            if name in gaz and (name not in gaz.acronyms or words[i].isupper() or "." in words[i]):
                found = _Candidate(i, last, name, gaz.readings(name))
                break
        if found is None:
            continue
        last = found.last
        # a designator after the name ("Donetsk region", "Gaza City", "Jabalia camp")
        if last + 1 < n and tokens.joined(last + 1) and key(last + 1) in designators:
            word = key(last + 1)
            if word in locality_words and last + 2 < n and key(last + 2) == "camp" and tokens.joined(last + 2):
                found.designator, found.designator_word, last = "locality", "camp", last + 2  # "refugee camp"
            else:
                found.designator = "region" if word in region_words and word not in locality_words else "locality"
                if word in region_words and word in locality_words:  # "municipality": either
                    found.designator = "region"
                found.designator_word = word
                last += 1
        # or before it: "the province of Idlib", "the village of Amizmiz", "the city of Blantyre"
        elif (found.first >= 2 and key(found.first - 1) == "of"
              and key(found.first - 2) in designators):
            word = key(found.first - 2)
            found.designator = "locality" if word in locality_words else "region"
            found.designator_word = word
        found.last, found.end = last, tokens.end(last)
        first = found.first
        if found.last == first and found.key in _CALENDAR_WORDS and not found.designator:
            resume = last + 1  # "in March", "on Sunday": a time, not the town of that name
            continue
        before = first - 1
        in_title = any(a <= tokens.start(first) < b for a, b in titles)
        if in_title:
            found.initial = True  # every word is capitalised there: capitals tell nothing
        elif (before >= 0 and caps[before] and tokens.joined(first) and key(before) not in _FUNCTION_WORDS
              and key(before) not in gaz.cues["compass"]
              and not (_is_country(key(before), gaz) and _is_country(found.key, gaz))):
            resume = last + 1  # "Queen Elizabeth", "Michael Jordan", "Lake Chad": part of another name
            continue
        elif (last + 1 < n and caps[last + 1] and tokens.joined(last + 1)
              and key(last + 1) not in _FUNCTION_WORDS and not _is_country(key(last + 1), gaz)):
            found.in_name = True  # "Mariupol City Council", "Syrian Observatory", "Jordan Henderson"
        if tokens.starts_sentence(first):
            found.initial = True
        prev = key(first - 1)
        found.locative = found.designator_word != "" and first >= 2 and key(first - 1) == "of"
        j = first - 1
        while j >= 0 and first - j <= 4 and (key(j) in gaz.cues["compass"] or key(j) == "the"):
            j -= 1  # "in southwestern Balochistan", "in the north of Moscow"
        found.locative = found.locative or (j >= 0 and key(j) in _LOCATIVE)
        # a speaker: "Moscow said", "UNICEF in Haiti said"; a place of speaking: "told reporters in Geneva"
        after = last + 1
        if after < n and key(after) in ("has", "have", "had", "also"):
            after += 1
        if after < n and key(after) in gaz.cues["speech verb"] and _SPEAKS.fullmatch(
                tokens.text, tokens.end(last), tokens.start(after)):
            found.role = "source"
        elif prev in ("in", "from") and first >= 2 and key(first - 2) in gaz.cues["speaking"]:
            found.role = "speaking"
        out.append(found)
        resume = last + 1
    return out


def _is_country(key: str, gaz: Gazetteer) -> bool:
    """Whether a word names a country (two countries side by side: "Malawi Mozambique")."""
    return key in gaz and any(r.level == "country" for r in gaz.readings(key))


def _country_votes(candidates: Sequence[_Candidate]) -> dict[str, float]:
    """How strongly the document names each country: from names that can only mean places of one country."""
    votes: dict[str, float] = defaultdict(float)
    for c in candidates:
        named = [r for r in c.readings if r.level == "country"]  # a country's name outweighs a small town's
        rivals = [r for r in c.readings if not named or r.level != "locality" or r.population >= _SMALL_TOWN]
        countries = {r.country for r in rivals}
        if len(countries) != 1 or all(r.word for r in c.readings):
            continue
        (country,) = countries
        weight = 2.0 if any(not r.demonym for r in named) else 1.0
        small = all(r.level == "locality" and r.population < _SMALL_TOWN for r in c.readings)
        if small and not c.locative:
            continue  # a small town's name may be a person's: it does not vote alone
        votes[country] += weight / 2 if c.in_name else weight
    return votes


def _choose(c: _Candidate, votes: dict[str, float], apposition: str | None) -> Reading | None:
    """The reading of a candidate, or None when it is not a place here."""
    readings = list(c.readings)
    if c.initial or c.in_name:
        readings = [r for r in readings if not r.word]  # "Split" opening a sentence, "Jordan Henderson"
    if c.designator == "region":
        regional = [r for r in readings if r.level in ("admin1", "admin2")]
        if regional:
            designated = [r for r in regional if r.designated]
            readings = designated or regional
        else:
            readings = [r for r in readings if r.level == "locality"]
    elif c.designator == "locality" and not any(r.level == "country" for r in readings):
        # "Gaza City", "the village of Amizmiz" (but "the second city of Lebanon" is the country)
        readings = [r for r in readings if r.level == "locality"] or readings
    else:
        readings = [r for r in readings if r.level != "admin2"]  # a second-level unit only when called one
    if apposition is not None:
        readings = [r for r in readings if r.country == apposition] or readings
    elif any(r.level == "country" for r in readings):
        # a country's name is not a small town of the same name ("Palestine", Texas) without an apposition
        readings = [r for r in readings if r.level != "locality" or r.population >= _SMALL_TOWN]
    supported = []
    for r in readings:
        needs = r.word or (r.level == "locality" and r.population < _SMALL_TOWN and not r.hand) or (
            c.in_name and r.level != "country")
        if needs and not (votes.get(r.country) or (c.locative and not c.in_name) or apposition == r.country):
            continue
        supported.append(r)
    if not supported:
        return None

    def score(r: Reading) -> tuple[float, ...]:
        # a country's name counts as if named twice more: "Palestine" is the country unless Texas is the topic
        support = votes.get(r.country, 0.0) + (_COUNTRY_BONUS if r.level == "country" else 0.0)
        own = {"country": 3, "locality": 2, "admin1": 1, "admin2": 0}[r.level]
        return (support, r.hand, not r.alias, own, r.population)

    return max(supported, key=score)


def _apposition(tokens: _Tokens, c: _Candidate, gaz: Gazetteer) -> str | None:
    """The country written right after a name ("Tripoli, Lebanon"; "Mobile, Alabama"), if any."""
    after = c.last + 1
    if after >= len(tokens.words) or tokens.text[tokens.end(c.last):tokens.start(after)].strip() != ",":
        return None
    for size in (3, 2, 1):
        key = " ".join(tokens.key(j) for j in range(after, min(after + size, len(tokens.words))))
        if tokens.caps[after] and key in gaz:
            countries = {r.country for r in gaz.readings(key) if r.level in ("country", "admin1") and not r.word}
            if len(countries) == 1:
                return countries.pop()
    return None


def _place_of(r: Reading, gaz: Gazetteer) -> Place:
    if r.level == "country":
        country = gaz.countries.get(r.country)
        return Place(r.country, None, None, country.lat if country else None, country.lon if country else None)
    if r.level == "locality":
        return Place(r.country, r.admin1, r.locality, r.lat, r.lon)
    return Place(r.country, r.admin1, None, None, None)


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in one document, in text order; ambiguous names decided by the document's other places."""
    gaz = gazetteer()
    tokens = _Tokens(text)
    candidates = _scan(tokens, gaz, _title_lines(tokens))
    votes = _country_votes(candidates)
    out: list[PlaceMention] = []
    for c in candidates:
        reading = _choose(c, votes, _apposition(tokens, c, gaz))
        start = tokens.start(c.first)
        if reading is None:
            continue
        if c.designator == "region" and reading.level == "locality":
            # "Taroudant province", "Kharkiv region": a region named after its town
            region = reading.admin1 if reading.admin1 and fold(reading.locality or "") in fold(reading.admin1) \
                else tokens.text[start:tokens.end(c.last - 1)]
            place = Place(reading.country, region, None, None, None)
            level = "admin1"
        else:
            place = _place_of(reading, gaz)
            level = "admin1" if reading.level == "admin2" else reading.level
        role = c.role
        if role == "source" and reading.level == "locality" and not reading.capital and not c.locative:
            continue  # "Jackson said": a person, not a town
        if role == "source" and reading.capital:
            country = gaz.countries.get(reading.country)  # "Moscow has denied": the government
            place = Place(reading.country, None, None, country.lat if country else None,
                          country.lon if country else None)
            level = "country"
        out.append(PlaceMention(start, c.end, text[start:c.end], place, level, reading.demonym, c.in_name, role,
                                c.locative))
    out.extend(_unlisted(text, tokens, out, votes, gaz))
    out.sort(key=lambda m: m.start)
    return out


# --- places the gazetteer lacks: "the village of X", "X camp" --------------------------------------------

_NAME = r"(?:(?:al|el|ad|ar|as|ash|at|az)-)?[A-Z][\w'’]+(?:[ -](?:(?:al|el)-)?[A-Z][\w'’]+){0,2}"
_OF_PLACES = frozenset({"village", "town", "hamlet", "settlement", "city", "camp", "neighbourhood", "neighborhood",
                        "suburb", "district", "province", "region", "governorate"})
_NAME_AFTER = compile_pattern(_NAME)
_WORD_BEFORE_OF = compile_pattern(r"([A-Za-z]+)\s+$")
_NAME_BEFORE_CAMP = compile_pattern(r"(" + _NAME + r")\s+(?:(?:refugee|displacement|displaced|IDP|transit)\s+)?$")
_NOT_A_NAME = frozenset({"the", "a", "refugee", "refugees", "camp", "military", "army", "base", "boot", "training",
                         "summer", "transit", "detention", "displacement", "idp", "this", "that", "one", "another",
                         "their", "his", "her", "its", "our", "new", "old", "main", "largest"})


def _named_by_pattern(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, word) of "the village of X" and "X camp" / "X refugee camp" in the text."""
    out: list[tuple[int, int, str, str]] = []
    pos = text.find(" of ")
    while pos >= 0:
        before = _WORD_BEFORE_OF.search(text, max(0, pos - 16), pos + 1)
        word = before.group(1).lower() if before else ""
        if word in _OF_PLACES:
            name = _NAME_AFTER.match(text, pos + 4)
            if name:
                out.append((name.start(), name.end(), name.group(), word))
        pos = text.find(" of ", pos + 4)
    pos = text.find(" camp")
    while pos >= 0:
        if not text[pos + 5:pos + 6].isalpha():
            name = _NAME_BEFORE_CAMP.search(text, max(0, pos - 80), pos + 1)
            if name:
                out.append((name.start(1), name.end(1), name.group(1), "camp"))
        pos = text.find(" camp", pos + 5)
    return out


def _unlisted(text: str, tokens: _Tokens, found: list[PlaceMention], votes: dict[str, float],
              gaz: Gazetteer) -> list[PlaceMention]:
    """Localities and regions the gazetteer lacks, named by a pattern a reader knows them by."""
    taken = [(m.start, m.end) for m in found]
    out: list[PlaceMention] = []
    matches = _named_by_pattern(text)
    for start, end, name, word in matches:
        words = name.replace("-", " ").split()
        if fold(words[0]) in _NOT_A_NAME or any(a < end and start < b for a, b in taken):
            continue
        if word == "camp" and start > 0 and _starts_sentence(text, start) and fold(words[0]) in _FUNCTION_WORDS:
            continue
        country = _country_near(found, start) or (max(votes, key=votes.__getitem__) if votes else None)
        if country is None:
            continue
        if word in ("district", "province", "region", "governorate"):
            place, level = Place(country, name, None, None, None), "admin1"
        else:
            place, level = Place(country, None, f"{name} camp" if word == "camp" else name, None, None), "locality"
        taken.append((start, end))
        out.append(PlaceMention(start, end, name, place, level, False, locative=True))
    return out


def _starts_sentence(text: str, start: int) -> bool:
    pos = start - 1
    while pos >= 0 and text[pos] in " \t\u00a0\"'“‘(":
        pos -= 1
    return pos < 0 or text[pos] in "\n.!?:"


def _country_near(found: Sequence[PlaceMention], pos: int) -> str | None:
    """The country of the place named nearest before `pos` (else after it), within 300 characters."""
    before = [m for m in found if m.end <= pos and pos - m.end < 300]
    if before:
        return before[-1].place.country
    after = [m for m in found if m.start >= pos and m.start - pos < 300]
    return after[0].place.country if after else None


# --- what a document is about --------------------------------------------------------------------------

def _coordination(mentions: Sequence[PlaceMention], k: int, text: str) -> list[PlaceMention]:
    """The countries named together with mention `k` ("Malawi, Mozambique and Madagascar"), in text order."""
    group = [mentions[k]]
    if mentions[k].level != "country" or mentions[k].weak:
        return group
    link = compile_pattern(r"\s*(?:,|and|&|,\s*and)\s*", re.IGNORECASE)
    j = k
    while j > 0 and mentions[j - 1].level == "country" and not mentions[j - 1].weak \
            and link.fullmatch(text, mentions[j - 1].end, mentions[j].start):
        j -= 1
        group.insert(0, mentions[j])
    j = k
    while j + 1 < len(mentions) and mentions[j + 1].level == "country" and not mentions[j + 1].weak \
            and link.fullmatch(text, mentions[j].end, mentions[j + 1].start):
        j += 1
        group.append(mentions[j])
    return group


def _multi(group: Sequence[PlaceMention]) -> Place:
    """One place for a group of countries: the first named, with all of them in `countries`."""
    codes = tuple(dict.fromkeys(m.place.country for m in group))
    first = group[0].place
    if len(codes) < 2:
        return first
    return Place(first.country, None, None, first.lat, first.lon, codes)


def main_place(text: str, mentions: Sequence[PlaceMention], title: str | None = None) -> Place | None:
    """The place a document is mainly about (headline and lead first); a locality comes with its admin1 and country."""
    weighted: list[tuple[PlaceMention, float]] = []
    head_end = text.find("\n") if "\n" in text else len(text)
    lead_end = _lead_end(text, head_end)
    if title and not text.lstrip().startswith(title.strip()):
        headline, headline_text = find_places(title), title
        weighted += [(m, 3.0) for m in headline]
        weighted += [(m, 2.0 if m.start < lead_end else 1.0) for m in mentions]
    else:
        headline, headline_text = [m for m in mentions if m.start < head_end], text
        weighted += [(m, 3.0 if m.start < head_end else 2.0 if m.start < lead_end else 1.0) for m in mentions]
    country_score: dict[str, float] = defaultdict(float)
    region_score: dict[tuple[str, str], float] = defaultdict(float)
    locality_score: dict[tuple[str, str | None, str], float] = defaultdict(float)
    places: dict[tuple[str, str | None, str | None], Place] = {}
    first_seen: dict[str, int] = {}
    for order, (m, weight) in enumerate(weighted):
        if m.role == "speaking":
            continue
        if m.weak:
            weight /= 2
        elif m.locative:
            weight *= 1.5  # "in Gaza": where things happen, rather than who acts ("US intelligence")
        p = m.place
        for code in p.countries or (p.country,):
            country_score[code] += weight
            first_seen.setdefault(code, order)
        if p.admin1:
            region_score[p.country, p.admin1] += weight
        if p.locality and not m.weak and not _NEAR.search(text, max(0, m.start - 30), m.start):
            locality_score[p.country, p.admin1, p.locality] += weight
        places.setdefault((p.country, p.admin1, p.locality), p)
    if not country_score:
        return None
    country = max(country_score, key=lambda c: (country_score[c], -first_seen[c]))
    # countries named together in the headline ("in Malawi and Mozambique") make one place
    strong_head = [m for m in headline if not m.weak and m.level == "country"]
    for k, m in enumerate(headline):
        if m in strong_head and m.place.country == country:
            group = _coordination(headline, k, headline_text)
            if len(group) > 1:
                return _multi(group)
    # "in the Krasnogorsk suburb", "the village of Amizmiz": a locality the lead places things in by its kind
    placed = [m for m, _ in weighted if m.locative and not m.weak and m.level == "locality" and m.start < lead_end
              and m.place.country == country and m.text != m.place.locality]
    if placed:
        return placed[0].place
    regions = {k: v for k, v in region_score.items() if k[0] == country}
    if not regions:
        return _country_place(country)
    region = max(regions, key=regions.__getitem__)
    if regions[region] < 0.5 * country_score[country]:
        return _country_place(country)
    localities = {k: v for k, v in locality_score.items() if k[0] == country and k[1] == region[1]}
    if localities:
        locality = max(localities, key=localities.__getitem__)
        if localities[locality] >= 0.5 * regions[region]:
            return places[locality]
    return places.get((country, region[1], None)) or Place(country, region[1], None, None, None)


def _lead_end(text: str, head_end: int) -> int:
    """Where the lead ends: two sentences after the headline."""
    pos, found = head_end, 0
    for m in re.finditer(r"[.!?](?=\s)", text[head_end:head_end + 1500]):
        found += 1
        pos = head_end + m.end()
        if found == 2:
            break
    return pos if found else len(text)


def _country_place(code: str) -> Place:
    country = gazetteer().countries.get(code)
    return Place(code, None, None, country.lat if country else None, country.lon if country else None)


# --- where each figure counts --------------------------------------------------------------------------

_CLAUSE_BREAK = compile_pattern(r";|,\s+(?:while|whereas|but|although|though)\b|\s+(?:while|whereas)\s+")


def figure_places(text: str, sentences: Sequence[Sentence], figures: Sequence[Figure],
                  mentions: Sequence[PlaceMention], fallback: Place | None) -> list[Place | None]:
    """For each figure, the most specific place it counts over: the nearest fitting place in its sentence,
    else its paragraph's, else `fallback` (the figure's event's place)."""
    starts = [s.start for s in sentences]
    mention_starts = [m.start for m in mentions]
    widening = gazetteer().widening
    context = fallback.country if fallback else _top_country(mentions)
    out: list[Place | None] = []
    by_sentence: dict[int, list[Figure]] = defaultdict(list)
    for f in figures:
        by_sentence[bisect_right(starts, f.start) - 1].append(f)
    for f in figures:
        k = bisect_right(starts, f.start) - 1
        if k < 0:
            out.append(fallback)
            continue
        sentence = sentences[k]
        lo, hi = _clause(text, sentence, f.start)
        lowered = text[lo:hi].lower()
        wide = any(w in lowered for w in widening)
        inside = mentions[bisect_right(mention_starts, sentence.start - 1):bisect_right(mention_starts, sentence.end)]
        chosen = _nearest(text, f, inside, by_sentence[k], lo, hi, fallback)
        place: Place | None
        if chosen is not None:
            place = _as_counted(chosen, mentions, text)
            if wide and place.country == context and not place.countries:
                place = _country_place(place.country)  # "across the country"
            elif fallback is not None and place.contains(fallback) and place != fallback and not wide:
                place = fallback  # "Ukraine says 50 died": the event's place is the more specific one
        elif wide and context:
            place = _country_place(context)
        else:
            place = _earlier_in_paragraph(f, sentences, starts, mentions, fallback)
            if place is None or (fallback is not None and not fallback.contains(place)
                                 and _related(place, fallback)):
                place = fallback  # a place of the paragraph only where it narrows the event's place
        out.append(place)
    return out


def _related(place: Place, fallback: Place | None) -> bool:
    """Whether a place shares a country with the event's place (or is one of its countries)."""
    if fallback is None:
        return True
    mine, theirs = set(place.countries or (place.country,)), set(fallback.countries or (fallback.country,))
    return bool(mine & theirs)


def _fitting(pool: Sequence[PlaceMention], fallback: Place | None) -> list[PlaceMention]:
    """The places of a pool a figure may count over: those of the event's country when any is there; a place
    abroad only where a locative word puts the figure there ("over Sinai", not "a Capitol Hill source")."""
    related = [m for m in pool if _related(m.place, fallback)]
    return related or [m for m in pool if m.locative]


def _most_specific(chosen: PlaceMention, pool: Sequence[PlaceMention]) -> PlaceMention:
    """The most specific place of the pool within the chosen one ("Malawi's commercial capital Blantyre")."""
    rank = {"country": 0, "admin1": 1, "locality": 2}
    inner = [m for m in pool if chosen.place.contains(m.place) and rank[m.level] > rank[chosen.level]]
    return max(inner, key=lambda m: rank[m.level]) if inner else chosen


def _nearest(text: str, f: Figure, inside: Sequence[PlaceMention], figures: Sequence[Figure], lo: int, hi: int,
             fallback: Place | None) -> PlaceMention | None:
    """The place a figure's own words name: in the words between it and its neighbouring figures (after it
    first, a place after a locative word first), else in its clause, else in its sentence; never a demonym, a
    speaker or a place of speaking, nor a town something else is near ("the quake struck near the city of
    Kahramanmaras")."""
    strong = [m for m in inside if not m.weak and not _NEAR.search(text, max(0, m.start - 40), m.start)]
    if not strong:
        return None
    next_start = min([g.start for g in figures if g is not f and g.start >= f.end] + [hi])
    prev_end = max([g.end for g in figures if g is not f and g.end <= f.start] + [lo])
    segment = [m for m in strong if prev_end <= m.start and m.end <= next_start]
    clause = [m for m in strong if lo <= m.start and m.end <= hi]
    for pool in (segment, clause, strong):
        pool = _fitting(pool, fallback)
        if not pool:
            continue
        after = [m for m in pool if m.start >= f.end]
        before = [m for m in pool if m.end <= f.start]
        for chosen in ([m for m in after if m.locative][:1] + [m for m in before if m.locative][-1:]
                       + after[:1] + before[-1:]):
            return _most_specific(chosen, pool)
    return None


def _earlier_in_paragraph(f: Figure, sentences: Sequence[Sentence], starts: list[int],
                          mentions: Sequence[PlaceMention], fallback: Place | None) -> Place | None:
    """The place named last before a figure in its paragraph (the most specific of its sentence)."""
    paragraph = _paragraph(sentences, starts, f.start)
    earlier = _fitting([m for m in mentions if not m.weak and m.end <= f.start
                        and _paragraph(sentences, starts, m.start) == paragraph], fallback)
    if not earlier:
        return None
    last = earlier[-1]
    k = bisect_right(starts, last.start) - 1
    same = [m for m in earlier if bisect_right(starts, m.start) - 1 == k]
    return _most_specific(last, same).place


def _top_country(mentions: Sequence[PlaceMention]) -> str | None:
    votes: dict[str, float] = defaultdict(float)
    for m in mentions:
        votes[m.place.country] += 0.5 if m.weak else 1.0
    return max(votes, key=votes.__getitem__) if votes else None


def _paragraph(sentences: Sequence[Sentence], starts: list[int], pos: int) -> int:
    k = bisect_right(starts, pos) - 1
    return sentences[k].paragraph if k >= 0 else -1


def _clause(text: str, sentence: Sentence, pos: int) -> tuple[int, int]:
    """The clause of a sentence holding `pos`: the sentence cut at ';' and ', while' / ', but' ..."""
    lo, hi = sentence.start, sentence.end
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= pos:
            hi = m.start()
            break
    return lo, hi


def _as_counted(m: PlaceMention, mentions: Sequence[PlaceMention], text: str) -> Place:
    """The place a mention gives a figure: countries named together make one multi-country place."""
    if m.level == "country":
        k = mentions.index(m)
        group = _coordination(mentions, k, text)
        if len(group) > 1:
            return _multi(group)
    return m.place


def country_name(code: str) -> str:
    """The common English name of a country by its ISO 3166-1 alpha-3 code (the code itself if unknown)."""
    return gazetteer().country_names.get(code, code)


def locality_population(place: Place) -> int:
    """How many people live in a place's locality, by the gazetteer (0 when unknown or not a locality)."""
    if not place.locality:
        return 0
    return max((r.population for r in gazetteer().readings(fold(place.locality))
                if r.level == "locality" and r.country == place.country), default=0)
