"""The category of a figure (SPEC list) from the words around it; the cues live in data/categories.txt."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Final

from tracker.data_files import data_rows
from tracker.extract.trie import trie_pattern
from tracker.extract.units import KIND_CATEGORY
from tracker.figure import CASUALTY_CATEGORIES
from tracker.frozen import quick_init
from tracker.patterns import compile_pattern

#: What became of people: the headline categories (tracker.figure) but "deployed", which says where troops
#: were sent, not what befell them.
PEOPLE_OUTCOMES: Final = frozenset(CASUALTY_CATEGORIES) - {"deployed"}
#: How much farther a counted-noun cue may stand than an event word and still lose to it.
_NOUN_PENALTY = 1000


@dataclass(frozen=True, slots=True)
class _Cues:
    source: str  # the cues as one regular expression, for `_any_case` (compiled on first need only)
    lower_pattern: re.Pattern[str]  # the cues, for searching lower-cased text (faster: no IGNORECASE)
    exact: dict[str, tuple[str, str]]
    prefixes: tuple[tuple[str, str, str], ...]
    nouns: dict[str, str]
    things: frozenset[str]  # counted nouns that are never casualties: their category wins over any verb
    exact_source: str  # the whole-word cues as one alternation, for `_glued`


_BRACES = compile_pattern(r"\{([^{}]*)\}")


def expand_braces(cue: str) -> list[str]:
    """Every phrase a cue with `{a,b}` choices stands for: "{fled,left} their {homes,houses}" gives four."""
    phrases = [""]
    at = 0
    for m in _BRACES.finditer(cue):
        phrases = [f"{p}{cue[at:m.start()]}{choice.strip()}" for p in phrases for choice in m.group(1).split(",")]
        at = m.end()
    return [" ".join(f"{p}{cue[at:]}".split()) for p in phrases]


@cache
def _cues() -> _Cues:
    exact: dict[str, tuple[str, str]] = {}
    prefixes: list[tuple[str, str, str]] = []
    nouns: dict[str, str] = {}
    things: set[str] = set()
    for _, (cues, category, kind) in data_rows("categories.txt", 3):
        for low in expand_braces(cues.lower()):
            if low.endswith("*"):
                prefixes.append((low[:-1], category, kind))
            else:
                exact[low] = (category, kind)
            if kind in ("noun", "thing"):
                nouns[low] = category
            if kind == "thing":
                things.add(low)
    space = r"\s+"  # \s includes the no-break space
    # stems ("displac*") may be glued to the word before them, as PDF text often is ("weredisplaced")
    stems = trie_pattern((p for p, _, _ in prefixes), space)
    first = "".join(sorted({c[0] for c in [*exact, *(p for p, _, _ in prefixes)]}))
    exact_source = trie_pattern(exact, space)
    pattern = rf"(?:{stems})\w*|\b(?:{exact_source})\b"
    return _Cues(pattern, compile_pattern(f"(?=[{re.escape(first)}])(?:{pattern})"),
                 exact, tuple(prefixes), nouns, frozenset(things), exact_source)


@cache
def _any_case() -> re.Pattern[str]:
    """The cues for text whose lower case has another length ("İ"): compiled on first need only."""
    return compile_pattern(_cues().source, re.IGNORECASE)


@cache
def _glued() -> re.Pattern[str]:
    """A whole cue glued to the capitalised word after it ("fledShirqat"): compiled on first need only."""
    return compile_pattern(rf"\b(?:{_cues().exact_source})(?-i:(?<=[a-z])(?=[A-Z]))", re.IGNORECASE)


def _lookup(surface: str) -> tuple[str, str] | None:
    cues = _cues()
    low = " ".join(surface.lower().split())
    hit = cues.exact.get(low)
    if hit:
        return hit
    for prefix, category, kind in cues.prefixes:
        if low.startswith(prefix):
            return category, kind
    return None


@quick_init
@dataclass(frozen=True, slots=True)
class CategoryCue:
    """A category cue found in a sentence: where it is, what it says, and its kind."""

    start: int
    end: int
    category: str
    kind: str


def find_cues(text: str, start: int, end: int, lower: str | None = None) -> list[CategoryCue]:
    """Every category cue in `text[start:end]`; `lower`, if given, is `text.lower()` of the same length."""
    out = []
    cues = _cues()
    searched, pattern = (text, _any_case()) if lower is None else (lower, cues.lower_pattern)
    for m in pattern.finditer(searched, start, end):
        hit = _lookup(m.group())
        if hit:
            out.append(CategoryCue(m.start(), m.end(), hit[0], hit[1]))
    if _GLUE.search(text, start, end):  # PDF text loses spaces: "have already fledShirqat"
        seen = {c.start for c in out}
        for m in _glued().finditer(text, start, end):
            hit = _lookup(m.group())
            if hit and m.start() not in seen:
                out.append(CategoryCue(m.start(), m.end(), hit[0], hit[1]))
        out.sort(key=lambda c: c.start)
    return out


_GLUE = compile_pattern(r"[a-z][A-Z]")


#: Where one clause ends and the next begins: a semicolon, colon or spaced dash, a comma, or a coordinating
#: or subordinating word ("Two people drowned and 15 others were hurt"; "500 were killed while hundreds ...").
_CLAUSE_WORDS = r"and|but|while|whilst|whereas|as|after|before|when|with|since|though|although"
_CLAUSE_BREAK = compile_pattern(rf"[;:](?=\s)|\s[-\u2013\u2014]\s|,(?=\s)|\s(?:{_CLAUSE_WORDS})(?=\s)", re.IGNORECASE)
#: The same for lower-cased text (faster without IGNORECASE), written to start with the set of characters a
#: break starts with: the search then skips every other character without trying the alternatives there.
_CLAUSE_BREAK_LOWER = compile_pattern(
    rf"[;:,\s](?:(?<=[;:,])(?=\s)|(?<=\s)(?:[-\u2013\u2014]\s|(?:{_CLAUSE_WORDS})(?=\s)))")
#: Words between a figure and its own predicate: "15 others were hurt", "200 people are still trapped",
#: "16 are reported missing", "20 feared dead".
_LINKING = compile_pattern(
    r"(?:[\s,]+(?:people|others|more|of\s+them|in\s+all|in\s+total|were|are|was|is|have|has|had|been|being|be"
    r"|will|would|may|might|could|remain|remained|remains|still|now|also|currently|living|staying|later"
    r"|reportedly|reported"
    r"|all|feared|believed|thought|presumed|confirmed|left|listed\s+as|said\s+to\s+be|known\s+to\s+be"
    r"|in|an?|very|extremely|critically|seriously)\b)*[\s,]*",
    re.IGNORECASE)
#: The whole a figure is part of, between it and its predicate: "6 of the injured (later died)", "two of
#: those 40 hostages (were freed)".
_PARTITIVE = compile_pattern(r"\s+of\s+(?:the|those|these)\s+(?:\d[\d,.]*\s+)?[\w-]+", re.IGNORECASE)
#: What a measure is of: "40 tonnes (of food aid)", "2 million litres (of relief water)".
_GOODS = compile_pattern(r"\s+of\s+[^,;:.()]{1,40}")
#: Categories that say how people were uprooted: a counted noun of this family ("refugees", "IDPs") is more
#: specific than a verb of it ("200 refugees crossed the border" counts refugees).
_UPROOTED = frozenset({"displaced", "refugees", "evacuated", "fled"})
#: An apposition between the figure and its predicate: "2,000 troops, including officers, have fled".
_APPOSITION = compile_pattern(r",\s*[^,;:()]{1,60}?,", re.IGNORECASE)
#: Between a counted noun and a figure that is part of it: "the victims include 12 women", "among the
#: refugees are 300 children", "the evacuees were mostly 40 patients".
_INCLUDES = compile_pattern(r"\s+(?:also\s+)?(?:include[sd]?|including|were|are)\s+(?:mostly\s+|also\s+)?",
                            re.IGNORECASE)
#: How close a cue before the figure must stand to govern it ("killed 12", "killing at least 12").
_GOVERNING_GAP = 3
#: A participle that modifies the figure's noun rather than being its predicate: "people affected by the
#: floods", "people injured in the blast" (a preposition follows it).
_MODIFIER_TAIL = compile_pattern(r"\s+(?:by|in|from|during|since|after|on|at|across|over|near|along)\s", re.IGNORECASE)
#: The verb group of the main predicate after such a modifier: "... have been displaced", "... later died".
_MAIN_VERB_BEFORE = compile_pattern(
    r"\s(?:have|has|had|were|was|are|is|remain|remains|remained|later|subsequently|then)"
    r"(?:\s+(?:been|being|later|also|since|now|still|reportedly|living|staying))*\s+\Z", re.IGNORECASE)
#: How far the main predicate may stand after the modifier.
_MODIFIER_REACH = 60
#: The categories a main predicate gives over a participle modifying the figure's noun: what became of the
#: people ("affected by the floods have been displaced"); a state like "are in need" does not.
_MAIN_PREDICATE = PEOPLE_OUTCOMES - {"affected"}


def find_clause_breaks(text: str, start: int, end: int, lower: str | None = None) -> list[tuple[int, int]]:
    """The clause boundaries in `text[start:end]`, as (start, end) pairs in text order; `lower`, if given,
    is `text.lower()` of the same length."""
    searched, pattern = (text, _CLAUSE_BREAK) if lower is None else (lower, _CLAUSE_BREAK_LOWER)
    return [m.span() for m in pattern.finditer(searched, start, end)]


def clause_of(span: tuple[int, int], sentence: tuple[int, int], breaks: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause of a sentence that holds the figure at `span` (boundaries inside the figure are ignored)."""
    i = bisect_left(breaks, (span[0], span[0]))
    start = sentence[0]
    for _, b_end in reversed(breaks[:i]):
        if b_end <= span[0]:
            start = b_end
            break
    end = sentence[1]
    for b_start, _ in breaks[i:]:
        if b_start >= span[1]:
            end = b_start
            break
    return start, end


