"""Roles and ties between actors, read off the dependency parse: a spaCy component.

- Roles: a position named next to a person ("President Elena Márquez", "Peru's ambassador to
  China Luis Quesada", "Ana Ruiz, the Interior Minister", "X is the leader of Y").
- Ties from the same constructions ("a graduate of the National Guard": trained at; "a member
  of": member of; "the leader of": leads) and from verbs ("invested in", "is owned by",
  "funds", "met with", "trained at", "joined"), passive voice included; a negated verb ("did
  not meet") states no tie.
The component writes `doc._.relations`: `Found` tuples whose actors are indexes into
`doc.ents`. Word lists are the language data in `lang/<code>/relations.py`.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from counterpoint.config import Settings
from counterpoint.lang import words

if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=None)


class Found(NamedTuple):
    kind: str  # a tie kind, or "role"
    source: int  # index into doc.ents
    target: int | None
    start: int  # characters stating it
    end: int
    role: str | None = None
    to: int | None = None


@Language.factory(
    "actor_relations",
    default_config={"actor_labels": list(Settings().actor_labels)},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.relations"],
)
def make_actor_relations(nlp: Language, name: str, actor_labels: list[str]) -> ActorRelations:
    return ActorRelations(set(actor_labels))


class ActorRelations:
    def __init__(self, actor_labels: set[str]) -> None:
        self.actor_labels = actor_labels

    def __call__(self, doc: Doc) -> Doc:
        actor_of: dict[int, int] = {}  # token index -> index of its actor in doc.ents
        for number, ent in enumerate(doc.ents):
            if ent.label_ in self.actor_labels:
                for token in ent:
                    actor_of[token.i] = number
        en = words(doc.lang_, "relations")
        found: list[Found] = []
        starts = {ent.start: number for number, ent in enumerate(doc.ents)}
        for description, person in doc._.described or []:  # from the described_people component
            a, b = doc.ents[starts[description]], doc.ents[starts[person]]
            span = (min(a.start_char, b.start_char), max(a.end_char, b.end_char))
            found.append(Found("same_as", starts[description], starts[person], *span))
        for number, ent in enumerate(doc.ents):
            if ent.label_ == en.PERSON_LABEL:
                found += self._roles(doc, number, ent, actor_of)
        for token in doc:
            if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in en.VERB_TIES:
                found += self._verb_ties(doc, token, actor_of)
        doc._.relations = sorted(set(found), key=lambda f: (f.start, f.end, f.kind))
        return doc

    def _roles(self, doc: Doc, number: int, person: Span, actor_of: dict[int, int]) -> list[Found]:
        en = words(doc.lang_, "relations")
        found = []
        for noun in _role_nouns(person):
            lemma = noun.lemma_.lower()
            title_tokens = _title_phrase(noun, actor_of)
            title = " ".join(t.text for t in title_tokens)
            owner = _owner(noun, actor_of, doc)
            to = _object_of(noun, en.TO_PREPS, actor_of)
            span = [person.start_char, person.end_char]
            span += [i for t in [*title_tokens, noun] for i in (t.idx, t.idx + len(t))]
            for extra in (owner, to):
                if extra is not None:
                    span += [doc.ents[extra].start_char, doc.ents[extra].end_char]
            start, end = min(span), max(span)
            if lemma not in en.NOT_ROLES:
                found.append(Found("role", number, owner, start, end, title, to))
            kind = en.ROLE_TIES.get(lemma)
            # "President of Peru" holds a position; she does not lead Peru as one leads a party.
            states_excluded = kind in {"leads", "member_of", "owns"}
            if (
                kind
                and owner is not None
                and not (states_excluded and doc.ents[owner].label_ in en.STATE_LABELS)
            ):
                found.append(Found(kind, number, owner, start, end))
        return found

    def _verb_ties(self, doc: Doc, verb: Token, actor_of: dict[int, int]) -> list[Found]:
        en = words(doc.lang_, "relations")
        if any(child.dep_ == "neg" for child in verb.children):
            return []
        kind, preps = en.VERB_TIES[verb.lemma_.lower()]
        subject = next((actor_of[c.i] for c in verb.children if c.dep_ in en.SUBJECTS
                        and c.i in actor_of), None)  # fmt: skip
        passive = next((actor_of[c.i] for c in verb.children if c.dep_ == "nsubjpass"
                        and c.i in actor_of), None)  # fmt: skip
        agent = _object_of(verb, set(), actor_of, dep="agent")  # "by X" of a passive
        direct = next((actor_of[c.i] for c in verb.children if c.dep_ == "dobj"
                       and c.i in actor_of), None)  # fmt: skip
        other = _object_of(verb, preps, actor_of)
        pairs: list[tuple[int | None, int | None]]
        if passive is not None:  # "X is owned by Y": Y owns X; "X was trained at/by Y"
            pairs = (
                [(passive, agent or other)]
                if verb.lemma_ in en.OBJECT_FIRST
                else [(agent, passive)]
            )
        elif verb.lemma_ in en.OBJECT_FIRST and direct is not None:
            pairs = [(direct, subject)]
        else:
            pairs = [(subject, direct), (subject, other)]
        found = []
        for source, target in pairs:
            if source is None or target is None or source == target:
                continue
            a, b = doc.ents[source], doc.ents[target]
            start = min(a.start_char, b.start_char, verb.idx)
            end = max(a.end_char, b.end_char, verb.idx + len(verb))
            found.append(Found(kind, source, target, start, end))
        return found


def _role_nouns(person: Span) -> list[Token]:
    """Role nouns tied to the person: in the same noun phrase before the name ("President X"),
    in apposition ("X, a graduate of"; "Peru's ambassador, X"), or as the complement of 'be'
    ("X is a member of")."""
    en = words(person.doc.lang_, "relations")
    root = person.root
    nouns = [t for t in person.doc[max(0, person.start - 4) : person.start]
             if t.head.i in range(person.start, person.end) or t.head.head.i == root.i]  # fmt: skip
    nouns += [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    if root.dep_ == "nsubj" and root.head.lemma_ == en.COPULA:
        nouns += [c for c in root.head.children if c.dep_ == "attr"]
    return [n for n in nouns if n.lemma_.lower() in en.ROLE_NOUNS]


def _title_phrase(noun: Token, actor_of: dict[int, int]) -> list[Token]:
    """'Defense Minister', 'former Secretary of State': the role noun with the words that are
    part of the position, not those that judge it ('renowned', 'socialist')."""
    doc = noun.doc
    en = words(doc.lang_, "relations")
    title = [noun]
    for child in noun.lefts:
        if child.dep_ == "compound" and doc.ents[actor_of[child.i]].label_ not in en.STATE_LABELS \
                if child.i in actor_of else child.dep_ == "compound":  # fmt: skip
            title += [t for t in child.subtree if t.dep_ == "compound" or t == child]
        elif child.dep_ == "amod" and child.lower_ in en.TITLE_MODIFIERS:
            title.append(child)
    for child in noun.rights:  # "Secretary of State", "Minister for Health"
        objects = [g for g in child.children if g.dep_ == "pobj"]
        if (
            child.dep_ == "prep"
            and child.lower_ in en.TITLE_PREPS
            and objects
            and not any(t.i in actor_of for t in objects[0].subtree)
        ):
            title += [child, *objects[0].subtree]
    return sorted(set(title), key=lambda t: t.i)


def _owner(noun: Token, actor_of: dict[int, int], doc: Doc) -> int | None:
    """Whose position it is: "Peru's ambassador", "the leader of the Civic Party", "US envoy"."""
    en = words(doc.lang_, "relations")
    candidates = [c.i for c in noun.children if c.dep_ == "poss" and c.i in actor_of]
    of = _object_of(noun, en.OWNER_PREPS, actor_of)
    candidates += [doc.ents[of].root.i] if of is not None else []
    candidates += [c.i for c in noun.lefts if c.dep_ == "compound" and c.i in actor_of
                   and doc.ents[actor_of[c.i]].label_ in en.STATE_LABELS]  # fmt: skip
    owners = [actor_of[i] for i in candidates if doc.ents[actor_of[i]].label_ in en.OWNER_LABELS]
    return owners[0] if owners else None


def _object_of(
    head: Token, preps: set[str], actor_of: dict[int, int], dep: str = "prep"
) -> int | None:
    for child in head.children:
        if child.dep_ == dep and (child.lower_ in preps or dep == "agent"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.i in actor_of:
                    return actor_of[grandchild.i]
    return None
