"""Roles and source descriptions on the seeds: furniture is caught, story text kept."""

import pytest

from aligner.load import load


def roles_by_line(seeds_dir, name):
    return {p.line: p.role for p in load([seeds_dir / name]).paragraphs}


def test_furniture_of_the_seeds(seeds_dir):
    assert roles_by_line(seeds_dir, "000_03b2deb73ee435f3.txt") == {
        1: "headline", 3: "caption", 4: "caption", 5: "meta", 8: "body", 10: "body", 12: "body", 14: "body",
        16: "lead-in", 18: "body", 20: "body", 22: "body", 24: "body", 26: "body", 28: "body",
    }
    r = roles_by_line(seeds_dir, "004_1482635488417419.txt")
    assert (r[1], r[3], r[5], r[6], r[7], r[8], r[9], r[49]) == (
        "headline", "headline", "meta", "meta", "caption", "caption", "meta", "boilerplate"
    )
    r = roles_by_line(seeds_dir, "002_0b6e4b7efb3d666a.txt")
    assert (r[3], r[5], r[6], r[8], r[34]) == ("headline", "caption", "boilerplate", "body", "meta")
    r = roles_by_line(seeds_dir, "001_833b75131be248af.txt")
    assert r[1] == "body" and r[18] == "meta" and r[20] == "caption" and r[22] == "meta"
    assert r[19] != "body" and r[21] != "body"


def test_lead_ins_of_the_seeds(seeds_dir):
    r = roles_by_line(seeds_dir, "003_744424d8c9248282.txt")
    assert [line for line, role in sorted(r.items()) if role == "lead-in"] == [12, 22, 30, 32, 40, 48]
    assert r[4] == "body" and r[53] == "boilerplate"


def test_titles_outlets_and_dates_read_from_the_text(seeds_dir):
    sources = {s.id[:3]: s for s in load([seeds_dir]).sources}
    assert sources["000"].published.isoformat() == "2016-07-14"
    assert (sources["001"].outlet, sources["001"].published.isoformat()) == ("The New York Times", "2016-07-15")
    assert sources["001"].title is None  # the article has no headline
    assert sources["002"].outlet == "Agence France-Presse"
    assert sources["002"].title == "Will US and Russia work together to end war in Syria?"
    assert (sources["004"].outlet, sources["004"].published.isoformat()) == ("ABC News", "2016-07-16")
    assert all(s.label == s.id.removesuffix(".txt") for s in sources.values())


def test_a_paragraph_repeated_inside_a_nearby_one_is_display_text(tmp_path):
    """An embedded post or pull quote repeats words the story already holds; the story keeps
    the longer paragraph. A short phrase that recurs, and two paragraphs that merely share
    words, stay story text."""
    story = [
        "Officials met in the capital on Tuesday to discuss the ceasefire plan for the region.",
        'The minister wrote on Twitter that "the talks went very smoothly and a good relationship '
        'was formed with our partners," adding that details were still being worked out.',
        "The talks went very smoothly and a good relationship was formed with our partners.",
        "Talks went smoothly, officials said.",
        "Officials said talks went smoothly, and the next round will be held in Geneva next month.",
        "Critics said the relationship with the partners was formed far too quickly for comfort.",
    ]
    f = tmp_path / "a.txt"
    f.write_text("\n\n".join(story) + "\n", encoding="utf-8")
    roles = [p.role for p in load([f]).paragraphs]
    assert roles == ["body", "body", "caption", "body", "body", "body"]


