"""A run places, resolves and aligns its documents a part at a time (`Settings.stage_part`), so
that its memory does not grow with how many it reads; the store ends as if all had gone at once."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import counterpoint
from counterpoint.config import AlignSettings, Settings
from counterpoint.store import Store

from conftest import write

SETTINGS = Settings(align=AlignSettings(vectors=False))

# Seven short reports from three outlets: one arrest told three times (one figure differs), one
# survey announcement twice, one meeting twice.
REPORTS = [
    "Police arrested 12 protesters outside the Corvel city hall on Monday, "
    "Mayor Lucia Ferrand said.",
    "Police arrested 12 protesters outside the Corvel city hall on Monday, "
    "the mayor's office said.",
    "Police in Corvel arrested 15 protesters outside city hall on Monday, officials said.",
    "The Tallow River Authority said its water survey would be published in May.",
    "Oskar Brandt said the Tallow River Authority survey would be published in May.",
    "Mayor Lucia Ferrand met Oskar Brandt on Friday to discuss the contracts.",
    "Lucia Ferrand and Oskar Brandt met on Friday to discuss the survey contracts.",
]


def _analysed(folder: Path, db: Path, settings: Settings) -> tuple[list, list, list]:
    """Entities (name, mentions), stories (their documents) and alignments (relation, members)
    of `db` after analysing `folder` into it."""
    counterpoint.analyze([folder], db=db, settings=settings)
    with Store(db, read_only=True) as store:
        entities = sorted(
            (e.name, tuple(sorted((m.doc, m.index) for m in e.mentions))) for e in store.entities()
        )
        stories = sorted(
            tuple(sorted(docs))
            for (docs,) in store.con.execute(
                "SELECT list(doc) FROM document_stories GROUP BY story"
            ).fetchall()
        )
        alignments = sorted(
            (relation, tuple(sorted(json.loads(members))))
            for relation, members in store.con.execute(
                "SELECT relation, members FROM alignments"
            ).fetchall()
        )
    return entities, stories, alignments


def test_a_run_in_parts_holds_what_a_run_in_one_part_holds(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    for i, text in enumerate(REPORTS):
        write(
            folder,
            f"report{i}.md",
            f"---\ntitle: Report {i}\noutlet: Outlet {i % 3}\n"
            f"published: 2024-05-{i + 6:02}\n---\n{text}\n",
        )
    at_once = _analysed(folder, tmp_path / "once.duckdb", SETTINGS)
    in_parts = _analysed(folder, tmp_path / "parts.duckdb", replace(SETTINGS, stage_part=2))
    assert in_parts == at_once
    entities, stories, alignments = at_once
    assert any(name == "Lucia Ferrand" and len(mentions) == 3 for name, mentions in entities)
    assert len(stories) == 3
    assert sum(relation == "corroborate" for relation, _ in alignments) >= 2
