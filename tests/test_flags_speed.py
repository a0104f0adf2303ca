"""The fast paths of the provenance and flags stages give exactly what the plain definitions give.

Each shortcut (indexes instead of all-pairs loops, prefilters, per-sentence caches, an ASCII
tokenizer, a case-sensitive date pattern on lower-cased text) is checked here against the simple
code it replaced, on the seeds and on awkward text."""

from __future__ import annotations

import gc
import random
import re
from collections import defaultdict
from itertools import combinations

import pytest

from aligner import tuning
from aligner.flags import DETECTORS, negation
from aligner.flags import analysis as an
from aligner.flags import date as dates
from aligner.flags.compare import applicable, compare_pair
from aligner.flags.gate import _claim_keys, candidate_pairs
from aligner.flags.pair import Pair, Side
from aligner.gc_pause import without_gc
from aligner.model import STORY_ROLES, SentenceRef, sentence_refs
from aligner.provenance import _reused_pairs, near_verbatim
from aligner.text import words

ODD = [
    "",
    "   ",
    "K\u212aelvin met on Monday",  # Kelvin sign
    "\u017fept. 5 and \u0130stanbul on 12 March",  # long s, dotted capital I
    "Da\u0131ly news, last week",  # dotless i
    "snake_case_word and __init__ on Tuesday",
    "tab\there\x1cthere\x1fend 2017-03-05",  # Unicode-only white space
    "\u201cWe don\u2019t agree,\u201d he said on Sept. 11, 2001.",
    "It isn't so; they didn\u2019t go. NOT AT ALL.",
    "\u00b2 squared and \u0663 Arabic-Indic three days ago",
    "U.S. officials said 300,000 people, about 40% of them, left two days ago.",
    "Hosting President Emmanuel Macron, Trump said. Later, hosting President Emmanuel Macron again.",
]


# --- tokens -------------------------------------------------------------------------------------


