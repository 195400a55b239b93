"""The extraction pipeline: sentences, numbers, units, entities, categories, then attribution and links."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from tracker import __version__
from tracker.data_files import data_lines
from tracker.extract.attribution import attribute_figures
from tracker.extract.carryover import carry_over_sources
from tracker.extract.categories import (
    PEOPLE_OUTCOMES,
    CategoryCue,
    categorize,
    clause_of,
    find_clause_breaks,
    find_cues,
    own_category,
    shared_predicate,
)
from tracker.extract.ellipsis import resolve_partitives, share_elided_units
from tracker.extract.entities import counted_entity
from tracker.extract.nonfigures import (
    is_address,
    is_age_apposition,
    is_date_or_time,
    is_label,
    is_lone_one,
    is_ordinal,
    is_page_furniture,
    is_phone_number,
    is_phone_or_code,
    is_year,
    is_year_range,
)
from tracker.extract.numbers import NumberMatch, find_numbers, lowered, qualifier_after
from tracker.extract.relations import link_figures
from tracker.extract.scope import resolve_scopes
from tracker.extract.sentences import Sentence, split_sentences
from tracker.extract.units import (
    KIND_CATEGORY,
    Unit,
    lookup_alias,
    match_currency_suffix,
    match_unit,
    si_value,
    unit_named,
)
from tracker.figure import Figure
from tracker.patterns import compile_pattern

_GAP = compile_pattern(r"[ \t\u00a0\u202f]?-?")
# "$3 a share", "50 km per hour", "9 m/s", "a 52,000 barrel-a-day refinery"
_PER = compile_pattern(r"(?:[ \t\u00a0]*(?:per|an|a)[ \t\u00a0]+|-(?:per|an|a)-|[ \t\u00a0]*/[ \t\u00a0]*)(?=[A-Za-z])",
                       re.IGNORECASE)
#: After "a year", "a week": a time before or after, not a rate ("a year ago", "a year on, ...", but "$8,210 a
#: tonne on Tuesday" is a price per tonne).
_NOT_A_RATE = compile_pattern(r"[ \t\u00a0]+(?:(?:earlier|ago|later|before|after|from)\b"
                              r"|on(?=[ \t\u00a0]*(?:[^\w\s]|\Z|from\b)))", re.IGNORECASE)
_PER_NOUN = compile_pattern(r"[A-Za-z]+")
#: Words after "per" that start a phrase rather than name what the rate is per ("5% per the agreement").
_NOT_A_DENOMINATOR = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "cent"})
_GLUED_LETTER = compile_pattern(r"[A-Za-z]")
# "Four of them", "Thirteen of the new fatalities": a count of a group named before or after it
_PARTITIVE = compile_pattern(r"[ \t\u00a0]+of[ \t\u00a0]+(?:them|those|whom|these|(?P<the>the|their|its)[ \t\u00a0]+)",
                             re.IGNORECASE)


@cache
def _per_nouns() -> frozenset[str]:
    """Nouns that may follow "per" / "a" in a compound unit ("$3 a share"): data/per_nouns.txt."""
    return frozenset(line.lower() for _, line in data_lines("per_nouns.txt"))


# not frozen (as _SentenceCues): one is made for every number, and a frozen dataclass's __init__ costs
# several times as much; nothing changes one after it is made
@dataclass(slots=True)
class _UnitRead:
    unit: Unit | None  # None: a count
    end: int


_OF_CURRENCY = compile_pattern(r"[ \t\u00a0]+of[ \t\u00a0]+")
# "a quarter of an hour", "1/16 of a US pint": a fraction of one unit is a measure in that unit
_OF_ONE_UNIT = compile_pattern(
    r"[ \t\u00a0]+(?:of[ \t\u00a0]+)?an?[ \t\u00a0]+(?:(?:US|U\.S\.|UK|imperial)[ \t\u00a0]+)?",
    re.IGNORECASE)


def _read_unit(text: str, n: NumberMatch, limit: int, after: tuple[str, int] | None) -> _UnitRead:
    """The unit written after the number (or the currency before it), with compound "per" units; `after` is
    `qualifier_after(text, n.end, limit)`, which the caller needs too."""
    pos = n.end
    if after is not None:
        pos = after[1]  # "300 or so people"
    if n.fraction and n.currency is None:
        of = _OF_ONE_UNIT.match(text, pos, limit)
        found = match_unit(text, of.end()) if of else None
        if found is not None and found.end <= limit and found.unit.kind != "money":
            return _UnitRead(found.unit, found.end)
    if n.currency is None and (n.vague or n.has_multiplier):
        of = _OF_CURRENCY.match(text, pos, limit)
        money = match_currency_suffix(text, of.end()) if of else None
        if money is not None:
            return _UnitRead(money.unit, money.end)  # "millions of dollars"
    unit: Unit | None = unit_named(n.currency) if n.currency else None
    if unit is not None:
        gap = _GAP.match(text, pos, limit)
        suffix = match_currency_suffix(text, gap.end() if gap else pos)
        if suffix and suffix.unit.name == unit.name:
            pos = suffix.end
    else:
        gap_end = _GAP.match(text, pos, limit).end()  # type: ignore[union-attr]
        for start in (pos, gap_end) if gap_end != pos else (pos,):  # no gap: one look is enough
            found = match_currency_suffix(text, start) or match_unit(text, start)
            if found is not None and found.end <= limit:
                unit, pos = found.unit, found.end
                break
    if unit is None and n.inner_unit is not None:
        unit = unit_named(n.inner_unit)  # "from 208 pounds to 193": the unit is written once, inside
    if unit is None:
        return _UnitRead(None, pos)
    per = _PER.match(text, pos, limit)
    if per:
        denominator = match_unit(text, per.end())
        if denominator is not None and denominator.unit.kind != "money" and denominator.end <= limit \
                and not _NOT_A_RATE.match(text, denominator.end, limit):
            return _UnitRead(Unit(f"{unit.name} per {denominator.unit.name}", unit.kind, None),
                             denominator.end)
        word = _PER_NOUN.match(text, per.end(), limit)
        # after "per" any noun makes a rate ("points per game"); after "a"/"an" only the listed ones do
        explicit = "per" in per.group().lower()
        if word and (word.group().lower() in _per_nouns() or (explicit and word.group().islower()
                     and word.group().lower() not in _NOT_A_DENOMINATOR)) \
                and not _NOT_A_RATE.match(text, word.end(), limit):
            name = lookup_alias(word.group())
            den = name.name if name else word.group().lower()
            return _UnitRead(Unit(f"{unit.name} per {den}", unit.kind, None), word.end())
    return _UnitRead(unit, pos)


#: A number right after a count, describing what it counts: "two (500) kilogram bombs", "Two (10)-year-old boys".
_MEASURE_NUMBER = compile_pattern(r"[ \t\u00a0]+\d[\d,.]*(?<![,.])")


def _entity_after_measure(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """(entity, end) of the noun a count counts across a measure of each ("two 500 kilogram bombs": bombs;
    "Two 10-year-old boys": boys), or None when no measure with a unit and a noun follows the count."""
    number = _MEASURE_NUMBER.match(text, pos, limit)
    if number is None:
        return None
    gap = _GAP.match(text, number.end(), limit)
    for start in (number.end(), gap.end() if gap else number.end()):
        measure = match_unit(text, start)
        if measure is not None and measure.unit.kind != "money" and measure.end <= limit:
            return counted_entity(text, measure.end, limit)
    return None


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end


def _figure_from(text: str, doc: str, sent: Sentence, n: NumberMatch,
                 cues: Callable[[], _SentenceCues]) -> Figure | None:
    """One figure record for a number, or None when the number is not a figure."""
    if n.value is not None and abs(n.value) > 1e15:
        return None
    line_start, line_end = _line_bounds(text, n.number_start)
    if is_page_furniture(text, n, line_start, line_end) and n.value is not None and not n.currency:
        return None
    if is_date_or_time(text, n, line_start) or is_ordinal(text, n) or is_phone_or_code(text, n) \
            or is_phone_number(text, n, line_start):
        return None
    after = qualifier_after(text, n.end, sent.end)  # "300 or so", "50-plus"
    read = _read_unit(text, n, sent.end, after)
    unit = read.unit
    end = read.end
    start = n.start
    if unit is None and n.currency is None and n.start == n.number_start \
            and _SCALE[1:] in text[max(sent.start, n.start - len(_SCALE) - 1):n.start]:  # a look, then the search
        scale = _SCALE_BEFORE.search(text, max(sent.start, n.start - len(_SCALE) - 2), n.start)
        if scale is not None:  # "a magnitude 7.8 earthquake": the scale is named before the number
            unit, start = unit_named(_SCALE), scale.start()
    if unit is not None and unit.name == "pound-mass" and n.has_multiplier and n.currency is None:
        unit = unit_named("pound sterling")  # "a 1.2bn pound budget": money, not weight
    if unit is None and not n.spelled and not n.vague and n.number_end < len(text) \
            and _GLUED_LETTER.match(text, n.number_end):
        return None  # "3s", "1990s", "5G": a name or a label
    if is_year(text, n, unit is not None) or is_year_range(text, n, unit is not None):
        return None
    entity: str | None = None
    partitive = _PARTITIVE.match(text, end, sent.end) if unit is None and n.spelled else None
    if partitive is not None:
        found = counted_entity(text, partitive.end(), sent.end) if partitive.group("the") else None
        if found is not None:
            entity, end = found
        elif not partitive.group("the"):
            end = partitive.end()  # "Four of them"; "Five of the 12 people" is the number alone
    elif unit is None:
        found = counted_entity(text, end, sent.end, after_of=n.vague or n.fraction or n.has_multiplier) \
            or _entity_after_measure(text, end, sent.end)
        if found is not None:
            entity, end = found
    if is_label(text, n, sent.start, unit is not None or (entity is not None and entity[0].islower()),
                has_unit=unit is not None):
        return None
    if is_address(text, n):
        return None
    # "the bottom three", "the other two": a word, not a statistic, unless its own clause says what became of
    # them ("Five were killed", "The other two remain missing")
    bare_word = n.spelled and unit is None and entity is None and not n.has_multiplier and not n.fraction \
        and n.qualifier == "exact" and partitive is None and n.value is not None and n.value < 100
    if is_age_apposition(text, n):
        return None
    lone_one = is_lone_one(text, n)
    qualifier, low, high = n.qualifier, n.low, n.high
    if after is not None and qualifier == "exact":
        qualifier = after[0]
        if qualifier == "at_least":
            high = None
        end = max(end, after[1])
    unit_name = "count" if unit is None else unit.name
    if n.fraction and unit is None:
        unit_name = "fraction"
    kind = None if unit is None else unit.kind
    if unit is None:
        sentence_cues = cues()
        span = (n.start, end)
        clause = clause_of(span, (sent.start, sent.end), sentence_cues.breaks)
        category = categorize(None, entity, span, sentence_cues.cues, text=text, clause=clause)
        if (lone_one or bare_word) and own_category(text, span, clause, sentence_cues.cues) not in PEOPLE_OUTCOMES:
            return None  # "said one woman": an individual; "one child was hurt" is a casualty figure
    else:
        # a measure without a category of its own may be of relief goods: the sentence's cues tell
        measure_cues = cues().cues if kind not in KIND_CATEGORY and text[end:end + 4].lower() == " of " else []
        category = categorize(kind, entity, (n.start, end), measure_cues, text=text)
        if lone_one:
            return None
    value = n.value
    return Figure(
        doc=doc, start=start, end=end, text=text[start:end],
        sentence=sent.text, sentence_start=sent.start, sentence_end=sent.end,
        value=value, low=low, high=high, qualifier=qualifier, unit=unit_name,
        si_value=si_value(unit, value) if unit is not None else None,
        entity=entity, category=category, trend=n.trend, tracker_version=__version__,
    )


def _share_predicates(text: str, sent: Sentence, figures: list[Figure], first: int,
                      cues: Callable[[], _SentenceCues]) -> None:
    """In place: a count that is the first of two coordinated subjects takes their predicate's category."""
    for i in range(first, len(figures) - 1):
        a, b = figures[i], figures[i + 1]
        if a.unit != "count" or b.unit != "count" or a.entity is None or b.entity is None:
            continue
        found = cues()
        clause = clause_of((a.start, a.end), (sent.start, sent.end), found.breaks)
        category = shared_predicate(text, (a.start, a.end), (b.start, b.end), clause, found.cues)
        if category is not None:
            figures[i] = a.replace(category=category)


