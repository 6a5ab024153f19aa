"""English words of framing: the loaded words found as a text is annotated, and the words and
parse labels by which a source's labels for an actor are read from the stored parse."""

from __future__ import annotations

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
    """.split()
)
# Intensifiers from VADER's booster list, less the comparatives any report uses.
INTENSIFIERS = {
    w for w, v in BOOSTER_DICT.items() if v > 0 and " " not in w and w not in {"more", "most", "so"}
}
# The lexicons judge adjectives and adverbs only: a noun or verb they rate ("death", "attack",
# "help") mostly names what happened, the topic rather than the writer's tone; nouns and verbs
# count only from the EMOTIVE list.
RATED_POS = {"ADJ", "ADV"}
# Entity labels whose words are names, never loaded words of the writer.
NAME_LABELS = labels.NAMES | labels.NUMERIC

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
