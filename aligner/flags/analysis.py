"""One sentence read once for every detector: tokens with offsets, names, quotes, negations.

Everything the detectors compare is computed here, once per sentence (cached), so a cluster of
thousands of sentence pairs stays cheap. Offsets are into the sentence text as written; the
pipeline adds the sentence's start to turn them into paragraph offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from aligner.flags import lexicons as lx
from aligner.similarity import STOPWORDS
from aligner.text import fold, stem

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., D.P.R.K.
    r"|\$?\d+(?:[.,:]\d+)*%?"  # 300,000  5:29  $1.5  40%
    r"|[^\W\d_]+(?:['\u2019][^\W\d_]+)*"  # words, Russia's, isn't
    r"|[^\w\s]",  # punctuation, one character at a time
    re.UNICODE,
)
#: The same pattern for ASCII text (twice as fast: no Unicode tables). On ASCII characters the two
#: agree except that Unicode counts \x1c-\x1f as white space: text with one keeps `_TOKEN`.
_TOKEN_ASCII = re.compile(_TOKEN.pattern, re.ASCII)
_UNICODE_ONLY_SPACE = frozenset("\x1c\x1d\x1e\x1f")
_OPEN_QUOTES = {'"', "\u201c", "\u201e", "\u00ab"}
_CLOSE_QUOTES = {'"', "\u201d", "\u00bb"}
_QUOTE_MARKS = frozenset(_OPEN_QUOTES | _CLOSE_QUOTES)
_CLAUSE_PUNCT = frozenset(",;:()[]\u2014\u2013")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sen rep gov gen col lt maj sgt capt adm jr sr inc co corp ltd no vs u.s jan feb mar apr "
    "jun jul aug sep sept oct nov dec".split()
)


class Token(NamedTuple):
    """One token of a sentence. A named tuple: tokens are many (150,000 at 200 articles), and a
    tuple is built in C (`tokenize` calls `tuple.__new__` directly), several times faster than a
    dataclass."""

    i: int
    text: str  # as written
    low: str  # folded, lower case
    stem: str
    start: int
    end: int
    is_word: bool = False  # letters or digits, not punctuation
    is_cap: bool = False  # starts with a capital letter
    is_number: bool = False  # digits ("300,000", "$1.5", "40%")


_LOW = attrgetter("low")
_STEM = attrgetter("stem")


class Mention(NamedTuple):
    """A proper name as written: token range [first, last] and its comparison keys. (A named
    tuple, like `Token`: immutable, compared by value, and quick to build.)"""

    first: int
    last: int
    start: int
    end: int
    text: str
    words: tuple[str, ...]  # lower-case name words without titles and connectors
    key: str  # canonical key (alias table), or the words joined

    @property
    def head(self) -> str:
        return self.words[-1] if self.words else ""


@dataclass(slots=True)
class Analysis:
    text: str
    tokens: list[Token]
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # token index ranges [first, last)
    negations: list[int] = field(default_factory=list)  # token indices of negation cues
    #: What detectors derive from the sentence (quantities, claims...), computed once: the
    #: analysis of a text is shared by every pair it takes part in.
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    def cached(self, key, compute):
        try:
            return self.cache[key]
        except KeyError:
            value = self.cache[key] = compute(self)
            return value

    def lows(self) -> frozenset[str]:
        """Every token's folded lower-case form (words and punctuation)."""
        return self.cached("lows", lambda a: frozenset(map(_LOW, a.tokens)))

    def all_stems(self) -> frozenset[str]:
        """Every token's stem (punctuation is its own stem)."""
        return self.cached("all stems", lambda a: frozenset(map(_STEM, a.tokens)))

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.is_word]

    def content_stems(self) -> set[str]:
        """Stems of the words that are neither stop words nor numbers."""
        return self.cached("content", Analysis._content_stems)

    def _content_stems(self) -> set[str]:
        return {t.stem for t in self.tokens if t.is_word and t.low not in STOPWORDS and not t.is_number}

    def topic(self) -> set[str]:
        return self.cached("topic", Analysis._topic)

    def _topic(self) -> set[str]:
        """Roots of the sentence's common (not capitalised) content words: "agreed" and
        "agreement" share the root "agre"."""
        out = set()
        for t in self.tokens:
            if t.is_word and not t.is_cap and t.low not in STOPWORDS and not t.is_number:
                root = t.stem
                if root.endswith("ment") and len(root) > 7:
                    root = stem(root.removesuffix("ment"))
                out.add(root)
        return out

    def anchors(self) -> set[str]:
        """Entity keys and single name words: what a sentence is about."""
        return self.cached("anchors", Analysis._anchors)

    def _anchors(self) -> set[str]:
        out: set[str] = set()
        for m in self.mentions:
            out.add(m.key)
            for t in self.tokens[m.first : m.last + 1]:
                if t.is_word and (key := alias_key(t.low)) is not None:
                    out.add(key)  # "Russian President Vladimir Putin" is also about Russia
            for w in m.words:
                key = alias_key(w)
                if key is not None:
                    out.add(key)
                elif w not in lx.TITLES and len(w) > 2:
                    out.add(w)
        return out

    def quoted_text(self) -> str:
        return " ".join(self.text[self.tokens[a].start : self.tokens[b - 1].end] for a, b in self.quotes)

    def in_quote(self, i: int) -> bool:
        return any(a <= i < b for a, b in self.quotes)

    def clause(self, i: int) -> tuple[int, int]:
        """Token range of the clause around token i: between punctuation or clause connectives."""
        first = i
        while first > 0 and not self._breaks(first - 1):
            first -= 1
        last = i + 1
        while last < len(self.tokens) and not self._breaks(last):
            last += 1
        return first, last

    def _breaks(self, k: int) -> bool:
        t = self.tokens[k]
        if t.low in _CLAUSE_PUNCT or t.low in lx.CLAUSE_BREAKS or t.low in ("?", "!"):
            return True
        if t.low == ".":
            before = self.tokens[k - 1] if k > 0 else None
            # "Mr. Trump", "Vladimir V. Putin", "Sen. Reid": an abbreviation, not a sentence end
            return not (before is not None and (len(before.low) == 1 or before.low in _ABBREVIATIONS))
        return False


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    info = _token_info
    new = tuple.__new__
    end = 0
    # The pattern skips only white space and "_", which no token starts with: each token is the
    # first occurrence of its text after the one before.
    pattern = _TOKEN_ASCII if text.isascii() and _UNICODE_ONLY_SPACE.isdisjoint(text) else _TOKEN
    for n, raw in enumerate(pattern.findall(text)):
        start = text.find(raw, end)
        end = start + len(raw)
        low, stem_, is_word, is_cap, is_number = info(raw)
        out.append(new(Token, (n, raw, low, stem_, start, end, is_word, is_cap, is_number)))
    return out


