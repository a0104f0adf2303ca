"""Word diffs point at the changed words in both texts, as written."""

from aligner.diff import word_diff


def changes(a: str, b: str) -> list[tuple[str, str]]:
    """The changed passages, as (text in a, text in b) pairs."""
    return [(a[op.a_start : op.a_end], b[op.b_start : op.b_end]) for op in word_diff(a, b) if op.tag != "equal"]


def test_single_word_substitution():
    a = "it might lead the United States to countenance or even participate in strikes"
    b = "it might lead the United States to support or even participate in strikes"
    assert changes(a, b) == [("countenance", "support")]


def test_typography_and_case_are_not_changes():
    assert changes("the \u201cJoint Group\u201d said", 'The "joint group" said') == []


def test_ranges_cover_the_original_text():
    a, b = "Kerry met Putin on Thursday.", "Kerry met Lavrov on Friday."
    for op in word_diff(a, b):
        assert 0 <= op.a_start <= op.a_end <= len(a)
        assert 0 <= op.b_start <= op.b_end <= len(b)
    assert changes(a, b) == [("Putin", "Lavrov"), ("Thursday", "Friday")]


def test_insertions_and_deletions_have_empty_ranges_on_one_side():
    ops = [op for op in word_diff("a b c", "a c") if op.tag != "equal"]
    assert len(ops) == 1 and ops[0].tag == "delete"
    assert ops[0].b_start == ops[0].b_end
