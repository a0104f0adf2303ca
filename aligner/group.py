"""Rows: the paragraphs of every source that cover one sub-topic, ordered to follow the story.

Outlets tell a story in very different orders, so topic comes first: paragraphs are clustered by
what they say, and only then are the rows put in reading order (by the median relative position
of their members). Measured on the seeds, order-preserving alignment scored 0.30 and one
paragraph per source per row caps pairwise F1 at 0.49, so neither constraint is imposed.

Similarity of two paragraphs from different sources: cosine of word and character TF-IDF
vectors (each paragraph blended with its neighbours in its own article), plus the best cosine
between one sentence of each, plus the correlation of their similarity profiles (how alike their
similarities to every other paragraph are). Clustering is average link over cross-source pairs
only: two paragraphs of one article are never compared with each other, they only meet through
others.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse

from aligner import tuning
from aligner.lexicons import LABEL_FILLER
from aligner.model import Group, Paragraph, ParagraphKey, story_paragraphs
from aligner.sentence_index import SentenceIndex
from aligner.similarity import STOPWORDS
from aligner.text import WORD, fold, stem
from aligner.vectors import context_cosines, tfidf_weights


@dataclass(frozen=True, slots=True)
class Unit:
    """What is clustered: a story paragraph, with the lead-ins that introduce it."""

    source: str
    paragraphs: tuple[Paragraph, ...]
    position: float  # relative position of the paragraph in its article's story, 0..1


def make_units(paragraphs: Sequence[Paragraph]) -> list[Unit]:
    """Story paragraphs in article order; a lead-in joins the paragraph it introduces."""
    by_source: dict[str, list[Paragraph]] = defaultdict(list)
    for p in story_paragraphs(paragraphs):
        by_source[p.source].append(p)
    units: list[Unit] = []
    for source, story in by_source.items():
        pending: list[Paragraph] = []
        chunks: list[tuple[Paragraph, ...]] = []
        for p in sorted(story, key=lambda p: p.index):
            pending.append(p)
            if p.role != "lead-in":
                chunks.append(tuple(pending))
                pending = []
        if pending:
            chunks.append(tuple(pending))
        last = max(len(chunks) - 1, 1)
        units.extend(Unit(source, chunk, k / last) for k, chunk in enumerate(chunks))
    return units


def similarity_matrix(units: Sequence[Unit], index: SentenceIndex) -> np.ndarray:
    """Similarity of every pair of units (only cross-source entries are used for merging).

    `index` must hold the sentences of exactly the units' paragraphs; a unit's term counts are
    the sums of its sentences' counts."""
    sources = [u.source for u in units]
    owner = _sentence_owner(units, index)
    to_units = sparse.csr_matrix(
        (np.ones(len(owner), dtype=np.float32), (owner, np.arange(len(owner)))),
        shape=(len(units), len(owner)),
    )
    def cosines(counts: sparse.csr_matrix) -> np.ndarray:
        weights = tfidf_weights(to_units @ counts, sources, tuning.UNIT_MAX_DF_SHARE)
        return context_cosines(weights, sources, tuning.CONTEXT_WEIGHT)

    s = cosines(index.word_counts)
    s *= tuning.WORD_WEIGHT
    s += (1 - tuning.WORD_WEIGHT) * cosines(index.char_counts)
    if tuning.SENTENCE_WEIGHT:
        s += tuning.SENTENCE_WEIGHT * best_sentence_similarity(owner, len(units), index)
    if tuning.PROFILE_WEIGHT and len(units) >= tuning.PROFILE_MIN_UNITS:
        s += tuning.PROFILE_WEIGHT * profile_similarity(s)
    return s


def _sentence_owner(units: Sequence[Unit], index: SentenceIndex) -> np.ndarray:
    unit_of = {p.key: k for k, u in enumerate(units) for p in u.paragraphs}
    return np.fromiter((unit_of[r.paragraph] for r in index.refs), dtype=np.int64, count=len(index.refs))


