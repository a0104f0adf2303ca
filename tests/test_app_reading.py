"""The reading model (tui.reading): rows, cells, cursor and reading order, without a terminal."""

from __future__ import annotations

from dataclasses import replace

from tui.reading import TOP, Index, View


def test_rows_are_the_groups_in_order_after_the_headline_row(frozen_seeds):
    index = Index(frozen_seeds)
    assert index.rows[0].key == TOP
    assert [r.key for r in index.rows[1:]] == [g.id for g in frozen_seeds.groups]
    for row, group in zip(index.rows[1:], frozen_seeds.groups):
        placed = sorted(p.key for ps in row.cells.values() for p in ps)
        assert placed == sorted(group.members)
        for paragraphs in row.cells.values():  # each article's own order within a cell
            assert [p.index for p in paragraphs] == sorted(p.index for p in paragraphs)


def test_every_paragraph_has_a_row_and_every_sentence_a_unit(frozen_seeds):
    index = Index(frozen_seeds)
    for p in frozen_seeds.paragraphs:
        if p.role in ("body", "lead-in", "headline", "caption", "meta", "boilerplate"):
            assert p.key in index.row_of
        units = index.units[p.key]
        assert units and all(0 <= u.start < u.end <= len(p.text) or len(p.text) == 0 for u in units)


def test_matches_light_up_both_ways(frozen_seeds):
    index = Index(frozen_seeds)
    view = View(index)
    m = frozen_seeds.matches[0]
    a = index.unit_at(m.a.source, m.a.paragraph, m.a.start)
    b = index.unit_at(m.b.source, m.b.paragraph, m.b.start)
    assert view.go_to_unit(a)
    assert b in view.lit()
    assert view.go_to_unit(b)
    assert a in view.lit()


def test_reading_order_visits_matches_row_by_row(frozen_seeds):
    view = View(Index(frozen_seeds))
    keys = []
    for _ in range(len(frozen_seeds.matches) * 2):
        unit = view.next_match()
        if unit is None:
            break
        key = view.order_key(unit)
        if keys and key <= keys[-1]:
            break  # wrapped around
        keys.append(key)
    assert keys == sorted(keys) and len(keys) == len(Index(frozen_seeds).matched)


def test_filters_and_hidden_sources(marked_seeds):
    index = Index(marked_seeds)
    view = View(index)
    view.set_filter("flagged")
    assert all(r.key in index.flagged_rows for r in view.rows)
    view.set_filter("omitted")
    before = len(view.rows)
    only = index.source_ids[0]
    for sid in index.source_ids[1:]:
        view.toggle_source(sid)
    assert view.shown == [only]
    assert not view.toggle_source(only)  # the last one stays
    # with one source shown, a row "omits" something only if that source is missing
    assert all(only not in r.cells for r in view.rows) and len(view.rows) <= before
    view.show_all()
    view.set_filter("all")
    assert len(view.rows) == len(index.rows)


def test_jumping_reveals_what_hides_the_target(marked_seeds):
    index = Index(marked_seeds)
    view = View(index)
    flag = marked_seeds.flags[0]
    view.toggle_source(flag.a.source)
    view.set_filter("omitted")
    assert view.go_to_flag(0)
    assert flag.a.source in view.shown
    assert view.unit == index.unit_at(flag.a.source, flag.a.paragraph, flag.a.start)


def test_search_is_literal_and_case_blind(tmp_path, frozen_seeds):
    p = frozen_seeds.paragraphs[5]
    odd = replace(p, text="Price [1.5] (a+b)* LAVROV lavrov", sentences=())
    alignment = replace(frozen_seeds, paragraphs=tuple(odd if q.key == p.key else q for q in frozen_seeds.paragraphs))
    view = View(Index(alignment))
    view.set_furniture(True)
    assert view.search("(a+b)*") == 1
    assert view.search("[1.5]") == 1
    hits = view.search("lavrov")
    texts = {alignment.paragraph(h.unit.key).text[h.start:h.end] for h in view.hits}
    assert hits >= 2 and {"LAVROV", "lavrov"} <= texts
    first = view.next_hit()
    second = view.next_hit()
    assert first != second and view.hit_number()[1] == hits


