"""Units and currencies: surface forms to canonical names (SPEC: plain English singular, British spelling),
SI values via pint (140 km -> 140000), money and percentages without an SI value, and the pint cache."""

from __future__ import annotations

import math

import pytest

from tracker.extract import extract
from tracker.extract.units import lookup_alias, si_factors, tables
from tracker.figure import Figure


def test_every_physical_unit_has_a_factor() -> None:
    physical = {u.name for u in tables().units.values() if u.pint is not None}
    assert physical == set(si_factors())
    assert all(math.isfinite(f) and f > 0 for f, _ in si_factors().values())


def figure_of(sentence: str, number: str) -> Figure:
    """The figure whose span holds the start of `number` in `sentence`."""
    pos = sentence.index(number)
    hits = [f for f in extract(sentence) if f.start <= pos < f.end]
    assert hits, f"no figure over {number!r} in {sentence!r}: {[f.text for f in extract(sentence)]}"
    return hits[0]


PHYSICAL = [
    pytest.param("Homs lies 140 km north of Damascus.", "140", "kilometre", 140_000.0, id="km"),
    pytest.param("Homs lies 140 kilometres north of Damascus.", "140", "kilometre", 140_000.0, id="kilometres"),
    pytest.param("Homs lies 140 kilometers north of Damascus.", "140", "kilometre", 140_000.0,
                 id="kilometers-us-spelling"),
    pytest.param("The convoy drove 85 miles north.", "85", "mile", 85 * 1609.344, id="miles"),
    pytest.param("The wall is 6 metres high.", "6", "metre", 6.0, id="metres"),
    pytest.param("The wall is 6 meters high.", "6", "metre", 6.0, id="meters-us-spelling"),
    pytest.param("Snow lay 30 cm deep.", "30", "centimetre", 0.3, id="cm"),
    pytest.param("The shell was 155 mm wide.", "155", "millimetre", 0.155, id="mm"),
    pytest.param("The tower is 300 feet tall.", "300", "foot", 300 * 0.3048, id="feet"),
    pytest.param("Rain fell to 2 inches.", "2", "inch", 0.0508, id="inches"),
    pytest.param("The boat sailed 12 nautical miles out.", "12", "nautical mile", 12 * 1852.0,
                 id="nautical-miles"),
    pytest.param("Fire burned 2,000 hectares of forest.", "2,000", "hectare", 2.0e7, id="hectares"),
    pytest.param("Fire burned 500 acres of forest.", "500", "acre", 500 * 4046.8726, id="acres-us-survey"),
    pytest.param("The zone covers 10 square kilometres.", "10", "square kilometre", 1.0e7, id="square-kilometres"),
    pytest.param("The zone covers 10 sq km.", "10", "square kilometre", 1.0e7, id="sq-km"),
    pytest.param("The ship carried 500 tonnes of grain.", "500", "tonne", 500_000.0, id="tonnes"),
    pytest.param("Police seized 20 kg of cocaine.", "20", "kilogram", 20.0, id="kg"),
    pytest.param("Police seized 20 kilograms of cocaine.", "20", "kilogram", 20.0, id="kilograms"),
    pytest.param("Trucks brought 5,000 litres of water.", "5,000", "litre", 5.0, id="litres"),
    pytest.param("Trucks brought 5,000 liters of water.", "5,000", "litre", 5.0, id="liters-us-spelling"),
    pytest.param("The pipeline carries 1.5 million barrels a day.", "1.5", "barrel per day", None,
                 id="barrels-per-day"),
    pytest.param("It runs a 52,000 barrel-a-day refinery.", "52,000", "barrel per day", None,
                 id="hyphenated-barrel-a-day"),
    pytest.param("The engine makes 275 pound-feet of torque.", "275", "pound-foot", 275 * 1.3558179483314,
                 id="pound-feet-torque"),
    pytest.param("The engine makes 332 lb-ft of torque.", "332", "pound-foot", 332 * 1.3558179483314, id="lb-ft"),
    pytest.param("It idles at 3000 rpm.", "3000", "revolution per minute", 3000 * 0.10471975511965977, id="rpm"),
    pytest.param("Add 2 quarts of water.", "2", "quart", 2 * 0.000946352946, id="quarts"),
    pytest.param("Winds reached 120 km/h on Monday.", "120", "kilometre per hour", 120 / 3.6, id="km-per-hour"),
    pytest.param("The car drove at 60 mph.", "60", "mile per hour", 26.8224, id="mph"),
    pytest.param("The plant produced 100 MW.", "100", "megawatt", 1.0e8, id="megawatts"),
    pytest.param("It is 10 \u00b0C outside.", "10", "degree celsius", 283.15, id="degrees-celsius-offset"),
    pytest.param("The meeting lasted 45 minutes.", "45", "minute", 2700.0, id="minutes"),
    pytest.param("He waited 5 mins.", "5", "minute", 300.0, id="mins"),
    pytest.param("The rain lasted 2 hrs.", "2", "hour", 7200.0, id="hrs"),
    pytest.param("The curfew lasted 36 hours.", "36", "hour", 129_600.0, id="hours"),
    pytest.param("The storm lasted three days.", "three", "day", 259_200.0, id="days-spelled"),
    pytest.param("The siege lasted two weeks.", "two", "week", 1_209_600.0, id="weeks"),
    pytest.param("The talks went on for six months.", "six", "month", None, id="months"),
    pytest.param("He served 12 years in prison.", "12", "year", None, id="years"),
    pytest.param("The war has lasted a decade and 13 years more.", "13", "year", None, id="years-after-words"),
]


