"""Split a pile of articles into blocks that report related events.

Given fifty articles on one story, this is one block and changes nothing. Given two hundred
articles on seventy stories, paragraphs of unrelated stories are never compared, which keeps
the quadratic stages (paragraph and sentence similarity, clustering) fast and their memory
small. Articles are clustered by average link over two whole-text TF-IDF cosines, and two
articles are linked only as far as both allow:
- over the terms that at least two articles share: it measures what they have in common, but
  an outsider keeps only the few words it shares with the rest (its own vocabulary is dropped),
  so alone it looks like part of any small pile on the same beat;
- over every term: it counts what an article does not share too.
The thresholds are low, so that one story is never split. Measured by `bench/blocks.py` on the
76 events of the evaluation data: none is split, and the weakest holds together up to 1.23 times
the thresholds; 72% of random pairs of events piled together come apart (14% with the first
cosine alone), and 72% of lone articles of another event are set apart (none with it alone).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from aligner import tuning
from aligner.group import average_link
from aligner.sentence_index import SentenceIndex
from aligner.vectors import tfidf_weights


def event_blocks(index: SentenceIndex) -> list[list[str]]:
    """Source ids grouped into blocks, each block in input order, blocks by first source."""
    sources = list(dict.fromkeys(index.sources))
    if len(sources) <= 2:
        return [sources] if sources else []
    similarity, sources = block_similarity(index)
    clusters = average_link(similarity, sources, 1.0)
    blocks = [[sources[i] for i in sorted(c)] for c in clusters]
    return sorted(blocks, key=lambda b: sources.index(b[0]))


def block_similarity(index: SentenceIndex) -> tuple[np.ndarray, list[str]]:
    """How strongly every two articles are linked, as a share of the thresholds (two articles
    at 1.0 or more may share a block), and the source ids in the matrix's order."""
    sources = list(dict.fromkeys(index.sources))
    owner = index.source_ids
    to_docs = sparse.csr_matrix(
        (np.ones(len(owner), dtype=np.float32), (owner, np.arange(len(owner)))), shape=(len(sources), len(owner))
    )
    counts = to_docs @ index.word_counts
    shared = tfidf_weights(counts, sources)
    every = tfidf_weights(counts, [""] * len(sources))  # one group: no term is dropped
    similarity = np.minimum(
        (shared @ shared.T).toarray() / tuning.EVENT_BLOCK_LINK,
        (every @ every.T).toarray() / tuning.EVENT_BLOCK_FULL_LINK,
    )
    return similarity, sources
