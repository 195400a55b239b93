"""What is not a figure: dates, times, years used as names, ordinals, labels, lone "one", page furniture."""

from __future__ import annotations

import re
from functools import cache

from tracker.data_files import data_lines
from tracker.extract.numbers import NumberMatch
from tracker.patterns import compile_pattern

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# before a number: a month name ("November 27", "March the 8th") or a month and a day before a year
# ("Dec 8, 2024": group `day`); after it: a month name ("8 March", "8th Dec", the range partner in
# "between 1 and 16 March") or a time of day ("2.15pm", "9 a.m.", "10 GMT": group `time`)
_MONTH_BEFORE = compile_pattern(
    rf"\b{_MONTH}[ \u00a0]+(?:(?P<day>\d{{1,2}}(?:st|nd|rd|th)?,?[ \u00a0]+)|(?:the[ \u00a0]+)?)\Z"
)
_MONTH_OR_TIME_AFTER = compile_pattern(
    rf"(?:st|nd|rd|th)?(?:[ \u00a0]+of)?[ \u00a0,]+{_MONTH}(?![a-z])"
    r"|(?P<time>(?:[:.]\d{2})?[ \u00a0]?(?:(?i:[ap]\.?m\.?)|GMT|UTC|[A-Z]{1,2}T)\b)"
)
_CLOCK = compile_pattern(r":\d{2}")
_SPACES = frozenset(" \u00a0")
#: The characters _MONTH_OR_TIME_AFTER can start with, but for A-Z (an empty string is not in the set).
_AFTER_FIRST = frozenset("snrt ,\u00a0:.apAP")
_ORDINAL = compile_pattern(r"(?:st|nd|rd|th)\b")
_YEAR_WORDS = compile_pattern(
    r"(?:\b(?:in|since|of|from|until|till|by|before|after|during|early|late|mid|between|and|to|year|"
    r"fiscal|season|the|a|spring|summer|autumn|fall|winter|circa)[ \u00a0]+|mid-|\()\Z",
    re.IGNORECASE,
)
_FOUR_DIGITS = compile_pattern(r"\d{4}")
_DECADE_OR_SEASON = compile_pattern(r"(?:s\b|['’′]s\b|-\d)")  # after a year: "the 1990s", "2022's", "2012-13"
_YEAR_SPAN = compile_pattern(r"\d{4}\D+\d{4}")
_COUNT_NOUN_AFTER = compile_pattern(r"[ \u00a0]+([a-z]+)\b")
_WORD_BEFORE = compile_pattern(r"([A-Za-z][\w&'’.]*)[ \u00a0]*[#-]?\Z")


@cache
def _year_count_nouns() -> frozenset[str]:
    return frozenset(line.lower() for _, line in data_lines("year_count_nouns.txt"))


@cache
def _designators() -> frozenset[str]:
    return frozenset(line.lower() for _, line in data_lines("designators.txt"))


def is_date_or_time(text: str, n: NumberMatch, line_start: int) -> bool:
    """Whether the number is part of a date or a clock time."""
    s, e = n.number_start, n.number_end
    # each pattern needs a particular character next to the number: most numbers are ruled out by a look
    if s > line_start and text[s - 1] in _SPACES:
        # a month and a day ("Dec 8, 2024") within 24 characters, a month alone within 16
        before = _MONTH_BEFORE.search(text, max(line_start, s - 24), s)
        if before and (before.group("day") or before.start() >= max(line_start, s - 16)):
            return True
    after = text[e:e + 1]
    if after in _AFTER_FIRST or "A" <= after <= "Z":
        month_or_time = _MONTH_OR_TIME_AFTER.match(text, e)
        if month_or_time and not (n.spelled and month_or_time.group("time")):
            return True  # a time of day is written in digits: a spelled number before "pm" is no time
    if after == ":" and _CLOCK.match(text, e):
        return True
    return s > 1 and text[s - 1] == ":" and text[s - 2].isdigit()


def is_year(text: str, n: NumberMatch, has_unit: bool) -> bool:
    """Whether the number is a year ("in 2011", "the 2011 uprising", "2015 Security Council resolution")."""
    if n.spelled or n.value is None or has_unit or n.currency or n.has_multiplier:
        return False
    surface = text[n.number_start:n.number_end]
    if not 1500 <= n.value <= 2200 or not _FOUR_DIGITS.fullmatch(surface):
        return False
    if n.qualifier not in ("exact", "range") and n.start != n.number_start:
        return False  # "more than 2000": a count
    after = text[n.number_end:n.number_end + 40]
    if _DECADE_OR_SEASON.match(after):
        return True  # "the 1990s", "2022's", "2012-13"
    before = text[max(0, n.number_start - 16):n.number_start]
    if _YEAR_WORDS.search(before):
        return True
    if not 1900 <= n.value <= 2100:
        return False
    # "2000 troops": a people noun after a bare four-digit number makes it a count
    noun = _COUNT_NOUN_AFTER.match(after)
    return not (noun and noun.group(1) in _year_count_nouns())


