"""The reading room (first version): the alignment report, read in the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, LoadingIndicator, MarkdownViewer

from aligner import Alignment, align
from aligner.report import alignment_to_markdown


class SynopticApp(App[int]):
    TITLE = "Synoptic"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, paths: Sequence[str], labels: Sequence[str] = ()) -> None:
        super().__init__()
        self.paths = list(paths)
        self.labels = list(labels)

    def compose(self) -> ComposeResult:
        yield Header()
        yield LoadingIndicator()
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        alignment = align(self.paths, self.labels)
        self.call_from_thread(self.show, alignment)

    async def show(self, alignment: Alignment) -> None:
        await self.query_one(LoadingIndicator).remove()
        await self.mount(MarkdownViewer(alignment_to_markdown(alignment), show_table_of_contents=False), before=self.query_one(Footer))


def make_app(paths: Sequence[str], labels: Sequence[str] = ()) -> SynopticApp:
    return SynopticApp(paths, labels)


def run_app(paths: Sequence[str], labels: Sequence[str] = ()) -> int:
    make_app(paths, labels).run()
    return 0
