"""The help screen (`?`): every key from `tui.keys`, grouped, and the legend of marks."""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.keys import GROUPS, KEYS, LEGEND, SOURCE_KEYS, key_display
from tui.screens.once import AnswerOnce


def help_content(width: int = 10_000) -> Content:
    """The help text for a body `width` cells wide: keys in a column as wide as the widest,
    each description wrapped under itself (a hanging indent), not under the keys."""
    entries: list[tuple[str, list[tuple[str, str]]]] = []
    for group in GROUPS:
        rows: list[tuple[str, str]] = []
        seen_sources = False
        for key in KEYS:
            if key.group != group:
                continue
            if key.id.startswith("source-") and key.id[7:].isdigit():
                if not seen_sources:
                    seen_sources = True
                    rows.append((f"1–{SOURCE_KEYS}", "Show or hide source 1…9 (by its number in the column header)"))
                continue
            rows.append((key_display(key), key.help))
        entries.append((group, rows))
    entries.append(("Marks", list(LEGEND)))
    keys = max(len(k) for _, rows in entries for k, _ in rows) + 2
    text_width = max(width - 2 - keys, 20)

    lines: list[Content] = [Content.assemble(("Synoptic — keys", "bold underline")), Content("")]
    for group, rows in entries:
        lines.append(Content.assemble((group, "bold")))
        for key_text, meaning in rows:
            wrapped = textwrap.wrap(meaning, text_width) or [""]
            lines.append(Content.assemble((f"  {key_text:<{keys}}", "bold"), wrapped[0]))
            lines.extend(Content(" " * (2 + keys) + more) for more in wrapped[1:])
        lines.append(Content(""))
    for closing in (
        ("Ctrl+P", " opens the command palette: every key above, each source and each flag."),
        ("Esc / q / ?", " closes this screen; j and k scroll it, Space and PgUp page through it, g and G go to its top and end."),
    ):
        wrapped = textwrap.wrap(closing[0] + closing[1], max(width, 20))
        lines.append(Content.assemble((closing[0], "bold"), wrapped[0][len(closing[0]) :]))
        lines.extend(Content(more) for more in wrapped[1:])
    return Content("\n").join(lines)


class HelpScreen(AnswerOnce[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close help", id="help-close"),
        Binding("j,down", "scroll(1)", "Down", id="help-down", show=False),
        Binding("k,up", "scroll(-1)", "Up", id="help-up", show=False),
        Binding("space,pagedown,ctrl+f", "page(1)", "Page down", id="help-page-down", show=False),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", id="help-page-up", show=False),
        Binding("g,home", "end(0)", "Top", id="help-top", show=False),
        Binding("G,end", "end(1)", "Bottom", id="help-bottom", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(help_content(), markup=False, id="help-text")

    def on_resize(self) -> None:
        # wrapped to the body's width here, so a description continues under itself
        body = self.query_one("#help-body", VerticalScroll)
        self.query_one("#help-text", Static).update(help_content(body.scrollable_content_region.width))

    def action_close(self) -> None:
        self.answer(None)

    def action_scroll(self, delta: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(y=delta, animate=False)

    def action_end(self, bottom: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        (body.scroll_end if bottom else body.scroll_home)(animate=False)

    def action_page(self, delta: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        (body.scroll_page_down if delta > 0 else body.scroll_page_up)(animate=False)
