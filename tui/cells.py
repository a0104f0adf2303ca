"""Paragraphs as styled, wrapped lines of exactly the width of their column.

Article text is data: it goes through `aligner.text.visible` (control and bidi characters become
visible marks, one character for one, so offsets still hold) and into `Content(...)`, never into
markup. Marks that must not rely on colour get a glyph as well as a style:

    ≈  a sentence that states a fact another source also states (a match)
    ⚑  the start of a flagged span (a difference to check)
    ↺  the start of a passage copied from another source (reuse)

Glyphs are static, so a paragraph wraps the same way whatever the cursor does: heights are
computed once per width, and moving the cursor only restyles the lines it touches.
Widths are measured in terminal cells (`rich.cells`), so wide characters (CJK, emoji) never push
a column out of line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from textual.color import Color
from textual.content import Content, Span
from textual.strip import Strip
from textual.style import Style

from aligner.model import FURNITURE_ROLES

if TYPE_CHECKING:
    from tui.reading import Hit, Index, Unit

MATCH_GLYPH = "≈"
FLAG_GLYPH = "⚑"
REUSE_GLYPH = "↺"
COVERED_GLYPH = "●"
UNCOVERED_GLYPH = "○"
OTHER_STORY_GLYPH = "·"  # in the gutter: a source that tells another story
NOT_COVERED = "· not covered ·"

_WORDS = re.compile(r"[^ ]+")


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap in terminal cells: (start, end) character ranges, one per line.

    Lines break at spaces (dropped at the break); a word longer than the line is folded without
    splitting a wide character. Always at least one line."""
    width = max(1, width)
    out: list[tuple[int, int]] = []
    start = -1  # start of the open line, -1 when none
    end = used = 0
    for m in _WORDS.finditer(text):
        s, e = m.span()
        word = m.group()
        w = e - s if word.isascii() else cell_len(word)  # one cell per character, unless not ASCII
        if start >= 0 and used + (s - end) + w <= width:  # the spaces before it, then the word
            used += (s - end) + w
            end = e
            continue
        if start >= 0:
            out.append((start, end))
        if w <= width:
            start, end, used = s, e, w
            continue
        # fold a word wider than the line
        line_start, cells = s, 0
        for i in range(s, e):
            cw = get_character_cell_size(text[i])
            if cells + cw > width and i > line_start and cw > 0:
                out.append((line_start, i))
                line_start, cells = i, 0
            cells += cw
        start, end, used = line_start, e, cells
    if start >= 0:
        out.append((start, end))
    return out or [(0, 0)]


@dataclass(frozen=True)
class Palette:
    """The styles of every mark, read from the widget's component classes (so themes and
    NO_COLOR apply). Each is a partial style laid over the base."""

    base: Style
    number: Style = Style()
    headline: Style = Style()
    furniture: Style = Style()
    lead_in: Style = Style()
    match: Style = Style()
    match_glyph: Style = Style()
    flag: Style = Style()
    flag_glyph: Style = Style()
    reuse: Style = Style()
    reuse_glyph: Style = Style()
    search: Style = Style()
    search_current: Style = Style()
    lit: Style = Style()
    cursor: Style = Style()
    uncovered: Style = Style()


@dataclass
class ParagraphText:
    """A paragraph as shown: prefix, text made visible, glyphs inserted; with the mapping from
    offsets in `Paragraph.text` to offsets in the shown text."""

    key: tuple[str, int]
    text: str  # the shown text
    spans: list[Span]  # static styles (role, matches, flags, reuse, glyphs)
    prefix: int  # length of the "¶n " prefix
    units: list[tuple[int, int]]  # shown ranges of the paragraph's units, in unit order
    unit_list: list  # the Unit objects, same order
    flags: list[Span] = field(default_factory=list)  # flag spans and glyphs, laid over the cursor again
    _offsets: list[int] = field(default_factory=list)  # insert offsets (in the original), sorted
    _cumulative: list[int] = field(default_factory=list)  # glyph characters inserted up to each
    _wraps: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    def start(self, offset: int) -> int:
        """Shown offset of an original offset, after any glyph inserted there."""
        i = bisect_right(self._offsets, offset)
        return self.prefix + offset + (self._cumulative[i - 1] if i else 0)

    def end(self, offset: int) -> int:
        """Shown offset of an original offset, before any glyph inserted there (so a range that
        starts at `end(o)` includes the glyphs at `o`)."""
        i = bisect_right(self._offsets, offset - 1) if offset > 0 else 0
        return self.prefix + offset + (self._cumulative[i - 1] if i else 0)

    def lines(self, width: int) -> list[tuple[int, int]]:
        if (lines := self._wraps.get(width)) is None:
            lines = self._wraps[width] = wrap(self.text, width)
        return lines

    def unit_lines(self, width: int) -> list[tuple[int, int]]:
        """For each unit, the first and last wrapped line it is on."""
        starts = [s for s, _ in self.lines(width)]
        out = []
        for s, e in self.units:
            first = max(0, bisect_right(starts, s) - 1)
            last = max(first, bisect_right(starts, max(s, e - 1)) - 1)
            out.append((first, last))
        return out


