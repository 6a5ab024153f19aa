"""Events: who did what to whom, when and where, read off the dependency parse.

A trigger is a verb or an event noun whose lemma is in the lexicon of the language data
(`lang/<code>/events.py`; in English, general political and economic vocabulary). Its type is a
PLOVER type or one of a few documented extensions (see `docs/events.md`). Roles come from the
parse: the agent (subject of an active verb, "by X" of a passive, possessor or "by X" of a noun),
the patient (object, subject of a passive, "of X"), the place ("in/at X"), the date (a DATE
entity of the clause, resolved against the date the article was published), casualties and size
("killing 27 people", "140,000 soldiers"), negation ("did not meet") and modality ("could", "is
expected to").

`find_events(sdoc, published, settings)` returns `Event` records with `doc=""`; `source`,
`target` and `place` are indexes into `sdoc.ents`, `start`/`end` the trigger's characters in
`sdoc.text`.
"""

from __future__ import annotations

from datetime import date
from types import ModuleType

from spacy.tokens import Doc, Span, Token

from counterpoint.config import NlpSettings
from counterpoint.lang import words
from counterpoint.nlp.dates import DateValue, is_age, resolve_date, tense_of
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
# Types an intent turns into AGREE (to cooperate) or THREATEN (to harm), as PLOVER codes them.
COOPERATIVE_TYPES = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
HARMFUL_TYPES = {"SANCTION", "COERCE", "ASSAULT", "FIGHT", "PROTEST", "MOBILIZE"}
# How a date qualifies a noun rather than a clause: "the Jan. 6 attack", "Monday's vote",
# "the 1619 Project" (dependency labels of spaCy's English models).
NOUN_QUALIFIERS = {"compound", "nmod", "poss", "amod", "nummod"}
SUBJECTS = {"nsubj", "nsubjpass"}
TIME_LABELS = {"DATE", "TIME"}


def find_events(
    sdoc: Doc, published: date | None, settings: NlpSettings = NlpSettings()
) -> list[Event]:
    """The events of a parsed document, in text order."""
    ent_of: dict[int, int] = {}
    for number, ent in enumerate(sdoc.ents):
        for token in ent:
            ent_of[token.i] = number
    en = words(sdoc.lang_, "events")
    events: list[Event] = []
    anchor: DateValue | None = None
    for number, sent in enumerate(sdoc.sents):
        dates, anchor = _sentence_dates(sent, published, anchor)
        for token in sent:
            kind = _type_of(token, en)
            if kind is not None:
                events.append(_event(token, kind, number, ent_of, dates, published, settings))
    return events


def plover_type(
    kind: str, modality: str | None = None, version: str = "2021", language: str = "en"
) -> str | None:
    """The PLOVER type an event type is coded as: extensions go to the type they refine, and
    an intent (modality "will", "promise", "offer", ...) to cooperate is AGREE, to harm is
    THREATEN, as PLOVER codes them. `version="0.5"` uses the gold-standard records' names
    (DEMAND, DISAPPROVE, ...); "2021" the current ones."""
    en = words(language, "events")
    parent: str | None = EXTENSIONS.get(kind, kind)
    if parent is None:
        return None
    if modality in en.INTENT_MODALITIES and parent in COOPERATIVE_TYPES:
        parent = "AGREE"
    elif modality in en.THREAT_MODALITIES and parent in HARMFUL_TYPES:
        parent = "THREATEN"
    if version == "2021":
        return PLOVER_2021.get(parent, parent)
    return {"ACCUSE": "DISAPPROVE", "REQUEST": "DEMAND"}.get(parent, parent)


# --- Triggers ----------------------------------------------------------------------------------


# These run at every token, so they take the language data (`en`) from the caller.


def _type_of(token: Token, en: ModuleType) -> str | None:
    if token.pos_ == "VERB":
        return _verb_type(token, en)
    if token.pos_ == "NOUN" and token.dep_ != "compound":
        return _noun_type(token, en)
    return None


