"""Word lists the flag detectors rely on, in one place. Each list says what it is for.

They describe how English news reports state, hedge, negate, count, date and name things in
general; none of them was written for one sentence of one article. Everything is lower case
unless said otherwise.
"""

from __future__ import annotations

from aligner.lexicons import OUTLETS

# --- names -----------------------------------------------------------------------------------

#: Several names for one organisation, place or body: canonical key -> the ways reports write it.
#: Two names that reach the same key are compatible, never a `name` discrepancy.
ALIASES: dict[str, tuple[str, ...]] = {
    "islamic state": ("isis", "isil", "is", "islamic state of iraq and syria", "islamic state of iraq and the levant",
                      "islamic state of iraq and al-sham", "daesh", "da'esh", "daish"),
    "nusra front": ("al-nusra", "al nusra", "nusra", "al-nusra front", "al nusra front", "jabhat al-nusra",
                    "jabhat al nusra", "jabhat nusra", "nusra front", "the nusra front", "jabhat fateh al-sham",
                    "jabhat fatah al-sham"),
    "al qaeda": ("al-qaeda", "al-qaida", "al qaida", "qaeda", "qaida", "alqaeda"),
    "hezbollah": ("hizbollah", "hizbullah", "hizballah"),
    "taliban": ("the taliban",),
    "hamas": (),
    "united states": ("us", "u.s", "u.s.", "usa", "u.s.a", "u.s.a.", "america", "united states of america",
                      "the united states", "american", "americans", "washington"),
    "united kingdom": ("uk", "u.k", "u.k.", "britain", "great britain", "british", "london"),
    "russia": ("russian federation", "russian", "russians", "moscow", "kremlin", "the kremlin"),
    "china": ("prc", "people's republic of china", "chinese", "beijing"),
    "north korea": ("dprk", "d.p.r.k", "democratic people's republic of korea", "north korean", "north koreans",
                    "pyongyang"),
    "south korea": ("rok", "republic of korea", "south korean", "south koreans", "seoul"),
    "iran": ("islamic republic of iran", "iranian", "iranians", "tehran"),
    "syria": ("syrian arab republic", "syrian", "syrians", "damascus"),
    "israel": ("israeli", "israelis"),
    "ukraine": ("ukrainian", "ukrainians", "kiev", "kyiv"),
    "european union": ("eu", "e.u", "e.u.", "brussels"),
    "united nations": ("un", "u.n", "u.n.", "the un"),
    "nato": ("north atlantic treaty organization", "the alliance"),
    "white house": ("the white house",),
    "pentagon": ("defense department", "department of defense", "dod", "the pentagon"),
    "state department": ("department of state", "the state department", "state dept"),
    "justice department": ("department of justice", "doj", "justice dept"),
    "fbi": ("federal bureau of investigation", "f.b.i", "f.b.i."),
    "cia": ("central intelligence agency", "c.i.a", "c.i.a."),
    "dnc": ("democratic national committee", "d.n.c"),
    "rnc": ("republican national committee",),
    "gop": ("republican party", "republicans"),
    "democratic party": ("democrats",),
    "congress": ("capitol hill",),
    "kcna": ("korean central news agency",),
    "demilitarized zone": ("dmz",),
    **{canonical.lower(): tuple(a.lower() for a in aliases) for canonical, aliases in OUTLETS.items()},
}

#: Alias keys of countries and blocs (their capitals and adjectives are aliases): nearly every
#: sentence of an international story names them, so sharing one is no sign of the same event.
COUNTRY_KEYS = frozenset(
    ("united states", "united kingdom", "russia", "china", "north korea", "south korea", "iran", "syria",
     "israel", "ukraine", "european union", "united nations", "nato")
)

#: Names nearly every sentence of a political story uses (countries, parties, the seat of
#: government): sharing one of them says little about being the same event or the same body.
WEAK_ANCHORS = COUNTRY_KEYS | frozenset(
    ("democrat", "democrats", "democratic", "republican", "republicans", "gop", "democratic party", "white house",
     "congress", "senate", "house", "administration", "government")
)

