"""The aligner's process-wide memos, emptied on demand.

Folds, words, stems, prepared sentences and flag analyses are memoised by their text (functools
caches in several modules; a plain-dict memo, such as the flag analyses' name table, offers the
same `cache_clear`), so that the stages of one alignment, and a long-lived app's next alignment,
do not compute them again. `forget` empties them all: a benchmark that times a first alignment
calls it, as may a process that wants the memory back.
"""

from __future__ import annotations

import sys


def forget() -> None:
    """Empty every memo of the aligner's loaded modules."""
    for name, module in list(sys.modules.items()):
        if name == "aligner" or name.startswith("aligner."):
            for value in vars(module).values():
                # functools caches and plain-dict memos alike (not a memo class itself)
                if not isinstance(value, type) and callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
