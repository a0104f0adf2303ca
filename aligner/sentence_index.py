"""All story sentences of a cluster as TF-IDF rows, and their cross-source cosines in chunks.

Grouping uses it for the best sentence link between two paragraphs; matching uses it to find
candidate pairs without comparing every sentence with every other one in Python.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from aligner import tuning
from aligner.model import Paragraph, ParagraphKey
from aligner.vectors import char_features, tfidf, word_features

#: Cosines computed per chunk, so memory stays bounded on large clusters.
_CHUNK_CELLS = 4_000_000


@dataclass(frozen=True, slots=True)
class SentenceRef:
    paragraph: ParagraphKey
    sentence: int  # index into Paragraph.sentences
    start: int  # offsets of the sentence in the paragraph text
    end: int
    text: str

    @property
    def source(self) -> str:
        return self.paragraph[0]


class SentenceIndex:
    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.refs: list[SentenceRef] = [
            SentenceRef(p.key, i, s.start, s.end, p.text[s.start : s.end])
            for p in paragraphs
            for i, s in enumerate(p.sentences)
        ]
        sources = [r.source for r in self.refs]
        ids = {s: k for k, s in enumerate(dict.fromkeys(sources))}
        self.source_ids = np.array([ids[s] for s in sources], dtype=np.int32)
        if self.refs:
            w = tfidf([word_features(r.text) for r in self.refs], sources)
            c = tfidf([char_features(r.text) for r in self.refs], sources)
            self.matrix = sparse.hstack(
                [w * np.sqrt(tuning.WORD_WEIGHT), c * np.sqrt(1 - tuning.WORD_WEIGHT)]
            ).tocsr()
        else:
            self.matrix = sparse.csr_matrix((0, 0), dtype=np.float32)

    def cross_source_cosines(self, floor: float = 0.0) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """(rows, cols, cosines) of sentence pairs from different sources with cosine > floor,
        each unordered pair once (row < col)."""
        n = len(self.refs)
        if n == 0:
            return
        step = max(1, _CHUNK_CELLS // n)
        transposed = self.matrix.T.tocsc()
        for start in range(0, n, step):
            block = (self.matrix[start : start + step] @ transposed).tocoo()
            rows = block.row + start
            keep = (rows < block.col) & (block.data > floor)
            rows, cols, data = rows[keep], block.col[keep], block.data[keep]
            cross = self.source_ids[rows] != self.source_ids[cols]
            yield rows[cross], cols[cross], data[cross]
