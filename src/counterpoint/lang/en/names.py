"""English (and Spanish) words of actors' names (`nlp/names.py`): titles before a person's
name, the generic words of institutions' names, companies' legal forms, and how news writes an
alias. General vocabulary, never names of particular actors."""

from __future__ import annotations

import re

# Given names (the US Census Bureau's, `given_names.py`) tell a person the tagger took for an
# organisation ("Stormy Daniels", tagged ORG 42 times of 42 on 1,300 AllSides articles) from a
# company named after one.
from counterpoint.lang.en.given_names import GIVEN_NAMES as GIVEN_NAMES
from counterpoint.lang.en.given_names import MALE_GIVEN_NAMES as MALE_GIVEN_NAMES
from counterpoint.lang.en.given_names import UNISEX_GIVEN_NAMES as UNISEX_GIVEN_NAMES

# Words that precede a person's name without being part of it.
TITLES = set(
    """
    president vice prime minister secretary senator sen representative rep congressman
    congresswoman governor gov mayor judge justice general gen colonel col captain capt admiral
    lieutenant lt sergeant sgt commander chief ambassador king queen prince princess pope father
    rev reverend sheikh mr mrs ms miss dr prof professor sir dame lord lady former late then
    defense defence interior foreign finance economy deputy attorney chancellor premier dictator
    leader spokesman spokeswoman spokesperson ltg maj major adm brig cmdr cpl pvt det detective
    officer sheriff atty the señor señora doña presidente ministro
    ministra general senador senadora alcalde gobernador
    """.split()
)

# Forms of address that make whom they precede a person, whatever the tagger's label ("Ms
# Daniels", "Mr Stone" written without a stop are often its organisations). Not "Dr", which
# brands carry ("Dr Pepper").
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx"}

# A person's name as the given-name rules read it: a given name and one or two more words.
PERSON_NAME_WORDS = (2, 3)

# Two capitals alone are a state's or a province's postal code more often than a body's
# initials ("NY", "VA", "DC"): a place so written is not read as a body's initials.
PLACE_CODE_MAX_CHARS = 2

