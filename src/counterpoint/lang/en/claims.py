"""English data of the claims extractor: speech verbs, the words that mark how sure a claim is
and whether the author stands behind it, quotation marks, and the spaCy labels (English models)
the rules read the parse by. General English vocabulary, hand-written."""

from __future__ import annotations

import re

from counterpoint.lang.en import labels
from counterpoint.lang.en.descriptions import PERSON_NOUNS

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
# Cues learned from PolNeAR's train split (bench/polnear_attribution.py --count-cues VERB; 840
# articles, the annotator whose id sorts first; dev not looked at): lemma -> (times a verb of
# that lemma is in a gold cue, times it occurs as a verb outside the content of an attribution:
# "I think" inside a quote is part of the quote, not a cue), for lemmas seen in a cue at least
# 5 times and at a rate of at least 0.2. A lemma is a cue from `LEARNED_CUE_RATE`.
LEARNED_CUES: dict[str, tuple[int, int]] = {
    "accept": (15, 31),
    "accord": (398, 419),
    "accuse": (89, 98),
    "acknowledge": (73, 77),
    "acquiesce": (5, 5),
    "add": (291, 342),
    "address": (25, 62),
    "admit": (35, 41),
    "adopt": (9, 26),
    "advise": (6, 30),
    "advocate": (16, 24),
    "agree": (68, 92),
    "aim": (18, 39),
    "allege": (18, 22),
    "allow": (22, 67),
    "allude": (6, 7),
    "anger": (8, 12),
    "announce": (139, 150),
    "answer": (20, 33),
    "apologize": (11, 15),
    "appear": (103, 190),
    "applaud": (12, 18),
    "appoint": (7, 14),
    "approve": (10, 19),
    "argue": (152, 158),
    "articulate": (6, 8),
    "ask": (297, 338),
    "assail": (9, 9),
    "assert": (20, 22),
    "assume": (7, 15),
    "assure": (22, 27),
    "attack": (50, 71),
    "attempt": (9, 23),
    "attribute": (8, 11),
    "avoid": (8, 40),
    "back": (55, 113),
    "balk": (5, 5),
    "ban": (6, 25),
    "believe": (82, 102),
    "bemoan": (6, 6),
    "blame": (37, 40),
    "blast": (33, 33),
    "block": (8, 26),
    "boast": (18, 23),
    "boo": (7, 18),
    "brag": (7, 8),
    "brush": (5, 7),
    "call": (407, 499),
    "care": (9, 19),
    "cast": (28, 72),
    "caution": (10, 10),
    "celebrate": (9, 31),
    "challenge": (23, 52),
    "champion": (7, 12),
    "chant": (11, 14),
    "characterize": (6, 6),
    "charge": (24, 46),
    "cheer": (7, 30),
    "chide": (7, 7),
    "choose": (12, 52),
    "cite": (78, 80),
    "claim": (84, 101),
    "clarify": (6, 7),
    "comment": (19, 24),
    "compare": (17, 66),
    "complain": (22, 23),
    "concede": (18, 21),
    "conclude": (44, 49),
    "condemn": (18, 22),
    "confirm": (29, 39),
    "congratulate": (8, 8),
    "consider": (50, 72),
    "contemplate": (5, 8),
    "contend": (7, 11),
    "continue": (95, 205),
    "contradict": (5, 7),
    "contrast": (6, 15),
    "convince": (15, 21),
    "count": (9, 36),
    "counter": (6, 11),
    "cover": (8, 37),
    "credit": (9, 10),
    "criticize": (90, 95),
    "debate": (8, 17),
    "decide": (38, 72),
    "declare": (75, 89),
    "decline": (69, 83),
    "decry": (14, 14),
    "deem": (14, 14),
    "defend": (61, 77),
    "define": (5, 24),
    "deliver": (24, 70),
    "demand": (15, 21),
    "demonstrate": (10, 29),
    "denounce": (36, 40),
    "deny": (32, 40),
    "deride": (5, 6),
    "describe": (110, 127),
    "design": (6, 18),
    "detail": (8, 12),
    "determine": (17, 38),
    "devote": (6, 16),
    "disagree": (6, 11),
    "disavow": (7, 7),
    "disclose": (14, 20),
    "discuss": (53, 61),
    "dislike": (5, 6),
    "dismiss": (34, 40),
    "display": (5, 12),
    "dispute": (7, 9),
    "distance": (7, 10),
    "document": (6, 8),
    "double": (5, 14),
    "doubt": (5, 5),
    "draw": (26, 124),
    "dub": (5, 6),
    "echo": (23, 36),
    "email": (10, 17),
    "embrace": (17, 37),
    "emphasize": (22, 25),
    "encourage": (18, 31),
    "endorse": (103, 131),
    "enjoy": (10, 28),
    "envision": (7, 7),
    "estimate": (16, 29),
    "expect": (121, 139),
    "experience": (5, 10),
    "explain": (85, 92),
    "expose": (8, 18),
    "express": (58, 63),
    "favor": (22, 34),
    "fear": (24, 26),
    "feel": (32, 57),
    "figure": (6, 17),
    "file": (16, 52),
    "find": (98, 211),
    "fire": (14, 43),
    "focus": (44, 98),
    "forecast": (5, 5),
    "forget": (5, 9),
    "frame": (5, 11),
    "guess": (5, 10),
    "hail": (6, 7),
    "highlight": (25, 37),
    "hint": (9, 11),
    "hit": (15, 58),
    "hop": (62, 70),
    "hope": (18, 23),
    "identify": (25, 44),
    "ignore": (14, 27),
    "imagine": (7, 11),
    "imply": (13, 14),
    "indicate": (38, 45),
    "inform": (6, 7),
    "insist": (63, 65),
    "intend": (13, 19),
    "interject": (6, 8),
    "interpret": (5, 6),
    "introduce": (16, 38),
    "invite": (5, 19),
    "invoke": (8, 14),
    "issue": (29, 57),
    "joke": (15, 18),
    "knock": (5, 16),
    "know": (139, 224),
    "label": (8, 8),
    "lambast": (5, 5),
    "lament": (14, 14),
    "lash": (6, 7),
    "launch": (13, 51),
    "lay": (20, 41),
    "lean": (8, 32),
    "learn": (23, 34),
    "like": (25, 35),
    "liken": (6, 6),
    "line": (5, 16),
    "link": (5, 25),
    "list": (23, 29),
    "look": (63, 161),
    "love": (7, 14),
    "maintain": (9, 35),
    "make": (134, 602),
    "mention": (58, 68),
    "mock": (24, 27),
    "mount": (5, 17),
    "name": (36, 61),
    "nominate": (20, 48),
    "note": (186, 191),
    "notice": (5, 8),
    "observe": (5, 7),
    "offer": (82, 139),
    "oppose": (57, 72),
    "order": (21, 22),
    "outline": (9, 12),
    "paint": (7, 14),
    "pass": (27, 69),
    "persuade": (13, 17),
    "pivot": (6, 11),
    "place": (5, 24),
    "plan": (37, 57),
    "plead": (10, 12),
    "pledge": (44, 100),
    "point": (91, 110),
    "portray": (22, 27),
    "post": (33, 57),
    "praise": (51, 54),
    "predict": (37, 42),
    "prefer": (22, 25),
    "present": (16, 33),
    "press": (17, 34),
    "proclaim": (6, 8),
    "project": (11, 18),
    "promise": (63, 69),
    "promote": (18, 29),
    "propose": (49, 61),
    "protest": (5, 13),
    "provide": (25, 118),
    "publish": (15, 54),
    "pursue": (5, 25),
    "push": (47, 96),
    "put": (35, 162),
    "question": (56, 59),
    "quote": (12, 16),
    "rail": (14, 14),
    "rattle": (8, 10),
    "react": (5, 14),
    "read": (26, 56),
    "reaffirm": (5, 5),
    "realize": (7, 8),
    "rebuff": (5, 10),
    "rebuke": (6, 7),
    "rebut": (7, 7),
    "recall": (49, 54),
    "recite": (6, 6),
    "recognize": (23, 32),
    "recommend": (11, 17),
    "recount": (7, 8),
    "refer": (66, 78),
    "reference": (12, 13),
    "refuse": (60, 68),
    "regard": (8, 19),
    "reiterate": (18, 18),
    "reject": (38, 46),
    "release": (56, 168),
    "remark": (16, 21),
    "remember": (26, 33),
    "remind": (23, 24),
    "renew": (6, 14),
    "repeat": (25, 38),
    "reply": (27, 30),
    "report": (171, 219),
    "request": (11, 16),
    "require": (17, 65),
    "resist": (6, 11),
    "respond": (86, 149),
    "restrict": (6, 11),
    "retweete": (7, 10),
    "reveal": (52, 68),
    "rip": (5, 11),
    "rule": (13, 25),
    "say": (5441, 5529),
    "see": (137, 259),
    "seek": (89, 148),
    "seem": (129, 189),
    "seize": (6, 27),
    "send": (20, 94),
    "share": (29, 57),
    "shout": (12, 16),
    "show": (250, 328),
    "side": (6, 9),
    "sign": (22, 70),
    "signal": (11, 16),
    "single": (5, 7),
    "slam": (22, 23),
    "sound": (17, 34),
    "spar": (5, 8),
    "speak": (72, 259),
    "speculate": (8, 9),
    "state": (52, 58),
    "stress": (15, 16),
    "strike": (6, 30),
    "sue": (7, 18),
    "suggest": (185, 199),
    "support": (130, 200),
    "suspect": (6, 6),
    "talk": (96, 136),
    "target": (9, 34),
    "tell": (512, 539),
    "tend": (8, 28),
    "testify": (6, 11),
    "thank": (16, 18),
    "think": (113, 142),
    "threaten": (21, 32),
    "throw": (8, 31),
    "title": (10, 12),
    "tout": (24, 24),
    "try": (46, 200),
    "tweet": (90, 120),
    "underscore": (11, 26),
    "understand": (15, 23),
    "unveil": (5, 10),
    "urge": (59, 63),
    "view": (25, 39),
    "voice": (12, 15),
    "vote": (65, 163),
    "vouch": (6, 6),
    "vow": (51, 51),
    "want": (116, 163),
    "warn": (57, 58),
    "weigh": (6, 18),
    "welcome": (10, 19),
    "witness": (5, 6),
    "wonder": (17, 19),
    "worry": (29, 33),
    "write": (300, 344),
    "yell": (7, 8),
}

