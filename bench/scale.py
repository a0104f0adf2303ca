"""How the report scales with the number of articles: 5, 10, 20, 50, 100 and 200 real articles.

    python bench/scale.py [--sizes 5,10,20,50,100,200] [--repeat 3] [--app 50] [--profile 50]

Articles come from ../shared/eval (read there, never copied into the repository): the 25 of
NewsWCL50 (newswcl50/event_*/*.txt) and then BASIL's (basil/articles/*/*.json, three outlets per
event), written as temporary .txt files (title, blank line, one paragraph per line with blank
lines between). Clusters are nested: the 10-article cluster holds the 5 of the smaller one.

For every size, in one run (medians over --repeat runs):
- the real `synoptic --format json DIR` process: wall time and the child's peak resident memory
  (from wait4's rusage, the child alone);
- the floor: a child interpreter that imports the same packages, reads the same files and
  tokenizes them (decode, paragraphs, words) — what any Python tool reading them pays;
- report time / floor, and the growth per doubling, (t_n / t_m) ** (1 / log2(n / m)) against the
  previous size (a doubling is 2x for linear work, 4x for quadratic).
Targets (issue 5): 50 articles <= 2 s, 200 <= 15 s, each doubling <= 4x, peak memory <= 500 MB at
200. `--app N` (default 50; 0 to skip) opens the N-article cluster in the app, headless and
in-process (`make_app(...).run_test()`), and times the first full screen (from start until the
columns are drawn; targets <= 2 s) and key presses (median of 40 row and column moves, each until
the app is idle again; target <= 50 ms; the test harness's own wait is included, so this is an
upper bound). `--profile N` then times each stage of align() in-process on the N-article cluster
and prints the top functions from cProfile.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
TARGETS = {"time_50": 2.0, "time_200": 15.0, "doubling": 4.0, "memory_200_mb": 500.0}

FLOOR = """
import sys
from pathlib import Path
import numpy, scipy.sparse, rapidfuzz, sentencex, Stemmer, yaml, markdown_it, charset_normalizer
import aligner, tui.cli
from aligner.decode import decode
from aligner.ingest import split_lines
from aligner.text import words
n = 0
for path in sorted(Path(sys.argv[1]).iterdir()):
    text = decode(path.read_bytes()).text
    for line in split_lines(text):
        n += len(words(line))
