"""Give every paragraph a role: headline, body, lead-in, caption, meta or boilerplate.

Scraped articles carry furniture (captions, credits, bylines, dates, site chrome) between their
paragraphs; reading it as story text would pollute the grouping and the matches. The rules look at
a paragraph's wording, length and neighbours, never at a particular article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from aligner.ingest import Block
from aligner.lexicons import (
    BOILERPLATE_LINES,
    CAPTION_PATTERNS,
    META_PATTERNS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    OUTLET_BY_ALIAS,
    WEEKDAYS,
)
from aligner.model import Role
from aligner.text import fold, word_count

#: A headline or standfirst is short; story paragraphs rarely are. Tuned on the seeds and
#: NewsWCL50 event 0: standfirsts run 13-19 words, the shortest opening body paragraph 28.
HEADLINE_MAX_WORDS = 30
STANDFIRST_MAX_WORDS = 25
#: A first line ending in a full stop is a headline only when written in title case (most of
#: its longer words capitalised); a news sentence full of names stays below this.
HEADLINE_TITLE_CASE = 0.75
#: A lead-in ("The Washington Post reported:") introduces the next paragraph in a line or two.
LEAD_IN_MAX_WORDS = 40
#: Caption fragments next to a photo credit ("Vladimir Putin, Barack Obama").
CAPTION_FRAGMENT_MAX_WORDS = 12
#: A photo credit on its own line ("Jane Doe/AP Photo") is meta, not a caption sentence.
CREDIT_MAX_WORDS = 8

_MONTH = "|".join(MONTHS + MONTH_ABBREVIATIONS)
_DAY = "|".join(WEEKDAYS + tuple(d[:3] for d in WEEKDAYS))
_TIME = r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?"
_DATE_LINE = re.compile(
    rf"^(?:(?:updated|published|posted|last updated)\s*:?\s*)?(?:(?:{_DAY})\.?,?\s+)?"
    rf"(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTH})\.?,?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    rf"(?:,?\s*(?:at\s+|[-|/]\s*)?{_TIME})?\s*\.?$",
    re.IGNORECASE,
)
_DATELINE_START = re.compile(r"^[A-Z][A-Z.,' -]{2,40}(?:\([^)]{1,40}\))?\s*(?:--|\u2014|\u2013|//|-|:)\s")
_BULLETS = " *\u2022\u00b7-\u2014\u2013|>#"
_TERMINAL = (".", "?", "!", ":", '"', "\u201d", ")")


def assign_roles(blocks: Sequence[Block]) -> list[Role]:
    """One role per block, in order."""
    roles: list[Role | None] = [_by_content(b) for b in blocks]
    _duplicates_are_captions(blocks, roles)
    _after_photo_label(blocks, roles)
    _caption_fragments(blocks, roles)
    _headlines(blocks, roles)
    _lead_ins(blocks, roles)
    return [r or "body" for r in roles]


def _bare(text: str) -> str:
    return fold(text).strip(_BULLETS).strip()


def _by_content(block: Block) -> Role | None:
    text = fold(block.text)
    bare = _bare(block.text)
    if not any(ch.isalnum() for ch in text):
        return "boilerplate"
    if BOILERPLATE_LINES.match(bare.lower().rstrip(".:!?").strip()):
        return "boilerplate"
    words = word_count(bare)
    if any(p.search(bare) for p in META_PATTERNS) and words <= 60:
        return "meta"
    if _DATE_LINE.match(bare):
        return "meta"
    if bare.lower() in OUTLET_BY_ALIAS:  # an agency sign-off: "* Agence France-Presse"
        return "meta"
    if any(p.search(bare) for p in CAPTION_PATTERNS):
        return "meta" if words <= CREDIT_MAX_WORDS and not bare.endswith(".") else "caption"
    if block.kind == "heading":
        return "headline"
    return None


def _duplicates_are_captions(blocks: Sequence[Block], roles: list[Role | None]) -> None:
    """A caption printed twice: adjacent identical paragraphs, or a later repeat of an earlier one."""
    counts = Counter(fold(b.text) for b in blocks)
    seen: set[str] = set()
    for i, b in enumerate(blocks):
        key = fold(b.text)
        if counts[key] < 2 or roles[i] is not None:
            seen.add(key)
            continue
        adjacent = (i > 0 and fold(blocks[i - 1].text) == key) or (
            i + 1 < len(blocks) and fold(blocks[i + 1].text) == key
        )
        if adjacent or key in seen:
            roles[i] = "caption"
        seen.add(key)


def _after_photo_label(blocks: Sequence[Block], roles: list[Role | None]) -> None:
    """The paragraph after a bare "Photograph" / "Photo" line is its caption."""
    for i in range(len(blocks) - 1):
        if roles[i] == "boilerplate" and _bare(blocks[i].text).lower() in ("photograph", "photo", "image", "picture"):
            if roles[i + 1] is None and word_count(blocks[i + 1].text) <= 80:
                roles[i + 1] = "caption"


def _caption_fragments(blocks: Sequence[Block], roles: list[Role | None]) -> None:
    """Short unpunctuated lines set directly beside a caption or credit belong to it."""
    runs_with_caption = {b.run for b, r in zip(blocks, roles) if r == "caption" or (r == "meta" and _is_credit(b))}
    for i, b in enumerate(blocks):
        if roles[i] is None and b.run in runs_with_caption and b.kind == "text":
            bare = _bare(b.text)
            if word_count(bare) <= CAPTION_FRAGMENT_MAX_WORDS and not bare.endswith(_TERMINAL):
                roles[i] = "caption"


def _is_credit(block: Block) -> bool:
    return any(p.search(_bare(block.text)) for p in CAPTION_PATTERNS)


def _headlines(blocks: Sequence[Block], roles: list[Role | None]) -> None:
    """The first paragraph, when short, is the headline; a short one right after it, the standfirst."""
    first = next((i for i, r in enumerate(roles) if r not in ("boilerplate", "meta")), None)
    if first is None or roles[first] not in (None, "headline"):
        return
    text = _bare(blocks[first].text)
    words = word_count(text)
    if roles[first] is None:
        if words == 0 or words > HEADLINE_MAX_WORDS or all(r is not None for r in roles[first + 1 :]):
            return  # too long, or the article's only story paragraph
        if text.endswith(".") and _title_case_ratio(text) < HEADLINE_TITLE_CASE:
            return
        roles[first] = "headline"
    following = first + 1
    if following < len(blocks) - 2 and roles[following] is None:
        standfirst = _bare(blocks[following].text)
        if 0 < word_count(standfirst) <= STANDFIRST_MAX_WORDS and not _DATELINE_START.match(standfirst):
            roles[following] = "headline"


def _title_case_ratio(text: str) -> float:
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", text) if len(w) > 3]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def _lead_ins(blocks: Sequence[Block], roles: list[Role | None]) -> None:
    """A short paragraph ending in ':' that introduces the next story paragraph."""
    for i in range(len(blocks) - 1):
        if roles[i] is not None:
            continue
        text = fold(blocks[i].text).rstrip()
        if text.endswith(":") and word_count(text) <= LEAD_IN_MAX_WORDS and roles[i + 1] in (None, "body"):
            roles[i] = "lead-in"
