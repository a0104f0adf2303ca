"""The alignment cache: same inputs, same alignment; any change, a new one."""

import json
from pathlib import Path

import pytest

import aligner
from aligner import align
from aligner.cache import alignment_from_dict, alignment_to_dict, cache_key, lookup, store
from aligner.report import alignment_to_json


def test_round_trip_keeps_every_field(seeds_alignment):
    again = alignment_from_dict(json.loads(json.dumps(alignment_to_dict(seeds_alignment))))
    assert again.sources == seeds_alignment.sources
    assert again.paragraphs == seeds_alignment.paragraphs
    assert again.groups == seeds_alignment.groups
    assert again.matches == seeds_alignment.matches
    assert again.flags == seeds_alignment.flags
    assert again.reuse == seeds_alignment.reuse
    assert alignment_to_json(again) == alignment_to_json(seeds_alignment)


def test_round_trip_keeps_the_stories(two_stories):
    assert len(two_stories.stories) == 2
    again = alignment_from_dict(json.loads(json.dumps(alignment_to_dict(two_stories))))
    assert again.stories == two_stories.stories


def align_cached(paths, directory):
    """What the app does at launch: the cached alignment, else align and store it."""
    key, cached = lookup(paths, directory=directory)
    if cached is not None:
        return cached
    alignment = aligner.align(paths)
    store(key, alignment, directory=directory)
    return alignment


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Kerry and Lavrov agreed on a ceasefire plan for Aleppo in Geneva.\n")
    (folder / "b.txt").write_text("In Geneva, Lavrov and Kerry agreed a ceasefire plan covering Aleppo.\n")
    return folder


def test_second_call_is_answered_from_the_cache(tmp_path, monkeypatch):
    folder, directory = _articles(tmp_path), tmp_path / "cache"
    first = align_cached([folder], directory=directory)
    assert len(list(directory.glob("*.json"))) == 1

    def no_alignment(*args, **kwargs):
        raise AssertionError("should have been cached")

    monkeypatch.setattr("aligner.align", no_alignment)
    assert alignment_to_json(align_cached([folder], directory=directory)) == alignment_to_json(first)


def test_any_change_to_inputs_or_labels_changes_the_key(tmp_path):
    folder = _articles(tmp_path)
    key = cache_key([folder], None)
    assert key == cache_key([folder], None)
    assert key != cache_key([folder], ["A", "B"])
    (folder / "b.txt").write_text("In Geneva, Lavrov and Kerry agreed a truce covering Aleppo.\n")
    assert key != cache_key([folder], None)


@pytest.mark.parametrize("damage", ["{not json", "[]", "[" * 100_000, '{"format": "synoptic-cache", "version": 1}',
                                    '{"format": "synoptic-cache", "version": 1, "alignment": {"sources": 7}}'])
def test_a_damaged_entry_is_recomputed(tmp_path, damage):
    folder, directory = _articles(tmp_path), tmp_path / "cache"
    align_cached([folder], directory=directory)
    (entry,) = directory.glob("*.json")
    entry.write_text(damage)
    assert alignment_to_json(align_cached([folder], directory=directory)) == alignment_to_json(align([folder]))


def test_an_unwritable_cache_only_costs_time(tmp_path):
    folder = _articles(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    assert align_cached([folder], directory=blocker / "cache").groups


def test_lookup_alone_never_computes_and_store_files_under_its_key(tmp_path):
    folder, directory = _articles(tmp_path), tmp_path / "cache"
    key, cached = lookup([folder], directory=directory)
    assert key == cache_key([folder], None) and cached is None
    assert not directory.exists()
    first = align([folder])
    store(key, first, directory=directory)
    assert alignment_to_json(lookup([folder], directory=directory)[1]) == alignment_to_json(first)


def test_pipes_and_unreadable_inputs_are_never_cached_or_read_here(tmp_path):
    import os

    folder = _articles(tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert cache_key([folder, fifo], None) is None  # returns at once: the pipe is not opened
    assert cache_key([tmp_path / "missing.txt"], None) is not None  # its problem is part of the key


def test_pruning_keeps_the_newest_entries_and_never_touches_other_files(tmp_path, monkeypatch, seeds_alignment):
    """$SYNOPTIC_CACHE_DIR may name a folder of the user's own files: only entries are pruned."""
    import os

    monkeypatch.setattr("aligner.cache.MAX_ENTRIES", 2)
    directory = tmp_path / "reports"
    directory.mkdir()
    mine = directory / "report.json"
    mine.write_text("{}")
    os.utime(mine, (0, 0))  # older than every entry
    keys = [f"{n:064x}" for n in range(3)]
    for age, key in enumerate(keys):
        store(key, seeds_alignment, directory=directory)
        os.utime(directory / f"{key}.json", (1000 + age, 1000 + age))
    store(f"{9:064x}", seeds_alignment, directory=directory)
    assert sorted(p.name for p in directory.iterdir()) == sorted(["report.json", f"{keys[2]}.json", f"{9:064x}.json"])
