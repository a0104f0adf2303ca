"""How alike two sentences are, and whether they state the same fact.

sentence_similarity is a logistic model over lexical scores: rapidfuzz edit ratios on folded text
and on sorted words, stem overlap, how much of each sentence the other covers (stems matched
exactly or fuzzily, character trigrams), numbers in common and word order. It is fitted by
`bench/train_similarity.py` on graded STS-B pairs (similarity 0-5) together with MSRP paraphrase
decisions, so that a shared clause inside a longer sentence scores between unrelated text and a
paraphrase, as a reader would grade it.

same_fact is a second logistic model, fitted on MSRP decisions only, whose inputs are the graded
model's features and score plus what tells a paraphrase from a near miss there: how many words
each side leaves unmatched (counts, not shares: one extra clause is what makes most MSRP
non-paraphrases), numbers and names on one side only, BLEU-like n-gram precisions, token edit
distance, and a negation or an attribution ("said") on one side only. The graded score keeps its
calibration for the matcher; only the yes/no decision uses the second model.

Nothing here needs a corpus, so the functions are the same in the aligner, the tests and the
benchmarks.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq, Levenshtein

from aligner import tuning
from aligner.lexicons import MONTHS, WEEKDAYS
from aligner.text import WORD, fold, stem, words

#: Function words carry no fact; leaving them out keeps overlap scores about content.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say mr mrs ms dr s t""".split()
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Prepared:
    """One sentence, folded and tokenised once so that many comparisons stay cheap."""

    folded: str  # lower-cased folded text
    sorted_words: str  # its words, sorted, space-joined
    tokens: tuple[str, ...]  # all word tokens, lower case
    content: frozenset[str]  # stems of content words
    content_seq: tuple[str, ...]  # stems of content words, in order
    bigrams: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    trigrams: frozenset[str]  # character trigrams of the space-joined words


@lru_cache(maxsize=16384)
def prepare(sentence: str) -> Prepared:
    folded = fold(sentence).lower()
    tokens = words(sentence)
    content_seq = tuple(stem(w) for w in tokens if w not in STOPWORDS and not w.isdigit())
    joined = f" {' '.join(tokens)} "
    return Prepared(
        folded=folded,
        sorted_words=" ".join(sorted(tokens)),
        tokens=tokens,
        content=frozenset(content_seq),
        content_seq=content_seq,
        bigrams=frozenset(zip(content_seq, content_seq[1:])),
        numbers=frozenset(n.replace(",", "") for n in _NUMBER.findall(folded)),
        # every 3 consecutive characters (zip builds them in C: a quarter faster than slicing)
        trigrams=frozenset(map("".join, zip(joined, joined[1:], joined[2:]))),
    )


FEATURE_NAMES = (
    "ratio", "sorted_ratio", "set_ratio", "jaccard", "containment", "length_ratio",
    "bigram_jaccard", "order", "numbers", "trigram_jaccard", "trigram_containment",
    "cover_min", "cover_max",
)
#: Two stems count as the same word when this similar (typos, "militarily"/"military").
FUZZY_STEM_RATIO = 85


def _unmatched(a: Prepared, b: Prepared) -> int:
    """How many of a's content stems b has neither exactly nor as a near spelling."""
    missing = a.content - b.content
    if not missing or not b.content:
        return len(missing)
    # scores under the cutoff are 0; one byte per score and a boolean reduction: a third faster
    near = process.cdist(
        list(missing), list(b.content), scorer=fuzz.ratio, score_cutoff=FUZZY_STEM_RATIO, dtype=np.uint8
    )
    return len(missing) - int(np.count_nonzero(near.any(axis=1)))


def _cover(unmatched: int, a: Prepared) -> float:
    """Share of a's content stems found in the other sentence."""
    return 1.0 - unmatched / len(a.content) if a.content else 0.0


def features(a: Prepared, b: Prepared) -> tuple[float, ...]:
    """The graded model's inputs, each in [0, 1]."""
    return _features(a, b, _unmatched(a, b), _unmatched(b, a))


