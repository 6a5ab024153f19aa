"""Framing: how each source labels, judges and gives room to each actor, and the loaded words
stored with each document."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

import counterpoint
from counterpoint.align.framing import actor_coverage, frame_actors
from counterpoint.records import ActorFraming
from counterpoint.store import Store

from conftest import write

# Three outlets on one invented story: one hostile to Maduro, one praising him and silent on
# Guaido, one a plain wire report.
ARTICLES = [
    {
        "outlet": "Daily Sentinel",
        "title": "Regime crushes protest",
        "text": "The socialist Maduro's regime crushed the protest in Caracas on Monday. "
        "Maduro, a dictator, has ruled Venezuela for a decade. The brutal regime of Maduro "
        "jailed hundreds of opposition activists. Juan Guaido called for new elections.",
    },
    {
        "outlet": "People's Voice",
        "title": "Maduro greets supporters",
        "text": "The democratically elected Maduro welcomed thousands of supporters in Caracas "
        "on Monday. President Nicolas Maduro praised the peaceful, joyful crowd and promised "
        "better wages. Maduro's government opened new hospitals.",
    },
    {
        "outlet": "Wire",
        "title": "Rates cut",
        "text": "Venezuelan President Nicolas Maduro said on Tuesday that the central bank "
        "would cut interest rates by half a point. Opposition leader Juan Guaido said he would "
        "hold a rally on Saturday. Guaido spoke in Caracas.",
    },
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("framing")
    write(folder / "in", "news.jsonl", "\n".join(json.dumps(a) for a in ARTICLES))
    db = folder / "framing.duckdb"
    counterpoint.analyze([folder / "in"], db=db)
    with Store(db, read_only=True) as opened:
        yield opened


def framing(framings: list[ActorFraming], source: str, name: str) -> ActorFraming:
    return next(f for f in framings if f.source == source and name in f.name)


def test_every_analyzed_document_stores_its_loaded_words_at_their_place(store: Store) -> None:
    rows = store.rows(
        'SELECT w.*, d.text AS doc_text, s.start AS s_start, s."end" AS s_end '
        "FROM loaded_words w JOIN documents d ON d.id = w.doc "
        'JOIN sentences s ON s.doc = w.doc AND s."index" = w.sentence'
    )
    assert {r["text"] for r in rows} >= {"regime", "crushed", "dictator", "brutal", "joyful"}
    for row in rows:
        assert row["doc_text"][row["start"] : row["end"]] == row["text"]
        assert row["s_start"] <= row["start"] < row["end"] <= row["s_end"]


def test_stance_toward_an_actor_is_hostile_in_one_source_and_favourable_in_another(
    store: Store,
) -> None:
    framings = frame_actors(store)
    assert framing(framings, "Daily Sentinel", "Maduro").stance < -0.2
    assert framing(framings, "People's Voice", "Maduro").stance > 0.2
    assert -1 <= min(f.stance for f in framings) <= max(f.stance for f in framings) <= 1


def test_each_source_gives_an_actor_its_own_labels(store: Store) -> None:
    framings = frame_actors(store, ["Daily Sentinel", "People's Voice", "Wire"])
    hostile = framing(framings, "Daily Sentinel", "Maduro")
    assert {"socialist", "regime", "dictator"} <= set(hostile.labels)
    assert {"regime", "dictator"} <= set(hostile.loaded)
    friendly = framing(framings, "People's Voice", "Maduro")
    assert "democratically elected" in friendly.labels
    assert "government" in friendly.labels
    assert not {"regime", "dictator"} & set(friendly.labels)
    # A title is a role, not a label; a plain report gives none.
    assert framing(framings, "Wire", "Maduro").labels == ()
    assert framing(framings, "Wire", "Guaido").labels == ()


def test_mentions_and_shares_are_counted_per_source(store: Store) -> None:
    framings = frame_actors(store, ["People's Voice"])
    assert {f.source for f in framings} == {"People's Voice"}
    maduro = framing(framings, "People's Voice", "Maduro")
    assert maduro.mentions == 3
    assert maduro == framings[0]  # the most mentioned first
    assert sum(f.share for f in framings) == pytest.approx(1.0, abs=0.01)


def test_coverage_lists_the_actor_a_source_leaves_out(store: Store) -> None:
    coverage = actor_coverage(store)
    assert set(coverage) == {"Daily Sentinel", "People's Voice", "Wire"}
    friendly = coverage["People's Voice"]
    assert "Maduro" in friendly.centre[0].name
    left_out = {p.name: p for p in friendly.left_out}
    assert "Juan Guaido" in left_out
    assert left_out["Juan Guaido"].mentions == 0 and left_out["Juan Guaido"].elsewhere > 0
    assert not any("Maduro" in p.name for p in friendly.left_out)
    assert all("Guaido" not in p.name for p in coverage["Wire"].left_out)
