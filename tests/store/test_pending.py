"""Finding the work left after storing without reading the whole store: the documents each
stage has not taken yet, the region of keys a run links, and the open merges of the entities it
touches."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

import counterpoint
import counterpoint.pipeline.analyze as pipeline
from counterpoint.store import Store
from counterpoint.store.alignment import forget_alignment, unaligned_documents
from counterpoint.store.database import MIGRATIONS
from counterpoint.store.resolution import documents_to_resolve, region
from counterpoint.store.stories import unplaced_documents

from conftest import write

TEXTS = [
    "Mayor Ida Voss of Larkspur opened the Calder bridge on Monday, the Larkspur Council said.",
    "Ida Voss, the mayor, said the Calder bridge cost 4 million dollars. Voss thanked the crews.",
    "The Harbour Authority of Ashby raised wages after talks with union leader Tomas Brenner.",
    "Brenner said the Harbour Authority kept its word. Mayor Voss of Larkspur welcomed the deal.",
]


def stored_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """analyze stores the documents and stops there (as a run killed after storing)."""
    for stage in ("place_in_stories", "write_resolution", "align_all"):
        monkeypatch.setattr(pipeline, stage, lambda *args, **kwargs: [])
    monkeypatch.setattr(pipeline, "resolve", lambda *args, **kwargs: None)


def waiting(store: Store) -> dict[str, list[str]]:
    fingerprint = store.meta().get("local_resolution", "")
    return {
        "stories": unplaced_documents(store),
        "resolve": documents_to_resolve(store, fingerprint),
        "align": unaligned_documents(store),
    }


def test_each_stage_finds_the_documents_it_has_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.duckdb"
    counterpoint.analyze([write(tmp_path, "a.txt", TEXTS[0])], db=db)
    with Store(db) as store:
        assert waiting(store) == {"stories": [], "resolve": [], "align": []}
        assert store.scalar("SELECT count(*) FROM pending") == 0
    with monkeypatch.context() as patched:
        stored_only(patched)
        new = counterpoint.analyze([write(tmp_path, "b.txt", TEXTS[1])], db=db).added[0].id
    with Store(db) as store:
        assert waiting(store) == {"stories": [new], "resolve": [new], "align": [new]}
    counterpoint.analyze([tmp_path / "b.txt"], db=db)  # the next run takes them
    with Store(db) as store:
        assert waiting(store) == {"stories": [], "resolve": [], "align": []}
        assert store.scalar("SELECT count(*) FROM pending") == 0


def test_documents_without_marks_are_found_by_comparing_every_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Marks that do not account for every waiting document (written by other means, a stage
    forgotten whole) are not trusted."""
    db = tmp_path / "s.duckdb"
    with monkeypatch.context() as patched:
        stored_only(patched)
        for i, text in enumerate(TEXTS[:3]):
            counterpoint.analyze([write(tmp_path, f"{i}.txt", text)], db=db)
    with Store(db) as store:
        docs = sorted(store.document_ids())
        store.con.execute("DELETE FROM pending WHERE doc = ?", [docs[0]])
        assert sorted(unaligned_documents(store)) == docs
        assert sorted(unplaced_documents(store)) == docs
    counterpoint.analyze([tmp_path / "0.txt"], db=db)
    with Store(db) as store:
        forget_alignment(store)
        assert sorted(unaligned_documents(store)) == docs


def test_an_older_store_is_brought_to_the_new_schema_and_its_waiting_documents_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.duckdb"
    with monkeypatch.context() as patched:
        stored_only(patched)
        doc = counterpoint.analyze([write(tmp_path, "a.txt", TEXTS[0])], db=db).added[0].id
    with Store(db) as store:  # as schema 9 left it
        store.con.execute("DROP TABLE pending")
        for statement in MIGRATIONS[10]:
            if statement.startswith("CREATE INDEX"):
                store.con.execute(f"DROP INDEX {statement.split()[2]}")
        store.con.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    with Store(db) as store:
        assert store.meta()["schema_version"] == "10"
        assert unaligned_documents(store) == [doc]
    counterpoint.analyze([tmp_path / "a.txt"], db=db)
    with Store(db) as store:
        assert unaligned_documents(store) == [] and store.scalar("SELECT count(*) FROM entities")


def closure_in_sql(store: Store, keys: set[str]) -> set[str]:
    """The region as the joins define it, one step outward a round."""
    found, frontier = set(keys), set(keys)
    while frontier:
        with store.registered(pa.table({"key": sorted(frontier)})) as name:
            rows = store.con.execute(
                f"""SELECT t2.key FROM key_tokens t1 JOIN key_tokens t2 USING (token)
                    WHERE t1.key IN (SELECT key FROM {name})
                UNION SELECT k2.key FROM resolution_keys k1 JOIN resolution_keys k2
                    ON k2.entity = k1.entity WHERE k1.key IN (SELECT key FROM {name})
                UNION SELECT k.key FROM key_aliases a JOIN resolution_keys k ON k.name = a.alias
                    WHERE a.key IN (SELECT key FROM {name})
                UNION SELECT a.key FROM key_aliases a JOIN resolution_keys k ON k.name = a.alias
                    WHERE k.key IN (SELECT key FROM {name})"""
            ).fetchall()
        frontier = {row[0] for row in rows} - found
        found |= frontier
    return found


def test_the_region_is_the_closure_over_tokens_entities_and_aliases(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    for i, text in enumerate(TEXTS):
        counterpoint.analyze([write(tmp_path, f"{i}.txt", text)], db=db)
    with Store(db) as store:
        keys = [row[0] for row in store.con.execute("SELECT key FROM resolution_keys").fetchall()]
        assert len(keys) > 4
        for key in keys:
            assert region(store, {key}) == closure_in_sql(store, {key})
        voss = [k for k in keys if k.endswith("voss")]
        assert len(voss) == 2 and region(store, voss[:1]) >= set(voss)  # "Voss", "Ida Voss"
        brenner = [k for k in keys if k.endswith("brenner")]
        assert region(store, brenner) == set(brenner)  # shares nothing with another key