#: Given names that stand for one another (nicknames, short forms). Lower case.
NICKNAMES: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "richard rick rich dick", "rudolph rudolf rudy", "robert bob rob bobby", "william bill will billy", "michael mike mick",
        "james jim jimmy jamie", "joseph joe", "thomas tom tommy", "charles charlie chuck", "edward ed ted eddie",
        "anthony tony", "christopher chris", "daniel dan danny", "david dave", "donald don", "elizabeth liz beth betty",
        "katherine kathy kate katie catherine", "margaret maggie peggy meg", "nicholas nick", "patrick pat",
        "peter pete", "samuel sam", "stephen steve steven", "timothy tim", "alexander alex sasha", "andrew andy drew",
        "benjamin ben", "deborah debbie deb", "jennifer jen jenny", "kenneth ken", "lawrence larry",
        "matthew matt", "nathaniel nate", "philip phil", "raymond ray", "ronald ron", "gerald gerry jerry",
        "jeffrey jeff", "gregory greg", "frederick fred", "albert al", "alfred al", "jonathan jon",
        "rebecca becky", "susan sue", "theodore ted teddy", "vladimir vova", "mitchell mitch", "zachary zach",
    )
)

#: Titles and honorifics, left out when two personal names are compared ("Mr. Kerry" = "John Kerry").
TITLES = frozenset(
    """mr mrs ms miss dr sir dame lord lady president vice prime minister secretary sen senator rep representative
    gov governor gen general col colonel lt maj adm admiral sgt capt captain chancellor king queen prince princess
    sheikh pope rev reverend judge justice chief director ambassador foreign defense state deputy attorney
    spokesman spokeswoman spokesperson leader chairman chairwoman chair mayor premier commander officer
    former acting then u.s us""".split()
)

#: Words that tell apart two different bodies or places with otherwise the same name ("North
#: Korea" / "South Korea", "House ... Committee" / "Senate ... Committee"): a name differing only in
#: one of these names a different thing, not the same thing differently.
CONTRASTIVE_NAME_WORDS = frozenset(
    """north south east west northern southern eastern western central upper lower new old
    house senate first second third""".split()
)

#: Nationality and place adjectives: they describe a name ("French President Emmanuel Macron"),
#: they are not part of it.
DEMONYMS = frozenset(
    """american british english french german italian spanish russian chinese japanese korean iranian
    iraqi syrian israeli palestinian saudi turkish egyptian jordanian lebanese afghan pakistani indian
    canadian mexican brazilian ukrainian polish dutch belgian swiss swedish norwegian danish finnish
    greek european african asian arab western eastern northern southern north south""".split()
)
#: Name words that only make sense with another word: the head of a body's name ("Joint Operation
#: Group"). Two names sharing only such a head may be two different bodies.
GENERIC_NAME_HEADS = frozenset(
    """committee group department council party front agency ministry office commission court university
    institute house center centre force forces army union association company bank fund command
    organization organisation foundation administration service services board authority corps brigade
    division battalion regiment mechanism movement coalition alliance network""".split()
)
#: Suffixes of personal names, not name words of their own.
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())

#: Lower-case words that may sit inside a proper name ("Army of Islam", "Jabhat al-Nusra").
NAME_CONNECTORS = frozenset("of for the al el bin ibn de del della da di du van von der le la".split())

#: Capitalised words that do not start a name when they open a sentence or follow a quote mark.
NOT_NAMES = frozenset(
    """a an the this that these those it its he she they we i you his her their our my your there here
    in on at by for from with without to of as after before during while when where why how what which who
    but and or nor so yet if although though because since unless until despite however meanwhile still
    also even just only now then today yesterday tomorrow tonight both neither either each every all any
    some many most more few several no not one two three four five six seven eight nine ten
    mr mrs ms dr according asked said says told last next earlier later prior amid among despite following
    given including instead meanwhile nevertheless nonetheless currently recently significantly
    unfortunately indeed already another other such like unlike regardless monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october november
    december""".split()
)

# --- reporting verbs and credits -----------------------------------------------------------------

#: Verbs that attribute a statement to its speaker or source ("X said", "reports X").
REPORTING_VERBS = frozenset(
    """said says say told tells added adds noted notes explained explains wrote writes reported reports
    stated states declared declares acknowledged acknowledges announced announces confirmed confirms claimed
    claims insisted insists argued argues warned warns tweeted tweets observed observes according
    remarked remarks commented comments emphasized emphasised asserted asserts highlighted highlights
    revealed reveals recalled recalls continued continues replied replies responded responds""".split()
)

# --- certainty -----------------------------------------------------------------------------------

