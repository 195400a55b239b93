"""Time the analysis of generated news documents: per document (places, events, periods) and over the corpus.

Run by hand from the project root: `.venv/bin/python benchmarks/analysis_bench.py [--docs N ...]`.

The documents are those of `benchmarks/ingest_bench.py` (news-like articles with casualty figures, places,
sources and dates); their figures are extracted first (not timed). Then it times, with peak memory
(tracemalloc), the per-document analysis (`tracker.analysis.document.analyze_document`, absent before the
event model) and the corpus analysis (`tracker.analysis.analyze_corpus`). The same script runs on an older
tree to compare side by side: `PYTHONPATH=/path/to/old/tree python benchmarks/analysis_bench.py`.
Not a test: no assertions, numbers are printed.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_bench import news_document

from tracker.analysis import analyze_corpus
from tracker.analysis.types import DocumentInput, MentionInput
from tracker.extract import extract
from tracker.extract.sentences import split_sentences

HAS_DOCUMENT_ANALYSIS = importlib.util.find_spec("tracker.analysis.document") is not None


def _mention(document_id: int, index: int, f: Any, extra: dict[str, Any]) -> MentionInput:
    return MentionInput(
        figure_id=document_id * 1000 + index, document_id=document_id, index=index, text=f.text,
        sentence=f.sentence, value=f.value, low=f.low, high=f.high, qualifier=f.qualifier, unit=f.unit,
        entity=f.entity, category=f.category, source=f.source, source_kind=f.source_kind,
        parent_figure_id=None if f.parent is None else document_id * 1000 + f.parent, scope=f.scope, **extra,
    )


def corpus(n_docs: int, seed: int) -> list[tuple[str, list[Any]]]:
    """`n_docs` generated documents with their extracted figures."""
    rng = random.Random(seed)
    texts = [news_document(rng, i) for i in range(n_docs)]
    return [(text, extract(text, doc=f"doc{i}")) for i, text in enumerate(texts)]


def document_inputs(docs: list[tuple[str, list[Any]]]) -> list[DocumentInput]:
    """The analysis inputs; on a tree with the event model, after each document's own analysis."""
    out = []
    for document_id, (text, figures) in enumerate(docs):
        sentences = split_sentences(text)
        if HAS_DOCUMENT_ANALYSIS:
            from tracker.analysis.document import analyze_document

            found = analyze_document(text, figures, sentences=sentences)
            mentions = tuple(
                _mention(document_id, i, f, {
                    "start": f.start, "end": f.end, "trend": f.trend, "place": a.place,
                    "event_index": a.event_index, "period": a.period, "stage": a.stage, "own_place": a.own_place,
                    "source_text": f.source_text,
                })
                for i, (f, a) in enumerate(zip(figures, found.figures, strict=True))
            )
            out.append(DocumentInput(document_id, None, None, tuple(s.text for s in sentences), mentions,
                                     found.events, f"doc{document_id}"))
        else:
            mentions = tuple(_mention(document_id, i, f, {}) for i, f in enumerate(figures))
            out.append(DocumentInput(document_id, None, None, tuple(s.text for s in sentences), mentions))
    return out


def _timed(work: Any) -> tuple[Any, float, float, float]:
    tracemalloc.start()
    started, cpu = time.perf_counter(), time.process_time()
    result = work()
    wall, cpu_used = time.perf_counter() - started, time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return result, wall, cpu_used, peak


def main() -> None:
    """Generate, extract, then time both stages of the analysis for each size."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[2_500, 5_000, 10_000])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"event model: {'yes' if HAS_DOCUMENT_ANALYSIS else 'no (older tree)'}")
    for n in args.docs:
        docs = corpus(n, args.seed)
        n_figures = sum(len(f) for _, f in docs)
        inputs, wall_d, cpu_d, peak_d = _timed(lambda docs=docs: document_inputs(docs))
        analysis, wall_c, cpu_c, peak_c = _timed(lambda inputs=inputs: analyze_corpus(inputs))
        events = len(getattr(analysis, "events", ()))
        print(f"{n:>7,} documents, {n_figures:,} figures: per-document {wall_d:.2f} s (CPU {cpu_d:.2f}, "
              f"peak {peak_d:.0f} MiB); corpus {wall_c:.2f} s (CPU {cpu_c:.2f}, peak {peak_c:.0f} MiB); "
              f"total CPU {cpu_d + cpu_c:.2f} s, {(cpu_d + cpu_c) * 1000 / n:.2f} ms/document; "
              f"{events} events, {len(analysis.statistics)} statistics, {len(analysis.discrepancies)} discrepancies")


if __name__ == "__main__":
    main()
