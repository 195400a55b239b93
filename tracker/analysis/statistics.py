"""Statistics: one cell of a casualty table, keyed by event, category, population, place scope and period.

* population: the family of the counted noun (entity_families.txt: "troops" and "soldiers" are
  combatants, "deaths" and "bodies" people); "civilians" are their own row only where the coverage of the
  event tells them apart (a war, or a text that gives civilians as part of a larger toll), else people;
* place scope: the figure's place when it is a part of its event's area (a province of a national flood,
  one country of a two-country quake) and the figure does not restate a toll of the whole event; else the
  event's own;
* period: cumulative, or the bounded period of the figure (tracker.analysis.periods).

Only casualty and humanitarian categories are statistics. A statistic's parent is the first that exists
of: the same with the population widened (children -> people), with the place widened (a province -> the
event's place), with the period widened (past 24 hours -> cumulative); else the statistic of the figures
the text gives it as part of.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from tracker.analysis.bounds import magnitude, magnitude_ratio, mention_interval
from tracker.analysis.event_clusters import place_name
from tracker.analysis.families import entity_family, family_words, load_families
from tracker.analysis.places import Place
from tracker.analysis.timeline import official_state
from tracker.analysis.types import CUMULATIVE, DocumentInput, EventOut, MentionInput, StatisticOut
from tracker.data_files import data_rows
from tracker.extract.trie import trie_pattern
from tracker.figure import CASUALTY_CATEGORIES
from tracker.patterns import compile_pattern

#: The categories that are statistics (a magnitude, a price or a wind speed never is).
STATISTIC_CATEGORIES = frozenset((*CASUALTY_CATEGORIES, "aid", "damage"))
DEFAULT_POPULATION = "people"
#: How far after a number (characters) a condition may stand ("80 people injured in the attack remain in
#: hospital").
CONDITION_REACH = 60
#: How far after a count its part may be named, and the words that name it as one.
PART_REACH = 80
_PART_WORDS = r"(?:including|of\s+(?:which|whom|them)|among\s+(?:them|whom|those))"
_PART_LINK = compile_pattern(rf"\b{_PART_WORDS}\b", re.IGNORECASE)
#: Where a count's clause ends: a comma, semicolon, full stop or a spaced dash ("three children – one child is
#: in serious condition": the condition is the one child's).
_CLAUSE_END = compile_pattern(r"[,;.]|\s[–—-]\s")
#: A part named between commas after a count ("80 people, including six children, remain in hospital"): the
#: count's own predicate comes after it.
_PARENTHETICAL = compile_pattern(rf",\s*{_PART_WORDS}\b[^,;.]{{0,40}},", re.IGNORECASE)
#: A town's figure this close to a wider place's (or above it) is that count stated beside a town, not a
#: part of it ("1.6 million houses" beside one town, of 1.68 million in the country); a region or a
#: country may hold most of a toll (Malawi's 190 of 200 in two countries).
MIN_PART_SHARE = 0.9
#: Shares are not counts: "more than half of them" of the injured is not a value of the injured row.
NOT_COUNTED_UNITS = frozenset({"percent", "fraction"})
#: Two figures this close in size (with compatible bounds) state one number ("some 2,000", "2,000").
SAME_NUMBER_RATIO = 1.02
#: Events in whose coverage civilians are a row of their own, apart from all the dead.
_CIVILIAN_EVENT_TYPES = frozenset({"war", "offensive", "clashes"})


@dataclass(frozen=True, slots=True)
class StatisticKey:
    """What makes a statistic: event, category, population, place scope (None: the event's), period."""

    event: str
    category: str
    population: str
    place: Place | None
    period: str

    def widened(self) -> list[StatisticKey]:
        """The keys of the statistics this one may be part of, nearest first."""
        out = []
        parent_population = load_families().parent_of.get(self.population) or _condition_parent(self.population)
        if parent_population is not None:
            out.append(StatisticKey(self.event, self.category, parent_population, self.place, self.period))
        if self.place is not None:
            out.append(StatisticKey(self.event, self.category, self.population, None, self.period))
        if self.period != CUMULATIVE:
            out.append(StatisticKey(self.event, self.category, self.population, self.place, CUMULATIVE))
        return out


_NUMBER_OF = compile_pattern(r"\b(?:number|total|tally|count)\s+of\s+([a-z][a-z-]+)", re.IGNORECASE)


@cache
def _conditions() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = {" ".join(phrase.lower().split()): population
            for _, (phrase, population) in ((n, r[:2]) for n, r in data_rows("population_conditions.txt", 2))}
    return compile_pattern(rf"\b(?:{trie_pattern(rows)})\b", re.IGNORECASE), rows


def _condition_parent(population: str) -> str | None:
    """The population a condition's population is part of: "children, hospitalised" of children,
    "hospitalised" of people."""
    if "," in population:
        return population.split(",", 1)[0]
    return DEFAULT_POPULATION if population in _conditions()[1].values() else None


def condition_of(m: MentionInput) -> str | None:
    """The condition a count of people names after it ("80 remain in hospital"): a row of its own."""
    at = m.sentence.find(m.text)
    if at < 0:
        return None
    after = _PARENTHETICAL.sub(" ", m.sentence[at + len(m.text):at + len(m.text) + CONDITION_REACH + 40])
    after = _CLAUSE_END.split(after[:CONDITION_REACH], maxsplit=1)[0]
    pattern, rows = _conditions()
    found = pattern.search(after)
    return rows[" ".join(found.group().lower().split())] if found else None


def _named_as_part(part: MentionInput, whole: MentionInput) -> bool:
    """Whether the sentence names `part` as a part of `whole` just after it ("107 patients ..., of which three
    children"; "80 people, including six children")."""
    if part.sentence != whole.sentence or whole.unit != "count":
        return False
    end = part.sentence.find(whole.text) + len(whole.text)
    start = part.sentence.find(part.text, end)
    return len(whole.text) <= end <= start <= end + PART_REACH and bool(_PART_LINK.search(part.sentence, end, start))


def population_of(m: MentionInput, whole: MentionInput | None = None) -> str:
    """The population a figure counts: its counted noun's family; for a bare number, the noun of "the number
    of houses ... rose to 1.8 million" before it; else people. People in a condition ("in hospital") are a
    population of their own; a part (`whole`: the figure it is part of) is in its whole's condition unless
    it names its own ("107 patients in medical institutions, of which three children")."""
    if m.unit != "count":
        return DEFAULT_POPULATION
    family = entity_family(m.entity)
    condition = condition_of(m) or (condition_of(whole) if whole is not None and _named_as_part(m, whole) else None)
    if condition is not None:
        # a noun that already names the condition adds nothing ("107 patients in medical institutions")
        plain = family in (None, DEFAULT_POPULATION) or condition in family_words(family)
        return condition if plain else f"{family}, {condition}"
    if family is None:
        at = m.sentence.find(m.text)
        named = _NUMBER_OF.findall(m.sentence, 0, at if at >= 0 else len(m.sentence))
        family = entity_family(named[-1]) if named else None
    return family or DEFAULT_POPULATION


def _within(inner: Place, outer: Place) -> bool:
    """Whether `inner` lies within `outer` (or is it)."""
    if outer.countries:
        if inner.countries:
            return set(inner.countries) <= set(outer.countries)
        return inner.country in outer.countries
    if inner.countries:
        return False
    if inner.country != outer.country:
        return False
    if outer.admin1 and (not inner.admin1 or _norm(outer.admin1) != _norm(inner.admin1)):
        return False
    return not (outer.locality and (not inner.locality or _norm(outer.locality) != _norm(inner.locality)))


def place_scope(figure_place: Place | None, event_place: Place | None) -> Place | None:
    """The figure's place when it is a part of its event's area; None: the event's own toll.

    A place as wide as the event's or wider is the event's own; a place outside it is where people went
    ("2,000 troops fled to Iraq") or where someone spoke, not a part of the event's toll.
    """
    if figure_place is None or event_place is None:
        return None
    if _within(event_place, figure_place) or not _within(figure_place, event_place):
        return None
    return figure_place


def _norm(name: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", name).lower())


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def key_string(key: StatisticKey) -> str:
    """The statistic's id: "<event>/<category>[/<population>][/<place>][/<period>]"."""
    parts = [key.event, key.category]
    if key.population != DEFAULT_POPULATION:
        parts.append(_slug(key.population))
    if key.place is not None:
        parts.append(_slug(place_name(key.place)) or key.place.country.lower())
    if key.period != CUMULATIVE:
        parts.append(_slug(key.period))
    return "/".join(parts)


def _label(key: StatisticKey, event: EventOut) -> str:
    parts = [key.category]
    if key.population != DEFAULT_POPULATION:
        parts.append(key.population)
    if key.place is not None:
        parts.append(place_name(key.place))
    if key.period != CUMULATIVE:
        parts.append(key.period)
    return f"{event.label}: {', '.join(parts)}"


def _distinct_civilians(docs: Sequence[DocumentInput], event_of: Mapping[int, str],
                        events: Mapping[str, EventOut]) -> set[tuple[str, str]]:
    """(event, category) pairs whose coverage tells civilians apart from all the dead."""
    out = {(k, c) for k, e in events.items() if e.type in _CIVILIAN_EVENT_TYPES for c in STATISTIC_CATEGORIES}
    for doc in docs:
        by_id = {m.figure_id: m for m in doc.mentions}
        for m in doc.mentions:
            parent = by_id.get(m.parent_figure_id) if m.parent_figure_id is not None else None
            if parent is not None and population_of(m) == "civilians" and population_of(parent) != "civilians" \
                    and m.figure_id in event_of:
                out.add((event_of[m.figure_id], m.category))
    return out


def statistic_keys(
    docs: Sequence[DocumentInput], event_of: Mapping[int, str], events: Mapping[str, EventOut],
    officials: frozenset[str] = frozenset(),
) -> dict[int, StatisticKey]:
    """Each figure's statistic key (figures of no event, or of other categories, have none); `officials`:
    the people the documents give an official title (tracker.analysis.timeline.official_people)."""
    civilians = _distinct_civilians(docs, event_of, events)
    keys: dict[int, StatisticKey] = {}
    mentions: dict[int, MentionInput] = {}
    for doc in docs:
        by_id = {m.figure_id: m for m in doc.mentions}
        for m in doc.mentions:
            event_key = event_of.get(m.figure_id)
            if event_key is None or m.category not in STATISTIC_CATEGORIES or m.unit in NOT_COUNTED_UNITS or (
                    m.value is None and m.low is None and m.high is None):
                continue
            whole = by_id.get(m.parent_figure_id) if m.parent_figure_id is not None else None
            population = population_of(m, whole)
            if population == "civilians" and (event_key, m.category) not in civilians:
                population = DEFAULT_POPULATION
            event_place = events[event_key].place
            scope = place_scope(m.place, event_place) if m.own_place else None
            if scope is None and event_place is not None and len(event_place.countries) > 1 \
                    and not (m.own_place and m.place is not None and m.place.countries):
                # a quake across two countries: "Turkish President Erdogan said 35,418 were killed" counts Turkey
                state = official_state(m, officials)
                if state is not None and state in event_place.countries:
                    scope = Place(state)
            keys[m.figure_id] = StatisticKey(event_key, m.category, population, _bare(scope), m.period)
            mentions[m.figure_id] = m
    # A place named beside a wider toll ("2,000 fighters left their positions around Damascus") is not a
    # breakdown: a figure that agrees with a figure of a wider place counts that place.
    by_row: dict[tuple[str, str, str, str], list[tuple[float, Place | None, MentionInput]]] = defaultdict(list)
    for figure_id, key in keys.items():
        size = magnitude(mentions[figure_id])
        if size is not None:
            by_row[(key.event, key.category, key.population, key.period)].append((size, key.place, mentions[figure_id]))
    for row in by_row.values():
        row.sort(key=lambda item: item[0])
    sizes = {k: [item[0] for item in row] for k, row in by_row.items()}
    for figure_id, key in keys.items():
        size = magnitude(mentions[figure_id])
        if key.place is None or size is None:
            continue
        row_key = (key.event, key.category, key.population, key.period)
        row = by_row[row_key]
        near = row[bisect_left(sizes[row_key], size / SAME_NUMBER_RATIO):bisect_right(
            sizes[row_key], size / MIN_PART_SHARE)]
        wider = [place for other_size, place, other in near
                 if place != key.place and (place is None or _within(key.place, place))
                 and (_agree(mentions[figure_id], other)
                      or (key.place.locality is not None and size >= MIN_PART_SHARE * other_size))]
        if wider:  # the widest place that states the same number
            keys[figure_id] = dataclasses.replace(key, place=None if None in wider else _bare(min(
                wider, key=lambda p: (p is not None and bool(p.locality), p is not None and bool(p.admin1)))))
    # A part counts where its whole counts ("536 children among the 1,508 fatalities"), whatever place a
    # sentence before named.
    for figure_id, key in list(keys.items()):
        m = mentions[figure_id]
        whole_key = keys.get(m.parent_figure_id) if m.parent_figure_id is not None else None
        if whole_key is not None and mentions[m.parent_figure_id].sentence == m.sentence:  # type: ignore[index]
            keys[figure_id] = dataclasses.replace(key, place=_bare(whole_key.place))
    return keys


def _bare(place: Place | None) -> Place | None:
    """A place as a statistic keys it: by its names, whatever coordinates a mention carried."""
    if place is None:
        return None
    return Place(place.country, place.admin1, place.locality, None, None, place.countries)


def _agree(a: MentionInput, b: MentionInput) -> bool:
    """Whether two figures state one number: the same value, or closed bounds about one size ("some 2,000"
    and "2,000"; not "at least 99" and "more than 100", which only share a floor)."""
    if a.value is not None and a.value == b.value and a.qualifier == b.qualifier:
        return True
    ia, ib = mention_interval(a), mention_interval(b)
    closed = math.isfinite(ia.high) and math.isfinite(ib.high)
    return closed and ia.overlaps(ib) and magnitude_ratio(magnitude(a), magnitude(b)) <= SAME_NUMBER_RATIO


def build_statistics(
    docs: Sequence[DocumentInput],
    keys: Mapping[int, StatisticKey],
    events: Mapping[str, EventOut],
) -> tuple[list[StatisticOut], dict[int, str]]:
    """The statistics of the figures' keys, with parents and labels; and each figure's statistic id."""
    ids: dict[StatisticKey, str] = {}
    for key in keys.values():
        if key not in ids:
            ids[key] = key_string(key)
    taken: dict[str, StatisticKey] = {}
    for key, string in list(ids.items()):
        if string in taken and taken[string] != key:  # two places of one name: keep both apart
            n = 2
            while f"{string}-{n}" in taken:
                n += 1
            ids[key] = f"{string}-{n}"
        taken[ids[key]] = key
    statistic_of = {figure_id: ids[key] for figure_id, key in keys.items()}
    linked: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for m in doc.mentions:
            if m.parent_figure_id is not None and m.figure_id in statistic_of \
                    and m.parent_figure_id in statistic_of:
                linked[statistic_of[m.figure_id]][statistic_of[m.parent_figure_id]] += 1
    out = []
    for key, string in ids.items():
        parent = next((ids[w] for w in key.widened() if w in ids), None)
        if parent is None and linked[string]:
            candidate = max(linked[string], key=lambda s: (linked[string][s], s))
            if candidate != string and not _is_ancestor(string, candidate, ids, taken):
                parent = candidate
        event = events[key.event]
        out.append(StatisticOut(
            key=string, label=_label(key, event), event_key=key.event, category=key.category,
            population=key.population, place=key.place or event.place, period=key.period, parent_key=parent,
            headline_figure_id=None,
        ))
    return sorted(out, key=lambda s: s.key), statistic_of


def _is_ancestor(child: str, candidate: str, ids: Mapping[StatisticKey, str],
                 taken: Mapping[str, StatisticKey]) -> bool:
    """Whether `child` is already an ancestor of `candidate` by the widening rule (a link would loop)."""
    key: StatisticKey | None = taken[candidate]
    seen = set()
    while key is not None and ids[key] not in seen:
        seen.add(ids[key])
        if ids[key] == child:
            return True
        key = next((w for w in key.widened() if w in ids), None)
    return False
