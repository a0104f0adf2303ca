"""Term counts and TF-IDF vectors fitted on the cluster itself, as sparse rows of unit length.

Two views of a text: stemmed content words, and character 3-5-grams inside words (robust to
inflection, transliteration and typos: "Sergei"/"Sergey", "Rusian"). The IDF comes from the
cluster's own texts, so the words every outlet uses for the story weigh little and the words
that single out a sub-topic weigh most.

Speed: a word's terms are computed once per process and kept as integer ids, so counting a
text costs one cached lookup per word; counts of many texts are assembled in one sparse matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

import numpy as np
from scipy import sparse

from aligner import tuning
from aligner.similarity import STOPWORDS
from aligner.text import stem, words

View = Literal["word", "char"]

_TERM_IDS: dict[str, int] = {}


def _char_ngrams(word: str) -> list[str]:
    low, high = tuning.CHAR_NGRAMS
    padded = f" {word} "
    return [padded[i : i + n] for n in range(low, high + 1) for i in range(max(1, len(padded) - n + 1))]


@lru_cache(maxsize=262144)
def _term_ids(word: str, view: View) -> tuple[int, ...]:
    """Ids of the terms a (lower-case) word contributes in one view."""
    if view == "word":
        if word in STOPWORDS or word.isdigit():
            return ()
        terms = ["w:" + stem(word)]
    else:
        terms = ["c:" + g for g in _char_ngrams(word)]
    ids = _TERM_IDS
    return tuple([ids.setdefault(t, len(ids)) for t in terms])


def counts(texts: Sequence[str], view: View) -> sparse.csr_matrix:
    """Raw term counts, one row per text, columns only for the terms these texts use."""
    all_ids: list[int] = []
    lengths = np.zeros(len(texts), dtype=np.int64)
    for row, text in enumerate(texts):
        before = len(all_ids)
        for w in words(text):
            all_ids.extend(_term_ids(w, view))
        lengths[row] = len(all_ids) - before
    if not all_ids:
        return sparse.csr_matrix((len(texts), 0), dtype=np.float32)
    ids = np.array(all_ids, dtype=np.int64)
    columns, local = np.unique(ids, return_inverse=True)
    rows = np.repeat(np.arange(len(texts)), lengths)
    matrix = sparse.csr_matrix(
        (np.ones(len(ids), dtype=np.float32), (rows, local)), shape=(len(texts), len(columns))
    )
    matrix.sum_duplicates()
    return matrix


def tfidf_weights(
    raw: sparse.csr_matrix, groups: Sequence[str], max_df_share: float = 1.0
) -> sparse.csr_matrix:
    """Unit-length TF-IDF rows from raw counts (sublinear tf, IDF raised to tuning.IDF_POWER).

    Terms used by only one of `groups` (sources) are dropped: they can never link two sources,
    yet they would lengthen their rows and so shrink every cross-source cosine. Terms in more
    than `max_df_share` of the texts are dropped too when asked: their weight is small, and
    they make a sparse product of many rows nearly dense. A term is never dropped for being in
    fewer than tuning.MAX_DF_FLOOR texts, so small clusters keep every word."""
    x = raw.tocsr(copy=True).astype(np.float32)
    n_docs, n_terms = x.shape
    if n_terms == 0 or n_docs == 0:
        return x
    x.data = 1.0 + np.log(x.data)
    df = np.bincount(x.indices, minlength=n_terms)
    idf = (np.log((1 + n_docs) / (1 + df)) + 1) ** tuning.IDF_POWER
    group_ids = {g: k for k, g in enumerate(dict.fromkeys(groups))}
    if len(group_ids) > 1:
        owner = np.fromiter((group_ids[g] for g in groups), dtype=np.int64, count=n_docs)
        idf = idf * (_groups_per_term(x, owner, len(group_ids)) >= 2)
    if max_df_share < 1.0:
        idf = idf * (df <= max(max_df_share * n_docs, tuning.MAX_DF_FLOOR))
    return normalize(x @ sparse.diags(idf.astype(np.float32)))


def _groups_per_term(x: sparse.csr_matrix, owner: np.ndarray, n_groups: int) -> np.ndarray:
    """How many distinct groups use each term. Rows of one group are usually contiguous (texts
    come article by article); then a column-wise pass counts group changes, with no sort."""
    if np.all(owner[1:] >= owner[:-1]):
        by_column = x.tocsc()
        used = owner[by_column.indices]
        counts = np.zeros(x.shape[1], dtype=np.int64)
        if len(used):
            new = np.ones(len(used), dtype=np.int64)
            new[1:] = used[1:] != used[:-1]
            nonempty = np.diff(by_column.indptr) > 0
            starts = by_column.indptr[:-1][nonempty]
            new[starts] = 1  # the first entry of every column starts a group
            counts[nonempty] = np.add.reduceat(new, starts)
        return counts
    pairs = np.unique(x.indices.astype(np.int64) * n_groups + np.repeat(owner, np.diff(x.indptr)))
    return np.bincount(pairs // n_groups, minlength=x.shape[1])


def tfidf(texts: Sequence[str], groups: Sequence[str], view: View) -> sparse.csr_matrix:
    return tfidf_weights(counts(texts, view), groups)


def normalize(x: sparse.csr_matrix) -> sparse.csr_matrix:
    x = sparse.csr_matrix(x, dtype=np.float32)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags((1.0 / norms).astype(np.float32)) @ x)


def with_context(x: sparse.csr_matrix, groups: Sequence[str], weight: float) -> sparse.csr_matrix:
    """Each row plus `weight` times its neighbours in the same group (the article's adjacent
    paragraphs), renormalised: a quote or a short follow-up borrows its topic from around it."""
    n = x.shape[0]
    if weight <= 0 or n < 2:
        return x
    same = np.array([groups[i] == groups[i + 1] for i in range(n - 1)], dtype=bool)
    upper = np.flatnonzero(same)
    rows = np.concatenate([np.arange(n), upper, upper + 1])
    cols = np.concatenate([np.arange(n), upper + 1, upper])
    vals = np.concatenate([np.ones(n), np.full(2 * len(upper), weight)]).astype(np.float32)
    mix = sparse.csr_matrix((vals, (rows, cols)), shape=(n, n))
    # A paragraph with no term in common with another source stays empty: its neighbours may
    # colour a topic it has, not lend it one.
    empty = np.flatnonzero(np.diff(x.indptr) == 0)
    mix = sparse.csr_matrix(sparse.diags(np.isin(np.arange(n), empty, invert=True).astype(np.float32)) @ mix)
    return normalize(mix @ x)
