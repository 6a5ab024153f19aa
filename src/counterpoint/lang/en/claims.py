"""English data of the claims extractor: speech verbs, the words that mark how sure a claim is
and whether the author stands behind it, quotation marks, and the spaCy labels (English models)
the rules read the parse by. General English vocabulary, hand-written."""

from __future__ import annotations

import re

from counterpoint.lang.en import labels

# --- speakers and speech ---------------------------------------------------------------------

# Entity labels of who can say something.
SPEAKER_LABELS = labels.ACTING
# Lemmas of verbs that introduce what someone says, writes or shows.
SPEECH_VERBS = set(
    """
    say tell claim insist state announce argue add note warn deny confirm acknowledge admit
    reveal suggest report explain believe think allege maintain assert stress write declare
    promise pledge vow predict estimate conclude indicate testify tweet post complain contend
    concede emphasise emphasize reply respond recall observe remark comment disclose reiterate
    repeat show find prove demonstrate point charge accuse assure inform remind caution
    """.split()
)
# Lemmas of verbs that are speech verbs only with their particle: "pointed out".
PARTICLE_SPEECH_VERBS = {"point": "out"}
# Verbs whose subject is a text rather than a person: "the report found that ...".
DOCUMENT_NOUNS = set(
    """
    report study survey poll statement document documents record records data analysis
    investigation inquiry audit memo memorandum letter filing review findings paper research
    assessment evaluation census ruling verdict indictment complaint lawsuit transcript email
    emails cable cables file files footage video recording recordings figures statistics
    """.split()
)
# Objects of "tell"-like verbs that are part of the cue: "told reporters", "told a conference".
ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "brief", "warn"}
# Where a thing was said: "said in a statement", "told reporters on a call".
VENUE_NOUNS = set(
    """
    statement response interview conference briefing speech talk address letter post release
    email message tweet call hearing testimony broadcast podcast column article book memo
    communique communiqué note video
    """.split()
)
# Pronouns that stand for the person named last: "he said".
PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
# Words that open a question, not a claim: "asked how ...", "said whether ...".
WH_WORDS = {"how", "why", "whether", "if", "what", "when", "where", "who", "which", "whom"}
# The conjunction that opens a reported clause: "said that ...".
COMPLEMENTIZER = "that"
# The words of "according to X".
ACCORDING_TO = ("according", "to")
# The subject of "it is said that", "it is clear that".
DUMMY_SUBJECT = "it"
# "the President": a title with the definite article stands for its holder.
DEFINITE_ARTICLE = "the"
# The copula of "it is clear that".
COPULA = "be"
# Lemmas of passive speech verbs whose claim nobody owns: "it was reported that ...".
HEARSAY_PASSIVES = {"say", "report", "claim", "allege", "believe"}
# The same after "it" in the author's voice: "it is rumoured that ...".
IT_HEARSAY_PASSIVES = {"say", "report", "claim", "allege", "believe", "rumour", "rumor", "think"}

# --- certainty -------------------------------------------------------------------------------

# Words that hedge a claim.
HEDGE_WORDS = set(
    """
    reportedly allegedly apparently possibly perhaps maybe probably presumably seemingly
    supposedly purportedly ostensibly rumoured rumored unconfirmed unverified may might could
    likely unlikely suspected
    """.split()
)
# Hedge words that hedge only as modal verbs (tag `MODAL_TAG`): "may", not the month "May".
MODAL_HEDGES = {"may", "might", "could"}
# The tag of a modal verb.
MODAL_TAG = "MD"
# Lemmas of verbs that hedge.
HEDGE_LEMMAS = {"suggest", "claim", "allege", "appear", "seem", "rumour", "rumor"}
# Words that boost a claim.
BOOSTER_WORDS = set(
    """
    clearly certainly undoubtedly definitely surely obviously indisputably unquestionably
    evidently undeniably plainly
    """.split()
)
# Lemmas of verbs that boost.
BOOSTER_LEMMAS = {"prove", "demonstrate"}
# Words before a booster that turn it into a hedge: "almost certainly", "not clearly".
SOFTENERS = {"almost", "nearly", "not", "probably"}
# Phrases that hedge.
HEDGE_PHRASES = re.compile(
    r"\b(it is (said|claimed|alleged|rumou?red|believed|thought|reported|understood) that|"
    r"(is|are|was|were) (said|reported|believed|thought|rumou?red|alleged) to|"
    r"according to some|not (yet )?(been )?confirmed|sort of|kind of)\b",
    re.IGNORECASE,
)
# Phrases that boost.
BOOSTER_PHRASES = re.compile(
    r"\b(of course|without (a )?doubt|no doubt|beyond doubt|in fact|it is (well |widely )?"
    r"(known|clear|certain|evident|obvious|undeniable|beyond doubt) that|there is no doubt)\b",
    re.IGNORECASE,
)
# Adjectives of "it is clear that ...": the author vouches for the clause.
IMPERSONAL_ADJECTIVES = {"known", "clear", "certain", "evident", "obvious", "undeniable"}

