"""The catalogue of bad input, through the `synoptic` report command.

Every case runs the real installed command in a subprocess and `tui.cli.main` in-process, with
both report formats. What every run must show:
- no traceback, ever; every stderr line starts with "synoptic: " and is one line;
- nothing a terminal would obey on stdout or stderr (ESC, C1 controls, bidi overrides);
- unusable input: exit status 1 and one line saying why (one per input when several are given);
- mixed input: exit status 0, the readable articles aligned, the others listed with the reason;
- reports that parse (JSON round-trips, Markdown shows the text literally);
- input files byte-for-byte and mtime unchanged, and no file written beside them.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from terminal import SYNOPTIC
from tui.cli import main

#: numpy's "invalid value" and friends are bugs here (a NaN score), not noise for the user.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
#: Bytes that must never reach a terminal from Synoptic: ESC, BEL, 8-bit CSI/OSC/NEL (as UTF-8),
#: bidi overrides and isolates (as UTF-8).
UNSAFE_BYTES = re.compile(
    rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xe2\x80\x8b"
)

ARTICLE = (
    "Kerry and Lavrov agree on a Syria plan\n\n"
    "Secretary of State John Kerry met Foreign Minister Sergei Lavrov in Moscow on Thursday.\n\n"
    "The two men said talks on a ceasefire in Aleppo would resume on Friday, officials said.\n\n"
    "Russia has backed President Bashar al-Assad since the war began in 2011.\n"
)
HOSTILE = (
    "[bold]Kerry[/] meets [@click=app.quit]Lavrov[/] in [b Moscow\n\n"
    "Kerry met Lavrov \x1b[31min Moscow\x1b[0m on Thursday \x1b]8;;http://evil.example\x07(link)\x1b]8;;\x07 "
    "and \x1b]0;pwned\x07 said \x9b2J the talks went well, according to officials who spoke on condition of "
    "anonymity because they were not authorized to discuss the negotiations in public.\n\n"
    "Controls: BEL \x07 BS \x08 VT \x0b DEL \x7f NEL \x85; zero\u200bwidth, \u202eevil\u202c, "
    "\u2066isolate\u2069, tag\U000e0041.\n\n"
    "\u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a \u0641\u064a \u0645\u0648\u0633\u0643\u0648. "
    "\u05e9\u05dc\u05d5\u05dd. \u4e2d\u6587\u65b0\u95fb\u3002\u5831\u9053\u3002 Emoji \U0001f600\U0001f1fa\U0001f1f8 "
    "\u2764\ufe0f wide \uff37\uff29\uff24\uff25.\n\n"
    "# not a heading - not a list <b>not html</b> ![not](an image) [not](a link) `not code` &amp; | pipe |\n"
)


@dataclass
class Case:
    id: str
    build: Callable[[Path], list[str]]  # writes the inputs into a folder, returns the arguments
    status: int  # expected exit status
    stderr: list[str] = field(default_factory=list)  # regular expressions, one per stderr line, in order
    sources: int | None = None  # articles in the report, when it is produced
    check: Callable[[dict, Path], None] | None = None  # more checks on the JSON report
    slow: bool = False  # only run in a subprocess with JSON (the in-process run adds nothing)


def _write(folder: Path, name: str, data: bytes | str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def _files(**named: bytes | str) -> Callable[[Path], list[str]]:
    return lambda folder: [_write(folder, name, data) for name, data in named.items()]


def _paragraphs_of(report: dict) -> list[str]:
    return [p["text"] for p in report["paragraphs"]]


def _same_as_plain(report: dict, folder: Path) -> None:
    assert _paragraphs_of(report) == [line for line in ARTICLE.split("\n") if line]


def _hostile_text_kept(report: dict, folder: Path) -> None:
    """JSON carries the text exactly as written (only the container escapes differ)."""
    expected = [p for p in HOSTILE.strip("\n").split("\n\n")]
    assert _paragraphs_of(report) == expected


def _permission_denied(folder: Path) -> list[str]:
    path = _write(folder, "secret.txt", ARTICLE)
    os.chmod(path, 0)
    return [path]


def _no_readable_articles(folder: Path) -> list[str]:
    _write(folder, "dir/photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    _write(folder, "dir/empty.md", b"")
    _write(folder, "dir/notes.png", b"\x89PNG\r\n\x1a\n")
    return [str(folder / "dir")]


def _big_single_line(folder: Path) -> list[str]:
    words = "the minister said talks would resume on friday officials agreed ".encode()
    path = folder / "one-line.txt"
    with open(path, "wb") as f:
        f.write(words * (20 * 1024 * 1024 // len(words) + 1))
    return [str(path)]


def _many_short_lines(folder: Path) -> list[str]:
    return [_write(folder, "lines.txt", "".join(f"Line {i}.\n" for i in range(100_000)))]


def _same_base_name(folder: Path) -> list[str]:
    return [_write(folder, "a/story.txt", ARTICLE), _write(folder, "b/story.txt", ARTICLE.replace("Thursday", "Friday"))]


def _same_file_twice(folder: Path) -> list[str]:
    path = _write(folder, "story.txt", ARTICLE)
    return [path, path, str(folder / "." / "story.txt")]


def _mixed(folder: Path) -> list[str]:
    return [
        _write(folder, "good.txt", ARTICLE),
        _write(folder, "image.txt", b"\x89PNG\r\n\x1a\n"),
        str(folder / "missing.txt"),
        _write(folder, "empty.txt", b""),
        _write(folder, "also-good.md", "---\noutlet: Example News\n---\n\n" + ARTICLE.replace("Thursday", "Friday")),
    ]


def _seed_paragraphs() -> list[str]:
    from aligner.load import load

    return [p.text for p in load([SEEDS]).paragraphs if p.role == "body"]


def _cluster(n: int) -> Callable[[Path], list[str]]:
    """n articles about one event: each a headline and 5-9 paragraphs drawn from the seeds."""

    def build(folder: Path) -> list[str]:
        rng = random.Random(n)
        bank = _seed_paragraphs()
        for k in range(n):
            body = rng.sample(bank, rng.randint(5, 9))
            _write(folder, f"cluster/{k:03d}.txt", f"Outlet {k} on the Syria talks\n\n" + "\n\n".join(body) + "\n")
        return [str(folder / "cluster")]

    return build


def _named_pipe(folder: Path) -> list[str]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return [str(path)]


def _control_characters_in_file_name(folder: Path) -> list[str]:
    return [_write(folder, "evil\x1b[2J\u202ename\n.txt", b"")]


def _non_utf8_file_name(folder: Path) -> list[str]:
    return [_write(folder, os.fsdecode(b"caf\xe9.txt"), ARTICLE)]


UTF16_TEXT = ARTICLE.replace("\n", "\r\n")

CASES = [
    Case("empty", _files(**{"empty.txt": b""}), 1, [r"synoptic: error: .*empty\.txt: no text in file"]),
    Case("whitespace-only", _files(**{"blank.txt": b" \n\t\r\n  \n"}), 1, [r"synoptic: error: .*blank\.txt: no text in file"]),
    Case("empty-directory", lambda f: [str(f / "d")] if (f / "d").mkdir() is None else [], 1,
         [r"synoptic: error: .*d: directory holds no \.txt or \.md articles"]),
    Case("directory-without-readable-articles", _no_readable_articles, 1, [
        r"synoptic: skipped: .*empty\.md: no text in file",
        r"synoptic: skipped: .*photo\.txt: binary file: looks like a PNG image, not text",
        r"synoptic: error: none of the 2 inputs is a readable article",
    ]),
    Case("nonexistent", lambda f: [str(f / "missing.txt")], 1, [r"synoptic: error: .*missing\.txt: no such file or directory"]),
    Case("permission-denied", _permission_denied, 1, [r"synoptic: error: .*secret\.txt: permission denied"]),
    Case("png", _files(**{"photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)}), 1,
         [r"synoptic: error: .*photo\.txt: binary file: looks like a PNG image, not text"]),
    Case("pdf", _files(**{"doc.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n"}), 1,
         [r"synoptic: error: .*doc\.txt: binary file: looks like a PDF document, not text"]),
    Case("nul-bytes", _files(**{"data.txt": b"Kerry met Lavrov.\x00\x00\x01\x02 More text."}), 1,
         [r"synoptic: error: .*data\.txt: binary file: contains NUL bytes, not text"]),
    Case("invalid-utf8", _files(**{"cut.txt": ARTICLE.replace("Moscow", "Moskv\u00e1").encode() + b"Cut mid-character \xe2\x80\n"}), 0,
         [r"synoptic: warning: .*cut\.txt: 1 invalid UTF-8 byte sequence shown as \ufffd"], sources=1,
         check=lambda r, f: _paragraphs_of(r)[-1] == "Cut mid-character \ufffd" or pytest.fail(_paragraphs_of(r)[-1])),
    Case("latin-1", _files(**{"latin.txt": ARTICLE.replace("Moscow", "Moskv\u00e1").encode("latin-1")}), 0,
         [r"synoptic: warning: .*latin\.txt: not UTF-8 or UTF-16; read as \w+"], sources=1),
    Case("utf16-bom", _files(**{"bom.txt": "\ufeff".encode("utf-16-le") + UTF16_TEXT.encode("utf-16-le")}), 0, [], 1, _same_as_plain),
    Case("utf16-no-bom", _files(**{"nobom.txt": UTF16_TEXT.encode("utf-16-be")}), 0, [], 1, _same_as_plain),
    Case("crlf", _files(**{"crlf.txt": ARTICLE.replace("\n", "\r\n")}), 0, [], 1, _same_as_plain),
    Case("lone-cr", _files(**{"cr.txt": ARTICLE.replace("\n", "\r")}), 0, [], 1, _same_as_plain),
    Case("20mb-single-line", _big_single_line, 1,
         [r"synoptic: error: .*one-line\.txt: too large for a news article \(20\.0 MB; Synoptic reads articles up to 2 MB\)"],
         slow=True),
    Case("100k-short-lines", _many_short_lines, 1,
         [r"synoptic: error: .*lines\.txt: too many paragraphs for a news article \(100,000; Synoptic reads up to 2,000\)"],
         slow=True),
    Case("markup-escapes-controls-scripts", _files(**{"hostile.txt": HOSTILE}), 0, [], 1, _hostile_text_kept),
    Case("markdown-bracket-bomb", _files(**{"bomb.md": ARTICLE + "\n" + "[" * 300_000 + "\n\n" + "![" * 50_000 + "\n"}), 0,
         [r"synoptic: warning: .*bomb\.md: more than 5,000 '\[' is not an article's Markdown; read as plain text"], 1),
    Case("named-pipe-without-writer", _named_pipe, 1, [r"synoptic: error: .*pipe\.txt: no text in file"]),
    Case("control-characters-in-file-name", _control_characters_in_file_name, 1,
         [r"synoptic: error: .*evil␛\[2J\ufffdname .txt: no text in file"]),
    Case("non-utf8-file-name", _non_utf8_file_name, 0, [], 1),
    Case("same-base-name", _same_base_name, 0, [], 2,
         lambda r, f: [s["id"] for s in r["sources"]] == ["story.txt", "story.txt#2"] or pytest.fail(str(r["sources"]))),
    Case("same-file-twice", _same_file_twice, 0, [r"synoptic: warning: .*story\.txt: given 3 times; read once"], 1),
    Case("mixed-readable-and-not", _mixed, 0, [
        r"synoptic: skipped: .*missing\.txt: no such file or directory",
        r"synoptic: skipped: .*image\.txt: binary file: looks like a PNG image, not text",
        r"synoptic: skipped: .*empty\.txt: no text in file",
    ], 2),
    Case("single-source", _files(**{"only.txt": ARTICLE}), 0, [], 1, _same_as_plain),
    Case("fifty-sources", _cluster(50), 0, [], 50, slow=True),
]


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            try:
                out[str(path)] = (path.read_bytes(), path.stat().st_mtime_ns)
            except PermissionError:
                out[str(path)] = (b"<unreadable>", path.stat().st_mtime_ns)
    return out


def _drop_dac_override() -> list[str] | None:
    """As root, chmod 000 does not stop a read. Run the command without the capabilities that let
    root ignore file permissions (util-linux setpriv), if this system allows it."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None
    caps = "-dac_override,-dac_read_search"
    prefix = [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    return prefix if probe.returncode == 0 else None


def run_subprocess(args: list[str], prefix: list[str] = (), env: dict | None = None) -> tuple[int, bytes, str]:
    done = subprocess.run(
        [*prefix, str(SYNOPTIC), *args], capture_output=True, timeout=300, env={**os.environ, **(env or {})}
    )
    return done.returncode, done.stdout, done.stderr.decode("utf-8", errors="replace")


def run_in_process(args: list[str], capsysbinary) -> tuple[int, bytes, str]:
    try:
        status = main(args)
    except SystemExit as e:  # argparse usage errors
        status = e.code
    out, err = capsysbinary.readouterr()
    return status, out, err.decode("utf-8", errors="replace")


def check_run(case: Case, fmt: str, status: int, out: bytes, err: str, folder: Path) -> None:
    assert "Traceback" not in err, err
    assert not UNSAFE_BYTES.search(err.encode("utf-8")), err
    lines = err.splitlines()
    assert all(line.startswith("synoptic: ") for line in lines), err
    assert status == case.status, err
    assert len(lines) == len(case.stderr), err
    for line, pattern in zip(lines, case.stderr):
        assert re.fullmatch(pattern, line), (pattern, line)
    if status != 0:
        assert out == b""
        return
    assert not UNSAFE_BYTES.search(out.replace(b"\n", b"")), "raw control bytes in the report"
    text = out.decode("utf-8")  # strictly UTF-8, whatever the file names
    if fmt == "json":
        report = json.loads(text)
        assert json.loads(json.dumps(report, ensure_ascii=False)) == report
        assert len(report["sources"]) == case.sources
        _check_report_invariants(report)
        if case.check:
            case.check(report, folder)
    else:
        assert text.startswith("# Synoptic")
        assert f"{case.sources} source{'' if case.sources == 1 else 's'}, " in text


def _check_report_invariants(report: dict) -> None:
    story = {(p["source"], p["index"]) for p in report["paragraphs"] if p["role"] in ("body", "lead-in")}
    placed = [(m["source"], m["index"]) for g in report["groups"] for m in g["members"]]
    assert sorted(placed) == sorted(story)
    text = {(p["source"], p["index"]): p["text"] for p in report["paragraphs"]}
    for m in report["matches"] + report["flags"]:
        for span in (m["a"], m["b"]):
            assert text[(span["source"], span["index"])][span["start"] : span["end"]] == span["text"]


@pytest.fixture
def case_folder(tmp_path):
    yield tmp_path
    for path in tmp_path.rglob("*"):  # let pytest clean up what the permission case locked
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_catalogue_subprocess_json(case, case_folder):
    args = case.build(case_folder)
    prefix: list[str] = []
    if case.id == "permission-denied":
        prefix = _drop_dac_override()
        if prefix is None:
            pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE here (no setpriv or not allowed): "
                        "chmod 000 does not stop root reading; tests/test_ingest_robust.py covers the reason")
    before = _snapshot(case_folder)
    started = time.perf_counter()
    status, out, err = run_subprocess(["--format", "json", *args], prefix)
    elapsed = time.perf_counter() - started
    check_run(case, "json", status, out, err, case_folder)
    assert _snapshot(case_folder) == before
    if case.id in ("20mb-single-line", "100k-short-lines"):
        assert elapsed < 10, f"refusing took {elapsed:.1f} s"


