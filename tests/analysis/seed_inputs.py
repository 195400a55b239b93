"""Analysis inputs built from the seed corpus (seeds/*.txt) and its gold annotation (data/seeds_gold.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tracker.analysis.places import Place
from tracker.analysis.records import read_document
from tracker.analysis.types import DocumentEvent, DocumentInput, MentionInput
from tracker.documents import Document
from tracker.extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).with_name("data") / "seeds_gold.json"


def seed_paths() -> list[Path]:
    """The seed articles in file-name order (their position is their document id)."""
    return sorted(SEEDS.glob("*.txt"))


def seed_sentences(text: str) -> tuple[str, ...]:
    """The sentences of a seed text, as the store would keep them."""
    return tuple(s.text for s in split_sentences(text))


#: What the per-document analysis should find in every seed: the offensive that took Damascus; and in the
#: French article, the war since 2011 behind it ("half a million dead since 2011").
OFFENSIVE = DocumentEvent(0, "offensive", "offensive", None, Place("SYR", None, "Damascus"), None, 2024, False)
WAR = DocumentEvent(1, "war", "war", None, Place("SYR"), None, 2011, False)
WAR_TOLL = "half a million dead"


def gold_documents(scopes: dict[str, str] | None = None) -> list[DocumentInput]:
    """One DocumentInput per seed, its mentions built from the gold records (`scopes`: quote -> scope), its
    events as the per-document analysis should find them."""
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
                scope=(scopes or {}).get(r["quote"]), event_index=1 if r["quote"] == WAR_TOLL else 0,
            ))
        events = (OFFENSIVE, WAR) if any(m.event_index == 1 for m in mentions) else (OFFENSIVE,)
        docs.append(DocumentInput(doc_id, None, None, sentences, tuple(mentions), events, path.name))
    return docs


def extracted_documents() -> list[DocumentInput]:
    """One DocumentInput per seed as `tracker analyze` builds it: the real extractor and document analysis."""
    return [
        read_document(doc_id, Document(path.name, path.read_text(encoding="utf-8"), str(path))).input
        for doc_id, path in enumerate(seed_paths())
    ]
