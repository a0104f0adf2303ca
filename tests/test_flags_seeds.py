"""The seeds, end to end: the five discrepancies two readers found, and none of the look-alikes."""

import json

from aligner import compare


def _find(alignment, kind, a_source, a_text, b_source, b_text):
    for f in alignment.flags:
        if f.kind != kind:
            continue
        for x, y in ((f.a, f.b), (f.b, f.a)):
            if (x.source.startswith(a_source) and y.source.startswith(b_source)
                    and a_text in alignment.span_text(x) and b_text in alignment.span_text(y)):
                return f
    return None


def test_k1_two_names_for_the_joint_group(seeds_alignment):
    assert _find(seeds_alignment, "name", "000", "Joint Operation Group", "004", "Joint Implementation Group")


def test_k2_passage_credited_to_reuters(seeds_alignment):
    assert _find(seeds_alignment, "attribution", "003", "Reuters", "001", "The Nusra Front has been")


def test_k3_countenance_changed_to_support(seeds_alignment):
    assert _find(seeds_alignment, "altered-quote", "001", "countenance", "003", "support")


def test_k4_thursday_news_conference_against_july_15(seeds_alignment):
    f = _find(seeds_alignment, "date", "004", "Thursday", "003", "July 15")
    assert f and "July 14, 2016" in f.explanation


def test_k5_agreed_against_preliminary_deal(seeds_alignment):
    assert _find(seeds_alignment, "certainty", "003", "have agreed", "004", "preliminary deal")


def test_few_flags_beyond_the_five(seeds_alignment):
    assert 5 <= len(seeds_alignment.flags) <= 8


def test_flags_are_ranked_and_explained(seeds_alignment):
    flags = seeds_alignment.flags
    assert [f.score for f in flags] == sorted((f.score for f in flags), reverse=True)
    for f in flags:
        assert 0.0 < f.score <= 1.0
        assert f.explanation.endswith(".") and f.explanation.count("\u201c") >= 2
        assert f.a.source != f.b.source
        assert seeds_alignment.span_text(f.a) and seeds_alignment.span_text(f.b)


def test_look_alikes_are_not_flagged(seeds_alignment):
    texts = [(seeds_alignment.span_text(f.a), seeds_alignment.span_text(f.b)) for f in seeds_alignment.flags]
    for needle in ("Sergei", "Sergey", "ISIL", "Islamic State", "Daesh", "Nusra Front", "Jordan", "WaPo", "Moscow and Washington"):
        assert not any(needle in x or needle in y for x, y in texts if needle not in ("Nusra Front",)), needle


def test_must_not_flag_pairs_through_compare():
    pairs = [
        ("The US secretary of state held talks with Rusian foreign minister Sergei Lavrov and president Vladimir Putin.",
         "Kerry made the announcement alongside his Russian counterpart, Sergey Lavrov, at a news conference in Moscow."),
        ("The proposal would expand intelligence sharing against Jabhat al-Nusra and the Islamic State.",
         "The US and Russia would conduct joint military operations against ISIL and the Syrian branch of Al Qaeda."),
        ("American and Russian commanders would set up a joint command and control centre in Jordan.",
         "The proposal would create a joint command center in or near Amman, Jordan."),
        ("The fragile ceasefire in Syria brokered by Washington and Moscow has been plagued by two problems.",
         "The ceasefire brokered by Moscow and Washington in February has collapsed in many areas."),
    ]
    for a, b in pairs:
        assert compare(a, b) == [], (a, b)


def test_report_serializes_flags_and_reuse(seeds_alignment):
    report = json.loads(json.dumps(seeds_alignment.to_json()))
    assert len(report["flags"]) == len(seeds_alignment.flags)
    kinds = {f["kind"] for f in report["flags"]}
    assert kinds == {"name", "attribution", "altered-quote", "date", "certainty"}
    for f in report["flags"]:
        assert set(f) == {"kind", "a", "b", "explanation", "score"}
    assert len(report["reuse"]) == 3
