"""The speaker-phrase reader: the people and bodies a sentence names, as possible sources of its figures.

A speaker phrase is a gazetteer name ("the Observatory"), a speaker noun with its modifiers ("an Iraqi
security source", "the state railway company", "mountain rescuers"), a title with a name ("Kharkiv
governor Oleh Syniehubov"), a description before a name ("the public broadcaster RTBF"), a speaker noun
that speaks for a body ("a spokeswoman for the provincial fire service", "the council's spokesman",
"researchers for Amnesty International"), or a document that speaks for whoever issued it ("the NDMA
data", "an Associated Press investigation", "official statistics"). Time words are never part of one.
Short forms ("the ministry", "the agency") and pronouns resolve against what the document named before
(`Discourse`). The words are data: sources.txt, attribution_short_forms.txt, attribution_speakers.txt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import NamedTuple

from tracker.extract.sentences import Sentence
from tracker.extract.sources import (
    BODY_KINDS,
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
from tracker.patterns import compile_pattern

DETERMINERS = frozenset({
    "a", "an", "the", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
    "some", "many", "multiple", "both", "one", "another", "other",
})
_CONTINUING_MODIFIERS = frozenset({"second", "third", "other", "same"})
#: Words that may stand right before a speaker phrase whose modifiers are not in the lexicon: an open
#: modifier ("the *state railway* company") is read only after a determiner, a preposition or a verb of
#: saying, never after a content word ("floods hit *mountain* villages").
_OPEN_BEFORE = frozenset({
    *DETERMINERS, "its", "their", "his", "her", "our", "said", "says", "say", "told", "according", "to", "by",
    "from", "for", "of", "with", "at", "and", "while", "as", "but", "whereas", "that", "citing", "quoting",
    "added", "reported", "adds", "tells", "estimates", "estimated", "local",
})
#: Lower-case words that are never modifiers of a speaker noun.
_NOT_MODIFIERS = frozenset({
    "and", "or", "but", "of", "in", "on", "at", "by", "for", "with", "to", "from", "as", "that", "which", "who",
    "when", "while", "if", "than", "then", "has", "have", "had", "was", "were", "is", "are", "be", "been", "will",
    "would", "could", "should", "may", "might", "said", "says", "say", "told", "also", "not", "no", "its",
    "their", "his", "her", "our", "my", "your", "this", "these", "those", "there", "where", "after", "before",
    "into", "over", "under", "about", "against", "among", "between", "during", "since", "until", "via", "per",
    "what", "how", "why", "all", "more", "most", "such", "so", "it", "they", "we", "he", "she", "them", "us",
})
_PREPOSITIONS = (
    r"close\s+to|familiar\s+with|loyal\s+to|affiliated\s+with|linked\s+to|within|inside|from|with|at|for"
    r"|of|in|by"
)
_NAME_PARTICLE = r"(?:al|el|ad|as|ash|at|an|ar|bin|ibn|abu|de|di|da|du|van|von|le|la)"
NAME_TOKEN = rf"(?:[A-Z][\w'’.-]*|{_NAME_PARTICLE}-[A-Z][\w'’.-]*)"
NAME_JOIN = r"(?:al|el|bin|bint|ibn|abu|de|du|da|di|van|von|der|den|la|le|of|for|the|and)"
NAME = rf"{NAME_TOKEN}(?:\s+(?:{NAME_JOIN}\s+)*{NAME_TOKEN})*"
_JOIN_WORDS = frozenset(NAME_JOIN[3:-1].split("|"))
# words between a preposition and the organisation it names: "close to the Lebanese Hezbollah"
_ORG_EPITHETS = compile_pattern(
    r"(?:(?:the\s+)?[a-z]+['’]s\s+)?(?:(?:\w+-[\w-]+|[A-Z]\w*(?:an|ese|i|ish|ch)|war|rights|armed|militant)\s+){0,2}"
)
_WORD = compile_pattern(r"[\w'’-]+")
_PLACE_NOUN = compile_pattern(
    r"\s+(?:enclave|territory|territories|strip|region|province|state|city|town|village|district|area|country"
    r"|capital|camp)\b"
)
_POSSESSIVE = ("'s", "’s")


class Mention(NamedTuple):
    """A source named in the text: `name` is the canonical name or a description; `form` how it was named.

    `role` is the role of the speaker noun the phrase is built on ("document", "continuing", a source
    kind, or "in_own_right" for an official credited in their own right), "" for a gazetteer name or a
    bare capitalised name. A NamedTuple: one is made for every
    speaker of every sentence, and a frozen dataclass takes three times as long to create.
    """

    start: int
    end: int
    name: str
    kind: str
    form: str  # named, anonymous, continuing, person, organization, document
    short: ShortForm | None = None  # a short form nothing earlier resolved ("the health ministry")
    role: str = ""


@dataclass(slots=True)
class Discourse:
    """What the document has named so far: the antecedents of short forms, pronouns and "the source"."""

    named: list[Source] = field(default_factory=list)
    speakers: list[Source] = field(default_factory=list)
    persons: dict[str, str] = field(default_factory=dict)
    documents: dict[str, Source] = field(default_factory=dict)  # "update" -> who issued the last update
    titled: dict[str, str] = field(default_factory=dict)  # "minister" -> the person last named with that title
    last: Source | None = None
    last_end: int = 0


class SpeakerGrammar:
    """The finders of speaker phrases, built once; each regular expression is compiled when first used."""

    def __init__(self) -> None:
        self.alias = alias_finder()
        self.noun = PhraseFinder([(speakers().nouns, True)], not_before="-", not_after="-")

    @cached_property
    def name(self) -> re.Pattern[str]:
        """A capitalised name."""
        return compile_pattern(NAME)

    @cached_property
    def name_before(self) -> re.Pattern[str]:
        """A capitalised name at the end of a piece of text."""
        return compile_pattern(rf"(?:{NAME})\s*$")

    @cached_property
    def apposed_name(self) -> re.Pattern[str]:
        """A name followed by the comma of an apposition: "Maria Ortiz, "."""
        return compile_pattern(rf"({NAME})\s*,\s*$")

    @cached_property
    def preposition(self) -> re.Pattern[str]:
        """A preposition after a speaker noun: "close to", "of"."""
        return compile_pattern(rf"\s+(?:{_PREPOSITIONS})\s+(?:(?:the|a|an)\s+)?")


@cache
def speaker_grammar() -> SpeakerGrammar:
    """The speaker-phrase grammar (built once)."""
    return SpeakerGrammar()


class SpeakerScan:
    """The gazetteer aliases and speaker nouns of one document (looked up once)."""

    __slots__ = ("alias", "noun")

    def __init__(self, words: TextWords) -> None:
        g = speaker_grammar()
        self.alias: PhraseScan = g.alias.scan(words)
        self.noun: PhraseScan = g.noun.scan(words)


# --- short forms and names ----------------------------------------------------------------------------


def fits(form: ShortForm, source: Source) -> bool:
    """Whether a short form may stand for a source."""
    return source.kind in form.kinds and (form.must_hold is None or form.must_hold in source.name.lower())


def resolve_short_form(form: ShortForm, discourse: Discourse) -> tuple[Source, bool]:
    """What a short form stands for, and whether an earlier name or the gazetteer resolved it."""
    for source in reversed(discourse.named[-60:]):
        if fits(form, source):
            return source, True
    if form.fallback is not None:
        return form.fallback, True
    words = form.phrase.split()
    return Source(" ".join(words[1:] if words[0].lower() == "the" else words), form.kinds[0]), False


def clean_name(raw: str) -> tuple[str, str] | None:
    """(name, kind) of an unknown capitalised name: titles and time words dropped; organisation or person."""
    lexicon = speakers()
    tokens = [t.rstrip(".,") if t.count(".") <= 1 else t for t in raw.split()]
    while tokens and (tokens[0] in lexicon.stopwords or tokens[0] in lexicon.time_words):
        tokens = tokens[1:]
    cut = next((i for i, t in enumerate(tokens) if t in lexicon.time_words or t.rstrip("'’s") in lexicon.time_words),
               len(tokens))
    tokens = tokens[:cut]  # "Kim Monday": never a name
    while tokens and tokens[-1].lower() in _JOIN_WORDS:
        tokens = tokens[:-1]
    if not tokens:
        return None
    if any(t in lexicon.org_words for t in tokens):
        return " ".join(tokens), "organization"
    last_title = max((i for i, t in enumerate(tokens) if t in lexicon.titles or t + "." in lexicon.titles),
                     default=-1)
    tokens = tokens[last_title + 1:]
    if not tokens or tokens[0].lower() in _JOIN_WORDS:
        return None
    return " ".join(tokens), "person" if len(tokens) > 1 else "organization"


def named(name: str, kind: str, discourse: Discourse) -> tuple[str, str]:
    """A surname alone resolves to the person named in full earlier ("Jalali" -> "Mohammed Al Jalali")."""
    if " " not in name and name in discourse.persons:
        return discourse.persons[name], "person"
    return name, kind


def person_named_before(text: str, start: int, end: int) -> str | None:
    """The last person named with a title between `start` and `end` ("Deputy Prime Minister Jane Doe")."""
    g = speaker_grammar()
    titles = speakers().titles
    found: str | None = None
    for m in g.name.finditer(text, start, end):
        words = m.group().split()
        if len(words) > 2 and any(w.rstrip(".") in titles or w in titles for w in words[:-2]):
            cleaned = clean_name(m.group())
            if cleaned and cleaned[1] == "person":
                found = cleaned[0]
    return found


def pronoun_antecedent(text: str, pronoun: str, pos: int, discourse: Discourse) -> Source | None:
    """What a pronoun subject stands for: "he" and "she" the person named last, else the last speaker."""
    if pronoun.lower() in ("he", "she"):
        person = person_named_before(text, discourse.last_end, pos)
        if person is not None:
            return Source(person, "person")
    return discourse.last


def remember(subject: Mention, discourse: Discourse) -> None:
    """Keep a speaker as the antecedent of later short forms, pronouns and "the source"."""
    source = Source(subject.name, subject.kind)
    if subject.kind != "news_agency" or discourse.last is None:
        discourse.last = source  # an agency that carried a statement is not what "it" refers to
        discourse.last_end = subject.end
    if subject.form in ("anonymous", "continuing") or subject.kind == "anonymous":
        discourse.speakers.append(source)
        if subject.form == "anonymous" and subject.kind in BODY_KINDS:
            discourse.named.append(source)  # "the national disaster agency said ... The agency said"
    elif subject.form == "person" and " " in subject.name:
        discourse.persons[subject.name.split()[-1]] = subject.name
    elif subject.form in ("organization", "document") and subject.kind != "anonymous":
        discourse.named.append(source)


# --- speaker phrases -----------------------------------------------------------------------------------


def _word_list(text: str, lo: int, hi: int) -> list[str]:
    """The space-separated words of `text[lo:hi]` that end right at `hi` ([] when `hi` is not after a space)."""
    words = text[lo:hi].split(" ")
    return words[:-1] if words and words[-1] == "" else []


def _modifiers_before(text: str, lo: int, pos: int) -> tuple[list[str], int, str]:
    """The modifiers before a speaker noun at `pos` (at most three), where they start, and the determiner."""
    lexicon = speakers()
    words = _word_list(text, max(lo, pos - 80), pos)
    mods: list[str] = []
    is_open: list[bool] = []  # a modifier the lexicon does not know ("state railway")
    start = pos
    while words and len(mods) < 3:
        w = words[-1]
        if not w or w[-1] in ",;:\"“”()‘’":
            break
        low = w.lower()
        if low in DETERMINERS or (w.endswith(_POSSESSIVE) and low[:-2] in lexicon.nouns):
            break
        if low in lexicon.modifiers or (w[0].isupper() and w not in lexicon.stopwords
                                        and w not in lexicon.time_words) \
                or (w[-1] in "'’" and w[:-1].isalpha()):  # "a doctors' group"
            is_open.insert(0, False)
        elif w.isalpha() and w.islower() and low not in _NOT_MODIFIERS and low not in lexicon.pronouns \
                and not low.endswith(("ed", "ing", "ly")):  # "tweeted updated data": a verb, not a modifier
            is_open.insert(0, True)
        else:
            break
        mods.insert(0, w)
        words.pop()
        start -= len(w) + 1
    if any(is_open):
        before = words[-1].lower() if words else ""
        if before and before not in _OPEN_BEFORE and before[-1] not in ",;:\"“”(‘" \
                and not before.endswith(("'s", "’s")):  # "the country's civil protection agency"
            cut = max(i for i, o in enumerate(is_open) if o) + 1  # keep what follows the last open word
            start += sum(len(w) + 1 for w in mods[:cut])
            mods = mods[cut:]
            return mods, start, ""
    determiner = ""
    if words and words[-1].lower() in DETERMINERS:
        determiner = words[-1].lower()
        start -= len(words[-1]) + 1
    return mods, start, determiner


def _body_phrase_after(text: str, q: int, limit: int, nouns: list[tuple[int, int]]) -> tuple[Source, int] | None:
    """A body named by a common noun at `q`, after a preposition: "(for the) provincial fire service"."""
    lexicon = speakers()
    for start, end in nouns:
        if start < q:
            continue
        if start > q + 40 or end > limit:
            break
        role = lexicon.nouns.get(" ".join(text[start:end].split()).lower(), "")
        between = text[q:start].split()
        if role in BODY_KINDS and len(between) <= 3 \
                and all(w.isalpha() and w.lower() not in _NOT_MODIFIERS for w in between):
            owned = next((n for n in nouns if n[0] == end + 3 and text[end:end + 2] in _POSSESSIVE), None)
            body = Source(" ".join([*between, " ".join(text[start:end].split())]), role)
            return body, owned[1] if owned else end  # "by the city council's spokesman"
        break
    return None


def _possessor(text: str, s: Sentence, start: int, aliases: list[Mention],
               nouns: list[tuple[int, int]]) -> tuple[Source, int] | None:
    """The body in "X's spokesman" / "the city council's spokesman" ending right before `start`."""
    if text[start - 3:start - 1] not in _POSSESSIVE or text[start - 1] != " ":
        return None
    end = start - 3
    owner = next((a for a in aliases if a.end == end and a.kind != "state"), None)
    if owner is not None:
        return Source(owner.name, owner.kind), owner.start
    noun = next((n for n in nouns if n[1] == end), None)
    if noun is None:
        return None
    role = speakers().nouns.get(" ".join(text[noun[0]:end].split()).lower(), "")
    if role not in BODY_KINDS:
        return None
    mods, begin, _ = _modifiers_before(text, s.start, noun[0])
    return Source(" ".join([*mods, " ".join(text[noun[0]:end].split())]), role), begin


def _speaker_mention(text: str, s: Sentence, span: tuple[int, int], aliases: list[Mention],
                     nouns: list[tuple[int, int]], discourse: Discourse) -> Mention | None:
    """The mention around a speaker noun: "an Iraqi security source", "a source close to Hezbollah"."""
    g = speaker_grammar()
    lexicon = speakers()
    start, end = span
    noun = " ".join(text[start:end].split())  # "aid\nworkers": any white space between the words
    role = lexicon.nouns[noun.lower()]
    tag = "in_own_right" if noun.lower() in lexicon.in_own_right else role  # the role a mention keeps
    mods, start, determiner = _modifiers_before(text, s.start, start)
    if text[max(s.start, start - 4):start].lower() in ("our ", " my "):
        return None  # "our teams counted": the quoted speaker's own people
    org: Source | None = None
    inside = [a for a in aliases if a.start >= start and a.end <= span[0] and a.kind != "state"]
    adjacent = [a for a in aliases if a.end <= start and not text[a.end:start].strip(" \n)") and a.kind != "state"]
    if inside:
        org = Source(inside[-1].name, inside[-1].kind)
    elif adjacent and adjacent[-1].form == "named":
        org = Source(adjacent[-1].name, adjacent[-1].kind)
        start = adjacent[-1].start
    elif not mods and (owner := _possessor(text, s, start, aliases, nouns)):
        if role not in BODY_KINDS or resolve_source(owner[0].name) is not None:
            org, start = owner  # "the city council's spokesman", "UNICEF's office"
        else:  # "the governor's office": described with its owner
            owned = Source(f"{owner[0].name}'s {noun.lower()}", role)
            return Mention(owner[1], end, owned.name, owned.kind, "anonymous", None, tag)
    if org is None and len(mods) > 1 and role in ("continuing", "anonymous", "document") \
            and all(w[0].isupper() for w in mods) and any(w in lexicon.org_words for w in mods):
        org = Source(" ".join(mods), "organization")  # "Nepal Police spokesman ...", "Met Office data"
        discourse.named.append(org)
    # what follows: "close to X", "of X", "for the fire service", or a name ("spokesman James Elder")
    after = g.preposition.match(text, end, s.end)
    if org is None and after and role not in BODY_KINDS:
        q = after.end()
        locative = text[end:q].split()[0] in ("in", "at", "from")
        target = next((a for a in aliases if q <= a.start <= q + 30 and a.end <= s.end
                       and _ORG_EPITHETS.fullmatch(text, q, a.start)
                       and not (locative and a.kind == "state")), None)  # "officials in Iraq": a place
        if target is not None:
            org, end = Source(target.name, target.kind), target.end
        else:
            named_after = g.name.match(text, q, s.end)
            found = clean_name(named_after.group()) if named_after else None
            if named_after and found and found[1] == "organization" and " " in found[0]:
                org, end = Source(*found), named_after.end()
                discourse.named.append(org)
            elif (body := _body_phrase_after(text, q, s.end, nouns)) is not None:
                org, end = body
    if role == "document":
        return _document_mention(start, end, mods, noun, org, discourse)
    if org is not None:
        trailing = g.name.match(text, end + 1, s.end) if text[end:end + 1] == " " else None
        if trailing and trailing.group()[0].isupper() and not after and clean_name(trailing.group()):
            end = trailing.end()
        kind = "anonymous" if noun.lower() in ("source", "sources") else org.kind
        return Mention(start, end, org.name, kind, "named", None, tag)
    trailing = g.name.match(text, end + 1, s.end) if text[end:end + 1] == " " else None
    if trailing and (found := clean_name(trailing.group())):
        alias = next((a for a in aliases if a.start == trailing.start()), None)
        if alias is not None and alias.kind != "state":  # "Syrian state news agency SANA"
            return Mention(start, alias.end, alias.name, alias.kind, "named", alias.short, tag)
        if found[1] == "person" or tag == "in_own_right" or role == "continuing":
            discourse.titled[noun.lower()] = found[0]  # "Health Minister Jane Roe": "the minister" later
            return Mention(start, trailing.end(), found[0], "person", "person", None, tag)
        if role in BODY_KINDS:  # "broadcaster CNN Turk", "the public broadcaster RTBF"
            return Mention(start, trailing.end(), found[0], role, "organization", None, tag)
    if after and re.match(r"\s+(?:in|at|from|of)\s", text[end:end + 6]):
        place = g.name.match(text, after.end(), s.end)
        if place:
            end = place.end()  # "hospital officials in Khan Younis", "the mayor of Derna"
            noun_after = _PLACE_NOUN.match(text, end, s.end)
            if noun_after:
                end = noun_after.end()  # "in the Hamas-ruled enclave"
    if determiner == "the" and not mods and noun.lower() in discourse.titled:
        return Mention(start, end, discourse.titled[noun.lower()], "person", "person", None, tag)  # "the minister"
    continuing = role == "continuing" and (
        (determiner in ("the", "another") and not mods)
        or (mods and all(w.lower() in _CONTINUING_MODIFIERS for w in mods))
    )
    if continuing and discourse.speakers:
        previous = discourse.speakers[-1]
        return Mention(start, end, previous.name, previous.kind, "continuing", None, tag)
    kept = [w for w in mods if w.lower() not in _CONTINUING_MODIFIERS]
    kind = "anonymous" if role == "continuing" else role
    words = [*kept, noun]
    if words[0].lower() in lexicon.modifiers or words[0].lower() in lexicon.nouns or words[0].islower():
        words[0] = words[0].lower()  # "Residents told AFP" -> "residents"
    description = " ".join(words)
    form = short_forms().get("the " + description.lower())
    if form is not None:  # "health ministry says": the short form without its article
        meant, resolved = resolve_short_form(form, discourse)
        return Mention(start, end, meant.name, meant.kind, "named", None if resolved else form, tag)
    return Mention(start, end, description, kind, "anonymous", None, tag)


def _document_mention(start: int, end: int, mods: list[str], noun: str, org: Source | None,
                      discourse: Discourse) -> Mention | None:
    """A document speaks for whoever issued it: the body named with it, a description, or the last issuer."""
    lexicon = speakers()
    key = noun.lower()
    if org is not None:
        discourse.documents[key] = org
        return Mention(start, end, org.name, org.kind, "document", None, "document")
    kept = [w for w in mods if w.lower() not in ("new", "latest")]
    if kept and all(w[0].isupper() for w in kept) and (len(kept) > 1 or kept[0].lower() not in lexicon.modifiers):
        body = Source(" ".join(kept), "organization")  # "the Civil Protection update"
        discourse.documents[key] = body
        return Mention(start, end, body.name, body.kind, "document", None, "document")
    if kept and lexicon.nouns.get(kept[-1].lower()) in BODY_KINDS:  # "US intelligence assessment"
        kind = lexicon.nouns[kept[-1].lower()]
        return Mention(start, end, " ".join(kept), kind, "document", None, "document")
    if kept and any(w.lower() in lexicon.modifiers for w in kept):  # "official statistics"
        return Mention(start, end, " ".join([*kept, noun]).lower(), "anonymous", "document", None, "document")
    issuer = discourse.documents.get(key) or discourse.last or next(
        (n for n in reversed(discourse.named[-60:]) if n.kind not in ("state", "news_agency")), None)
    if issuer is None:
        return None  # "The statement said": of no one
    return Mention(start, end, issuer.name, issuer.kind, "continuing", None, "document")


def read_mentions(text: str, s: Sentence, scan: SpeakerScan, discourse: Discourse) -> list[Mention]:
    """The speaker phrases of one sentence, in text order, longest first where they overlap."""
    aliases: list[Mention] = []
    for start, end in scan.alias.finditer(s.start, s.end):
        matched = text[start:end]
        if matched[:4].lower() == "the " and isinstance(lookup_alias(matched), ShortForm):
            longer = scan.alias.match(start + 4, s.end)  # "the health ministry in Gaza"
            if longer and longer[1] > end:
                start, end = longer
                matched = text[start:end]
        alias = lookup_alias(matched)
        if alias is None or (aliases and start < aliases[-1].end):
            continue
        short: ShortForm | None = None
        if isinstance(alias, ShortForm):
            found, resolved = resolve_short_form(alias, discourse)
            short = None if resolved else alias
        else:
            found = alias
        aliases.append(Mention(start, end, found.name, found.kind, "named", short))
        discourse.named.append(found)
    nouns = list(scan.noun.finditer(s.start, s.end))
    candidates = list(aliases)
    for span in nouns:
        if any(a.start <= span[0] < a.end for a in aliases):
            continue
        speaker = _speaker_mention(text, s, span, aliases, nouns, discourse)
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


def words_of(text: str) -> TextWords:
    """The text split into words once, for the phrase finders."""
    return TextWords(text)