def _distance(cue: CategoryCue, span: tuple[int, int]) -> int:
    if cue.end <= span[0]:
        return span[0] - cue.end
    if cue.start >= span[1]:
        return cue.start - span[1]
    return 0


def _nearest(events: list[CategoryCue], span: tuple[int, int]) -> CategoryCue | None:
    """The event cue nearest the figure: the last one starting before its end or the first after it."""
    i = bisect_left([c.start for c in events], span[1])
    best: CategoryCue | None = None
    for cue in events[max(0, i - 2):i + 1]:
        if best is None or _distance(cue, span) < _distance(best, span):
            best = cue
    return best


def _predicate(cues: list[CategoryCue], start: int, after: int) -> CategoryCue | None:
    """The cue that opens the predicate after a figure ending at `start`, the linking words up to `after`
    between them; a cue may begin with a linking word ("are living in camps", "have left their homes")."""
    return next((c for c in cues if start <= c.start <= after), None)


def _main_predicate(text: str, modifier: CategoryCue, inside: list[CategoryCue]) -> CategoryCue | None:
    """The main predicate after a participle that modifies the figure's noun ("12,000 people affected by the
    floods have been displaced"), when it says what became of them; else None."""
    for c in inside:
        if modifier.end < c.start <= modifier.end + _MODIFIER_REACH and c.category in _MAIN_PREDICATE \
                and _MAIN_VERB_BEFORE.search(text, modifier.end, c.start):
            return c
    return None


