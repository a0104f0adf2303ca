"""The first screen: the alignment runs in a worker thread while this shows what it is doing."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, ProgressBar, Static

from aligner.report import count

STAGES = {
    "reading": "Reading the articles",
    "indexing": "Indexing sentences",
    "provenance": "Looking for copied passages",
    "grouping": "Grouping paragraphs by sub-topic and matching sentences",
    "flagging": "Looking for differences to check",
    "done": "Laying out the columns",
}


class LoadingScreen(Screen[None]):
    CSS_PATH = "loading.tcss"
    BINDINGS = [Binding("q,escape", "quit", "Quit", id="loading-quit")]

    @dataclass
    class Progress(Message):
        stage: str
        fraction: float

    @dataclass
    class Failed(Message):
        error: str

    def __init__(self, paths: Sequence[str], labels: Sequence[str], *, cache_key: str | None = None) -> None:
        """`cache_key`: where to keep the alignment (`aligner.cache.lookup` found nothing there);
        None aligns without keeping it."""
        super().__init__()
        self.paths = list(paths)
        self.labels = list(labels)
        self.cache_key = cache_key

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static(Content.assemble(("Synoptic", "bold"), f" — aligning {count(self.app.articles, 'article')}"),
                             markup=False, id="loading-title")
            with Center():
                yield LoadingIndicator(id="loading-spinner")
            with Center():
                yield Static(Content(STAGES["reading"] + "…"), markup=False, id="loading-stage")
            with Center():
                yield ProgressBar(total=1.0, show_eta=False, id="loading-progress")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self._start)  # once this screen is drawn and can show progress

    def _start(self) -> None:
        # A daemon thread, not a Textual thread worker: those run in asyncio's default executor,
        # which the app's exit waits for, so quitting while the articles load took as long as
        # aligning them.
        threading.Thread(target=self._align_inputs, args=(self.app,), name="synoptic-align", daemon=True).start()

    def _align_inputs(self, app: App) -> None:
        def progress(stage: str, fraction: float) -> None:
            self._post(self.Progress(stage, fraction))

        try:
            from aligner import align

            alignment = align(self.paths, self.labels or None, progress=progress)
            if self.cache_key is not None:
                from aligner.cache import store

                store(self.cache_key, alignment)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as e:  # the app stays up and says what went wrong (a native panic too)
            self._post(self.Failed(f"{type(e).__name__}: {e}"))
            return
        try:
            app.call_from_thread(app.show_alignment, alignment)
        except RuntimeError:  # the app was closed while the articles were aligned
            pass

    def _post(self, message: Message) -> None:
        """Post from the aligning thread; once the app has closed, there is no one to tell."""
        try:
            self.post_message(message)
        except RuntimeError:  # the app's event loop is closed
            pass

    def on_loading_screen_progress(self, message: Progress) -> None:
        stage = STAGES.get(message.stage, message.stage)
        self.query_one("#loading-stage", Static).update(Content(stage + "…"))
        self.query_one(ProgressBar).update(progress=message.fraction)

    def on_loading_screen_failed(self, message: Failed) -> None:
        from tui.safe import plain

        self.query_one("#loading-spinner").display = False
        self.query_one("#loading-stage", Static).update(
            Content.assemble(("The alignment failed: ", "bold"), plain(message.error), "  (q quits)")
        )

    def action_quit(self) -> None:
        failed = self.query_one("#loading-spinner").display is False
        self.app.exit(1 if failed else 0, return_code=1 if failed else 0)

