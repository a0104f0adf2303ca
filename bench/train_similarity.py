"""Fit the two sentence models and print the constants for aligner/tuning.py.

    python bench/train_similarity.py [--eval ../shared/eval]

sentence_similarity: one logistic model, fitted by Newton's method with a small L2 penalty on two
kinds of evidence: STS-B train pairs graded 0-5 (as soft targets score/5; its MSRpar rows are left
out because they come from MSRP) and MSRP train paraphrase decisions (targets 0.7 / 0.25, weight 2,
so that a paraphrase lands where STS puts "mostly equivalent").

same_fact: a second logistic model over aligner.similarity.FACT_FEATURE_NAMES, fitted on MSRP
train only (hard labels, features standardised, then folded back into raw weights). Its L2
penalty is the one with the best 10-fold cross-validated accuracy on MSRP train (three shuffles);
its threshold maximises accuracy on MSRP train and is folded into the bias.

MSRP validation and the STS-B news dev pairs are never fitted; their figures are printed for
information and reported by bench/quality.py.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aligner.similarity import (  # noqa: E402
    FACT_FEATURE_NAMES,
    FEATURE_NAMES,
    fact_features,
    features,
    prepare,
    prepare_fact,
)

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
MSRP_TARGETS = (0.25, 0.7)  # soft targets for MSRP non-paraphrase / paraphrase
MSRP_WEIGHT = 2.0
FACT_L2_GRID = (1.0, 3.0, 10.0, 30.0)
THRESHOLD_GRID = np.round(np.arange(0.20, 0.81, 0.01), 2)


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


def fact_design(pairs: list[tuple[str, str]]) -> np.ndarray:
    return np.array([fact_features(prepare(a), prepare(b), prepare_fact(a), prepare_fact(b)) for a, b in pairs])


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


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The threshold with the best accuracy; ties go to the one nearest 0.5."""
    return float(max(THRESHOLD_GRID, key=lambda t: (accuracy_f1(p, y, t)[0], -abs(t - 0.5))))


def fit_fact(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """same_fact's model: logistic regression on standardised features (so that one L2 penalty
    suits counts and shares alike), threshold chosen on the same data, all folded back into raw
    weights and a bias such that the decision is weights . x + bias >= 0."""
    mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-9
    w, b = fit((x - mu) / sd, y, np.ones(len(y)), l2)
    t = best_threshold(predict((x - mu) / sd, w, b), y)
    raw = w / sd
    return raw, float(b - raw @ mu - np.log(t / (1 - t)))


def cross_validate_fact(x: np.ndarray, y: np.ndarray, l2: float, k: int = 10, shuffles: int = 3) -> tuple[float, float]:
    """Mean accuracy and F1 of fit_fact over `shuffles` k-fold splits of MSRP train."""
    scores = []
    for seed in range(shuffles):
        order = np.random.default_rng(seed).permutation(len(y))
        decision = np.zeros(len(y))
        for fold in np.array_split(order, k):
            train = np.setdiff1d(order, fold)
            w, b = fit_fact(x[train], y[train], l2)
            decision[fold] = x[fold] @ w + b
        scores.append(accuracy_f1(decision, y, 0.0))  # a decision >= 0 is a probability >= 0.5
    return float(np.mean([s[0] for s in scores])), float(np.mean([s[1] for s in scores]))


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
    threshold = best_threshold(p_msrp, msrp_y)
    print(f"# graded score alone as same_fact: threshold {threshold:.2f}, MSRP train accuracy "
          f"{accuracy_f1(p_msrp, msrp_y, threshold)[0]:.3f}")
    print("# paste into aligner/tuning.py")
    print("SIMILARITY_WEIGHTS: tuple[float, ...] = (")
    for name, value in zip(FEATURE_NAMES, w):
        print(f"    {value:.4f},  # {name}")
    print(")")
    print(f"SIMILARITY_BIAS = {b:.4f}")
    # same_fact's model needs SIMILARITY_WEIGHTS (its similarity_logit input): use the ones just fitted.
    from aligner import tuning

    tuning.SIMILARITY_WEIGHTS, tuning.SIMILARITY_BIAS = tuple(float(v) for v in w), b
    x_fact = fact_design(msrp_pairs)
    cv = {l2: cross_validate_fact(x_fact, msrp_y, l2) for l2 in FACT_L2_GRID}
    l2 = max(FACT_L2_GRID, key=lambda value: cv[value][0])
    fw, fb = fit_fact(x_fact, msrp_y, l2)
    print("SAME_FACT_WEIGHTS: tuple[float, ...] = (")
    for name, value in zip(FACT_FEATURE_NAMES, fw):
        print(f"    {value:.6g},  # {name}")
    print(")")
    print(f"SAME_FACT_BIAS = {fb:.6g}")
    for value in FACT_L2_GRID:
        print(f"# same_fact 10-fold CV on MSRP train, L2 {value:g}: accuracy {cv[value][0]:.3f}  F1 {cv[value][1]:.3f}"
              + ("  <- chosen" if value == l2 else ""))
    val_pairs, val_y = read_msrp(args.eval / "msrp" / "msr-para-val.tsv")
    acc, f1 = accuracy_f1(fact_design(val_pairs) @ fw + fb, val_y, 0.0)  # same_fact's own test: the decision >= 0
    dev = [r for r in read_sts(args.eval / "stsb" / "sts-dev.csv") if r[0] == "main-news"]
    pearson = np.corrcoef(predict(design([(r[3], r[4]) for r in dev]), w, b), [r[2] for r in dev])[0, 1]
    print(f"# MSRP val: accuracy {acc:.3f}  F1 {f1:.3f}   STS-B main-news dev: Pearson {pearson:.3f}")


if __name__ == "__main__":
    main()
