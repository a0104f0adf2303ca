"""The aligner as one function: read, segment, group, match, then provenance and flags."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from aligner.flags import find_flags
from aligner.group import group_paragraphs
from aligner.load import load
from aligner.match import match_sentences
from aligner.model import Alignment
from aligner.provenance import find_provenance

#: Called with (stage name, fraction done) so a UI can show progress.
Progress = Callable[[str, float], None]


def align(
    paths: Sequence[str | Path],
    labels: Sequence[str] | None = None,
    *,
    progress: Progress | None = None,
) -> Alignment:
    """Align the articles at `paths` (files or directories). Unreadable inputs are reported in
    `Alignment.problems`, never raised; the rest are aligned."""
    report = progress or (lambda stage, done: None)
    report("reading", 0.0)
    loaded = load(paths, labels)
    report("grouping", 0.3)
    groups = group_paragraphs(loaded.paragraphs)
    report("matching", 0.7)
    matches = match_sentences(loaded.paragraphs, groups)
    report("provenance", 0.8)
    provenance = find_provenance(loaded.sources, loaded.paragraphs)
    report("flagging", 0.9)
    flags = find_flags(loaded.sources, loaded.paragraphs, groups, matches, provenance)
    report("done", 1.0)
    return Alignment(
        sources=loaded.sources,
        paragraphs=loaded.paragraphs,
        groups=groups,
        matches=matches,
        flags=flags,
        reuse=provenance.reuse,
        problems=loaded.problems,
    )
