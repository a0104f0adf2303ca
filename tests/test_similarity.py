"""sentence_similarity and same_fact: the public scoring the matcher uses."""

import pytest
from rapidfuzz import fuzz

from aligner import same_fact, sentence_similarity, tuning
from aligner.model import sentence_refs
from aligner.similarity import (
    FACT_FEATURE_NAMES,
    FUZZY_STEM_RATIO,
    Prepared,
    _unmatched,
    fact_features,
    prepare,
    prepare_fact,
    score_prepared,
)

KERRY = "Secretary of State John Kerry arrived in Moscow on Thursday to negotiate with Vladimir Putin."


def test_identical_sentences_score_one():
    assert sentence_similarity(KERRY, KERRY) == 1.0
    assert sentence_similarity("Kerry\u2019s \u201ctalks\u201d", "kerry's \"talks\"") == 1.0


def test_empty_input_scores_zero():
    assert sentence_similarity("", KERRY) == 0.0
    assert sentence_similarity("   ", "   ") == 0.0


def test_scores_lie_in_unit_interval_and_are_symmetric():
    pairs = [
        (KERRY, "The weather in Moscow was mild."),
        (KERRY, "John Kerry arrived in Moscow on Thursday."),
        ("Prices rose 5% in May.", "Prices fell 5% in May."),
    ]
    for a, b in pairs:
        forward, backward = sentence_similarity(a, b), sentence_similarity(b, a)
        assert 0.0 <= forward <= 1.0
        assert forward == pytest.approx(backward, abs=1e-9)


def test_paraphrase_outranks_shared_clause_outranks_unrelated():
    paraphrase = "On Thursday Secretary of State John Kerry arrived in Moscow for talks with Vladimir Putin."
    shared_clause = "John Kerry arrived in Moscow on Thursday amid speculation about a deal on Syria."
    unrelated = "The central bank left interest rates unchanged after its meeting in Frankfurt."
    p, c, u = (sentence_similarity(KERRY, x) for x in (paraphrase, shared_clause, unrelated))
    assert p > c > u
    assert u < 0.2


def test_same_fact_decisions():
    assert same_fact(KERRY, "On Thursday Secretary of State John Kerry arrived in Moscow for talks with Vladimir Putin.")
    assert not same_fact(KERRY, "The central bank left interest rates unchanged after its meeting in Frankfurt.")
    assert not same_fact("The Nusra Front is strong.", "Apple released a new phone.")


def test_same_fact_needs_words_and_is_symmetric():
    assert not same_fact("...", "!!!")
    assert not same_fact("...", KERRY)
    extra_clause = "John Kerry arrived in Moscow on Thursday, a day after the Syrian army retook the town of Palmyra."
    assert same_fact(KERRY, extra_clause) == same_fact(extra_clause, KERRY)


def test_models_read_their_weights_from_tuning_at_each_call(monkeypatch):
    """bench/train_similarity.py refits the graded model in place, then fits same_fact on the new
    score: neither score may keep weights bound when the module was imported."""
    a, b = "Kerry met Putin in Moscow.", "Putin met Kerry on Thursday."
    logit = FACT_FEATURE_NAMES.index("similarity_logit")
    before = fact_features(prepare(a), prepare(b), prepare_fact(a), prepare_fact(b))[logit]
    score = score_prepared(prepare(a), prepare(b))
    monkeypatch.setattr(tuning, "SIMILARITY_BIAS", tuning.SIMILARITY_BIAS + 1.0)
    assert fact_features(prepare(a), prepare(b), prepare_fact(a), prepare_fact(b))[logit] == pytest.approx(before + 1.0)
    assert score_prepared(prepare(a), prepare(b)) > score


def test_unmatched_stems_are_those_with_no_exact_or_near_spelling(seeds_alignment):
    """The counting shortcut (one-byte cdist scores, cutoff applied before rounding) gives what
    the plain definition gives, on pairs of the seeds' sentences and on near-cutoff spellings."""

    def plain(a: Prepared, b: Prepared) -> int:
        return sum(
            1 for x in a.content if x not in b.content and not any(fuzz.ratio(x, y) >= FUZZY_STEM_RATIO for y in b.content)
        )

    texts = [r.text for r in sentence_refs(seeds_alignment.paragraphs)]
    pairs = [(texts[i], texts[j]) for i in range(0, len(texts), 7) for j in range(3, len(texts), 11)]
    # "a"*30 + "b"*5 against "a"*30 + "c"*6 scores 84.5: under the cutoff, though it rounds to 85
    pairs += [("a" * 30 + "b" * 5, "a" * 30 + "c" * 6), ("militarily talks", "military talked"), ("", "Kerry")]
    for x, y in pairs:
        a, b = prepare(x), prepare(y)
        assert _unmatched(a, b) == plain(a, b), (x, y)
        assert _unmatched(b, a) == plain(b, a), (y, x)
