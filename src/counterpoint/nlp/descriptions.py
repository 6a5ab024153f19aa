"""Descriptions that stand for a person ("the former rural teacher"): a spaCy component.

Two rules, both kept narrow because a wrong link merges two actors:
- an apposition introduces the description ("Pedro Ruiz, the former rural teacher, ...") and a
  later "the former rural teacher" in the same document is that person;
- a definite description of a person ("the former teacher", "the veteran senator") as the
  subject of a sentence is the one person named in that sentence or the two before it, when
  exactly one is.
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
WINDOW = 2  # sentences before the description in which its person must be named

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
    for token in doc:
        if token.i in taken or not _is_subject_description(token):
            continue
        tokens = _description(token)
        span = Span(doc, tokens[0].i, token.i + 1, label=LABEL)
        first = max(0, token.sent.start - 1)
        sentences = [token.sent]
        while len(sentences) <= WINDOW and first > 0:
            sentences.insert(0, doc[first].sent)
            first = max(0, doc[first].sent.start - 1)
        named = [p for p in people if sentences[0].start <= p.start < span.start]
        # A proper noun the tagger did not take for a name may be another person: abstain.
        unnamed = [
            t for t in doc[sentences[0].start : span.start]
            if t.pos_ == "PROPN" and not t.ent_type_ and not t.is_sent_start
        ]  # fmt: skip
        if len({p.text.split()[-1] for p in named}) == 1 and not unnamed:
            add(span, named[-1])
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


def _is_subject_description(token: Token) -> bool:
    en = words(token.doc.lang_, "descriptions")
    return (
        token.pos_ == "NOUN"
        and token.dep_ in {"nsubj", "nsubjpass"}
        and token.lemma_.lower() in en.PERSON_NOUNS
        and token.tag_ == "NN"  # one person, not "the teachers"
        and any(c.dep_ == "det" and c.lower_ == en.DEFINITE_ARTICLE for c in token.lefts)
        and any(c.dep_ in {"amod", "compound"} for c in token.lefts)  # "the former teacher"
    )
