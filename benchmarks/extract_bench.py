"""Extraction speed: texts/s and MB/s of `tracker.extract`, in process and as a whole `tracker extract` run.

Run by hand (not part of the test suite):  .venv/bin/python benchmarks/extract_bench.py [--docs N] [--repeat N]
The corpus is generated here (deterministic, news-like sentences with figures), so nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["Homs", "Gaza", "Kharkiv", "Darfur", "Goma", "Aleppo", "Idlib", "Khartoum", "Rakhine", "Mosul"]
SOURCES = ["the United Nations said", "according to OCHA", "the health ministry said", "the Observatory said",
           "local officials told AFP", "the Red Cross reported"]
TEMPLATES = [
    "At least {n} people have been killed in {place} since the offensive began, {src}.",
    "The violence has displaced {big} people, including {n} children, {src}.",
    "More than {n} homes were destroyed and about {n2} damaged in {place}.",
    "Some {n} fighters were sent to {place}, a source close to the group said.",
    "Prices rose {pct}% in {place} last month, while the currency fell {pct2} per cent.",
    "The convoy travelled {km} kilometres ({mi} miles) to reach {place} on {month} {day}.",
    "Hundreds of detainees were freed from the prison in {place}, {src}.",
    "Between {n} and {n2} people fled across the border in the past 24 hours.",
    "The agency appealed for ${money} million in aid for the {year} response.",
    "Officials said thousands of residents were evacuated as the river rose.",
]
MONTHS = ["January", "March", "June", "September", "November"]


def news_text(rng: random.Random, sentences: int = 8) -> str:
    """One generated news-like article of `sentences` sentences."""
    out = []
    for _ in range(sentences):
        n = rng.randint(2, 900)
        km = rng.randint(10, 400)
        out.append(rng.choice(TEMPLATES).format(
            n=n, n2=n + rng.randint(1, 500), big=f"{rng.randint(1, 900) * 1000:,}", place=rng.choice(PLACES),
            src=rng.choice(SOURCES), pct=rng.randint(1, 40), pct2=round(rng.uniform(0.1, 9.9), 1),
            km=km, mi=round(km * 0.621), month=rng.choice(MONTHS), day=rng.randint(1, 28),
            money=round(rng.uniform(1, 500), 1), year=rng.randint(2015, 2025)))
    return " ".join(out[:4]) + "\n\n" + " ".join(out[4:])


def main() -> None:
    """Generate the corpus, time extraction in process and as a subprocess, print texts/s and MB/s."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="number of generated documents (default 2000)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs of each kind; the best is reported (default 5)")
    args = ap.parse_args()
    from tracker.extract import extract

    rng = random.Random(7)
    texts = [news_text(rng) for _ in range(args.docs)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extract(texts[0])  # load the tables once, as a long-running process would
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        n_figures = sum(len(extract(t)) for t in texts)
        times.append(time.perf_counter() - t0)
    dt = min(times)
    print(f"in process: {len(texts)} texts, {mb:.2f} MB, {n_figures} figures in {dt:.2f} s (best of {len(times)}, "
          f"median {statistics.median(times):.2f} s): {len(texts) / dt:,.0f} texts/s, {mb / dt:.2f} MB/s")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": f"d{i}", "text": t}) + "\n")
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "tracker", "extract", str(path), "--format", "jsonl"],
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
    dt = min(times)
    print(f"whole process (tracker extract, start-up included): {dt:.2f} s (best of {len(times)}, median "
          f"{statistics.median(times):.2f} s): {len(texts) / dt:,.0f} texts/s, {mb / dt:.2f} MB/s")


if __name__ == "__main__":
    main()
