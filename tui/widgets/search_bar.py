"""The search bar under the synopsis. Its own module, imported on the first `/`: the reader's
first screen does not pay for Textual's Input."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class SearchBar(Input):
    """Enter hands the query to the screen (`search_submitted`); Esc closes the bar."""

    BINDINGS = [Binding("escape", "close", "Close search", id="search-close", show=False)]

    def action_close(self) -> None:
        self.screen.close_search()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.search_submitted(event.value)
