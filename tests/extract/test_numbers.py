"""The number grammar, table-driven: every form of SPEC.md ("Bounds and qualifiers", "What counts as a
figure") and the traps that users of quantulum3 and pint report.

Readings of one number go through `parse_number`; qualifiers, bounds, units, trends and categories go
through `extract` on a whole sentence, asserting on the figure that holds the number. Every case here
was written for the project (none is copied from the benchmarks).
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from tracker.errors import ParseError
from tracker.extract import extract
from tracker.extract.numbers import parse_number
from tracker.figure import Figure

#: Marks the value of a range in an expected record: SPEC allows null or the midpoint.
NULL_OR_MIDPOINT = "null-or-midpoint"


def close(got: float | None, want: float | None) -> bool:
    """Whether two optional numbers are the same (relative tolerance for floats)."""
    if got is None or want is None:
        return got is None and want is None
    return math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)


def fig(value: float | str | None, low: float | None, high: float | None, qualifier: str,
        unit: str = "count", **more: Any) -> dict[str, Any]:
    """An expected figure: bounds, qualifier and unit, plus any other fields to check (entity, ...)."""
    return {"value": value, "low": low, "high": high, "qualifier": qualifier, "unit": unit, **more}


def exact(value: float, unit: str = "count", **more: Any) -> dict[str, Any]:
    return fig(value, value, value, "exact", unit, **more)


def approx(value: float, unit: str = "count", **more: Any) -> dict[str, Any]:
    return fig(value, value, value, "approximately", unit, **more)


def vague(low: float, high: float, unit: str = "count", **more: Any) -> dict[str, Any]:
    return fig(None, low, high, "vague", unit, **more)


def rng(low: float, high: float, unit: str = "count", **more: Any) -> dict[str, Any]:
    return fig(NULL_OR_MIDPOINT, low, high, "range", unit, **more)


def figure_at(sentence: str, quote: str | None) -> Figure:
    """The figure of `sentence` whose span holds the start of `quote` (the first figure if no quote)."""
    figures = extract(sentence)
    assert figures, f"no figure in {sentence!r}"
    if quote is None:
        return figures[0]
    pos = sentence.index(quote)
    hits = [f for f in figures if f.start <= pos < f.end]
    assert hits, f"no figure over {quote!r} in {sentence!r}: {[f.text for f in figures]}"
    return hits[0]


def check(figure: Figure, expected: dict[str, Any]) -> None:
    """Assert every expected field of `figure` (numbers with a tolerance)."""
    got = figure.to_dict()
    problems = []
    for key, want in expected.items():
        have = got[key]
        if key == "value" and want == NULL_OR_MIDPOINT:
            low, high = got["low"], got["high"]
            ok = have is None or (low is not None and high is not None and close(have, (low + high) / 2))
        elif key in ("value", "low", "high", "si_value"):
            ok = close(have, want)
        else:
            ok = have == want
        if not ok:
            problems.append(f"{key}={have!r}, want {want!r}")
    assert not problems, f"{figure.text!r} in {figure.sentence!r}: " + "; ".join(problems)


# ---------------------------------------------------------------------------------------------------
# parse_number: one written number -> its value

DIGITS = [
    pytest.param("826", 826, id="plain-integer"),
    pytest.param("0", 0, id="zero-digit"),
    pytest.param("007", 7, id="leading-zeros"),
    pytest.param("1,234", 1234, id="comma-thousands"),
    pytest.param("1,234,567", 1234567, id="comma-millions"),
    pytest.param("1,000,000", 1_000_000, id="comma-one-million"),
    pytest.param("1,234.5", 1234.5, id="comma-thousands-with-decimals"),
    pytest.param("1234567", 1234567, id="no-separators"),
    pytest.param("1.234.567", 1234567, id="dot-thousands-european"),
    pytest.param("12.345.678", 12345678, id="dot-thousands-three-groups"),
    pytest.param("3.14159", 3.14159, id="decimal-point"),
    pytest.param("12.50", 12.5, id="decimal-trailing-zero"),
    pytest.param("0.001", 0.001, id="small-decimal"),
    pytest.param(".5", 0.5, id="leading-dot-decimal"),
    pytest.param("0.0", 0.0, id="zero-point-zero"),
    pytest.param("-5", -5, id="hyphen-minus"),
    pytest.param("\u22123", -3, id="unicode-minus-sign"),
    pytest.param("+7", 7, id="plus-sign"),
    pytest.param("-1,000", -1000, id="negative-with-comma"),
    pytest.param("+2.5", 2.5, id="plus-decimal"),
    pytest.param("  42  ", 42, id="surrounding-spaces"),
]

WORDS = [
    pytest.param("zero", 0, id="word-zero"),
    pytest.param("one", 1, id="word-one"),
    pytest.param("three", 3, id="word-three"),
    pytest.param("eleven", 11, id="word-eleven"),
    pytest.param("twelve", 12, id="word-twelve"),
    pytest.param("seventeen", 17, id="word-seventeen"),
    pytest.param("nineteen", 19, id="word-nineteen"),
    pytest.param("twenty", 20, id="word-twenty"),
    pytest.param("eighty", 80, id="word-eighty"),
    pytest.param("twenty-four", 24, id="hyphenated-twenty-four"),
    pytest.param("twenty four", 24, id="spaced-twenty-four"),
    pytest.param("forty-two", 42, id="hyphenated-forty-two"),
    pytest.param("ninety-nine", 99, id="hyphenated-ninety-nine"),
    pytest.param("Twenty-Four", 24, id="capitalised-words"),
    pytest.param("a hundred", 100, id="a-hundred"),
    pytest.param("one hundred", 100, id="one-hundred"),
    pytest.param("a hundred and two", 102, id="a-hundred-and-two"),
    pytest.param("one hundred and one", 101, id="one-hundred-and-one"),
    pytest.param("three hundred and forty-two", 342, id="three-hundred-and-forty-two"),
    pytest.param("nine hundred ninety-nine", 999, id="hundreds-without-and"),
    pytest.param("fifteen hundred", 1500, id="fifteen-hundred"),
    pytest.param("twelve hundred", 1200, id="twelve-hundred"),
    pytest.param("a thousand", 1000, id="a-thousand"),
    pytest.param("a thousand and one", 1001, id="a-thousand-and-one"),
    pytest.param("fifty thousand", 50000, id="fifty-thousand"),
    pytest.param("two thousand five hundred", 2500, id="two-thousand-five-hundred"),
    pytest.param("two hundred and fifty thousand", 250000, id="two-hundred-and-fifty-thousand"),
    pytest.param("a hundred thousand", 100000, id="a-hundred-thousand"),
    pytest.param("one million two hundred thousand", 1_200_000, id="million-and-thousands"),
    pytest.param("a million", 1e6, id="a-million"),
    pytest.param("five million", 5e6, id="five-million"),
    pytest.param("a billion", 1e9, id="a-billion"),
    pytest.param("one and a half", 1.5, id="one-and-a-half"),
    pytest.param("two and a half", 2.5, id="two-and-a-half"),
    pytest.param("one and a quarter", 1.25, id="one-and-a-quarter"),
    pytest.param("three and a half million", 3.5e6, id="three-and-a-half-million"),
    pytest.param("a dozen", 12, id="a-dozen"),
    pytest.param("dozen", 12, id="bare-dozen"),
    pytest.param("two dozen", 24, id="two-dozen"),
    pytest.param("half a dozen", 6, id="half-a-dozen"),
    pytest.param("a couple", 2, id="a-couple"),
    pytest.param("a couple hundred", 200, id="a-couple-hundred"),
    pytest.param("half a million", 500_000, id="half-a-million"),
    pytest.param("a half million", 500_000, id="a-half-million"),
    pytest.param("a quarter million", 250_000, id="a-quarter-million"),
]

MULTIPLIERS = [
    pytest.param("1.5 million", 1.5e6, id="decimal-million"),
    pytest.param("2.3 million", 2.3e6, id="two-point-three-million"),
    pytest.param("0.5 million", 5e5, id="half-as-decimal-million"),
    pytest.param("1.75 million", 1.75e6, id="two-decimals-million"),
    pytest.param("2,5 million", 2.5e6, id="decimal-comma-million"),
    pytest.param("3.8 billion", 3.8e9, id="decimal-billion"),
    pytest.param("2 billion", 2e9, id="integer-billion"),
    pytest.param("1.2 billion", 1.2e9, id="one-point-two-billion"),
    pytest.param("10 trillion", 1e13, id="trillion"),
    pytest.param("4 thousand", 4000, id="digits-thousand"),
    pytest.param("100 thousand", 100_000, id="hundred-thousand-digits"),
    pytest.param("1.5 thousand", 1500, id="decimal-thousand"),
    pytest.param("1,000 million", 1e9, id="comma-then-million"),
    pytest.param("1.2bn", 1.2e9, id="bn-attached"),
    pytest.param("1.2 bn", 1.2e9, id="bn-spaced"),
    pytest.param("5bn", 5e9, id="integer-bn"),
    pytest.param("3 mln", 3e6, id="mln"),
    pytest.param("4 mn", 4e6, id="mn"),
    pytest.param("2 tn", 2e12, id="tn"),
    pytest.param("12k", 12_000, id="k-attached"),
    pytest.param("5K", 5000, id="capital-k-attached"),
    pytest.param("7M", 7e6, id="capital-m-attached"),
    pytest.param("3 lakh", 3e5, id="lakh"),
    pytest.param("2,50,000", 250_000, id="lakh-grouping"),
    pytest.param("12,34,567", 1_234_567, id="lakh-grouping-ten-lakh"),
    pytest.param("1\u202f234", 1234, id="narrow-no-break-space-grouping"),
    pytest.param("1\u2009234\u2009567", 1_234_567, id="thin-space-grouping"),
    pytest.param("10\u00a0000", 10_000, id="no-break-space-grouping"),
    pytest.param("2 crore", 2e7, id="crore"),
]


@pytest.mark.parametrize(("surface", "expected"), DIGITS + WORDS + MULTIPLIERS)
def test_parse_number(surface: str, expected: float) -> None:
    got = parse_number(surface)
    assert math.isclose(got, expected, rel_tol=1e-12, abs_tol=1e-12), f"{surface!r} -> {got!r}"


NOT_NUMBERS = [
    pytest.param("", id="empty"),
    pytest.param("   ", id="only-spaces"),
    pytest.param("hello", id="a-word"),
    pytest.param("a", id="lone-article"),
    pytest.param("and", id="lone-and"),
    pytest.param("one and", id="dangling-and"),
    pytest.param("three four", id="two-units-in-a-row"),
    pytest.param("twenty thirty", id="two-tens-in-a-row"),
    pytest.param("one two three", id="counting-out-loud"),
    pytest.param("1,2,3,4", id="list-not-1234"),
    pytest.param("1,234,5", id="bad-comma-group"),
    pytest.param("1,23,4", id="bad-lakh-group"),
    pytest.param("1\u202f23", id="thin-space-before-two-digits"),
    pytest.param("1.23.4", id="bad-dot-groups"),
    pytest.param("1..2", id="double-dot"),
    pytest.param("2012-13", id="season-not-a-number"),
    pytest.param("2.15pm", id="clock-time"),
    pytest.param("10^1000", id="power-notation"),
    pytest.param("1e400", id="exponent-overflow"),
    pytest.param("9" * 400, id="400-nines-overflow"),
    pytest.param("inf", id="inf"),
    pytest.param("nan", id="nan"),
    pytest.param("Infinity", id="infinity"),
    pytest.param("0x10", id="hexadecimal"),
    pytest.param("1_000", id="python-underscore-literal"),
    pytest.param("first", id="ordinal-first"),
    pytest.param("twenty-first", id="ordinal-twenty-first"),
    pytest.param("several", id="vague-several"),
    pytest.param("hundreds", id="vague-hundreds"),
]


@pytest.mark.parametrize("surface", NOT_NUMBERS)
def test_parse_number_rejects(surface: str) -> None:
    with pytest.raises(ParseError):
        parse_number(surface)


# ---------------------------------------------------------------------------------------------------
# extract: the qualifier, bounds, unit, entity, category and trend of the figure over `quote`

BOUNDS = [
    pytest.param("The blast killed 826 people.", "826", exact(826, entity="people", category="killed"),
                 id="exact-826"),
    pytest.param("At least 826 people were killed.", "826",
                 fig(826, 826, None, "at_least", text="At least 826 people"), id="at-least"),
    pytest.param("No fewer than 60 people were killed.", "60", fig(60, 60, None, "at_least"), id="no-fewer-than"),
    pytest.param("More than 340 civilians died.", "340",
                 fig(340, 340, None, "more_than", entity="civilians"), id="more-than"),
    pytest.param("Over 1,000 people fled.", "1,000", fig(1000, 1000, None, "more_than"), id="over"),
    pytest.param("Just over 500 people were injured.", "500", fig(500, 500, None, "more_than"), id="just-over"),
    pytest.param("Well over 100 people died.", "100", fig(100, 100, None, "more_than"), id="well-over"),
    pytest.param("In excess of 2,000 people were displaced.", "2,000",
                 fig(2000, 2000, None, "more_than"), id="in-excess-of"),
    pytest.param("Upwards of 300 people gathered.", "300", fig(300, 300, None, "more_than"), id="upwards-of"),
    pytest.param("Upward of 300 people gathered.", "300", fig(300, 300, None, "more_than"), id="upward-of"),
    pytest.param("Officials said c. 300 people were evacuated.", "300", approx(300, entity="people"),
                 id="c-dot-is-circa"),
    pytest.param("Some 300-odd people were evacuated.", "300", approx(300, entity="people"), id="odd-after"),
    pytest.param("Over 2,50,000 people were displaced.", "2,50,000",
                 fig(250_000, 250_000, None, "more_than", category="displaced"), id="lakh-grouped-count"),
    pytest.param("At least 1\u202f234 people were killed.", "1\u202f234",
                 fig(1234, 1234, None, "at_least", category="killed"), id="thin-space-grouped-count"),
    pytest.param("The toll is likely to be higher than 250.", "250", fig(250, 250, None, "more_than"),
                 id="higher-than"),
    pytest.param("Turnout was lower than 40 percent.", "40", fig(40, None, 40, "less_than", unit="percent"),
                 id="lower-than"),
    pytest.param("Damage is in the region of $2 billion.", "2 billion",
                 fig(2e9, 2e9, 2e9, "approximately", unit="dollar"),
                 id="in-the-region-of"),
    pytest.param("More than a dozen people died.", "dozen", fig(12, 12, None, "more_than"),
                 id="more-than-a-dozen"),
    pytest.param("Up to 40 people were missing.", "40", fig(40, None, 40, "up_to", category="missing"),
                 id="up-to"),
    pytest.param("Up to 3 million people could flee.", "3 million", fig(3e6, None, 3e6, "up_to"),
                 id="up-to-million"),
    pytest.param("Fewer than 20 people attended.", "20", fig(20, None, 20, "less_than"), id="fewer-than"),
    pytest.param("Less than 5% of voters turned out.", "5%", fig(5, None, 5, "less_than", "percent"),
                 id="less-than-percent"),
    pytest.param("Under 300 soldiers remain.", "300", fig(300, None, 300, "less_than"), id="under"),
    pytest.param("At most 12 boats sank.", "12", fig(12, None, 12, "at_most"), id="at-most"),
    pytest.param("No more than 30 people were allowed in.", "30", fig(30, None, 30, "at_most"),
                 id="no-more-than"),
    pytest.param("About 200 people gathered.", "200", approx(200), id="about"),
    pytest.param("Around 500 homes were destroyed.", "500",
                 approx(500, entity="homes", category="damage"), id="around"),
    pytest.param("Some 2,000 troops were sent.", "2,000", approx(2000, entity="troops"), id="some"),
    pytest.param("Approximately 70 people were injured.", "70", approx(70, category="injured"),
                 id="approximately"),
    pytest.param("Nearly 100 people were arrested.", "100", approx(100, category="detained"), id="nearly"),
    pytest.param("Almost 60 families fled.", "60", approx(60, entity="families"), id="almost"),
    pytest.param("Roughly 3,000 people were displaced.", "3,000", approx(3000, category="displaced"),
                 id="roughly"),
    pytest.param("Close to 400 people were killed.", "400", approx(400), id="close-to"),
    pytest.param("An estimated 5,000 people fled.", "5,000", approx(5000), id="an-estimated"),
    pytest.param("Half a million people fled the city.", "Half", approx(500_000, text="Half a million people"),
                 id="half-a-million-is-approximate"),
    pytest.param("Nearly half a million people fled.", "half", approx(500_000), id="nearly-half-a-million"),
    pytest.param("A couple hundred people gathered.", "couple", approx(200), id="a-couple-hundred-approx"),
    pytest.param("About 1.5 million people were displaced.", "1.5", approx(1.5e6), id="about-1.5-million"),
    pytest.param("Some 1.2 million people were displaced.", "1.2", approx(1.2e6), id="some-1.2-million"),
    pytest.param("At least 50 people or more were killed.", "50", fig(50, 50, None, "at_least"),
                 id="at-least-or-more"),
    pytest.param("There were 40-plus casualties.", "40", fig(40, 40, None, "at_least"), id="forty-plus"),
]

VAGUE = [
    pytest.param("Several people were injured.", "Several", vague(3, 9, entity="people"), id="several"),
    pytest.param("Dozens of people were injured.", "Dozens", vague(24, 99, category="injured"), id="dozens"),
    pytest.param("Scores of people were arrested.", "Scores", vague(40, 99, category="detained"), id="scores-of"),
    pytest.param("Hundreds of people were detained.", "Hundreds", vague(200, 999), id="hundreds"),
    pytest.param("Thousands of people fled.", "Thousands", vague(2000, 9999, category="fled"), id="thousands"),
    pytest.param("Tens of thousands of people marched.", "Tens", vague(20_000, 99_999),
                 id="tens-of-thousands"),
    pytest.param("Hundreds of thousands of refugees crossed the border.", "Hundreds",
                 vague(200_000, 999_999, entity="refugees", category="refugees"), id="hundreds-of-thousands"),
    pytest.param("Millions of people need aid.", "Millions", vague(2e6, 9_999_999), id="millions"),
    pytest.param("The fighting displaced thousands of families.", "thousands",
                 vague(2000, 9999, entity="families", category="displaced"), id="thousands-mid-sentence"),
    pytest.param("Hundreds of Syrian soldiers crossed into Iraq.", "Hundreds",
                 vague(200, 999, entity="soldiers"), id="hundreds-adjective-noun"),
    pytest.param("Dozens were killed.", "Dozens", vague(24, 99, entity=None, category="killed"),
                 id="dozens-without-of"),
    pytest.param("Thousands were displaced by the floods.", "Thousands",
                 vague(2000, 9999, category="displaced"), id="thousands-without-of"),
    pytest.param("Tens of thousands of homes were destroyed.", "Tens",
                 vague(20_000, 99_999, entity="homes", category="damage"), id="tens-of-thousands-of-homes"),
    pytest.param("He owns several cars.", "several", vague(3, 9, entity="cars"), id="several-cars"),
    pytest.param("At least 826 People Were Killed.", "826",
                 fig(826, 826, None, "at_least", entity="people", category="killed"), id="entity-lower-cased"),
]

RANGES = [
    pytest.param("Between 30 and 40 people were killed.", "30",
                 rng(30, 40, text="Between 30 and 40 people"), id="between-and"),
    pytest.param("30-40 people were killed.", "30", rng(30, 40, category="killed"), id="hyphen-range"),
    pytest.param("30 to 40 people were killed.", "30", rng(30, 40), id="to-range"),
    pytest.param("30\u201340 people were killed.", "30", rng(30, 40), id="en-dash-range"),
    pytest.param("From 10 to 20 people were hurt.", "10", rng(10, 20, category="injured"), id="from-to"),
    pytest.param("Two or three people were injured.", "Two", rng(2, 3), id="two-or-three"),
    pytest.param("Five or six houses burned.", "Five", rng(5, 6, entity="houses"), id="five-or-six"),
    pytest.param("10 or 11 people died.", "10", rng(10, 11), id="digits-or-digits"),
    pytest.param("Between 1,000 and 2,000 people fled.", "1,000", rng(1000, 2000), id="between-thousands"),
    pytest.param("Between 2 and 3 million people fled.", "2", rng(2e6, 3e6), id="between-shared-million"),
    pytest.param("when between159,000 and 192,000 people were displaced", "159,000", rng(159_000, 192_000),
                 id="between-glued-to-digits-pdf"),
    pytest.param("2-3 million people fled.", "2", rng(2e6, 3e6), id="hyphen-shared-million"),
    pytest.param("$5-6 billion was lost.", "5", rng(5e9, 6e9, "dollar", category="money"),
                 id="money-range-shared-billion"),
    pytest.param("Between 5% and 6% of voters.", "5", rng(5, 6, "percent"), id="percent-written-twice"),
    pytest.param("From 1 per cent to 1.5 per cent.", "1", rng(1, 1.5, "percent"), id="per-cent-written-twice"),
    pytest.param("It is 5 to 10 kilometres away.", "5", rng(5, 10, "kilometre", category="distance"),
                 id="distance-range"),
    pytest.param("Some 20,000-30,000 people marched.", "20,000", rng(20_000, 30_000), id="thousands-hyphen-range"),
    pytest.param("Police said 12-15 people were arrested.", "12", rng(12, 15, category="detained"),
                 id="range-detained"),
]

UNITS_AND_MONEY = [
    pytest.param("The deal is worth $6 million.", "6", exact(6e6, "dollar", category="money"), id="dollar-million"),
    pytest.param("It cost $1.2bn to build.", "1.2", exact(1.2e9, "dollar", text="$1.2bn"), id="dollar-bn"),
    pytest.param("The loan was $300m.", "300", exact(3e8, "dollar"), id="dollar-m-money-multiplier"),
    pytest.param("Sales reached $12.5bn.", "12.5", exact(1.25e10, "dollar"), id="dollar-decimal-bn"),
    pytest.param("The city has 3.8 billion dollars.", "3.8", exact(3.8e9, "dollar"), id="billion-dollars-words"),
    pytest.param("The budget is 2,5 million euros.", "2,5", exact(2.5e6, "euro"), id="decimal-comma-euros"),
    pytest.param("The total was 1.234.567 euros.", "1.234.567", exact(1234567, "euro"), id="dot-thousands-euros"),
    pytest.param("The firm lost \u00a33.5 billion.", "3.5", exact(3.5e9, "pound sterling"), id="pound-billion"),
    pytest.param("The meeting lasted 45 minutes.", "45",
                 exact(45, "minute", si_value=2700, category="duration"), id="45-minutes-duration"),
    pytest.param("It took one and a half hours.", "one", exact(1.5, "hour", si_value=5400), id="one-and-a-half-hours"),
    pytest.param("Twenty-four years have passed.", "Twenty", exact(24, "year", category="duration"),
                 id="twenty-four-years"),
    pytest.param("The storm lasted three days.", "three", exact(3, "day", si_value=259_200), id="three-days"),
    pytest.param("The town is 140 km away.", "140", exact(140, "kilometre", si_value=140_000), id="140-km"),
    pytest.param("Three children were killed.", "Three", exact(3, entity="children", category="killed"),
                 id="three-children"),
    pytest.param("Two dozen people were hurt.", "Two", exact(24, entity="people", category="injured"),
                 id="two-dozen-people"),
    pytest.param("A hundred and two people died.", "hundred", exact(102, entity="people"),
                 id="a-hundred-and-two-people"),
    pytest.param("Three hundred and forty-two people died.", "Three",
                 exact(342, text="Three hundred and forty-two people"),
                 id="three-hundred-and-forty-two-people"),
    pytest.param("The army deployed 3 lakh troops.", "3", exact(3e5, entity="troops", category="deployed"),
                 id="lakh-troops"),
    pytest.param("COVID-19 killed 6 million people.", "6", exact(6e6, category="killed"),
                 id="covid-19-is-a-name-6-million-a-count"),
    pytest.param("Temperatures fell to -5 degrees Celsius.", "-5", exact(-5, "degree celsius", si_value=268.15),
                 id="negative-celsius"),
]

TRENDS = [
    pytest.param("Prices rose by 50 percent.", "50", exact(50, "percent", trend="up"), id="rose-by"),
    pytest.param("Exports fell 3% last year.", "3", exact(3, "percent", trend="down"), id="fell"),
    pytest.param("Shares were up 2.1% on Monday.", "2.1", exact(2.1, "percent", trend="up"), id="up"),
    pytest.param("Prices went down 4%.", "4", exact(4, "percent", trend="down"), id="down"),
    pytest.param("Output dropped by 12 percent.", "12", exact(12, "percent", trend="down"), id="dropped-by"),
    pytest.param("The index rose 1.2 percent.", "1.2", exact(1.2, "percent", trend="up"), id="rose"),
    pytest.param("Stocks jumped 5%.", "5", exact(5, "percent", trend="up"), id="jumped"),
    pytest.param("Sales plunged 30 percent.", "30", exact(30, "percent", trend="down"), id="plunged"),
    pytest.param("Sales surged 40%.", "40", exact(40, "percent", trend="up"), id="surged"),
    pytest.param("Cases declined by 15%.", "15", exact(15, "percent", trend="down"), id="declined-by"),
    pytest.param("Exports decreased 8 percent.", "8", exact(8, "percent", trend="down"), id="decreased"),
    pytest.param("The population increased by 2 million.", "2", exact(2e6, trend="up"), id="increased-by-million"),
    pytest.param("The rate was +3% this year.", "3", exact(3, "percent", trend="up"), id="plus-sign-is-up"),
    pytest.param("Support fell 3 percentage points.", "3", exact(3, "percentage point", trend="down"),
                 id="percentage-points-fell"),
    pytest.param("The blast killed 826 people.", "826", exact(826, trend=None), id="no-trend-for-a-count"),
    pytest.param("Turnout was 65 percent.", "65", exact(65, "percent", trend=None), id="no-trend-for-a-level"),
    # the verb's object may stand between the verb and "by"
    pytest.param("The firm expects to grow sales by 35 per cent.", "35", exact(35, "percent", trend="up"),
                 id="grow-object-by"),
    pytest.param("The mill cut its workforce by 1,200 jobs.", "1,200", exact(1200, trend="down", entity="jobs"),
                 id="cut-object-by"),
    pytest.param("The utility raised its prices by 4%.", "4", exact(4, "percent", trend="up"),
                 id="raised-object-by"),
    pytest.param("Prices went up in March by 0.5 percent.", "0.5", exact(0.5, "percent", trend="up"),
                 id="up-in-month-by"),
    pytest.param("The boy was hit by 3 bullets.", "3", exact(3, trend=None, entity="bullets"), id="by-without-change"),
    # "raised" + amount is money collected; only "raised ... by" is a change
    pytest.param("The appeal raised $1.2 billion.", "1.2", exact(1.2e9, "dollar", trend=None, category="money"),
                 id="raised-money-is-no-change"),
    pytest.param("The firm plans to raise $50 million from investors.", "50",
                 exact(5e7, "dollar", trend=None, category="money"), id="raise-money-is-no-change"),
    pytest.param("The bank raised rates by 0.5 percent.", "0.5", exact(0.5, "percent", trend="up"),
                 id="raised-by-is-a-change"),
    # market reports: "ended down" is a change ("ended up at a motel" has no number after it)
    pytest.param("The TA-25 index ended down 1% at 1,463 points.", "1%", exact(1, "percent", trend="down"),
                 id="ended-down"),
    pytest.param("The FTSE ended up 0.4% on Friday.", "0.4", exact(0.4, "percent", trend="up"), id="ended-up"),
    # ", or N": the same change restated in another unit
    pytest.param("The Nikkei closed down 310 points, or 0.8 percent, at 37,900.", "0.8",
                 exact(0.8, "percent", trend="down"), id="or-restates-the-change"),
    pytest.param("The Nikkei closed down 310 points, or 0.8 percent, at 37,900.", "37,900", exact(37_900, trend=None),
                 id="level-after-restated-change"),
    pytest.param("The regulator cut the fee by half.", "half", exact(0.5, "fraction", trend="down"),
                 id="by-half"),
    pytest.param("Grain exports fell by a third.", "third", exact(1 / 3, "fraction", trend="down"),
                 id="by-a-third-at-the-end"),
    pytest.param("Grain exports fell by a third to 2 million tonnes.", "third", exact(1 / 3, "fraction", trend="down"),
                 id="by-a-third-to"),
]

FRACTIONS = [
    pytest.param("One in five children is malnourished.", "five", exact(0.2, "fraction", entity="children"),
                 id="one-in-five-is-a-share"),
    pytest.param("One out of three Germans rent.", "three", exact(1 / 3, "fraction"), id="one-out-of-three"),
    pytest.param("Nearly 1 in 4 households lack food.", "4", approx(0.25, "fraction"), id="nearly-1-in-4"),
    pytest.param("Only one in 100 schools is open.", "100", exact(0.01, "fraction"), id="one-in-100"),
    pytest.param("Gunmen killed 12 out of 40 passengers.", "40", exact(40, entity="passengers", category="killed"),
                 id="part-above-ten-is-a-count-of-the-whole"),
    pytest.param("Rockets hit 3 in 24 hours.", "24", exact(24, "hour", category="duration"),
                 id="a-count-in-a-period-is-no-share"),
    pytest.param("Rebels killed at least 2 in 3 raids.", "2", fig(2, 2, None, "at_least", category="killed"),
                 id="a-verb-before-the-part-makes-it-a-count"),
    pytest.param("An estimated one in five children is malnourished.", "five", approx(0.2, "fraction"),
                 id="an-estimated-share"),
    pytest.param("A quarter of the population fled.", "quarter", exact(0.25, "fraction"), id="a-quarter-of"),
    pytest.param("Two-thirds of the homes were destroyed.", "Two", exact(2 / 3, "fraction", category="damage"),
                 id="two-thirds-of"),
    pytest.param("Half of the residents fled.", "Half", exact(0.5, "fraction"), id="half-of"),
    pytest.param("A third of the city was flooded.", "third", exact(1 / 3, "fraction"), id="a-third-of"),
    pytest.param("About a quarter of the population fled.", "quarter", approx(0.25, "fraction"),
                 id="about-a-quarter-of"),
    pytest.param("Three quarters of voters agreed.", "Three", exact(0.75, "fraction", entity="voters"),
                 id="three-quarters-of"),
    pytest.param("Nearly two-thirds of the population fled.", "two", approx(2 / 3, "fraction"),
                 id="nearly-two-thirds"),
    pytest.param("Less than half of the homes survived.", "half", fig(0.5, None, 0.5, "less_than", "fraction"),
                 id="less-than-half"),
    pytest.param("Half a dozen people were hurt.", "Half", exact(6, entity="people"), id="half-a-dozen-people"),
    # a fraction of one unit is a measure in that unit
    pytest.param("A pint is 1/8 of a gallon.", "1/8", exact(0.125, "gallon", category="other"), id="slash-of-a-unit"),
    pytest.param("One fluid ounce is 1/16 of a US pint.", "1/16", exact(0.0625, "pint", category="other"),
                 id="slash-of-a-us-unit"),
    pytest.param("They waited a quarter of an hour.", "quarter", exact(0.25, "hour", category="duration"),
                 id="quarter-of-an-hour"),
    pytest.param("The town is a third of a mile away.", "third", exact(1 / 3, "mile", category="distance"),
                 id="third-of-a-mile"),
    pytest.param("About 3/4 of the budget went on fuel.", "3/4", approx(0.75, "fraction"), id="slash-share-of"),
    pytest.param("The convoy waited half an hour at the checkpoint.", "half", exact(0.5, "hour", category="duration"),
                 id="half-an-hour"),
    pytest.param("The camp lies half a mile from the river.", "half", exact(0.5, "mile", category="distance"),
                 id="half-a-mile"),
    pytest.param("The central bank cut rates by half a percentage point.", "half",
                 exact(0.5, "percentage point", trend="down", category="percentage"), id="half-a-percentage-point"),
    pytest.param("Turnout slipped by a quarter of a percentage point.", "quarter",
                 exact(0.25, "percentage point", trend="down", category="percentage"),
                 id="quarter-of-a-percentage-point"),
]


CATEGORIES = [
    pytest.param("At least 826 people, mostly combatants but also including 111 civilians, have been killed.",
                 "826", fig(826, 826, None, "at_least", category="killed"), id="spec-826-killed"),
    pytest.param("At least 826 people, mostly combatants but also including 111 civilians, have been killed.",
                 "111", exact(111, entity="civilians", category="killed"), id="spec-111-civilians-killed-far-cue"),
    pytest.param("Some 40 people were wounded in the attack.", "40", approx(40, category="injured"), id="wounded"),
    pytest.param("At least 12 people are still missing.", "12", fig(12, 12, None, "at_least", category="missing"),
                 id="missing"),
    pytest.param("Police detained 45 protesters.", "45", exact(45, entity="protesters", category="detained"),
                 id="detained"),
    pytest.param("The rebels freed 30 hostages.", "30", exact(30, entity="hostages", category="released"),
                 id="freed-released"),
    pytest.param("The fighting has displaced 200,000 people.", "200,000", exact(200_000, category="displaced"),
                 id="displaced"),
    pytest.param("The country hosts 3.6 million refugees.", "3.6", exact(3.6e6, category="refugees"), id="refugees"),
    pytest.param("Troops evacuated 1,500 residents from the town.", "1,500", exact(1500, category="evacuated"),
                 id="evacuated"),
    pytest.param("The floods affected 2 million people.", "2", exact(2e6, category="affected"), id="affected"),
    pytest.param("The ministry sent 5,000 troops to the border.", "5,000", exact(5000, category="deployed"),
                 id="deployed"),
    pytest.param("More than 10,000 people fled to Lebanon.", "10,000",
                 fig(10_000, 10_000, None, "more_than", category="fled"), id="fled"),
    pytest.param("The convoy of 40 aid trucks arrived.", "40", exact(40, category="aid"), id="aid"),
    pytest.param("The strikes destroyed 120 buildings.", "120", exact(120, category="damage"), id="damage"),
    pytest.param("The bombing left 17 dead and 40 injured.", "17", exact(17, category="killed"), id="left-dead"),
    pytest.param("The bombing left 17 dead and 40 injured.", "40", exact(40, category="injured"), id="and-injured"),
    pytest.param("At least 3 soldiers were killed and 8 wounded.", "8", exact(8, category="injured"),
                 id="second-number-own-cue"),
    pytest.param("He scored 2 goals.", "2", exact(2, entity="goals", category="other"), id="other"),
]


# what quantulum3 and pint get wrong: "in" read as inches, "s" as seconds, "m" as metres, "a" as a year
UNIT_TRAPS = [
    pytest.param("He bought 3 in total.", "3", exact(3), id="in-is-no-inch"),
    pytest.param("World War II killed 70 million people.", "70", exact(7e7, entity="people"),
                 id="roman-numeral-ignored"),
    pytest.param("He was 6ft tall.", "6", exact(6, "foot", si_value=1.8288), id="ft-attached"),
    pytest.param("The region got 1,000mm of rain.", "1,000", exact(1000, "millimetre", si_value=1.0),
                 id="mm-attached"),
    pytest.param("A 24-hour curfew was imposed.", "24", exact(24, "hour", si_value=86_400), id="hyphenated-24-hour"),
    pytest.param("A 10-year-old girl was among 3 people killed.", "3", exact(3, category="killed"),
                 id="age-then-count"),
    pytest.param("Children aged 12 to 15 were among 40 people detained.", "40", exact(40, entity="people"),
                 id="age-range-then-count"),
    pytest.param("It was a one-off payment of $500.", "500", exact(500, "dollar"), id="one-off-then-money"),
    pytest.param("The budget is \u00a340m this year.", "40", exact(4e7, "pound sterling", si_value=None),
                 id="m-after-pound-sign-is-million"),
    pytest.param("The fire burned 2,000 hectares.", "2,000", exact(2000, "hectare", si_value=2e7), id="hectares"),
]


@pytest.mark.parametrize(("sentence", "quote", "expected"),
                         BOUNDS + VAGUE + RANGES + UNITS_AND_MONEY + TRENDS + FRACTIONS + UNIT_TRAPS + CATEGORIES)
def test_figure_fields(sentence: str, quote: str, expected: dict[str, Any]) -> None:
    check(figure_at(sentence, quote), expected)


# ---------------------------------------------------------------------------------------------------
# Traps: what quantulum3 and pint users report, and what SPEC says is no figure


def overlapping(sentence: str, quote: str) -> list[Figure]:
    """The figures of `sentence` whose span overlaps `quote`."""
    start = sentence.index(quote)
    end = start + len(quote)
    return [f for f in extract(sentence) if f.start < end and start < f.end]


NO_FIGURE = [
    pytest.param("The 2012-13 season was long.", "2012-13", id="season-2012-13"),
    pytest.param("The meeting ended at 2.15pm on Friday.", "2.15pm", id="time-2.15pm"),
    pytest.param("The meeting ended at 2:15 p.m. on Friday.", "2:15", id="time-colon"),
    pytest.param("The score was 89-89 at half-time.", "89-89", id="score-89-89"),
    pytest.param("Between 2014 and 2017 the war raged.", "2014 and 2017", id="year-range"),
    pytest.param("The music of the 1990s was loud.", "1990s", id="decade-not-1990-seconds"),
    pytest.param("He was in his 20s then.", "20s", id="twenties-not-20-seconds"),
    pytest.param("The 5G network launched.", "5G", id="5g-not-gauss"),
    pytest.param("The F-16 crashed.", "16", id="f-16-not-minus-16"),
    pytest.param("A Boeing 737 landed.", "737", id="boeing-737"),
    pytest.param("Flight MH17 was shot down.", "17", id="flight-number"),
    pytest.param("The G7 met in Italy.", "7", id="g7"),
    pytest.param("The shop is open 24/7.", "24/7", id="twenty-four-seven"),
    pytest.param("It was a 50-50 chance.", "50-50", id="fifty-fifty"),
    pytest.param("He listed 1,2,3,4 as options.", "1,2,3,4", id="list-1-2-3-4"),
    pytest.param("The 9/11 attacks killed 2,977 people.", "9/11", id="nine-eleven"),
    pytest.param("The value 10^1000 is huge.", "10^1000", id="power-notation-no-exponent-figure"),
    pytest.param("They won 3-0 at home.", "3-0", id="score-3-0"),
    pytest.param("No one was hurt in the blast.", "one", id="no-one"),
    pytest.param("The number 10 bus was hit.", "10", id="bus-number"),
    pytest.param("It was a one-off payment of $500.", "one", id="one-off"),
    pytest.param("There is half a chance of rain.", "half", id="half-a-chance-is-no-unit"),
    pytest.param("The favourite won by half a length.", "half", id="by-half-a-length"),
    pytest.param("The council met for a third straight week.", "third", id="a-third-before-an-adjective-is-ordinal"),
    pytest.param("A third-party audit was ordered.", "third", id="a-third-party"),
    pytest.param("Exports rose in the third quarter.", "third quarter", id="third-quarter-is-a-period"),
]


@pytest.mark.parametrize(("sentence", "quote"), NO_FIGURE)
def test_no_figure(sentence: str, quote: str) -> None:
    got = overlapping(sentence, quote)
    assert not got, [(f.text, f.value) for f in got]


def test_list_is_never_read_as_1234() -> None:
    values = [f.value for f in extract("He listed 1,2,3,4 as options, then 1,234 more.")]
    assert 1234.0 in values  # the real number after it is still found
    assert values.count(1234.0) == 1


@pytest.mark.parametrize("sentence", [
    pytest.param("The value 10^1000 is huge.", id="power-notation"),
    pytest.param("The value 1e400 is huge.", id="exponent-overflow"),
    pytest.param("The value 1E400 is huge.", id="capital-exponent-overflow"),
    pytest.param("They counted " + "9" * 400 + " stars.", id="400-nines"),
    pytest.param("They owe $" + "9" * 400 + " billion.", id="400-nines-billion-dollars"),
])
def test_huge_numbers_never_give_infinite_values(sentence: str) -> None:
    for f in extract(sentence):
        for v in (f.value, f.low, f.high, f.si_value):
            assert v is None or math.isfinite(v), f.to_dict()
