"""number: different amounts for the same thing; ranges, rounding and conversions are compatible."""

import pytest

from aligner import compare

FLAG = [
    ("North Korea carried out 16 missile tests last year.", "North Korea carried out over 20 missile tests last year."),
    ("The blast killed 12 people in the market on Sunday.", "The blast killed 19 people in the market on Sunday."),
    ("Officials said 40 percent of voters backed the measure.", "Officials said 60 percent of voters backed the measure."),
    ("The company paid $3 million to settle the lawsuit.", "The company paid $30 million to settle the lawsuit."),
    ("The convoy travelled 200 kilometers to reach the border town.", "The convoy travelled 40 miles to reach the border town."),
    ("The army deployed three battalions to the northern province.", "The army deployed seven battalions to the northern province."),
    ("About 300,000 people remain besieged in the eastern city.", "About 30,000 people remain besieged in the eastern city."),
    ("Kerry and Lavrov held a 12-hour meeting in the Swiss capital.", "Kerry and Lavrov held a three-hour meeting in the Swiss capital."),
    ("Police arrested fewer than 10 protesters outside parliament.", "Police arrested 45 protesters outside parliament."),
    ("The memos released by the Justice Department run to 15 pages.", "The memos released by the Justice Department run to 50 pages."),
    # neighbouring round figures: 300 covers 250 up to 350, 400 from 350
    ("The earthquake killed 300 people in the coastal province, officials said on Sunday.",
     "Officials said on Sunday that 400 people died when the quake struck the coastal province."),
    ("The earthquake killed 2 million people in the coastal province, officials said.",
     "Officials said that 3 million people died when the quake struck the coastal province."),
    # measures without a counted noun, and other ways of writing percent
    ("Unemployment rose to 5.2 percent in June, the Labor Department said.",
     "Unemployment climbed to 6.8 percent in June, the Labor Department said."),
    ("The contract with the Pentagon is worth $1.2 billion over five years.",
     "The contract with the Pentagon is valued at $3.5 billion over five years."),
    ("Officials said 40% of voters backed the measure.", "Officials said 60% of voters backed the measure."),
    ("Officials said 40 per cent of voters backed the measure.", "Officials said 60 per cent of voters backed the measure."),
    ("Some 1.5 million Syrians have fled to Turkey since the war began.", "About 3 million Syrians have fled to Turkey since the war began."),
    # a change against a figure that says neither change nor level is still compared
    ("The company lost 3,000 jobs last year, the union said.", "The union said 5,000 jobs were lost at the company last year."),
    ("Democrats picked up 12 seats in the House.", "Democrats won 40 seats in the House."),
    # the same outcome told with another word, the same period, two changes
    ("Police said 12 people were killed in the blast in the market on Sunday.",
     "Police said 15 people died in the blast in the market on Sunday."),
    ("The campaign raised $50 million in July, aides said.", "The campaign raised $40 million in July, aides said."),
    ("Retail sales rose 1.2 percent on Monday, the ministry said.", "Retail sales rose by 2.5 percent on Monday, the ministry said."),
    # ranges and dozens
    ("Police said between 10 and 12 people were killed when the bomb went off in the market.",
     "A bomb killed 15 people in a crowded market on Sunday, according to police."),
    ("Police said a dozen people were killed when the bomb went off in the market.",
     "A bomb killed 20 people in a crowded market on Sunday, according to police."),
]

