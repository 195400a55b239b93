"""The number grammar: digits, number words, multipliers, vague quantities, ranges and bounds.

`parse_number` reads one number ("1,234.5", "1.5 million", "twenty-four", "half a million").
`find_numbers` scans text for every number with the words that bound it ("at least", "between ... and",
"dozens of"), in time linear in the length of the text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from tracker.data_files import data_lines, data_rows
from tracker.errors import ParseError
from tracker.extract.trie import trie_pattern
from tracker.extract.units import UnitMatch, match_currency_prefix, match_unit
from tracker.patterns import compile_pattern

_SPACE = r"[ \t\u00a0\u202f]"


@dataclass(frozen=True, slots=True)
class NumberWord:
    """One number word: its value and its role in the grammar (unit, tens, scale, dozen, ...)."""

    value: float
    role: str


@dataclass(slots=True)
class NumberMatch:
    """A number found in text, with its qualifier words: `text[start:end]` is what was read."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    spelled: bool = False  # written in words ("three"), not digits
    vague: bool = False
    fraction: bool = False  # "a third of", "two-thirds of": a share, not a count
    has_multiplier: bool = False  # "million", "bn", "k"
    number_start: int = 0  # where the number itself starts (after qualifier words)
    number_end: int = 0
    trend: str | None = None
    currency: str | None = None  # canonical currency from a prefix symbol ("$5"), if any
    currency_start: int | None = None
    inner_unit: str | None = None  # a range's unit written after its first end only ("from 208 pounds to 193")


@cache
def number_words() -> dict[str, NumberWord]:
    """The number words of data/number_words.txt."""
    return {w: NumberWord(float(v), role) for _, (w, v, role) in data_rows("number_words.txt", 3)}


@cache
def _multipliers() -> tuple[dict[str, tuple[float, str]], re.Pattern[str]]:
    table = {form: (float(v), when) for _, (form, v, when) in data_rows("multipliers.txt", 3)}
    alt = "|".join(re.escape(f) for f in sorted(table, key=len, reverse=True))
    return table, compile_pattern(rf"({_SPACE}?-?)({alt})(?![A-Za-z0-9])")


@cache
def _vague() -> tuple[dict[str, tuple[float, float]], re.Pattern[str]]:
    table = {p.lower(): (float(lo), float(hi)) for _, (p, lo, hi) in data_rows("vague.txt", 3)}
    return table, compile_pattern(rf"(?i)\b(?:{trie_pattern(table, space=_SPACE + '+')})\b")


@cache
def _qualifiers() -> tuple[dict[str, tuple[str, str]], re.Pattern[str], re.Pattern[str]]:
    table = {p.lower(): (q, pos) for _, (p, q, pos) in data_rows("qualifiers.txt", 3)}
    before = sorted((p for p, (_, pos) in table.items() if pos in ("before", "verb")), key=len, reverse=True)
    after = sorted((p for p, (_, pos) in table.items() if pos == "after"), key=len, reverse=True)

    def alt(phrases: list[str]) -> str:
        words = [p for p in phrases if p[0].isalnum()]
        symbols = [p for p in phrases if not p[0].isalnum()]
        out = [rf"\b(?:{trie_pattern(words, space=_SPACE + '+')})"] if words else []
        out += [re.escape(p) for p in symbols]
        return "|".join(out)

    # matched against the reversed text before the number: one anchored attempt instead of a search
    words = [p[::-1] for p in before if p[0].isalnum()]
    symbols = [re.escape(p[::-1]) for p in before if not p[0].isalnum()]
    rev = rf"(?i)-?{_SPACE}*(?:(?:{trie_pattern(words, space=_SPACE + '+')})(?!\w)|{'|'.join(symbols)})"
    before_re = compile_pattern(rev)
    after_re = compile_pattern(rf"(?i){_SPACE}*-?(?:{alt(after)})\b")
    return table, before_re, after_re


@cache
def _phrasal_verb() -> re.Pattern[str]:
    """Verbs whose "up"/"down" is a particle, not a change ("gave up 517 yards"): data/phrasal_verbs.txt."""
    verbs = [line.lower() for _, line in data_lines("phrasal_verbs.txt")]
    return compile_pattern(rf"(?i)\b(?:{trie_pattern(verbs)}){_SPACE}+(?:up|down)\b")


_TREND_WINDOW = 48  # characters before a number searched for a trend word ("raised its prices by")