@pytest.mark.parametrize("fmt", ["json", "markdown"])
@pytest.mark.parametrize("case", [c for c in CASES if not c.slow], ids=[c.id for c in CASES if not c.slow])
def test_catalogue_in_process(case, fmt, case_folder, capsysbinary):
    args = case.build(case_folder)
    if case.id == "permission-denied" and os.access(args[0], os.R_OK):
        pytest.skip("chmod 000 does not stop this process reading (root with CAP_DAC_OVERRIDE); "
                    "the subprocess test drops that capability, tests/test_ingest_robust.py fakes the error")
    before = _snapshot(case_folder)
    status, out, err = run_in_process(["--format", fmt, *args], capsysbinary)
    check_run(case, fmt, status, out, err, case_folder)
    assert _snapshot(case_folder) == before


@pytest.mark.parametrize("case", [c for c in CASES if c.id in ("markup-escapes-controls-scripts", "mixed-readable-and-not", "non-utf8-file-name")],
                         ids=lambda c: c.id)
def test_catalogue_subprocess_markdown(case, case_folder):
    args = case.build(case_folder)
    status, out, err = run_subprocess(["--format", "markdown", *args])
    check_run(case, "markdown", status, out, err, case_folder)


def test_markdown_report_escapes_article_text(case_folder, capsysbinary):
    path = _write(case_folder, "hostile.txt", HOSTILE)
    status, out, err = run_in_process(["--format", "markdown", path], capsysbinary)
    text = out.decode("utf-8")
    assert status == 0
    assert "\\[bold\\]Kerry\\[/\\] meets \\[@click=app.quit\\]Lavrov\\[/\\] in \\[b Moscow" in text
    assert "\u241b\\[31min Moscow\u241b\\[0m" in text  # ESC shown as the control picture
    assert "\\<b\\>not html\\</b\\>" in text and "!\\[not\\](an image)" in text  # "[" escaped: no image
    assert "\u4e2d\u6587\u65b0\u95fb" in text and "\U0001f600" in text


