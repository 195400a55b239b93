"""Attribution: who each figure is said to come from ("the Observatory said", "according to the UN").

A statement is a speech event: a speaker phrase (read by `tracker.extract.speakers`) and a reporting frame
(the data file attribution_cues.txt): a verb of saying with its subject before it or after it ("X said",
", said X"), a frame with its source after it ("according to X", "data from X"), a possessive ("X's
tally"), a verb that reports only with its complement ("put the number of dead at 41", "gave an initial
count of 18"), a verb that reports only with a document as subject ("the data shows") or a witness as
subject ("reporters saw"), and "X quoted Y as saying". A channel that carried the statement ("told AFP",
"in an interview with CNN", "X quoted Y") is kept apart from the source (attribution_channels.txt and
the news agencies of the gazetteer). Headlines have their own conventions: "...: officials",
"Rights group: ...", "..., says X", "... - authorities".

The sentences are read in document order, resolving short forms, pronouns and "a second source" against
what the document named before. Then each figure takes the frame of its sentence that governs it;
failing that, the speaker named right after the quotation it stands in; failing that, a frame of the next
sentence that points back at it ("Palestinian authorities disclosed this"); failing that, the last frame
of an earlier sentence of its paragraph, unless a hedge ("reportedly", "reports indicate") stands between.
Linear in the document's length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache, cached_property
from typing import NamedTuple

from tracker.data_files import data_role_rows
from tracker.extract.sentences import Sentence
from tracker.extract.sources import (
    BODY_KINDS,
    PhraseFinder,
    PhraseScan,
    ShortForm,
    Source,
    TextWords,
    lookup_alias,
    resolve_source,
    speakers,
)
from tracker.extract.speakers import (
    Discourse,
    Mention,
    SpeakerScan,
    clean_name,
    fits,
    named,
    pronoun_antecedent,
    read_mentions,
    remember,
    speaker_grammar,
)
from tracker.extract.trie import trie_pattern
from tracker.figure import Figure
from tracker.patterns import compile_pattern

_CUES = "attribution_cues.txt"
_CUE_ROLES = frozenset({
    "verb", "strict_verb", "after", "possessive", "none", "filler", "place", "verb_at", "verb_of", "count_noun",
    "document_verb", "observer_verb", "quoted", "this", "not_after", "participle",
})
_FRAME_ROLES = ("verb", "strict_verb", "after", "none", "verb_at", "verb_of", "document_verb", "observer_verb",
                "quoted", "participle")
_CHANNELS = "attribution_channels.txt"
_CHANNEL_ROLES = frozenset({"before"})
#: Figures that only a cue of their own sentence attributes: background durations and distances.
_LOCAL_ONLY_CATEGORIES = frozenset({"duration", "distance"})
#: How many sentences a quotation may run before its speaker is named, and how far after it.
_QUOTE_REACH = 6
_QUOTE_GAP = 4
_LOCATION = compile_pattern(  # "in Khan Younis", "in the Hamas-run enclave"
    r"^\s+(?:in|at|from)\s+(?:(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*|the\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+)"
)
_LOCATION_END = compile_pattern(r"\s+(?:in|at|from)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$")
_PASSIVE = compile_pattern(r"(?i:\b(?:was|were|is|are|been|being|be)\s+)$")
# an aside between a subject and its verb: ", which relies on ...,", ", provided to AFP by a source,"
_ASIDE = compile_pattern(
    r",\s*(?:which|whose|where|who(?!\s+(?:heads|leads|runs|directs|chairs)\b)|[a-z]+ed\s+(?:to|by|in|from|on)"
    r"|citing|quoting)\b[^,;\"“”]{0,140},\s*$"
)
# the rest of an apposition after its speaker noun: "(Jane Doe, the governor) of the northern province, (said)"
_APPOSITION_END = compile_pattern(r"\s+(?:of|in|at|for|from|with)\s+[^,;\"“”]{1,80},\s*")
_IN_PLACE = compile_pattern(r"\s+(?:in|at|from)\s+(?:the\s+)?$")
_NAME_APPOSED = compile_pattern(r"\s*,\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})\s*,\s*")
_COORDINATED = compile_pattern(r"\s+[a-z]+ed\s+[^,;.:\"“”]{0,60}\s+and\s+(?:then\s+)?")
_AS_SAYING = compile_pattern(r"\s+as\s+(?:saying|telling|stating|having\s+said)\b")
_CHANNEL_NAME = compile_pattern(
    r"\s*(?:to\s+)?(?:(?:state|local|the)\s+)?(?:[A-Z][\w'-]*|reporters|journalists|television|TV)"
)
# what may stand between a frame and the source after it: "according to the latest NDMA update",
# "data from the country's disaster authority", 'according to the "White Helmets"'
_BEFORE_SOURCE = compile_pattern(
    r"\s*(?:(?:the|a|an|its|their)\s+)?(?:(?:latest|new|initial|first|preliminary|updated|final|official|"
    r"last|most\s+recent)\s+)*(?:(?:the\s+)?[a-z][\w-]*['’]s\s+)?[\"“‘]?",
    re.IGNORECASE,
)
_OPENING_QUOTES = "\"“‘"
_CURLY = compile_pattern("[“”‘’]")
# a headline's source after a colon or dash at its end, or before a colon at its start
_HEADLINE_TAIL = compile_pattern(r"\s*(?::|\s[-–—])\s*(?:[Ss]ays?\s+)?")
_HEADLINE_HEAD = compile_pattern(r"\s*:\s+")
# "claimed at least 50 lives": the verb of a killing, not of a claim
_LIVES = compile_pattern(r"\s+(?:[\w,.’'-]+\s+){0,4}lives\b", re.IGNORECASE)


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
    channel: str | None = None
    back: bool = False  # it points at the sentence before ("authorities disclosed this")


class _Grammar:
    """The frame finders, built once; each regular expression is compiled when first used."""

    def __init__(self) -> None:
        by_role: dict[str, list[str]] = {role: [] for role in _CUE_ROLES}
        self.roles: dict[str, str] = {}
        for _, phrase, role, _ in data_role_rows(_CUES, _CUE_ROLES):
            by_role[role].append(phrase.lower())
            if role in _FRAME_ROLES or role == "possessive":
                self.roles[phrase.lower().replace("’", "'")] = role
        self._by_role = by_role
        self.cue = PhraseFinder([([p for r in _FRAME_ROLES for p in by_role[r]], True)], not_before="-",
                                not_after="-")
        self.channel_words = [phrase.lower() for _, phrase, _, _ in data_role_rows(_CHANNELS, _CHANNEL_ROLES)]
        #: the verbs that open a not_after phrase ("claimed" of "claimed the lives"): only they are checked
        self.not_after_verbs = frozenset(p.split()[0] for p in by_role["not_after"])

    @cached_property
    def possessive(self) -> re.Pattern[str]:
        """"X's tally": the possessive cue words after the apostrophe."""
        words = trie_pattern(p[3:] for p in self._by_role["possessive"])
        return compile_pattern(rf"['’]s\s+(?i:{words})(?![\w-])")

    @cached_property
    def _filler(self) -> str:
        return trie_pattern(self._by_role["filler"])

    @cached_property
    def filler_gap(self) -> re.Pattern[str]:
        """Filler words, white space and commas that may stand between a source and its verb."""
        return compile_pattern(rf"(?:\s+|,|(?i:{self._filler})(?![\w-]))*")

    @cached_property
    def filler_words(self) -> re.Pattern[str]:
        """Filler words and white space after a verb."""
        return compile_pattern(rf"(?:\s+|(?i:{self._filler})(?![\w-]))*")

    @cached_property
    def place_after(self) -> re.Pattern[str]:
        """The words after a distance that make it describe a place ("north of")."""
        return compile_pattern(
            rf"\s*(?:\([^)]{{0,40}}\)\s*)?\)?\s*(?i:{trie_pattern(self._by_role['place'])})(?![\w-])")

    @cached_property
    def at_frame(self) -> re.Pattern[str]:
        """The object and "at" of a verb_at frame: "(put) the number of dead at"."""
        return compile_pattern(r"\s+(?:[\w'’-]+\s+){1,6}?at(?=\s)", re.IGNORECASE)

    @cached_property
    def of_frame(self) -> re.Pattern[str]:
        """The count noun and "of" of a verb_of frame: "(gave) an initial count of"."""
        nouns = trie_pattern(self._by_role["count_noun"])
        return compile_pattern(rf"\s+(?:the|a|an|its|their|his|her|new)\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\s+of(?=\s)",
                               re.IGNORECASE)

    @cached_property
    def this_object(self) -> re.Pattern[str]:
        """An object that points back at the sentence before: "(disclosed) this."."""
        words = trie_pattern(self._by_role["this"])
        return compile_pattern(rf"\s+(?:{words})\s*(?:[.;!?]|$)", re.IGNORECASE)

    @cached_property
    def not_after(self) -> re.Pattern[str]:
        """Words that give a reporting verb another sense: "claimed the lives of"."""
        return compile_pattern(rf"(?:{trie_pattern(self._by_role['not_after'])})(?![\w-])", re.IGNORECASE)

    @cached_property
    def channel_before(self) -> re.Pattern[str]:
        """The words before a channel: "told", "in an interview with"."""
        return compile_pattern(rf"(?<![\w-])(?:{trie_pattern(self.channel_words)})\s+(?:the\s+)?", re.IGNORECASE)


@cache
def _grammar() -> _Grammar:
    """The grammar of attribution (built once)."""
    return _Grammar()


class _Phrases:
    """The gazetteer aliases, speaker nouns and frame words of one document (looked up once)."""

    __slots__ = ("cue", "speakers")

    def __init__(self, text: str) -> None:
        words = TextWords(text)
        self.speakers = SpeakerScan(words)
        self.cue: PhraseScan = _grammar().cue.scan(words)


# --- subjects ----------------------------------------------------------------------------------------


def _trim_filler(text: str, trimmed: str) -> str:
    """`trimmed` without the filler words at its end ("earlier", "on Sunday")."""
    g = _grammar()
    while True:
        m = re.search(r"(\S+(?:\s+\S+)?)\s*$", trimmed)
        if not m:
            return trimmed
        tail = m.group(1)
        if g.filler_gap.fullmatch(tail):
            trimmed = trimmed[: m.start(1)].rstrip()
            continue
        last = tail.split()[-1]
        if g.filler_gap.fullmatch(last):
            trimmed = trimmed[: m.start(1) + len(tail) - len(last)].rstrip()
            continue
        return trimmed


def _name_before(text: str, region_start: int, verb_start: int, discourse: Discourse) -> Mention | None:
    """A capitalised name or a pronoun just before a verb (after filler words): "Jalali said"."""
    trimmed = _trim_filler(text, text[region_start:verb_start].rstrip())
    located = _LOCATION_END.search(trimmed)
    if located:
        trimmed = trimmed[: located.start()]  # "Jyske Bank in Denmark announced"
    word = re.search(r"(\w+)$", trimmed)
    if word and word.group(1).lower() in speakers().pronouns:
        pos = region_start + word.start(1)
        meant = pronoun_antecedent(text, word.group(1), pos, discourse)
        if meant is None:
            return None  # "He said" with no one named before
        return Mention(pos, pos + len(word.group(1)), meant.name, meant.kind, "continuing")
    found_name = speaker_grammar().name_before.search(trimmed)
    if not found_name:
        return None
    found = clean_name(found_name.group())
    if not found:
        return None
    name, kind = named(*found, discourse)
    pos = region_start + found_name.start()
    return Mention(pos, pos + len(found_name.group().rstrip()), name, kind, kind)


def _apposed_body(text: str, s: Sentence, name_end: int, mentions: list[Mention]) -> Mention | None:
    """The body a named person speaks for, in apposition after the name: "X, a spokesman for the UN"."""
    m = compile_pattern(r"\s*,\s*").match(text, name_end, s.end)
    if not m:
        return None
    apposed = next((x for x in mentions if x.start == m.end()), None)
    if apposed is not None and apposed.form == "named" and apposed.role != "in_own_right":
        return apposed
    return None


def _subject_after(text: str, s: Sentence, pos: int, mentions: list[Mention],
                   discourse: Discourse) -> Mention | None:
    """The source right after an inverted verb or a frame: `..., said OSDH director Rami Abdel Rahmane`."""
    gap = _BEFORE_SOURCE.match(text, pos, s.end)
    reach = gap.end() if gap else pos
    for m in mentions:
        if m.start < pos < m.end and m.role == "document":
            return m  # "according to figures from the IOM": the document names its issuer
        if m.start >= pos:
            if m.start <= reach and (m.kind != "state" or text[m.end:m.end + 2] not in ("'s", "’s")):
                return m
            break
    found_name = speaker_grammar().name.match(text, pos + 1, s.end) if text[pos:pos + 1] == " " else None
    if found_name and (found := clean_name(found_name.group())):
        body = _apposed_body(text, s, found_name.end(), mentions) if found[1] == "person" else None
        if body is not None:
            return body  # ", said Jane Doe, a spokeswoman for the fire service"
        name, kind = named(*found, discourse)
        return Mention(found_name.start(), found_name.end(), name, kind, kind)
    return None


def _gap_ok(text: str, gap: str, document: bool) -> bool:
    """Whether only filler, a bracket or an aside stands between a subject and its verb."""
    g = _grammar()
    if g.filler_gap.fullmatch(gap) or re.fullmatch(r"\s*(?:\([^)]{0,60}\)|,[^,;\"“”]{0,140},)\s*", gap) \
            or g.filler_gap.fullmatch(re.sub(r"^\s*(?:\([^)]{0,60}\)|,[^,;\"“”]{0,140},)", "", gap)):
        return True
    if _COORDINATED.fullmatch(gap):
        return True  # "analysts examined the debris and determined that": one subject, two verbs
    # "Meteorological Department data for the period August 1-26 showed"
    return document and bool(re.fullmatch(r"\s+(?:for|on|from|over|covering)\s+[^,;.\"“”]{1,40}\s+", gap))


def _subject_before(text: str, s: Sentence, region_start: int, verb_start: int, mentions: list[Mention],
                    discourse: Discourse) -> Mention | None:
    """The subject of a verb: the nearest mention before it with only filler (or an aside) between."""
    aside = _ASIDE.search(text, region_start, verb_start)
    before = [m for m in mentions if region_start <= m.start and m.end <= verb_start
              and not (aside and aside.start() <= m.start < aside.end())]
    if before:
        m = before[-1]
        gap = text[m.end:verb_start]
        gap = _LOCATION.sub("", gap.removeprefix(")"), count=1)  # "Authority (NDMA) said"
        if _gap_ok(text, gap, m.form == "document") or (
                "," in gap and text[region_start:m.start].rstrip().endswith(",") and _APPOSITION_END.fullmatch(gap)
                and speaker_grammar().apposed_name.search(text, region_start, m.start)):
            full = before[-2] if len(before) > 1 else None
            if full and full.name == m.name and re.fullmatch(r"\s*\(", text[full.end:m.start]):
                return Mention(full.start, m.end, m.name, m.kind, m.form, m.short, m.role)  # "Authority (NDMA)"
            if m.kind == "state" and _IN_PLACE.search(text, region_start, m.start):  # "UNICEF in Haiti said"
                if full and _IN_PLACE.fullmatch(text, full.end, m.start):
                    return full
                return _name_before(text, region_start, verb_start, discourse)  # "Jyske Bank in Denmark"
            named_after = _NAME_APPOSED.fullmatch(gap)
            if named_after and (m.role == "in_own_right" or (m.form != "named" and m.role not in BODY_KINDS)) \
                    and (found := clean_name(named_after.group(1))) and found[1] == "person":
                return Mention(m.start, m.end, found[0], "person", "person", None, m.role)  # "the minister, Jo Doe,"
            return _apposition(text, region_start, m, discourse)
    return _name_before(text, region_start, verb_start, discourse)


def _apposition(text: str, region_start: int, m: Mention, discourse: Discourse) -> Mention:
    """The subject of "Jane Doe, the governor of X, said": the person, unless the phrase speaks for a body."""
    if m.form in ("person", "document") or m.role == "" or m.role in BODY_KINDS:
        return m
    if m.form == "named" and m.role != "in_own_right":
        return m  # "Jane Doe, a spokeswoman for the UN": the body
    if not text[region_start:m.start].rstrip().endswith(","):
        return m
    name = speaker_grammar().apposed_name.search(text, region_start, m.start)
    if name is None or (found := clean_name(name.group(1))) is None or found[1] != "person":
        return m
    person, kind = named(*found, discourse)
    return Mention(name.start(1), m.end, person, kind, "person", None, m.role)


def _channel_at(text: str, q: int, s: Sentence, mentions: list[Mention]) -> tuple[str | None, int]:
    """The channel named at `q` ("AFP", "the BBC", "reporters") and where it ends; None when it names no medium."""
    channel = next((m for m in mentions if q <= m.start <= q + 4), None)
    if channel is not None:
        return (channel.name if channel.kind == "news_agency" else None), channel.end
    found = _CHANNEL_NAME.match(text, q, s.end)
    if found:
        return None, found.end()
    return None, q


_TO = compile_pattern(r"\s*to\s")


def _direction_after(text: str, s: Sentence, pos: int, verb: str,
                     mentions: list[Mention]) -> tuple[str, str | None]:
    """Whether a verb cue reaches forward (its clause follows) or backward (it closes the clause), and the
    channel right after it ("told AFP")."""
    g = _grammar()
    rest = g.filler_words.match(text, pos, s.end)
    q = rest.end() if rest else pos
    channel: str | None = None
    before = g.channel_before.match(text, q, s.end)
    if verb.lower() in ("told", "tells", "tell", "informed") or _TO.match(text[q:q + 4]) or before:
        if before:
            q = before.end()
        channel, q = _channel_at(text, q, s, mentions)
        rest = g.filler_words.match(text, q, s.end)
        q = rest.end() if rest else q
    if q < s.end and text[q] in ",:" and text[q + 1:q + 3].lstrip()[:1] in _OPENING_QUOTES:
        return "forward", channel  # 'She said, "There are 107 patients ..."'
    if q >= s.end or text[q] in ".,;!?\"”’)":
        return "backward", channel
    return "forward", channel


# --- frames ------------------------------------------------------------------------------------------


def _verb_cue(text: str, s: Sentence, start: int, end: int, role: str, boundary: int,
              mentions: list[Mention], discourse: Discourse) -> Cue | None:
    """The cue of a verb frame: its subject (before it, or after it when inverted) and its direction."""
    g = _grammar()
    words = text[start:end]
    lead = text[boundary:start].rstrip()
    inverted = not lead.strip(" \"“‘") or lead[-1] in ",\"”'’"
    quote = max(text.rfind(q, boundary, start) for q in "\"“”;:‘")
    region_start = max(boundary, quote + 1)
    subject = _subject_before(text, s, region_start, start, mentions, discourse)
    if (subject is None or subject.end <= region_start) and inverted and role not in ("document_verb",):
        subject = _subject_after(text, s, end, mentions, discourse)
        if subject is None:
            return None
        return Cue(start, subject.end, subject.name, subject.kind, "backward", subject.start, subject.end,
                   subject.short)
    if subject is None:
        return None
    if role == "document_verb" and subject.form != "document" and subject.role != "document":
        return None  # "the strike shows", not "the data shows"
    if role == "observer_verb" and (subject.role in BODY_KINDS or subject.role in ("", "document")):
        return None  # "Syria saw 40 deaths": not a witness
    direction, channel = _direction_after(text, s, end, words, mentions)
    if role == "strict_verb" and subject.form in ("person", "organization") and direction != "backward":
        return None  # "Hextar Technologies added 15 sen": not a statement
    back = bool(g.this_object.match(text, end, s.end))  # "disclosed this": the figures said before
    if back:
        direction = "backward"
    return Cue(subject.start, end, subject.name, subject.kind, direction, subject.start, subject.end,
               subject.short, channel, back)


def _quoted_cue(text: str, s: Sentence, start: int, end: int, boundary: int, mentions: list[Mention],
                discourse: Discourse) -> Cue | None:
    """"X quoted Y as saying": Y is the source, X the channel."""
    speaker = _subject_after(text, s, end, mentions, discourse)
    said = _AS_SAYING.match(text, speaker.end, s.end) if speaker else None
    if speaker is None or said is None:
        return None
    carrier = _subject_before(text, s, boundary, start, mentions, discourse)
    channel = carrier.name if carrier is not None and carrier.kind == "news_agency" else None
    tail = text[said.end():s.end].lstrip()
    direction = "backward" if not tail or tail[0] in ".;!?" else "forward"
    return Cue(speaker.start, said.end(), speaker.name, speaker.kind, direction, speaker.start, speaker.end,
               speaker.short, channel)


def _participle_cue(text: str, s: Sentence, start: int, end: int, mentions: list[Mention]) -> Cue | None:
    """", counting 99 deaths": the speaker that opens the sentence, when a comma comes before the participle."""
    first = mentions[0] if mentions else None
    if first is None or first.end > start or text[s.start:start].rstrip()[-1:] != "," \
            or text[s.start:first.start].strip(" \"“‘").lower() not in ("", "the"):
        return None
    return Cue(first.start, end, first.name, first.kind, "forward", first.start, first.end, first.short)


def _headline_cues(text: str, s: Sentence, mentions: list[Mention]) -> list[Cue]:
    """Headline conventions: "Floods kill 40: officials", "Toll rises to 143 - authorities",
    "Rights group: 75 detained"."""
    if not mentions or text[s.end - 1] in ".!?\"”":
        return []
    out: list[Cue] = []
    last = mentions[-1]
    if last.end == s.end and last.kind != "state":
        sep = _HEADLINE_TAIL.fullmatch(text, _previous_word_end(text, s.start, last.start), last.start)
        if sep:
            out.append(Cue(sep.start(), last.end, last.name, last.kind, "backward", last.start, last.end, last.short))
    first = mentions[0]
    head = _HEADLINE_HEAD.match(text, first.end, s.end)
    if first.kind != "state" and first.form != "person" and head and not text[s.start:first.start].strip():
        out.append(Cue(first.start, head.end(), first.name, first.kind, "forward", first.start, first.end,
                       first.short))
    return out


def _previous_word_end(text: str, lo: int, pos: int) -> int:
    """Where the word before `pos` ends (after any separator between)."""
    i = pos
    while i > lo and not (text[i - 1].isalnum()):
        i -= 1
    return i


def _cues(text: str, s: Sentence, phrases: _Phrases, mentions: list[Mention],
          discourse: Discourse) -> tuple[list[Cue], bool]:
    """The attribution cues of one sentence, and whether it holds a hedge with no source ("reportedly")."""
    g = _grammar()
    cues: list[Cue] = []
    hedged = False
    boundary = s.start
    for start, end in phrases.cue.finditer(s.start, s.end):
        if any(x.start < start < x.end or (x.start == start and x.role != "document") for x in mentions):
            continue  # a word of a name ("the Reports Office"); "Data released by X" is a frame
        words = text[start:end]
        role = g.roles.get(" ".join(words.lower().replace("’", "'").split()), "verb")
        if role == "none":
            hedged = True
            continue
        if words.lower() in g.not_after_verbs and (g.not_after.match(text, start, s.end)
                                                   or _LIVES.match(text, end, s.end)):
            continue  # "has claimed at least 50 lives"
        if role == "verb_at" or role == "verb_of":
            frame = (g.at_frame if role == "verb_at" else g.of_frame).match(text, end, s.end)
            if frame is None:
                continue
            end, role = frame.end(), "verb"
        cue: Cue | None
        if role == "after":
            subject = _subject_after(text, s, end, mentions, discourse)
            if subject is not None and subject.role == "document" and subject.form == "continuing" \
                    and phrases.cue.match(subject.start, s.end):
                continue  # "according to figures compiled by X": the inner frame names the source
            if subject is None:
                hedged = True
                continue
            tail = text[subject.end:s.end].lstrip()
            at_start = not text[s.start:start].strip(" \"“‘")
            direction = "forward" if at_start else "backward" if not tail or tail[0] in ".;!?" else "both"
            cue = Cue(start, subject.end, subject.name, subject.kind, direction, subject.start, subject.end,
                      subject.short)
        elif role == "quoted":
            cue = _quoted_cue(text, s, start, end, boundary, mentions, discourse)
        elif role == "participle":
            cue = _participle_cue(text, s, start, end, mentions)
        else:
            if _PASSIVE.search(text, max(s.start, start - 12), start):
                hedged = True  # "were reported": no one is named
                continue
            cue = _verb_cue(text, s, start, end, role, boundary, mentions, discourse)
        if cue is not None and cue.name is not None:
            cues.append(cue)
            boundary = max(boundary, end)
            remember(_subject_of(cue, mentions), discourse)
    for m in g.possessive.finditer(text, s.start, s.end):
        owner = next((x for x in mentions
                      if x.end == m.start() or (x.role == "document" and x.start < m.start() < x.end)), None)
        if owner is not None and not (owner.kind == "state" and "toll" in m.group().lower()):
            cues.append(Cue(owner.start, m.end(), owner.name, owner.kind, "both", owner.start, owner.end,
                            owner.short))  # "Pakistan's death toll" is the toll in Pakistan: no source
            remember(owner, discourse)
    if not cues:
        cues = _headline_cues(text, s, mentions)
        for c in cues:
            remember(_subject_of(c, mentions), discourse)
    cues.sort(key=lambda c: c.start)
    return cues, hedged


def _subject_of(cue: Cue, mentions: list[Mention]) -> Mention:
    """The mention a cue's source was read from (or one made for it)."""
    found = next((m for m in mentions if m.start == cue.source_start and m.name == cue.name), None)
    if found is not None:
        return found
    form = "person" if cue.kind == "person" else "organization" if cue.kind == "organization" else "continuing"
    return Mention(cue.source_start, cue.source_end, cue.name or "", cue.kind or "anonymous", form)


