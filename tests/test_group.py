"""Grouping: every story paragraph in one row, lead-ins with their paragraph, rows in story order."""

from pathlib import Path

import numpy as np
import pytest

from aligner import align
from aligner.group import _OWN_LOOP_MAX_UNITS, average_link, make_units, profile_similarity
from aligner.model import STORY_ROLES, Paragraph
from aligner.segment import split_sentences


def para(source: str, index: int, text: str, role: str = "body") -> Paragraph:
    return Paragraph(source, index, index + 1, role, text, split_sentences(text))


def test_lead_in_joins_the_paragraph_it_introduces():
    units = make_units([para("a", 0, "The Post reported:", "lead-in"), para("a", 1, "Troops moved north."), para("a", 2, "Rain fell.")])
    assert [[p.index for p in u.paragraphs] for u in units] == [[0, 1], [2]]
    assert [u.position for u in units] == [0.0, 1.0]


def test_average_link_merges_only_across_sources():
    sim = np.array([[0, 0.9, 0.1], [0.9, 0, 0.1], [0.1, 0.1, 0]], dtype=np.float32)
    assert sorted(map(sorted, average_link(sim, ["a", "a", "b"], 0.5))) == [[0], [1], [2]]
    assert sorted(map(sorted, average_link(sim, ["a", "b", "c"], 0.5))) == [[0, 1], [2]]


def test_average_link_uses_the_mean_of_cross_source_links():
    sim = np.array([[0, 0.8, 0.3], [0.8, 0, 0.3], [0.3, 0.3, 0]], dtype=np.float32)
    assert len(average_link(sim, ["a", "b", "c"], 0.35)) == 2  # mean link to {0, 1} is 0.3
    assert len(average_link(sim, ["a", "b", "c"], 0.25)) == 1


@pytest.mark.parametrize("n", [12, _OWN_LOOP_MAX_UNITS, _OWN_LOOP_MAX_UNITS + 1])
def test_profile_similarity_is_the_correlation_of_similarity_profiles(n):
    """Either way the product is computed (numpy's loop for small clusters, BLAS above), it is
    the Pearson correlation of two paragraphs' similarities to all (self-similarity left out)."""
    rng = np.random.default_rng(n)
    s = rng.random((n, n))
    s = (s + s.T) / 2
    profiles = s.copy()
    np.fill_diagonal(profiles, 0.0)
    np.testing.assert_allclose(profile_similarity(s), np.corrcoef(profiles), atol=1e-9)


def test_seeds_every_story_paragraph_in_exactly_one_row(seeds_alignment):
    story = sorted(p.key for p in seeds_alignment.paragraphs if p.role in STORY_ROLES)
    placed = sorted(k for g in seeds_alignment.groups for k in g.members)
    assert placed == story
    assert all(g.label for g in seeds_alignment.groups)


def test_seeds_lead_ins_share_a_row_with_the_next_paragraph(seeds_alignment):
    row_of = {k: g.id for g in seeds_alignment.groups for k in g.members}
    by_source = {}
    for p in seeds_alignment.paragraphs:
        if p.role in STORY_ROLES:
            by_source.setdefault(p.source, []).append(p)
    for paragraphs in by_source.values():
        for p, following in zip(paragraphs, paragraphs[1:]):
            if p.role == "lead-in":
                assert row_of[p.key] == row_of[following.key]


def test_seeds_the_reused_nusra_passage_shares_a_row(seeds_alignment):
    row_of = {k: g.id for g in seeds_alignment.groups for k in g.members}
    line = {p.key: p.line for p in seeds_alignment.paragraphs}
    keys = {(k[0][:3], line[k]): k for k in row_of}
    assert row_of[keys[("001", 12)]] == row_of[keys[("003", 50)]]


def test_a_paragraph_no_other_source_covers_gets_its_own_row(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        "Kerry and Lavrov agreed on a ceasefire plan for Aleppo in Geneva.\n\n"
        "The zoo in Prague welcomed twin panda cubs born to its oldest female bear.\n"
    )
    (tmp_path / "b.txt").write_text("In Geneva, Lavrov and Kerry agreed a ceasefire plan covering Aleppo.\n")
    alignment = align([tmp_path])
    rows = [sorted(k[0] for k in g.members) for g in alignment.groups]
    assert ["a.txt", "b.txt"] in rows
    assert ["a.txt"] in rows