def test_search_finds_typeset_quotes_dashes_and_spaces_as_typed(frozen_seeds):
    """An analyst types ' and - ; outlets print ’ and — and no-break spaces."""
    p = frozen_seeds.paragraphs[5]
    odd = replace(p, text="Russia’s plan — “final”, said Reuters explains. Russia's plan - final. "
                          "Wait… and wait...", sentences=())
    alignment = replace(frozen_seeds, paragraphs=tuple(odd if q.key == p.key else q for q in frozen_seeds.paragraphs))
    view = View(Index(alignment))
    view.set_furniture(True)

    def found(query):
        view.search(query)
        return sorted(odd.text[h.start:h.end] for h in view.hits if h.unit.key == odd.key)

    assert found("russia's plan") == ["Russia's plan", "Russia’s plan"]
    assert found("Russia’s") == ["Russia's", "Russia’s"]
    assert found('plan - "final"') == ["plan — “final”"]
    assert found("Reuters explains") == ["Reuters explains"]
    assert found("[1.5]") == [] and found("plan -") == ["plan -", "plan —"]
    assert found("wait...") == found("wait\u2026") == ["Wait\u2026", "wait..."]
    assert view.search("\u200b\u00ad") == 0 and found("\u200bwait\u2026") == ["Wait\u2026", "wait..."]


def test_next_hit_when_every_hit_is_hidden_is_none(frozen_seeds):
    """Search a word only one source uses, then hide that source: the hits are counted as
    hidden, and `n` finds nothing, it does not fail."""
    view = View(Index(frozen_seeds))
    found = view.search("Tabler")  # Andrew J. Tabler is quoted by one outlet only
    assert found
    (holder,) = {h.unit.source for h in view.hits}
    assert view.toggle_source(holder)
    assert not view.hits and view.hidden_hits == found
    assert view.next_hit() is None and view.next_hit(False) is None


def test_sentence_moves_continue_down_the_column(frozen_seeds):
    view = View(Index(frozen_seeds))
    source = view.cursor.source
    seen = []
    for _ in range(200):
        unit = view.unit
        if unit is not None:
            seen.append(unit)
        before = view.cursor
        view.move_unit(1)
        if view.cursor == before:
            break
    # every sentence of the source's cells, in row order, once
    assert len(seen) == len(set(seen))
    assert all(u.source == source for u in seen)
    expected = [u for row in view.rows for u in view.cell_units(row, source)]
    assert seen == expected


def test_two_stories_each_row_is_missing_only_from_its_own_story(two_stories):
    """The earthquake's rows are not 'omitted' by the five articles on Syria, nor the reverse:
    the ~ filter keeps a row only when a source of its own story leaves it out."""
    from tui.screens.reader import _row_place

    index = Index(two_stories)
    quake = {"quake_a.txt", "quake_b.txt"}
    assert {index.story_of(sid) for sid in quake} == {1} and set(map(index.story_of, index.source_ids)) == {0, 1}
    view = View(index)
    view.set_filter("omitted")
    assert view.rows
    for row in view.rows:
        tellers = [sid for sid in index.source_ids if index.story_of(sid) == index.row_story[row.key]]
        assert any(sid not in row.cells for sid in tellers)
    quake_rows = [r for r in index.rows[1:] if set(r.cells) <= quake]
    both = [r for r in quake_rows if set(r.cells) == quake]
    assert both and not any(r in view.rows for r in both)  # told by both quake articles: not omitted
    assert _row_place(View(index), quake_rows[0]).endswith(" · story 2")


def test_flags_that_share_a_sentence_are_each_reached(two_stories):
    """The quake articles differ in a magnitude and a toll in one sentence pair: ] visits both
    flags at both ends, in turn, numbered 1 and 2, then wraps."""
    index = Index(two_stories)
    view = View(index)
    quake = [i for i, f in enumerate(two_stories.flags) if f.a.source.startswith("quake")]
    assert len(quake) >= 2
    for sid in index.source_ids:
        if not sid.startswith("quake"):
            view.toggle_source(sid)
    seen = []
    for _ in range(2 * len(quake)):
        seen.append(view.next_flag())
        assert not view.wrapped
    assert sorted(seen) == sorted(quake * 2)
    assert sorted({view.flag_number(i)[0] for i in seen}) == list(range(1, len(quake) + 1))
    view.next_flag()
    assert view.wrapped and view.current_flag == seen[0]
    back = [view.next_flag(False) for _ in range(2 * len(quake))]
    assert sorted(back) == sorted(quake * 2)