def is_year_range(text: str, n: NumberMatch, has_unit: bool) -> bool:
    """Whether a range is a span of years ("between 2014 and 2017", "from 1600 to 1900")."""
    if n.qualifier != "range" or has_unit or n.currency or n.low is None or n.high is None:
        return False
    surface = text[n.number_start:n.number_end]
    return bool(_YEAR_SPAN.fullmatch(surface)) and n.low >= 1000 and n.high <= 2100


def is_ordinal(text: str, n: NumberMatch) -> bool:
    """Whether the digits are an ordinal ("4th", "22nd")."""
    return not n.spelled and bool(_ORDINAL.match(text, n.number_end))


def _word_before_start(text: str, s: int, lo: int) -> int:
    """Where to search for the word before the number: after the last space before it (a word holds none).

    The search tries every start in its window, each running to the end: a narrow window saves most of it.
    """
    end = s - 1 if s > lo and text[s - 1] in "#-" else s
    while end > lo and text[end - 1] in _SPACES:
        end -= 1
    return max(lo, text.rfind(" ", lo, end) + 1)


def is_label(text: str, n: NumberMatch, sentence_start: int, followed_by_quantity_word: bool, *,
             has_unit: bool = False) -> bool:
    """Whether the number names something ("Article 5", "iPhone 11", "TA-35", "resolution 2254").

    A unit after the number makes it a measure even between capitalised words ("Loses 40 Percent Of").
    """
    s = n.number_start
    if n.currency or n.start != s:
        return False
    if s > 0 and text[s - 1] == "-" and s > 1 and text[s - 2].isalpha():
        return not text[max(0, s - 10):s].lower().endswith(("minus-", "magnitude-"))
    if s > 0 and text[s - 1] == "#":
        return True
    m = _WORD_BEFORE.search(text, _word_before_start(text, s, max(sentence_start, s - 24)), s)
    if not m:
        return False
    word = m.group(1).rstrip(".")
    if word.lower() in _designators():
        return True
    # a capitalised name right before a number, with no unit or counted noun after it: "FTSE 100",
    # "S&P 500"; or a name on both sides: "iPhone 11 Pro", "Galaxy Note 20 Ultra"
    if m.start(1) == sentence_start:
        return False
    capitalised = word[0].isupper() or any(c.isupper() for c in word[1:])
    if capitalised and not has_unit and (_CAPITALISED_AFTER.match(text, n.number_end) or _BRAND.fullmatch(word)):
        return True  # a brand in lower camel case names a model, whatever follows: "iPhone 11 Pro cameras"
    return capitalised and not followed_by_quantity_word


_BRAND = compile_pattern(r"[a-z]+[A-Z][A-Za-z]*")  # "iPhone", "eBay", "iOS"
_CAPITALISED_AFTER = compile_pattern(r"[ \u00a0]+[A-Z][a-z]*\b(?![ \u00a0]+[a-z]{3,}s\b)")
_ADDRESS_AFTER = compile_pattern(
    r"(?:[ \u00a0]+[A-Z][\w.]*){0,3}?[ \u00a0]+(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Drive|Boulevard|Blvd)\b"
    r"|[ \u00a0]+[A-Z][ \u00a0]+\d")


def is_address(text: str, n: NumberMatch) -> bool:
    """Whether the number is a street number ("49 Zorro Ranch Road", "9 E 71st St")."""
    return not n.spelled and n.start == n.number_start and bool(_ADDRESS_AFTER.match(text, n.number_end))


_AGE = compile_pattern(r"[A-Z][a-z]+,[ \u00a0]\Z")


def is_age_apposition(text: str, n: NumberMatch) -> bool:
    """Whether the number is a person's age in apposition ("Maddon, 66, has ..."): not a statistic."""
    s, e = n.number_start, n.number_end
    return (n.start == s and not n.spelled and n.value is not None and n.value < 125
            and text[e:e + 1] == "," and bool(_AGE.search(text, max(0, s - 30), s)))


def is_lone_one(text: str, n: NumberMatch) -> bool:
    """Whether the number is a lone "one" naming an individual or a thing, not a statistic."""
    if not n.spelled or n.value != 1 or n.has_multiplier or n.qualifier == "range":
        return False
    return text[n.number_start:n.number_end].lower() in ("one", "a", "an")


