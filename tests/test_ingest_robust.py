"""Reading hostile input (aligner.ingest, aligner.load): every input either becomes an article or a
`LoadProblem` with a one-line reason; one bad input never costs the others; inputs are only read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aligner import align
from aligner.ingest import MAX_PARAGRAPHS, IngestError, read_article
from aligner.inputs import MAX_BYTES, collect_inputs
from aligner.load import load

ARTICLE = (
    "Kerry and Lavrov agree on Syria plan\n\n"
    "Secretary of State John Kerry met Sergei Lavrov in Moscow on Thursday to discuss Syria.\n\n"
    "The two men said the talks would resume on Friday, officials said.\n"
)


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def texts(path: Path) -> list[str]:
    return [b.text for b in read_article(path).blocks]


# --- line ends and encodings ----------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_ends_give_the_same_paragraphs_and_lines(tmp_path, newline):
    path = write(tmp_path / "a.txt", ARTICLE.replace("\n", newline))
    article = read_article(path)
    assert [b.text for b in article.blocks] == [line for line in ARTICLE.split("\n") if line]
    assert [b.line for b in article.blocks] == [1, 3, 5]
    assert not any("\r" in b.text for b in article.blocks)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_utf16_with_and_without_bom(tmp_path, codec, bom):
    mark = ("\ufeff" if bom else "").encode(codec)
    path = write(tmp_path / "a.txt", mark + ARTICLE.replace("\n", "\r\n").encode(codec))
    assert texts(path) == [line for line in ARTICLE.split("\n") if line]


def test_invalid_utf8_is_read_with_a_warning(tmp_path):
    data = "Le café de Zürich ferme.\n\nUne deuxième phrase, très française.\n".encode() + b"Cut \xe2\x80\n"
    loaded = load([write(tmp_path / "a.txt", data)])
    assert len(loaded.sources) == 1
    assert [p.reason for p in loaded.problems] == ["1 invalid UTF-8 byte sequence shown as \ufffd"]
    assert not loaded.problems[0].skipped


# --- unusable inputs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "no text in file"),
        (b"  \n\t\n \r\n\f\n", "no text in file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file: looks like a PNG image, not text"),
        (b"%PDF-1.4\n" + bytes(range(256)), "binary file: looks like a PDF document, not text"),
        (b"Hello\x00world, with a NUL.", "binary file: contains NUL bytes, not text"),
        (b"---\ntitle: only front matter\n---\n", "no paragraphs found"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "nul", "front-matter-only"],
)
def test_unusable_file_is_a_problem_with_its_reason(tmp_path, data, reason):
    path = write(tmp_path / "a.txt", data)
    with pytest.raises(IngestError) as raised:
        read_article(path)
    assert str(raised.value) == reason
    loaded = load([path])
    assert loaded.sources == () and loaded.paragraphs == ()
    assert [(p.path, p.reason, p.skipped) for p in loaded.problems] == [(str(path), reason, True)]


def test_missing_empty_and_odd_paths(tmp_path):
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    only_images = tmp_path / "images"
    only_images.mkdir()
    write(only_images / "photo.png", b"\x89PNG\r\n\x1a\n")
    inputs = collect_inputs(
        [str(tmp_path / "missing.txt"), str(empty_dir), str(only_images), "", "bad\x00path"]
    )
    assert inputs.files == ()
    assert inputs.articles == 3  # the three named files; the directories hold none
    assert [p.reason for p in inputs.problems] == [
        "no such file or directory",
        "directory holds no .txt or .md articles",
        "directory holds no .txt or .md articles",
        "no such file or directory",
        "not a valid path",
    ]


def test_permission_denied_is_a_problem(tmp_path, monkeypatch):
    """Works as root too: the open itself is made to fail as it does for an unreadable file."""
    path = write(tmp_path / "a.txt", ARTICLE)

    real_open = os.open

    def denied(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    loaded = load([path])
    assert [p.reason for p in loaded.problems] == ["permission denied"]


def test_permission_denied_by_chmod(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    path.chmod(0)
    try:
        try:
            path.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("chmod 000 does not stop this process reading (root with CAP_DAC_OVERRIDE); "
                        "test_permission_denied_is_a_problem and the CLI test cover the case")
        assert [p.reason for p in load([path]).problems] == ["permission denied"]
    finally:
        path.chmod(0o644)


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no 2 MB written
    read = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or b"")
    with pytest.raises(IngestError, match=r"too large for a news article \(2\.0 MB; Synoptic reads articles up to 2 MB\)"):
        read_article(path)
    assert read == []


def test_endless_stream_is_refused_without_reading_it_all():
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero on this system")
    with pytest.raises(IngestError, match="too large for a news article"):
        read_article(Path("/dev/zero"))


def test_named_pipe_without_writer_does_not_hang(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(IngestError, match="no text in file"):
        read_article(tmp_path / "pipe.txt")


def test_pipe_with_a_writer_is_read_to_its_end(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    import threading

    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)

    def write() -> None:
        with open(pipe, "wb") as f:
            for line in ARTICLE.encode().splitlines(keepends=True):
                f.write(line)
                f.flush()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        import time

        time.sleep(0.1)  # the writer is waiting in open() for a reader
        assert [b.text for b in read_article(pipe).blocks] == [line for line in ARTICLE.split("\n") if line]
    finally:
        writer.join(timeout=10)


def test_markdown_bracket_bomb_is_read_as_plain_text_quickly(tmp_path):
    import time

    path = write(tmp_path / "bomb.md", ARTICLE + "\n" + "[" * 640_000 + "\n")
    started = time.perf_counter()
    article = read_article(path)
    assert time.perf_counter() - started < 5  # markdown-it took 28 s on this
    assert article.notes == ("more than 5,000 '[' is not an article's Markdown; read as plain text",)
    assert article.blocks[-1].text == "[" * 640_000


def test_too_many_paragraphs_is_refused(tmp_path):
    path = write(tmp_path / "log.txt", "".join(f"Line {i}.\n" for i in range(MAX_PARAGRAPHS + 1)))
    with pytest.raises(IngestError, match=r"too many paragraphs for a news article \(2,001; Synoptic reads up to 2,000\)"):
        read_article(path)


def test_one_bad_input_never_costs_the_others(tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    bad = write(tmp_path / "bad.txt", b"\x89PNG\r\n\x1a\n")
    alignment = align([bad, tmp_path / "missing.txt", good])
    assert [s.id for s in alignment.sources] == ["good.txt"]
    assert sorted(p.reason for p in alignment.problems) == [
        "binary file: looks like a PNG image, not text",
        "no such file or directory",
    ]


def test_an_unexpected_error_in_one_file_is_reported_not_raised(tmp_path, monkeypatch):
    good = write(tmp_path / "good.txt", ARTICLE)
    odd = write(tmp_path / "odd.txt", ARTICLE.replace("Kerry", "Kerry\u2063"))
    import aligner.load

    real = aligner.load.assign_roles

    def fragile(blocks, title=None):
        if any("\u2063" in b.text for b in blocks):
            raise ValueError("unexpected")
        return real(blocks, title)

    monkeypatch.setattr(aligner.load, "assign_roles", fragile)
    loaded = load([odd, good])
    assert [s.id for s in loaded.sources] == ["good.txt"]
    assert [p.reason for p in loaded.problems] == ["could not be read (ValueError: unexpected)"]


# --- front matter that attacks the YAML parser --------------------------------------------------


def test_front_matter_alias_bomb_is_not_expanded(tmp_path):
    bomb = "\n".join(
        ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}" + f",*{chr(97 + i)}" * 8 + "]" for i in range(8)]
        + ["title: *i", "outlet: Real Outlet", "---", "", "Body paragraph of the article, long enough to be body."]
    )
    article = read_article(write(tmp_path / "bomb.md", bomb))
    assert article.front_matter == {"outlet": "Real Outlet"}


def test_front_matter_nested_too_deep_is_ignored(tmp_path):
    deep = "---\ntitle: " + "[" * 50_000 + "\n---\n\nBody paragraph of the article.\n"
    article = read_article(write(tmp_path / "deep.md", deep))
    assert article.front_matter == {}
    assert [b.text for b in article.blocks] == ["Body paragraph of the article."]


def test_rules_around_text_that_names_no_field_are_text_not_front_matter(tmp_path):
    """A file that opens with a '---' rule around its first paragraphs loses none of them."""
    text = ("---\nKerry Strikes Deal With Russia\n\nMOSCOW: Secretary of State John Kerry said the talks went well.\n"
            "---\n\nThe last paragraph of the story is here.\n")
    loaded = load([write(tmp_path / "a.txt", text)])
    assert [p.text for p in loaded.paragraphs if p.role != "boilerplate"] == [
        "Kerry Strikes Deal With Russia",
        "MOSCOW: Secretary of State John Kerry said the talks went well.",
        "The last paragraph of the story is here.",
    ]
    assert loaded.problems == ()


def test_front_matter_values_are_one_line(tmp_path):
    text = "---\ntitle: |\n  Two\n  lines\noutlet: [not, a, scalar]\ndate: 2016-07-14\n---\n\nBody text here.\n"
    assert read_article(write(tmp_path / "a.md", text)).front_matter == {"title": "Two lines", "date": "2016-07-14"}


# --- several inputs ----------------------------------------------------------------------------


def test_same_base_name_gets_distinct_ids(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write(tmp_path / "a" / "story.txt", ARTICLE)
    second = write(tmp_path / "b" / "story.txt", ARTICLE.replace("Thursday", "Friday"))
    loaded = load([first, second])
    assert [s.id for s in loaded.sources] == ["story.txt", "story.txt#2"]
    assert {p.source for p in loaded.paragraphs} == {"story.txt", "story.txt#2"}


def test_same_file_twice_is_read_once_with_a_note(tmp_path):
    path = write(tmp_path / "story.txt", ARTICLE)
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    loaded = load([path, tmp_path / "." / "story.txt", link])
    assert [s.id for s in loaded.sources] == ["story.txt"]
    # one note however often the file was given (50 copies gave 49 identical lines)
    assert [(p.reason, p.skipped) for p in loaded.problems] == [("given 3 times; read once", False)]


def test_inputs_are_never_modified(tmp_path):
    paths = [
        write(tmp_path / "a.txt", ARTICLE),
        write(tmp_path / "b.txt", ARTICLE.replace("\n", "\r\n").encode("utf-16")),
        write(tmp_path / "c.md", "---\ntitle: T\n---\n\n" + ARTICLE),
        write(tmp_path / "d.txt", b"\x89PNG\r\n\x1a\n"),
    ]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in paths}
    align(paths)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in paths} == before
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt", "c.md", "d.txt"]


def test_broken_links_in_a_directory_are_reported_and_keep_their_places(tmp_path):
    write(tmp_path / "b_story.txt", ARTICLE)
    (tmp_path / "a_dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "c_loop.txt").symlink_to(tmp_path / "d_loop.txt")
    (tmp_path / "d_loop.txt").symlink_to(tmp_path / "c_loop.txt")
    (tmp_path / "e_folder.txt").mkdir()  # a folder named like an article is not one
    inputs = collect_inputs([str(tmp_path)])
    assert [p.name for p in inputs.files] == ["b_story.txt"]
    assert (inputs.places, inputs.articles) == ((1,), 4)
    assert [(Path(p.path).name, p.reason.split(":")[0]) for p in inputs.problems] == [
        ("a_dangling.txt", "broken symbolic link"), ("c_loop.txt", "cannot open"), ("d_loop.txt", "cannot open")
    ]
    loaded = load([tmp_path], labels=["A", "B", "C", "D"])
    assert [s.label for s in loaded.sources] == ["B"]


@pytest.mark.parametrize(
    ("header", "fields", "note"),
    [
        ("title: Y\ndate: 2016-02-30", {"title": "Y", "date": "2016-02-30"}, "front matter date '2016-02-30' is not a calendar date; ignored"),
        ("title: Z\ndate: 2016-07-14T09:30:00Z", {"title": "Z", "date": "2016-07-14T09:30:00Z"}, None),
        ("title: [unclosed", {}, "front matter is not valid YAML; ignored"),
        ("title:\n- a\n- b", {}, "front matter title: not a single value; ignored"),
        ("tags:\n- a\n- b\n- [c", {}, "front matter is not valid YAML; ignored"),
        ("title: W\ndate: [2016-07-14]", {"title": "W"}, "front matter date: not a single value; ignored"),
        ("title: V\ndate: !!timestamp 2016-07-14", {"title": "V", "date": "2016-07-14"}, None),
    ],
    ids=["impossible-date", "iso-datetime", "broken-yaml", "a-list-as-title", "broken-tags", "a-list-as-date",
         "explicit-timestamp"],
)
def test_front_matter_problems_cost_only_themselves_and_are_said(tmp_path, header, fields, note):
    path = write(tmp_path / "a.md", f"---\n{header}\n---\n\nBody paragraph of the article, long enough to be body.\n")
    assert read_article(path).front_matter == fields
    loaded = load([path])
    assert [p.reason for p in loaded.problems] == ([note] if note else [])
    assert loaded.sources[0].title == fields.get("title")
    if "T09" in header:
        assert str(loaded.sources[0].published) == "2016-07-14"


def test_a_directory_that_cannot_be_searched_is_a_problem_not_a_crash(tmp_path, monkeypatch):
    """Mode r-- lists the names but refuses to stat them (made here by the stat failing, as it
    does for a user without search permission); the other inputs are still read."""
    closed = tmp_path / "closed"
    closed.mkdir()
    write(closed / "a.txt", ARTICLE)
    story = write(tmp_path / "story.txt", ARTICLE)
    for name in ("stat", "lstat"):
        real = getattr(os, name)

        def refused(path, *args, real=real, **kwargs):
            if Path(path).parent == closed:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *args, **kwargs)

        monkeypatch.setattr(os, name, refused)
    loaded = load([closed, story])
    assert [s.id for s in loaded.sources] == ["story.txt"]
    assert [p.reason for p in loaded.problems] == ["cannot list directory: Permission denied"]


def test_two_columns_never_share_a_label(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write(tmp_path / "a" / "story.txt", ARTICLE)
    second = write(tmp_path / "b" / "story.txt", ARTICLE.replace("Thursday", "Friday"))
    assert [s.label for s in load([first, second]).sources] == ["story", "story#2"]
    loaded = load([first, second], ["Wire", "Wire"])
    assert [s.label for s in loaded.sources] == ["Wire", "Wire#2"]
    assert [p.reason for p in loaded.problems] == ["label 'Wire' is another column's; shown as 'Wire#2'"]
