"""Split a pile of articles into blocks that report related events.

Given fifty articles on one story, this is one block and changes nothing. Given two hundred
articles on seventy stories, paragraphs of unrelated stories are never compared, which keeps
the quadratic stages (paragraph and sentence similarity, clustering) fast and their memory
small. Articles are clustered by the average-link cosine of their whole-text TF-IDF; the
threshold is low so that one story is never split (measured on NewsWCL50 and BASIL: articles on
one event have cosine >= 0.127, and at 0.1 no event of 200 articles was split).
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
    owner = index.source_ids
    to_docs = sparse.csr_matrix(
        (np.ones(len(owner), dtype=np.float32), (owner, np.arange(len(owner)))), shape=(len(sources), len(owner))
    )
    docs = tfidf_weights(to_docs @ index.word_counts, sources)
    similarity = (docs @ docs.T).toarray()
    clusters = average_link(similarity, sources, tuning.EVENT_BLOCK_LINK)
    blocks = [[sources[i] for i in sorted(c)] for c in clusters]
    return sorted(blocks, key=lambda b: sources.index(b[0]))
