"""The search bar under the synopsis: a line of Textual's Input, composed hidden with the reader
so that the keys typed right after `/` land in it."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input

from tui.safe import shown


class SearchBar(Input):
    """Enter hands the query to the screen (`search_submitted`); Esc closes the bar."""

    BINDINGS = [Binding("escape", "close", "Close search", id="search-close", show=False)]

    def action_close(self) -> None:
        self.screen.close_search()

    def on_input_changed(self, event: Input.Changed) -> None:
        """A pasted control or bidi character is shown as its mark, as in the text it searches;
        written raw by the input line it would reach the terminal."""
        safe = shown(event.value)
        if safe != event.value:
            position = self.cursor_position  # one character for one: the cursor stays put
            self.value = safe
            self.cursor_position = position

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.search_submitted(event.value)