#: A scale named before its number: "magnitude 7.8", "magnitude-6.1" (the unit of that name in units.txt).
_SCALE = "magnitude"
_SCALE_BEFORE = compile_pattern(rf"\b{_SCALE}[ \u00a0-]?\Z", re.IGNORECASE)
_SUBSET_BEFORE = compile_pattern(r"(?:including|among them|of whom|of which|among whom)[ \t\u00a0]+\Z", re.IGNORECASE)


def _subsets_with_own_predicate(text: str, sent: Sentence, figures: list[Figure], first: int,
                                cues: Callable[[], _SentenceCues]) -> set[int]:
    """The starts of the sentence's subset figures that have a verb of their own ("of whom 30,000 have been
    displaced"): they keep their own category rather than the whole's."""
    own: set[int] = set()
    for f in figures[first:]:
        if f.unit == "count" and _SUBSET_BEFORE.search(text, max(0, f.start - 20), f.start):
            found = cues()
            clause = clause_of((f.start, f.end), (sent.start, sent.end), found.breaks)
            if own_category(text, (f.start, f.end), clause, found.cues) is not None:
                own.add(f.start)
    return own


def _inherit_subset_categories(text: str, figures: list[Figure], own: set[int]) -> list[Figure]:
    """A subset ("including 111 civilians") counts what the figure before it in its sentence counts, unless
    it has a verb of its own (`own`: their starts)."""
    out: list[Figure] = []
    for f in figures:
        prev = out[-1] if out else None
        if prev is not None and prev.sentence_start == f.sentence_start and prev.unit == f.unit \
                and f.start not in own and _SUBSET_BEFORE.search(text, max(0, f.start - 20), f.start):
            f = f.replace(category=prev.category)
        out.append(f)
    return out


