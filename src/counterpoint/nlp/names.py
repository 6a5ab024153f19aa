"""Names of actors: how they are normalised and compared. The words a rule relies on (titles,
words of institutions, legal forms) are the language data in `lang/<code>/names.py`."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from counterpoint.lang import words

ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,9}$")  # capitals only: "CIA", "U.N.", "AT&T"


def normalise_name(text: str, language: str = "en") -> str:
    """Case, accents, punctuation, possessive, a leading 'the' and what follows a spaced dash
    or a web address removed: 'the Ministry’s' -> 'ministry', 'Barack Obama - paid' ->
    'barack obama'."""
    en = words(language, "names")
    text = en.POSSESSIVE.sub("", _cut(text, language))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[.\u2019']", "", text.casefold())
    parts = re.sub(r"[^\w]+", " ", text).split()
    if parts and parts[0] in en.ARTICLES:
        parts = parts[1:]
    return " ".join(parts)


def person_name(text: str, language: str = "en") -> str:
    """A person's normalised name without what surrounds it: leading titles and descriptions
    ('Defense Minister Ana Ruiz', 'polygamist leader Warren Jeffs'), an apposition after a
    comma ('Matt Smith, the actor') and what the person owns ('Ana Ruiz's Instagram')."""
    en = words(language, "names")
    text = en.OWNED.sub("", text.split(",")[0])
    parts = normalise_name(_proper_part(text, language), language).split()
    while len(parts) > 1 and parts[0] in en.TITLES:
        parts = parts[1:]
    return " ".join(parts)


def organisation_name(text: str, language: str = "en") -> str:
    """An organisation's normalised name without a leading description ('startup SeaMicro') or
    a legal form ('Hewlett-Packard Co.', 'Electronic Data Systems Corp.')."""
    forms = words(language, "names").COMPANY_FORMS
    parts = normalise_name(_proper_part(text, language), language).split()
    while len(parts) > 1 and parts[-1] in forms:
        parts = parts[:-1]
    return " ".join(parts)


def _proper_part(text: str, language: str) -> str:
    """Leading words written all in lower case describe the name, they are not part of it."""
    articles = words(language, "names").ARTICLES
    parts = text.split()
    while len(parts) > 1 and parts[0].isalpha() and parts[0].islower() and parts[0] not in articles:
        parts = parts[1:]
    return " ".join(parts)


def display_name(text: str, language: str = "en") -> str:
    """A surface form fit to show as a name: no possessive, no leading 'the', no trailing
    marks ('America &')."""
    en = words(language, "names")
    text = en.POSSESSIVE.sub("", en.TRAILING_MARKS.sub("", _cut(text, language)))
    return en.LEADING_THE.sub("", text.strip())


def _cut(text: str, language: str) -> str:
    """The name without what follows a spaced dash or a web address ('Ida Voss - paid',
    'Ida Voss pic.twitter.com/x9Z'): a headline's, caption's or tweet's words."""
    en = words(language, "names")
    return en.NAME_LINK.sub("", en.NAME_BREAK.sub("", text.strip()))


def title_case(line: str, language: str = "en") -> bool:
    """Whether a line is written in title case (a headline): enough words, every long one
    capitalised. Stops at the first long word in lower case (most lines)."""
    lang = words(language, "references")
    count = 0
    for found in re.finditer(r"[A-Za-z][\w’'-]*", line):
        word = found.group()
        if len(word) >= lang.TITLE_CASE_MIN_LETTERS and not word[0].isupper():
            return False
        count += 1
    return count >= lang.TITLE_CASE_MIN_WORDS


def is_acronym(text: str) -> bool:
    return bool(ACRONYM.match(text.strip())) and sum(ch.isalpha() for ch in text) >= 2


def initials(name: str, language: str = "en") -> str:
    """'central intelligence agency' -> 'cia'; connectives are skipped."""
    connectives = words(language, "names").CONNECTIVES
    return "".join(word[0] for word in name.split() if word not in connectives)


def is_generic_organisation(name: str, language: str = "en") -> bool:
    en = words(language, "names")
    parts = name.split()
    return bool(parts) and all(w in en.GENERIC_ORG_WORDS or w in en.CONNECTIVES for w in parts)


def distinctive_words(name: str, language: str = "en") -> set[str]:
    """The words of an organisation's name that single it out."""
    en = words(language, "names")
    return {w for w in name.split() if w not in en.GENERIC_ORG_WORDS and w not in en.CONNECTIVES}


def organisation_type(name: str, language: str = "en") -> str:
    """Company, PublicBody or Organization (FollowTheMoney schema names), from the name."""
    en = words(language, "names")
    parts = name.split()
    if parts and parts[-1] in en.COMPANY_ENDINGS:
        return "Company"
    if any(w in en.PUBLIC_WORDS for w in parts):
        return "PublicBody"
    return "Organization"


def close_spelling(a: str, b: str) -> bool:
    """The same word up to one typing slip (words of five letters or more)."""
    return a == b or (min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1)


def same_person_name(short: str, long: str, language: str = "en") -> bool:
    """Whether `short` can be `long` written more briefly or with a slip: a second surname or a
    middle name dropped ('elena marquez' / 'elena marquez duarte') or written as its initial
    ('donald j trump' / 'donald john trump'), the given name in a short form ('bob ruiz' /
    'robert ruiz'), the given names dropped ('lopez obrador'), or one word misspelt ('dina
    boluarte' / 'dina baluarte'). Both need at least two words: a shared surname alone is not
    enough. A generation ('jr') makes another person."""
    a, b = short.split(), long.split()
    if len(a) < 2 or len(a) > len(b):
        return False
    generations = words(language, "names").GENERATIONS
    if generations.intersection(a) != generations.intersection(b):  # 'donald trump jr'
        return False
    if b[-len(a) :] == a:  # both surnames without the given names: 'lopez obrador'
        return True
    given = words(language, "names").GIVEN_NAME_FORMS
    same_given = given.get(a[0], a[0]) == given.get(b[0], b[0])  # 'bob' for 'robert'
    if not (same_given or close_spelling(a[0], b[0])):
        return False
    slips = 0
    position = 1
    for word in a[1:]:
        while position < len(b) and not _same_word(word, b[position]):
            position += 1
        if position == len(b):
            return False
        slips += word != b[position] and not _initial_of(word, b[position])
        position += 1
    return slips + (not same_given) <= 1


def _initial_of(word: str, full: str) -> bool:
    """A middle initial written for the name: 'j' for 'john' ('Donald J. Trump')."""
    return len(word) == 1 and len(full) > 1 and full.startswith(word)


def _same_word(word: str, other: str) -> bool:
    return close_spelling(word, other) or _initial_of(word, other)
