"""Time the report and its peak memory on a generated store (`make bench`: 100,000 figures; `--figures 1000000`).

The store is written straight into the schema's tables with sqlite3 (runs, documents, sources, events,
statistics, figures, claims, mentions, revisions, discrepancies), with synthetic rows shaped as the analysis
stores them: each document reports one event, each figure counts one of that event's statistics, a source's
running toll grows over the days (so several figures share a claim and the claims of one source form a chain of
revisions), subsets have a parent statistic, each statistic's headline figure is its latest, and sources
disagree. Going through the real ingest would take an hour at a million figures; this takes seconds, so the
benchmark times the report rather than the extractor and the analysis. The target: 1,000,000 figures in
under 60 s.

The report is built in a fresh Python process, so its peak memory (ru_maxrss) is the report's alone; with a
tracker that reports its phases (`write_report(on_phase=...)`) it prints the time and the peak so far after
each phase. `--db FILE` reuses a store, e.g. to time an older tracker on the same one:
`PYTHONPATH=/path/to/old/checkout python benchmarks/report_bench.py --db bench.db`.
"""

from __future__ import annotations

import argparse
import inspect
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import islice, pairwise
from pathlib import Path
from typing import Any

SOURCES = ("Syrian Observatory for Human Rights", "United Nations", "Health Ministry", "Red Crescent",
           "Iraqi security source", "White Helmets", "UNHCR", "Amnesty International")
OUTLETS = ("AFP", "Reuters", "AP", "Al Jazeera", "BBC", "UrduPoint")
POPULATIONS = ("people", "civilians", "children", "soldiers", "fighters", "women")
PLACES = (("SYR", "Aleppo", "Aleppo"), ("UKR", "Kharkiv Oblast", "Kharkiv"), ("PSE", "Gaza", "Rafah"),
          ("SDN", "North Darfur", "El Fasher"), ("MAR", "Al Haouz", "Amizmiz"), ("TUR", "Hatay", "Antakya"))
EVENT_TYPES = ("airstrike", "shelling", "earthquake", "flood", "offensive", "war", "bombing", "massacre")
CATEGORIES = ("killed", "injured", "missing", "displaced", "detained")
TEMPLATE = ("Since the offensive began, at least {n:,} {entity} have been {category}, the {source} said on "
            "{day}, adding that the toll was likely to rise as <rescuers> searched the rubble.")
PER_DOCUMENT = 20
STATISTICS_PER_EVENT = 20
DAYS = 60
CHUNK = 50_000
START = datetime(2024, 10, 11, tzinfo=UTC)


def _time(moment: datetime) -> str:
    """A UTC time as the store keeps it on SQLite (naive text)."""
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _insert(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: Any) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608 - names are ours


FIGURE_COLUMNS = ("id", "document_id", "index", "doc", "start", "end", "text", "sentence", "sentence_start",
                  "sentence_end", "value", "low", "high", "qualifier", "unit", "entity", "category",
                  "source_id", "source_text", "source_kind", "tracker_version", "channel", "country", "admin1",
                  "locality", "period", "event_index", "event_id", "statistic_id")


class _Claims:
    """The claims as the figures are generated: (statistic, source, value, qualifier) -> id and counts."""

    def __init__(self) -> None:
        self.ids: dict[tuple[int, int, float, str], int] = {}
        self.rows: list[list[Any]] = []  # statistic, source, value, qualifier, n_documents, first figure, first day

    def add(self, key: tuple[int, int, float, str], figure_id: int, day: float) -> int:
        claim_id = self.ids.get(key)
        if claim_id is None:
            claim_id = self.ids[key] = len(self.rows) + 1
            self.rows.append([key[0], key[1], key[2], key[3], 0, figure_id, day])
        row = self.rows[claim_id - 1]
        row[4] += 1
        if day < row[6]:
            row[5], row[6] = figure_id, day
        return claim_id


