"""Places: finding them in text, deciding ambiguous names, a document's main place, each figure's place."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.analysis.places import Place, PlaceMention, figure_places, find_places, main_place
from tracker.extract import extract
from tracker.extract.sentences import split_sentences


def mention(text: str, name: str) -> PlaceMention | None:
    """The mention that starts at the first occurrence of `name` in `text`, if any."""
    pos = text.index(name)
    found = [m for m in find_places(text) if m.start == pos]
    return found[0] if found else None


def place_of(text: str, number: str, fallback: Place | None = None) -> Place | None:
    """The place `figure_places` gives the figure holding `number`."""
    figures = extract(text)
    pos = text.index(number)
    index = [k for k, f in enumerate(figures) if f.start <= pos < f.end]
    assert index, f"no figure at {number!r}: {[f.text for f in figures]}"
    places = figure_places(text, split_sentences(text), figures, find_places(text), fallback)
    return places[index[0]]


# --- ambiguous names decided by the document's other places ------------------------------------------

AMBIGUOUS = [
    pytest.param("Militias clashed in Tripoli overnight. The Libyan government in the capital called for calm.",
                 "Tripoli", "LBY", id="tripoli-libya"),
    pytest.param("Militias clashed in Tripoli overnight, the second city of Lebanon, near the Syrian border.",
                 "Tripoli", "LBN", id="tripoli-lebanon"),
    pytest.param("Storms tore through Georgia, and officials in Atlanta opened shelters across the state.",
                 "Georgia", "USA", id="georgia-us-state"),
    pytest.param("Floods hit Georgia this week, and officials in Tbilisi opened shelters.",
                 "Georgia", "GEO", id="georgia-country-by-capital"),
    pytest.param("Russian troops massed on the border of Georgia, the former Soviet republic.",
                 "Georgia", "GEO", id="georgia-country-alone"),
    pytest.param("Rains flooded Punjab, and the authorities in Lahore asked for boats.", "Punjab", "PAK",
                 id="punjab-pakistan"),
    pytest.param("Rains flooded Punjab, and the authorities in Chandigarh and Amritsar asked for boats.",
                 "Punjab", "IND", id="punjab-india"),
]


@pytest.mark.parametrize(("text", "name", "country"), AMBIGUOUS)
def test_ambiguous_name_follows_the_other_places(text: str, name: str, country: str) -> None:
    found = mention(text, name)
    assert found is not None
    assert found.place.country == country


# --- what a name stands for ----------------------------------------------------------------------------

READINGS = [
    pytest.param("A missile hit a railway station in Kramatorsk on Friday.", "Kramatorsk",
                 ("UKR", "Donetsk", "Kramatorsk"), "locality", id="locality-implies-admin1-and-country"),
    pytest.param("Floods swept through Sindh after weeks of rain.", "Sindh", ("PAK", "Sindh", None), "admin1",
                 id="first-level-region"),
    pytest.param("Fighting spread across the Donetsk region this week.", "Donetsk region",
                 ("UKR", "Donetsk", None), "admin1", id="designator-makes-a-region"),
    pytest.param("Shelling hit the Kharkiv region overnight.", "Kharkiv region", ("UKR", "Kharkivs’ka Oblast’", None),
                 "admin1", id="region-named-after-its-city"),
    pytest.param("Most deaths were in Al Haouz province, officials said.", "Al Haouz province",
                 ("MAR", "Al Haouz", None), "admin1", id="second-level-province-recorded-as-admin1"),
    pytest.param("Aid reached Gaza City by night.", "Gaza City", ("PSE", "Gaza Strip", "Gaza"), "locality",
                 id="city-designator"),
    pytest.param("Aid trucks entered Gaza on Sunday.", "Gaza", ("PSE", "Gaza Strip", None), "admin1",
                 id="hand-kept-region"),
    pytest.param("Clashes broke out across Darfur again.", "Darfur", ("SDN", "Darfur", None), "admin1",
                 id="region-not-a-first-level-unit"),
    pytest.param("Sirens sounded in Kiev before dawn.", "Kiev", ("UKR", "Kyiv City", "Kyiv"), "locality",
                 id="older-spelling"),
    pytest.param("Relief flights landed in Türkiye.", "Türkiye", ("TUR", None, None), "country",
                 id="country-spelling"),
    pytest.param("Officials in the U.S. said the aid would continue.", "U.S.", ("USA", None, None), "country",
                 id="dotted-acronym"),
    pytest.param("Refugees crossed into Pakistan-administered Kashmir.", "Pakistan-administered Kashmir",
                 ("PAK", "Azad Kashmir", None), "admin1", id="hyphenated-region-alias"),
]


@pytest.mark.parametrize(("text", "name", "where", "level"), READINGS)
def test_name_reading(text: str, name: str, where: tuple[str, str | None, str | None], level: str) -> None:
    found = mention(text, name)
    assert found is not None, [m.text for m in find_places(text)]
    assert (found.place.country, found.place.admin1, found.place.locality) == where
    assert found.level == level
    assert found.text == name


def test_locality_carries_coordinates() -> None:
    found = mention("Rescuers worked through the night in Kramatorsk.", "Kramatorsk")
    assert found is not None and found.place.lat is not None and found.place.lon is not None
    assert 48 < found.place.lat < 49.5 and 37 < found.place.lon < 38.5


DEMONYMS = [
    pytest.param("Syrian troops advanced.", "Syrian", "SYR", id="syrian"),
    pytest.param("Two Sudanese aid workers were freed.", "Sudanese", "SDN", id="sudanese"),
    pytest.param("Thousands of Ukrainians fled west.", "Ukrainians", "UKR", id="plural-noun"),
    pytest.param("The Pakistani army sent boats.", "Pakistani", "PAK", id="pakistani"),
]


@pytest.mark.parametrize(("text", "name", "country"), DEMONYMS)
def test_demonym(text: str, name: str, country: str) -> None:
    found = mention(text, name)
    assert found is not None and found.demonym and found.place.country == country and found.level == "country"


# --- names that are not places here ----------------------------------------------------------------------

NOT_PLACES = [
    pytest.param("Split the difference, the mediator told both sides.", "Split", id="word-opening-a-sentence"),
    pytest.param("The Police said the road was closed.", "Police", id="word-after-an-article"),
    pytest.param("The Death Toll Of The Storm Rises To Ten", "Of", id="word-in-a-title-case-headline"),
    pytest.param("She answered every call on her Mobile phone.", "Mobile", id="capitalised-word-no-support"),
    pytest.param("Queen Elizabeth hospital admitted the injured.", "Elizabeth", id="inside-a-person-name"),
    pytest.param("Engineers cut the bank of Lake Chad to drain the fields.", "Chad", id="inside-a-lake-name"),
    pytest.param("Michael Jordan visited the ward.", "Jordan", id="surname"),
    pytest.param("Officers took a Bath bus to the scene, police said.", "Bath", id="word-town-no-support"),
]


@pytest.mark.parametrize(("text", "name"), NOT_PLACES)
def test_not_a_place(text: str, name: str) -> None:
    assert mention(text, name) is None


def test_word_town_with_support_is_a_place() -> None:
    text = "Storms flooded Croatia's coast, and in Split the harbour was closed."
    found = mention(text, "Split")
    assert found is not None and found.place.locality == "Split" and found.place.country == "HRV"


ROLES = [
    pytest.param("Washington said the strikes must stop.", "Washington", "source", "country", id="capital-speaks"),
    pytest.param("Moscow has denied targeting civilians.", "Moscow", "source", "country", id="capital-has-denied"),
    pytest.param("The UN envoy told reporters in Geneva that talks would resume.", "Geneva", "speaking", "locality",
                 id="place-of-speaking"),
]


@pytest.mark.parametrize(("text", "name", "role", "level"), ROLES)
def test_role(text: str, name: str, role: str, level: str) -> None:
    found = mention(text, name)
    assert found is not None and found.role == role and found.level == level and found.weak


IN_NAMES = [
    pytest.param("The Syrian Observatory for Human Rights counted the dead.", "Syrian", id="monitor"),
    pytest.param("The Mariupol City Council said the theatre was hit.", "Mariupol", id="city-council"),
]


@pytest.mark.parametrize(("text", "name"), IN_NAMES)
def test_name_inside_an_organisation_is_kept_but_weak(text: str, name: str) -> None:
    found = mention(text, name)
    assert found is not None and found.in_name and found.weak


# --- places the gazetteer lacks -------------------------------------------------------------------------

UNLISTED = [
    pytest.param("The quake flattened the village of Tizgart in Morocco.", "Tizgart", "MAR", "Tizgart",
                 id="village-of"),
    pytest.param("Troops shelled the town of Oleksivka, in eastern Ukraine.", "Oleksivka", "UKR", "Oleksivka",
                 id="town-of"),
    pytest.param("Cholera spread in Sudan, reaching Abu Shouk camp last week.", "Abu Shouk", "SDN",
                 "Abu Shouk camp", id="camp"),
    pytest.param("In Kenya, families queued at Kalobeyei refugee camp for food.", "Kalobeyei", "KEN",
                 "Kalobeyei camp", id="refugee-camp"),
]


@pytest.mark.parametrize(("text", "name", "country", "locality"), UNLISTED)
def test_unlisted_locality_takes_the_country_of_the_context(text: str, name: str, country: str,
                                                             locality: str) -> None:
    found = mention(text, name)
    assert found is not None, [m.text for m in find_places(text)]
    assert found.place == Place(country, None, locality, None, None)
    assert found.level == "locality"


def test_unlisted_village_without_any_country_is_not_a_place() -> None:
    assert find_places("They walked to the village of Tizgart before dawn.") == []


# --- a text with no place -------------------------------------------------------------------------------

NO_PLACE = "At least 12 people were killed and 30 injured when a bus overturned, the police said."


def test_text_without_place() -> None:
    mentions = find_places(NO_PLACE)
    assert mentions == []
    assert main_place(NO_PLACE, mentions) is None
    figures = extract(NO_PLACE)
    assert len(figures) == 2
    assert figure_places(NO_PLACE, split_sentences(NO_PLACE), figures, mentions, None) == [None, None]
    given_place = Place("KEN", None, None, None, None)
    assert figure_places(NO_PLACE, split_sentences(NO_PLACE), figures, mentions, given_place) == [given_place] * 2


# --- a document's main place ------------------------------------------------------------------------------

MAIN = [
    pytest.param("Rocket strike on Kramatorsk station kills 30\nA rocket hit the station in the eastern Ukrainian "
                 "city of Kramatorsk, officials in Ukraine said. Russia denied it.", None,
                 Place("UKR", "Donetsk", "Kramatorsk", 48.7311, 37.5678), id="headline-locality"),
    pytest.param("Floods kill 1,000 in Pakistan\nFloods across Pakistan killed 1,000 people. In Sindh, 400 died; "
                 "in Punjab 200. Karachi was spared.", None, Place("PAK", None, None, 30.0, 70.0),
                 id="national-when-regions-share-the-text"),
    pytest.param("The toll rose again on Tuesday. Rescuers in Malawi and Mozambique kept digging.",
                 "Cyclone toll passes 200 in Malawi and Mozambique",
                 Place("MWI", None, None, -13.5, 34.0, ("MWI", "MOZ")), id="title-with-two-countries"),
    pytest.param("US officials estimate 100 died in the Gaza hospital blast, said US intelligence. The crisis in "
                 "Gaza deepened.", None, Place("PSE", "Gaza Strip", None, None, None),
                 id="where-it-happened-not-who-speaks"),
]


@pytest.mark.parametrize(("text", "title", "want"), MAIN)
def test_main_place(text: str, title: str | None, want: Place) -> None:
    assert main_place(text, find_places(text), title) == want


# --- where each figure counts -----------------------------------------------------------------------------

FIGURES = [
    pytest.param("The floods killed 646 people in Sindh, officials said.", "646", None,
                 ("PAK", "Sindh", None), id="place-after-the-figure"),
    pytest.param("In Sindh 646 people died, and 191 people died in Punjab.", "191", None, ("PAK", "Punjab", None),
                 id="each-figure-its-own-place"),
    pytest.param("13 people died in southern Balochistan province, 8 in Sindh province and 1 in Khyber Pakhtunkhwa "
                 "province.", "8", None, ("PAK", "Sindh", None), id="place-between-two-figures-belongs-to-the-first"),
    pytest.param("UNICEF in Haiti said 40 children were killed.", "40", Place("HTI", None, "Cite Soleil", None, None),
                 ("HTI", None, "Cite Soleil"), id="place-of-a-source-is-not-where-it-counts"),
    pytest.param("The UN envoy told reporters in Geneva that 300 people had died.", "300",
                 Place("SDN", "Darfur", None, None, None), ("SDN", "Darfur", None), id="place-of-speaking"),
    pytest.param("Pakistan said 1,500 people had died across the country.", "1,500",
                 Place("PAK", "Sindh", None, None, None), ("PAK", None, None), id="across-the-country"),
    pytest.param("A total of 12,000 people were injured nationwide.", "12,000",
                 Place("PAK", "Sindh", None, None, None), ("PAK", None, None), id="nationwide-no-place-named"),
    pytest.param("Pakistan's death toll rose to 1,508 on Friday.", "1,508", Place("PAK", None, None, 30.0, 70.0),
                 ("PAK", None, None), id="national-toll"),
    pytest.param("Ukraine said 50 people died in the strike.", "50",
                 Place("UKR", "Donetsk", "Kramatorsk", 48.7311, 37.5678), ("UKR", "Donetsk", "Kramatorsk"),
                 id="country-named-event-place-more-specific"),
    pytest.param("At least 53 people died in Mozambique and 225 in Malawi.", "53",
                 Place("MWI", None, None, None, None, ("MWI", "MOZ")), ("MOZ", None, None),
                 id="one-country-of-a-multi-country-event"),
    pytest.param("Malawi's commercial capital Blantyre recorded 85 deaths.", "85", None,
                 ("MWI", "Southern Region", "Blantyre"), id="most-specific-of-the-figure-words"),
    pytest.param("About 600 civilians died when Russia attacked a theatre in the port city of Mariupol.", "600",
                 Place("UKR", None, None, None, None), ("UKR", "Donetsk", "Mariupol"),
                 id="where-not-who-attacked"),
    pytest.param("An aide on Capitol Hill said 100 people were killed at the hospital.", "100",
                 Place("PSE", "Gaza Strip", None, None, None), ("PSE", "Gaza Strip", None),
                 id="place-abroad-without-locative-for-the-figure"),
    pytest.param("A bomb downed a plane over Sinai, killing all 224 people on board.", "224",
                 Place("RUS", None, None, None, None), ("EGY", "Sinai", None), id="place-abroad-with-locative"),
]


@pytest.mark.parametrize(("text", "number", "fallback", "want"), FIGURES)
def test_figure_place(text: str, number: str, fallback: Place | None,
                      want: tuple[str, str | None, str | None]) -> None:
    got = place_of(text, number, fallback)
    assert got is not None
    assert (got.country, got.admin1, got.locality) == want


def test_two_countries_together_make_one_place() -> None:
    text = "More than 100 people have been killed in Malawi and Mozambique."
    got = place_of(text, "100")
    assert got == Place("MWI", None, None, -13.5, 34.0, ("MWI", "MOZ"))
    assert got.to_dict()["countries"] == ["MWI", "MOZ"]


def test_paragraph_place_when_the_sentence_names_none() -> None:
    text = ("Gunmen seized a school in Beslan in southern Russia. The siege ended two days later and more than 330 "
            "people were killed.\nOther news followed.")
    got = place_of(text, "330", Place("RUS", None, None, None, None))
    assert got is not None and got.locality == "Beslan"


def test_place_to_dict() -> None:
    assert Place("UKR", "Donetsk", "Kramatorsk", 48.7, 37.6).to_dict() == {
        "country": "UKR", "admin1": "Donetsk", "locality": "Kramatorsk", "lat": 48.7, "lon": 37.6}


# --- properties ------------------------------------------------------------------------------------------

WORDS = st.sampled_from(["Kramatorsk", "the", "village", "of", "in", "Split", "said", "Syrian", "Malawi", "and",
                         "Mozambique", "camp", "Georgia", "Tripoli", "12", "people", "killed", ",", ".", "\n",
                         "Gaza", "City", "province", "Al", "-", "Haouz", "U.S.", "’s", "across", "country"])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40))
def test_mentions_are_spans_of_the_text_in_order(words: list[str]) -> None:
    text = " ".join(words)
    mentions = find_places(text)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.level in ("country", "admin1", "locality")
    figures = extract(text)
    places = figure_places(text, split_sentences(text), figures, mentions, None)
    assert len(places) == len(figures)
    main = main_place(text, mentions)
    # a document is about some place when it names one other than where someone spoke
    assert (main is None) == (not [m for m in mentions if m.role != "speaking"])


@pytest.mark.parametrize(("text", "locality"), [
    pytest.param("Gunmen attacked a concert hall near Moscow on Friday, killing 60 people.", None,
                 id="near-a-city-is-not-in-it"),
    pytest.param("Gunmen attacked a concert hall in the Krasnogorsk suburb in the north of Moscow, killing 60.",
                 "Krasnogorsk", id="designated-town-of-the-lead"),
    pytest.param("Prices rose 3% in March, the statistics office said.", None, id="a-month-is-not-a-town"),
])
def test_main_place_locality(text: str, locality: str | None) -> None:
    main = main_place(text, find_places(text))
    assert (main.locality if main else None) == locality


def test_a_sentence_adding_to_a_count_takes_its_place() -> None:
    from tracker.analysis.document import analyze_document

    text = ("Cyclone Idai hit Malawi and Mozambique.\nMalawi counted at least 99 deaths.\n"
            "Another 134 people were injured and 16 are missing. In Mozambique, 10 people died.")
    found = analyze_document(text, extract(text))
    countries = [(a.place.country if a.place else None) for a in found.figures]
    assert countries == ["MWI", "MWI", "MWI", "MOZ"]
