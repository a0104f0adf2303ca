"""The flags stage of the pipeline: gate the sentence pairs, run the detectors, rank the flags.

Runs after matching. Besides the pairs of the gate (`aligner.flags.gate`), provenance supplies
the passages one source copies from another and the quotations two sources share; for a copied
passage that the copying outlet credits, in a lead-in, to an outlet other than the source it was
taken from, this stage raises the `attribution` flag itself (it needs the lead-in and both
sources' outlets, which no sentence pair carries).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from aligner import tuning
from aligner.flags.analysis import analyse
from aligner.flags.compare import applicable_features, compare_pair, features
from aligner.flags.gate import candidate_pairs
from aligner.flags.pair import Finding, Pair, Side, possessive, quote
from aligner.lexicons import OUTLETS
from aligner.model import Flag, Group, Match, Paragraph, ParagraphKey, SentenceRef, Source, Span, story_sentences
from aligner.provenance import Passage, Provenance
from aligner.text import fold


def find_flags(
    sources: Sequence[Source],
    paragraphs: Sequence[Paragraph],
    groups: Sequence[Group],
    matches: Sequence[Match],
    provenance: Provenance,
) -> tuple[Flag, ...]:
    source_by_id = {s.id: s for s in sources}
    refs = story_sentences(paragraphs)
    analyses = [analyse(r.text) for r in refs]
    names = _article_names(paragraphs)
    published = {s.id: s.published for s in sources}

    # Pairs provenance vouches for: copies (original, copy) and shared quotations, as positions
    # in `refs`.
    related: dict[tuple[int, int], tuple[str, str | None, str | None]] = {}
    by_span = {(r.paragraph, r.start): k for k, r in enumerate(refs)}

    def ref(p) -> int | None:
        return by_span.get((p.paragraph, p.start))

    for passage in provenance.passages:
        credited = passage.credit.name if passage.credit and passage.credit.kind == "outlet" else None
        for o, c, _ in passage.pairs:
            ro, rc = ref(o), ref(c)
            if ro is not None and rc is not None:
                related[(ro, rc)] = ("copy", "b", credited)
    for x, y, _ in provenance.shared_quotes:
        rx, ry = ref(x), ref(y)
        if rx is not None and ry is not None:
            related[(rx, ry)] = ("quote", None, None)

    sides: list[Side | None] = [None] * len(refs)  # built for the sentences that reach a detector

    def side(k: int) -> Side:
        if (made := sides[k]) is None:
            s = source_by_id[refs[k].source]
            made = sides[k] = Side(analyses[k], s.label, s.published, s.outlet, names.get(s.id))
        return made

    flags: list[Flag] = []
    feats = [features(a) for a in analyses]
    for i, j, level in candidate_pairs(refs, analyses, published, groups, matches, list(related)):
        how = related.get((i, j))
        if how is None and (j, i) in related:
            relation, copier, credited = related[(j, i)]
            how = (relation, {"a": "b", "b": "a"}.get(copier or ""), credited)
        relation, copier, credited = how if how else (None, None, None)
        detectors = applicable_features(feats[i], feats[j], relation is not None)
        if not detectors:
            continue  # no detector can find anything in these two sentences
        pair = Pair(side(i), side(j), level, None, relation, copier, credited)
        for f in compare_pair(pair, detectors):
            flags.append(_flag(f, refs[i], refs[j]))
    flags.extend(_misattributed(provenance, source_by_id, paragraphs))
    return _rank(flags)


def _flag(f: Finding, x: SentenceRef, y: SentenceRef) -> Flag:
    return Flag(
        f.kind,
        Span(x.paragraph[0], x.paragraph[1], x.start + f.a[0], x.start + f.a[1]),
        Span(y.paragraph[0], y.paragraph[1], y.start + f.b[0], y.start + f.b[1]),
        f.explanation,
        f.score,
    )


def _article_names(paragraphs: Sequence[Paragraph]) -> dict[str, frozenset[str]]:
    """Every word of a name each article uses, in any paragraph (the name detector's check)."""
    out: dict[str, set[str]] = defaultdict(set)
    for p in paragraphs:
        if p.role in ("boilerplate",):
            continue
        for s in p.sentences:
            for m in analyse(p.text[s.start : s.end]).mentions:
                out[p.source].update(m.words)
    return {k: frozenset(v) for k, v in out.items()}


def _misattributed(
    provenance: Provenance, sources: dict[str, Source], paragraphs: Sequence[Paragraph]
) -> list[Flag]:
    """Passages copied from one source and credited to another outlet."""
    credited = [p for p in provenance.passages if p.credit is not None and p.credit.kind == "outlet"]
    if not credited:
        return []  # most clusters: no article text to gather
    folded: dict[str, list[str]] = defaultdict(list)
    for p in paragraphs:
        folded[p.source].append(fold(p.text))
    text_of = {source: "\n" + "\n".join(texts) for source, texts in folded.items()}
    by_key = {p.key: p for p in paragraphs}
    out: list[Flag] = []
    for passage in credited:
        credit = passage.credit
        original = sources[passage.original[0]]
        copy = sources[passage.copy[0]]
        if original.outlet is None or _same_outlet(credit.name, original.outlet):
            continue
        if _mentions_outlet(text_of.get(original.id, ""), credit.name):
            continue  # the original itself credits that outlet (a wire story, a quoted report)
        out.append(
            Flag(
                "attribution",
                credit.span,
                passage.original_span(),
                f"{copy.label} credits this passage to {credit.name} "
                f"({quote(by_key[credit.span.key].text, (0, len(by_key[credit.span.key].text)), 8)}), but it is "
                f"{_share(passage)} {possessive(original.outlet)} text ({original.label}, "
                f"{quote(by_key[passage.original].text, (passage.original_span().start, passage.original_span().end), 8)}).",
                round(tuning.ATTRIBUTION_COPY_SCORE * passage.score / max(p[2] for p in passage.pairs), 3),
            )
        )
    return out


def _share(passage: Passage) -> str:
    share = min(p[2] for p in passage.pairs)
    return "word for word" if share >= 0.99 else "nearly word for word"


def _same_outlet(credited: str, outlet: str) -> bool:
    if credited == outlet:
        return True
    # An ambiguous short form ("The Times") may stand for another outlet with that word in its name.
    words = {w for w in credited.lower().split() if w not in ("the", "news")}
    return bool(words) and words <= set(outlet.lower().split())


def _mentions_outlet(text: str, outlet: str) -> bool:
    forms = (outlet, *OUTLETS.get(outlet, ()))
    return any(f" {form}" in f" {text}" for form in forms if len(form) > 3)


def _rank(flags: list[Flag]) -> tuple[Flag, ...]:
    """Best first; of flags on overlapping spans of the same two paragraphs, only the best stays."""
    kept: list[Flag] = []
    placed: dict[tuple[ParagraphKey, ParagraphKey], list[Flag]] = defaultdict(list)
    for f in sorted(flags, key=lambda f: (-f.score, f.a.source, f.a.paragraph, f.a.start, f.b.source)):
        key = (f.a.key, f.b.key)
        rkey = (f.b.key, f.a.key)
        clash = any(
            _overlap(f.a, g.a) and _overlap(f.b, g.b) for g in placed[key]
        ) or any(_overlap(f.a, g.b) and _overlap(f.b, g.a) for g in placed[rkey])
        if clash:
            continue
        placed[key].append(f)
        kept.append(f)
    return tuple(kept)


def _overlap(x: Span, y: Span) -> bool:
    return x.start < y.end and y.start < x.end
