"""Time `build_report` on a store of 100,000 figures (run by hand: `make bench` or `python benchmarks/report_bench.py`).

The store is built directly through the store's tables (runs, documents, sources, statistics, claims, figures,
mentions, discrepancies), with synthetic but realistic rows, so the benchmark times the report rather than the
extractor. The target: under 30 seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tracker import __version__
from tracker.figure import CASUALTY_CATEGORIES, CATEGORIES
from tracker.report.build import build_report
from tracker.store import models
from tracker.store.engine import make_engine
from tracker.store.migrate import upgrade

SOURCES = ("Syrian Observatory for Human Rights", "United Nations", "Health Ministry", "Red Crescent",
           "Iraqi security source", "White Helmets", "UNHCR", "Amnesty International")
OUTLETS = ("AFP", "Reuters", "AP", "Al Jazeera", "BBC", "UrduPoint")
ENTITIES = ("people", "civilians", "soldiers", "children", "fighters", "detainees", "families")
TEMPLATE = ("Since the offensive began, at least {n:,} {entity} have been {category}, the {source} said on "
            "{day}, adding that the toll was likely to rise as <rescuers> searched the rubble.")
PER_DOCUMENT = 20


def build_store(db: str, n_figures: int, seed: int = 1) -> None:
    """Create a store at `db` holding `n_figures` figures with claims, statistics and discrepancies."""
    rng = random.Random(seed)
    upgrade(db)
    engine = make_engine(db, writer=True)
    n_docs = max(1, n_figures // PER_DOCUMENT)
    n_stats = max(1, n_figures // 200)
    start = datetime(2024, 11, 27, tzinfo=UTC)
    now = datetime(2024, 12, 9, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(models.RUNS.insert(), [{
            "id": 1, "kind": "ingest", "tracker_version": __version__, "settings_hash": "bench", "started": now,
            "finished": now, "status": "ok", "n_documents": n_docs, "n_skipped": 0, "n_failed": 0,
            "n_figures": n_figures, "message": None}])
        conn.execute(models.SOURCES.insert(), [
            {"id": i, "name": name, "kind": "organization"} for i, name in enumerate(SOURCES, start=1)])
        docs = [{
            "id": d, "content_hash": f"{d:064x}", "key": f"bench/{d:06d}.txt", "path": f"bench/{d:06d}.txt",
            "url": None, "outlet": rng.choice(OUTLETS), "title": f"Article {d}",
            "published": start + timedelta(hours=rng.randrange(12 * 24)), "ingested_at": now,
            "text": "(text omitted)", "run_id": 1, "origin_document_id": None,
        } for d in range(1, n_docs + 1)]
        conn.execute(models.DOCUMENTS.insert(), docs)
        stats = [{
            "id": s, "key": f"s{s}", "label": f"{CASUALTY_CATEGORIES[s % len(CASUALTY_CATEGORIES)]}: "
            f"{ENTITIES[s % len(ENTITIES)]} in region {s}",
            "category": CASUALTY_CATEGORIES[s % len(CASUALTY_CATEGORIES)] if s % 4 else CATEGORIES[-1],
            "entity_family": ENTITIES[s % len(ENTITIES)], "scope": None, "context": f"region {s}",
            "parent_id": None,
        } for s in range(1, n_stats + 1)]
        conn.execute(models.STATISTICS.insert(), stats)
        claims: list[dict[str, Any]] = []
        figures: list[dict[str, Any]] = []
        mentions: list[dict[str, Any]] = []
        for f in range(1, n_figures + 1):
            doc = docs[(f - 1) // PER_DOCUMENT]
            stat = stats[rng.randrange(n_stats)]
            source_id = rng.randrange(len(SOURCES)) + 1
            n = rng.choice((12, 40, 111, 826, 2000, 370000, 1_500_000)) * rng.randint(1, 3)
            at_least = rng.random() < 0.3
            sentence = TEMPLATE.format(n=n, entity=stat["entity_family"], category=stat["category"],
                                       source=SOURCES[source_id - 1], day=doc["published"].strftime("%A"))
            text = f"{'at least ' if at_least else ''}{n:,} {stat['entity_family']}"
            offset = sentence.index(f"{n:,}") - (9 if at_least else 0)
            s0 = 100 * ((f - 1) % PER_DOCUMENT)
            claim_id = len(claims) + 1
            claims.append({
                "id": claim_id, "key": f"c{claim_id}", "statistic_id": stat["id"], "value": float(n),
                "low": float(n), "high": None if at_least else float(n),
                "qualifier": "at_least" if at_least else "exact", "unit": "count", "entity": stat["entity_family"],
                "source_id": source_id, "n_documents": 1, "n_origins": 1,
            })
            figures.append({
                "id": f, "document_id": doc["id"], "sentence_id": None, "index": (f - 1) % PER_DOCUMENT,
                "doc": doc["key"], "start": s0 + offset, "end": s0 + offset + len(text), "text": text,
                "sentence": sentence, "sentence_start": s0, "sentence_end": s0 + len(sentence),
                "value": float(n), "low": float(n), "high": None if at_least else float(n),
                "qualifier": "at_least" if at_least else "exact", "unit": "count", "si_value": None,
                "entity": stat["entity_family"], "category": stat["category"], "trend": None,
                "source_id": source_id, "source_text": f"the {SOURCES[source_id - 1]} said",
                "source_kind": "organization", "parent_id": None, "equivalent_of_id": None, "scope": None,
                "scope_start": None, "tracker_version": __version__,
            })
            mentions.append({"claim_id": claim_id, "figure_id": f})
        conn.execute(models.CLAIMS.insert(), claims)
        conn.execute(models.FIGURES.insert(), figures)
        conn.execute(models.MENTIONS.insert(), mentions)
        by_stat: dict[int, list[int]] = {}
        for claim in claims:
            by_stat.setdefault(claim["statistic_id"], []).append(claim["id"])
        discrepancies = [{
            "statistic_id": stat_id, "kind": "value", "claim_a_id": ids[0], "claim_b_id": ids[1],
            "description": "the bounds do not overlap",
        } for stat_id, ids in sorted(by_stat.items()) if len(ids) > 1]
        conn.execute(models.DISCREPANCIES.insert(), discrepancies)
    engine.dispose()


PHASES = {
    "store: figures()": ("api.py", "figures"), "store: statistics()": ("api.py", "statistics"),
    "store: claims()": ("api.py", "claims"), "store: documents()": ("api.py", "documents"),
    "report: model": ("model.py", "load_report_data"), "report: charts": ("build.py", "_write_charts"),
    "report: CSVs": ("export.py", "write_csv"), "report: provenance rows": ("render.py", "provenance_html"),
    "report: page": ("render.py", "render_page"),
}


def print_phases(db: str, out: str) -> None:
    """Build the report again under cProfile and print the cumulative time of each phase."""
    profile = cProfile.Profile()
    profile.runcall(build_report, db, out, None)
    stats: Any = pstats.Stats(profile).stats
    for phase, (filename, function) in PHASES.items():
        total = sum(v[3] for (f, _line, name), v in stats.items() if f.endswith(filename) and name == function)
        print(f"  {phase:<26} {total:6.1f} s (profiled)")


def main() -> None:
    """Build the store, then time the report; prints one line per phase."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--keep", help="folder to keep the store and report in (default: a temporary one)")
    parser.add_argument("--phases", action="store_true", help="also print where the time goes (cProfile)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(args.keep or tmp)
        where.mkdir(parents=True, exist_ok=True)
        db = str(where / "bench.db")
        t0 = time.perf_counter()
        build_store(db, args.figures)
        print(f"store: {args.figures:,} figures in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        result = build_report(db, str(where / "reports"), None)
        elapsed = time.perf_counter() - t0
        if args.phases:
            print_phases(db, str(where / "reports-profiled"))
        size = result.path.stat().st_size / 1e6
        print(f"report: {elapsed:.1f} s ({result.summary_line()}; index.html {size:.1f} MB)")
        print("OK: under 30 s" if elapsed < 30 else "SLOW: 30 s or more")


if __name__ == "__main__":
    main()