def _random_text(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def test_tokens_point_at_their_text():
    rng = random.Random(5)
    alphabet = "ab A.B_ 1,2:3$%'\u2019\u201c\u201d-\u00e9\u212a\u0130\u017f\u0663\u00b2\t\n\x1c\u00a0"
    for text in ODD + [_random_text(rng, alphabet, rng.randint(0, 40)) for _ in range(3000)]:
        tokens = an.tokenize(text)
        assert [t.text for t in tokens] == an._TOKEN.findall(text)
        assert [(t.start, t.end) for t in tokens] == [m.span() for m in an._TOKEN.finditer(text)]
        assert all(t.i == k for k, t in enumerate(tokens))


def test_ascii_pattern_finds_the_same_tokens():
    rng = random.Random(7)
    alphabet = "".join(chr(c) for c in range(128))
    for _ in range(20000):
        text = _random_text(rng, alphabet, rng.randint(0, 30))
        if an._UNICODE_ONLY_SPACE.isdisjoint(text):
            assert an._TOKEN_ASCII.findall(text) == an._TOKEN.findall(text)
    # \x1c-\x1f are white space only to Unicode: such text keeps the Unicode pattern
    assert an._TOKEN_ASCII.findall("a\x1cb") != an._TOKEN.findall("a\x1cb")
    assert [t.text for t in an.tokenize("a\x1cb")] == an._TOKEN.findall("a\x1cb")


def test_token_facts_match_their_definition():
    for text in ODD:
        for t in an.tokenize(text):
            low = (t.text if t.text.isascii() else an.fold(t.text)).lower()
            first = low[:1]
            assert t.low == low
            assert t.is_word == (first.isalnum() or (first == "$" and len(low) > 1))
            assert t.is_cap == t.text[:1].isupper()
            assert t.is_number == (first.isdigit() or first == "$")


def _plain_negations(tokens):
    return [t.i for t in tokens if an.is_negation(tokens, t.i)]


def _plain_quotes_needed(text):
    return any(ch in text for ch in an._OPEN_QUOTES | an._CLOSE_QUOTES)


def test_prefiltered_scans_equal_full_scans():
    for text in ODD:
        a = an.analyse(text)
        assert a.negations == _plain_negations(a.tokens)
        assert a.quotes == (an._quotes(a.tokens) if _plain_quotes_needed(text) else [])
        assert an._quotes(a.tokens) == a.quotes


def test_names_read_once_per_span_are_the_names_read_afresh():
    for text in ODD:
        tokens = an.tokenize(text)
        warm = an._mentions(tokens)
        an._NAMES.clear()
        assert an._mentions(tokens) == warm
    # the same words at the start of a sentence and inside it are read differently
    start = an.analyse("Hosting President Emmanuel Macron, Trump spoke.").mentions[0]
    inside = an.analyse("Trump spoke after hosting President Emmanuel Macron.").mentions[-1]
    assert start.text == "President Emmanuel Macron" and start.first == 1
    assert inside.text == "President Emmanuel Macron"


def test_figures_read_from_number_words_are_the_figures_read_everywhere():
    from aligner.flags import number

    def plain(a):  # every token tried, as first written
        out, i = [], 0
        while i < len(a.tokens):
            parsed = number.number_at(a.tokens, i)
            if parsed is None:
                i += 1
                continue
            start, value, end, unit, step = parsed
            upper = None
            if (ranged := number._range(a.tokens, start, end, value)) is not None:
                value, upper, end = ranged
                step = 0.0
            q = number._quantity(a, start, end, value, unit, step, upper)
            if q is not None:
                out.append(q)
            i = end
        return out

    texts = ODD + ["a dozen eggs and twenty-three people, $1.5 billion in funds and 40 percent of voters",
                   "about a dozen police, two dozen troops, 10-12 people, between 2 and 3 million Syrians",
                   "One of the two sides sent 16 missile tests, nearly 300,000 troops and 5 km of road."]
    for text in texts:
        a = an.analyse(text)
        assert number.quantities(a) == plain(a)
    assert sum(len(number.quantities(an.analyse(t))) for t in texts) >= 4


# --- dates --------------------------------------------------------------------------------------


def test_date_words_test_is_the_token_test():
    for text in ODD:
        a = an.analyse(text)
        assert dates._may_date(a) == any(
            t.low in dates._DATE_WORDS or (t.is_number and len(t.low) == 4) for t in a.tokens
        )


def test_date_pattern_has_no_capitals():
    # _DATE_LOWER matches lower-cased text case-sensitively: the pattern must be lower case
    bare = re.sub(r"\\[A-Za-z]|\?P<\w+>", "", dates._DATE.pattern)
    assert bare == bare.lower()


def test_lower_cased_date_matches_are_the_ignorecase_matches():
    rng = random.Random(11)
    words = ["Monday", "last", "WEEK", "Sept.", "5", "2017-03-05", "two", "days", "ago", "New", "Year's",
             "\u212a", "\u017fept", "\u0130", "\u0131", "Christmas", "Eve", "12th", "of", "March", " ", ",", "\u2019s"]
    samples = ODD + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 8))) for _ in range(5000)]
    for text in samples:
        expected = [(m.span(), {k: v and v.lower() for k, v in m.groupdict().items()}) for m in dates._DATE.finditer(text)]
        a = an.Analysis(text, an.tokenize(text))
        a.cache["may date"] = True  # search every sample
        got = [(m.span(), {k: v and v.lower() for k, v in m.groupdict().items()}) for m in dates._scan_dates(a)]
        assert got == expected, text


# --- the gate -----------------------------------------------------------------------------------