def _in_clause(text: str, span: tuple[int, int], clause: tuple[int, int], events: list[CategoryCue], *,
               strict: bool = False) -> str | None:
    """The category the figure's own clause gives it: the verb governing it ("killed 12"), its own predicate
    ("12 were hurt"), a cue inside its phrase ("12 dead"), else (unless `strict`) the nearest cue of the clause."""
    inside = [c for c in events if clause[0] <= c.start and c.end <= clause[1] and c.kind != "restate"]
    if not inside:
        return None
    governing = next((c for c in inside if c.end <= span[0] and span[0] - c.end <= _GOVERNING_GAP), None)
    # "6 of the injured later died": the predicate says what became of the part, after the whole it is taken from
    partitive = _PARTITIVE.match(text, span[1], clause[1])
    start = partitive.end() if partitive else span[1]
    link = _LINKING.match(text, start, clause[1])
    after = link.end() if link else start
    predicate = _predicate(inside, start, after)
    if governing is not None:
        if governing.category == "deployed" and predicate is not None and predicate.category in PEOPLE_OUTCOMES:
            return predicate.category  # "sent 20,000 people fleeing": what became of those sent
        return governing.category
    if predicate is not None:
        main = _main_predicate(text, predicate, inside) if _MODIFIER_TAIL.match(text, predicate.end) else None
        return (main or predicate).category
    within = next((c for c in inside if c.start < span[1] and span[0] < c.end), None)
    if within is not None:
        return within.category
    if strict:
        return None
    nearest = _nearest(inside, span)
    return nearest.category if nearest is not None else None


