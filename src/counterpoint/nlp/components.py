"""Counterpoint's spaCy components, registered by name for `load_pipeline`: three that fix up the
model's sentences and entities, and the extractors (figures, claims, events, loaded words),
each of which stores its records on the `Doc` (`doc._.figures`, ...).

An extractor is an error boundary: what it raises on a document is recorded in
`doc._.failures` as (component, "Type: message") instead of escaping, so that `annotate` gives
up that one document and not the batch spaCy runs it in. The relations, descriptions and
no-actor components register themselves in their own modules, imported here."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, fields
from datetime import date
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from counterpoint.config import FramingSettings, NlpSettings, Settings
from counterpoint.lang import words
from counterpoint.nlp import (  # noqa: F401  (they register components)
    descriptions,
    no_actors,
    references,
    relations,
)
from counterpoint.nlp.claims import find_claims
from counterpoint.nlp.events import find_events
from counterpoint.nlp.figures import find_figures
from counterpoint.nlp.loaded_words import loaded_language
from counterpoint.nlp.names import is_acronym
from counterpoint.records import Claim, Event, Figure, LoadedSentence, LoadedWord

# Extensions: the report's publication date (ISO; set before the pipeline runs, for the events
# extractor), each extractor's records, and the extractors that failed.
for _name in (
    "published",
    "figures",
    "claims",
    "events",
    "loaded_words",
    "loaded_sentences",
    "failures",
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and datelines stand on their own lines,
    and the parser would otherwise run them into the first sentence."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:  # spaCy makes a line break a token of its own
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("paired_names")
def paired_names(doc: Doc) -> Doc:
    """Names written with a slash between them ("a CBS News/New York Times poll",
    "Reuters/Ipsos", "the Biden/Harris campaign") are two actors, which the tagger takes for
    one name: the entity is split into its sides (articles before each left out), so that
    neither is read as the other's longer name. Two short capitals ("AC/DC") stay one name,
    and so does a name with a side in lower case ("Health/social care") or one the tagger cut
    before a capitalised word ("Pew/USA" of "Pew/USA Today")."""
    ents = []
    for ent in doc.ents:
        slashes = [t.i for t in ent if t.text == "/" and ent.start < t.i < ent.end - 1]
        bounds = zip([ent.start - 1, *slashes], [*slashes, ent.end], strict=True)
        sides = [_without_article(doc[start + 1 : end]) for start, end in bounds]
        named = [s for s in sides if len(s) and s[0].text[:1].isupper()]
        cut = ent.end < len(doc) and doc[ent.end].is_title  # "Pew/USA" of "Pew/USA Today"
        if cut or len(named) < len(sides) or len(named) < 2 or all(map(_two_letters, named)):
            ents.append(ent)
            continue
        ents += [Span(doc, s.start, s.end, label=ent.label_) for s in named]
    doc.ents = ents
    return doc


def _two_letters(span: Span) -> bool:
    return len(span) == 1 and len(span[0].text) <= 2


def _without_article(span: Span) -> Span:
    while len(span) and span[0].pos_ == "DET":
        span = span[1:]
    return span


@Language.component("defined_aliases")
def defined_aliases(doc: Doc) -> Doc:
    """An alias the text defines ("the Central Intelligence Agency (CIA)", "(aka AMLO)") is a
    mention wherever it occurs in the document, also where the tagger missed it."""
    alias_after = words(doc.lang_, "names").ALIAS_AFTER
    ents = list(doc.ents)
    text = doc.text  # spaCy joins the tokens anew at each access
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    done: set[tuple[str, str]] = set()  # (alias, label): the text is searched once for each
    for ent in doc.ents:
        match = alias_after.match(text[ent.end_char : ent.end_char + 60])
        if not match or not (is_acronym(match.group("alias")) or match.group("cue")):
            continue
        alias = match.group("alias").strip()
        if (alias, ent.label_) in done:
            continue
        done.add((alias, ent.label_))
        for found in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
            span = doc.char_span(found.start(), found.end(), label=ent.label_)
            if span is not None and not taken & set(range(span.start, span.end)):
                ents.append(span)
                taken.update(range(span.start, span.end))
    doc.ents = sorted(ents, key=lambda span: span.start)
    return doc


# -- the extractors -----------------------------------------------------------------------------


class Extractor:
    """Runs one extractor over a `Doc` and stores its records on `doc._.<records>`; a failure
    is recorded in `doc._.failures`, with no records."""

    records = ""  # the Doc extension it fills, and the component's name
    section = "nlp"  # the section of `Settings` it reads

    def __init__(self, name: str, settings: Settings) -> None:
        self.name = name
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        try:
            found = self.find(doc)
        except Exception as error:  # the error boundary: the document is given up, not the run
            found = []
            failure = (self.name, f"{type(error).__name__}: {error}")
            doc._.failures = [*(doc._.failures or []), failure]
        doc._.set(self.records, found)
        return doc

    def find(self, doc: Doc) -> list[Any]:
        raise NotImplementedError


class Figures(Extractor):
    records = "figures"

    def find(self, doc: Doc) -> list[Figure]:
        return find_figures(doc, self.settings.nlp)


class Claims(Extractor):
    records = "claims"

    def find(self, doc: Doc) -> list[Claim]:
        return find_claims(doc, self.settings.nlp)


class Events(Extractor):
    records = "events"

    def find(self, doc: Doc) -> list[Event]:
        published = date.fromisoformat(doc._.published) if doc._.published else None
        return find_events(doc, published, self.settings.nlp)


class LoadedWords(Extractor):
    """Loaded words, and on `doc._.loaded_sentences` every sentence judged from its words (one
    reading of the candidates serves both)."""

    records = "loaded_words"
    section = "framing"

    def find(self, doc: Doc) -> list[LoadedWord]:
        found, doc._.loaded_sentences = loaded_language(doc, self.settings.framing)
        return found


EXTRACTORS = (Figures, Claims, Events, LoadedWords)  # in the order they run
_REQUIRES = ["doc.sents", "doc.ents", "token.dep", "token.lemma", "token.pos"]


def _factory(kind: type[Extractor]) -> Callable[..., Extractor]:
    """An extractor's factory: its config is `settings`, the section of `Settings.to_dict()` it
    reads (a spaCy config holds plain values, not dataclasses)."""

    def make(nlp: Language, name: str, settings: dict[str, Any]) -> Extractor:
        return kind(name, Settings.from_dict(settings))

    return make


for _kind in EXTRACTORS:
    Language.factory(
        _kind.records,
        default_config={"settings": {}},
        requires=_REQUIRES,
        assigns=[f"doc._.{_kind.records}"],
        func=_factory(_kind),
    )


def add_extractors(nlp: Language, nlp_settings: NlpSettings, framing: FramingSettings) -> None:
    """The extractors at the end of the pipeline, each configured with its settings."""
    sections = {"nlp": asdict(nlp_settings), "framing": asdict(framing)}
    for kind in EXTRACTORS:
        section = {kind.section: sections[kind.section]}
        nlp.add_pipe(kind.records, config={"settings": section})


# -- records across processes ---------------------------------------------------------------------

# With `nlp.pipe(n_process=2)` each Doc comes back from its worker as msgpack, which knows no
# dataclasses: a record travels as its type's name and its field values.
_RECORD_TYPES: dict[str, type] = {
    kind.__name__: kind for kind in (Figure, Claim, Event, LoadedWord, LoadedSentence)
}
_RECORD_KEY = "counterpoint.record"


def _encode_record(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    kind = _RECORD_TYPES.get(type(obj).__name__)
    if kind is type(obj):
        return {_RECORD_KEY: kind.__name__, "values": [getattr(obj, f.name) for f in fields(kind)]}
    return obj if chain is None else chain(obj)


def _decode_record(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, dict) and _RECORD_KEY in obj:
        # msgpack gives lists; the records hold tuples
        values = [tuple(v) if isinstance(v, list) else v for v in obj["values"]]
        return _RECORD_TYPES[obj[_RECORD_KEY]](*values)
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("counterpoint_records", func=_encode_record)
srsly.msgpack_decoders.register("counterpoint_records", func=_decode_record)
