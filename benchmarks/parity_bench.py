"""Benchmark halves by line parity: scores the tracker on the even and the odd lines of a dev file.

Run by hand from the project root (not part of the test suite):
    .venv/bin/python benchmarks/parity_bench.py newsquant|idetect [--errors N --half even|odd] [--random-splits N]

Rules are written while looking at one half only (the errors of `--half`); the other half shows whether they
carry over to text they were not written on. The data and the scorer are read from ../shared/benchmarks (the
same score.py as run.py); nothing is copied.

`--random-splits N` also scores N random halves of the same results, to show how far apart two halves fall
by chance alone: with about 150 lines a half, one sentence holding five errors moves a half by two points.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"


def extract_all(items: list[dict]) -> dict[str, list[dict]]:
    """Figure records by document id, from one `tracker extract` run (the CLI, as run.py calls it)."""
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        inp.write_text("".join(json.dumps({"id": it["id"], "text": it["text"]}) + "\n" for it in items),
                       encoding="utf-8")
        out = subprocess.run([sys.executable, "-m", "tracker", "extract", str(inp), "--format", "jsonl"],
                             capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        raise SystemExit(f"tracker extract exited {out.returncode}: {out.stderr[-2000:]}")
    figs: dict[str, list[dict]] = defaultdict(list)
    for line in out.stdout.splitlines():
        if line.strip():
            record = json.loads(line)
            figs[record["doc"]].append(record)
    return figs


def main() -> None:
    """Score both parity halves and print them side by side."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bench", choices=["newsquant", "idetect"])
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of --half")
    ap.add_argument("--half", choices=["even", "odd"], default="even", help="the half whose errors are shown")
    ap.add_argument("--random-splits", type=int, default=0, metavar="N",
                    help="also score N random halves and print how far apart they fall by chance")
    a = ap.parse_args()
    if not (SHARED / "score.py").exists():
        raise SystemExit(f"parity_bench: {SHARED} not found (the shared benchmarks sit beside the project)")
    sys.path.insert(0, str(SHARED))
    import score  # type: ignore[import-not-found]

    path = SHARED / f"{a.bench}_dev.jsonl"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    figs = extract_all(items)
    scorer = score.score_newsquant if a.bench == "newsquant" else score.score_idetect
    halves = {"even": items[0::2], "odd": items[1::2]}  # line 1 is even (index 0)
    results = {}
    for name, half in halves.items():
        metrics, errors = scorer(half, figs)
        results[name] = metrics
        print(f"{a.bench} {name:4} ({len(half)} lines): {metrics}")
        if name == a.half:
            for e in errors[: a.errors]:
                print("   ", e)
    keys = [k for k, v in results["even"].items() if isinstance(v, (tuple, float))]
    gaps = []
    for k in keys:
        ev, od = results["even"][k], results["odd"][k]
        e, o = (ev[2], od[2]) if isinstance(ev, tuple) else (ev, od)
        gaps.append(f"{k} {e:.1f}/{o:.1f} (gap {abs(e - o):.1f})")
    print("even/odd (F1 or %): " + ", ".join(gaps))
    if a.random_splits:
        print(chance_gaps(items, figs, scorer, keys, results, a.random_splits))


def _headline(value: tuple | float) -> float:
    return value[2] if isinstance(value, tuple) else value


def chance_gaps(items: list[dict], figs: dict[str, list[dict]], scorer: Callable[..., tuple[dict, list]],
                keys: list[str], parity: dict[str, dict], splits: int) -> str:
    """How far apart random halves of the same results score: median and 90th percentile of the gap per
    metric, the share of splits within 2 points, and where the parity halves' gap falls among them."""
    rng = random.Random(0)
    gaps: dict[str, list[float]] = {k: [] for k in keys}
    order = list(range(len(items)))
    for _ in range(splits):
        rng.shuffle(order)
        first = scorer([items[i] for i in order[: len(order) // 2]], figs)[0]
        second = scorer([items[i] for i in order[len(order) // 2:]], figs)[0]
        for k in keys:
            gaps[k].append(abs(_headline(first[k]) - _headline(second[k])))
    lines = [f"{splits} random halves of the same results:"]
    for k in keys:
        g = sorted(gaps[k])
        parity_gap = abs(_headline(parity["even"][k]) - _headline(parity["odd"][k]))
        lines.append(f"  {k}: median gap {g[len(g) // 2]:.1f}, 90th percentile {g[int(len(g) * 0.9)]:.1f}, "
                     f"within 2 points {sum(x <= 2 for x in g) / len(g):.0%}; the parity gap {parity_gap:.1f} "
                     f"is larger than {sum(x < parity_gap for x in g) / len(g):.0%} of them")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
