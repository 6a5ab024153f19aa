"""Names of actors: how they are normalised and compared. Word lists here are general English
(and Spanish) vocabulary of titles and institutions, never names of particular actors."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

# Words that precede a person's name without being part of it.
TITLES = set(
    """
    president vice prime minister secretary senator sen representative rep congressman
    congresswoman governor gov mayor judge justice general gen colonel col captain capt admiral
    lieutenant lt sergeant sgt commander chief ambassador king queen prince princess pope father
    rev reverend sheikh mr mrs ms miss dr prof professor sir dame lord lady former late then
    defense defence interior foreign finance economy deputy attorney chancellor premier dictator
    leader spokesman spokeswoman spokesperson the señor señora don doña presidente ministro
    ministra general senador senadora alcalde gobernador
    """.split()
)

# Words an institution's name can be made of without naming any one institution: "Congress",
# "the Supreme Court", "Ministry of Foreign Affairs" name a different body in each country.
GENERIC_ORG_WORDS = set(
    """
    ministry department office council cabinet government congress senate parliament assembly
    house chamber court tribunal bank police army navy military forces armed air guard agency
    commission committee authority board central supreme constitutional national federal state
    republic electoral ombudsman people peoples public prosecutor prosecutors attorney general
    defense defence interior foreign affairs finance economy justice health education trade
    commerce agriculture energy mines labor labour environment transport security intelligence
    treasury representatives legislature legislative executive judiciary presidency palace
    opposition ruling party senado congreso ministerio corte policia ejercito gobierno
    """.split()
)
CONNECTIVES = {"of", "the", "for", "and", "on", "in", "at", "de", "del", "la", "los", "las", "y"}
COMPANY_ENDINGS = {
    "inc", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "sa", "ag",
    "gmbh", "nv", "bv", "group", "holdings", "holding", "sac", "spa", "ltda",
}  # fmt: skip
# Legal forms: the same company with or without them.
COMPANY_FORMS = {
    "inc", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "sa", "ag",
    "gmbh", "nv", "bv", "sac", "spa", "ltda",
}  # fmt: skip
PUBLIC_WORDS = {
    "ministry", "department", "congress", "senate", "parliament", "assembly", "court",
    "tribunal", "police", "army", "navy", "agency", "commission", "council", "government",
    "electoral", "ombudsman", "prosecutor", "legislature", "cabinet", "presidency", "military",
}  # fmt: skip

# "(CNE)", "(aka AMLO)", ", known as El Chapo": an alias defined right after a name.
# "(CNE)", "(aka AMLO)", ", known as El Chapo": an alias given right after a name.
NICKNAME_CUE = r"(?:also\s+)?(?:aka|a\.k\.a\.|known\s+as|dubbed|nicknamed)\s+"
ALIAS_AFTER = re.compile(
    rf"""^\s*(?:\(\s*(?P<cue>{NICKNAME_CUE})?|,?\s*(?P<said>{NICKNAME_CUE}))"""
    r"""["“]?(?P<alias>[A-Z][^()"”,;]{1,39}?)["”]?\s*[),;.]"""
)
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,9}$")


def normalise_name(text: str) -> str:
    """Case, accents, punctuation, possessive and a leading 'the' removed:
    'the Ministry’s' -> 'ministry'."""
    text = POSSESSIVE.sub("", text.strip())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[.\u2019']", "", text.casefold())
    words = re.sub(r"[^\w]+", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def person_name(text: str) -> str:
    """A person's normalised name without what surrounds it: leading titles and descriptions
    ('Defense Minister Ana Ruiz', 'polygamist leader Warren Jeffs') and an apposition after a
    comma ('Matt Smith, the actor')."""
    words = normalise_name(_proper_part(text.split(",")[0])).split()
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def organisation_name(text: str) -> str:
    """An organisation's normalised name without a leading description ('startup SeaMicro') or
    a legal form ('Hewlett-Packard Co.', 'Electronic Data Systems Corp.')."""
    words = normalise_name(_proper_part(text)).split()
    while len(words) > 1 and words[-1] in COMPANY_FORMS:
        words = words[:-1]
    return " ".join(words)


def _proper_part(text: str) -> str:
    """Leading words written all in lower case describe the name, they are not part of it."""
    words = text.split()
    while len(words) > 1 and words[0].isalpha() and words[0].islower() and words[0] != "the":
        words = words[1:]
    return " ".join(words)


def display_name(text: str) -> str:
    """A surface form fit to show as a name: no possessive, no leading 'the'."""
    return LEADING_THE.sub("", POSSESSIVE.sub("", text.strip()))


def is_acronym(text: str) -> bool:
    return bool(ACRONYM.match(text.strip())) and sum(ch.isalpha() for ch in text) >= 2


def initials(name: str) -> str:
    """'central intelligence agency' -> 'cia'; connectives are skipped."""
    return "".join(word[0] for word in name.split() if word not in CONNECTIVES)


def is_generic_organisation(name: str) -> bool:
    words = name.split()
    return bool(words) and all(w in GENERIC_ORG_WORDS or w in CONNECTIVES for w in words)


def distinctive_words(name: str) -> set[str]:
    """The words of an organisation's name that single it out."""
    return {w for w in name.split() if w not in GENERIC_ORG_WORDS and w not in CONNECTIVES}


def organisation_type(name: str) -> str:
    """Company, PublicBody or Organization (FollowTheMoney schema names), from the name."""
    words = name.split()
    if words and words[-1] in COMPANY_ENDINGS:
        return "Company"
    if any(w in PUBLIC_WORDS for w in words):
        return "PublicBody"
    return "Organization"


def close_spelling(a: str, b: str) -> bool:
    """The same word up to one typing slip (words of five letters or more)."""
    return a == b or (min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1)


def same_person_name(short: str, long: str) -> bool:
    """Whether `short` can be `long` written more briefly or with a slip: a second surname or a
    middle name dropped ('elena marquez' / 'elena marquez duarte'), the given names dropped
    ('lopez obrador'), or one word misspelt ('dina boluarte' / 'dina baluarte'). Both need at
    least two words: a shared surname alone is not enough."""
    a, b = short.split(), long.split()
    if len(a) < 2 or len(a) > len(b):
        return False
    if b[-len(a) :] == a:  # both surnames without the given names: 'lopez obrador'
        return True
    if not close_spelling(a[0], b[0]):
        return False
    slips = 0
    position = 1
    for word in a[1:]:
        while position < len(b) and not close_spelling(word, b[position]):
            position += 1
        if position == len(b):
            return False
        slips += word != b[position]
        position += 1
    return slips + (a[0] != b[0]) <= 1