@lru_cache(maxsize=1 << 16)
def _token_info(raw: str) -> tuple[str, str, bool, bool, bool]:
    """What a token is, from its text alone (computed once per distinct word): (low, stem,
    is_word, is_cap, is_number)."""
    low = (raw if raw.isascii() else fold(raw)).lower()
    first = low[:1]
    return (
        low,
        stem(low) if first.isalpha() else low,
        first.isalnum() or (first == "$" and len(low) > 1),
        raw[:1].isupper(),
        first.isdigit() or first == "$",
    )


@lru_cache(maxsize=32768)
def analyse(text: str) -> Analysis:
    tokens = tokenize(text)
    a = Analysis(text, tokens)
    # Quotation marks are one-character tokens: without one in the text there is no quotation.
    a.quotes = [] if _QUOTE_MARKS.isdisjoint(text) else _quotes(tokens)
    a.mentions = _mentions(tokens)
    a.negations = _negations(tokens) if _may_negate(a) else []
    return a


def _may_negate(a: Analysis) -> bool:
    """Whether any token can be a negation cue: a negation word, or a word ending in "n't" (its
    folded form; in the text "n't" or "n\u2019t" in any case)."""
    if not a.lows().isdisjoint(lx.NEGATIONS):
        return True
    low = a.text.lower()
    return "n't" in low or "n\u2019t" in low


# --- names -------------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s\-.]+")
_ALIAS_KEY: dict[str, str] = {}
for _canonical, _aliases in lx.ALIASES.items():
    for _form in (_canonical, *_aliases):
        _ALIAS_KEY[_SEPARATORS.sub(" ", _form.lower()).strip()] = _canonical


_POSSESSIVE_END = re.compile(r"['\u2019]s$")


@lru_cache(maxsize=65536)
def alias_key(name: str) -> str | None:
    """The canonical key of a name in the alias table ("ISIL" -> "islamic state"), else None."""
    cleaned = _SEPARATORS.sub(" ", fold(name).lower()).strip()
    cleaned = _POSSESSIVE_END.sub("", cleaned)
    if cleaned in _ALIAS_KEY:
        return _ALIAS_KEY[cleaned]
    if cleaned.startswith("the ") and cleaned[4:] in _ALIAS_KEY:
        return _ALIAS_KEY[cleaned[4:]]
    return None


def _is_name_token(t: Token) -> bool:
    return t.is_word and _is_name_word(t.text)


