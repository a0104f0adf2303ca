"""What a detector is given (two sentences that passed the gate, with what is known about their
sources) and what it returns (findings: a kind, a character range in each sentence, a score and
an explanation)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from aligner.flags.analysis import Analysis, Token
from aligner.model import FlagKind

#: How the gate admitted a pair, strongest first. "match": the matcher (or the caller of
#: `aligner.compare`) says the two sentences state the same fact; "row": the two sentences sit in
#: one row; "claim": different rows, admitted only because both state the same specific claim
#: (the detector's own slot), so detectors ask for more shared evidence.
GateLevel = Literal["match", "row", "claim"]


@dataclass(frozen=True, slots=True)
class Side:
    """One sentence of a gated pair."""

    analysis: Analysis
    label: str = "A"  # how explanations name the source
    published: date | None = None  # the article's own date, the base of relative days
    outlet: str | None = None
    #: Name keys used anywhere in the article (lower case), for the name detector; None: unknown.
    article_names: frozenset[str] | None = None

    @property
    def text(self) -> str:
        return self.analysis.text

    @property
    def tokens(self) -> list[Token]:
        return self.analysis.tokens


@dataclass(frozen=True, slots=True)
class Pair:
    a: Side
    b: Side
    level: GateLevel = "match"
    #: aligner.sentence_similarity of the two sentences, when the caller has it (None: computed
    #: on demand by `similarity_of`, which only the name detector needs).
    similarity: float | None = None
    #: "copy": one sentence repeats the other nearly word for word (a reused passage); "quote":
    #: both quote the same words of a third party; None: neither.
    relation: Literal["copy", "quote"] | None = None
    #: For a copy in the pipeline: which side copies ("a" or "b"), and the outlet it credits the
    #: passage to, if it says so. Unknown (None) in `aligner.compare`.
    copier: Literal["a", "b"] | None = None
    credited: str | None = None

    def similarity_of(self) -> float:
        if self.similarity is None:
            from aligner.similarity import sentence_similarity

            return sentence_similarity(self.a.text, self.b.text)
        return self.similarity

    def swapped(self) -> Pair:
        copier = {"a": "b", "b": "a"}.get(self.copier or "")
        return Pair(self.b, self.a, self.level, self.similarity, self.relation, copier, self.credited)


@dataclass(frozen=True, slots=True)
class Finding:
    """A detector's result on one pair: ranges are character offsets into each sentence."""

    kind: FlagKind
    a: tuple[int, int]
    b: tuple[int, int]
    explanation: str
    score: float
    swapped: bool = field(default=False, compare=False)

    def flipped(self) -> Finding:
        """The same finding with the sides exchanged (detectors that test both directions)."""
        return Finding(self.kind, self.b, self.a, self.explanation, self.score, not self.swapped)


def span_of(tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    """Character range of tokens[first:last] (last exclusive)."""
    return tokens[first].start, tokens[last - 1].end


def quote(text: str, rng: tuple[int, int], limit: int = 14) -> str:
    """A span as a short quotation for an explanation: at most `limit` words."""
    words = text[rng[0] : rng[1]].split()
    snippet = " ".join(words[:limit]) + (" \u2026" if len(words) > limit else "")
    return f"\u201c{snippet}\u201d"


def possessive(name: str) -> str:
    """"Reuters’", "the Post’s": how explanations credit text to an outlet or a person."""
    return f"{name}\u2019" if name.endswith("s") else f"{name}\u2019s"
