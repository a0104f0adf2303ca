"""Word lists the aligner relies on, in one place. Each list says what it is for.

They describe news typesetting and the outlets in general, never a particular article.
"""

from __future__ import annotations

import re

#: News organisations and agencies: canonical name -> other ways articles write it. Used to read a
#: source's outlet from its byline or copyright line, and to recognise "Reuters explains:"-style
#: attributions of a passage to an outlet.
OUTLETS: dict[str, tuple[str, ...]] = {
    "The New York Times": ("New York Times", "NYT", "NY Times", "The Times", "New York Times Company"),
    "The Washington Post": ("Washington Post", "WaPo", "The Post"),
    "The Wall Street Journal": ("Wall Street Journal", "WSJ"),
    "USA Today": ("USA TODAY",),
    "Los Angeles Times": ("LA Times", "L.A. Times"),
    "The Guardian": ("Guardian",),
    "The Times of London": (),
    "The Telegraph": ("Daily Telegraph",),
    "The Independent": (),
    "Financial Times": ("FT",),
    "The Economist": (),
    "Reuters": ("Thomson Reuters",),
    "Associated Press": ("The Associated Press", "AP"),
    "Agence France-Presse": ("AFP", "Agence France Presse"),
    "Bloomberg": ("Bloomberg News",),
    "ABC News": ("ABC",),
    "CBS News": ("CBS",),
    "NBC News": ("NBC",),
    "CNN": (),
    "Fox News": ("Fox", "FoxNews", "Fox News Channel"),
    "MSNBC": (),
    "NPR": ("National Public Radio",),
    "BBC": ("BBC News",),
    "Al Jazeera": ("Aljazeera",),
    "HuffPost": ("Huffington Post", "The Huffington Post"),
    "Breitbart": ("Breitbart News",),
    "Politico": (),
    "The Hill": (),
    "Axios": (),
    "Newsweek": (),
    "The Atlantic": (),
    "The National": (),
    "TASS": ("Itar-Tass",),
    "RIA Novosti": ("RIA",),
    "Interfax": (),
    "Xinhua": (),
    "Yonhap": (),
    "Kyodo": ("Kyodo News",),
    "Der Spiegel": ("Spiegel",),
    "Le Monde": (),
    "Daily Mail": ("Mail Online",),
    "The Daily Beast": ("Daily Beast",),
    "Vox": (),
    "Slate": (),
    "Business Insider": (),
    "Sputnik": (),
    "Russia Today": (),
    "Haaretz": (),
    "The Jerusalem Post": ("Jerusalem Post",),
    "Times of Israel": ("The Times of Israel",),
}

#: Every written form of an outlet name (lower case) -> its canonical name.
OUTLET_BY_ALIAS: dict[str, str] = {
    alias.lower(): canonical
    for canonical, aliases in OUTLETS.items()
    for alias in (canonical, *aliases)
}

#: Outlet names as a case-sensitive pattern, longest first so "The Washington Post" wins over
#: "Washington Post".
OUTLET_PATTERN = re.compile(
    r"\b(?:"
    + "|".join(re.escape(a) for a in sorted({a for c, al in OUTLETS.items() for a in (c, *al)}, key=len, reverse=True))
    + r")\b"
)

#: Whole paragraphs that are site furniture, not reporting (matched after folding, lower case,
#: surrounding punctuation removed).
BOILERPLATE_LINES = re.compile(
    r"^(?:related(?: topics| articles| stories| coverage| content)?|photograph|photo|image|video|advertisement|"
    r"ad|sponsored(?: content)?|powered by automated translation|automated translation|"
    r"please let us know if you're having issues with commenting|comments?|show comments|"
    r"share(?: this(?: article| story)?)?|share on \w+|tweet|email|print|"
    r"(?:click|tap) here.*|read more.*|read (?:the )?full (?:story|article).*|continue reading.*|"
    r"story continues below.*|listen to this article.*|(?:sign up|subscribe)(?:\b(?! rates?\b).{0,80})?|follow us.*|"
    r"share via \w+|(?:click|tap) to share.*|follow .{1,40} on (?:twitter|x|facebook|instagram|threads|bluesky).*|"
    r"(?:get|receive) (?:the|our) .{1,40} newsletter.*|.{0,60}newsletter (?:delivered )?to your inbox.*|"
    r"(?:related|watch|read|listen|more|see also|also read)\s*:.{0,100}|"
    r"(?:(?:facebook|twitter|pinterest|linkedin|whatsapp|email|reddit|messenger|print|copy link)\s*){1,}|"
    r"share (?:full )?(?:article|story)|gift (?:this )?(?:article|story)|save (?:this )?(?:article|story)|menu|"
    r"sign in|log in|"
    r"(?:get|receive) (?:the latest|our) .{1,60} (?:delivered )?(?:to|in) your inbox.*|"
    r"most (?:popular|read)|trending|more from .{1,40}|recommended(?: for you)?|you may also like|"
    r"skip to (?:main )?content|back to top|leave a comment|join the conversation|"
    r"this article was (?:originally )?published.*|this story has been updated.*|"
    r"all rights reserved\.?|loading(?:\.\.\.)?|watch(?: live)?|live updates)$"
)