def own_category(text: str, span: tuple[int, int], clause: tuple[int, int], cues: list[CategoryCue]) -> str | None:
    """The category the figure's own words give it (its governing verb, its predicate, a cue in its phrase),
    or None: what tells "one child was hurt" (a casualty) from "said one woman" (an individual)."""
    events = [c for c in cues if c.kind not in ("noun", "thing")]
    return _in_clause(text, span, clause, events, strict=True)


#: Two noun phrases joined as one subject: "12 hostages and 4 gunmen died".
_NP_JOIN = compile_pattern(r"\s*,?\s*(?:and|or|as\s+well\s+as)\s+", re.IGNORECASE)


def shared_predicate(text: str, first: tuple[int, int], second: tuple[int, int], clause: tuple[int, int],
                     cues: list[CategoryCue]) -> str | None:
    """The category of the predicate after `second` that `first` shares as its coordinated subject
    ("12 hostages and 4 gunmen died"), or None when `first` has its own verb or is not so joined."""
    if not _NP_JOIN.fullmatch(text, first[1], second[0]) or own_category(text, first, clause, cues) is not None:
        return None
    link = _LINKING.match(text, second[1])
    after = link.end() if link else second[1]
    predicate = _predicate([c for c in cues if c.kind not in ("noun", "thing", "restate")], second[1], after)
    return None if predicate is None else predicate.category


def categorize(unit_kind: str | None, entity: str | None, span: tuple[int, int],
               cues: list[CategoryCue], *, text: str = "", clause: tuple[int, int] | None = None) -> str:
    """The category of a figure at `span` with this unit kind and entity, given the sentence's cues.

    A figure with a physical or money unit takes its unit's category. A count takes, in this order: a
    counted noun that is never a casualty ("two rockets"); its own clause's word for it (the verb
    governing it, its predicate, or the nearest cue in the clause: `clause`, in `text`); the category its
    counted noun implies; for a bare number, a counted noun in its clause; the nearest event word of the
    sentence; a counted noun elsewhere in the sentence; else "other". A restating cue right before it ("put
    the figure at") is reported as "=" for the caller to resolve.
    """
    if unit_kind is not None and unit_kind != "count":
        category = KIND_CATEGORY.get(unit_kind)
        if category is None and text:
            goods = _GOODS.match(text, span[1])
            if goods is not None and any(c.category == "aid" and goods.start() <= c.start and c.end <= goods.end()
                                         for c in cues):
                return "aid"  # "40 tonnes of food aid": a measure of relief goods
        return category or "other"
    table = _cues()
    noun = table.nouns.get(entity.lower()) if entity else None
    if noun is not None and entity is not None and entity.lower() in table.things:
        return noun
    events = [c for c in cues if c.kind not in ("noun", "thing")]  # cues come in text order
    restated = next((c for c in events if c.kind == "restate" and c.end <= span[0]
                     and (clause is None or c.start >= clause[0]) and span[0] - c.end <= _GOVERNING_GAP), None)
    if restated is not None:
        return restated.category  # "put the figure at 2,000": the restatement decides
    if clause is not None:
        own = _in_clause(text, span, clause, events)
        if own is not None:
            return noun if noun is not None and noun in _UPROOTED and own in _UPROOTED else own
        apposition = _APPOSITION.match(text, span[1])
        if apposition is not None:
            link = _LINKING.match(text, apposition.end())
            predicate = _predicate(events, apposition.end(), link.end()) if link is not None else None
            if predicate is not None:
                return predicate.category
    included = next((c for c in cues if c.kind == "noun" and c.end <= span[0]
                     and _INCLUDES.fullmatch(text, c.end, span[0])), None) if text else None
    if included is not None:
        return included.category  # "the victims include 12 women": the noun names the whole they belong to
    if noun is not None:
        return noun
    if clause is not None and not entity:
        # a bare number whose clause names what it counts: "bringing the number of refugees to 900,000"
        named = _nearest([c for c in cues if c.kind in ("noun", "thing") and clause[0] <= c.start
                          and c.end <= clause[1]], span)
        if named is not None:
            return named.category
    best = _nearest([c for c in events if c.kind != "restate"], span)
    if best is not None:
        return best.category
    # no event word and no noun of its own: a counted noun elsewhere in the sentence ("refugees ... now 253,000")
    nouns = [c for c in cues if c.kind == "noun"]
    if nouns and not entity:
        return min(nouns, key=lambda c: abs(c.start - span[0])).category
    return "other"
