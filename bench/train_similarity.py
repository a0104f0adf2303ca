"""Fit the sentence-similarity model and print the constants for aligner/tuning.py.

    python bench/train_similarity.py [--eval ../shared/eval]

One logistic model, fitted by Newton's method with a small L2 penalty on two kinds of evidence:
STS-B train pairs graded 0-5 (as soft targets score/5; its MSRpar rows are left out because they
come from MSRP) and MSRP train paraphrase decisions (targets 0.7 / 0.25, weight 2, so that a
paraphrase lands where STS puts "mostly equivalent"). The same_fact threshold is the one that
maximises accuracy on MSRP train. MSRP validation and the STS-B news dev pairs are never fitted;
their figures are printed for information and reported by bench/quality.py.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aligner.similarity import FEATURE_NAMES, features, prepare  # noqa: E402

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
MSRP_TARGETS = (0.25, 0.7)  # soft targets for MSRP non-paraphrase / paraphrase
MSRP_WEIGHT = 2.0


def read_msrp(path: Path) -> tuple[list[tuple[str, str]], np.ndarray]:
    pairs, labels = [], []
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) >= 5:
                labels.append(int(row[0]))
                pairs.append((row[3], row[4]))
    return pairs, np.array(labels, dtype=float)


def read_sts(path: Path) -> list[tuple[str, str, float, str, str]]:
    """(genre, file, score, s1, s2) rows; tab-separated, no quoting, extra columns ignored."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 7:
                rows.append((cols[0], cols[1], float(cols[4]), cols[5], cols[6]))
    return rows


def design(pairs: list[tuple[str, str]]) -> np.ndarray:
    return np.array([features(prepare(a), prepare(b)) for a, b in pairs])


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = 1e-2) -> tuple[np.ndarray, float]:
    """Weighted logistic regression on soft targets in [0, 1]."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = l2 * np.diag(np.r_[np.ones(len(w) - 1), 0])
    for _ in range(100):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (weight * (p - y)) + penalty @ w
        hess = (xb * (weight * p * (1 - p))[:, None]).T @ xb + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w[:-1], float(w[-1])


def predict(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ w + b)))


def accuracy_f1(p: np.ndarray, y: np.ndarray, threshold: float) -> tuple[float, float]:
    pred = p >= threshold
    tp = float(np.sum(pred & (y == 1)))
    precision = tp / max(pred.sum(), 1)
    recall = tp / max((y == 1).sum(), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(np.mean(pred == (y == 1))), f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    args = parser.parse_args()
    sts = [r for r in read_sts(args.eval / "stsb" / "sts-train.csv") if r[1] != "MSRpar"]
    msrp_pairs, msrp_y = read_msrp(args.eval / "msrp" / "msr-para-train.tsv")
    x_sts = design([(r[3], r[4]) for r in sts])
    x_msrp = design(msrp_pairs)
    x = np.vstack([x_sts, x_msrp])
    y = np.r_[[r[2] / 5 for r in sts], np.where(msrp_y == 1, MSRP_TARGETS[1], MSRP_TARGETS[0])]
    weight = np.r_[np.ones(len(sts)), np.full(len(msrp_y), MSRP_WEIGHT)]
    w, b = fit(x, y, weight)
    p_msrp = predict(x_msrp, w, b)
    grid = np.round(np.arange(0.20, 0.81, 0.01), 2)
    threshold = float(max(grid, key=lambda t: accuracy_f1(p_msrp, msrp_y, t)[0]))
    print("# paste into aligner/tuning.py")
    print("SIMILARITY_WEIGHTS: tuple[float, ...] = (")
    for name, value in zip(FEATURE_NAMES, w):
        print(f"    {value:.4f},  # {name}")
    print(")")
    print(f"SIMILARITY_BIAS = {b:.4f}")
    print(f"SAME_FACT_THRESHOLD = {threshold:.2f}")
    val_pairs, val_y = read_msrp(args.eval / "msrp" / "msr-para-val.tsv")
    acc, f1 = accuracy_f1(predict(design(val_pairs), w, b), val_y, threshold)
    dev = [r for r in read_sts(args.eval / "stsb" / "sts-dev.csv") if r[0] == "main-news"]
    pearson = np.corrcoef(predict(design([(r[3], r[4]) for r in dev]), w, b), [r[2] for r in dev])[0, 1]
    print(f"# MSRP val: accuracy {acc:.3f}  F1 {f1:.3f}   STS-B main-news dev: Pearson {pearson:.3f}")


if __name__ == "__main__":
    main()
