"""Events: who did what to whom, when and where, read off the dependency parse.

A trigger is a verb or an event noun whose lemma is in the lexicon below (general political and
economic English). Its type is a PLOVER type or one of a few documented extensions (see
`docs/events.md`). Roles come from the parse: the agent (subject of an active verb, "by X" of a
passive, possessor or "by X" of a noun), the patient (object, subject of a passive, "of X"),
the place ("in/at X"), the date (a DATE entity of the clause, resolved against the date the
article was published), casualties and size ("killing 27 people", "140,000 soldiers"), negation
("did not meet") and modality ("could", "is expected to").

`find_events(sdoc, published)` returns `Event` records with `doc=""`; `source`, `target` and
`place` are indexes into `sdoc.ents`, `start`/`end` the trigger's characters in `sdoc.text`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser
from spacy.tokens import Doc, Span, Token

from counterpoint.records import Event

# --- Types -------------------------------------------------------------------------------------

# PLOVER (manual draft 0.8, 2021) types, plus the four PLOVER 0.5 types the gold-standard
# records still use (FIGHT, DEMAND, DISAPPROVE, INVESTIGATE; PLOVER 2021 folds them into
# ASSAULT, REQUEST, ACCUSE, ACCUSE).
PLOVER_TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT FIGHT DEMAND DISAPPROVE INVESTIGATE"
).split()
# Extensions for political and economic news, each with the PLOVER type it refines (None: no
# PLOVER type covers it).
EXTENSIONS: dict[str, str | None] = {
    "IMPEACH": "ACCUSE",
    "ARREST": "COERCE",
    "APPOINT": None,
    "RESIGN": "RETREAT",
    "ELECT": None,
    "DISSOLVE": "COERCE",
    "ACQUIRE": None,
    "INVEST": "COOPERATE",
    "TRADE_AGREEMENT": "AGREE",
}
# PLOVER 2021 names of the 0.5 types.
PLOVER_2021 = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE",
               "INVESTIGATE": "ACCUSE"}  # fmt: skip

VERBS: dict[str, str] = {}
NOUNS: dict[str, str] = {}


def _lexicon(table: dict[str, str], kind: str, words: str) -> None:
    for word in words.split():
        table[word.replace("_", " ")] = kind


# Verb lemmas ("step_down": a verb with its particle).
for _kind, _words in {
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
}.items():
    _lexicon(VERBS, _kind, _words)

for _kind, _words in {
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
}.items():
    _lexicon(NOUNS, _kind, _words)

# Verbs typed by their object ("sent troops", "gave aid", "opened fire", "cut ties").
TROOPS = {"troop", "soldier", "force", "army", "warship", "tank", "police", "unit", "battalion"}
AID_THINGS = {"aid", "money", "dollar", "grant", "loan", "asylum", "assistance", "weapon", "arm",
              "food", "medicine", "supply", "fund", "support", "help", "equipment"}  # fmt: skip
TIES = {"tie", "relation", "link", "contact"}
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
TRADE_WORDS = {"trade", "free-trade", "commercial", "fta"}
TRADE_NOUNS = {"agreement", "deal", "accord", "pact", "treaty"}

# --- Roles -------------------------------------------------------------------------------------

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "DESC", "LOC", "FAC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around"}
TARGET_PREPS = {"with", "against", "on", "upon", "to", "toward", "towards", "into"}
TYPE_PREPS = {"INVEST": {"in"}, "ACQUIRE": {"in"}, "REQUEST": {"for"}}
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
MODALS = {"can", "could", "may", "might", "will", "would", "shall", "should", "must", "ca", "wo"}
MODAL_NAMES = {"ca": "can", "wo": "will"}
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
NOT_WORDS = {"not", "n't", "never", "no"}

# --- Magnitudes --------------------------------------------------------------------------------

DEATH_WORDS = {"kill", "die", "dead", "death", "slay", "murder", "massacre", "execute", "lose"}
INJURY_WORDS = {"injure", "wound", "hurt", "injured", "wounded", "injury"}
PEOPLE = {"people", "person", "protester", "demonstrator", "soldier", "troop", "civilian",
          "officer", "police", "policeman", "worker", "student", "marcher", "supporter",
          "member", "fighter", "militant", "rebel", "resident", "farmer", "activist", "man",
          "woman", "child", "refugee", "migrant", "prisoner", "voter", "employee",
          "peacekeeper", "inspector", "observer", "personnel", "ship", "tank"}  # fmt: skip
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def find_events(sdoc: Doc, published: date | None) -> list[Event]:
    """The events of a parsed document, in text order."""
    ent_of: dict[int, int] = {}
    for number, ent in enumerate(sdoc.ents):
        for token in ent:
            ent_of[token.i] = number
    sentences = {sent.start: number for number, sent in enumerate(sdoc.sents)}
    events: list[Event] = []
    for sent in sdoc.sents:
        dates = _sentence_dates(sent, published)
        for token in sent:
            kind = _type_of(token)
            if kind is not None:
                events.append(_event(token, kind, sentences[sent.start], ent_of, dates, published))
    return events


def plover_type(kind: str, modality: str | None = None, version: str = "2021") -> str | None:
    """The PLOVER type an event type is coded as: extensions go to the type they refine, and
    an intent (modality "will", "promise", "offer", ...) to cooperate is AGREE, to harm is
    THREATEN, as PLOVER codes them. `version="0.5"` uses the gold-standard records' names
    (DEMAND, DISAPPROVE, ...); "2021" the current ones."""
    parent: str | None = EXTENSIONS.get(kind, kind)
    if parent is None:
        return None
    intent = modality in {"will", "would", "promise", "pledge", "vow", "offer", "willing",
                          "ready", "prepared", "agree", "plan", "intend", "shall"}  # fmt: skip
    if intent and parent in {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}:
        parent = "AGREE"
    elif (intent or modality == "threaten") and parent in {
        "SANCTION", "COERCE", "ASSAULT", "FIGHT", "PROTEST", "MOBILIZE"
    }:  # fmt: skip
        parent = "THREATEN"
    if version == "2021":
        return PLOVER_2021.get(parent, parent)
    return {"ACCUSE": "DISAPPROVE", "REQUEST": "DEMAND"}.get(parent, parent)


# --- Triggers ----------------------------------------------------------------------------------


def _type_of(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        if token.dep_ == "amod":  # "the detained reporter": a description, not a report
            return None
        if token.dep_ == "acl" and any(c.dep_ == "nummod" for c in token.head.children):
            return None  # "left 3 people injured": a count of the event's victims
        particle = next((c.lower_ for c in token.children if c.dep_ in {"prt", "advmod"}
                         and f"{lemma} {c.lower_}" in VERBS), None)  # fmt: skip
        if particle and f"{lemma} {particle}" in VERBS:
            return VERBS[f"{lemma} {particle}"]
        for child in token.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                for things, object_kind in OBJECT_VERBS.get(lemma, []):
                    if child.lemma_.lower() in things:
                        return object_kind
        return VERBS.get(lemma)
    if token.pos_ == "NOUN" and token.dep_ != "compound":
        kind = NOUNS.get(lemma)
        if kind is None and lemma.endswith("s"):
            kind = NOUNS.get(lemma[:-1])  # "talks", "sanctions", "hostilities" as tagged
        if lemma in TRADE_NOUNS and any(
            t.lower_ in TRADE_WORDS or t.lower_ == "trade" for t in token.lefts
        ):
            return "TRADE_AGREEMENT"
        if lemma == "release" and any(c.lower_ in {"press", "news"} for c in token.lefts):
            return None
        return kind
    return None


def _event(
    trigger: Token,
    kind: str,
    sentence: int,
    ent_of: dict[int, int],
    dates: dict[int, tuple[str, str | None]],
    published: date | None,
) -> Event:
    source, target = _roles(trigger, kind, ent_of)
    if source is not None and source == target:
        target = None
    clause = _clause(trigger)
    anchors = {trigger.i, clause.i}
    place = _place(trigger.doc, trigger.sent, anchors, ent_of, {source, target})
    happened = happened_end = None
    for ent_start, (first_day, last_day) in dates.items():
        if _attached(trigger.doc[ent_start], anchors):
            happened, happened_end = first_day, last_day
            break
    negated, modality = _mood(trigger)
    dead, injured, size = _magnitudes(trigger)
    end = trigger.idx + len(trigger)
    for child in trigger.children:  # "stepped down": the particle is part of the trigger
        if child.dep_ in {"prt", "advmod"} and f"{trigger.lemma_.lower()} {child.lower_}" in VERBS:
            end = max(end, child.idx + len(child))
    return Event(
        doc="",
        sentence=sentence,
        start=trigger.idx,
        end=end,
        type=kind,
        trigger=trigger.lemma_.lower(),
        source=source,
        target=target,
        place=place,
        happened=happened,
        happened_end=happened_end,
        reported=published.isoformat() if published else None,
        dead=dead,
        injured=injured,
        size=size,
        negated=negated,
        modality=modality,
    )


# --- Roles -------------------------------------------------------------------------------------


def _actor(token: Token | None, ent_of: dict[int, int]) -> int | None:
    """The actor a word names: itself, or the name it is in apposition with, or the state or
    body that qualifies it ("Peru's government", "Peruvian police")."""
    if token is None:
        return None
    doc = token.doc
    if token.i in ent_of and doc.ents[ent_of[token.i]].label_ in ACTOR_LABELS:
        return ent_of[token.i]
    for deps in ({"appos"}, {"poss", "compound", "amod"}):
        for child in token.children:
            if (
                child.dep_ in deps
                and child.i in ent_of
                and doc.ents[ent_of[child.i]].label_ in ACTOR_LABELS - PLACE_LABELS | {"GPE"}
            ):
                return ent_of[child.i]
    if token.lemma_.lower() not in NOUNS:  # "soldiers of Valdoria", "officials from Norland"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
                for pobj in child.children:
                    if (
                        pobj.dep_ == "pobj"
                        and pobj.i in ent_of
                        and doc.ents[ent_of[pobj.i]].label_ in {"GPE", "ORG", "NORP"}
                    ):
                        return ent_of[pobj.i]
    return None


def _child(token: Token, deps: set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _prep_object(
    token: Token, preps: set[str], ent_of: dict[int, int], dep: str = "prep"
) -> int | None:
    for child in token.children:
        if child.dep_ == dep and (dep == "agent" or child.lower_ in preps):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    found = _actor(grandchild, ent_of)
                    if found is not None and grandchild.doc.ents[found].label_ not in {
                        "LOC", "FAC"
                    }:  # fmt: skip
                        return found
    return None


def _subject(verb: Token, ent_of: dict[int, int]) -> tuple[int | None, bool]:
    """The agent of a verb (climbing through "agreed to meet", "killed and injured"), and
    whether the verb's own subject was passive ("was arrested"): then it names the patient."""
    seen = 0
    while seen < 5:
        seen += 1
        subject = _child(verb, {"nsubj", "csubj"})
        if subject is not None:
            return _actor(subject, ent_of), False
        if _child(verb, {"nsubjpass"}) is not None and verb.dep_ != "xcomp":
            return None, True
        if verb.dep_ == "xcomp" or (verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "ADJ"}):
            head = verb.head
            if verb.dep_ == "xcomp" and _child(head, {"dobj"}) is not None:
                return _actor(_child(head, {"dobj"}), ent_of), False  # "urged X to meet"
            if _child(head, {"nsubjpass"}) is not None and head.dep_ != "xcomp":
                return _actor(_child(head, {"nsubjpass"}), ent_of), False  # "is expected to"
            if head.pos_ == "ADJ" and head.dep_ == "acomp":  # "is ready to"
                head = head.head
            verb = head
            continue
        if verb.dep_ in {"advcl", "acl"} and verb.tag_ == "VBG":  # "..., killing 27 people"
            verb = verb.head
            continue
        return None, False
    return None, False