def _features(a: Prepared, b: Prepared, unmatched_a: int, unmatched_b: int) -> tuple[float, ...]:
    # unions counted as |A| + |B| - |A & B|: building them would cost more than the rest
    ca, cb = a.content, b.content
    common = len(ca & cb)
    union = len(ca) + len(cb) - common
    shorter = min(len(ca), len(cb))
    bigram_common = len(a.bigrams & b.bigrams)
    bigram_union = len(a.bigrams) + len(b.bigrams) - bigram_common
    la, lb = len(a.tokens), len(b.tokens)
    if a.numbers or b.numbers:
        numbers = len(a.numbers & b.numbers) / len(a.numbers | b.numbers)
    else:
        numbers = 1.0
    order = (
        LCSseq.similarity(a.content_seq, b.content_seq) / shorter if shorter else 0.0
    )
    ta, tb = a.trigrams, b.trigrams
    tri_common = len(ta & tb)
    tri_union = len(ta) + len(tb) - tri_common
    cover_ab, cover_ba = _cover(unmatched_a, a), _cover(unmatched_b, b)
    return (
        fuzz.ratio(a.folded, b.folded) / 100,
        fuzz.ratio(a.sorted_words, b.sorted_words) / 100,
        fuzz.token_set_ratio(a.folded, b.folded) / 100,
        common / union if union else 0.0,
        common / shorter if shorter else 0.0,
        min(la, lb) / max(la, lb) if la and lb else 0.0,
        bigram_common / bigram_union if bigram_union else 0.0,
        order,
        numbers,
        tri_common / tri_union if tri_union else 0.0,
        tri_common / min(len(ta), len(tb)) if ta and tb else 0.0,
        min(cover_ab, cover_ba),
        max(cover_ab, cover_ba),
    )


def _linear(x: tuple[float, ...], weights: tuple[float, ...], bias: float) -> float:
    """A logistic model's linear score. The weights are read from `tuning` at each call, never
    bound at import: bench/train_similarity.py refits them in place."""
    return bias + sum(w * v for w, v in zip(weights, x))


def score_prepared(a: Prepared, b: Prepared) -> float:
    return 1.0 / (1.0 + math.exp(-_linear(features(a, b), tuning.SIMILARITY_WEIGHTS, tuning.SIMILARITY_BIAS)))


def sentence_similarity(a: str, b: str) -> float:
    """How much two sentences say the same thing, in [0, 1]: about 0.1 for unrelated sentences of
    one story, 0.3-0.5 for a shared fact inside different sentences, above 0.6 for a paraphrase."""
    if not a.strip() or not b.strip():
        return 0.0
    if fold(a).lower() == fold(b).lower():
        return 1.0
    return score_prepared(prepare(a), prepare(b))


#: Negation words as the same_fact model was fitted with them (fewer than the flags' lexicon:
#: changing them would change the model's inputs).
FACT_NEGATIONS = frozenset("not no never nothing none nobody neither nor without cannot".split())
#: Reporting verbs: MSRP non-paraphrases often add or drop who said it.
ATTRIBUTIONS = frozenset("said says say told according reported added stated announced".split())
TIME_WORDS = frozenset(
    (*WEEKDAYS, *MONTHS, "today", "yesterday", "tomorrow", "week", "month", "year", "morning", "afternoon",
     "evening", "night")
)


@dataclass(frozen=True, slots=True)
class FactPrepared:
    """What the same_fact decision reads of one sentence beyond Prepared. Kept apart from Prepared
    so that the matcher, which only grades, does not build it."""

    token_set: frozenset[str]
    stems: tuple[str, ...]  # every token stemmed, stop words included, in order
    ngrams: tuple[Counter, ...]  # counts of stem 1- to 4-grams
    capitals: frozenset[str]  # lower-cased words written with a capital, first word left out
    quadgrams: frozenset[str]  # character 4-grams of the space-joined words
    negations: int
    attributed: bool  # a reporting verb anywhere
    attributed_edge: bool  # ...in the first or last four words ("X said", "..., he said")
    times: frozenset[str]
    quoted: bool
    percent: bool
    money: bool


@lru_cache(maxsize=16384)
def prepare_fact(sentence: str) -> FactPrepared:
    folded = fold(sentence)
    tokens = prepare(sentence).tokens
    token_set = frozenset(tokens)
    stems = tuple(stem(t) for t in tokens)
    joined = f" {' '.join(tokens)} "
    return FactPrepared(
        token_set=token_set,
        stems=stems,
        ngrams=tuple(Counter(zip(*(stems[i:] for i in range(n)))) for n in (1, 2, 3, 4)),
        capitals=frozenset(t.lower() for t in WORD.findall(folded)[1:] if t[0].isupper()),
        quadgrams=frozenset(map("".join, zip(joined, joined[1:], joined[2:], joined[3:]))),
        negations=len(FACT_NEGATIONS & token_set) + sum(t.endswith("n't") for t in tokens),
        attributed=bool(ATTRIBUTIONS & token_set),
        attributed_edge=bool(ATTRIBUTIONS.intersection(tokens[:4] + tokens[-4:])),
        times=TIME_WORDS & token_set,
        quoted='"' in folded,
        percent="%" in folded or "percent" in token_set,
        money="$" in folded,
    )


