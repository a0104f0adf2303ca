"""`certainty`: one source reports as done what the other reports as only possible, preliminary,
alleged, proposed or denied.

A status claim is a word of a status class (agreement: "agreed", "deal", "accord"...; charges;
withdrawal; approval) read in its clause:
- done: a completion verb governs it ("have agreed", "reached a deal", "signed the accord") with
  no hedge, modal, negation or condition around it;
- hedged: a hedge sits on it ("a preliminary deal", "possible deal", "may have agreed", "appeared
  to reach"), or a denial ("denied reaching a deal");
- future: only proposed, planned or expected ("proposed agreement", "were going to agree").
A done claim against a hedged or denied claim of the same class, with the same participants (two
shared names), is flagged. A future claim only counts when the hedging article is not older than
the other: a report written before the deal naturally calls it proposed. A hypothetical ("any
deal", "if they agree", "whether") is no claim at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aligner import tuning
from aligner.flags import lexicons as lx
from aligner.flags.analysis import Analysis
from aligner.flags.pair import Finding, Pair, quote

_CLASS_OF: dict[str, str] = {s: cls for cls, stems in lx.STATUS_CLASSES.items() for s in stems}
_HEDGE_STEMS = lx.HEDGES
_FUTURE_STEMS = lx.FUTURE_HEDGES
_DENIAL_STEMS = lx.DENIALS
_HYPOTHETICAL = frozenset("any if whether unless once should".split())
_AUXILIARIES = frozenset("have has had having been be is are was were the a an to".split())


@dataclass(frozen=True, slots=True)
class Claim:
    status: str  # "done", "hedged", "denied", "future"
    cls: str
    first: int  # token range of the words that carry the status
    last: int
    cue: str  # the hedge or completion word


def detect(pair: Pair) -> list[Finding]:
    xs, ys = claims(pair.a.analysis), claims(pair.b.analysis)
    if not xs or not ys:
        return []
    shared = pair.a.analysis.anchors() & pair.b.analysis.anchors()
    if len(shared) < tuning.CERTAINTY_SHARED_NAMES:
        return []
    for x_side, y_side, swapped in ((pair.a, pair.b, False), (pair.b, pair.a, True)):
        done = [c for c in (xs if not swapped else ys) if c.status == "done"]
        other = [c for c in (ys if not swapped else xs) if c.status in ("hedged", "denied", "future")]
        for d in done:
            for h in other:
                if d.cls != h.cls or not _in_order(x_side.published, y_side.published, h.status):
                    continue
                if pair.level != "match" and h.status == "hedged" and h.cue.lower() in lx.MODAL_HEDGES:
                    continue
                x_rng = (x_side.tokens[d.first].start, x_side.tokens[d.last].end)
                y_rng = (y_side.tokens[h.first].start, y_side.tokens[h.last].end)
                how = {"hedged": f"only as {h.cue}", "denied": "as denied", "future": f"only as {h.cue}"}[h.status]
                score = {"hedged": 0.72, "denied": 0.75, "future": 0.62}[h.status]
                score -= {"match": 0.0, "row": 0.03, "claim": 0.06}[pair.level]
                finding = Finding(
                    "certainty",
                    x_rng,
                    y_rng,
                    f"{x_side.label} reports it as done ({quote(x_side.text, x_rng)}), {y_side.label} {how} "
                    f"({quote(y_side.text, y_rng)}).",
                    round(score, 3),
                )
                return [finding.flipped() if swapped else finding]
    return []


def _in_order(done_date: dt.date | None, other_date: dt.date | None, status: str) -> bool:
    """A hedge disagrees with "done" unless the hedging article is older (then it may simply have
    been written before it was done). Proposed/expected needs both dates to say it is not older."""
    if done_date is not None and other_date is not None:
        return other_date >= done_date
    return status != "future"


def claims(a: Analysis) -> list[Claim]:
    return a.cached("claims", _claims)


def _claims(a: Analysis) -> list[Claim]:
    out: list[Claim] = []
    if a.all_stems().isdisjoint(_CLASS_OF):
        return out  # no status word
    toks = a.tokens
    for t in toks:
        if not t.is_word or (cls := _CLASS_OF.get(t.stem)) is None:
            continue
        first, last = a.clause(t.i)
        window = toks[max(first, t.i - tuning.CERTAINTY_WINDOW) : t.i]
        words = [w for w in window if w.is_word]
        lows = [w.low for w in words]
        clause_lows = [w.low for w in toks[first:last] if w.is_word]
        if any(w in _HYPOTHETICAL for w in lows) or any(w in _HYPOTHETICAL for w in clause_lows[:3]):
            continue
        after = toks[t.i + 1].low if t.i + 1 < len(toks) else ""
        if after in ("that", "with") and t.low in ("agree", "agreed", "agrees", "agreeing"):
            continue  # "agreed that Iran was a problem", "agrees with": agreeing with a statement
        governing = _governing_clause(a, first)
        denial = next((w for w in words + governing if w.low in _DENIAL_STEMS), None)
        hedge = next((w for w in reversed(words) if w.low in _HEDGE_STEMS), None)
        if hedge is None:
            hedge = next((w for w in governing if w.low in _HEDGE_STEMS), None)
        future = next((w for w in reversed(words) if w.low in _FUTURE_STEMS), None)
        negated = any(i in range(first, last) for i in a.negations)
        if denial is not None:
            out.append(Claim("denied", cls, min(denial.i, t.i), t.i, denial.text))
        elif hedge is not None:
            out.append(Claim("hedged", cls, min(hedge.i, t.i), t.i, hedge.text))
        elif future is not None:
            out.append(Claim("future", cls, min(future.i, t.i), t.i, future.text))
        elif not negated and _completed(t.low, lows):
            aux = t.i
            while aux > first and toks[aux - 1].low in _AUXILIARIES:
                aux -= 1
            completion = next((w for w in reversed(words) if w.low in lx.COMPLETION_VERBS), None)
            out.append(Claim("done", cls, min(aux, completion.i if completion else t.i), t.i, t.text))
    return out


def _completed(word: str, before: list[str]) -> bool:
    """A status word stated as done: itself a completed verb ("agreed", "signed"), or the object of
    a completion verb just before it ("reached a deal", "announces agreement")."""
    if word in lx.COMPLETION_VERBS:
        return not before or before[-1] not in ("to", "will", "would", "could", "might", "may", "should", "must", "can")
    return any(w in lx.COMPLETION_VERBS for w in before[-tuning.CERTAINTY_VERB_REACH :])


def _governing_clause(a: Analysis, first: int) -> list:
    """The clause that introduces this one with "that" ("appeared to suggest that ...")."""
    if first == 0 or a.tokens[first - 1].low != "that":
        return []
    g_first, _ = a.clause(first - 2) if first >= 2 else (0, 0)
    return [t for t in a.tokens[g_first : first - 1] if t.is_word]
