"""How fast the app is, as a user sees it: the real process in a pseudo-terminal.

    python bench/ui.py [--runs 5] [--presses 30] [--articles 50]

Prints one table, measured in one run:

- launch to first full screen: from spawning the process until its first frame with the
  columns drawn (the synopsis' top-row rule) is written to the terminal, for `synoptic seeds/`
  aligning afresh (--no-cache), for `synoptic seeds/` reopened (its alignment cache warm, in a
  private cache directory), and for a minimal Textual app (one Static, written the same way)
  launched the same way (same interpreter, same pseudo-terminal size, same environment, the
  project's bytecode written first as an installed wheel has it); medians of --runs
  alternating launches, and the ratios (issue 3's target: <= 1.5); for the launch aligning
  afresh, also when its first frame (the loading screen) was written;
- with --articles real articles (default 50: the 25 NewsWCL50 articles, then BASIL's, read from
  ../shared/eval at run time and written as temporary .txt files, never copied into the
  repository): the median and 90th percentile of key-press-to-repaint latency for cursor moves
  (j k h l w b) and for scrolling (PageDown/PageUp), from writing the key to the last byte of the
  repaint; and the process's peak resident memory (VmHWM). Targets: <= 50 ms median, < 300 MB.
  The same latency for the minimal app (a key that changes its one line) is the floor.

Linux only (pty, /proc).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from bytecode import compile_project

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
BIN = Path(sys.executable).parent
SIZE = (80, 24)
BIG = (160, 48)
#: Seconds of rest before each round of launches (see first_screen).
ROUND_PAUSE = 1.0

MINIMAL = """
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    BINDINGS = [("j", "flip", "Flip"), ("q", "quit", "Quit")]
    def compose(self):
        yield Static("minimal-ready 0", id="line")
    def action_flip(self):
        line = self.query_one("#line", Static)
        line.update("minimal-ready " + ("1" if str(line.render()).endswith("0") else "0"))