def test_unrelated_stories_fall_into_separate_blocks(tmp_path: Path):
    story = "Kerry and Lavrov agreed on a ceasefire plan for Aleppo in Geneva on Friday.\n"
    other = "The Prague zoo welcomed twin panda cubs, the first born in the Czech Republic.\n"
    for name, text in (("a.txt", story), ("b.txt", story), ("c.txt", other), ("d.txt", other)):
        (tmp_path / name).write_text(text)
    alignment = align([tmp_path])
    rows = sorted(sorted(k[0] for k in g.members) for g in alignment.groups)
    assert rows == [["a.txt", "b.txt"], ["c.txt", "d.txt"]]
    assert [g.id for g in alignment.groups] == list(range(len(alignment.groups)))


_LONE_ARTICLE = """Russian figure skaters win team gold as Olympic doping row simmers

Russia's figure skaters won the team event at the Winter Games on Monday, a victory that officials in Moscow greeted as a rebuke to critics of the country's athletes.

President Vladimir Putin sent a telegram of congratulations to the team, the Kremlin said, praising what it called the skaters' courage under pressure.

The gold medal came days after the Court of Arbitration for Sport heard an appeal over a positive test by a 15-year-old skater, a case that has divided the sport.

American officials said the United States would ask the International Olympic Committee to review how the case was handled before the medal ceremony is held.

Fans in the arena waved Russian flags even though the team competes under a neutral banner, and the national anthem was replaced by a piece by Tchaikovsky.

The team's coach told reporters that her skaters had trained for four years for the moment and would not let the controversy spoil it.
"""


def test_a_lone_article_on_another_event_is_a_story_of_its_own(seeds_dir: Path, tmp_path: Path):
    # It shares the seeds' beat (Russia, Putin, American officials), and in a small pile the
    # words it shares with them are nearly all that a shared-term cosine sees of it.
    (tmp_path / "zz_lone.txt").write_text(_LONE_ARTICLE)
    alignment = align([seeds_dir, tmp_path])
    assert alignment.stories == (tuple(sorted(p.name for p in seeds_dir.iterdir())), ("zz_lone.txt",))


def test_rows_follow_the_story(seeds_alignment):
    """Rows are sorted by the median relative position of their members."""
    position = {}
    for source in {p.source for p in seeds_alignment.paragraphs}:
        story = [p for p in seeds_alignment.paragraphs if p.source == source and p.role in STORY_ROLES]
        for k, p in enumerate(story):
            position[p.key] = k / max(len(story) - 1, 1)
    medians = [float(np.median([position[k] for k in g.members])) for g in seeds_alignment.groups]
    assert medians == sorted(medians) or np.mean(np.diff(medians) >= -0.15) > 0.9


def test_row_labels_name_what_the_row_shares_as_written(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Kerry and Lavrov agreed on a ceasefire plan for Aleppo in Geneva.\n")
    (tmp_path / "b.txt").write_text("In Geneva, Lavrov and Kerry agreed a ceasefire plan covering Aleppo.\n")
    (label,) = [g.label for g in align([tmp_path]).groups]
    words = label.split(" · ")
    assert len(words) == 3
    assert set(words) <= {"Kerry", "Lavrov", "agreed", "ceasefire", "plan", "Aleppo", "Geneva"}


def test_row_labels_skip_contractions_and_filler_words(tmp_path: Path):
    """'We don't know, though it might' is shared by both paragraphs, but names nothing: the label
    is the sub-topic's own words."""
    (tmp_path / "a.txt").write_text("We don't know, though it might be true, said Kerry of the Aleppo ceasefire.\n")
    (tmp_path / "b.txt").write_text("Kerry said we don't know, though it might hold, of the Aleppo ceasefire.\n")
    (label,) = [g.label for g in align([tmp_path]).groups]
    assert set(label.split(" · ")) == {"Kerry", "Aleppo", "ceasefire"}


def test_row_labels_are_words_not_escape_debris(tmp_path: Path):
    (tmp_path / "a.txt").write_text("\x1b[31mred alert\x1b[0m over the Aleppo ceasefire plan agreed in Geneva.\n")
    (tmp_path / "b.txt").write_text("\x1b[31mred alert\x1b[0m as Geneva talks agree an Aleppo ceasefire plan.\n")
    groups = align([tmp_path]).groups
    assert groups
    for group in groups:
        assert all(word.isalpha() for word in group.label.split(" · "))