@pytest.mark.parametrize(("sentence", "number", "unit", "si"), PHYSICAL)
def test_physical_unit(sentence: str, number: str, unit: str, si: float | None) -> None:
    f = figure_of(sentence, number)
    assert f.unit == unit
    assert f.entity is None  # the counted noun is only for counts
    if si is None:
        assert f.si_value is None or f.si_value > 0  # per-day rates and calendar lengths: any positive value
    else:
        assert f.si_value is not None and math.isclose(f.si_value, si, rel_tol=1e-6), f.si_value


SCALES_AND_STORMS = [
    pytest.param("A magnitude 7.8 earthquake struck at dawn.", "7.8", "magnitude", "magnitude 7.8",
                 id="magnitude-before-the-number"),
    pytest.param("A magnitude-6.1 quake hit the valley.", "6.1", "magnitude", "magnitude-6.1",
                 id="magnitude-hyphen-before"),
    pytest.param("The quake measured 5.9 on the Richter scale.", "5.9", "magnitude", "5.9 on the Richter scale",
                 id="on-the-richter-scale"),
    pytest.param("The cyclone's central pressure was 940 mb.", "940", "millibar", "940 mb", id="mb-is-millibar"),
    pytest.param("The attachment is 40 MB.", "40", "megabyte", "40 MB", id="upper-case-mb-is-megabyte"),
]


@pytest.mark.parametrize(("sentence", "number", "unit", "text"), SCALES_AND_STORMS)
def test_scales_and_storm_units(sentence: str, number: str, unit: str, text: str) -> None:
    f = figure_of(sentence, number)
    assert (f.unit, f.text, f.entity) == (unit, text, None)


SYMBOL_CASE = [
    pytest.param("Gas traded at $2.24 per mmBTU.", "2.24", "dollar per mega british thermal unit",
                 id="long-symbol-in-another-case"),
    pytest.param("The meal has 600 KCAL.", "600", "kilocalorie", id="long-symbol-upper-case"),
    pytest.param("The plant makes 5 MW.", "5", "megawatt", id="short-symbol-upper-m-is-mega"),
    pytest.param("The laser emits 5 mW.", "5", "milliwatt", id="short-symbol-lower-m-is-milli"),
]


