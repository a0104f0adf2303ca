"""Synoptic's aligner: a plain library (no UI imports) that reads several articles about one
event, groups their paragraphs by sub-topic, matches sentences that state the same fact, marks
passages one source reuses from another, and flags where sources disagree."""

from aligner.model import (
    Alignment,
    Flag,
    Group,
    LoadProblem,
    Match,
    Paragraph,
    Reuse,
    Sentence,
    Source,
    Span,
)
from aligner.flags import compare
from aligner.pipeline import align
from aligner.similarity import same_fact, sentence_similarity

__all__ = [
    "Alignment",
    "Flag",
    "Group",
    "LoadProblem",
    "Match",
    "Paragraph",
    "Reuse",
    "Sentence",
    "Source",
    "Span",
    "align",
    "compare",
    "same_fact",
    "sentence_similarity",
]
