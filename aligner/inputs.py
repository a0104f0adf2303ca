"""Which files are the inputs: directories expanded to their text and Markdown files, repeats
of one file dropped, and what cannot be opened reported rather than raised. Kept apart from
reading them (`aligner.ingest`) so that the alignment cache can key on the inputs without
loading the readers.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from aligner.model import LoadProblem

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
#: Larger inputs are refused with a reason: no news article comes near (the longest of the 235 in
#: ../shared/eval is 14 KB; a 15,000-word long read is about 100 KB), and every later stage is at
#: least linear in the text (about 6 s and 200 MB a megabyte of one-line text when measured), so a
#: mistaken dump would otherwise hang the reader. The limits are checked before the bytes are read.
MAX_BYTES = 2 * 1024 * 1024


def collect_inputs(paths: list[str]) -> tuple[list[Path], list[LoadProblem]]:
    """Expand directories (sorted, text and Markdown files only) and drop repeats of one file."""
    found: list[Path] = []
    problems: list[LoadProblem] = []
    seen: set[str] = set()
    for raw in paths:
        kind = _kind(raw)
        if kind == "missing":
            problems.append(LoadProblem(raw, "no such file or directory"))
            continue
        if isinstance(kind, LoadProblem):
            problems.append(kind)
            continue
        path = Path(raw)
        if kind == "dir":
            try:
                entries = sorted(
                    p for p in path.iterdir()
                    if p.suffix.lower() in TEXT_SUFFIXES and not p.name.startswith(".") and p.is_file()
                )
            except OSError as e:
                problems.append(LoadProblem(raw, f"cannot list directory: {e.strerror or e}"))
                continue
            if not entries:
                problems.append(LoadProblem(raw, "directory holds no .txt or .md articles"))
            candidates = entries
        else:
            candidates = [path]
        for p in candidates:
            real = os.path.realpath(p)
            if real in seen:
                problems.append(LoadProblem(str(p), "given more than once; read once", skipped=False))
                continue
            seen.add(real)
            found.append(p)
    return found, problems


def _kind(raw: str) -> str | LoadProblem:
    """"dir", "file" (anything else that exists: a file, a pipe, a device) or "missing"."""
    if not raw:
        return "missing"
    try:
        mode = os.stat(raw).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    except PermissionError:
        return LoadProblem(raw, "permission denied")
    except ValueError:  # an embedded NUL character
        return LoadProblem(raw, "not a valid path")
    except OSError as e:  # a symbolic-link loop, a name too long...
        return LoadProblem(raw, f"cannot open: {e.strerror or e}")
    return "dir" if stat.S_ISDIR(mode) else "file"