PARTICLE_SPEECH_VERBS = {"point": "out"}
# From this share of its occurrences in a gold cue, a learned lemma is a cue (tuned on train).
LEARNED_CUE_RATE = 0.4
# Lemmas that introduce what someone says, thinks or does about something: the speech verbs and
# the learned cues at or above the rate.
CUE_VERBS = SPEECH_VERBS | {
    lemma for lemma, (cue, seen) in LEARNED_CUES.items() if cue >= LEARNED_CUE_RATE * seen
}
# Nouns learned as cues on PolNeAR train (--count-cues NOUN), counted as `LEARNED_CUES` is
# (nouns outside any content; in a gold cue at least 5 times, at a rate of 0.2): "criticism of X",
# "his claim that X". Candidates only with the cue model, which weighs them.
LEARNED_NOUN_CUES: dict[str, tuple[int, int]] = {
    "accusation": (8, 14),
    "advice": (10, 23),
    "aim": (5, 11),
    "allegation": (9, 15),
    "announcement": (9, 33),
    "answer": (8, 36),
    "anxiety": (7, 13),
    "argument": (15, 42),
    "assertion": (11, 15),
    "assumption": (6, 9),
    "attack": (51, 230),
    "attention": (26, 78),
    "backing": (5, 11),
    "belief": (6, 10),
    "call": (37, 105),
    "chant": (9, 10),
    "claim": (25, 46),
    "column": (6, 25),
    "comment": (21, 98),
    "complaint": (11, 19),
    "concern": (37, 72),
    "confidence": (7, 11),
    "consensus": (6, 11),
    "conversation": (9, 37),
    "criticism": (49, 81),
    "critique": (5, 11),
    "decision": (24, 96),
    "defense": (9, 45),
    "demand": (5, 18),
    "desire": (5, 8),
    "detail": (6, 24),
    "disagreement": (6, 8),
    "disclosure": (6, 16),
    "discussion": (7, 27),
    "doubt": (18, 27),
    "endorsement": (28, 68),
    "enthusiasm": (5, 21),
    "evidence": (8, 32),
    "eye": (6, 21),
    "favor": (14, 29),
    "fear": (12, 28),
    "fire": (6, 28),
    "focus": (12, 44),
    "footage": (5, 11),
    "fun": (5, 7),
    "goal": (9, 36),
    "hope": (19, 39),
    "idea": (17, 61),
    "interest": (15, 66),
    "letter": (13, 64),
    "look": (9, 35),
    "mention": (9, 13),
    "message": (30, 118),
    "mind": (7, 26),
    "notion": (6, 16),
    "opinion": (11, 37),
    "opposition": (20, 50),
    "plan": (31, 122),
    "pledge": (7, 11),
    "position": (13, 63),
    "praise": (10, 15),
    "promise": (20, 34),
    "proposal": (16, 44),
    "question": (74, 200),
    "reference": (10, 22),
    "request": (10, 43),
    "ruling": (5, 22),
    "sense": (7, 28),
    "sentiment": (5, 13),
    "shot": (6, 30),
    "sign": (15, 72),
    "speculation": (6, 12),
    "stance": (8, 23),
    "statement": (106, 214),
    "stump": (5, 19),
    "suggestion": (13, 16),
    "support": (89, 221),
    "talk": (12, 50),
    "understanding": (6, 6),
    "view": (28, 68),
    "warning": (7, 12),
    "word": (21, 84),
}
NOUN_CUES = set(LEARNED_NOUN_CUES)
# Dependency labels of a cue noun whose speaker is the subject of the verb it hangs from:
# "he voiced criticism of X", "X responded to claims that ...".
NOUN_CUE_OBJECT_DEPS = {"dobj", "pobj", "attr"}
# The cue model reads a noun's lemma with this before it: "n:support" is not "support".
NOUN_CUE_PREFIX = "n:"
# Dependency labels of a cue noun's clause: "the claim that X", "a plan to X".
NOUN_CLAUSE_DEPS = {"acl", "ccomp", "relcl"}
# Prepositions after a cue noun that open what it is about: "criticism of X".
NOUN_CUE_PREPS = {"of", "for", "to", "about", "on", "against", "with", "over", "toward",
                  "towards"}  # fmt: skip
