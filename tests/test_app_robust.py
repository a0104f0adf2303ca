"""The app against hostile and awkward input: markup and control characters in article text and
labels, wide characters, unreadable inputs, NO_COLOR, and every terminal size."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.app import make_app

HOSTILE = (
    "Closing [/] tag and [bold]not bold[/bold] and [@click=app.quit]click to quit[/] here.\n\n"
    "Escape \x1b[31mred\x1b[0m, title \x1b]0;pwned\x07, C1 \x9b2J and bidi \u202eevil\u202c end.\n\n"
    "A [link=https://example.com]link[/link] and [$accent]variable[/] and [red on blue]x[/] and \\[ and ].\n"
)
INJECTION_LABEL = "[bold red]LBL[/]\x1b[2J"


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def terminal_output(app) -> str:
    """What the app would write to the terminal for a full repaint."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


async def loaded(pilot, app):
    from tui.screens.reader import ReaderScreen

    for _ in range(400):
        if isinstance(app.screen, ReaderScreen):
            await pilot.pause()
            return app.screen
        await pilot.pause(0.05)
    raise AssertionError(f"still on {app.screen!r}")


@pytest.fixture
def hostile_dir(tmp_path):
    (tmp_path / "a_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "b_plain.txt").write_text(
        "Closing tag and not bold and click to quit here.\n\nEscape red, title and bidi end.\n", encoding="utf-8"
    )
    return tmp_path


