"""Remember alignments, so reopening the same articles shows them at once.

An alignment is a pure function of the input bytes, the labels and the aligner's code, so it is
stored under a hash of exactly those: any change to an input, a label or a source file of the
aligner gives a new key, and an old entry is simply never read again. Entries are JSON written
atomically; an unreadable or foreign entry is ignored and recomputed. The newest MAX_ENTRIES are
kept. Nothing is cached when an input is not a regular file (a pipe, a device) or cannot be read
(its error must be seen afresh), or when the cache directory is not writable.

Where: $SYNOPTIC_CACHE_DIR, else $XDG_CACHE_HOME/synoptic, else ~/.cache/synoptic.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from aligner.atomic import write_text_atomic
from aligner.inputs import MAX_BYTES, collect_inputs
from aligner.model import Alignment, Flag, Group, LoadProblem, Match, Paragraph, Reuse, Sentence, Source, Span

FORMAT = "synoptic-cache"
VERSION = 2
MAX_ENTRIES = 64
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.json")  # a sha256 key, as cache_key() makes it

def cache_dir() -> Path:
    explicit = os.environ.get("SYNOPTIC_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "synoptic"


def lookup(
    paths: Sequence[str | Path], labels: Sequence[str] | None = None, *, directory: Path | None = None
) -> tuple[str | None, Alignment | None]:
    """The cache key of exactly these inputs (None when they cannot be cached) and the alignment
    kept under it, if any. Nothing is aligned: a caller that aligns on a miss gives the key to
    `store`, so the inputs are not read and hashed twice."""
    key = cache_key(paths, labels)
    return key, None if key is None else _read((directory or cache_dir()) / f"{key}.json")


def store(key: str | None, alignment: Alignment, *, directory: Path | None = None) -> None:
    """Keep `alignment` under `key` (from `lookup`); nothing when the inputs cannot be cached."""
    if key is not None:
        _write(directory or cache_dir(), key, alignment)


def cache_key(paths: Sequence[str | Path], labels: Sequence[str] | None) -> str | None:
    """Hash of the code, the labels and every input's name and bytes; None if an input cannot
    be read now."""
    inputs = collect_inputs([str(p) for p in paths])
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}/{VERSION}/{code_fingerprint()}".encode())
    digest.update(json.dumps([list(labels or ()), [(p.path, p.reason) for p in inputs.problems]]).encode())
    for path in inputs.files:
        data = _regular_file_bytes(path)
        if data is None:
            return None
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _regular_file_bytes(path: Path) -> bytes | None:
    """The bytes of a regular file of article size; None for pipes, devices, unreadable or
    oversized files (their content is not a stable key, and reading a pipe could block)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the aligner's own source files: a changed rule or threshold invalidates the cache."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for source in sorted(root.rglob("*.py")):
        digest.update(source.relative_to(root).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


def _read(path: Path) -> Alignment | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
            return None
        alignment = alignment_from_dict(data["alignment"])
    except Exception:  # a damaged or foreign entry (any shape at all) is only a cache miss
        return None
    try:
        os.utime(path)  # most recently used
    except OSError:
        pass
    return alignment


def _write(directory: Path, key: str, alignment: Alignment) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"format": FORMAT, "version": VERSION, "alignment": alignment_to_dict(alignment)})
        write_text_atomic(directory / f"{key}.json", text)
        # only the cache's own entries: $SYNOPTIC_CACHE_DIR may name a folder that holds other files
        own = [p for p in directory.glob("*.json") if _ENTRY_NAME.fullmatch(p.name)]
        entries = sorted(own, key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[MAX_ENTRIES:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written is only a slower start


# --- the model as plain JSON data -----------------------------------------------------------------


def _span(s: Span) -> list:
    return [s.source, s.paragraph, s.start, s.end]


def _unspan(v: list) -> Span:
    return Span(str(v[0]), int(v[1]), int(v[2]), int(v[3]))


def alignment_to_dict(a: Alignment) -> dict:
    return {
        "sources": [
            [s.id, s.path, s.label, s.title, s.outlet, s.published.isoformat() if s.published else None, s.encoding, s.url]
            for s in a.sources
        ],
        "paragraphs": [
            [p.source, p.index, p.line, p.role, p.text, [[s.start, s.end] for s in p.sentences]]
            for p in a.paragraphs
        ],
        "groups": [[g.id, g.label, [list(k) for k in g.members]] for g in a.groups],
        "matches": [[_span(m.a), _span(m.b), m.score, m.kind] for m in a.matches],
        "flags": [[f.kind, _span(f.a), _span(f.b), f.explanation, f.score] for f in a.flags],
        "reuse": [[_span(r.original), _span(r.copy), r.score] for r in a.reuse],
        "problems": [[p.path, p.reason, p.skipped] for p in a.problems],
        "stories": [list(ids) for ids in a.stories],
    }


def alignment_from_dict(d: dict) -> Alignment:
    return Alignment(
        sources=tuple(
            Source(i, path, label, title, outlet, date.fromisoformat(published) if published else None, encoding, url)
            for i, path, label, title, outlet, published, encoding, url in d["sources"]
        ),
        paragraphs=tuple(
            Paragraph(source, index, line, role, text, tuple(Sentence(s, e) for s, e in sentences))
            for source, index, line, role, text, sentences in d["paragraphs"]
        ),
        groups=tuple(Group(i, label, tuple((s, k) for s, k in members)) for i, label, members in d["groups"]),
        matches=tuple(Match(_unspan(a), _unspan(b), score, kind) for a, b, score, kind in d["matches"]),
        flags=tuple(Flag(kind, _unspan(a), _unspan(b), text, score) for kind, a, b, text, score in d["flags"]),
        reuse=tuple(Reuse(_unspan(o), _unspan(c), score) for o, c, score in d["reuse"]),
        problems=tuple(LoadProblem(path, reason, skipped) for path, reason, skipped in d["problems"]),
        stories=tuple(tuple(str(sid) for sid in ids) for ids in d["stories"]),
    )