# With a cue model (`CUE_MODEL_FILE`, beside this file), every learned cue is a candidate and
# the model weighs each claim found at one.
CANDIDATE_CUE_VERBS = SPEECH_VERBS | set(LEARNED_CUES)
# The cue model: a logistic regression over the features of a claim found at a verb, learned
# on PolNeAR train by bench/polnear_cue_model.py.
CUE_MODEL_FILE = "claims_cue_model.json"
# The kinds of claims the cue model weighs: those read off a cue verb's clause or objects, or
# a cue noun's; quotes with their verb are sure enough.
CUE_MODEL_KINDS = {"reported", "document"}
# Dependency labels of a cue verb's children the cue model reads: what the verb takes.
CUE_MODEL_CHILD_DEPS = {"ccomp", "dobj", "xcomp", "prep", "dative", "oprd", "advcl"}
# Verbs whose subject is what they say something of, not who says it: "X seemed to ...".
RAISING_VERBS = {"seem", "appear"}
# Dependency labels of such a subject (and of a passive's: "X is expected to ...").
RAISED_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Verbs whose question is what is attributed: "asked how ...", "wondered whether ...".
QUESTION_VERBS = {"ask", "wonder", "question", "inquire"}
# Dependency labels of what a cue verb takes as its content besides a clause: "accused X of Y",
# "urged X to Y", "called X a Y".
COMPLEMENT_DEPS = {"ccomp", "xcomp", "dobj", "dative", "oprd"}
# Clauses joined to a content that can start another speaker's attribution ("..., and 4 in
# 10 said ...", "..., while Lee suggests ..."), and the complements that lead from such a
# clause's verb to its cue ("are more likely to say", "went on to argue").
JOINED_CLAUSE_DEPS = {"conj", "advcl"}
RAISED_CUE_DEPS = {"xcomp", "acomp"}
CONTRAST_MARKS = {"while", "whereas", "though", "although"}
# Auxiliaries, whose tag is a verb's tense: "did not suggest", "would offer", "has won".
AUXILIARY_DEPS = {"aux", "auxpass"}
# The words between a quote and a verb of manner: its subject ('"Go," the old coach barked').
MANNER_SUBJECT_POS = {"NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ", "ADV"}
# Verbs whose subject is a text rather than a person: "the report found that ...".
DOCUMENT_NOUNS = set(
    """
    report study survey poll statement document documents record records data analysis
    investigation inquiry audit memo memorandum letter filing review findings paper research
    assessment evaluation census ruling verdict indictment complaint lawsuit transcript email
    emails cable cables file files footage video recording recordings figures statistics
    """.split()
)
# Nouns of those who can say something, besides named actors and pronouns: a verb learned as a
# cue counts only with such a subject ("the immune system attacks the nerves" claims nothing).
SPEAKER_NOUNS = (
    PERSON_NOUNS
    | DOCUMENT_NOUNS
    | set(
        """
    official officials authority authorities spokesman spokeswoman spokesperson representative
    lawmaker lawmakers legislator senator senators congressman congresswoman member members
    leader leaders critic critics supporter supporters opponent opponents expert experts
    analyst analysts observer observers resident residents protester protesters demonstrator
    people voter voters citizen citizens worker workers family families source sources aide
    aides adviser advisers advisor advisors staff staffer staffers campaign government
    administration ministry department agency office committee commission panel council board
    court judge jury party group organization organisation company firm union police military
    army prosecutor prosecutors attorney attorneys lawyer lawyers donor donors refugee
    refugees tycoon moderator ally allies friend friends participant participants majority
    minority percent most many others some message ad headline evidence
    """.split()
    )
)
# Pronouns that point at a thing said or done rather than at a speaker ("That suggests the
# plan failed", "That said, ..."), unless words describe them ("those who ...", "those close
# to him").
DEMONSTRATIVES = {"this", "that", "these", "those"}
# Endings of nouns of events, acts, states and qualities ("the election", "his refusal", "the
# pressure", "the treatment"): such a noun says nothing, so it names no speaker unless it is
# one of `SPEAKER_NOUNS` or `SPEAKING_ABSTRACT_NOUNS` (bodies and texts with those endings:
# "the commission", "the resolution").
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism",
                     "ure", "hood", "dom", "cy")  # fmt: skip
