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

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from aligner import tuning
from aligner.model import Group, Match, MatchKind, Paragraph, ParagraphKey, Span
from aligner.sentence_index import SentenceIndex, SentenceRef
from aligner.similarity import prepare, score_prepared
from aligner.text import fold, words


def match_sentences(paragraphs: Sequence[Paragraph], groups: Sequence[Group]) -> tuple[Match, ...]:
    story = [p for p in paragraphs if p.role in ("body", "lead-in")]
    row_of: dict[ParagraphKey, int] = {key: g.id for g in groups for key in g.members}
    index = SentenceIndex(story)
    refs = index.refs
    candidates: list[tuple[int, int, float, float]] = []  # (i, j, similarity, evidence)
    best: dict[tuple[int, str], float] = {}  # best evidence of each sentence in each other source
    for rows, cols, cosines in index.cross_source_cosines(tuning.MATCH_CANDIDATE_COSINE):
        for i, j, cosine in zip(rows.tolist(), cols.tolist(), cosines.tolist()):
            similarity = _score(refs[i], refs[j])
            evidence = similarity + cosine
            candidates.append((i, j, similarity, evidence))
            for x, other in ((i, refs[j].source), (j, refs[i].source)):
                if best.get((x, other), -1.0) < evidence:
                    best[(x, other)] = evidence
    matches = []
    for i, j, similarity, evidence in candidates:
        a, b = refs[i], refs[j]
        same_row = row_of.get(a.paragraph) == row_of.get(b.paragraph)
        needed = tuning.MATCH_IN_ROW_EVIDENCE if same_row else tuning.MATCH_ACROSS_ROWS_EVIDENCE
        mutual = best[(i, b.source)] == evidence and best[(j, a.source)] == evidence
        if mutual and evidence >= needed:
            matches.append(Match(_span(a), _span(b), round(similarity, 3), match_kind(a.text, b.text)))
    return tuple(sorted(matches, key=lambda m: (m.a.source, m.a.paragraph, m.a.start, m.b.source, m.b.paragraph)))


def _score(a: SentenceRef, b: SentenceRef) -> float:
    if fold(a.text).lower() == fold(b.text).lower():
        return 1.0
    return score_prepared(prepare(a.text), prepare(b.text))


def _span(ref: SentenceRef) -> Span:
    return Span(ref.paragraph[0], ref.paragraph[1], ref.start, ref.end)


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
