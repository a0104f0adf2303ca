"""altered-quote: a reused or quoted passage changed in a way that changes meaning."""

import pytest

from aligner import compare

BASE = ("The agreement has also raised alarms because it might lead the United States to countenance or even "
        "participate in strikes against groups fighting Mr. Assad.")

FLAG = [
    (BASE, BASE.replace("countenance", "support")),
    ('"This can be good news in that we will now counter for the DNC Server, the Wendy Wasserman Schultz Servers," '
     "Trump wrote.",
     '"This can be good news in that we will now counter for the DNC Server, the Debbie Wasserman Schultz Servers," '
     "Trump wrote."),
    ('"The release of the memos to Congress at this time would not adversely impact any ongoing investigation," '
     "Boyd wrote.",
     '"The release of the memos to Congress at this time would adversely impact any ongoing investigation," '
     "Boyd wrote."),
    ('"We have agreed to steps that can address the serious problems of the cessation," Kerry said on Friday.',
     '"We have rejected steps that can address the serious problems of the cessation," Kerry said on Friday.'),
    ("The central bank said inflation would remain low for the rest of the year and rates would not change.",
     "The central bank said inflation would remain high for the rest of the year and rates would not change."),
    ('"The president is confident that the summit will take place in June as planned," the spokesman said.',
     '"The president is doubtful that the summit will take place in June as planned," the spokesman said.'),
    ('"Iran is behind everything where there is a problem in the Middle East and beyond," Trump said.',
     '"Russia is behind everything where there is a problem in the Middle East and beyond," Trump said.'),
    ("Officials said the strike destroyed the hospital and a school in the eastern part of the city on Monday.",
     "Officials said the strike damaged the hospital and a school in the eastern part of the city on Monday."),
    ('"Our relationship with France has never been stronger than it is today," Trump said at the ceremony.',
     '"Our relationship with France has never been weaker than it is today," Trump said at the ceremony.'),
    ('"The memos show clearly that there was no collusion and no obstruction whatsoever," the statement said.',
     '"The memos show clearly that there was collusion and no obstruction whatsoever," the statement said.'),
]

KEEP = [
    # one number written two ways
    ("The blast killed 3 people in the market on Sunday, police said.",
     "The blast killed three people in the market on Sunday, police said."),
    ("Unemployment fell to 4.1 percent in March, the Labor Department said.",
     "Unemployment fell to 4.1% in March, the Labor Department said."),
    # a pronoun resolved
    ("It has generated deep unease at the Pentagon and in some quarters of the State Department, where it is seen "
     "as too conciliatory to the Russians.",
     "The proposal generated deep unease at the Pentagon and in some quarters of the State Department, where the plan "
     "was seen as too conciliatory to the Russians."),
    # "the group" for a name, and words moved
    ("So a joint campaign against Nusra would not only appear to concede Russia's point, but could also bring American "
     "firepower to bear.",
     "So a joint campaign against the group not only would appear to concede Russia's point, but could also bring "
     "American firepower to bear."),
    # an alias
    ("The Nusra Front is effective, and United States-backed rebel groups often coordinate their activities with "
     "its units.",
     "The Nusra Front is effective, and American-backed rebel groups often coordinate their activities with its units."),
    # spelling and inflection
    ('"The department consulted the relevant parties and concluded that the release of the memorandums would not '
     'adversely impact any investigation."',
     '"The department consulted relevant parties and concluded that the release of the memoranda would not adversely '
     'impact any investigation."'),
    # a shortened quotation
    ('"Your visit, Mr. President, comes at a critical time for our alliance and for the world," Trump said.',
     '"Your visit comes at a critical time for our alliance and for the world," Trump said.'),
    # word order
    ('"It should never have been made, it is a terrible deal for the United States," Trump said of the deal.',
     '"It should have never been made, it is a terrible deal for the United States," Trump said of the deal.'),
    # a loose transcription with several changes
    ('"The wonderful friendship we have developed over the last year is a testament to the enduring friendship that '
     'binds our two nations," Trump said.',
     '"The wonderful friendship we have developed over the past year is a testimony to the historic friendship '
     'between our two nations," Trump said.'),
    # an added word only
    ('"James Comey Memos just out show clearly that there was NO COLLUSION and NO OBSTRUCTION," Trump tweeted.',
     '"James Comey Memos just out and show clearly that there was NO COLLUSION and NO OBSTRUCTION," Trump tweeted.'),
    # capitalisation and brackets
    ('"The President brought up the Golden Showers thing and said it really bothered [him]," Comey wrote in the memo.',
     '"The president brought up the Golden Shower Thing and said it really bothered him," Comey wrote in the memo.'),
    # not the same passage at all
    ("The agreement has raised alarms at the Pentagon.", "Kerry said the agreement would change the playing field."),
    # a spelling of the same spoken word
    ('"And when your son looks at you and says, Momma, look, you won, bullies do not win," she said.',
     '"And when your son looks at you and says, Mama, look, you won, bullies do not win," she said.'),
    # an abbreviation
    ('"Sen. Reid respects that but thinks that the mosque should be built someplace else," he said.',
     '"Senator Reid respects that but thinks that the mosque should be built someplace else," he said.'),
    # the outlet's own words around the quotation
    ('"I cannot imagine what the country would be with Donald Trump as our president," Ginsburg told The Times in an article published Sunday.',
     '"I cannot imagine what the country would be with Donald Trump as our president," Ginsburg told The Times in an interview published Sunday.'),
]


@pytest.mark.parametrize("a,b", FLAG)
def test_flags(a, b):
    kinds = [f.kind for f in compare(a, b)]
    assert "altered-quote" in kinds, (a, b, kinds)


@pytest.mark.parametrize("a,b", KEEP)
def test_does_not_flag(a, b):
    assert not [f for f in compare(a, b) if f.kind == "altered-quote"], (a, b)


def test_word_diff_spans():
    (flag,) = [f for f in compare(*FLAG[0]) if f.kind == "altered-quote"]
    assert FLAG[0][0][flag.a.start : flag.a.end] == "countenance"
    assert FLAG[0][1][flag.b.start : flag.b.end] == "support"
    assert "countenance" in flag.explanation and "support" in flag.explanation


@pytest.mark.parametrize("order", [1, -1])
def test_a_negation_added_reads_the_same_on_both_sides(order):
    """Not "one word changed: 'will continue' in A, 'not' in B": both spans reach the shared
    words around the added one, and the explanation says which side adds it."""
    a, b = ['He said: "We will continue the talks for as long as it takes in Geneva."',
            'He said: "We will not continue the talks for as long as it takes in Geneva."'][::order]
    (flag,) = [f for f in compare(a, b) if f.kind == "altered-quote"]
    spans = (a[flag.a.start : flag.a.end], b[flag.b.start : flag.b.end])
    assert spans == ("will continue", "will not continue")[::order]
    assert f"but {'B' if order == 1 else 'A'} adds \u201cnot\u201d" in flag.explanation


def test_seeds_passage_presented_as_the_times(seeds_alignment):
    a = seeds_alignment
    flags = [f for f in a.flags if f.kind == "altered-quote"]
    assert [(a.span_text(f.a), a.span_text(f.b)) for f in flags] in (
        [("countenance", "support")],
        [("support", "countenance")],
    )
    assert "The New York Times" in flags[0].explanation
