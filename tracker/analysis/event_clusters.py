"""Events across documents: the reports of one event from several outlets and days become one event.

Two document events are one event when their types are of one family (event_types.txt), their places
agree (a shared country; for attacks, the same town or towns of one area when both name one) and their
times lie
within the family's window (a strike: days; a quake or a flood: weeks; a war: open), or cannot be told
apart because a date is missing. A past event ("the 2004 Beslan siege") only ever joins a past event of
the same year and place; two named storms of different names are two events.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from tracker.analysis.events import event_types, final_type
from tracker.analysis.places import Place, country_name, locality_population
from tracker.analysis.types import DocumentEvent, EventOut

_ATTACK = "attack"
#: Towns this close (km) are one area: a suburb and its city, where reports of one attack differ.
SAME_AREA_KM = 25.0


@dataclass
class _Cluster:
    family: str
    historical: bool
    members: list[tuple[int, DocumentEvent]] = field(default_factory=list)
    start: date | None = None
    year: int | None = None
    name: str | None = None
    countries: set[str] = field(default_factory=set)
    locality: str | None = None
    admin1: str | None = None
    coordinates: tuple[float | None, float | None] = (None, None)

    def add(self, document_id: int, event: DocumentEvent) -> None:
        self.members.append((document_id, event))
        if event.start is not None and (self.start is None or event.start < self.start):
            self.start = event.start
        if self.year is None and event.year is not None:
            self.year = event.year
        self.name = self.name or event.name
        if event.place is not None:
            self.countries.update(_countries(event.place))
            if self.locality is None and event.place.locality:
                self.locality, self.coordinates = event.place.locality, (event.place.lat, event.place.lon)
            self.admin1 = self.admin1 or event.place.admin1


def _countries(place: Place) -> set[str]:
    return set(place.countries) | {place.country} if place.countries else {place.country}


def _window(kind: str) -> int | None:
    return event_types()[kind if kind in event_types() else "other"].window


def _family(kind: str) -> str:
    return event_types()[kind if kind in event_types() else "other"].family


def _fits(cluster: _Cluster, event: DocumentEvent) -> bool:
    """Whether a document event reports the cluster's event."""
    if cluster.historical != event.historical or cluster.family != _family(event.type):
        return False
    if cluster.name and event.name and cluster.name.lower() != event.name.lower():
        return False
    if event.place is not None and cluster.countries:
        if not _countries(event.place) & cluster.countries:
            return False
        if (cluster.family == _ATTACK or event.historical) and not _one_area(cluster, event.place):
            return False
    window = _window(event.type)
    if event.historical:
        return cluster.year == event.year
    if cluster.start is not None and event.start is not None:
        return window is None or abs((event.start - cluster.start).days) <= window
    if cluster.year is not None and event.year is not None and window is not None:
        return abs(cluster.year - event.year) <= (0 if window < 180 else 1)
    return True


def _one_area(cluster: _Cluster, place: Place) -> bool:
    """Whether a place is the cluster's town (or region) or lies in the same town's area ("a concert hall
    near Moscow" and "the Krasnogorsk suburb": towns within `SAME_AREA_KM` of each other)."""
    if cluster.locality and place.locality and _norm(cluster.locality) != _norm(place.locality):
        return _km(cluster.coordinates, (place.lat, place.lon)) <= SAME_AREA_KM
    if cluster.admin1 and place.admin1 and _norm(cluster.admin1) != _norm(place.admin1):
        return cluster.locality is not None and place.locality is not None \
            and _km(cluster.coordinates, (place.lat, place.lon)) <= SAME_AREA_KM
    return True


