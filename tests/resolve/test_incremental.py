"""Adding documents resolves only the new ones on their own; the store then holds the same
entities as if everything had been analysed at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import counterpoint
from counterpoint.config import AlignSettings, Settings
from counterpoint.store import Store
from counterpoint.store import resolution as stored

from conftest import write

SETTINGS = Settings(align=AlignSettings(vectors=False))

# Ten short reports on one invented story: a full name in some and the surname alone in others,
# two people of one surname, an acronym defined in one report and used bare in later ones.
REPORTS = [
    "Mayor Lucia Ferrand opened the Tallow River Authority (TRA) office in Corvel on Monday.",
    "Mrs. Ferrand said the TRA would publish its water survey in May.",
    "Councilman Oskar Brandt criticised Mayor Lucia Ferrand over the survey's cost.",
    "Mr. Brandt asked the TRA to release its contracts.",
    "Dr. Nadia Brandt, a hydrologist, said the survey used old data.",
    "Councilman Oskar Brandt and Dr. Nadia Brandt are not related, the council said.",
    "The Tallow River Authority hired two engineers from Corvel University.",
    "Mrs. Ferrand thanked Corvel University for its help with the survey.",
    "Lucia Ferrand met Oskar Brandt on Friday to discuss the contracts.",
    "The TRA said on Saturday that Mayor Ferrand had approved the contracts.",
]


def _corpus(folder: Path) -> list[Path]:
    return [
        write(
            folder,
            f"report{i:02}.md",
            f"---\ntitle: Report {i}\noutlet: Outlet {i % 3}\n"
            f"published: 2024-05-{i + 1:02}\n---\n{text}\n",
        )
        for i, text in enumerate(REPORTS)
    ]


def _resolved(db: Path) -> tuple[list[tuple], list[tuple], list[tuple], list[tuple]]:
    with Store(db, read_only=True) as store:
        entities = sorted(
            (e.id, e.name, e.type, tuple(e.aliases), tuple((m.doc, m.index) for m in e.mentions))
            for e in store.entities()
        )
        ties = sorted((t.source, t.target, t.kind, t.doc, t.start) for t in store.ties())
        roles = sorted((r.holder, r.title, r.of or "", r.doc, r.start) for r in store.roles())
        links = sorted((c.a, c.b, c.reason) for c in store.candidates())
    return entities, ties, roles, links


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[list[str]]]:
    folder = tmp_path_factory.mktemp("reports")
    files = _corpus(folder)
    at_once = folder / "once.duckdb"
    counterpoint.analyze(files, db=at_once, settings=SETTINGS)
    in_batches = folder / "batches.duckdb"
    read: list[list[str]] = []
    original = stored.resolution_inputs

    def spy(store: Store, docs: list[str]):  # type: ignore[no-untyped-def]
        read.append(list(docs))
        return original(store, docs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("counterpoint.resolve.resolver.resolution_inputs", spy)
        for file in files:
            counterpoint.analyze([file], db=in_batches, settings=SETTINGS)
    return at_once, in_batches, read


def test_ten_batches_hold_the_same_entities_as_one(stores) -> None:  # type: ignore[no-untyped-def]
    at_once, in_batches, _ = stores
    assert _resolved(in_batches) == _resolved(at_once)


def test_the_resolution_links_names_across_reports(stores) -> None:  # type: ignore[no-untyped-def]
    at_once, _, _ = stores
    with Store(at_once, read_only=True) as store:
        by_name = {e.name: e for e in store.entities()}
    ferrand = by_name["Lucia Ferrand"]
    assert {"Ferrand", "Lucia Ferrand"} <= set(ferrand.aliases)
    assert len({m.doc for m in ferrand.mentions}) == 6
    # Two people named Brandt: the bare surname is not given to either.
    assert "Brandt" not in by_name["Oskar Brandt"].aliases
    assert "Brandt" not in by_name["Nadia Brandt"].aliases
    authority = next(e for e in by_name.values() if "TRA" in e.aliases)
    assert "Tallow River Authority" in authority.name


def test_each_run_reads_only_the_documents_it_adds(stores) -> None:  # type: ignore[no-untyped-def]
    _, _, read = stores
    assert [len(docs) for docs in read] == [1] * len(REPORTS)
    assert len({doc for docs in read for doc in docs}) == len(REPORTS)


def test_a_store_resolved_by_an_older_version_is_resolved_again_whole(  # type: ignore[no-untyped-def]
    stores, tmp_path: Path
) -> None:
    """A store whose entities an older version made (whole-store resolution, no keys kept)
    gets the same entities as a fresh one on its next run, and none twice."""
    at_once, _, _ = stores
    old = tmp_path / "old.duckdb"
    shutil.copyfile(at_once, old)
    with Store(old) as store:
        for table in ("resolved_documents", "resolution_keys", "key_forms", "key_tokens"):
            store.con.execute(f"DELETE FROM {table}")
        store.con.execute("UPDATE mentions SET key = NULL")
        store.con.execute("UPDATE entities SET name = name || ' (old)'")
        with Store(at_once, read_only=True) as fresh:
            folder = Path(fresh.scalar("SELECT source_path FROM documents LIMIT 1")).parent
    counterpoint.analyze([folder], db=old, settings=SETTINGS)
    assert _resolved(old) == _resolved(at_once)


def test_a_store_resolved_by_other_code_is_resolved_again_on_the_next_run(  # type: ignore[no-untyped-def]
    stores, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each document's own resolution is kept only while the resolver's code is the one that
    made it: after an upgrade the next run resolves every document again."""
    at_once, _, _ = stores
    old = tmp_path / "old.duckdb"
    shutil.copyfile(at_once, old)
    with Store(old) as store:
        store.con.execute("UPDATE entities SET name = name || ' (old)'")
        folder = Path(store.scalar("SELECT source_path FROM documents LIMIT 1")).parent
    counterpoint.analyze([folder], db=old, settings=SETTINGS)
    assert _resolved(old) != _resolved(at_once)  # same code: nothing to do again
    monkeypatch.setattr("counterpoint.resolve.resolver.resolver_code", lambda language: "newer")
    counterpoint.analyze([folder], db=old, settings=SETTINGS)
    assert _resolved(old) == _resolved(at_once)