KEEP = [
    # what befell the people counted, when a figure was counted, and a change against a level
    ("The blast killed 12 people in the market on Sunday, police said.",
     "The blast in the market on Sunday injured 40 people, police said."),
    ("Police said 12 people were arrested in the protest at the square.",
     "Police said 40 people fled the protest at the square."),
    ("Retail sales rose 1.2 percent on Monday, the ministry said.", "Retail sales have risen 15 percent this year, the ministry said."),
    ("The campaign raised $50 million in July, aides said.", "The campaign raised $40 million in June, aides said."),
    ("Unemployment fell to 4.1 percent in March.", "Unemployment fell 0.2 percent in March."),
    ("About 300,000 people remain besieged in the eastern city.", "Some 312,000 people remain besieged in the eastern city."),
    ("More than 50 strikes hit the area near Palmyra.", "Sixty strikes hit the area near Palmyra."),
    ("The convoy travelled 100 kilometers to reach the border town.", "The convoy travelled 62 miles to reach the border town."),
    ("Nearly 20 people were wounded in the attack on the base.", "Eighteen people were wounded in the attack on the base."),
    # a range holds the figures inside it; "a dozen" is a round figure
    ("Police said 10-12 people were killed when the bomb went off in the crowded market.",
     "A bomb killed 11 people in a crowded market on Sunday, according to police."),
    ("Police said between 10 and 12 people were killed when the bomb went off in the market.",
     "A bomb killed 11 people in a crowded market on Sunday, according to police."),
    ("Police said 2 to 3 million people have fled the fighting in the north.",
     "About 2.5 million people have fled the fighting in the north, police said."),
    ("Police said about a dozen people were killed when the bomb went off in the market.",
     "A bomb killed 13 people in a crowded market on Sunday, according to police."),
    ("Police said two dozen people were hurt when the bomb went off in the market.",
     "A bomb hurt 25 people in a crowded market on Sunday, according to police."),
    # a change from one figure to another is not a range
    ("Unemployment rose from 10 to 12 percent in June, the Labor Department said.",
     "Unemployment climbed to 12 percent in June, the Labor Department said."),
    # neighbouring figures that round to each other
    ("The earthquake killed 300 people in the coastal province, officials said on Sunday.",
     "Officials said on Sunday that 349 people died when the quake struck the coastal province."),
    # different things counted
    ("Redacted copies of the seven documents were released.", "The documents released run to 15 pages in total."),
    ("North Korea fired 23 missiles during 16 tests.", "North Korea fired 23 missiles during 16 tests."),
    ("At least six congressional committees were notified.", "Three House Republican committee chairmen asked for the memos."),
    # vague quantities are not figures
    ("Four intelligence agencies reported the hacking.", "Several intelligence agencies reported the hacking."),
    # years, ordinals and clock times are not counts
    ("The deal was signed in 2015 by the six powers.", "The deal was signed in 2016 by the six powers."),
    ("This summit would be only the third meeting between the two leaders.",
     "It will be the first summit meeting between the two leaders."),
    # figures inside quotations are the speaker's
    ('The ad says: "Obama has cut $716 billion from Medicare to pay for his plan."',
     '"His plan would cut $800 billion from Medicare," the ad says of the plan.'),
    # two people's money
    ("He raised just over $200,000 for his campaign in Virginia, Brat said.",
     "Cantor had raised $5.4 million for his campaign in Virginia."),
    # money for one thing and money from another
    ("The declaration diverts $5.7 billion for construction of the wall.",
     "The declaration diverts about $3.6 billion from Defense Department construction of the wall."),
    # an extension of one thing and of another
    ("Critics attacked the two-year extension of tax cuts for the rich.",
     "Critics attacked the 13-month extension of unemployment benefits."),
    # a date is not a count
    ("Fifteen of the 19 Sept. 11 hijackers were Saudi nationals.", "Fifteen of the 19 hijackers on 9/11 were Saudi citizens."),
]


@pytest.mark.parametrize("a,b", FLAG)
def test_flags(a, b):
    kinds = [f.kind for f in compare(a, b)]
    assert "number" in kinds, (a, b, kinds)


@pytest.mark.parametrize("a,b", KEEP)
def test_does_not_flag(a, b):
    assert not [f for f in compare(a, b) if f.kind == "number"], (a, b)


def test_spans_and_explanation_name_both_figures():
    a, b = "North Korea carried out 16 missile tests last year.", "North Korea carried out over 20 missile tests last year."
    flag = next(f for f in compare(a, b) if f.kind == "number")
    assert a[flag.a.start : flag.a.end] == "16 missile tests"
    assert b[flag.b.start : flag.b.end] == "over 20 missile tests"
    assert "16 missile tests" in flag.explanation and "over 20 missile tests" in flag.explanation


def test_periods_of_different_things_are_not_compared():
    assert not compare("Two years later, Trump is still bashing the agreement with Iran and France.",
                       "Trump praised the 241-year friendship between the United States and France.")
    assert not compare("Abe came to Mar-a-Lago for two days of meetings with Trump.",
                       "Trump began meetings with Abe on a war that has lasted more than six decades.")


def test_every_differing_figure_of_a_pair_is_flagged():
    """Two figures differ in one pair of sentences: the magnitude and the toll are both flagged,
    each against its own counterpart."""
    a = ("A magnitude 7.1 earthquake struck the city on Monday morning, killing 5,000 people and "
         "injuring many more, officials said.")
    b = ("A magnitude 6.8 earthquake struck the city on Monday morning, killing 3,000 people and "
         "injuring many more, officials said.")
    found = sorted((a[f.a.start:f.a.end], b[f.b.start:f.b.end]) for f in compare(a, b) if f.kind == "number")
    assert [(x.split()[0], y.split()[0]) for x, y in found] == [("5,000", "3,000"), ("7.1", "6.8")]


def test_a_figure_before_a_bare_preposition_and_a_full_stop_is_read_without_error():
    """'0c on.': the word after "on" is only a full stop (found by the property tests)."""
    assert compare("The fee was 5 dollars on.", "The fee was 7 dollars on.") is not None
