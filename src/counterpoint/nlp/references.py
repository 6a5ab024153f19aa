"""Mentions that refer to an actor without naming it: definite descriptions that name a role
or a kind ("the president", "the company", "the carmaker") and third-person pronouns ("he",
"its"). A spaCy component that only finds them: which actor each stands for is the resolver's
to say (`resolve.resolver.resolve_references`), from the document's names, and where the text
does not make it clear the mention stays unresolved.

Found mentions are stored in `doc._.references` as (start character, end character, label),
labelled NOM (a description) or PRON (a pronoun); they are not entities of the `Doc`, so the
components that read `doc.ents` (relations, claims) see the names only.
"""

from __future__ import annotations

from types import ModuleType

from spacy.language import Language
from spacy.tokens import Doc, Token

from counterpoint.lang import words

if not Doc.has_extension("references"):
    Doc.set_extension("references", default=None)

Found = tuple[int, int, str]  # start character, end character, label


@Language.component("referring_mentions", requires=["token.dep", "token.pos"])
def referring_mentions(doc: Doc) -> Doc:
    doc._.references = find_references(doc)
    return doc


def find_references(doc: Doc) -> list[Found]:
    """The descriptions and pronouns of a parsed text that may stand for an actor, outside its
    names, in the order of the text."""
    lang = words(doc.lang_, "references")
    pronouns = (
        lang.MALE_PRONOUNS | lang.FEMALE_PRONOUNS | lang.THING_PRONOUNS
    )  # "they" stays alone: groups of people are rarely named
    bodies = lang.ORGANISATION_NOUNS | lang.BODY_NOUNS | lang.PLACE_NOUNS
    nouns = lang.PERSON_REFERENCE_NOUNS | bodies
    found: list[Found] = []
    for token in doc:
        if token.ent_type_:
            continue
        if token.pos_ == "PRON" and (token.lower_ in pronouns or _reported_it(token, bodies, lang)):
            found.append((token.idx, token.idx + len(token.text), lang.PRONOUN_LABEL))
        elif _is_description(token, nouns):
            first = min([token, *(t for t in token.lefts if t.dep_ in MODIFIERS)], key=_index)
            found.append((first.idx, token.idx + len(token.text), lang.DESCRIPTION_LABEL))
    return found


MODIFIERS = {"det", "amod", "compound", "nmod", "poss", "case"}  # words a description keeps


def _index(token: Token) -> int:
    return token.i


def _reported_it(token: Token, bodies: set[str], lang: ModuleType) -> bool:
    """'it' as the subject of what an organisation or a state is said to say, do or want:
    "Corvane said it would cut jobs", "the ministry announced it had ...". Elsewhere news
    uses "it" far more for no actor ("it is time", "make it hard") or for a thing."""
    if token.lower_ != lang.THING_SUBJECT_PRONOUN or token.dep_ not in SUBJECTS:
        return False
    clause = token.head
    if clause.dep_ != "ccomp" or clause.head.pos_ != "VERB" or _of_a_thing(clause):
        return False
    verb = clause.head
    while verb.dep_ == "conj" and not any(t.dep_ in SUBJECTS for t in verb.lefts):
        verb = verb.head  # "Ford said it posted a profit and predicted that it would ..."
    # the body is named before "it" ("It is time, the ministry said" is no body's "it")
    subjects = [t for t in verb.lefts if t.dep_ in SUBJECTS and t.i < token.i]
    return any(t.ent_type_ in ACTING_LABELS or _a_body_described(t, bodies) for t in subjects)


def _a_body_described(token: Token, bodies: set[str]) -> bool:
    """'the ministry', 'its board': a definite description of one body ('no group' is none)."""
    definite = any(
        (t.dep_ == "det" and t.lower_ == "the") or t.dep_ == "poss" for t in token.children
    )
    return definite and token.ent_type_ == "" and token.lemma_.lower() in bodies


def _of_a_thing(clause: Token) -> bool:
    """Whether the clause says what a thing is ("said it was not a hate crime") or makes "it"
    a mere object ("made it clear", "getting it done"): no body's "it"."""
    if clause.lemma_ == "be" and any(t.dep_ == "attr" for t in clause.children):
        return True
    bare = not any(t.dep_ in {"aux", "auxpass"} for t in clause.children)
    return clause.pos_ == "ADJ" or (clause.tag_ == "VBN" and bare)


SUBJECTS = {"nsubj", "nsubjpass"}
ACTING_LABELS = {"ORG", "GPE"}  # names of what may be "it": bodies, companies, states


def _is_description(token: Token, nouns: set[str]) -> bool:
    """'the company', 'the former president': a singular noun of a role or a kind, with
    'the', heading its phrase."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.lemma_.lower() not in nouns:
        return False
    if token.dep_ == "compound":  # "the company spokesman": the spokesman is the head
        return False
    dets = [t for t in token.lefts if t.dep_ == "det"]
    return any(t.lower_ == "the" for t in dets)
