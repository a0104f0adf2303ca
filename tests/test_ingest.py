"""Ingest: every plain-text layout, the escaped field, Markdown with front matter."""

from pathlib import Path

from aligner.ingest import read_article
from aligner.load import load


def blocks(path: Path):
    return [(b.line, b.text) for b in read_article(path).blocks]


def test_one_paragraph_per_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("First paragraph here.\nSecond paragraph here.\n")
    assert blocks(f) == [(1, "First paragraph here."), (2, "Second paragraph here.")]


def test_blank_line_separated_paragraphs_keep_their_first_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("\nTitle\n\n\nFirst paragraph.\n\nSecond paragraph.\n")
    assert blocks(f) == [(2, "Title"), (5, "First paragraph."), (7, "Second paragraph.")]


def test_hard_wrapped_lines_are_joined(tmp_path):
    wrapped = (
        "The Obama administration is offering to coordinate military operations with\n"
        "Russia inside Syria, calling for joint bombing operations and a new command-\n"
        "and-control headquarters in a leaked proposal that would radically change\n"
        "America's role in the war-torn country.\n"
        "\n"
        "Secretary of State John Kerry arrived in Moscow on Thursday to negotiate\n"
        "potential military coordination with Russian President Vladimir Putin, and\n"
        "the two men talked late into the night about what each side could offer.\n"
    )
    f = tmp_path / "a.txt"
    f.write_text(wrapped)
    (first, second) = blocks(f)
    assert first[0] == 1 and second[0] == 6
    assert "command-and-control headquarters" in first[1]
    assert first[1].endswith("war-torn country.") and "\n" not in first[1]


def test_short_paragraphs_one_per_line_of_even_length_stay_apart(tmp_path):
    """Lines of similar length are not a wrapped file when nearly all of them end a sentence."""
    lines = [
        "Kerry and Putin discuss Syria military deal in Moscow",
        "Secretary of State John Kerry met Russian President Vladimir Putin in Moscow on Thursday.",
        "The two men discussed a proposal for joint air strikes against the Islamic State group.",
        "Officials said the plan would also target the Nusra Front, an affiliate of Al Qaeda.",
        "The White House said no final agreement had been reached by Thursday night.",
        "Critics in Congress warned that the deal could strengthen President Bashar Assad.",
        "Kerry is due to meet Foreign Minister Sergei Lavrov on Friday morning.",
    ]
    f = tmp_path / "a.txt"
    f.write_text("\n".join(lines) + "\n")
    assert blocks(f) == [(n, line) for n, line in enumerate(lines, 1)]


WRAPPED_PARAGRAPHS = [
    # filled at 60 columns: "...scandal in" / "1972. The party...", "...growing anti-" / "Assad
    # coalition's...", and a 43-column line before "counterintelligence"
    "The DNC used the same tactic during the Watergate scandal in 1972. The party sued the "
    "reelection committee for damages over the burglary at its headquarters.",
    "Opposition leaders in Damascus denounced the growing anti-Assad coalition's silence, and said "
    "that the rebel groups backed by Washington had not been consulted.",
    "Officials warned the new rules would hamper counterintelligence operations abroad for years, "
    "and asked the ministers to reconsider.",
    "Talks would resume early next week in Geneva, the officials said.",
    "The ministers met for four hours on Thursday and agreed to meet again.",
]


def test_hard_wrapped_paragraphs_come_back_whole(tmp_path):
    """A wrap after a hyphen joins without a space, a wrapped line may start with "1972.", and a
    short line before a long word is a wrap, not a paragraph's end."""
    import textwrap

    f = tmp_path / "a.txt"
    f.write_text("\n\n".join(textwrap.fill(p, 60) for p in WRAPPED_PARAGRAPHS) + "\n")
    assert [text for _, text in blocks(f)] == WRAPPED_PARAGRAPHS


def test_hard_wrapped_paragraphs_without_blank_lines_split_where_a_wrapper_would_not(tmp_path):
    """No blank line between paragraphs: a line that ends a sentence, with room left for the next
    line's first word, ends its paragraph."""
    import textwrap

    f = tmp_path / "a.txt"
    f.write_text("\n".join(textwrap.fill(p, 60) for p in WRAPPED_PARAGRAPHS) + "\n")
    assert [text for _, text in blocks(f)] == WRAPPED_PARAGRAPHS


def test_escaped_field_is_unwrapped_and_lines_kept(seeds_dir):
    found = blocks(seeds_dir / "001_833b75131be248af.txt")
    assert found[0][0] == 1 and found[0][1].startswith("MOSCOW -- Secretary")
    assert found[1][1].startswith('Both men said they were hopeful of reaching an accord. "I hope')
    assert all('\\"' not in text for _, text in found)
    assert found[-1] == (22, "Copyright New York Times Company Jul 15, 2016")


