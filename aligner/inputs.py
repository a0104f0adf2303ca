"""Which files are the inputs: directories expanded to their text and Markdown files, repeats
of one file dropped, and what cannot be opened reported rather than raised. Kept apart from
reading them (`aligner.ingest`) so that the alignment cache can key on the inputs without
loading the readers.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from aligner.model import LoadProblem

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
#: Larger inputs are refused with a reason: no news article comes near (the longest of the 235 in
#: ../shared/eval is 14 KB; a 15,000-word long read is about 100 KB), and every later stage is at
#: least linear in the text (about 6 s and 200 MB a megabyte of one-line text when measured), so a
#: mistaken dump would otherwise hang the reader. The limits are checked before the bytes are read.
MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Inputs:
    """The files to read, in input order, and the inputs that cannot be opened."""

    files: tuple[Path, ...]
    problems: tuple[LoadProblem, ...]
    #: Each file's place among the articles the user named. A named file that cannot be opened
    #: (missing, a broken link) keeps its place, so every `--label` lands on the file it was
    #: given for.
    places: tuple[int, ...]
    articles: int  # how many articles were named: the files and those that cannot be opened


def collect_inputs(paths: list[str]) -> Inputs:
    """Expand directories (sorted, text and Markdown files only) and drop repeats of one file."""
    found: list[Path] = []
    places: list[int] = []
    problems: list[LoadProblem] = []
    seen: set[str] = set()
    repeats: dict[str, tuple[str, int]] = {}  # real path -> (as first repeated, extra times given)
    articles = 0
    for raw in paths:
        kind = _kind(raw)
        if isinstance(kind, LoadProblem):
            problems.append(kind)
            articles += 1  # the user named one article here
            continue
        path = Path(raw)
        if kind == "dir":
            try:  # listing and telling files apart both fail in a directory that cannot be searched
                entries = sorted(
                    p for p in path.iterdir() if p.suffix.lower() in TEXT_SUFFIXES and not p.name.startswith(".")
                )
                listed = [(p, _broken_link(p)) for p in entries]
                candidates = [(p, broken) for p, broken in listed if broken or p.is_file()]
            except OSError as e:
                problems.append(LoadProblem(raw, f"cannot list directory: {e.strerror or e}"))
                continue
            if not candidates:
                problems.append(LoadProblem(raw, "directory holds no .txt or .md articles"))
        else:
            candidates = [(path, None)]  # a file, or a pipe or device named on purpose (<(cat a.txt))
        for p, broken in candidates:
            if broken:  # listed in a directory, but leads nowhere
                problems.append(LoadProblem(str(p), broken))
                articles += 1
                continue
            real = os.path.realpath(p)
            if real in seen:
                first, times = repeats.get(real, (str(p), 0))
                repeats[real] = (first, times + 1)
                continue
            seen.add(real)
            found.append(p)
            places.append(articles)
            articles += 1
    for shown, extra in repeats.values():  # one line per file, however often it was given
        problems.append(LoadProblem(shown, f"given {extra + 1} times; read once", skipped=False))
    return Inputs(tuple(found), tuple(problems), tuple(places), articles)


def _broken_link(path: Path) -> str | None:
    """Why a symbolic link cannot be opened ("broken symbolic link", a loop...), None for
    anything else (a subdirectory named like an article is not one)."""
    if not path.is_symlink():
        return None
    try:
        os.stat(path)
    except FileNotFoundError:
        return "broken symbolic link"
    except OSError as e:
        return f"cannot open: {e.strerror or e}"
    return None


def _kind(raw: str) -> str | LoadProblem:
    """"dir", "file" (anything else that exists: a file, a pipe, a device), or why it cannot be
    opened."""
    if not raw:
        return LoadProblem(raw, "no such file or directory")
    try:
        mode = os.stat(raw).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return LoadProblem(raw, "no such file or directory")
    except PermissionError:
        return LoadProblem(raw, "permission denied")
    except ValueError:  # an embedded NUL character
        return LoadProblem(raw, "not a valid path")
    except OSError as e:  # a symbolic-link loop, a name too long...
        return LoadProblem(raw, f"cannot open: {e.strerror or e}")
    return "dir" if stat.S_ISDIR(mode) else "file"
