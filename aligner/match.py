"""Sentence matches: pairs of sentences from different sources that state the same fact.

Candidates come from the cluster's sentence TF-IDF (they share distinctive wording). Each is
scored with `aligner.similarity.sentence_similarity` (the public function, reported as the match
score); the decision adds the cluster's own evidence, the sentence TF-IDF cosine, which knows
which words single out a fact in this story (IDF fitted on the cluster). The evidence must pass
a threshold that is lower when the two sentences speak to one row (the grouping already puts
them on one sub-topic) than across rows; a sentence speaks to its paragraph's row, and to the
row where its best partners in several other sources sit. A pair is kept when each sentence is
the other's best partner in its source, or a second partner nearly as good that states another
part of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from aligner import tuning
from aligner.model import Group, Match, MatchKind, Paragraph, ParagraphKey, SentenceRef
from aligner.sentence_index import SentenceIndex
from aligner.similarity import prepare, sentence_similarity
from aligner.text import fold, words


def match_sentences(
    paragraphs: Sequence[Paragraph], groups: Sequence[Group], index: SentenceIndex
) -> tuple[Match, ...]:
    """Matches among the story sentences; `index` is the SentenceIndex of the story paragraphs,
    shared with the grouping."""
    row_of: dict[ParagraphKey, int] = {key: g.id for g in groups for key in g.members}
    refs = index.refs
    row = [row_of.get(r.paragraph, -1) for r in refs]
    # A lead-in ("The Washington Post reported:") credits the paragraph after it and states no
    # fact of its own; as a candidate, it would take the place of that paragraph's sentences.
    lead_ins = {p.key for p in paragraphs if p.role == "lead-in"}
    stating = np.array([r.paragraph not in lead_ins for r in refs], dtype=bool)
    rows, cols, cosines = _candidates(index, stating)
    ids = index.source_ids.tolist()
    scored: dict[tuple[int, int], tuple[float, float]] = {}  # (i, j) -> (similarity, evidence)
    # (sentence, other source) -> (evidence, partner): its best partner there so far (the first
    # scored wins a tie)
    best: dict[tuple[int, int], tuple[float, int]] = {}

    def score(i: int, j: int, cosine: float) -> None:
        similarity = sentence_similarity(refs[i].text, refs[j].text)
        total = similarity + cosine  # the evidence: the public score plus the cluster's cosine
        scored[(i, j)] = (similarity, total)
        for key, partner in (((i, ids[j]), j), ((j, ids[i]), i)):
            if key not in best or best[key][0] < total:
                best[key] = (total, partner)

    deferred = []
    for i, j, cosine in zip(rows.tolist(), cols.tolist(), cosines.tolist()):
        if row[i] == row[j] or cosine >= tuning.MATCH_ACROSS_ROWS_COSINE:
            score(i, j, cosine)
        else:
            deferred.append((i, j, cosine))
    topics = _sentence_rows(best, row)
    for i, j, cosine in deferred:
        if row[j] in topics[i] or row[i] in topics[j]:
            score(i, j, cosine)
    matches = []
    for (i, j), (similarity, total) in scored.items():
        one_topic = row[j] in topics[i] or row[i] in topics[j]
        needed = tuning.MATCH_IN_ROW_EVIDENCE if one_topic else tuning.MATCH_ACROSS_ROWS_EVIDENCE
        if total < needed or similarity < tuning.MATCH_MIN_SIMILARITY:
            continue
        if _partner(i, j, total, best[(i, ids[j])], refs) and _partner(j, i, total, best[(j, ids[i])], refs):
            a, b = refs[i], refs[j]
            matches.append(Match(a.span(), b.span(), round(similarity, 3), match_kind(a.text, b.text)))
    return tuple(sorted(matches, key=_position))


def _position(m: Match) -> tuple[str, int, int, str, int, int]:
    return (m.a.source, m.a.paragraph, m.a.start, m.b.source, m.b.paragraph, m.b.start)


def _sentence_rows(best: dict[tuple[int, int], tuple[float, int]], row: list[int]) -> list[set[int]]:
    """The rows each sentence speaks to: its paragraph's, and any row where its `best` partners
    in MATCH_SENTENCE_ROW_VOTES other sources sit, each with evidence of at least
    MATCH_IN_ROW_EVIDENCE (no mutual-best check). A paragraph on several sub-topics sits in one
    row; its sentence on another sub-topic is then judged like a sentence of that sub-topic's
    row, and its low-cosine pairs there are scored too."""
    topics = [{r} for r in row]
    votes: dict[tuple[int, int], int] = defaultdict(int)
    for (i, _), (total, partner) in best.items():
        if total >= tuning.MATCH_IN_ROW_EVIDENCE:
            votes[(i, row[partner])] += 1
    for (i, r), n in votes.items():
        if n >= tuning.MATCH_SENTENCE_ROW_VOTES:
            topics[i].add(r)
    return topics


def _partner(i: int, j: int, total: float, best: tuple[float, int], refs: Sequence[SentenceRef]) -> bool:
    """Whether j may be sentence i's match in j's source: its best partner there, or one nearly
    as good (within MATCH_SECOND_PARTNER_MARGIN) that shares MATCH_SECOND_PARTNER_OWN_WORDS
    content words with i that the best does not. A long sentence often joins two facts that
    another outlet states in two sentences; it matches each of them."""
    best_total, best_partner = best
    if total == best_total:
        return True
    if total < best_total - tuning.MATCH_SECOND_PARTNER_MARGIN:
        return False
    mine = prepare(refs[i].text).content
    own = (mine & prepare(refs[j].text).content) - prepare(refs[best_partner].text).content
    return len(own) >= tuning.MATCH_SECOND_PARTNER_OWN_WORDS


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
