"""certainty: one source reports as done what the other reports as possible, preliminary or denied."""

import pytest

from aligner import compare

FLAG = [
    ("The Obama administration and Russia have agreed to join forces in Syria.",
     "Kerry suggested that Russia and the U.S. reached a preliminary deal to join forces in Syria."),
    ("Israel and Hamas have agreed to a ceasefire in Gaza, Egypt said.",
     "Israel and Hamas may have agreed to a ceasefire in Gaza, Egypt said."),
    ("Boeing and Airbus signed the accord with the European Union on Monday.",
     "Boeing and Airbus denied signing the accord with the European Union on Monday."),
    ("Colombia and the FARC reached a deal to end the war.", "Colombia and the FARC reached a tentative deal to end the war."),
    ("Greece and Germany struck a deal on the debt.", "Greece and Germany reportedly struck a deal on the debt."),
    ("Turkey and Russia have agreed to a truce in Idlib.", "Turkey and Russia appeared to agree to a truce in Idlib."),
    ("Manafort and Gates were indicted by Mueller on Monday.", "Manafort and Gates were allegedly indicted by Mueller on Monday."),
    ("Britain and the EU agreed on the terms of the withdrawal.", "Britain and the EU possibly agreed on the terms of the withdrawal."),
    ("Iran and the six powers signed the nuclear agreement in Vienna.",
     "Iran and the six powers signed a draft agreement in Vienna."),
    ("Netflix and Disney announced the agreement on Tuesday.", "Netflix and Disney announced a possible agreement on Tuesday."),
]

KEEP = [
    # both done
    ("The Obama administration and Russia have agreed to join forces.", "Russia and the U.S. agreed to join forces."),
    # both hedged
    ("Russia and the U.S. reached a preliminary deal.", "Russia and the U.S. may have reached a deal."),
    # a hypothetical is no claim
    ("Any formal agreement with the Russians could suggest that Obama was warming to Putin.",
     "Obama and the Russians have agreed to cooperate, Putin said."),
    # agreeing with a statement is not an agreement
    ("Trump agreed that Iran was a problem for Macron.", "Trump and Macron discussed a possible deal on Iran."),
    # proposed before it was done, when the dates do not say the hedging report is newer
    ("Kerry discussed a proposed agreement with Putin and Russia.", "Kerry and Russia have agreed to cooperate with Putin."),
    # different parties
    ("Israel and Hamas have agreed to a ceasefire.", "Turkey and Russia reached a preliminary deal."),
    # not the same kind of status
    ("Manafort and Gates were indicted by Mueller.", "Manafort and Gates may have reached a deal with Mueller."),
    # negated, not done
    ("Russia and the U.S. have not agreed on the steps.", "Russia and the U.S. reached a preliminary deal on the steps."),
    # a question about whether it will happen
    ("It is unclear whether Putin and Obama will accept the agreement.", "Putin and Obama have agreed to the steps."),
    # one says done, the other nothing about the status
    ("Colombia and the FARC reached a deal to end the war.", "Colombia and the FARC ended the war."),
    # a modal between two sentences the matcher did not pair is checked by the gate, but a modal
    # about a future vote is no hedge on a past one
    ("Congress passed the measure and approved the wall funding on Thursday.",
     "Congress has not yet approved the wall funding."),
]


@pytest.mark.parametrize("a,b", FLAG)
def test_flags(a, b):
    kinds = [f.kind for f in compare(a, b)]
    assert "certainty" in kinds, (a, b, kinds)


@pytest.mark.parametrize("a,b", KEEP)
def test_does_not_flag(a, b):
    assert not [f for f in compare(a, b) if f.kind == "certainty"], (a, b)


def test_a_newer_proposal_disagrees_with_an_older_done_deal():
    done = "Kerry and Russia have agreed to cooperate with Putin."
    proposed = "Kerry discussed a proposed agreement with Putin and Russia."
    assert [f for f in compare(done, proposed, date_a="2016-07-15", date_b="2016-07-16") if f.kind == "certainty"]
    assert not [f for f in compare(done, proposed, date_a="2016-07-16", date_b="2016-07-14") if f.kind == "certainty"]


def test_spans_and_explanation():
    a, b = FLAG[0]
    flag = next(f for f in compare(a, b) if f.kind == "certainty")
    assert a[flag.a.start : flag.a.end] == "have agreed"
    assert b[flag.b.start : flag.b.end] == "preliminary deal"
    assert "preliminary" in flag.explanation and "have agreed" in flag.explanation
