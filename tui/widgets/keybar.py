"""The reader's footer: its main keys, and the command palette's, on one line."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

from tui.cells import component_style
from tui.keys import FOOTER, KEYS, main_key

PALETTE = ("^p", " palette ", "app.command_palette")


class KeyBar(Widget):
    """The keys of `tui.keys.FOOTER`, drawn as one line of content; a click on one runs it.

    Textual's Footer builds a widget per key and rebuilds them whenever the bindings may have
    changed, which cost about 0.1 s of the reader's first screen; these keys never change."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--rule"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        by_id = {k.id: k for k in KEYS}
        self._items = [(main_key(by_id[name]), by_id[name].description, f"screen.{by_id[name].action}") for name in FOOTER]
        self._spans: list[tuple[int, int, str]] = []  # (first cell, end cell, action) as last drawn

    def render(self) -> Content:
        key = component_style(self, "keybar--key")
        description = component_style(self, "keybar--description")
        width = self.size.width
        palette = Content.assemble(("▏", component_style(self, "keybar--rule")), (PALETTE[0], key), (PALETTE[1], description))
        room = width - palette.cell_length if width > palette.cell_length else width
        parts: list[Content] = []
        spans: list[tuple[int, int, str]] = []
        x = 0
        for shown_key, text, action in self._items:
            item = Content.assemble((f" {shown_key} ", key), (f"{text} ", description))
            if x + item.cell_length > room:
                break  # a key shown whole or not at all ("v Fil" said nothing)
            spans.append((x, x + item.cell_length, action))
            parts.append(item)
            x += item.cell_length
        line = Content("").join(parts).truncate(room, pad=True)
        if room < width:
            spans.append((room, width, PALETTE[2]))
            line += palette
        self._spans = [s for s in spans if s[0] < s[1]]
        return line

    async def on_click(self, event: events.Click) -> None:
        for start, end, action in self._spans:
            if start <= event.x < end:
                event.stop()
                await self.run_action(action)
                return
