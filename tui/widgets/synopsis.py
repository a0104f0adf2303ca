"""The synopsis: one column per source, one row per group, in ONE Line-API scroller.

Every row is laid out by this widget: each visible cell is wrapped to its column's width and
padded to the row's height, so the columns of a row start on the same line and stay aligned by
construction while scrolling (no scroll syncing, no widget per cell). Rendered cells and rows are
kept in LRU caches keyed by a version that changes only when what the cell shows changes, so a key
press restyles a couple of cells and repaints from cache.

Layout of one row (the gutter on the left, then the visible columns):

     12 ─ counterpart · sergey ───────────────────────────   <- rule: row number and label
    ●●○●● │ ¶9 ≈ Kerry met Lavrov… │ · not covered · │ …
    ⚑1    │ …                     │                 │

`ColumnHeaders` draws the header lines with the same geometry.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.content import Content, Span
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from tui.cells import (
    COVERED_GLYPH,
    FLAG_GLYPH,
    OTHER_STORY_GLYPH,
    UNCOVERED_GLYPH,
    CellRender,
    Palette,
    ParagraphText,
    cell_height,
    component_style,
    paragraph_text,
    render_cell,
    text_strip,
)
from tui.reading import TOP, Cursor, Row, View, source_facts
from tui.safe import plain

#: Columns narrower than this are not worth reading; fewer, wider columns are shown instead.
MIN_COLUMN = 24
MIN_COLUMN_RANGE = (12, 120)


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where things go across the width."""

    width: int  # content width
    gutter: int
    columns: tuple[tuple[str, int, int], ...]  # (source id, x, width)
    hidden_left: int  # shown sources panned out on the left
    hidden_right: int  # ... and on the right
    pinned: str | None

    def column_at(self, x: int) -> str | None:
        for sid, cx, w in self.columns:
            if cx <= x < cx + w:
                return sid
        return None


