"""The unit lexicon generated from quantulum3's catalogue: used, and never quantulum3 per text."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tracker.extract import extract
from tracker.extract.units import tables
from tracker.figure import Figure


def test_extraction_never_imports_quantulum3() -> None:
    code = ("import sys; from tracker.extract import extract; "
            "extract('Pressure reached 30 MPa and A$5 million was paid.'); "
            "print('quantulum3' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_catalogue_adds_units_the_project_table_lacks() -> None:
    names = set(tables().units)
    assert {"megapascal", "kilovolt", "kilopascal", "hectopascal", "becquerel"} <= names


def only_figure(sentence: str) -> Figure:
    figures = extract(sentence)
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


CATALOGUE_UNITS = [
    pytest.param("The weld failed at 30 MPa.", "megapascal", 3.0e7, id="megapascal-symbol"),
    pytest.param("The line carries 400 kV.", "kilovolt", 4.0e5, id="kilovolt-symbol"),
    pytest.param("The tyre holds 220 kPa.", "kilopascal", 2.2e5, id="kilopascal-symbol"),
    pytest.param("The storm's pressure fell to 950 hPa.", "hectopascal", 9.5e4, id="hectopascal-symbol"),
    pytest.param("The beam is rated at 50 ksi.", "kilopound per square inch", 50 * 6894757.293168363,
                 id="ksi-project-addition"),
    pytest.param("The ship made 18 kt in calm seas.", "knot", 18 * 0.514444444444444, id="knot-symbol"),
    pytest.param("Forests store 3 Gt of carbon.", "gigatonne", 3.0e12, id="gigatonne-symbol"),
    pytest.param("Workers got 20 mSv last year.", "millisievert", 0.02, id="millisievert-symbol"),
    pytest.param("The lamp gives 800 lumens.", "lumen", None, id="lumens-name"),
    pytest.param("The sample measured 40 becquerels.", "becquerel", 40.0, id="becquerel-name"),
]


@pytest.mark.parametrize(("sentence", "unit", "si"), CATALOGUE_UNITS)
def test_catalogue_unit_is_read(sentence: str, unit: str, si: float | None) -> None:
    fig = only_figure(sentence)
    assert fig.unit == unit
    assert fig.entity is None
    if si is not None:
        assert fig.si_value == pytest.approx(si, rel=1e-6)


NOT_UNITS = [
    pytest.param("The choir sang with 3 quartets.", "quartets", id="quartets-is-a-count"),
    pytest.param("Police found 4 moles in the ministry.", "moles", id="moles-is-a-count"),
    pytest.param("The hotel has 40 TV sets.", "sets", id="TV-is-no-teravolt"),
    pytest.param("The shop sold 12 bars of soap.", "bars", id="bars-is-no-pressure"),
    pytest.param("The bridge rests on 3 spans.", "spans", id="spans-is-no-length"),
]


@pytest.mark.parametrize(("sentence", "entity"), NOT_UNITS)
def test_catalogue_words_stay_counted_nouns(sentence: str, entity: str) -> None:
    fig = only_figure(sentence)
    assert (fig.unit, fig.entity) == ("count", entity)


CURRENCIES = [
    pytest.param("The council spent A$5 million.", "australian dollar", id="A-dollar-symbol"),
    pytest.param("The council spent AUD 5 million.", "australian dollar", id="AUD-code"),
    pytest.param("The council spent 5 million Australian dollars.", "australian dollar", id="australian-dollars"),
    pytest.param("The council spent C$12 million.", "canadian dollar", id="C-dollar-symbol"),
    pytest.param("The council spent NZ$3.5 million.", "new zealand dollar", id="NZ-dollar-symbol"),
    pytest.param("The ticket costs 300 yen.", "japanese yen", id="yen"),
    pytest.param("The ticket costs 50 rand.", "south african rand", id="rand"),
    pytest.param("The ticket costs 80 pence.", "penny", id="pence"),
    pytest.param("The ticket costs 6 Swiss francs.", "swiss franc", id="swiss-francs"),
    pytest.param("The ticket costs 40 roubles.", "russian rouble", id="roubles"),
    pytest.param("The ticket costs $12.", "dollar", id="bare-dollar-sign-is-US"),
    pytest.param("The ticket costs 12 dollars.", "dollar", id="dollars-with-no-country"),
    pytest.param("The ticket costs US$12.", "dollar", id="US-dollar-symbol"),
    pytest.param("The ticket costs 12 American dollars.", "dollar", id="american-dollars-from-catalogue"),
]


@pytest.mark.parametrize(("sentence", "unit"), CURRENCIES)
def test_currency_has_its_own_unit(sentence: str, unit: str) -> None:
    fig = only_figure(sentence)
    assert (fig.unit, fig.category, fig.si_value) == (unit, "money", None)
