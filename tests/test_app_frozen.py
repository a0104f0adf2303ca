"""A frozen alignment of the seeds for the app's tests.

The app's pilot and snapshot tests draw a *recorded* alignment of the seed articles
(`tests/fixtures/seeds_alignment.json`), so that a change in the aligner's grouping or
matching never turns the UI tests red: they test what the app draws, not what the aligner finds.
Tests that need the live aligner use `aligner.align` directly (the worker path, the tmux test).

Regenerate after a change of the data model, or to pick up a better alignment (then look at and
update the snapshots): `.venv/bin/python tests/test_app_frozen.py`
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

FROZEN = Path(__file__).resolve().parent / "fixtures" / "seeds_alignment.json"


def _span(s) -> list:
    return [s.source, s.paragraph, s.start, s.end]


def dump(alignment) -> dict:
    root = Path(__file__).resolve().parents[1]

    def rel(path: str) -> str:
        try:
            return str(Path(path).resolve().relative_to(root))
        except ValueError:
            return path

    return {
        "sources": [
            {"id": s.id, "path": rel(s.path), "label": s.label, "title": s.title, "outlet": s.outlet,
             "published": s.published.isoformat() if s.published else None, "encoding": s.encoding}
            for s in alignment.sources
        ],
        "paragraphs": [
            {"source": p.source, "index": p.index, "line": p.line, "role": p.role, "text": p.text,
             "sentences": [[x.start, x.end] for x in p.sentences]}
            for p in alignment.paragraphs
        ],
        "groups": [{"id": g.id, "label": g.label, "members": [list(k) for k in g.members]} for g in alignment.groups],
        "matches": [{"a": _span(m.a), "b": _span(m.b), "score": m.score, "kind": m.kind} for m in alignment.matches],
    }


def load(path: Path = FROZEN):
    from aligner.model import Alignment, Group, Match, Paragraph, Sentence, Source, Span

    data = json.loads(path.read_text(encoding="utf-8"))
    span = lambda v: Span(v[0], v[1], v[2], v[3])  # noqa: E731
    return Alignment(
        sources=tuple(
            Source(s["id"], s["path"], s["label"], s["title"], s["outlet"],
                   date.fromisoformat(s["published"]) if s["published"] else None, s["encoding"])
            for s in data["sources"]
        ),
        paragraphs=tuple(
            Paragraph(p["source"], p["index"], p["line"], p["role"], p["text"],
                      tuple(Sentence(a, b) for a, b in p["sentences"]))
            for p in data["paragraphs"]
        ),
        groups=tuple(Group(g["id"], g["label"], tuple(tuple(m) for m in g["members"])) for g in data["groups"]),
        matches=tuple(Match(span(m["a"]), span(m["b"]), m["score"], m["kind"]) for m in data["matches"]),
    )


def find(alignment, source_prefix: str, needle: str):
    """A Span over the first occurrence of `needle` in a source (by id prefix)."""
    from aligner.model import Span

    for p in alignment.paragraphs:
        if p.source.startswith(source_prefix) and needle in p.text:
            start = p.text.index(needle)
            return Span(p.source, p.index, start, start + len(needle))
    raise LookupError(f"{needle!r} not in {source_prefix}")


def with_marks(alignment):
    """The recorded seeds with a fixed set of flags of three kinds and one copied passage: the
    app's drawing of flags and reuse is pinned here whatever the aligner reports today."""
    from aligner.model import Flag, Reuse

    flags = (
        Flag("name", find(alignment, "000", "Joint Operation Group"), find(alignment, "004", "Joint Implementation Group"),
             "The joint body is called “Joint Operation Group” in one source and “Joint Implementation Group” in the other.", 0.9),
        Flag("date", find(alignment, "004", "At Thursday's news conference"), find(alignment, "001", "late Thursday night"),
             "The news conference is placed on Thursday (July 14) in one source and on July 15 in the other.", 0.7),
        Flag("certainty", find(alignment, "003", "agreed"), find(alignment, "004", "Possible Deal"),
             "One source reports an agreement as done; the other calls it a possible, preliminary deal.", 0.6),
    )
    reuse = (Reuse(find(alignment, "001", "MOSCOW"), find(alignment, "002", "Kerry"), 0.8),)
    return replace(alignment, flags=flags, reuse=reuse)


def test_frozen_alignment_loads_and_is_consistent():
    alignment = load()
    keys = {p.key for p in alignment.paragraphs}
    assert len(alignment.sources) == 5
    assert all(k in keys for g in alignment.groups for k in g.members)
    assert all(m.a.key in keys and m.b.key in keys for m in alignment.matches)
    marked = with_marks(alignment)
    assert len(marked.flags) == 3 and len(marked.reuse) == 1
    assert marked.paragraph(marked.flags[0].a.key).text[marked.flags[0].a.start : marked.flags[0].a.end] == "Joint Operation Group"


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from aligner import align

    FROZEN.parent.mkdir(exist_ok=True)
    FROZEN.write_text(json.dumps(dump(align([Path(__file__).resolve().parents[1] / "seeds"])), ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
    print(f"wrote {FROZEN}")
