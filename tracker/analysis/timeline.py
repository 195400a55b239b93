"""What discrepancies and revisions share: when a figure was given, by whom, and whether two sources are one.

A figure is dated by its document's publication day; a document without one is undated. Two source names
are one source when they are equal or one's words hold the other's ("the Gaza Health Ministry", "the
health ministry"). The official bodies and officials of one state (a government, ministry, police, army,
"officials", "authorities", a governor or minister) are one voice: AFAD's toll and the president's are
steps of one official count. Their state is the one their name or attribution names ("US intelligence",
"Ukrainian officials"), else where the figure counts, else where the event happened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from tracker.analysis.bounds import INF, Interval, mention_interval
from tracker.analysis.types import MentionInput
from tracker.extract.carryover import CARRIED_OVER_MARK
from tracker.patterns import compile_pattern

#: Source kinds that speak for a state; their tolls chain into one official count.
OFFICIAL_KINDS = frozenset({"government", "ministry", "police", "military", "state"})
#: Words that make an unnamed source or a person an official ("Ukrainian officials", "the governor said").
_OFFICIAL_WORDS = compile_pattern(
    r"\b(?:officials?|authorit(?:y|ies)|government|ministry|minister|governor|mayor|president|premier"
    r"|spokes(?:man|woman|person)|police|army|military|council|agency|committee|official\s+statistics)\b",
    re.IGNORECASE)
#: Counted nouns that are a floor of the toll, not a toll: the bodies someone saw or recovered.
_FLOOR_ENTITIES = frozenset({"bodies", "body", "corpses", "corpse"})
_STOP = frozenset({"the", "of", "a", "an", "and", "for", "s"})


@dataclass(frozen=True, slots=True)
class Dated:
    """A mention with its document's day and order (for ordering figures in time)."""

    mention: MentionInput
    day: date | None
    order: int  # the document's position among the corpus's documents, oldest first

    @property
    def source(self) -> str | None:
        """The mention's source."""
        return self.mention.source


def interval(m: MentionInput) -> Interval:
    """The values a figure allows, as a toll: approximations widened, bodies seen a floor."""
    found = mention_interval(m)
    if found.known and m.entity and m.entity.lower().split()[-1] in _FLOOR_ENTITIES:
        return Interval(found.low, INF)
    return found


@lru_cache(maxsize=8192)
def _words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", name.lower().replace("'s", " ")) if w not in _STOP)


def same_source(a: str | None, b: str | None) -> bool:
    """Whether two source names are one source (equal, or one's words inside the other's)."""
    if a is None or b is None:
        return a is b
    if a.lower() == b.lower():
        return True
    wa, wb = _words(a), _words(b)
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def official_people(mentions: Iterable[MentionInput],
                    sentences: Mapping[int, Sequence[str]] | None = None) -> frozenset[str]:
    """The people the texts give an official title ("Pavlo Kyrylenko, governor of the Donetsk Oblast",
    "Health Minister Mikhail Murashko"): they speak for their state wherever they are quoted. The title may
    stand in the figure's sentence or, given the documents' `sentences`, in any sentence of its document
    that names the person ("Deputy Prime Minister Tatyana Golikova ... She said 107 ...")."""
    out: set[str] = set()
    for m in mentions:
        if m.source_kind != "person" or not m.source or m.source in out:
            continue
        texts = [m.sentence, *(sentences or {}).get(m.document_id, ())]
        for text in texts:
            at = text.find(m.source)
            if at >= 0 and _OFFICIAL_WORDS.search(text[max(0, at - 40):at + len(m.source) + 50]):
                out.add(m.source)
                break
    return frozenset(out)


def is_official(m: MentionInput, officials: frozenset[str] = frozenset()) -> bool:
    """Whether a figure comes from a body or an official that speaks for a state."""
    if m.source is None:
        return False
    if m.source_kind in OFFICIAL_KINDS or m.source in officials:
        return True
    if m.source_kind not in (None, "anonymous", "person", "organization"):
        return False
    return bool(_OFFICIAL_WORDS.search(m.source) or (m.source_text and _OFFICIAL_WORDS.search(m.source_text)))


def official_state(m: MentionInput, officials: frozenset[str] = frozenset()) -> str | None:
    """The state an official source names ("Turkish President ...", "Ukrainian officials"), if any."""
    if not is_official(m, officials):
        return None
    return _named_state(m.source or "") or (_named_state(m.source_text) if m.source_text else None)


@lru_cache(maxsize=4096)
def _named_state(name: str) -> str | None:
    from tracker.analysis.places import find_places

    found = find_places(name)
    return found[0].place.country if found else None


def voice(m: MentionInput, event_country: str | None, officials: frozenset[str] = frozenset()) -> str | None:
    """Who a figure's toll belongs to: "official:<ISO3>" for a state's officials, else its source's name."""
    if not is_official(m, officials):
        return m.source
    state = _named_state(m.source or "") or (_named_state(m.source_text) if m.source_text else None)
    if state is None and m.own_place and m.place is not None and not m.place.countries:
        state = m.place.country  # "53 died in Mozambique, according to government figures"
    return f"official:{state or event_country or '?'}"


def same_voice(a: MentionInput, b: MentionInput, event_country: str | None,
               officials: frozenset[str] = frozenset()) -> bool:
    """Whether two figures are one voice's toll: one source, or the officials of one state."""
    if same_source(a.source, b.source):
        return True
    va, vb = voice(a, event_country, officials), voice(b, event_country, officials)
    return va is not None and va.startswith("official:") and va == vb


# "Thirteen of the new fatalities": a part of a count of the same people
_PARTITIVE = compile_pattern(r"\S+\s+of\s+(?:the\s+(?:\w+\s+)?)?(\w+)", re.IGNORECASE)
_OF_THE = compile_pattern(r"\s+of\s+(?:the|them|those|whom)\b", re.IGNORECASE)
_SENTENCE_END = compile_pattern(r"[.!?…][\"'”’)]*\s*\Z")


def is_part(m: MentionInput) -> bool:
    """"Thirteen of the new fatalities", "2,884 of the people who were killed": a part of a count of the
    same people, not a count of its own ("four of them are children" counts children: not a part)."""
    found = _PARTITIVE.match(m.text)
    if found is None:  # the extractor may leave "of the people" after the number out of the figure
        at = m.sentence.find(m.text)
        after = m.sentence[at + len(m.text):] if at >= 0 else ""
        return at >= 0 and _OF_THE.match(after) is not None and not m.entity
    entity = (m.entity or "").lower()
    return not entity or entity.endswith(found.group(1).lower())


def is_carried_over(m: MentionInput) -> bool:
    """A figure stated in the outlet's own voice whose source the article gives elsewhere (a lead that
    restates the toll a source is quoted with): the quoted statement states it better."""
    return m.source_text is not None and CARRIED_OVER_MARK in m.source_text


def is_headline(m: MentionInput) -> bool:
    """A figure of a headline or caption (no closing full stop): a body's sentence states it better."""
    return not _SENTENCE_END.search(m.sentence)


def days_apart(a: Dated, b: Dated) -> int | None:
    """Days between two figures' documents; None when either is undated."""
    if a.day is None or b.day is None:
        return None
    return abs((a.day - b.day).days)
