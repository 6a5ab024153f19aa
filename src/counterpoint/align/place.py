"""The story stage: each document not in a story yet joins the story it is closest to, or
starts one (`align/stories.py` decides); a story's title is its most central document's.
With `StorySettings.vectors` off, documents are compared by their words and none is embedded."""

from __future__ import annotations

from collections.abc import Collection

import numpy as np

from counterpoint.align.stories import (
    Placed,
    StoryDocument,
    assign_stories,
    story_title,
    with_vectors,
)
from counterpoint.config import Settings
from counterpoint.store import Store
from counterpoint.store.alignment import documents_by_id
from counterpoint.store.stories import (
    keep_document_vectors,
    name_stories,
    place_documents,
    placed_near,
    unplaced_documents,
)


def place_in_stories(store: Store, settings: Settings, docs: Collection[str] | None = None) -> int:
    """Put the documents in no story yet (those of `docs` only, if given) into stories, in the
    order they were added, in one transaction; the number placed."""
    todo = [doc for doc in unplaced_documents(store) if docs is None or doc in docs]
    if not todo:
        return 0
    found = documents_by_id(store, todo)
    stories = settings.stories
    fresh = [
        StoryDocument(d.id, d.title, d.text[: stories.term_chars], d.published)
        for d in (found[i] for i in todo)
    ]
    dates = [d.published for d in fresh if d.published]
    near = placed_near(
        store,
        min(dates, default=None),
        max(dates, default=None),
        stories.window_days + stories.density_days,
        stories.term_chars,
    )
    stored = [
        StoryDocument(
            p.doc,
            p.title,
            p.text,
            p.published,
            None if p.vector is None else np.asarray(p.vector, dtype=np.float32),
        )
        for p in near
    ]
    # One call embeds what lacks a vector (the new documents, and placed ones placed by words
    # only), when the setting asks for vectors; all are kept, so none is embedded twice.
    documents = with_vectors(stored + fresh, stories)
    placed = [Placed(d, p.story) for d, p in zip(documents, near, strict=False)]
    new = documents[len(stored) :]
    chosen = assign_stories(placed, new, stories)
    members: dict[str, list[StoryDocument]] = {}
    for p in placed:
        members.setdefault(p.story, []).append(p.document)
    for document, story in zip(new, chosen, strict=True):
        members.setdefault(story, []).append(document)
    titles = {story: story_title(members[story]) or story for story in set(chosen)}
    embedded = [
        d
        for d, before in zip(documents, [*stored, *fresh], strict=True)
        if before.vector is None and d.vector is not None
    ]
    with store.transaction():
        keep_document_vectors(
            store, [d.id for d in embedded], [np.asarray(d.vector).tolist() for d in embedded]
        )
        place_documents(store, [d.id for d in new], chosen)
        name_stories(store, titles)
    return len(new)
