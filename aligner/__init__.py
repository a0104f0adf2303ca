"""Synoptic's aligner: a plain library (no UI imports) that reads several articles about one
event, groups their paragraphs by sub-topic, matches sentences that state the same fact, marks
passages one source reuses from another, and flags where sources disagree.

The data model is imported at once; the functions are loaded on first use (PEP 562), so code that
only reads an alignment (the app showing a cached one, a tool reading a report) does not pay for
numpy, scipy and the rest."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from aligner.flags import compare
    from aligner.pipeline import align
    from aligner.similarity import same_fact, sentence_similarity

_LAZY = {
    "align": "aligner.pipeline",
    "compare": "aligner.flags",
    "same_fact": "aligner.similarity",
    "sentence_similarity": "aligner.similarity",
}

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


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'aligner' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
