"""The gate: which sentence pairs are compared at all.

A contradiction only exists between two statements of the same fact, so detectors never see two
unrelated sentences. A pair of sentences from different sources passes the gate when
- the matcher paired them (`Alignment.matches`), or provenance found one to copy the other or
  both to quote the same words: level "match";
- they sit in one row (`Group`): level "row"; every detector then asks for the entities and the
  predicate it compares to be shared (the same event class and a participant for dates, the same
  counted noun and context for numbers...);
- they sit in different rows but state the same specific claim: both date the same class of
  event, count the same thing, name a multi-word body with the same head word, or give the status
  of the same kind of deal, and they share at least two names (people, places, organisations,
  aliases resolved): level "claim", where detectors ask for the most shared evidence. Grouping
  can split one sub-topic over two rows; this keeps those facts comparable without comparing
  everything with everything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from aligner import tuning
from aligner.flags import certainty, negation, number
from aligner.flags import date as dates
from aligner.flags.analysis import Analysis
from aligner.flags.pair import GateLevel
from aligner.model import Group, Match, SentenceRef


#: Gate levels by strength (a pair admitted twice keeps the strongest).
_LEVELS: tuple[GateLevel, ...] = ("match", "row", "claim")


def candidate_pairs(
    refs: Sequence[SentenceRef],
    analyses: Sequence[Analysis],
    published: dict[str, object],
    groups: Sequence[Group],
    matches: Sequence[Match],
    extra_matches: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int, GateLevel]]:
    """Every gated pair of sentences once, as positions (i, j) in `refs`, i the earlier sentence in
    the text (analyses[k] is the analysis of refs[k]), with the strongest level that admits it, in
    the order the gate admits them (matches, provenance, rows, claims)."""
    by_span = {(r.paragraph, r.start): k for k, r in enumerate(refs)}
    row_of = {key: g.id for g in groups for key in g.members}
    source = [r.source for r in refs]
    # Where each sentence sits (paragraph, start) as a rank: pairs are keyed earlier sentence first.
    spans = sorted({(r.paragraph, r.start) for r in refs})
    place = {span: n for n, span in enumerate(spans)}
    rank = [place[(r.paragraph, r.start)] for r in refs]
    level: dict[tuple[int, int], int] = {}

    def add(x: int, y: int, how: int) -> None:
        if source[x] == source[y]:
            return
        key = (x, y) if rank[x] <= rank[y] else (y, x)
        old = level.get(key)
        if old is None or how < old:
            level[key] = how

    for m in matches:
        x = by_span.get((m.a.key, m.a.start))
        y = by_span.get((m.b.key, m.b.start))
        if x is not None and y is not None:
            add(x, y, 0)
    for x, y in extra_matches:
        add(x, y, 0)
    members: dict[int, list[int]] = defaultdict(list)
    for k, r in enumerate(refs):
        if r.paragraph in row_of:
            members[row_of[r.paragraph]].append(k)
    for row in members.values():
        for x, y in _cross_source_pairs(row, source):
            add(x, y, 1)
    for x, y in _same_claim(refs, analyses, published, rank):
        add(x, y, 2)
    return [(x, y, _LEVELS[how]) for (x, y), how in level.items()]


def _cross_source_pairs(row: list[int], source: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The pairs (x, y) of `row` (ascending) from different sources, in the order of
    `combinations(row, 2)`, without visiting same-source pairs: a long paragraph of thousands of
    sentences would make those billions. Each x skips straight past the run of its own source."""
    n = len(row)
    other = [n] * n  # other[p]: the first position after p whose source differs from row[p]'s
    for p in range(n - 2, -1, -1):
        other[p] = p + 1 if source[row[p + 1]] != source[row[p]] else other[p + 1]
    for p in range(n):
        x = row[p]
        for q in range(other[p], n):
            if source[row[q]] != source[x]:  # a source that comes back later in the row
                yield x, row[q]


def _claim_keys(a: Analysis, published) -> set[str]:
    keys: set[str] = set()
    for m in dates.mentions(a, published):
        if m.readings:
            keys.add(f"date:{m.event}")
    for c in certainty.claims(a):
        keys.add(f"status:{c.cls}")
    for q in number.quantities(a):
        if q.head:
            keys.add(f"count:{q.head}")
    for m in a.mentions:
        if len(m.words) >= 2:
            keys.add(f"name:{m.words[-1]}")
    return keys


def _same_claim(
    refs: Sequence[SentenceRef], analyses: Sequence[Analysis], published: dict[str, object], rank: Sequence[int]
) -> Iterator[tuple[int, int]]:
    """Cross-source pairs that make the same specific claim and share enough names (positions in
    `refs`, in text order of the pair's first sentence, then its second)."""
    pairs: set[tuple[int, int]] = set()
    postings: dict[str, list[int]] = defaultdict(list)
    for k, r in enumerate(refs):
        for key in _claim_keys(analyses[k], published.get(r.source)):
            postings[key].append(k)
    for members in postings.values():
        if len(members) > tuning.GATE_CLAIM_MAX_POSTINGS:
            continue  # a claim half the cluster makes is no evidence that two sentences meet
        pairs.update(combinations(members, 2))
    pairs.update(_negated_claims(refs, analyses))
    for x, y in sorted(pairs, key=lambda p: (rank[p[0]], rank[p[1]])):
        if refs[x].source == refs[y].source:
            continue
        if len(analyses[x].anchors() & analyses[y].anchors()) >= tuning.GATE_CLAIM_SHARED_NAMES:
            yield x, y


def _negated_claims(refs: Sequence[SentenceRef], analyses: Sequence[Analysis]) -> Iterator[tuple[int, int]]:
    """A negated statement ("does not name Trump") and the sentences of other sources that use the
    negated word with the same name."""
    negated = [(k, keys) for k, a in enumerate(analyses) if a.negations and (keys := negation.claim_keys(a))]
    if not negated:
        return
    wanted: dict[str, set[tuple[str, str]]] = defaultdict(set)  # negated word -> its (word, name) keys
    for _, keys in negated:
        for k in keys:
            wanted[k[0]].add(k)
    wanted_stems = set(wanted)
    having: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, a in enumerate(analyses):
        stems = a.all_stems() & wanted_stems
        if stems:
            names = {m.key for m in a.mentions}
            for s in stems:
                for k in wanted[s]:
                    if k[1] in names:
                        having[k].append(n)
    for r, keys in negated:
        for k in keys:
            for other in having.get(k, ()):
                if refs[other].source != refs[r].source:
                    yield r, other
