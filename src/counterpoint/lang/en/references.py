"""English words of references to actors that are not names: definite descriptions that name
a role or a kind ("the president", "the company", "the carmaker") and pronouns
(`resolve/resolver.py`, `nlp/references.py`). General English vocabulary, never names of
particular actors."""

from __future__ import annotations

import re

from counterpoint.lang.en.descriptions import PERSON_NOUNS
from counterpoint.lang.en.names import COMPANY_ENDINGS, CONNECTIVES

# Labels of the mentions that refer without naming (`Mention.label`).
DESCRIPTION_LABEL = "NOM"  # "the president", "the company"
PRONOUN_LABEL = "PRON"  # "he", "its"

# Nouns that name an organisation by what it is or does: "the company", "the carmaker".
ORGANISATION_NOUNS = set(
    """
    company firm corporation business group maker manufacturer carmaker automaker chipmaker
    retailer carrier airline bank lender insurer operator provider supplier vendor giant
    conglomerate startup brand publisher broadcaster network studio label developer
    distributor organisation organization association union federation league club team
    charity foundation institute university school hospital newspaper paper
    """.split()
)
# Organisation nouns that stand for a business: "the company" with no name given that role
# is the business the text is about (`resolve.resolver._Actors._leading_company`).
COMPANY_NOUNS = set("company firm corporation".split())
# Nouns the text may call an organisation by that make it a business (`_Actors._a_business`).
BUSINESS_NOUNS = COMPANY_NOUNS | set(
    """
    business maker manufacturer carmaker automaker chipmaker retailer carrier airline bank lender
    insurer conglomerate startup
    """.split()
)
# Words that end a company's name ("Corvane Group"): any organisation noun may stand for it.
COMPANY_WORDS = COMPANY_ENDINGS
# Nouns that name a public body: "the ministry", "the agency".
BODY_NOUNS = set(
    """
    ministry department administration government agency court council committee commission
    board parliament legislature senate congress assembly party police army military
    """.split()
)
# Nouns that name a place by what it is: "the country", "the island".
PLACE_NOUNS = set(
    """
    country nation state kingdom republic island city town village capital province region
    territory county district
    """.split()
)
# Nouns naming a person by role, kind or kin (the description rules' nouns, and these).
PERSON_REFERENCE_NOUNS = PERSON_NOUNS | set(
    """
    star singer rapper comedian host anchor presenter designer architect artist author
    filmmaker director producer billionaire tycoon mogul magnate entrepreneur boss suspect
    victim defendant gunman shooter killer driver pilot captain plaintiff witness girl boy
    lady gentleman pope cardinal
    """.split()
)
# Role words that mark a person's gender: "the first lady", "the actress", "Mrs. Ruiz".
FEMALE_WORDS = set(
    """
    mrs ms miss madam madame lady dame queen princess duchess actress waitress hostess
    chairwoman spokeswoman congresswoman businesswoman woman girl mother daughter wife widow
    sister aunt niece grandmother nun sra señora doña
    """.split()
)
MALE_WORDS = set(
    """
    mr sir lord king prince duke actor waiter host chairman spokesman congressman businessman
    man boy father son husband widower brother uncle nephew grandfather monk sr señor don
    """.split()
)
# Pronouns by what they refer to: a man, a woman, a thing (or body); "they" is left alone.
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
# Relative pronouns, with the types of actor each may stand for: the one named right before
# it ("Tara Reid, who"; "Corvane Group, which"), with at most `RELATIVE_GAP` between.
RELATIVE_PRONOUNS = {
    "who": {"Person"},
    "whom": {"Person"},
    "whose": {"Person", "Organization", "Company", "PublicBody"},
    "which": {"Organization", "Company", "PublicBody"},
}
RELATIVE_GAP = r"\s*,?\s*"
# "it" is read only as the subject of what a body is said to say or do ("Corvane said it
# would ..."): news uses it far more for no actor ("it is time", "make it hard").
THING_PRONOUNS = {"its", "itself"}
THING_SUBJECT_PRONOUN = "it"
# A role written as a title: "President Ruiz", "Prime Minister Ruiz"; `{role}` is filled with
# the role ("president", "vice president"), not part of a word ("then-President"). A title
# that makes the name another holder's deputy or a past holder is not the role: "Vice
# President Ruiz" is not "the president" (on real news it had given "the president" to the
# vice president), nor is "former President Ruiz", beside the one in office. ("the father of
# Ruiz" is someone else.)
TITLE = r"(?i:(?<!vice )(?<!-)(?<!deputy )(?<!assistant )(?<!former )\b(?P<role>{role})\b)"
TITLE_BEFORE = TITLE + r"[^\S\n]+$"  # right before a name, on its line
# Words that make a role another one, kept with it: "the vice president", "the former
# director" are given to one the text calls so, not to the president or the director; nor is
# a role written as part of a word ("then-President", "limited-government", "major-party").
ROLE_QUALIFIERS = {"vice", "deputy", "assistant", "former", "ex", "late", "then", "shadow"}
# A title is read back to a break or an article, at most this many words before its noun, for
# qualifiers ("Former National Security Adviser") and the state it is of ("Ukrainian
# President").
TITLE_PHRASE_BREAK = r"[,;:()\[\]\"“”\n]|\b(?i:the|a|an)\b"
TITLE_PHRASE_WORDS = 3
# Words that make one title with the noun after them, kept with it: "the attorney general" is
# not "General Ruiz", nor "the majority leader" "Minority Leader Ruiz".
TITLE_PARTS = set(
    """
    prime attorney surgeon press foreign defence defense finance interior majority minority
    security chief
    """.split()
)
# Nouns of a role that are far more often something else: "a pat on the head".
NOT_ROLES = {"head"}
# A role given in apposition right after a name: "Ruiz, the company's chief executive,",
# "Ruiz, the president of the union", "Ruiz, 54, the mayor".
APPOSITION_AFTER = (
    r"^\s*,\s*(?:\d+\s*,\s*)?(?:the|a|an|its|his|her|their|[A-Z][\w.&-]*['’]s)"
    r"(?:\s+(?!(?i:of|for|to|at|in|on|with|by|from|the|a|an)\b)[\w'’&-]+){{0,3}}?"
    r"\s+(?P<role>{role})(?:\s*[,.;)]|\s+of\b)"
)  # the role heads the apposition: "Ruiz, a spokeswoman for the first lady," is no first lady
# A role in apposition right before a name: "the company's chief, Ana Ruiz, said"; the name
# closed by a comma or the sentence's end ("in the organization, Ana Ruiz said" is no
# apposition).
APPOSITION_BEFORE = (
    r"(?i:\b(?:the|a|an|another|this|its|his|her|their)\s+|['’]s\s+)(?:[\w.'’&-]+\s+){{0,3}}?"
    r"\b(?P<role>(?i:{role}))\s*,\s*$"
)  # opened by an article or a possessive: "Pasco County, Florida" is no apposition
APPOSITION_CLOSED = r"\s*(?:[,.;)]|$)"
# A description that says which of several holders it means is left alone: an ordinal ("the
# 40th president", "not the only president to ..."; "the first lady" is a role of its own and
# listed apart) or a complement after it ("the son of the former vice president", "the
# president and CEO of the firm").
ORDINAL = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|last|next|previous|only|sole)\b",
    re.IGNORECASE,
)
ORDINAL_ROLES = {"first lady", "first minister", "first secretary"}
COMPLEMENT_AFTER = re.compile(r"^\s+(?:and\s+[\w-]+\s+)?(?:of|for|at)\b", re.IGNORECASE)
# How far around a name its title or apposition is looked for, in characters.
ROLE_WINDOW_CHARS = 80
# A pronoun refers to an actor named in its own sentence or in this many sentences before it.
PRONOUN_SENTENCES = 1
# A name a role is given to: its words capitalised but for these (and words holding a
# capital, "al-Assad"), and at most `NAME_MAX_WORDS` capitalised words. Lowercase words or a
# longer run are a parse's or a headline's fragment ("spar ahead", "Consistent with Department
# of Justice", "Georgia High School Students Expelled for ..."), never given a reference.
NAME_PARTICLES = CONNECTIVES | {"van", "von", "der", "den", "da", "di", "du", "le", "bin", "al"}
NAME_MAX_WORDS = 6
# A line in title case (every word of `TITLE_CASE_MIN_LETTERS` letters or more capitalised,
# at least `TITLE_CASE_MIN_WORDS` words) is a headline: its names' bounds are guesses
# ("Secretary Clinton Champions Gay Rights"), so no role is read there.
TITLE_CASE_MIN_WORDS = 3
TITLE_CASE_MIN_LETTERS = 4
# A headline is short: a longer line in capitals is a list of names ("Sens. Roy Blunt (Mo.), ...").
HEADLINE_MAX_WORDS = 20
# Quotation marks: a role given inside a quotation is the speaker's word, often of another
# time ('"if he fought against President Obama ..."' in a story about his successor).
QUOTE_OPEN = "“"
QUOTE_CLOSE = "”"
QUOTE_STRAIGHT = '"'
# A description refers back: it joins an actor named before it, or one it stands beside in
# apposition ("the singer Anita Bryant", "the attorney general, William Barr"), with at most a
# comma between them.
APPOSITION_GAP = r"\s*,?\s*"
# A description in apposition after a name ("Ruiz, the star of the show,", "Ruiz, 54, a
# retired nurse,"): the words between them (a comma, an age, an article or a possessive, at
# most three modifiers that are no preposition or conjunction), and what may follow the
# description so that the apposition closes there (not "after meeting Ruiz, the president
# said"; a comma before "and" or "or" ends an item of a list: "Corvane, the union, and ...").
APPOSITION_OPENING = (
    r"\s*,\s*(?:\d+\s*,\s*)?(?:(?:(?i:the|a|an|its|his|her|their)|[A-Z][\w.&-]*\s*['’]s)"
    r"(?:\s+(?!(?i:of|for|to|at|in|on|with|by|from|as|and|or|but|than|not|who|which|that)\b)"
    r"[\w'’&-]+){0,3}?\s*)?"
)  # the article may open the description itself ("the star")
APPOSITION_ARTICLE = r"(?i:the|a|an|its|his|her|their)\s|[A-Z][\w.&-]*\s*['’]s\s"
APPOSITION_END = r"\s*(?:,(?!\s*(?:and|or)\b)|[.;:)]|$|(?:of|for|at|who|with)\b)"
# ... but a complement running into a verb of saying with no comma is the subject of a clause
# of its own ("an interview with host Ruiz, the son of the late president says ...").
APPOSITION_UNCLOSED = (
    r"\s*(?:of|for|at|with)\b[^,.;:()“”\"]*?\b(?:says|said|tells|told|adds|added|writes|wrote)\b"
)
# A description in apposition before a name ("the German chancellor, Angela Merkel, said"):
# the gap, and the name closed by a comma (not a list's) or the sentence's end; not a
# description inside a phrase ("the fifth member of the court, Menis Ketchum,").
APPOSITION_NAME_GAP = r"\s*,\s*"
APPOSITION_NAME_END = r"\s*(?:,(?!\s*(?:and|or)\b)|[.;)]|$)"
INSIDE_PHRASE = (
    r"(?i:\b(?:of|for|to|at|in|on|with|by|from)\s+(?:(?:the|a|an)\s+)?|['’]s\s+)(?:[\w-]+\s+){0,2}$"
)
