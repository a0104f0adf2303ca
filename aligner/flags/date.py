"""`date`: two sources date the same event differently.

A regex finds the date expressions of a sentence (calendar dates, weekdays, "yesterday", "last
week", "two days ago", "Easter weekend"); only those spans are resolved, against the article's own
publication date. Weekdays and today/yesterday/tomorrow are counted here (the last such day on or
before the article's date, or the next one in a future-tense clause, both when the tense is
unclear); week, month and year expressions and "N days ago" go through `dateparser` with the
publication date as RELATIVE_BASE and PREFER_DATES_FROM "past" (imported on first use: it is slow
to import). Each resolved date is an interval as wide as the expression ("last week" is the week
before the article's week up to the day before it).

A date is tied to the event it dates: the nearest event word before it in its clause ("arrived
... on Thursday", "announcing the agreement on July 15"), or right after it ("Thursday's news
conference"). Two dates are compared only when they date the same class of event (meeting,
announcement, arrival...) and the two sentences share a participant. They disagree when no
reading of one overlaps any reading of the other; a one-day gap is tolerated when either side is
near midnight or in another time zone ("early Saturday", "Friday evening", "local time").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from aligner import tuning
from aligner.flags import lexicons as lx
from aligner.flags.analysis import Analysis, alias_key
from aligner.flags.pair import Finding, Pair, quote
from aligner.lexicons import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from aligner.text import is_past_form

_MONTH_NUMBER = {
    name: next(i + 1 for i, month in enumerate(MONTHS) if month.startswith(name)) for name in MONTHS + MONTH_ABBREVIATIONS
}
_MONTH = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
# Every expression starts at a word boundary (tested once per position, not once per branch).
_DATE = re.compile(
    r"\b(?:"
    # "Sunday, April 1, 2018", "Sunday 1 April": the weekday before a date is part of it
    rf"(?P<md>(?:(?:{_WEEKDAY}),?\s+)?(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>(?:19|20)\d\d)\b)?)"
    rf"|(?P<dm>(?:(?:{_WEEKDAY}),?\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\b\.?(?:,?\s+(?P<y2>(?:19|20)\d\d)\b)?)"
    rf"|(?P<iso>(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)\b)"
    rf"|(?P<wd>(?:(?P<wq>last|this|next|past)\s+)?(?P<w>{_WEEKDAY})(?:['\u2019]s)?\b)"
    r"|(?P<rel>(?:today|yesterday|tomorrow|tonight|last\s+night)\b)"
    r"|(?P<per>(?:(?:earlier|later)\s+)?(?:last|this|next|past)\s+(?:week|weekend|month|year)\b)"
    r"|(?P<ago>(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:day|week|month|year)s?\s+ago\b)"
    r"|(?P<hol>(?:easter(?:\s+(?:weekend|sunday|monday))?|good\s+friday|christmas(?:\s+(?:day|eve))?|"
    r"new\s+year['\u2019]s(?:\s+(?:day|eve))?|thanksgiving(?:\s+day)?|independence\s+day|bastille\s+day)\b)"
    r")",
    re.IGNORECASE,
)
#: Words one of which every date expression contains: a sentence without any is not searched.
_DATE_WORDS = frozenset(
    [*_MONTH_NUMBER, *WEEKDAYS, "today", "yesterday", "tomorrow", "tonight", "night", "week", "weekend", "month",
     "year", "ago", "easter", "good", "christmas", "new", "thanksgiving", "independence", "bastille"]
) | {f"{d}'s" for d in WEEKDAYS} | {f"{d}\u2019s" for d in WEEKDAYS}
_REFERENCE_POINTS = frozenset("since until till previous earlier last".split())
_EVENT_STEMS: dict[str, str] = {s: cls for cls, stems in lx.EVENT_CLASSES.items() for s in stems}
_SKIP_LEFT = frozenset(
    "on in at the a an of late early last this next around about by during throughout over until since before after "
    "his her their its s".split()
)


@dataclass(frozen=True, slots=True)
class Interval:
    lo: dt.date
    hi: dt.date
    year_known: bool = True

    def overlaps(self, other: Interval, slack: int) -> bool:
        a, b = self, other
        if not (a.year_known and b.year_known):
            a, b = _same_year(a, b), _same_year(b, a)
        return a.lo - dt.timedelta(days=slack) <= b.hi and b.lo - dt.timedelta(days=slack) <= a.hi

    def describe(self) -> str:
        if self.lo == self.hi:
            return _day(self.lo, self.year_known)
        return f"{_day(self.lo, self.year_known)} to {_day(self.hi, self.year_known)}"


def _same_year(x: Interval, ref: Interval) -> Interval:
    if x.year_known or not ref.year_known:
        return x
    try:
        return Interval(x.lo.replace(year=ref.lo.year), x.hi.replace(year=ref.lo.year))
    except ValueError:
        return x


def _day(d: dt.date, year: bool = True) -> str:
    return f"{d:%A}, {d:%B} {d.day}, {d.year}" if year else f"{d:%B} {d.day}"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # character offsets in the sentence
    end: int
    text: str
    event: str  # event class the date is tied to
    readings: tuple[Interval, ...]  # every way the expression can be read; empty: unresolved
    relative: bool  # counted from the publication date
    edge: bool  # near midnight or in another time zone


def detect(pair: Pair) -> list[Finding]:
    dx = mentions(pair.a.analysis, pair.a.published)
    dy = mentions(pair.b.analysis, pair.b.published)
    if not dx or not dy:
        return []
    x, y = pair.a.analysis, pair.b.analysis
    if pair.level == "claim" and not _shared_topic(pair):
        return []
    def agree(m: DateMention, n: DateMention) -> bool:
        slack = 1 if (m.edge or n.edge) else 0
        return any(r.overlaps(s, slack) for r in m.readings for s in n.readings)

    for m in dx:
        if not m.readings or any(n.event == m.event and n.readings and agree(m, n) for n in dy):
            continue  # the other sentence gives this date too
        for n in dy:
            if m.event != n.event or not n.readings or agree(m, n):
                continue
            if any(k.event == n.event and k.readings and agree(k, n) for k in dx):
                continue
            common = _common_participants(_participants(x, m), _participants(y, n))
            if not common:
                continue  # nobody takes part in both: not the same event
            if common < 2 and (_vague(m) or _vague(n)):
                continue  # "later this month", "this week": a vaguer date needs more to be the same event
            if _each_its_own_news(m, pair.a.published, n, pair.b.published):
                continue
            if _coarse(m) != _coarse(n):
                continue  # "last year" against "Monday": background against the news of the day
            score = {"match": 0.8, "row": 0.75, "claim": 0.7}[pair.level] - 0.05 * (m.relative + n.relative)
            event = _EVENT_NAMES.get(m.event, m.event)
            return [
                Finding(
                    "date",
                    (m.start, m.end),
                    (n.start, n.end),
                    f"{pair.a.label} dates the {event} {quote(pair.a.text, (m.start, m.end))}{_resolved(m, pair.a.published)}"
                    f", {pair.b.label} {quote(pair.b.text, (n.start, n.end))}{_resolved(n, pair.b.published)}.",
                    round(score, 3),
                )
            ]
    return []


def _participants(a: Analysis, m: DateMention) -> list[set[str]]:
    """Names near the date, each as its key and words (countries left out: nearly every sentence
    names one)."""
    first = next((t.i for t in a.tokens if t.start >= m.start), 0)
    lo, hi = first - tuning.DATE_PARTICIPANT_WINDOW, first + tuning.DATE_PARTICIPANT_WINDOW
    out: list[set[str]] = []
    for mention in a.mentions:
        if mention.last >= lo and mention.first <= hi and mention.key not in lx.WEAK_ANCHORS:
            out.append(
                {mention.key}
                | {w for w in mention.words if len(w) > 2 and w not in lx.WEAK_ANCHORS and alias_key(w) not in lx.WEAK_ANCHORS}
            )
    return out


def _common_participants(x: list[set[str]], y: list[set[str]]) -> int:
    """How many names near one date also appear near the other."""
    return sum(1 for names in x if any(names & other for other in y))


def _each_its_own_news(m: DateMention, pub_m, n: DateMention, pub_n) -> bool:
    """Two articles written on different days, each dating an event of that kind in the days just
    before its own date: as likely two occurrences (two votes, two meetings) as one misdated."""
    if pub_m is None or pub_n is None or pub_m == pub_n:
        return False
    recent = dt.timedelta(days=tuning.DATE_RECENT_DAYS)

    def own(d: DateMention, pub) -> bool:
        return any(pub - recent <= r.lo and r.hi <= pub + dt.timedelta(days=1) for r in d.readings)

    return own(m, pub_m) and own(n, pub_n)


def _vague(d: DateMention) -> bool:
    return any(r.hi != r.lo for r in d.readings)


def _coarse(d: DateMention) -> bool:
    return any((r.hi - r.lo).days > tuning.DATE_COARSE_DAYS for r in d.readings)


_EVENT_NAMES = {"announcement": "announcement", "meeting": "meeting", "arrival": "arrival", "publication": "publication"}


def _resolved(m: DateMention, published: dt.date | None) -> str:
    if not m.relative or published is None:
        return ""
    return f" ({m.readings[0].describe()}, counted from its date, {_day(published)})"


def _shared_topic(pair: Pair) -> bool:
    """Across rows: the sentences must also share a common word that is not an event word
    ("the steps agreed" / "announcing the agreement")."""
    shared = pair.a.analysis.topic() & pair.b.analysis.topic()
    return any(s not in _EVENT_STEMS for s in shared)


def has_dates(a: Analysis) -> bool:
    """Whether the sentence writes any date expression at all (resolved or not)."""
    return bool(_date_matches(a))


def _date_matches(a: Analysis) -> list[re.Match]:
    """Every match of the date pattern in the sentence (one scan, shared by `has_dates` and `_find`).
    Offsets and groups are the sentence's, but the groups may be lower-cased (`_find` takes the
    words from the sentence; `_readings` lower-cases them anyway)."""
    return a.cached("date matches", _scan_dates)


#: The date pattern matched case-sensitively, on lower-cased text: twice as fast as IGNORECASE,
#: and the same spans and (lower-cased) groups unless the text has a character that IGNORECASE
#: matches to a-z but lower() does not turn into one (dotless i, long s, Kelvin sign) or that
#: lower() turns into two (dotted capital I). Checked over every code point: lower() keeps each
#: other character one character long, on the same side of \w, \d and \s, and not ASCII.
_DATE_LOWER = re.compile(_DATE.pattern)
_CASE_ODD = frozenset("\u0130\u0131\u017f\u212a")


def _scan_dates(a: Analysis) -> list[re.Match]:
    if not _may_date(a):
        return []
    if _CASE_ODD.isdisjoint(a.text):
        return list(_DATE_LOWER.finditer(a.text.lower()))
    return list(_DATE.finditer(a.text))


def _may_date(a: Analysis) -> bool:
    return a.cached("may date", _date_words)


def _date_words(a: Analysis) -> bool:
    """Whether the sentence has a word every date expression needs, or a four-digit number."""
    lows = a.lows()
    return not _DATE_WORDS.isdisjoint(lows) or any(len(w) == 4 and (w[0].isdigit() or w[0] == "$") for w in lows)


def mentions(a: Analysis, published: dt.date | None) -> tuple[DateMention, ...]:
    """The sentence's date expressions tied to an event, resolved against `published`."""
    return a.cached(("dates", published), lambda a: tuple(_find(a, published)))