def _roles(trigger: Token, kind: str, ent_of: dict[int, int]) -> tuple[int | None, int | None]:
    preps = TARGET_PREPS | TYPE_PREPS.get(kind, set())
    if trigger.pos_ == "VERB":
        agent = _prep_object(trigger, set(), ent_of, dep="agent")
        passive_subject = _child(trigger, {"nsubjpass"})
        if passive_subject is not None:
            return agent, _actor(passive_subject, ent_of)
        if trigger.dep_ == "acl" and trigger.tag_ == "VBN":  # "the reporter detained by X"
            return agent, _actor(trigger.head, ent_of)
        source, _ = _subject(trigger, ent_of)
        target = _actor(_child(trigger, {"dobj"}), ent_of)
        if target is None:
            target = _prep_object(trigger, preps, ent_of)
        if target is None and trigger.dep_ == "conj":
            target = _actor(_child(trigger.head, {"dobj"}), ent_of)  # "attacked and killed X"
        return source, target
    return _noun_roles(trigger, kind, ent_of, preps)


def _noun_roles(
    noun: Token, kind: str, ent_of: dict[int, int], preps: set[str]
) -> tuple[int | None, int | None]:
    lemma = noun.lemma_.lower()
    patient = lemma in PATIENT_NOUNS
    source = _prep_object(noun, set(), ent_of, dep="agent") or _prep_object(noun, {"by"}, ent_of)
    target = None
    owner = next((_actor(c, ent_of) for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:  # "U.S. sanctions", "Israeli strikes"
        owner = next((ent_of[c.i] for c in noun.lefts if c.dep_ in {"compound", "amod"}
                      and c.i in ent_of and noun.doc.ents[ent_of[c.i]].label_
                      in {"GPE", "NORP", "ORG", "PERSON"}), None)  # fmt: skip
    of = _prep_object(noun, {"of"}, ent_of)
    # "the impeachment and arrest of X": conjoined nouns share their "of"
    for other in [noun.head] if noun.dep_ == "conj" else []:
        of = of if of is not None else _prep_object(other, {"of"}, ent_of)
    for other in (c for c in noun.children if c.dep_ == "conj"):
        of = of if of is not None else _prep_object(other, {"of"}, ent_of)
    if patient:
        target = owner if owner is not None else of
        if owner is not None and of is not None:
            source, target = owner, of  # "Congress's impeachment of X"
    elif lemma in AGENT_OF_NOUNS or lemma.rstrip("s") in AGENT_OF_NOUNS:
        source = source if source is not None else (owner if owner is not None else of)
    else:
        source = source if source is not None else owner
        target = of
    if target is None:
        target = _prep_object(noun, preps, ent_of)
    first = noun.head if noun.dep_ == "conj" else noun  # "the impeachment and arrest of X"
    governor = first.head if first.dep_ in {"dobj", "nsubjpass", "attr"} else None
    if first.dep_ == "pobj" and first.head.head.pos_ == "VERB":  # "voted for the impeachment"
        verb = first.head.head.lemma_.lower()
        governor = first.head.head if verb in PATIENT_VERBS | LIGHT_VERBS | {"vote"} else None
    if governor is not None and governor.pos_ in {"VERB", "AUX"}:
        verb_lemma = governor.lemma_.lower()
        if verb_lemma in PATIENT_VERBS and target is None:
            target, _ = _subject(governor, ent_of)
        elif verb_lemma in LIGHT_VERBS or governor.lemma_.lower() not in VERBS:
            if source is None and verb_lemma not in PATIENT_VERBS:
                source, _ = _subject(governor, ent_of)
                if source is None:
                    source = _prep_object(governor, set(), ent_of, dep="agent")
            if target is None:
                target = _prep_object(governor, preps, ent_of)
    return source, target


# --- Clause, place, date ------------------------------------------------------------------------


def _clause(trigger: Token) -> Token:
    """The verb whose clause the trigger is in: itself, or the verb governing an event noun."""
    token = trigger
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT":
            return token
        token = token.head
    return trigger


def _attached(token: Token, anchors: set[int]) -> bool:
    """Whether a word hangs off one of the anchors without crossing another clause."""
    for _ in range(12):
        if token.i in anchors:
            return True
        if token.dep_ == "ROOT":
            return False
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "compound"}:
            return False
        token = token.head
    return False


def _place(
    doc: Doc,
    sent: Span,
    anchors: set[int],
    ent_of: dict[int, int],
    taken: set[int | None],
) -> int | None:
    for number in sorted({ent_of[t.i] for t in sent if t.i in ent_of}):
        ent = doc.ents[number]
        if ent.label_ not in PLACE_LABELS or number in taken:
            continue
        # climb to the trigger's clause: the first preposition other than "of" ("in the town
        # of X") must be a place word, and no other clause crossed
        token, prep = ent.root, None
        for _ in range(12):
            if token.i in anchors:
                break
            if token.dep_ == "ROOT" or (token.pos_ in {"VERB", "AUX"} and token is not ent.root):
                prep = None
                break
            if token.dep_ in {"prep", "agent"} and token.lower_ != "of" and prep is None:
                prep = token.lower_
            token = token.head
        if token.i in anchors and prep in PLACE_PREPS:
            return number
    return None


def _sentence_dates(sent: Span, published: date | None) -> dict[int, tuple[str, str | None]]:
    """The DATE entities of a sentence, resolved: first token index -> (start, end or None)."""
    found: dict[int, tuple[str, str | None]] = {}
    pending: list[tuple[int, int, str]] = []
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        after = sent.doc[ent.end].lower_ if ent.end < len(sent.doc) else ""
        relative = re.fullmatch(
            r"(?:just |only )?(a|the|one|two|three|\d+) (day|week|month|year)s?"
            r"(?: (before|earlier|after|later))?",
            ent.text.lower(),
        )
        direction = (relative.group(3) or after) if relative else ""
        if relative and direction in {"before", "earlier", "after", "later"}:
            word = relative.group(1)
            amount = int(word) if word.isdigit() else {"two": 2, "three": 3}.get(word, 1)
            unit = {"day": 1, "week": 7, "month": 30, "year": 365}[relative.group(2)]
            sign = -1 if direction in {"before", "earlier"} else 1
            pending.append((ent.start, sign * amount * unit, ent.text))
            continue
        resolved = resolve_date(ent.text, published)
        if resolved is not None:
            found[ent.start] = resolved
    if pending and len(found) >= 1:
        start, end = next(iter(found.values()))
        if end is None:  # "a day before" counts from the one exact date of the sentence
            base = date.fromisoformat(start)
            for ent_start, days, _ in pending:
                found[ent_start] = ((base + timedelta(days=days)).isoformat(), None)
    return found


MONTHS = ("january february march april may june july august september october november "
          "december").split()  # fmt: skip
DURATION = re.compile(r"\b(hours?|minutes?|days|weeks|months|years|decades?)\b")


# Naming the languages spares dateparser trying each of its two hundred locales.
DATE_LANGUAGES = ["en", "es"]


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: date | None) -> tuple[str, str | None] | None:
    """A DATE entity's text to an ISO date or range, relative to the publication date:
    "December 6" -> the latest December 6 not after it; "last week" -> Monday..Sunday of the
    week before; "in 2019" -> the year; "last November" -> that month. Durations ("90 days")
    and vague dates ("recent years") give None."""
    words = re.sub(r"^(on|in|since|by|during|from|the|early|late|mid-?)\s+", "", text.lower())
    words = words.strip(" ,.")
    year = re.fullmatch(r"(?:the year )?(\d{4})", words)
    if year:
        return f"{year.group(1)}-01-01", f"{year.group(1)}-12-31"
    month_year = re.fullmatch(rf"({'|'.join(MONTHS)}),? (\d{{4}})", words)
    if month_year:
        return _month(int(month_year.group(2)), MONTHS.index(month_year.group(1)) + 1)
    if published is None:
        if re.search(r"\d{4}", words) and not DURATION.search(words):
            parsed = dateparser.parse(
                words, languages=DATE_LANGUAGES, settings={"PREFER_DATES_FROM": "past"}
            )
            return (parsed.date().isoformat(), None) if parsed else None
        return None
    last = re.fullmatch(r"(last|this|next|past) (week|month|year)", words)
    if last:
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[last.group(1)]
        if last.group(2) == "week":
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
        if last.group(2) == "month":
            month = published.month + shift
            year_number = published.year + (month - 1) // 12
            return _month(year_number, (month - 1) % 12 + 1)
        year_number = published.year + shift
        return f"{year_number}-01-01", f"{year_number}-12-31"
    named = re.fullmatch(rf"(last |this )?({'|'.join(MONTHS)})", words)
    if named:
        number = MONTHS.index(named.group(2)) + 1
        year_number = published.year if number < published.month else published.year - 1
        if named.group(1) == "this " or number == published.month and not named.group(1):
            year_number = published.year
        return _month(year_number, number)
    if DURATION.search(words) and not re.search(r"\b(ago|last|past)\b", words):
        return None
    if re.search(r"\b(recent|coming|decades?|centur(y|ies)|era|period|season)\b", words):
        return None
    base = datetime(published.year, published.month, published.day)
    parsed = dateparser.parse(
        words,
        languages=DATE_LANGUAGES,
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"},
    )
    if parsed is None:
        return None
    return parsed.date().isoformat(), None


