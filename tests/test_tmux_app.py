"""The real `synoptic` process in a real terminal (tmux): it opens the seeds at 80×24, answers
keys, and quits; hostile article text never reaches the terminal."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

SYNOPTIC = Path(sys.executable).parent / "synoptic"

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or not SYNOPTIC.exists(), reason="needs tmux and the installed synoptic command"
)


class Tmux:
    """One app in its own tmux server (a private socket, so the user's tmux is never touched;
    escape-time 0, so Escape reaches the app as Escape)."""

    def __init__(self, command: list[str], width: int = 80, height: int = 24) -> None:
        self.name = f"synoptic-test-{uuid.uuid4().hex[:8]}"
        shell = f"env -u NO_COLOR TERM=xterm-256color {shlex.join(command)}; echo EXIT=$?; sleep 30"
        env = {**os.environ, "TMUX": ""}
        self.tmux(
            "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), shell, ";",
            "set-option", "-s", "escape-time", "0", env=env,
        )

    def tmux(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-L", self.name, *args], capture_output=True, text=True, env=env)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name).stdout

    def send(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.name, key)
            time.sleep(0.15)

    def wait_for(self, *needles: str, timeout: float = 60) -> str:
        return self.until(lambda screen: all(n in screen for n in needles), f"{needles} on screen", timeout)

    def until(self, ready, what: str = "the screen", timeout: float = 60) -> str:
        """The screen, once `ready(screen)` holds."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if ready(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{screen}")

    def title(self) -> str:
        return self.tmux("display-message", "-p", "-t", self.name, "#{pane_title}").stdout.strip()

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def tmux_session():
    sessions: list[Tmux] = []

    def start(command: list[str], width: int = 80, height: int = 24) -> Tmux:
        session = Tmux(command, width, height)
        sessions.append(session)
        return session

    yield start
    for s in sessions:
        s.close()


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
