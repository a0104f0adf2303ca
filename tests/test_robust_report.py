"""Reports of hostile text: Markdown shows article text literally, JSON round-trips and carries
nothing a terminal would obey, and report files are written atomically."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from aligner import align
from aligner.atomic import write_bytes_atomic, write_text_atomic
from aligner.report import alignment_to_json, alignment_to_json_text, alignment_to_markdown, md_escape
from aligner.text import visible

#: Text that is markup, escape sequences or invisible formatting somewhere.
HOSTILE = [
    "[bold]red[/] and [/] and [@click=app.quit]quit[/] and [b unbalanced",
    "ANSI \x1b[31mred\x1b[0m, OSC \x1b]8;;http://evil.example\x07link\x1b]8;;\x07, title \x1b]0;pwned\x07",
    "C1 \x9b31m CSI, \x85 NEL, DEL \x7f, NUL \x00, BEL \x07, BS \x08, CR \r mid-line",
    "bidi \u202eevil\u202c \u2066isolate\u2069, zero\u200bwidth \u200d joiner \ufeff bom, tags \U000e0041\U000e0042",
    "RTL \u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd, CJK \u4e2d\u6587\u5831\u9053, emoji \U0001f600\U0001f1fa\U0001f1f8 \u2764\ufe0f",
    "# heading? - list? 1. list? > quote? <div>html</div> <http://auto.link> ![img](x.png) [l](http://x)",
    "`code` ``more`` ~~~fence *em* **strong** _u_ __uu__ \\backslash\\ | a | b | &amp; &#x41; &copy;",
    "2016. A year\n- a bullet line\n=== setext\n    indented\n> quoted\n```\nfenced\n```\n<!-- comment -->",
    "trailing backslash \\\nnext line\n\n\nafter blank lines\n",
]

ALLOWED_BLOCKS = {"paragraph_open", "paragraph_close", "inline"}
ALLOWED_INLINE = {"text", "softbreak", "hardbreak"}


def rendered(markdown: str) -> tuple[str, set[str], set[str]]:
    """What a CommonMark reader shows: the text, and the block and inline token types used."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    blocks = {t.type for t in tokens}
    inline: set[str] = set()
    out: list[str] = []
    for t in tokens:
        for child in t.children or ():
            inline.add(child.type)
            out.append("\n" if child.type in ("softbreak", "hardbreak") else child.content)
    return "".join(out), blocks, inline


def shown(text: str) -> str:
    """The text as a Markdown reader must show it: visible marks, each line's outer blanks gone."""
    lines = [line.strip(" \t") for line in visible(text).split("\n")]
    return "\n".join(lines).strip("\n")


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escape_renders_as_the_text_itself(text):
    for markdown, expected in ((md_escape(text), shown(text)), ("x " + md_escape(text), "x " + shown(text))):
        got, blocks, inline = rendered(markdown)
        assert blocks <= ALLOWED_BLOCKS
        assert inline <= ALLOWED_INLINE
        assert got.strip("\n") == expected


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escape_inline_is_one_line(text):
    escaped = md_escape(text, inline=True)
    assert "\n" not in escaped
    got, blocks, inline = rendered(f"| {escaped} |")
    assert inline <= ALLOWED_INLINE and blocks <= ALLOWED_BLOCKS


def test_md_escape_never_lets_control_characters_through():
    for text in HOSTILE:
        for escaped in (md_escape(text), md_escape(text, inline=True)):
            assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) < 0xA0 for c in escaped)
            assert not set(escaped) & {"\u202e", "\u2066", "\u200b", "\ufeff"}


def test_joiners_stay_in_words_and_part_emoji():
    """Zero-width (non-)joiners spell Persian and Indic words: kept between letters. Between emoji
    they become a space (terminals draw such sequences at widths of their own); elsewhere a mark."""
    persian, hindi = "من می\u200cخواهم بروم.", "श्री\u200dमान ने कहा"
    assert visible(persian) == persian and visible(hindi) == hindi
    assert visible("🏳️\u200d🌈 👩🏿\u200d🔬") == "🏳️ 🌈 👩🏿 🔬"
    assert visible("\u200dx \u200c y") == "\ufffdx \ufffd y"
    assert "می\u200cخواهم" in md_escape(persian)


