"""`attribution`: the same statement or passage credited to different speakers or outlets.

On a pair of sentences that give the same words (one copies the other, or both quote them), each
sentence's credit is read: the name next to a reporting verb outside the quotation ("...," Kerry
said; Lavrov told reporters "..."; according to Reuters, ...). Two named credits that are not the
same person or outlet (aliases, surnames, nicknames and transliterations are the same) are
flagged. A pronoun or a bare title ("he said", "the president said") credits no one in particular
and is never flagged.

Passages an outlet reuses from another source and credits, in a lead-in, to a third ("Reuters
explains:" before the New York Times' text) are flagged by the pipeline stage
(`aligner.flags.stage`), which sees the lead-in and each source's outlet; `compare` sees only
the two sentences.
"""

from __future__ import annotations

from aligner.flags import lexicons as lx
from aligner.flags.analysis import Analysis, Mention, alias_key
from aligner.flags.name import _same_word
from aligner.flags.pair import Finding, Pair
from aligner.metadata import canonical_outlet


def detect(pair: Pair) -> list[Finding]:
    if pair.relation is None:
        return []
    x, y = pair.a.analysis, pair.b.analysis
    sx, sy = speaker(x), speaker(y)
    if sx is None or sy is None or same_credit(sx, sy):
        return []
    if pair.relation == "copy" and not (canonical_outlet(sx.text) and canonical_outlet(sy.text)):
        return []  # the same words as narration: only two outlets credited for them disagree
    if _names_credit(y, sx) or _names_credit(x, sy):
        return []  # the other sentence names this speaker too ("Pelosi and Schumer said")
    return [
        Finding(
            "attribution",
            (sx.start, sx.end),
            (sy.start, sy.end),
            f"{pair.a.label} credits these words to {sx.text}, {pair.b.label} to {sy.text}.",
            0.8 if pair.relation == "quote" else 0.75,
        )
    ]


def same_credit(m: Mention, n: Mention) -> bool:
    if m.key == n.key:
        return True
    ka, kb = alias_key(m.text), alias_key(n.text)
    if ka is not None and ka == kb:
        return True
    mw = [w for w in m.words if w not in lx.TITLES]
    nw = [w for w in n.words if w not in lx.TITLES]
    if not mw or not nw:
        return True
    if mw[-1] == nw[-1] or _same_word(mw[-1], nw[-1]):
        return True  # the same surname: "Mr. Kerry" / "John Kerry"
    return bool(set(mw) & set(nw))


def _names_credit(a: Analysis, m: Mention) -> bool:
    return any(same_credit(m, n) for n in a.mentions)


def speaker(a: Analysis) -> Mention | None:
    """The named speaker or source a sentence credits its words to, if it names one."""
    toks = a.tokens
    for i, t in enumerate(toks):
        if a.in_quote(i):
            continue
        if t.low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
            m = _mention_at(a, i + 2)
            if m is not None:
                return m
        if t.low in lx.REPORTING_VERBS and t.low != "according":
            before = _mention_before(a, i)
            if before is not None:
                return before
            after = _mention_at(a, i + 1)
            if after is not None and a.quotes:
                return after
    return None


def _mention_before(a: Analysis, i: int) -> Mention | None:
    """The name right before a reporting verb, skipping an appositive set off by commas ("Peter
    Carr, a spokesman for Mueller's office, said")."""
    k = i
    if k > 0 and a.tokens[k - 1].low == ",":
        opening = next((j for j in range(k - 2, max(-1, k - 25), -1) if a.tokens[j].low == ","), None)
        if opening is not None:
            k = opening  # the appositive's opening comma: the speaker is named just before it
    for m in reversed(a.mentions):
        if m.last >= k:
            continue
        gap = [t for t in a.tokens[m.last + 1 : k] if t.is_word]
        if len(gap) <= 1 and not any(a.in_quote(j) for j in range(m.first, m.last + 1)):
            return m
        return None
    return None


def _mention_at(a: Analysis, i: int) -> Mention | None:
    """The first name at or after token i, with nothing but punctuation or an article between."""
    for m in a.mentions:
        if m.first >= i:
            gap = [t for t in a.tokens[i : m.first] if t.is_word and t.low not in ("the", "a", "an")]
            return m if not gap else None
    return None
