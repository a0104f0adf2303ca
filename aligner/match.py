"""Sentence matches: pairs of sentences from different sources that state the same fact.

Candidates come from the cluster's sentence TF-IDF (they share distinctive wording). Each is
scored with `aligner.similarity.sentence_similarity` (the public function, reported as the match
score); the decision adds the cluster's own evidence, the sentence TF-IDF cosine, which knows
which words single out a fact in this story (IDF fitted on the cluster). A pair is kept when each
sentence is the other's best candidate in that source, and the evidence passes a threshold that
is lower inside one row (the grouping already puts the two paragraphs on one sub-topic) than
across rows.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from aligner import tuning
from aligner.model import STORY_ROLES, Group, Match, MatchKind, Paragraph, ParagraphKey, SentenceRef
from aligner.sentence_index import SentenceIndex
from aligner.similarity import prepare, score_prepared
from aligner.text import fold, words


def match_sentences(
    paragraphs: Sequence[Paragraph], groups: Sequence[Group], index: SentenceIndex | None = None
) -> tuple[Match, ...]:
    """Matches among the story sentences; `index` is the shared SentenceIndex of the story
    paragraphs (built here when not given)."""
    row_of: dict[ParagraphKey, int] = {key: g.id for g in groups for key in g.members}
    if index is None:
        index = SentenceIndex([p for p in paragraphs if p.role in STORY_ROLES])
    refs = index.refs
    # A lead-in ("The Washington Post reported:") credits the paragraph after it and states no
    # fact of its own; as a candidate, it would take the place of that paragraph's sentences.
    lead_ins = {p.key for p in paragraphs if p.role == "lead-in"}
    stating = np.array([r.paragraph not in lead_ins for r in refs], dtype=bool)
    rows, cols, cosines = _candidates(index, stating)
    evidence: list[tuple[int, int, float, float]] = []  # (i, j, similarity, evidence)
    best: dict[tuple[int, int], float] = {}  # best evidence of each sentence in each other source
    ids = index.source_ids
    for i, j, cosine in zip(rows.tolist(), cols.tolist(), cosines.tolist()):
        if cosine < tuning.MATCH_ACROSS_ROWS_COSINE and row_of.get(refs[i].paragraph) != row_of.get(refs[j].paragraph):
            continue
        similarity = _score(refs[i], refs[j])
        total = similarity + cosine
        evidence.append((i, j, similarity, total))
        for key in ((i, int(ids[j])), (j, int(ids[i]))):
            if best.get(key, -1.0) < total:
                best[key] = total
    matches = []
    for i, j, similarity, total in evidence:
        a, b = refs[i], refs[j]
        same_row = row_of.get(a.paragraph) == row_of.get(b.paragraph)
        needed = tuning.MATCH_IN_ROW_EVIDENCE if same_row else tuning.MATCH_ACROSS_ROWS_EVIDENCE
        mutual = best[(i, int(ids[j]))] == total and best[(j, int(ids[i]))] == total
        if mutual and total >= needed:
            matches.append(Match(a.span(), b.span(), round(similarity, 3), match_kind(a.text, b.text)))
    return tuple(sorted(matches, key=lambda m: (m.a.source, m.a.paragraph, m.a.start, m.b.source, m.b.paragraph)))


def _candidates(index: SentenceIndex, stating: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs worth scoring: both sentences `stating` a fact, cosine above the floor, and among the
    MATCH_TOP_K most similar sentences of one side in the other side's source."""
    rows, cols, cosines = index.cross_source_pairs()
    keep = (cosines >= tuning.MATCH_CANDIDATE_COSINE) & stating[rows] & stating[cols]
    rows, cols, cosines = rows[keep], cols[keep], cosines[keep]
    if len(rows) == 0:
        return rows, cols, cosines
    n_sources = int(index.source_ids.max()) + 1
    top = np.zeros(len(rows), dtype=bool)
    for this, other in ((rows, cols), (cols, rows)):
        key = this * n_sources + index.source_ids[other]
        order = np.lexsort((-cosines, key))
        sorted_key = key[order]
        starts = np.r_[0, np.flatnonzero(sorted_key[1:] != sorted_key[:-1]) + 1]
        rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
        top[order[rank < tuning.MATCH_TOP_K]] = True
    return rows[top], cols[top], cosines[top]


def _score(a: SentenceRef, b: SentenceRef) -> float:
    if fold(a.text).lower() == fold(b.text).lower():
        return 1.0
    return score_prepared(prepare(a.text), prepare(b.text))


def match_kind(a: str, b: str) -> MatchKind:
    """verbatim: the same words; near-verbatim: a reused passage with small edits; else paraphrase."""
    wa, wb = words(a), words(b)
    if wa == wb:
        return "verbatim"
    if fuzz.ratio(fold(a).lower(), fold(b).lower()) >= tuning.NEAR_VERBATIM_RATIO:
        return "near-verbatim"
    if LCSseq.similarity(wa, wb) >= tuning.NEAR_VERBATIM_SHARED_WORDS_SHARE * min(len(wa), len(wb)) >= 6:
        return "near-verbatim"
    return "paraphrase"
