"""The currency lexicon generated from ISO 4217: read as news writes currencies, never pycountry per text."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.extract.test_units import figure_of
from tracker.extract.currency_lexicon import currency_units


def test_extraction_never_imports_pycountry() -> None:
    code = ("import sys; from tracker.extract import extract; "
            "extract('Bread costs 1,000 Sudanese pounds.'); print('pycountry' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


LOCAL_MONEY = [
    pytest.param("A sack of flour costs 5,000 Congolese francs.", "5,000", "congolese franc", id="demonym-and-noun"),
    pytest.param("The ministry paid 2 million Iraqi dinars.", "2", "iraqi dinar", id="with-a-multiplier"),
    pytest.param("Bread costs 1,000 Sudanese pounds.", "1,000", "sudanese pound", id="pounds-of-a-country"),
    pytest.param("Teachers earn 400,000 Ugandan shillings a month.", "400,000", "uganda shilling per month",
                 id="demonym-the-iso-name-lacks"),
    pytest.param("The budget sets aside UGX 40 billion.", "40", "uganda shilling", id="iso-code-before"),
    pytest.param("A litre of fuel costs 300 kwanza.", "300", "angolan kwanza", id="a-noun-of-one-currency"),
    pytest.param("The loan is worth 50 billion CFA francs.", "50", "cfa franc", id="supranational-franc"),
    pytest.param("A coffee costs 10 bolivars.", "10", "venezuelan bolívar", id="written-without-accent"),
    pytest.param("The hotel charged 20 Swiss francs.", "20", "swiss franc", id="project-table-comes-first"),
]


@pytest.mark.parametrize(("sentence", "number", "unit"), LOCAL_MONEY)
def test_local_currencies_are_money(sentence: str, number: str, unit: str) -> None:
    f = figure_of(sentence, number)
    assert (f.unit, f.category, f.entity) == (unit, "money", None)


def test_a_code_another_unit_reads_stays_that_units() -> None:
    """KGS is the Kyrgyz som's code and the plural of "kg": the table read first keeps it."""
    assert figure_of("The sack weighs 20 KGS.", "20").unit == "kilogram"


def test_shared_nouns_alone_are_not_read_as_one_currency() -> None:
    """"dollar", "franc", "dinar" name a currency only with their country (or "$")."""
    forms = {form for u in currency_units() for form in u.names}
    assert "franc" not in forms and "dinar" not in forms and "shilling" not in forms
    assert "naira" in forms and "kwanza" in forms
