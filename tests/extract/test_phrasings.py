"""Categories on casualty phrasings written for the project (data/casualty_phrasings.tsv), and the gaps known."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.extract.test_units import figure_of

PHRASINGS = Path(__file__).parent / "data" / "casualty_phrasings.tsv"


def _slug(sentence: str, number: str) -> str:
    words = re.findall(r"[A-Za-z0-9,.]+", sentence)[:7]
    return "-".join(words).lower() + f"@{number}"


def _cases() -> list:
    cases = []
    for line in PHRASINGS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sentence, number, category = line.split("\t")
            cases.append(pytest.param(sentence, number, category, id=_slug(sentence, number)))
    return cases


@pytest.mark.parametrize(("sentence", "number", "category"), _cases())
def test_phrasing_category(sentence: str, number: str, category: str) -> None:
    assert figure_of(sentence, number).category == category


KNOWN_GAPS = [
    pytest.param("Both pilots were killed.", "Both", "killed", id="both-is-not-read-as-two"),
    pytest.param("Total displaced: 2.3m", "2.3m", "displaced", id="m-without-a-noun-is-read-as-metres"),
    pytest.param("The floods have killed 1.2m head of livestock.", "1.2m", "killed",
                 id="head-of-livestock-is-read-as-metres"),
    pytest.param("Search teams were still looking for 40 others.", "40", "missing", id="looking-for-is-no-cue"),
    pytest.param("The malware infected 30,000 computers.", "30,000", "other",
                 id="infected-things-count-as-affected-people"),
    pytest.param("The Rafah crossing opened for 200 trucks on Sunday.", "200", "other",
                 id="opened-for-is-read-as-a-release-of-anything"),
]


@pytest.mark.parametrize(("sentence", "number", "category"), KNOWN_GAPS)
@pytest.mark.xfail(strict=True, reason="a known gap: the tracker reads this otherwise (strict: a fix shows here)")
def test_known_gap(sentence: str, number: str, category: str) -> None:
    assert figure_of(sentence, number).category == category
