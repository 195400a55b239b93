"""Attribution: who each figure is said to come from ("the Observatory said", "according to the UN").

First a pass over the sentences in document order: in each sentence find the source mentions
(gazetteer names, short forms, unnamed speakers) and the attribution cues (verbs, "according to", "X's
tally"), resolving short forms and "a second source" against what the document named before. Then each
figure takes the cue of its sentence that governs it; failing that, the speaker named right after the
quotation it stands in; failing that, the last cue of an earlier sentence of its paragraph, unless a
hedge ("reportedly", "reports indicate") stands between. The cue words are data (attribution_cues.txt);
the sources are data (see tracker.extract.sources). Linear in the document's length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import NamedTuple

from tracker.data_files import data_role_rows
from tracker.extract.sentences import Sentence
from tracker.extract.sources import (
    PhraseFinder,
    PhraseScan,
    ShortForm,
    Source,
    TextWords,
    alias_finder,
    lookup_alias,
    resolve_source,
    short_forms,
    speakers,
)
from tracker.extract.trie import trie_pattern
from tracker.figure import Figure

_CUES = "attribution_cues.txt"
_CUE_ROLES = frozenset({"verb", "strict_verb", "after", "possessive", "none", "filler", "place"})
_DETERMINERS = frozenset({
    "a", "an", "the", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
    "some", "many", "multiple", "both", "one", "another", "other",
})
#: Figures that only a cue of their own sentence attributes: background durations and distances.
_LOCAL_ONLY_CATEGORIES = frozenset({"duration", "distance"})
#: How many sentences a quotation may run before its speaker is named, and how far after it.
_QUOTE_REACH = 6
_QUOTE_GAP = 4
_CONTINUING_MODIFIERS = frozenset({"second", "third", "other", "same"})
_PREPOSITIONS = (
    r"close\s+to|familiar\s+with|loyal\s+to|affiliated\s+with|linked\s+to|within|inside|from|with|at|for"
    r"|of|in"
)
_NAME_PARTICLE = r"(?:al|el|ad|as|ash|at|an|ar|bin|ibn|abu|de|di|da|du|van|von|le|la)"
_NAME_TOKEN = rf"(?:[A-Z][\w'’.-]*|{_NAME_PARTICLE}-[A-Z][\w'’.-]*)"
_NAME_JOIN = r"(?:al|el|bin|bint|ibn|abu|de|du|da|di|van|von|der|den|la|le|of|for|the|and)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_JOIN}\s+)*{_NAME_TOKEN})*"
# words between a preposition and the organisation it names: "close to the Lebanese Hezbollah"
_ORG_EPITHETS = re.compile(
    r"(?:(?:\w+-[\w-]+|[A-Z]\w*(?:an|ese|i|ish|ch)|war|rights|armed|militant)\s+){0,2}"
)
_LOCATION = re.compile(  # "in Khan Younis", "in the Hamas-run enclave"
    rf"^\s+(?:in|at|from)\s+(?:(?:the\s+)?{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})*"
    rf"|the\s+(?:[\w'’-]+\s+){{0,2}}[\w'’-]+)"
)
_LOCATION_END = re.compile(rf"\s+(?:in|at|from)\s+(?:the\s+)?{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})*$")
_PASSIVE = re.compile(r"(?i:\b(?:was|were|is|are|been|being|be)\s+)$")
_RELATIVE_ASIDE = re.compile(
    r",\s*(?:which|whose|where|who(?!\s+(?:heads|leads|runs|directs|chairs)\b))\b[^,;\"“”]{0,140},\s*$"
)
_CHANNEL = re.compile(
    r"\s*(?:to\s+)?(?:(?:state|local|the)\s+)?(?:[A-Z][\w'-]*|reporters|journalists|television|TV)"
)


# Mentions and cues are NamedTuples: made for every source and cue of every sentence, and a frozen
# dataclass takes three times as long to create.
class Mention(NamedTuple):
    """A source named in the text: `name` is the canonical name or a description; `form` how it was named."""

    start: int
    end: int
    name: str
    kind: str
    form: str  # named, anonymous, continuing, person, organization
    short: ShortForm | None = None  # a short form nothing earlier resolved ("the health ministry")


class Cue(NamedTuple):
    """An attribution in a sentence: the source, the words that carry it and which way it reaches."""

    start: int
    end: int
    name: str | None
    kind: str | None
    direction: str  # forward, backward, both
    source_start: int = -1
    source_end: int = -1
    short: ShortForm | None = None


@dataclass(slots=True)
class _History:
    """What the document has named so far: the antecedents of short forms and of "the source"."""

    named: list[Source] = field(default_factory=list)
    speakers: list[Source] = field(default_factory=list)
    persons: dict[str, str] = field(default_factory=dict)
    last: Source | None = None


class _Grammar:
    """The cue and mention finders, built once; each regular expression is compiled when first used."""

    def __init__(self) -> None:
        by_role: dict[str, list[str]] = {role: [] for role in _CUE_ROLES}
        self.roles: dict[str, str] = {}
        for _, phrase, role, _ in data_role_rows(_CUES, _CUE_ROLES):
            by_role[role].append(phrase.lower())
            self.roles[phrase.lower().replace("’", "'")] = role
        self._by_role = by_role
        cue_words = [p for r in ("verb", "strict_verb", "after", "none") for p in by_role[r]]
        self.alias = alias_finder()
        self.noun = PhraseFinder([(speakers().nouns, True)], not_before="-", not_after="-")
        self.cue = PhraseFinder([(cue_words, True)], not_before="-", not_after="-")

    @cached_property
    def possessive(self) -> re.Pattern[str]:
        """"X's tally": the possessive cue words after the apostrophe."""
        words = trie_pattern(p[3:] for p in self._by_role["possessive"])
        return re.compile(rf"['’]s\s+(?i:{words})(?![\w-])")

    @cached_property
    def _filler(self) -> str:
        return trie_pattern(self._by_role["filler"])

    @cached_property
    def filler_gap(self) -> re.Pattern[str]:
        """Filler words, white space and commas that may stand between a source and its verb."""
        return re.compile(rf"(?:\s+|,|(?i:{self._filler})(?![\w-]))*")

    @cached_property
    def filler_words(self) -> re.Pattern[str]:
        """Filler words and white space after a verb."""
        return re.compile(rf"(?:\s+|(?i:{self._filler})(?![\w-]))*")

    @cached_property
    def place_after(self) -> re.Pattern[str]:
        """The words after a distance that make it describe a place ("north of")."""
        return re.compile(rf"\s*(?:\([^)]{{0,40}}\)\s*)?\)?\s*(?i:{trie_pattern(self._by_role['place'])})(?![\w-])")

    @cached_property
    def name(self) -> re.Pattern[str]:
        """A capitalised name."""
        return re.compile(_NAME)

    @cached_property
    def name_before(self) -> re.Pattern[str]:
        """A capitalised name at the end of a piece of text."""
        return re.compile(rf"(?:{_NAME})\s*$")

    @cached_property
    def preposition(self) -> re.Pattern[str]:
        """A preposition after a speaker noun: "close to", "of"."""
        return re.compile(rf"\s+(?:{_PREPOSITIONS})\s+(?:(?:the|a|an)\s+)?")


@cache
def _grammar() -> _Grammar:
    """The grammar of attribution (built once)."""
    return _Grammar()


class _Phrases:
    """The gazetteer aliases, speaker nouns and cue words of one document (looked up once)."""

    __slots__ = ("alias", "cue", "noun")

    def __init__(self, text: str) -> None:
        g = _grammar()
        words = TextWords(text)
        self.alias = g.alias.scan(words)
        self.noun = g.noun.scan(words)
        self.cue = g.cue.scan(words)


# --- mentions ---------------------------------------------------------------------------------------


def _fits(form: ShortForm, source: Source) -> bool:
    """Whether a short form may stand for a source."""
    return source.kind in form.kinds and (form.must_hold is None or form.must_hold in source.name.lower())


def _resolve_short_form(form: ShortForm, history: _History) -> tuple[Source, bool]:
    """What a short form stands for, and whether an earlier name or the gazetteer resolved it."""
    for source in reversed(history.named[-60:]):
        if _fits(form, source):
            return source, True
    if form.fallback is not None:
        return form.fallback, True
    words = form.phrase.split()
    return Source(" ".join(words[1:] if words[0].lower() == "the" else words), form.kinds[0]), False


def _clean_name(raw: str) -> tuple[str, str] | None:
    """(name, kind) of an unknown capitalised name: titles dropped; organisation or person."""
    lexicon = speakers()
    tokens = [t.rstrip(".,") if t.count(".") <= 1 else t for t in raw.split()]
    while tokens and tokens[0] in lexicon.stopwords:
        tokens = tokens[1:]
    if not tokens:
        return None
    if any(t in lexicon.org_words for t in tokens):
        return " ".join(tokens), "organization"
    last_title = max((i for i, t in enumerate(tokens) if t in lexicon.titles), default=-1)
    tokens = tokens[last_title + 1:]
    if not tokens or tokens[0].lower() in _NAME_JOIN.split("|"):
        return None
    return " ".join(tokens), "person" if len(tokens) > 1 else "organization"


def _named(name: str, kind: str, history: _History) -> tuple[str, str]:
    """A surname alone resolves to the person named in full earlier ("Jalali" -> "Mohammed Al Jalali")."""
    if " " not in name and name in history.persons:
        return history.persons[name], "person"
    return name, kind


def _speaker_mention(text: str, s: Sentence, span: tuple[int, int], aliases: list[Mention],
                     history: _History) -> Mention | None:
    """The mention around a speaker noun: "an Iraqi security source", "a source close to Hezbollah"."""
    g = _grammar()
    lexicon = speakers()
    start, end = span
    noun = text[start:end]
    # words before the noun: modifiers, then a determiner
    words = text[max(s.start, start - 80):start].split(" ")
    words = words[:-1] if words and words[-1] == "" else []
    mods: list[str] = []
    determiner = ""
    while words and len(mods) < 3:
        w = words[-1]
        if not w or w[-1] in ",;:\"“”()":
            break
        if w.lower() in _DETERMINERS:
            break
        if w.lower() in lexicon.modifiers or (w[0].isupper() and w not in lexicon.stopwords) \
                or (w[-1] in "'’" and w[:-1].isalpha()):  # "a doctors' group"
            mods.insert(0, w)
            words.pop()
            start -= len(w) + 1
            continue
        break
    if words and words[-1].lower() in _DETERMINERS:
        determiner = words[-1].lower()
        start -= len(words[-1]) + 1
    org: Source | None = None
    inside = [a for a in aliases if a.start >= start and a.end <= span[0] and a.kind != "state"]
    adjacent = [a for a in aliases if a.end <= start and not text[a.end:start].strip() and a.kind != "state"]
    if inside:
        org = Source(inside[-1].name, inside[-1].kind)
    elif adjacent and adjacent[-1].form == "named":
        org = Source(adjacent[-1].name, adjacent[-1].kind)
        start = adjacent[-1].start
    noun = " ".join(noun.split())  # "aid\nworkers": any white space between the words
    role = lexicon.nouns[noun.lower()]
    if role == "document" and org is None:  # "the statement said": whoever issued it
        issuer = history.last or next((n for n in reversed(history.named[-60:])
                                       if n.kind not in ("state", "news_agency")), None)
        if issuer is None:
            return None
        return Mention(start, end, issuer.name, issuer.kind, "continuing")
    if org is None and len(mods) > 1 and role in ("continuing", "anonymous") \
            and all(w[0].isupper() for w in mods) and any(w in lexicon.org_words for w in mods):
        org = Source(" ".join(mods), "organization")  # "Nepal Police spokesman ..."
        history.named.append(org)
    # what follows: "close to X", "of X", or a name ("spokesman James Elder")
    after = g.preposition.match(text, end, s.end)
    if org is None and after:
        q = after.end()
        target = next((a for a in aliases if q <= a.start <= q + 30 and a.end <= s.end
                       and _ORG_EPITHETS.fullmatch(text, q, a.start)), None)
        if target is not None:
            org, end = Source(target.name, target.kind), target.end
        else:
            named = g.name.match(text, q, s.end)
            found = _clean_name(named.group()) if named else None
            if named and found and found[1] == "organization" and " " in found[0]:
                org, end = Source(*found), named.end()
                history.named.append(org)
    if org is not None:
        trailing = g.name.match(text, end + 1, s.end) if text[end:end + 1] == " " else None
        if trailing and trailing.group()[0].isupper() and not after:
            end = trailing.end()
        kind = "anonymous" if noun.lower() in ("source", "sources") else org.kind
        return Mention(start, end, org.name, kind, "named")
    trailing = g.name.match(text, end + 1, s.end) if text[end:end + 1] == " " else None
    if trailing and (found := _clean_name(trailing.group())) and found[1] == "person":
        if role in ("news_agency", "organization", "ngo", "ministry", "hospital"):
            return Mention(start, trailing.end(), found[0], role, "organization")  # "broadcaster CNN Turk"
        return Mention(start, trailing.end(), found[0], "person", "person")
    if after and re.match(r"\s+(?:in|at|from|of)\s", text[end:end + 6]):
        place = g.name.match(text, after.end(), s.end)
        if place:
            end = place.end()  # "hospital officials in Khan Younis", "the mayor of Derna"
    continuing = role == "continuing" and (
        (determiner in ("the", "another") and not mods)
        or (mods and all(w.lower() in _CONTINUING_MODIFIERS for w in mods))
    )
    if continuing and history.speakers:
        previous = history.speakers[-1]
        return Mention(start, end, previous.name, previous.kind, "continuing")
    kept = [w for w in mods if w.lower() not in _CONTINUING_MODIFIERS]
    kind = "anonymous" if role == "continuing" else role
    words = [*kept, noun]
    if words[0].lower() in lexicon.modifiers or words[0].lower() in lexicon.nouns:
        words[0] = words[0].lower()  # "Residents told AFP" -> "residents"
    description = " ".join(words)
    form = short_forms().get("the " + description.lower())
    if form is not None:  # "health ministry says": the short form without its article
        meant, resolved = _resolve_short_form(form, history)
        return Mention(start, end, meant.name, meant.kind, "named", None if resolved else form)
    return Mention(start, end, description, kind, "anonymous")


def _mentions(text: str, s: Sentence, phrases: _Phrases, history: _History) -> list[Mention]:
    """The source mentions of one sentence, in text order, longest first where they overlap."""
    aliases: list[Mention] = []
    for start, end in phrases.alias.finditer(s.start, s.end):
        matched = text[start:end]
        if matched[:4].lower() == "the " and isinstance(lookup_alias(matched), ShortForm):
            longer = phrases.alias.match(start + 4, s.end)  # "the health ministry in Gaza"
            if longer and longer[1] > end:
                start, end = longer
                matched = text[start:end]
        alias = lookup_alias(matched)
        if alias is None or (aliases and start < aliases[-1].end):
            continue
        short: ShortForm | None = None
        if isinstance(alias, ShortForm):
            found, resolved = _resolve_short_form(alias, history)
            short = None if resolved else alias
        else:
            found = alias
        aliases.append(Mention(start, end, found.name, found.kind, "named", short))
        history.named.append(found)
    candidates = list(aliases)
    for span in phrases.noun.finditer(s.start, s.end):
        if any(a.start <= span[0] < a.end for a in aliases):
            continue
        speaker = _speaker_mention(text, s, span, aliases, history)
        if speaker is not None:
            candidates.append(speaker)
    if len(candidates) < 2:
        return candidates
    candidates.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Mention] = []
    for c in candidates:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


# --- cues -------------------------------------------------------------------------------------------


def _name_before(text: str, region_start: int, verb_start: int, history: _History) -> Mention | None:
    """A capitalised name or a pronoun just before a verb (after filler words): "Jalali said"."""
    g = _grammar()
    region = text[region_start:verb_start]
    trimmed = region.rstrip()
    while True:  # drop trailing filler words ("earlier", "on Sunday")
        m = re.search(r"(\S+(?:\s+\S+)?)\s*$", trimmed)
        if not m:
            break
        tail = m.group(1)
        if g.filler_gap.fullmatch(tail):
            trimmed = trimmed[: m.start(1)].rstrip()
            continue
        last = tail.split()[-1]
        if g.filler_gap.fullmatch(last):
            trimmed = trimmed[: m.start(1) + len(tail) - len(last)].rstrip()
            continue
        break
    located = _LOCATION_END.search(trimmed)
    if located:
        trimmed = trimmed[: located.start()]  # "Jyske Bank in Denmark announced"
    word = re.search(r"(\w+)$", trimmed)
    if word and word.group(1).lower() in speakers().pronouns:
        if history.last is None:
            return None  # "He said" with no one named before
        pos = region_start + word.start(1)
        return Mention(pos, pos + len(word.group(1)), history.last.name, history.last.kind, "continuing")
    named = g.name_before.search(trimmed)
    if not named:
        return None
    found = _clean_name(named.group())
    if not found:
        return None
    name, kind = _named(*found, history)
    pos = region_start + named.start()
    return Mention(pos, pos + len(named.group().rstrip()), name, kind, kind)


def _subject_after(text: str, s: Sentence, pos: int, mentions: list[Mention],
                   history: _History) -> Mention | None:
    """The source right after an inverted verb: `..., said OSDH director Rami Abdel Rahmane`."""
    for m in mentions:
        if m.start >= pos:
            if re.fullmatch(r"\s*(?:the\s+)?", text[pos:m.start], flags=re.IGNORECASE):
                return m
            break
    named = _grammar().name.match(text, pos + 1, s.end) if text[pos:pos + 1] == " " else None
    if named and (found := _clean_name(named.group())):
        name, kind = _named(*found, history)
        return Mention(named.start(), named.end(), name, kind, kind)
    return None


def _subject_before(text: str, region_start: int, verb_start: int, mentions: list[Mention],
                    history: _History) -> Mention | None:
    """The subject of a verb: the nearest mention before it with only filler (or an aside) between."""
    g = _grammar()
    aside = _RELATIVE_ASIDE.search(text, region_start, verb_start)
    before = [m for m in mentions if region_start <= m.start and m.end <= verb_start
              and not (aside and aside.start() <= m.start < aside.end())]
    if before:
        m = before[-1]
        gap = text[m.end:verb_start]
        gap = _LOCATION.sub("", gap.removeprefix(")"), count=1)  # "Authority (NDMA) said"
        if g.filler_gap.fullmatch(gap) or re.fullmatch(r"\s*(?:\([^)]{0,60}\)|,[^,;\"“”]{0,140},)\s*", gap) \
                or g.filler_gap.fullmatch(re.sub(r"^\s*(?:\([^)]{0,60}\)|,[^,;\"“”]{0,140},)", "", gap)):
            full = before[-2] if len(before) > 1 else None
            if full and full.name == m.name and re.fullmatch(r"\s*\(", text[full.end:m.start]):
                return Mention(full.start, m.end, m.name, m.kind, m.form, m.short)  # "Authority (NDMA)"
            return m
    return _name_before(text, region_start, verb_start, history)


def _direction_after(text: str, s: Sentence, pos: int, verb: str, mentions: list[Mention]) -> str:
    """Whether a verb cue reaches forward (its clause follows) or backward (it closes the clause)."""
    g = _grammar()
    rest = g.filler_words.match(text, pos, s.end)
    q = rest.end() if rest else pos
    if verb.lower() in ("told", "tells", "tell", "informed") or re.match(r"\s*to\s", text[q:q + 4]):
        channel = next((m for m in mentions if q <= m.start <= q + 4), None)  # "told AFP": the channel
        if channel is not None:
            q = channel.end
        elif named := _CHANNEL.match(text, q, s.end):
            q = named.end()
        rest = g.filler_words.match(text, q, s.end)
        q = rest.end() if rest else q
    if q >= s.end or text[q] in ".,;!?\"”)":
        return "backward"
    return "forward"


def _cues(text: str, s: Sentence, phrases: _Phrases, mentions: list[Mention],
          history: _History) -> tuple[list[Cue], bool]:
    """The attribution cues of one sentence, and whether it holds a hedge with no source ("reportedly")."""
    g = _grammar()
    cues: list[Cue] = []
    hedged = False
    boundary = s.start
    for start, end in phrases.cue.finditer(s.start, s.end):
        if any(x.start <= start < x.end for x in mentions):
            continue
        words = text[start:end]
        role = g.roles.get(" ".join(words.lower().replace("’", "'").split()), "verb")
        if role == "none":
            hedged = True
            continue
        subject: Mention | None
        if role == "after":
            subject = _subject_after(text, s, end, mentions, history)
            if subject is None:
                hedged = True
                continue
            tail = text[subject.end:s.end].lstrip()
            at_start = not text[s.start:start].strip(" \"“")
            direction = "forward" if at_start else "backward" if not tail or tail[0] in ".;!?" else "both"
            cues.append(Cue(start, subject.end, subject.name, subject.kind, direction,
                            subject.start, subject.end, subject.short))
        else:
            if _PASSIVE.search(text, max(s.start, start - 12), start):
                hedged = True  # "were reported": no one is named
                continue
            lead = text[boundary:start].rstrip()
            inverted = not lead.strip(" \"“") or lead[-1] in ",\"”'’"
            quote = max(text.rfind(q, boundary, start) for q in "\"“”;:")
            region_start = max(boundary, quote + 1)
            subject = _subject_before(text, region_start, start, mentions, history)
            if (subject is None or subject.end <= region_start) and inverted:
                subject = _subject_after(text, s, end, mentions, history)
                if subject is not None:
                    cues.append(Cue(start, subject.end, subject.name, subject.kind, "backward",
                                    subject.start, subject.end, subject.short))
            elif subject is not None:
                direction = _direction_after(text, s, end, words, mentions)
                if role == "strict_verb" and subject.form in ("person", "organization") \
                        and direction != "backward":
                    subject = None  # "Hextar Technologies added 15 sen": not a statement
                else:
                    cues.append(Cue(subject.start, end, subject.name, subject.kind, direction,
                                    subject.start, subject.end, subject.short))
        if subject is not None:
            boundary = max(boundary, end)
            _remember(subject, history)
    for m in g.possessive.finditer(text, s.start, s.end):
        owner = next((x for x in mentions if x.end == m.start()), None)
        if owner is not None:
            cues.append(Cue(owner.start, m.end(), owner.name, owner.kind, "both", owner.start, owner.end,
                            owner.short))
            _remember(owner, history)
    cues.sort(key=lambda c: c.start)
    return cues, hedged


def _remember(subject: Mention, history: _History) -> None:
    source = Source(subject.name, subject.kind)
    history.last = source
    if subject.form in ("anonymous", "continuing") or subject.kind == "anonymous":
        history.speakers.append(source)
    elif subject.form == "person" and " " in subject.name:
        history.persons[subject.name.split()[-1]] = subject.name
    elif subject.form == "organization":
        history.named.append(source)


def _choose(cues: list[Cue], f: Figure) -> Cue | None:
    """The cue of the figure's own sentence that governs it: the nearest one reaching it."""
    if any(c.source_start < f.end and f.start < c.source_end for c in cues):
        return None  # the figure counts the speakers themselves ("two senior officers")
    usable = [c for c in cues if c.name is not None]
    if any(c.kind != "news_agency" for c in usable):
        usable = [c for c in usable if c.kind != "news_agency"]  # the agency only carried it
    if not usable:
        return None

    def reaches(c: Cue) -> bool:
        if c.direction == "forward":
            return f.start >= c.start
        if c.direction == "backward":
            return f.end <= c.end
        return True

    def distance(c: Cue) -> int:
        return max(c.start - f.end, f.start - c.end, 0)

    reaching = [c for c in usable if reaches(c)]
    return min(reaching or usable, key=distance)