def compute_geometry(width: int, sources: int, columns: list[str], pinned: str | None, first: int, min_column: int) -> tuple[Geometry, int]:
    """Fit as many columns as are readable; returns the geometry and the (clamped) pan offset."""
    width = max(width, 0)
    gutter = max(5, min(sources, 10)) + 1 if width >= 30 else 0
    available = max(width - gutter, 1)
    fit = max(1, (available + 1) // (min_column + 1))
    pinned_cols = [pinned] if pinned in columns else []
    rest = [c for c in columns if c not in pinned_cols]
    # A pinned reference always has a column beside it: the cursor's column must stay in view.
    count = min(max(fit, 2 if pinned_cols and rest else 1), len(columns))
    room = max(count - len(pinned_cols), 0)
    first = min(max(first, 0), max(len(rest) - room, 0))
    chosen = pinned_cols + rest[first : first + room]
    if not chosen and columns:
        chosen = columns[:1]
    n = max(len(chosen), 1)
    usable = max(available - (n - 1), n)
    base, extra = divmod(usable, n)
    x = gutter
    placed = []
    for i, sid in enumerate(chosen):
        w = base + (1 if i < extra else 0)
        placed.append((sid, x, w))
        x += w + 1
    hidden_right = max(len(rest) - first - room, 0)
    return Geometry(width, gutter, tuple(placed), first, hidden_right, pinned if pinned_cols else None), first


class SynopsisView(ScrollView, can_focus=True, inherit_bindings=False):
    """The rows and columns of the alignment, drawn line by line."""

    COMPONENT_CLASSES = {
        "synopsis--gutter",
        "synopsis--gutter-flag",
        "synopsis--rule",
        "synopsis--rule-cursor",
        "synopsis--separator",
        "synopsis--number",
        "synopsis--headline",
        "synopsis--furniture",
        "synopsis--lead-in",
        "synopsis--match",
        "synopsis--match-glyph",
        "synopsis--flag",
        "synopsis--flag-glyph",
        "synopsis--reuse",
        "synopsis--reuse-glyph",
        "synopsis--search",
        "synopsis--search-current",
        "synopsis--lit",
        "synopsis--cursor",
        "synopsis--uncovered",
        "synopsis--empty",
    }

    class CursorMoved(Message):
        """The cursor moved by a mouse click (keys are handled by the screen)."""

    class Resized(Message):
        """The view changed size: rows have new heights and columns may pan, so the screen brings
        the cursor into view and redraws the status line (it names the row and the shown columns)."""

    def __init__(self, view: View, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self.min_column = MIN_COLUMN  # `+` / `-` change it within MIN_COLUMN_RANGE
        self.first = 0  # pan offset among the unpinned shown sources
        self.geometry: Geometry | None = None
        self._row_starts: list[int] = []
        self._row_heights: list[int] = []
        self._generation = 0
        self._versions: dict[tuple[int, str], int] = {}  # per cell: bumped when its marks change
        self._row_versions: dict[int, int] = {}  # per row: bumped when any of its cells or its rule change
        self._paragraphs: dict[tuple[str, int], ParagraphText] = {}
        self._cells: LRUCache[tuple, CellRender] = LRUCache(2048)
        self._lines: LRUCache[tuple, list[Strip]] = LRUCache(8192)  # per paragraph, width and marks
        self._styles: dict[str, Style] = {}
        self._rows: LRUCache[tuple, list[Strip]] = LRUCache(1024)
        self._palette: Palette | None = None
        self._dynamic: set[tuple[int, str]] = set()
        self._cursor_row: int | None = None
        self._paged: tuple[Cursor, str] | None = None  # the cursor paging left, and its home column
        self._stale = True

    # --- styles -------------------------------------------------------------------------------

    @property
    def palette(self) -> Palette:
        if self._palette is None:
            part = lambda name: component_style(self, f"synopsis--{name}")  # noqa: E731
            self._palette = Palette(
                base=self.get_visual_style(),
                number=part("number"),
                headline=part("headline"),
                furniture=part("furniture"),
                lead_in=part("lead-in"),
                match=part("match"),
                match_glyph=part("match-glyph"),
                flag=part("flag"),
                flag_glyph=part("flag-glyph"),
                reuse=part("reuse"),
                reuse_glyph=part("reuse-glyph"),
                search=part("search"),
                search_current=part("search-current"),
                lit=part("lit"),
                cursor=part("cursor"),
                uncovered=part("uncovered"),
            )
        return self._palette

    def style(self, name: str) -> Style:
        """The base style with a component class over it (cached until the styles change)."""
        if (style := self._styles.get(name)) is None:
            style = self._styles[name] = self.palette.base + component_style(self, f"synopsis--{name}")
        return style

    def notify_style_update(self) -> None:
        """Forget every style and lay out again lazily. Textual calls this *before* it recomputes
        the component classes (Stylesheet.apply: replace_rules, then _process_component_classes),
        so a palette built here would paint the previous theme's marks."""
        super().notify_style_update()
        self._palette = None
        self._styles.clear()
        self._paragraphs.clear()
        self._lines.clear()
        self._forget_cells()  # render_lines and cursor_lines lay out, with the new palette
        self.refresh()

    # --- layout -------------------------------------------------------------------------------

    def invalidate(self) -> None:
        """Forget every rendered cell and lay out again (after a change of structure)."""
        self._forget_cells()
        self.ensure_layout()

    def _forget_cells(self) -> None:
        """Drop every rendered cell and row; the next layout renders them afresh."""
        self._generation += 1
        self._cells.clear()
        self._rows.clear()
        self._stale = True

    def ensure_layout(self) -> bool:
        """Lay out now if something changed (or the width did) and the styles and size are
        known; True if laid out."""
        if self.geometry is not None and self.geometry.width != self.content_width:
            self._stale = True
        if self._stale and self._component_styles and self.content_width > 0:
            self.relayout()
        return not self._stale

    def _on_resize(self, event: events.Resize) -> None:
        self._stale = True
        self.ensure_layout()
        self.post_message(self.Resized())

    def render_lines(self, crop):
        self.ensure_layout()
        return super().render_lines(crop)

    @property
    def content_width(self) -> int:
        return self.scrollable_content_region.width

    def relayout(self) -> None:
        self._stale = False
        view = self.view
        width = self.content_width
        # a new width re-wraps every row: keep the cursor's sentence on the same screen line
        keep = self._cursor_screen_line() if self.geometry is not None and self.geometry.width != width else None
        self.geometry, self.first = compute_geometry(
            width, len(view.index.source_ids), view.columns, view.pinned, self.first, self.min_column
        )
        self._generation += 1
        self._rows.clear()
        starts, heights = [], []
        y = 0
        for row in view.rows:
            h = 1 + max((self._cell_height(row, sid, w) for sid, _, w in self.geometry.columns), default=1)
            if self.geometry.gutter and h < 2 + (row.key in view.index.flagged_rows):
                h = 2 + (row.key in view.index.flagged_rows)
            starts.append(y)
            heights.append(h)
            y += h
        self._row_starts, self._row_heights = starts, heights
        self.virtual_size = Size(width, max(y, 1))
        self._scroll_update(self.virtual_size)
        if keep is not None and (span := self._cursor_span()) is not None:
            self.scroll_to(y=max(span[0] - keep, 0), animate=False)  # ScrollView scrolls at once
        self.refresh()
        if self.is_attached:
            for headers in self.screen.query(ColumnHeaders):
                headers.refresh()

    def _paragraph(self, p) -> ParagraphText:
        key = p.key
        if (pt := self._paragraphs.get(key)) is None:
            pt = self._paragraphs[key] = paragraph_text(self.view.index, p, self.palette)
        return pt

    def _cell_paragraphs(self, row: Row, sid: str) -> list[ParagraphText]:
        return [self._paragraph(p) for p in self.view.cell(row, sid)]

    def _cell_height(self, row: Row, sid: str, width: int) -> int:
        return cell_height(self._cell_paragraphs(row, sid), width)

    # --- dynamic state: which cells change when the cursor moves --------------------------------

    def _dynamic_cells(self) -> set[tuple[int, str]]:
        view = self.view
        cells: set[tuple[int, str]] = set()
        row = view.row
        if row is not None:
            cells.add((row.key, view.cursor.source))
        for unit in view.lit():
            cells.add((view.index.row_of_unit(unit), unit.source))
        if view.current_hit is not None:
            cells.add((view.index.row_of_unit(view.current_hit.unit), view.current_hit.unit.source))
        return cells

    def cursor_changed(self, scroll: bool = True, *, center: bool = False) -> None:
        """Restyle the cells whose marks changed (the cursor's, the lit matches', the current
        search hit's, before and after), and bring the cursor into view. Other rows repaint from
        the cache."""
        new = self._dynamic_cells()
        cursor_row = self.view.row.key if self.view.row is not None else None
        rows = {cell[0] for cell in new | self._dynamic} | {cursor_row, self._cursor_row}
        for cell in new | self._dynamic:
            self._versions[cell] = self._versions.get(cell, 0) + 1
        for row in rows:
            self._row_versions[row] = self._row_versions.get(row, 0) + 1
        self._dynamic = new
        self._cursor_row = cursor_row
        before = self.scroll_y
        if scroll:
            self.scroll_to_cursor(center=center)
        if self.scroll_y == before:
            # repaint only the rows whose marks changed (scrolling repaints everything anyway)
            positions = {r.key: i for i, r in enumerate(self.view.rows)} if len(rows) > 2 else None
            for key in rows:
                i = positions.get(key) if positions is not None else self.view.row_index(key) if key is not None else None
                if i is not None and i < len(self._row_starts):
                    self.refresh_lines(self._row_starts[i], self._row_heights[i])
        else:
            self.refresh()

    def structure_changed(self) -> None:
        self._dynamic = self._dynamic_cells()
        self._cursor_row = self.view.row.key if self.view.row is not None else None
        self.invalidate()
        self.reveal_cursor_column()
        self.scroll_to_cursor()

    def reveal_cursor_column(self) -> None:
        """Pan so that the cursor's column is on screen."""
        self.ensure_layout()
        g = self.geometry
        sid = self.view.cursor.source
        if g is None or any(c[0] == sid for c in g.columns):
            return
        rest = [c for c in self.view.columns if c != g.pinned]
        if sid in rest:
            i = rest.index(sid)
            room = len(g.columns) - (1 if g.pinned else 0)
            self.first = i if i < self.first else i - room + 1
            self.relayout()

    def cursor_lines(self) -> tuple[int, int] | None:
        """The first and last virtual line of the sentence under the cursor."""
        if not self.ensure_layout():
            return None
        return self._cursor_span()

    def _cursor_span(self) -> tuple[int, int] | None:
        """`cursor_lines` in the layout as it stands, without laying out: `relayout` reads the
        old layout before it makes the new one."""
        view = self.view
        if self.geometry is None or not view.rows or len(self._row_starts) != len(view.rows):
            return None
        if not 0 <= view.cursor.row < len(view.rows):
            return None
        lines = self.unit_lines(view.cursor.row, view.cursor.source)
        return lines[min(view.cursor.unit, len(lines) - 1)]

    def _cursor_screen_line(self) -> int | None:
        """The screen line the cursor's sentence starts on (negative above the view)."""
        span = self._cursor_span()
        return None if span is None else span[0] - round(self.scroll_y)

    def unit_lines(self, position: int, sid: str) -> list[tuple[int, int]]:
        """The first and last virtual line of each sentence of a cell, in the current layout. An
        empty cell has one place, its rule and "not covered" line; a column off screen, its rule."""
        top = self._row_starts[position]
        g = self.geometry
        width = next((w for s, _, w in g.columns if s == sid), None) if g is not None else None
        if width is None:
            return [(top, top)]
        render = self._cell(self.view.rows[position], sid, width)
        if not render.unit_lines:
            return [(top, top + 1)]
        return [(top + 1 + first, top + 1 + last) for first, last in render.unit_lines]

    def scroll_to_cursor(self, *, center: bool = False) -> None:
        lines = self.cursor_lines()
        if lines is None:
            return
        first, last = lines
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        row_top = self._row_starts[self.view.cursor.row]
        y = self.scroll_y
        # Below a sticky rule (sticky_rule), a row is in view from the second line.
        sticky = height >= _STICKY_MIN_HEIGHT
        above = first < y + (sticky and y > row_top)
        below_rule = first - 1 if sticky else first
        if center:
            if last - row_top < height:
                y = max(row_top, last - height + 1)
                y = max(0, y - max((height - (last - y + 1)) // 3, 0))
            else:
                y = max(below_rule, row_top)
        elif above or last >= y + height:
            if last - row_top < height:
                # the sentence and the top of its row fit: show the row's rule too
                y = row_top if row_top < y else last - height + 1
            else:
                # its end at the bottom when it fits; its start under the row's rule when it is
                # taller than the screen (as with the detail panel open), or when it is above
                y = max(below_rule, row_top) if above or last - first >= height - sticky else last - height + 1
        self.scroll_to(y=y, animate=False)

    def show_cursor_row(self) -> None:
        """The whole of the cursor's row when the cursor is on an empty cell ("not covered") and
        the row fits on screen: a resize re-wraps and re-pans the columns, and the row may have
        grown below the view. (On a sentence, the sentence keeps its screen line instead.)"""
        if self.view.unit is not None or not self.ensure_layout():
            return
        if not 0 <= self.view.cursor.row < len(self._row_starts):
            return
        top = self._row_starts[self.view.cursor.row]
        bottom = top + self._row_heights[self.view.cursor.row] - 1
        height = self.scrollable_content_region.height
        if height <= 0 or bottom - top >= height:
            return
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif bottom >= self.scroll_y + height:
            self.scroll_to(y=bottom - height + 1, animate=False)

    # --- paging ---------------------------------------------------------------------------------

    def row_at_line(self, line: int) -> int:
        return max(0, bisect_right(self._row_starts, line) - 1)

    def page(self, direction: int) -> None:
        """Scroll a page and put the cursor on the first sentence that starts on it, so that the
        cursor is on screen and the caller need not scroll to it. The cursor never goes back to
        a sentence that starts above the page: scrolling to it would undo the page, and paging
        would stop at a row taller than the screen. The cursor keeps its column when that has a
        sentence on the page, else takes the nearest that has, and goes back to its own column
        on a later page that shows a sentence of it."""
        view = self.view
        if not view.rows or not self.ensure_layout():
            return
        home = self._paging_column()
        height = max(self.scrollable_content_region.height, 1)
        y = round(self.scroll_y)
        # a page keeps the last line of the one before in view: under a sticky rule, which covers
        # the top line, that takes one line more
        step = height - 2 if height >= _STICKY_MIN_HEIGHT and self.sticky_rule(y + direction * (height - 2)) else height - 1
        target = min(max(y + direction * max(step, 1), 0), self.max_scroll_y)
        if target == y:
            self._page_at_end(direction, y, height, home)
        else:
            self.scroll_to(y=target, animate=False)  # ScrollView scrolls at once
            if not self._cursor_to_page(target, height, home):
                view.go_row(self.row_at_line(target))
                self.scroll_to_cursor()
        self._paged = (view.cursor, home)

    def _page_at_end(self, direction: int, y: int, height: int, home: str) -> None:
        """At the top, the first row; at the bottom, the last row (from its first sentence on
        screen: a last row taller than the screen starts above the page)."""
        view = self.view
        last = len(view.rows) - 1
        if direction < 0:
            view.go_row(0)
            return
        if view.cursor.row == last:
            return
        if not self._cursor_to_page(y, height, home, rows=range(last, last + 1)):
            view.go_row(last)
            self.scroll_to_cursor()

    def _paging_column(self) -> str:
        """The column the reader was in before paging moved the cursor to another one."""
        if self._paged is not None and self._paged[0] == self.view.cursor:
            return self._paged[1]
        return self.view.cursor.source

    def _columns_near(self, home: str) -> list[str]:
        """The columns on screen: `home` first, then the nearer before the farther."""
        ids = [sid for sid, _, _ in self.geometry.columns] if self.geometry is not None else []
        at = ids.index(home) if home in ids else 0
        return [sid for _, sid in sorted(enumerate(ids), key=lambda t: (abs(t[0] - at), t[0]))]

    def _cursor_to_page(self, top: int, height: int, home: str, *, rows: range | None = None) -> bool:
        """Put the cursor on the first sentence that starts on the page, else on the first that
        shows on it (a sentence taller than the page), trying `home` first. True if found."""
        bottom = top + height
        if rows is None:
            rows = range(self.row_at_line(top), bisect_left(self._row_starts, bottom))
        top += self.sticky_rule(top)  # the top line shows the rule of a row begun above
        sentences = [
            (Cursor(position, sid, unit), first, last)
            for sid in self._columns_near(home)
            for position in rows
            for unit, (first, last) in enumerate(self.unit_lines(position, sid))
        ]
        found = next((c for c, first, _ in sentences if top <= first < bottom), None) or next(
            (c for c, first, last in sentences if first < bottom and last >= top), None
        )
        if found is not None:
            self.view.cursor = found
        return found is not None

    # --- rendering ------------------------------------------------------------------------------

    def _cell(self, row: Row, sid: str, width: int) -> CellRender:
        version = self._versions.get((row.key, sid), 0)
        key = (row.key, sid, width, self._generation, version)
        if (render := self._cells.get(key)) is not None:
            return render
        view = self.view
        paragraphs = self._cell_paragraphs(row, sid)
        on_cursor = view.row is row and view.cursor.source == sid
        lit = view.lit() if (row.key, sid) in self._dynamic else frozenset()
        hits = [h for h in view.hits if h.unit.source == sid and view.index.row_of_unit(h.unit) == row.key] if view.hits else []
        render = render_cell(
            paragraphs,
            width,
            self.palette,
            cursor=view.cursor.unit if on_cursor else None,
            lit=lit,
            hits=hits,
            current_hit=view.current_hit,
            covered=bool(paragraphs),
            cache=self._lines,
        )
        if on_cursor and not paragraphs and render.strips:
            # the cursor on an empty cell: mark the "not covered" line
            render.strips[0] = text_strip(
                Content(render.strips[0].text, [Span(0, width, self.palette.cursor)]), width, self.style("uncovered")
            )
        self._cells[key] = render
        return render

    def _row_strips(self, position: int) -> list[Strip]:
        view = self.view
        row = view.rows[position]
        key = (position, self._generation, self._row_versions.get(row.key, 0))
        if (strips := self._rows.get(key)) is not None:
            return strips
        g = self.geometry
        assert g is not None
        height = self._row_heights[position]
        base = self.palette.base
        rich_base = base.rich_style
        width = g.width
        strips = [self._rule(row, position == view.cursor.row, width)]
        renders = [(self._cell(row, sid, w), w) for sid, _, w in g.columns]
        separator = Segment("│", self.style("separator").rich_style)
        pinned_separator = Segment("┃", self.style("separator").rich_style)
        gutter_lines = self._gutter(row, g.gutter)
        total = (g.columns[-1][1] + g.columns[-1][2]) if g.columns else g.gutter
        for line in range(height - 1):
            segments: list[Segment] = list(gutter_lines[line]) if line < len(gutter_lines) else (
                [Segment(" " * g.gutter, rich_base)] if g.gutter else []
            )
            for i, (render, w) in enumerate(renders):
                if i:
                    segments.append(pinned_separator if (i == 1 and g.pinned) else separator)
                if line < len(render.strips):
                    segments.extend(render.strips[line])
                else:
                    segments.append(Segment(" " * w, rich_base))
            # every piece has its exact width, so the line is exactly `width` (no measuring)
            strips.append(Strip(segments, width) if total == width else Strip(segments).adjust_cell_length(width, rich_base))
        self._rows[key] = strips
        return strips

    def _rule(self, row: Row, current: bool, width: int) -> Strip:
        g = self.geometry
        assert g is not None
        style = self.style("rule-cursor" if current else "rule")
        if row.key == TOP:
            label = "headlines and furniture" if self.view.furniture else "headlines"
            number = ""
        else:
            label = row.label
            number = str(row.number)
        marker = "▶" if current else " "
        gutter = f"{marker}{number}".rjust(g.gutter - 1) + " " if g.gutter else ""
        content = plain(f"{gutter}─ {label} " if label else f"{gutter}─")
        if content.cell_length < width:
            content = content.extend_right(width - content.cell_length, "─")
        return text_strip(content, width, style)

    def _gutter(self, row: Row, width: int) -> list[list[Segment]]:
        if not width:
            return []
        view = self.view
        style = self.style("gutter").rich_style
        flag_style = self.style("gutter-flag").rich_style
        lines: list[list[Segment]] = []
        if row.key != TOP:
            ids = view.index.source_ids
            story, story_of = view.index.row_story.get(row.key, 0), view.index.story_of
            if len(ids) <= width - 1:  # a source of another story neither covers nor omits the row
                dots = "".join(
                    OTHER_STORY_GLYPH if story_of(sid) != story else COVERED_GLYPH if sid in row.cells else UNCOVERED_GLYPH
                    for sid in ids
                )
            else:
                dots = f"{len(row.cells)}/{view.index.story_size[story]}"
            lines.append([Segment(dots[: width - 1].ljust(width), style)])
            flags = view.index.flags_by_row.get(row.key, 0)
            if flags:
                lines.append([Segment(f"{FLAG_GLYPH}{flags}"[:width].ljust(width), flag_style)])
        return lines

    def sticky_rule(self, top: int) -> bool:
        """Whether, with the view scrolled to `top`, its top line shows the rule of a row that
        begins above the view (over that row's line there): the reader always sees which row
        the text below belongs to, however tall the row."""
        if self.scrollable_content_region.height < _STICKY_MIN_HEIGHT:
            return False  # the rule would be all there is to see
        if not self._row_starts or top >= self._row_starts[-1] + self._row_heights[-1]:
            return False
        return top > self._row_starts[self.row_at_line(top)]

    def render_line(self, y: int) -> Strip:
        if self._stale or not self._component_styles:
            return Strip.blank(self.content_width)
        width = self.geometry.width if self.geometry is not None else self.content_width
        base = self.palette.base
        line = round(self.scroll_y) + y
        view = self.view
        if not view.rows or self.geometry is None:
            if y == 1 and not view.rows:
                message = "No rows match this filter (press = for all rows)."
                style = self.style("empty")
                return text_strip(Content(" " + message), width, style)
            return Strip.blank(width, base.rich_style)
        if line >= (self._row_starts[-1] + self._row_heights[-1] if self._row_starts else 0):
            return Strip.blank(width, base.rich_style)
        position = self.row_at_line(line)
        strips = self._row_strips(position)
        offset = line - self._row_starts[position]
        if y == 0 and offset > 0 and self.sticky_rule(line):
            return strips[0]  # the row's rule stays on the top line
        if offset >= len(strips):
            return Strip.blank(width, base.rich_style)
        return strips[offset]

    # --- mouse ----------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        g = self.geometry
        view = self.view
        if offset is None or g is None or not view.rows:
            return
        line = round(self.scroll_y) + offset.y
        if line >= self._row_starts[-1] + self._row_heights[-1]:
            return
        position = self.row_at_line(line)
        sid = g.column_at(offset.x) or view.cursor.source
        row = view.rows[position]
        width = next(w for s, _, w in g.columns if s == sid) if any(s == sid for s, _, _ in g.columns) else None
        unit = 0
        if width is not None:
            render = self._cell(row, sid, width)
            # a click on a sticky rule is a click on the rule: the cell's first sentence
            within = -1 if offset.y == 0 and self.sticky_rule(line) else line - self._row_starts[position] - 1
            for i, (first, last) in enumerate(render.unit_lines):
                if first <= within:
                    unit = i
                if first <= within <= last:
                    break
        view.cursor = Cursor(position, sid, unit)
        view.clamp()
        self.post_message(self.CursorMoved())


#: The fewest lines of view that take a sticky row rule: the rule and two lines of text.
_STICKY_MIN_HEIGHT = 3


class ColumnHeaders(Widget):
    """Each shown source's label, outlet, date, title and coverage, above its column."""

    COMPONENT_CLASSES = {
        "headers--label",
        "headers--label-cursor",
        "headers--meta",
        "headers--title",
        "headers--pan",
    }

    def __init__(self, synopsis: SynopsisView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.synopsis = synopsis
        self._styles: dict[str, Style] = {}
        self._lines: LRUCache[tuple, Strip] = LRUCache(64)
        self.cursor_source: str | None = None  # the highlighted column, as last drawn

    def lines(self) -> int:
        """Label and meta lines; the title too when the terminal is tall enough."""
        return 3 if self.app.size.height >= 30 else 2

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._lines.clear()

    def _part(self, name: str) -> Style:
        if (style := self._styles.get(name)) is None:
            style = self._styles[name] = self.get_visual_style() + component_style(self, f"headers--{name}")
        return style

    def render_line(self, y: int) -> Strip:
        """Lines are kept per geometry, cursor column and pin: a row move repaints from cache."""
        view = self.synopsis.view
        key = (y, self.size, self.synopsis.geometry, view.cursor.source, view.pinned)
        if (strip := self._lines.get(key)) is None:
            strip = self._lines[key] = self._render_line(y)
        return strip

    def _render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.get_visual_style()
        g = self.synopsis.geometry
        view = self.synopsis.view
        if g is None:
            return Strip.blank(width, base.rich_style)
        part = self._part
        index = view.index
        segments: list[Segment] = []
        if g.gutter:
            if y == 0:
                text = "◀" + str(g.hidden_left) if g.hidden_left else ""
                segments.extend(text_strip(Content(text), g.gutter, part("pan")))
            else:
                segments.append(Segment(" " * g.gutter, base.rich_style))
        compact = self.size.height < 3
        for i, (sid, x, w) in enumerate(g.columns):
            if i:
                segments.append(Segment("┃" if (i == 1 and g.pinned) else "│", part("meta").rich_style))
            source = index.by_id[sid]
            number = index.position[sid] + 1
            cursor = sid == view.cursor.source
            if y == 0:
                tag = f"{number} " if number <= 9 else ""
                pin = "◆ " if sid == view.pinned else ""
                label = plain(f" {pin}{tag}{source.label}")
                short = f"{index.coverage[sid]}/{index.group_count}"
                if label.cell_length > w:  # cut with an ellipsis: the name goes on
                    label = label.truncate(w, ellipsis=True)
                room = w - label.cell_length - 1
                for covers in (f"{short} rows", short):
                    if room >= len(covers) + 1:
                        label = label + Content(covers.rjust(room) + " ")
                        break
                content = label.stylize(part("label-cursor" if cursor else "label"), 0, len(label))
                segments.extend(text_strip(content, w, part("label-cursor" if cursor else "label")))
            else:
                meta = source_facts(source)
                title = source.title or ""
                if compact and y == 1:
                    text = " · ".join(meta + ([title] if title else []))
                    segments.extend(text_strip(plain(" " + text).truncate(w, ellipsis=True), w, part("meta")))
                elif y == 1:
                    segments.extend(text_strip(plain(" " + " · ".join(meta)).truncate(w, ellipsis=True), w, part("meta")))
                else:
                    segments.extend(text_strip(plain(" " + title).truncate(w, ellipsis=True), w, part("title")))
        strip = Strip(segments).adjust_cell_length(width, base.rich_style)
        if y == 1 and g.hidden_right:
            # "2▶" at the right edge, where the columns it counts are (over the end of the last
            # shown column's outlet and date)
            marker = Content(f" {g.hidden_right}▶")
            if marker.cell_length < width:
                cut = width - marker.cell_length
                strip = Strip.join([strip.crop(0, cut), text_strip(marker, marker.cell_length, part("pan"))])
        return strip