@dataclass(frozen=True, slots=True)
class _TrendWord:
    trend: str
    by_only: bool  # "raised $280 million" is money collected; "raised prices by 4%" is a change


@cache
def _trend_words() -> tuple[dict[str, _TrendWord], re.Pattern[str]]:
    table = {fields[0].lower(): _TrendWord(fields[1], fields[2:3] == ["by-only"])
             for _, fields in data_rows("trend_words.txt", 2)}
    # matched against the reversed text before the number (see _qualifiers); "by" may follow the verb's
    # object: "grow sales by 35 per cent", "cut its workforce by 1,200"
    words = trie_pattern(w[::-1] for w in table)
    rev = rf"(?i){_SPACE}*(?P<by>yb{_SPACE}+(?:[a-z'’]+{_SPACE}+){{0,3}}?)?(?P<word>{words})(?!\w)"
    return table, compile_pattern(rev)


def _trend_before(text: str, start: int, floor: int) -> str | None:
    """The trend ("up"/"down") a word right before the number gives it ("rose 5%", "cut ... by 1,200")."""
    table, pattern = _trend_words()
    m = _ending_before(pattern, text, start, floor, _TREND_WINDOW)
    if m is None or _phrasal_verb().search(text, max(floor, start - m.end() - 12), start):
        return None
    word = table[m.group("word")[::-1].lower()]
    return None if word.by_only and m.group("by") is None else word.trend


def _ending_before(pattern: re.Pattern[str], text: str, start: int, floor: int, width: int) -> re.Match[str] | None:
    """`pattern` (written for reversed text) matched against the `width` characters before `start`."""
    return pattern.match(text[max(floor, start - width):start][::-1])


# ---------------------------------------------------------------------------------------------------
# Reading one number

_DIGITS = compile_pattern(
    r"""
    (?P<num>
        \d{1,3}(?:\.\d{3}){2,}(?![\d.])          # 1.234.567 (dots as thousands separators)
      | \d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,]\d)  # 2,50,000 (lakh grouping, South Asian press)
      | \d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)  # 1,234,567.89
      | \d{1,3}(?:[\u202f\u2009\u00a0]\d{3})+(?!\d)  # 1 234 567 (thin or no-break spaces between groups)
      | \d+(?:\.\d+)?                             # 1234.5
      | \.\d+                                     # .001
    )
    (?P<eurodec>,\d{1,2}(?=[ \u00a0]?(?:million|billion|mln|bn|m\b)))?  # 2,5 million
    """,
    re.VERBOSE,
)