# --- the report file (-o) ------------------------------------------------------------------------


def test_output_file_is_written_and_inputs_untouched(case_folder, capsysbinary):
    article = _write(case_folder, "story.txt", ARTICLE)
    target = case_folder / "out" / "report.json"
    target.parent.mkdir()
    target.write_text("old")
    before = _snapshot(case_folder)
    status, out, err = run_in_process(["--format", "json", "-o", str(target), article], capsysbinary)
    assert (status, out, err) == (0, b"", "")
    assert json.loads(target.read_text("utf-8"))["format"] == "synoptic-alignment"
    after = _snapshot(case_folder)
    assert after[article] == before[article]
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]


def test_output_failing_midway_keeps_the_old_report(case_folder, capsysbinary, monkeypatch):
    article = _write(case_folder, "story.txt", ARTICLE)
    target = case_folder / "report.md"
    target.write_bytes(b"old report")
    real_fdopen = os.fdopen

    class HalfWritten:
        def __init__(self, f):
            self.f = f

        def write(self, data):
            self.f.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def __getattr__(self, name):
            return getattr(self.f, name)

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: HalfWritten(real_fdopen(*a, **k)))
    status, out, err = run_in_process(["--format", "markdown", "-o", str(target), article], capsysbinary)
    assert status == 73
    assert err == f"synoptic: cannot write {target}: No space left on device\n"
    assert target.read_bytes() == b"old report"
    assert sorted(p.name for p in case_folder.iterdir()) == ["report.md", "story.txt"]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("{folder}", r"synoptic: cannot write .*: Is a directory"),
        ("{folder}/missing/report.json", r"synoptic: cannot write .*missing/report\.json: No such file or directory"),
    ],
    ids=["directory", "missing-directory"],
)
def test_output_that_cannot_be_written(case_folder, capsysbinary, target, message):
    article = _write(case_folder, "story.txt", ARTICLE)
    status, out, err = run_in_process(["--format", "json", "-o", target.format(folder=case_folder), article], capsysbinary)
    assert status == 73
    assert re.fullmatch(message, err.strip()), err
    assert sorted(p.name for p in case_folder.iterdir()) == ["story.txt"]


