"""aligner.compare: the detectors on one pair of sentences, as the aligner runs them after its gate."""

import pytest

from aligner import Flag, compare


def test_returns_ranked_flags_with_placeholder_spans():
    a = "The suggested Joint Operation Group would be based near Amman, Jordan, officials said on Monday."
    b = "The suggested Joint Implementation Group would be based near Amman, Jordan, officials said on Monday."
    flags = compare(a, b)
    assert flags and all(isinstance(f, Flag) for f in flags)
    assert [f.score for f in flags] == sorted((f.score for f in flags), reverse=True)
    f = flags[0]
    assert (f.a.source, f.a.paragraph, f.b.source, f.b.paragraph) == ("a", 0, "b", 0)
    assert a[f.a.start : f.a.end] and b[f.b.start : f.b.end]


def test_identical_and_unrelated_sentences_give_nothing():
    s = "Kerry met Putin in Moscow on Thursday to discuss the proposal."
    assert compare(s, s) == []
    assert compare(s, "Oil prices rose sharply in Asian trading on Monday.") == []
    assert compare("", "") == []


def test_dates_may_be_iso_strings_or_dates():
    from datetime import date

    a, b = "Kerry arrived in Moscow on Thursday for talks.", "Kerry arrived in Moscow on Wednesday for talks."
    assert compare(a, b, date_a="2016-07-14", date_b="2016-07-14") == compare(
        a, b, date_a=date(2016, 7, 14), date_b=date(2016, 7, 14)
    )


@pytest.mark.parametrize("text", ["[/] <b> \x1b[31m", "\u202e\u200b", "1,2,3,4,5 6 7 8 9 10", "None of none, not no never."])
def test_odd_text_does_not_crash(text):
    compare(text, text + " x")
    compare(text, "The man is not here.")
