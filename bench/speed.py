"""How long aligning the seeds takes, in-process and as the whole `synoptic` command.

    python bench/speed.py [--runs 7]

Prints medians over the runs, measured in one session so that they can be compared: the
in-process align() of the seeds (after a warm-up run that loads every module), once with the
aligner's memo caches emptied before each run, as a process meets the seeds the first time,
and once with them kept (the same texts aligned again: words, stems and sentence analyses are
remembered), the `synoptic --format json seeds/`
process from start to exit (the project's bytecode written first, as an installed wheel has it),
and a bare interpreter that only imports the packages the report path imports (the floor any
Python command pays).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bytecode import compile_project  # noqa: E402

#: What `synoptic --format json seeds/` imports besides the project (checked with `python -X
#: importtime`): the seeds are plain text, so the Markdown and YAML readers, imported on first
#: use, are not among them.
REPORT_IMPORTS = "import numpy, scipy.sparse, rapidfuzz, sentencex, Stemmer, charset_normalizer"


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def run_quiet(command: list[str]) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    compile_project()
    from aligner import align
    from aligner.memos import forget

    seeds = ROOT / "seeds"
    align([seeds])
    first, again = [], []
    for _ in range(args.runs):
        forget()
        first.append(timed(align, [seeds]))
        again.append(timed(align, [seeds]))
    exe = Path(sys.executable).with_name("synoptic")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "tui.cli"]
    # The three commands take turns, so that the machine's drift (this host is shared) weighs
    # on the process and on its floor alike.
    process, imports, bare = [], [], []
    for _ in range(args.runs):
        process.append(timed(run_quiet, [*command, "--format", "json", str(seeds)]))
        imports.append(timed(run_quiet, [sys.executable, "-c", REPORT_IMPORTS]))
        bare.append(timed(run_quiet, [sys.executable, "-c", "pass"]))
    process_median, imports_median = statistics.median(process), statistics.median(imports)
    rows = [
        ("align() of the seeds, in-process", statistics.median(first)),
        ("  the same texts again (memo caches kept)", statistics.median(again)),
        ("synoptic --format json seeds/ (process)", process_median),
        ("python importing the same packages", imports_median),
        ("python -c pass", statistics.median(bare)),
    ]
    print(f"{'what (median of ' + str(args.runs) + ' runs)':<44} {'seconds':>8}")
    for name, value in rows:
        print(f"{name:<44} {value:>8.3f}")
    print(f"{'process / bare imports':<44} {process_median / imports_median:>8.2f}x")

if __name__ == "__main__":
    main()
