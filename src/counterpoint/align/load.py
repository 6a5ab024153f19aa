"""The stored events, figures and claims of some documents as `Statement`s: their words and
sentence cut from the document, its source and date, the resolved actors of the sentence and the
loaded words inside it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from counterpoint.align.statements import (
    Statement,
    align_words,
    content_words,
    item_id,
    parse_item_id,
    unit_class,
)
from counterpoint.config import Settings
from counterpoint.records import Claim, Document, Event, Figure
from counterpoint.store import Store
from counterpoint.store.alignment import (
    claims_of,
    documents_by_id,
    events_of,
    figures_of,
    loaded_words_of,
    resolved_mentions_of,
    sentences_of,
)
from counterpoint.store.stories import stories_of


def load_statements(
    store: Store, docs: Sequence[str], settings: Settings, only: Collection[str] | None = None
) -> list[Statement]:
    """The events, figures and claims of `docs` as statements, with their actors resolved;
    with `only`, just the items of those ids (a long document's few candidates are not worth
    all of its items). The documents are read `DOCS_PER_READ` at a time, each part's texts,
    sentences and mentions let go once its statements are made: an align batch's candidates
    come from more documents as the store grows (1,864 for 50 articles of 3,000), and reading
    them all at once held their surroundings together (bench/README.md, "Peak memory ...")."""
    # The documents of `docs` with an item of each kind wanted: a table is not read for the
    # others (`only` may name items of documents not asked for, which are left out).
    holding: dict[str, set[str]] | None = None
    if only is not None:
        holding = defaultdict(set)
        asked = set(docs)
        for kind, doc, _, _ in map(parse_item_id, only):
            if doc in asked:
                holding[kind].add(doc)
    events: list[Statement] = []
    figures: list[Statement] = []
    claims: list[Statement] = []
    for first in range(0, len(docs), DOCS_PER_READ):
        part = docs[first : first + DOCS_PER_READ]
        more_events, more_figures, more_claims = _statements_of(
            store, part, settings, only, holding
        )
        events += more_events
        figures += more_figures
        claims += more_claims
    return [*events, *figures, *claims]


# Documents whose surroundings are read together. Past 256 (`store.database`'s
# DOCS_PER_LOOKUP * MAX_CHUNKS) the store reads each table once per part rather than through
# its indexes: for the 1,864 candidate documents of a batch of 50 articles of 3,000, reading
# took 19 s of CPU in parts of 512, 15 s at once and 34 s in parts of 256 (under tracemalloc),
# and held 131, 235 and 122 MB at its high.
DOCS_PER_READ = 512


def _statements_of(
    store: Store,
    docs: Sequence[str],
    settings: Settings,
    only: Collection[str] | None,
    holding: dict[str, set[str]] | None,
) -> tuple[list[Statement], list[Statement], list[Statement]]:
    """The events, the figures and the claims of `docs` (see `load_statements`); `holding`:
    the documents with an item of each kind in `only`."""
    found = Surroundings.read(store, docs, settings)

    def wanted(kind: str, item: Event | Figure | Claim) -> bool:
        return only is None or item_id(kind, item.doc, item.start, item.end) in only

    def of_kind(kind: str) -> Sequence[str]:
        if holding is None:
            return docs
        return sorted(holding[kind].intersection(docs))

    return (
        [_event(found, e) for e in events_of(store, of_kind("event")) if wanted("event", e)],
        [_figure(found, f) for f in figures_of(store, of_kind("figure")) if wanted("figure", f)],
        [
            _claim(found, c)
            for c in claims_of(store, of_kind("claim"))
            if c.kind != "label" and wanted("claim", c)  # a scare quote frames; it claims nothing
        ],
    )


def plain_sentences(
    store: Store, docs: Sequence[str], settings: Settings, told: Collection[tuple[str, int]]
) -> list[Statement]:
    """The sentences of `docs` but those in `told` ((doc, sentence) holding an event, figure or
    claim), as statements of kind "sentence": a sentence the extractors found nothing in may
    still report what another source's sentence says, which is then not that source's alone."""
    if not docs:
        return []
    documents, story_of = documents_by_id(store, docs), stories_of(store, docs)
    found = []
    for sentence in sentences_of(store, docs):
        if (sentence.doc, sentence.index) in told:
            continue
        doc = documents[sentence.doc]
        text = doc.text[sentence.start : sentence.end]
        found.append(
            Statement(
                id=item_id("sentence", sentence.doc, sentence.start, sentence.end),
                kind="sentence",
                doc=sentence.doc,
                sentence=sentence.index,
                start=sentence.start,
                end=sentence.end,
                text=text,
                context=text,
                context_start=sentence.start,
                source=doc.source,
                published=doc.published,
                story=story_of.get(sentence.doc),
                language=settings.language,
            )
        )
    return found


@dataclass
class Surroundings:
    """What the items of some documents share: the documents, their sentences, the actors
    resolved in them and their loaded words."""

    documents: dict[str, Document]
    sentences: dict[tuple[str, int], tuple[int, int]]  # (doc, index) -> (start, end)
    entity_of: dict[tuple[str, int], str]  # (doc, mention index) -> entity
    in_sentence: dict[tuple[str, int], set[str]]  # (doc, sentence) -> entities named there
    loaded: dict[str, list[tuple[int, int, str]]]  # doc -> (start, end, lowercased word), in order
    names: dict[str, list[tuple[int, int]]]  # doc -> spans of the actors' names
    story_of: dict[str, str]  # doc -> its story
    language: str
    # (doc, sentence span) -> its text, content words, loaded words and actors, made once and
    # shared by all its items
    sentence_words: dict[
        tuple[str, int, int], tuple[str, frozenset[str], tuple[str, ...], frozenset[str]]
    ] = field(default_factory=dict)

    @classmethod
    def read(cls, store: Store, docs: Sequence[str], settings: Settings) -> Surroundings:
        """Those of `docs`, read from the store. Only the words more likely loaded than not
        (`FramingSettings.shown_weight`, those framing shows) count: a word the model is
        unsure of ("alleging", "threatens") names nothing otherwise."""
        entity_of: dict[tuple[str, int], str] = {}
        in_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
        names: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for mention in resolved_mentions_of(store, docs):
            assert mention.entity is not None
            entity_of[(mention.doc, mention.index)] = mention.entity
            in_sentence[(mention.doc, mention.sentence)].add(mention.entity)
            names[mention.doc].append((mention.start, mention.end))
        loaded: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for word in loaded_words_of(store, docs):
            # a quoted speaker's words do not frame the outlet's telling
            if not word.quoted and word.weight >= settings.framing.shown_weight:
                loaded[word.doc].append((word.start, word.end, word.text.lower()))
        for found in loaded.values():
            found.sort()
        return cls(
            documents=documents_by_id(store, docs),
            sentences={(s.doc, s.index): (s.start, s.end) for s in sentences_of(store, docs)},
            entity_of=entity_of,
            in_sentence=in_sentence,
            loaded=loaded,
            names=names,
            story_of=stories_of(store, docs),
            language=settings.language,
        )

    def loaded_between(self, doc: str, start: int, end: int) -> tuple[str, ...]:
        """The loaded words between `start` and `end` of `doc`, each once, sorted; not those
        inside an actor's name or a fixed term ("special counsel", "grand jury")."""
        found = self.loaded.get(doc, [])
        first = bisect_left(found, (start, -1, ""))
        text = self.documents[doc].text
        fixed = [
            (start + m.start(), start + m.end())
            for m in align_words(self.language).FIXED_TERMS.finditer(text[start:end])
        ]
        taken = fixed + [(s, e) for s, e in self.names.get(doc, []) if s < end and e > start]
        inside = set()
        for word_start, word_end, word in found[first:]:
            if word_start >= end:
                break
            if word_end <= end and not any(s <= word_start and word_end <= e for s, e in taken):
                inside.add(word)
        return tuple(sorted(inside))

    def actor(self, doc: str, mention: int | None) -> str | None:
        """The entity of a mention of `doc`, if it was resolved."""
        return self.entity_of.get((doc, mention)) if mention is not None else None

    def statement(
        self, kind: str, item: Event | Figure | Claim, when: str | None = None, **details: Any
    ) -> Statement:
        """The statement of a stored item, about the day `when` says or else its document's."""
        doc = self.documents[item.doc]
        start, end = self.sentences.get((item.doc, item.sentence), (item.start, item.end))
        span = (item.doc, start, end)
        if span not in self.sentence_words:
            context = doc.text[start:end]
            self.sentence_words[span] = (
                context,
                content_words(context, self.language),
                self.loaded_between(item.doc, start, end),
                frozenset(self.in_sentence.get((item.doc, item.sentence), ())),
            )
        context, words, loaded, entities = self.sentence_words[span]
        published = doc.published
        return Statement(
            id=item_id(kind, item.doc, item.start, item.end),
            kind=kind,
            doc=item.doc,
            sentence=item.sentence,
            start=item.start,
            end=item.end,
            text=doc.text[item.start : item.end],
            context=context,
            context_start=start,
            source=doc.source,
            published=published,
            day=_ordinal(when) or (published.toordinal() if published else None),
            dated=_ordinal(when) is not None,
            entities=entities,
            loaded=loaded,
            named=self.loaded_between(item.doc, item.start, item.end),
            story=self.story_of.get(item.doc),
            language=self.language,
            words=words,
            **details,
        )