def test_a_headline_that_the_lead_repeats_stays_the_headline(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(
        "Ministers agree on a ceasefire plan for the northern region\n\n"
        "Ministers agree on a ceasefire plan for the northern region, officials said on Tuesday after "
        "a long night of talks in the capital.\n\n"
        "The plan takes effect on Friday.\n",
        encoding="utf-8",
    )
    assert [p.role for p in load([f]).paragraphs] == ["headline", "body", "body"]


LEDE = "A magnitude 7.1 earthquake struck the coast on Monday, killing at least 5,000 people, officials said."
STORY = (
    "Rescue teams from three countries arrived on Tuesday and began searching collapsed buildings in the city centre.",
    "The government declared a state of emergency and asked for international help with shelter and water.",
)


def _roles(tmp_path, name: str, text: str) -> list[str]:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return [p.role for p in load([f]).paragraphs]


def test_a_markdown_heading_is_the_headline_and_the_short_lede_stays_story(tmp_path):
    """The short opening paragraph under a Markdown heading is the story's first fact, not a
    standfirst: the file marks its headline itself."""
    text = "# Earthquake strikes the coast\n\n" + "\n\n".join((LEDE, *STORY)) + "\n"
    assert _roles(tmp_path, "a.md", text) == ["headline", "body", "body", "body"]


def test_front_matter_title_decides_whether_the_first_paragraph_is_the_headline(tmp_path):
    front = "---\ntitle: Earthquake strikes the coast\n---\n"
    # the first paragraph is the lede, not a headline: the title is in the front matter (without
    # it, a short opening line that does not end in a full stop reads as a headline)
    teaser = "Rescuers searched the rubble of the coastal city through the night as aftershocks shook the region"
    assert _roles(tmp_path, "lede.txt", front + "\n\n".join((teaser, *STORY)) + "\n") == ["body"] * 3
    assert _roles(tmp_path, "bare.txt", "\n\n".join((teaser, *STORY)) + "\n")[0] == "headline"
    # the title repeated as the first line is the headline, and what follows is story, however
    # short (no standfirst is guessed where the file gives its title)
    repeated = front + "\n\n".join(("Earthquake Strikes the Coast", "Officials said 1,500 homes were lost.", *STORY)) + "\n"
    assert _roles(tmp_path, "repeated.md", repeated) == ["headline", "body", "body", "body"]
    # without front matter, the plain-text guess is unchanged: a short first line is the headline
    # (and a short lead dated to the day below it is story, not a standfirst)
    plain = "\n\n".join(("Earthquake strikes the coast", "Thousands feared dead", LEDE, *STORY)) + "\n"
    assert _roles(tmp_path, "plain.txt", plain) == ["headline", "headline", "body", "body", "body"]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # a heading further down does not turn the guess off for the opening lines
        ("mid-heading.md", "Quake hits the coast\n\nThousands feared dead\n\n" + "\n\n".join(STORY)
         + "\n\n## Aftershocks\n\n" + LEDE + "\n", ["headline", "headline", "body", "body", "headline", "body"]),
        # a lead image above the headline is a caption, and the headline is still found after it
        ("lead-image.md", "![Rescuers in the rubble](a.jpg)\n\nQuake hits the coast\n\nThousands feared dead\n\n"
         + "\n\n".join(STORY) + "\n", ["caption", "headline", "headline", "body", "body"]),
        # a scraped title with the site's name after a separator still names the first line
        ("site.md", "---\ntitle: Quake hits the coast | Example News\n---\nQuake hits the coast\n\n"
         + "\n\n".join(STORY) + "\n", ["headline", "body", "body"]),
        # a title that is only punctuation or a number tells nothing: the guess decides
        ("dots.md", "---\ntitle: \"...\"\n---\nQuake hits the coast\n\nThousands feared dead\n\n"
         + "\n\n".join((LEDE, *STORY)) + "\n",
         ["headline", "headline", "body", "body", "body"]),  # no usable title: the plain-text guess, standfirst too
        # a first line in title case is a headline even when the front matter words it otherwise
        ("other.md", "---\ntitle: Quake kills thousands\n---\nQuake Strikes the Coast\n\n"
         + "\n\n".join((LEDE, *STORY)) + "\n", ["headline", "body", "body", "body"]),
    ],
)
def test_the_headline_guess_where_the_file_says_little(tmp_path, name, text, expected):
    assert _roles(tmp_path, name, text) == expected


def test_a_story_paragraph_printed_twice_keeps_its_first_copy(tmp_path):
    """A caption printed twice is two captions; a long story paragraph printed twice (a scraping
    slip) keeps its first copy in the story."""
    long = " ".join([LEDE, STORY[0], STORY[1]])
    text = "\n\n".join(("Quake hits the coast", long, long, STORY[0] + " More help arrived.",
                        "Rescuers search the rubble in the old town.", "Rescuers search the rubble in the old town.",
                        STORY[1] + " Schools stay shut.")) + "\n"
    assert _roles(tmp_path, "twice.txt", text) == ["headline", "body", "caption", "body", "caption", "caption", "body"]