def _channels(cues: list[Cue], text: str, s: Sentence, mentions: list[Mention]) -> list[str]:
    """The agencies and broadcasters that carried the sentence's statements: "in an interview with CNN",
    and the agencies whose own cue is not the source ("AFP reported")."""
    g = _grammar()
    out = [c.name for c in cues if c.kind == "news_agency" and c.name is not None]
    if not any(m.kind == "news_agency" for m in mentions):
        return out
    for m in g.channel_before.finditer(text, s.start, s.end):
        name, _ = _channel_at(text, m.end(), s, mentions)
        if name is not None:
            out.append(name)
    return out


def _choose(cues: list[Cue], f: Figure) -> Cue | None:
    """The cue of the figure's own sentence that governs it: the nearest one reaching it."""
    if any(c.source_start < f.end and f.start < c.source_end for c in cues):
        return None  # the figure counts the speakers themselves ("two senior officers")
    usable = [c for c in cues if c.name is not None]
    if len(usable) < 2:
        return usable[0] if usable else None

    def reaches(c: Cue) -> bool:
        if c.direction == "forward":
            return f.start >= c.start
        if c.direction == "backward":
            return f.end <= c.end
        return True

    def distance(c: Cue) -> int:
        return max(c.start - f.end, f.start - c.end, 0)

    before = [c for c in usable if c.end <= f.start and reaches(c)]
    closing = [c for c in usable if c.start >= f.end and c.direction == "backward"]
    if closing and before and before[-1].direction == "both":
        return closing[0]  # "A, according to X, as well as B, according to Y": Y closes B's clause
    if any(c.kind != "news_agency" for c in usable):
        usable = [c for c in usable if c.kind != "news_agency"]  # the agency only carried it
    reaching = [c for c in usable if reaches(c)]
    return min(reaching or usable, key=distance)


