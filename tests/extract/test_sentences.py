"""Sentence splitting with exact offsets: abbreviations, quotes, ellipses, headlines, datelines, paragraphs,
odd spaces. Each expected sentence is (start offset, text); the end is start + len(text)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract.sentences import split_sentences

ABBREVIATIONS = [
    pytest.param("The U.S. sent 200 troops. They arrived on Monday.",
                 [(0, "The U.S. sent 200 troops."), (26, "They arrived on Monday.")], id="us-mid-sentence"),
    pytest.param("The U.N. said 5 people died.", [(0, "The U.N. said 5 people died.")], id="un-initials"),
    pytest.param("The talks began on Dec. 8 in Geneva. Both sides attended.",
                 [(0, "The talks began on Dec. 8 in Geneva."), (37, "Both sides attended.")], id="dec-before-digit"),
    pytest.param("Gen. Smith said 12 soldiers died. The army denied it.",
                 [(0, "Gen. Smith said 12 soldiers died."), (34, "The army denied it.")], id="gen-title"),
    pytest.param("Mr. Assad and Dr. Ahmed met at 3 p.m. on Monday. Nothing was agreed.",
                 [(0, "Mr. Assad and Dr. Ahmed met at 3 p.m. on Monday."), (49, "Nothing was agreed.")],
                 id="mr-dr-pm"),
    pytest.param("J. R. R. Tolkien wrote it. Then he died.",
                 [(0, "J. R. R. Tolkien wrote it."), (27, "Then he died.")], id="initials"),
    pytest.param("Between Jan. 1 and Feb. 3 in 2012, 300 people died. Mar. was calm.",
                 [(0, "Between Jan. 1 and Feb. 3 in 2012, 300 people died."), (52, "Mar. was calm.")],
                 id="month-abbreviations"),
    pytest.param("No. 10 Downing St. is here. Yes.", [(0, "No. 10 Downing St. is here."), (28, "Yes.")],
                 id="no-and-st"),
    pytest.param("The toll is 1,234.5 tonnes. Next.", [(0, "The toll is 1,234.5 tonnes."), (28, "Next.")],
                 id="decimal-point-is-no-end"),
]

QUOTES = [
    pytest.param('"No one... can penetrate the city," he said. The siege went on.',
                 [(0, '"No one... can penetrate the city," he said.'), (45, "The siege went on.")],
                 id="ellipsis-inside-quote"),
    pytest.param('He said: "We are ready." Then he left.',
                 [(0, 'He said: "We are ready."'), (25, "Then he left.")], id="stop-inside-quote"),
    pytest.param("\u201cTen people died,\u201d he said. \u201cMore will.\u201d",
                 [(0, "\u201cTen people died,\u201d he said."), (28, "\u201cMore will.\u201d")], id="curly-quotes"),
    pytest.param("Wait... What happened?", [(0, "Wait..."), (8, "What happened?")], id="ellipsis-then-capital"),
    pytest.param("He said (twice). Then left.", [(0, "He said (twice)."), (17, "Then left.")],
                 id="bracket-before-stop"),
    pytest.param("Up 2.1% in 2011 (the best year). Down since.",
                 [(0, "Up 2.1% in 2011 (the best year)."), (33, "Down since.")], id="stop-after-bracket"),
    pytest.param("Is it true? Yes! It is.", [(0, "Is it true?"), (12, "Yes!"), (17, "It is.")],
                 id="question-and-exclamation"),
]

LAYOUT = [
    pytest.param("Syria: 826 killed in Homs\nBEIRUT, Dec 8 (AFP) - At least 826 people have been killed. "
                 "The toll is rising.",
                 [(0, "Syria: 826 killed in Homs"),
                  (26, "BEIRUT, Dec 8 (AFP) - At least 826 people have been killed."),
                  (86, "The toll is rising.")], id="headline-and-dateline"),
    pytest.param("Homs falls\nBy Jane Doe\n12 Dec 2024\n\nThe city fell.",
                 [(0, "Homs falls"), (11, "By Jane Doe"), (23, "12 Dec 2024"), (36, "The city fell.")],
                 id="lines-without-full-stops"),
    pytest.param("First paragraph ends here.\n\nSecond paragraph starts here. It has two sentences.",
                 [(0, "First paragraph ends here."), (28, "Second paragraph starts here."),
                  (58, "It has two sentences.")], id="blank-line-paragraphs"),
    pytest.param("One.\n\n\n   \n\nTwo.", [(0, "One."), (12, "Two.")], id="blank-lines-with-spaces"),
    pytest.param("Prices rose 5%.\u00a0Exports fell.", [(0, "Prices rose 5%."), (16, "Exports fell.")],
                 id="nbsp-between-sentences"),
    pytest.param("Prices rose 5%. \u00a0Exports fell.", [(0, "Prices rose 5%."), (17, "Exports fell.")],
                 id="space-and-nbsp"),
    pytest.param("Some\u00a0826\u00a0people died. Others fled.",
                 [(0, "Some\u00a0826\u00a0people died."), (22, "Others fled.")], id="nbsp-inside-sentence"),
    pytest.param("  Leading spaces. Trailing spaces.  ", [(2, "Leading spaces."), (18, "Trailing spaces.")],
                 id="outer-spaces-trimmed"),
    pytest.param("Line one\r\nLine two.", [(0, "Line one"), (10, "Line two.")], id="crlf"),
    pytest.param("Sentence one.\tSentence two.", [(0, "Sentence one."), (14, "Sentence two.")], id="tab"),
    pytest.param("at least 12 dead.Then more", [(0, "at least 12 dead.Then more")], id="no-space-no-split"),
    pytest.param("", [], id="empty"),
    pytest.param(" \n\t\n ", [], id="only-whitespace"),
    pytest.param("No full stop at all", [(0, "No full stop at all")], id="no-full-stop"),
]


@pytest.mark.parametrize(("doc", "expected"), ABBREVIATIONS + QUOTES + LAYOUT)
def test_split_sentences(doc: str, expected: list[tuple[int, str]]) -> None:
    got = split_sentences(doc)
    for s in got:
        assert s.text == doc[s.start:s.end]
    assert [(s.start, s.text) for s in got] == expected
    assert [s.end for s in got] == [start + len(text) for start, text in expected]


def test_paragraph_numbers_count_non_blank_lines() -> None:
    doc = "Headline\n\nBEIRUT (AFP) - One. Two.\n\nThree."
    assert [(s.text, s.paragraph) for s in split_sentences(doc)] == [
        ("Headline", 0), ("BEIRUT (AFP) - One.", 1), ("Two.", 1), ("Three.", 2),
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab A.?!\"'\u201d)( \n\u00a0\t\r1,")), max_size=60) | st.text())
def test_sentences_are_ordered_trimmed_slices(doc: str) -> None:
    previous_end = 0
    for s in split_sentences(doc):
        assert s.text == doc[s.start:s.end]
        assert s.text and s.text == s.text.strip()
        assert previous_end <= s.start < s.end
        assert "\n" not in s.text
        previous_end = s.end
