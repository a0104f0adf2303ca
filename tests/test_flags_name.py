"""name: two names for the same body, role or person; aliases, spellings, containment compatible."""

import pytest

from aligner import compare

FLAG = [
    ('The suggested "Joint Operation Group," composed of military officers, would be based near Amman, Jordan.',
     "Russia and the U.S. would create a \u201cJoint Implementation Group\u201d based in Amman, Jordan, of military officers."),
    ("The inquiry is led by the Senate Armed Services Committee, which met on Tuesday.",
     "The inquiry is led by the Senate Foreign Relations Committee, which met on Tuesday."),
    ("The Syrian Democratic Forces said their fighters had retaken the town near Aleppo.",
     "The Syrian Defense Forces said their fighters had retaken the town near Aleppo."),
    ("The report was written by the Joint Investigative Mechanism and sent to the council.",
     "The report was written by the Joint Inspection Mechanism and sent to the council."),
    ("The attack was claimed by the Islamic Jihad Movement in a statement on Telegram.",
     "The attack was claimed by the Islamic Resistance Movement in a statement on Telegram."),
    ("The lawsuit was filed on behalf of Debbie Wasserman Schultz in federal court.",
     "The lawsuit was filed on behalf of Wendy Wasserman Schultz in federal court."),
    ("Talks were hosted by the Gulf Cooperation Council in the Saudi capital.",
     "Talks were hosted by the Gulf Coordination Council in the Saudi capital."),
    ("The sanctions target the Revolutionary Guard Corps and its foreign operations.",
     "The sanctions target the Revolutionary Defense Corps and its foreign operations."),
    ("The plan was drafted by the National Security Council staff in the White House.",
     "The plan was drafted by the Homeland Security Council staff in the White House."),
    ("Soldiers of the Tenth Mountain Division were deployed to the base in Kandahar.",
     "Soldiers of the Tenth Airborne Division were deployed to the base in Kandahar."),
]

KEEP = [
    ("Kerry held talks with Sergei Lavrov in Moscow on Thursday.", "Kerry held talks with Sergey Lavrov in Moscow on Thursday."),
    ("Strikes hit Islamic State positions near Raqqa, officials said.", "Strikes hit ISIL positions near Raqqa, officials said."),
    ("The strikes target Jabhat al-Nusra, al-Qaeda's branch in Syria.", "The strikes target the Nusra Front, Al Qaeda's branch in Syria."),
    ("The joint command center would be in or near Amman, Jordan.", "The joint command center would be in Jordan."),
    ("The proposal was leaked to The Washington Post (WaPo) on Wednesday.", "The proposal was leaked to the Washington Post on Wednesday."),
    ("The campaign was run by Richard Gates and Paul Manafort.", "The campaign was run by Rick Gates and Paul Manafort."),
    ("President Vladimir V. Putin met Kerry in the Kremlin.", "President Vladimir Putin met Kerry in the Kremlin."),
    # two different countries, not one named twice
    ("Talks between North Korea and the U.S. resumed in Geneva.", "Talks between South Korea and the U.S. resumed in Geneva."),
    # two people of one family, in sentences that say different things
    ("President Donald Trump praised the French leader at the state dinner.",
     "Melania Trump wore a white suit at the state dinner on Tuesday."),
    # different heads: different things
    ("Talks between North Korea and Japan stalled in Tokyo.", "Talks between North Carolina and Japan stalled in Tokyo."),
]


@pytest.mark.parametrize("a,b", FLAG)
def test_flags(a, b):
    kinds = [f.kind for f in compare(a, b)]
    assert "name" in kinds, (a, b, kinds)


@pytest.mark.parametrize("a,b", KEEP)
def test_does_not_flag(a, b):
    assert not [f for f in compare(a, b) if f.kind == "name"], (a, b)


def test_spans_are_the_two_names():
    a, b = FLAG[0]
    flag = next(f for f in compare(a, b) if f.kind == "name")
    assert a[flag.a.start : flag.a.end] == "Joint Operation Group"
    assert b[flag.b.start : flag.b.end] == "Joint Implementation Group"
    assert "Joint Operation Group" in flag.explanation and "Joint Implementation Group" in flag.explanation
