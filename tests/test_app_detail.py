"""Pilot tests of the detail panel at 80×24: what it compares for an attribution flag, how the
keyboard reads it whole, and what it says where there is no sentence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from test_app_keys import SIZE, pressed, reader
from tui.app import make_app

LEAD_IN = ("003_744424d8c9248282.txt", 23)  # "Reuters explains:" (a lead-in of its own)
COPY = ("003_744424d8c9248282.txt", 24)  # the New York Times' paragraph, nearly word for word
ORIGINAL = ("001_833b75131be248af.txt", 11)


@pytest.fixture(scope="module")
def misattributed(frozen_seeds):
    """The seeds' attribution flag as aligner.flags builds it: span a is the credit in the
    lead-in, span b the original; the copy is only in `reuse`."""
    from aligner.model import Flag, Reuse, Span

    def whole(key):
        return Span(*key, 0, len(frozen_seeds.paragraph(key).text))

    credit = Span(*LEAD_IN, 0, len("Reuters"))
    flag = Flag("attribution", credit, whole(ORIGINAL),
                "003 credits this passage to Reuters, but it is nearly word for word The New York Times' text.", 0.86)
    return replace(frozen_seeds, flags=(flag,), reuse=(Reuse(whole(ORIGINAL), whole(COPY), 0.92),))


def panel_text(screen) -> dict[str, str]:
    return {part: str(screen.query_one(f"#detail-{part}").render()) for part in ("head", "changes", "a", "b")}


async def test_attribution_detail_diffs_the_copy_against_the_original(misattributed):
    app = make_app(alignment=misattributed)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "f", "enter", "d")  # the flag list jumps to the credit, then the panel
        screen = reader(app)
        assert screen.view.unit.key == LEAD_IN
        text = panel_text(screen)
        assert "attribution" in text["head"]
        assert "worded differently" not in text["changes"]
        assert "«American» → «States»" in text["changes"]  # the copy's edits, as ↺ shows them
        left, right = text["a"], text["b"]
        credit = "Reuters\u00a0explains:"  # as written, a no-break space
        assert credit in left  # the credit line stays, above the copy
        assert left.index(credit) < left.index("the copy") < left.index("American-backed rebel")
        assert "the original" in right and "because of that United" in right


async def test_attribution_detail_from_the_original_side(misattributed):
    app = make_app(alignment=misattributed)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        screen.view.go_to_unit(screen.index.units[ORIGINAL][0])
        screen.update_all(structure=True)
        await pressed(pilot, "d")
        text = panel_text(screen)
        assert "«Russia has argued» → «In Russia’s view»" in text["changes"]  # original on the left now
        assert "the original" in text["a"] and "Reuters\u00a0explains:" in text["b"] and "the copy" in text["b"]


async def test_detail_panel_scrolls_from_the_keyboard(misattributed):
    app = make_app(alignment=misattributed)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "f", "enter", "d")
        screen = reader(app)
        detail = screen.query_one("#detail")
        cursor = screen.view.cursor
        assert detail.max_scroll_y > 0  # both passages do not fit at 80×24
        for _ in range(10):
            await pressed(pilot, "J")
        assert detail.scroll_y == detail.max_scroll_y  # the ends of both passages can be read
        assert screen.view.cursor == cursor  # the panel scrolled, the cursor stayed
        await pressed(pilot, "K")
        assert 0 < detail.scroll_y < detail.max_scroll_y
        for _ in range(10):
            await pressed(pilot, "K")
        assert detail.scroll_y == 0
        await pressed(pilot, "d", "J")  # closed: J opens it, at the top
        assert detail.display and detail.scroll_y == 0
        assert "J K scroll" in detail.border_title


async def test_detail_on_an_uncovered_cell_says_there_is_no_sentence(marked_seeds):
    app = make_app(alignment=marked_seeds)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(app)
        view = screen.view
        row, source = next((i, s) for i, r in enumerate(view.rows) for s in view.columns if not view.cell(r, s))
        view.cursor = type(view.cursor)(row, source, 0)
        screen.update_all(structure=True)
        assert view.unit is None
        await pressed(pilot, "d")
        head = str(screen.query_one("#detail-head").render())
        assert "no sentence" in head and "this sentence has" not in head


async def test_detail_panel_keeps_its_place_through_a_resize_and_starts_at_the_top_when_reopened(misattributed):
    app = make_app(alignment=misattributed)
    async with app.run_test(size=SIZE) as pilot:
        await pressed(pilot, "f", "enter", "d", "J")
        detail = reader(app).query_one("#detail")
        place = detail.scroll_y
        assert place > 0
        await pilot.resize_terminal(82, 24)
        await pilot.pause()
        assert detail.scroll_y == place  # the reader's J / K place survives the redraw
        await pressed(pilot, "d", "d")  # closed and opened again: from the top
        assert detail.display and detail.scroll_y == 0


def test_a_match_heading_says_how_strong_it_is(marked_seeds):
    """A pair scored 0.2 is not presented like a paraphrase: the heading follows the score."""
    from tui.widgets.detail import match_meaning

    scores = sorted(m.score for m in marked_seeds.matches)
    meanings = [match_meaning(s) for s in (scores[0], 0.45, scores[-1])]
    assert meanings[0].startswith("a weak match") and scores[0] < 0.3
    assert meanings[1] == "a fact both sentences state, among others"
    assert meanings[2] == "the same fact in both sources" and scores[-1] >= 0.6


def test_words_that_swap_places_are_not_shown_as_changed():
    from aligner.diff import word_diff
    from tui.widgets.detail import word_changes

    a = "The report said the Russian government had contacts with Trump campaign officials."
    b = "The report said Trump campaign officials had contacts with the Russian government."
    changed = [o for o in word_diff(a, b) if o.tag != "equal"]
    shown = [c.plain for c in word_changes(a, b, changed)]
    assert shown == ["«the Russian government» ⇄ «Trump campaign officials» (order changed)",
                     "«Trump campaign officials» ⇄ «the Russian government» (order changed)"]
    c = "The report said the Russian government had contacts with Trump campaign donors."
    replaced = [o for o in word_diff(a, c) if o.tag != "equal"]
    assert [x.plain for x in word_changes(a, c, replaced)] == ["«officials» → «donors»"]


def test_words_in_common_are_counted_alike_from_either_passage(seeds_alignment):
    """A word diff aligns words differently from each side; the count the panel gives is the
    same whichever passage of a flag or match it is opened from."""
    from aligner.diff import word_diff
    from tui.widgets.detail import words_in_common

    def one_way(a, b):
        return sum(len(a[o.a_start : o.a_end].split()) for o in word_diff(a, b) if o.tag == "equal")

    pairs = [(seeds_alignment.span_text(m.a), seeds_alignment.span_text(m.b)) for m in seeds_alignment.matches]
    assert any(one_way(a, b) != one_way(b, a) for a, b in pairs)  # the case this guards against
    for a, b in pairs:
        assert words_in_common(a, b) == words_in_common(b, a) == max(one_way(a, b), one_way(b, a))
