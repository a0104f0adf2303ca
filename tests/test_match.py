"""Sentence matches on the seeds, and the match kinds."""

from aligner.match import match_kind


def line_of(alignment, span):
    return span.source[:3], alignment.paragraph(span.key).line


def test_the_reused_nyt_passages_are_matched_as_near_verbatim(seeds_alignment):
    found = {
        frozenset((line_of(seeds_alignment, m.a), line_of(seeds_alignment, m.b))): m for m in seeds_alignment.matches
    }
    for pair in ((("001", 12), ("003", 50)), (("001", 6), ("003", 44)), (("001", 3), ("003", 42))):
        match = found[frozenset(pair)]
        assert match.kind in ("near-verbatim", "verbatim")
        assert match.score > 0.6


def test_paraphrases_of_one_fact_are_matched(seeds_alignment):
    pairs = {frozenset((line_of(seeds_alignment, m.a), line_of(seeds_alignment, m.b))) for m in seeds_alignment.matches}
    assert frozenset({("000", 10), ("002", 8)}) in pairs  # Kerry arrived in Moscow on Thursday
    assert frozenset({("003", 24), ("004", 23)}) in pairs  # "agreed to steps that, if implemented in good faith"


def test_matches_join_different_sources_and_one_sentence_at_most_once_per_source(seeds_alignment):
    seen = set()
    for m in seeds_alignment.matches:
        assert m.a.source != m.b.source
        for this, other in ((m.a, m.b), (m.b, m.a)):
            key = (this.key, this.start, other.source)
            assert key not in seen
            seen.add(key)


def test_match_kinds():
    a = "The Nusra Front has been one of the most effective anti-Assad forces, and rebels coordinate with it."
    assert match_kind(a, a.replace("The", "the", 1)) == "verbatim"
    assert match_kind(a, a.replace("most effective", "strongest")) == "near-verbatim"
    assert match_kind("Kerry arrived in Moscow on Thursday.", "On Thursday, Kerry landed in the Russian capital.") == "paraphrase"


def test_lead_ins_are_never_matched(seeds_alignment):
    """"The Washington Post reported:" credits the next paragraph; matched to "first reported by
    The Washington Post, ..." it took the place of that sentence's real partners."""
    roles = {m_span.key: seeds_alignment.paragraph(m_span.key).role
             for m in seeds_alignment.matches for m_span in (m.a, m.b)}
    assert "lead-in" not in roles.values()
    assert any(p.role == "lead-in" for p in seeds_alignment.paragraphs)  # the seeds have some
