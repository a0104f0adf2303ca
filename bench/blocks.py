"""Whether event blocks keep one story whole and set other stories apart.

    python bench/blocks.py [--pairs 200] [--seed 1]

The events: the seeds, the NewsWCL50 events and the BASIL triplets of ../shared/eval/. Prints
a table: each event alone (is it ever split, and how far the block thresholds could be raised
before the weakest one splits), random pairs of events piled together (how often the two come
apart, no block holding articles of both), and an event with one article of another event added
(how often that article is set apart in a block of its own).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from flags import basil_clusters  # noqa: E402

from aligner.blocks import block_similarity, event_blocks  # noqa: E402
from aligner.group import average_link  # noqa: E402
from aligner.load import load  # noqa: E402
from aligner.model import story_paragraphs  # noqa: E402
from aligner.sentence_index import SentenceIndex  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"


def events() -> list[tuple[str, list[Path]]]:
    """(name, article files) of every event in the evaluation data."""
    out = [("seeds", sorted((ROOT / "seeds").iterdir()))]
    for folder in sorted((EVAL / "newswcl50").glob("event_*")):
        out.append((f"NewsWCL50 {folder.name}", sorted(folder.glob("*.txt"))))
    for name, folder in basil_clusters():
        out.append((name, sorted(folder.glob("*.md"))))
    return out


def index_of(files: list[Path]) -> tuple[SentenceIndex, dict[str, Path]]:
    loaded = load(files)
    return SentenceIndex(story_paragraphs(loaded.paragraphs)), {s.id: Path(s.path) for s in loaded.sources}


def holding_margin(files: list[Path]) -> float:
    """The largest factor the block thresholds could be multiplied by with the event still one
    block (bisection on average link's threshold, which is 1.0 at the shipped thresholds)."""
    index, _ = index_of(files)
    similarity, sources = block_similarity(index)
    low, high = 0.0, 100.0
    for _ in range(40):
        middle = (low + high) / 2
        if len(average_link(similarity, sources, middle)) == 1:
            low = middle
        else:
            high = middle
    return low


def apart(files: list[Path], outsiders: set[Path]) -> bool:
    """Whether no block holds both an outsider and one of the other articles."""
    index, path_of = index_of(files)
    for block in event_blocks(index):
        kinds = {path_of[s] in outsiders for s in block}
        if len(kinds) > 1:
            return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200, help="random pairs and outsiders to try")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    all_events = [e for e in events() if len(e[1]) >= 2]
    rng = random.Random(args.seed)

    split, margins = 0, []
    for _, files in all_events:
        index, _ = index_of(files)
        split += len(event_blocks(index)) > 1
        margins.append(holding_margin(files))

    pairs_apart = 0
    for _ in range(args.pairs):
        (_, a), (_, b) = rng.sample(all_events, 2)
        pairs_apart += apart([*a, *b], set(b))

    outsider_apart = 0
    for _ in range(args.pairs):
        (_, a), (_, b) = rng.sample(all_events, 2)
        stranger = rng.choice(b)
        outsider_apart += apart([*a, stranger], {stranger})

    print(f"{'what':<58} {'value':>8}")
    print(f"{'events (seeds, NewsWCL50, BASIL triplets)':<58} {len(all_events):>8}")
    print(f"{'events split into more than one block, alone':<58} {split:>8}")
    print(f"{'weakest event: one block up to this factor of thresholds':<58} {min(margins):>8.2f}")
    print(f"{'random pairs of events that come apart (' + str(args.pairs) + ')':<58} {pairs_apart / args.pairs:>8.0%}")
    print(f"{'one article of another event set apart (' + str(args.pairs) + ')':<58} {outsider_apart / args.pairs:>8.0%}")


if __name__ == "__main__":
    main()
