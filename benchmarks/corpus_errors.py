"""The corpus figures the tracker finds with wrong bounds or a wrong category, one line each.

Run by hand from the project root (not part of the test suite):
    .venv/bin/python benchmarks/corpus_errors.py [../shared/corpus]

check_corpus.py --verbose lists missing figures and sources; this lists the bound and category misses it
counts, matching gold to figures the same way (the shared helpers in ../shared/acceptance, nothing copied).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ACCEPTANCE = Path(__file__).resolve().parents[1].parent / "shared" / "acceptance"


def main() -> None:
    """Print the category and bound misses on the corpus."""
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else ACCEPTANCE.parent / "corpus")
    if not (ACCEPTANCE / "figures.py").exists() or not corpus.exists():
        raise SystemExit(f"corpus_errors: {ACCEPTANCE} or {corpus} not found")
    sys.path.insert(0, str(ACCEPTANCE))
    from figures import locate, overlaps, same_number  # type: ignore[import-not-found]

    articles = json.loads((corpus / "articles.json").read_text(encoding="utf-8"))
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    texts = {a["file"]: (corpus / "articles" / a["file"]).read_text(encoding="utf-8") for a in articles}
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "corpus.jsonl"
        inp.write_text("".join(json.dumps({"id": f, "text": t}) + "\n" for f, t in texts.items()), encoding="utf-8")
        out = subprocess.run([sys.executable, "-m", "tracker", "extract", str(inp), "--format", "jsonl"],
                             capture_output=True, text=True, check=False)
    figs: dict[str, list[dict]] = defaultdict(list)
    for line in out.stdout.splitlines():
        record = json.loads(line)
        figs[record["doc"]].append(record)
    for g in gold:
        if not g.get("required", True):
            continue
        span = locate(texts[g["file"]], g["quote"], g["sentence"])
        hits = [r for r in figs[g["file"]] if overlaps(r, span)]
        if not hits:
            continue
        r = hits[0]
        where = f"{g['file'][:24]} {g['quote']!r}"
        if r.get("category") != g["category"]:
            print(f"CATEGORY {where} got {r.get('category')} want {g['category']} | {g['sentence'][:160]}")
        if not (same_number(r.get("low"), g["low"]) and same_number(r.get("high"), g["high"])):
            print(f"BOUNDS {where} got {r.get('low')}..{r.get('high')} want {g['low']}..{g['high']}"
                  f" | {g['sentence'][:160]}")


if __name__ == "__main__":
    main()
