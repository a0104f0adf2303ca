"""`altered-quote`: a reused or quoted passage whose wording changed in a way that changes meaning.

Only pairs the provenance stage (or `compare`) found to be the same words apply: one copies the
other, or both quote one speaker. The two are aligned word by word (longest common subsequence
of stems), trimmed to the shared region, which must be nearly identical. A change is flagged when
it is an isolated substitution of content words (the words around it are the same on both sides),
or a negation added or dropped. Not flagged: a pronoun resolved or replaced by a noun phrase ("It
has" -> "The proposal"), "the group" for a name, aliases ("United States-backed" ->
"American-backed"), spelling and inflection ("memorandums"/"memoranda"), words moved, inserted or
left out (a shortened quote), and loose transcriptions with many changes.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from aligner import tuning
from aligner.flags import lexicons as lx
from aligner.flags.analysis import Analysis, Token, alias_key
from aligner.flags.number import number_at
from aligner.flags.pair import Finding, Pair, possessive
from aligner.similarity import STOPWORDS

#: Nouns that refer back to something named before ("the group", "the plan").
_GENERIC = frozenset(
    """group organization organisation country nation government official officials agency proposal plan deal
    agreement man woman president leader company city region party administration side document report
    militants fighters movement network body team""".split()
)


def detect(pair: Pair) -> list[Finding]:
    if pair.relation is None:
        return []
    if pair.relation == "copy" and pair.copier is not None and pair.credited is None:
        return []  # both present the text as their own reporting: an edit, not an altered quotation
    x, y = pair.a.analysis, pair.b.analysis
    xw = [t for t in x.tokens if t.is_word]
    yw = [t for t in y.tokens if t.is_word]
    blocks = _blocks(xw, yw)
    if blocks is None:
        return []
    changes: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for k, (tag, xs, ys) in enumerate(blocks):
        if tag == "equal":
            continue
        before = blocks[k - 1] if k > 0 else None
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        isolated = all(b is None or len(b[1]) >= tuning.ALTERED_QUOTE_CONTEXT for b in (before, after))
        if pair.relation == "quote" and not _quoted(x, xs, before, after, 1) or (
            pair.relation == "quote" and not _quoted(y, ys, before, after, 2)
        ):
            continue  # words around the quotation ("in an article" / "in an interview") are the outlet's own
        if isolated and _meaningful(xs, ys, xw, yw):
            gap = not xs or not ys  # a word added on one side ("would not continue")
            added = " ".join(t.text for t in xs or ys) if gap else None
            ranges = (_range(xs, before, after, 1, gap), _range(ys, before, after, 2, gap))
            changes.append((*ranges, added, "a" if xs else "b"))
    if not changes or len(changes) > tuning.ALTERED_QUOTE_MAX_CHANGES:
        return []
    return [
        Finding("altered-quote", a_rng, b_rng, _explain(pair, x, y, a_rng, b_rng, added, side), _score(pair))
        for a_rng, b_rng, added, side in changes
    ]


def _blocks(xw: list[Token], yw: list[Token]):
    """[(tag, x tokens, y tokens)] over the shared region, or None when it is not nearly the same
    words. Tags: equal, change (a run of deletions and insertions between two equal runs)."""
    xs = [t.stem for t in xw]
    ys = [t.stem for t in yw]
    if not xs or not ys:
        return None
    ops = [op for op in Indel.opcodes(xs, ys)]
    equal = [op for op in ops if op.tag == "equal"]
    if not equal:
        return None
    first, last = equal[0], equal[-1]
    region = [op for op in ops if first.src_start <= op.src_start and op.src_end <= last.src_end
              and first.dest_start <= op.dest_start and op.dest_end <= last.dest_end]
    # A change at the very start (or end) of both texts is inside the passage too: "Iran is" / "Russia is".
    lead = [op for op in ops if op.tag != "equal" and op.src_end <= first.src_start and op.dest_end <= first.dest_start]
    if lead and first.src_start > 0 and first.dest_start > 0 and first.src_start <= 2 and first.dest_start <= 2:
        region = lead + region
    tail = [op for op in ops if op.tag != "equal" and op.src_start >= last.src_end and op.dest_start >= last.dest_end]
    if tail and len(xw) - last.src_end <= 2 and len(yw) - last.dest_end <= 2 and len(xw) > last.src_end and len(yw) > last.dest_end:
        region = region + tail
    same = sum(op.src_end - op.src_start for op in region if op.tag == "equal")
    x_len = last.src_end - first.src_start
    y_len = last.dest_end - first.dest_start
    if same < tuning.ALTERED_QUOTE_MIN_WORDS or same / min(x_len, y_len) < tuning.ALTERED_QUOTE_MIN_SHARE:
        return None
    if same / max(x_len, y_len) < tuning.ALTERED_QUOTE_MIN_SHARE - 0.1 and not _one_side_only(region):
        return None
    out: list[tuple[str, list[Token], list[Token]]] = []
    for op in region:
        xs_, ys_ = xw[op.src_start : op.src_end], yw[op.dest_start : op.dest_end]
        if op.tag == "equal":
            out.append(("equal", xs_, ys_))
        elif out and out[-1][0] == "change":
            out[-1] = ("change", out[-1][1] + xs_, out[-1][2] + ys_)
        else:
            out.append(("change", xs_, ys_))
    return out


def _quoted(a: Analysis, tokens: list[Token], before, after, side: int) -> bool:
    """Whether the changed words (or, for words left out, their neighbours) are inside quotation marks."""
    probe = tokens or [b[side][-1] for b in (before,) if b] + [b[side][0] for b in (after,) if b]
    return bool(probe) and all(a.in_quote(t.i) for t in probe)


def _one_side_only(region) -> bool:
    """A shortened quotation: everything left out is on one side."""
    return not any(op.tag == "delete" for op in region) or not any(op.tag == "insert" for op in region)


def _content(tokens: list[Token]) -> set[str]:
    return {t.stem for t in tokens if t.low not in STOPWORDS and t.low not in lx.NEGATIONS and not t.low.endswith("n't")}


def _negation_changed(xs: list[Token], ys: list[Token]) -> bool:
    def neg(ts):
        return sum(1 for t in ts if t.low in lx.NEGATIONS or t.low.endswith("n't"))

    return neg(xs) != neg(ys) and not (_content(xs) or _content(ys))


_PERCENT_WORDS = frozenset({"percent", "per", "cent", "pct"})


def _number_value(tokens: list[Token]) -> float | None:
    """The value of a changed stretch that is only a number ("3", "three", "4.1%", "4.1 percent"),
    as the number detector reads it, else None."""
    kept = [t for t in tokens if t.low not in _PERCENT_WORDS]
    parsed = number_at(kept, 0) if kept else None
    return parsed[1] if parsed is not None and parsed[2] == len(kept) else None


def _meaningful(xs: list[Token], ys: list[Token], xw: list[Token], yw: list[Token]) -> bool:
    if _negation_changed(xs, ys):
        return True
    if not xs or not ys:
        return False  # a word added or left out: a shortened or expanded quotation
    if len(xs) > tuning.ALTERED_QUOTE_MAX_WORDS or len(ys) > tuning.ALTERED_QUOTE_MAX_WORDS:
        return False  # a rewritten stretch, not a substituted word
    cx, cy = _content(xs), _content(ys)
    if not cx or not cy or cx & cy:
        return False  # a pronoun resolved ("It" -> "The proposal"), or a rephrasing around one word
    x_text = " ".join(t.low for t in xs)
    y_text = " ".join(t.low for t in ys)
    if alias_key(x_text) is not None and alias_key(x_text) == alias_key(y_text):
        return False
    if all(alias_key(t.low) is not None for t in xs + ys if t.low not in STOPWORDS) and {
        alias_key(t.low) for t in xs if t.low not in STOPWORDS
    } == {alias_key(t.low) for t in ys if t.low not in STOPWORDS}:
        return False
    if (
        x_text.replace(" ", "") == y_text.replace(" ", "")
        or fuzz.ratio(x_text, y_text) >= tuning.ALTERED_QUOTE_SPELLING
        or Levenshtein.distance(x_text, y_text) <= 1
        or (x_text[:1] == y_text[:1] and min(len(x_text), len(y_text)) >= 4 and Levenshtein.distance(x_text, y_text) <= 2)
    ):
        return False  # spelling or inflection: "good will" / "goodwill", "memorandums" / "memoranda", "Momma" / "Mama"
    if len(xs) == len(ys) == 1 and (x_text.startswith(y_text) or y_text.startswith(x_text)):
        return False  # an abbreviation: "Sen." / "Senator"
    if (value := _number_value(xs)) is not None and value == _number_value(ys):
        return False  # one number written two ways: "3" / "three", "4.1 percent" / "4.1%"
    if _generic_for_name(xs, ys) or _generic_for_name(ys, xs):
        return False
    # Words moved: what one side has here, the other has elsewhere.
    x_all = {t.stem for t in xw}
    y_all = {t.stem for t in yw}
    if cy <= x_all or cx <= y_all:
        return False
    return True


def _generic_for_name(xs: list[Token], ys: list[Token]) -> bool:
    """"the group" standing for "Nusra": a referring noun phrase for a name."""
    return any(t.low in _GENERIC for t in xs) and all(t.low in STOPWORDS or t.low in _GENERIC for t in xs) and any(
        t.is_cap for t in ys
    )


def _range(tokens: list[Token], before, after, side: int, gap: bool) -> tuple[int, int]:
    """The changed words. Where one side has words the other lacks (`gap`), both sides' ranges
    reach to the shared word on each side, so they read alike: "would continue" / "would not
    continue"."""
    if tokens and not gap:
        return tokens[0].start, tokens[-1].end
    left = before[side][-1] if before else (tokens or after[side])[0]
    right = after[side][0] if after else (tokens or before[side])[-1]
    return left.start, right.end