def _cue_text(text: str, cue: Cue) -> str:
    """The words of a cue, with the article of its source: "the Observatory said"."""
    start = cue.start
    article = re.search(r"(?i:\bthe\s+)$", text[max(0, start - 5):start])
    if article and cue.source_start == cue.start:
        start -= len(article.group())
    return " ".join(text[start:cue.end].split())


def _later_sources(text: str, start: int, aliases: PhraseScan) -> list[Source]:
    """The gazetteer sources named in `text[start:]`, in order."""
    out: list[Source] = []
    for begin, end in aliases.finditer(start):
        found = lookup_alias(text[begin:end])
        if isinstance(found, ShortForm) and (longer := aliases.match(begin + 4)):
            found = lookup_alias(text[longer[0]:longer[1]])  # "the health ministry in Gaza"
        if isinstance(found, Source):
            out.append(found)
    return out


def _late_resolution(cue: Cue, named: Sequence[Source]) -> tuple[str | None, str | None]:
    """A short form nothing before it resolved ("health ministry says" in a headline) takes the first
    gazetteer source it fits named anywhere in the document, else keeps its description."""
    for source in named:
        if cue.short is not None and _fits(cue.short, source) and resolve_source(source.name) is not None:
            return source.name, source.kind
    return cue.name, cue.kind


