"""The alignment as a report: the `synoptic-alignment` JSON contract, and readable Markdown.

JSON (version 1) is read by other tools and by the evaluation; its keys and meanings only ever
grow. Every span carries its source id, the 1-based line where its paragraph starts, the
paragraph's index, character offsets into the paragraph text, and the text itself.
"""

from __future__ import annotations

import re
from collections import defaultdict

from aligner.model import Alignment, Span

FORMAT = "synoptic-alignment"
VERSION = 1


def alignment_to_json(alignment: Alignment) -> dict:
    def span(s: Span) -> dict:
        p = alignment.paragraph(s.key)
        return {
            "source": s.source,
            "line": p.line,
            "index": p.index,
            "start": s.start,
            "end": s.end,
            "text": p.text[s.start : s.end],
        }

    return {
        "format": FORMAT,
        "version": VERSION,
        "sources": [
            {
                "id": s.id,
                "path": s.path,
                "label": s.label,
                "title": s.title,
                "outlet": s.outlet,
                "published": s.published.isoformat() if s.published else None,
            }
            for s in alignment.sources
        ],
        "paragraphs": [
            {"source": p.source, "index": p.index, "line": p.line, "role": p.role, "text": p.text}
            for p in alignment.paragraphs
        ],
        "groups": [
            {
                "id": g.id,
                "label": g.label,
                "members": [
                    {"source": key[0], "line": alignment.paragraph(key).line, "index": key[1]}
                    for key in g.members
                ],
            }
            for g in alignment.groups
        ],
        "matches": [
            {"a": span(m.a), "b": span(m.b), "score": m.score, "kind": m.kind} for m in alignment.matches
        ],
        "flags": [
            {"kind": f.kind, "a": span(f.a), "b": span(f.b), "explanation": f.explanation, "score": f.score}
            for f in alignment.flags
        ],
        "reuse": [
            {"original": span(r.original), "copy": span(r.copy), "score": r.score} for r in alignment.reuse
        ],
        "problems": [
            {"path": p.path, "reason": p.reason, "skipped": p.skipped} for p in alignment.problems
        ],
    }


# --- Markdown ---------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: str) -> str:
    """Article text as literal Markdown: special characters escaped, control characters shown."""
    from aligner.text import visible

    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text))


def alignment_to_markdown(alignment: Alignment) -> str:
    """One section per row, each outlet's text in turn; matched sentences in bold with the
    outlets that share them, flags quoted under the row with their explanation."""
    labels = {s.id: s.label for s in alignment.sources}
    matched: dict[tuple[str, int], dict[tuple[int, int], set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in alignment.matches:
        matched[m.a.key][(m.a.start, m.a.end)].add(labels[m.b.source])
        matched[m.b.key][(m.b.start, m.b.end)].add(labels[m.a.source])
    flags_by_group: dict[int, list] = defaultdict(list)
    group_of = {key: g.id for g in alignment.groups for key in g.members}
    for f in alignment.flags:
        flags_by_group[group_of.get(f.a.key, group_of.get(f.b.key, -1))].append(f)

    out: list[str] = []
    title = next((s.title for s in alignment.sources if s.title), None)
    out.append(f"# Synoptic: {md_escape(title)}" if title else "# Synoptic alignment")
    out.append("")
    out.append(
        f"{len(alignment.sources)} sources, {len(alignment.groups)} rows, "
        f"{len(alignment.matches)} matched sentence pairs, {len(alignment.flags)} flags."
    )
    out.append("")
    out.append("| # | Label | Outlet | Date | Title |")
    out.append("|---|---|---|---|---|")
    for k, s in enumerate(alignment.sources, 1):
        out.append(
            f"| {k} | {md_escape(s.label)} | {md_escape(s.outlet or '')} | "
            f"{s.published.isoformat() if s.published else ''} | {md_escape(s.title or '')} |"
        )
    for problem in alignment.problems:
        out.append("")
        out.append(f"> {'Skipped' if problem.skipped else 'Note'}: {md_escape(problem.path)}: {md_escape(problem.reason)}")
    for g in alignment.groups:
        present = {key[0] for key in g.members}
        missing = [s.label for s in alignment.sources if s.id not in present]
        out.append("")
        out.append(f"## Row {g.id + 1}: {md_escape(g.label)}")
        out.append("")
        out.append(
            f"Covered by {len(present)} of {len(alignment.sources)}"
            + (f"; not covered by {', '.join(md_escape(m) for m in missing)}." if missing else ".")
        )
        for key in g.members:
            p = alignment.paragraph(key)
            out.append("")
            out.append(f"**{md_escape(labels[p.source])}** (paragraph {p.index + 1}, line {p.line}, {p.role})")
            out.append("")
            out.append(_paragraph_markdown(p.text, matched.get(key, {})))
        for f in flags_by_group.get(g.id, []):
            out.append("")
            out.append(
                f"> **Flag ({f.kind})**: {md_escape(f.explanation)}  \n"
                f"> {md_escape(labels[f.a.source])}: \u201c{md_escape(alignment.span_text(f.a))}\u201d  \n"
                f"> {md_escape(labels[f.b.source])}: \u201c{md_escape(alignment.span_text(f.b))}\u201d"
            )
    out.append("")
    return "\n".join(out)


def _paragraph_markdown(text: str, marks: dict[tuple[int, int], set[str]]) -> str:
    pieces: list[str] = []
    cursor = 0
    for (start, end), others in sorted(marks.items()):
        if start < cursor:
            continue
        pieces.append(md_escape(text[cursor:start]))
        pieces.append(f"**{md_escape(text[start:end])}** _(also in {', '.join(sorted(md_escape(o) for o in others))})_")
        cursor = end
    pieces.append(md_escape(text[cursor:]))
    return "".join(pieces)
