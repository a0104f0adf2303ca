"""Sentences as character offsets into a paragraph.

sentencex (Wikimedia's segmenter, Rust) knows English abbreviations ("U.S.", "Mr.", "Vladimir V.
Putin") and returns offsets; on the seeds it gives the same sentences as pysbd at a hundred times
the speed. Its measured weaknesses are mended here: a time followed by a capitalised word ("10
a.m. Friday"), a quoted question and its speaker ('"Why now?" Lavrov asked.'), and the word "no"
ending a sentence ("The answer was no. Kerry left.").
"""

from __future__ import annotations

import re

import sentencex

from aligner.lexicons import MONTHS, WEEKDAYS
from aligner.model import Sentence

_SURROGATE = re.compile("[\ud800-\udfff]")
_CLOCK_END = re.compile(r"\b\d{1,2}(?::\d{2})?\s*[ap]\.m\.$", re.IGNORECASE)
_CONTINUES_TIME = re.compile(
    r"^(?:[a-z0-9(,;\u2013\u2014-]|(?:" + "|".join(w.title() for w in WEEKDAYS + MONTHS) + r")\b|"
    r"(?:ET|EDT|EST|CT|CDT|CST|PT|PDT|PST|GMT|UTC|BST|CET|CEST|MSK|local)\b)"
)


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentence spans covering the words of `text`, trimmed of surrounding white space."""
    if not text.strip():
        return ()
    spans: list[list[int]] = []
    # The segmenter takes UTF-8; a lone surrogate (only reachable through the API, never from a
    # decoded file) is swapped for U+FFFD, one code point for one, so offsets stay valid.
    checked = _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
    for start, end in _boundaries(checked):
        if spans and _continues(text, spans[-1], start, end):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    if "no." in text:
        spans = [piece for start, end in spans for piece in _split_missed(text, start, end)]
    for before, after in zip(spans, spans[1:]):
        if (m := _OPENING_QUOTE_END.search(text, before[0], before[1])) is not None:
            before[1] = after[0] = m.start() + 1  # '...he tweeted. "' | 'This...': the quote opens the next
    out: list[Sentence] = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Sentence(start, end))
    return tuple(out) or (Sentence(0, len(text)),)


#: sentencex slows down with the square of some paragraphs' length ("at 10 a.m. ET." repeated:
#: 160 KB took 3.8 s, 640 KB 17 s; CJK text 10 µs a character in 10,000-character pieces, 2.6 µs
#: in 2,000). No real paragraph needs more (the longest of the 4,283 in ../shared/eval has about
#: 2,000 characters), so longer text is segmented in windows: every sentence of a window but the
#: last is kept, and the next window starts where that last sentence starts, so every cut is one
#: the segmenter itself made, with the context it had.
_WINDOW = 2_000


#: sentencex 1.0 panics (a Rust panic, which Python sees as a BaseException that `except Exception`
#: lets through) on an initial, a non-ASCII space and a full stop: "Z\u00a0." (found by the
#: property tests). It is given every Unicode space as an ASCII one, one code point for one, so
#: offsets hold; 300,000 random texts around the pattern then gave no panic.
_SEGMENTER_SPACES = {
    c: " " for c in (0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)
}
#: A bullet opening a paragraph ("\u2022 The talks ended. Both sides left.") makes sentencex read it as
#: a list item it does not split: that one is given to it as a space (one inside the paragraph
#: opens the sentence after it, as it should).
_OPENING_BULLET = re.compile(r"^\s*[\u2022\u25e6\u25aa\u2043\u25cf\u25a0]")
_FALLBACK_END = re.compile(r"[.!?\u3002\uff01\uff1f]+[\"'\u201d\u2019)\]]*(?:\s+|$)")


def _for_the_segmenter(text: str) -> str:
    """`text` with Unicode spaces and an opening bullet as ASCII spaces, one code point for one."""
    text = text.translate(_SEGMENTER_SPACES)
    if (m := _OPENING_BULLET.match(text)) is not None:
        text = text[: m.end() - 1] + " " + text[m.end() :]
    return text


def _segment(text: str) -> list[tuple[int, int]]:
    """sentencex's sentences of `text` as (start, end); should it still panic, sentence ends
    found by punctuation, so that one odd paragraph never takes the program down."""
    try:
        return [
            (b["start_index"], b["end_index"])
            for b in sentencex.get_sentence_boundaries("en", _for_the_segmenter(text))
        ]
    except BaseException as e:  # noqa: BLE001 - only the segmenter's panic is caught
        if type(e).__name__ != "PanicException":
            raise
    out, start = [], 0
    for m in _FALLBACK_END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _boundaries(text: str):
    """(start, end) of the segmenter's sentences, covering `text`, in windows (see _WINDOW)."""
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + _WINDOW)
        found = [(a + start, b + start) for a, b in _segment(text[start:end])]
        if end == n:
            yield from found
            return
        if len(found) >= 2:
            yield from found[:-1]
            start = found[-1][0]
            continue
        # One sentence longer than a window: cut it at its last space (or anywhere, if none).
        cut = text.rfind(" ", start + _WINDOW // 2, end) + 1 or end
        yield start, cut
        start = cut


#: A quotation ending in ? or ! and the speaker after it: '"Why now?" Lavrov asked reporters.'
_QUESTION_QUOTE_END = re.compile(r"[?!][\"'\u201d\u2019]$")
_SPEAKER_THEN_VERB = re.compile(
    r"^(?:[A-Z][\w.'\u2019-]*\s+(?:of\s+(?=[A-Z]))?){1,5}(?:asked|said|says|asks|told|tells|shouted|wrote|added|replied|tweeted|"
    r"insisted|declared|demanded|wondered|cried|exclaimed|yelled|recalled|joked)\b"
)
#: Titles written before a name, which sentencex does not all know ("Ms. Rice", "then-Rep.
#: Giffords"): not a sentence's end when a name follows. ("St." may be "Main St.", and "Jr." may
#: end a sentence: neither is here.)
_TITLE_END = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Mx|Dr|Sen|Sens|Rep|Reps|Gov|Govs|Gen|Lt|Col|Sgt|Capt|Cpl|Pvt|Adm|Maj|Brig|Cmdr|"
    r"Prof|Rev|Fr|Hon|Amb|Supt|Det|Insp|Atty|Sec|Pres)\.$"
)
_NEVER_OPENS = frozenset(",;:)]}")
#: What a name after a title starts with: a capitalised word that does not open sentences.
_NAME_START = re.compile(
    r"(?!(?:The|A|An|He|She|It|They|We|I|You|His|Her|Its|Their|Our|This|That|These|Those|There|Then|But|And|"
    r"In|On|At|As|After|Before|When|While|If|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b)[A-Z]"
)
#: Initials cut in two: "Charles Schumer, D-N." | "Y., spoke" (a party and state), "U." | "N.)".
_INITIAL_END = re.compile(r"(?<![A-Za-z])[A-Z]\.$")
_INITIALS_GO_ON = re.compile(r"^(?:[A-Z]\.)+[,;:)]")
#: A quotation mark the segmenter left at the end of a sentence though it opens the next one:
#: 'Democrats," he tweeted. "' | 'This can be good news."' (a space before it, none after).
_OPENING_QUOTE_END = re.compile(r"[.!?]\s+[\"\u201c\u2018']\s*$")
#: A numbered item's number alone, as the segmenter cuts it off: "1. The first step."
_ITEM_NUMBER = re.compile(r"\s*\d{1,2}[.)]\s*")
#: "The answer was no. Kerry left.": a lower-case "no." before a capital is a word, not "No. 3".
_WORD_NO_END = re.compile(r"(?<![\w.])no\.(?=\s+[A-Z])")


