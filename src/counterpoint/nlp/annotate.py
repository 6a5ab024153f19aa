"""Annotate: run a spaCy pipeline over documents and keep what later stages need (sentences,
tokens with their parse, actor mentions, noun chunks), all as character offsets into the
document's own text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from counterpoint.config import Settings
from counterpoint.errors import CounterpointError
from counterpoint.nlp import (
    relations,  # noqa: F401  (they register their components)
)
from counterpoint.nlp.claims import find_claims
from counterpoint.nlp.events import find_events
from counterpoint.nlp.figures import find_figures
from counterpoint.nlp.loaded_words import find_loaded_words
from counterpoint.nlp.names import ALIAS_AFTER, is_acronym
from counterpoint.records import (
    Annotation,
    Claim,
    Document,
    Event,
    Figure,
    LoadedWord,
    Mention,
    NounChunk,
    Relation,
    Sentence,
    Token,
)

R = TypeVar("R", Figure, Claim, Event, LoadedWord)

# spaCy's parser needs memory in proportion to the text it sees at once; longer documents are
# annotated in pieces cut at paragraph breaks.
CHUNK_CHARS = 100_000


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and datelines stand on their own lines,
    and the parser would otherwise run them into the first sentence."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:  # spaCy makes a line break a token of its own
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("defined_aliases")
def defined_aliases(doc: Doc) -> Doc:
    """An alias the text defines ("the Central Intelligence Agency (CIA)", "(aka AMLO)") is a
    mention wherever it occurs in the document, also where the tagger missed it."""
    ents = list(doc.ents)
    text = doc.text  # spaCy joins the tokens anew at each access
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    for ent in doc.ents:
        match = ALIAS_AFTER.match(text[ent.end_char : ent.end_char + 60])
        if not match or not (is_acronym(match.group("alias")) or match.group("cue")):
            continue
        alias = match.group("alias").strip()
        for found in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
            span = doc.char_span(found.start(), found.end(), label=ent.label_)
            if span is not None and not taken & set(range(span.start, span.end)):
                ents.append(span)
                taken.update(range(span.start, span.end))
    doc.ents = sorted(ents, key=lambda span: span.start)
    return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str, actor_labels: tuple[str, ...] = Settings().actor_labels) -> Language:
    """The spaCy pipeline, loaded once per process. Models ship as pip packages, never fetched."""
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise CounterpointError(
            f"spaCy model '{model}' is not installed; install the package that ships it "
            "(see README, 'Models')"
        ) from error
    nlp.max_length = CHUNK_CHARS * 2
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    nlp.add_pipe("defined_aliases", after="ner")
    nlp.add_pipe("described_people", after="defined_aliases")
    nlp.add_pipe("actor_relations", config={"actor_labels": list(actor_labels)})
    return nlp


def annotate(
    documents: Iterable[Document], settings: Settings | None = None
) -> Iterator[Annotation]:
    """One `Annotation` per document, in the order given."""
    settings = settings or Settings()
    nlp = load_pipeline(settings.spacy_model, settings.actor_labels)
    pieces = (
        (chunk, (doc, offset, last))
        for doc in documents
        for offset, chunk, last in split_text(doc.text, CHUNK_CHARS)
    )
    current: Annotation | None = None
    for spacy_doc, (doc, offset, last) in nlp.pipe(
        pieces, as_tuples=True, batch_size=settings.batch_size, n_process=settings.workers
    ):
        if current is None or current.doc.id != doc.id:
            current = Annotation(doc=doc)
        _add_piece(current, spacy_doc, offset, settings.actor_labels)
        if last:
            yield current
            current = None


def split_text(text: str, limit: int) -> Iterator[tuple[int, str, bool]]:
    """(offset, piece, is_last) pieces of at most `limit` characters, cut at paragraph breaks
    where there are any, so offsets into the pieces map back to the text by adding `offset`."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        for separator in ("\n\n", "\n", " "):
            found = window.rfind(separator, 1)
            if found > 0:
                cut = start + found + len(separator)  # the break stays with the piece it ends
                break
        else:
            cut = start + limit
        yield start, text[start:cut], False
        start = cut
    yield start, text[start:], True