def _month(year: int, month: int) -> tuple[str, str]:
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1).isoformat(), (following - timedelta(days=1)).isoformat()


# --- Mood and magnitudes -----------------------------------------------------------------------


def _mood(trigger: Token) -> tuple[bool, str | None]:
    negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
                  for c in trigger.children)  # fmt: skip
    modality = None
    token = trigger
    for _ in range(4):
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in MODALS | {"'ll", "'d"}:
                modality = modality or MODAL_NAMES.get(child.lower_, child.lemma_.lower())
                if modality in {"'ll", "'d"}:
                    modality = "will" if modality == "'ll" else "would"
            if child.dep_ == "advmod" and child.lower_ in MODAL_ADVERBS:
                modality = modality or child.lower_
        if token is not trigger and any(c.dep_ == "neg" for c in token.children):
            negated = True  # "did not agree to meet"
        if token.pos_ == "NOUN" and token.dep_ in {"dobj", "nsubjpass", "conj"}:
            if token.dep_ == "conj" and token.head.dep_ not in {"dobj", "nsubjpass"}:
                break
            token = token.head if token.dep_ != "conj" else token.head.head  # "did not sign X"
            negated = negated or any(c.dep_ == "neg" for c in token.children)
            continue
        governed = token.dep_ == "xcomp" or (token.dep_ == "pobj" and token.head.dep_ == "prep")
        if not governed:
            break
        head = token.head if token.dep_ == "xcomp" else token.head.head
        lemma = head.lemma_.lower()
        if lemma in MODAL_GOVERNORS:
            modality = modality or lemma
            negated = negated or lemma in NEGATING_GOVERNORS
        elif token.dep_ == "pobj":
            break
        token = head
    return negated, modality


