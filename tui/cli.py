"""The `synoptic` command: open the reading room, or print a report without starting the UI.

    synoptic [PATH ...] [--label NAME ...]                 open the app (default: the bundled seeds)
    synoptic --format json|markdown [PATH ...] [-o FILE]   print or write the alignment

Every failure is one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

EXIT_OK = 0
EXIT_NO_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_CANNOT_WRITE = 73


def _say(message: str) -> str:
    """A message for stderr: one line, with file names and article text unable to drive the
    terminal (control, bidi and invisible characters shown as marks, line breaks as spaces)."""
    try:
        from aligner.text import visible
    except Exception:  # noqa: BLE001 - the message must get out even when aligner cannot load
        return "".join(
            ch if ch.isprintable() and not 0xD800 <= ord(ch) < 0xE000 else "\ufffd" for ch in message
        )
    return visible(message).replace("\n", " ")


def _err(message: str) -> None:
    """Print one line on stderr. With stderr closed (`2>&-`) the line is dropped: print() would
    send it to stdout instead, into the report."""
    if sys.stderr is None:
        return
    try:
        print(message, file=sys.stderr)
    except (OSError, ValueError):
        pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not argparse's usage + error
        self.exit(EXIT_USAGE, f"{self.prog}: {_say(message)} (see {self.prog} --help)\n")

    def print_help(self, file=None) -> None:
        self.print_out(self.format_help(), file)

    def print_out(self, text: str, file=None) -> None:
        """Print `text` on stdout; when it cannot get out (a full disk), say so and exit 73
        (argparse would drop the error silently)."""
        stream = file or sys.stdout
        if stream is None:
            return  # stdout closed on purpose: nothing is asked of it
        try:
            stream.write(text)
            stream.flush()
        except BrokenPipeError:
            raise  # main() leaves quietly: synoptic --help | head
        except OSError as e:
            self.exit(EXIT_CANNOT_WRITE, _say(f"{self.prog}: cannot write to standard output: {e.strerror or e}") + "\n")


def seeds_dir() -> Path:
    """The five sample articles: beside the packages in a checkout, inside tui/ in a wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "seeds", here / "seeds"):
        if candidate.is_dir():
            return candidate
    return here.parent / "seeds"


def version() -> str:
    from importlib import metadata  # 50 ms to import: only when --version asks

    try:
        return metadata.version("synoptic-reader")
    except metadata.PackageNotFoundError:
        return "unknown"


