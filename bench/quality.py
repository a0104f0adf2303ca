"""Print Synoptic's quality figures in one table, from the same code paths a user runs.

    python bench/quality.py [--eval ../shared/eval]

- the seeds and NewsWCL50 event 0, through `synoptic --format json` and ../shared/eval/score_seeds.py;
- same_fact accuracy and F1 on MSRP validation (its model is fitted on MSRP train, its
  similarity_logit input on MSRP train and STS-B train, by bench/train_similarity.py;
  validation is never fitted);
- Pearson correlation of sentence_similarity with the STS-B main-news dev scores.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from aligner import same_fact, sentence_similarity  # noqa: E402
from train_similarity import read_msrp, read_sts  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
SCORER_KEYS = (
    "group_f1", "groups_placed", "furniture_caught", "body_kept", "match_recall", "matches_reported",
    "matches_on_shared_topic", "contradictions_found", "false_alarms_on_must_not_flag", "flags_reported",
    "flags_not_in_gold",
)


def synoptic() -> list[str]:
    exe = Path(sys.executable).with_name("synoptic")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "tui.cli"]


def scorer_figures(eval_dir: Path, folder: Path, gold: Path | None) -> dict[str, str]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        report = Path(f.name)
    try:
        subprocess.run([*synoptic(), "--format", "json", "-o", str(report), str(folder)], check=True)
        command = [sys.executable, str(eval_dir / "score_seeds.py"), str(report)]
        if gold:
            command += ["--gold", str(gold)]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    finally:
        report.unlink(missing_ok=True)
    figures = {}
    for line in out.splitlines():
        key, _, value = line.partition(": ")
        if key in SCORER_KEYS:
            figures[key] = value.split()[0] if value else ""
    return figures


def msrp_figures(eval_dir: Path) -> tuple[float, float]:
    pairs, labels = read_msrp(eval_dir / "msrp" / "msr-para-val.tsv")
    predicted = np.array([same_fact(a, b) for a, b in pairs])
    truth = labels == 1
    tp = float(np.sum(predicted & truth))
    precision = tp / max(predicted.sum(), 1)
    recall = tp / max(truth.sum(), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(np.mean(predicted == truth)), f1


def sts_pearson(eval_dir: Path) -> tuple[float, int]:
    rows = [r for r in read_sts(eval_dir / "stsb" / "sts-dev.csv") if r[0] == "main-news"]
    predicted = [sentence_similarity(r[3], r[4]) for r in rows]
    return float(np.corrcoef(predicted, [r[2] for r in rows])[0, 1]), len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    args = parser.parse_args()
    seeds = scorer_figures(args.eval, ROOT / "seeds", None)
    event0 = scorer_figures(args.eval, args.eval / "newswcl50" / "event_0", args.eval / "event0-gold.json")
    accuracy, f1 = msrp_figures(args.eval)
    pearson, n_sts = sts_pearson(args.eval)
    print(f"{'measure':<34} {'seeds':>12} {'event 0':>12}")
    for key in SCORER_KEYS:
        print(f"{key:<34} {seeds.get(key, '-'):>12} {event0.get(key, '-'):>12}")
    print()
    print(f"{'same_fact on MSRP val (500 pairs)':<34} accuracy {accuracy:.3f}   F1 {f1:.3f}")
    print(f"{'sentence_similarity, STS-B news dev':<34} Pearson {pearson:.3f}   ({n_sts} pairs)")


if __name__ == "__main__":
    main()
