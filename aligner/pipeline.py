"""The aligner as one function: read, segment, group, match, then provenance and flags."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from aligner.blocks import event_blocks
from aligner.flags import find_flags
from aligner.gc_pause import without_gc
from aligner.group import group_paragraphs
from aligner.load import load
from aligner.match import match_sentences
from aligner.model import Alignment, Group, Match, story_paragraphs
from aligner.provenance import find_provenance
from aligner.sentence_index import SentenceIndex

#: Called with (stage name, fraction done) so a UI can show progress.
Progress = Callable[[str, float], None]


@without_gc  # every stage allocates many small objects and no cycles worth collecting midway
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
    report("indexing", 0.2)
    story = story_paragraphs(loaded.paragraphs)
    index = SentenceIndex(story)
    groups: list[Group] = []
    matches: list[Match] = []
    blocks = event_blocks(index)
    for k, block in enumerate(blocks):
        report("grouping", 0.3 + 0.5 * k / len(blocks))
        members = set(block)
        block_index = index.restricted(block)
        block_groups = group_paragraphs([p for p in story if p.source in members], block_index)
        matches.extend(match_sentences(story, block_groups, block_index))
        first_id = len(groups)
        groups.extend(replace(g, id=first_id + n) for n, g in enumerate(block_groups))
    report("provenance", 0.8)
    provenance = find_provenance(loaded.sources, loaded.paragraphs)
    report("flagging", 0.9)
    flags = find_flags(loaded.sources, loaded.paragraphs, tuple(groups), tuple(matches), provenance)
    report("done", 1.0)
    return Alignment(
        sources=loaded.sources,
        paragraphs=loaded.paragraphs,
        groups=tuple(groups),
        matches=tuple(matches),
        flags=flags,
        reuse=provenance.reuse,
        problems=loaded.problems,
        stories=tuple(tuple(block) for block in blocks) if len(blocks) > 1 else (),
    )