@pytest.fixture(scope="module")
def hostile_alignment(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    # Without NUL: a file holding one is refused as binary (tests/test_ingest_robust.py).
    body = "\n\n".join(f"Officials said on Thursday that the talks went well. {t.replace(chr(0), '')}" for t in HOSTILE)
    (folder / "a [b]\x1bc.txt").write_text("[bold]Headline[/] \x1b[2J\n\n" + body, encoding="utf-8")
    (folder / "b.md").write_text(
        "---\ntitle: \"<script>alert(1)</script> \\e[31m\"\noutlet: \"[@click=app.quit]x[/]\"\n---\n\n"
        + body.replace("Thursday", "Friday"),
        encoding="utf-8",
    )
    return align([folder], labels=["**Label** | one", "\u202eevil\x1b[31m"])


def test_markdown_report_shows_hostile_text_literally(hostile_alignment):
    report = alignment_to_markdown(hostile_alignment)
    assert "\x1b" not in report and "\u202e" not in report and "\x9b" not in report
    tokens = MarkdownIt("commonmark").enable("table").parse(report)
    types = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not types & {"html_block", "html_inline", "link_open", "image", "code_block", "fence", "code_inline"}
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert all(h.startswith(("Synoptic", "Row ")) for h in headings)
    lists = [t for t in tokens if t.type in ("bullet_list_open", "ordered_list_open", "blockquote_open")]
    assert all(t.type == "blockquote_open" for t in lists)  # only the report's own notes are quoted


def test_markdown_report_never_drops_a_flag(seeds_alignment):
    """A flag is quoted under its row; one whose passages are in no row (an alignment built by
    hand through the API) gets a section of its own rather than being left out."""
    from dataclasses import replace

    flag = seeds_alignment.flags[0]
    def headline(span):
        index = next(p.index for p in seeds_alignment.paragraphs if p.role == "headline" and p.source == span.source)
        return replace(span, paragraph=index, start=0, end=5)

    outside = replace(flag, a=headline(flag.a), b=headline(flag.b), explanation="Outside every row.")
    report = alignment_to_markdown(replace(seeds_alignment, flags=(*seeds_alignment.flags, outside)))
    assert set(re.findall(r"\*\*Flag (\d+) \(", report)) == {str(n) for n in range(1, len(seeds_alignment.flags) + 2)}
    assert "## Flags outside the rows" in report and "Outside every row." in report
    assert "## Flags outside the rows" not in alignment_to_markdown(seeds_alignment)


def test_markdown_report_quotes_a_flag_under_both_its_rows_with_both_places(seeds_alignment):
    """Whichever row an analyst reads, a flag on one of its passages is there, and says where the
    other passage is."""
    group_of = {key: g.id for g in seeds_alignment.groups for key in g.members}
    n, flag = next((n, f) for n, f in enumerate(seeds_alignment.flags, 1) if group_of[f.a.key] != group_of[f.b.key])
    report = alignment_to_markdown(seeds_alignment)
    sections = report.split("\n## Row ")
    holding = [s.split(":", 1)[0] for s in sections if f"**Flag {n} (" in s]
    assert sorted(holding, key=int) == sorted({str(group_of[flag.a.key] + 1), str(group_of[flag.b.key] + 1)}, key=int)
    for span in (flag.a, flag.b):
        paragraph = seeds_alignment.paragraph(span.key)
        assert f"(paragraph {paragraph.index + 1}, row {group_of[span.key] + 1}):" in report


def test_json_report_round_trips_and_is_terminal_safe(hostile_alignment):
    text = alignment_to_json_text(hostile_alignment)
    assert json.loads(text) == alignment_to_json(hostile_alignment)
    data = text.encode("utf-8")  # no lone surrogates: encodes strictly
    assert data.decode("utf-8") == text
    for ch in ("\x1b", "\x07", "\x9b", "\x85", "\x7f", "\u202e", "\u2066", "\u200b", "\ufeff", "\U000e0041"):
        assert ch not in text
    assert "\u4e2d\u6587" in text and "\U0001f600" in text  # readable scripts stay as written


def test_json_text_escapes_lone_surrogates_from_file_names(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 file name on a UTF-8 system: '\udce9' inside
    try:
        (tmp_path / name).write_text("Officials said the talks on Syria went well.\n", encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system refuses non-UTF-8 names")
    alignment = align([tmp_path])
    text = alignment_to_json_text(alignment)
    assert "\\udce9" in text
    text.encode("utf-8")
    assert json.loads(text)["sources"][0]["id"] == name
    assert "\udce9" not in alignment_to_markdown(alignment)


# --- atomic writes -------------------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_atomic_write_replaces_and_keeps_permissions(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o640)
    write_text_atomic(target, "new \u4e2d")
    assert target.read_text(encoding="utf-8") == "new \u4e2d"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_atomic_write_new_file_follows_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_bytes_atomic(tmp_path / "new.md", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640


def test_atomic_write_through_a_symlink_keeps_the_link(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.skipif(not hasattr(os, "mknod"), reason="needs os.mknod")
def test_atomic_write_to_a_character_device_writes_through(tmp_path):
    """`-o /dev/null` must not put a regular file where the device was (made here as a copy of
    /dev/null, so that a failure costs nothing outside tmp_path)."""
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs privileges")
    write_bytes_atomic(device, b"report")
    assert stat.S_ISCHR(device.stat().st_mode)
    assert leftovers(tmp_path) == []


def test_atomic_write_refuses_a_socket(tmp_path):
    import socket

    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(OSError, match="not a regular file"):
            write_bytes_atomic(path, b"report")
    assert stat.S_ISSOCK(path.stat().st_mode)


class _FailingFile:
    """A file whose write stores half the data and then fails, as on a full disk."""

    def __init__(self, real):
        self.real = real

    def write(self, data):
        self.real.write(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()


def test_interrupted_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_bytes(b"old report")
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FailingFile(real_fdopen(*a, **k)))
    with pytest.raises(OSError, match="No space left"):
        write_bytes_atomic(target, b"new report " * 1000)
    assert target.read_bytes() == b"old report"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("exception", [KeyboardInterrupt, OSError])
def test_failure_at_the_rename_leaves_the_old_file_intact(tmp_path, monkeypatch, exception):
    target = tmp_path / "report.md"
    target.write_bytes(b"old")

    def interrupted(src, dst):
        raise exception()

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(exception):
        write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_markdown_report_names_the_stories_and_counts_omissions_within_each(two_stories):
    report = alignment_to_markdown(two_stories)
    assert "> These articles tell 2 stories, aligned apart:  \n" in report  # a line break, not run together
    assert "> story 2: quake_a, quake_b." in report  # "_" between letters needs no escape
    assert report.startswith("# Synoptic: 2 stories\n")  # not the first story's headline for both
    covered = [line for line in report.splitlines() if line.startswith("Covered by")]
    assert "Covered by 2 of 2 (story 2)." in covered
    assert all("quake" not in line for line in covered if "(story 1)" in line)


def test_markdown_report_names_each_copied_passage_under_its_row(seeds_alignment):
    report = alignment_to_markdown(seeds_alignment)
    copies = [line for line in report.splitlines() if line.startswith("> **Copied**")]
    assert len(copies) == len(seeds_alignment.reuse) == 3
    assert f"{len(seeds_alignment.reuse)} copied passages." in report.splitlines()[2]
    labels = {s.id: s.label for s in seeds_alignment.sources}
    rows = report.split("\n## Row ")
    for r in seeds_alignment.reuse:
        row = next(g.id for g in seeds_alignment.groups if r.copy.key in g.members)
        section = rows[row + 1]
        assert f"{labels[r.copy.source]} repeats" in section and labels[r.original.source] in section
