"""The source list (`s`): choose which sources are shown and pin the reference column.
Inputs that could not be opened are listed under it, with the reason."""

from __future__ import annotations

from rich.segment import Segment
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.strip import Strip
from textual.widgets import SelectionList, Static
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from tui.reading import Index, source_line
from tui.safe import plain
from tui.screens.once import AnswerOnce
from tui.widgets.choices import VI_KEYS


#: The mark in a source's button. Textual's SelectionList draws an X whatever the state and tells
#: shown from hidden by colour alone; marks here are never colour alone (also under NO_COLOR).
SHOWN_MARK = "✓"
HIDDEN_MARK = " "


class SourceList(SelectionList[str]):
    """The sources, each with a button that reads without colour: ✓ shown, blank hidden."""

    BINDINGS = VI_KEYS

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        try:  # the option on this line, found as SelectionList.render_line finds it
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if len(segments) < 3:  # not a button line (SelectionList draws ▐X▌ first, X second)
            return strip
        mark = SHOWN_MARK if option.value in self.selected else HIDDEN_MARK
        segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)


class SourcesScreen(AnswerOnce[tuple[list[str], str | None] | None]):
    CSS_PATH = "sources.tcss"
    BINDINGS = [
        Binding("escape,q,s", "apply", "Apply and close", id="sources-apply"),
        Binding("p", "pin", "Pin highlighted", id="sources-pin"),
        Binding("a", "all", "Show all", id="sources-all-toggle"),
    ]

    def __init__(self, index: Index, shown: list[str], pinned: str | None, problems=()) -> None:
        super().__init__()
        self.index = index
        self.shown = list(shown)
        self.pinned = pinned
        self.problems = tuple(problems)

    def _prompt(self, sid: str) -> Content:
        index = self.index
        number = index.position[sid] + 1
        pin = "◆ " if sid == self.pinned else "  "
        title = index.by_id[sid].title or ""
        story = f"story {index.story_of(sid) + 1} · " if len(index.alignment.stories) > 1 else ""
        return Content.assemble(
            (f"{pin}{number:>2} ", "bold"),
            plain(source_line(index, sid), "bold"),
            (f"  {story}{index.coverage[sid]}/{index.group_count} rows  ", "dim"),
            plain(title, "italic"),
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="sources-box"):
            yield Static(Content.assemble(("Sources", "bold"),
                                          (" — Space: show/hide · p: pin as reference · a: all · Esc: apply", "dim")),
                         markup=False, id="sources-title")
            yield SourceList(
                *(Selection(self._prompt(sid), sid, sid in self.shown) for sid in self.index.source_ids),
                id="sources-list",
            )
            if self.problems:
                lines = [Content.assemble(("Not opened:", "bold"))]
                for p in self.problems:
                    lines.append(plain(f"{'skipped' if p.skipped else 'note'}: {p.path}: {p.reason}"))
                yield Static(Content("\n").join(lines), markup=False, id="sources-problems")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def _refresh_prompts(self) -> None:
        selection = self.query_one(SelectionList)
        highlighted = selection.highlighted
        chosen = list(selection.selected)
        selection.clear_options()
        selection.add_options([Selection(self._prompt(sid), sid, sid in chosen) for sid in self.index.source_ids])
        selection.highlighted = highlighted

    def action_pin(self) -> None:
        selection = self.query_one(SelectionList)
        if selection.highlighted is None:
            return
        sid = self.index.source_ids[selection.highlighted]
        self.pinned = None if self.pinned == sid else sid
        if self.pinned and self.pinned not in selection.selected:
            selection.select(self.pinned)
        self._refresh_prompts()

    def action_all(self) -> None:
        self.query_one(SelectionList).select_all()

    @on(SelectionList.SelectedChanged)
    def _changed(self) -> None:
        selection = self.query_one(SelectionList)
        if self.pinned and self.pinned not in selection.selected:
            self.pinned = None

    def action_apply(self) -> None:
        chosen = list(self.query_one(SelectionList).selected)
        if not chosen:
            self.notify("At least one source stays shown; nothing changed.", timeout=3)
            self.answer(None)
            return
        self.answer((chosen, self.pinned))