def test_the_headline_row_is_shown_only_with_something_in_it(tmp_path):
    """Articles whose titles are in their front matter have no headline paragraphs: no empty
    "headlines" row of "not covered" cells, with or without furniture shown."""
    from aligner import align

    story = ("Rescue teams from three countries arrived on Tuesday and began searching collapsed buildings.",
             "The government declared a state of emergency and asked for help with shelter and water.")
    paths = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\ntitle: Quake in {name}\noutlet: {name.upper()} News\n---\n\n" + "\n\n".join(story) + "\n")
        paths.append(path)
    view = View(Index(align(paths)))
    assert view.rows and all(r.key != TOP for r in view.rows)
    view.set_furniture(True)
    assert all(r.key != TOP for r in view.rows)


def test_the_headline_row_follows_the_furniture_switch(frozen_seeds):
    view = View(Index(frozen_seeds))
    assert view.rows[0].key == TOP  # the seeds have headlines
    view.set_furniture(True)
    assert view.rows[0].key == TOP and view.row_passes(view.rows[0])


def test_hits_follow_what_the_view_shows(frozen_seeds):
    """Showing and hiding furniture, sources or rows recounts the hits: `n` never steps to, or
    counts, a hit the view no longer shows."""
    view = View(Index(frozen_seeds))
    view.set_furniture(True)
    with_furniture = view.search("Lavrov")
    captions = [h for h in view.hits if h.unit.paragraph in _furniture_indexes(view, h.unit.source)]
    assert captions  # the seeds name Lavrov in photo captions
    view.current_hit = captions[0]
    view.set_furniture(False)
    assert len(view.hits) == with_furniture - len(captions) and view.hidden_hits == len(captions)
    assert view.current_hit is None  # it is hidden now: `n` steps from the cursor
    assert all(h not in view.hits for h in captions)
    view.toggle_source(view.shown[0])
    assert len(view.hits) + view.hidden_hits == with_furniture


def _furniture_indexes(view: View, source: str) -> set[int]:
    from aligner.model import FURNITURE_ROLES

    return {p.index for p in view.index.alignment.paragraphs if p.source == source and p.role in FURNITURE_ROLES}


def test_search_counts_what_the_view_hides(frozen_seeds):
    """A word found only in rows a filter hides, a hidden column or furniture is counted, so the
    reader is told it is there rather than "not found"."""
    view = View(Index(frozen_seeds))
    everywhere = view.search("Kerry")
    assert everywhere and view.hidden_hits >= 0
    total = everywhere + view.hidden_hits
    view.filter = "flagged"
    view.refilter()
    shown = view.search("Kerry")
    assert shown < total and shown + view.hidden_hits == total
    view.filter = "all"
    view.refilter()
    view.shown = view.shown[:1]
    view.refilter()
    assert view.search("Kerry") + view.hidden_hits == total


def test_revealing_a_caption_recounts_the_hits(frozen_seeds):
    """Going to a caption (from the article list) shows the furniture: its hits are then shown."""
    view = View(Index(frozen_seeds))
    view.search("Lavrov")
    hidden = view.hidden_hits
    assert hidden
    caption = next(
        u for units in view.index.units.values() for u in units
        if u.paragraph in _furniture_indexes(view, u.source) and "Lavrov" in view.index.alignment.paragraph(u.key).text
    )
    assert view.go_to_unit(caption)
    assert view.furniture and view.hidden_hits < hidden


def test_a_hit_kept_through_a_refilter_keeps_its_number(frozen_seeds):
    view = View(Index(frozen_seeds))
    view.search("Kerry")
    hit = view.next_hit()
    keep = next(s for s in view.shown if s != hit.unit.source)
    other = next(s for s in view.shown if s not in (keep, hit.unit.source))
    view.toggle_source(other)
    assert view.current_hit == hit and view.hit_number()[0] > 0