print(n)
"""


def eval_articles() -> list[tuple[str, str]]:
    """(name, text) of every article, in the order the clusters grow."""
    out: list[tuple[str, str]] = []
    for path in sorted(EVAL.glob("newswcl50/event_*/*.txt")):
        out.append((f"wcl-{path.parent.name}-{path.stem}.txt", path.read_text(encoding="utf-8")))
    for path in sorted(EVAL.glob("basil/articles/*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(s.strip() for s in p if s.strip()) for p in data.get("body-paragraphs", [])]
        body = "\n\n".join(p for p in paragraphs if p)
        out.append((f"basil-{path.parent.name}-{path.stem}.txt", f"{data.get('title') or ''}\n\n{body}\n"))
    return out


def run_child(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process, measured for that child alone."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])}... failed ({proc.returncode}): {err.strip()}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def synoptic_command() -> list[str]:
    exe = Path(sys.executable).with_name("synoptic")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "tui.cli"]


def measure(sizes: list[int], repeat: int, folder: Path) -> list[dict]:
    articles = eval_articles()
    if len(articles) < max(sizes):
        raise SystemExit(f"only {len(articles)} articles under {EVAL}; sizes up to {max(sizes)} asked")
    rows = []
    for n in sizes:
        cluster = folder / f"cluster-{n}"
        cluster.mkdir()
        for name, text in articles[:n]:
            (cluster / name).write_text(text, encoding="utf-8")
        size_kb = sum(p.stat().st_size for p in cluster.iterdir()) / 1024
        reports, floors = [], []
        for _ in range(repeat):
            reports.append(run_child([*synoptic_command(), "--format", "json", str(cluster)]))
            floors.append(run_child([sys.executable, "-c", FLOOR, str(cluster)], cwd=ROOT))
        seconds = statistics.median(t for t, _ in reports)
        rows.append(
            {
                "articles": n,
                "kb": size_kb,
                "seconds": seconds,
                "peak_mb": max(m for _, m in reports),
                "floor": statistics.median(t for t, _ in floors),
            }
        )
        print(f"  measured {n} articles: {seconds:.2f} s", file=sys.stderr, flush=True)
    for previous, row in zip(rows, rows[1:]):
        doublings = math.log2(row["articles"] / previous["articles"])
        row["growth"] = (row["seconds"] / previous["seconds"]) ** (1 / doublings)
    return rows


def print_table(rows: list[dict], repeat: int) -> None:
    print(f"synoptic --format json, median of {repeat} run(s); floor = interpreter + imports + read + tokenize")
    print()
    print("| articles | input KB | report s | peak MB | floor s | report / floor | growth per doubling |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        growth = f"{r['growth']:.2f}x" if "growth" in r else "-"
        print(
            f"| {r['articles']} | {r['kb']:.0f} | {r['seconds']:.2f} | {r['peak_mb']:.0f} | {r['floor']:.2f} | "
            f"{r['seconds'] / r['floor']:.1f}x | {growth} |"
        )
    print()
    by_n = {r["articles"]: r for r in rows}
    checks = []
    if 50 in by_n:
        checks.append(("50 articles <= 2 s", by_n[50]["seconds"], TARGETS["time_50"]))
    if 200 in by_n:
        checks.append(("200 articles <= 15 s", by_n[200]["seconds"], TARGETS["time_200"]))
        checks.append(("peak memory at 200 <= 500 MB", by_n[200]["peak_mb"], TARGETS["memory_200_mb"]))
    worst = max((r for r in rows if "growth" in r), key=lambda r: r["growth"], default=None)
    if worst:
        checks.append((f"each doubling <= 4x (worst: to {worst['articles']})", worst["growth"], TARGETS["doubling"]))
    for name, value, limit in checks:
        verdict = "meets" if value <= limit else f"MISSES by {value / limit:.1f}x"
        print(f"- {name}: {value:.2f} -> {verdict}")


def _cluster(n: int, folder: Path) -> Path:
    cluster = folder / f"cluster-{n}"
    if not cluster.exists():
        cluster.mkdir()
        for name, text in eval_articles()[:n]:
            (cluster / name).write_text(text, encoding="utf-8")
    return cluster


def harness_latency(presses: int = 40) -> float:
    """Median ms of a key press in a one-widget Textual app, measured the same way: the harness's
    own share of every figure app_latency gives."""
    import asyncio

    from textual.app import App
    from textual.widgets import Static

    class Trivial(App):
        def compose(self):
            yield Static("x")

    async def run() -> list[float]:
        times = []
        async with Trivial().run_test(size=(160, 48)) as pilot:
            for _ in range(presses):
                t0 = time.perf_counter()
                await pilot.press("j")
                times.append(time.perf_counter() - t0)
        return times

    return statistics.median(asyncio.run(run())) * 1000


def app_latency(n: int, folder: Path, presses: int = 40) -> tuple[float, float, float]:
    """(first full screen s, median key press ms, 90th percentile ms) of the app on n articles."""
    import asyncio

    sys.path.insert(0, str(ROOT))
    from tui.app import make_app
    from tui.screens.reader import ReaderScreen

    cluster = _cluster(n, folder)

    async def run() -> tuple[float, list[float]]:
        started = time.perf_counter()
        app = make_app([str(cluster)])
        async with app.run_test(size=(160, 48)) as pilot:
            while not isinstance(app.screen, ReaderScreen):
                await asyncio.sleep(0.01)
            await pilot.pause()  # the first frame of the columns
            first = time.perf_counter() - started
            times = []
            for k in range(presses):
                key = "jjjkllhj"[k % 8]
                t0 = time.perf_counter()
                await pilot.press(key)
                times.append(time.perf_counter() - t0)
            await pilot.press("q")
        return first, times

    first, times = asyncio.run(run())
    times.sort()
    return first, statistics.median(times) * 1000, times[int(0.9 * (len(times) - 1))] * 1000


def profile(n: int, folder: Path) -> None:
    """Per-stage wall time of align() in-process (from its progress callback), then cProfile."""
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from aligner import align

    cluster = _cluster(n, folder)
    align([cluster])  # warm caches and imports
    marks: list[tuple[str, float]] = []
    start = time.perf_counter()
    align([cluster], progress=lambda stage, done: marks.append((stage, time.perf_counter())))
    total = time.perf_counter() - start
    stages: dict[str, float] = {}
    for (stage, t0), (_, t1) in zip(marks, marks[1:]):
        stages[stage] = stages.get(stage, 0.0) + t1 - t0
    print()
    print(f"align() of {n} articles in-process: {total:.2f} s (after a warm-up run)")
    print()
    print("| stage | seconds | share |")
    print("|---|---:|---:|")
    for stage, seconds in stages.items():
        print(f"| {stage} | {seconds:.2f} | {seconds / total:.0%} |")
    profiler = cProfile.Profile()
    profiler.enable()
    align([cluster])
    profiler.disable()
    print()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,10,20,50,100,200", help="comma-separated article counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (the median is shown)")
    parser.add_argument("--app", type=int, default=50, metavar="N", help="time the app on N articles (0: skip)")
    parser.add_argument("--profile", type=int, metavar="N", help="then profile align() on the N-article cluster")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not EVAL.is_dir():
        raise SystemExit(f"no evaluation data at {EVAL}")
    with tempfile.TemporaryDirectory(prefix="synoptic-scale-") as d:
        rows = measure(sizes, args.repeat, Path(d))
        print_table(rows, args.repeat)
        if args.app:
            first, median_ms, p90_ms = app_latency(args.app, Path(d))
            harness_ms = harness_latency()
            print()
            print(f"App at {args.app} articles (headless, in-process, 160x48):")
            print(f"- first full screen: {first:.2f} s ({'meets' if first <= 2 else 'MISSES'} <= 2 s)")
            print(f"- key press: median {median_ms:.0f} ms, 90th percentile {p90_ms:.0f} ms; a one-widget app "
                  f"measures {harness_ms:.0f} ms the same way, so the app's own share is about "
                  f"{max(0.0, median_ms - harness_ms):.0f} ms ({'meets' if median_ms - harness_ms <= 50 else 'MISSES'} "
                  f"<= 50 ms median)")
        if args.profile:
            profile(args.profile, Path(d))


if __name__ == "__main__":
    main()