def _verb_type(verb: Token, en: ModuleType) -> str | None:
    lemma = verb.lemma_.lower()
    if verb.dep_ == "amod":  # "the detained reporter": a description, not a report
        return None
    if verb.dep_ == "acl" and any(c.dep_ == "nummod" for c in verb.head.children):
        return None  # "left 3 people injured": a count of the event's victims
    if lemma in en.EVENT_WITH_OBJECT and not any(c.dep_ in en.OBJECT_DEPS for c in verb.children):
        return None  # "poverty declined": a fall, not a refusal
    if verb.i > 0 and verb.doc[verb.i - 1].lower_ in en.NOT_EVENTS_AFTER.get(verb.lower_, ()):
        return None  # "his booster shot", taken for a verb
    if lemma in en.NAMING_VERBS and _names_its_object(verb, en):
        return None  # "what they call the epicenter": a name, not a request
    particle = next((c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}
                     and f"{lemma} {c.lower_}" in en.VERBS), None)  # fmt: skip
    if particle is not None:  # "stepped down", "called off"
        return en.VERBS[f"{lemma} {particle}"]
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            for things, object_kind in en.OBJECT_VERBS.get(lemma, []):
                if child.lemma_.lower() in things:
                    return object_kind
    return en.VERBS.get(lemma)


def _names_its_object(verb: Token, en: ModuleType) -> bool:
    """'call it a hoax': a predicate of the object (not a date the parser took for one, as in
    'called Thursday on Arabs to unite'), and no 'for' or 'on' of a request."""
    return any(
        c.dep_ == "oprd" and c.ent_type_ not in TIME_LABELS for c in verb.children
    ) and not any(c.dep_ == "prep" and c.lower_ in en.REQUEST_PREPOSITIONS for c in verb.children)


def _noun_type(noun: Token, en: ModuleType) -> str | None:
    lemma = noun.lemma_.lower()
    kind = en.NOUNS.get(lemma)
    if kind is None and lemma.endswith(en.PLURAL):
        kind = en.NOUNS.get(lemma[: -len(en.PLURAL)])  # "talks", "sanctions" as tagged
    if lemma in en.TRADE_NOUNS and any(t.lower_ in en.TRADE_WORDS for t in noun.lefts):
        return "TRADE_AGREEMENT"
    if any(c.lower_ in en.NOT_EVENTS_AFTER.get(lemma, ()) for c in noun.lefts):
        return None  # "a press release"
    return kind


def _event(
    trigger: Token,
    kind: str,
    sentence: int,
    ent_of: dict[int, int],
    dates: dict[int, DateValue],
    published: date | None,
    settings: NlpSettings,
) -> Event:
    source, target = _roles(trigger, kind, ent_of, settings)
    if source is not None and source == target:
        target = None
    clause = _clause(trigger, settings)
    anchors = {trigger.i, clause.i}
    place = _place(trigger.sent, anchors, ent_of, {source, target}, settings)
    dated = {trigger.i, _dated_from(trigger, clause).i}
    when = next(
        (value for at, value in dates.items() if _attached(trigger.doc[at], dated, settings)),
        None,
    )
    happened, happened_end = (when.days if when else None) or (None, None)
    negated, modality = _mood(trigger, settings)
    dead, injured, size = _magnitudes(trigger, settings)
    end = trigger.idx + len(trigger)
    verbs = words(trigger.doc.lang_, "events").VERBS
    for child in trigger.children:  # "stepped down": the particle is part of the trigger
        if child.dep_ in {"prt", "advmod"} and f"{trigger.lemma_.lower()} {child.lower_}" in verbs:
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
        date_value=when.value if when else None,
    )


# --- Roles -------------------------------------------------------------------------------------


def _actor(token: Token | None, ent_of: dict[int, int]) -> int | None:
    """The actor a word names: itself, or the name it is in apposition with, or the state or
    body that qualifies it ("Peru's government", "Peruvian police")."""
    if token is None:
        return None
    doc = token.doc
    en = words(doc.lang_, "events")
    if token.i in ent_of and doc.ents[ent_of[token.i]].label_ in en.ACTOR_LABELS:
        return ent_of[token.i]
    for deps in ({"appos"}, {"poss", "compound", "amod"}):
        for child in token.children:
            if (
                child.dep_ in deps
                and child.i in ent_of
                and doc.ents[ent_of[child.i]].label_ in en.QUALIFIER_LABELS
            ):
                return ent_of[child.i]
    if token.lemma_.lower() not in en.NOUNS:  # "soldiers of Valdoria", "officials from Norland"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in en.MEMBER_OF_PREPS:
                for pobj in child.children:
                    if (
                        pobj.dep_ == "pobj"
                        and pobj.i in ent_of
                        and doc.ents[ent_of[pobj.i]].label_ in en.MEMBER_OF_LABELS
                    ):
                        return ent_of[pobj.i]
    return None