_BY_BEFORE = compile_pattern(r"\bby[ \t\u00a0]+\Z")
#: "up 152 points, or 0.4 percent": the same change restated in another unit.
_OR_RESTATES = compile_pattern(r",?[ \t\u00a0]+or[ \t\u00a0]+")


def _inherit_trends(text: str, figures: list[Figure]) -> list[Figure]:
    """A bare "by N" continues the change before it ("down 2.3%, Burlington by 2.6%"); ", or N" restates it."""
    out: list[Figure] = []
    for f in figures:
        prev = out[-1] if out else None
        if f.trend is None and prev is not None and prev.trend is not None \
                and prev.sentence_start == f.sentence_start \
                and ((prev.unit == f.unit and _BY_BEFORE.search(text, max(0, f.start - 4), f.start))
                     or _OR_RESTATES.fullmatch(text, prev.end, f.start)):
            f = f.replace(trend=prev.trend)
        out.append(f)
    return out


def _resolve_restatements(figures: list[Figure], sentences: Sequence[Sentence]) -> list[Figure]:
    """A figure that restates the one before it ("put the figure at 2,000") takes its category."""
    starts = [s.start for s in sentences]
    out: list[Figure] = []
    for f in figures:
        if f.category == "=":
            category = "other"
            para = sentences[bisect_right(starts, f.sentence_start) - 1].paragraph
            for prev in reversed(out):
                prev_para = sentences[bisect_right(starts, prev.sentence_start) - 1].paragraph
                if prev_para < para - 1:
                    break
                if prev.unit == f.unit:
                    category = prev.category
                    break
            f = f.replace(category=category)
        out.append(f)
    return out


