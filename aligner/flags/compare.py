"""Running the detectors on one gated pair, and `compare` for two sentences given as text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal
import datetime as dt

from aligner.flags import altered_quote, attribution, certainty, name, negation, number
from aligner.flags import date as date_detector
from aligner.flags.analysis import Analysis, analyse
from aligner.flags.pair import Finding, Pair, Side
from aligner.model import Flag, FlagKind, Span
from aligner.text import fold

#: The detectors, in the order their findings win ties (most specific first).
DETECTORS: dict[FlagKind, Callable[[Pair], list[Finding]]] = {
    "attribution": attribution.detect,
    "altered-quote": altered_quote.detect,
    "name": name.detect,
    "number": number.detect,
    "date": date_detector.detect,
    "certainty": certainty.detect,
    "negation": negation.detect,
}


def relation(a: Analysis, b: Analysis) -> Literal["copy", "quote"] | None:
    """How two sentences given as text share their words: "quote" when both quote the same words,
    "copy" when one repeats the other nearly word for word, else None."""
    from aligner.provenance import near_verbatim

    if a.quotes and b.quotes and near_verbatim(a.quoted_text(), b.quoted_text()) is not None:
        return "quote"
    return "copy" if near_verbatim(a.text, b.text) is not None else None


#: Bits of `features`: what a sentence has that some detector needs (in both sentences, for all
#: but negation).
_QUANTITY, _DATE, _NAME, _CLAIM, _NEGATION = 1, 2, 4, 8, 16


def features(a: Analysis) -> tuple[int, frozenset[str], frozenset[str]]:
    """What the detectors' prerequisites need to know about one sentence, computed once: (bits:
    figures, date expressions, a name of two words or more, a status claim, a negation cue; the
    opposites of its antonym words; the stems of its words)."""
    return a.cached("detector features", _features)


def _features(a: Analysis) -> tuple[int, frozenset[str], frozenset[str]]:
    bits = (
        (_QUANTITY if number.quantities(a) else 0)
        | (_DATE if date_detector.has_dates(a) else 0)
        | (_NAME if name.has_names(a) else 0)
        | (_CLAIM if certainty.claims(a) else 0)
        | (_NEGATION if a.negations else 0)
    )
    return bits, negation.opposites(a), negation.word_stems(a)


def applicable(x: Analysis, y: Analysis, related: bool) -> list[Callable[[Pair], list[Finding]]]:
    """The detectors that can find anything in these two sentences (each one's own first test,
    answered from `features`), in `DETECTORS` order: running only these gives what running all
    would."""
    return applicable_features(features(x), features(y), related)


def applicable_features(fx, fy, related: bool) -> list[Callable[[Pair], list[Finding]]]:
    """`applicable` given the two sentences' `features`."""
    bx, opposites_x, _ = fx
    by, _, stems_y = fy
    both = bx & by
    out: list[Callable[[Pair], list[Finding]]] = []
    if related:
        out += (attribution.detect, altered_quote.detect)
    if both & _NAME:
        out.append(name.detect)
    if both & _QUANTITY:
        out.append(number.detect)
    if both & _DATE:
        out.append(date_detector.detect)
    if both & _CLAIM:
        out.append(certainty.detect)
    if (bx | by) & _NEGATION or not opposites_x.isdisjoint(stems_y):
        out.append(negation.detect)
    return out


def compare_pair(pair: Pair, detectors: Sequence[Callable[[Pair], list[Finding]]] | None = None) -> list[Finding]:
    """Every detector's findings on a gated pair, overlapping ones merged, best first. `detectors`:
    only these (those `applicable` to the pair: the others find nothing)."""
    findings: list[Finding] = []
    for detect in DETECTORS.values() if detectors is None else detectors:
        findings.extend(detect(pair))
    if not findings:
        return findings
    return _merge(findings, quoted=pair.relation == "quote" or pair.credited is not None)


def _merge(findings: list[Finding], quoted: bool = False) -> list[Finding]:
    """One finding per place: when two findings cover overlapping words on both sides, the one
    with the higher score stays (ties: the earlier detector). In a shared quotation, or a passage
    credited to someone else, an altered-quote finding wins: the change is best shown as a change
    to words both present as the same."""
    order = {kind: k for k, kind in enumerate(DETECTORS)}
    kept: list[Finding] = []
    first = ("attribution", "altered-quote") if quoted else ()
    for f in sorted(findings, key=lambda f: (f.kind not in first, -f.score, order[f.kind])):
        if any(_overlaps(f.a, g.a) and _overlaps(f.b, g.b) for g in kept):
            continue
        kept.append(f)
    return kept


def _overlaps(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] < y[1] and y[0] < x[1] or x == y


def compare(a: str, b: str, *, date_a: str | dt.date | None = None, date_b: str | dt.date | None = None) -> list[Flag]:
    """Flags between two sentences that state the same fact, best first.

    Runs every detector exactly as the aligner does on a pair that passed its gate. `date_a` and
    `date_b` are the two articles' publication dates (ISO "YYYY-MM-DD"), the base for relative
    days ("Thursday", "last week"). The spans point into the two strings: `Span.source` is "a" or
    "b" and `Span.paragraph` is 0."""
    from aligner.flags import parse_date

    if fold(a) == fold(b) and parse_date(date_a) == parse_date(date_b):
        return []  # a sentence never contradicts itself
    side_a, side_b = Side(analyse(a), "A", parse_date(date_a)), Side(analyse(b), "B", parse_date(date_b))
    pair = Pair(side_a, side_b, "match", None, relation(side_a.analysis, side_b.analysis))
    return [
        Flag(f.kind, Span("a", 0, *f.a), Span("b", 0, *f.b), f.explanation, f.score) for f in compare_pair(pair)
    ]