def best_sentence_similarity(owner: np.ndarray, n: int, index: SentenceIndex) -> np.ndarray:
    """For every pair of units, the highest TF-IDF cosine between a sentence of each."""
    best = np.zeros((n, n), dtype=np.float32)
    rows, cols, cosines = index.cross_source_pairs()
    if len(rows) == 0:
        return best
    cells = np.concatenate([owner[rows] * n + owner[cols], owner[cols] * n + owner[rows]])
    values = np.concatenate([cosines, cosines])
    order = np.lexsort((values, cells))  # by cell, then by value: the last of each cell is its max
    cells, values = cells[order], values[order]
    last = np.r_[cells[1:] != cells[:-1], True]
    best.flat[cells[last]] = values[last]
    return best


def profile_similarity(s: np.ndarray) -> np.ndarray:
    """Second-order similarity: the correlation of two paragraphs' similarities to all others.

    Two paragraphs on one sub-topic resemble the same third paragraphs even when they share
    few words with each other; this lifts them without lifting pairs that merely share the
    story's common vocabulary."""
    profiles = s.copy()
    np.fill_diagonal(profiles, 0.0)
    profiles -= profiles.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(profiles, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    profiles /= norms
    if len(profiles) <= _OWN_LOOP_MAX_UNITS:
        return np.einsum("ik,jk->ij", profiles, profiles)
    return profiles @ profiles.T


#: Up to this many paragraphs the profiles' product is computed by numpy's own loop (0.3 ms at
#: 84 paragraphs, 3 ms at 192). Through BLAS, OpenBLAS hands even an 84 x 84 product to a worker
#: thread that then spins for about 0.1 s: aligning the seeds took 0.28 s of CPU for 0.17 s of
#: wall time, CPU taken from the app's interface or the machine's other work. Above this size
#: numpy's loop grows too slow (28 ms at 400 paragraphs, 2 ms by BLAS), and BLAS is worth it.
_OWN_LOOP_MAX_UNITS = 192


def average_link(similarity: np.ndarray, sources: Sequence[str], threshold: float) -> list[list[int]]:
    """Agglomerative clustering; the link of two clusters is the mean similarity over their
    cross-source pairs. Merges while the best link reaches `threshold`.

    Keeps the sum and the number of cross-source pairs between every two clusters, and each
    cluster's best partner, so a merge costs a few rows rather than a scan of the matrix."""
    n = len(sources)
    if n == 0:
        return []
    source_ids = {s: k for k, s in enumerate(dict.fromkeys(sources))}
    owner = np.fromiter((source_ids[s] for s in sources), dtype=np.int32, count=n)
    pairs = (owner[:, None] != owner[None, :]).astype(np.float32)
    total = similarity.astype(np.float32, copy=True)
    total *= pairs
    alive = np.ones(n, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)]

    def links(rows: np.ndarray) -> np.ndarray:
        """Mean cross-source link of each cluster in `rows` to every live cluster."""
        counted = pairs[rows]
        out = np.full(counted.shape, -np.inf, dtype=np.float32)
        np.divide(total[rows], counted, out=out, where=counted > 0)  # no pair: no link
        out[:, ~alive] = -np.inf
        out[np.arange(len(rows)), rows] = -np.inf
        return out

    def refresh(rows: np.ndarray) -> None:
        for start in range(0, len(rows), 256):  # bounded temporary arrays
            chunk = rows[start : start + 256]
            block = links(chunk)
            best_partner[chunk] = np.argmax(block, axis=1)
            best_link[chunk] = block[np.arange(len(chunk)), best_partner[chunk]]

    best_link = np.full(n, -np.inf, dtype=np.float32)
    best_partner = np.zeros(n, dtype=np.int64)
    refresh(np.arange(n))
    while True:
        i = int(np.argmax(np.where(alive, best_link, -np.inf)))
        if not alive[i] or best_link[i] < threshold:
            break
        j = int(best_partner[i])
        for m in (total, pairs):
            m[i] += m[j]
            m[:, i] += m[:, j]
            m[j] = 0
            m[:, j] = 0
        alive[j] = False
        best_link[j] = -np.inf
        members[i].extend(members[j])
        members[j] = []
        row_i = links(np.array([i]))[0]
        best_partner[i] = int(np.argmax(row_i))
        best_link[i] = row_i[best_partner[i]]
        stale = alive & ((best_partner == i) | (best_partner == j))
        stale[i] = False
        refresh(np.flatnonzero(stale))
        better = alive & (row_i > best_link)
        better[i] = False
        best_partner[better] = i
        best_link[better] = row_i[better]
    return [m for m in members if m]


