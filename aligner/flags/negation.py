"""`negation`: one source asserts what the other negates, or says the opposite with an antonym.

Rules:
- A negation cue ("not", "n't", "no", "never", "without"...; "not only", "no doubt"... excluded)
  negates the rest of its clause. The other sentence must state that clause: nearly all the
  clause's content words (stemmed) occur in the other sentence, the words right after the cue
  among them, and that part of the other sentence is not negated itself.
- An antonym pair ("accepted" / "rejected", "rose" / "fell") flags when everything else in the two
  clauses is shared. Particles and generic adjectives ("on"/"off", "old"/"new") only count when
  they are the single word that differs between otherwise identical clauses.
"""

from __future__ import annotations

from operator import attrgetter

from aligner import tuning
from aligner.flags import lexicons as lx
from aligner.flags.analysis import Analysis, Token
from aligner.flags.pair import Finding, Pair, quote, span_of
from aligner.similarity import STOPWORDS
from aligner.text import stem

#: Words that carry no content inside a negated clause ("there is no man" is about a man).
_LIGHT = STOPWORDS | {"there", "here", "also", "yet", "still", "ever", "any", "anyone", "anything", "one"}


def detect(pair: Pair) -> list[Finding]:
    out = _negated(pair)
    if pair.b.analysis.negations:
        out += [f.flipped() for f in _negated(pair.swapped())]
    if not out:
        out = _antonyms(pair)
    return out


def _content(a: Analysis, first: int, last: int, skip: set[int] = frozenset()) -> dict[str, list[int]]:
    """Content stems of tokens[first:last] -> their token indices."""
    out: dict[str, list[int]] = {}
    for t in a.tokens[first:last]:
        if t.i in skip or not t.is_word or t.low in _LIGHT or t.is_number or t.low in lx.NEGATIONS or t.low.endswith("n't"):
            continue
        out.setdefault(t.stem, []).append(t.i)
    return out


def _negated_positions(a: Analysis) -> set[int]:
    """Token indices inside the clause after a negation cue."""
    out: set[int] = set()
    for c in a.negations:
        first, last = a.clause(c)
        out.update(range(first, last))
    return out


def _negated_clauses(a: Analysis) -> list[tuple[int, int, dict[str, list[int]], dict[str, list[int]], bool, str]]:
    """The negated statements of a sentence, read once: for each negation cue that states a fact
    (not in a quotation, a request or a condition), (cue, end of its clause, content of what it
    negates, content of its whole clause, whether what it negates names someone, the first word
    it negates)."""
    return a.cached("negated clauses", _read_negated_clauses)


def _read_negated_clauses(x: Analysis):
    out = []
    for cue in x.negations:
        if x.in_quote(cue) or _directive(x, cue):
            continue  # a quotation is the speaker's claim; "urged him not to" is no statement of fact
        first, last = x.clause(cue)
        if _conditional(x, first, cue):
            continue  # "if Mr. Trump would not sign them": a condition, not a statement
        scope = _content(x, cue + 1, last)
        if len(scope) < 2 and last + 1 < len(x.tokens) and x.tokens[last].low == "that":
            # "never wrote that he felt obstructed": the negated clause goes on past "that"
            last = x.clause(last + 1)[1]
            scope = _content(x, cue + 1, last)
        clause = _content(x, first, last)
        if not scope or len(clause) < 2 or x.in_quote(cue) != x.in_quote(last - 1):
            continue  # nothing negated, or the clause runs out of a quotation into its attribution
        names_in_scope = any(x.tokens[idx[0]].is_cap for idx in scope.values())
        first_scope = min(scope, key=lambda s: scope[s][0])
        out.append((cue, last, scope, clause, names_in_scope, first_scope))
    return out


