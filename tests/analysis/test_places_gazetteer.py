"""The place gazetteer: the hand-kept file's rows are checked, names fold (tests/test_generated_files.py
checks the generated file is current)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tracker.analysis import gazetteer as gazetteer_module
from tracker.analysis.gazetteer import Gazetteer, fold, gazetteer
from tracker.errors import DataFileError

FOLDS = [
    pytest.param("Kahramanmaraş", "kahramanmaras", id="accents"),
    pytest.param("Kramators'k", "kramatorsk", id="apostrophe"),
    pytest.param("Gilgit-Baltistan", "gilgit baltistan", id="hyphen"),
    pytest.param("Łódź", "lodz", id="letters-without-decomposition"),
    pytest.param("  Cox’s  Bazar ", "coxs bazar", id="spaces-and-typographic-apostrophe"),
]


@pytest.mark.parametrize(("name", "key"), FOLDS)
def test_fold(name: str, key: str) -> None:
    assert fold(name) == key


def test_every_country_has_a_name_and_a_reading() -> None:
    gaz = gazetteer()
    assert len(gaz.countries) > 240
    for code, reading in gaz.countries.items():
        assert reading.level == "country" and reading.country == code and gaz.country_names[code]


def test_english_word_towns_are_flagged_and_big_cities_are_not() -> None:
    gaz = gazetteer()
    assert all(r.word for r in gaz.readings("split") if r.level == "locality")
    assert not any(r.word for r in gaz.readings("kramatorsk"))
    assert not any(r.word for r in gaz.readings("berlin") if r.country == "DEU")  # a word, but a city of millions


def _bad_hand(monkeypatch: pytest.MonkeyPatch, row: list[str]) -> None:
    def rows(name: str, columns: int, sep: str = "|") -> Iterator[tuple[int, list[str]]]:
        yield 7, row

    monkeypatch.setattr(gazetteer_module, "data_rows", rows)


BAD_HAND_ROWS = [
    pytest.param(["region", "Atlantis", "XXX", "Atlantis"], "unknown country 'XXX'", id="unknown-country"),
    pytest.param(["volcano", "Etna", "ITA"], "unknown kind 'volcano'", id="unknown-kind"),
    pytest.param(["region", "Atlantis", "GRC", ""], "a region needs its name", id="region-without-name"),
    pytest.param(["locality", "Camp X", "KEN", "", "Camp X", "north", ""], "must be numbers", id="bad-latitude"),
    pytest.param(["alias", "Old Town", "UKR", "Nowhere At All"], "no place 'Nowhere At All'", id="alias-to-nothing"),
]


@pytest.mark.parametrize(("row", "message"), BAD_HAND_ROWS)
def test_bad_hand_row_is_a_data_file_error(monkeypatch: pytest.MonkeyPatch, row: list[str], message: str) -> None:
    _bad_hand(monkeypatch, row)
    with pytest.raises(DataFileError, match=rf"places\.txt, line 7: .*{message}"):
        Gazetteer().load()


def test_bad_generated_row_is_a_data_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer_module, "read_data_text", lambda name: "# header\nQ|what is this\n")
    with pytest.raises(DataFileError, match=r"gazetteer\.txt, line 2"):
        Gazetteer().load()