def _quote_open_at_end(text: str, s: Sentence, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence (straight or curly quotes)."""
    opening, closing = s.text.rfind("“"), s.text.rfind("”")
    if opening >= 0 or closing >= 0:
        return opening > closing
    return open_before != (s.text.count('"') % 2 == 1)


def _quote_closing_cue(text: str, sentences: Sequence[Sentence], k: int, cues: list[list[Cue]]) -> Cue | None:
    """The cue after the quotation a sentence is part of: '"... 45 bodies. Others are missing," he said.'"""
    paragraph = sentences[k].paragraph
    for j in range(k + 1, min(k + _QUOTE_REACH, len(cues))):
        s = sentences[j]
        if s.paragraph != paragraph:
            return None
        close = min((p for p in (s.text.find('"'), s.text.find("”")) if p >= 0), default=-1)
        if close >= 0:
            after = [c for c in cues[j] if c.name is not None and c.start >= s.start + close]
            return after[0] if after and after[0].start - (s.start + close) <= _QUOTE_GAP else None
    return None


def attribute_figures(text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> list[Figure]:
    """The figures with `source`, `source_text` and `source_kind` set from the text around them."""
    if not figures:
        return figures
    g = _grammar()
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(figures):
        k = bisect_right(starts, f.start) - 1
        by_sentence.setdefault(max(k, 0), []).append(i)
    last_needed = max(by_sentence)
    reach = last_needed + 1
    while reach < len(sentences) and reach < last_needed + _QUOTE_REACH \
            and sentences[reach].paragraph == sentences[last_needed].paragraph:
        reach += 1  # a quotation may close, with its speaker, after the last figure
    history = _History()
    phrases = _Phrases(text)
    all_cues: list[list[Cue]] = []
    hedges: list[bool] = []
    quoted: list[bool] = []
    for k, s in enumerate(sentences[:reach]):
        cues, hedged = _cues(text, s, phrases, _mentions(text, s, phrases, history), history)
        all_cues.append(cues)
        hedges.append(hedged)
        open_before = bool(quoted) and quoted[-1] and sentences[k - 1].paragraph == s.paragraph
        quoted.append(_quote_open_at_end(text, s, open_before))
    out = list(figures)
    paragraph_cue: Cue | None = None
    paragraph = -1
    later: list[Source] | None = None
    for k, s in enumerate(sentences[: last_needed + 1]):
        cues, hedged = all_cues[k], hedges[k]
        if s.paragraph != paragraph:
            paragraph, paragraph_cue = s.paragraph, None
        for i in by_sentence.get(k, ()):
            f = figures[i]
            if f.category == "distance" and g.place_after.match(text, f.end, s.end):
                continue
            cue = _choose(cues, f) if cues else None
            if cue is None and not cues and not hedged and quoted[k]:
                cue = _quote_closing_cue(text, sentences, k, all_cues)
            if cue is None and not cues and not hedged and f.category not in _LOCAL_ONLY_CATEGORIES:
                cue = paragraph_cue
            if cue is not None and cue.name is not None:
                if cue.short is not None and later is None:
                    later = _later_sources(text, sentences[reach - 1].end, phrases.alias)
                named = [*history.named, *(later or ())]
                name, kind = _late_resolution(cue, named) if cue.short else (cue.name, cue.kind)
                out[i] = f.replace(source=name, source_kind=kind, source_text=_cue_text(text, cue))
        usable = [c for c in cues if c.name is not None]
        if usable:
            agencies = [c for c in usable if c.kind != "news_agency"]
            paragraph_cue = (agencies or usable)[-1]
        elif hedged:
            paragraph_cue = None
    return out
