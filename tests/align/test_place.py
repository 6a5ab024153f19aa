"""The story stage on a store: `StorySettings.vectors` decides whether documents are embedded;
without vectors they are placed by their words, and a later run with vectors embeds what was
placed without one (once, kept)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

import counterpoint.align.embeddings as embeddings
from counterpoint.align.place import place_in_stories
from counterpoint.config import Settings, StorySettings
from counterpoint.store import Store

DAY = dt.date(2025, 2, 3)
# Invented reports: two on a ferry strike in Tarsby, one on an orchard frost.
DOCUMENTS = [
    (
        "ferry-a",
        "Tarsby ferry crews strike over night shifts",
        "Ferry crews in Tarsby walked out on Monday over new night shifts, stranding "
        "commuters on both sides of the Tarsby sound, the Tarsby ferry union said.",
        DAY,
    ),
    (
        "ferry-b",
        "Tarsby ferry strike strands commuters for a second day",
        "Commuters waited for hours in Tarsby as the ferry crews' strike over night shifts "
        "went into a second day; the Tarsby ferry union said talks would resume.",
        DAY + dt.timedelta(days=1),
    ),
    (
        "frost",
        "Late frost ruins apple blossom in Holmvik orchards",
        "Growers in Holmvik lost most of their apple blossom to a late frost on Sunday, the "
        "orchard cooperative said, and expect a poor harvest.",
        DAY,
    ),
]


def _add(store: Store, rows: list[tuple[str, str, str, dt.date]]) -> None:
    for n, (doc, title, text, published) in enumerate(rows):
        store.con.execute(
            "INSERT INTO documents (id, title, text, published, added) VALUES (?, ?, ?, ?, ?)",
            [doc, title, text, published, dt.datetime(2025, 2, 4, 12, n)],
        )


def _stories(store: Store) -> dict[str, str]:
    return dict(store.con.execute("SELECT doc, story FROM document_stories").fetchall())


def test_without_vectors_nothing_is_embedded_and_words_place_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(texts: list[str]) -> None:
        raise AssertionError(f"embedded {len(texts)} texts with vectors off")

    monkeypatch.setattr(embeddings, "embed", refuse)
    words = Settings(stories=StorySettings(vectors=False, words_threshold=0.1))
    with Store(tmp_path / "s.duckdb") as store:
        _add(store, DOCUMENTS)
        assert place_in_stories(store, words) == 3
        stories = _stories(store)
        assert stories["ferry-a"] == stories["ferry-b"] != stories["frost"]
        assert store.scalar("SELECT count(*) FROM document_vectors") == 0


def test_a_run_with_vectors_embeds_documents_placed_by_words_once(tmp_path: Path) -> None:
    words = Settings(stories=StorySettings(vectors=False, words_threshold=0.1))
    with Store(tmp_path / "s.duckdb") as store:
        _add(store, DOCUMENTS[:2])
        place_in_stories(store, words)
        _add(
            store,
            [
                (
                    "ferry-c",
                    "Tarsby ferry union and operator agree to end strike",
                    "The Tarsby ferry strike ended on Wednesday after the union and the "
                    "operator agreed to drop the new night shifts.",
                    DAY + dt.timedelta(days=2),
                )
            ],
        )
        assert place_in_stories(store, replace(words, stories=StorySettings())) == 1
        kept = store.scalar("SELECT count(*) FROM document_vectors")
        assert kept == 3  # the two placed by words, and the new one
        assert len(set(_stories(store).values())) == 1
