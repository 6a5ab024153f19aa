"""What the grouping of documents into stories reads from and writes to the store: the
documents not placed yet, the placed ones with their vectors, and the stories."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from counterpoint.records import Story
from counterpoint.store.database import DOCUMENT_SOURCE, IDS_PER_LOOKUP, Store


@dataclass(frozen=True)
class PlacedDocument:
    """A document already in a story, as the grouping compares new ones with it: its title,
    the start of its text, and the vector it was placed by (None: placed by its words only)."""

    doc: str
    story: str
    title: str | None
    text: str
    published: date | None
    vector: list[float] | None


def unplaced_documents(store: Store) -> list[str]:
    """Documents in no story yet, in the order they were added."""
    return store.pending_in_order("stories", "added")


def placed_near(
    store: Store, first: date | None, last: date | None, days: int, chars: int
) -> list[PlacedDocument]:
    """The documents in a story dated within `days` of the period `first`..`last` (all of them
    when the period is unknown), and the undated ones, with the first `chars` of their text and
    their vector if they have one."""
    near = ""
    params: list[object] = []
    if first is not None and last is not None:
        near = (
            "WHERE published IS NULL OR published BETWEEN ?::DATE - ?::INTEGER "
            "AND ?::DATE + ?::INTEGER"
        )
        params = [first, days, last, days]
    # Step by step, each step but the first (two narrow columns) by id through an index: a
    # join would read every document's text and vector.
    dated = [
        row[0] for row in store.con.execute(f"SELECT id FROM documents {near}", params).fetchall()
    ]
    story_of = stories_of(store, dated)
    vector_of = dict(
        store.fetch_in(
            "SELECT doc, vector FROM document_vectors WHERE doc IN {ids}", story_of, IDS_PER_LOOKUP
        )
    )
    rows = store.fetch_in(
        f"SELECT added, id, title, substring(text, 1, {int(chars)}), published FROM documents "
        "WHERE id IN {ids}",
        story_of,  # texts: short lists (`DOCS_PER_LOOKUP`)
    )
    return [
        PlacedDocument(doc, story_of[doc], title, text, published, vector_of.get(doc))
        for _, doc, title, text, published in sorted(rows, key=lambda row: (row[0], row[1]))
    ]


def place_documents(store: Store, docs: Sequence[str], stories: Sequence[str]) -> None:
    """Put each of `docs` in its story."""
    store.insert_columns("document_stories", {"doc": list(docs), "story": list(stories)})
    store.clear_pending("stories", docs)


def keep_document_vectors(
    store: Store, docs: Sequence[str], vectors: Sequence[list[float]]
) -> None:
    """Keep the vector each of `docs` was compared by (documents placed by words have none
    until a run with vectors embeds them)."""
    store.insert_columns("document_vectors", {"doc": list(docs), "vector": list(vectors)})


def name_stories(store: Store, titles: dict[str, str]) -> None:
    """Set the title of each story (new ones are added)."""
    if not titles:
        return
    ids = list(titles)
    store.execute_in("DELETE FROM stories WHERE id IN {ids}", ids)
    store.insert_columns("stories", {"id": ids, "title": [titles[i] for i in ids]})


def stories(store: Store) -> list[Story]:
    """Every story, the one with most sources first, then the latest."""
    rows = store.rows(
        "SELECT t.id, t.title, list(d.id ORDER BY d.published NULLS LAST, d.id) AS documents, "
        f"list(DISTINCT {DOCUMENT_SOURCE} ORDER BY {DOCUMENT_SOURCE}) AS sources, "
        "min(d.published) AS first, max(d.published) AS last "
        "FROM stories t JOIN document_stories s ON s.story = t.id "
        "JOIN documents d ON d.id = s.doc GROUP BY t.id, t.title "
        "ORDER BY len(sources) DESC, last DESC NULLS LAST, t.id"
    )
    return [
        Story(
            id=row["id"],
            title=row["title"] or "",
            documents=tuple(row["documents"]),
            sources=tuple(row["sources"]),
            first=row["first"].isoformat() if row["first"] else None,
            last=row["last"].isoformat() if row["last"] else None,
        )
        for row in rows
    ]


def stories_of(store: Store, docs: Sequence[str]) -> dict[str, str]:
    """The story of each of `docs` that is in one."""
    return dict(
        store.fetch_in(
            "SELECT doc, story FROM document_stories WHERE doc IN {ids}", docs, IDS_PER_LOOKUP
        )
    )


def story_relation_counts(store: Store) -> dict[str, dict[str, int]]:
    """Per story, how many alignments of each relation join two of its documents (once
    whichever groups found it)."""
    rows = store.con.execute(
        "SELECT s.story, a.relation, count(DISTINCT a.id) FROM alignments a "
        "JOIN document_stories s ON s.doc = json_extract_string(a.evidence, '$[0].doc') "
        "JOIN document_stories t ON t.doc = json_extract_string(a.evidence, '$[1].doc') "
        "WHERE s.story = t.story GROUP BY ALL"
    ).fetchall()
    counts: dict[str, dict[str, int]] = {}
    for story, relation, n in rows:
        counts.setdefault(story, {})[relation] = int(n)
    return counts