_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}")
_POSSESSIVE = ("'s", "\u2019s")


@lru_cache(maxsize=1 << 16)
def _is_name_word(raw: str) -> bool:
    """Whether a word token can be part of a name (a function of its text: cached per word)."""
    if _INITIALS.fullmatch(raw):
        return True
    low = _token_info(raw)[0]
    return raw[:1].isupper() and _unpossessive(low) not in lx.NOT_NAMES


def _unpossessive(low: str) -> str:
    """The word without a possessive "'s" ("Russia's" -> "russia")."""
    return low[:-2] if low.endswith(_POSSESSIVE) else low


def _mentions(tokens: list[Token]) -> list[Mention]:
    out: list[Mention] = []
    n = len(tokens)
    free = 0  # the first token after the last name found
    # A name starts at a name word: a capitalised word or initials ("U.S.").
    for i in [t.i for t in tokens if t.is_word and (t.is_cap or "." in t.text)]:
        if i < free:
            continue
        t = tokens[i]
        if not _is_name_token(t) or (t.low in lx.TITLES and not _next_is_name(tokens, i)):
            continue
        j = i
        while j + 1 < n:
            nxt = tokens[j + 1]
            if tokens[j].low.endswith(_POSSESSIVE):
                break  # "FBI's Russia investigation": a possessive ends the name
            if _is_name_token(nxt) or (nxt.text[:1].isupper() and nxt.low in ("al", "el", "bin")):
                j += 1
            elif nxt.low in lx.NAME_CONNECTORS and j + 2 < n and (_is_name_token(tokens[j + 2]) or tokens[j + 2].low == "-"):
                j += 1
            elif (
                nxt.low == "-"
                and j + 2 < n
                and tokens[j + 2].is_word
                and tokens[j + 2].start == nxt.end
                and nxt.start == tokens[j].end
                and (tokens[j + 2].is_cap or len(tokens[j + 2].low) <= 3)  # "al-Nusra", "Jae-in"; not "-backed"
            ):
                j += 2
            elif nxt.low == "." and len(tokens[j].text) == 1 and tokens[j].is_cap:  # initial: "Vladimir V. Putin"
                j += 1
            else:
                break
        # What the name is depends only on its tokens' texts, which of them touch, and whether it
        # opens the sentence: read once per such span (names recur in every article).
        touching = tuple(tokens[k].start == tokens[k - 1].end for k in range(i + 1, j + 1))
        span = (i == 0, tuple(map(_TEXT, tokens[i : j + 1])), touching)
        name = _NAMES.get(span)
        if name is None:
            name = _read_name(tokens, i, j)
            if len(_NAMES) >= _NAMES_MAX:
                _NAMES.clear()
            _NAMES[span] = name
        di, dj, text, core, key = name
        first, last = i + di, i + dj
        out.append(Mention(first, last, tokens[first].start, tokens[last].end, text, core, key))
        free = last + 1
    return out


_TEXT = attrgetter("text")


class _Memo(dict):
    """A plain dict memo that `aligner.memos.forget` empties like the functools caches."""

    cache_clear = dict.clear


_NAMES = _Memo()  # span (see `_mentions`) -> `_read_name` (relative offsets)
_NAMES_MAX = 1 << 15


def _read_name(tokens: list[Token], i: int, j: int) -> tuple[int, int, str, tuple[str, ...], str]:
    """The name in tokens[i..j] (a run of name words): where it starts and ends relative to i, its
    surface text, its words and its key."""
    first = i
    while j > i and (tokens[j].low in lx.NAME_CONNECTORS or not tokens[j].is_word):
        j -= 1
    if i == 0 and j > i and tokens[i].low.endswith(("ing", "ed", "ly")) and tokens[i].low not in lx.TITLES:
        i += 1  # "Hosting President Emmanuel Macron": a sentence-initial verb or adverb
    span_tokens = tokens[i : j + 1]
    # "Dianne Feinstein of California", "President Vladimir V. Putin of Russia": the person is
    # named before "of"; a body keeps it ("Army of Islam" has no person's name before it).
    lows = [x.low for x in span_tokens]
    of = lows.index("of") if "of" in lows else None
    if of is not None and of >= 2 and span_tokens[of - 1].low not in lx.GENERIC_NAME_HEADS and not any(
        x.low in lx.GENERIC_NAME_HEADS for x in span_tokens[of + 1 :]
    ) and not any(x.low in lx.TITLES for x in span_tokens[of - 1 : of]):
        span_tokens = span_tokens[:of]
    words = [
        _unpossessive(x.low)
        for x in span_tokens
        if x.is_word and x.low not in lx.NAME_CONNECTORS and not (len(x.text) == 1 and x.is_cap)
    ]
    words = [w for w in words if w not in lx.NAME_SUFFIXES]
    # A title inside the name: what follows it is the person ("House Judiciary Chairman Bob
    # Goodlatte" is Bob Goodlatte); "of France" after a person's name is a description.
    last_title = next((k for k in range(len(words) - 1, -1, -1) if words[k] in lx.TITLES), -1)
    if 0 <= last_title < len(words) - 1 and words[-1] not in lx.GENERIC_NAME_HEADS:
        words = words[last_title + 1 :]
    while len(words) > 1 and words[0] in lx.DEMONYMS and words[-1] not in lx.GENERIC_NAME_HEADS:
        words = words[1:]  # "French President Emmanuel Macron"; not "Syrian Democratic Forces"
    if words and words[-1] in lx.GENERIC_NAME_HEADS:
        core = tuple(words)  # a body's name keeps every word: "Revolutionary Defense Corps"
    else:
        core = tuple(w for w in words if w not in lx.TITLES) or tuple(words)
    text = _surface(tokens, i, j)
    key = alias_key(text) or alias_key(" ".join(core)) or " ".join(core)
    return i - first, j - first, text, core, key


