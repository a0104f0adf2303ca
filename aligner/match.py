"""Sentence matches: pairs of sentences from different sources that state the same fact.

Candidates come from the cluster's sentence TF-IDF (any shared distinctive wording); each is then
scored with `aligner.similarity.sentence_similarity`, the public function. A pair in one row
(the grouping already says the two paragraphs are on one sub-topic) needs less evidence than a
pair from two rows, which must pass the same_fact threshold on its own.
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
    # Best match of each sentence in each other source: (sentence, other source) -> (score, partner)
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for rows, cols, _ in index.cross_source_cosines(tuning.MATCH_CANDIDATE_COSINE):
        for i, j in zip(rows.tolist(), cols.tolist()):
            a, b = refs[i], refs[j]
            score = _score(a, b)
            same_row = row_of.get(a.paragraph) == row_of.get(b.paragraph)
            needed = tuning.MATCH_IN_ROW_THRESHOLD if same_row else tuning.SAME_FACT_THRESHOLD
            if score < needed:
                continue
            for x, y in ((i, j), (j, i)):
                key = (x, refs[y].source)
                if key not in best or best[key][0] < score:
                    best[key] = (score, y)
    pairs = {tuple(sorted((i, j))): score for (i, _), (score, j) in best.items()}
    matches = [
        Match(_span(refs[i]), _span(refs[j]), round(score, 3), match_kind(refs[i].text, refs[j].text))
        for (i, j), score in pairs.items()
    ]
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
