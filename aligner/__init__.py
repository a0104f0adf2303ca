"""Synoptic's aligner: a plain library (no UI imports) that reads several articles about one
event, groups their paragraphs by sub-topic, and matches sentences that state the same fact."""

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
    "same_fact",
    "sentence_similarity",
]