Minimal().run()
"""
MINIMAL_MARK = b"minimal-ready"
#: The synopsis' top-row rule: on screen only once the columns are laid out and drawn.
SYNOPTIC_MARK = "─ headlines".encode()
#: The loading screen's first line of progress: its first frame, before any aligning is done.
LOADING_MARK = b"Reading the articles"

KEYS = {"j": b"j", "k": b"k", "l": b"l", "h": b"h", "w": b"w", "b": b"b", "PgDn": b"\x1b[6~", "PgUp": b"\x1b[5~"}


class Terminal:
    """A process on a pseudo-terminal of a given size; we read what it writes."""

    def __init__(self, argv: list[str], size: tuple[int, int]) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TEXTUAL", "TMUX")}
        env.update(TERM="xterm-256color", COLORTERM="truecolor", COLUMNS=str(size[0]), LINES=str(size[1]))
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.execve(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.buffer = b""
        self.reads: list[tuple[float, int]] = []  # (seconds since spawn, buffer size after the read)

    def read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return b""
        self.buffer += data
        self.reads.append((time.perf_counter() - self.started, len(self.buffer)))
        return data

    def when(self, mark: bytes) -> float | None:
        """Seconds from spawn until the read that completed the first `mark`, if written."""
        end = self.buffer.find(mark)
        if end < 0:
            return None
        end += len(mark)
        return next(t for t, size in self.reads if size >= end)

    def wait_for(self, mark: bytes, timeout: float = 120) -> float:
        """Seconds from spawn until the read that completed `mark` (as `when` tells it)."""
        deadline = time.monotonic() + timeout
        while (seconds := self.when(mark)) is None:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{mark!r} not written in {timeout} s")
            self.read(0.5)
        return seconds

    def drain(self, quiet: float = 0.3) -> None:
        while self.read(quiet):
            pass

    def press(self, key: bytes, quiet: float = 0.15) -> float:
        """Seconds from writing a key until the last byte of the repaint it causes."""
        self.drain(0.05)
        sent = time.perf_counter()
        os.write(self.fd, key)
        last = None
        while True:
            if self.read(quiet if last else 2.0):
                last = time.perf_counter()
            else:
                break
        return (last - sent) if last else float("nan")

    def peak_memory_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        try:
            os.write(self.fd, b"q")
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                self.read(0.1)
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    break
            else:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (OSError, ChildProcessError):
            pass
        os.close(self.fd)


def minimal_argv(folder: Path) -> list[str]:
    script = folder / "minimal_app.py"
    script.write_text(MINIMAL, encoding="utf-8")
    return [sys.executable, str(script)]


def synoptic_argv(paths: list[str]) -> list[str]:
    exe = BIN / "synoptic"
    if exe.exists():
        return [str(exe), *paths]
    return [sys.executable, "-m", "tui.cli", *paths]


def first_screen(runs: int, folder: Path) -> tuple[list[float], list[float], list[float], list[float], list[float]]:
    """Launch times of the minimal app, the synoptic app reopening the same articles (its
    alignment cache warm), the synoptic app aligning afresh (--no-cache), and (for the split) the
    report command, interleaved so that a busy moment of the machine hits all of them alike;
    and, for the launch aligning afresh, when its first frame (the loading screen) was written.

    Each round starts after a pause and launches the minimal app and the reopening app back to
    back, before the two heavy runs: launched right after a second and a half of aligning, an app
    started measurably later on this shared machine (about 50 ms), whichever app it was."""
    import subprocess

    minimal, cold, warm, report, loading = [], [], [], [], []
    compile_project()
    seeds = str(ROOT / "seeds")
    term = Terminal(synoptic_argv([seeds]), SIZE)  # warm-up: aligns once and fills the private cache
    try:
        term.wait_for(SYNOPTIC_MARK)
    finally:
        term.close()
    for _ in range(runs):
        time.sleep(ROUND_PAUSE)
        for argv, mark, out in (
            (minimal_argv(folder), MINIMAL_MARK, minimal),
            (synoptic_argv([seeds]), SYNOPTIC_MARK, warm),
            (synoptic_argv(["--no-cache", seeds]), SYNOPTIC_MARK, cold),
        ):
            term = Terminal(argv, SIZE)
            try:
                out.append(term.wait_for(mark))
                if out is cold and (first := term.when(LOADING_MARK)) is not None:
                    loading.append(first)
            finally:
                term.close()
        started = time.perf_counter()
        subprocess.run(synoptic_argv(["--format", "json", seeds]), stdout=subprocess.DEVNULL, check=True)
        report.append(time.perf_counter() - started)
    return minimal, cold, warm, report, loading


def real_articles(n: int, folder: Path) -> Path:
    """n real articles from ../shared/eval as .txt files in a temporary folder."""
    cluster = folder / f"articles-{n}"
    cluster.mkdir(exist_ok=True)
    written = 0
    for path in sorted(EVAL.glob("newswcl50/event_*/*.txt")):
        if written == n:
            return cluster
        (cluster / f"n{written:03d}_{path.stem}.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        written += 1
    for path in sorted(EVAL.glob("basil/articles/*/*.json")):
        if written == n:
            break
        article = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(sentences) for sentences in article.get("body-paragraphs", []) if sentences]
        text = "\n\n".join([article.get("title") or "", *paragraphs]) + "\n"
        (cluster / f"b{written:03d}_{path.stem}.txt").write_text(text, encoding="utf-8")
        written += 1
    return cluster


def key_latency(argv: list[str], mark: bytes, keys: list[str], presses: int) -> tuple[dict[str, list[float]], float, float]:
    term = Terminal(argv, BIG)
    try:
        first = term.wait_for(mark, timeout=300)
        term.drain(1.0)
        times: dict[str, list[float]] = {}
        for i in range(presses):
            for group, sequence in (("cursor", keys[: len(keys) - 2] if len(keys) > 2 else keys), ("scroll", keys[-2:])):
                key = sequence[i % len(sequence)]
                times.setdefault(group, []).append(term.press(KEYS[key]) * 1000)
        return times, first, term.peak_memory_mb()
    finally:
        term.close()


def pct(values: list[float], q: float) -> float:
    values = sorted(v for v in values if v == v)
    return values[min(len(values) - 1, int(q * (len(values) - 1) + 0.5))] if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="launches of each app (medians)")
    parser.add_argument("--presses", type=int, default=30, help="key presses per kind")
    parser.add_argument("--articles", type=int, default=50, help="real articles for the latency run (0: skip)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="synoptic-ui-") as d:
        folder = Path(d)
        os.environ["SYNOPTIC_CACHE_DIR"] = str(folder / "cache")  # a private, initially empty cache
        minimal, cold, warm, report, loading = first_screen(args.runs, folder)
        m, c, w, r = (statistics.median(x) for x in (minimal, cold, warm, report))
        # each round launches the three apps back to back: the median of the rounds' own ratios
        # is less moved by the machine's load drifting during the run than a ratio of medians
        cold_rounds = statistics.median(x / y for x, y in zip(cold, minimal))
        warm_rounds = statistics.median(x / y for x, y in zip(warm, minimal))
        rows = [
            ("Launch to first full screen, minimal Textual app (80×24)", f"{m:.3f} s", f"median of {len(minimal)}", ""),
            ("Launch to first full screen, synoptic seeds/, aligning afresh (--no-cache)", f"{c:.3f} s", f"median of {len(cold)}", ""),
            ("  ratio to the minimal app", f"{c / m:.2f}", f"median of rounds' ratios {cold_rounds:.2f}", "≤ 1.5"),
            ("  its first frame, the loading screen (before aligning)",
             f"{statistics.median(loading):.3f} s" if loading else "-",
             f"{statistics.median(loading) / m:.2f}× the minimal app, n={len(loading)}" if loading else "", ""),
            ("Launch to first full screen, synoptic seeds/ reopened (alignment cached)", f"{w:.3f} s", f"median of {len(warm)}", ""),
            ("  ratio to the minimal app", f"{w / m:.2f}", f"median of rounds' ratios {warm_rounds:.2f}", "≤ 1.5"),
            ("  for the split: synoptic --format json seeds/ (aligner, no UI)", f"{r:.3f} s", f"median of {len(report)}", ""),
        ]
        if args.articles:
            if not EVAL.is_dir():
                raise SystemExit(f"no evaluation data at {EVAL}")
            cluster = real_articles(args.articles, folder)
            count = len(list(cluster.iterdir()))
            floor, _, _ = key_latency(minimal_argv(folder), MINIMAL_MARK, ["j", "j", "j", "j"], args.presses)
            times, first, memory = key_latency(
                synoptic_argv([str(cluster)]), SYNOPTIC_MARK, ["j", "k", "l", "w", "h", "b", "PgDn", "PgUp"], args.presses
            )
            floor_all = floor["cursor"] + floor["scroll"]
            rows += [
                (f"{count} articles (160×48): launch to first full screen (includes aligning)", f"{first:.2f} s", "", ""),
                (f"{count} articles: key press → repaint, cursor moves (j k l w h b)",
                 f"{statistics.median(times['cursor']):.1f} ms", f"p90 {pct(times['cursor'], 0.9):.1f} ms, n={len(times['cursor'])}", "≤ 50 ms"),
                (f"{count} articles: key press → repaint, scrolling (PgDn PgUp)",
                 f"{statistics.median(times['scroll']):.1f} ms", f"p90 {pct(times['scroll'], 0.9):.1f} ms, n={len(times['scroll'])}", "≤ 50 ms"),
                ("  floor: minimal app, key press → repaint", f"{statistics.median(floor_all):.1f} ms",
                 f"p90 {pct(floor_all, 0.9):.1f} ms", ""),
                (f"{count} articles: peak memory (VmHWM)", f"{memory:.0f} MB", "", "< 300 MB"),
            ]
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure':<{width}} | value | detail | target |")
    print(f"|{'-' * (width + 2)}|------:|--------|--------|")
    for name, value, detail, target in rows:
        print(f"| {name:<{width}} | {value} | {detail} | {target} |")


if __name__ == "__main__":
    main()