# Nouns with those endings that name people, bodies or texts, which can say something, besides
# `SPEAKER_NOUNS`: "the coalition said", "the witness said", "the resolution says".
SPEAKING_ABSTRACT_NOUNS = set(
    """
    coalition association foundation institution corporation federation delegation division
    mission publication station television opposition nation movement management
    establishment parliament enforcement regiment community university city entity charity
    fraternity sorority municipality facility leadership partnership membership conference
    alliance audience intelligence defence prosecution legislature presidency embassy agency
    bureaucracy constituency congregation population generation kingdom business faction
    witness celebrity personality figure
    constitution legislation regulation resolution declaration petition policy guidance
    ordinance communication correspondence judgment judgement amendment settlement agreement
    announcement presentation submission confession deposition disclosure projection version
    edition experiment brochure section provision picture
    """.split()
)
# Prepositions after such a noun that name who speaks through it: "a succession of
# officials", "comments by senators", "a letter from the governor".
SPEAKING_PREPS = {"of", "by", "from"}
# Verbs whose subject meets a cue noun that is their object rather than voicing it ("faced
# accusations of X", "denied claims that X", "sparked fears of X", "was met with chants of
# X"): the subject is not the noun's speaker, as it is elsewhere ("raised concerns about X",
# "avoided criticism of X"; PolNeAR's annotators give "responded to accusations" to the one
# who responds).
MEETING_VERBS = set(
    """
    face field beg deny reject dismiss spark fuel prompt trigger provoke draw attract
    receive meet confront weather endure ignore rebuff rebut refute counter
    brush shrug downplay deflect dispute fend survive invite generate cause
    """.split()
)
# Prepositions that set a cue noun as a circumstance of its clause, not as what the subject
# says: "despite complaints that X", "amid calls for X", "resigned over accusations of X".
CIRCUMSTANCE_PREPS = {"despite", "amid", "amidst", "over", "after", "because", "following",
                      "under"}  # fmt: skip