_THE_BEFORE = compile_pattern(r"(?i:\bthe\s+)$")


def _cue_text(text: str, cue: Cue) -> str:
    """The words of a cue, with the article of its source: "the Observatory said"."""
    start = cue.start
    article = _THE_BEFORE.search(text[max(0, start - 5):start])
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


def _late_resolution(cue: Cue, sources: Sequence[Source]) -> tuple[str | None, str | None]:
    """A short form nothing before it resolved ("health ministry says" in a headline) takes the first
    gazetteer source it fits named anywhere in the document, else keeps its description."""
    for source in sources:
        if cue.short is not None and fits(cue.short, source) and resolve_source(source.name) is not None:
            return source.name, source.kind
    return cue.name, cue.kind


# --- quotations --------------------------------------------------------------------------------------


def _quote_marks(sentence: str) -> tuple[int, int]:
    """The last opening and closing curly quotation marks of a sentence (-1: none); a ’ closes a quotation
    only after punctuation (elsewhere it is an apostrophe)."""
    opening = max(sentence.rfind("“"), sentence.rfind("‘"))
    closing = max(sentence.rfind("”"), *(sentence.rfind(p + "’") + 1 for p in ",.!?"))
    return opening, closing if closing > 0 else -1


def _quote_open_at_end(s: Sentence, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence (straight or curly quotes)."""
    if not _CURLY.search(s.text):
        return open_before != (s.text.count('"') % 2 == 1)
    opening, closing = _quote_marks(s.text)
    if opening >= 0 or closing >= 0:
        return opening > closing
    return open_before != (s.text.count('"') % 2 == 1)


def _quote_close(sentence: str) -> int:
    """Where the first quotation closing in a sentence closes (-1: none)."""
    found = [p for p in (sentence.find('"'), sentence.find("”")) if p >= 0]
    found += [p + 1 for p in (sentence.find(q + "’") for q in ",.!?") if p >= 0]
    return min(found, default=-1)


def _quote_closing_cue(sentences: Sequence[Sentence], k: int, cues: list[list[Cue]]) -> Cue | None:
    """The cue after the quotation a sentence is part of: '"... 45 bodies. Others are missing," he said.'"""
    paragraph = sentences[k].paragraph
    for j in range(k + 1, min(k + _QUOTE_REACH, len(cues))):
        s = sentences[j]
        if s.paragraph != paragraph:
            return None
        close = _quote_close(s.text)
        if close >= 0:
            after = [c for c in cues[j] if c.name is not None and c.start >= s.start + close]
            return after[0] if after and after[0].start - (s.start + close) <= _QUOTE_GAP else None
    return None


def _pointing_back(cues: list[list[Cue]], k: int) -> Cue | None:
    """A cue of the sentence after `k` that points back at it: "Palestinian authorities disclosed this."."""
    if k + 1 >= len(cues):
        return None
    return next((c for c in cues[k + 1] if c.back and c.name is not None), None)


# --- the document ------------------------------------------------------------------------------------


def attribute_figures(text: str, sentences: Sequence[Sentence], figures: list[Figure]) -> list[Figure]:
    """The figures with `source`, `source_text`, `source_kind` and `channel` set from the text around them."""
    if not figures:
        return figures
    g = _grammar()
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(figures):
        k = bisect_right(starts, f.start) - 1
        by_sentence.setdefault(max(k, 0), []).append(i)
    last_needed = max(by_sentence)
    reach = last_needed + 2  # the sentence after the last figure may point back at it
    while reach < len(sentences) and reach < last_needed + _QUOTE_REACH \
            and sentences[reach].paragraph == sentences[last_needed].paragraph:
        reach += 1  # a quotation may close, with its speaker, after the last figure
    reach = min(reach, len(sentences))
    discourse = Discourse()
    phrases = _Phrases(text)
    all_cues: list[list[Cue]] = []
    all_mentions: list[list[Mention]] = []
    channels: dict[int, list[str]] = {}
    hedges: list[bool] = []
    quoted: list[bool] = []
    for k, s in enumerate(sentences[:reach]):
        mentions = read_mentions(text, s, phrases.speakers, discourse)
        cues, hedged = _cues(text, s, phrases, mentions, discourse)
        all_cues.append(cues)
        all_mentions.append(mentions)
        hedges.append(hedged)
        open_before = bool(quoted) and quoted[-1] and sentences[k - 1].paragraph == s.paragraph
        quoted.append(_quote_open_at_end(s, open_before))
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
                cue = _quote_closing_cue(sentences, k, all_cues)
            pointing = 0
            if cue is None and not cues:
                cue = _pointing_back(all_cues, k)
                pointing = 1 if cue is not None else 0
            if cue is None and not cues and not hedged and f.category not in _LOCAL_ONLY_CATEGORIES:
                cue = paragraph_cue
            if cue is not None and cue.name is not None:
                if cue.short is not None and later is None:
                    later = _later_sources(text, sentences[reach - 1].end, phrases.speakers.alias)
                sources = [*discourse.named, *(later or ())]
                name, kind = _late_resolution(cue, sources) if cue.short else (cue.name, cue.kind)
                channel = cue.channel
                if channel is None and kind != "news_agency" and (pointing or cue in cues):
                    j = k + pointing
                    if j not in channels:
                        channels[j] = _channels(all_cues[j], text, sentences[j], all_mentions[j])
                    channel = next((c for c in channels[j] if c != name), None)
                out[i] = f.replace(source=name, source_kind=kind, source_text=_cue_text(text, cue), channel=channel)
        usable = [c for c in cues if c.name is not None and not c.back]
        if usable:
            agencies = [c for c in usable if c.kind != "news_agency"]
            paragraph_cue = (agencies or usable)[-1]
        elif hedged:
            paragraph_cue = None
    return out
