"""The detail panel: the current flag, reused passage or match of the sentence under the cursor,
with both passages side by side, their word-level difference, the kind and the explanation."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.cells import FLAG_GLYPH, MATCH_GLYPH, REUSE_GLYPH
from tui.reading import TOP, Counterpart, Index, Unit
from tui.safe import plain, shown

if TYPE_CHECKING:
    from aligner.model import Flag, Reuse  # the aligner loads lazily (numpy, scipy)


#: Word changes listed under the passages (all of them are marked in the passages).
MAX_CHANGES = 8
#: Below this share of words in common, a word diff marks nearly everything and says nothing.
SIMILAR_ENOUGH = 0.4
#: The panel's top rule: how to read it whole from the keyboard (see tui.keys, "detail-down").
TITLE = "J K scroll · d Esc close"


class Side(NamedTuple):
    """One side of the comparison: the passage holding `span`, with `mark` standing out."""

    unit: Unit
    span: tuple[int, int]
    mark: tuple[int, int]
    note: str = ""  # after the place in the side's title ("the copy")


def passage(index: Index, unit: Unit, span: tuple[int, int]) -> tuple[str, int]:
    """The whole sentences that hold `span`, and the offset of the passage in its paragraph."""
    p = index.alignment.paragraph(unit.key)
    first = index.unit_at(unit.source, unit.paragraph, span[0]) or unit
    last = index.unit_at(unit.source, unit.paragraph, max(span[0], span[1] - 1)) or unit
    start, end = min(first.start, span[0]), max(last.end, span[1])
    return p.text[start:end], start


def where(index: Index, unit: Unit, *, label: str | None = None, unless_row: int | None = None) -> str:
    """"NYT ¶12 · row 4": a sentence's source (`label`, else the source's own), paragraph and
    row; the row is left out when it is `unless_row` (the reader's own row)."""
    row = index.row_of_unit(unit)
    place = f"{label or index.label(unit.source)} ¶{unit.paragraph + 1}"
    if row == unless_row:
        return place
    return f"{place} · {'headline row' if row == TOP else f'row {row + 1}'}"


def describe(index: Index, item: Counterpart) -> tuple[Content, Content, Content, Content]:
    """(heading, left side, right side, changes) for one counterpart."""
    reuse = credited_copy(index, item)
    sides = _attribution(index, item, reuse) if reuse is not None else None
    if sides is None:
        sides = compare(index, Side(item.here, item.here_span, item.here_span),
                        Side(item.there, item.there_span, item.there_span))
    return (_heading(index, item), *sides)


def _heading(index: Index, item: Counterpart) -> Content:
    alignment = index.alignment
    if item.kind == "flag":
        flag = alignment.flags[item.index]
        return Content.assemble(
            (f"{FLAG_GLYPH} {flag.kind} ", "bold reverse"),
            (f" score {flag.score:.2f}  ", "dim"),
            plain(flag.explanation, "bold"),
        )
    if item.kind == "reuse":
        reuse = alignment.reuse[item.index]
        return Content.assemble(
            (f"{REUSE_GLYPH} copied passage ", "bold reverse"),
            (f" score {reuse.score:.2f}  ", "dim"),
            plain(f"this text repeats {index.label(item.there.source)}'s (left: the copy, right: the original)"),
        )
    match = alignment.matches[item.index]
    return Content.assemble(
        (f"{MATCH_GLYPH} {match.kind} match ", "bold reverse"),
        (f" score {match.score:.2f}  ", "dim"),
        (match_meaning(match.score), ""),
    )


def match_meaning(score: float) -> str:
    """What a match's score says, in the scale of aligner.sentence_similarity: above 0.6 a
    paraphrase, 0.3-0.6 a fact shared inside different sentences, lower a pair to check."""
    if score >= 0.6:
        return "the same fact in both sources"
    if score >= 0.3:
        return "a fact both sentences state, among others"
    return "a weak match: check that both state the same fact"


def credited_copy(index: Index, item: Counterpart) -> Reuse | None:
    """The copied passage an attribution flag is about. The flag pairs the credit ("Reuters
    explains:", often a lead-in of its own) with the original; the copy that the credit wrongly
    attributes is the reuse of that original in the crediting source, the nearest after it."""
    if item.kind != "flag":
        return None
    flag = index.alignment.flags[item.index]
    if flag.kind != "attribution":
        return None
    copies = [r for r in index.alignment.reuse if r.original == flag.b and r.copy.source == flag.a.source]
    after = [r for r in copies if (r.copy.paragraph, r.copy.start) >= (flag.a.paragraph, flag.a.start)
             or r.copy.key == flag.a.key]
    return min(after or copies, key=lambda r: (r.copy.paragraph, r.copy.start), default=None)


def _attribution(index: Index, item: Counterpart, reuse: Reuse) -> tuple[Content, Content, Content] | None:
    """The copy (under its credit) against the original, with the word diff of the two; None
    when either passage is not a sentence the reader shows."""
    flag = index.alignment.flags[item.index]
    copy_unit = index.unit_at(reuse.copy.source, reuse.copy.paragraph, reuse.copy.start)
    original_unit = index.unit_at(reuse.original.source, reuse.original.paragraph, reuse.original.start)
    if copy_unit is None or original_unit is None:
        return None
    inline = flag.a.key == reuse.copy.key  # "…, according to Reuters" inside the copied passage
    copy_span = (reuse.copy.start, reuse.copy.end)
    copy = Side(copy_unit, copy_span, (flag.a.start, flag.a.end) if inline else copy_span, "the copy")
    original = Side(original_unit, (reuse.original.start, reuse.original.end),
                    (reuse.original.start, reuse.original.end), "the original")
    credit_here = item.here.source == flag.a.source
    left, right, changes = compare(index, *((copy, original) if credit_here else (original, copy)))
    if not inline:
        credit = _credit(index, flag)
        if credit_here:
            left = Content("\n").join([credit, left])
        else:
            right = Content("\n").join([credit, right])
    return left, right, changes


def _credit(index: Index, flag: Flag) -> Content:
    """The credit line (a lead-in of its own), its outlet's name marked."""
    unit = index.unit_at(flag.a.source, flag.a.paragraph, flag.a.start)
    span = (flag.a.start, flag.a.end)
    if unit is None:
        return plain(index.alignment.span_text(flag.a))
    text, offset = passage(index, unit, span)
    return _side(index, Side(unit, span, span, "the credit"), text, offset, [])


def words_in_common(a_text: str, b_text: str, ops=None) -> int:
    """Words the two passages share in order. A word diff's alignment depends on which side it
    starts from, so the count is the better of the two directions: the panel gives one figure
    from either passage of a flag. `ops`: word_diff(a_text, b_text), when already computed."""
    from aligner.diff import word_diff

    def equal(ops, text: str) -> int:
        return sum(len(text[o.a_start : o.a_end].split()) for o in ops if o.tag == "equal")

    forward = ops if ops is not None else word_diff(a_text, b_text)
    return max(equal(forward, a_text), equal(word_diff(b_text, a_text), b_text))


def compare(index: Index, here: Side, there: Side) -> tuple[Content, Content, Content]:
    """(left side, right side, changes): both passages, the words that differ marked in each."""
    from aligner.diff import word_diff

    a_text, a_offset = passage(index, here.unit, here.span)
    b_text, b_offset = passage(index, there.unit, there.span)
    ops = word_diff(a_text, b_text)
    same = words_in_common(a_text, b_text, ops)
    words = max(len(a_text.split()), len(b_text.split()), 1)
    close = same / words >= SIMILAR_ENOUGH
    changed = [o for o in ops if o.tag != "equal"] if close else []
    a = _side(index, here, a_text, a_offset, [(o.a_start, o.a_end) for o in changed])
    b = _side(index, there, b_text, b_offset, [(o.b_start, o.b_end) for o in changed])
    changes = word_changes(a_text, b_text, changed)
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
    return a, b, changes_line


def word_changes(a_text: str, b_text: str, changed: list) -> list[Content]:
    """«old» → «new» for each change; words that one side has here and the other at another
    change moved rather than changed: «the Russian government» ⇄ «Trump campaign officials»
    (order changed), as when a paraphrase swaps subject and object."""
    lefts = [_content_words(a_text[o.a_start : o.a_end]) for o in changed]
    rights = [_content_words(b_text[o.b_start : o.b_end]) for o in changed]
    out: list[Content] = []
    for k, o in enumerate(changed):
        left = shown(a_text[o.a_start : o.a_end]) or "∅"
        right = shown(b_text[o.b_start : o.b_end]) or "∅"
        moved = _elsewhere(lefts[k], rights, k) and _elsewhere(rights[k], lefts, k)
        arrow, note = ("» ⇄ «", " (order changed)") if moved else ("» → «", "")
        out.append(Content.assemble(("«", "dim"), (left, "bold"), (arrow, "dim"), (right, "bold"), ("»" + note, "dim")))
    return out


def _content_words(text: str) -> frozenset[str]:
    from aligner.similarity import STOPWORDS
    from aligner.text import words

    return frozenset(w for w in words(text) if w not in STOPWORDS)


def _elsewhere(these: frozenset[str], others: list[frozenset[str]], k: int) -> bool:
    """Whether these words are, or hold, the words of another change on the other side."""
    return bool(these) and any(o and (o <= these or these <= o) for j, o in enumerate(others) if j != k)


def _side(index: Index, side: Side, text: str, offset: int, changed: list[tuple[int, int]]) -> Content:
    place = where(index, side.unit) + (f" · {side.note}" if side.note else "")
    title = plain(place, "bold underline")
    body = plain(text)
    for cs, ce in changed:
        if ce > cs:
            body = body.stylize("bold underline", cs, ce)
    s, e = side.mark[0] - offset, side.mark[1] - offset
    if 0 <= s < e <= len(text) and (s, e) != (0, len(text)):
        # the span itself (a flag's differing words) stands out most
        body = body.stylize("reverse", s, e)
    return Content("\n").join([title, body])


class DetailPanel(VerticalScroll, can_focus=False):
    """Docked under the synopsis; shows one counterpart at a time (x: the next one). It never
    takes the focus, so the cursor keys keep moving the cursor: J / K scroll it (`page`)."""

    def compose(self) -> ComposeResult:
        yield Static(id="detail-head", markup=False)
        yield Static(id="detail-changes", markup=False)
        with Horizontal(id="detail-sides"):
            yield Static(id="detail-a", markup=False)
            yield Static(id="detail-b", markup=False)

    #: What the panel shows: (the item, how many items there are), or None when empty. The same
    #: item again (a resize, a redraw) keeps the reader's J / K place.
    _shown: tuple[Counterpart, int] | None = None

    def on_mount(self) -> None:
        self.border_title = TITLE

    def on_hide(self) -> None:
        self._shown = None  # opened again, the panel starts at its top

    def page(self, delta: int) -> None:
        """Scroll a page down (1) or up (-1), one line kept for context: at 80x24 the panel
        shows a few lines of passages that run to a dozen or more."""
        step = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=self.scroll_y + delta * step, animate=False)

    def show_items(self, index: Index, items: list[Counterpart], choice: int, *, sentence: bool = True) -> None:
        """Show item `choice` of `items`; `sentence` is False on a cell the source does not cover."""
        head = self.query_one("#detail-head", Static)
        a = self.query_one("#detail-a", Static)
        b = self.query_one("#detail-b", Static)
        changes = self.query_one("#detail-changes", Static)
        if not items:
            self._shown = None
            head.update(_nothing(sentence))
            a.update(Content(""))
            b.update(Content(""))
            changes.update(Content(""))
            self.set_class(True, "-empty")
            return
        self.set_class(False, "-empty")
        choice %= len(items)
        if self._shown == (items[choice], len(items)):
            return
        self._shown = (items[choice], len(items))
        heading, left, right, diff = describe(index, items[choice])
        if len(items) > 1:
            heading = heading + Content.assemble((f"   {choice + 1} of {len(items)} · x next", "dim"))
        head.update(heading)
        a.update(left)
        b.update(right)
        changes.update(diff)
        self.scroll_home(animate=False)


def _nothing(sentence: bool) -> Content:
    """Why the panel is empty: a sentence with nothing to compare, or no sentence at all."""
    if not sentence:
        return Content("Nothing to compare here: no sentence (this source does not cover this row). "
                       "h / l go to another column, m / ] to the next match / flag.")
    return Content("Nothing to compare here: this sentence has no match, flag or copied passage. "
                   "m / ] go to the next match / flag.")
