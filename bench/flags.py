"""Contradiction flags, measured.

    python bench/flags.py            # seeds, NewsWCL50 event 0 (and events 1-4 when annotated), SICK
    python bench/flags.py --read     # also every flag raised there and on the BASIL clusters, with
                                     # both sentences, to read and judge (precision has no gold there)

Prints, in order:
1. the seeds figures of ../shared/eval/score_seeds.py on the alignment the app shows (flags found,
   false alarms on the must-not-flag look-alikes, flags not in the gold), and the same on NewsWCL50
   event 0 (and on events 1-4 when their annotations are in ../devgold/);
2. precision and recall of `aligner.compare` on SICK, CONTRADICTION against the other labels:
   trial (the development figure) and train (where the lexicons were checked);
3. the flags raised, by kind, on every cluster above.

Evaluation data is read from ../shared/eval/ (and ../devgold/), never copied into the repository.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aligner import align, compare  # noqa: E402
from aligner.model import FLAG_KINDS  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
DEVGOLD = ROOT.parent / "devgold"
SCORER = EVAL / "score_seeds.py"


def clusters() -> list[tuple[str, Path, Path | None]]:
    out: list[tuple[str, Path, Path | None]] = [("seeds", ROOT / "seeds", EVAL / "seeds-gold.json")]
    event0 = EVAL / "newswcl50" / "event_0"
    if event0.is_dir():
        out.append(("event 0", event0, EVAL / "event0-gold.json"))
    for n in range(1, 5):
        folder, gold = EVAL / "newswcl50" / f"event_{n}", DEVGOLD / f"event{n}-gold.json"
        if folder.is_dir() and gold.is_file():
            out.append((f"event {n}", folder, gold))
    return out


def score(report: dict, gold: Path) -> dict[str, str]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(report, f)
        path = f.name
    try:
        out = subprocess.run(
            [sys.executable, str(SCORER), path, "--gold", str(gold)], capture_output=True, text=True, check=True
        ).stdout
    finally:
        Path(path).unlink()
    figures = {}
    for line in out.splitlines():
        if ": " in line and not line.startswith((" ", "seeds:")):
            key, value = line.split(": ", 1)
            figures[key] = value
    return figures


def sick(path: Path) -> tuple[float, float, int, int, int, float]:
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    tp = fp = fn = 0
    start = time.perf_counter()
    for r in rows:
        flagged = bool(compare(r["sentence_A"], r["sentence_B"]))
        gold = r["entailment_judgment"] == "CONTRADICTION"
        tp += flagged and gold
        fp += flagged and not gold
        fn += gold and not flagged
    elapsed = time.perf_counter() - start
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, tp, fp, fn, elapsed / max(len(rows), 1) * 1e6


def sentence_of(alignment, span) -> str:
    p = alignment.paragraph(span.key)
    for s in p.sentences:
        if s.start <= span.start < s.end:
            return p.text[s.start : s.end]
    return p.text[span.start : span.end]


def show(name: str, alignment) -> None:
    for f in alignment.flags:
        print(f"  [{name}] {f.kind} {f.score:.2f}: {f.explanation}")
        print(f"      {f.a.source}: {sentence_of(alignment, f.a)[:200]}")
        print(f"      {f.b.source}: {sentence_of(alignment, f.b)[:200]}")


def basil_clusters() -> list[tuple[str, Path]]:
    """BASIL triplets as Markdown with front matter (outlet, date), written to a temporary folder."""
    root = EVAL / "basil" / "articles"
    if not root.is_dir():
        return []
    by_triplet: dict[str, list[dict]] = {}
    for f in sorted(root.glob("*/*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        by_triplet.setdefault(d["triplet-uuid"], []).append(d)
    out = Path(tempfile.mkdtemp(prefix="synoptic-basil-"))
    names = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}
    clusters = []
    for uuid, docs in sorted(by_triplet.items()):
        folder = out / uuid[:8]
        folder.mkdir()
        for d in docs:
            body = "\n\n".join(" ".join(p) for p in d["body-paragraphs"])
            title = d["title"].replace('"', "'")
            outlet = names.get(d["source"], d["source"])
            (folder / f"{d['source']}.md").write_text(
                f'---\ntitle: "{title}"\noutlet: "{outlet}"\ndate: "{d["date"]}"\n---\n\n{body}\n', encoding="utf-8"
            )
        clusters.append((f"BASIL {uuid[:8]}", folder))
    return clusters


def main() -> int:
    read = "--read" in sys.argv[1:]
    if not SCORER.is_file():
        print(f"evaluation data not found at {EVAL}", file=sys.stderr)
        return 1
    by_kind: dict[str, Counter[str]] = {}
    print("1. Flags on annotated clusters (score_seeds.py)")
    print(f"{'cluster':<9} {'found':>12} {'false alarms':>13} {'reported':>9} {'not in gold':>12} {'reuse':>6}")
    for name, folder, gold in clusters():
        alignment = align([folder])
        report = alignment.to_json()
        by_kind[name] = Counter(f.kind for f in alignment.flags)
        figures = score(report, gold) if gold else {}
        found = figures.get("contradictions_found", "-").split(" ")[0]
        alarms = figures.get("false_alarms_on_must_not_flag", "-").split(" ")[0]
        print(
            f"{name:<9} {found:>12} {alarms:>13} {figures.get('flags_reported', '-'):>9} "
            f"{figures.get('flags_not_in_gold', '-'):>12} {len(alignment.reuse):>6}"
        )
        if read:
            show(name, alignment)
    print()
    print("2. compare() on SICK: CONTRADICTION against ENTAILMENT and NEUTRAL")
    print(f"{'split':<6} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>5} {'fn':>5} {'us/pair':>8}")
    for split, file in (("trial", "SICK_trial.txt"), ("train", "SICK_train.txt")):
        path = EVAL / "sick" / file
        if path.is_file():
            p, r, tp, fp, fn, us = sick(path)
            print(f"{split:<6} {p:>9.3f} {r:>7.3f} {tp:>5} {fp:>5} {fn:>5} {us:>8.0f}")
    if read:
        print()
        print("BASIL (three outlets per event, no annotation of discrepancies): every flag, to judge")
        basil: Counter[str] = Counter()
        triplets = basil_clusters()
        for name, folder in triplets:
            alignment = align([folder])
            basil.update(f.kind for f in alignment.flags)
            show(name, alignment)
        by_kind[f"BASIL {len(triplets)}"] = basil
    print()
    print("3. Flags by kind")
    names = list(by_kind)
    print(f"{'kind':<14}" + "".join(f"{n:>10}" for n in names) + f"{'total':>7}")
    for kind in FLAG_KINDS:
        counts = [by_kind[n][kind] for n in names]
        print(f"{kind:<14}" + "".join(f"{c:>10}" for c in counts) + f"{sum(counts):>7}")
    totals = [sum(by_kind[n].values()) for n in names]
    print(f"{'all':<14}" + "".join(f"{c:>10}" for c in totals) + f"{sum(totals):>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