def _add_piece(into: Annotation, sdoc: Doc, offset: int, actor_labels: tuple[str, ...]) -> None:
    doc_id = into.doc.id
    first_sentence = len(into.sentences)
    first_token = len(into.tokens)
    sentence_of_token: list[int] = []
    for number, sent in enumerate(sdoc.sents, start=first_sentence):
        text = sent.text  # spaCy keeps whitespace tokens (paragraph breaks) in sentences
        start = offset + sent.start_char + len(text) - len(text.lstrip())
        end = offset + sent.start_char + len(text.rstrip())
        into.sentences.append(Sentence(doc_id, number, start, max(start, end)))
        sentence_of_token.extend([number] * len(sent))
    for token in sdoc:
        into.tokens.append(
            Token(
                doc=doc_id,
                index=first_token + token.i,
                sentence=sentence_of_token[token.i],
                start=offset + token.idx,
                end=offset + token.idx + len(token.text),
                lemma=token.lemma_,
                pos=token.pos_,
                dep=token.dep_,
                head=first_token + token.head.i,
            )
        )
    mention_of: dict[int, int] = {}  # index in sdoc.ents -> index of its mention
    for number, ent in enumerate(sdoc.ents):
        if ent.label_ not in actor_labels:
            continue
        mention_of[number] = len(into.mentions)
        into.mentions.append(
            Mention(
                doc=doc_id,
                index=len(into.mentions),
                sentence=sentence_of_token[ent.start],
                start=offset + ent.start_char,
                end=offset + ent.end_char,
                text=ent.text,
                label=ent.label_,
                dep=ent.root.dep_,
                head=ent.root.head.lemma_.lower(),
            )
        )
    for found in sdoc._.relations or []:
        into.relations.append(
            Relation(
                doc=doc_id,
                sentence=sentence_of_token[sdoc.ents[found.source].start],
                kind=found.kind,
                source=mention_of[found.source],
                target=mention_of.get(found.target) if found.target is not None else None,
                start=offset + found.start,
                end=offset + found.end,
                role=found.role,
                to=mention_of.get(found.to) if found.to is not None else None,
            )
        )
    _add_facts(into, sdoc, offset, first_sentence, mention_of)
    for chunk in sdoc.noun_chunks:
        into.noun_chunks.append(
            NounChunk(
                doc=doc_id,
                sentence=sentence_of_token[chunk.start],
                start=offset + chunk.start_char,
                end=offset + chunk.end_char,
                root=first_token + chunk.root.i,
            )
        )


def _add_facts(
    into: Annotation, sdoc: Doc, offset: int, first_sentence: int, mention_of: dict[int, int]
) -> None:
    """Figures, claims, events and loaded words of one piece of text, moved into the
    document's terms: the extractors give offsets and sentences within the piece and actors as
    indexes of its entities; the store keeps offsets into the document and actors as mention
    indexes."""

    def place(record: R) -> R:
        return replace(
            record,
            doc=into.doc.id,
            sentence=first_sentence + record.sentence,
            start=offset + record.start,
            end=offset + record.end,
        )

    def actor(index: int | None) -> int | None:
        return mention_of.get(index) if index is not None else None

    into.figures += [place(replace(f, about=actor(f.about))) for f in find_figures(sdoc)]
    claims = find_claims(sdoc)
    first_claim = len(into.claims)
    into.claims += [
        place(
            replace(
                c,
                speaker=actor(c.speaker),
                cue_start=None if c.cue_start is None else offset + c.cue_start,
                cue_end=None if c.cue_end is None else offset + c.cue_end,
                nested_in=None if c.nested_in is None else first_claim + c.nested_in,
            )
        )
        for c in claims
    ]
    into.events += [
        place(replace(e, source=actor(e.source), target=actor(e.target), place=actor(e.place)))
        for e in find_events(sdoc, into.doc.published)
    ]
    into.loaded_words += [place(w) for w in find_loaded_words(sdoc)]
