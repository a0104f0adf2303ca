"""Sentence matches on the seeds, and the match kinds."""

from collections import defaultdict

from aligner import tuning
from aligner.match import match_kind
from aligner.similarity import prepare


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


def test_matches_join_different_sources_each_pair_once(seeds_alignment):
    seen = set()
    for m in seeds_alignment.matches:
        assert m.a.source != m.b.source
        pair = frozenset(((m.a.key, m.a.start), (m.b.key, m.b.start)))
        assert pair not in seen
        seen.add(pair)


def test_a_second_partner_in_one_source_states_another_part(seeds_alignment):
    """A sentence matches a second sentence of one source only when that one states another part
    of it: one partner (the best) is such that every other shares with the sentence
    MATCH_SECOND_PARTNER_OWN_WORDS content words that it lacks."""
    partners = defaultdict(list)
    for m in seeds_alignment.matches:
        for this, other in ((m.a, m.b), (m.b, m.a)):
            partners[(this, other.source)].append(other)
    several = {k: v for k, v in partners.items() if len(v) > 1}
    assert several  # the seeds have such sentences (000:14 below)
    for (this, _), others in several.items():
        mine = prepare(seeds_alignment.span_text(this)).content
        content = [prepare(seeds_alignment.span_text(o)).content for o in others]
        assert any(
            all(
                len((mine & c) - best) >= tuning.MATCH_SECOND_PARTNER_OWN_WORDS
                for c in content
                if c is not best
            )
            for best in content
        ), (this, others)


def test_a_sentence_on_another_rows_sub_topic_is_matched_there(seeds_alignment):
    """001:11 covers three sub-topics and sits in one row; its sentence on the joint command centre
    near Amman still matches 000:14 ("would be based near Amman, Jordan") in the row about it,
    beside 000:14's match with 001:3 on the centre's staff."""
    row = {key: g.id for g in seeds_alignment.groups for key in g.members}
    found = {
        frozenset((line_of(seeds_alignment, m.a), line_of(seeds_alignment, m.b))): m for m in seeds_alignment.matches
    }
    amman = found[frozenset({("000", 14), ("001", 11)})]
    assert row[amman.a.key] != row[amman.b.key]
    assert all("Amman" in seeds_alignment.span_text(s) for s in (amman.a, amman.b))
    assert frozenset({("000", 14), ("001", 3)}) in found


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