class Guarded:
    """A pattern behind a quick test: `search` runs the regular expression only when the text
    holds one of `needs` (after `str.lower` when `lower`; or `starts` at its beginning), a test
    the pattern cannot match without. Most lines are long story paragraphs that an unanchored
    credit pattern would scan to the end for nothing: on the seeds the role rules took 13.0 ms
    without the guards and 9.5 ms with them (medians of 30 runs in turns). The test is made on
    ASCII text only, where `lower` is exactly what IGNORECASE matches (in other text, the Kelvin
    sign matches "k"): other text goes straight to the pattern."""

    __slots__ = ("pattern", "needs", "lower", "starts")

    def __init__(self, pattern: re.Pattern[str], needs: tuple[str, ...] = (), *, lower: bool = False,
                 starts: tuple[str, ...] = ()) -> None:
        self.pattern, self.needs, self.lower, self.starts = pattern, needs, lower, starts

    def search(self, text: str) -> re.Match[str] | None:
        if text.isascii():
            hay = text.lower() if self.lower else text
            if self.starts and not hay.startswith(self.starts):
                return None
            if self.needs and not any(n in hay for n in self.needs):
                return None
        return self.pattern.search(text)


#: A run of names in a credit line ("Jane Doe", "Charles de Gaulle"), each word read one way only.
_NAMES = r"(?:[A-Z][\w.'\u2019-]*+(?:\s+(?:[A-Z][\w.'\u2019-]*+|de|da|van|von|al|bin|el)\b)*+)"

#: Lines that describe the article rather than tell the story: byline, credit, copyright, length.
META_PATTERNS: tuple[re.Pattern[str] | Guarded, ...] = (
    # "By Jane Doe", "ByABC News", "By JANE DOE and JOHN ROE, Associated Press"
    re.compile(
        r"^By\s*[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|and|de|da|van|von|al|bin|el))*+"
        # ", Times of Israel" (not a headline: "By Land and Sea, Migrants Head for the Border")
        r"(?:,\s*[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|of|the))*+)?$"
    ),
    # "(Reporting by Jane Doe in Moscow; Editing by John Roe)": names after "by", nothing else
    # ("Reported by Russian state media on Thursday, the meeting..." is story)
    # (each word read one way only, and no step taken back: a long credit that fails at its end
    # fails at once)
    re.compile(
        r"^\(?(?i:written|reported|reporting|edited|editing|compiled) by\s+" + _NAMES
        + r"(?:(?:\s*[,;&]|\s+(?:and|in|from|at|by|with|for|additional|reporting|editing|writing)\b)(?:\s+"
        + _NAMES + r")?)*+\s*\)?\.?$"
    ),
    re.compile(r"^credit:", re.I),
    # "Copyright 2016 The Associated Press", "© Reuters" (not "Copyright lawyers said...")
    re.compile(r"^(?:copyright\b(?!\s+(?-i:[a-z]))|\(c\)|©)", re.I),
    Guarded(re.compile(r"\ball rights reserved\b", re.I), ("all rights reserved",), lower=True),
    re.compile(r"^word count:?\s*\d", re.I),
    re.compile(
        r"^(?:additional reporting(?:\s*:|\s+by\b|\s+from\s+(?-i:[A-Z]))|contributing(?:\s*:| reporting| writers?| editors?)|"
        r"contributors?:)",
        re.I,
    ),
    Guarded(re.compile(r"\bcontributed (?:reporting|to this (?:report|story|article))\b", re.I), ("contributed ",), lower=True),
    # "Updated 12:30 p.m.", "Published July 15, 2016", "Last modified on Fri 15 Jul 2016": a date or
    # time soon after (not "Published reports in Moscow said...")
    Guarded(re.compile(
        # a line of a date and time, not a sentence that opens so ("Published in March, the report said...")
        r"^(?=(?:\S+\s+){0,15}\S*$)(?!.*\b(?:the|a|an|said|says|was|were|is|are|has|have|had)\s)"  # ("a.m." is no "a")
        r"(?:updated|published|posted|last updated|last modified|first published)\b:?\s*(?:on\s+|at\s+)?"
        r"(?=.{0,12}(?:\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday)))",
        re.I,
    ), lower=True, starts=("updated", "published", "posted", "last ", "first ")),
    re.compile(r"^(?:source|sources):\s", re.I),
)

