"""date: the same event dated differently, relative days counted from each article's own date."""

import sys

import pytest

from aligner import compare

FLAG = [
    # "earlier on Thursday" is Thursday
    ("Kerry arrived in Moscow earlier on Thursday for talks with Putin.",
     "Kerry arrived in Moscow on Wednesday for talks with Putin.", "2016-07-16", "2016-07-16"),
    # a weekday before the calendar date belongs to it (the articles' own dates unknown)
    ("Pompeo met Kim in Pyongyang on Sunday, April 1, 2018.", "Pompeo met Kim in Pyongyang on Thursday, April 5, 2018.",
     None, None),
    # Thursday counted from a Saturday, July 16, 2016 article is July 14
    ("At Thursday's news conference, Kerry would not confirm the steps agreed with Moscow.",
     "Prior to announcing the agreement on July 15, Kerry met Putin about the steps agreed with Moscow.",
     "2016-07-16", None),
    ("Pompeo met with Kim Jong Un in North Korea last week.", "Pompeo met with Kim Jong Un over Easter weekend.",
     "2018-04-18", "2018-04-17"),
    ("Kerry arrived in Moscow on Thursday for talks.", "Kerry arrived in Moscow on Wednesday for talks.",
     "2016-07-14", "2016-07-14"),
    ("Minister Le Drian arrived in Tehran yesterday for talks.", "Le Drian arrived in Tehran on March 3 for talks.",
     "2019-03-06", "2019-03-06"),
    ("Macron met Trump at the White House on April 24, 2018.", "Macron met Trump at the White House on April 26, 2018.",
     None, None),
    ("The FARC signed the accord with Santos in Bogota on Monday.", "The FARC signed the accord with Santos in Bogota two weeks ago.",
     "2016-09-28", "2016-09-28"),
    ("The Post published the leaked proposal on Wednesday, officials said.",
     "The Post published the leaked proposal on July 6, officials said.", "2016-07-14", None),
    ("Merkel and Macron visit Trump on Friday.", "Merkel and Macron visit Trump next month.", "2018-04-24", "2018-04-24"),
    ("The company announced the merger with Siemens on 3 May 2017.",
     "The company announced the merger with Siemens on 13 May 2017.", None, None),
    ("Senator McCain died in Phoenix last month.", "Senator McCain died in Phoenix on Saturday.", "2018-08-27", "2018-08-27"),
    # "this weekend" from a Wednesday is the coming one, not the one before
    ("Kerry and Lavrov will hold talks this weekend in Geneva on the ceasefire.",
     "Kerry and Lavrov will hold talks on July 9 in Geneva on the ceasefire.", "2016-07-13", "2016-07-13"),
    # "met" is past: Thursday from a Saturday article is July 14, not July 21
    ("John Kerry met Sergei Lavrov on Thursday in Geneva for talks on Syria.",
     "Lavrov and Kerry met for talks on Syria in the Swiss city of Geneva on July 21, officials said.",
     "2016-07-16", "2016-07-16"),
]