def _value(token: Token) -> int | None:
    text = token.lower_.replace(",", "")
    scale = 1
    if text in SCALES:
        scale = SCALES[text]
        parts = [c for c in token.children if c.dep_ in {"compound", "quantmod", "nummod"}]
        if not parts:
            return None
        text = parts[0].lower_.replace(",", "")
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text] * scale
    try:
        return int(float(text) * scale)
    except ValueError:
        return None


def _magnitudes(trigger: Token) -> tuple[int | None, int | None, int | None]:
    """Dead, injured and size, from numbers in the trigger's clause."""
    dead = injured = size = None
    clause = _clause(trigger)
    scope = {clause.i, trigger.i}
    for token in trigger.sent:
        if not (token.like_num or token.lower_ in SCALES) or token.dep_ in {"compound"}:
            continue
        if token.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}:
            continue
        value = _value(token)
        if value is None:
            continue
        noun = token.head if token.dep_ in {"nummod", "quantmod"} else token
        words = {noun.lemma_.lower(), noun.head.lemma_.lower(), noun.lower_}
        words |= {c.lemma_.lower() for c in noun.children} | {c.lower_ for c in noun.children}
        words |= {c.lower_ for c in noun.head.children if c.dep_ in {"oprd", "acomp", "ccomp"}}
        near = (
            _attached(noun, scope)
            or noun.head.i in scope
            or (noun.head.head.i in scope and noun.head.pos_ == "VERB")
        )
        if not near:
            continue
        if words & DEATH_WORDS and dead is None:
            dead = value
        elif words & INJURY_WORDS and injured is None:
            injured = value
        elif (
            noun.lemma_.lower() in PEOPLE
            and size is None
            and noun.i != token.i
            and noun.head.lemma_.lower() not in DEATH_WORDS | INJURY_WORDS
        ):
            size = value
    return dead, injured, size
