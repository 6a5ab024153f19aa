"""What the framing of actors reads from the store: per source, the mentions of actors, the
stored parse of the sentences that name them and the loaded words found there; and how often
each source mentions each actor."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from counterpoint.records import LoadedSentence, LoadedWord, Mention, Token
from counterpoint.store.database import DOCUMENT_SOURCE, Store

_IN_DOCS = "IN (SELECT unnest(?::VARCHAR[]))"
# Rows of `{table}` (aliased x, its sentence index in `{column}`) in some documents, in the
# sentences that name an actor.
_IN_ACTOR_SENTENCES = (
    f"FROM {{table}} x JOIN documents d ON d.id = x.doc WHERE x.doc {_IN_DOCS} AND EXISTS "
    "(SELECT 1 FROM mentions m WHERE m.doc = x.doc AND m.sentence = x.{column} "
    "AND m.entity IS NOT NULL)"
)


@dataclass(frozen=True)
class SentenceText:
    """A stored sentence with its text, cut from its document."""

    doc: str
    index: int
    start: int
    text: str


def source_documents(store: Store) -> dict[str, list[str]]:
    """Every source (a document's outlet, else the document's id), by name, with its
    documents."""
    rows = store.rows(
        f"SELECT {DOCUMENT_SOURCE} AS source, list(d.id ORDER BY d.id) AS docs FROM documents d "
        "GROUP BY 1 ORDER BY 1"
    )
    return {row["source"]: row["docs"] for row in rows}


def entity_names(store: Store) -> dict[str, str]:
    """Each resolved entity's name, by id."""
    return {row["id"]: row["name"] for row in store.rows("SELECT id, name FROM entities")}


# The actor a mention counts toward in framing and coverage: its entity, or for a people named
# by a demonym its state's entity, where the store holds that state. SQL over `mentions m`.
_ACTOR = (
    "coalesce((SELECT c.id FROM entities g JOIN entities c ON c.type = 'Country' "
    "AND c.identifiers->>'iso3166' = g.identifiers->>'iso3166' "
    "WHERE g.id = m.entity AND g.type = 'Group'), m.entity)"
)


def actor_mentions(store: Store, docs: list[str]) -> list[Mention]:
    """The mentions of resolved actors in some documents, in text order; a people's mention
    ("Chinese") as one of its state ("China") where the store holds the state (`_ACTOR`)."""
    rows = store.rows(
        f"SELECT m.* REPLACE ({_ACTOR} AS entity) FROM mentions m WHERE m.doc {_IN_DOCS} "
        'AND m.entity IS NOT NULL ORDER BY m.doc, m."index"',
        [docs],
    )
    return [Mention(**row) for row in rows]


def actor_sentences(store: Store, docs: list[str]) -> list[SentenceText]:
    """The sentences of some documents that name a resolved actor."""
    rows = store.rows(
        'SELECT x.doc, x."index", x.start, substring(d.text, x.start + 1, x."end" - x.start) '
        "AS text " + _IN_ACTOR_SENTENCES.format(table="sentences", column='"index"'),
        [docs],
    )
    return [SentenceText(**row) for row in rows]


def actor_sentence_tokens(store: Store, docs: list[str]) -> list[Token]:
    """The tokens of the sentences of some documents that name a resolved actor, by index."""
    rows = store.rows(
        "SELECT x.* "
        + _IN_ACTOR_SENTENCES.format(table="tokens", column="sentence")
        + ' ORDER BY x."index"',
        [docs],
    )
    return [Token(**row) for row in rows]


def loaded_words_in(store: Store, docs: list[str]) -> list[LoadedWord]:
    """The loaded words of some documents, in text order."""
    rows = store.rows(
        f"SELECT w.* FROM loaded_words w WHERE w.doc {_IN_DOCS} ORDER BY w.doc, w.start",
        [docs],
    )
    return [LoadedWord(**row) for row in rows]


def loaded_sentences_in(store: Store, docs: list[str]) -> list[tuple[LoadedSentence, str]]:
    """The sentences of some documents as judged for loaded language, each with its text, in
    text order."""
    rows = store.rows(
        'SELECT s.*, substring(d.text, s.start + 1, s."end" - s.start) AS text '
        f"FROM loaded_sentences s JOIN documents d ON d.id = s.doc WHERE s.doc {_IN_DOCS} "
        "ORDER BY s.doc, s.sentence",
        [docs],
    )
    return [(_loaded_sentence(row), row["text"]) for row in rows]


def _loaded_sentence(row: dict[str, Any]) -> LoadedSentence:
    values = {k: v for k, v in row.items() if k != "text"}
    return LoadedSentence(**{**values, "features": tuple(values["features"])})


def actor_mention_counts(store: Store) -> dict[str, Counter[str]]:
    """Per source, how many times it mentions each resolved actor (a people's mentions counted
    toward its state, as in `actor_mentions`)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in store.rows(
        f"SELECT {DOCUMENT_SOURCE} AS source, {_ACTOR} AS entity, count(*) AS n FROM mentions m "
        "JOIN documents d ON d.id = m.doc WHERE m.entity IS NOT NULL GROUP BY ALL"
    ):
        counts[row["source"]][row["entity"]] = int(row["n"])
    return dict(counts)
