"""Pilot tests: every key of the reading room does what the help says, at 80×24."""

from __future__ import annotations

import pytest

from tui.app import make_app
from tui.keys import FOOTER, KEYS
from tui.reading import TOP, Cursor

SIZE = (80, 24)


def reader(app):
    from tui.screens.reader import ReaderScreen

    screen = app.screen
    assert isinstance(screen, ReaderScreen), type(screen)
    return screen


async def pressed(pilot, *keys):
    await pilot.press(*keys)
    await pilot.pause()


# --- rows, pages, columns, sentences ------------------------------------------------------------


async def test_rows_up_and_down(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        view = reader(app).view
        assert view.cursor.row == 0 and view.row.key == TOP
        await pressed(pilot, "j")
        assert view.cursor.row == 1
        await pressed(pilot, "down", "down")
        assert view.cursor.row == 3
        await pressed(pilot, "k")
        assert view.cursor.row == 2
        await pressed(pilot, "up", "up", "up")
        assert view.cursor.row == 0  # stops at the top


async def test_top_bottom_and_pages(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        view, synopsis = screen.view, screen.synopsis
        last = len(view.rows) - 1
        await pressed(pilot, "G")
        assert view.cursor.row == last
        first, _ = synopsis.cursor_lines()
        assert synopsis.scroll_y <= first < synopsis.scroll_y + synopsis.scrollable_content_region.height
        await pressed(pilot, "g")
        assert view.cursor.row == 0 and synopsis.scroll_y == 0
        await pressed(pilot, "end")
        assert view.cursor.row == last
        await pressed(pilot, "home")
        assert view.cursor.row == 0
        await pressed(pilot, "pagedown")
        assert view.cursor.row > 0 and synopsis.scroll_y > 0
        first_page = view.cursor.row
        await pressed(pilot, "space")
        assert view.cursor.row >= first_page
        await pressed(pilot, "pageup", "pageup", "pageup", "pageup")
        assert view.cursor.row == 0 and synopsis.scroll_y == 0
        await pressed(pilot, "ctrl+f")
        assert view.cursor.row > 0
        await pressed(pilot, "ctrl+b", "ctrl+b", "ctrl+b", "ctrl+b", "ctrl+b")
        assert view.cursor.row == 0


async def test_cursor_stays_on_screen(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        synopsis = screen.synopsis
        for _ in range(len(screen.view.rows) + 2):
            await pressed(pilot, "j")
            first, last = synopsis.cursor_lines()
            height = synopsis.scrollable_content_region.height
            assert synopsis.scroll_y <= first < synopsis.scroll_y + height


async def test_columns_move_and_pan(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        view, synopsis = screen.view, screen.synopsis
        ids = list(screen.index.source_ids)
        shown_at_once = len(synopsis.geometry.columns)
        assert 1 < shown_at_once < len(ids)  # five sources do not fit at 80 columns
        assert synopsis.geometry.hidden_right == len(ids) - shown_at_once
        await pressed(pilot, "l")
        assert view.cursor.source == ids[1]
        for _ in range(len(ids)):
            await pressed(pilot, "right")
        assert view.cursor.source == ids[-1]
        # the cursor's column is always on screen: panning followed it
        assert any(c[0] == ids[-1] for c in synopsis.geometry.columns)
        assert synopsis.geometry.hidden_left > 0
        await pressed(pilot, "h")
        assert view.cursor.source == ids[-2]
        for _ in range(len(ids)):
            await pressed(pilot, "left")
        assert view.cursor.source == ids[0]
        assert synopsis.geometry.hidden_left == 0


async def test_pan_keys(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        synopsis = screen.synopsis
        before = [c[0] for c in synopsis.geometry.columns]
        await pressed(pilot, "greater_than_sign")
        after = [c[0] for c in synopsis.geometry.columns]
        assert after != before and synopsis.geometry.hidden_left > 0
        assert screen.view.cursor.source in after
        await pressed(pilot, "less_than_sign")
        assert [c[0] for c in synopsis.geometry.columns] == before


async def test_sentences_within_a_cell_and_down_the_column(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        view = reader(app).view
        # find a cell with several sentences
        target = next(
            (r, s) for r, row in enumerate(view.rows) for s in view.columns if len(view.cell_units(row, s)) >= 3
        )
        view.go_row(target[0])
        view.cursor = type(view.cursor)(target[0], target[1], 0)
        reader(app).moved()
        await pressed(pilot, "w")
        assert view.cursor.unit == 1 and view.cursor.row == target[0]
        await pressed(pilot, "right_parenthesis")
        assert view.cursor.unit == 2
        await pressed(pilot, "b", "left_parenthesis")
        assert view.cursor.unit == 0
        # past the last sentence, w continues in the next row that this source covers
        n = len(view.cell_units(view.row, view.cursor.source))
        for _ in range(n):
            await pressed(pilot, "w")
        assert view.cursor.row > target[0] or n == 0
        assert view.unit is not None and view.unit.source == target[1]


async def test_column_move_keeps_the_line(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = reader(app)
        view = screen.view
        await pressed(pilot, "j")
        for _ in range(6):
            await pressed(pilot, "w")
        before = screen.synopsis.cursor_lines()
        await pressed(pilot, "l")
        after = screen.synopsis.cursor_lines()
        if view.unit is not None and before[0] > screen.synopsis._row_starts[view.cursor.row] + 1:
            assert after[0] <= before[0]


# --- flags, matches, detail ---------------------------------------------------------------------


def flag_units(screen, i):
    f = screen.alignment.flags[i]
    return {screen.index.unit_at(s.source, s.paragraph, s.start) for s in (f.a, f.b)}


async def test_next_and_previous_flag(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        view = screen.view
        seen = []
        for _ in range(2 * len(marked_seeds.flags)):
            await pressed(pilot, "right_square_bracket")
            assert view.current_flag is not None
            assert view.unit in flag_units(screen, view.current_flag)
            seen.append(view.current_flag)
        assert set(seen) == set(range(len(marked_seeds.flags)))  # every flag is reached
        # the status numbers each flag in reading order, the same at both its ends
        n = len(marked_seeds.flags)
        numbers = [view.flag_number(i)[0] for i in dict.fromkeys(seen)]
        assert numbers == list(range(1, n + 1)) and all(view.flag_number(i)[1] == n for i in seen)
        assert f"⚑ {view.flag_number(seen[-1])[0]}/{n} " in str(screen.query_one("#status").render())
        await pressed(pilot, "right_square_bracket")  # past the last end: back at the first
        assert view.flag_number(view.current_flag)[0] == 1
        assert list(app._notifications)[-1].message == "Back at the first flag."
        here = view.cursor_key()
        await pressed(pilot, "left_square_bracket")
        assert view.cursor_key() < here or view.cursor_key() == max(t[0][:4] for t in view.flag_endpoints())
        assert "⚑" in str(screen.query_one("#status").render())


async def test_same_kind_flags(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        view = screen.view
        await pressed(pilot, "right_square_bracket")
        kind = marked_seeds.flags[view.current_flag].kind
        for key in ("right_curly_bracket", "right_curly_bracket", "left_curly_bracket"):
            await pressed(pilot, key)
            assert marked_seeds.flags[view.current_flag].kind == kind


async def test_next_and_previous_match(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        view = screen.view
        positions = []
        for _ in range(3):
            await pressed(pilot, "m")
            assert view.unit in screen.index.matched
            positions.append(view.cursor_key())
        assert positions == sorted(positions)
        await pressed(pilot, "M")
        assert view.cursor_key() == positions[1]
        # the cursor's matches light up, wherever they are, and the status line says where
        assert view.lit()
        assert "also in" in str(screen.query_one("#status").render())


@pytest.mark.parametrize("width", [80, 160])
async def test_status_line_fits_its_news_on_a_narrow_screen(marked_seeds, width):
    """At 80 columns the status line cuts source labels short (the headers show them whole), so
    that what the cursor's sentence is matched with still fits; a match in another row says which."""
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(width, 24)) as pilot:
        screen = reader(app)
        view = screen.view
        await pressed(pilot, "m")
        status = str(screen.query_one("#status").render())
        label = screen.index.label(view.cursor.source)
        assert len(label) > 10
        assert (label in status) == (width >= 120)
        assert "also in" in status
        for c in view.counterparts():
            if c.kind == "match" and screen.index.row_of_unit(c.there) != view.row.key:
                assert f"row {screen.index.row_of_unit(c.there) + 1}" in status


async def test_detail_panel(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        assert not screen.query("#detail")  # mounted on first use, not at launch
        await pressed(pilot, "right_square_bracket", "d")
        detail = screen.query_one("#detail")
        assert detail.display
        flag = marked_seeds.flags[screen.view.current_flag]
        head = str(screen.query_one("#detail-head").render())
        assert flag.kind in head and flag.explanation[:30] in head
        a = str(screen.query_one("#detail-a").render())
        b = str(screen.query_one("#detail-b").render())
        texts = {marked_seeds.span_text(flag.a), marked_seeds.span_text(flag.b)}
        assert any(t in a for t in texts) and any(t in b for t in texts)
        assert "Word changes" in str(screen.query_one("#detail-changes").render())
        await pressed(pilot, "d")
        assert not detail.display
        await pressed(pilot, "enter")
        assert detail.display
        await pressed(pilot, "escape")
        assert not detail.display


async def test_detail_next_item(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        view = screen.view
        # a sentence with more than one counterpart
        target = next(u for u, items in screen.index.counterparts.items() if len(items) > 1)
        view.go_to_unit(target)
        screen.update_all(structure=True)
        await pressed(pilot, "x")
        assert screen.query_one("#detail").display
        assert "2 of" in str(screen.query_one("#detail-head").render())


async def test_go_to_the_other_passage_and_back(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        view = screen.view
        await pressed(pilot, "right_square_bracket", "d")
        start, flag = view.unit, view.current_flag
        item = view.counterparts()[screen.detail_choice]
        await pressed(pilot, "X")
        assert view.unit == item.there and view.unit.source != start.source
        head = str(screen.query_one("#detail-head").render())
        assert marked_seeds.flags[flag].explanation[:30] in head  # the panel shows the same flag
        await pressed(pilot, "X")
        assert view.unit == start


async def test_x_says_when_there_is_nothing_more(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        lonely = next(u for units in screen.index.units.values() for u in units
                      if not screen.index.counterparts.get(u) and screen.index.row_of_unit(u) != TOP)
        screen.view.go_to_unit(lonely)
        screen.update_all(structure=True)
        await pressed(pilot, "x")
        assert list(app._notifications)[-1].message == "This sentence has no match, flag or copy."
        await pressed(pilot, "X")
        assert screen.view.unit == lonely
        assert list(app._notifications)[-1].message == "This sentence has no match, flag or copy to go to."
        view = screen.view
        position, row = next((k, r) for k, r in enumerate(view.rows) if r.key != TOP and len(r.cells) < 5)
        missing = next(sid for sid in view.columns if sid not in row.cells)
        view.cursor = Cursor(position, missing, 0)
        screen.update_all()
        await pressed(pilot, "x")
        assert view.unit is None
        assert list(app._notifications)[-1].message == "No sentence here: this source does not cover the row."


async def test_word_diff_in_detail_for_near_verbatim(marked_seeds):
    from dataclasses import replace

    from aligner.model import Flag
    from test_app_frozen import find

    quote = Flag(
        "altered-quote",
        find(marked_seeds, "000", "The suggested"),
        find(marked_seeds, "000", "The suggested"),
        "A quoted word changed.",
        0.8,
    )
    alignment = replace(marked_seeds, flags=(quote,))
    app = make_app(alignment=alignment)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "right_square_bracket", "d")
        changes = str(reader(app).query_one("#detail-changes").render())
        assert "none — the same words" in changes


async def test_flag_list_filters_by_kind_and_jumps(marked_seeds):
    from tui.screens.flags import FlagListScreen

    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "f")
        assert isinstance(app.screen, FlagListScreen)
        options = app.screen.query_one("#flags-list")
        all_count = sum(1 for o in options.options if o.id)
        assert all_count == len(marked_seeds.flags)
        await pressed(pilot, "right")
        kind = app.screen.kind
        assert kind != "all"
        shown_ids = [int(o.id) for o in options.options if o.id]
        assert shown_ids and all(marked_seeds.flags[i].kind == kind for i in shown_ids)
        await pressed(pilot, "enter")
        screen = reader(app)
        assert screen.view.current_flag == shown_ids[0]
        assert screen.view.unit in flag_units(screen, shown_ids[0])
        await pressed(pilot, "f", "escape")
        reader(app)


# --- finding and filtering ----------------------------------------------------------------------


async def test_search_next_and_previous_hit(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        view = screen.view
        assert not screen.query_one("#search").display  # hidden until asked for
        await pressed(pilot, "slash")
        assert screen.query_one("#search").display and screen.query_one("#search").has_focus
        await pressed(pilot, *"lavrov", "enter")
        assert not screen.query_one("#search").display
        assert view.hits and all("lavrov" in marked_seeds.paragraph(h.unit.key).text[h.start:h.end].lower() for h in view.hits)
        first = view.current_hit
        assert view.unit == first.unit
        await pressed(pilot, "n")
        if len(view.hits) > 1:
            assert view.current_hit != first
        await pressed(pilot, "N")
        assert view.current_hit == first
        assert "lavrov" in str(screen.query_one("#status").render())
        await pressed(pilot, "escape")  # clears the search
        assert not view.hits


async def test_keys_typed_with_the_slash_land_in_the_search_bar(marked_seeds):
    """"/kerry" arriving in one read (a paste, a fast typist over SSH): every key after the slash
    is part of the query, none moves the cursor; a slash inside the query is a character."""
    from textual import events

    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        before = screen.view.cursor
        for query in ("/kerry", "/and/or"):
            for ch in query:  # posted at once, without waiting for each to be handled
                app.post_message(events.Key("slash" if ch == "/" else ch, ch))
            await pilot.pause()
            await pilot.pause()
            assert screen.query_one("#search").value == query[1:]
            assert screen.view.cursor == before
            await pressed(pilot, "escape")


async def test_search_not_found_and_escape(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await pressed(pilot, "slash", *"zzqx", "enter")
        assert not screen.view.hits
        await pressed(pilot, "slash", "escape")
        assert not screen.query_one("#search").display
        assert screen.synopsis.has_focus
        await pressed(pilot, "n")  # a query without hits: nothing moves
        assert not screen.query_one("#search").display
        await pressed(pilot, "escape")  # forgets the query
        assert screen.view.query == ""
        await pressed(pilot, "n")  # no query: n opens the search bar
        assert screen.query_one("#search").display


async def test_search_status_counts_hidden_hits_beside_the_shown(marked_seeds):
    """"Lavrov" is in the story and in photo captions; with furniture hidden the status line
    says how many hits it does not show."""
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = reader(app)
        await pressed(pilot, "slash", *"lavrov", "enter")
        hidden = screen.view.hidden_hits
        assert screen.view.hits and hidden
        assert f"+{hidden} hidden" in str(screen.query_one("#status").render())
        await pressed(pilot, "c")  # furniture shown: nothing hidden any more
        assert screen.view.hidden_hits == 0
        assert "hidden" not in str(screen.query_one("#status").render())


async def test_search_found_only_in_hidden_text_says_so(marked_seeds):
    """"Vnukovo" is only in a photo caption, and furniture is hidden: the notice counts it."""
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = reader(app)
        await pressed(pilot, "slash", *"vnukovo", "enter")
        assert not screen.view.hits and screen.view.hidden_hits == 1
        assert any("1 hit in hidden rows" in n.message for n in app._notifications)


@pytest.mark.parametrize(("opener", "key"), [("o", "enter"), ("f", "enter"), ("s", "escape"), ("question_mark", "escape")])
@pytest.mark.parametrize("times", [2, 3])
async def test_keys_arriving_together_close_a_dialog_once(marked_seeds, opener, key, times):
    """A paste, key repeat or a batched SSH write delivers several keys before the dialog has
    gone: the second used to dismiss the reader below it (a blank screen), the third to stop
    the app."""
    from textual import events

    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await pressed(pilot, opener)
        assert app.screen is not screen
        for _ in range(times):  # posted at once, without waiting for each to be handled
            app.post_message(events.Key(key, "\r" if key == "enter" else "\x1b"))
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pressed(pilot, "j")
        assert screen.view.cursor.row >= 1


async def test_filters(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        view, index = screen.view, screen.index
        total = len(view.rows)
        await pressed(pilot, "exclamation_mark")
        assert view.filter == "flagged"
        assert view.rows and all(r.key in index.flagged_rows for r in view.rows)
        await pressed(pilot, "tilde")
        assert view.filter == "omitted"
        assert all(any(s not in r.cells for s in view.shown) for r in view.rows)
        await pressed(pilot, "equals_sign")
        assert view.filter == "all" and len(view.rows) == total
        await pressed(pilot, "v")
        assert view.filter == "flagged"
        await pressed(pilot, "v", "v")
        assert view.filter == "all"


# --- sources, pinning, widths, article order, furniture -----------------------------------------


async def test_toggle_sources_by_number(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = reader(app)
        ids = screen.index.source_ids
        await pressed(pilot, "2")
        assert ids[1] not in screen.view.shown
        assert all(c[0] != ids[1] for c in screen.synopsis.geometry.columns)
        await pressed(pilot, "2")
        assert ids[1] in screen.view.shown
        for k in "12345":
            await pressed(pilot, k)
        assert len(screen.view.shown) == 1  # the last shown source stays
        await pressed(pilot, "0")
        assert screen.view.shown == list(ids)
        await pressed(pilot, "9")  # no ninth source: nothing happens
        assert screen.view.shown == list(ids)


async def test_source_list(marked_seeds):
    from tui.screens.sources import SourcesScreen

    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "s")
        assert isinstance(app.screen, SourcesScreen)
        await pressed(pilot, "space")  # hide the first source
        await pressed(pilot, "down", "p")  # pin the second
        await pressed(pilot, "escape")
        screen = reader(app)
        ids = screen.index.source_ids
        assert ids[0] not in screen.view.shown
        assert screen.view.pinned == ids[1]
        assert screen.synopsis.geometry.columns[0][0] == ids[1]


async def test_pin_reference_column(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        ids = screen.index.source_ids
        await pressed(pilot, "l", "l", "l")
        pinned = screen.view.cursor.source
        await pressed(pilot, "p")
        assert screen.view.pinned == pinned
        assert screen.synopsis.geometry.columns[0][0] == pinned
        for _ in range(len(ids)):
            await pressed(pilot, "greater_than_sign")
            assert screen.synopsis.geometry.columns[0][0] == pinned  # stays while panning
        await pressed(pilot, "p")  # on the pinned column again: unpin
        assert screen.view.pinned is None


async def test_a_pinned_column_always_has_the_cursor_column_beside_it(marked_seeds):
    """Widening stops at the pinned column and one other, and moving across columns keeps the
    cursor's column on screen."""
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        await pressed(pilot, "l", "p")
        for _ in range(4):
            await pressed(pilot, "plus")
        columns = [c[0] for c in screen.synopsis.geometry.columns]
        assert len(columns) == 2 and columns[0] == screen.view.pinned
        for key in ("l", "l", "l", "h", "greater_than_sign", "less_than_sign"):
            await pressed(pilot, key)
            assert screen.view.cursor.source in [c[0] for c in screen.synopsis.geometry.columns]


async def test_wider_and_narrower_columns(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(160, 48)) as pilot:
        synopsis = reader(app).synopsis
        count = len(synopsis.geometry.columns)
        await pressed(pilot, "plus")
        assert len(synopsis.geometry.columns) == count - 1
        await pressed(pilot, "minus")
        assert len(synopsis.geometry.columns) == count
        for _ in range(10):
            await pressed(pilot, "plus")
        assert len(synopsis.geometry.columns) == 1


async def test_article_order_and_jump_back(marked_seeds):
    from tui.screens.article import ArticleScreen

    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        source = screen.view.cursor.source
        await pressed(pilot, "o")
        assert isinstance(app.screen, ArticleScreen)
        options = app.screen.query_one("#article-list")
        paragraphs = screen.index.paragraphs_of[source]
        assert sum(1 for o in options.options if o.id) == len(paragraphs)
        # the rows of the article's own order, as listed, include rows out of order
        body = next(p for p in reversed(paragraphs) if p.key in screen.index.row_of and screen.index.row_of[p.key] != TOP)
        options.highlighted = options.get_option_index(f"p{body.index}")
        await pressed(pilot, "enter")
        screen = reader(app)
        assert screen.view.row.key == screen.index.row_of[body.key]
        assert screen.view.unit.key == body.key
        await pressed(pilot, "o", "escape")
        assert screen.view.unit.key == body.key


async def test_furniture_toggle(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        view = screen.view
        top = view.rows[0]
        furniture = [p for ps in top.cells.values() for p in ps if p.role in ("caption", "meta", "boilerplate")]
        assert furniture
        hidden = sum(len(view.cell(top, s)) for s in view.columns)
        await pressed(pilot, "c")
        assert view.furniture
        assert sum(len(view.cell(top, s)) for s in view.columns) == hidden + len(furniture)
        await pressed(pilot, "c")
        assert not view.furniture


# --- app keys ---------------------------------------------------------------------------------


async def test_help_screen(marked_seeds):
    from tui.screens.help import HelpScreen

    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        words = " ".join(text.split())
        for key in KEYS:
            if not key.id.startswith("source-"):
                assert key.help in words, key.id
        # at 80 columns long descriptions wrap under themselves, never under the keys
        lines = text.splitlines()
        column = lines[lines.index("Move") + 1].index("Next row")
        assert all(len(line) <= 76 for line in lines)
        continued = [line for line in lines if line.startswith(" " * (column - 1))]
        assert continued and all(line[:column].isspace() and not line[column].isspace() for line in continued)
        body = app.screen.query_one("#help-body")
        await pressed(pilot, "space")
        assert body.scroll_y > 10
        await pressed(pilot, "pageup")
        assert body.scroll_y == 0
        await pressed(pilot, "G")
        assert body.scroll_y == body.max_scroll_y > 0
        await pressed(pilot, "g")
        assert body.scroll_y == 0
        await pressed(pilot, "j")
        assert body.scroll_y == 1
        await pressed(pilot, "k", "escape")
        reader(app)
        await pressed(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        await pressed(pilot, "q")
        reader(app)


async def test_theme_cycle_includes_ansi(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        seen = set()
        for _ in range(6):
            await pressed(pilot, "t")
            seen.add(app.theme)
            assert list(app._notifications)[-1].message.startswith(f"Theme: {app.theme} ")
        assert {"ansi-dark", "ansi-light"} <= seen


@pytest.mark.parametrize(
    ("term", "given", "expected"),
    [("xterm-16color", None, "ansi-dark"), ("xterm-16color", "nord", "nord"), ("xterm-256color", None, "textual-dark")],
)
def test_a_16_colour_terminal_starts_in_its_own_palette(monkeypatch, marked_seeds, term, given, expected):
    """In 16 colours a true-colour theme's greens and reds come down to white and grey."""
    monkeypatch.setenv("TERM", term)
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert make_app(alignment=marked_seeds, theme=given).theme == expected


async def test_quit(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "q")
    assert app.return_code == 0


async def test_mouse_click_moves_the_cursor(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        g = screen.synopsis.geometry
        sid, x, _ = g.columns[1]
        await pilot.click("#synopsis", offset=(x + 3, 2))
        await pilot.pause()
        assert screen.view.cursor.source == sid


async def test_footer_lists_the_main_keys_and_a_click_runs_one(marked_seeds):
    from textual.command import CommandPalette

    from tui.screens.flags import FlagListScreen

    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        bar = reader(app).query_one("#keybar")
        line = bar.render().plain
        assert line.startswith(" q Quit  ? Help  ] Flag ") and line.endswith("▏^p palette ")
        assert len(line) == SIZE[0]
        # every key shown is shown whole (at 80 columns "v Fil" was cut)
        body = line.removesuffix("▏^p palette ").rstrip()
        assert body.endswith(tuple(f" {k.description}" for k in KEYS if k.id in FOOTER)), body
        await pilot.click("#keybar", offset=(line.index(" f Flags") + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, FlagListScreen)
        await pressed(pilot, "escape")
        await pilot.click("#keybar", offset=(line.index("^p"), 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


# --- the table itself ---------------------------------------------------------------------------


def test_every_key_has_description_id_and_a_place():
    ids = [k.id for k in KEYS]
    assert len(ids) == len(set(ids))
    for k in KEYS:
        assert k.description and k.help and k.id and k.action
    from tui.screens.help import help_content

    text = help_content().plain
    from tui.keys import FOOTER

    for k in KEYS:
        assert k.help in text or k.id.startswith("source-")  # help lists every key, footer ones too
    assert len(set(FOOTER)) == len(FOOTER) and set(FOOTER) <= set(ids)


async def test_every_key_is_in_the_command_palette(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        titles = {c.title for c in app.get_system_commands(screen)}
        for k in KEYS:
            assert k.help in titles, k.id
        assert "Keys" not in titles  # Textual's own key panel: the reader's help replaces it
        await pilot.pause()


async def test_palette_runs_a_key_command(marked_seeds):
    from textual.command import CommandPalette

    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pressed(pilot, *"Next flag (a")
        await pilot.pause(0.3)
        await pressed(pilot, "enter")
        await pilot.pause(0.1)
        assert reader(app).view.current_flag is not None


async def test_palette_providers_list_sources_and_flags(marked_seeds):
    from tui.app import FlagsProvider, SourcesProvider

    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        sources = SourcesProvider(screen)
        hits = [h async for h in sources.search("go to column ABC")]
        assert any("ABC News" in h.text for h in hits)
        discovered = [h async for h in sources.discover()]
        assert len(discovered) == len(marked_seeds.sources)
        flags = FlagsProvider(screen)
        found = [h async for h in flags.search("flag name")]
        assert found and "Joint" in found[0].text
        found[0].command()
        await pilot.pause()
        assert screen.view.current_flag is not None
        assert marked_seeds.flags[screen.view.current_flag].kind == "name"


async def test_two_stories_are_announced_and_listed(two_stories):
    app = make_app(alignment=two_stories)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = reader(app)
        title = str(screen.query_one("#title").render())
        assert "2 stories (s)" in title
        assert two_stories.title not in title  # the first story's headline names neither story
        await pressed(pilot, "s")
        listed = " ".join(str(o.prompt) for o in app.screen.query_one("#sources-list")._options)
        assert listed.count("story 2") == 2 and listed.count("story 1") == 5


async def test_the_gutter_leaves_another_storys_sources_out(two_stories):
    app = make_app(alignment=two_stories)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = reader(app)
        synopsis, index = screen.synopsis, screen.index
        quake = next(r for r in index.rows[1:] if set(r.cells) == {"quake_a.txt", "quake_b.txt"})
        gutter = synopsis._gutter(quake, 8)[0][0].text
        assert gutter.startswith("·····●●")


async def test_the_status_line_names_the_flag_the_detail_panel_shows(two_stories):
    app = make_app(alignment=two_stories)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = reader(app)
        view = screen.view
        unit = next(u for u, items in screen.index.counterparts.items()
                    if sum(c.kind == "flag" for c in items) >= 2)
        view.go_to_unit(unit)
        screen.update_all(structure=True)
        await pressed(pilot, "d")
        for _ in range(len(view.counterparts())):
            item = view.counterparts()[screen.detail_choice % len(view.counterparts())]
            if item.kind == "flag":
                explanation = two_stories.flags[item.index].explanation
                assert explanation[:40] in str(screen.query_one("#status").render())
            await pressed(pilot, "x")


async def test_lists_move_with_j_and_k_as_the_columns_do(marked_seeds):
    """The article order, flag and source lists answer j, k, g and G like the arrows."""
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        for key, list_id in (("o", "#article-list"), ("f", "#flags-list"), ("s", "SourceList")):
            await pressed(pilot, key)
            options = app.screen.query_one(list_id)
            start = options.highlighted
            await pressed(pilot, "j")
            assert options.highlighted is not None and options.highlighted > (start or 0), key
            await pressed(pilot, "k")
            assert options.highlighted == (start or 0), key
            await pressed(pilot, "G")
            assert options.highlighted == options.option_count - 1, key
            await pressed(pilot, "g")
            assert options.highlighted == 0 or not options.get_option_at_index(0).id, key
            await pressed(pilot, "escape")


async def test_a_notice_never_covers_the_status_line(marked_seeds):
    """At 80×24 a notice sits above the status line, where "⚑ k/N" and the flag are read, and
    takes one line for one line of text."""
    from textual.widgets._toast import Toast

    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = reader(app)
        await pressed(pilot, "t")  # the theme's name, as a notice
        await pilot.pause(0.2)
        toasts = list(app.screen.query(Toast))
        status = screen.query_one("#status").region
        assert toasts
        for toast in toasts:
            assert toast.region.bottom <= status.y and toast.region.height == 1
