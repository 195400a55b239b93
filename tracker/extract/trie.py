"""Regular expressions for large word lists, compiled as a trie so matching stays fast."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from tracker.patterns import remembered_text


def trie_pattern(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex alternation matching any of `words`, factored by common prefixes (longest first).

    Each space in a word matches `space` (by default any run of white space); "'" and "’" match
    each other. No words give a pattern that matches nothing. The pattern depends on the set of words
    alone, so it is kept with the compiled patterns (tracker.patterns) and built once per machine.
    """
    listed = tuple(sorted({w.replace("’", "'") for w in words}))
    return remembered_text("trie", (space, *listed), lambda: _build_trie(listed, space))


def _build_trie(words: Iterable[str], space: str) -> str:
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for c in word.replace("’", "'"):
            node = node.setdefault(" " if c.isspace() else c, {})
        node[""] = {}
    pieces = {" ": f"(?:{space})", "'": "['’]"}  # typewriter and typographic apostrophes alike

    def piece(c: str) -> str:
        p = pieces.get(c)
        if p is None:
            p = pieces[c] = re.escape(c)
        return p

    def build(node: dict[str, Any]) -> str:
        chain = []  # a run of nodes with one child each is written without recursing
        while len(node) == 1 and "" not in node:
            ((c, node),) = node.items()
            chain.append(piece(c))
        branches = [piece(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return "".join(chain)
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # longer continuations are tried before the shorter word that ends here
        return "".join(chain) + (f"(?:{body})?" if "" in node else body)

    return build(root) if root else "(?!)"
