"""The real `synoptic` process in a real terminal (tmux): it opens the seeds at 80×24, answers
keys, and quits; hostile article text never reaches the terminal."""

from __future__ import annotations

import shutil
import time

import pytest

from terminal import SYNOPTIC

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or not SYNOPTIC.exists(), reason="needs tmux and the installed synoptic command"
)


def test_synoptic_in_tmux_opens_the_seeds_answers_keys_and_quits(tmux_session, seeds_dir):
    term = tmux_session([str(SYNOPTIC), str(seeds_dir)])
    screen = term.wait_for("5 sources", "─ headlines", "¶1 ", "Flag")  # title, top row, footer
    lines = screen.splitlines()
    assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)

    term.send("j")
    term.wait_for("row ")  # the status line follows the cursor
    term.send("l")
    term.send("m", "d")  # to a matched sentence, and open the detail panel
    term.wait_for("score", "Word changes")
    term.send("Escape")
    term.send("?")
    term.wait_for("Synoptic — keys", "Next row")
    term.send("Escape")
    if " 0 flags" not in screen:
        term.send("f")
        term.wait_for("differences to check")
        term.send("Escape")
    term.send("/")
    term.send("K", "e", "r", "r", "y", "Enter")
    term.wait_for("“Kerry”")
    term.send("q")
    term.wait_for("EXIT=0", timeout=15)


def test_hostile_text_never_reaches_the_terminal(tmux_session, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Title \x1b]0;pwned\x07 and \x1b[2J\x1b[H cleared? [bold]no[/] [@click=app.quit]quit[/]\n\n"
        "Second paragraph with \x9b31m C1 and \u202egnirts desrever\u202c.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("Another article about the title and a second paragraph.\n", encoding="utf-8")
    term = tmux_session([str(SYNOPTIC), str(tmp_path)], 120, 30)
    screen = term.wait_for("2 sources", "␛]0;pwned", "─ headlines")
    assert "␛[2J␛[H" in screen and "[bold]no[/]" in screen and "[@click=app.quit]quit[/]" in screen
    assert "pwned" not in term.title()
    assert "\u202e" not in screen
    term.send("q")
    term.wait_for("EXIT=0", timeout=15)


def test_quitting_while_the_articles_load_is_immediate(tmux_session, seeds_dir, tmp_path):
    """q on the loading screen ends the process at once, not when the aligner's thread is done
    (sixty copies of the seeds take several seconds to align)."""
    seeds = sorted(p for p in seeds_dir.iterdir() if p.suffix in (".txt", ".md"))
    for k in range(60):
        text = seeds[k % len(seeds)].read_text(encoding="utf-8")
        (tmp_path / f"{k:03d}.txt").write_text(f"Copy {k} of an article\n\n{text}", encoding="utf-8")
    term = tmux_session([str(SYNOPTIC), "--no-cache", str(tmp_path)], 100, 30)
    term.wait_for("aligning", "q Quit")
    asked = time.monotonic()
    term.send("q")
    term.wait_for("EXIT=0", timeout=30)
    assert time.monotonic() - asked < 3, "the process waited for the alignment"