@pytest.mark.parametrize(("sentence", "number", "unit"), SYMBOL_CASE)
def test_case_matters_only_in_short_symbols(sentence: str, number: str, unit: str) -> None:
    assert figure_of(sentence, number).unit == unit


CATEGORY_OF_KIND = [
    pytest.param("Homs lies 140 km north of Damascus.", "140", "distance", id="distance"),
    pytest.param("The convoy drove 85 miles north.", "85", "distance", id="miles-distance"),
    pytest.param("The meeting lasted 45 minutes.", "45", "duration", id="duration"),
    pytest.param("He served 12 years in prison.", "12", "duration", id="years-duration"),
    pytest.param("Turnout was 65 percent.", "65", "percentage", id="percentage"),
    pytest.param("The deal is worth $6 million.", "6", "money", id="money"),
]


@pytest.mark.parametrize(("sentence", "number", "category"), CATEGORY_OF_KIND)
def test_unit_kind_gives_category(sentence: str, number: str, category: str) -> None:
    assert figure_of(sentence, number).category == category


MONEY_AND_PERCENT = [
    pytest.param("The deal is worth $6.", "6", "dollar", 6.0, id="dollar-sign"),
    pytest.param("The deal is worth $6 million.", "6", "dollar", 6e6, id="dollar-sign-million"),
    pytest.param("They paid US$5 million.", "5", "dollar", 5e6, id="us-dollar-sign"),
    pytest.param("They paid USD 5 million.", "5", "dollar", 5e6, id="usd-code"),
    pytest.param("They paid 40 dollars.", "40", "dollar", 40.0, id="dollars-word"),
    pytest.param("They paid 40 US dollars.", "40", "dollar", 40.0, id="us-dollars-word"),
    pytest.param("The fine was EUR 300,000.", "300,000", "euro", 3e5, id="eur-code"),
    pytest.param("It costs \u20ac40.", "40", "euro", 40.0, id="euro-sign"),
    pytest.param("The budget is 5 million euros.", "5", "euro", 5e6, id="euros-word"),
    pytest.param("The firm lost \u00a33.5 billion.", "3.5", "pound sterling", 3.5e9, id="pound-sign"),
    pytest.param("It cost 500 yen.", "500", "japanese yen", 500.0, id="yen"),
    pytest.param("It cost \u00a5500.", "500", "japanese yen", 500.0, id="yen-sign"),
    pytest.param("He earned 2,000 ringgit.", "2,000", "malaysian ringgit", 2000.0, id="ringgit"),
    pytest.param("He earned RM2,000.", "2,000", "malaysian ringgit", 2000.0, id="ringgit-rm"),
    pytest.param("The bill was 300 shekels.", "300", "shekel", 300.0, id="shekels"),
    pytest.param("The fee is 5,000 rupees.", "5,000", "indian rupee", 5000.0, id="rupees"),
    pytest.param("Bread costs 3,000 Syrian pounds.", "3,000", "syrian pound", 3000.0, id="syrian-pounds"),
    pytest.param("He paid $3 a share.", "3", "dollar per share", 3.0, id="dollar-a-share"),
    pytest.param("Oil rose to $80 per barrel.", "80", "dollar per barrel", 80.0, id="dollar-per-barrel"),
    pytest.param("The government pledged R500 million for relief.", "500", "south african rand", 5e8,
                 id="rand-r-before-million"),
    pytest.param("Lagos released N2 billion for flood victims.", "2", "nigerian naira", 2e9,
                 id="naira-n-before-billion"),
    pytest.param("Kenya set aside Sh 500 million.", "500", "shilling", 5e8, id="shilling-sh-spaced"),
    pytest.param("Dhaka allocated Tk 50 crore for relief.", "50", "bangladeshi taka", 5e8, id="taka-tk-crore"),
    pytest.param("Manila released P1.5bn in calamity funds.", "1.5", "philippine peso", 1.5e9,
                 id="peso-p-before-bn"),
    pytest.param("Dubai pledged Dh5 billion.", "5", "uae dirham", 5e9, id="dirham-dh"),
    pytest.param("Turnout was 65 percent.", "65", "percent", 65.0, id="percent-word"),
    pytest.param("Unemployment stood at 7 per cent.", "7", "percent", 7.0, id="per-cent-two-words"),
    pytest.param("Prices rose 5% in May.", "5", "percent", 5.0, id="percent-sign"),
    pytest.param("Prices rose 5 % in May.", "5", "percent", 5.0, id="percent-sign-spaced"),
    pytest.param("Support fell 3 percentage points.", "3", "percentage point", 3.0, id="percentage-points"),
]