# A subject that keeps its verb from being read so: a pronoun or a name ("he said Ryan"), a
# person the tagger found, or a noun of people (a common noun it tagged as an organisation,
# "Treason is narrowly defined cautions Lee", does not).
NAMING_POS = {"PRON", "PROPN"}
PERSON_LABELS = {labels.PERSON}
# Words before such a verb, at least, for what it says to come before it.
INVERTED_MIN_WORDS = 3
# Objects of "tell"-like verbs that are part of the cue: "told reporters", "told a conference".
ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "brief", "warn"}
# Speech verbs whose object is their hearer ("warned Congress", "accused the mayor"), never
# a speaker set after them as with "..., say 18 percent of voters".
HEARER_OBJECT_VERBS = ADDRESSEE_VERBS | {"accuse", "charge", "answer", "show", "repeat"}
# Where a thing was said: "said in a statement", "told reporters on a call".
VENUE_NOUNS = set(
    """
    statement response interview conference briefing speech talk address letter post release
    email message tweet call hearing testimony broadcast podcast column article book memo
    communique communiqué note video
    """.split()
)
# "Trump: Clinton Not Fit to Serve": at most this many words name the speaker before the colon,
# and at least this many words follow it.
COLON_SPEAKER_WORDS = 6
COLON_CONTENT_WORDS = 3
# First words of a line before a colon that name no speaker: "UPDATE: ...", "Watch: ...".
NOT_SPEAKERS = set(
    """
    update updated watch exclusive breaking video photos photo read note editor correction
    here related listen source sources via see click more also advertisement file
    """.split()
)
# Pronouns that stand for the person named last, of their gender: "he said".
PERSONAL_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
# Pronouns that show a person's gender, after the name in its sentence: "Ames said his ...";
# not "him" and "her", which stand for someone else as often as not ("Ames told her").
GENDERED_PRONOUNS = {"he": "m", "his": "m", "himself": "m", "she": "f", "hers": "f",
                     "herself": "f"}  # fmt: skip