def _reference_candidates(refs, analyses, published, groups, matches, extra=()):
    """The gate as first written: all pairs of SentenceRefs, no indexes."""
    by_span = {(r.paragraph, r.start): r for r in refs}
    row_of = {key: g.id for g in groups for key in g.members}
    level = {}
    rank = {"match": 0, "row": 1, "claim": 2}

    def add(x, y, how):
        if x.source == y.source:
            return
        key = (x, y) if (x.paragraph, x.start) <= (y.paragraph, y.start) else (y, x)
        if key not in level or rank[how] < rank[level[key]]:
            level[key] = how

    for m in matches:
        x, y = by_span.get((m.a.key, m.a.start)), by_span.get((m.b.key, m.b.start))
        if x is not None and y is not None:
            add(x, y, "match")
    for x, y in extra:
        add(x, y, "match")
    members = defaultdict(list)
    for r in refs:
        if r.paragraph in row_of:
            members[row_of[r.paragraph]].append(r)
    for row in members.values():
        for x, y in combinations(row, 2):
            if x.source != y.source:
                add(x, y, "row")
    pairs = set()
    postings = defaultdict(list)
    for r in refs:
        for k in _claim_keys(analyses[r], published.get(r.source)):
            postings[k].append(r)
    for ms in postings.values():
        if len(ms) <= tuning.GATE_CLAIM_MAX_POSTINGS:
            pairs.update(combinations(ms, 2))
    negated = [(r, keys) for r in refs if (keys := negation.claim_keys(analyses[r]))]
    for r, keys in negated:
        for k in keys:
            for other in refs:
                a = analyses[other]
                if other.source != r.source and k[0] in {t.stem for t in a.tokens} and k[1] in {m.key for m in a.mentions}:
                    pairs.add((r, other))
    for x, y in sorted(pairs, key=lambda p: (p[0].paragraph, p[0].start, p[1].paragraph, p[1].start)):
        if x.source != y.source and len(analyses[x].anchors() & analyses[y].anchors()) >= tuning.GATE_CLAIM_SHARED_NAMES:
            add(x, y, "claim")
    return [(x, y, how) for (x, y), how in level.items()]


def _refs(alignment):
    return sentence_refs(p for p in alignment.paragraphs if p.role in STORY_ROLES)


def test_gate_by_positions_is_the_all_pairs_gate(seeds_alignment):
    refs = _refs(seeds_alignment)
    analyses = {r: an.analyse(r.text) for r in refs}
    published = {s.id: s.published for s in seeds_alignment.sources}
    extra = [(refs[3], refs[-3]), (refs[-1], refs[0])]
    expected = _reference_candidates(refs, analyses, published, seeds_alignment.groups, seeds_alignment.matches, extra)
    index = {r: k for k, r in enumerate(refs)}
    got = candidate_pairs(
        refs, [analyses[r] for r in refs], published, seeds_alignment.groups, seeds_alignment.matches,
        [(index[x], index[y]) for x, y in extra],
    )
    assert [(refs[i], refs[j], how) for i, j, how in got] == expected
    assert {how for *_, how in got} == {"match", "row", "claim"}


def test_applicable_detectors_find_what_all_detectors_find(seeds_alignment):
    refs = _refs(seeds_alignment)
    published = {s.id: s.published for s in seeds_alignment.sources}
    analyses = [an.analyse(r.text) for r in refs]
    pairs = candidate_pairs(refs, analyses, published, seeds_alignment.groups, seeds_alignment.matches)
    found = 0
    for i, j, level in pairs:
        x, y = analyses[i], analyses[j]
        for relation, copier, credited in ((None, None, None), ("quote", None, None), ("copy", "b", "Reuters")):
            related = relation is not None
            pair = Pair(Side(x, "A", published[refs[i].source]), Side(y, "B", published[refs[j].source]),
                        level, None, relation, copier, credited)
            detectors = applicable(x, y, related)
            for detect in DETECTORS.values():
                findings = detect(pair)
                assert detect in detectors or findings == []  # a detector left out finds nothing
                found += len(findings)
            assert compare_pair(pair, detectors) == compare_pair(pair)
    assert found  # the seeds give the detectors something to find


# --- provenance ---------------------------------------------------------------------------------


