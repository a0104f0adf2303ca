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

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aligner import tuning
from aligner.model import Group, Paragraph, ParagraphKey
from aligner.text import stem, words
from aligner.similarity import STOPWORDS
from aligner.sentence_index import SentenceIndex
from aligner.vectors import char_features, tfidf, with_context, word_features


@dataclass(frozen=True, slots=True)
class Unit:
    """What is clustered: a story paragraph, with the lead-ins that introduce it."""

    source: str
    paragraphs: tuple[Paragraph, ...]
    position: float  # relative position of the paragraph in its article's story, 0..1

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.paragraphs)


def make_units(paragraphs: Sequence[Paragraph]) -> list[Unit]:
    """Story paragraphs in article order; a lead-in joins the paragraph it introduces."""
    by_source: dict[str, list[Paragraph]] = defaultdict(list)
    for p in paragraphs:
        if p.role in ("body", "lead-in"):
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


def similarity_matrix(units: Sequence[Unit]) -> np.ndarray:
    """Cross-source similarity of every pair of units (same-source entries are meaningless)."""
    sources = [u.source for u in units]
    texts = [u.text for u in units]
    w = with_context(tfidf([word_features(t) for t in texts], sources), sources, tuning.CONTEXT_WEIGHT)
    c = with_context(tfidf([char_features(t) for t in texts], sources), sources, tuning.CONTEXT_WEIGHT)
    s = (tuning.WORD_WEIGHT * (w @ w.T) + (1 - tuning.WORD_WEIGHT) * (c @ c.T)).toarray()
    if tuning.SENTENCE_WEIGHT:
        s += tuning.SENTENCE_WEIGHT * best_sentence_similarity(units)
    s = s.astype(np.float32)
    if tuning.PROFILE_WEIGHT:
        s += tuning.PROFILE_WEIGHT * profile_similarity(s)
    return s


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
    return profiles @ profiles.T


def best_sentence_similarity(units: Sequence[Unit]) -> np.ndarray:
    """For every pair of units, the highest TF-IDF cosine between a sentence of each."""
    unit_of = {p.key: k for k, u in enumerate(units) for p in u.paragraphs}
    index = SentenceIndex([p for u in units for p in u.paragraphs])
    owner = np.array([unit_of[r.paragraph] for r in index.refs], dtype=np.int64)
    best = np.zeros((len(units), len(units)), dtype=np.float32)
    for rows, cols, cosines in index.cross_source_cosines():
        a, b = owner[rows], owner[cols]
        np.maximum.at(best, (a, b), cosines)
        np.maximum.at(best, (b, a), cosines)
    return best


def average_link(similarity: np.ndarray, sources: Sequence[str], threshold: float) -> list[list[int]]:
    """Agglomerative clustering; the link of two clusters is the mean similarity over their
    cross-source pairs. Merges while the best link reaches `threshold`.

    Keeps, for every cluster, its best partner, so each merge costs O(n) rows instead of a scan
    of the whole matrix."""
    n = len(sources)
    if n == 0:
        return []
    source_ids = {s: k for k, s in enumerate(dict.fromkeys(sources))}
    counts = np.zeros((n, len(source_ids)), dtype=np.float32)
    counts[np.arange(n), [source_ids[s] for s in sources]] = 1
    cross = (np.asarray([source_ids[s] for s in sources])[:, None] != np.asarray([source_ids[s] for s in sources])[None, :])
    total = np.where(cross, similarity, 0).astype(np.float64)
    alive = np.ones(n, dtype=bool)
    sizes = np.ones(n)
    members: list[list[int]] = [[i] for i in range(n)]

    def links(i: int) -> np.ndarray:
        pairs = sizes[i] * sizes - counts @ counts[i]
        with np.errstate(divide="ignore", invalid="ignore"):
            row = np.where(pairs > 0, total[i] / pairs, -np.inf)
        row[~alive] = -np.inf
        row[i] = -np.inf
        return row

    best_link = np.full(n, -np.inf)
    best_partner = np.zeros(n, dtype=int)
    for i in range(n):
        row = links(i)
        best_partner[i] = int(np.argmax(row))
        best_link[i] = row[best_partner[i]]
    while True:
        i = int(np.argmax(np.where(alive, best_link, -np.inf)))
        if not alive[i] or best_link[i] < threshold:
            break
        j = int(best_partner[i])
        total[i] += total[j]
        total[:, i] += total[:, j]
        total[j] = 0
        total[:, j] = 0
        counts[i] += counts[j]
        sizes[i] += sizes[j]
        alive[j] = False
        best_link[j] = -np.inf
        members[i].extend(members[j])
        members[j] = []
        row_i = links(i)
        best_partner[i] = int(np.argmax(row_i))
        best_link[i] = row_i[best_partner[i]]
        for k in np.flatnonzero(alive):
            if k == i:
                continue
            if best_partner[k] in (i, j):
                row = links(k)
                best_partner[k] = int(np.argmax(row))
                best_link[k] = row[best_partner[k]]
            elif row_i[k] > best_link[k]:
                best_partner[k] = i
                best_link[k] = row_i[k]
    return [m for m in members if m]


def group_paragraphs(paragraphs: Sequence[Paragraph]) -> tuple[Group, ...]:
    """Every body and lead-in paragraph in exactly one row, rows in reading order."""
    units = make_units(paragraphs)
    if not units:
        return ()
    sim = similarity_matrix(units)
    clusters = average_link(sim, [u.source for u in units], tuning.GROUP_THRESHOLD)
    ordered = sorted(clusters, key=lambda c: _reading_position(units, c))
    label = _labeller(units)
    return tuple(
        Group(
            id=k,
            label=label([units[i] for i in cluster]),
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


def _content_stems(text: str) -> dict[str, str]:
    """Content-word stems of a text, each with one surface form as written."""
    out: dict[str, str] = {}
    for w in words(text):
        if w not in STOPWORDS and not w.isdigit() and len(w) > 2:
            out.setdefault(stem(w), w)
    return out


def _labeller(units: Sequence[Unit]):
    """Names a row by the words that single it out: frequent in the row, rare in the cluster."""
    df: Counter[str] = Counter()
    for unit in units:
        df.update(_content_stems(unit.text).keys())
    total = len(units)

    def label(members: Sequence[Unit]) -> str:
        tf: Counter[str] = Counter()
        surface: dict[str, Counter[str]] = defaultdict(Counter)
        for unit in members:
            for s, w in _content_stems(unit.text).items():
                tf[s] += 1
                surface[s][w] += 1
        ranked = sorted(tf, key=lambda s: (-tf[s] * np.log((1 + total) / df[s]), s))
        return " · ".join(surface[s].most_common(1)[0][0] for s in ranked[: tuning.LABEL_WORDS])

    return label
