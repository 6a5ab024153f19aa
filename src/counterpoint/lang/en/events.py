"""English words of the event extractor (`nlp/events.py`): the trigger lexicon by event type,
the cues of roles, mood and magnitudes, and the spaCy entity labels the
rules read. General political and economic English."""

from __future__ import annotations

from counterpoint.lang.en import labels


def _lexicon(words_by_type: dict[str, str]) -> dict[str, str]:
    """lemma -> event type, from space-separated lemmas ("step_down": a verb with its
    particle); a lemma listed twice keeps its last type."""
    return {
        word.replace("_", " "): kind
        for kind, words in words_by_type.items()
        for word in words.split()
    }


# --- Triggers ----------------------------------------------------------------------------------

# Verb lemmas that trigger an event, by type ("step down": a verb with its particle).
VERBS = _lexicon({
    "AGREE": "agree pledge promise vow offer accept commit ratify approve",
    "CONSULT": "meet visit host telephone phone negotiate discuss consult confer mediate talk",
    "SUPPORT": """support praise welcome endorse back defend commend applaud hail recognize
        recognise apologize apologise thank congratulate forgive laud""",
    "CONCEDE": "concede ease relax yield allow permit pardon relent loosen lift call_off",
    "COOPERATE": "cooperate collaborate coordinate share extradite partner ally",
    "AID": "aid help assist donate provide supply deliver fund finance lend rescue evacuate",
    "RETREAT": "withdraw retreat surrender demobilize demobilise disarm release free pull_out "
    "back_down",
    "REQUEST": "ask request appeal urge call seek plead petition invite implore beg lobby",
    "DEMAND": "demand insist pressure press",
    "ACCUSE": "accuse allege blame charge sue indict convict prosecute implicate",
    "DISAPPROVE": """criticize criticise condemn denounce complain deplore decry censure slam
        rebuke lambaste chastise reprimand""",
    "INVESTIGATE": "investigate probe inspect audit interrogate scrutinize scrutinise",
    "REJECT": """reject refuse decline deny veto oppose dismiss rebuff spurn snub defy violate
        renege resist""",
    "THREATEN": "threaten warn menace intimidate",
    "PROTEST": "protest demonstrate rally march riot picket boycott block",
    "SANCTION": "sanction expel suspend halt sever freeze embargo cancel recall downgrade",
    "MOBILIZE": "mobilize mobilise deploy mass reinforce station",
    "COERCE": """confiscate seize ban outlaw censor deport blockade besiege curb restrict repress
        suppress raid occupy evict expropriate oust depose topple overthrow crack_down""",
    "ASSAULT": """attack kill murder assassinate bomb shoot stab beat torture abduct kidnap
        hijack massacre execute injure wound strike rape lynch assault destroy burn blow_up""",
    "FIGHT": "fight shell clash battle invade bombard capture retake ambush fire",
    "IMPEACH": "impeach",
    "ARREST": "arrest detain jail imprison apprehend",
    "APPOINT": "appoint nominate designate swear_in",
    "RESIGN": "resign quit step_down",
    "ELECT": "elect re-elect reelect",
    "DISSOLVE": "dissolve disband",
    "ACQUIRE": "acquire buy purchase take_over merge",
    "INVEST": "invest",
})  # fmt: skip

# Noun lemmas that trigger an event, by type.
NOUNS = _lexicon({
    "AGREE": """agreement deal accord pact treaty consensus memorandum settlement pledge promise
        offer compromise""",
    "CONSULT": """meeting talk summit visit negotiation consultation mediation conference
        dialogue""",
    "SUPPORT": "support endorsement praise recognition apology backing solidarity",
    "CONCEDE": "concession amnesty pardon",
    "COOPERATE": "cooperation collaboration partnership alliance coordination extradition",
    "AID": "aid assistance donation loan relief asylum help funding bailout",
    "RETREAT": "withdrawal retreat surrender ceasefire cease-fire truce pullout disarmament",
    "REQUEST": "request appeal plea petition invitation",
    "DEMAND": "demand",
    "ACCUSE": "accusation allegation charge lawsuit indictment conviction",
    "DISAPPROVE": "criticism condemnation complaint censure rebuke",
    "INVESTIGATE": "investigation probe inquiry inspection audit hearing interrogation",
    "REJECT": "rejection refusal veto denial",
    "THREATEN": "threat warning ultimatum",
    "PROTEST": """protest demonstration rally march riot strike sit-in boycott blockade walkout
        uprising""",
    "SANCTION": "sanction embargo expulsion suspension tariff",
    "MOBILIZE": "mobilization mobilisation deployment buildup",
    "COERCE": """crackdown ban curfew raid seizure deportation censorship occupation siege
        repression coup self-coup""",
    "ASSAULT": """attack killing murder assassination bombing shooting massacre assault abduction
        kidnapping torture execution airstrike""",
    "FIGHT": "fighting clash battle war invasion offensive combat shelling skirmish hostility",
    "IMPEACH": "impeachment",
    "ARREST": "arrest detention imprisonment",
    "APPOINT": "appointment nomination",
    "RESIGN": "resignation",
    "ELECT": "election referendum runoff",
    "DISSOLVE": "dissolution",
    "ACQUIRE": "acquisition takeover purchase merger buyout",
    "INVEST": "investment",
})  # fmt: skip

