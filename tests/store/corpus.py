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


#: Events a generated news story reports: (what happened, where, day of the month in March 2025).
STORIES = (
    ("An earthquake struck", "southern Turkey", 3),
    ("Floods swept through", "Sindh province in Pakistan", 5),
    ("An airstrike hit", "a market in Idlib, Syria", 9),
    ("A cyclone made landfall in", "Mozambique", 14),
    ("Shelling hit", "Kharkiv, Ukraine", 18),
    ("A landslide buried", "a village in Nepal", 22),
)
STORY_SOURCES = ("the health ministry said", "the UN said", "officials said", "the Red Cross said")


def news_documents(count: int, seed: int = 7, first: int = 0) -> list[dict[str, str]]:
    """`count` JSONL records {"id", "text", "published"} reporting one of `STORIES` each, days after it,
    with tolls that rise from day to day and sources that disagree; ids start at `first`."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    docs = []
    for i in range(first, first + count):
        what, where, day = rng.choice(STORIES)
        later = rng.randint(0, 4)
        killed = 20 * (later + 1) + rng.randint(0, 9)
        sentences = [
            f"{what} {where} on March {day}.",
            f"At least {killed} people were killed, {rng.choice(STORY_SOURCES)}.",
            f"More than {killed * 3} people were injured and {killed * 50:,} were displaced, "
            f"{rng.choice(STORY_SOURCES)}.",
        ]
        if rng.random() < 0.3:
            sentences.append(f"The toll had earlier been put at {max(1, killed - 15)}.")
        docs.append({"id": f"story-{i:05d}", "text": " ".join(sentences) + "\n",
                     "published": f"2025-03-{day + later:02d}T12:00:00Z"})
    return docs