# Titles that show it, lower case without the full stop: "Mrs. Ames".
GENDERED_TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f",
                   "madam": "f", "madame": "f", "mme": "f", "mister": "m"}  # fmt: skip
# Words that open a question, not a claim: "asked how ...", "said whether ...".
WH_WORDS = {"how", "why", "whether", "if", "what", "when", "where", "who", "which", "whom"}
# The conjunction that opens a reported clause: "said that ...".
COMPLEMENTIZER = "that"
# Dashes that end a dateline: "PORT AUREL, March 3 \u2014 ...", "(AFP) \u2013".
DATELINE_DASHES = {"\u2014", "\u2013", "--"}
# The marker of an infinitive: "pleading with X to send ...".
INFINITIVE_MARKER = "to"
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
# A markup tag left in a text ('<tweet author="@x" datetime="...">'), whose marks are no quotes.
MARKUP_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>")
# Two apostrophes written for a straight double mark (the New York Times' archive text:
# ''We will win,'' he said): read as a space and a straight mark.
DOUBLED_APOSTROPHE = ("''", ' "')

# --- parse labels (spaCy's English models) ---------------------------------------------------

# Dependency labels of the head of a clause.
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "csubj"}
# Dependency labels of a speech verb set into the clause it reports: "X, he said, is Y".
PARENTHETICAL_DEPS = {"parataxis"}
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
# Dependency labels of a verb that continues another, whose subject it shares: "..., saying";
# or of the adjective of "are likely to say".
CONTINUING_DEPS = {"advcl", "xcomp", "conj", "acomp"}
# Dependency labels of a verb that is the object of a preposition, whose subject is that of the
# verb the preposition hangs from: "After saying X, the man left", "he began by saying".
PREPOSITION_CLAUSE_DEPS = {"pcomp"}
# Verbs whose passive subject is the one addressed, not the speaker: "Lee was asked whether".
ASKED_VERBS = QUESTION_VERBS | ADDRESSEE_VERBS
# The tag of a past participle: "Asked about X, Lee said" (Lee is asked).
PAST_PARTICIPLE_TAG = "VBN"
# Dependency labels of a participle's clause set beside the main one ("Asked about X, ...").
PARTICIPLE_CLAUSE_DEPS = {"advcl"}
# Dependency labels of a clause a cue reports: "said (that) the plan failed"; a speech verb
# the parse hung on it may be the cue's own conjunct ("said X failed and said that ...").
REPORTED_CLAUSE_DEPS = {"ccomp"}
# Tags of a finite verb, which has a subject: "say", "says", "said".
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
# An aside after a name, skipped to find it: "Lee (R-Ohio) said".
OPENING_BRACKET, CLOSING_BRACKET = "(", ")"
# Dependency labels of a noun right before a verb that lost its subject, which may be that
# subject though not hung on the verb: "his wife Ana Brun, former governor Hal Brun said".
LOST_SUBJECT_DEPS = {"appos"}
# The dependency label of "there" in "there were ...", no one's name.
EXPLETIVE_DEP = "expl"
# Dependency labels of the words between a subject and its verb: "Lee also did not say".
BETWEEN_SUBJECT_DEPS = {"aux", "neg", "advmod"}
# The tag of a present participle: "..., adding that".
GERUND_TAG = "VBG"
# What may stand between a cue and the colon before what it says, on the next line: "He said
# recently:", "Cruz continued:".
COLON_CUE_DEPS = {"advmod", "prt", "npadvmod"}
# Words that set a speech verb beside the clause it reports: "As the Post reported, X".
AS_MARKERS = {"as"}
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
# Tokens that end a sentence.
SENTENCE_ENDS = {".", "?", "!"}
# Tokens that may end a clause after a quote's verb: '"No." Lee said, and left.'
CLAUSE_ENDS = SENTENCE_ENDS | {","}
# A quote ending in this mark inside its quotation marks ends its sentence: a verb after it
# is the next sentence's ('"... no." Abril left.'), where "?" and "!" often go on ('"Why?" he
# asked').
FULL_STOPS = {"."}
# Entity labels of a time, which may follow a quote's verb: '"No." Lee said on Monday.'
TIME_LABELS = {"DATE", "TIME"}
# Parts of speech of a speaker written beside a quote's verb: "Lee", "one", "he".
SPEAKER_POS = NOUN_POS | {"PRON", "NUM"}