def test_output_over_an_input_is_refused(case_folder, capsysbinary):
    article = _write(case_folder, "story.txt", ARTICLE)
    before = _snapshot(case_folder)
    status, out, err = run_in_process(["--format", "json", "-o", article, article], capsysbinary)
    assert status == 2
    assert err.startswith("synoptic: refusing to overwrite the input file") and err.count("\n") == 1
    assert _snapshot(case_folder) == before


# --- the process around the report ----------------------------------------------------------------


def test_report_is_utf8_under_a_latin1_locale(case_folder):
    path = _write(case_folder, "hostile.txt", HOSTILE)
    status, out, err = run_subprocess(["--format", "json", path], env={"PYTHONIOENCODING": "latin-1", "LC_ALL": "C"})
    assert status == 0, err
    assert json.loads(out.decode("utf-8"))["paragraphs"][3]["text"].startswith("\u0627\u0644")


def test_closed_pipe_is_quiet():
    proc = subprocess.Popen([str(SYNOPTIC), "--format", "json", str(SEEDS)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0
    assert err == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json", "--label", "a", "--label", "b", "{article}"], r"synoptic: 2 labels given for 1 article \(see synoptic --help\)"),
        (["--format", "yaml", "{article}"], r"synoptic: argument --format: invalid choice: .*"),
        (["--bogus\x1b[2J\u202e", "{article}"], r"synoptic: unrecognized arguments: --bogus␛\[2J\ufffd \(see synoptic --help\)"),
        (["-o", "x.json", "{article}"], r"synoptic: -o/--output needs --format \(see synoptic --help\)"),
        (["--format", "json", "-o", "", "{article}"], r"synoptic: -o/--output needs a file name \(- for standard output\) \(see synoptic --help\)"),
    ],
    ids=["too-many-labels", "unknown-format", "control-characters-in-option", "output-without-format", "empty-output"],
)
def test_usage_errors_are_one_line(case_folder, capsysbinary, args, message):
    article = _write(case_folder, "story.txt", ARTICLE)
    status, out, err = run_in_process([a.format(article=article) for a in args], capsysbinary)
    assert status == 2 and out == b""
    assert re.fullmatch(message, err.rstrip("\n")), err
    assert err.count("\n") == 1


