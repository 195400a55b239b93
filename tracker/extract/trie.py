"""Regular expressions for large word lists, compiled as a trie so matching stays fast."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def _char_pattern(c: str, space: str) -> str:
    if c == " ":
        return f"(?:{space})"
    if c == "'":
        return "['’]"  # typewriter and typographic apostrophes alike
    return re.escape(c)


def trie_pattern(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex alternation matching any of `words`, factored by common prefixes (longest first).

    Each space in a word matches `space` (by default any run of white space); "'" and "’" match
    each other.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for c in word.replace("’", "'"):
            node = node.setdefault(" " if c.isspace() else c, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [_char_pattern(c, space) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # longer continuations are tried before the shorter word that ends here
        return f"(?:{body})?" if "" in node else body

    return build(root)
