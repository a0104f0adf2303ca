"""The catalogue of bad input (tests/test_cli_robust.py), opened in the app.

In-process with `make_app(...).run_test()`, every case: the app opens (the readable articles, or a
screen that lists what could not be read and why), survives the keys a reader presses, never puts
article text on the terminal as control sequences, and leaves the input files untouched.

In a real terminal (tmux, when installed), a few cases end to end: `synoptic PATH...` starts, shows
the columns or the reasons, quits on `q` with the report command's status (0, or 1 when nothing
is readable), and leaves no traceback and no garbage.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from terminal import SYNOPTIC
from test_cli_robust import CASES, Case, _drop_dac_override, _snapshot
from tui.app import make_app

#: What must never reach the terminal from article text: OSC (titles, hyperlinks), 8-bit CSI/NEL,
#: BEL, bidi overrides and isolates, zero-width space. (Textual's own output is SGR and cursor
#: moves; article ESC is shown as the control picture ␛.)
LEAKS = ("\x1b]", "\x9b", "\x85", "\x07", "\u202e", "\u2066", "\u200b", "\U000e0041")
KEYS = ["j", "l", "right_square_bracket", "o", "escape", "s", "escape", "f", "escape", "slash", "K", "enter", "escape"]


@pytest.fixture(autouse=True)
def _colours_on(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def case_folder(tmp_path):
    yield tmp_path
    for path in tmp_path.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def terminal_output(app) -> str:
    return app.screen._compositor.render_full_update().render_segments(app.console)


async def reader(pilot, app, timeout: float = 60.0):
    from tui.screens.reader import ReaderScreen

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if isinstance(app.screen, ReaderScreen):
            await pilot.pause()
            return app.screen
        await pilot.pause(0.05)
    raise AssertionError(f"still on {app.screen!r} after {timeout} s")


def check_screen(app) -> None:
    text = screen_text(app)
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) < 0xA0 for c in text), repr(text)
    out = terminal_output(app)
    for leak in LEAKS:
        assert leak not in out, repr(leak)
    assert "Traceback" not in text


APP_CASES = [c for c in CASES if c.id != "fifty-sources"]


@pytest.mark.parametrize("case", APP_CASES, ids=[c.id for c in APP_CASES])
async def test_catalogue_in_the_app(case: Case, case_folder):
    args = case.build(case_folder)
    if case.id == "permission-denied" and os.access(args[0], os.R_OK):
        pytest.skip("chmod 000 does not stop this process reading (root with CAP_DAC_OVERRIDE); "
                    "the tmux test drops that capability")
    before = _snapshot(case_folder)
    app = make_app(args)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await reader(pilot, app)
        check_screen(app)
        text = screen_text(app)
        if case.status != 0:
            assert "No readable articles" in text
            assert len(screen.index.sources) == 0
            # every input the CLI lists is listed on the screen too (long paths may be cut short)
            from tui.safe import shown

            for problem in app.alignment.problems:
                assert shown(Path(problem.path).name)[:20] in text, (problem, text)
        else:
            assert len(screen.index.sources) == case.sources
            skipped = [p for p in app.alignment.problems if p.skipped]
            if skipped:
                notes = " ".join(str(n.message) for n in app._notifications)
                assert all(Path(p.path).name[:20] in notes for p in skipped), notes
        for key in KEYS:
            await pilot.press(key)
        await pilot.pause()
        check_screen(app)
        assert app.is_running
        await pilot.press("q")
    assert _snapshot(case_folder) == before


async def test_fifty_sources_open_and_respond(case_folder):
    case = next(c for c in CASES if c.id == "fifty-sources")
    args = case.build(case_folder)
    app = make_app(args)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await reader(pilot, app, timeout=120)
        assert len(screen.index.sources) == 50
        started = time.perf_counter()
        for key in ("j", "l", "right_square_bracket", "j", "k", "h"):
            await pilot.press(key)
        await pilot.pause()
        assert (time.perf_counter() - started) / 6 < 1.0  # the bench measures the real latency
        check_screen(app)


async def test_hostile_text_is_shown_with_visible_marks(case_folder):
    case = next(c for c in CASES if c.id == "markup-escapes-controls-scripts")
    app = make_app(case.build(case_folder), ["[b]label[/b] \x1b[2J"])
    async with app.run_test(size=(200, 60)) as pilot:
        await reader(pilot, app)
        text = screen_text(app)
        assert "[bold]Kerry[/]" in text or "[@click=app.quit]Lavrov[/]" in text
        assert "␛[31min" in text
        assert "[b]label[/b] ␛[2J" in text
        check_screen(app)


# --- a real terminal ----------------------------------------------------------------------------

TMUX = shutil.which("tmux")
TMUX_CASES = ["markup-escapes-controls-scripts", "mixed-readable-and-not", "empty", "permission-denied",
              "utf16-no-bom", "control-characters-in-file-name", "same-base-name"]


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
@pytest.mark.parametrize("case_id", TMUX_CASES)
def test_catalogue_in_tmux(case_id, case_folder, tmux_session):
    case = next(c for c in CASES if c.id == case_id)
    args = case.build(case_folder)
    prefix: list[str] = []
    if case_id == "permission-denied":
        prefix = _drop_dac_override()
        if prefix is None:
            pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE here")
    before = _snapshot(case_folder)
    term = tmux_session([*prefix, str(SYNOPTIC), *args], 120, 36)  # the shell prints EXIT=<status> after it
    noun = "source" if case.sources == 1 else "sources"
    expected = "No readable articles" if case.status else f" {case.sources} {noun} "
    pane = term.until(lambda p: expected in p or "EXIT=" in p, repr(expected), timeout=90)
    assert "Traceback" not in pane and "EXIT=" not in pane, pane
    assert expected in pane
    assert not re.search(r"\x1b|\x07", pane)
    term.send("j", "l", "]", "o")
    time.sleep(0.3)
    term.send("Escape")
    time.sleep(0.3)
    term.send("q")
    pane = term.until(lambda p: "EXIT=" in p, "the exit", timeout=30)
    # the report command's status (1: nothing readable), and back in the shell nothing is left
    # behind: the alternate screen is gone
    assert pane.strip().splitlines() == [f"EXIT={1 if case.status else 0}"], pane
    assert _snapshot(case_folder) == before
