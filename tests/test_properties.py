"""Property tests (hypothesis) over every stage: ingest, segmentation, grouping, matching, flagging
and the reports.

Invariants, for any input:
- no exception (an unusable file is an `IngestError` / `LoadProblem`, nothing else);
- every span lies inside its paragraph and its text equals the slice;
- every body and lead-in paragraph is in exactly one group and keeps its number in its article;
- the JSON report round-trips, and the Markdown report shows article text literally.

Examples per property: 500 in CI (profile "synoptic-ci", the default). The long run, 10,000 per
property:

    SYNOPTIC_HYPOTHESIS_PROFILE=synoptic-long .venv/bin/python -m pytest tests/test_properties.py

Any other registered hypothesis profile can be named the same way ("synoptic-dev": 50 examples).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.cells import cell_len

from aligner import align, tuning
from aligner.decode import UndecodableError, decode
from aligner.ingest import IngestError, read_article
from aligner.model import FLAG_KINDS, ROLES, STORY_ROLES, Paragraph
from aligner.report import alignment_to_json, alignment_to_json_text, alignment_to_markdown, md_escape
from aligner.segment import split_sentences
from aligner.text import visible, words
from aligner.vectors import counts
from tui.cells import _cut, wrap

_COMMON = dict(
    deadline=None,  # the first call pays for imports and caches; timing is bench/'s business
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    print_blob=True,
)
settings.register_profile("synoptic-ci", max_examples=500, **_COMMON)
settings.register_profile("synoptic-long", max_examples=10_000, **_COMMON)
settings.register_profile("synoptic-dev", max_examples=50, **_COMMON)
#: numpy's "invalid value" and friends are bugs here (a NaN score), not noise.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")
PROFILE = settings.get_profile(os.environ.get("SYNOPTIC_HYPOTHESIS_PROFILE", "synoptic-ci"))

# --- strategies: news-like text, with everything hostile mixed in ------------------------------

NEWS_WORDS = [
    "Kerry", "Lavrov", "Putin", "Obama", "said", "says", "the", "talks", "on", "Syria", "in", "Moscow",
    "U.S.", "Mr.", "Vladimir V. Putin", "10 a.m.", "Friday", "Thursday", "July 14, 2016", "2016", "3,000",
    "50 percent", "$1.2 billion", "not", "never", "may", "could", "denied", "confirmed", "reported:",
    '"we agree,"', "\u201cwe agree\u201d", "\u2014", "(AP)", "/ AP Photo", "Reuters", "By", "Copyright",
    "Word count: 12", "ISIS", "ISIL", "ceasefire", "Aleppo", "officials", "according", "to",
]
HOSTILE_BITS = [
    "[bold]", "[/]", "[@click=app.quit]", "[b", "\x1b[31m", "\x1b]8;;http://x\x07", "\x1b]0;t\x07", "\x9b",
    "\x07", "\x08", "\x7f", "\x85", "\u200b", "\u200d", "\u202e", "\u2066", "\u2069", "\ufeff", "\u00a0",
    "\U000e0041", "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd", "\u4e2d\u6587\u3002",
    "\U0001f600", "\U0001f1fa\U0001f1f8", "\u2764\ufe0f", "e\u0301", "\\", '\\"', '"', "''", "#", "- ", "1.",
    "> ", "`", "*", "_", "<b>", "&amp;", "|", "---", "...", "\u2026", ":", ";", "?", "!", "\t",
]
word = st.one_of(
    st.sampled_from(NEWS_WORDS),
    st.sampled_from(NEWS_WORDS),
    st.sampled_from(HOSTILE_BITS),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=6),
)
sentence = st.builds(
    lambda ws, end: " ".join(ws) + end,
    st.lists(word, min_size=1, max_size=14),
    st.sampled_from([".", ".", "?", "!", ":", "", '."', ".\u201d", "\u3002"]),
)
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
separator = st.sampled_from(["\n\n", "\n\n", "\n", "\r\n\r\n", "\r\n", "\r\r", "\r", "\n \n", "\n\n\n"])


@st.composite
def article_text(draw, pool: list[str] | None = None) -> str:
    """A headline and paragraphs, some drawn from a shared pool (so articles share facts)."""
    parts = [draw(sentence)]
    for _ in range(draw(st.integers(1, 6))):
        if pool and draw(st.booleans()):
            parts.append(draw(st.sampled_from(pool)))
        else:
            parts.append(draw(paragraph))
    text = parts[0]
    for part in parts[1:]:
        text += draw(separator) + part
    if draw(st.integers(0, 9)) == 0:  # the escaped-field layout of seeds/001
        text = '"' + text.replace('"', '\\"') + '"'
    if draw(st.integers(0, 9)) == 0:
        text = draw(st.sampled_from(["---\ntitle: T\noutlet: O\ndate: 2016-07-14\n---\n", "---\n[[[\n---\n", "---\n"])) + text
    return text + draw(st.sampled_from(["", "\n", "\r\n", "\n\n"]))


ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"]


@st.composite
def file_bytes(draw) -> bytes:
    """An article in some encoding, or bytes that are not one."""
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.binary(max_size=300))
    if kind == 1:
        return draw(st.sampled_from([b"\x89PNG\r\n\x1a\n", b"%PDF-1.4\n", b"\xff\xfe", b"\xef\xbb\xbf", b""])) + draw(
            st.binary(max_size=100)
        )
    text = draw(article_text())
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace" if encoding in ("latin-1", "cp1252") else "surrogatepass")
    if draw(st.integers(0, 9)) == 0 and data:  # damage a byte
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    return data


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory(prefix="synoptic-properties-") as d:
        yield Path(d)


_counter = iter(range(10**9))


def _write(folder: Path, name: str, data: bytes) -> Path:
    sub = folder / str(next(_counter))
    sub.mkdir()
    path = sub / name
    path.write_bytes(data)
    return path


# --- the invariants, shared by the properties ------------------------------------------------------


def check_spans_inside(report: dict) -> None:
    text = {(p["source"], p["index"]): p["text"] for p in report["paragraphs"]}
    line = {(p["source"], p["index"]): p["line"] for p in report["paragraphs"]}
    for item in [*report["matches"], *report["flags"]]:
        for span in (item["a"], item["b"]):
            key = (span["source"], span["index"])
            assert 0 <= span["start"] <= span["end"] <= len(text[key])
            assert text[key][span["start"] : span["end"]] == span["text"]
            assert span["line"] == line[key]
    for r in report.get("reuse", []):
        for span in (r["original"], r["copy"]):
            key = (span["source"], span["index"])
            assert text[key][span["start"] : span["end"]] == span["text"]


def check_alignment(alignment, files: list[Path]) -> None:
    # ingest: every paragraph keeps its number in its article, lines only grow
    by_source: dict[str, list[Paragraph]] = {}
    for p in alignment.paragraphs:
        by_source.setdefault(p.source, []).append(p)
        assert p.role in ROLES
        assert p.text and p.text == p.text.strip()
    assert set(by_source) == {s.id for s in alignment.sources}
    for paragraphs in by_source.values():
        assert [p.index for p in paragraphs] == list(range(len(paragraphs)))
        assert all(a.line <= b.line for a, b in zip(paragraphs, paragraphs[1:]))
    # segmentation: sentences inside their paragraph, in order, trimmed
    for p in alignment.paragraphs:
        end = 0
        for s in p.sentences:
            assert end <= s.start < s.end <= len(p.text)
            assert p.text[s.start : s.end] == p.text[s.start : s.end].strip()
            end = s.end
    # grouping: every story paragraph in exactly one group; ids in reading order
    story = [p.key for p in alignment.paragraphs if p.role in STORY_ROLES]
    placed = Counter(key for g in alignment.groups for key in g.members)
    assert placed == Counter(story)
    assert [g.id for g in alignment.groups] == list(range(len(alignment.groups)))
    assert all(g.members for g in alignment.groups)
    # matching: two sources, spans inside
    for m in alignment.matches:
        assert m.a.source != m.b.source
        assert 0.0 <= m.score <= 1.0
        assert m.kind in ("verbatim", "near-verbatim", "paraphrase")
    for f in alignment.flags:
        assert f.kind in FLAG_KINDS and 0.0 <= f.score <= 1.0 and f.explanation
    # the reports
    report = alignment_to_json(alignment)
    check_spans_inside(report)
    text = alignment_to_json_text(alignment)
    assert json.loads(text) == report
    text.encode("utf-8")
    markdown = alignment_to_markdown(alignment)
    assert "\x1b" not in markdown and "\u202e" not in markdown


# --- properties ----------------------------------------------------------------------------------


@PROFILE
@given(data=file_bytes())
def test_decode_gives_text_or_a_reason(data):
    try:
        decoded = decode(data)
    except UndecodableError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert isinstance(decoded.text, str)
    decoded.text.encode("utf-8")  # never a lone surrogate


@PROFILE
@given(data=file_bytes(), suffix=st.sampled_from([".txt", ".md"]))
def test_ingest_reads_or_refuses(folder, data, suffix):
    path = _write(folder, "a" + suffix, data)
    try:
        article = read_article(path)
    except IngestError as e:
        assert str(e) and "\n" not in str(e)
        return
    line_count = max(1, len(data))  # lines can never outnumber bytes
    assert article.blocks
    for block in article.blocks:
        assert block.text and block.text == block.text.strip()
        assert 1 <= block.line <= line_count
    assert all(a.line <= b.line for a, b in zip(article.blocks, article.blocks[1:]))
    assert path.read_bytes() == data


@PROFILE
@given(text=st.one_of(paragraph, st.text(), st.text(alphabet=" .!?\u3002\n\t\"'aA1\u00a0\u200b")))
def test_sentences_are_trimmed_ordered_slices(text):
    sentences = split_sentences(text)
    end = 0
    for s in sentences:
        assert end <= s.start < s.end <= len(text)
        piece = text[s.start : s.end]
        assert piece == piece.strip()
        end = s.end
    if text.strip():
        assert sentences
        covered = set()
        for s in sentences:
            covered.update(range(s.start, s.end))
        assert all(i in covered for i, ch in enumerate(text) if ch.isalnum())  # no word is lost


@PROFILE
@given(data=st.data(), sources=st.integers(1, 4))
def test_align_keeps_every_invariant(folder, data, sources):
    pool = data.draw(st.lists(paragraph, min_size=1, max_size=4), label="shared paragraphs")
    files = []
    for k in range(sources):
        text = data.draw(article_text(pool), label=f"article {k}")
        name = data.draw(st.sampled_from(["story.txt", f"{k}.txt", f"{k}.md", "same.md"]), label="name")
        files.append(_write(folder, name, text.encode("utf-8")))
    before = [(p.read_bytes(), p.stat().st_mtime_ns) for p in files]
    alignment = align(files)
    assert len(alignment.sources) + sum(p.skipped for p in alignment.problems) == len(files)
    check_alignment(alignment, files)
    assert [(p.read_bytes(), p.stat().st_mtime_ns) for p in files] == before


@PROFILE
@given(texts=st.lists(st.one_of(paragraph, st.text(), st.text(alphabet="aI5 .\u00e9\u4e2d")), max_size=5))
def test_character_counts_are_the_n_grams_of_each_padded_word(texts):
    """`counts(..., "char")` hashes n-grams with numpy; the plain reading, for any texts: every
    n-gram (tuning.CHAR_NGRAMS) of each word padded with spaces, a padded word shorter than n
    counted whole, one column per distinct n-gram, in some order."""
    low, high = tuning.CHAR_NGRAMS
    expected: list[Counter] = []
    for text in texts:
        grams: Counter = Counter()
        for word in words(text):
            padded = f" {word} "
            for n in range(low, high + 1):
                grams.update(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
        expected.append(grams)
    columns = sorted({g for grams in expected for g in grams})
    want = sorted(tuple(grams[g] for grams in expected) for g in columns)
    got = counts(texts, "char").toarray()
    assert got.shape == (len(texts), len(columns))
    assert sorted(tuple(float(v) for v in column) for column in got.T) == [tuple(map(float, w)) for w in want]


@PROFILE
@given(text=st.one_of(paragraph, st.text()))
def test_markdown_escape_shows_the_text_itself(text):
    escaped = md_escape(text)
    tokens = MarkdownIt("commonmark").parse("x " + escaped)
    assert {t.type for t in tokens} <= {"paragraph_open", "paragraph_close", "inline"}
    shown = "".join(
        "\n" if c.type in ("softbreak", "hardbreak") else c.content for t in tokens for c in t.children or ()
    )
    # Blanks at the ends of a line are not shown (CommonMark trims spaces and tabs, markdown-it
    # any Unicode space at the ends of a paragraph); everything else is shown as written
    expected = [line.strip() for line in ("x " + visible(text)).split("\n")]
    got = [line.strip() for line in shown.split("\n")]
    while len(expected) > 1 and not expected[-1]:
        expected.pop()
    while len(got) > 1 and not got[-1]:
        got.pop()
    assert got == expected
    assert "\n" not in md_escape(text, inline=True)


@PROFILE
@given(text=st.text())
def test_visible_is_one_character_for_one_and_inert(text):
    shown = visible(text)
    assert len(shown) == len(text)
    for ch in shown:
        code = ord(ch)
        assert ch == "\n" or not (code < 32 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000)
        assert ch not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200e\u200f"


def _compare():
    try:
        from aligner import compare  # the public name, once exported
    except ImportError:
        try:
            from aligner.flags import compare
        except ImportError:
            return None
    return compare


@PROFILE
@given(a=sentence, b=sentence, dates=st.sampled_from([(None, None), ("2016-07-14", "2016-07-15"), ("2016-07-14", None)]))
def test_flags_point_inside_both_sentences(a, b, dates):
    compare = _compare()
    if compare is None:
        pytest.skip("aligner.flags.compare is not in this checkout yet")
    for flag in compare(a, b, date_a=dates[0], date_b=dates[1]):
        assert flag.kind in FLAG_KINDS
        assert 0.0 <= flag.score <= 1.0 and flag.explanation
        assert (flag.a.source, flag.b.source) == ("a", "b")
        assert 0 <= flag.a.start <= flag.a.end <= len(a)
        assert 0 <= flag.b.start <= flag.b.end <= len(b)


@PROFILE
@given(a=sentence)
def test_flags_on_a_sentence_and_itself(a):
    compare = _compare()
    if compare is None:
        pytest.skip("aligner.flags.compare is not in this checkout yet")
    assume(a.strip())
    assert compare(a, a) == [], "a sentence never contradicts itself"


@PROFILE
@given(
    text=st.one_of(st.text(alphabet=st.sampled_from(list("ab cd  e\u00a0\u6771\U0001f44d\u00e9\u2019-"))), st.text()),
    width=st.integers(1, 40),
)
def test_wrap_keeps_every_character_in_order_within_the_width(text, width):
    lines = wrap(text, width)
    assert lines and all(0 <= s <= e <= len(text) for s, e in lines)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(lines, lines[1:]))
    # only the spaces where a line breaks are dropped: every other character is shown, in order
    assert "".join(text[s:e] for s, e in lines).replace(" ", "") == text.replace(" ", "")
    for s, e in lines:
        piece = text[s:e]
        # wider than the line only as one glyph wider than it (with any zero-width marks it carries)
        assert cell_len(piece) <= width or sum(cell_len(c) > 0 for c in piece) == 1, (piece, width)
        assert not piece.startswith(" ") and not piece.endswith(" ")


@PROFILE
@given(
    text=st.text(alphabet=st.sampled_from(list("ab cd  e\u00a0\u6771\U0001f44d\u00e9\u2019-")), min_size=1),
    width=st.integers(1, 40),
    cuts=st.lists(st.integers(0, 200), max_size=8),
)
def test_cut_gives_each_wrapped_line_its_characters_with_their_styles(text, width, cuts):
    """Cutting the rendered segments at the wrapped lines' characters gives each line exactly
    its text, every character keeping the style it has in the whole paragraph."""
    from rich.segment import Segment
    from rich.style import Style as RichStyle

    edges = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    segments = [Segment(text[a:b], RichStyle(bold=k % 2 == 0)) for k, (a, b) in enumerate(zip(edges, edges[1:]))]
    style_at = [seg.style for seg in segments for _ in seg.text]
    lines = wrap(text, width)
    for (s, e), pieces in zip(lines, _cut(segments, lines), strict=True):
        assert "".join(p.text for p in pieces) == text[s:e]
        assert [p.style for p in pieces for _ in p.text] == style_at[s:e]


#: Pieces of credit, copyright and date lines, in and out of case, for the guarded role patterns.
CREDIT_BITS = [
    "Photo", "PHOTO", "photograph", "Image", "picture", "by", "BY", "credit", "courtesy of", "/", "|", "AP",
    "Reuters", "REUTERS/Denis Balibouse", "AFP Photo", "Getty Images", "All Rights Reserved", "all rights reserved",
    "contributed reporting", "Contributed to this report", "Updated", "PUBLISHED", "posted", "Last modified",
    "first published", "July 15, 2016", "12:30 p.m.", "Staff Photo", "(", ")", ",", ".", "\u212a", "\u017f",
]


#: Lines each guarded pattern is written for, and near misses.
CREDIT_LINES = [
    "Photograph by Jane Doe", "PHOTO CREDIT: Jane Doe", "A man walks by. Picture courtesy of the family",
    "Kerry in Moscow, image by Jane Doe", "Doug Mills/The New York Times", "Saul Loeb | AFP via Getty Images",
    "REUTERS/Denis Balibouse", "Kerry and Lavrov (AP Photo/Pavel Golovkin)", "Staff Photo by Jane Doe",
    "Copyright 2016 The Associated Press. All rights reserved.", "Jane Doe contributed reporting from Moscow.",
    "Jane Doe contributed to this report", "Updated 12:30 p.m. ET", "Published July 15, 2016",
    "Last modified on Fri 15 Jul 2016 10.30 BST", "First published on Thu 14 Jul 2016",
    "Posted Thursday", "Published reports in Moscow said the talks had stalled on Thursday.",
    "An image by Maxar showed the site", "photographs by the agency", "Kerry contributed reporting",
]


@PROFILE
@given(st.lists(st.one_of(st.sampled_from(CREDIT_BITS), word), min_size=1, max_size=12).map(" ".join))
@example(text="Photograph by Jane Doe")
def test_guarded_role_patterns_find_what_their_patterns_find(text):
    """A guard only skips texts its pattern cannot match: the role rules read every line alike."""
    _assert_guards_agree(text)


def _assert_guards_agree(text: str) -> None:
    from aligner.lexicons import CAPTION_PATTERNS, META_PATTERNS, Guarded

    for p in (*META_PATTERNS, *CAPTION_PATTERNS):
        if isinstance(p, Guarded):
            assert bool(p.search(text)) == bool(p.pattern.search(text)), (p.pattern.pattern, text)


@pytest.mark.parametrize("text", CREDIT_LINES)
def test_guarded_role_patterns_on_the_lines_they_are_for(text):
    _assert_guards_agree(text)


@PROFILE
@given(st.one_of(paragraph, st.text(), st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x85\u00a0\u2009\u3000\u2028`\u2019\u201c\u2026\u200bab")))
def test_fold_is_the_table_then_one_space_per_run(text):
    """`fold`'s quick path gives what translating through the table and collapsing every run of
    white space gives."""
    import re

    from aligner.text import _FOLD, _fold

    assert _fold(text) == re.sub(r"\s+", " ", text.translate(_FOLD)).strip()