def _find(a: Analysis, published: dt.date | None):
    for m in _date_matches(a):  # none when the sentence has no date word (`_may_date`)
        first = next((t.i for t in a.tokens if t.start >= m.start()), None)
        last = next((t.i for t in reversed(a.tokens) if t.end <= m.end()), None)
        if first is None or last is None:
            continue
        before = a.tokens[max(0, first - 3) : first]
        same_day = len(before) >= 2 and before[-2].low == "earlier" and before[-1].low == "on"
        if any(t.low in _REFERENCE_POINTS for t in before) and not same_day:
            continue  # "since their Dec. 11 meeting": another event as a landmark ("earlier on Thursday" is Thursday)
        event = _event(a, first, last)
        if event is None:
            continue
        tense = _tense(a, first)
        readings, relative = _readings(m, published, tense)
        if relative and a.in_quote(first):
            readings = ()  # a quotation's "next week" counts from when it was said, which is unknown
        edge = _near_day_edge(a, first, last)
        yield DateMention(m.start(), m.end(), a.text[m.start() : m.end()], event, readings, relative, edge)


def _event(a: Analysis, first: int, last: int) -> str | None:
    """The event class of the word the date is attached to, if it is an event word."""
    clause_first, clause_last = a.clause(first)
    content_seen = 0
    for t in reversed(a.tokens[max(clause_first, first - tuning.DATE_EVENT_REACH) : first]):
        if not t.is_word or t.low in _SKIP_LEFT:
            continue
        cls = _event_class(t.stem, t.low)
        if cls:
            return cls
        if t.low in lx.REPORTING_VERBS or (t.low.endswith("ed") and not t.is_cap):
            return None  # "said on Thursday": the date belongs to another verb
        if t.is_cap:
            continue  # a name: the event's participant, between the event word and its date
        content_seen += 1
        if content_seen >= tuning.DATE_EVENT_WINDOW:
            break
    if content_seen == 0 or a.tokens[last].low.endswith("'s") or a.tokens[last].low.endswith("\u2019s"):
        for t in a.tokens[last + 1 : min(clause_last, last + 4)]:
            if t.is_word and (cls := _event_class(t.stem, t.low)):
                return cls
    return None


