"""All story sentences of a cluster: term counts, TF-IDF rows, and their cross-source cosines.

Built once per alignment. Grouping sums the sentence counts into paragraph counts and takes the
best sentence link between two paragraphs; matching takes its candidate pairs from the same
cosines, so the costly sparse product is computed once, in chunks that bound memory.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from aligner import tuning
from aligner.model import Paragraph, SentenceRef, sentence_refs
from aligner.vectors import counts, tfidf_weights

#: Cosine cells computed per chunk of the sentence-by-sentence product.
_CHUNK_CELLS = 4_000_000


class SentenceIndex:
    """Sentences of `paragraphs`, in order, with word and character term counts."""

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        refs = sentence_refs(paragraphs)
        texts = [r.text for r in refs]
        self._set(refs, counts(texts, "word"), counts(texts, "char"))

    def _set(self, refs: list[SentenceRef], word_counts: sparse.csr_matrix, char_counts: sparse.csr_matrix) -> None:
        self.refs = refs
        self.sources = [r.source for r in refs]
        ids = {s: k for k, s in enumerate(dict.fromkeys(self.sources))}
        self.source_ids = np.fromiter((ids[s] for s in self.sources), dtype=np.int32, count=len(refs))
        self.word_counts = word_counts
        self.char_counts = char_counts
        self._pairs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def restricted(self, sources: Sequence[str]) -> SentenceIndex:
        """The same index over the sentences of some sources only (no recounting)."""
        wanted = set(sources)
        rows = [k for k, s in enumerate(self.sources) if s in wanted]
        subset = SentenceIndex.__new__(SentenceIndex)
        subset._set([self.refs[k] for k in rows], self.word_counts[rows], self.char_counts[rows])
        return subset

    def matrix(self) -> sparse.csr_matrix:
        """Sentence TF-IDF rows: word and character views blended by tuning.WORD_WEIGHT."""
        w = tfidf_weights(self.word_counts, self.sources, tuning.SENTENCE_MAX_DF_SHARE)
        c = tfidf_weights(self.char_counts, self.sources, tuning.SENTENCE_MAX_DF_SHARE)
        return sparse.hstack(
            [w * np.float32(np.sqrt(tuning.WORD_WEIGHT)), c * np.float32(np.sqrt(1 - tuning.WORD_WEIGHT))]
        ).tocsr()

    def cross_source_pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, cols, cosines) of sentence pairs from different sources, each unordered pair
        once (row < col), cosine above tuning.SENTENCE_COSINE_FLOOR. Computed once."""
        if self._pairs is None:
            self._pairs = self._compute_pairs()
        return self._pairs

    def _compute_pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        n = len(self.refs)
        empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32))
        if n == 0:
            return empty
        x = self.matrix()
        transposed = x.T.tocsc()
        step = max(1, _CHUNK_CELLS // n)
        parts = [empty]
        for start in range(0, n, step):
            block = (x[start : start + step] @ transposed).tocoo()
            rows = block.row.astype(np.int64) + start
            cols = block.col.astype(np.int64)
            keep = (rows < cols) & (block.data > tuning.SENTENCE_COSINE_FLOOR)
            keep &= self.source_ids[rows] != self.source_ids[cols]
            parts.append((rows[keep], cols[keep], block.data[keep].astype(np.float32)))
        return tuple(np.concatenate(arrays) for arrays in zip(*parts))  # type: ignore[return-value]