def _negated(pair: Pair) -> list[Finding]:
    x, y = pair.a.analysis, pair.b.analysis
    if not x.negations:
        return []
    negated = _negated_clauses(x)
    if not negated:
        return []
    y_stems = y.cached("content map", lambda a: _content(a, 0, len(a.tokens)))
    y_negated = y.cached("negated positions", _negated_positions)
    found: list[Finding] = []
    shared_names = len(x.anchors() & y.anchors())
    for cue, last, scope, clause, names_in_scope, first_scope in negated:
        if first_scope not in y_stems:
            continue  # the first negated word must be in the other sentence (the cheapest test)
        scope_hits = [s for s in scope if s in y_stems]
        clause_hits = [s for s in clause if s in y_stems]
        if not any(not x.tokens[scope[s][0]].is_cap for s in scope_hits):
            continue  # only names are shared: "none of them were in the United States"
        if names_in_scope and pair.level != "match" and shared_names < tuning.NEGATION_SHARED_NAMES:
            continue  # "does not name Trump": the other sentence must be about the same parties
        if (
            len(scope_hits) / len(scope) < tuning.NEGATION_SCOPE_COVER
            or len(clause_hits) / len(clause) < tuning.NEGATION_CLAUSE_COVER
            or len(clause_hits) < tuning.NEGATION_MIN_SHARED
        ):
            continue
        matched = sorted(i for s in clause_hits for i in y_stems[s])
        scope_matched = sorted(i for s in scope_hits for i in y_stems[s])
        # The other sentence must state it: the matched words sit in one clause there, unnegated.
        y_first, y_last = y.clause(min(y_stems[first_scope]))
        in_clause = [i for i in matched if y_first <= i < y_last]
        if len(in_clause) < max(2, len(clause_hits) - 1) and len(clause_hits) > 1:
            continue
        if any(i in y_negated for i in in_clause) or any(y.in_quote(i) for i in in_clause):
            continue
        if not _contrast_shared(x, cue, scope, y_stems, y_first, y_last):
            continue  # "ended with an armistice and not a peace treaty" / "favored a peace treaty"
        if _conditional(y, y_first, min(in_clause)):
            continue
        if _reported(y, y_first) and not _reported(x, x.clause(cue)[0]):
            continue  # "in which he said he served in Vietnam": a claim the other source reports
            # (when both report a claim, "officials said the talks would (not) continue", the
            # two claims are what differ)
        if _denial_in(y, y_first, y_last):
            continue
        y_rest = _content(y, y_first, y_last)
        if len([s for s in y_rest if s in clause]) / len(y_rest) < tuning.NEGATION_OTHER_COVER:
            continue
        x_rng = span_of(x.tokens, cue, last)
        # what the other sentence says of the negated words, to the last of them it names even
        # just past its clause ("naming a long list of defendants that includes Mr. Trump")
        reach = y_last + tuning.NEGATION_SPAN_REACH
        in_scope = [i for i in scope_matched if y_first <= i < reach] or in_clause
        y_rng = span_of(y.tokens, min(in_scope), max(in_scope) + 1)
        score = 0.55 + 0.35 * min(1.0, len(clause_hits) / 5) * (len(clause_hits) / len(clause))
        found.append(
            Finding(
                "negation",
                x_rng,
                y_rng,
                f"{pair.a.label} says {quote(x.text, x_rng)} where {pair.b.label} says "
                f"{quote(y.text, y_rng)}, without the negation.",
                round(min(score, 0.95), 3),
            )
        )
        break
    return found


_CONTRAST = frozenset({"and", "but", "or", ","})
_DETERMINERS = frozenset({"a", "an", "the", "any", "this", "that", "these", "those"})