#: Predicates whose state (done, or only proposed/possible) reports disagree on. Each class maps the
#: stems that express it; a certainty flag compares two sentences that use the same class.
STATUS_CLASSES: dict[str, frozenset[str]] = {
    "agreement": frozenset("agre agreement deal accord pact treati truce settlement compromis".split()),
    "charge": frozenset("charg indict convict sentenc".split()),
    "withdrawal": frozenset("withdraw withdrew pullout exit".split()),
    "approval": frozenset("approv ratifi".split()),
}
#: Verbs that present a status predicate as done ("have agreed", "reached a deal", "signed").
COMPLETION_VERBS = frozenset(
    """agreed reached struck signed sealed clinched concluded finalized finalised approved ratified passed
    announced announces announce secured brokered completed indicted charged convicted sentenced
    withdrew withdrawn""".split()
)
#: Words that present a statement as less than done: possible, preliminary, alleged, unconfirmed.
#: These do not depend on when the article was written, so they can disagree with a report of the
#: same thing as done.
HEDGES = frozenset(
    """possible possibly potential potentially preliminary tentative tentatively apparent apparently
    appeared appears appear seemed seems seem alleged allegedly reportedly purported purportedly
    unconfirmed rumored rumoured might may could perhaps probably likely unlikely maybe suggest suggests
    suggested suggesting draft partial conditional""".split()
)
#: Of those, the modal verbs: too common to stand as a hedge between two sentences the matcher did
#: not pair ("could pass both houses" is about another bill than "passed by Congress").
MODAL_HEDGES = frozenset("might may could perhaps probably likely unlikely maybe".split())
#: Hedges that point to the future (proposed, expected, planned): a report written before the event
#: naturally uses them, so they only disagree with "done" when the hedging article is not older.
FUTURE_HEDGES = frozenset(
    """proposed proposal planned prospective upcoming expected intended envisaged""".split()
)
#: Words that report the thing as denied or not happening.
DENIALS = frozenset("denied denies deny refuted dismissed rejected".split())

# --- negation --------------------------------------------------------------------------------------

#: Negation cues. "n't" is matched as a token suffix.
NEGATIONS = frozenset("not no never neither nor none nobody nothing nowhere cannot".split())
#: Expressions that contain a negation word but do not negate the clause.
NOT_NEGATING = (
    "not only", "not just", "not merely", "no doubt", "no matter", "nothing but", "not least", "if not",
    "whether or not", "or not", "no less", "not to mention", "no sooner", "none other", "not until",
    "not least because", "no longer than", "nothing less", "not the first",
)
#: Words after which a negation belongs to the next clause, and clause breaks ending a scope.
CLAUSE_BREAKS = frozenset(
    "but although though while whereas because since unless however yet which who whom whose that if whether".split()
)

