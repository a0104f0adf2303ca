"""What the reader sees and where the cursor is, as plain Python (no Textual, no Rich).

`Index` is built once per `Alignment`: the rows (one per aligner `Group`, plus a top row for
headlines and furniture), each cell's paragraphs and sentences, and lookups from a sentence to its
matches, flags and reused passages. `View` holds the reader's choices (shown sources, pinned
column, row filter, furniture, search) and the cursor, and answers every navigation question
(next flag, next match, next search hit...) in reading order. The widgets only draw what these
say, so all of the behaviour here is tested without a terminal.

The aligner is imported lazily (it loads numpy and scipy): these classes only read the attributes
of the objects they are given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from aligner.model import FURNITURE_ROLES  # the model alone: no numpy

if TYPE_CHECKING:
    from aligner.model import Alignment, Flag, Match, Paragraph, Reuse, Source

#: The row that holds each source's headline(s) and, when shown, its furniture.
TOP = -1


Filter = Literal["all", "flagged", "omitted"]
FILTERS: tuple[Filter, ...] = ("all", "flagged", "omitted")
FILTER_NAMES: dict[str, str] = {
    "all": "all rows",
    "flagged": "rows with flags",
    "omitted": "rows some source omits",
}


class Unit(NamedTuple):
    """A sentence (the cursor's unit of movement): character offsets into one paragraph."""

    source: str
    paragraph: int
    start: int
    end: int

    @property
    def key(self) -> tuple[str, int]:
        return (self.source, self.paragraph)


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the synopsis: a group of paragraphs on one sub-topic, or the top row."""

    key: int  # Group.id, or TOP
    label: str
    cells: dict[str, tuple[Paragraph, ...]]  # source id -> its paragraphs here, in article order

    @property
    def number(self) -> int:
        """The row number shown to the reader (1-based; 0 for the top row)."""
        return self.key + 1


@dataclass(frozen=True, slots=True)
class Counterpart:
    """Something the sentence under the cursor relates to in another place."""

    kind: Literal["flag", "reuse", "match"]
    index: int  # into Alignment.flags / .reuse / .matches
    here: Unit  # the unit on this side
    there: Unit  # the unit on the other side
    here_span: tuple[int, int]  # character range on this side (a flag may cover part of a sentence)
    there_span: tuple[int, int]


class Index:
    """Static lookups over one alignment."""

    def __init__(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self.sources: tuple[Source, ...] = alignment.sources
        self.source_ids: tuple[str, ...] = tuple(s.id for s in alignment.sources)
        self.position: dict[str, int] = {sid: i for i, sid in enumerate(self.source_ids)}
        self.by_id: dict[str, Source] = {s.id: s for s in alignment.sources}

        by_source: dict[str, list[Paragraph]] = defaultdict(list)
        for p in alignment.paragraphs:
            by_source[p.source].append(p)
        for paragraphs in by_source.values():
            paragraphs.sort(key=lambda p: p.index)
        self.paragraphs_of: dict[str, tuple[Paragraph, ...]] = {
            sid: tuple(by_source.get(sid, ())) for sid in self.source_ids
        }

        # Rows: the top row, then one per group in reading order.
        top: dict[str, tuple[Paragraph, ...]] = {}
        for sid in self.source_ids:
            extra = tuple(p for p in self.paragraphs_of[sid] if p.role == "headline" or p.role in FURNITURE_ROLES)
            if extra:
                top[sid] = extra
        rows = [Row(TOP, "headlines", top)]
        self.row_of: dict[tuple[str, int], int] = {}  # paragraph key -> Row.key
        for g in alignment.groups:
            cells: dict[str, list[Paragraph]] = defaultdict(list)
            for key in g.members:
                try:
                    cells[key[0]].append(alignment.paragraph(key))
                except KeyError:
                    continue
                self.row_of[key] = g.id
            rows.append(
                Row(g.id, g.label, {sid: tuple(sorted(ps, key=lambda p: p.index)) for sid, ps in cells.items()})
            )
        for sid in self.source_ids:
            for p in top.get(sid, ()):
                self.row_of.setdefault(p.key, TOP)
        self.rows: tuple[Row, ...] = tuple(rows)
        self.row_position: dict[int, int] = {r.key: i for i, r in enumerate(self.rows)}
        # More than one story: each row and each source belongs to one, and a row is only
        # missing from the sources of its own story.
        self.story_of = alignment.story_of
        self.row_story: dict[int, int] = {r.key: self.story_of(next(iter(r.cells))) for r in self.rows[1:] if r.cells}
        self.story_size: Counter[int] = Counter(self.story_of(sid) for sid in self.source_ids)
        self.group_count = len(alignment.groups)
        self.coverage: dict[str, int] = {
            sid: sum(1 for r in self.rows[1:] if sid in r.cells) for sid in self.source_ids
        }

        # Sentences, the cursor's units.
        self.units: dict[tuple[str, int], tuple[Unit, ...]] = {}
        for p in alignment.paragraphs:
            if p.sentences:
                units = tuple(Unit(p.source, p.index, s.start, s.end) for s in p.sentences)
            else:
                units = (Unit(p.source, p.index, 0, len(p.text)),)
            self.units[p.key] = units
        self._starts: dict[tuple[str, int], list[int]] = {k: [u.start for u in us] for k, us in self.units.items()}

        # Matches, flags and reuse, from each unit's point of view.
        self.counterparts: dict[Unit, list[Counterpart]] = defaultdict(list)
        self.matched: dict[Unit, str] = {}  # unit -> strongest match kind
        for i, m in enumerate(alignment.matches):
            self._relate("match", i, m.a, m.b)
            for span in (m.a, m.b):
                unit = self.unit_at(span.source, span.paragraph, span.start)
                if unit is not None and _MATCH_RANK.get(m.kind, 0) > _MATCH_RANK.get(self.matched.get(unit, ""), -1):
                    self.matched[unit] = m.kind
        for i, f in enumerate(alignment.flags):
            self._relate("flag", i, f.a, f.b)
        for i, r in enumerate(alignment.reuse):
            self._relate("reuse", i, r.copy, r.original)
        for items in self.counterparts.values():
            items.sort(key=lambda c: (_KIND_ORDER[c.kind], -self._score(c)))

        self.flag_spans: dict[tuple[str, int], list[tuple[int, int, int]]] = defaultdict(list)  # key -> (start, end, flag)
        self.flagged_rows: set[int] = set()
        for i, f in enumerate(alignment.flags):
            for span in (f.a, f.b):
                self.flag_spans[span.key].append((span.start, span.end, i))
                if span.key in self.row_of:
                    self.flagged_rows.add(self.row_of[span.key])
        self.copy_spans: dict[tuple[str, int], list[tuple[int, int, int]]] = defaultdict(list)  # key -> (start, end, reuse)
        for i, r in enumerate(alignment.reuse):
            self.copy_spans[r.copy.key].append((r.copy.start, r.copy.end, i))
        self.flags_by_row: dict[int, int] = defaultdict(int)
        for row in self.flagged_rows:
            self.flags_by_row[row] = sum(
                1 for f in alignment.flags if self.row_of.get(f.a.key) == row or self.row_of.get(f.b.key) == row
            )

    def _score(self, c: Counterpart) -> float:
        items = {"match": self.alignment.matches, "flag": self.alignment.flags, "reuse": self.alignment.reuse}[c.kind]
        return items[c.index].score

    def _relate(self, kind: str, index: int, a, b) -> None:
        ua = self.unit_at(a.source, a.paragraph, a.start)
        ub = self.unit_at(b.source, b.paragraph, b.start)
        if ua is None or ub is None:
            return
        self.counterparts[ua].append(Counterpart(kind, index, ua, ub, (a.start, a.end), (b.start, b.end)))
        if kind != "reuse":  # reuse is shown on the copy; the original is just a sentence
            self.counterparts[ub].append(Counterpart(kind, index, ub, ua, (b.start, b.end), (a.start, a.end)))

    def unit_at(self, source: str, paragraph: int, offset: int) -> Unit | None:
        """The sentence of a paragraph that holds a character offset."""
        key = (source, paragraph)
        units = self.units.get(key)
        if not units:
            return None
        i = max(0, bisect_right(self._starts[key], offset) - 1)
        return units[i]

    def row_of_unit(self, unit: Unit) -> int:
        return self.row_of.get(unit.key, TOP)

    def label(self, source: str) -> str:
        return self.by_id[source].label if source in self.by_id else source


_MATCH_RANK = {"paraphrase": 0, "near-verbatim": 1, "verbatim": 2}
_KIND_ORDER = {"flag": 0, "reuse": 1, "match": 2}


@dataclass(frozen=True, slots=True)
class Cursor:
    row: int  # position in View.rows
    source: str
    unit: int  # position among the cell's units (0 when the cell is empty)


@dataclass(frozen=True, slots=True)
class Hit:
    """A search hit: a character range in one paragraph."""

    unit: Unit
    start: int
    end: int


class View:
    """The reader's choices and cursor over an `Index`. Every method is pure bookkeeping."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.shown: list[str] = list(index.source_ids)
        self.pinned: str | None = None
        self.filter: Filter = "all"
        self.furniture = False
        self.rows: list[Row] = []
        self.cursor = Cursor(0, index.source_ids[0] if index.source_ids else "", 0)
        self.current_flag: int | None = None
        self.wrapped = False  # the last step to a flag, match or hit went round the end
        self.query = ""
        self.hits: list[Hit] = []
        self.hidden_hits = 0
        self.current_hit: Hit | None = None
        self._order_cache: dict[str, list] = {}
        self.refilter()

    # --- what is shown ------------------------------------------------------------------------

    @property
    def columns(self) -> list[str]:
        """Shown sources in display order: the pinned reference first, then source order."""
        rest = [s for s in self.index.source_ids if s in self.shown and s != self.pinned]
        return ([self.pinned] if self.pinned in self.shown else []) + rest

    def row_passes(self, row: Row) -> bool:
        if row.key == TOP:  # shown unfiltered, and only with something in it
            return self.filter == "all" and any(self.cell(row, s) for s in self.shown)
        if self.filter == "all":
            return True
        if self.filter == "flagged":
            return row.key in self.index.flagged_rows
        story = self.index.row_story.get(row.key, 0)  # "omitted", by a source of the row's story
        return any(s not in row.cells for s in self.shown if self.index.story_of(s) == story)

    def refilter(self) -> None:
        """Recompute the visible rows after a filter or source change, keeping the cursor's row."""
        current = self.rows[self.cursor.row].key if self.rows and self.cursor.row < len(self.rows) else None
        rows = [r for r in self.index.rows if self.row_passes(r)]  # none pass: nothing is shown
        self.rows = rows
        self._order_cache.clear()
        position = 0
        if current is not None and rows:
            keys = [r.key for r in rows]
            target = self.index.row_position.get(current, 0)
            # the same row if it passes, else the nearest row below it
            position = next(
                (i for i, k in enumerate(keys) if self.index.row_position[k] >= target), len(rows) - 1
            )
        source = self.cursor.source if self.cursor.source in self.shown else (self.columns or [""])[0]
        self.cursor = Cursor(position, source, 0)
        self.clamp()
        if self.query:  # what is shown changed: so did which hits are found and which hidden
            current = self.current_hit
            self.search(self.query)
            if current in self.hits:
                self.current_hit = current

    def cell(self, row: Row, source: str) -> tuple[Paragraph, ...]:
        paragraphs = row.cells.get(source, ())
        if row.key == TOP and not self.furniture:
            paragraphs = tuple(p for p in paragraphs if p.role not in FURNITURE_ROLES)
        return paragraphs

    def cell_units(self, row: Row, source: str) -> list[Unit]:
        return [u for p in self.cell(row, source) for u in self.index.units[p.key]]

    @property
    def row(self) -> Row | None:
        return self.rows[self.cursor.row] if 0 <= self.cursor.row < len(self.rows) else None

    @property
    def unit(self) -> Unit | None:
        row = self.row
        if row is None:
            return None
        units = self.cell_units(row, self.cursor.source)
        return units[self.cursor.unit] if 0 <= self.cursor.unit < len(units) else None

    def clamp(self) -> None:
        c = self.cursor
        if not self.rows:
            self.cursor = Cursor(0, c.source, 0)
            return
        row = min(max(c.row, 0), len(self.rows) - 1)
        source = c.source if c.source in self.shown else (self.columns or [c.source])[0]
        n = len(self.cell_units(self.rows[row], source))
        self.cursor = Cursor(row, source, min(max(c.unit, 0), max(n - 1, 0)))

    def set_filter(self, name: Filter) -> None:
        self.filter = name
        self.refilter()

    def toggle_source(self, source: str) -> bool:
        """Show or hide a source; the last shown source cannot be hidden. True if changed."""
        if source in self.shown:
            if len(self.shown) == 1:
                return False
            self.shown.remove(source)
            if self.pinned == source:
                self.pinned = None
        else:
            self.shown.append(source)
            self.shown.sort(key=self.index.position.__getitem__)
        self.refilter_keep_cursor()
        return True

    def show_all(self) -> None:
        self.shown = list(self.index.source_ids)
        self.refilter_keep_cursor()

    def pin(self, source: str | None) -> None:
        self.pinned = source if source in self.shown else None
        self._order_cache.clear()

    def set_furniture(self, on: bool) -> None:
        self.furniture = on
        self._order_cache.clear()
        self.refilter_keep_cursor()  # the top row may empty or fill

    def refilter_keep_cursor(self) -> None:
        unit = self.unit
        self.refilter()
        if unit is not None and unit.source in self.shown:
            self.go_to_unit(unit, reveal=False)

    # --- moving ---------------------------------------------------------------------------------

    def move_row(self, delta: int) -> None:
        if self.rows:
            self.cursor = Cursor(min(max(self.cursor.row + delta, 0), len(self.rows) - 1), self.cursor.source, 0)

    def go_row(self, position: int) -> None:
        if self.rows:
            self.cursor = Cursor(min(max(position, 0), len(self.rows) - 1), self.cursor.source, 0)
            self.clamp()

    def move_column(self, delta: int) -> None:
        columns = self.columns
        if not columns:
            return
        i = columns.index(self.cursor.source) if self.cursor.source in columns else 0
        i = min(max(i + delta, 0), len(columns) - 1)
        self.cursor = Cursor(self.cursor.row, columns[i], 0)
        self.clamp()

    def move_unit(self, delta: int) -> None:
        """Next or previous sentence of the cell, continuing into the next or previous row of the
        same column (so w/b read one article down its column)."""
        row = self.row
        if row is None:
            return
        n = len(self.cell_units(row, self.cursor.source))
        target = self.cursor.unit + delta
        if 0 <= target < n:
            self.cursor = Cursor(self.cursor.row, self.cursor.source, target)
            return
        step = 1 if delta > 0 else -1
        position = self.cursor.row + step
        while 0 <= position < len(self.rows):
            units = self.cell_units(self.rows[position], self.cursor.source)
            if units:
                self.cursor = Cursor(position, self.cursor.source, 0 if step > 0 else len(units) - 1)
                return
            position += step

    def go_to_unit(self, unit: Unit, *, reveal: bool = True) -> bool:
        """Put the cursor on a sentence. With `reveal`, show its source and clear a filter that
        hides its row. False if the sentence is not on screen and could not be revealed."""
        row_key = self.index.row_of_unit(unit)
        if unit.source not in self.shown:
            if not reveal:
                return False
            self.shown.append(unit.source)
            self.shown.sort(key=self.index.position.__getitem__)
            self.refilter()
        if row_key == TOP and not self.furniture:
            p = self.index.alignment.paragraph(unit.key)
            if p.role in FURNITURE_ROLES:
                if not reveal:
                    return False
                self.furniture = True
                self._order_cache.clear()
                self.refilter()  # the top row may only now have something to show; hits recounted
        position = self.row_index(row_key)
        if position is None:
            if not reveal:
                return False
            self.set_filter("all")
            position = self.row_index(row_key)
            if position is None:
                return False
        units = self.cell_units(self.rows[position], unit.source)
        try:
            i = units.index(unit)
        except ValueError:
            i = 0
        self.cursor = Cursor(position, unit.source, i)
        return True

    def row_index(self, row_key: int) -> int | None:
        for i, r in enumerate(self.rows):
            if r.key == row_key:
                return i
        return None

    # --- reading order ------------------------------------------------------------------------

    def order_key(self, unit: Unit, offset: int | None = None) -> tuple[int, int, int, int] | None:
        """Where a sentence sits in reading order: row, column, paragraph, offset (None if hidden)."""
        position = self.row_index(self.index.row_of_unit(unit))
        columns = self.columns
        if position is None or unit.source not in columns:
            return None
        return (position, columns.index(unit.source), unit.paragraph, unit.start if offset is None else offset)

    def cursor_key(self) -> tuple[int, int, int, int]:
        unit = self.unit
        if unit is not None:
            key = self.order_key(unit)
            if key is not None:
                return key
        columns = self.columns
        col = columns.index(self.cursor.source) if self.cursor.source in columns else 0
        return (self.cursor.row, col, -1, -1)

    def _ordered(self, name: str, items: Iterable[tuple[Unit, object, tuple]]) -> list[tuple[tuple, Unit, object]]:
        """(key, unit, payload) of the shown `items` in reading order; each item's last part
        extends its sentence's key, to order several entries of one sentence."""
        if name not in self._order_cache:
            keyed = []
            for unit, payload, extra in items:
                key = self.order_key(unit)
                if key is not None and self._unit_visible(unit):
                    keyed.append((key + extra, unit, payload))
            keyed.sort(key=lambda t: t[0])
            self._order_cache[name] = keyed
        return self._order_cache[name]

    def _unit_visible(self, unit: Unit) -> bool:
        if self.index.row_of_unit(unit) != TOP or self.furniture:
            return True
        return self.index.alignment.paragraph(unit.key).role not in FURNITURE_ROLES

    def _step(self, ordered: list[tuple[tuple, Unit, object]], forward: bool, here: tuple | None = None):
        """The entry after (before) `here`, the cursor's place by default, wrapping around
        (`self.wrapped` says whether it did)."""
        if not ordered:
            return None
        if here is None:
            here = self.cursor_key()
        keys = [t[0] for t in ordered]
        i = bisect_right(keys, here) if forward else bisect_left(keys, here) - 1
        self.wrapped = not 0 <= i < len(ordered)
        return ordered[i % len(ordered)]

    def next_match(self, forward: bool = True) -> Unit | None:
        ordered = self._ordered("matches", ((u, None, ()) for u in self.index.matched))
        step = self._step(ordered, forward)
        if step is None:
            return None
        self.go_to_unit(step[1], reveal=False)
        return step[1]

    def flag_endpoints(self) -> list[tuple[tuple, Unit, object]]:
        alignment = self.index.alignment

        def endpoints():
            for i, f in enumerate(alignment.flags):
                for span in (f.a, f.b):
                    unit = self.index.unit_at(span.source, span.paragraph, span.start)
                    if unit is not None:
                        # a sentence can hold several flags (a magnitude and a toll): by flag
                        yield unit, i, (i,)

        return self._ordered("flags", endpoints())

    def flag_number(self, index: int) -> tuple[int, int]:
        """(1-based number of flag `index` in reading order, by its first shown end; how many
        flags are shown), or (0, n) when it is not shown. `]` visits each flag's two ends: both
        carry the same number."""
        numbers: dict[int, int] = {}
        for _, _, i in self.flag_endpoints():
            numbers.setdefault(i, len(numbers) + 1)
        return numbers.get(index, 0), len(numbers)

    def next_flag(self, forward: bool = True, same_kind: bool = False) -> int | None:
        """Move to the next (previous) flagged span in reading order; returns the flag's index."""
        ordered = self.flag_endpoints()
        if same_kind:
            kind = self.current_kind()
            if kind is not None:
                ordered = [t for t in ordered if self.index.alignment.flags[t[2]].kind == kind]
        here = None
        unit = self.unit
        if unit is not None and self.current_flag is not None:
            # on the flag just visited: step from it, not from the sentence's start
            here = next((t[0] for t in ordered if t[1] == unit and t[2] == self.current_flag), None)
        step = self._step(ordered, forward, here)
        if step is None:
            return None
        self.go_to_unit(step[1], reveal=False)
        self.current_flag = step[2]
        return step[2]

    def current_kind(self) -> str | None:
        flags = self.index.alignment.flags
        unit = self.unit
        if unit is not None:
            for c in self.index.counterparts.get(unit, ()):
                if c.kind == "flag":
                    return flags[c.index].kind
        if self.current_flag is not None and self.current_flag < len(flags):
            return flags[self.current_flag].kind
        return None

    def go_to_flag(self, index: int) -> bool:
        flag = self.index.alignment.flags[index]
        unit = self.index.unit_at(flag.a.source, flag.a.paragraph, flag.a.start)
        if unit is None or not self.go_to_unit(unit):
            return False
        self.current_flag = index
        return True

    # --- search -------------------------------------------------------------------------------

    def search(self, query: str) -> int:
        """Find `query` (case-insensitive, literal; quotes, dashes and spaces as typed find their
        typeset forms) in the shown text; returns the hit count."""
        self.query = query
        self.hits = []
        self.hidden_hits = 0  # hits in what the view hides: filtered rows, hidden columns, furniture
        self.current_hit = None
        self._order_cache.pop("hits", None)
        if not query:
            return 0
        from aligner.text import loose_pattern, visible

        expression = loose_pattern(query)
        if not expression:
            return 0  # only invisible characters: nothing to find
        pattern = re.compile(expression, re.IGNORECASE)

        shown = {(row.key, source) for row in self.rows for source in self.columns}
        for row in self.index.rows:
            for source in self.index.source_ids:
                in_view = self.cell(row, source) if (row.key, source) in shown else ()
                for p in row.cells.get(source, ()):
                    for m in pattern.finditer(visible(p.text)):
                        unit = self.index.unit_at(p.source, p.index, m.start())
                        if unit is None:
                            continue
                        if p in in_view:
                            self.hits.append(Hit(unit, m.start(), m.end()))
                        else:
                            self.hidden_hits += 1  # a row the filter hides, a hidden column, furniture
        return len(self.hits)

    def next_hit(self, forward: bool = True) -> Hit | None:
        if not self.hits:
            return None
        ordered = self._ordered_hits()
        unit = self.unit
        here = None
        # when the cursor sits on a hit's sentence, step from the hit after (before) it
        if unit is not None and self.current_hit is not None and self.current_hit.unit == unit:
            here = self.order_key(unit, self.current_hit.start)
        step = self._step(ordered, forward, here)
        if step is None:  # every hit is in a hidden row
            return None
        hit = step[2]
        self.go_to_unit(hit.unit, reveal=False)
        self.current_hit = hit
        return hit

    def _ordered_hits(self) -> list:
        """The shown hits in reading order, as (order key, unit, hit); kept until the view or
        the reading order changes."""
        if "hits" not in self._order_cache:
            keyed = [(self.order_key(h.unit, h.start), h.unit, h) for h in self.hits]
            self._order_cache["hits"] = sorted((t for t in keyed if t[0] is not None), key=lambda t: t[0])
        return self._order_cache["hits"]

    def hit_number(self) -> tuple[int, int]:
        """(1-based number of the current hit, number of hits)."""
        if not self.hits or self.current_hit is None:
            return (0, len(self.hits))
        ordered = self._ordered_hits()
        for i, t in enumerate(ordered):
            if t[2] == self.current_hit:
                return (i + 1, len(self.hits))
        return (0, len(self.hits))

    # --- the sentence under the cursor --------------------------------------------------------

    def counterparts(self) -> list[Counterpart]:
        unit = self.unit
        if unit is None:
            return []
        items = list(self.index.counterparts.get(unit, ()))
        if self.current_flag is not None:
            # the flag just jumped to comes first
            items.sort(key=lambda c: 0 if (c.kind == "flag" and c.index == self.current_flag) else 1)
        return items

    def lit(self) -> set[Unit]:
        """The sentences that match the one under the cursor (they light up, wherever they are)."""
        return {c.there for c in self.counterparts() if c.kind in ("match", "reuse")}


def source_line(index: Index, sid: str) -> str:
    """One line about a source: label, outlet, date, URL (plain text, not markup)."""
    s = index.by_id[sid]
    return " · ".join([s.label, *source_facts(s), *([s.url] if s.url else [])])


def source_facts(s: Source) -> list[str]:
    """What a source says of itself beside its label: its outlet (when not the label) and date."""
    facts = [s.outlet] if s.outlet and s.outlet != s.label else []
    return facts + ([s.published.isoformat()] if s.published else [])