def _contrast_shared(
    x: Analysis, cue: int, scope: dict[str, list[int]], y_stems: dict[str, list[int]], y_first: int, y_last: int
) -> bool:
    """Whether, when the cue contrasts one noun phrase with another ("ended with an armistice and
    not a peace treaty"), the other sentence's clause shares what is said of them: the negated
    phrase alone is no claim, the verb before the contrast makes it one. True for any other
    negation."""
    if cue < 1 or cue + 1 >= len(x.tokens):
        return True
    if x.tokens[cue - 1].low not in _CONTRAST or x.tokens[cue + 1].low not in _DETERMINERS:
        return True
    said = [s for s in _content(x, x.clause(cue)[0], cue - 1) if s not in scope]
    return not said or any(y_first <= i < y_last for s in said for i in y_stems.get(s, ()))


def claim_keys(a: Analysis) -> set[tuple[str, str]]:
    """(negated word, name) pairs of a sentence: "does not name Trump" -> ("name", "trump"). The gate
    compares such a sentence with sentences of other rows that have both, unnegated or not."""
    return a.cached("negation keys", _claim_keys)


def _claim_keys(a: Analysis) -> set[tuple[str, str]]:
    keys: set[tuple[str, str]] = set()
    for cue in a.negations:
        first, last = a.clause(cue)
        scope = _content(a, cue + 1, last)
        predicate = next((s for s, idx in sorted(scope.items(), key=lambda kv: kv[1][0])
                          if not a.tokens[idx[0]].is_cap), None)
        if predicate is None:
            continue
        for m in a.mentions:
            if first <= m.first < last:
                keys.add((predicate, m.key))
    return keys


_DIRECTIVES = frozenset(
    "urge urged urges urging ask asked asks asking tell told tells telling warn warned warns advise advised "
    "encourage encouraged order ordered beg begged implore implored call called".split()
)


_CLAIMS = frozenset(
    "said says say claimed claims claim insisted insists declared declares asserted asserts argued argues "
    "alleged alleges maintained maintains boasted boasts suggested suggests promised promises promise "
    "assertion assertions belief".split()
)


def _reported(a: Analysis, first: int) -> bool:
    """Whether the clause starting at `first` is someone's claim: a claim word just before it ("he
    said he served"), or earlier with "that" between ("claims ... including that Mexico was paying")."""
    if any(t.low in _CLAIMS for t in a.tokens[max(0, first - 4) : first + 2]):
        return True
    claim = next((t.i for t in reversed(a.tokens[:first]) if t.low in _CLAIMS), None)
    return claim is not None and any(t.low == "that" for t in a.tokens[claim + 1 : first + 1])


_CONDITIONS = frozenset("if unless whether lest".split())


def _conditional(a: Analysis, first: int, i: int) -> bool:
    """Whether token i sits in a condition ("if ... not", "unless Trump signs")."""
    return any(t.low in _CONDITIONS for t in a.tokens[max(0, first - 1) : i])


def _directive(a: Analysis, cue: int) -> bool:
    """"urged Mr. Trump not to declare": a request, not a negated fact."""
    if cue + 1 >= len(a.tokens) or a.tokens[cue + 1].low != "to":
        return False
    return any(t.low in _DIRECTIVES for t in a.tokens[max(0, cue - 5) : cue])


def _denial_in(a: Analysis, first: int, last: int) -> bool:
    return any(t.low in lx.DENIALS for t in a.tokens[first:last])


_ANTONYM: dict[str, set[str]] = {}
for _u, _v in lx.ANTONYMS:
    for _p, _q in ((_u, _v), (_v, _u)):
        _ANTONYM.setdefault(stem(_p), set()).add(stem(_q))
_WEAK = {stem(w) for w in lx.WEAK_ANTONYMS}


def word_stems(a: Analysis) -> frozenset[str]:
    """Stems of the sentence's words."""
    return a.cached("word stems", lambda a: frozenset(map(_STEM, filter(_IS_WORD, a.tokens))))


_STEM = attrgetter("stem")
_IS_WORD = attrgetter("is_word")


def opposites(a: Analysis) -> frozenset[str]:
    """Stems of the antonyms of the sentence's words: a pair can only have an antonym when the
    other sentence has one of these."""
    return a.cached("opposites", _opposites)


