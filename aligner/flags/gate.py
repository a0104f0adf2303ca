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
from dataclasses import dataclass
from itertools import combinations

from aligner import tuning
from aligner.flags import certainty, negation, number
from aligner.flags import date as dates
from aligner.flags.analysis import Analysis
from aligner.flags.pair import GateLevel
from aligner.model import Group, Match, ParagraphKey


@dataclass(frozen=True, slots=True)
class SentenceRef:
    paragraph: ParagraphKey
    start: int
    end: int
    text: str

    @property
    def source(self) -> str:
        return self.paragraph[0]


@dataclass(frozen=True, slots=True)
class Candidate:
    a: SentenceRef
    b: SentenceRef
    level: GateLevel


def candidates(
    refs: Sequence[SentenceRef],
    analyses: dict[SentenceRef, Analysis],
    published: dict[str, object],
    groups: Sequence[Group],
    matches: Sequence[Match],
    extra_matches: Sequence[tuple[SentenceRef, SentenceRef]] = (),
) -> Iterator[Candidate]:
    """Every gated pair once, with the strongest level that admits it."""
    by_span = {(r.paragraph, r.start): r for r in refs}
    row_of = {key: g.id for g in groups for key in g.members}
    level: dict[tuple[SentenceRef, SentenceRef], GateLevel] = {}

    def add(x: SentenceRef, y: SentenceRef, how: GateLevel) -> None:
        if x.source == y.source:
            return
        key = (x, y) if (x.paragraph, x.start) <= (y.paragraph, y.start) else (y, x)
        rank = {"match": 0, "row": 1, "claim": 2}
        if key not in level or rank[how] < rank[level[key]]:
            level[key] = how

    for m in matches:
        x = by_span.get((m.a.key, m.a.start))
        y = by_span.get((m.b.key, m.b.start))
        if x is not None and y is not None:
            add(x, y, "match")
    for x, y in extra_matches:
        add(x, y, "match")
    members: dict[int, list[SentenceRef]] = defaultdict(list)
    for r in refs:
        if r.paragraph in row_of:
            members[row_of[r.paragraph]].append(r)
    for row in members.values():
        for x, y in combinations(row, 2):
            if x.source != y.source:
                add(x, y, "row")
    for x, y in _same_claim(refs, analyses, published):
        add(x, y, "claim")
    for (x, y), how in level.items():
        yield Candidate(x, y, how)


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
    refs: Sequence[SentenceRef], analyses: dict[SentenceRef, Analysis], published: dict[str, object]
) -> Iterator[tuple[SentenceRef, SentenceRef]]:
    """Cross-source pairs that make the same specific claim and share enough names."""
    pairs: set[tuple[SentenceRef, SentenceRef]] = set()
    postings: dict[str, list[SentenceRef]] = defaultdict(list)
    for r in refs:
        for k in _claim_keys(analyses[r], published.get(r.source)):
            postings[k].append(r)
    for members in postings.values():
        if len(members) > tuning.GATE_CLAIM_MAX_POSTINGS:
            continue  # a claim half the cluster makes is no evidence that two sentences meet
        pairs.update(combinations(members, 2))
    pairs.update(_negated_claims(refs, analyses))
    anchors: dict[SentenceRef, set[str]] = {}
    for x, y in sorted(pairs, key=lambda p: (p[0].paragraph, p[0].start, p[1].paragraph, p[1].start)):
        if x.source == y.source:
            continue
        ax = anchors.setdefault(x, analyses[x].anchors())
        ay = anchors.setdefault(y, analyses[y].anchors())
        if len(ax & ay) >= tuning.GATE_CLAIM_SHARED_NAMES:
            yield x, y


def _negated_claims(
    refs: Sequence[SentenceRef], analyses: dict[SentenceRef, Analysis]
) -> Iterator[tuple[SentenceRef, SentenceRef]]:
    """A negated statement ("does not name Trump") and the sentences of other sources that use the
    negated word with the same name."""
    negated = [(r, keys) for r in refs if (keys := negation.claim_keys(analyses[r]))]
    if not negated:
        return
    wanted = {k for _, keys in negated for k in keys}
    stems_wanted = {k[0] for k in wanted}
    having: dict[tuple[str, str], list[SentenceRef]] = defaultdict(list)
    for r in refs:
        a = analyses[r]
        stems = {t.stem for t in a.tokens if t.stem in stems_wanted}
        if stems:
            names = {m.key for m in a.mentions}
            for k in wanted:
                if k[0] in stems and k[1] in names:
                    having[k].append(r)
    for r, keys in negated:
        for k in keys:
            for other in having.get(k, ()):
                if other.source != r.source:
                    yield r, other
