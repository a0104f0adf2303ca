"""The installed `synoptic` command, and a real terminal to run it in (tmux), for the tests that
drive the app end to end (the `tmux_session` fixture in conftest.py)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path

SYNOPTIC = Path(sys.executable).with_name("synoptic")


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
