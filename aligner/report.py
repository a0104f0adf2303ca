"""The alignment as a report: the `synoptic-alignment` JSON contract, and readable Markdown.

JSON (version 1) is read by other tools and by the evaluation; its keys and meanings only ever
grow. Every span carries its source id, the 1-based line where its paragraph starts, the
paragraph's index, character offsets into the paragraph text, and the text itself.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

from aligner.model import Alignment, Flag, Reuse, Source, Span

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


#: Characters JSON would pass through raw that must never reach a terminal or a JavaScript
#: reader: DEL and C1 controls (8-bit CSI), bidi overrides and isolates, zero-width and invisible
#: characters, line and paragraph separators, tag characters, lone surrogates (file names that are
#: not UTF-8). They are written as \\u escapes, so the JSON still reads back to the same strings.
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164"
    "\ufeff\uffa0\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)


def _json_escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ord(ch) > 0xFFFF:  # a surrogate pair, as JSON spells characters beyond the BMP
        units = ch.encode("utf-16-be")
        return "".join(f"\\u{int.from_bytes(units[i:i + 2], 'big'):04x}" for i in (0, 2))
    return f"\\u{ord(ch):04x}"


def alignment_to_json_text(alignment: Alignment) -> str:
    """The JSON report as text: UTF-8-safe, with nothing in it a terminal would obey, one trailing
    newline. `json.loads` of it equals `alignment_to_json(alignment)`."""
    text = json.dumps(alignment_to_json(alignment), ensure_ascii=False, indent=1)
    return _JSON_UNSAFE.sub(_json_escape, text) + "\n"


# --- Markdown ---------------------------------------------------------------------------------

# Escaped everywhere: characters that open inline or block constructs anywhere in a line
# (CommonMark lets any ASCII punctuation be escaped with a backslash). '&' would start an entity,
# '|' a table cell, '~' a strikethrough, '#' a heading's closing marks. Parentheses and '!' are
# left as written: with '[' escaped they can open neither a link nor an image. So is '_' between
# two letters or digits ("3_L", "snake_case"), which CommonMark never reads as emphasis.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*{}\[\]<>#|~&])|(?<![^\W_])_|_(?![^\W_])")
# Escaped at the start of a line only, to keep the raw report readable: a list bullet '-' or '+',
# a setext underline '=', an ordered-list number "2016." or "2016)" (with spaces before them).
_LINE_START_MARK = re.compile(r"^([ \t]*)([-=+])", re.MULTILINE)
_LINE_START_NUMBER = re.compile(r"^([ \t]*\d{1,9})([.)])", re.MULTILINE)


def _escape_special(match: re.Match[str]) -> str:
    return "\\" + (match.group(1) or "_")


def md_escape(text: str, *, inline: bool = False) -> str:
    """Article text as literal Markdown: what a Markdown reader shows is the text itself, with
    control and invisible characters shown as marks (`aligner.text.visible`) and nothing turned
    into a link, an image, HTML, a heading, a list or code.

    Line breaks in the text become hard line breaks, or spaces with `inline=True` (table cells,
    headings, quoted lines). Safe anywhere in a line; at the start of a block the text must not
    begin with four spaces (paragraph text never does: ingest strips it)."""
    from aligner.text import visible

    escaped = _MARKDOWN_SPECIAL.sub(_escape_special, visible(text))
    escaped = _LINE_START_MARK.sub(r"\1\\\2", escaped)
    escaped = _LINE_START_NUMBER.sub(r"\1\\\2", escaped)
    if "\n" not in escaped:
        return escaped
    lines = escaped.split("\n")
    if inline:
        return " ".join(lines)
    # A backslash before a line end is a hard line break (spaces before it would not survive). At
    # the end there is nothing to break before, and a backslash there would show: a plain line end.
    end = ""
    while len(lines) > 1 and not lines[-1].strip(" \t"):
        lines.pop()
        end = "\n"
    return "\\\n".join(line.rstrip(" \t") for line in lines) + end


def alignment_to_markdown(alignment: Alignment) -> str:
    """One section per row, each source's text in turn; matched sentences in bold with the
    labels of the sources that share them; flags numbered and quoted, with their explanation and
    where both passages are, under each row that holds one of them; and the passages one source
    copies from another named under the copy's row."""
    labels = {s.id: s.label for s in alignment.sources}
    matched: dict[tuple[str, int], dict[tuple[int, int], set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in alignment.matches:
        matched[m.a.key][(m.a.start, m.a.end)].add(labels[m.b.source])
        matched[m.b.key][(m.b.start, m.b.end)].add(labels[m.a.source])
    # Each flag is quoted, numbered, under every row one of its passages sits in: the reader of
    # either row sees it, and where the other passage is.
    flags_by_group: dict[int, list[tuple[int, Flag]]] = defaultdict(list)
    group_of = {key: g.id for g in alignment.groups for key in g.members}
    for n, f in enumerate(alignment.flags, 1):
        rows = [r for r in dict.fromkeys((group_of.get(f.a.key), group_of.get(f.b.key))) if r is not None]
        for r in rows or [-1]:
            flags_by_group[r].append((n, f))
    copies_by_group: dict[int, list[Reuse]] = defaultdict(list)
    for r in alignment.reuse:
        copies_by_group[group_of.get(r.copy.key, group_of.get(r.original.key, -1))].append(r)

    out: list[str] = []
    title = alignment.title
    if len(alignment.stories) > 1:  # one story's headline would misname the others
        out.append(f"# Synoptic: {len(alignment.stories)} stories")
    else:
        out.append(f"# Synoptic: {md_escape(title, inline=True)}" if title else "# Synoptic alignment")
    out.append("")
    out.append(
        f"{count(len(alignment.sources), 'source')}, {count(len(alignment.groups), 'row')}, "
        f"{count(len(alignment.matches), 'matched sentence pair')}, {count(len(alignment.flags), 'flag')}"
        + (f", {count(len(alignment.reuse), 'copied passage')}." if alignment.reuse else ".")
    )
    out.append("")
    out.append("| # | Label | Outlet | Date | Title | URL |")
    out.append("|---|---|---|---|---|---|")
    for k, s in enumerate(alignment.sources, 1):
        out.append(
            f"| {k} | {md_escape(s.label, inline=True)} | {md_escape(s.outlet or '', inline=True)} | "
            f"{s.published.isoformat() if s.published else ''} | {md_escape(s.title or '', inline=True)} | "
            f"{md_escape(s.url or '', inline=True)} |"
        )
    for problem in alignment.problems:
        out.append("")
        out.append(f"> {'Skipped' if problem.skipped else 'Note'}: {md_escape(problem.path, inline=True)}: {md_escape(problem.reason, inline=True)}")
    if alignment.stories:
        out.append("")
        out.append(f"> These articles tell {len(alignment.stories)} stories, aligned apart:  ")
        for k, ids in enumerate(alignment.stories, 1):
            out.append(f"> story {k}: {', '.join(md_escape(labels[sid], inline=True) for sid in ids)}.  ")
    tellers_of: dict[int, list[Source]] = defaultdict(list)  # each story's sources
    for s in alignment.sources:
        tellers_of[alignment.story_of(s.id)].append(s)
    for g in alignment.groups:
        present = {key[0] for key in g.members}
        story = alignment.story_of(g.members[0][0]) if g.members else 0
        tellers = tellers_of[story]
        missing = [s.label for s in tellers if s.id not in present]
        out.append("")
        out.append(f"## Row {g.id + 1}: {md_escape(g.label, inline=True)}")
        out.append("")
        out.append(
            f"Covered by {len(present)} of {len(tellers)}"
            + (f" (story {story + 1})" if alignment.stories else "")
            + (f"; not covered by {', '.join(md_escape(m, inline=True) for m in missing)}." if missing else ".")
        )
        for key in g.members:
            p = alignment.paragraph(key)
            out.append("")
            out.append(f"**{md_escape(labels[p.source], inline=True)}** (paragraph {p.index + 1}, line {p.line}, {p.role})")
            out.append("")
            out.append(_paragraph_markdown(p.text, matched.get(key, {})))
        for n, f in flags_by_group.get(g.id, []):
            out += ["", _flag_markdown(n, f, alignment, labels, group_of)]
        for r in copies_by_group.get(g.id, []):
            out += ["", _copy_markdown(r, alignment, labels)]
    if flags_by_group.get(-1):  # none from the pipeline (flags are between story paragraphs)
        out += ["", "## Flags outside the rows"]
        for n, f in flags_by_group[-1]:
            out += ["", _flag_markdown(n, f, alignment, labels, group_of)]
    if copies_by_group.get(-1):  # likewise
        out += ["", "## Copied passages outside the rows"]
        for r in copies_by_group[-1]:
            out += ["", _copy_markdown(r, alignment, labels)]
    out.append("")
    return "\n".join(out)


#: A copied passage is quoted up to this many characters in the Markdown report (the row above
#: shows it whole).
COPY_QUOTE = 160


def _copy_markdown(r: Reuse, alignment: Alignment, labels: dict[str, str]) -> str:
    text = alignment.span_text(r.copy)
    if len(text) > COPY_QUOTE:
        text = text[: COPY_QUOTE - 1].rstrip() + "\u2026"
    original = alignment.paragraph(r.original.key)
    return (
        f"> **Copied** ({r.score:.2f}): {md_escape(labels[r.copy.source], inline=True)} repeats, word for word or "
        f"nearly, {md_escape(labels[r.original.source], inline=True)}'s paragraph {original.index + 1}:  \n"
        f"> \u201c{md_escape(text, inline=True)}\u201d"
    )


def _flag_markdown(
    n: int, f: Flag, alignment: Alignment, labels: dict[str, str], group_of: dict[tuple[str, int], int]
) -> str:
    def passage(span: Span) -> str:
        p = alignment.paragraph(span.key)
        row = group_of.get(span.key)
        where = f"paragraph {p.index + 1}" + (f", row {row + 1}" if row is not None else "")
        return (
            f"> {md_escape(labels[span.source], inline=True)} ({where}): "
            f"\u201c{md_escape(alignment.span_text(span), inline=True)}\u201d"
        )

    return f"> **Flag {n} ({f.kind})**: {md_escape(f.explanation, inline=True)}  \n{passage(f.a)}  \n{passage(f.b)}"


def _paragraph_markdown(text: str, marks: dict[tuple[int, int], set[str]]) -> str:
    pieces: list[str] = []
    cursor = 0
    for (start, end), others in sorted(marks.items()):
        if start < cursor:
            continue
        pieces.append(md_escape(text[cursor:start]))
        pieces.append(f"**{md_escape(text[start:end])}** _(also in {', '.join(sorted(md_escape(o, inline=True) for o in others))})_")
        cursor = end
    pieces.append(md_escape(text[cursor:]))
    return "".join(pieces)


def count(n: int, one: str, many: str | None = None) -> str:
    """"1 flag", "5 flags", "2 matches" (`many` when the plural is not `one` + "s")."""
    return f"{n} {one if n == 1 else many or one + 's'}"