def _child(token: Token, deps: set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _prep_object(
    token: Token, preps: set[str], ent_of: dict[int, int], dep: str = "prep"
) -> int | None:
    no_role = words(token.doc.lang_, "events").NO_ROLE_LABELS
    for child in token.children:
        if child.dep_ == dep and (dep == "agent" or child.lower_ in preps):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    found = _actor(grandchild, ent_of)
                    if found is not None and grandchild.doc.ents[found].label_ not in no_role:
                        return found
    return None


def _subject(verb: Token, ent_of: dict[int, int], settings: NlpSettings) -> tuple[int | None, bool]:
    """The agent of a verb (climbing through "agreed to meet", "killed and injured"), and
    whether the verb's own subject was passive ("was arrested"): then it names the patient."""
    for _ in range(settings.events_subject_depth):
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


def _roles(
    trigger: Token, kind: str, ent_of: dict[int, int], settings: NlpSettings
) -> tuple[int | None, int | None]:
    en = words(trigger.doc.lang_, "events")
    preps = en.TARGET_PREPS | en.TYPE_PREPS.get(kind, set())
    if trigger.pos_ != "VERB":
        return _noun_roles(trigger, ent_of, preps, settings)
    agent = _prep_object(trigger, set(), ent_of, dep="agent")
    passive_subject = _child(trigger, {"nsubjpass"})
    if passive_subject is not None:
        return agent, _actor(passive_subject, ent_of)
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":  # "the reporter detained by X"
        return agent, _actor(trigger.head, ent_of)
    source, _ = _subject(trigger, ent_of, settings)
    target = _actor(_child(trigger, {"dobj"}), ent_of)
    if target is None:
        target = _prep_object(trigger, preps, ent_of)
    if target is None and trigger.dep_ == "conj":
        target = _actor(_child(trigger.head, {"dobj"}), ent_of)  # "attacked and killed X"
    return source, target


def _noun_roles(
    noun: Token, ent_of: dict[int, int], preps: set[str], settings: NlpSettings
) -> tuple[int | None, int | None]:
    """Agent and patient of an event noun: read off its own phrase ("Congress's impeachment of
    X", "the protest of farmers"), then off the verb governing it ("held talks with X")."""
    source, target = _phrase_roles(noun, ent_of)
    if target is None:
        target = _prep_object(noun, preps, ent_of)
    governor = _governor(noun)
    if governor is None or governor.pos_ not in {"VERB", "AUX"}:
        return source, target
    return _governor_roles(governor, source, target, ent_of, preps, settings)


def _phrase_roles(noun: Token, ent_of: dict[int, int]) -> tuple[int | None, int | None]:
    """Roles from the noun phrase: "by X", the possessor or a qualifying name, and "of X", which
    name the agent or the patient depending on the noun ("the arrest of X", "the protest of
    X")."""
    en = words(noun.doc.lang_, "events")
    lemma = noun.lemma_.lower()
    source = _prep_object(noun, set(), ent_of, dep="agent") or _prep_object(
        noun, en.AGENT_PREPS, ent_of
    )
    owner = _owner(noun, ent_of)
    of = _shared_of(noun, ent_of)
    if lemma in en.PATIENT_NOUNS:
        if owner is not None and of is not None:
            return owner, of  # "Congress's impeachment of X"
        return source, owner if owner is not None else of
    if lemma in en.AGENT_OF_NOUNS or lemma.rstrip(en.PLURAL) in en.AGENT_OF_NOUNS:
        return (source if source is not None else owner if owner is not None else of), None
    return (source if source is not None else owner), of


def _owner(noun: Token, ent_of: dict[int, int]) -> int | None:
    """The possessor of an event noun, or the name qualifying it: "U.S. sanctions"."""
    owner = next((_actor(c, ent_of) for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    labels = words(noun.doc.lang_, "events").OWNER_LABELS
    return next(
        (ent_of[c.i] for c in noun.lefts
         if c.dep_ in {"compound", "amod"} and c.i in ent_of
         and noun.doc.ents[ent_of[c.i]].label_ in labels),
        None,
    )  # fmt: skip


def _shared_of(noun: Token, ent_of: dict[int, int]) -> int | None:
    """The "of X" of the noun, or of a noun conjoined with it: "the impeachment and arrest of
    X"."""
    of_preps = words(noun.doc.lang_, "events").OF_PREPS
    conjoined = [noun.head] if noun.dep_ == "conj" else []
    conjoined += [c for c in noun.children if c.dep_ == "conj"]
    for other in [noun, *conjoined]:
        found = _prep_object(other, of_preps, ent_of)
        if found is not None:
            return found
    return None


def _governor(noun: Token) -> Token | None:
    """The verb an event noun is the object of: "held talks", "voted for the impeachment"."""
    first = noun.head if noun.dep_ == "conj" else noun  # "the impeachment and arrest of X"
    if first.dep_ == "pobj" and first.head.head.pos_ == "VERB":
        verb = first.head.head
        governing = words(noun.doc.lang_, "events").GOVERNING_VERBS
        return verb if verb.lemma_.lower() in governing else None
    return first.head if first.dep_ in {"dobj", "nsubjpass", "attr"} else None


def _governor_roles(
    governor: Token,
    source: int | None,
    target: int | None,
    ent_of: dict[int, int],
    preps: set[str],
    settings: NlpSettings,
) -> tuple[int | None, int | None]:
    """Roles the governing verb lends: its subject undergoes the event ("faces impeachment")
    or carries it out ("held talks with X")."""
    en = words(governor.doc.lang_, "events")
    lemma = governor.lemma_.lower()
    if lemma in en.PATIENT_VERBS:
        if target is None:
            target, _ = _subject(governor, ent_of, settings)
        return source, target
    if lemma in en.LIGHT_VERBS or lemma not in en.VERBS:
        if source is None:
            source, _ = _subject(governor, ent_of, settings)
            if source is None:
                source = _prep_object(governor, set(), ent_of, dep="agent")
        if target is None:
            target = _prep_object(governor, preps, ent_of)
    return source, target


# --- Clause, place, date ------------------------------------------------------------------------


def _clause(trigger: Token, settings: NlpSettings) -> Token:
    """The verb whose clause the trigger is in: itself, or the verb governing an event noun."""
    token = trigger
    for _ in range(settings.events_clause_depth):
        if token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT":
            return token
        token = token.head
    return trigger


def _dated_from(trigger: Token, clause: Token) -> Token:
    """Where an event noun's date is told: its clause's verb ("held talks on Monday"), unless
    the noun is the time the clause is set against ("Before the fall election, Cuomo faces a
    primary next month") or hangs off another noun ("faces sentencing next Wednesday in a case
    for conspiracy charges", "the furor Tuesday over the killing"): then only the words of
    that phrase ("after the end of the war in 1953")."""
    en = words(trigger.doc.lang_, "events")
    token = trigger
    while token.i != clause.i and token.dep_ != "ROOT":
        head = token.head
        if token.dep_ == "pobj" and head.dep_ in {"prep", "agent"}:
            if head.lower_ in en.ORDER_PREPOSITIONS or (
                f"{head.head.lower_} {head.lower_}" in en.ORDER_PREPOSITIONS
            ):
                return token
            if head.head.pos_ in {"NOUN", "PROPN"} and head.lower_ not in en.SETTING_PREPOSITIONS:
                return token  # "a wave of arrests", "questions at a hearing" are told then
        token = head
    return clause


def _attached(token: Token, anchors: set[int], settings: NlpSettings) -> bool:
    """Whether a word hangs off one of the anchors without crossing another clause. A date
    that qualifies a noun ('the Jan. 6 attack', 'the 1619 Project') is that noun's: it reaches
    an event that acts on the noun only through a preposition of time ('praised it during the
    2016 campaign'; not 'investigate the Jan. 6 attack', 'a probe into meddling in the 2016
    election'), or as its subject ('Monday's attack killed nine')."""
    frames = words(token.doc.lang_, "events").FRAME_PREPOSITIONS
    qualifies = False  # the date qualifies a noun on the way
    for _ in range(settings.events_attach_depth):
        if token.i in anchors:
            return True
        if token.dep_ == "ROOT":
            return False
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "compound"}:
            return False
        head = token.head
        if (
            token.dep_ in NOUN_QUALIFIERS
            and head.pos_ in {"NOUN", "PROPN"}
            and head.ent_type_ not in TIME_LABELS  # "Thursday morning": one time
        ):
            qualifies = True
            framed = head.dep_ == "pobj" and head.head.lower_ in frames
            if head.i not in anchors and head.dep_ not in SUBJECTS and not framed:
                return False
        elif qualifies and token.dep_ == "pobj" and head.lower_ not in frames:
            return False
        token = head
    return False


def _place(
    sent: Span,
    anchors: set[int],
    ent_of: dict[int, int],
    taken: set[int | None],
    settings: NlpSettings,
) -> int | None:
    en = words(sent.doc.lang_, "events")
    ents = sent.doc.ents  # spaCy builds the tuple of all of them at each access
    for number in sorted({ent_of[t.i] for t in sent if t.i in ent_of}):
        ent = ents[number]
        if ent.label_ not in en.PLACE_LABELS or number in taken:
            continue
        # climb to the trigger's clause: the first preposition other than "of" ("in the town
        # of X") must be a place word, and no other clause crossed
        token, prep = ent.root, None
        for _ in range(settings.events_attach_depth):
            if token.i in anchors:
                break
            if token.dep_ == "ROOT" or (token.pos_ in {"VERB", "AUX"} and token is not ent.root):
                prep = None
                break
            if token.dep_ in {"prep", "agent"} and token.lower_ not in en.OF_PREPS and prep is None:
                prep = token.lower_
            token = token.head
        if token.i in anchors and prep in en.PLACE_PREPS:
            return number
    return None


def _sentence_dates(
    sent: Span, published: date | None, anchor: DateValue | None
) -> tuple[dict[int, DateValue], DateValue | None]:
    """The DATE entities of a sentence, resolved (first token index -> date), and the date a
    later "the following month" counts from: the last one resolved without such a count."""
    doc = sent.doc
    en = words(doc.lang_, "dates")
    found: dict[int, DateValue] = {}
    for ent in sent.ents:
        if ent.label_ != en.DATE_LABEL or is_age(ent):
            continue
        resolved = resolve_date(ent.text, published, doc.lang_, tense_of(ent), anchor)
        if resolved is None or resolved.start is None:
            continue
        found[ent.start] = resolved
        if not resolved.anaphoric:
            anchor = resolved
    return found, anchor


# --- Mood and magnitudes -----------------------------------------------------------------------


def _mood(trigger: Token, settings: NlpSettings) -> tuple[bool, str | None]:
    en = words(trigger.doc.lang_, "events")
    negated = any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in en.NEGATING_DETERMINERS)
        for c in trigger.children
    )
    modality = None
    token = trigger
    for _ in range(settings.events_mood_depth):
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in en.MODAL_AUXILIARIES:
                name = en.MODAL_NAMES.get(child.lower_, child.lemma_.lower())
                modality = modality or en.CONTRACTED_MODALS.get(name, name)
            if child.dep_ == "advmod" and child.lower_ in en.MODAL_ADVERBS:
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
        if lemma in en.MODAL_GOVERNORS:
            modality = modality or lemma
            negated = negated or lemma in en.NEGATING_GOVERNORS
        elif token.dep_ == "pobj":
            break
        token = head
    return negated, modality


