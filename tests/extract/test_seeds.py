"""The seed articles against their hand annotation (tests/extract/data/seeds_gold.json, a copy of
acceptance/seeds_gold.json, which SPEC.md allows in tests/): every required figure is found with the gold
value, bounds, qualifier, unit, entity and category. Matching is the acceptance script's: the quote's
occurrence nearest to its sentence, and the first record whose span overlaps it. Attribution (source) and
links (parent, equivalent_of) are tested by their owners and skipped here.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tracker.extract import extract
from tracker.figure import Figure

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD: list[dict[str, Any]] = json.loads((Path(__file__).parent / "data" / "seeds_gold.json").read_text("utf-8"))


@cache
def seed(name: str) -> tuple[str, tuple[Figure, ...]]:
    """The text of a seed file and its figures, extracted once."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    return text, tuple(extract(text, doc=f"seeds/{name}"))


def locate(text: str, quote: str, sentence: str) -> tuple[int, int]:
    """Offsets of the occurrence of `quote` nearest to the (unique) `sentence` snippet."""
    s = text.index(sentence)
    best = None
    pos = text.find(quote)
    while pos != -1:
        if best is None or abs(pos - s) < abs(best - s):
            best = pos
        pos = text.find(quote, pos + 1)
    assert best is not None, f"quote {quote!r} not in the seed"
    return best, best + len(quote)


def singular(word: str | None) -> str:
    w = (word or "").lower().strip()
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and w != "people":
        return w[:-1]
    return w


def same_number(got: float | None, want: float | None) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return math.isclose(got, want, rel_tol=1e-6, abs_tol=1e-6)


REQUIRED = [pytest.param(g, id=f"{g['file'][:3]}-{g['quote']}") for g in GOLD if g["required"]]


def test_gold_copy_is_current() -> None:
    shared = ROOT.parent / "shared" / "acceptance" / "seeds_gold.json"
    if not shared.exists():
        pytest.skip("no shared acceptance folder next to the project")
    assert json.loads(shared.read_text("utf-8")) == GOLD, "refresh tests/extract/data/seeds_gold.json"


def test_every_gold_file_is_a_seed() -> None:
    assert REQUIRED
    for name in {g["file"] for g in GOLD}:
        assert (SEEDS / name).is_file(), name


@pytest.mark.parametrize("gold", REQUIRED)
def test_required_gold_figure(gold: dict[str, Any]) -> None:
    text, figures = seed(gold["file"])
    start, end = locate(text, gold["quote"], gold["sentence"])
    hits = [f for f in figures if f.start < end and start < f.end]
    assert hits, f"missing {gold['quote']!r}"
    f = hits[0]
    problems = []
    if not (same_number(f.low, gold["low"]) and same_number(f.high, gold["high"])
            and (gold["value"] is None or same_number(f.value, gold["value"]))):
        problems.append(f"value/low/high={f.value}/{f.low}/{f.high}, want {gold['value']}/{gold['low']}/{gold['high']}")
    if f.qualifier != gold["qualifier"]:
        problems.append(f"qualifier={f.qualifier}, want {gold['qualifier']}")
    if f.unit.lower() != gold["unit"]:
        problems.append(f"unit={f.unit}, want {gold['unit']}")
    if gold["entity"] and singular((f.entity or "").split(" ")[-1]) != singular(gold["entity"]):
        problems.append(f"entity={f.entity}, want {gold['entity']}")
    if f.category != gold["category"]:
        problems.append(f"category={f.category}, want {gold['category']}")
    assert not problems, f"{f.text!r}: " + "; ".join(problems)


@pytest.mark.parametrize("name", sorted({g["file"] for g in GOLD}))
def test_seed_records_point_into_the_text(name: str) -> None:
    text, figures = seed(name)
    assert figures
    for f in figures:
        assert text[f.start:f.end] == f.text
        assert text[f.sentence_start:f.sentence_end] == f.sentence
        json.dumps(f.to_dict(), allow_nan=False)
