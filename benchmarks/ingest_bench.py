"""Ingest benchmark: documents/s and peak memory of `tracker ingest` at growing corpus sizes.

    .venv/bin/python benchmarks/ingest_bench.py                 # 2,500 / 5,000 / 10,000 documents
    .venv/bin/python benchmarks/ingest_bench.py --sizes 500 1000 --analysis

Each size runs in a fresh process (so peak RSS belongs to that size): it generates N news-like documents
(deterministic: random.Random(seed)) as .txt files in a temporary folder, ingests them into a temporary
SQLite database, and reports the documents phase (extract + store, one transaction per document) and,
with --analysis, the corpus analysis phase separately. Memory stays flat when peak RSS does not grow
with N. Not a test: no assertions, numbers are printed.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOWNS = ("Homs", "Hama", "Aleppo", "Idlib", "Daraa", "Deir ez-Zor", "Raqa", "Latakia", "Tartus", "Qamishli")
SOURCES = (
    "the Syrian Observatory for Human Rights said",
    "the Observatory said",
    "the United Nations said",
    "according to the health ministry",
    "a local official told AFP",
    "the World Food Programme said",
)
QUALIFIED = ("at least {n}", "more than {n}", "about {n}", "nearly {n}", "{n}", "up to {n}")
FIGURE_SENTENCES = (
    "{Q} people were killed in {town} on {day}, {source}.",
    "{Q} civilians, including {small} children, were wounded when shells hit a market in {town}.",
    "The fighting has displaced {q} people since the offensive began, {source}.",
    "{Q} families fled {town} in the past week, {source}.",
    "Aid agencies said {q} tonnes of food had reached {town}.",
    "The convoy travelled {km} kilometres ({miles} miles) from the border.",
    "Prices rose by {pct} percent in {town} over the month.",
    "The government pledged {money} million dollars for reconstruction.",
    "Hundreds of people gathered in the main square of {town}.",
    "{Q} detainees were released from the prison near {town}, {source}.",
)
PLAIN_SENTENCES = (
    "Residents described intense gunfire through the night.",
    "The army did not comment on the reports.",
    "Rebel factions said they had entered the city centre.",
    "Diplomats called for urgent political talks to end the crisis.",
    "Witnesses said roads out of {town} were jammed with cars.",
    "It was not immediately possible to verify the claims independently.",
)
DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def news_document(rng: random.Random, number: int) -> str:
    """One news-like article: a headline, sometimes a date line, three to five paragraphs with figures."""
    town = rng.choice(TOWNS)
    lines = [f"Fighting escalates around {town} as talks stall ({number})"]
    if rng.random() < 0.6:
        lines.append(f"date 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    for _ in range(rng.randint(3, 5)):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            template = rng.choice(FIGURE_SENTENCES if rng.random() < 0.6 else PLAIN_SENTENCES)
            n = rng.choice((rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 500000)))
            q = rng.choice(QUALIFIED).format(n=f"{n:,}")
            km = rng.randint(10, 400)
            sentence = template.format(
                Q=q[0].upper() + q[1:], q=q,
                town=rng.choice(TOWNS),
                day=rng.choice(DAYS),
                source=rng.choice(SOURCES),
                small=rng.randint(2, 40),
                km=km,
                miles=round(km * 0.621),
                pct=rng.randint(2, 80),
                money=rng.randint(5, 900),
            )
            sentences.append(sentence[0].upper() + sentence[1:])
        lines.append(" ".join(sentences))
    return "\n\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int, seed: int) -> None:
    """Write `count` documents as .txt files (streamed: never all in memory)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"doc_{i:06d}.txt").write_text(news_document(rng, i), encoding="utf-8")


def _peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(count: int, seed: int, analysis: bool) -> dict[str, float]:
    """Generate, ingest and measure one corpus size in this process."""
    from tracker.store import ingest as ingest_module
    from tracker.store import persist_analysis
    from tracker.store.engine import make_engine
    from tracker.store.writer import SourceRegistry

    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, count, seed)
        db = str(Path(tmp) / "bench.db")
        analyzer = persist_analysis.find_analyzer()
        ingest_module.find_analyzer = lambda: None  # the documents phase alone; the analysis is timed below
        rss_before = _peak_rss_mib()
        started = time.perf_counter()
        result = ingest_module.ingest_paths([str(corpus)], db)
        documents_seconds = time.perf_counter() - started
        out = {
            "documents": float(result.n_documents),
            "figures": float(result.n_figures),
            "failed": float(len(result.failures)),
            "documents_seconds": documents_seconds,
            "documents_per_second": result.n_documents / documents_seconds,
            "peak_rss_mib_documents": _peak_rss_mib(),
            "rss_mib_before": rss_before,
            "db_mib": Path(db).stat().st_size / 2**20,
        }
        if analysis and analyzer is not None:
            engine = make_engine(db, writer=True)
            started = time.perf_counter()
            with engine.connect() as conn:
                found = persist_analysis.refresh_analysis(conn, analyzer, SourceRegistry())
            engine.dispose()
            out["analysis_seconds"] = time.perf_counter() - started
            out["claims"] = float(len(found.claims))
            out["peak_rss_mib_total"] = _peak_rss_mib()
        return out


def main() -> None:
    """Run each size in a fresh process and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000])
    parser.add_argument("--seed", type=int, default=20241208)
    parser.add_argument("--analysis", action="store_true", help="also time the corpus analysis phase")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(run_one(args.child, args.seed, args.analysis)))
        return
    print(
        f"{'docs':>7} {'figures':>8} {'docs/s':>8} {'seconds':>8} {'peak RSS MiB':>13} {'db MiB':>7}"
        + (f" {'analysis s':>11} {'RSS+analysis':>13}" if args.analysis else "")
    )
    for size in args.sizes:
        command = [sys.executable, __file__, "--child", str(size), "--seed", str(args.seed)]
        if args.analysis:
            command.append("--analysis")
        child = subprocess.run(command, check=False, capture_output=True, text=True)
        if child.returncode != 0:
            sys.exit(f"size {size} failed:\n{child.stderr}")
        output = child.stdout
        r = json.loads(output.strip().splitlines()[-1])
        line = (
            f"{int(r['documents']):>7} {int(r['figures']):>8} {r['documents_per_second']:>8.1f} "
            f"{r['documents_seconds']:>8.1f} {r['peak_rss_mib_documents']:>13.1f} {r['db_mib']:>7.1f}"
        )
        if "analysis_seconds" in r:
            line += f" {r['analysis_seconds']:>11.1f} {r['peak_rss_mib_total']:>13.1f}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