def test_version_and_help_go_to_stdout(capsysbinary):
    from importlib import metadata

    status, out, err = run_in_process(["--version"], capsysbinary)
    assert (status, err) == (0, "")
    assert out.decode() == f"synoptic {metadata.version('synoptic-reader')}\n"
    status, out, err = run_in_process(["--help"], capsysbinary)
    assert (status, err) == (0, "")
    assert b"--version" in out and b"--format" in out


def test_internal_errors_are_one_line_without_traceback(case_folder, capsysbinary, monkeypatch):
    import aligner

    def broken(*args, **kwargs):
        raise RuntimeError("boom \x1b[2J\nsecond line")

    monkeypatch.setattr(aligner, "align", broken)
    article = _write(case_folder, "story.txt", ARTICLE)
    status, out, err = run_in_process(["--format", "json", article], capsysbinary)
    assert status == 70
    assert err == "synoptic: internal error: RuntimeError: boom \u241b[2J second line\n"


@pytest.mark.parametrize(
    ("error", "status", "message"),
    [
        (KeyboardInterrupt, 130, "synoptic: interrupted\n"),
        (MemoryError, 70, "synoptic: out of memory (try fewer or smaller articles)\n"),
    ],
    ids=["ctrl-c", "out-of-memory"],
)
def test_interrupted_or_out_of_memory_is_one_line(case_folder, capsysbinary, monkeypatch, error, status, message):
    import aligner

    def fail(*args, **kwargs):
        raise error()

    monkeypatch.setattr(aligner, "align", fail)
    article = _write(case_folder, "story.txt", ARTICLE)
    target = case_folder / "report.json"
    target.write_bytes(b"old")
    assert run_in_process(["--format", "json", "-o", str(target), article], capsysbinary) == (status, b"", message)
    assert target.read_bytes() == b"old"


