"""Users correct the machine: merges, splits and aliases kept in a YAML file that every
analyze applies, and written by the 'entities' commands."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import counterpoint
from counterpoint.config import AlignSettings, Settings
from counterpoint.pipeline import entities
from counterpoint.pipeline.entities import add_alias, list_entities, merge_entities, split_entity
from counterpoint.resolve.corrections import Corrections
from counterpoint.store import Store

from conftest import write

STORY = [
    "Mayor Ida Voss of Larkspur opened the harbour bridge on Monday, and Voss thanked the "
    "Harbour Authority for its work.",
    "Tomas Brenner, the union leader, said the Larkspur bridge was late. Brenner blamed "
    "the Harbour Authority.",
    "Councillor Mina Okafor said the Harbour Board had paid for the bridge.",
]


def store(tmp_path: Path) -> Path:
    for number, text in enumerate(STORY):
        write(tmp_path, f"in/{number}.txt", text)
    db = tmp_path / "s.duckdb"
    counterpoint.analyze([tmp_path / "in"], db=db)
    return db


def names(db: Path) -> dict[str, list[str]]:
    return {e.name: e.aliases for e in list_entities(db)}


def test_merge_is_written_to_the_file_and_kept_by_later_runs(tmp_path: Path) -> None:
    db = store(tmp_path)
    assert "Harbour Board" in names(db) and "Harbour Authority" in names(db)
    merged = merge_entities(["Harbour Authority", "Harbour Board"], db=db)
    assert set(merged.aliases) >= {"the Harbour Authority", "the Harbour Board"}
    file = tmp_path / "s.corrections.yaml"
    assert yaml.safe_load(file.read_text()) == {"merge": [["Harbour Authority", "Harbour Board"]]}
    # A later run re-resolves everything and applies the file again.
    write(tmp_path, "in/3.txt", "The Harbour Board met again on Friday in Larkspur.")
    counterpoint.analyze([tmp_path / "in"], db=db)
    authority = next(e for e in list_entities(db) if "the Harbour Board" in e.aliases)
    assert "the Harbour Authority" in authority.aliases
    assert len({m.doc for m in authority.mentions}) == 4


def test_split_takes_the_mentions_written_so_into_a_new_entity(tmp_path: Path) -> None:
    db = store(tmp_path)
    voss = next(e for e in list_entities(db) if "Ida Voss" in e.aliases)
    assert "Voss" in voss.aliases
    new = split_entity(voss.id, ["Voss"], db=db)
    assert new.aliases == ["Voss"] and new.id != voss.id
    kept = next(e for e in list_entities(db) if e.id == voss.id)
    assert kept.aliases == ["Ida Voss"]


def test_alias_moves_mentions_to_the_entity(tmp_path: Path) -> None:
    db = store(tmp_path)
    entity = add_alias("Tomas Brenner", "Larkspur", db=db)
    assert "Larkspur" in entity.aliases


def test_a_correction_aligns_again_with_the_settings_of_the_last_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number, text in enumerate(STORY):
        write(tmp_path, f"in/{number}.txt", text)
    db = tmp_path / "s.duckdb"
    chosen = Settings(align=AlignSettings(vectors=False))
    counterpoint.analyze([tmp_path / "in"], db=db, settings=chosen)
    used: list[Settings] = []
    align_all = entities.align_all

    def recording(store: Store, settings: Settings) -> None:
        used.append(settings)
        align_all(store, settings)

    monkeypatch.setattr(entities, "align_all", recording)
    merge_entities(["Harbour Authority", "Harbour Board"], db=db)
    assert used == [chosen]


def test_a_reference_to_no_entity_changes_nothing(tmp_path: Path) -> None:
    db = store(tmp_path)
    before = names(db)
    try:
        merge_entities(["Nobody Here", "Harbour Board"], db=db)
    except counterpoint.CounterpointError as error:
        assert "Nobody Here" in str(error)
    else:
        raise AssertionError("merging an unknown entity must fail")
    assert names(db) == before
    assert not (tmp_path / "s.corrections.yaml").exists()


def test_a_stale_correction_is_reported_not_fatal(tmp_path: Path) -> None:
    write(tmp_path, "fixes.yaml", "merge:\n- [Gone Person, Harbour Board]\n")
    for number, text in enumerate(STORY):
        write(tmp_path, f"in/{number}.txt", text)
    result = counterpoint.analyze(
        [tmp_path / "in"], db=tmp_path / "s.duckdb", corrections=tmp_path / "fixes.yaml"
    )
    assert result.added and any("Gone Person" in w for w in result.warnings)


def test_a_broken_corrections_file_names_itself(tmp_path: Path) -> None:
    write(tmp_path, "fixes.yaml", "merge: [unclosed\n")
    try:
        Corrections.load(tmp_path / "fixes.yaml")
    except counterpoint.CounterpointError as error:
        assert "fixes.yaml" in str(error)
    else:
        raise AssertionError("a broken file must be refused")


def test_entities_commands(run, tmp_path: Path) -> None:
    for number, text in enumerate(STORY):
        write(tmp_path, f"in/{number}.txt", text)
    assert run("analyze", "in", "--quiet").exit_code == 0
    listed = run("entities", "list", "--search", "harbour")
    assert "Harbour Authority" in listed.stdout and "Harbour Board" in listed.stdout
    merged = run("entities", "merge", "Harbour Authority", "Harbour Board")
    assert merged.exit_code == 0 and merged.stdout.startswith("merged:")
    after = run("entities", "list", "--search", "harbour").stdout.strip().splitlines()
    assert len(after) == 1 and "the Harbour Board" in after[0]
    assert (tmp_path / "counterpoint.corrections.yaml").exists()
    failed = run("entities", "split", "Nobody", "--alias", "X")
    assert failed.exit_code == 1 and "Nobody" in failed.stderr
