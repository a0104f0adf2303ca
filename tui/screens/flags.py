"""The flag list (`f`): every flag, ranked by score, filterable by kind; Enter jumps to it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static, Tab, Tabs
from textual.widgets.option_list import Option

from tui.cells import FLAG_GLYPH
from tui.reading import Index
from tui.safe import plain, shown
from tui.screens.once import AnswerOnce
from tui.widgets.choices import Choices
from tui.widgets.detail import where

if TYPE_CHECKING:
    from aligner.model import Alignment, Flag

ALL = "all"
#: Quoted spans longer than this are cut in the list (the detail panel shows them whole).
CLIP = 100


def _clip(text: str) -> str:
    return text if len(text) <= CLIP else text[: CLIP - 1].rstrip() + "…"


def by_score(flags: Sequence[Flag], kind: str = ALL) -> list[int]:
    """Positions of the flags of `kind` (all by default), the most certain first."""
    chosen = [i for i, f in enumerate(flags) if kind == ALL or f.kind == kind]
    return sorted(chosen, key=lambda i: -flags[i].score)


def passages(alignment: Alignment, f: Flag) -> tuple[str, str]:
    """The two flagged passages, terminal-safe and clipped to a line."""
    return _clip(shown(alignment.span_text(f.a))), _clip(shown(alignment.span_text(f.b)))


def flag_prompt(index: Index, i: int) -> Content:
    f = index.alignment.flags[i]
    a = index.unit_at(f.a.source, f.a.paragraph, f.a.start)
    b = index.unit_at(f.b.source, f.b.paragraph, f.b.start)
    places = f"{where(index, a) if a else shown(f.a.source)}  ↔  {where(index, b) if b else shown(f.b.source)}"
    first = Content.assemble((f"{FLAG_GLYPH} ", "bold"), plain(f.kind, "bold"), (f"  {f.score:.2f}  ", "dim"), plain(places))
    text_a, text_b = passages(index.alignment, f)
    second = Content.assemble("  ", plain(f.explanation, "italic"))
    third = Content.assemble(("  «", "dim"), plain(text_a), ("» vs «", "dim"), plain(text_b), ("»", "dim"))
    return Content("\n").join([first, second, third])


class FlagListScreen(AnswerOnce[int | None]):
    CSS_PATH = "flags.tcss"
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="flags-close"),
        Binding("left,h", "kind(-1)", "Kind ←", id="flags-kind-prev"),
        Binding("right,l,tab", "kind(1)", "Kind →", id="flags-kind-next"),
    ]

    def __init__(self, index: Index) -> None:
        """The list opens on all kinds, strongest first: it is the overview an analyst opens it
        for (opening it on the cursor's kind hid the other flags and scrolled the "all" tab out
        of sight). A kind is one → away."""
        super().__init__()
        self.index = index
        flags = index.alignment.flags
        self.kinds = [ALL] + sorted({f.kind for f in flags})
        self.kind = ALL

    def compose(self) -> ComposeResult:
        flags = self.index.alignment.flags
        with Vertical(id="flags-box"):
            yield Static(Content.assemble((f"{FLAG_GLYPH} Flags", "bold"),
                                          (" — differences to check, strongest first · ←/→ kind · Enter jump · Esc close", "dim")),
                         markup=False, id="flags-title")
            tabs = []
            for k in self.kinds:
                count = len(flags) if k == ALL else sum(1 for f in flags if f.kind == k)
                tabs.append(Tab(plain(f"{k} ({count})"), id=f"kind-{self.kinds.index(k)}"))
            yield Tabs(*tabs, active=f"kind-{self.kinds.index(self.kind)}", id="flags-kinds")
            yield Choices(id="flags-list")

    def on_mount(self) -> None:
        self.fill()
        self.query_one(OptionList).focus()

    def fill(self) -> None:
        flags = self.index.alignment.flags
        chosen = by_score(flags, self.kind)
        options = self.query_one(OptionList)
        options.clear_options()
        items: list[Option | None] = []
        for n, i in enumerate(chosen):
            if n:
                items.append(None)  # a rule between flags
            items.append(Option(flag_prompt(self.index, i), id=str(i)))
        options.add_options(items)
        if chosen:
            options.highlighted = 0

    @on(Tabs.TabActivated)
    def _kind(self, event: Tabs.TabActivated) -> None:
        tab_id = event.tab.id or "kind-0"
        self.kind = self.kinds[int(tab_id.removeprefix("kind-"))]
        self.fill()
        self.query_one(OptionList).focus()

    def action_kind(self, delta: int) -> None:
        i = (self.kinds.index(self.kind) + delta) % len(self.kinds)
        self.query_one(Tabs).active = f"kind-{i}"

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.answer(int(event.option.id or 0))

    def action_close(self) -> None:
        self.answer(None)
