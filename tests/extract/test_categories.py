"""Category cues: found the same in the text and in its lower-cased copy (the fast path); the figure's own
clause decides its category before the rest of the sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.extract.test_units import figure_of as figure_at
from tracker.extract.categories import expand_braces, find_cues

WORDS = ["Killed", "killed", "DISPLACED", "weredisplaced", "fled", "Refugees", "evacuated", "wounded",
         "injured", "people", "homes", "destroyed", "missing", "the", "were", "2,000", " ", "  ", ",", ".", "\n",
         "\u00a0", "aid", "troops", "deployed", "Detained", "released"]


@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
def test_lower_cased_search_finds_the_same_cues(text: str) -> None:
    assert find_cues(text, 0, len(text), text.lower()) == find_cues(text, 0, len(text))


def test_cues_carry_their_category() -> None:
    text = "At least 826 people were killed and 370,000 displaced."
    found = [(text[c.start:c.end], c.category) for c in find_cues(text, 0, len(text), text.lower())]
    assert ("killed", "killed") in found and ("displaced", "displaced") in found


CLAUSES = [
    pytest.param("Three fishermen drowned and 11 others were hurt when the ferry capsized.", "11", "injured",
                 id="second-clause-has-its-own-predicate"),
    pytest.param("Three fishermen drowned and 11 others were hurt when the ferry capsized.", "Three", "killed",
                 id="first-clause-keeps-its-verb"),
    pytest.param("At least 7 died and over 40 were wounded in the blast.", "40", "injured",
                 id="wounded-after-died"),
    pytest.param("Some 80 people were injured while 6 remain unaccounted for.", "6", "missing",
                 id="while-opens-a-clause"),
    pytest.param("Officials said 2 million had been affected and 640 had been killed.", "640", "killed",
                 id="had-been-killed-after-affected"),
    pytest.param("The blast killed 9 people and wounded 23 at the market.", "23", "injured",
                 id="governing-verb-of-the-second-object"),
    pytest.param("The shelling killed 5 residents who were sheltering in a school.", "5", "killed",
                 id="relative-clause-does-not-take-the-figure"),
    pytest.param("The dead include 9 women and 3 men.", "9", "killed", id="noun-dead-in-the-clause"),
    pytest.param("The dead include 9 women and 3 men.", "3", "killed", id="conjunct-takes-the-sentence-cue"),
    pytest.param("Of the victims, 14 were children.", "14", "killed", id="victims-noun"),
    pytest.param("The toll from the mudslide climbed to 48 as crews searched the damaged valley.", "48", "killed",
                 id="toll-phrase-far-from-number"),
    pytest.param("About 25,000 households remained without electricity on Sunday.", "25,000", "affected",
                 id="without-electricity"),
    pytest.param("Nearly 9,000 residents registered for emergency food aid.", "9,000", "affected",
                 id="registered-for-aid"),
    pytest.param("Another 350 troops arrived in the region overnight.", "350", "deployed", id="troops-noun"),
    pytest.param("Some 40 villagers are still trapped under the debris.", "40", "missing", id="trapped"),
    pytest.param("Six suspects are under arrest, police said.", "Six", "detained", id="under-arrest"),
    pytest.param("The gunmen took 120 passengers hostage.", "120", "detained", id="took-hostage"),
    pytest.param("There are 62 patients in the city's hospitals.", "62", "injured", id="patients-noun"),
    pytest.param("Two rockets hit the depot, killing 4 guards.", "Two", "other", id="rockets-are-never-casualties"),
    pytest.param("Two rockets hit the depot, killing 4 guards.", "4", "killed", id="killing-after-rockets"),
    pytest.param("The region sent 30 ambulances to the quake zone.", "30", "aid", id="ambulances-sent-are-aid"),
    pytest.param("The victims include 12 women and a newborn.", "12", "killed", id="inclusion-in-victims"),
    pytest.param("Among the evacuees were 35 hospital patients.", "35", "evacuated", id="among-the-evacuees"),
    pytest.param("More than 90,000 residents were without clean water after the quake.", "90,000", "affected",
                 id="without-clean-water"),
    pytest.param("Some 4,500 families are living in tents near the airport.", "4,500", "displaced",
                 id="living-in-tents"),
    pytest.param("Authorities evacuated 12,000 people while 3,000 others sought shelter in schools.", "3,000",
                 "displaced", id="coordinated-clause-sought-shelter"),
    pytest.param("Authorities evacuated 12,000 people while 3,000 others sought shelter in schools.", "12,000",
                 "evacuated", id="first-clause-keeps-its-verb"),
    pytest.param("At least 8,000 people have fledKhartoum since Monday.", "8,000", "fled",
                 id="cue-glued-to-a-capitalised-word"),
    pytest.param("The victims' relatives hired 12 lawyers.", "12", "other", id="noun-without-inclusion-word"),
    pytest.param("The floods forced 3,000 people from their homes.", "3,000", "displaced",
                 id="object-then-from-their-homes"),
    pytest.param("Fighting drove 10,000 families out of their homes.", "10,000", "displaced", id="out-of-their-homes"),
    pytest.param("In the raid, 12 hostages and 4 gunmen died.", "12", "killed", id="coordinated-subjects-share-died"),
    pytest.param("Some 200 refugees and 50 migrants drowned off the coast.", "200", "killed",
                 id="coordinated-subjects-predicate-beats-noun"),
    pytest.param("Five prisoners and two guards escaped overnight.", "Five", "fled", id="coordinated-subjects-escaped"),
    pytest.param("The strike killed 7 soldiers and 12 civilians were wounded.", "7", "killed",
                 id="first-subject-keeps-its-own-verb"),
    pytest.param("About 300 refugees and 40 aid workers arrived at the camp.", "300", "refugees",
                 id="no-shared-cue-keeps-the-noun"),
    pytest.param("Authorities moved 14,000 residents to temporary shelters.", "14,000", "displaced",
                 id="temporary-shelters"),
    pytest.param("Nearly 700 families are staying with host families.", "700", "displaced", id="host-families"),
    pytest.param("Some 40,000 people are living in makeshift camps.", "40,000", "displaced", id="makeshift-camps"),
    pytest.param("Nearly 3,000 people are taking refuge in churches.", "3,000", "displaced", id="taking-refuge"),
    pytest.param("Over 20,000 people were forced to abandon their homes.", "20,000", "displaced",
                 id="abandon-their-homes"),
    pytest.param("At least 6,000 residents were ordered to leave their homes.", "6,000", "evacuated",
                 id="ordered-to-leave"),
    pytest.param("The militants took 30 bus passengers captive.", "30", "detained", id="took-captive"),
    pytest.param("Fifteen workers suffered burns in the blast.", "Fifteen", "injured", id="suffered-burns"),
    pytest.param("About 900 soldiers, including two generals, have defected to the rebels.", "900", "fled",
                 id="predicate-after-an-apposition"),
    pytest.param("Some 5,000 refugees crossed the border on foot.", "5,000", "refugees",
                 id="refugees-noun-more-specific-than-crossing"),
    pytest.param("Over 3,000 flood-hit residents are now living in camps.", "3,000", "displaced",
                 id="predicate-over-modifier"),
    pytest.param("The army said 300 people were killed; rescuers put the figure at 350.", "300", "killed",
                 id="restatement-does-not-reach-the-earlier-figure"),
    pytest.param("Twelve bridges across the valley were swept away.", "Twelve", "damage", id="bridges-noun"),
    pytest.param("Around 2,500 farmers were driven out by the militia.", "2,500", "displaced", id="driven-out"),
    pytest.param("Nearly 600 families lost their houses in the landslide.", "600", "displaced",
                 id="lost-their-houses"),
    pytest.param("Some 150 villagers fled their houses when the river rose.", "150", "displaced",
                 id="fled-their-houses"),
    pytest.param("About 1,200 people were resettled on higher land.", "1,200", "displaced", id="resettled"),
    pytest.param("At least 30,000 people sought safety in the hills.", "30,000", "displaced", id="sought-safety"),
    pytest.param("Some 800 people are housed in a sports hall.", "800", "displaced", id="housed-in"),
    pytest.param("Around 3,000 survivors are sleeping in the open for fear of aftershocks.", "3,000", "displaced",
                 id="sleeping-in-the-open"),
    pytest.param("About 400 families were left without a roof.", "400", "displaced", id="without-a-roof"),
    pytest.param("About 70 people are staying in a relief camp outside town.", "70", "displaced",
                 id="relief-camp-singular"),
    pytest.param("Some 2,000 residents were moved to safety overnight.", "2,000", "evacuated", id="moved-to-safety"),
    pytest.param("Bulldozers levelled 35 shops in the market.", "35", "damage", id="levelled"),
    pytest.param("At least 20 cars were set ablaze during the riot.", "20", "damage", id="set-ablaze"),
    pytest.param("The storm hit 90,000 people, of whom 8,000 were evacuated.", "8,000", "evacuated",
                 id="subset-with-its-own-verb"),
    pytest.param("The storm evacuated 90,000 people, among them 8,000 children.", "8,000", "evacuated",
                 id="subset-without-a-verb-takes-the-whole"),
    pytest.param("The ministry wants to relocate 2,000 families living on the riverbank.", "2,000", "displaced",
                 id="relocate"),
    pytest.param("Some 6,000 villagers are without homes after the storm.", "6,000", "displaced",
                 id="without-homes"),
    pytest.param("Dozens of families were moved into tents near the stadium; another 300 followed.", "Dozens",
                 "displaced", id="moved-into-tents"),
    pytest.param("The shelling sent 4,000 residents fleeing south.", "4,000", "fled", id="sent-fleeing"),
    pytest.param("The ministry sent 400 engineers to the quake zone.", "400", "deployed",
                 id="sent-without-a-predicate"),
    pytest.param("Two years on, 8,000 families are still unable to return to their villages.", "8,000", "displaced",
                 id="unable-to-return"),
    pytest.param("After the fire, some 250 workers had nowhere to sleep.", "250", "displaced", id="nowhere-to-sleep"),
    pytest.param("The camp struggled with an influx of 9,000 people in a week.", "9,000", "displaced", id="influx"),
    pytest.param("About 1,300 families are hosted in mosques and schools.", "1,300", "displaced", id="hosted-in"),
    pytest.param("Some 400 journalists have gone into exile since the coup.", "400", "refugees", id="into-exile"),
    pytest.param("Around 2,000 villagers went into hiding in the hills.", "2,000", "fled", id="into-hiding"),
    pytest.param("Landslides have cut off 35,000 people in the valley.", "35,000", "affected", id="cut-off"),
    pytest.param("Another 500 people crossed into Chad, bringing the number of refugees in the camp to 61,000.",
                 "61,000", "refugees", id="bare-number-takes-the-noun-of-its-clause"),
    pytest.param("Fighting killed 12 soldiers on Friday, and the number of prisoners held now stands at 310.", "310",
                 "detained", id="number-of-prisoners-in-its-clause"),
    pytest.param("The strikes killed 3 people, and the number of rockets fired had reached 90.", "90", "other",
                 id="number-of-things-in-its-clause"),
    pytest.param("Ahead of the typhoon, 4,200 residents spent the night in evacuation centres.", "4,200", "evacuated",
                 id="evacuation-centres-hold-evacuees"),
    pytest.param("About 7,000 villagers affected by the landslides have been relocated.", "7,000", "displaced",
                 id="main-predicate-after-a-modifying-participle"),
    pytest.param("Some 45 passengers injured in the crash later died in hospital.", "45", "killed",
                 id="later-died-after-injured-in"),
    pytest.param("Around 800 families displaced by the fighting are in need of food.", "800", "displaced",
                 id="a-state-after-the-modifier-does-not-win"),
    pytest.param("About 90 people evacuated from the island were stranded at the port.", "90", "evacuated",
                 id="affected-predicate-does-not-win"),
    pytest.param("Some 200 people affected by the storm were counted.", "200", "affected",
                 id="modifier-without-a-main-predicate"),
    pytest.param("About 600 herders, who fled the raids in May, are now living in camps.", "600",
                 "displaced", id="predicate-opening-with-in-after-an-apposition"),
    pytest.param("Some 2,500 storm-hit residents were still staying in tents on Friday.", "2,500", "displaced",
                 id="staying-links-to-in-tents"),
    pytest.param("Four of the wounded later died in hospital.", "Four", "killed", id="partitive-then-predicate"),
    pytest.param("Two of those 30 hostages were freed on Monday.", "Two", "released",
                 id="partitive-with-a-number-then-predicate"),
    pytest.param("Twelve of the dead were children.", "Twelve", "killed", id="partitive-without-a-predicate"),
    pytest.param("The outbreak has infected 2,300 people in the camps.", "2,300", "affected", id="infected"),
    pytest.param("The epidemic has killed 350 and sickened 12,000.", "12,000", "affected",
                 id="sickened-after-killed"),
    pytest.param("Around 120 people remain in hospital.", "120", "injured", id="in-hospital"),
    pytest.param("Forty people are still in the hospital.", "Forty", "injured", id="still-in-the-hospital"),
    pytest.param("Some 300 nurses work in the hospital.", "300", "other", id="staff-in-the-hospital"),
    pytest.param("The whereabouts of 16 journalists remain unknown.", "16", "missing", id="whereabouts"),
    pytest.param("About 200,000 people lack access to clean drinking water.", "200,000", "affected",
                 id="lack-access-to"),
    pytest.param("Some 11 million people need food assistance.", "11 million", "affected",
                 id="need-food-assistance"),
    pytest.param("The UN delivered 40 tonnes of food aid to the town.", "40", "aid", id="tonnes-of-aid"),
    pytest.param("Trucks carried 200 tonnes of relief supplies.", "200", "aid", id="tonnes-of-relief-supplies"),
    pytest.param("The country exported 3 million tonnes of wheat.", "3 million", "other",
                 id="tonnes-of-goods-that-are-not-aid"),
]


@pytest.mark.parametrize(("cue", "phrases"), [
    pytest.param("displac*", ["displac*"], id="no-braces"),
    pytest.param("{fled,left} their {homes,houses}", ["fled their homes", "fled their houses", "left their homes",
                                                      "left their houses"], id="two-choices"),
    pytest.param("in {,a} camp", ["in camp", "in a camp"], id="optional-word"),
    pytest.param("{out of,from} their homes", ["out of their homes", "from their homes"], id="multi-word-choice"),
])
def test_braces_in_a_cue_stand_for_each_choice(cue: str, phrases: list[str]) -> None:
    assert expand_braces(cue) == phrases


@pytest.mark.parametrize(("sentence", "number", "category"), CLAUSES)
def test_category_from_the_figures_own_clause(sentence: str, number: str, category: str) -> None:
    assert figure_at(sentence, number).category == category
