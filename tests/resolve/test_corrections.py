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
from counterpoint.resolve.corrections import Alias, Corrections, Merge, Split
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
    assert yaml.safe_load(file.read_text()) == [{"merge": ["Harbour Authority", "Harbour Board"]}]
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


def test_a_split_after_a_merge_takes_effect_now_and_in_later_runs(tmp_path: Path) -> None:
    db = store(tmp_path)
    merged = merge_entities(["Harbour Authority", "Harbour Board"], db=db)
    board = split_entity(merged.id, ["the Harbour Board"], db=db)
    assert board.id != merged.id and board.aliases == ["the Harbour Board"]
    file = yaml.safe_load((tmp_path / "s.corrections.yaml").read_text())
    assert [next(iter(entry)) for entry in file] == ["merge", "split"]
    write(tmp_path, "in/3.txt", "Workers said the Harbour Board met again on Friday.")
    counterpoint.analyze([tmp_path / "in"], db=db)
    authority = next(e for e in list_entities(db) if e.id == merged.id)
    assert "the Harbour Authority" in authority.aliases
    assert "the Harbour Board" not in authority.aliases
    board = next(e for e in list_entities(db) if "the Harbour Board" in e.aliases)
    assert len({m.doc for m in board.mentions}) == 2


def test_a_refused_split_writes_nothing(tmp_path: Path) -> None:
    db = store(tmp_path)
    before = names(db)
    voss = next(e for e in list_entities(db) if "Ida Voss" in e.aliases)
    for aliases in (["Nobody Writes This"], voss.aliases):  # nothing to split, nothing left
        with pytest.raises(counterpoint.CounterpointError, match=voss.id):
            split_entity(voss.id, aliases, db=db)
    assert names(db) == before
    assert not (tmp_path / "s.corrections.yaml").exists()


def test_a_refused_split_on_the_command_line_writes_nothing(run, tmp_path: Path) -> None:
    for number, text in enumerate(STORY):
        write(tmp_path, f"in/{number}.txt", text)
    assert run("analyze", "in", "--quiet").exit_code == 0
    failed = run("entities", "split", "Tomas Brenner", "--alias", "Nobody Writes This")
    assert failed.exit_code == 1 and "Nobody Writes This" in failed.stderr
    assert not (tmp_path / "counterpoint.corrections.yaml").exists()


@pytest.mark.parametrize(
    ("content", "wrong"),
    [
        ("merge: Harbour Authority\n", "merge must be a list"),
        ('merge: ["Harbour Authority", "Harbour Board"]\n', "malformed merge 'Harbour Authority'"),
        ("merge:\n- [Harbour Authority]\n", "two or more"),
        ("split:\n- {entity: Voss}\n", "malformed split"),
        ("- merge: Harbour Authority Harbour Board\n", "malformed merge"),
        ("- split: {entity: Voss, aliases: Ida}\n", "aliases: [TEXT, ...]"),
        ("- alias: {entity: Voss}\n", "malformed alias"),
        ("- rename: {entity: Voss}\n", "correction 1 is not one of merge, split or alias"),
        ("Harbour Board\n", "expected a list of corrections"),
    ],
)
def test_a_malformed_corrections_file_says_what_is_wrong(
    tmp_path: Path, content: str, wrong: str
) -> None:
    write(tmp_path, "fixes.yaml", content)
    with pytest.raises(counterpoint.CounterpointError) as error:
        Corrections.load(tmp_path / "fixes.yaml")
    assert "fixes.yaml" in str(error.value) and wrong in str(error.value)


def test_the_first_format_is_read_in_its_order_and_every_value_as_text(tmp_path: Path) -> None:
    write(
        tmp_path,
        "fixes.yaml",
        "merge:\n- [Norway, 1905]\nalias:\n- {entity: Norway, alias: NO}\n"
        "split:\n- {entity: Norway, aliases: [2024-02-30]}\n",
    )
    assert Corrections.load(tmp_path / "fixes.yaml").operations == [
        Split("Norway", ("2024-02-30",)),
        Alias("Norway", "NO"),
        Merge(("Norway", "1905")),
    ]


def test_a_date_in_the_corrections_file_is_a_name_like_any_other(run, tmp_path: Path) -> None:
    for number, text in enumerate(STORY):
        write(tmp_path, f"in/{number}.txt", text)
    write(tmp_path, "counterpoint.corrections.yaml", "- merge: [2024-02-30, Harbour Board]\n")
    result = run("analyze", "in", "--quiet")
    assert result.exit_code == 0 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "Warning: counterpoint.corrections.yaml: no single entity is named '2024-02-30'"
    ]


def test_a_folder_for_the_corrections_file_is_one_clear_line(run, tmp_path: Path) -> None:
    write(tmp_path, "in/0.txt", STORY[0])
    (tmp_path / "counterpoint.corrections.yaml").mkdir()
    for args in (["analyze", "in"], ["entities", "merge", "Voss", "Harbour Authority"]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr.strip().splitlines() == [
            "Error: counterpoint.corrections.yaml: is a folder, not a corrections file"
        ]
