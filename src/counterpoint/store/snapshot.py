"""The store's snapshot, `NAME.duckdb.snapshot` beside the store: a read-only copy that readers
in other processes (the explorer) open instead of the store. DuckDB lets one process write a
file and no other open it meanwhile; with the snapshot, a reader never keeps `analyze` out of
the store and never waits for it.

The writer publishes it after each phase it finishes: a checkpoint puts every commit into the
store file, whose bytes are then copied beside it and swapped in place of the old snapshot, so a
reader sees the store as one commit left it, and a reader holding the old file keeps reading it.
A copy is linear in the store's size (a file copy, streamed by the kernel, no memory).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from counterpoint.errors import StoreError
from counterpoint.files import replace_atomically
from counterpoint.store.database import Store


def snapshot_path(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(f"{db.name}.snapshot")


def wal_path(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(f"{db.name}.wal")


def publish_snapshot(store: Store) -> Path:
    """Copy the store, as its last commit left it, to its snapshot. A store opened read-only
    cannot checkpoint: it must have no write-ahead log (the file then holds every commit)."""
    if not store.read_only:
        store.con.execute("CHECKPOINT")
    elif wal_path(store.path).exists():
        raise StoreError(f"{store.path}: open the store writable to publish its snapshot")
    target = snapshot_path(store.path)
    try:
        replace_atomically(target, lambda temporary: _copy(store.path, temporary))
    except OSError as error:
        raise StoreError(
            f"{target}: cannot write the store's snapshot: {error.strerror or error}"
        ) from None
    return target


def refresh_snapshot(store: Store) -> None:
    """Publish the snapshot where a reader uses one, that is where it exists (the explorer makes
    it when it starts): a store nobody browses is never copied."""
    if snapshot_path(store.path).exists():
        publish_snapshot(store)


def snapshot_is_current(db: str | Path) -> bool:
    """Whether the snapshot was written after the store and its write-ahead log last
    changed."""
    db = Path(db)
    if not db.exists():
        return False
    try:
        written = snapshot_path(db).stat().st_mtime_ns
    except FileNotFoundError:
        return False
    changed = [p.stat().st_mtime_ns for p in (db, wal_path(db)) if p.exists()]
    return all(written >= mtime for mtime in changed)


def _copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with target.open("rb+") as file:
        os.fsync(file.fileno())