def paragraph_text(index: Index, paragraph, palette: Palette) -> ParagraphText:
    """Build the shown text of a paragraph with its static marks."""
    from tui.safe import shown

    key = paragraph.key
    raw = shown(paragraph.text)
    role = paragraph.role
    prefix = f"¶{paragraph.index + 1} " + (f"{role}: " if role not in ("body", "headline") else "")
    units = index.units[key]

    inserts: list[tuple[int, int, str, Style]] = []  # (offset, order, glyph, style)
    for u in units:
        if u in index.matched:
            inserts.append((u.start, 0, MATCH_GLYPH + " ", palette.match_glyph))
    for s, _, _ in index.copy_spans.get(key, ()):
        inserts.append((s, 1, REUSE_GLYPH, palette.reuse_glyph))
    for s, _, _ in index.flag_spans.get(key, ()):
        inserts.append((s, 2, FLAG_GLYPH, palette.flag_glyph))
    inserts.sort(key=lambda t: (t[0], t[1]))

    pieces: list[str] = [prefix]
    spans: list[Span] = [Span(0, len(prefix), palette.number)]
    glyph_at: dict[tuple[int, int], int] = {}
    offsets: list[int] = []
    cumulative: list[int] = []
    position = len(prefix)
    cursor = 0
    total = 0
    for offset, order, glyph, style in inserts:
        offset = min(max(offset, 0), len(raw))
        pieces.append(raw[cursor:offset])
        position += offset - cursor
        cursor = offset
        glyph_at.setdefault((offset, order), position)
        spans.append(Span(position, position + len(glyph), style))
        pieces.append(glyph)
        position += len(glyph)
        total += len(glyph)
        offsets.append(offset)
        cumulative.append(total)
    pieces.append(raw[cursor:])
    text = "".join(pieces)

    pt = ParagraphText(key, text, [], len(prefix), [], list(units), _offsets=offsets, _cumulative=cumulative)
    role_style = {"headline": palette.headline, "lead-in": palette.lead_in}.get(
        role, palette.furniture if role in FURNITURE_ROLES else None
    )
    body = []
    if role_style:
        body.append(Span(len(prefix), len(text), role_style))
    for u in units:
        pt.units.append((pt.end(u.start), pt.end(u.end)))
        if u in index.matched:
            body.append(Span(pt.start(u.start), pt.end(u.end), palette.match))
    for s, e, _ in index.copy_spans.get(key, ()):
        body.append(Span(glyph_at.get((s, 1), pt.end(s)), pt.end(e), palette.reuse))
    for s, e, _ in index.flag_spans.get(key, ()):
        span = Span(glyph_at.get((s, 2), pt.end(s)), pt.end(e), palette.flag)
        body.append(span)
        pt.flags.append(span)
    # role first (widest), then marks; glyph styles last so they win
    pt.spans = body + spans
    pt.flags += [sp for sp in spans if sp.style is palette.flag_glyph]
    return pt


@dataclass
class CellRender:
    strips: list[Strip]
    unit_lines: list[tuple[int, int]]  # per unit of the cell: first and last line in the cell


def render_cell(
    paragraphs: list[ParagraphText],
    width: int,
    palette: Palette,
    *,
    cursor: int | None = None,
    lit: set | frozenset = frozenset(),
    hits: list[Hit] = (),  # type: ignore[assignment]
    current_hit: Hit | None = None,
    covered: bool = True,
    pad: int = 1,
    cache: dict | None = None,
) -> CellRender:
    """The lines of one cell, each exactly `width` cells wide (`pad` blank cells each side).

    With a `cache` (a mapping kept by the caller, cleared when the palette changes), each
    paragraph's lines are kept per width and per marks on it: moving the cursor re-renders only
    the paragraphs whose marks change, not the whole cell."""
    base = palette.base
    rich_base = base.rich_style
    inner = max(1, width - 2 * pad) if width > 2 * pad else max(width, 0)
    left = Segment(" " * pad, rich_base) if width > 2 * pad and pad else None
    strips: list[Strip] = []
    unit_lines: list[tuple[int, int]] = []
    if not covered or not paragraphs:
        text = NOT_COVERED if inner >= len(NOT_COVERED) else "—"
        content = Content(text, [Span(0, len(text), palette.uncovered)])
        strips.append(_strip(content, width, inner, left, base))
        return CellRender(strips, unit_lines)
    unit_number = 0
    for pt in paragraphs:
        extra: list[Span] = []
        for i, (s, e) in enumerate(pt.units):
            u = pt.unit_list[i]
            if u in lit:
                extra.append(Span(s, e, palette.lit))
            if cursor is not None and unit_number + i == cursor:
                extra.append(Span(s, e, palette.cursor))
        for h in hits:
            if h.unit.key == pt.key:
                style = palette.search_current if h == current_hit else palette.search
                extra.append(Span(pt.start(h.start), pt.end(h.end), style))
        if extra:
            # search and lit marks go under the cursor, so the cursor always reads as the cursor;
            # flags go over it, so a flag always reads as a flag
            extra.sort(key=lambda sp: sp.style is palette.cursor)
            extra += pt.flags
        key = (pt.key, width, pad, tuple(extra))
        lines = cache.get(key) if cache is not None else None
        if lines is None:
            lines = _paragraph_lines(pt, Content(pt.text, pt.spans + extra, strip_control_codes=False),
                                     width, inner, left, base)
            if cache is not None:
                cache[key] = lines
        first_line = len(strips)
        strips.extend(lines)
        for first, last in pt.unit_lines(inner):
            unit_lines.append((first_line + first, first_line + last))
        unit_number += len(pt.units)
    return CellRender(strips, unit_lines)