def _event(found: Surroundings, event: Event) -> Statement:
    return found.statement(
        "event",
        event,
        event.happened if _within_a_month(event.date_value) else None,
        type=event.type,
        trigger=event.trigger,
        actor=found.actor(event.doc, event.source),
        target=found.actor(event.doc, event.target),
        negated=bool(event.negated),
    )


def _figure(found: Surroundings, figure: Figure) -> Statement:
    return found.statement(
        "figure",
        figure,
        figure.refers_to,
        type=unit_class(figure.unit, found.language),
        trigger=(figure.measures or figure.unit).lower(),
        actor=found.actor(figure.doc, figure.about),
        value=figure.value,
        high=figure.high,
        qualifier=figure.qualifier,
    )


def _claim(found: Surroundings, claim: Claim) -> Statement:
    """A claim's stance: its endorsement by the writer, else "hedged" when it is."""
    stance = claim.endorsement if claim.endorsement != "neutral" else ""
    if claim.certainty == "hedged":
        stance = stance or "hedged"
    statement = found.statement(
        "claim",
        claim,
        type="claim",
        trigger=(claim.cue or "").lower(),
        actor=found.actor(claim.doc, claim.speaker),
        stance=stance,
    )
    statement.negated = bool(align_words(found.language).NEGATION.search(statement.text))
    return statement


def _within_a_month(date_value: str | None) -> bool:
    """Whether a date names a day, a week or a month ("2022-12-07", "2022-W49", "2022-12"), not
    a quarter, a year or more, whose first day would file it in the wrong month. Stores
    written before dates kept their granularity have no value: their day is taken."""
    return date_value is None or bool(re.fullmatch(r"\d{4}-(\d{2}(-\d{2})?|W\d{2})", date_value))


def _ordinal(value: str | None) -> int | None:
    """The day of an ISO date (a bare year says no day)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None