# --- endorsement -----------------------------------------------------------------------------

# Lemmas of speech verbs by which the author keeps a distance: "X claims that ...".
DISTANCING_LEMMAS = {"claim", "insist", "allege", "purport", "contend"}
# Adverbs by which the author keeps a distance.
DISTANCING_WORDS = {"falsely", "wrongly", "baselessly", "supposedly", "purportedly", "dubiously"}
# Phrases by which the author keeps a distance.
DISTANCING_PHRASE = re.compile(r"\b(so-called|so called|self-styled|self-proclaimed)\b", re.I)
# Lemmas of speech verbs by which the author stands behind what is said: "X admitted that ...".
ENDORSING_LEMMAS = set(
    """
    acknowledge reveal confirm note admit concede recognise recognize show prove demonstrate
    establish realise realize
    """.split()
)
# Adverbs by which the author stands behind what is said.
ENDORSING_WORDS = {"rightly", "correctly", "accurately", "aptly", "justifiably", "justly"}

# --- quotation marks -------------------------------------------------------------------------

# Marks that open a quote.
OPEN_QUOTES = '\u201c"'
# Marks that close a quote.
CLOSE_QUOTES = '\u201d"'
# Marks that both open and close a quote: they pair in turn, not by their shape.
STRAIGHT_QUOTES = '"'

# --- parse labels (spaCy's English models) ---------------------------------------------------

# Dependency labels of the head of a clause.
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "csubj"}
# Dependency labels of a clause of the main line, whose conjoined clauses are claims of their own.
MAIN_CLAUSE_DEPS = {"ROOT", "conj", "parataxis"}
# Dependency labels of a conjunction left out of a claim's start.
CONJUNCTION_DEPS = {"cc"}
# Dependency labels of a speaker: the subject of the speech verb.
SUBJECT_DEPS = {"nsubj", "csubj"}
# Dependency labels of the subject of "it is said that", "it is clear that".
IT_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Dependency labels that make a verb passive.
PASSIVE_DEPS = {"auxpass", "nsubjpass"}
# Dependency labels of a participle or relative clause qualifying a noun: "records showing".
QUALIFYING_DEPS = {"acl", "relcl"}
# Dependency labels of a verb that continues another, whose subject it shares: "..., saying".
CONTINUING_DEPS = {"advcl", "xcomp", "conj"}
# Dependency labels of the root of an entity that can be the subject of a lost parse.
LEADING_ACTOR_DEPS = {"nsubj", "compound", "ROOT"}
# Dependency labels of words before the verb that belong to the cue: "did not say".
CUE_AUX_DEPS = {"aux", "neg"}
# Dependency labels of the addressee of a "tell"-like verb.
ADDRESSEE_DEPS = {"dobj", "dative"}
# Dependency labels of clauses describing a speaker, left out of its name.
DESCRIBING_DEPS = {"relcl", "appos", "punct", "acl"}
# Dependency labels of the clauses left out of a phrase in a cue.
SUBORDINATE_DEPS = {"acl", "relcl", "ccomp", "advcl", "mark"}
# Tags of a relative pronoun: "Ferreira, who pledged".
RELATIVE_TAGS = {"WP", "WDT"}
# Parts of speech of a verb.
VERB_POS = {"VERB", "AUX"}
# Parts of speech of a noun.
NOUN_POS = {"NOUN", "PROPN"}
