"""Entity families: which counted nouns measure the same kind of thing (data in entity_families.txt)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tracker.data_files import data_rows
from tracker.errors import DataFileError

FAMILIES_FILE = "entity_families.txt"


@dataclass(frozen=True, slots=True)
class Families:
    """The family table: member word -> family, family -> parent family, family -> member words."""

    family_of_word: dict[str, str]
    parent_of: dict[str, str | None]
    words_of: dict[str, frozenset[str]]


@cache
def load_families() -> Families:
    """The entity families shipped in tracker/data/entity_families.txt, read once."""
    family_of_word: dict[str, str] = {}
    parent_of: dict[str, str | None] = {}
    words_of: dict[str, frozenset[str]] = {}
    for lineno, (name, parent, members) in ((n, row[:3]) for n, row in data_rows(FAMILIES_FILE, 3)):
        if not name or name in parent_of:
            raise DataFileError(f"data file {FAMILIES_FILE}, line {lineno}: bad family {name!r}")
        parent_of[name] = None if parent in ("", "-") else parent
        words = frozenset(members.lower().split())
        words_of[name] = words | {name}
        for word in words_of[name]:
            family_of_word.setdefault(word, name)
    for name, parent_name in parent_of.items():
        if parent_name is not None and parent_name not in parent_of:
            raise DataFileError(f"data file {FAMILIES_FILE}: {name!r} has unknown parent {parent_name!r}")
    return Families(family_of_word, parent_of, words_of)


def singular(word: str) -> str:
    """A crude singular of an English plural noun ("detainees" -> "detainee", "cities" -> "city")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@cache
def entity_family(entity: str | None) -> str | None:
    """The family of a counted noun ("soldiers" -> "combatants"); unknown nouns are their own family."""
    if not entity:
        return None
    words = entity.lower().replace("_", " ").split()
    if not words:
        return None
    table = load_families().family_of_word
    head = words[-1]
    if head in table:
        return table[head]
    if singular(head) in table:
        return table[singular(head)]
    return singular(head)


def family_words(family: str | None) -> frozenset[str]:
    """The member words of a family (empty for unknown families other than the family name itself)."""
    if family is None:
        return frozenset()
    words = load_families().words_of.get(family)
    return words if words is not None else frozenset({family, family + "s"})