def _score(pair: Pair) -> float:
    if pair.credited:
        return tuning.ALTERED_QUOTE_SCORE_CREDITED
    return tuning.ALTERED_QUOTE_SCORE


def _explain(
    pair: Pair, x: Analysis, y: Analysis, a_rng: tuple[int, int], b_rng: tuple[int, int], added: str | None, side: str
) -> str:
    """`added`: the words one side has and the other lacks (`side` has them), or None for a
    substitution."""
    was = x.text[a_rng[0] : a_rng[1]]
    now = y.text[b_rng[0] : b_rng[1]]
    if pair.copier and pair.credited:
        original, copy = (pair.a, pair.b) if pair.copier == "b" else (pair.b, pair.a)
        orig_words, copy_words = (was, now) if pair.copier == "b" else (now, was)
        return (
            f"{copy.label} presents this passage as {possessive(pair.credited)} text but has \u201c{copy_words}\u201d where "
            f"{original.label} has \u201c{orig_words}\u201d."
        )
    what = "quotation" if pair.relation == "quote" else "passage"
    if added is not None:
        adds = (pair.a if side == "a" else pair.b).label
        change = f", but {adds} adds \u201c{added}\u201d"
    else:
        change = " with one word changed"
    return (
        f"{pair.a.label} and {pair.b.label} give the same {what}{change}: "
        f"\u201c{was}\u201d in {pair.a.label}, \u201c{now}\u201d in {pair.b.label}."
    )