async def test_markup_and_control_characters_show_literally(hostile_dir):
    app = make_app([str(hostile_dir)], [INJECTION_LABEL, "plain"])
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await loaded(pilot, app)
        text = "\n".join(screen_lines(app))
        assert "[/]" in text and "[bold]not bold[/bold]" in text
        assert "[@click=app.quit]click" in text
        assert "␛[31mred␛[0m" in text  # ESC as a visible mark
        assert "[bold red]LBL[/]␛[2J" in text  # the label too, in the column header
        assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
        out = terminal_output(app)
        for raw in ("\x1b]0;pwned", "\x1b[31mred", "\x9b", "\u202e", "\x1b[2J"):
            assert raw not in out
        # clicking the would-be action does not run it
        for y, line in enumerate(screen_lines(app)):
            if "click to quit" in line:
                await pilot.click(offset=(line.index("click to quit") + 2, y))
                break
        await pilot.pause()
        assert app.is_running
        # every view of the text: detail panel, article order, flag list, search, palette
        for keys in (["o"], ["s"], ["question_mark"], ["d"], ["slash", *"[/]", "enter"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert "\x1b]0;pwned" not in terminal_output(app)
            await pilot.press("escape")
            await pilot.pause()
        assert app.is_running


async def test_hostile_flags_and_palette(marked_seeds):
    from dataclasses import replace

    from aligner.model import Flag, Source

    flag = replace(marked_seeds.flags[0], explanation="Names differ: [b]x[/b] vs [@click=app.quit]y[/] \x1b[2J")
    sources = tuple(
        replace(s, label=f"[red]{s.label}[/]\x1b[2J", title="[/] \x9b\u202e title") for s in marked_seeds.sources
    )
    alignment = replace(marked_seeds, flags=(flag, *marked_seeds.flags[1:]), sources=sources)
    assert isinstance(alignment.sources[0], Source) and isinstance(alignment.flags[0], Flag)
    app = make_app(alignment=alignment)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket", "d")
        await pilot.pause()
        for keys in (["f"], ["s"], ["o"], ["ctrl+p", *"flag"], ["ctrl+p", *"column"]):
            await pilot.press(*keys)
            await pilot.pause(0.3)
            text = "\n".join(screen_lines(app))
            assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
            await pilot.press("escape")
            await pilot.pause()
        assert app.is_running
        text = "\n".join(screen_lines(app))
        assert "[red]" in text
        # what the palette copies into its input line when an entry is chosen
        from tui.app import FlagsProvider, SourcesProvider

        for provider in (SourcesProvider(app.screen), FlagsProvider(app.screen)):
            hits = [hit async for hit in provider.discover()]
            for query in ("column", "flag"):
                hits += [hit async for hit in provider.search(query)]
            assert hits and all("\x1b" not in str(hit.text) and "\x9b" not in str(hit.text) for hit in hits)


WIDE = (
    "東京で会談が行われた。ロシアとアメリカは合意した。\n\n"
    "Emoji 🇺🇸🤝🇷🇺 and 👍🏽 and ❤️ in the middle of a long sentence that wraps around the column.\n\n"
    "Ｆｕｌｌ－ｗｉｄｔｈ ｌｅｔｔｅｒｓ and combining e\u0301 marks.\n"
)


async def test_wide_characters_keep_columns_aligned(tmp_path):
    (tmp_path / "a.txt").write_text(WIDE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(WIDE.replace("会談", "会議"), encoding="utf-8")
    (tmp_path / "c.txt").write_text("Plain English text about the same talks.\n", encoding="utf-8")
    app = make_app([str(tmp_path)])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(pilot, app)
        synopsis = screen.synopsis
        g = synopsis.geometry
        width = synopsis.content_width
        separators = [x - 1 for _, x, _ in g.columns[1:]]
        from rich.cells import cell_len

        checked = 0
        for y in range(synopsis.scrollable_content_region.height):
            strip = synopsis.render_line(y)
            assert strip.cell_length == width
            text = strip.text
            if "─" in text[: g.gutter + 3]:
                continue  # a row's rule
            if not text.strip():
                continue  # below the last row
            # the separators sit at the same cell positions on every line
            for x in separators:
                # the character that starts at cell x (cells measured as Rich does, by grapheme)
                i = next(i for i in range(len(text) + 1) if cell_len(text[:i]) >= x)
                assert cell_len(text[:i]) == x and text[i] in "│┃", (y, x, text)
                checked += 1
        assert checked


def test_wrap_counts_cells():
    from rich.cells import cell_len

    from tui.cells import wrap

    text = "東京で会談が行われた。ロシアとアメリカは合意した。 and 👍🏽 words"
    for width in range(1, 30):
        for s, e in wrap(text, width):
            assert cell_len(text[s:e]) <= max(width, 2), (width, text[s:e])
    assert wrap("", 10) == [(0, 0)]
    assert wrap("one two three", 7) == [(0, 7), (8, 13)]
    assert wrap("one two three", 6) == [(0, 3), (4, 7), (8, 13)]
    assert wrap("   lead", 4) == [(3, 7)]


async def test_unreadable_inputs_are_listed_and_the_rest_open(tmp_path, seeds_dir):
    missing = tmp_path / "missing.txt"
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    app = make_app([str(seeds_dir / "000_03b2deb73ee435f3.txt"), str(missing), str(empty_dir),
                    str(seeds_dir / "001_833b75131be248af.txt")])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(pilot, app)
        assert len(screen.index.sources) == 2
        assert len(app.alignment.problems) >= 2
        notes = [n.message for n in app._notifications]
        assert any("missing.txt" in m for m in notes)
        assert "not opened" in screen.query_one("#title").render().plain
        await pilot.press("s")
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "missing.txt" in text


async def test_extra_labels_are_counted_as_the_report_command_counts_them(tmp_path, seeds_dir):
    """An empty folder names no article; a missing file names one."""
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    paths = [str(empty_dir), str(tmp_path / "missing.txt"), str(seeds_dir / "001_833b75131be248af.txt")]
    app = make_app(paths, ["E", "M", "X"], cache=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        notes = [n.message for n in app._notifications]
        assert any(m.startswith("3 labels given for 2 articles") for m in notes), notes
        assert [s.label for s in app.alignment.sources] == ["M"]  # E names the missing file


async def test_nothing_readable(tmp_path):
    app = make_app([str(tmp_path / "nope.txt")])
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot, app)
        text = "\n".join(screen_lines(app))
        assert "No readable articles" in text and "nope.txt" in text
        for key in ("j", "l", "right_square_bracket", "m", "d", "f", "o", "s", "slash"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("escape")
        text = "\n".join(screen_lines(app))
        assert "Nothing to read · q quits" in text and "No rows" not in text
        assert "Detail" not in text  # no footer of keys that need an article
        await pilot.press("q")
    assert app.return_code == 1  # as `synoptic --format json` exits with nothing readable


async def test_loading_screen_shows_progress_then_the_columns(seeds_dir, monkeypatch, frozen_seeds):
    """The alignment runs in a worker thread; meanwhile the screen says what it is doing."""
    import threading

    import aligner
    from textual.widgets import ProgressBar

    from tui.screens.loading import LoadingScreen

    release = threading.Event()

    def slow_align(paths, labels=None, *, progress=None):
        progress("grouping", 0.5)
        release.wait(10)
        return frozen_seeds

    monkeypatch.setattr(aligner, "align", slow_align)
    app = make_app([str(seeds_dir)], cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, LoadingScreen) and app.screen.query_one(ProgressBar).progress == 0.5:
                break
        assert isinstance(app.screen, LoadingScreen)
        assert "Grouping" in "\n".join(screen_lines(app))
        assert "aligning 5 articles" in "\n".join(screen_lines(app))  # the folder's files, not 1 input
        await pilot.press("j")  # keys while loading do no harm
        release.set()
        screen = await loaded(pilot, app)
        assert screen.synopsis.geometry is not None
        assert "5 sources" in screen.query_one("#title").render().plain


async def test_the_worker_aligns_the_real_seeds(seeds_dir):
    app = make_app([str(seeds_dir)], cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(pilot, app)
        assert len(screen.index.sources) == 5 and screen.view.rows


async def test_an_alignment_is_kept_and_reopens_without_aligning(seeds_dir, tmp_path, monkeypatch):
    import aligner
    from aligner import cache

    monkeypatch.setenv("SYNOPTIC_CACHE_DIR", str(tmp_path / "cache"))
    calls = []
    real_align = aligner.align

    def counted_align(*args, **kwargs):
        calls.append(args)
        return real_align(*args, **kwargs)

    monkeypatch.setattr(aligner, "align", counted_align)
    keys = []
    real_key = cache.cache_key
    monkeypatch.setattr(cache, "cache_key", lambda *a: keys.append(a) or real_key(*a))
    for _ in range(2):  # the first app aligns and keeps it; the second reads it back
        keys.clear()
        app = make_app([str(seeds_dir)])
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await loaded(pilot, app)
            assert len(screen.index.sources) == 5 and screen.view.rows
        assert len(calls) == 1  # aligned by the first app only
        assert len(keys) == 1  # the inputs are read and hashed once, hit or miss
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1


async def test_a_failing_alignment_is_reported(seeds_dir, monkeypatch):
    import aligner

    def broken(paths, labels=None, *, progress=None):
        raise RuntimeError("boom [bold]x[/] \x1b[2J")

    monkeypatch.setattr(aligner, "align", broken)
    app = make_app([str(seeds_dir)], cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(400):  # as long as `loaded` waits: a busy machine starts the worker late
            await pilot.pause(0.05)
            if "failed" in "\n".join(screen_lines(app)):
                break
        text = "\n".join(screen_lines(app))
        assert "The alignment failed" in text and "[bold]x[/] ␛[2J" in text
        await pilot.press("q")
    assert app.return_code == 1


async def test_no_color_is_honoured(marked_seeds, monkeypatch):
    from textual.filter import Monochrome, NoColor

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(alignment=marked_seeds)
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert any(isinstance(f, (Monochrome, NoColor)) for f in app._filters)
        # marks do not rely on colour: the flag glyph, the match glyph, the cursor's row marker
        text = "\n".join(screen_lines(app))
        assert "⚑" in text and "▶" in text
    assert "NO_COLOR" not in os.environ or True


@pytest.mark.parametrize("theme", ["ansi-dark", "ansi-light"])
async def test_ansi_themes(marked_seeds, theme):
    app = make_app(alignment=marked_seeds, theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_square_bracket", "d", "m")
        await pilot.pause()
        assert app.theme == theme
        assert "⚑" in "\n".join(screen_lines(app))


async def test_resizing_to_any_size_never_crashes(marked_seeds):
    app = make_app(alignment=marked_seeds)
    sizes = [(1, 1), (2, 2), (3, 1), (10, 3), (20, 5), (30, 8), (40, 12), (79, 23), (120, 40), (200, 60), (4, 50), (250, 4)]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_square_bracket", "d")
        for w, h in sizes:
            await pilot.resize_terminal(w, h)
            await pilot.pause()
            await pilot.press("j", "l", "w", "pagedown", "m")
            await pilot.pause()
            screen_lines(app)
        await pilot.press("d", "slash")
        for w, h in sizes:
            await pilot.resize_terminal(w, h)
            await pilot.pause()
        await pilot.press("escape")
        for w, h in reversed(sizes):
            await pilot.resize_terminal(w, h)
            await pilot.pause()
            await pilot.press("k", "h", "G", "g")
        assert app.is_running


@pytest.mark.parametrize("keys", [["f"], ["s"], ["o"], ["question_mark"], ["ctrl+p"]])
async def test_modal_screens_at_tiny_sizes(marked_seeds, keys):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        for w, h in [(1, 1), (8, 3), (20, 6), (80, 24)]:
            await pilot.resize_terminal(w, h)
            await pilot.pause()
            await pilot.press("down", "right", "up")
        assert app.is_running


def test_cli_theme_option(capsys):
    from tui.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--theme", "no-such-theme"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "unknown theme" in err and "ansi-dark" in err and err.count("\n") == 1


async def test_cli_theme_reaches_the_app(monkeypatch, seeds_dir):
    import tui.app
    from tui.cli import main

    seen = {}

    def fake_run_app(paths, labels=(), *, theme=None, cache=True):
        seen.update(paths=paths, theme=theme, cache=cache)
        return 0

    monkeypatch.setattr(tui.app, "run_app", fake_run_app)
    monkeypatch.setattr("tui.cli.has_terminal", lambda: True)
    assert main(["--theme", "ansi-light", str(seeds_dir)]) == 0
    assert seen == {"paths": [str(seeds_dir)], "theme": "ansi-light", "cache": True}
    assert main(["--no-cache", str(seeds_dir)]) == 0
    assert seen["cache"] is False


def test_cli_without_a_terminal_says_so_and_suggests_a_report(tmp_path):
    """`synoptic seeds/ 2> log` (Textual draws on standard error) must not write the app's
    escape codes to the file and wait for keys."""
    import subprocess
    import sys

    log = tmp_path / "log.txt"
    with log.open("wb") as stderr:
        done = subprocess.run([sys.executable, "-m", "tui.cli"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=stderr, timeout=60, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 2 and done.stdout == b""
    err = log.read_text()
    assert err.count("\n") == 1 and "needs a terminal" in err and "--format" in err


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("stdin,stdout,stderr,ok", [
    (True, True, True, True),
    (True, False, True, True),  # `synoptic seeds/ > out.txt` in a terminal: the app draws on stderr
    (True, True, False, False),  # `synoptic seeds/ 2> log`
    (False, True, True, False),  # no keyboard (`ssh host synoptic` without -t, `< /dev/null`)
])
def test_the_app_needs_a_terminal_on_stdin_and_stderr(monkeypatch, stdin, stdout, stderr, ok):
    from tui.cli import has_terminal

    monkeypatch.setattr("sys.stdin", _Stream(stdin))
    monkeypatch.setattr("sys.stdout", _Stream(stdout))
    monkeypatch.setattr("sys.__stderr__", _Stream(stderr))
    assert has_terminal() is ok


async def test_a_pasted_control_character_in_the_search_bar_is_shown_as_its_mark(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        bar = app.screen.query_one("#search")
        bar.insert_text_at_cursor("abc\u202eXYZ\u202c \x1b[2J def")
        await pilot.pause()
        assert "\u202e" not in bar.value and "\x1b" not in bar.value and bar.value.startswith("abc\ufffdXYZ")
        out = terminal_output(app)
        assert "\u202e" not in out and "\x1b[2J" not in out


async def test_a_column_name_too_long_for_its_header_ends_in_an_ellipsis(marked_seeds):
    """Names that share their first cells ("a very long file name that goes on ... 2018-04-17")
    must not look whole when they are cut."""
    from dataclasses import replace

    long = "a very long file name that goes on and on and on and on 2018-04-17"
    sources = (replace(marked_seeds.sources[0], label=long), *marked_seeds.sources[1:])
    app = make_app(alignment=replace(marked_seeds, sources=sources))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = screen_lines(app)[1]
        assert "1 a very long file" in header and "…" in header.split("│")[0], header


async def test_columns_panned_out_on_the_right_are_counted_at_the_right_edge(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        geometry = app.screen.synopsis.geometry
        assert geometry.hidden_right
        header = screen_lines(app)[2]
        assert header.rstrip().endswith(f"{geometry.hidden_right}▶") and "▶" not in header[:10], header