def _paragraph_lines(pt: ParagraphText, content: Content, width: int, inner: int, left: Segment | None,
                     base: Style) -> list[Strip]:
    """Render the paragraph once as segments, then cut them at the wrapped lines' characters.

    The cut walks the segments once: cutting by cells from the start for every line
    (`Strip.crop`, `Strip.divide`) measures the rest of a long segment again at each line,
    which took seconds for a paragraph of 100 KB and minutes for 500 KB."""
    text = pt.text
    bounds = pt.lines(inner)
    rich_base = base.rich_style
    out: list[Strip] = []
    for (s, e), segments in zip(bounds, _cut(content.render_segments(base), bounds)):
        line = Strip(segments, cell_len(text[s:e]))
        if line.cell_length > inner:
            line = line.crop(0, inner)
        if left is not None:
            line = Strip([left, *line], line.cell_length + left.cell_length)
        out.append(line.adjust_cell_length(width, rich_base))
    return out


def _cut(segments: list[Segment], bounds: list[tuple[int, int]]) -> list[list[Segment]]:
    """The segments (whose texts, joined, are the paragraph's text) cut at character ranges
    `bounds` (ascending, not overlapping): one list of segments per range."""
    out: list[list[Segment]] = []
    k, seg_start = 0, 0  # the segment under the cursor, and where its text starts
    for s, e in bounds:
        pieces: list[Segment] = []
        while k < len(segments) and seg_start + len(segments[k].text) <= s:
            seg_start += len(segments[k].text)
            k += 1
        position = s
        while k < len(segments) and position < e:
            segment = segments[k]
            seg_end = seg_start + len(segment.text)
            a, b = position - seg_start, min(e, seg_end) - seg_start
            pieces.append(segment if (a, b) == (0, len(segment.text)) else Segment(segment.text[a:b], segment.style))
            position = seg_start + b
            if seg_end <= e:
                seg_start = seg_end
                k += 1
        out.append(pieces)
    return out


def _strip(line: Content, width: int, inner: int, left: Segment | None, base: Style) -> Strip:
    segments = line.render_segments(base)
    strip = Strip(segments, line.cell_length)
    if strip.cell_length > inner:
        strip = strip.crop(0, inner)
    if left is not None:
        strip = Strip([left, *strip], strip.cell_length + left.cell_length)
    return strip.adjust_cell_length(width, base.rich_style)


def cell_height(paragraphs: list[ParagraphText], width: int, pad: int = 1) -> int:
    if not paragraphs:
        return 1
    inner = max(1, width - 2 * pad) if width > 2 * pad else max(width, 1)
    return sum(len(pt.lines(inner)) for pt in paragraphs)


def text_strip(content: Content, width: int, base: Style) -> Strip:
    """One line of content, cropped or padded to exactly `width` cells."""
    if width <= 0:
        return Strip([], 0)
    strip = Strip(content.render_segments(base), content.cell_length)
    if strip.cell_length > width:
        strip = strip.crop(0, width)
    return strip.adjust_cell_length(width, base.rich_style)


def component_style(widget, name: str) -> Style:
    """A component class as a partial style: only what its CSS sets (colour, background, text
    style, including `reverse`, which `Widget.get_visual_style` leaves out). Backgrounds keep their
    alpha, so `$accent 40%` blends over whatever is underneath."""
    styles = widget.get_component_styles(name)
    text_style = styles.text_style if styles.has_rule("text_style") else None
    return Style(
        background=styles.background if styles.has_rule("background") else None,
        foreground=_foreground(styles),
        bold=text_style.bold if text_style else None,
        dim=text_style.dim if text_style else None,
        italic=text_style.italic if text_style else None,
        underline=text_style.underline if text_style else None,
        reverse=text_style.reverse if text_style else None,
        strike=text_style.strike if text_style else None,
    )


def _foreground(styles) -> Color | None:
    """The CSS colour, keeping `auto` (what `$text-muted` is in Textual's own themes: `auto 60%`).
    `styles.color` alone is white for `auto`, which vanishes on a light background; an automatic
    colour is resolved against the background it is drawn on, black or white, as Textual does."""
    if not styles.has_rule("color"):
        return None
    if styles.has_rule("auto_color") and styles.auto_color:
        return Color.automatic(styles.color.a * 100)
    return styles.color
