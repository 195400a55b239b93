"""Export benchmark: seconds, peak memory and output size of `tracker export` per format.

    .venv/bin/python benchmarks/export_bench.py                      # a generated store of 10,000 documents
    .venv/bin/python benchmarks/export_bench.py --docs 500
    .venv/bin/python benchmarks/export_bench.py --db tracker.db      # an existing store

The store is generated as in ingest_bench.py (deterministic news-like documents, ingested and analysed);
each format is then exported in a fresh process, so its peak RSS is its own. Not a test: no assertions.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ingest_bench import write_corpus  # beside this script, on sys.path when it runs

FORMATS = ("hxl", "datapackage", "geojson", "prov")


def export_one(db: str, fmt: str, out: str) -> dict[str, float]:
    """Export one format of `db` into `out` in this process; seconds, peak RSS and size."""
    from tracker.export.write import export_store

    started = time.perf_counter()
    result = export_store(db, fmt, out)
    seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in result.files[fmt])
    return {"seconds": seconds, "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "mib": size / 2**20}


def build_store(folder: Path, docs: int, seed: int) -> str:
    """Generate `docs` documents and ingest them (with the analysis) into a store in `folder`."""
    from tracker.store.ingest import ingest_paths

    write_corpus(folder / "corpus", docs, seed)
    db = str(folder / "bench.db")
    started = time.perf_counter()
    result = ingest_paths([str(folder / "corpus")], db)
    print(f"store: {result.summary_line()} in {time.perf_counter() - started:.0f} s", flush=True)
    return db


def main() -> None:
    """Build or open the store, then export each format in its own process and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=10000, help="documents to generate (without --db)")
    parser.add_argument("--db", help="an existing store to export instead")
    parser.add_argument("--seed", type=int, default=20241208)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--child", nargs=3, metavar=("DB", "FORMAT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(export_one(*args.child)))
        return
    with tempfile.TemporaryDirectory(prefix="tracker-export-bench-") as tmp:
        db = args.db or build_store(Path(tmp), args.docs, args.seed)
        print(f"{'format':<12} {'seconds':>8} {'peak RSS MiB':>13} {'output MiB':>11}")
        for fmt in args.formats.split(","):
            command = [sys.executable, __file__, "--child", db, fmt, str(Path(tmp) / "out")]
            child = subprocess.run(command, check=False, capture_output=True, text=True)
            if child.returncode != 0:
                sys.exit(f"{fmt} failed:\n{child.stderr}")
            r = json.loads(child.stdout.strip().splitlines()[-1])
            print(f"{fmt:<12} {r['seconds']:>8.1f} {r['peak_rss_mib']:>13.0f} {r['mib']:>11.1f}", flush=True)


if __name__ == "__main__":
    main()
