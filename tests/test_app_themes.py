"""Themes, colour and the lists' marks at 80×24: a theme change restyles everything as a fresh
launch would, dimmed text stays readable on light themes, and the source and flag lists say what
they show in text, not colour."""

from __future__ import annotations

import pytest
from rich.color import Color as RichColor
from rich.style import Style as RichStyle
from textual.widgets import Tabs

from test_app_keys import SIZE, pressed, reader
from tui.app import make_app
from tui.screens.reader import THEME_CYCLE


def painted(synopsis) -> list[list[tuple[str, RichStyle | None]]]:
    """What the synopsis draws on screen, segment by segment."""
    synopsis.render_lines(synopsis.region.reset_offset)  # lays out first, as a repaint does
    return [[(s.text, s.style) for s in synopsis.render_line(y)] for y in range(synopsis.size.height)]


async def fresh_look(seeds, theme: str) -> tuple[object, list]:
    app = make_app(alignment=seeds, theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "j")
        synopsis = reader(app).synopsis
        return synopsis.palette, painted(synopsis)


# --- 1. a theme change ------------------------------------------------------------------------


async def test_next_theme_styles_as_a_fresh_launch(marked_seeds):
    """`t` used to keep the previous theme's palette (built before Textual recomputed the
    component classes): after a full cycle, ansi-dark's reverse-video cursor was dark olive."""
    start = "ansi-dark"
    cycled: dict[str, tuple[object, list]] = {}
    app = make_app(alignment=marked_seeds, theme=start)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "j")
        for _ in THEME_CYCLE:
            await pressed(pilot, "t")
            synopsis = reader(app).synopsis
            cycled[app.theme] = (synopsis.palette, painted(synopsis))
        assert app.theme == start
    assert set(cycled) == set(THEME_CYCLE)
    for theme, (palette, lines) in cycled.items():
        fresh_palette, fresh_lines = await fresh_look(marked_seeds, theme)
        assert palette == fresh_palette, theme
        assert lines == fresh_lines, theme
    assert cycled[start][0].cursor.reverse  # the terminal's palette: the cursor is reverse video


# --- 2. dimmed text on light themes -----------------------------------------------------------


def _luminance(color: RichColor) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.get_truecolor()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(style: RichStyle) -> float:
    """WCAG contrast ratio of a segment's text on its background."""
    assert style.color is not None and style.bgcolor is not None
    a, b = sorted((_luminance(style.color), _luminance(style.bgcolor)), reverse=True)
    return (a + 0.05) / (b + 0.05)


DIMMED = ("¶", "│", "●", "○", "· not covered ·")


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark", "nord", "gruvbox", "solarized-light"])
async def test_dimmed_text_is_readable(marked_seeds, theme):
    """`$text-muted` is `auto 60%`: taken as plain white, it drew ¶n, │, ●○ and "not covered"
    white on light grey in textual-light."""
    app = make_app(alignment=marked_seeds, theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "j")
        seen = set()
        for line in painted(reader(app).synopsis):
            for text, style in line:
                for mark in DIMMED:
                    if mark in text:
                        seen.add(mark)
                        assert contrast(style) >= 3.0, (theme, text, style)
        assert seen == set(DIMMED)


# --- 3. the source list -----------------------------------------------------------------------


@pytest.mark.parametrize("no_color", [False, True])
async def test_source_list_marks_shown_and_hidden_in_text(marked_seeds, monkeypatch, no_color):
    """Every line read ▐X▌, shown and hidden told apart by colour alone (NO_COLOR: not at all)."""
    from tui.screens.sources import HIDDEN_MARK, SHOWN_MARK, SourcesScreen

    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "2", "s")
        assert isinstance(app.screen, SourcesScreen)
        listing = app.screen.query_one("#sources-list")
        lines = [listing.render_line(y).text for y in range(len(marked_seeds.sources))]
        assert lines[0].startswith(f"▐{SHOWN_MARK}▌") and lines[2].startswith(f"▐{SHOWN_MARK}▌")
        assert lines[1].startswith(f"▐{HIDDEN_MARK}▌")
        await pressed(pilot, "down", "space")  # show source 2 again
        assert listing.render_line(1).text.startswith(f"▐{SHOWN_MARK}▌")


# --- 4. the flag list -------------------------------------------------------------------------


async def test_flag_list_opens_on_all_kinds(marked_seeds):
    """It opened filtered to the kind under the cursor (1 of 5 flags), the "all" tab scrolled
    out of sight."""
    from tui.screens.flags import ALL, FlagListScreen

    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "right_square_bracket", "g")
        assert reader(app).view.current_kind() is not None
        await pressed(pilot, "f")
        screen = app.screen
        assert isinstance(screen, FlagListScreen) and screen.kind == ALL
        options = screen.query_one("#flags-list")
        assert sum(1 for o in options.options if o.id) == len(marked_seeds.flags)
        tabs = screen.query_one(Tabs)
        assert tabs.active == "kind-0"
        assert tabs.query_one("#kind-0").region.x >= tabs.region.x  # "all" is on screen