def _opposites(a: Analysis) -> frozenset[str]:
    return frozenset().union(*(_ANTONYM[s] for s in word_stems(a) & _ANTONYM.keys()))


def _antonyms(pair: Pair) -> list[Finding]:
    x, y = pair.a.analysis, pair.b.analysis
    if opposites(x).isdisjoint(word_stems(y)):
        return []
    y_by_stem = y.cached("words by stem", _words_by_stem)
    x_stems = word_stems(x)
    x_neg = x.cached("negated positions", _negated_positions)
    y_neg = y.cached("negated positions", _negated_positions)
    for t in x.cached("antonym words", _antonym_words):
        for opposite in _ANTONYM[t.stem]:
            if opposite in x_stems or t.stem in y_by_stem:
                continue  # both words on one side: a contrast, not a contradiction
            for u in y_by_stem.get(opposite, ()):
                if u.is_cap and u.i > 0:
                    continue
                if (t.i in x_neg) != (u.i in y_neg):
                    continue  # one side negated too: "not accepted" / "rejected" agree
                weak = t.stem in _WEAK or opposite in _WEAK
                if not _same_clause_otherwise(x, t.i, y, u.i, exact=weak):
                    continue
                if weak and not _same_sentence_otherwise(x, t.i, y, u.i):
                    continue
                x_rng, y_rng = (t.start, t.end), (u.start, u.end)
                return [
                    Finding(
                        "negation",
                        x_rng,
                        y_rng,
                        f"{pair.a.label} says {quote(x.text, x_rng)} where {pair.b.label} says the opposite, "
                        f"{quote(y.text, y_rng)}.",
                        0.6 if weak else 0.7,
                    )
                ]
    return []


def _words_by_stem(a: Analysis) -> dict[str, list[Token]]:
    out: dict[str, list[Token]] = {}
    for t in a.tokens:
        if t.is_word:
            out.setdefault(t.stem, []).append(t)
    return out


def _antonym_words(a: Analysis) -> list[Token]:
    """Words with an antonym, outside names and titles ("Senate Minority Leader")."""
    return [t for t in a.tokens if t.is_word and t.stem in _ANTONYM and not (t.is_cap and t.i > 0)]


def _same_sentence_otherwise(x: Analysis, i: int, y: Analysis, j: int) -> bool:
    """A weak antonym ("before"/"after") only counts in two sentences that say the same thing."""
    xc = set(_content(x, 0, len(x.tokens), {i}))
    yc = set(_content(y, 0, len(y.tokens), {j}))
    if not xc or not yc:
        return False
    shared = xc & yc
    return min(len(shared) / len(xc), len(shared) / len(yc)) >= tuning.ANTONYM_CLAUSE_COVER


def _same_clause_otherwise(x: Analysis, i: int, y: Analysis, j: int, *, exact: bool) -> bool:
    """The two clauses around the antonyms say the same thing apart from them."""
    xf, xl = x.clause(i)
    yf, yl = y.clause(j)
    if exact:
        xs = [t.stem for t in x.tokens[xf:xl] if t.is_word and t.i != i and t.low not in ("a", "an", "the")]
        ys = [t.stem for t in y.tokens[yf:yl] if t.is_word and t.i != j and t.low not in ("a", "an", "the")]
        return len(xs) >= 2 and xs == ys
    xc = set(_content(x, xf, xl, {i}))
    yc = set(_content(y, yf, yl, {j}))
    if len(xc) < tuning.ANTONYM_MIN_CONTENT or len(yc) < tuning.ANTONYM_MIN_CONTENT:
        return False  # "the House minority leader": too little said to compare
    shared = xc & yc
    return len(shared) / len(xc) >= tuning.ANTONYM_CLAUSE_COVER and len(shared) / len(yc) >= tuning.ANTONYM_CLAUSE_COVER
