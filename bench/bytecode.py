"""Write the project's bytecode before timing a launch, as installing a wheel does (and as the
interpreter does on a first import, unless PYTHONDONTWRITEBYTECODE is set). Without it, an
editable install under that setting compiles every module of the project at each launch, while
the libraries it is compared with come compiled."""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compile_project() -> None:
    for package in ("aligner", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)