def _continues(text: str, previous: list[int], start: int, end: int) -> bool:
    """A split the segmenter should not have made: after a clock time, a numbered item's number,
    a title before a name or half a run of initials; before bare punctuation or a comma; or
    between a quoted question and its speaker.

    Only the end of the sentence before matters ("... 10 a.m."): a chain of merges must not slice
    the whole growing sentence again at every step."""
    before = text[max(previous[0], previous[1] - 64) : previous[1]].rstrip()
    after = text[start:end].lstrip()
    if not any(ch.isalnum() for ch in after) or after[:1] in _NEVER_OPENS:
        return True  # "R-Va." | "; House Oversight...": no sentence opens with a comma or semicolon
    if _ITEM_NUMBER.fullmatch(text, previous[0], previous[1]):
        return True  # "1. The first step.": an item's number opens its sentence
    if _TITLE_END.search(before) and _NAME_START.match(after):
        return True  # "Ms." | "Rice said" (but "a Lt. Col." | "He now teaches": a rank ends it)
    if _INITIAL_END.search(before) and _INITIALS_GO_ON.match(after):
        return True
    if _QUESTION_QUOTE_END.search(before) and _SPEAKER_THEN_VERB.match(after):
        return True
    return bool(_CLOCK_END.search(before) and _CONTINUES_TIME.match(after))


def _split_missed(text: str, start: int, end: int) -> list[list[int]]:
    """The span cut where the segmenter missed an end: after a lower-case "no."."""
    out = []
    for m in _WORD_NO_END.finditer(text, start, end):
        out.append([start, m.end()])
        start = m.end()
    out.append([start, end])
    return out
