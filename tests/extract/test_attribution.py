"""Attribution: who each figure is said to come from, in wire-story phrasing from many conflicts."""

from __future__ import annotations

import pytest

from tracker.extract import extract
from tracker.extract.attribution import attribute_figures
from tracker.extract.sentences import split_sentences
from tracker.figure import Figure


def make_figure(text: str, quote: str, category: str = "killed", nth: int = 0) -> Figure:
    """A Figure for the `nth` occurrence of `quote` in `text`, with its sentence's offsets."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    end = start + len(quote)
    sentence = next(s for s in split_sentences(text) if s.start <= start < s.end)
    return Figure(
        doc="test", start=start, end=end, text=quote, sentence=sentence.text,
        sentence_start=sentence.start, sentence_end=sentence.end, value=None, low=None, high=None,
        qualifier="exact", unit="count", category=category,
    )


def attribute(text: str, *quotes: str, category: str = "killed") -> list[Figure]:
    """The attributed figures for `quotes` (first occurrences, in text order)."""
    figures = sorted((make_figure(text, q, category) for q in quotes), key=lambda f: f.start)
    return attribute_figures(text, split_sentences(text), figures)


def source_of(text: str, quote: str, category: str = "killed") -> tuple[str | None, str | None]:
    """(source, source_kind) of one figure."""
    (figure,) = attribute(text, quote, category=category)
    return figure.source, figure.source_kind


NAMED_SUBJECT = [
    pytest.param("The Gaza health ministry said at least 34 people were killed in Israeli strikes overnight.",
                 "at least 34 people", "Gaza Health Ministry", "ministry", id="gaza-ministry-said"),
    pytest.param("At least 34 people were killed in overnight strikes, the Hamas-run health ministry said.",
                 "At least 34 people", "Gaza Health Ministry", "ministry", id="hamas-run-ministry-trailing"),
    pytest.param("Russia's defence ministry said its forces had shot down 41 Ukrainian drones over Belgorod.",
                 "41 Ukrainian drones", "Russian Defence Ministry", "ministry", id="russian-mod-said"),
    pytest.param("The UN refugee agency says more than 8 million people have fled their homes in Sudan.",
                 "more than 8 million people", "United Nations High Commissioner for Refugees", "un_agency",
                 id="un-refugee-agency-says"),
    pytest.param("UNICEF said 1.2 million children were at risk of acute malnutrition in Yemen.",
                 "1.2 million children", "United Nations Children's Fund", "un_agency", id="unicef-acronym"),
    pytest.param("The World Health Organization said 12 hospitals had been hit in Khartoum since April.",
                 "12 hospitals", "World Health Organization", "un_agency", id="who-full-name"),
    pytest.param("WHO has recorded 1,100 attacks on health care in Ukraine, its chief said on Monday.",
                 "1,100 attacks", "World Health Organization", "un_agency", id="who-recorded"),
    pytest.param("The ICRC said 23 of its staff had been detained in the eastern Democratic "
                 "Republic of Congo.",
                 "23 of its staff", "International Committee of the Red Cross", "ngo", id="icrc-said"),
    pytest.param("Doctors Without Borders said its teams had treated 450 wounded people in El Fasher.",
                 "450 wounded people", "Médecins Sans Frontières", "ngo", id="msf-english-name"),
    pytest.param("Ukraine's air force said Russia launched 98 drones and four missiles overnight.",
                 "98 drones", "Ukrainian Air Force", "military", id="ukraine-air-force"),
    pytest.param("The Israeli military said 1,200 rockets had been fired from Lebanon since Monday.",
                 "1,200 rockets", "Israel Defense Forces", "military", id="israeli-military"),
    pytest.param("Sudan's army said it had killed 300 RSF fighters near Omdurman.",
                 "300 RSF fighters", "Sudanese Armed Forces", "military", id="sudan-army-killed-rsf"),
    pytest.param("Myanmar's junta said 3,564 people were killed in the earthquake.",
                 "3,564 people", "Myanmar military", "military", id="myanmar-junta"),
    pytest.param("Turkey's disaster agency AFAD said the death toll had risen to 12,391.",
                 "12,391", "Disaster and Emergency Management Presidency", "government", id="afad"),
    pytest.param("Indonesia's disaster agency said 57 people were missing after flash floods in Sumatra.",
                 "57 people", "National Disaster Management Agency", "government", id="bnpb"),
    pytest.param("Haiti's civil protection agency said at least 42 people died in the floods.",
                 "at least 42 people", "Haitian Civil Protection", "government", id="haiti-civil-protection"),
    pytest.param("The Syrian Observatory for Human Rights, which relies on a network of sources inside "
                 "Syria, said 17 fighters were killed.", "17 fighters", "Syrian Observatory for Human Rights",
                 "monitor", id="sohr-with-aside"),
    pytest.param("M23 rebels said on Sunday they had captured 3 towns in North Kivu.",
                 "3 towns", "M23", "armed_group", id="m23-on-sunday"),
    pytest.param("Israel said 40 rockets were fired at its northern towns.",
                 "40 rockets", "Israel", "state", id="state-as-speaker"),
]


@pytest.mark.parametrize(("text", "quote", "source", "kind"), NAMED_SUBJECT)
def test_a_named_subject_of_a_reporting_verb_is_the_source(text: str, quote: str, source: str,
                                                           kind: str) -> None:
    assert source_of(text, quote) == (source, kind)


INVERTED_AND_AFTER = [
    pytest.param("More than 2,000 homes were destroyed, said Haiti's civil protection agency.",
                 "More than 2,000 homes", "Haitian Civil Protection", "government", id="said-x-inverted"),
    pytest.param('"We have recovered 57 bodies from the rubble," said Mohammed al-Mughayyir, a civil defence '
                 "official.", "57 bodies", "Mohammed al-Mughayyir", "person", id="said-person-after-quote"),
    pytest.param("At least 1,200 people have been killed since April, according to the Armed Conflict "
                 "Location & Event Data Project.", "At least 1,200 people", "Armed Conflict Location & Event "
                 "Data Project", "monitor", id="according-to-acled"),
    pytest.param("According to the UN, some 25 million people need humanitarian aid.",
                 "some 25 million people", "United Nations", "un_agency", id="according-to-leading"),
    pytest.param("Around 6.9 million people are displaced inside Sudan, according to figures from the "
                 "International Organization for Migration.", "Around 6.9 million people",
                 "International Organization for Migration", "un_agency", id="according-to-figures-from"),
    pytest.param("At least 95 people have been killed, according to a tally by AFP.",
                 "At least 95 people", "Agence France-Presse", "news_agency", id="tally-by-agency"),
    pytest.param("Figures from the Internal Displacement Monitoring Centre show 6.9 million people "
                 "displaced.", "6.9 million people", "Internal Displacement Monitoring Centre", "monitor",
                 id="figures-from"),
    pytest.param("Data released by Airwars showed 120 civilians killed in the strikes.",
                 "120 civilians", "Airwars", "monitor", id="data-released-by"),
    pytest.param("ACLED's data shows more than 5,000 fatalities in the Sahel this year.",
                 "more than 5,000 fatalities", "Armed Conflict Location & Event Data Project", "monitor",
                 id="possessive-data"),
    pytest.param("The Observatory's tally stood at 826 dead on Sunday.",
                 "826 dead", "Syrian Observatory for Human Rights", "monitor", id="possessive-tally"),
    pytest.param("Intense shelling killed 9 people, as reported by multiple residents of the town.",
                 "9 people", "residents", "anonymous", id="as-reported-by"),
]


@pytest.mark.parametrize(("text", "quote", "source", "kind"), INVERTED_AND_AFTER)
def test_a_source_after_its_cue_is_the_source(text: str, quote: str, source: str, kind: str) -> None:
    assert source_of(text, quote) == (source, kind)


UNNAMED = [
    pytest.param("A Hamas official told Reuters that 40 fighters had been killed.",
                 "40 fighters", "Hamas", "armed_group", id="org-official-told-agency"),
    pytest.param("A source close to the Houthis said 20 fighters had been killed in the strikes.",
                 "20 fighters", "Houthis", "anonymous", id="source-close-to-org"),
    pytest.param("A Taliban source said 9 police officers were killed in the ambush.",
                 "9 police officers", "Taliban", "anonymous", id="org-source"),
    pytest.param("Residents told AFP that at least 15 people were killed in the shelling.",
                 "at least 15 people", "residents", "anonymous", id="residents-told-afp"),
    pytest.param("A medical source told AFP that 11 bodies had been brought to the hospital.",
                 "11 bodies", "medical source", "anonymous", id="medical-source"),
    pytest.param("An Iraqi security source told AFP 25 militants were killed in the raid.",
                 "25 militants", "Iraqi security source", "anonymous", id="nationality-security-source"),
    pytest.param("Officials said 70 people were missing after the landslide in Papua New Guinea.",
                 "70 people", "officials", "anonymous", id="officials"),
    pytest.param("Witnesses said at least 12 protesters were shot dead in Mandalay.",
                 "at least 12 protesters", "witnesses", "anonymous", id="witnesses"),
    pytest.param("Hospital officials in Khan Younis said 19 bodies had been received overnight.",
                 "19 bodies", "hospital officials", "anonymous", id="hospital-officials"),
    pytest.param("Police said 8 people were arrested after the clashes in Port-au-Prince.",
                 "8 people", "police", "police", id="police"),
    pytest.param("Rescuers said they had pulled 47 survivors from the rubble in Antakya.",
                 "47 survivors", "rescuers", "anonymous", id="rescuers"),
    pytest.param("In Sweida, a local fighter told AFP that 14 soldiers had surrendered.",
                 "14 soldiers", "local fighter", "anonymous", id="local-fighter"),
    pytest.param("State media reported that 14 people died in the floods in Henan.",
                 "14 people", "state media", "news_agency", id="state-media"),
    pytest.param("Reuters reported, citing two security sources, that 30 people were killed.",
                 "30 people", "security sources", "anonymous", id="citing-sources-not-agency"),
    pytest.param("At least 5 people died in Goma, aid  workers said.", "At least 5 people", "aid workers",
                 "anonymous", id="two-spaces-inside-speaker-noun"),
]


@pytest.mark.parametrize(("text", "quote", "source", "kind"), UNNAMED)
def test_an_unnamed_source_is_described(text: str, quote: str, source: str, kind: str) -> None:
    assert source_of(text, quote) == (source, kind)


PEOPLE = [
    pytest.param("Kharkiv governor Oleh Syniehubov said 7 people were injured in the strike.",
                 "7 people", "Oleh Syniehubov", "person", id="governor-name"),
    pytest.param("UNICEF spokesman James Elder said 14,000 children had been killed.",
                 "14,000 children", "United Nations Children's Fund", "un_agency", id="org-spokesman-name"),
    pytest.param("James Elder, a spokesman for UNICEF, said 14,000 children had been killed.",
                 "14,000 children", "United Nations Children's Fund", "un_agency",
                 id="name-spokesman-for-org"),
    pytest.param("Rami Abdel Rahman, head of the Syrian Observatory for Human Rights, said 30 soldiers "
                 "were killed.", "30 soldiers", "Syrian Observatory for Human Rights", "monitor",
                 id="name-head-of-org"),
    pytest.param("Interior Minister Mohammed al-Rahmoun said 300 officers had been deployed.",
                 "300 officers", "Mohammed al-Rahmoun", "person", id="title-name"),
    pytest.param('"Our teams counted 35 bodies," said OSDH director Rami Abdel Rahmane.',
                 "35 bodies", "Syrian Observatory for Human Rights", "monitor", id="said-org-director-name"),
]


@pytest.mark.parametrize(("text", "quote", "source", "kind"), PEOPLE)
def test_people_are_named_or_stand_for_their_organisation(text: str, quote: str, source: str,
                                                          kind: str) -> None:
    assert source_of(text, quote) == (source, kind)


SHORT_FORMS = [
    pytest.param("The Syrian Network for Human Rights documented 230 deaths in March. The monitor said 40 "
                 "children were among them.", "40 children", "Syrian Network for Human Rights",
                 id="the-monitor-earlier-monitor"),
    pytest.param("UNHCR said 500,000 people had crossed into Chad. The agency said another 90,000 were "
                 "stranded at the border.", "another 90,000", "United Nations High Commissioner for Refugees",
                 id="the-agency"),
    pytest.param("Ukraine's defence ministry published new losses for Russia. The ministry said 1,230 "
                 "Russian soldiers were killed in the past day.", "1,230 Russian soldiers",
                 "Ukrainian Defence Ministry",
                 id="the-ministry"),
    pytest.param("Human Rights Watch spoke to survivors in Darfur. The rights group said it had "
                 "documented 18 rapes.", "18 rapes", "Human Rights Watch", id="the-rights-group"),
    pytest.param("M23 rebels entered Goma on Monday. The group said 200 government soldiers had "
                 "surrendered.", "200 government soldiers", "M23", id="the-group"),
    pytest.param("The monitor said 15 people were killed in Idlib.", "15 people",
                 "Syrian Observatory for Human Rights", id="the-monitor-fallback"),
    pytest.param("Sources from the Britain-based Syrian Observatory for Human Rights reported clashes. "
                 "The monitor also confirmed that thousands of detainees had been freed.",
                 "thousands of detainees", "Syrian Observatory for Human Rights", id="seed-the-monitor"),
    pytest.param("The Gaza health ministry gave a new toll. The health ministry said 51 people were killed.",
                 "51 people", "Gaza Health Ministry", id="the-health-ministry"),
    pytest.param("Russia's defence ministry reported strikes. The health ministry said 51 people were "
                 "killed.",
                 "51 people", "health ministry", id="health-ministry-is-not-defence"),
    pytest.param("OSDH counted dozens of strikes. According to the NGO based in London, 26 civilians died.",
                 "26 civilians", "Syrian Observatory for Human Rights", id="the-ngo"),
]


@pytest.mark.parametrize(("text", "quote", "source"), SHORT_FORMS)
def test_short_forms_resolve_to_the_source_named_earlier(text: str, quote: str, source: str) -> None:
    assert source_of(text, quote)[0] == source


CONTINUING = [
    pytest.param("An Iraqi security source told AFP that Baghdad let in hundreds of Syrian soldiers. "
                 "A second source put the figure at 2,000 troops, including officers.", "2,000 troops",
                 "Iraqi security source", id="a-second-source"),
    pytest.param("A military source in Khartoum told AFP that 60 soldiers were killed. Another source "
                 "put the figure at 80.", "80", "military source", id="another-source"),
    pytest.param("A senior police source said 12 officers were wounded. The source said 3 were in critical "
                 "condition.", "3 were", "senior police source", id="the-source"),
    pytest.param("Governor Vitaliy Kim said a missile hit the building. Kim said 9 people were killed.",
                 "9 people", "Vitaliy Kim", id="surname-after-full-name"),
    pytest.param("The UN said the fighting had intensified. It said 40,000 people had fled.",
                 "40,000 people", "United Nations", id="pronoun-it"),
]


@pytest.mark.parametrize(("text", "quote", "source"), CONTINUING)
def test_continuing_references_take_the_previous_source(text: str, quote: str, source: str) -> None:
    assert source_of(text, quote)[0] == source


MULTIPLE = [
    pytest.param("Hamas said 30 people were killed, while the Israeli military said it had struck 40 "
                 "targets.",
                 ("30 people", "40 targets"), ("Hamas", "Israel Defense Forces"), id="two-speakers"),
    pytest.param("The army said 12 soldiers were killed, AFP reported.", ("12 soldiers",), ("army",),
                 id="agency-is-the-channel"),
    pytest.param("The health ministry said 40 people were killed and 120 wounded, Al Jazeera reported.",
                 ("40 people", "120 wounded"), ("health ministry", "health ministry"),
                 id="one-cue-two-figures"),
    pytest.param("The HTS offensive has left at least 826 people killed, including 111 civilians, and has "
                 "displaced 370,000 people, according to the Observatory.",
                 ("at least 826 people", "111 civilians", "370,000 people"),
                 ("Syrian Observatory for Human Rights",) * 3, id="according-to-covers-the-sentence"),
    pytest.param("Reuters news agency reported quoting two senior Syrian officers that 5 generals had fled.",
                 ("two senior Syrian officers", "5 generals"), (None, "senior Syrian officers"),
                 id="figure-inside-the-source-is-not-attributed"),
]


@pytest.mark.parametrize(("text", "quotes", "sources"), MULTIPLE)
def test_each_figure_takes_the_cue_that_governs_it(text: str, quotes: tuple[str, ...],
                                                   sources: tuple[str | None, ...]) -> None:
    assert [f.source for f in attribute(text, *quotes)] == list(sources)


LOOK_BACK = [
    pytest.param("The health ministry in Gaza said 41 people were killed on Tuesday. The dead included 12 "
                 "children.", "12 children", "Gaza Health Ministry", id="same-paragraph"),
    pytest.param("The UN said 30 people were killed.\n\nThe war has displaced 10 million people.",
                 "10 million people", None, id="not-across-paragraphs"),
    pytest.param("Officials said 12 people died. Reports indicate that 300 homes were destroyed.",
                 "300 homes", None, id="reports-indicate-is-no-source"),
    pytest.param("Around 40 fighters were reportedly killed near Bakhmut.", "Around 40 fighters", None,
                 id="reportedly"),
    pytest.param("The conflict has killed more than 500,000 people since 2011.", "more than 500,000 people",
                 None, id="own-voice"),
    pytest.param("Floods swept through Libya's east. Some 10,000 people are missing in Derna.",
                 "Some 10,000 people", None, id="own-voice-paragraph"),
    pytest.param("The town lies about 30 kilometres north of Kherson, the governor said.",
                 "about 30 kilometres", None, id="place-distance-not-attributed"),
    pytest.param("The US Geological Survey said the quake struck at a depth of 17.9 km.", "17.9 km",
                 "United States Geological Survey", id="measured-distance-attributed"),
    pytest.param("Ukraine's emergency service said 4 people died. The war has lasted 1,000 days.",
                 "1,000 days", None, id="duration-not-looked-back"),
]


@pytest.mark.parametrize(("text", "quote", "source"), LOOK_BACK)
def test_look_back_stays_in_the_paragraph_and_stops_at_hedges(text: str, quote: str,
                                                              source: str | None) -> None:
    category = "distance" if "k" in quote.split()[-1][:2] else "duration" if "days" in quote else "killed"
    assert source_of(text, quote, category)[0] == source


SOURCE_TEXT = [
    pytest.param("At least 826 people have been killed, the Observatory said.", "At least 826 people",
                 "the Observatory said", id="trailing"),
    pytest.param("Some 370,000 people have fled, according to the Observatory.", "Some 370,000 people",
                 "according to the Observatory", id="according-to"),
    pytest.param("A source close to Hezbollah earlier said it had sent 2,000 fighters.", "2,000 fighters",
                 "A source close to Hezbollah earlier said", id="source-close-to"),
]


@pytest.mark.parametrize(("text", "quote", "words"), SOURCE_TEXT)
def test_source_text_holds_the_words_of_the_attribution(text: str, quote: str, words: str) -> None:
    (figure,) = attribute(text, quote)
    assert figure.source_text == words


def test_each_document_keeps_its_own_sources() -> None:
    un = "The United Nations said the violence has displaced 370,000 people."
    sohr = "The fighting has displaced 370,000 people, according to the Observatory."
    assert source_of(un, "370,000 people")[0] == "United Nations"
    assert source_of(sohr, "370,000 people")[0] == "Syrian Observatory for Human Rights"


def test_a_speaker_noun_broken_by_a_line_break_is_no_error() -> None:
    figures = extract("At least 5 people died in Goma, aid\nworkers said 12 were hurt.")
    assert [f.text for f in figures] == ["At least 5 people", "12"]


def test_no_figures_no_work() -> None:
    assert attribute_figures("The UN said nothing.", split_sentences("The UN said nothing."), []) == []


NOT_A_STATEMENT = [
    pytest.param("Hextar Technologies added 15 sen to RM2.70 in early trade.", "15 sen", None,
                 id="added-as-a-market-move"),
    pytest.param("About 800 displaced Syrians were reported to be stuck at the border.",
                 "About 800 displaced Syrians", None, id="passive-reported"),
    pytest.param("About 1,100 families stayed in tents provided by the Red Crescent.", "About 1,100 families",
                 None, id="provided-by-is-not-a-source"),
    pytest.param("About 25,000 people had been displaced in Kelantan and Terengganu states by the floods.",
                 "About 25,000 people", None, id="states-as-a-noun"),
    pytest.param("Hamas released 33 hostages in the first phase of the truce.", "33 hostages", None,
                 id="released-is-not-a-cue"),
    pytest.param('"We counted 20 bodies in the street," Kuleba added.', "20 bodies", "Kuleba",
                 id="added-closing-a-quote"),
    pytest.param("OCHA in CAR reported 4,000 people displaced near Kaga Bandoro.", "4,000 people",
                 "United Nations Office for the Coordination of Humanitarian Affairs", id="org-in-place"),
    pytest.param("Jyske Bank in Denmark announced it would cut 300 jobs.", "300 jobs", "Jyske Bank",
                 id="unknown-org-in-place"),
    pytest.param("Pakistan's foreign ministry said 12 soldiers were killed at the border.", "12 soldiers",
                 "Pakistan's foreign ministry", id="state-possessive-ministry"),
]


@pytest.mark.parametrize(("text", "quote", "source"), NOT_A_STATEMENT)
def test_words_that_only_look_like_attribution(text: str, quote: str, source: str | None) -> None:
    assert source_of(text, quote)[0] == source


QUOTATIONS = [
    pytest.param('"We have counted 45 bodies. Another 30 people are missing," the mayor of Derna said.',
                 ("45 bodies", "30 people"), ("mayor", "mayor"), id="speaker-after-the-quote"),
    pytest.param("“We have counted 45 bodies. Another 30 people are missing,” said Ahmed Madroud.",
                 ("45 bodies", "30 people"), ("Ahmed Madroud", "Ahmed Madroud"), id="curly-quotes-said-name"),
    pytest.param('"We have counted 45 bodies. Another 30 people are missing." The mayor said the situation '
                 "was dire.", ("45 bodies", "30 people"), (None, None), id="speaker-of-another-statement"),
    pytest.param('"We have counted 45 bodies."\n\nOfficials said 30 people were missing.',
                 ("45 bodies", "30 people"), (None, "officials"), id="quote-closed-in-its-paragraph"),
]


@pytest.mark.parametrize(("text", "quotes", "sources"), QUOTATIONS)
def test_a_quotation_takes_the_speaker_named_after_it(text: str, quotes: tuple[str, ...],
                                                      sources: tuple[str | None, ...]) -> None:
    assert [f.source for f in attribute(text, *quotes)] == list(sources)


WIRE_PHRASING = [
    pytest.param("Strikes kill 40 in Gaza, health ministry says\n\nThe health ministry in Gaza said 12 children "
                 "were among the dead.", "40", "Gaza Health Ministry", id="headline-short-form-named-later"),
    pytest.param("Strikes kill 40, ministry says\n\nRescuers searched the rubble.", "40", "ministry",
                 id="headline-short-form-never-named"),
    pytest.param("Israeli strikes killed 40 Palestinians, the health ministry in the Hamas-run enclave said.",
                 "40 Palestinians", "Gaza Health Ministry", id="ministry-in-the-enclave"),
    pytest.param("Rescuers freed a woman 212 hours after the quake, broadcaster CNN Turk reported.", "212 hours",
                 "CNN Turk", id="broadcaster-name"),
    pytest.param("The attack killed more than 100 people, activists and a doctors' group said.",
                 "more than 100 people", "doctors' group", id="possessive-group"),
]


@pytest.mark.parametrize(("text", "quote", "source"), WIRE_PHRASING)
def test_wire_phrasing(text: str, quote: str, source: str) -> None:
    assert source_of(text, quote)[0] == source


@pytest.mark.parametrize(("text", "quote", "source", "words"), [
    pytest.param("The National Disaster Management Authority (NDMA) said 45 people had died.", "45 people",
                 "National Disaster Management Authority",
                 "The National Disaster Management Authority (NDMA) said", id="name-and-acronym"),
    pytest.param("More than 33 million people have been affected, it said.", "More than 33 million people",
                 None, None, id="pronoun-with-nothing-before"),
    pytest.param("Floods have killed 982 people, the country's disaster management agency said.", "982 people",
                 "disaster management agency", "disaster management agency said", id="unnamed-agency"),
    pytest.param("The strike killed 100 people, a local resident and a rescue worker told AFP.", "100 people",
                 "rescue worker", "a rescue worker told", id="two-speakers-the-nearest"),
])
def test_source_and_its_words(text: str, quote: str, source: str | None, words: str | None) -> None:
    (figure,) = attribute(text, quote)
    assert (figure.source, figure.source_text) == (source, words)


@pytest.mark.parametrize(("text", "quote", "source"), [
    pytest.param("He told reporters that 20 people had died.", "20 people", None, id="pronoun-without-antecedent"),
    pytest.param("More than 60 people were killed, the UN said in a statement on Tuesday, citing local "
                 "authorities.", "More than 60 people", "United Nations", id="speaker-before-citing"),
    pytest.param("The death toll rose to 85, the Kathmandu Valley Police spokesman told Reuters.", "85",
                 "Kathmandu Valley Police", id="capitalised-organisation-before-spokesman"),
])
def test_more_subjects(text: str, quote: str, source: str | None) -> None:
    assert source_of(text, quote)[0] == source


@pytest.mark.parametrize(("text", "quote", "source"), [
    pytest.param("Rami Abdel Rahman, who heads the Observatory, told AFP that 50 soldiers had defected.",
                 "50 soldiers", "Syrian Observatory for Human Rights", id="who-heads-the-organisation"),
    pytest.param("Syrian state news agency SANA reported that 12 people were killed.", "12 people",
                 "Syrian Arab News Agency", id="agency-named-after-its-description"),
    pytest.param("UN refugee agency chief Filippo Grandi said 1 million people could return.", "1 million people",
                 "United Nations High Commissioner for Refugees", id="agency-chief-name"),
    pytest.param("The UN's World Food Programme said 3 million people needed food aid.", "3 million people",
                 "World Food Programme", id="possessive-un-agency"),
])
def test_people_speaking_for_organisations(text: str, quote: str, source: str) -> None:
    assert source_of(text, quote)[0] == source


@pytest.mark.parametrize(("text", "quote", "source"), [
    pytest.param("UNICEF released a report on Monday. The report said 30 percent of children were "
                 "malnourished.", "30 percent", "United Nations Children's Fund", id="the-report"),
    pytest.param("The Israeli military issued a statement. The statement said 12 soldiers were wounded.",
                 "12 soldiers", "Israel Defense Forces", id="the-statement"),
    pytest.param("The statement said 12 soldiers were killed.", "12 soldiers", None, id="statement-of-no-one"),
])
def test_documents_speak_for_whoever_issued_them(text: str, quote: str, source: str | None) -> None:
    assert source_of(text, quote)[0] == source
