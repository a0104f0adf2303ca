"""Scan the grouping threshold on annotated clusters and print pairwise F1 per cluster.

    python bench/tune_grouping.py [--eval ../shared/eval] [--extra-gold DIR] [--thresholds 0.14:0.30:0.02]

Clusters: the seeds (seeds-gold.json) and NewsWCL50 event 0 (event0-gold.json), both annotated
by two readers; --extra-gold adds any `eventN-gold.json` in DIR (same layout, for NewsWCL50
event N). The F1 is computed by ../shared/eval/score_seeds.py's own grouping function, on the
same code path as `synoptic --format json`, with every other setting as shipped in
aligner/tuning.py. The similarity matrix is computed once per cluster and only the clustering is
repeated, so a scan takes seconds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aligner import tuning  # noqa: E402
from aligner.group import average_link, make_units, similarity_matrix  # noqa: E402
from aligner.load import load  # noqa: E402
from aligner.model import story_paragraphs  # noqa: E402
from aligner.sentence_index import SentenceIndex  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


def scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score_seeds", eval_dir / "score_seeds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clusters(eval_dir: Path, extra: Path | None) -> list[tuple[str, Path, Path]]:
    out = [
        ("seeds", ROOT / "seeds", eval_dir / "seeds-gold.json"),
        ("event0", eval_dir / "newswcl50" / "event_0", eval_dir / "event0-gold.json"),
    ]
    if extra:
        for gold in sorted(extra.glob("event*-gold.json")):
            n = gold.name.removeprefix("event").removesuffix("-gold.json")
            if n != "0":
                out.append((f"event{n}", eval_dir / "newswcl50" / f"event_{n}", gold))
    return out


def f1(score_module, gold: dict, group_of: dict) -> float:
    values = [
        score_module.grouping(group_of, paras)[2]
        for paras in (gold["paragraphs"], gold["second_annotation"]["paragraphs"])
    ]
    return sum(values) / len(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--extra-gold", type=Path)
    parser.add_argument("--thresholds", default="0.12:0.32:0.02")
    args = parser.parse_args()
    lo, hi, step = (float(x) for x in args.thresholds.split(":"))
    thresholds = [round(t, 3) for t in np.arange(lo, hi + 1e-9, step)]
    score_module = scorer(args.eval)
    table: dict[str, list[float]] = {}
    for name, folder, gold_path in clusters(args.eval, args.extra_gold):
        loaded = load([folder])
        units = make_units(loaded.paragraphs)
        sim = similarity_matrix(units, SentenceIndex(story_paragraphs(loaded.paragraphs)))
        sources = [u.source for u in units]
        gold = json.loads(gold_path.read_text())
        row = []
        for t in thresholds:
            group_of = {}
            for k, cluster in enumerate(average_link(sim, sources, t)):
                for i in cluster:
                    for p in units[i].paragraphs:
                        group_of[(p.source, p.line)] = k
            row.append(f1(score_module, gold, group_of))
        table[name] = row
    names = list(table)
    print(f"{'threshold':>9} " + " ".join(f"{n:>7}" for n in names) + "    mean")
    for k, t in enumerate(thresholds):
        values = [table[n][k] for n in names]
        mark = "  <- shipped" if abs(t - tuning.GROUP_THRESHOLD) < 1e-9 else ""
        print(f"{t:>9.3f} " + " ".join(f"{v:>7.3f}" for v in values) + f"  {np.mean(values):.3f}{mark}")


if __name__ == "__main__":
    main()
