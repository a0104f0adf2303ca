"""Term counts and cluster TF-IDF."""

import numpy as np
from scipy import sparse

from aligner.vectors import _unit_rows, context_cosines, counts, tfidf


def test_counts_use_stems_and_skip_stopwords():
    m = counts(["The talks", "talked and talking"], "word")
    assert m.shape[0] == 2
    assert m[0].sum() == 1  # "the" is a stop word; "talks" -> "talk"
    assert m[1].max() == 2  # "talked", "talking" share one stem


def test_rows_are_unit_length_and_single_source_terms_vanish():
    texts = ["Kerry met Putin in Moscow", "Kerry met Lavrov in Moscow", "Zebras graze"]
    x = tfidf(texts, ["a", "b", "c"], "word")
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    assert np.allclose(norms[:2], 1.0, atol=1e-5)
    assert norms[2] == 0.0  # nothing in "Zebras graze" appears in another source
    cosine = (x[0] @ x[1].T).toarray()[0, 0]
    assert 0.0 < cosine < 1.0


def test_context_blends_neighbours_of_the_same_source_only():
    texts = ["alpha gamma", "gamma delta", "gamma delta", "zebra"]
    sources = ["s", "s", "t", "s"]
    x = tfidf(texts, sources, "word")
    plain = (x @ x.T).toarray()
    mixed = context_cosines(x, sources, 0.5)
    assert mixed[0, 2] > plain[0, 2]  # "alpha gamma" borrows "delta" from the paragraph after it
    assert mixed[3].tolist() == [0.0] * 4  # nothing shared with another source: context lends no topic
    assert np.allclose(context_cosines(x, sources, 0.0), plain, atol=1e-6)


def test_context_cosines_are_the_cosines_of_the_blended_rows():
    """Computed from the rows' own products; the same as blending the rows and then comparing."""
    texts = ["Kerry met Putin", "in Moscow on Thursday", "Putin met Kerry in Moscow", "talks on Syria", "Syria talks"]
    sources = ["a", "a", "b", "b", "c"]
    x = tfidf(texts, sources, "char").toarray()
    blended = x.copy()
    blended[0] += 0.3 * x[1]
    blended[1] += 0.3 * x[0]
    blended[2] += 0.3 * x[3]
    blended[3] += 0.3 * x[2]
    blended /= np.linalg.norm(blended, axis=1, keepdims=True)
    np.testing.assert_allclose(context_cosines(tfidf(texts, sources, "char"), sources, 0.3), blended @ blended.T, atol=1e-5)


def test_counts_of_texts_shorter_than_an_n_gram():
    """A cluster whose only word is one letter (" a " is shorter than a 4- or 5-gram) counts that
    padded word as a term for each n-gram size, as it does inside longer texts."""
    m = counts(["a"], "char")
    assert m.shape == (1, 1) and m.toarray().tolist() == [[3.0]]
    assert counts(["", "I."], "char").shape == (2, 1)
    assert counts(["", "..."], "char").shape == (2, 0)
    both = counts(["a", "a b"], "char").toarray()  # " a " in both texts, " b " in the second
    assert sorted(both[0].tolist()) == [0.0, 3.0] and both[1].tolist() == [3.0, 3.0]


def test_unit_rows_keep_empty_rows_empty_wherever_they_are():
    dense = np.array([[0, 0, 0], [3, 4, 0], [0, 0, 0], [0, 0, 2], [0, 0, 0]], dtype=np.float32)
    x = sparse.csr_matrix(dense)
    x.data = np.append(x.data, np.float32(0))  # a stored zero at the end of the last row
    x.indices = np.append(x.indices, np.int32(1))
    x.indptr[-1] += 1
    out = _unit_rows(x).toarray()
    np.testing.assert_allclose(out, [[0, 0, 0], [0.6, 0.8, 0], [0, 0, 0], [0, 0, 1], [0, 0, 0]])
