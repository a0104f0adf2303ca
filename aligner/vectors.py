"""TF-IDF vectors fitted on the cluster itself, as sparse rows with unit length.

Two views of a text: stemmed content words, and character 3-5-grams inside words (robust to
inflection, transliteration and typos: "Sergei"/"Sergey", "Rusian"). The IDF comes from the
cluster's own paragraphs, so the words every outlet uses for the story weigh little and the words
that single out a sub-topic weigh most.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from aligner import tuning
from aligner.similarity import STOPWORDS
from aligner.text import stem, words


def word_features(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit()]


def char_features(text: str) -> list[str]:
    out: list[str] = []
    low, high = tuning.CHAR_NGRAMS
    for w in words(text):
        padded = f" {w} "
        for n in range(low, high + 1):
            out.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return out


def tfidf(docs: Sequence[Sequence[str]], groups: Sequence[str]) -> sparse.csr_matrix:
    """Unit-length TF-IDF rows (sublinear tf, IDF raised to tuning.IDF_POWER).

    Terms used by only one of `groups` (sources) are dropped: they can never link two sources,
    yet they would lengthen their rows and so shrink every cross-source cosine."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, doc in enumerate(docs):
        for term, count in Counter(doc).items():
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(1.0 + math.log(count))
    shape = (len(docs), len(vocab))
    x = sparse.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=shape)
    if not vocab:
        return x
    df = np.bincount(x.indices, minlength=len(vocab))
    idf = (np.log((1 + len(docs)) / (1 + df)) + 1) ** tuning.IDF_POWER
    group_ids = {g: k for k, g in enumerate(dict.fromkeys(groups))}
    if len(group_ids) > 1:
        owner = np.array([group_ids[g] for g in groups])
        spread = sparse.csr_matrix(
            (np.ones(len(owner), dtype=np.float32), (owner, np.arange(len(owner)))),
            shape=(len(group_ids), len(owner)),
        ) @ (x > 0).astype(np.float32)
        idf = idf * (np.asarray((spread > 0).sum(axis=0)).ravel() >= 2)
    return normalize(x @ sparse.diags(idf.astype(np.float32)))


def normalize(x: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags((1.0 / norms).astype(np.float32)) @ x)


def with_context(x: sparse.csr_matrix, groups: Sequence[str], weight: float) -> sparse.csr_matrix:
    """Each row plus `weight` times its neighbours in the same group (the article's adjacent
    paragraphs), renormalised: a quote or a short follow-up borrows its topic from around it."""
    n = x.shape[0]
    if weight <= 0 or n < 2:
        return x
    rows, cols, vals = list(range(n)), list(range(n)), [1.0] * n
    for i in range(n - 1):
        if groups[i] == groups[i + 1]:
            rows += [i, i + 1]
            cols += [i + 1, i]
            vals += [weight, weight]
    mix = sparse.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(n, n))
    return normalize(mix @ x)
