"""The synoptic-alignment JSON is a contract read by other tools; these tests pin it."""

import json

from aligner.model import STORY_ROLES
from aligner.report import alignment_to_json

SPAN_KEYS = {"source", "line", "index", "start", "end", "text"}


def test_top_level_shape(seeds_alignment):
    report = alignment_to_json(seeds_alignment)
    assert report["format"] == "synoptic-alignment"
    assert report["version"] == 1
    assert {"sources", "paragraphs", "groups", "matches", "flags"} <= report.keys()
    assert json.loads(json.dumps(report)) == report


def test_sources_and_paragraphs(seeds_alignment):
    report = alignment_to_json(seeds_alignment)
    ids = [s["id"] for s in report["sources"]]
    assert ids == sorted(ids) and len(ids) == 5
    assert all(i.endswith(".txt") for i in ids)
    for s in report["sources"]:
        assert set(s) >= {"id", "path", "label", "title", "outlet", "published"}
        assert s["published"] is None or len(s["published"]) == 10
    for p in report["paragraphs"]:
        assert p["source"] in ids
        assert p["role"] in {"headline", "body", "lead-in", "caption", "meta", "boilerplate"}
        assert p["line"] >= 1 and p["index"] >= 0 and p["text"]


def test_every_story_paragraph_in_exactly_one_group(seeds_alignment):
    report = alignment_to_json(seeds_alignment)
    story = {(p["source"], p["index"]) for p in report["paragraphs"] if p["role"] in STORY_ROLES}
    placed = [(m["source"], m["index"]) for g in report["groups"] for m in g["members"]]
    assert sorted(placed) == sorted(story)
    assert [g["id"] for g in report["groups"]] == list(range(len(report["groups"])))
    lines = {(p["source"], p["index"]): p["line"] for p in report["paragraphs"]}
    for g in report["groups"]:
        for m in g["members"]:
            assert m["line"] == lines[(m["source"], m["index"])]


def test_spans_quote_their_paragraph(seeds_alignment):
    report = alignment_to_json(seeds_alignment)
    text = {(p["source"], p["index"]): p["text"] for p in report["paragraphs"]}
    assert report["matches"], "the seeds share facts; some matches are expected"
    for m in report["matches"]:
        assert m["kind"] in {"verbatim", "near-verbatim", "paraphrase"}
        assert 0.0 <= m["score"] <= 1.0
        assert m["a"]["source"] != m["b"]["source"]
        for span in (m["a"], m["b"]):
            assert set(span) == SPAN_KEYS
            assert text[(span["source"], span["index"])][span["start"] : span["end"]] == span["text"]