# Words an institution's name can be made of without naming any one institution: "Congress",
# "the Supreme Court", "Ministry of Foreign Affairs" name a different body in each country.
GENERIC_ORG_WORDS = set(
    """
    ministry department office council cabinet government congress senate parliament assembly
    house chamber court tribunal bank police army navy military force forces armed air guard agency
    commission committee authority board central supreme constitutional national federal state
    republic electoral ombudsman people peoples public prosecutor prosecutors attorney general
    defense defence interior foreign affairs finance economy justice health education trade
    commerce agriculture energy mines labor labour environment transport security intelligence
    treasury representatives legislature legislative executive judiciary presidency palace
    opposition ruling party senado congreso ministerio corte policia ejercito gobierno
    """.split()
)
# The words joining the items of a list of names ("Facebook and Instagram").
LIST_CONJUNCTIONS = {"and"}
# Words between the words of a name that initials skip: "Ministry of Foreign Affairs".
CONNECTIVES = {"of", "the", "for", "and", "on", "in", "at", "de", "del", "la", "los", "las", "y"}
# Connectives ending a name the tagger ran into the next words: "Ilhan Omar of", "Christie and".
TRAILING_CONNECTIVES = re.compile(rf"(?:\W+(?:{'|'.join(sorted(CONNECTIVES))}))+\W*$", re.I)
# Last words of a company's name.
COMPANY_ENDINGS = {
    "inc", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "sa", "ag",
    "gmbh", "nv", "bv", "group", "holdings", "holding", "sac", "spa", "ltda",
}  # fmt: skip
# The endings that make a name a company's in law, not only in words ("Wagner Group" beside a
# "Wagner", "Obama & Co."): a name the corpus writes with one is a company's whatever the
# tagger said.
LEGAL_FORMS = COMPANY_ENDINGS - {"company", "group", "holdings", "holding", "co"}
# Names of what actors pass, propose or catch, which the tagger takes for organisations or
# persons: laws, plans and amendments by their last word (in a name of two words or more: "the
# Defense of Marriage Act", "Clean Power Plan"), diseases by their names.
NOT_ACTOR_LAST_WORDS = {"act", "plan", "amendment"}
# Nouns of a unit of an organisation: "the NBC News Verification Unit", "the CIA Center for Cyber
# Intelligence", "the FBI Washington Field Office" are parts of NBC News, the CIA, the FBI.
UNIT_NOUNS = {
    "unit", "center", "centre", "division", "office", "team", "desk", "school", "laboratory",
    "lab", "program", "programme", "project", "initiative",
}  # fmt: skip
# Last words of a place's name that the tagger takes for a person's ("John Wayne Airport",
# "Trump Tower"); not words that are also surnames ("Park", "Hall", "Street").
FACILITY_WORDS = {
    "airport", "tower", "towers", "port", "station", "stadium", "arena", "bridge", "hospital",
    "university", "college", "school", "avenue", "boulevard", "prison", "museum", "library",
    "hotel", "building", "airbase",
}  # fmt: skip
NOT_ACTOR_NAMES = {"covid", "covid 19", "coronavirus", "sars cov 2", "ebola", "zika"}
# The nouns a government department is named by: "the State Department", "the Department of
# State" and "the Ministry of State" are one body's names.
DEPARTMENT_NOUNS = {"department", "ministry", "dept"}
# An office's title names its department by a short name the tagger takes for an organisation:
# "Secretary of State Ida Voss", "the minister of the Interior" (before the name), "Treasury
# Secretary Ida Voss", "the Defence Minister" (after it).
OFFICE_TITLE_BEFORE = re.compile(
    r"\b(?:(?:under|deputy\s+|assistant\s+)?secretary|secretaries|ministers?)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
OFFICE_TITLE_AFTER = re.compile(
    r"\s+(?:(?:under)?secretary|secretaries|ministers?)\b", re.IGNORECASE
)
OFFICE_NAME_MAX_WORDS = 4  # "Housing and Urban Development"; longer spans hold more than a name
# Last words of a name in an office's title that make it a body of its own, not a department's
# short name ("Secretary of the Army", "Cabinet Secretary", "Party Secretary"), or no body
# at all ("Press Secretary").
OWN_BODY_WORDS = set(
    """
    army navy force forces corps guard marines cabinet council committee party office house
    senate congress parliament assembly government administration commission agency bureau
    press
    """.split()
)
# Labels whose names English always capitalises: a person or a place the tagger finds in lower
# case is none ("n’t", "vaccine hesitancy", "op-ed": 180 of 48,717 persons and places on 1,300
# AllSides articles, almost all junk). Bodies ("the justice department") and peoples
# ("democrats") are written in lower case too.
CAPITALISED_LABELS = {"PERSON", "GPE"}
# Legal forms: the same company with or without them.
COMPANY_FORMS = {
    "inc", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "sa", "ag",
    "gmbh", "nv", "bv", "sac", "spa", "ltda",
}  # fmt: skip
# Words of the name of a public body.
PUBLIC_WORDS = {
    "ministry", "department", "congress", "senate", "parliament", "assembly", "court",
    "tribunal", "police", "army", "navy", "agency", "commission", "council", "government",
    "electoral", "ombudsman", "prosecutor", "legislature", "cabinet", "presidency", "military",
}  # fmt: skip

# "(CNE)", "(aka AMLO)", ", known as El Chapo": an alias given right after a name.
NICKNAME_CUE = r"(?:also\s+)?(?:aka|a\.k\.a\.|known\s+as|dubbed|nicknamed)\s+"
ALIAS_AFTER = re.compile(
    rf"""^\s*(?:\(\s*(?P<cue>{NICKNAME_CUE})?|,?\s*(?P<said>{NICKNAME_CUE}))"""
    r"""["“]?(?P<alias>[A-Z][^()"”,;]{1,39}?)["”]?\s*[),;.]"""
)
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")  # "the Ministry's"
# One thing a person owns is no part of the person's name: "Ida Voss's Instagram" (but in
# "Tallow Radio's Ida Voss" the person comes after it).
OWNED = re.compile(r"['’]s\s+\S+\s*$")
# And an organisation is no part of its owner's name: "Ida Voss's Tallowleaks" is Tallowleaks,
# "Tallow Radio's Voss" (a reporter the tagger took in) Tallow Radio, where the text also writes
# that part alone ("Moody's Investors Service" keeps its possessive).
OWNER = re.compile(r"^(?P<owner>.+?)['’]s\s+(?=\S)")
# A dash after a space ends a name where what follows is no name: a headline's or a caption's
# words ("Barack Obama - paid for by ...", "Donald Trump Jr -", "Ida Voss — the senator");
# "Rolls-Royce", and "T - Mobile" as tokenised text is rebuilt, keep theirs.
NAME_BREAK = re.compile(r"\s(?:-+(?!\s*[A-Z])|[–—]).*$", re.DOTALL)
# A web address or a handle ends a name too: a tweet's "James Comey pic.twitter.com/x9Z".
NAME_LINK = re.compile(
    r"(?:^|\s+)(?:\S*(?:https?:|www\.|\.(?:com|org|net|gov)\b)|@)\S*.*$", re.DOTALL
)
# Short forms of given names news writes for the full one ("Bob Mueller", "Robert Mueller").
# Only forms that stand for one given name.
GIVEN_NAME_FORMS = {
    "bob": "robert", "bobby": "robert", "rob": "robert", "jim": "james", "jimmy": "james",
    "bill": "william", "billy": "william", "mike": "michael", "joe": "joseph", "tom": "thomas",
    "tommy": "thomas", "dick": "richard", "rick": "richard", "chuck": "charles",
    "charlie": "charles", "dan": "daniel", "danny": "daniel", "dave": "david", "chris":
    "christopher", "tony": "anthony", "jeff": "jeffrey", "ken": "kenneth", "larry": "lawrence",
    "matt": "matthew", "nick": "nicholas", "pete": "peter", "sam": "samuel", "ben": "benjamin",
    "andy": "andrew", "greg": "gregory", "liz": "elizabeth", "beth": "elizabeth", "kathy":
    "katherine", "jen": "jennifer", "jenny": "jennifer", "sue": "susan", "debbie": "deborah",
}  # fmt: skip
# A generation written after a name makes another person: "Donald Trump Jr" is not "Donald Trump".
GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}
ARTICLES = {"the"}  # dropped before a name: "the Ministry"
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# What a name shown is not to end with: "Crooked Hillary &", "Trump *", "Trump:".
TRAILING_MARKS = re.compile(r"[\s&*:;,]+$")
# A sentence's full stop the tagger took into a person's name ("Tammy Bruce."), not an
# abbreviation's ("Jr.", "Sr."); places and bodies keep theirs ("Calif.", "Corp.").
SENTENCE_STOP = re.compile(r"(?<=[a-z]{3})\.$")
