"""The reading room: title bar, column headers, the synopsis, detail panel, search bar, status
line and footer. Every key of `tui.keys` is an action here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from aligner.report import count
from tui.cells import FLAG_GLYPH, MATCH_GLYPH, REUSE_GLYPH
from tui.keys import KEYS, bindings
from tui.reading import FILTER_NAMES, FILTERS, TOP, Cursor, Index, Row, View
from tui.safe import plain, shown
from tui.widgets.detail import DetailPanel, where
from tui.widgets.keybar import KeyBar
from tui.widgets.search_bar import SearchBar
from tui.widgets.synopsis import MIN_COLUMN_RANGE, ColumnHeaders, Geometry, SynopsisView

if TYPE_CHECKING:
    from aligner.model import Alignment
    from tui.reading import Unit

#: Themes `t` cycles through: Textual's own, then the terminal's palette.
THEME_CYCLE = ("textual-dark", "textual-light", "ansi-dark", "ansi-light", "nord", "gruvbox")


class ReaderScreen(Screen[None]):
    BINDINGS = bindings()
    AUTO_FOCUS = "SynopsisView"

    def __init__(self, alignment: Alignment) -> None:
        super().__init__()
        self.alignment = alignment
        self.index = Index(alignment)
        self.view = View(self.index)
        self.detail_choice = 0
        # Mounted the first time it is asked for (`_mount_hidden`): hidden at launch, it costs the
        # first screen about 20 ms of styling and layout. The search bar is composed with the
        # screen (see compose).
        self._detail: DetailPanel | None = None
        self._search_bar: SearchBar | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With nothing to read, only the keys that need no article work."""
        if not self.index.sources and action not in ("quit", "help", "next_theme", "dismiss_panels"):
            return False
        return True

    # --- composition --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="title", markup=False)
        synopsis = SynopsisView(self.view, id="synopsis")
        headers = ColumnHeaders(synopsis, id="headers")
        self._headers_height(headers)  # before the first layout; on_resize keeps it right
        with Vertical(id="body"):
            yield headers
            yield synopsis
        if not self.index.sources:
            yield Static(self._nothing_to_read(), id="empty", markup=False)
        # mounted hidden with the screen, so that "/" shows it at once and the keys typed after it
        # in the same burst land in it
        self._search_bar = SearchBar(placeholder="Search the shown text (Enter: find, Esc: close)", id="search")
        self._search_bar.display = False
        yield self._search_bar
        yield Static(id="status", markup=False)
        yield KeyBar(id="keybar")

    def _nothing_to_read(self) -> Content:
        lines = [Content.assemble(("No readable articles.", "bold")), Content("")]
        for p in self.alignment.problems:
            lines.append(plain(f"  {p.path}: {p.reason}"))
        lines += [Content(""), Content("q quits.")]
        return Content("\n").join(lines)

    def on_mount(self) -> None:
        if not self.index.sources:
            self.query_one("#body").display = False
            self.query_one("#keybar").display = False  # its keys need an article
            self.update_status()
            return
        self.update_all()
        self.call_after_refresh(self.update_status)  # once the columns are laid out (pan state)
        self._check_labels()
        problems = self.alignment.problems
        if problems:
            skipped = [p for p in problems if p.skipped]
            text = "\n".join(f"{'skipped' if p.skipped else 'note'}: {shown(p.path)}: {shown(p.reason)}" for p in problems)
            self.notify(text, title=f"{count(len(skipped), 'input')} not opened" if skipped else "Input notes",
                        severity="warning", timeout=12, markup=False)

    def _check_labels(self) -> None:
        """More --label names than articles: say so (the report command refuses them), counting
        articles as it does, a named file that is missing included."""
        labels = len(getattr(self.app, "labels", ()) or ())
        if not labels or not getattr(self.app, "paths", None):
            return
        articles = self.app.articles
        if labels > articles:
            self.notify(f"{count(labels, 'label')} given for {count(articles, 'article')}; "
                        "the extra labels are not used.", severity="warning", timeout=8, markup=False)

    def on_resize(self) -> None:
        self._headers_height()

    def _headers_height(self, headers: ColumnHeaders | None = None) -> None:
        """Size the column headers to their lines (`headers` while composing: not queryable yet)."""
        if headers is None:
            headers = self.query_one(ColumnHeaders)
        headers.styles.height = headers.lines()

    @property
    def synopsis(self) -> SynopsisView:
        return self.query_one(SynopsisView)

    def _title(self) -> Content:
        a = self.alignment
        title = a.title
        counts = " · ".join(
            [count(len(a.sources), "source"), count(len(a.groups), "row"), count(len(a.matches), "match", "matches"),
             count(len(a.flags), "flag")] + ([f"{len(a.reuse)} copied"] if a.reuse else [])
        )
        parts = [Content.assemble(("Synoptic", "bold")), Content(counts)]
        if len(a.stories) > 1:  # articles on unrelated events: each story's rows apart
            parts.append(Content.assemble((f"⚠ {len(a.stories)} stories (s)", "bold")))
        skipped = sum(1 for p in a.problems if p.skipped)
        if skipped:
            parts.append(Content.assemble((f"⚠ {count(skipped, 'input')} not opened (s: list)", "bold")))
        if title and len(a.stories) <= 1:  # one story's headline would misname the others
            parts.append(plain(title, "italic"))
        return Content(" │ ").join(parts)

    # --- after every move ---------------------------------------------------------------------

    def update_all(self, *, structure: bool = False, center: bool = False, scroll: bool = True) -> None:
        """Redraw what depends on the cursor (and, with `structure`, on the layout). Without
        `scroll`, the view stays where it is (paging has put the cursor on screen)."""
        synopsis = self.synopsis
        if structure:
            synopsis.structure_changed()
        else:
            synopsis.reveal_cursor_column()
            synopsis.cursor_changed(scroll, center=center)
        headers = self.query_one(ColumnHeaders)
        if structure or headers.cursor_source != self.view.cursor.source:
            headers.cursor_source = self.view.cursor.source
            headers.refresh()
        self.update_status()
        if self.detail_shown:
            self._detail.show_items(self.index, self.view.counterparts(), self.detail_choice,
                                    sentence=self.view.unit is not None)

    def moved(self, *, center: bool = False, scroll: bool = True) -> None:
        self.detail_choice = 0
        self.update_all(center=center, scroll=scroll)

    def _status_label(self, source: str) -> str:
        """A source's label for the status line: cut to a few cells on a narrow screen (the
        column headers show it whole), so that the flag, the matches and the search still fit."""
        label = self.index.label(source)
        if self.size.width >= _WIDE_STATUS:
            return label
        return plain(label).truncate(_NARROW_LABEL, ellipsis=True).plain

    def _place(self, unit: Unit) -> str:
        """Where a counterpart is, for the status line: "NYT ¶12", and its row when it is not
        the cursor's ("NYT ¶12 · row 4")."""
        here = self.view.row.key if self.view.row is not None else None
        return where(self.index, unit, label=self._status_label(unit.source), unless_row=here)

    def update_status(self) -> None:
        view = self.view
        status = self.query_one("#status", Static)
        row = view.row
        if not self.index.sources:
            status.update(Content("Nothing to read · q quits · ? help"), layout=False)
            return
        if row is None:
            status.update(Content(f"No rows: filter {FILTER_NAMES[view.filter]} · = shows all rows"), layout=False)
            return
        parts: list[Content] = [Content(_row_place(view, row))]
        unit = view.unit
        label = self._status_label(view.cursor.source)
        if unit is not None:
            units = view.cell_units(row, view.cursor.source)
            parts.append(plain(f"{label} ¶{unit.paragraph + 1} s{view.cursor.unit + 1}/{len(units)}"))
        else:
            parts.append(plain(f"{label}: not covered"))
        g = self.synopsis.geometry
        columns = None
        if g is not None and (g.hidden_left or g.hidden_right):
            numbers = {sid: self.index.position[sid] + 1 for sid in view.columns}
            columns = Content(_shown_columns(g, numbers, len(self.index.source_ids)))
            parts.append(columns)
        if view.filter != "all":
            parts.append(Content.assemble((f"filter: {FILTER_NAMES[view.filter]}", "bold")))
        hidden = f" +{view.hidden_hits} hidden" if view.hidden_hits else ""
        if view.hits:
            n, total = view.hit_number()
            parts.append(plain(f"“{view.query}” {n}/{total}{hidden}" if n else f"“{view.query}” {total} hits{hidden}"))
        elif view.query:
            parts.append(plain(f"“{view.query}” not found{hidden}"))
        items = view.counterparts()
        flags = [c for c in items if c.kind == "flag"]
        shown_item = items[self.detail_choice % len(items)] if self.detail_shown and items else None
        if shown_item is not None and shown_item.kind == "flag":
            flags.insert(0, shown_item)  # the flag the panel shows (x)
        copies = [c for c in items if c.kind == "reuse"]
        matches = [c for c in items if c.kind == "match"]
        if flags:
            f = self.alignment.flags[flags[0].index]
            k, n = view.flag_number(flags[0].index)
            number = f"{k}/{n} " if k else ""
            parts.append(Content.assemble((f"{FLAG_GLYPH} {number}{f.kind}: ", "bold"), plain(f.explanation)))
        elif copies:
            parts.append(Content.assemble((f"{REUSE_GLYPH} copied from ", "bold"), plain(self._place(copies[0].there))))
        if matches:
            places = ", ".join(self._place(c.there) for c in matches[:3])
            more = f" +{len(matches) - 3}" if len(matches) > 3 else ""
            parts.append(Content.assemble((f"{MATCH_GLYPH} also in ", "bold"), plain(places + more)))
        if columns is not None and len(parts) > 3 and self.size.width < _WIDE_STATUS:
            # On a narrow screen the filter, search, flag and matches need the room more: the
            # headers' ◀n and n▶ already say that columns are off screen.
            parts.remove(columns)
        status.update(Content(" · ").join(parts), layout=False)  # one line: no layout pass

    # --- moving -------------------------------------------------------------------------------

    def action_row_down(self) -> None:
        self.view.move_row(1)
        self.moved()

    def action_row_up(self) -> None:
        self.view.move_row(-1)
        self.moved()

    def action_page_down(self) -> None:
        self.synopsis.page(1)
        self.moved(scroll=False)

    def action_page_up(self) -> None:
        self.synopsis.page(-1)
        self.moved(scroll=False)

    def action_top(self) -> None:
        self.view.go_row(0)
        self.moved()

    def action_bottom(self) -> None:
        self.view.go_row(len(self.view.rows) - 1)
        self.moved()
        synopsis = self.synopsis
        if synopsis._row_heights and synopsis._row_heights[-1] <= synopsis.scrollable_content_region.height:
            synopsis.scroll_to(y=synopsis.max_scroll_y, animate=False)  # the last row at the bottom

    def _column(self, delta: int) -> None:
        view = self.view
        synopsis = self.synopsis
        # keep the eye on the same line: pick the sentence of the new cell nearest the old one
        lines = synopsis.cursor_lines()
        view.move_column(delta)
        if lines is not None and view.row is not None:
            g = synopsis.geometry
            width = next((w for s, _, w in g.columns if s == view.cursor.source), None) if g else None
            if width is None:
                synopsis.reveal_cursor_column()
                g = synopsis.geometry
                width = next((w for s, _, w in g.columns if s == view.cursor.source), None) if g else None
            if width is not None:
                render = synopsis._cell(view.row, view.cursor.source, width)
                top = synopsis._row_starts[view.cursor.row] + 1
                target = lines[0] - top
                best = 0
                for i, (first, _) in enumerate(render.unit_lines):
                    if first <= target:
                        best = i
                view.cursor = Cursor(view.cursor.row, view.cursor.source, best)
        self.moved()

    def action_column_left(self) -> None:
        self._column(-1)

    def action_column_right(self) -> None:
        self._column(1)

    def action_sentence_next(self) -> None:
        self.view.move_unit(1)
        self.moved()

    def action_sentence_prev(self) -> None:
        self.view.move_unit(-1)
        self.moved()

    # --- flags and matches --------------------------------------------------------------------

    def _flag(self, forward: bool, same_kind: bool = False) -> None:
        if not self.alignment.flags:
            self.notify("No flags in this alignment.", timeout=3)
            return
        if self.view.next_flag(forward, same_kind) is None:
            self.notify("No flag among the shown rows and sources.", timeout=3)
            return
        if self.view.wrapped:
            self.notify("Back at the first flag." if forward else "Back at the last flag.", timeout=2)
        self.detail_choice = 0
        self.update_all(center=True)

    def action_flag_next(self) -> None:
        self._flag(True)

    def action_flag_prev(self) -> None:
        self._flag(False)

    def action_flag_next_kind(self) -> None:
        self._flag(True, same_kind=True)

    def action_flag_prev_kind(self) -> None:
        self._flag(False, same_kind=True)

    def _match(self, forward: bool) -> None:
        if self.view.next_match(forward) is None:
            self.notify("No matched sentence among the shown rows and sources.", timeout=3)
            return
        self.moved(center=True)

    def action_match_next(self) -> None:
        self._match(True)

    def action_match_prev(self) -> None:
        self._match(False)

    @property
    def detail_shown(self) -> bool:
        return self._detail is not None and self._detail.display

    async def _detail_panel(self) -> DetailPanel:
        if self._detail is None:
            self._detail = DetailPanel(id="detail")
            await self._mount_hidden(self._detail)
        return self._detail

    async def _mount_hidden(self, widget: Widget) -> None:
        """Mount a panel above the status line, hidden (its action shows it): the detail panel is
        mounted on first use, not at launch."""
        widget.display = False
        await self.mount(widget, before="#status")

    async def action_detail(self) -> None:
        detail = await self._detail_panel()
        detail.display = not detail.display
        self.update_all()

    async def action_detail_next(self) -> None:
        detail = await self._detail_panel()
        items = self.view.counterparts()
        if self.view.unit is None:
            self.notify("No sentence here: this source does not cover the row.", timeout=2)
        elif len(items) < 2:
            self.notify("This sentence has no match, flag or copy." if not items
                        else "This sentence has one match, flag or copy: the panel shows it.", timeout=2)
        self.detail_choice += 1
        detail.display = True
        self.update_all()

    def action_detail_go(self) -> None:
        """X: put the cursor on the other passage of the item the detail panel shows (or would
        show); pressed again, it comes back, the panel showing the same pair."""
        items = self.view.counterparts()
        if not items:
            self.notify("This sentence has no match, flag or copy to go to.", timeout=2)
            return
        item = items[self.detail_choice % len(items)]
        if not self.view.go_to_unit(item.there):
            return
        back = self.view.counterparts()
        self.detail_choice = next(
            (k for k, c in enumerate(back) if c.kind == item.kind and c.index == item.index and c.there == item.here), 0
        )
        self.update_all(center=True)

    async def action_detail_scroll(self, delta: int) -> None:
        """J / K: page the detail panel (it opens first if closed). The panel never takes the
        focus, so every other key still moves the cursor and the panel follows it."""
        detail = await self._detail_panel()
        if not detail.display:
            detail.display = True
            self.update_all()
            return
        detail.page(delta)

    def action_flag_list(self) -> None:
        if not self.alignment.flags:
            self.notify("No flags in this alignment.", timeout=3)
            return
        from tui.screens.flags import FlagListScreen

        self.app.push_screen(FlagListScreen(self.index), self.go_to_flag)

    def go_to_flag(self, index: int | None) -> None:
        if index is None:
            return
        before = (list(self.view.shown), self.view.filter, self.view.furniture)
        if not self.view.go_to_flag(index):
            return
        self.detail_choice = 0
        self.update_all(structure=before != (self.view.shown, self.view.filter, self.view.furniture), center=True)

    # --- finding ------------------------------------------------------------------------------

    def action_search(self) -> None:
        bar = self._search_bar
        if bar is None:
            return
        if self.focused is bar:  # (has_focus follows only once the bar has handled its Focus)
            # "/" is checked before the bar sees keys; in a query it is a character, and it goes
            # behind the keys typed before it that the bar has not handled yet
            bar.post_message(events.Key("slash", "/"))
            return
        bar.display = True
        bar.value = self.view.query
        self.set_focus(bar)  # at once, not after a refresh: keys typed right after / belong to it

    def close_search(self) -> None:
        if self._search_bar is not None:
            self._search_bar.display = False
        self.set_focus(self.synopsis)

    def search_submitted(self, query: str) -> None:
        found = self.view.search(query)
        self.close_search()
        self.synopsis.invalidate()
        if found:
            self.view.next_hit(True)
        elif query:
            hidden = self.view.hidden_hits
            where = f" ({count(hidden, 'hit')} in hidden rows, columns or furniture: = v s c)" if hidden else ""
            self.notify(f"Not found in the shown text: {shown(query)}{where}", timeout=4, markup=False)
        self.moved(center=True)

    async def _hit(self, forward: bool) -> None:
        if not self.view.query:
            self.action_search()
            return
        if self.view.next_hit(forward) is None:
            self.notify("No hits.", timeout=2)
            return
        self.moved(center=True)

    async def action_hit_next(self) -> None:
        await self._hit(True)

    async def action_hit_prev(self) -> None:
        await self._hit(False)

    def action_filter(self, name: str) -> None:
        if name not in FILTERS:
            return
        self.view.set_filter(name)  # type: ignore[arg-type]
        self.update_all(structure=True)

    def action_filter_cycle(self) -> None:
        self.action_filter(FILTERS[(FILTERS.index(self.view.filter) + 1) % len(FILTERS)])

    # --- columns ------------------------------------------------------------------------------

    def action_toggle_source(self, position: int) -> None:
        ids = self.index.source_ids
        if not 0 <= position < len(ids):
            return
        if not self.view.toggle_source(ids[position]):
            self.notify("At least one source stays shown.", timeout=2)
            return
        self._after_sources()

    def action_show_all(self) -> None:
        self.view.show_all()
        self._after_sources()

    def _after_sources(self) -> None:
        self.update_all(structure=True)

    def action_sources(self) -> None:
        from tui.screens.sources import SourcesScreen

        self.app.push_screen(SourcesScreen(self.index, list(self.view.shown), self.view.pinned,
                                           self.alignment.problems), self._apply_sources)

    def _apply_sources(self, result: tuple[list[str], str | None] | None) -> None:
        if result is None:
            return
        shown_ids, pinned = result
        if shown_ids:
            self.view.shown = [s for s in self.index.source_ids if s in shown_ids]
        self.view.pin(pinned)
        self.view.refilter_keep_cursor()
        self._after_sources()

    def action_pin(self) -> None:
        source = self.view.cursor.source
        self.view.pin(None if self.view.pinned == source else source)
        self.synopsis.first = 0
        self.update_all(structure=True)

    def action_pan(self, delta: int) -> None:
        synopsis = self.synopsis
        g = synopsis.geometry
        if g is None:
            return
        room = max(len(g.columns) - (1 if g.pinned else 0), 1)
        synopsis.first = max(synopsis.first + delta * room, 0)
        synopsis.relayout()
        g = synopsis.geometry
        if g is not None and not any(s == self.view.cursor.source for s, _, _ in g.columns):
            # the cursor follows the columns it can see
            target = g.columns[-1][0] if delta > 0 else g.columns[1 if g.pinned and len(g.columns) > 1 else 0][0]
            self.view.cursor = Cursor(self.view.cursor.row, target, 0)
            self.view.clamp()
        self.update_all()

    def action_column_width(self, delta: int) -> None:
        """Wider columns (one fewer on screen) or narrower (one more), within readable limits."""
        synopsis = self.synopsis
        g = synopsis.geometry
        if g is None:
            return
        count = len(g.columns)
        available = max(g.width - g.gutter, 1) + 1
        if delta > 0:
            if count == 1:
                self.notify("One column already fills the width.", timeout=2)
                return
            if g.pinned and count == 2:
                self.notify("The pinned column and one other already fill the width.", timeout=2)
                return
            synopsis.min_column = min(available // count, MIN_COLUMN_RANGE[1])
        else:
            width = available // (count + 1) - 1
            if count >= len(self.view.columns) or width < MIN_COLUMN_RANGE[0]:
                self.notify("No room for another readable column.", timeout=2)
                return
            synopsis.min_column = width
        self.update_all(structure=True)

    def action_furniture(self) -> None:
        self.view.set_furniture(not self.view.furniture)
        self.update_all(structure=True)

    def action_article(self) -> None:
        from tui.screens.article import ArticleScreen

        unit = self.view.unit
        self.app.push_screen(ArticleScreen(self.index, self.view.cursor.source, unit), self._article_jump)

    def _article_jump(self, unit) -> None:
        if unit is None:
            return
        before = (list(self.view.shown), self.view.filter, self.view.furniture)
        if self.view.go_to_unit(unit):
            self.update_all(structure=before != (self.view.shown, self.view.filter, self.view.furniture), center=True)

    # --- app ----------------------------------------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_next_theme(self) -> None:
        app = self.app
        themes = [t for t in THEME_CYCLE if t in app.available_themes]
        current = themes.index(app.theme) if app.theme in themes else -1
        app.theme = themes[(current + 1) % len(themes)]
        self.notify(f"Theme: {app.theme} (--theme {app.theme} starts in it)", timeout=2, markup=False)

    def action_dismiss_panels(self) -> None:
        if self.detail_shown:
            self._detail.display = False
        elif self.view.query:
            self.view.search("")
            self.synopsis.invalidate()
        self.update_all()

    def action_quit(self) -> None:
        # nothing readable is a failure, as `synoptic --format json` says with its exit status 1
        status = 0 if self.index.sources else 1
        self.app.exit(status, return_code=status)

    @on(SynopsisView.CursorMoved)
    def _clicked(self) -> None:
        self.moved()

    @on(SynopsisView.Resized)
    def _resized(self) -> None:
        """Rows re-wrap and columns pan with the size: keep the cursor in view and the status
        line (row, shown columns) true without waiting for a key."""
        self.update_all()
        self.synopsis.show_cursor_row()

    def key_commands(self):
        """(title, help, callback) for every key: the command palette lists them all."""
        for key in KEYS:
            from tui.keys import key_display

            yield key.help, f"key: {key_display(key)}", (lambda action=key.action: self.run_action(action))


#: Below this screen width, the status line shortens source labels to _NARROW_LABEL cells.
_WIDE_STATUS = 120
_NARROW_LABEL = 10


def _row_place(view: View, row: Row) -> str:
    """Where the cursor's row is, counted as the title bar counts rows (the headlines row
    apart): "row 7/15", or with a filter "row 7 (2 of 4 shown)"."""
    if row.key == TOP:
        return "headlines"
    total = view.index.group_count
    shown = [r for r in view.rows if r.key != TOP]
    story = f" · story {view.index.row_story.get(row.key, 0) + 1}" if len(view.index.alignment.stories) > 1 else ""
    if len(shown) == total:
        return f"row {row.number}/{total}{story}"
    return f"row {row.number} ({shown.index(row) + 1} of {len(shown)} shown){story}"


def _shown_columns(g: Geometry, number: Mapping[str, int], total: int) -> str:
    """Which columns are on screen when not all fit, by the numbers their headers show, out of
    all the sources: `cols 1–2 of 5`, `col 2 of 5`, `cols ◆4 2–3 of 5` (the pinned reference
    first), `cols 4–5 of 5, 1 hidden` (`number` holds the shown sources)."""
    numbers = [number[sid] for sid, _, _ in g.columns]
    parts: list[str] = []
    if g.pinned is not None and g.columns and g.columns[0][0] == g.pinned:
        parts.append(f"◆{numbers.pop(0)}")
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts += [str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs]
    hidden = total - len(number)
    out_of = f"of {total}, {hidden} hidden" if hidden else f"of {total}"
    return f"{'col' if len(g.columns) == 1 else 'cols'} {' '.join(parts)} {out_of} (< >)"