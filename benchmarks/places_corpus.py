"""Dev scorer for places: the country / admin1 / locality percentages of check_corpus.py, without `analyze`.

Run by hand from the project root: `.venv/bin/python benchmarks/places_corpus.py [CORPUS_DIR] [--verbose]`
(default corpus: ../shared/corpus). Each article is extracted (`tracker.extract.extract`), its places found
(`find_places`), its main place taken (`main_place`, standing in for the event's place) and each figure given
its place (`figure_places`). Gold figures are matched to extracted ones as ../shared/acceptance/check_corpus.py
does, and the percentages are computed as it computes them: over required gold figures that were found and
have a place; admin1 and locality only where the gold has one; names compared with its `name_ok`. It also
prints the gazetteer's load time and the per-document cost of the three calls.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REPEATS = 5


def name_ok(want: str | None, got: str | None) -> bool:
    """check_corpus's comparison: equal ignoring case, or one inside the other."""
    if not want:
        return True
    if not got:
        return False
    w, g = want.lower().strip(), got.lower().strip()
    return w == g or w in g or g in w


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    corpus = Path(a.corpus)
    if not (corpus / "articles.json").exists() or not (corpus / "gold.json").exists():
        print(f"places_corpus: no annotated corpus at {corpus} (articles.json, articles/, gold.json)", file=sys.stderr)
        return 2
    acceptance = corpus.parent / "acceptance"
    if not (acceptance / "figures.py").exists():
        print(f"places_corpus: {acceptance}/figures.py (locate, overlaps) is missing", file=sys.stderr)
        return 2
    sys.path.insert(0, str(acceptance))
    from figures import locate, overlaps  # type: ignore[import-not-found]

    from tracker.analysis.gazetteer import gazetteer
    from tracker.analysis.places import figure_places, find_places, main_place
    from tracker.extract import extract
    from tracker.extract.sentences import split_sentences

    articles = json.loads((corpus / "articles.json").read_text(encoding="utf-8"))
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    t0 = time.process_time()
    gazetteer()
    load = time.process_time() - t0

    places: dict[str, list[dict[str, Any]]] = {}
    texts: dict[str, str] = {}
    prepared = []
    extract("Warm-up: 1 sentence.")  # extraction's tables load once, outside the timing
    t0 = time.process_time()
    for article in articles:
        text = (corpus / "articles" / article["file"]).read_text(encoding="utf-8")
        texts[article["file"]] = text
        figures = extract(text, doc=article["file"], published=article.get("published"))
        prepared.append((article, text, figures, split_sentences(text)))
    extraction = time.process_time() - t0
    cost = float("inf")
    for _ in range(REPEATS):  # CPU time of the best pass: the machine is shared
        t0 = time.process_time()
        for article, text, figures, sentences in prepared:
            mentions = find_places(text)
            figure_places(text, sentences, figures, mentions, main_place(text, mentions, article.get("title")))
        cost = min(cost, time.process_time() - t0)
    for article, text, figures, sentences in prepared:
        mentions = find_places(text)
        main = main_place(text, mentions, article.get("title"))
        got = figure_places(text, sentences, figures, mentions, main)
        places[article["file"]] = [dict(f.to_dict(), place=p.to_dict() if p else None) for f, p in zip(figures, got,
                                                                                                       strict=True)]
        if a.verbose:
            print(f"{article['file']}: main {main.to_dict() if main else None}")

    n = Counter()
    wrong: Counter[str] = Counter()
    for g in gold:
        if not g.get("required", True) or not g.get("place"):
            continue
        text = texts[g["file"]]
        span = locate(text, g["quote"], g["sentence"])
        hits = [r for r in places[g["file"]] if overlaps(r, span)]
        if not hits:
            continue
        want, got = g["place"], hits[0]["place"] or {}
        n["country"] += 1
        ok = {"country": (got.get("country") or "").upper() == want["country"]}
        n["country_ok"] += ok["country"]
        for level in ("admin1", "locality"):
            if want.get(level):
                n[level] += 1
                ok[level] = name_ok(want[level], got.get(level))
                n[level + "_ok"] += ok[level]
        for level, good in ok.items():
            if not good:
                wrong[level] += 1
                if a.verbose:
                    print(f"  {level:8} {g['file'][:2]} {g['quote']!r}: want {want.get(level)!r} got {got.get(level)!r}"
                          f"  ({got})")
    pct = lambda k: round(100 * n[k + "_ok"] / n[k], 1) if n[k] else 100.0  # noqa: E731
    print(f"{corpus.name}: country {pct('country')} ({n['country_ok']}/{n['country']}), "
          f"admin1 {pct('admin1')} ({n['admin1_ok']}/{n['admin1']}), "
          f"locality {pct('locality')} ({n['locality_ok']}/{n['locality']})")
    per_doc = 1000 / max(1, len(articles))
    print(f"gazetteer load {load * 1000:.0f} ms; find_places + main_place + figure_places {cost * per_doc:.2f} ms "
          f"CPU per document (extraction, for scale: {extraction * per_doc:.2f} ms; {len(articles)} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