def test_a_short_story_paragraph_told_in_the_past_and_printed_twice_keeps_its_first_copy(tmp_path):
    """Captions describe the picture in the present tense; a paragraph printed twice that reports
    in the past tense is the story's, however short, and only its repeat is display text."""
    lead = ("President Trump late Thursday tweeted that the newly released memos written by the former director "
            "showed clearly that there was no collusion with Russia.")
    text = "\n\n".join(("Trump tweets that the memos clear him", lead, lead, *STORY)) + "\n"
    assert _roles(tmp_path, "twice.txt", text) == ["headline", "body", "caption", "body", "body"]


def test_a_caption_printed_twice_stays_two_captions_whatever_its_participles(tmp_path):
    caption = ("President Donald Trump, accompanied by first lady Melania Trump, waves as he walks to Marine One "
               "on the South Lawn.")
    roles = _paragraph_roles(tmp_path, ["Trump Leaves for Florida", LEDE, caption, caption, *STORY])
    assert roles == ["headline", "body", "caption", "caption", "body", "body"]


def test_a_headline_printed_twice_is_the_headline_and_its_repeat(tmp_path):
    """A page's title above its heading: the first copy is the headline (and the source's title),
    the second its repeat; a caption printed twice at the top stays two captions."""
    head = "Chris Christie Announces He's Running For President In 2016"
    paragraphs = [head, head, " ".join(STORY), LEDE]
    loaded = load([_write(tmp_path, "\n\n".join(paragraphs) + "\n")])
    assert [p.role for p in loaded.paragraphs] == ["headline", "caption", "body", "body"]
    assert loaded.sources[0].title == head
    caption = ("U.S. Secretary of State John Kerry gestures while speaking to the media during a news conference "
               "with the Russian foreign minister in Moscow.")
    assert _paragraph_roles(tmp_path, [caption, caption, LEDE, *STORY]) == ["caption", "caption", "body", "body", "body"]


def _paragraph_roles(tmp_path, paragraphs: list[str]) -> list[str]:
    return _roles(tmp_path, "a.txt", "\n\n".join(paragraphs) + "\n")


def test_a_headline_in_sentence_case_with_a_full_stop_is_a_headline(tmp_path):
    roles = _paragraph_roles(tmp_path, [
        "North Korea to suspend nuclear missile tests and will close nuke test site.",
        "Kim suspends nuclear, missile tests.",
        "North Korean leader Kim Jong Un announced he will suspend nuclear and long-range missile tests "
        "and plans to close a nuclear test site.",
        *STORY,
    ])
    assert roles == ["headline", "headline", "body", "body", "body"]


def test_an_opening_sentence_after_a_headline_stays_story(tmp_path):
    # 24 words: longer than a standfirst runs
    roles = _paragraph_roles(tmp_path, [
        "Trump warns Iran on nuclear program as Macron aims to preserve pact.",
        "President Trump warned Iran's leaders that if Iran \"threatens\" the U.S. \"they will pay a price like no "
        'country has ever paid."',
        *STORY,
    ])
    assert roles == ["headline", "body", "body", "body"]


def test_a_dateline_opens_the_story_and_a_kicker_opens_a_headline(tmp_path):
    assert _paragraph_roles(tmp_path, [
        "WASHINGTON (Reuters) - President Barack Obama will meet Chinese President Xi Jinping on Friday in Washington.",
        *STORY,
    ])[0] == "body"
    assert _paragraph_roles(tmp_path, [
        "DESPERATION: DNC Files Multi-Million Dollar Lawsuit Against Russia, Trump Campaign for Collusion.",
        *STORY,
    ])[0] == "headline"


@pytest.mark.parametrize("dateline", ["WASHINGTON \u2014", "PALM BEACH, Fla. \u2014", "SEOUL, South Korea \u2014"])
def test_what_stands_above_the_dateline_is_display_text(tmp_path, dateline):
    """The dateline opens the story: a photo caption or a subheading set alone between the
    headline and it is not story, written as a sentence or not."""
    opening = f"{dateline} President Trump signaled on Tuesday that he was open to a new arrangement with allies."
    caption = ("President Trump and the first lady welcomed President Emmanuel Macron of France and his wife "
               "at the White House on Monday.")
    roles = _paragraph_roles(tmp_path, ["Trump Signals Openness to a New Deal", caption, opening, *STORY])
    assert roles == ["headline", "caption", "body", "body", "body"]
    markdown = "\n\n".join(("# Trump Signals Openness to a New Deal", "Macron Arrives for a State Visit", opening, *STORY))
    assert _roles(tmp_path, "a.md", markdown + "\n") == ["headline", "headline", "body", "body", "body"]
    # a first paragraph that opens with such a dateline is the story, not a headline
    assert _paragraph_roles(tmp_path, [f"{dateline} Officials said 1,500 homes were lost.", *STORY])[0] == "body"