KEEP = [
    # the attribution's tense is not the event's, and an adjective in "-ed" is no past: the
    # Friday after a Saturday article is April 27
    ("Kim meets Moon at a summit on Friday, officials said.", "Kim will meet Moon at a summit on April 27.",
     "2018-04-21", "2018-04-21"),
    ("Kim is slated to meet Moon at a summit on Friday.", "Kim will meet Moon at a summit on April 27.",
     "2018-04-21", "2018-04-21"),
    ("Kim will meet Moon at a long-awaited summit on Friday.", "Kim will meet Moon at a summit on April 27.",
     "2018-04-21", "2018-04-21"),
    ("Kerry and Lavrov will hold talks this weekend in Geneva on the ceasefire.",
     "Kerry and Lavrov will hold talks on Saturday, July 16, in Geneva on the ceasefire.", "2016-07-13", "2016-07-13"),
    # on a Monday, "this weekend" may be the one just past
    ("Kerry and Lavrov held talks this weekend in Geneva on the ceasefire.",
     "Kerry and Lavrov held talks on July 9 in Geneva on the ceasefire.", "2016-07-11", "2016-07-11"),
    # "last week" covers Thursday of the week before a Tuesday article
    ("During his confirmation hearing last week, Pompeo said he was optimistic.",
     "During his confirmation hearings on Thursday, Pompeo said he was optimistic.", "2018-04-17", "2018-04-18"),
    # a one-day gap near midnight or in another time zone
    ("North Korea announced early Saturday that it would suspend tests.",
     "North Korea's announcement on Friday of a freeze on tests surprised many.", "2018-04-21", "2018-04-21"),
    # different events: an arrival and a news conference
    ("Kerry arrived in Moscow on Thursday.", "Kerry held a news conference in Moscow on July 15.", "2016-07-14", None),
    # the same day written two ways
    ("Kerry met Putin in Moscow late Thursday night.", "Kerry met Putin in Moscow on July 14.", "2016-07-15", "2016-07-15"),
    # relative day without the article's date: nothing to count from
    ("Kerry arrived in Moscow on Thursday.", "Kerry arrived in Moscow on July 12.", None, None),
    # a future Friday and "later this week"
    ("Merkel is to visit the White House on Friday.", "Merkel visits the White House later this week.",
     "2018-04-24", "2018-04-24"),
    # the date belongs to "said", not to the meeting
    ("Officials said on Monday that the leaders met in Geneva.", "The leaders met in Geneva on March 2.",
     "2018-03-12", "2018-03-12"),
    # "next week's meeting" and April 27, counted from April 17
    ("The leaders prepare for next week's meeting between Kim and Moon.",
     "The leaders prepare for the meeting between Kim and Moon on April 27.", "2018-04-17", "2018-04-17"),
    # no participant in common
    ("Merkel arrived in Washington on Thursday.", "Macron arrived in Washington on Monday.", "2018-04-26", "2018-04-26"),
    # month and day without a year agree with a full date
    ("The agreement was announced by Kerry on July 15.", "Kerry announced the agreement on July 15, 2016.", None, None),
    # two articles of different days, each about a vote of its own day: two votes
    ("Democrats voted Friday to block the spending bill in the Senate.",
     "Democrats voted Monday to fund the government in the Senate.", "2018-01-23", "2018-01-22"),
    # background ("last year") against the news of the day
    ("The Atlantic published the messages of WikiLeaks on Monday.",
     "WikiLeaks, the group that published hacked emails last year, wrote to Trump Jr.", "2017-11-13", "2017-11-13"),
    # a relative day inside a quotation counts from when it was said
    ('"The decision will be announced next week," Trump wrote about the trophy ban.',
     "The trophy ban decision was announced this week by Trump's administration.", "2017-11-17", "2017-11-17"),
    # "reporters" is no event
    ("Warner told reporters on Friday that Cohen would testify.", "BuzzFeed published the report on Cohen on Thursday.",
     "2019-01-18", "2019-01-18"),
]


@pytest.mark.parametrize("a,b,date_a,date_b", FLAG)
def test_flags(a, b, date_a, date_b):
    kinds = [f.kind for f in compare(a, b, date_a=date_a, date_b=date_b)]
    assert "date" in kinds, (a, b, kinds)


@pytest.mark.parametrize("a,b,date_a,date_b", KEEP)
def test_does_not_flag(a, b, date_a, date_b):
    assert not [f for f in compare(a, b, date_a=date_a, date_b=date_b) if f.kind == "date"], (a, b)


def test_explanation_resolves_the_relative_day():
    a = "At Thursday's news conference, Kerry would not confirm the steps agreed with Moscow."
    b = "Prior to announcing the agreement on July 15, Kerry met Putin about the steps agreed with Moscow."
    (flag,) = [f for f in compare(a, b, date_a="2016-07-16") if f.kind == "date"]
    assert a[flag.a.start : flag.a.end].startswith("Thursday")
    assert b[flag.b.start : flag.b.end] == "July 15"
    assert "July 14, 2016" in flag.explanation and "July 15" in flag.explanation


def test_weekday_on_the_day_of_publication_is_that_day():
    # dateparser's PREFER_DATES_FROM="past" would read "Thursday" on a Thursday as a week earlier
    assert not compare("Kerry arrived in Moscow on Thursday.", "Kerry arrived in Moscow on July 14.",
                       date_a="2016-07-14", date_b="2016-07-14")


def test_dateparser_is_imported_lazily():
    import subprocess

    code = "import sys, aligner; aligner.compare('a b', 'c d'); print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
