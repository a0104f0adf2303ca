"""Text folding and word tokens for matching. The text shown to the user is never changed."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

from aligner.lexicons import IRREGULAR_PAST

# Characters that differ between outlets' typesetting but not in meaning.
_FOLD = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u2026": "...",
        # Invisible characters that break words apart.
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
    }
)
#: Each run of white space other than one plain space (a lone space is left alone: replacing
#: every space by itself cost most of `fold`).
_SPACES = re.compile(r"[^\S ]\s*| \s+")
#: `_FOLD` as character -> replacement, for the few characters a text holds (`str.translate`
#: looks every character up in the table: three times slower on news text).
_FOLD_MAP = {chr(code): replacement or "" for code, replacement in _FOLD.items()}
_FOLD_CHARS = frozenset(_FOLD_MAP)
WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)


def fold(text: str) -> str:
    """Typographic variants to one form, runs of white space to one space. Case is kept.

    Sentences and names are cached: every stage folds the same ones again (at 50 articles,
    270,000 folds of 9,200 strings). Long text is not, so the cache stays small (at most
    65,536 entries of up to 512 characters)."""
    return _fold_short(text) if len(text) <= 512 else _fold(text)


def _fold(text: str) -> str:
    # No replacement holds a character of the table, so replacing one character at a time is
    # the same as translating them all at once.
    if text.isascii():
        if "`" in text:  # the table's only ASCII character
            text = text.replace("`", "'")
    else:
        for ch in _FOLD_CHARS.intersection(text):
            text = text.replace(ch, _FOLD_MAP[ch])
    return _SPACES.sub(" ", text).strip()


_fold_short = lru_cache(maxsize=1 << 16)(_fold)


def words(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens of folded text ("Russia's" stays one token). Cached like fold():
    the index, the matcher and the flags tokenise the same sentences."""
    return _words_short(text) if len(text) <= 512 else _words(text)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in WORD.findall(fold(text)))


_words_short = lru_cache(maxsize=1 << 16)(_words)


_stemmer = Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.removesuffix("'s"))


def _typeset_variants() -> dict[str, str]:
    """Each folded character and every character that folds to it ("'" and "’")."""
    out: dict[str, set[str]] = {}
    for code, folded in _FOLD.items():
        if isinstance(folded, str) and len(folded) == 1 and not folded.isspace():
            out.setdefault(folded, {folded}).add(chr(code))
    return {k: "".join(sorted(v)) for k, v in out.items()}


_VARIANTS = _typeset_variants()


def loose_pattern(query: str) -> str:
    """A regular expression for text as typed that finds it as typeset too: ' finds ’ and
    ‘, " finds “ and ”, - finds en and em dashes, ... finds … (and the reverse), a
    space any run of white space. Invisible characters in the query are left out; a query of
    nothing else gives "" (nothing to look for)."""
    out: list[str] = []
    i = 0
    while i < len(query):
        ch = query[i]
        folded = _FOLD.get(ord(ch), ch)
        if query.startswith("...", i) or folded == "...":
            out.append(r"(?:\.\.\.|…)")
            i += 3 if query.startswith("...", i) else 1
            continue
        i += 1
        if folded is None:
            continue  # a zero-width space or a soft hyphen: nothing a reader sees
        if folded.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif folded in _VARIANTS:
            out.append("[" + re.escape(_VARIANTS[folded]) + "]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def is_past_form(word: str) -> bool:
    """Whether a lower-case word reads as a past-tense verb: an irregular past ("met") or a
    word in "-ed" ("agreed"; "red" and "bed" are too short)."""
    return word in IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4)


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def _visible_table() -> dict[int, str]:
    table: dict[int, str] = {c: chr(0x2400 + c) for c in range(32)}  # C0 as control pictures: ␛, ␀...
    table[0x09] = " "
    del table[0x0A]
    table[0x7F] = "\u2421"  # ␡
    for c in range(0x80, 0xA0):  # C1 controls, including the 8-bit CSI that terminals obey
        table[c] = "\ufffd"
    # Bidi overrides and isolates, zero-width characters and separators: they reorder or hide
    # text, so they are shown as a replacement mark rather than obeyed.
    for c in (0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB,
              *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[c] = "\ufffd"
    # Invisible fillers and operators used to hide or smuggle text, the invisible "tag" characters
    # (U+E0000 block: ASCII spelled in characters no terminal shows) and lone surrogates (only
    # reachable through the API or a file name that is not UTF-8; a terminal cannot encode them).
    for c in (0x115F, 0x1160, 0x180E, 0x3164, 0xFFA0, *range(0x2061, 0x2065),
              *range(0xE0000, 0xE0080), *range(0xD800, 0xE000)):
        table[c] = "\ufffd"
    table[0x2028] = " "
    table[0x2029] = " "
    return table


_VISIBLE = _visible_table()


def visible(text: str) -> str:
    """Text safe to show: control and invisible formatting characters replaced by visible marks
    (ESC becomes ␛), so article text can never drive the terminal. Newlines are kept, and every
    character maps to exactly one character, so offsets into the text still hold.

    Zero-width joiners and non-joiners are spelling in Persian and Indic scripts ("می‌خواهم"):
    between two letters (or a letter and its mark) they stay. Between emoji they build one
    picture that terminals draw at widths of their own, so they become a space there and the
    emoji are shown side by side; anywhere else, a replacement mark."""
    shown = text.translate(_VISIBLE)
    if "\u200c" not in text and "\u200d" not in text:
        return shown
    chars = list(shown)
    for match in _JOINER.finditer(text):
        k = match.start()
        before, after = _category(text, k - 1), _category(text, k + 1)
        if before and after and before in "LM" and after in "LM":
            chars[k] = text[k]
        elif before and before in "SM" and after == "S":
            chars[k] = " "
    return "".join(chars)


_JOINER = re.compile("[\u200c\u200d]")


def _category(text: str, k: int) -> str:
    """The major Unicode category of text[k] ("L" letter, "M" mark, "S" symbol...), "" outside."""
    return unicodedata.category(text[k])[0] if 0 <= k < len(text) else ""
