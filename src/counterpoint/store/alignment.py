"""What the align stage and the comparison of sources read from and write to the store: the
facts of some documents, the blocking keys, links and groups of the alignment, its judgements,
and the sentence embeddings. Lists of ids go to DuckDB as literal lists in chunks, which it
reads through the tables' indexes (`Store.fetch_in`): what one new document reads costs the same
in a store of 1,000 articles as in one of 100,000."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from counterpoint.records import (
    Alignment,
    Claim,
    Document,
    Event,
    Evidence,
    Figure,
    LoadedWord,
    Mention,
    Sentence,
)
from counterpoint.store.database import DOCUMENT_SOURCE, IDS_PER_LOOKUP, Store

R = TypeVar("R")

_IN_LIST = "IN (SELECT unnest(?::VARCHAR[]))"
# Everything the alignment keeps; the sentence embeddings stay, they do not depend on it.
_ALIGNMENT_TABLES = (
    "aligned",
    "alignment_keys",
    "alignment_links",
    "alignment_groups",
    "alignments",
)


@dataclass(frozen=True)
class FiledKey:
    """An item filed under a blocking key, with the day it is about (an ordinal)."""

    key: str
    item: str
    day: int | None


@dataclass(frozen=True)
class Link:
    """Two items taken for one thing, and why."""

    a: str
    b: str
    score: float
    reason: str  # "similar", "inside claim", "toll of the event"


@dataclass(frozen=True)
class DocumentName:
    """What a user may call a document by when picking a side to compare."""

    id: str
    title: str | None
    outlet: str | None
    source: str  # the outlet, else the document itself


# -- the facts of some documents ----------------------------------------------------------------


def _of_documents(store: Store, record_type: type[R], table: str, docs: Sequence[str]) -> list[R]:
    """The rows of `table` in `docs` as records (its fields name the columns), in table order."""
    return store.records_in(record_type, table, "doc", docs)


def documents_by_id(store: Store, ids: Sequence[str]) -> dict[str, Document]:
    found = store.records_in(Document, "documents", "id", ids)  # texts: short lists
    return {d.id: d for d in found}


def sentences_of(store: Store, docs: Sequence[str]) -> list[Sentence]:
    return _of_documents(store, Sentence, "sentences", docs)


def resolved_mentions_of(store: Store, docs: Sequence[str]) -> list[Mention]:
    """The mentions of `docs` that the resolver tied to an entity."""
    return [m for m in _of_documents(store, Mention, "mentions", docs) if m.entity is not None]


def loaded_words_of(store: Store, docs: Sequence[str]) -> list[LoadedWord]:
    return _of_documents(store, LoadedWord, "loaded_words", docs)


def events_of(store: Store, docs: Sequence[str]) -> list[Event]:
    return _of_documents(store, Event, "events", docs)


def figures_of(store: Store, docs: Sequence[str]) -> list[Figure]:
    return _of_documents(store, Figure, "figures", docs)


def claims_of(store: Store, docs: Sequence[str]) -> list[Claim]:
    return _of_documents(store, Claim, "claims", docs)


def all_document_ids(store: Store) -> list[str]:
    """Every document, in the order the store keeps them."""
    return [row[0] for row in store.con.execute("SELECT id FROM documents").fetchall()]


def document_names(store: Store) -> list[DocumentName]:
    """Every document's id, title, outlet and source, oldest first."""
    rows = store.rows(
        f"SELECT d.id, d.title, d.outlet, {DOCUMENT_SOURCE} AS source FROM documents d "
        "ORDER BY d.published, d.id"
    )
    return [DocumentName(**row) for row in rows]


# -- the alignment ------------------------------------------------------------------------------


def unaligned_documents(store: Store) -> list[str]:
    """Documents stored but not aligned yet (new, or left by an interrupted run)."""
    return store.pending_in_order("align", "published")


def mark_aligned(store: Store, docs: list[str]) -> None:
    store.insert_columns("aligned", {"doc": docs})
    store.clear_pending("align", docs)


def forget_alignment(store: Store) -> None:
    """Drop every alignment (the sentence embeddings stay): after a correction changes the
    entities, the store is aligned again from scratch."""
    with store.transaction():
        for table in _ALIGNMENT_TABLES:
            store.con.execute(f"DELETE FROM {table}")


def unfile(store: Store, items: list[str]) -> None:
    """Take `items` out of the blocking keys, to file them again. Only the items of documents
    aligned already can be filed: a document's keys are written with its mark in `aligned`, in
    one transaction, and forgotten with it; so the table (its largest, with no index on items)
    is not read for new documents."""
    docs = {item.split(":")[1] for item in items}
    aligned = {
        row[0]
        for row in store.fetch_in(
            "SELECT doc FROM aligned WHERE doc IN {ids}", docs, IDS_PER_LOOKUP
        )
    }
    again = [item for item in items if item.split(":")[1] in aligned]
    if again:
        store.con.execute(f"DELETE FROM alignment_keys WHERE item {_IN_LIST}", [again])


def file_under_keys(store: Store, filed: list[FiledKey]) -> None:
    store.insert_records("alignment_keys", FiledKey, filed)


# Lookups answered by one query: DuckDB keeps the nearest items of each lookup while it reads,
# and a batch's lookups at once (16,000 for 50 articles) held 0.9 GB (bench/README.md).
LOOKUPS_PER_QUERY = 1000