_DOT_THOUSANDS = compile_pattern(r"\d{1,3}(?:\.\d{3}){2,}")
_DECIMAL_COMMA = compile_pattern(r"\d+,\d{1,2}")
_COMMA_THOUSANDS = compile_pattern(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+")
_LAKH_GROUPS = compile_pattern(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
_SPACED_THOUSANDS = compile_pattern(r"\d{1,3}(?:[\u202f\u2009\u00a0]\d{3})+")


def parse_digits(surface: str) -> float:
    """The value of a run of digits with separators: "1,234.5", "1.234.567", ".5", "2,5" (decimal comma),
    "2,50,000" (lakh grouping), "1\u202f234" (thin-space grouping)."""
    if surface.isdigit():  # the common case: no sign, space nor separator to read
        value = float(surface)
        if not math.isfinite(value):
            raise ParseError(f"number out of range: {surface!r}")
        return value
    s = surface.strip().replace("\u2212", "-")
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    if s.isdigit():
        pass  # signed or spaced digits: no separator to read
    elif _DOT_THOUSANDS.fullmatch(s):
        s = s.replace(".", "")
    elif _DECIMAL_COMMA.fullmatch(s):
        s = s.replace(",", ".")
    elif _COMMA_THOUSANDS.fullmatch(s) or _LAKH_GROUPS.fullmatch(s):
        s = s.replace(",", "")
    elif _SPACED_THOUSANDS.fullmatch(s):
        s = "".join(s.split())
    else:
        raise ParseError(f"not a number: {surface!r}")
    value = sign * float(s)
    if not math.isfinite(value):
        raise ParseError(f"number out of range: {surface!r}")
    return value


def parse_word_tokens(tokens: list[str]) -> float | None:
    """The value of a run of number-word tokens ("three hundred and forty-two"), or None if ill-formed."""
    words = number_words()
    total = 0.0
    current = 0.0
    seen_number = False
    pending_a = False  # "a" / "an" before a scale or dozen: "a hundred", "a dozen"
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok in ("a", "an"):
            pending_a = True
            i += 1
            continue
        if tok == "of" and i + 1 < n and tokens[i + 1] in ("a", "an") and seen_number:
            i += 1  # "a quarter of a million"
            continue
        if tok == "and":
            # "one and a half", "a hundred and two"; "and" must lead to another number word
            if i + 1 >= n or not seen_number:
                return None
            i += 1
            continue
        word = words.get(tok)
        if word is None:
            return None
        role = word.role
        if role == "unit" or role == "tens":
            below_hundred = current % 100
            if below_hundred == 0:
                current += word.value  # "three", "a hundred and two", "three hundred and forty"
            elif role == "unit" and below_hundred >= 20 and below_hundred % 10 == 0 and word.value < 10:
                current += word.value  # "forty-two", "twenty four"
            else:
                return None  # "three four", "twenty thirty": not one number
            seen_number = True
        elif role == "scale":
            base = current if current else (1.0 if pending_a or not seen_number else 0.0)
            if not base and seen_number and total:
                return None
            if word.value >= 1000:
                total = (total + (base or 1.0)) * word.value if total and total < word.value else \
                    total + (base or 1.0) * word.value
                current = 0.0
            else:
                current = (base or 1.0) * word.value
            seen_number = True
        elif role == "dozen":
            current = (current or 1.0) * word.value
            seen_number = True
        elif role == "couple":
            current = word.value
            seen_number = True
        elif role == "fraction":
            if (pending_a and current and tokens[i - 2:i] == ["and", "a"]) or (
                    i >= 2 and tokens[i - 1] == "a" and tokens[i - 2] == "and"):
                current += word.value  # "one and a half"
            elif current and current < 10:
                current = current * word.value  # "two-thirds", "three quarters"
            else:
                current = word.value  # "half", "a quarter"
            seen_number = True
        pending_a = False
        i += 1
    if not seen_number:
        return None
    return total + current


_TOKEN = compile_pattern(r"[a-z]+")
_SCALES = "hundred|thousand|million|billion|trillion"


def parse_number(surface: str) -> float:
    """The value of one written number: digits, words, or digits with a scale ("1.5 million")."""
    if _SPACED_THOUSANDS.fullmatch(surface.strip()):
        return parse_digits(surface)  # its spaces group digits: "1\u202f234"
    s = " ".join(surface.strip().split())
    if not s:
        raise ParseError("empty number")
    unsigned = s.lstrip("+-\u2212")
    m = _DIGITS.match(unsigned)
    if m and m.end() == len(unsigned):
        return parse_digits(s)
    if m:
        head = s[: len(s) - len(unsigned) + m.end()]
        rest = s[len(head):].strip().lower()
        value = parse_digits(head)
        rest_tokens = _TOKEN.findall(rest.replace("-", " "))
        table, _ = _multipliers()
        if len(rest_tokens) == 1 and rest_tokens[0] in table and not rest.startswith(("m ", "k ")):
            return value * table[rest_tokens[0]][0]
        scale = parse_word_tokens(rest_tokens) if rest_tokens else None
        if scale is None or any(number_words()[t].role not in ("scale", "dozen") for t in rest_tokens
                                if t in number_words()):
            raise ParseError(f"not a number: {surface!r}")
        return value * scale
    tokens = _TOKEN.findall(s.lower().replace("-", " "))
    if not tokens or "".join(tokens) != re.sub(r"[\s-]", "", s.lower()):
        raise ParseError(f"not a number: {surface!r}")
    words_value = parse_word_tokens(tokens)
    if words_value is None:
        raise ParseError(f"not a number: {surface!r}")
    return words_value


# ---------------------------------------------------------------------------------------------------
# Finding numbers in text


@cache
def _core_parts() -> tuple[str, str]:
    """The alternations of `_core_re`: vague phrases, and runs of number words."""
    word_alt = trie_pattern(number_words())
    word_run = (
        rf"(?:(?:an?|one){_SPACE}+)?(?:{word_alt})"
        rf"(?:(?:{_SPACE}*-{_SPACE}*|{_SPACE}+)(?:and{_SPACE}+|of{_SPACE}+(?=an?{_SPACE}+(?:{_SCALES})\b))?"
        rf"(?:an?{_SPACE}+)?(?:{word_alt}))*"
    )
    return trie_pattern(_vague()[0], space=_SPACE + "+"), word_run


_CORE_DIGITS = r"(?P<digits>(?<![\d.,])[+\-\u2212]?(?:\d|\.\d)[\d,.]*)"


@cache
def _core_re() -> re.Pattern[str]:
    vague_alt, word_run = _core_parts()
    return compile_pattern(rf"(?i)(?P<vague>\b(?:{vague_alt})\b)|{_CORE_DIGITS}|(?P<words>\b{word_run}\b)")


@cache
def _core_search_re() -> re.Pattern[str]:
    """`_core_re` for searching lower-cased text: without IGNORECASE, and skipping quickly to a possible start.

    The search tries every position of a sentence: each first tests one character (a word's first letter
    that may open a number word or a vague phrase, or what opens digits) before any alternative.
    """
    vague_alt, word_run = _core_parts()
    first = re.escape("".join(sorted({w[0] for w in [*number_words(), *_vague()[0], "a", "one"]})))
    return compile_pattern(rf"\b(?=[{first}])(?:(?P<vague>(?:{vague_alt})\b)|(?P<words>{word_run}\b))"
                           rf"|(?=[\d.+\-\u2212]){_CORE_DIGITS}")


def lowered(text: str) -> str | None:
    """`text` in lower case for `find_numbers`, or None when lower-casing would move offsets ("İ")."""
    low = text.lower()
    return low if len(low) == len(text) else None


def _word_tokens(surface: str) -> list[str]:
    return _TOKEN.findall(surface.lower())


_SLASH_FRACTION = compile_pattern(rf"[/⁄](\d+)(?={_SPACE}+of\b)")
_SLASH = compile_pattern(r"[/⁄]\d")


def _read_digits(text: str, pos: int, limit: int) -> tuple[float, int, bool] | None:
    """(value, end, is a fraction) of the digits number at `pos`, or None when it is not a clean number.

    "1/16 of a pint" is a fraction; other slashes ("24/7", "12/08") make no number.
    """
    sign = 1.0
    i = pos
    if i < limit and text[i] in "+-\u2212":
        sign = -1.0 if text[i] != "+" else 1.0
        i += 1
    m = _DIGITS.match(text, i, limit)
    if not m:
        return None
    surface = m.group("num") + (m.group("eurodec") or "")
    try:
        value = parse_digits(surface)
    except ParseError:
        return None
    end = m.end()
    if surface.endswith("."):
        end -= 1
    frac = _SLASH_FRACTION.match(text, end, limit)
    if frac is not None and m.group("num").isdigit() and int(frac.group(1)) > 0:
        return sign * value / int(frac.group(1)), frac.end(), True
    if _SLASH.match(text, end, limit):
        return None
    return sign * value, end, False


def _apply_multiplier(text: str, end: int, limit: int, money: bool) -> tuple[float, int] | None:
    """(factor, new end) of a multiplier written after the number at `end`, if any."""
    table, pattern = _multipliers()
    factor = 1.0
    found = False
    while True:
        m = pattern.match(text, end, limit)
        if not m:
            break
        form = m.group(2)
        value, when = table[form]
        attached = m.group(1) == ""
        if when == "attached" and not attached:
            break
        if when == "money" and not (money or _MILLION_NOUN_AFTER.match(text, m.end(), limit)):
            break
        if m.group(1).strip() == "-" and when != "always":
            break
        factor *= value
        end = m.end()
        found = True
        if when != "always":
            break
    return (factor, end) if found else None


# not frozen: one is made for every number read, and a frozen dataclass's __init__ (an object.__setattr__
# call a field) costs four times as much; nothing changes one after it is made
@dataclass(slots=True)
class _Core:
    start: int
    end: int
    value: float
    spelled: bool
    has_multiplier: bool
    fraction: bool
    rounded: bool = False  # "half a million", "a couple hundred": a round figure, approximately


def _read_core(text: str, pos: int, limit: int, money: bool) -> _Core | None:
    """A number (digits or words, with its multiplier) starting exactly at `pos`."""
    if pos >= limit:
        return None
    ch = text[pos]
    if ch.isdigit() or (ch in "+-\u2212." and pos + 1 < limit and text[pos + 1].isdigit()):
        got = _read_digits(text, pos, limit)
        if got is None:
            return None
        value, end, fraction = got
        mult = _apply_multiplier(text, end, limit, money)
        if mult:
            return _Core(pos, mult[1], value * mult[0], False, True, False)
        return _Core(pos, end, value, False, False, fraction)
    m = _core_re().match(text, pos, limit)
    if not m or not m.group("words"):
        return None
    return _word_core(text, m.start(), m.end())


_BY_BEFORE_HALF = compile_pattern(rf"\bby{_SPACE}+\Z", re.IGNORECASE)
_A_AFTER_HALF = compile_pattern(rf"{_SPACE}+an?{_SPACE}+", re.IGNORECASE)
_SPACES = compile_pattern(rf"{_SPACE}+")


def _half_counts(text: str, start: int, end: int) -> bool:
    """Whether a bare "half" is a quantity: "half of ...", "half a mile", "half an hour", "fell by half"."""
    if text[end:end + 4].lower().startswith(" of"):
        return True
    a = _A_AFTER_HALF.match(text, end)
    if a is None:
        return bool(_BY_BEFORE_HALF.search(text, max(0, start - 5), start))
    return match_unit(text, a.end()) is not None  # "half a length" is no unit: no figure


#: What may follow "a third", "a quarter" when it is a share: "of", a unit, the end of its phrase.
_FRACTION_END = compile_pattern(rf"{_SPACE}*(?:[^\w\s-]|\Z|(?:of|to|in|on|at|for|by|from|and|or|but|as|since|over|"
                                rf"this|last|than|the|its|their|his|her|a|an|after|before|during|compared)\b)",
                                re.IGNORECASE)


def _fraction_ends(text: str, end: int) -> bool:
    """Whether a bare fraction word ending at `end` stands as a share (not as an ordinal before a noun)."""
    if _FRACTION_END.match(text, end):
        return True
    gap = _A_AFTER_HALF.match(text, end) or _SPACES.match(text, end)
    return gap is not None and match_unit(text, gap.end()) is not None


def _word_core(text: str, start: int, end: int) -> _Core | None:
    surface = text[start:end]
    tokens = _word_tokens(surface)
    # trim trailing tokens that cannot end a number ("and", "a")
    while tokens and tokens[-1] in ("and", "a", "an"):
        tokens.pop()
    if not tokens:
        return None
    value = parse_word_tokens(tokens)
    if value is None:
        return None
    words = number_words()
    roles = [words[t].role for t in tokens if t in words]
    if not roles:
        return None
    fraction = "fraction" in roles and value < 1
    end = start + len(surface)
    # "third city", "half-time": an ordinal or a word, unless "half of ..."
    if roles == ["fraction"] and not (tokens[0] in ("a", "an", "one") or tokens[-1].endswith("s")) \
            and not (tokens == ["half"] and _half_counts(text, start, end)):
        return None
    if roles.count("fraction") > 1:
        return None  # "third quarter", "a third half": a period of a year or a game, not a product of fractions
    if roles == ["fraction"] and tokens[0] in ("a", "an") and not tokens[-1].endswith("s") \
            and not _fraction_ends(text, start + len(surface.rstrip())):
        return None  # "a third straight meeting", "a third-party review": an ordinal
    # re-find the end: the span of the tokens kept
    last = tokens[-1]
    idx = surface.lower().rfind(last)
    end = start + idx + len(last)
    roles = [words[t].role for t in tokens if t in words]
    if len(tokens) == 1 and tokens[0] in ("a", "an"):
        return None
    if roles == ["dozen"] and tokens[0] not in ("a", "an"):
        return None  # "a baker's dozen": a name, not a count
    has_scale = any(r in ("scale",) for r in roles)
    return _Core(start, end, value, True, has_scale, fraction,
                 rounded=has_scale and any(r in ("fraction", "couple") for r in roles))


_RANGE_SEP = compile_pattern(rf"{_SPACE}*(?:-to-|-|–|—|to|and|or){_SPACE}*(?:[$€£]{_SPACE}?)?", re.IGNORECASE)


# "1.5m people", "300m dollars": a bare "m" is million, not metres, before a plural noun
_MILLION_NOUN_AFTER = compile_pattern(rf"{_SPACE}+(?:people|[a-z]{{2,}}[^s\W]s)\b")
_UNIT_GAP = compile_pattern(rf"{_SPACE}?")


def _range_continuation(text: str, core: _Core, limit: int, money: bool, *, between: bool,
                        from_: bool) -> tuple[_Core, str, str | None] | None:
    m = _RANGE_SEP.match(text, core.end, limit)
    unit_between = None
    if not m:
        # "between 5% and 6%", "from 1 per cent to 1.5 per cent": the unit is written twice
        gap = _UNIT_GAP.match(text, core.end, limit)
        unit_between = match_unit(text, gap.end() if gap else core.end)
        if unit_between is not None:
            m = _RANGE_SEP.match(text, unit_between.end, limit)
    if not m and from_:
        # "from 20 miles per gallon in 2008 to 29 mpg": a few words may stand between the ends
        after = unit_between.end if unit_between is not None else core.end
        m = _FROM_TO_GAP.match(text, after, min(limit, after + 40))
    if not m:
        return None
    sep = m.group().strip(" \t\u00a0\u202f$€£").lower().rsplit(None, 1)[-1]
    if sep == "-to-":
        sep = "to"  # "the 100-to-300 range"
    if sep == "and" and not between:
        return None
    ascending_only = not from_
    if sep == "or" and not (core.spelled or core.value < 100):
        return None
    if sep in ("-", "–", "—") and core.spelled and m.group().strip() != sep:
        return None
    nxt = _read_core(text, m.end(), limit, money)
    if nxt is None:
        return None
    if sep == "or" and nxt.spelled != core.spelled:
        return None
    if sep == "to" and _BY.search(text, max(0, core.start - 4), core.start) and nxt.value > 3 * core.value:
        return None  # "increased by $43.6 billion to $419.2 billion": a change, then a level
    if ascending_only and nxt.value <= core.value and not nxt.has_multiplier:
        return None  # "2012-13", "89-89": a season or a score, not a range
    if unit_between is not None:
        gap = _UNIT_GAP.match(text, nxt.end, limit)
        again = match_unit(text, gap.end() if gap else nxt.end)
        if (again is None and not from_) or (again is not None and again.unit.name != unit_between.unit.name):
            return None  # "from 208 pounds to 193" may leave the unit out; "5 km to 3 people" is no range
    return nxt, sep, unit_between.unit.name if unit_between is not None else None


def qualifier_after(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """(qualifier, end) of a bounding word written after a number ("300 or so", "50 or more", "50-plus")."""
    table, _, after_re = _qualifiers()
    m = after_re.match(text, pos, limit)
    if not m:
        return None
    phrase = " ".join(m.group().lower().lstrip("- \t\u00a0").split())
    entry = table.get(phrase)
    return (entry[0], m.end()) if entry else None


def _qualifier_before(text: str, start: int, floor: int) -> tuple[str, int] | None:
    table, before_re, _ = _qualifiers()
    m = _ending_before(before_re, text, start, floor, 24)
    if not m:
        return None
    phrase = " ".join(m.group()[::-1].lower().rstrip("- \t\u00a0").split())
    entry = table.get(phrase)
    if entry is None:
        return None
    if entry[1] == "verb":
        return entry[0], start  # "passed 2,000": the verb bounds the number but is not part of the figure
    return entry[0], start - m.end()


# words that PDF-extracted text often glues to the number after them ("with14,593", "some2,000")
_GLUED_WORD = compile_pattern(
    r"(?<![A-Za-z])(?:with|about|around|some|nearly|almost|than|least|of|to|and|by|between)\Z")
_MINUS = compile_pattern(rf"(?i)\bminus[{_SPACE[1:-1]}-]?\Z")
# "gave up 517 yards", "shut down 3 plants": the particle belongs to the verb, the number is no change
_FROM_TO_GAP = compile_pattern(rf"(?:{_SPACE}+[\w.′']+){{1,4}}?{_SPACE}+to{_SPACE}*(?:[$€£]{_SPACE}?)?(?=[\d.])")
_BY = compile_pattern(rf"\bby{_SPACE}+[$€£]?\Z")
_BETWEEN = compile_pattern(rf"(?i)\bbetween{_SPACE}*\Z")  # "between159,000" in text taken from a PDF
_FROM = compile_pattern(rf"(?i)\bfrom{_SPACE}+\Z")


_OF_AFTER = compile_pattern(rf"{_SPACE}+of\b")


@cache
def _vague_bounds() -> dict[str, tuple[float, float]]:
    return _vague()[0]


def _vague_match(text: str, m: re.Match[str]) -> NumberMatch | None:
    phrase = " ".join(m.group().lower().split())
    bounds = _vague_bounds().get(phrase)
    if bounds is None:
        return None
    end = m.end()
    word = phrase.split()[-1]
    # "scores of": the "of" is required and belongs to the phrase; "dozens"/"thousands" may stand alone
    of = _OF_AFTER.match(text, end, end + 8)
    if phrase == "several" and of:
        return None  # "several of them": not a count
    if word in ("scores",) and not of:
        return None
    return NumberMatch(start=m.start(), end=end, value=None, low=bounds[0], high=bounds[1],
                       qualifier="vague", vague=True, number_start=m.start(), number_end=end)


def find_numbers(text: str, start: int = 0, end: int | None = None, *,
                 lower: str | None = None) -> Iterator[NumberMatch]:
    """Every number in `text[start:end]` with its qualifier, range partner, multiplier and trend.

    `lower` is `lowered(text)`, when the caller scans many slices of one text: searching it is faster.
    """
    limit = len(text) if end is None else end
    pos = start
    searched, core_re = (lower, _core_search_re()) if lower is not None else (text, _core_re())
    while True:
        m = core_re.search(searched, pos, limit)
        if not m:
            return
        if m.group("vague"):
            vm = _vague_match(text, m)
            pos = m.end()
            if vm is not None:
                yield vm
            continue
        if m.group("words"):
            # a word-number can start with "a"/"one": "a dozen", "one and a half"
            core = _word_core(text, m.start(), m.end())
            currency = None if core is None else match_currency_prefix(text, core.start)
        else:
            ds = m.start("digits")
            if ds > 0 and text[ds - 1].isalpha() and match_currency_prefix(text, ds) is None \
                    and not _MINUS.search(text, max(0, ds - 6), ds):
                if text[ds] == "-" and ds + 1 < limit and text[ds + 1].isdigit():
                    ds += 1  # "sub-7", "COVID-19": a hyphen, not a minus sign
                elif not _GLUED_WORD.search(text, max(0, ds - 12), ds):
                    # glued to a word ("A2", "S22"): a name, not a number
                    pos = m.end()
                    continue
            currency = match_currency_prefix(text, ds)
            core = _read_core(text, ds, limit, money=currency is not None)
            if core is not None and _malformed_digits(text, core.end, m.end("digits")):
                pos = m.end()
                continue
        if core is None:
            pos = m.end()
            continue
        if currency is None and text[core.end + 1:core.end + 2] in _RATIO_FIRST:
            core = _ratio(text, core, limit) or core
        found = _complete(text, core, start, limit, currency)
        yield found
        pos = max(found.end, m.end() if m.end() <= found.end else core.end, pos + 1)


#: Between the two numbers of a ratio: "one in five", "1 out of 3".
_RATIO_LINK = compile_pattern(rf"{_SPACE}+(?:in|out{_SPACE}+of){_SPACE}+", re.IGNORECASE)
#: The largest part and the largest whole of a ratio ("nine in ten", "one in 1,000"): above them, "12 out of
#: 40 passengers" is a count of a part and of its whole, and "one in 2011" no ratio at all.
_RATIO_PART_MAX = 10
_RATIO_FIRST = frozenset("ioIO")  # the first letter of the link, one space after the part
#: A verb right before the part of a ratio (after its qualifier): "killed (at least) 2 in 3 raids".
_VERB_BEFORE = compile_pattern(rf"(?i)\b[a-z]+(?:ed|ing){_SPACE}+\Z")
_RATIO_WHOLE_MAX = 1000


def _ratio(text: str, core: _Core, limit: int) -> _Core | None:
    """The share "one in five" (0.2) when `core` is the part of such a ratio, else None.

    The whole must be a bare count: "3 in 24 hours" is a count in a period.
    """
    part = core.value
    if core.has_multiplier or core.fraction or not 0 < part <= _RATIO_PART_MAX or part != int(part):
        return None
    link = _RATIO_LINK.match(text, core.end, limit)
    if link is None:
        return None
    whole = _read_core(text, link.end(), limit, money=False)
    if whole is None or whole.has_multiplier or whole.fraction or whole.value != int(whole.value) \
            or not part < whole.value <= _RATIO_WHOLE_MAX:
        return None
    gap = _SPACES.match(text, whole.end, limit)
    if match_unit(text, whole.end) is not None or (gap is not None and match_unit(text, gap.end()) is not None):
        return None
    q = _qualifier_before(text, core.start, max(0, core.start - 40))
    verb = _VERB_BEFORE.search(text, max(0, (q[1] if q else core.start) - 24), q[1] if q else core.start)
    if verb is not None:
        return None  # "killed 2 in 3 raids": the verb counts whom it acts on
    return _Core(core.start, whole.end, part / whole.value, core.spelled and whole.spelled, False, True)


def _malformed_digits(text: str, end: int, token_end: int) -> bool:
    """Whether digits go on past the number read with a separator that makes no number ("1,2,3")."""
    rest = text[end:token_end]
    return len(rest) >= 2 and rest[0] in ",." and rest[1].isdigit()


def _complete(text: str, core: _Core, floor: int, limit: int, currency: UnitMatch | None) -> NumberMatch:
    """The number match around a core: range partner, qualifier and trend words; `currency` is the currency
    symbol written right before the core (`match_currency_prefix(text, core.start)`)."""
    left = currency.start if currency else core.start
    between = bool(_BETWEEN.search(text, max(floor, left - 9), left))
    from_ = bool(_FROM.search(text, max(floor, left - 6), left))
    rng = _range_continuation(text, core, limit, currency is not None, between=between, from_=from_)
    inner_unit = None
    value: float | None = core.value
    low: float | None = core.value
    high: float | None = core.value
    qualifier = "exact"
    end = core.end
    start = left
    has_mult = core.has_multiplier
    if rng is not None:
        second, sep, inner_unit = rng
        first_value = core.value
        if second.has_multiplier and not core.has_multiplier and not core.spelled:
            _, _mult_end = second.start, second.end
            factor = _trailing_factor(text, second)
            if factor and first_value * factor <= second.value * 1.0001:
                first_value *= factor
        if sep == "to" and from_ and first_value > second.value:
            pass
        lo_v, hi_v = sorted((first_value, second.value))
        if hi_v > lo_v:
            value, low, high = None, lo_v, hi_v
            qualifier = "range"
            end = second.end
            has_mult = has_mult or second.has_multiplier
            if between:
                start = _BETWEEN.search(text, max(floor, left - 9), left).start()  # type: ignore[union-attr]
            elif from_ and sep == "to":
                start = _FROM.search(text, max(floor, left - 6), left).start()  # type: ignore[union-attr]
    minus = _MINUS.search(text, max(floor, start - 6), start)
    if minus is not None:
        start = minus.start()
        value, low, high = (None if v is None else -abs(v) for v in (value, low, high))
        if qualifier == "range":
            low, high = sorted((low, high))  # type: ignore[type-var]
    trend = None
    q = _qualifier_before(text, start, floor) if qualifier != "range" else None
    if core.rounded and qualifier == "exact":
        qualifier = "approximately"
    if q is not None:
        qual, qstart = q
        if qual != "exact":
            qualifier = qual
            if qual in ("at_least", "more_than"):
                high = None
            elif qual in ("at_most", "less_than", "up_to"):
                low = None
        start = qstart
    # "jumped from 240 to 273": the two ends are levels before and after the change, not the change itself
    from_to = qualifier == "range" and text[start:start + 4].lower() == "from"
    trend = None if from_to else _trend_before(text, start, floor)
    if trend is None and text[core.start] == "+" and core.start == left:
        trend = "up"
    return NumberMatch(
        start=start, end=end, value=value, low=low, high=high, qualifier=qualifier,
        spelled=core.spelled, fraction=core.fraction, has_multiplier=has_mult,
        number_start=core.start, number_end=end, trend=trend,
        currency=currency.unit.name if currency else None,
        currency_start=currency.start if currency else None,
        inner_unit=inner_unit if qualifier == "range" else None,
    )


def _trailing_factor(text: str, core: _Core) -> float | None:
    """The multiplier at the end of a core ("5 billion" -> 1e9), for sharing it across a range."""
    table, pattern = _multipliers()
    m = re.search(rf"(?:{pattern.pattern[len(f'({_SPACE}?-?)'):]})$", text[core.start:core.end])
    if m:
        return table[m.group(1)][0]
    tokens = _word_tokens(text[core.start:core.end])
    if tokens and tokens[-1] in number_words() and number_words()[tokens[-1]].role == "scale":
        return number_words()[tokens[-1]].value
    return None