def _value(token: Token) -> int | None:
    en = words(token.doc.lang_, "events")
    text = token.lower_.replace(",", "")
    scale = 1
    if text in en.SCALES:
        scale = en.SCALES[text]
        parts = [c for c in token.children if c.dep_ in {"compound", "quantmod", "nummod"}]
        if not parts:
            return None
        text = parts[0].lower_.replace(",", "")
    if text in en.NUMBER_WORDS:
        return en.NUMBER_WORDS[text] * scale
    try:
        return int(float(text) * scale)
    except ValueError:
        return None


def _magnitudes(trigger: Token, settings: NlpSettings) -> tuple[int | None, int | None, int | None]:
    """Dead, injured and size, from numbers in the trigger's clause."""
    en = words(trigger.doc.lang_, "events")
    dead = injured = size = None
    scope = {_clause(trigger, settings).i, trigger.i}
    for token in trigger.sent:
        if not (token.like_num or token.lower_ in en.SCALES) or token.dep_ in {"compound"}:
            continue
        if token.ent_type_ in en.NOT_COUNT_LABELS:
            continue
        value = _value(token)
        if value is None:
            continue
        noun = token.head if token.dep_ in {"nummod", "quantmod"} else token
        said = {noun.lemma_.lower(), noun.head.lemma_.lower(), noun.lower_}
        said |= {c.lemma_.lower() for c in noun.children} | {c.lower_ for c in noun.children}
        said |= {c.lower_ for c in noun.head.children if c.dep_ in {"oprd", "acomp", "ccomp"}}
        near = (
            _attached(noun, scope, settings)
            or noun.head.i in scope
            or (noun.head.head.i in scope and noun.head.pos_ == "VERB")
        )
        if not near:
            continue
        if said & en.DEATH_WORDS and dead is None:
            dead = value
        elif said & en.INJURY_WORDS and injured is None:
            injured = value
        elif (
            noun.lemma_.lower() in en.PEOPLE
            and size is None
            and noun.i != token.i
            and noun.head.lemma_.lower() not in en.CASUALTY_WORDS
        ):
            size = value
    return dead, injured, size
