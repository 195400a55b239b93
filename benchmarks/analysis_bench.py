"""Time `analyze_corpus` on a synthetic corpus (default: 10,000 documents x ~10 figures).

Run by hand from the project root: `.venv/bin/python benchmarks/analysis_bench.py [--docs N]`.
The corpus mimics news: events (a place, an event noun, a category, a counted noun, a source) reported
by several documents with varying numbers, a share of documents that are wire copies of earlier ones,
and filler sentences.
"""

from __future__ import annotations

import argparse
import random
import string
import time
from collections import Counter

from tracker.analysis import analyze_corpus
from tracker.analysis.types import DocumentInput, MentionInput

CATEGORIES = ["killed", "injured", "displaced", "detained", "fled", "deployed", "missing", "aid"]
ENTITIES = ["people", "civilians", "troops", "soldiers", "fighters", "children", "residents", "homes"]
SOURCES = [None, "United Nations", "Syrian Observatory for Human Rights", "Health Ministry", "Red Cross",
           "Civil Defence", "police", "Hezbollah", "Iraqi security source", "Amnesty International"]
EVENTS = ["offensive", "airstrike", "shelling", "earthquake", "flood", "siege", "ambush", "bombing",
          "clashes", "raid", "fire", "landslide", "storm", "protest", "attack"]
QUALIFIERS = [("exact", ""), ("approximately", "about "), ("at_least", "at least "), ("vague", "")]


def _word(rng: random.Random, capital: bool = False) -> str:
    w = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 9)))
    return w.capitalize() if capital else w


def synthetic_corpus(n_docs: int, figures_per_doc: int = 10, seed: int = 1) -> list[DocumentInput]:
    """A reproducible synthetic corpus of `n_docs` documents."""
    rng = random.Random(seed)
    vocabulary = [_word(rng) for _ in range(3000)]
    places = [_word(rng, capital=True) for _ in range(800)]
    events = [
        (rng.choice(places), rng.choice(EVENTS), rng.choice(CATEGORIES), rng.choice(ENTITIES),
         rng.choice([5, 12, 40, 111, 300, 826, 2000, 15000, 370000]))
        for _ in range(max(10, n_docs // 8))
    ]
    docs: list[DocumentInput] = []
    figure_id = 0
    for doc_id in range(n_docs):
        if docs and rng.random() < 0.3:  # a wire copy of an earlier story
            origin = docs[rng.randrange(max(0, len(docs) - 200), len(docs))]
            mentions = []
            for m in origin.mentions:
                figure_id += 1
                mentions.append(MentionInput(figure_id, doc_id, m.index, m.text, m.sentence, m.value, m.low,
                                             m.high, m.qualifier, m.unit, m.entity, m.category, m.source,
                                             m.source_kind, None, m.scope))
            docs.append(DocumentInput(doc_id, None, rng.choice(["AFP", "Reuters", "AP"]), origin.sentences,
                                      tuple(mentions)))
            continue
        sentences = [" ".join(rng.choices(vocabulary, k=rng.randint(8, 20))).capitalize() + "."
                     for _ in range(rng.randint(10, 25))]
        mentions = []
        for index in range(figures_per_doc):
            place, event, category, entity, base = rng.choice(events)
            qualifier, word = rng.choice(QUALIFIERS)
            value = float(round(base * rng.choice([1, 1, 1, 0.8, 1.3, 2])))
            stated: float | None = value
            low, high = (value, value)
            if qualifier == "vague":
                stated, low, high = None, 200.0, 999.0
            elif qualifier == "at_least":
                high = None
            source = rng.choice(SOURCES)
            said = f", {source} said" if source else ""
            number = "hundreds of" if qualifier == "vague" else f"{word}{value:,.0f}"
            extra = " ".join(rng.choices(vocabulary, k=rng.randint(3, 10)))
            sentence = f"In {place}, {number} {entity} were {category} after the {event} {extra}{said}."
            sentences.insert(rng.randrange(len(sentences) + 1), sentence)
            figure_id += 1
            mentions.append(MentionInput(figure_id, doc_id, index, f"{number} {entity}", sentence, stated,
                                         low, high, qualifier, "count", entity, category, source, None,
                                         None, None))
        docs.append(DocumentInput(doc_id, None, None, tuple(sentences), tuple(mentions)))
    return docs


def main() -> None:
    """Build the corpus, time the analysis, print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--figures", type=int, default=10)
    args = parser.parse_args()
    docs = synthetic_corpus(args.docs, args.figures)
    n_mentions = sum(len(d.mentions) for d in docs)
    started, cpu_started = time.perf_counter(), time.process_time()
    analysis = analyze_corpus(docs)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    kinds = Counter(d.kind for d in analysis.discrepancies)
    print(f"{len(docs)} documents, {n_mentions} mentions: analyze_corpus took {elapsed:.2f} s "
          f"(CPU {cpu:.2f} s)")
    print(f"  {len(analysis.statistics)} statistics, {len(analysis.claims)} claims, "
          f"{kinds['value']} value + {kinds['source']} source discrepancies, "
          f"{len(analysis.syndication)} syndicated copies")


if __name__ == "__main__":
    main()
