"""attribution: the same words credited to different speakers or outlets."""

import pytest

from aligner import compare

FLAG = [
    ('"We will not back down on the sanctions, whatever the cost," Kerry said on Friday.',
     '"We will not back down on the sanctions, whatever the cost," Lavrov said on Friday.'),
    ('Tillerson told reporters: "The talks in Geneva have been productive and we expect more progress soon."',
     'Mattis told reporters: "The talks in Geneva have been productive and we expect more progress soon."'),
    ('"This is a sham lawsuit about a bogus collusion claim filed by a desperate party," Brad Parscale said.',
     '"This is a sham lawsuit about a bogus collusion claim filed by a desperate party," Sarah Sanders said.'),
    ("According to Reuters, the Nusra Front has been one of the most effective forces fighting the government.",
     "According to Bloomberg, the Nusra Front has been one of the most effective forces fighting the government."),
    ('"The steps we agreed on are not going to be laid out in public in some long list," Kerry said.',
     '"The steps we agreed on are not going to be laid out in public in some long list," said Earnest.'),
    ('"Iran seems to be behind everything where there is a problem in the Middle East," Trump said.',
     '"Iran seems to be behind everything where there is a problem in the Middle East," Macron said.'),
    ('"The memos show clearly that there was no collusion and no obstruction at all," Goodlatte said.',
     '"The memos show clearly that there was no collusion and no obstruction at all," Schiff said.'),
    ('"It is time to end this war and bring the troops home from the front," Petro Poroshenko said.',
     '"It is time to end this war and bring the troops home from the front," Arseniy Yatsenyuk said.'),
    ('"The ceasefire has collapsed in many areas and the talks have stalled completely," de Mistura said.',
     '"The ceasefire has collapsed in many areas and the talks have stalled completely," Guterres said.'),
    ('"Let the proof be in the pudding and not in our words, we will see soon," Kerry told reporters.',
     '"Let the proof be in the pudding and not in our words, we will see soon," Obama told reporters.'),
]

KEEP = [
    ('"We will not back down on the sanctions, whatever the cost," Kerry said on Friday.',
     '"We will not back down on the sanctions, whatever the cost," Secretary of State John Kerry said.'),
    ('"We will not back down on the sanctions, whatever the cost," he said on Friday.',
     '"We will not back down on the sanctions, whatever the cost," Lavrov said on Friday.'),
    ('"North Korea has agreed to suspend all nuclear tests and close up a major test site," the president said.',
     '"North Korea has agreed to suspend all nuclear tests and close up a major test site," Trump wrote.'),
    ("According to the Washington Post, the proposal would create a joint command center near Amman.",
     "According to WaPo, the proposal would create a joint command center near Amman."),
    ('"This can be good news for us and for the campaign in the months ahead," Trump tweeted.',
     '"This can be good news for us and for the campaign in the months ahead," Donald Trump tweeted.'),
    # different words: two statements, not one statement credited twice
    ('"We will not back down," Kerry said.', '"Sanctions will stay until Crimea is returned," Lavrov said.'),
    ('"The talks were productive," Tillerson said.', 'Mattis said the talks had gone badly.'),
    ('"We want them to work," Kerry said of the steps agreed in Moscow with the Russians.',
     'Kerry said the steps agreed in Moscow would be kept secret "because we want them to work."'),
    ('"We will not back down on the sanctions, whatever the cost," Sergei Lavrov said.',
     '"We will not back down on the sanctions, whatever the cost," Sergey Lavrov said.'),
    ('"We will not back down on the sanctions, whatever the cost," the minister said.',
     '"We will not back down on the sanctions, whatever the cost," Lavrov said.'),
    # the same speaker, once with an appositive
    ('"The description of specific statements to this office is not accurate," Peter Carr, a spokesman for Mueller\'s office, said.',
     '"The description of specific statements to this office is not accurate," Carr told BuzzFeed.'),
    # two speakers named on one side
    ('"This is plainly a power grab by a disappointed president, who has gone outside the law," Pelosi and Schumer said.',
     '"This is plainly a power grab by a disappointed president, who has gone outside the law," Schumer said.'),
]


@pytest.mark.parametrize("a,b", FLAG)
def test_flags(a, b):
    kinds = [f.kind for f in compare(a, b)]
    assert "attribution" in kinds, (a, b, kinds)


@pytest.mark.parametrize("a,b", KEEP)
def test_does_not_flag(a, b):
    assert not [f for f in compare(a, b) if f.kind == "attribution"], (a, b)


def test_spans_are_the_two_speakers():
    a, b = FLAG[0]
    flag = next(f for f in compare(a, b) if f.kind == "attribution")
    assert a[flag.a.start : flag.a.end] == "Kerry"
    assert b[flag.b.start : flag.b.end] == "Lavrov"
    assert "Kerry" in flag.explanation and "Lavrov" in flag.explanation


def test_seeds_passage_credited_to_reuters_is_the_new_york_times(seeds_alignment):
    a = seeds_alignment
    flags = [f for f in a.flags if f.kind == "attribution"]
    assert len(flags) == 1
    (flag,) = flags
    assert a.span_text(flag.a) == "Reuters"
    assert flag.a.source.startswith("003") and flag.b.source.startswith("001")
    assert a.span_text(flag.b).startswith("The Nusra Front has been one of the most effective anti-Assad forces")
    assert "Reuters" in flag.explanation and "The New York Times" in flag.explanation
