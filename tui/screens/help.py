"""The help screen (`?`): every key from `tui.keys`, grouped, and the legend of marks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.keys import GROUPS, KEYS, LEGEND, SOURCE_KEYS, key_display
from tui.screens.once import AnswerOnce


def help_content() -> Content:
    lines: list[Content] = [Content.assemble(("Synoptic — keys", "bold underline")), Content("")]
    width = 12
    for group in GROUPS:
        lines.append(Content.assemble((group, "bold")))
        seen_sources = False
        for key in KEYS:
            if key.group != group:
                continue
            if key.id.startswith("source-") and key.id[7:].isdigit():
                if seen_sources:
                    continue
                seen_sources = True
                lines.append(Content.assemble((f"  {'1–' + str(SOURCE_KEYS):<{width}}", "bold"),
                                              "Show or hide source 1…9 (by its number in the column header)"))
                continue
            lines.append(Content.assemble((f"  {key_display(key):<{width}}", "bold"), key.help))
        lines.append(Content(""))
    lines.append(Content.assemble(("Marks", "bold")))
    for glyph, meaning in LEGEND:
        lines.append(Content.assemble((f"  {glyph:<{width}}", "bold"), meaning))
    lines.append(Content(""))
    lines.append(Content.assemble(("Ctrl+P", "bold"), " opens the command palette: every key above, each source and each flag."))
    lines.append(Content.assemble(("Esc / q / ?", "bold"), " closes this screen."))
    return Content("\n").join(lines)


class HelpScreen(AnswerOnce[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close help", id="help-close"),
        Binding("j,down", "scroll(1)", "Down", id="help-down", show=False),
        Binding("k,up", "scroll(-1)", "Up", id="help-up", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(help_content(), markup=False, id="help-text")

    def action_close(self) -> None:
        self.answer(None)

    def action_scroll(self, delta: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(y=delta, animate=False)