def group_paragraphs(paragraphs: Sequence[Paragraph], index: SentenceIndex) -> tuple[Group, ...]:
    """Every body and lead-in paragraph in exactly one row, rows in reading order.

    `index` is the SentenceIndex of the story paragraphs, shared with the matcher."""
    units = make_units(paragraphs)
    if not units:
        return ()
    sim = similarity_matrix(units, index)
    clusters = average_link(sim, [u.source for u in units], tuning.GROUP_THRESHOLD)
    ordered = sorted(clusters, key=lambda c: _reading_position(units, c))
    label = _labeller(units)
    return tuple(
        Group(
            id=k,
            # members in article order: a tie between two spellings never hangs on merge order
            label=label(sorted(cluster)),
            members=_members([units[i] for i in cluster]),
        )
        for k, cluster in enumerate(ordered)
    )


def _reading_position(units: Sequence[Unit], cluster: list[int]) -> tuple[float, float, str, int]:
    positions = sorted(units[i].position for i in cluster)
    first = units[min(cluster, key=lambda i: (units[i].position, units[i].source))]
    return (float(np.median(positions)), positions[0], first.source, first.paragraphs[0].index)


def _members(units: Sequence[Unit]) -> tuple[ParagraphKey, ...]:
    keys = [p.key for u in units for p in u.paragraphs]
    return tuple(sorted(keys))


def _content_stems(unit: Unit) -> dict[str, str]:
    """Content-word stems of a unit's text, each with its first surface form as written."""
    out: dict[str, str] = {}
    for p in unit.paragraphs:
        for s, w in _label_words(p.text):
            out.setdefault(s, w)
    return out


@lru_cache(maxsize=4096)
def _label_words(text: str) -> tuple[tuple[str, str], ...]:
    """(stem, word as written) of each word of a paragraph a label may show, in order."""
    return tuple((s, w) for w in WORD.findall(fold(text)) if (s := _label_stem(w)) is not None)


@lru_cache(maxsize=1 << 16)
def _label_stem(word: str) -> str | None:
    """The stem a label may show the word by, or None (a function of the word alone: cached,
    since a story repeats its words in every paragraph)."""
    low = word.lower()
    if len(low) > 2 and low.replace("'", "").isalpha() and not _filler(low):
        return stem(low)
    return None


def _filler(low: str) -> bool:
    """A word no row label should be: a stop word, a filler word, a contraction ("don't",
    "we'll") or a stop word's "'s" ("there's", "it's"); a name's "'s" is kept ("Russia's")."""
    if low in STOPWORDS or low in LABEL_FILLER:
        return True
    base, apostrophe, ending = low.partition("'")
    return bool(apostrophe) and (ending != "s" or base in STOPWORDS or base in LABEL_FILLER)


def _labeller(units: Sequence[Unit]):
    """Names a row by the words that single it out: shared by most of its paragraphs, rare in
    the rest of the cluster ("Amman · command · headquarters"). The row is given as positions
    in `units`."""
    df: Counter[str] = Counter()
    stems_of = [_content_stems(u) for u in units]
    for stems in stems_of:
        df.update(stems.keys())
    total = len(units)

    def label(members: Sequence[int]) -> str:
        stems = [stems_of[i] for i in members]
        tf: Counter[str] = Counter()
        for of_unit in stems:
            tf.update(of_unit.keys())
        shared = len(members) // 2 + 1 if len(members) > 1 else 1  # a majority of the members
        ranked = sorted(tf, key=lambda s: (tf[s] < shared, -tf[s] * math.log((1 + total) / df[s]), s))
        # each chosen stem as most of its paragraphs write it (the first of them on a tie)
        return " · ".join(
            Counter(of_unit[s] for of_unit in stems if s in of_unit).most_common(1)[0][0]
            for s in ranked[: tuning.LABEL_WORDS]
        )

    return label