#: Pairs of words with opposite meaning (both orders apply). Stems of either form are compared, so
#: "accepted" / "rejected" and "rises" / "fell" are found.
ANTONYMS: tuple[tuple[str, str], ...] = (
    ("accept", "reject"), ("approve", "reject"), ("approve", "veto"), ("rise", "fall"), ("rose", "fell"),
    ("increase", "decrease"), ("increase", "reduce"), ("raise", "lower"), ("gain", "lose"), ("win", "lose"),
    ("won", "lost"), ("support", "oppose"), ("allow", "forbid"), ("allow", "ban"), ("allow", "prohibit"),
    ("permit", "forbid"), ("confirm", "deny"), ("admit", "deny"), ("include", "exclude"), ("open", "close"),
    ("opened", "closed"), ("agree", "disagree"), ("legal", "illegal"), ("guilty", "innocent"),
    ("alive", "dead"), ("survive", "die"), ("present", "absent"), ("success", "failure"),
    ("succeed", "fail"), ("succeeded", "failed"), ("strengthen", "weaken"), ("expand", "shrink"),
    ("start", "stop"), ("begin", "end"), ("resume", "suspend"), ("resume", "halt"), ("lift", "impose"),
    ("acquit", "convict"), ("acquitted", "convicted"), ("release", "detain"), ("released", "arrested"),
    ("before", "after"), ("above", "below"), ("more", "less"), ("more", "fewer"), ("higher", "lower"),
    ("majority", "minority"), ("ally", "enemy"), ("friend", "enemy"), ("public", "secret"), ("public", "private"),
    ("on", "off"), ("near", "far"), ("inside", "outside"), ("indoors", "outdoors"), ("up", "down"),
    ("into", "out"), ("onto", "off"), ("full", "empty"), ("asleep", "awake"), ("wet", "dry"),
    ("happy", "sad"), ("large", "small"), ("big", "small"), ("fast", "slow"), ("long", "short"),
    ("old", "young"), ("old", "new"), ("hot", "cold"), ("light", "dark"), ("day", "night"),
    ("first", "last"), ("same", "different"), ("always", "never"), ("everyone", "nobody"),
    ("fold", "unfold"), ("tie", "untie"), ("pack", "unpack"), ("load", "unload"), ("lock", "unlock"),
    ("dress", "undress"), ("cover", "uncover"), ("plug", "unplug"), ("buckle", "unbuckle"), ("zip", "unzip"),
    ("add", "remove"), ("put", "remove"), ("enter", "exit"), ("enter", "leave"), ("arrive", "leave"),
    ("arrive", "depart"), ("push", "pull"), ("sit", "stand"), ("sitting", "standing"), ("clean", "dirty"),
    ("clean", "dirtying"), ("win", "defeat"), ("peace", "war"), ("legal", "unlawful"), ("lawful", "unlawful"),
    ("true", "false"), ("correct", "incorrect"), ("possible", "impossible"), ("likely", "unlikely"),
    ("with", "without"),
)
#: Antonym pairs that only count when the rest of the two clauses is the same word for word
#: (they are too common to stand on topical overlap): particles, prepositions and generic adjectives.
WEAK_ANTONYMS = frozenset(
    """on off near far inside outside indoors outdoors up down into out onto before after above below
    more less fewer first last same different old new large small big long short with without day night
    light dark higher lower""".split()
)

# --- numbers ---------------------------------------------------------------------------------------

NUMBER_WORDS: dict[str, float] = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
    "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
#: Multipliers written after a number ("300 million", "$1.5bn").
SCALES: dict[str, float] = {
    "hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12,
}
#: Words before a number that make it a range rather than an exact figure: word -> (low factor,
#: high factor) applied to the value. "about 300" covers 270-330; "more than 50" is (50, inf).
APPROXIMATORS: dict[str, tuple[float, float]] = {
    "about": (0.85, 1.15), "around": (0.85, 1.15), "roughly": (0.85, 1.15), "approximately": (0.9, 1.1),
    "some": (0.8, 1.2), "nearly": (0.8, 1.0), "almost": (0.8, 1.0), "close to": (0.8, 1.05),
    "an estimated": (0.8, 1.2), "estimated": (0.8, 1.2), "up to": (0.0, 1.0), "as many as": (0.0, 1.0),
    "as much as": (0.0, 1.0), "at most": (0.0, 1.0), "no more than": (0.0, 1.0), "under": (0.0, 1.0),
    "less than": (0.0, 1.0), "fewer than": (0.0, 1.0), "below": (0.0, 1.0), "more than": (1.0, float("inf")),
    "over": (1.0, float("inf")), "above": (1.0, float("inf")), "at least": (1.0, float("inf")),
    "upwards of": (1.0, float("inf")), "in excess of": (1.0, float("inf")), "just over": (1.0, 1.2),
    "just under": (0.8, 1.0), "well over": (1.0, float("inf")), "dozens of": (1.0, float("inf")),
    "hundreds of": (1.0, float("inf")), "thousands of": (1.0, float("inf")), "millions of": (1.0, float("inf")),
}
#: Units that convert into one another: unit word -> (dimension, factor to the base unit).
UNITS: dict[str, tuple[str, float]] = {
    "km": ("length", 1000), "kilometer": ("length", 1000), "kilometre": ("length", 1000),
    "mile": ("length", 1609.344), "mi": ("length", 1609.344), "meter": ("length", 1), "metre": ("length", 1),
    "m": ("length", 1), "foot": ("length", 0.3048), "feet": ("length", 0.3048), "ft": ("length", 0.3048),
    "yard": ("length", 0.9144), "inch": ("length", 0.0254), "cm": ("length", 0.01),
    "kg": ("mass", 1), "kilogram": ("mass", 1), "kilo": ("mass", 1), "pound": ("mass", 0.45359),
    "lb": ("mass", 0.45359), "ton": ("mass", 1000), "tonne": ("mass", 1000), "gram": ("mass", 0.001),
    "liter": ("volume", 1), "litre": ("volume", 1), "gallon": ("volume", 3.785), "barrel": ("volume", 159),
    "hectare": ("area", 1e4), "acre": ("area", 4046.86), "sq km": ("area", 1e6),
    "second": ("time", 1), "minute": ("time", 60), "hour": ("time", 3600), "day": ("time", 86400),
    "week": ("time", 604800), "month": ("time", 2629800), "year": ("time", 31557600), "decade": ("time", 315576000),
    "percent": ("percent", 1), "per cent": ("percent", 1), "%": ("percent", 1), "percentage point": ("percent", 1),
    "dollar": ("usd", 1), "$": ("usd", 1), "usd": ("usd", 1), "euro": ("eur", 1), "€": ("eur", 1),
    "pound sterling": ("gbp", 1), "£": ("gbp", 1),
}
#: Words that, following a number, are not a counted thing (the number is a time, an age, a rank...).
NOT_COUNTED = frozenset(
    """a.m am p.m pm gmt utc et est edt bst of th st nd rd times""".split()
)
#: What befell the people or things counted: "killed 12 people" and "injured 40 people" count two
#: groups, and so do "12 people were arrested" and "40 people fled". Stems and words.
COUNT_OUTCOMES: dict[str, frozenset[str]] = {
    "dead": frozenset("kill killed killing die died dead death deaths fatal fatality fatalities toll".split()),
    "hurt": frozenset("injur injured injuring injuri injuries wound wounded wounding hurt".split()),
    "held": frozenset("arrest arrested detain detained jail jailed captur captured".split()),
    "missing": frozenset("miss missing".split()),
    "displaced": frozenset("displac displaced evacu evacuated fled flee homeless".split()),
    "rescued": frozenset("rescu rescued".split()),
}
#: A change, not a level: "fell 0.2 percent" against "fell to 4.1 percent".
CHANGE_VERBS = frozenset(
    """rose rise rises risen rising fell fall falls fallen falling increased increase increases decreased
    decrease decreases dropped drop drops climbed climb climbs grew grow grows jumped jump jumps declined
    decline declines gained gain gains lost lose loses slipped slid surged soared plunged tumbled up down""".split()
)
#: Vague quantities: never compared with an exact figure.
VAGUE_QUANTITIES = frozenset("several few many numerous various multiple some couple dozens scores".split())

