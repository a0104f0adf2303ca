"""A source's title, outlet and publication date, read from front matter or the article's furniture."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from aligner.ingest import Block
from aligner.lexicons import MONTH_ABBREVIATIONS, MONTHS, OUTLET_BY_ALIAS
from aligner.model import Role
from aligner.text import fold

_MONTH_NUMBER = {
    name: next(i + 1 for i, month in enumerate(MONTHS) if month.startswith(name))
    for name in MONTHS + MONTH_ABBREVIATIONS
}
_MONTH = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_ABSOLUTE_DATES = (
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), ("month", "day", "year")),
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I), ("day", "month", "year")),
    # ISO 8601, also with a time after it ("2016-07-14T09:30:00Z") and one-digit parts ("2016-7-4")
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])"), ("year", "month", "day")),
    # "07/15/2016", "15/07/2016": read only when one of the two can only be the day
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), ("first", "second", "year")),
)


@dataclass(frozen=True, slots=True)
class Description:
    title: str | None
    outlet: str | None
    published: date | None


def parse_absolute_date(text: str) -> date | None:
    """The first full calendar date written in `text` ("July 14, 2016", "14 July 2016", "2016-07-14",
    "2016-07-14T09:30:00Z", "07/15/2016" where the day is plain); an impossible one ("2016-02-30")
    is none."""
    best: tuple[int, date] | None = None
    for pattern, order in _ABSOLUTE_DATES:
        for m in pattern.finditer(text):
            parts = dict(zip(order, m.groups()))
            if "first" in parts:
                first, second = int(parts["first"]), int(parts["second"])
                if (first > 12) == (second > 12):
                    continue  # "07/08/2016": July 8 or 7 August, nothing says which
                day_first = first > 12
                parts["month"] = parts["second"] if day_first else parts["first"]
                parts["day"] = parts["first"] if day_first else parts["second"]
            month = parts["month"]
            month_number = int(month) if month.isdigit() else _MONTH_NUMBER[month.lower()]
            try:
                found = date(int(parts["year"]), month_number, int(parts["day"]))
            except ValueError:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), found)
            break
    return best[1] if best else None


def front_matter_notes(front: dict[str, str]) -> list[str]:
    """What in the front matter could not be used, one line each (a date that is no date)."""
    return [
        f"front matter {key} {front[key]!r} is not a calendar date; ignored"
        for key in ("date", "published")
        if key in front and parse_absolute_date(front[key]) is None
    ]


def canonical_outlet(name: str) -> str | None:
    """The lexicon's name for an outlet written as `name`, or None when it is not a known outlet."""
    cleaned = re.sub(r"\s+", " ", fold(name)).strip(" .,;:*-|").strip()
    cleaned = re.sub(r"\s+(?:company|co\.?|inc\.?|llc|ltd\.?|group|corp\.?)$", "", cleaned, flags=re.I)
    return OUTLET_BY_ALIAS.get(cleaned.lower())


def describe(blocks: Sequence[Block], roles: Sequence[Role], front: dict[str, str]) -> Description:
    """Front matter wins; otherwise the headline, a byline or copyright line, and a dated meta line."""
    title = front.get("title") or next(
        (" ".join(b.text.split()) for b, r in zip(blocks, roles) if r == "headline"), None
    )  # as written: only its line breaks and runs of spaces become one space
    outlet = front.get("outlet") or front.get("publisher") or front.get("source") or _outlet_in_text(blocks, roles)
    published = None
    for key in ("date", "published"):
        if key in front:
            published = parse_absolute_date(front[key])
            if published:
                break
    if published is None:
        dated = [(b, d) for b, r in zip(blocks, roles) if r == "meta" and (d := parse_absolute_date(fold(b.text)))]
        # "Updated July 16" above "Published July 15": the first publication is the base for
        # the article's relative days ("on Thursday")
        first_published = next((d for b, d in dated if not _UPDATED.match(fold(b.text))), None)
        published = first_published or (dated[0][1] if dated else None)
    return Description(title, outlet, published)


_UPDATED = re.compile(r"^\W*(?:updated|last updated|last modified|modified)\b", re.I)


_COPYRIGHT = re.compile(r"^(?:copyright|\(c\)|©)\s*(?:\(c\)|©)?\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?,?\s+)?(.+)$", re.I)
_BYLINE = re.compile(r"^By\s*(.+)$")
_DATE_TAIL = re.compile(rf"[\s,]+(?:(?:{_MONTH})\.?\s+\d{{1,2}},?\s+)?\d{{4}}.*$|\.?\s*all rights reserved.*$", re.I)
_DATELINE_AGENCY = re.compile(r"^[A-Z][A-Z .,'-]{2,40}\(([^)]{2,40})\)\s*(?:--|\u2014|\u2013|-)")


_NAME_AND_OUTLET = re.compile(r"\s*(?:,|\||\u2014|\u2013| - | for | of )\s*")


def _named_outlet(credit: str) -> str | None:
    """The outlet a byline or copyright names: the whole credit ("THE ASSOCIATED PRESS"), or its
    last part after the writer's name ("Jane Doe, The New York Times", "Jane Doe | Reuters")."""
    if name := canonical_outlet(credit):
        return name
    first = _NAME_AND_OUTLET.search(credit)
    if first is None:
        return None
    # all after the writer's name ("Times of Israel"), else its last part ("Jane Doe and John
    # Roe, Associated Press")
    return canonical_outlet(credit[first.end() :]) or canonical_outlet(_NAME_AND_OUTLET.split(credit)[-1])


def _outlet_in_text(blocks: Sequence[Block], roles: Sequence[Role]) -> str | None:
    """The outlet a byline or copyright line names; else an outlet's name alone on a meta line (a
    sign-off, or a photo credit: a byline outranks it) or a dateline's agency, whichever comes
    first."""
    fallback: str | None = None
    for b, role in zip(blocks, roles):
        text = fold(b.text).strip(" *\u2022\u00b7-\u2014|").strip()
        if role == "meta":
            for pattern in (_COPYRIGHT, _BYLINE):
                m = pattern.match(text)
                if m and (name := _named_outlet(_DATE_TAIL.sub("", m.group(1)))):
                    return name
            fallback = fallback or canonical_outlet(text)
        elif role == "body" and fallback is None:
            m = _DATELINE_AGENCY.match(text)
            if m:
                fallback = canonical_outlet(m.group(1))
    return fallback
