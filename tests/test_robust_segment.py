"""Segmentation of paragraphs no article has: long, repetitive, all punctuation or all space.
sentencex slows down with the square of some texts' length; aligner.segment cuts them in windows
that end where sentencex itself ended a sentence, which must not change any real paragraph."""

from __future__ import annotations

import time

import pytest

import aligner.segment as segment
from aligner.load import load
from aligner.segment import split_sentences


def _check(text: str, sentences) -> None:
    end = 0
    for s in sentences:
        assert end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        end = s.end
    covered = set()
    for s in sentences:
        covered.update(range(s.start, s.end))
    assert all(i in covered for i, ch in enumerate(text) if ch.isalnum())


def test_windows_do_not_change_real_paragraphs(seeds_dir, monkeypatch):
    """Real paragraphs are shorter than a window (the longest of the 4,283 in ../shared/eval has
    about 2,000 characters); even with windows of 600 characters the seeds segment the same."""
    paragraphs = [p.text for p in load([seeds_dir]).paragraphs]
    monkeypatch.setattr(segment, "_WINDOW", 10**9)
    whole = [split_sentences(t) for t in paragraphs]
    monkeypatch.setattr(segment, "_WINDOW", 600)
    assert max(map(len, paragraphs)) > 600
    assert [split_sentences(t) for t in paragraphs] == whole


def test_windows_on_a_very_long_paragraph_keep_nearly_every_sentence(seeds_dir, monkeypatch):
    """sentencex carries quotation state from the start of its text, so a window can end a
    sentence one quote mark earlier or later; everything else is the same."""
    body = " ".join(p.text for p in load([seeds_dir]).paragraphs)
    assert len(body) > 5 * segment._WINDOW
    windowed = split_sentences(body)
    _check(body, windowed)
    monkeypatch.setattr(segment, "_WINDOW", 10**9)
    whole = split_sentences(body)
    assert len(set(windowed) & set(whole)) >= 0.95 * len(whole)


@pytest.mark.parametrize(
    ("unit", "repeat"),
    [
        (" at 10 a.m. ET.", 40_000),  # sentencex alone: 17 s
        ("\u4e2d\u6587\u53e5\u5b50\u3002", 100_000),  # CJK sentences
        ("!? ", 200_000),  # nothing but punctuation: one long chain of merges
        (" ", 2_000_000),  # nothing but space after one sentence
        ("a", 1_000_000),  # one word, no space to cut at
    ],
    ids=["clock-times", "cjk", "punctuation", "spaces", "one-word"],
)
def test_pathological_paragraphs_stay_linear(unit, repeat):
    text = "Go. " + unit * repeat
    started = time.perf_counter()
    sentences = split_sentences(text)
    assert time.perf_counter() - started < 15
    _check(text, sentences)


@pytest.mark.parametrize(
    "text",
    ["\u00a0A\u00a0. .\u200b\"", "Z\u2009.", "G \u00a0. July 14, 2016 \u00a0.\u201d x", "A\u3000.' B\u202f."],
)
def test_initial_before_a_unicode_space_and_a_full_stop(text):
    """sentencex 1.0 panics on these (a Rust panic, not an Exception); found by the property tests."""
    _check(text, split_sentences(text))


def test_a_segmenter_panic_falls_back_to_punctuation(monkeypatch):
    class PanicException(BaseException):  # what pyo3 raises for a Rust panic
        pass

    def panics(language, text):
        raise PanicException("end byte index 4 is not a char boundary")

    monkeypatch.setattr(segment.sentencex, "get_sentence_boundaries", panics)
    text = "Kerry met Lavrov. \u201cWe agree,\u201d he said! Talks resume Friday"
    sentences = split_sentences(text)
    assert [text[s.start : s.end] for s in sentences] == [
        "Kerry met Lavrov.", "\u201cWe agree,\u201d he said!", "Talks resume Friday",
    ]


def test_other_errors_of_the_segmenter_are_not_swallowed(monkeypatch):
    def interrupted(language, text):
        raise KeyboardInterrupt

    monkeypatch.setattr(segment.sentencex, "get_sentence_boundaries", interrupted)
    with pytest.raises(KeyboardInterrupt):
        split_sentences("Kerry met Lavrov.")