def _event_class(stem: str, low: str) -> str | None:
    if low.endswith(("er", "ers", "or", "ors")) and low not in _EVENT_STEMS:
        return None  # "reporters", "voters", "attackers": people, not events
    return _EVENT_STEMS.get(stem) or _EVENT_STEMS.get(low)


def _tense(a: Analysis, i: int) -> str | None:
    """"future", "past", or None when unclear, from the date's clause, else its sentence. In the
    rest of the sentence, the attribution's tense is not the event's ("Kim meets Moon on Friday,
    officials said.")."""
    for (first, last), outside in ((a.clause(i), False), ((0, len(a.tokens)), True)):
        tokens = a.tokens[first:last]
        words = [t.low for t in tokens if t.is_word]
        if "would" in words:
            return None  # "would be delivering on Monday", "would have been": future in the past
        future = any(w in lx.FUTURE_MARKERS for w in words) or any(
            w in lx.FUTURE_BEFORE_TO and nxt == "to" for w, nxt in zip(words, words[1:])
        )
        past = any(_tells_past(tokens, k, outside) for k in range(len(tokens)))
        if future != past:
            return "future" if future else "past"
    return None


def _tells_past(tokens: list, k: int, outside: bool) -> bool:
    """Whether token k puts its clause in the past: "was", "had", a past form, but not an adjective
    in "-ed" ("is slated", "a long-awaited summit") nor, outside the date's clause, a reporting verb."""
    t = tokens[k]
    if not t.is_word:
        return False
    if t.low in ("was", "were", "had", "did"):
        return True
    if not is_past_form(t.low) or t.low in lx.FUTURE_MARKERS or (outside and t.low in lx.REPORTING_VERBS):
        return False
    return not (k > 0 and tokens[k - 1].low in ("-", "is", "are", "am", "be", "being"))