def _km(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> float:
    """Great-circle distance in kilometres (infinite when a coordinate is missing)."""
    if None in a or None in b:
        return math.inf
    lat1, lon1, lat2, lon2 = (math.radians(float(x)) for x in (*a, *b))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _norm(name: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", name).lower())


def _sort_key(item: tuple[int, datetime | None, DocumentEvent]) -> tuple[bool, date, int, int]:
    document_id, published, event = item
    when = event.start or (published.date() if published else None)
    return (when is None, when or date.min, document_id, event.index)


class _Dated:
    """Dated clusters in order of their start, for finding those that start within a window (bisection)."""

    def __init__(self) -> None:
        self.starts: list[date] = []
        self.clusters: list[_Cluster] = []

    def insert(self, cluster: _Cluster, start: date) -> None:
        at = bisect_right(self.starts, start)
        self.starts.insert(at, start)
        self.clusters.insert(at, cluster)

    def remove(self, cluster: _Cluster) -> None:
        at = next(i for i, c in enumerate(self.clusters) if c is cluster)
        del self.starts[at], self.clusters[at]

    def since(self, day: date | None) -> list[_Cluster]:
        """The clusters that start on `day` or later (all of them: None)."""
        return self.clusters if day is None else self.clusters[bisect_left(self.starts, day):]


class _Candidates:
    """The clusters an event may join, found without testing every cluster (same result as testing all).

    Clusters are kept apart by family and by historical, which `_fits` requires to be equal. Events arrive
    dated first, in order of their date (`_sort_key`), so a cluster's start, once set by its first dated
    member, never moves: a dated event with a window needs only the dated clusters whose start lies within
    it (a bisection), and the clusters without a start. A placed event needs only the clusters of one of its
    countries and those with none, so dated clusters are also kept by country. An undated event is at the
    same distance from every cluster, so the first that fits is the one."""

    def __init__(self) -> None:
        self.created: list[_Cluster] = []
        self.order: dict[int, int] = {}  # id(cluster) -> creation rank
        self.every: dict[tuple[str, bool], list[_Cluster]] = defaultdict(list)  # in creation order
        self.undated: dict[tuple[str, bool], dict[int, _Cluster]] = defaultdict(dict)  # by id(cluster)
        self.dated: dict[tuple[str, bool], _Dated] = defaultdict(_Dated)
        # by family, historical and country (None: clusters that have no country yet)
        self.dated_in: dict[tuple[str, bool, str | None], _Dated] = defaultdict(_Dated)

    def find(self, event: DocumentEvent) -> _Cluster | None:
        """The cluster the event joins: of those it fits, the nearest in time, then the first created."""
        part = (_family(event.type), event.historical)
        if event.start is None:
            return next((c for c in self.every[part] if _fits(c, event)), None)
        window = _window(event.type)
        since = event.start - timedelta(days=window) if window is not None and not event.historical else None
        if event.place is None:
            dated = self.dated[part].since(since)
        else:
            found = {id(c): c for key in (*_countries(event.place), None)
                     for c in self.dated_in[(*part, key)].since(since)}
            dated = list(found.values())
        fitting = [c for c in (*self.undated[part].values(), *dated) if _fits(c, event)]
        return min(fitting, key=lambda c: (_distance(c, event), self.order[id(c)]), default=None)

    def add(self, cluster: _Cluster, document_id: int, event: DocumentEvent) -> None:
        """Add a member to a cluster (a new one when it is not known yet), keeping the index current."""
        part = (cluster.family, cluster.historical)
        if id(cluster) not in self.order:
            self.order[id(cluster)] = len(self.created)
            self.created.append(cluster)
            self.every[part].append(cluster)
            self.undated[part][id(cluster)] = cluster
        had_start, had_countries = cluster.start, set(cluster.countries)
        cluster.add(document_id, event)
        start = cluster.start
        if start is None:
            return
        if had_start is None:
            del self.undated[part][id(cluster)]
            self.dated[part].insert(cluster, start)
            keys: set[str | None] = set(cluster.countries) or {None}
            for country in keys:
                self.dated_in[(*part, country)].insert(cluster, start)
        elif cluster.countries != had_countries:
            if not had_countries:
                self.dated_in[(*part, None)].remove(cluster)
            for country in cluster.countries - had_countries:
                self.dated_in[(*part, country)].insert(cluster, start)


def cluster_events(
    events: Iterable[tuple[int, datetime | None, DocumentEvent]],
) -> tuple[list[EventOut], dict[tuple[int, int], str]]:
    """The events across documents, and each (document id, event index)'s event key."""
    index = _Candidates()
    for document_id, _, event in sorted(events, key=_sort_key):
        cluster = index.find(event) or _Cluster(_family(event.type), event.historical)
        index.add(cluster, document_id, event)
    out: list[EventOut] = []
    key_of: dict[tuple[int, int], str] = {}
    taken: set[str] = set()
    for cluster in index.created:
        record = _event_out(cluster, taken)
        taken.add(record.key)
        out.append(record)
        for document_id, event in cluster.members:
            key_of[(document_id, event.index)] = record.key
    return sorted(out, key=lambda e: e.key), key_of


def _distance(cluster: _Cluster, event: DocumentEvent) -> tuple[int, int]:
    if cluster.start is not None and event.start is not None:
        return (0, abs((event.start - cluster.start).days))
    return (1, 0)


def _most_common(values: Sequence[str]) -> str | None:
    if not values:
        return None
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], -values.index(v)))


