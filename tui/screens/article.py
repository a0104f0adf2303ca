"""One article in its own order (`o`): each paragraph with the row it sits on in the synopsis.
Rows gather a sub-topic, which can take a paragraph out of its article's order; this view puts it
back. Enter jumps to the paragraph's row."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.style import Style
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from aligner.model import FURNITURE_ROLES
from tui.cells import Palette, paragraph_text
from tui.reading import TOP, Index, Unit, source_line
from tui.safe import plain
from tui.screens.once import AnswerOnce
from tui.widgets.choices import Choices

#: Marks in this list use text styles only (the glyphs carry the meaning).
_PALETTE = Palette(
    base=Style(),
    number=Style(bold=True),
    headline=Style(bold=True),
    furniture=Style(dim=True, italic=True),
    lead_in=Style(italic=True),
    match=Style(underline=True),
    match_glyph=Style(bold=True),
    flag=Style(bold=True, underline=True),
    flag_glyph=Style(bold=True, reverse=True),
    reuse=Style(italic=True),
    reuse_glyph=Style(bold=True),
)


class ArticleScreen(AnswerOnce[Unit | None]):
    CSS_PATH = "article.tcss"
    BINDINGS = [
        Binding("escape,q,o", "close", "Back", id="article-close"),
    ]

    def __init__(self, index: Index, source: str, unit: Unit | None) -> None:
        super().__init__()
        self.index = index
        self.source = source
        self.unit = unit

    def compose(self) -> ComposeResult:
        with Vertical(id="article-box"):
            yield Static(Content.assemble(("Article order: ", "bold"), plain(source_line(self.index, self.source), "bold"),
                                          ("  · Enter: go to the row · Esc: back", "dim")),
                         markup=False, id="article-title")
            yield Choices(*self._options(), id="article-list")

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = []
        for p in self.index.paragraphs_of[self.source]:
            if options:
                options.append(None)  # a rule between paragraphs
            row = self.index.row_of.get(p.key, TOP)
            place = ("headline row" if p.role == "headline" else f"furniture ({p.role})") if row == TOP else f"row {row + 1}"
            heading = Content.assemble((f"¶{p.index + 1}", "bold"), (" → ", "dim"), (place, "bold" if row != TOP else "dim"))
            text = paragraph_text(self.index, p, _PALETTE)
            body = Content(text.text[text.prefix :], [
                type(sp)(sp.start - text.prefix, sp.end - text.prefix, sp.style)
                for sp in text.spans if sp.end > text.prefix and sp.start >= text.prefix
            ], strip_control_codes=False)
            if p.role in FURNITURE_ROLES:
                body = body.stylize("dim")
            options.append(Option(Content("\n").join([heading, body]), id=f"p{p.index}"))
        return options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        unit = self.unit
        if unit is not None and any(p.index == unit.paragraph for p in self.index.paragraphs_of[self.source]):
            options.highlighted = options.get_option_index(f"p{unit.paragraph}")
            options.scroll_to_highlight(top=True)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        paragraph = int((event.option.id or "p0")[1:])
        if self.unit is not None and self.unit.paragraph == paragraph:
            self.answer(self.unit)
            return
        units = self.index.units.get((self.source, paragraph), ())
        self.answer(units[0] if units else None)

    def action_close(self) -> None:
        self.answer(None)