def _near_day_edge(a: Analysis, first: int, last: int) -> bool:
    window = a.tokens[max(0, first - 3) : last + 4]
    return any(t.low in lx.DAY_EDGE_WORDS for t in window)


def _readings(m: re.Match, published: dt.date | None, tense: str | None) -> tuple[tuple[Interval, ...], bool]:
    g = m.groupdict()
    if g["md"] or g["dm"] or g["iso"]:
        month = g["m1"] or g["m2"] or g["m3"]
        day = int(g["d1"] or g["d2"] or g["d3"])
        year = g["y1"] or g["y2"] or g["y3"]
        month_n = int(month) if month.isdigit() else _MONTH_NUMBER[month.lower().rstrip(".")]
        if year:
            return _safe(int(year), month_n, day, True), False
        if published is None:
            return _safe(2000, month_n, day, False), False  # year unknown: compared by month and day
        return _month_day(published, month_n, day), False
    if published is None:
        return (), True
    if g["wd"]:
        return _weekday(published, WEEKDAYS.index(g["w"].lower()), (g["wq"] or "").lower(), tense), True
    if g["rel"]:
        word = g["rel"].lower().split()[-1]
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "night": -1}[word]
        d = published + dt.timedelta(days=offset)
        return (Interval(d, d),), True
    if g["hol"]:
        return _holiday(g["hol"].lower(), published, tense), True
    return _period(m.group().lower(), published), True


def _safe(year: int, month: int, day: int, known: bool) -> tuple[Interval, ...]:
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return ()
    return (Interval(d, d, known),)