def test_a_dateline_below_story_paragraphs_leaves_them_story(tmp_path):
    """Only one caption-sized paragraph is passed over: a dateline below two story paragraphs, or
    below a long one, opens a section."""
    dateline = "TOKYO \u2014 Aftershocks shook the capital overnight and trains stopped."
    two = ["Quake hits the coast", " ".join(STORY), LEDE, dateline]
    assert _paragraph_roles(tmp_path, two) == ["headline", "body", "body", "body"]
    long = ["Quake hits the coast", " ".join((LEDE, *STORY)), dateline, "Schools in the region stay shut this week."]
    assert _paragraph_roles(tmp_path, long) == ["headline", "body", "body", "body"]


def test_a_short_opening_sentence_dated_to_the_day_stays_story(tmp_path):
    assert _paragraph_roles(tmp_path, [
        "A strong earthquake struck central Mexico on Tuesday, killing at least 200 people.",
        *STORY,
    ])[0] == "body"
    # ... below a headline too: a lead, not a standfirst
    assert _paragraph_roles(tmp_path, [
        "Baghdad Market Bombing Kills 12",
        "A suicide bomber killed 12 people at a crowded market in Baghdad on Sunday, police said.",
        *STORY,
    ])[:2] == ["headline", "body"]


@pytest.mark.parametrize(
    "line",
    [
        "Published reports in Moscow said Lavrov had pressed Kerry on the issue of rebel groups in the north.",
        "Updated figures from the Syrian Observatory for Human Rights showed that at least 300 people had died.",
        "Contributing to the tension, Russian jets struck targets near the city on Thursday morning, witnesses said.",
        "Posted on the embassy's website, the statement said the ambassador had been recalled for consultations.",
        "Subscribers to Russian state television were shown footage of the meeting on the evening news.",
        "Sign up rates for the volunteer program doubled after the announcement, the ministry said.",
        "Posted on Facebook on Monday, the video shows Russian jets striking a market in the north.",
        "Published in March, the report said the war had killed 400,000 people in five years.",
        "Copyright lawyers for the Post said the photograph of the meeting had been taken by its staff.",
        "Compiled by military officers over months, the target list named 40 sites near the border.",
        "Reported by Russian state media on Thursday, the meeting was the first in a year.",
        "Edited by the White House, the statement left out the number of troops in the region.",
        "Additional reporting from the region suggested the toll was far higher than officials said.",
        "An image by Maxar Technologies, a satellite company, showed Russian helicopters at the base.",
        "The picture that emerges from the leaked document shows an administration willing to act alone.",
    ],
)
def test_story_paragraphs_that_open_like_furniture_stay_story(tmp_path, line):
    assert _paragraph_roles(tmp_path, ["Kerry and Lavrov agree on Syria plan", STORY[0], line, STORY[1]])[2] == "body"


@pytest.mark.parametrize(
    "line",
    [
        "(Reporting by Jane Doe in Geneva; Writing by John Roe; Editing by Mark Heinrich)",
        "Reporting by Jane Doe; additional reporting by John Roe in Washington; Editing by Mary Smith",
        "Additional reporting by Jane Doe in Moscow.",
        "Copyright 2016 The Associated Press. All rights reserved.",
        "First published on Wed 12 Jul 2017 14.00 BST",
        "President Trump speaks in the Rose Garden on Tuesday. Saul Loeb/AFP via Getty Images",
        "President Trump speaks in the Rose Garden on Tuesday. Doug Mills/The New York Times",
        "President Trump speaks in the Rose Garden on Tuesday. Evan Vucci/Associated Press",
        "Reuters/Kevin Lamarque",
        "Updated 10:45 a.m. ET",
        "Posted at 9:30 a.m. Friday",
        "Published at 11:02 a.m. on April 12, 2018",
        "Photo Credit: Jane Doe",
        "PHOTO BY JOHN MINCHILLO",
        "Additional reporting by the Associated Press.",
        "Additional reporting: Jane Doe",
        "2016-07-15T09:30:00Z",
        "July 15, 2016 / 10:32 AM / Updated 2 hours ago",
        "15 July 2016 \u2022 10:32am",
        "10:32 a.m. ET July 15, 2016",
        "Twitter",
        "Share full article",
        "Gift this article",
        "Sign In",
        "Get the latest news delivered to your inbox",
        "AFP via Getty Images",
        "John Kerry speaks in Geneva. REUTERS/Denis Balibouse",
        "Fri 15 Jul 2016 10.32 BST",
        "Last modified on Fri 15 Jul 2016 12.00 BST",
        "Image copyright Getty Images",
        "A photograph released by the state news agency shows the leader, center, at a party meeting in the capital.",
        "Share via Email",
        "Facebook Twitter Pinterest",
        "Click to share on Twitter (Opens in new window)",
        "Follow Jane Doe on Twitter: @janedoe",
        "Get the Morning Briefing newsletter delivered to your inbox.",
        "Related: Kerry, Lavrov meet in Geneva",
        "More: A minute-by-minute guide to the exclusive interview",
        "Contributing: Jane Doe",
        "Updated 12:30 p.m.",
    ],
)
def test_site_furniture_is_not_story(tmp_path, line):
    assert _paragraph_roles(tmp_path, ["Kerry and Lavrov agree on Syria plan", STORY[0], line, STORY[1]])[2] != "body"


