"""Sentences: offsets into the paragraph; abbreviations, initials and clock times do not end one."""

import pytest

from aligner.load import load
from aligner.segment import split_sentences


def texts(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_abbreviations_and_initials_are_not_sentence_ends():
    text = (
        "Andrew J. Tabler of the U.S. institute met Mr. Kerry and President Vladimir V. Putin. "
        "They spoke at 10 a.m. Friday and again at 5 p.m. on Saturday. It ended."
    )
    assert texts(text) == [
        "Andrew J. Tabler of the U.S. institute met Mr. Kerry and President Vladimir V. Putin.",
        "They spoke at 10 a.m. Friday and again at 5 p.m. on Saturday.",
        "It ended.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles the segmenter does not know, before a name
        ("Mrs. Clinton defended Ms. Rice on Sunday. Then she left.",
         ["Mrs. Clinton defended Ms. Rice on Sunday.", "Then she left."]),
        ("It was then-Rep. Gabrielle Giffords who spoke.", ["It was then-Rep. Gabrielle Giffords who spoke."]),
        # a party and state after a lawmaker's name, and the semicolons of a list of them
        ("Sen. Charles Schumer, D-N.Y., spoke. Others agreed.", ["Sen. Charles Schumer, D-N.Y., spoke.", "Others agreed."]),
        ("Chairman Bob Goodlatte, R-Va.; Chairman Trey Gowdy, R-S.C.; and Devin Nunes said so.",
         ["Chairman Bob Goodlatte, R-Va.; Chairman Trey Gowdy, R-S.C.; and Devin Nunes said so."]),
        # ... but initials that end a sentence still end it, and so does a rank with no name after it
        ("He lives in Washington, D.C. Others do not.", ["He lives in Washington, D.C.", "Others do not."]),
        ("He retired from the Army as a Lt. Col. He now teaches history.",
         ["He retired from the Army as a Lt. Col.", "He now teaches history."]),
        ("He was promoted to Maj. Gen. The ceremony was held on Friday.",
         ["He was promoted to Maj. Gen.", "The ceremony was held on Friday."]),
    ],
)
def test_titles_and_state_abbreviations_are_not_sentence_ends(text, expected):
    assert texts(text) == expected


def test_spans_are_trimmed_and_cover_the_words():
    text = '  "We agree." Lavrov nodded.  '
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == ['"We agree."', "Lavrov nodded."]


def test_empty_text_has_no_sentences():
    assert split_sentences("") == () and split_sentences("   ") == ()


def test_the_seeds_split_into_159_sentences(seeds_dir):
    paragraphs = load([seeds_dir]).paragraphs
    assert sum(len(p.sentences) for p in paragraphs) == 159
    for p in paragraphs:
        assert all(0 <= s.start < s.end <= len(p.text) for s in p.sentences)


@pytest.mark.parametrize(
    "text,expected",
    [
        ('"Why now?" Lavrov asked reporters.', ['"Why now?" Lavrov asked reporters.']),
        ('"Are we there yet?" Secretary of State John Kerry asked.', ['"Are we there yet?" Secretary of State John Kerry asked.']),
        ("\u201cWe will not surrender!\u201d Putin told the crowd. He left.",
         ["\u201cWe will not surrender!\u201d Putin told the crowd.", "He left."]),
        ('He asked "Why?" The crowd was silent.', ['He asked "Why?"', "The crowd was silent."]),
        ("The answer was no. Kerry left.", ["The answer was no.", "Kerry left."]),
        ("See No. 3 in the list. It is long.", ["See No. 3 in the list.", "It is long."]),
    ],
)
def test_quoted_questions_keep_their_speaker_and_no_ends_a_sentence(text, expected):
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


@pytest.mark.parametrize("bullet", ["\u2022", "\u25aa", "\u25cf", "\u25a0", "\u25e6"])
def test_a_paragraph_opening_with_a_bullet_is_still_split(bullet):
    """sentencex reads a paragraph that opens with a bullet as one list item and splits nothing."""
    text = f"{bullet} The talks ended on Friday. Both sides left Geneva."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        f"{bullet} The talks ended on Friday.",
        "Both sides left Geneva.",
    ]


def test_a_numbered_item_keeps_its_number_with_its_first_sentence():
    assert texts("1. The first step is taken. Then the second.") == ["1. The first step is taken.", "Then the second."]
    assert texts("The toll rose to 12. 3. Then more came.") == ["The toll rose to 12.", "3. Then more came."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation that goes on from the paragraph before: its closing mark comes first
        ('Just heard we were sued," he tweeted. "This can be good news. Great." Then more.',
         ['Just heard we were sued," he tweeted.', '"This can be good news.', 'Great."', "Then more."]),
        ("we will win,\u201d he said. \u201cThis is good. Great.\u201d",
         ["we will win,\u201d he said.", "\u201cThis is good. Great.\u201d"]),
    ],
)
def test_an_opening_quotation_mark_opens_the_next_sentence(text, expected):
    assert texts(text) == expected


def test_a_bullet_inside_a_paragraph_opens_the_sentence_after_it():
    assert texts("The list: \u2022 one thing. \u2022 Another thing.") == ["The list: \u2022 one thing.", "\u2022 Another thing."]
