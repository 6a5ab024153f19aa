"""Descriptions that stand for a person ("the former rural teacher"): a spaCy component.

One rule, kept narrow because a wrong link merges two actors: an apposition introduces the
description ("Pedro Ruiz, the former rural teacher, ...") and a later "the former rural
teacher" in the same document is that person. (A second rule, a definite description as a
sentence's subject standing for the one person named in it or the two sentences before, was
right 9 times in 21 on 500 AllSides articles and is gone: "The inspector general, Michael
Horowitz," had become the Carter Page of the sentence before. The resolver's own rules for
descriptions, which read roles and appositions, stand in.)
Each description found becomes an entity span labelled DESC, and `doc._.described` pairs it
with the person's span, as (description start token, person start token). Pronouns are left
alone: no rule resolves them reliably.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from counterpoint.lang import words

LABEL = "DESC"

if not Doc.has_extension("described"):
    Doc.set_extension("described", default=None)


@Language.component(
    "described_people", requires=["doc.ents", "token.dep"], assigns=["doc.ents", "doc._.described"]
)
def described_people(doc: Doc) -> Doc:
    ents = list(doc.ents)
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    links: list[tuple[Span, Span]] = []
    en = words(doc.lang_, "descriptions")

    def add(span: Span | None, person: Span) -> None:
        if span is not None and not taken & set(range(span.start, span.end)):
            ents.append(span)
            taken.update(range(span.start, span.end))
            links.append((span, person))

    people = [e for e in doc.ents if e.label_ == en.PERSON_LABEL]
    text = doc.text  # spaCy joins the tokens anew at each access
    for person in people:
        for noun in _appositions(person):
            said = " ".join(t.text for t in _description(noun) if t.dep_ != "det")
            if " " not in said:  # "the president" alone may be anyone's: too weak
                continue
            pattern = rf"(?<!\w){en.DEFINITE_ARTICLE} {re.escape(said)}(?!\w)"
            for found in re.finditer(pattern, text[person.end_char :], re.IGNORECASE):
                start = person.end_char + found.start()
                add(doc.char_span(start, start + len(found.group()), label=LABEL), person)
    doc.ents = sorted(ents, key=lambda span: span.start)
    doc._.described = [(d.start, p.start) for d, p in links]
    return doc


def _appositions(person: Span) -> list[Token]:
    root = person.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    person_nouns = words(person.doc.lang_, "descriptions").PERSON_NOUNS
    return [n for n in nouns if n.pos_ == "NOUN" and n.lemma_.lower() in person_nouns]


def _description(noun: Token) -> list[Token]:
    """'the former rural teacher': the noun with its determiner and the words before it."""
    left = [t for t in noun.lefts if t.dep_ in {"det", "amod", "compound", "nmod"}]
    return sorted([*left, noun], key=lambda t: t.i)