def _month_day(published: dt.date, month: int, day: int) -> tuple[Interval, ...]:
    """A month and day without a year: the one nearest the article's date (a news report writes
    the year when the date is far from today)."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return ()
    best = min(options, key=lambda d: abs((d - published).days))
    return (Interval(best, best),)


def _weekday(published: dt.date, weekday: int, qualifier: str, tense: str | None) -> tuple[Interval, ...]:
    back = (published.weekday() - weekday) % 7
    forward = (weekday - published.weekday()) % 7
    last = published - dt.timedelta(days=back)
    following = published + dt.timedelta(days=forward)
    if qualifier in ("last", "past"):
        d = last if back else published - dt.timedelta(days=7)
        return (Interval(d, d),)
    if qualifier == "next":
        d = following if forward else published + dt.timedelta(days=7)
        # "next Friday" is loosely the coming one or the one after: both readings.
        return (Interval(d, d), Interval(d + dt.timedelta(days=7), d + dt.timedelta(days=7)))
    if tense == "past":
        return (Interval(last, last),)
    if tense == "future":
        return (Interval(following, following),)
    return (Interval(last, last), Interval(following, following))


def _holiday(name: str, published: dt.date, tense: str | None) -> tuple[Interval, ...]:
    from dateutil.easter import easter

    out = []
    for year in (published.year - 1, published.year, published.year + 1):
        if name.startswith("easter") or name.startswith("good"):
            e = easter(year)
            if name == "good friday":
                lo = hi = e - dt.timedelta(days=2)
            elif name == "easter monday":
                lo = hi = e + dt.timedelta(days=1)
            elif name == "easter weekend":
                lo, hi = e - dt.timedelta(days=2), e + dt.timedelta(days=1)
            else:
                lo = hi = e
        elif name.startswith("christmas"):
            lo = hi = dt.date(year, 12, 24 if name.endswith("eve") else 25)
        elif name.startswith("new year"):
            lo = hi = dt.date(year, 12, 31) if name.endswith("eve") else dt.date(year, 1, 1)
        elif name.startswith("thanksgiving"):
            nov1 = dt.date(year, 11, 1)
            lo = hi = nov1 + dt.timedelta(days=(3 - nov1.weekday()) % 7 + 21)
        elif name == "independence day":
            lo = hi = dt.date(year, 7, 4)
        elif name == "bastille day":
            lo = hi = dt.date(year, 7, 14)
        else:
            continue
        out.append(Interval(lo, hi))
    if tense == "future":
        out = [i for i in out if i.hi >= published] or out
    else:
        out = [i for i in out if i.lo <= published] or out
    return (min(out, key=lambda i: abs((i.lo - published).days)),) if out else ()


def _period(text: str, published: dt.date) -> tuple[Interval, ...]:
    """Weeks, months, years and "N days ago", through dateparser, widened to their period."""
    text = re.sub(r"\s+", " ", text)
    if text.endswith("weekend"):
        return tuple(Interval(s - dt.timedelta(days=1), s + dt.timedelta(days=1)) for s in _weekend(text, published))
    qualifier = text.split()[0] if text.split()[0] in ("earlier", "later") else ""
    core = text.removeprefix(qualifier).strip().replace("past ", "last ", 1)
    data = _parser(published, "future" if core.startswith("next") else "past").get_date_data(core)
    if data is None or data.date_obj is None:
        return ()
    point = data.date_obj.date()
    period = data.period or "day"
    if core.endswith("ago"):
        slack = {"day": 0, "week": 3, "month": 15, "year": 183}.get(period, 0)
        return (Interval(point - dt.timedelta(days=slack), point + dt.timedelta(days=slack)),)
    if period == "week":
        lo = point - dt.timedelta(days=point.weekday())
        hi = lo + dt.timedelta(days=6)
        if core.startswith("last") or core.startswith("past"):
            hi = max(hi, published - dt.timedelta(days=1))  # loosely "in the last seven days or so"
    elif period == "month":
        lo = point.replace(day=1)
        hi = (lo + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    elif period == "year":
        lo, hi = dt.date(point.year, 1, 1), dt.date(point.year, 12, 31)
    else:
        lo = hi = point
    if qualifier == "earlier":
        hi = min(hi, published)
    elif qualifier == "later":
        lo = max(lo, published)
    return (Interval(lo, hi),)


def _weekend(text: str, published: dt.date) -> tuple[dt.date, ...]:
    """The Saturday of "this", "last", "past" or "next" weekend. From Monday to Friday "this
    weekend" is the coming one (on a Monday it may still be the one just past: both are read);
    on a weekend day it is that weekend. "Last weekend" is the one before "this"."""
    day = published.weekday()
    latest = published - dt.timedelta(days=(day - 5) % 7)  # the last Saturday, or today
    coming = latest if day >= 5 else latest + dt.timedelta(days=7)
    week = dt.timedelta(days=7)
    if text.startswith(("last", "past")):
        return (latest - week if day >= 5 else latest,)
    if text.startswith("next"):
        return (coming + week if day >= 5 else coming,)
    return (latest, coming) if day == 0 else (coming,)


@lru_cache(maxsize=256)
def _parser(published: dt.date, prefer: str):
    from dateparser.date import DateDataParser  # slow to import: only when a period needs it

    base = dt.datetime(published.year, published.month, published.day, 12)
    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer})