NOT_MONEY_WITHOUT_MAGNITUDE = [
    pytest.param("Traffic on the N2 highway was stopped for 3 hours.", id="road-n2"),
    pytest.param("The P1 position went to the Dutch driver.", id="grid-p1"),
    pytest.param("The R2 unit was sold in 2019.", id="model-r2"),
    pytest.param("Tickets cost Sh500.", id="sh-without-magnitude"),
]


@pytest.mark.parametrize("sentence", NOT_MONEY_WITHOUT_MAGNITUDE)
def test_a_short_letter_prefix_is_money_only_before_a_magnitude_word(sentence: str) -> None:
    assert [f.text for f in extract(sentence) if f.unit != "count" and f.category == "money"] == []


@pytest.mark.parametrize(("sentence", "number", "unit", "value"), MONEY_AND_PERCENT)
def test_money_and_percent_have_no_si_value(sentence: str, number: str, unit: str, value: float) -> None:
    f = figure_of(sentence, number)
    assert f.unit == unit
    assert f.value is not None and math.isclose(f.value, value)
    assert f.si_value is None
    assert f.entity is None


@pytest.mark.parametrize(("surface", "name"), [
    pytest.param("km", "kilometre", id="km"),
    pytest.param("KM", "kilometre", id="km-capitals"),
    pytest.param("kilometers", "kilometre", id="kilometers"),
    pytest.param("m", "metre", id="m-case-sensitive"),
    pytest.param("feet", "foot", id="feet"),
    pytest.param("tons", "ton", id="tons"),
    pytest.param("tonnes", "tonne", id="tonnes"),
    pytest.param("per cent", "percent", id="per-cent"),
    pytest.param("%", "percent", id="percent-sign"),
    pytest.param("hrs", "hour", id="hrs"),
])
def test_lookup_alias(surface: str, name: str) -> None:
    unit = lookup_alias(surface)
    assert unit is not None
    assert unit.name == name


@pytest.mark.parametrize("surface", [
    pytest.param("M", id="capital-m-is-no-metre"),
    pytest.param("people", id="a-noun"),
    pytest.param("", id="empty"),
])
def test_lookup_alias_rejects(surface: str) -> None:
    assert lookup_alias(surface) is None


RATES = [
    pytest.param("Copper traded at $8,210 a tonne on Tuesday.", "8,210", "dollar per tonne", id="a-tonne-on-a-day"),
    pytest.param("Brent crude cost $82 per barrel on Friday.", "82", "dollar per barrel", id="per-barrel-on-a-day"),
    pytest.param("Rents were $900 a month.", "900", "dollar per month", id="a-month"),
    pytest.param("A year on, rents are $900.", "900", "dollar", id="a-year-on-is-a-time"),
    pytest.param("Fees were $40 a year ago.", "40", "dollar", id="a-year-ago-is-a-time"),
]


@pytest.mark.parametrize(("sentence", "number", "unit"), RATES)
def test_rate_after_a_or_per(sentence: str, number: str, unit: str) -> None:
    assert figure_of(sentence, number).unit == unit
