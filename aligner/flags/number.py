"""`number`: two sources give different amounts, counts, percentages, money or durations for the
same thing.

A quantity is a number (digits, or number words from "two" up; "one" is too often a pronoun),
with its scale ("1.5 million"), its approximator ("about", "more than", "nearly", "up to"...)
and the thing it counts: the noun phrase right after it ("16 tests", "over 20 missile tests",
"an eight-page proposal": eight pages), or the measure it is when it counts no noun (5.2 percent,
$1.2 billion). A range ("10-12", "between 10 and 12", "2 to 3 million") is one quantity from its
lower to its upper end; "a dozen" is a round figure. Years, clock times, ordinals and vague
quantities ("several", "dozens") are not quantities.

Two quantities are compared when they count the same thing (same head noun, modifiers that do
not contradict: "missile tests" and "tests" yes, "missile tests" and "nuclear tests" no), or are
measures of one dimension (km and miles), and the two sentences share enough else (more across
rows than within a matched pair). Figures of what befell different groups ("killed 12 people" /
"injured 40 people"), of different months or days ("in July" / "in June") and a change against a
level ("fell 0.2 percent" / "fell to 4.1 percent") count different things. They disagree when
the ranges they allow do not overlap: approximators widen a number ("about 300" is 255-345,
"more than 50" is above 50), a round number covers what rounds to it (300,000 covers 250,000 up
to, not including, 350,000, where 400,000 starts), and unit conversions are exact to 5%.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from aligner import tuning
from aligner.flags import lexicons as lx
from aligner.flags.analysis import Analysis, Token
from aligner.flags.pair import Finding, Pair, quote
from aligner.lexicons import WEEKDAYS
from aligner.similarity import STOPWORDS
from aligner.text import stem

_APPROX = sorted(((tuple(k.split()), v) for k, v in lx.APPROXIMATORS.items()), key=lambda kv: -len(kv[0]))
_UNIT_STEMS = {stem(u) if u.isalpha() else u: v for u, v in lx.UNITS.items()}
_NP_STOP = STOPWORDS | lx.NUMBER_WORDS.keys() | {"last", "next", "ago", "earlier", "later", "since", "per", "each"}
_NUMBER = re.compile(r"^\$?\d+(?:,\d{3})*(?:\.\d+)?%?$")


@dataclass(frozen=True, slots=True)
class Quantity:
    first: int  # token range, approximator included
    last: int
    value: float
    lo: float
    hi: float
    head: str  # stem of the counted noun ("" when it is a unit measure)
    modifiers: frozenset[str]
    unit: tuple[str, float] | None  # (dimension, factor to the base unit)
    complement: frozenset[str] = frozenset()  # content words of an "of"/"for" phrase after it
    outcome: str | None = None  # what befell what it counts ("dead", "hurt"...: lexicons.COUNT_OUTCOMES)
    period: str | None = None  # when it was counted: a month or day after it ("in June", "on Monday")
    change: bool | None = None  # True: a change ("fell 0.2 percent"); False: a level ("fell to 4.1 percent")


def detect(pair: Pair) -> list[Finding]:
    x, y = pair.a.analysis, pair.b.analysis
    qx, qy = quantities(x), quantities(y)
    if pair.relation != "quote":
        # A figure inside a quotation is the speaker's claim, not the outlet's report.
        qx = [q for q in qx if not x.in_quote(q.first)]
        qy = [r for r in qy if not y.in_quote(r.first)]
    if not qx or not qy:
        return []
    # A figure the other sentence also gives (compatibly) is confirmed, not contradicted.
    confirmed_x = {q for q in qx if any(_same_thing(q, r) and _compatible(q, r) for r in qy)}
    confirmed_y = {r for r in qy if any(_same_thing(q, r) and _compatible(q, r) for q in qx)}
    found: list[Finding] = []
    paired: set[Quantity] = set()  # each figure of y is set against one figure of x at most
    for q in qx:
        if q in confirmed_x:
            continue
        for r in qy:
            if r in confirmed_y or r in paired or not _same_thing(q, r):
                continue
            if _compatible(q, r):
                continue
            if (q.unit or r.unit) and not _same_owner(x, q, y, r, strict=pair.level != "match"):
                continue  # "He raised $200,000" / "Cantor had raised $5.4 million": two purses
            if pair.level != "match" and not ((x.anchors() & y.anchors()) - lx.WEAK_ANCHORS):
                continue  # unpaired sentences must name someone or something in common
            if pair.level == "claim" and not (_around(x, q) & _around(y, r)):
                continue  # across rows, the words around the two figures must meet too
            shared = _context(x, q, y, r)
            if shared < {"match": 1, "row": 2, "claim": 3}[pair.level] + tuning.NUMBER_EXTRA_CONTEXT:
                continue
            x_rng = (x.tokens[q.first].start, x.tokens[q.last].end)
            y_rng = (y.tokens[r.first].start, y.tokens[r.last].end)
            score = {"match": 0.78, "row": 0.72, "claim": 0.64}[pair.level]
            found.append(
                Finding(
                    "number",
                    x_rng,
                    y_rng,
                    f"{pair.a.label} gives {quote(x.text, x_rng)} where {pair.b.label} gives {quote(y.text, y_rng)}.",
                    score,
                )
            )
            paired.add(r)
            break  # the next figure of x ("7.1 magnitude", then "5,000 people")
    return found


def _same_thing(q: Quantity, r: Quantity) -> bool:
    if q.complement and r.complement and not (q.complement & r.complement):
        return False  # "extension of tax cuts" / "extension of unemployment benefits"
    if q.outcome and r.outcome and q.outcome != r.outcome:
        return False  # "killed 12 people" / "injured 40 people": two groups
    if q.period and r.period and q.period != r.period:
        return False  # "$50 million in July" / "$40 million in June": two months' figures
    if {q.change, r.change} == {True, False}:
        return False  # "fell 0.2 percent" / "fell to 4.1 percent": a change and a level
    return _same_head(q, r)


def _same_head(q: Quantity, r: Quantity) -> bool:
    if q.unit and r.unit:
        if q.unit[0] != r.unit[0]:
            return False
        if q.unit[0] == "time":
            return bool(q.head) and q.head == r.head  # "two-day stay" / "three-day stay", not any two periods
        if q.head and r.head and q.head != r.head:
            return False
        return True
    if not q.head or q.head != r.head or q.unit or r.unit:
        return False
    if q.modifiers and r.modifiers and not (q.modifiers & r.modifiers):
        return False  # "missile tests" / "nuclear tests": two different things
    return True


def _compatible(q: Quantity, r: Quantity) -> bool:
    fq = q.unit[1] if q.unit else 1.0
    fr = r.unit[1] if r.unit else 1.0
    slack = tuning.NUMBER_CONVERSION_SLACK if (q.unit and r.unit and q.unit[1] != r.unit[1]) else 0.0
    lo_q, hi_q = q.lo * fq * (1 - slack), q.hi * fq * (1 + slack)
    lo_r, hi_r = r.lo * fr * (1 - slack), r.hi * fr * (1 + slack)
    return lo_q <= hi_r and lo_r <= hi_q


def _around(a: Analysis, q: Quantity) -> set[str]:
    """Content words right around a figure, its own words left out ("picked up 63 seats in the House")."""
    own = {q.head.split(":")[-1]} | q.modifiers
    window = a.tokens[max(0, q.first - tuning.NUMBER_AROUND) : q.last + 1 + tuning.NUMBER_AROUND]
    return {t.stem for t in window if t.is_word and t.low not in STOPWORDS and not t.is_number} - own


def _owners(a: Analysis, q: Quantity) -> set[str]:
    """Names just before a figure (its subject: "Cantor had raised $5.4 million"), countries left
    out: whose money, whose share."""
    lo = q.first - tuning.NUMBER_OWNER_WINDOW
    return {m.key for m in a.mentions if lo <= m.last < q.first} - lx.WEAK_ANCHORS


def _same_owner(x: Analysis, q: Quantity, y: Analysis, r: Quantity, strict: bool) -> bool:
    ox, oy = _owners(x, q), _owners(y, r)
    if not ox and not oy:
        return not strict  # nobody named on either side: only a matched pair vouches for it
    return bool(ox & oy)


def _context(x: Analysis, q: Quantity, y: Analysis, r: Quantity) -> int:
    own = {q.head, r.head} | q.modifiers | r.modifiers
    xs = x.content_stems() - own
    ys = y.content_stems() - own
    return len(xs & ys) + len((x.anchors() & y.anchors()) - xs)


def quantities(a: Analysis) -> list[Quantity]:
    return a.cached("quantities", _quantities)


def _quantities(a: Analysis) -> list[Quantity]:
    toks = a.tokens
    out: list[Quantity] = []
    free = 0  # the first token after the last number read
    # A number starts at digits or a number word (`number_at`); "dozen" is one of the words.
    for i in [t.i for t in toks if t.is_number or t.low in lx.NUMBER_WORDS]:
        if i < free:
            continue
        parsed = number_at(toks, i)
        if parsed is None:
            continue
        start, value, end, unit_prefix, step = parsed  # tokens[start:end]: the number and its scale
        upper = None
        if (ranged := _range(toks, start, end, value)) is not None:
            value, upper, end = ranged
            step = 0.0  # a range's ends are written out, not rounded
        q = _quantity(a, start, end, value, unit_prefix, step, upper)
        if q is not None:
            out.append(q)
        free = end
    return out


def number_at(toks: list[Token], i: int) -> tuple[int, float, int, str | None, float] | None:
    """(start, value, end, unit written before it, rounding step) of a number at token i: tokens
    [start, end) are the number and its scale ("a dozen" starts at "a")."""
    t = toks[i]
    start = i
    unit_prefix = None
    step = 0.0
    if t.is_number and _NUMBER.match(t.low):
        raw = t.low
        if raw.startswith("$"):
            unit_prefix = "$"
            raw = raw[1:]
        percent = raw.endswith("%")
        raw = raw.rstrip("%")
        if ":" in t.low:
            return None  # clock time
        value = float(raw.replace(",", ""))
        step = _rounding_step(raw.replace(",", ""))
        if not unit_prefix and not percent and "," not in raw and "." not in raw and 1900 <= value <= 2100:
            return None  # a year
        if i > 0 and toks[i - 1].low in ("$", "\u20ac", "\u00a3"):
            unit_prefix = toks[i - 1].low
        end = i + 1
        if percent:
            unit_prefix = "%"
    elif t.low in lx.NUMBER_WORDS and t.low not in ("hundred", "thousand", "million", "billion", "trillion", "dozen", "zero"):
        value = lx.NUMBER_WORDS[t.low]
        step = 10.0 if value >= 20 and value % 10 == 0 else 0.0
        end = i + 1
        # "twenty-three", "twenty three"
        k = end + 1 if end < len(toks) and toks[end].low == "-" else end
        if value >= 20 and k < len(toks) and toks[k].low in lx.NUMBER_WORDS and lx.NUMBER_WORDS[toks[k].low] < 10:
            value += lx.NUMBER_WORDS[toks[k].low]
            step = 0.0
            end = k + 1
    elif t.low == "dozen" and i > 0 and toks[i - 1].low in ("a", "one"):
        # "a dozen" is a round figure: 9 to 14, like a number rounded to the nearest six
        start, value, end, step = i - 1, 12.0, i + 1, _DOZEN_STEP
    else:
        return None
    if end < len(toks) and toks[end].low == "dozen":
        value, step = value * 12, 12.0  # "two dozen": 18 to 29
        end += 1
    if end < len(toks) and toks[end].low in lx.SCALES and toks[end].low not in ("m", "b", "k") or (
        end < len(toks) and toks[end].low in ("bn", "mn", "m", "b", "k") and toks[end].start == toks[end - 1].end
    ):
        value *= lx.SCALES[toks[end].low]
        step = (step or 1.0) * lx.SCALES[toks[end].low]
        end += 1
    return start, value, end, unit_prefix, step


_DOZEN_STEP = 6.0
_RANGE_WORDS = frozenset({"-", "\u2013", "to"})


def _range(toks: list[Token], start: int, end: int, value: float) -> tuple[float, float, int] | None:
    """When the number at tokens [start, end) opens a range ("10-12", "10 to 12", "between 10 and
    12", "2 to 3 million": the scale written once, on the upper end): (its lower value, its upper
    value, the range's end). A second number that is not larger ("won 3-2") or a change ("rose
    from 10 to 12 percent") is no range."""
    if end + 1 >= len(toks) or (start > 0 and toks[start - 1].low == "from"):
        return None
    joint = toks[end].low
    between = start > 0 and toks[start - 1].low == "between"
    if not (joint in _RANGE_WORDS or (joint == "and" and between)):
        return None
    upper = number_at(toks, end + 1)
    if upper is None or upper[0] != end + 1:
        return None
    _, upper_value, upper_end, _, _ = upper
    scale = toks[upper_end - 1].low
    if scale in lx.SCALES and toks[end - 1].low not in lx.SCALES:
        value *= lx.SCALES[scale]
    if upper_value <= value:
        return None
    return value, upper_value, upper_end


def _quantity(
    a: Analysis,
    i: int,
    end: int,
    value: float,
    unit_prefix: str | None,
    step: float,
    upper: float | None = None,
) -> Quantity | None:
    """The quantity of the number at tokens [i, end) (`upper`: a range's upper end, as written),
    or None when it counts nothing comparable."""
    toks = a.tokens
    # Not a count: ordinals and ranks ("No. 3"), names ("Group of 20"), ages, dates ("two days ago").
    before = toks[i - 1].low if i > 0 else ""
    if before in ("no", "number", "#", "page", "article", "section", "of") and i > 1 and toks[i - 2].is_cap:
        return None
    if value == 1 and not unit_prefix:
        return None
    after = toks[end].low.rstrip(".") if end < len(toks) else ""
    word_before = next((t.low for t in reversed(toks[max(0, i - 2) : i]) if t.is_word), "")
    if word_before in _MONTHS or after in _MONTHS:
        return None  # "Sept. 11", "11 September": a date
    first = i
    lo_f, hi_f = 1.0, 1.0
    for phrase, (lo, hi) in _APPROX:
        n = len(phrase)
        if i - n >= 0 and tuple(t.low for t in toks[i - n : i]) == phrase:
            first, lo_f, hi_f = i - n, lo, hi
            break
    if upper is not None and before == "between":
        first = i - 1  # the span shows "between 10 and 12"
    if first == i and before in lx.VAGUE_QUANTITIES:
        return None  # "several hundred" (but "some 300" is an approximate figure)
    # The thing counted: the noun phrase after the number.
    k = end
    unit = None
    if unit_prefix:
        unit = lx.UNITS.get(unit_prefix)
    if k < len(toks) and toks[k].low == "-" and k + 1 < len(toks):
        k += 1  # "eight-page", "two-day"
    if unit is None and k + 1 < len(toks) and toks[k].low == "per" and toks[k + 1].low == "cent":
        unit, k = lx.UNITS["per cent"], k + 2  # "40 per cent": "per" is no noun
    np: list[Token] = []
    while k < len(toks) and len(np) < 3:
        t = toks[k]
        if not t.is_word or t.low in _NP_STOP or t.is_number:
            break
        if np and (t.low.endswith("ed") or t.low in lx.REPORTING_VERBS):
            break  # a verb: the noun phrase has ended
        np.append(t)
        k += 1
        if _plural(t):
            break  # "six Tupolev bombers": the head of a counted noun phrase is plural
    if np and np[0].low.rstrip(".") in lx.NOT_COUNTED:
        return None
    if k < len(toks) and toks[k].low.rstrip(".") in lx.NOT_COUNTED and not np and not (unit and toks[k].low == "of"):
        return None  # "5 a.m.", "20 times"; but "40% of voters"
    if np and np[-1].low == "ago":
        return None
    if unit is None and np:
        u = _UNIT_STEMS.get(np[0].stem) or lx.UNITS.get(np[0].low)
        if u is not None:
            unit = u
            np = np[1:]
    if k < len(toks) and toks[k].low in ("ago", "later", "earlier", "old", "before", "after", "since"):
        return None  # "two years ago", "two years later", "70 years old": a date or an age
    if unit is not None and unit[0] in ("percent", "time") and not np and k + 1 < len(toks) and toks[k].low == "of":
        k += 1  # "40 percent of voters", "two days of meetings"
        while k < len(toks) and len(np) < 3 and toks[k].is_word and toks[k].low not in _NP_STOP:
            np.append(toks[k])
            k += 1
    preposition = ""
    if unit is not None and not np and k + 1 < len(toks) and toks[k].low in ("in", "of", "for", "from", "on", "to"):
        # "$250,000 in campaign funds", "$3.6 billion from military construction projects": the
        # preposition is part of what the figure is (money for a wall, money from a budget)
        preposition = toks[k].low
        k += 1
        while k < len(toks) and toks[k].low in ("the", "a", "an", "its", "their", "his", "her", "that", "this"):
            k += 1
        while k < len(toks) and len(np) < 3 and toks[k].is_word and toks[k].low not in _NP_STOP and not toks[k].is_number:
            np.append(toks[k])
            k += 1
        if np and np[0].low.rstrip(".") in _TIMES:
            preposition, np = "", []  # "5.2 percent in June": when, not what
    if not np and (unit is None or unit[0] == "time"):
        # A figure without the thing it counts cannot be matched to another one; a measure
        # (5.2 percent, $1.2 billion, 800 km) is compared with measures of its dimension. A bare
        # period ("in two days") is not.
        return None
    if np and np[0].is_cap and len(np) == 1 and not _plural(np[0]) and not a.tokens[np[0].i - 1].low == "-":
        return None  # "the G 7", "Apollo 11 Mission": part of a name (but "1.5 million Syrians")
    head = (f"{preposition}:" if preposition else "") + (np[-1].stem if np else "")
    modifiers = frozenset(t.stem for t in np[:-1] if not t.is_cap)
    last = (np[-1].i if np else end - 1)
    lo, hi = _bounds(value, lo_f, hi_f, step)
    if upper is not None:
        hi = _bounds(upper, lo_f, hi_f, 0.0)[1]  # "10-12 people": 10 to 12
    # What the counted thing is of: "a two-year extension of tax cuts" / "of unemployment benefits".
    complement: set[str] = set()
    k = last + 1
    if k < len(toks) and toks[k].low in ("of", "for"):
        for t in toks[k + 1 : k + 6]:
            if not t.is_word:
                break
            if t.low not in STOPWORDS:
                complement.add(t.stem)
                if len(complement) == 2:
                    break
    return Quantity(
        first, last, value, lo, hi, head, modifiers, unit, frozenset(complement),
        _outcome(toks, first, last), _period(toks, last), _is_change(toks, first),
    )


def _is_change(toks: list[Token], first: int) -> bool | None:
    """True when the figure is by how much something changed ("fell 0.2 percent", "rose by about 3
    percent"), False when it is where a change ended ("fell to 4.1 percent"), None when it says
    neither."""
    k = first - 1
    level = k >= 1 and toks[k].low in ("to", "at") and toks[k - 1].low in lx.CHANGE_VERBS
    if level:
        return False
    if k >= 0 and toks[k].low == "by":
        k -= 1
    return True if k >= 0 and toks[k].low in lx.CHANGE_VERBS else None


_OUTCOME_OF = {w: cls for cls, words in lx.COUNT_OUTCOMES.items() for w in words}
#: How far from a figure the word for what befell it may stand: "killing at least 12 people",
#: "12 people were killed".
_OUTCOME_REACH = 3


def _outcome(toks: list[Token], first: int, last: int) -> str | None:
    """What befell the counted people or things: the outcome word nearest the figure, before it
    or after its noun phrase."""
    found: list[tuple[int, str]] = []
    for k in range(max(0, first - _OUTCOME_REACH), first):
        if (cls := _outcome_class(toks[k])) is not None:
            found.append((first - k, cls))
    for k in range(last + 1, min(len(toks), last + 1 + _OUTCOME_REACH)):
        if (cls := _outcome_class(toks[k])) is not None:
            found.append((k - last, cls))
            break
    return min(found)[1] if found else None


def _outcome_class(t: Token) -> str | None:
    return _OUTCOME_OF.get(t.low) or _OUTCOME_OF.get(t.stem) if t.is_word else None


def _period(toks: list[Token], last: int) -> str | None:
    """The month or day a figure is given for, named right after it ("$50 million in July", "rose
    1.2 percent on Monday", "15 percent this year")."""
    k = last + 1
    while k < len(toks) and (toks[k].low in lx.UNITS or toks[k].stem in _UNIT_STEMS):
        k += 1  # "1.2 percent on Monday": the unit word is the figure's own
    if k + 1 < len(toks) and toks[k].low in ("in", "on", "for", "during", "this", "last"):
        word = toks[k + 1].low.rstrip(".")
        if toks[k].low in ("this", "last"):
            word = f"{toks[k].low} {word}"
        if word in _MONTHS or word in _WEEKDAYS or word.rsplit(" ", 1)[-1] in ("year", "month", "week", "quarter"):
            return word
    return None


_WEEKDAYS = frozenset(d.lower() for d in WEEKDAYS)


_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_TIMES = _MONTHS | frozenset(WEEKDAYS)
_IRREGULAR_PLURALS = frozenset("people men women children police personnel staff troops feet teeth mice geese".split())


def _plural(t: Token) -> bool:
    return t.low in _IRREGULAR_PLURALS or (len(t.low) > 3 and t.low.endswith("s") and not t.low.endswith("ss"))


def _bounds(value: float, lo_f: float, hi_f: float, step: float) -> tuple[float, float]:
    """The values a written number allows: its approximator's range, and rounding."""
    if math.isinf(hi_f):
        return value, math.inf  # "more than 50": above 50
    lo, hi = value * lo_f, value * hi_f
    # Rounding covers [value - step/2, value + step/2): 300 covers 250-349.99, so 300 and 400
    # (which covers 350-449.99) never meet.
    return lo - step / 2 * lo_f, hi + step / 2 * hi_f * (1 - _OPEN_END)


#: How far short of its rounding half-step a number's upper end stops (relative).
_OPEN_END = 1e-9


def _rounding_step(digits: str) -> float:
    """What a written number may have been rounded from: 300000 covers 250000-349999, 20 covers
    15-24, 1.5 covers 1.45-1.54; 16 is exact."""
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1])
    n, zeros = int(digits), 0
    while n and n % 10 == 0 and zeros < 12:
        n //= 10
        zeros += 1
    return float(10**zeros) if zeros else 0.0
