"""The reading room: the app object, its factory (used by the CLI and the tests) and the command
palette's providers.

    make_app(paths, labels=...)                 a cached alignment, else aligns behind a loading screen
    make_app(paths, alignment=an_alignment)     opens a given alignment at once (tests)

Modules: `tui.reading` (what is shown and where the cursor is, pure Python), `tui.cells` (text to
styled, wrapped lines), `tui.widgets.synopsis` (the Line-API columns), `tui.widgets.detail`,
`tui.screens.*` (one module and one .tcss per screen), `tui.keys` (the key table).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen

if TYPE_CHECKING:
    from aligner.model import Alignment

    from tui.screens.reader import ReaderScreen


def _reader(screen: Screen) -> ReaderScreen | None:
    from tui.screens.reader import ReaderScreen

    return screen if isinstance(screen, ReaderScreen) else None


def _highlight(matcher, text: str) -> Content:
    """Fuzzy-match highlighting on literal text (Matcher.highlight would parse it as markup)."""
    from tui.safe import plain

    content = plain(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, content.plain)
    for offset in offsets:
        content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class _ListProvider(Provider):
    """Palette entries built from a list of (title, callback, help) commands."""

    def _commands(self) -> list[tuple[str, object, str]]:
        raise NotImplementedError

    def _discoverable(self, text: str) -> bool:
        return True

    # `text` is what the palette copies into its input line when an entry is chosen, so it is
    # shown() like every other piece of input-derived text.

    async def discover(self) -> Hits:
        from tui.safe import shown

        for text, callback, help_text in self._commands():
            if self._discoverable(text):
                yield DiscoveryHit(_plain(text), callback, text=shown(text), help=_plain(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        from tui.safe import shown

        matcher = self.matcher(query)
        for text, callback, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), callback, text=shown(text), help=_plain(help_text))  # type: ignore[arg-type]


class SourcesProvider(_ListProvider):
    """Palette entries for each source: go to its column, show/hide it, pin it, read it in order."""

    def _commands(self) -> list[tuple[str, object, str]]:
        reader = _reader(self.screen)
        if reader is None:
            return []
        from tui.reading import Cursor, source_line

        out = []
        for position, sid in enumerate(reader.index.source_ids):
            line = source_line(reader.index, sid)
            state = "shown" if sid in reader.view.shown else "hidden"

            def go(sid=sid) -> None:
                reader.view.cursor = Cursor(reader.view.cursor.row, sid, 0)
                if sid not in reader.view.shown:
                    reader.view.toggle_source(sid)
                    reader.view.cursor = Cursor(reader.view.cursor.row, sid, 0)
                    reader.view.clamp()
                    reader.update_all(structure=True)
                else:
                    reader.view.clamp()
                    reader.moved()

            def article(sid=sid) -> None:
                go(sid)
                reader.action_article()

            out.append((f"Go to column: {line}", go, f"source {position + 1} ({state})"))
            out.append((f"Show/hide source: {line}", lambda p=position: reader.action_toggle_source(p), state))
            out.append((f"Pin as reference: {line}", lambda sid=sid: (go(sid), reader.action_pin()), "the column always shown first"))
            out.append((f"Article order: {line}", article, "each paragraph with its row"))
        return out

    def _discoverable(self, text: str) -> bool:
        return text.startswith("Go to column")


class FlagsProvider(_ListProvider):
    """Palette entries for each flag: jump to it."""

    def _commands(self) -> list[tuple[str, object, str]]:
        reader = _reader(self.screen)
        if reader is None:
            return []
        from tui.safe import shown
        from tui.screens.flags import by_score, passages

        flags = reader.alignment.flags
        out = []
        for i in by_score(flags):
            f = flags[i]
            a, b = passages(reader.alignment, f)
            text = f"Flag ({f.kind}): {shown(f.explanation)}"
            out.append((text, lambda i=i: reader.go_to_flag(i), f"«{a}» vs «{b}»"))
        return out


def _plain(text: str) -> Content:
    # The palette passes `help` and string prompts through Content.from_markup, which returns a
    # Content unchanged: so data-derived text is always handed over as Content.
    from tui.safe import plain

    return plain(text)


class SynopticApp(App[int]):
    """Synoptic's reading room."""

    TITLE = "Synoptic"
    # The reader's stylesheet is parsed with the app's, at start: as the screen's CSS_PATH it made
    # Textual parse every stylesheet again when the reader was pushed (~10 ms of the first screen).
    CSS_PATH = ["app.tcss", "screens/reader.tcss"]
    COMMANDS = App.COMMANDS | {SourcesProvider, FlagsProvider}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        paths: Sequence[str] = (),
        labels: Sequence[str] = (),
        *,
        alignment: Alignment | None = None,
        theme: str | None = None,
        cache: bool = True,
    ) -> None:
        super().__init__()
        self.paths = [str(p) for p in paths]
        self.labels = list(labels)
        self.alignment = alignment
        self.cache = cache
        if theme:
            self.theme = theme
        elif self.console.color_system in ("standard", "windows"):
            # 16 colours: a true-colour theme's greens and reds come down to white and grey, and
            # matched or flagged text looks dimmed; the terminal's own palette keeps them apart.
            self.theme = "ansi-dark"

    def on_mount(self) -> None:
        # Pushed rather than returned by get_default_screen(), which does not load a screen's
        # CSS_PATH; and pushed once the app's mount is over: Textual holds back every frame until
        # then, so a screen pushed here was laid out and rendered once for nothing.
        self.call_later(self._first_screen)

    def _first_screen(self) -> None:
        key = None
        if self.alignment is None and self.cache:
            from aligner.cache import lookup

            # a hit opens straight on the columns, with no loading screen in between
            key, self.alignment = lookup(self.paths, self.labels or None)
        if self.alignment is not None:
            self.push_screen(self._reader_screen(self.alignment))
        else:
            from tui.screens.loading import LoadingScreen  # not imported when the cache answers

            self.push_screen(LoadingScreen(self.paths, self.labels, cache_key=key))

    def _reader_screen(self, alignment: Alignment) -> Screen:
        from tui.screens.reader import ReaderScreen

        return ReaderScreen(alignment)

    def show_alignment(self, alignment: Alignment) -> None:
        """Called by the loading screen's aligning thread when the alignment is ready."""
        self.alignment = alignment
        self.switch_screen(self._reader_screen(alignment))

    @cached_property
    def articles(self) -> int:
        """How many articles the inputs name, directories expanded and a missing named file
        counted (as the report command counts them): the loading screen's count, and what
        --label is checked against. A listing, read once: no file is opened."""
        from aligner.inputs import collect_inputs

        return collect_inputs(self.paths).articles

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's "Keys" panel lists its own bindings (copy, palette) and squeezes the columns;
        # the reader's help (?) is the one that says what each key does here.
        yield from (c for c in super().get_system_commands(screen) if c.title != "Keys")
        reader = _reader(screen)
        if reader is not None:
            for title, help_text, callback in reader.key_commands():
                yield SystemCommand(title, help_text, callback)


def make_app(
    paths: Sequence[str] = (),
    labels: Sequence[str] = (),
    *,
    alignment: Alignment | None = None,
    theme: str | None = None,
    cache: bool = True,
) -> SynopticApp:
    """The one way to build the app, for the command line and the tests. With `cache`, an
    alignment of the same inputs computed before is reused (aligner.cache)."""
    return SynopticApp(paths, labels, alignment=alignment, theme=theme, cache=cache)


def run_app(
    paths: Sequence[str], labels: Sequence[str] = (), *, theme: str | None = None, cache: bool = True
) -> int:
    app = make_app(paths, labels, theme=theme, cache=cache)
    result = app.run()
    return result if isinstance(result, int) else (app.return_code or 0)
