"""Pilot tests: paging through rows taller than the screen, resizing, and the pan status."""

from __future__ import annotations

import re

import pytest

from test_app_keys import pressed, reader
from tui.app import make_app
from tui.widgets.synopsis import Geometry

PAGE_KEYS = [("pagedown", "pageup"), ("space", "ctrl+b"), ("ctrl+f", "ctrl+b")]


def on_screen(synopsis) -> bool:
    """The cursor's sentence starts on screen (as `test_cursor_stays_on_screen` checks)."""
    first, _ = synopsis.cursor_lines()
    return synopsis.scroll_y <= first < synopsis.scroll_y + synopsis.scrollable_content_region.height


def starts_on_page(synopsis, position: int, sid: str) -> bool:
    """A sentence of this cell starts on screen."""
    top, height = synopsis.scroll_y, synopsis.scrollable_content_region.height
    return any(top <= first < top + height for first, _ in synopsis.unit_lines(position, sid))


async def page_through(pilot, synopsis, key: str, end: float) -> list[float]:
    """Press `key` until the view reaches `end`; each press must move it by at most a screen,
    never skipping a line, with the cursor on screen. Returns the scroll positions."""
    seen = [synopsis.scroll_y]
    height = synopsis.scrollable_content_region.height
    for _ in range(synopsis.virtual_size.height):
        if synopsis.scroll_y == end:
            break
        await pressed(pilot, key)
        step = abs(synopsis.scroll_y - seen[-1])
        assert 0 < step <= height, f"{key} moved the view by {step} at {seen[-1]}"
        assert on_screen(synopsis), f"{key}: cursor off screen at {synopsis.scroll_y}"
        seen.append(synopsis.scroll_y)
    assert synopsis.scroll_y == end
    return seen


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
@pytest.mark.parametrize("down,up", PAGE_KEYS)
async def test_paging_goes_through_rows_taller_than_the_screen(marked_seeds, size, down, up):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=size) as pilot:
        screen = reader(app)
        view, synopsis = screen.view, screen.synopsis
        height = synopsis.scrollable_content_region.height
        assert max(synopsis._row_heights) > height  # the seeds have such a row
        await pressed(pilot, "g")
        await page_through(pilot, synopsis, down, synopsis.max_scroll_y)
        await pressed(pilot, down)  # at the end: on the last row, and the view stays
        assert view.cursor.row == len(view.rows) - 1 and synopsis.scroll_y == synopsis.max_scroll_y
        assert on_screen(synopsis)
        await page_through(pilot, synopsis, up, 0)
        await pressed(pilot, up)
        assert view.cursor.row == 0 and on_screen(synopsis)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_paging_keeps_the_cursor_in_its_column_when_it_can(marked_seeds, size):
    """Where its column has nothing on the page (a tall row it does not cover), the cursor takes
    the nearest column that has; it comes back as soon as its own column has a sentence there."""
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=size) as pilot:
        screen = reader(app)
        view, synopsis = screen.view, screen.synopsis
        home = view.cursor.source
        left_home = False
        for _ in range(synopsis.virtual_size.height):
            if synopsis.scroll_y == synopsis.max_scroll_y:
                break
            before = synopsis.scroll_y
            await pressed(pilot, "pagedown")
            assert synopsis.scroll_y > before, f"paging stopped at {before}"
            if any(starts_on_page(synopsis, p, home) for p in range(len(view.rows))):
                assert view.cursor.source == home, f"left its column at {synopsis.scroll_y}"
            else:
                left_home = True
        assert left_home  # the seeds page through a row the first source does not cover