def test_markdown_with_front_matter(tmp_path):
    f = tmp_path / "story.md"
    f.write_text(
        "---\ntitle: Talks in Moscow\noutlet: Example Wire\ndate: 2016-07-15\nurl: https://example.org/x\n---\n"
        "# Talks in Moscow\n\nKerry met **Putin** in [Moscow](https://example.org).\n\n"
        "- a list item\n\n> a quoted paragraph\n"
    )
    article = read_article(f)
    assert article.front_matter["outlet"] == "Example Wire"
    assert [(b.line, b.kind, b.text) for b in article.blocks] == [
        (7, "heading", "Talks in Moscow"),
        (9, "text", "Kerry met Putin in Moscow."),
        (11, "item", "\u2022 a list item"),
        (13, "quote", "a quoted paragraph"),
    ]
    (source,) = load([f]).sources
    assert (source.title, source.outlet, str(source.published)) == ("Talks in Moscow", "Example Wire", "2016-07-15")
    assert source.url == "https://example.org/x"


def test_markdown_list_items_keep_their_marker_on_their_first_paragraph(tmp_path):
    """A reader sees a bullet or a number before each item, as in a plain-text file; an item's
    second paragraph continues it."""
    f = tmp_path / "list.md"
    f.write_text("- first point\n- second point\n\n  more of the second\n\n3. third step\n4) fourth step\n")
    assert [b.text for b in read_article(f).blocks] == [
        "\u2022 first point", "\u2022 second point", "more of the second", "3. third step", "4) fourth step",
    ]


def test_the_front_matter_url_is_in_the_markdown_report_and_the_source_list(tmp_path):
    from aligner import align
    from aligner.report import alignment_to_markdown
    from tui.reading import Index, source_line

    (tmp_path / "a.md").write_text("---\nurl: https://example.org/a\n---\nKerry met Putin in Moscow on Friday.\n")
    (tmp_path / "b.txt").write_text("Putin met Kerry in Moscow on Friday.\n")
    alignment = align([tmp_path])
    assert "| https://example.org/a |" in alignment_to_markdown(alignment)
    index = Index(alignment)
    assert source_line(index, "a.md").endswith(" · https://example.org/a")
    assert source_line(index, "b.txt") == "b"


def test_markdown_image_alt_text_is_a_caption(tmp_path):
    f = tmp_path / "story.md"
    f.write_text(
        "# Kerry arrives in Moscow\n\n"
        "![Secretary of State John Kerry *arrives* in Moscow on Thursday.](kerry.jpg)\n\n"
        "Secretary of State John Kerry arrived in Moscow on Thursday to negotiate with Russian officials.\n\n"
        "![](blank.jpg)\n\n"
        "The talks ![icon](talks.png) went on late into the night.\n"
    )
    article = read_article(f)
    assert [(b.line, b.kind, b.text) for b in article.blocks] == [
        (1, "heading", "Kerry arrives in Moscow"),
        (3, "image", "Secretary of State John Kerry arrives in Moscow on Thursday."),
        (5, "text", "Secretary of State John Kerry arrived in Moscow on Thursday to negotiate with Russian officials."),
        (9, "text", "The talks went on late into the night."),
    ]
    roles = [p.role for p in load([f]).paragraphs]
    assert roles == ["headline", "caption", "body", "body"]


def test_labels_follow_input_order_else_file_name(tmp_path):
    for name in ("b.txt", "a.txt", "c.txt"):
        (tmp_path / name).write_text("Some text of an article.\n")
    loaded = load([tmp_path], labels=["First", "Second"])
    assert [(s.id, s.label) for s in loaded.sources] == [("a.txt", "First"), ("b.txt", "Second"), ("c.txt", "c")]
    # fewer labels than articles: said, not silently accepted
    assert [(p.path, p.reason, p.skipped) for p in loaded.problems] == [
        ("--label", "2 labels for 3 articles; the others are named by their front matter or file", False)
    ]
    assert load([tmp_path], labels=["A", "B", "C"]).problems == ()


def test_a_markdown_file_of_images_alone_is_not_an_article(tmp_path):
    import pytest

    from aligner.ingest import IngestError

    f = tmp_path / "gallery.md"
    f.write_text("![Rescuers in the rubble](a.jpg)\n\n![The harbour at dawn](b.jpg)\n")
    with pytest.raises(IngestError, match="only images"):
        read_article(f)
    assert [p.reason for p in load([f]).problems] == ["no paragraphs found, only images"]


def test_inline_html_line_breaks_separate_words_and_other_tags_vanish(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("Kerry arrived in Geneva on Thursday.<br>Lavrov followed on Friday.\n\n"
                 "It ended.<br/>They left. A <b>bold</b> word.\n", encoding="utf-8")
    assert [p.text for p in load([f]).paragraphs] == [
        "Kerry arrived in Geneva on Thursday. Lavrov followed on Friday.",
        "It ended. They left. A bold word.",
    ]
