"""Term counts and TF-IDF vectors fitted on the cluster itself, as sparse rows of unit length.

Two views of a text: stemmed content words, and character 3-5-grams inside words (robust to
inflection, transliteration and typos: "Sergei"/"Sergey", "Rusian"). The IDF comes from the
cluster's own texts, so the words every outlet uses for the story weigh little and the words
that single out a sub-topic weigh most.

Speed: the counts of all texts are built at once: character n-grams are hashed by numpy over
the whole cluster, content words are stemmed once per distinct word, and the pairs
(text, term) go into one sparse matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from scipy import sparse

from aligner import tuning
from aligner.similarity import STOPWORDS
from aligner.text import stem, words

View = Literal["word", "char"]

#: FNV-1a (64 bits) over code points names a character n-gram by a number, so all n-grams of a
#: cluster are hashed at once with numpy. Two distinct n-grams of a cluster share a number with
#: odds of about n²/2⁶⁵ (some 10⁻¹⁰ for 50,000 of them): as good as exact for TF-IDF.
_FNV_OFFSET = np.uint64(0xCBF29CE484222325)
_FNV_PRIME = np.uint64(0x100000001B3)


def counts(texts: Sequence[str], view: View) -> sparse.csr_matrix:
    """Raw term counts, one row per text, columns only for the terms these texts use."""
    tokens = [words(text) for text in texts]
    flat = [w for of_text in tokens for w in of_text]
    text_of_token = np.repeat(np.arange(len(texts)), [len(of_text) for of_text in tokens])
    rows, terms = (_word_terms if view == "word" else _char_terms)(flat, text_of_token)
    if len(terms) == 0:
        return sparse.csr_matrix((len(texts), 0), dtype=np.float32)
    columns, local = np.unique(terms, return_inverse=True)
    matrix = sparse.csr_matrix(
        (np.ones(len(terms), dtype=np.float32), (rows, local.ravel())), shape=(len(texts), len(columns))
    )
    matrix.sum_duplicates()
    return matrix


def _word_terms(flat: list[str], text_of_token: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(text, term) of every content word: its stem, numbered; stop words and numbers have none."""
    stems: dict[str, int] = {}
    term_of = {
        w: -1 if w in STOPWORDS or w.isdigit() else stems.setdefault(stem(w), len(stems)) for w in dict.fromkeys(flat)
    }
    terms = np.fromiter(map(term_of.__getitem__, flat), dtype=np.int64, count=len(flat))
    keep = terms >= 0
    return text_of_token[keep], terms[keep]


def _char_terms(flat: list[str], text_of_token: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(text, term) of every character n-gram (tuning.CHAR_NGRAMS) inside each word padded with
    a space each side (" talk", "alks "); a padded word shorter than n gives itself whole."""
    if not flat:
        return np.zeros(0, np.int64), np.zeros(0, np.uint64)
    joined = "".join([f" {w} " for w in flat])
    code = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    length = np.fromiter((len(w) + 2 for w in flat), dtype=np.int64, count=len(flat))
    end = np.cumsum(length)
    start = end - length
    token_at = np.repeat(np.arange(len(flat)), length)
    end_at = end[token_at]
    low, high = tuning.CHAR_NGRAMS
    # hashes[k][i]: the hash of the k+1 characters from position i (numpy's uint64 arithmetic wraps)
    hashes = [(_FNV_OFFSET ^ code) * _FNV_PRIME]
    for k in range(1, high):
        hashes.append((hashes[-1][:-1] ^ code[k:]) * _FNV_PRIME)
    rows, terms = [], []
    for n in range(low, high + 1):
        starts = max(len(code) - n + 1, 0)  # positions where n characters still fit
        at = np.flatnonzero(np.arange(starts) + n <= end_at[:starts])
        rows.append(text_of_token[token_at[at]])
        terms.append(hashes[n - 1][at])
        for short in range(3, n):  # padded words shorter than n (3: one letter): the whole, once
            tok = np.flatnonzero(length == short)
            rows.append(text_of_token[tok])
            terms.append(hashes[short - 1][start[tok]])
    return np.concatenate(rows), np.concatenate(terms)


def tfidf_weights(
    raw: sparse.csr_matrix, groups: Sequence[str], max_df_share: float = 1.0
) -> sparse.csr_matrix:
    """Unit-length TF-IDF rows from raw counts (sublinear tf, IDF raised to tuning.IDF_POWER).

    Terms used by only one of `groups` (sources) are dropped: they can never link two sources,
    yet they would lengthen their rows and so shrink every cross-source cosine. Terms in more
    than `max_df_share` of the texts are dropped too when asked: their weight is small, and
    they make a sparse product of many rows nearly dense. A term is never dropped for being in
    fewer than tuning.MAX_DF_FLOOR texts, so small clusters keep every word."""
    x = raw.tocsr().astype(np.float32)  # a copy: the counts are left as they are
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
    x.data *= idf.astype(np.float32)[x.indices]
    x.eliminate_zeros()  # the dropped terms
    return _unit_rows(x)


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


def _unit_rows(x: sparse.csr_matrix) -> sparse.csr_matrix:
    """`x` (float32, owned by the caller) with its rows scaled in place to unit length; empty
    rows stay empty."""
    lengths = np.diff(x.indptr)
    filled = lengths > 0
    norms = np.ones(x.shape[0], dtype=np.float32)
    if len(x.data):
        # per-row sums of squares read off the data array (a fifth of the time of x.multiply(x))
        norms[filled] = np.sqrt(np.add.reduceat(np.square(x.data), x.indptr[:-1][filled]))
        norms[norms == 0] = 1.0  # stored zeros only
    x.data *= np.repeat((1.0 / norms).astype(np.float32), lengths)
    return x


def context_cosines(x: sparse.csr_matrix, groups: Sequence[str], weight: float) -> np.ndarray:
    """Cosines between the rows of `x` (unit-length TF-IDF), each row first blended with
    `weight` times its neighbours in the same group (the article's adjacent paragraphs): a
    quote or a short follow-up borrows its topic from around it. A row with no term (nothing in
    common with another source) stays empty: its neighbours may colour a topic it has, not lend
    it one.

    Blending is linear, so the blended rows' products are M (X Xᵀ) Mᵀ for the n × n mixing
    matrix M, and their lengths its diagonal: X Xᵀ over the rows as they are is the one sparse
    product, three times cheaper than over blended rows, whose terms spread to their neighbours
    (seeds: 3 ms instead of 10 ms)."""
    n = x.shape[0]
    same = np.array([groups[i] == groups[i + 1] for i in range(n - 1)], dtype=bool)
    upper = np.flatnonzero(same)
    rows = np.concatenate([np.arange(n), upper, upper + 1])
    cols = np.concatenate([np.arange(n), upper + 1, upper])
    vals = np.concatenate([np.ones(n), np.full(2 * len(upper), max(weight, 0.0))])
    lent = np.diff(x.indptr)[rows] > 0
    mix = sparse.csr_matrix((vals[lent], (rows[lent], cols[lent])), shape=(n, n))
    # sparse times dense: numpy's BLAS would hand even these small products to a spinning
    # thread (see aligner.group.profile_similarity)
    # (M G)ᵀ = G Mᵀ for the symmetric G = X Xᵀ, so this is M G Mᵀ
    gram = mix @ (mix @ (x @ x.T).toarray().astype(np.float64)).T
    norms = np.sqrt(np.diagonal(gram)).copy()
    norms[norms == 0] = 1.0
    gram /= norms[:, None]
    gram /= norms[None, :]
    return gram.astype(np.float32)