class _Version(argparse.Action):
    """argparse's "version" action, with the version looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> NoReturn:
        parser.print_out(f"{parser.prog} {version()}\n")
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="synoptic",
        description="Compare news articles about one event: paragraphs grouped by sub-topic in "
        "synchronized columns, shared facts highlighted, contradictions flagged.",
        epilog="With no PATH, the bundled seed articles are opened.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help=".txt or .md articles, or directories of them")
    parser.add_argument(
        "--format", choices=("json", "markdown"), help="print the alignment in this format instead of opening the app"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE (atomically) instead of stdout; - is stdout"
    )
    parser.add_argument(
        "--label", action="append", default=[], metavar="NAME",
        help="name the columns, once per article in input order (default: the front matter's label, "
        "else the file name)",
    )
    parser.add_argument(
        "--theme", metavar="NAME",
        help="app colour theme, e.g. ansi-dark or ansi-light to use the terminal's own palette "
        "(default: textual-dark; NO_COLOR is honoured)",
    )
    parser.add_argument(
        "--no-cache", action="store_true",
        help="in the app, align afresh instead of reusing the alignment of the same inputs "
        "(cached in $SYNOPTIC_CACHE_DIR, else $XDG_CACHE_HOME/synoptic, else ~/.cache/synoptic)",
    )
    parser.add_argument("--version", action=_Version, help="show the program's version number and exit")
    return parser


def console() -> NoReturn:
    """The `synoptic` command: main(), then the process ends at once.

    By then the report is written (atomically) or the app has closed and restored the terminal.
    A normal interpreter exit would then free every object of the alignment one by one: a tenth
    of a second of a report on the seeds, spent on nothing. (An alignment the user quit before it
    finished runs in a daemon thread, which no exit waits for.)"""
    try:
        status = main()
    except SystemExit as e:  # --help, --version and usage errors end through argparse
        status = e.code if isinstance(e.code, int) else EXIT_OK if e.code is None else EXIT_USAGE
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader went away (synoptic --help | head): nothing more can reach it
    except (OSError, ValueError) as e:
        if status == EXIT_OK:  # what was printed did not get out (a full disk, a closed stream)
            _err(_say(f"synoptic: cannot write to standard output: {getattr(e, 'strerror', None) or e}"))
            status = EXIT_CANNOT_WRITE
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _err("synoptic: interrupted")
        return 130
    except BrokenPipeError:
        # The reader of the report went away (synoptic ... | head); leave quietly, with stdout on
        # /dev/null so that the final flush cannot fail again.
        if sys.stdout is not None:
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError):
                pass  # stdout was closed already: nothing to flush
        return EXIT_OK
    except MemoryError:
        _err("synoptic: out of memory (try fewer or smaller articles)")
        return EXIT_INTERNAL
    except Exception as e:  # the promise is: no traceback, ever
        _err(_say(f"synoptic: internal error: {type(e).__name__}: {e}"))
        return EXIT_INTERNAL
    except BaseException as e:  # a panic in a native extension (pyo3 raises a BaseException)
        if isinstance(e, (SystemExit, GeneratorExit)):
            raise
        _err(_say(f"synoptic: internal error: {type(e).__name__}: {e}"))
        return EXIT_INTERNAL


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = args.paths or [str(seeds_dir())]
    if args.output == "":
        parser.error("-o/--output needs a file name (- for standard output)")
    if args.output and not args.format:
        parser.error("-o/--output needs --format")
    if args.format is None:
        return _app(parser, paths, args)
    return _report(parser, paths, args)


def _app(parser: argparse.ArgumentParser, paths: list[str], args: argparse.Namespace) -> int:
    # The aligner (numpy, scipy) is imported by the app's worker thread, not here, so the window
    # opens at once; label counts are checked by the app once the inputs are read.
    if args.theme:
        from textual.theme import BUILTIN_THEMES

        if args.theme not in BUILTIN_THEMES:
            parser.error(f"unknown theme {args.theme!r} (try: {', '.join(sorted(BUILTIN_THEMES))})")
    if not has_terminal():
        # Without one (`synoptic seeds/ 2> log`, `ssh host synoptic` without -t) the app would
        # write its escape codes into a file or pipe and wait for keys that never come.
        parser.error("the app needs a terminal on standard input and standard error; "
                     "for a report, use --format json or --format markdown")
    from tui.app import run_app

    return run_app(paths, args.label, theme=args.theme, cache=not args.no_cache)


def has_terminal() -> bool:
    """Whether the app has a terminal to read keys from (standard input) and to draw on:
    Textual's driver draws on the process's standard error (`sys.__stderr__`), so standard
    output may be redirected (it stays empty)."""
    try:
        return bool(sys.stdin and sys.__stderr__ and sys.stdin.isatty() and sys.__stderr__.isatty())
    except (OSError, ValueError):  # a closed stream
        return False


def _report(parser: argparse.ArgumentParser, paths: list[str], args: argparse.Namespace) -> int:
    """Print or write the report. Unreadable inputs are listed on stderr, one line each, and the
    rest are aligned; with nothing readable, one line says why and the exit status is 1."""
    from aligner import align
    from aligner.atomic import write_bytes_atomic
    from aligner.inputs import collect_inputs
    from aligner.report import alignment_to_json_text, alignment_to_markdown, count

    inputs = collect_inputs(paths)
    if len(args.label) > inputs.articles:
        parser.error(f"{count(len(args.label), 'label')} given for {count(inputs.articles, 'article')}")
    if args.output and any(_same_file(args.output, f) for f in inputs.files):
        parser.error(f"refusing to overwrite the input file {args.output}")
    alignment = align(paths, args.label)
    if not alignment.sources:
        skipped = [p for p in alignment.problems if p.skipped]
        if len(skipped) == 1:
            _err(_say(f"synoptic: error: {skipped[0].path}: {skipped[0].reason}"))
        else:
            for problem in skipped:
                _err(_say(f"synoptic: skipped: {problem.path}: {problem.reason}"))
            _err(f"synoptic: error: none of the {len(skipped)} inputs is a readable article")
        return EXIT_NO_INPUT
    for problem in alignment.problems:
        kind = "skipped" if problem.skipped else "warning"
        _err(_say(f"synoptic: {kind}: {problem.path}: {problem.reason}"))
    text = alignment_to_json_text(alignment) if args.format == "json" else alignment_to_markdown(alignment)
    # Reports are UTF-8 whatever the locale says (JSON must be), written as bytes so that a
    # Latin-1 terminal or a pipe opened with another encoding cannot fail half-way.
    data = text.encode("utf-8", errors="replace")
    target = args.output if args.output and args.output != "-" else None  # "-": stdout, by convention
    stream = _standard_stream(target) if target else sys.stdout
    if target and stream is None:
        try:
            write_bytes_atomic(target, data)
        except BrokenPipeError:
            raise  # main() leaves quietly, as with stdout: -o /dev/fd/3 3>&1 | head
        except OSError as e:
            _err(_say(f"synoptic: cannot write {target}: {e.strerror or e}"))
            return EXIT_CANNOT_WRITE
        return EXIT_OK
    if stream is None:
        _err("synoptic: cannot write the report: standard output is closed (use -o FILE)")
        return EXIT_CANNOT_WRITE
    try:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    except BrokenPipeError:
        raise  # main() leaves quietly: synoptic ... | head
    except OSError as e:
        _err(_say(f"synoptic: cannot write the report to standard output: {e.strerror or e}"))
        return EXIT_CANNOT_WRITE
    return EXIT_OK


def _standard_stream(path: str):
    """stdout or stderr when `path` is the file it writes to (`-o /dev/stdout`, `/dev/fd/1`, or
    the file stdout was redirected to): written through the stream, so that `>> log` appends and
    `{ ...; synoptic -o /dev/stdout; } > out` keeps the rest, where a rename would replace the
    file. None for any other path."""
    try:
        wanted = os.stat(path)
    except (OSError, ValueError):
        return None
    for stream in (sys.stdout, sys.stderr):
        try:
            here = os.fstat(stream.fileno())
        except (AttributeError, OSError, ValueError):  # closed, or not a real file
            continue
        if (here.st_dev, here.st_ino) == (wanted.st_dev, wanted.st_ino):
            return stream
    return None


def _same_file(a: str, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


if __name__ == "__main__":
    console()
