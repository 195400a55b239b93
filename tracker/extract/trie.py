"""Regular expressions for large word lists, compiled as a trie so matching stays fast."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str], space: str | None = None) -> str:
    """A regex alternation matching any of `words`, factored by common prefixes (longest first).

    With `space`, each space in a word matches that pattern instead (e.g. any run of blanks).
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg, unused-ignore]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    pattern = _render(trie)
    if space is not None:
        pattern = pattern.replace(re.escape(" "), f"(?:{space})")
    return pattern


def _render(node: dict[str, dict]) -> str:  # type: ignore[type-arg, unused-ignore]
    ends = "" in node
    branches = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    # longer continuations are tried before the shorter word ends here
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        body = f"(?:{body})?"
    return body
