"""`name`: two sources give the same body, role or person different names.

Two proper names (capitalised word runs, titles left out) are compared when they share a word but
each has a word the other lacks ("Joint Operation Group" / "Joint Implementation Group";
"Debbie Wasserman Schultz" / "Wendy Wasserman Schultz"). Compatible, never flagged: aliases from
the lexicon (ISIS / ISIL / Islamic State / Daesh), transliterations and spelling variants
(Sergei / Sergey), nicknames (Rick / Richard), initials, containment (Amman, Jordan / Jordan;
Vladimir V. Putin / Vladimir Putin), and names that differ by a contrastive word (North Korea /
South Korea, House / Senate: two different things). The rest of the two sentences must be about
the same thing (shared content words), and, in the pipeline, neither article may use the other
article's name anywhere: an outlet that knows both names is talking about two things.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from aligner import tuning
from aligner.flags import lexicons as lx
from aligner.flags.analysis import Analysis, Mention, alias_key
from aligner.flags.pair import Finding, Pair
from aligner.similarity import STOPWORDS

_NICKNAME_OF: dict[str, set[str]] = {}
for _group in lx.NICKNAMES:
    for _n in _group:
        _NICKNAME_OF.setdefault(_n, set()).update(_group)


def detect(pair: Pair) -> list[Finding]:
    x, y = pair.a.analysis, pair.b.analysis
    out: list[Finding] = []
    x_keys = x.cached("name keys", _keys)
    y_keys = y.cached("name keys", _keys)
    y_heads = y.cached("names by head", _by_head)
    for m in x.mentions:
        if len(m.words) < 2 or m.key in y_keys:
            continue  # the other sentence uses this name too
        # Only names with the same last word can differ (`_differ`), in the order y has them.
        for n in y_heads.get(m.words[-1], ()):
            if n.key in x_keys or not _differ(m, n):
                continue
            if not _known_only_to_each(pair, m, n):
                continue
            if _first_names_only(m, n) and (
                pair.level != "match" or pair.similarity_of() < tuning.NAME_PERSON_MIN_SIMILARITY
            ):
                continue  # "Donald Trump" / "Melania Trump": two people unless the sentences say one thing
            if not _other_names_agree(x, m, y, n):
                continue  # the rest of the two sentences names other people and places
            shared = _context_overlap(x, m, y, n)
            needed = {"match": 1, "row": 2, "claim": 3}[pair.level]
            if shared < needed + tuning.NAME_EXTRA_CONTEXT:
                continue
            score = {"match": 0.8, "row": 0.72, "claim": 0.62}[pair.level] + min(0.1, 0.02 * shared)
            out.append(
                Finding(
                    "name",
                    (m.start, m.end),
                    (n.start, n.end),
                    f"{pair.a.label} calls it \u201c{m.text}\u201d, {pair.b.label} \u201c{n.text}\u201d.",
                    round(min(score, 0.9), 3),
                )
            )
    return out


def _keys(a: Analysis) -> frozenset[str]:
    return frozenset(m.key for m in a.mentions)


def _by_head(a: Analysis) -> dict[str, list[Mention]]:
    """The sentence's names of two words or more by their last word, in sentence order."""
    out: dict[str, list[Mention]] = {}
    for n in a.mentions:
        if len(n.words) >= 2:
            out.setdefault(n.words[-1], []).append(n)
    return out


def has_names(a: Analysis) -> bool:
    """Whether the sentence has a name of two words or more (the only kind compared)."""
    return any(len(m.words) >= 2 for m in a.mentions)


