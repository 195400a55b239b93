"""Analysis inputs built from the seed corpus (seeds/*.txt) and its gold annotation (data/seeds_gold.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tracker.analysis.types import DocumentInput, MentionInput
from tracker.extract.sentences import split_sentences
from tracker.figure import Figure

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).with_name("data") / "seeds_gold.json"


def seed_paths() -> list[Path]:
    """The seed articles in file-name order (their position is their document id)."""
    return sorted(SEEDS.glob("*.txt"))


def seed_sentences(text: str) -> tuple[str, ...]:
    """The sentences of a seed text, as the store would keep them."""
    return tuple(s.text for s in split_sentences(text))


def gold_documents(scopes: dict[str, str] | None = None) -> list[DocumentInput]:
    """One DocumentInput per seed, its mentions built from the gold records (`scopes`: quote -> scope)."""
    records: list[dict[str, Any]] = json.loads(GOLD.read_text(encoding="utf-8"))
    docs = []
    for doc_id, path in enumerate(seed_paths()):
        text = path.read_text(encoding="utf-8")
        sentences = seed_sentences(text)
        mine = [r for r in records if r["file"] == path.name]
        figure_id = {r["quote"]: doc_id * 100 + i for i, r in enumerate(mine)}
        mentions = []
        for i, r in enumerate(mine):
            sentence = next(s for s in sentences if r["sentence"] in s)
            parent = r.get("parent_quote")
            mentions.append(MentionInput(
                figure_id=figure_id[r["quote"]], document_id=doc_id, index=i, text=r["quote"],
                sentence=sentence, value=r["value"], low=r["low"], high=r["high"],
                qualifier=r["qualifier"], unit=r["unit"], entity=r["entity"], category=r["category"],
                source=r["source"], source_kind=None,
                parent_figure_id=figure_id[parent] if parent else None,
                scope=(scopes or {}).get(r["quote"]),
            ))
        docs.append(DocumentInput(doc_id, None, None, sentences, tuple(mentions)))
    return docs


def figures_to_document(doc_id: int, text: str, figures: list[Figure]) -> DocumentInput:
    """A DocumentInput from extracted figures, as the store builds it (figure id = doc * 1000 + index)."""
    mentions = tuple(
        MentionInput(
            figure_id=doc_id * 1000 + i, document_id=doc_id, index=i, text=f.text, sentence=f.sentence,
            value=f.value, low=f.low, high=f.high, qualifier=f.qualifier, unit=f.unit, entity=f.entity,
            category=f.category, source=f.source, source_kind=f.source_kind,
            parent_figure_id=None if f.parent is None else doc_id * 1000 + f.parent, scope=f.scope,
        )
        for i, f in enumerate(figures)
    )
    return DocumentInput(doc_id, None, None, seed_sentences(text), mentions)
