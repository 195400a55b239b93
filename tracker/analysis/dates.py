"""Dates in news text: "on February 6", "October 2002", "since 2011", "on Friday", "last week".

Absolute dates are read here; relative ones ("Friday's attack", "two days ago", "last week") are resolved
by `dateparser` against the publication date, and stay unresolved when the document has none. A year is
read only where the words around it make it a year ("in 2004", "the 2004 tsunami", "October 2002"): a
bare "2000" may be a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from tracker.patterns import compile_pattern

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                          "sunday"))}
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)"
_DATE = compile_pattern(
    rf"""(?P<since>\b(?:since|from)\s+)?(?:
        (?P<md>\b{_MONTH}\s+{_DAY}\b(?:,?\s+(?P<mdy>{_YEAR})\b)?)
      | (?P<dm>\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<dmy>{_YEAR}))?\b)
      | (?P<my>\b(?:(?:early|mid|late)[\s-]+)?{_MONTH}\s+(?P<myy>{_YEAR})\b)
      | (?P<yr>\b(?P<yrp>in|of|since|from|between|and|until|till|to|during|by|before|after|the|early|mid|late)
              [\s-]+(?P<yry>{_YEAR})\b(?![\s\u00a0]*(?:%|percent|per\s+cent)))
      | (?P<bare>\b(?P<barey>{_YEAR})(?=\s*[,.;:)]|\s+(?:has|had|was|is|saw|brought|will|would)\b))
      | (?P<wd>\b(?:(?:on|last|late|early|this)\s+)?{_WEEKDAY}(?:['’]s)?
              (?:\s+(?:night|morning|afternoon|evening))?\b)
      | (?P<rel>\b(?:yesterday|today|tonight|last\s+night|overnight
              |(?:last|this|earlier\s+this)\s+(?:week|month|year|weekend)
              |{_COUNT}\s+(?:days?|weeks?|months?|years?)\s+ago)\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)


# Words every date holds one of: the full pattern is tried only around them (most text has no date). Each
# ends a word in every date ("Sept. 5", "Monday's"), so "market" or "decade" is no anchor.
_ANCHOR = compile_pattern(
    r"\b(?:" + "|".join(sorted({*_MONTHS, *_WEEKDAYS}, key=len, reverse=True))
    + r"|yesterday|today|tonight|overnight|ago|last|this|(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
#: How far before its anchor word a date may start ("since 6 February"), and after it end.
_BEFORE_ANCHOR = 32
_AFTER_ANCHOR = 40


def _date_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The matches of the date pattern in `text[start:end]`, searched only around anchor words."""
    out: list[re.Match[str]] = []
    pos = start
    for anchor in _ANCHOR.finditer(text, start, end):
        if anchor.end() <= pos:
            continue
        m = _DATE.search(text, max(pos, anchor.start() - _BEFORE_ANCHOR), min(end, anchor.end() + _AFTER_ANCHOR))
        while m is not None and m.end() <= anchor.start():
            m = _DATE.search(text, m.end(), min(end, anchor.end() + _AFTER_ANCHOR))
        if m is not None and m.start() <= anchor.end():
            out.append(m)
            pos = m.end()
    return out


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or year named in the text, resolved as far as the text and publication date allow."""

    start: int
    end: int
    text: str
    day: date | None  # the day, when fixed
    year: int | None  # the year, when known (also when the day is not)
    since: bool  # "since 2011", "from February 6": a period that runs from this time
    relative: bool  # "on Friday", "last week": read against the publication date


def _year_for(month: int, day: int, published: date | None) -> int | None:
    """The year of a month-day written without one: the latest such day not after publication."""
    if published is None:
        return None
    year = published.year
    try:
        if date(year, month, day) > published + timedelta(days=1):
            year -= 1
    except ValueError:
        return None
    return year


def _day(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


_DAY_DIGITS = compile_pattern(r"\d+")
_MONTH_WORD = compile_pattern(_MONTH, re.IGNORECASE)


def _month_day(text: str) -> tuple[int, int]:
    month = _MONTHS[_MONTH_WORD.search(text).group().rstrip(".").lower()]  # type: ignore[union-attr]
    day = int(_DAY_DIGITS.search(text).group())  # type: ignore[union-attr]
    return month, day


@lru_cache(maxsize=4096)
def _relative(phrase: str, published: date) -> date | None:
    """A relative phrase ("friday", "last week", "two days ago") as a day, read by dateparser."""
    import dateparser  # loaded on first use: it takes a while and only relative dates need it

    words = phrase.lower().replace("’", "'").replace("'s", "")
    words = re.sub(r"\b(?:on|late|early|night|morning|afternoon|evening)\b", " ", words)
    words = " ".join(words.split())
    weekday = _WEEKDAYS.get(words.removeprefix("last ").removeprefix("this "))
    if weekday is not None:  # the latest such day up to publication ("last Friday": strictly before)
        back = (published.weekday() - weekday) % 7
        return published - timedelta(days=back or (7 if words.startswith("last ") else 0))
    if words in ("overnight", "tonight", "last night"):
        return published - timedelta(days=1) if words != "tonight" else published
    if words == "this weekend" or words == "last weekend":
        words = "last saturday"
    base = datetime(published.year, published.month, published.day, 12)
    found = dateparser.parse(
        words, languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return None if found is None else found.date()


def find_dates(text: str, published: date | None = None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """The dates named in `text[start:end]`, in text order (see the module docstring)."""
    out: list[DateMention] = []
    for m in _date_matches(text, start, len(text) if end is None else end):
        since = m.group("since") is not None or (m.group("yrp") or "").lower() in ("since", "from")
        relative = False
        day: date | None = None
        year: int | None = None
        if m.group("md") or m.group("dm"):
            raw = m.group("md") or m.group("dm")
            month, d = _month_day(raw)
            stated = m.group("mdy") or m.group("dmy")
            year = int(stated) if stated else _year_for(month, d, published)
            day = _day(year, month, d)
        elif m.group("my"):
            year = int(m.group("myy"))
        elif m.group("yr"):
            year = int(m.group("yry"))
        elif m.group("bare"):
            year = int(m.group("barey"))
        elif m.group("wd") or m.group("rel"):
            relative = True
            phrase = m.group("wd") or m.group("rel")
            if published is not None:
                day = _relative(phrase, published)
                year = day.year if day else None
        else:  # pragma: no cover - every branch of the pattern is handled above
            continue
        begin = m.start("since") if since else m.start()
        if m.group("yr") or m.group("bare"):
            begin = m.start("yry" if m.group("yr") else "barey")  # "in 2004": the date is the year
        out.append(DateMention(begin, m.end(), text[begin:m.end()], day, year, since, relative))
    return out
