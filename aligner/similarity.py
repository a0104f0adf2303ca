"""How alike two sentences are, and whether they state the same fact.

A logistic model over lexical scores: rapidfuzz edit ratios on folded text and on sorted words,
stem overlap, how much of each sentence the other covers (stems matched exactly or fuzzily,
character trigrams), numbers in common and word order. It is fitted by
`bench/train_similarity.py` on graded STS-B pairs (similarity 0-5) together with MSRP paraphrase
decisions, so that a shared clause inside a longer sentence scores between unrelated text and a
paraphrase, as a reader would grade it. Nothing here needs a corpus, so the function is the same
in the aligner, the tests and the benchmarks.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from aligner import tuning
from aligner.text import fold, stem, words

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
    tokens = tuple(words(sentence))
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
        trigrams=frozenset(joined[i : i + 3] for i in range(len(joined) - 2)),
    )


FEATURE_NAMES = (
    "ratio", "sorted_ratio", "set_ratio", "jaccard", "containment", "length_ratio",
    "bigram_jaccard", "order", "numbers", "trigram_jaccard", "trigram_containment",
    "cover_min", "cover_max",
)
#: Two stems count as the same word when this similar (typos, "militarily"/"military").
FUZZY_STEM_RATIO = 85


def _cover(a: Prepared, b: Prepared) -> float:
    """Share of a's content stems found in b, exactly or as a near spelling."""
    if not a.content:
        return 0.0
    missing = [x for x in a.content if x not in b.content]
    if not missing or not b.content:
        return 1.0 - len(missing) / len(a.content)
    near = process.cdist(missing, list(b.content), scorer=fuzz.ratio, score_cutoff=FUZZY_STEM_RATIO)
    found = len(a.content) - len(missing) + int((near.max(axis=1) > 0).sum())
    return found / len(a.content)


def features(a: Prepared, b: Prepared) -> tuple[float, ...]:
    """The model's inputs, each in [0, 1]."""
    ca, cb = a.content, b.content
    common = len(ca & cb)
    union = len(ca | cb)
    shorter = min(len(ca), len(cb))
    bigram_union = len(a.bigrams | b.bigrams)
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
    cover_ab, cover_ba = _cover(a, b), _cover(b, a)
    return (
        fuzz.ratio(a.folded, b.folded) / 100,
        fuzz.ratio(a.sorted_words, b.sorted_words) / 100,
        fuzz.token_set_ratio(a.folded, b.folded) / 100,
        common / union if union else 0.0,
        common / shorter if shorter else 0.0,
        min(la, lb) / max(la, lb) if la and lb else 0.0,
        len(a.bigrams & b.bigrams) / bigram_union if bigram_union else 0.0,
        order,
        numbers,
        tri_common / len(ta | tb) if ta or tb else 0.0,
        tri_common / min(len(ta), len(tb)) if ta and tb else 0.0,
        min(cover_ab, cover_ba),
        max(cover_ab, cover_ba),
    )


def score_prepared(a: Prepared, b: Prepared) -> float:
    z = tuning.SIMILARITY_BIAS + sum(w * x for w, x in zip(tuning.SIMILARITY_WEIGHTS, features(a, b)))
    return 1.0 / (1.0 + math.exp(-z))


def sentence_similarity(a: str, b: str) -> float:
    """How much two sentences say the same thing, in [0, 1]: about 0.1 for unrelated sentences of
    one story, 0.3-0.5 for a shared fact inside different sentences, above 0.6 for a paraphrase."""
    if not a.strip() or not b.strip():
        return 0.0
    if fold(a).lower() == fold(b).lower():
        return 1.0
    return score_prepared(prepare(a), prepare(b))


def same_fact(a: str, b: str) -> bool:
    """Whether two sentences state the same fact (the paraphrase decision MSRP grades)."""
    return sentence_similarity(a, b) >= tuning.SAME_FACT_THRESHOLD