FACT_FEATURE_NAMES = FEATURE_NAMES + (
    "similarity_logit", "unmatched_min", "unmatched_max", "unmatched_sum", "extra_min", "extra_max",
    "length_diff", "length_log", "length_min", "numbers_alone_min", "numbers_alone_max",
    "numbers_any_alone", "numbers_both", "capitals_jaccard", "capitals_alone", "capitals_alone_max",
    "bleu1_min", "bleu1_max", "bleu2_min", "bleu2_max", "bleu3_min", "bleu3_max", "bleu4_min",
    "bleu4_max", "lcs_of_longer", "lcs_of_shorter", "levenshtein_similarity", "levenshtein_tokens",
    "quadgram_jaccard", "quadgram_containment", "negation_mismatch", "attribution_mismatch",
    "negation_diff", "quote_mismatch", "percent_mismatch", "money_mismatch", "time_words_alone",
    "capitals_alone_min", "attribution_edge_mismatch", "tokens_alone", "tokens_alone_max",
    "tokens_alone_min", "cover_product",
)


def _precision(a: Counter, b: Counter) -> float:
    """Clipped n-gram precision of a against b (BLEU's); 1 when a has no n-gram of that order."""
    total = sum(a.values())
    return sum(min(c, b[g]) for g, c in a.items() if g in b) / total if total else 1.0


def fact_features(a: Prepared, b: Prepared, fa: FactPrepared, fb: FactPrepared) -> tuple[float, ...]:
    """The same_fact model's inputs: the graded model's features and its linear score, then counts
    and mismatches (not bounded to [0, 1])."""
    ua, ub = _unmatched(a, b), _unmatched(b, a)
    base = _features(a, b, ua, ub)
    la, lb = len(a.tokens), len(b.tokens)
    na, nb = len(a.numbers - b.numbers), len(b.numbers - a.numbers)
    ea, eb = len(a.content - b.content), len(b.content - a.content)
    caps_a, caps_b = len(fa.capitals - fb.capitals), len(fb.capitals - fa.capitals)
    caps_union = len(fa.capitals | fb.capitals)
    ta, tb = len(fa.token_set - fb.token_set), len(fb.token_set - fa.token_set)
    bleu: list[float] = []
    for ga, gb in zip(fa.ngrams, fb.ngrams):
        pa, pb = _precision(ga, gb), _precision(gb, ga)
        bleu += (min(pa, pb), max(pa, pb))
    sa, sb = fa.stems, fb.stems
    longer, shorter = max(len(sa), len(sb)), min(len(sa), len(sb))
    lcs = LCSseq.similarity(sa, sb)
    qa, qb = fa.quadgrams, fb.quadgrams
    q_common = len(qa & qb)
    return (
        *base,
        _linear(base, tuning.SIMILARITY_WEIGHTS, tuning.SIMILARITY_BIAS),
        min(ua, ub), max(ua, ub), ua + ub, min(ea, eb), max(ea, eb),
        abs(la - lb), math.log1p(la + lb), min(la, lb),
        min(na, nb), max(na, nb), float(na + nb > 0), float(bool(a.numbers) and bool(b.numbers)),
        len(fa.capitals & fb.capitals) / caps_union if caps_union else 1.0,
        caps_a + caps_b, max(caps_a, caps_b),
        *bleu,
        lcs / longer if longer else 0.0,
        lcs / shorter if shorter else 0.0,
        Levenshtein.normalized_similarity(sa, sb),
        Levenshtein.distance(sa, sb),
        q_common / (len(qa) + len(qb) - q_common) if qa or qb else 0.0,
        q_common / min(len(qa), len(qb)) if qa and qb else 0.0,
        float((fa.negations > 0) != (fb.negations > 0)),
        float(fa.attributed != fb.attributed),
        abs(fa.negations - fb.negations),
        float(fa.quoted != fb.quoted),
        float(fa.percent != fb.percent),
        float(fa.money != fb.money),
        len(fa.times ^ fb.times),
        min(caps_a, caps_b),
        float(fa.attributed_edge != fb.attributed_edge),
        ta + tb, max(ta, tb), min(ta, tb),
        base[11] * base[12],
    )


def same_fact(a: str, b: str) -> bool:
    """Whether two sentences state the same fact (the paraphrase decision MSRP grades)."""
    if not a.strip() or not b.strip():
        return False
    if fold(a).lower() == fold(b).lower():
        return True
    pa, pb = prepare(a), prepare(b)
    if not pa.tokens or not pb.tokens:  # punctuation alone states nothing
        return False
    x = fact_features(pa, pb, prepare_fact(a), prepare_fact(b))
    return _linear(x, tuning.SAME_FACT_WEIGHTS, tuning.SAME_FACT_BIAS) >= 0.0