def _reference_reused_pairs(refs):
    """Reused sentence pairs as first written: a posting list per shingle, pairs counted in Python."""
    index = defaultdict(list)
    tokens = [words(r.text) for r in refs]
    for i, toks in enumerate(tokens):
        for g in {tuple(toks[k : k + 4]) for k in range(len(toks) - 3)}:
            index[g].append(i)
    counts = defaultdict(int)
    for members in index.values():
        if len(members) > tuning.REUSE_SHINGLE_MAX_DF:
            continue
        for k, i in enumerate(members):
            for j in members[k + 1 :]:
                if refs[i].source != refs[j].source:
                    counts[(i, j)] += 1
    out = []
    for (i, j), shared in counts.items():
        if shared >= tuning.REUSE_MIN_SHINGLES and (share := near_verbatim(refs[i].text, refs[j].text)) is not None:
            out.append((refs[i], refs[j], share))
    best = {}
    for x, y, share in out:
        for u, v in ((x, y), (y, x)):
            if (u, v.source) not in best or best[(u, v.source)][0] < share:
                best[(u, v.source)] = (share, v)
    return [(x, y, s) for x, y, s in out if best[(x, y.source)][1] == y and best[(y, x.source)][1] == x]


def test_reused_pairs_by_shingle_counts_are_the_plain_ones(seeds_alignment):
    refs = _refs(seeds_alignment)
    assert _reused_pairs(refs) == _reference_reused_pairs(refs)
    # a cluster with many copies, stock phrases and near copies
    rng = random.Random(3)
    words = "the united states and russia agreed on a plan to end the war in syria said officials on monday".split()
    base = [" ".join(rng.choice(words) for _ in range(rng.randint(8, 30))) + "." for _ in range(40)]
    refs = []
    for source in "abcdef":
        for k, text in enumerate(rng.sample(base, 25)):
            if rng.random() < 0.3:
                text = text.replace(" the ", " a ", 1)
            refs.append(SentenceRef((source, k), 0, len(text), text))
    got = _reused_pairs(refs)
    assert got == _reference_reused_pairs(refs)
    assert len(got) > 10


# --- the garbage collector ------------------------------------------------------------------------


def test_stages_pause_the_collector_and_restore_it():
    seen = []

    @without_gc
    def stage(fail=False):
        seen.append(gc.isenabled())
        if fail:
            raise ValueError("boom")
        return 1

    assert gc.isenabled()
    assert stage() == 1 and seen == [False] and gc.isenabled()
    with pytest.raises(ValueError):
        stage(fail=True)
    assert gc.isenabled()
    gc.disable()
    try:
        stage()
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()


def test_row_pairs_skip_same_source_pairs_and_keep_their_order():
    """The gate's row pairs are combinations(row, 2) less same-source pairs, in that order,
    however the sources fall in the row (runs, or a source that comes back)."""
    from aligner.flags.gate import _cross_source_pairs

    rng = random.Random(7)
    for _ in range(200):
        n = rng.randrange(0, 30)
        source = [rng.choice("abc") for _ in range(n)]
        if rng.random() < 0.5:
            source.sort()  # sentences of one article side by side, as the pipeline gives them
        row = list(range(n))
        expected = [(x, y) for x, y in combinations(row, 2) if source[x] != source[y]]
        assert list(_cross_source_pairs(row, source)) == expected


def test_a_paragraph_of_thousands_of_sentences_is_not_paired_with_itself():
    """One row holding a 3,000-sentence paragraph and two sentences of another source: the gate
    looks at sources a bounded number of times per pair it yields and per sentence. (Visiting
    the 4.5 million same-source pairs took minutes for a 2 MB one-line article.)"""
    from aligner.flags.gate import _cross_source_pairs

    class Counted(list):
        reads = 0

        def __getitem__(self, k):
            Counted.reads += 1
            return list.__getitem__(self, k)

    source = Counted(["a"] * 3000 + ["b"] * 2)
    pairs = list(_cross_source_pairs(list(range(len(source))), source))
    assert len(pairs) == 3000 * 2
    assert Counted.reads <= 4 * (len(source) + len(pairs))