def _place_of(cluster: _Cluster) -> Place | None:
    places = [e.place for _, e in cluster.members if e.place is not None]
    if not places:
        return None
    country = _most_common([p.country for p in places])
    same = [p for p in places if p.country == country]
    locality = _most_common([p.locality for p in same if p.locality])
    if locality is not None:  # of towns in one area ("Moscow", "the Krasnogorsk suburb"), the most precise
        voted = next(p for p in same if p.locality == locality)
        area = [p for p in same if p.locality == locality
                or (p.locality and _km((voted.lat, voted.lon), (p.lat, p.lon)) <= SAME_AREA_KM)]
        locality = min(area, key=lambda p: (locality_population(p) or 10**9, same.index(p))).locality
    admin1 = _most_common([p.admin1 for p in same if p.admin1 and (locality is None or p.locality == locality)]) \
        or _most_common([p.admin1 for p in same if p.admin1])
    best = next((p for p in same if p.locality == locality and locality is not None), None) \
        or next((p for p in same if p.admin1 == admin1 and admin1 is not None), None) or same[0]
    countries = tuple(dict.fromkeys(c for p in places for c in (p.countries or (p.country,))))
    multi = countries if len(countries) > 1 and any(p.countries for p in places) else ()
    if multi and country is not None:
        multi = (country, *[c for c in multi if c != country])
    return Place(country or best.country, admin1 if admin1 else None, locality,
                 best.lat if best.locality == locality or best.admin1 == admin1 else None,
                 best.lon if best.locality == locality or best.admin1 == admin1 else None, multi)


def place_name(place: Place | None) -> str:
    """How a label names a place: the town, else the region, else the country or countries."""
    if place is None:
        return ""
    if place.locality:
        return place.locality
    if place.admin1:
        return place.admin1
    if place.countries:
        return "-".join(country_name(c) for c in place.countries)
    return country_name(place.country)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def format_day(day: date) -> str:
    """"8 Sep 2023"."""
    return f"{day.day} {day.strftime('%b %Y')}"


def _event_out(cluster: _Cluster, taken: set[str]) -> EventOut:
    kinds = [e.type for _, e in cluster.members]
    specific = [k for k in kinds if k not in ("other", "attack")] or [k for k in kinds if k != "other"] or kinds
    kind = _most_common(specific) or "other"
    place = _place_of(cluster)
    noun = event_types()[kind].label.strip("-")
    kind = final_type(kind)
    where = place_name(place)
    when = format_day(cluster.start) if cluster.start else (str(cluster.year) if cluster.year else "")
    head = cluster.name or (f"{where} {noun}".strip() if where else noun.capitalize() or "Event")
    label = f"{head}, {when}" if when else head
    year = cluster.start.year if cluster.start else cluster.year
    noun_slug = "" if cluster.name or kind == "other" else kind
    base = _slug(" ".join(x for x in (cluster.name or where, noun_slug, str(year or "")) if x))
    key = base or "event"
    n = 2
    while key in taken:
        key = f"{base}-{n}"
        n += 1
    return EventOut(
        key=key, label=label[:1].upper() + label[1:], type=kind, place=place,
        start=cluster.start or (date(cluster.year, 1, 1) if cluster.year else None),
        historical=cluster.historical, document_ids=tuple(sorted({d for d, _ in cluster.members})),
    )
