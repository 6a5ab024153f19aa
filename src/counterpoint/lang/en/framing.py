"""English words of framing: the loaded words found as a text is annotated, and the words and
parse labels by which a source's labels for an actor are read from the stored parse."""

from __future__ import annotations

import re

from vaderSentiment.vaderSentiment import BOOSTER_DICT

from counterpoint.lang.en import labels

# --- loaded words ----------------------------------------------------------------------------

# Words that take a side in news writing: names for rulers, their followers and opponents
# that condemn or glorify, verbs of criticism that dramatise, nouns of violence that judge.
# General English, hand-written; none is taken from a benchmark.
EMOTIVE = set(
    """
    regime regimes dictator dictators dictatorship tyrant tyrants tyranny despot despots
    despotic strongman autocrat autocrats autocratic junta crony cronies cronyism henchman
    henchmen thug thugs thuggish goon goons mob mobs horde hordes puppet puppets stooge
    stooges lackey lackeys minion minions zealot zealots fanatic fanatics extremist
    extremists radical radicals hardliner hardliners firebrand demagogue demagogues usurper
    illegitimate propaganda propagandist mouthpiece hero heroes heroic martyr martyrs
    massacre massacres slaughter slaughtered bloodbath bloodshed atrocity atrocities carnage
    onslaught rampage butcher butchered savage savagely brutal brutally brutality ruthless
    ruthlessly draconian heinous vile sinister notorious infamous disgraceful shameful
    outrageous shocking scandal scandalous fiasco debacle sham farce hoax ploy stunt scheme
    smear witch-hunt slam slams slammed blast blasted lambast lambasted bash bashed rip
    ripped tout touted boast boasted brag bragged rant ranted spew spewed peddle peddled
    cling clung meddle meddling grab power-grab crush crushed unleash unleashed
    so-called self-proclaimed self-styled far-left far-right ultra-left ultra-right
    """.split()
)
# Adjectives and adverbs of time, size, number, likelihood and plain description that the
# lexicons rate as subjective but a report needs ("a new law", "likely to fall").
DESCRIPTIVE = set(
    """
    new old young long short little big large small high low many few much more most less
    least other only first last next past recent early late likely unlikely possible
    probably available free total full public private local general common certain sure
    whole same different open real right left political social economic national far
    northern southern eastern western central
    """.split()
)
# Intensifiers from VADER's booster list, less the comparatives any report uses.
INTENSIFIERS = {
    w for w, v in BOOSTER_DICT.items() if v > 0 and " " not in w and w not in {"more", "most", "so"}
}
# Entity labels whose words are names, never loaded words of the writer.
NAME_LABELS = labels.NAMES | labels.NUMERIC


def _phrases(text: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(line.split()) for line in text.strip().splitlines())


# Fixed terms whose adjective is part of the name of an office, body or thing, not the
# writer's judgement ("special counsel", "grand jury"): their words are never loaded. Written
# as lemmas; general English, hand-written.
FIXED_TERMS = _phrases(
    """
    special counsel
    special prosecutor
    special election
    special session
    special force
    special operation
    grand jury
    supreme court
    high court
    white house
    prime minister
    general election
    general assembly
    attorney general
    surgeon general
    secretary general
    cold war
    civil right
    human right
    high school
    social medium
    social security
    public health
    public school
    climate change
    national security
    national guard
    free trade
    first lady
    first amendment
    second amendment
    death penalty
    hate crime
    great depression
    federal reserve
    green card
    armed force
    security force
    police force
    """
)
# Idioms of news writing that dramatise or take a side, written as lemmas and marked whole
# ("went on a tear", "lashed out"); general English, hand-written, none taken from a benchmark.
IDIOMS = _phrases(
    """
    go on a tear
    go on a rampage
    go on the warpath
    twitter war
    war of word
    lash out
    double down
    dig in his heel
    dig in their heel
    fire back
    hit back
    hit out at
    take a swipe at
    take a jab at
    take aim at
    pour cold water on
    throw under the bus
    throw cold water on
    drain the swamp
    witch hunt
    power grab
    cave in
    cave to
    kowtow to
    cozy up to
    rail against
    rant about
    sound the alarm
    rip into
    tear into
    lay into
    slam the door
    shove down
    ram through
    ram down
    rubber stamp
    smoke and mirror
    scare tactic
    red meat
    dog whistle
    culture war
    knee-jerk
    fly in the face of
    tip of the iceberg
    out of control
    sob story
    sell out
    flip flop
    sweep under the rug
    bury the lede
    """
)
IDIOMS_JOINED = frozenset(" ".join(idiom) for idiom in IDIOMS)
LONGEST_PHRASE = 6  # words of the longest fixed term, idiom or learned expression looked for
EXPRESSION_WEIGHT = 0.8  # the weight of a hand-written idiom (the old emotive list's weight)
# Paired double quotes, straight or curly, within a paragraph; a quotation of at most
# SCARE_QUOTE_WORDS words is a scare quote, the writer's own framing ('so-called "experts"').
QUOTATION = re.compile(r'"[^"\n]{1,2000}?"|“[^”\n]{1,2000}?”')
SCARE_QUOTE_WORDS = 3
# The learned lexicon's counts are smoothed toward the mean rate as if each word had been seen
# this many more times (chosen on the training part of BABE, bench/babe_loaded_language.py).
LEXICON_SMOOTHING = 2.0
# A word's kind is its lexicon sign when VADER or TextBlob rate it at least this (-1..1).
SIGNED_FROM = 0.3

# --- labels of actors ------------------------------------------------------------------------

# Nouns for the people and bodies around an actor: "Maduro's regime" and "the supporters of
# Guaidó" label the actor, "Maduro's speech" does not.
ENTOURAGE = set(
    """
    government regime administration party allies ally supporters supporter followers
    loyalists loyalist forces troops militia militias camp cabinet movement rule dictatorship
    junta clique gang entourage circle base faithful backers partisans henchmen cronies
    """.split()
)
# Dependencies of a modifier before a name that may label it ("the socialist Maduro").
MODIFIER_DEPS = {"amod", "compound", "nmod"}
# Dependencies of the words that make one label with the word they modify ("democratically
# elected", "brutal regime").
PHRASE_DEPS = MODIFIER_DEPS | {"advmod"}
# Parts of speech of a title's or role's qualifiers, kept as its label ("embattled").
QUALIFIER_POS = {"ADJ", "VERB", "ADV"}
# Prepositions that make their object the possessor of the noun they follow ("the regime of
# Maduro").
POSSESSIVE_PREPOSITIONS = {"of"}
# Words before a name that are never a label, besides titles and roles ("President-elect").
NOT_LABEL_WORDS = {"the", "a", "an", "elect", "designate"}
# Nouns before a name that say what kind of person or body it is ("socialist", "billionaire",
# "loyalist") rather than where the words stand ("Image caption Trump").
PERSON_ENDINGS = ("ist", "ian", "aire", "ite", "ard")
AGENT_ENDINGS = PERSON_ENDINGS + ("er", "or", "ant", "ent", "ee")  # nouns standing apart
PARTICIPLE_ENDINGS = ("ed", "en", "ing")  # "democratically elected", "embattled", "ailing"
# Parts of speech that are never a label: names, determiners, signs and numbers.
NOT_LABEL_POS = {"PROPN", "DET", "PUNCT", "NUM"}