def _next_is_name(tokens: list[Token], i: int) -> bool:
    k = i + 1
    while k < len(tokens) and tokens[k].low == ".":
        k += 1
    return k < len(tokens) and _is_name_token(tokens[k])


def _surface(tokens: list[Token], i: int, j: int) -> str:
    return "".join(
        (t.text if k == i or tokens[k - 1].end == t.start else " " + t.text) for k, t in enumerate(tokens[i : j + 1], i)
    )


# --- quotes ---------------------------------------------------------------------------------------


def _quotes(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges inside quotation marks (typographic or straight, paired in order). A sentence
    may continue a quotation opened in the one before (a closing mark with no opening one), or
    open one that goes on in the next."""
    out: list[tuple[int, int]] = []
    # Doubled marks with nothing between ('""') are one mark.
    marks = [
        t for t in tokens
        if (t.text in _OPEN_QUOTES or t.text in _CLOSE_QUOTES)
        and not (t.i > 0 and tokens[t.i - 1].text == t.text and tokens[t.i - 1].end == t.start)
    ]
    skip = {t.i for t in tokens if (t.text in _OPEN_QUOTES or t.text in _CLOSE_QUOTES)} - {t.i for t in marks}
    open_at: int | None = None
    if marks:
        first = marks[0]
        straight_unpaired = first.text == '"' and sum(t.text == '"' for t in marks) % 2 == 1
        closes_first = first.text in _CLOSE_QUOTES and first.text not in _OPEN_QUOTES
        words_before = any(t.is_word for t in tokens[: first.i])
        words_after = any(t.is_word for t in tokens[first.i + 1 :])
        if closes_first or (straight_unpaired and words_before and not words_after):
            open_at = 0  # the sentence continues a quotation opened in the one before
    for t in tokens:
        ch = t.text
        if t.i in skip:
            continue
        if open_at is None and ch in _OPEN_QUOTES:
            open_at = t.i + 1
        elif open_at is not None and ch in _CLOSE_QUOTES:
            if t.i > open_at:
                out.append((open_at, t.i))
            open_at = None
    if open_at is not None and len(tokens) - open_at > 1:
        out.append((open_at, len(tokens)))  # a quotation that goes on in the next sentence
    return out


# --- negation -------------------------------------------------------------------------------------

_NOT_NEGATING = [tuple(p.split()) for p in lx.NOT_NEGATING]
#: word -> the phrases of _NOT_NEGATING that have it, with its place in each (in list order).
_NOT_NEGATING_AT: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _phrase in _NOT_NEGATING:
    for _offset, _word in enumerate(_phrase):
        _NOT_NEGATING_AT.setdefault(_word, []).append((_phrase, _offset))


def is_negation(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] negates: a negation word, or one ending in "n't", unless it sits where it
    does in a phrase that is no negation ("not only", "no doubt")."""
    low = tokens[i].low
    if low not in lx.NEGATIONS and not low.endswith("n't"):
        return False
    for phrase, offset in _NOT_NEGATING_AT.get(low, ()):
        k = i - offset
        if k >= 0 and k + len(phrase) <= len(tokens) and tuple(x.low for x in tokens[k : k + len(phrase)]) == phrase:
            return False
    return True


def _negations(tokens: list[Token]) -> list[int]:
    return [t.i for t in tokens if is_negation(tokens, t.i)]