_COUNTERS = r"comments?|shares?|likes?|views?|reactions?"
_COUNTER_BEFORE = compile_pattern(rf"(?i)\b(?:{_COUNTERS}|page|pages)(?:[:\s]*|\s+\d+\s+of\s+)\Z")
_COUNTER_AFTER = compile_pattern(
    rf"(?i)[ \u00a0]*(?:k|m)?[ \u00a0]*(?:{_COUNTERS}|min(?:ute)?s?[ \u00a0]+read|of[ \u00a0]+\d+)\b"
)
_PHONE = compile_pattern(
    r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,5}\)[ .-]?)?\d{1,5}(?:[ .-]\d{2,5}){1,4}"
)
_PHONE_PUNCTUATION = frozenset(" .()+-")
_PHONE_RUN = compile_pattern(r"[\d .()+\-]*")
_PHONE_DASHES = compile_pattern(r"\d-\d{3,4}-\d{4}|\d{3}-\d{4}\b")
_PHONE_CUE = compile_pattern(r"(?i)\b(?:tel|telephone|phone|call|fax|hotline|whatsapp|mobile)\b[.:]?[ \u00a0]*\Z")


def is_page_furniture(text: str, n: NumberMatch, line_start: int, line_end: int) -> bool:
    """Whether the number is page furniture: alone on its line, or a counter ("345 comments", "Page 2 of 3")."""
    if not text[line_start:n.start].strip() and not text[n.end:line_end].strip():
        return True
    if line_end - line_start > 60:
        return False  # counters live on short lines of their own
    return bool(_COUNTER_BEFORE.search(text, line_start, n.start) or _COUNTER_AFTER.match(text, n.number_end))


def is_phone_number(text: str, n: NumberMatch, line_start: int) -> bool:
    """Whether the digits are part of a phone number ("+1 555-0100", "(555) 123-4567", "Tel. 020 7946 0958")."""
    if n.spelled:
        return False
    # a phone number is written with digits and " .()+-" only: look at the run of those around the number
    s = n.number_start
    run_start = s
    lo, hi = max(line_start, s - 24), min(len(text), n.number_end + 24)
    while run_start > lo and (text[run_start - 1].isdecimal() or text[run_start - 1] in _PHONE_PUNCTUATION):
        run_start -= 1  # isdecimal: what \d matches
    run_end = _PHONE_RUN.match(text, s, hi).end()  # type: ignore[union-attr]  # never None: "*" matches ""
    if run_end - run_start < 7 or sum(map(str.isdecimal, text[run_start:run_end])) < 7:
        return False
    for m in _PHONE.finditer(text, run_start, run_end):
        if not (m.start() <= s < m.end()):
            continue
        surface = m.group()
        digits = sum(c.isdigit() for c in surface)
        if digits < 7:
            continue
        if surface.startswith("+") or "(" in surface or _PHONE_DASHES.search(surface):
            return True
        before = text[max(line_start, m.start() - 16):m.start()]
        if _PHONE_CUE.search(before) or (m.start() > 0 and text[m.start() - 1] in "+("):
            return True
    return False


_DATE_OR_SCORE_AFTER = compile_pattern(r"-\d{2,}-\d|[-/]\d{2}[-/]\d")  # "2024-12-08", "12/08/2024"
_DATE_OR_SCORE_TAIL = compile_pattern(r"\d[-/−–]$")
_DATE_OR_SCORE_HEAD = compile_pattern(r"[-/]\d")
_EXPONENT_AFTER = compile_pattern(r"[\^]|e\d|×10")
_DASHES = frozenset("-/")
#: The last character before a tail of a date or a score ("$" may match before a final newline).
_TAIL_LAST = frozenset("-/−–\n")
_EXPONENT_FIRST = frozenset("^e×")


def is_phone_or_code(text: str, n: NumberMatch) -> bool:
    """Whether the digits are part of a phone number, an ISO date or a code ("+1 555-0100", "2024-12-08")."""
    e = n.number_end
    s = n.number_start
    after = text[e:e + 1]
    if after in _DASHES and _DATE_OR_SCORE_AFTER.match(text, e, e + 8):
        return True
    if s >= 1 and text[s - 1] in "×^":
        return True  # an exponent: "1.99×10−30", "10^1000"
    if n.qualifier != "range":
        if s >= 2 and text[s - 1] in _TAIL_LAST and _DATE_OR_SCORE_TAIL.search(text, max(0, s - 3), s):
            return True  # the tail of "2024-12-08", "2012-13", "89-89"
        if after in _DASHES and _DATE_OR_SCORE_HEAD.match(text, e, e + 2):
            return True  # the head of a score or a season: "89-89", "2-0"
    return after in _EXPONENT_FIRST and bool(_EXPONENT_AFTER.match(text, e, e + 4))
