"""The detail panel: the current flag, reused passage or match of the sentence under the cursor,
with both passages side by side, their word-level difference, the kind and the explanation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.cells import FLAG_GLYPH, MATCH_GLYPH, REUSE_GLYPH
from tui.reading import TOP, Counterpart, Index, Unit
from tui.safe import plain, shown


#: Word changes listed under the passages (all of them are marked in the passages).
MAX_CHANGES = 8
#: Below this share of words in common, a word diff marks nearly everything and says nothing.
SIMILAR_ENOUGH = 0.4


def passage(index: Index, unit: Unit, span: tuple[int, int]) -> tuple[str, int]:
    """The whole sentences that hold `span`, and the offset of the passage in its paragraph."""
    p = index.alignment.paragraph(unit.key)
    first = index.unit_at(unit.source, unit.paragraph, span[0]) or unit
    last = index.unit_at(unit.source, unit.paragraph, max(span[0], span[1] - 1)) or unit
    start, end = min(first.start, span[0]), max(last.end, span[1])
    return p.text[start:end], start


def where(index: Index, unit: Unit) -> str:
    row = index.row_of_unit(unit)
    place = "headline row" if row == TOP else f"row {row + 1}"
    return f"{index.label(unit.source)} ¶{unit.paragraph + 1} · {place}"


def describe(index: Index, item: Counterpart) -> tuple[Content, Content, Content, Content]:
    """(heading, left side, right side, changes) for one counterpart."""
    from aligner.diff import word_diff

    alignment = index.alignment
    if item.kind == "flag":
        flag = alignment.flags[item.index]
        heading = Content.assemble(
            (f"{FLAG_GLYPH} {flag.kind} ", "bold reverse"),
            (f" score {flag.score:.2f}  ", "dim"),
            plain(flag.explanation, "bold"),
        )
    elif item.kind == "reuse":
        reuse = alignment.reuse[item.index]
        heading = Content.assemble(
            (f"{REUSE_GLYPH} copied passage ", "bold reverse"),
            (f" score {reuse.score:.2f}  ", "dim"),
            plain(f"this text repeats {index.label(item.there.source)}'s (left: the copy, right: the original)"),
        )
    else:
        match = alignment.matches[item.index]
        heading = Content.assemble(
            (f"{MATCH_GLYPH} {match.kind} match ", "bold reverse"),
            (f" score {match.score:.2f}  ", "dim"),
            ("the same fact in both sources", ""),
        )
    a_text, a_offset = passage(index, item.here, item.here_span)
    b_text, b_offset = passage(index, item.there, item.there_span)
    ops = word_diff(a_text, b_text)
    same = sum(1 for o in ops if o.tag == "equal" for _ in a_text[o.a_start : o.a_end].split())
    words = max(len(a_text.split()), len(b_text.split()), 1)
    close = same / words >= SIMILAR_ENOUGH
    changed = [o for o in ops if o.tag != "equal"] if close else []
    a = _side(index, item.here, a_text, a_offset, item.here_span, [(o.a_start, o.a_end) for o in changed])
    b = _side(index, item.there, b_text, b_offset, item.there_span, [(o.b_start, o.b_end) for o in changed])
    changes: list[Content] = []
    for o in changed:
        left = shown(a_text[o.a_start : o.a_end]) or "∅"
        right = shown(b_text[o.b_start : o.b_end]) or "∅"
        changes.append(Content.assemble(("«", "dim"), (left, "bold"), ("» → «", "dim"), (right, "bold"), ("»", "dim")))
    if not close:
        changes_line = Content.assemble(
            ("Word changes: ", "bold"),
            (f"worded differently throughout ({same} of {words} words in common), so no word diff", "dim"),
        )
    elif changes:
        body = Content("; ").join(changes[:MAX_CHANGES])
        if len(changes) > MAX_CHANGES:
            body = body + Content(f"; … {len(changes) - MAX_CHANGES} more")
        changes_line = Content.assemble(("Word changes: ", "bold"), body)
    else:
        changes_line = Content.assemble(("Word changes: ", "bold"), ("none — the same words", "dim"))
    return heading, a, b, changes_line


def _side(index: Index, unit: Unit, text: str, offset: int, span: tuple[int, int], changed: list[tuple[int, int]]) -> Content:
    title = plain(where(index, unit), "bold underline")
    body = plain(text)
    for cs, ce in changed:
        if ce > cs:
            body = body.stylize("bold underline", cs, ce)
    s, e = span[0] - offset, span[1] - offset
    if 0 <= s < e <= len(text) and (s, e) != (0, len(text)):
        # the span itself (a flag's differing words) stands out most
        body = body.stylize("reverse", s, e)
    return Content("\n").join([title, body])


class DetailPanel(VerticalScroll, can_focus=False):
    """Docked under the synopsis; shows one counterpart at a time (x: the next one)."""

    def compose(self) -> ComposeResult:
        yield Static(id="detail-head", markup=False)
        yield Static(id="detail-changes", markup=False)
        with Horizontal(id="detail-sides"):
            yield Static(id="detail-a", markup=False)
            yield Static(id="detail-b", markup=False)

    def show_items(self, index: Index, items: list[Counterpart], choice: int) -> None:
        head = self.query_one("#detail-head", Static)
        a = self.query_one("#detail-a", Static)
        b = self.query_one("#detail-b", Static)
        changes = self.query_one("#detail-changes", Static)
        if not items:
            head.update(Content("Nothing to compare here: this sentence has no match, flag or copied passage. "
                                "m / ] go to the next match / flag."))
            a.update(Content(""))
            b.update(Content(""))
            changes.update(Content(""))
            self.set_class(True, "-empty")
            return
        self.set_class(False, "-empty")
        choice %= len(items)
        heading, left, right, diff = describe(index, items[choice])
        if len(items) > 1:
            heading = heading + Content.assemble((f"   {choice + 1} of {len(items)} · x next", "dim"))
        head.update(heading)
        a.update(left)
        b.update(right)
        changes.update(diff)
        self.scroll_home(animate=False)
