"""Provenance: passages one source reuses from another, and which side is the original."""

from datetime import date

from aligner.model import Paragraph, SentenceRef, Source
from aligner.provenance import _quoted_counts, find_provenance, near_verbatim
from aligner.segment import split_sentences

NYT = ("The agreement has also raised alarms because it might lead the United States to countenance or even "
       "participate in strikes against groups fighting Mr. Assad.")


def _paragraph(source: str, index: int, text: str, role: str = "body") -> Paragraph:
    return Paragraph(source, index, index + 1, role, text, split_sentences(text))


def test_near_verbatim():
    assert near_verbatim(NYT, NYT) == 1.0
    assert near_verbatim(NYT, NYT.replace("countenance", "support")) >= 0.9
    assert near_verbatim(NYT, "Kerry met Putin in Moscow on Thursday to discuss the agreement.") is None
    assert near_verbatim("Kerry met Putin in Moscow.", "Kerry met Putin in Moscow.") is None  # too short to tell


def test_lead_in_naming_an_outlet_marks_the_copy():
    sources = [Source("nyt", "nyt", "NYT", outlet="The New York Times"), Source("blog", "blog", "Blog")]
    paragraphs = [
        _paragraph("nyt", 0, NYT),
        _paragraph("blog", 0, "The Times also acknowledges:", "lead-in"),
        _paragraph("blog", 1, NYT.replace("countenance", "support")),
    ]
    (passage,) = find_provenance(sources, paragraphs).passages
    assert passage.original == ("nyt", 0) and passage.copy == ("blog", 1)
    assert passage.decided_by == "credit"
    assert passage.credit.kind == "outlet" and passage.credit.name == "The New York Times"
    (reuse,) = find_provenance(sources, paragraphs).reuse
    assert reuse.original.source == "nyt" and reuse.copy.source == "blog"


def test_credit_carries_over_a_run_of_copied_paragraphs():
    second = ("One of the great complications of the Syrian civil war is figuring out which groups should be "
              "considered rebels focused on ousting the Assad government.")
    sources = [Source("nyt", "nyt", "NYT", outlet="The New York Times"), Source("blog", "blog", "Blog")]
    paragraphs = [
        _paragraph("nyt", 0, NYT),
        _paragraph("nyt", 1, second),
        _paragraph("blog", 0, "Reuters explains:", "lead-in"),
        _paragraph("blog", 1, NYT),
        _paragraph("blog", 2, second),
    ]
    passages = find_provenance(sources, paragraphs).passages
    assert {p.copy for p in passages} == {("blog", 1), ("blog", 2)}
    assert all(p.credit is not None and p.credit.name == "Reuters" for p in passages)


def test_shared_quotation_is_not_reuse():
    quote = ("We have agreed to steps that, if implemented in good faith, can address two serious problems that "
             "I have just described.")
    sources = [Source("a", "a", "A"), Source("b", "b", "B")]
    paragraphs = [
        _paragraph("a", 0, "Kerry noted:", "lead-in"),
        _paragraph("a", 1, quote),
        _paragraph("b", 0, f"Kerry then said that he and Lavrov had \u201c{quote[8:]}\u201d"),
    ]
    result = find_provenance(sources, paragraphs)
    assert result.passages == ()
    assert len(result.shared_quotes) == 1


def test_quoted_words_are_compared_as_folded_words():
    """A curly apostrophe inside the quotation is the same word as a straight one elsewhere."""
    quoted = SentenceRef(("a", 0), 0, 44, "He said \u201cTrump\u2019s plan isn\u2019t finished\u201d today.")
    other = SentenceRef(("b", 0), 0, 38, "Trump's plan isn't finished, he said.")
    assert _quoted_counts(quoted, other) == (6, 4)  # he, said, trump's, plan, isn't, finished; 4 quoted


def test_older_article_is_the_original_when_nobody_credits():
    sources = [Source("late", "late", "Late", published=date(2016, 7, 16)),
               Source("early", "early", "Early", published=date(2016, 7, 15))]
    paragraphs = [_paragraph("late", 0, NYT), _paragraph("early", 0, NYT)]
    (passage,) = find_provenance(sources, paragraphs).passages
    assert passage.original[0] == "early" and passage.decided_by == "date"


def test_seeds_reuse(seeds_alignment):
    a = seeds_alignment
    assert len(a.reuse) == 3
    for r in a.reuse:
        assert r.original.source.startswith("001") and r.copy.source.startswith("003")
        assert 0.0 < r.score <= 1.0
    texts = [a.span_text(r.copy) for r in a.reuse]
    assert any(t.startswith("The Nusra Front has been one of the most effective") for t in texts)
    assert any("support or even participate" in t for t in texts)
    # Kerry's words quoted by 003 and 004 are a shared quotation, not one outlet copying the other.
    assert not any(r.copy.source.startswith("004") or r.original.source.startswith("004") for r in a.reuse)
