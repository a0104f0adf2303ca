"""Pausing the cyclic garbage collector around the pipeline (`aligner.align`)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps


def without_gc(stage: Callable) -> Callable:
    """Run `stage` with the cyclic garbage collector paused (then resumed if it was on).

    The pipeline's stages, provenance and flags most of all, allocate hundreds of thousands of
    small objects (tokens, sets, tuples) that reference counting frees, but every few hundred
    allocations start a collection, and the oldest generation's collections walk every object the
    pipeline holds: at 200 articles that was 0.5 s of 1 s in provenance and 1.1 s of 3.9 s in
    flags. The stages create no reference cycles worth collecting before they end."""

    @wraps(stage)
    def run(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return stage(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return run