def build_store(db: str, n_figures: int, seed: int = 1) -> dict[str, int]:
    """Create a store at `db` holding `n_figures` figures as the analysis would store them; the row counts."""
    from tracker import __version__
    from tracker.store.migrate import upgrade

    rng = random.Random(seed)
    upgrade(db)
    n_docs = max(1, n_figures // PER_DOCUMENT)
    n_events = max(2, n_docs // 200)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous=OFF")
    now = _time(START + timedelta(days=DAYS))
    _insert(conn, "runs", ("id", "kind", "tracker_version", "settings_hash", "started", "finished", "status",
                           "n_documents", "n_skipped", "n_failed", "n_figures"),
            [(1, "ingest", __version__, "bench", now, now, "ok", n_docs, 0, 0, n_figures)])
    _insert(conn, "sources", ("id", "name", "kind"), [(i, n, "organization") for i, n in enumerate(SOURCES, 1)])
    events = []
    for e in range(1, n_events + 1):
        country, admin1, locality = PLACES[e % len(PLACES)]
        start = (START + timedelta(days=rng.randrange(DAYS // 2))).date()
        kind = EVENT_TYPES[e % len(EVENT_TYPES)]
        events.append((e, f"e{e}", f"{locality} {kind}, {start:%d %b %Y}", kind, country, admin1, locality,
                       start.isoformat(), int(e % 20 == 0), 0))
    statistics: list[tuple[Any, ...]] = []
    stats_of: dict[int, list[int]] = {}
    for e, key, label, *_rest in events:
        whole: dict[str, int] = {}
        for i in range(STATISTICS_PER_EVENT):
            s = len(statistics) + 1
            category, population = CATEGORIES[i % len(CATEGORIES)], POPULATIONS[i // len(CATEGORIES)]
            parent = whole.get(category) if population != "people" else None
            if population == "people":
                whole[category] = s
            statistics.append((s, f"{key}/{category}/{population}", f"{label}: {category}, {population}",
                               category, e, population, "cumulative", parent))
            stats_of.setdefault(e, []).append(s)
    day_of_doc: list[float] = []
    doc_rows = []
    docs_of_event = [0] * (n_events + 1)
    for d in range(1, n_docs + 1):
        event = rng.randrange(n_events) + 1
        docs_of_event[event] += 1
        first = date.fromisoformat(events[event - 1][7])
        day = (first - START.date()).days + rng.random() * (DAYS - (first - START.date()).days)
        day_of_doc.append(day)
        origin = d - 1 if d % 10 == 0 else None  # every tenth document copies the one before (syndication)
        doc_rows.append((d, f"{d:064x}", f"bench/{d:07d}.txt", f"bench/{d:07d}.txt", rng.choice(OUTLETS),
                         f"Article {d}", _time(START + timedelta(days=day)), now, "(text omitted)", 1, origin,
                         __version__, event))
    _insert(conn, "documents", ("id", "content_hash", "key", "path", "outlet", "title", "published",
                                "ingested_at", "text", "run_id", "origin_document_id", "analyzed_version"),
            (r[:12] for r in doc_rows))
    _insert(conn, "events", ("id", "key", "label", "type", "country", "admin1", "locality", "start",
                             "historical", "n_documents"),
            [(*e[:9], docs_of_event[e[0]]) for e in events])
    _insert(conn, "statistics", ("id", "key", "label", "category", "event_id", "population", "period",
                                 "parent_id"), statistics)
    claims = _Claims()
    latest: dict[int, tuple[float, int]] = {}

    def figure_rows() -> Iterator[tuple[Any, ...]]:
        for f in range(1, n_figures + 1):
            doc = doc_rows[(f - 1) // PER_DOCUMENT]
            day, event = day_of_doc[doc[0] - 1], doc[12]
            s = rng.choice(stats_of[event])
            stat = statistics[s - 1]
            source = rng.randrange(len(SOURCES)) + 1
            base = (12, 40, 111, 826, 2000)[s % 5] * (1 + s % 7)
            n = int(base * (1 + 0.15 * int(day // 6)) * (1 + 0.02 * (source % 3)))  # a running toll per source
            at_least = (s + source) % 3 == 0
            qualifier = "at_least" if at_least else "exact"
            sentence = TEMPLATE.format(n=n, entity=stat[5], category=stat[3], source=SOURCES[source - 1],
                                       day=(START + timedelta(days=day)).strftime("%A"))
            text = f"{'at least ' if at_least else ''}{n:,} {stat[5]}"
            s0 = 300 * ((f - 1) % PER_DOCUMENT)
            offset = sentence.index(f"{n:,}") - (9 if at_least else 0)
            claim_id = claims.add((s, source, float(n), qualifier), f, day)
            if (day, f) > latest.get(s, (-1.0, 0)):
                latest[s] = (day, f)
            country, admin1, locality = PLACES[event % len(PLACES)]
            yield (f, doc[0], (f - 1) % PER_DOCUMENT, doc[2], s0 + offset, s0 + offset + len(text), text,
                   sentence, s0, s0 + len(sentence), float(n), float(n), None if at_least else float(n),
                   qualifier, "count", stat[5], stat[3], source, f"the {SOURCES[source - 1]} said",
                   "organization", __version__, doc[4], country, admin1, locality, "cumulative", 0, event, s,
                   claim_id)

    rows = figure_rows()
    while chunk := list(islice(rows, CHUNK)):
        _insert(conn, "figures", FIGURE_COLUMNS, (r[:-1] for r in chunk))
        _insert(conn, "mentions", ("claim_id", "figure_id"), ((r[-1], r[0]) for r in chunk))
    _insert(conn, "claims", ("id", "key", "statistic_id", "value", "low", "high", "qualifier", "unit", "entity",
                             "source_id", "n_documents", "n_origins"),
            ((i, f"c{i}", s, v, v, None if q == "at_least" else v, q, "count", statistics[s - 1][5], src, n,
              max(1, n - n // 10)) for i, (s, src, v, q, n, _f, _d) in enumerate(claims.rows, 1)))
    conn.executemany("UPDATE statistics SET headline_figure_id = ? WHERE id = ?",
                     [(f, s) for s, (_day, f) in latest.items()])
    chains: dict[tuple[int, int], list[list[Any]]] = {}
    for row in claims.rows:
        chains.setdefault((row[0], row[1]), []).append(row)
    revisions, discrepancies = [], []
    for (s, source), chain in sorted(chains.items()):
        chain.sort(key=lambda r: r[6])
        revisions.extend((len(revisions) + 1, s, source, a[5], b[5]) for a, b in pairwise(chain))
    by_statistic: dict[int, list[int]] = {}
    for claim_id, row in enumerate(claims.rows, 1):
        by_statistic.setdefault(row[0], []).append(claim_id)
    for s, ids in sorted(by_statistic.items()):
        newest = sorted(ids, key=lambda c: -claims.rows[c - 1][6])[:6]
        pairs = [(a, b) for a, b in pairwise(newest)  # two sources giving different values
                 if claims.rows[a - 1][1] != claims.rows[b - 1][1] and claims.rows[a - 1][2] != claims.rows[b - 1][2]]
        for a, b in pairs[:2]:
            discrepancies.append((len(discrepancies) + 1, s, "value", a, b, "the bounds do not overlap",
                                  claims.rows[a - 1][5], claims.rows[b - 1][5]))
    _insert(conn, "revisions", ("id", "statistic_id", "source_id", "figure_from_id", "figure_to_id"), revisions)
    _insert(conn, "discrepancies", ("id", "statistic_id", "kind", "claim_a_id", "claim_b_id", "description",
                                    "figure_a_id", "figure_b_id"), discrepancies)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return {"documents": n_docs, "events": n_events, "statistics": len(statistics), "figures": n_figures,
            "claims": len(claims.rows), "revisions": len(revisions), "discrepancies": len(discrepancies)}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def report_once(db: str, out: str) -> None:
    """Build the report of `db` into `out` in this process; print one JSON line per phase, then the total."""
    from tracker.report import build
    from tracker.store import open as open_store

    print(json.dumps({"phase": "imports", "seconds": 0.0, "peak_mb": _peak_mb()}), flush=True)
    t0 = last = time.perf_counter()

    def on_phase(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        print(json.dumps({"phase": name, "seconds": now - last, "peak_mb": _peak_mb()}), flush=True)
        last = now

    with open_store(db) as store:
        hooked = "on_phase" in inspect.signature(build.write_report).parameters
        result = build.write_report(store, out, None, **({"on_phase": on_phase} if hooked else {}))
    total = time.perf_counter() - t0
    size = result.path.stat().st_size / 1e6
    print(json.dumps({"total": total, "peak_mb": _peak_mb(), "summary": result.summary_line(),
                      "index_mb": size}), flush=True)


def run_report(db: str, out: str) -> float:
    """Build the report in a fresh process (so its peak memory is its own) and print what it reports."""
    child = subprocess.run([sys.executable, __file__, "--db", db, "--out", out, "--in-process"],
                           capture_output=True, text=True, check=False)
    if child.returncode:
        sys.exit(f"report_bench: the report failed:\n{child.stderr}")
    total = 0.0
    for line in child.stdout.splitlines():
        rec = json.loads(line)
        if "phase" in rec:
            print(f"  {rec['phase']:<24} {rec['seconds']:6.1f} s   peak {rec['peak_mb']:7.0f} MB")
        else:
            total = rec["total"]
            print(f"report: {total:.1f} s, peak memory {rec['peak_mb']:.0f} MB "
                  f"(index.html {rec['index_mb']:.1f} MB; {rec['summary']})")
    return total


def main() -> None:
    """Build the store (or take `--db`), then build its report in a fresh process and print time and memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=100_000, help="figures to generate (default: 100,000)")
    parser.add_argument("--db", help="an existing store to report on (no store is generated)")
    parser.add_argument("--keep", help="folder to keep the store and report in (default: a temporary one)")
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.in_process:
        report_once(args.db, args.out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(args.keep or tmp)
        where.mkdir(parents=True, exist_ok=True)
        db = args.db
        if db is None:
            db = str(where / f"bench-{args.figures}.db")
            Path(db).unlink(missing_ok=True)
            t0 = time.perf_counter()
            counts = build_store(db, args.figures)
            print(f"store: {time.perf_counter() - t0:.1f} s, "
                  + ", ".join(f"{n:,} {name}" for name, n in counts.items()))
        elapsed = run_report(db, str(where / "reports"))
        print("OK: under 60 s" if elapsed < 60 else "SLOW: 60 s or more")


if __name__ == "__main__":
    main()
