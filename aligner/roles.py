"""Give every paragraph a role: headline, body, lead-in, caption, meta or boilerplate.

Scraped articles carry furniture (captions, credits, bylines, dates, site chrome) between their
paragraphs; reading it as story text would pollute the grouping and the matches. The rules look at
a paragraph's wording, length and neighbours, never at a particular article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from aligner.ingest import Block
from aligner.lexicons import (
    BOILERPLATE_LINES,
    CAPTION_PATTERNS,
    META_PATTERNS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    OUTLET_BY_ALIAS,
    REPORTED_SPEECH,
    WEEKDAYS,
)
from aligner.model import Role
from aligner.segment import split_sentences
from aligner.similarity import STOPWORDS
from aligner.text import fold, is_past_form, stem, word_count
from aligner.text import words as lower_words

#: A headline or standfirst is short; story paragraphs rarely are. On the seeds and NewsWCL50
#: events 0-4: standfirsts run 6-19 words (one 29), the shortest body paragraph after a
#: headline 24.
HEADLINE_MAX_WORDS = 30
STANDFIRST_MAX_WORDS = 20
#: A first line ending in a full stop is a headline when written in title case (most of its
#: longer words capitalised; a news sentence full of names stays below this), or when it is one
#: sentence of at most HEADLINE_SENTENCE_MAX_WORDS words, neither in the past tense nor dated to
#: the day (headlines in sentence case run 9-17 words on NewsWCL50, an opening paragraph 50 or
#: more).
HEADLINE_TITLE_CASE = 0.75
HEADLINE_SENTENCE_MAX_WORDS = 20
#: ...or a short opening sentence in any tense whose content words the lead below it restates.
HEADLINE_RESTATED_SHARE = 0.9
#: A first paragraph this close to the front matter's title (rapidfuzz ratio, folded, lower case)
#: repeats it: a headline retyped with other quotes or a word changed.
TITLE_MATCH_RATIO = 85
#: A lead-in ("The Washington Post reported:") introduces the next paragraph in a line or two.
LEAD_IN_MAX_WORDS = 40
#: Caption fragments next to a photo credit ("Vladimir Putin, Barack Obama").
CAPTION_FRAGMENT_MAX_WORDS = 12
#: A paragraph repeated inside another is display text (a pull quote) from a sentence's length on;
#: a shorter phrase may well recur in a story.
REPEAT_MIN_WORDS = 8
#: ...and set near the text it repeats (within this many story paragraphs: 1 to 6 in NewsWCL50 and BASIL).
REPEAT_WINDOW = 10
#: Of two identical paragraphs side by side, both are a caption printed twice up to this length
#: (a caption describes a picture: "Kerry gestures while speaking..."); a longer one, or one that
#: reports what someone said ("Trump late Thursday tweeted that..."), is a story paragraph printed
#: twice, and only its repeat is display text.
REPEATED_CAPTION_MAX_WORDS = 40
#: A dateline ("WASHINGTON —", "PALM BEACH, Fla. —") opens the story's first paragraph. One
#: story-like paragraph above it is display text (a photo caption, a video's blurb) when the
#: dateline comes among the article's first paragraphs (in NewsWCL50 and BASIL the 2nd to 4th, with
#: one such paragraph above it) and that paragraph is caption-sized. Two or more above it are
#: story: the dateline then opens a section.
DATELINE_OPENS_WITHIN = 4
DISPLAY_MAX_WORDS = 50
#: A photo credit on its own line ("Jane Doe/AP Photo") is meta, not a caption sentence.
CREDIT_MAX_WORDS = 8

_MONTH = "|".join(MONTHS + MONTH_ABBREVIATIONS)
_DAY = "|".join(WEEKDAYS + tuple(d[:3] for d in WEEKDAYS))
#: "10:32 a.m. ET", "10.32 BST", "10:32:45 AM"
_TIME = r"\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?"
_DATE_SEPARATOR = r"(?:,?\s*(?:at\s+|[-|/\u2022\u00b7]\s*)?)"
_DATE_LINE = re.compile(
    rf"^(?:(?:updated|published|posted|last updated|last modified(?: on)?)\s*:?\s*)?(?:{_TIME}{_DATE_SEPARATOR})?"
    rf"(?:(?:{_DAY})\.?,?\s+)?"
    rf"(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTH})\.?,?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?|"
    rf"\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    rf"(?:{_DATE_SEPARATOR}{_TIME})?"
    rf"(?:\s*[-|/\u2022\u00b7]\s*(?:updated|last updated)\b[^.]{{0,40}})?\s*\.?$",  # "/ Updated 2 hours ago"
    re.IGNORECASE,
)
#: "WASHINGTON (Reuters) -": a place in capitals, an agency, then a dash (or a colon).
_DATELINE_PLACE = (
    # (not a headline's kicker: "EXCLUSIVE - U.S. weighs...", "BREAKING: ...")
    r"^(?!(?:EXCLUSIVE|BREAKING|UPDATE|UPDATED|ANALYSIS|OPINION|WATCH|EDITORIAL|FACTBOX|EXPLAINER|INSIGHT|"
    r"CORRECTED|REFILE|WRAPUP|COLUMN|FEATURE|LIVE|VIDEO|EXCLUSIVE INTERVIEW)\b)"
    r"[A-Z][A-Z.,' -]{2,40}"
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2})?"  # a state or country: ", Fla.", ", South Korea"
    r"\s*(?:\([^)]{1,40}\))?\s*"
)
_DASHES = r"--|\u2014|\u2013|//|-"
_DATELINE_START = re.compile(rf"{_DATELINE_PLACE}(?:{_DASHES}|:)\s")
#: Set off by a dash only: the story's opening ("DESPERATION: DNC Files..." is a headline's kicker).
_DATELINE_DASH = re.compile(rf"{_DATELINE_PLACE}(?:{_DASHES})\s")
_NO_QUOTES = str.maketrans("", "", "\"'")
_BULLETS = " *\u2022\u00b7-\u2014\u2013|>#"
_TERMINAL = (".", "?", "!", ":", '"', "\u201d", ")")


@dataclass(frozen=True, slots=True)
class _Line:
    """A block as the rules read it, folded and counted once (every rule reads every block)."""

    block: Block
    folded: str  # fold(text)
    bare: str  # folded, without list bullets and surrounding space
    words: int  # words in `bare`


def _line(block: Block) -> _Line:
    folded = fold(block.text)
    bare = folded.strip(_BULLETS).strip()
    return _Line(block, folded, bare, word_count(bare))


def assign_roles(blocks: Sequence[Block], title: str | None = None) -> list[Role]:
    """One role per block, in order. `title` is the article's title when its front matter gives
    one."""
    lines = [_line(b) for b in blocks]
    roles: list[Role | None] = [_by_content(line) for line in lines]
    _duplicates_are_captions(lines, roles)
    _after_photo_label(lines, roles)
    _caption_fragments(lines, roles)
    _headlines(lines, roles, title)
    _display_before_dateline(lines, roles)
    _repeats_inside_the_story(lines, roles)  # after the headline, which the lead often repeats
    _lead_ins(lines, roles)
    return [r or "body" for r in roles]


def _by_content(line: _Line) -> Role | None:
    bare, words = line.bare, line.words
    if not any(ch.isalnum() for ch in line.folded):
        return "boilerplate"
    if BOILERPLATE_LINES.match(bare.lower().rstrip(".:!?").strip()):
        return "boilerplate"
    if words <= 60 and any(p.search(bare) for p in META_PATTERNS):
        return "meta"
    if _DATE_LINE.match(bare):
        return "meta"
    if bare.lower() in OUTLET_BY_ALIAS:  # an agency sign-off: "* Agence France-Presse"
        return "meta"
    if _is_credit(line):
        return "meta" if words <= CREDIT_MAX_WORDS and not bare.endswith(".") else "caption"
    if line.block.kind == "heading":
        return "headline"
    if line.block.kind == "image":
        return "caption"  # an image's alt text describes the picture, it does not tell the story
    return None


def _duplicates_are_captions(lines: Sequence[_Line], roles: list[Role | None]) -> None:
    """A caption printed twice: adjacent identical paragraphs, or a later repeat of an earlier one.
    A headline printed twice (a page's title above its heading) keeps its first copy for the
    headline rule."""
    counts = Counter(line.folded for line in lines)
    top = _first_text_block(lines, roles)
    seen: set[str] = set()
    for i, line in enumerate(lines):
        key = line.folded
        if counts[key] < 2 or roles[i] is not None:
            seen.add(key)
            continue
        adjacent = (i > 0 and lines[i - 1].folded == key) or (i + 1 < len(lines) and lines[i + 1].folded == key)
        headline = i == top and _written_as_headline(line.bare, line.words)
        if key in seen or (
            adjacent and line.words <= REPEATED_CAPTION_MAX_WORDS and not _reports_speech(line) and not headline
        ):
            roles[i] = "caption"  # a caption printed twice; of a story paragraph, only the repeat
        seen.add(key)


def _first_text_block(lines: Sequence[_Line], roles: list[Role | None]) -> int | None:
    """Where the article's text starts: the first block that is not meta, boilerplate or an image."""
    return next(
        (i for i, r in enumerate(roles) if r not in ("boilerplate", "meta") and lines[i].block.kind != "image"), None
    )


def _reports_speech(line: _Line) -> bool:
    return not REPORTED_SPEECH.isdisjoint(lower_words(line.bare))


def _display_before_dateline(lines: Sequence[_Line], roles: list[Role | None]) -> None:
    """A story-like paragraph alone above the dateline that opens the story is display text: a
    subheading when short and in title case, else a caption (names capitalise a caption's words
    too)."""
    for k in range(min(len(lines), DATELINE_OPENS_WITHIN)):
        if roles[k] is None and _DATELINE_DASH.match(lines[k].bare):
            above = [i for i in range(k) if roles[i] is None]
            if len(above) == 1 and lines[above[0]].words <= DISPLAY_MAX_WORDS:
                display = lines[above[0]]
                short = display.words <= STANDFIRST_MAX_WORDS
                subheading = short and _title_case_ratio(display.bare) >= HEADLINE_TITLE_CASE
                roles[above[0]] = "headline" if subheading else "caption"
            return


def _repeats_inside_the_story(lines: Sequence[_Line], roles: list[Role | None]) -> None:
    """A paragraph whose words a longer paragraph near it already holds: a pull quote, an embedded
    post quoted in the text beside it, a photo caption that repeats a sentence of the story. The
    story keeps the longer paragraph; the repeat is display text, like a caption. (Quotation
    marks are ignored: a pull quote drops or changes them.) Only paragraphs within
    REPEAT_WINDOW of each other are compared, so a long file costs a bounded scan per paragraph."""
    story = [k for k, r in enumerate(roles) if r is None]
    texts = {k: _without_quotes(lines[k].folded) for k in story}
    for n, k in enumerate(story):
        if lines[k].words < REPEAT_MIN_WORDS:
            continue
        near = story[max(0, n - REPEAT_WINDOW) : n + REPEAT_WINDOW + 1]
        if any(len(texts[j]) > len(texts[k]) and texts[k] in texts[j] for j in near):
            roles[k] = "caption"


def _without_quotes(folded: str) -> str:
    return folded.lower().translate(_NO_QUOTES).strip(" .")


def _after_photo_label(lines: Sequence[_Line], roles: list[Role | None]) -> None:
    """The paragraph after a bare "Photograph" / "Photo" line is its caption."""
    for i in range(len(lines) - 1):
        if roles[i] == "boilerplate" and lines[i].bare.lower() in ("photograph", "photo", "image", "picture"):
            if roles[i + 1] is None and lines[i + 1].words <= 80 and not _DATELINE_DASH.match(lines[i + 1].bare):
                roles[i + 1] = "caption"  # (a paragraph opening with a dateline is the story's first)


def _caption_fragments(lines: Sequence[_Line], roles: list[Role | None]) -> None:
    """Short unpunctuated lines set directly beside a caption or credit belong to it: the lines
    next to it in its run (no blank line between), and the lines next to those. Only neighbours:
    in a file of one paragraph per line the whole file is one run, and its headline is no
    caption's fragment; nor is the article's first line, where its headline is, even set right
    above a photo credit."""
    top = _first_text_block(lines, roles)
    anchors = [i for i, r in enumerate(roles) if r == "caption" or (r == "meta" and _is_credit(lines[i]))]
    for anchor in anchors:
        for step in (-1, 1):
            i = anchor + step
            while 0 <= i < len(lines) and i != top and _is_fragment(lines[i], roles[i], lines[anchor].block.run):
                roles[i] = "caption"
                i += step


def _is_fragment(line: _Line, role: Role | None, run: int) -> bool:
    return (
        role is None
        and line.block.run == run
        and line.block.kind == "text"
        and line.words <= CAPTION_FRAGMENT_MAX_WORDS
        and not line.bare.endswith(_TERMINAL)
    )


def _is_credit(line: _Line) -> bool:
    return any(p.search(line.bare) for p in CAPTION_PATTERNS)


def _headlines(lines: Sequence[_Line], roles: list[Role | None], title: str | None) -> None:
    """The first paragraph, when short, is the headline; a short one right after it, the standfirst.

    Where the file marks its headline itself, the mark is believed over the guess: a Markdown
    file that opens with a heading has that heading for its headline and its story after it;
    with a title in the front matter, a first paragraph is the headline only when it repeats
    that title or is written as one (title case), and no standfirst is guessed after it, so an
    opening sentence stays story. A lead image above the headline (its alt text, a caption) is
    passed over."""
    first = _first_text_block(lines, roles)
    if first is None or roles[first] is not None or lines[first].block.kind == "heading":
        return
    text, words = lines[first].bare, lines[first].words
    if words == 0 or words > HEADLINE_MAX_WORDS or all(r is not None for r in roles[first + 1 :]):
        return  # too long, or the article's only story paragraph
    if _DATELINE_DASH.match(text):
        return  # "WASHINGTON (Reuters) - President Obama will meet...": the story's first words
    if title is not None and not any(ch.isalpha() for ch in title):
        title = None  # "..." or "2024": a title that says nothing
    if title is not None:
        if not (_says_title(text, title) or _title_case_ratio(text) >= HEADLINE_TITLE_CASE):
            return  # not the title: the story starts here
    elif not (_written_as_headline(text, words) or _restated_below(lines, roles, first)):
        return  # a sentence: the story starts here
    roles[first] = "headline"
    following = first + 1
    if title is not None:
        return  # the file gives its title: what follows the headline is the story, not a guess
    if following < len(lines) - 2 and roles[following] is None:
        standfirst = lines[following].bare
        if (
            0 < lines[following].words <= STANDFIRST_MAX_WORDS
            and not _DATELINE_START.match(standfirst)
            and not _dated_to_the_day(standfirst)
        ):
            roles[following] = "headline"  # (a short lead dated to the day stays story)


def _written_as_headline(text: str, words: int) -> bool:
    """Whether a short opening line reads as a headline rather than the story's first sentence:
    no full stop, or title case, or a sentence-case headline (`_short_headline`)."""
    if not 0 < words <= HEADLINE_MAX_WORDS or _DATELINE_DASH.match(text):
        return False
    return not text.endswith(".") or _title_case_ratio(text) >= HEADLINE_TITLE_CASE or _short_headline(text, words)


def _restated_below(lines: Sequence[_Line], roles: list[Role | None], first: int) -> bool:
    """Whether a short opening sentence is a headline that the lead restates: one of the next two
    story paragraphs holds nearly all its content words ("Pompeo met with Kim over Easter
    weekend." above "Pompeo met with North Korean dictator Kim Jong Un over Easter weekend in an
    effort to..."). A story does not tell its first fact again at once."""
    line = lines[first]
    if line.words > HEADLINE_SENTENCE_MAX_WORDS or _dated_to_the_day(line.bare):
        return False  # long, or dated to the day as a lead is ("...in Dallas on Sunday.")
    words = _content_stems(line.folded)
    below = [i for i in range(first + 1, len(lines)) if roles[i] is None][:2]
    return bool(words) and any(
        len(words & _content_stems(lines[i].folded)) >= HEADLINE_RESTATED_SHARE * len(words) for i in below
    )


def _content_stems(text: str) -> set[str]:
    return {stem(w) for w in lower_words(text) if w not in STOPWORDS}


def _short_headline(text: str, words: int) -> bool:
    """A headline written in sentence case, with a full stop ("North Korea to suspend nuclear
    tests and will close test site."): one sentence, shorter than a story's opening runs, and
    neither dated to the day nor told in the past tense as an opening sentence is ("Kerry and
    Lavrov agreed on a plan.", "...struck the coast on Tuesday.")."""
    return (
        words <= HEADLINE_SENTENCE_MAX_WORDS
        and not _dated_to_the_day(text)
        and not any(map(is_past_form, lower_words(text)))
        and len(split_sentences(text)) == 1
    )


_DAY_WORDS = frozenset((*WEEKDAYS, "today", "yesterday", "tonight", "tomorrow"))


def _dated_to_the_day(text: str) -> bool:
    """Whether a text names a day ("on Sunday", "today"), as a story's lead does and a headline
    or standfirst rarely does."""
    return not _DAY_WORDS.isdisjoint(lower_words(text))


#: Between a title and the site's name in a scraped <title>: "Quake hits the coast | Example News".
_TITLE_SEPARATOR = re.compile(r"\s+[|\u2013\u2014-]\s+")


def _says_title(text: str, title: str) -> bool:
    """Whether a paragraph is the title as written (give or take typography, a few words and a
    site name after a separator)."""
    a = fold(text).lower().strip(" .:")
    whole = fold(title).lower().strip(" .:")
    candidates = {whole, *(part.strip(" .:") for part in _TITLE_SEPARATOR.split(whole) if len(part.split()) >= 2)}
    return bool(a) and any(a == b or fuzz.ratio(a, b) >= TITLE_MATCH_RATIO for b in candidates)


def _title_case_ratio(text: str) -> float:
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", text) if len(w) > 3]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def _lead_ins(lines: Sequence[_Line], roles: list[Role | None]) -> None:
    """A short paragraph ending in ':' that introduces the next story paragraph."""
    for i in range(len(lines) - 1):
        if roles[i] is not None:
            continue
        if lines[i].folded.endswith(":") and lines[i].words <= LEAD_IN_MAX_WORDS and roles[i + 1] in (None, "body"):
            roles[i] = "lead-in"