async def test_resize_keeps_the_cursor_in_view_and_the_status_true(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        view, synopsis = screen.view, screen.synopsis
        status = screen.query_one("#status")
        await pressed(pilot, *["j"] * 10)
        row = view.cursor.row
        assert "cols 1–2 of 5" in str(status.render())
        for width, height in [(200, 50), (80, 24), (80, 50), (200, 24)]:
            line = synopsis.cursor_lines()[0] - synopsis.scroll_y
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert view.cursor.row == row
            if line < synopsis.scrollable_content_region.height - 1:
                assert synopsis.cursor_lines()[0] - synopsis.scroll_y == line  # it did not jump
            assert on_screen(synopsis), (width, height)
            lines = [synopsis.render_line(y).text for y in range(synopsis.scrollable_content_region.height)]
            assert any("▶" in line for line in lines), (width, height)  # the cursor row's rule
            shown = str(status.render())
            assert f"row {view.row.number}/{len(marked_seeds.groups)}" in shown
            assert ("cols" in shown) == (len(synopsis.geometry.columns) < len(view.columns)), shown


async def test_resize_shows_the_whole_row_of_an_empty_cell_cursor(marked_seeds):
    """On a "not covered" cell there is no sentence to keep in place: after a resize the whole
    row is in view when it fits (a column panned in may have made it taller)."""
    from dataclasses import replace

    first, second = (s.id for s in marked_seeds.sources[:2])
    # last, a row that neither of the two columns shown at 80 columns covers, and others do at length
    moved = next(g for g in marked_seeds.groups if not {m[0] for m in g.members} & {first, second}
                 and sum(len(marked_seeds.paragraph(m).text) for m in g.members) > 600)
    groups = [g for g in marked_seeds.groups if g is not moved] + [moved]
    alignment = replace(marked_seeds, groups=tuple(replace(g, id=k) for k, g in enumerate(groups)))
    app = make_app(alignment=alignment)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        view, synopsis = screen.view, screen.synopsis
        await pressed(pilot, "G")
        assert view.unit is None and view.cursor.source == first
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        top = synopsis._row_starts[view.cursor.row]
        bottom = top + synopsis._row_heights[view.cursor.row] - 1
        assert synopsis.scroll_y <= top and bottom < synopsis.scroll_y + synopsis.scrollable_content_region.height


async def test_one_column_status_reads_col(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pressed(pilot, "l", "plus")
        assert len(screen.synopsis.geometry.columns) == 1
        shown = str(screen.query_one("#status").render())
        assert "col 2 of 5 (< >)" in shown and "2–2" not in shown


def test_shown_columns_wording():
    """The status names the columns on screen by the numbers their headers show, the pinned
    reference first."""
    from tui.screens.reader import _shown_columns

    number = {f"s{i}": i + 1 for i in range(5)}

    def geometry(*sids: str, pinned: str | None = None) -> Geometry:
        return Geometry(80, 6, tuple((sid, 0, 10) for sid in sids), 0, 1, pinned)

    assert _shown_columns(geometry("s0", "s1"), number, 5) == "cols 1–2 of 5 (< >)"
    assert _shown_columns(geometry("s1"), number, 5) == "col 2 of 5 (< >)"
    assert _shown_columns(geometry("s3", "s1", "s2", pinned="s3"), number, 5) == "cols ◆4 2–3 of 5 (< >)"
    assert _shown_columns(geometry("s0", "s2", pinned="s0"), number, 5) == "cols ◆1 3 of 5 (< >)"
    assert _shown_columns(geometry("s0", pinned="s0"), number, 5) == "col ◆1 of 5 (< >)"
    assert _shown_columns(geometry("s0", "s2", "s4"), number, 5) == "cols 1 3 5 of 5 (< >)"


async def test_status_and_headers_agree_with_a_pinned_column(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pressed(pilot, "l", "l", "l", "p", "greater_than_sign", "minus")
        shown = str(screen.query_one("#status").render())
        numbers = [screen.index.position[sid] + 1 for sid, _, _ in screen.synopsis.geometry.columns]
        assert screen.view.pinned is not None and numbers[0] == screen.index.position[screen.view.pinned] + 1
        pinned, *rest = re.search(r"cols? (.+?) of 5 \(< >\)", shown).group(1).split()
        expanded = []
        for part in rest:  # "2–3" -> 2, 3
            lo, _, hi = part.partition("–")
            expanded += range(int(lo), int(hi or lo) + 1)
        assert pinned == f"◆{numbers[0]}" and expanded == numbers[1:]


async def test_with_the_detail_panel_open_a_sentence_taller_than_the_view_starts_on_screen(marked_seeds):
    """At 80×24 with the panel open the view is a few lines high: a sentence taller than that
    is shown from its first line, not scrolled to its last with its start above the view."""
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        synopsis = reader(app).synopsis
        await pressed(pilot, *["j"] * 6, "d")
        off = []
        for key in ["b"] * 15 + ["w"] * 25 + ["k"] * 5 + ["j"] * 5:
            await pressed(pilot, key)
            if not on_screen(synopsis):
                off.append((key, synopsis.cursor_lines(), synopsis.scroll_y))
        assert not off, off[:3]


def test_the_status_counts_rows_as_the_title_bar_does(marked_seeds):
    """"row 15/15", not "row 15 (16/16)" (the headlines row counted); with a filter, the
    position among the rows shown."""
    from tui.reading import Index, View
    from tui.screens.reader import _row_place

    view = View(Index(marked_seeds))
    total = len(marked_seeds.groups)
    assert _row_place(view, view.rows[0]) == "headlines"
    assert _row_place(view, view.rows[-1]) == f"row {total}/{total}"
    view.set_filter("flagged")
    flagged = [r for r in view.rows if r.number]
    assert 0 < len(flagged) < total
    for k, row in enumerate(flagged, 1):
        assert _row_place(view, row) == f"row {row.number} ({k} of {len(flagged)} shown)"
    assert any(row.number != k for k, row in enumerate(flagged, 1))  # positions are not row numbers


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_paging_down_at_the_bottom_never_scrolls_up(marked_seeds, size):
    """The view scrolled to the end (by the mouse wheel) with the cursor on the first row: PgDn
    brings the cursor to the last row where the page shows it, without moving the view back."""
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=size) as pilot:
        synopsis = reader(app).synopsis
        synopsis.scroll_to(y=synopsis.max_scroll_y, animate=False)
        await pilot.pause()
        bottom = synopsis.scroll_y
        await pressed(pilot, "pagedown")
        assert synopsis.scroll_y == bottom
        assert reader(app).view.cursor.row == len(reader(app).view.rows) - 1


async def test_the_pan_status_counts_all_sources_as_the_headers_number_them(marked_seeds):
    """Source 2 hidden and the view panned to the end: 'cols 4–5 of 5, 1 hidden', not 'of 4'."""
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = reader(app)
        await pressed(pilot, "2", "plus", "plus", "greater_than_sign", "greater_than_sign", "greater_than_sign")
        shown = str(screen.query_one("#status").render())
        assert re.search(r"cols? [\d–◆ ]+ of 5, 1 hidden \(< >\)", shown), shown


async def test_a_narrow_status_line_gives_the_pan_s_room_to_the_flag(marked_seeds):
    """At 80 columns the flag's explanation is worth more than 'cols 4–5 of 5 (< >)', which the
    headers' ◀n and n▶ already tell."""
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pressed(pilot, "2", "greater_than_sign", "greater_than_sign", "greater_than_sign")
        assert screen.synopsis.geometry.hidden_left  # the view is panned, onto a flagged headline
        shown = str(screen.query_one("#status").render())
        assert "⚑" in shown and "cols" not in shown, shown


async def test_a_row_taller_than_the_view_keeps_its_rule_on_the_top_line(marked_seeds):
    """At 80x24 a row fills the view; scrolled into it, the top line is its rule (number and
    label), and the cursor's sentence is never drawn under that line."""
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        synopsis = screen.synopsis
        height = synopsis.scrollable_content_region.height
        sticky_seen = False
        for _ in range(60):
            await pressed(pilot, "w")
            y = round(synopsis.scroll_y)
            first, last = synopsis.cursor_lines()
            if synopsis.sticky_rule(y):
                sticky_seen = True
                row = screen.view.rows[synopsis.row_at_line(y)]
                assert f"─ {row.label}" in synopsis.render_line(0).text
                if last - first < height - 1:  # a sentence that fits below the rule
                    assert y + 1 <= first and last < y + height, (y, first, last)
        assert sticky_seen


async def test_a_view_too_short_for_a_rule_and_text_shows_the_text(marked_seeds):
    """With the detail panel open on a small terminal the columns get a line or two: a sticky
    rule would be all there is to see, so there is none, and the cursor's sentence shows."""
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(40, 10)) as pilot:
        screen = reader(app)
        synopsis = screen.synopsis
        await pressed(pilot, "d")
        for _ in range(6):
            await pressed(pilot, "w")
            height = synopsis.scrollable_content_region.height
            y = round(synopsis.scroll_y)
            first, last = synopsis.cursor_lines()
            assert height < 3 and not synopsis.sticky_rule(y)
            assert first < y + height and last >= y, (y, height, first, last)