def nearest_filed(
    store: Store, lookups: list[tuple[str, str, int]], cap: int
) -> dict[tuple[str, str, int], list[str]]:
    """For each lookup (key, document, day): the items filed under the key by other documents,
    at most `cap`, the nearest to the day first (an undated item counts as day 0), then by id.
    DuckDB keeps the nearest of each list as it reads it, so a key's whole list (every item of
    its month, which grows with the store) never reaches Python."""
    found: dict[tuple[str, str, int], list[str]] = {}
    shared: dict[str, str] = {}  # one string per item, however many lookups find it
    ordered = sorted(lookups)  # a key's lookups in one query: its list is read once
    for first in range(0, len(ordered), LOOKUPS_PER_QUERY):
        part = ordered[first : first + LOOKUPS_PER_QUERY]
        keys = sorted({key for key, _, _ in part})
        # A literal list: DuckDB reads the key index for it when few rows match
        # (bench/add_article.py)
        marks = ", ".join("?" * len(keys))
        sql = f"""
            WITH lookup AS (SELECT unnest(?) AS key, unnest(?) AS doc, unnest(?) AS day)
            SELECT lookup.key, lookup.doc, lookup.day,
                min_by(filed.item, row(abs(coalesce(filed.day, 0) - lookup.day), filed.item), ?)
            FROM lookup
                JOIN (SELECT key, item, day FROM alignment_keys WHERE key IN ({marks})) filed
                ON filed.key = lookup.key
            WHERE split_part(filed.item, ':', 2) <> lookup.doc
            GROUP BY ALL"""
        columns = [list(column) for column in zip(*part, strict=True)]
        for key, doc, day, items in store.con.execute(sql, [*columns, cap, *keys]).fetchall():
            found[(key, doc, day)] = [shared.setdefault(item, item) for item in items]
    return found


def add_links(store: Store, links: list[Link]) -> None:
    store.insert_records("alignment_links", Link, links)


def groups_of(store: Store, items: list[str]) -> dict[str, str]:
    """The group of each of `items` that is in one."""
    return dict(
        store.fetch_in(
            'SELECT item, "group" FROM alignment_groups WHERE item IN {ids}', items, IDS_PER_LOOKUP
        )
    )


def members_of(store: Store, groups: list[str]) -> list[tuple[str, str]]:
    """(group, item) for every item of `groups`."""
    return store.fetch_in(
        'SELECT "group", item FROM alignment_groups WHERE "group" IN {ids}', groups
    )


def merge_group(store: Store, old: str, new: str) -> None:
    """Move the items of group `old` into group `new`; the judgements of `old` go."""
    store.con.execute('UPDATE alignment_groups SET "group" = ? WHERE "group" = ?', [new, old])
    store.con.execute('DELETE FROM alignments WHERE "group" = ?', [old])


def add_to_groups(store: Store, items: list[str], groups: list[str]) -> None:
    store.insert_columns("alignment_groups", {"item": items, "group": groups})


def replace_alignments(store: Store, groups: list[str], alignments: list[Alignment]) -> None:
    """The judgements of `groups`, in place of those stored."""
    store.execute_in('DELETE FROM alignments WHERE "group" IN {ids}', groups)
    store.insert_columns(
        "alignments",
        {
            "id": [a.id for a in alignments],
            "group": [a.group for a in alignments],
            "kind": [a.kind for a in alignments],
            "relation": [a.relation for a in alignments],
            "score": [a.score for a in alignments],
            "members": [json.dumps(list(a.members)) for a in alignments],
            "evidence": [json.dumps([e.__dict__ for e in a.evidence]) for a in alignments],
            "reason": [a.reason for a in alignments],
        },
    )


def stored_alignments(store: Store) -> list[Alignment]:
    """Every judgement, by relation, the surest first."""
    rows = store.rows("SELECT * FROM alignments ORDER BY relation, score DESC, id")
    return [
        Alignment(
            id=r["id"],
            group=r["group"],
            kind=r["kind"],
            relation=r["relation"],
            score=r["score"],
            members=tuple(json.loads(r["members"])),
            evidence=tuple(Evidence(**e) for e in json.loads(r["evidence"])),
            reason=r["reason"] or "",
        )
        for r in rows
    ]


# -- sentence embeddings ------------------------------------------------------------------------


def sentence_vectors(store: Store, docs: list[str]) -> dict[tuple[str, int], np.ndarray]:
    """The stored embedding of each sentence of `docs` that has one, by (document, sentence).
    Read through Arrow: as Python lists of floats the rows cost five times more to read."""
    table = store.arrow_in(
        "SELECT doc, sentence, vector FROM sentence_vectors WHERE doc IN {ids}", docs
    )
    lists = table.column("vector").combine_chunks()
    # the offsets index the list's values as stored (`flatten` would drop a slice's start)
    values = lists.values.to_numpy(zero_copy_only=False).astype(np.float32, copy=False)
    offsets = lists.offsets.to_numpy()
    return {
        (doc, sentence): values[offsets[n] : offsets[n + 1]]
        for n, (doc, sentence) in enumerate(
            zip(table.column("doc").to_pylist(), table.column("sentence").to_pylist(), strict=True)
        )
    }


def add_sentence_vectors(
    store: Store, sentences: list[tuple[str, int]], vectors: list[list[float]]
) -> None:
    store.insert_columns(
        "sentence_vectors",
        {
            "doc": [doc for doc, _ in sentences],
            "sentence": [sentence for _, sentence in sentences],
            "vector": vectors,
        },
    )
