"""The align stage embeds only the sentences whose embeddings could change what it finds, and
never one twice; on short articles written for these tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from written_statements import statement

import counterpoint
from counterpoint.align import embeddings
from counterpoint.align.compare import omissions
from counterpoint.align.judge import needs_vectors
from counterpoint.align.similarity import similarity, similarity_bounds
from counterpoint.align.statements import Statement
from counterpoint.config import AlignSettings
from counterpoint.store import Store

from conftest import write
from quarry import HARBOR, VALLEY

# A report of the same day about something no other outlet tells: its sentences have no
# candidate in another document (no shared actor, trigger or value).
GARDEN = """---
title: Botanic garden opens a glasshouse
outlet: Garden Weekly
published: 2024-03-06
---
The Lindqvist Botanic Garden opened a glasshouse for desert plants in Orebro on Monday.
"""

LATER = """---
title: Miners mourned in Tallis
outlet: Hill Courier
published: 2024-03-08
---
Police killed 9 miners at the Dunmore quarry in Tallis on Tuesday, officials said.
"""


def unit(seed: int) -> np.ndarray:
    vector = np.random.default_rng(seed).normal(size=8).astype(np.float32)
    return vector / np.linalg.norm(vector)


def test_a_pairs_score_lies_within_its_bounds_whatever_the_embeddings() -> None:
    a = statement("event", "d1", "A", "Police killed nine miners in Tallis.", trigger="kill")
    b = statement("event", "d2", "B", "Nine miners were killed by police.", trigger="kill")
    low, high = similarity_bounds(a, b)
    assert low < high
    for seed in range(5):
        a.vector, b.vector = unit(seed), unit(seed + 100)
        assert low <= similarity(a, b) <= high
    a.vector = b.vector = unit(7)  # the closest two sentences can be
    assert similarity(a, b) == pytest.approx(high)
    assert similarity_bounds(a, b) == (similarity(a, b), similarity(a, b))


def test_only_pairs_that_could_be_judged_need_embeddings() -> None:
    settings = AlignSettings()
    a = statement("event", "d1", "A", "Police killed nine miners in Tallis.", trigger="kill")
    b = statement("event", "d2", "B", "Police killed nine miners in Tallis.", trigger="kill")
    other = statement("event", "d3", "C", "A garden opened a glasshouse.", trigger="open")
    alone = statement("figure", "d4", "A", "Nine miners died.", trigger="miners", value=9.0)
    needed = {s.id for s in needs_vectors([a, b, other, alone], settings)}
    assert needed == {a.id, b.id}


@pytest.fixture
def embedded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the real embedder is given."""
    texts: list[str] = []
    real = embeddings.embed

    def recording(given: list[str]) -> np.ndarray:
        texts.extend(given)
        return real(given)

    monkeypatch.setattr(embeddings, "embed", recording)
    return texts


def test_a_sentence_without_a_candidate_is_not_embedded(
    tmp_path: Path, embedded: list[str]
) -> None:
    folder = tmp_path / "in"
    write(folder, "harbor.md", HARBOR)
    write(folder, "valley.md", VALLEY)
    write(folder, "garden.md", GARDEN)
    db = tmp_path / "store.duckdb"
    counterpoint.analyze([folder], db=db)
    assert not [t for t in embedded if t.startswith("The Lindqvist")]  # its story's text is
    assert [t for t in embedded if t.startswith("Police killed 9 miners")]
    with Store(db, read_only=True) as store:
        stored = store.con.execute("SELECT count(*) FROM sentence_vectors").fetchone()[0]
        sentences = store.con.execute("SELECT count(*) FROM sentences").fetchone()[0]
    assert 0 < stored < sentences


def test_a_stored_vector_is_never_computed_again(tmp_path: Path, embedded: list[str]) -> None:
    folder = tmp_path / "in"
    write(folder, "harbor.md", HARBOR)
    write(folder, "valley.md", VALLEY)
    db = tmp_path / "store.duckdb"
    counterpoint.analyze([folder], db=db)
    first = list(embedded)
    assert len(first) == len(set(first))  # once each, stories' texts and sentences
    embedded.clear()
    write(folder, "later.md", LATER)
    counterpoint.analyze([folder], db=db)
    assert embedded  # the new report's sentence is compared by meaning
    assert not set(embedded) & set(first)


def test_the_unique_check_embeds_what_it_compares_when_vectors_are_missing() -> None:
    settings = AlignSettings(unique_per_source=5)
    said = "Police killed nine miners at the quarry in Tallis on Tuesday."
    a = statement("event", "d1", "A", said, entities=frozenset({"police", "tallis"}))
    b = statement(
        "event",
        "d2",
        "B",
        "On Tuesday the police shot dead nine quarry workers in Tallis.",
        entities=frozenset({"police", "tallis"}),
    )
    given: list[str] = []

    def embed(items: list[Statement]) -> None:
        given.extend(i.context for i in items if i.vector is None)
        embeddings.embed_missing(items, settings)

    without = omissions([a, b], [], settings)  # by words alone: neither says the other's
    assert len(without) == 2
    found = omissions([a, b], [], settings, embed)
    assert sorted(given) == sorted([a.context, b.context])  # each embedded once
    assert found == []  # close in meaning: each source says it