# The plural ending a tagged plural keeps when the lemmatizer leaves it ("talks", "sanctions").
PLURAL = "s"

# Verbs typed by their object ("sent troops", "gave aid", "opened fire", "cut ties").
TROOPS = {"troop", "soldier", "force", "army", "warship", "tank", "police", "unit", "battalion"}
AID_THINGS = {"aid", "money", "dollar", "grant", "loan", "asylum", "assistance", "weapon", "arm",
              "food", "medicine", "supply", "fund", "support", "help", "equipment"}  # fmt: skip
TIES = {"tie", "relation", "link", "contact"}
# Verbs that name what they take with a predicate of its object ("what they call the
# epicenter", "dubbed it a hoax"): then they report no event ("call" is otherwise a request).
NAMING_VERBS = {"call", "dub", "label", "term", "brand"}
REQUEST_PREPOSITIONS = {"for", "on"}  # "called for talks", "called on Arabs to unite"
# Prepositions that set an event in a time told by a noun ("during the 2016 campaign", "in his
# Monday address"); through others the noun's date is not the event's ("a probe into the 2016
# election", "before the Feb. 15 deadline").
FRAME_PREPOSITIONS = {"in", "on", "at", "during", "throughout", "amid"}
# Prepositions that set what a clause tells against the time of a noun ("before the fall
# election, Cuomo faces a primary next month"): the noun's event is not at the clause's date.
ORDER_PREPOSITIONS = {"before", "after", "since", "until", "till", "following", "ahead of",
                      "prior to"}  # fmt: skip
# Prepositions by which an event noun on another noun is the setting of the clause's act and
# shares its date ("faced questions in a press conference Tuesday", "at a hearing last week",
# "a wave of arrests"): those of a frame, but "on", which hangs a topic on a noun; through
# others it is a topic or a cause, told without its date ("the furor Tuesday over the killing",
# "a hearing on cyber threats for 5 January").
SETTING_PREPOSITIONS = FRAME_PREPOSITIONS - {"on"} | {"of"}
OBJECT_VERBS: dict[str, list[tuple[set[str], str]]] = {
    "send": [(TROOPS, "MOBILIZE"), (AID_THINGS, "AID")],
    "dispatch": [(TROOPS, "MOBILIZE"), ({"inspector", "investigator"}, "INVESTIGATE")],
    "give": [(AID_THINGS, "AID")],
    "grant": [(AID_THINGS, "AID")],
    "open": [({"fire"}, "FIGHT")],
    "cut": [(TIES | AID_THINGS, "SANCTION")],
    "break": [(TIES, "SANCTION")],
    "sever": [(TIES, "SANCTION")],
}
# A trade agreement: one of TRADE_NOUNS qualified by one of TRADE_WORDS ("free trade deal").
TRADE_WORDS = {"trade", "free-trade", "commercial", "fta"}
TRADE_NOUNS = {"agreement", "deal", "accord", "pact", "treaty"}
# Event words that are no event after these words: "a press release", "a booster shot" (which
# the tagger may take for the verb "shot").
NOT_EVENTS_AFTER = {"release": {"press", "news"}, "shot": {"booster", "flu", "vaccine"}}
# Verbs that report an event only with an object or a clause ("declined the offer", "declined
# to comment"); alone they tell a fall ("poverty declined").
EVENT_WITH_OBJECT = {"decline"}
OBJECT_DEPS = {"dobj", "xcomp", "ccomp"}

# --- Roles -------------------------------------------------------------------------------------

