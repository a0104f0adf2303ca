"""Provenance: passages one source reuses word for word, or nearly, from another.

Candidates are sentence pairs from different sources that share word 4-grams (passim's shingles);
a pair is reused when most of the shorter sentence's words occur in the other in the same order.
Reused sentences of one paragraph pair form a passage.

Which side is the original? The source that presents the text as its own reporting. The copy is
the side that credits someone else: a lead-in ("The Times also acknowledges:", "Reuters
explains:") before the passage, or before a run of paragraphs reused from the same source, or
an inline credit ("according to Reuters"). When both sides quote the same speaker ("Kerry noted:",
or quotation marks), the passage is a shared quotation, not a copy, and is no `Reuse`. When
neither side credits anyone: the older article is the original; else the one the other article
names; else the longer text (copies trim).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Literal

from rapidfuzz.distance import LCSseq

from aligner import tuning
from aligner.lexicons import OUTLET_PATTERN
from aligner.metadata import canonical_outlet
from aligner.model import FURNITURE_ROLES, Paragraph, ParagraphKey, Reuse, SentenceRef, Source, Span, story_sentences
from aligner.text import WORD, fold, words

Decision = Literal["credit", "date", "mention", "length"]


@dataclass(frozen=True, slots=True)
class Credit:
    """Who a paragraph says its text comes from: an outlet (canonical name) or a person."""

    kind: Literal["outlet", "person"]
    name: str
    span: Span  # where the credit is written (the name, inside the lead-in or the sentence)


@dataclass(frozen=True, slots=True)
class Passage:
    """Reused sentences of one paragraph pair, original side first."""

    original: ParagraphKey
    copy: ParagraphKey
    pairs: tuple[tuple[SentenceRef, SentenceRef, float], ...]  # (original, copy, share of words)
    credit: Credit | None  # what the copy credits the passage to
    decided_by: Decision
    score: float

    def original_span(self) -> Span:
        return Span(*self.original, min(p[0].start for p in self.pairs), max(p[0].end for p in self.pairs))

    def copy_span(self) -> Span:
        return Span(*self.copy, min(p[1].start for p in self.pairs), max(p[1].end for p in self.pairs))


@dataclass(frozen=True, slots=True)
class Provenance:
    passages: tuple[Passage, ...]
    #: Sentence pairs that quote the same words from a third party (both sides credit a speaker).
    shared_quotes: tuple[tuple[SentenceRef, SentenceRef, float], ...]

    @property
    def reuse(self) -> tuple[Reuse, ...]:
        return tuple(Reuse(p.original_span(), p.copy_span(), p.score) for p in self.passages)


def near_verbatim(a: str, b: str) -> float | None:
    """Share of the shorter text's words found in the other in the same order, when it is high
    enough for one to be a copy of the other (and enough words are shared); else None."""
    wa, wb = words(a), words(b)
    shorter = min(len(wa), len(wb))
    common = LCSseq.similarity(wa, wb) if shorter >= tuning.REUSE_MIN_WORDS else 0
    if common < tuning.REUSE_MIN_WORDS:
        return None
    share = common / shorter
    return round(share, 3) if share >= tuning.REUSE_SHARED_WORDS else None


def find_provenance(sources: Sequence[Source], paragraphs: Sequence[Paragraph]) -> Provenance:
    by_key = {p.key: p for p in paragraphs}
    refs = story_sentences(paragraphs)
    pairs = _reused_pairs(refs)
    if not pairs:
        return Provenance((), ())
    reused_from: dict[ParagraphKey, set[str]] = defaultdict(set)
    for x, y, _ in pairs:
        reused_from[x.paragraph].add(y.source)
        reused_from[y.paragraph].add(x.source)
    published = {s.id: s.published for s in sources}
    outlets = {s.id: s.outlet for s in sources}
    article_text = defaultdict(list)
    for p in paragraphs:
        article_text[p.source].append(fold(p.text))
    mentions = {sid: "\n".join(t) for sid, t in article_text.items()}

    grouped: dict[tuple[ParagraphKey, ParagraphKey], list[tuple[SentenceRef, SentenceRef, float]]] = defaultdict(list)
    meta: dict[tuple[ParagraphKey, ParagraphKey], tuple[Credit | None, Decision]] = {}
    shared: list[tuple[SentenceRef, SentenceRef, float]] = []
    for x, y, share in pairs:
        cx = _credit(x, by_key, reused_from, y.source)
        cy = _credit(y, by_key, reused_from, x.source)
        outlet_x = cx is not None and cx.kind == "outlet"
        outlet_y = cy is not None and cy.kind == "outlet"
        speaker_x = (cx is not None and cx.kind == "person") or _quoted(x, y)
        speaker_y = (cy is not None and cy.kind == "person") or _quoted(y, x)
        credit: Credit | None
        if outlet_x != outlet_y:
            # One side credits an outlet: it presents the text as someone else's, so it is the copy.
            original, copy = (y, x) if outlet_x else (x, y)
            credit, decided = (cx if outlet_x else cy), "credit"
        elif outlet_x and outlet_y:
            if cx.name == cy.name:
                shared.append((x, y, share))  # both copy one third outlet
                continue
            original, copy, decided = _by_context(x, y, published, outlets, mentions)
            credit = cy if copy is y else cx
        elif speaker_x or speaker_y:
            shared.append((x, y, share))  # a quotation of a speaker, not one outlet copying another
            continue
        else:
            original, copy, decided = _by_context(x, y, published, outlets, mentions)
            credit = None
        key = (original.paragraph, copy.paragraph)
        grouped[key].append((original, copy, share))
        if key not in meta or (meta[key][0] is None and credit is not None):
            meta[key] = (credit, decided)
    passages = []
    for key, items in grouped.items():
        credit, decided = meta[key]
        if credit is None and (
            sum(len(words(t[1].text)) for t in items) < tuning.REUSE_MIN_WORDS_UNCREDITED
            or max(t[2] for t in items) < tuning.REUSE_UNCREDITED_SHARE
        ):
            continue  # a sentence or two in common and nobody credited: shared phrasing, not copying
        items.sort(key=lambda t: t[1].start)
        weight = sum(len(t[1].text) for t in items)
        share = sum(t[2] * len(t[1].text) for t in items) / weight
        confidence = tuning.REUSE_DECISION_CONFIDENCE[decided]
        passages.append(Passage(key[0], key[1], tuple(items), credit, decided, round(share * confidence, 3)))
    passages.sort(key=lambda p: (p.copy, p.original))
    return Provenance(tuple(passages), tuple(shared))


def _reused_pairs(refs: Sequence[SentenceRef]) -> list[tuple[SentenceRef, SentenceRef, float]]:
    """Cross-source sentence pairs that share word 4-grams and pass `near_verbatim`."""
    shingles = []
    for r in refs:
        toks = words(r.text)
        shingles.append(set(zip(toks, toks[1:], toks[2:], toks[3:])))
    # How many sentences have each shingle, in the order the shingles first occur.
    df = Counter(chain.from_iterable(shingles))
    # A shingle in one sentence pairs nothing; in more than REUSE_SHINGLE_MAX_DF it is a stock
    # phrase ("the United States and Russia"), not evidence of copying.
    common = [g for g, n in df.items() if 1 < n <= tuning.REUSE_SHINGLE_MAX_DF]
    members: dict[tuple[str, ...], list[int]] = {g: [] for g in common}
    wanted = set(common)
    for i, own in enumerate(shingles):
        for g in own & wanted:
            members[g].append(i)
    source = [r.source for r in refs]
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for g in common:  # pairs first counted in the order their first shared shingle occurs
        having = members[g]
        for k, i in enumerate(having):
            for j in having[k + 1 :]:
                if source[i] != source[j]:
                    counts[(i, j)] += 1
    out = []
    for (i, j), shared in counts.items():
        if shared < tuning.REUSE_MIN_SHINGLES:
            continue
        share = near_verbatim(refs[i].text, refs[j].text)
        if share is not None:
            out.append((refs[i], refs[j], share))
    # Each sentence reused from one sentence per other source: keep the best partner.
    best: dict[tuple[SentenceRef, str], tuple[float, SentenceRef]] = {}
    for x, y, share in out:
        for u, v in ((x, y), (y, x)):
            key = (u, v.source)
            if key not in best or best[key][0] < share:
                best[key] = (share, v)
    return [(x, y, s) for x, y, s in out if best[(x, y.source)][1] == y and best[(y, x.source)][1] == x]


def _credit(
    ref: SentenceRef,
    by_key: dict[ParagraphKey, Paragraph],
    reused_from: dict[ParagraphKey, set[str]],
    other: str,
) -> Credit | None:
    """What the paragraph of `ref` credits its text to: an inline credit in the sentence, or the
    lead-in before it (or before the run of paragraphs reused from the same other source)."""
    inline = _inline_credit(ref)
    if inline is not None:
        return inline
    source, index = ref.paragraph
    k = index - 1
    while (source, k) in by_key:
        p = by_key[(source, k)]
        if p.role == "lead-in":
            return _lead_in_credit(p)
        if p.role == "body" and other in reused_from.get(p.key, ()):
            k -= 1
            continue
        if p.role in FURNITURE_ROLES:
            k -= 1
            continue
        return None
    return None


_INLINE = re.compile(
    r"\b(?:according to|as reported by|reported by|first reported by|citing)\s+(?P<a>[^,.;:]{2,60})"
    r"|(?P<b>[A-Z][^,.;:]{1,60}?)\s+(?:reported|reports|wrote|writes|explains|explained|noted|notes)\s*(?:that|:|,)",
)


def _inline_credit(ref: SentenceRef) -> Credit | None:
    text = fold(ref.text)
    if len(text) != len(ref.text):
        return None  # folding changed offsets; lead-ins carry the credits that matter
    quoted = _quote_mask(ref.text)
    for m in _INLINE.finditer(ref.text):
        phrase_start = m.start("a") if m.group("a") else m.start("b")
        if quoted[phrase_start]:
            continue  # "the interview he gave on ABC" inside a quotation credits nothing
        phrase = m.group("a") or m.group("b")
        o = OUTLET_PATTERN.search(phrase)
        if o and (name := canonical_outlet(o.group())):
            start = phrase_start + o.start()
            return Credit("outlet", name, Span(ref.paragraph[0], ref.paragraph[1], ref.start + start, ref.start + start + len(o.group())))
    return None


_PERSON = re.compile(r"\b([A-Z][a-z]+(?:\s+(?:[A-Z]\.\s*)?[A-Z][a-z]+)*)\b")


def _lead_in_credit(p: Paragraph) -> Credit | None:
    o = OUTLET_PATTERN.search(p.text)
    if o and (name := canonical_outlet(o.group())):
        return Credit("outlet", name, Span(p.source, p.index, o.start(), o.end()))
    for m in _PERSON.finditer(p.text):
        if m.group(1).split()[0] not in ("The", "In", "A", "An", "As", "According", "Citing", "Before", "After"):
            return Credit("person", m.group(1), Span(p.source, p.index, m.start(1), m.end(1)))
    return None


def _quote_mask(text: str) -> list[bool]:
    """For every character of `text`, whether it sits inside quotation marks (a quotation opened in
    the sentence before, or going on in the next, counts: see aligner.flags.analysis)."""
    from aligner.flags.analysis import analyse

    a = analyse(text)
    out = [False] * (len(text) + 1)
    for first, last in a.quotes:
        for k in range(a.tokens[first].start, a.tokens[last - 1].end):
            out[k] = True
    return out


def _quoted(ref: SentenceRef, other: SentenceRef) -> bool:
    """Whether what `ref` shares with `other` is mostly a quotation in `ref`: most of the shared
    words, or a long run of them, sit inside quotation marks."""
    shared, in_quote = _quoted_counts(ref, other)
    return shared > 0 and (in_quote / shared >= 0.6 or in_quote >= tuning.REUSE_MIN_WORDS)


def _quoted_counts(ref: SentenceRef, other: SentenceRef) -> tuple[int, int]:
    text = ref.text
    inside = _quote_mask(text)
    if not any(inside):
        return 0, 0
    other_words = set(words(other.text))
    shared = in_quote = 0
    for m in WORD.finditer(text):  # the text as written: the mask's offsets are into it
        if fold(m.group()).lower() in other_words:  # `words` are folded ("Trump’s" is "trump's")
            shared += 1
            in_quote += inside[m.start()]
    return shared, in_quote


def _by_context(
    x: SentenceRef, y: SentenceRef, published: dict, outlets: dict, mentions: dict[str, str]
) -> tuple[SentenceRef, SentenceRef, Decision]:
    """(original, copy, how it was decided) when the credits do not say."""
    dx, dy = published.get(x.source), published.get(y.source)
    if dx and dy and dx != dy:
        return (x, y, "date") if dx < dy else (y, x, "date")
    ox, oy = outlets.get(x.source), outlets.get(y.source)
    y_names_x = ox is not None and _names(mentions[y.source], ox)
    x_names_y = oy is not None and _names(mentions[x.source], oy)
    if y_names_x != x_names_y:
        return (x, y, "mention") if y_names_x else (y, x, "mention")
    return (x, y, "length") if len(x.text) >= len(y.text) else (y, x, "length")


def _names(text: str, outlet: str) -> bool:
    return any(canonical_outlet(m.group()) == outlet for m in OUTLET_PATTERN.finditer(text))
