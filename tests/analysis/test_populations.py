"""Populations: the counted noun's family, and conditions that make a row of their own ("in hospital")."""

from __future__ import annotations

import pytest

from tests.analysis.builders import document, mention
from tracker.analysis.statistics import population_of
from tracker.analysis.timeline import official_people


@pytest.mark.parametrize(
    ("sentence", "text", "entity", "population"),
    [
        pytest.param("Ninety people remain in hospital, officials said.", "Ninety people", "people", "hospitalised",
                     id="condition-after-the-count"),
        pytest.param("Forty people injured in the blast, including nine children, remain in hospital.",
                     "Forty people", "people", "hospitalised", id="condition-after-a-part-between-commas"),
        pytest.param("Forty people injured in the blast, the mayor said, were treated at home.", "Forty people",
                     "people", "people", id="a-reporting-clause-is-no-part"),
        pytest.param("There are 64 patients in medical institutions.", "64 patients", "patients", "hospitalised",
                     id="patients-in-medical-institutions-are-the-hospitalised"),
        pytest.param("There are 64 patients, the hospital said.", "64 patients", "patients", "patients",
                     id="patients-alone-keep-their-family"),
        pytest.param("Twelve children are in hospital.", "Twelve children", "children", "children, hospitalised",
                     id="children-in-hospital"),
    ],
)
def test_population_of(sentence: str, text: str, entity: str, population: str) -> None:
    m = mention(0, 0, sentence, 10.0, text=text, entity=entity, category="injured")
    assert population_of(m) == population


@pytest.mark.parametrize(
    ("sentence", "whole_text", "part_text", "population"),
    [
        pytest.param("Eighty people, including six children, remain in hospital.", "Eighty people", "six children",
                     "children, hospitalised", id="including-takes-the-whole-s-condition"),
        pytest.param("There are 64 patients in medical institutions, of which three children - one is in "
                     "serious condition.", "64 patients", "three children", "children, hospitalised",
                     id="of-which-and-a-dash-ends-the-part-s-clause"),
        pytest.param("Five people were in critical condition and 5 children were also injured.", "Five people",
                     "5 children", "children", id="a-figure-beside-another-is-not-its-part"),
    ],
)
def test_a_part_named_as_such_is_in_its_whole_s_condition(sentence: str, whole_text: str, part_text: str,
                                                           population: str) -> None:
    whole = mention(0, 0, sentence, 80.0, text=whole_text, entity=whole_text.split()[-1], category="injured")
    part = mention(0, 1, sentence, 6.0, text=part_text, entity="children", category="injured",
                   parent_figure_id=whole.figure_id)
    assert population_of(part, whole) == population


def test_an_official_title_given_in_another_sentence_of_the_document_counts() -> None:
    quoted = mention(0, 0, "She said 64 patients are in medical institutions.", 64.0, source="Anna Petrova",
                     source_kind="person")
    doc = document(0, [quoted], sentences=["Deputy Prime Minister Anna Petrova gave an update."])
    assert official_people([quoted]) == frozenset()
    assert official_people([quoted], {0: doc.sentences}) == {"Anna Petrova"}


def test_a_person_named_without_a_title_is_no_official() -> None:
    quoted = mention(0, 0, "She said 64 patients are in medical institutions.", 64.0, source="Anna Petrova",
                     source_kind="person")
    doc = document(0, [quoted], sentences=["Anna Petrova, a nurse, gave an update."])
    assert official_people([quoted], {0: doc.sentences}) == frozenset()