#: Photo credits at the end of a line ("... / AP", "Jane Doe/AP Photo", "(Getty Images)").
PHOTO_AGENCIES = (
    r"AP|AFP|EPA|Reuters|Getty Images|Getty|Bloomberg|Shutterstock|Sipa|Xinhua|TASS|Sputnik|UPI|"
    r"NurPhoto|Anadolu|Pool|AP Images|EPA-EFE|Corbis|Alamy|SOPA Images|LightRocket|Associated Press|"
    r"Agence France-Presse|The New York Times|New York Times|The Washington Post|Washington Post|Redux|"
    r"Polaris|ZUMA Wire|Zuma Press|Newscom"
)
CAPTION_PATTERNS: tuple[re.Pattern[str] | Guarded, ...] = (
    # "... / AP", "Doug Mills/The New York Times", "Saul Loeb/AFP via Getty Images"
    Guarded(re.compile(
        r"(?:/|\|)\s*(?:[A-Z][\w.'-]*\s+){0,4}(?:" + PHOTO_AGENCIES + r")(?:\s+via\s+(?:" + PHOTO_AGENCIES + r"))?"
        r"(?:\s+(?:Photo|Images|Pool))?\)?\.?\s*$"
    ), ("/", "|")),
    # a credit alone on its line: "Getty Images", "AFP via Getty Images"
    re.compile(r"^(?:[A-Z][\w.'-]*\s+via\s+)?(?:Getty Images|AP Photo|AFP Photo|Reuters Photo|EPA-EFE|Shutterstock)$"),
    Guarded(re.compile(r"\b(?:AP|AFP|Pool|File|Getty|Reuters|EPA|Staff) Photo\b"), (" Photo",)),
    re.compile(r"\((?:[^()]*\s)?(?:Photo|Photograph|Image)s? (?:by|credit|courtesy)\b", re.I),
    # "Photo by Jane Doe", "PHOTO CREDIT:" opening the line, a bracket, a sentence or a clause after
    # a comma or bar (not "An image by Maxar showed...")
    Guarded(re.compile(r"(?:^|[(.,|]\s*)(?i:photo|photograph|image|picture) (?i:by|credit|courtesy of)\b"),
            ("photo", "image", "picture"), lower=True),
    re.compile(r"^(?:Photo|Photograph|Image|Caption|Image caption|Picture)\s*:", re.I),
    re.compile(r"^Image (?:copyright|caption)\b", re.I),  # BBC: "Image copyright Getty Images"
    # "A photograph released by the state news agency shows the leader...": a picture described
    # (not "The picture that emerges from the document shows...")
    re.compile(
        r"^(?:An?|This|The)\s+(?:[\w-]+\s+){0,2}(?:photo(?:graph)?|image|picture)\b(?!\s+(?:that|which)\b)"
        r"[^.]{0,140}\bshows?\b"
    ),
    # "REUTERS/Denis Balibouse", "Reuters/Kevin Lamarque"
    Guarded(re.compile(r"\b(?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE)/[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*$"), ("/",)),
    re.compile(r"\((?:" + PHOTO_AGENCIES + r")(?: Photo| Images)?(?:/[^)]*)?\)\s*$"),
)

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: Past forms of irregular verbs (not "-ed"), those that are no present form too ("put", "read",
#: "hit" are left out): "met on Thursday" is the Thursday before the article.
#: Verbs that report what someone said, in the past: a paragraph with one reports, as a photo
#: caption (which describes the picture) does not.
REPORTED_SPEECH = frozenset(
    """said told tweeted wrote announced added asked replied declared insisted warned claimed confirmed
    reported stated acknowledged denied argued explained noted""".split()
)
IRREGULAR_PAST = frozenset(
    """met held came spoke began went took gave made sent saw knew left won lost fell rose broke brought
    bought caught chose drew drove ate fought found flew forgot got grew hung kept led meant paid ran sold
    sought shot sat slept stood struck swore taught thought threw understood woke wore wrote fled became
    withdrew arose stole spent lent built felt heard told said sank sang stuck stung swept swung tore
    undertook upheld overtook overthrew forbade froze hid""".split()
)

#: Words that never name a row's sub-topic, beside the matcher's stop words (which are kept as
#: the similarity model was fitted with them): hedges and modals, time words, reporting and
#: other all-purpose verbs. Read off the row labels of the seeds and NewsWCL50 events 0-4.
LABEL_FILLER = frozenset(
    """though although might may must shall should would could even still however yet also just
    exactly really very quite rather perhaps maybe already almost much many several another every
    whether whose whom according told tell say says said saying asked ask know knew think thought
    want wanted get got go going went come came make made take took let way thing things
    something anything nothing someone anyone everyone people time times day days week weeks
    month months year years today yesterday tomorrow last first next new recent recently ago later
    since""".split()
)
