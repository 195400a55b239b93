"""Small generated news documents for the crash-safety and concurrency tests (deterministic per seed)."""

from __future__ import annotations

import json
import random
from pathlib import Path

TOWNS = ("Homs", "Hama", "Aleppo", "Idlib", "Daraa", "Deir ez-Zor", "Raqa", "Latakia")
SOURCES = ("the Observatory said", "the United Nations said", "according to the health ministry")
TEMPLATES = (
    "At least {n} people were killed in {town} on Sunday, {source}.",
    "About {n} families fled {town} as the fighting spread.",
    "The strikes damaged {n} homes in {town}, {source}.",
    "More than {n} civilians were wounded near {town}.",
    "Aid convoys reached {town} with {n} tonnes of food.",
)


def small_documents(count: int, seed: int = 7) -> list[dict[str, str]]:
    """`count` JSONL records {"id", "text"} of two to four sentences with figures; every text is distinct."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    docs = []
    for i in range(count):
        sentences = [
            rng.choice(TEMPLATES).format(n=rng.randint(2, 5000), town=rng.choice(TOWNS), source=rng.choice(SOURCES))
            for _ in range(rng.randint(2, 4))
        ]
        docs.append({"id": f"gen-{i:05d}", "text": f"Report {i}.\n" + " ".join(sentences) + "\n"})
    return docs


def write_jsonl(path: Path, docs: list[dict[str, str]]) -> str:
    """Write documents as JSONL; the path as a string."""
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return str(path)
