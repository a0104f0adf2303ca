"""Lists that move with the same keys as the columns: j and k as well as the arrows, g and G
to the first and last item."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList

#: For OptionList and its subclasses (SelectionList): their own actions, on the reader's keys.
VI_KEYS = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
]


class Choices(OptionList):
    """An OptionList that also answers j, k, g and G."""

    BINDINGS = VI_KEYS
