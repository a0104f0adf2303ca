"""Every key of the reading room, in one table: the screen's bindings, the footer, the help
screen and the command palette are all built from it, so they cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from tui.cells import COVERED_GLYPH, FLAG_GLYPH, MATCH_GLYPH, OTHER_STORY_GLYPH, REUSE_GLYPH, UNCOVERED_GLYPH


@dataclass(frozen=True, slots=True)
class Key:
    keys: str  # Textual key names, comma separated (the first is the main one)
    action: str
    description: str  # short, for the footer
    id: str
    group: str
    help: str  # one sentence, for the help screen and the command palette
    display: str | None = None  # how the keys read in help ("j ↓")
    #: Checked before the focused widget sees the key: the key moves the focus, and keys typed
    #: in the same burst (a paste, a fast typist over SSH) must reach the new focus.
    priority: bool = False


SOURCE_KEYS = 9  # 1..9 toggle the first nine sources

KEYS: tuple[Key, ...] = (
    # Moving
    Key("j,down", "row_down", "Row ↓", "row-down", "Move", "Next row", display="j ↓"),
    Key("k,up", "row_up", "Row ↑", "row-up", "Move", "Previous row", display="k ↑"),
    Key("pagedown,space,ctrl+f", "page_down", "Page ↓", "page-down", "Move", "Next page", display="PgDn Space ^f"),
    Key("pageup,ctrl+b", "page_up", "Page ↑", "page-up", "Move", "Previous page", display="PgUp ^b"),
    Key("g,home", "top", "Top", "top", "Move", "First row", display="g Home"),
    Key("G,end", "bottom", "Bottom", "bottom", "Move", "Last row", display="G End"),
    Key("h,left", "column_left", "Col ←", "column-left", "Move", "Column to the left (pans when needed)", display="h ←"),
    Key("l,right", "column_right", "Col →", "column-right", "Move", "Column to the right (pans when needed)", display="l →"),
    Key("w,right_parenthesis", "sentence_next", "Sentence ↓", "sentence-next", "Move",
        "Next sentence of the cell, then on down the column", display="w )"),
    Key("b,left_parenthesis", "sentence_prev", "Sentence ↑", "sentence-prev", "Move",
        "Previous sentence of the cell, then on up the column", display="b ("),
    # Flags and matches
    Key("right_square_bracket", "flag_next", "Flag", "flag-next", "Compare", "Next flag (a difference to check)",
        display="]"),
    Key("left_square_bracket", "flag_prev", "Prev flag", "flag-prev", "Compare", "Previous flag", display="["),
    Key("right_curly_bracket", "flag_next_kind", "Same kind", "flag-next-kind", "Compare",
        "Next flag of the same kind as this one", display="}"),
    Key("left_curly_bracket", "flag_prev_kind", "Prev same kind", "flag-prev-kind", "Compare",
        "Previous flag of the same kind", display="{"),
    Key("m", "match_next", "Match", "match-next", "Compare", "Next sentence that another source also states"),
    Key("M", "match_prev", "Prev match", "match-prev", "Compare", "Previous matched sentence"),
    Key("d,enter", "detail", "Detail", "detail", "Compare",
        "Open or close the detail panel: both passages side by side, the word diff, kind and explanation",
        display="d Enter"),
    Key("x", "detail_next", "Next item", "detail-next", "Compare",
        "Show the next flag or match of this sentence in the detail panel"),
    Key("X", "detail_go", "Go there", "detail-go", "Compare",
        "Go to the other passage of that flag or match (X again comes back)"),
    Key("J", "detail_scroll(1)", "Detail ↓", "detail-down", "Compare",
        "Scroll the detail panel down a page, to read both passages whole (opens the panel)"),
    Key("K", "detail_scroll(-1)", "Detail ↑", "detail-up", "Compare", "Scroll the detail panel up a page"),
    Key("f", "flag_list", "Flags", "flag-list", "Compare", "List of flags, filterable by kind"),
    # Finding
    Key("slash", "search", "Search", "search", "Find",
        "Search the shown text (any case; quotes and dashes as typed find curly ones)", display="/", priority=True),
    Key("n", "hit_next", "Next hit", "hit-next", "Find", "Next search hit"),
    Key("N", "hit_prev", "Prev hit", "hit-prev", "Find", "Previous search hit"),
    Key("v", "filter_cycle", "Filter", "filter-cycle", "Find",
        "Cycle the rows shown: all, rows with flags, rows some source omits"),
    Key("exclamation_mark", "filter('flagged')", "Flagged rows", "filter-flagged", "Find", "Show only rows with flags",
        display="!"),
    Key("tilde", "filter('omitted')", "Omissions", "filter-omitted", "Find",
        "Show only rows that some shown source does not cover", display="~"),
    Key("equals_sign", "filter('all')", "All rows", "filter-all", "Find", "Show all rows", display="="),
    # Columns
    Key("s", "sources", "Sources", "sources", "Columns", "Choose the shown sources from a list"),
    *(
        Key(str(k), f"toggle_source({k - 1})", f"Source {k}", f"source-{k}", "Columns", f"Show or hide source {k}")
        for k in range(1, SOURCE_KEYS + 1)
    ),
    Key("0", "show_all", "All sources", "sources-all", "Columns", "Show every source"),
    Key("p", "pin", "Pin", "pin", "Columns", "Pin this column as the reference (always shown first); again to unpin"),
    Key("less_than_sign", "pan(-1)", "Pan ←", "pan-left", "Columns", "Pan the columns left", display="<"),
    Key("greater_than_sign", "pan(1)", "Pan →", "pan-right", "Columns", "Pan the columns right", display=">"),
    Key("plus", "column_width(1)", "Wider", "wider", "Columns", "Wider columns (fewer at once)", display="+"),
    Key("minus", "column_width(-1)", "Narrower", "narrower", "Columns", "Narrower columns (more at once)", display="-"),
    Key("o", "article", "Article order", "article", "Columns",
        "This column's article in its own order, each paragraph with its row; Enter jumps to the row"),
    Key("c", "furniture", "Furniture", "furniture", "Columns", "Show or hide captions, bylines and boilerplate"),
    # App
    Key("t", "next_theme", "Theme", "theme", "App", "Next theme (including the terminal's own ansi palette)"),
    Key("question_mark,f1", "help", "Help", "help", "App", "Keys, marks and what they mean", display="? F1"),
    Key("escape", "dismiss_panels", "Close", "close", "App", "Close the detail panel or search bar"),
    Key("q", "quit", "Quit", "quit", "App", "Quit"),
)

GROUPS: tuple[str, ...] = ("Move", "Compare", "Find", "Columns", "App")


#: The footer's keys, in its order (at 80 columns the first six or so fit: quit and help first).
FOOTER = ("quit", "help", "flag-next", "match-next", "detail", "flag-list", "search", "filter-cycle", "sources", "article")


def bindings() -> list[Binding]:
    """The screen's bindings. (Binding.show only tells Textual's Footer what to draw; the reader's
    footer is tui.widgets.keybar, drawn from FOOTER.)"""
    return [Binding(k.keys, k.action, k.description, id=k.id, priority=k.priority) for k in KEYS]


def main_key(key: Key) -> str:
    """The first of a key's keys as the footer shows it ("]" for right_square_bracket)."""
    return _pretty(key.keys.split(",")[0])


def key_display(key: Key) -> str:
    if key.display:
        return key.display
    return " ".join(_pretty(k) for k in key.keys.split(","))


def _pretty(name: str) -> str:
    from textual.keys import format_key

    return format_key(name)


#: What each mark in the synopsis means (the help screen shows this legend).
LEGEND: tuple[tuple[str, str], ...] = (
    (MATCH_GLYPH, "a match: another source states this sentence too"),
    (FLAG_GLYPH, "a flag starts: a difference to check (bold, underlined)"),
    (REUSE_GLYPH, "start of a passage copied from another source; italic"),
    ("¶n", "paragraph number in its article"),
    (COVERED_GLYPH + UNCOVERED_GLYPH,
     f"gutter: which sources cover the row ({UNCOVERED_GLYPH} = not covered, {OTHER_STORY_GLYPH} = another story); "
     f"{FLAG_GLYPH}n = flags in the row"),
    ("▶", "the cursor's row"),
    ("◆", "the pinned reference column"),
    ("◀n n▶", "columns panned out of view on each side"),
)