def test_messages_get_out_even_when_the_aligner_cannot_load(case_folder, capsysbinary, monkeypatch):
    """A broken install (or a half-edited checkout) still ends in one line, not a traceback."""
    monkeypatch.setitem(sys.modules, "aligner", None)
    monkeypatch.setitem(sys.modules, "aligner.text", None)
    article = _write(case_folder, "story\x1b[2J.txt", ARTICLE)
    status, out, err = run_in_process(["--format", "json", article], capsysbinary)
    assert status == 70 and out == b""
    assert re.match(r"synoptic: internal error: (ModuleNotFound|Import)Error: ", err) and err.count("\n") == 1
    assert "\x1b" not in err


def test_a_native_panic_is_one_line(case_folder, capsysbinary, monkeypatch):
    import aligner

    class PanicException(BaseException):  # what pyo3 extensions raise for a Rust panic
        pass

    def panics(*args, **kwargs):
        raise PanicException("end byte index 4 is not a char boundary")

    monkeypatch.setattr(aligner, "align", panics)
    article = _write(case_folder, "story.txt", ARTICLE)
    status, out, err = run_in_process(["--format", "json", article], capsysbinary)
    assert (status, out) == (70, b"")
    assert err == "synoptic: internal error: PanicException: end byte index 4 is not a char boundary\n"


# --- standard streams and special output targets ----------------------------------------------


def _run_with_fds(args: list[str], *, stdout=None, stderr=subprocess.PIPE, close: tuple[int, ...] = ()) -> tuple[int, str]:
    """Run the command with some standard streams closed (as `>&-` does) or redirected."""
    done = subprocess.run(
        [str(SYNOPTIC), *args],
        stdout=stdout,
        stderr=stderr,
        timeout=300,
        preexec_fn=(lambda: [os.close(fd) for fd in close]) if close else None,
    )
    return done.returncode, (done.stderr or b"").decode("utf-8", errors="replace")