# spaCy entity labels of the actors an event's roles may name.
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "DESC", "LOC", "FAC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Actors that qualify a word to stand for themselves: "Peru's government", "Peruvian police".
QUALIFIER_LABELS = ACTOR_LABELS - PLACE_LABELS | {"GPE"}
# Actors a word's "of"/"from" names as its state or body: "soldiers of Valdoria".
MEMBER_OF_LABELS = {"GPE", "ORG", "NORP"}
MEMBER_OF_PREPS = {"of", "from"}
# Places only: no role through a preposition ("in the square").
NO_ROLE_LABELS = {"LOC", "FAC"}
# Actors a modifier of an event noun names as its agent or patient: "U.S. sanctions".
OWNER_LABELS = labels.ACTING
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around"}
TARGET_PREPS = {"with", "against", "on", "upon", "to", "toward", "towards", "into"}
TYPE_PREPS = {"INVEST": {"in"}, "ACQUIRE": {"in"}, "REQUEST": {"for"}}
AGENT_PREPS = {"by"}  # "the arrest by police"
OF_PREPS = {"of"}  # "the arrest of X", and skipped on the way up from a place ("the town of X")
# Nouns whose possessor or "of" is the patient: "Castillo's arrest", "the arrest of Castillo".
PATIENT_NOUNS = {
    "impeachment", "arrest", "detention", "imprisonment", "ouster", "removal", "killing",
    "murder", "assassination", "appointment", "nomination", "election", "expulsion",
    "deportation", "extradition", "indictment", "conviction", "release", "abduction",
    "kidnapping", "execution", "torture", "dissolution", "acquisition", "takeover", "purchase",
}  # fmt: skip
# Nouns whose "of" is the agent: "the protest of farmers", "the resignation of the minister".
AGENT_OF_NOUNS = {"protest", "demonstration", "rally", "march", "riot", "strike", "resignation",
                  "withdrawal", "retreat", "surrender", "visit", "walkout", "uprising"}  # fmt: skip
# Verbs that lend their subject to the event noun they govern: "filed a motion", "held talks".
LIGHT_VERBS = {"hold", "stage", "impose", "launch", "sign", "reach", "file", "open", "carry",
               "conduct", "make", "issue", "announce", "mount", "begin", "start", "lead",
               "organize", "organise", "lodge", "level", "bring", "order", "call", "declare",
               "continue", "resume", "go", "join", "initiate", "undertake"}  # fmt: skip
# Verbs whose subject undergoes the event noun they govern: "faces impeachment".
PATIENT_VERBS = {"face", "survive", "undergo", "suffer", "escape", "avoid", "fear"}
# Verbs that govern an event noun through a preposition: "voted for the impeachment".
GOVERNING_VERBS = PATIENT_VERBS | LIGHT_VERBS | {"vote"}

# --- Mood --------------------------------------------------------------------------------------

MODALS = {"can", "could", "may", "might", "will", "would", "shall", "should", "must", "ca", "wo"}
MODAL_AUXILIARIES = MODALS | {"'ll", "'d"}
MODAL_NAMES = {"ca": "can", "wo": "will"}  # "can't", "won't" as tokenized
CONTRACTED_MODALS = {"'ll": "will", "'d": "would"}  # as lemmatized, when they are
# Words that put the event they govern in the future or in doubt: "is expected to meet".
MODAL_GOVERNORS = {
    "expect", "plan", "intend", "want", "hope", "seek", "try", "attempt", "aim", "prepare",
    "propose", "threaten", "promise", "vow", "pledge", "agree", "offer", "decide", "consider",
    "need", "likely", "unlikely", "set", "due", "ready", "willing", "able", "poised", "go",
    "about", "prepared", "determined", "eager", "wish", "refuse", "decline", "fail", "move",
    "scheduled", "schedule",
}  # fmt: skip
NEGATING_GOVERNORS = {"refuse", "decline", "fail", "unlikely"}
MODAL_ADVERBS = {"possibly", "probably", "perhaps", "maybe", "likely"}
NEGATING_DETERMINERS = {"no"}  # "no agreement"
# Modalities that state an intent, coded by PLOVER as AGREE (to cooperate) or THREATEN (to harm).
INTENT_MODALITIES = {"will", "would", "promise", "pledge", "vow", "offer", "willing", "ready",
                     "prepared", "agree", "plan", "intend", "shall"}  # fmt: skip
THREAT_MODALITIES = INTENT_MODALITIES | {"threaten"}

# --- Magnitudes --------------------------------------------------------------------------------

DEATH_WORDS = {"kill", "die", "dead", "death", "slay", "murder", "massacre", "execute", "lose"}
INJURY_WORDS = {"injure", "wound", "hurt", "injured", "wounded", "injury"}
CASUALTY_WORDS = DEATH_WORDS | INJURY_WORDS
PEOPLE = {"people", "person", "protester", "demonstrator", "soldier", "troop", "civilian",
          "officer", "police", "policeman", "worker", "student", "marcher", "supporter",
          "member", "fighter", "militant", "rebel", "resident", "farmer", "activist", "man",
          "woman", "child", "refugee", "migrant", "prisoner", "voter", "employee",
          "peacekeeper", "inspector", "observer", "personnel", "ship", "tank"}  # fmt: skip
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# spaCy entity labels of numbers that count no one.
NOT_COUNT_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}
