"""negation: one source asserts what the other negates, or says the opposite with an antonym."""

import pytest

from aligner import compare

FLAG = [
    ("The suit names Trump as a defendant.", "The suit does not name Trump as a defendant."),
    ("The boy is playing in the mud.", "The boy isn't playing in the mud."),
    ("There is no man dancing on the stage.", "A man is dancing on the stage."),
    ("The department concluded the release would not adversely impact the investigation.",
     "The department concluded the release would adversely impact the investigation."),
    ("Iran has never enriched uranium beyond the agreed level.", "Iran has enriched uranium beyond the agreed level."),
    ("The senators accepted the proposal on Tuesday.", "The senators rejected the proposal on Tuesday."),
    ("Oil prices rose sharply after the announcement.", "Oil prices fell sharply after the announcement."),
    ("Nobody was injured in the blast at the factory.", "Workers were injured in the blast at the factory."),
    ("The ministry confirmed the minister's resignation on Monday.", "The ministry denied the minister's resignation on Monday."),
    ("One man is turning on the microwave.", "One man is turning off the microwave."),
    # both report a claim: what the claims say differs
    ("Officials said the talks would continue next week in Geneva.",
     "Officials said the talks would not continue next week in Geneva."),
    ("The mayor, John Smith, said rescue work would not continue for as long as it takes.",
     "The mayor, John Smith, said rescue work would continue for as long as it takes."),
    # a contrast whose verb the other sentence shares
    ("The two Koreas signed an armistice and not a peace treaty in 1953.",
     "The two Koreas signed a peace treaty in 1953."),
]

KEEP = [
    # "not a peace treaty" contrasts with what the war ended with; the other sentence says who
    # favours a treaty
    ("Beijing, a party to the 1953 armistice, has long wanted a peace treaty.",
     "American troops stay in the South after the war that ended with an armistice and not a peace treaty."),
    # both negated
    ("We do not always agree on the solutions.", "We don't always agree on the solutions."),
    # "not only" does not negate
    ("A joint campaign would not only appear to concede the point.", "A joint campaign would appear to concede the point."),
    # the negated words are not stated by the other sentence
    ("A man is playing a flute.", "There is no man playing an electronic keyboard."),
    # a different subject
    ("A girl is eating a cupcake.", "A woman is not eating a cupcake."),
    # only a name in common
    ("None of the five sites were in the United States.", "The missiles could reach the United States."),
    # the same claim, both affirmative
    ("The court accepted the appeal.", "The court accepted the appeal on Monday."),
    # a contrast inside one sentence is not a contradiction
    ("Prices rose in Paris and fell in Berlin.", "Prices rose in Paris."),
    # "before"/"after" about different things
    ("A memo from shortly after the inauguration mentions loyalty.",
     "He began writing memos about his meetings shortly before the inauguration."),
    # a denial that both report
    ("The ministry denied the report.", "The ministry denied the report on Monday."),
    # double negation agrees with the affirmative
    ("The senators did not reject the proposal.", "The senators did not reject the proposal."),
    # a quotation: the speaker's words, not the outlet's statement
    ('Blumenthal said: "I did not serve in Vietnam, but I have seen the effects of war."',
     "Blumenthal served in Vietnam and saw the effects of war, his aides said."),
    # a request, not a negated fact
    ("Republicans urged Mr. Trump not to declare a national emergency at the border.",
     "Mr. Trump will declare a national emergency at the border, McConnell said."),
    # a condition
    ("McConnell will not hold a vote if Mr. Trump would not sign the bills.",
     "Mr. Trump would sign the bills, McConnell said."),
    # someone's claim, reported
    ("Mr. Blumenthal never served in Vietnam.", "He misspoke at an event at which he said he served in Vietnam."),
]


@pytest.mark.parametrize("a,b", FLAG)
def test_flags(a, b):
    kinds = [f.kind for f in compare(a, b)]
    assert "negation" in kinds, (a, b, kinds)


@pytest.mark.parametrize("a,b", KEEP)
def test_does_not_flag(a, b):
    assert not [f for f in compare(a, b) if f.kind == "negation"], (a, b)


def test_spans_point_at_the_negated_words():
    a, b = "The suit names Trump as a defendant.", "The suit does not name Trump as a defendant."
    (flag,) = compare(a, b)
    assert b[flag.b.start : flag.b.end].startswith("not name Trump")
    assert "Trump" in a[flag.a.start : flag.a.end]
    assert "not name Trump" in flag.explanation


def test_the_other_side_is_quoted_to_the_last_negated_word_it_names():
    """Not "naming a long list of defendants": the other sentence's span reaches the name it
    adds just past its clause, which is what contradicts "does not name Trump"."""
    a = ("According to the Washington Post, the lawsuit does not name Trump as a defendant, but alleges "
         "that Russian contacts amounted to collusion.")
    b = ("The complaint is broad in its claims and stark in its language, naming a long list of defendants "
         "that includes Mr. Trump; his son, Donald Jr., and son-in-law, Jared Kushner.")
    (flag,) = [f for f in compare(a, b) if f.kind == "negation"]
    assert b[flag.b.start : flag.b.end] == "naming a long list of defendants that includes Mr. Trump"
    assert "includes Mr. Trump" in flag.explanation
