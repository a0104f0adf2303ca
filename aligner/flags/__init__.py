"""Contradiction flags: differences between two statements of the same fact that an analyst should
check, each typed, pointing at the differing words in both sources, scored and explained.

Seven detectors, one module each (number, date, name, negation, certainty, attribution,
altered_quote), all run on pairs of sentences that passed the gate (`aligner.flags.gate`): two
sentences the matcher paired, or two sentences of one row, or of two rows when they state the same
specific claim. `compare` runs the same detectors on one pair of sentences given as text, exactly
as the pipeline does after its gate; `find_flags` is the pipeline stage. One case of
`attribution` needs more than two sentences and is raised by the stage alone: a passage copied
from one source that a lead-in credits to another outlet (from `aligner.provenance`).
"""

from __future__ import annotations

import datetime as _dt

from aligner.flags.compare import DETECTORS, compare, compare_pair
from aligner.flags.stage import find_flags

__all__ = ["DETECTORS", "compare", "compare_pair", "find_flags", "parse_date"]


def parse_date(value: str | _dt.date | None) -> _dt.date | None:
    """An ISO date string (or a date) as a date; None stays None."""
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(value[:10])