def test_a_caption_in_a_file_of_one_paragraph_per_line_takes_only_its_neighbours(tmp_path):
    """Without blank lines the whole file is one run: a caption's fragments are the short lines
    beside it, not the headline or a subheading further away."""
    text = "\n".join([
        "Kerry and Lavrov agree on Syria ceasefire plan",
        "John Kerry and Sergei Lavrov met for twelve hours in Geneva on Friday to agree on a plan to halt the "
        "fighting in Syria, officials said.",
        "Kerry and Lavrov shake hands in Geneva. (AP Photo/Martial Trezzini)",
        STORY[0],
        "What comes next",
        STORY[1],
    ]) + "\n"
    assert _roles(tmp_path, "lines.txt", text) == ["headline", "body", "caption", "body", "body", "body"]
    assert load([tmp_path / "lines.txt"]).sources[0].title == "Kerry and Lavrov agree on Syria ceasefire plan"


@pytest.mark.parametrize(
    "byline,outlet",
    [
        ("By Jane Doe, The New York Times", "The New York Times"),
        ("By Jane Doe, Associated Press", "Associated Press"),
        ("By Jane Doe | Reuters", "Reuters"),
        ("By THE ASSOCIATED PRESS", "Associated Press"),
        ("By Jane Doe and John Roe", None),
        ("By Jane Doe, Times of Israel", "Times of Israel"),
        ("Copyright 2016-2018 The Associated Press. All rights reserved.", "Associated Press"),
    ],
)
def test_the_outlet_is_read_from_a_byline_that_names_the_writer_first(tmp_path, byline, outlet):
    text = "\n\n".join(["Kerry and Lavrov agree on Syria plan", byline, *STORY]) + "\n"
    loaded = load([_write(tmp_path, text)])
    assert loaded.paragraphs[1].role == "meta"
    assert loaded.sources[0].outlet == outlet


def _write(tmp_path, text: str):
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    return f


def test_a_byline_outranks_an_outlet_named_alone_on_a_credit_line(tmp_path):
    text = "\n\n".join(["Kerry and Lavrov agree on Syria plan", "Reuters", "By Jane Doe, CNN", *STORY]) + "\n"
    assert load([_write(tmp_path, text)]).sources[0].outlet == "CNN"


@pytest.mark.parametrize("head", ["By Land and Sea, Migrants Head for the Border", "By Friday, Trump Set for Showdown on the Wall"])
def test_a_headline_that_opens_with_by_is_no_byline(tmp_path, head):
    loaded = load([_write(tmp_path, "\n\n".join([head, *STORY]) + "\n")])
    assert loaded.paragraphs[0].role == "headline" and loaded.sources[0].title == head


def test_a_long_credit_line_that_is_not_one_is_read_at_once(tmp_path):
    """Names that end like the credit's linking words ("Kevin", "Berlin") once gave the pattern a
    choice at every word: a 50-word line that failed at its end took 22 s."""
    import time

    line = ("(Reporting by Justin Mitchell, Kevin Martin and Colin Franklin in Berlin, Erin Banco and Robin Emmott in "
            "Dublin, Gavin Jones and Austin Lin in Washington, Caroline Stauffer and Dustin Volz in Austin, Marvin Chan "
            "and Edwin Chan in Lin; Writing by Martin Petty; Editing by Kevin Liffey and Robin Pomeroy) 2nd version")
    start = time.perf_counter()
    roles = [p.role for p in load([_write(tmp_path, "\n\n".join([*STORY, line]) + "\n")]).paragraphs]
    assert time.perf_counter() - start < 2.0 and roles[-1] == "body"