# --- dates and events ----------------------------------------------------------------------------

#: What happened when: event classes and the stems that express them. A date is compared only
#: between two sentences that date the same class of event (and share a participant).
EVENT_CLASSES: dict[str, frozenset[str]] = {
    "meeting": frozenset("meet met meetings meeting talk talks discuss discussion discussions summit sat".split()),
    "announcement": frozenset(
        "announc announcement confer conference briefing unveil unveiled declar declaration".split()
    ),
    "arrival": frozenset("arriv land landed reach".split()),
    "departure": frozenset("left leav depart departur".split()),
    "visit": frozenset("visit trip travel traveled travelled tour".split()),
    "publication": frozenset("publish leak leaked releas".split()),
    "signing": frozenset("sign signed".split()),
    "attack": frozenset("attack strike struck bomb bombard airstrik shell fire fired launch launched".split()),
    "test": frozenset("test tested".split()),
    "vote": frozenset("vote voted ballot elect election".split()),
    "hearing": frozenset("hear hearing testifi testimoni".split()),
    "death": frozenset("die died death kill killed".split()),
    "arrest": frozenset("arrest arrested detain detained".split()),
    "filing": frozenset("file filed lawsuit sue su".split()),
    "tweet": frozenset("tweet tweeted".split()),
    "call": frozenset("call phone".split()),
    "speech": frozenset("speech spoke address".split()),
}
#: Words near a day name that put the event close to midnight or in another time zone: a one-day
#: difference is then no discrepancy ("announced early Saturday" / "Friday's announcement").
DAY_EDGE_WORDS = frozenset(
    """early late night overnight midnight morning evening tonight local time gmt utc est edt pdt pst bst
    cet kst msk dawn""".split()
)
#: Future markers: a weekday in a future-tense clause is the next such day, not the last one.
FUTURE_MARKERS = frozenset("will 'll shall upcoming next scheduled expected plans plan planned".split())
#: Words that with a following "to" point to the future ("is to visit", "set to meet", "due to vote").
FUTURE_BEFORE_TO = frozenset("is are set due going scheduled expected".split())