@dataclass(slots=True)
class _SentenceCues:
    cues: list[CategoryCue]
    breaks: list[tuple[int, int]]  # clause boundaries


def _cues_once(text: str, sent: Sentence, lower: str | None) -> Callable[[], _SentenceCues]:
    """The sentence's category cues and clauses, found on first use: figures with a unit never need them."""
    found: list[_SentenceCues] = []

    def cues() -> _SentenceCues:
        if not found:
            found.append(_SentenceCues(find_cues(text, sent.start, sent.end, lower),
                                       find_clause_breaks(text, sent.start, sent.end, lower)))
        return found[0]

    return cues


def extract(text: str, doc: str = "", *, published: date | str | None = None,
            sentences: Sequence[Sentence] | None = None) -> list[Figure]:
    """Every figure in a document's text, in text order.

    `published` (the document's date, or an ISO string) resolves relative scopes ("since October 7");
    `sentences`, the text's `split_sentences` when the caller has them already.
    """
    if sentences is None:
        sentences = split_sentences(text)
    lower = lowered(text)
    figures: list[Figure] = []
    own: set[int] = set()  # subsets with a verb of their own
    for sent in sentences:
        sentence_cues = _cues_once(text, sent, lower)
        first = len(figures)
        for n in find_numbers(text, sent.start, sent.end, lower=lower):
            fig = _figure_from(text, doc, sent, n, sentence_cues)
            if fig is not None:
                figures.append(fig)
        _share_predicates(text, sent, figures, first, sentence_cues)
        own |= _subsets_with_own_predicate(text, sent, figures, first, sentence_cues)
    figures = _inherit_subset_categories(text, _resolve_restatements(figures, sentences), own)
    figures = resolve_partitives(share_elided_units(text, _inherit_trends(text, figures)))
    figures = attribute_figures(text, sentences, figures)
    figures = carry_over_sources(text, figures)
    figures = link_figures(text, figures)
    return resolve_scopes(text, sentences, figures, published=published)