def test_closed_stdout_is_one_line_and_exit_73(case_folder):
    status, err = _run_with_fds(["--format", "json", str(SEEDS)], close=(1,))
    assert status == 73
    assert err == "synoptic: cannot write the report: standard output is closed (use -o FILE)\n"


def test_closed_pipe_on_the_output_with_stdout_closed_is_quiet(case_folder):
    """-o /dev/fd/3 onto a pipe its reader has left, with stdout closed: no traceback."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [str(SYNOPTIC), "--format", "json", "-o", "/dev/fd/3", str(SEEDS)],
            stderr=subprocess.PIPE, timeout=300, pass_fds=(3,),
            preexec_fn=lambda: (os.dup2(write, 3), os.close(1)),
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, b"")


def test_closed_stdout_does_not_matter_with_an_output_file(case_folder):
    target = case_folder / "report.json"
    status, err = _run_with_fds(["--format", "json", "-o", str(target), str(SEEDS)], close=(1,))
    assert (status, err) == (0, "")
    assert json.loads(target.read_text())["format"] == "synoptic-alignment"


def test_closed_stderr_keeps_warnings_out_of_the_report(case_folder):
    latin1 = _write(case_folder, "latin1.txt", ARTICLE.replace("Aleppo", "Alep\u00e9").encode("latin-1"))
    done = subprocess.run(
        [str(SYNOPTIC), "--format", "json", latin1], stdout=subprocess.PIPE, timeout=300,
        preexec_fn=lambda: os.close(2),
    )
    assert done.returncode == 0
    assert json.loads(done.stdout)["problems"][0]["reason"].startswith("not UTF-8")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [["--format", "json", str(SEEDS)], ["--version"], ["--help"]], ids=["report", "version", "help"]
)
def test_full_disk_on_stdout_is_one_line_and_exit_73(args):
    with open("/dev/full", "wb") as full:
        status, err = _run_with_fds(args, stdout=full)
    assert status == 73, err
    assert re.fullmatch(r"synoptic: cannot write (the report )?to standard output: No space left on device\n", err), err


def test_dash_and_dev_stdout_write_to_the_pipe(case_folder):
    for target in ("-", "/dev/stdout"):
        status, out, err = run_subprocess(["--format", "json", "-o", target, str(SEEDS)])
        assert (status, err) == (0, "")
        assert json.loads(out)["format"] == "synoptic-alignment"
    assert not (Path.cwd() / "-").exists()


def test_a_named_pipe_as_output_stays_a_pipe(case_folder):
    import threading

    fifo = case_folder / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    # a daemon: if the pipe were replaced by a file, nothing would ever open it for writing
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    status, out, err = run_subprocess(["--format", "json", "-o", str(fifo), str(SEEDS)])
    reader.join(timeout=120)
    assert (status, err) == (0, "")
    assert fifo.is_fifo()
    assert json.loads(received[0])["format"] == "synoptic-alignment"


def test_labels_keep_their_places_past_a_missing_file(case_folder, capsysbinary):
    article = _write(case_folder, "story.txt", ARTICLE)
    missing = str(case_folder / "missing.txt")
    status, out, err = run_in_process(["--format", "json", "--label", "M", "--label", "G", missing, article], capsysbinary)
    assert status == 0
    assert [s["label"] for s in json.loads(out)["sources"]] == ["G"]
    assert err == f"synoptic: skipped: {missing}: no such file or directory\n"


def test_output_to_the_file_stdout_goes_to_appends_through_it(case_folder):
    """`-o /dev/stdout >> log` appends (a rename would replace the log with the report alone)."""
    log = case_folder / "log.txt"
    log.write_text("earlier line\n")
    with log.open("ab") as out:
        done = subprocess.run([str(SYNOPTIC), "--format", "json", "-o", "/dev/stdout", str(SEEDS)],
                              stdout=out, stderr=subprocess.PIPE, timeout=300)
    assert (done.returncode, done.stderr) == (0, b"")
    head, report = log.read_text().split("\n", 1)
    assert head == "earlier line"
    assert json.loads(report)["format"] == "synoptic-alignment"