def test_a_surname_tied_in_its_report_is_the_one_the_corpus_names_far_more(
    tmp_path: Path,
) -> None:
    """'Brandt' in a report naming Oskar and Nadia Brandt once each is Oskar, whom the corpus
    names far more often; decided again when later reports make him so, as if all came at once."""
    tied = write(
        tmp_path,
        "tied.md",
        "Oskar Brandt and Nadia Brandt met in Corvel. Brandt said the survey was late.\n",
    )
    later = [
        write(
            tmp_path,
            f"later{i:02}.md",
            f"Councilman Oskar Brandt spoke in Corvel on day {i}. Oskar Brandt thanked them.\n",
        )
        for i in range(12)
    ] + [write(tmp_path, "nadia.md", "Dr. Nadia Brandt, a hydrologist, spoke in Corvel.\n")]
    at_once, in_two = tmp_path / "once.duckdb", tmp_path / "two.duckdb"
    counterpoint.analyze([tied, *later], db=at_once, settings=SETTINGS)
    counterpoint.analyze([tied], db=in_two, settings=SETTINGS)
    with Store(in_two, read_only=True) as store:  # alone, the report cannot tell
        assert "Brandt" not in next(e for e in store.entities() if e.name == "Oskar Brandt").aliases
    counterpoint.analyze(later, db=in_two, settings=SETTINGS)
    assert _resolved(in_two) == _resolved(at_once)
    with Store(at_once, read_only=True) as store:
        by_name = {e.name: e for e in store.entities()}
    assert "Brandt" in by_name["Oskar Brandt"].aliases
    assert "Brandt" not in by_name["Nadia Brandt"].aliases
