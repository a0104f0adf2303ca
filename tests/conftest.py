"""Shared fixtures: the seed articles and their alignment, computed once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

# The app picks its theme from the terminal's colours (16 colours: the terminal's own palette);
# the tests see one terminal, a true-colour one, whatever the shell that runs them has.
os.environ["TERM"] = "xterm-256color"
os.environ["COLORTERM"] = "truecolor"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds_alignment():
    from aligner import align

    return align([SEEDS])


QUAKE = (
    "Quake hits the coast\n\n"
    "A magnitude {magnitude} earthquake struck the coastal city early on {day}, killing {toll} people, "
    "collapsing apartment blocks and cutting power to thousands of homes, emergency services said.\n\n"
    "Rescue teams dug through the rubble of the collapsed buildings through the night, and the "
    "regional governor asked for tents, blankets and drinking water.\n\n"
    "Seismologists warned that strong aftershocks could follow for several days along the fault.\n"
)


@pytest.fixture(scope="session")
def two_stories(tmp_path_factory):
    """The seeds (a story on Syria) and two articles on an earthquake that differ in its
    magnitude and its toll, in one sentence: two stories."""
    import shutil

    from aligner import align

    folder = tmp_path_factory.mktemp("two_stories")
    for f in SEEDS.iterdir():
        shutil.copy(f, folder / f.name)
    (folder / "quake_a.txt").write_text(QUAKE.format(magnitude="7.1", day="Monday", toll="5,000"), encoding="utf-8")
    (folder / "quake_b.txt").write_text(QUAKE.format(magnitude="6.8", day="Monday", toll="3,000"), encoding="utf-8")
    return align([folder])


# --- the app (tests/test_app*.py) -------------------------------------------------------------


@pytest.fixture(autouse=True)
def _steady_terminal(request, monkeypatch):
    """For the app's tests, screens that do not flap: colours on (NO_COLOR is a user's choice, not
    the test's) and no blinking cursors. Other tests are left alone."""
    if not request.module.__name__.startswith(("test_app", "test_tmux")):
        return
    monkeypatch.delenv("NO_COLOR", raising=False)
    from textual.reactive import reactive
    from textual.widgets import Input

    steady = reactive(False, init=False)
    steady.__set_name__(Input, "cursor_blink")
    monkeypatch.setattr(Input, "cursor_blink", steady)


@pytest.fixture(scope="session")
def frozen_seeds():
    """A recorded alignment of the seeds (see tests/test_app_frozen.py)."""
    from test_app_frozen import load

    return load()


@pytest.fixture(scope="session")
def marked_seeds(frozen_seeds):
    """The recorded seeds with synthetic flags and reuse of several kinds."""
    from test_app_frozen import with_marks

    return with_marks(frozen_seeds)


@pytest.fixture(autouse=True, scope="session")
def _private_alignment_cache(tmp_path_factory):
    """The app caches alignments; tests (and the processes they start) use a cache of their own."""
    import os

    os.environ["SYNOPTIC_CACHE_DIR"] = str(tmp_path_factory.mktemp("alignment-cache"))


@pytest.fixture
def tmux_session():
    """start(command, width, height): the command in its own tmux server, closed after the test."""
    from terminal import Tmux

    sessions: list[Tmux] = []

    def start(command: list[str], width: int = 80, height: int = 24) -> Tmux:
        session = Tmux(command, width, height)
        sessions.append(session)
        return session

    yield start
    for s in sessions:
        s.close()