def test_a_kicker_in_capitals_opens_a_headline_not_a_dateline(tmp_path):
    head = "EXCLUSIVE - U.S. weighs joint command with Russia in Syria"
    loaded = load([_write(tmp_path, "\n\n".join([head, *STORY]) + "\n")])
    assert [p.role for p in loaded.paragraphs] == ["headline", "body", "body"]
    assert loaded.sources[0].title == head


@pytest.mark.parametrize(
    ("line", "published"),
    [("July 15, 2016 10:32:45 AM", "2016-07-15"), ("Published 07/15/2016 10:32 AM", "2016-07-15"),
     ("15/07/2016", "2016-07-15"), ("07/08/2016", "None")],  # the last: July 8 or 7 August
)
def test_the_publication_date_is_read_from_a_date_line(tmp_path, line, published):
    loaded = load([_write(tmp_path, "\n\n".join(["Kerry and Lavrov agree on Syria plan", line, *STORY]) + "\n")])
    assert loaded.paragraphs[1].role == "meta"
    assert str(loaded.sources[0].published) == published


def test_the_first_publication_date_wins_over_an_update(tmp_path):
    text = "\n\n".join(["Kerry and Lavrov agree on Syria plan", "Updated July 16, 2016", "Published July 15, 2016", *STORY])
    _roles(tmp_path, "a.txt", text + "\n")
    assert str(load([tmp_path / "a.txt"]).sources[0].published) == "2016-07-15"


def test_a_short_opening_sentence_in_the_past_tense_stays_story(tmp_path):
    assert _paragraph_roles(tmp_path, ["Kerry and Lavrov agreed on a ceasefire plan for Aleppo in Geneva.", *STORY])[0] == "body"


def test_a_short_opening_sentence_that_the_lead_restates_is_the_headline(tmp_path):
    roles = _paragraph_roles(tmp_path, [
        "CIA Director Mike Pompeo met with Kim Jong Un over Easter weekend.",
        "CIA Director Mike Pompeo met with North Korean dictator Kim Jong Un over Easter weekend in an effort "
        "to lay the groundwork for a summit, officials confirmed.",
        *STORY,
    ])
    assert roles == ["headline", "body", "body", "body"]
    # a lead dated to the day, which the next paragraph tells at length, stays story
    roles = _paragraph_roles(tmp_path, [
        "Police arrested a man after a shooting in Dallas on Sunday.",
        "Police in Dallas arrested a man on Sunday after a shooting that left two people wounded, a "
        "spokesman for the department said.",
        *STORY,
    ])
    assert roles == ["body", "body", "body", "body"]


def test_a_headline_right_above_a_photo_credit_stays_the_headline(tmp_path):
    loaded = load([_write(tmp_path, "Kerry Strikes Deal With Russia on Syria\nAlexander Zemlianichenko/AP Photo\n\n"
                          + "\n\n".join((LEDE, *STORY)) + "\n")])
    assert [p.role for p in loaded.paragraphs] == ["headline", "meta", "body", "body", "body"]
    assert loaded.sources[0].title == "Kerry Strikes Deal With Russia on Syria"


def test_a_dateline_lead_after_an_image_placeholder_stays_story(tmp_path):
    lead = "MOSCOW \u2014 Secretary of State John Kerry said on Friday that the talks had gone well."
    roles = _paragraph_roles(tmp_path, ["Kerry Strikes Deal With Russia", "Image", lead, *STORY])
    assert roles[2] == "body"


def test_a_title_read_from_the_headline_keeps_its_typography(tmp_path):
    """The column header and the report show the headline as written (’ “ ” — é), not the
    folded form the matcher compares."""
    head = "Pompeo’s “secret” trip to North Korea — café"
    (tmp_path / "a.txt").write_text(
        f"{head}\n\nWASHINGTON — The secretary met Kim Jong Un over the Easter weekend, two officials said on Tuesday.\n",
        encoding="utf-8",
    )
    assert load([tmp_path / "a.txt"]).sources[0].title == head