def _differ(m: Mention, n: Mention) -> bool:
    """Two names that share a word, each with a word the other lacks, not compatible."""
    if m.key == n.key:
        return False
    mw, nw = set(m.words), set(n.words)
    shared = mw & nw
    if not shared or all(w in STOPWORDS for w in shared):
        return False
    if m.words[-1] != n.words[-1]:
        return False  # not the same head: "North Korea" / "North Carolina"
    if m.words[-1] in lx.GENERIC_NAME_HEADS and len(shared) < 2:
        return False  # "Judiciary Committee" / "Oversight Committee": two committees
    if m.words[-1] not in lx.GENERIC_NAME_HEADS and (m.words[0] in n.words or n.words[0] in m.words):
        return False  # one person's first and last name, with or without a middle name or epithet
    only_m, only_n = mw - nw, nw - mw
    if not only_m or not only_n:
        return False  # containment: "Amman, Jordan" / "Jordan", "Vladimir V. Putin" / "Putin"
    if only_m & lx.CONTRASTIVE_NAME_WORDS or only_n & lx.CONTRASTIVE_NAME_WORDS:
        return False  # "North Korea" / "South Korea": two different things
    if any(w.isdigit() for w in only_m | only_n):
        return False
    if "".join(m.words) == "".join(n.words):
        return False  # "Jae-in" / "Jae In"
    unmatched_m = [w for w in only_m if not any(_same_word(w, v) for v in only_n)]
    unmatched_n = [v for v in only_n if not any(_same_word(w, v) for w in only_m)]
    if not unmatched_m or not unmatched_n:
        return False
    # Aliases of the differing parts ("Jabhat al-Nusra" / "Nusra Front").
    ka = alias_key(" ".join(m.words))
    kb = alias_key(" ".join(n.words))
    if ka is not None and ka == kb:
        return False
    keys_m = {alias_key(w) for w in unmatched_m} - {None}
    keys_n = {alias_key(w) for w in unmatched_n} - {None}
    if keys_m and keys_m == keys_n:
        return False
    # Several words against one: "U.S. Constitution" / "United States Constitution".
    part_m = alias_key(" ".join(w for w in m.words if w in unmatched_m))
    part_n = alias_key(" ".join(w for w in n.words if w in unmatched_n))
    if part_m is not None and part_m == part_n:
        return False
    return True


def _first_names_only(m: Mention, n: Mention) -> bool:
    """The two names differ only in their first word and end in the same name: two people of one
    family as often as one person misnamed."""
    return m.words[1:] == n.words[1:] and m.words[-1] not in lx.GENERIC_NAME_HEADS


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]  # an initial
    if b in _NICKNAME_OF.get(a, ()):
        return True
    if a[:3] == b[:3] and 3 <= min(len(a), len(b)) <= 5:
        return True  # a short form: "Rudy" / "Rudolph", "Alex" / "Alexander", "Deb" / "Deborah"
    # A transliteration or misspelling changes a letter or two: "Sergei" / "Sergey".
    return Levenshtein.distance(a, b) <= min(tuning.NAME_SPELLING_EDITS, len(min(a, b, key=len)) // 4)


def _known_only_to_each(pair: Pair, m: Mention, n: Mention) -> bool:
    """Neither article uses the other's distinctive name words anywhere (unknown: assume so)."""
    names_a, names_b = pair.a.article_names, pair.b.article_names
    only_m = set(m.words) - set(n.words)
    only_n = set(n.words) - set(m.words)
    if names_a is not None and only_n <= names_a:
        return False
    if names_b is not None and only_m <= names_b:
        return False
    return True


def _other_names_agree(x: Analysis, m: Mention, y: Analysis, n: Mention) -> bool:
    """Besides the two names compared, the sentences name the same people or places (or one of
    them names none)."""
    ox = {k.key for k in x.mentions if k is not m} - lx.WEAK_ANCHORS
    oy = {k.key for k in y.mentions if k is not n} - lx.WEAK_ANCHORS
    return not ox or not oy or bool(ox & oy)


def _context_overlap(x: Analysis, m: Mention, y: Analysis, n: Mention) -> int:
    """Content words the two sentences share outside the two names."""
    name_words = set(m.words) | set(n.words)
    xs = {s for s in x.content_stems() if s not in name_words}
    ys = {s for s in y.content_stems() if s not in name_words}
    inside = {t.stem for t in x.tokens[m.first : m.last + 1]} | {t.stem for t in y.tokens[n.first : n.last + 1]}
    return len((xs & ys) - inside)
